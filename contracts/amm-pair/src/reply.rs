//! Replies: the LP token's instantiation and the end of a cw20 deposit.

use cosmwasm_std::{DepsMut, Env, Reply, Response, StdError};
use poe_controllers::reply::instantiated_address;

use crate::error::ContractError;
use crate::execute::{provide, REPLY_DEPOSIT, REPLY_INSTANTIATE_LP};
use crate::state::LP_TOKEN;

/// [`REPLY_INSTANTIATE_LP`]: saves the LP token's address (attributes `action=register_lp_token`,
/// `liquidity_token`). [`REPLY_DEPOSIT`]: [`provide::finish_deposit`].
///
/// Errors: [`ContractError::UnexpectedReply`], `ParseReply`, `Std`, and those of
/// [`provide::finish_deposit`].
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    match msg.id {
        REPLY_INSTANTIATE_LP => {
            let response = msg.result.into_result().map_err(StdError::generic_err)?;
            let address = instantiated_address(response)?;
            let lp_token = deps.api.addr_validate(&address)?;
            LP_TOKEN.save(deps.storage, &lp_token)?;
            Ok(Response::new()
                .add_attribute("action", "register_lp_token")
                .add_attribute("liquidity_token", lp_token))
        }
        REPLY_DEPOSIT => provide::finish_deposit(deps, env),
        id => Err(ContractError::UnexpectedReply { id }),
    }
}
