//! Entry points: each a thin `match` over the message, dispatching to `instantiate.rs`,
//! `execute/*.rs`, `query.rs` and `migrate.rs`, or straight to cw20-base where nothing is added.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response};
use cw20_base::allowances::execute_decrease_allowance;
use cw20_base::contract::{execute_update_marketing, execute_update_minter, execute_upload_logo};

use crate::error::ContractError;
use crate::execute;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{instantiate as init, migrate as mig, query as q};

/// Instantiates the token: cw20-base's instantiation, then the cw2 version `crates.io:poe-token`,
/// the owner (default the sender) and the transfer burn (default 0).
///
/// Errors: cw20-base's (invalid name/symbol/decimals, duplicate accounts, initial supply above
/// the cap, bad logo, invalid address), [`ContractError::TransferBurnTooHigh`].
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    init::instantiate(deps, env, info, msg)
}

/// Executes a cw20 message (cw20-base's code, with the transfer burn on the four transfer
/// messages) or an extension (`UpdateTransferBurn`, `UpdateOwnership`, `Retire`).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Transfer { recipient, amount } => {
            execute::transfer::transfer(deps, env, info, recipient, amount)
        }
        ExecuteMsg::Send {
            contract,
            amount,
            msg,
        } => execute::transfer::send(deps, env, info, contract, amount, msg),
        ExecuteMsg::TransferFrom {
            owner,
            recipient,
            amount,
        } => execute::transfer::transfer_from(deps, env, info, owner, recipient, amount),
        ExecuteMsg::SendFrom {
            owner,
            contract,
            amount,
            msg,
        } => execute::transfer::send_from(deps, env, info, owner, contract, amount, msg),
        ExecuteMsg::Burn { amount, reason } => {
            execute::supply::burn(deps, env, info, amount, reason)
        }
        ExecuteMsg::BurnFrom {
            owner,
            amount,
            reason,
        } => execute::supply::burn_from(deps, env, info, owner, amount, reason),
        ExecuteMsg::Mint {
            recipient,
            amount,
            reason,
        } => execute::supply::mint(deps, env, info, recipient, amount, reason),
        ExecuteMsg::IncreaseAllowance {
            spender,
            amount,
            expires,
        } => execute::allowance::increase_allowance(deps, env, info, spender, amount, expires),
        ExecuteMsg::DecreaseAllowance {
            spender,
            amount,
            expires,
        } => Ok(execute_decrease_allowance(
            deps, env, info, spender, amount, expires,
        )?),
        ExecuteMsg::UpdateMinter { new_minter } => {
            Ok(execute_update_minter(deps, env, info, new_minter)?)
        }
        ExecuteMsg::UpdateMarketing {
            project,
            description,
            marketing,
        } => Ok(execute_update_marketing(
            deps,
            env,
            info,
            project,
            description,
            marketing,
        )?),
        ExecuteMsg::UploadLogo(logo) => Ok(execute_upload_logo(deps, env, info, logo)?),
        ExecuteMsg::UpdateTransferBurn { transfer_burn_bps } => {
            execute::transfer_burn::update_transfer_burn(deps, info, transfer_burn_bps)
        }
        ExecuteMsg::UpdateOwnership(action) => {
            execute::ownership::update_ownership(deps, env, info, action)
        }
        ExecuteMsg::Retire {} => execute::retire::retire(deps, env, info),
    }
}

/// Answers a cw20 query (cw20-base's code) or an extension (`TransferBurn`, `Ownership`,
/// `SupplyRecord`).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-token`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
