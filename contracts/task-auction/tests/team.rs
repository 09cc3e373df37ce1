//! Team tasks (seed 004 "Collaborative Teams"): seed 004's split (1,000 = bonus 100 + 300 +
//! 350 + 250), the coordinator assigns the sub-tasks, each is delivered, accepted and paid with
//! its own tax and reputation; the bonus after the last; a missed deadline reclaims the rest;
//! refusals with their exact error and nothing changed.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use poe_task_auction::msg::{SubtaskSpec, SubtaskStatus, TeamSpec};

fn team_spec(s: &Suite, bonus: u128, rewards: &[u128]) -> TaskSpec {
    let mut spec = task_spec(
        "composite",
        &["fullstack"],
        None,
        s.now().plus_seconds(30 * DAY),
    );
    spec.team = Some(TeamSpec {
        coordinator_bonus: u(bonus),
        subtasks: rewards
            .iter()
            .zip(["backend", "frontend", "devops"])
            .map(|(r, tag)| SubtaskSpec {
                title: format!("{tag} part"),
                reward: u(*r),
                tags: vec![tag.to_string()],
            })
            .collect(),
    });
    spec
}

#[test]
fn seed_004s_composite_task_pays_each_member_and_then_the_coordinator() {
    let s = Suite::new();
    let spec = team_spec(&s, 100, &[300, 350, 250]);
    s.auction
        .create_task(&s.flx, &s.creator, u(1_000), spec)
        .unwrap();
    // the coordinator (C) claims it and assigns the sub-tasks to A, B and itself
    s.auction.claim(&s.c, 1).unwrap();
    for (i, member) in [&s.a, &s.b, &s.c].iter().enumerate() {
        s.auction
            .execute(
                &s.c,
                &ExecuteMsg::AssignSubtask {
                    task_id: 1,
                    index: i as u32,
                    member: member.to_string(),
                },
            )
            .unwrap();
    }
    let before: Vec<u128> = [&s.a, &s.b, &s.c, &s.treasury.addr]
        .iter()
        .map(|w| s.flx_of(w))
        .collect();
    for (i, member) in [&s.a, &s.b, &s.c].iter().enumerate() {
        s.auction
            .execute(
                member,
                &ExecuteMsg::DeliverSubtask {
                    task_id: 1,
                    index: i as u32,
                },
            )
            .unwrap();
        let res = s
            .auction
            .execute(
                &s.creator,
                &ExecuteMsg::AcceptSubtask {
                    task_id: 1,
                    index: i as u32,
                },
            )
            .unwrap();
        let last = wasm_attrs(&res, &s.auction.addr)
            .iter()
            .any(|(k, _)| k == "bonus");
        assert_eq!(last, i == 2);
        if i < 2 {
            assert_eq!(s.task(1).status, TaskStatus::Assigned);
        }
    }
    // taxes: round(6) = 6, round(7) = 7, round(5) = 5, bonus round(2) = 2
    let after: Vec<u128> = [&s.a, &s.b, &s.c, &s.treasury.addr]
        .iter()
        .map(|w| s.flx_of(w))
        .collect();
    assert_eq!(after[0] - before[0], 294);
    assert_eq!(after[1] - before[1], 343);
    assert_eq!(after[2] - before[2], 245 + 98);
    assert_eq!(after[3] - before[3], 6 + 7 + 5 + 2);
    let task = s.task(1);
    assert_eq!(
        (task.status, task.tax, task.escrow),
        (TaskStatus::Completed, Some(u(20)), u(0))
    );
    let team = task.team.unwrap();
    assert!(team
        .subtasks
        .iter()
        .all(|st| st.status == SubtaskStatus::Accepted));
    assert_eq!(team.bonus_tax, Some(u(2)));
    // reputation by tag: A backend, B frontend, C devops + fullstack (the task's tag)
    assert_eq!(
        s.registry.tag_reputation(&s.a, "backend").unwrap().points,
        u(10)
    );
    assert_eq!(
        s.registry.tag_reputation(&s.b, "frontend").unwrap().points,
        u(10)
    );
    assert_eq!(
        s.registry.tag_reputation(&s.c, "devops").unwrap().points,
        u(10)
    );
    assert_eq!(
        s.registry.tag_reputation(&s.c, "fullstack").unwrap().points,
        u(10)
    );
    assert!(s.auction.totals().unwrap().escrow.is_empty());
}

