//! Miner weights for NEX distribution, seed 001 `MinerWeight`:
//! `W_i(t) = PoE_hat_i(t) * lambda_P(i,t) * lambda_D(i,t)` where `PoE_hat_i = PoE_i / average PoE`.
//!
//! The seed names the two multipliers but gives no formula; this suite defines them (and the
//! README states it), so that each is earned in proportion to job value, never by job count
//! (a one-base-unit job pays a one-base-unit fee):
//! - prestige `lambda_P = 1 + prestige_step * min(streak - 1, prestige_cap_epochs)` where
//!   `streak` is 1 plus the number of consecutive epochs right before this one in each of which
//!   the miner's job value reached `prestige_min_epoch_value` ([`MinerWeightParams::next_streak`]):
//!   keeping a streak of `n` epochs costs at least `n` fees on that value, dust jobs keep none;
//! - diversity `lambda_D = 1 + diversity_step * min(D - 1, diversity_cap_types)` where
//!   `D = (sum_t v_t)^2 / sum_t v_t^2` is the *effective number of job types* of the miner's epoch
//!   (the inverse Simpson index of its value shares `v_t / sum v`, [`effective_job_types`]):
//!   `k` types of equal value give `D = k`, while one type plus four one-unit jobs of other types
//!   give `D = 1.000...` — a type counts only in proportion to its share of the miner's value.
//!
//! Since `PoE_hat_i = PoE_i / avg` and `avg` is common to all miners of the epoch, a miner's share of
//! the epoch's emission is `W_i / sum_j W_j = w_i / sum_j w_j` with the *weighted score*
//! `w_i = PoE_i * lambda_P * lambda_D` (base units). The contract keeps `sum_j w_j` as a running
//! total, which is what makes closing an epoch O(1) in the number of miners.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Decimal, Decimal256, Uint128, Uint256};

use crate::MathError;

/// Parameters of the prestige and diversity multipliers.
#[cw_serde]
#[derive(Copy)]
pub struct MinerWeightParams {
    /// Bonus per consecutive active epoch after the first, e.g. 0.05. At most 1.
    pub prestige_step: Decimal,
    /// Epochs of streak beyond the first that count, e.g. 10 (so `lambda_P <= 1.5`).
    pub prestige_cap_epochs: u32,
    /// Bonus per distinct job type after the first, e.g. 0.1. At most 1.
    pub diversity_step: Decimal,
    /// Distinct types beyond the first that count, e.g. 4 (so `lambda_D <= 1.4`). At most 9.
    pub diversity_cap_types: u32,
    /// The job value (base units of the fee token) a miner must reach in an epoch for that epoch
    /// to continue its prestige streak, e.g. 100 FLX. Absent in older configs: 0 (every active
    /// epoch counts, as before).
    #[serde(default)]
    pub prestige_min_epoch_value: Uint128,
}

impl MinerWeightParams {
    /// The suite's defaults: prestige +5 % per epoch up to +50 %, counting epochs of at least
    /// 100 tokens of 6 decimals (`100_000_000` base units) of job value, diversity +10 % per
    /// effective type up to +40 %. Together they stay within the seed's `quality_multiplier_max: 2.0` (1.5 * 1.4 = 2.1 is
    /// the product's bound; each alone is below 2).
    pub fn suite_default() -> Self {
        MinerWeightParams {
            prestige_step: Decimal::percent(5),
            prestige_cap_epochs: 10,
            diversity_step: Decimal::percent(10),
            diversity_cap_types: 4,
            prestige_min_epoch_value: Uint128::new(100_000_000),
        }
    }

    /// Steps at most 1, `prestige_cap_epochs <= 1000`, `diversity_cap_types <= 9` (so every
    /// multiplier is at most 1001 and no weighted score can overflow where its score fits).
    ///
    /// Errors: [`MathError::InvalidParameter`] naming the field.
    pub fn validate(&self) -> Result<(), MathError> {
        if self.prestige_step > Decimal::one() {
            return Err(MathError::invalid("prestige_step", "must be at most 1"));
        }
        if self.diversity_step > Decimal::one() {
            return Err(MathError::invalid("diversity_step", "must be at most 1"));
        }
        if self.prestige_cap_epochs > 1_000 {
            return Err(MathError::invalid(
                "prestige_cap_epochs",
                "must be at most 1000",
            ));
        }
        if self.diversity_cap_types > 9 {
            return Err(MathError::invalid(
                "diversity_cap_types",
                "there are 10 job types: at most 9",
            ));
        }
        Ok(())
    }

    /// `lambda_P` for a streak of `streak` consecutive active epochs (`streak >= 1`; 0 counts as 1).
    pub fn prestige_multiplier(&self, streak: u32) -> Decimal {
        step_multiplier(
            self.prestige_step,
            streak.saturating_sub(1).min(self.prestige_cap_epochs),
        )
    }

