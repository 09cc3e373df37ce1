//! The suite after the bootstrap hand-over: governance owns every contract, nobody else can change
//! a parameter, and holders change them (and pause, unpause and approve the owner salary) only by
//! proposals that pass.

use cosmwasm_std::{Addr, Decimal, Empty, Int128, Uint128, WasmMsg};
use cw_multi_test::Executor;
use cw_ownable::OwnershipError;
use poe_testing::poe_interface::governance::{
    ExecuteMsg as GovExecuteMsg, ProposalStatus, VoteOption,
};
use poe_testing::poe_interface::poe_mining::{
    ConfigUpdate, EconomicJobType, ExecuteMsg as PoeExecuteMsg, JobReport,
};
use poe_testing::poe_interface::{staking, token, treasury};
use poe_testing::poe_math::calendar::YearMonth;
use poe_testing::poe_math::fee::{split_fee, FeeRates};
use poe_testing::BLOCK_SECONDS;
use poe_testing::{
    flx, poe_governance, poe_mining, poe_staking, poe_token, poe_treasury, tokens, wasm_execute,
    GovernanceSettings, Suite, SuiteBuilder,
};

/// A suite with a funded reporter, a registered miner `alice`, and three GEN genesis buckets that
/// staked 10,000 GEN each a block ago (voting power 100,000 GEN x tier 10 each).
fn staked(builder: SuiteBuilder) -> (Suite, [Addr; 3], Addr, Addr) {
    let suite = builder
        .with_reporter("reporter")
        .with_flx_balance("reporter", flx(10_000_000))
        .build();
    let voters = [
        suite.community_rewards.clone(),
        suite.governance_reserve.clone(),
        suite.development_fund.clone(),
    ];
    for v in &voters {
        suite.staking.stake(&suite.gen, v, tokens(10_000)).unwrap();
    }
    suite.advance_time(BLOCK_SECONDS);
    let (reporter, alice) = (suite.addr("reporter"), suite.addr("alice"));
    suite
        .poe
        .register_miner(&alice, Some(EconomicJobType::Compute))
        .unwrap();
    (suite, voters, reporter, alice)
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

fn voter_refs(voters: &[Addr; 3]) -> Vec<&Addr> {
    voters.iter().collect()
}

/// `f` fails with a contract error of type `E` equal to `expected`, and no contract's storage or
/// admin changed.
fn refused<E>(
    suite: &Suite,
    expected: E,
    f: impl FnOnce() -> anyhow::Result<cw_multi_test::AppResponse>,
) where
    E: std::fmt::Debug + PartialEq + std::fmt::Display + Send + Sync + 'static,
{
    let before = suite.raw_snapshot();
    let err = f().expect_err("the message must be refused");
    let got = err
        .downcast_ref::<E>()
        .unwrap_or_else(|| panic!("not the expected error type: {err:?}"));
    assert_eq!(got, &expected);
    assert!(
        suite.raw_snapshot() == before,
        "a refused message changed state"
    );
}

#[test]
fn after_the_hand_over_no_other_address_can_change_a_parameter() {
    let (suite, voters, _, _) = staked(SuiteBuilder::new());
    let not_owner = || OwnershipError::NotOwner;
    // the deployer, a staker with voting power, and a stranger are all just users now
    for sender in [&suite.deployer, &voters[0], &suite.addr("mallory")] {
        refused(
            &suite,
            poe_mining::ContractError::Ownership(not_owner()),
            || {
                suite.poe.update_config(
                    sender,
                    ConfigUpdate {
                        min_poe_threshold: Some(Decimal::percent(1)),
                        ..Default::default()
                    },
                )
            },
        );
        refused(
            &suite,
            poe_mining::ContractError::Ownership(not_owner()),
            || suite.poe.update_reporters(sender, &[sender], &[]),
        );
        refused(
            &suite,
            poe_mining::ContractError::Ownership(not_owner()),
            || {
                suite.poe.execute(
                    sender,
                    &PoeExecuteMsg::Pause {
                        until: Some(suite.block_time().plus_seconds(60)),
                    },
                )
            },
        );
        refused(
            &suite,
            poe_treasury::ContractError::Ownership(not_owner()),
            || {
                suite.treasury.execute(
                    sender,
                    &treasury::ExecuteMsg::Spend {
                        asset: treasury::AssetInfo::Cw20 {
                            contract_addr: suite.flx.addr.to_string(),
                        },
                        recipient: sender.to_string(),
                        amount: Uint128::one(),
                        memo: None,
                    },
                    &[],
                )
            },
        );
        refused(
            &suite,
            poe_staking::ContractError::Ownership(not_owner()),
            || {
                suite.staking.execute(
                    sender,
                    &staking::ExecuteMsg::UpdatePool {
                        token: suite.gen.addr.to_string(),
                        min_stake: None,
                        lock_period_seconds: None,
                        unbonding_period_seconds: None,
                        tier: Some(Decimal::percent(10_000)),
                    },
                )
            },
        );
        for token in suite.tokens() {
            refused(
                &suite,
                poe_token::ContractError::Ownership(not_owner()),
                || {
                    token.execute(
                        sender,
                        &token::ExecuteMsg::UpdateTransferBurn {
                            transfer_burn_bps: 1_000,
                        },
                    )
                },
            );
        }
        // the supply controllers and the AMM: reporters, custodians, fees, pauses
        refused(
            &suite,
            poe_testing::poe_flux_controller::ContractError::Ownership(not_owner()),
            || {
                suite.flux.execute(
                    sender,
                    &poe_testing::poe_interface::flux_controller::ExecuteMsg::UpdateReporters {
                        add: vec![sender.to_string()],
                        remove: vec![],
                    },
                )
            },
        );
        refused(
            &suite,
            poe_testing::poe_aurum_reserve::ContractError::Ownership(not_owner()),
            || {
                suite.aurum.execute(
                    sender,
                    &poe_testing::poe_interface::aurum_reserve::ExecuteMsg::UpdateCustodians {
                        add: vec![sender.to_string()],
                        remove: vec![],
                    },
                )
            },
        );
        refused(
            &suite,
            poe_testing::poe_amm_factory::ContractError::Ownership(not_owner()),
            || {
                suite.app.borrow_mut().execute_contract(
                    sender.clone(),
                    suite.amm.factory.clone(),
                    &poe_testing::poe_interface::amm::factory::ExecuteMsg::UpdateConfig {
                        pair_code_id: None,
                        token_code_id: None,
                        pair_owner: None,
                        fee_address: Some(sender.to_string()),
                        total_fee_bps: None,
                        protocol_fee_share: None,
                        observation_capacity: None,
                        observation_interval_seconds: None,
                    },
                    &[],
                )
            },
        );
        let pair = suite.amm.pair(&suite.nex, &suite.flx).unwrap();
        refused(
            &suite,
            poe_testing::poe_amm_pair::ContractError::Ownership(not_owner()),
            || {
                pair.execute(
                    sender,
                    &poe_testing::poe_interface::amm::pair::ExecuteMsg::UpdateConfig {
                        total_fee_bps: Some(1_000),
                        protocol_fee_share: None,
                        fee_address: Some(sender.to_string()),
                    },
                )
            },
        );
        refused(
            &suite,
            poe_governance::ContractError::Unauthorized {
                sender: sender.to_string(),
                action: "update_config".to_string(),
            },
            || {
                suite.governance.execute(
                    sender,
                    &GovExecuteMsg::UpdateConfig(Box::new(
                        poe_testing::poe_interface::governance::ConfigUpdate {
                            quorum: Some(Decimal::percent(1)),
                            ..Default::default()
                        },
                    )),
                )
            },
        );
        // nor migrate a contract's code or take its admin role: governance is every admin
        for (label, addr) in suite.contracts() {
            let before = suite.raw_snapshot();
            let migrate = suite.app.borrow_mut().execute(
                sender.clone(),
                WasmMsg::Migrate {
                    contract_addr: addr.to_string(),
                    new_code_id: 1,
                    msg: cosmwasm_std::to_json_binary(&Empty {}).unwrap(),
                }
                .into(),
            );
            assert!(migrate.is_err(), "{sender} migrated {label}");
            let admin = suite.app.borrow_mut().execute(
                sender.clone(),
                WasmMsg::UpdateAdmin {
                    contract_addr: addr.to_string(),
                    admin: sender.to_string(),
                }
                .into(),
            );
            assert!(admin.is_err(), "{sender} took the admin role of {label}");
            assert!(suite.raw_snapshot() == before, "{label} changed");
        }
    }
}

#[test]
fn a_passed_proposal_changes_the_fee_split_of_poe_mining() {
    let (suite, voters, reporter, alice) = staked(SuiteBuilder::new());
    let new_rates = FeeRates {
        owner_salary_rate: Decimal::permille(1),
        treasury_net_rate: Decimal::permille(4),
        ..FeeRates::seed_default()
    };
    let value = 1_000_000_000u128;
    let old_split = suite.poe.job_fee(Uint128::new(value)).unwrap();
    assert_eq!(
        old_split,
        split_fee(Uint128::new(value), &FeeRates::seed_default()).unwrap()
    );
    let gen_before = suite.gen.balance(&voters[0]).unwrap();
    let update = PoeExecuteMsg::UpdateConfig(Box::new(ConfigUpdate {
        fee_rates: Some(new_rates),
        ..Default::default()
    }));
    let id = suite
        .pass_proposal(
            &voters[0],
            &voter_refs(&voters),
            "Raise the treasury's share to 0.4 %",
            vec![wasm_execute(&suite.poe.addr, &update).unwrap()],
        )
        .unwrap();
    let proposal = suite.governance.proposal(id).unwrap();
    assert_eq!(proposal.status, ProposalStatus::Executed);
    assert!(proposal.quorum_reached);
    assert_eq!(proposal.tally.yes, Uint128::new(3 * 10 * 10_000_000_000));
    // the deposit came back to the proposer
    assert_eq!(suite.gen.balance(&voters[0]).unwrap(), gen_before);
    // the new split is in force: the config, the fee query and the next job's treasury share
    assert_eq!(suite.poe.config().unwrap().params.fee_rates, new_rates);
    let new_split = suite.poe.job_fee(Uint128::new(value)).unwrap();
    assert_eq!(
        new_split,
        split_fee(Uint128::new(value), &new_rates).unwrap()
    );
    assert_ne!(new_split.treasury_net, old_split.treasury_net);
    let stats_before = suite.poe.mining_statistics().unwrap();
    suite.poe.submit_job(&reporter, job(&alice, value)).unwrap();
    let stats_after = suite.poe.mining_statistics().unwrap();
    assert_eq!(
        stats_after.fee_split_totals.owner_salary - stats_before.fee_split_totals.owner_salary,
        new_split.owner_salary
    );
    assert_eq!(
        stats_after.fee_split_totals.fee - stats_before.fee_split_totals.fee,
        new_split.fee
    );
    // and it can never run again
    refused(
        &suite,
        poe_governance::ContractError::NotExecutable {
            proposal_id: id,
            status: ProposalStatus::Executed,
        },
        || suite.governance.execute_proposal(&voters[1], id),
    );
}

#[test]
fn tokens_staked_in_the_proposal_block_have_no_power_over_it() {
    let (suite, voters, _, _) = staked(SuiteBuilder::new());
    let id = suite
        .governance
        .propose(
            &suite.gen,
            &voters[0],
            "A text proposal",
            "no messages",
            vec![],
        )
        .unwrap();
    let start_height = suite.governance.proposal(id).unwrap().start_height;
    // the flash stake: same block as the proposal, then a vote
    let whale = suite.strategic_partnerships.clone();
    suite
        .staking
        .stake(&suite.gen, &whale, tokens(10_000))
        .unwrap();
    refused(
        &suite,
        poe_governance::ContractError::NoVotingPower {
            address: whale.to_string(),
            height: start_height,
        },
        || suite.governance.vote(&whale, id, VoteOption::NoWithVeto),
    );
    // still none in later blocks: the power that counts is the one at the start height
    suite.advance_time(BLOCK_SECONDS);
    assert_eq!(
        suite.staking.voting_power(&whale, None).unwrap(),
        Uint128::new(10 * 10_000_000_000)
    );
    refused(
        &suite,
        poe_governance::ContractError::NoVotingPower {
            address: whale.to_string(),
            height: start_height,
        },
        || suite.governance.vote(&whale, id, VoteOption::NoWithVeto),
    );
    // the total power the quorum is measured against excludes it too
    assert_eq!(
        suite.governance.proposal(id).unwrap().total_power,
        Uint128::new(3 * 10 * 10_000_000_000)
    );
}

#[test]
fn the_guardian_pauses_poe_mining_for_a_bounded_time_and_a_proposal_unpauses_it() {
    let settings = GovernanceSettings {
        voting_period_seconds: 3_600,
        timelock_seconds: 600,
        max_pause_seconds: 24 * 3_600,
        ..GovernanceSettings::default()
    };
    let (suite, voters, reporter, alice) = staked(SuiteBuilder::new().with_governance(settings));
    let guardian = suite.guardian.clone().unwrap();
    // nobody else may pause, and not for longer than the bound
    refused(
        &suite,
        poe_governance::ContractError::Unauthorized {
            sender: voters[0].to_string(),
            action: "pause".to_string(),
        },
        || suite.governance.pause(&voters[0], &suite.poe.addr, 60),
    );
    refused(
        &suite,
        poe_governance::ContractError::PauseTooLong {
            seconds: 24 * 3_600 + 1,
            max: 24 * 3_600,
        },
        || {
            suite
                .governance
                .pause(&guardian, &suite.poe.addr, 24 * 3_600 + 1)
        },
    );
    suite
        .governance
        .pause(&guardian, &suite.poe.addr, 24 * 3_600)
        .unwrap();
    let until = suite.block_time().plus_seconds(24 * 3_600);
    let before = suite.snapshot(&[&alice]);
    let err = suite
        .poe
        .submit_job(&reporter, job(&alice, 1_000_000_000))
        .unwrap_err();
    assert_eq!(
        err.downcast_ref::<poe_mining::ContractError>(),
        Some(&poe_mining::ContractError::Pause(
            poe_controllers::PauseError::Paused { until }
        ))
    );
    assert_eq!(suite.snapshot(&[&alice]), before);
    // holders end the pause early by a proposal
    let unpause = GovExecuteMsg::Unpause {
        target: suite.poe.addr.to_string(),
    };
    suite
        .pass_proposal(
            &voters[0],
            &voter_refs(&voters),
            "End the emergency pause",
            vec![wasm_execute(&suite.governance.addr, &unpause).unwrap()],
        )
        .unwrap();
    assert!(suite.block_time() < until);
    suite
        .poe
        .submit_job(&reporter, job(&alice, 1_000_000_000))
        .unwrap();
    assert_eq!(suite.poe.mining_statistics().unwrap().total_jobs, 1);
}

#[test]
fn the_owner_salary_is_paid_only_after_a_proposal_approves_it() {
    let (suite, voters, reporter, alice) = staked(SuiteBuilder::new());
    suite
        .poe
        .submit_job(&reporter, job(&alice, 1_000_000_000))
        .unwrap();
    let ym = YearMonth::of(suite.block_time());
    let month = ym.to_string();
    suite.advance_to(ym.end());
    let report = suite.poe.owner_salary_report(&month).unwrap();
    assert!(report.approval_required && !report.governance_approval);
    let recipient = suite.owner_salary_recipient.clone();
    // without the approval, nothing is paid
    refused(
        &suite,
        poe_mining::ContractError::SalaryNotApproved {
            month: month.clone(),
        },
        || suite.poe.claim_owner_salary(&recipient, &month),
    );
    let approve = PoeExecuteMsg::ApproveOwnerSalary {
        month: month.clone(),
    };
    suite
        .pass_proposal(
            &voters[0],
            &voter_refs(&voters),
            "Approve the owner salary",
            vec![wasm_execute(&suite.poe.addr, &approve).unwrap()],
        )
        .unwrap();
    assert!(
        suite
            .poe
            .owner_salary_report(&month)
            .unwrap()
            .governance_approval
    );
    suite.poe.claim_owner_salary(&recipient, &month).unwrap();
    assert_eq!(
        suite.flx.balance(&recipient).unwrap(),
        report.breakdown.final_payout
    );
}

#[test]
fn a_failing_proposal_message_leaves_every_parameter_as_it_was() {
    let (suite, voters, _, _) = staked(SuiteBuilder::new());
    let config_before = suite.poe.config().unwrap();
    // two messages: a valid weight change, then fee rates that do not sum to the total fee
    let bad = FeeRates {
        treasury_net_rate: Decimal::permille(9),
        ..FeeRates::seed_default()
    };
    let good = PoeExecuteMsg::UpdateConfig(Box::new(ConfigUpdate {
        min_poe_threshold: Some(Decimal::percent(20)),
        ..Default::default()
    }));
    let bad = PoeExecuteMsg::UpdateConfig(Box::new(ConfigUpdate {
        fee_rates: Some(bad),
        ..Default::default()
    }));
    let id = suite
        .governance
        .propose(
            &suite.gen,
            &voters[0],
            "A change that cannot apply",
            "the second message is invalid",
            vec![
                wasm_execute(&suite.poe.addr, &good).unwrap(),
                wasm_execute(&suite.poe.addr, &bad).unwrap(),
            ],
        )
        .unwrap();
    suite.advance_time(BLOCK_SECONDS);
    for v in &voters {
        suite.governance.vote(v, id, VoteOption::Yes).unwrap();
    }
    suite.advance_to(suite.governance.proposal(id).unwrap().executable_at);
    suite.governance.execute_proposal(&voters[1], id).unwrap();
    let proposal = suite.governance.proposal(id).unwrap();
    // the failure is recorded and the proposal stays executable until it expires
    assert_eq!(proposal.status, ProposalStatus::Passed);
    assert!(proposal.execution_error.is_some());
    // all or nothing: the valid first message did not apply either
    assert_eq!(suite.poe.config().unwrap(), config_before);
    // a second attempt fails the same way and is recorded too
    suite.advance_time(BLOCK_SECONDS);
    suite.governance.execute_proposal(&voters[2], id).unwrap();
    let attempts = suite.governance.execution_attempts(id).unwrap();
    assert_eq!(attempts.len(), 2);
    assert!(attempts.iter().all(|a| a.error.is_some()));
    assert_eq!(attempts[1].executor, voters[2]);
    assert_eq!(suite.poe.config().unwrap(), config_before);
    // once expired it can never run
    suite.advance_to(proposal.expires_at);
    refused(
        &suite,
        poe_governance::ContractError::NotExecutable {
            proposal_id: id,
            status: ProposalStatus::Expired,
        },
        || suite.governance.execute_proposal(&voters[1], id),
    );
}

#[test]
fn a_proposal_sets_a_pool_fee_and_pauses_the_pool() {
    use poe_testing::poe_interface::amm::pair::{
        ConfigResponse, ExecuteMsg as PairExecuteMsg, QueryMsg as PairQueryMsg,
    };
    let (suite, voters, _, _) = staked(SuiteBuilder::new());
    let pair = suite.amm.pair(&suite.nex, &suite.flx).unwrap();
    let before: ConfigResponse = pair.query(&PairQueryMsg::Config {}).unwrap();
    assert_eq!((before.total_fee_bps, before.paused_until), (30, None));
    let fee = PairExecuteMsg::UpdateConfig {
        total_fee_bps: Some(50),
        protocol_fee_share: None,
        fee_address: None,
    };
    let pause = PairExecuteMsg::Pause { until: None };
    suite
        .pass_proposal(
            &voters[0],
            &voter_refs(&voters),
            "Raise the NEX/FLX fee to 0.5 % and pause the pool",
            vec![
                wasm_execute(&pair.addr, &fee).unwrap(),
                wasm_execute(&pair.addr, &pause).unwrap(),
            ],
        )
        .unwrap();
    let after: ConfigResponse = pair.query(&PairQueryMsg::Config {}).unwrap();
    assert_eq!(after.total_fee_bps, 50);
    assert!(after.paused_until.is_some());
    // paused: a swap is refused before anything moves
    let reporter = suite.addr("reporter");
    let before = suite.raw_snapshot();
    let err = pair.swap(&reporter, &suite.flx, flx(10), None).unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<poe_testing::poe_amm_pair::ContractError>(),
            Some(poe_testing::poe_amm_pair::ContractError::Pause(_))
        ) && err.root_cause().to_string().starts_with("paused until"),
        "{err:#}"
    );
    assert!(suite.raw_snapshot() == before);
}
