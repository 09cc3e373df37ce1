//! The life of a proposal: propose, vote (and change a vote), pass, timelock, execute; rejection
//! with quorum; the flash-stake attack; proposals keep the rules they were made under.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::Decimal;
use poe_governance::msg::VotingRules;

#[test]
fn full_lifecycle_executes_after_the_timelock() {
    let mut s = Suite::new();
    let (alice, bob, carol, eve, gov) = (
        s.alice.clone(),
        s.bob.clone(),
        s.carol.clone(),
        s.eve.clone(),
        s.gov.addr.clone(),
    );
    let msgs = vec![
        s.gen_transfer(&eve, 2_000_000),
        s.gov_msg(&ExecuteMsg::UpdateConfig(Box::new(ConfigUpdate {
            quorum: Some(Decimal::percent(40)),
            ..Default::default()
        }))),
    ];
    let start_height = s.height();
    let start_time = s.now();
    let id = s.propose(&alice, msgs.clone()).unwrap();
    assert_eq!(id, 1);
    assert_eq!(s.gen_balance(&alice), START - DEPOSIT);
    assert_eq!(s.gen_balance(&gov), RESERVE + DEPOSIT);

    let p = s.gov.proposal(id).unwrap();
    assert_eq!(p.status, ProposalStatus::Open);
    assert_eq!(p.proposer, alice);
    assert_eq!(p.msgs, msgs);
    assert_eq!(p.deposit_amount, u(DEPOSIT));
    assert_eq!(p.deposit_token, s.gen.addr);
    assert_eq!(p.deposit_status, DepositStatus::Held);
    assert_eq!(p.start_height, start_height);
    assert_eq!(p.start_time, start_time);
    assert_eq!(p.end_time, start_time.plus_seconds(VOTING));
    assert_eq!(p.executable_at, p.end_time.plus_seconds(TIMELOCK));
    assert_eq!(p.expires_at, p.executable_at.plus_seconds(WINDOW));
    assert_eq!(p.total_power, u(1_000));
    assert_eq!(
        p.rules,
        VotingRules {
            quorum: Decimal::percent(30),
            threshold: Decimal::percent(67),
            veto_threshold: Decimal::permille(334),
        }
    );

    let res = s.gov.vote(&alice, id, VoteOption::Yes).unwrap();
    assert_eq!(
        wasm_attrs(&res, &gov),
        attrs(&[
            ("action", "vote"),
            ("proposal_id", "1"),
            ("voter", alice.as_str()),
            ("vote", "yes"),
            ("power", "400"),
        ])
    );
    s.gov.vote(&bob, id, VoteOption::Yes).unwrap();
    s.gov.vote(&carol, id, VoteOption::No).unwrap();
    // 700 / 900 = 77.8 % >= 67 %, 900 of 1,000 voted
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(
        p.tally,
        Tally {
            yes: u(700),
            no: u(200),
            ..Default::default()
        }
    );
    assert!(p.quorum_reached);
    assert_eq!(
        p.status,
        ProposalStatus::Open,
        "open until the end of voting"
    );

    s.advance_to(p.end_time);
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Passed);
    s.advance_to(p.executable_at);
    let res = s.gov.execute_proposal(&eve, id).unwrap();
    let attributes = wasm_attrs(&res, &gov);
    assert_eq!(
        attributes[..6],
        attrs(&[
            ("action", "execute_proposal"),
            ("proposal_id", "1"),
            ("attempt", "1"),
            ("messages", "2"),
            ("deposit_refunded", "1000000"),
            ("proposer", alice.as_str()),
        ])[..]
    );
    assert!(attributes.contains(&("action".to_string(), "dispatch".to_string())));
    assert!(attributes.contains(&("action".to_string(), "update_config".to_string())));

    // the messages took effect: eve got 2 GEN from the reserve, the quorum is 40 %
    assert_eq!(s.gen_balance(&eve), START + 2_000_000);
    assert_eq!(s.gov.config().unwrap().quorum, Decimal::percent(40));
    // the deposit went back to alice
    assert_eq!(s.gen_balance(&alice), START);
    assert_eq!(s.gen_balance(&gov), RESERVE - 2_000_000);
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(p.status, ProposalStatus::Executed);
    assert_eq!(p.deposit_status, DepositStatus::Refunded);
    assert_eq!(p.execution_error, None);

    // final: never again, and still executed after its window
    s.advance(WINDOW * 2);
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Executed);
    s.assert_rejected(
        ContractError::NotExecutable {
            proposal_id: id,
            status: ProposalStatus::Executed,
        },
        |s| s.gov.execute_proposal(&eve, id),
    );
}

