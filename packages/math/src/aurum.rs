//! AUR gold backing: how much AUR an attested gold reserve backs, the live backing ratio, the AUR a
//! payment buys and the gold a redemption is owed.
//!
//! Sources: seed 000 "Aurum (AUR): backed 1:1 by physical gold reserves", governance parameter
//! `aurum_gold_backing_ratio` and stability condition "AUR gold backing must remain > 100 %";
//! seed 001 `aurum_supply: u64 // Gold-backed 1:1` and `can_mint_tokens` (AUR is eligible while
//! the gold backing ratio >= `aurum_gold_backing_ratio`).
//!
//! Units:
//! - gold in integer **milligrams** (`reserve_mg`, `grams_mg`);
//! - AUR in **base units** (AUR has 6 decimals: 1 AUR = 1,000,000 base units);
//! - `aur_per_gram`: AUR base units per gram of gold (1:1 backing of 1 AUR per gram is
//!   `1_000_000`);
//! - `backing_ratio`: reserve value / supply required, a `Decimal` >= 1 (1.0 = 100 %);
//! - `price`: payment-asset base units per AUR base unit (with two 6-decimal tokens, whole payment
//!   tokens per whole AUR).
//!
//! Everything is exact integer arithmetic on `Uint256` (products of two `Uint128`s always fit)
//! with one rounding per result, always against the caller: the supply a reserve backs, the AUR a
//! payment buys and the gold a redemption is owed are rounded down; what a purchase costs is
//! rounded up.

use cosmwasm_std::{Decimal, Decimal256, Uint128, Uint256};

use crate::MathError;

/// Milligrams per gram.
pub const MG_PER_GRAM: u128 = 1_000;

/// The AUR base units `reserve_mg` milligrams of gold are worth at `aur_per_gram`:
/// `floor(reserve_mg × aur_per_gram / 1000)`.
///
/// Errors: `Overflow` when the value does not fit in `Uint128`.
pub fn reserve_value(reserve_mg: Uint128, aur_per_gram: Uint128) -> Result<Uint128, MathError> {
    let value = Uint256::from(reserve_mg).checked_mul(Uint256::from(aur_per_gram))?
        / Uint256::from(MG_PER_GRAM);
    to_uint128(value)
}

/// The largest AUR supply `reserve_mg` backs at `backing_ratio`, in AUR base units:
/// `max_supply = floor(reserve_mg × aur_per_gram / 1000 / backing_ratio)`, computed exactly as
/// `floor(reserve_mg × aur_per_gram × 10^18 / (1000 × backing_ratio_atomics))` (one rounding,
/// down: the reserve never backs a base unit it cannot cover).
///
/// Hence for every integer supply `s`: `s <= max_supply` if and only if
/// `s × 1000 × backing_ratio <= reserve_mg × aur_per_gram` (see [`is_backed`]).
///
/// Errors: `InvalidParameter` when `backing_ratio < 1` (seed 000: backing must stay above 100 %)
/// or `aur_per_gram` is zero; `Overflow` when the result does not fit in `Uint128`.
pub fn max_supply(
    reserve_mg: Uint128,
    aur_per_gram: Uint128,
    backing_ratio: Decimal,
) -> Result<Uint128, MathError> {
    check_backing_params(aur_per_gram, backing_ratio)?;
    let value = Uint256::from(reserve_mg).checked_mul(Uint256::from(aur_per_gram))?;
    // 1000 × atomics < 2^10 × 2^128: no overflow in Uint256
    let denominator = Uint256::from(MG_PER_GRAM) * Uint256::from(backing_ratio.atomics());
    let max = value.checked_multiply_ratio(Uint256::from(Decimal::one().atomics()), denominator)?;
    to_uint128(max)
}

/// Whether `supply` AUR base units are backed by `reserve_mg` at `backing_ratio`:
/// `supply × 1000 × backing_ratio <= reserve_mg × aur_per_gram`, i.e. `supply <= max_supply`.
///
/// Errors: as [`max_supply`], except that a `max_supply` beyond `Uint128` means every supply is
/// backed.
pub fn is_backed(
    supply: Uint128,
    reserve_mg: Uint128,
    aur_per_gram: Uint128,
    backing_ratio: Decimal,
) -> Result<bool, MathError> {
    match max_supply(reserve_mg, aur_per_gram, backing_ratio) {
        Ok(max) => Ok(supply <= max),
        Err(MathError::Overflow(_)) | Err(MathError::CheckedMultiplyRatio(_)) => Ok(true),
        Err(e) => Err(e),
    }
}

