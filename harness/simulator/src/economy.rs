//! The rest of the economy around PoE mining, each part only when its scenario block is present:
//! the FLX supply controller ([`crate::flux`]), the AUR reserve ([`crate::aurum`]), the two AMM
//! pools ([`crate::pools`]), the marketplace ([`crate::marketplace`]) and the guarantees
//! ([`crate::guarantees`]). This is their order within a run's epoch, in one place: at the start
//! usage reports, the attestation, (epoch 0) the AUR pool's seeding, purchases and redemptions,
//! the trade schedule, the marketplace's replenishments and sales, the guarantees' shocks,
//! ends, liquidations and opens; trades between the jobs; after the claims the NEX pool's
//! seeding; at the end the last trades, the rebalance, the expiries and the snapshots; after
//! the run the guarantees' closes.

use std::collections::BTreeMap;

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Uint128};
use poe_deploy::Scenario;
use poe_testing::Suite;
use std::collections::BTreeSet;

use crate::aurum::AurumRun;
use crate::flux::FluxRun;
use crate::guarantees::GuaranteesRun;
use crate::marketplace::{MarketplaceRun, MinerNex};
use crate::pools::PoolsRun;
use crate::report::{
    AurumReport, Check, FluxReport, GuaranteesReport, MarketplaceReport, PoolsReport,
};

/// What the three parts do during the run and what they saw.
pub struct EconomyRun {
    flux: Option<FluxRun>,
    aurum: Option<AurumRun>,
    pools: Option<PoolsRun>,
    marketplace: Option<MarketplaceRun>,
    guarantees: Option<GuaranteesRun>,
    /// NEX the miners sent and received through the marketplace and the guarantees.
    pub miner_nex: MinerNex,
}

/// The economy's parts of the report, `None` for a block the scenario leaves out.
pub struct EconomyReports {
    /// The FLX controller.
    pub flux: Option<FluxReport>,
    /// The AUR reserve.
    pub aurum: Option<AurumReport>,
    /// The AMM pools.
    pub pools: Option<PoolsReport>,
    /// The marketplace.
    pub marketplace: Option<MarketplaceReport>,
    /// The guarantees.
    pub guarantees: Option<GuaranteesReport>,
}

impl EconomyRun {
    /// The parts `scenario` states, with epochs of `epoch_length` seconds (PoE mining's);
    /// `miners` are the miners' addresses (for [`EconomyRun::miner_nex`]).
    pub fn new(scenario: &Scenario, epoch_length: u64, miners: BTreeSet<Addr>) -> Self {
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
            marketplace: scenario.marketplace.as_ref().map(MarketplaceRun::new),
            guarantees: scenario.guarantees.as_ref().map(GuaranteesRun::new),
            miner_nex: MinerNex::new(miners),
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
        if let Some(market) = &mut self.marketplace {
            market.genesis(suite)?;
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
        if let Some(market) = &mut self.marketplace {
            market.epoch_start(suite, epoch, &mut self.miner_nex)?;
        }
        if let Some(guarantees) = &mut self.guarantees {
            guarantees.epoch_start(suite, epoch, &mut self.miner_nex)?;
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
        if let Some(market) = &mut self.marketplace {
            market.epoch_end(suite, epoch)?;
        }
        if let Some(guarantees) = &mut self.guarantees {
            guarantees.epoch_end(suite, epoch)?;
        }
        Ok(())
    }

    /// After the run (`last_epoch` its last): the guarantees left defaulted or liquidated are
    /// closed after their redemption period (time moves on).
    pub fn finish(&mut self, suite: &Suite, last_epoch: u64) -> AnyResult<()> {
        if let Some(guarantees) = &mut self.guarantees {
            guarantees.finish(suite, last_epoch, &mut self.miner_nex)?;
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

    /// FLX paid to the treasury as the protocol's share of swap fees (the pools' trades, the
    /// guarantees' price shocks and liquidations).
    pub fn protocol_fees_flx(&self) -> Uint128 {
        self.pools
            .as_ref()
            .map_or(Uint128::zero(), |p| p.protocol_fees_flx)
            + self
                .guarantees
                .as_ref()
                .map_or(Uint128::zero(), |g| g.protocol_fees_flx)
    }

    /// FLX paid to the treasury as the marketplace's proceeds.
    pub fn marketplace_proceeds_flx(&self) -> Uint128 {
        self.marketplace
            .as_ref()
            .map_or(Uint128::zero(), |m| m.proceeds_flx)
    }

    /// The checks of the parts, in this order: the controller's, the reserve's, the pools', the
    /// marketplace's, the guarantees'.
    pub fn checks(&self) -> Vec<Check> {
        let mut checks = Vec::new();
        checks.extend(self.flux.iter().flat_map(FluxRun::checks));
        checks.extend(self.aurum.iter().flat_map(AurumRun::checks));
        checks.extend(self.pools.iter().flat_map(PoolsRun::checks));
        checks.extend(self.marketplace.iter().flat_map(MarketplaceRun::checks));
        checks.extend(self.guarantees.iter().flat_map(GuaranteesRun::checks));
        checks
    }

    /// The report's `flux`, `aurum`, `pools`, `marketplace` and `guarantees` parts.
    pub fn into_reports(self) -> EconomyReports {
        EconomyReports {
            flux: self.flux.map(|f| f.report),
            aurum: self.aurum.map(|a| a.report),
            pools: self.pools.map(|p| p.report),
            marketplace: self.marketplace.map(|m| m.report),
            guarantees: self.guarantees.map(|g| g.report),
        }
    }
}
