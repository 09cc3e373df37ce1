//! Adversarial inputs: reports from outside the allow-list, privileged messages from anyone but
//! the owner, invalid configurations (inverted band, rate above 1, zero periods, zero weights),
//! rebalances before an epoch ends or twice, malformed and forged hooks, the wrong token, native
//! funds, reporter list abuse, pauses. Each asserts the exact error and that nothing changed (the
//! controller's storage, FLX's supply and every balance).

mod common;

use common::*;
use cosmwasm_std::{coins, to_json_binary, Addr, StdError, Uint128};
use cw20::{Cw20ExecuteMsg, Cw20ReceiveMsg};
use cw_multi_test::Executor;
use cw_ownable::{Action, OwnershipError};
use cw_utils::PaymentError;

fn not_owner() -> ContractError {
    ContractError::Ownership(OwnershipError::NotOwner)
}

fn invalid(name: &str, reason: &str) -> ContractError {
    ContractError::InvalidConfig {
        name: name.to_string(),
        reason: reason.to_string(),
    }
}

/// A suite with one fresh report in epoch 0 and some FLX in the buffer, still in epoch 0.
fn reported() -> Suite {
    let mut s = Suite::new();
    let (r1, alice) = (s.reporters[0].clone(), s.alice.clone());
    s.fund(&alice, 50_000).unwrap();
    s.advance_to_before_end(60);
    s.report_u(&r1, "2").unwrap();
    s
}

#[test]
fn only_reporters_report() {
    let mut s = reported();
    for who in [s.mallory.clone(), s.owner.clone(), s.alice.clone()] {
        s.assert_rejected(
            ContractError::NotReporter {
                address: who.to_string(),
            },
            |s| s.report_u(&who, "100"),
        );
    }
    // a removed reporter is an outsider
    let (owner, r1) = (s.owner.clone(), s.reporters[0].clone());
    s.exec(
        &owner,
        &ExecuteMsg::UpdateReporters {
            add: vec![],
            remove: vec![r1.to_string()],
        },
    )
    .unwrap();
    s.assert_rejected(
        ContractError::NotReporter {
            address: r1.to_string(),
        },
        |s| s.report_u(&r1, "100"),
    );
}

#[test]
fn only_the_owner_configures() {
    let mut s = reported();
    let until = s.now().plus_seconds(100);
    for who in [s.mallory.clone(), s.reporters[0].clone(), s.alice.clone()] {
        s.assert_rejected(not_owner(), |s| {
            s.update_config(
                &who,
                ConfigUpdate {
                    max_inflation_rate: Some(d("1")),
                    mint_recipient: Some(who.to_string()),
                    ..ConfigUpdate::default()
                },
            )
        });
        s.assert_rejected(not_owner(), |s| {
            s.exec(
                &who,
                &ExecuteMsg::UpdateReporters {
                    add: vec![who.to_string()],
                    remove: vec![],
                },
            )
        });
        s.assert_rejected(not_owner(), |s| s.exec(&who, &ExecuteMsg::Pause { until }));
        s.assert_rejected(not_owner(), |s| s.exec(&who, &ExecuteMsg::Unpause {}));
        s.assert_rejected(not_owner(), |s| {
            s.exec(
                &who,
                &ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
                    new_owner: who.to_string(),
                    expiry: None,
                }),
            )
        });
    }
    let mallory = s.mallory.clone();
    s.assert_rejected(
        ContractError::Ownership(OwnershipError::TransferNotFound),
        |s| {
            s.exec(
                &mallory,
                &ExecuteMsg::UpdateOwnership(Action::AcceptOwnership),
            )
        },
    );
}

