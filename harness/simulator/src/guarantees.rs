//! The guarantees during a run (scenario block `guarantees`, report key `guarantees`). At the
//! start of each epoch, in this order: the price shocks (a sale into a pool), the releases and
//! defaults the scenario declares for the epoch, the keeper's sweep (every open guarantee below
//! its maintenance ratio is liquidated), the holders' redemptions after each default or
//! liquidation, then the epoch's opens (the guarantor `Send`s the collateral; the beneficiary
//! sells part of its claims for FLX). At the end of each epoch every guarantee is read and the
//! contract's totals compared with them; after the run the defaulted and liquidated ones are
//! closed once their redemption period is over, and each guarantor's returns are compared with
//! what the claims took.

use anyhow::{anyhow, Context, Result as AnyResult};
use cosmwasm_std::{Addr, Uint128};
use poe_deploy::scenario::{GuaranteeOutcome, GuaranteeSpec, GuaranteesConfig};
use poe_interface::guarantee::{AssetInfo, GuaranteeResponse, GuaranteeStatus};
use poe_math::guarantee::{liquidation_fee, redemption};
use poe_testing::{open_msg, token_asset, Cw20Handle, Handle, Suite, SwapBounds, TokenHandle};

use crate::marketplace::{attribute, MinerNex};
use crate::report::guarantees::{GuaranteeEpoch, GuaranteeEvent, GuaranteesReport};
use crate::report::{fmt_units, reason, Check};

/// One guarantee the run opened.
struct Tracked {
    spec: GuaranteeSpec,
    id: u64,
    claim_token: Cw20Handle,
    /// The beneficiary, then the buyer of claims (if any): who redeems.
    holders: Vec<Addr>,
    /// Paid to the holders, base units of the set-aside asset.
    paid: Uint128,
    /// Returned to the guarantor: the collateral (release, default) or FLX (liquidation).
    returned: Uint128,
    /// FLX a liquidation's sale brought in.
    flx_received: Uint128,
    /// How it ended so far: `released`, `defaulted`, `liquidated`, `closed`.
    ended: Option<GuaranteeStatus>,
    closed: bool,
}

/// The guarantees' part of a run and what it saw.
pub struct GuaranteesRun {
    cfg: GuaranteesConfig,
    tracked: Vec<Tracked>,
    /// The report's `guarantees` part.
    pub report: GuaranteesReport,
    /// FLX the treasury received as protocol fees of the swaps made here (price shocks and
    /// liquidations).
    pub protocol_fees_flx: Uint128,
    violations: Vec<String>,
    redemptions: u64,
}

fn token_of<'a>(suite: &'a Suite, asset: &AssetInfo) -> AnyResult<&'a TokenHandle> {
    suite
        .tokens()
        .into_iter()
        .find(|t| token_asset(t) == *asset)
        .ok_or_else(|| anyhow!("{asset} is not a token of the suite"))
}

fn token_by_label<'a>(suite: &'a Suite, label: &str) -> AnyResult<&'a TokenHandle> {
    suite
        .tokens()
        .into_iter()
        .find(|t| t.symbol == label)
        .ok_or_else(|| anyhow!("no token {label}"))
}

impl GuaranteesRun {
    /// The guarantees of `cfg`.
    pub fn new(cfg: &GuaranteesConfig) -> Self {
        GuaranteesRun {
            cfg: cfg.clone(),
            tracked: Vec::new(),
            report: GuaranteesReport::default(),
            protocol_fees_flx: Uint128::zero(),
            violations: Vec::new(),
            redemptions: 0,
        }
    }

    fn event(&mut self, epoch: u64, id: Option<u64>, kind: &str, detail: String) {
        self.report.events.push(GuaranteeEvent {
            epoch,
            guarantee_id: id,
            kind: kind.into(),
            detail,
        });
    }

