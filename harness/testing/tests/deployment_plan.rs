//! The deployment plan: a scenario's plan from `poe-deploy` (what `poe-deploy-plan` prints for the
//! on-chain deploy tool) is the plan the suite builder runs for that scenario, and it deploys the
//! scenario's genesis; and the plan finishes on a chain that a stranger or an interrupted earlier
//! run touched: a `CreatePair` front-run (anyone may create a pair) and a half-done ownership
//! hand-over (governance's `AcceptOwnership` is all-or-nothing and anyone may call it).

use std::path::Path;

use cosmwasm_std::Addr;
use cw_multi_test::Executor;
use poe_deploy::Scenario;
use poe_testing::plan::{DeployStep, GOVERNED};
use poe_testing::poe_interface::amm::{factory, AssetInfo, PairInfo};
use poe_testing::poe_interface::governance::ExecuteMsg as GovernanceExecuteMsg;
use poe_testing::poe_interface::ownership::{Action, OwnershipExecuteMsg};
use poe_testing::SuiteBuilder;

fn cw20(addr: &Addr) -> AssetInfo {
    AssetInfo::Token {
        contract_addr: addr.to_string(),
    }
}

fn repo_scenario(rel: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    Scenario::load(&path).unwrap_or_else(|e| panic!("{e}"))
}

/// The builder of `scenario` made through its own `with_*` methods, as a test would write it.
fn builder_by_hand(scenario: &Scenario) -> SuiteBuilder {
    let params = scenario.poe_params();
    let mut builder = SuiteBuilder::new()
        .with_params(params.clone())
        .with_staking(scenario.staking.settings())
        .with_governance(scenario.governance.settings())
        .with_reporters(&scenario.reporter_names().unwrap())
        .with_owner_salary_recipient(&scenario.owner_salary_recipient);
    let funding = scenario.reporter_funding();
    if !funding.is_zero() {
        for r in scenario.funded_reporters() {
            builder = builder.with_flx_balance(&r, funding);
        }
    }
    for (name, amount) in &scenario.flx_holders {
        builder = builder.with_flx_balance(name, amount.0);
    }
    if let Some(f) = &scenario.flux_controller {
        builder = builder.with_flux(f.settings(params.epoch_length_seconds));
    }
    if let Some(a) = &scenario.aurum {
        builder = builder.with_aurum(a.settings());
    }
    if let Some(m) = &scenario.marketplace {
        builder = builder.with_marketplace(m.settings());
    }
    if let Some(g) = &scenario.guarantees {
        builder = builder.with_guarantee(g.settings());
    }
    if let Some(t) = scenario.start_timestamp().unwrap() {
        builder = builder.with_start_time(t);
    }
    builder
}