#[test]
fn a_missed_deadline_reclaims_what_the_accepted_sub_tasks_did_not_take() {
    let mut s = Suite::new();
    let spec = team_spec(&s, 100, &[300, 600]);
    s.auction
        .create_task(&s.flx, &s.creator, u(1_000), spec)
        .unwrap();
    s.auction.claim(&s.c, 1).unwrap();
    let assign = |s: &Suite, index: u32, member: &cosmwasm_std::Addr| {
        s.auction.execute(
            &s.c,
            &ExecuteMsg::AssignSubtask {
                task_id: 1,
                index,
                member: member.to_string(),
            },
        )
    };
    assign(&s, 0, &s.a).unwrap();
    assign(&s, 1, &s.b).unwrap();
    let deliver = |s: &Suite, who: &cosmwasm_std::Addr, index: u32| {
        s.auction
            .execute(who, &ExecuteMsg::DeliverSubtask { task_id: 1, index })
    };
    let accept = |s: &Suite, index: u32| {
        s.auction
            .execute(&s.creator, &ExecuteMsg::AcceptSubtask { task_id: 1, index })
    };
    deliver(&s, &s.a, 0).unwrap();
    accept(&s, 0).unwrap();
    deliver(&s, &s.b, 1).unwrap();
    s.advance(30 * DAY);
    // B's delivery waits for its acceptance: no reclaim yet
    let creator = s.creator.clone();
    s.rejected(
        ContractError::SubtaskPending {
            task_id: 1,
            index: 1,
        },
        |s| s.auction.reclaim(&creator, 1),
    );
    accept(&s, 1).unwrap();
    // all accepted: the task completed with the bonus; a second task misses its deadline
    assert_eq!(s.task(1).status, TaskStatus::Completed);

    let spec = team_spec(&s, 100, &[300, 600]);
    s.auction
        .create_task(&s.flx, &s.creator, u(1_000), spec)
        .unwrap();
    s.auction.claim(&s.c, 2).unwrap();
    s.auction
        .execute(
            &s.c,
            &ExecuteMsg::AssignSubtask {
                task_id: 2,
                index: 0,
                member: s.a.to_string(),
            },
        )
        .unwrap();
    s.auction
        .execute(
            &s.a,
            &ExecuteMsg::DeliverSubtask {
                task_id: 2,
                index: 0,
            },
        )
        .unwrap();
    s.auction
        .execute(
            &s.creator,
            &ExecuteMsg::AcceptSubtask {
                task_id: 2,
                index: 0,
            },
        )
        .unwrap();
    s.advance(30 * DAY);
    let before = s.flx_of(&s.creator);
    s.auction.reclaim(&s.creator, 2).unwrap();
    // 1,000 - 300 paid to A = 700 back (the 600 sub-task and the 100 bonus)
    assert_eq!(s.flx_of(&s.creator) - before, 700);
    assert_eq!(s.task(2).status, TaskStatus::Refunded);
}