    /// The streak of a miner's epoch `e`, fixed at its first job there: `previous_streak + 1`
    /// when the miner was active in epoch `e - 1` with a job value of at least
    /// `prestige_min_epoch_value` (`previous_epoch_value` is that value, `None` when the miner
    /// had no job in `e - 1`), else 1. Saturates at `u32::MAX`.
    pub fn next_streak(&self, previous_streak: u32, previous_epoch_value: Option<Uint128>) -> u32 {
        match previous_epoch_value {
            Some(value) if value >= self.prestige_min_epoch_value => {
                previous_streak.max(1).saturating_add(1)
            }
            _ => 1,
        }
    }

    /// `lambda_D = 1 + diversity_step * min(D - 1, diversity_cap_types)` for `D` effective job
    /// types ([`effective_job_types`]; below 1 counts as 1), rounded down.
    pub fn diversity_multiplier(&self, effective_types: Decimal) -> Decimal {
        let extra = effective_types
            .saturating_sub(Decimal::one())
            .min(Decimal::from_ratio(self.diversity_cap_types, 1u32));
        // step <= 1 and extra <= 9: at most 10, cannot overflow
        Decimal::one().saturating_add(self.diversity_step.saturating_mul(extra))
    }
}

/// `1 + step * n` with `step <= 1` and `n <= 1000`: at most 1001, cannot overflow.
fn step_multiplier(step: Decimal, n: u32) -> Decimal {
    Decimal::one().saturating_add(step.saturating_mul(Decimal::from_ratio(n, 1u32)))
}

/// The effective number of job types of a miner's epoch, `D = (sum_t v_t)^2 / sum_t v_t^2`
/// (the inverse Simpson index of the value shares), rounded down; `v_t` is the miner's job value
/// of type `t` in the epoch (base units). `D` is 1 for a single type, `k` for `k` types of equal
/// value, and in general between 1 and the number of types with a value; 0 when every `v_t` is 0.
///
/// Errors: `Overflow` only when the values sum beyond `Uint128` (the contract's checked sums
/// never do); the squares are taken in `Uint256`.
pub fn effective_job_types(type_values: &[Uint128]) -> Result<Decimal, MathError> {
    let mut sum = Uint256::zero();
    let mut squares = Uint256::zero();
    for v in type_values {
        let v = Uint256::from(*v);
        sum = sum.checked_add(v)?;
        squares = squares.checked_add(v.checked_mul(v)?)?;
    }
    if squares.is_zero() {
        return Ok(Decimal::zero());
    }
    let d = Decimal256::checked_from_ratio(sum.checked_mul(sum)?, squares)?;
    // D <= number of types (Cauchy-Schwarz), far inside Decimal
    Ok(Decimal::try_from(d).unwrap_or(Decimal::MAX))
}

/// The weighted score `w_i = PoE_i * lambda_P * lambda_D`, rounded down (base units).
pub fn weighted_score(
    poe_score: Uint128,
    prestige: Decimal,
    diversity: Decimal,
) -> Result<Uint128, MathError> {
    let multiplier = prestige.checked_mul(diversity)?;
    Ok(poe_score.checked_mul_floor(multiplier)?)
}

/// `PoE_hat_i = PoE_i / (total / miners)`, the seed's normalized PoE score; 1 when the network
/// average is zero (seed 001 `calculate_miner_weight`).
pub fn normalized_poe_score(
    poe_score: Uint128,
    total_poe_score: Uint128,
    miners: u64,
) -> Result<Decimal, MathError> {
    if total_poe_score.is_zero() || miners == 0 {
        return Ok(Decimal::one());
    }
    // PoE_i * miners / total
    Ok(Decimal::checked_from_ratio(
        poe_score.checked_mul(Uint128::from(miners))?,
        total_poe_score,
    )?)
}

