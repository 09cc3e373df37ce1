//! FLX controller: the elastic supply of FLX (seed 000 "Flux (FLX) - Operational Layer": "elastic
//! supply adjusts to network demand via usage metrics").
//!
//! Flow: reporters on the owner's allow-list post network usage ([`ExecuteMsg::ReportUsage`]);
//! once an epoch has ended anyone calls [`ExecuteMsg::Rebalance`], which computes the demand
//! `U_net` of the component-wise median of the epoch's fresh reports (seed 001,
//! `poe_math::flux::net_demand`) and, above the band, mints FLX to the mint recipient (only with
//! at least `min_reports_to_expand` fresh reports), below it burns FLX from the controller's own
//! buffer, inside it does nothing (`poe_math::flux::supply_adjustment`; at most
//! `max_annual_inflation_rate` of the supply per year, scaled to the epoch's length:
//! `poe_math::flux::epoch_cap`).
//! Every close is recorded as a [`Decision`] with its inputs.
//!
//! The controller must be FLX's cw20 minter (the deployment hands it the role with the token's
//! `UpdateMinter`); anyone funds the burn buffer with a cw20 `Send` ([`ReceiveMsg::FundBuffer`]) or
//! a plain `Transfer` of FLX to the controller.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{Addr, Decimal, Decimal256, Timestamp, Uint128, Uint256};
use cw20::Cw20ReceiveMsg;
use cw_ownable::Action;
use poe_math::flux::{NetDemand, SupplyAdjustment};

/// Most reporters on the allow-list: a rebalance reads at most this many reports of an epoch.
pub const MAX_REPORTERS: u32 = 30;
/// Longest epoch or report age accepted, seconds (10 years of 365 days).
pub const MAX_PERIOD_SECONDS: u64 = 10 * 365 * 24 * 3600;

/// Every tunable parameter (seed 000 `GovernanceParameters`, FLX part; seed 001 demand weights).
#[cw_serde]
pub struct FluxParams {
    /// Weight of the pending gas buffer in `U_net` (seed 001 `gas_buffer_weight`).
    pub alpha: Decimal,
    /// Weight of the fee moving average (seed 001 `fee_average_weight`).
    pub beta: Decimal,
    /// Weight of `queue_length / 1000` (seed 001 `queue_length_weight`). At least one of the three
    /// weights must be positive.
    pub gamma: Decimal,
    /// Above this `U_net` the supply expands; above `contraction_threshold`.
    pub expansion_threshold: Decimal,
    /// Below this `U_net` the supply contracts (zero: never).
    pub contraction_threshold: Decimal,
    /// Supply change per unit of relative distance to the band (seed 000
    /// `flux_elasticity_factor`): `delta = supply * elasticity_factor * distance`.
    pub elasticity_factor: Decimal,
    /// Largest change per **year** as a fraction of the FLX total supply, in [0, 1] (seed 000
    /// `max_inflation_rate`, read as a yearly rate). An epoch of `t` seconds changes the supply
    /// by at most `floor(supply * max_annual_inflation_rate * t / 31,557,600)` (rounded down;
    /// `poe_math::flux::epoch_cap`), so changing the epoch length does not change the yearly
    /// cap. The same cap bounds contraction.
    pub max_annual_inflation_rate: Decimal,
    /// Epoch length, seconds, 1..=[`MAX_PERIOD_SECONDS`]; a change takes effect at the end of the
    /// epoch open when it is made.
    pub epoch_length_seconds: u64,
    /// A report counts for its epoch only if posted at most this long before the epoch's end,
    /// seconds, 1..=[`MAX_PERIOD_SECONDS`]; an epoch with no such report closes frozen.
    pub max_report_age_seconds: u64,
    /// Quorum of an expansion: the fewest fresh reports (from listed reporters) an epoch needs
    /// to mint, 1..=[`MAX_REPORTERS`]. With fewer, an epoch whose median asks for an expansion
    /// closes `Frozen { BelowQuorum }`; contraction and hold need one fresh report (a
    /// contraction only burns FLX funded into the controller's buffer, within the same cap).
    pub min_reports_to_expand: u32,
    /// Largest `pending_gas_buffer` a report may carry (above 0); a report beyond is refused.
    pub max_pending_gas_buffer: Decimal,
    /// Largest `tx_fee_moving_average` a report may carry (above 0); a report beyond is refused.
    pub max_tx_fee_moving_average: Decimal,
    /// Largest `queue_length` a report may carry (above 0); a report beyond is refused.
    pub max_queue_length: u64,
}

