//! Execute handlers, one file per operation.

pub mod instantiate;
pub mod receive;
pub mod route;

/// Reply id of a hop.
pub const REPLY_HOP: u64 = 1;
