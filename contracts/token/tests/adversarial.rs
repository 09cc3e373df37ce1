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
    coins, to_json_binary, Binary, OverflowError, OverflowOperation, StdError, Timestamp, Uint128,
};
use cw20::{Cw20Coin, EmbeddedLogo, Expiration, Logo};
use cw_multi_test::Executor;
use cw_ownable::{Action, OwnershipError};
use cw_utils::PaymentError;
use poe_math::burn::MAX_TRANSFER_BURN_BPS;

/// cw20-base's error for an arithmetic overflow (cosmwasm-std 2 no longer carries operands).
fn overflow(op: OverflowOperation) -> ContractError {
    ContractError::Cw20(cw20_base::ContractError::Std(StdError::overflow(
        OverflowError::new(op),
    )))
}

fn cw20(err: cw20_base::ContractError) -> ContractError {
    ContractError::Cw20(err)
}

#[test]
fn only_the_owner_changes_the_transfer_burn() {
    let mut s = Suite::new(100);
    for who in [s.alice.clone(), s.minter.clone(), s.admin.clone()] {
        s.assert_rejected(
            &who,
            &ExecuteMsg::UpdateTransferBurn {
                transfer_burn_bps: 0,
            },
            ContractError::Ownership(OwnershipError::NotOwner),
        );
    }
    assert_eq!(s.transfer_burn_bps(), 100);
}

#[test]
fn ownership_cannot_be_taken() {
    let mut s = Suite::new(0);
    let (alice, owner, carol) = (s.alice.clone(), s.owner.clone(), s.carol.clone());
    s.assert_rejected(
        &alice,
        &ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
            new_owner: alice.to_string(),
            expiry: None,
        }),
        ContractError::Ownership(OwnershipError::NotOwner),
    );
    s.assert_rejected(
        &alice,
        &ExecuteMsg::UpdateOwnership(Action::AcceptOwnership),
        ContractError::Ownership(OwnershipError::TransferNotFound),
    );
    s.assert_rejected(
        &alice,
        &ExecuteMsg::UpdateOwnership(Action::RenounceOwnership),
        ContractError::Ownership(OwnershipError::NotOwner),
    );
    s.exec(
        &owner,
        &ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
            new_owner: carol.to_string(),
            expiry: None,
        }),
    )
    .unwrap();
    s.assert_rejected(
        &alice,
        &ExecuteMsg::UpdateOwnership(Action::AcceptOwnership),
        ContractError::Ownership(OwnershipError::NotPendingOwner),
    );
}

#[test]
fn extensions_refuse_funds() {
    let mut s = Suite::new(0);
    let (owner, token) = (s.owner.clone(), s.token.clone());
    for msg in [
        ExecuteMsg::UpdateTransferBurn {
            transfer_burn_bps: 10,
        },
        ExecuteMsg::UpdateOwnership(Action::RenounceOwnership),
    ] {
        let before = s.snapshot();
        let err = s
            .app
            .execute_contract(owner.clone(), token.clone(), &msg, &coins(5, DENOM))
            .unwrap_err();
        assert_eq!(
            contract_err(err),
            ContractError::Payment(PaymentError::NonPayable {})
        );
        assert_eq!(s.snapshot(), before);
        assert_eq!(
            s.app.wrap().query_balance(&owner, DENOM).unwrap().amount,
            Uint128::new(1_000)
        );
    }
}

#[test]
fn transfer_burn_above_ten_percent_is_refused() {
    let mut s = Suite::new(0);
    let owner = s.owner.clone();
    s.assert_rejected(
        &owner,
        &ExecuteMsg::UpdateTransferBurn {
            transfer_burn_bps: 1_001,
        },
        ContractError::TransferBurnTooHigh {
            bps: 1_001,
            max: MAX_TRANSFER_BURN_BPS,
        },
    );
    s.assert_rejected(
        &owner,
        &ExecuteMsg::UpdateTransferBurn {
            transfer_burn_bps: u16::MAX,
        },
        ContractError::TransferBurnTooHigh {
            bps: u16::MAX,
            max: MAX_TRANSFER_BURN_BPS,
        },
    );
    // nor at instantiation
    let (code_id, admin, alice) = (s.code_id, s.admin.clone(), s.alice.clone());
    let err = s
        .app
        .instantiate_contract(
            code_id,
            admin,
            &InstantiateMsg {
                name: "Bad".to_string(),
                symbol: "BAD".to_string(),
                decimals: 6,
                initial_balances: vec![Cw20Coin {
                    address: alice.to_string(),
                    amount: u(1),
                }],
                mint: None,
                marketing: None,
                transfer_burn_bps: Some(1_001),
                owner: None,
            },
            &[],
            "bad",
            None,
        )
        .unwrap_err();
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
    let mut s = Suite::new(0);
    let (code_id, admin, alice, bob) = (s.code_id, s.admin.clone(), s.alice.clone(), s.bob.clone());
    let err = s
        .app
        .instantiate_contract(
            code_id,
            admin,
            &InstantiateMsg {
                name: "Huge".to_string(),
                symbol: "HUGE".to_string(),
                decimals: 6,
                initial_balances: vec![
                    Cw20Coin {
                        address: alice.to_string(),
                        amount: Uint128::MAX,
                    },
                    Cw20Coin {
                        address: bob.to_string(),
                        amount: u(1),
                    },
                ],
                mint: None,
                marketing: None,
                transfer_burn_bps: None,
                owner: None,
            },
            &[],
            "huge",
            None,
        )
        .unwrap_err();
    assert_eq!(contract_err(err), overflow(OverflowOperation::Add));
}

