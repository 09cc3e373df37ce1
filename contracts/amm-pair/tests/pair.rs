//! Behaviour of the pair: LP token creation, deposits (first one locking the minimum, later ones
//! refunding what the share is not worth), swaps in every direction matching the simulations,
//! withdrawals, donations, the TWAP, a transfer-burn token, pause and fee changes.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{Decimal, Decimal256, Timestamp, Uint256};
use poe_amm_pair::msg::{LP_TOKEN_DECIMALS, LP_TOKEN_NAME, LP_TOKEN_SYMBOL};
use poe_math::amm::{scaled_price, PRICE_SCALE};

#[test]
fn instantiation_creates_the_lp_token_minted_only_by_the_pair() {
    let s = Suite::new();
    let info = s.ab.pair_info().unwrap();
    assert_eq!(info.asset_infos, [token_asset(&s.aaa), token_asset(&s.bbb)]);
    assert_eq!(info.contract_addr, s.ab.addr.to_string());
    assert_eq!(info.liquidity_token, s.ab.lp_token.to_string());

    let token = s.ab.lp().token_info().unwrap();
    assert_eq!(token.name, LP_TOKEN_NAME);
    assert_eq!(token.symbol, LP_TOKEN_SYMBOL);
    assert_eq!(token.decimals, LP_TOKEN_DECIMALS);
    assert_eq!(token.total_supply, u(0));
    let minter =
        s.ab.lp()
            .minter()
            .unwrap()
            .expect("the LP token has a minter");
    assert_eq!(minter.minter, s.ab.addr.to_string());
    assert_eq!(minter.cap, None);
    // governance is the LP token's wasm admin
    let data = s.app.borrow().contract_data(&s.ab.lp_token).unwrap();
    assert_eq!(data.admin, Some(s.gov.clone()));

    let config = s.ab.config().unwrap();
    assert_eq!(config.factory, s.factory.to_string());
    assert_eq!(config.total_fee_bps, FEE_BPS);
    assert_eq!(config.protocol_fee_share, protocol_share());
    assert_eq!(config.fee_address, Some(s.treasury.to_string()));
    assert_eq!(config.paused_until, None);
    assert_eq!(
        (config.observation_capacity, config.observation_count),
        (360, 0)
    );
    let ownership = s.ab.ownership().unwrap();
    assert_eq!(ownership.owner, Some(s.gov.to_string()));
    // an empty pool
    assert_eq!(s.reserves(&s.ab), [0, 0]);
    assert!(s.simulate(&s.ab, 0, 1_000).is_err());
}

#[test]
fn the_first_deposit_locks_the_minimum_liquidity_in_the_pair() {
    let s = Suite::new();
    let (alice, ab) = (s.alice.clone(), s.ab.clone());
    let res = s.provide(&alice, &ab, [1_000_000, 4_000_000]).unwrap();
    // sqrt(4e12) = 2,000,000, of which 1,000 locked
    assert_eq!(s.lp_balance(&ab, &alice), 1_999_000);
    assert_eq!(s.lp_balance(&ab, &ab.addr), 1_000);
    assert_eq!(s.lp_supply(&ab), 2_000_000);
    assert_eq!(s.total_share(&ab), 2_000_000);
    assert_eq!(s.reserves(&ab), [1_000_000, 4_000_000]);
    assert_eq!(s.balance(&token_asset(&s.aaa), &ab.addr), 1_000_000);
    assert_eq!(s.balance(&token_asset(&s.bbb), &ab.addr), 4_000_000);
    assert_eq!(s.balance(&token_asset(&s.aaa), &alice), START - 1_000_000);
    assert_eq!(ab.config().unwrap().observation_count, 1);
    // the pull of the cw20 parts, then (in the reply) the deposit itself
    let actions: Vec<_> = wasm_attrs(&res, &ab.addr)
        .into_iter()
        .filter(|(k, _)| k == "action")
        .map(|(_, v)| v)
        .collect();
    assert_eq!(actions, ["collect_deposit", "provide_liquidity"]);
    assert_eq!(attr(&res, &ab.addr, "share"), "1999000");
    assert_eq!(attr(&res, &ab.addr, "locked_share"), "1000");
    assert_eq!(
        attr(&res, &ab.addr, "refunded"),
        format!("0{}, 0{}", s.aaa.addr, s.bbb.addr)
    );
}

