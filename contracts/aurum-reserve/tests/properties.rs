//! Seeded property test: random sequences of attestations (rising, falling, back-dated, by
//! non-custodians), purchases, redemptions, fulfilments, backing-ratio changes and time passing,
//! by three users and two custodians. A model kept by the test predicts every outcome. After
//! every step:
//!
//! - **the backing invariant**: after a successful purchase, `supply × 1000 × backing_ratio <=
//!   available_reserve_mg × aur_per_gram` (checked in exact integers against the model's own
//!   reserve bookkeeping), i.e. a successful mint never leaves the live backing below the ratio;
//! - **supply moves only by purchases and redemptions**: it grows only by a successful purchase,
//!   by exactly the amount minted, and falls only by a redemption, by exactly the amount burned;
//! - every purchase, attestation, redemption and fulfilment succeeds or fails exactly as the model
//!   predicts (halt reasons and errors included), and a rejected message changes nothing;
//! - the `Backing` query agrees with the model (reserve, pending and shipped gold, available
//!   reserve, `max_supply`, `under_backed`, halt reason), the pending redemptions listed add up to
//!   `pending_redemption_mg`, the treasury holds every payment and the reserve holds nothing.
//!
//! Fixed seed and case count; no failure persistence (a failure prints the seed and the ops).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use std::collections::BTreeMap;

use common::*;
use cosmwasm_std::{Decimal, Decimal256};
use cw_multi_test::AppResponse;
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

#[derive(Debug, Clone)]
enum Op {
    /// `who`: 0 and 1 are the custodians, 2 is alice (not a custodian). The timestamp is `back`
    /// seconds before now.
    Attest {
        who: usize,
        reserve_mg: u128,
        back: u64,
    },
    /// `paid` FLX base units.
    Buy {
        user: usize,
        paid: u128,
    },
    /// `percent` of the AUR of a holder (`pick` chooses among the holders three times in four,
    /// else any user), or `dust` base units when given.
    Redeem {
        pick: usize,
        percent: u128,
        dust: Option<u128>,
    },
    /// `pick` chooses among the pending redemptions (three times in four), else any id.
    Fulfill {
        pick: usize,
    },
    Advance {
        seconds: u64,
    },
    SetRatio {
        percent: u64,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (
            prop_oneof![7 => 0..2usize, 1 => Just(2usize)],
            0u128..1_500 * GRAM,
            prop_oneof![3 => Just(0u64), 2 => 1u64..3_600, 1 => 0u64..2 * MAX_AGE],
        )
            .prop_map(|(who, reserve_mg, back)| Op::Attest { who, reserve_mg, back }),
        6 => (0..3usize, 0u128..300 * AUR * PRICE as u128)
            .prop_map(|(user, paid)| Op::Buy { user, paid }),
        4 => (0..64usize, 0u128..=100, prop_oneof![7 => Just(None), 1 => (0u128..2_000).prop_map(Some)])
            .prop_map(|(pick, percent, dust)| Op::Redeem { pick, percent, dust }),
        2 => (0..64usize).prop_map(|pick| Op::Fulfill { pick }),
        3 => prop_oneof![4 => 0u64..3_600, 1 => MAX_AGE / 2..2 * MAX_AGE]
            .prop_map(|seconds| Op::Advance { seconds }),
        1 => (90u64..300).prop_map(|percent| Op::SetRatio { percent }),
    ]
}

/// What the test keeps itself.
#[derive(Debug)]
struct Model {
    supply: u128,
    /// The latest attestation: (reserve_mg, timestamp).
    latest: Option<(u128, u64)>,
    /// Pending redemptions: id -> mg owed.
    pending: BTreeMap<u64, u128>,
    /// Redemptions requested so far.
    redemptions: u64,
    shipped_mg: u128,
    last_fulfilled: Option<u64>,
    /// Every FLX base unit paid.
    paid: u128,
    ratio: Decimal,
}

impl Model {
    fn pending_mg(&self) -> u128 {
        self.pending.values().sum()
    }

    fn available_mg(&self) -> u128 {
        let reserve = self.latest.map(|(r, _)| r).unwrap_or(0);
        reserve.saturating_sub(self.pending_mg() + self.shipped_mg)
    }

