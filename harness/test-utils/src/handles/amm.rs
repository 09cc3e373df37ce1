//! The AMM: [`AmmHandle`] (the factory and the router), the factory's and the router's own
//! `Handle<Factory>` / `Handle<Router>` methods, and [`PairHandle`] (one pair).

use anyhow::{bail, Result as AnyResult};
use cosmwasm_std::{coins, Addr, Coin, Decimal, StdResult, Uint128};
use cw_multi_test::AppResponse;
use poe_interface::amm::pair::{
    ConfigResponse, CumulativePricesResponse, Cw20HookMsg, ExecuteMsg as PairExecuteMsg,
    PoolResponse, QueryMsg as PairQueryMsg, ReverseSimulationResponse, SimulationResponse,
    TwapResponse,
};
use poe_interface::amm::router::SwapOperation;
use poe_interface::amm::{factory, router, Asset, AssetInfo, PairInfo};
use serde::Serialize;

use super::{
    contract_interface, deref_to_handle, ContractInterface, Cw20Handle, Handle, SharedApp, Token,
};
use crate::queries::Asset as Holding;

contract_interface!(
    /// The AMM factory's interface (`poe_interface::amm::factory`).
    Factory: factory::ExecuteMsg, factory::QueryMsg; Ownable
);

contract_interface!(
    /// The multi-hop router's interface (`poe_interface::amm::router`).
    Router: router::ExecuteMsg, router::QueryMsg
);

contract_interface!(
    /// A constant-product pair's interface (`poe_interface::amm::pair`).
    Pair: PairExecuteMsg, PairQueryMsg; Ownable; Pausable
);

/// The AMM factory's handle.
pub type FactoryHandle = Handle<Factory>;

/// The multi-hop router's handle.
pub type RouterHandle = Handle<Router>;

/// A cw20 token as an AMM asset.
pub fn token_asset(token: &Cw20Handle) -> AssetInfo {
    AssetInfo::Token {
        contract_addr: token.addr.to_string(),
    }
}

/// The AMM factory and router. Cheap to clone.
#[derive(Clone)]
pub struct AmmHandle {
    app: SharedApp,
    /// The factory: creates pairs, keeps the registry.
    pub factory: Addr,
    /// The multi-hop router.
    pub router: Addr,
}

impl AmmHandle {
    /// The factory at `factory` and the router at `router`, on `app`.
    pub fn new(app: SharedApp, factory: Addr, router: Addr) -> Self {
        AmmHandle {
            app,
            factory,
            router,
        }
    }

    /// The factory's handle (its every message and query).
    pub fn factory_handle(&self) -> Handle<Factory> {
        Handle::new(self.app.clone(), self.factory.clone())
    }

    /// The router's handle (its every message and query).
    pub fn router_handle(&self) -> Handle<Router> {
        Handle::new(self.app.clone(), self.router.clone())
    }

    /// The pair of `a` and `b` (either order) from the factory's registry.
    pub fn pair(&self, a: &Cw20Handle, b: &Cw20Handle) -> StdResult<PairHandle> {
        self.factory_handle()
            .pair_handle([token_asset(a), token_asset(b)])
    }
}

impl Handle<Factory> {
    /// Anyone: `CreatePair` of `asset_infos` (in the order the pair keeps), registered in the
    /// reply.
    pub fn create_pair(
        &self,
        sender: &Addr,
        asset_infos: [AssetInfo; 2],
    ) -> AnyResult<AppResponse> {
        self.execute(sender, &factory::ExecuteMsg::CreatePair { asset_infos })
    }

    /// The parameters given to new pairs, and the pair count.
    pub fn config(&self) -> StdResult<factory::ConfigResponse> {
        self.query(&factory::QueryMsg::Config {})
    }

    /// The registry's entry of the pair of `asset_infos` (either order).
    pub fn pair(&self, asset_infos: [AssetInfo; 2]) -> StdResult<PairInfo> {
        self.query(&factory::QueryMsg::Pair { asset_infos })
    }