#[test]
fn a_later_deposit_takes_only_what_its_share_is_worth() {
    let s = Suite::seeded();
    let (bob, ab) = (s.bob.clone(), s.ab.clone());
    // S = floor(sqrt(2e18)) = 1,414,213,562
    assert_eq!(s.total_share(&ab), 1_414_213_562);
    let res = s
        .provide_with(
            &bob,
            &ab,
            [100_000, 300_000],
            Some(Decimal::percent(50)),
            Some(141_421),
            None,
        )
        .unwrap();
    // share = min(floor(141,421.36), floor(212,132.03)) = 141,421
    // used = ceil(141,421 · 1e9 / S) = 100,000 and ceil(141,421 · 2e9 / S) = 200,000
    assert_eq!(s.lp_balance(&ab, &bob), 141_421);
    assert_eq!(s.reserves(&ab), [1_000_100_000, 2_000_200_000]);
    assert_eq!(s.balance(&token_asset(&s.aaa), &bob), START - 100_000);
    assert_eq!(s.balance(&token_asset(&s.bbb), &bob), START - 200_000);
    assert_eq!(
        attr(&res, &ab.addr, "refunded"),
        format!("0{}, 100000{}", s.aaa.addr, s.bbb.addr)
    );
    // the deposit for a receiver
    let carol = s.carol.clone();
    s.provide_with(
        &bob,
        &ab,
        [1_000_000, 2_000_000],
        None,
        None,
        Some(carol.to_string()),
    )
    .unwrap();
    assert_eq!(s.lp_balance(&ab, &bob), 141_421);
    assert!(s.lp_balance(&ab, &carol) > 1_414_213_562 - 1_000);
}

#[test]
fn a_cw20_swap_pays_what_the_simulation_says_and_the_protocol_fee() {
    let s = Suite::seeded();
    let (alice, ab, treasury) = (s.alice.clone(), s.ab.clone(), s.treasury.clone());
    let sim = s.simulate(&ab, 0, 1_000_000).unwrap();
    // gross = floor(2e9 · 1e6 / 1.001e9) = 1,998,001; commission ceil(5,994.003) = 5,995
    assert_eq!(
        sim,
        SimulationResponse {
            return_amount: u(1_992_006),
            spread_amount: u(1_999),
            commission_amount: u(5_995),
            protocol_fee_amount: u(1_199),
        }
    );
    let res = s
        .swap(&alice, &ab, 0, 1_000_000, &SwapBounds::any_spread())
        .unwrap();
    assert_eq!(s.balance(&token_asset(&s.bbb), &alice), START + 1_992_006);
    assert_eq!(s.balance(&token_asset(&s.aaa), &alice), START - 1_000_000);
    assert_eq!(s.balance(&token_asset(&s.bbb), &treasury), 1_199);
    assert_eq!(
        s.reserves(&ab),
        [1_001_000_000, 2_000_000_000 - 1_992_006 - 1_199]
    );
    assert_eq!(
        s.balance(&token_asset(&s.bbb), &ab.addr),
        2_000_000_000 - 1_992_006 - 1_199
    );
    let attrs = wasm_attrs(&res, &ab.addr);
    for (k, v) in [
        ("action", "swap".to_string()),
        ("sender", alice.to_string()),
        ("receiver", alice.to_string()),
        ("offer_asset", s.aaa.addr.to_string()),
        ("ask_asset", s.bbb.addr.to_string()),
        ("offer_amount", "1000000".to_string()),
        ("return_amount", "1992006".to_string()),
        ("spread_amount", "1999".to_string()),
        ("commission_amount", "5995".to_string()),
        ("protocol_fee_amount", "1199".to_string()),
    ] {
        assert!(attrs.contains(&(k.to_string(), v)), "{k}");
    }
    // k grew
    let r = s.reserves(&ab);
    assert!(r[0] * r[1] > 1_000_000_000u128 * 2_000_000_000);
}

