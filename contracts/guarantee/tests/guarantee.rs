//! The guarantee contract's paths that succeed, through a guarantee's whole life: open (by a
//! cw20 `Send` of NEX, with FLX valued 1:1, with a native coin), top-up, collateral release
//! within `max_ltv`, relinquished claims, release by the arbiter and after expiry, default and
//! pro-rata redemption by two holders, close after the redemption period, liquidation after a
//! price drop, and the queries.
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coins, Decimal, Uint128};
use poe_interface::token::{BurnReason, BurnTotal, MintReason, MintTotal};

/// The claim token's name, symbol, decimals, supply, minter and marketing project.
fn assert_claim_token(s: &Suite, id: u64, supply: u128) {
    let claim = s.claim_token(id);
    let info = claim.token_info().unwrap();
    assert_eq!(info.name, format!("GUAR claim #{id}"));
    assert_eq!(info.symbol, CLAIM_SYMBOL);
    assert_eq!(info.symbol, "GUAR");
    assert_eq!(info.decimals, CLAIM_DECIMALS);
    assert_eq!(info.total_supply.u128(), supply);
    let minter = claim.minter().unwrap().expect("the contract mints");
    assert_eq!(minter.minter, s.guarantee.addr.to_string());
    // the cap is the coverage at the opening: not one claim more can ever exist
    assert_eq!(minter.cap, Some(u(supply)));
    assert_eq!(
        claim.marketing_info().unwrap().project,
        Some(format!("guarantee {id} of {}", s.guarantee.addr))
    );
    // an instance of the suite's token code, instantiated by the contract, with no admin
    let data = s.app.borrow().contract_data(&claim.addr).unwrap();
    assert_eq!(data.code_id, s.token_code);
    assert_eq!(data.creator, s.guarantee.addr);
    assert_eq!(data.admin, None);
    assert_eq!(data.label, format!("GUAR claim #{id}"));
}

#[test]
fn open_with_nex_by_send_mints_the_coverage_to_the_beneficiary() {
    let s = Suite::new();
    let nex = cw20(&s.nex.addr);
    let price = s.price(&nex);
    let collateral = 1_000_000_000u128;
    let value = value_at(collateral, price);
    let coverage = 900_000_000u128;
    let opened_at = s.now();
    let expires_at = opened_at.plus_seconds(LIFE);
    let res = s
        .guarantee
        .open(&s.nex, &s.guarantor, u(collateral), s.open_msg(coverage))
        .unwrap();
    let attributes = wasm_attrs(&res, &s.guarantee.addr);
    assert_eq!(
        attributes[..11],
        attrs(&[
            ("action", "open"),
            ("guarantee_id", "1"),
            ("guarantor", s.guarantor.as_str()),
            ("beneficiary", s.beneficiary.as_str()),
            ("arbiter", s.arbiter.as_str()),
            ("collateral_asset", &nex.to_string()),
            ("collateral", &collateral.to_string()),
            ("coverage", &coverage.to_string()),
            ("value", &value.to_string()),
            ("price", &price.to_string()),
            ("expires_at", &expires_at.seconds().to_string()),
        ])[..]
    );
    let g = s.guarantee(1);
    let claim_token = g.claim_token.clone();
    assert_eq!(
        expect_wasm_attr(&res, &s.guarantee.addr, "claim_token"),
        claim_token.to_string()
    );
    assert_eq!(
        g,
        GuaranteeResponse {
            id: 1,
            guarantor: s.guarantor.clone(),
            beneficiary: s.beneficiary.clone(),
            arbiter: s.arbiter.clone(),
            claim_token: claim_token.clone(),
            collateral_asset: nex.clone(),
            collateral: u(collateral),
            coverage: u(coverage),
            claims_outstanding: u(coverage),
            max_ltv: nex_params_ratios().0,
            maintenance_ratio: nex_params_ratios().1,
            pair: Some(s.nex_pair.addr.clone()),
            opened_at,
            expires_at,
            status: GuaranteeStatus::Open,
            set_aside_asset: None,
            set_aside: Uint128::zero(),
            set_aside_remaining: Uint128::zero(),
            claims_at_default: Uint128::zero(),
            returned: Uint128::zero(),
            returned_flx: Uint128::zero(),
            defaulted_at: None,
            closable_at: None,
            closed_at: None,
        }
    );
    // the collateral moved, the claims are the beneficiary's
    assert_eq!(s.balance(&nex, &s.guarantor), START - collateral);
    assert_eq!(s.balance(&nex, &s.guarantee.addr), collateral);
    let claim = s.claim_token(1);
    assert_eq!(s.cw20_balance(&claim, &s.beneficiary), coverage);
    assert_claim_token(&s, 1, coverage);
    assert_eq!(
        claim.supply_record().unwrap().minted,
        vec![MintTotal {
            reason: MintReason::GuaranteeAllocation,
            amount: u(coverage),
        }]
    );
    // the claim token leads back to its guarantee
    assert_eq!(
        s.guarantee.guarantee_by_claim_token(&claim_token).unwrap(),
        g
    );
    assert_eq!(
        s.totals(),
        TotalsResponse {
            held: vec![AssetTotal {
                asset: nex.clone(),
                amount: u(collateral),
            }],
            claims_outstanding: u(coverage),
            open_guarantees: 1,
        }
    );
    assert_eq!(s.guarantee.config().unwrap().guarantee_count, 1);

    // the largest coverage the haircut allows is accepted: floor(value × max_ltv)
    let max = u(value).mul_floor(nex_params_ratios().0).u128();
    let id = s.open_nex(collateral, max);
    assert_eq!(id, 2);
    assert_eq!(s.guarantee(2).coverage.u128(), max);
    assert_ne!(s.guarantee(2).claim_token, claim_token);
    assert_claim_token(&s, 2, max);
    assert_eq!(s.held(&nex), 2 * collateral);
    assert_eq!(s.totals().claims_outstanding.u128(), coverage + max);
}

