//! Every refusal of the guarantee contract, each with its exact error and nothing changed: the
//! raw storage of the guarantee contract, the pairs and every claim token, every supply, every
//! balance of every account in every asset (claims included), and the guarantees and totals as
//! queried ([`State`]).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coin, coins, to_json_binary, Coin, Decimal};
use cw20::Cw20ReceiveMsg;
use cw_multi_test::Executor;
use cw_ownable::OwnershipError;
use cw_utils::PaymentError;
use poe_controllers::pause::INDEFINITE;
use poe_controllers::PauseError;

/// The suite with guarantee 1 (1,000 NEX covering 500 FLX) open.
fn suite() -> Suite {
    let s = Suite::new();
    s.open_nex(1_000_000_000, 500_000_000);
    s
}

fn not_open(guarantee_id: u64, status: GuaranteeStatus) -> ContractError {
    ContractError::GuaranteeNotOpen {
        guarantee_id,
        status,
    }
}

fn not_redeemable(guarantee_id: u64, status: GuaranteeStatus) -> ContractError {
    ContractError::NotRedeemable {
        guarantee_id,
        status,
    }
}

fn invalid_params(asset: &AssetInfo, reason: &str) -> ContractError {
    ContractError::InvalidCollateralParams {
        asset: asset.clone(),
        reason: reason.to_string(),
    }
}

fn payment(err: PaymentError) -> ContractError {
    ContractError::Payment(err)
}

/// A `Receive` hook called directly by `caller` (not a token's `Send`), claiming `sender` sent
/// `amount`.
fn forged_hook(
    s: &Suite,
    caller: &cosmwasm_std::Addr,
    sender: &cosmwasm_std::Addr,
    amount: u128,
    msg: &ReceiveMsg,
    funds: &[Coin],
) -> anyhow::Result<cw_multi_test::AppResponse> {
    let hook = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: sender.to_string(),
        amount: u(amount),
        msg: to_json_binary(msg).unwrap(),
    });
    s.guarantee.execute_with_funds(caller, &hook, funds)
}

#[test]
fn wrong_token_in_the_hooks() {
    let mut s = suite();
    let nex = cw20(&s.nex.addr);
    // a cw20 nobody listed cannot open a guarantee
    let expected = ContractError::CollateralNotListed {
        asset: cw20(&s.bad.addr),
    };
    s.assert_rejected(expected, |s| {
        let msg = s.open_msg(1);
        s.guarantee.open(&s.bad, &s.guarantor, u(1_000_000), msg)
    });
    // a top-up of guarantee 1 (NEX) with another listed collateral, or with FLX
    for token in [s.aur.clone(), s.flx.clone()] {
        let expected = ContractError::WrongAsset {
            expected: nex.clone(),
            received: cw20(&token.addr),
        };
        s.assert_rejected(expected, |s| {
            s.guarantee.top_up(&token, &s.guarantor, 1, u(1_000))
        });
    }
    // the collateral of another guarantee: guarantee 2 holds AUR, guarantee 1 refuses it
    s.open_cw20(&s.aur, 10_000_000, 100_000_000);
    let expected = ContractError::WrongAsset {
        expected: nex.clone(),
        received: cw20(&s.aur.addr),
    };
    s.assert_rejected(expected, |s| s.guarantee.top_up(&s.aur, &s.carol, 1, u(5)));
    // a native top-up of a cw20 guarantee
    let expected = ContractError::WrongAsset {
        expected: nex.clone(),
        received: native(DENOM),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee
            .top_up_native(&s.guarantor, 1, &coins(1_000, DENOM))
    });
    // collateral tokens are no claim tokens
    let expected = ContractError::NotClaimToken {
        token: s.nex.addr.clone(),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee.redeem(&s.nex, &s.beneficiary, 1, u(10))
    });
    let expected = ContractError::NotClaimToken {
        token: s.bad.addr.clone(),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee.relinquish(&s.bad, &s.beneficiary, 1, u(10))
    });
}

