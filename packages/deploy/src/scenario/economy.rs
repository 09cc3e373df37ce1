//! The economy blocks of a scenario around PoE mining: `flux_controller` (the FLX supply
//! controller's parameters, reporters, demand profile and burn buffer), `aurum` (the AUR reserve's
//! settings, attestations, purchases and redemptions) and `pools` (the NEX/FLX and AUR/FLX pools'
//! seeding and trades), with the deployment settings they make.

use std::collections::BTreeMap;

use cosmwasm_std::Decimal;
use poe_interface::flux_controller::FluxParams;
use serde::Deserialize;

use crate::plan::{AurumSettings, FluxSettings};
use crate::values::{Amount, Dec};

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
    /// Made at the start of this epoch, after its attestation.
    pub epoch: u64,
    /// Who buys (a genesis FLX holder).
    pub buyer: String,
    /// FLX paid, whole tokens.
    pub flx: Amount,
    /// Why this purchase is here (shown in the report).
    #[serde(default)]
    pub note: Option<String>,
}

/// One redemption: `holder` sends `aur` AUR to be burned for gold.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RedemptionConfig {
    /// Made at the start of this epoch, after its purchases.
    pub epoch: u64,
    /// Who redeems.
    pub holder: String,
    /// AUR burned, whole tokens.
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
    /// NEX bought from the miners and deposited, whole tokens.
    pub nex: Amount,
    /// FLX per NEX.
    pub price: Dec,
    /// The largest share of its NEX a miner sells (default 0.5).
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
    /// FLX paid to the reserve, and deposited with the AUR bought, whole tokens.
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

/// Semantic checks of the three blocks and the FLX holders they name; the error is `(field
/// path, message)`.
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
