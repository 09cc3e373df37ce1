//! The `marketplace:` block of a scenario (seed 002's marketplace liquidity pools): who
//! replenishes the deployment's pools (one per token, named `NEX` and `AUR`) and the sales the
//! seller allocates, each released against its FLX price, left to expire, or cancelled.

use serde::Deserialize;

use crate::plan::MarketplaceSettings;
use crate::values::{Amount, Dec};

/// `marketplace:` the pools' replenishments and sales. The deployment opens a pool per token
/// of `pools` (default NEX and AUR) with `seller` as its seller.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarketplaceConfig {
    /// Token labels with a pool, in pool-id order (default `[NEX, AUR]`).
    #[serde(default = "default_pools")]
    pub pools: Vec<String>,
    /// The seller of every pool (default `marketplace_seller`).
    #[serde(default = "default_seller")]
    pub seller: String,
    /// Who expires allocations past their expiry (anyone may; default `keeper`).
    #[serde(default = "default_keeper")]
    pub keeper: String,
    /// How long an allocation is reserved, seconds (default 1,800: half an hourly epoch).
    #[serde(default = "default_allocation_seconds")]
    pub allocation_seconds: u64,
    /// Tokens sent to a pool by cw20 `Send` at the start of their epoch.
    #[serde(default)]
    pub replenish: Vec<ReplenishSpec>,
    /// Allocations made at the start of their epoch (after the replenishments).
    #[serde(default)]
    pub sales: Vec<SaleSpec>,
}

fn default_pools() -> Vec<String> {
    MarketplaceSettings::default().pools
}
fn default_seller() -> String {
    "marketplace_seller".into()
}
fn default_keeper() -> String {
    "keeper".into()
}
fn default_allocation_seconds() -> u64 {
    1_800
}

/// `from` sends `amount` of the pool's token to the pool in `epoch`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReplenishSpec {
    /// The epoch (at its start).
    pub epoch: u64,
    /// The pool's name (its token's label).
    pub pool: String,
    /// Who sends the tokens (a holder of the pool's token).
    pub from: String,
    /// Whole tokens.
    pub amount: Amount,
    /// Free text for the report.
    #[serde(default)]
    pub note: Option<String>,
}

/// What happens to a sale's allocation.
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SaleOutcome {
    /// The buyer pays the price (cw20 `Send` of FLX) halfway to the expiry.
    #[default]
    Release,
    /// Nobody pays; the keeper expires it at the end of the epoch.
    Expire,
    /// The seller cancels it halfway to the expiry.
    Cancel,
}

/// The seller allocates `amount` of `pool` to `buyer` for `amount × price` FLX in `epoch`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SaleSpec {
    /// The epoch (at its start).
    pub epoch: u64,
    /// The pool's name.
    pub pool: String,
    /// The only account that may pay for it (an FLX holder when it is released).
    pub buyer: String,
    /// Whole tokens allocated.
    pub amount: Amount,
    /// FLX per token; the allocation's price is `floor(amount × price)` base units.
    pub price: Dec,
    /// Release (default), expire or cancel.
    #[serde(default)]
    pub outcome: SaleOutcome,
    /// Free text for the report (a refusal the scenario expects, say).
    #[serde(default)]
    pub note: Option<String>,
}

impl MarketplaceConfig {
    /// The deployment's marketplace: these pools, this seller.
    pub fn settings(&self) -> MarketplaceSettings {
        MarketplaceSettings {
            pools: self.pools.clone(),
            sellers: vec![self.seller.clone()],
            max_allocation_seconds: None,
        }
    }

    /// Checks the epochs, pools and bounds; the error is `(field path, message)`.
    pub fn validate(&self, epochs: u64, epoch_length: u64) -> Result<(), (String, String)> {
        let err = |path: String, msg: String| Err((path, msg));
        for (i, p) in self.pools.iter().enumerate() {
            if !["NEX", "AUR", "FLX", "GEN"].contains(&p.as_str()) {
                return err(
                    format!("marketplace.pools[{i}]"),
                    format!("{p:?} is not a token of the suite (NEX, AUR, FLX, GEN)"),
                );
            }
            if self.pools.iter().take(i).any(|q| q == p) {
                return err(format!("marketplace.pools[{i}]"), format!("{p} twice"));
            }
        }
        if self.allocation_seconds == 0 || self.allocation_seconds >= epoch_length {
            return err(
                "marketplace.allocation_seconds".into(),
                format!(
                    "{} s: must be above 0 and below the epoch length ({epoch_length} s), so an allocation ends within its epoch",
                    self.allocation_seconds
                ),
            );
        }
        let pool_of = |path: String, pool: &str| -> Result<(), (String, String)> {
            if self.pools.iter().any(|p| p == pool) {
                Ok(())
            } else {
                Err((path, format!("no pool {pool:?} (pools: {:?})", self.pools)))
            }
        };
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
        for (i, r) in self.replenish.iter().enumerate() {
            epoch_in(format!("marketplace.replenish[{i}].epoch"), r.epoch)?;
            pool_of(format!("marketplace.replenish[{i}].pool"), &r.pool)?;
        }
        for (i, s) in self.sales.iter().enumerate() {
            epoch_in(format!("marketplace.sales[{i}].epoch"), s.epoch)?;
            pool_of(format!("marketplace.sales[{i}].pool"), &s.pool)?;
        }
        Ok(())
    }
}
