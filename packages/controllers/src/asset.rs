//! Paying an asset of the AMM's `AssetInfo` kind (a cw20 or a native denom): the pair's payouts,
//! the guarantee contract's returns and redemptions.

use cosmwasm_std::{Addr, BankMsg, Coin, CosmosMsg, StdResult, Uint128};
use poe_interface::amm::AssetInfo;

use crate::cw20::transfer_msg;

/// The payment of `amount` of `info` to `recipient` (a cw20 `Transfer` by
/// [`transfer_msg`], or a bank `Send`), or nothing for a zero amount (the suite's token and the
/// bank refuse zero transfers).
///
/// Errors: `Std` (serialization).
pub fn pay_msg(
    info: &AssetInfo,
    amount: Uint128,
    recipient: &Addr,
) -> StdResult<Option<CosmosMsg>> {
    if amount.is_zero() {
        return Ok(None);
    }
    Ok(Some(match info {
        AssetInfo::Token { contract_addr } => {
            transfer_msg(&Addr::unchecked(contract_addr), recipient, amount)?
        }
        AssetInfo::NativeToken { denom } => BankMsg::Send {
            to_address: recipient.to_string(),
            amount: vec![Coin::new(amount, denom)],
        }
        .into(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pays_cw20_by_transfer_native_by_bank_and_zero_not_at_all() {
        let to = Addr::unchecked("to");
        let cw20 = AssetInfo::Token {
            contract_addr: "token".to_string(),
        };
        let native = AssetInfo::NativeToken {
            denom: "ucosm".to_string(),
        };
        assert_eq!(pay_msg(&cw20, Uint128::zero(), &to).unwrap(), None);
        assert_eq!(
            pay_msg(&cw20, Uint128::new(5), &to).unwrap(),
            Some(transfer_msg(&Addr::unchecked("token"), &to, Uint128::new(5)).unwrap())
        );
        assert_eq!(
            pay_msg(&native, Uint128::new(5), &to).unwrap(),
            Some(
                BankMsg::Send {
                    to_address: "to".to_string(),
                    amount: vec![Coin::new(5u128, "ucosm")],
                }
                .into()
            )
        );
    }
}
