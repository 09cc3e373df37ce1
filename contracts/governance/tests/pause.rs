//! Emergency pause (seed 000 `emergency_halt_threshold`): the guardian pauses a target for at
//! most `max_pause_seconds`, within its budget per window, and only when the target's own
//! `pause_status` says it is not paused; only governance itself (a proposal) unpauses early or
//! pauses longer. Targets extend and never shorten a pause (the shared `PauseState`).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{Addr, CosmosMsg, Timestamp};
use cw_multi_test::Executor;
use poe_governance::msg::{PauseInfo, MAX_DURATION_SECONDS};

fn pause(target: &cosmwasm_std::Addr, seconds: u64) -> ExecuteMsg {
    ExecuteMsg::Pause {
        target: target.to_string(),
        seconds,
    }
}

#[test]
fn the_guardian_pauses_within_the_bound() {
    let mut s = Suite::new();
    let (guardian, target, gov) = (s.guardian.clone(), s.target.clone(), s.gov.addr.clone());
    let now = s.now();
    let res = s.gov.pause(&guardian, &target, MAX_PAUSE).unwrap();
    let until = now.plus_seconds(MAX_PAUSE);
    assert_eq!(
        wasm_attrs(&res, &gov),
        attrs(&[
            ("action", "pause"),
            ("target", target.as_str()),
            ("until", &until.seconds().to_string()),
            ("paused_by", guardian.as_str()),
            ("budget_used", &MAX_PAUSE.to_string()),
        ])
    );
    assert_eq!(s.target_paused_until(), Some(until));
    assert_eq!(
        s.gov.pauses().unwrap(),
        vec![PauseInfo {
            target: target.clone(),
            until,
            paused_by: guardian.clone(),
            paused_at: now,
            active: true,
        }]
    );

    // one second longer than the bound, or zero: refused
    s.advance(MAX_PAUSE);
    assert!(
        !s.gov.pauses().unwrap()[0].active,
        "expired pauses show inactive"
    );
    s.assert_exec_rejected(
        &guardian,
        &pause(&target, MAX_PAUSE + 1),
        ContractError::PauseTooLong {
            seconds: MAX_PAUSE + 1,
            max: MAX_PAUSE,
        },
    );
    s.assert_exec_rejected(&guardian, &pause(&target, 0), ContractError::ZeroPause {});
    // after the pause ended the guardian may pause again
    s.gov.pause(&guardian, &target, 60).unwrap();
    assert!(s.gov.pauses().unwrap()[0].active);
}

#[test]
fn the_guardian_cannot_extend_an_active_pause() {
    let mut s = Suite::new();
    let (guardian, target) = (s.guardian.clone(), s.target.clone());
    let until = s.now().plus_seconds(3_600);
    s.gov.pause(&guardian, &target, 3_600).unwrap();
    s.advance(3_595);
    s.assert_exec_rejected(
        &guardian,
        &pause(&target, 60),
        ContractError::AlreadyPaused {
            target: target.to_string(),
            until,
        },
    );
}

#[test]
fn only_the_guardian_pauses_and_only_governance_unpauses() {
    let mut s = Suite::new();
    let (alice, guardian, target, admin) = (
        s.alice.clone(),
        s.guardian.clone(),
        s.target.clone(),
        s.admin.clone(),
    );
    for who in [&alice, &admin] {
        s.assert_exec_rejected(
            who,
            &pause(&target, 60),
            ContractError::Unauthorized {
                sender: who.to_string(),
                action: "pause".to_string(),
            },
        );
    }
    s.gov.pause(&guardian, &target, 60).unwrap();
    for who in [&guardian, &alice] {
        s.assert_exec_rejected(
            who,
            &ExecuteMsg::Unpause {
                target: target.to_string(),
            },
            ContractError::Unauthorized {
                sender: who.to_string(),
                action: "unpause".to_string(),
            },
        );
    }
}

