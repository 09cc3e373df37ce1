//! The outcome of a vote (pure): quorum, veto, threshold, and a proposal's status at a time.
//!
//! Rules (in this order):
//! 1. quorum: votes cast (yes + no + abstain + no_with_veto) >= `quorum` x total power at the
//!    start height; otherwise `Rejected` without quorum;
//! 2. veto: no_with_veto >= `veto_threshold` x votes cast -> `Vetoed`;
//! 3. threshold: yes >= `threshold` x (yes + no + no_with_veto) -> `Passed` (abstain counts for
//!    the quorum only; all-abstain is `Rejected`); otherwise `Rejected`.
//!
//! Shares are compared exactly, by cross-multiplication in 512 bits: no rounding, no overflow.

use cosmwasm_std::{Decimal, Timestamp, Uint128, Uint256};
use poe_interface::governance::{ProposalStatus, Tally, VoteOption, VotingRules};

use crate::state::Proposal;

/// The result of a finished vote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// `Passed`, `Rejected` or `Vetoed`.
    pub status: ProposalStatus,
    /// Whether the votes cast reached the quorum.
    pub quorum_reached: bool,
}

/// `part / whole >= share`, exactly; false when `whole` is zero.
pub fn reaches(part: Uint256, whole: Uint256, share: Decimal) -> bool {
    if whole.is_zero() {
        return false;
    }
    // part * 10^18 >= share.atomics() * whole, both sides < 2^512
    let scale = Uint256::from(Decimal::one().atomics());
    part.full_mul(scale) >= Uint256::from(share.atomics()).full_mul(whole)
}

/// The sum of the votes cast, in 256 bits (four `Uint128`s never overflow it).
pub fn votes_cast(tally: &Tally) -> Uint256 {
    Uint256::from(tally.yes)
        + Uint256::from(tally.no)
        + Uint256::from(tally.abstain)
        + Uint256::from(tally.no_with_veto)
}

/// The outcome of `tally` under `rules` with `total_power` the electorate's power.
pub fn outcome(tally: &Tally, total_power: Uint128, rules: &VotingRules) -> Outcome {
    let cast = votes_cast(tally);
    let quorum_reached = reaches(cast, total_power.into(), rules.quorum);
    let status = if !quorum_reached {
        ProposalStatus::Rejected
    } else if reaches(tally.no_with_veto.into(), cast, rules.veto_threshold) {
        ProposalStatus::Vetoed
    } else {
        let decisive =
            Uint256::from(tally.yes) + Uint256::from(tally.no) + Uint256::from(tally.no_with_veto);
        if reaches(tally.yes.into(), decisive, rules.threshold) {
            ProposalStatus::Passed
        } else {
            ProposalStatus::Rejected
        }
    };
    Outcome {
        status,
        quorum_reached,
    }
}

/// The tally's entry for `vote`.
pub fn entry(tally: &mut Tally, vote: VoteOption) -> &mut Uint128 {
    match vote {
        VoteOption::Yes => &mut tally.yes,
        VoteOption::No => &mut tally.no,
        VoteOption::Abstain => &mut tally.abstain,
        VoteOption::NoWithVeto => &mut tally.no_with_veto,
    }
}

impl Proposal {
    /// The outcome of the tally as it stands.
    pub fn outcome(&self) -> Outcome {
        outcome(&self.tally, self.total_power, &self.rules)
    }