#[test]
fn forged_hooks_are_refused() {
    let mut s = suite();
    // anyone may call `Receive` directly: the caller is then the "token"
    let expected = ContractError::WrongAsset {
        expected: cw20(&s.nex.addr),
        received: cw20(&s.stranger),
    };
    s.assert_rejected(expected, |s| {
        let msg = ReceiveMsg::TopUp { guarantee_id: 1 };
        forged_hook(s, &s.stranger, &s.guarantor, 1_000_000, &msg, &[])
    });
    let expected = ContractError::NotClaimToken {
        token: s.stranger.clone(),
    };
    s.assert_rejected(expected, |s| {
        let msg = ReceiveMsg::Redeem { guarantee_id: 1 };
        forged_hook(s, &s.stranger, &s.beneficiary, 1, &msg, &[])
    });
    let expected = ContractError::CollateralNotListed {
        asset: cw20(&s.stranger),
    };
    s.assert_rejected(expected, |s| {
        let msg = ReceiveMsg::Open(s.open_msg(1));
        forged_hook(s, &s.stranger, &s.guarantor, 1_000_000, &msg, &[])
    });
}

#[test]
fn a_claim_token_of_one_guarantee_naming_another() {
    let mut s = suite();
    s.open_nex(1_000_000_000, 400_000_000);
    let claim1 = s.claim_token(1);
    let mismatch = |claim: &Cw20Handle, named: u64| ContractError::ClaimTokenMismatch {
        guarantee_id: named,
        claim_token: claim.addr.clone(),
        claim_guarantee_id: 1,
    };
    // while open
    let expected = mismatch(&claim1, 2);
    s.assert_rejected(expected, |s| {
        s.guarantee.relinquish(&claim1, &s.beneficiary, 2, u(10))
    });
    // once both defaulted: guarantee 1's claims never draw on guarantee 2's collateral
    s.guarantee.declare_default(&s.arbiter, 1).unwrap();
    s.guarantee.declare_default(&s.arbiter, 2).unwrap();
    for named in [2, 99] {
        let expected = mismatch(&claim1, named);
        s.assert_rejected(expected, |s| {
            s.guarantee.redeem(&claim1, &s.beneficiary, named, u(10))
        });
    }
    // the right id redeems
    s.guarantee
        .redeem(&claim1, &s.beneficiary, 1, u(10))
        .unwrap();
}

#[test]
fn redeem_or_close_while_open() {
    let mut s = suite();
    let claim = s.claim_token(1);
    s.assert_rejected(not_redeemable(1, GuaranteeStatus::Open), |s| {
        s.guarantee.redeem(&claim, &s.beneficiary, 1, u(10))
    });
    s.assert_rejected(not_redeemable(1, GuaranteeStatus::Open), |s| {
        s.guarantee.close(&s.stranger, 1)
    });
}

#[test]
fn open_operations_after_a_default() {
    let mut s = suite();
    let claim = s.claim_token(1);
    s.guarantee.declare_default(&s.arbiter, 1).unwrap();
    let defaulted = || not_open(1, GuaranteeStatus::Defaulted);
    s.assert_rejected(defaulted(), |s| {
        s.guarantee.relinquish(&claim, &s.beneficiary, 1, u(10))
    });
    s.assert_rejected(defaulted(), |s| {
        s.guarantee.top_up(&s.nex, &s.guarantor, 1, u(10))
    });
    s.assert_rejected(defaulted(), |s| {
        s.guarantee.release_collateral(&s.guarantor, 1, u(10))
    });
    s.assert_rejected(defaulted(), |s| s.guarantee.release(&s.arbiter, 1));
    s.assert_rejected(defaulted(), |s| s.guarantee.declare_default(&s.arbiter, 1));
    s.assert_rejected(defaulted(), |s| s.guarantee.liquidate(&s.liquidator, 1));
}

#[test]
fn double_release_and_default_after_release() {
    let mut s = suite();
    s.guarantee.release(&s.arbiter, 1).unwrap();
    let released = || not_open(1, GuaranteeStatus::Released);
    s.assert_rejected(released(), |s| s.guarantee.release(&s.arbiter, 1));
    s.advance(LIFE);
    s.assert_rejected(released(), |s| s.guarantee.release(&s.stranger, 1));
    s.assert_rejected(released(), |s| s.guarantee.declare_default(&s.arbiter, 1));
    s.assert_rejected(not_redeemable(1, GuaranteeStatus::Released), |s| {
        s.guarantee.close(&s.stranger, 1)
    });
}

