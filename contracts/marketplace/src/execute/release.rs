//! `Release`: the buyer pays for an allocation and receives its tokens.

use cosmwasm_std::{Addr, CosmosMsg, DepsMut, Env, Response, Uint128};
use poe_controllers::cw20::transfer_msg;
use poe_interface::treasury::cw20_deposit_msg;

use crate::error::ContractError;
use crate::execute::{close, load_open};
use crate::msg::AllocationStatus;
use crate::state::{load_pool, Config};

/// Completes the open allocation `allocation_id` against `paid` FLX (`token` must be the FLX
/// token, `paid` exactly its price as delivered), from its buyer, before its expiry: ends it as
/// `released`, transfers its `amount` of the pool's token to the buyer (who receives `amount -
/// burn` if that token burns on transfer) and forwards the price to the pool's recipient (who
/// receives `price - burn` if FLX burns): to the treasury as a `Deposit` hook with the memo
/// `marketplace_allocation_<id>`, to another recipient as a plain transfer.
///
/// Attributes: `action=release`, `allocation_id`, `pool_id`, `amount`, `buyer`, `price`,
/// `recipient`.
///
/// Errors: [`ContractError::WrongToken`], [`ContractError::AllocationNotFound`],
/// [`ContractError::AllocationNotOpen`], [`ContractError::NotBuyer`],
/// [`ContractError::AllocationExpired`], [`ContractError::WrongPayment`].
pub fn release(
    deps: DepsMut,
    env: Env,
    config: &Config,
    token: Addr,
    sender: Addr,
    paid: Uint128,
    allocation_id: u64,
) -> Result<Response, ContractError> {
    if token != config.flx_token {
        return Err(ContractError::WrongToken {
            expected: config.flx_token.clone(),
            received: token,
        });
    }
    let allocation = load_open(deps.storage, allocation_id)?;
    if sender != allocation.buyer {
        return Err(ContractError::NotBuyer {
            buyer: allocation.buyer,
            sender,
        });
    }
    if env.block.time >= allocation.expires_at {
        return Err(ContractError::AllocationExpired {
            expires_at: allocation.expires_at,
        });
    }
    if paid != allocation.price {
        return Err(ContractError::WrongPayment {
            expected: allocation.price,
            received: paid,
        });
    }
    let pool = load_pool(deps.storage, allocation.pool_id)?;
    let allocation = close(
        deps.storage,
        allocation,
        AllocationStatus::Released,
        env.block.time,
    )?;
    let delivery = transfer_msg(&pool.token, &allocation.buyer, allocation.amount)?;
    let proceeds: CosmosMsg = if pool.recipient == config.treasury {
        cw20_deposit_msg(
            &config.flx_token,
            &config.treasury,
            allocation.price,
            format!("marketplace_allocation_{}", allocation.id),
        )?
    } else {
        transfer_msg(&config.flx_token, &pool.recipient, allocation.price)?
    };
    Ok(Response::new()
        .add_message(delivery)
        .add_message(proceeds)
        .add_attribute("action", "release")
        .add_attribute("allocation_id", allocation.id.to_string())
        .add_attribute("pool_id", allocation.pool_id.to_string())
        .add_attribute("amount", allocation.amount)
        .add_attribute("buyer", allocation.buyer)
        .add_attribute("price", allocation.price)
        .add_attribute("recipient", pool.recipient))
}
