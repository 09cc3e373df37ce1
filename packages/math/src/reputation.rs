//! Reputation by tag (seed 004 "Reputation v2"): points per tag and a `_total`, decaying with
//! time, computed lazily from each record's last update (no loop over holders, no keeper).
//!
//! Decay (seed 004 "Maintain activity - avoid reputation decay"; the rate is the suite's
//! parameter, 1 % a day by default): after `d` whole days a value `v` is
//! `floor(v × (1 - rate)^d)`. Only whole days count: the partial day is kept, so a record
//! updated every hour decays exactly as one updated once a day ([`decay`] returns the time the
//! decayed value stands at).

use cosmwasm_std::{Decimal, Timestamp, Uint128};

use crate::MathError;

/// Seconds in a decay day.
pub const DAY_SECONDS: u64 = 86_400;

/// `v × (1 - rate)^days`, rounded down, and `as_of + days × 86,400` (`days` = the whole days
/// from `as_of` to `now`; zero when `now <= as_of`). A `rate` of 1 or more zeroes any value
/// after a day.
///
/// Errors: `Overflow` only for a `(1 - rate)^days` the `Decimal` cannot hold, which cannot
/// happen for `rate` in `[0, 1]` (the power only shrinks).
pub fn decay(
    value: Uint128,
    as_of: Timestamp,
    now: Timestamp,
    rate: Decimal,
) -> Result<(Uint128, Timestamp), MathError> {
    let days = now.seconds().saturating_sub(as_of.seconds()) / DAY_SECONDS;
    if days == 0 || value.is_zero() {
        return Ok((value, as_of.plus_seconds(days * DAY_SECONDS)));
    }
    let kept = Decimal::one().checked_sub(rate).unwrap_or_default();
    // (1 - rate)^days: squaring keeps it exact to 18 decimals, rounded down at each step;
    // beyond u32::MAX days every value has long reached zero
    let factor = kept.checked_pow(u32::try_from(days).unwrap_or(u32::MAX))?;
    Ok((
        value.mul_floor(factor),
        as_of.plus_seconds(days * DAY_SECONDS),
    ))
}

/// Seed 004's governance weight of a reputation: `1 + log2(reputation + 1)`, as a `Decimal`
/// with the logarithm's integer part exact and its fraction to 18 decimals (rounded down).
pub fn log2_vote_weight(reputation: Uint128) -> Result<Decimal, MathError> {
    let x = reputation.checked_add(Uint128::one())?.u128();
    // integer part: the position of the highest set bit
    let int = 127 - x.leading_zeros();
    // fraction: y = x / 2^int in [1, 2); square repeatedly, each squaring >= 2 is one bit
    let mut y = Decimal::from_ratio(x, 1u128 << int);
    let two = Decimal::from_ratio(2u128, 1u128);
    let mut frac = Decimal::zero();
    let mut bit = Decimal::percent(50);
    for _ in 0..60 {
        y = y.checked_mul(y)?;
        if y >= two {
            y = y
                .checked_div(two)
                .map_err(|_| MathError::InvalidParameter {
                    name: "reputation".into(),
                    reason: "log2 out of range".into(),
                })?;
            frac = frac.checked_add(bit)?;
        }
        bit = Decimal::from_atomics(bit.atomics() / Uint128::new(2), 18).unwrap_or_default();
        if bit.is_zero() {
            break;
        }
    }
    Ok(Decimal::one()
        .checked_add(Decimal::from_ratio(int, 1u32))?
        .checked_add(frac)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: u64) -> Timestamp {
        Timestamp::from_seconds(s)
    }

    #[test]
    fn decays_one_percent_a_day_over_whole_days_only() {
        let rate = Decimal::percent(1);
        // less than a day: nothing
        assert_eq!(
            decay(Uint128::new(1_000), t(0), t(86_399), rate).unwrap(),
            (Uint128::new(1_000), t(0))
        );
        // one day: 990
        assert_eq!(
            decay(Uint128::new(1_000), t(0), t(86_400 + 5), rate).unwrap(),
            (Uint128::new(990), t(86_400))
        );
        // 30 days: floor(1000 × 0.99^30) = floor(739.700...) = 739
        assert_eq!(
            decay(Uint128::new(1_000), t(0), t(30 * 86_400), rate).unwrap(),
            (Uint128::new(739), t(30 * 86_400))
        );
        // now before the record: nothing
        assert_eq!(
            decay(Uint128::new(7), t(100), t(50), rate).unwrap(),
            (Uint128::new(7), t(100))
        );
        // a full rate zeroes after a day; a long time brings anything to zero
        assert_eq!(
            decay(Uint128::new(7), t(0), t(86_400), Decimal::one())
                .unwrap()
                .0,
            Uint128::zero()
        );
        assert_eq!(
            decay(Uint128::MAX, t(0), t(u64::MAX / 1_000_000_000), rate)
                .unwrap()
                .0,
            Uint128::zero()
        );
    }

    #[test]
    fn log2_weight_matches_seed_004() {
        // 1 + log2(0 + 1) = 1; 1 + log2(1 + 1) = 2; 1 + log2(1023 + 1) = 11
        assert_eq!(log2_vote_weight(Uint128::zero()).unwrap(), Decimal::one());
        assert_eq!(
            log2_vote_weight(Uint128::one()).unwrap(),
            Decimal::from_ratio(2u8, 1u8)
        );
        assert_eq!(
            log2_vote_weight(Uint128::new(1_023)).unwrap(),
            Decimal::from_ratio(11u8, 1u8)
        );
        // 1 + log2(500 + 1) = 9.968666793195208...
        let w = log2_vote_weight(Uint128::new(500)).unwrap();
        let expected = Decimal::from_atomics(9_968_666_793_195_208u128, 15).unwrap();
        assert!(
            w.abs_diff(expected) < Decimal::from_atomics(1u128, 12).unwrap(),
            "{w}"
        );
        assert!(log2_vote_weight(Uint128::MAX).is_err());
    }
}