#[test]
fn release_before_expiry_by_anyone_but_the_arbiter() {
    let mut s = suite();
    let g = s.guarantee(1);
    s.advance(LIFE - 1);
    for who in [
        s.stranger.clone(),
        s.guarantor.clone(),
        s.beneficiary.clone(),
        s.owner.clone(),
    ] {
        let expected = ContractError::ReleaseBeforeExpiry {
            arbiter: g.arbiter.clone(),
            expires_at: g.expires_at,
        };
        s.assert_rejected(expected, |s| s.guarantee.release(&who, 1));
    }
}

#[test]
fn default_by_a_non_arbiter_or_at_expiry() {
    let mut s = suite();
    let g = s.guarantee(1);
    for who in [s.guarantor.clone(), s.beneficiary.clone(), s.owner.clone()] {
        let expected = ContractError::NotArbiter {
            arbiter: g.arbiter.clone(),
            sender: who.clone(),
        };
        s.assert_rejected(expected, |s| s.guarantee.declare_default(&who, 1));
    }
    s.advance(LIFE);
    let expected = ContractError::GuaranteeExpired {
        expires_at: g.expires_at,
    };
    s.assert_rejected(expected, |s| s.guarantee.declare_default(&s.arbiter, 1));
    s.advance(DAY);
    let expected = ContractError::GuaranteeExpired {
        expires_at: g.expires_at,
    };
    s.assert_rejected(expected, |s| s.guarantee.declare_default(&s.arbiter, 1));
}

#[test]
fn release_collateral_by_a_stranger_or_beyond_the_collateral() {
    let mut s = suite();
    let expected = ContractError::NotGuarantor {
        guarantor: s.guarantor.clone(),
        sender: s.beneficiary.clone(),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee.release_collateral(&s.beneficiary, 1, u(1))
    });
    let expected = ContractError::InsufficientCollateral {
        collateral: u(1_000_000_000),
        requested: u(1_000_000_001),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee
            .release_collateral(&s.guarantor, 1, u(1_000_000_001))
    });
    // all of it would leave nothing to cover 500 FLX
    let expected = ContractError::CoverageAboveLtv {
        coverage: u(500_000_000),
        max_coverage: u(0),
        value: u(0),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee
            .release_collateral(&s.guarantor, 1, u(1_000_000_000))
    });
}

#[test]
fn liquidation_of_a_healthy_guarantee() {
    let mut s = suite();
    let nex = cw20(&s.nex.addr);
    let value = value_at(1_000_000_000, s.price(&nex));
    let expected = ContractError::GuaranteeHealthy {
        value: u(value),
        required: u(750_000_000),
    };
    s.assert_rejected(expected, |s| s.guarantee.liquidate(&s.liquidator, 1));
    // a drop not deep enough: ~2 to ~1.6 FLX, value ~1,600 ≥ 750
    s.dump(&s.nex_pair, &nex, 120_000_000_000);
    let value = value_at(1_000_000_000, s.price(&nex));
    assert!(value >= 750_000_000);
    let expected = ContractError::GuaranteeHealthy {
        value: u(value),
        required: u(750_000_000),
    };
    s.assert_rejected(expected, |s| s.guarantee.liquidate(&s.liquidator, 1));
    // the spot price falling is not enough: the TWAP has not followed yet
    s.nex_pair
        .swap_asset(
            &s.lp,
            nex.with_amount(u(2_000_000_000_000)),
            &SwapBounds::any_spread(),
        )
        .unwrap();
    s.advance(60);
    let health = s.guarantee.health(1).unwrap();
    assert!(!health.liquidatable, "{health:?}");
    let expected = ContractError::GuaranteeHealthy {
        value: health.value,
        required: u(750_000_000),
    };
    s.assert_rejected(expected, |s| s.guarantee.liquidate(&s.liquidator, 1));
}

#[test]
fn liquidation_of_flx_collateral() {
    let mut s = suite();
    let id = s.open_cw20(&s.flx, 1_000_000_000, 900_000_000);
    s.assert_rejected(ContractError::NotLiquidatable {}, |s| {
        s.guarantee.liquidate(&s.liquidator, id)
    });
}