#[test]
fn governance_unpauses_early_and_pauses_beyond_the_bound() {
    let mut s = Suite::new();
    let (guardian, target, eve) = (s.guardian.clone(), s.target.clone(), s.eve.clone());
    // a proposal pauses for 30 days; the guardian paused for a day meanwhile: governance's pause
    // replaces the guardian's active one
    let long = 30 * 86_400;
    let id = s.pass(vec![s.gov_msg(&pause(&target, long))]);
    s.gov.pause(&guardian, &target, MAX_PAUSE).unwrap();
    s.advance(60);
    assert!(s.gov.pauses().unwrap()[0].active);
    let at = s.now();
    s.gov.execute_proposal(&eve, id).unwrap();
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Executed);
    assert_eq!(s.target_paused_until(), Some(at.plus_seconds(long)));
    let record = &s.gov.pauses().unwrap()[0];
    assert_eq!(record.paused_by, s.gov.addr);
    assert!(record.active);
    // the guardian cannot shorten or extend it
    s.assert_exec_rejected(
        &guardian,
        &pause(&target, 60),
        ContractError::AlreadyPaused {
            target: target.to_string(),
            until: at.plus_seconds(long),
        },
    );

    // a proposal unpauses early
    let id = s.pass_and_execute(vec![s.gov_msg(&ExecuteMsg::Unpause {
        target: target.to_string(),
    })]);
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Executed);
    assert_eq!(s.target_paused_until(), None);
    assert!(s.gov.pauses().unwrap().is_empty());
}

#[test]
fn governance_pauses_are_bounded_too() {
    let s = Suite::new();
    let target = s.target.clone();
    let id = s.pass_and_execute(vec![s.gov_msg(&pause(&target, MAX_DURATION_SECONDS + 1))]);
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(
        (p.status, p.execution_attempts),
        (ProposalStatus::Passed, 1)
    );
    assert!(p.execution_error.is_some());
    assert_eq!(s.target_paused_until(), None);
}

#[test]
fn a_removed_guardian_cannot_pause() {
    let mut s = Suite::new();
    let (guardian, target) = (s.guardian.clone(), s.target.clone());
    s.pass_and_execute(vec![s.gov_msg(&ExecuteMsg::UpdateConfig(Box::new(
        ConfigUpdate {
            guardian: Some(GuardianUpdate::Remove {}),
            ..Default::default()
        },
    )))]);
    assert_eq!(s.gov.config().unwrap().guardian, None);
    s.assert_exec_rejected(
        &guardian,
        &pause(&target, 60),
        ContractError::Unauthorized {
            sender: guardian.to_string(),
            action: "pause".to_string(),
        },
    );
}

#[test]
fn the_guardian_cannot_pause_what_is_not_pausable() {
    let mut s = Suite::new();
    let (guardian, staking) = (s.guardian.clone(), s.staking.clone());
    // the staking double does not answer pause_status
    s.assert_exec_rejected(
        &guardian,
        &pause(&staking, 60),
        ContractError::NotPausable {
            target: staking.to_string(),
        },
    );
    assert!(s.gov.pauses().unwrap().is_empty());
}

/// A second pausable target, owned by `owner`.
fn another_target(s: &mut Suite, owner: &Addr) -> Addr {
    let code = s.app.borrow_mut().store_code(target_double());
    s.app
        .borrow_mut()
        .instantiate_contract(
            code,
            s.admin.clone(),
            &TargetInstantiate {
                owner: owner.to_string(),
            },
            &[],
            "target 2",
            None,
        )
        .unwrap()
}

#[test]
fn a_pause_the_target_refuses_is_not_recorded_nor_charged() {
    let mut s = Suite::new();
    let (guardian, admin) = (s.guardian.clone(), s.admin.clone());
    // pausable, but owned by the admin: it refuses governance's pause
    let foreign = another_target(&mut s, &admin);
    let before = s.snapshot();
    let err = s.gov.pause(&guardian, &foreign, 60).unwrap_err();
    assert_eq!(
        err.downcast_ref::<TargetError>(),
        Some(&TargetError::NotOwner)
    );
    assert_eq!(s.snapshot(), before);
    assert!(s.gov.pauses().unwrap().is_empty());
    assert_eq!(s.gov.guardian_budget().unwrap().used_seconds, 0);
}

