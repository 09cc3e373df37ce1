//! Typed handles of the suite's contracts on one shared multi-test chain, built from
//! `poe_interface` messages only (so a contract's own tests can use them).
//!
//! One generic core, [`Handle<C>`]: the chain ([`SharedApp`]), one contract's address, and
//! `execute` / `execute_with_funds` / `query` typed by that contract's messages
//! ([`ContractInterface`]). Each contract's typed methods (`vote`, `swap`, `stake`, ...) are an
//! `impl Handle<ThatContract>` in its own module. A handle that needs more than the address (a
//! token's symbol, a pair's LP token and assets) is a struct that holds a `Handle<C>` and
//! dereferences to it, so `addr`, `execute` and `query` are the core's there too.
//!
//! Every execute method returns `anyhow::Result<AppResponse>` (recover a contract's error with
//! [`crate::find_error`] or [`crate::downcast`]); every query returns `StdResult`.

mod amm;
mod aurum;
mod flux;
mod governance;
mod guarantee;
mod marketplace;
mod poe;
mod reputation;
mod staking;
mod task_auction;
mod token;
mod treasury;

use std::any::type_name;
use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;
use std::rc::Rc;

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Coin, StdResult, Timestamp};
use cw_multi_test::{App, AppResponse, Executor};
use cw_ownable::{Action, Ownership};
use poe_interface::ownership::OwnershipExecuteMsg;
use poe_interface::pause::{PausableExecuteMsg, PausableQueryMsg, PauseStatusResponse};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use self::amm::{
    token_asset, AmmHandle, Factory, FactoryHandle, Pair, PairHandle, Router, RouterHandle,
    SwapBounds,
};
pub use self::aurum::{AurumHandle, AurumReserve};
pub use self::flux::{FluxController, FluxHandle};
pub use self::governance::{wasm_execute, Governance, GovernanceHandle};
pub use self::guarantee::{open_msg, Guarantee, GuaranteeConfigUpdate, GuaranteeHandle};
pub use self::marketplace::{Marketplace, MarketplaceHandle};
pub use self::poe::{PoeHandle, PoeMining};
pub use self::reputation::{Reputation, ReputationHandle};
pub use self::staking::{Staking, StakingHandle};
pub use self::task_auction::{task_spec, TaskAuction, TaskAuctionHandle};
pub use self::token::{Cw20Handle, Token, TokenHandle};
pub use self::treasury::{Treasury, TreasuryHandle};

/// The chain shared by a test suite and its handles (single-threaded: a handle borrows it only
/// for the duration of one call, so never hold a borrow across a handle call).
pub type SharedApp = Rc<RefCell<App>>;

/// `app` as the [`SharedApp`] handles run on.
pub fn share(app: App) -> SharedApp {
    Rc::new(RefCell::new(app))
}

/// A contract's messages, as `poe_interface` defines them: what a [`Handle`] of it executes and
/// queries. Implemented by one empty marker type per contract ([`Token`], [`Governance`], ...).
pub trait ContractInterface {
    /// The contract's `ExecuteMsg`.
    type ExecuteMsg: Serialize + fmt::Debug;
    /// The contract's `QueryMsg`.
    type QueryMsg: Serialize;
}

/// One deployed contract of interface `C` on the shared chain. Cheap to clone; every call
/// borrows the chain for that call only.
pub struct Handle<C> {
    app: SharedApp,
    /// The contract.
    pub addr: Addr,
    interface: PhantomData<C>,
}

impl<C: ContractInterface> Handle<C> {
    /// The handle of the contract at `addr` on `app`.
    pub fn new(app: SharedApp, addr: Addr) -> Self {
        Handle {
            app,
            addr,
            interface: PhantomData,
        }
    }

    /// The chain this contract runs on.
    pub fn app(&self) -> &SharedApp {
        &self.app
    }

    /// The handle of another contract, at `addr`, on the same chain.
    pub fn contract_at<D: ContractInterface>(&self, addr: &Addr) -> Handle<D> {
        Handle::new(self.app.clone(), addr.clone())
    }

    /// Executes any message of the contract as `sender`, without funds.
    pub fn execute(&self, sender: &Addr, msg: &C::ExecuteMsg) -> AnyResult<AppResponse> {
        self.execute_with_funds(sender, msg, &[])
    }

    /// Executes any message of the contract as `sender`, with `funds` attached.
    pub fn execute_with_funds(
        &self,
        sender: &Addr,
        msg: &C::ExecuteMsg,
        funds: &[Coin],
    ) -> AnyResult<AppResponse> {
        self.app
            .borrow_mut()
            .execute_contract(sender.clone(), self.addr.clone(), msg, funds)
    }

    /// Runs any query of the contract.
    pub fn query<T: DeserializeOwned>(&self, msg: &C::QueryMsg) -> StdResult<T> {
        self.app
            .borrow()
            .wrap()
            .query_wasm_smart(self.addr.clone(), msg)
    }
}

/// A contract whose owner is kept by cw-ownable: its `ExecuteMsg` has cw-ownable's
/// `UpdateOwnership(Action)` and its `QueryMsg` has `Ownership {}`, so a [`Handle`] of it gets
/// [`Handle::update_ownership`] and [`Handle::ownership`] once, for every such contract.
pub trait Ownable: ContractInterface {}

