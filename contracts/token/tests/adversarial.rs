//! Adversarial inputs: unauthorized callers, zero and overflowing amounts, malformed messages,
//! expired allowances. Each asserts the exact error and that no byte of state changed.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{
    coins, to_json_binary, Addr, Binary, OverflowError, OverflowOperation, StdError, Timestamp,
    Uint128,
};
use cw20::{Cw20Coin, EmbeddedLogo, Expiration, Logo};
use cw_multi_test::Executor;
use cw_ownable::{Action, OwnershipError};
use cw_utils::PaymentError;
use poe_math::burn::MAX_TRANSFER_BURN_BPS;
use poe_test_utils::token_instantiate_msg;

/// cw20-base's error for an arithmetic overflow (cosmwasm-std 2 no longer carries operands).
fn overflow(op: OverflowOperation) -> ContractError {
    ContractError::Cw20(cw20_base::ContractError::Std(StdError::overflow(
        OverflowError::new(op),
    )))
}

fn cw20(err: cw20_base::ContractError) -> ContractError {
    ContractError::Cw20(err)
}

/// One of the suite's accounts.
type Account = fn(&Suite) -> &Addr;

/// `spender` moving `amount` of `owner`'s tokens by allowance, each way the token offers:
/// `TransferFrom` (to the spender), `SendFrom` (to the receiver, empty hook) and `BurnFrom`.
fn spends_from(spender: Account, owner: Account, amount: u128) -> [Box<Run<'static>>; 3] {
    [
        Box::new(move |s| {
            s.token
                .transfer_from(spender(s), owner(s), spender(s), u(amount))
        }),
        Box::new(move |s| {
            let hook = Binary::default();
            s.token
                .send_from(spender(s), owner(s), &s.receiver, u(amount), hook)
        }),
        Box::new(move |s| s.token.burn_from(spender(s), owner(s), u(amount))),
    ]
}

/// The admin instantiates another token of the suite's code from `msg`.
fn instantiate_token(s: &Suite, msg: &InstantiateMsg) -> anyhow::Result<Addr> {
    let mut app = s.app.borrow_mut();
    app.instantiate_contract(s.code_id, s.admin.clone(), msg, &[], &msg.symbol, None)
}

#[test]
fn only_the_owner_changes_the_transfer_burn() {
    let mut s = Suite::new(100);
    for who in [s.alice.clone(), s.minter.clone(), s.admin.clone()] {
        s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
            s.token.update_transfer_burn(&who, 0)
        });
    }
    assert_eq!(s.token.transfer_burn().unwrap(), 100);
}

#[test]
fn ownership_cannot_be_taken() {
    let mut s = Suite::new(0);
    let (alice, owner, carol) = (s.alice.clone(), s.owner.clone(), s.carol.clone());
    s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
        s.token.update_ownership(
            &alice,
            Action::TransferOwnership {
                new_owner: alice.to_string(),
                expiry: None,
            },
        )
    });
    s.assert_rejected(
        ContractError::Ownership(OwnershipError::TransferNotFound),
        |s| s.token.update_ownership(&alice, Action::AcceptOwnership),
    );
    s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
        s.token.update_ownership(&alice, Action::RenounceOwnership)
    });
    s.token
        .update_ownership(
            &owner,
            Action::TransferOwnership {
                new_owner: carol.to_string(),
                expiry: None,
            },
        )
        .unwrap();
    s.assert_rejected(
        ContractError::Ownership(OwnershipError::NotPendingOwner),
        |s| s.token.update_ownership(&alice, Action::AcceptOwnership),
    );
}

#[test]
fn extensions_refuse_funds() {
    let s = Suite::new(0);
    let owner = &s.owner;
    for msg in [
        ExecuteMsg::UpdateTransferBurn {
            transfer_burn_bps: 10,
        },
        ExecuteMsg::UpdateOwnership(Action::RenounceOwnership),
    ] {
        let before = s.snapshot();
        let err = s
            .token
            .execute_with_funds(owner, &msg, &coins(5, DENOM))
            .unwrap_err();
        assert_eq!(
            contract_err(err),
            ContractError::Payment(PaymentError::NonPayable {})
        );
        assert_eq!(s.snapshot(), before);
        assert_eq!(
            poe_test_utils::native_balance(&s.app.borrow(), owner, DENOM),
            1_000
        );
    }
}

