//! `Maintain`: anyone keeps a common tool paid, month by month (seed 004's maintenance loop).

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use poe_math::distribution::TOOL_MONTH_SECONDS;

use crate::asset::CheckedAsset;
use crate::error::ContractError;
use crate::state::{load_tool, LEDGER, TOOLS};

/// Anyone, once the tool's paid month is over (`now >= paid_until`): when the treasury holds
/// at least `monthly_cost`, pays it to the payee (a plain transfer, recorded as spent), clears
/// `inactive_funding_issue`, and the next month runs 30 days from now; otherwise sets
/// `inactive_funding_issue = true` (seed 004) and pays nothing, and the call succeeds.
///
/// Arrears are not paid: a month starts only when it is paid, so the time a tool spent
/// inactive (short of funds, or its month over and nobody calling `Maintain`) is never billed.
/// The tool could not be used then, and a subscription that lapsed restarts; the network pays
/// for the months it could use.
///
/// Attributes: `action=maintain`, `tool`, `asset`, `amount` (paid, `0` when short),
/// `inactive_funding_issue`, then `paid_until` (paid) or `balance` and `balance_error` (short).
///
/// Errors: `Payment`, [`ContractError::ToolNotFound`], [`ContractError::ToolDeprecated`],
/// [`ContractError::MaintenanceNotDue`] (the paid month runs), `Std`, `Overflow`.
pub fn maintain(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    tool: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    let mut record = load_tool(deps.storage, &tool)?;
    if record.deprecated_at.is_some() {
        return Err(ContractError::ToolDeprecated { tool });
    }
    if env.block.time < record.paid_until {
        return Err(ContractError::MaintenanceNotDue {
            tool,
            paid_until: record.paid_until,
        });
    }
    let asset = CheckedAsset::check(deps.as_ref(), &record.asset)?;
    let res = Response::new()
        .add_attribute("action", "maintain")
        .add_attribute("tool", &tool)
        .add_attribute("asset", asset.label());
    // a token whose `Balance` query fails cannot pay: the tool goes inactive, as when short
    let (balance, balance_error) = match asset.balance_of(deps.as_ref(), &env.contract.address) {
        Ok(balance) => (balance, String::new()),
        Err(err) => (Default::default(), err.to_string()),
    };

    if balance < record.monthly_cost {
        record.inactive_funding_issue = true;
        record.funding_issue_since = record.funding_issue_since.or(Some(env.block.time));
        TOOLS.save(deps.storage, &tool, &record)?;
        return Ok(res
            .add_attribute("amount", "0")
            .add_attribute("inactive_funding_issue", "true")
            .add_attribute("balance", balance)
            .add_attribute("balance_error", balance_error));
    }

    let key = asset.key();
    let mut ledger = LEDGER.may_load(deps.storage, &key)?.unwrap_or_default();
    ledger.spent = ledger.spent.checked_add(record.monthly_cost)?;
    LEDGER.save(deps.storage, &key, &ledger)?;
    record.paid_until = env.block.time.plus_seconds(TOOL_MONTH_SECONDS);
    record.last_payment_at = env.block.time;
    record.months_paid = record.months_paid.saturating_add(1);
    record.total_paid = record.total_paid.checked_add(record.monthly_cost)?;
    record.inactive_funding_issue = false;
    record.funding_issue_since = None;
    TOOLS.save(deps.storage, &tool, &record)?;

    Ok(res
        .add_message(asset.payout(&record.payee, record.monthly_cost)?)
        .add_attribute("amount", record.monthly_cost)
        .add_attribute("inactive_funding_issue", "false")
        .add_attribute("paid_until", record.paid_until.seconds().to_string()))
}
