//! The reputation registry: [`ReputationHandle`] (`Handle<Reputation>`).

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Decimal, StdResult, Uint128};
use cw_multi_test::AppResponse;
use poe_interface::reputation::{
    ConfigResponse, ExecuteMsg, QueryMsg, ReputationResponse, TagReputationResponse,
    WritersResponse,
};

use super::{contract_interface, strings, Handle};

contract_interface!(
    /// The reputation registry's interface (`poe_interface::reputation`).
    Reputation: ExecuteMsg, QueryMsg; Ownable
);

/// The reputation registry.
pub type ReputationHandle = Handle<Reputation>;

impl Handle<Reputation> {
    /// A writer adds `points` per tag of `tags` to `account`.
    pub fn raise(
        &self,
        writer: &Addr,
        account: &Addr,
        tags: &[&str],
        points: u128,
    ) -> AnyResult<AppResponse> {
        self.execute(
            writer,
            &ExecuteMsg::Raise {
                account: account.to_string(),
                tags: tags.iter().map(|t| t.to_string()).collect(),
                points: Uint128::new(points),
            },
        )
    }

    /// Owner: removes `remove`, then adds `add` to the writers.
    pub fn update_writers(
        &self,
        owner: &Addr,
        add: &[&Addr],
        remove: &[&Addr],
    ) -> AnyResult<AppResponse> {
        self.execute(
            owner,
            &ExecuteMsg::UpdateWriters {
                add: strings(add),
                remove: strings(remove),
            },
        )
    }

    /// Owner: the decay per whole day.
    pub fn update_config(
        &self,
        owner: &Addr,
        decay_rate_per_day: Decimal,
    ) -> AnyResult<AppResponse> {
        self.execute(owner, &ExecuteMsg::UpdateConfig { decay_rate_per_day })
    }

    /// The configuration.
    pub fn config(&self) -> StdResult<ConfigResponse> {
        self.query(&QueryMsg::Config {})
    }

    /// `account`'s `_total` and first page of tags (at most 30), decayed to now.
    pub fn reputation(&self, account: &Addr) -> StdResult<ReputationResponse> {
        self.query(&QueryMsg::Reputation {
            account: account.to_string(),
            start_after: None,
            limit: Some(poe_interface::MAX_LIMIT),
        })
    }

    /// `account`'s points in `tag`, decayed to now.
    pub fn tag_reputation(&self, account: &Addr, tag: &str) -> StdResult<TagReputationResponse> {
        self.query(&QueryMsg::TagReputation {
            account: account.to_string(),
            tag: tag.to_string(),
        })
    }

    /// The first page of writers (at most 30).
    pub fn writers(&self) -> StdResult<Vec<Addr>> {
        let res: WritersResponse = self.query(&QueryMsg::Writers {
            start_after: None,
            limit: Some(poe_interface::MAX_LIMIT),
        })?;
        Ok(res.writers)
    }
}