/// alice proposes each of `proposals` (in order, in one block), alice and bob vote yes, and
/// time moves to their end of timelock: all are executable. Returns their ids.
fn pass_all(s: &mut Suite, proposals: Vec<Vec<CosmosMsg>>) -> Vec<u64> {
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    let ids: Vec<u64> = proposals
        .into_iter()
        .map(|msgs| s.propose(&alice, msgs).unwrap())
        .collect();
    for id in &ids {
        s.gov.vote(&alice, *id, VoteOption::Yes).unwrap();
        s.gov.vote(&bob, *id, VoteOption::Yes).unwrap();
    }
    let at = s.gov.proposal(*ids.last().unwrap()).unwrap().executable_at;
    s.advance_to(at);
    ids
}

#[test]
fn the_guardian_cannot_shorten_a_pause_a_proposal_set_with_the_targets_own_json() {
    let mut s = Suite::new();
    let (guardian, target, eve) = (s.guardian.clone(), s.target.clone(), s.eve.clone());
    // the proposal pauses the target with the target's own message: governance keeps no record
    let until = Timestamp::from_seconds(s.now().seconds() + 60 * 86_400);
    let id = s.pass_and_execute(vec![wasm(
        &target,
        &PausableExecuteMsg::Pause { until: Some(until) },
    )]);
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Executed);
    assert_eq!(s.target_paused_until(), Some(until));
    assert!(s.gov.pauses().unwrap().is_empty());
    // the guardian's one-second pause would cut it short: refused, nothing changed
    s.assert_exec_rejected(
        &guardian,
        &pause(&target, 1),
        ContractError::AlreadyPaused {
            target: target.to_string(),
            until,
        },
    );
    assert_eq!(s.target_paused_until(), Some(until));
    // an indefinite pause reads as the largest time
    let id = s.pass_and_execute(vec![wasm(
        &target,
        &PausableExecuteMsg::Pause { until: None },
    )]);
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Executed);
    s.assert_exec_rejected(
        &guardian,
        &pause(&target, 1),
        ContractError::AlreadyPaused {
            target: target.to_string(),
            until: INDEFINITE,
        },
    );
    // and the target itself refuses any shortening Pause, even governance's: the proposal's
    // execution fails and the pause is unchanged
    let id = s.pass(vec![s.gov_msg(&pause(&target, 60))]);
    s.gov.execute_proposal(&eve, id).unwrap();
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(p.status, ProposalStatus::Passed);
    assert!(p.execution_error.is_some());
    assert_eq!(s.target_paused_until(), Some(INDEFINITE));
    // the refusal is the target's WouldShorten: the same pause, dispatched without the reply
    let (gov, now) = (s.gov.addr.clone(), s.now());
    let err = s
        .app
        .borrow_mut()
        .execute_contract(
            gov,
            target.clone(),
            &PausableExecuteMsg::Pause {
                until: Some(now.plus_seconds(60)),
            },
            &[],
        )
        .unwrap_err();
    assert_eq!(
        err.downcast_ref::<TargetError>(),
        Some(&TargetError::Pause(PauseError::WouldShorten {
            active_until: INDEFINITE,
            requested: now.plus_seconds(60),
        }))
    );
}

