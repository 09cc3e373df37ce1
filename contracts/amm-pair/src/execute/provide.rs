//! `ProvideLiquidity`: native parts arrive as funds; cw20 parts are pulled with `TransferFrom`
//! and measured in the reply to the last pull (a token with a transfer burn delivers less than
//! the amount pulled), then the share is minted.

use cosmwasm_std::{Addr, Decimal, DepsMut, Env, MessageInfo, Response, SubMsg, Uint128, Uint256};
use poe_controllers::cw20::{mint_msg, transfer_from_msg};
use poe_interface::amm::{Asset, AssetInfo};
use poe_interface::token::MintReason;
use poe_math::amm::{check_fraction, deposit_within_tolerance, provide as provide_math};

use crate::error::ContractError;
use crate::execute::{
    by_pair_order, ensure_no_deposit_in_progress, fmt_amounts, pay, REPLY_DEPOSIT,
};
use crate::oracle::{accrue, record};
use crate::state::{Config, PendingDeposit, CONFIG, LP_TOKEN, PENDING_DEPOSIT, POOL};

/// Checks the deposit and either completes it (no cw20 part) or pulls the cw20 parts, the last
/// pull with a reply that completes it ([`finish_deposit`]). While pulling, the deposit is kept in
/// [`PENDING_DEPOSIT`] and every other pool action is refused.
///
/// Attributes when pulling: `action=collect_deposit`, `sender`, `receiver`, `assets` (declared).
///
/// Errors: `Pause` (`Paused`), [`ContractError::DepositInProgress`],
/// [`ContractError::InvalidAssetCount`], [`ContractError::UnknownAsset`],
/// [`ContractError::DuplicateAsset`], [`ContractError::ZeroAmount`],
/// [`ContractError::FundsMismatch`], [`ContractError::UnexpectedFunds`], `Math` (a tolerance
/// above 1), `Std` (invalid receiver), and those of [`complete_deposit`].
pub fn provide_liquidity(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    assets: Vec<Asset>,
    slippage_tolerance: Option<Decimal>,
    min_lp_to_receive: Option<Uint128>,
    receiver: Option<String>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    config.paused_until.ensure_not_paused(&env.block)?;
    ensure_no_deposit_in_progress(deps.storage)?;
    if let Some(tolerance) = slippage_tolerance {
        check_fraction("slippage_tolerance", tolerance)?;
    }
    if assets.len() != 2 {
        return Err(ContractError::InvalidAssetCount {
            count: assets.len(),
        });
    }
    let [Some(d0), Some(d1)] = by_pair_order(&config, &assets)? else {
        // two assets, both the pair's, none twice: both are present
        return Err(ContractError::InvalidAssetCount {
            count: assets.len(),
        });
    };
    let deposits = [d0, d1];
    if deposits.iter().any(Uint128::is_zero) {
        return Err(ContractError::ZeroAmount);
    }
    // native parts: exactly the declared amounts, nothing else
    for coin in &info.funds {
        let declared = config
            .asset_infos
            .iter()
            .position(|a| matches!(a, AssetInfo::NativeToken { denom } if *denom == coin.denom));
        if declared.is_none() {
            return Err(ContractError::UnexpectedFunds {
                denom: coin.denom.clone(),
            });
        }
    }
    for (info_i, &expected) in config.asset_infos.iter().zip(deposits.iter()) {
        if let AssetInfo::NativeToken { denom } = info_i {
            let received = info
                .funds
                .iter()
                .filter(|c| c.denom == *denom)
                .try_fold(Uint128::zero(), |sum, c| sum.checked_add(c.amount))?;
            if received != expected {
                return Err(ContractError::FundsMismatch {
                    denom: denom.clone(),
                    expected,
                    received,
                });
            }
        }
    }
    let receiver = match receiver {
        Some(r) => deps.api.addr_validate(&r)?,
        None => info.sender.clone(),
    };

    let mut deposit = PendingDeposit {
        depositor: info.sender.clone(),
        receiver: receiver.clone(),
        deposits,
        balances_before: [Uint128::zero(); 2],
        slippage_tolerance,
        min_lp_to_receive,
    };
    let cw20_count = config
        .asset_infos
        .iter()
        .filter(|asset| !asset.is_native())
        .count();
    if cw20_count == 0 {
        return complete_deposit(deps, env, &config, deposit, deposits);
    }
    let mut pulls = vec![];
    for ((asset, amount), balance_before) in config
        .asset_infos
        .iter()
        .zip(deposits)
        .zip(deposit.balances_before.iter_mut())
    {
        if asset.is_native() {
            continue;
        }
        *balance_before = asset.query_balance(&deps.querier, &env.contract.address)?;
        let pull = transfer_from_msg(
            &Addr::unchecked(asset.to_string()),
            info.sender.as_str(),
            env.contract.address.as_str(),
            amount,
        )?;
        pulls.push(if pulls.len() + 1 == cw20_count {
            SubMsg::reply_on_success(pull, REPLY_DEPOSIT)
        } else {
            SubMsg::new(pull)
        });
    }
    PENDING_DEPOSIT.save(deps.storage, &deposit)?;
    Ok(Response::new()
        .add_submessages(pulls)
        .add_attribute("action", "collect_deposit")
        .add_attribute("sender", info.sender)
        .add_attribute("receiver", receiver)
        .add_attribute("assets", fmt_amounts(&config, &deposits)))
}