    /// The status at block time `now`: the persisted status once final; otherwise `Open` before
    /// `end_time`, then the outcome, a `Passed` one becoming `Expired` at `expires_at`.
    pub fn status_at(&self, now: Timestamp) -> ProposalStatus {
        if self.status != ProposalStatus::Open {
            return self.status;
        }
        if now < self.end_time {
            return ProposalStatus::Open;
        }
        match self.outcome().status {
            ProposalStatus::Passed if now >= self.expires_at => ProposalStatus::Expired,
            status => status,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules() -> VotingRules {
        VotingRules {
            quorum: Decimal::percent(30),
            threshold: Decimal::percent(67),
            veto_threshold: Decimal::permille(334),
        }
    }

    fn tally(yes: u128, no: u128, abstain: u128, no_with_veto: u128) -> Tally {
        Tally {
            yes: yes.into(),
            no: no.into(),
            abstain: abstain.into(),
            no_with_veto: no_with_veto.into(),
        }
    }

    fn status(t: Tally, total: u128) -> (ProposalStatus, bool) {
        let o = outcome(&t, Uint128::new(total), &rules());
        (o.status, o.quorum_reached)
    }

    #[test]
    fn shares_compare_exactly() {
        let s = Decimal::percent(67);
        assert!(reaches(67u128.into(), 100u128.into(), s));
        assert!(!reaches(66u128.into(), 100u128.into(), s));
        assert!(reaches(
            Uint256::from(u128::MAX),
            Uint256::from(u128::MAX),
            Decimal::one()
        ));
        assert!(!reaches(
            Uint256::from(u128::MAX - 1),
            Uint256::from(u128::MAX),
            Decimal::one()
        ));
        assert!(!reaches(Uint256::zero(), Uint256::zero(), Decimal::zero()));
        // 2/3 is just below 0.67
        assert!(!reaches(2u128.into(), 3u128.into(), s));
    }

    #[test]
    fn quorum_first() {
        // 299 of 1000 voted, all yes: no quorum
        assert_eq!(
            status(tally(299, 0, 0, 0), 1000),
            (ProposalStatus::Rejected, false)
        );
        // abstain counts for the quorum
        assert_eq!(
            status(tally(100, 0, 200, 0), 1000),
            (ProposalStatus::Passed, true)
        );
        // no electorate: never a quorum
        assert_eq!(
            status(tally(0, 0, 0, 0), 0),
            (ProposalStatus::Rejected, false)
        );
    }

    #[test]
    fn veto_before_threshold() {
        // 334 of 1000 cast is no_with_veto: vetoed although yes is 66.6 % of decisive votes
        assert_eq!(
            status(tally(666, 0, 0, 334), 1000),
            (ProposalStatus::Vetoed, true)
        );
        assert_eq!(
            status(tally(667, 0, 0, 333), 1000),
            (ProposalStatus::Rejected, true)
        );
        // abstain dilutes the veto share (a share of all votes cast): 340 / 1000 = 34 % vetoes,
        // 340 / 1050 = 32.4 % does not (and 660 / 1000 decisive is short of 67 %)
        assert_eq!(
            status(tally(660, 0, 0, 340), 1000),
            (ProposalStatus::Vetoed, true)
        );
        assert_eq!(
            status(tally(660, 0, 50, 340), 1000),
            (ProposalStatus::Rejected, true)
        );
        // 340 / 1090 = 31.2 % no veto; 700 / 1040 = 67.3 % yes: passed
        assert_eq!(
            status(tally(700, 0, 50, 340), 1050),
            (ProposalStatus::Passed, true)
        );
    }

    #[test]
    fn threshold_over_decisive_votes() {
        assert_eq!(
            status(tally(670, 330, 0, 0), 1000),
            (ProposalStatus::Passed, true)
        );
        assert_eq!(
            status(tally(669, 331, 0, 0), 1000),
            (ProposalStatus::Rejected, true)
        );
        // all abstain: quorum, but nothing decisive
        assert_eq!(
            status(tally(0, 0, 500, 0), 1000),
            (ProposalStatus::Rejected, true)
        );
    }

    #[test]
    fn huge_tallies_do_not_overflow() {
        let t = tally(u128::MAX, u128::MAX, u128::MAX, 0);
        assert_eq!(
            outcome(&t, Uint128::MAX, &rules()).status,
            ProposalStatus::Rejected
        );
    }
}
