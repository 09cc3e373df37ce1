//! The owner's `UpdateConfig`.

use cosmwasm_std::{DepsMut, Empty, MessageInfo, Response, Uint128};

use crate::error::ContractError;
use crate::msg::{MAX_BIDS_PER_TASK_LIMIT, MAX_TAX_BPS};
use crate::state::{Config, ACCEPTED, CONFIG};

/// Refuses a tax above [`MAX_TAX_BPS`], zero points per tag, a bid cap outside
/// `1..=`[`MAX_BIDS_PER_TASK_LIMIT`] and a zero acceptance timeout.
pub fn check_bounds(config: &Config) -> Result<(), ContractError> {
    let bound = |field: &str, value: u128, min: u128, max: u128| {
        if value < min || value > max {
            Err(ContractError::InvalidBound {
                field: field.to_string(),
                value,
                min,
                max,
            })
        } else {
            Ok(())
        }
    };
    bound("tax_bps", config.tax_bps.into(), 0, MAX_TAX_BPS.into())?;
    bound(
        "reputation_points_per_tag",
        config.reputation_points_per_tag.u128(),
        1,
        poe_interface::reputation::MAX_POINTS_PER_RAISE,
    )?;
    bound(
        "max_bids_per_task",
        config.max_bids_per_task.into(),
        1,
        MAX_BIDS_PER_TASK_LIMIT.into(),
    )?;
    bound(
        "acceptance_timeout_seconds",
        config.acceptance_timeout_seconds.into(),
        1,
        u128::from(365 * 24 * 3_600u64),
    )
}

/// What an `UpdateConfig` changes.
pub struct ConfigUpdate {
    /// Tokens accepted from now on.
    pub add_tokens: Vec<String>,
    /// Tokens no new task may use.
    pub remove_tokens: Vec<String>,
    /// Tax, bps.
    pub tax_bps: Option<u16>,
    /// Points per tag.
    pub reputation_points_per_tag: Option<Uint128>,
    /// Bids per task.
    pub max_bids_per_task: Option<u32>,
    /// Acceptance timeout, seconds.
    pub acceptance_timeout_seconds: Option<u64>,
}

/// Owner: the accepted tokens (removed, then added) and the bounds. Refuses funds.
///
/// Attributes: `action=update_config`.
///
/// Errors: `Payment`, `Ownership`, `Std` (invalid address), [`ContractError::InvalidBound`].
pub fn update_config(
    deps: DepsMut,
    info: MessageInfo,
    update: ConfigUpdate,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut config = CONFIG.load(deps.storage)?;
    if let Some(v) = update.tax_bps {
        config.tax_bps = v;
    }
    if let Some(v) = update.reputation_points_per_tag {
        config.reputation_points_per_tag = v;
    }
    if let Some(v) = update.max_bids_per_task {
        config.max_bids_per_task = v;
    }
    if let Some(v) = update.acceptance_timeout_seconds {
        config.acceptance_timeout_seconds = v;
    }
    check_bounds(&config)?;
    let remove = update
        .remove_tokens
        .iter()
        .map(|t| deps.api.addr_validate(t))
        .collect::<Result<Vec<_>, _>>()?;
    let add = update
        .add_tokens
        .iter()
        .map(|t| deps.api.addr_validate(t))
        .collect::<Result<Vec<_>, _>>()?;
    for token in &remove {
        ACCEPTED.remove(deps.storage, token);
    }
    for token in &add {
        ACCEPTED.save(deps.storage, token, &Empty {})?;
    }
    CONFIG.save(deps.storage, &config)?;
    Ok(Response::new().add_attribute("action", "update_config"))
}
