//! Task auctions (seed 004 "Auction System" and "Treasury and Taxes"): the score of a bid and
//! the tax on a payout.

use cosmwasm_std::{Decimal, Uint128};

use crate::MathError;

/// The reputation at which a bid's reputation term is full: seed 004 `min(1, reputation /
/// 1000)`.
pub const FULL_REPUTATION: u128 = 1_000;

/// The delivery time at which a bid's time term is zero: seed 004 `min(1, days / 30)`.
pub const FULL_DAYS: u32 = 30;

/// Seed 004 `score_bid`: `0.4 × (1 - amount / max_reward) + 0.4 × min(1, reputation / 1000) +
/// 0.2 × (1 - min(1, estimated_days / 30))`, each ratio a `Decimal` rounded down to 18
/// decimals. The seed's worked example table disagrees with this formula (it lists 0.376 /
/// 0.384 / 0.394 for bids the formula scores 0.268 / 0.278666... / 0.282666...); the formula
/// is what the contract computes (docs/economics.md has the numbers).
///
/// Errors: [`MathError::InvalidParameter`] for a zero `max_reward` or an `amount` above it.
pub fn score_bid(
    amount: Uint128,
    max_reward: Uint128,
    reputation: Uint128,
    estimated_days: u32,
) -> Result<Decimal, MathError> {
    if max_reward.is_zero() || amount > max_reward {
        return Err(MathError::InvalidParameter {
            name: "amount".into(),
            reason: format!("must be at most max_reward {max_reward} (and max_reward above 0)"),
        });
    }
    let cost = Decimal::one().checked_sub(Decimal::checked_from_ratio(amount, max_reward)?)?;
    let reputation = Decimal::checked_from_ratio(
        reputation.min(Uint128::new(FULL_REPUTATION)),
        FULL_REPUTATION,
    )?;
    let time = Decimal::one().checked_sub(Decimal::from_ratio(
        estimated_days.min(FULL_DAYS),
        FULL_DAYS,
    ))?;
    Ok(cost
        .checked_mul(Decimal::percent(40))?
        .checked_add(reputation.checked_mul(Decimal::percent(40))?)?
        .checked_add(time.checked_mul(Decimal::percent(20))?)?)
}

/// Seed 004's task tax: `max(1, round(amount × rate))` base units, `rate = tax_bps / 10,000`,
/// with `round` as the seed's Python: to the nearest integer, a tie (exactly .5) to the even
/// one, on the exact product; never more than `amount` (a payout of 0 pays no tax).
pub fn task_tax(amount: Uint128, tax_bps: u16) -> Uint128 {
    if amount.is_zero() {
        return Uint128::zero();
    }
    let product = amount.full_mul(u128::from(tax_bps));
    let ten_thousand = cosmwasm_std::Uint256::from(10_000u128);
    let quotient = product / ten_thousand;
    let twice_remainder = (product % ten_thousand) * cosmwasm_std::Uint256::from(2u8);
    let rounded = if twice_remainder > ten_thousand
        || (twice_remainder == ten_thousand
            && quotient % cosmwasm_std::Uint256::from(2u8) == cosmwasm_std::Uint256::one())
    {
        quotient + cosmwasm_std::Uint256::one()
    } else {
        quotient
    };
    let tax = Uint128::try_from(rounded).unwrap_or(Uint128::MAX);
    tax.max(Uint128::one()).min(amount)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(v: u128) -> Uint128 {
        Uint128::new(v)
    }

    #[test]
    fn scores_the_seeds_three_bids_by_the_formula() {
        let max = u(500);
        let a = score_bid(u(450), max, u(120), 3).unwrap();
        let b = score_bid(u(400), max, u(80), 5).unwrap();
        let c = score_bid(u(480), max, u(200), 2).unwrap();
        assert_eq!(a, Decimal::permille(268));
        // 0.08 + 0.032 + 0.2 × (1 - 1/6) = 0.278666...
        assert_eq!(b.to_string(), "0.278666666666666666");
        assert_eq!(c.to_string(), "0.282666666666666666");
        // C wins, as the seed says, though not by the table's figures
        assert!(c > b && b > a);
    }

    #[test]
    fn score_bounds() {
        // a free, instant bid by a full reputation scores 1; the worst 0
        assert_eq!(score_bid(u(0), u(10), u(5_000), 0).unwrap(), Decimal::one());
        assert_eq!(score_bid(u(10), u(10), u(0), 45).unwrap(), Decimal::zero());
        assert!(score_bid(u(11), u(10), u(0), 1).is_err());
        assert!(score_bid(u(0), u(0), u(0), 1).is_err());
    }

    #[test]
    fn tax_is_two_percent_rounded_half_to_even_at_least_one() {
        assert_eq!(task_tax(u(100), 200), u(2));
        assert_eq!(task_tax(u(49), 200), u(1)); // 0.98 -> 1
        assert_eq!(task_tax(u(10), 200), u(1)); // 0.2 -> 0, at least 1
        assert_eq!(task_tax(u(125), 200), u(2)); // 2.5 -> 2 (even)
        assert_eq!(task_tax(u(175), 200), u(4)); // 3.5 -> 4 (even)
        assert_eq!(task_tax(u(176), 200), u(4)); // 3.52 -> 4
        assert_eq!(task_tax(u(1), 200), u(1)); // the whole payout
        assert_eq!(task_tax(u(0), 200), u(0));
        assert_eq!(
            task_tax(Uint128::MAX, 200),
            Uint128::MAX.multiply_ratio(2u8, 100u8)
        );
    }
}
