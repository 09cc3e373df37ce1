//! Routes: checking a route, resolving its pairs, and sending a hop.

use cosmwasm_std::{
    coins, to_json_binary, Addr, Decimal, Deps, DepsMut, Env, MessageInfo, Response, StdError,
    SubMsg, Uint128, WasmMsg,
};
use poe_controllers::cw20::send_msg;
use poe_interface::amm::factory::QueryMsg as FactoryQueryMsg;
use poe_interface::amm::pair::{Cw20HookMsg as PairHookMsg, ExecuteMsg as PairExecuteMsg};
use poe_interface::amm::router::{SwapOperation, MAX_SWAP_OPERATIONS};
use poe_interface::amm::{AssetInfo, PairInfo};
use poe_math::amm::check_fraction;

use crate::error::ContractError;
use crate::execute::REPLY_HOP;
use crate::state::{Hop, Progress, Route, CONFIG, PROGRESS, ROUTE};

/// The route and the bounds of `ExecuteSwapOperations`.
pub struct RouteParams {
    /// The hops, as sent.
    pub operations: Vec<SwapOperation>,
    /// Least base units of the last asked asset the receiver must get.
    pub minimum_receive: Option<Uint128>,
    /// Who receives the output (unvalidated); default the sender.
    pub to: Option<String>,
    /// Spread bound passed to every hop.
    pub max_spread: Option<Decimal>,
    /// Refused after this block time, seconds since the epoch.
    pub deadline: Option<u64>,
}

/// `ExecuteSwapOperations` with native funds: exactly one coin, the first operation's offer.
///
/// Errors: `Payment` (no funds, several denoms), and those of [`start_route`].
pub fn execute_native(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    params: RouteParams,
) -> Result<Response, ContractError> {
    let coin = cw_utils::one_coin(&info)?;
    start_route(
        deps,
        env,
        info.sender,
        AssetInfo::NativeToken { denom: coin.denom },
        coin.amount,
        params,
    )
}

/// Checks a route's shape: 1..=[`MAX_SWAP_OPERATIONS`] operations, none offering what it asks,
/// each offering what the previous one asks; then finds each operation's pair in the factory, each
/// pair at most once (a route back through a pair it already used only pays its fee twice, and
/// would make the hop-by-hop simulation, which reads each pair's reserves before the route,
/// inexact).
///
/// Errors: [`ContractError::NoOperations`], [`ContractError::TooManyOperations`],
/// [`ContractError::IdenticalAssets`], [`ContractError::NotChained`],
/// [`ContractError::PairNotFound`], [`ContractError::PairUsedTwice`], `Std` (an invalid asset).
pub fn resolve(deps: Deps, operations: &[SwapOperation]) -> Result<Vec<Hop>, ContractError> {
    if operations.is_empty() {
        return Err(ContractError::NoOperations);
    }
    if operations.len() > MAX_SWAP_OPERATIONS {
        return Err(ContractError::TooManyOperations {
            count: operations.len(),
            max: MAX_SWAP_OPERATIONS,
        });
    }
    for (index, op) in operations.iter().enumerate() {
        if op.offer_asset_info == op.ask_asset_info {
            return Err(ContractError::IdenticalAssets { index });
        }
    }
    for (index, pair) in operations.windows(2).enumerate() {
        if let [previous, op] = pair {
            if previous.ask_asset_info != op.offer_asset_info {
                return Err(ContractError::NotChained { index: index + 1 });
            }
        }
    }
    let factory = CONFIG.load(deps.storage)?.factory;
    let hops = operations
        .iter()
        .map(|op| {
            let offer = op.offer_asset_info.check(deps.api)?;
            let ask = op.ask_asset_info.check(deps.api)?;
            let info: PairInfo = deps
                .querier
                .query_wasm_smart(
                    &factory,
                    &FactoryQueryMsg::Pair {
                        asset_infos: [offer.clone(), ask.clone()],
                    },
                )
                .map_err(|_| ContractError::PairNotFound {
                    offer: offer.to_string(),
                    ask: ask.to_string(),
                })?;
            Ok(Hop {
                pair: deps.api.addr_validate(&info.contract_addr)?,
                offer,
                ask,
            })
        })
        .collect::<Result<Vec<_>, ContractError>>()?;
    for (index, hop) in hops.iter().enumerate() {
        if hops.iter().take(index).any(|h| h.pair == hop.pair) {
            return Err(ContractError::PairUsedTwice { index });
        }
    }
    Ok(hops)
}

