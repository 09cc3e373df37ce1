//! Migration.

use cosmwasm_std::{DepsMut, Env, Response};
use poe_controllers::migrate::migrate_from_older;

use crate::error::ContractError;
use crate::msg::MigrateMsg;
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Accepts only a contract stored as `crates.io:poe-mining` at this version or older, and records
/// this version (`poe_controllers::migrate::migrate_from_older`). Attributes: `action=migrate`,
/// `from_version`, `to_version`.
///
/// Errors: [`ContractError::Std`] (another contract, a newer stored version, no cw2 record).
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    migrate_from_older::<ContractError>(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)
}
