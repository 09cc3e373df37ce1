//! Redeeming AUR for gold (through the cw20 hook).

use cosmwasm_std::{Addr, DepsMut, Env, Response, Uint128};
use poe_interface::aurum_reserve::{RedemptionStatus, MAX_NOTE_BYTES};
use poe_math::aurum::{min_redemption, redemption_mg};

use crate::error::ContractError;
use crate::state::{redemptions, Redemption, CONFIG, LEDGER};
use poe_controllers::cw20::burn_msg;
use poe_interface::token::BurnReason;

/// Burns the `amount` of AUR the reserve just received from `holder` (the whole amount: the
/// hook's amount is what the token delivered) and records a pending redemption owed
/// `floor(amount × 1000 / aur_per_gram)` mg of gold. That gold stays subtracted from the
/// available reserve (it backs no AUR) until the redemption is fulfilled and then attested away.
/// The rounding's leftover (under 1 mg's worth) is burned with the rest.
///
/// Attributes: `action=redeem`, `redemption_id`, `holder`, `amount` (AUR burned), `grams_mg`,
/// `pending_redemption_mg` (after).
///
/// Errors: [`ContractError::NotAurToken`] (the caller is not AUR), [`ContractError::ZeroAmount`],
/// [`ContractError::NoteTooLong`], [`ContractError::RedemptionTooSmall`] (owed less than 1 mg),
/// `Math`, `Overflow`.
pub fn redeem(
    deps: DepsMut,
    env: Env,
    token: Addr,
    holder: Addr,
    amount: Uint128,
    delivery_note: Option<String>,
) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    if token != config.aur_token {
        return Err(ContractError::NotAurToken {
            expected: config.aur_token.to_string(),
            got: token.to_string(),
        });
    }
    if amount.is_zero() {
        return Err(ContractError::ZeroAmount);
    }
    if let Some(note) = &delivery_note {
        if note.len() > MAX_NOTE_BYTES {
            return Err(ContractError::NoteTooLong {
                len: note.len(),
                max: MAX_NOTE_BYTES,
            });
        }
    }
    let grams_mg = redemption_mg(amount, config.aur_per_gram)?;
    if grams_mg.is_zero() {
        return Err(ContractError::RedemptionTooSmall {
            amount,
            min_amount: min_redemption(config.aur_per_gram),
        });
    }

    let mut ledger = LEDGER.load(deps.storage)?;
    let id = ledger
        .redemption_count
        .checked_add(1)
        .ok_or_else(overflow)?;
    ledger.redemption_count = id;
    ledger.pending_mg = ledger.pending_mg.checked_add(grams_mg)?;
    ledger.total_redeemed = ledger.total_redeemed.checked_add(amount)?;
    LEDGER.save(deps.storage, &ledger)?;
    redemptions().save(
        deps.storage,
        id,
        &Redemption {
            holder: holder.clone(),
            amount,
            grams_mg,
            delivery_note,
            created_at: env.block.time.seconds(),
            status: RedemptionStatus::Pending,
            fulfilled_by: None,
            fulfilled_at: None,
            fulfillment_document_hash: None,
        },
    )?;

    Ok(Response::new()
        .add_message(burn_msg(&config.aur_token, amount, BurnReason::Redemption)?)
        .add_attribute("action", "redeem")
        .add_attribute("redemption_id", id.to_string())
        .add_attribute("holder", holder)
        .add_attribute("amount", amount)
        .add_attribute("grams_mg", grams_mg)
        .add_attribute("pending_redemption_mg", ledger.pending_mg))
}

fn overflow() -> cosmwasm_std::OverflowError {
    cosmwasm_std::OverflowError::new(cosmwasm_std::OverflowOperation::Add)
}
