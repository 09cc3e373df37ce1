//! Miner weights for NEX distribution, seed 001 `MinerWeight`:
//! `W_i(t) = PoE_hat_i(t) * lambda_P(i,t) * lambda_D(i,t)` where `PoE_hat_i = PoE_i / average PoE`.
//!
//! The seed names the two multipliers but gives no formula; this suite defines them (and the
//! README states it):
//! - prestige `lambda_P = 1 + prestige_step * min(streak - 1, prestige_cap_epochs)` where `streak`
//!   is the number of consecutive epochs, this one included, in which the miner did a job;
//! - diversity `lambda_D = 1 + diversity_step * min(distinct_types - 1, diversity_cap_types)` where
//!   `distinct_types` is the number of distinct `EconomicJobType`s the miner did in the epoch.
//!
//! Since `PoE_hat_i = PoE_i / avg` and `avg` is common to all miners of the epoch, a miner's share of
//! the epoch's emission is `W_i / sum_j W_j = w_i / sum_j w_j` with the *weighted score*
//! `w_i = PoE_i * lambda_P * lambda_D` (base units). The contract keeps `sum_j w_j` as a running
//! total, which is what makes closing an epoch O(1) in the number of miners.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Decimal, Uint128};

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
}

impl MinerWeightParams {
    /// The suite's defaults: prestige +5 % per epoch up to +50 %, diversity +10 % per type up to
    /// +40 %. Together they stay within the seed's `quality_multiplier_max: 2.0` (1.5 * 1.4 = 2.1 is
    /// the product's bound; each alone is below 2).
    pub fn suite_default() -> Self {
        MinerWeightParams {
            prestige_step: Decimal::percent(5),
            prestige_cap_epochs: 10,
            diversity_step: Decimal::percent(10),
            diversity_cap_types: 4,
        }
    }

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

    /// `lambda_D` for `distinct_types` distinct job types in the epoch (0 counts as 1).
    pub fn diversity_multiplier(&self, distinct_types: u32) -> Decimal {
        step_multiplier(
            self.diversity_step,
            distinct_types
                .saturating_sub(1)
                .min(self.diversity_cap_types),
        )
    }
}

/// `1 + step * n` with `step <= 1` and `n <= 1000`: at most 1001, cannot overflow.
fn step_multiplier(step: Decimal, n: u32) -> Decimal {
    Decimal::one() + step * Decimal::from_ratio(n, 1u32)
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
        assert_eq!(p.diversity_multiplier(1), Decimal::one());
        assert_eq!(p.diversity_multiplier(3), Decimal::from_str("1.2").unwrap());
        assert_eq!(
            p.diversity_multiplier(10),
            Decimal::from_str("1.4").unwrap()
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
