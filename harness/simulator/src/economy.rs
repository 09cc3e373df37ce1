//! The rest of the economy around PoE mining: the FLX supply controller following a demand
//! profile, the AUR reserve (attestations, purchases, redemptions) and the two AMM pools (seeded
//! by a market maker, then traded by seeded random traders). Scenario blocks `flx_holders`,
//! `flux_controller`, `aurum` and `pools`; report keys `flux`, `aurum` and `pools`.

use std::collections::BTreeMap;

use anyhow::{Context, Result as AnyResult};
use cosmwasm_std::{to_json_binary, Addr, Decimal, Decimal256, Timestamp, Uint128, Uint256};
use poe_interface::aurum_reserve::MintingHalt;
use poe_interface::flux_controller::{
    DecisionAction, FluxParams, FreezeReason, ReceiveMsg as FluxReceiveMsg, SupplyLimit,
};
use poe_math::flux::{net_demand, DemandWeights, NetworkUsage};
use poe_testing::{token_asset, AurumSettings, FluxSettings, PairHandle, Suite, TokenHandle};
use rand::Rng;
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use serde::{Deserialize, Serialize};

use crate::generate::pick_index;
use crate::report::Check;
use crate::values::{Amount, Dec};

/// Salt of the RNG stream of the pools' trades (independent of the jobs' and actions' streams).
const TRADES_SALT: u64 = 0x7EAD_0000_5EED_0002;
/// At most this many trade errors are kept in the report.
const MAX_TRADE_ERRORS: usize = 20;

// ------------------------------------------------------------------------------------------
// Scenario blocks
// ------------------------------------------------------------------------------------------

/// `flux_controller:` the FLX supply controller's parameters, its reporters, the demand they
/// report epoch by epoch and the FLX burn buffer funded before epoch 0. Its epochs are PoE
/// mining's (same length, same genesis).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FluxConfig {
    /// Weight of the pending gas buffer (default 0.5).
    #[serde(default)]
    pub alpha: Option<Dec>,
    /// Weight of the fee moving average (default 0.3).
    #[serde(default)]
    pub beta: Option<Dec>,
    /// Weight of `queue_length / 1000` (default 0.2).
    #[serde(default)]
    pub gamma: Option<Dec>,
    /// Upper edge of the band (default 1.2).
    #[serde(default)]
    pub expansion_threshold: Option<Dec>,
    /// Lower edge of the band (default 0.8).
    #[serde(default)]
    pub contraction_threshold: Option<Dec>,
    /// Default 0.5.
    #[serde(default)]
    pub elasticity_factor: Option<Dec>,
    /// Largest change per year as a fraction of the supply, scaled to each epoch's length
    /// (default 0.02).
    #[serde(default)]
    pub max_annual_inflation_rate: Option<Dec>,
    /// Fresh reports an expansion needs (default 1).
    #[serde(default)]
    pub min_reports_to_expand: Option<u32>,
    /// Default: the epoch length.
    #[serde(default)]
    pub max_report_age_seconds: Option<u64>,
    /// Reporter names (default `usage_reporter`).
    #[serde(default)]
    pub reporters: Option<Vec<String>>,
    /// `U_net` each epoch's reporters post.
    pub demand: DemandProfile,
    /// FLX sent into the controller's burn buffer before epoch 0 (cw20 `Send` + `FundBuffer`).
    #[serde(default)]
    pub buffer_funding: Option<BufferFunding>,
}

/// `demand: {default: 1.0, epochs: {2: 1.6, 9: ~}}`: `~` means no report (the epoch freezes).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DemandProfile {
    /// `U_net` of an epoch not listed.
    pub default: Dec,
    /// Epochs that differ; `~`: no report.
    #[serde(default)]
    pub epochs: BTreeMap<u64, Option<Dec>>,
}

/// Who funds the burn buffer, with how much FLX (whole tokens).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BufferFunding {
    /// A genesis FLX holder (`flx_holders`).
    pub from: String,
    /// FLX.
    pub amount: Amount,
}

/// `aurum:` the AUR reserve's settings, the custodian's attestations and the purchases.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AurumConfig {
    /// FLX per AUR (default 50).
    #[serde(default)]
    pub price: Option<Dec>,
    /// AUR per gram (default 1).
    #[serde(default)]
    pub aur_per_gram: Option<Amount>,
    /// Reserve value / supply kept (default 1.0).
    #[serde(default)]
    pub backing_ratio: Option<Dec>,
    /// Default one day.
    #[serde(default)]
    pub max_attestation_age_seconds: Option<u64>,
    /// Default `[custodian]`; the first attests.
    #[serde(default)]
    pub custodians: Option<Vec<String>>,
    /// Grams of gold attested at the start of an epoch.
    #[serde(default)]
    pub attestations: BTreeMap<u64, Dec>,
    /// Purchases at the start of their epoch, after its attestation.
    #[serde(default)]
    pub purchases: Vec<PurchaseConfig>,
    /// Redemptions at the start of their epoch, after its purchases.
    #[serde(default)]
    pub redemptions: Vec<RedemptionConfig>,
}

/// One purchase: `buyer` pays `flx` FLX.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurchaseConfig {
    pub epoch: u64,
    pub buyer: String,
    pub flx: Amount,
    #[serde(default)]
    pub note: Option<String>,
}

/// One redemption: `holder` sends `aur` AUR to be burned for gold.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedemptionConfig {
    pub epoch: u64,
    pub holder: String,
    pub aur: Amount,
}

/// `pools:` the seeding of the two pools by a market maker and the random trades.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolsConfig {
    /// The market maker (a genesis FLX holder), default `market_maker`.
    #[serde(default = "default_provider")]
    pub provider: String,
    /// NEX/FLX, seeded after epoch 0's claims.
    #[serde(default)]
    pub nex_flx: Option<NexSeed>,
    /// AUR/FLX, seeded at the start of epoch 0.
    #[serde(default)]
    pub aur_flx: Option<AurSeed>,
    /// Trader names (genesis FLX holders).
    #[serde(default)]
    pub traders: Vec<String>,
    /// Trades per pool per epoch.
    #[serde(default)]
    pub trades_per_epoch: u32,
    /// Largest trade as a fraction of the offered asset's reserve (default 0.02).
    #[serde(default = "default_trade_fraction")]
    pub max_trade_fraction: Dec,
    /// Largest spread accepted (default 0.5).
    #[serde(default = "default_max_spread")]
    pub max_spread: Dec,
}

