//! `Raise`: a writer adds points to an address's `_total` and tags.

use std::collections::BTreeSet;

use cosmwasm_std::{Addr, Decimal, DepsMut, Env, MessageInfo, Response, Timestamp, Uint128};
use poe_math::reputation::decay;

use crate::error::ContractError;
use crate::msg::{MAX_POINTS_PER_RAISE, MAX_TAGS_PER_RAISE, MAX_TAG_BYTES};
use crate::state::{Record, CONFIG, TAGS, TOTALS, WRITERS};

/// Checks one tag: 1 to [`MAX_TAG_BYTES`] bytes of `a-z`, `0-9`, `-`, `_`.
pub fn check_tag(tag: &str) -> Result<(), ContractError> {
    let invalid = |reason: &str| ContractError::InvalidTag {
        tag: tag.to_string(),
        reason: reason.to_string(),
    };
    if tag.is_empty() || tag.len() > MAX_TAG_BYTES {
        return Err(invalid(&format!("must be 1 to {MAX_TAG_BYTES} bytes")));
    }
    if !tag
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    {
        return Err(invalid("only a-z, 0-9, '-' and '_'"));
    }
    Ok(())
}

/// `record` decayed to `now` at `rate` (a missing record is zero as of now).
pub fn decayed(
    record: Option<Record>,
    now: Timestamp,
    rate: Decimal,
) -> Result<Record, ContractError> {
    let Some(record) = record else {
        return Ok(Record {
            points: Uint128::zero(),
            as_of: now,
        });
    };
    let (points, as_of) = decay(record.points, record.as_of, now, rate)?;
    Ok(Record { points, as_of })
}

fn add_points(
    load: Option<Record>,
    now: Timestamp,
    rate: Decimal,
    points: Uint128,
) -> Result<Record, ContractError> {
    let mut record = decayed(load, now, rate)?;
    record.points = record.points.checked_add(points)?;
    Ok(record)
}

/// A writer: decays `account`'s `_total` and each of `tags` to now, then adds `points` to each
/// tag and `points × max(1, tags)` to `_total`. Refuses funds.
///
/// Attributes: `action=raise`, `account`, `points`, `tags` (comma-separated), `total` (after),
/// and one `tag:<name>` = points after, per tag (what an indexer ranks by).
///
/// Errors: `Payment`, `Std` (invalid address), `AllowList(NotListed)` (not a writer),
/// [`ContractError::InvalidPoints`], [`ContractError::TooManyTags`],
/// [`ContractError::InvalidTag`], `Overflow`.
pub fn raise(
    deps: DepsMut,
    env: Env,
    info: MessageInfo,
    account: String,
    tags: Vec<String>,
    points: Uint128,
) -> Result<Response, ContractError> {
    cw_utils::nonpayable(&info)?;
    WRITERS.ensure_listed(deps.storage, &info.sender)?;
    let account: Addr = deps.api.addr_validate(&account)?;
    if points.is_zero() || points.u128() > MAX_POINTS_PER_RAISE {
        return Err(ContractError::InvalidPoints {
            points: points.u128(),
            max: MAX_POINTS_PER_RAISE,
        });
    }
    if tags.len() > MAX_TAGS_PER_RAISE {
        return Err(ContractError::TooManyTags {
            count: tags.len(),
            max: MAX_TAGS_PER_RAISE,
        });
    }
    let mut seen = BTreeSet::new();
    for tag in &tags {
        check_tag(tag)?;
        if !seen.insert(tag.as_str()) {
            return Err(ContractError::InvalidTag {
                tag: tag.clone(),
                reason: "named twice".into(),
            });
        }
    }
    let now = env.block.time;
    let rate = CONFIG.load(deps.storage)?.decay_rate_per_day;
    let times = u128::try_from(tags.len().max(1)).unwrap_or(u128::MAX);
    let total_points = points.checked_mul(Uint128::new(times))?;
    let loaded = TOTALS.may_load(deps.storage, &account)?;
    let total = add_points(loaded, now, rate, total_points)?;
    TOTALS.save(deps.storage, &account, &total)?;
    let mut res = Response::new()
        .add_attribute("action", "raise")
        .add_attribute("account", account.as_str())
        .add_attribute("points", points.to_string())
        .add_attribute("tags", tags.join(","))
        .add_attribute("total", total.points.to_string());
    for tag in &tags {
        let loaded = TAGS.may_load(deps.storage, (&account, tag.as_str()))?;
        let record = add_points(loaded, now, rate, points)?;
        TAGS.save(deps.storage, (&account, tag.as_str()), &record)?;
        res = res.add_attribute(format!("tag:{tag}"), record.points.to_string());
    }
    Ok(res)
}
