//! The reward stream and the reward-per-share accumulator of a pool.
//!
//! A pool's stream holds `remaining` reward units to release linearly until `period_finish`
//! ([`poe_math::staking::stream_release`]). Before every change of the pool's total stake (stake,
//! unstake), every funding and every reward claim, [`RewardStream::advance`] releases what the
//! stream owes since `last_update` into `reward_per_share += released / total_staked`, and
//! [`settle`] adds `staked x (reward_per_share - reward_per_share_paid)` to the one position
//! touched. Both are O(1), whatever the number of stakers.
//!
//! Zero total stake: while nothing is staked the stream is paused. Its remaining amount and its
//! remaining duration are kept (`period_finish` moves later by the time spent at zero), so
//! nothing streamed while nobody could earn it is lost, and the first staker afterwards earns the
//! stream at its normal rate instead of collecting a lump sum.
//!
//! Funding ([`RewardStream::fund_as`]): one stream per pool, shaped by the owner (governance)
//! alone. Anyone else may only add to a running stream with an end no later than its current end
//! (the amount joins the stream until that end, so the rate only goes up and nothing already
//! funded is delayed), or start a stream of at most `MAX_OPEN_FUND_SECONDS` when none runs. One
//! stream and one comparison keep every operation O(1): per-funder streams would need a loop over
//! funders (or their end times) at every accrual.
//!
//! Rounding: releases and accruals round down; what leaves the stream for the accumulator rounds
//! up (`ceil(increment x total)`, at most the release) and the rest stays in `remaining`, so the
//! sum of what stakers can claim never exceeds what was funded.

use cosmwasm_std::{Decimal256, OverflowError, OverflowOperation, Uint128};
use poe_interface::staking::MAX_OPEN_FUND_SECONDS;
use poe_math::staking::{accrued, reward_per_share_increment, stream_release};

use crate::error::ContractError;
use crate::state::{Position, RewardStream};

impl RewardStream {
    /// An empty stream starting at `now` (seconds).
    pub fn new(now: u64) -> Self {
        RewardStream {
            total_staked: Uint128::zero(),
            total_changed_at: 0,
            remaining: Uint128::zero(),
            last_update: now,
            period_finish: now,
            reward_per_share: Decimal256::zero(),
            total_funded: Uint128::zero(),
            total_paid: Uint128::zero(),
        }
    }

    /// Brings the stream up to `now` (seconds) for a pool whose total stake since `last_update`
    /// was `total_staked`: releases into the accumulator, or pauses while `total_staked` is zero.
    /// Does nothing when `now <= last_update`.
    ///
    /// Errors: `Math` / `Overflow` when the accumulator or the stream's end overflows.
    pub fn advance(&mut self, total_staked: Uint128, now: u64) -> Result<(), ContractError> {
        if now <= self.last_update {
            return Ok(());
        }
        if total_staked.is_zero() {
            if self.period_finish > self.last_update && !self.remaining.is_zero() {
                self.period_finish =
                    checked_add_seconds(self.period_finish, now - self.last_update)?;
            }
        } else {
            let released =
                stream_release(self.remaining, self.last_update, self.period_finish, now)?;
            let (increment, used) = reward_per_share_increment(released, total_staked)?;
            self.reward_per_share = self.reward_per_share.checked_add(increment)?;
            self.remaining = self.remaining.checked_sub(used)?;
        }
        self.last_update = now;
        Ok(())
    }

    /// The owner's funding (today's rule, unrestricted): adds `amount` to the stream at `now`
    /// (after [`RewardStream::advance`] to `now`): the unreleased `remaining` plus `amount` is
    /// released linearly until `max(now + duration_seconds, period_finish)`. A running stream's
    /// end never moves earlier, so nobody can compress a funding into a shorter period; it may
    /// move later, lowering the rate: that is reserved to the owner by [`RewardStream::fund_as`].
    ///
    /// Errors: `Overflow`.
    pub fn fund(
        &mut self,
        amount: Uint128,
        duration_seconds: u64,
        now: u64,
    ) -> Result<(), ContractError> {
        self.remaining = self.remaining.checked_add(amount)?;
        self.total_funded = self.total_funded.checked_add(amount)?;
        self.period_finish = checked_add_seconds(now, duration_seconds)?.max(self.period_finish);
        self.last_update = now;
        Ok(())
    }

    /// Whether a stream runs at `now` (after [`RewardStream::advance`] to `now`): something is
    /// left to release and its end is still ahead. Rounding dust left after the end does not
    /// count: it is re-spread by the next funding.
    pub fn is_running(&self, now: u64) -> bool {
        !self.remaining.is_zero() && self.period_finish > now
    }

    /// A funding of `amount` over `duration_seconds` at `now` (after [`RewardStream::advance`]
    /// to `now`), by the owner (`by_owner`) or by anyone else:
    ///
    /// - the owner: [`RewardStream::fund`] (may set a later end, and so a lower rate);
    /// - anyone else, while a stream runs: only with `now + duration_seconds <= period_finish`;
    ///   the amount joins the stream, which keeps its end, so its rate goes up
    ///   (`(remaining + amount) / (period_finish - now)`) and nothing already funded is released
    ///   later than before;
    /// - anyone else, when none runs: a new stream `[now, now + duration_seconds)` (with any
    ///   dust left) of at most [`MAX_OPEN_FUND_SECONDS`].
    ///
    /// O(1): one stream per pool, no per-funder state, so stake, unstake and claims stay O(1).
    ///
    /// Errors: [`ContractError::FundWouldExtendStream`], [`ContractError::OpenFundTooLong`],
    /// `Overflow`.
    pub fn fund_as(
        &mut self,
        amount: Uint128,
        duration_seconds: u64,
        now: u64,
        by_owner: bool,
    ) -> Result<(), ContractError> {
        if !by_owner {
            if self.is_running(now) {
                let requested_end = checked_add_seconds(now, duration_seconds)?;
                if requested_end > self.period_finish {
                    return Err(ContractError::FundWouldExtendStream {
                        period_finish: self.period_finish,
                        requested_end,
                    });
                }
            } else if duration_seconds > MAX_OPEN_FUND_SECONDS {
                return Err(ContractError::OpenFundTooLong {
                    duration_seconds,
                    max: MAX_OPEN_FUND_SECONDS,
                });
            }
        }
        self.fund(amount, duration_seconds, now)
    }
}