#[test]
fn transfer_burn_above_ten_percent_is_refused() {
    let mut s = Suite::new(0);
    let owner = s.owner.clone();
    for bps in [1_001, u16::MAX] {
        s.assert_rejected(
            ContractError::TransferBurnTooHigh {
                bps,
                max: MAX_TRANSFER_BURN_BPS,
            },
            |s| s.token.update_transfer_burn(&owner, bps),
        );
    }
    // nor at instantiation
    let alice = s.alice.clone();
    let msg = InstantiateMsg {
        transfer_burn_bps: Some(1_001),
        ..token_instantiate_msg("BAD", &[&alice], 1)
    };
    let err = instantiate_token(&s, &msg).unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::TransferBurnTooHigh {
            bps: 1_001,
            max: MAX_TRANSFER_BURN_BPS
        }
    );
}

#[test]
fn instantiation_with_balances_past_uint128_max_is_an_error_not_an_abort() {
    let s = Suite::new(0);
    let msg = InstantiateMsg {
        initial_balances: vec![
            Cw20Coin {
                address: s.alice.to_string(),
                amount: Uint128::MAX,
            },
            Cw20Coin {
                address: s.bob.to_string(),
                amount: u(1),
            },
        ],
        ..token_instantiate_msg("HUGE", &[], 0)
    };
    let err = instantiate_token(&s, &msg).unwrap_err();
    assert_eq!(contract_err(err), overflow(OverflowOperation::Add));
}

#[test]
fn zero_amounts_are_refused_at_any_rate() {
    for bps in [0, 100] {
        let mut s = Suite::new(bps);
        s.token
            .increase_allowance(&s.alice, &s.bob, u(100))
            .unwrap();
        let zero = Uint128::zero();
        let hook = to_json_binary(&"x").unwrap();
        let cases: [(&str, Attempt); 7] = [
            ("transfer", &|s| s.token.transfer(&s.alice, &s.bob, zero)),
            ("send", &|s| {
                s.token.send(&s.alice, &s.receiver, zero, hook.clone())
            }),
            ("transfer_from", &|s| {
                s.token.transfer_from(&s.bob, &s.alice, &s.bob, zero)
            }),
            ("send_from", &|s| {
                let hook = hook.clone();
                s.token.send_from(&s.bob, &s.alice, &s.receiver, zero, hook)
            }),
            ("burn", &|s| s.token.burn(&s.alice, zero)),
            ("burn_from", &|s| s.token.burn_from(&s.bob, &s.alice, zero)),
            ("mint", &|s| s.token.mint(&s.minter, &s.alice, zero)),
        ];
        for (action, attempt) in cases {
            s.assert_rejected(
                ContractError::ZeroAmount {
                    action: action.to_string(),
                },
                |s| attempt(s),
            );
        }
        assert!(s.received().is_empty());
    }
}

