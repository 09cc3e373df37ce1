//! The token's own state. Balances, allowances, token info, marketing and logo are cw20-base's
//! (`cw20_base::state`); the owner is cw-ownable's (key `ownership`); the cw2 version is cw2's.

use cw_storage_plus::Item;

/// Basis points burned from every transfer, send, transfer_from and send_from (0..=1,000).
///
/// Deliberately tiny (a `u16` under the 2-byte key `tb`): every transfer reads it.
/// A missing value means 0.
pub const TRANSFER_BURN_BPS: Item<u16> = Item::new("tb");
