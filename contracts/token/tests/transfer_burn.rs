//! The transfer burn (seed 002 `burn_rate_bps`) on Transfer, Send, TransferFrom and SendFrom.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::to_json_binary;
use poe_math::burn::transfer_burn;

#[test]
fn transfer_at_100_bps_burns_10_of_1000() {
    let mut s = Suite::new(100);
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    let supply = s.supply();
    let res = s
        .exec(
            &alice,
            &ExecuteMsg::Transfer {
                recipient: bob.to_string(),
                amount: u(1_000),
            },
        )
        .unwrap();
    assert_eq!(s.balance(&alice), ALICE_START - 1_000);
    assert_eq!(s.balance(&bob), BOB_START + 990);
    assert_eq!(s.supply(), supply - 10);
    assert_eq!(
        wasm_attrs(&res, &s.token),
        attrs(&[
            ("action", "transfer"),
            ("from", alice.as_str()),
            ("to", bob.as_str()),
            ("amount", "1000"),
            ("burned", "10"),
        ])
    );
}

#[test]
fn burn_is_rounded_up_against_the_sender() {
    let mut s = Suite::new(100);
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    // 1 % of 1 is 0.01: rounded up to 1, nothing delivered
    for (amount, burned) in [(1u128, 1u128), (99, 1), (100, 1), (101, 2), (250, 3)] {
        let (a, b, supply) = (s.balance(&alice), s.balance(&bob), s.supply());
        s.exec(
            &alice,
            &ExecuteMsg::Transfer {
                recipient: bob.to_string(),
                amount: u(amount),
            },
        )
        .unwrap();
        assert_eq!(transfer_burn(u(amount), 100).unwrap(), u(burned));
        assert_eq!(s.balance(&alice), a - amount);
        assert_eq!(s.balance(&bob), b + amount - burned);
        assert_eq!(s.supply(), supply - burned);
    }
}

#[test]
fn send_hook_carries_the_delivered_amount() {
    let mut s = Suite::new(100);
    let (alice, receiver) = (s.alice.clone(), s.receiver.clone());
    let supply = s.supply();
    let msg = to_json_binary(&"deposit").unwrap();
    let res = s
        .exec(
            &alice,
            &ExecuteMsg::Send {
                contract: receiver.to_string(),
                amount: u(1_000),
                msg: msg.clone(),
            },
        )
        .unwrap();
    assert_eq!(s.balance(&alice), ALICE_START - 1_000);
    assert_eq!(s.balance(&receiver), 990);
    assert_eq!(s.supply(), supply - 10);
    let received = s.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].0, s.token.to_string());
    assert_eq!(received[0].1.sender, alice.to_string());
    assert_eq!(received[0].1.amount, u(990));
    assert_eq!(received[0].1.msg, msg);
    assert_eq!(
        wasm_attrs(&res, &s.token),
        attrs(&[
            ("action", "send"),
            ("from", alice.as_str()),
            ("to", receiver.as_str()),
            ("amount", "1000"),
            ("burned", "10"),
        ])
    );
}

#[test]
fn transfer_from_uses_the_full_amount_of_allowance() {
    let mut s = Suite::new(100);
    let (alice, bob, carol) = (s.alice.clone(), s.bob.clone(), s.carol.clone());
    s.exec(
        &alice,
        &ExecuteMsg::IncreaseAllowance {
            spender: bob.to_string(),
            amount: u(3_000),
            expires: None,
        },
    )
    .unwrap();
    let supply = s.supply();
    let res = s
        .exec(
            &bob,
            &ExecuteMsg::TransferFrom {
                owner: alice.to_string(),
                recipient: carol.to_string(),
                amount: u(2_000),
            },
        )
        .unwrap();
    assert_eq!(s.balance(&alice), ALICE_START - 2_000);
    assert_eq!(s.balance(&carol), 1_980);
    assert_eq!(s.balance(&bob), BOB_START);
    assert_eq!(s.supply(), supply - 20);
    let allowance: cw20::AllowanceResponse = s.query(&QueryMsg::Allowance {
        owner: alice.to_string(),
        spender: bob.to_string(),
    });
    assert_eq!(allowance.allowance, u(1_000));
    assert_eq!(
        wasm_attrs(&res, &s.token),
        attrs(&[
            ("action", "transfer_from"),
            ("from", alice.as_str()),
            ("to", carol.as_str()),
            ("by", bob.as_str()),
            ("amount", "2000"),
            ("burned", "20"),
        ])
    );
}

#[test]
fn send_from_hook_names_the_spender_and_the_delivered_amount() {
    let mut s = Suite::new(250);
    let (alice, bob, receiver) = (s.alice.clone(), s.bob.clone(), s.receiver.clone());
    s.exec(
        &alice,
        &ExecuteMsg::IncreaseAllowance {
            spender: bob.to_string(),
            amount: u(400),
            expires: None,
        },
    )
    .unwrap();
    let supply = s.supply();
    let msg = to_json_binary(&"x").unwrap();
    let res = s
        .exec(
            &bob,
            &ExecuteMsg::SendFrom {
                owner: alice.to_string(),
                contract: receiver.to_string(),
                amount: u(400),
                msg,
            },
        )
        .unwrap();
    // 2.5 % of 400 = 10
    assert_eq!(s.balance(&alice), ALICE_START - 400);
    assert_eq!(s.balance(&receiver), 390);
    assert_eq!(s.supply(), supply - 10);
    let received = s.received();
    assert_eq!(received[0].1.sender, bob.to_string());
    assert_eq!(received[0].1.amount, u(390));
    let allowance: cw20::AllowanceResponse = s.query(&QueryMsg::Allowance {
        owner: alice.to_string(),
        spender: bob.to_string(),
    });
    assert!(allowance.allowance.is_zero());
    assert_eq!(
        wasm_attrs(&res, &s.token),
        attrs(&[
            ("action", "send_from"),
            ("from", alice.as_str()),
            ("to", receiver.as_str()),
            ("by", bob.as_str()),
            ("amount", "400"),
            ("burned", "10"),
        ])
    );
}