#[test]
fn spending_more_than_the_balance_fails_the_same_at_any_rate() {
    for bps in [0, 100, 1_000] {
        let mut s = Suite::new(bps);
        let too_much = ALICE_START + 1;
        let sub = || overflow(OverflowOperation::Sub);
        s.assert_rejected(sub(), |s| s.token.transfer(&s.alice, &s.bob, u(too_much)));
        s.assert_rejected(sub(), |s| {
            let hook = Binary::default();
            s.token.send(&s.alice, &s.receiver, u(too_much), hook)
        });
        s.assert_rejected(sub(), |s| s.token.transfer(&s.alice, &s.bob, Uint128::MAX));
        s.assert_rejected(sub(), |s| s.token.burn(&s.alice, u(too_much)));
        // carol holds nothing
        s.assert_rejected(sub(), |s| s.token.transfer(&s.carol, &s.bob, u(1)));
        // an allowance larger than the balance does not help
        s.token
            .increase_allowance(&s.alice, &s.carol, u(too_much + 10))
            .unwrap();
        for spend in spends_from(|s| &s.carol, |s| &s.alice, too_much) {
            s.assert_rejected(sub(), |s| spend(s));
        }
        // and the allowance itself is a limit
        s.assert_rejected(sub(), |s| {
            s.token
                .transfer_from(&s.carol, &s.alice, &s.carol, u(too_much + 11))
        });
        s.assert_rejected(cw20(cw20_base::ContractError::NoAllowance {}), |s| {
            s.token.transfer_from(&s.bob, &s.alice, &s.bob, u(1))
        });
    }
}

#[test]
fn invalid_addresses_fail_the_same_at_any_rate() {
    let transfer = ExecuteMsg::Transfer {
        recipient: "Not An Address".to_string(),
        amount: u(1),
    };
    let expected = || {
        let s = Suite::new(0);
        contract_err(s.token.execute(&s.alice, &transfer).unwrap_err())
    };
    assert!(matches!(
        expected(),
        ContractError::Cw20(cw20_base::ContractError::Std(StdError::GenericErr { .. }))
    ));
    let mut s = Suite::new(100);
    let alice = s.alice.clone();
    s.assert_rejected(expected(), |s| s.token.execute(&alice, &transfer));
    let send = ExecuteMsg::Send {
        contract: "Not An Address".to_string(),
        amount: u(1),
        msg: Binary::default(),
    };
    s.assert_rejected(expected(), |s| s.token.execute(&alice, &send));
}

#[test]
fn supply_overflow_is_an_error_not_an_abort() {
    let mut s = Suite::new(0);
    let (minter, alice, bob) = (s.minter.clone(), s.alice.clone(), s.bob.clone());
    let supply = s.supply();
    s.assert_rejected(overflow(OverflowOperation::Add), |s| {
        s.token.mint(&minter, &alice, Uint128::MAX)
    });
    s.assert_rejected(cw20(cw20_base::ContractError::CannotExceedCap {}), |s| {
        s.token.mint(&minter, &alice, u(CAP - supply + 1))
    });
    // not the minter: unauthorized comes first, whatever the amount
    s.assert_rejected(cw20(cw20_base::ContractError::Unauthorized {}), |s| {
        s.token.mint(&alice, &alice, Uint128::MAX)
    });
    // allowances
    s.token
        .increase_allowance(&alice, &bob, Uint128::MAX)
        .unwrap();
    s.assert_rejected(overflow(OverflowOperation::Add), |s| {
        s.token.increase_allowance(&alice, &bob, u(1))
    });
}

#[test]
fn only_the_minter_mints_and_appoints() {
    let mut s = Suite::new(0);
    let (alice, owner, marketing) = (s.alice.clone(), s.owner.clone(), s.marketing.clone());
    let unauthorized = || cw20(cw20_base::ContractError::Unauthorized {});
    // the token's owner is not its minter
    for who in [&alice, &owner, &marketing] {
        s.assert_rejected(unauthorized(), |s| s.token.mint(who, &alice, u(1)));
        s.assert_rejected(unauthorized(), |s| s.token.update_minter(who, Some(&alice)));
    }
}

