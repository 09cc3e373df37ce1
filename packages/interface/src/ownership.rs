//! The cw-ownable execute message every owned contract of the suite accepts, on its own: what
//! the deployment sends to offer a contract to governance and what governance sends to accept
//! it (`{"update_ownership": {"transfer_ownership": {..}}}` / `{"update_ownership":
//! "accept_ownership"}`), without naming any one contract's `ExecuteMsg`.

use cosmwasm_schema::cw_serde;
pub use cw_ownable::Action;

/// `UpdateOwnership(action)`, the variant of every owned contract's `ExecuteMsg`.
#[cw_serde]
pub enum OwnershipExecuteMsg {
    /// cw-ownable's two-step transfer: offer, accept or renounce the contract's ownership.
    UpdateOwnership(Action),
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::to_json_string;

    #[test]
    fn has_the_json_of_every_owned_contract() {
        assert_eq!(
            to_json_string(&OwnershipExecuteMsg::UpdateOwnership(
                Action::AcceptOwnership
            ))
            .unwrap(),
            r#"{"update_ownership":"accept_ownership"}"#
        );
        let msg = crate::token::ExecuteMsg::UpdateOwnership(Action::AcceptOwnership);
        assert_eq!(
            to_json_string(&msg).unwrap(),
            r#"{"update_ownership":"accept_ownership"}"#
        );
    }
}
