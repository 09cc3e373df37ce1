//! Governance and staking in the report: every proposal of the run with its tally and outcome,
//! and the staking pools and stakers at the end; and their text section.

use std::fmt::Write as _;

use cosmwasm_std::{Decimal, Uint128};
use poe_deploy::scenario::SuiteToken;
use poe_interface::governance::ProposalStatus;
use serde::Serialize;

use super::fmt::fmt_units;

/// Governance in the run.
#[derive(Clone, Debug, Serialize)]
pub struct GovernanceReport {
    /// Every proposal: the scenario's, then the owner-salary approvals.
    pub proposals: Vec<ProposalReport>,
    /// Pools and stakers at the end.
    pub staking: StakingReport,
}

/// A proposal of the run, for the report.
#[derive(Clone, Debug, Serialize)]
pub struct ProposalReport {
    /// Governance's id.
    pub id: u64,
    /// Its title.
    pub title: String,
    /// Who made it (a name).
    pub proposer: String,
    /// Made at the start of this epoch; `None` for the owner-salary approvals made after the run.
    pub made_in_epoch: Option<u64>,
    /// Executed at the start of this epoch (its change is in force from it on); `None` when
    /// executed after the last epoch, or never.
    pub executed_in_epoch: Option<u64>,
    /// Final status.
    pub status: ProposalStatus,
    /// Power at the start height that voted yes.
    pub yes: Uint128,
    /// ... no.
    pub no: Uint128,
    /// ... abstain.
    pub abstain: Uint128,
    /// ... no with veto.
    pub no_with_veto: Uint128,
    /// Total power at the start height.
    pub total_power: Uint128,
    /// Whether the votes reached the quorum.
    pub quorum_reached: bool,
    /// Messages it carried.
    pub messages: usize,
    /// A refused vote or execution, or the failing message's error.
    pub errors: Vec<String>,
}

/// Staking at the end of the run.
#[derive(Clone, Debug, Serialize)]
pub struct StakingReport {
    /// Per pool.
    pub pools: Vec<PoolReport>,
    /// Per staker (name, pool).
    pub stakers: Vec<StakerReport>,
    /// Total voting power at the end.
    pub total_power: Uint128,
}

/// One pool at the end of the run.
#[derive(Clone, Debug, Serialize)]
pub struct PoolReport {
    /// The staked token.
    pub token: SuiteToken,
    /// Its voting-power tier.
    pub tier: Decimal,
    /// Staked in it, base units.
    pub total_staked: Uint128,
    /// FLX funded into its reward stream.
    pub total_funded: Uint128,
    /// FLX paid to its stakers.
    pub total_rewards_paid: Uint128,
}

/// One staker at the end of the run.
#[derive(Clone, Debug, Serialize)]
pub struct StakerReport {
    /// The staker's name.
    pub name: String,
    /// The pool (its staked token).
    pub token: SuiteToken,
    /// Staked at the end, base units.
    pub staked: Uint128,
    /// Its voting power at the end (all its pools).
    pub voting_power: Uint128,
    /// FLX rewards claimed after the last epoch.
    pub rewards_claimed: Uint128,
}

/// The governance section of the text report.
pub fn render_section(o: &mut String, g: &GovernanceReport) {
    let _ = writeln!(
        o,
        "Governance: {} proposals; staking total voting power {}",
        g.proposals.len(),
        fmt_units(g.staking.total_power.u128(), true)
    );
    for p in &g.proposals {
        let made = p
            .made_in_epoch
            .map_or("after the run".to_string(), |e| format!("epoch {e}"));
        let executed = p
            .executed_in_epoch
            .map_or(String::new(), |e| format!(", in force from epoch {e}"));
        let _ = writeln!(
            o,
            "  #{} {:?} by {} ({made}): {}{executed}; yes {} no {} abstain {} veto {} of {} (quorum {})",
            p.id,
            p.title,
            p.proposer,
            p.status,
            fmt_units(p.yes.u128(), true),
            fmt_units(p.no.u128(), true),
            fmt_units(p.abstain.u128(), true),
            fmt_units(p.no_with_veto.u128(), true),
            fmt_units(p.total_power.u128(), true),
            if p.quorum_reached { "reached" } else { "missed" }
        );
        for e in &p.errors {
            let _ = writeln!(o, "      {e}");
        }
    }
    for pool in &g.staking.pools {
        let _ = writeln!(
            o,
            "  pool {:?} (tier {}): staked {}, rewards funded {} FLX, paid {} FLX",
            pool.token,
            pool.tier,
            fmt_units(pool.total_staked.u128(), true),
            fmt_units(pool.total_funded.u128(), true),
            fmt_units(pool.total_rewards_paid.u128(), true)
        );
    }
    for st in &g.staking.stakers {
        let _ = writeln!(
            o,
            "  staker {} {:?}: staked {}, voting power {}, rewards claimed {} FLX",
            st.name,
            st.token,
            fmt_units(st.staked.u128(), true),
            fmt_units(st.voting_power.u128(), true),
            fmt_units(st.rewards_claimed.u128(), true)
        );
    }
    let _ = writeln!(o);
}