    /// At the start of `epoch` (see the module docs for the order).
    pub fn epoch_start(&mut self, suite: &Suite, epoch: u64, nex: &mut MinerNex) -> AnyResult<()> {
        for shock in self
            .cfg
            .price_shocks
            .clone()
            .iter()
            .filter(|s| s.epoch == epoch)
        {
            let token = token_by_label(suite, &shock.token)?;
            let pair = suite.amm.pair(token, &suite.flx)?;
            let reserve = pair
                .pool()?
                .assets
                .iter()
                .find(|a| a.info == token_asset(token))
                .map(|a| a.amount)
                .unwrap_or_default();
            let seller = suite.addr(&shock.seller);
            let amount = reserve
                .mul_floor(shock.share.0)
                .min(token.balance(&seller)?);
            let price_before = pair.pool()?;
            let miners = nex.before(suite, &[&seller])?;
            let fees = suite.flx.balance(&suite.treasury.addr)?;
            let res = pair.swap_asset(
                &seller,
                token_asset(token).with_amount(amount),
                &SwapBounds::any_spread(),
            );
            nex.after(suite, miners)?;
            self.protocol_fees_flx += suite.flx.balance(&suite.treasury.addr)? - fees;
            let detail = match res {
                Ok(_) => {
                    let after = pair.pool()?;
                    let spot = |p: &poe_interface::amm::pair::PoolResponse| {
                        let t = p.assets.iter().find(|a| a.info == token_asset(token));
                        let f = p.assets.iter().find(|a| a.info == token_asset(&suite.flx));
                        match (t, f) {
                            (Some(t), Some(f)) if !t.amount.is_zero() => crate::report::fmt_dec(
                                cosmwasm_std::Decimal::from_ratio(f.amount, t.amount),
                                4,
                            ),
                            _ => "-".into(),
                        }
                    };
                    format!(
                        "{} sold {} {} into {}-FLX: spot {} -> {} FLX",
                        shock.seller,
                        fmt_units(amount.u128(), true),
                        shock.token,
                        shock.token,
                        spot(&price_before),
                        spot(&after)
                    )
                }
                Err(e) => format!("refused: {}", reason(&e)),
            };
            self.event(epoch, None, "price_shock", detail);
        }

        // the declared ends
        let arbiter = suite.addr(&self.cfg.arbiter);
        for i in 0..self.tracked.len() {
            let t = &self.tracked[i];
            if t.ended.is_some() || t.spec.end_epoch != Some(epoch) {
                continue;
            }
            match t.spec.outcome {
                GuaranteeOutcome::Release => self.release(suite, epoch, i, &arbiter, nex)?,
                GuaranteeOutcome::Default => self.default(suite, epoch, i, &arbiter, nex)?,
                GuaranteeOutcome::Liquidation => {}
            }
        }
        // the keeper's sweep
        let keeper = suite.addr(&self.cfg.keeper);
        for i in 0..self.tracked.len() {
            if self.tracked[i].ended.is_some() {
                continue;
            }
            let id = self.tracked[i].id;
            let Ok(health) = suite.guarantee.health(id) else {
                continue;
            };
            if health.liquidatable {
                self.liquidate(suite, epoch, i, &keeper, nex)?;
            }
        }
        // the opens
        for spec in self.cfg.open.clone().iter().filter(|g| g.epoch == epoch) {
            self.open(suite, epoch, spec, nex)?;
        }
        Ok(())
    }

