//! Adversarial tests of poe-mining (moved here from `harness/testing`): every rejected message
//! fails with its exact error and leaves the contracts' storage, the supplies and every balance
//! unchanged. Also the shared controllers as poe-mining uses them: the pause, the capped reporter
//! allow-list, ownership and the migrate guard.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{to_json_binary, Decimal, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_multi_test::Executor;
use poe_controllers::{AllowListError, PauseError};
use poe_math::{calendar::YearMonth, fee::FeeRates, schedule::MAX_SECONDS, MathError};

fn not_listed(address: &cosmwasm_std::Addr) -> ContractError {
    ContractError::AllowList(AllowListError::NotListed {
        role: "reporter".into(),
        address: address.to_string(),
    })
}

#[test]
fn unauthorized_reporter_is_rejected() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    let report = job(&alice, EconomicJobType::Compute, 1_000_000);
    s.assert_rejected(not_listed(&alice), |s| s.submit_as(&alice, report));
}

#[test]
fn wrong_token_in_the_hook_is_rejected() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    // another cw20 (same code as FLX) sent with a valid SubmitJob hook
    let code = s
        .app
        .store_code(poe_test_utils::contract_wrapper!(poe_token));
    let other = s
        .app
        .instantiate_contract(
            code,
            s.owner.clone(),
            &poe_test_utils::token_instantiate_msg("GEN", &[&s.reporter], 1_000_000_000),
            &[],
            "gen",
            None,
        )
        .unwrap();
    let report = job(&alice, EconomicJobType::Compute, 1_000_000);
    let (reporter, poe) = (s.reporter.clone(), s.poe.clone());
    s.assert_rejected(
        ContractError::WrongToken {
            expected: s.flx.to_string(),
            received: other.to_string(),
        },
        |s| {
            poe_test_utils::cw20_send(
                &mut s.app,
                &reporter,
                &other,
                &poe,
                10_000,
                &ReceiveMsg::SubmitJob(report.clone()),
            )
        },
    );
    // a forged Receive called directly by an account
    let forged = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: s.reporter.to_string(),
        amount: Uint128::new(10_000),
        msg: to_json_binary(&ReceiveMsg::SubmitJob(report)).unwrap(),
    });
    s.assert_rejected(
        ContractError::WrongToken {
            expected: s.flx.to_string(),
            received: alice.to_string(),
        },
        |s| s.execute(&alice, &forged),
    );
}

#[test]
fn wrong_fees_are_rejected() {
    let mut s = Suite::new();
    let (alice, reporter) = (s.alice.clone(), s.reporter.clone());
    for fee in [9_999u128, 10_001] {
        s.assert_rejected(
            ContractError::FeeMismatch {
                required: Uint128::new(10_000),
                received: Uint128::new(fee),
            },
            |s| {
                s.submit_with_fee(
                    &reporter,
                    job(&alice, EconomicJobType::Compute, 1_000_000),
                    Uint128::new(fee),
                )
            },
        );
    }
}

#[test]
fn malformed_jobs_are_rejected() {
    let mut s = Suite::new();
    let (alice, bob, reporter) = (s.alice.clone(), s.bob.clone(), s.reporter.clone());
    s.assert_rejected(ContractError::ZeroJobValue {}, |s| {
        s.submit_with_fee(
            &reporter,
            job(&alice, EconomicJobType::Compute, 0),
            Uint128::one(),
        )
    });
    let mut bad = job(&alice, EconomicJobType::Compute, 1_000);
    bad.quality_score = Decimal::percent(101);
    s.assert_rejected(
        ContractError::InvalidFraction {
            field: "quality_score".into(),
            value: "1.01".into(),
        },
        |s| s.submit(bad),
    );
    let mut bad = job(&alice, EconomicJobType::Compute, 1_000);
    bad.uptime = Decimal::percent(150);
    s.assert_rejected(
        ContractError::InvalidFraction {
            field: "uptime".into(),
            value: "1.5".into(),
        },
        |s| s.submit(bad),
    );
    s.assert_rejected(
        ContractError::MinerNotRegistered {
            miner: bob.to_string(),
        },
        |s| s.submit(job(&bob, EconomicJobType::Compute, 1_000)),
    );
    // a hook message that is not a ReceiveMsg
    let before = s.snapshot();
    let (flx, poe) = (s.flx.clone(), s.poe.clone());
    let err =
        poe_test_utils::cw20_send(&mut s.app, &reporter, &flx, &poe, 10, &"garbage").unwrap_err();
    assert!(
        matches!(
            poe_test_utils::find_error::<ContractError>(&err),
            ContractError::Std(_)
        ),
        "{err:?}"
    );
    assert_eq!(s.snapshot(), before);
}

