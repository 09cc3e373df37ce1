//! PoE mining contract (seeds 000 and 001): miners, attested economic jobs paying the 1 % FLX fee
//! split, the PoE index Phi and its gate Gamma per epoch, NEX issuance shared by miner weight,
//! and the owner salary with its guardrails. Messages: [`poe_interface::poe_mining`].

pub mod contract;
pub mod error;
pub mod execute;
pub mod query;
pub mod state;

pub use crate::error::ContractError;
pub use poe_interface::poe_mining as msg;