#[test]
fn open_with_flx_values_it_one_to_one() {
    let s = Suite::new();
    let flx = cw20(&s.flx.addr);
    // 90 % of 1,000 FLX
    let id = s.open_cw20(&s.flx, 1_000_000_000, 900_000_000);
    let g = s.guarantee(id);
    assert_eq!(g.collateral_asset, flx);
    assert_eq!(g.pair, None);
    assert_eq!(s.balance(&flx, &s.guarantee.addr), 1_000_000_000);
    assert_eq!(
        s.guarantee.collateral_value(id).unwrap(),
        CollateralValueResponse {
            guarantee_id: id,
            collateral: u(1_000_000_000),
            price: cosmwasm_std::Decimal256::one(),
            value: u(1_000_000_000),
            window_seconds: 0,
            start: s.now().seconds(),
            end: s.now().seconds(),
        }
    );
    let health = s.guarantee.health(id).unwrap();
    assert_eq!(health.value.u128(), 1_000_000_000);
    assert_eq!(
        health.health_ratio,
        Some(Decimal::from_ratio(1_000_000_000u128, 900_000_000u128))
    );
    // FLX collateral is never liquidatable, even at a ratio of 1
    assert_eq!(health.maintenance_ratio, Decimal::one());
    assert!(!health.liquidatable);
    assert_claim_token(&s, id, 900_000_000);
    assert_eq!(
        s.cw20_balance(&s.claim_token(id), &s.beneficiary),
        900_000_000
    );
}

#[test]
fn open_top_up_and_release_with_a_native_coin() {
    let s = Suite::new();
    let cosm = native(DENOM);
    let price = s.price(&cosm);
    let id = s.open_cosm(1_000_000_000, 400_000_000);
    let g = s.guarantee(id);
    assert_eq!(g.collateral_asset, cosm);
    assert_eq!(g.pair, Some(s.cosm_pair.addr.clone()));
    assert_eq!(s.balance(&cosm, &s.guarantee.addr), 1_000_000_000);
    assert_eq!(s.balance(&cosm, &s.guarantor), START - 1_000_000_000);
    assert_eq!(
        s.guarantee.collateral_value(id).unwrap().value.u128(),
        value_at(1_000_000_000, price)
    );
    assert_claim_token(&s, id, 400_000_000);

    // anyone tops up with the guarantee's denom
    let res = s
        .guarantee
        .top_up_native(&s.stranger, id, &coins(250_000_000, DENOM))
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.guarantee.addr),
        attrs(&[
            ("action", "top_up"),
            ("guarantee_id", &id.to_string()),
            ("sender", s.stranger.as_str()),
            ("amount", "250000000"),
            ("collateral", "1250000000"),
        ])
    );
    assert_eq!(s.guarantee(id).collateral.u128(), 1_250_000_000);
    assert_eq!(s.held(&cosm), 1_250_000_000);
    assert_eq!(s.balance(&cosm, &s.guarantee.addr), 1_250_000_000);

    // released by the arbiter: all of it to the guarantor, in the native coin
    s.guarantee.release(&s.arbiter, id).unwrap();
    assert_eq!(s.balance(&cosm, &s.guarantee.addr), 0);
    assert_eq!(
        s.balance(&cosm, &s.guarantor),
        START - 1_000_000_000 + 1_250_000_000
    );
    assert_eq!(s.balance(&cosm, &s.stranger), START - 250_000_000);
    assert_eq!(s.held(&cosm), 0);
    assert_eq!(s.guarantee(id).returned.u128(), 1_250_000_000);
}

#[test]
fn top_up_by_anyone_adds_to_the_collateral() {
    let s = Suite::new();
    let nex = cw20(&s.nex.addr);
    let id = s.open_nex(1_000_000_000, 500_000_000);
    let res = s.guarantee.top_up(&s.nex, &s.carol, id, u(300)).unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.guarantee.addr),
        attrs(&[
            ("action", "top_up"),
            ("guarantee_id", "1"),
            ("sender", s.carol.as_str()),
            ("amount", "300"),
            ("collateral", "1000000300"),
        ])
    );
    s.guarantee
        .top_up(&s.nex, &s.guarantor, id, u(700))
        .unwrap();
    let g = s.guarantee(id);
    assert_eq!(g.collateral.u128(), 1_000_001_000);
    assert_eq!(g.coverage.u128(), 500_000_000);
    assert_eq!(s.held(&nex), 1_000_001_000);
    assert_eq!(s.balance(&nex, &s.guarantee.addr), 1_000_001_000);
    assert_eq!(s.balance(&nex, &s.carol), START - 300);
    // the value follows the collateral
    let price = s.price(&nex);
    assert_eq!(
        s.guarantee.collateral_value(id).unwrap().value.u128(),
        value_at(1_000_001_000, price)
    );
}

