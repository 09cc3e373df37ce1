//! Typed handle of the FLX supply controller.

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Decimal, StdResult};
use cw_multi_test::{AppResponse, Executor};
use cw_ownable::Ownership;
use poe_interface::flux_controller::{
    ConfigResponse, Decision, DecisionsResponse, EpochResponse, ExecuteMsg, QueryMsg,
    StatusResponse,
};

use crate::SharedApp;

/// The deployed FLX supply controller (FLX's only minter). Cheap to clone.
#[derive(Clone)]
pub struct FluxHandle {
    app: SharedApp,
    /// The controller contract.
    pub addr: Addr,
}

impl FluxHandle {
    pub(crate) fn new(app: SharedApp, addr: Addr) -> Self {
        FluxHandle { app, addr }
    }

    /// Executes any controller message as `sender`.
    pub fn execute(&self, sender: &Addr, msg: &ExecuteMsg) -> AnyResult<AppResponse> {
        self.app
            .borrow_mut()
            .execute_contract(sender.clone(), self.addr.clone(), msg, &[])
    }

    /// Runs any controller query.
    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &QueryMsg) -> StdResult<T> {
        self.app
            .borrow()
            .wrap()
            .query_wasm_smart(self.addr.clone(), msg)
    }

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

    pub fn config(&self) -> StdResult<ConfigResponse> {
        self.query(&QueryMsg::Config {})
    }

    pub fn status(&self) -> StdResult<StatusResponse> {
        self.query(&QueryMsg::Status {})
    }

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
            limit: Some(poe_interface::MAX_LIMIT),
        })
    }

    /// The controller's pause state (the shared `pause_status {}` query).
    pub fn pause_status(&self) -> StdResult<poe_interface::pause::PauseStatusResponse> {
        self.query(&QueryMsg::PauseStatus {})
    }

    pub fn ownership(&self) -> StdResult<Ownership<String>> {
        self.query(&QueryMsg::Ownership {})
    }
}
