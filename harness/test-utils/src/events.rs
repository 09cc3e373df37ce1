//! Attributes of the `wasm` events in a multi-test response.

use cosmwasm_std::Addr;
use cw_multi_test::AppResponse;

/// The attributes of every `wasm` event emitted by `contract`, in order, as `(key, value)`, with
/// the `_contract_address` attribute left out.
pub fn wasm_attrs(res: &AppResponse, contract: &Addr) -> Vec<(String, String)> {
    res.events
        .iter()
        .filter(|e| e.ty == "wasm")
        .filter(|e| {
            e.attributes
                .iter()
                .any(|a| a.key == "_contract_address" && a.value == contract.as_str())
        })
        .flat_map(|e| e.attributes.iter())
        .filter(|a| a.key != "_contract_address")
        .map(|a| (a.key.clone(), a.value.clone()))
        .collect()
}

/// The value of the first attribute `key` of `contract`'s `wasm` events, if any.
pub fn wasm_attr(res: &AppResponse, contract: &Addr, key: &str) -> Option<String> {
    wasm_attrs(res, contract)
        .into_iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v)
}

/// [`wasm_attr`] that must be there. Panics with `no attribute {key}` otherwise.
pub fn expect_wasm_attr(res: &AppResponse, contract: &Addr, key: &str) -> String {
    wasm_attr(res, contract, key).unwrap_or_else(|| panic!("no attribute {key}"))
}

/// An expected attribute list, `[("action", "deposit"), ...]`, in the shape of [`wasm_attrs`].
pub fn attrs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}
