//! The pause messages every pausable contract of the suite accepts (PoE mining, the FLX
//! controller, the AMM pairs, ...), with the same JSON, so governance and its guardian talk to
//! all of them without naming any one contract's `ExecuteMsg`. Semantics (in
//! `poe-controllers`' `pause`): a `Pause` starts or extends a pause and never shortens one; only
//! the owner's `Unpause` lifts it.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::Timestamp;

/// What governance sends a contract it pauses or resumes; the target accepts it from its owner
/// (governance) only. `{"pause":{"until":"<nanos>"}}`, `{"pause":{}}`, `{"unpause":{}}`.
#[cw_serde]
pub enum PausableExecuteMsg {
    /// Stop the contract's economic operations until `until` (block time), or until `Unpause`
    /// when `None`. Extends a running pause; refused if it would end it earlier.
    Pause {
        /// The pause's end; `None` (or absent): until `Unpause`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<Timestamp>,
    },
    /// Lift the running pause now (refused when none runs).
    Unpause {},
}

/// The query every pausable contract answers: `{"pause_status":{}}`.
#[cw_serde]
#[derive(QueryResponses)]
pub enum PausableQueryMsg {
    /// The contract's own pause state now.
    #[returns(PauseStatusResponse)]
    PauseStatus {},
}

/// A contract's pause state at the queried block.
#[cw_serde]
pub struct PauseStatusResponse {
    /// Whether a pause runs now.
    pub paused: bool,
    /// The running pause's end (block time), `None` when not paused.
    pub paused_until: Option<Timestamp>,
    /// The running pause has no end (it lasts until `Unpause`).
    pub indefinite: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{from_json, to_json_string};

    #[test]
    fn messages_have_the_agreed_json() {
        let m = PausableExecuteMsg::Pause {
            until: Some(Timestamp::from_seconds(7)),
        };
        assert_eq!(
            to_json_string(&m).unwrap(),
            r#"{"pause":{"until":"7000000000"}}"#
        );
        let open: PausableExecuteMsg = from_json(r#"{"pause":{}}"#).unwrap();
        assert_eq!(open, PausableExecuteMsg::Pause { until: None });
        assert_eq!(
            to_json_string(&PausableExecuteMsg::Unpause {}).unwrap(),
            r#"{"unpause":{}}"#
        );
        assert_eq!(
            to_json_string(&PausableQueryMsg::PauseStatus {}).unwrap(),
            r#"{"pause_status":{}}"#
        );
    }
}
