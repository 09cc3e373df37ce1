//! What a rejected message must leave untouched, and the assertion that it did.

use std::fmt::Debug;

use cosmwasm_std::{Addr, Record};
use cw_multi_test::{App, AppResponse};

use crate::errors::find_error;
use crate::queries::{balance, cw20_supply, Asset};

/// Raw storage of some contracts, cw20 supplies and balances, each labelled with what it is of,
/// so that a failed equality shows where things moved. Two snapshots of the same builder calls
/// are equal exactly when none of those bytes and amounts changed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// Each contract's whole raw storage (`App::dump_wasm_raw`).
    pub storage: Vec<(Addr, Vec<Record>)>,
    /// Each cw20's total supply.
    pub supplies: Vec<(Addr, u128)>,
    /// `(asset, account, amount)`.
    pub balances: Vec<(Asset, Addr, u128)>,
}

impl Snapshot {
    /// Starts a snapshot of `app`; add what to watch, then [`SnapshotBuilder::take`].
    pub fn of(app: &App) -> SnapshotBuilder<'_> {
        SnapshotBuilder {
            app,
            snapshot: Snapshot::default(),
        }
    }
}

/// Collects a [`Snapshot`] of one app.
pub struct SnapshotBuilder<'a> {
    app: &'a App,
    snapshot: Snapshot,
}

impl<'a> SnapshotBuilder<'a> {
    /// The raw storage of each of `contracts`.
    pub fn storage<'c>(mut self, contracts: impl IntoIterator<Item = &'c Addr>) -> Self {
        for contract in contracts {
            let records = self.app.dump_wasm_raw(contract);
            self.snapshot.storage.push((contract.clone(), records));
        }
        self
    }

    /// The total supply of each of the cw20 `tokens`.
    pub fn supplies<'c>(mut self, tokens: impl IntoIterator<Item = &'c Addr>) -> Self {
        for token in tokens {
            let supply = cw20_supply(self.app, token);
            self.snapshot.supplies.push((token.clone(), supply));
        }
        self
    }

    /// The balance of each of `accounts` in each of `assets`.
    pub fn balances<'c>(
        mut self,
        assets: &[Asset],
        accounts: impl IntoIterator<Item = &'c Addr> + Clone,
    ) -> Self {
        for asset in assets {
            for who in accounts.clone() {
                let amount = balance(self.app, asset, who);
                self.snapshot
                    .balances
                    .push((asset.clone(), who.clone(), amount));
            }
        }
        self
    }

    pub fn take(self) -> Snapshot {
        self.snapshot
    }
}

/// Runs `action` on `suite`, expects it to fail with an error of type `E` (anywhere in the error
/// chain, see [`find_error`]) equal to `expected`, and asserts that `snapshot` of the suite is
/// the same after as before. `what` names the action in the failure messages.
pub fn assert_rejected_unchanged<S, T, E>(
    suite: &mut S,
    snapshot: impl Fn(&S) -> T,
    expected: &E,
    what: &dyn Debug,
    action: impl FnOnce(&mut S) -> anyhow::Result<AppResponse>,
) where
    T: PartialEq + Debug,
    E: PartialEq + std::error::Error + Send + Sync + 'static,
{
    let before = snapshot(suite);
    let err = action(suite).expect_err("message is rejected");
    assert_eq!(find_error::<E>(&err), expected, "for {what:?}");
    assert_eq!(
        snapshot(suite),
        before,
        "state changed after rejecting {what:?}"
    );
}
