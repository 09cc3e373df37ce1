//! The registry on a multi-test chain: an owner, two writers (a task auction stands in), holders.
#![allow(dead_code)]

use std::cell::RefCell;
use std::rc::Rc;

use cosmwasm_std::{Addr, Decimal, Empty};
use cw_multi_test::{App, Contract, ContractWrapper, Executor};
use poe_reputation::msg::InstantiateMsg;
use poe_test_utils::{ReputationHandle, SharedApp, Snapshot};

pub const DAY: u64 = 86_400;

pub fn reputation_contract() -> Box<dyn Contract<Empty>> {
    Box::new(
        ContractWrapper::new(
            poe_reputation::contract::execute,
            poe_reputation::contract::instantiate,
            poe_reputation::contract::query,
        )
        .with_migrate(poe_reputation::contract::migrate),
    )
}

pub struct Suite {
    pub app: SharedApp,
    pub registry: ReputationHandle,
    pub owner: Addr,
    pub writer: Addr,
    pub other_writer: Addr,
    pub alice: Addr,
    pub bob: Addr,
    pub stranger: Addr,
}

impl Suite {
    pub fn new() -> Self {
        Self::with_rate(None)
    }

    pub fn with_rate(decay_rate_per_day: Option<Decimal>) -> Self {
        let mut app = App::default();
        let a = |n: &str| app.api().addr_make(n);
        let (owner, writer, other_writer, alice, bob, stranger) = (
            a("owner"),
            a("auction"),
            a("other_writer"),
            a("alice"),
            a("bob"),
            a("stranger"),
        );
        let code = app.store_code(reputation_contract());
        let addr = app
            .instantiate_contract(
                code,
                owner.clone(),
                &InstantiateMsg {
                    owner: None,
                    writers: vec![writer.to_string(), other_writer.to_string()],
                    decay_rate_per_day,
                },
                &[],
                "reputation",
                Some(owner.to_string()),
            )
            .unwrap();
        let app: SharedApp = Rc::new(RefCell::new(app));
        Suite {
            registry: ReputationHandle::new(app.clone(), addr),
            app,
            owner,
            writer,
            other_writer,
            alice,
            bob,
            stranger,
        }
    }

    pub fn advance(&self, seconds: u64) {
        poe_test_utils::advance(
            &mut self.app.borrow_mut(),
            seconds,
            seconds.div_ceil(5).max(1),
        );
    }

    /// Gives `who` native coins (to attach funds where none are taken).
    pub fn fund(&self, who: &Addr, coins: Vec<cosmwasm_std::Coin>) {
        self.app
            .borrow_mut()
            .init_modules(|router, _, storage| router.bank.init_balance(storage, who, coins))
            .unwrap();
    }

    pub fn snapshot(&self) -> Snapshot {
        let app = self.app.borrow();
        Snapshot::of(&app).storage([&self.registry.addr]).take()
    }

    pub fn total(&self, who: &Addr) -> u128 {
        self.registry.reputation(who).unwrap().total.u128()
    }

    pub fn tag(&self, who: &Addr, tag: &str) -> u128 {
        self.registry
            .tag_reputation(who, tag)
            .unwrap()
            .points
            .u128()
    }
}
