//! Adversarial tests of poe-mining: every rejected message fails with its exact error and leaves
//! the contract's state, and every balance it touches, unchanged.

use cosmwasm_std::{to_json_binary, Addr, Decimal, Int128, Uint128};
use cw20::Cw20ReceiveMsg;
use poe_testing::poe_interface::poe_mining::{
    ConfigUpdate, EconomicJobType, ExecuteMsg, JobReport, ReceiveMsg,
};
use poe_testing::poe_math::{calendar::YearMonth, fee::FeeRates, MathError};
use poe_testing::poe_mining::ContractError;
use poe_testing::{flx, Suite, SuiteBuilder};

/// The suite's snapshot, with the two test accounts' balances.
fn snapshot(suite: &Suite) -> String {
    suite.snapshot(&[&suite.addr("alice"), &suite.addr("bob")])
}

fn setup() -> (Suite, Addr, Addr) {
    let suite = SuiteBuilder::new()
        .with_reporter("reporter")
        .with_flx_balance("reporter", flx(10_000_000))
        .with_flx_balance("alice", flx(1_000))
        .build();
    let reporter = suite.addr("reporter");
    let alice = suite.addr("alice");
    suite
        .poe
        .register_miner(&alice, Some(EconomicJobType::Compute))
        .unwrap();
    (suite, reporter, alice)
}

fn job(miner: &Addr, value: u128) -> JobReport {
    JobReport {
        job_type: EconomicJobType::Compute,
        miner: miner.to_string(),
        job_value: Uint128::new(value),
        quality_score: Decimal::percent(90),
        liquidity_delta: Int128::zero(),
        uptime: Decimal::percent(99),
    }
}

/// Runs `f`, expects the contract error `expected`, and checks nothing changed.
fn rejects(
    suite: &Suite,
    expected: ContractError,
    f: impl FnOnce() -> anyhow::Result<cw_multi_test::AppResponse>,
) {
    let before = snapshot(suite);
    let err = f().expect_err("the message must be rejected");
    let got = err
        .downcast_ref::<ContractError>()
        .unwrap_or_else(|| panic!("not a poe-mining error: {err:?}"));
    assert_eq!(got, &expected);
    assert_eq!(snapshot(suite), before, "a rejected message changed state");
}

#[test]
fn unauthorized_reporter_is_rejected() {
    let (suite, _, alice) = setup();
    rejects(
        &suite,
        ContractError::UnauthorizedReporter {
            reporter: alice.to_string(),
        },
        || suite.poe.submit_job(&alice, job(&alice, 1_000_000)),
    );
}

#[test]
fn wrong_token_in_the_hook_is_rejected() {
    let (suite, _, alice) = setup();
    let holder = suite.community_rewards.clone();
    let hook = to_json_binary(&ReceiveMsg::SubmitJob(job(&alice, 1_000_000))).unwrap();
    // GEN sent with a valid SubmitJob hook
    rejects(
        &suite,
        ContractError::WrongToken {
            expected: suite.flx.addr.to_string(),
            received: suite.gen.addr.to_string(),
        },
        || {
            suite
                .gen
                .send(&holder, &suite.poe.addr, Uint128::new(10_000), hook.clone())
        },
    );
    // a forged Receive called directly by an account
    let forged = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: suite.reporters[0].to_string(),
        amount: Uint128::new(10_000),
        msg: hook,
    });
    rejects(
        &suite,
        ContractError::WrongToken {
            expected: suite.flx.addr.to_string(),
            received: alice.to_string(),
        },
        || suite.poe.execute(&alice, &forged),
    );
}

#[test]
fn wrong_fees_are_rejected() {
    let (suite, reporter, alice) = setup();
    for fee in [9_999u128, 10_001] {
        rejects(
            &suite,
            ContractError::FeeMismatch {
                required: Uint128::new(10_000),
                received: Uint128::new(fee),
            },
            || {
                suite
                    .poe
                    .submit_job_with_fee(&reporter, job(&alice, 1_000_000), Uint128::new(fee))
            },
        );
    }
}