    /// `floor(available × aur_per_gram × 10^18 / (1000 × ratio_atomics))`, in plain u128 (at most
    /// 1.5e6 mg × 1e6 × 1e18 = 1.5e30).
    fn max_supply(&self) -> u128 {
        self.available_mg() * AUR_PER_GRAM * 10u128.pow(18) / (1_000 * self.ratio.atomics().u128())
    }

    /// The error a purchase of `amount` AUR gets at `now`, if any.
    fn buy_error(&self, now: u64, amount: u128) -> Option<ContractError> {
        let Some((_, attested_at)) = self.latest else {
            return Some(ContractError::NoAttestation);
        };
        let age = now - attested_at;
        if age > MAX_AGE {
            return Some(ContractError::StaleAttestation {
                attested_at,
                age_seconds: age,
                max_age_seconds: MAX_AGE,
            });
        }
        let max = self.max_supply();
        if self.supply > max {
            return Some(ContractError::UnderBacked {
                supply: u(self.supply),
                max_supply: u(max),
            });
        }
        if self.supply + amount > max {
            return Some(ContractError::ExceedsBacking {
                supply: u(self.supply),
                amount: u(amount),
                max_supply: u(max),
            });
        }
        None
    }
}

fn amount_attr(res: &AppResponse, s: &Suite) -> u128 {
    attr(res, &s.reserve.addr, "amount")
        .parse()
        .expect("amount")
}

/// Asserts the result is the predicted error, or a success when none is predicted.
fn expect(
    result: &anyhow::Result<AppResponse>,
    predicted: Option<ContractError>,
    op: &Op,
) -> Result<(), TestCaseError> {
    match (result, predicted) {
        (Ok(_), None) => Ok(()),
        (Err(err), Some(expected)) => {
            prop_assert_eq!(contract_err(err), &expected, "{:?}", op);
            Ok(())
        }
        (Ok(_), Some(expected)) => Err(TestCaseError::fail(format!(
            "{op:?} succeeded, expected {expected:?}"
        ))),
        (Err(err), None) => Err(TestCaseError::fail(format!("{op:?} failed: {err:?}"))),
    }
}

