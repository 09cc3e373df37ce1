//! One file per operation.

pub mod claim;
pub mod close_epoch;
pub mod config;
pub mod instantiate;
pub mod ownership;
pub mod pause;
pub mod register;
pub mod reporters;
pub mod salary;
pub mod submit_job;
pub mod withdraw;