#[test]
fn malformed_jobs_are_rejected() {
    let (suite, reporter, alice) = setup();
    rejects(&suite, ContractError::ZeroJobValue {}, || {
        suite
            .poe
            .submit_job_with_fee(&reporter, job(&alice, 0), Uint128::one())
    });
    let mut bad = job(&alice, 1_000);
    bad.quality_score = Decimal::percent(101);
    rejects(
        &suite,
        ContractError::InvalidFraction {
            field: "quality_score".into(),
            value: "1.01".into(),
        },
        || suite.poe.submit_job(&reporter, bad),
    );
    let mut bad = job(&alice, 1_000);
    bad.uptime = Decimal::percent(150);
    rejects(
        &suite,
        ContractError::InvalidFraction {
            field: "uptime".into(),
            value: "1.5".into(),
        },
        || suite.poe.submit_job(&reporter, bad),
    );
    let bob = suite.addr("bob");
    rejects(
        &suite,
        ContractError::MinerNotRegistered {
            miner: bob.to_string(),
        },
        || suite.poe.submit_job(&reporter, job(&bob, 1_000)),
    );
    // a hook message that is not a ReceiveMsg
    let before = snapshot(&suite);
    let err = suite
        .flx
        .send(
            &reporter,
            &suite.poe.addr,
            Uint128::new(10),
            to_json_binary(&"garbage").unwrap(),
        )
        .unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<ContractError>(),
            Some(ContractError::Std(_))
        ),
        "{err:?}"
    );
    assert_eq!(snapshot(&suite), before);
}

#[test]
fn overflowing_job_values_are_rejected() {
    let half = u128::MAX / 2 + 1;
    let suite = SuiteBuilder::new()
        .with_reporter("reporter")
        .with_flx_balance("reporter", Uint128::new(u128::MAX / 40))
        .build();
    let (reporter, alice) = (suite.addr("reporter"), suite.addr("alice"));
    suite.poe.register_miner(&alice, None).unwrap();
    suite.poe.submit_job(&reporter, job(&alice, half)).unwrap();
    let before = snapshot(&suite);
    let err = suite
        .poe
        .submit_job(&reporter, job(&alice, half))
        .unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<ContractError>(),
            Some(ContractError::Math(MathError::Overflow(_))) | Some(ContractError::Overflow(_))
        ),
        "{err:?}"
    );
    assert_eq!(snapshot(&suite), before);
    // the absurd epoch still closes: Phi saturates, Gamma rounds to one
    suite.advance_to(suite.epoch_end(0));
    suite.close_epoch(0).unwrap();
    assert!(suite.poe.poe_index(0).unwrap().gamma >= Decimal::from_ratio(999u32, 1000u32));
}

#[test]
fn epochs_close_once_in_order_after_their_end() {
    let (suite, reporter, alice) = setup();
    suite
        .poe
        .submit_job(&reporter, job(&alice, 1_000_000))
        .unwrap();
    let anyone = suite.addr("anyone");
    let end = suite.epoch_end(0);
    rejects(
        &suite,
        ContractError::EpochNotEnded {
            epoch: 0,
            ends_at: end,
        },
        || suite.poe.close_epoch(&anyone, 0),
    );
    suite.advance_to(end.plus_seconds(7_200));
    rejects(
        &suite,
        ContractError::EpochNotNext { epoch: 1, next: 0 },
        || suite.poe.close_epoch(&anyone, 1),
    );
    suite.poe.close_epoch(&anyone, 0).unwrap();
    rejects(
        &suite,
        ContractError::EpochAlreadyClosed { epoch: 0 },
        || suite.poe.close_epoch(&anyone, 0),
    );
}

#[test]
fn claims_cannot_be_repeated_or_made_by_strangers() {
    let (suite, reporter, alice) = setup();
    suite
        .poe
        .submit_job(&reporter, job(&alice, 1_000_000_000_000))
        .unwrap();
    rejects(&suite, ContractError::NothingToClaim {}, || {
        suite.poe.claim_rewards(&alice, None)
    });
    suite.advance_to(suite.epoch_end(0));
    suite.close_epoch(0).unwrap();
    suite.poe.claim_rewards(&alice, None).unwrap();
    assert!(!suite.nex.balance(&alice).unwrap().is_zero());
    rejects(&suite, ContractError::NothingToClaim {}, || {
        suite.poe.claim_rewards(&alice, None)
    });
    let bob = suite.addr("bob");
    rejects(
        &suite,
        ContractError::MinerNotRegistered {
            miner: bob.to_string(),
        },
        || suite.poe.claim_rewards(&bob, None),
    );
}

#[test]
fn registration_is_once() {
    let (suite, _, alice) = setup();
    rejects(
        &suite,
        ContractError::MinerAlreadyRegistered {
            miner: alice.to_string(),
        },
        || suite.poe.register_miner(&alice, None),
    );
}