#[test]
fn overflowing_job_values_are_rejected() {
    let half = u128::MAX / 2 + 1;
    let mut s = Suite::with(default_params(), u128::MAX / 40);
    let alice = s.alice.clone();
    s.submit(job(&alice, EconomicJobType::Compute, half))
        .unwrap();
    let before = s.snapshot();
    let err = s
        .submit(job(&alice, EconomicJobType::Compute, half))
        .unwrap_err();
    assert!(
        matches!(
            poe_test_utils::find_error::<ContractError>(&err),
            ContractError::Math(MathError::Overflow(_)) | ContractError::Overflow(_)
        ),
        "{err:?}"
    );
    assert_eq!(s.snapshot(), before);
    // the absurd epoch still closes: Phi saturates, Gamma rounds to one
    s.advance_to(s.epoch_end(0));
    s.close(0).unwrap();
    assert!(s.index(0).gamma >= Decimal::from_ratio(999u32, 1000u32));
}

#[test]
fn epochs_close_once_in_order_after_their_end() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    s.submit(job(&alice, EconomicJobType::Compute, 1_000_000))
        .unwrap();
    let end = s.epoch_end(0);
    s.assert_rejected(
        ContractError::EpochNotEnded {
            epoch: 0,
            ends_at: end,
        },
        |s| s.close(0),
    );
    s.advance_to(end.plus_seconds(7_200));
    s.assert_rejected(ContractError::EpochNotNext { epoch: 1, next: 0 }, |s| {
        s.close(1)
    });
    s.close(0).unwrap();
    s.assert_rejected(ContractError::EpochAlreadyClosed { epoch: 0 }, |s| {
        s.close(0)
    });
    // epoch u64::MAX ends past Timestamp's range: the schedule clamps it
    s.assert_rejected(
        ContractError::EpochNotEnded {
            epoch: u64::MAX,
            ends_at: Timestamp::from_seconds(MAX_SECONDS),
        },
        |s| s.close(u64::MAX),
    );
}

#[test]
fn claims_cannot_be_repeated_or_made_by_strangers() {
    let mut s = Suite::new();
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    s.submit(job(&alice, EconomicJobType::Compute, 1_000_000_000_000))
        .unwrap();
    s.assert_rejected(ContractError::NothingToClaim {}, |s| s.claim(&alice));
    s.advance_to(s.epoch_end(0));
    s.close(0).unwrap();
    s.claim(&alice).unwrap();
    assert!(s.nex_of(&alice) > 0);
    s.assert_rejected(ContractError::NothingToClaim {}, |s| s.claim(&alice));
    s.assert_rejected(
        ContractError::MinerNotRegistered {
            miner: bob.to_string(),
        },
        |s| s.claim(&bob),
    );
}

#[test]
fn registration_is_once() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    s.assert_rejected(
        ContractError::MinerAlreadyRegistered {
            miner: alice.to_string(),
        },
        |s| s.register(&alice),
    );
}

#[test]
fn withdrawals_are_bounded_and_the_reserve_stays_locked() {
    let mut s = Suite::new();
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    s.submit(job(&alice, EconomicJobType::Compute, 1_000_000))
        .unwrap();
    let until = s.miner(&alice).lock_expires_at;
    s.assert_rejected(ContractError::ReserveLocked { until }, |s| {
        s.execute(&alice, &ExecuteMsg::WithdrawLockedReserve { amount: None })
    });
    s.assert_rejected(
        ContractError::InsufficientBalance {
            requested: Uint128::new(3_001),
            available: Uint128::new(3_000),
        },
        |s| {
            s.execute(
                &alice,
                &ExecuteMsg::WithdrawSpendable {
                    amount: Some(Uint128::new(3_001)),
                },
            )
        },
    );
    s.assert_rejected(ContractError::ZeroAmount {}, |s| {
        s.execute(
            &alice,
            &ExecuteMsg::WithdrawSpendable {
                amount: Some(Uint128::zero()),
            },
        )
    });
    s.assert_rejected(
        ContractError::MinerNotRegistered {
            miner: bob.to_string(),
        },
        |s| s.execute(&bob, &ExecuteMsg::WithdrawSpendable { amount: None }),
    );
}

