//! Shared fixtures of the reserve tests: a multi-test app with the suite's own cw20 (`poe_token`)
//! as AUR (the reserve its minter) and as FLX (the payment token), a third token (XYZ), the
//! suite's treasury, and the reserve with two custodians. Messages and queries go through
//! poe-test-utils' typed handles (`AurumHandle`, `TokenHandle`, `TreasuryHandle`); the suite adds
//! the tests' conventions on top: amounts in `u128`, the first custodian attesting now with a
//! fresh document, FLX (or `uusd`) as the payment.
#![allow(dead_code, unused_imports, unused_macros)]

use std::cell::Cell;

use anyhow::Result as AnyResult;
use cosmwasm_std::{coin, coins, Addr, Decimal, Empty, Uint128};
use cw20::MinterResponse;
use cw_multi_test::{AppResponse, Contract, Executor};
use poe_test_utils::{
    advance, app_with_native_balances, assert_rejected_unchanged, contract_wrapper, find_error,
    share, token_instantiate_msg, Asset, Snapshot,
};

pub use poe_test_utils::{
    expect_wasm_attr as attr, u, wasm_attrs, AurumHandle, Cw20Handle, SharedApp, TokenHandle,
    TreasuryHandle,
};

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

/// The reserve's `UpdateConfig` changing only the fields named, e.g.
/// `update!(backing_ratio: Some(Decimal::one()))`; every other field `None` (`update!()` changes
/// nothing).
macro_rules! update {
    ($($field:ident: $value:expr),* $(,)?) => {{
        let mut msg = ExecuteMsg::UpdateConfig {
            payment_asset: None,
            price: None,
            treasury: None,
            aur_per_gram: None,
            backing_ratio: None,
            max_attestation_age_seconds: None,
        };
        if let ExecuteMsg::UpdateConfig { $($field,)* .. } = &mut msg {
            $(*$field = $value;)*
        }
        msg
    }};
}
pub(crate) use update;

