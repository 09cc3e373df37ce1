//! A hop's reply.

use cosmwasm_std::{DepsMut, Env, Reply, Response};

use crate::error::ContractError;
use crate::execute::route::{hop_and_recipient, send_hop};
use crate::execute::REPLY_HOP;
use crate::state::{PROGRESS, ROUTE};

/// Measures what the hop in flight delivered (its recipient's balance of the ask asset now minus
/// before). After an intermediate hop, sends exactly that into the next one (rewriting only the
/// small progress entry); after the last, removes the route and its progress and checks the
/// receiver got at least `minimum_receive`.
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
    let route = ROUTE.load(deps.storage)?;
    let progress = PROGRESS.load(deps.storage)?;
    let current = progress.current;
    let (hop, recipient) = hop_and_recipient(&route, &env, current)?;
    let received = hop
        .ask
        .query_balance(&deps.querier, &recipient)?
        .checked_sub(progress.balance_before)?;
    let res = Response::new()
        .add_attribute("action", "swap_hop")
        .add_attribute("hop", current.to_string())
        .add_attribute("ask_asset", hop.ask.to_string())
        .add_attribute("received", received);
    if route.is_last(current) {
        ROUTE.remove(deps.storage);
        PROGRESS.remove(deps.storage);
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
        return Err(ContractError::ZeroHopOutput {
            hop: current as usize,
        });
    }
    let next = send_hop(deps, &env, &route, current + 1, received)?;
    Ok(res.add_submessage(next))
}
