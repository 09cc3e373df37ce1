//! The reserve's behaviour through multi-test, with the suite's own token as AUR (the reserve its
//! minter) and as FLX (the payment token), and the suite's treasury receiving the payments.
//!
//! Numbers used throughout: 1 AUR per gram, a 125 % backing ratio, 65 FLX per AUR. One kilogram
//! of gold is worth 1,000 AUR and backs at most 800 AUR.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coins, Decimal, Decimal256, Uint128};
use cw_multi_test::Executor;
use cw_ownable::Action;
use poe_interface::token::{BurnReason, BurnTotal, MintReason, MintTotal};

#[test]
fn attest_then_buy_within_backing() {
    let s = Suite::new();
    let (alice, bob, carol, reserve) = (
        s.alice.clone(),
        s.bob.clone(),
        s.carol.clone(),
        s.reserve.addr.clone(),
    );
    let res = s.attest(KG).unwrap();
    assert_eq!(
        wasm_attrs(&res, &reserve),
        vec![
            ("action".to_string(), "attest".to_string()),
            ("attestation_id".to_string(), "1".to_string()),
            ("custodian".to_string(), s.custodian.to_string()),
            ("reserve_mg".to_string(), KG.to_string()),
            ("document_hash".to_string(), doc(1)),
            ("timestamp".to_string(), s.now().to_string()),
            ("shipped_reflected_mg".to_string(), "0".to_string()),
            ("available_reserve_mg".to_string(), KG.to_string()),
            ("supply".to_string(), "0".to_string()),
            ("max_supply".to_string(), (800 * AUR).to_string()),
            ("under_backed".to_string(), "false".to_string()),
        ]
    );

    // 100 AUR for 6,500 FLX
    let paid = 100 * AUR * PRICE as u128;
    let res = s.buy(&alice, paid).unwrap();
    assert_eq!(
        wasm_attrs(&res, &reserve),
        vec![
            ("action".to_string(), "buy".to_string()),
            ("buyer".to_string(), alice.to_string()),
            ("recipient".to_string(), alice.to_string()),
            ("payment_asset".to_string(), format!("cw20:{}", s.flx.addr)),
            ("paid".to_string(), paid.to_string()),
            ("price".to_string(), "65".to_string()),
            ("amount".to_string(), (100 * AUR).to_string()),
            ("supply".to_string(), (100 * AUR).to_string()),
            ("max_supply".to_string(), (800 * AUR).to_string()),
        ]
    );
    assert_eq!(s.balance(&s.aur, &alice), 100 * AUR);
    assert_eq!(s.balance(&s.flx, &alice), START - paid);
    assert_eq!(s.balance(&s.flx, &s.treasury.addr), paid);
    assert_eq!(s.balance(&s.flx, &reserve), 0);
    let ledger = s
        .treasury
        .balance(TreasuryHandle::cw20(&s.flx.addr))
        .unwrap();
    assert_eq!(ledger.total_received, u(paid));

    let now = s.now();
    assert_eq!(
        s.reserve.backing().unwrap(),
        BackingResponse {
            reserve_mg: u(KG),
            pending_redemption_mg: u(0),
            shipped_since_attestation_mg: u(0),
            available_reserve_mg: u(KG),
            reserve_value: u(1_000 * AUR),
            supply: u(100 * AUR),
            max_supply: u(800 * AUR),
            mintable: u(700 * AUR),
            backing_ratio: Some(Decimal256::percent(1_000)),
            required_backing_ratio: Decimal::percent(RATIO_PERCENT),
            under_backed: false,
            attested_at: Some(now),
            attestation_age_seconds: Some(0),
            max_attestation_age_seconds: MAX_AGE,
            minting_halted: false,
            halt_reason: None,
            total_minted: u(100 * AUR),
            total_redeemed: u(0),
        }
    );

    // bob pays for carol; a payment not a multiple of the price rounds down for the buyer
    s.advance(60);
    let res = s.buy(&bob, 65 * 10 + 64).unwrap();
    assert_eq!(attr(&res, &reserve, "amount"), "10");
    assert_eq!(s.balance(&s.aur, &carol), 0);
    s.reserve
        .buy_for(&s.flx, &bob, u(650), Some(&carol))
        .unwrap();
    assert_eq!(s.balance(&s.aur, &carol), 10);
    assert_eq!(s.balance(&s.aur, &bob), 10);
    assert_eq!(s.balance(&s.flx, &s.treasury.addr), paid + 714 + 650);
    assert_eq!(s.supply(), 100 * AUR + 20);
    assert_eq!(
        s.reserve.backing().unwrap().attestation_age_seconds,
        Some(60)
    );
}

