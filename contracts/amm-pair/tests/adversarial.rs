//! Adversarial inputs: unauthorized callers, out-of-range settings, the wrong token in a hook,
//! forged hooks, malformed hooks, wrong, missing, extra or duplicate native funds, zero and
//! too-small amounts, passed deadlines, breached spread/minimum/slippage bounds, a paused pair,
//! and a token re-entering the pair in the middle of a deposit. Each asserts the exact error and
//! that nothing changed (every pair's storage and every balance of every account).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{
    coin, coins, to_json_binary, Binary, Decimal, Deps, DepsMut, Empty, Env, MessageInfo, Response,
    StdError, StdResult, Timestamp, WasmMsg,
};
use cw20::{BalanceResponse, Cw20ExecuteMsg, Cw20QueryMsg, Cw20ReceiveMsg};
use cw_multi_test::{ContractWrapper, Executor};
use cw_ownable::{Action, OwnershipError};
use cw_utils::PaymentError;
use poe_math::amm::{AmmMathError, MAX_TOTAL_FEE_BPS, MINIMUM_LIQUIDITY};

fn update_fee(bps: Option<u16>, share: Option<Decimal>) -> ExecuteMsg {
    ExecuteMsg::UpdateConfig {
        total_fee_bps: bps,
        protocol_fee_share: share,
        fee_address: None,
    }
}

#[test]
fn only_the_owner_sets_fees_pauses_and_transfers_ownership() {
    let mut s = Suite::seeded();
    let (alice, factory, ab) = (s.alice.clone(), s.factory.clone(), s.ab.clone());
    for who in [&alice, &factory] {
        let not_owner = || ContractError::Ownership(OwnershipError::NotOwner);
        s.assert_rejected(not_owner(), |_| ab.execute(who, &update_fee(Some(0), None)));
        s.assert_rejected(not_owner(), |_| {
            ab.execute(who, &ExecuteMsg::Pause { until: None })
        });
        s.assert_rejected(not_owner(), |_| ab.execute(who, &ExecuteMsg::Unpause {}));
        s.assert_rejected(not_owner(), |_| {
            ab.execute(
                who,
                &ExecuteMsg::UpdateOwnership(Action::TransferOwnership {
                    new_owner: who.to_string(),
                    expiry: None,
                }),
            )
        });
    }
    s.assert_rejected(
        ContractError::Ownership(OwnershipError::TransferNotFound),
        |_| {
            ab.execute(
                &alice,
                &ExecuteMsg::UpdateOwnership(Action::AcceptOwnership),
            )
        },
    );
}

#[test]
fn the_owner_cannot_set_values_out_of_range() {
    let mut s = Suite::seeded();
    let (gov, ab) = (s.gov.clone(), s.ab.clone());
    s.assert_rejected(
        ContractError::Math(AmmMathError::FeeTooHigh {
            bps: MAX_TOTAL_FEE_BPS + 1,
            max: MAX_TOTAL_FEE_BPS,
        }),
        |_| ab.execute(&gov, &update_fee(Some(MAX_TOTAL_FEE_BPS + 1), None)),
    );
    s.assert_rejected(
        ContractError::Math(AmmMathError::FractionAboveOne {
            name: "protocol_fee_share".to_string(),
            value: Decimal::percent(101),
        }),
        |_| ab.execute(&gov, &update_fee(None, Some(Decimal::percent(101)))),
    );
    let before = s.snapshot();
    let err = ab
        .execute(
            &gov,
            &ExecuteMsg::UpdateConfig {
                total_fee_bps: None,
                protocol_fee_share: None,
                fee_address: Some("not an address".to_string()),
            },
        )
        .unwrap_err();
    assert!(matches!(contract_err(&err), ContractError::Std(_)));
    assert_eq!(s.snapshot(), before);
    let block_time = s.app.borrow().block_info().time;
    let now = Timestamp::from_seconds(s.now());
    s.assert_rejected(
        ContractError::Pause(PauseError::EndNotInFuture {
            until: now,
            now: block_time,
        }),
        |_| ab.execute(&gov, &ExecuteMsg::Pause { until: Some(now) }),
    );
    // a running pause is extended, never shortened
    let later = Timestamp::from_seconds(s.now() + 1_000);
    ab.execute(&gov, &ExecuteMsg::Pause { until: Some(later) })
        .unwrap();
    let sooner = Timestamp::from_seconds(s.now() + 10);
    s.assert_rejected(
        ContractError::Pause(PauseError::WouldShorten {
            active_until: later,
            requested: sooner,
        }),
        |_| {
            ab.execute(
                &gov,
                &ExecuteMsg::Pause {
                    until: Some(sooner),
                },
            )
        },
    );
    ab.execute(&gov, &ExecuteMsg::Unpause {}).unwrap();
    s.assert_rejected(ContractError::Pause(PauseError::NotPaused), |_| {
        ab.execute(&gov, &ExecuteMsg::Unpause {})
    });
    // owner messages take no funds
    s.app
        .borrow_mut()
        .init_modules(|router, _, storage| {
            router.bank.init_balance(storage, &gov, coins(1_000, DENOM))
        })
        .unwrap();
    s.assert_rejected(ContractError::Payment(PaymentError::NonPayable {}), |_| {
        ab.execute_with_funds(&gov, &update_fee(Some(10), None), &coins(1, DENOM))
    });
}

