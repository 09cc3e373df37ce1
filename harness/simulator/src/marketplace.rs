//! The marketplace during a run (scenario block `marketplace`, report key `marketplace`): at
//! the start of each epoch its replenishments (cw20 `Send` to the pool), then its sales: the
//! seller allocates, and a block later the buyer pays (release) or the seller cancels; at the
//! end of the epoch the keeper expires the allocations left open (their expiry has passed) and
//! tries once more on each settled one (refused: settled exactly once). Each pool is then read
//! and `available + reserved` compared with the marketplace's balance of its token.

use std::collections::BTreeSet;

use anyhow::{anyhow, Context, Result as AnyResult};
use cosmwasm_std::{Addr, Uint128};
use poe_deploy::scenario::{MarketplaceConfig, SaleOutcome};
use poe_interface::marketplace::AllocationStatus;
use poe_testing::{Suite, TokenHandle, BLOCK_SECONDS};

use crate::report::marketplace::{MarketEvent, MarketPoolEpoch, MarketplaceReport};
use crate::report::{reason, Check};

/// One pool: its name, id and token.
struct Pool {
    name: String,
    id: u64,
    token: TokenHandle,
}

/// An allocation made this epoch, waiting for its keeper's expiry.
struct Pending {
    allocation_id: u64,
    event: usize,
}

/// NEX that left or reached the miners through the marketplace and the guarantees, measured
/// per transaction on the miners' balances (the run-wide check of the miners' NEX adds it).
#[derive(Clone, Debug, Default)]
pub struct MinerNex {
    miners: BTreeSet<Addr>,
    /// NEX the miners sent (replenishments, collateral, sales into a pool).
    pub out: Uint128,
    /// NEX the miners received (purchases, returned collateral, redemptions).
    pub into: Uint128,
}

impl MinerNex {
    /// The ledger of `miners`.
    pub fn new(miners: BTreeSet<Addr>) -> Self {
        MinerNex {
            miners,
            ..MinerNex::default()
        }
    }

    /// The NEX balances of `accounts` (miners only are kept).
    pub fn before(&self, suite: &Suite, accounts: &[&Addr]) -> AnyResult<Vec<(Addr, Uint128)>> {
        accounts
            .iter()
            .filter(|a| self.miners.contains(**a))
            .map(|a| Ok(((*a).clone(), suite.nex.balance(a)?)))
            .collect()
    }

    /// Adds the change of each balance read by [`MinerNex::before`].
    pub fn after(&mut self, suite: &Suite, before: Vec<(Addr, Uint128)>) -> AnyResult<()> {
        for (addr, was) in before {
            let now = suite.nex.balance(&addr)?;
            if now > was {
                self.into += now - was;
            } else {
                self.out += was - now;
            }
        }
        Ok(())
    }
}

/// The marketplace's part of a run and what it saw.
pub struct MarketplaceRun {
    cfg: MarketplaceConfig,
    pools: Vec<Pool>,
    pending: Vec<Pending>,
    /// The report's `marketplace` part.
    pub report: MarketplaceReport,
    /// FLX the treasury received as proceeds (the prices of released allocations).
    pub proceeds_flx: Uint128,
    violations: Vec<String>,
    settled: u64,
}

impl MarketplaceRun {
    /// The marketplace of `cfg`.
    pub fn new(cfg: &MarketplaceConfig) -> Self {
        MarketplaceRun {
            cfg: cfg.clone(),
            pools: Vec::new(),
            pending: Vec::new(),
            report: MarketplaceReport::default(),
            proceeds_flx: Uint128::zero(),
            violations: Vec::new(),
            settled: 0,
        }
    }

    /// Before epoch 0: the deployment's pools, by name.
    pub fn genesis(&mut self, suite: &Suite) -> AnyResult<()> {
        for pool in suite.marketplace.all_pools()? {
            let token = suite
                .tokens()
                .into_iter()
                .find(|t| t.addr == pool.token)
                .ok_or_else(|| anyhow!("pool {} holds an unknown token", pool.name))?
                .clone();
            self.pools.push(Pool {
                name: pool.name,
                id: pool.id,
                token,
            });
        }
        Ok(())
    }

    fn pool(&self, name: &str) -> AnyResult<&Pool> {
        self.pools
            .iter()
            .find(|p| p.name == name)
            .ok_or_else(|| anyhow!("the marketplace has no pool {name}"))
    }

