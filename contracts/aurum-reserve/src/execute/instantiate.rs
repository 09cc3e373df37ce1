//! Instantiation.

use cosmwasm_std::{DepsMut, Empty, Env, MessageInfo, Response};
use cw2::set_contract_version;
use poe_interface::aurum_reserve::MAX_CUSTODIANS;

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
/// [`ContractError::InvalidConfig`], [`ContractError::CustodianExists`] (listed twice),
/// [`ContractError::TooManyCustodians`].
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

    if msg.custodians.len() > MAX_CUSTODIANS as usize {
        return Err(ContractError::TooManyCustodians {
            max: MAX_CUSTODIANS,
        });
    }
    for custodian in &msg.custodians {
        let custodian = deps.api.addr_validate(custodian)?;
        if CUSTODIANS.has(deps.storage, &custodian) {
            return Err(ContractError::CustodianExists {
                address: custodian.to_string(),
            });
        }
        CUSTODIANS.save(deps.storage, &custodian, &Empty {})?;
    }
    // at most MAX_CUSTODIANS entries
    let custodian_count = msg.custodians.len() as u32;
    LEDGER.save(
        deps.storage,
        &Ledger {
            custodian_count,
            ..Ledger::default()
        },
    )?;

    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    Ok(Response::new()
        .add_attribute("action", "instantiate")
        .add_attributes(config_attributes(&config))
        .add_attribute("custodians", custodian_count.to_string())
        .add_attributes(ownership.into_attributes()))
}
