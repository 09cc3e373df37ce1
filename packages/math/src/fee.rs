//! The PoE fee split, seed 000/001 `PoEFeeSplit` and `GovernanceParameters`:
//! the job fee is `job_fee_rate` (1 %) of the job value, split into
//! `miner_locked_reserve` 0.2 %, `miner_spendable` 0.3 %, `owner_salary` 0.2 % and
//! `treasury_net` 0.3 % of the job value.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Decimal, Uint128, Uint256};

use crate::MathError;

/// Fee rates, fractions of the job value (seed 001 `poe_mining.fee_structure`).
///
/// Invariant (checked by [`FeeRates::validate`]): every rate is in `[0, 1]`, `total_fee_rate > 0`
/// and the four parts sum exactly to `total_fee_rate`.
#[cw_serde]
#[derive(Copy)]
pub struct FeeRates {
    /// `job_fee_rate`, seed default 0.01.
    pub total_fee_rate: Decimal,
    /// `miner_lock_rate`, seed default 0.002.
    pub miner_lock_rate: Decimal,
    /// `miner_spendable_rate`, seed default 0.003.
    pub miner_spendable_rate: Decimal,
    /// `owner_salary_rate`, seed default 0.002.
    pub owner_salary_rate: Decimal,
    /// `treasury_net_rate` (`treasury_rate` in the YAML), seed default 0.003.
    pub treasury_net_rate: Decimal,
}

impl FeeRates {
    /// The seed's defaults: 1 % = 0.2 % + 0.3 % + 0.2 % + 0.3 %.
    pub fn seed_default() -> Self {
        FeeRates {
            total_fee_rate: Decimal::permille(10),
            miner_lock_rate: Decimal::permille(2),
            miner_spendable_rate: Decimal::permille(3),
            owner_salary_rate: Decimal::permille(2),
            treasury_net_rate: Decimal::permille(3),
        }
    }

    /// Checks every rate is in `[0, 1]`, the total is positive, and the parts sum to the total.
    pub fn validate(&self) -> Result<(), MathError> {
        for (name, rate) in [
            ("total_fee_rate", self.total_fee_rate),
            ("miner_lock_rate", self.miner_lock_rate),
            ("miner_spendable_rate", self.miner_spendable_rate),
            ("owner_salary_rate", self.owner_salary_rate),
            ("treasury_net_rate", self.treasury_net_rate),
        ] {
            if rate > Decimal::one() {
                return Err(MathError::invalid(name, format!("{rate} is above 1")));
            }
        }
        if self.total_fee_rate.is_zero() {
            return Err(MathError::invalid("total_fee_rate", "must be above 0"));
        }
        let parts = self
            .miner_lock_rate
            .checked_add(self.miner_spendable_rate)?
            .checked_add(self.owner_salary_rate)?
            .checked_add(self.treasury_net_rate)?;
        if parts != self.total_fee_rate {
            return Err(MathError::invalid(
                "fee_rates",
                format!(
                    "the parts sum to {parts}, not to total_fee_rate {}",
                    self.total_fee_rate
                ),
            ));
        }
        Ok(())
    }
}

/// One job's fee and its four parts, in the fee token's base units.
///
/// Invariant: `miner_locked_reserve + miner_spendable + owner_salary + treasury_net == fee`.
#[cw_serde]
#[derive(Copy, Default)]
pub struct FeeSplit {
    /// `ceil(job_value * total_fee_rate)`, what the reporter pays.
    pub fee: Uint128,
    /// `floor(job_value * miner_lock_rate)`, the miner's locked reserve.
    pub miner_locked_reserve: Uint128,
    /// `floor(job_value * miner_spendable_rate)`, the miner's spendable balance.
    pub miner_spendable: Uint128,
    /// `floor(job_value * owner_salary_rate)`, the month's owner salary.
    pub owner_salary: Uint128,
    /// The rest of the fee (the treasury rate plus every rounding remainder).
    pub treasury_net: Uint128,
}

impl FeeSplit {
    /// Adds another split part by part (checked), for running totals.
    pub fn checked_add(&self, other: &FeeSplit) -> Result<FeeSplit, MathError> {
        Ok(FeeSplit {
            fee: self.fee.checked_add(other.fee)?,
            miner_locked_reserve: self
                .miner_locked_reserve
                .checked_add(other.miner_locked_reserve)?,
            miner_spendable: self.miner_spendable.checked_add(other.miner_spendable)?,
            owner_salary: self.owner_salary.checked_add(other.owner_salary)?,
            treasury_net: self.treasury_net.checked_add(other.treasury_net)?,
        })
    }
}

