//! Shared fixtures of the reserve tests: a multi-test app with the suite's own cw20 (`poe_token`)
//! as AUR (the reserve its minter) and as FLX (the payment token), a third token (XYZ), the
//! suite's treasury, the reserve with two custodians, and typed helpers for every message and
//! query.
#![allow(dead_code, unused_imports)]

use anyhow::Result as AnyResult;
use cosmwasm_std::{coin, coins, to_json_binary, Addr, Coin, Decimal, Empty, Record, Uint128};
use cw20::{BalanceResponse, Cw20Coin, Cw20ExecuteMsg, Cw20QueryMsg, MinterResponse};
use cw_multi_test::{App, AppResponse, Contract, ContractWrapper, Executor};
use poe_test_utils::{
    advance, app_with_native_balances, assert_rejected_unchanged, contract_wrapper, cw20_balance,
    cw20_send, cw20_supply, find_error, native_balance, token_instantiate_msg, Asset, Snapshot,
};

pub use poe_test_utils::{expect_wasm_attr as attr, u, wasm_attrs};

pub use poe_aurum_reserve::msg::{
    AssetInfo, AttestationResponse, AttestationsResponse, BackingResponse, ConfigResponse,
    CustodiansResponse, ExecuteMsg, InstantiateMsg, LatestAttestationResponse, MintingHalt,
    QueryMsg, ReceiveMsg, RedemptionResponse, RedemptionStatus, RedemptionsResponse,
};
pub use poe_aurum_reserve::ContractError;

/// FLX (and XYZ, and AUR under a transfer burn) every user starts with: 1,000,000 tokens.
pub const START: u128 = 1_000_000_000_000;
/// Native coins (`uusd` and `uatom`) every user, the owner and the custodians start with.
pub const START_NATIVE: u128 = 1_000_000_000_000;
pub const NATIVE_DENOM: &str = "uusd";
/// 1 AUR (10^6 base units) per gram: seed 000's 1:1.
pub const AUR_PER_GRAM: u128 = 1_000_000;
/// Backing ratio of these tests: 125 %.
pub const RATIO_PERCENT: u64 = 125;
/// 65 FLX per AUR (both 6 decimals): 65 FLX base units per AUR base unit.
pub const PRICE: u64 = 65;
/// Attestations older than a day halt minting.
pub const MAX_AGE: u64 = 86_400;
/// One AUR in base units.
pub const AUR: u128 = 1_000_000;
/// One gram in mg.
pub const GRAM: u128 = 1_000;
/// One kilogram in mg.
pub const KG: u128 = 1_000_000;

pub fn reserve_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_aurum_reserve, migrate)
}

pub fn token_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_token)
}

pub fn treasury_contract() -> Box<dyn Contract<Empty>> {
    contract_wrapper!(poe_treasury)
}

/// How the suite is built.
#[derive(Clone, Debug)]
pub struct Options {
    /// Pay with the native `uusd` instead of FLX.
    pub native: bool,
    /// AUR's transfer burn, bps.
    pub aur_transfer_burn_bps: Option<u16>,
    /// Make the reserve AUR's minter.
    pub reserve_is_minter: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            native: false,
            aur_transfer_burn_bps: None,
            reserve_is_minter: true,
        }
    }
}

pub struct Suite {
    pub app: App,
    pub reserve: Addr,
    pub aur: Addr,
    pub flx: Addr,
    /// A cw20 token that is neither AUR nor the payment token.
    pub xyz: Addr,
    pub treasury: Addr,
    pub owner: Addr,
    /// AUR's initial minter and admin of every contract.
    pub admin: Addr,
    pub custodian: Addr,
    pub custodian2: Addr,
    pub alice: Addr,
    pub bob: Addr,
    pub carol: Addr,
    /// A counter for fresh document hashes.
    pub docs: u64,
}

impl Suite {
    /// FLX payments, AUR without transfer burn, the reserve AUR's minter; no attestation yet.
    pub fn new() -> Self {
        Self::with(Options::default())
    }

    /// Paid in the native `uusd`.
    pub fn native() -> Self {
        Self::with(Options {
            native: true,
            ..Options::default()
        })
    }

