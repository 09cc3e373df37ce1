//! Execute handlers, one file per operation.

pub mod config;
pub mod create_pair;
pub mod instantiate;

/// Reply id of a pair's instantiation.
pub const REPLY_CREATE_PAIR: u64 = 1;