/// Splits the fee of a job of `job_value` base units (seed 001 `calculate_poe_fee_split`).
///
/// Rounding, always against the payer: `fee = ceil(job_value * total_fee_rate)`; the miner and
/// owner parts are `floor(job_value * rate)`; `treasury_net` is the rest, so it receives every
/// remainder of rounding and the parts sum exactly to `fee`.
/// A job of 1,000,000 pays 10,000 = 2,000 + 3,000 + 2,000 + 3,000.
///
/// Errors: overflow of `Uint128` (a job value above ~3.4e38 / rate).
pub fn split_fee(job_value: Uint128, rates: &FeeRates) -> Result<FeeSplit, MathError> {
    let fee = job_value.checked_mul_ceil(rates.total_fee_rate)?;
    let miner_locked_reserve = job_value.checked_mul_floor(rates.miner_lock_rate)?;
    let miner_spendable = job_value.checked_mul_floor(rates.miner_spendable_rate)?;
    let owner_salary = job_value.checked_mul_floor(rates.owner_salary_rate)?;
    let treasury_net = fee
        .checked_sub(miner_locked_reserve)?
        .checked_sub(miner_spendable)?
        .checked_sub(owner_salary)?;
    Ok(FeeSplit {
        fee,
        miner_locked_reserve,
        miner_spendable,
        owner_salary,
        treasury_net,
    })
}