#[test]
fn a_twap_window_the_pair_cannot_cover_refuses_the_guarantee() {
    let mut s = suite();
    let (new, pair) = s.new_collateral("NEW");
    let refused_open = |s: &mut Suite, covered: u64| {
        let pair_addr = pair.addr.clone();
        s.assert_rejected_with(
            "open on a fresh pair",
            |e| match e {
                ContractError::TwapUnavailable {
                    pair,
                    window_seconds,
                    reason,
                } => {
                    *pair == pair_addr
                        && *window_seconds == WINDOW
                        && reason.contains(&format!(
                            "TWAP window of {WINDOW} s is not covered: observations cover the last {covered} s"
                        ))
                }
                _ => false,
            },
            |s| {
                let msg = s.open_msg(1_000);
                s.guarantee.open(&new, &s.guarantor, u(1_000_000), msg)
            },
        );
    };
    // no time at all since the first deposit
    refused_open(&mut s, 0);
    // half the window
    s.advance(WINDOW / 2);
    refused_open(&mut s, WINDOW / 2);
    // one second short
    s.advance(WINDOW / 2 - 1);
    refused_open(&mut s, WINDOW - 1);
    // covered: accepted
    s.advance(1);
    s.guarantee
        .open(&new, &s.guarantor, u(1_000_000), s.open_msg(1_000))
        .unwrap();
}

#[test]
fn coverage_beyond_max_ltv_and_zero_coverage() {
    let mut s = suite();
    let nex = cw20(&s.nex.addr);
    let value = value_at(1_000_000_000, s.price(&nex));
    let max = u(value).mul_floor(nex_params_ratios().0);
    let expected = ContractError::CoverageAboveLtv {
        coverage: max + u(1),
        max_coverage: max,
        value: u(value),
    };
    s.assert_rejected(expected, |s| {
        let msg = s.open_msg(max.u128() + 1);
        s.guarantee
            .open(&s.nex, &s.guarantor, u(1_000_000_000), msg)
    });
    // FLX: 90 % of 1,000
    let expected = ContractError::CoverageAboveLtv {
        coverage: u(900_000_001),
        max_coverage: u(900_000_000),
        value: u(1_000_000_000),
    };
    s.assert_rejected(expected, |s| {
        let msg = s.open_msg(900_000_001);
        s.guarantee
            .open(&s.flx, &s.guarantor, u(1_000_000_000), msg)
    });
    let zero = ContractError::ZeroAmount {
        what: "coverage".to_string(),
    };
    s.assert_rejected(zero, |s| {
        let msg = s.open_msg(0);
        s.guarantee
            .open(&s.nex, &s.guarantor, u(1_000_000_000), msg)
    });
}

#[test]
fn expiry_in_the_past_now_or_beyond_max_duration() {
    let mut s = suite();
    let now = s.now();
    let latest = now.plus_seconds(DEFAULT_MAX_DURATION_SECONDS);
    for expires_at in [now.minus_seconds(1), now, latest.plus_seconds(1)] {
        let expected = ContractError::InvalidExpiry {
            expires_at,
            now,
            latest,
        };
        s.assert_rejected(expected, |s| {
            let msg = OpenMsg {
                expires_at,
                ..s.open_msg(1_000)
            };
            s.guarantee.open(&s.nex, &s.guarantor, u(1_000_000), msg)
        });
    }
    // the bounds themselves: one second from now, and exactly the longest life
    for expires_at in [now.plus_seconds(1), latest] {
        let msg = OpenMsg {
            expires_at,
            ..s.open_msg(1_000)
        };
        s.guarantee
            .open(&s.nex, &s.guarantor, u(1_000_000), msg)
            .unwrap();
    }
}

#[test]
fn funds_where_none_are_taken() {
    let mut s = suite();
    let funds = coins(1_000, DENOM);
    // on the cw20 path (a hook called directly with coins)
    s.assert_rejected(payment(PaymentError::NonPayable {}), |s| {
        let msg = ReceiveMsg::TopUp { guarantee_id: 1 };
        forged_hook(s, &s.guarantor, &s.guarantor, 1_000, &msg, &funds)
    });
    let messages = [
        ExecuteMsg::ReleaseCollateral {
            guarantee_id: 1,
            amount: u(1),
        },
        ExecuteMsg::Release { guarantee_id: 1 },
        ExecuteMsg::DeclareDefault { guarantee_id: 1 },
        ExecuteMsg::Liquidate { guarantee_id: 1 },
        ExecuteMsg::Close { guarantee_id: 1 },
        ExecuteMsg::UpdateCollateral {
            asset: native(DENOM),
            params: None,
        },
        ExecuteMsg::Pause { until: None },
    ];
    for msg in messages {
        let sender = match msg {
            ExecuteMsg::ReleaseCollateral { .. } => s.guarantor.clone(),
            ExecuteMsg::UpdateCollateral { .. } | ExecuteMsg::Pause { .. } => s.owner.clone(),
            _ => s.arbiter.clone(),
        };
        s.assert_rejected(payment(PaymentError::NonPayable {}), |s| {
            s.guarantee.execute_with_funds(&sender, &msg, &funds)
        });
    }
}

