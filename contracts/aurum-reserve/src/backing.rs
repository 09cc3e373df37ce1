//! The backing now: what the attested reserve still backs, the supply, and whether minting is
//! halted. Shared by `Buy`, `Attest` (its attributes) and the `Backing` query.
//!
//! Reserve bookkeeping (our choice, stated in the README): an attestation states the gold in
//! custody at its timestamp. The gold owed to **pending** redemptions is still in custody but
//! belongs to the redeemers, and the gold of redemptions **fulfilled since the latest
//! attestation** has left custody while the attestation still counts it; both are subtracted:
//!
//! `available_reserve_mg = reserve_mg - pending_mg - shipped_since_attestation_mg` (zero if
//! negative).
//!
//! The next attestation (which may not predate the last fulfilment) reflects the shipments and
//! resets `shipped_since_attestation_mg`; pending redemptions stay subtracted until fulfilled.

use cosmwasm_std::{Addr, Decimal256, Deps, Env, QuerierWrapper, Uint128};
use cw20::{Cw20QueryMsg, TokenInfoResponse};
use poe_interface::aurum_reserve::MintingHalt;
use poe_math::aurum;

use crate::error::ContractError;
use crate::state::{Attestation, Config, Ledger, ATTESTATIONS, CUSTODIANS};

/// The backing at the current block.
#[derive(Debug, Clone, PartialEq)]
pub struct Backing {
    /// The latest attestation, if any.
    pub latest: Option<Attestation>,
    /// The latest attestation's reserve, mg (zero without one).
    pub reserve_mg: Uint128,
    /// `reserve_mg` less the gold owed or shipped (see the module docs), mg.
    pub available_reserve_mg: Uint128,
    /// `floor(available_reserve_mg × aur_per_gram / 1000)`, AUR base units.
    pub reserve_value: Uint128,
    /// AUR's total supply, base units.
    pub supply: Uint128,
    /// What `available_reserve_mg` backs at the backing ratio, AUR base units.
    pub max_supply: Uint128,
    /// Now minus the latest attestation's timestamp, seconds.
    pub age_seconds: Option<u64>,
    /// Whether the latest attestation's custodian is still on the list (`true` without one).
    pub attester_listed: bool,
    /// The latest attestation's id (0 without one).
    pub attestation_id: u64,
}

impl Backing {
    /// Reads the latest attestation, whether its custodian is still listed, and AUR's supply
    /// (one cw20 `TokenInfo` query).
    ///
    /// Errors: `Std` (storage, or AUR does not answer), `Math`, `Overflow`.
    pub fn load(
        deps: Deps,
        env: &Env,
        config: &Config,
        ledger: &Ledger,
    ) -> Result<Self, ContractError> {
        let latest = match ledger.attestation_count {
            0 => None,
            id => Some(ATTESTATIONS.load(deps.storage, id)?),
        };
        let attester_listed = latest
            .as_ref()
            .is_none_or(|a| CUSTODIANS.contains(deps.storage, &a.custodian));
        let supply = aur_supply(&deps.querier, &config.aur_token)?;
        let backing = Self::new(latest, supply, env.block.time.seconds(), config, ledger)?;
        Ok(Backing {
            attester_listed,
            ..backing
        })
    }

    /// The backing of `supply` by `latest` at `now` (pure: no storage, no query; the attester
    /// is taken as listed, which [`Backing::load`] checks).
    ///
    /// Errors: `Math` (a configuration the contract never stores), `Overflow`.
    pub fn new(
        latest: Option<Attestation>,
        supply: Uint128,
        now: u64,
        config: &Config,
        ledger: &Ledger,
    ) -> Result<Self, ContractError> {
        let reserve_mg = latest.as_ref().map(|a| a.reserve_mg).unwrap_or_default();
        let encumbered = ledger
            .pending_mg
            .checked_add(ledger.shipped_since_attestation_mg)?;
        // a shortfall (more owed than attested) backs nothing
        let available_reserve_mg = reserve_mg.saturating_sub(encumbered);
        let reserve_value = aurum::reserve_value(available_reserve_mg, config.aur_per_gram)?;
        let max_supply = aurum::max_supply(
            available_reserve_mg,
            config.aur_per_gram,
            config.backing_ratio,
        )?;
        // attestations are never dated after the block that posts them, and block time only grows
        let age_seconds = latest.as_ref().map(|a| now.saturating_sub(a.timestamp));
        Ok(Backing {
            latest,
            reserve_mg,
            available_reserve_mg,
            reserve_value,
            supply,
            max_supply,
            age_seconds,
            attester_listed: true,
            attestation_id: ledger.attestation_count,
        })
    }

