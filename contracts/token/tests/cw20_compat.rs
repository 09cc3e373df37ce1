//! The token is cw20-base: the same raw instantiation JSON, and the same answers, errors,
//! attributes and state as cw20-base 2.0 for every cw20 message and query (side by side in one
//! app). The one documented difference, zero amounts, is in `adversarial.rs`.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{to_json_binary, Addr, Binary, CosmosMsg, Empty, StdError, Uint128, WasmMsg};
use cw20::{
    AllAccountsResponse, AllAllowancesResponse, AllSpenderAllowancesResponse, AllowanceResponse,
    Cw20ExecuteMsg, DownloadLogoResponse, EmbeddedLogo, Expiration, Logo, MarketingInfoResponse,
    MinterResponse,
};
use cw20_base::msg::QueryMsg as BaseQuery;
use cw_multi_test::{App, AppResponse, Executor};
use poe_test_utils::share;

/// Instantiates `code_id` with exactly the bytes of `json` and returns the new address.
fn instantiate_raw(app: &mut App, code_id: u64, sender: &Addr, json: &str) -> Addr {
    let res = app
        .execute(
            sender.clone(),
            CosmosMsg::Wasm(WasmMsg::Instantiate {
                admin: None,
                code_id,
                msg: Binary::from(json.as_bytes()),
                funds: vec![],
                label: "raw".to_string(),
            }),
        )
        .expect("instantiates from raw cw20-base JSON");
    instantiated_addr(&res)
}

/// Instantiates `code_id` in `app` from `json` (as [`instantiate_raw`]) and hands the chain to
/// the new token's handle.
fn raw_token(mut app: App, code_id: u64, sender: &Addr, json: &str) -> Cw20Handle {
    let token = instantiate_raw(&mut app, code_id, sender, json);
    Cw20Handle::new(share(app), token)
}

fn instantiated_addr(res: &AppResponse) -> Addr {
    let addr = res
        .events
        .iter()
        .filter(|e| e.ty == "instantiate")
        .flat_map(|e| e.attributes.iter())
        .find(|a| a.key == "_contract_address")
        .map(|a| a.value.clone())
        .expect("instantiate event");
    Addr::unchecked(addr)
}

fn cw20_base_json(alice: &Addr, bob: &Addr, minter: &Addr, marketing: &Addr) -> String {
    format!(
        r#"{{"name":"Flux","symbol":"FLX","decimals":6,
            "initial_balances":[{{"address":"{alice}","amount":"10000"}},{{"address":"{bob}","amount":"5000"}}],
            "mint":{{"minter":"{minter}","cap":"1000000"}},
            "marketing":{{"project":"poe","description":"flux","marketing":"{marketing}",
                          "logo":{{"url":"https://example.invalid/flx.png"}}}}}}"#
    )
}

#[test]
fn raw_cw20_base_json_instantiates_the_token() {
    let mut app = App::default();
    let (creator, alice, bob, minter, marketing) = (
        app.api().addr_make("creator"),
        app.api().addr_make("alice"),
        app.api().addr_make("bob"),
        app.api().addr_make("minter"),
        app.api().addr_make("marketing"),
    );
    let code_id = app.store_code(token_contract());
    let json = cw20_base_json(&alice, &bob, &minter, &marketing);
    let token = raw_token(app, code_id, &creator, &json);
    let info = token.token_info().unwrap();
    assert_eq!(info.name, "Flux");
    assert_eq!(info.symbol, "FLX");
    assert_eq!(info.decimals, 6);
    assert_eq!(info.total_supply, Uint128::new(15_000));
    assert_eq!(
        token.minter().unwrap(),
        Some(MinterResponse {
            minter: minter.to_string(),
            cap: Some(Uint128::new(1_000_000))
        })
    );
    // extensions take their defaults: no burn, the instantiator owns the token
    assert_eq!(token.transfer_burn().unwrap(), 0);
    let ownership = token.ownership().unwrap();
    assert_eq!(ownership.owner, Some(creator.to_string()));
    assert_eq!(ownership.pending_owner, None);
    // our cw2 name, not cw20-base's
    let version = cw2::query_contract_info(&token.app().borrow().wrap(), &token.addr).unwrap();
    assert_eq!(version.contract, "crates.io:poe-token");
    assert_eq!(version.version, env!("CARGO_PKG_VERSION"));
}