impl Position {
    /// A position opened when the pool's accumulator stands at `reward_per_share`, locked until
    /// `lock_until`, holding no stake yet.
    pub fn new(reward_per_share: Decimal256, lock_until: cosmwasm_std::Timestamp) -> Self {
        Position {
            staked: Uint128::zero(),
            changed_at: 0,
            lock_until: lock_until.nanos(),
            reward_per_share_paid: reward_per_share,
            pending_rewards: Uint128::zero(),
        }
    }
}

/// Adds what `staked` earned since the position was last settled to its pending rewards and
/// marks it settled at `reward_per_share`. Call after [`RewardStream::advance`] and before the
/// stake changes.
///
/// Errors: `Math` / `Overflow`.
pub fn settle(
    position: &mut Position,
    staked: Uint128,
    reward_per_share: Decimal256,
) -> Result<(), ContractError> {
    let earned = accrued(staked, reward_per_share, position.reward_per_share_paid)?;
    position.pending_rewards = position.pending_rewards.checked_add(earned)?;
    position.reward_per_share_paid = reward_per_share;
    Ok(())
}

/// `a + b` seconds, or an `Overflow` error.
pub fn checked_add_seconds(a: u64, b: u64) -> Result<u64, ContractError> {
    a.checked_add(b)
        .ok_or_else(|| OverflowError::new(OverflowOperation::Add).into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(n: u128) -> Uint128 {
        Uint128::new(n)
    }

    #[test]
    fn a_stream_pauses_while_nothing_is_staked() {
        let mut s = RewardStream::new(0);
        s.fund(u(1_000), 100, 0).unwrap();
        s.advance(Uint128::zero(), 60).unwrap();
        assert_eq!(
            (s.remaining, s.period_finish, s.last_update),
            (u(1_000), 160, 60)
        );
        s.advance(u(10), 110).unwrap();
        assert_eq!(s.remaining, u(500));
        assert_eq!(s.reward_per_share, Decimal256::from_ratio(50u128, 1u128));
        s.advance(u(10), 1_000).unwrap();
        assert_eq!(s.remaining, Uint128::zero());
        // an ended stream does not move while nothing is staked
        s.advance(Uint128::zero(), 2_000).unwrap();
        assert_eq!((s.period_finish, s.last_update), (160, 2_000));
    }

    #[test]
    fn funding_keeps_the_leftover_and_never_ends_earlier() {
        let mut s = RewardStream::new(0);
        s.fund(u(1_000), 100, 0).unwrap();
        s.advance(u(1), 40).unwrap();
        s.fund(u(600), 100, 40).unwrap();
        assert_eq!((s.remaining, s.period_finish), (u(1_200), 140));
        s.fund(u(1), 1, 40).unwrap();
        assert_eq!((s.remaining, s.period_finish), (u(1_201), 140));
        assert_eq!(s.total_funded, u(1_601));
        assert!(s.fund(u(1), u64::MAX, 40).is_err());
    }

    #[test]
    fn only_the_owner_moves_a_running_streams_end_later() {
        let mut s = RewardStream::new(0);
        s.total_staked = u(10);
        // nothing runs: a stranger may start a stream of at most MAX_OPEN_FUND_SECONDS
        assert_eq!(
            s.fund_as(u(1), MAX_OPEN_FUND_SECONDS + 1, 0, false),
            Err(ContractError::OpenFundTooLong {
                duration_seconds: MAX_OPEN_FUND_SECONDS + 1,
                max: MAX_OPEN_FUND_SECONDS
            })
        );
        s.fund_as(u(1_000), 100, 0, false).unwrap();
        assert_eq!((s.remaining, s.period_finish), (u(1_000), 100));
        s.advance(s.total_staked, 50).unwrap();
        // running: a later end is refused, an earlier one joins the stream until its end
        assert_eq!(
            s.fund_as(u(1), 51, 50, false),
            Err(ContractError::FundWouldExtendStream {
                period_finish: 100,
                requested_end: 101
            })
        );
        s.fund_as(u(500), 10, 50, false).unwrap();
        assert_eq!((s.remaining, s.period_finish), (u(1_000), 100));
        // the owner may re-spread over a later end
        s.fund_as(u(1), 1_000, 50, true).unwrap();
        assert_eq!((s.remaining, s.period_finish), (u(1_001), 1_050));
        assert_eq!(s.total_funded, u(1_501));
    }

    #[test]
    fn settling_accrues_the_difference_once() {
        let mut p = Position::new(Decimal256::zero(), cosmwasm_std::Timestamp::from_seconds(0));
        settle(&mut p, u(3), Decimal256::from_ratio(10u128, 3u128)).unwrap();
        assert_eq!(p.pending_rewards, u(9));
        settle(&mut p, u(3), Decimal256::from_ratio(10u128, 3u128)).unwrap();
        assert_eq!(p.pending_rewards, u(9));
    }
}