    /// The handle of the pair of `asset_infos` (either order), from the registry.
    pub fn pair_handle(&self, asset_infos: [AssetInfo; 2]) -> StdResult<PairHandle> {
        let info = self.pair(asset_infos)?;
        Ok(PairHandle::from_info(self.app().clone(), info))
    }

    /// One page of registered pairs, after the pair of `start_after` (its assets in either
    /// order).
    pub fn pairs(
        &self,
        start_after: Option<[AssetInfo; 2]>,
        limit: Option<u32>,
    ) -> StdResult<Vec<PairInfo>> {
        let res: factory::PairsResponse =
            self.query(&factory::QueryMsg::Pairs { start_after, limit })?;
        Ok(res.pairs)
    }
}

impl Handle<Router> {
    /// `trader` sells `offer` along `operations` within `bounds` (`max_spread` is passed to
    /// every hop): a cw20 offer by `Send` with the `ExecuteSwapOperations` hook, a native one
    /// by `ExecuteSwapOperations` with the coins attached. The router takes no `belief_price`:
    /// bounds with one are refused here, before anything is sent.
    pub fn execute_swap_operations(
        &self,
        trader: &Addr,
        offer: Asset,
        operations: Vec<SwapOperation>,
        bounds: &SwapBounds,
    ) -> AnyResult<AppResponse> {
        let SwapBounds {
            belief_price,
            max_spread,
            minimum_receive,
            to,
            deadline,
        } = bounds.clone();
        if let Some(price) = belief_price {
            bail!("the router takes no belief_price (got {price})");
        }
        let hook = router::Cw20HookMsg::ExecuteSwapOperations {
            operations: operations.clone(),
            minimum_receive,
            to: to.clone(),
            max_spread,
            deadline,
        };
        let msg = router::ExecuteMsg::ExecuteSwapOperations {
            operations,
            minimum_receive,
            to,
            max_spread,
            deadline,
        };
        pay_in(self, trader, &offer, &hook, &msg)
    }

    /// What selling `offer_amount` of the first hop's offer along `operations` would return
    /// now, base units of the last asked asset.
    pub fn simulate_swap_operations(
        &self,
        offer_amount: Uint128,
        operations: Vec<SwapOperation>,
    ) -> StdResult<Uint128> {
        let res: router::SimulateSwapOperationsResponse =
            self.query(&router::QueryMsg::SimulateSwapOperations {
                offer_amount,
                operations,
            })?;
        Ok(res.amount)
    }

    /// The factory the router routes through.
    pub fn config(&self) -> StdResult<router::ConfigResponse> {
        self.query(&router::QueryMsg::Config {})
    }
}

/// `trader` pays `offer` into `contract`: a cw20 offer by a `Send` of the token with `hook`
/// (the contract's cw20 hook message), a native one by `msg` with the coins attached.
fn pay_in<C: ContractInterface>(
    contract: &Handle<C>,
    trader: &Addr,
    offer: &Asset,
    hook: &impl Serialize,
    msg: &C::ExecuteMsg,
) -> AnyResult<AppResponse> {
    match &offer.info {
        AssetInfo::Token { contract_addr } => contract
            .contract_at::<Token>(&Addr::unchecked(contract_addr))
            .send_hook(trader, &contract.addr, offer.amount, hook),
        AssetInfo::NativeToken { denom } => {
            contract.execute_with_funds(trader, msg, &coins(offer.amount.u128(), denom))
        }
    }
}

impl From<&AssetInfo> for Holding {
    /// An AMM asset as a holding of the balance queries and snapshots.
    fn from(asset: &AssetInfo) -> Self {
        match asset {
            AssetInfo::Token { contract_addr } => Holding::Cw20(Addr::unchecked(contract_addr)),
            AssetInfo::NativeToken { denom } => Holding::native(denom),
        }
    }
}