    fn open(
        &mut self,
        suite: &Suite,
        epoch: u64,
        spec: &GuaranteeSpec,
        nex: &mut MinerNex,
    ) -> AnyResult<()> {
        let token = token_by_label(suite, &spec.collateral)?;
        let guarantor = suite.addr(&spec.guarantor);
        let beneficiary = suite.addr(&spec.beneficiary);
        let msg = open_msg(
            &beneficiary,
            spec.coverage.0,
            suite.block_time().plus_seconds(spec.life_seconds),
            &suite.addr(&self.cfg.arbiter),
        );
        let totals = suite.guarantee.totals()?;
        let miners = nex.before(suite, &[&guarantor])?;
        let res = suite.guarantee.open(token, &guarantor, spec.amount.0, msg);
        nex.after(suite, miners)?;
        let res = match res {
            Ok(r) => r,
            Err(e) => {
                if suite.guarantee.totals()? != totals {
                    self.violations
                        .push(format!("epoch {epoch}: a refused open changed the totals"));
                }
                let detail = format!(
                    "{} with {} {} covering {} FLX for {}: refused: {}{}",
                    spec.guarantor,
                    fmt_units(spec.amount.0.u128(), true),
                    spec.collateral,
                    fmt_units(spec.coverage.0.u128(), true),
                    spec.beneficiary,
                    reason(&e),
                    spec.note
                        .as_ref()
                        .map_or(String::new(), |n| format!(" ({n})"))
                );
                self.event(epoch, None, "open", detail);
                return Ok(());
            }
        };
        let id = attribute(&res, "guarantee_id")?;
        let g = suite.guarantee.guarantee(id)?;
        let claim_token: Cw20Handle = Handle::new(suite.app.clone(), g.claim_token.clone());
        let minted = claim_token.balance(&beneficiary)?;
        if minted != spec.coverage.0 || claim_token.total_supply()? != spec.coverage.0 {
            self.violations.push(format!(
                "guarantee {id}: {minted} claims minted to the beneficiary for a coverage of {}",
                spec.coverage.0
            ));
        }
        let value = suite.guarantee.collateral_value(id)?;
        self.event(
            epoch,
            Some(id),
            "open",
            format!(
                "{} backs {} with {} {} (worth {} FLX at the {} s TWAP) covering {} FLX; claim token {} minted {} claims",
                spec.guarantor,
                spec.beneficiary,
                fmt_units(spec.amount.0.u128(), true),
                spec.collateral,
                fmt_units(value.value.u128(), true),
                value.window_seconds,
                fmt_units(spec.coverage.0.u128(), true),
                g.claim_token,
                fmt_units(minted.u128(), true)
            ),
        );
        let mut holders = vec![beneficiary.clone()];
        if let Some(sale) = &spec.sell_claims {
            let buyer = suite.addr(&sale.to);
            let claims = minted.mul_floor(sale.share.0);
            let pay = claims.mul_floor(sale.price.0);
            let detail = match claim_token
                .transfer(&beneficiary, &buyer, claims)
                .and_then(|_| suite.flx.transfer(&buyer, &beneficiary, pay))
            {
                Ok(_) => {
                    holders.push(buyer);
                    format!(
                        "{} sold {} claims to {} for {} FLX",
                        spec.beneficiary,
                        fmt_units(claims.u128(), true),
                        sale.to,
                        fmt_units(pay.u128(), true)
                    )
                }
                Err(e) => format!("refused: {}", reason(&e)),
            };
            self.event(epoch, Some(id), "sell_claims", detail);
        }
        self.tracked.push(Tracked {
            spec: spec.clone(),
            id,
            claim_token,
            holders,
            paid: Uint128::zero(),
            returned: Uint128::zero(),
            flx_received: Uint128::zero(),
            ended: None,
            closed: false,
        });
        Ok(())
    }

    /// The guarantor's balance of `asset` (to measure what comes back).
    fn guarantor_balance(suite: &Suite, t: &Tracked, asset: &AssetInfo) -> AnyResult<Uint128> {
        Ok(token_of(suite, asset)?.balance(&suite.addr(&t.spec.guarantor))?)
    }

