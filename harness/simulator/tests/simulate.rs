//! The simulator end to end: the small scenario runs and its JSON report has every key, a seed
//! gives the same report twice, and invalid scenarios are refused naming the field and line.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use cosmwasm_std::Decimal;
use poe_interface::governance::ProposalStatus;
use poe_interface::poe_mining::EconomicJobType;
use poe_math::fee::FeeRates;
use poe_simulator::generate::plan;
use poe_simulator::{run, run_file, RunOptions, Scenario, ScenarioError};
use serde_json::Value;

fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn refusal(name: &str) -> ScenarioError {
    let path = fixture(name);
    let text = std::fs::read_to_string(&path).unwrap();
    Scenario::parse(&text, &format!("fixtures/{name}")).expect_err("the scenario must be refused")
}

#[test]
fn small_scenario_runs_and_reports_every_key() {
    let report = run_file(&repo_path("scenarios/small.yaml"), false).unwrap();
    assert!(report.checks_pass(), "{:#?}", report.checks);
    let json: Value = serde_json::to_value(&report).unwrap();
    let top: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    for key in [
        "scenario",
        "epochs",
        "supplies",
        "fee_split_totals",
        "jobs",
        "treasury",
        "mining_statistics",
        "rejected_jobs",
        "owner_salary_reports",
        "miners",
        "checks",
        "run",
    ] {
        assert!(top.contains(&key), "missing {key} in {top:?}");
    }
    // the report's own key order (struct order) puts `run` last
    let text = serde_json::to_string(&report).unwrap();
    assert!(
        text.rfind("\"run\":").unwrap() > text.rfind("\"checks\":").unwrap(),
        "run comes last"
    );
    assert_eq!(json["scenario"]["name"], "small");
    assert_eq!(json["scenario"]["seed"], 7);
    for key in ["wall_time_seconds", "jobs_per_second"] {
        assert!(json["run"][key].is_number(), "run.{key}");
    }

    let epochs = json["epochs"].as_array().unwrap();
    assert_eq!(epochs.len(), 3);
    for e in epochs {
        for key in [
            "epoch",
            "phi_value",
            "volume_component",
            "liquidity_component",
            "uptime_component",
            "quality_component",
            "gamma",
            "nex_minted",
            "job_count",
            "active_miners",
            "total_job_value",
        ] {
            assert!(!e[key].is_null(), "epochs[].{key}");
        }
    }
    // the outage epoch is below the threshold and mints nothing; the others mint
    assert!(report.epochs[1].below_threshold);
    assert!(report.epochs[1].nex_minted.is_zero());
    assert!(!report.epochs[0].below_threshold && !report.epochs[0].nex_minted.is_zero());
    assert!(!report.epochs[2].nex_minted.is_zero());

    for key in ["GEN", "NEX", "FLX", "AUR"] {
        assert!(json["supplies"][key].is_string(), "supplies.{key}");
    }
    assert_eq!(json["supplies"]["GEN"], "100000000000");
    for key in [
        "fee",
        "miner_locked_reserve",
        "miner_spendable",
        "owner_salary",
        "treasury_net",
    ] {
        assert!(
            json["fee_split_totals"][key].is_string(),
            "fee_split_totals.{key}"
        );
    }
    for key in ["submitted", "accepted", "rejected", "by_job_type"] {
        assert!(!json["jobs"][key].is_null(), "jobs.{key}");
    }
    assert!(json["treasury"]["balances"]["FLX"].is_string());
    assert!(json["treasury"]["total_received"]["FLX"].is_string());
    // deposits: PoE mining's treasury share and the AUR purchases (the controller's mints and
    // the pools' protocol fees arrive as plain transfers: in the balance, not in the ledger)
    let aur_payments: cosmwasm_std::Uint128 = report
        .aurum
        .as_ref()
        .unwrap()
        .purchases
        .iter()
        .filter(|p| p.ok)
        .map(|p| p.flx)
        .sum();
    assert_eq!(
        report.treasury.total_received["FLX"],
        report.fee_split_totals.treasury_net + aur_payments
    );
    assert!(report.treasury.balances["FLX"] > report.treasury.total_received["FLX"]);

    // the two refused explicit jobs are recorded with the contract's reason, and the run went on
    let rejected = &report.rejected_jobs;
    assert_eq!(rejected.len(), 2, "{rejected:#?}");
    assert_eq!(rejected[0].source, "jobs[0]");
    assert!(
        rejected[0].reason.contains("quality_score"),
        "{}",
        rejected[0].reason
    );
    assert_eq!(rejected[1].source, "jobs[1]");
    assert!(
        rejected[1].reason.contains("is not a reporter"),
        "{}",
        rejected[1].reason
    );
    assert_eq!(report.jobs.accepted + 2, report.jobs.submitted);

    // January ended during the run: its salary was approved and claimed
    assert_eq!(report.owner_salary_reports.len(), 2);
    assert!(report.owner_salary_reports[0].closed);
    assert!(!report.owner_salary_reports[0].paid_final.is_zero());
    assert!(
        report.owner_salary_actions.iter().all(|a| a.ok),
        "{:#?}",
        report.owner_salary_actions
    );

    let text = poe_simulator::report::text::render(&report);
    assert!(text.contains("100,000.000000"), "{text}");
    assert!(text.contains("check: the four parts sum to"), "{text}");
    assert!(!text.contains("CHECK FAILED"), "{text}");
}