#[test]
fn a_scenarios_plan_from_poe_deploy_is_the_suite_builders_and_deploys_its_genesis() {
    for rel in ["scenarios/default.yaml", "scenarios/localnet.yaml"] {
        let scenario = repo_scenario(rel);
        let deployment = scenario.deployment().unwrap();
        let plan = deployment.plan().unwrap();
        let by_hand = builder_by_hand(&scenario);
        assert_eq!(by_hand.deployment(), &deployment, "{rel}");
        assert_eq!(by_hand.deploy_plan().unwrap(), plan, "{rel}");
        let builder = SuiteBuilder::from_deployment(deployment.clone());
        assert_eq!(builder.deploy_plan().unwrap(), plan, "{rel}");
        assert!(plan.accounts.len() > 10, "{rel}: {:?}", plan.accounts);

        // the plan deploys the scenario's genesis and parameters
        let suite = builder.try_build().unwrap();
        assert!(!deployment.flx_balances.is_empty(), "{rel}");
        for (name, amount) in &deployment.flx_balances {
            assert_eq!(
                suite.flx.balance(&suite.addr(name)).unwrap(),
                *amount,
                "{rel}: {name}"
            );
        }
        let total: cosmwasm_std::Uint128 = deployment.flx_balances.values().copied().sum();
        assert_eq!(suite.flx.total_supply().unwrap(), total, "{rel}");
        let poe = suite.poe.config().unwrap();
        assert_eq!(poe.params, scenario.poe_params(), "{rel}");
        if let Some(start) = deployment.start_time {
            assert_eq!(poe.genesis_time, start, "{rel}");
        }
        let reporters: Vec<Addr> = deployment.reporters.iter().map(|r| suite.addr(r)).collect();
        assert_eq!(suite.reporters, reporters, "{rel}");
        assert_eq!(
            suite.flux.config().unwrap().params,
            deployment.flux.params,
            "{rel}"
        );
        assert_eq!(
            suite.aurum.config().unwrap().price,
            deployment.aurum.price,
            "{rel}"
        );
        // the marketplace: a pool per listed token, named by its label, with the sellers
        let pools = suite.marketplace.all_pools().unwrap();
        let names: Vec<&str> = pools.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, deployment.marketplace.pools, "{rel}");
        for (pool, token) in pools.iter().zip([&suite.nex, &suite.aur]) {
            assert_eq!(pool.token, token.addr, "{rel}");
            assert_eq!(pool.recipient, suite.treasury.addr, "{rel}");
            for seller in &deployment.marketplace.sellers {
                assert!(suite
                    .marketplace
                    .is_seller(pool.id, &suite.addr(seller))
                    .unwrap());
            }
        }
        // the guarantee contract: its window, and each collateral valued at its pair with FLX
        let config = suite.guarantee.config().unwrap();
        assert_eq!(
            Some(config.twap_window_seconds),
            deployment.guarantee.twap_window_seconds.or(Some(3_600)),
            "{rel}"
        );
        let collaterals = suite.guarantee.collaterals().unwrap();
        assert_eq!(collaterals.len(), deployment.guarantee.collaterals.len());
        for c in &collaterals {
            let token = suite
                .tokens()
                .into_iter()
                .find(|t| poe_testing::token_asset(t) == c.asset)
                .unwrap();
            let pair = (token.symbol != "FLX")
                .then(|| suite.amm.pair(token, &suite.flx).unwrap().addr.clone());
            assert_eq!(c.pair, pair, "{rel}");
        }
        // the task auction is the registry's writer and pays its tax to the treasury
        assert_eq!(
            suite.reputation.writers().unwrap(),
            vec![suite.task_auction.addr.clone()],
            "{rel}"
        );
        let auction = suite.task_auction.config().unwrap();
        assert_eq!(auction.treasury, suite.treasury.addr, "{rel}");
        assert_eq!(
            auction.reputation.as_ref(),
            Some(&suite.reputation.addr),
            "{rel}"
        );
        assert_eq!(auction.accepted_tokens.len(), 4, "{rel}");
        // governance owns them all
        for addr in [
            &suite.marketplace.addr,
            &suite.guarantee.addr,
            &suite.reputation.addr,
            &suite.task_auction.addr,
        ] {
            let o = ownership(&suite.app.borrow(), addr);
            assert_eq!(o.owner.as_deref(), Some(suite.owner.as_str()), "{rel}");
        }
    }
}

fn ownership(app: &cw_multi_test::App, contract: &Addr) -> cw_ownable::Ownership<String> {
    app.wrap()
        .query_wasm_smart(contract, &serde_json::json!({ "ownership": {} }))
        .unwrap()
}

#[test]
fn a_plan_completes_with_the_pair_a_stranger_created_first() {
    let mut front_run: Option<Addr> = None;
    let suite = SuiteBuilder::new()
        .try_build_with(|app, contracts, step| {
            if !matches!(step, DeployStep::CreatePair { .. }) || front_run.is_some() {
                return Ok(());
            }
            // before the plan's first CreatePair (NEX/FLX), a stranger creates FLX/NEX
            let (nex, flx, amm) = (
                &contracts["NEX"],
                &contracts["FLX"],
                &contracts["amm-factory"],
            );
            let stranger = app.api().addr_make("stranger");
            let create = factory::ExecuteMsg::CreatePair {
                asset_infos: [cw20(flx), cw20(nex)],
            };
            app.execute_contract(stranger, amm.clone(), &create, &[])?;
            let info: PairInfo = app.wrap().query_wasm_smart(
                amm,
                &factory::QueryMsg::Pair {
                    asset_infos: [cw20(nex), cw20(flx)],
                },
            )?;
            // what the plan used to send (a plain create_pair) would now abort the deployment
            let deployer = app.api().addr_make("deployer");
            let plain = factory::ExecuteMsg::CreatePair {
                asset_infos: [cw20(nex), cw20(flx)],
            };
            let err = app
                .execute_contract(deployer, amm.clone(), &plain, &[])
                .unwrap_err();
            assert_eq!(
                err.downcast_ref::<poe_testing::poe_amm_factory::ContractError>(),
                Some(&poe_testing::poe_amm_factory::ContractError::PairExists {
                    assets: format!("{}-{}", nex.min(flx), nex.max(flx)),
                    pair: info.contract_addr.clone(),
                }),
                "{err:#}"
            );
            front_run = Some(Addr::unchecked(info.contract_addr));
            Ok(())
        })
        .unwrap();
    // the deployment finished with the stranger's pair, and opened the other one
    let front_run = front_run.expect("the hook ran");
    let nex_flx = suite.amm.pair(&suite.nex, &suite.flx).unwrap();
    assert_eq!(nex_flx.addr, front_run);
    let aur_flx = suite.amm.pair(&suite.aur, &suite.flx).unwrap();
    assert_ne!(aur_flx.addr, front_run);
    let config: factory::ConfigResponse = suite
        .app
        .borrow()
        .wrap()
        .query_wasm_smart(&suite.amm.factory, &factory::QueryMsg::Config {})
        .unwrap();
    assert_eq!(config.pair_count, 2);
    // a stranger's pair has the factory's parameters: governance owns it
    let app = suite.app.borrow();
    assert_eq!(
        ownership(&app, &front_run).owner,
        Some(suite.owner.to_string())
    );
    for label in GOVERNED {
        let (_, addr) = suite
            .contracts()
            .into_iter()
            .find(|(l, _)| *l == label)
            .unwrap_or_else(|| panic!("{label}"));
        assert_eq!(ownership(&app, &addr).owner, Some(suite.owner.to_string()));
    }
}