    fn release(
        &mut self,
        suite: &Suite,
        epoch: u64,
        i: usize,
        arbiter: &Addr,
        nex: &mut MinerNex,
    ) -> AnyResult<()> {
        let t = &self.tracked[i];
        let g = suite.guarantee.guarantee(t.id)?;
        let before = Self::guarantor_balance(suite, t, &g.collateral_asset)?;
        let miners = nex.before(suite, &[&suite.addr(&t.spec.guarantor)])?;
        let res = suite.guarantee.release(arbiter, t.id);
        nex.after(suite, miners)?;
        let id = t.id;
        let detail = match res {
            Ok(_) => {
                let back =
                    Self::guarantor_balance(suite, &self.tracked[i], &g.collateral_asset)? - before;
                let supply = self.tracked[i].claim_token.total_supply()?;
                if supply != Uint128::zero() {
                    self.violations.push(format!(
                        "guarantee {id}: {supply} claims left after its release"
                    ));
                }
                let t = &mut self.tracked[i];
                t.returned += back;
                t.ended = Some(GuaranteeStatus::Released);
                t.closed = true;
                self.twice(suite, id, "release", |s| s.guarantee.release(arbiter, id))?;
                format!(
                    "the arbiter released it: {} {} back to the guarantor, the claims retired",
                    fmt_units(back.u128(), true),
                    self.tracked[i].spec.collateral
                )
            }
            Err(e) => format!("refused: {}", reason(&e)),
        };
        self.event(epoch, Some(id), "release", detail);
        Ok(())
    }

    fn default(
        &mut self,
        suite: &Suite,
        epoch: u64,
        i: usize,
        arbiter: &Addr,
        nex: &mut MinerNex,
    ) -> AnyResult<()> {
        let t = &self.tracked[i];
        let id = t.id;
        let g = suite.guarantee.guarantee(id)?;
        let before = Self::guarantor_balance(suite, t, &g.collateral_asset)?;
        let miners = nex.before(suite, &[&suite.addr(&t.spec.guarantor)])?;
        let res = suite.guarantee.declare_default(arbiter, id);
        nex.after(suite, miners)?;
        match res {
            Ok(_) => {
                let back =
                    Self::guarantor_balance(suite, &self.tracked[i], &g.collateral_asset)? - before;
                let after = suite.guarantee.guarantee(id)?;
                let t = &mut self.tracked[i];
                t.returned += back;
                t.ended = Some(GuaranteeStatus::Defaulted);
                let detail = format!(
                    "the arbiter declared a default: {} {} set aside for the claims, {} back to the guarantor",
                    fmt_units(after.set_aside.u128(), true),
                    t.spec.collateral,
                    fmt_units(back.u128(), true)
                );
                self.event(epoch, Some(id), "default", detail);
                self.redeem_all(suite, epoch, i, nex)?;
            }
            Err(e) => {
                self.event(
                    epoch,
                    Some(id),
                    "default",
                    format!("refused: {}", reason(&e)),
                );
            }
        }
        Ok(())
    }

