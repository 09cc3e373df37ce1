//! An allow-list of addresses with a cap (PoE reporters, FLX usage reporters, gold custodians,
//! reputation writers): stored as a `Map<&Addr, Empty>` plus a count, so the cap costs one read.

use cosmwasm_std::{Addr, Api, Empty, Order, StdError, StdResult, Storage};
use cw_storage_plus::{Bound, Item, Map};
use thiserror::Error;

use crate::page::page_limit;

/// Errors of an allow-list; `role` names what the list holds ("reporter", "custodian", ...).
#[derive(Error, Debug, PartialEq)]
pub enum AllowListError {
    /// Storage or address validation.
    #[error(transparent)]
    Std(#[from] StdError),
    /// An address that is not on the list where one is required (a call that needs the role, or
    /// a removal).
    #[error("{address} is not a {role}")]
    NotListed {
        /// What the list holds.
        role: String,
        /// The address.
        address: String,
    },
    /// Adding an address already on the list (or twice in one update).
    #[error("{address} is already a {role}")]
    AlreadyListed {
        /// What the list holds.
        role: String,
        /// The address.
        address: String,
    },
    /// The list would hold more than `cap` addresses.
    #[error("too many {role}s: at most {cap}")]
    Full {
        /// What the list holds.
        role: String,
        /// The cap.
        cap: u32,
    },
}

/// An allow-list under two storage keys (`members`, `count`), holding at most `cap` addresses.
pub struct AllowList {
    members: Map<&'static Addr, Empty>,
    count: Item<u32>,
    role: &'static str,
    cap: u32,
}

impl AllowList {
    /// A list of `role`s stored under `members_key` (one entry per address) and `count_key`.
    pub const fn new(
        members_key: &'static str,
        count_key: &'static str,
        role: &'static str,
        cap: u32,
    ) -> Self {
        Self {
            members: Map::new(members_key),
            count: Item::new(count_key),
            role,
            cap,
        }
    }

    /// The largest number of addresses the list holds.
    pub const fn cap(&self) -> u32 {
        self.cap
    }

    /// What the list holds (as errors name it).
    pub const fn role(&self) -> &'static str {
        self.role
    }

    /// Whether `address` is on the list (one read).
    pub fn contains(&self, storage: &dyn Storage, address: &Addr) -> bool {
        self.members.has(storage, address)
    }

    /// Errors: [`AllowListError::NotListed`] unless `address` is on the list.
    pub fn ensure_listed(
        &self,
        storage: &dyn Storage,
        address: &Addr,
    ) -> Result<(), AllowListError> {
        if self.contains(storage, address) {
            Ok(())
        } else {
            Err(self.not_listed(address))
        }
    }

    /// How many addresses the list holds.
    pub fn count(&self, storage: &dyn Storage) -> StdResult<u32> {
        Ok(self.count.may_load(storage)?.unwrap_or_default())
    }

    /// Adds `address`.
    ///
    /// Errors: [`AllowListError::AlreadyListed`], [`AllowListError::Full`].
    pub fn add(&self, storage: &mut dyn Storage, address: &Addr) -> Result<(), AllowListError> {
        if self.contains(storage, address) {
            return Err(AllowListError::AlreadyListed {
                role: self.role.to_string(),
                address: address.to_string(),
            });
        }
        let count = self.count(storage)?;
        if count >= self.cap {
            return Err(AllowListError::Full {
                role: self.role.to_string(),
                cap: self.cap,
            });
        }
        self.members.save(storage, address, &Empty {})?;
        self.count.save(storage, &(count + 1))?;
        Ok(())
    }

    /// Removes `address`.
    ///
    /// Errors: [`AllowListError::NotListed`].
    pub fn remove(&self, storage: &mut dyn Storage, address: &Addr) -> Result<(), AllowListError> {
        self.ensure_listed(storage, address)?;
        self.members.remove(storage, address);
        let count = self.count(storage)?;
        self.count.save(storage, &count.saturating_sub(1))?;
        Ok(())
    }

