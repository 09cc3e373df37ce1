//! `WithdrawLiquidity` (through the LP token's `Send`): burns the shares and pays both assets.

use cosmwasm_std::{Addr, DepsMut, Env, Response, Uint128};
use poe_interface::amm::Asset;
use poe_math::amm::withdraw as withdraw_math;

use crate::error::ContractError;
use crate::execute::{by_pair_order, ensure_no_deposit_in_progress, fmt_amounts, pay};
use crate::oracle::accrue;
use crate::state::{CONFIG, POOL};

/// Burns `share` LP units (received from `lp_token`, the pair's LP token) and pays
/// `floor(share · reserve / total_share)` of each asset to `sender`, by
/// `poe_math::amm::withdraw`; the accumulators are brought up to date first. Allowed while
/// paused, so liquidity providers can always leave.
///
/// Attributes: `action=withdraw_liquidity`, `sender`, `share`, `refund_assets`, `total_share`.
///
/// Errors: [`ContractError::DepositInProgress`], [`ContractError::UnknownAsset`],
/// [`ContractError::DuplicateAsset`] (in `min_assets_to_receive`), `Math` (`ZeroAmount`,
/// `ShareExceedsTotal`), [`ContractError::ZeroWithdrawal`] (a defence only: the first deposit
/// mints `floor(sqrt(x · y))` and `k / S^2` never falls, so `max(R0, R1) >= S` and one LP unit
/// always pays at least one base unit of some asset), [`ContractError::MinAssetsNotMet`].
pub fn withdraw(
    deps: DepsMut,
    env: Env,
    lp_token: Addr,
    sender: Addr,
    share: Uint128,
    min_assets_to_receive: Vec<Asset>,
) -> Result<Response, ContractError> {
    ensure_no_deposit_in_progress(deps.storage)?;
    let config = CONFIG.load(deps.storage)?;
    let minimums = by_pair_order(&config, &min_assets_to_receive)?;
    let mut state = POOL.load(deps.storage)?;
    accrue(deps.storage, &config, &mut state, env.block.time.seconds())?;
    let amounts = withdraw_math(state.reserves, state.total_share, share)?;
    if amounts.iter().all(Uint128::is_zero) {
        return Err(ContractError::ZeroWithdrawal);
    }
    for (((reserve, amount), minimum), info) in state
        .reserves
        .iter_mut()
        .zip(amounts)
        .zip(minimums)
        .zip(config.asset_infos.iter())
    {
        if let Some(minimum) = minimum {
            if amount < minimum {
                return Err(ContractError::MinAssetsNotMet {
                    asset: info.to_string(),
                    minimum,
                    amount,
                });
            }
        }
        *reserve = reserve.checked_sub(amount)?;
    }
    state.total_share = state.total_share.checked_sub(share)?;
    POOL.save(deps.storage, &state)?;

    let burn = poe_controllers::cw20::burn_msg(
        &lp_token,
        share,
        poe_interface::token::BurnReason::Liquidity,
    )?;
    let mut res = Response::new().add_message(burn);
    for (asset, amount) in config.asset_infos.iter().zip(amounts) {
        res = res.add_messages(pay(asset, amount, &sender)?);
    }
    Ok(res
        .add_attribute("action", "withdraw_liquidity")
        .add_attribute("sender", sender)
        .add_attribute("share", share)
        .add_attribute("refund_assets", fmt_amounts(&config, &amounts))
        .add_attribute("total_share", state.total_share))
}