    fn liquidate(
        &mut self,
        suite: &Suite,
        epoch: u64,
        i: usize,
        keeper: &Addr,
        nex: &mut MinerNex,
    ) -> AnyResult<()> {
        let t = &self.tracked[i];
        let id = t.id;
        let g = suite.guarantee.guarantee(id)?;
        let health = suite.guarantee.health(id)?;
        let config = suite.guarantee.config()?;
        let collateral_token = token_of(suite, &g.collateral_asset)?;
        let flx_before = suite.flx.balance(&suite.guarantee.addr)?;
        let guarantor_flx = suite.flx.balance(&suite.addr(&t.spec.guarantor))?;
        let keeper_before = collateral_token.balance(keeper)?;
        let fees = suite.flx.balance(&suite.treasury.addr)?;
        let miners = nex.before(suite, &[keeper, &suite.addr(&t.spec.guarantor)])?;
        let res = suite.guarantee.liquidate(keeper, id);
        nex.after(suite, miners)?;
        self.protocol_fees_flx += suite.flx.balance(&suite.treasury.addr)? - fees;
        match res {
            Ok(_) => {
                let after = suite.guarantee.guarantee(id)?;
                let fee = collateral_token.balance(keeper)? - keeper_before;
                let surplus = suite
                    .flx
                    .balance(&suite.addr(&self.tracked[i].spec.guarantor))?
                    - guarantor_flx;
                let received = suite.flx.balance(&suite.guarantee.addr)? + surplus - flx_before;
                if fee != liquidation_fee(g.collateral, config.liquidation_fee_bps) {
                    self.violations.push(format!(
                        "guarantee {id}: the keeper's fee was {fee}, not {} bps of {}",
                        config.liquidation_fee_bps, g.collateral
                    ));
                }
                if after.set_aside != received.min(g.coverage) {
                    self.violations.push(format!(
                        "guarantee {id}: {} FLX set aside of {received} received for a coverage of {}",
                        after.set_aside, g.coverage
                    ));
                }
                let t = &mut self.tracked[i];
                t.returned += surplus;
                t.flx_received = received;
                t.ended = Some(GuaranteeStatus::Liquidated);
                let detail = format!(
                    "the keeper liquidated it at a health of {} (maintenance {}): fee {} {}, sale {} FLX, {} FLX set aside, {} FLX surplus to the guarantor",
                    health.health_ratio.map_or("-".into(), |h| crate::report::fmt_dec(h, 3)),
                    health.maintenance_ratio,
                    fmt_units(fee.u128(), true),
                    t.spec.collateral,
                    fmt_units(received.u128(), true),
                    fmt_units(after.set_aside.u128(), true),
                    fmt_units(surplus.u128(), true)
                );
                self.event(epoch, Some(id), "liquidate", detail);
                self.redeem_all(suite, epoch, i, nex)?;
            }
            Err(e) => {
                self.event(
                    epoch,
                    Some(id),
                    "liquidate",
                    format!("refused: {}", reason(&e)),
                );
            }
        }
        Ok(())
    }

    /// Every holder of guarantee `i`'s claims redeems all of them; each payment is checked
    /// against `redemption(remaining, outstanding, amount)`.
    fn redeem_all(
        &mut self,
        suite: &Suite,
        epoch: u64,
        i: usize,
        nex: &mut MinerNex,
    ) -> AnyResult<()> {
        let id = self.tracked[i].id;
        for holder in self.tracked[i].holders.clone() {
            let t = &self.tracked[i];
            let amount = t.claim_token.balance(&holder)?;
            if amount.is_zero() {
                continue;
            }
            let g = suite.guarantee.guarantee(id)?;
            let asset = g
                .set_aside_asset
                .clone()
                .ok_or_else(|| anyhow!("guarantee {id} has no set-aside asset"))?;
            let token = token_of(suite, &asset)?;
            let expected = redemption(g.set_aside_remaining, g.claims_outstanding, amount)?;
            let before = token.balance(&holder)?;
            let miners = nex.before(suite, &[&holder])?;
            let res = suite.guarantee.redeem(&t.claim_token, &holder, id, amount);
            nex.after(suite, miners)?;
            let name = suite_name(suite, &holder, &t.spec);
            let detail = match res {
                Ok(_) => {
                    let paid = token.balance(&holder)? - before;
                    self.redemptions += 1;
                    if paid != expected {
                        self.violations.push(format!(
                            "guarantee {id}: {name} was paid {paid} for {amount} claims, pro rata is {expected}"
                        ));
                    }
                    self.tracked[i].paid += paid;
                    format!(
                        "{name} redeemed {} claims for {} {}",
                        fmt_units(amount.u128(), true),
                        fmt_units(paid.u128(), true),
                        token.symbol
                    )
                }
                Err(e) => format!("refused: {}", reason(&e)),
            };
            self.event(epoch, Some(id), "redeem", detail);
        }
        Ok(())
    }

    /// A second `what` of guarantee `id` must be refused and change nothing.
    fn twice(
        &mut self,
        suite: &Suite,
        id: u64,
        what: &str,
        f: impl FnOnce(&Suite) -> AnyResult<poe_testing::cw_multi_test::AppResponse>,
    ) -> AnyResult<()> {
        let (before, totals) = (suite.guarantee.guarantee(id)?, suite.guarantee.totals()?);
        if f(suite).is_ok()
            || suite.guarantee.guarantee(id)? != before
            || suite.guarantee.totals()? != totals
        {
            self.violations
                .push(format!("guarantee {id}: a second {what} was accepted"));
        }
        Ok(())
    }

