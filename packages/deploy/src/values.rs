//! Scalar types of a scenario file: decimals, token amounts and ranges, written as YAML numbers or
//! strings (`0.002` or `"0.002"`), parsed exactly into cosmwasm-std types (never through `f64`
//! arithmetic: a YAML float is read back through its shortest decimal text), and how amounts of
//! base units are written back.

use std::fmt;
use std::str::FromStr;

use cosmwasm_std::{Decimal, Int128, Uint128};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer};

/// Decimals of every token of the suite.
pub const DECIMALS: u32 = 6;
/// Base units per whole token.
pub const UNIT: u128 = 1_000_000;

/// `n` whole tokens of any suite token, in base units.
pub fn tokens(n: u128) -> Uint128 {
    Uint128::new(n * UNIT)
}

/// `units` base units of a 6-decimal token: `1,234.567800` for a table (`thousands`), or the
/// shortest exact text `1234.5678` otherwise.
pub fn fmt_units(units: u128, thousands: bool) -> String {
    let whole = units / UNIT;
    let frac = units % UNIT;
    if thousands {
        return format!("{}.{frac:06}", group(whole));
    }
    if frac == 0 {
        return whole.to_string();
    }
    format!("{whole}.{}", format!("{frac:06}").trim_end_matches('0'))
}

/// `n` with a comma every three digits.
fn group(n: u128) -> String {
    let digits: Vec<char> = n.to_string().chars().collect();
    let groups: Vec<String> = digits
        .rchunks(3)
        .rev()
        .map(|c| c.iter().collect())
        .collect();
    groups.join(",")
}

/// A YAML scalar that holds a number, kept as its decimal text.
#[derive(Clone, Debug)]
pub struct NumText(pub String);

