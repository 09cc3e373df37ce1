//! The treasury's distribution schedules (seed 002 `DistributionSchedule`, `inflation_rate_bps`)
//! and the monthly cadence of its common tools (seed 004 "Beni Comuni").
//!
//! A schedule runs on one clock, seconds or block heights, counted in "units". Interval `k`
//! (`k = 1, 2, ...`) falls due at `start + k * every`; a schedule of `duration` intervals has no
//! interval after `start + duration * every`, a perpetual one (`duration = None`) never ends.
//!
//! Per-interval inflation mints, for `elapsed` units since the last mint,
//!
//! ```text
//! exact  = supply * rate * elapsed / units_per_year + remainder / (10^18 * units_per_year)
//! minted = floor(exact)
//! ```
//!
//! with `rate` the yearly rate (`inflation_rate_bps / 10_000`, seed 002: 500 bps = 5 % a year),
//! `supply` the token's total supply at the mint (simple interest over `elapsed`: no compounding
//! inside one mint) and `units_per_year` [`SECONDS_PER_YEAR`] or the blocks of a year (seed 002:
//! [`BLOCKS_PER_YEAR`]). The fraction cut off by the floor is carried exactly, as the integer
//! remainder of `supply * rate.atomics() * elapsed + remainder` divided by
//! `10^18 * units_per_year`, into the next mint: over any run of mints the total minted is the
//! floor of the exact total, never more, and less by under one base unit.

use cosmwasm_std::{Decimal, Uint128, Uint256};

use crate::MathError;

/// Seconds of a year of 365 days: the year of a seconds clock.
pub const SECONDS_PER_YEAR: u64 = 365 * 24 * 60 * 60;

/// Blocks of a year at about 6 seconds a block (seed 002: `blocks_per_year = 5_256_000`): the
/// default year of a blocks clock.
pub const BLOCKS_PER_YEAR: u64 = 5_256_000;

/// Seed 002's default `inflation_rate_bps`: 500 bps, 5 % a year.
pub const DEFAULT_INFLATION_RATE_BPS: u16 = 500;

/// The highest yearly inflation a schedule accepts: 10,000 bps, 100 % a year.
pub const MAX_INFLATION_RATE_BPS: u16 = 10_000;

/// A common tool's month: 30 days, in seconds (seed 004: "every 30 days").
pub const TOOL_MONTH_SECONDS: u64 = 30 * 24 * 60 * 60;

/// The yearly rate of `bps` basis points, as a `Decimal` (500 bps is 0.05).
///
/// Errors: `InvalidParameter` (`inflation_rate_bps`) unless `1 <= bps <= 10_000`.
pub fn inflation_rate(bps: u16) -> Result<Decimal, MathError> {
    if bps == 0 || bps > MAX_INFLATION_RATE_BPS {
        return Err(MathError::invalid(
            "inflation_rate_bps",
            format!("{bps} is not within 1..={MAX_INFLATION_RATE_BPS}"),
        ));
    }
    Ok(Decimal::bps(bps as u64))
}

/// The last unit of a schedule of `duration` intervals of `every` units from `start`:
/// `start + duration * every`; `None` for a perpetual schedule.
///
/// Errors: `InvalidParameter` (`duration_intervals`) when the end does not fit a `u64`.
pub fn schedule_end(
    start: u64,
    every: u64,
    duration: Option<u64>,
) -> Result<Option<u64>, MathError> {
    let Some(duration) = duration else {
        return Ok(None);
    };
    duration
        .checked_mul(every)
        .and_then(|span| span.checked_add(start))
        .map(Some)
        .ok_or_else(|| {
            MathError::invalid(
                "duration_intervals",
                format!("{duration} intervals of {every} from {start} end past u64::MAX"),
            )
        })
}

/// The number of intervals due at `now`: `floor((now - start) / every)`, at most `duration`;
/// 0 before `start` (and for `every = 0`, which schedules never have).
pub fn intervals_due(start: u64, every: u64, duration: Option<u64>, now: u64) -> u64 {
    if now < start || every == 0 {
        return 0;
    }
    let due = (now - start) / every;
    match duration {
        Some(duration) => due.min(duration),
        None => due,
    }
}