#[test]
fn zero_amounts_are_refused_at_any_rate() {
    for bps in [0, 100] {
        let mut s = Suite::new(bps);
        let (alice, bob, minter, receiver) = (
            s.alice.clone(),
            s.bob.clone(),
            s.minter.clone(),
            s.receiver.clone(),
        );
        s.exec(
            &alice,
            &ExecuteMsg::IncreaseAllowance {
                spender: bob.to_string(),
                amount: u(100),
                expires: None,
            },
        )
        .unwrap();
        let zero = Uint128::zero();
        let hook = to_json_binary(&"x").unwrap();
        let cases = [
            (
                alice.clone(),
                ExecuteMsg::Transfer {
                    recipient: bob.to_string(),
                    amount: zero,
                },
                "transfer",
            ),
            (
                alice.clone(),
                ExecuteMsg::Send {
                    contract: receiver.to_string(),
                    amount: zero,
                    msg: hook.clone(),
                },
                "send",
            ),
            (
                bob.clone(),
                ExecuteMsg::TransferFrom {
                    owner: alice.to_string(),
                    recipient: bob.to_string(),
                    amount: zero,
                },
                "transfer_from",
            ),
            (
                bob.clone(),
                ExecuteMsg::SendFrom {
                    owner: alice.to_string(),
                    contract: receiver.to_string(),
                    amount: zero,
                    msg: hook.clone(),
                },
                "send_from",
            ),
            (alice.clone(), ExecuteMsg::Burn { amount: zero }, "burn"),
            (
                bob.clone(),
                ExecuteMsg::BurnFrom {
                    owner: alice.to_string(),
                    amount: zero,
                },
                "burn_from",
            ),
            (
                minter.clone(),
                ExecuteMsg::Mint {
                    recipient: alice.to_string(),
                    amount: zero,
                },
                "mint",
            ),
        ];
        for (sender, msg, action) in cases {
            s.assert_rejected(
                &sender,
                &msg,
                ContractError::ZeroAmount {
                    action: action.to_string(),
                },
            );
        }
        assert!(s.received().is_empty());
    }
}