pub struct Suite {
    /// The chain, shared with every handle below.
    pub app: SharedApp,
    pub reserve: AurumHandle,
    pub aur: TokenHandle,
    pub flx: TokenHandle,
    /// A cw20 token that is neither AUR nor the payment token.
    pub xyz: TokenHandle,
    pub treasury: TreasuryHandle,
    pub owner: Addr,
    /// AUR's initial minter and admin of every contract.
    pub admin: Addr,
    pub custodian: Addr,
    pub custodian2: Addr,
    pub alice: Addr,
    pub bob: Addr,
    pub carol: Addr,
    /// A counter for fresh document hashes.
    pub docs: Cell<u64>,
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
        let app = share(app);
        let s = Suite {
            reserve: AurumHandle::new(app.clone(), reserve),
            aur: TokenHandle::new(app.clone(), aur, "AUR"),
            flx: TokenHandle::new(app.clone(), flx, "FLX"),
            xyz: TokenHandle::new(app.clone(), xyz, "XYZ"),
            treasury: TreasuryHandle::new(app.clone(), treasury),
            app,
            owner,
            admin,
            custodian,
            custodian2,
            alice,
            bob,
            carol,
            docs: Cell::new(0),
        };
        if opts.reserve_is_minter {
            s.aur
                .update_minter(&s.admin, Some(&s.reserve.addr))
                .expect("minter moves to the reserve");
        }
        s
    }

    pub fn users(&self) -> [Addr; 3] {
        [self.alice.clone(), self.bob.clone(), self.carol.clone()]
    }

    /// Moves the chain `seconds` (and one block) forward.
    pub fn advance(&self, seconds: u64) {
        advance(&mut self.app.borrow_mut(), seconds, 1);
    }

    pub fn now(&self) -> u64 {
        self.app.borrow().block_info().time.seconds()
    }

    /// A fresh document hash.
    pub fn next_doc(&self) -> String {
        self.docs.set(self.docs.get() + 1);
        doc(self.docs.get())
    }

    /// `who` attests `reserve_mg` at `timestamp` with `document_hash`.
    pub fn attest_with(
        &self,
        who: &Addr,
        reserve_mg: u128,
        document_hash: &str,
        timestamp: u64,
    ) -> AnyResult<AppResponse> {
        self.reserve
            .attest(who, u(reserve_mg), document_hash, timestamp)
    }

    /// `custodian` attests `reserve_mg` now, with a fresh document.
    pub fn attest(&self, reserve_mg: u128) -> AnyResult<AppResponse> {
        self.attest_with(&self.custodian, reserve_mg, &self.next_doc(), self.now())
    }

    /// `who` pays `paid` FLX for AUR.
    pub fn buy(&self, who: &Addr, paid: u128) -> AnyResult<AppResponse> {
        self.reserve.buy(&self.flx, who, u(paid))
    }

    /// `who` buys `aur` AUR base units at the tests' price, in FLX.
    pub fn buy_aur(&self, who: &Addr, aur: u128) -> AnyResult<AppResponse> {
        self.buy(who, aur * PRICE as u128)
    }

    /// `who` buys with `paid` of the native denom.
    pub fn buy_native(&self, who: &Addr, paid: u128) -> AnyResult<AppResponse> {
        self.reserve
            .buy_native(who, &coins(paid, NATIVE_DENOM), None)
    }

    /// `who` redeems `amount` AUR base units, with `delivery_note`.
    pub fn redeem(
        &self,
        who: &Addr,
        amount: u128,
        delivery_note: Option<&str>,
    ) -> AnyResult<AppResponse> {
        self.reserve
            .redeem_with_note(&self.aur, who, u(amount), delivery_note)
    }

    /// `who` fulfils redemption `id` with a fresh document.
    pub fn fulfill(&self, who: &Addr, id: u64) -> AnyResult<AppResponse> {
        self.reserve.fulfill_redemption(who, id, &self.next_doc())
    }

    /// The ids of one page of redemptions of `status` (any when `None`) after `start_after`.
    pub fn redemption_ids(
        &self,
        status: Option<RedemptionStatus>,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> Vec<u64> {
        let page = self
            .reserve
            .redemptions_page(status, start_after, limit)
            .expect("redemptions answer");
        page.redemptions.iter().map(|r| r.id).collect()
    }

    /// `who`'s balance of `token`, base units.
    pub fn balance(&self, token: &Cw20Handle, who: &Addr) -> u128 {
        token.balance(who).expect("token answers").u128()
    }

    /// AUR's supply, base units.
    pub fn supply(&self) -> u128 {
        self.aur.total_supply().expect("AUR answers").u128()
    }

    pub fn native_balance(&self, who: &Addr, denom: &str) -> u128 {
        poe_test_utils::native_balance(&self.app.borrow(), who, denom)
    }

    /// The reserve's and the treasury's raw storage, AUR's supply, and every balance of every
    /// account in every token and native denom: if this is unchanged, nothing moved.
    pub fn snapshot(&self) -> Snapshot {
        let mut accounts = vec![
            self.reserve.addr.clone(),
            self.treasury.addr.clone(),
            self.owner.clone(),
            self.admin.clone(),
            self.custodian.clone(),
            self.custodian2.clone(),
        ];
        accounts.extend(self.users());
        let assets = [
            Asset::cw20(&self.aur.addr),
            Asset::cw20(&self.flx.addr),
            Asset::cw20(&self.xyz.addr),
            Asset::native(NATIVE_DENOM),
            Asset::native("uatom"),
        ];
        Snapshot::of(&self.app.borrow())
            .storage([&self.reserve.addr, &self.treasury.addr])
            .supplies([&self.aur.addr])
            .balances(&assets, &accounts)
            .take()
    }

    /// The supply is `supply` AUR base units, the whole backing: `who` buying one base unit
    /// more is refused with `ExceedsBacking` and changes nothing.
    pub fn assert_backing_full(&mut self, who: &Addr, supply: u128) {
        let expected = ContractError::ExceedsBacking {
            supply: u(supply),
            amount: u(1),
            max_supply: u(supply),
        };
        self.assert_rejected(expected, |s| s.buy_aur(who, 1));
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