    /// At the end of `epoch`: every guarantee not closed, and the contract's totals against
    /// them.
    pub fn epoch_end(&mut self, suite: &Suite, epoch: u64) -> AnyResult<()> {
        let all = suite.guarantee.all_guarantees()?;
        let totals = suite.guarantee.totals()?;
        self.check_totals(suite, epoch, &all, &totals)?;
        for g in &all {
            if matches!(
                g.status,
                GuaranteeStatus::Released | GuaranteeStatus::Closed
            ) {
                continue;
            }
            let label = token_of(suite, &g.collateral_asset)?.symbol.clone();
            let health = if g.status == GuaranteeStatus::Open {
                suite.guarantee.health(g.id).ok()
            } else {
                None
            };
            self.report.epochs.push(GuaranteeEpoch {
                epoch,
                guarantee_id: g.id,
                collateral_token: label,
                status: g.status.to_string(),
                collateral: g.collateral,
                coverage: g.coverage,
                claims_outstanding: g.claims_outstanding,
                set_aside_remaining: g.set_aside_remaining,
                value: health.as_ref().map(|h| h.value),
                health_ratio: health.as_ref().and_then(|h| h.health_ratio),
                liquidatable: health.is_some_and(|h| h.liquidatable),
            });
        }
        Ok(())
    }

    /// Collateral held = the open guarantees' collateral, per asset; the contract's balance =
    /// held + what is set aside for claims; each claim token's supply = its claims outstanding,
    /// and their sum the contract's.
    fn check_totals(
        &mut self,
        suite: &Suite,
        epoch: u64,
        all: &[GuaranteeResponse],
        totals: &poe_interface::guarantee::TotalsResponse,
    ) -> AnyResult<()> {
        for token in suite.tokens() {
            let asset = token_asset(token);
            let held = totals
                .held
                .iter()
                .find(|h| h.asset == asset)
                .map(|h| h.amount)
                .unwrap_or_default();
            let open: Uint128 = all
                .iter()
                .filter(|g| g.status == GuaranteeStatus::Open && g.collateral_asset == asset)
                .map(|g| g.collateral)
                .sum();
            let set_aside: Uint128 = all
                .iter()
                .filter(|g| g.set_aside_asset.as_ref() == Some(&asset))
                .map(|g| g.set_aside_remaining)
                .sum();
            let balance = token.balance(&suite.guarantee.addr)?;
            if held != open || balance != held + set_aside {
                self.violations.push(format!(
                    "epoch {epoch} {}: held {held}, open guarantees' collateral {open}, balance {balance} vs held + set aside {set_aside}",
                    token.symbol
                ));
            }
        }
        let mut sum = Uint128::zero();
        for g in all {
            let claim: Cw20Handle = Handle::new(suite.app.clone(), g.claim_token.clone());
            let supply = claim.total_supply()?;
            sum += g.claims_outstanding;
            if supply != g.claims_outstanding {
                self.violations.push(format!(
                    "epoch {epoch} guarantee {}: claim supply {supply} vs claims outstanding {}",
                    g.id, g.claims_outstanding
                ));
            }
        }
        if sum != totals.claims_outstanding {
            self.violations.push(format!(
                "epoch {epoch}: claims outstanding {sum} vs the contract's total {}",
                totals.claims_outstanding
            ));
        }
        Ok(())
    }