    /// `supply > max_supply`: the live backing is below the required ratio.
    pub fn under_backed(&self) -> bool {
        self.supply > self.max_supply
    }

    /// The live backing ratio `reserve_value / supply`, rounded down; `None` at zero supply.
    ///
    /// Errors: `Math` (beyond `Decimal256`, unreachable within the contract's bounds).
    pub fn live_ratio(&self, config: &Config) -> Result<Option<Decimal256>, ContractError> {
        Ok(aurum::backing_ratio(
            self.available_reserve_mg,
            config.aur_per_gram,
            self.supply,
        )?)
    }

    /// Why minting is halted, the first that applies: no attestation, an attestation by a
    /// custodian since removed, a stale attestation (older than `max_attestation_age_seconds`),
    /// an under-backed supply.
    pub fn halt(&self, config: &Config) -> Option<MintingHalt> {
        let (Some(latest), Some(age_seconds)) = (&self.latest, self.age_seconds) else {
            return Some(MintingHalt::NoAttestation {});
        };
        if !self.attester_listed {
            return Some(MintingHalt::AttesterRemoved {
                custodian: latest.custodian.to_string(),
                attestation_id: self.attestation_id,
            });
        }
        if age_seconds > config.max_attestation_age_seconds {
            return Some(MintingHalt::StaleAttestation {
                attested_at: latest.timestamp,
                age_seconds,
                max_age_seconds: config.max_attestation_age_seconds,
            });
        }
        if self.under_backed() {
            return Some(MintingHalt::UnderBacked {
                supply: self.supply,
                max_supply: self.max_supply,
            });
        }
        None
    }

    /// Checks that `amount` more AUR may be minted now: minting is not halted and
    /// `supply + amount <= max_supply`.
    ///
    /// Errors: [`ContractError::NoAttestation`], [`ContractError::AttesterRemoved`],
    /// [`ContractError::StaleAttestation`],
    /// [`ContractError::UnderBacked`], [`ContractError::ExceedsBacking`], `Overflow`.
    pub fn check_mint(&self, config: &Config, amount: Uint128) -> Result<(), ContractError> {
        match self.halt(config) {
            Some(MintingHalt::NoAttestation {}) => return Err(ContractError::NoAttestation),
            Some(MintingHalt::AttesterRemoved {
                custodian,
                attestation_id,
            }) => {
                return Err(ContractError::AttesterRemoved {
                    custodian,
                    attestation_id,
                })
            }
            Some(MintingHalt::StaleAttestation {
                attested_at,
                age_seconds,
                max_age_seconds,
            }) => {
                return Err(ContractError::StaleAttestation {
                    attested_at,
                    age_seconds,
                    max_age_seconds,
                })
            }
            Some(MintingHalt::UnderBacked { supply, max_supply }) => {
                return Err(ContractError::UnderBacked { supply, max_supply })
            }
            None => {}
        }
        if self.supply.checked_add(amount)? > self.max_supply {
            return Err(ContractError::ExceedsBacking {
                supply: self.supply,
                amount,
                max_supply: self.max_supply,
            });
        }
        Ok(())
    }
}

