//! The whole PoE loop on the deployed suite: miners register, reporters submit jobs of the ten
//! job types paying the FLX fee, the epoch closes, NEX is minted and claimed, the fee parts land.

use cosmwasm_std::{Addr, Decimal, Int128, Uint128};
use poe_testing::poe_interface::poe_mining::{EconomicJobType, JobReport};
use poe_testing::poe_math::fee::{split_fee, FeeSplit};
use poe_testing::poe_math::genesis::{gen_total_supply, GenesisAllocation};
use poe_testing::poe_math::poe::{epoch_emission, poe_index, EpochActivity};
use poe_testing::poe_mining::ContractError;
use poe_testing::{default_params, flx, Suite, SuiteBuilder};

fn dec(permille: u64) -> Decimal {
    Decimal::permille(permille)
}

fn suite() -> Suite {
    SuiteBuilder::new()
        .with_reporters(&["reporter_a", "reporter_b"])
        .with_flx_balance("reporter_a", flx(1_000_000))
        .with_flx_balance("reporter_b", flx(1_000_000))
        .build()
}

fn job(
    job_type: EconomicJobType,
    miner: &Addr,
    value: Uint128,
    quality: u64,
    uptime: u64,
    liquidity: i128,
) -> JobReport {
    JobReport {
        job_type,
        miner: miner.to_string(),
        job_value: value,
        quality_score: dec(quality),
        liquidity_delta: Int128::new(liquidity),
        uptime: dec(uptime),
    }
}

#[test]
fn the_suite_is_deployed_and_wired() {
    let suite = suite();
    // GEN: fixed 100,000 GEN, allocated 50/20/15/10/5 %, no minter
    let gen = suite.gen.token_info().unwrap();
    assert_eq!(
        (gen.name.as_str(), gen.symbol.as_str(), gen.decimals),
        ("Genesis", "GEN", 6)
    );
    assert_eq!(gen.total_supply, gen_total_supply());
    assert_eq!(gen.total_supply, Uint128::new(100_000_000_000));
    assert_eq!(suite.gen.minter().unwrap(), None);
    let allocation = GenesisAllocation::split(gen_total_supply()).unwrap();
    for (addr, amount) in [
        (&suite.community_rewards, allocation.community_rewards),
        (&suite.governance_reserve, allocation.governance_reserve),
        (&suite.development_fund, allocation.development_fund),
        (
            &suite.strategic_partnerships,
            allocation.strategic_partnerships,
        ),
        (&suite.emergency_reserve, allocation.emergency_reserve),
    ] {
        assert_eq!(suite.gen.balance(addr).unwrap(), amount);
    }
    assert_eq!(
        suite.gen.balance(&suite.community_rewards).unwrap(),
        Uint128::new(50_000_000_000)
    );
    // NEX: poe-mining is its only minter; FLX and AUR have their configured minters
    assert_eq!(
        suite.nex.minter().unwrap().unwrap().minter,
        suite.poe.addr.to_string()
    );
    assert_eq!(suite.nex.total_supply().unwrap(), Uint128::zero());
    assert_eq!(
        suite.flx.minter().unwrap().unwrap().minter,
        suite.flux.addr.to_string()
    );
    assert_eq!(
        suite.aur.minter().unwrap().unwrap().minter,
        suite.aurum.addr.to_string()
    );
    assert_eq!(suite.flx.total_supply().unwrap(), flx(2_000_000));
    for (token, symbol, name) in [
        (&suite.nex, "NEX", "Nexus"),
        (&suite.flx, "FLX", "Flux"),
        (&suite.aur, "AUR", "Aurum"),
    ] {
        let info = token.token_info().unwrap();
        assert_eq!(
            (info.symbol.as_str(), info.name.as_str(), info.decimals),
            (symbol, name, 6)
        );
    }
    // PoE mining knows its tokens, treasury, reporters and the seed parameters
    let config = suite.poe.config().unwrap();
    assert_eq!(config.flx_token, suite.flx.addr);
    assert_eq!(config.nex_token, suite.nex.addr);
    assert_eq!(config.treasury, suite.treasury.addr);
    assert_eq!(config.owner_salary_recipient, suite.owner_salary_recipient);
    assert_eq!(config.params, default_params());
    assert_eq!(config.genesis_time.seconds(), suite.block_time().seconds());
    let mut reporters = suite.poe.reporters(None, None).unwrap();
    reporters.sort();
    let mut expected = suite.reporters.clone();
    expected.sort();
    assert_eq!(reporters, expected);
    // the hand-over: governance owns every contract, with no transfer left pending, and is every
    // contract's wasm admin (itself included)
    let governance = Some(suite.governance.addr.to_string());
    let ownerships = [
        suite.poe.ownership().unwrap(),
        suite.treasury.ownership().unwrap(),
        suite.staking.ownership().unwrap(),
        suite.gen.ownership().unwrap(),
        suite.nex.ownership().unwrap(),
        suite.flx.ownership().unwrap(),
        suite.aur.ownership().unwrap(),
        suite.flux.ownership().unwrap(),
        suite.aurum.ownership().unwrap(),
    ];
    for ownership in ownerships {
        assert_eq!(ownership.owner, governance);
        assert_eq!(ownership.pending_owner, None);
    }
    assert_eq!(suite.owner, suite.governance.addr);
    // the two pools exist, owned and administered by governance (with their LP tokens)
    let pairs = [
        suite.amm.pair(&suite.nex, &suite.flx).unwrap(),
        suite.amm.pair(&suite.flx, &suite.aur).unwrap(),
    ];
    let mut administered: Vec<Addr> = suite.contracts().into_iter().map(|(_, a)| a).collect();
    for pair in &pairs {
        let ownership: cw_ownable::Ownership<String> = pair
            .query(&poe_testing::poe_interface::amm::pair::QueryMsg::Ownership {})
            .unwrap();
        assert_eq!(ownership.owner, governance);
        administered.extend([pair.addr.clone(), pair.lp_token.clone()]);
    }
    for addr in &administered {
        let info = suite.app.borrow().contract_data(addr).unwrap();
        assert_eq!(info.admin, Some(suite.governance.addr.clone()), "{addr}");
    }
    // staking has the seed's four pools, rewards in FLX
    let pools = suite.staking.pools().unwrap();
    let tiers: Vec<(String, Decimal)> = pools.iter().map(|p| (p.token.clone(), p.tier)).collect();
    for (token, tier) in [
        (&suite.gen, 10u64),
        (&suite.aur, 5),
        (&suite.nex, 3),
        (&suite.flx, 1),
    ] {
        assert!(
            tiers.contains(&(token.addr.to_string(), Decimal::from_ratio(tier, 1u64))),
            "{tiers:?}"
        );
    }
    assert!(pools
        .iter()
        .all(|p| p.reward_token == suite.flx.addr.as_str()));
    let gov = suite.governance.config().unwrap();
    assert_eq!(
        (gov.staking, gov.deposit_token, gov.treasury, gov.guardian),
        (
            suite.staking.addr.clone(),
            suite.gen.addr.clone(),
            suite.treasury.addr.clone(),
            suite.guardian.clone()
        )
    );
    // a minter that is not NEX's cannot mint it
    let before = suite.snapshot(&[]);
    let err = suite
        .nex
        .mint(&suite.deployer, &suite.deployer, Uint128::one())
        .unwrap_err();
    assert!(
        err.root_cause()
            .to_string()
            .to_lowercase()
            .contains("unauthorized"),
        "{err:#}"
    );
    assert_eq!(suite.snapshot(&[]), before, "a refused mint changed state");
}

