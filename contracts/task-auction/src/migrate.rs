//! Migration.

use cosmwasm_std::{DepsMut, Env, Response};

use crate::error::ContractError;
use crate::msg::MigrateMsg;
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// [`poe_controllers::migrate::migrate_from_older`]: only from `crates.io:poe-task-auction` at
/// this version or older; records this version. No state layout has changed.
///
/// Errors: [`ContractError::Std`] (another contract, or a newer version), from cw2.
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    poe_controllers::migrate::migrate_from_older(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)
}
