//! Adversarial inputs: unauthorized callers, zero and overflowing amounts, the wrong token in a
//! hook, forged hooks, stakes below the minimum, unstakes before the lock ends, claims before
//! unbonding, the claims cap, claiming twice, funds where none belong. Each asserts the exact
//! error and that nothing changed (the contract's storage and every balance of every account).
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod common;

use common::*;
use cosmwasm_std::{coins, to_json_binary, Addr, Decimal, StdError, Uint128};
use cw20::Cw20ReceiveMsg;
use cw_ownable::{Action, OwnershipError};
use cw_utils::PaymentError;
use poe_staking::msg::MAX_PERIOD_SECONDS;

/// The tests' forbidden pool update: no lock, a huge tier.
fn update_pool(s: &Suite, who: &Addr, token: &Addr) -> anyhow::Result<cw_multi_test::AppResponse> {
    let tier = Decimal::percent(100_000);
    s.staking
        .update_pool(who, token, None, Some(0), None, Some(tier))
}

#[test]
fn only_the_owner_creates_and_updates_pools_and_config() {
    let mut s = Suite::bare();
    let (alice, funder) = (s.alice.clone(), s.funder.clone());
    let not_owner = || ContractError::Ownership(OwnershipError::NotOwner);
    for who in [&alice, &funder] {
        s.assert_rejected(not_owner(), |s| {
            s.create_pool(who, &s.gen.addr, &s.nex.addr, 10)
        });
    }
    let mut s = Suite::new();
    for who in [&alice, &funder] {
        s.assert_rejected(not_owner(), |s| update_pool(s, who, &s.gen.addr));
        s.assert_rejected(not_owner(), |s| {
            s.staking.update_config(who, Some(32), Some(100))
        });
        s.assert_rejected(not_owner(), |s| {
            s.staking.update_ownership(
                who,
                Action::TransferOwnership {
                    new_owner: who.to_string(),
                    expiry: None,
                },
            )
        });
    }
    s.assert_rejected(
        ContractError::Ownership(OwnershipError::TransferNotFound),
        |s| s.staking.update_ownership(&alice, Action::AcceptOwnership),
    );
}

#[test]
fn a_renounced_contract_can_never_change_pools() {
    let mut s = Suite::new();
    let owner = s.owner.clone();
    s.staking
        .update_ownership(&owner, Action::RenounceOwnership)
        .unwrap();
    s.assert_rejected(ContractError::Ownership(OwnershipError::NoOwner), |s| {
        update_pool(s, &owner, &s.gen.addr)
    });
}

#[test]
fn pool_creation_is_checked() {
    let mut s = Suite::new();
    let owner = s.owner.clone();
    s.assert_rejected(
        ContractError::PoolExists {
            token: s.gen.addr.to_string(),
        },
        |s| s.create_pool(&owner, &s.gen.addr, &s.nex.addr, 10),
    );
    // four pools exist, max_pools is 4
    s.assert_rejected(ContractError::TooManyPools { max: 4 }, |s| {
        s.create_pool(&owner, &s.xyz.addr, &s.nex.addr, 1)
    });
    let mut s = Suite::bare();
    let (alice, gen, nex) = (s.alice.clone(), s.gen.addr.clone(), s.nex.addr.clone());
    // an account is not a cw20 token
    let err = s
        .create_pool(&owner, &alice, &nex, 1)
        .expect_err("not a token");
    assert!(
        matches!(contract_err(&err), ContractError::NotCw20 { address, .. } if *address == alice.to_string())
    );
    let before = s.snapshot();
    let err = s
        .create_pool(&owner, &gen, &alice, 1)
        .expect_err("not a token");
    assert!(matches!(contract_err(&err), ContractError::NotCw20 { .. }));
    assert_eq!(s.snapshot(), before);
    for (lock, unbonding, name, seconds) in [
        (
            MAX_PERIOD_SECONDS + 1,
            0,
            "lock_period_seconds",
            MAX_PERIOD_SECONDS + 1,
        ),
        (0, u64::MAX, "unbonding_period_seconds", u64::MAX),
    ] {
        s.assert_rejected(
            ContractError::InvalidPeriod {
                name: name.to_string(),
                seconds,
                max: MAX_PERIOD_SECONDS,
                must_be_positive: false,
            },
            |s| {
                s.staking.create_pool(
                    &owner,
                    &gen,
                    &nex,
                    Uint128::zero(),
                    lock,
                    unbonding,
                    Decimal::one(),
                )
            },
        );
    }
    s.assert_rejected(
        ContractError::UnknownPool {
            token: s.xyz.addr.to_string(),
        },
        |s| update_pool(s, &owner, &s.xyz.addr),
    );
}