fn default_provider() -> String {
    "market_maker".into()
}
fn default_trade_fraction() -> Dec {
    Dec(Decimal::percent(2))
}
fn default_max_spread() -> Dec {
    Dec(Decimal::percent(50))
}

/// The market maker buys `nex` NEX over the counter from the miners richest in NEX after epoch
/// 0's claims (each sells at most `max_miner_share` of its NEX), paying `price` FLX per NEX, and
/// deposits the NEX with `nex × price` FLX.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NexSeed {
    pub nex: Amount,
    /// FLX per NEX.
    pub price: Dec,
    #[serde(default = "default_miner_share")]
    pub max_miner_share: Dec,
}

fn default_miner_share() -> Dec {
    Dec(Decimal::percent(50))
}

/// The market maker buys AUR from the reserve with `buy_with_flx` FLX and deposits it with the
/// same FLX amount (the pool opens at the reserve's price).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AurSeed {
    pub buy_with_flx: Amount,
}

impl FluxConfig {
    /// The suite's controller settings, epochs aligned with PoE mining's.
    pub fn settings(&self, epoch_length_seconds: u64) -> FluxSettings {
        let d = FluxSettings::default();
        let p = d.params;
        let pick = |v: &Option<Dec>, dflt: Decimal| v.as_ref().map_or(dflt, |x| x.0);
        FluxSettings {
            params: FluxParams {
                alpha: pick(&self.alpha, p.alpha),
                beta: pick(&self.beta, p.beta),
                gamma: pick(&self.gamma, p.gamma),
                expansion_threshold: pick(&self.expansion_threshold, p.expansion_threshold),
                contraction_threshold: pick(&self.contraction_threshold, p.contraction_threshold),
                elasticity_factor: pick(&self.elasticity_factor, p.elasticity_factor),
                max_annual_inflation_rate: pick(
                    &self.max_annual_inflation_rate,
                    p.max_annual_inflation_rate,
                ),
                epoch_length_seconds,
                max_report_age_seconds: self.max_report_age_seconds.unwrap_or(epoch_length_seconds),
                min_reports_to_expand: self
                    .min_reports_to_expand
                    .unwrap_or(p.min_reports_to_expand),
                ..p
            },
            reporters: self.reporters.clone().unwrap_or(d.reporters),
        }
    }

    /// The `U_net` posted in `epoch` (`None`: no report).
    pub fn demand_of(&self, epoch: u64) -> Option<Decimal> {
        match self.demand.epochs.get(&epoch) {
            Some(v) => v.as_ref().map(|d| d.0),
            None => Some(self.demand.default.0),
        }
    }
}

impl AurumConfig {
    /// The suite's reserve settings.
    pub fn settings(&self) -> AurumSettings {
        let d = AurumSettings::default();
        AurumSettings {
            price: self.price.as_ref().map_or(d.price, |x| x.0),
            aur_per_gram: self.aur_per_gram.as_ref().map_or(d.aur_per_gram, |x| x.0),
            backing_ratio: self.backing_ratio.as_ref().map_or(d.backing_ratio, |x| x.0),
            max_attestation_age_seconds: self
                .max_attestation_age_seconds
                .unwrap_or(d.max_attestation_age_seconds),
            custodians: self.custodians.clone().unwrap_or(d.custodians),
        }
    }
}

/// Semantic checks of the three blocks; the error is `(field path, message)`.
pub fn validate(
    flx_holders: &BTreeMap<String, Amount>,
    flux: Option<&FluxConfig>,
    aurum: Option<&AurumConfig>,
    pools: Option<&PoolsConfig>,
    epochs: u64,
) -> Result<(), (String, String)> {
    let err = |path: String, msg: String| Err((path, msg));
    let holder = |path: String, name: &str| -> Result<(), (String, String)> {
        if flx_holders.contains_key(name) {
            Ok(())
        } else {
            Err((
                path,
                format!("{name:?} holds no FLX at genesis: add it to flx_holders"),
            ))
        }
    };
    if let Some(f) = flux {
        for e in f.demand.epochs.keys() {
            if *e >= epochs {
                return err(
                    format!("flux_controller.demand.epochs.{e}"),
                    format!("epoch {e} is past the last epoch {}", epochs - 1),
                );
            }
        }
        if let Some(b) = &f.buffer_funding {
            holder("flux_controller.buffer_funding.from".into(), &b.from)?;
            if flx_holders.get(&b.from).is_some_and(|h| h.0 < b.amount.0) {
                return err(
                    "flux_controller.buffer_funding.amount".into(),
                    format!("{} FLX is more than {} holds", b.amount, b.from),
                );
            }
        }
        if f.reporters.as_ref().is_some_and(|r| r.is_empty()) {
            return err(
                "flux_controller.reporters".into(),
                "must not be empty".into(),
            );
        }
    }
    if let Some(a) = aurum {
        for e in a.attestations.keys() {
            if *e >= epochs {
                return err(
                    format!("aurum.attestations.{e}"),
                    format!("epoch {e} is past the last epoch {}", epochs - 1),
                );
            }
        }
        if a.custodians.as_ref().is_some_and(|c| c.is_empty()) {
            return err("aurum.custodians".into(), "must not be empty".into());
        }
        for (i, p) in a.purchases.iter().enumerate() {
            if p.epoch >= epochs {
                return err(
                    format!("aurum.purchases[{i}].epoch"),
                    format!("epoch {} is past the last epoch {}", p.epoch, epochs - 1),
                );
            }
            holder(format!("aurum.purchases[{i}].buyer"), &p.buyer)?;
        }
        for (i, r) in a.redemptions.iter().enumerate() {
            if r.epoch >= epochs {
                return err(
                    format!("aurum.redemptions[{i}].epoch"),
                    format!("epoch {} is past the last epoch {}", r.epoch, epochs - 1),
                );
            }
        }
    }
    if let Some(p) = pools {
        if p.nex_flx.is_some() || p.aur_flx.is_some() {
            holder("pools.provider".into(), &p.provider)?;
        }
        if p.aur_flx.is_some() && aurum.is_none_or(|a| !a.attestations.contains_key(&0)) {
            return err(
                "pools.aur_flx".into(),
                "the market maker buys AUR at the start of epoch 0: aurum.attestations needs epoch 0"
                    .into(),
            );
        }
        for (i, t) in p.traders.iter().enumerate() {
            holder(format!("pools.traders[{i}]"), t)?;
        }
        if p.trades_per_epoch > 0 && p.traders.is_empty() {
            return err(
                "pools.traders".into(),
                "trades need at least one trader".into(),
            );
        }
        if p.trades_per_epoch > 1_000 {
            return err(
                "pools.trades_per_epoch".into(),
                "at most 1,000 trades per pool per epoch".into(),
            );
        }
        if p.max_trade_fraction.0 > Decimal::one() || p.max_trade_fraction.0.is_zero() {
            return err(
                "pools.max_trade_fraction".into(),
                "must be in (0, 1]".into(),
            );
        }
        if p.max_spread.0 > Decimal::one() {
            return err("pools.max_spread".into(), "must be in [0, 1]".into());
        }
    }
    Ok(())
}