#[test]
fn buying_beyond_backing_is_refused() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    s.attest(KG).unwrap();
    // one purchase above the whole backing
    s.assert_rejected(
        ContractError::ExceedsBacking {
            supply: u(0),
            amount: u(800 * AUR + 1),
            max_supply: u(800 * AUR),
        },
        |s| s.buy_aur(&alice, 800 * AUR + 1),
    );
    // exactly the backing is fine
    s.buy_aur(&alice, 800 * AUR).unwrap();
    let b = s.reserve.backing().unwrap();
    assert_eq!(b.mintable, u(0));
    assert!(!b.under_backed);
    assert!(!b.minting_halted);
    assert_eq!(b.backing_ratio, Some(Decimal256::percent(RATIO_PERCENT)));
    // then not one base unit more
    s.assert_backing_full(&alice, 800 * AUR);
}

#[test]
fn a_stale_attestation_halts_minting_until_a_fresh_one() {
    let mut s = Suite::new();
    let alice = s.alice.clone();
    s.attest(KG).unwrap();
    let attested_at = s.now();
    // exactly max_attestation_age_seconds old is still fresh
    s.advance(MAX_AGE);
    s.buy_aur(&alice, AUR).unwrap();
    s.advance(1);
    let halt = MintingHalt::StaleAttestation {
        attested_at,
        age_seconds: MAX_AGE + 1,
        max_age_seconds: MAX_AGE,
    };
    let b = s.reserve.backing().unwrap();
    assert!(b.minting_halted);
    assert_eq!(b.halt_reason, Some(halt));
    assert_eq!(b.attestation_age_seconds, Some(MAX_AGE + 1));
    s.assert_rejected(
        ContractError::StaleAttestation {
            attested_at,
            age_seconds: MAX_AGE + 1,
            max_age_seconds: MAX_AGE,
        },
        |s| s.buy_aur(&alice, AUR),
    );
    // redemption goes on while minting is halted
    s.redeem(&alice, AUR / 2, None).unwrap();

    // an attestation dated too long ago is stale at once
    let (custodian, hash, now) = (s.custodian.clone(), s.next_doc(), s.now());
    s.attest_with(&custodian, KG, &hash, now - MAX_AGE - 1)
        .unwrap();
    assert!(matches!(
        s.reserve.backing().unwrap().halt_reason,
        Some(MintingHalt::StaleAttestation { .. })
    ));
    // a fresh one re-enables minting
    s.attest(KG).unwrap();
    let b = s.reserve.backing().unwrap();
    assert!(!b.minting_halted);
    assert_eq!(b.halt_reason, None);
    s.buy_aur(&alice, AUR).unwrap();
    assert_eq!(s.supply(), AUR + AUR / 2);
}