fn run(ops: Vec<Op>) -> Result<(), TestCaseError> {
    let s = Suite::new();
    let users = s.users();
    let custodians = [s.custodian.clone(), s.custodian2.clone(), s.alice.clone()];
    let owner = s.owner.clone();
    let mut m = Model {
        supply: 0,
        latest: None,
        pending: BTreeMap::new(),
        redemptions: 0,
        shipped_mg: 0,
        last_fulfilled: None,
        paid: 0,
        ratio: Decimal::percent(RATIO_PERCENT),
    };

    for op in ops {
        let before = s.snapshot();
        let supply_before = s.supply();
        let now = s.now();
        let mut minted = 0u128;
        let mut burned = 0u128;
        let result = match &op {
            Op::Attest {
                who,
                reserve_mg,
                back,
            } => {
                let timestamp = now.saturating_sub(*back);
                let hash = s.next_doc();
                let res = s.attest_with(&custodians[*who], *reserve_mg, &hash, timestamp);
                let previous = m.latest.map(|(_, t)| t).filter(|p| timestamp < *p);
                let last_fulfilled = m.last_fulfilled.filter(|l| timestamp < *l);
                let predicted = if *who == 2 {
                    Some(not_listed(custodians[2].to_string()))
                } else if let Some(previous) = previous {
                    Some(ContractError::TimestampBeforePrevious {
                        timestamp,
                        previous,
                    })
                } else {
                    last_fulfilled.map(|last| ContractError::AttestationPredatesFulfillment {
                        timestamp,
                        last_fulfilled_at: last,
                    })
                };
                expect(&res, predicted, &op)?;
                if res.is_ok() {
                    m.latest = Some((*reserve_mg, timestamp));
                    m.shipped_mg = 0;
                }
                res
            }
            Op::Buy { user, paid } => {
                let amount = paid / PRICE as u128;
                let res = s.buy(&users[*user], *paid);
                if *paid == 0 {
                    // the token refuses a zero send (and nothing changes, checked below)
                    prop_assert!(res.is_err());
                } else {
                    let predicted = if amount == 0 {
                        Some(ContractError::PurchaseTooSmall {
                            paid: u(*paid),
                            price: price(),
                        })
                    } else {
                        m.buy_error(now, amount)
                    };
                    expect(&res, predicted, &op)?;
                }
                if let Ok(r) = &res {
                    minted = amount_attr(r, &s);
                    prop_assert_eq!(minted, amount);
                    m.supply += minted;
                    m.paid += paid;
                }
                res
            }
            Op::Redeem {
                pick,
                percent,
                dust,
            } => {
                let holders: Vec<usize> = (0..3)
                    .filter(|i| s.balance(&s.aur, &users[*i]) > 0)
                    .collect();
                let user = if *pick < 48 && !holders.is_empty() {
                    holders[pick % holders.len()]
                } else {
                    pick % 3
                };
                let balance = s.balance(&s.aur, &users[user]);
                let amount = match dust {
                    Some(dust) => (*dust).min(balance),
                    None => balance * percent / 100,
                };
                let res = s.redeem(&users[user], amount, None);
                if amount == 0 {
                    // the token refuses a zero send
                    prop_assert!(res.is_err());
                } else {
                    let mg = amount * 1_000 / AUR_PER_GRAM;
                    let predicted = (mg == 0).then(|| ContractError::RedemptionTooSmall {
                        amount: u(amount),
                        min_amount: u(AUR_PER_GRAM / 1_000),
                    });
                    expect(&res, predicted, &op)?;
                    if res.is_ok() {
                        burned = amount;
                        m.supply -= amount;
                        m.redemptions += 1;
                        m.pending.insert(m.redemptions, mg);
                    }
                }
                res
            }
            Op::Fulfill { pick } => {
                let pending: Vec<u64> = m.pending.keys().copied().collect();
                let id = if *pick < 48 && !pending.is_empty() {
                    pending[pick % pending.len()]
                } else {
                    *pick as u64 % (m.redemptions + 2)
                };
                let custodian = custodians[pick % 2].clone();
                let res = s.fulfill(&custodian, id);
                let predicted = if id == 0 || id > m.redemptions {
                    Some(ContractError::UnknownRedemption { id })
                } else if !m.pending.contains_key(&id) {
                    Some(ContractError::RedemptionNotPending { id })
                } else {
                    None
                };
                expect(&res, predicted, &op)?;
                if res.is_ok() {
                    let mg = m.pending.remove(&id).expect("pending");
                    m.shipped_mg += mg;
                    m.last_fulfilled = Some(now);
                }
                res
            }
            Op::Advance { seconds } => {
                s.advance(*seconds);
                Ok(AppResponse::default())
            }
            Op::SetRatio { percent } => {
                let ratio = Decimal::percent(*percent);
                let res = s
                    .reserve
                    .execute(&owner, &update!(backing_ratio: Some(ratio)));
                let predicted = (*percent < 100).then(|| ContractError::InvalidConfig {
                    name: "backing_ratio".to_string(),
                    reason: format!(
                        "{ratio} is below 1: AUR must stay backed at 100 % or more (seed 000)"
                    ),
                });
                expect(&res, predicted, &op)?;
                if res.is_ok() {
                    m.ratio = ratio;
                }
                res
            }
        };
        if result.is_err() {
            prop_assert_eq!(
                &s.snapshot(),
                &before,
                "state changed by a rejected {:?}",
                op
            );
        }

        // supply moves only by a successful purchase (up) or redemption (down), by its amount
        let supply = s.supply();
        prop_assert_eq!(supply, supply_before + minted - burned, "{:?}", op);
        prop_assert_eq!(supply, m.supply);
        if minted > 0 {
            // the backing invariant, in exact integers against the model's own bookkeeping
            let lhs = supply * 1_000 * m.ratio.atomics().u128();
            let rhs = m.available_mg() * AUR_PER_GRAM * 10u128.pow(18);
            prop_assert!(
                lhs <= rhs,
                "a mint left the backing below the ratio: {:?}",
                m
            );
            let b = s.reserve.backing().unwrap();
            prop_assert!(!b.under_backed);
            prop_assert!(b.backing_ratio.expect("supply > 0") >= Decimal256::from(m.ratio));
        }
        check(&s, &m)?;
    }
    Ok(())
}