/// The live backing ratio `reserve value / supply`, where the reserve value is
/// `reserve_mg × aur_per_gram / 1000` AUR base units, rounded down to 18 decimals (the reported
/// backing never overstates the reserve). `None` when `supply` is zero (no AUR to back).
///
/// Errors: `CheckedFromRatio` (overflow) when the ratio exceeds `Decimal256::MAX`, which needs a
/// reserve value about 10^59 times the supply.
pub fn backing_ratio(
    reserve_mg: Uint128,
    aur_per_gram: Uint128,
    supply: Uint128,
) -> Result<Option<Decimal256>, MathError> {
    if supply.is_zero() {
        return Ok(None);
    }
    let value = Uint256::from(reserve_mg).checked_mul(Uint256::from(aur_per_gram))?;
    let denominator = Uint256::from(supply).checked_mul(Uint256::from(MG_PER_GRAM))?;
    Ok(Some(Decimal256::checked_from_ratio(value, denominator)?))
}

/// The AUR base units a payment of `paid` payment-asset base units buys at `price` (payment base
/// units per AUR base unit): `floor(paid / price)`. What is left over (less than one AUR base
/// unit's price) stays with the payment.
///
/// Errors: `InvalidParameter` when `price` is zero; `CheckedMultiplyFraction` when the result
/// does not fit in `Uint128`.
pub fn purchase_amount(paid: Uint128, price: Decimal) -> Result<Uint128, MathError> {
    if price.is_zero() {
        return Err(MathError::invalid("price", "must be positive"));
    }
    Ok(paid.checked_div_floor(price)?)
}

/// What `aur` AUR base units cost at `price`: `ceil(aur × price)` payment base units. For every
/// payment, `purchase_cost(purchase_amount(paid)) <= paid`.
///
/// Errors: `CheckedMultiplyFraction` when the cost does not fit in `Uint128`.
pub fn purchase_cost(aur: Uint128, price: Decimal) -> Result<Uint128, MathError> {
    Ok(aur.checked_mul_ceil(price)?)
}

/// The gold, in milligrams, owed for redeeming `aur` AUR base units at `aur_per_gram`:
/// `floor(aur × 1000 / aur_per_gram)` (rounded down: the custodians never ship more gold than the
/// burned AUR was worth).
///
/// Errors: `InvalidParameter` when `aur_per_gram` is zero; `Overflow` when the result does not
/// fit in `Uint128`.
pub fn redemption_mg(aur: Uint128, aur_per_gram: Uint128) -> Result<Uint128, MathError> {
    if aur_per_gram.is_zero() {
        return Err(MathError::invalid("aur_per_gram", "must be positive"));
    }
    Ok(aur.checked_multiply_ratio(MG_PER_GRAM, aur_per_gram)?)
}

/// The smallest AUR amount whose redemption is owed at least one milligram:
/// `ceil(aur_per_gram / 1000)`.
pub fn min_redemption(aur_per_gram: Uint128) -> Uint128 {
    // no overflow at Uint128::MAX
    Uint128::new(aur_per_gram.u128().div_ceil(MG_PER_GRAM)).max(Uint128::one())
}

fn check_backing_params(aur_per_gram: Uint128, backing_ratio: Decimal) -> Result<(), MathError> {
    if aur_per_gram.is_zero() {
        return Err(MathError::invalid("aur_per_gram", "must be positive"));
    }
    if backing_ratio < Decimal::one() {
        return Err(MathError::invalid(
            "backing_ratio",
            format!("{backing_ratio} is below 1 (100 %)"),
        ));
    }
    Ok(())
}