    /// At the start of `epoch`: the replenishments, the allocations, and a block later the
    /// releases and cancellations.
    pub fn epoch_start(&mut self, suite: &Suite, epoch: u64, nex: &mut MinerNex) -> AnyResult<()> {
        for r in self
            .cfg
            .replenish
            .clone()
            .iter()
            .filter(|r| r.epoch == epoch)
        {
            let pool = self.pool(&r.pool)?;
            let from = suite.addr(&r.from);
            let before = nex.before(suite, &[&from])?;
            let res = suite
                .marketplace
                .replenish(&pool.token, &from, pool.id, r.amount.0);
            nex.after(suite, before)?;
            self.report.events.push(MarketEvent {
                epoch,
                pool: r.pool.clone(),
                kind: "replenish".into(),
                account: r.from.clone(),
                amount: r.amount.0,
                price: Uint128::zero(),
                allocation_id: None,
                result: res.map_or_else(
                    |e| format!("refused: {}", reason(&e)),
                    |_| "replenished".into(),
                ),
                note: r.note.clone(),
            });
        }
        let seller = suite.addr(&self.cfg.seller);
        let expires_at = suite.block_time().plus_seconds(self.cfg.allocation_seconds);
        let mut settle_now = Vec::new();
        for s in self.cfg.sales.clone().iter().filter(|s| s.epoch == epoch) {
            let pool_id = self.pool(&s.pool)?.id;
            let buyer = suite.addr(&s.buyer);
            let price = s.amount.0.mul_floor(s.price.0);
            let before = suite.marketplace.pool(pool_id)?;
            let res = suite
                .marketplace
                .allocate(&seller, pool_id, s.amount.0, &buyer, price, expires_at);
            let kind = match s.outcome {
                SaleOutcome::Release => "release",
                SaleOutcome::Expire => "expire",
                SaleOutcome::Cancel => "cancel",
            };
            let mut event = MarketEvent {
                epoch,
                pool: s.pool.clone(),
                kind: kind.into(),
                account: s.buyer.clone(),
                amount: s.amount.0,
                price,
                allocation_id: None,
                result: String::new(),
                note: s.note.clone(),
            };
            match res {
                Ok(r) => {
                    let id = attribute(&r, "allocation_id")?;
                    event.allocation_id = Some(id);
                    event.result = "allocated".into();
                    let index = self.report.events.len();
                    self.report.events.push(event);
                    match s.outcome {
                        SaleOutcome::Expire => self.pending.push(Pending {
                            allocation_id: id,
                            event: index,
                        }),
                        _ => settle_now.push((index, id, s.outcome, buyer)),
                    }
                }
                Err(e) => {
                    event.result = format!("refused: {}", reason(&e));
                    self.report.events.push(event);
                    if suite.marketplace.pool(pool_id)? != before {
                        self.violations.push(format!(
                            "epoch {epoch}: a refused allocation of {} changed pool {}",
                            s.amount.0, s.pool
                        ));
                    }
                }
            }
        }
        if settle_now.is_empty() {
            return Ok(());
        }
        suite.advance_time(BLOCK_SECONDS);
        for (index, id, outcome, buyer) in settle_now {
            let allocation = suite.marketplace.allocation(id)?;
            let pool = self
                .pools
                .iter()
                .find(|p| p.id == allocation.pool_id)
                .ok_or_else(|| anyhow!("allocation {id} of an unknown pool"))?;
            let result = if outcome == SaleOutcome::Release {
                let recipient = suite.marketplace.pool(pool.id)?.recipient;
                let paid_before = suite.flx.balance(&recipient)?;
                let got_before = pool.token.balance(&buyer)?;
                let miners = nex.before(suite, &[&buyer])?;
                let res = suite
                    .marketplace
                    .release(&suite.flx, &buyer, id, allocation.price);
                nex.after(suite, miners)?;
                match res {
                    Ok(_) => {
                        let paid = suite.flx.balance(&recipient)? - paid_before;
                        let got = pool.token.balance(&buyer)? - got_before;
                        if paid != allocation.price || got != allocation.amount {
                            self.violations.push(format!(
                                "allocation {id}: the recipient got {paid} FLX for a price of {}, the buyer {got} of {}",
                                allocation.price, allocation.amount
                            ));
                        }
                        self.proceeds_flx += paid;
                        "released".to_string()
                    }
                    Err(e) => format!("refused: {}", reason(&e)),
                }
            } else {
                match suite.marketplace.cancel(&seller, id) {
                    Ok(_) => "cancelled".to_string(),
                    Err(e) => format!("refused: {}", reason(&e)),
                }
            };
            self.settle_once_more(suite, id)?;
            if let Some(event) = self.report.events.get_mut(index) {
                event.result = result;
            }
        }
        Ok(())
    }

