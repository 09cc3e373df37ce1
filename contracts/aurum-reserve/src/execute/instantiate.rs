//! Instantiation.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw2::set_contract_version;

use crate::error::ContractError;
use crate::execute::check_cw20;
use crate::execute::config::{build_config, config_attributes, ConfigInput};
use crate::msg::InstantiateMsg;
use crate::state::{Ledger, CONFIG, CUSTODIANS, LEDGER};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Stores the cw2 version, the owner (default the sender), the validated configuration and the
/// first custodians. The AUR token must answer cw20 `TokenInfo`; this contract must then be made
/// its minter (cw20 `UpdateMinter`) before the first purchase.
///
/// Attributes: `action=instantiate`, every setting, `custodians` (count), the ownership.
///
/// Errors: `Payment` (funds attached), `Std` (invalid address), [`ContractError::NotCw20`],
/// [`ContractError::InvalidConfig`], `AllowList(AlreadyListed)` (listed twice),
/// `AllowList(Full)`.
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let aur_token = deps.api.addr_validate(&msg.aur_token)?;
    check_cw20(deps.as_ref(), &aur_token)?;
    let config = build_config(
        deps.as_ref(),
        &env,
        aur_token,
        ConfigInput {
            payment_asset: msg.payment_asset,
            price: msg.price,
            treasury: msg.treasury,
            aur_per_gram: msg.aur_per_gram,
            backing_ratio: msg.backing_ratio,
            max_attestation_age_seconds: msg.max_attestation_age_seconds,
        },
    )?;
    CONFIG.save(deps.storage, &config)?;

    CUSTODIANS.update(deps.storage, deps.api, &msg.custodians, &[])?;
    let custodian_count = CUSTODIANS.count(deps.storage)?;
    LEDGER.save(deps.storage, &Ledger::default())?;

    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attributes(config_attributes(&config))
        .add_attribute("custodians", custodian_count.to_string())
        .add_attributes(ownership.into_attributes()))
}
