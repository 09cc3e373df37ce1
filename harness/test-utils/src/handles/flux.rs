//! The FLX supply controller: [`FluxHandle`].

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Decimal, StdResult, Uint128};
use cw_multi_test::AppResponse;
use poe_interface::flux_controller::{
    ConfigResponse, ConfigUpdate, Decision, DecisionsResponse, EpochResponse, ExecuteMsg, QueryMsg,
    ReceiveMsg, ReportersResponse, ReportsResponse, StatusResponse,
};
use poe_interface::MAX_LIMIT;

use super::{contract_interface, strings, Cw20Handle, Handle};

contract_interface!(
    /// The FLX supply controller's interface (`poe_interface::flux_controller`).
    FluxController: ExecuteMsg, QueryMsg; Ownable; Pausable
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

    /// Anyone: `funder` sends `amount` of FLX (`flx`) to the burn buffer (a cw20 `Send` with the
    /// `FundBuffer` hook).
    pub fn fund_buffer(
        &self,
        flx: &Cw20Handle,
        funder: &Addr,
        amount: Uint128,
    ) -> AnyResult<AppResponse> {
        flx.send_hook(funder, &self.addr, amount, &ReceiveMsg::FundBuffer {})
    }

    /// Owner: adds and removes reporters.
    pub fn update_reporters(
        &self,
        sender: &Addr,
        add: &[&Addr],
        remove: &[&Addr],
    ) -> AnyResult<AppResponse> {
        self.execute(
            sender,
            &ExecuteMsg::UpdateReporters {
                add: strings(add),
                remove: strings(remove),
            },
        )
    }

    /// Owner: changes parameters (`None` keeps a value).
    pub fn update_config(&self, sender: &Addr, update: ConfigUpdate) -> AnyResult<AppResponse> {
        self.execute(sender, &ExecuteMsg::UpdateConfig(Box::new(update)))
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
        self.decisions_page(start_after, Some(MAX_LIMIT))
    }

    /// One page of decisions after `start_after`, by epoch.
    pub fn decisions_page(
        &self,
        start_after: Option<u64>,
        limit: Option<u32>,
    ) -> StdResult<DecisionsResponse> {
        self.query(&QueryMsg::Decisions { start_after, limit })
    }

    /// One page of reporters, by address after `start_after`.
    pub fn reporters(
        &self,
        start_after: Option<String>,
        limit: Option<u32>,
    ) -> StdResult<Vec<Addr>> {
        let res: ReportersResponse = self.query(&QueryMsg::Reporters { start_after, limit })?;
        Ok(res.reporters)
    }

    /// The first page of the reports of `epoch` (default the epoch open now), by reporter.
    pub fn reports(&self, epoch: Option<u64>) -> StdResult<ReportsResponse> {
        self.query(&QueryMsg::Reports {
            epoch,
            start_after: None,
            limit: Some(MAX_LIMIT),
        })
    }
}