/// Instantiates the controller.
#[cw_serde]
pub struct InstantiateMsg {
    /// The owner (governance after bootstrap); default the instantiator.
    pub owner: Option<String>,
    /// The FLX cw20 token; it must answer `TokenInfo`. The controller must become its minter
    /// before the first expansion (otherwise expansions close as `Frozen { NotMinter }`).
    pub flx_token: String,
    /// Who receives minted FLX (the treasury or an operations pool).
    pub mint_recipient: String,
    /// The initial reporter allow-list, at most [`MAX_REPORTERS`], no duplicates.
    pub reporters: Vec<String>,
    /// The demand formula's weights, band, response, caps and epoch schedule.
    pub params: FluxParams,
}

/// `UpdateConfig`: `None` keeps a value; the result is validated as a whole.
#[cw_serde]
#[derive(Default)]
pub struct ConfigUpdate {
    /// New receiver of minted FLX.
    pub mint_recipient: Option<String>,
    /// New [`FluxParams::alpha`], weight of the pending gas buffer in `U_net`.
    pub alpha: Option<Decimal>,
    /// New [`FluxParams::beta`], weight of the fee moving average.
    pub beta: Option<Decimal>,
    /// New [`FluxParams::gamma`], weight of `queue_length / 1000`.
    pub gamma: Option<Decimal>,
    /// New [`FluxParams::expansion_threshold`] (`U_net` above which FLX is minted).
    pub expansion_threshold: Option<Decimal>,
    /// New [`FluxParams::contraction_threshold`] (`U_net` below which FLX is burned).
    pub contraction_threshold: Option<Decimal>,
    /// New [`FluxParams::elasticity_factor`] (supply change per unit of distance to the band).
    pub elasticity_factor: Option<Decimal>,
    /// New [`FluxParams::max_annual_inflation_rate`], a yearly fraction of the supply in [0, 1].
    pub max_annual_inflation_rate: Option<Decimal>,
    /// New [`FluxParams::epoch_length_seconds`]; applies from the end of the open epoch.
    pub epoch_length_seconds: Option<u64>,
    /// New [`FluxParams::max_report_age_seconds`], seconds before an epoch's end.
    pub max_report_age_seconds: Option<u64>,
    /// New [`FluxParams::min_reports_to_expand`], the expansion quorum.
    pub min_reports_to_expand: Option<u32>,
    /// New [`FluxParams::max_pending_gas_buffer`], the largest reported gas buffer.
    pub max_pending_gas_buffer: Option<Decimal>,
    /// New [`FluxParams::max_tx_fee_moving_average`], the largest reported fee average.
    pub max_tx_fee_moving_average: Option<Decimal>,
    /// New [`FluxParams::max_queue_length`], the largest reported queue length.
    pub max_queue_length: Option<u64>,
}