#[test]
fn instantiation_refuses_bad_parameters() {
    let mut s = Suite::new();
    let (aaa, factory, pair_code) = (s.aaa.clone(), s.factory.clone(), s.pair_code);
    let try_with = |s: &mut Suite, f: &dyn Fn(&mut InstantiateMsg)| {
        let mut msg = s.instantiate_msg([token_asset(&aaa), native(DENOM)], 10);
        f(&mut msg);
        let err = s
            .app
            .borrow_mut()
            .instantiate_contract(pair_code, factory.clone(), &msg, &[], "pair", None)
            .unwrap_err();
        contract_err(&err).to_string()
    };
    assert_eq!(
        try_with(&mut s, &|m| m.asset_infos[1] = token_asset(&aaa)),
        ContractError::IdenticalAssets.to_string()
    );
    assert_eq!(
        try_with(&mut s, &|m| m.total_fee_bps = 1_001),
        "total fee of 1001 bps is above the maximum of 1000 bps"
    );
    assert_eq!(
        try_with(&mut s, &|m| m.observation_capacity = 0),
        "invalid observation_capacity: 0 is not in 1..=4096"
    );
    assert!(try_with(&mut s, &|m| m.asset_infos[1] = native("u")).contains("invalid native denom"));
    assert!(
        try_with(&mut s, &|m| m.asset_infos[1] = native("1abc")).contains("invalid native denom")
    );
}

#[test]
fn hooks_from_the_wrong_token_are_refused() {
    let mut s = Suite::seeded();
    let (alice, carol, ab, an) = (s.alice.clone(), s.carol.clone(), s.ab.clone(), s.an.clone());
    let (aaa, ccc) = (s.aaa.clone(), s.ccc.clone());
    let swap = Cw20HookMsg::Swap {
        belief_price: None,
        max_spread: None,
        minimum_receive: None,
        to: None,
        deadline: None,
    };
    let withdraw = Cw20HookMsg::WithdrawLiquidity {
        min_assets_to_receive: None,
    };
    // a token that is not the pair's
    s.assert_rejected(
        ContractError::UnknownToken {
            token: ccc.addr.to_string(),
        },
        |_| ccc.send_hook(&alice, &ab.addr, u(1_000), &swap),
    );
    // an asset token cannot withdraw, the LP token cannot swap
    s.assert_rejected(
        ContractError::UnknownToken {
            token: aaa.addr.to_string(),
        },
        |_| aaa.send_hook(&alice, &ab.addr, u(1_000), &withdraw),
    );
    s.assert_rejected(
        ContractError::UnknownToken {
            token: ab.lp_token.to_string(),
        },
        |_| ab.lp().send_hook(&carol, &ab.addr, u(1_000), &swap),
    );
    // another pair's LP token
    s.assert_rejected(
        ContractError::UnknownToken {
            token: an.lp_token.to_string(),
        },
        |_| an.lp().send_hook(&carol, &ab.addr, u(1_000), &withdraw),
    );
    // a forged hook: alice calls Receive herself, claiming a Send she never made
    let forged = |hook: &Cw20HookMsg| {
        ExecuteMsg::Receive(Cw20ReceiveMsg {
            sender: alice.to_string(),
            amount: u(1_000_000),
            msg: to_json_binary(hook).unwrap(),
        })
    };
    s.assert_rejected(
        ContractError::UnknownToken {
            token: alice.to_string(),
        },
        |_| ab.execute(&alice, &forged(&swap)),
    );
    s.assert_rejected(
        ContractError::UnknownToken {
            token: alice.to_string(),
        },
        |_| ab.execute(&alice, &forged(&withdraw)),
    );
}

