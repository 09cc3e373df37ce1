//! The token's own state. Balances, allowances, token info, marketing and logo are cw20-base's
//! (`cw20_base::state`); the owner is cw-ownable's (key `ownership`); the cw2 version is cw2's.

use cosmwasm_std::Uint128;
use cw_storage_plus::{Item, Map};

/// Basis points burned from every transfer, send, transfer_from and send_from (0..=1,000).
///
/// Deliberately tiny (a `u16` under the 2-byte key `tb`): every transfer reads it.
/// A missing value means 0.
pub const TRANSFER_BURN_BPS: Item<u16> = Item::new("tb");

/// Base units minted per [`poe_interface::token::MintReason`] (key: the reason's `u8`
/// discriminant under the 2-byte namespace `mr`). One entry is written per mint.
pub const MINTED: Map<u8, Uint128> = Map::new("mr");

/// Base units burned per [`poe_interface::token::BurnReason`] (key: the reason's `u8`
/// discriminant under the 2-byte namespace `br`), the transfer burn included. One entry is
/// written per burn; `total_burned` is their sum, computed by the query rather than stored.
pub const BURNED: Map<u8, Uint128> = Map::new("br");
