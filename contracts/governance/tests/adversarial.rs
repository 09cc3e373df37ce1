//! Adversarial inputs: unauthorized callers, wrong deposit token or amount, forged hooks,
//! proposers and voters without power, late votes, early and repeated executions, early closes,
//! funds where none belong, invalid configs. Each asserts the exact error AND that nothing
//! changed (governance's, the treasury's, the target's and the staking double's storage, and every
//! GEN and NEX balance of every account).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coin, to_json_binary, Decimal, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_multi_test::Executor;
use cw_utils::PaymentError;
use poe_governance::msg::{
    MAX_DESCRIPTION_BYTES, MAX_DURATION_SECONDS, MAX_PROPOSAL_MSGS, MAX_PROPOSAL_MSGS_BYTES,
    MAX_TITLE_BYTES, MIN_TITLE_BYTES,
};

#[test]
fn update_config_only_from_governance_itself() {
    let mut s = Suite::new();
    let msg = ExecuteMsg::UpdateConfig(Box::new(ConfigUpdate {
        quorum: Some(Decimal::percent(1)),
        guardian: Some(GuardianUpdate::Remove {}),
        ..Default::default()
    }));
    for who in [
        s.alice.clone(),
        s.admin.clone(),
        s.guardian.clone(),
        s.treasury.addr.clone(),
    ] {
        s.assert_exec_rejected(
            &who,
            &msg,
            ContractError::Unauthorized {
                sender: who.to_string(),
                action: "update_config".to_string(),
            },
        );
    }
}

#[test]
fn dispatch_only_from_governance_itself() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    // alice would drain the reserve through governance's own dispatcher
    let msg = ExecuteMsg::Dispatch {
        proposal_id: 1,
        msgs: vec![s.gen_transfer(&alice, RESERVE)],
    };
    s.assert_exec_rejected(
        &alice,
        &msg,
        ContractError::Unauthorized {
            sender: alice.to_string(),
            action: "dispatch".to_string(),
        },
    );
}

#[test]
fn deposits_only_in_the_deposit_token() {
    let mut s = Suite::new();
    let (alice, nex, gen) = (s.alice.clone(), s.nex.clone(), s.gen.clone());
    s.assert_rejected(
        ContractError::WrongDepositToken {
            expected: gen.addr.to_string(),
            received: nex.addr.to_string(),
        },
        |s| nex.send_hook(&alice, &s.gov.addr, u(DEPOSIT), &propose_hook(vec![])),
    );
    // a forged hook straight from alice, no token moved
    let forged = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: alice.to_string(),
        amount: u(DEPOSIT),
        msg: to_json_binary(&propose_hook(vec![])).unwrap(),
    });
    s.assert_exec_rejected(
        &alice,
        &forged,
        ContractError::WrongDepositToken {
            expected: gen.addr.to_string(),
            received: alice.to_string(),
        },
    );
}

#[test]
fn deposits_only_of_the_exact_amount() {
    let mut s = Suite::new();
    let (alice, gen) = (s.alice.clone(), s.gen.clone());
    for amount in [1, DEPOSIT - 1, DEPOSIT + 1] {
        s.assert_rejected(
            ContractError::WrongDepositAmount {
                expected: u(DEPOSIT),
                received: u(amount),
            },
            |s| gen.send_hook(&alice, &s.gov.addr, u(amount), &propose_hook(vec![])),
        );
    }
}

