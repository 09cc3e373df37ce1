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
use cosmwasm_std::{coins, to_json_binary, Decimal, StdError, Uint128};
use cw20::{Cw20ExecuteMsg, Cw20ReceiveMsg};
use cw_multi_test::Executor;
use cw_ownable::{Action, OwnershipError};
use cw_utils::PaymentError;
use poe_staking::msg::MAX_PERIOD_SECONDS;

/// Alice has 1,000 GEN staked (locked for `LOCK` s) and a running NEX stream on the GEN pool.
fn staked() -> Suite {
    let mut s = Suite::new();
    let (alice, funder, gen, nex) = (
        s.alice.clone(),
        s.funder.clone(),
        s.gen.clone(),
        s.nex.clone(),
    );
    s.stake(&alice, &gen, 1_000).unwrap();
    s.fund(&funder, &nex, &gen, 1_000, 100).unwrap();
    s.advance(10, 1);
    s
}

fn update_pool(token: &cosmwasm_std::Addr) -> ExecuteMsg {
    ExecuteMsg::UpdatePool {
        token: token.to_string(),
        min_stake: None,
        lock_period_seconds: Some(0),
        unbonding_period_seconds: None,
        tier: Some(Decimal::percent(100_000)),
    }
}

#[test]
fn only_the_owner_creates_and_updates_pools_and_config() {
    let mut s = Suite::bare();
    let (alice, funder, gen, nex) = (
        s.alice.clone(),
        s.funder.clone(),
        s.gen.clone(),
        s.nex.clone(),
    );
    for who in [&alice, &funder] {
        s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
            s.exec(who, &create_pool(&gen, &nex, 10))
        });
    }
    let mut s = Suite::new();
    for who in [&alice, &funder] {
        s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
            s.exec(who, &update_pool(&gen))
        });
        s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
            s.exec(
                who,
                &ExecuteMsg::UpdateConfig {
                    max_pools: Some(32),
                    max_claims: Some(100),
                },
            )
        });
        s.assert_rejected(ContractError::Ownership(OwnershipError::NotOwner), |s| {
            s.exec(
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
        |s| {
            s.exec(
                &alice,
                &ExecuteMsg::UpdateOwnership(Action::AcceptOwnership),
            )
        },
    );
}

#[test]
fn a_renounced_contract_can_never_change_pools() {
    let mut s = Suite::new();
    let (owner, gen) = (s.owner.clone(), s.gen.clone());
    s.exec(
        &owner,
        &ExecuteMsg::UpdateOwnership(Action::RenounceOwnership),
    )
    .unwrap();
    s.assert_rejected(ContractError::Ownership(OwnershipError::NoOwner), |s| {
        s.exec(&owner, &update_pool(&gen))
    });
}

#[test]
fn pool_creation_is_checked() {
    let mut s = Suite::new();
    let (owner, alice, gen, nex, xyz) = (
        s.owner.clone(),
        s.alice.clone(),
        s.gen.clone(),
        s.nex.clone(),
        s.xyz.clone(),
    );
    s.assert_rejected(
        ContractError::PoolExists {
            token: gen.to_string(),
        },
        |s| s.exec(&owner, &create_pool(&gen, &nex, 10)),
    );
    // four pools exist, max_pools is 4
    s.assert_rejected(ContractError::TooManyPools { max: 4 }, |s| {
        s.exec(&owner, &create_pool(&xyz, &nex, 1))
    });
    let mut s = Suite::bare();
    // an account is not a cw20 token
    let err = s
        .exec(&owner, &create_pool(&alice, &nex, 1))
        .expect_err("not a token");
    assert!(
        matches!(contract_err(&err), ContractError::NotCw20 { address, .. } if *address == alice.to_string())
    );
    let before = s.snapshot();
    let err = s
        .exec(&owner, &create_pool(&gen, &alice, 1))
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
                s.exec(
                    &owner,
                    &ExecuteMsg::CreatePool {
                        token: gen.to_string(),
                        reward_token: nex.to_string(),
                        min_stake: Uint128::zero(),
                        lock_period_seconds: lock,
                        unbonding_period_seconds: unbonding,
                        tier: Decimal::one(),
                    },
                )
            },
        );
    }
    s.assert_rejected(
        ContractError::UnknownPool {
            token: xyz.to_string(),
        },
        |s| s.exec(&owner, &update_pool(&xyz)),
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
            |s| {
                s.exec(
                    &owner,
                    &ExecuteMsg::UpdateConfig {
                        max_pools,
                        max_claims,
                    },
                )
            },
        );
    }
}

#[test]
fn a_stake_hook_from_a_token_without_pool_is_refused() {
    let mut s = staked();
    let (alice, xyz) = (s.alice.clone(), s.xyz.clone());
    s.assert_rejected(
        ContractError::UnknownPool {
            token: xyz.to_string(),
        },
        |s| s.stake(&alice, &xyz, 1_000),
    );
}

