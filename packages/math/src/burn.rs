//! Transfer burn, seed 002 `TokenSupplyConfig::burn_rate_bps` ("transaction fee % burned").

use cosmwasm_std::{Decimal, Uint128};

use crate::MathError;

/// The largest transfer burn a token accepts: 1,000 bps = 10 %.
pub const MAX_TRANSFER_BURN_BPS: u16 = 1_000;

/// The part of a transfer of `amount` that is burned at `bps` basis points, rounded up (against
/// the sender): at 100 bps a transfer of 1,000 burns 10 and delivers 990.
///
/// Errors: `InvalidParameter` when `bps > MAX_TRANSFER_BURN_BPS`.
pub fn transfer_burn(amount: Uint128, bps: u16) -> Result<Uint128, MathError> {
    if bps > MAX_TRANSFER_BURN_BPS {
        return Err(MathError::invalid(
            "transfer_burn_bps",
            format!("{bps} is above {MAX_TRANSFER_BURN_BPS}"),
        ));
    }
    // bps <= 1000 makes the product at most amount / 10: no overflow
    Ok(amount.mul_ceil(Decimal::bps(bps as u64)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burns_the_seed_rate() {
        assert_eq!(
            transfer_burn(Uint128::new(1_000), 100).unwrap(),
            Uint128::new(10)
        );
        assert_eq!(
            transfer_burn(Uint128::new(1_000), 0).unwrap(),
            Uint128::zero()
        );
        assert_eq!(transfer_burn(Uint128::new(1), 1).unwrap(), Uint128::one());
        assert_eq!(
            transfer_burn(Uint128::MAX, 1_000).unwrap(),
            Uint128::MAX.mul_ceil(Decimal::percent(10))
        );
        assert!(transfer_burn(Uint128::new(1), 1_001).is_err());
    }
}