#[test]
fn one_epoch_from_jobs_to_claims() {
    let suite = suite();
    let params = default_params();
    let miners: Vec<Addr> = ["alice", "bob", "carol"]
        .iter()
        .map(|n| suite.addr(n))
        .collect();
    suite
        .poe
        .register_miner(&miners[0], Some(EconomicJobType::Compute))
        .unwrap();
    suite
        .poe
        .register_miner(&miners[1], Some(EconomicJobType::LiquidityProvision))
        .unwrap();
    suite.poe.register_miner(&miners[2], None).unwrap();
    assert_eq!(
        suite.poe.miner(&miners[0]).unwrap().specialization,
        Some(EconomicJobType::Compute)
    );

    // every job type at least once, from two reporters, with liquidity on the LP jobs
    let reporters = suite.reporters.clone();
    let mut activity = EpochActivity::default();
    let mut fees = FeeSplit::default();
    let mut spendable = [Uint128::zero(); 3];
    let mut locked = [Uint128::zero(); 3];
    for (i, job_type) in EconomicJobType::ALL
        .iter()
        .chain(EconomicJobType::ALL.iter())
        .enumerate()
    {
        let m = i % 3;
        let value = flx(1_000 + 1_733 * i as u128) + Uint128::new(i as u128 * 7_919);
        // within |delta| <= job value (max_liquidity_ratio 1): -12,000 FLX on a 13,131 FLX job,
        // +30,000 FLX on a 30,461 FLX one
        let liquidity = if *job_type == EconomicJobType::LiquidityProvision {
            30_000_000_000 - 42_000_000_000 * (i as i128 % 2)
        } else {
            0
        };
        let quality = 700 + (i as u64 * 13) % 300;
        let uptime = 900 + (i as u64 * 7) % 100;
        let report = job(*job_type, &miners[m], value, quality, uptime, liquidity);
        suite.poe.submit_job(&reporters[i % 2], report).unwrap();
        activity
            .record_job(value, Int128::new(liquidity), dec(uptime), dec(quality))
            .unwrap();
        let split = split_fee(value, &params.fee_rates).unwrap();
        fees = fees.checked_add(&split).unwrap();
        spendable[m] += split.miner_spendable;
        locked[m] += split.miner_locked_reserve;
        suite.advance_time(60);
    }
    assert_eq!(suite.poe.jobs(&miners[0], None, Some(30)).unwrap().len(), 7);

    // the epoch cannot close before its end
    let before = suite.snapshot(&miners.iter().collect::<Vec<_>>());
    let err = suite.poe.close_epoch(&suite.deployer, 0).unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<ContractError>(),
            Some(ContractError::EpochNotEnded { epoch: 0, .. })
        ),
        "{err:#}"
    );
    assert_eq!(
        suite.snapshot(&miners.iter().collect::<Vec<_>>()),
        before,
        "a refused close changed state"
    );

    suite.advance_to(suite.epoch_end(0));
    suite.poe.close_epoch(&suite.deployer, 0).unwrap();

    // Phi and Gamma are the seed formula over the same jobs; NEX minted is the epoch emission
    let expected = poe_index(&activity, &params.poe_weights, &params.poe_scales);
    let index = suite.poe.poe_index(0).unwrap();
    assert!(index.closed);
    assert_eq!(index.phi_value, expected.phi_value);
    assert_eq!(index.volume_component, expected.volume_component);
    assert_eq!(index.liquidity_component, expected.liquidity_component);
    assert_eq!(index.uptime_component, expected.uptime_component);
    assert_eq!(index.quality_component, expected.quality_component);
    assert_eq!(index.gamma, expected.gamma);
    assert!(index.gamma >= params.min_poe_threshold);
    let emission = epoch_emission(
        params.max_emission_per_epoch,
        expected.gamma,
        params.min_poe_threshold,
    );
    assert!(!emission.is_zero());
    assert_eq!(index.nex_minted, emission);
    assert_eq!(index.job_count, 20);
    assert_eq!(index.active_miners, 3);
    assert_eq!(suite.nex.total_supply().unwrap(), emission);
    assert_eq!(suite.nex.balance(&suite.poe.addr).unwrap(), emission);

    // the fee parts landed: treasury_net in the treasury, miner parts and salary in the ledger
    let stats = suite.poe.mining_statistics().unwrap();
    assert_eq!(stats.fee_split_totals, fees);
    assert_eq!(
        fees.miner_locked_reserve + fees.miner_spendable + fees.owner_salary + fees.treasury_net,
        fees.fee
    );
    assert_eq!(
        suite.treasury.cw20_balance(&suite.flx.addr).unwrap(),
        fees.treasury_net
    );
    assert_eq!(stats.treasury_paid, fees.treasury_net);
    assert_eq!(stats.total_jobs, 20);
    for m in 0..3 {
        let miner = suite.poe.miner(&miners[m]).unwrap();
        assert_eq!(miner.spendable, spendable[m]);
        assert_eq!(miner.locked_reserve, locked[m]);
    }
    let month = poe_testing::poe_math::calendar::YearMonth::of(suite.block_time()).to_string();
    let salary = suite.poe.owner_salary_report(&month).unwrap();
    assert_eq!(salary.gross_salary, fees.owner_salary);
    // the contract holds exactly what it owes: miners' parts and salary in FLX
    assert_eq!(
        suite.flx.balance(&suite.poe.addr).unwrap(),
        fees.miner_locked_reserve + fees.miner_spendable + fees.owner_salary
    );

    // claims: each miner gets its pending NEX, together at most the emission (dust stays)
    let mut claimed = Uint128::zero();
    for miner in &miners {
        let pending = suite.poe.pending_rewards(miner, None).unwrap();
        assert!(!pending.nex.is_zero());
        suite.poe.claim_rewards(miner, None).unwrap();
        assert_eq!(suite.nex.balance(miner).unwrap(), pending.nex);
        claimed += pending.nex;
        let before = suite.snapshot(&miners.iter().collect::<Vec<_>>());
        let err = suite.poe.claim_rewards(miner, None).unwrap_err();
        assert_eq!(
            err.downcast_ref::<ContractError>(),
            Some(&ContractError::NothingToClaim {}),
            "{err:#}"
        );
        assert_eq!(
            suite.snapshot(&miners.iter().collect::<Vec<_>>()),
            before,
            "a second claim changed state"
        );
    }
    assert!(claimed <= emission && emission - claimed < Uint128::new(3));
    assert_eq!(
        suite.poe.mining_statistics().unwrap().nex_claimed_total,
        claimed
    );

    // a miner withdraws its spendable FLX; the locked reserve stays locked
    let before = suite.flx.balance(&miners[0]).unwrap();
    suite.poe.withdraw_spendable(&miners[0], None).unwrap();
    assert_eq!(
        suite.flx.balance(&miners[0]).unwrap(),
        before + spendable[0]
    );
    let before = suite.snapshot(&miners.iter().collect::<Vec<_>>());
    let err = suite
        .poe
        .withdraw_locked_reserve(&miners[0], None)
        .unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<ContractError>(),
            Some(ContractError::ReserveLocked { .. })
        ),
        "{err:#}"
    );
    assert_eq!(
        suite.snapshot(&miners.iter().collect::<Vec<_>>()),
        before,
        "a refused withdrawal changed state"
    );

    // GEN never moves
    assert_eq!(
        suite.gen.total_supply().unwrap(),
        Uint128::new(100_000_000_000)
    );
}

