//! `IncreaseAllowance`: cw20-base's, after an overflow check.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use cw20::Expiration;
use cw20_base::allowances::execute_increase_allowance;
use cw20_base::state::ALLOWANCES;

use crate::error::ContractError;
use crate::execute::cw20_err;

/// Raises the sender's allowance to `spender` by `amount` (and sets `expires` if given).
///
/// cw20-base adds with a panicking `+`; this reads the allowance first so that an allowance
/// pushed past `Uint128::MAX` fails with `Cw20(Std(Overflow))` instead of aborting.
///
/// Errors: cw20-base's (`CannotSetOwnAccount`, `InvalidExpiration`, invalid address);
/// `Cw20(Std(Overflow))`.
pub fn increase_allowance(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    spender: String,
    amount: Uint128,
    expires: Option<Expiration>,
) -> Result<Response, ContractError> {
    // an invalid spender is left to cw20-base, which rejects it with its own error
    if let Ok(spender_addr) = deps.api.addr_validate(&spender) {
        if let Some(current) = ALLOWANCES.may_load(deps.storage, (&info.sender, &spender_addr))? {
            current.allowance.checked_add(amount).map_err(cw20_err)?;
        }
    }
    Ok(execute_increase_allowance(
        deps, env, info, spender, amount, expires,
    )?)
}
