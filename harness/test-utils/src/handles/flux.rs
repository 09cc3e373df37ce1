//! The FLX supply controller: [`FluxHandle`].

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Decimal, StdResult};
use cw_multi_test::AppResponse;
use cw_ownable::Ownership;
use poe_interface::flux_controller::{
    ConfigResponse, Decision, DecisionsResponse, EpochResponse, ExecuteMsg, QueryMsg,
    StatusResponse,
};
use poe_interface::pause::PauseStatusResponse;
use poe_interface::MAX_LIMIT;

use super::{contract_interface, Handle};

contract_interface!(
    /// The FLX supply controller's interface (`poe_interface::flux_controller`).
    FluxController: ExecuteMsg, QueryMsg
);

/// The FLX supply controller (FLX's only minter).
pub type FluxHandle = Handle<FluxController>;

impl Handle<FluxController> {
    /// A reporter posts the network usage of the open epoch.
    pub fn report_usage(
        &self,
        reporter: &Addr,
        pending_gas_buffer: Decimal,
        tx_fee_moving_average: Decimal,
        queue_length: u64,
    ) -> AnyResult<AppResponse> {
        self.execute(
            reporter,
            &ExecuteMsg::ReportUsage {
                pending_gas_buffer,
                tx_fee_moving_average,
                queue_length,
            },
        )
    }

    /// Anyone: closes the oldest ended epoch with its decision.
    pub fn rebalance(&self, sender: &Addr) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::Rebalance {})
    }

    /// The config.
    pub fn config(&self) -> StdResult<ConfigResponse> {
        self.query(&QueryMsg::Config {})
    }

    /// The controller's status.
    pub fn status(&self) -> StdResult<StatusResponse> {
        self.query(&QueryMsg::Status {})
    }

    /// The epoch open now.
    pub fn current_epoch(&self) -> StdResult<EpochResponse> {
        self.query(&QueryMsg::CurrentEpoch {})
    }

    /// The decision that closed `epoch`.
    pub fn decision(&self, epoch: u64) -> StdResult<Decision> {
        self.query(&QueryMsg::Decision { epoch })
    }

    /// The first page of decisions after `start_after`.
    pub fn decisions(&self, start_after: Option<u64>) -> StdResult<DecisionsResponse> {
        self.query(&QueryMsg::Decisions {
            start_after,
            limit: Some(MAX_LIMIT),
        })
    }

    /// The controller's pause state (the shared `pause_status {}` query).
    pub fn pause_status(&self) -> StdResult<PauseStatusResponse> {
        self.query(&QueryMsg::PauseStatus {})
    }

    /// The contract's owner.
    pub fn ownership(&self) -> StdResult<Ownership<String>> {
        self.query(&QueryMsg::Ownership {})
    }
}