#[test]
fn a_falling_attestation_blocks_minting_until_the_backing_is_restored() {
    let mut s = Suite::new();
    let (alice, bob, reserve) = (s.alice.clone(), s.bob.clone(), s.reserve.addr.clone());
    s.attest(KG).unwrap();
    s.buy_aur(&alice, 500 * AUR).unwrap();
    // a fall that still backs the supply: 700 g backs 560 AUR, minting goes on
    s.attest(700 * GRAM).unwrap();
    assert!(!s.reserve.backing().unwrap().under_backed);
    s.buy_aur(&bob, 60 * AUR).unwrap();
    s.assert_backing_full(&bob, 560 * AUR);

    // a fall below the supply: 600 g backs 480 AUR < 560
    let res = s.attest(600 * GRAM).unwrap();
    assert_eq!(attr(&res, &reserve, "under_backed"), "true");
    assert_eq!(attr(&res, &reserve, "max_supply"), (480 * AUR).to_string());
    let b = s.reserve.backing().unwrap();
    assert!(b.under_backed);
    assert!(b.minting_halted);
    assert_eq!(
        b.halt_reason,
        Some(MintingHalt::UnderBacked {
            supply: u(560 * AUR),
            max_supply: u(480 * AUR),
        })
    );
    assert_eq!(b.max_supply, u(480 * AUR));
    assert_eq!(b.mintable, u(0));
    // live backing 600 / 560 = 1.0714..., below 1.25
    assert_eq!(
        b.backing_ratio,
        Some(Decimal256::from_ratio(600u128, 560u128))
    );
    s.assert_rejected(
        ContractError::UnderBacked {
            supply: u(560 * AUR),
            max_supply: u(480 * AUR),
        },
        |s| s.buy_aur(&bob, 1),
    );
    // holders may still redeem
    s.redeem(&alice, 10 * AUR, None).unwrap();
    assert!(s.reserve.backing().unwrap().under_backed);

    // restored: 800 g backs 640 AUR, minus the 10 g owed to the redemption: 790 g back 632
    s.attest(800 * GRAM).unwrap();
    let b = s.reserve.backing().unwrap();
    assert!(!b.under_backed);
    assert!(!b.minting_halted);
    assert_eq!(b.available_reserve_mg, u(790 * GRAM));
    assert_eq!(b.max_supply, u(632 * AUR));
    assert_eq!(b.supply, u(550 * AUR));
    s.buy_aur(&bob, 82 * AUR).unwrap();
    s.assert_backing_full(&bob, 632 * AUR);
}

#[test]
fn redeeming_burns_and_records_a_pending_request() {
    let s = Suite::new();
    let (alice, bob, reserve) = (s.alice.clone(), s.bob.clone(), s.reserve.addr.clone());
    s.attest(KG).unwrap();
    s.buy_aur(&alice, 100 * AUR).unwrap();
    s.buy_aur(&bob, 10 * AUR).unwrap();
    s.advance(30);

    // 10.5 AUR for 10.5 g
    let res = s
        .redeem(&alice, 10_500_000, Some("vault pickup, ref 42"))
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &reserve),
        vec![
            ("action".to_string(), "redeem".to_string()),
            ("redemption_id".to_string(), "1".to_string()),
            ("holder".to_string(), alice.to_string()),
            ("amount".to_string(), "10500000".to_string()),
            ("grams_mg".to_string(), "10500".to_string()),
            ("pending_redemption_mg".to_string(), "10500".to_string()),
        ]
    );
    assert_eq!(s.balance(&s.aur, &alice), 100 * AUR - 10_500_000);
    assert_eq!(s.balance(&s.aur, &reserve), 0);
    assert_eq!(s.supply(), 110 * AUR - 10_500_000);
    let created_at = s.now();
    assert_eq!(
        s.reserve.redemption(1).unwrap(),
        RedemptionResponse {
            id: 1,
            holder: alice.to_string(),
            amount: u(10_500_000),
            grams_mg: u(10_500),
            delivery_note: Some("vault pickup, ref 42".to_string()),
            created_at,
            status: RedemptionStatus::Pending,
            fulfilled_by: None,
            fulfilled_at: None,
            fulfillment_document_hash: None,
        }
    );
    // the owed gold backs nothing: 989.5 g back 791.6 AUR
    let b = s.reserve.backing().unwrap();
    assert_eq!(b.pending_redemption_mg, u(10_500));
    assert_eq!(b.available_reserve_mg, u(KG - 10_500));
    assert_eq!(b.max_supply, u(791_600_000));
    assert_eq!(b.total_redeemed, u(10_500_000));

    // rounding goes against the holder: 1,999 base units are owed 1 mg, all burned
    s.redeem(&bob, 1_999, None).unwrap();
    assert_eq!(s.reserve.redemption(2).unwrap().grams_mg, u(1));
    assert_eq!(s.reserve.redemption(2).unwrap().amount, u(1_999));
    assert_eq!(s.supply(), 110 * AUR - 10_500_000 - 1_999);
    s.redeem(&bob, AUR, None).unwrap();

    // the token counts the purchases and the redemptions under their reasons
    let record = s.aur.supply_record().unwrap();
    assert_eq!(
        record.minted,
        vec![MintTotal {
            reason: MintReason::AurPurchase,
            amount: u(110 * AUR),
        }]
    );
    assert_eq!(
        record.burned,
        vec![BurnTotal {
            reason: BurnReason::Redemption,
            amount: u(10_500_000 + 1_999 + AUR),
        }]
    );

    // listings
    let pending = s.redemption_ids(Some(RedemptionStatus::Pending), None, None);
    assert_eq!(pending, vec![1, 2, 3]);
    assert_eq!(s.redemption_ids(None, Some(1), Some(1)), vec![2]);
    assert!(s
        .redemption_ids(Some(RedemptionStatus::Fulfilled), None, None)
        .is_empty());
}

