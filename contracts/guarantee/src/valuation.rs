//! Valuing collateral at the TWAP of its FLX pair (never the spot price); FLX is valued 1:1.

use cosmwasm_std::{Addr, Decimal256, Deps, Env, Uint128};
use poe_interface::amm::pair::{QueryMsg as PairQueryMsg, TwapResponse};
use poe_math::guarantee::collateral_value;

use crate::error::ContractError;
use crate::msg::AssetInfo;

/// A collateral amount valued at a price.
#[derive(Debug, Clone, PartialEq)]
pub struct Valuation {
    /// FLX base units per collateral base unit.
    pub price: Decimal256,
    /// `floor(amount × price)`, FLX base units.
    pub value: Uint128,
    /// The window asked, seconds (0 for FLX).
    pub window_seconds: u64,
    /// Where the average started, seconds.
    pub start: u64,
    /// Where it ended (now), seconds.
    pub end: u64,
}

/// `asset`'s price in FLX: 1 for FLX (`pair` is `None`), else the average of `pair` over
/// `window_seconds` (the pair's `Twap` query, which never answers a shorter window).
///
/// Errors: [`ContractError::TwapUnavailable`] (the pair refuses the window or does not answer),
/// [`ContractError::PairMismatch`] (the pair does not trade `asset` against FLX).
fn price_of(
    deps: Deps,
    env: &Env,
    flx_token: &Addr,
    asset: &AssetInfo,
    pair: Option<&Addr>,
    window_seconds: u64,
) -> Result<(Decimal256, u64, u64, u64), ContractError> {
    let now = env.block.time.seconds();
    let Some(pair) = pair else {
        return Ok((Decimal256::one(), 0, now, now));
    };
    let twap: TwapResponse = deps
        .querier
        .query_wasm_smart(pair, &PairQueryMsg::Twap { window_seconds })
        .map_err(|e| ContractError::TwapUnavailable {
            pair: pair.clone(),
            window_seconds,
            reason: e.to_string(),
        })?;
    let flx = AssetInfo::Token {
        contract_addr: flx_token.to_string(),
    };
    let price = match &twap.asset_infos {
        [a, b] if a == asset && *b == flx => twap.price0_average,
        [a, b] if *a == flx && b == asset => twap.price1_average,
        _ => {
            return Err(ContractError::PairMismatch {
                pair: pair.clone(),
                asset: asset.clone(),
            })
        }
    };
    Ok((price, twap.window_seconds, twap.start, twap.end))
}

/// `amount` of `asset` valued at [`price_of`].
///
/// Errors: [`price_of`]'s, `Math` (a value above `Uint128::MAX`).
pub fn value_of(
    deps: Deps,
    env: &Env,
    flx_token: &Addr,
    asset: &AssetInfo,
    pair: Option<&Addr>,
    window_seconds: u64,
    amount: Uint128,
) -> Result<Valuation, ContractError> {
    let (price, window_seconds, start, end) =
        price_of(deps, env, flx_token, asset, pair, window_seconds)?;
    Ok(Valuation {
        price,
        value: collateral_value(amount, price)?,
        window_seconds,
        start,
        end,
    })
}
