//! Migration.

use cosmwasm_std::{DepsMut, Env, Response};
use poe_controllers::migrate::migrate_from_older;
use poe_interface::governance::MigrateMsg;

use crate::error::ContractError;
use crate::execute::config::validate;
use crate::state::CONFIG;
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Accepts only a contract stored as `crates.io:poe-governance` at this version or older
/// ([`migrate_from_older`]) and records this version. The config of an older version reads the
/// new fields' defaults (guardian budget 7 days per 30-day window, failed executions retried);
/// it is validated and written back with them. Proposal records of older versions read 0
/// attempts and `close_on_execution_failure = false` (a proposal that already ended
/// `execution_failed` stays so); the guardian's budget window starts with its next pause.
///
/// Attributes: `action=migrate`, `from_version`, `to_version`.
///
/// Errors: [`ContractError::Std`] (cw2's "Cannot migrate from ..." errors),
/// [`ContractError::InvalidConfig`].
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let res = migrate_from_older::<ContractError>(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let config = CONFIG.load(deps.storage)?;
    validate(&config)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(res)
}