#[test]
fn wrong_or_multiple_native_coins() {
    let mut s = suite();
    let cosm_id = s.open_cosm(1_000_000_000, 100_000_000);
    let two = [coin(1_000_000, DENOM), coin(1_000_000, OTHER_DENOM)];
    s.assert_rejected(payment(PaymentError::MultipleDenoms {}), |s| {
        let msg = s.open_msg(1_000);
        s.guarantee.open_native(&s.guarantor, &two, msg)
    });
    s.assert_rejected(payment(PaymentError::NoFunds {}), |s| {
        let msg = s.open_msg(1_000);
        s.guarantee.open_native(&s.guarantor, &[], msg)
    });
    let expected = ContractError::CollateralNotListed {
        asset: native(OTHER_DENOM),
    };
    s.assert_rejected(expected, |s| {
        let msg = s.open_msg(1_000);
        s.guarantee
            .open_native(&s.guarantor, &coins(1_000_000, OTHER_DENOM), msg)
    });
    let expected = ContractError::WrongAsset {
        expected: native(DENOM),
        received: native(OTHER_DENOM),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee
            .top_up_native(&s.guarantor, cosm_id, &coins(1_000, OTHER_DENOM))
    });
    s.assert_rejected(payment(PaymentError::MultipleDenoms {}), |s| {
        s.guarantee.top_up_native(&s.guarantor, cosm_id, &two)
    });
    s.assert_rejected(payment(PaymentError::NoFunds {}), |s| {
        s.guarantee.top_up_native(&s.guarantor, cosm_id, &[])
    });
    // a cw20 top-up of a native guarantee
    let expected = ContractError::WrongAsset {
        expected: native(DENOM),
        received: cw20(&s.nex.addr),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee.top_up(&s.nex, &s.guarantor, cosm_id, u(1_000))
    });
}

#[test]
fn unauthorised_owner_messages() {
    let mut s = suite();
    let not_owner = || ContractError::Ownership(OwnershipError::NotOwner);
    for who in [s.stranger.clone(), s.arbiter.clone(), s.guarantor.clone()] {
        s.assert_rejected(not_owner(), |s| {
            s.guarantee.update_collateral(
                &who,
                cw20(&s.bad.addr),
                Some(params(nex_params_ratios(), Some(&s.nex_pair))),
            )
        });
        s.assert_rejected(not_owner(), |s| {
            s.guarantee.update_collateral(&who, cw20(&s.nex.addr), None)
        });
        s.assert_rejected(not_owner(), |s| {
            s.guarantee.update_config(
                &who,
                ConfigUpdate {
                    liquidation_fee_bps: Some(0),
                    ..ConfigUpdate::default()
                },
            )
        });
        s.assert_rejected(not_owner(), |s| {
            s.guarantee.update_config(
                &who,
                ConfigUpdate {
                    router: Some(who.to_string()),
                    ..ConfigUpdate::default()
                },
            )
        });
        s.assert_rejected(not_owner(), |s| s.guarantee.pause(&who, None));
    }
}