#[test]
fn release_collateral_down_to_max_ltv() {
    let mut s = Suite::new();
    let nex = cw20(&s.nex.addr);
    let collateral = 1_000_000_000u128;
    let coverage = 400_000_000u128;
    let id = s.open_nex(collateral, coverage);
    let price = s.price(&nex);
    let max_ltv = nex_params_ratios().0;
    let supports = |rest: u128| u(value_at(rest, price)).mul_floor(max_ltv).u128();
    // the least collateral that still supports the coverage (binary search on the formula)
    let (mut lo, mut hi) = (0u128, collateral);
    while lo < hi {
        let mid = (lo + hi) / 2;
        if supports(mid) >= coverage {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    let least = lo;
    assert!(supports(least) >= coverage && supports(least - 1) < coverage);

    // one unit too many is refused, with the figures of what would stay
    let too_much = collateral - least + 1;
    let expected = ContractError::CoverageAboveLtv {
        coverage: u(coverage),
        max_coverage: u(supports(least - 1)),
        value: u(value_at(least - 1, price)),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee
            .release_collateral(&s.guarantor, id, u(too_much))
    });

    // in two steps down to exactly the least
    let first = 100_000_000u128;
    let res = s
        .guarantee
        .release_collateral(&s.guarantor, id, u(first))
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.guarantee.addr),
        attrs(&[
            ("action", "release_collateral"),
            ("guarantee_id", "1"),
            ("amount", &first.to_string()),
            ("collateral", &(collateral - first).to_string()),
            ("value", &value_at(collateral - first, price).to_string()),
        ])
    );
    let second = collateral - first - least;
    s.guarantee
        .release_collateral(&s.guarantor, id, u(second))
        .unwrap();
    let g = s.guarantee(id);
    assert_eq!(g.collateral.u128(), least);
    assert_eq!(g.returned.u128(), collateral - least);
    assert_eq!(s.balance(&nex, &s.guarantor), START - least);
    assert_eq!(s.balance(&nex, &s.guarantee.addr), least);
    assert_eq!(s.held(&nex), least);
    assert_eq!(g.coverage.u128(), coverage);

    // FLX collateral: down to coverage / 0.9
    let fid = s.open_cw20(&s.flx, 1_000_000_000, 900_000_000);
    let zero = ContractError::ZeroAmount {
        what: "amount".to_string(),
    };
    s.assert_rejected(zero, |s| {
        s.guarantee.release_collateral(&s.guarantor, fid, u(0))
    });
    let expected = ContractError::CoverageAboveLtv {
        coverage: u(900_000_000),
        max_coverage: u(899_999_999),
        value: u(999_999_999),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee.release_collateral(&s.guarantor, fid, u(1))
    });
}

#[test]
fn relinquished_claims_lower_the_coverage_and_are_burned() {
    let s = Suite::new();
    let nex = cw20(&s.nex.addr);
    let id = s.open_nex(1_000_000_000, 900_000_000);
    let claim = s.claim_token(id);
    let res = s
        .guarantee
        .relinquish(&claim, &s.beneficiary, id, u(300_000_000))
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.guarantee.addr),
        attrs(&[
            ("action", "relinquish"),
            ("guarantee_id", "1"),
            ("holder", s.beneficiary.as_str()),
            ("amount", "300000000"),
            ("coverage", "600000000"),
        ])
    );
    let g = s.guarantee(id);
    assert_eq!(g.coverage.u128(), 600_000_000);
    assert_eq!(g.claims_outstanding.u128(), 600_000_000);
    assert_eq!(g.status, GuaranteeStatus::Open);
    assert_eq!(s.cw20_balance(&claim, &s.beneficiary), 600_000_000);
    assert_eq!(s.cw20_balance(&claim, &s.guarantee.addr), 0);
    assert_eq!(claim.total_supply().unwrap().u128(), 600_000_000);
    assert_eq!(s.totals().claims_outstanding.u128(), 600_000_000);
    assert_eq!(
        claim.supply_record().unwrap().burned,
        vec![BurnTotal {
            reason: BurnReason::GuaranteeRelease,
            amount: u(300_000_000),
        }]
    );
    // a holder who got claims by transfer may relinquish too
    claim
        .transfer(&s.beneficiary, &s.carol, u(100_000_000))
        .unwrap();
    s.guarantee
        .relinquish(&claim, &s.carol, id, u(100_000_000))
        .unwrap();
    assert_eq!(s.guarantee(id).coverage.u128(), 500_000_000);
    // the lower coverage frees collateral: 1,000 NEX at ~2 FLX supported 999 FLX, 500 now
    let price = s.price(&nex);
    let rest = 600_000_000u128;
    assert!(
        u(value_at(rest, price))
            .mul_floor(nex_params_ratios().0)
            .u128()
            >= 500_000_000
    );
    s.guarantee
        .release_collateral(&s.guarantor, id, u(1_000_000_000 - rest))
        .unwrap();
    assert_eq!(s.guarantee(id).collateral.u128(), rest);
    // the collateral is untouched by the relinquishment itself
    assert_eq!(s.balance(&nex, &s.guarantee.addr), rest);
}

#[test]
fn release_by_the_arbiter_retires_the_claims_and_returns_the_collateral() {
    let s = Suite::new();
    let nex = cw20(&s.nex.addr);
    let id = s.open_nex(1_000_000_000, 900_000_000);
    let claim = s.claim_token(id);
    claim
        .transfer(&s.beneficiary, &s.carol, u(200_000_000))
        .unwrap();
    s.guarantee.top_up(&s.nex, &s.carol, id, u(5)).unwrap();
    s.advance(DAY);
    let res = s.guarantee.release(&s.arbiter, id).unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.guarantee.addr),
        attrs(&[
            ("action", "release"),
            ("guarantee_id", "1"),
            ("returned", "1000000005"),
            ("claims_burned", "900000000"),
        ])
    );
    let g = s.guarantee(id);
    assert_eq!(g.status, GuaranteeStatus::Released);
    assert_eq!(g.collateral, Uint128::zero());
    assert_eq!(g.claims_outstanding, Uint128::zero());
    assert_eq!(g.returned.u128(), 1_000_000_005);
    assert_eq!(g.closed_at, Some(s.now()));
    // every holder's claims are gone at once, and the supply with them
    assert_eq!(s.cw20_balance(&claim, &s.beneficiary), 0);
    assert_eq!(s.cw20_balance(&claim, &s.carol), 0);
    assert_eq!(claim.total_supply().unwrap(), Uint128::zero());
    assert_eq!(
        claim.supply_record().unwrap().burned,
        vec![BurnTotal {
            reason: BurnReason::GuaranteeRelease,
            amount: u(900_000_000),
        }]
    );
    // the retired claims cannot move any more
    claim
        .transfer(&s.carol, &s.beneficiary, u(1))
        .expect_err("a retired claim token refuses transfers");
    // all the collateral back to the guarantor (the top-up included)
    assert_eq!(s.balance(&nex, &s.guarantor), START + 5);
    assert_eq!(s.balance(&nex, &s.guarantee.addr), 0);
    // nothing held (an asset's entry may stay at zero), no claim outstanding, none open
    let totals = s.totals();
    assert_eq!(s.held(&nex), 0);
    assert!(totals.held.iter().all(|t| t.amount.is_zero()));
    assert_eq!(totals.claims_outstanding, Uint128::zero());
    assert_eq!(totals.open_guarantees, 0);
    let claims = s.guarantee.claims(id).unwrap();
    assert!(!claims.redeemable);
    assert_eq!(claims.outstanding, Uint128::zero());
}

