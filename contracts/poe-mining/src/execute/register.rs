//! `RegisterMiner`.

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response, Uint128};
use poe_interface::poe_mining::EconomicJobType;

use crate::error::ContractError;
use crate::execute::pause::ensure_not_paused;
use crate::state::{Miner, CONFIG, MINERS, STATE};

/// The sender registers as a miner (once), with an optional specialization. Its first claimable
/// epoch is the one open now.
///
/// Attributes: `action=register_miner`, `miner`, `specialization`.
///
/// Errors: [`ContractError::MinerAlreadyRegistered`], `Pause(Paused)`.
pub fn register_miner(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    specialization: Option<EconomicJobType>,
) -> Result<Response, ContractError> {
    if MINERS.has(deps.storage, &info.sender) {
        return Err(ContractError::MinerAlreadyRegistered {
            miner: info.sender.to_string(),
        });
    }
    let mut state = STATE.load(deps.storage)?;
    ensure_not_paused(&state, &env)?;
    // The miner's first claimable epoch is the one open now.
    let config = CONFIG.load(deps.storage)?;
    let miner = Miner {
        specialization,
        registered_at: env.block.time,
        total_poe_score: Uint128::zero(),
        jobs_completed: 0,
        spendable: Uint128::zero(),
        locked_reserve: Uint128::zero(),
        unlocked_reserve: Uint128::zero(),
        lock_expires_at: env.block.time,
        active_streak: 0,
        last_active_epoch: None,
        rewards_claimed: Uint128::zero(),
        claim_cursor: config.schedule.epoch_at(env.block.time),
    };
    MINERS.save(deps.storage, &info.sender, &miner)?;
    state.total_miners = state.total_miners.saturating_add(1);
    STATE.save(deps.storage, &state)?;
    Ok(Response::new()
        .add_attribute("action", "register_miner")
        .add_attribute("miner", info.sender)
        .add_attribute(
            "specialization",
            specialization.map(|s| s.seed_name()).unwrap_or("none"),
        ))
}