#[test]
fn invalid_collateral_parameters() {
    let mut s = suite();
    let bad_asset = cw20(&s.aur.addr);
    let flx = cw20(&s.flx.addr);
    let with = |ltv: Decimal, maintenance: Decimal, pair: Option<&PairHandle>| {
        params((ltv, maintenance), pair)
    };
    let cases = [
        (
            bad_asset.clone(),
            with(Decimal::zero(), Decimal::percent(150), Some(&s.aur_pair)),
            "max_ltv must be above 0 and at most 1",
        ),
        (
            bad_asset.clone(),
            with(
                Decimal::percent(101),
                Decimal::percent(150),
                Some(&s.aur_pair),
            ),
            "max_ltv must be above 0 and at most 1",
        ),
        (
            bad_asset.clone(),
            with(
                Decimal::percent(50),
                Decimal::percent(99),
                Some(&s.aur_pair),
            ),
            "maintenance_ratio must be at least 1",
        ),
        // maintenance = 1 / max_ltv: liquidatable the moment it opens
        (
            bad_asset.clone(),
            with(
                Decimal::percent(50),
                Decimal::percent(200),
                Some(&s.aur_pair),
            ),
            "max_ltv x maintenance_ratio must be below 1 (else a new guarantee is liquidatable)",
        ),
        (
            bad_asset.clone(),
            with(
                Decimal::percent(80),
                Decimal::percent(130),
                Some(&s.aur_pair),
            ),
            "max_ltv x maintenance_ratio must be below 1 (else a new guarantee is liquidatable)",
        ),
        (
            bad_asset.clone(),
            with(Decimal::percent(50), Decimal::percent(150), None),
            "a pair of the asset and FLX is required",
        ),
        (
            flx.clone(),
            with(
                Decimal::percent(50),
                Decimal::percent(150),
                Some(&s.nex_pair),
            ),
            "FLX is valued 1:1 and takes no pair",
        ),
        (
            flx.clone(),
            with(Decimal::zero(), Decimal::one(), None),
            "max_ltv must be above 0 and at most 1",
        ),
    ];
    for (asset, p, reason) in cases {
        let expected = invalid_params(&asset, reason);
        s.assert_rejected(expected, |s| {
            s.guarantee
                .update_collateral(&s.owner, asset.clone(), Some(p))
        });
    }
    // a pair that does not trade the asset against FLX
    let expected = ContractError::PairMismatch {
        pair: s.nex_pair.addr.clone(),
        asset: bad_asset.clone(),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee.update_collateral(
            &s.owner,
            cw20(&s.aur.addr),
            Some(params(aur_params_ratios(), Some(&s.nex_pair))),
        )
    });
    // delisting what is not listed
    let expected = ContractError::CollateralNotListed {
        asset: cw20(&s.bad.addr),
    };
    s.assert_rejected(expected, |s| {
        s.guarantee
            .update_collateral(&s.owner, cw20(&s.bad.addr), None)
    });
    // the AUR listing is what it was
    assert_eq!(
        s.guarantee.collateral(cw20(&s.aur.addr)).unwrap().max_ltv,
        aur_params_ratios().0
    );
}

#[test]
fn invalid_config_bounds() {
    let mut s = suite();
    let bound = |field: &str, value: u64, min: u64, max: u64| ContractError::InvalidBound {
        field: field.to_string(),
        value,
        min,
        max,
    };
    let cases = [
        (
            ConfigUpdate {
                liquidation_fee_bps: Some(501),
                ..ConfigUpdate::default()
            },
            bound("liquidation_fee_bps", 501, 0, 500),
        ),
        (
            ConfigUpdate {
                max_slippage_bps: Some(2_001),
                ..ConfigUpdate::default()
            },
            bound("max_slippage_bps", 2_001, 0, 2_000),
        ),
        (
            ConfigUpdate {
                twap_window_seconds: Some(599),
                ..ConfigUpdate::default()
            },
            bound("twap_window_seconds", 599, 600, 86_400),
        ),
        (
            ConfigUpdate {
                twap_window_seconds: Some(86_401),
                ..ConfigUpdate::default()
            },
            bound("twap_window_seconds", 86_401, 600, 86_400),
        ),
        (
            ConfigUpdate {
                redemption_period_seconds: Some(DAY - 1),
                ..ConfigUpdate::default()
            },
            bound("redemption_period_seconds", DAY - 1, DAY, 365 * DAY),
        ),
        (
            ConfigUpdate {
                max_duration_seconds: Some(0),
                ..ConfigUpdate::default()
            },
            bound("max_duration_seconds", 0, 1, 5 * 365 * DAY),
        ),
    ];
    for (update, expected) in cases {
        s.assert_rejected(expected, |s| s.guarantee.update_config(&s.owner, update));
    }
}