    pub fn with(opts: Options) -> Self {
        // everyone holds native coins, to attach them where none belong
        let mut app = app_with_native_balances(
            &["alice", "bob", "carol", "owner", "custodian", "custodian2"],
            &[
                coin(START_NATIVE, NATIVE_DENOM),
                coin(START_NATIVE, "uatom"),
            ],
        );
        let api = app.api();
        let [owner, admin, custodian, custodian2, alice, bob, carol] = [
            "owner",
            "admin",
            "custodian",
            "custodian2",
            "alice",
            "bob",
            "carol",
        ]
        .map(|n| api.addr_make(n));
        let token_code = app.store_code(token_contract());
        let treasury_code = app.store_code(treasury_contract());
        let reserve_code = app.store_code(reserve_contract());
        let holders = [&alice, &bob, &carol];
        let mut token = |symbol: &str, minter: Option<&Addr>, burn: Option<u16>| {
            // a minted token starts with no holders
            let holders: &[&Addr] = if minter.is_some() { &[] } else { &holders };
            app.instantiate_contract(
                token_code,
                admin.clone(),
                &poe_token::msg::InstantiateMsg {
                    mint: minter.map(|m| MinterResponse {
                        minter: m.to_string(),
                        cap: None,
                    }),
                    transfer_burn_bps: burn,
                    ..token_instantiate_msg(symbol, holders, START)
                },
                &[],
                symbol,
                None,
            )
            .expect("token instantiates")
        };
        let aur = token("AUR", Some(&admin), opts.aur_transfer_burn_bps);
        let flx = token("FLX", None, None);
        let xyz = token("XYZ", None, None);
        let treasury = app
            .instantiate_contract(
                treasury_code,
                admin.clone(),
                &poe_treasury::msg::InstantiateMsg {
                    owner: Some(owner.to_string()),
                },
                &[],
                "treasury",
                None,
            )
            .expect("treasury instantiates");
        let payment_asset = if opts.native {
            AssetInfo::Native {
                denom: NATIVE_DENOM.to_string(),
            }
        } else {
            AssetInfo::Cw20 {
                contract_addr: flx.to_string(),
            }
        };
        let reserve = app
            .instantiate_contract(
                reserve_code,
                admin.clone(),
                &InstantiateMsg {
                    owner: Some(owner.to_string()),
                    aur_token: aur.to_string(),
                    payment_asset,
                    price: price(),
                    treasury: treasury.to_string(),
                    aur_per_gram: Uint128::new(AUR_PER_GRAM),
                    backing_ratio: Decimal::percent(RATIO_PERCENT),
                    max_attestation_age_seconds: MAX_AGE,
                    custodians: vec![custodian.to_string(), custodian2.to_string()],
                },
                &[],
                "aurum-reserve",
                Some(admin.to_string()),
            )
            .expect("reserve instantiates");
        if opts.reserve_is_minter {
            app.execute_contract(
                admin.clone(),
                aur.clone(),
                &Cw20ExecuteMsg::UpdateMinter {
                    new_minter: Some(reserve.to_string()),
                },
                &[],
            )
            .expect("minter moves to the reserve");
        }
        Suite {
            app,
            reserve,
            aur,
            flx,
            xyz,
            treasury,
            owner,
            admin,
            custodian,
            custodian2,
            alice,
            bob,
            carol,
            docs: 0,
        }
    }

    pub fn users(&self) -> [Addr; 3] {
        [self.alice.clone(), self.bob.clone(), self.carol.clone()]
    }