#[test]
fn spending_more_than_the_balance_fails_the_same_at_any_rate() {
    for bps in [0, 100, 1_000] {
        let mut s = Suite::new(bps);
        let (alice, bob, carol, receiver) = (
            s.alice.clone(),
            s.bob.clone(),
            s.carol.clone(),
            s.receiver.clone(),
        );
        let too_much = ALICE_START + 1;
        let sub = || overflow(OverflowOperation::Sub);
        s.assert_rejected(
            &alice,
            &ExecuteMsg::Transfer {
                recipient: bob.to_string(),
                amount: u(too_much),
            },
            sub(),
        );
        s.assert_rejected(
            &alice,
            &ExecuteMsg::Send {
                contract: receiver.to_string(),
                amount: u(too_much),
                msg: Binary::default(),
            },
            sub(),
        );
        s.assert_rejected(
            &alice,
            &ExecuteMsg::Transfer {
                recipient: bob.to_string(),
                amount: Uint128::MAX,
            },
            overflow(OverflowOperation::Sub),
        );
        s.assert_rejected(
            &alice,
            &ExecuteMsg::Burn {
                amount: u(too_much),
            },
            sub(),
        );
        // carol holds nothing
        s.assert_rejected(
            &carol,
            &ExecuteMsg::Transfer {
                recipient: bob.to_string(),
                amount: u(1),
            },
            overflow(OverflowOperation::Sub),
        );
        // an allowance larger than the balance does not help
        s.exec(
            &alice,
            &ExecuteMsg::IncreaseAllowance {
                spender: carol.to_string(),
                amount: u(too_much + 10),
                expires: None,
            },
        )
        .unwrap();
        for msg in [
            ExecuteMsg::TransferFrom {
                owner: alice.to_string(),
                recipient: carol.to_string(),
                amount: u(too_much),
            },
            ExecuteMsg::SendFrom {
                owner: alice.to_string(),
                contract: receiver.to_string(),
                amount: u(too_much),
                msg: Binary::default(),
            },
            ExecuteMsg::BurnFrom {
                owner: alice.to_string(),
                amount: u(too_much),
            },
        ] {
            s.assert_rejected(&carol, &msg, sub());
        }
        // and the allowance itself is a limit
        s.assert_rejected(
            &carol,
            &ExecuteMsg::TransferFrom {
                owner: alice.to_string(),
                recipient: carol.to_string(),
                amount: u(too_much + 11),
            },
            overflow(OverflowOperation::Sub),
        );
        s.assert_rejected(
            &bob,
            &ExecuteMsg::TransferFrom {
                owner: alice.to_string(),
                recipient: bob.to_string(),
                amount: u(1),
            },
            cw20(cw20_base::ContractError::NoAllowance {}),
        );
    }
}

#[test]
fn invalid_addresses_fail_the_same_at_any_rate() {
    let expected = || {
        let mut s = Suite::new(0);
        let alice = s.alice.clone();
        contract_err(
            s.exec(
                &alice,
                &ExecuteMsg::Transfer {
                    recipient: "Not An Address".to_string(),
                    amount: u(1),
                },
            )
            .unwrap_err(),
        )
    };
    assert!(matches!(
        expected(),
        ContractError::Cw20(cw20_base::ContractError::Std(StdError::GenericErr { .. }))
    ));
    let mut s = Suite::new(100);
    let alice = s.alice.clone();
    s.assert_rejected(
        &alice,
        &ExecuteMsg::Transfer {
            recipient: "Not An Address".to_string(),
            amount: u(1),
        },
        expected(),
    );
    s.assert_rejected(
        &alice,
        &ExecuteMsg::Send {
            contract: "Not An Address".to_string(),
            amount: u(1),
            msg: Binary::default(),
        },
        expected(),
    );
}

#[test]
fn supply_overflow_is_an_error_not_an_abort() {
    let mut s = Suite::new(0);
    let (minter, alice, bob) = (s.minter.clone(), s.alice.clone(), s.bob.clone());
    let supply = s.supply();
    s.assert_rejected(
        &minter,
        &ExecuteMsg::Mint {
            recipient: alice.to_string(),
            amount: Uint128::MAX,
        },
        overflow(OverflowOperation::Add),
    );
    s.assert_rejected(
        &minter,
        &ExecuteMsg::Mint {
            recipient: alice.to_string(),
            amount: u(CAP - supply + 1),
        },
        cw20(cw20_base::ContractError::CannotExceedCap {}),
    );
    // not the minter: unauthorized comes first, whatever the amount
    s.assert_rejected(
        &alice,
        &ExecuteMsg::Mint {
            recipient: alice.to_string(),
            amount: Uint128::MAX,
        },
        cw20(cw20_base::ContractError::Unauthorized {}),
    );
    // allowances
    s.exec(
        &alice,
        &ExecuteMsg::IncreaseAllowance {
            spender: bob.to_string(),
            amount: Uint128::MAX,
            expires: None,
        },
    )
    .unwrap();
    s.assert_rejected(
        &alice,
        &ExecuteMsg::IncreaseAllowance {
            spender: bob.to_string(),
            amount: u(1),
            expires: None,
        },
        overflow(OverflowOperation::Add),
    );
}

#[test]
fn only_the_minter_mints_and_appoints() {
    let mut s = Suite::new(0);
    let (alice, owner, marketing) = (s.alice.clone(), s.owner.clone(), s.marketing.clone());
    // the token's owner is not its minter
    for who in [&alice, &owner, &marketing] {
        s.assert_rejected(
            who,
            &ExecuteMsg::Mint {
                recipient: alice.to_string(),
                amount: u(1),
            },
            cw20(cw20_base::ContractError::Unauthorized {}),
        );
        s.assert_rejected(
            who,
            &ExecuteMsg::UpdateMinter {
                new_minter: Some(alice.to_string()),
            },
            cw20(cw20_base::ContractError::Unauthorized {}),
        );
    }
}