#[test]
fn instantiation_refuses_a_fee_above_five_percent() {
    let s = Suite::new();
    let code = {
        let mut app = s.app.borrow_mut();
        app.store_code(guarantee_contract())
    };
    let msg = InstantiateMsg {
        owner: None,
        flx_token: s.flx.addr.to_string(),
        router: s.router.addr.to_string(),
        claim_token_code_id: s.token_code,
        twap_window_seconds: None,
        redemption_period_seconds: None,
        liquidation_fee_bps: Some(501),
        max_slippage_bps: None,
        max_duration_seconds: None,
    };
    let err = s
        .app
        .borrow_mut()
        .instantiate_contract(code, s.owner.clone(), &msg, &[], "g2", None)
        .unwrap_err();
    assert_eq!(
        contract_err(&err),
        &ContractError::InvalidBound {
            field: "liquidation_fee_bps".to_string(),
            value: 501,
            min: 0,
            max: 500,
        }
    );
}

#[test]
fn paused_open_top_up_and_liquidate() {
    let mut s = suite();
    let cosm_id = s.open_cosm(1_000_000_000, 100_000_000);
    s.guarantee.pause(&s.owner, None).unwrap();
    let paused = || ContractError::Pause(PauseError::Paused { until: INDEFINITE });
    s.assert_rejected(paused(), |s| {
        let msg = s.open_msg(1_000);
        s.guarantee.open(&s.nex, &s.guarantor, u(1_000_000), msg)
    });
    s.assert_rejected(paused(), |s| {
        let msg = s.open_msg(1_000);
        s.guarantee
            .open_native(&s.guarantor, &coins(1_000_000, DENOM), msg)
    });
    s.assert_rejected(paused(), |s| {
        s.guarantee.top_up(&s.nex, &s.guarantor, 1, u(1_000))
    });
    s.assert_rejected(paused(), |s| {
        s.guarantee
            .top_up_native(&s.guarantor, cosm_id, &coins(1_000, DENOM))
    });
    s.assert_rejected(paused(), |s| s.guarantee.liquidate(&s.liquidator, 1));
}

#[test]
fn unknown_guarantees() {
    let mut s = suite();
    let missing = || ContractError::GuaranteeNotFound { guarantee_id: 9 };
    s.assert_rejected(missing(), |s| {
        s.guarantee.top_up(&s.nex, &s.guarantor, 9, u(1))
    });
    s.assert_rejected(missing(), |s| s.guarantee.release(&s.arbiter, 9));
    s.assert_rejected(missing(), |s| s.guarantee.declare_default(&s.arbiter, 9));
    s.assert_rejected(missing(), |s| s.guarantee.liquidate(&s.liquidator, 9));
    s.assert_rejected(missing(), |s| s.guarantee.close(&s.stranger, 9));
    s.assert_rejected(missing(), |s| {
        s.guarantee.release_collateral(&s.guarantor, 9, u(1))
    });
}

#[test]
fn close_before_the_redemption_period_and_redeem_after_close() {
    let mut s = suite();
    let claim = s.claim_token(1);
    s.guarantee.declare_default(&s.arbiter, 1).unwrap();
    let closable_at = s.guarantee(1).closable_at.unwrap();
    s.advance(DEFAULT_REDEMPTION_PERIOD_SECONDS - 1);
    s.assert_rejected(
        ContractError::RedemptionPeriodRunning { closable_at },
        |s| s.guarantee.close(&s.stranger, 1),
    );
    // claims still redeem at the end of the period
    s.guarantee
        .redeem(&claim, &s.beneficiary, 1, u(100))
        .unwrap();
    s.advance(1);
    s.guarantee.close(&s.stranger, 1).unwrap();
    s.assert_rejected(not_redeemable(1, GuaranteeStatus::Closed), |s| {
        s.guarantee.close(&s.stranger, 1)
    });
    // the retired claim token refuses to send (the token's own error), nothing moves
    let before = s.state();
    s.guarantee
        .redeem(&claim, &s.beneficiary, 1, u(100))
        .expect_err("retired claims cannot be sent");
    assert_eq!(s.state(), before);
}