/// The unlock time (seconds) of a miner's still-locked reserve after a job locks `deposit` more
/// until `deposit_until`: the value-weighted mean of the two unlock times, rounded up (against
/// the miner),
///
/// `new_unlock = ceil((pending * pending_until + deposit * deposit_until) / (pending + deposit))`,
///
/// so a job delays the reserve already locked only in proportion to what it locks itself: a
/// one-unit deposit on a reserve of `R` moves the unlock by `(deposit_until - pending_until) /
/// (R + 1)`, and a job that locks nothing does not move it. `pending` is only the part whose
/// lock has not yet expired (the caller keeps matured funds out of it). With nothing pending the
/// result is `deposit_until`; with no deposit it is `pending_until`. The result lies between the
/// two times, so it fits a `u64`.
///
/// Errors: none in practice (the products are taken in `Uint256`); `Overflow` is kept for the
/// type's sake.
pub fn weighted_unlock(
    pending: Uint128,
    pending_until: u64,
    deposit: Uint128,
    deposit_until: u64,
) -> Result<u64, MathError> {
    if deposit.is_zero() {
        return Ok(pending_until);
    }
    if pending.is_zero() {
        return Ok(deposit_until);
    }
    let weight = Uint256::from(pending).checked_add(Uint256::from(deposit))?;
    let numerator = Uint256::from(pending)
        .checked_mul(Uint256::from(pending_until))?
        .checked_add(Uint256::from(deposit).checked_mul(Uint256::from(deposit_until))?)?;
    // ceil(n / w) with w > 0
    let quotient = numerator
        .checked_div(weight)
        .map_err(|_| MathError::invalid("weighted_unlock", "zero weight"))?;
    let rounded = if quotient.checked_mul(weight)? == numerator {
        quotient
    } else {
        quotient.checked_add(Uint256::one())?
    };
    // between the two times: fits u64; the fallback is the later of the two
    Ok(
        u64::try_from(Uint128::try_from(rounded).unwrap_or(Uint128::MAX).u128())
            .unwrap_or(pending_until.max(deposit_until)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    #[test]
    fn seed_example_splits_exactly() {
        let split = split_fee(Uint128::new(1_000_000), &FeeRates::seed_default()).unwrap();
        assert_eq!(
            split,
            FeeSplit {
                fee: Uint128::new(10_000),
                miner_locked_reserve: Uint128::new(2_000),
                miner_spendable: Uint128::new(3_000),
                owner_salary: Uint128::new(2_000),
                treasury_net: Uint128::new(3_000),
            }
        );
    }

    #[test]
    fn remainder_goes_to_treasury_and_fee_rounds_up() {
        // 1% of 1,234 = 12.34 -> fee 13; 0.2% = 2.468 -> 2; 0.3% = 3.702 -> 3; 0.2% -> 2; rest 6.
        let split = split_fee(Uint128::new(1_234), &FeeRates::seed_default()).unwrap();
        assert_eq!(split.fee, Uint128::new(13));
        assert_eq!(split.miner_locked_reserve, Uint128::new(2));
        assert_eq!(split.miner_spendable, Uint128::new(3));
        assert_eq!(split.owner_salary, Uint128::new(2));
        assert_eq!(split.treasury_net, Uint128::new(6));
        // the smallest job still pays a fee of one base unit, all of it to the treasury
        let split = split_fee(Uint128::one(), &FeeRates::seed_default()).unwrap();
        assert_eq!(
            (split.fee, split.treasury_net),
            (Uint128::one(), Uint128::one())
        );
    }

    #[test]
    fn overflowing_job_value_is_an_error() {
        let rates = FeeRates {
            total_fee_rate: Decimal::one(),
            ..FeeRates::seed_default()
        };
        let err = split_fee(Uint128::MAX, &FeeRates::seed_default());
        assert!(err.is_ok(), "1% of MAX fits");
        // a rate above one cannot be built by a validated config, but the math stays checked
        let big = FeeRates {
            total_fee_rate: Decimal::percent(200),
            ..rates
        };
        assert!(matches!(
            split_fee(Uint128::MAX, &big),
            Err(MathError::CheckedMultiplyFraction(_))
        ));
    }

    #[test]
    fn validate_rejects_rates_that_do_not_sum() {
        assert_eq!(FeeRates::seed_default().validate(), Ok(()));
        let bad = FeeRates {
            treasury_net_rate: Decimal::permille(4),
            ..FeeRates::seed_default()
        };
        assert!(
            matches!(bad.validate(), Err(MathError::InvalidParameter { name, .. }) if name == "fee_rates")
        );
        let zero = FeeRates {
            total_fee_rate: Decimal::zero(),
            miner_lock_rate: Decimal::zero(),
            miner_spendable_rate: Decimal::zero(),
            owner_salary_rate: Decimal::zero(),
            treasury_net_rate: Decimal::zero(),
        };
        assert!(
            matches!(zero.validate(), Err(MathError::InvalidParameter { name, .. }) if name == "total_fee_rate")
        );
        let above_one = FeeRates {
            total_fee_rate: Decimal::percent(101),
            ..FeeRates::seed_default()
        };
        assert!(above_one.validate().is_err());
    }

    #[test]
    fn a_deposit_moves_the_unlock_in_proportion_to_what_it_locks() {
        let u = Uint128::new;
        // 1,000 locked until 1,000; one more unit until 101,000: moved by 100,000 / 1,001, up
        assert_eq!(
            weighted_unlock(u(1_000), 1_000, u(1), 101_000).unwrap(),
            1_100
        );
        // equal amounts: the midpoint
        assert_eq!(weighted_unlock(u(5), 100, u(5), 200).unwrap(), 150);
        // nothing pending: the deposit's own lock; nothing deposited: unchanged
        assert_eq!(weighted_unlock(u(0), 7, u(3), 900).unwrap(), 900);
        assert_eq!(weighted_unlock(u(3), 7, u(0), 900).unwrap(), 7);
        // no overflow at the edges
        assert_eq!(
            weighted_unlock(Uint128::MAX, u64::MAX, Uint128::MAX, u64::MAX).unwrap(),
            u64::MAX
        );
    }

    fn arb_rates() -> impl Strategy<Value = FeeRates> {
        (
            0u64..=250_000,
            0u64..=250_000,
            0u64..=250_000,
            1u64..=250_000,
        )
            .prop_map(|(a, b, c, d)| {
                let [a, b, c, d] = [a, b, c, d].map(|x| Decimal::from_ratio(x, 1_000_000u64));
                FeeRates {
                    total_fee_rate: a + b + c + d,
                    miner_lock_rate: a,
                    miner_spendable_rate: b,
                    owner_salary_rate: c,
                    treasury_net_rate: d,
                }
            })
    }

    proptest! {
        #![proptest_config(Config { cases: 2_000, rng_seed: RngSeed::Fixed(0x5EED_0001), ..Config::default() })]

        /// The parts always sum exactly to the fee, and the fee never undercharges.
        #[test]
        fn parts_sum_to_fee(job_value in 1u128..=u128::MAX / 4, rates in arb_rates()) {
            prop_assert_eq!(rates.validate(), Ok(()));
            let s = split_fee(Uint128::new(job_value), &rates).unwrap();
            prop_assert_eq!(s.miner_locked_reserve + s.miner_spendable + s.owner_salary + s.treasury_net, s.fee);
            prop_assert!(s.fee >= Uint128::new(job_value).mul_floor(rates.total_fee_rate));
            prop_assert!(s.treasury_net >= Uint128::new(job_value).mul_floor(rates.treasury_net_rate));
        }

        /// The weighted unlock lies between the two times and never before the exact mean.
        #[test]
        fn weighted_unlock_is_between_the_times(p in 0u128..10u128.pow(30), pu in 0u64..10u64.pow(12), d in 0u128..10u128.pow(30), du in 0u64..10u64.pow(12)) {
            let t = weighted_unlock(Uint128::new(p), pu, Uint128::new(d), du).unwrap();
            prop_assert!(t >= pu.min(du) && t <= pu.max(du));
            if p + d > 0 {
                let exact = (p as f64 * pu as f64 + d as f64 * du as f64) / (p as f64 + d as f64);
                prop_assert!(t as f64 + 1.0 >= exact * (1.0 - 1e-12));
            }
        }
    }
}