// ------------------------------------------------------------------------------------------
// Report parts
// ------------------------------------------------------------------------------------------

/// The FLX controller over the run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FluxReport {
    /// The parameters in force (from the contract's config).
    pub params: Option<FluxParams>,
    /// FLX put into the burn buffer before epoch 0.
    pub buffer_funded: Uint128,
    /// Controller totals at the end.
    pub total_minted: Uint128,
    pub total_burned: Uint128,
    pub buffer: Uint128,
    /// One entry per epoch closed by a rebalance.
    pub epochs: Vec<FluxEpoch>,
}

/// One epoch's rebalance.
#[derive(Clone, Debug, Serialize)]
pub struct FluxEpoch {
    pub epoch: u64,
    /// The profile's `U_net` (`None`: no report).
    pub target_u_net: Option<Decimal>,
    /// `U_net` as the contract computed it from the reports.
    pub u_net: Option<Decimal256>,
    /// `expand`, `contract`, `hold` or `frozen (<reason>)`.
    pub action: String,
    /// FLX minted or burned, base units.
    pub amount: Uint128,
    /// The epoch's cap `floor(supply_before × max_annual_inflation_rate × epoch seconds /
    /// 31,557,600)`.
    pub max_delta: Uint128,
    /// What the formula asked for before the bounds.
    pub computed_delta: Uint256,
    /// `max_inflation_rate`, `buffer` or `mint_cap`.
    pub bound_applied: Option<String>,
    pub supply_before: Uint128,
    pub supply_after: Uint128,
    pub buffer_after: Uint128,
}

/// The AUR reserve over the run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct AurumReport {
    pub price: Decimal,
    pub required_backing_ratio: Decimal,
    pub purchases: Vec<PurchaseRecord>,
    pub redemptions: Vec<RedemptionRecord>,
    pub epochs: Vec<AurumEpoch>,
}

/// A purchase, accepted or refused.
#[derive(Clone, Debug, Serialize)]
pub struct PurchaseRecord {
    pub epoch: u64,
    pub buyer: String,
    pub flx: Uint128,
    /// AUR received.
    pub aur: Uint128,
    pub ok: bool,
    pub error: Option<String>,
    pub note: Option<String>,
}

/// A redemption, accepted or refused.
#[derive(Clone, Debug, Serialize)]
pub struct RedemptionRecord {
    pub epoch: u64,
    pub holder: String,
    pub aur: Uint128,
    pub ok: bool,
    pub error: Option<String>,
}

/// The reserve at the end of an epoch (the `backing` query).
#[derive(Clone, Debug, Serialize)]
pub struct AurumEpoch {
    pub epoch: u64,
    /// Milligrams attested at this epoch's start, if any.
    pub attested_mg: Option<Uint128>,
    pub reserve_mg: Uint128,
    pub available_reserve_mg: Uint128,
    pub supply: Uint128,
    pub max_supply: Uint128,
    pub backing_ratio: Option<Decimal256>,
    pub under_backed: bool,
    pub minting_halted: bool,
    pub halt_reason: Option<String>,
    /// Purchases accepted in this epoch.
    pub purchases_ok: u32,
    /// Purchases refused in this epoch.
    pub purchases_refused: u32,
}

/// The pools over the run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct PoolsReport {
    pub provider: String,
    /// How each pool was seeded (or why not).
    pub seeding: Vec<String>,
    pub epochs: Vec<PoolEpoch>,
    pub trade_errors: Vec<String>,
}

/// One pool at the end of one epoch, and its trades in the epoch.
#[derive(Clone, Debug, Serialize)]
pub struct PoolEpoch {
    pub epoch: u64,
    /// `NEX/FLX` or `AUR/FLX`.
    pub pool: String,
    /// Reserve of the non-FLX token, base units.
    pub reserve_token: Uint128,
    pub reserve_flx: Uint128,
    /// FLX per token at the end of the epoch (`reserve_flx / reserve_token`).
    pub spot_price: Option<Decimal>,
    /// FLX per token, time-weighted over the epoch (`twap(epoch_length)`).
    pub twap: Option<Decimal256>,
    /// Why there is no TWAP (the pool's observations do not cover the epoch).
    pub twap_unavailable: Option<String>,
    pub trades: u32,
    pub trades_failed: u32,
    /// FLX side of the trades, base units.
    pub volume_flx: Uint128,
    /// Swap fees (commission) by the asset they were taken in.
    pub fee_flx: Uint128,
    pub fee_token: Uint128,
    /// The protocol's share of them, paid to the treasury.
    pub protocol_fee_flx: Uint128,
    pub protocol_fee_token: Uint128,
}

// ------------------------------------------------------------------------------------------
// The run
// ------------------------------------------------------------------------------------------

struct Pool {
    name: String,
    pair: PairHandle,
    /// Index (0 or 1) of FLX in the pair's order.
    flx_index: usize,
    token: TokenHandle,
    seeded: bool,
    /// This epoch's trades so far.
    cur: PoolEpoch,
}

/// What the three parts do during the run and what they saw.
pub struct EconomyRun {
    flux_cfg: Option<FluxConfig>,
    aurum_cfg: Option<AurumConfig>,
    pools_cfg: Option<PoolsConfig>,
    epoch_length: u64,
    rng: ChaCha8Rng,
    pub flux: Option<FluxReport>,
    pub aurum: Option<AurumReport>,
    pub pools: Option<PoolsReport>,
    pools_rt: Vec<Pool>,
    /// Trade times of the current epoch not yet done: (time, pool index).
    pending: Vec<(u64, usize)>,
    attestation_id: u64,
    attested_this_epoch: Option<Uint128>,
    /// FLX paid into the treasury by accepted purchases.
    pub aur_payments_flx: Uint128,
    /// NEX the market maker bought from miners.
    pub nex_bought_from_miners: Uint128,
    /// FLX paid to the treasury as the protocol's share of swap fees.
    pub protocol_fees_flx: Uint128,
    flux_violations: Vec<String>,
    demand_mismatches: Vec<String>,
    backing_violations: Vec<String>,
    k_violations: Vec<String>,
    sim_mismatches: Vec<String>,
    swaps_checked: u64,
}

