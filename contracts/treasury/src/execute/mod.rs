//! Execute handlers, one file per operation.

pub mod deposit;
pub mod distribute;
pub mod instantiate;
pub mod maintain;
pub mod ownership;
pub mod schedule;
pub mod spend;
pub mod tool;

use crate::error::ContractError;
use crate::MAX_MEMO_BYTES;

/// The memo as an attribute value (empty when absent).
///
/// Errors: [`ContractError::MemoTooLong`] above [`MAX_MEMO_BYTES`].
pub fn memo_attr(memo: Option<String>) -> Result<String, ContractError> {
    let memo = memo.unwrap_or_default();
    if memo.len() > MAX_MEMO_BYTES {
        return Err(ContractError::MemoTooLong {
            len: memo.len(),
            max: MAX_MEMO_BYTES,
        });
    }
    Ok(memo)
}
