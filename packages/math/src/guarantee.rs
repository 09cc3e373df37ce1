//! Guarantees (seed 003's guarantee tokens): valuing collateral at a TWAP price, the opening and
//! maintenance tests, the share of collateral a default sets aside for the claims, a claim's
//! pro-rata redemption and the liquidation fee.
//!
//! Units: `collateral` in the collateral's base units, `coverage` and values in FLX base units,
//! `price` in FLX base units per collateral base unit (a pair's `price_average` as
//! `Decimal256`). Rounding goes against whoever is paid: a value is floored, the collateral set
//! aside for the claims is rounded up (the claims are the party protected), a redemption is
//! floored except the last, which takes the rest.

use cosmwasm_std::{Decimal, Decimal256, Uint128, Uint256};

use crate::error::MathError;

/// `floor(collateral × price)`, FLX base units.
///
/// Errors: `Overflow` (a value above `Uint128::MAX`).
pub fn collateral_value(collateral: Uint128, price: Decimal256) -> Result<Uint128, MathError> {
    let value = Uint256::from(collateral)
        .checked_mul_floor(price)
        .map_err(|_| MathError::InvalidParameter {
            name: "collateral_value".to_string(),
            reason: "collateral x price overflows".to_string(),
        })?;
    Uint128::try_from(value).map_err(|_| MathError::InvalidParameter {
        name: "collateral_value".to_string(),
        reason: "above the largest Uint128".to_string(),
    })
}

/// Whether `coverage <= floor(value × max_ltv)`: the haircut test a guarantee opens with and a
/// collateral release must keep (as Mars's `max_loan_to_value`).
pub fn within_ltv(value: Uint128, max_ltv: Decimal, coverage: Uint128) -> bool {
    value.mul_floor(max_ltv) >= coverage
}

/// Whether `value < coverage × maintenance_ratio` (the product rounded up): the collateral has
/// fallen below what the guarantee must keep, and anyone may liquidate it.
pub fn below_maintenance(value: Uint128, coverage: Uint128, maintenance_ratio: Decimal) -> bool {
    value < coverage.mul_ceil(maintenance_ratio)
}

/// `value / coverage`, or `None` when nothing is covered.
///
/// Errors: `CheckedFromRatio` (a ratio above `Decimal::MAX`).
pub fn health_ratio(value: Uint128, coverage: Uint128) -> Result<Option<Decimal>, MathError> {
    if coverage.is_zero() {
        return Ok(None);
    }
    Ok(Some(Decimal::checked_from_ratio(value, coverage)?))
}

/// The collateral a default sets aside for the claims: what covers `coverage` at `price`,
/// `ceil(coverage / price)`, at most all of `collateral`; all of it when `price` is `None` (no
/// TWAP answers) or zero.
///
/// Errors: none beyond arithmetic (`Overflow` for a quotient above `Uint128::MAX`, which is then
/// capped at `collateral`).
pub fn set_aside_at_default(
    collateral: Uint128,
    coverage: Uint128,
    price: Option<Decimal256>,
) -> Uint128 {
    let Some(price) = price.filter(|p| !p.is_zero()) else {
        return collateral;
    };
    // ceil(coverage / price) = ceil(coverage × 10^18 / atomics)
    let atomics = price.atomics();
    let numerator = Uint256::from(coverage).full_mul(Decimal256::one().atomics());
    let denominator = cosmwasm_std::Uint512::from(atomics);
    let quotient = numerator.checked_div(denominator).unwrap_or_default();
    let exact = numerator
        .checked_rem(denominator)
        .map(|r| r.is_zero())
        .unwrap_or(true);
    let needed = if exact {
        quotient
    } else {
        quotient + cosmwasm_std::Uint512::one()
    };
    match Uint128::try_from(needed) {
        Ok(needed) => needed.min(collateral),
        Err(_) => collateral,
    }
}

/// What a redemption of `amount` claims pays: `floor(remaining × amount / claims_remaining)`,
/// and exactly `remaining` when `amount` is every claim left, so the last redeemer takes what
/// rounding left and nothing is stranded.
///
/// Errors: [`MathError::InvalidParameter`] when `amount` is zero or above `claims_remaining`.
pub fn redemption(
    remaining: Uint128,
    claims_remaining: Uint128,
    amount: Uint128,
) -> Result<Uint128, MathError> {
    if amount.is_zero() || amount > claims_remaining {
        return Err(MathError::InvalidParameter {
            name: "amount".to_string(),
            reason: format!("must be within 1..={claims_remaining}"),
        });
    }
    if amount == claims_remaining {
        return Ok(remaining);
    }
    Ok(remaining.multiply_ratio(amount, claims_remaining))
}

/// A liquidator's fee: `floor(collateral × fee_bps / 10,000)`.
pub fn liquidation_fee(collateral: Uint128, fee_bps: u16) -> Uint128 {
    collateral.multiply_ratio(fee_bps, 10_000u128)
}