    pub fn exec(&mut self, sender: &Addr, msg: &ExecuteMsg) -> AnyResult<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.reserve.clone(), msg, &[])
    }

    pub fn exec_with(
        &mut self,
        sender: &Addr,
        msg: &ExecuteMsg,
        funds: &[Coin],
    ) -> AnyResult<AppResponse> {
        self.app
            .execute_contract(sender.clone(), self.reserve.clone(), msg, funds)
    }

    /// Moves the chain `seconds` (and one block) forward.
    pub fn advance(&mut self, seconds: u64) {
        advance(&mut self.app, seconds, 1);
    }

    pub fn now(&self) -> u64 {
        self.app.block_info().time.seconds()
    }

    /// A fresh document hash.
    pub fn next_doc(&mut self) -> String {
        self.docs += 1;
        doc(self.docs)
    }

    pub fn attest_with(
        &mut self,
        who: &Addr,
        reserve_mg: u128,
        document_hash: &str,
        timestamp: u64,
    ) -> AnyResult<AppResponse> {
        self.exec(
            who,
            &ExecuteMsg::Attest {
                reserve_mg: Uint128::new(reserve_mg),
                document_hash: document_hash.to_string(),
                timestamp,
            },
        )
    }

    /// `custodian` attests `reserve_mg` now, with a fresh document.
    pub fn attest(&mut self, reserve_mg: u128) -> AnyResult<AppResponse> {
        let (who, hash, now) = (self.custodian.clone(), self.next_doc(), self.now());
        self.attest_with(&who, reserve_mg, &hash, now)
    }

    /// `who` sends `amount` of `token` to the reserve with `hook`.
    pub fn send(
        &mut self,
        who: &Addr,
        token: &Addr,
        amount: u128,
        hook: &ReceiveMsg,
    ) -> AnyResult<AppResponse> {
        cw20_send(&mut self.app, who, token, &self.reserve, amount, hook)
    }

    /// `who` pays `paid` FLX for AUR.
    pub fn buy(&mut self, who: &Addr, paid: u128) -> AnyResult<AppResponse> {
        let flx = self.flx.clone();
        self.send(who, &flx, paid, &ReceiveMsg::Buy { recipient: None })
    }

    /// `who` buys `aur` AUR base units at the tests' price, in FLX.
    pub fn buy_aur(&mut self, who: &Addr, aur: u128) -> AnyResult<AppResponse> {
        self.buy(who, aur * PRICE as u128)
    }

    /// `who` buys with `paid` of the native denom.
    pub fn buy_native(&mut self, who: &Addr, paid: u128) -> AnyResult<AppResponse> {
        self.exec_with(
            who,
            &ExecuteMsg::Buy { recipient: None },
            &coins(paid, NATIVE_DENOM),
        )
    }

    pub fn redeem(
        &mut self,
        who: &Addr,
        amount: u128,
        delivery_note: Option<&str>,
    ) -> AnyResult<AppResponse> {
        let aur = self.aur.clone();
        self.send(
            who,
            &aur,
            amount,
            &ReceiveMsg::Redeem {
                delivery_note: delivery_note.map(str::to_string),
            },
        )
    }

    pub fn fulfill(&mut self, who: &Addr, id: u64) -> AnyResult<AppResponse> {
        let hash = self.next_doc();
        self.exec(
            who,
            &ExecuteMsg::FulfillRedemption {
                id,
                document_hash: hash,
            },
        )
    }

    pub fn update_custodians(
        &mut self,
        who: &Addr,
        add: &[&Addr],
        remove: &[&Addr],
    ) -> AnyResult<AppResponse> {
        self.exec(
            who,
            &ExecuteMsg::UpdateCustodians {
                add: add.iter().map(|a| a.to_string()).collect(),
                remove: remove.iter().map(|a| a.to_string()).collect(),
            },
        )
    }

    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> AnyResult<T> {
        Ok(self.app.wrap().query_wasm_smart(&self.reserve, msg)?)
    }

    pub fn backing(&self) -> BackingResponse {
        self.query(&QueryMsg::Backing {}).expect("backing answers")
    }

    pub fn config(&self) -> ConfigResponse {
        self.query(&QueryMsg::Config {}).expect("config answers")
    }

    pub fn redemption(&self, id: u64) -> RedemptionResponse {
        self.query(&QueryMsg::Redemption { id })
            .expect("redemption answers")
    }

    pub fn redemptions(
        &self,
        status: Option<RedemptionStatus>,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> Vec<RedemptionResponse> {
        let res: RedemptionsResponse = self
            .query(&QueryMsg::Redemptions {
                status,
                start_after,
                limit,
            })
            .expect("redemptions answer");
        res.redemptions
    }

    /// Every redemption of `status` (all pages).
    pub fn all_redemptions(&self, status: Option<RedemptionStatus>) -> Vec<RedemptionResponse> {
        let mut out: Vec<RedemptionResponse> = vec![];
        loop {
            let page = self.redemptions(status, out.last().map(|r| r.id), Some(30));
            if page.is_empty() {
                return out;
            }
            out.extend(page);
        }
    }

    pub fn attestations(
        &self,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> Vec<AttestationResponse> {
        let res: AttestationsResponse = self
            .query(&QueryMsg::Attestations { start_after, limit })
            .expect("attestations answer");
        res.attestations
    }

    pub fn latest_attestation(&self) -> Option<AttestationResponse> {
        let res: LatestAttestationResponse = self
            .query(&QueryMsg::LatestAttestation {})
            .expect("latest attestation answers");
        res.attestation
    }

    pub fn custodians(&self, start_after: Option<String>, limit: Option<u32>) -> Vec<String> {
        let res: CustodiansResponse = self
            .query(&QueryMsg::Custodians { start_after, limit })
            .expect("custodians answer");
        res.custodians
    }

    pub fn balance(&self, token: &Addr, who: &Addr) -> u128 {
        cw20_balance(&self.app, token, who)
    }

    pub fn supply(&self) -> u128 {
        cw20_supply(&self.app, &self.aur)
    }

    pub fn native_balance(&self, who: &Addr, denom: &str) -> u128 {
        native_balance(&self.app, who, denom)
    }

    /// The reserve's and the treasury's raw storage, AUR's supply, and every balance of every
    /// account in every token and native denom: if this is unchanged, nothing moved.
    pub fn snapshot(&self) -> Snapshot {
        let mut accounts = vec![
            self.reserve.clone(),
            self.treasury.clone(),
            self.owner.clone(),
            self.admin.clone(),
            self.custodian.clone(),
            self.custodian2.clone(),
        ];
        accounts.extend(self.users());
        let assets = [
            Asset::cw20(&self.aur),
            Asset::cw20(&self.flx),
            Asset::cw20(&self.xyz),
            Asset::native(NATIVE_DENOM),
            Asset::native("uatom"),
        ];
        Snapshot::of(&self.app)
            .storage([&self.reserve, &self.treasury])
            .supplies([&self.aur])
            .balances(&assets, &accounts)
            .take()
    }

    /// Runs `action`, expects it to fail with exactly `expected`, and checks nothing changed
    /// (the reserve's and treasury's storage, AUR's supply and every balance).
    pub fn assert_rejected(
        &mut self,
        expected: ContractError,
        action: impl FnOnce(&mut Self) -> AnyResult<AppResponse>,
    ) {
        assert_rejected_unchanged(self, Self::snapshot, &expected, &expected, action);
    }
}

/// The tests' price: 65 FLX base units per AUR base unit.
pub fn price() -> Decimal {
    Decimal::from_atomics(PRICE, 0).expect("price")
}

/// A document hash made of `n` in hex, 64 digits.
pub fn doc(n: u64) -> String {
    format!("{n:064x}")
}

/// The reserve's `ContractError` anywhere in a multi-test error's chain (a hook's error is
/// wrapped by the token's `Send`).
pub fn contract_err(err: &anyhow::Error) -> &ContractError {
    find_error(err)
}

/// `AllowList(NotListed)` of a custodian (a custodian-only message from a stranger, or removing a
/// non-custodian).
pub fn not_listed(address: impl ToString) -> ContractError {
    ContractError::AllowList(poe_controllers::AllowListError::NotListed {
        role: "custodian".into(),
        address: address.to_string(),
    })
}

/// `AllowList(AlreadyListed)` of a custodian.
pub fn already_listed(address: impl ToString) -> ContractError {
    ContractError::AllowList(poe_controllers::AllowListError::AlreadyListed {
        role: "custodian".into(),
        address: address.to_string(),
    })
}

/// `AllowList(Full)`: more than `MAX_CUSTODIANS` custodians.
pub fn custodians_full() -> ContractError {
    ContractError::AllowList(poe_controllers::AllowListError::Full {
        role: "custodian".into(),
        cap: poe_interface::aurum_reserve::MAX_CUSTODIANS,
    })
}
