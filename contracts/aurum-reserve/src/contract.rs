//! Entry points: each a thin `match` over the message, dispatching to `execute/*.rs`,
//! `query.rs` and `migrate.rs`.

#[cfg(not(feature = "library"))]
use cosmwasm_std::entry_point;
use cosmwasm_std::{Binary, Deps, DepsMut, Env, MessageInfo, Response};

use crate::error::ContractError;
use crate::execute;
use crate::execute::config::ConfigUpdate;
use crate::msg::{ExecuteMsg, InstantiateMsg, MigrateMsg, QueryMsg};
use crate::{migrate as mig, query as q};

/// Instantiates the reserve with its owner (default the sender), configuration and custodians.
///
/// Errors: `Payment` (funds attached), `Std` (invalid address), `NotCw20`, `InvalidConfig`,
/// `AllowList(AlreadyListed | Full)`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn instantiate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: InstantiateMsg,
) -> Result<Response, ContractError> {
    execute::instantiate::instantiate(deps, env, info, msg)
}

/// `Receive` (cw20 hook: `Buy` from the payment token, `Redeem` from AUR), `Buy` (native
/// payment), `Attest` and `FulfillRedemption` (custodians), `UpdateCustodians` and `UpdateConfig`
/// (owner), `UpdateOwnership` (cw-ownable two-step transfer).
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn execute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    msg: ExecuteMsg,
) -> Result<Response, ContractError> {
    match msg {
        ExecuteMsg::Receive(wrapper) => execute::receive::receive(deps, env, info, wrapper),
        ExecuteMsg::Buy { recipient } => execute::buy::buy_with_native(deps, env, info, recipient),
        ExecuteMsg::Attest {
            reserve_mg,
            document_hash,
            timestamp,
        } => execute::attest::attest(deps, env, info, reserve_mg, document_hash, timestamp),
        ExecuteMsg::FulfillRedemption { id, document_hash } => {
            execute::fulfill::fulfill_redemption(deps, env, info, id, document_hash)
        }
        ExecuteMsg::UpdateCustodians { add, remove } => {
            execute::custodians::update_custodians(deps, info, add, remove)
        }
        ExecuteMsg::UpdateConfig {
            payment_asset,
            price,
            treasury,
            aur_per_gram,
            backing_ratio,
            max_attestation_age_seconds,
        } => execute::config::update_config(
            deps,
            env,
            info,
            ConfigUpdate {
                payment_asset,
                price,
                treasury,
                aur_per_gram,
                backing_ratio,
                max_attestation_age_seconds,
            },
        ),
        ExecuteMsg::UpdateOwnership(action) => {
            execute::ownership::update_ownership(deps, env, info, action)
        }
    }
}

/// `Config`, `Backing`, `Custodians`, `Attestation`, `LatestAttestation`, `Attestations`,
/// `Redemption`, `Redemptions`, `Ownership`.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn query(deps: Deps, env: Env, msg: QueryMsg) -> Result<Binary, ContractError> {
    q::query(deps, env, msg)
}

/// Migrates from an older `crates.io:poe-aurum-reserve`; refuses other contracts and downgrades.
#[cfg_attr(not(feature = "library"), entry_point)]
pub fn migrate(deps: DepsMut, env: Env, msg: MigrateMsg) -> Result<Response, ContractError> {
    mig::migrate(deps, env, msg)
}
