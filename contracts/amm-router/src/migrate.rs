//! Migration.

use cosmwasm_std::{DepsMut, Env, Response};
use cw2::ensure_from_older_version;

use crate::error::ContractError;
use crate::msg::MigrateMsg;
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Accepts only a contract stored as `crates.io:poe-amm-router` at this version or older, and
/// records this version. No state layout has changed yet, so nothing else is rewritten.
///
/// Errors: [`ContractError::Std`] (wrong contract name, or a newer stored version), from cw2.
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let from = ensure_from_older_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", from.to_string())
        .add_attribute("to_version", CONTRACT_VERSION))
}