#[test]
fn config_caps_are_bounded() {
    let mut s = Suite::new();
    let owner = s.owner.clone();
    for (max_pools, max_claims, name, value, reason) in [
        (
            Some(0),
            None,
            "max_pools",
            0,
            "must be positive".to_string(),
        ),
        (
            Some(33),
            None,
            "max_pools",
            33,
            "must be at most 32".to_string(),
        ),
        (
            Some(3),
            None,
            "max_pools",
            3,
            "4 pools exist already".to_string(),
        ),
        (
            None,
            Some(0),
            "max_claims",
            0,
            "must be in 1..=100".to_string(),
        ),
        (
            None,
            Some(101),
            "max_claims",
            101,
            "must be in 1..=100".to_string(),
        ),
    ] {
        s.assert_rejected(
            ContractError::InvalidConfig {
                name: name.to_string(),
                value,
                reason,
            },
            |s| s.staking.update_config(&owner, max_pools, max_claims),
        );
    }
}

#[test]
fn a_stake_hook_from_a_token_without_pool_is_refused() {
    let mut s = Suite::staked();
    s.assert_rejected(
        ContractError::UnknownPool {
            token: s.xyz.addr.to_string(),
        },
        |s| s.staking.stake(&s.xyz, &s.alice, u(1_000)),
    );
}

#[test]
fn a_forged_hook_credits_nothing() {
    let mut s = Suite::staked();
    let (alice, bob) = (s.alice.clone(), s.bob.clone());
    // alice calls Receive herself, claiming bob sent 1,000 of nothing
    let forged = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: bob.to_string(),
        amount: u(1_000),
        msg: to_json_binary(&ReceiveMsg::Stake {}).unwrap(),
    });
    s.assert_rejected(
        ContractError::UnknownPool {
            token: alice.to_string(),
        },
        |s| s.staking.execute(&alice, &forged),
    );
    let forged_fund = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: bob.to_string(),
        amount: u(1_000),
        msg: to_json_binary(&ReceiveMsg::Fund {
            pool_token: s.gen.addr.to_string(),
            duration_seconds: 10,
        })
        .unwrap(),
    });
    s.assert_rejected(
        ContractError::WrongRewardToken {
            pool_token: s.gen.addr.to_string(),
            expected: s.nex.addr.to_string(),
            got: alice.to_string(),
        },
        |s| s.staking.execute(&alice, &forged_fund),
    );
}

#[test]
fn funding_with_the_wrong_token_or_pool_is_refused() {
    let mut s = Suite::staked();
    let (funder, gen, nex, flx, xyz) = (
        s.funder.clone(),
        s.gen.clone(),
        s.nex.clone(),
        s.flx.clone(),
        s.xyz.clone(),
    );
    // GEN's pool pays NEX, not FLX, and not GEN
    for wrong in [&flx, &gen] {
        s.assert_rejected(
            ContractError::WrongRewardToken {
                pool_token: gen.addr.to_string(),
                expected: nex.addr.to_string(),
                got: wrong.addr.to_string(),
            },
            |s| s.staking.fund(wrong, &funder, &gen, u(500), 100),
        );
    }
    s.assert_rejected(
        ContractError::UnknownPool {
            token: xyz.addr.to_string(),
        },
        |s| s.staking.fund(&nex, &funder, &xyz, u(500), 100),
    );
    for duration in [0, MAX_PERIOD_SECONDS + 1, u64::MAX] {
        s.assert_rejected(
            ContractError::InvalidPeriod {
                name: "duration_seconds".to_string(),
                seconds: duration,
                max: MAX_PERIOD_SECONDS,
                must_be_positive: true,
            },
            |s| s.staking.fund(&nex, &funder, &gen, u(500), duration),
        );
    }
}

