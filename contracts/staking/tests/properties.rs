//! Seeded property test: random sequences of stakes, unstakes, claims, reward claims, fundings,
//! tier changes and time/blocks passing, by four stakers on the four pools (GEN 10, AUR 5, NEX 3,
//! FLX 1; NEX is both staked and paid as a reward). After every step:
//!
//! - per pool: the positions add up to the pool's total stake, the claims to its unbonding total;
//! - per token: the contract's balance is exactly stake + unbonding (pools staking it) plus
//!   funded - paid (pools paying it): stake and reward balances are kept apart;
//! - per staker and token: wallet + staked + unbonding - rewards received is what it started with;
//! - per pool: rewards paid (counted from the responses) equal the pool's `total_rewards_paid`,
//!   and paid + pending + unreleased <= funded;
//! - voting power: the stakers' powers add up to the total power, and the power of every height
//!   already seen (the previous block and the current one) never changes afterwards;
//! - a rejected message changes nothing.
//!
//! Fixed seed and case count; no failure persistence (a failure prints the seed and the ops).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;

use common::*;
use cosmwasm_std::{Addr, Decimal};
use cw_multi_test::AppResponse;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

#[derive(Debug, Clone)]
enum Op {
    Stake {
        user: usize,
        pool: usize,
        amount: u128,
    },
    /// `pick` chooses among the positions with stake (three times in four), else any pair.
    Unstake {
        pick: usize,
        percent: u128,
    },
    /// `pick` chooses among the pairs with claims (three times in four), else any pair.
    Claim {
        pick: usize,
    },
    /// `pick` chooses among the positions (three times in four), else any pair.
    ClaimRewards {
        pick: usize,
    },
    Fund {
        pool: usize,
        amount: u128,
        duration: u64,
    },
    Advance {
        seconds: u64,
        blocks: u64,
    },
    SetTier {
        pool: usize,
        tier: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    let user = 0..4usize;
    let pool = 0..4usize;
    prop_oneof![
        5 => (user, pool.clone(), 0u128..3_000).prop_map(|(user, pool, amount)| Op::Stake { user, pool, amount }),
        4 => (0..64usize, 0u128..=100).prop_map(|(pick, percent)| Op::Unstake { pick, percent }),
        3 => (0..64usize).prop_map(|pick| Op::Claim { pick }),
        4 => (0..64usize).prop_map(|pick| Op::ClaimRewards { pick }),
        3 => (pool.clone(), 1u128..100_000, 1u64..300).prop_map(|(pool, amount, duration)| Op::Fund { pool, amount, duration }),
        4 => (0u64..500, 0u64..3).prop_map(|(seconds, blocks)| Op::Advance { seconds, blocks }),
        1 => (pool, 0u64..20).prop_map(|(pool, tier)| Op::SetTier { pool, tier }),
    ]
}

/// What the test counts itself, to compare with the contract.
struct Model {
    /// Per pool: rewards paid, from the `claim_rewards` responses.
    paid: [u128; 4],
    /// Per pool: rewards funded.
    funded: [u128; 4],
    /// Per (user, token index in `tokens()`): rewards received in that token.
    received: [[u128; 4]; 4],
    /// Per height already seen: every user's power and the total.
    powers: BTreeMap<u64, (Vec<u128>, u128)>,
}

fn amount_attr(res: &AppResponse, staking: &Addr) -> u128 {
    wasm_attrs(res, staking)
        .into_iter()
        .find(|(k, _)| k == "amount")
        .map(|(_, v)| v.parse().expect("amount"))
        .expect("amount attribute")
}

/// A (user, pool) pair: three times in four one of those `wanted` says yes to (given the
/// position and whether it has claims), when there is one; else any pair.
fn choose(
    s: &Suite,
    pick: usize,
    wanted: impl Fn(&PositionResponse, bool) -> bool,
) -> (usize, usize) {
    let (users, pools) = (s.users(), s.pool_tokens());
    let mut candidates = vec![];
    for (i, user) in users.iter().enumerate() {
        for (p, token) in pools.iter().enumerate() {
            let has_claims = !s.staking.claims(user, token).unwrap().claims.is_empty();
            if wanted(&s.staking.position(user, token).unwrap(), has_claims) {
                candidates.push((i, p));
            }
        }
    }
    if pick < 48 && !candidates.is_empty() {
        candidates[pick % candidates.len()]
    } else {
        (pick % 4, (pick / 4) % 4)
    }
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let s = Suite::new();
    let users = s.users();
    let pools = s.pool_tokens();
    // pool index -> reward token's pool index (GEN, AUR, NEX pay NEX; FLX pays FLX)
    let reward_of = [2usize, 2, 2, 3];
    let staking = &s.staking;
    let mut m = Model {
        paid: [0; 4],
        funded: [0; 4],
        received: [[0; 4]; 4],
        powers: BTreeMap::new(),
    };

    for op in ops {
        let before = s.snapshot();
        let result = match &op {
            Op::Stake { user, pool, amount } => {
                staking.stake(&pools[*pool], &users[*user], u(*amount))
            }
            Op::Unstake { pick, percent } => {
                let (user, pool) = choose(&s, *pick, |p, _| !p.staked.is_zero());
                let staked = staking
                    .position(&users[user], &pools[pool])
                    .unwrap()
                    .staked
                    .u128();
                staking.unstake(&pools[pool], &users[user], u(staked * percent / 100))
            }
            Op::Claim { pick } => {
                let (user, pool) = choose(&s, *pick, |_, claims| claims);
                staking.claim(&pools[pool], &users[user])
            }
            Op::ClaimRewards { pick } => {
                let (user, pool) = choose(&s, *pick, |p, _| !p.staked.is_zero());
                let res = staking.claim_rewards(&pools[pool], &users[user]);
                if let Ok(res) = &res {
                    let amount = amount_attr(res, &staking.addr);
                    m.paid[pool] += amount;
                    m.received[user][reward_of[pool]] += amount;
                }
                res
            }
            Op::Fund {
                pool,
                amount,
                duration,
            } => {
                let reward = &pools[reward_of[*pool]];
                let res = staking.fund(reward, &s.funder, &pools[*pool], u(*amount), *duration);
                if res.is_ok() {
                    m.funded[*pool] += amount;
                }
                res
            }
            Op::Advance { seconds, blocks } => {
                s.advance(*seconds, *blocks);
                Ok(AppResponse::default())
            }
            Op::SetTier { pool, tier } => {
                let tier = Decimal::from_atomics(*tier, 0).expect("tier");
                staking.update_pool(&s.owner, &pools[*pool].addr, None, None, None, Some(tier))
            }
        };
        if let Err(err) = result {
            // the contract's own refusals only, but for a zero `Send`, which the token refuses
            if !matches!(op, Op::Stake { amount: 0, .. }) {
                contract_err(&err);
            }
            prop_assert_eq!(
                &s.snapshot(),
                &before,
                "state changed by a rejected {:?}",
                op
            );
        }
        check(&s, &mut m)?;
    }
    Ok(())
}

fn check(s: &Suite, m: &mut Model) -> Result<(), TestCaseError> {
    let users = s.users();
    let pools = s.pool_tokens();
    let reward_of = [2usize, 2, 2, 3];
    let mut expected_balance = [0u128; 4];
    let mut user_locked = [[0u128; 4]; 4];
    for (p, token) in pools.iter().enumerate() {
        let pool = s.staking.pool(token).unwrap();
        let mut staked_sum = 0u128;
        let mut unbonding_sum = 0u128;
        let mut pending_sum = 0u128;
        for (i, user) in users.iter().enumerate() {
            let pos = s.staking.position(user, token).unwrap();
            let claims: u128 = (s.staking.claims(user, token).unwrap().claims)
                .iter()
                .map(|c| c.amount.u128())
                .sum();
            staked_sum += pos.staked.u128();
            unbonding_sum += claims;
            pending_sum += pos.pending_rewards.u128();
            user_locked[i][p] += pos.staked.u128() + claims;
        }
        prop_assert_eq!(
            staked_sum,
            pool.total_staked.u128(),
            "positions of pool {}",
            p
        );
        prop_assert_eq!(
            unbonding_sum,
            pool.total_unbonding.u128(),
            "claims of pool {}",
            p
        );
        prop_assert_eq!(pool.total_rewards_paid.u128(), m.paid[p]);
        prop_assert_eq!(pool.total_funded.u128(), m.funded[p]);
        prop_assert!(
            m.paid[p] + pending_sum + pool.reward_remaining.u128() <= m.funded[p],
            "pool {}: paid {} + pending {} + remaining {} > funded {}",
            p,
            m.paid[p],
            pending_sum,
            pool.reward_remaining,
            m.funded[p]
        );
        expected_balance[p] += pool.total_staked.u128() + pool.total_unbonding.u128();
        expected_balance[reward_of[p]] += m.funded[p] - m.paid[p];
    }
    for (t, token) in pools.iter().enumerate() {
        prop_assert_eq!(
            s.balance(token, &s.staking.addr),
            expected_balance[t],
            "contract balance of token {}",
            t
        );
        for (i, user) in users.iter().enumerate() {
            prop_assert_eq!(
                s.balance(token, user) + user_locked[i][t] - m.received[i][t],
                START,
                "conservation for user {} token {}",
                i,
                t
            );
        }
    }

    // voting power: record the previous and the current height, then re-read every height seen
    let h = s.height();
    for height in [h - 1, h] {
        if let std::collections::btree_map::Entry::Vacant(entry) = m.powers.entry(height) {
            let each: Vec<u128> = users.iter().map(|u| s.power(u, Some(height))).collect();
            let total = s.total_power(Some(height));
            // integer tiers: the floor of the sum is the sum of the floors
            prop_assert_eq!(each.iter().sum::<u128>(), total, "height {}", height);
            entry.insert((each, total));
        }
    }
    for (height, (each, total)) in &m.powers {
        for (i, user) in users.iter().enumerate() {
            prop_assert_eq!(
                s.power(user, Some(*height)),
                each[i],
                "user {} at {}",
                i,
                height
            );
        }
        prop_assert_eq!(s.total_power(Some(*height)), *total, "total at {}", height);
    }
    Ok(())
}

proptest! {
    #![proptest_config(Config {
        cases: 24,
        rng_seed: RngSeed::Fixed(0x5EED_05A6),
        failure_persistence: None,
        ..Config::default()
    })]

    #[test]
    fn invariants_hold_after_every_step(ops in proptest::collection::vec(op(), 16..64)) {
        run(ops)?;
    }
}

/// Every stream eventually pays out what it was funded, but for the dust of rounding (at most
/// one base unit per staker settlement), once everyone claims after the streams end.
#[test]
fn streams_pay_out_everything_but_dust() {
    let s = Suite::new();
    let (gen, staking) = (&s.gen, &s.staking);
    let users = s.users();
    for (i, user) in users.iter().enumerate() {
        staking
            .stake(gen, user, u(1_000 + 337 * i as u128))
            .unwrap();
    }
    staking
        .fund(&s.nex, &s.funder, gen, u(1_000_003), 97)
        .unwrap();
    for step in 0..20u64 {
        s.advance(7, 1);
        let who = &users[(step % 4) as usize];
        let _ = staking.claim_rewards(gen, who);
    }
    for user in &users {
        let _ = staking.claim_rewards(gen, user);
    }
    let pool = staking.pool(gen).unwrap();
    let paid = pool.total_rewards_paid.u128();
    assert!(paid <= 1_000_003);
    assert!(1_000_003 - paid <= 4 * 21, "lost {}", 1_000_003 - paid);
}