#[test]
fn a_forged_hook_credits_nothing() {
    let mut s = staked();
    let (alice, bob, gen) = (s.alice.clone(), s.bob.clone(), s.gen.clone());
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
        |s| s.exec(&alice, &forged),
    );
    let forged_fund = ExecuteMsg::Receive(Cw20ReceiveMsg {
        sender: bob.to_string(),
        amount: u(1_000),
        msg: to_json_binary(&ReceiveMsg::Fund {
            pool_token: gen.to_string(),
            duration_seconds: 10,
        })
        .unwrap(),
    });
    s.assert_rejected(
        ContractError::WrongRewardToken {
            pool_token: gen.to_string(),
            expected: s.nex.to_string(),
            got: alice.to_string(),
        },
        |s| s.exec(&alice, &forged_fund),
    );
}

#[test]
fn funding_with_the_wrong_token_or_pool_is_refused() {
    let mut s = staked();
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
                pool_token: gen.to_string(),
                expected: nex.to_string(),
                got: wrong.to_string(),
            },
            |s| s.fund(&funder, wrong, &gen, 500, 100),
        );
    }
    s.assert_rejected(
        ContractError::UnknownPool {
            token: xyz.to_string(),
        },
        |s| s.fund(&funder, &nex, &xyz, 500, 100),
    );
    for duration in [0, MAX_PERIOD_SECONDS + 1, u64::MAX] {
        s.assert_rejected(
            ContractError::InvalidPeriod {
                name: "duration_seconds".to_string(),
                seconds: duration,
                max: MAX_PERIOD_SECONDS,
                must_be_positive: true,
            },
            |s| s.fund(&funder, &nex, &gen, 500, duration),
        );
    }
}

#[test]
fn a_malformed_hook_is_refused() {
    let mut s = staked();
    let (alice, gen, staking) = (s.alice.clone(), s.gen.clone(), s.staking.clone());
    let before = s.snapshot();
    let msg = Cw20ExecuteMsg::Send {
        contract: staking.to_string(),
        amount: u(1_000),
        msg: to_json_binary(&"deposit").unwrap(),
    };
    let err = s
        .app
        .execute_contract(alice.clone(), gen.clone(), &msg, &[])
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
    let (alice, gen) = (s.alice.clone(), s.gen.clone());
    s.assert_rejected(
        ContractError::BelowMinStake {
            min_stake: u(MIN_STAKE),
            amount: u(MIN_STAKE - 1),
        },
        |s| s.stake(&alice, &gen, MIN_STAKE - 1),
    );
    // and again once the position is emptied
    s.stake(&alice, &gen, MIN_STAKE).unwrap();
    s.advance(LOCK, 1);
    s.unstake(&alice, &gen, MIN_STAKE).unwrap();
    s.assert_rejected(
        ContractError::BelowMinStake {
            min_stake: u(MIN_STAKE),
            amount: u(1),
        },
        |s| s.stake(&alice, &gen, 1),
    );
}

#[test]
fn zero_and_overflowing_amounts_are_refused() {
    let mut s = staked();
    let (alice, gen) = (s.alice.clone(), s.gen.clone());
    s.advance(LOCK, 1);
    s.assert_rejected(ContractError::ZeroAmount, |s| s.unstake(&alice, &gen, 0));
    for amount in [1_001, u128::MAX] {
        s.assert_rejected(
            ContractError::InsufficientStake {
                staked: u(1_000),
                requested: u(amount),
            },
            |s| s.unstake(&alice, &gen, amount),
        );
    }
    // a zero Send never reaches the hook: the token refuses it
    let before = s.snapshot();
    assert!(s.stake(&alice, &gen, 0).is_err());
    assert!(s.fund(&alice, &s.nex.clone(), &gen, 0, 10).is_err());
    assert_eq!(s.snapshot(), before);
    // more than the staker holds: the token refuses it
    assert!(s.stake(&alice, &gen, START).is_err());
    assert_eq!(s.snapshot(), before);
}

#[test]
fn an_unstake_before_the_lock_ends_is_refused() {
    let mut s = Suite::new();
    let (alice, gen) = (s.alice.clone(), s.gen.clone());
    let t0 = s.now();
    s.stake(&alice, &gen, 1_000).unwrap();
    s.advance(LOCK - 1, 1);
    s.assert_rejected(
        ContractError::Locked {
            lock_until: t0.plus_seconds(LOCK),
        },
        |s| s.unstake(&alice, &gen, 1_000),
    );
    // a top-up restarts the lock
    s.stake(&alice, &gen, 1).unwrap();
    s.advance(1, 1);
    s.assert_rejected(
        ContractError::Locked {
            lock_until: t0.plus_seconds(2 * LOCK - 1),
        },
        |s| s.unstake(&alice, &gen, 1),
    );
}

