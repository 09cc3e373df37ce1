//! The `guarantees:` block of a scenario (seed 003's guarantee tokens): guarantors back miners'
//! obligations with collateral valued at the pools' TWAP; the beneficiary holds the claim (a
//! cw20, one token per guarantee) and may sell part of it; each guarantee ends as the scenario
//! says (released, defaulted and redeemed by the claim holders, or liquidated when the
//! collateral's value falls), and price shocks move the pools.

use serde::Deserialize;

use crate::plan::GuaranteeSettings;
use crate::values::{Amount, Dec};

/// `guarantees:` the contract's window and redemption period, who arbitrates and liquidates,
/// the guarantees and the price shocks.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuaranteesConfig {
    /// Seconds of TWAP collateral is valued over (default the contract's 3,600; at least 600).
    #[serde(default)]
    pub twap_window_seconds: Option<u64>,
    /// Seconds claim holders have to redeem after a default (default the contract's 30 days).
    #[serde(default)]
    pub redemption_period_seconds: Option<u64>,
    /// The arbiter of every guarantee (default `arbiter`).
    #[serde(default = "default_arbiter")]
    pub arbiter: String,
    /// Who liquidates a guarantee found below its maintenance ratio at an epoch's start
    /// (default `keeper`).
    #[serde(default = "default_keeper")]
    pub keeper: String,
    /// The guarantees, opened at the start of their epoch.
    #[serde(default)]
    pub open: Vec<GuaranteeSpec>,
    /// Sales into a pool at the start of their epoch that move its price.
    #[serde(default)]
    pub price_shocks: Vec<PriceShock>,
}

fn default_arbiter() -> String {
    "arbiter".into()
}
fn default_keeper() -> String {
    "keeper".into()
}

/// How a guarantee ends.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum GuaranteeOutcome {
    /// The arbiter releases it at the start of `end_epoch` (obligation met): the claims are
    /// retired and the collateral goes back to the guarantor.
    #[default]
    Release,
    /// The arbiter declares a default at the start of `end_epoch`; every holder redeems its
    /// claims; the guarantee is closed after the redemption period (at the end of the run).
    Default,
    /// Nothing is declared: the keeper liquidates it as soon as it is found below its
    /// maintenance ratio at an epoch's start; holders then redeem as after a default.
    Liquidation,
}

/// A part of the claims the beneficiary sells, right after the open.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClaimSale {
    /// The buyer (an FLX holder).
    pub to: String,
    /// Share of the claims sold, in `(0, 1]`.
    pub share: Dec,
    /// FLX paid per claim (a claim is worth up to 1 FLX of coverage).
    pub price: Dec,
}

/// One guarantee.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuaranteeSpec {
    /// The epoch it opens in (at its start).
    pub epoch: u64,
    /// Who posts the collateral (a holder of it).
    pub guarantor: String,
    /// Who receives the claims (a miner, usually).
    pub beneficiary: String,
    /// `NEX`, `AUR` or `FLX`.
    pub collateral: String,
    /// Whole tokens of collateral.
    pub amount: Amount,
    /// FLX covered, whole tokens: the claims minted.
    pub coverage: Amount,
    /// Life in seconds from the open (default 30 days).
    #[serde(default = "default_life")]
    pub life_seconds: u64,
    /// How it ends (default release).
    #[serde(default)]
    pub outcome: GuaranteeOutcome,
    /// The epoch a release or default is declared in (at its start); unused for a
    /// liquidation.
    #[serde(default)]
    pub end_epoch: Option<u64>,
    /// Claims the beneficiary sells after the open.
    #[serde(default)]
    pub sell_claims: Option<ClaimSale>,
    /// Free text for the report.
    #[serde(default)]
    pub note: Option<String>,
}

fn default_life() -> u64 {
    30 * 24 * 3_600
}

/// `seller` sells `share` of the pool's token reserve (at most what it holds) into the pool of
/// `token`/FLX at the start of `epoch`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceShock {
    /// The epoch.
    pub epoch: u64,
    /// `NEX` or `AUR`: the pool `<token>-FLX`.
    pub token: String,
    /// Who sells.
    pub seller: String,
    /// Share of the pool's token reserve sold, in `(0, 1]`.
    pub share: Dec,
}

impl GuaranteesConfig {
    /// The deployment's guarantee contract: this window and redemption period, the default
    /// collaterals.
    pub fn settings(&self) -> GuaranteeSettings {
        GuaranteeSettings {
            twap_window_seconds: self.twap_window_seconds,
            redemption_period_seconds: self.redemption_period_seconds,
            ..GuaranteeSettings::default()
        }
    }

    /// Checks the epochs, tokens and shares; the error is `(field path, message)`.
    pub fn validate(&self, epochs: u64) -> Result<(), (String, String)> {
        let err = |path: String, msg: String| Err((path, msg));
        let epoch_in = |path: String, epoch: u64| -> Result<(), (String, String)> {
            if epoch < epochs {
                Ok(())
            } else {
                Err((
                    path,
                    format!("epoch {epoch} is past the last epoch {}", epochs - 1),
                ))
            }
        };
        let share_ok = |path: String, share: &Dec| -> Result<(), (String, String)> {
            if share.0.is_zero() || share.0 > cosmwasm_std::Decimal::one() {
                Err((path, format!("{} must be above 0 and at most 1", share.0)))
            } else {
                Ok(())
            }
        };
        for (i, g) in self.open.iter().enumerate() {
            let path = |field: &str| format!("guarantees.open[{i}].{field}");
            epoch_in(path("epoch"), g.epoch)?;
            if !["NEX", "AUR", "FLX"].contains(&g.collateral.as_str()) {
                return err(
                    path("collateral"),
                    format!(
                        "{:?}: the listed collaterals are NEX, AUR and FLX",
                        g.collateral
                    ),
                );
            }
            match (g.outcome, g.end_epoch) {
                (GuaranteeOutcome::Liquidation, _) => {}
                (_, None) => {
                    return err(
                        path("end_epoch"),
                        "a release or a default needs the epoch it is declared in".into(),
                    )
                }
                (_, Some(end)) => {
                    epoch_in(path("end_epoch"), end)?;
                    if end <= g.epoch {
                        return err(
                            path("end_epoch"),
                            format!("epoch {end} is not after the open's epoch {}", g.epoch),
                        );
                    }
                }
            }
            if let Some(sale) = &g.sell_claims {
                share_ok(path("sell_claims.share"), &sale.share)?;
            }
        }
        for (i, s) in self.price_shocks.iter().enumerate() {
            epoch_in(format!("guarantees.price_shocks[{i}].epoch"), s.epoch)?;
            if !["NEX", "AUR"].contains(&s.token.as_str()) {
                return err(
                    format!("guarantees.price_shocks[{i}].token"),
                    format!("{:?}: the pools are NEX-FLX and AUR-FLX", s.token),
                );
            }
            share_ok(format!("guarantees.price_shocks[{i}].share"), &s.share)?;
        }
        Ok(())
    }
}