#[test]
fn minimal_raw_json_without_optional_fields_instantiates() {
    let mut app = App::default();
    let (creator, alice) = (app.api().addr_make("creator"), app.api().addr_make("alice"));
    let code_id = app.store_code(token_contract());
    let json = format!(
        r#"{{"name":"Aurum","symbol":"AUR","decimals":6,"initial_balances":[{{"address":"{alice}","amount":"7"}}]}}"#
    );
    let token = raw_token(app, code_id, &creator, &json);
    assert_eq!(token.total_supply().unwrap(), Uint128::new(7));
    assert_eq!(token.minter().unwrap(), None);
    assert_eq!(
        token.marketing_info().unwrap(),
        MarketingInfoResponse::default()
    );
}

#[test]
fn extension_fields_are_read_from_the_instantiate_json() {
    let mut app = App::default();
    let (creator, alice, gov) = (
        app.api().addr_make("creator"),
        app.api().addr_make("alice"),
        app.api().addr_make("gov"),
    );
    let code_id = app.store_code(token_contract());
    let json = format!(
        r#"{{"name":"Genesis","symbol":"GEN","decimals":6,"initial_balances":[{{"address":"{alice}","amount":"1000"}}],
            "mint":null,"marketing":null,"transfer_burn_bps":25,"owner":"{gov}"}}"#
    );
    let token = raw_token(app, code_id, &creator, &json);
    assert_eq!(token.transfer_burn().unwrap(), 25);
    assert_eq!(token.ownership().unwrap().owner, Some(gov.to_string()));
}

/// Both contracts in one app, with the same accounts.
struct SideBySide {
    app: App,
    base: Addr,
    poe: Addr,
    receiver: Addr,
    alice: Addr,
    bob: Addr,
    carol: Addr,
    minter: Addr,
    marketing: Addr,
}

impl SideBySide {
    fn new() -> Self {
        let mut app = App::default();
        let api = app.api();
        let (creator, alice, bob, carol, minter, marketing) = (
            api.addr_make("creator"),
            api.addr_make("alice"),
            api.addr_make("bob"),
            api.addr_make("carol"),
            api.addr_make("minter"),
            api.addr_make("marketing"),
        );
        let json = cw20_base_json(&alice, &bob, &minter, &marketing);
        let base_code = app.store_code(cw20_base_contract());
        let poe_code = app.store_code(token_contract());
        let receiver_code = app.store_code(receiver_contract());
        let base = instantiate_raw(&mut app, base_code, &creator, &json);
        let poe = instantiate_raw(&mut app, poe_code, &creator, &json);
        let receiver = app
            .instantiate_contract(receiver_code, creator, &Empty {}, &[], "receiver", None)
            .unwrap();
        SideBySide {
            app,
            base,
            poe,
            receiver,
            alice,
            bob,
            carol,
            minter,
            marketing,
        }
    }

