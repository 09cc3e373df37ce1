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
mod poe;
mod staking;
mod token;
mod treasury;

use std::any::type_name;
use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;
use std::rc::Rc;

use anyhow::Result as AnyResult;
use cosmwasm_std::{Addr, Coin, StdResult};
use cw_multi_test::{App, AppResponse, Executor};
use serde::de::DeserializeOwned;
use serde::Serialize;

pub use self::amm::{token_asset, AmmHandle, Factory, Pair, PairHandle, Router, SwapBounds};
pub use self::aurum::{AurumHandle, AurumReserve};
pub use self::flux::{FluxController, FluxHandle};
pub use self::governance::{wasm_execute, Governance, GovernanceHandle};
pub use self::poe::{PoeHandle, PoeMining};
pub use self::staking::{Staking, StakingHandle};
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
/// `QueryMsg` (the doc comments before the name go on the type).
macro_rules! contract_interface {
    ($(#[$meta:meta])* $name:ident: $execute:ty, $query:ty) => {
        $(#[$meta])*
        #[derive(Debug)]
        pub enum $name {}

        impl $crate::handles::ContractInterface for $name {
            type ExecuteMsg = $execute;
            type QueryMsg = $query;
        }
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
