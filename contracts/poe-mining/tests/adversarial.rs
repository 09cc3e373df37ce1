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
use cosmwasm_std::{to_json_binary, Addr, Decimal, Timestamp, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_multi_test::Executor;
use cw_ownable::Action;
use poe_controllers::{AllowListError, PauseError};
use poe_math::{calendar::YearMonth, fee::FeeRates, schedule::MAX_SECONDS, MathError};

fn not_listed(address: &Addr) -> ContractError {
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
    s.assert_rejected(not_listed(&alice), |s| s.poe.submit_job(&alice, report));
}

#[test]
fn wrong_token_in_the_hook_is_rejected() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    // another cw20 (same code as FLX) sent with a valid SubmitJob hook
    let code = s
        .app
        .borrow_mut()
        .store_code(poe_test_utils::contract_wrapper!(poe_token));
    let other = s
        .app
        .borrow_mut()
        .instantiate_contract(
            code,
            s.owner.clone(),
            &poe_test_utils::token_instantiate_msg("GEN", &[&s.reporter], 1_000_000_000),
            &[],
            "gen",
            None,
        )
        .unwrap();
    let other = TokenHandle::new(s.app.clone(), other, "GEN");
    let report = job(&alice, EconomicJobType::Compute, 1_000_000);
    s.assert_rejected(
        ContractError::WrongToken {
            expected: s.flx.addr.to_string(),
            received: other.addr.to_string(),
        },
        |s| {
            let hook = ReceiveMsg::SubmitJob(report.clone());
            other.send_hook(&s.reporter, &s.poe.addr, u(10_000), &hook)
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
            expected: s.flx.addr.to_string(),
            received: alice.to_string(),
        },
        |s| s.poe.execute(&alice, &forged),
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
                s.poe.submit_job_with_fee(
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
        s.poe.submit_job_with_fee(
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
    let err = s
        .flx
        .send_hook(&reporter, &s.poe.addr, u(10), &"garbage")
        .unwrap_err();
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
    let s = Suite::with(default_params(), u128::MAX / 40);
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
    assert!(s.poe.poe_index(0).unwrap().gamma >= Decimal::from_ratio(999u32, 1000u32));
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
    s.assert_rejected(ContractError::NothingToClaim {}, |s| {
        s.poe.claim_rewards(&alice, None)
    });
    s.advance_to(s.epoch_end(0));
    s.close(0).unwrap();
    s.poe.claim_rewards(&alice, None).unwrap();
    assert!(s.nex_of(&alice) > 0);
    s.assert_rejected(ContractError::NothingToClaim {}, |s| {
        s.poe.claim_rewards(&alice, None)
    });
    s.assert_rejected(
        ContractError::MinerNotRegistered {
            miner: bob.to_string(),
        },
        |s| s.poe.claim_rewards(&bob, None),
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
        |s| s.poe.register_miner(&alice, None),
    );
}

#[test]
fn withdrawals_are_bounded_and_the_reserve_stays_locked() {
    let mut s = Suite::new();
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    s.submit(job(&alice, EconomicJobType::Compute, 1_000_000))
        .unwrap();
    let until = s.poe.miner(&alice).unwrap().lock_expires_at;
    s.assert_rejected(ContractError::ReserveLocked { until }, |s| {
        s.poe.withdraw_locked_reserve(&alice, None)
    });
    s.assert_rejected(
        ContractError::InsufficientBalance {
            requested: Uint128::new(3_001),
            available: Uint128::new(3_000),
        },
        |s| s.poe.withdraw_spendable(&alice, Some(Uint128::new(3_001))),
    );
    s.assert_rejected(ContractError::ZeroAmount {}, |s| {
        s.poe.withdraw_spendable(&alice, Some(Uint128::zero()))
    });
    s.assert_rejected(
        ContractError::MinerNotRegistered {
            miner: bob.to_string(),
        },
        |s| s.poe.withdraw_spendable(&bob, None),
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
    let attempts: [Attempt; 7] = [
        &|s| s.poe.update_config(&alice, update.clone()),
        &|s| s.poe.slash(&alice, &alice, Uint128::one(), "no"),
        &|s| s.poe.update_reporters(&alice, &[&alice], &[]),
        &|s| s.poe.approve_owner_salary(&alice, "2020-01"),
        &|s| s.poe.halt_owner_salary(&alice, true),
        &|s| s.poe.pause(&alice, None),
        &|s| s.poe.unpause(&alice),
    ];
    for attempt in attempts {
        s.assert_rejected(not_owner(), |s| attempt(s));
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
        |s| s.poe.slash(&owner, &alice, Uint128::new(2_001), "too much"),
    );
    s.assert_rejected(
        ContractError::AllowList(AllowListError::AlreadyListed {
            role: "reporter".into(),
            address: reporter.to_string(),
        }),
        |s| s.poe.update_reporters(&owner, &[&reporter], &[]),
    );
    s.assert_rejected(not_listed(&alice), |s| {
        s.poe.update_reporters(&owner, &[], &[&alice])
    });
}

#[test]
fn salary_guardrails_reject_early_unapproved_and_foreign_claims() {
    let mut s = Suite::new();
    let (alice, recipient, owner) = (s.alice.clone(), s.recipient.clone(), s.owner.clone());
    s.submit(job(&alice, EconomicJobType::Compute, 1_000_000))
        .unwrap();
    let month = YearMonth::of(s.now()).to_string();
    s.assert_rejected(ContractError::NotSalaryRecipient {}, |s| {
        s.poe.claim_owner_salary(&alice, &month)
    });
    s.assert_rejected(
        ContractError::MonthNotEnded {
            month: month.clone(),
        },
        |s| s.poe.claim_owner_salary(&recipient, &month),
    );
    s.assert_rejected(
        ContractError::Math(MathError::InvalidMonth {
            value: "2024-13".into(),
        }),
        |s| s.poe.claim_owner_salary(&recipient, "2024-13"),
    );
    let end = month.parse::<YearMonth>().unwrap().end();
    s.advance_to(end);
    s.assert_rejected(
        ContractError::SalaryNotApproved {
            month: month.clone(),
        },
        |s| s.poe.claim_owner_salary(&recipient, &month),
    );
    let open = YearMonth::of(s.now()).to_string();
    s.assert_rejected(
        ContractError::MonthNotEnded {
            month: open.clone(),
        },
        |s| s.poe.approve_owner_salary(&owner, &open),
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
        |s| s.poe.pause(&owner, Some(now)),
    );
    s.assert_rejected(ContractError::Pause(PauseError::NotPaused), |s| {
        s.poe.unpause(&owner)
    });
    let res = s.poe.pause(&owner, Some(until)).unwrap();
    assert_eq!(
        wasm_attr(&res, &s.poe.addr, "until"),
        Some(until.seconds().to_string())
    );
    assert_eq!(s.poe.config().unwrap().paused_until, Some(until));
    let status = s.poe.pause_status().unwrap();
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
        |s| s.poe.pause(&owner, Some(earlier)),
    );

    let paused = || ContractError::Pause(PauseError::Paused { until });
    s.assert_rejected(paused(), |s| {
        s.submit(job(&alice, EconomicJobType::Compute, 1_000_000))
    });
    s.assert_rejected(paused(), |s| s.poe.register_miner(&bob, None));
    s.assert_rejected(paused(), |s| s.poe.withdraw_spendable(&alice, None));
    s.assert_rejected(paused(), |s| s.poe.withdraw_locked_reserve(&alice, None));
    s.advance_to(s.epoch_end(0));
    s.assert_rejected(paused(), |s| s.close(0));
    s.assert_rejected(paused(), |s| s.poe.claim_rewards(&alice, None));
    s.assert_rejected(paused(), |s| {
        s.poe.claim_owner_salary(&recipient, "2019-10")
    });
    // the owner's own messages keep working during a pause
    s.poe
        .slash(&owner, &alice, Uint128::one(), "during pause")
        .unwrap();

    // the pause ends by itself at `until`
    s.advance_to(until);
    s.close(0).unwrap();
    s.poe.claim_rewards(&alice, None).unwrap();
    // an indefinite pause lasts until the owner's Unpause
    s.poe.pause(&owner, None).unwrap();
    let status = s.poe.pause_status().unwrap();
    assert!(status.paused && status.indefinite);
    s.advance_to(until.plus_seconds(10 * 365 * 24 * 3_600));
    s.assert_rejected(
        ContractError::Pause(PauseError::Paused {
            until: poe_controllers::pause::INDEFINITE,
        }),
        |s| s.submit(job(&alice, EconomicJobType::Compute, 1_000_000)),
    );
    s.poe.unpause(&owner).unwrap();
    s.submit(job(&alice, EconomicJobType::Compute, 1_000_000))
        .unwrap();
}

#[test]
fn the_reporter_list_is_capped_and_paginated() {
    let mut s = Suite::new();
    let owner = s.owner.clone();
    // the reporter is already listed: 49 more fill the list
    let more: Vec<Addr> = (1..MAX_REPORTERS)
        .map(|i| s.addr(&format!("rep{i}")))
        .collect();
    let res = s
        .poe
        .update_reporters(&owner, &more.iter().collect::<Vec<_>>(), &[])
        .unwrap();
    assert_eq!(
        wasm_attr(&res, &s.poe.addr, "reporter_count"),
        Some(MAX_REPORTERS.to_string())
    );
    let extra = s.addr("one-too-many");
    s.assert_rejected(
        ContractError::AllowList(AllowListError::Full {
            role: "reporter".into(),
            cap: MAX_REPORTERS,
        }),
        |s| s.poe.update_reporters(&owner, &[&extra], &[]),
    );
    // a full list can swap a member in one update (removals first)
    s.poe
        .update_reporters(&owner, &[&extra], &[&more[0]])
        .unwrap();
    // every page in address order, 30 at most per page
    let mut all = vec![];
    let mut start_after = None;
    loop {
        let page = s.poe.reporters(start_after.clone(), Some(100)).unwrap();
        assert!(page.len() <= 30);
        if page.is_empty() {
            break;
        }
        start_after = page.last().map(|a| a.to_string());
        all.extend(page);
    }
    assert_eq!(all.len(), MAX_REPORTERS as usize);
    let mut sorted = all.clone();
    sorted.sort();
    assert_eq!(all, sorted);
    assert!(all.contains(&extra));
    assert!(!all.contains(&more[0]));
    s.assert_rejected(
        ContractError::invalid("update_reporters", "nothing to add or remove"),
        |s| s.poe.update_reporters(&owner, &[], &[]),
    );
}

#[test]
fn ownership_moves_in_two_steps_and_migrate_refuses_a_downgrade() {
    let mut s = Suite::new();
    let (owner, bob) = (s.owner.clone(), s.bob.clone());
    s.poe
        .update_ownership(
            &owner,
            Action::TransferOwnership {
                new_owner: bob.to_string(),
                expiry: None,
            },
        )
        .unwrap();
    s.poe
        .update_ownership(&bob, Action::AcceptOwnership)
        .unwrap();
    assert_eq!(s.poe.ownership().unwrap().owner, Some(bob.to_string()));
    // the old owner governs no more
    s.assert_rejected(
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner),
        |s| s.poe.pause(&owner, None),
    );
    // migrate to the same code (same version) is accepted and records the version
    let (poe, code_id) = (s.poe.addr.clone(), s.code_id);
    let migrate = || {
        s.app
            .borrow_mut()
            .migrate_contract(owner.clone(), poe.clone(), &MigrateMsg {}, code_id)
    };
    let res = migrate().unwrap();
    assert_eq!(
        wasm_attr(&res, &poe, "to_version"),
        Some(env!("CARGO_PKG_VERSION").to_string())
    );
    // a stored newer version is refused, and nothing changes
    cw2::set_contract_version(
        &mut *s.app.borrow_mut().contract_storage_mut(&poe),
        "crates.io:poe-mining",
        "9.0.0",
    )
    .unwrap();
    let before = s.snapshot();
    let err = migrate().unwrap_err();
    assert!(
        poe_test_utils::find_error::<ContractError>(&err)
            .to_string()
            .contains("Cannot migrate from newer version"),
        "{err:?}"
    );
    assert_eq!(s.snapshot(), before);
}
