//! Migration.

use cosmwasm_std::{DepsMut, Env, Order, Response};
use poe_controllers::migrate::migrate_from_older;
use poe_interface::governance::DepositStatus;
use poe_interface::governance::MigrateMsg;

use crate::error::ContractError;
use crate::execute::config::validate;
use crate::execute::deposits::hold;
use crate::state::{CONFIG, HELD_DEPOSITS, PROPOSALS};
use crate::{CONTRACT_NAME, CONTRACT_VERSION};

/// Accepts only a contract stored as `crates.io:poe-governance` at this version or older
/// ([`migrate_from_older`]) and records this version. The config of an older version reads the
/// new fields' defaults (guardian budget 7 days per 30-day window, failed executions retried);
/// it is validated and written back with them. Proposal records of older versions read 0
/// attempts and `close_on_execution_failure = false` (a proposal that already ended
/// `execution_failed` stays so); the guardian's budget window starts with its next pause.
/// The deposits held are summed from the proposals whose deposit is still held (once, here,
/// so that every later path keeps the running total in O(1)).
///
/// Attributes: `action=migrate`, `from_version`, `to_version`.
///
/// Errors: [`ContractError::Std`] (cw2's "Cannot migrate from ..." errors),
/// [`ContractError::InvalidConfig`].
pub fn migrate(deps: DepsMut, _env: Env, _msg: MigrateMsg) -> Result<Response, ContractError> {
    let res = migrate_from_older::<ContractError>(deps.storage, CONTRACT_NAME, CONTRACT_VERSION)?;
    let config = CONFIG.load(deps.storage)?;
    validate(&config)?;
    CONFIG.save(deps.storage, &config)?;
    HELD_DEPOSITS.clear(deps.storage);
    let held: Vec<_> = PROPOSALS
        .range(deps.storage, None, None, Order::Ascending)
        .filter_map(|entry| match entry {
            Ok((_, p)) if p.deposit_status != DepositStatus::Held => None,
            Ok((_, p)) => Some(Ok((p.deposit_token, p.deposit_amount))),
            Err(e) => Some(Err(e)),
        })
        .collect::<Result<_, _>>()?;
    for (token, amount) in held {
        hold(deps.storage, &token, amount)?;
    }
    Ok(res)
}
