//! Staking math: linear reward streams, the reward-per-share accumulator and tier-weighted voting
//! power (seed 003 "staking pools", seed 000 tier multipliers GEN 10, AUR 5, NEX 3, FLX 1).
//!
//! Rounding always goes against the staker: what a stream releases and what a staker accrues are
//! rounded down, and what leaves the stream for the accumulator is rounded up, so the sum of what
//! stakers can ever claim never exceeds what was funded.

use cosmwasm_std::{Decimal, Decimal256, OverflowError, OverflowOperation, Uint128, Uint256};

use crate::MathError;

/// What a linear stream releases between `last_update` and `now` (seconds): `remaining` is what it
/// has not released yet at `last_update`, to be released evenly until `period_finish`.
///
/// `floor(remaining * (min(now, finish) - last_update) / (finish - last_update))`, and exactly
/// `remaining` once `now >= period_finish`, so a stream always releases its whole amount by its
/// end, whatever the number of updates. Zero when `now <= last_update` or the stream had already
/// ended at `last_update`.
pub fn stream_release(
    remaining: Uint128,
    last_update: u64,
    period_finish: u64,
    now: u64,
) -> Result<Uint128, MathError> {
    if now <= last_update || period_finish <= last_update || remaining.is_zero() {
        return Ok(Uint128::zero());
    }
    if now >= period_finish {
        return Ok(remaining);
    }
    let elapsed = now - last_update;
    let left = period_finish - last_update;
    Ok(remaining.checked_multiply_ratio(elapsed, left)?)
}

/// What `released` reward units add to the reward per staked unit when `total_staked` units share
/// them, and how much of `released` this increment accounts for.
///
/// Returns `(increment, used)` with `increment = floor18(released / total_staked)` (Decimal256,
/// 18 decimals) and `used = ceil(increment * total_staked) <= released`. The caller takes only
/// `used` out of the stream: the dust `released - used` stays in it and is released later, so
/// rounding loses nothing. `(0, 0)` when `total_staked` is zero.
pub fn reward_per_share_increment(
    released: Uint128,
    total_staked: Uint128,
) -> Result<(Decimal256, Uint128), MathError> {
    if total_staked.is_zero() || released.is_zero() {
        return Ok((Decimal256::zero(), Uint128::zero()));
    }
    let increment = Decimal256::checked_from_ratio(released, total_staked)?;
    let used = Uint256::from(total_staked).checked_mul_ceil(increment)?;
    // increment <= released / total_staked, so used <= released
    let used = to_uint128(used)?.min(released);
    Ok((increment, used))
}

/// What a staker of `staked` units accrued since the accumulator stood at `paid_per_share`:
/// `floor(staked * (reward_per_share - paid_per_share))`. Zero if the accumulator has not moved.
pub fn accrued(
    staked: Uint128,
    reward_per_share: Decimal256,
    paid_per_share: Decimal256,
) -> Result<Uint128, MathError> {
    let delta = reward_per_share.checked_sub(paid_per_share)?;
    if delta.is_zero() || staked.is_zero() {
        return Ok(Uint128::zero());
    }
    to_uint128(Uint256::from(staked).checked_mul_floor(delta)?)
}

/// Tier-weighted voting power `floor(sum_i tier_i * staked_i)` (seed 000 tier multipliers),
/// summed exactly and rounded down once at the end.
///
/// Errors: `Overflow` when the sum does not fit in `Uint128`.
pub fn weighted_power(
    positions: impl IntoIterator<Item = (Uint128, Decimal)>,
) -> Result<Uint128, MathError> {
    let mut atomics = Uint256::zero();
    for (staked, tier) in positions {
        let term = Uint256::from(staked).checked_mul(Uint256::from(tier.atomics()))?;
        atomics = atomics.checked_add(term)?;
    }
    let one = Uint256::from(Decimal::one().atomics());
    to_uint128(atomics.checked_div(one).map_err(|_| overflow())?)
}

/// The stream's current rate, reward units per second: `remaining / (finish - max(now, last))`,
/// zero once it has ended.
pub fn stream_rate(remaining: Uint128, last_update: u64, period_finish: u64, now: u64) -> Decimal {
    let from = now.max(last_update);
    if period_finish <= from || remaining.is_zero() {
        return Decimal::zero();
    }
    Decimal::checked_from_ratio(remaining, period_finish - from).unwrap_or(Decimal::MAX)
}

fn overflow() -> MathError {
    MathError::Overflow(OverflowError::new(OverflowOperation::Mul))
}