#[test]
fn native_swaps_both_ways_and_to_a_receiver() {
    let s = Suite::seeded();
    let (alice, bob, an, treasury) = (
        s.alice.clone(),
        s.bob.clone(),
        s.an.clone(),
        s.treasury.clone(),
    );
    // native -> cw20, paid to bob
    let sim = s.simulate(&an, 1, 2_000_000).unwrap();
    let bounds = SwapBounds {
        to: Some(bob.to_string()),
        ..SwapBounds::any_spread()
    };
    s.swap(&alice, &an, 1, 2_000_000, &bounds).unwrap();
    assert_eq!(s.balance(&native(DENOM), &alice), START - 2_000_000);
    assert_eq!(
        s.balance(&token_asset(&s.aaa), &bob),
        START + sim.return_amount.u128()
    );
    assert_eq!(
        s.balance(&token_asset(&s.aaa), &treasury),
        sim.protocol_fee_amount.u128()
    );
    // cw20 -> native
    let sim = s.simulate(&an, 0, 3_000_000).unwrap();
    s.swap(&alice, &an, 0, 3_000_000, &SwapBounds::any_spread())
        .unwrap();
    assert_eq!(
        s.balance(&native(DENOM), &alice),
        START - 2_000_000 + sim.return_amount.u128()
    );
    assert_eq!(
        s.balance(&native(DENOM), &treasury),
        sim.protocol_fee_amount.u128()
    );
    let r = s.reserves(&an);
    assert_eq!(s.balance(&native(DENOM), &an.addr), r[1]);
    assert_eq!(s.balance(&token_asset(&s.aaa), &an.addr), r[0]);
}

#[test]
fn a_reverse_simulation_gives_the_smallest_offer_and_execution_matches_it() {
    let s = Suite::seeded();
    let (alice, ab) = (s.alice.clone(), s.ab.clone());
    let rev = s.reverse(&ab, 1, 5_000_000).unwrap();
    assert!(rev.return_amount.u128() >= 5_000_000);
    let less = s.simulate(&ab, 0, rev.offer_amount.u128() - 1).unwrap();
    assert!(less.return_amount.u128() < 5_000_000);
    let before = s.balance(&token_asset(&s.bbb), &alice);
    s.swap(
        &alice,
        &ab,
        0,
        rev.offer_amount.u128(),
        &SwapBounds::any_spread(),
    )
    .unwrap();
    assert_eq!(
        s.balance(&token_asset(&s.bbb), &alice) - before,
        rev.return_amount.u128()
    );
    // an ask beyond the pool's reserve is an error
    assert!(s.reverse(&ab, 1, 2_100_000_000).is_err());
}

#[test]
fn a_withdrawal_burns_the_shares_and_pays_rounded_down() {
    let s = Suite::seeded();
    let (carol, ab) = (s.carol.clone(), s.ab.clone());
    let total = s.total_share(&ab);
    let share = 414_213_562u128;
    let expected = [share * 1_000_000_000 / total, share * 2_000_000_000 / total];
    let res = s.withdraw(&carol, &ab, share, Some(expected)).unwrap();
    assert_eq!(s.lp_balance(&ab, &carol), total - 1_000 - share);
    assert_eq!(s.lp_supply(&ab), total - share);
    assert_eq!(s.total_share(&ab), total - share);
    assert_eq!(
        s.reserves(&ab),
        [1_000_000_000 - expected[0], 2_000_000_000 - expected[1]]
    );
    assert_eq!(
        s.balance(&token_asset(&s.aaa), &carol),
        START - 1_000_000_000 * 2 + expected[0]
    );
    assert_eq!(attr(&res, &ab.addr, "action"), "withdraw_liquidity");
    assert_eq!(attr(&res, &ab.addr, "share"), share.to_string());
    // everything but the locked minimum can leave
    let rest = s.lp_balance(&ab, &carol);
    s.withdraw(&carol, &ab, rest, None).unwrap();
    assert_eq!(s.total_share(&ab), 1_000);
    let r = s.reserves(&ab);
    assert!(r[0] > 0 && r[1] > 0);
    // the LP token counts deposits and withdrawals as liquidity
    let record = ab.lp().supply_record().unwrap();
    assert_eq!(
        record.minted.iter().map(|t| t.reason).collect::<Vec<_>>(),
        vec![poe_interface::token::MintReason::Liquidity]
    );
    assert_eq!(record.total_minted.u128(), total);
    assert_eq!(
        record.burned,
        vec![poe_interface::token::BurnTotal {
            reason: poe_interface::token::BurnReason::Liquidity,
            amount: cosmwasm_std::Uint128::new(total - 1_000),
        }]
    );
}

