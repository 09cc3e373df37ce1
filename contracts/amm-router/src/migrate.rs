//! Migration.

use cosmwasm_std::{DepsMut, Env, Response};
use poe_controllers::migrate::migrate_from_older;

use crate::error::ContractError;
use crate::msg::MigrateMsg;
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Accepts only a contract stored as `crates.io:poe-amm-router` at this version or older, and
/// records this version (`poe_controllers::migrate`). The router holds no route between
/// transactions, so its layout change (route and progress apart) needs nothing rewritten.
///
/// Errors: [`ContractError::Std`] (wrong contract name, or a newer stored version), from cw2.
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    migrate_from_older(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)
}