#[test]
fn a_vote_can_change_until_voting_ends() {
    let mut s = Suite::new();
    let (alice, bob, gov) = (s.alice.clone(), s.bob.clone(), s.gov.addr.clone());
    let id = s.propose(&alice, vec![]).unwrap();
    s.gov.vote(&alice, id, VoteOption::Yes).unwrap();
    s.gov.vote(&bob, id, VoteOption::Abstain).unwrap();
    s.advance(3_600);
    let res = s.gov.vote(&alice, id, VoteOption::NoWithVeto).unwrap();
    assert_eq!(
        wasm_attrs(&res, &gov),
        attrs(&[
            ("action", "vote"),
            ("proposal_id", "1"),
            ("voter", alice.as_str()),
            ("vote", "no_with_veto"),
            ("power", "400"),
            ("previous_vote", "yes"),
        ])
    );
    assert_eq!(
        s.gov.proposal(id).unwrap().tally,
        Tally {
            abstain: u(300),
            no_with_veto: u(400),
            ..Default::default()
        }
    );
    // the same vote again changes nothing
    s.gov.vote(&alice, id, VoteOption::NoWithVeto).unwrap();
    s.gov.vote(&alice, id, VoteOption::No).unwrap();
    assert_eq!(
        s.gov.proposal(id).unwrap().tally,
        Tally {
            no: u(400),
            abstain: u(300),
            ..Default::default()
        }
    );
    assert_eq!(
        s.gov.ballot(id, &alice).unwrap().vote,
        Some(VoteInfo {
            voter: alice.clone(),
            vote: VoteOption::No,
            power: u(400),
        })
    );
    assert_eq!(s.gov.ballot(id, &s.carol.clone()).unwrap().vote, None);

    // votes, paginated by voter address
    let all = s.gov.ballots_page(id, None, None).unwrap();
    assert_eq!(all.votes.len(), 2);
    let mut voters = vec![alice.clone(), bob.clone()];
    voters.sort();
    assert_eq!(
        all.votes
            .iter()
            .map(|v| v.voter.clone())
            .collect::<Vec<_>>(),
        voters
    );
    let page = s.gov.ballots_page(id, Some(&voters[0]), Some(1)).unwrap();
    assert_eq!(page.votes, all.votes[1..].to_vec());

    // the last instant of voting still counts; the end does not
    let end = s.gov.proposal(id).unwrap().end_time;
    s.advance_to(end.minus_seconds(1));
    s.gov.vote(&alice, id, VoteOption::Yes).unwrap();
    s.advance_to(end);
    s.assert_rejected(
        ContractError::VotingClosed {
            proposal_id: id,
            ended_at: end,
        },
        |s| s.gov.vote(&alice, id, VoteOption::No),
    );
    // 400 yes / 400 decisive, 700 of 1,000 voted: passed
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Passed);
}