#[test]
fn only_the_marketing_account_edits_marketing() {
    let mut s = Suite::new(0);
    let (alice, owner, marketing) = (s.alice.clone(), s.owner.clone(), s.marketing.clone());
    let unauthorized = || cw20(cw20_base::ContractError::Unauthorized {});
    for who in [&alice, &owner] {
        s.assert_rejected(unauthorized(), |s| {
            s.token
                .update_marketing(who, Some("mine"), None, Some(&alice))
        });
        s.assert_rejected(unauthorized(), |s| {
            s.token
                .upload_logo(who, Logo::Url("https://example.invalid".to_string()))
        });
    }
    let mut big = b"<?xml version=\"1.0\"?>".to_vec();
    big.resize(5 * 1024 + 1, b' ');
    for (logo, expected) in [
        (
            EmbeddedLogo::Png(Binary::from(b"GIF89a".as_slice())),
            cw20_base::ContractError::InvalidPngHeader {},
        ),
        (
            EmbeddedLogo::Svg(Binary::from(b"<svg></svg>".as_slice())),
            cw20_base::ContractError::InvalidXmlPreamble {},
        ),
        (
            EmbeddedLogo::Svg(Binary::from(big)),
            cw20_base::ContractError::LogoTooBig {},
        ),
    ] {
        s.assert_rejected(cw20(expected), |s| {
            s.token.upload_logo(&marketing, Logo::Embedded(logo))
        });
    }
}

#[test]
fn expired_allowances_cannot_be_used() {
    for bps in [0, 100] {
        let mut s = Suite::new(bps);
        let block = s.app.borrow().block_info();
        let by_height = Expiration::AtHeight(block.height + 10);
        s.token
            .increase_allowance_until(&s.alice, &s.bob, u(500), by_height)
            .unwrap();
        s.app.borrow_mut().update_block(|b| b.height += 10);
        let expired = || cw20(cw20_base::ContractError::Expired {});
        for spend in spends_from(|s| &s.bob, |s| &s.alice, 1) {
            s.assert_rejected(expired(), |s| spend(s));
        }
        // by time as well
        let deadline = Timestamp::from_seconds(block.time.seconds() + 3_600);
        s.token
            .increase_allowance_until(&s.alice, &s.carol, u(500), Expiration::AtTime(deadline))
            .unwrap();
        s.app.borrow_mut().update_block(|b| b.time = deadline);
        s.assert_rejected(expired(), |s| {
            s.token.transfer_from(&s.carol, &s.alice, &s.carol, u(1))
        });
        // an expiry already past is refused when set
        s.assert_rejected(cw20(cw20_base::ContractError::InvalidExpiration {}), |s| {
            s.token
                .increase_allowance_until(&s.alice, &s.bob, u(1), Expiration::AtHeight(1))
        });
        s.assert_rejected(
            cw20(cw20_base::ContractError::CannotSetOwnAccount {}),
            |s| s.token.increase_allowance(&s.alice, &s.alice, u(1)),
        );
    }
}

#[test]
fn malformed_messages_change_nothing() {
    let s = Suite::new(100);
    let (alice, token) = (&s.alice, &s.token.addr);
    let bob = s.bob.to_string();
    let raw = [
        r#"{"transfer":{"recipient":"BOB","amount":"-1"}}"#.replace("BOB", &bob),
        r#"{"transfer":{"recipient":"BOB","amount":"340282366920938463463374607431768211456"}}"#
            .replace("BOB", &bob),
        r#"{"transfer":{"recipient":"BOB"}}"#.replace("BOB", &bob),
        r#"{"mint_everything":{}}"#.to_string(),
        r#"{"update_transfer_burn":{"transfer_burn_bps":70000}}"#.to_string(),
        r#"{"update_transfer_burn":{"transfer_burn_bps":-1}}"#.to_string(),
        "not json".to_string(),
    ];
    for json in raw {
        let before = s.snapshot();
        let err = s
            .app
            .borrow_mut()
            .execute(
                alice.clone(),
                cosmwasm_std::WasmMsg::Execute {
                    contract_addr: token.to_string(),
                    msg: Binary::from(json.as_bytes()),
                    funds: vec![],
                }
                .into(),
            )
            .unwrap_err();
        let std_err = err
            .downcast_ref::<StdError>()
            .unwrap_or_else(|| panic!("{json}: {err:?}"));
        assert!(
            matches!(std_err, StdError::ParseErr { .. }),
            "{json}: {std_err:?}"
        );
        assert_eq!(s.snapshot(), before, "{json}");
    }
}