#[test]
fn the_same_seed_gives_the_same_report() {
    let path = repo_path("scenarios/small.yaml");
    let a = run_file(&path, false).unwrap();
    let b = run_file(&path, false).unwrap();
    assert_eq!(a.deterministic_json(), b.deterministic_json());

    // and another seed gives another economy
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("seed: 7", "seed: 8");
    let other = Scenario::parse(&text, "small-seed-8").unwrap();
    let c = run(&other, &RunOptions::default()).unwrap();
    assert_ne!(a.epochs[0].phi_value, c.epochs[0].phi_value);
}

#[test]
fn the_default_scenario_is_big_enough() {
    let scenario = Scenario::load(&repo_path("scenarios/default.yaml")).unwrap();
    let plans = plan(&scenario);
    let jobs: usize = plans.iter().map(|p| p.jobs.len()).sum();
    let types: BTreeSet<EconomicJobType> = plans
        .iter()
        .flat_map(|p| p.jobs.iter().map(|j| j.job_type))
        .collect();
    assert!(plans.len() >= 10, "{} epochs", plans.len());
    assert!(jobs >= 5_000, "{jobs} jobs");
    assert_eq!(types.len(), 10);
    assert!(scenario.miner_specs().unwrap().len() >= 50);
    // a planned quiet epoch, and the plan does not depend on anything but the file
    assert!(plans.iter().any(|p| p.jobs.is_empty()));
    assert_eq!(plans, plan(&scenario));
}

#[test]
fn invalid_scenarios_are_refused_with_field_and_line() {
    let e = refusal("unknown_miner.yaml");
    assert_eq!(e.path, "jobs[1].miner");
    assert_eq!(e.line, Some(16));
    assert_eq!(
        e.to_string(),
        "scenario fixtures/unknown_miner.yaml: jobs[1].miner: unknown miner \"bob\" (line 16)"
    );

    let e = refusal("unknown_job_type.yaml").to_string();
    assert!(
        e.contains("jobs[1].job_type: unknown variant `teleportation`"),
        "{e}"
    );
    assert!(e.contains("line 11"), "{e}");

    let e = refusal("negative_value.yaml");
    assert_eq!(e.path, "jobs[0].value");
    assert_eq!(e.line, Some(13));
    assert!(e.message.contains("-250 FLX is negative"), "{e}");

    let e = refusal("misspelled_field.yaml").to_string();
    assert!(e.contains("unknown field `liquidity_wieght`"), "{e}");
    assert!(e.contains("line 8"), "{e}");

    let e = refusal("fee_parts_do_not_sum.yaml");
    assert_eq!(e.path, "poe_mining.fee_structure");
    assert_eq!(e.line, Some(6));

    let e = refusal("proposer_without_stake.yaml");
    assert_eq!(e.path, "governance.proposals[0].votes.mallory");
    assert_eq!(e.line, Some(17));
    assert!(e.message.contains("mallory is not a staker"), "{e}");
}