#[test]
fn an_unstake_may_not_leave_dust_below_the_minimum() {
    let mut s = staked();
    let (alice, gen) = (s.alice.clone(), s.gen.clone());
    s.advance(LOCK, 1);
    s.assert_rejected(
        ContractError::RemainderBelowMinStake {
            min_stake: u(MIN_STAKE),
            remainder: u(MIN_STAKE - 1),
        },
        |s| s.unstake(&alice, &gen, 1_000 - (MIN_STAKE - 1)),
    );
}

#[test]
fn unstaking_someone_elses_stake_or_an_unknown_pool_is_refused() {
    let mut s = staked();
    let (bob, gen, xyz) = (s.bob.clone(), s.gen.clone(), s.xyz.clone());
    s.advance(LOCK, 1);
    s.assert_rejected(
        ContractError::InsufficientStake {
            staked: Uint128::zero(),
            requested: u(1),
        },
        |s| s.unstake(&bob, &gen, 1),
    );
    s.assert_rejected(
        ContractError::UnknownPool {
            token: xyz.to_string(),
        },
        |s| s.unstake(&bob, &xyz, 1),
    );
    s.assert_rejected(
        ContractError::UnknownPool {
            token: xyz.to_string(),
        },
        |s| s.claim(&bob, &xyz),
    );
    s.assert_rejected(
        ContractError::UnknownPool {
            token: xyz.to_string(),
        },
        |s| s.claim_rewards(&bob, &xyz),
    );
    s.assert_rejected(ContractError::NothingToClaim, |s| s.claim(&bob, &gen));
    s.assert_rejected(ContractError::NoRewards, |s| s.claim_rewards(&bob, &gen));
}

#[test]
fn a_claim_before_unbonding_ends_is_refused_and_a_claim_pays_once() {
    let mut s = staked();
    let (alice, gen) = (s.alice.clone(), s.gen.clone());
    s.advance(LOCK, 1);
    s.unstake(&alice, &gen, 500).unwrap();
    s.assert_rejected(ContractError::NothingToClaim, |s| s.claim(&alice, &gen));
    s.advance(UNBONDING - 1, 1);
    s.assert_rejected(ContractError::NothingToClaim, |s| s.claim(&alice, &gen));
    s.advance(1, 1);
    s.claim(&alice, &gen).unwrap();
    s.assert_rejected(ContractError::NothingToClaim, |s| s.claim(&alice, &gen));
    // rewards pay once too
    s.claim_rewards(&alice, &gen).unwrap();
    s.assert_rejected(ContractError::NoRewards, |s| s.claim_rewards(&alice, &gen));
}

#[test]
fn pending_claims_are_capped() {
    let mut s = staked();
    let (alice, gen) = (s.alice.clone(), s.gen.clone());
    s.advance(LOCK, 1);
    for _ in 0..MAX_CLAIMS {
        s.unstake(&alice, &gen, 100).unwrap();
    }
    s.assert_rejected(ContractError::TooManyClaims { max: MAX_CLAIMS }, |s| {
        s.unstake(&alice, &gen, 100)
    });
    // once paid, the slots are free again
    s.advance(UNBONDING, 1);
    s.claim(&alice, &gen).unwrap();
    s.unstake(&alice, &gen, 100).unwrap();
}

#[test]
fn native_funds_are_refused() {
    let mut s = staked();
    let (alice, gen, staking) = (s.alice.clone(), s.gen.clone(), s.staking.clone());
    s.advance(LOCK, 1);
    for msg in [
        ExecuteMsg::Unstake {
            token: gen.to_string(),
            amount: u(100),
        },
        ExecuteMsg::Claim {
            token: gen.to_string(),
        },
        ExecuteMsg::ClaimRewards {
            token: gen.to_string(),
        },
    ] {
        let before = s.snapshot();
        let err = s
            .app
            .execute_contract(alice.clone(), staking.clone(), &msg, &coins(1, "uatom"))
            .expect_err("funds refused");
        assert_eq!(
            contract_err(&err),
            &ContractError::Payment(PaymentError::NonPayable {})
        );
        assert_eq!(s.snapshot(), before);
        assert_eq!(
            s.app.wrap().query_balance(&alice, "uatom").unwrap().amount,
            u(1_000)
        );
    }
}

#[test]
fn voting_power_of_a_future_height_is_refused() {
    let s = staked();
    let h = s.height();
    let err = s
        .query::<VotingPowerResponse>(&QueryMsg::VotingPower {
            address: s.alice.to_string(),
            height: Some(h + 1),
        })
        .expect_err("future");
    assert!(err.to_string().contains(
        &ContractError::FutureHeight {
            height: h + 1,
            current: h
        }
        .to_string()
    ));
    assert!(s
        .query::<TotalPowerResponse>(&QueryMsg::TotalPower {
            height: Some(h + 1)
        })
        .is_err());
}
