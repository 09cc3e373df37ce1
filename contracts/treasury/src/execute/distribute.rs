//! `Distribute`: anyone pays the schedules come due, one page at a time.

use std::collections::BTreeMap;

use cosmwasm_std::{to_json_binary, DepsMut, Env, MessageInfo, Order, Response, SubMsg, Uint128};
use cw_storage_plus::Bound;
use poe_controllers::cw20::mint_msg;
use poe_controllers::page::page_limit;
use poe_interface::token::MintReason;

use crate::asset::CheckedAsset;
use crate::error::ContractError;
use crate::msg::ScheduleAmountInfo;
use crate::plan::{step, Flows};
use crate::state::{
    load_schedule, save_schedule, Ledger, PaymentPayload, LEDGER, PAYMENT_REPLY_ID, RUNNING,
};

/// Runs [`crate::plan::step`] on each running schedule after `start_after`, at most
/// [`page_limit`] of them, in id order, and acts on it:
/// - an inflation mint is a poe-token `Mint` (reason `inflation`) to the treasury, recorded as
///   received in the token's ledger;
/// - a payment is recorded as spent in the asset's ledger and sent as a submessage that replies
///   only on error: when the token or the recipient's hook refuses it, the reply
///   ([`crate::reply::payment_refused`]) takes the payment back from the schedule and the ledger
///   and marks the schedule `blocked`, and the other schedules of the page are paid all the
///   same. (A hook that runs out of gas fails the whole call: out of gas cannot be caught.)
///
/// A schedule is saved, with `last_distribution` set, only when the step changed it.
///
/// Attributes: `action=distribute`; for each schedule the step changed or that still owes
/// something (so a retry that still cannot pay is reported too), `schedule_id`, `asset`,
/// `minted` (inflation) and `capped=true` (when clamped to the cap), `paid`, `owed` (what is
/// still owed), `status`; then `schedules` (how many the page looked at) and `last_schedule_id`
/// (the page's last id, the next call's `start_after`; empty when the page was empty).
///
/// Errors: `Payment` (funds attached), `Overflow`, `Math`/`InvalidParameter` (a mint past
/// `Uint128::MAX`), `Std`.
pub fn distribute(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    start_after: Option<u64>,
    limit: Option<u32>,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let ids = RUNNING
        .keys(
            deps.storage,
            start_after.map(Bound::exclusive),
            None,
            Order::Ascending,
        )
        .take(page_limit(limit))
        .collect::<Result<Vec<u64>, _>>()?;

    let mut flows = Flows::default();
    let mut ledgers: BTreeMap<String, (Uint128, Uint128)> = BTreeMap::new();
    let mut res = Response::new().add_attribute("action", "distribute");
    for &id in &ids {
        let before = load_schedule(deps.storage, id)?;
        let step = step(deps.as_ref(), &env, &mut flows, before.clone())?;
        let changed = step.schedule != before;
        // an owing schedule is reported at every retry, changed or not
        if !changed && step.schedule.status.owed().is_zero() {
            continue;
        }
        let mut schedule = step.schedule;
        if changed {
            schedule.last_distribution = Some(env.block.time);
            save_schedule(deps.storage, &schedule)?;
        }

        let moved = ledgers.entry(step.asset.key()).or_default();
        moved.0 = moved.0.checked_add(step.minted)?;
        moved.1 = moved.1.checked_add(step.paid)?;
        if let (false, CheckedAsset::Cw20(token)) = (step.minted.is_zero(), &step.asset) {
            res = res.add_message(mint_msg(
                token,
                &env.contract.address,
                step.minted,
                MintReason::Inflation,
            )?);
        }
        if !step.paid.is_zero() {
            let payout = step.asset.payout_to(&schedule.recipient, step.paid)?;
            let payload = PaymentPayload {
                schedule_id: id,
                amount: step.paid,
            };
            res = res.add_submessage(
                SubMsg::reply_on_error(payout, PAYMENT_REPLY_ID)
                    .with_payload(to_json_binary(&payload)?),
            );
        }

        res = res
            .add_attribute("schedule_id", id.to_string())
            .add_attribute("asset", step.asset.label());
        if let ScheduleAmountInfo::Inflation { .. } = schedule.amount {
            res = res.add_attribute("minted", step.minted);
            if step.capped {
                res = res.add_attribute("capped", "true");
            }
        }
        res = res
            .add_attribute("paid", step.paid)
            .add_attribute("owed", schedule.status.owed())
            .add_attribute("status", schedule.status.as_str());
    }

    for (key, (minted, paid)) in ledgers {
        if minted.is_zero() && paid.is_zero() {
            continue;
        }
        let mut ledger: Ledger = LEDGER.may_load(deps.storage, &key)?.unwrap_or_default();
        ledger.received = ledger.received.checked_add(minted)?;
        ledger.spent = ledger.spent.checked_add(paid)?;
        LEDGER.save(deps.storage, &key, &ledger)?;
    }

    Ok(res
        .add_attribute("schedules", ids.len().to_string())
        .add_attribute(
            "last_schedule_id",
            ids.last().map(u64::to_string).unwrap_or_default(),
        ))
}