fn reason(err: &anyhow::Error) -> String {
    err.root_cause().to_string()
}

fn flx_in_units(pool: &Pool, amounts: [Uint128; 2]) -> (Uint128, Uint128) {
    (amounts[1 - pool.flx_index], amounts[pool.flx_index])
}

impl EconomyRun {
    pub fn new(
        flux: Option<&FluxConfig>,
        aurum: Option<&AurumConfig>,
        pools: Option<&PoolsConfig>,
        seed: u64,
        epoch_length: u64,
    ) -> Self {
        EconomyRun {
            flux_cfg: flux.cloned(),
            aurum_cfg: aurum.cloned(),
            pools_cfg: pools.cloned(),
            epoch_length,
            rng: ChaCha8Rng::seed_from_u64(seed ^ TRADES_SALT),
            flux: flux.map(|_| FluxReport::default()),
            aurum: aurum.map(|_| AurumReport::default()),
            pools: pools.map(|p| PoolsReport {
                provider: p.provider.clone(),
                ..PoolsReport::default()
            }),
            pools_rt: Vec::new(),
            pending: Vec::new(),
            attestation_id: 0,
            attested_this_epoch: None,
            aur_payments_flx: Uint128::zero(),
            protocol_fees_flx: Uint128::zero(),
            nex_bought_from_miners: Uint128::zero(),
            flux_violations: Vec::new(),
            demand_mismatches: Vec::new(),
            backing_violations: Vec::new(),
            k_violations: Vec::new(),
            sim_mismatches: Vec::new(),
            swaps_checked: 0,
        }
    }

    /// Before epoch 0: fund the controller's burn buffer, find the pools.
    pub fn genesis(&mut self, suite: &Suite) -> AnyResult<()> {
        if let (Some(cfg), Some(rep)) = (&self.flux_cfg, &mut self.flux) {
            rep.params = Some(suite.flux.config()?.params);
            if let Some(b) = &cfg.buffer_funding {
                suite
                    .flx
                    .send(
                        &suite.addr(&b.from),
                        &suite.flux.addr,
                        b.amount.0,
                        to_json_binary(&FluxReceiveMsg::FundBuffer {})?,
                    )
                    .context("funding the FLX controller's buffer")?;
                rep.buffer_funded = b.amount.0;
            }
        }
        if let Some(rep) = &mut self.aurum {
            let c = suite.aurum.config()?;
            rep.price = c.price;
            rep.required_backing_ratio = c.backing_ratio;
        }
        if self.pools_cfg.is_some() {
            for (name, token) in [("NEX/FLX", &suite.nex), ("AUR/FLX", &suite.aur)] {
                let pair = suite
                    .amm
                    .pair(token, &suite.flx)
                    .with_context(|| format!("the {name} pair"))?;
                let flx_index = usize::from(pair.assets[1] == token_asset(&suite.flx));
                self.pools_rt.push(Pool {
                    name: name.to_string(),
                    pair,
                    flx_index,
                    token: token.clone(),
                    seeded: false,
                    cur: empty_pool_epoch(0, name),
                });
            }
        }
        Ok(())
    }

    /// At the start of `epoch` (after governance): attestation, usage report, purchases,
    /// redemptions, the AUR pool's seeding (epoch 0), and this epoch's trade schedule.
    pub fn epoch_start(&mut self, suite: &Suite, epoch: u64) -> AnyResult<()> {
        let now = suite.block_time().seconds();
        // the usage report of this epoch
        if let Some(cfg) = &self.flux_cfg {
            if let Some(d) = cfg.demand_of(epoch) {
                let settings = cfg.settings(self.epoch_length);
                for r in &settings.reporters {
                    let (gas, fee, queue) = usage_for(d);
                    suite
                        .flux
                        .report_usage(&suite.addr(r), gas, fee, queue)
                        .with_context(|| format!("usage report of epoch {epoch} by {r}"))?;
                }
            }
        }
        // the custodian's attestation, purchases, redemptions
        self.attested_this_epoch = None;
        if let Some(cfg) = self.aurum_cfg.clone() {
            let custodian = cfg.settings().custodians[0].clone();
            if let Some(grams) = cfg.attestations.get(&epoch) {
                let mg = grams.0.checked_mul(Decimal::from_ratio(1000u64, 1u64))?;
                let mg = mg.to_uint_floor();
                self.attestation_id += 1;
                let hash = format!(
                    "{:064x}",
                    0xA77E_0000_0000u128 + u128::from(self.attestation_id)
                );
                suite
                    .aurum
                    .attest(&suite.addr(&custodian), mg, &hash, now)
                    .with_context(|| format!("attestation of epoch {epoch}"))?;
                self.attested_this_epoch = Some(mg);
            }
            if epoch == 0 {
                self.seed_aur_pool(suite)?;
            }
            for p in cfg.purchases.iter().filter(|p| p.epoch == epoch) {
                self.purchase(suite, epoch, &p.buyer, p.flx.0, p.note.clone())?;
            }
            for r in cfg.redemptions.iter().filter(|r| r.epoch == epoch) {
                let res = suite
                    .aurum
                    .redeem(&suite.aur, &suite.addr(&r.holder), r.aur.0);
                if let Some(rep) = &mut self.aurum {
                    rep.redemptions.push(RedemptionRecord {
                        epoch,
                        holder: r.holder.clone(),
                        aur: r.aur.0,
                        ok: res.is_ok(),
                        error: res.err().map(|e| reason(&e)),
                    });
                }
            }
        }
        // the trades of this epoch, spread over it
        self.pending.clear();
        for (i, pool) in self.pools_rt.iter_mut().enumerate() {
            pool.cur = empty_pool_epoch(epoch, &pool.name);
            let n = self.pools_cfg.as_ref().map_or(0, |p| p.trades_per_epoch);
            for j in 0..n {
                // offset by a third of a slot per pool, never at the epoch's end
                let slot = u128::from(self.epoch_length.saturating_sub(2)) / (u128::from(n) + 1);
                let offset = (u128::from(j) + 1) * slot + slot * i as u128 / 3;
                self.pending.push((now + offset as u64, i));
            }
        }
        self.pending.sort();
        self.pending.reverse(); // pop from the back: earliest first
        Ok(())
    }

