//! Deploying the suite's own code in a multi-test app without depending on the contract crates.

use cosmwasm_std::{to_json_binary, Addr, Uint128};
use cw20::{Cw20Coin, Cw20ExecuteMsg};
use cw_multi_test::{App, AppResponse, Executor};
use poe_interface::token::InstantiateMsg as TokenInstantiateMsg;
use serde::Serialize;

/// A boxed cw-multi-test `ContractWrapper` of the contract crate `$krate`: its
/// `contract::{execute, instantiate, query}`, plus `contract::reply` and `contract::migrate`
/// when `reply` / `migrate` are named, in that order:
///
/// ```ignore
/// pub fn pair_contract() -> Box<dyn Contract<Empty>> {
///     poe_test_utils::contract_wrapper!(poe_amm_pair, reply, migrate)
/// }
/// ```
///
/// A macro, expanded in the test crate, so that this crate depends on no contract. The caller
/// needs `cw-multi-test` among its dependencies.
#[macro_export]
macro_rules! contract_wrapper {
    ($krate:ident $(, $entry:ident)* $(,)?) => {
        ::std::boxed::Box::new($crate::contract_wrapper!(
            @with ::cw_multi_test::ContractWrapper::new(
                $krate::contract::execute,
                $krate::contract::instantiate,
                $krate::contract::query,
            );
            $krate;
            $($entry)*
        ))
    };
    (@with $wrapper:expr; $krate:ident; reply $($rest:ident)*) => {
        $crate::contract_wrapper!(@with $wrapper.with_reply($krate::contract::reply); $krate; $($rest)*)
    };
    (@with $wrapper:expr; $krate:ident; migrate $($rest:ident)*) => {
        $crate::contract_wrapper!(@with $wrapper.with_migrate($krate::contract::migrate); $krate; $($rest)*)
    };
    (@with $wrapper:expr; $krate:ident;) => {
        $wrapper
    };
}

/// The suite token's (poe-token's) instantiate message for a test token: named
/// `"{symbol} token"`, 6 decimals, each of `holders` holding `amount` base units; no minter, no
/// marketing, no transfer burn, no owner (override those with struct update syntax).
pub fn token_instantiate_msg(symbol: &str, holders: &[&Addr], amount: u128) -> TokenInstantiateMsg {
    TokenInstantiateMsg {
        name: format!("{symbol} token"),
        symbol: symbol.to_string(),
        decimals: 6,
        initial_balances: holders
            .iter()
            .map(|a| Cw20Coin {
                address: a.to_string(),
                amount: Uint128::new(amount),
            })
            .collect(),
        mint: None,
        marketing: None,
        transfer_burn_bps: None,
        owner: None,
        retirable: None,
    }
}

/// `sender` sends `amount` of the cw20 `token` to `contract` with `hook` as the `Receive` message.
pub fn cw20_send(
    app: &mut App,
    sender: &Addr,
    token: &Addr,
    contract: &Addr,
    amount: u128,
    hook: &impl Serialize,
) -> anyhow::Result<AppResponse> {
    let msg = Cw20ExecuteMsg::Send {
        contract: contract.to_string(),
        amount: Uint128::new(amount),
        msg: to_json_binary(hook).expect("hook serializes"),
    };
    app.execute_contract(sender.clone(), token.clone(), &msg, &[])
}
