//! Cumulative prices and the ring of observations behind the TWAP (Uniswap V2 §2.2, with the
//! observations kept in the contract instead of by each consumer, spaced by time as in
//! Uniswap V2's sliding-window oracle).
//!
//! - **Accumulators, every block with activity.** The first pool action of a block (any swap,
//!   deposit or withdrawal at a later block time than the last update) first adds
//!   `price x seconds elapsed` to both accumulators, with the reserves as they were before that
//!   action. This lives in the pool entry, which the action writes anyway: no extra write.
//! - **Observations, at most one per interval.** That same action also appends an observation to
//!   the ring only when `observation_interval_seconds` have passed since the newest one
//!   ([`poe_math::amm::observation_due`]). So a ring of `N` slots covers at least
//!   `(N - 1) x interval` however busy the pool (a dust swap per block cannot flush it).
//! - **Each observation knows its constant stretch.** An observation written at `t` stores the
//!   cumulatives at `t`, the previous update `since` and the price over `[since, t]` (constant:
//!   nothing happened in between). The cumulative is therefore known exactly inside every such
//!   stretch and after the last update (the current reserves' price); it is unknown only inside
//!   the gaps `(t_k, since_{k+1})`, each shorter than one interval (an action at or after
//!   `t_k + interval` would itself have written the observation).
//! - **The TWAP never shortens the window.** `twap(window)` starts at `now - window` when the
//!   cumulative is known there, and otherwise at the newest observation before it (less than one
//!   interval earlier): `end - start >= window`, exact, and refused when the ring does not reach
//!   back to `now - window`.

use cosmwasm_std::{Decimal256, Storage, Uint256};
use poe_math::amm::{accumulate, average_price, observation_due, rewind, scaled_price};

use crate::error::ContractError;
use crate::state::{Config, Observation, PoolState, Ring, OBSERVATIONS};

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
/// time, brings the accumulators up to `now` (in `state`) and, when an observation is due,
/// records one (none while the pool is empty). The caller saves `state`, which holds the ring's
/// position.
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
    let since = state.last_update;
    let [r0, r1] = state.reserves;
    state.last_update = now;
    if r0.is_zero() || r1.is_zero() {
        return Ok(());
    }
    let prices = [scaled_price(r0, r1)?, scaled_price(r1, r0)?];
    let seconds = now - since;
    state.price0_cumulative = accumulate(state.price0_cumulative, prices[0], seconds)?;
    state.price1_cumulative = accumulate(state.price1_cumulative, prices[1], seconds)?;
    let newest = (state.ring.len > 0).then_some(state.ring.newest);
    if observation_due(newest, now, config.observation_interval_seconds) {
        record(storage, config.observation_capacity, state, since, prices)?;
    }
    Ok(())
}

/// Writes the state's cumulatives at `state.last_update` into the ring's next slot (overwriting
/// the oldest once full), with the constant-price stretch `[since, last_update]` at `prices`,
/// and moves the ring's position in `state` (saved by the caller). The first deposit records
/// with `since == last_update` (an empty stretch) and zero prices.
///
/// Errors: `Std` (storage).
pub fn record(
    storage: &mut dyn Storage,
    capacity: u32,
    state: &mut PoolState,
    since: u64,
    prices: [Uint256; 2],
) -> Result<(), ContractError> {
    let ring = &mut state.ring;
    OBSERVATIONS.save(
        storage,
        ring.next,
        &Observation {
            timestamp: state.last_update,
            since,
            price0_cumulative: state.price0_cumulative,
            price1_cumulative: state.price1_cumulative,
            price0: prices[0],
            price1: prices[1],
        },
    )?;
    ring.next = (ring.next + 1) % capacity;
    ring.len = ring.len.saturating_add(1).min(capacity);
    ring.newest = state.last_update;
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

/// The TWAP of the pair at `now` over at least `window_seconds`: returns
/// `(start, price0_average, price1_average)` with the averages `(cum(now) - cum(start)) /
/// (now - start)` (exact, floored to 18 decimals) and `start` the latest time at or before
/// `now - window_seconds` at which the cumulative is known exactly (see the module docs): `now -
/// window_seconds` itself when it falls in an observation's constant stretch or after the last
/// update, otherwise the newest observation before it, less than one observation interval
/// earlier. Reads `O(log N)` observations.
///
/// Errors: [`ContractError::ZeroWindow`], [`ContractError::WindowNotCovered`] (no observation
/// yet, or `now - window_seconds` before the oldest observation's stretch).
pub fn twap(
    storage: &dyn Storage,
    config: &Config,
    state: &PoolState,
    now: u64,
    window_seconds: u64,
) -> Result<(u64, Decimal256, Decimal256), ContractError> {
    if window_seconds == 0 {
        return Err(ContractError::ZeroWindow);
    }
    let capacity = config.observation_capacity;
    let ring = &state.ring;
    if ring.len == 0 {
        return Err(ContractError::WindowNotCovered {
            window_seconds,
            covered_seconds: 0,
        });
    }
    let oldest = nth(storage, ring, capacity, 0)?;
    let target = match now.checked_sub(window_seconds) {
        Some(target) if target >= oldest.since => target,
        _ => {
            return Err(ContractError::WindowNotCovered {
                window_seconds,
                covered_seconds: now.saturating_sub(oldest.since),
            })
        }
    };
    let (start, start0, start1) = if target >= state.last_update {
        // the price has been the current reserves' since the last update
        let (c0, c1) = current_cumulatives(state, target)?;
        (target, c0, c1)
    } else {
        // the newest observation whose stretch starts at or before `target`: index `lo`
        let (mut lo, mut hi) = (0u32, ring.len - 1);
        while lo < hi {
            let mid = lo + (hi - lo).div_ceil(2);
            if nth(storage, ring, capacity, mid)?.since <= target {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        let obs = nth(storage, ring, capacity, lo)?;
        if target <= obs.timestamp {
            // inside its constant stretch [since, timestamp]: exact at `target`
            let back = obs.timestamp - target;
            (
                target,
                rewind(obs.price0_cumulative, obs.price0, back)?,
                rewind(obs.price1_cumulative, obs.price1, back)?,
            )
        } else {
            // in the gap after it (shorter than one interval): start at the observation
            (obs.timestamp, obs.price0_cumulative, obs.price1_cumulative)
        }
    };
    let (end0, end1) = current_cumulatives(state, now)?;
    let seconds = now - start;
    Ok((
        start,
        average_price(start0, end0, seconds)?,
        average_price(start1, end1, seconds)?,
    ))
}
