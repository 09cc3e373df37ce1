//! `UpdateOwnership`: cw-ownable's two-step transfer of the owner role, as every owned contract
//! of the suite accepts it (`poe_interface::ownership::OwnershipExecuteMsg`).

use cosmwasm_std::{DepsMut, Env, MessageInfo, Response};
use cw_ownable::{Action, OwnershipError};
use cw_utils::PaymentError;

/// `TransferOwnership` and `RenounceOwnership` by the owner, `AcceptOwnership` by the pending
/// owner before its expiry. Refuses attached funds (the contracts never pay native coins out of
/// this path). Answers `action=update_ownership` plus cw-ownable's `owner`, `pending_owner`,
/// `pending_expiry` attributes.
///
/// Errors: `E::from(PaymentError)` (funds attached), `E::from(OwnershipError)` (wrong caller, no
/// pending transfer, expired offer).
pub fn update_ownership<E>(
    deps: DepsMut,
    env: &Env,
    info: &MessageInfo,
    action: Action,
) -> Result<Response, E>
where
    E: From<OwnershipError> + From<PaymentError>,
{
    cw_utils::nonpayable(info)?;
    let ownership = cw_ownable::update_ownership(deps, &env.block, &info.sender, action)?;
    Ok(Response::new()
        .add_attribute("action", "update_ownership")
        .add_attributes(ownership.into_attributes()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::{message_info, mock_dependencies, mock_env};
    use cosmwasm_std::{coins, StdError};
    use thiserror::Error;

    #[derive(Error, Debug, PartialEq)]
    enum TestError {
        #[error(transparent)]
        Std(#[from] StdError),
        #[error(transparent)]
        Ownership(#[from] OwnershipError),
        #[error(transparent)]
        Payment(#[from] PaymentError),
    }

    #[test]
    fn refuses_funds_and_strangers_then_transfers() {
        let mut deps = mock_dependencies();
        let env = mock_env();
        let owner = deps.api.addr_make("owner");
        let next = deps.api.addr_make("next");
        cw_ownable::initialize_owner(&mut deps.storage, &deps.api, Some(owner.as_str())).unwrap();
        let offer = Action::TransferOwnership {
            new_owner: next.to_string(),
            expiry: None,
        };
        let paid = message_info(&owner, &coins(1, "ustake"));
        let err = update_ownership::<TestError>(deps.as_mut(), &env, &paid, offer.clone());
        assert_eq!(
            err.unwrap_err(),
            TestError::Payment(PaymentError::NonPayable {})
        );
        let stranger = message_info(&next, &[]);
        let err = update_ownership::<TestError>(deps.as_mut(), &env, &stranger, offer.clone());
        assert_eq!(
            err.unwrap_err(),
            TestError::Ownership(OwnershipError::NotOwner)
        );
        assert_eq!(
            cw_ownable::get_ownership(&deps.storage)
                .unwrap()
                .pending_owner,
            None
        );

        update_ownership::<TestError>(deps.as_mut(), &env, &message_info(&owner, &[]), offer)
            .unwrap();
        let res =
            update_ownership::<TestError>(deps.as_mut(), &env, &stranger, Action::AcceptOwnership)
                .unwrap();
        assert_eq!(res.attributes[0].value, "update_ownership");
        assert_eq!(
            cw_ownable::get_ownership(&deps.storage).unwrap().owner,
            Some(next)
        );
    }
}