#[test]
fn release_by_anyone_at_the_expiry() {
    let s = Suite::new();
    let nex = cw20(&s.nex.addr);
    let id = s.open_nex(1_000_000_000, 900_000_000);
    let expires_at = s.guarantee(id).expires_at;
    s.advance(LIFE);
    assert_eq!(s.now(), expires_at);
    s.guarantee.release(&s.stranger, id).unwrap();
    let g = s.guarantee(id);
    assert_eq!(g.status, GuaranteeStatus::Released);
    assert_eq!(s.balance(&nex, &s.guarantor), START);
    assert_eq!(s.balance(&nex, &s.stranger), START);
    assert_eq!(s.cw20_balance(&s.claim_token(id), &s.beneficiary), 0);
    assert_eq!(s.totals().open_guarantees, 0);
}

#[test]
fn default_then_two_holders_redeem_pro_rata_and_the_last_takes_the_rest() {
    let s = Suite::new();
    let nex = cw20(&s.nex.addr);
    let collateral = 3_000_000_000u128;
    let coverage = 1_000_000_007u128;
    let id = s.open_nex(collateral, coverage);
    let claim = s.claim_token(id);
    let carols = 333_333_333u128;
    claim.transfer(&s.beneficiary, &s.carol, u(carols)).unwrap();
    s.advance(DAY);

    let price = s.price(&nex);
    let set_aside = set_aside_at(collateral, coverage, price);
    assert!(set_aside < collateral, "the guarantor has an excess");
    let excess = collateral - set_aside;
    let res = s.guarantee.declare_default(&s.arbiter, id).unwrap();
    let closable_at = s.now().plus_seconds(DEFAULT_REDEMPTION_PERIOD_SECONDS);
    assert_eq!(
        wasm_attrs(&res, &s.guarantee.addr),
        attrs(&[
            ("action", "declare_default"),
            ("guarantee_id", "1"),
            ("set_aside", &set_aside.to_string()),
            ("returned", &excess.to_string()),
            ("price", &price.to_string()),
            ("closable_at", &closable_at.seconds().to_string()),
        ])
    );
    // the excess went back at once
    assert_eq!(s.balance(&nex, &s.guarantor), START - collateral + excess);
    assert_eq!(s.balance(&nex, &s.guarantee.addr), set_aside);
    let g = s.guarantee(id);
    assert_eq!(g.status, GuaranteeStatus::Defaulted);
    assert_eq!(g.collateral, Uint128::zero());
    assert_eq!(g.set_aside_asset, Some(nex.clone()));
    assert_eq!(g.set_aside.u128(), set_aside);
    assert_eq!(g.set_aside_remaining.u128(), set_aside);
    assert_eq!(g.claims_at_default.u128(), coverage);
    assert_eq!(g.claims_outstanding.u128(), coverage);
    assert_eq!(g.returned.u128(), excess);
    assert_eq!(g.defaulted_at, Some(s.now()));
    assert_eq!(g.closable_at, Some(closable_at));
    assert_eq!(
        s.guarantee.claims(id).unwrap(),
        ClaimsResponse {
            guarantee_id: id,
            claim_token: claim.addr.clone(),
            outstanding: u(coverage),
            redeemable: true,
            asset: Some(nex.clone()),
            redeemable_amount: u(set_aside),
            redeemable_until: Some(closable_at),
        }
    );
    assert_eq!(s.held(&nex), set_aside);
    assert_eq!(s.totals().open_guarantees, 0);

    // carol redeems all of hers: floor pro rata
    let carol_paid = pro_rata(set_aside, coverage, carols);
    let res = s.guarantee.redeem(&claim, &s.carol, id, u(carols)).unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.guarantee.addr),
        attrs(&[
            ("action", "redeem"),
            ("guarantee_id", "1"),
            ("holder", s.carol.as_str()),
            ("amount", &carols.to_string()),
            ("paid", &carol_paid.to_string()),
            ("asset", &nex.to_string()),
        ])
    );
    assert_eq!(s.balance(&nex, &s.carol), START + carol_paid);
    assert_eq!(s.cw20_balance(&claim, &s.carol), 0);

    // the beneficiary in two parts: a small one (floor), then the last claims take the rest
    let bens = coverage - carols;
    let remaining = set_aside - carol_paid;
    let small = 1_000u128;
    let small_paid = pro_rata(remaining, bens, small);
    s.guarantee
        .redeem(&claim, &s.beneficiary, id, u(small))
        .unwrap();
    assert_eq!(s.balance(&nex, &s.beneficiary), START + small_paid);
    let last = bens - small;
    let last_paid = remaining - small_paid;
    s.guarantee
        .redeem(&claim, &s.beneficiary, id, u(last))
        .unwrap();
    assert_eq!(
        s.balance(&nex, &s.beneficiary),
        START + small_paid + last_paid
    );
    // everything set aside was paid, nothing more; the guarantor got exactly the rest
    assert_eq!(carol_paid + small_paid + last_paid, set_aside);
    assert_eq!(carol_paid + small_paid + last_paid + excess, collateral);
    let g = s.guarantee(id);
    assert_eq!(g.set_aside_remaining, Uint128::zero());
    assert_eq!(g.claims_outstanding, Uint128::zero());
    assert_eq!(claim.total_supply().unwrap(), Uint128::zero());
    assert_eq!(s.balance(&nex, &s.guarantee.addr), 0);
    assert_eq!(s.held(&nex), 0);
    assert_eq!(s.totals().claims_outstanding, Uint128::zero());
    assert_eq!(
        claim.supply_record().unwrap().burned,
        vec![BurnTotal {
            reason: BurnReason::Redemption,
            amount: u(coverage),
        }]
    );
}