/// The reply to the last cw20 pull: what arrived of each cw20 is the pair's balance now minus
/// before; native parts are the declared funds. Clears the pending deposit and completes it.
///
/// Errors: `Std` (no pending deposit, a balance query), `Overflow` (a balance that fell), and
/// those of [`complete_deposit`].
pub fn finish_deposit(deps: DepsMut, env: Env) -> Result<Response, ContractError> {
    let pending = PENDING_DEPOSIT.load(deps.storage)?;
    PENDING_DEPOSIT.remove(deps.storage);
    let config = CONFIG.load(deps.storage)?;
    let mut received = pending.deposits;
    for ((asset, arrived), balance_before) in config
        .asset_infos
        .iter()
        .zip(received.iter_mut())
        .zip(pending.balances_before)
    {
        if !asset.is_native() {
            *arrived = asset
                .query_balance(&deps.querier, &env.contract.address)?
                .checked_sub(balance_before)?;
        }
    }
    complete_deposit(deps, env, &config, pending, received)
}

/// Mints the share of `received` (in the pair's order, already held by the pair) for `deposit`
/// (its declared amounts and cw20 balances are not used; `config` as the caller loaded it) by
/// `poe_math::amm::provide`: the accumulators are brought up to date with the reserves before the
/// deposit; the reserves grow by the part used, the rest is refunded to the depositor; the share
/// is minted to the receiver and, on the first deposit, `MINIMUM_LIQUIDITY` to the pair itself
/// (with the first observation of the ring).
///
/// Attributes: `action=provide_liquidity`, `sender`, `receiver`, `received`, `used`, `refunded`,
/// `share`, `locked_share`, `total_share`.
///
/// Errors: [`ContractError::SlippageToleranceExceeded`], [`ContractError::MinLpNotMet`], `Math`
/// (`ZeroAmount` when a transfer burn ate a whole part, `InitialShareTooLow`, `ZeroShare`),
/// `Overflow`.
pub fn complete_deposit(
    deps: DepsMut,
    env: Env,
    config: &Config,
    deposit: PendingDeposit,
    received: [Uint128; 2],
) -> Result<Response, ContractError> {
    let PendingDeposit {
        depositor,
        receiver,
        slippage_tolerance,
        min_lp_to_receive,
        ..
    } = deposit;
    let lp_token = LP_TOKEN.load(deps.storage)?;
    let mut state = POOL.load(deps.storage)?;
    let first = state.total_share.is_zero();
    accrue(deps.storage, config, &mut state, env.block.time.seconds())?;
    if let Some(tolerance) = slippage_tolerance {
        if !deposit_within_tolerance(state.reserves, received, tolerance)? {
            return Err(ContractError::SlippageToleranceExceeded { tolerance });
        }
    }
    let provision = provide_math(state.reserves, state.total_share, received)?;
    if let Some(minimum) = min_lp_to_receive {
        if provision.share < minimum {
            return Err(ContractError::MinLpNotMet {
                minimum,
                share: provision.share,
            });
        }
    }
    for (reserve, used) in state.reserves.iter_mut().zip(provision.used) {
        *reserve = reserve.checked_add(used)?;
    }
    state.total_share = state
        .total_share
        .checked_add(provision.share)?
        .checked_add(provision.locked_share)?;
    if first {
        // the ring's first observation: the cumulatives (zero) at the first deposit
        let now = state.last_update;
        record(
            deps.storage,
            config.observation_capacity,
            &mut state,
            now,
            [Uint256::zero(); 2],
        )?;
    }
    POOL.save(deps.storage, &state)?;

    let mut res = Response::new().add_message(mint_msg(
        &lp_token,
        &receiver,
        provision.share,
        MintReason::Liquidity,
    )?);
    if !provision.locked_share.is_zero() {
        res = res.add_message(mint_msg(
            &lp_token,
            &env.contract.address,
            provision.locked_share,
            MintReason::Liquidity,
        )?);
    }
    for (asset, refund) in config.asset_infos.iter().zip(provision.refunds) {
        res = res.add_messages(pay(asset, refund, &depositor)?);
    }
    Ok(res
        .add_attribute("action", "provide_liquidity")
        .add_attribute("sender", depositor)
        .add_attribute("receiver", receiver)
        .add_attribute("received", fmt_amounts(config, &received))
        .add_attribute("used", fmt_amounts(config, &provision.used))
        .add_attribute("refunded", fmt_amounts(config, &provision.refunds))
        .add_attribute("share", provision.share)
        .add_attribute("locked_share", provision.locked_share)
        .add_attribute("total_share", state.total_share))
}
