//! Constant-product (`x · y = k`) AMM math: swaps with a fee taken from the output and a protocol
//! share of it, the exact reverse of a swap, liquidity provision with a locked minimum on the first
//! deposit, withdrawal, the deposit-ratio tolerance, the spread checks, and the cumulative prices
//! behind the time-weighted average price (TWAP).
//!
//! Sources: Uniswap V2 (whitepaper §2.2 price oracle, §3.4 initialization of liquidity token
//! supply: `sqrt(x · y)` minted first and `MINIMUM_LIQUIDITY` locked; the `x · y = k` swap) and
//! Astroport's xyk pair (fee taken from the output, `spread` = ideal minus actual output,
//! `belief_price` / `max_spread` checks) for the message semantics; formulas re-derived here.
//!
//! Rounding always favours the pool (the contract never pays out more than it should):
//! - swap output `floor(ask · offer / (offer_pool + offer))`, commission
//!   `ceil(output · fee_bps / 10,000)`: `k` never falls ([`swap`]);
//! - the protocol's part of the commission `floor(commission · share)`: the rest stays in the pool;
//! - LP shares minted `floor`, the deposit actually taken for them `ceil` ([`provide`]); assets
//!   paid on withdrawal `floor` ([`withdraw`]): the value of a share never falls.
//!
//! Amounts are `Uint128` base units; intermediate products are `Uint256` (or `Uint512`), so no
//! product of two amounts can overflow. A result that does not fit a `Uint128` is an error.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{
    CheckedMultiplyFractionError, ConversionOverflowError, Decimal, Decimal256, DivideByZeroError,
    Isqrt, OverflowError, Uint128, Uint256, Uint512,
};
use thiserror::Error;

/// Denominator of fees in basis points.
pub const BPS_DENOMINATOR: u16 = 10_000;
/// Highest total swap fee accepted, basis points (10 %).
pub const MAX_TOTAL_FEE_BPS: u16 = 1_000;
/// Default total swap fee, basis points (0.3 %).
pub const DEFAULT_TOTAL_FEE_BPS: u16 = 30;
/// LP base units minted to the pair itself by the first deposit and never withdrawable (Uniswap V2
/// §3.4): makes inflating the value of one share by a donation cost at least 1,000 times the
/// inflation.
pub const MINIMUM_LIQUIDITY: Uint128 = Uint128::new(1_000);
/// Scale of the cumulative prices: a price of 1 is `10^18` (the atomics of a `Decimal256`).
pub const PRICE_SCALE: u128 = 1_000_000_000_000_000_000;

