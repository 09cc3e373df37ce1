//! Owner salary guardrails, seed 001 `OwnerSalaryPolicy`, `OwnerSalaryReport` and
//! `pay_owner_salary_with_guardrails`:
//! `capped = min(gross, monthly_cap)`, `vested = capped * vesting_percentage`,
//! `immediate = capped - vested`, `escrow = immediate * escrow_percentage`,
//! `final_payout = immediate - escrow`.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Decimal, Uint128};

use crate::MathError;

/// Seed 001 `OwnerSalaryPolicy`. The seed's `monthly_cap_usd` is held here as `monthly_cap` in the
/// fee token's base units (the chain has no USD price; FLX is the operational unit of account).
#[cw_serde]
#[derive(Copy)]
pub struct OwnerSalaryPolicy {
    /// Maximum salary accrued per calendar month, base units; what accrues above it goes to the
    /// treasury. Seed: 50,000 (USD) -> 50,000 FLX.
    pub monthly_cap: Uint128,
    /// Share of the capped salary that vests, seed 0.3.
    pub vesting_percentage: Decimal,
    /// Vesting runs linearly, in whole calendar months after the salary month, seed 12.
    pub vesting_period_months: u32,
    /// Share of the immediate part held in escrow, seed 0.1.
    pub escrow_percentage: Decimal,
    /// Whether each month needs the owner's (governance's) approval before payout, seed true.
    pub governance_approval_required: bool,
    /// Whether salary reports are public, seed true (the report query always answers; this flag is
    /// published in the report).
    pub transparency_reporting: bool,
    /// Whether the owner may halt salary payouts in an emergency, seed true.
    pub emergency_halt_enabled: bool,
}

impl OwnerSalaryPolicy {
    /// Seed 001 `owner_salary` with the cap in base units of a 6-decimal token.
    pub fn seed_default() -> Self {
        OwnerSalaryPolicy {
            monthly_cap: Uint128::new(50_000 * 1_000_000),
            vesting_percentage: Decimal::percent(30),
            vesting_period_months: 12,
            escrow_percentage: Decimal::percent(10),
            governance_approval_required: true,
            transparency_reporting: true,
            emergency_halt_enabled: true,
        }
    }

    /// Checks the percentages are at most 1, the vesting period at most 120 months, and above 0
    /// when a part vests.
    pub fn validate(&self) -> Result<(), MathError> {
        if self.vesting_percentage > Decimal::one() {
            return Err(MathError::invalid(
                "vesting_percentage",
                "must be at most 1",
            ));
        }
        if self.escrow_percentage > Decimal::one() {
            return Err(MathError::invalid("escrow_percentage", "must be at most 1"));
        }
        if self.vesting_period_months > 120 {
            return Err(MathError::invalid(
                "vesting_period_months",
                "must be at most 120",
            ));
        }
        if !self.vesting_percentage.is_zero() && self.vesting_period_months == 0 {
            return Err(MathError::invalid(
                "vesting_period_months",
                "must be above 0 when a part vests",
            ));
        }
        Ok(())
    }
}

/// How one month's capped salary is paid (seed 001 `OwnerSalaryReport` amounts), base units.
/// Invariant: `final_payout + escrow_amount + vested_amount == capped_salary`.
#[cw_serde]
#[derive(Copy, Default)]
pub struct SalaryBreakdown {
    /// The month's salary after the cap, base units: the total split below.
    pub capped_salary: Uint128,
    /// `capped - vested`: the part not subject to vesting (escrow included).
    pub immediate_payout: Uint128,
    /// `capped * vesting_percentage`, rounded up: released over `vesting_period_months`.
    pub vested_amount: Uint128,
    /// `immediate_payout * escrow_percentage`, rounded up: held back from the immediate payout.
    pub escrow_amount: Uint128,
    /// `immediate - escrow`: what the recipient can claim once the month is over (and approved).
    pub final_payout: Uint128,
}

