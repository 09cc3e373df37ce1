//! The AUR reserve during a run (scenario block `aurum`, report key `aurum`): at an epoch's
//! start the first custodian attests the grams listed, then that epoch's purchases (cw20 `Send`
//! of FLX + `Buy`) and redemptions run; a refused one is reported with the contract's error.
//! After every epoch the reserve's `backing` is read and, after a purchase, checked.

use anyhow::{anyhow, Context, Result as AnyResult};
use cosmwasm_std::{Decimal, Decimal256, Uint128};
use poe_deploy::scenario::AurumConfig;
use poe_interface::aurum_reserve::MintingHalt;
use poe_testing::Suite;

use crate::report::aurum::{AurumEpoch, AurumReport, PurchaseRecord, RedemptionRecord};
use crate::report::{reason, Check};

/// The reserve's part of a run and what it saw.
pub struct AurumRun {
    cfg: AurumConfig,
    /// The custodian who attests (the first of the deployed custodians).
    custodian: Option<String>,
    /// The report's `aurum` part, filled in as the run goes.
    pub report: AurumReport,
    attestation_id: u64,
    attested_this_epoch: Option<Uint128>,
    /// FLX paid into the treasury by accepted purchases.
    pub payments_flx: Uint128,
    backing_violations: Vec<String>,
}

impl AurumRun {
    /// The reserve of `cfg`.
    pub fn new(cfg: &AurumConfig) -> Self {
        AurumRun {
            cfg: cfg.clone(),
            custodian: cfg.settings().custodians.first().cloned(),
            report: AurumReport::default(),
            attestation_id: 0,
            attested_this_epoch: None,
            payments_flx: Uint128::zero(),
            backing_violations: Vec::new(),
        }
    }

    /// Before epoch 0: the price and the required backing in force.
    pub fn genesis(&mut self, suite: &Suite) -> AnyResult<()> {
        let c = suite.aurum.config()?;
        self.report.price = c.price;
        self.report.required_backing_ratio = c.backing_ratio;
        Ok(())
    }

    /// At the start of `epoch` (block time `now`): the custodian's attestation of the grams the
    /// scenario lists for it, if any.
    pub fn attest(&mut self, suite: &Suite, epoch: u64, now: u64) -> AnyResult<()> {
        self.attested_this_epoch = None;
        let Some(grams) = self.cfg.attestations.get(&epoch) else {
            return Ok(());
        };
        let custodian = self
            .custodian
            .as_deref()
            .ok_or_else(|| anyhow!("the AUR reserve has no custodian to attest"))?;
        let mg = grams
            .0
            .checked_mul(Decimal::from_ratio(1000u64, 1u64))?
            .to_uint_floor();
        self.attestation_id += 1;
        let hash = format!(
            "{:064x}",
            0xA77E_0000_0000u128 + u128::from(self.attestation_id)
        );
        suite
            .aurum
            .attest(&suite.addr(custodian), mg, &hash, now)
            .with_context(|| format!("attestation of epoch {epoch}"))?;
        self.attested_this_epoch = Some(mg);
        Ok(())
    }

    /// At the start of `epoch`, after the attestation: the scenario's purchases, then its
    /// redemptions.
    pub fn purchases_and_redemptions(&mut self, suite: &Suite, epoch: u64) -> AnyResult<()> {
        let purchases: Vec<_> = self
            .cfg
            .purchases
            .iter()
            .filter(|p| p.epoch == epoch)
            .cloned()
            .collect();
        for p in purchases {
            self.purchase(suite, epoch, &p.buyer, p.flx.0, p.note)?;
        }
        for r in self.cfg.redemptions.iter().filter(|r| r.epoch == epoch) {
            let res = suite
                .aurum
                .redeem(&suite.aur, &suite.addr(&r.holder), r.aur.0);
            self.report.redemptions.push(RedemptionRecord {
                epoch,
                holder: r.holder.clone(),
                aur: r.aur.0,
                ok: res.is_ok(),
                error: res.err().map(|e| reason(&e)),
            });
        }
        Ok(())
    }

    /// `buyer` pays `flx` FLX for AUR (recorded, accepted or refused); returns the AUR received.
    pub fn purchase(
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
            self.payments_flx += flx;
            let b = suite.aurum.backing()?;
            if b.supply > b.max_supply {
                self.backing_violations.push(format!(
                    "epoch {epoch}: the purchase by {buyer} took the supply to {} above max_supply {}",
                    b.supply, b.max_supply
                ));
            }
        }
        self.report.purchases.push(PurchaseRecord {
            epoch,
            buyer: buyer.to_string(),
            flx,
            aur,
            ok: res.is_ok(),
            error: res.err().map(|e| reason(&e)),
            note,
        });
        Ok(aur)
    }

    /// After the end of `epoch`: the reserve's backing, checked when the epoch had a purchase.
    pub fn epoch_end(&mut self, suite: &Suite, epoch: u64) -> AnyResult<()> {
        let b = suite.aurum.backing()?;
        let rep = &mut self.report;
        let in_epoch = |ok: bool| {
            rep.purchases
                .iter()
                .filter(|p| p.epoch == epoch && p.ok == ok)
                .count() as u32
        };
        let (ok, refused) = (in_epoch(true), in_epoch(false));
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
        Ok(())
    }

    /// The reserve's check: backed after every purchase, never above `max_supply`.
    pub fn checks(&self) -> Vec<Check> {
        let rep = &self.report;
        vec![Check::listing(
            "AUR backing >= the required ratio (>= 100 %) after every epoch with a purchase; no purchase exceeds max_supply",
            &self.backing_violations,
            format!(
                "{} purchases accepted, {} refused",
                rep.purchases.iter().filter(|p| p.ok).count(),
                rep.purchases.iter().filter(|p| !p.ok).count()
            ),
        )]
    }
}