#[test]
fn close_after_the_redemption_period_returns_what_no_claim_took() {
    let s = Suite::new();
    let nex = cw20(&s.nex.addr);
    let collateral = 2_000_000_000u128;
    let coverage = 800_000_000u128;
    let id = s.open_nex(collateral, coverage);
    let claim = s.claim_token(id);
    claim
        .transfer(&s.beneficiary, &s.carol, u(300_000_000))
        .unwrap();
    let price = s.price(&nex);
    let set_aside = set_aside_at(collateral, coverage, price);
    s.guarantee.declare_default(&s.arbiter, id).unwrap();
    let closable_at = s.guarantee(id).closable_at.unwrap();
    let carol_paid = pro_rata(set_aside, coverage, 300_000_000);
    s.guarantee
        .redeem(&claim, &s.carol, id, u(300_000_000))
        .unwrap();

    s.advance(DEFAULT_REDEMPTION_PERIOD_SECONDS);
    assert_eq!(s.now(), closable_at);
    let guarantor_before = s.balance(&nex, &s.guarantor);
    let rest = set_aside - carol_paid;
    let res = s.guarantee.close(&s.stranger, id).unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.guarantee.addr),
        attrs(&[
            ("action", "close"),
            ("guarantee_id", "1"),
            ("returned", &rest.to_string()),
            ("claims_burned", "500000000"),
        ])
    );
    assert_eq!(s.balance(&nex, &s.guarantor), guarantor_before + rest);
    // the guarantor got back exactly what carol's claims did not take
    assert_eq!(s.balance(&nex, &s.guarantor), START - carol_paid);
    let g = s.guarantee(id);
    assert_eq!(g.status, GuaranteeStatus::Closed);
    assert_eq!(g.closed_at, Some(s.now()));
    assert_eq!(g.set_aside_remaining, Uint128::zero());
    assert_eq!(g.returned.u128(), collateral - carol_paid);
    // the unredeemed claims are burned
    assert_eq!(s.cw20_balance(&claim, &s.beneficiary), 0);
    assert_eq!(claim.total_supply().unwrap(), Uint128::zero());
    assert_eq!(s.balance(&nex, &s.guarantee.addr), 0);
    assert_eq!(s.totals().claims_outstanding, Uint128::zero());
    let claims = s.guarantee.claims(id).unwrap();
    assert!(!claims.redeemable);
    assert_eq!(claims.redeemable_amount, Uint128::zero());
}

