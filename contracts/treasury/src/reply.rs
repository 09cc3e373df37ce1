//! Replies: a schedule's payment that the token or the recipient refused.

use cosmwasm_std::{from_json, DepsMut, Env, Reply, Response, StdError, SubMsgResult};

use crate::error::ContractError;
use crate::msg::ScheduleStatus;
use crate::plan::owing_since;
use crate::state::{load_schedule, save_schedule, PaymentPayload, LEDGER, PAYMENT_REPLY_ID};

/// Dispatches a reply by id.
///
/// Errors: `Std` for an unknown id, then [`payment_refused`]'s.
pub fn reply(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    match msg.id {
        PAYMENT_REPLY_ID => payment_refused(deps, env, msg),
        id => Err(StdError::generic_err(format!("unknown reply id {id}")).into()),
    }
}

/// A schedule's payment failed (its submessage replies only on error, and the chain reverted
/// what the payment did): the amount goes back to what the schedule owes and out of the
/// ledger's spent, and the schedule is `blocked` with the error as its reason (kept running,
/// so a later `Distribute` retries it; an owing schedule keeps the time it started owing).
///
/// Attributes: `action=payment_refused`, `schedule_id`, `amount`, `owed`, `reason`.
///
/// Errors: `Std` (a malformed payload, an unknown schedule), `Overflow`.
pub fn payment_refused(deps: DepsMut, env: Env, msg: Reply) -> Result<Response, ContractError> {
    let SubMsgResult::Err(reason) = msg.result else {
        return Ok(Response::new());
    };
    let PaymentPayload {
        schedule_id,
        amount,
    } = from_json(&msg.payload)?;
    let mut schedule = load_schedule(deps.storage, schedule_id)?;
    schedule.total_paid = schedule.total_paid.checked_sub(amount)?;
    let owed = schedule.total_due.checked_sub(schedule.total_paid)?;
    let (since, since_height) = owing_since(&schedule.status, &env);
    schedule.status = ScheduleStatus::Blocked {
        owed,
        since,
        since_height,
        reason: reason.clone(),
    };
    save_schedule(deps.storage, &schedule)?;

    let key = crate::asset::CheckedAsset::check(deps.as_ref(), &schedule.asset)?.key();
    let mut ledger = LEDGER.load(deps.storage, &key)?;
    ledger.spent = ledger.spent.checked_sub(amount)?;
    LEDGER.save(deps.storage, &key, &ledger)?;

    Ok(Response::new()
        .add_attribute("action", "payment_refused")
        .add_attribute("schedule_id", schedule_id.to_string())
        .add_attribute("amount", amount)
        .add_attribute("owed", owed)
        .add_attribute("reason", reason))
}
