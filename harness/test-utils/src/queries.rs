//! cw20 and bank queries that must answer.

use cosmwasm_std::Addr;
use cw20::{BalanceResponse, Cw20QueryMsg, TokenInfoResponse};
use cw_multi_test::App;

/// `who`'s balance of the cw20 `token`, in base units. Panics when the token does not answer.
pub fn cw20_balance(app: &App, token: &Addr, who: &Addr) -> u128 {
    let res: BalanceResponse = app
        .wrap()
        .query_wasm_smart(
            token,
            &Cw20QueryMsg::Balance {
                address: who.to_string(),
            },
        )
        .expect("token answers");
    res.balance.u128()
}

/// The cw20 `token`'s total supply, in base units. Panics when the token does not answer.
pub fn cw20_supply(app: &App, token: &Addr) -> u128 {
    let res: TokenInfoResponse = app
        .wrap()
        .query_wasm_smart(token, &Cw20QueryMsg::TokenInfo {})
        .expect("token answers");
    res.total_supply.u128()
}

/// `who`'s balance of the native `denom`.
pub fn native_balance(app: &App, who: &Addr, denom: &str) -> u128 {
    app.wrap()
        .query_balance(who, denom)
        .expect("bank answers")
        .amount
        .u128()
}

/// Something an account holds: a cw20 token or a native denom.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Asset {
    Cw20(Addr),
    Native(String),
}

impl Asset {
    pub fn cw20(token: &Addr) -> Self {
        Asset::Cw20(token.clone())
    }

    pub fn native(denom: &str) -> Self {
        Asset::Native(denom.to_string())
    }
}

/// `who`'s balance of `asset`.
pub fn balance(app: &App, asset: &Asset, who: &Addr) -> u128 {
    match asset {
        Asset::Cw20(token) => cw20_balance(app, token, who),
        Asset::Native(denom) => native_balance(app, who, denom),
    }
}