#[test]
fn an_invalid_config_is_refused_whole() {
    let mut s = reported();
    let owner = s.owner.clone();
    let cases: Vec<(ConfigUpdate, ContractError)> = vec![
        (
            // inverted band
            ConfigUpdate {
                contraction_threshold: Some(d("1.5")),
                ..ConfigUpdate::default()
            },
            invalid(
                "contraction_threshold",
                "1.5 must be below expansion_threshold 1.2",
            ),
        ),
        (
            // an empty band
            ConfigUpdate {
                expansion_threshold: Some(d("0.8")),
                ..ConfigUpdate::default()
            },
            invalid(
                "contraction_threshold",
                "0.8 must be below expansion_threshold 0.8",
            ),
        ),
        (
            ConfigUpdate {
                max_inflation_rate: Some(d("1.01")),
                // valid parts of a refused update change nothing either
                elasticity_factor: Some(d("9")),
                ..ConfigUpdate::default()
            },
            invalid("max_inflation_rate", "1.01 is above 1"),
        ),
        (
            ConfigUpdate {
                alpha: Some(d("0")),
                beta: Some(d("0")),
                gamma: Some(d("0")),
                ..ConfigUpdate::default()
            },
            invalid(
                "alpha",
                "alpha, beta and gamma are all zero: demand would always be zero",
            ),
        ),
        (
            ConfigUpdate {
                epoch_length_seconds: Some(0),
                ..ConfigUpdate::default()
            },
            invalid(
                "epoch_length_seconds",
                &format!("0 s is not in 1..={MAX_PERIOD_SECONDS} s"),
            ),
        ),
        (
            ConfigUpdate {
                max_report_age_seconds: Some(MAX_PERIOD_SECONDS + 1),
                ..ConfigUpdate::default()
            },
            invalid(
                "max_report_age_seconds",
                &format!(
                    "{} s is not in 1..={MAX_PERIOD_SECONDS} s",
                    MAX_PERIOD_SECONDS + 1
                ),
            ),
        ),
    ];
    for (update, expected) in cases {
        s.assert_rejected(expected, |s| s.update_config(&owner, update));
    }
    // an invalid mint recipient: the address check's error, nothing changed
    let before = s.snapshot();
    let err = s
        .update_config(
            &owner,
            ConfigUpdate {
                mint_recipient: Some("not an address".to_string()),
                ..ConfigUpdate::default()
            },
        )
        .unwrap_err();
    assert!(matches!(
        contract_err(&err),
        ContractError::Std(StdError::GenericErr { .. })
    ));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn an_invalid_instantiation_is_refused() {
    let mut s = Suite::new();
    let (admin, code, flx, alice) = (
        s.admin.clone(),
        s.controller_code,
        s.flx.clone(),
        s.alice.clone(),
    );
    let msg = |params: FluxParams, token: &Addr, reporters: Vec<String>| InstantiateMsg {
        owner: None,
        flx_token: token.to_string(),
        mint_recipient: alice.to_string(),
        reporters,
        params,
    };
    let mut inverted = params();
    inverted.contraction_threshold = d("2");
    let mut rate = params();
    rate.max_inflation_rate = d("2");
    let r = s.reporters[0].to_string();
    let too_many: Vec<String> = (0..=MAX_REPORTERS)
        .map(|i| s.app.api().addr_make(&format!("r{i}")).to_string())
        .collect();
    let cases = vec![
        (
            msg(inverted, &flx, vec![]),
            invalid(
                "contraction_threshold",
                "2 must be below expansion_threshold 1.2",
            ),
        ),
        (
            msg(rate, &flx, vec![]),
            invalid("max_inflation_rate", "2 is above 1"),
        ),
        (
            msg(params(), &flx, vec![r.clone(), r.clone()]),
            ContractError::AlreadyReporter { address: r },
        ),
        (
            msg(params(), &flx, too_many),
            ContractError::TooManyReporters { max: MAX_REPORTERS },
        ),
    ];
    for (m, expected) in cases {
        let err = s
            .app
            .instantiate_contract(code, admin.clone(), &m, &[], "bad", None)
            .unwrap_err();
        assert_eq!(contract_err(&err), &expected);
    }
    // a FLX that is not a cw20 token (the controller itself)
    let ctl = s.controller.clone();
    let err = s
        .app
        .instantiate_contract(
            code,
            admin.clone(),
            &msg(params(), &ctl, vec![]),
            &[],
            "bad",
            None,
        )
        .unwrap_err();
    assert!(matches!(
        contract_err(&err),
        ContractError::NotCw20 { address, .. } if address == ctl.as_str()
    ));
    // native funds
    let err = s
        .app
        .instantiate_contract(
            code,
            alice.clone(),
            &msg(params(), &flx, vec![]),
            &coins(1, "uatom"),
            "bad",
            None,
        )
        .unwrap_err();
    assert_eq!(
        contract_err(&err),
        &ContractError::Payment(PaymentError::NonPayable {})
    );
}

#[test]
fn a_rebalance_before_the_epoch_ends_is_refused() {
    let mut s = reported();
    let alice = s.alice.clone();
    let ends_at = s.current_epoch().end_time;
    s.assert_rejected(ContractError::EpochNotEnded { epoch: 0, ends_at }, |s| {
        s.rebalance(&alice)
    });
    // one second before the end
    s.advance_to_before_end(1);
    s.assert_rejected(ContractError::EpochNotEnded { epoch: 0, ends_at }, |s| {
        s.rebalance(&alice)
    });
    // closed once, never twice
    s.advance_to_next_epoch();
    s.rebalance(&alice).unwrap();
    let ends_at = s.current_epoch().end_time;
    s.assert_rejected(ContractError::EpochNotEnded { epoch: 1, ends_at }, |s| {
        s.rebalance(&alice)
    });
    assert_eq!(s.supply(), SUPPLY + 50_000);
}

#[test]
fn a_malformed_hook_is_refused() {
    let mut s = reported();
    let alice = s.alice.clone();
    let before = s.snapshot();
    let err = s.send_flx(&alice, 1_000, &"fund").unwrap_err();
    assert!(matches!(
        contract_err(&err),
        ContractError::Std(StdError::ParseErr { .. })
    ));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn funding_with_another_token_is_refused() {
    let mut s = reported();
    let (alice, ctl, xyz, flx) = (
        s.alice.clone(),
        s.controller.clone(),
        s.xyz.clone(),
        s.flx.clone(),
    );
    s.assert_rejected(
        ContractError::WrongToken {
            expected: flx.to_string(),
            got: xyz.to_string(),
        },
        |s| {
            s.app.execute_contract(
                alice.clone(),
                xyz.clone(),
                &Cw20ExecuteMsg::Send {
                    contract: ctl.to_string(),
                    amount: Uint128::new(1_000),
                    msg: to_json_binary(&ReceiveMsg::FundBuffer {}).unwrap(),
                },
                &[],
            )
        },
    );
    // a forged hook sent straight to the controller by a user
    s.assert_rejected(
        ContractError::WrongToken {
            expected: flx.to_string(),
            got: alice.to_string(),
        },
        |s| {
            s.exec(
                &alice,
                &ExecuteMsg::Receive(Cw20ReceiveMsg {
                    sender: alice.to_string(),
                    amount: Uint128::new(1_000_000),
                    msg: to_json_binary(&ReceiveMsg::FundBuffer {}).unwrap(),
                }),
            )
        },
    );
}

#[test]
fn native_funds_are_refused_everywhere() {
    let mut s = reported();
    let (alice, ctl, owner) = (s.alice.clone(), s.controller.clone(), s.owner.clone());
    s.app
        .send_tokens(alice.clone(), owner.clone(), &coins(100, "uatom"))
        .unwrap();
    s.advance_to_next_epoch();
    let msgs = [
        (alice.clone(), ExecuteMsg::Rebalance {}),
        (owner.clone(), ExecuteMsg::UpdateConfig(Box::default())),
        (
            owner.clone(),
            ExecuteMsg::UpdateReporters {
                add: vec![],
                remove: vec![],
            },
        ),
    ];
    for (who, msg) in msgs {
        s.assert_rejected(ContractError::Payment(PaymentError::NonPayable {}), |s| {
            s.app
                .execute_contract(who.clone(), ctl.clone(), &msg, &coins(1, "uatom"))
        });
    }
}

#[test]
fn reporter_list_abuse_is_refused() {
    let mut s = reported();
    let (owner, r1, mallory) = (s.owner.clone(), s.reporters[0].clone(), s.mallory.clone());
    s.assert_rejected(
        ContractError::AlreadyReporter {
            address: r1.to_string(),
        },
        |s| {
            s.exec(
                &owner,
                &ExecuteMsg::UpdateReporters {
                    add: vec![r1.to_string()],
                    remove: vec![],
                },
            )
        },
    );
    // removing a non-reporter, after a valid add in the same message: nothing is kept
    s.assert_rejected(
        ContractError::NotReporter {
            address: mallory.to_string(),
        },
        |s| {
            let new = s.app.api().addr_make("new");
            s.exec(
                &owner,
                &ExecuteMsg::UpdateReporters {
                    add: vec![new.to_string()],
                    remove: vec![mallory.to_string()],
                },
            )
        },
    );
    let too_many: Vec<String> = (0..MAX_REPORTERS - 2)
        .map(|i| s.app.api().addr_make(&format!("r{i}")).to_string())
        .collect();
    s.assert_rejected(
        ContractError::TooManyReporters { max: MAX_REPORTERS },
        |s| {
            s.exec(
                &owner,
                &ExecuteMsg::UpdateReporters {
                    add: too_many.clone(),
                    remove: vec![],
                },
            )
        },
    );
    // at the cap once one leaves in the same message
    s.exec(
        &owner,
        &ExecuteMsg::UpdateReporters {
            add: too_many,
            remove: vec![r1.to_string()],
        },
    )
    .unwrap();
    assert_eq!(s.status().reporter_count, MAX_REPORTERS);
}

#[test]
fn pauses_are_bounded_and_refused_when_pointless() {
    let mut s = reported();
    let (owner, r1, alice) = (s.owner.clone(), s.reporters[0].clone(), s.alice.clone());
    let now = s.now();
    s.assert_rejected(
        invalid("until", "must be after the current block time"),
        |s| s.exec(&owner, &ExecuteMsg::Pause { until: now }),
    );
    s.assert_rejected(ContractError::NotPaused, |s| {
        s.exec(&owner, &ExecuteMsg::Unpause {})
    });
    let until = now.plus_seconds(EPOCH);
    s.exec(&owner, &ExecuteMsg::Pause { until }).unwrap();
    s.advance_to_next_epoch();
    s.assert_rejected(ContractError::Paused { until }, |s| s.rebalance(&alice));
    s.assert_rejected(ContractError::Paused { until }, |s| s.report_u(&r1, "0"));
}

#[test]
fn a_decision_of_an_open_epoch_is_not_invented() {
    let s = reported();
    let err = s
        .query::<Decision>(&QueryMsg::Decision { epoch: 0 })
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("epoch 0 is not closed: the next epoch to close is 0"),
        "{err}"
    );
    assert!(s.decisions(None, None).is_empty());
}

#[test]
fn a_huge_report_cannot_break_the_cap() {
    let mut s = Suite::new();
    let r1 = s.reporters[0].clone();
    s.advance_to_before_end(10);
    s.report(
        &r1,
        "340282366920938463463",
        "340282366920938463463",
        u64::MAX,
    )
    .unwrap();
    s.advance_to_next_epoch();
    let alice = s.alice.clone();
    s.rebalance(&alice).unwrap();
    let d = s.decision(0);
    assert_eq!(d.amount, u(SUPPLY / 20));
    assert_eq!(d.bound_applied, Some(SupplyLimit::MaxInflationRate));
    assert_eq!(s.supply(), SUPPLY + SUPPLY / 20);
}
