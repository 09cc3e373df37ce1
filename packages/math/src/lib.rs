//! Fixed-point economics shared by every contract of the suite.
//!
//! Everything here is a pure function of `cosmwasm_std` types (`Decimal`, `Uint128`, `Int128`):
//! no home-made decimal type, checked arithmetic throughout, and every rounding stated. The rule
//! is that rounding always goes against the caller: a fee the caller pays is rounded up, a share
//! paid out to the caller is rounded down, and any remainder of rounding goes to the treasury.
//!
//! Sources of the formulas are the project's five seed documents (referred to as "seed 000"
//! .. "seed 004"; docs/economics.md states each formula and its seed); each function names its own.

pub mod amm;
pub mod auction;
pub mod aurum;
pub mod burn;
pub mod calendar;
pub mod distribution;
pub mod error;
pub mod fee;
pub mod flux;
pub mod genesis;
pub mod guarantee;
pub mod poe;
pub mod reputation;
pub mod salary;
pub mod schedule;
pub mod staking;
pub mod weight;

pub use error::MathError;
