//! A hop's reply.

use cosmwasm_std::{DepsMut, Env, Reply, Response};

use crate::error::ContractError;
use crate::execute::route::send_hop;
use crate::execute::REPLY_HOP;
use crate::state::ROUTE;

/// Measures what the hop in flight delivered (its recipient's balance of the ask asset now minus
/// before). After an intermediate hop, sends exactly that into the next one; after the last,
/// removes the route and checks the receiver got at least `minimum_receive`.
///
/// Attributes: `action=swap_hop`, `hop` (index), `ask_asset`, `received`; after the last hop also
/// `return_amount` and `receiver`.
///
/// Errors: [`ContractError::UnexpectedReply`], `Std` (no route, a balance query), `Overflow` (a
/// balance that fell), [`ContractError::ZeroHopOutput`],
/// [`ContractError::MinimumReceiveNotMet`], and those of [`send_hop`].
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    if msg.id != REPLY_HOP {
        return Err(ContractError::UnexpectedReply { id: msg.id });
    }
    let mut route = ROUTE.load(deps.storage)?;
    let index = route.current as usize;
    let hop = route.hops[index].clone();
    let recipient = if route.at_last_hop() {
        route.receiver.clone()
    } else {
        env.contract.address.clone()
    };
    let received = hop
        .ask
        .query_balance(&deps.querier, &recipient)?
        .checked_sub(route.balance_before)?;
    let res = Response::new()
        .add_attribute("action", "swap_hop")
        .add_attribute("hop", index.to_string())
        .add_attribute("ask_asset", hop.ask.to_string())
        .add_attribute("received", received);
    if route.at_last_hop() {
        ROUTE.remove(deps.storage);
        if let Some(minimum) = route.minimum_receive {
            if received < minimum {
                return Err(ContractError::MinimumReceiveNotMet { minimum, received });
            }
        }
        return Ok(res
            .add_attribute("return_amount", received)
            .add_attribute("receiver", route.receiver));
    }
    if received.is_zero() {
        return Err(ContractError::ZeroHopOutput { hop: index });
    }
    route.current += 1;
    let next = send_hop(deps, &env, &mut route, received)?;
    Ok(res.add_submessage(next))
}