/// The optional bounds of a swap: the fields of the pair's `Swap` (and of the cw20 `Swap` hook)
/// besides the offer. `Default` is no bound but the pair's default spread. A route through the
/// router takes the same bounds but `belief_price` (`Handle<Router>::execute_swap_operations`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SwapBounds {
    /// Offered units per asked unit the trader expects (fees included).
    pub belief_price: Option<Decimal>,
    /// Largest spread accepted, a fraction in `[0, 1]`.
    pub max_spread: Option<Decimal>,
    /// Refuses a swap returning less, base units of the asked asset.
    pub minimum_receive: Option<Uint128>,
    /// Who receives the output; default the trader.
    pub to: Option<String>,
    /// Refused after this block time, seconds since the epoch.
    pub deadline: Option<u64>,
}

impl SwapBounds {
    /// Any spread accepted (`max_spread` 1), so only the pool decides the price.
    pub fn any_spread() -> Self {
        SwapBounds {
            max_spread: Some(Decimal::one()),
            ..SwapBounds::default()
        }
    }
}

/// One constant-product pair, with its LP token and assets. Cheap to clone; dereferences to its
/// `Handle<Pair>`.
#[derive(Clone, Debug)]
pub struct PairHandle {
    contract: Handle<Pair>,
    /// Its LP token.
    pub lp_token: Addr,
    /// Its two assets, in the pair's order.
    pub assets: [AssetInfo; 2],
}

deref_to_handle!(PairHandle => Pair);

impl PairHandle {
    /// The pair `info` describes (as the factory registers it or the pair's `Pair {}` answers).
    pub fn from_info(app: SharedApp, info: PairInfo) -> Self {
        PairHandle {
            contract: Handle::new(app, Addr::unchecked(info.contract_addr)),
            lp_token: Addr::unchecked(info.liquidity_token),
            assets: info.asset_infos,
        }
    }

    /// The pair at `addr` on `app`, described by its own `Pair {}` query.
    pub fn load(app: SharedApp, addr: &Addr) -> StdResult<Self> {
        let info: PairInfo =
            Handle::<Pair>::new(app.clone(), addr.clone()).query(&PairQueryMsg::Pair {})?;
        Ok(PairHandle::from_info(app, info))
    }

    /// The LP token's handle.
    pub fn lp(&self) -> Cw20Handle {
        self.contract_at(&self.lp_token)
    }

    /// `ProvideLiquidity` of `assets` by `provider`: first an allowance of the pair for each cw20
    /// part, then the message with each non-zero native part attached as funds.
    pub fn provide_liquidity(
        &self,
        provider: &Addr,
        assets: Vec<Asset>,
        slippage_tolerance: Option<Decimal>,
        min_lp_to_receive: Option<Uint128>,
        receiver: Option<String>,
    ) -> AnyResult<AppResponse> {
        let mut funds: Vec<Coin> = Vec::new();
        for asset in &assets {
            match &asset.info {
                AssetInfo::Token { contract_addr } => {
                    self.contract_at::<Token>(&Addr::unchecked(contract_addr))
                        .increase_allowance(provider, &self.addr, asset.amount)?;
                }
                AssetInfo::NativeToken { denom } => {
                    if !asset.amount.is_zero() {
                        funds.push(Coin::new(asset.amount, denom));
                    }
                }
            }
        }
        let msg = PairExecuteMsg::ProvideLiquidity {
            assets,
            slippage_tolerance,
            min_lp_to_receive,
            receiver,
        };
        self.execute_with_funds(provider, &msg, &funds)
    }

    /// `provider` deposits `amount_a` of `a` and `amount_b` of `b` (allowances first, then
    /// `ProvideLiquidity` with a 1 % slippage tolerance).
    pub fn provide(
        &self,
        provider: &Addr,
        (a, amount_a): (&Cw20Handle, Uint128),
        (b, amount_b): (&Cw20Handle, Uint128),
    ) -> AnyResult<AppResponse> {
        self.provide_liquidity(
            provider,
            vec![
                token_asset(a).with_amount(amount_a),
                token_asset(b).with_amount(amount_b),
            ],
            Some(Decimal::percent(1)),
            None,
            None,
        )
    }