#[test]
fn a_malformed_hook_is_refused() {
    let s = Suite::new();
    let (alice, gen, gov) = (s.alice.clone(), s.gen.clone(), s.gov.addr.clone());
    let before = s.snapshot();
    let err = gen
        .send(
            &alice,
            &gov,
            u(DEPOSIT),
            to_json_binary(&"deposit").unwrap(),
        )
        .unwrap_err();
    assert!(matches!(contract_err(err), ContractError::Std(_)));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn proposal_content_is_bounded() {
    let mut s = Suite::new();
    let (alice, gen) = (s.alice.clone(), s.gen.clone());
    let hook = |title: String, description: String, n: usize| ReceiveMsg::Propose {
        title,
        description,
        msgs: vec![wasm(&alice, &"x"); n],
    };
    let cases = [
        (
            hook("  ab  ".to_string(), String::new(), 0),
            ContractError::InvalidTitle {
                len: 2,
                min: MIN_TITLE_BYTES,
                max: MAX_TITLE_BYTES,
            },
        ),
        (
            hook("t".repeat(MAX_TITLE_BYTES + 1), String::new(), 0),
            ContractError::InvalidTitle {
                len: MAX_TITLE_BYTES + 1,
                min: MIN_TITLE_BYTES,
                max: MAX_TITLE_BYTES,
            },
        ),
        (
            hook(
                "Title".to_string(),
                "d".repeat(MAX_DESCRIPTION_BYTES + 1),
                0,
            ),
            ContractError::DescriptionTooLong {
                len: MAX_DESCRIPTION_BYTES + 1,
                max: MAX_DESCRIPTION_BYTES,
            },
        ),
        (
            hook("Title".to_string(), String::new(), MAX_PROPOSAL_MSGS + 1),
            ContractError::TooManyMessages {
                count: MAX_PROPOSAL_MSGS + 1,
                max: MAX_PROPOSAL_MSGS,
            },
        ),
    ];
    for (hook, expected) in cases {
        s.assert_rejected(expected, |s| {
            gen.send_hook(&alice, &s.gov.addr, u(DEPOSIT), &hook)
        });
    }
    // the bounds themselves are accepted
    let ok = hook(
        "t".repeat(MAX_TITLE_BYTES),
        "d".repeat(MAX_DESCRIPTION_BYTES),
        MAX_PROPOSAL_MSGS,
    );
    gen.send_hook(&alice, &s.gov.addr, u(DEPOSIT), &ok).unwrap();
}

#[test]
fn proposal_messages_are_bounded_in_bytes() {
    let mut s = Suite::new();
    let (alice, gen) = (s.alice.clone(), s.gen.clone());
    // one message carrying a 16 KiB string: under the count bound, over the byte bound
    let big = vec![wasm(&alice, &"x".repeat(MAX_PROPOSAL_MSGS_BYTES))];
    let bytes = cosmwasm_std::to_json_vec(&big).unwrap().len();
    assert!(bytes > MAX_PROPOSAL_MSGS_BYTES);
    s.assert_rejected(
        ContractError::MessagesTooLarge {
            bytes,
            max: MAX_PROPOSAL_MSGS_BYTES,
        },
        |s| gen.send_hook(&alice, &s.gov.addr, u(DEPOSIT), &propose_hook(big.clone())),
    );
    // a large but bounded one is accepted
    let ok = vec![wasm(&alice, &"x".repeat(MAX_PROPOSAL_MSGS_BYTES / 2))];
    gen.send_hook(&alice, &s.gov.addr, u(DEPOSIT), &propose_hook(ok))
        .unwrap();
}

#[test]
fn a_proposer_needs_voting_power() {
    let mut s = Suite::new();
    let (eve, gen) = (s.eve.clone(), s.gen.clone());
    let height = s.height();
    s.assert_rejected(
        ContractError::NoVotingPower {
            address: eve.to_string(),
            height,
        },
        |s| gen.send_hook(&eve, &s.gov.addr, u(DEPOSIT), &propose_hook(vec![])),
    );
}

#[test]
fn votes_need_power_a_proposal_and_an_open_vote() {
    let mut s = Suite::new();
    let (alice, eve) = (s.alice.clone(), s.eve.clone());
    let id = s.propose(&alice, vec![]).unwrap();
    let start_height = s.gov.proposal(id).unwrap().start_height;
    s.assert_rejected(
        ContractError::NoVotingPower {
            address: eve.to_string(),
            height: start_height,
        },
        |s| s.gov.vote(&eve, id, VoteOption::Yes),
    );
    s.assert_rejected(ContractError::ProposalNotFound { proposal_id: 7 }, |s| {
        s.gov.vote(&alice, 7, VoteOption::Yes)
    });
    // funds attached to a vote
    let before = s.snapshot();
    let err = s
        .gov
        .execute_with_funds(
            &alice,
            &ExecuteMsg::Vote {
                proposal_id: id,
                vote: VoteOption::Yes,
            },
            &[coin(10, ATOM)],
        )
        .unwrap_err();
    assert_eq!(
        contract_err(err),
        ContractError::Payment(PaymentError::NonPayable {})
    );
    assert_eq!(s.snapshot(), before);
    // after the end
    let end = s.gov.proposal(id).unwrap().end_time;
    s.advance_to(end);
    s.assert_rejected(
        ContractError::VotingClosed {
            proposal_id: id,
            ended_at: end,
        },
        |s| s.gov.vote(&alice, id, VoteOption::Yes),
    );
    s.advance(TIMELOCK + WINDOW);
    s.assert_rejected(
        ContractError::VotingClosed {
            proposal_id: id,
            ended_at: end,
        },
        |s| s.gov.vote(&alice, id, VoteOption::No),
    );
}

#[test]
fn execute_only_after_the_timelock_and_only_once() {
    let mut s = Suite::new();
    let (alice, bob, eve) = (s.alice.clone(), s.bob.clone(), s.eve.clone());
    let id = s
        .propose(&alice, vec![s.gen_transfer(&eve, 1_000_000)])
        .unwrap();
    s.gov.vote(&alice, id, VoteOption::Yes).unwrap();
    s.gov.vote(&bob, id, VoteOption::Yes).unwrap();
    let p = s.gov.proposal(id).unwrap();
    s.assert_rejected(
        ContractError::VotingOpen {
            proposal_id: id,
            ends_at: p.end_time,
        },
        |s| s.gov.execute_proposal(&eve, id),
    );
    s.assert_rejected(
        ContractError::VotingOpen {
            proposal_id: id,
            ends_at: p.end_time,
        },
        |s| s.gov.close(&eve, id),
    );
    s.advance_to(p.end_time);
    s.assert_rejected(
        ContractError::TimelockActive {
            proposal_id: id,
            executable_at: p.executable_at,
        },
        |s| s.gov.execute_proposal(&eve, id),
    );
    s.advance_to(p.executable_at.minus_seconds(1));
    s.assert_rejected(
        ContractError::TimelockActive {
            proposal_id: id,
            executable_at: p.executable_at,
        },
        |s| s.gov.execute_proposal(&eve, id),
    );
    s.assert_rejected(
        ContractError::NotClosable {
            proposal_id: id,
            status: ProposalStatus::Passed,
        },
        |s| s.gov.close(&eve, id),
    );
    s.advance_to(p.executable_at);
    s.gov.execute_proposal(&eve, id).unwrap();
    assert_eq!(s.gen_balance(&eve), START + 1_000_000);
    s.assert_rejected(
        ContractError::NotExecutable {
            proposal_id: id,
            status: ProposalStatus::Executed,
        },
        |s| s.gov.execute_proposal(&eve, id),
    );
    s.assert_rejected(
        ContractError::NotClosable {
            proposal_id: id,
            status: ProposalStatus::Executed,
        },
        |s| s.gov.close(&eve, id),
    );
}

#[test]
fn unknown_proposals() {
    let mut s = Suite::new();
    let eve = s.eve.clone();
    for msg in [
        ExecuteMsg::Execute { proposal_id: 1 },
        ExecuteMsg::Close { proposal_id: 1 },
    ] {
        s.assert_exec_rejected(
            &eve,
            &msg,
            ContractError::ProposalNotFound { proposal_id: 1 },
        );
    }
}

#[test]
fn invalid_configs_are_refused_at_instantiation() {
    let s = Suite::new();
    let addrs = SuiteAddrs {
        staking: s.staking.clone(),
        gen: s.gen.addr.clone(),
        treasury: s.treasury.addr.clone(),
        guardian: s.guardian.clone(),
    };
    let invalid = |field: &str, reason: &str| ContractError::InvalidConfig {
        field: field.to_string(),
        reason: reason.to_string(),
    };
    type Edit = Box<dyn Fn(&mut InstantiateMsg)>;
    let cases: Vec<(Edit, ContractError)> = vec![
        (
            Box::new(|m| m.deposit_amount = Uint128::zero()),
            invalid("deposit_amount", "must be positive"),
        ),
        (
            Box::new(|m| m.quorum = Decimal::zero()),
            invalid("quorum", "must be in (0, 1]"),
        ),
        (
            Box::new(|m| m.quorum = Decimal::percent(101)),
            invalid("quorum", "must be in (0, 1]"),
        ),
        (
            Box::new(|m| m.veto_threshold = Some(Decimal::zero())),
            invalid("veto_threshold", "must be in (0, 1]"),
        ),
        (
            Box::new(|m| m.threshold = Some(Decimal::percent(49))),
            invalid("threshold", "must be in [0.5, 1]"),
        ),
        (
            Box::new(|m| m.voting_period_seconds = 0),
            invalid("voting_period_seconds", "must be positive"),
        ),
        (
            Box::new(|m| m.execution_window_seconds = 0),
            invalid("execution_window_seconds", "must be positive"),
        ),
        (
            Box::new(|m| m.guardian_pause_budget_seconds = Some(0)),
            invalid("guardian_pause_budget_seconds", "must be positive"),
        ),
        (
            Box::new(|m| m.guardian_window_seconds = Some(0)),
            invalid("guardian_window_seconds", "must be positive"),
        ),
        (
            Box::new(|m| m.guardian_window_seconds = Some(MAX_DURATION_SECONDS + 1)),
            invalid(
                "guardian_window_seconds",
                "must be at most 315576000 seconds (10 years)",
            ),
        ),
        (
            Box::new(|m| m.timelock_seconds = MAX_DURATION_SECONDS + 1),
            invalid(
                "timelock_seconds",
                "must be at most 315576000 seconds (10 years)",
            ),
        ),
    ];
    let (code, admin) = (s.gov_code, s.admin.clone());
    for (edit, expected) in cases {
        let mut msg = Suite::default_instantiate(&addrs);
        edit(&mut msg);
        let err = s
            .app
            .borrow_mut()
            .instantiate_contract(code, admin.clone(), &msg, &[], "bad", None)
            .unwrap_err();
        assert_eq!(contract_err(err), expected);
    }
}

#[test]
fn accept_ownership_takes_only_what_was_offered_to_governance() {
    let mut s = Suite::new();
    let invalid = |reason: &str| ContractError::InvalidAcceptOwnership {
        max: poe_governance::msg::MAX_ACCEPT_OWNERSHIP,
        reason: reason.to_string(),
    };
    let eve = s.eve.clone();
    let accept = |contracts: Vec<String>| ExecuteMsg::AcceptOwnership { contracts };
    s.assert_exec_rejected(&eve, &accept(vec![]), invalid("the list is empty"));
    let treasury = s.treasury.addr.to_string();
    s.assert_exec_rejected(
        &eve,
        &accept(vec![treasury.clone(), treasury.clone()]),
        invalid(&format!("{treasury} is named twice")),
    );
    let many: Vec<String> = (0..=poe_governance::msg::MAX_ACCEPT_OWNERSHIP)
        .map(|i| s.app.borrow().api().addr_make(&format!("c{i}")).to_string())
        .collect();
    s.assert_exec_rejected(&eve, &accept(many), invalid("33 contracts given"));
    s.assert_exec_rejected(
        &eve,
        &accept(vec!["not an address".to_string()]),
        ContractError::Std(cosmwasm_std::StdError::generic_err("Error decoding bech32")),
    );
    // funds where none belong
    let alice = s.alice.clone();
    s.assert_rejected(ContractError::Payment(PaymentError::NonPayable {}), |s| {
        s.gov
            .execute_with_funds(&alice, &accept(vec![treasury.clone()]), &[coin(1, ATOM)])
    });
    // no offer pending: the treasury's own error fails the whole message
    let before = s.snapshot();
    let err = s
        .gov
        .execute(&eve, &accept(vec![treasury.clone()]))
        .unwrap_err();
    assert_eq!(
        err.downcast_ref::<poe_treasury::ContractError>(),
        Some(&poe_treasury::ContractError::Ownership(
            cw_ownable::OwnershipError::TransferNotFound
        ))
    );
    assert_eq!(s.snapshot(), before);
    // offered by its owner: anyone completes the hand-over
    let admin = s.admin.clone();
    s.treasury
        .execute(
            &admin,
            &poe_treasury::msg::ExecuteMsg::UpdateOwnership(
                cw_ownable::Action::TransferOwnership {
                    new_owner: s.gov.addr.to_string(),
                    expiry: None,
                },
            ),
            &[],
        )
        .unwrap();
    let res = s
        .gov
        .execute(&eve, &accept(vec![treasury.clone()]))
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.gov.addr),
        attrs(&[("action", "accept_ownership"), ("contracts", &treasury)])
    );
    let ownership = s.treasury.ownership().unwrap();
    assert_eq!(ownership.owner, Some(s.gov.addr.to_string()));
    assert_eq!(ownership.pending_owner, None);
}
