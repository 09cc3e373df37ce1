//! The deployment plan finishes on a chain that a stranger or an interrupted earlier run touched:
//! a `CreatePair` front-run (anyone may create a pair) and a half-done ownership hand-over
//! (governance's `AcceptOwnership` is all-or-nothing and anyone may call it).

use cosmwasm_std::Addr;
use cw_multi_test::Executor;
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