#[test]
fn liquidation_after_a_price_drop_sells_for_flx_held_for_the_claims() {
    let s = Suite::new();
    let nex = cw20(&s.nex.addr);
    let flx = cw20(&s.flx.addr);
    let collateral = 1_000_000_000u128;
    // one whose sale covers it with a surplus, one whose sale falls short
    let surplus_id = s.open_nex(collateral, 600_000_000);
    let short_id = s.open_nex(collateral, 950_000_000);
    assert!(!s.guarantee.health(surplus_id).unwrap().liquidatable);

    // NEX from ~2 to ~0.8 FLX: liquidatable below 1.5 × coverage
    s.dump(&s.nex_pair, &nex, 581_000_000_000);
    let price = s.price(&nex);
    assert!(price < cosmwasm_std::Decimal256::percent(85), "{price}");
    let value = value_at(collateral, price);
    let health = s.guarantee.health(surplus_id).unwrap();
    assert_eq!(
        health,
        HealthResponse {
            guarantee_id: surplus_id,
            value: u(value),
            coverage: u(600_000_000),
            health_ratio: Some(Decimal::from_ratio(value, 600_000_000u128)),
            maintenance_ratio: nex_params_ratios().1,
            liquidatable: true,
        }
    );

    for (id, coverage) in [(surplus_id, 600_000_000u128), (short_id, 950_000_000u128)] {
        let price = s.price(&nex);
        let fee = collateral * u128::from(DEFAULT_LIQUIDATION_FEE_BPS) / 10_000;
        let sold = collateral - fee;
        let minimum =
            value_at(sold, price) * u128::from(10_000 - DEFAULT_MAX_SLIPPAGE_BPS) / 10_000;
        let received = s
            .nex_pair
            .simulate(&s.nex, u(sold))
            .unwrap()
            .return_amount
            .u128();
        let set_aside = received.min(coverage);
        let surplus = received - set_aside;
        let liquidator_nex = s.balance(&nex, &s.liquidator);
        let guarantor_flx = s.balance(&flx, &s.guarantor);
        let contract_flx = s.balance(&flx, &s.guarantee.addr);
        let held_nex = s.held(&nex);
        let res = s.guarantee.liquidate(&s.liquidator, id).unwrap();
        let required = u(coverage).mul_ceil(nex_params_ratios().1);
        assert_eq!(
            wasm_attrs(&res, &s.guarantee.addr)[..8],
            attrs(&[
                ("action", "liquidate"),
                ("guarantee_id", &id.to_string()),
                ("liquidator", s.liquidator.as_str()),
                ("value", &value_at(collateral, price).to_string()),
                ("required", &required.to_string()),
                ("liquidation_fee", &fee.to_string()),
                ("sold", &sold.to_string()),
                ("minimum_receive", &minimum.to_string()),
            ])[..]
        );
        assert_eq!(
            expect_wasm_attr(&res, &s.guarantee.addr, "received"),
            received.to_string()
        );
        // the caller's fee, in the collateral
        assert_eq!(s.balance(&nex, &s.liquidator), liquidator_nex + fee);
        // min(proceeds, coverage) held for the claims, the surplus to the guarantor
        assert_eq!(s.balance(&flx, &s.guarantee.addr), contract_flx + set_aside);
        assert_eq!(s.balance(&flx, &s.guarantor), guarantor_flx + surplus);
        assert_eq!(s.held(&nex), held_nex - collateral);
        let g = s.guarantee(id);
        assert_eq!(g.status, GuaranteeStatus::Liquidated);
        assert_eq!(g.collateral, Uint128::zero());
        assert_eq!(g.set_aside_asset, Some(flx.clone()));
        assert_eq!(g.set_aside.u128(), set_aside);
        assert_eq!(g.set_aside_remaining.u128(), set_aside);
        assert_eq!(g.returned_flx.u128(), surplus);
        assert_eq!(g.claims_at_default.u128(), coverage);
        assert_eq!(
            g.closable_at,
            Some(s.now().plus_seconds(DEFAULT_REDEMPTION_PERIOD_SECONDS))
        );
        if id == surplus_id {
            assert_eq!(set_aside, coverage);
            assert!(surplus > 0);
        } else {
            assert_eq!(set_aside, received);
            assert_eq!(surplus, 0);
        }
    }
    assert_eq!(s.balance(&nex, &s.guarantee.addr), 0);
    let held_flx = s.held(&flx);
    assert_eq!(s.balance(&flx, &s.guarantee.addr), held_flx);

    // the claims redeem FLX: the beneficiary holds all of both
    for id in [surplus_id, short_id] {
        let g = s.guarantee(id);
        let claim = s.claim_token(id);
        let before = s.balance(&flx, &s.beneficiary);
        s.guarantee
            .redeem(&claim, &s.beneficiary, id, g.claims_outstanding)
            .unwrap();
        assert_eq!(s.balance(&flx, &s.beneficiary), before + g.set_aside.u128());
        assert_eq!(claim.total_supply().unwrap(), Uint128::zero());
    }
    assert_eq!(s.balance(&flx, &s.guarantee.addr), 0);
    assert_eq!(s.held(&flx), 0);
    assert_eq!(s.totals().claims_outstanding, Uint128::zero());
}