#[test]
fn a_malformed_hook_is_refused() {
    let s = Suite::staked();
    let before = s.snapshot();
    let err = s
        .gen
        .send_hook(&s.alice, &s.staking.addr, u(1_000), &"deposit")
        .expect_err("malformed hook");
    assert!(matches!(
        contract_err(&err),
        ContractError::Std(StdError::ParseErr { .. })
    ));
    assert_eq!(s.snapshot(), before);
}

#[test]
fn a_first_stake_below_the_minimum_is_refused() {
    let mut s = Suite::new();
    s.assert_rejected(
        ContractError::BelowMinStake {
            min_stake: u(MIN_STAKE),
            amount: u(MIN_STAKE - 1),
        },
        |s| s.staking.stake(&s.gen, &s.alice, u(MIN_STAKE - 1)),
    );
    // and again once the position is emptied
    s.staking.stake(&s.gen, &s.alice, u(MIN_STAKE)).unwrap();
    s.advance(LOCK, 1);
    s.staking.unstake(&s.gen, &s.alice, u(MIN_STAKE)).unwrap();
    s.assert_rejected(
        ContractError::BelowMinStake {
            min_stake: u(MIN_STAKE),
            amount: u(1),
        },
        |s| s.staking.stake(&s.gen, &s.alice, u(1)),
    );
}

#[test]
fn zero_and_overflowing_amounts_are_refused() {
    let mut s = Suite::staked();
    s.advance(LOCK, 1);
    s.assert_rejected(ContractError::ZeroAmount, |s| {
        s.staking.unstake(&s.gen, &s.alice, u(0))
    });
    for amount in [1_001, u128::MAX] {
        s.assert_rejected(
            ContractError::InsufficientStake {
                staked: u(1_000),
                requested: u(amount),
            },
            |s| s.staking.unstake(&s.gen, &s.alice, u(amount)),
        );
    }
    // a zero Send never reaches the hook: the token refuses it
    let (alice, gen, staking) = (&s.alice, &s.gen, &s.staking);
    let before = s.snapshot();
    assert!(staking.stake(gen, alice, u(0)).is_err());
    assert!(staking.fund(&s.nex, alice, gen, u(0), 10).is_err());
    assert_eq!(s.snapshot(), before);
    // more than the staker holds: the token refuses it
    assert!(staking.stake(gen, alice, u(START)).is_err());
    assert_eq!(s.snapshot(), before);
}

#[test]
fn an_unstake_before_the_lock_ends_is_refused() {
    let mut s = Suite::new();
    let t0 = s.now();
    s.staking.stake(&s.gen, &s.alice, u(1_000)).unwrap();
    s.advance(LOCK - 1, 1);
    s.assert_rejected(
        ContractError::Locked {
            lock_until: t0.plus_seconds(LOCK),
        },
        |s| s.staking.unstake(&s.gen, &s.alice, u(1_000)),
    );
    // a top-up restarts the lock
    s.staking.stake(&s.gen, &s.alice, u(1)).unwrap();
    s.advance(1, 1);
    s.assert_rejected(
        ContractError::Locked {
            lock_until: t0.plus_seconds(2 * LOCK - 1),
        },
        |s| s.staking.unstake(&s.gen, &s.alice, u(1)),
    );
}

#[test]
fn an_unstake_may_not_leave_dust_below_the_minimum() {
    let mut s = Suite::staked();
    s.advance(LOCK, 1);
    s.assert_rejected(
        ContractError::RemainderBelowMinStake {
            min_stake: u(MIN_STAKE),
            remainder: u(MIN_STAKE - 1),
        },
        |s| {
            s.staking
                .unstake(&s.gen, &s.alice, u(1_000 - (MIN_STAKE - 1)))
        },
    );
}