    /// The owner's update: validates every address, removes `remove`, then adds `add` (so an
    /// update may swap members of a full list), and returns the validated `(added, removed)`.
    /// The caller runs it inside a transaction: an error leaves nothing changed on chain.
    ///
    /// Errors: `Std` (invalid address), [`AllowListError::NotListed`],
    /// [`AllowListError::AlreadyListed`], [`AllowListError::Full`].
    pub fn update(
        &self,
        storage: &mut dyn Storage,
        api: &dyn Api,
        add: &[String],
        remove: &[String],
    ) -> Result<(Vec<Addr>, Vec<Addr>), AllowListError> {
        let add = validate_all(api, add)?;
        let remove = validate_all(api, remove)?;
        for address in &remove {
            self.remove(storage, address)?;
        }
        for address in &add {
            self.add(storage, address)?;
        }
        Ok((add, remove))
    }

    /// One page of members in address order, after `start_after`, of [`page_limit`]`(limit)`.
    pub fn page(
        &self,
        storage: &dyn Storage,
        start_after: Option<&Addr>,
        limit: Option<u32>,
    ) -> StdResult<Vec<Addr>> {
        self.members
            .keys(
                storage,
                start_after.map(Bound::exclusive),
                None,
                Order::Ascending,
            )
            .take(page_limit(limit))
            .collect()
    }

    fn not_listed(&self, address: &Addr) -> AllowListError {
        AllowListError::NotListed {
            role: self.role.to_string(),
            address: address.to_string(),
        }
    }
}

fn validate_all(api: &dyn Api, addresses: &[String]) -> StdResult<Vec<Addr>> {
    addresses.iter().map(|a| api.addr_validate(a)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::testing::mock_dependencies;

    const LIST: AllowList = AllowList::new("rp", "rpn", "reporter", 2);

    #[test]
    fn add_remove_cap_and_page() {
        let mut deps = mock_dependencies();
        let (a, b, c) = (
            deps.api.addr_make("a"),
            deps.api.addr_make("b"),
            deps.api.addr_make("c"),
        );
        let s = deps.as_mut().storage;
        LIST.add(s, &a).unwrap();
        assert_eq!(
            LIST.add(s, &a),
            Err(AllowListError::AlreadyListed {
                role: "reporter".into(),
                address: a.to_string()
            })
        );
        LIST.add(s, &b).unwrap();
        assert_eq!(
            LIST.add(s, &c),
            Err(AllowListError::Full {
                role: "reporter".into(),
                cap: 2
            })
        );
        assert_eq!(LIST.count(s).unwrap(), 2);
        assert!(!LIST.contains(s, &c));
        assert_eq!(
            LIST.ensure_listed(s, &c).unwrap_err().to_string(),
            format!("{c} is not a reporter")
        );
        let mut all = vec![a.clone(), b.clone()];
        all.sort();
        assert_eq!(LIST.page(s, None, None).unwrap(), all);
        assert_eq!(
            LIST.page(s, Some(&all[0]), Some(1)).unwrap(),
            vec![all[1].clone()]
        );
        LIST.remove(s, &a).unwrap();
        assert_eq!(LIST.count(s).unwrap(), 1);
        assert!(LIST.remove(s, &a).is_err());
    }

    #[test]
    fn update_swaps_members_of_a_full_list() {
        let mut deps = mock_dependencies();
        let (a, b, c) = (
            deps.api.addr_make("a"),
            deps.api.addr_make("b"),
            deps.api.addr_make("c"),
        );
        let api = deps.api;
        let s = deps.as_mut().storage;
        LIST.update(s, &api, &[a.to_string(), b.to_string()], &[])
            .unwrap();
        let (added, removed) = LIST
            .update(s, &api, &[c.to_string()], &[a.to_string()])
            .unwrap();
        assert_eq!((added, removed), (vec![c.clone()], vec![a.clone()]));
        assert!(LIST.contains(s, &c) && !LIST.contains(s, &a));
        assert!(matches!(
            LIST.update(s, &api, &["not an address".to_string()], &[]),
            Err(AllowListError::Std(_))
        ));
    }
}
