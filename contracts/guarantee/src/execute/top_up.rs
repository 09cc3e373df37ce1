//! `TopUp`: anyone adds collateral to an open guarantee.

use cosmwasm_std::{Addr, DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::load_open;
use crate::msg::AssetInfo;
use crate::state::{add_held, CONFIG, GUARANTEES};

/// `ExecuteMsg::TopUp`: the attached coin (exactly one) is added. See [`top_up`].
///
/// Errors: `Payment`, [`ContractError::Pause`], then [`top_up`]'s.
pub fn top_up_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    guarantee_id: u64,
) -> Result<Response, ContractError> {
    let coin = cw_utils::one_coin(&info)?;
    CONFIG
        .load(deps.storage)?
        .pause
        .ensure_not_paused(&env.block)?;
    let asset = AssetInfo::NativeToken { denom: coin.denom };
    top_up(deps, info.sender, asset, coin.amount, guarantee_id)
}

/// Adds `amount` of `asset` (received already) to the collateral of the open guarantee
/// `guarantee_id`; the asset must be its collateral's.
///
/// Attributes: `action=top_up`, `guarantee_id`, `sender`, `amount`, `collateral`.
///
/// Errors: [`ContractError::ZeroAmount`], [`ContractError::GuaranteeNotFound`],
/// [`ContractError::GuaranteeNotOpen`], [`ContractError::WrongAsset`], `Overflow`.
pub fn top_up(
    deps: DepsMut,
    sender: Addr,
    asset: AssetInfo,
    amount: Uint128,
    guarantee_id: u64,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount {
            what: "amount".to_string(),
        });
    }
    let mut guarantee = load_open(deps.storage, guarantee_id)?;
    if asset != guarantee.collateral_asset {
        return Err(ContractError::WrongAsset {
            expected: guarantee.collateral_asset,
            received: asset,
        });
    }
    guarantee.collateral = guarantee.collateral.checked_add(amount)?;
    add_held(deps.storage, &asset, amount)?;
    GUARANTEES.save(deps.storage, guarantee_id, &guarantee)?;
    Ok(Response::new()
        .add_attribute("action", "top_up")
        .add_attribute("guarantee_id", guarantee_id.to_string())
        .add_attribute("sender", sender)
        .add_attribute("amount", amount)
        .add_attribute("collateral", guarantee.collateral))
}