#[test]
fn flash_stake_in_the_start_block_counts_zero() {
    let mut s = Suite::new();
    let (alice, eve, bob) = (s.alice.clone(), s.eve.clone(), s.bob.clone());
    let start_height = s.height();

    // eve stakes a whale's power in the block of the proposal, before and after it
    s.set_power(&eve, 10_000);
    let id = s
        .propose(&alice, vec![s.gen_transfer(&eve, RESERVE)])
        .unwrap();
    // nor can she propose with it
    s.assert_rejected(
        ContractError::NoVotingPower {
            address: eve.to_string(),
            height: start_height,
        },
        |s| s.propose(&eve, vec![]).map(|_| Default::default()),
    );
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(p.start_height, start_height);
    assert_eq!(
        p.total_power,
        u(1_000),
        "the stake of the start block is not in the total"
    );

    s.assert_rejected(
        ContractError::NoVotingPower {
            address: eve.to_string(),
            height: start_height,
        },
        |s| s.gov.vote(&eve, id, VoteOption::Yes),
    );
    // a block later her stake is real, but not for this proposal
    s.next_block();
    s.set_power(&eve, 20_000);
    s.assert_rejected(
        ContractError::NoVotingPower {
            address: eve.to_string(),
            height: start_height,
        },
        |s| s.gov.vote(&eve, id, VoteOption::Yes),
    );
    // unstaking after the start does not take bob's power away
    s.set_power(&bob, 0);
    s.gov.vote(&bob, id, VoteOption::No).unwrap();
    assert_eq!(s.gov.ballot(id, &bob).unwrap().vote.unwrap().power, u(300));

    // a later proposal sees eve's stake
    s.next_block();
    let later = s.propose(&eve, vec![]).unwrap();
    assert_eq!(
        s.gov.proposal(later).unwrap().total_power,
        u(20_000 + 400 + 200 + 100)
    );
}

#[test]
fn rejected_with_quorum_refunds_the_deposit() {
    let mut s = Suite::new();
    let (alice, bob, carol, dave, gov) = (
        s.alice.clone(),
        s.bob.clone(),
        s.carol.clone(),
        s.dave.clone(),
        s.gov.addr.clone(),
    );
    let id = s
        .propose(&bob, vec![s.gen_transfer(&bob, RESERVE)])
        .unwrap();
    // 300 yes / 900 decisive: rejected, with quorum
    s.gov.vote(&bob, id, VoteOption::Yes).unwrap();
    s.gov.vote(&alice, id, VoteOption::No).unwrap();
    s.gov.vote(&carol, id, VoteOption::No).unwrap();
    let end = s.gov.proposal(id).unwrap().end_time;
    s.advance_to(end);
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(p.status, ProposalStatus::Rejected);
    assert!(p.quorum_reached);
    s.assert_rejected(
        ContractError::NotExecutable {
            proposal_id: id,
            status: ProposalStatus::Rejected,
        },
        |s| s.gov.execute_proposal(&bob, id),
    );

    let res = s.gov.close(&dave, id).unwrap();
    assert_eq!(
        wasm_attrs(&res, &gov)[..6],
        attrs(&[
            ("action", "close_proposal"),
            ("proposal_id", "1"),
            ("status", "rejected"),
            ("deposit", "refunded"),
            ("amount", "1000000"),
            ("recipient", bob.as_str()),
        ])[..]
    );
    assert_eq!(s.gen_balance(&bob), START);
    assert_eq!(s.gen_balance(&gov), RESERVE);
    let p = s.gov.proposal(id).unwrap();
    assert_eq!(p.status, ProposalStatus::Rejected);
    assert_eq!(p.deposit_status, DepositStatus::Refunded);

    s.assert_rejected(
        ContractError::NotClosable {
            proposal_id: id,
            status: ProposalStatus::Rejected,
        },
        |s| s.gov.close(&dave, id),
    );
}

#[test]
fn all_abstain_is_rejected_and_refunded() {
    let s = Suite::new();
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    let id = s.propose(&alice, vec![]).unwrap();
    s.gov.vote(&alice, id, VoteOption::Abstain).unwrap();
    s.gov.vote(&bob, id, VoteOption::Abstain).unwrap();
    let end = s.gov.proposal(id).unwrap().end_time;
    s.advance_to(end);
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Rejected);
    s.gov.close(&bob, id).unwrap();
    assert_eq!(s.gen_balance(&alice), START);
}