/// Starts a route with `amount` of `offer` (already held by the router) for `sender`: checks the
/// deadline, that no route is in flight, the input, the route and the receiver (default the
/// sender, never the router), then sends the first hop.
///
/// Attributes: `action=execute_swap_operations`, `sender`, `receiver`, `offer_asset`,
/// `offer_amount`, `hops`.
///
/// Errors: [`ContractError::DeadlinePassed`], [`ContractError::RouteInProgress`],
/// [`ContractError::ZeroAmount`], `Math` (a `max_spread` above 1),
/// [`ContractError::FirstOfferMismatch`], [`ContractError::InvalidReceiver`], `Std`, and those
/// of [`resolve`].
pub fn start_route(
    deps: DepsMut,
    env: Env,
    sender: Addr,
    offer: AssetInfo,
    amount: Uint128,
    params: RouteParams,
) -> Result<Response, ContractError> {
    let now = env.block.time.seconds();
    if let Some(deadline) = params.deadline {
        if now > deadline {
            return Err(ContractError::DeadlinePassed { deadline, now });
        }
    }
    if ROUTE.may_load(deps.storage)?.is_some() {
        return Err(ContractError::RouteInProgress);
    }
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    if let Some(max_spread) = params.max_spread {
        check_fraction("max_spread", max_spread)?;
    }
    let hops = resolve(deps.as_ref(), &params.operations)?;
    let first = hops.first().ok_or(ContractError::NoOperations)?;
    if first.offer != offer {
        return Err(ContractError::FirstOfferMismatch {
            expected: first.offer.to_string(),
            received: offer.to_string(),
        });
    }
    let receiver = match params.to {
        Some(to) => deps.api.addr_validate(&to)?,
        None => sender.clone(),
    };
    if receiver == env.contract.address {
        return Err(ContractError::InvalidReceiver);
    }
    let count = hops.len();
    let route = Route {
        hops,
        receiver: receiver.clone(),
        minimum_receive: params.minimum_receive,
        max_spread: params.max_spread,
    };
    ROUTE.save(deps.storage, &route)?;
    let hop = send_hop(deps, &env, &route, 0, amount)?;
    Ok(Response::new()
        .add_submessage(hop)
        .add_attribute("action", "execute_swap_operations")
        .add_attribute("sender", sender)
        .add_attribute("receiver", receiver)
        .add_attribute("offer_asset", offer.to_string())
        .add_attribute("offer_amount", amount)
        .add_attribute("hops", count.to_string()))
}

/// Hop `current` of `route`, and who receives its output: the receiver for the last hop, the
/// router otherwise.
///
/// Errors: `Std` (`current` past the route's end: not reachable, the replies stop at the last).
pub fn hop_and_recipient<'a>(
    route: &'a Route,
    env: &Env,
    current: u32,
) -> Result<(&'a Hop, Addr), ContractError> {
    let hop = route
        .hops
        .get(current as usize)
        .ok_or_else(|| StdError::not_found(format!("hop {current}")))?;
    let recipient = if route.is_last(current) {
        route.receiver.clone()
    } else {
        env.contract.address.clone()
    };
    Ok((hop, recipient))
}

/// Records hop `current`'s recipient's balance of its ask asset in [`PROGRESS`] (the only write
/// of a hop; the route itself was saved once), and returns the hop's swap of `amount` as a
/// submessage with a `reply_on_success`: a cw20 `Send` with the pair's `Swap` hook, or the pair's
/// `Swap` with the coin attached. Every hop gets the route's `max_spread` and no other bound.
///
/// Errors: `Std` (a balance query, storage, serialization).
pub fn send_hop(
    deps: DepsMut,
    env: &Env,
    route: &Route,
    current: u32,
    amount: Uint128,
) -> Result<SubMsg, ContractError> {
    let (hop, recipient) = hop_and_recipient(route, env, current)?;
    let balance_before = hop.ask.query_balance(&deps.querier, &recipient)?;
    let to = Some(recipient.to_string());
    let msg: cosmwasm_std::CosmosMsg = match &hop.offer {
        AssetInfo::Token { contract_addr } => send_msg(
            &Addr::unchecked(contract_addr),
            hop.pair.to_string(),
            amount,
            &PairHookMsg::Swap {
                belief_price: None,
                max_spread: route.max_spread,
                minimum_receive: None,
                to,
                deadline: None,
            },
        )?,
        AssetInfo::NativeToken { denom } => WasmMsg::Execute {
            contract_addr: hop.pair.to_string(),
            msg: to_json_binary(&PairExecuteMsg::Swap {
                offer_asset: hop.offer.with_amount(amount),
                belief_price: None,
                max_spread: route.max_spread,
                minimum_receive: None,
                to,
                deadline: None,
            })?,
            funds: coins(amount.u128(), denom),
        }
        .into(),
    };
    PROGRESS.save(
        deps.storage,
        &Progress {
            current,
            balance_before,
        },
    )?;
    Ok(SubMsg::reply_on_success(msg, REPLY_HOP))
}