    /// Runs `msg` on both; both must succeed with the same attributes or fail with the same
    /// cw20-base error (a mint or burn adding the supply record's `reason`, `height`, `account`
    /// after cw20-base's attributes); then every query must answer the same. Returns whether it
    /// succeeded.
    fn step(&mut self, sender: &Addr, msg: Cw20ExecuteMsg) -> bool {
        let base = self
            .app
            .execute_contract(sender.clone(), self.base.clone(), &msg, &[]);
        let poe = self
            .app
            .execute_contract(sender.clone(), self.poe.clone(), &msg, &[]);
        let ok = base.is_ok();
        match (base, poe) {
            (Ok(base), Ok(poe)) => {
                // cw20-base's attributes, then the supply record's on a mint or burn
                let mut expected = wasm_attrs(&base, &self.base);
                let height = self.app.block_info().height.to_string();
                let record = match &msg {
                    Cw20ExecuteMsg::Mint { recipient, .. } => {
                        Some(("unspecified", recipient.clone()))
                    }
                    Cw20ExecuteMsg::Burn { .. } => Some(("user", sender.to_string())),
                    Cw20ExecuteMsg::BurnFrom { owner, .. } => Some(("user", owner.clone())),
                    _ => None,
                };
                if let Some((reason, account)) = record {
                    expected.extend([
                        ("reason".to_string(), reason.to_string()),
                        ("height".to_string(), height),
                        ("account".to_string(), account),
                    ]);
                }
                assert_eq!(
                    expected,
                    wasm_attrs(&poe, &self.poe),
                    "attributes of {msg:?}"
                );
                assert_eq!(
                    wasm_attrs(&base, &self.receiver),
                    wasm_attrs(&poe, &self.receiver),
                    "hook attributes of {msg:?}"
                );
                assert_eq!(base.data, poe.data);
            }
            (Err(base), Err(poe)) => match base.downcast::<cw20_base::ContractError>() {
                Ok(base) => assert_eq!(
                    contract_err(poe),
                    ContractError::Cw20(base),
                    "error of {msg:?}"
                ),
                // a failing hook: the receiver's error, the same for both
                Err(base) => assert_eq!(
                    base.root_cause().to_string(),
                    poe.root_cause().to_string(),
                    "hook error of {msg:?}"
                ),
            },
            (base, poe) => panic!("{msg:?}: cw20-base gave {base:?}, the token gave {poe:?}"),
        }
        self.assert_same_state();
        ok
    }

    fn both<T: serde::de::DeserializeOwned + PartialEq + std::fmt::Debug>(
        &self,
        msg: &BaseQuery,
    ) -> T {
        let q = self.app.wrap();
        let base: Result<T, StdError> = q.query_wasm_smart(&self.base, msg);
        let poe: Result<T, StdError> = q.query_wasm_smart(&self.poe, msg);
        match (base, poe) {
            (Ok(base), Ok(poe)) => {
                assert_eq!(base, poe, "{msg:?}");
                base
            }
            (base, poe) => panic!("{msg:?}: cw20-base {base:?}, token {poe:?}"),
        }
    }

