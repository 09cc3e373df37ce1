//! Instantiation: cw20-base's, then our cw2 version, owner and transfer burn.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use cw2::set_contract_version;

use crate::error::ContractError;
use crate::execute::cw20_err;
use crate::execute::transfer_burn::ensure_valid_bps;
use crate::msg::InstantiateMsg;
use crate::state::{RETIRABLE, TRANSFER_BURN_BPS};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Checks the extension fields, runs cw20-base's instantiation on the cw20-base fields, then
/// overwrites the cw2 version cw20-base wrote with ours and stores the owner (default the
/// sender) and the transfer burn (default 0 bps).
///
/// Errors: [`ContractError::TransferBurnTooHigh`]; initial balances summing past `Uint128::MAX`
/// (`Cw20(Std(Overflow))`, where cw20-base would abort); cw20-base's instantiation errors; an
/// invalid owner address.
pub fn instantiate(
    mut deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    let bps = msg.transfer_burn_bps.unwrap_or(0);
    ensure_valid_bps(bps)?;
    let owner = msg.owner.unwrap_or_else(|| info.sender.to_string());
    // cw20-base sums the initial balances with a panicking `+`: check the sum first
    msg.initial_balances
        .iter()
        .try_fold(Uint128::zero(), |sum, coin| sum.checked_add(coin.amount))
        .map_err(cw20_err)?;

    let base = cw20_base::msg::InstantiateMsg {
        name: msg.name,
        symbol: msg.symbol,
        decimals: msg.decimals,
        initial_balances: msg.initial_balances,
        mint: msg.mint,
        marketing: msg
            .marketing
            .map(|m| cw20_base::msg::InstantiateMarketingInfo {
                project: m.project,
                description: m.description,
                marketing: m.marketing,
                logo: m.logo,
            }),
    };
    let res = cw20_base::contract::instantiate(deps.branch(), env, info, base)?;

    set_contract_version(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let ownership = cw_ownable::initialize_owner(deps.storage, deps.api, Some(&owner))?;
    TRANSFER_BURN_BPS.save(deps.storage, &bps)?;
    if msg.retirable == Some(true) {
        RETIRABLE.save(deps.storage, &true)?;
    }

    Ok(res
        .add_attribute("action", "instantiate")
        .add_attributes(ownership.into_attributes())
        .add_attribute("transfer_burn_bps", bps.to_string()))
}
