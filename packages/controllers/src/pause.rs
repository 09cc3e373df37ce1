//! The emergency pause every pausable contract of the suite shares (seed 000
//! `emergency_halt_threshold`, `StabilityIntervention`).
//!
//! Semantics, the same everywhere:
//! - `Pause { until }` by the owner (governance; its guardian's pauses are bounded and budgeted
//!   there) starts a pause or **extends** the running one; it never shortens it: a `Pause` whose
//!   end is before the running pause's end is refused with [`PauseError::WouldShorten`]. `until`
//!   `None` pauses until `Unpause` (stored as the largest `Timestamp`).
//! - Only the owner's `Unpause {}` lifts a running pause ([`PauseError::NotPaused`] when none
//!   runs).
//! - `pause_status {}` answers the contract's real state ([`PauseStatusResponse`]), which is what
//!   governance's guardian reads before it pauses, instead of a record of its own.
//!
//! The state is [`PauseState`], a value that lives inside the contract's own config or state
//! item (serialized as the `Option<Timestamp>` the contracts stored before, so no migration), so
//! checking it costs no extra storage read on the hot path.

use cosmwasm_std::{
    BlockInfo, DepsMut, Env, MessageInfo, Response, StdError, StdResult, Storage, Timestamp,
};
use cw_ownable::OwnershipError;
use cw_storage_plus::Item;
use cw_utils::PaymentError;
use schemars::JsonSchema;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use thiserror::Error;

pub use poe_interface::pause::{PausableExecuteMsg, PausableQueryMsg, PauseStatusResponse};

/// The end a pause without an end is stored with: the largest `Timestamp`.
pub const INDEFINITE: Timestamp = Timestamp::from_nanos(u64::MAX);

/// Errors of the pause.
#[derive(Error, Debug, PartialEq)]
pub enum PauseError {
    /// An operation the pause stops, while it runs.
    #[error("paused until {until}")]
    Paused {
        /// The running pause's end (block time; [`INDEFINITE`] until `Unpause`).
        until: Timestamp,
    },
    /// `Unpause` while no pause runs.
    #[error("not paused")]
    NotPaused,
    /// `Pause { until }` with `until` not after the current block time.
    #[error("invalid until: {until} must be after the current block time {now}")]
    EndNotInFuture {
        /// The requested end.
        until: Timestamp,
        /// The block time.
        now: Timestamp,
    },
    /// `Pause { until }` ending before the running pause: a pause is only ever extended, and
    /// only the owner's `Unpause` lifts one.
    #[error("a pause until {requested} would shorten the running pause until {active_until}; only unpause lifts it")]
    WouldShorten {
        /// The running pause's end.
        active_until: Timestamp,
        /// The requested end.
        requested: Timestamp,
    },
}

/// A contract's pause: the end of the last pause ordered, if any (it runs while the block time
/// is before it). Serialized as `Option<Timestamp>` (nanoseconds as a string, or `null`).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default, JsonSchema)]
#[serde(transparent)]
pub struct PauseState(Option<Timestamp>);

impl PauseState {
    /// No pause.
    pub const fn none() -> Self {
        Self(None)
    }

    /// The running pause's end, or `None` when no pause runs at `block`.
    pub fn active(&self, block: &BlockInfo) -> Option<Timestamp> {
        self.0.filter(|until| block.time < *until)
    }

    /// Errors: [`PauseError::Paused`] while a pause runs.
    pub fn ensure_not_paused(&self, block: &BlockInfo) -> Result<(), PauseError> {
        match self.active(block) {
            Some(until) => Err(PauseError::Paused { until }),
            None => Ok(()),
        }
    }

    /// Starts a pause until `until` (`None`: until `Unpause`) or extends the running one, and
    /// returns the end now in force.
    ///
    /// Errors: [`PauseError::EndNotInFuture`], [`PauseError::WouldShorten`]; nothing changes
    /// on an error.
    pub fn pause(
        &mut self,
        block: &BlockInfo,
        until: Option<Timestamp>,
    ) -> Result<Timestamp, PauseError> {
        let requested = until.unwrap_or(INDEFINITE);
        if requested <= block.time {
            return Err(PauseError::EndNotInFuture {
                until: requested,
                now: block.time,
            });
        }
        if let Some(active_until) = self.active(block) {
            if requested < active_until {
                return Err(PauseError::WouldShorten {
                    active_until,
                    requested,
                });
            }
        }
        self.0 = Some(requested);
        Ok(requested)
    }

    /// Lifts the running pause.
    ///
    /// Errors: [`PauseError::NotPaused`] (nothing changes).
    pub fn unpause(&mut self, block: &BlockInfo) -> Result<(), PauseError> {
        if self.active(block).is_none() {
            return Err(PauseError::NotPaused);
        }
        self.0 = None;
        Ok(())
    }

    /// What `pause_status {}` answers at `block`.
    pub fn status(&self, block: &BlockInfo) -> PauseStatusResponse {
        let paused_until = self.active(block);
        PauseStatusResponse {
            paused: paused_until.is_some(),
            indefinite: paused_until == Some(INDEFINITE),
            paused_until,
        }
    }
}

/// The end as an attribute value: seconds, or `indefinite`.
fn until_attribute(until: Timestamp) -> String {
    if until == INDEFINITE {
        "indefinite".to_string()
    } else {
        until.seconds().to_string()
    }
}