    fn assert_same_state(&self) {
        let actors = [
            &self.alice,
            &self.bob,
            &self.carol,
            &self.minter,
            &self.marketing,
            &self.receiver,
        ];
        for a in actors {
            let _: cw20::BalanceResponse = self.both(&BaseQuery::Balance {
                address: a.to_string(),
            });
            let _: AllAllowancesResponse = self.both(&BaseQuery::AllAllowances {
                owner: a.to_string(),
                start_after: None,
                limit: None,
            });
            let _: AllSpenderAllowancesResponse = self.both(&BaseQuery::AllSpenderAllowances {
                spender: a.to_string(),
                start_after: None,
                limit: None,
            });
            for b in actors {
                let _: AllowanceResponse = self.both(&BaseQuery::Allowance {
                    owner: a.to_string(),
                    spender: b.to_string(),
                });
            }
        }
        let _: TokenInfoResponse = self.both(&BaseQuery::TokenInfo {});
        let _: Option<MinterResponse> = self.both(&BaseQuery::Minter {});
        let _: AllAccountsResponse = self.both(&BaseQuery::AllAccounts {
            start_after: None,
            limit: None,
        });
        let _: MarketingInfoResponse = self.both(&BaseQuery::MarketingInfo {});
        let q = self.app.wrap();
        let base: Result<DownloadLogoResponse, _> =
            q.query_wasm_smart(&self.base, &BaseQuery::DownloadLogo {});
        let poe: Result<DownloadLogoResponse, _> =
            q.query_wasm_smart(&self.poe, &BaseQuery::DownloadLogo {});
        assert_eq!(base.is_ok(), poe.is_ok());
        if let (Ok(base), Ok(poe)) = (base, poe) {
            assert_eq!(base, poe);
        }
        // the receiver heard the same hooks from each token
        let received: Vec<(String, cw20::Cw20ReceiveMsg)> = q
            .query_wasm_smart(&self.receiver, &ReceiverQuery::Received {})
            .unwrap();
        let from = |token: &Addr| {
            received
                .iter()
                .filter(|(t, _)| t == token.as_str())
                .map(|(_, hook)| hook.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(from(&self.base), from(&self.poe));
    }
}

#[test]
fn every_cw20_message_and_query_behaves_as_cw20_base() {
    let mut s = SideBySide::new();
    let (alice, bob, carol, minter, marketing, receiver) = (
        s.alice.clone(),
        s.bob.clone(),
        s.carol.clone(),
        s.minter.clone(),
        s.marketing.clone(),
        s.receiver.clone(),
    );
    s.assert_same_state();
    let height = s.app.block_info().height;
    let u = Uint128::new;
    let svg = Binary::from(b"<?xml version=\"1.0\"?><svg></svg>".as_slice());
    let steps: Vec<(Addr, Cw20ExecuteMsg)> = vec![
        (
            alice.clone(),
            Cw20ExecuteMsg::Transfer {
                recipient: bob.to_string(),
                amount: u(100),
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::Transfer {
                recipient: bob.to_string(),
                amount: u(20_000),
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::Transfer {
                recipient: "not-an-address".to_string(),
                amount: u(1),
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::Transfer {
                recipient: alice.to_string(),
                amount: u(50),
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::Send {
                contract: receiver.to_string(),
                amount: u(300),
                msg: to_json_binary(&"hello").unwrap(),
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::Send {
                contract: receiver.to_string(),
                amount: u(1),
                msg: FAIL_HOOK.into(),
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::IncreaseAllowance {
                spender: carol.to_string(),
                amount: u(1_000),
                expires: Some(Expiration::AtHeight(height + 100)),
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::IncreaseAllowance {
                spender: bob.to_string(),
                amount: u(10),
                expires: Some(Expiration::AtHeight(height)),
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::IncreaseAllowance {
                spender: alice.to_string(),
                amount: u(10),
                expires: None,
            },
        ),
        (
            carol.clone(),
            Cw20ExecuteMsg::TransferFrom {
                owner: alice.to_string(),
                recipient: bob.to_string(),
                amount: u(400),
            },
        ),
        (
            carol.clone(),
            Cw20ExecuteMsg::SendFrom {
                owner: alice.to_string(),
                contract: receiver.to_string(),
                amount: u(100),
                msg: to_json_binary(&"from").unwrap(),
            },
        ),
        (
            carol.clone(),
            Cw20ExecuteMsg::BurnFrom {
                owner: alice.to_string(),
                amount: u(100),
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::DecreaseAllowance {
                spender: carol.to_string(),
                amount: u(50),
                expires: None,
            },
        ),
        (
            carol.clone(),
            Cw20ExecuteMsg::TransferFrom {
                owner: alice.to_string(),
                recipient: bob.to_string(),
                amount: u(10_000),
            },
        ),
        (
            carol.clone(),
            Cw20ExecuteMsg::TransferFrom {
                owner: bob.to_string(),
                recipient: carol.to_string(),
                amount: u(1),
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::DecreaseAllowance {
                spender: minter.to_string(),
                amount: u(1),
                expires: None,
            },
        ),
        (bob.clone(), Cw20ExecuteMsg::Burn { amount: u(100) }),
        (
            bob.clone(),
            Cw20ExecuteMsg::Burn {
                amount: u(1_000_000),
            },
        ),
        (
            minter.clone(),
            Cw20ExecuteMsg::Mint {
                recipient: carol.to_string(),
                amount: u(500),
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::Mint {
                recipient: alice.to_string(),
                amount: u(1),
            },
        ),
        (
            minter.clone(),
            Cw20ExecuteMsg::Mint {
                recipient: carol.to_string(),
                amount: u(1_000_000),
            },
        ),
        (
            marketing.clone(),
            Cw20ExecuteMsg::UpdateMarketing {
                project: Some("new project".to_string()),
                description: Some(" ".to_string()),
                marketing: None,
            },
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::UpdateMarketing {
                project: Some("x".to_string()),
                description: None,
                marketing: None,
            },
        ),
        (
            marketing.clone(),
            Cw20ExecuteMsg::UploadLogo(Logo::Embedded(EmbeddedLogo::Svg(svg.clone()))),
        ),
        (
            marketing.clone(),
            Cw20ExecuteMsg::UploadLogo(Logo::Embedded(EmbeddedLogo::Png(Binary::from(
                b"not a png".as_slice(),
            )))),
        ),
        (
            alice.clone(),
            Cw20ExecuteMsg::UploadLogo(Logo::Embedded(EmbeddedLogo::Svg(svg))),
        ),
        (
            minter.clone(),
            Cw20ExecuteMsg::UpdateMinter {
                new_minter: Some(bob.to_string()),
            },
        ),
        (
            minter.clone(),
            Cw20ExecuteMsg::Mint {
                recipient: carol.to_string(),
                amount: u(1),
            },
        ),
        (
            bob.clone(),
            Cw20ExecuteMsg::Mint {
                recipient: alice.to_string(),
                amount: u(1),
            },
        ),
        (
            bob.clone(),
            Cw20ExecuteMsg::UpdateMinter { new_minter: None },
        ),
        (
            bob.clone(),
            Cw20ExecuteMsg::Mint {
                recipient: alice.to_string(),
                amount: u(1),
            },
        ),
        (
            marketing.clone(),
            Cw20ExecuteMsg::UpdateMarketing {
                project: Some(String::new()),
                description: None,
                marketing: Some(carol.to_string()),
            },
        ),
        (
            carol.clone(),
            Cw20ExecuteMsg::UploadLogo(Logo::Url("https://example.invalid/l.png".to_string())),
        ),
    ];
    let outcomes: Vec<bool> = steps
        .into_iter()
        .map(|(sender, msg)| s.step(&sender, msg))
        .collect();
    // successes and failures as intended (true = accepted by both)
    let (t, f) = (true, false);
    assert_eq!(
        outcomes,
        vec![
            t, f, f, t, t, f, t, f, f, t, t, t, t, f, f, f, t, f, t, f, f, t, f, t, f, f, t, f, t,
            t, f, t, t
        ]
    );
    // an allowance that has expired by height
    assert!(s.step(
        &alice,
        Cw20ExecuteMsg::IncreaseAllowance {
            spender: bob.to_string(),
            amount: u(10),
            expires: Some(Expiration::AtHeight(height + 2)),
        },
    ));
    s.app.update_block(|b| b.height += 5);
    assert!(!s.step(
        &bob,
        Cw20ExecuteMsg::TransferFrom {
            owner: alice.to_string(),
            recipient: bob.to_string(),
            amount: u(1),
        },
    ));
    // paginated queries answer the same with bounds
    let _: AllAccountsResponse = s.both(&BaseQuery::AllAccounts {
        start_after: Some(alice.to_string()),
        limit: Some(1),
    });
    let _: AllAllowancesResponse = s.both(&BaseQuery::AllAllowances {
        owner: alice.to_string(),
        start_after: Some(bob.to_string()),
        limit: Some(1),
    });
}