#[test]
fn withdrawals_are_bounded_and_the_reserve_stays_locked() {
    let (suite, reporter, alice) = setup();
    suite
        .poe
        .submit_job(&reporter, job(&alice, 1_000_000))
        .unwrap();
    let until = suite.poe.miner(&alice).unwrap().lock_expires_at;
    rejects(&suite, ContractError::ReserveLocked { until }, || {
        suite.poe.withdraw_locked_reserve(&alice, None)
    });
    rejects(
        &suite,
        ContractError::InsufficientBalance {
            requested: Uint128::new(3_001),
            available: Uint128::new(3_000),
        },
        || {
            suite
                .poe
                .withdraw_spendable(&alice, Some(Uint128::new(3_001)))
        },
    );
    rejects(&suite, ContractError::ZeroAmount {}, || {
        suite.poe.withdraw_spendable(&alice, Some(Uint128::zero()))
    });
    let bob = suite.addr("bob");
    rejects(
        &suite,
        ContractError::MinerNotRegistered {
            miner: bob.to_string(),
        },
        || suite.poe.withdraw_spendable(&bob, None),
    );
}

#[test]
fn only_the_owner_governs() {
    let (suite, reporter, alice) = setup();
    suite
        .poe
        .submit_job(&reporter, job(&alice, 1_000_000))
        .unwrap();
    let not_owner = || ContractError::Ownership(cw_ownable::OwnershipError::NotOwner);
    let update = ConfigUpdate {
        min_poe_threshold: Some(Decimal::percent(50)),
        ..Default::default()
    };
    rejects(&suite, not_owner(), || {
        suite.poe.update_config(&alice, update.clone())
    });
    rejects(&suite, not_owner(), || {
        suite.poe.slash(&alice, &alice, Uint128::new(1), "no")
    });
    rejects(&suite, not_owner(), || {
        suite.poe.update_reporters(&alice, &[&alice], &[])
    });
    rejects(&suite, not_owner(), || {
        suite.poe.approve_owner_salary(&alice, "2020-01")
    });
    rejects(&suite, not_owner(), || {
        suite.poe.halt_owner_salary(&alice, true)
    });
    // the owner, with invalid values
    let owner = suite.owner.clone();
    let bad_rates = FeeRates {
        treasury_net_rate: Decimal::permille(4),
        ..FeeRates::seed_default()
    };
    let before = snapshot(&suite);
    let err = suite
        .poe
        .update_config(
            &owner,
            ConfigUpdate {
                fee_rates: Some(bad_rates),
                ..Default::default()
            },
        )
        .unwrap_err();
    assert!(
        matches!(err.downcast_ref::<ContractError>(), Some(ContractError::Math(MathError::InvalidParameter { name, .. })) if name == "fee_rates")
    );
    assert_eq!(snapshot(&suite), before);
    rejects(
        &suite,
        ContractError::invalid(
            "min_poe_threshold",
            "Gamma is below 1, so the threshold must be too",
        ),
        || {
            suite.poe.update_config(
                &owner,
                ConfigUpdate {
                    min_poe_threshold: Some(Decimal::one()),
                    ..Default::default()
                },
            )
        },
    );
    rejects(
        &suite,
        ContractError::invalid("epoch_length_seconds", "must be above 0"),
        || {
            suite.poe.update_config(
                &owner,
                ConfigUpdate {
                    epoch_length_seconds: Some(0),
                    ..Default::default()
                },
            )
        },
    );
    rejects(
        &suite,
        ContractError::InsufficientBalance {
            requested: Uint128::new(2_001),
            available: Uint128::new(2_000),
        },
        || {
            suite
                .poe
                .slash(&owner, &alice, Uint128::new(2_001), "too much")
        },
    );
    rejects(
        &suite,
        ContractError::AlreadyReporter {
            address: reporter.to_string(),
        },
        || suite.poe.update_reporters(&owner, &[&reporter], &[]),
    );
    rejects(
        &suite,
        ContractError::NotAReporter {
            address: alice.to_string(),
        },
        || suite.poe.update_reporters(&owner, &[], &[&alice]),
    );
}