/// The controller's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// Reporter only: the network usage observed now, for the epoch open now. A later report of
    /// the same reporter in the same epoch replaces the earlier one. Each component must be at
    /// most its bound in [`FluxParams`] (`max_pending_gas_buffer`, `max_tx_fee_moving_average`,
    /// `max_queue_length`), or the report is refused.
    ReportUsage {
        /// Current gas demand (pending transactions x average gas price).
        pending_gas_buffer: Decimal,
        /// Moving average of transaction fees.
        tx_fee_moving_average: Decimal,
        /// Transactions waiting; `U_net` uses `queue_length / 1000`.
        queue_length: u64,
    },
    /// Anyone, once an epoch has ended: closes the oldest open epoch with its decision. Ended
    /// epochs without any report before the next one with reports (or before now) close
    /// together in the same call as one `Frozen { MissingReports }` decision (O(1)).
    Rebalance {},
    /// cw20 hook: only the FLX token; `msg` must be a [`ReceiveMsg`].
    Receive(Cw20ReceiveMsg),
    /// Owner: adds, then removes reporters. Adding a reporter twice or removing a non-reporter is
    /// an error. A removed reporter's report of the open epoch is deleted, and its reports of
    /// ended epochs not yet closed are not counted.
    UpdateReporters {
        /// Addresses to add (none already listed); the list stays at most [`MAX_REPORTERS`].
        add: Vec<String>,
        /// Reporters to remove.
        remove: Vec<String>,
    },
    /// Owner: changes the parameters and/or the mint recipient (validated as a whole).
    UpdateConfig(Box<ConfigUpdate>),
    /// Owner (governance; its guardian's pauses are bounded there): refuses reports and
    /// rebalances until `until` (`None`: until `Unpause`). Starts or extends a pause, never
    /// shortens one. Same JSON as [`crate::pause::PausableExecuteMsg::Pause`].
    Pause {
        /// The pause's end; `None` (or absent): until `Unpause`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        until: Option<Timestamp>,
    },
    /// Owner: lifts a running pause now. Same JSON as
    /// [`crate::pause::PausableExecuteMsg::Unpause`].
    Unpause {},
    /// cw-ownable two-step ownership transfer.
    UpdateOwnership(Action),
}

/// The `msg` of a cw20 `Send` of FLX to the controller.
#[cw_serde]
pub enum ReceiveMsg {
    /// Adds the sent FLX to the burn buffer. Anyone may fund.
    FundBuffer {},
}

/// The controller's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The token, mint recipient, parameters, genesis and pause.
    #[returns(ConfigResponse)]
    Config {},
    /// Supply, buffer, minter role, totals and the rebalance backlog (queries the FLX token).
    #[returns(StatusResponse)]
    Status {},
    /// The epoch open now by block time.
    #[returns(EpochResponse)]
    CurrentEpoch {},
    /// Reporters by address; paginated (default 10, at most 30).
    #[returns(ReportersResponse)]
    Reporters {
        /// Address of the last reporter of the previous page (exclusive).
        start_after: Option<String>,
        /// Page size, at most 30; default 10.
        limit: Option<u32>,
    },
    /// The reports of `epoch` (default the open one), the latest per reporter, by reporter
    /// address; paginated (default 10, at most 30).
    #[returns(ReportsResponse)]
    Reports {
        /// The epoch number; default the one open now.
        epoch: Option<u64>,
        /// Address of the last reporter of the previous page (exclusive).
        start_after: Option<String>,
        /// Page size, at most 30; default 10.
        limit: Option<u32>,
    },
    /// The decision that closed `epoch` (for an idle epoch, the decision of its idle run).
    /// Errors when `epoch` is not closed.
    #[returns(Decision)]
    Decision {
        /// Any epoch the decision closed (its first or one of its idle run).
        epoch: u64,
    },
    /// Decisions by first epoch, ascending, after `start_after`; paginated (default 10, at most
    /// 30).
    #[returns(DecisionsResponse)]
    Decisions {
        /// First epoch of the last decision of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, at most 30; default 10.
        limit: Option<u32>,
    },
    /// The owner and any pending transfer (cw-ownable).
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
    /// The pause state now (the suite's shared `pause_status` query).
    #[returns(crate::pause::PauseStatusResponse)]
    PauseStatus {},
}

/// The controller's configuration.
#[cw_serde]
pub struct ConfigResponse {
    /// The FLX cw20 token.
    pub flx_token: Addr,
    /// Who receives minted FLX.
    pub mint_recipient: Addr,
    /// The parameters in force.
    pub params: FluxParams,
    /// Start of epoch 0 (the instantiation's block time).
    pub genesis_time: Timestamp,
    /// Reports and rebalances are refused until then (see [`ExecuteMsg::Pause`]).
    pub paused_until: Option<Timestamp>,
}