/// The `Pause { until }` handler of a contract whose [`PauseState`] lives in `item` (reached by
/// `pause_of`): owner only, no funds, then [`PauseState::pause`].
///
/// Attributes: `action=pause`, `until` (seconds, or `indefinite`).
///
/// Errors: `Payment` (funds attached), `Ownership` (not the owner), [`PauseError`], `Std`.
pub fn execute_pause<S, E>(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    item: &Item<S>,
    pause_of: fn(&mut S) -> &mut PauseState,
    until: Option<Timestamp>,
) -> Result<Response, E>
where
    S: Serialize + DeserializeOwned,
    E: From<PauseError> + From<OwnershipError> + From<PaymentError> + From<StdError>,
{
    cw_utils::nonpayable(info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut state = item.load(deps.storage)?;
    let until = pause_of(&mut state).pause(&env.block, until)?;
    item.save(deps.storage, &state)?;
    Ok(Response::new()
        .add_attribute("action", "pause")
        .add_attribute("until", until_attribute(until)))
}

/// The `Unpause {}` handler: owner only, no funds, then [`PauseState::unpause`].
///
/// Attributes: `action=unpause`.
///
/// Errors: `Payment`, `Ownership`, [`PauseError::NotPaused`], `Std`.
pub fn execute_unpause<S, E>(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    item: &Item<S>,
    pause_of: fn(&mut S) -> &mut PauseState,
) -> Result<Response, E>
where
    S: Serialize + DeserializeOwned,
    E: From<PauseError> + From<OwnershipError> + From<PaymentError> + From<StdError>,
{
    cw_utils::nonpayable(info)?;
    cw_ownable::assert_owner(deps.storage, &info.sender)?;
    let mut state = item.load(deps.storage)?;
    pause_of(&mut state).unpause(&env.block)?;
    item.save(deps.storage, &state)?;
    Ok(Response::new().add_attribute("action", "unpause"))
}

/// The `pause_status {}` query of a contract whose [`PauseState`] lives in `item`.
pub fn query_pause_status<S>(
    storage: &dyn Storage,
    env: &Env,
    item: &Item<S>,
    pause_of: fn(&mut S) -> &mut PauseState,
) -> StdResult<PauseStatusResponse>
where
    S: Serialize + DeserializeOwned,
{
    let mut state = item.load(storage)?;
    Ok(pause_of(&mut state).status(&env.block))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::mock_env;

    fn at(seconds: u64) -> BlockInfo {
        let mut block = mock_env().block;
        block.time = Timestamp::from_seconds(seconds);
        block
    }

    #[test]
    fn pause_extends_never_shortens_and_only_unpause_lifts() {
        let mut p = PauseState::none();
        assert_eq!(p.ensure_not_paused(&at(100)), Ok(()));
        assert_eq!(
            p.pause(&at(100), Some(Timestamp::from_seconds(100))),
            Err(PauseError::EndNotInFuture {
                until: Timestamp::from_seconds(100),
                now: Timestamp::from_seconds(100)
            })
        );
        assert_eq!(p, PauseState::none());
        let t500 = Timestamp::from_seconds(500);
        assert_eq!(p.pause(&at(100), Some(t500)), Ok(t500));
        assert_eq!(
            p.ensure_not_paused(&at(499)),
            Err(PauseError::Paused { until: t500 })
        );
        // A shorter pause is refused and changes nothing.
        assert_eq!(
            p.pause(&at(200), Some(Timestamp::from_seconds(201))),
            Err(PauseError::WouldShorten {
                active_until: t500,
                requested: Timestamp::from_seconds(201)
            })
        );
        assert_eq!(p.active(&at(200)), Some(t500));
        // Extending works; an indefinite pause outlasts every end.
        assert_eq!(p.pause(&at(200), None), Ok(INDEFINITE));
        assert!(p.status(&at(10_000_000)).indefinite);
        assert_eq!(
            p.pause(&at(300), Some(Timestamp::from_seconds(900))),
            Err(PauseError::WouldShorten {
                active_until: INDEFINITE,
                requested: Timestamp::from_seconds(900)
            })
        );
        assert_eq!(p.unpause(&at(300)), Ok(()));
        assert_eq!(p.unpause(&at(300)), Err(PauseError::NotPaused));
        // Once a pause has run out, a new one may end at any future time.
        let mut q = PauseState::none();
        q.pause(&at(0), Some(t500)).unwrap();
        assert!(!q.status(&at(500)).paused);
        assert_eq!(q.unpause(&at(500)), Err(PauseError::NotPaused));
        assert_eq!(
            q.pause(&at(600), Some(Timestamp::from_seconds(601)))
                .map(|t| t.seconds()),
            Ok(601)
        );
    }

    #[test]
    fn serializes_as_the_option_the_contracts_stored() {
        let p = PauseState(Some(Timestamp::from_seconds(7)));
        assert_eq!(cosmwasm_std::to_json_string(&p).unwrap(), r#""7000000000""#);
        assert_eq!(
            cosmwasm_std::to_json_string(&PauseState::none()).unwrap(),
            "null"
        );
        let back: PauseState = cosmwasm_std::from_json(r#""7000000000""#).unwrap();
        assert_eq!(back, p);
    }
}
