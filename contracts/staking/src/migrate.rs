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

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{mock_dependencies, mock_env};
    use cosmwasm_std::Storage;

    #[test]
    fn refuses_the_previous_layout_and_guards_the_version() {
        let mut deps = mock_dependencies();
        cw2::set_contract_version(&mut deps.storage, CONTRACT_NAME, "0.0.1").unwrap();
        deps.storage.set(OLD_CONFIG_KEY, br#"{"max_pools":16}"#);
        let err = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap_err();
        assert_eq!(err, ContractError::OldLayout);
        assert_eq!(
            cw2::get_contract_version(&deps.storage).unwrap().version,
            "0.0.1"
        );

        deps.storage.remove(OLD_CONFIG_KEY);
        let res = migrate(deps.as_mut(), mock_env(), MigrateMsg {}).unwrap();
        assert_eq!(res.attributes[1].value, "0.0.1");
        assert_eq!(
            cw2::get_contract_version(&deps.storage).unwrap().version,
            CONTRACT_VERSION
        );
    }
}