    fn purchase(
        &mut self,
        suite: &Suite,
        epoch: u64,
        buyer: &str,
        flx: Uint128,
        note: Option<String>,
    ) -> AnyResult<Uint128> {
        let addr = suite.addr(buyer);
        let before = suite.aur.balance(&addr)?;
        let res = suite.aurum.buy(&suite.flx, &addr, flx);
        let aur = suite.aur.balance(&addr)?.checked_sub(before)?;
        if res.is_ok() {
            self.aur_payments_flx += flx;
            let b = suite.aurum.backing()?;
            if b.supply > b.max_supply {
                self.backing_violations.push(format!(
                    "epoch {epoch}: the purchase by {buyer} took the supply to {} above max_supply {}",
                    b.supply, b.max_supply
                ));
            }
        }
        if let Some(rep) = &mut self.aurum {
            rep.purchases.push(PurchaseRecord {
                epoch,
                buyer: buyer.to_string(),
                flx,
                aur,
                ok: res.is_ok(),
                error: res.err().map(|e| reason(&e)),
                note,
            });
        }
        Ok(aur)
    }

    fn seed_aur_pool(&mut self, suite: &Suite) -> AnyResult<()> {
        let Some(seed) = self.pools_cfg.as_ref().and_then(|p| p.aur_flx.clone()) else {
            return Ok(());
        };
        let provider = self
            .pools_cfg
            .as_ref()
            .map(|p| p.provider.clone())
            .unwrap_or_default();
        let aur = self.purchase(
            suite,
            0,
            &provider,
            seed.buy_with_flx.0,
            Some("the market maker's AUR for the AUR/FLX pool".into()),
        )?;
        let note = if aur.is_zero() {
            "AUR/FLX: not seeded (the market maker's purchase was refused)".to_string()
        } else {
            self.provide(suite, 1, aur, seed.buy_with_flx.0)?;
            format!(
                "AUR/FLX at the start of epoch 0: {} bought {} AUR from the reserve for {} FLX and deposited it with {} FLX",
                provider,
                crate::report::fmt_units(aur.u128(), true),
                crate::report::fmt_units(seed.buy_with_flx.0.u128(), true),
                crate::report::fmt_units(seed.buy_with_flx.0.u128(), true)
            )
        };
        if let Some(rep) = &mut self.pools {
            rep.seeding.push(note);
        }
        Ok(())
    }

    fn provide(
        &mut self,
        suite: &Suite,
        idx: usize,
        token_amount: Uint128,
        flx: Uint128,
    ) -> AnyResult<()> {
        let provider = suite.addr(
            &self
                .pools_cfg
                .as_ref()
                .map(|p| p.provider.clone())
                .unwrap_or_default(),
        );
        let pool = &mut self.pools_rt[idx];
        pool.pair
            .provide(&provider, (&pool.token, token_amount), (&suite.flx, flx))
            .with_context(|| format!("seeding {}", pool.name))?;
        pool.seeded = true;
        Ok(())
    }

    /// Runs the trades scheduled up to `time` (advancing the chain to each).
    pub fn trades_until(&mut self, suite: &Suite, time: u64) -> AnyResult<()> {
        while self.pending.last().is_some_and(|(t, _)| *t <= time) {
            let Some((t, idx)) = self.pending.pop() else {
                break;
            };
            if !self.pools_rt[idx].seeded {
                continue;
            }
            suite.advance_to(Timestamp::from_seconds(t));
            self.trade(suite, idx)?;
        }
        Ok(())
    }