#[test]
fn queries_page_by_party_and_report_value_health_claims_and_totals() {
    let s = Suite::new();
    let nex = cw20(&s.nex.addr);
    let aur = cw20(&s.aur.addr);
    // 1, 2: the guarantor for the beneficiary; 3: for carol; 4: carol for the beneficiary
    s.open_nex(1_000_000_000, 100_000_000);
    s.open_cw20(&s.aur, 10_000_000, 100_000_000);
    s.guarantee
        .open(
            &s.nex,
            &s.guarantor,
            u(1_000_000_000),
            OpenMsg {
                beneficiary: s.carol.to_string(),
                ..s.open_msg(200_000_000)
            },
        )
        .unwrap();
    s.guarantee
        .open(&s.flx, &s.carol, u(500_000_000), s.open_msg(300_000_000))
        .unwrap();

    let ids = |page: Vec<GuaranteeResponse>| page.iter().map(|g| g.id).collect::<Vec<_>>();
    let g = &s.guarantee;
    assert_eq!(
        ids(g
            .guarantees_by_guarantor(&s.guarantor, None, Some(2))
            .unwrap()),
        [1, 2]
    );
    assert_eq!(
        ids(g
            .guarantees_by_guarantor(&s.guarantor, Some(2), Some(2))
            .unwrap()),
        [3]
    );
    assert_eq!(
        ids(g
            .guarantees_by_guarantor(&s.guarantor, Some(3), None)
            .unwrap()),
        Vec::<u64>::new()
    );
    assert_eq!(
        ids(g.guarantees_by_guarantor(&s.carol, None, None).unwrap()),
        [4]
    );
    assert_eq!(
        ids(g
            .guarantees_by_beneficiary(&s.beneficiary, None, None)
            .unwrap()),
        [1, 2, 4]
    );
    assert_eq!(
        ids(g
            .guarantees_by_beneficiary(&s.beneficiary, Some(1), Some(1))
            .unwrap()),
        [2]
    );
    assert_eq!(
        ids(g.guarantees_by_beneficiary(&s.carol, None, None).unwrap()),
        [3]
    );
    assert_eq!(
        ids(g
            .guarantees_by_beneficiary(&s.stranger, None, None)
            .unwrap()),
        Vec::<u64>::new()
    );
    assert_eq!(ids(g.guarantees(None, Some(3)).unwrap()), [1, 2, 3]);
    assert_eq!(ids(g.guarantees(Some(3), None).unwrap()), [4]);
    assert_eq!(ids(g.all_guarantees().unwrap()), [1, 2, 3, 4]);
    // a page is at most 30
    for _ in 0..28 {
        s.open_cw20(&s.flx, 10, 1);
    }
    assert_eq!(g.guarantees(None, Some(100)).unwrap().len(), 30);
    assert_eq!(g.guarantees(None, None).unwrap().len(), 10);
    assert_eq!(g.all_guarantees().unwrap().len(), 32);

    // CollateralValue: the TWAP over the configured window, never shorter
    let cv = g.collateral_value(2).unwrap();
    let twap = s.aur_pair.twap(WINDOW).unwrap();
    assert_eq!(twap.asset_infos[1], aur, "FLX is the pair's first asset");
    assert_eq!(cv.price, twap.price1_average);
    assert_eq!(cv.price, s.price(&aur));
    assert_eq!(cv.collateral.u128(), 10_000_000);
    assert_eq!(cv.value.u128(), value_at(10_000_000, cv.price));
    assert_eq!(cv.window_seconds, WINDOW);
    assert_eq!(cv.end, s.now().seconds());
    assert!(cv.end - cv.start >= WINDOW);
    assert_eq!((cv.start, cv.end), (twap.start, twap.end));
    let cv = g.collateral_value(1).unwrap();
    assert_eq!(cv.price, s.nex_pair.twap(WINDOW).unwrap().price0_average);

    // Health
    let health = g.health(2).unwrap();
    let value = value_at(10_000_000, s.price(&aur));
    assert_eq!(
        health,
        HealthResponse {
            guarantee_id: 2,
            value: u(value),
            coverage: u(100_000_000),
            health_ratio: Some(Decimal::from_ratio(value, 100_000_000u128)),
            maintenance_ratio: aur_params_ratios().1,
            liquidatable: false,
        }
    );

    // Claims of an open guarantee
    assert_eq!(
        g.claims(3).unwrap(),
        ClaimsResponse {
            guarantee_id: 3,
            claim_token: s.guarantee(3).claim_token,
            outstanding: u(200_000_000),
            redeemable: false,
            asset: None,
            redeemable_amount: Uint128::zero(),
            redeemable_until: None,
        }
    );

    // Totals per asset (by the assets' storage keys)
    let totals = s.totals();
    assert_eq!(totals.open_guarantees, 32);
    assert_eq!(
        totals.claims_outstanding.u128(),
        100_000_000 + 100_000_000 + 200_000_000 + 300_000_000 + 28
    );
    assert_eq!(s.held(&nex), 2_000_000_000);
    assert_eq!(s.held(&aur), 10_000_000);
    assert_eq!(s.held(&cw20(&s.flx.addr)), 500_000_000 + 28 * 10);
    assert_eq!(totals.held.len(), 3);

    // Config and the collaterals
    let config = g.config().unwrap();
    assert_eq!(
        config,
        ConfigResponse {
            flx_token: s.flx.addr.clone(),
            router: s.router.addr.clone(),
            claim_token_code_id: s.token_code,
            twap_window_seconds: DEFAULT_TWAP_WINDOW_SECONDS,
            redemption_period_seconds: DEFAULT_REDEMPTION_PERIOD_SECONDS,
            liquidation_fee_bps: DEFAULT_LIQUIDATION_FEE_BPS,
            max_slippage_bps: DEFAULT_MAX_SLIPPAGE_BPS,
            max_duration_seconds: DEFAULT_MAX_DURATION_SECONDS,
            guarantee_count: 32,
            paused_until: None,
        }
    );
    assert_eq!(g.collaterals().unwrap().len(), 4);
    assert_eq!(
        g.collateral(nex.clone()).unwrap(),
        CollateralResponse {
            asset: nex,
            max_ltv: nex_params_ratios().0,
            maintenance_ratio: nex_params_ratios().1,
            pair: Some(s.nex_pair.addr.clone()),
        }
    );
    assert_eq!(
        g.collateral(native(DENOM)).unwrap().pair,
        Some(s.cosm_pair.addr.clone())
    );
    assert_eq!(g.ownership().unwrap().owner, Some(s.owner.to_string()));
    assert!(!g.pause_status().unwrap().paused);
    // a token that is no claim token is not a guarantee
    g.guarantee_by_claim_token(&s.nex.addr)
        .expect_err("NEX is no claim token");
}

#[test]
fn the_owner_relists_delists_and_updates_the_config() {
    let s = Suite::new();
    let nex = cw20(&s.nex.addr);
    // open with NEX's listing, then change it: the open guarantee keeps what it opened with
    let id = s.open_nex(1_000_000_000, 100_000_000);
    let res = s
        .guarantee
        .update_collateral(
            &s.owner,
            nex.clone(),
            Some(params(
                (Decimal::percent(40), Decimal::percent(200)),
                Some(&s.nex_pair),
            )),
        )
        .unwrap();
    assert_eq!(
        wasm_attrs(&res, &s.guarantee.addr),
        attrs(&[
            ("action", "update_collateral"),
            ("asset", &nex.to_string()),
            ("max_ltv", "0.4"),
            ("maintenance_ratio", "2"),
            ("pair", s.nex_pair.addr.as_str()),
        ])
    );
    assert_eq!(s.guarantee(id).max_ltv, nex_params_ratios().0);
    assert_eq!(
        s.guarantee.collateral(nex.clone()).unwrap().max_ltv,
        Decimal::percent(40)
    );
    // delisted: no new guarantee of it, the open one goes on
    s.guarantee
        .update_collateral(&s.owner, nex.clone(), None)
        .unwrap();
    assert_eq!(s.guarantee.collaterals().unwrap().len(), 3);
    s.guarantee.top_up(&s.nex, &s.guarantor, id, u(1)).unwrap();
    s.guarantee.release(&s.arbiter, id).unwrap();
    assert_eq!(s.balance(&nex, &s.guarantor), START);

    s.guarantee
        .update_config(
            &s.owner,
            ConfigUpdate {
                twap_window_seconds: Some(1_800),
                redemption_period_seconds: Some(2 * DAY),
                liquidation_fee_bps: Some(500),
                max_slippage_bps: Some(2_000),
                max_duration_seconds: Some(7 * DAY),
                router: None,
            },
        )
        .unwrap();
    let config = s.guarantee.config().unwrap();
    assert_eq!(config.twap_window_seconds, 1_800);
    assert_eq!(config.redemption_period_seconds, 2 * DAY);
    assert_eq!(config.liquidation_fee_bps, 500);
    assert_eq!(config.max_slippage_bps, 2_000);
    assert_eq!(config.max_duration_seconds, 7 * DAY);
    assert_eq!(config.router, s.router.addr);
    // the new window values the collateral
    let res = s
        .guarantee
        .open(
            &s.aur,
            &s.guarantor,
            u(1_000_000),
            OpenMsg {
                expires_at: s.now().plus_seconds(7 * DAY),
                ..s.open_msg(1_000_000)
            },
        )
        .unwrap();
    let aid: u64 = expect_wasm_attr(&res, &s.guarantee.addr, "guarantee_id")
        .parse()
        .unwrap();
    assert_eq!(
        s.guarantee.collateral_value(aid).unwrap().window_seconds,
        1_800
    );
}

