//! Behaviour: expansion, contraction and hold with the exact formula; the per-epoch cap; the
//! buffer limit; stale and missing reports; several reporters; funding the buffer by `Send` and
//! `Transfer`; idle runs closing in one call; the minter role and the mint cap; reporter changes;
//! epoch length changes; pause; queries; ownership.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use poe_interface::pause::PauseStatusResponse;
use poe_interface::token::{BurnReason, BurnTotal, MintReason, MintTotal};

use common::*;
use cosmwasm_std::{Addr, Uint128, Uint256};
use cw_multi_test::Executor;
use cw_ownable::Action;

#[test]
fn instantiates_with_params_reporters_and_owner() {
    let s = Suite::new();
    let config = s.controller.config().unwrap();
    assert_eq!(config.flx_token, s.flx.addr);
    assert_eq!(config.mint_recipient, s.treasury);
    assert_eq!(config.params, params());
    assert_eq!(config.paused_until, None);
    let genesis = config.genesis_time;
    let epoch = s.controller.current_epoch().unwrap();
    assert_eq!(
        epoch,
        EpochResponse {
            epoch: 0,
            start_time: genesis,
            end_time: genesis.plus_seconds(EPOCH),
            fresh_after: genesis.plus_seconds(EPOCH - MAX_AGE),
            reports: 0,
            next_epoch_to_close: 0,
        }
    );
    let reporters = s.controller.reporters(None, None).unwrap();
    let mut expected = s.reporters.to_vec();
    expected.sort();
    assert_eq!(reporters, expected);
    let ownership = s.controller.ownership().unwrap();
    assert_eq!(ownership.owner, Some(s.owner.to_string()));
    let status = s.controller.status().unwrap();
    assert_eq!(
        status,
        StatusResponse {
            current_epoch: 0,
            next_epoch_to_close: 0,
            epochs_ended_open: 0,
            flx_supply: u(SUPPLY),
            buffer: Uint128::zero(),
            is_minter: true,
            total_minted: Uint128::zero(),
            total_burned: Uint128::zero(),
            total_funded: Uint128::zero(),
            reporter_count: 3,
            paused_until: None,
        }
    );
}