#[test]
fn a_text_proposal_executes_without_messages() {
    let s = Suite::new();
    let (alice, gov) = (s.alice.clone(), s.gov.addr.clone());
    let id = s.pass(vec![]);
    let res = s.gov.execute_proposal(&alice, id).unwrap();
    assert!(!wasm_attrs(&res, &gov).contains(&("action".to_string(), "dispatch".to_string())));
    assert_eq!(s.gov.proposal(id).unwrap().status, ProposalStatus::Executed);
    assert_eq!(s.gen_balance(&alice), START);
}

#[test]
fn proposals_keep_the_rules_they_were_made_under() {
    let mut s = Suite::new();
    let (alice, bob, carol, gov) = (
        s.alice.clone(),
        s.bob.clone(),
        s.carol.clone(),
        s.gov.addr.clone(),
    );
    // proposal 1 doubles the deposit and raises the quorum to 90 %
    let id1 = s
        .propose(
            &alice,
            vec![s.gov_msg(&ExecuteMsg::UpdateConfig(Box::new(ConfigUpdate {
                deposit_amount: Some(u(2 * DEPOSIT)),
                quorum: Some(Decimal::percent(90)),
                ..Default::default()
            })))],
        )
        .unwrap();
    s.gov.vote(&alice, id1, VoteOption::Yes).unwrap();
    s.gov.vote(&bob, id1, VoteOption::Yes).unwrap();
    // proposal 2 is made before proposal 1 executes
    s.advance(3_600);
    let id2 = s.propose(&carol, vec![]).unwrap();
    // 600 of 1,000 vote on proposal 2: a quorum at 30 %, not at 90 %
    s.gov.vote(&carol, id2, VoteOption::Yes).unwrap();
    s.gov.vote(&alice, id2, VoteOption::Yes).unwrap();
    let p1 = s.gov.proposal(id1).unwrap();
    s.advance_to(p1.executable_at);
    s.gov.execute_proposal(&carol, id1).unwrap();
    assert_eq!(s.gov.config().unwrap().deposit_amount, u(2 * DEPOSIT));

    assert_eq!(s.gov.config().unwrap().quorum, Decimal::percent(90));

    // proposal 2 still needs 30 %: it passed, and pays back its 1 GEN
    let p2 = s.gov.proposal(id2).unwrap();
    assert_eq!(p2.rules.quorum, Decimal::percent(30));
    assert_eq!(p2.deposit_amount, u(DEPOSIT));
    assert_eq!(p2.status, ProposalStatus::Passed);
    s.advance_to(p2.executable_at);
    s.gov.execute_proposal(&bob, id2).unwrap();
    assert_eq!(s.gen_balance(&carol), START);

    // a new proposal pays the new deposit
    let gen = s.gen.clone();
    s.assert_rejected(
        ContractError::WrongDepositAmount {
            expected: u(2 * DEPOSIT),
            received: u(DEPOSIT),
        },
        |s| gen.send_hook(&bob, &s.gov.addr, u(DEPOSIT), &propose_hook(vec![])),
    );
    gen.send_hook(&bob, &s.gov.addr, u(2 * DEPOSIT), &propose_hook(vec![]))
        .unwrap();
    let p3 = s.gov.proposal(3).unwrap();
    assert_eq!(p3.rules.quorum, Decimal::percent(90));
    assert_eq!(p3.deposit_amount, u(2 * DEPOSIT));
    assert_eq!(s.gen_balance(&gov), RESERVE + 2 * DEPOSIT);
}

#[test]
fn proposals_are_listed_by_id() {
    let s = Suite::new();
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    for who in [&alice, &bob, &alice] {
        s.propose(who, vec![]).unwrap();
    }
    let page = s.gov.proposals(Some(1), Some(1)).unwrap();
    assert_eq!(page.len(), 1);
    assert_eq!(page[0].id, 2);
    assert_eq!(page[0].proposer, bob);
    let all = s.gov.proposals(None, None).unwrap();
    assert_eq!(all.iter().map(|p| p.id).collect::<Vec<_>>(), vec![1, 2, 3]);
}