#[test]
fn donations_move_neither_the_price_nor_the_share_value() {
    let s = Suite::seeded();
    let (alice, bob, ab) = (s.alice.clone(), s.bob.clone(), s.ab.clone());
    let sim = s.simulate(&ab, 0, 1_000_000).unwrap();
    let reserves = s.reserves(&ab);
    // a donation of AAA straight to the pair
    s.aaa.transfer(&alice, &ab.addr, u(500_000_000)).unwrap();
    assert_eq!(s.reserves(&ab), reserves);
    assert_eq!(s.simulate(&ab, 0, 1_000_000).unwrap(), sim);
    // a depositor gets the same share as without the donation
    s.provide(&bob, &ab, [1_000_000, 2_000_000]).unwrap();
    assert_eq!(s.lp_balance(&ab, &bob), 1_414_213);
    assert!(s.balance(&token_asset(&s.aaa), &ab.addr) > s.reserves(&ab)[0]);
}

#[test]
fn the_twap_averages_the_price_over_the_window_and_refuses_uncovered_windows() {
    let s = Suite::new();
    let (alice, carol, ab) = (s.alice.clone(), s.carol.clone(), s.ab.clone());
    // nothing observed yet
    let err = ab.twap(10).unwrap_err().to_string();
    assert!(err.contains("observations cover the last 0 s"), "{err}");
    let t0 = s.now();
    s.provide(&carol, &ab, [1_000_000_000, 2_000_000_000])
        .unwrap();
    s.advance(100, 1);
    // price 2 for 100 s, then a swap moves it
    s.swap(&alice, &ab, 0, 1_000_000_000, &SwapBounds::any_spread())
        .unwrap();
    let r = s.reserves(&ab);
    let p0 = scaled_price(u(r[0]), u(r[1])).unwrap();
    let p1 = scaled_price(u(r[1]), u(r[0])).unwrap();
    s.advance(300, 1);
    assert_eq!(s.now(), t0 + 400);
    let two = Uint256::from(2 * PRICE_SCALE);
    let half = Uint256::from(PRICE_SCALE / 2);
    let avg = |a: Uint256, b: Uint256, secs_a: u64, secs_b: u64| {
        Decimal256::new(
            (a * Uint256::from(secs_a) + b * Uint256::from(secs_b))
                / Uint256::from(secs_a + secs_b),
        )
    };
    // the whole history
    let t = ab.twap(400).unwrap();
    assert_eq!((t.start, t.end, t.window_seconds), (t0, t0 + 400, 400));
    assert_eq!(t.price0_average, avg(two, p0, 100, 300));
    assert_eq!(t.price1_average, avg(half, p1, 100, 300));
    // a window starting between the two observations (interpolated exactly)
    let t = ab.twap(350).unwrap();
    assert_eq!(t.price0_average, avg(two, p0, 50, 300));
    // a window after the last observation: the current price
    let t = ab.twap(300).unwrap();
    assert_eq!(t.price0_average, Decimal256::new(p0));
    assert_eq!(t.price1_average, Decimal256::new(p1));
    let t = ab.twap(7).unwrap();
    assert_eq!(t.price0_average, Decimal256::new(p0));
    // older than the first observation, or empty
    let err = ab.twap(401).unwrap_err().to_string();
    assert!(
        err.contains("TWAP window of 401 s is not covered: observations cover the last 400 s"),
        "{err}"
    );
    let err = ab.twap(0).unwrap_err().to_string();
    assert!(err.contains("at least one second"), "{err}");
    // the cumulative prices brought up to now
    let c = ab.cumulative_prices().unwrap();
    assert_eq!(c.block_time, t0 + 400);
    assert_eq!(
        c.price0_cumulative,
        two * Uint256::from(100u64) + p0 * Uint256::from(300u64)
    );
}