/// The controller's state now.
#[cw_serde]
pub struct StatusResponse {
    /// The epoch open now.
    pub current_epoch: u64,
    /// The oldest epoch not yet closed.
    pub next_epoch_to_close: u64,
    /// Ended epochs not yet closed (`current_epoch - next_epoch_to_close`).
    pub epochs_ended_open: u64,
    /// FLX total supply now, base units.
    pub flx_supply: Uint128,
    /// FLX held by the controller (the burn buffer), base units.
    pub buffer: Uint128,
    /// Whether the controller is FLX's minter now.
    pub is_minter: bool,
    /// FLX minted by every expansion, base units.
    pub total_minted: Uint128,
    /// FLX burned by every contraction, base units.
    pub total_burned: Uint128,
    /// FLX received through [`ReceiveMsg::FundBuffer`] (plain transfers are not counted).
    pub total_funded: Uint128,
    /// Reporters on the allow-list.
    pub reporter_count: u32,
    /// Reports and rebalances are refused until then (`None`: not paused).
    pub paused_until: Option<Timestamp>,
}

/// An epoch's bounds and report count.
#[cw_serde]
pub struct EpochResponse {
    /// The epoch number (0 from genesis).
    pub epoch: u64,
    /// The epoch's first second.
    pub start_time: Timestamp,
    /// First second after the epoch.
    pub end_time: Timestamp,
    /// Reports now count for this epoch only if posted at or after this time.
    pub fresh_after: Timestamp,
    /// Reporters that have reported in this epoch.
    pub reports: u32,
    /// The oldest epoch not yet closed.
    pub next_epoch_to_close: u64,
}

/// A page of reporters.
#[cw_serde]
pub struct ReportersResponse {
    /// Reporter addresses, in address order.
    pub reporters: Vec<Addr>,
}

/// A reporter's latest report of an epoch.
#[cw_serde]
pub struct UsageReport {
    /// The reporter.
    pub reporter: Addr,
    /// Reported gas demand (pending transactions x average gas price).
    pub pending_gas_buffer: Decimal,
    /// Reported moving average of transaction fees.
    pub tx_fee_moving_average: Decimal,
    /// Reported transactions waiting.
    pub queue_length: u64,
    /// Block time of the report.
    pub reported_at: Timestamp,
}

/// A page of an epoch's reports.
#[cw_serde]
pub struct ReportsResponse {
    /// The epoch the reports are of.
    pub epoch: u64,
    /// The latest report of each reporter, by reporter address.
    pub reports: Vec<UsageReport>,
}

/// Why an epoch closed without a supply change whatever its demand.
#[cw_serde]
pub enum FreezeReason {
    /// No report of the epoch (from a reporter still on the list at the close).
    MissingReports {},
    /// Reports, but none posted at or after `fresh_after` (= epoch end - `max_report_age_seconds`).
    StaleReports {
        /// Time of the epoch's latest counted report.
        latest_report_at: Timestamp,
        /// Reports before this time are stale.
        fresh_after: Timestamp,
    },
    /// Demand asked for an expansion but the controller is not FLX's minter (`minter` is).
    NotMinter {
        /// FLX's minter at the close (`None`: the token has none).
        minter: Option<String>,
    },
    /// Demand asked for an expansion but fewer than `min_reports_to_expand` fresh reports
    /// counted (`fresh_reports` did).
    BelowQuorum {
        /// Fresh reports counted.
        fresh_reports: u32,
        /// The quorum in force.
        min_reports_to_expand: u32,
    },
}

/// What a close did.
#[cw_serde]
pub enum DecisionAction {
    /// Minted `amount` to the mint recipient (`U_net > expansion_threshold`).
    Expand,
    /// Burned `amount` from the buffer (`U_net < contraction_threshold`).
    Contract,
    /// `U_net` inside the band: nothing.
    Hold,
    /// Nothing, for `reason`.
    Frozen {
        /// Why nothing changed.
        reason: FreezeReason,
    },
}

