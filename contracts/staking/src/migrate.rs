//! Migration.

use cosmwasm_std::{DepsMut, Env, Response};
use poe_controllers::migrate::migrate_from_older;

use crate::error::ContractError;
use crate::msg::MigrateMsg;
use crate::state::OLD_CONFIG_KEY;
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Accepts only a contract stored as `crates.io:poe-staking` at this version or older (the shared
/// guard), and records this version. A contract still holding the previous storage layout (its
/// config under `cfg`) is refused: this version keeps everything under new keys and no migration
/// from the old layout is provided (nothing was deployed with it for real).
///
/// Errors: [`ContractError::OldLayout`]; [`ContractError::Std`] (wrong contract name, or a newer
/// stored version), from cw2.
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    if deps.storage.get(OLD_CONFIG_KEY).is_some() {
        return Err(ContractError::OldLayout);
    }
    migrate_from_older::<ContractError>(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)
}
