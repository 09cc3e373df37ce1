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

/// The block height of the suite's app (multi-test's default block, never advanced here).
fn height() -> String {
    cw_multi_test::App::default()
        .block_info()
        .height
        .to_string()
}

#[test]
fn transfer_at_100_bps_burns_10_of_1000() {
    let s = Suite::new(100);
    let (alice, bob) = (&s.alice, &s.bob);
    let supply = s.supply();
    let res = s.token.transfer(alice, bob, u(1_000)).unwrap();
    assert_eq!(s.balance(alice), ALICE_START - 1_000);
    assert_eq!(s.balance(bob), BOB_START + 990);
    assert_eq!(s.supply(), supply - 10);
    assert_eq!(
        wasm_attrs(&res, &s.token.addr),
        attrs(&[
            ("action", "transfer"),
            ("from", alice.as_str()),
            ("to", bob.as_str()),
            ("amount", "1000"),
            ("burned", "10"),
            ("reason", "transfer_fee"),
            ("height", &height()),
            ("account", alice.as_str()),
        ])
    );
}

#[test]
fn burn_is_rounded_up_against_the_sender() {
    let s = Suite::new(100);
    let (alice, bob) = (&s.alice, &s.bob);
    // 1 % of 1 is 0.01: rounded up to 1, nothing delivered
    for (amount, burned) in [(1u128, 1u128), (99, 1), (100, 1), (101, 2), (250, 3)] {
        let (a, b, supply) = (s.balance(alice), s.balance(bob), s.supply());
        s.token.transfer(alice, bob, u(amount)).unwrap();
        assert_eq!(transfer_burn(u(amount), 100).unwrap(), u(burned));
        assert_eq!(s.balance(alice), a - amount);
        assert_eq!(s.balance(bob), b + amount - burned);
        assert_eq!(s.supply(), supply - burned);
    }
}

#[test]
fn send_hook_carries_the_delivered_amount() {
    let s = Suite::new(100);
    let (alice, receiver) = (&s.alice, &s.receiver);
    let supply = s.supply();
    let msg = to_json_binary(&"deposit").unwrap();
    let res = s
        .token
        .send(alice, receiver, u(1_000), msg.clone())
        .unwrap();
    assert_eq!(s.balance(alice), ALICE_START - 1_000);
    assert_eq!(s.balance(receiver), 990);
    assert_eq!(s.supply(), supply - 10);
    let received = s.received();
    assert_eq!(received.len(), 1);
    assert_eq!(received[0].0, s.token.addr.to_string());
    assert_eq!(received[0].1.sender, alice.to_string());
    assert_eq!(received[0].1.amount, u(990));
    assert_eq!(received[0].1.msg, msg);
    assert_eq!(
        wasm_attrs(&res, &s.token.addr),
        attrs(&[
            ("action", "send"),
            ("from", alice.as_str()),
            ("to", receiver.as_str()),
            ("amount", "1000"),
            ("burned", "10"),
            ("reason", "transfer_fee"),
            ("height", &height()),
            ("account", alice.as_str()),
        ])
    );
}

#[test]
fn transfer_from_uses_the_full_amount_of_allowance() {
    let s = Suite::new(100);
    let (alice, bob, carol, token) = (&s.alice, &s.bob, &s.carol, &s.token);
    token.increase_allowance(alice, bob, u(3_000)).unwrap();
    let supply = s.supply();
    let res = token.transfer_from(bob, alice, carol, u(2_000)).unwrap();
    assert_eq!(s.balance(alice), ALICE_START - 2_000);
    assert_eq!(s.balance(carol), 1_980);
    assert_eq!(s.balance(bob), BOB_START);
    assert_eq!(s.supply(), supply - 20);
    assert_eq!(token.allowance(alice, bob).unwrap().allowance, u(1_000));
    assert_eq!(
        wasm_attrs(&res, &token.addr),
        attrs(&[
            ("action", "transfer_from"),
            ("from", alice.as_str()),
            ("to", carol.as_str()),
            ("by", bob.as_str()),
            ("amount", "2000"),
            ("burned", "20"),
            ("reason", "transfer_fee"),
            ("height", &height()),
            ("account", alice.as_str()),
        ])
    );
}