#[test]
fn prices_accrue_once_per_block_with_the_reserves_before_its_first_action() {
    let s = Suite::seeded();
    let (alice, bob, ab) = (s.alice.clone(), s.bob.clone(), s.ab.clone());
    let before = ab.cumulative_prices().unwrap();
    let count = ab.config().unwrap().observation_count;
    // two swaps in one block
    s.swap(&alice, &ab, 0, 50_000_000, &SwapBounds::any_spread())
        .unwrap();
    s.swap(&bob, &ab, 0, 70_000_000, &SwapBounds::any_spread())
        .unwrap();
    assert_eq!(ab.config().unwrap().observation_count, count + 1);
    // what accrued is the price before the first swap (2) for the 5 s since the seed
    let after = ab.cumulative_prices().unwrap();
    assert_eq!(
        after.price0_cumulative,
        before.price0_cumulative // already brought to now by the query
    );
    assert_eq!(
        after.price0_cumulative,
        Uint256::from(2 * PRICE_SCALE) * Uint256::from(5u64)
    );
    // the next block accrues the price left by the second swap
    let r = s.reserves(&ab);
    s.advance(10, 1);
    let later = ab.cumulative_prices().unwrap();
    assert_eq!(
        later.price0_cumulative,
        after.price0_cumulative + scaled_price(u(r[0]), u(r[1])).unwrap() * Uint256::from(10u64)
    );
}

#[test]
fn the_observation_ring_keeps_the_newest_and_the_covered_window_moves() {
    let s = Suite::with_capacity(3);
    let (alice, carol, ab) = (s.alice.clone(), s.carol.clone(), s.ab.clone());
    let t0 = s.now();
    s.provide(&carol, &ab, [1_000_000_000, 1_000_000_000])
        .unwrap();
    for _ in 0..4 {
        s.advance(10, 1);
        s.swap(&alice, &ab, 0, 1_000_000, &SwapBounds::any_spread())
            .unwrap();
    }
    // observations at t0, +10, +20, +30, +40: the ring keeps the last three, the oldest (+20)
    // with its constant-price stretch from +10
    assert_eq!(ab.config().unwrap().observation_count, 3);
    s.advance(5, 1);
    let t = ab.twap(35).unwrap();
    assert_eq!(t.start, t0 + 10);
    let err = ab.twap(36).unwrap_err().to_string();
    assert!(
        err.contains("observations cover the last 35 s"),
        "{err} (now {}, t0 {t0})",
        s.now()
    );
}

/// The cumulative (scaled price x seconds) at `x`, by hand from the price history: each entry is
/// the time of a block's action and the price it left, in force until the next entry.
fn cumulative_by_hand(history: &[(u64, [Uint256; 2])], x: u64) -> [Uint256; 2] {
    let mut c = [Uint256::zero(); 2];
    for (i, (t, prices)) in history.iter().enumerate() {
        let next = history.get(i + 1).map_or(u64::MAX, |(t, _)| *t);
        let end = next.min(x);
        if end > *t {
            for k in 0..2 {
                c[k] += prices[k] * Uint256::from(end - t);
            }
        }
    }
    c
}

/// A dust swap in each of `blocks` blocks, 5 s apart, after a first deposit at `t0`; the price
/// history by hand (from the reserves after each action).
fn dust_swap_per_block(s: &mut Suite, blocks: u64) -> (u64, Vec<(u64, [Uint256; 2])>) {
    let (alice, carol, ab) = (s.alice.clone(), s.carol.clone(), s.ab.clone());
    let prices = |s: &Suite| {
        let r = s.reserves(&ab);
        [
            scaled_price(u(r[0]), u(r[1])).unwrap(),
            scaled_price(u(r[1]), u(r[0])).unwrap(),
        ]
    };
    let t0 = s.now();
    s.provide(&carol, &ab, [1_000_000_000_000, 2_000_000_000_000])
        .unwrap();
    let mut history = vec![(t0, prices(s))];
    for i in 0..blocks {
        s.advance(5, 1);
        // alternately sell a little AAA and a little BBB: the price moves every block
        let offer = (i % 2) as usize;
        s.swap(
            &alice,
            &ab,
            offer,
            1_000 + u128::from(i),
            &SwapBounds::any_spread(),
        )
        .unwrap();
        history.push((s.now(), prices(s)));
    }
    (t0, history)
}