#[test]
fn a_passed_proposal_changes_the_fee_split_from_the_next_epoch_on() {
    let report = run_file(&repo_path("scenarios/small.yaml"), false).unwrap();
    assert!(report.checks_pass(), "{:#?}", report.checks);
    let p = &report.governance.proposals[0];
    assert_eq!(p.status, ProposalStatus::Executed, "{p:#?}");
    assert_eq!((p.made_in_epoch, p.executed_in_epoch), (Some(0), Some(1)));
    assert!(p.quorum_reached);
    // epoch 0 ran with the seed's split, epochs 1 and 2 with the proposal's
    let seed = FeeRates::seed_default();
    let new = FeeRates {
        owner_salary_rate: Decimal::permille(1),
        treasury_net_rate: Decimal::permille(4),
        ..FeeRates::seed_default()
    };
    assert_eq!(report.epochs[0].fee_rates, seed);
    assert_eq!(report.epochs[1].fee_rates, new);
    assert_eq!(report.epochs[2].fee_rates, new);
    for e in &report.epochs[1..] {
        // treasury 0.4 % = four times the owner's 0.1 %, to rounding: per job, the owner's part
        // rounds down by under a unit (under 4 once multiplied) and the treasury also takes the
        // remainder of the other parts' rounding (under 4)
        let (t, o) = (
            e.fee_split.treasury_net.u128(),
            e.fee_split.owner_salary.u128(),
        );
        assert!(t >= 4 * o && t <= 4 * o + 8 * e.job_count as u128, "{e:?}");
    }
    // the owner salary of January was approved by a proposal of the stakers, then claimed
    let approval = report.governance.proposals.last().unwrap();
    assert!(approval
        .title
        .starts_with("Approve the owner salary of 2024-01"));
    assert_eq!(approval.status, ProposalStatus::Executed);
    assert!(!report.owner_salary_reports[0].paid_final.is_zero());
    let text = poe_simulator::report::text::render(&report);
    assert!(text.contains("<- changed by governance"), "{text}");
}

#[test]
fn the_binary_exits_non_zero_on_a_refused_scenario_and_writes_json() {
    let bin = env!("CARGO_BIN_EXE_poe-sim");
    let out = Command::new(bin)
        .arg(fixture("unknown_miner.yaml"))
        .arg("--quiet")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("jobs[1].miner: unknown miner \"bob\" (line 16)"),
        "{stderr}"
    );

    let json_path = std::env::temp_dir().join(format!("poe-sim-test-{}.json", std::process::id()));
    let out = Command::new(bin)
        .current_dir(repo_path(""))
        .args(["scenarios/small.yaml", "--quiet", "--json"])
        .arg(&json_path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout.contains("GEN") && stdout.contains("100,000.000000"),
        "{stdout}"
    );
    assert!(stdout.contains("jobs/s"), "{stdout}");
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&json_path).unwrap()).unwrap();
    assert_eq!(json["scenario"]["name"], "small");
    let _ = std::fs::remove_file(json_path);
}

#[test]
fn the_small_scenario_runs_the_flx_controller_the_aur_reserve_and_the_pools() {
    let report = run_file(&repo_path("scenarios/small.yaml"), false).unwrap();
    assert!(report.checks_pass(), "{:#?}", report.checks);
    let json: Value = serde_json::to_value(&report).unwrap();
    for key in ["flux", "aurum", "pools"] {
        assert!(json[key]["epochs"].is_array(), "{key}.epochs");
        assert!(json[key]["epochs"].as_array().unwrap().len() >= 3, "{key}");
    }
    // FLX: epoch 0 expands, epoch 1 contracts, epoch 2 (no report) is frozen
    let flux = report.flux.as_ref().unwrap();
    let actions: Vec<&str> = flux.epochs.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["expand", "contract", "frozen (no report)"]);
    for e in &flux.epochs {
        assert!(e.amount <= e.max_delta, "{e:?}");
    }
    // AUR: purchases accepted (the market maker's and the buyer's), one refused with its reason
    let aurum = report.aurum.as_ref().unwrap();
    assert!(aurum.purchases.iter().filter(|p| p.ok).count() >= 2);
    let refused: Vec<_> = aurum.purchases.iter().filter(|p| !p.ok).collect();
    assert_eq!(refused.len(), 1);
    assert!(
        refused[0]
            .error
            .as_deref()
            .unwrap()
            .contains("the reserve backs"),
        "{refused:?}"
    );
    for e in &aurum.epochs {
        assert!(e.supply <= e.max_supply, "{e:?}");
    }
    // pools: both seeded, trades made, a TWAP once an epoch is covered
    let pools = report.pools.as_ref().unwrap();
    assert_eq!(pools.seeding.len(), 2, "{:?}", pools.seeding);
    assert!(pools.epochs.iter().map(|e| e.trades).sum::<u32>() > 0);
    assert!(pools.epochs.iter().any(|e| e.twap.is_some()));
    for name in [
        "k = x * y never falls across a swap",
        "every swap returned exactly its simulation",
    ] {
        assert!(
            report.checks.iter().any(|c| c.name == name && c.ok),
            "{name}"
        );
    }
    let text = poe_simulator::report::text::render(&report);
    for section in ["FLX supply controller", "AUR reserve", "Pools ("] {
        assert!(text.contains(section), "{section} in {text}");
    }
}

