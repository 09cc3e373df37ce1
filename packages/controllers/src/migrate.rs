//! The migrate guard every contract's `migrate` entry point runs.

use cosmwasm_std::{Response, StdError, Storage};

/// Accepts a migration only from a contract stored under `name` (cw2) at `version` or older,
/// records `version`, and answers `action=migrate`, `from_version`, `to_version`.
///
/// Errors (from cw2, as `E::from(StdError)`): "Cannot migrate from {stored} to {name}" (another
/// contract), "Cannot migrate from newer version ({stored}) to older ({version})", or a missing
/// or malformed cw2 record.
pub fn migrate_from_older<E: From<StdError>>(
    storage: &mut dyn Storage,
    name: &str,
    version: &str,
) -> Result<Response, E> {
    let from = cw2::ensure_from_older_version(storage, name, version)?;
    Ok(Response::new()
        .add_attribute("action", "migrate")
        .add_attribute("from_version", from.to_string())
        .add_attribute("to_version", version))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::MockStorage;

    #[test]
    fn accepts_older_refuses_newer_and_other_names() {
        let mut storage = MockStorage::new();
        cw2::set_contract_version(&mut storage, "crates.io:a", "0.1.0").unwrap();
        let res = migrate_from_older::<StdError>(&mut storage, "crates.io:a", "0.2.0").unwrap();
        assert_eq!(res.attributes[1].value, "0.1.0");
        assert_eq!(
            cw2::get_contract_version(&storage).unwrap().version,
            "0.2.0"
        );

        let err = migrate_from_older::<StdError>(&mut storage, "crates.io:a", "0.1.0").unwrap_err();
        assert!(
            err.to_string()
                .contains("Cannot migrate from newer version"),
            "{err}"
        );
        let err = migrate_from_older::<StdError>(&mut storage, "crates.io:b", "9.0.0").unwrap_err();
        assert!(
            err.to_string().contains("Cannot migrate from crates.io:a"),
            "{err}"
        );
        assert_eq!(
            cw2::get_contract_version(&storage).unwrap().version,
            "0.2.0"
        );
    }
}