#[test]
fn a_failed_hook_reverts_the_burning_send() {
    let mut s = Suite::new(100);
    let (alice, receiver) = (s.alice.clone(), s.receiver.clone());
    let before = s.snapshot();
    let err = s
        .exec(
            &alice,
            &ExecuteMsg::Send {
                contract: receiver.to_string(),
                amount: u(1_000),
                msg: FAIL_HOOK.into(),
            },
        )
        .unwrap_err();
    assert!(format!("{err:?}").contains("receiver refuses"));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn at_zero_bps_nothing_burns_and_attributes_are_cw20_base_s() {
    let mut s = Suite::new(0);
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    let supply = s.supply();
    let res = s
        .exec(
            &alice,
            &ExecuteMsg::Transfer {
                recipient: bob.to_string(),
                amount: u(1_000),
            },
        )
        .unwrap();
    assert_eq!(s.balance(&bob), BOB_START + 1_000);
    assert_eq!(s.supply(), supply);
    assert_eq!(
        wasm_attrs(&res, &s.token),
        attrs(&[
            ("action", "transfer"),
            ("from", alice.as_str()),
            ("to", bob.as_str()),
            ("amount", "1000"),
        ])
    );
}

#[test]
fn burn_and_mint_are_not_taxed() {
    let mut s = Suite::new(1_000);
    let (alice, minter) = (s.alice.clone(), s.minter.clone());
    let supply = s.supply();
    s.exec(&alice, &ExecuteMsg::Burn { amount: u(100) })
        .unwrap();
    assert_eq!(s.balance(&alice), ALICE_START - 100);
    s.exec(
        &minter,
        &ExecuteMsg::Mint {
            recipient: alice.to_string(),
            amount: u(1_000),
        },
    )
    .unwrap();
    assert_eq!(s.balance(&alice), ALICE_START - 100 + 1_000);
    assert_eq!(s.supply(), supply - 100 + 1_000);
}

#[test]
fn owner_updates_the_rate_and_it_applies_from_the_next_transfer() {
    let mut s = Suite::new(0);
    let (owner, alice, bob) = (s.owner.clone(), s.alice.clone(), s.bob.clone());
    assert_eq!(s.transfer_burn_bps(), 0);
    let res = s
        .exec(
            &owner,
            &ExecuteMsg::UpdateTransferBurn {
                transfer_burn_bps: 1_000,
            },
        )
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.token),
        attrs(&[
            ("action", "update_transfer_burn"),
            ("previous_bps", "0"),
            ("transfer_burn_bps", "1000"),
        ])
    );
    assert_eq!(s.transfer_burn_bps(), 1_000);
    s.exec(
        &alice,
        &ExecuteMsg::Transfer {
            recipient: bob.to_string(),
            amount: u(1_000),
        },
    )
    .unwrap();
    assert_eq!(s.balance(&bob), BOB_START + 900);
    assert_eq!(s.supply(), ALICE_START + BOB_START - 100);

    s.exec(
        &owner,
        &ExecuteMsg::UpdateTransferBurn {
            transfer_burn_bps: 0,
        },
    )
    .unwrap();
    s.exec(
        &alice,
        &ExecuteMsg::Transfer {
            recipient: bob.to_string(),
            amount: u(1_000),
        },
    )
    .unwrap();
    assert_eq!(s.balance(&bob), BOB_START + 1_900);
    assert_eq!(s.supply(), ALICE_START + BOB_START - 100);
}

#[test]
fn supply_always_equals_the_sum_of_balances() {
    let mut s = Suite::new(137);
    let (alice, bob, carol, receiver) = (
        s.alice.clone(),
        s.bob.clone(),
        s.carol.clone(),
        s.receiver.clone(),
    );
    s.exec(
        &bob,
        &ExecuteMsg::IncreaseAllowance {
            spender: carol.to_string(),
            amount: u(5_000),
            expires: None,
        },
    )
    .unwrap();
    let steps: Vec<(cosmwasm_std::Addr, ExecuteMsg)> = vec![
        (
            alice.clone(),
            ExecuteMsg::Transfer {
                recipient: carol.to_string(),
                amount: u(777),
            },
        ),
        (
            carol.clone(),
            ExecuteMsg::Send {
                contract: receiver.to_string(),
                amount: u(333),
                msg: to_json_binary(&1).unwrap(),
            },
        ),
        (
            carol.clone(),
            ExecuteMsg::TransferFrom {
                owner: bob.to_string(),
                recipient: alice.to_string(),
                amount: u(1_234),
            },
        ),
        (
            carol.clone(),
            ExecuteMsg::SendFrom {
                owner: bob.to_string(),
                contract: receiver.to_string(),
                amount: u(99),
                msg: to_json_binary(&2).unwrap(),
            },
        ),
        (alice.clone(), ExecuteMsg::Burn { amount: u(5) }),
    ];
    for (sender, msg) in steps {
        s.exec(&sender, &msg).unwrap();
        let sum: u128 = [&alice, &bob, &carol, &receiver]
            .iter()
            .map(|a| s.balance(a))
            .sum();
        assert_eq!(sum, s.supply(), "after {msg:?}");
    }
}