#[test]
fn send_from_hook_names_the_spender_and_the_delivered_amount() {
    let s = Suite::new(250);
    let (alice, bob, receiver, token) = (&s.alice, &s.bob, &s.receiver, &s.token);
    token.increase_allowance(alice, bob, u(400)).unwrap();
    let supply = s.supply();
    let msg = to_json_binary(&"x").unwrap();
    let res = token.send_from(bob, alice, receiver, u(400), msg).unwrap();
    // 2.5 % of 400 = 10
    assert_eq!(s.balance(alice), ALICE_START - 400);
    assert_eq!(s.balance(receiver), 390);
    assert_eq!(s.supply(), supply - 10);
    let received = s.received();
    assert_eq!(received[0].1.sender, bob.to_string());
    assert_eq!(received[0].1.amount, u(390));
    assert!(token.allowance(alice, bob).unwrap().allowance.is_zero());
    assert_eq!(
        wasm_attrs(&res, &token.addr),
        attrs(&[
            ("action", "send_from"),
            ("from", alice.as_str()),
            ("to", receiver.as_str()),
            ("by", bob.as_str()),
            ("amount", "400"),
            ("burned", "10"),
            ("reason", "transfer_fee"),
            ("height", &height()),
            ("account", alice.as_str()),
        ])
    );
}

#[test]
fn a_failed_hook_reverts_the_burning_send() {
    let s = Suite::new(100);
    let before = s.snapshot();
    let err = s
        .token
        .send(&s.alice, &s.receiver, u(1_000), FAIL_HOOK.into())
        .unwrap_err();
    assert!(format!("{err:?}").contains("receiver refuses"));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn at_zero_bps_nothing_burns_and_attributes_are_cw20_base_s() {
    let s = Suite::new(0);
    let (alice, bob) = (&s.alice, &s.bob);
    let supply = s.supply();
    let res = s.token.transfer(alice, bob, u(1_000)).unwrap();
    assert_eq!(s.balance(bob), BOB_START + 1_000);
    assert_eq!(s.supply(), supply);
    assert_eq!(
        wasm_attrs(&res, &s.token.addr),
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
    let s = Suite::new(1_000);
    let alice = &s.alice;
    let supply = s.supply();
    s.token.burn(alice, u(100)).unwrap();
    assert_eq!(s.balance(alice), ALICE_START - 100);
    s.token.mint(&s.minter, alice, u(1_000)).unwrap();
    assert_eq!(s.balance(alice), ALICE_START - 100 + 1_000);
    assert_eq!(s.supply(), supply - 100 + 1_000);
}

#[test]
fn owner_updates_the_rate_and_it_applies_from_the_next_transfer() {
    let s = Suite::new(0);
    let (owner, alice, bob, token) = (&s.owner, &s.alice, &s.bob, &s.token);
    assert_eq!(token.transfer_burn().unwrap(), 0);
    let res = token.update_transfer_burn(owner, 1_000).unwrap();
    assert_eq!(
        wasm_attrs(&res, &token.addr),
        attrs(&[
            ("action", "update_transfer_burn"),
            ("previous_bps", "0"),
            ("transfer_burn_bps", "1000"),
        ])
    );
    assert_eq!(token.transfer_burn().unwrap(), 1_000);
    token.transfer(alice, bob, u(1_000)).unwrap();
    assert_eq!(s.balance(bob), BOB_START + 900);
    assert_eq!(s.supply(), ALICE_START + BOB_START - 100);

    token.update_transfer_burn(owner, 0).unwrap();
    token.transfer(alice, bob, u(1_000)).unwrap();
    assert_eq!(s.balance(bob), BOB_START + 1_900);
    assert_eq!(s.supply(), ALICE_START + BOB_START - 100);
}

#[test]
fn supply_always_equals_the_sum_of_balances() {
    let s = Suite::new(137);
    let (alice, bob, carol, receiver) = (&s.alice, &s.bob, &s.carol, &s.receiver);
    s.token.increase_allowance(bob, carol, u(5_000)).unwrap();
    let steps: [(&str, Attempt); 5] = [
        ("transfer", &|s| s.token.transfer(alice, carol, u(777))),
        ("send", &|s| {
            let msg = to_json_binary(&1).unwrap();
            s.token.send(carol, receiver, u(333), msg)
        }),
        ("transfer_from", &|s| {
            s.token.transfer_from(carol, bob, alice, u(1_234))
        }),
        ("send_from", &|s| {
            let msg = to_json_binary(&2).unwrap();
            s.token.send_from(carol, bob, receiver, u(99), msg)
        }),
        ("burn", &|s| s.token.burn(alice, u(5))),
    ];
    for (step, run) in steps {
        run(&s).unwrap();
        let sum: u128 = [alice, bob, carol, receiver]
            .iter()
            .map(|a| s.balance(a))
            .sum();
        assert_eq!(sum, s.supply(), "after {step}");
    }
}