/// The unit at which interval `next` falls due (`start + next * every`), or `None` when the
/// schedule has no such interval (`next > duration`) or it lies past `u64::MAX`.
pub fn interval_due_at(start: u64, every: u64, duration: Option<u64>, next: u64) -> Option<u64> {
    if duration.is_some_and(|d| next > d) {
        return None;
    }
    next.checked_mul(every)?.checked_add(start)
}

/// What `intervals` intervals of `amount_per_interval` add up to.
///
/// Errors: `Overflow` above `Uint128::MAX`.
pub fn fixed_due(intervals: u64, amount_per_interval: Uint128) -> Result<Uint128, MathError> {
    Ok(amount_per_interval.checked_mul(Uint128::from(intervals))?)
}

/// The largest whole number of intervals of `amount_per_interval` within both `owed` and
/// `available`, as an amount: a fixed schedule is paid by whole intervals only.
/// `amount_per_interval = 0` gives 0.
pub fn whole_intervals_payable(
    owed: Uint128,
    available: Uint128,
    amount_per_interval: Uint128,
) -> Uint128 {
    if amount_per_interval.is_zero() {
        return Uint128::zero();
    }
    let within = owed.min(available);
    within - within.checked_rem(amount_per_interval).unwrap_or_default()
}

/// One inflation mint: what to mint now and the remainder to carry (see the module's formula).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InflationMint {
    /// Base units to mint: the floor of the exact accrual.
    pub amount: Uint128,
    /// The carried fraction, in units of `1 / (10^18 * units_per_year)` base units; always below
    /// `10^18 * units_per_year`.
    pub remainder: Uint128,
}

/// The mint of `elapsed` units at the yearly `rate` on `supply`, with the `remainder` carried
/// from the previous mint: `floor((supply * rate.atomics() * elapsed + remainder) /
/// (10^18 * units_per_year))`, the rest carried (the module's formula). The products are taken
/// in `Uint256`, so no supply, rate or elapsed time overflows before the division.
///
/// Errors: `InvalidParameter` when `units_per_year` is 0, when `remainder` is not below
/// `10^18 * units_per_year` (it never is when it came from this function), or when the mint
/// exceeds `Uint128::MAX` (an elapsed time of billions of years).
pub fn inflation_mint(
    supply: Uint128,
    rate: Decimal,
    elapsed: u64,
    units_per_year: u64,
    remainder: Uint128,
) -> Result<InflationMint, MathError> {
    if units_per_year == 0 {
        return Err(MathError::invalid("units_per_year", "must be above 0"));
    }
    let denominator =
        Uint256::from(Decimal::one().atomics()).checked_mul(Uint256::from(units_per_year))?;
    if Uint256::from(remainder) >= denominator {
        return Err(MathError::invalid(
            "remainder",
            format!("{remainder} is not below {denominator}"),
        ));
    }
    let numerator = Uint256::from(supply)
        .checked_mul(Uint256::from(rate.atomics()))?
        .checked_mul(Uint256::from(elapsed))?
        .checked_add(Uint256::from(remainder))?;
    let zero = |_| MathError::invalid("units_per_year", "must be above 0");
    let quotient = numerator.checked_div(denominator).map_err(zero)?;
    let rest = numerator.checked_rem(denominator).map_err(zero)?;
    let amount = Uint128::try_from(quotient)
        .map_err(|_| MathError::invalid("elapsed", "the mint exceeds Uint128::MAX"))?;
    // below the denominator, itself below 10^18 * 2^64 < 2^128
    let remainder = Uint128::try_from(rest)
        .map_err(|_| MathError::invalid("remainder", "exceeds Uint128::MAX"))?;
    Ok(InflationMint { amount, remainder })
}