fn to_uint128(value: Uint256) -> Result<Uint128, MathError> {
    Uint128::try_from(value).map_err(|_| overflow())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    fn u(n: u128) -> Uint128 {
        Uint128::new(n)
    }

    #[test]
    fn streams_release_linearly_and_completely() {
        // 1,000 over [100, 200)
        assert_eq!(stream_release(u(1_000), 100, 200, 100).unwrap(), u(0));
        assert_eq!(stream_release(u(1_000), 100, 200, 50).unwrap(), u(0));
        assert_eq!(stream_release(u(1_000), 100, 200, 110).unwrap(), u(100));
        assert_eq!(stream_release(u(1_000), 100, 200, 199).unwrap(), u(990));
        assert_eq!(stream_release(u(1_000), 100, 200, 200).unwrap(), u(1_000));
        assert_eq!(
            stream_release(u(1_000), 100, 200, 10_000).unwrap(),
            u(1_000)
        );
        // ended stream
        assert_eq!(stream_release(u(7), 200, 200, 300).unwrap(), u(0));
        // rounding down: 10 over 3 s, one second at a time releases 3, 3, 4
        let (mut rem, mut last) = (u(10), 0);
        let mut out = vec![];
        for now in 1..=3 {
            let r = stream_release(rem, last, 3, now).unwrap();
            out.push(r.u128());
            rem -= r;
            last = now;
        }
        assert_eq!(out, vec![3, 3, 4]);
        assert!(rem.is_zero());
    }

    #[test]
    fn increments_never_use_more_than_released() {
        let (inc, used) = reward_per_share_increment(u(10), u(3)).unwrap();
        assert_eq!(inc, Decimal256::from_ratio(10u128, 3u128));
        assert_eq!(used, u(10));
        let (inc, used) = reward_per_share_increment(u(1), u(3 * 10u128.pow(18))).unwrap();
        assert_eq!(inc, Decimal256::zero());
        assert_eq!(used, u(0));
        assert_eq!(
            reward_per_share_increment(u(5), u(0)).unwrap(),
            (Decimal256::zero(), u(0))
        );
    }

    #[test]
    fn accrual_rounds_down() {
        let rps = Decimal256::from_ratio(10u128, 3u128);
        assert_eq!(accrued(u(1), rps, Decimal256::zero()).unwrap(), u(3));
        assert_eq!(accrued(u(3), rps, Decimal256::zero()).unwrap(), u(9));
        assert_eq!(accrued(u(3), rps, rps).unwrap(), u(0));
        assert!(accrued(u(3), Decimal256::zero(), rps).is_err());
    }

    #[test]
    fn power_weights_by_tier() {
        let tiers = [
            (u(100), Decimal::from_atomics(10u128, 0).unwrap()), // GEN
            (u(100), Decimal::from_atomics(5u128, 0).unwrap()),  // AUR
            (u(100), Decimal::from_atomics(3u128, 0).unwrap()),  // NEX
            (u(100), Decimal::one()),                            // FLX
        ];
        assert_eq!(weighted_power(tiers).unwrap(), u(1_900));
        // floor of the sum, not sum of floors: 0.5 + 0.5 = 1
        let half = Decimal::percent(50);
        assert_eq!(weighted_power([(u(1), half), (u(1), half)]).unwrap(), u(1));
        assert!(weighted_power([(Uint128::MAX, Decimal::percent(200))]).is_err());
        assert_eq!(weighted_power([]).unwrap(), u(0));
    }

    #[test]
    fn rate_of_a_stream() {
        assert_eq!(
            stream_rate(u(1_000), 100, 200, 150),
            Decimal::percent(2_000)
        );
        assert_eq!(stream_rate(u(1_000), 100, 200, 50), Decimal::percent(1_000));
        assert_eq!(stream_rate(u(1_000), 100, 200, 200), Decimal::zero());
    }

    proptest! {
        #![proptest_config(Config { cases: 1_000, rng_seed: RngSeed::Fixed(0x5EED_0005), failure_persistence: None, ..Config::default() })]

        /// Stakers of any sizes, updated at any times, never accrue more than a stream's amount,
        /// and the stream and its dust account for all of it.
        #[test]
        fn accrual_never_exceeds_funding(
            amount in 0u128..10u128.pow(24),
            duration in 1u64..1_000_000,
            stakes in proptest::collection::vec(1u128..10u128.pow(24), 1..8),
            steps in proptest::collection::vec(0u64..200_000, 1..20),
        ) {
            let total: u128 = stakes.iter().sum();
            let (mut remaining, mut last, mut rps) = (u(amount), 0u64, Decimal256::zero());
            let mut distributed = 0u128;
            let mut now = 0u64;
            for step in steps.iter().chain(std::iter::once(&(duration + 1))) {
                now = now.saturating_add(*step);
                let released = stream_release(remaining, last, duration, now).unwrap();
                let (inc, used) = reward_per_share_increment(released, u(total)).unwrap();
                prop_assert!(used <= released);
                remaining -= used;
                distributed += used.u128();
                rps += inc;
                last = now;
            }
            let accrued_sum: u128 = stakes
                .iter()
                .map(|s| accrued(u(*s), rps, Decimal256::zero()).unwrap().u128())
                .sum();
            prop_assert!(accrued_sum <= distributed);
            prop_assert_eq!(distributed + remaining.u128(), amount);
        }
    }
}
