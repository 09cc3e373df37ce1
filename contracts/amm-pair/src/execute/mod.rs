//! Execute handlers, one file per operation, and the checks they share.

pub mod config;
pub mod instantiate;
pub mod pause;
pub mod provide;
pub mod receive;
pub mod swap;
pub mod withdraw;

use cosmwasm_std::{Env, Storage, Uint128};
pub use poe_controllers::asset::pay_msg as pay;
use poe_interface::amm::{Asset, AssetInfo};

use crate::error::ContractError;
use crate::state::{Config, PENDING_DEPOSIT};

/// Reply id of the LP token's instantiation.
pub const REPLY_INSTANTIATE_LP: u64 = 1;
/// Reply id of the last cw20 pull of a deposit.
pub const REPLY_DEPOSIT: u64 = 2;

/// `DepositInProgress` while a deposit's cw20 pulls are running (a token calling back into the
/// pair in the middle of a `ProvideLiquidity` must not see half-updated state).
pub fn ensure_no_deposit_in_progress(storage: &dyn Storage) -> Result<(), ContractError> {
    if PENDING_DEPOSIT.may_load(storage)?.is_some() {
        return Err(ContractError::DepositInProgress);
    }
    Ok(())
}

/// `DeadlinePassed` when the block time is after `deadline` (seconds).
pub fn check_deadline(deadline: Option<u64>, env: &Env) -> Result<(), ContractError> {
    let now = env.block.time.seconds();
    match deadline {
        Some(deadline) if now > deadline => Err(ContractError::DeadlinePassed { deadline, now }),
        _ => Ok(()),
    }
}

/// The position of `info` among the pair's assets.
///
/// Errors: [`ContractError::UnknownAsset`].
pub fn asset_index(config: &Config, info: &AssetInfo) -> Result<usize, ContractError> {
    config
        .asset_infos
        .iter()
        .position(|a| a == info)
        .ok_or_else(|| ContractError::UnknownAsset {
            asset: info.to_string(),
        })
}

/// `(values[side], values[other side])` for a `side` from [`asset_index`]: 0 keeps the pair's
/// order, any other value swaps it.
pub fn oriented<T>(values: [T; 2], side: usize) -> (T, T) {
    let [first, second] = values;
    if side == 0 {
        (first, second)
    } else {
        (second, first)
    }
}

/// The inverse of [`oriented`]: the values of `side` and of the other side, in the pair's order.
pub fn in_pair_order<T>(this_side: T, other_side: T, side: usize) -> [T; 2] {
    if side == 0 {
        [this_side, other_side]
    } else {
        [other_side, this_side]
    }
}

/// Amounts given as a list of assets, in the pair's order: each asset must be the pair's and
/// appear at most once; missing ones are `None`.
///
/// Errors: [`ContractError::UnknownAsset`], [`ContractError::DuplicateAsset`].
pub fn by_pair_order(
    config: &Config,
    assets: &[Asset],
) -> Result<[Option<Uint128>; 2], ContractError> {
    let mut amounts = [None, None];
    for asset in assets {
        let i = asset_index(config, &asset.info)?;
        let slot = amounts
            .get_mut(i)
            .ok_or_else(|| ContractError::UnknownAsset {
                asset: asset.info.to_string(),
            })?;
        if slot.replace(asset.amount).is_some() {
            return Err(ContractError::DuplicateAsset {
                asset: asset.info.to_string(),
            });
        }
    }
    Ok(amounts)
}

/// `"<amount0><asset0>, <amount1><asset1>"`, for attributes.
pub fn fmt_amounts(config: &Config, amounts: &[Uint128; 2]) -> String {
    format!(
        "{}{}, {}{}",
        amounts[0], config.asset_infos[0], amounts[1], config.asset_infos[1]
    )
}