/// A pro-rata share `amount * part / total`, rounded down (the recipient is the caller).
/// Zero when `total` is zero. Errors when `part > total` would make the share exceed `amount`
/// beyond `Uint128`.
pub fn pro_rata(amount: Uint128, part: Uint128, total: Uint128) -> Result<Uint128, MathError> {
    if total.is_zero() {
        return Ok(Uint128::zero());
    }
    Ok(amount.checked_multiply_ratio(part, total)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};
    use std::str::FromStr;

    #[test]
    fn multipliers_follow_their_formulas_and_caps() {
        let p = MinerWeightParams::suite_default();
        assert_eq!(p.prestige_multiplier(0), Decimal::one());
        assert_eq!(p.prestige_multiplier(1), Decimal::one());
        assert_eq!(p.prestige_multiplier(3), Decimal::from_str("1.1").unwrap());
        assert_eq!(p.prestige_multiplier(11), Decimal::from_str("1.5").unwrap());
        assert_eq!(
            p.prestige_multiplier(500),
            Decimal::from_str("1.5").unwrap()
        );
        let d = |n: u64| Decimal::from_ratio(n, 1u64);
        assert_eq!(p.diversity_multiplier(Decimal::zero()), Decimal::one());
        assert_eq!(p.diversity_multiplier(d(1)), Decimal::one());
        assert_eq!(
            p.diversity_multiplier(d(3)),
            Decimal::from_str("1.2").unwrap()
        );
        assert_eq!(
            p.diversity_multiplier(Decimal::from_str("1.8").unwrap()),
            Decimal::from_str("1.08").unwrap()
        );
        assert_eq!(
            p.diversity_multiplier(d(10)),
            Decimal::from_str("1.4").unwrap()
        );
    }

    #[test]
    fn streaks_count_only_epochs_of_enough_value() {
        let p = MinerWeightParams::suite_default();
        let min = p.prestige_min_epoch_value;
        assert_eq!(p.next_streak(4, Some(min)), 5);
        assert_eq!(p.next_streak(4, Some(min - Uint128::one())), 1);
        assert_eq!(p.next_streak(4, None), 1);
        assert_eq!(p.next_streak(0, Some(min)), 2);
        assert_eq!(p.next_streak(u32::MAX, Some(min)), u32::MAX);
    }

    #[test]
    fn effective_types_count_value_shares_not_jobs() {
        let u = Uint128::new;
        assert_eq!(effective_job_types(&[]).unwrap(), Decimal::zero());
        assert_eq!(effective_job_types(&[u(0), u(0)]).unwrap(), Decimal::zero());
        assert_eq!(effective_job_types(&[u(500)]).unwrap(), Decimal::one());
        assert_eq!(
            effective_job_types(&[u(7), u(7), u(7), u(7)]).unwrap(),
            Decimal::from_ratio(4u32, 1u32)
        );
        // 200 and 100: 300^2 / (200^2 + 100^2) = 1.8
        assert_eq!(
            effective_job_types(&[u(200), u(0), u(100)]).unwrap(),
            Decimal::from_str("1.8").unwrap()
        );
        // one real type and four one-unit jobs of other types: barely above one
        let dust = effective_job_types(&[u(1_000_000_000), u(1), u(1), u(1), u(1)]).unwrap();
        assert!(dust < Decimal::from_str("1.00000001").unwrap(), "{dust}");
        let p = MinerWeightParams::suite_default();
        // D - 1 = (8e9 + 12) / (1e18 + 4), about 8e-9: lambda_D is 1 + 0.1 * 8e-9, rounded down
        assert_eq!(
            p.diversity_multiplier(dust),
            Decimal::from_str("1.000000000800000001").unwrap()
        );
        // no overflow at the edge of Uint128
        let half = u(u128::MAX / 2);
        assert_eq!(
            effective_job_types(&[half, half]).unwrap(),
            Decimal::from_ratio(2u32, 1u32)
        );
    }

    #[test]
    fn weighted_score_and_normalization() {
        let w = weighted_score(
            Uint128::new(1_000),
            Decimal::from_str("1.5").unwrap(),
            Decimal::from_str("1.2").unwrap(),
        );
        assert_eq!(w.unwrap(), Uint128::new(1_800));
        assert_eq!(
            normalized_poe_score(Uint128::new(30), Uint128::new(100), 5).unwrap(),
            Decimal::from_str("1.5").unwrap()
        );
        assert_eq!(
            normalized_poe_score(Uint128::zero(), Uint128::zero(), 0).unwrap(),
            Decimal::one()
        );
    }

    #[test]
    fn params_validate() {
        assert_eq!(MinerWeightParams::suite_default().validate(), Ok(()));
        let bad = MinerWeightParams {
            diversity_cap_types: 10,
            ..MinerWeightParams::suite_default()
        };
        assert!(bad.validate().is_err());
        let bad = MinerWeightParams {
            prestige_step: Decimal::percent(101),
            ..MinerWeightParams::suite_default()
        };
        assert!(bad.validate().is_err());
    }

    proptest! {
        #![proptest_config(Config { cases: 1_000, rng_seed: RngSeed::Fixed(0x5EED_0003), ..Config::default() })]

        /// `D` lies between 1 and the number of types with a value, and `lambda_D` within its cap.
        #[test]
        fn effective_types_are_bounded(values in proptest::collection::vec(0u128..10u128.pow(24), 1..=10)) {
            let d = effective_job_types(&values.iter().map(|v| Uint128::new(*v)).collect::<Vec<_>>()).unwrap();
            let nonzero = values.iter().filter(|v| **v > 0).count() as u64;
            if nonzero == 0 {
                prop_assert_eq!(d, Decimal::zero());
            } else {
                prop_assert!(d >= Decimal::one() - Decimal::from_atomics(1u128, 18).unwrap());
                prop_assert!(d <= Decimal::from_ratio(nonzero, 1u64));
            }
            let lambda = MinerWeightParams::suite_default().diversity_multiplier(d);
            prop_assert!(lambda >= Decimal::one() && lambda <= Decimal::from_str("1.4").unwrap());
        }

        /// Shares of an emission by weighted score never pay out more than the emission.
        #[test]
        fn pro_rata_shares_never_exceed_amount(amount in 0u128..10u128.pow(30), parts in proptest::collection::vec(0u128..10u128.pow(20), 1..50)) {
            let total: u128 = parts.iter().sum();
            let paid: u128 = parts.iter().map(|p| pro_rata(Uint128::new(amount), Uint128::new(*p), Uint128::new(total)).unwrap().u128()).sum();
            prop_assert!(paid <= amount);
            // and the dust is below one base unit per recipient
            if total > 0 { prop_assert!(amount - paid < parts.len() as u128); }
        }
    }
}
