//! `Release`: the obligation is met (the arbiter says so) or the guarantee expired without a
//! default; every claim is burned and the collateral goes back.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::execute::{load_open, pay_msg, retire_msg};
use crate::msg::GuaranteeStatus;
use crate::state::{sub_held, CONFIG, GUARANTEES};

/// Releases the open guarantee `guarantee_id`, by its arbiter at any time or by anyone at or
/// after `expires_at`: retires the claim token (its outstanding claims are burned at once) and
/// pays all the collateral to the guarantor. Refuses funds.
///
/// Attributes: `action=release`, `guarantee_id`, `returned`, `claims_burned`.
///
/// Errors: `Payment`, [`ContractError::GuaranteeNotFound`], [`ContractError::GuaranteeNotOpen`],
/// [`ContractError::ReleaseBeforeExpiry`], `Overflow`.
pub fn release(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    guarantee_id: u64,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut guarantee = load_open(deps.storage, guarantee_id)?;
    if info.sender != guarantee.arbiter && env.block.time < guarantee.expires_at {
        return Err(ContractError::ReleaseBeforeExpiry {
            arbiter: guarantee.arbiter,
            expires_at: guarantee.expires_at,
        });
    }
    let returned = guarantee.collateral;
    let claims_burned = guarantee.claims_outstanding;
    let mut config = CONFIG.load(deps.storage)?;
    config.open_count = config.open_count.saturating_sub(1);
    config.claims_outstanding = config.claims_outstanding.checked_sub(claims_burned)?;
    CONFIG.save(deps.storage, &config)?;
    sub_held(deps.storage, &guarantee.collateral_asset, returned)?;
    guarantee.collateral = Uint128::zero();
    guarantee.claims_outstanding = Uint128::zero();
    guarantee.returned = guarantee.returned.checked_add(returned)?;
    guarantee.status = GuaranteeStatus::Released;
    guarantee.closed_at = Some(env.block.time);
    GUARANTEES.save(deps.storage, guarantee_id, &guarantee)?;
    Ok(Response::new()
        .add_message(retire_msg(&guarantee.claim_token)?)
        .add_messages(pay_msg(
            &guarantee.collateral_asset,
            returned,
            &guarantee.guarantor,
        )?)
        .add_attribute("action", "release")
        .add_attribute("guarantee_id", guarantee_id.to_string())
        .add_attribute("returned", returned)
        .add_attribute("claims_burned", claims_burned))
}