#[test]
fn demand_above_the_band_mints_in_proportion_to_the_distance() {
    let s = Suite::new();
    let (r1, alice) = (s.reporters[0].clone(), s.alice.clone());
    s.advance_to_before_end(60);
    s.report_u(&r1, "1.26").unwrap();
    s.advance_to_next_epoch();
    let res = s.controller.rebalance(&alice).unwrap();
    // distance (1.26 - 1.2) / 1.2 = 0.05; delta = 1,000,000 x 0.5 x 0.05 = 25,000 (cap 50,000)
    assert_eq!(s.supply(), SUPPLY + 25_000);
    assert_eq!(s.flx_of(&s.treasury), 25_000);
    let d = s.controller.decision(0).unwrap();
    assert_eq!(d.epoch, 0);
    assert_eq!(d.last_epoch, 0);
    assert_eq!(d.action, DecisionAction::Expand);
    assert_eq!(d.amount, u(25_000));
    assert_eq!(d.supply_before, u(SUPPLY));
    assert_eq!(d.bound_applied, None);
    assert_eq!(d.buffer_before, None);
    assert_eq!(d.expansion_threshold, common::d("1.2"));
    assert_eq!(d.contraction_threshold, common::d("0.8"));
    assert_eq!(d.net_demand(), Some(d256("1.26")));
    let a = d.adjustment.clone().unwrap();
    assert_eq!(a.direction, Direction::Expand);
    assert_eq!(a.distance, d256("0.05"));
    assert_eq!(a.computed_delta, Uint256::from(25_000u128));
    assert_eq!(a.max_delta, u(50_000));
    assert_eq!(d.closed_at, s.now());
    assert_eq!(
        d.epoch_end,
        Some(
            s.controller
                .config()
                .unwrap()
                .genesis_time
                .plus_seconds(EPOCH)
        )
    );
    let ctl = s.controller.addr.clone();
    assert_eq!(
        wasm_attrs(&res, &ctl),
        [
            ("action", "rebalance"),
            ("idle_epochs_closed", "0"),
            ("epoch", "0"),
            ("last_epoch", "0"),
            ("decision", "expand"),
            ("u_net", "1.26"),
            ("reports_counted", "1"),
            ("supply_before", "1000000"),
            ("computed_delta", "25000"),
            ("max_delta", "50000"),
            ("epoch_seconds", "1577880"),
            ("bound_applied", "none"),
            ("amount", "25000"),
            ("minted", "25000"),
            ("burned", "0"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
    );
    let status = s.controller.status().unwrap();
    assert_eq!(status.total_minted, u(25_000));
    assert_eq!(status.next_epoch_to_close, 1);
    // the token counts the mint as an FLX expansion
    assert_eq!(
        s.flx.supply_record().unwrap().minted,
        vec![MintTotal {
            reason: MintReason::FlxExpansion,
            amount: u(25_000),
        }]
    );
}

#[test]
fn demand_below_the_band_burns_from_the_buffer() {
    let s = Suite::new();
    let alice = s.alice.clone();
    s.fund(&alice, 100_000).unwrap();
    // distance (0.8 - 0.76) / 0.8 = 0.05; delta 25,000
    let d = s.epoch_with("0.76");
    assert_eq!(d.action, DecisionAction::Contract);
    assert_eq!(d.amount, u(25_000));
    assert_eq!(d.buffer_before, Some(u(100_000)));
    assert_eq!(d.bound_applied, None);
    assert_eq!(s.supply(), SUPPLY - 25_000);
    assert_eq!(s.buffer(), 75_000);
    assert_eq!(s.flx_of(&alice), ALICE_FLX - 100_000);
    assert_eq!(s.controller.status().unwrap().total_burned, u(25_000));
    // the token counts the burn as a contraction
    assert_eq!(
        s.flx.supply_record().unwrap().burned,
        vec![BurnTotal {
            reason: BurnReason::Contraction,
            amount: u(25_000),
        }]
    );
}

#[test]
fn demand_inside_the_band_holds() {
    let s = Suite::new();
    let alice = s.alice.clone();
    s.fund(&alice, 100_000).unwrap();
    for (epoch, u_net) in ["1", "0.8", "1.2"].into_iter().enumerate() {
        let d = s.epoch_with(u_net);
        assert_eq!(d.epoch, epoch as u64);
        assert_eq!(d.action, DecisionAction::Hold, "U_net {u_net}");
        assert_eq!(d.amount, Uint128::zero());
        assert_eq!(d.adjustment.unwrap().direction, Direction::Hold);
    }
    assert_eq!(s.supply(), SUPPLY);
    assert_eq!(s.buffer(), 100_000);
    assert_eq!(s.flx_of(&s.treasury), 0);
}

#[test]
fn the_change_is_capped_at_max_annual_inflation_rate_of_the_supply() {
    let s = Suite::new();
    let alice = s.alice.clone();
    // distance (2.4 - 1.2) / 1.2 = 1: computed 500,000, capped at 5 % = 50,000
    let d = s.epoch_with("2.4");
    assert_eq!(d.action, DecisionAction::Expand);
    assert_eq!(d.amount, u(50_000));
    assert_eq!(d.bound_applied, Some(SupplyLimit::MaxInflationRate));
    let a = d.adjustment.unwrap();
    assert_eq!(a.computed_delta, Uint256::from(500_000u128));
    assert!(a.bound_applied);
    assert_eq!(s.supply(), SUPPLY + 50_000);
    // the cap follows the supply: 5 % of 1,050,000 = 52,500
    let d = s.epoch_with("1000");
    assert_eq!(d.supply_before, u(SUPPLY + 50_000));
    assert_eq!(d.amount, u(52_500));
    assert_eq!(s.supply(), SUPPLY + 102_500);
    // contraction has the same cap: U = 0 is distance 1, computed 551,250, capped at 55,125
    s.fund(&alice, 200_000).unwrap();
    let d = s.epoch_with("0");
    assert_eq!(d.action, DecisionAction::Contract);
    assert_eq!(d.amount, u(55_125));
    assert_eq!(d.bound_applied, Some(SupplyLimit::MaxInflationRate));
    assert_eq!(s.supply(), SUPPLY + 102_500 - 55_125);
    assert_eq!(s.buffer(), 200_000 - 55_125);
}

#[test]
fn burning_never_exceeds_the_buffer() {
    let s = Suite::new();
    let alice = s.alice.clone();
    // an empty buffer: contraction decided, nothing burned, no Burn message
    let d = s.epoch_with("0");
    assert_eq!(d.action, DecisionAction::Contract);
    assert_eq!(d.buffer_before, Some(Uint128::zero()));
    assert_eq!(d.amount, Uint128::zero());
    assert_eq!(d.bound_applied, Some(SupplyLimit::Buffer));
    assert_eq!(s.supply(), SUPPLY);
    // 10,000 in the buffer, 50,000 asked for: 10,000 burned
    s.fund(&alice, 10_000).unwrap();
    let d = s.epoch_with("0");
    assert_eq!(d.amount, u(10_000));
    assert_eq!(d.buffer_before, Some(u(10_000)));
    assert_eq!(d.bound_applied, Some(SupplyLimit::Buffer));
    assert_eq!(s.supply(), SUPPLY - 10_000);
    assert_eq!(s.buffer(), 0);
}

#[test]
fn anyone_funds_the_buffer_by_send_or_transfer() {
    let s = Suite::new();
    let (alice, bob, ctl) = (s.alice.clone(), s.bob.clone(), s.controller.addr.clone());
    let res = s.fund(&alice, 7_000).unwrap();
    assert_eq!(
        wasm_attrs(&res, &ctl),
        [
            ("action", "fund_buffer"),
            ("funder", alice.as_str()),
            ("amount", "7000"),
            ("total_funded", "7000"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
    );
    s.flx.transfer(&bob, &ctl, u(3_000)).unwrap();
    let status = s.controller.status().unwrap();
    assert_eq!(status.buffer, u(10_000));
    // only the hook is counted as funding; both are burnable
    assert_eq!(status.total_funded, u(7_000));
    let d = s.epoch_with("0.76");
    assert_eq!(d.amount, u(10_000));
    assert_eq!(d.bound_applied, Some(SupplyLimit::Buffer));
    assert_eq!(s.buffer(), 0);
}

#[test]
fn a_stale_report_freezes_the_epoch() {
    let s = Suite::new();
    let (r1, alice) = (s.reporters[0].clone(), s.alice.clone());
    let genesis = s.controller.config().unwrap().genesis_time;
    s.fund(&alice, 100_000).unwrap();
    // posted 601 s before the end: too old
    s.advance_to_before_end(MAX_AGE + 1);
    s.report_u(&r1, "5").unwrap();
    let reported_at = s.now();
    s.advance_to_next_epoch();
    let res = s.controller.rebalance(&alice).unwrap();
    let d = s.controller.decision(0).unwrap();
    assert_eq!(
        d.action,
        DecisionAction::Frozen {
            reason: FreezeReason::StaleReports {
                latest_report_at: reported_at,
                fresh_after: genesis.plus_seconds(EPOCH - MAX_AGE),
            }
        }
    );
    assert_eq!(d.demand, None);
    assert_eq!(d.adjustment, None);
    assert_eq!(d.amount, Uint128::zero());
    assert_eq!(s.attr(&res, "reason"), "stale_reports");
    assert_eq!(s.supply(), SUPPLY);
    // exactly max age before the end still counts
    s.advance_to_before_end(MAX_AGE);
    s.report_u(&r1, "1.26").unwrap();
    s.advance_to_next_epoch();
    s.controller.rebalance(&alice).unwrap();
    assert_eq!(
        s.controller.decision(1).unwrap().action,
        DecisionAction::Expand
    );
}

#[test]
fn epochs_without_reports_close_together_frozen() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    s.advance(3 * EPOCH + 10);
    let res = s.controller.rebalance(&alice).unwrap();
    assert_eq!(s.attr(&res, "idle_epochs_closed"), "3");
    let d = s.controller.decision(1).unwrap();
    assert_eq!((d.epoch, d.last_epoch), (0, 2));
    assert_eq!(
        d.action,
        DecisionAction::Frozen {
            reason: FreezeReason::MissingReports {}
        }
    );
    assert_eq!(d.epoch_end, None);
    assert_eq!(s.controller.decision(0).unwrap(), d);
    assert_eq!(s.controller.decision(2).unwrap(), d);
    assert_eq!(
        s.controller.decisions_page(None, None).unwrap().decisions,
        vec![d]
    );
    assert_eq!(s.supply(), SUPPLY);
    // epoch 3 is open: nothing more to close
    let ends_at = s.controller.current_epoch().unwrap().end_time;
    s.assert_rejected(ContractError::EpochNotEnded { epoch: 3, ends_at }, |s| {
        s.controller.rebalance(&alice)
    });
}

#[test]
fn an_idle_run_and_the_next_reported_epoch_close_in_one_call() {
    let s = Suite::new();
    let (r2, bob) = (s.reporters[1].clone(), s.bob.clone());
    s.advance(2 * EPOCH);
    // epoch 2
    s.advance_to_before_end(10);
    s.report_u(&r2, "1.26").unwrap();
    // epochs 3 and 4 idle, then a report in 5
    s.advance(2 * EPOCH + 10);
    s.advance_to_before_end(10);
    s.report_u(&r2, "1.26").unwrap();
    s.advance_to_next_epoch();
    assert_eq!(s.controller.status().unwrap().epochs_ended_open, 6);
    let res = s.controller.rebalance(&bob).unwrap();
    assert_eq!(s.attr(&res, "idle_epochs_closed"), "2");
    assert_eq!(s.attr(&res, "epoch"), "2");
    let idle = s.controller.decision(0).unwrap();
    assert_eq!((idle.epoch, idle.last_epoch), (0, 1));
    assert_eq!(
        s.controller.decision(2).unwrap().action,
        DecisionAction::Expand
    );
    assert_eq!(s.supply(), SUPPLY + 25_000);
    // the next call closes the idle 3..=4 and the reported 5
    let res = s.controller.rebalance(&bob).unwrap();
    assert_eq!(s.attr(&res, "idle_epochs_closed"), "2");
    assert_eq!(
        (
            s.controller.decision(4).unwrap().epoch,
            s.controller.decision(4).unwrap().last_epoch
        ),
        (3, 4)
    );
    assert_eq!(
        s.controller.decision(5).unwrap().action,
        DecisionAction::Expand
    );
    assert_eq!(s.controller.status().unwrap().next_epoch_to_close, 6);
    // pagination over the four decisions
    let all = s.controller.decisions_page(None, None).unwrap().decisions;
    assert_eq!(
        all.iter().map(|d| d.epoch).collect::<Vec<_>>(),
        vec![0, 2, 3, 5]
    );
    let page = s
        .controller
        .decisions_page(Some(0), Some(2))
        .unwrap()
        .decisions;
    assert_eq!(page.iter().map(|d| d.epoch).collect::<Vec<_>>(), vec![2, 3]);
    // an open epoch has no decision
    let err = s.controller.decision(6).unwrap_err();
    assert!(err.to_string().contains("epoch 6 is not closed"), "{err}");
}

#[test]
fn several_reporters_count_with_the_lower_median_of_their_latest_fresh_reports() {
    let s = Suite::new();
    let [r1, r2, r3] = s.reporters.clone();
    let alice = s.alice.clone();
    s.advance_to_before_end(MAX_AGE + 100);
    s.report_u(&r3, "9").unwrap(); // stale: ignored
    s.report_u(&r1, "1").unwrap(); // replaced below
    s.advance_to_before_end(300);
    s.report_u(&r1, "1.5").unwrap();
    s.report_u(&r2, "1.1").unwrap();
    let reports = s.controller.reports(Some(0)).unwrap();
    assert_eq!(reports.reports.len(), 3);
    assert_eq!(s.controller.current_epoch().unwrap().reports, 3);
    let of_r1 = reports.reports.iter().find(|r| r.reporter == r1).unwrap();
    assert_eq!(of_r1.pending_gas_buffer, d("1.5"));
    s.advance_to_next_epoch();
    s.controller.rebalance(&alice).unwrap();
    let d = s.controller.decision(0).unwrap();
    let demand = d.demand.clone().unwrap();
    assert_eq!(demand.reports, 2);
    // two fresh reports, 1.5 and 1.1: the lower of the two middle values, 1.1, inside the band
    // (their mean, 1.3, would have expanded)
    assert_eq!(demand.net_demand, d256("1.1"));
    assert_eq!(d.action, DecisionAction::Hold);
    assert_eq!(d.amount, u(0));
    assert_eq!(s.supply(), SUPPLY);
}

#[test]
fn demand_uses_all_three_seed_components() {
    let s = Suite::new();
    let (r1, alice) = (s.reporters[0].clone(), s.alice.clone());
    s.advance_to_before_end(5);
    // 1 x 0.2 + 0.5 x 0.8 + 1 x 700 / 1000 = 0.2 + 0.4 + 0.7 = 1.3
    s.report(&r1, "0.2", "0.8", 700).unwrap();
    s.advance_to_next_epoch();
    s.controller.rebalance(&alice).unwrap();
    let demand = s.controller.decision(0).unwrap().demand.unwrap();
    assert_eq!(
        demand,
        NetDemand {
            reports: 1,
            pending_gas_buffer: d256("0.2"),
            tx_fee_moving_average: d256("0.8"),
            queue_length_factor: d256("0.7"),
            gas_buffer_term: d256("0.2"),
            fee_average_term: d256("0.4"),
            queue_term: d256("0.7"),
            net_demand: d256("1.3"),
        }
    );
}

#[test]
fn without_the_minter_role_expansion_freezes_and_contraction_still_burns() {
    let s = Suite::with(MinterSetup::Admin, params());
    let (alice, admin) = (s.alice.clone(), s.admin.clone());
    assert!(!s.controller.status().unwrap().is_minter);
    let d = s.epoch_with("2");
    assert_eq!(
        d.action,
        DecisionAction::Frozen {
            reason: FreezeReason::NotMinter {
                minter: Some(admin.to_string())
            }
        }
    );
    assert_eq!(d.amount, Uint128::zero());
    assert!(d.demand.is_some());
    assert_eq!(s.supply(), SUPPLY);
    s.fund(&alice, 1_000).unwrap();
    let d = s.epoch_with("0.7");
    assert_eq!(d.action, DecisionAction::Contract);
    assert_eq!(d.amount, u(1_000));
    assert_eq!(s.supply(), SUPPLY - 1_000);
}

#[test]
fn expansion_stops_at_the_mint_cap() {
    let s = Suite::with(MinterSetup::ControllerCapped(30_000), params());
    let d = s.epoch_with("1.26");
    assert_eq!(d.amount, u(25_000));
    let d = s.epoch_with("1.26");
    assert_eq!(d.amount, u(5_000));
    assert_eq!(d.bound_applied, Some(SupplyLimit::MintCap));
    let d = s.epoch_with("1.26");
    assert_eq!(
        (d.action, d.amount),
        (DecisionAction::Expand, Uint128::zero())
    );
    assert_eq!(s.supply(), SUPPLY + 30_000);
}

#[test]
fn a_removed_reporter_no_longer_counts() {
    let s = Suite::new();
    let [r1, r2, _] = s.reporters.clone();
    let (owner, alice) = (s.owner.clone(), s.alice.clone());
    s.advance_to_before_end(60);
    s.report_u(&r1, "2").unwrap();
    s.report_u(&r2, "1").unwrap();
    // removed during the epoch: its report is deleted
    s.controller.update_reporters(&owner, &[], &[&r1]).unwrap();
    assert_eq!(s.controller.reports(None).unwrap().reports.len(), 1);
    assert_eq!(s.controller.current_epoch().unwrap().reports, 1);
    s.advance_to_before_end(30);
    s.advance_to_next_epoch();
    // r2 reports in epoch 1, then is removed after the epoch ended: epoch 1 has no counted report
    s.advance_to_before_end(60);
    s.report_u(&r2, "2").unwrap();
    s.advance_to_next_epoch();
    s.controller.rebalance(&alice).unwrap();
    assert_eq!(
        s.controller.decision(0).unwrap().action,
        DecisionAction::Hold
    );
    assert_eq!(s.controller.decision(0).unwrap().demand.unwrap().reports, 1);
    s.controller.update_reporters(&owner, &[], &[&r2]).unwrap();
    s.controller.rebalance(&alice).unwrap();
    assert_eq!(
        s.controller.decision(1).unwrap().action,
        DecisionAction::Frozen {
            reason: FreezeReason::MissingReports {}
        }
    );
    // its stored report stays visible for the audit
    assert_eq!(s.controller.reports(Some(1)).unwrap().reports.len(), 1);
    // a reporter removed with its only report of the open epoch leaves the epoch idle
    let r3 = s.reporters[2].clone();
    s.report_u(&r3, "2").unwrap();
    s.controller
        .update_reporters(&owner, &[&r1], &[&r3])
        .unwrap();
    assert_eq!(s.controller.current_epoch().unwrap().reports, 0);
    assert_eq!(s.controller.status().unwrap().reporter_count, 1);
}

#[test]
fn a_new_epoch_length_starts_at_the_next_boundary() {
    let s = Suite::new();
    let (owner, r1, alice) = (s.owner.clone(), s.reporters[0].clone(), s.alice.clone());
    let genesis = s.controller.config().unwrap().genesis_time;
    s.advance(100);
    s.controller
        .update_config(
            &owner,
            ConfigUpdate {
                epoch_length_seconds: Some(600),
                max_report_age_seconds: Some(300),
                ..ConfigUpdate::default()
            },
        )
        .unwrap();
    let e = s.controller.current_epoch().unwrap();
    assert_eq!(e.epoch, 0);
    assert_eq!(e.end_time, genesis.plus_seconds(EPOCH));
    assert_eq!(e.fresh_after, genesis.plus_seconds(EPOCH - 300));
    s.advance_to_next_epoch();
    let e = s.controller.current_epoch().unwrap();
    assert_eq!(e.epoch, 1);
    assert_eq!(e.start_time, genesis.plus_seconds(EPOCH));
    assert_eq!(e.end_time, genesis.plus_seconds(EPOCH + 600));
    s.advance_to_before_end(10);
    s.report_u(&r1, "1.26").unwrap();
    s.advance_to_next_epoch();
    // one call: the idle epoch 0 and the reported epoch 1
    s.controller.rebalance(&alice).unwrap();
    assert_eq!(s.controller.decision(0).unwrap().last_epoch, 0);
    let d = s.controller.decision(1).unwrap();
    assert_eq!(d.action, DecisionAction::Expand);
    assert_eq!(d.epoch_end, Some(genesis.plus_seconds(EPOCH + 600)));
    // the 600 s epoch's cap: floor(1e6 x 1 x 600 / 31,557,600) = 19
    let a = d.adjustment.unwrap();
    assert_eq!((a.epoch_seconds, a.max_delta), (600, u(19)));
    assert_eq!(d.amount, u(19));
}

#[test]
fn new_parameters_apply_to_the_next_close() {
    let s = Suite::new();
    let (owner, r1, alice, bob) = (
        s.owner.clone(),
        s.reporters[0].clone(),
        s.alice.clone(),
        s.bob.clone(),
    );
    s.advance_to_before_end(60);
    s.report_u(&r1, "1.26").unwrap();
    s.advance_to_next_epoch();
    let res = s
        .controller
        .update_config(
            &owner,
            ConfigUpdate {
                mint_recipient: Some(bob.to_string()),
                elasticity_factor: Some(d("1")),
                expansion_threshold: Some(d("1.05")),
                max_annual_inflation_rate: Some(d("0.01")),
                ..ConfigUpdate::default()
            },
        )
        .unwrap();
    assert_eq!(s.attr(&res, "max_annual_inflation_rate"), "0.01");
    s.controller.rebalance(&alice).unwrap();
    // distance (1.26 - 1.05) / 1.05 = 0.2: computed 200,000, capped at 1 % a year scaled to the
    // twentieth of a year the epoch lasts: 500, to bob
    let d = s.controller.decision(0).unwrap();
    assert_eq!(d.amount, u(500));
    assert_eq!(d.expansion_threshold, common::d("1.05"));
    assert_eq!(d.max_annual_inflation_rate, common::d("0.01"));
    assert_eq!(s.flx_of(&bob), BOB_FLX + 500);
    assert_eq!(s.controller.config().unwrap().mint_recipient, bob);
}

#[test]
fn a_pause_stops_reports_and_rebalances_until_it_ends() {
    let mut s = Suite::new();
    let (owner, r1, alice) = (s.owner.clone(), s.reporters[0].clone(), s.alice.clone());
    let until = s.now().plus_seconds(2 * EPOCH);
    s.controller.pause(&owner, Some(until)).unwrap();
    assert_eq!(s.controller.config().unwrap().paused_until, Some(until));
    s.advance_to_next_epoch();
    s.assert_rejected(paused(until), |s| s.controller.rebalance(&alice));
    s.assert_rejected(paused(until), |s| s.report_u(&r1, "2"));
    // funding still works
    s.fund(&alice, 10).unwrap();
    s.controller.unpause(&owner).unwrap();
    assert_eq!(s.controller.config().unwrap().paused_until, None);
    s.controller.rebalance(&alice).unwrap();
    s.report_u(&r1, "2").unwrap();
    // a pause ends by itself
    let until = s.now().plus_seconds(10);
    s.controller.pause(&owner, Some(until)).unwrap();
    s.advance(10);
    assert_eq!(s.controller.status().unwrap().paused_until, None);
    s.report_u(&r1, "2").unwrap();
}

#[test]
fn the_shared_pause_extends_never_shortens_and_answers_pause_status() {
    let mut s = Suite::new();
    let (owner, alice) = (s.owner.clone(), s.alice.clone());
    let status =
        |s: &Suite| -> PauseStatusResponse { s.controller.pause_status().expect("pause status") };
    assert!(!status(&s).paused);
    let until = s.now().plus_seconds(1_000);
    let res = s.controller.pause(&owner, Some(until)).unwrap();
    assert_eq!(s.attr(&res, "until"), until.seconds().to_string());
    assert_eq!(
        status(&s),
        PauseStatusResponse {
            paused: true,
            paused_until: Some(until),
            indefinite: false
        }
    );
    // a shorter pause is refused, nothing changed
    let shorter = s.now().plus_seconds(10);
    s.assert_rejected(
        ContractError::Pause(PauseError::WouldShorten {
            active_until: until,
            requested: shorter,
        }),
        |s| s.controller.pause(&owner, Some(shorter)),
    );
    // the guardian's JSON: {"pause":{}} pauses until unpause
    let res = s
        .app
        .borrow_mut()
        .execute_contract(
            owner.clone(),
            s.controller.addr.clone(),
            &poe_interface::pause::PausableExecuteMsg::Pause { until: None },
            &[],
        )
        .unwrap();
    assert_eq!(s.attr(&res, "until"), "indefinite");
    s.advance(10_000);
    assert!(status(&s).indefinite);
    s.assert_rejected(paused(poe_controllers::pause::INDEFINITE), |s| {
        s.controller.rebalance(&alice)
    });
    s.controller.unpause(&owner).unwrap();
    assert!(!status(&s).paused);
}

#[test]
fn ownership_moves_in_two_steps_to_governance() {
    let mut s = Suite::new();
    let (owner, gov) = (
        s.owner.clone(),
        s.app.borrow().api().addr_make("governance"),
    );
    // `who` sets alpha, an owner-only parameter
    let set_alpha = |s: &Suite, who: &Addr, alpha: &str| {
        let update = ConfigUpdate {
            alpha: Some(d(alpha)),
            ..ConfigUpdate::default()
        };
        s.controller.update_config(who, update)
    };
    s.controller
        .update_ownership(
            &owner,
            Action::TransferOwnership {
                new_owner: gov.to_string(),
                expiry: None,
            },
        )
        .unwrap();
    // not yet: the old owner still rules
    set_alpha(&s, &owner, "2").unwrap();
    s.controller
        .update_ownership(&gov, Action::AcceptOwnership)
        .unwrap();
    s.assert_rejected(
        ContractError::Ownership(cw_ownable::OwnershipError::NotOwner),
        |s| set_alpha(s, &owner, "3"),
    );
    set_alpha(&s, &gov, "3").unwrap();
    assert_eq!(s.controller.config().unwrap().params.alpha, d("3"));
}

#[test]
fn migrate_accepts_the_same_version() {
    let s = Suite::new();
    let (admin, ctl, code) = (
        s.admin.clone(),
        s.controller.addr.clone(),
        s.controller_code,
    );
    let res = s
        .app
        .borrow_mut()
        .migrate_contract(
            admin,
            ctl.clone(),
            &poe_flux_controller::msg::MigrateMsg {},
            code,
        )
        .unwrap();
    assert_eq!(s.attr(&res, "action"), "migrate");
    assert_eq!(
        cw2::query_contract_info(&s.app.borrow().wrap(), ctl.to_string())
            .unwrap()
            .contract,
        "crates.io:poe-flux-controller"
    );
}

#[test]
fn a_report_records_the_epoch_and_replaces_the_earlier_one() {
    let s = Suite::new();
    let (r1, ctl) = (s.reporters[0].clone(), s.controller.addr.clone());
    let res = s.report(&r1, "1.5", "0.25", 42).unwrap();
    assert_eq!(
        wasm_attrs(&res, &ctl),
        [
            ("action", "report_usage"),
            ("reporter", r1.as_str()),
            ("epoch", "0"),
            ("pending_gas_buffer", "1.5"),
            ("tx_fee_moving_average", "0.25"),
            ("queue_length", "42"),
            ("replaced", "false"),
        ]
        .map(|(k, v)| (k.to_string(), v.to_string()))
    );
    s.advance(5);
    let res = s.report(&r1, "1", "0", 1).unwrap();
    assert_eq!(s.attr(&res, "replaced"), "true");
    let reports = s.controller.reports(None).unwrap();
    assert_eq!(reports.epoch, 0);
    assert_eq!(
        reports.reports,
        vec![UsageReport {
            reporter: r1,
            pending_gas_buffer: d("1"),
            tx_fee_moving_average: d("0"),
            queue_length: 1,
            reported_at: s.now(),
        }]
    );
    assert_eq!(s.controller.current_epoch().unwrap().reports, 1);
}