#[test]
fn team_refusals_change_nothing() {
    let mut s = Suite::new();
    let creator = s.creator.clone();
    let flx = s.flx.clone();
    // the split must add up, and a team task has no auction
    let spec = team_spec(&s, 100, &[300, 350]);
    let expected = ContractError::InvalidTask {
        reason: "the bonus and the sub-tasks' rewards sum to 750, not the 1000 sent".into(),
    };
    s.rejected(expected, |s| {
        s.auction.create_task(&flx, &creator, u(1_000), spec)
    });
    let mut spec = team_spec(&s, 100, &[300, 600]);
    spec.auction_deadline = Some(s.now().plus_seconds(DAY));
    let expected = ContractError::InvalidTask {
        reason: "a team task has no auction: its coordinator claims it".into(),
    };
    s.rejected(expected, |s| {
        s.auction.create_task(&flx, &creator, u(1_000), spec)
    });
    let spec = team_spec(&s, 100, &[0, 900]);
    let expected = ContractError::InvalidTask {
        reason: "sub-task 0: a reward of 0".into(),
    };
    s.rejected(expected, |s| {
        s.auction.create_task(&flx, &creator, u(1_000), spec)
    });

    let spec = team_spec(&s, 100, &[300, 600]);
    s.auction
        .create_task(&flx, &creator, u(1_000), spec)
        .unwrap();
    let (a, b, c) = (s.a.clone(), s.b.clone(), s.c.clone());
    let assign = |index: u32, member: &cosmwasm_std::Addr| ExecuteMsg::AssignSubtask {
        task_id: 1,
        index,
        member: member.to_string(),
    };
    // before a coordinator claims it
    let expected = ContractError::WrongStatus {
        task_id: 1,
        status: TaskStatus::Open,
        operation: "assigning a sub-task".into(),
    };
    let msg = assign(0, &a);
    s.rejected(expected, |s| s.auction.execute(&c, &msg));
    s.auction.claim(&c, 1).unwrap();
    // only the coordinator assigns; not to the creator; not past the sub-tasks; not twice
    let expected = ContractError::Unauthorized {
        task_id: 1,
        sender: a.clone(),
        operation: "assign sub-tasks of".into(),
    };
    let msg = assign(0, &a);
    s.rejected(expected, |s| s.auction.execute(&a, &msg));
    let msg = assign(0, &creator);
    s.rejected(ContractError::OwnTask { task_id: 1 }, |s| {
        s.auction.execute(&c, &msg)
    });
    let msg = assign(5, &a);
    s.rejected(
        ContractError::NoSubtask {
            task_id: 1,
            index: 5,
        },
        |s| s.auction.execute(&c, &msg),
    );
    s.auction.execute(&c, &assign(0, &a)).unwrap();
    let expected = ContractError::WrongSubtaskStatus {
        task_id: 1,
        index: 0,
        status: SubtaskStatus::Assigned,
        operation: "assigning it".into(),
    };
    let msg = assign(0, &b);
    s.rejected(expected, |s| s.auction.execute(&c, &msg));
    // the whole task is not delivered at once; only the member delivers its part
    s.rejected(ContractError::TeamTask { task_id: 1 }, |s| {
        s.auction.deliver(&c, 1)
    });
    let msg = ExecuteMsg::DeliverSubtask {
        task_id: 1,
        index: 0,
    };
    let expected = ContractError::Unauthorized {
        task_id: 1,
        sender: b.clone(),
        operation: "deliver sub-task 0 of".into(),
    };
    s.rejected(expected, |s| s.auction.execute(&b, &msg));
    // accepting before the delivery, or by a stranger
    let msg = ExecuteMsg::AcceptSubtask {
        task_id: 1,
        index: 0,
    };
    let expected = ContractError::WrongSubtaskStatus {
        task_id: 1,
        index: 0,
        status: SubtaskStatus::Assigned,
        operation: "accepting it".into(),
    };
    s.rejected(expected, |s| s.auction.execute(&creator, &msg));
    s.auction
        .execute(
            &a,
            &ExecuteMsg::DeliverSubtask {
                task_id: 1,
                index: 0,
            },
        )
        .unwrap();
    let stranger = s.stranger.clone();
    let expected = ContractError::Unauthorized {
        task_id: 1,
        sender: stranger.clone(),
        operation: "accept (before the acceptance timeout)".into(),
    };
    s.rejected(expected, |s| s.auction.execute(&stranger, &msg));
    s.auction.execute(&creator, &msg).unwrap();
    // never twice
    let expected = ContractError::WrongSubtaskStatus {
        task_id: 1,
        index: 0,
        status: SubtaskStatus::Accepted,
        operation: "accepting it".into(),
    };
    s.rejected(expected, |s| s.auction.execute(&creator, &msg));
    // the task-level accept does not apply to a team task
    let expected = ContractError::WrongStatus {
        task_id: 1,
        status: TaskStatus::Assigned,
        operation: "acceptance".into(),
    };
    s.rejected(expected, |s| s.auction.accept(&creator, 1));
}