/// Errors of the AMM math. The pair wraps it with `#[from]`.
#[derive(Error, Debug, PartialEq)]
pub enum AmmMathError {
    /// A checked addition, subtraction, multiplication or power overflowed.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// A division by a zero reserve, supply or amount.
    #[error(transparent)]
    DivideByZero(#[from] DivideByZeroError),

    /// A 256-bit intermediate result did not fit back into 128 bits.
    #[error(transparent)]
    ConversionOverflow(#[from] ConversionOverflowError),

    /// A multiplication of an amount by a fee or price fraction failed (overflow or zero denominator).
    #[error(transparent)]
    MultiplyFraction(#[from] CheckedMultiplyFractionError),

    /// An offer, ask, deposit or share of zero.
    #[error("invalid zero amount")]
    ZeroAmount,

    /// A swap or a proportional deposit on a pool with a zero reserve.
    #[error("the pool has no liquidity")]
    EmptyPool,

    /// A reverse swap asking for at least what the pool holds (after the fee).
    #[error("asked for {requested}, the pool can pay out less than {available}")]
    InsufficientLiquidity {
        /// The output before the fee needed for the ask, base units.
        requested: Uint128,
        /// The pool's reserve of the asked asset.
        available: Uint128,
    },

    /// A total fee above [`MAX_TOTAL_FEE_BPS`].
    #[error("total fee of {bps} bps is above the maximum of {max} bps")]
    FeeTooHigh {
        /// The fee given.
        bps: u16,
        /// [`MAX_TOTAL_FEE_BPS`].
        max: u16,
    },

    /// A fraction (protocol fee share, tolerance, max spread) above 1.
    #[error("{name} of {value} is above 1")]
    FractionAboveOne {
        /// Which fraction.
        name: String,
        /// The value given.
        value: Decimal,
    },

    /// A first deposit whose `sqrt(x · y)` does not exceed [`MINIMUM_LIQUIDITY`].
    #[error(
        "the first deposit mints {share} LP units; it must mint more than the {minimum} locked"
    )]
    InitialShareTooLow {
        /// `floor(sqrt(deposit0 · deposit1))`.
        share: Uint128,
        /// [`MINIMUM_LIQUIDITY`].
        minimum: Uint128,
    },

    /// A deposit too small to mint a single LP base unit.
    #[error("the deposit is too small to mint any LP share")]
    ZeroShare,

    /// A withdrawal of more shares than exist.
    #[error("cannot withdraw {share} of {total} LP shares")]
    ShareExceedsTotal {
        /// The shares withdrawn.
        share: Uint128,
        /// The total supply of shares.
        total: Uint128,
    },

    /// A time interval that is empty or runs backwards.
    #[error("invalid time interval")]
    InvalidInterval,
}

/// The fee parameters of a pair.
#[cw_serde]
#[derive(Copy)]
pub struct SwapFees {
    /// Total fee of a swap, basis points of its output (before the fee), at most
    /// [`MAX_TOTAL_FEE_BPS`]; default [`DEFAULT_TOTAL_FEE_BPS`].
    pub total_fee_bps: u16,
    /// Fraction of the total fee paid to the protocol's fee address (the treasury); the rest stays
    /// in the pool for the liquidity providers. In `[0, 1]`.
    pub protocol_fee_share: Decimal,
}

impl SwapFees {
    /// Checks `total_fee_bps <= MAX_TOTAL_FEE_BPS` and `protocol_fee_share <= 1`.
    ///
    /// Errors: [`AmmMathError::FeeTooHigh`], [`AmmMathError::FractionAboveOne`].
    pub fn validate(&self) -> Result<(), AmmMathError> {
        if self.total_fee_bps > MAX_TOTAL_FEE_BPS {
            return Err(AmmMathError::FeeTooHigh {
                bps: self.total_fee_bps,
                max: MAX_TOTAL_FEE_BPS,
            });
        }
        check_fraction("protocol_fee_share", self.protocol_fee_share)
    }
}

/// Errors with [`AmmMathError::FractionAboveOne`] when `value > 1`.
pub fn check_fraction(name: &str, value: Decimal) -> Result<(), AmmMathError> {
    if value > Decimal::one() {
        return Err(AmmMathError::FractionAboveOne {
            name: name.to_string(),
            value,
        });
    }
    Ok(())
}

/// The result of a swap, in base units of the asked asset (but `offer_amount`).
#[cw_serde]
#[derive(Copy)]
pub struct SwapOutcome {
    /// What the offer bought, base units of the offered asset.
    pub offer_amount: Uint128,
    /// Paid to the trader: `gross - commission`.
    pub return_amount: Uint128,
    /// `floor(offer · ask_pool / offer_pool) - gross`: what the trade's own price impact cost
    /// (saturating at `Uint128::MAX`).
    pub spread_amount: Uint128,
    /// `ceil(gross · total_fee_bps / 10,000)`, of which `protocol_fee_amount` leaves the pool.
    pub commission_amount: Uint128,
    /// `floor(commission · protocol_fee_share)`, paid to the fee address.
    pub protocol_fee_amount: Uint128,
}

impl SwapOutcome {
    /// The output before the fee: `return_amount + commission_amount`.
    pub fn gross(&self) -> Result<Uint128, AmmMathError> {
        Ok(self.return_amount.checked_add(self.commission_amount)?)
    }

