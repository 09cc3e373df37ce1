//! How the report writes numbers: whole tokens, decimals, and the helpers of the tables.

use cosmwasm_std::{Decimal, Decimal256, Int128, Uint128};

/// Base units as whole tokens (the scenario format's, shared with the report).
pub use poe_deploy::values::fmt_units;

/// A decimal with exactly `places` decimals, rounded down.
pub fn fmt_dec(d: Decimal, places: u32) -> String {
    let atomics = d.atomics().u128();
    let scale = 10u128.pow(18 - places);
    let truncated = atomics / scale;
    let p = 10u128.pow(places);
    format!(
        "{}.{:0width$}",
        truncated / p,
        truncated % p,
        width = places as usize
    )
}

/// `v` signed base units as `-1,234.567890`.
pub fn fmt_signed_units(v: Int128) -> String {
    let sign = if v.i128() < 0 { "-" } else { "" };
    format!("{sign}{}", fmt_units(v.i128().unsigned_abs(), true))
}

/// Base units of a 6-decimal token for a table: `1,234.567800`.
pub fn units(v: Uint128) -> String {
    fmt_units(v.u128(), true)
}

/// A `Decimal256` with `places` decimals (as [`fmt_dec`]), `-` when absent or out of range.
pub fn d256(v: Option<Decimal256>, places: u32) -> String {
    match v.and_then(|d| Decimal::try_from(d).ok()) {
        Some(d) => fmt_dec(d, places),
        None => "-".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_units_and_decimals() {
        assert_eq!(units(Uint128::new(100_000_000_000)), "100,000.000000");
        assert_eq!(d256(Some(Decimal256::percent(150)), 2), "1.50");
        assert_eq!(d256(None, 2), "-");
        assert_eq!(fmt_dec(Decimal::percent(12345), 4), "123.4500");
        assert_eq!(fmt_signed_units(Int128::new(-2_000_000)), "-2.000000");
    }
}
