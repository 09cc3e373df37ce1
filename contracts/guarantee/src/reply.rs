//! Replies: a claim token's instantiation and a liquidation's sale.

use cosmwasm_std::{DepsMut, Env, Reply, Response, StdError};
use poe_controllers::cw20::mint_msg;
use poe_controllers::reply::instantiated_address;
use poe_interface::token::MintReason;

use crate::error::ContractError;
use crate::execute::liquidate::settle_liquidation;
use crate::execute::{REPLY_LIQUIDATE, REPLY_OPEN};
use crate::state::{
    add_held, BY_BENEFICIARY, BY_GUARANTOR, CLAIM_TOKENS, CONFIG, GUARANTEES, PENDING_OPEN,
};

/// Dispatches a reply by id.
///
/// Errors: [`ContractError::UnexpectedReply`], then [`claim_token_instantiated`]'s or
/// [`settle_liquidation`]'s.
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    match msg.id {
        REPLY_OPEN => claim_token_instantiated(deps, msg),
        REPLY_LIQUIDATE => settle_liquidation(deps, env),
        id => Err(ContractError::UnexpectedReply { id }),
    }
}

/// [`REPLY_OPEN`]: registers the new claim token, stores the pending guarantee with it, counts
/// it (`guarantee_count`, `open_count`), its collateral as held and its coverage as claims
/// outstanding (one write of the configuration per open), and mints the coverage to the
/// beneficiary (reason `guarantee_allocation`).
///
/// Attributes: `action=register_claim_token`, `guarantee_id`, `claim_token`.
///
/// Errors: `ParseReply`, `Std` (no pending guarantee, an invalid address), `Overflow`.
pub fn claim_token_instantiated(deps: DepsMut, msg: Reply) -> Result<Response, ContractError> {
    let response = msg.result.into_result().map_err(StdError::generic_err)?;
    let claim_token = deps.api.addr_validate(&instantiated_address(response)?)?;
    let mut guarantee = PENDING_OPEN.load(deps.storage)?;
    PENDING_OPEN.remove(deps.storage);
    guarantee.claim_token = claim_token.clone();
    guarantee.claims_outstanding = guarantee.coverage;
    GUARANTEES.save(deps.storage, guarantee.id, &guarantee)?;
    CLAIM_TOKENS.save(deps.storage, &claim_token, &guarantee.id)?;
    BY_GUARANTOR.save(
        deps.storage,
        (&guarantee.guarantor, guarantee.id),
        &Default::default(),
    )?;
    BY_BENEFICIARY.save(
        deps.storage,
        (&guarantee.beneficiary, guarantee.id),
        &Default::default(),
    )?;
    add_held(
        deps.storage,
        &guarantee.collateral_asset,
        guarantee.collateral,
    )?;
    let mut config = CONFIG.load(deps.storage)?;
    config.guarantee_count = guarantee.id;
    config.open_count += 1;
    config.claims_outstanding = config.claims_outstanding.checked_add(guarantee.coverage)?;
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new()
        .add_message(mint_msg(
            &claim_token,
            &guarantee.beneficiary,
            guarantee.coverage,
            MintReason::GuaranteeAllocation,
        )?)
        .add_attribute("action", "register_claim_token")
        .add_attribute("guarantee_id", guarantee.id.to_string())
        .add_attribute("claim_token", claim_token))
}