fn to_uint128(value: Uint256) -> Result<Uint128, MathError> {
    Uint128::try_from(value).map_err(|_| {
        MathError::Overflow(cosmwasm_std::OverflowError::new(
            cosmwasm_std::OverflowOperation::Mul,
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    fn u(n: u128) -> Uint128 {
        Uint128::new(n)
    }

    /// 1 AUR (10^6 base units) per gram: seed 000/001 "backed 1:1".
    const ONE_TO_ONE: u128 = 1_000_000;

    fn ratio(percent: u64) -> Decimal {
        Decimal::percent(percent)
    }

    #[test]
    fn one_to_one_backing() {
        // 1 kg of gold backs 1,000 AUR at 100 %
        assert_eq!(
            max_supply(u(1_000_000), u(ONE_TO_ONE), Decimal::one()).unwrap(),
            u(1_000 * ONE_TO_ONE)
        );
        // 1 mg backs 0.001 AUR = 1,000 base units
        assert_eq!(
            max_supply(u(1), u(ONE_TO_ONE), Decimal::one()).unwrap(),
            u(1_000)
        );
        assert_eq!(
            reserve_value(u(1_000_000), u(ONE_TO_ONE)).unwrap(),
            u(1_000 * ONE_TO_ONE)
        );
        assert_eq!(
            max_supply(u(0), u(ONE_TO_ONE), Decimal::one()).unwrap(),
            u(0)
        );
    }

    #[test]
    fn ratio_above_one_backs_less_and_rounds_down() {
        // 1 kg at 125 %: 800 AUR
        assert_eq!(
            max_supply(u(1_000_000), u(ONE_TO_ONE), ratio(125)).unwrap(),
            u(800 * ONE_TO_ONE)
        );
        // 1 mg at 1 base unit per gram is worth 0.001 base units: backs nothing
        assert_eq!(max_supply(u(1), u(1), Decimal::one()).unwrap(), u(0));
        // 10 g at 3 base units per gram and 150 %: 30 / 1.5 = 20
        assert_eq!(max_supply(u(10_000), u(3), ratio(150)).unwrap(), u(20));
        // 10 g at 1 per gram and 300 %: 10 / 3 = 3.33 -> 3
        assert_eq!(max_supply(u(10_000), u(1), ratio(300)).unwrap(), u(3));
        assert!(is_backed(u(3), u(10_000), u(1), ratio(300)).unwrap());
        assert!(!is_backed(u(4), u(10_000), u(1), ratio(300)).unwrap());
    }

    #[test]
    fn invalid_parameters_are_refused() {
        assert_eq!(
            max_supply(u(1), u(ONE_TO_ONE), ratio(99)),
            Err(MathError::invalid(
                "backing_ratio",
                "0.99 is below 1 (100 %)"
            ))
        );
        assert!(max_supply(u(1), u(0), Decimal::one()).is_err());
        assert!(redemption_mg(u(1), u(0)).is_err());
        assert!(purchase_amount(u(1), Decimal::zero()).is_err());
        assert!(is_backed(u(1), u(1), u(1), ratio(50)).is_err());
    }

    #[test]
    fn huge_reserves_overflow_or_saturate_cleanly() {
        assert!(max_supply(Uint128::MAX, Uint128::MAX, Decimal::one()).is_err());
        assert!(is_backed(Uint128::MAX, Uint128::MAX, Uint128::MAX, Decimal::one()).unwrap());
        assert!(reserve_value(Uint128::MAX, Uint128::MAX).is_err());
        // the largest ratio: (2^128 - 1) x 1000 / 1000 / ((2^128 - 1) / 10^18) = 10^18
        assert_eq!(
            max_supply(Uint128::MAX, u(1_000), Decimal::MAX).unwrap(),
            u(10u128.pow(18))
        );
    }

    #[test]
    fn live_backing_ratio() {
        assert_eq!(backing_ratio(u(1_000), u(ONE_TO_ONE), u(0)).unwrap(), None);
        // 1 g backs 1 AUR: 100 %
        assert_eq!(
            backing_ratio(u(1_000), u(ONE_TO_ONE), u(ONE_TO_ONE)).unwrap(),
            Some(Decimal256::one())
        );
        // 2 g for 3 AUR: 0.666... rounded down
        assert_eq!(
            backing_ratio(u(2_000), u(ONE_TO_ONE), u(3 * ONE_TO_ONE)).unwrap(),
            Some(Decimal256::from_atomics(666_666_666_666_666_666u128, 18).unwrap())
        );
        assert_eq!(
            backing_ratio(u(0), u(ONE_TO_ONE), u(1)).unwrap(),
            Some(Decimal256::zero())
        );
    }

    #[test]
    fn purchases_round_against_the_buyer() {
        // 65 FLX per AUR (both 6 decimals): price 65 per base unit
        let price = Decimal::from_atomics(65u128, 0).unwrap();
        assert_eq!(
            purchase_amount(u(65 * ONE_TO_ONE), price).unwrap(),
            u(ONE_TO_ONE)
        );
        assert_eq!(purchase_amount(u(129), price).unwrap(), u(1));
        assert_eq!(purchase_amount(u(64), price).unwrap(), u(0));
        // 0.3 per base unit: 10 buys 33, which costs ceil(9.9) = 10
        let price = Decimal::percent(30);
        assert_eq!(purchase_amount(u(10), price).unwrap(), u(33));
        assert_eq!(purchase_cost(u(33), price).unwrap(), u(10));
        assert_eq!(purchase_cost(u(34), price).unwrap(), u(11));
        assert!(purchase_amount(Uint128::MAX, Decimal::percent(1)).is_err());
    }

    #[test]
    fn redemptions_round_against_the_holder() {
        assert_eq!(
            redemption_mg(u(ONE_TO_ONE), u(ONE_TO_ONE)).unwrap(),
            u(1_000)
        );
        assert_eq!(redemption_mg(u(1_999), u(ONE_TO_ONE)).unwrap(), u(1));
        assert_eq!(redemption_mg(u(999), u(ONE_TO_ONE)).unwrap(), u(0));
        assert_eq!(min_redemption(u(ONE_TO_ONE)), u(1_000));
        assert_eq!(min_redemption(u(1_001)), u(2));
        assert_eq!(min_redemption(u(1)), u(1));
        assert_eq!(min_redemption(Uint128::MAX), u(u128::MAX / 1_000 + 1));
        assert_eq!(
            redemption_mg(min_redemption(u(1_001)), u(1_001)).unwrap(),
            u(1)
        );
    }

    proptest! {
        #![proptest_config(Config { cases: 2_000, rng_seed: RngSeed::Fixed(0x5EED_00A0), failure_persistence: None, ..Config::default() })]

        /// `max_supply` is the exact floor: it is backed and one more base unit is not
        /// (checked by cross-multiplication in Uint256), and it grows with the reserve.
        #[test]
        fn max_supply_is_the_exact_floor(
            reserve in 0u128..10u128.pow(20),
            per_gram in 1u128..10u128.pow(12),
            ratio_atomics in 10u128.pow(18)..10u128.pow(20),
            extra in 0u128..10u128.pow(6),
        ) {
            let ratio = Decimal::new(Uint128::new(ratio_atomics));
            let max = max_supply(u(reserve), u(per_gram), ratio).unwrap();
            let value = Uint256::from(reserve) * Uint256::from(per_gram) * Uint256::from(10u128.pow(18));
            let need = |s: Uint128| Uint256::from(s) * Uint256::from(1_000u128) * Uint256::from(ratio_atomics);
            prop_assert!(need(max) <= value);
            prop_assert!(need(max + u(1)) > value);
            prop_assert!(is_backed(max, u(reserve), u(per_gram), ratio).unwrap());
            prop_assert!(!is_backed(max + u(1), u(reserve), u(per_gram), ratio).unwrap());
            let more = max_supply(u(reserve + extra), u(per_gram), ratio).unwrap();
            prop_assert!(more >= max);
            // the backing of a backed supply is at least the ratio
            if !max.is_zero() {
                let live = backing_ratio(u(reserve), u(per_gram), max).unwrap().unwrap();
                prop_assert!(live >= Decimal256::from(ratio));
            }
            // a higher ratio never backs more
            let higher = Decimal::new(Uint128::new(ratio_atomics + extra));
            prop_assert!(max_supply(u(reserve), u(per_gram), higher).unwrap() <= max);
        }

        /// A purchase never costs more than was paid and the change is below one unit's price;
        /// a redemption is never owed more gold than the AUR was worth, and less than a mg less.
        #[test]
        fn purchases_and_redemptions_round_against_the_caller(
            paid in 0u128..10u128.pow(30),
            price_atomics in 10u128.pow(12)..10u128.pow(24),
            aur in 0u128..10u128.pow(30),
            per_gram in 1u128..10u128.pow(12),
        ) {
            let price = Decimal::new(Uint128::new(price_atomics));
            let bought = purchase_amount(u(paid), price).unwrap();
            let cost = purchase_cost(bought, price).unwrap();
            prop_assert!(cost <= u(paid));
            prop_assert!(purchase_cost(bought + u(1), price).unwrap() > u(paid));
            let mg = redemption_mg(u(aur), u(per_gram)).unwrap();
            let worth = Uint256::from(aur) * Uint256::from(1_000u128);
            prop_assert!(Uint256::from(mg) * Uint256::from(per_gram) <= worth);
            prop_assert!((Uint256::from(mg) + Uint256::one()) * Uint256::from(per_gram) > worth);
            prop_assert_eq!(mg.is_zero(), u(aur) < min_redemption(u(per_gram)));
        }
    }
}