    fn trade(&mut self, suite: &Suite, idx: usize) -> AnyResult<()> {
        let Some(cfg) = self.pools_cfg.clone() else {
            return Ok(());
        };
        let trader_name = cfg.traders[pick_index(&mut self.rng, cfg.traders.len())].clone();
        let trader = suite.addr(&trader_name);
        let sell_token = self.rng.gen_range(0..2u32) == 1;
        let ppm_max = (cfg.max_trade_fraction.0.atomics().u128() / 10u128.pow(12)).max(1) as u64;
        let ppm = u128::from(self.rng.gen_range(1..=ppm_max));
        let pool = &self.pools_rt[idx];
        let before = pool.pair.pool()?;
        let reserves = [before.assets[0].amount, before.assets[1].amount];
        let (r_token, r_flx) = flx_in_units(pool, reserves);
        let pick = |sell_token: bool| -> AnyResult<(bool, Uint128)> {
            let (reserve, offer) = if sell_token {
                (r_token, &pool.token)
            } else {
                (r_flx, &suite.flx)
            };
            let want = reserve.multiply_ratio(ppm, 1_000_000u128);
            let have = offer.balance(&trader)?;
            Ok((sell_token, want.min(have)))
        };
        let (mut side, mut amount) = pick(sell_token)?;
        if amount.is_zero() {
            (side, amount) = pick(!sell_token)?;
        }
        if amount.is_zero() {
            return Ok(());
        }
        let (offer, ask) = if side {
            (pool.token.clone(), suite.flx.clone())
        } else {
            (suite.flx.clone(), pool.token.clone())
        };
        let sim = pool.pair.simulate(&offer, amount)?;
        let ask_before = ask.balance(&trader)?;
        let res = pool
            .pair
            .swap(&trader, &offer, amount, Some(cfg.max_spread.0));
        let epoch = pool.cur.epoch;
        let name = pool.name.clone();
        match res {
            Ok(_) => {
                let received = ask.balance(&trader)?.checked_sub(ask_before)?;
                self.swaps_checked += 1;
                if received != sim.return_amount {
                    self.sim_mismatches.push(format!(
                        "{name} epoch {epoch}: simulated {} received {received}",
                        sim.return_amount
                    ));
                }
                let after = self.pools_rt[idx].pair.pool()?;
                let k_before = Uint256::from(reserves[0]) * Uint256::from(reserves[1]);
                let k_after =
                    Uint256::from(after.assets[0].amount) * Uint256::from(after.assets[1].amount);
                if k_after < k_before {
                    self.k_violations.push(format!(
                        "{name} epoch {epoch}: k fell from {k_before} to {k_after}"
                    ));
                }
                let cur = &mut self.pools_rt[idx].cur;
                cur.trades += 1;
                if side {
                    // sold the token for FLX: fees in FLX
                    cur.volume_flx += received;
                    cur.fee_flx += sim.commission_amount;
                    cur.protocol_fee_flx += sim.protocol_fee_amount;
                    self.protocol_fees_flx += sim.protocol_fee_amount;
                } else {
                    cur.volume_flx += amount;
                    cur.fee_token += sim.commission_amount;
                    cur.protocol_fee_token += sim.protocol_fee_amount;
                }
            }
            Err(err) => {
                self.pools_rt[idx].cur.trades_failed += 1;
                if let Some(rep) = &mut self.pools {
                    if rep.trade_errors.len() < MAX_TRADE_ERRORS {
                        rep.trade_errors.push(format!(
                            "{name} epoch {epoch}: {trader_name} selling {}: {}",
                            amount,
                            reason(&err)
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// After epoch `epoch`'s claims: the NEX/FLX pool is seeded with NEX bought from miners.
    pub fn after_claims(
        &mut self,
        suite: &Suite,
        epoch: u64,
        miners: &BTreeMap<String, Addr>,
    ) -> AnyResult<()> {
        if epoch != 0 {
            return Ok(());
        }
        let Some(cfg) = self.pools_cfg.clone() else {
            return Ok(());
        };
        let Some(seed) = cfg.nex_flx.clone() else {
            return Ok(());
        };
        let mm = suite.addr(&cfg.provider);
        let mut holdings = Vec::new();
        for (name, addr) in miners {
            holdings.push((suite.nex.balance(addr)?, name.clone(), addr.clone()));
        }
        holdings.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
        let mut bought = Uint128::zero();
        let mut paid = Uint128::zero();
        let mut sellers = 0u32;
        for (balance, _, addr) in holdings {
            if bought >= seed.nex.0 {
                break;
            }
            let part = balance
                .mul_floor(seed.max_miner_share.0)
                .min(seed.nex.0 - bought);
            if part.is_zero() {
                continue;
            }
            let flx = part.mul_floor(seed.price.0);
            suite.nex.transfer(&addr, &mm, part)?;
            suite.flx.transfer(&mm, &addr, flx)?;
            bought += part;
            paid += flx;
            self.nex_bought_from_miners += part;
            sellers += 1;
        }
        let note = if bought.is_zero() {
            "NEX/FLX: not seeded (no NEX claimed in epoch 0)".to_string()
        } else {
            self.provide(suite, 0, bought, paid)?;
            format!(
                "NEX/FLX after epoch 0's claims: {} bought {} NEX from {} miners, the richest in NEX (each sold at most {} of its NEX) at {} FLX/NEX and deposited it with the {} FLX it paid",
                cfg.provider,
                crate::report::fmt_units(bought.u128(), true),
                sellers,
                seed.max_miner_share.0,
                seed.price.0,
                crate::report::fmt_units(paid.u128(), true)
            )
        };
        if let Some(rep) = &mut self.pools {
            rep.seeding.push(note);
        }
        Ok(())
    }

    /// After epoch `epoch`'s end (PoE closed, claims made): the controller's rebalance and the
    /// snapshots of the reserve and the pools.
    pub fn epoch_end(&mut self, suite: &Suite, epoch: u64) -> AnyResult<()> {
        // trades not yet run (an epoch with no jobs after them)
        self.trades_until(suite, suite.block_time().seconds())?;
        if let (Some(cfg), Some(rep)) = (&self.flux_cfg, &mut self.flux) {
            let settings = cfg.settings(self.epoch_length);
            let supply_before = suite.flx.total_supply()?;
            suite
                .flux
                .rebalance(&suite.deployer)
                .with_context(|| format!("rebalancing epoch {epoch}"))?;
            let d = suite.flux.decision(epoch)?;
            let supply_after = suite.flx.total_supply()?;
            let status = suite.flux.status()?;
            let target = cfg.demand_of(epoch);
            let max_delta = poe_math::flux::epoch_cap(
                d.supply_before,
                d.max_annual_inflation_rate,
                d.adjustment
                    .as_ref()
                    .map_or(settings.params.epoch_length_seconds, |a| a.epoch_seconds),
            )?;
            let action = match &d.action {
                DecisionAction::Expand => "expand".to_string(),
                DecisionAction::Contract => "contract".to_string(),
                DecisionAction::Hold => "hold".to_string(),
                DecisionAction::Frozen { reason } => format!(
                    "frozen ({})",
                    match reason {
                        FreezeReason::MissingReports {} => "no report",
                        FreezeReason::StaleReports { .. } => "stale reports",
                        FreezeReason::NotMinter { .. } => "not the minter",
                        FreezeReason::BelowQuorum { .. } => "below quorum",
                    }
                ),
            };
            // checks: cap, direction, supply bookkeeping, U_net recomputed
            let u = d.net_demand();
            let upper = Decimal256::from(d.expansion_threshold);
            let lower = Decimal256::from(d.contraction_threshold);
            let direction_ok = match (&d.action, u) {
                (DecisionAction::Expand, Some(u)) => u > upper,
                (DecisionAction::Contract, Some(u)) => u < lower,
                (DecisionAction::Hold, Some(u)) => u >= lower && u <= upper,
                (DecisionAction::Frozen { .. }, _) => d.amount.is_zero() && target.is_none(),
                _ => false,
            };
            let expected_supply = match d.action {
                DecisionAction::Expand => supply_before.checked_add(d.amount)?,
                DecisionAction::Contract => supply_before.checked_sub(d.amount)?,
                _ => supply_before,
            };
            if d.amount > max_delta || !direction_ok || supply_after != expected_supply {
                self.flux_violations.push(format!(
                    "epoch {epoch}: {action} {} with U_net {u:?}, cap {max_delta}, supply {supply_before} -> {supply_after}",
                    d.amount
                ));
            }
            if let Some(t) = target {
                let (gas, fee, queue) = usage_for(t);
                let usage = NetworkUsage {
                    pending_gas_buffer: gas,
                    tx_fee_moving_average: fee,
                    queue_length: queue,
                };
                let p = &settings.params;
                let expected = net_demand(
                    &vec![usage; settings.reporters.len()],
                    &DemandWeights {
                        alpha: p.alpha,
                        beta: p.beta,
                        gamma: p.gamma,
                    },
                )?;
                if u != Some(expected.net_demand) {
                    self.demand_mismatches.push(format!(
                        "epoch {epoch}: contract {u:?}, poe_math {}",
                        expected.net_demand
                    ));
                }
            }
            rep.epochs.push(FluxEpoch {
                epoch,
                target_u_net: target,
                u_net: u,
                action,
                amount: d.amount,
                max_delta,
                computed_delta: d.computed_delta(),
                bound_applied: d.bound_applied.as_ref().map(|b| {
                    match b {
                        SupplyLimit::MaxInflationRate => "max_inflation_rate",
                        SupplyLimit::Buffer => "buffer",
                        SupplyLimit::MintCap => "mint_cap",
                    }
                    .to_string()
                }),
                supply_before,
                supply_after,
                buffer_after: status.buffer,
            });
            rep.total_minted = status.total_minted;
            rep.total_burned = status.total_burned;
            rep.buffer = status.buffer;
        }
        if let Some(rep) = &mut self.aurum {
            let b = suite.aurum.backing()?;
            let ok = rep
                .purchases
                .iter()
                .filter(|p| p.epoch == epoch && p.ok)
                .count() as u32;
            let refused = rep
                .purchases
                .iter()
                .filter(|p| p.epoch == epoch && !p.ok)
                .count() as u32;
            if ok > 0 {
                let required = Decimal256::from(b.required_backing_ratio);
                let fine = b
                    .backing_ratio
                    .is_some_and(|r| r >= required && r >= Decimal256::one());
                if !fine {
                    self.backing_violations.push(format!(
                        "epoch {epoch}: backing {:?} below the required {} after a purchase",
                        b.backing_ratio, b.required_backing_ratio
                    ));
                }
            }
            rep.epochs.push(AurumEpoch {
                epoch,
                attested_mg: self.attested_this_epoch,
                reserve_mg: b.reserve_mg,
                available_reserve_mg: b.available_reserve_mg,
                supply: b.supply,
                max_supply: b.max_supply,
                backing_ratio: b.backing_ratio,
                under_backed: b.under_backed,
                minting_halted: b.minting_halted,
                halt_reason: b.halt_reason.map(|h| match h {
                    MintingHalt::NoAttestation {} => "no attestation".to_string(),
                    MintingHalt::AttesterRemoved { .. } => "attester removed".to_string(),
                    MintingHalt::StaleAttestation { .. } => "stale attestation".to_string(),
                    MintingHalt::UnderBacked { .. } => "under-backed".to_string(),
                }),
                purchases_ok: ok,
                purchases_refused: refused,
            });
        }
        for idx in 0..self.pools_rt.len() {
            let pool = &self.pools_rt[idx];
            let snap = pool.pair.pool()?;
            let (r_token, r_flx) =
                flx_in_units(pool, [snap.assets[0].amount, snap.assets[1].amount]);
            let mut cur = pool.cur.clone();
            cur.epoch = epoch;
            cur.reserve_token = r_token;
            cur.reserve_flx = r_flx;
            cur.spot_price = (!r_token.is_zero()).then(|| Decimal::from_ratio(r_flx, r_token));
            if pool.seeded {
                match pool.pair.twap(self.epoch_length) {
                    Ok(t) => {
                        // the token's price in FLX: asset 0's average when the token is asset 0
                        cur.twap = Some(if pool.flx_index == 1 {
                            t.price0_average
                        } else {
                            t.price1_average
                        });
                    }
                    Err(e) => cur.twap_unavailable = Some(e.to_string()),
                }
            } else {
                cur.twap_unavailable = Some("not seeded".into());
            }
            if let Some(rep) = &mut self.pools {
                rep.epochs.push(cur);
            }
            self.pools_rt[idx].cur = empty_pool_epoch(epoch + 1, &self.pools_rt[idx].name);
        }
        Ok(())
    }

    /// The checks of the three parts.
    pub fn checks(&self) -> Vec<Check> {
        let mut checks = Vec::new();
        let list = |v: &[String], ok_text: String| {
            if v.is_empty() {
                ok_text
            } else {
                v.join("; ")
            }
        };
        if let Some(rep) = &self.flux {
            checks.push(Check {
                name: "every FLX supply change is at most the epoch's cap (max_annual_inflation_rate x supply, scaled to the epoch), in the band's direction".into(),
                ok: self.flux_violations.is_empty(),
                detail: list(
                    &self.flux_violations,
                    format!(
                        "{} epochs: minted {}, burned {}",
                        rep.epochs.len(),
                        rep.total_minted,
                        rep.total_burned
                    ),
                ),
            });
            checks.push(Check {
                name: "the controller's U_net equals poe_math::flux on the reports posted".into(),
                ok: self.demand_mismatches.is_empty(),
                detail: list(
                    &self.demand_mismatches,
                    format!(
                        "{} epochs with reports",
                        rep.epochs
                            .iter()
                            .filter(|e| e.target_u_net.is_some())
                            .count()
                    ),
                ),
            });
        }
        if let Some(rep) = &self.aurum {
            checks.push(Check {
                name: "AUR backing >= the required ratio (>= 100 %) after every epoch with a purchase; no purchase exceeds max_supply".into(),
                ok: self.backing_violations.is_empty(),
                detail: list(
                    &self.backing_violations,
                    format!(
                        "{} purchases accepted, {} refused",
                        rep.purchases.iter().filter(|p| p.ok).count(),
                        rep.purchases.iter().filter(|p| !p.ok).count()
                    ),
                ),
            });
        }
        if self.pools.is_some() {
            checks.push(Check {
                name: "k = x * y never falls across a swap".into(),
                ok: self.k_violations.is_empty(),
                detail: list(&self.k_violations, format!("{} swaps", self.swaps_checked)),
            });
            checks.push(Check {
                name: "every swap returned exactly its simulation".into(),
                ok: self.sim_mismatches.is_empty(),
                detail: list(
                    &self.sim_mismatches,
                    format!("{} swaps", self.swaps_checked),
                ),
            });
        }
        checks
    }
}

fn empty_pool_epoch(epoch: u64, name: &str) -> PoolEpoch {
    PoolEpoch {
        epoch,
        pool: name.to_string(),
        reserve_token: Uint128::zero(),
        reserve_flx: Uint128::zero(),
        spot_price: None,
        twap: None,
        twap_unavailable: None,
        trades: 0,
        trades_failed: 0,
        volume_flx: Uint128::zero(),
        fee_flx: Uint128::zero(),
        fee_token: Uint128::zero(),
        protocol_fee_flx: Uint128::zero(),
        protocol_fee_token: Uint128::zero(),
    }
}

/// The usage whose `U_net` is `d` when the weights sum to 1: gas buffer = fee average = `d`,
/// queue = `round(d × 1000)`.
fn usage_for(d: Decimal) -> (Decimal, Decimal, u64) {
    let queue = d
        .checked_mul(Decimal::from_ratio(1000u64, 1u64))
        .map(|q| q.to_uint_floor().u128() as u64 + u64::from(q - q.floor() >= Decimal::percent(50)))
        .unwrap_or(0);
    (d, d, queue)
}

// ------------------------------------------------------------------------------------------
// Rendering
// ------------------------------------------------------------------------------------------

fn units(v: Uint128) -> String {
    crate::report::fmt_units(v.u128(), true)
}

fn d256(v: Option<Decimal256>, places: u32) -> String {
    match v.and_then(|d| Decimal::try_from(d).ok()) {
        Some(d) => crate::report::fmt_dec(d, places),
        None => "-".into(),
    }
}

fn grams(mg: Uint128) -> String {
    let mg = mg.u128();
    format!("{}.{:03}", mg / 1000, mg % 1000)
}

/// The three sections of the human report (empty for the parts the scenario leaves out).
pub fn render(
    o: &mut String,
    flux: Option<&FluxReport>,
    aurum: Option<&AurumReport>,
    pools: Option<&PoolsReport>,
) {
    use std::fmt::Write as _;
    if let Some(f) = flux {
        let (band, k, rate) = f.params.as_ref().map_or_else(Default::default, |p| {
            (
                format!("[{}, {}]", p.contraction_threshold, p.expansion_threshold),
                p.elasticity_factor.to_string(),
                p.max_annual_inflation_rate.to_string(),
            )
        });
        let _ = writeln!(
            o,
            "FLX supply controller: band {band}, elasticity {k}, cap {rate} of the supply per year (scaled to each epoch); burn buffer funded with {} FLX",
            units(f.buffer_funded)
        );
        let _ = writeln!(
            o,
            "epoch   U_net  action                   amount FLX          cap FLX  bound                FLX supply after        buffer FLX"
        );
        for e in &f.epochs {
            let sign = match e.action.as_str() {
                "expand" => "+",
                "contract" => "-",
                _ => " ",
            };
            let _ = writeln!(
                o,
                "{:>5}  {:>6}  {:<18} {}{:>16} {:>16}  {:<18} {:>18} {:>17}",
                e.epoch,
                d256(e.u_net, 3),
                e.action,
                sign,
                units(e.amount),
                units(e.max_delta),
                e.bound_applied.as_deref().unwrap_or("-"),
                units(e.supply_after),
                units(e.buffer_after)
            );
        }
        let _ = writeln!(
            o,
            "  minted {} FLX to the treasury, burned {} FLX from the buffer",
            units(f.total_minted),
            units(f.total_burned)
        );
        let _ = writeln!(o);
    }
    if let Some(a) = aurum {
        let _ = writeln!(
            o,
            "AUR reserve: {} FLX per AUR, required backing {} (reserve value / supply)",
            a.price, a.required_backing_ratio
        );
        let _ = writeln!(
            o,
            "epoch   attested g    reserve g  available g        AUR supply        max supply  backing  halted"
        );
        for e in &a.epochs {
            let _ = writeln!(
                o,
                "{:>5} {:>12} {:>12} {:>12} {:>17} {:>17} {:>8}  {}",
                e.epoch,
                e.attested_mg.map_or("-".into(), grams),
                grams(e.reserve_mg),
                grams(e.available_reserve_mg),
                units(e.supply),
                units(e.max_supply),
                d256(e.backing_ratio, 4),
                match (&e.minting_halted, &e.halt_reason) {
                    (true, Some(r)) => format!("yes ({r})"),
                    (true, None) => "yes".into(),
                    _ => "no".into(),
                }
            );
        }
        for p in &a.purchases {
            let what = if p.ok {
                format!("bought {} AUR", units(p.aur))
            } else {
                format!("REFUSED: {}", p.error.as_deref().unwrap_or("?"))
            };
            let _ = writeln!(
                o,
                "  epoch {:>2} purchase by {} of {} FLX: {}{}",
                p.epoch,
                p.buyer,
                units(p.flx),
                what,
                p.note
                    .as_ref()
                    .map(|n| format!("  ({n})"))
                    .unwrap_or_default()
            );
        }
        for r in &a.redemptions {
            let _ = writeln!(
                o,
                "  epoch {:>2} redemption by {} of {} AUR: {}",
                r.epoch,
                r.holder,
                units(r.aur),
                if r.ok {
                    "burned, gold owed".to_string()
                } else {
                    format!("REFUSED: {}", r.error.as_deref().unwrap_or("?"))
                }
            );
        }
        let _ = writeln!(o);
    }
    if let Some(p) = pools {
        let _ = writeln!(
            o,
            "Pools (x * y = k; prices in FLX per token; TWAP over the epoch; fees = commission, of which the protocol's share goes to the treasury)"
        );
        for s in &p.seeding {
            let _ = writeln!(o, "  {s}");
        }
        let _ = writeln!(
            o,
            "epoch pool      reserve token      reserve FLX      spot      TWAP  trades     volume FLX     fee FLX   fee token  to treasury FLX / token"
        );
        for e in &p.epochs {
            let _ = writeln!(
                o,
                "{:>5} {:<8} {:>14} {:>16} {:>9} {:>9} {:>4}{:<3} {:>14} {:>11} {:>11}  {} / {}",
                e.epoch,
                e.pool,
                units(e.reserve_token),
                units(e.reserve_flx),
                e.spot_price
                    .map_or("-".into(), |d| crate::report::fmt_dec(d, 4)),
                d256(e.twap, 4),
                e.trades,
                if e.trades_failed > 0 {
                    format!("+{}!", e.trades_failed)
                } else {
                    String::new()
                },
                units(e.volume_flx),
                units(e.fee_flx),
                units(e.fee_token),
                units(e.protocol_fee_flx),
                units(e.protocol_fee_token),
            );
        }
        for e in &p.trade_errors {
            let _ = writeln!(o, "  refused trade: {e}");
        }
        let _ = writeln!(o);
    }
}