#[test]
fn economy_blocks_name_unknown_flx_holders() {
    let text = std::fs::read_to_string(repo_path("scenarios/small.yaml"))
        .unwrap()
        .replace("buyer: buyer, flx: 1000", "buyer: nobody, flx: 1000");
    let e = Scenario::parse(&text, "small").unwrap_err();
    assert_eq!(e.path, "aurum.purchases[0].buyer");
    assert!(e.message.contains("flx_holders"), "{e}");
}

#[test]
fn marketplace_and_guarantees_settle_once_and_pay_what_they_owe() {
    // the default scenario (its miners' NEX is what the guarantors and the marketplace use)
    let report = run_file(&repo_path("scenarios/default.yaml"), false).unwrap();
    assert!(report.checks_pass(), "{:#?}", report.checks);
    let market = report.marketplace.as_ref().expect("marketplace report");
    let results: Vec<&str> = market.events.iter().map(|e| e.result.as_str()).collect();
    for wanted in ["replenished", "released", "expired", "cancelled"] {
        assert!(results.contains(&wanted), "no {wanted} in {results:?}");
    }
    let refused = market
        .events
        .iter()
        .find(|e| e.amount == poe_testing::tokens(10_000))
        .unwrap();
    assert!(
        refused
            .result
            .starts_with("refused: insufficient available tokens"),
        "{refused:?}"
    );
    assert_eq!(refused.allocation_id, None);
    // every pool-epoch: available + reserved = balance
    assert!(market
        .epochs
        .iter()
        .all(|e| e.available + e.reserved == e.balance));

    let g = report.guarantees.as_ref().expect("guarantees report");
    let kinds = |k: &str| g.events.iter().filter(|e| e.kind == k).count();
    assert_eq!(
        (
            kinds("release"),
            kinds("default"),
            kinds("liquidate"),
            kinds("close")
        ),
        (1, 1, 1, 2)
    );
    // the open before the NEX/FLX pool had a 600 s TWAP was refused
    let first = &g.events[0];
    assert_eq!(first.kind, "open");
    assert!(
        first.detail.contains("TWAP window of 600 s is not covered"),
        "{first:?}"
    );
    // each redemption went to one of the two holders of its guarantee's claims
    assert_eq!(kinds("redeem"), 4);
    let names: Vec<&str> = g.events.iter().map(|e| e.kind.as_str()).collect();
    assert!(
        names.contains(&"sell_claims") && names.contains(&"price_shock"),
        "{names:?}"
    );
    let check = report
        .checks
        .iter()
        .find(|c| c.name.starts_with("guarantees:"))
        .unwrap();
    assert!(
        check
            .detail
            .contains("1 released, 1 defaulted, 1 liquidated"),
        "{check:?}"
    );
}

#[test]
fn a_sale_of_a_pool_the_marketplace_lacks_is_refused() {
    let e = refusal("sale_of_unknown_pool.yaml");
    assert_eq!(e.path, "marketplace.sales[1].pool");
    assert!(e.message.contains("no pool \"GOLD\""), "{e}");
    assert_eq!(e.line, Some(9));
}
