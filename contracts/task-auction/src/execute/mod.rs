//! One file per group of operations: [`create`] (the `CreateTask` hook), [`bid`] (bids and
//! withdrawals), [`life`] (claim, close, delivery), [`settle`] (acceptance, reclaim, cancel),
//! [`team`] (sub-tasks of team tasks), [`config`] and [`instantiate`].

pub mod bid;
pub mod config;
pub mod create;
pub mod instantiate;
pub mod life;
pub mod settle;
pub mod team;

use cosmwasm_std::{Addr, CosmosMsg, StdResult, Storage, Uint128};

use crate::error::ContractError;
use crate::state::{Task, ESCROW, TASKS};

/// The task `task_id`, or [`ContractError::TaskNotFound`].
pub fn load_task(storage: &dyn Storage, task_id: u64) -> Result<Task, ContractError> {
    TASKS
        .may_load(storage, task_id)?
        .ok_or(ContractError::TaskNotFound { task_id })
}

/// [`ContractError::WrongStatus`] for `operation` on `task`.
pub fn wrong_status(task_id: u64, task: &Task, operation: &str) -> ContractError {
    ContractError::WrongStatus {
        task_id,
        status: task.status,
        operation: operation.to_string(),
    }
}

/// Adds `amount` to the escrow held in `token`.
pub fn add_escrow(storage: &mut dyn Storage, token: &Addr, amount: Uint128) -> StdResult<()> {
    let held = ESCROW.may_load(storage, token)?.unwrap_or_default();
    ESCROW.save(storage, token, &(held + amount))
}

/// Takes `amount` off the escrow held in `token` (removing a zero entry).
pub fn sub_escrow(
    storage: &mut dyn Storage,
    token: &Addr,
    amount: Uint128,
) -> Result<(), ContractError> {
    let held = ESCROW.may_load(storage, token)?.unwrap_or_default();
    let rest = held.checked_sub(amount)?;
    if rest.is_zero() {
        ESCROW.remove(storage, token);
    } else {
        ESCROW.save(storage, token, &rest)?;
    }
    Ok(())
}

/// A transfer of `amount` of the task's token to `to`, or nothing for zero.
pub fn pay(task: &Task, to: &Addr, amount: Uint128) -> StdResult<Option<CosmosMsg>> {
    if amount.is_zero() {
        return Ok(None);
    }
    poe_controllers::cw20::transfer_msg(&task.token, to.as_str(), amount).map(Some)
}