    /// What leaves the ask reserve: `return_amount + protocol_fee_amount`.
    pub fn ask_outflow(&self) -> Result<Uint128, AmmMathError> {
        Ok(self.return_amount.checked_add(self.protocol_fee_amount)?)
    }
}

/// `floor(a · b / c)`. Errors: `DivideByZero`, `ConversionOverflow` (result above `Uint128`).
pub fn mul_div_floor(a: Uint128, b: Uint128, c: Uint128) -> Result<Uint128, AmmMathError> {
    let q = a.full_mul(b).checked_div(Uint256::from(c))?;
    Ok(Uint128::try_from(q)?)
}

/// `ceil(a · b / c)`. Errors: `DivideByZero`, `ConversionOverflow` (result above `Uint128`).
pub fn mul_div_ceil(a: Uint128, b: Uint128, c: Uint128) -> Result<Uint128, AmmMathError> {
    let c = Uint256::from(c);
    let product = a.full_mul(b);
    let q = product.checked_div(c)?;
    let q = if product.checked_rem(c)?.is_zero() {
        q
    } else {
        q.checked_add(Uint256::one())?
    };
    Ok(Uint128::try_from(q)?)
}

/// Sells `offer_amount` into a pool holding `offer_pool` and `ask_pool`:
///
/// - `gross = floor(ask_pool · offer / (offer_pool + offer))` (the `x · y = k` output, rounded
///   down),
/// - `commission = ceil(gross · total_fee_bps / 10,000)`, `return = gross - commission`,
/// - `protocol_fee = floor(commission · protocol_fee_share)`,
/// - `spread = floor(offer · ask_pool / offer_pool) - gross`.
///
/// The pool then holds `offer_pool + offer` and `ask_pool - return - protocol_fee`, and
/// `(offer_pool + offer) · (ask_pool - gross) >= offer_pool · ask_pool`: `k` never falls, and the
/// commission left in the pool raises it. A zero `return_amount` is a valid outcome here; the pair
/// refuses such a swap.
///
/// Errors: [`AmmMathError::ZeroAmount`], [`AmmMathError::EmptyPool`], fee validation, `Overflow`.
pub fn swap(
    offer_pool: Uint128,
    ask_pool: Uint128,
    offer_amount: Uint128,
    fees: &SwapFees,
) -> Result<SwapOutcome, AmmMathError> {
    fees.validate()?;
    if offer_amount.is_zero() {
        return Err(AmmMathError::ZeroAmount);
    }
    if offer_pool.is_zero() || ask_pool.is_zero() {
        return Err(AmmMathError::EmptyPool);
    }
    let new_offer_pool = offer_pool.checked_add(offer_amount)?;
    let gross = mul_div_floor(ask_pool, offer_amount, new_offer_pool)?;
    let ideal = offer_amount
        .full_mul(ask_pool)
        .checked_div(Uint256::from(offer_pool))?;
    let spread = ideal.checked_sub(Uint256::from(gross))?;
    let spread_amount = Uint128::try_from(spread).unwrap_or(Uint128::MAX);
    let commission_amount = mul_div_ceil(
        gross,
        Uint128::from(fees.total_fee_bps),
        Uint128::from(BPS_DENOMINATOR),
    )?;
    let return_amount = gross.checked_sub(commission_amount)?;
    let protocol_fee_amount = commission_amount.checked_mul_floor(fees.protocol_fee_share)?;
    Ok(SwapOutcome {
        offer_amount,
        return_amount,
        spread_amount,
        commission_amount,
        protocol_fee_amount,
    })
}

/// The smallest offer whose [`swap`] returns at least `ask_amount`, and that swap's outcome (so a
/// swap of `outcome.offer_amount` returns exactly `outcome.return_amount >= ask_amount`).
///
/// `return = floor(gross · (10,000 - fee_bps) / 10,000)`, so the smallest sufficient `gross` is
/// `g = ceil(ask · 10,000 / (10,000 - fee_bps))`; `floor(A · o / (P + o)) >= g` holds exactly when
/// `o >= g · P / (A - g)`, so the offer is `ceil(g · P / (A - g))`, requiring `g < A`.
///
/// Errors: [`AmmMathError::ZeroAmount`], [`AmmMathError::EmptyPool`],
/// [`AmmMathError::InsufficientLiquidity`] (`g >= ask_pool`), fee validation, `Overflow`.
pub fn reverse_swap(
    offer_pool: Uint128,
    ask_pool: Uint128,
    ask_amount: Uint128,
    fees: &SwapFees,
) -> Result<SwapOutcome, AmmMathError> {
    fees.validate()?;
    if ask_amount.is_zero() {
        return Err(AmmMathError::ZeroAmount);
    }
    if offer_pool.is_zero() || ask_pool.is_zero() {
        return Err(AmmMathError::EmptyPool);
    }
    let gross = mul_div_ceil(
        ask_amount,
        Uint128::from(BPS_DENOMINATOR),
        Uint128::from(BPS_DENOMINATOR - fees.total_fee_bps),
    )?;
    if gross >= ask_pool {
        return Err(AmmMathError::InsufficientLiquidity {
            requested: gross,
            available: ask_pool,
        });
    }
    let offer_amount = mul_div_ceil(gross, offer_pool, ask_pool - gross)?;
    swap(offer_pool, ask_pool, offer_amount, fees)
}

/// Whether a swap breaks the trader's spread bound `max_spread` (a fraction in `[0, 1]`):
///
/// - with a `belief_price` (offered units per asked unit, fees included): the expected return is
///   `floor(offer / belief_price)`; exceeded when `return < expected` and
///   `(expected - return) / expected > max_spread`;
/// - without: exceeded when `spread / (return + commission + spread) > max_spread`.
///
/// Errors: [`AmmMathError::DivideByZero`] (a zero `belief_price`), `Overflow`.
pub fn max_spread_exceeded(
    outcome: &SwapOutcome,
    belief_price: Option<Decimal>,
    max_spread: Decimal,
) -> Result<bool, AmmMathError> {
    let scale = Uint256::from(PRICE_SCALE);
    let max = Uint256::from(max_spread.atomics());
    let returned = Uint256::from(outcome.return_amount);
    match belief_price {
        Some(price) => {
            let expected = Uint256::from(outcome.offer_amount)
                .checked_mul(scale)?
                .checked_div(Uint256::from(price.atomics()))?;
            if returned >= expected {
                return Ok(false);
            }
            let shortfall = expected - returned;
            Ok(shortfall.checked_mul(scale)? > expected.checked_mul(max)?)
        }
        None => {
            let spread = Uint256::from(outcome.spread_amount);
            let base = returned
                .checked_add(Uint256::from(outcome.commission_amount))?
                .checked_add(spread)?;
            Ok(spread.checked_mul(scale)? > base.checked_mul(max)?)
        }
    }
}

/// A liquidity provision: what is minted and what of the deposit is used.
#[cw_serde]
#[derive(Copy)]
pub struct Provision {
    /// LP base units minted to the depositor.
    pub share: Uint128,
    /// LP base units minted to the pair itself and never withdrawable ([`MINIMUM_LIQUIDITY`] on
    /// the first deposit, else zero).
    pub locked_share: Uint128,
    /// What of each deposit enters the reserves.
    pub used: [Uint128; 2],
    /// What of each deposit goes back to the depositor: `deposit - used`.
    pub refunds: [Uint128; 2],
}

/// Provides `deposits` to a pool holding `reserves` with `total_share` LP units outstanding.
///
/// - First deposit (`total_share == 0`): `floor(sqrt(d0 · d1))` units, of which
///   [`MINIMUM_LIQUIDITY`] are locked; all of both deposits is used.
/// - Later: `share = min(floor(d0 · S / R0), floor(d1 · S / R1))`, and only
///   `used_i = ceil(share · R_i / S) <= d_i` is taken; the rest is refunded. So
///   `(R_i + used_i) / (S + share) >= R_i / S`: a share never loses value to a deposit.
///
/// Errors: [`AmmMathError::ZeroAmount`] (either deposit zero), [`AmmMathError::EmptyPool`] (a
/// zero reserve with shares outstanding), [`AmmMathError::InitialShareTooLow`],
/// [`AmmMathError::ZeroShare`], `Overflow`.
pub fn provide(
    reserves: [Uint128; 2],
    total_share: Uint128,
    deposits: [Uint128; 2],
) -> Result<Provision, AmmMathError> {
    if deposits.iter().any(Uint128::is_zero) {
        return Err(AmmMathError::ZeroAmount);
    }
    if total_share.is_zero() {
        let root = deposits[0].full_mul(deposits[1]).isqrt();
        let share = Uint128::try_from(root)?;
        if share <= MINIMUM_LIQUIDITY {
            return Err(AmmMathError::InitialShareTooLow {
                share,
                minimum: MINIMUM_LIQUIDITY,
            });
        }
        return Ok(Provision {
            share: share - MINIMUM_LIQUIDITY,
            locked_share: MINIMUM_LIQUIDITY,
            used: deposits,
            refunds: [Uint128::zero(); 2],
        });
    }
    if reserves.iter().any(Uint128::is_zero) {
        return Err(AmmMathError::EmptyPool);
    }
    let share = mul_div_floor(deposits[0], total_share, reserves[0])?.min(mul_div_floor(
        deposits[1],
        total_share,
        reserves[1],
    )?);
    if share.is_zero() {
        return Err(AmmMathError::ZeroShare);
    }
    let used = [
        mul_div_ceil(share, reserves[0], total_share)?,
        mul_div_ceil(share, reserves[1], total_share)?,
    ];
    Ok(Provision {
        share,
        locked_share: Uint128::zero(),
        used,
        refunds: [
            deposits[0].checked_sub(used[0])?,
            deposits[1].checked_sub(used[1])?,
        ],
    })
}

/// Whether a deposit's ratio is within `tolerance` (a fraction in `[0, 1]`) of the pool's:
/// `d0/d1 · (1 - tolerance) <= R0/R1` and `d1/d0 · (1 - tolerance) <= R1/R0`. Always true for
/// an empty pool (the first deposit sets the price).
///
/// Errors: [`AmmMathError::FractionAboveOne`], `Overflow`.
pub fn deposit_within_tolerance(
    reserves: [Uint128; 2],
    deposits: [Uint128; 2],
    tolerance: Decimal,
) -> Result<bool, AmmMathError> {
    check_fraction("slippage_tolerance", tolerance)?;
    if reserves.iter().any(Uint128::is_zero) {
        return Ok(true);
    }
    let keep = Uint512::from((Decimal::one() - tolerance).atomics());
    let scale = Uint512::from(PRICE_SCALE);
    // d0 · R1 · (1 - t) <= R0 · d1, both sides times 10^18
    let d0_r1 = Uint512::from(deposits[0].full_mul(reserves[1]));
    let r0_d1 = Uint512::from(reserves[0].full_mul(deposits[1]));
    let first = d0_r1.checked_mul(keep)? <= r0_d1.checked_mul(scale)?;
    let second = r0_d1.checked_mul(keep)? <= d0_r1.checked_mul(scale)?;
    Ok(first && second)
}

/// The assets paid for burning `share` of `total_share`: `floor(share · R_i / S)` each.
///
/// Errors: [`AmmMathError::ZeroAmount`], [`AmmMathError::ShareExceedsTotal`].
pub fn withdraw(
    reserves: [Uint128; 2],
    total_share: Uint128,
    share: Uint128,
) -> Result<[Uint128; 2], AmmMathError> {
    if share.is_zero() {
        return Err(AmmMathError::ZeroAmount);
    }
    if share > total_share {
        return Err(AmmMathError::ShareExceedsTotal {
            share,
            total: total_share,
        });
    }
    Ok([
        mul_div_floor(share, reserves[0], total_share)?,
        mul_div_floor(share, reserves[1], total_share)?,
    ])
}

/// The price of the base asset in quote base units per base unit, scaled by [`PRICE_SCALE`]:
/// `floor(quote_reserve · 10^18 / base_reserve)` (Uniswap V2's UQ112x112, as a `Decimal256`'s
/// atomics). At most `2^128 · 10^18 < 2^188`.
///
/// Errors: `DivideByZero` (a zero base reserve).
pub fn scaled_price(
    base_reserve: Uint128,
    quote_reserve: Uint128,
) -> Result<Uint256, AmmMathError> {
    Ok(quote_reserve
        .full_mul(Uint128::new(PRICE_SCALE))
        .checked_div(Uint256::from(base_reserve))?)
}

/// `cumulative + price · seconds`, wrapping at `2^256` like Uniswap V2's accumulators: only
/// differences of cumulatives are meaningful, and [`average_price`] takes them wrapping too.
/// `price · seconds < 2^188 · 2^64` cannot overflow.
///
/// Errors: `Overflow` (not reachable with a [`scaled_price`] and a `u64`).
pub fn accumulate(
    cumulative: Uint256,
    price: Uint256,
    seconds: u64,
) -> Result<Uint256, AmmMathError> {
    Ok(cumulative.wrapping_add(price.checked_mul(Uint256::from(seconds))?))
}

/// The cumulative `seconds` before a time at which it was `cumulative`, when the price was
/// `price` all along those seconds: `cumulative - price · seconds`, wrapping like
/// [`accumulate`] (so `rewind(accumulate(c, p, s), p, s) == c`). Exact: the TWAP reads the
/// cumulative inside an observation's constant-price stretch with it.
///
/// Errors: `Overflow` (not reachable with a [`scaled_price`] and a `u64`).
pub fn rewind(cumulative: Uint256, price: Uint256, seconds: u64) -> Result<Uint256, AmmMathError> {
    Ok(cumulative.wrapping_sub(price.checked_mul(Uint256::from(seconds))?))
}

/// Whether a pool action at `now` records a new TWAP observation: when there is none yet
/// (`newest` is `None`), or `interval_seconds` have passed since the newest one. Spacing the
/// observations by time, not by block, makes a ring of `capacity` observations cover at least
/// `(capacity - 1) · interval_seconds` however busy the pool.
pub fn observation_due(newest: Option<u64>, now: u64, interval_seconds: u64) -> bool {
    match newest {
        None => true,
        Some(newest) => now >= newest.saturating_add(interval_seconds),
    }
}

/// The time-weighted average price between two cumulatives `seconds` apart:
/// `(cum_end - cum_start) / seconds` (wrapping difference, floored to 18 decimals).
///
/// Errors: [`AmmMathError::InvalidInterval`] (`seconds == 0`).
pub fn average_price(
    cum_start: Uint256,
    cum_end: Uint256,
    seconds: u64,
) -> Result<Decimal256, AmmMathError> {
    if seconds == 0 {
        return Err(AmmMathError::InvalidInterval);
    }
    let atomics = cum_end
        .wrapping_sub(cum_start)
        .checked_div(Uint256::from(seconds))?;
    Ok(Decimal256::new(atomics))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use proptest::test_runner::{Config, RngSeed};

    fn u(n: u128) -> Uint128 {
        Uint128::new(n)
    }

    fn fees(bps: u16, percent: u64) -> SwapFees {
        SwapFees {
            total_fee_bps: bps,
            protocol_fee_share: Decimal::percent(percent),
        }
    }

    #[test]
    fn swap_worked_example() {
        // 1,000,000 / 1,000,000 pool, offer 10,000 at 0.3 % with a 20 % protocol share:
        // gross = floor(1e6 · 1e4 / 1.01e6) = 9,900; commission = ceil(29.7) = 30;
        // return 9,870; protocol floor(6) = 6; ideal 10,000 -> spread 100.
        let out = swap(u(1_000_000), u(1_000_000), u(10_000), &fees(30, 20)).unwrap();
        assert_eq!(
            out,
            SwapOutcome {
                offer_amount: u(10_000),
                return_amount: u(9_870),
                spread_amount: u(100),
                commission_amount: u(30),
                protocol_fee_amount: u(6),
            }
        );
        // k: 1.01e6 · (1e6 - 9,876) >= 1e12
        let k_after = u(1_010_000).full_mul(u(1_000_000 - 9_876));
        assert!(k_after >= u(1_000_000).full_mul(u(1_000_000)));
    }

    #[test]
    fn tiny_swaps_round_for_the_pool() {
        // gross floor(100 · 1 / 101) = 0: nothing out
        let out = swap(u(100), u(100), u(1), &fees(30, 0)).unwrap();
        assert_eq!(out.return_amount, u(0));
        // gross 1, commission ceil(0.003) = 1: still nothing to the trader
        let out = swap(u(100), u(1_000), u(1), &fees(30, 100)).unwrap();
        assert_eq!((out.return_amount, out.commission_amount), (u(8), u(1)));
        let out = swap(u(1_000), u(100), u(11), &fees(30, 100)).unwrap();
        assert_eq!((out.return_amount, out.commission_amount), (u(0), u(1)));
        assert_eq!(out.protocol_fee_amount, u(1));
    }

    #[test]
    fn swap_refuses_bad_inputs() {
        assert_eq!(
            swap(u(1), u(1), u(0), &fees(30, 0)),
            Err(AmmMathError::ZeroAmount)
        );
        assert_eq!(
            swap(u(0), u(1), u(1), &fees(30, 0)),
            Err(AmmMathError::EmptyPool)
        );
        assert_eq!(
            swap(u(1), u(1), u(1), &fees(1_001, 0)),
            Err(AmmMathError::FeeTooHigh {
                bps: 1_001,
                max: MAX_TOTAL_FEE_BPS
            })
        );
        assert!(matches!(
            swap(u(1), u(1), u(1), &fees(30, 101)),
            Err(AmmMathError::FractionAboveOne { .. })
        ));
        assert!(matches!(
            swap(Uint128::MAX, u(1), u(1), &fees(30, 0)),
            Err(AmmMathError::Overflow(_))
        ));
    }

    #[test]
    fn reverse_swap_is_the_smallest_sufficient_offer() {
        let f = fees(30, 20);
        let out = reverse_swap(u(1_000_000), u(1_000_000), u(9_870), &f).unwrap();
        // g = ceil(9,870 / 0.997) = 9,900; offer = ceil(9,900 · 1e6 / 990,100) = 9,999
        assert_eq!(out.offer_amount, u(9_999));
        assert_eq!(out.return_amount, u(9_870));
        let less = swap(u(1_000_000), u(1_000_000), u(9_998), &f).unwrap();
        assert!(less.return_amount < u(9_870));
        assert_eq!(
            reverse_swap(u(1_000), u(1_000), u(998), &f),
            Err(AmmMathError::InsufficientLiquidity {
                requested: u(1_002),
                available: u(1_000)
            })
        );
        assert_eq!(
            reverse_swap(u(1_000), u(1_000), u(0), &f),
            Err(AmmMathError::ZeroAmount)
        );
    }

    #[test]
    fn spread_checks() {
        let out = swap(u(1_000_000), u(1_000_000), u(10_000), &fees(30, 20)).unwrap();
        // spread 100 of 10,000 = 1 %
        assert!(max_spread_exceeded(&out, None, Decimal::permille(9)).unwrap());
        assert!(!max_spread_exceeded(&out, None, Decimal::percent(1)).unwrap());
        // belief price 1: expected 10,000, got 9,870: 1.3 % short
        assert!(max_spread_exceeded(&out, Some(Decimal::one()), Decimal::percent(1)).unwrap());
        assert!(!max_spread_exceeded(&out, Some(Decimal::one()), Decimal::permille(13)).unwrap());
        // a belief price the swap beats never fails
        assert!(!max_spread_exceeded(&out, Some(Decimal::percent(200)), Decimal::zero()).unwrap());
        assert!(matches!(
            max_spread_exceeded(&out, Some(Decimal::zero()), Decimal::zero()),
            Err(AmmMathError::DivideByZero(_))
        ));
    }

    #[test]
    fn first_deposit_locks_the_minimum() {
        let p = provide([u(0), u(0)], u(0), [u(4_000), u(1_000_000)]).unwrap();
        // sqrt(4e9) = 63,245.55 -> 63,245
        assert_eq!(p.share + p.locked_share, u(63_245));
        assert_eq!(p.locked_share, MINIMUM_LIQUIDITY);
        assert_eq!(p.used, [u(4_000), u(1_000_000)]);
        assert_eq!(p.refunds, [u(0), u(0)]);
        assert_eq!(
            provide([u(0), u(0)], u(0), [u(1_000), u(1_000)]),
            Err(AmmMathError::InitialShareTooLow {
                share: u(1_000),
                minimum: MINIMUM_LIQUIDITY
            })
        );
        assert_eq!(
            provide([u(0), u(0)], u(0), [u(0), u(1_000)]),
            Err(AmmMathError::ZeroAmount)
        );
        // the largest deposits: sqrt(MAX^2) fits
        let p = provide([u(0), u(0)], u(0), [Uint128::MAX, Uint128::MAX]).unwrap();
        assert_eq!(p.share + p.locked_share, Uint128::MAX);
    }

    #[test]
    fn later_deposits_take_only_what_the_share_is_worth() {
        // pool 1,000 / 3,001 with 1,732 shares; deposit 100 / 1,000
        let p = provide([u(1_000), u(3_001)], u(1_732), [u(100), u(1_000)]).unwrap();
        // share = min(floor(173.2), floor(577.1)) = 173; used ceil(99.88) = 100, ceil(299.76) = 300
        assert_eq!(p.share, u(173));
        assert_eq!(p.used, [u(100), u(300)]);
        assert_eq!(p.refunds, [u(0), u(700)]);
        assert_eq!(
            provide([u(1_000), u(1_000)], u(1_000), [u(1), u(0)]),
            Err(AmmMathError::ZeroAmount)
        );
        assert_eq!(
            provide([u(1_000_000), u(1_000_000)], u(1_000), [u(999), u(999)]),
            Err(AmmMathError::ZeroShare)
        );
    }

    #[test]
    fn withdrawals_round_down() {
        assert_eq!(
            withdraw([u(1_000), u(3_001)], u(1_732), u(100)).unwrap(),
            [u(57), u(173)]
        );
        assert_eq!(
            withdraw([u(1), u(1)], u(10), u(11)),
            Err(AmmMathError::ShareExceedsTotal {
                share: u(11),
                total: u(10)
            })
        );
        assert_eq!(
            withdraw([u(1), u(1)], u(10), u(0)),
            Err(AmmMathError::ZeroAmount)
        );
    }

    #[test]
    fn deposit_tolerance() {
        let r = [u(1_000), u(2_000)];
        assert!(deposit_within_tolerance(r, [u(100), u(200)], Decimal::zero()).unwrap());
        assert!(!deposit_within_tolerance(r, [u(100), u(199)], Decimal::zero()).unwrap());
        assert!(deposit_within_tolerance(r, [u(100), u(199)], Decimal::percent(1)).unwrap());
        assert!(!deposit_within_tolerance(r, [u(100), u(190)], Decimal::percent(1)).unwrap());
        assert!(!deposit_within_tolerance(r, [u(100), u(210)], Decimal::percent(1)).unwrap());
        assert!(deposit_within_tolerance([u(0), u(0)], [u(1), u(5)], Decimal::zero()).unwrap());
        assert!(matches!(
            deposit_within_tolerance(r, [u(1), u(1)], Decimal::percent(101)),
            Err(AmmMathError::FractionAboveOne { .. })
        ));
    }

    #[test]
    fn cumulative_prices_and_averages() {
        let p = scaled_price(u(2), u(5)).unwrap();
        assert_eq!(p, Uint256::from(2_500_000_000_000_000_000u128));
        let c = accumulate(Uint256::zero(), p, 10).unwrap();
        let c2 = accumulate(c, scaled_price(u(1), u(1)).unwrap(), 30).unwrap();
        // (2.5 · 10 + 1 · 30) / 40 = 1.375
        assert_eq!(
            average_price(Uint256::zero(), c2, 40).unwrap(),
            Decimal256::permille(1_375)
        );
        // wrapping: an accumulator that went past 2^256 still gives the right difference
        let near_max = Uint256::MAX - Uint256::from(5u8);
        let wrapped = accumulate(near_max, p, 4).unwrap();
        assert!(wrapped < near_max);
        assert_eq!(
            average_price(near_max, wrapped, 4).unwrap(),
            Decimal256::permille(2_500)
        );
        // rewinding inside a constant-price stretch undoes accumulating, across the wrap too
        assert_eq!(rewind(c2, Uint256::from(PRICE_SCALE), 30).unwrap(), c);
        assert_eq!(rewind(wrapped, p, 4).unwrap(), near_max);
        assert_eq!(
            rewind(c2, Uint256::from(PRICE_SCALE), 12).unwrap(),
            accumulate(c, Uint256::from(PRICE_SCALE), 18).unwrap()
        );
        // observations are spaced by time
        assert!(observation_due(None, 0, 300));
        assert!(!observation_due(Some(1_000), 1_299, 300));
        assert!(observation_due(Some(1_000), 1_300, 300));
        // no overflow at the end of time: the due time saturates
        assert!(!observation_due(Some(u64::MAX - 300), u64::MAX - 1, 300));
        assert!(observation_due(Some(u64::MAX - 1), u64::MAX, 300));
        assert_eq!(average_price(c, c, 0), Err(AmmMathError::InvalidInterval));
        assert!(matches!(
            scaled_price(u(0), u(1)),
            Err(AmmMathError::DivideByZero(_))
        ));
        // the highest price fits, and accumulates for 2^64 - 1 seconds
        let top = scaled_price(u(1), Uint128::MAX).unwrap();
        assert!(accumulate(Uint256::zero(), top, u64::MAX).is_ok());
    }

    /// One step of the property test's pool.
    #[derive(Debug, Clone)]
    enum Op {
        Swap { zero_for_one: bool, amount: u128 },
        Provide { actor: usize, a: u128, b: u128 },
        Withdraw { actor: usize, percent: u128 },
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            4 => (any::<bool>(), 1u128..10u128.pow(12)).prop_map(|(zero_for_one, amount)| Op::Swap { zero_for_one, amount }),
            2 => (0..3usize, 1u128..10u128.pow(12), 1u128..10u128.pow(12)).prop_map(|(actor, a, b)| Op::Provide { actor, a, b }),
            2 => (0..3usize, 1u128..=100).prop_map(|(actor, percent)| Op::Withdraw { actor, percent }),
        ]
    }