#[test]
fn only_the_owner_governs() {
    let mut s = Suite::new();
    let (alice, owner, reporter) = (s.alice.clone(), s.owner.clone(), s.reporter.clone());
    s.submit(job(&alice, EconomicJobType::Compute, 1_000_000))
        .unwrap();
    let not_owner = || ContractError::Ownership(cw_ownable::OwnershipError::NotOwner);
    let update = ConfigUpdate {
        min_poe_threshold: Some(Decimal::percent(50)),
        ..Default::default()
    };
    for msg in [
        ExecuteMsg::UpdateConfig(Box::new(update)),
        ExecuteMsg::SlashLockedReserve {
            miner: alice.to_string(),
            amount: Uint128::one(),
            reason: "no".into(),
        },
        ExecuteMsg::UpdateReporters {
            add: vec![alice.to_string()],
            remove: vec![],
        },
        ExecuteMsg::ApproveOwnerSalary {
            month: "2020-01".into(),
        },
        ExecuteMsg::HaltOwnerSalary { halted: true },
        ExecuteMsg::Pause { until: None },
        ExecuteMsg::Unpause {},
    ] {
        s.assert_rejected(not_owner(), |s| s.execute(&alice, &msg));
    }
    // the owner, with invalid values
    let bad_rates = FeeRates {
        treasury_net_rate: Decimal::permille(4),
        ..FeeRates::seed_default()
    };
    let before = s.snapshot();
    let err = s
        .update_config(ConfigUpdate {
            fee_rates: Some(bad_rates),
            ..Default::default()
        })
        .unwrap_err();
    assert!(matches!(
        poe_test_utils::find_error::<ContractError>(&err),
        ContractError::Math(MathError::InvalidParameter { name, .. }) if name == "fee_rates"
    ));
    assert_eq!(s.snapshot(), before);
    s.assert_rejected(
        ContractError::invalid(
            "min_poe_threshold",
            "Gamma is below 1, so the threshold must be too",
        ),
        |s| {
            s.update_config(ConfigUpdate {
                min_poe_threshold: Some(Decimal::one()),
                ..Default::default()
            })
        },
    );
    s.assert_rejected(
        ContractError::invalid("epoch_length_seconds", "must be above 0"),
        |s| {
            s.update_config(ConfigUpdate {
                epoch_length_seconds: Some(0),
                ..Default::default()
            })
        },
    );
    s.assert_rejected(
        ContractError::invalid("update_config", "no field to change"),
        |s| s.update_config(ConfigUpdate::default()),
    );
    s.assert_rejected(
        ContractError::InsufficientBalance {
            requested: Uint128::new(2_001),
            available: Uint128::new(2_000),
        },
        |s| {
            s.execute(
                &owner,
                &ExecuteMsg::SlashLockedReserve {
                    miner: alice.to_string(),
                    amount: Uint128::new(2_001),
                    reason: "too much".into(),
                },
            )
        },
    );
    s.assert_rejected(
        ContractError::AllowList(AllowListError::AlreadyListed {
            role: "reporter".into(),
            address: reporter.to_string(),
        }),
        |s| {
            s.execute(
                &owner,
                &ExecuteMsg::UpdateReporters {
                    add: vec![reporter.to_string()],
                    remove: vec![],
                },
            )
        },
    );
    s.assert_rejected(not_listed(&alice), |s| {
        s.execute(
            &owner,
            &ExecuteMsg::UpdateReporters {
                add: vec![],
                remove: vec![alice.to_string()],
            },
        )
    });
}

#[test]
fn salary_guardrails_reject_early_unapproved_and_foreign_claims() {
    let mut s = Suite::new();
    let (alice, recipient, owner) = (s.alice.clone(), s.recipient.clone(), s.owner.clone());
    s.submit(job(&alice, EconomicJobType::Compute, 1_000_000))
        .unwrap();
    let month = YearMonth::of(s.now()).to_string();
    let claim = |m: &str| ExecuteMsg::ClaimOwnerSalary {
        month: m.to_string(),
    };
    s.assert_rejected(ContractError::NotSalaryRecipient {}, |s| {
        s.execute(&alice, &claim(&month))
    });
    s.assert_rejected(
        ContractError::MonthNotEnded {
            month: month.clone(),
        },
        |s| s.execute(&recipient, &claim(&month)),
    );
    s.assert_rejected(
        ContractError::Math(MathError::InvalidMonth {
            value: "2024-13".into(),
        }),
        |s| s.execute(&recipient, &claim("2024-13")),
    );
    let end = month.parse::<YearMonth>().unwrap().end();
    s.advance_to(end);
    s.assert_rejected(
        ContractError::SalaryNotApproved {
            month: month.clone(),
        },
        |s| s.execute(&recipient, &claim(&month)),
    );
    let open = YearMonth::of(s.now()).to_string();
    s.assert_rejected(
        ContractError::MonthNotEnded {
            month: open.clone(),
        },
        |s| s.execute(&owner, &ExecuteMsg::ApproveOwnerSalary { month: open }),
    );
}