#[test]
fn unstaking_someone_elses_stake_or_an_unknown_pool_is_refused() {
    let mut s = Suite::staked();
    let bob = s.bob.clone();
    s.advance(LOCK, 1);
    s.assert_rejected(
        ContractError::InsufficientStake {
            staked: Uint128::zero(),
            requested: u(1),
        },
        |s| s.staking.unstake(&s.gen, &bob, u(1)),
    );
    let xyz = s.xyz.addr.to_string();
    let unknown = || ContractError::UnknownPool { token: xyz.clone() };
    s.assert_rejected(unknown(), |s| s.staking.unstake(&s.xyz, &bob, u(1)));
    s.assert_rejected(unknown(), |s| s.staking.claim(&s.xyz, &bob));
    s.assert_rejected(unknown(), |s| s.staking.claim_rewards(&s.xyz, &bob));
    s.assert_rejected(ContractError::NothingToClaim, |s| {
        s.staking.claim(&s.gen, &bob)
    });
    s.assert_rejected(ContractError::NoRewards, |s| {
        s.staking.claim_rewards(&s.gen, &bob)
    });
}

#[test]
fn a_claim_before_unbonding_ends_is_refused_and_a_claim_pays_once() {
    let mut s = Suite::staked();
    let claim = |s: &mut Suite| s.staking.claim(&s.gen, &s.alice);
    s.advance(LOCK, 1);
    s.staking.unstake(&s.gen, &s.alice, u(500)).unwrap();
    s.assert_rejected(ContractError::NothingToClaim, claim);
    s.advance(UNBONDING - 1, 1);
    s.assert_rejected(ContractError::NothingToClaim, claim);
    s.advance(1, 1);
    claim(&mut s).unwrap();
    s.assert_rejected(ContractError::NothingToClaim, claim);
    // rewards pay once too
    s.staking.claim_rewards(&s.gen, &s.alice).unwrap();
    s.assert_rejected(ContractError::NoRewards, |s| {
        s.staking.claim_rewards(&s.gen, &s.alice)
    });
}

#[test]
fn pending_claims_are_capped() {
    let mut s = Suite::staked();
    let unstake = |s: &mut Suite| s.staking.unstake(&s.gen, &s.alice, u(100));
    s.advance(LOCK, 1);
    for _ in 0..MAX_CLAIMS {
        unstake(&mut s).unwrap();
    }
    s.assert_rejected(ContractError::TooManyClaims { max: MAX_CLAIMS }, unstake);
    // once paid, the slots are free again
    s.advance(UNBONDING, 1);
    s.staking.claim(&s.gen, &s.alice).unwrap();
    unstake(&mut s).unwrap();
}

#[test]
fn native_funds_are_refused() {
    let s = Suite::staked();
    let (alice, gen) = (&s.alice, s.gen.addr.to_string());
    s.advance(LOCK, 1);
    for msg in [
        ExecuteMsg::Unstake {
            token: gen.clone(),
            amount: u(100),
        },
        ExecuteMsg::Claim { token: gen.clone() },
        ExecuteMsg::ClaimRewards { token: gen.clone() },
    ] {
        let before = s.snapshot();
        let err = s
            .staking
            .execute_with_funds(alice, &msg, &coins(1, "uatom"))
            .expect_err("funds refused");
        assert_eq!(
            contract_err(&err),
            &ContractError::Payment(PaymentError::NonPayable {})
        );
        assert_eq!(s.snapshot(), before);
        assert_eq!(
            poe_test_utils::native_balance(&s.app.borrow(), alice, "uatom"),
            1_000
        );
    }
}

#[test]
fn voting_power_of_a_future_height_is_refused() {
    let s = Suite::staked();
    let h = s.height();
    let err = s
        .staking
        .voting_power(&s.alice, Some(h + 1))
        .expect_err("future");
    assert!(err.to_string().contains(
        &ContractError::FutureHeight {
            height: h + 1,
            current: h
        }
        .to_string()
    ));
    assert!(s.staking.total_power(Some(h + 1)).is_err());
}