/// A contract with the suite's shared pause (`poe_interface::pause`: `Pause { until }`,
/// `Unpause {}`, `PauseStatus {}`), so a [`Handle`] of it gets [`Handle::pause`],
/// [`Handle::unpause`] and [`Handle::pause_status`] once, for every such contract.
pub trait Pausable: ContractInterface {}

/// cw-ownable's `ownership {}` query, as every [`Ownable`] contract answers it.
#[derive(Serialize)]
#[serde(rename_all = "snake_case")]
enum OwnershipQueryMsg {
    Ownership {},
}

impl<C: ContractInterface> Handle<C> {
    /// Executes `msg` (any JSON the contract accepts, e.g. a shared message of
    /// `poe_interface`) as `sender`, without funds.
    fn execute_shared(
        &self,
        sender: &Addr,
        msg: &(impl Serialize + fmt::Debug),
    ) -> AnyResult<AppResponse> {
        self.app
            .borrow_mut()
            .execute_contract(sender.clone(), self.addr.clone(), msg, &[])
    }

    /// Runs `msg` (any query JSON the contract accepts).
    fn query_shared<T: DeserializeOwned>(&self, msg: &impl Serialize) -> StdResult<T> {
        self.app
            .borrow()
            .wrap()
            .query_wasm_smart(self.addr.clone(), msg)
    }
}

impl<C: Ownable> Handle<C> {
    /// Two-step ownership transfer (cw-ownable's `update_ownership`): transfer, accept,
    /// renounce.
    pub fn update_ownership(&self, sender: &Addr, action: Action) -> AnyResult<AppResponse> {
        self.execute_shared(sender, &OwnershipExecuteMsg::UpdateOwnership(action))
    }

    /// The contract's owner and pending transfer.
    pub fn ownership(&self) -> StdResult<Ownership<String>> {
        self.query_shared(&OwnershipQueryMsg::Ownership {})
    }
}

impl<C: Pausable> Handle<C> {
    /// Starts or extends a pause until `until` (`None`: until the owner lifts it); never
    /// shortens one (`WouldShorten`).
    pub fn pause(&self, sender: &Addr, until: Option<Timestamp>) -> AnyResult<AppResponse> {
        self.execute_shared(sender, &PausableExecuteMsg::Pause { until })
    }

    /// Owner: lifts the running pause.
    pub fn unpause(&self, sender: &Addr) -> AnyResult<AppResponse> {
        self.execute_shared(sender, &PausableExecuteMsg::Unpause {})
    }

    /// The pause state now.
    pub fn pause_status(&self) -> StdResult<PauseStatusResponse> {
        self.query_shared(&PausableQueryMsg::PauseStatus {})
    }
}

/// `addrs` as the strings a message carries (allow-list updates: `add`, `remove`).
pub(crate) fn strings(addrs: &[&Addr]) -> Vec<String> {
    addrs.iter().map(|a| a.to_string()).collect()
}

/// Every item of a paginated query: calls `page(start_after)` with the key of the last item so
/// far (`None` first) until a page comes back shorter than `limit`.
pub fn all_pages<T, K>(
    limit: u32,
    mut page: impl FnMut(Option<K>) -> StdResult<Vec<T>>,
    key: impl Fn(&T) -> K,
) -> StdResult<Vec<T>> {
    let mut all: Vec<T> = Vec::new();
    loop {
        let items = page(all.last().map(&key))?;
        let done = items.len() < limit as usize;
        all.extend(items);
        if done {
            return Ok(all);
        }
    }
}

impl<C> Clone for Handle<C> {
    fn clone(&self) -> Self {
        Handle {
            app: self.app.clone(),
            addr: self.addr.clone(),
            interface: PhantomData,
        }
    }
}

impl<C> fmt::Debug for Handle<C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Handle")
            .field("interface", &type_name::<C>())
            .field("addr", &self.addr)
            .finish()
    }
}

/// Declares the empty marker type `$name` of a contract's interface: its `ExecuteMsg` and
/// `QueryMsg` (the doc comments before the name go on the type), and after `;` the shared
/// behaviours it has (`Ownable`, `Pausable`).
macro_rules! contract_interface {
    ($(#[$meta:meta])* $name:ident: $execute:ty, $query:ty $(; $shared:ident)*) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub enum $name {}

        impl $crate::handles::ContractInterface for $name {
            type ExecuteMsg = $execute;
            type QueryMsg = $query;
        }
        $(impl $crate::handles::$shared for $name {})*
    };
}
use contract_interface;

/// `impl Deref<Target = Handle<$interface>>` for a handle struct whose `contract` field is that
/// core: the struct then has the core's `addr`, `execute` and `query`.
macro_rules! deref_to_handle {
    ($handle:ty => $interface:ty) => {
        impl ::std::ops::Deref for $handle {
            type Target = $crate::handles::Handle<$interface>;

            fn deref(&self) -> &Self::Target {
                &self.contract
            }
        }
    };
}
use deref_to_handle;