/// `amount` clamped so that `supply + amount` stays within `cap` (the token's minter cap, seed
/// 002 `max_supply`; `None`: no cap), and whether it was clamped. A supply already at or above
/// the cap gives 0.
pub fn clamp_to_cap(supply: Uint128, amount: Uint128, cap: Option<Uint128>) -> (Uint128, bool) {
    match cap {
        Some(cap) => {
            let room = cap.saturating_sub(supply);
            if amount > room {
                (room, true)
            } else {
                (amount, false)
            }
        }
        None => (amount, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn u(n: u128) -> Uint128 {
        Uint128::new(n)
    }

    #[test]
    fn the_seed_rate_is_five_percent() {
        assert_eq!(
            inflation_rate(DEFAULT_INFLATION_RATE_BPS).unwrap(),
            Decimal::percent(5)
        );
        assert_eq!(inflation_rate(10_000).unwrap(), Decimal::one());
        assert_eq!(inflation_rate(1).unwrap(), Decimal::bps(1));
        assert!(inflation_rate(0).is_err());
        assert!(inflation_rate(10_001).is_err());
    }

    #[test]
    fn intervals_fall_due_at_each_end() {
        // every 10 units from 100, 3 intervals: due at 110, 120, 130
        assert_eq!(intervals_due(100, 10, Some(3), 99), 0);
        assert_eq!(intervals_due(100, 10, Some(3), 100), 0);
        assert_eq!(intervals_due(100, 10, Some(3), 109), 0);
        assert_eq!(intervals_due(100, 10, Some(3), 110), 1);
        assert_eq!(intervals_due(100, 10, Some(3), 129), 2);
        assert_eq!(intervals_due(100, 10, Some(3), 130), 3);
        assert_eq!(intervals_due(100, 10, Some(3), 10_000), 3);
        // perpetual
        assert_eq!(intervals_due(100, 10, None, 10_000), 990);
        assert_eq!(intervals_due(0, 1, None, u64::MAX), u64::MAX);
        assert_eq!(intervals_due(0, 0, None, 5), 0);
        assert_eq!(interval_due_at(100, 10, Some(3), 1), Some(110));
        assert_eq!(interval_due_at(100, 10, Some(3), 3), Some(130));
        assert_eq!(interval_due_at(100, 10, Some(3), 4), None);
        assert_eq!(interval_due_at(100, 10, None, 4), Some(140));
        assert_eq!(interval_due_at(u64::MAX - 5, 10, None, 1), None);
    }

    #[test]
    fn ends_are_checked() {
        assert_eq!(schedule_end(100, 10, Some(3)).unwrap(), Some(130));
        assert_eq!(schedule_end(100, 10, None).unwrap(), None);
        assert!(schedule_end(1, u64::MAX, Some(1)).is_err());
        assert!(schedule_end(0, u64::MAX / 2 + 1, Some(2)).is_err());
        assert_eq!(schedule_end(0, u64::MAX, Some(1)).unwrap(), Some(u64::MAX));
    }

    #[test]
    fn fixed_schedules_pay_whole_intervals() {
        assert_eq!(fixed_due(3, u(100)).unwrap(), u(300));
        assert!(fixed_due(2, Uint128::MAX).is_err());
        // owes 300 (3 intervals of 100), holds 250: 2 intervals
        assert_eq!(whole_intervals_payable(u(300), u(250), u(100)), u(200));
        assert_eq!(whole_intervals_payable(u(300), u(1_000), u(100)), u(300));
        assert_eq!(whole_intervals_payable(u(300), u(99), u(100)), u(0));
        assert_eq!(whole_intervals_payable(u(300), u(99), u(0)), u(0));
    }

    #[test]
    fn a_year_of_seconds_at_five_percent_is_five_percent() {
        let rate = inflation_rate(500).unwrap();
        let m =
            inflation_mint(u(1_000_000), rate, SECONDS_PER_YEAR, SECONDS_PER_YEAR, u(0)).unwrap();
        assert_eq!(
            m,
            InflationMint {
                amount: u(50_000),
                remainder: u(0)
            }
        );
        // a year of blocks on the seed's block year
        let m = inflation_mint(u(1_000_000), rate, BLOCKS_PER_YEAR, BLOCKS_PER_YEAR, u(0)).unwrap();
        assert_eq!(m.amount, u(50_000));
    }

    #[test]
    fn one_block_floors_and_carries_the_rest() {
        // 1,000,000 * 0.05 / 5,256,000 = 0.00951... per block: nothing minted, all carried
        let rate = inflation_rate(500).unwrap();
        let one = inflation_mint(u(1_000_000), rate, 1, BLOCKS_PER_YEAR, u(0)).unwrap();
        assert_eq!(one.amount, u(0));
        // remainder = 1e6 * 5e16 * 1 = 5e22 (in 1 / (1e18 * 5,256,000) units)
        assert_eq!(one.remainder, u(50_000_000_000_000_000_000_000));
        // 106 blocks one at a time reach the first whole unit, as 106 blocks at once do
        let mut carry = Uint128::zero();
        let mut minted = Uint128::zero();
        for _ in 0..106 {
            let m = inflation_mint(u(1_000_000), rate, 1, BLOCKS_PER_YEAR, carry).unwrap();
            minted += m.amount;
            carry = m.remainder;
        }
        let at_once = inflation_mint(u(1_000_000), rate, 106, BLOCKS_PER_YEAR, u(0)).unwrap();
        assert_eq!((minted, carry), (at_once.amount, at_once.remainder));
        assert_eq!(minted, u(1)); // 106 * 0.00951 = 1.008
    }

    #[test]
    fn inflation_rejects_bad_inputs_and_never_overflows_before_dividing() {
        let rate = Decimal::one();
        assert!(inflation_mint(u(1), rate, 1, 0, u(0)).is_err());
        let den = 1_000_000_000_000_000_000u128 * 10;
        assert!(inflation_mint(u(1), rate, 1, 10, u(den)).is_err());
        assert!(inflation_mint(u(1), rate, 1, 10, u(den - 1)).is_ok());
        // the largest supply for a whole year at 100 %: exactly the supply
        let m = inflation_mint(Uint128::MAX, rate, 7, 7, u(0)).unwrap();
        assert_eq!(m.amount, Uint128::MAX);
        // two years of the largest supply do not fit
        assert!(inflation_mint(Uint128::MAX, rate, 14, 7, u(0)).is_err());
    }

    #[test]
    fn the_cap_clamps() {
        assert_eq!(clamp_to_cap(u(90), u(5), Some(u(100))), (u(5), false));
        assert_eq!(clamp_to_cap(u(90), u(10), Some(u(100))), (u(10), false));
        assert_eq!(clamp_to_cap(u(90), u(11), Some(u(100))), (u(10), true));
        assert_eq!(clamp_to_cap(u(100), u(1), Some(u(100))), (u(0), true));
        assert_eq!(clamp_to_cap(u(120), u(0), Some(u(100))), (u(0), false));
        assert_eq!(clamp_to_cap(u(120), u(1), None), (u(1), false));
    }

    proptest! {
        #![proptest_config(ProptestConfig {
            cases: 256,
            rng_seed: proptest::test_runner::RngSeed::Fixed(0x0D15_7001),
            failure_persistence: None,
            ..ProptestConfig::default()
        })]

        /// Splitting an elapsed time into mints, carrying the remainder, mints exactly what one
        /// mint of the whole time does: the floor of the exact accrual.
        #[test]
        fn carrying_the_remainder_loses_nothing(
            supply in 0u128..1_000_000_000_000_000,
            bps in 1u16..=10_000,
            steps in prop::collection::vec(0u64..10_000, 1..20),
            per_block in any::<bool>(),
        ) {
            let year = if per_block { BLOCKS_PER_YEAR } else { SECONDS_PER_YEAR };
            let rate = inflation_rate(bps).unwrap();
            let (mut minted, mut carry) = (Uint128::zero(), Uint128::zero());
            for &elapsed in &steps {
                let m = inflation_mint(u(supply), rate, elapsed, year, carry).unwrap();
                minted += m.amount;
                carry = m.remainder;
            }
            let total: u64 = steps.iter().sum();
            let once = inflation_mint(u(supply), rate, total, year, u(0)).unwrap();
            prop_assert_eq!(minted, once.amount);
            prop_assert_eq!(carry, once.remainder);
            // and the floor of the exact value, computed in u128 where it fits
            let exact_num = supply * bps as u128 * total as u128;
            prop_assert_eq!(once.amount.u128(), exact_num / (10_000 * year as u128));
        }
    }
}