#[test]
fn a_pause_stops_every_economic_operation_extends_and_only_unpause_lifts_it() {
    let mut s = Suite::new();
    let (alice, bob, owner, recipient) = (
        s.alice.clone(),
        s.bob.clone(),
        s.owner.clone(),
        s.recipient.clone(),
    );
    s.submit(job(&alice, EconomicJobType::Compute, 1_000_000_000_000))
        .unwrap();
    let until = s.epoch_end(0).plus_seconds(600);
    let now = s.now();
    s.assert_rejected(
        ContractError::Pause(PauseError::EndNotInFuture { until: now, now }),
        |s| s.execute(&owner, &ExecuteMsg::Pause { until: Some(now) }),
    );
    s.assert_rejected(ContractError::Pause(PauseError::NotPaused), |s| {
        s.execute(&owner, &ExecuteMsg::Unpause {})
    });
    let res = s
        .execute(&owner, &ExecuteMsg::Pause { until: Some(until) })
        .unwrap();
    assert_eq!(
        wasm_attr(&res, &s.poe, "until"),
        Some(until.seconds().to_string())
    );
    assert_eq!(s.config().paused_until, Some(until));
    let status: poe_interface::pause::PauseStatusResponse = s.query(&QueryMsg::PauseStatus {});
    assert_eq!(
        (status.paused, status.paused_until, status.indefinite),
        (true, Some(until), false)
    );
    // a pause is never shortened
    let earlier = until.minus_seconds(1);
    s.assert_rejected(
        ContractError::Pause(PauseError::WouldShorten {
            active_until: until,
            requested: earlier,
        }),
        |s| {
            s.execute(
                &owner,
                &ExecuteMsg::Pause {
                    until: Some(earlier),
                },
            )
        },
    );

    let paused = || ContractError::Pause(PauseError::Paused { until });
    s.assert_rejected(paused(), |s| {
        s.submit(job(&alice, EconomicJobType::Compute, 1_000_000))
    });
    s.assert_rejected(paused(), |s| s.register(&bob));
    s.assert_rejected(paused(), |s| {
        s.execute(&alice, &ExecuteMsg::WithdrawSpendable { amount: None })
    });
    s.assert_rejected(paused(), |s| {
        s.execute(&alice, &ExecuteMsg::WithdrawLockedReserve { amount: None })
    });
    s.advance_to(s.epoch_end(0));
    s.assert_rejected(paused(), |s| s.close(0));
    s.assert_rejected(paused(), |s| s.claim(&alice));
    s.assert_rejected(paused(), |s| {
        s.execute(
            &recipient,
            &ExecuteMsg::ClaimOwnerSalary {
                month: "2019-10".into(),
            },
        )
    });
    // the owner's own messages keep working during a pause
    s.execute(
        &owner,
        &ExecuteMsg::SlashLockedReserve {
            miner: alice.to_string(),
            amount: Uint128::one(),
            reason: "during pause".into(),
        },
    )
    .unwrap();

    // the pause ends by itself at `until`
    s.advance_to(until);
    s.close(0).unwrap();
    s.claim(&alice).unwrap();
    // an indefinite pause lasts until the owner's Unpause
    s.execute(&owner, &ExecuteMsg::Pause { until: None })
        .unwrap();
    let status: poe_interface::pause::PauseStatusResponse = s.query(&QueryMsg::PauseStatus {});
    assert!(status.paused && status.indefinite);
    s.advance_to(until.plus_seconds(10 * 365 * 24 * 3_600));
    s.assert_rejected(
        ContractError::Pause(PauseError::Paused {
            until: poe_controllers::pause::INDEFINITE,
        }),
        |s| s.submit(job(&alice, EconomicJobType::Compute, 1_000_000)),
    );
    s.execute(&owner, &ExecuteMsg::Unpause {}).unwrap();
    s.submit(job(&alice, EconomicJobType::Compute, 1_000_000))
        .unwrap();
}