/// What limited a supply change below what `U_net` asked for.
#[cw_serde]
pub enum SupplyLimit {
    /// The epoch's cap: `max_annual_inflation_rate` of the supply scaled to the epoch's length.
    MaxInflationRate,
    /// The FLX the controller holds (contraction).
    Buffer,
    /// The FLX token's mint cap (expansion).
    MintCap,
}

/// The record of one close: its inputs, what the formula asked for, and what was done.
#[cw_serde]
pub struct Decision {
    /// The (first) epoch closed.
    pub epoch: u64,
    /// The last epoch closed by this decision: `epoch` unless a run of idle epochs
    /// (`Frozen { MissingReports }`) closed together.
    pub last_epoch: u64,
    /// Block time of the `Rebalance`.
    pub closed_at: Timestamp,
    /// End of `last_epoch` (for an idle run: `None`, its epochs were never reported in).
    pub epoch_end: Option<Timestamp>,
    /// `U_net` and its components, from the reports counted; `None` when none counted.
    pub demand: Option<NetDemand>,
    /// `U_net` below which the supply contracts, in force at the close.
    pub contraction_threshold: Decimal,
    /// `U_net` above which the supply expands, in force at the close.
    pub expansion_threshold: Decimal,
    /// Supply change per unit of relative distance to the band, in force at the close.
    pub elasticity_factor: Decimal,
    /// The yearly cap in force; the epoch's cap is `adjustment.max_delta`.
    pub max_annual_inflation_rate: Decimal,
    /// FLX total supply at the close, before the change, base units.
    pub supply_before: Uint128,
    /// The controller's FLX balance at the close (read for contractions only).
    pub buffer_before: Option<Uint128>,
    /// What the formula asks for (`None` without demand): direction, relative distance to the
    /// band, unbounded `computed_delta`, the epoch's length, its cap `max_delta` and the capped
    /// `delta`.
    pub adjustment: Option<SupplyAdjustment>,
    /// The limit that set `amount` below the unbounded `computed_delta`, if any.
    pub bound_applied: Option<SupplyLimit>,
    /// What the close did.
    pub action: DecisionAction,
    /// FLX minted (expand) or burned (contract), base units; zero otherwise.
    pub amount: Uint128,
}

impl Decision {
    /// The unbounded change the formula computed (zero without demand).
    pub fn computed_delta(&self) -> Uint256 {
        self.adjustment
            .as_ref()
            .map(|a| a.computed_delta)
            .unwrap_or_default()
    }

    /// `U_net` (`None` without demand).
    pub fn net_demand(&self) -> Option<Decimal256> {
        self.demand.as_ref().map(|d| d.net_demand)
    }
}

/// A page of decisions.
#[cw_serde]
pub struct DecisionsResponse {
    /// Decisions by first epoch, ascending.
    pub decisions: Vec<Decision>,
}

/// Migrates the controller (no parameters).
#[cw_serde]
pub struct MigrateMsg {}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::to_json_string;

    #[test]
    fn pause_and_rebalance_have_the_agreed_json() {
        assert_eq!(
            to_json_string(&ExecuteMsg::Pause {
                until: Some(Timestamp::from_seconds(7))
            })
            .unwrap(),
            r#"{"pause":{"until":"7000000000"}}"#
        );
        assert_eq!(
            to_json_string(&ExecuteMsg::Unpause {}).unwrap(),
            r#"{"unpause":{}}"#
        );
        assert_eq!(
            to_json_string(&ExecuteMsg::Pause { until: None }).unwrap(),
            r#"{"pause":{}}"#
        );
        assert_eq!(
            to_json_string(&QueryMsg::PauseStatus {}).unwrap(),
            r#"{"pause_status":{}}"#
        );
        assert_eq!(
            to_json_string(&ExecuteMsg::Rebalance {}).unwrap(),
            r#"{"rebalance":{}}"#
        );
        assert_eq!(
            to_json_string(&DecisionAction::Frozen {
                reason: FreezeReason::MissingReports {}
            })
            .unwrap(),
            r#"{"frozen":{"reason":{"missing_reports":{}}}}"#
        );
        assert_eq!(
            to_json_string(&DecisionAction::Expand).unwrap(),
            r#""expand""#
        );
    }
}