fn average_by_hand(history: &[(u64, [Uint256; 2])], start: u64, end: u64) -> [Decimal256; 2] {
    let (a, b) = (
        cumulative_by_hand(history, start),
        cumulative_by_hand(history, end),
    );
    [0, 1].map(|k| Decimal256::new((b[k] - a[k]) / Uint256::from(end - start)))
}

#[test]
fn a_dust_swap_per_block_cannot_flush_the_ring_and_the_hour_twap_is_exact() {
    // 360 observations at least 300 s apart (the factory's defaults): 30 hours of cover
    let mut s = Suite::with_ring(360, 300);
    let ab = s.ab.clone();
    let (t0, history) = dust_swap_per_block(&mut s, 900);
    s.advance(7, 1);
    let now = s.now();
    assert_eq!(now, t0 + 4_507);
    // the hour: now - 3600 = t0 + 907 falls between the observation at t0 + 900 and the stretch
    // of the next one (t0 + 1195 ..= t0 + 1200), so the average starts at t0 + 900: 3607 s, never
    // fewer than asked
    let t = ab.twap(3_600).unwrap();
    assert_eq!((t.start, t.end, t.window_seconds), (t0 + 900, now, 3_600));
    let [p0, p1] = average_by_hand(&history, t0 + 900, now);
    assert_eq!((t.price0_average, t.price1_average), (p0, p1));

    // 900 blocks with activity, but observations only at t0 and every 300 s after: 16, not 360
    // (one per block would have kept the last 360 blocks = 30 minutes, and refused the hour)
    assert_eq!(ab.config().unwrap().observation_count, 16);
    assert_eq!(ab.config().unwrap().observation_interval_seconds, 300);

    // a window starting inside an observation's constant stretch is exact where asked
    let t = ab.twap(now - (t0 + 1_198)).unwrap();
    assert_eq!(t.start, t0 + 1_198);
    let [p0, p1] = average_by_hand(&history, t0 + 1_198, now);
    assert_eq!((t.price0_average, t.price1_average), (p0, p1));

    // and so is one starting after the last update (the current price)
    let t = ab.twap(5).unwrap();
    assert_eq!(t.start, now - 5);
    assert_eq!(
        t.price0_average,
        Decimal256::new(history.last().unwrap().1[0])
    );

    // the cumulative prices, by hand
    let c = ab.cumulative_prices().unwrap();
    let by_hand = cumulative_by_hand(&history, now);
    assert_eq!([c.price0_cumulative, c.price1_cumulative], by_hand);

    // the whole history is covered, one second more is not
    let t = ab.twap(4_507).unwrap();
    assert_eq!(t.start, t0);
    let err = ab.twap(4_508).unwrap_err().to_string();
    assert!(
        err.contains("TWAP window of 4508 s is not covered: observations cover the last 4507 s"),
        "{err}"
    );
}

#[test]
fn a_window_longer_than_the_full_ring_covers_is_refused() {
    // 4 observations at least 60 s apart; 200 blocks 5 s apart with a dust swap each
    let mut s = Suite::with_ring(4, 60);
    let ab = s.ab.clone();
    let (t0, history) = dust_swap_per_block(&mut s, 200);
    assert_eq!(s.now(), t0 + 1_000);
    // observations at t0 + 60k up to t0 + 960; the ring keeps t0 + 780, 840, 900, 960, the
    // oldest with its constant stretch from t0 + 775: 225 s covered
    assert_eq!(ab.config().unwrap().observation_count, 4);
    let before = s.snapshot();
    let err = ab.twap(3_600).unwrap_err().to_string();
    let expected = ContractError::WindowNotCovered {
        window_seconds: 3_600,
        covered_seconds: 225,
    }
    .to_string();
    assert_eq!(
        expected,
        "TWAP window of 3600 s is not covered: observations cover the last 225 s"
    );
    assert!(err.contains(&expected), "{err}");
    let err = ab.twap(226).unwrap_err().to_string();
    assert!(
        err.contains("TWAP window of 226 s is not covered: observations cover the last 225 s"),
        "{err}"
    );
    assert_eq!(s.snapshot(), before);
    let t = ab.twap(225).unwrap();
    assert_eq!(t.start, t0 + 775);
    let [p0, p1] = average_by_hand(&history, t0 + 775, t0 + 1_000);
    assert_eq!((t.price0_average, t.price1_average), (p0, p1));
}