#[test]
fn salary_guardrails_reject_early_unapproved_and_foreign_claims() {
    let (suite, reporter, alice) = setup();
    suite
        .poe
        .submit_job(&reporter, job(&alice, 1_000_000))
        .unwrap();
    let month = YearMonth::of(suite.block_time()).to_string();
    let recipient = suite.owner_salary_recipient.clone();
    rejects(&suite, ContractError::NotSalaryRecipient {}, || {
        suite.poe.claim_owner_salary(&alice, &month)
    });
    rejects(
        &suite,
        ContractError::MonthNotEnded {
            month: month.clone(),
        },
        || suite.poe.claim_owner_salary(&recipient, &month),
    );
    rejects(
        &suite,
        ContractError::Math(MathError::InvalidMonth {
            value: "2024-13".into(),
        }),
        || suite.poe.claim_owner_salary(&recipient, "2024-13"),
    );
    let end = month.parse::<YearMonth>().unwrap().end();
    suite.advance_to(end);
    rejects(
        &suite,
        ContractError::SalaryNotApproved {
            month: month.clone(),
        },
        || suite.poe.claim_owner_salary(&recipient, &month),
    );
    let empty = YearMonth::of(suite.block_time()).to_string();
    rejects(
        &suite,
        ContractError::MonthNotEnded { month: empty },
        || {
            suite
                .poe
                .approve_owner_salary(&suite.owner, &YearMonth::of(suite.block_time()).to_string())
        },
    );
}

#[test]
fn a_pause_stops_every_economic_operation_until_it_ends() {
    use poe_testing::poe_interface::poe_mining::ExecuteMsg;
    let (suite, reporter, alice) = setup();
    suite
        .poe
        .submit_job(&reporter, job(&alice, 1_000_000_000_000))
        .unwrap();
    let owner = suite.owner.clone();
    let until = suite.epoch_end(0).plus_seconds(600);
    // only the owner pauses or unpauses; a pause must end in the future
    rejects(
        &suite,
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner),
        || suite.poe.execute(&alice, &ExecuteMsg::Pause { until }),
    );
    rejects(
        &suite,
        ContractError::invalid("until", "must be after the current block time"),
        || {
            suite.poe.execute(
                &owner,
                &ExecuteMsg::Pause {
                    until: suite.block_time(),
                },
            )
        },
    );
    rejects(&suite, ContractError::NotPaused {}, || {
        suite.poe.execute(&owner, &ExecuteMsg::Unpause {})
    });
    suite
        .poe
        .execute(&owner, &ExecuteMsg::Pause { until })
        .unwrap();
    assert_eq!(suite.poe.config().unwrap().paused_until, Some(until));

    let paused = || ContractError::Paused { until };
    rejects(&suite, paused(), || {
        suite.poe.submit_job(&reporter, job(&alice, 1_000_000))
    });
    rejects(&suite, paused(), || {
        suite.poe.register_miner(&suite.addr("bob"), None)
    });
    rejects(&suite, paused(), || {
        suite.poe.withdraw_spendable(&alice, None)
    });
    rejects(&suite, paused(), || {
        suite.poe.withdraw_locked_reserve(&alice, None)
    });
    suite.advance_to(suite.epoch_end(0));
    rejects(&suite, paused(), || suite.poe.close_epoch(&reporter, 0));
    rejects(&suite, paused(), || suite.poe.claim_rewards(&alice, None));
    rejects(&suite, paused(), || {
        suite
            .poe
            .claim_owner_salary(&suite.owner_salary_recipient, "2019-10")
    });
    // the owner's own messages keep working during a pause
    suite
        .poe
        .slash(&owner, &alice, Uint128::new(1), "during pause")
        .unwrap();

    // the pause ends by itself at `until`
    suite.advance_to(until);
    suite.poe.close_epoch(&reporter, 0).unwrap();
    suite.poe.claim_rewards(&alice, None).unwrap();
    // and the owner can end one early
    suite
        .poe
        .execute(
            &owner,
            &ExecuteMsg::Pause {
                until: until.plus_seconds(3_600),
            },
        )
        .unwrap();
    suite.poe.execute(&owner, &ExecuteMsg::Unpause {}).unwrap();
    suite
        .poe
        .submit_job(&reporter, job(&alice, 1_000_000))
        .unwrap();
}

#[test]
fn an_absurd_epoch_number_is_refused_as_not_ended() {
    // epoch u64::MAX ends past Timestamp's range: the schedule clamps it, so the close is a
    // plain "not ended" (it used to overflow Timestamp and abort the VM)
    let (suite, _, _) = setup();
    rejects(
        &suite,
        ContractError::EpochNotEnded {
            epoch: u64::MAX,
            ends_at: cosmwasm_std::Timestamp::from_seconds(
                poe_testing::poe_math::schedule::MAX_SECONDS,
            ),
        },
        || suite.poe.close_epoch(&suite.deployer, u64::MAX),
    );
}