/// The least FLX a liquidation's sale of `sold` collateral must return: its value at `price`
/// less `max_slippage_bps`, `floor(floor(sold × price) × (10,000 - bps) / 10,000)`.
///
/// Errors: as [`collateral_value`].
pub fn minimum_receive(
    sold: Uint128,
    price: Decimal256,
    max_slippage_bps: u16,
) -> Result<Uint128, MathError> {
    let value = collateral_value(sold, price)?;
    Ok(value.multiply_ratio(
        10_000u128 - u128::from(max_slippage_bps.min(10_000)),
        10_000u128,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal256 {
        Decimal256::from_str(s).unwrap()
    }

    #[test]
    fn values_tests_and_set_aside() {
        assert_eq!(
            collateral_value(Uint128::new(1_000), d("2.5")).unwrap(),
            Uint128::new(2_500)
        );
        assert_eq!(
            collateral_value(Uint128::new(3), d("0.333333333333333333")).unwrap(),
            Uint128::zero()
        );
        // 60 % haircut: 2,500 of value covers 1,500
        assert!(within_ltv(
            Uint128::new(2_500),
            Decimal::percent(60),
            Uint128::new(1_500)
        ));
        assert!(!within_ltv(
            Uint128::new(2_500),
            Decimal::percent(60),
            Uint128::new(1_501)
        ));
        // maintenance 1.2 of 1,500 = 1,800
        assert!(!below_maintenance(
            Uint128::new(1_800),
            Uint128::new(1_500),
            Decimal::percent(120)
        ));
        assert!(below_maintenance(
            Uint128::new(1_799),
            Uint128::new(1_500),
            Decimal::percent(120)
        ));
        assert_eq!(
            health_ratio(Uint128::new(3_000), Uint128::new(1_500)).unwrap(),
            Some(Decimal::percent(200))
        );
        assert_eq!(
            health_ratio(Uint128::new(1), Uint128::zero()).unwrap(),
            None
        );
        // 1,500 FLX at 2.5 FLX per unit needs 600 units; at 3 it needs ceil(500) = 500
        assert_eq!(
            set_aside_at_default(Uint128::new(1_000), Uint128::new(1_500), Some(d("2.5"))),
            Uint128::new(600)
        );
        assert_eq!(
            set_aside_at_default(Uint128::new(1_000), Uint128::new(1_000), Some(d("3"))),
            Uint128::new(334)
        );
        // the price fell: everything
        assert_eq!(
            set_aside_at_default(Uint128::new(1_000), Uint128::new(1_500), Some(d("1"))),
            Uint128::new(1_000)
        );
        assert_eq!(
            set_aside_at_default(Uint128::new(1_000), Uint128::new(1), None),
            Uint128::new(1_000)
        );
        assert_eq!(
            set_aside_at_default(
                Uint128::new(1_000),
                Uint128::new(1),
                Some(Decimal256::zero())
            ),
            Uint128::new(1_000)
        );
    }

    #[test]
    fn redemptions_floor_and_the_last_takes_the_rest() {
        assert_eq!(
            redemption(Uint128::new(100), Uint128::new(3), Uint128::new(1)).unwrap(),
            Uint128::new(33)
        );
        assert_eq!(
            redemption(Uint128::new(67), Uint128::new(2), Uint128::new(2)).unwrap(),
            Uint128::new(67)
        );
        assert!(redemption(Uint128::new(67), Uint128::new(2), Uint128::new(3)).is_err());
        assert!(redemption(Uint128::new(67), Uint128::new(2), Uint128::zero()).is_err());
        assert_eq!(
            liquidation_fee(Uint128::new(10_050), 100),
            Uint128::new(100)
        );
        assert_eq!(
            minimum_receive(Uint128::new(1_000), d("2"), 500).unwrap(),
            Uint128::new(1_900)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        /// Any order of redemptions pays out exactly what was set aside, never more, and each
        /// pays at most its pro-rata share rounded up.
        #[test]
        fn redemptions_sum_to_the_set_aside(
            set_aside in 0u128..10_000_000_000,
            parts in proptest::collection::vec(1u128..1_000_000, 1..8),
        ) {
            let claims: u128 = parts.iter().sum();
            let mut remaining = Uint128::new(set_aside);
            let mut claims_remaining = Uint128::new(claims);
            let mut paid = 0u128;
            for part in &parts {
                let pay = redemption(remaining, claims_remaining, Uint128::new(*part)).unwrap();
                prop_assert!(pay <= remaining);
                paid += pay.u128();
                remaining -= pay;
                claims_remaining -= Uint128::new(*part);
            }
            prop_assert_eq!(paid, set_aside);
            prop_assert!(remaining.is_zero());
        }

        /// The set-aside covers the coverage at the price whenever the collateral can.
        #[test]
        fn set_aside_covers_the_coverage(
            collateral in 1u128..1_000_000_000_000,
            coverage in 1u128..1_000_000_000_000,
            price_atomics in 1u128..100_000_000_000_000_000_000u128,
        ) {
            let price = Decimal256::new(Uint256::from(price_atomics));
            let aside = set_aside_at_default(Uint128::new(collateral), Uint128::new(coverage), Some(price));
            prop_assert!(aside.u128() <= collateral);
            let value = collateral_value(aside, price).unwrap();
            if aside.u128() < collateral {
                prop_assert!(value.u128() >= coverage);
                // one unit less would not cover it
                if !aside.is_zero() {
                    let less = collateral_value(aside - Uint128::one(), price).unwrap();
                    prop_assert!(less.u128() < coverage);
                }
            }
        }
    }
}