#[test]
fn a_custodian_fulfils_and_the_next_attestation_reflects_the_shipment() {
    let s = Suite::new();
    let (alice, custodian2, reserve) = (
        s.alice.clone(),
        s.custodian2.clone(),
        s.reserve.addr.clone(),
    );
    s.attest(KG).unwrap();
    s.buy_aur(&alice, 100 * AUR).unwrap();
    s.redeem(&alice, 10 * AUR, None).unwrap();
    s.redeem(&alice, 5 * AUR, None).unwrap();
    s.advance(3_600);

    let res = s.fulfill(&custodian2, 1).unwrap();
    let hash = doc(2);
    assert_eq!(
        wasm_attrs(&res, &reserve),
        vec![
            ("action".to_string(), "fulfill_redemption".to_string()),
            ("redemption_id".to_string(), "1".to_string()),
            ("custodian".to_string(), custodian2.to_string()),
            ("holder".to_string(), alice.to_string()),
            ("amount".to_string(), (10 * AUR).to_string()),
            ("grams_mg".to_string(), (10 * GRAM).to_string()),
            ("document_hash".to_string(), hash.clone()),
            ("pending_redemption_mg".to_string(), (5 * GRAM).to_string()),
        ]
    );
    let now = s.now();
    let r = s.reserve.redemption(1).unwrap();
    assert_eq!(r.status, RedemptionStatus::Fulfilled);
    assert_eq!(r.fulfilled_by, Some(custodian2.to_string()));
    assert_eq!(r.fulfilled_at, Some(now));
    assert_eq!(r.fulfillment_document_hash, Some(hash));
    // the available reserve does not move: the shipped gold is still in the attestation
    let b = s.reserve.backing().unwrap();
    assert_eq!(b.reserve_mg, u(KG));
    assert_eq!(b.pending_redemption_mg, u(5 * GRAM));
    assert_eq!(b.shipped_since_attestation_mg, u(10 * GRAM));
    assert_eq!(b.available_reserve_mg, u(KG - 15 * GRAM));

    // the next attestation counts 990 g (10 g shipped): the same 985 g are available
    let res = s.attest(KG - 10 * GRAM).unwrap();
    assert_eq!(
        attr(&res, &reserve, "shipped_reflected_mg"),
        (10 * GRAM).to_string()
    );
    let b = s.reserve.backing().unwrap();
    assert_eq!(b.shipped_since_attestation_mg, u(0));
    assert_eq!(b.pending_redemption_mg, u(5 * GRAM));
    assert_eq!(b.available_reserve_mg, u(KG - 15 * GRAM));

    assert_eq!(
        s.redemption_ids(Some(RedemptionStatus::Pending), None, None),
        vec![2]
    );
    assert_eq!(
        s.redemption_ids(Some(RedemptionStatus::Fulfilled), None, None),
        vec![1]
    );
    s.fulfill(&custodian2, 2).unwrap();
    assert!(s
        .redemption_ids(Some(RedemptionStatus::Pending), None, None)
        .is_empty());
    assert_eq!(s.reserve.backing().unwrap().pending_redemption_mg, u(0));
}