    /// `trader` sells `offer` within `bounds`: a cw20 offer by `Send` with the `Swap` hook, a
    /// native one by `Swap` with the coins attached.
    pub fn swap_asset(
        &self,
        trader: &Addr,
        offer: Asset,
        bounds: &SwapBounds,
    ) -> AnyResult<AppResponse> {
        let SwapBounds {
            belief_price,
            max_spread,
            minimum_receive,
            to,
            deadline,
        } = bounds.clone();
        let hook = Cw20HookMsg::Swap {
            belief_price,
            max_spread,
            minimum_receive,
            to: to.clone(),
            deadline,
        };
        let msg = PairExecuteMsg::Swap {
            offer_asset: offer.clone(),
            belief_price,
            max_spread,
            minimum_receive,
            to,
            deadline,
        };
        pay_in(self, trader, &offer, &hook, &msg)
    }

    /// `trader` sells `amount` of `offer` (a cw20 `Send` with the `Swap` hook), accepting
    /// `max_spread`.
    pub fn swap(
        &self,
        trader: &Addr,
        offer: &Cw20Handle,
        amount: Uint128,
        max_spread: Option<Decimal>,
    ) -> AnyResult<AppResponse> {
        let bounds = SwapBounds {
            max_spread,
            ..SwapBounds::default()
        };
        self.swap_asset(trader, token_asset(offer).with_amount(amount), &bounds)
    }

    /// `provider` burns `share` LP base units (a cw20 `Send` of the LP token with the
    /// `WithdrawLiquidity` hook), refusing less than `min_assets_to_receive`.
    pub fn withdraw(
        &self,
        provider: &Addr,
        share: Uint128,
        min_assets_to_receive: Option<Vec<Asset>>,
    ) -> AnyResult<AppResponse> {
        let hook = Cw20HookMsg::WithdrawLiquidity {
            min_assets_to_receive,
        };
        self.lp().send_hook(provider, &self.addr, share, &hook)
    }

    /// The assets, the pair's address and its LP token (`Pair {}`).
    pub fn pair_info(&self) -> StdResult<PairInfo> {
        self.query(&PairQueryMsg::Pair {})
    }

    /// What selling `amount` of `offer` would return now.
    pub fn simulate(&self, offer: &Cw20Handle, amount: Uint128) -> StdResult<SimulationResponse> {
        self.simulation(token_asset(offer).with_amount(amount))
    }

    /// What selling `offer_asset` would return now.
    pub fn simulation(&self, offer_asset: Asset) -> StdResult<SimulationResponse> {
        self.query(&PairQueryMsg::Simulation { offer_asset })
    }

    /// The smallest offer returning at least `ask_asset` now.
    pub fn reverse_simulation(&self, ask_asset: Asset) -> StdResult<ReverseSimulationResponse> {
        self.query(&PairQueryMsg::ReverseSimulation { ask_asset })
    }

    /// Reserves and LP supply.
    pub fn pool(&self) -> StdResult<PoolResponse> {
        self.query(&PairQueryMsg::Pool {})
    }

    /// Fees, fee address, pause and the observation ring's parameters.
    pub fn config(&self) -> StdResult<ConfigResponse> {
        self.query(&PairQueryMsg::Config {})
    }

    /// The cumulative prices brought up to the current block time.
    pub fn cumulative_prices(&self) -> StdResult<CumulativePricesResponse> {
        self.query(&PairQueryMsg::CumulativePrices {})
    }

    /// Time-weighted average prices over the last `window_seconds`.
    pub fn twap(&self, window_seconds: u64) -> StdResult<TwapResponse> {
        self.query(&PairQueryMsg::Twap { window_seconds })
    }
}