#[test]
fn a_sale_pushed_below_the_twap_value_is_refused_whole() {
    let s = suite();
    let nex = cw20(&s.nex.addr);
    let id = s.open_nex(1_000_000_000, 600_000_000);
    // NEX falls to ~0.8 FLX and the TWAP follows: guarantee 2 (600 FLX, needs 900) is
    // liquidatable, guarantee 1 (500 FLX, needs 750) is not
    s.dump(&s.nex_pair, &nex, 581_000_000_000);
    assert!(s.guarantee.health(id).unwrap().liquidatable);
    assert!(!s.guarantee.health(1).unwrap().liquidatable);
    let price = s.price(&nex);
    // someone crashes the spot price in the liquidation's block: the sale would return far
    // less than the TWAP value less the slippage bound
    s.nex_pair
        .swap_asset(
            &s.lp,
            nex.with_amount(u(3_000_000_000_000)),
            &SwapBounds::any_spread(),
        )
        .unwrap();
    let fee = 1_000_000_000u128 * u128::from(DEFAULT_LIQUIDATION_FEE_BPS) / 10_000;
    let sold = 1_000_000_000 - fee;
    let minimum = value_at(sold, price) * u128::from(10_000 - DEFAULT_MAX_SLIPPAGE_BPS) / 10_000;
    let received = s.nex_pair.simulate(&s.nex, u(sold)).unwrap().return_amount;
    assert!(received.u128() < minimum);
    let before = s.state();
    let err = s.guarantee.liquidate(&s.liquidator, id).unwrap_err();
    assert_eq!(
        find_error::<poe_amm_router::ContractError>(&err),
        &poe_amm_router::ContractError::MinimumReceiveNotMet {
            minimum: u(minimum),
            received,
        }
    );
    // the fee was not paid, the collateral not sold: the whole transaction reverted
    assert_eq!(s.state(), before);
    assert_eq!(s.guarantee(id).status, GuaranteeStatus::Open);
}

#[test]
fn a_window_the_pairs_no_longer_cover_refuses_valuations() {
    let mut s = suite();
    // 24 hours: the pairs were created about two hours ago
    s.guarantee
        .update_config(
            &s.owner,
            ConfigUpdate {
                twap_window_seconds: Some(86_400),
                ..ConfigUpdate::default()
            },
        )
        .unwrap();
    let pair_addr = s.nex_pair.addr.clone();
    let is_unavailable = |e: &ContractError| {
        matches!(e, ContractError::TwapUnavailable { pair, window_seconds: 86_400, reason }
            if *pair == pair_addr && reason.contains("TWAP window of 86400 s is not covered"))
    };
    s.assert_rejected_with("release collateral", is_unavailable, |s| {
        s.guarantee.release_collateral(&s.guarantor, 1, u(1))
    });
    s.assert_rejected_with("liquidate", is_unavailable, |s| {
        s.guarantee.liquidate(&s.liquidator, 1)
    });
    s.assert_rejected_with("open", is_unavailable, |s| {
        let msg = s.open_msg(1_000);
        s.guarantee.open(&s.nex, &s.guarantor, u(1_000_000), msg)
    });
    s.guarantee.health(1).expect_err("no TWAP, no health");
    s.guarantee
        .collateral_value(1)
        .expect_err("no TWAP, no value");
}

#[test]
fn liquidation_at_or_after_the_expiry() {
    let mut s = suite();
    let g = s.guarantee(1);
    let nex = cw20(&s.nex.addr);
    // NEX from ~2 to ~0.5 FLX: 1,000 NEX are worth ~500 FLX, below 1.5 × 500
    s.dump(&s.nex_pair, &nex, 1_000_000_000_000);
    assert!(s.guarantee.health(1).unwrap().liquidatable);
    let now = s.now().seconds();
    s.advance(g.expires_at.seconds() - now);
    // the pool still answers a TWAP over the whole window and the guarantee is below its
    // maintenance ratio: only the expiry refuses
    assert!(s.guarantee.health(1).unwrap().liquidatable);
    let expired = || ContractError::GuaranteeExpired {
        expires_at: g.expires_at,
    };
    s.assert_rejected(expired(), |s| s.guarantee.liquidate(&s.liquidator, 1));
    s.advance(DAY);
    s.assert_rejected(expired(), |s| s.guarantee.liquidate(&s.liquidator, 1));
    // what stays possible is the release, by anyone, back to the guarantor
    s.guarantee.release(&s.liquidator, 1).unwrap();
    assert_eq!(s.guarantee(1).status, GuaranteeStatus::Released);
}
