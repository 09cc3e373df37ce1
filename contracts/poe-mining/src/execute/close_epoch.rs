//! Closing an epoch: the PoE index, Gamma, NEX issuance, and the treasury flush. O(1): it reads
//! the epoch's running sums, never the miners.

use cosmwasm_std::{DepsMut, Env, Order, Response, Uint128};
use cw_storage_plus::Bound;
use poe_interface::treasury::cw20_deposit_msg;
use poe_math::poe::{epoch_emission, poe_index};

use crate::error::ContractError;
use crate::execute::pause::ensure_not_paused;
use crate::state::{ClosedEpoch, CONFIG, EPOCHS, STATE};

/// Anyone. `epoch` must have ended and be the oldest open epoch, or a later one when every open
/// epoch before it had no job (those close with it, minting nothing: an idle day costs one close,
/// not one per epoch). Computes
/// `Phi`, `Gamma = Phi / (1 + Phi)` (seed 001) and, when `Gamma >= min_poe_threshold`, the epoch's
/// job value reaches `min_epoch_job_value` and some miner has a positive weight, mints `max_emission_per_epoch * Gamma` NEX to this contract (a
/// `Mint` submessage to the NEX token; if it fails, the close fails). Sends the FLX owed to the
/// treasury with a cw20 `Send`.
pub fn close_epoch(deps: DepsMut, env: Env, epoch: u64) -> Result<Response, ContractError> {
    let config = CONFIG.load(deps.storage)?;
    let mut state = STATE.load(deps.storage)?;
    ensure_not_paused(&state, &env)?;
    if epoch < state.next_epoch_to_close {
        return Err(ContractError::EpochAlreadyClosed { epoch });
    }
    // Epochs before `epoch` may be closed with it only if none of them had a job: EPOCHS holds a
    // record for every epoch with a job, so one range read (not a loop) decides.
    let skipped = epoch - state.next_epoch_to_close;
    if skipped > 0 {
        let first_with_jobs = EPOCHS
            .keys(
                deps.storage,
                Some(Bound::inclusive(state.next_epoch_to_close)),
                Some(Bound::exclusive(epoch)),
                Order::Ascending,
            )
            .next()
            .transpose()?;
        if let Some(next) = first_with_jobs {
            return Err(ContractError::EpochNotNext { epoch, next });
        }
    }
    let ends_at = config.schedule.end_of(epoch);
    if env.block.time < ends_at {
        return Err(ContractError::EpochNotEnded { epoch, ends_at });
    }

    let params = &config.params;
    let mut epoch_state = EPOCHS.may_load(deps.storage, epoch)?.unwrap_or_default();
    let index = poe_index(
        &epoch_state.activity,
        &params.poe_weights,
        &params.poe_scales,
    );
    let nex_minted = if epoch_state.total_weighted_score.is_zero() {
        // nobody could claim it: mint nothing rather than lock NEX in the contract
        Uint128::zero()
    } else if epoch_state.activity.total_job_value < params.min_epoch_job_value {
        // too little economic activity for its averages to mean anything (see PoeParams)
        Uint128::zero()
    } else {
        epoch_emission(
            params.max_emission_per_epoch,
            index.gamma,
            params.min_poe_threshold,
        )
    };
    epoch_state.closed = Some(ClosedEpoch {
        index,
        nex_minted,
        closed_at: env.block.time,
    });
    EPOCHS.save(deps.storage, epoch, &epoch_state)?;

    state.next_epoch_to_close = epoch.saturating_add(1);
    state.nex_minted_total = state.nex_minted_total.checked_add(nex_minted)?;
    state.last_closed_gamma = Some(index.gamma);
    let treasury_sent = state.treasury_pending;
    state.treasury_paid = state.treasury_paid.checked_add(treasury_sent)?;
    state.treasury_pending = Uint128::zero();
    STATE.save(deps.storage, &state)?;

    let mut response = Response::new()
        .add_attribute("action", "close_epoch")
        .add_attribute("epoch", epoch.to_string())
        .add_attribute("empty_epochs_closed_before", skipped.to_string())
        .add_attribute("phi_value", index.phi_value.to_string())
        .add_attribute("volume_component", index.volume_component.to_string())
        .add_attribute("liquidity_component", index.liquidity_component.to_string())
        .add_attribute("uptime_component", index.uptime_component.to_string())
        .add_attribute("quality_component", index.quality_component.to_string())
        .add_attribute("gamma", index.gamma.to_string())
        .add_attribute("job_count", epoch_state.activity.job_count.to_string())
        .add_attribute("nex_minted", nex_minted)
        .add_attribute("treasury_sent", treasury_sent);
    if !nex_minted.is_zero() {
        response = response.add_message(poe_controllers::cw20::mint_msg(
            &config.nex_token,
            &env.contract.address,
            nex_minted,
            poe_interface::token::MintReason::PoeEmission,
        )?);
    }
    if !treasury_sent.is_zero() {
        response = response.add_message(cw20_deposit_msg(
            &config.flx_token,
            &config.treasury,
            treasury_sent,
            "poe_fee_split",
        )?);
    }
    Ok(response)
}