    /// After the last epoch: time moves past the redemption period, the keeper closes every
    /// defaulted or liquidated guarantee (the rest goes to its guarantor), and each guarantor's
    /// returns are compared with what the claims took.
    pub fn finish(&mut self, suite: &Suite, epoch: u64, nex: &mut MinerNex) -> AnyResult<()> {
        if !self.tracked.iter().any(|t| {
            matches!(
                t.ended,
                Some(GuaranteeStatus::Defaulted | GuaranteeStatus::Liquidated)
            )
        }) {
            return self.check_returns();
        }
        let period = suite.guarantee.config()?.redemption_period_seconds;
        suite.advance_time(period + poe_testing::BLOCK_SECONDS);
        let keeper = suite.addr(&self.cfg.keeper);
        for i in 0..self.tracked.len() {
            let t = &self.tracked[i];
            if t.closed
                || !matches!(
                    t.ended,
                    Some(GuaranteeStatus::Defaulted | GuaranteeStatus::Liquidated)
                )
            {
                continue;
            }
            let id = t.id;
            let g = suite.guarantee.guarantee(id)?;
            let asset = g.set_aside_asset.clone().context("set-aside asset")?;
            let before = Self::guarantor_balance(suite, t, &asset)?;
            let miners = nex.before(suite, &[&suite.addr(&t.spec.guarantor)])?;
            let res = suite.guarantee.close(&keeper, id);
            nex.after(suite, miners)?;
            let detail = match res {
                Ok(_) => {
                    let back = Self::guarantor_balance(suite, &self.tracked[i], &asset)? - before;
                    self.tracked[i].returned += back;
                    self.tracked[i].closed = true;
                    self.twice(suite, id, "close", |s| s.guarantee.close(&keeper, id))?;
                    format!(
                        "after the redemption period: {} {} left went back to the guarantor",
                        fmt_units(back.u128(), true),
                        token_of(suite, &asset)?.symbol
                    )
                }
                Err(e) => format!("refused: {}", reason(&e)),
            };
            self.event(epoch, Some(id), "close", detail);
        }
        let (all, totals) = (suite.guarantee.all_guarantees()?, suite.guarantee.totals()?);
        self.check_totals(suite, epoch, &all, &totals)?;
        self.check_returns()
    }

    /// A claim never pays more than its guarantee's collateral (or its sale's FLX); the
    /// guarantor gets back exactly what no claim took (the liquidator's fee aside).
    fn check_returns(&mut self) -> AnyResult<()> {
        for t in &self.tracked {
            if !t.closed {
                continue;
            }
            let collateral = t.spec.amount.0;
            let (pool, what) = match t.ended {
                Some(GuaranteeStatus::Liquidated) => (t.flx_received, "the sale's FLX"),
                _ => (collateral, "the collateral"),
            };
            if t.paid > pool || t.paid + t.returned != pool {
                self.violations.push(format!(
                    "guarantee {}: claims took {}, the guarantor got back {}, of {what} {pool}",
                    t.id, t.paid, t.returned
                ));
            }
        }
        Ok(())
    }

    /// The guarantees' checks.
    pub fn checks(&self) -> Vec<Check> {
        let ended = |s: GuaranteeStatus| self.tracked.iter().filter(|t| t.ended == Some(s)).count();
        vec![Check::listing(
            "guarantees: collateral held = the open guarantees' collateral and the balance = held + set aside, every epoch; each claim token's supply = its claims outstanding; every redemption paid its pro rata share and nothing twice; no claim paid more than its guarantee's collateral; each guarantor got back exactly what no claim took",
            &self.violations,
            format!(
                "{} guarantees: {} released, {} defaulted, {} liquidated; {} redemptions; {} closed",
                self.tracked.len(),
                ended(GuaranteeStatus::Released),
                ended(GuaranteeStatus::Defaulted),
                ended(GuaranteeStatus::Liquidated),
                self.redemptions,
                self.tracked.iter().filter(|t| t.closed).count()
            ),
        )]
    }
}

/// The scenario name of `addr` among the guarantee's parties.
fn suite_name(suite: &Suite, addr: &Addr, spec: &GuaranteeSpec) -> String {
    let mut names = vec![spec.beneficiary.clone(), spec.guarantor.clone()];
    if let Some(s) = &spec.sell_claims {
        names.push(s.to.clone());
    }
    names
        .into_iter()
        .find(|n| suite.addr(n) == *addr)
        .unwrap_or_else(|| addr.to_string())
}
