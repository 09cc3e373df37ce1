//! A contract's own error type out of the `anyhow::Error` multi-test returns.

use std::any::type_name;

/// The error of type `E` that `err` is (or that it wraps as its context chain's root), by value.
/// Panics, naming `E` and showing `err`, when it is something else.
pub fn downcast<E>(err: anyhow::Error) -> E
where
    E: std::error::Error + Send + Sync + 'static,
{
    match err.downcast::<E>() {
        Ok(err) => err,
        Err(err) => panic!("not a {}: {err:?}", type_name::<E>()),
    }
}

/// The error of type `E` in `err` or anywhere in its source chain (a cw20 `Send` hook's error is
/// wrapped by the token's, a reply's by the submessage's). Panics, naming `E` and showing `err`,
/// when there is none.
pub fn find_error<E>(err: &anyhow::Error) -> &E
where
    E: std::error::Error + Send + Sync + 'static,
{
    err.downcast_ref::<E>()
        .or_else(|| err.chain().find_map(|e| e.downcast_ref::<E>()))
        .unwrap_or_else(|| panic!("not a {}: {err:?}", type_name::<E>()))
}