/// The breakdown of a month's capped salary. Rounding is against the salary recipient: the vested
/// and escrowed parts are rounded up, the immediate payout is what remains.
pub fn salary_breakdown(
    capped_salary: Uint128,
    policy: &OwnerSalaryPolicy,
) -> Result<SalaryBreakdown, MathError> {
    let vested_amount = capped_salary.checked_mul_ceil(policy.vesting_percentage)?;
    let immediate_payout = capped_salary.checked_sub(vested_amount)?;
    let escrow_amount = immediate_payout.checked_mul_ceil(policy.escrow_percentage)?;
    let final_payout = immediate_payout.checked_sub(escrow_amount)?;
    Ok(SalaryBreakdown {
        capped_salary,
        immediate_payout,
        vested_amount,
        escrow_amount,
        final_payout,
    })
}

/// Accrues `amount` of salary to a month that already has `capped_before` under `monthly_cap`.
/// Returns `(accrued_under_cap, over_cap)`, which sum to `amount`: the part above the cap goes to
/// the treasury.
pub fn accrue_under_cap(
    capped_before: Uint128,
    amount: Uint128,
    monthly_cap: Uint128,
) -> Result<(Uint128, Uint128), MathError> {
    let room = monthly_cap.saturating_sub(capped_before);
    let accrued = amount.min(room);
    Ok((accrued, amount.checked_sub(accrued)?))
}

/// How much of `vested_amount` has vested after `months_elapsed` whole months of a linear vesting
/// over `period_months`, rounded down (all of it once the period is over, or with no period).
pub fn vested_so_far(
    vested_amount: Uint128,
    months_elapsed: u64,
    period_months: u32,
) -> Result<Uint128, MathError> {
    if period_months == 0 || months_elapsed >= period_months as u64 {
        return Ok(vested_amount);
    }
    Ok(vested_amount.checked_multiply_ratio(months_elapsed, period_months as u64)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    #[test]
    fn seed_policy_breakdown() {
        let b = salary_breakdown(Uint128::new(10_000), &OwnerSalaryPolicy::seed_default()).unwrap();
        assert_eq!(b.vested_amount, Uint128::new(3_000));
        assert_eq!(b.immediate_payout, Uint128::new(7_000));
        assert_eq!(b.escrow_amount, Uint128::new(700));
        assert_eq!(b.final_payout, Uint128::new(6_300));
    }

    #[test]
    fn cap_and_vesting() {
        assert_eq!(
            accrue_under_cap(Uint128::new(90), Uint128::new(30), Uint128::new(100)).unwrap(),
            (Uint128::new(10), Uint128::new(20))
        );
        assert_eq!(
            accrue_under_cap(Uint128::new(120), Uint128::new(30), Uint128::new(100)).unwrap(),
            (Uint128::zero(), Uint128::new(30))
        );
        assert_eq!(
            vested_so_far(Uint128::new(1_200), 0, 12).unwrap(),
            Uint128::zero()
        );
        assert_eq!(
            vested_so_far(Uint128::new(1_200), 5, 12).unwrap(),
            Uint128::new(500)
        );
        assert_eq!(
            vested_so_far(Uint128::new(1_201), 12, 12).unwrap(),
            Uint128::new(1_201)
        );
        assert_eq!(
            vested_so_far(Uint128::new(7), 1, 0).unwrap(),
            Uint128::new(7)
        );
    }

    #[test]
    fn policy_validates() {
        assert_eq!(OwnerSalaryPolicy::seed_default().validate(), Ok(()));
        let bad = OwnerSalaryPolicy {
            vesting_period_months: 0,
            ..OwnerSalaryPolicy::seed_default()
        };
        assert!(bad.validate().is_err());
        let bad = OwnerSalaryPolicy {
            escrow_percentage: Decimal::percent(150),
            ..OwnerSalaryPolicy::seed_default()
        };
        assert!(bad.validate().is_err());
    }

    proptest! {
        #![proptest_config(Config { cases: 2_000, rng_seed: RngSeed::Fixed(0x5EED_0004), ..Config::default() })]

        #[test]
        fn breakdown_sums_to_capped(capped in 0u128..10u128.pow(30), v in 0u64..=100, e in 0u64..=100) {
            let policy = OwnerSalaryPolicy { vesting_percentage: Decimal::percent(v), escrow_percentage: Decimal::percent(e), ..OwnerSalaryPolicy::seed_default() };
            let b = salary_breakdown(Uint128::new(capped), &policy).unwrap();
            prop_assert_eq!(b.final_payout + b.escrow_amount + b.vested_amount, b.capped_salary);
            prop_assert_eq!(b.immediate_payout, b.final_payout + b.escrow_amount);
        }
    }
}
