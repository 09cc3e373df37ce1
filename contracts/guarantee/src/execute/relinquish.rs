//! `Relinquish`: a claim holder gives claims back while the guarantee is open, releasing that
//! part of the obligation.

use cosmwasm_std::{Addr, DepsMut, Response, Uint128};
use poe_controllers::cw20::burn_msg;
use poe_interface::token::BurnReason;

use crate::error::ContractError;
use crate::execute::load_open;
use crate::state::{CONFIG, GUARANTEES};

/// Burns the `amount` claims the contract received from `holder` (the caller checked they are
/// the claim token of `guarantee_id`) and lowers the open guarantee's coverage and claims
/// outstanding by as much. The guarantor may then release the collateral no longer needed.
///
/// Attributes: `action=relinquish`, `guarantee_id`, `holder`, `amount`, `coverage`.
///
/// Errors: [`ContractError::ZeroAmount`], [`ContractError::GuaranteeNotFound`],
/// [`ContractError::GuaranteeNotOpen`], `Overflow`.
pub fn relinquish(
    deps: DepsMut,
    holder: Addr,
    amount: Uint128,
    guarantee_id: u64,
) -> Result<Response, ContractError> {
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount {
            what: "amount".to_string(),
        });
    }
    let mut guarantee = load_open(deps.storage, guarantee_id)?;
    guarantee.coverage = guarantee.coverage.checked_sub(amount)?;
    guarantee.claims_outstanding = guarantee.claims_outstanding.checked_sub(amount)?;
    let mut config = CONFIG.load(deps.storage)?;
    config.claims_outstanding = config.claims_outstanding.checked_sub(amount)?;
    CONFIG.save(deps.storage, &config)?;
    GUARANTEES.save(deps.storage, guarantee_id, &guarantee)?;
    Ok(Response::new()
        .add_message(burn_msg(
            &guarantee.claim_token,
            amount,
            BurnReason::GuaranteeRelease,
        )?)
        .add_attribute("action", "relinquish")
        .add_attribute("guarantee_id", guarantee_id.to_string())
        .add_attribute("holder", holder)
        .add_attribute("amount", amount)
        .add_attribute("coverage", guarantee.coverage))
}
