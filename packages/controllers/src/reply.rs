//! Reading a submessage reply: the address of a contract instantiated by submessage (the AMM
//! factory's pairs, each pair's LP token).

use cosmwasm_std::SubMsgResponse;
use cw_utils::{parse_instantiate_response_data, ParseReplyError};

/// The address in the `MsgInstantiateContractResponse` of a successful instantiation
/// submessage: from `msg_responses` (CosmWasm 2 chains) or, on older chains, the legacy `data`
/// field. Not validated: the caller runs `addr_validate` on it.
///
/// Errors: `ParseReplyError::ParseFailure` (no response at all, or bytes that are not an
/// instantiation's response).
pub fn instantiated_address(response: SubMsgResponse) -> Result<String, ParseReplyError> {
    #[allow(deprecated)]
    let data = response
        .msg_responses
        .into_iter()
        .next()
        .map(|r| r.value)
        .or(response.data)
        .ok_or_else(|| ParseReplyError::ParseFailure("no instantiate response".to_string()))?;
    Ok(parse_instantiate_response_data(&data)?.contract_address)
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::{Binary, MsgResponse};

    /// `MsgInstantiateContractResponse { address }` protobuf-encoded (field 1, a string).
    fn encoded(address: &str) -> Binary {
        let mut bytes = vec![0x0a, address.len() as u8];
        bytes.extend_from_slice(address.as_bytes());
        Binary::from(bytes)
    }

    #[test]
    #[allow(deprecated)]
    fn reads_msg_responses_then_legacy_data_and_refuses_nothing() {
        let modern = SubMsgResponse {
            events: vec![],
            data: None,
            msg_responses: vec![MsgResponse {
                type_url: "/cosmwasm.wasm.v1.MsgInstantiateContractResponse".into(),
                value: encoded("wasm1pair"),
            }],
        };
        assert_eq!(instantiated_address(modern).unwrap(), "wasm1pair");
        let legacy = SubMsgResponse {
            events: vec![],
            data: Some(encoded("wasm1lp")),
            msg_responses: vec![],
        };
        assert_eq!(instantiated_address(legacy).unwrap(), "wasm1lp");
        let none = SubMsgResponse {
            events: vec![],
            data: None,
            msg_responses: vec![],
        };
        assert_eq!(
            instantiated_address(none),
            Err(ParseReplyError::ParseFailure(
                "no instantiate response".to_string()
            ))
        );
    }
}