#[test]
fn native_payments_go_to_the_treasury() {
    let s = Suite::native();
    let (alice, bob, reserve, treasury) = (
        s.alice.clone(),
        s.bob.clone(),
        s.reserve.addr.clone(),
        s.treasury.addr.clone(),
    );
    s.attest(KG).unwrap();
    let res = s.buy_native(&alice, 65 * AUR).unwrap();
    assert_eq!(attr(&res, &reserve, "amount"), AUR.to_string());
    assert_eq!(
        attr(&res, &reserve, "payment_asset"),
        format!("native:{NATIVE_DENOM}")
    );
    assert_eq!(s.balance(&s.aur, &alice), AUR);
    assert_eq!(
        s.native_balance(&alice, NATIVE_DENOM),
        START_NATIVE - 65 * AUR
    );
    assert_eq!(s.native_balance(&treasury, NATIVE_DENOM), 65 * AUR);
    assert_eq!(s.native_balance(&reserve, NATIVE_DENOM), 0);
    let ledger = s
        .treasury
        .balance(AssetInfo::Native {
            denom: NATIVE_DENOM.to_string(),
        })
        .unwrap();
    assert_eq!(ledger.total_received, u(65 * AUR));
    // for someone else
    s.reserve
        .buy_native(&alice, &coins(650, NATIVE_DENOM), Some(&bob))
        .unwrap();
    assert_eq!(s.balance(&s.aur, &bob), 10);
}

#[test]
fn a_transfer_burn_on_aur_burns_what_the_reserve_received() {
    let s = Suite::with(Options {
        aur_transfer_burn_bps: Some(100),
        ..Options::default()
    });
    let (alice, reserve) = (s.alice.clone(), s.reserve.addr.clone());
    s.attest(KG).unwrap();
    s.buy_aur(&alice, 100 * AUR).unwrap();
    // sending 10 AUR delivers 9.9 (1 % burned by the token), the reserve burns those 9.9
    let res = s.redeem(&alice, 10 * AUR, None).unwrap();
    assert_eq!(attr(&res, &reserve, "amount"), "9900000");
    assert_eq!(attr(&res, &reserve, "grams_mg"), "9900");
    assert_eq!(s.balance(&s.aur, &reserve), 0);
    assert_eq!(s.supply(), 90 * AUR);
    assert_eq!(s.reserve.backing().unwrap().pending_redemption_mg, u(9_900));
}

#[test]
fn custodians_are_kept_by_the_owner() {
    let mut s = Suite::new();
    let (owner, custodian, custodian2, carol) = (
        s.owner.clone(),
        s.custodian.clone(),
        s.custodian2.clone(),
        s.carol.clone(),
    );
    let mut expected = vec![custodian.to_string(), custodian2.to_string()];
    expected.sort();
    assert_eq!(s.reserve.custodians(None, None).unwrap(), expected);
    assert_eq!(
        s.reserve
            .custodians(Some(expected[0].clone()), None)
            .unwrap(),
        vec![expected[1].clone()]
    );
    assert_eq!(
        s.reserve.custodians(None, Some(1)).unwrap(),
        vec![expected[0].clone()]
    );

    let res = s
        .reserve
        .update_custodians(&owner, &[&carol], &[&custodian2])
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.reserve.addr),
        vec![
            ("action".to_string(), "update_custodians".to_string()),
            ("added".to_string(), carol.to_string()),
            ("removed".to_string(), custodian2.to_string()),
            ("custodians".to_string(), "2".to_string()),
        ]
    );
    assert_eq!(s.reserve.config().unwrap().custodian_count, 2);
    let hash = s.next_doc();
    let now = s.now();
    s.attest_with(&carol, KG, &hash, now).unwrap();
    let hash = s.next_doc();
    s.assert_rejected(not_listed(custodian2.to_string()), |s| {
        s.attest_with(&custodian2, KG, &hash, now)
    });
    // every custodian removed: no attestation any more
    s.reserve
        .update_custodians(&owner, &[], &[&carol, &custodian])
        .unwrap();
    assert!(s.reserve.custodians(None, None).unwrap().is_empty());
}