#[test]
fn a_malformed_hook_is_refused() {
    let s = Suite::seeded();
    let (alice, aaa, ab) = (s.alice.clone(), s.aaa.clone(), s.ab.clone());
    let before = s.snapshot();
    let hook = Binary::from(br#"{"swap":{"belief_price":"abc"}}"#.to_vec());
    let err = aaa.send(&alice, &ab.addr, u(1_000), hook).unwrap_err();
    assert!(matches!(
        contract_err(&err),
        ContractError::Std(StdError::ParseErr { .. })
    ));
    let hook = Binary::from(br#"{"provide_liquidity":{}}"#.to_vec());
    let err = aaa.send(&alice, &ab.addr, u(1_000), hook).unwrap_err();
    assert!(matches!(
        contract_err(&err),
        ContractError::Std(StdError::ParseErr { .. })
    ));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn native_swaps_need_exactly_the_declared_coin() {
    let mut s = Suite::seeded();
    let (alice, ab, an) = (s.alice.clone(), s.ab.clone(), s.an.clone());
    let swap = |asset: AssetInfo, amount: u128| ExecuteMsg::Swap {
        offer_asset: asset.with_amount(u(amount)),
        belief_price: None,
        max_spread: Some(Decimal::one()),
        minimum_receive: None,
        to: None,
        deadline: None,
    };
    let offer = swap(native(DENOM), 1_000);
    s.assert_rejected(ContractError::Payment(PaymentError::NoFunds {}), |_| {
        an.execute(&alice, &offer)
    });
    s.assert_rejected(
        ContractError::Payment(PaymentError::MissingDenom(DENOM.to_string())),
        |_| an.execute_with_funds(&alice, &offer, &coins(1_000, OTHER_DENOM)),
    );
    s.assert_rejected(
        ContractError::Payment(PaymentError::MultipleDenoms {}),
        |_| {
            an.execute_with_funds(
                &alice,
                &offer,
                &[coin(1_000, DENOM), coin(1_000, OTHER_DENOM)],
            )
        },
    );
    s.assert_rejected(
        ContractError::FundsMismatch {
            denom: DENOM.to_string(),
            expected: u(1_000),
            received: u(999),
        },
        |_| an.execute_with_funds(&alice, &offer, &coins(999, DENOM)),
    );
    // a cw20 offer must come through Send
    s.assert_rejected(
        ContractError::Cw20OfferNeedsSend {
            token: s.aaa.addr.to_string(),
        },
        |s| an.execute(&alice, &swap(token_asset(&s.aaa), 1_000)),
    );
    // an asset the pair does not hold
    s.assert_rejected(
        ContractError::UnknownAsset {
            asset: OTHER_DENOM.to_string(),
        },
        |_| {
            an.execute_with_funds(
                &alice,
                &swap(native(OTHER_DENOM), 1_000),
                &coins(1_000, OTHER_DENOM),
            )
        },
    );
    s.assert_rejected(
        ContractError::UnknownAsset {
            asset: DENOM.to_string(),
        },
        |_| ab.execute_with_funds(&alice, &swap(native(DENOM), 1_000), &coins(1_000, DENOM)),
    );
}

#[test]
fn swap_bounds_are_enforced() {
    let mut s = Suite::seeded();
    let (alice, ab, an) = (s.alice.clone(), s.ab.clone(), s.an.clone());
    let now = s.now();
    s.assert_rejected(
        ContractError::DeadlinePassed {
            deadline: now - 1,
            now,
        },
        |s| {
            s.swap(
                &alice,
                &ab,
                0,
                1_000,
                &SwapBounds {
                    deadline: Some(now - 1),
                    ..SwapBounds::any_spread()
                },
            )
        },
    );
    s.assert_rejected(
        ContractError::DeadlinePassed {
            deadline: now - 1,
            now,
        },
        |s| {
            s.swap(
                &alice,
                &an,
                1,
                1_000,
                &SwapBounds {
                    deadline: Some(now - 1),
                    ..SwapBounds::any_spread()
                },
            )
        },
    );
    let sim = s.simulate(&ab, 0, 1_000_000).unwrap();
    s.assert_rejected(
        ContractError::MinimumReceiveNotMet {
            minimum: sim.return_amount + u(1),
            return_amount: sim.return_amount,
        },
        |s| {
            s.swap(
                &alice,
                &ab,
                0,
                1_000_000,
                &SwapBounds {
                    minimum_receive: Some(sim.return_amount + u(1)),
                    ..SwapBounds::any_spread()
                },
            )
        },
    );
    // 10 % of the pool: a spread of about 9 %, above the default 0.5 %
    let big = s.simulate(&ab, 0, 100_000_000).unwrap();
    s.assert_rejected(
        ContractError::MaxSpreadExceeded {
            max_spread: DEFAULT_MAX_SPREAD,
            return_amount: big.return_amount,
            spread_amount: big.spread_amount,
        },
        |s| s.swap(&alice, &ab, 0, 100_000_000, &SwapBounds::default()),
    );
    // a belief price of 0.49 AAA per BBB expects 2,040,816 BBB; 1,992,006 is 2.4 % short
    s.assert_rejected(
        ContractError::MaxSpreadExceeded {
            max_spread: Decimal::percent(2),
            return_amount: sim.return_amount,
            spread_amount: sim.spread_amount,
        },
        |s| {
            s.swap(
                &alice,
                &ab,
                0,
                1_000_000,
                &SwapBounds {
                    belief_price: Some(Decimal::percent(49)),
                    max_spread: Some(Decimal::percent(2)),
                    ..SwapBounds::default()
                },
            )
        },
    );
    s.assert_rejected(
        ContractError::Math(AmmMathError::FractionAboveOne {
            name: "max_spread".to_string(),
            value: Decimal::percent(150),
        }),
        |s| {
            s.swap(
                &alice,
                &ab,
                0,
                1_000,
                &SwapBounds {
                    max_spread: Some(Decimal::percent(150)),
                    ..SwapBounds::default()
                },
            )
        },
    );
    s.assert_rejected(ContractError::ZeroBeliefPrice, |s| {
        s.swap(
            &alice,
            &ab,
            0,
            1_000,
            &SwapBounds {
                belief_price: Some(Decimal::zero()),
                ..SwapBounds::any_spread()
            },
        )
    });
    // too small to return anything: floor(2e9 · 1 / 1e9) = 2, commission ceil(0.006) = 1 -> 1;
    // BBB -> AAA: floor(1e9 / 2e9) = 0
    s.assert_rejected(ContractError::ZeroReturn, |s| {
        s.swap(&alice, &ab, 1, 1, &SwapBounds::any_spread())
    });
    let before = s.snapshot();
    let err = s
        .swap(
            &alice,
            &ab,
            0,
            1_000,
            &SwapBounds {
                to: Some("bad receiver".to_string()),
                ..SwapBounds::any_spread()
            },
        )
        .unwrap_err();
    assert!(matches!(contract_err(&err), ContractError::Std(_)));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn swaps_on_an_empty_pool_are_refused() {
    let mut s = Suite::new();
    let (alice, ab) = (s.alice.clone(), s.ab.clone());
    s.assert_rejected(ContractError::Math(AmmMathError::EmptyPool), |s| {
        s.swap(&alice, &ab, 0, 1_000, &SwapBounds::any_spread())
    });
}

#[test]
fn deposits_are_checked() {
    let mut s = Suite::seeded();
    let (alice, ab, an) = (s.alice.clone(), s.ab.clone(), s.an.clone());
    let provide = |assets: Vec<Asset>| ExecuteMsg::ProvideLiquidity {
        assets,
        slippage_tolerance: None,
        min_lp_to_receive: None,
        receiver: None,
    };
    let (a, b, n) = (token_asset(&s.aaa), token_asset(&s.bbb), native(DENOM));
    s.assert_rejected(ContractError::InvalidAssetCount { count: 1 }, |_| {
        ab.execute(&alice, &provide(vec![a.with_amount(u(1_000))]))
    });
    s.assert_rejected(ContractError::InvalidAssetCount { count: 3 }, |_| {
        ab.execute(
            &alice,
            &provide(vec![
                a.with_amount(u(1)),
                b.with_amount(u(1)),
                a.with_amount(u(1)),
            ]),
        )
    });
    s.assert_rejected(
        ContractError::DuplicateAsset {
            asset: s.aaa.addr.to_string(),
        },
        |_| {
            ab.execute(
                &alice,
                &provide(vec![a.with_amount(u(1_000)), a.with_amount(u(1_000))]),
            )
        },
    );
    s.assert_rejected(
        ContractError::UnknownAsset {
            asset: s.ccc.addr.to_string(),
        },
        |s| {
            ab.execute(
                &alice,
                &provide(vec![
                    a.with_amount(u(1_000)),
                    token_asset(&s.ccc).with_amount(u(1_000)),
                ]),
            )
        },
    );
    s.assert_rejected(ContractError::ZeroAmount, |s| {
        s.provide(&alice, &ab, [1_000, 0])
    });
    // native part: exactly the declared coin, nothing else
    let deposit = provide(vec![a.with_amount(u(2_000)), n.with_amount(u(1_000))]);
    s.assert_rejected(
        ContractError::FundsMismatch {
            denom: DENOM.to_string(),
            expected: u(1_000),
            received: u(0),
        },
        |_| an.execute(&alice, &deposit),
    );
    s.assert_rejected(
        ContractError::FundsMismatch {
            denom: DENOM.to_string(),
            expected: u(1_000),
            received: u(1_001),
        },
        |_| an.execute_with_funds(&alice, &deposit, &coins(1_001, DENOM)),
    );
    s.assert_rejected(
        ContractError::UnexpectedFunds {
            denom: OTHER_DENOM.to_string(),
        },
        |_| {
            an.execute_with_funds(
                &alice,
                &deposit,
                &[coin(1_000, DENOM), coin(5, OTHER_DENOM)],
            )
        },
    );
    s.assert_rejected(
        ContractError::UnexpectedFunds {
            denom: DENOM.to_string(),
        },
        |_| {
            ab.execute_with_funds(
                &alice,
                &provide(vec![a.with_amount(u(1_000)), b.with_amount(u(2_000))]),
                &coins(5, DENOM),
            )
        },
    );
    // bounds: a ratio 10 % off with a 5 % tolerance, a minimum share not met, a tolerance above 1
    s.assert_rejected(
        ContractError::SlippageToleranceExceeded {
            tolerance: Decimal::percent(5),
        },
        |s| {
            s.provide_with(
                &alice,
                &ab,
                [1_000_000, 2_200_000],
                Some(Decimal::percent(5)),
                None,
                None,
            )
        },
    );
    s.assert_rejected(
        ContractError::SlippageToleranceExceeded {
            tolerance: Decimal::percent(5),
        },
        |s| {
            s.provide_with(
                &alice,
                &an,
                [1_000_000, 450_000],
                Some(Decimal::percent(5)),
                None,
                None,
            )
        },
    );
    s.assert_rejected(
        ContractError::MinLpNotMet {
            minimum: u(1_414_214),
            share: u(1_414_213),
        },
        |s| {
            s.provide_with(
                &alice,
                &ab,
                [1_000_000, 2_000_000],
                None,
                Some(1_414_214),
                None,
            )
        },
    );
    s.assert_rejected(
        ContractError::Math(AmmMathError::FractionAboveOne {
            name: "slippage_tolerance".to_string(),
            value: Decimal::percent(101),
        }),
        |s| {
            s.provide_with(
                &alice,
                &ab,
                [1_000, 2_000],
                Some(Decimal::percent(101)),
                None,
                None,
            )
        },
    );
    // too small for one LP unit: S / R0 = 1.41 per AAA unit, so 1 AAA + 1 BBB mints floor(0.7) = 0
    s.assert_rejected(ContractError::Math(AmmMathError::ZeroShare), |s| {
        s.provide(&alice, &ab, [1, 1])
    });
}

#[test]
fn a_first_deposit_at_or_below_the_locked_minimum_is_refused() {
    let mut s = Suite::new();
    let (alice, ab, an) = (s.alice.clone(), s.ab.clone(), s.an.clone());
    s.assert_rejected(
        ContractError::Math(AmmMathError::InitialShareTooLow {
            share: u(1_000),
            minimum: MINIMUM_LIQUIDITY,
        }),
        |s| s.provide(&alice, &ab, [500, 2_000]),
    );
    s.assert_rejected(
        ContractError::Math(AmmMathError::InitialShareTooLow {
            share: u(999),
            minimum: MINIMUM_LIQUIDITY,
        }),
        |s| s.provide(&alice, &an, [999, 999]),
    );
}

#[test]
fn withdrawals_are_checked() {
    let mut s = Suite::seeded();
    let (carol, ab) = (s.carol.clone(), s.ab.clone());
    let total = s.total_share(&ab);
    let out = [
        1_000_000u128 * 1_000_000_000 / total,
        1_000_000u128 * 2_000_000_000 / total,
    ];
    s.assert_rejected(
        ContractError::MinAssetsNotMet {
            asset: s.bbb.addr.to_string(),
            minimum: u(out[1] + 1),
            amount: u(out[1]),
        },
        |s| s.withdraw(&carol, &ab, 1_000_000, Some([out[0], out[1] + 1])),
    );
    // one LP unit is worth 0.7 AAA and 1.4 BBB: the AAA part rounds to zero
    s.assert_rejected(
        ContractError::MinAssetsNotMet {
            asset: s.aaa.addr.to_string(),
            minimum: u(1),
            amount: u(0),
        },
        |s| s.withdraw(&carol, &ab, 1, Some([1, 0])),
    );
    s.assert_rejected(
        ContractError::UnknownAsset {
            asset: DENOM.to_string(),
        },
        |_| {
            let minimums = vec![native(DENOM).with_amount(u(1))];
            ab.withdraw(&carol, u(1_000), Some(minimums))
        },
    );
    let a = token_asset(&s.aaa);
    s.assert_rejected(
        ContractError::DuplicateAsset {
            asset: s.aaa.addr.to_string(),
        },
        |_| {
            let minimums = vec![a.with_amount(u(1)), a.with_amount(u(1))];
            ab.withdraw(&carol, u(1_000), Some(minimums))
        },
    );
}

#[test]
fn a_paused_pair_refuses_swaps_and_deposits() {
    let mut s = Suite::seeded();
    let (gov, alice, an) = (s.gov.clone(), s.alice.clone(), s.an.clone());
    let until = Timestamp::from_seconds(s.now() + 1_000);
    an.execute(&gov, &ExecuteMsg::Pause { until: Some(until) })
        .unwrap();
    s.assert_rejected(ContractError::Pause(PauseError::Paused { until }), |s| {
        s.swap(&alice, &an, 1, 1_000, &SwapBounds::any_spread())
    });
    s.assert_rejected(ContractError::Pause(PauseError::Paused { until }), |s| {
        s.swap(&alice, &an, 0, 1_000, &SwapBounds::any_spread())
    });
    s.assert_rejected(ContractError::Pause(PauseError::Paused { until }), |s| {
        s.provide(&alice, &an, [2_000, 1_000])
    });
}

/// A cw20 whose `TransferFrom` calls back into the pair with a forged `Swap` hook: the pair must
/// refuse any pool action while a deposit is being collected.
mod reentrant_token {
    use super::*;

    #[cosmwasm_schema::cw_serde]
    pub struct Init {
        pub pair: Option<String>,
    }

    pub const PAIR: cw_storage_plus::Item<String> = cw_storage_plus::Item::new("pair");

    pub fn instantiate(deps: DepsMut, _: Env, _: MessageInfo, _: Init) -> StdResult<Response> {
        PAIR.save(deps.storage, &String::new())?;
        Ok(Response::new())
    }

    pub fn execute(
        deps: DepsMut,
        _: Env,
        _: MessageInfo,
        msg: Cw20ExecuteMsg,
    ) -> StdResult<Response> {
        match msg {
            Cw20ExecuteMsg::TransferFrom { owner, amount, .. } => {
                let pair = PAIR.load(deps.storage)?;
                let hook = ExecuteMsg::Receive(Cw20ReceiveMsg {
                    sender: owner,
                    amount,
                    msg: to_json_binary(&Cw20HookMsg::Swap {
                        belief_price: None,
                        max_spread: Some(Decimal::one()),
                        minimum_receive: None,
                        to: None,
                        deadline: None,
                    })?,
                });
                Ok(Response::new().add_message(WasmMsg::Execute {
                    contract_addr: pair,
                    msg: to_json_binary(&hook)?,
                    funds: vec![],
                }))
            }
            // `Transfer { recipient }` is (ab)used to set the pair to call back
            Cw20ExecuteMsg::Transfer { recipient, .. } => {
                PAIR.save(deps.storage, &recipient)?;
                Ok(Response::new())
            }
            _ => Err(StdError::generic_err("unsupported")),
        }
    }

    pub fn query(_: Deps, _: Env, msg: Cw20QueryMsg) -> StdResult<Binary> {
        match msg {
            Cw20QueryMsg::Balance { .. } => to_json_binary(&BalanceResponse {
                balance: u(1_000_000_000),
            }),
            _ => Err(StdError::generic_err("unsupported")),
        }
    }

    pub fn contract() -> Box<dyn cw_multi_test::Contract<Empty>> {
        Box::new(ContractWrapper::new(execute, instantiate, query))
    }
}

#[test]
fn a_token_re_entering_the_pair_during_a_deposit_is_refused() {
    let s = Suite::new();
    let alice = s.alice.clone();
    let code = s.app.borrow_mut().store_code(reentrant_token::contract());
    let evil = s
        .app
        .borrow_mut()
        .instantiate_contract(
            code,
            alice.clone(),
            &reentrant_token::Init { pair: None },
            &[],
            "evil",
            None,
        )
        .unwrap();
    let pair = s.create_pair([cw20(&evil), native(DENOM)], 10).unwrap();
    s.app
        .borrow_mut()
        .execute_contract(
            alice.clone(),
            evil.clone(),
            &Cw20ExecuteMsg::Transfer {
                recipient: pair.addr.to_string(),
                amount: u(1),
            },
            &[],
        )
        .unwrap();
    let before = (s.app.borrow().dump_wasm_raw(&pair.addr), s.snapshot());
    let err = pair
        .execute_with_funds(
            &alice,
            &ExecuteMsg::ProvideLiquidity {
                assets: vec![
                    cw20(&evil).with_amount(u(1_000_000)),
                    native(DENOM).with_amount(u(1_000_000)),
                ],
                slippage_tolerance: None,
                min_lp_to_receive: None,
                receiver: None,
            },
            &coins(1_000_000, DENOM),
        )
        .unwrap_err();
    assert_eq!(contract_err(&err), &ContractError::DepositInProgress);
    assert_eq!(
        (s.app.borrow().dump_wasm_raw(&pair.addr), s.snapshot()),
        before
    );
}
