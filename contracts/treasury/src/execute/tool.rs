//! Common tools (seed 004 "Beni Comuni"): `RegisterTool` and `Deprecate` (owner only).
//!
//! A tool's credential (an API key, an OAuth token) is never on chain: every byte of a
//! contract's state is readable by anyone through a raw query or a node's database, and a key
//! that could decrypt it on chain would be just as public. The credential is held encrypted off
//! chain by the operators that run the tool; the treasury stores only `credential_commitment`,
//! the SHA-256 of that encrypted blob, so anyone can check that the blob an operator holds is the
//! one governance approved, and a replaced credential shows as a mismatch.

use cosmwasm_std::{DepsMut, Env, HexBinary, MessageInfo, Response, Uint128};
use poe_math::distribution::TOOL_MONTH_SECONDS;

use crate::asset::CheckedAsset;
use crate::error::ContractError;
use crate::msg::{AssetInfo, CREDENTIAL_COMMITMENT_BYTES, MAX_TOOL_NAME_BYTES};
use crate::state::{load_tool, Tool, LEDGER, TOOLS};

/// Owner only: registers the tool `name` and pays its first month (30 days from now) to `payee`,
/// a cw20 `Transfer` or a bank send recorded as spent. Checks, in this order: no funds, the
/// owner, the name (1 to 64 bytes of `a-z 0-9 _ - .`, never registered before), the asset,
/// the cost (above 0), the payee (not the treasury), the commitment (32 bytes), then the live
/// balance (at least one month's cost).
///
/// Attributes: `action=register_tool`, `tool`, `asset`, `amount`, `payee`, `paid_until`.
///
/// Errors: `Payment`, `Ownership`, [`ContractError::InvalidToolName`],
/// [`ContractError::ToolExists`], `Std` (invalid address), [`ContractError::InvalidDenom`],
/// [`ContractError::ZeroAmount`], [`ContractError::InvalidRecipient`],
/// [`ContractError::InvalidCommitment`], [`ContractError::NotCw20`],
/// [`ContractError::InsufficientBalance`], `Overflow`.
#[allow(clippy::too_many_arguments)]
pub fn register_tool(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    name: String,
    asset: AssetInfo,
    monthly_cost: Uint128,
    payee: String,
    credential_commitment: HexBinary,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    check_name(&name)?;
    if TOOLS.has(deps.storage, &name) {
        return Err(ContractError::ToolExists { tool: name });
    }
    let asset = CheckedAsset::check(deps.as_ref(), &asset)?;
    if monthly_cost.is_zero() {
        return Err(ContractError::ZeroAmount {
            asset: asset.label(),
        });
    }
    let payee_addr = deps.api.addr_validate(&payee)?;
    if payee_addr == env.contract.address {
        return Err(ContractError::InvalidRecipient {
            recipient: payee,
            reason: "the treasury cannot pay itself".to_string(),
        });
    }
    if credential_commitment.len() != CREDENTIAL_COMMITMENT_BYTES {
        return Err(ContractError::InvalidCommitment {
            len: credential_commitment.len(),
            expected: CREDENTIAL_COMMITMENT_BYTES,
        });
    }
    let balance = asset.checked_balance_of(deps.as_ref(), &env.contract.address)?;
    if balance < monthly_cost {
        return Err(ContractError::InsufficientBalance {
            asset: asset.label(),
            balance,
            requested: monthly_cost,
        });
    }

    let key = asset.key();
    let mut ledger = LEDGER.may_load(deps.storage, &key)?.unwrap_or_default();
    ledger.spent = ledger.spent.checked_add(monthly_cost)?;
    LEDGER.save(deps.storage, &key, &ledger)?;
    let paid_until = env.block.time.plus_seconds(TOOL_MONTH_SECONDS);
    let tool = Tool {
        name: name.clone(),
        asset: asset.info(),
        monthly_cost,
        payee: payee_addr.clone(),
        credential_commitment,
        registered_at: env.block.time,
        paid_until,
        last_payment_at: env.block.time,
        months_paid: 1,
        total_paid: monthly_cost,
        inactive_funding_issue: false,
        funding_issue_since: None,
        deprecated_at: None,
    };
    TOOLS.save(deps.storage, &name, &tool)?;

    Ok(Response::new()
        .add_message(asset.payout(&payee_addr, monthly_cost)?)
        .add_attribute("action", "register_tool")
        .add_attribute("tool", name)
        .add_attribute("asset", asset.label())
        .add_attribute("amount", monthly_cost)
        .add_attribute("payee", payee_addr)
        .add_attribute("paid_until", paid_until.seconds().to_string()))
}

/// Owner only: deprecates a tool for good (seed 004: "payments stop"). The month already paid
/// is not refunded; the tool is inactive from now on and `Maintain` refuses it.
///
/// Attributes: `action=deprecate`, `tool`.
///
/// Errors: `Payment`, `Ownership`, [`ContractError::ToolNotFound`],
/// [`ContractError::ToolDeprecated`].
pub fn deprecate(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    tool: String,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut record = load_tool(deps.storage, &tool)?;
    if record.deprecated_at.is_some() {
        return Err(ContractError::ToolDeprecated { tool });
    }
    record.deprecated_at = Some(env.block.time);
    TOOLS.save(deps.storage, &tool, &record)?;
    Ok(Response::new()
        .add_attribute("action", "deprecate")
        .add_attribute("tool", tool))
}

/// A tool name: 1 to [`MAX_TOOL_NAME_BYTES`] bytes of `a-z`, `0-9`, `_`, `-`, `.`.
///
/// Errors: [`ContractError::InvalidToolName`].
pub fn check_name(name: &str) -> Result<(), ContractError> {
    let invalid = |reason: &str| ContractError::InvalidToolName {
        name: name.to_string(),
        reason: reason.to_string(),
    };
    if name.is_empty() || name.len() > MAX_TOOL_NAME_BYTES {
        return Err(invalid("must be 1 to 64 bytes"));
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '-' | '.'))
    {
        return Err(invalid("may hold only a-z, 0-9 and _ - ."));
    }
    Ok(())
}
