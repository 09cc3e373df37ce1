//! Typed handles of the AMM: the factory, the router and one pair.

use anyhow::Result as AnyResult;
use cosmwasm_std::{to_json_binary, Addr, StdResult, Uint128};
use cw_multi_test::{AppResponse, Executor};
use poe_interface::amm::pair::{
    Cw20HookMsg, ExecuteMsg as PairExecuteMsg, PoolResponse, QueryMsg as PairQueryMsg,
    SimulationResponse, TwapResponse,
};
use poe_interface::amm::{factory, Asset, AssetInfo, PairInfo};
use poe_interface::token::ExecuteMsg as TokenExecuteMsg;

use crate::{SharedApp, TokenHandle};

/// The AMM factory and router. Cheap to clone.
#[derive(Clone)]
pub struct AmmHandle {
    app: SharedApp,
    /// The factory: creates pairs, keeps the registry.
    pub factory: Addr,
    /// The multi-hop router.
    pub router: Addr,
}

/// One constant-product pair of two cw20 tokens. Cheap to clone.
#[derive(Clone)]
pub struct PairHandle {
    app: SharedApp,
    /// The pair contract.
    pub addr: Addr,
    /// Its LP token.
    pub lp_token: Addr,
    /// Its two assets, in the pair's order.
    pub assets: [AssetInfo; 2],
}

/// A cw20 token as an AMM asset.
pub fn token_asset(token: &TokenHandle) -> AssetInfo {
    AssetInfo::Token {
        contract_addr: token.addr.to_string(),
    }
}

impl AmmHandle {
    pub(crate) fn new(app: SharedApp, factory: Addr, router: Addr) -> Self {
        AmmHandle {
            app,
            factory,
            router,
        }
    }

    /// The pair of `a` and `b` (either order) from the factory's registry.
    pub fn pair(&self, a: &TokenHandle, b: &TokenHandle) -> StdResult<PairHandle> {
        let info: PairInfo = self.app.borrow().wrap().query_wasm_smart(
            self.factory.clone(),
            &factory::QueryMsg::Pair {
                asset_infos: [token_asset(a), token_asset(b)],
            },
        )?;
        Ok(PairHandle {
            app: self.app.clone(),
            addr: Addr::unchecked(info.contract_addr),
            lp_token: Addr::unchecked(info.liquidity_token),
            assets: info.asset_infos,
        })
    }
}

impl PairHandle {
    /// Executes any pair message as `sender`.
    pub fn execute(&self, sender: &Addr, msg: &PairExecuteMsg) -> AnyResult<AppResponse> {
        self.app
            .borrow_mut()
            .execute_contract(sender.clone(), self.addr.clone(), msg, &[])
    }

    /// Runs any pair query.
    pub fn query<T: serde::de::DeserializeOwned>(&self, msg: &PairQueryMsg) -> StdResult<T> {
        self.app
            .borrow()
            .wrap()
            .query_wasm_smart(self.addr.clone(), msg)
    }

    /// `provider` deposits `amount_a` of `a` and `amount_b` of `b` (allowances first, then
    /// `ProvideLiquidity` with a 1 % slippage tolerance).
    pub fn provide(
        &self,
        provider: &Addr,
        (a, amount_a): (&TokenHandle, Uint128),
        (b, amount_b): (&TokenHandle, Uint128),
    ) -> AnyResult<AppResponse> {
        for (token, amount) in [(a, amount_a), (b, amount_b)] {
            token.increase_allowance(provider, &self.addr, amount)?;
        }
        self.execute(
            provider,
            &PairExecuteMsg::ProvideLiquidity {
                assets: vec![
                    Asset {
                        info: token_asset(a),
                        amount: amount_a,
                    },
                    Asset {
                        info: token_asset(b),
                        amount: amount_b,
                    },
                ],
                slippage_tolerance: Some(cosmwasm_std::Decimal::percent(1)),
                min_lp_to_receive: None,
                receiver: None,
            },
        )
    }

    /// `trader` sells `amount` of `offer` (a cw20 `Send` with the `Swap` hook), accepting
    /// `max_spread`.
    pub fn swap(
        &self,
        trader: &Addr,
        offer: &TokenHandle,
        amount: Uint128,
        max_spread: Option<cosmwasm_std::Decimal>,
    ) -> AnyResult<AppResponse> {
        offer.execute(
            trader,
            &TokenExecuteMsg::Send {
                contract: self.addr.to_string(),
                amount,
                msg: to_json_binary(&Cw20HookMsg::Swap {
                    belief_price: None,
                    max_spread,
                    minimum_receive: None,
                    to: None,
                    deadline: None,
                })?,
            },
        )
    }

    /// What selling `amount` of `offer` would return now.
    pub fn simulate(&self, offer: &TokenHandle, amount: Uint128) -> StdResult<SimulationResponse> {
        self.query(&PairQueryMsg::Simulation {
            offer_asset: Asset {
                info: token_asset(offer),
                amount,
            },
        })
    }

    /// Reserves and LP supply.
    pub fn pool(&self) -> StdResult<PoolResponse> {
        self.query(&PairQueryMsg::Pool {})
    }

    /// Time-weighted average prices over the last `window_seconds`.
    pub fn twap(&self, window_seconds: u64) -> StdResult<TwapResponse> {
        self.query(&PairQueryMsg::Twap { window_seconds })
    }
}