#[test]
fn pause_stops_opening_and_unpause_resumes_it() {
    let s = Suite::new();
    let id = s.open_nex(1_000_000_000, 100_000_000);
    s.guarantee.pause(&s.owner, None).unwrap();
    assert!(s.guarantee.pause_status().unwrap().paused);
    // what is not paused goes on: relinquish, default, redeem
    let claim = s.claim_token(id);
    s.guarantee
        .relinquish(&claim, &s.beneficiary, id, u(1))
        .unwrap();
    s.guarantee.declare_default(&s.arbiter, id).unwrap();
    s.guarantee
        .redeem(&claim, &s.beneficiary, id, u(10))
        .unwrap();
    s.guarantee.unpause(&s.owner).unwrap();
    assert!(!s.guarantee.pause_status().unwrap().paused);
    assert_eq!(s.open_nex(1_000_000_000, 100_000_000), 2);
}

#[test]
fn a_default_without_a_twap_sets_all_the_collateral_aside() {
    let s = Suite::new();
    let nex = cw20(&s.nex.addr);
    let id = s.open_nex(1_000_000_000, 100_000_000);
    // a window longer than the pairs' history: no TWAP answers
    s.guarantee
        .update_config(
            &s.owner,
            ConfigUpdate {
                twap_window_seconds: Some(86_400),
                ..ConfigUpdate::default()
            },
        )
        .unwrap();
    s.nex_pair.twap(86_400).expect_err("not covered");
    let res = s.guarantee.declare_default(&s.arbiter, id).unwrap();
    assert_eq!(expect_wasm_attr(&res, &s.guarantee.addr, "price"), "none");
    assert_eq!(expect_wasm_attr(&res, &s.guarantee.addr, "returned"), "0");
    let g = s.guarantee(id);
    assert_eq!(g.set_aside.u128(), 1_000_000_000);
    assert_eq!(g.returned, Uint128::zero());
    assert_eq!(s.balance(&nex, &s.guarantor), START - 1_000_000_000);
    // the only holder redeems all of it
    s.guarantee
        .redeem(&s.claim_token(id), &s.beneficiary, id, u(100_000_000))
        .unwrap();
    assert_eq!(s.balance(&nex, &s.beneficiary), START + 1_000_000_000);
}

#[test]
fn liquidation_of_native_collateral_sells_the_coin() {
    let s = Suite::new();
    let cosm = native(DENOM);
    let flx = cw20(&s.flx.addr);
    let collateral = 1_000_000_000u128;
    let coverage = 400_000_000u128;
    let id = s.open_cosm(collateral, coverage);
    // ~1 to ~0.5 FLX per ucosm: 500 < 400 × 1.5
    s.dump(&s.cosm_pair, &cosm, 414_000_000_000);
    assert!(s.guarantee.health(id).unwrap().liquidatable);
    let fee = collateral * u128::from(DEFAULT_LIQUIDATION_FEE_BPS) / 10_000;
    let sold = collateral - fee;
    let received = s
        .cosm_pair
        .simulation(cosm.with_amount(u(sold)))
        .unwrap()
        .return_amount
        .u128();
    let liquidator_cosm = s.balance(&cosm, &s.liquidator);
    let guarantor_flx = s.balance(&flx, &s.guarantor);
    s.guarantee.liquidate(&s.liquidator, id).unwrap();
    assert_eq!(s.balance(&cosm, &s.liquidator), liquidator_cosm + fee);
    assert_eq!(s.balance(&cosm, &s.guarantee.addr), 0);
    let set_aside = received.min(coverage);
    assert_eq!(s.balance(&flx, &s.guarantee.addr), set_aside);
    assert_eq!(
        s.balance(&flx, &s.guarantor),
        guarantor_flx + received - set_aside
    );
    let g = s.guarantee(id);
    assert_eq!(g.status, GuaranteeStatus::Liquidated);
    assert_eq!(g.set_aside.u128(), set_aside);
    assert_eq!(s.held(&cosm), 0);
    assert_eq!(s.held(&flx), set_aside);
    // nobody redeems; after the period the FLX goes back to the guarantor
    s.advance(DEFAULT_REDEMPTION_PERIOD_SECONDS);
    s.guarantee.close(&s.stranger, id).unwrap();
    assert_eq!(s.balance(&flx, &s.guarantor), guarantor_flx + received);
    let g = s.guarantee(id);
    assert_eq!(g.returned_flx.u128(), received);
    assert_eq!(g.status, GuaranteeStatus::Closed);
    assert_eq!(s.held(&flx), 0);
    assert_eq!(s.cw20_balance(&s.claim_token(id), &s.beneficiary), 0);
}