#[test]
fn the_reporter_list_is_capped_and_paginated() {
    let mut s = Suite::new();
    let owner = s.owner.clone();
    // the reporter is already listed: 49 more fill the list
    let more: Vec<String> = (1..MAX_REPORTERS)
        .map(|i| s.addr(&format!("rep{i}")).to_string())
        .collect();
    let res = s
        .execute(
            &owner,
            &ExecuteMsg::UpdateReporters {
                add: more.clone(),
                remove: vec![],
            },
        )
        .unwrap();
    assert_eq!(
        wasm_attr(&res, &s.poe, "reporter_count"),
        Some(MAX_REPORTERS.to_string())
    );
    let extra = s.addr("one-too-many").to_string();
    s.assert_rejected(
        ContractError::AllowList(AllowListError::Full {
            role: "reporter".into(),
            cap: MAX_REPORTERS,
        }),
        |s| {
            s.execute(
                &owner,
                &ExecuteMsg::UpdateReporters {
                    add: vec![extra.clone()],
                    remove: vec![],
                },
            )
        },
    );
    // a full list can swap a member in one update (removals first)
    s.execute(
        &owner,
        &ExecuteMsg::UpdateReporters {
            add: vec![extra.clone()],
            remove: vec![more[0].clone()],
        },
    )
    .unwrap();
    // every page in address order, 30 at most per page
    let mut all = vec![];
    let mut start_after = None;
    loop {
        let page: ReportersResponse = s.query(&QueryMsg::Reporters {
            start_after: start_after.clone(),
            limit: Some(100),
        });
        assert!(page.reporters.len() <= 30);
        if page.reporters.is_empty() {
            break;
        }
        start_after = page.reporters.last().map(|a| a.to_string());
        all.extend(page.reporters);
    }
    assert_eq!(all.len(), MAX_REPORTERS as usize);
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(all, sorted);
    assert!(all.iter().any(|a| a.as_str() == extra));
    assert!(!all.iter().any(|a| a.as_str() == more[0]));
    s.assert_rejected(
        ContractError::invalid("update_reporters", "nothing to add or remove"),
        |s| {
            s.execute(
                &owner,
                &ExecuteMsg::UpdateReporters {
                    add: vec![],
                    remove: vec![],
                },
            )
        },
    );
}

#[test]
fn ownership_moves_in_two_steps_and_migrate_refuses_a_downgrade() {
    let mut s = Suite::new();
    let (owner, bob) = (s.owner.clone(), s.bob.clone());
    s.execute(
        &owner,
        &ExecuteMsg::UpdateOwnership(cw_ownable::Action::TransferOwnership {
            new_owner: bob.to_string(),
            expiry: None,
        }),
    )
    .unwrap();
    s.execute(
        &bob,
        &ExecuteMsg::UpdateOwnership(cw_ownable::Action::AcceptOwnership),
    )
    .unwrap();
    let ownership: cw_ownable::Ownership<String> = s.query(&QueryMsg::Ownership {});
    assert_eq!(ownership.owner, Some(bob.to_string()));
    // the old owner governs no more
    s.assert_rejected(
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner),
        |s| s.execute(&owner, &ExecuteMsg::Pause { until: None }),
    );
    // migrate to the same code (same version) is accepted and records the version
    let (poe, code_id) = (s.poe.clone(), s.code_id);
    let res = s
        .app
        .migrate_contract(owner.clone(), poe.clone(), &MigrateMsg {}, code_id)
        .unwrap();
    assert_eq!(
        wasm_attr(&res, &poe, "to_version"),
        Some(env!("CARGO_PKG_VERSION").to_string())
    );
    // a stored newer version is refused, and nothing changes
    cw2::set_contract_version(
        &mut *s.app.contract_storage_mut(&poe),
        "crates.io:poe-mining",
        "9.0.0",
    )
    .unwrap();
    let before = s.snapshot();
    let err = s
        .app
        .migrate_contract(owner, poe, &MigrateMsg {}, code_id)
        .unwrap_err();
    assert!(
        poe_test_utils::find_error::<ContractError>(&err)
            .to_string()
            .contains("Cannot migrate from newer version"),
        "{err:?}"
    );
    assert_eq!(s.snapshot(), before);
}