#[test]
fn attestations_are_kept_in_order() {
    let s = Suite::new();
    let (custodian, custodian2) = (s.custodian.clone(), s.custodian2.clone());
    assert_eq!(s.reserve.latest_attestation().unwrap(), None);
    let t0 = s.now();
    s.attest_with(&custodian, KG, &"AB".repeat(32), t0).unwrap();
    s.advance(100);
    // a document counted before this block but after the previous attestation
    s.attest_with(&custodian2, 2 * KG, &doc(7), t0 + 50)
        .unwrap();
    // the same timestamp as the previous one is fine
    s.attest_with(&custodian, 3 * KG, &doc(8), t0 + 50).unwrap();
    let all = s.reserve.attestations(None, None).unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(
        all[0],
        AttestationResponse {
            id: 1,
            custodian: custodian.to_string(),
            reserve_mg: u(KG),
            document_hash: "ab".repeat(32),
            timestamp: t0,
            posted_at: t0,
            posted_height: all[0].posted_height,
        }
    );
    assert_eq!(all[1].custodian, custodian2.to_string());
    assert_eq!(all[1].timestamp, t0 + 50);
    assert_eq!(all[1].posted_at, t0 + 100);
    assert_eq!(
        s.reserve.latest_attestation().unwrap(),
        Some(all[2].clone())
    );
    let one = s.reserve.attestation(2).unwrap();
    assert_eq!(one, all[1]);
    assert_eq!(
        s.reserve
            .attestations(Some(1), Some(1))
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect::<Vec<_>>(),
        vec![2]
    );
    assert_eq!(s.reserve.backing().unwrap().reserve_mg, u(3 * KG));
    assert_eq!(
        s.reserve.backing().unwrap().attestation_age_seconds,
        Some(50)
    );
}

#[test]
fn the_owner_updates_the_config_and_hands_over_ownership() {
    let s = Suite::new();
    let (owner, bob, alice, reserve) = (
        s.owner.clone(),
        s.bob.clone(),
        s.alice.clone(),
        s.reserve.addr.clone(),
    );
    s.attest(KG).unwrap();
    let res = s
        .reserve
        .execute(
            &owner,
            &update!(
                price: Some(Decimal::percent(50)),
                backing_ratio: Some(Decimal::percent(200)),
                max_attestation_age_seconds: Some(3_600),
            ),
        )
        .unwrap();
    assert_eq!(attr(&res, &reserve, "action"), "update_config");
    assert_eq!(attr(&res, &reserve, "backing_ratio"), "2");
    assert_eq!(attr(&res, &reserve, "price"), "0.5");
    let config = s.reserve.config().unwrap();
    assert_eq!(config.backing_ratio, Decimal::percent(200));
    assert_eq!(config.price, Decimal::percent(50));
    assert_eq!(config.max_attestation_age_seconds, 3_600);
    assert_eq!(config.aur_per_gram, u(AUR_PER_GRAM));
    assert_eq!(
        config.payment_asset,
        AssetInfo::Cw20 {
            contract_addr: s.flx.addr.to_string()
        }
    );
    // 1 kg at 200 %: 500 AUR; at 0.5 FLX per AUR base unit, 10 FLX base units buy 20
    assert_eq!(s.reserve.backing().unwrap().max_supply, u(500 * AUR));
    let res = s.buy(&alice, 10).unwrap();
    assert_eq!(attr(&res, &reserve, "amount"), "20");

    // two-step ownership transfer
    s.reserve
        .update_ownership(
            &owner,
            Action::TransferOwnership {
                new_owner: bob.to_string(),
                expiry: None,
            },
        )
        .unwrap();
    s.reserve
        .update_ownership(&bob, Action::AcceptOwnership)
        .unwrap();
    let ownership = s.reserve.ownership().unwrap();
    assert_eq!(ownership.owner, Some(bob.to_string()));
    s.reserve
        .execute(&bob, &update!(backing_ratio: Some(Decimal::one())))
        .unwrap();
    assert_eq!(s.reserve.backing().unwrap().max_supply, u(1_000 * AUR));
}

#[test]
fn migrate_accepts_the_same_version() {
    let s = Suite::new();
    let (admin, reserve) = (s.admin.clone(), s.reserve.addr.clone());
    let code_id = s.app.borrow_mut().store_code(reserve_contract());
    let res = s
        .app
        .borrow_mut()
        .migrate_contract(
            admin,
            reserve.clone(),
            &poe_aurum_reserve::msg::MigrateMsg {},
            code_id,
        )
        .unwrap();
    assert_eq!(
        attr(&res, &reserve, "to_version"),
        env!("CARGO_PKG_VERSION")
    );
    assert_eq!(
        s.reserve.config().unwrap().aur_per_gram,
        Uint128::new(AUR_PER_GRAM)
    );
}