fn check(s: &Suite, m: &Model) -> Result<(), TestCaseError> {
    let b = s.reserve.backing().unwrap();
    let now = s.now();
    prop_assert_eq!(b.reserve_mg.u128(), m.latest.map(|(r, _)| r).unwrap_or(0));
    prop_assert_eq!(b.pending_redemption_mg.u128(), m.pending_mg());
    prop_assert_eq!(b.shipped_since_attestation_mg.u128(), m.shipped_mg);
    prop_assert_eq!(b.available_reserve_mg.u128(), m.available_mg());
    prop_assert_eq!(b.max_supply.u128(), m.max_supply());
    prop_assert_eq!(b.supply.u128(), m.supply);
    prop_assert_eq!(b.under_backed, m.supply > m.max_supply());
    prop_assert_eq!(b.required_backing_ratio, m.ratio);
    prop_assert_eq!(b.attested_at, m.latest.map(|(_, t)| t));
    let expected_halt = match m.buy_error(now, 0) {
        None => None,
        Some(ContractError::NoAttestation) => Some(MintingHalt::NoAttestation {}),
        Some(ContractError::StaleAttestation {
            attested_at,
            age_seconds,
            max_age_seconds,
        }) => Some(MintingHalt::StaleAttestation {
            attested_at,
            age_seconds,
            max_age_seconds,
        }),
        Some(ContractError::UnderBacked { supply, max_supply }) => {
            Some(MintingHalt::UnderBacked { supply, max_supply })
        }
        Some(other) => return Err(TestCaseError::fail(format!("unexpected {other:?}"))),
    };
    prop_assert_eq!(&b.halt_reason, &expected_halt);
    prop_assert_eq!(b.minting_halted, expected_halt.is_some());
    if m.supply > 0 {
        // the reported live ratio never overstates the backing
        let live = b.backing_ratio.expect("supply > 0");
        let value = m.available_mg() * AUR_PER_GRAM / 1_000;
        prop_assert!(
            live * Decimal256::from_ratio(m.supply, 1u128) <= Decimal256::from_ratio(value, 1u128)
        );
    }

    // the pending listing adds up, and matches the model
    let pending = s
        .reserve
        .all_redemptions(Some(RedemptionStatus::Pending))
        .unwrap();
    prop_assert_eq!(
        pending
            .iter()
            .map(|r| (r.id, r.grams_mg.u128()))
            .collect::<Vec<_>>(),
        m.pending
            .iter()
            .map(|(id, mg)| (*id, *mg))
            .collect::<Vec<_>>()
    );
    let fulfilled = s
        .reserve
        .all_redemptions(Some(RedemptionStatus::Fulfilled))
        .unwrap();
    prop_assert_eq!(pending.len() + fulfilled.len(), m.redemptions as usize);

    // the reserve holds nothing; the treasury holds every payment
    prop_assert_eq!(s.balance(&s.aur, &s.reserve.addr), 0);
    prop_assert_eq!(s.balance(&s.flx, &s.reserve.addr), 0);
    prop_assert_eq!(s.balance(&s.flx, &s.treasury.addr), m.paid);
    Ok(())
}

proptest! {
    #![proptest_config(Config {
        cases: 32,
        rng_seed: RngSeed::Fixed(0x5EED_A0A1),
        failure_persistence: None,
        ..Config::default()
    })]

    /// Three cases in four start with an attestation of 1 kg.
    #[test]
    fn invariants_hold_after_every_step(
        start in prop_oneof![3 => Just(true), 1 => Just(false)],
        ops in proptest::collection::vec(op(), 16..64),
    ) {
        let mut ops = ops;
        if start {
            ops.insert(0, Op::Attest { who: 0, reserve_mg: KG, back: 0 });
        }
        run(ops)?;
    }
}