#[test]
fn a_plan_resumed_after_half_the_offers_were_accepted_hands_everything_to_governance() {
    let mut resumed = false;
    let suite = SuiteBuilder::new()
        .try_build_with(|app, contracts, step| {
            if !matches!(step, DeployStep::HandOver { .. }) {
                return Ok(());
            }
            // an earlier run offered the first eight contracts, and someone (anyone may) had
            // governance accept the first five, before it stopped
            let deployer = app.api().addr_make("deployer");
            let governance = contracts["governance"].clone();
            let addr = |label: &str| contracts[label].clone();
            let offer = OwnershipExecuteMsg::UpdateOwnership(Action::TransferOwnership {
                new_owner: governance.to_string(),
                expiry: None,
            });
            for label in &GOVERNED[..8] {
                app.execute_contract(deployer.clone(), addr(label), &offer, &[])?;
            }
            let stranger = app.api().addr_make("stranger");
            let accept_half = GovernanceExecuteMsg::AcceptOwnership {
                contracts: GOVERNED[..5].iter().map(|l| addr(l).to_string()).collect(),
            };
            app.execute_contract(stranger, governance.clone(), &accept_half, &[])?;
            // what the plan used to send now fails: the offer of an accepted contract (the
            // deployer no longer owns it) and the all-or-nothing accept of all ten
            let err = app
                .execute_contract(deployer.clone(), addr(GOVERNED[0]), &offer, &[])
                .unwrap_err();
            assert!(
                format!("{err:#}").contains("Caller is not the contract's current owner"),
                "{err:#}"
            );
            let accept_all = GovernanceExecuteMsg::AcceptOwnership {
                contracts: GOVERNED.iter().map(|l| addr(l).to_string()).collect(),
            };
            let err = app
                .execute_contract(deployer, governance.clone(), &accept_all, &[])
                .unwrap_err();
            assert!(format!("{err:#}").contains("pending ownership"), "{err:#}");
            for (i, label) in GOVERNED.iter().enumerate() {
                let o = ownership(app, &addr(label));
                let owned = o.owner.as_deref() == Some(governance.as_str());
                let pending = o.pending_owner.as_deref() == Some(governance.as_str());
                assert_eq!((owned, pending), (i < 5, (5..8).contains(&i)), "{label}");
            }
            resumed = true;
            Ok(())
        })
        .unwrap();
    assert!(resumed);
    let app = suite.app.borrow();
    for label in GOVERNED {
        let (_, addr) = suite
            .contracts()
            .into_iter()
            .find(|(l, _)| *l == label)
            .unwrap_or_else(|| panic!("{label}"));
        let o = ownership(&app, &addr);
        assert_eq!(
            (o.owner, o.pending_owner),
            (Some(suite.owner.to_string()), None),
            "{label}"
        );
        // and governance is every contract's wasm admin
        let info = app.wrap().query_wasm_contract_info(&addr).unwrap();
        assert_eq!(info.admin, Some(suite.owner.clone()), "{label}");
    }
}
