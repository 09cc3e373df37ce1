//! GEN genesis allocation, seed 001 `GenesisAllocation`: 100,000 GEN (fixed, never mintable)
//! split 50 / 20 / 15 / 10 / 5 %.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Decimal, Uint128};

use crate::MathError;

/// GEN's fixed supply in whole tokens (seed 000 `genesis_max_supply`).
pub const GEN_SUPPLY_TOKENS: u128 = 100_000;
/// GEN's decimals.
pub const GEN_DECIMALS: u8 = 6;

/// GEN's fixed supply in base units: 100,000 * 10^6.
pub fn gen_total_supply() -> Uint128 {
    Uint128::new(GEN_SUPPLY_TOKENS * 10u128.pow(GEN_DECIMALS as u32))
}

/// The five genesis buckets of GEN, base units.
#[cw_serde]
#[derive(Copy)]
pub struct GenesisAllocation {
    /// 50 %: community incentives.
    pub community_rewards: Uint128,
    /// 20 %: governance operations.
    pub governance_reserve: Uint128,
    /// 15 %: development funding.
    pub development_fund: Uint128,
    /// 10 %: partnership allocations.
    pub strategic_partnerships: Uint128,
    /// 5 %: emergency situations.
    pub emergency_reserve: Uint128,
}

impl GenesisAllocation {
    /// Splits `total` 50/20/15/10/5 %, each rounded down, the remainder to `community_rewards`,
    /// so the buckets always sum exactly to `total`.
    pub fn split(total: Uint128) -> Result<Self, MathError> {
        let governance_reserve = total.checked_mul_floor(Decimal::percent(20))?;
        let development_fund = total.checked_mul_floor(Decimal::percent(15))?;
        let strategic_partnerships = total.checked_mul_floor(Decimal::percent(10))?;
        let emergency_reserve = total.checked_mul_floor(Decimal::percent(5))?;
        let community_rewards = total
            .checked_sub(governance_reserve)?
            .checked_sub(development_fund)?
            .checked_sub(strategic_partnerships)?
            .checked_sub(emergency_reserve)?;
        Ok(GenesisAllocation {
            community_rewards,
            governance_reserve,
            development_fund,
            strategic_partnerships,
            emergency_reserve,
        })
    }

    /// The buckets in the seed's order with their seed names.
    pub fn buckets(&self) -> [(&'static str, Uint128); 5] {
        [
            ("community_rewards", self.community_rewards),
            ("governance_reserve", self.governance_reserve),
            ("development_fund", self.development_fund),
            ("strategic_partnerships", self.strategic_partnerships),
            ("emergency_reserve", self.emergency_reserve),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_allocation_is_exact() {
        let a = GenesisAllocation::split(gen_total_supply()).unwrap();
        let tok = |n: u128| Uint128::new(n * 1_000_000);
        assert_eq!(a.community_rewards, tok(50_000));
        assert_eq!(a.governance_reserve, tok(20_000));
        assert_eq!(a.development_fund, tok(15_000));
        assert_eq!(a.strategic_partnerships, tok(10_000));
        assert_eq!(a.emergency_reserve, tok(5_000));
        let odd = GenesisAllocation::split(Uint128::new(7)).unwrap();
        assert_eq!(odd.buckets().iter().map(|(_, v)| v.u128()).sum::<u128>(), 7);
    }
}
