//! Storage layout. Keys are short and distinct; a layout change gets a new key and a migration.
//! The owner is cw-ownable's (key `ownership`); the cw2 version is cw2's.
//!
//! A report writes one report and one epoch entry; a rebalance reads the config, the state, one
//! range key of [`EPOCHS`] (to skip idle epochs) and the reports of one epoch, at most
//! [`poe_interface::flux_controller::MAX_REPORTERS`] (each reporter's latest, and a removed
//! reporter's report of the open epoch is deleted), and writes at most two decisions.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Addr, Decimal, Timestamp, Uint128};
use cw_storage_plus::{Item, Map};
use poe_controllers::{AllowList, PauseState};
use poe_interface::flux_controller::{Decision, FluxParams, MAX_REPORTERS};
use poe_math::flux::{DemandWeights, ElasticityParams, NetworkUsage};
use poe_math::schedule::Schedule;

/// Addresses and parameters.
#[cw_serde]
pub struct Config {
    /// The FLX cw20 token (fixed at instantiation).
    pub flx_token: Addr,
    /// Who receives minted FLX.
    pub mint_recipient: Addr,
    /// The parameters in force.
    pub params: FluxParams,
    /// Epoch boundaries.
    pub schedule: Schedule,
    /// Start of epoch 0.
    pub genesis_time: Timestamp,
}

impl Config {
    /// The demand weights of [`Config::params`].
    pub fn weights(&self) -> DemandWeights {
        weights(&self.params)
    }

    /// The band and response of [`Config::params`].
    pub fn elasticity(&self) -> ElasticityParams {
        elasticity(&self.params)
    }
}

/// The demand weights of `params`.
pub fn weights(params: &FluxParams) -> DemandWeights {
    DemandWeights {
        alpha: params.alpha,
        beta: params.beta,
        gamma: params.gamma,
    }
}

/// The band and response of `params`.
pub fn elasticity(params: &FluxParams) -> ElasticityParams {
    ElasticityParams {
        contraction_threshold: params.contraction_threshold,
        expansion_threshold: params.expansion_threshold,
        elasticity_factor: params.elasticity_factor,
        max_annual_inflation_rate: params.max_annual_inflation_rate,
    }
}

/// Progress and totals.
#[cw_serde]
pub struct State {
    /// The oldest epoch not yet closed.
    pub next_epoch_to_close: u64,
    /// FLX minted by expansions, base units.
    pub total_minted: Uint128,
    /// FLX burned by contractions, base units.
    pub total_burned: Uint128,
    /// FLX received through the `FundBuffer` hook, base units.
    pub total_funded: Uint128,
    /// Reports and rebalances are refused while this pause runs (`poe_controllers::pause`).
    pub paused_until: PauseState,
}

/// The pause inside [`State`], for `poe_controllers::pause`'s handlers.
pub fn pause_of(state: &mut State) -> &mut PauseState {
    &mut state.paused_until
}

/// A reporter's latest report of an epoch (the reporter and epoch are the key).
#[cw_serde]
pub struct StoredReport {
    /// Reported gas demand (pending transactions x average gas price).
    pub pending_gas_buffer: Decimal,
    /// Reported moving average of transaction fees.
    pub tx_fee_moving_average: Decimal,
    /// Reported transactions waiting.
    pub queue_length: u64,
    /// Block time of the report (its freshness is judged against the epoch's end).
    pub reported_at: Timestamp,
}

impl StoredReport {
    /// The observation, for [`poe_math::flux::net_demand`].
    pub fn usage(&self) -> NetworkUsage {
        NetworkUsage {
            pending_gas_buffer: self.pending_gas_buffer,
            tx_fee_moving_average: self.tx_fee_moving_average,
            queue_length: self.queue_length,
        }
    }
}

/// An epoch that has reports: its end and start (fixed when its first report arrives, while it
/// is open) and how many reporters reported.
#[cw_serde]
pub struct EpochReports {
    /// First second after the epoch.
    pub end_time: Timestamp,
    /// Reporters that reported in the epoch.
    pub reports: u32,
    /// The epoch's start, so its close scales the cap to the epoch's real length even after a
    /// change of `epoch_length_seconds` (absent in entries written before: the close then uses
    /// the length in force).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<Timestamp>,
}

/// The configuration.
pub const CONFIG: Item<Config> = Item::new("cfg");
/// The running state (next epoch to close, totals, pause).
pub const STATE: Item<State> = Item::new("st");
/// The reporter allow-list (members under `rp`, as before; the count under `rpn`), at most
/// [`MAX_REPORTERS`].
pub const REPORTERS: AllowList = AllowList::new("rp", "rpn", "reporter", MAX_REPORTERS);
/// The latest report of each reporter, by (epoch, reporter).
pub const REPORTS: Map<(u64, &Addr), StoredReport> = Map::new("rs");
/// Epochs with at least one report; an epoch absent here is idle.
pub const EPOCHS: Map<u64, EpochReports> = Map::new("ep");
/// Decisions by the first epoch they close.
pub const DECISIONS: Map<u64, Decision> = Map::new("dc");
