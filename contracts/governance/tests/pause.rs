//! Emergency pause (seed 000 `emergency_halt_threshold`): the guardian pauses a target for at
//! most `max_pause_seconds` and cannot extend an active pause; only governance itself (a
//! proposal) unpauses early or pauses longer.

mod common;

use common::*;
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
    let (guardian, target, gov) = (s.guardian.clone(), s.target.clone(), s.gov.clone());
    let now = s.now();
    let res = s.exec(&guardian, &pause(&target, MAX_PAUSE)).unwrap();
    let until = now.plus_seconds(MAX_PAUSE);
    assert_eq!(
        wasm_attrs(&res, &gov),
        attrs(&[
            ("action", "pause"),
            ("target", target.as_str()),
            ("until", &until.seconds().to_string()),
            ("paused_by", guardian.as_str()),
        ])
    );
    assert_eq!(s.target_paused_until(), Some(until));
    assert_eq!(
        s.pauses().pauses,
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
    assert!(!s.pauses().pauses[0].active, "expired pauses show inactive");
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
    s.exec(&guardian, &pause(&target, 60)).unwrap();
    assert!(s.pauses().pauses[0].active);
}

#[test]
fn the_guardian_cannot_extend_an_active_pause() {
    let mut s = Suite::new();
    let (guardian, target) = (s.guardian.clone(), s.target.clone());
    let until = s.now().plus_seconds(3_600);
    s.exec(&guardian, &pause(&target, 3_600)).unwrap();
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
    s.exec(&guardian, &pause(&target, 60)).unwrap();
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
    s.exec(&guardian, &pause(&target, MAX_PAUSE)).unwrap();
    s.advance(60);
    assert!(s.pauses().pauses[0].active);
    let at = s.now();
    s.execute(&eve, id).unwrap();
    assert_eq!(s.proposal(id).status, ProposalStatus::Executed);
    assert_eq!(s.target_paused_until(), Some(at.plus_seconds(long)));
    let record = &s.pauses().pauses[0];
    assert_eq!(record.paused_by, s.gov);
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
    assert_eq!(s.proposal(id).status, ProposalStatus::Executed);
    assert_eq!(s.target_paused_until(), None);
    assert!(s.pauses().pauses.is_empty());
}

#[test]
fn governance_pauses_are_bounded_too() {
    let mut s = Suite::new();
    let target = s.target.clone();
    let id = s.pass_and_execute(vec![s.gov_msg(&pause(&target, MAX_DURATION_SECONDS + 1))]);
    assert_eq!(s.proposal(id).status, ProposalStatus::ExecutionFailed);
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
    assert_eq!(s.config().guardian, None);
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
fn a_pause_the_target_refuses_is_not_recorded() {
    let mut s = Suite::new();
    let guardian = s.guardian.clone();
    // the staking double is not pausable: the whole pause fails
    let staking = s.staking.clone();
    let before = s.snapshot();
    s.exec(&guardian, &pause(&staking, 60))
        .expect_err("the target refuses");
    assert_eq!(s.snapshot(), before);
    assert!(s.pauses().pauses.is_empty());
}