#[test]
fn only_the_marketing_account_edits_marketing() {
    let mut s = Suite::new(0);
    let (alice, owner, marketing) = (s.alice.clone(), s.owner.clone(), s.marketing.clone());
    for who in [&alice, &owner] {
        s.assert_rejected(
            who,
            &ExecuteMsg::UpdateMarketing {
                project: Some("mine".to_string()),
                description: None,
                marketing: Some(alice.to_string()),
            },
            cw20(cw20_base::ContractError::Unauthorized {}),
        );
        s.assert_rejected(
            who,
            &ExecuteMsg::UploadLogo(Logo::Url("https://example.invalid".to_string())),
            cw20(cw20_base::ContractError::Unauthorized {}),
        );
    }
    s.assert_rejected(
        &marketing,
        &ExecuteMsg::UploadLogo(Logo::Embedded(EmbeddedLogo::Png(Binary::from(
            b"GIF89a".as_slice(),
        )))),
        cw20(cw20_base::ContractError::InvalidPngHeader {}),
    );
    s.assert_rejected(
        &marketing,
        &ExecuteMsg::UploadLogo(Logo::Embedded(EmbeddedLogo::Svg(Binary::from(
            b"<svg></svg>".as_slice(),
        )))),
        cw20(cw20_base::ContractError::InvalidXmlPreamble {}),
    );
    let mut big = b"<?xml version=\"1.0\"?>".to_vec();
    big.resize(5 * 1024 + 1, b' ');
    s.assert_rejected(
        &marketing,
        &ExecuteMsg::UploadLogo(Logo::Embedded(EmbeddedLogo::Svg(Binary::from(big)))),
        cw20(cw20_base::ContractError::LogoTooBig {}),
    );
}

#[test]
fn expired_allowances_cannot_be_used() {
    for bps in [0, 100] {
        let mut s = Suite::new(bps);
        let (alice, bob, receiver) = (s.alice.clone(), s.bob.clone(), s.receiver.clone());
        let block = s.app.block_info();
        s.exec(
            &alice,
            &ExecuteMsg::IncreaseAllowance {
                spender: bob.to_string(),
                amount: u(500),
                expires: Some(Expiration::AtHeight(block.height + 10)),
            },
        )
        .unwrap();
        s.app.update_block(|b| b.height += 10);
        let expired = || cw20(cw20_base::ContractError::Expired {});
        for msg in [
            ExecuteMsg::TransferFrom {
                owner: alice.to_string(),
                recipient: bob.to_string(),
                amount: u(1),
            },
            ExecuteMsg::SendFrom {
                owner: alice.to_string(),
                contract: receiver.to_string(),
                amount: u(1),
                msg: Binary::default(),
            },
            ExecuteMsg::BurnFrom {
                owner: alice.to_string(),
                amount: u(1),
            },
        ] {
            s.assert_rejected(&bob, &msg, expired());
        }
        // by time as well
        let carol = s.carol.clone();
        s.exec(
            &alice,
            &ExecuteMsg::IncreaseAllowance {
                spender: carol.to_string(),
                amount: u(500),
                expires: Some(Expiration::AtTime(Timestamp::from_seconds(
                    block.time.seconds() + 3_600,
                ))),
            },
        )
        .unwrap();
        s.app
            .update_block(|b| b.time = Timestamp::from_seconds(block.time.seconds() + 3_600));
        s.assert_rejected(
            &carol,
            &ExecuteMsg::TransferFrom {
                owner: alice.to_string(),
                recipient: carol.to_string(),
                amount: u(1),
            },
            expired(),
        );
        // an expiry already past is refused when set
        s.assert_rejected(
            &alice,
            &ExecuteMsg::IncreaseAllowance {
                spender: bob.to_string(),
                amount: u(1),
                expires: Some(Expiration::AtHeight(1)),
            },
            cw20(cw20_base::ContractError::InvalidExpiration {}),
        );
        s.assert_rejected(
            &alice,
            &ExecuteMsg::IncreaseAllowance {
                spender: alice.to_string(),
                amount: u(1),
                expires: None,
            },
            cw20(cw20_base::ContractError::CannotSetOwnAccount {}),
        );
    }
}

#[test]
fn malformed_messages_change_nothing() {
    let mut s = Suite::new(100);
    let (alice, token) = (s.alice.clone(), s.token.clone());
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
