//! The rest of the economy around PoE mining, each part only when its scenario block is present:
//! the FLX supply controller ([`crate::flux`]), the AUR reserve ([`crate::aurum`]) and the two AMM
//! pools ([`crate::pools`]). This is their order within a run's epoch, in one place: at the start
//! usage reports, the attestation, (epoch 0) the AUR pool's seeding, purchases and redemptions,
//! the trade schedule; trades between the jobs; after the claims the NEX pool's seeding; at the
//! end the last trades, the rebalance and the snapshots.

use std::collections::BTreeMap;

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Uint128};
use poe_deploy::Scenario;
use poe_testing::Suite;

use crate::aurum::AurumRun;
use crate::flux::FluxRun;
use crate::pools::PoolsRun;
use crate::report::{AurumReport, Check, FluxReport, PoolsReport};

/// What the three parts do during the run and what they saw.
pub struct EconomyRun {
    flux: Option<FluxRun>,
    aurum: Option<AurumRun>,
    pools: Option<PoolsRun>,
}

impl EconomyRun {
    /// The parts `scenario` states, with epochs of `epoch_length` seconds (PoE mining's).
    pub fn new(scenario: &Scenario, epoch_length: u64) -> Self {
        EconomyRun {
            flux: scenario
                .flux_controller
                .as_ref()
                .map(|f| FluxRun::new(f, epoch_length)),
            aurum: scenario.aurum.as_ref().map(AurumRun::new),
            pools: scenario
                .pools
                .as_ref()
                .map(|p| PoolsRun::new(p, scenario.seed, epoch_length)),
        }
    }

    /// Before epoch 0: fund the controller's burn buffer, read the reserve's config, find the
    /// pools.
    pub fn genesis(&mut self, suite: &Suite) -> AnyResult<()> {
        if let Some(flux) = &mut self.flux {
            flux.genesis(suite)?;
        }
        if let Some(aurum) = &mut self.aurum {
            aurum.genesis(suite)?;
        }
        if let Some(pools) = &mut self.pools {
            pools.genesis(suite)?;
        }
        Ok(())
    }

    /// At the start of `epoch` (after governance): usage reports, attestation, the AUR pool's
    /// seeding (epoch 0), purchases, redemptions, and this epoch's trade schedule.
    pub fn epoch_start(&mut self, suite: &Suite, epoch: u64) -> AnyResult<()> {
        let now = suite.block_time().seconds();
        if let Some(flux) = &self.flux {
            flux.report_usage(suite, epoch)?;
        }
        if let Some(aurum) = &mut self.aurum {
            aurum.attest(suite, epoch, now)?;
            if epoch == 0 {
                if let Some(pools) = &mut self.pools {
                    pools.seed_aur_pool(suite, aurum)?;
                }
            }
            aurum.purchases_and_redemptions(suite, epoch)?;
        }
        if let Some(pools) = &mut self.pools {
            pools.schedule(epoch, now);
        }
        Ok(())
    }

    /// Runs the trades scheduled up to `time` (advancing the chain to each).
    pub fn trades_until(&mut self, suite: &Suite, time: u64) -> AnyResult<()> {
        match &mut self.pools {
            Some(pools) => pools.trades_until(suite, time),
            None => Ok(()),
        }
    }

    /// After epoch `epoch`'s claims: the NEX/FLX pool is seeded with NEX bought from `miners`.
    pub fn after_claims(
        &mut self,
        suite: &Suite,
        epoch: u64,
        miners: &BTreeMap<String, Addr>,
    ) -> AnyResult<()> {
        match &mut self.pools {
            Some(pools) => pools.after_claims(suite, epoch, miners),
            None => Ok(()),
        }
    }

    /// After epoch `epoch`'s end (PoE closed, claims made): the trades not yet run (an epoch with
    /// no job after them), the controller's rebalance and the snapshots of the reserve and the
    /// pools.
    pub fn epoch_end(&mut self, suite: &Suite, epoch: u64) -> AnyResult<()> {
        self.trades_until(suite, suite.block_time().seconds())?;
        if let Some(flux) = &mut self.flux {
            flux.rebalance(suite, epoch)?;
        }
        if let Some(aurum) = &mut self.aurum {
            aurum.epoch_end(suite, epoch)?;
        }
        if let Some(pools) = &mut self.pools {
            pools.epoch_end(epoch)?;
        }
        Ok(())
    }

    /// FLX paid into the treasury by accepted AUR purchases.
    pub fn aur_payments_flx(&self) -> Uint128 {
        self.aurum
            .as_ref()
            .map_or(Uint128::zero(), |a| a.payments_flx)
    }

    /// NEX the market maker bought from miners.
    pub fn nex_bought_from_miners(&self) -> Uint128 {
        self.pools
            .as_ref()
            .map_or(Uint128::zero(), |p| p.nex_bought_from_miners)
    }

    /// FLX paid to the treasury as the protocol's share of swap fees.
    pub fn protocol_fees_flx(&self) -> Uint128 {
        self.pools
            .as_ref()
            .map_or(Uint128::zero(), |p| p.protocol_fees_flx)
    }

    /// The checks of the three parts, in this order: the controller's, the reserve's, the
    /// pools'.
    pub fn checks(&self) -> Vec<Check> {
        let mut checks = Vec::new();
        checks.extend(self.flux.iter().flat_map(FluxRun::checks));
        checks.extend(self.aurum.iter().flat_map(AurumRun::checks));
        checks.extend(self.pools.iter().flat_map(PoolsRun::checks));
        checks
    }

    /// The report's `flux`, `aurum` and `pools` parts (`None` for a part the scenario leaves
    /// out).
    pub fn into_reports(self) -> (Option<FluxReport>, Option<AurumReport>, Option<PoolsReport>) {
        (
            self.flux.map(|f| f.report),
            self.aurum.map(|a| a.report),
            self.pools.map(|p| p.report),
        )
    }
}
