//! Swaps: a native offer attached to `Swap`, or a cw20 offer through the `Swap` hook.

use cosmwasm_std::{Addr, Decimal, DepsMut, Env, MessageInfo, Response, Uint128};
use poe_interface::amm::pair::DEFAULT_MAX_SPREAD;
use poe_interface::amm::{Asset, AssetInfo};
use poe_math::amm::{check_fraction, max_spread_exceeded, swap as swap_math};

use crate::error::ContractError;
use crate::execute::{
    asset_index, check_deadline, ensure_no_deposit_in_progress, in_pair_order, oriented, pay,
};
use crate::oracle::accrue;
use crate::state::{Config, CONFIG, POOL};

/// The trader's bounds and the receiver of a swap (see `ExecuteMsg::Swap`).
pub struct SwapParams {
    /// Offered units per asked unit the trader expects (fees included).
    pub belief_price: Option<Decimal>,
    /// Largest spread accepted, a fraction in `[0, 1]`.
    pub max_spread: Option<Decimal>,
    /// Refuses a swap returning less, base units of the asked asset.
    pub minimum_receive: Option<Uint128>,
    /// Who receives the output (unvalidated); default the trader.
    pub to: Option<String>,
    /// Refused after this block time, seconds since the epoch.
    pub deadline: Option<u64>,
}

/// `Swap` with a native offer: the funds must be exactly `offer_asset` (one coin of its denom).
///
/// Errors: [`ContractError::UnknownAsset`], [`ContractError::Cw20OfferNeedsSend`], `Payment`
/// (no funds, several denoms, another denom), [`ContractError::FundsMismatch`], and those of
/// [`swap`].
pub fn swap_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    offer_asset: Asset,
    params: SwapParams,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let offer_index = asset_index(&config, &offer_asset.info)?;
    let denom = match &offer_asset.info {
        AssetInfo::NativeToken { denom } => denom,
        AssetInfo::Token { contract_addr } => {
            return Err(ContractError::Cw20OfferNeedsSend {
                token: contract_addr.clone(),
            })
        }
    };
    let paid = cw_utils::must_pay(&info, denom)?;
    if paid != offer_asset.amount {
        return Err(ContractError::FundsMismatch {
            denom: denom.clone(),
            expected: offer_asset.amount,
            received: paid,
        });
    }
    swap(
        deps,
        env,
        config,
        info.sender,
        offer_index,
        offer_asset.amount,
        params,
    )
}

/// Sells `offer_amount` of asset `offer_index` (already received) for the other asset, paid to
/// `params.to` (default `sender`), by `poe_math::amm::swap`: the offer reserve grows by the
/// offer, the ask reserve shrinks by the return plus the protocol fee, which is paid to the fee
/// address (nothing without one). The accumulators are brought up to date first, with the
/// reserves before the swap.
///
/// Attributes: `action=swap`, `sender`, `receiver`, `offer_asset`, `ask_asset`, `offer_amount`,
/// `return_amount`, `spread_amount`, `commission_amount`, `protocol_fee_amount`.
///
/// Errors: `Pause` (`Paused`), [`ContractError::DepositInProgress`],
/// [`ContractError::DeadlinePassed`], [`ContractError::ZeroAmount`],
/// [`ContractError::ZeroBeliefPrice`], `Math` (a `max_spread` above 1, an empty pool),
/// [`ContractError::ZeroReturn`], [`ContractError::MinimumReceiveNotMet`],
/// [`ContractError::MaxSpreadExceeded`], `Std` (invalid `to`).
pub fn swap(
    deps: DepsMut,
    env: Env,
    config: Config,
    sender: Addr,
    offer_index: usize,
    offer_amount: Uint128,
    params: SwapParams,
) -> Result<Response, ContractError> {
    config.paused_until.ensure_not_paused(&env.block)?;
    ensure_no_deposit_in_progress(deps.storage)?;
    check_deadline(params.deadline, &env)?;
    if offer_amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    if params.belief_price.is_some_and(|p| p.is_zero()) {
        return Err(ContractError::ZeroBeliefPrice);
    }
    let max_spread = params.max_spread.unwrap_or(DEFAULT_MAX_SPREAD);
    check_fraction("max_spread", max_spread)?;
    let receiver = match params.to {
        Some(to) => deps.api.addr_validate(&to)?,
        None => sender.clone(),
    };

    let mut state = POOL.load(deps.storage)?;
    accrue(deps.storage, &config, &mut state, env.block.time.seconds())?;
    let (offer_reserve, ask_reserve) = oriented(state.reserves, offer_index);
    let outcome = swap_math(
        offer_reserve,
        ask_reserve,
        offer_amount,
        &config.effective_fees(),
    )?;
    if outcome.return_amount.is_zero() {
        return Err(ContractError::ZeroReturn);
    }
    if let Some(minimum) = params.minimum_receive {
        if outcome.return_amount < minimum {
            return Err(ContractError::MinimumReceiveNotMet {
                minimum,
                return_amount: outcome.return_amount,
            });
        }
    }
    if max_spread_exceeded(&outcome, params.belief_price, max_spread)? {
        return Err(ContractError::MaxSpreadExceeded {
            max_spread,
            return_amount: outcome.return_amount,
            spread_amount: outcome.spread_amount,
        });
    }
    state.reserves = in_pair_order(
        offer_reserve.checked_add(offer_amount)?,
        ask_reserve.checked_sub(outcome.ask_outflow()?)?,
        offer_index,
    );
    POOL.save(deps.storage, &state)?;

    let (offer_info, ask_info) = oriented(config.asset_infos.each_ref(), offer_index);
    let mut msgs = vec![];
    msgs.extend(pay(ask_info, outcome.return_amount, &receiver)?);
    if let Some(fee_address) = &config.fee_address {
        msgs.extend(pay(ask_info, outcome.protocol_fee_amount, fee_address)?);
    }
    Ok(Response::new()
        .add_messages(msgs)
        .add_attribute("action", "swap")
        .add_attribute("sender", sender)
        .add_attribute("receiver", receiver)
        .add_attribute("offer_asset", offer_info.to_string())
        .add_attribute("ask_asset", ask_info.to_string())
        .add_attribute("offer_amount", offer_amount)
        .add_attribute("return_amount", outcome.return_amount)
        .add_attribute("spread_amount", outcome.spread_amount)
        .add_attribute("commission_amount", outcome.commission_amount)
        .add_attribute("protocol_fee_amount", outcome.protocol_fee_amount))
}