/// AUR's total supply, from the cw20 `TokenInfo` query.
///
/// Errors: `Std` when the token does not answer.
pub fn aur_supply(querier: &QuerierWrapper, aur_token: &Addr) -> Result<Uint128, ContractError> {
    let info: TokenInfoResponse =
        querier.query_wasm_smart(aur_token, &Cw20QueryMsg::TokenInfo {})?;
    Ok(info.total_supply)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Payment;
    use cosmwasm_std::{Addr, Decimal};

    fn config() -> Config {
        Config {
            aur_token: Addr::unchecked("aur"),
            payment: Payment::Native("uflx".to_string()),
            price: Decimal::one(),
            treasury: Addr::unchecked("treasury"),
            aur_per_gram: Uint128::new(1_000_000),
            backing_ratio: Decimal::percent(125),
            max_attestation_age_seconds: 100,
        }
    }

    fn attestation(reserve_mg: u128, timestamp: u64) -> Attestation {
        Attestation {
            custodian: Addr::unchecked("custodian"),
            reserve_mg: Uint128::new(reserve_mg),
            document_hash: "00".repeat(32),
            timestamp,
            posted_at: timestamp,
            posted_height: 1,
        }
    }

    #[test]
    fn halts_in_order() {
        let (c, l) = (config(), Ledger::default());
        let b = Backing::new(None, Uint128::zero(), 10, &c, &l).unwrap();
        assert_eq!(b.halt(&c), Some(MintingHalt::NoAttestation {}));
        assert_eq!(
            b.check_mint(&c, Uint128::one()),
            Err(ContractError::NoAttestation)
        );

        // 1 kg at 125 %: 800 AUR
        let b = Backing::new(
            Some(attestation(1_000_000, 0)),
            Uint128::zero(),
            100,
            &c,
            &l,
        )
        .unwrap();
        assert_eq!(b.max_supply, Uint128::new(800_000_000));
        assert_eq!(b.halt(&c), None);
        assert!(b.check_mint(&c, Uint128::new(800_000_000)).is_ok());
        assert_eq!(
            b.check_mint(&c, Uint128::new(800_000_001)),
            Err(ContractError::ExceedsBacking {
                supply: Uint128::zero(),
                amount: Uint128::new(800_000_001),
                max_supply: Uint128::new(800_000_000)
            })
        );
        let b = Backing::new(
            Some(attestation(1_000_000, 0)),
            Uint128::zero(),
            101,
            &c,
            &l,
        )
        .unwrap();
        assert_eq!(
            b.check_mint(&c, Uint128::one()),
            Err(ContractError::StaleAttestation {
                attested_at: 0,
                age_seconds: 101,
                max_age_seconds: 100
            })
        );
        let b = Backing::new(
            Some(attestation(1_000_000, 0)),
            Uint128::new(800_000_001),
            50,
            &c,
            &l,
        )
        .unwrap();
        assert!(b.under_backed());
        assert_eq!(
            b.check_mint(&c, Uint128::zero()),
            Err(ContractError::UnderBacked {
                supply: Uint128::new(800_000_001),
                max_supply: Uint128::new(800_000_000)
            })
        );
    }

    #[test]
    fn owed_and_shipped_gold_backs_nothing() {
        let c = config();
        let l = Ledger {
            pending_mg: Uint128::new(200_000),
            shipped_since_attestation_mg: Uint128::new(300_000),
            ..Ledger::default()
        };
        let b = Backing::new(Some(attestation(1_000_000, 0)), Uint128::zero(), 0, &c, &l).unwrap();
        assert_eq!(b.available_reserve_mg, Uint128::new(500_000));
        assert_eq!(b.max_supply, Uint128::new(400_000_000));
        // a shortfall backs nothing
        let b = Backing::new(Some(attestation(400_000, 0)), Uint128::one(), 0, &c, &l).unwrap();
        assert_eq!(b.available_reserve_mg, Uint128::zero());
        assert!(b.under_backed());
        assert_eq!(b.live_ratio(&c).unwrap(), Some(Decimal256::zero()));
    }
}