#[test]
fn a_transfer_burn_token_is_measured_on_arrival() {
    let s = Suite::new();
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    let brn = s.brn.clone();
    let pair = s
        .create_pair([token_asset(&brn), token_asset(&s.aaa)], 360)
        .unwrap();
    // 2 % of the pulled 1,000,000 BRN burns: 980,000 arrive
    s.provide(&alice, &pair, [1_000_000, 1_000_000]).unwrap();
    assert_eq!(s.reserves(&pair), [980_000, 1_000_000]);
    assert_eq!(s.cw20_balance(&brn, &pair.addr), 980_000);
    // a swap credits what the Send delivered
    let delivered_sim = s.simulate(&pair, 0, 98_000).unwrap();
    s.swap(&bob, &pair, 0, 100_000, &SwapBounds::any_spread())
        .unwrap();
    assert_eq!(s.reserves(&pair)[0], 1_078_000);
    assert_eq!(
        s.balance(&token_asset(&s.aaa), &bob),
        START + delivered_sim.return_amount.u128()
    );
    // paying BRN out: the pair's balance falls by the full amount, the receiver gets 98 %
    s.swap(&bob, &pair, 1, 50_000, &SwapBounds::any_spread())
        .unwrap();
    let r = s.reserves(&pair);
    assert!(s.cw20_balance(&brn, &pair.addr) >= r[0]);
    // a later deposit with the burn: the share follows what arrived, the excess is refunded
    s.provide(&bob, &pair, [100_000, 100_000]).unwrap();
    let r = s.reserves(&pair);
    assert!(s.cw20_balance(&brn, &pair.addr) >= r[0]);
    assert!(s.cw20_balance(&s.aaa.clone(), &pair.addr) >= r[1]);
    let share = s.lp_balance(&pair, &alice);
    s.withdraw(&alice, &pair, share, None).unwrap();
    let r = s.reserves(&pair);
    assert!(s.cw20_balance(&brn, &pair.addr) >= r[0]);
    assert!(s.cw20_balance(&s.aaa.clone(), &pair.addr) >= r[1]);
}

#[test]
fn a_paused_pair_refuses_swaps_and_deposits_but_lets_providers_leave() {
    let mut s = Suite::seeded();
    let (gov, alice, carol, ab) = (
        s.gov.clone(),
        s.alice.clone(),
        s.carol.clone(),
        s.ab.clone(),
    );
    let res = ab
        .execute(&gov, &ExecuteMsg::Pause { until: None })
        .unwrap();
    assert_eq!(attr(&res, &ab.addr, "until"), "indefinite");
    let forever = Timestamp::from_nanos(u64::MAX);
    assert_eq!(ab.config().unwrap().paused_until, Some(forever));
    let status = ab.pause_status().unwrap();
    assert_eq!(
        status,
        poe_interface::pause::PauseStatusResponse {
            paused: true,
            paused_until: Some(forever),
            indefinite: true
        }
    );
    s.assert_rejected(
        ContractError::Pause(PauseError::Paused { until: forever }),
        |s| s.swap(&alice, &ab, 0, 1_000, &SwapBounds::any_spread()),
    );
    s.assert_rejected(
        ContractError::Pause(PauseError::Paused { until: forever }),
        |s| s.provide(&alice, &ab, [1_000, 2_000]),
    );
    s.withdraw(&carol, &ab, 1_000_000, None).unwrap();
    ab.execute(&gov, &ExecuteMsg::Unpause {}).unwrap();
    s.swap(&alice, &ab, 0, 1_000, &SwapBounds::any_spread())
        .unwrap();
    // a timed pause ends by itself
    let until = Timestamp::from_seconds(s.now() + 100);
    ab.execute(&gov, &ExecuteMsg::Pause { until: Some(until) })
        .unwrap();
    s.assert_rejected(ContractError::Pause(PauseError::Paused { until }), |s| {
        s.swap(&alice, &ab, 0, 1_000, &SwapBounds::any_spread())
    });
    s.advance(100, 1);
    assert_eq!(ab.config().unwrap().paused_until, None);
    s.swap(&alice, &ab, 0, 1_000, &SwapBounds::any_spread())
        .unwrap();
    s.assert_rejected(ContractError::Pause(PauseError::NotPaused), |_| {
        ab.execute(&gov, &ExecuteMsg::Unpause {})
    });
}