#[test]
fn after_a_raw_unpause_the_guardian_can_pause_again() {
    let mut s = Suite::new();
    let (guardian, target, eve) = (s.guardian.clone(), s.target.clone(), s.eve.clone());
    // one proposal pauses for 30 days through governance (which records it), the next lifts
    // the pause with the target's own `unpause` JSON (which governance's record cannot see)
    let proposals = vec![
        vec![s.gov_msg(&pause(&target, 30 * 86_400))],
        vec![wasm(&target, &PausableExecuteMsg::Unpause {})],
    ];
    let ids = pass_all(&mut s, proposals);
    for id in &ids {
        s.gov.execute_proposal(&eve, *id).unwrap();
        assert_eq!(
            s.gov.proposal(*id).unwrap().status,
            ProposalStatus::Executed
        );
    }
    assert_eq!(s.target_paused_until(), None);
    assert!(
        s.gov.pauses().unwrap()[0].active,
        "governance's record is stale"
    );
    // the stale record does not lock the guardian out
    let now = s.now();
    s.gov.pause(&guardian, &target, 600).unwrap();
    assert_eq!(s.target_paused_until(), Some(now.plus_seconds(600)));
    assert_eq!(s.gov.pauses().unwrap()[0].paused_by, guardian);
}

#[test]
fn the_guardian_cannot_exceed_its_budget_with_many_short_pauses() {
    let mut s = Suite::new();
    let (guardian, target, gov) = (s.guardian.clone(), s.target.clone(), s.gov.addr.clone());
    let window_start = s.now();
    // 12 pauses of 6 hours, each waited out: the 3-day budget is used up
    for i in 1..=12u64 {
        let res = s.gov.pause(&guardian, &target, 6 * 3_600).unwrap();
        assert_eq!(
            poe_test_utils::wasm_attr(&res, &gov, "budget_used"),
            Some((i * 6 * 3_600).to_string())
        );
        s.advance(6 * 3_600);
    }
    assert_eq!(s.target_paused_until(), None);
    let renews_at = window_start.plus_seconds(GUARDIAN_WINDOW);
    assert_eq!(
        s.gov.guardian_budget().unwrap(),
        GuardianBudgetResponse {
            window_start: Some(window_start),
            window_ends_at: Some(renews_at),
            used_seconds: BUDGET,
            budget_seconds: BUDGET,
            remaining_seconds: 0,
        }
    );
    // not one more second, on this target or another one
    let other = another_target(&mut s, &gov);
    for t in [&target, &other] {
        s.assert_exec_rejected(
            &guardian,
            &pause(t, 1),
            ContractError::GuardianBudgetExceeded {
                seconds: 1,
                used: BUDGET,
                budget: BUDGET,
                renews_at,
            },
        );
    }
    // governance itself is not budgeted
    let id = s.pass_and_execute(vec![s.gov_msg(&pause(&other, 60))]);
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Executed);

    // the budget renews in the next window
    s.advance_to(renews_at.minus_seconds(1));
    s.assert_exec_rejected(
        &guardian,
        &pause(&target, 1),
        ContractError::GuardianBudgetExceeded {
            seconds: 1,
            used: BUDGET,
            budget: BUDGET,
            renews_at,
        },
    );
    s.advance_to(renews_at);
    assert_eq!(s.gov.guardian_budget().unwrap().used_seconds, 0);
    s.gov.pause(&guardian, &target, MAX_PAUSE).unwrap();
    let b = s.gov.guardian_budget().unwrap();
    assert_eq!(
        (b.window_start, b.used_seconds, b.remaining_seconds),
        (Some(renews_at), MAX_PAUSE, BUDGET - MAX_PAUSE)
    );
}

#[test]
fn a_pause_beyond_what_is_left_of_the_budget_is_refused() {
    let mut s = Suite::with_config(|m| m.guardian_pause_budget_seconds = Some(MAX_PAUSE + 100));
    let (guardian, target) = (s.guardian.clone(), s.target.clone());
    let start = s.now();
    s.gov.pause(&guardian, &target, MAX_PAUSE).unwrap();
    s.advance(MAX_PAUSE);
    s.assert_exec_rejected(
        &guardian,
        &pause(&target, 101),
        ContractError::GuardianBudgetExceeded {
            seconds: 101,
            used: MAX_PAUSE,
            budget: MAX_PAUSE + 100,
            renews_at: start.plus_seconds(GUARDIAN_WINDOW),
        },
    );
    s.gov.pause(&guardian, &target, 100).unwrap();
}