#[test]
fn a_quiet_epoch_mints_no_nex() {
    let suite = suite();
    let miner = suite.addr("miner");
    suite.poe.register_miner(&miner, None).unwrap();
    // poor uptime and quality, small value: Phi ~ 0.05, Gamma below 0.1
    suite
        .poe
        .submit_job(
            &suite.reporters[0],
            job(EconomicJobType::Transaction, &miner, flx(100), 100, 100, 0),
        )
        .unwrap();
    suite.close_epoch(0).unwrap();
    let index = suite.poe.poe_index(0).unwrap();
    assert!(
        index.gamma < default_params().min_poe_threshold,
        "gamma {}",
        index.gamma
    );
    assert_eq!(index.nex_minted, Uint128::zero());
    assert_eq!(suite.nex.total_supply().unwrap(), Uint128::zero());
    assert!(suite
        .poe
        .pending_rewards(&miner, None)
        .unwrap()
        .nex
        .is_zero());
    // an empty epoch closes too, with a zero index
    suite.close_epoch(1).unwrap();
    let empty = suite.poe.poe_index(1).unwrap();
    assert_eq!(
        (empty.phi_value, empty.gamma, empty.job_count),
        (Decimal::zero(), Decimal::zero(), 0)
    );
}

#[test]
fn refused_jobs_change_nothing() {
    let suite = suite();
    let miner = suite.addr("miner");
    suite.poe.register_miner(&miner, None).unwrap();
    let reporter = suite.reporters[0].clone();
    let good = job(EconomicJobType::Compute, &miner, flx(1_000), 900, 990, 0);
    let flx_before = suite.flx.balance(&reporter).unwrap();
    let stats_before = suite.poe.mining_statistics().unwrap();

    // a fee one unit short
    let fee = suite.poe.job_fee(good.job_value).unwrap().fee;
    let err = suite
        .poe
        .submit_job_with_fee(&reporter, good.clone(), fee - Uint128::one())
        .unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<ContractError>(),
            Some(ContractError::FeeMismatch { .. })
        ),
        "{err:#}"
    );
    // a reporter not on the allow-list (funded, so the cw20 send itself succeeds)
    let outsider = suite.addr("outsider");
    suite.flx.transfer(&reporter, &outsider, flx(100)).unwrap();
    let err = suite.poe.submit_job(&outsider, good.clone()).unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<ContractError>(),
            Some(ContractError::AllowList(
                poe_controllers::AllowListError::NotListed { .. }
            ))
        ),
        "{err:#}"
    );
    // an unregistered miner
    let stranger = suite.addr("stranger");
    let err = suite
        .poe
        .submit_job(
            &reporter,
            JobReport {
                miner: stranger.to_string(),
                ..good.clone()
            },
        )
        .unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<ContractError>(),
            Some(ContractError::MinerNotRegistered { .. })
        ),
        "{err:#}"
    );
    // quality above 1
    let err = suite
        .poe
        .submit_job(
            &reporter,
            JobReport {
                quality_score: dec(1_500),
                ..good.clone()
            },
        )
        .unwrap_err();
    assert!(
        matches!(
            err.downcast_ref::<ContractError>(),
            Some(ContractError::InvalidFraction { .. })
        ),
        "{err:#}"
    );

    // (less the 100 FLX the reporter gave the outsider)
    assert_eq!(suite.flx.balance(&reporter).unwrap(), flx_before - flx(100));
    assert_eq!(suite.flx.balance(&outsider).unwrap(), flx(100));
    assert_eq!(suite.poe.mining_statistics().unwrap(), stats_before);
    // and the good job still goes through
    suite.poe.submit_job(&reporter, good).unwrap();
    assert_eq!(suite.poe.mining_statistics().unwrap().total_jobs, 1);
}