#[test]
fn the_owner_sets_the_fees() {
    let s = Suite::seeded();
    let (gov, alice, bob, ab) = (s.gov.clone(), s.alice.clone(), s.bob.clone(), s.ab.clone());
    let res = ab
        .execute(
            &gov,
            &ExecuteMsg::UpdateConfig {
                total_fee_bps: Some(100),
                protocol_fee_share: Some(Decimal::percent(50)),
                fee_address: Some(bob.to_string()),
            },
        )
        .unwrap();
    assert_eq!(attr(&res, &ab.addr, "total_fee_bps"), "100");
    let sim = s.simulate(&ab, 0, 1_000_000).unwrap();
    // gross 1,998,001; commission ceil(19,980.01) = 19,981; protocol floor(9,990.5) = 9,990
    assert_eq!(sim.commission_amount, u(19_981));
    assert_eq!(sim.protocol_fee_amount, u(9_990));
    s.swap(&alice, &ab, 0, 1_000_000, &SwapBounds::any_spread())
        .unwrap();
    assert_eq!(s.balance(&token_asset(&s.bbb), &bob), START + 9_990);
    // no protocol share: everything stays in the pool
    ab.execute(
        &gov,
        &ExecuteMsg::UpdateConfig {
            total_fee_bps: None,
            protocol_fee_share: Some(Decimal::zero()),
            fee_address: None,
        },
    )
    .unwrap();
    let sim = s.simulate(&ab, 0, 1_000_000).unwrap();
    assert_eq!(sim.protocol_fee_amount, u(0));
    s.swap(&alice, &ab, 0, 1_000_000, &SwapBounds::any_spread())
        .unwrap();
    assert_eq!(s.balance(&token_asset(&s.bbb), &bob), START + 9_990);
}

#[test]
fn the_spread_bounds_pass_when_met() {
    let s = Suite::seeded();
    let (alice, ab) = (s.alice.clone(), s.ab.clone());
    // a small swap passes the default 0.5 % bound
    s.swap(&alice, &ab, 0, 1_000_000, &SwapBounds::default())
        .unwrap();
    // a belief price the pool beats, a minimum it meets, a deadline not yet passed
    let sim = s.simulate(&ab, 0, 1_000_000).unwrap();
    let bounds = SwapBounds {
        belief_price: Some(Decimal::percent(50)),
        max_spread: Some(Decimal::percent(1)),
        minimum_receive: Some(sim.return_amount),
        to: None,
        deadline: Some(s.now()),
    };
    s.swap(&alice, &ab, 0, 1_000_000, &bounds).unwrap();
}

#[test]
fn a_native_native_pair_works_without_any_cw20() {
    let s = Suite::new();
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    let pair = s
        .create_pair([native(DENOM), native(OTHER_DENOM)], 10)
        .unwrap();
    // no pull, no reply: one response
    let res = s.provide(&alice, &pair, [9_000_000, 4_000_000]).unwrap();
    assert_eq!(attr(&res, &pair.addr, "action"), "provide_liquidity");
    assert_eq!(s.lp_balance(&pair, &alice), 6_000_000 - 1_000);
    let sim = s.simulate(&pair, 1, 40_000).unwrap();
    s.swap(&bob, &pair, 1, 40_000, &SwapBounds::any_spread())
        .unwrap();
    assert_eq!(
        s.balance(&native(DENOM), &bob),
        START + sim.return_amount.u128()
    );
    s.withdraw(&alice, &pair, 1_000_000, None).unwrap();
    let r = s.reserves(&pair);
    assert_eq!(s.balance(&native(DENOM), &pair.addr), r[0]);
    assert_eq!(s.balance(&native(OTHER_DENOM), &pair.addr), r[1]);
}