impl<'de> Deserialize<'de> for NumText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = NumText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number or a string holding a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<NumText, E> {
                Ok(NumText(v.trim().replace('_', "")))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<NumText, E> {
                Ok(NumText(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<NumText, E> {
                Ok(NumText(v.to_string()))
            }
            fn visit_u128<E: de::Error>(self, v: u128) -> Result<NumText, E> {
                Ok(NumText(v.to_string()))
            }
            fn visit_i128<E: de::Error>(self, v: i128) -> Result<NumText, E> {
                Ok(NumText(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<NumText, E> {
                if !v.is_finite() {
                    return Err(E::custom(format!("{v} is not a finite number")));
                }
                // Rust prints the shortest text that reads back as the same f64, never an exponent
                Ok(NumText(format!("{v}")))
            }
        }
        deserializer.deserialize_any(V)
    }
}

/// Parses a non-negative decimal text (`"0.002"`, `"1"`, `"50000"`).
pub fn parse_decimal(text: &str) -> Result<Decimal, String> {
    if text.starts_with('-') {
        return Err(format!("{text} is negative: expected a number >= 0"));
    }
    Decimal::from_str(text.strip_prefix('+').unwrap_or(text))
        .map_err(|e| format!("{text:?} is not a decimal number: {e}"))
}

/// Parses a non-negative amount of whole tokens (at most 6 decimals) into base units.
pub fn parse_amount(text: &str) -> Result<Uint128, String> {
    let value = parse_decimal(text)?;
    let scaled = value
        .checked_mul(Decimal::from_atomics(UNIT, 0).map_err(|e| e.to_string())?)
        .map_err(|_| format!("{text} is too large"))?;
    if scaled.floor() != scaled {
        return Err(format!("{text} has more than {DECIMALS} decimals"));
    }
    Ok(scaled.to_uint_floor())
}

/// Parses a signed amount of whole tokens (at most 6 decimals) into signed base units.
pub fn parse_signed_amount(text: &str) -> Result<Int128, String> {
    let (negative, magnitude) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let units = parse_amount(magnitude)?;
    let units = i128::try_from(units.u128()).map_err(|_| format!("{text} is too large"))?;
    Ok(Int128::new(if negative { -units } else { units }))
}

/// A non-negative decimal (rates, weights, fractions, quality and uptime scores).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize)]
#[serde(try_from = "NumText")]
pub struct Dec(pub Decimal);

impl TryFrom<NumText> for Dec {
    type Error = String;
    fn try_from(t: NumText) -> Result<Self, String> {
        parse_decimal(&t.0).map(Dec)
    }
}

impl fmt::Display for Dec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

/// A non-negative amount of a token, written in whole tokens (`1500.25`), held in base units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Default)]
#[serde(try_from = "NumText")]
pub struct Amount(pub Uint128);

impl TryFrom<NumText> for Amount {
    type Error = String;
    fn try_from(t: NumText) -> Result<Self, String> {
        parse_amount(&t.0).map(Amount)
    }
}

impl Amount {
    /// `n` whole tokens.
    pub fn tokens(n: u128) -> Amount {
        Amount(tokens(n))
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&fmt_units(self.0.u128(), false))
    }
}

/// A signed amount of a token (a liquidity delta), written in whole tokens, held in base units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Deserialize, Default)]
#[serde(try_from = "NumText")]
pub struct SignedAmount(pub Int128);

impl TryFrom<NumText> for SignedAmount {
    type Error = String;
    fn try_from(t: NumText) -> Result<Self, String> {
        parse_signed_amount(&t.0).map(SignedAmount)
    }
}

impl SignedAmount {
    /// `n` whole tokens (may be negative).
    pub fn tokens(n: i128) -> SignedAmount {
        SignedAmount(Int128::new(n * UNIT as i128))
    }
}

impl fmt::Display for SignedAmount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0.i128();
        let sign = if v < 0 { "-" } else { "" };
        write!(f, "{sign}{}", fmt_units(v.unsigned_abs(), false))
    }
}

/// An inclusive range `[min, max]`, written as a two-element YAML sequence; `min <= max`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "(T, T)")]
#[serde(bound(deserialize = "T: Deserialize<'de> + PartialOrd + fmt::Display"))]
pub struct Range<T> {
    /// Lower bound, inclusive.
    pub min: T,
    /// Upper bound, inclusive.
    pub max: T,
}

impl<T: PartialOrd + fmt::Display> TryFrom<(T, T)> for Range<T> {
    type Error = String;
    fn try_from((min, max): (T, T)) -> Result<Self, String> {
        if min > max {
            return Err(format!("range [{min}, {max}]: min is above max"));
        }
        Ok(Range { min, max })
    }
}

impl<T> Range<T> {
    /// `[min, max]`.
    pub fn new(min: T, max: T) -> Self {
        Range { min, max }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_exact() {
        assert_eq!(
            parse_amount("1500.25").unwrap(),
            Uint128::new(1_500_250_000)
        );
        assert_eq!(parse_amount("0.000001").unwrap(), Uint128::new(1));
        assert!(parse_amount("0.0000001")
            .unwrap_err()
            .contains("more than 6 decimals"));
        assert!(parse_amount("-1").unwrap_err().contains("negative"));
        assert_eq!(
            parse_signed_amount("-20000").unwrap(),
            Int128::new(-20_000_000_000)
        );
        assert_eq!(parse_decimal("0.002").unwrap(), Decimal::permille(2));
    }

    #[test]
    fn units_are_formatted_exactly() {
        assert_eq!(fmt_units(100_000_000_000, true), "100,000.000000");
        assert_eq!(fmt_units(1_234_567_800_000, true), "1,234,567.800000");
        assert_eq!(fmt_units(1_500_250_000, false), "1500.25");
        assert_eq!(fmt_units(7, true), "0.000007");
        assert_eq!(fmt_units(3_000_000, false), "3");
        assert_eq!(Amount::tokens(3).to_string(), "3");
        assert_eq!(SignedAmount::tokens(-250).to_string(), "-250");
    }

    #[test]
    fn yaml_floats_read_back_exactly() {
        let d: Dec = serde_yaml_ng::from_str("0.003").unwrap();
        assert_eq!(d.0, Decimal::permille(3));
        let d: Dec = serde_yaml_ng::from_str("\"0.25\"").unwrap();
        assert_eq!(d.0, Decimal::percent(25));
        let r: Range<Amount> = serde_yaml_ng::from_str("[5, 400.5]").unwrap();
        assert_eq!(r.max.0, Uint128::new(400_500_000));
        assert!(serde_yaml_ng::from_str::<Range<Amount>>("[5, 1]").is_err());
    }
}
