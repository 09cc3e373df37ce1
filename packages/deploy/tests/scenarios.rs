//! Scenario files make their deployment: every file of `scenarios/` parses and plans, the
//! scenario's blocks land in the `Deployment` they state, and `poe-deploy-plan` prints exactly
//! the library's plan (and refuses a bad scenario, writing nothing).
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::Command;

use cosmwasm_std::{Decimal, Timestamp, Uint128};
use poe_deploy::plan::{DeployStep, FLUX_CONTROLLER_CODE};
use poe_deploy::{Deployment, Scenario, DEFAULT_SCENARIO};
use serde_json::Value;

fn repo_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel)
}

fn plan_text(scenario: &Scenario) -> String {
    let plan = scenario.deployment().unwrap().plan().unwrap();
    serde_json::to_string_pretty(&plan).unwrap() + "\n"
}

/// The FLX `initial_balances` of the plan, as `(account, amount)`.
fn flx_initial_balances(d: &Deployment) -> Vec<(String, String)> {
    let plan = d.plan().unwrap();
    let msg = plan
        .steps
        .iter()
        .find_map(|s| match s {
            DeployStep::Instantiate { label, msg, .. } if label == "FLX" => Some(msg.clone()),
            _ => None,
        })
        .unwrap();
    msg["initial_balances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["address"].as_str().unwrap().to_string(),
                c["amount"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const MINIMAL: &str = "\
name: minimal
seed: 1
epochs: 2
start_time: \"2024-01-31T18:00:00Z\"
poe_mining:
  issuance:
    epoch_length_seconds: 600
reporters:
  names: [r1, r2]
  flx_funding: 10
miners:
  names: [alice]
jobs:
  - {epoch: 0, job_type: compute, miner: alice, value: 100, reporter: stranger}
flx_holders:
  r2: 5
  market_maker: 1000
  zero: 0
flux_controller:
  alpha: 0.6
  beta: 0.2
  reporters: [u1, u2]
  demand: {default: 1.0}
aurum:
  price: 40
  custodians: [vault]
";

#[test]
fn every_scenario_file_parses_and_plans() {
    let mut seen = 0;
    for entry in std::fs::read_dir(repo_path("scenarios")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let scenario = Scenario::load(&path).unwrap_or_else(|e| panic!("{e}"));
        let deployment = scenario.deployment().unwrap();
        let plan = deployment.plan().unwrap();
        assert_eq!(plan.accounts[0], "deployer", "{}", path.display());
        for r in &deployment.reporters {
            assert!(plan.accounts.contains(r), "{r} in {}", path.display());
        }
        // every step of the plan survives a JSON round trip (what the deploy tool reads)
        let text = serde_json::to_string(&plan).unwrap();
        assert_eq!(
            serde_json::from_str::<poe_deploy::DeployPlan>(&text).unwrap(),
            plan
        );
        seen += 1;
    }
    assert!(seen >= 4, "{seen} scenario files");
}

#[test]
fn a_scenario_states_its_deployment() {
    let scenario = Scenario::parse(MINIMAL, "minimal").unwrap();
    let d = scenario.deployment().unwrap();
    let funding = Uint128::new(10_000_000);
    assert_eq!(d.deployer, "deployer");
    assert_eq!(d.reporters, ["r1", "r2"]);
    // reporters are funded, the unlisted one an explicit job names too; a holder's FLX adds to
    // a reporter's funding; a zero holder is kept here and left out of the plan
    assert_eq!(d.flx_balances["r1"], funding);
    assert_eq!(d.flx_balances["r2"], funding + Uint128::new(5_000_000));
    assert_eq!(d.flx_balances["stranger"], funding);
    assert_eq!(d.flx_balances["market_maker"], Uint128::new(1_000_000_000));
    assert_eq!(d.flx_balances["zero"], Uint128::zero());
    assert_eq!(
        flx_initial_balances(&d),
        [
            ("@market_maker", "1000000000"),
            ("@r1", "10000000"),
            ("@r2", "15000000"),
            ("@stranger", "10000000"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    // the controller's epochs are PoE mining's; unset parameters keep the suite's defaults
    assert_eq!(d.params.epoch_length_seconds, 600);
    assert_eq!(d.flux.params.epoch_length_seconds, 600);
    assert_eq!(d.flux.params.max_report_age_seconds, 600);
    assert_eq!(d.flux.params.alpha, Decimal::percent(60));
    assert_eq!(d.flux.params.beta, Decimal::percent(20));
    assert_eq!(d.flux.params.gamma, Decimal::percent(20));
    assert_eq!(d.flux.reporters, ["u1", "u2"]);
    assert_eq!(d.aurum.price, Decimal::from_ratio(40u64, 1u64));
    assert_eq!(d.aurum.custodians, ["vault"]);
    assert_eq!(d.start_time, Some(Timestamp::from_seconds(1_706_724_000)));
    assert_eq!(d.params, scenario.poe_params());
    assert_eq!(d.staking, scenario.staking.settings());
    assert_eq!(d.governance, scenario.governance.settings());
    let plan = d.plan().unwrap();
    let controller = plan
        .steps
        .iter()
        .find_map(|s| match s {
            DeployStep::Instantiate { code, msg, .. } if code == FLUX_CONTROLLER_CODE => {
                Some(msg.clone())
            }
            _ => None,
        })
        .unwrap();
    assert_eq!(controller["reporters"], serde_json::json!(["@u1", "@u2"]));
    assert_eq!(controller["params"]["epoch_length_seconds"], 600);

    // no funding: the reporters get no FLX, the holders keep theirs
    let text = MINIMAL.replace("flx_funding: 10", "flx_funding: 0");
    let d = Scenario::parse(&text, "minimal")
        .unwrap()
        .deployment()
        .unwrap();
    assert!(!d.flx_balances.contains_key("r1") && !d.flx_balances.contains_key("stranger"));
    assert_eq!(d.flx_balances["r2"], Uint128::new(5_000_000));

    // without the economy blocks: the defaults
    let text = MINIMAL.split("flux_controller:").next().unwrap();
    let d = Scenario::parse(text, "minimal")
        .unwrap()
        .deployment()
        .unwrap();
    let defaults = Deployment::default();
    assert_eq!((d.flux, d.aurum), (defaults.flux, defaults.aurum));
}

#[test]
fn the_binary_prints_the_librarys_plan() {
    let bin = env!("CARGO_BIN_EXE_poe-deploy-plan");
    let elsewhere = std::env::temp_dir();
    for rel in ["scenarios/localnet.yaml", "scenarios/small.yaml"] {
        // a relative path is resolved against the repository root when not found here
        let out = Command::new(bin)
            .current_dir(&elsewhere)
            .arg(rel)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let expected = plan_text(&Scenario::load(&repo_path(rel)).unwrap());
        assert_eq!(String::from_utf8(out.stdout).unwrap(), expected, "{rel}");
    }
    // no argument: the default scenario
    let out = Command::new(bin).current_dir(&elsewhere).output().unwrap();
    assert!(out.status.success());
    let expected = plan_text(&Scenario::load(&repo_path(DEFAULT_SCENARIO)).unwrap());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);

    // --out: the same text in the file, nothing on stdout
    let file = elsewhere.join(format!("poe-deploy-plan-test-{}.json", std::process::id()));
    let out = Command::new(bin)
        .current_dir(repo_path(""))
        .args(["scenarios/localnet.yaml", "--out"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&file).unwrap();
    let _ = std::fs::remove_file(&file);
    assert_eq!(
        written,
        plan_text(&Scenario::load(&repo_path("scenarios/localnet.yaml")).unwrap())
    );
    let json: Value = serde_json::from_str(&written).unwrap();
    assert!(json["accounts"].is_array() && json["steps"].is_array());
}

#[test]
fn the_binary_refuses_a_bad_scenario_and_writes_nothing() {
    let bin = env!("CARGO_BIN_EXE_poe-deploy-plan");
    let dir = std::env::temp_dir();
    let id = std::process::id();
    let bad = dir.join(format!("poe-deploy-plan-bad-{id}.yaml"));
    std::fs::write(&bad, MINIMAL.replace("miner: alice", "miner: bob")).unwrap();
    let file = dir.join(format!("poe-deploy-plan-bad-{id}.json"));
    let out = Command::new(bin)
        .arg(&bad)
        .arg("--out")
        .arg(&file)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&bad);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("jobs[0].miner: unknown miner \"bob\" (line 14)"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    assert!(!file.exists(), "a refused scenario writes no plan");

    let out = Command::new(bin)
        .arg("no/such/scenario.yaml")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("scenario no/such/scenario.yaml: cannot read the file"),
        "{stderr}"
    );
}
