//! Cumulative prices and the ring of observations behind the TWAP (Uniswap V2 §2.2, with the
//! observations kept in the contract instead of by each consumer).
//!
//! The first pool action of a block (any swap, deposit or withdrawal at a later block time than
//! the last update) first adds `price x seconds elapsed` to both accumulators, with the reserves
//! as they were before that action, and records the cumulatives as an observation. So between two
//! consecutive observations the price was constant (the reserves at the end of the earlier
//! observation's block), and the cumulative at any time can be interpolated exactly; after the
//! newest observation the price is the current reserves'. The ring keeps the last
//! `observation_capacity` observations (at most one per block); a window reaching before the
//! oldest is refused.

use cosmwasm_std::{Storage, Uint256};
use poe_math::amm::{accumulate, average_price, interpolate, scaled_price};

use crate::error::ContractError;
use crate::state::{Config, Observation, PoolState, Ring, OBSERVATIONS, RING};

/// The cumulatives brought up to `now` with the current reserves, without writing. Unchanged
/// when `now` is not after the last update or a reserve is zero (before the first deposit).
///
/// Errors: `Math` (not reachable: the products fit a `Uint256`).
pub fn current_cumulatives(
    state: &PoolState,
    now: u64,
) -> Result<(Uint256, Uint256), ContractError> {
    let [r0, r1] = state.reserves;
    if now <= state.last_update || r0.is_zero() || r1.is_zero() {
        return Ok((state.price0_cumulative, state.price1_cumulative));
    }
    let seconds = now - state.last_update;
    Ok((
        accumulate(state.price0_cumulative, scaled_price(r0, r1)?, seconds)?,
        accumulate(state.price1_cumulative, scaled_price(r1, r0)?, seconds)?,
    ))
}

/// Called by every pool action before it changes the reserves: on the first action at a new block
/// time, brings the accumulators up to `now` and records an observation (none while the pool is
/// empty). The caller saves `state`.
///
/// Errors: `Std` (storage), `Math` (not reachable).
pub fn accrue(
    storage: &mut dyn Storage,
    config: &Config,
    state: &mut PoolState,
    now: u64,
) -> Result<(), ContractError> {
    if now <= state.last_update {
        return Ok(());
    }
    let empty = state.reserves.iter().any(|r| r.is_zero());
    let (c0, c1) = current_cumulatives(state, now)?;
    state.price0_cumulative = c0;
    state.price1_cumulative = c1;
    state.last_update = now;
    if !empty {
        record(storage, config.observation_capacity, state)?;
    }
    Ok(())
}

/// Writes the state's cumulatives at `state.last_update` into the ring's next slot (overwriting
/// the oldest once full).
///
/// Errors: `Std` (storage).
pub fn record(
    storage: &mut dyn Storage,
    capacity: u32,
    state: &PoolState,
) -> Result<(), ContractError> {
    let mut ring = RING.may_load(storage)?.unwrap_or_default();
    OBSERVATIONS.save(
        storage,
        ring.next,
        &Observation {
            timestamp: state.last_update,
            price0_cumulative: state.price0_cumulative,
            price1_cumulative: state.price1_cumulative,
        },
    )?;
    ring.next = (ring.next + 1) % capacity;
    ring.len = ring.len.saturating_add(1).min(capacity);
    RING.save(storage, &ring)?;
    Ok(())
}

/// The `index`-th stored observation, 0 being the oldest.
fn nth(
    storage: &dyn Storage,
    ring: &Ring,
    capacity: u32,
    index: u32,
) -> Result<Observation, ContractError> {
    let oldest = (ring.next + capacity - ring.len) % capacity;
    let slot = (oldest + index) % capacity;
    Ok(OBSERVATIONS.load(storage, slot)?)
}

/// The average prices over `[now - window_seconds, now]`: `(cum(now) - cum(start)) / window`,
/// `cum(start)` interpolated between the two observations around `start` (exact, see the module
/// docs) or extended from the newest one at the current price. Returns `(start, price0, price1)`.
///
/// Errors: [`ContractError::ZeroWindow`], [`ContractError::WindowNotCovered`] (no observation
/// yet, or the oldest is after `start`).
pub fn twap(
    storage: &dyn Storage,
    config: &Config,
    state: &PoolState,
    now: u64,
    window_seconds: u64,
) -> Result<(u64, cosmwasm_std::Decimal256, cosmwasm_std::Decimal256), ContractError> {
    if window_seconds == 0 {
        return Err(ContractError::ZeroWindow);
    }
    let capacity = config.observation_capacity;
    let ring = RING.may_load(storage)?.unwrap_or_default();
    if ring.len == 0 {
        return Err(ContractError::WindowNotCovered {
            window_seconds,
            covered_seconds: 0,
        });
    }
    let oldest = nth(storage, &ring, capacity, 0)?;
    let covered_seconds = now.saturating_sub(oldest.timestamp);
    let start = match now.checked_sub(window_seconds) {
        Some(start) if start >= oldest.timestamp => start,
        _ => {
            return Err(ContractError::WindowNotCovered {
                window_seconds,
                covered_seconds,
            })
        }
    };
    // the newest observation at or before `start`: index `lo`
    let (mut lo, mut hi) = (0u32, ring.len - 1);
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if nth(storage, &ring, capacity, mid)?.timestamp <= start {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    let before = nth(storage, &ring, capacity, lo)?;
    let (start0, start1) = if lo + 1 < ring.len {
        let after = nth(storage, &ring, capacity, lo + 1)?;
        (
            interpolate(
                (before.timestamp, before.price0_cumulative),
                (after.timestamp, after.price0_cumulative),
                start,
            )?,
            interpolate(
                (before.timestamp, before.price1_cumulative),
                (after.timestamp, after.price1_cumulative),
                start,
            )?,
        )
    } else {
        // after the newest observation (= the last update) the price is the current reserves'
        let at_start = PoolState {
            price0_cumulative: before.price0_cumulative,
            price1_cumulative: before.price1_cumulative,
            last_update: before.timestamp,
            ..state.clone()
        };
        current_cumulatives(&at_start, start)?
    };
    let (end0, end1) = current_cumulatives(state, now)?;
    Ok((
        start,
        average_price(start0, end0, window_seconds)?,
        average_price(start1, end1, window_seconds)?,
    ))
}