    /// A settled allocation `id` is never settled again: the keeper's expiry must be refused
    /// and change nothing.
    fn settle_once_more(&mut self, suite: &Suite, id: u64) -> AnyResult<()> {
        let allocation = suite.marketplace.allocation(id)?;
        if allocation.status == AllocationStatus::Open {
            return Ok(());
        }
        self.settled += 1;
        let pool = suite.marketplace.pool(allocation.pool_id)?;
        let keeper = suite.addr(&self.cfg.keeper);
        if suite.marketplace.expire(&keeper, id).is_ok()
            || suite.marketplace.allocation(id)? != allocation
            || suite.marketplace.pool(allocation.pool_id)? != pool
        {
            self.violations.push(format!(
                "allocation {id} ({}) was settled a second time",
                allocation.status
            ));
        }
        Ok(())
    }

    /// At the end of `epoch`: the keeper expires this epoch's unpaid allocations, then every
    /// pool is read.
    pub fn epoch_end(&mut self, suite: &Suite, epoch: u64) -> AnyResult<()> {
        let keeper = suite.addr(&self.cfg.keeper);
        for p in std::mem::take(&mut self.pending) {
            let result = match suite.marketplace.expire(&keeper, p.allocation_id) {
                Ok(_) => "expired".to_string(),
                Err(e) => format!("refused: {}", reason(&e)),
            };
            self.settle_once_more(suite, p.allocation_id)?;
            if let Some(event) = self.report.events.get_mut(p.event) {
                event.result = result;
            }
        }
        for pool in &self.pools {
            let state = suite
                .marketplace
                .pool(pool.id)
                .with_context(|| format!("pool {}", pool.name))?;
            let balance = pool.token.balance(&suite.marketplace.addr)?;
            if state.available + state.reserved != balance {
                self.violations.push(format!(
                    "epoch {epoch} pool {}: available {} + reserved {} != balance {balance}",
                    pool.name, state.available, state.reserved
                ));
            }
            self.report.epochs.push(MarketPoolEpoch {
                epoch,
                pool: pool.name.clone(),
                available: state.available,
                reserved: state.reserved,
                balance,
                pending_allocations: state.pending_allocations,
                total_replenished: state.total_replenished,
                total_released: state.total_released,
                total_proceeds: state.total_proceeds,
            });
        }
        Ok(())
    }

    /// The marketplace's checks.
    pub fn checks(&self) -> Vec<Check> {
        let allocations = self
            .report
            .events
            .iter()
            .filter(|e| e.allocation_id.is_some())
            .count();
        let open = self
            .report
            .epochs
            .iter()
            .rev()
            .take(self.pools.len())
            .map(|e| e.pending_allocations)
            .sum::<u32>();
        vec![Check::listing(
            "marketplace: available + reserved = the balance held, every epoch; each allocation settled (released, expired or cancelled) exactly once; refused allocations change nothing; each release paid its price to the recipient and the tokens to the buyer",
            &self.violations,
            format!(
                "{} pool-epochs, {allocations} allocations, {} settled once, {open} open at the end, {} FLX of proceeds",
                self.report.epochs.len(),
                self.settled,
                crate::report::fmt_units(self.proceeds_flx.u128(), true)
            ),
        )]
    }
}

/// The `u64` attribute `key` of the response's wasm events.
pub fn attribute(res: &poe_testing::cw_multi_test::AppResponse, key: &str) -> AnyResult<u64> {
    res.events
        .iter()
        .flat_map(|e| e.attributes.iter())
        .find(|a| a.key == key)
        .ok_or_else(|| anyhow!("no {key} attribute"))?
        .value
        .parse()
        .with_context(|| format!("the {key} attribute"))
}