    /// `a0 / s0 <= a1 / s1`, by cross-multiplication.
    fn ratio_le(a0: Uint128, s0: Uint128, a1: Uint128, s1: Uint128) -> bool {
        a0.full_mul(s1) <= a1.full_mul(s0)
    }

    proptest! {
        #![proptest_config(Config { cases: 256, rng_seed: RngSeed::Fixed(0x5EED_0A33), failure_persistence: None, ..Config::default() })]

        /// Over random sequences of swaps, deposits and withdrawals by three actors: `k` never
        /// falls on a swap; the reserves per share never fall; a reverse swap's offer is the
        /// smallest that returns the ask; every refusal is one of the documented errors.
        #[test]
        fn pool_invariants_hold(
            first in (10u128.pow(4)..10u128.pow(13), 10u128.pow(4)..10u128.pow(13)),
            bps in 0u16..=MAX_TOTAL_FEE_BPS,
            share_pct in 0u64..=100,
            ops in proptest::collection::vec(op(), 1..40),
        ) {
            let f = fees(bps, share_pct);
            let p = provide([u(0), u(0)], u(0), [u(first.0), u(first.1)]).unwrap();
            let mut reserves = p.used;
            let mut total = p.share + p.locked_share;
            let mut shares = [p.share, u(0), u(0)];
            for op in ops {
                let op_kind = op.clone();
                let (before, total_before) = (reserves, total);
                match op {
                    Op::Swap { zero_for_one, amount } => {
                        let (i, j) = if zero_for_one { (0, 1) } else { (1, 0) };
                        let out = swap(reserves[i], reserves[j], u(amount), &f).unwrap();
                        prop_assert!(out.protocol_fee_amount <= out.commission_amount);
                        reserves[i] += u(amount);
                        reserves[j] -= out.ask_outflow().unwrap();
                        prop_assert!(reserves[0].full_mul(reserves[1]) >= before[0].full_mul(before[1]));
                        if !out.return_amount.is_zero() {
                            let rev = reverse_swap(before[i], before[j], out.return_amount, &f).unwrap();
                            prop_assert!(rev.offer_amount <= u(amount));
                            prop_assert!(rev.return_amount >= out.return_amount);
                            if rev.offer_amount > u(1) {
                                let less = swap(before[i], before[j], rev.offer_amount - u(1), &f).unwrap();
                                prop_assert!(less.return_amount < out.return_amount);
                            }
                        }
                    }
                    Op::Provide { actor, a, b } => {
                        match provide(reserves, total, [u(a), u(b)]) {
                            Ok(p) => {
                                prop_assert_eq!(p.used[0] + p.refunds[0], u(a));
                                prop_assert_eq!(p.used[1] + p.refunds[1], u(b));
                                reserves[0] += p.used[0];
                                reserves[1] += p.used[1];
                                total += p.share;
                                shares[actor] += p.share;
                            }
                            Err(e) => prop_assert_eq!(e, AmmMathError::ZeroShare),
                        }
                    }
                    Op::Withdraw { actor, percent } => {
                        let share = shares[actor].multiply_ratio(percent, 100u128);
                        if share.is_zero() {
                            continue;
                        }
                        let out = withdraw(reserves, total, share).unwrap();
                        reserves[0] -= out[0];
                        reserves[1] -= out[1];
                        total -= share;
                        shares[actor] -= share;
                    }
                }
                // k / S^2 (the value of a share at any price) never falls
                let k_before = Uint512::from(before[0].full_mul(before[1]));
                let k_after = Uint512::from(reserves[0].full_mul(reserves[1]));
                let s_before = Uint512::from(total_before.full_mul(total_before));
                let s_after = Uint512::from(total.full_mul(total));
                prop_assert!(k_after * s_before >= k_before * s_after, "k per share squared fell");
                if !matches!(op_kind, Op::Swap { .. }) {
                    // deposits and withdrawals: each reserve per share never falls
                    for i in 0..2 {
                        prop_assert!(ratio_le(before[i], total_before, reserves[i], total), "reserve per share fell");
                    }
                }
                prop_assert!(!reserves[0].is_zero() && !reserves[1].is_zero());
                prop_assert!(total >= MINIMUM_LIQUIDITY);
            }
        }
    }
}
