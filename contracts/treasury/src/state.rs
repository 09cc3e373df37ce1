//! The treasury's state. The owner is cw-ownable's (key `ownership`); the cw2 version is cw2's.
//! Schedules and tools are stored as the interface's responses, so a query returns them as
//! stored. Every key is short and distinct; the ledger (`l`) is the original layout, unchanged.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::{Empty, Storage, Uint128};
use cw_storage_plus::{Item, Map};

use crate::error::ContractError;
use crate::msg::{ScheduleResponse, ToolResponse};

/// What moved through the treasury for one asset, base units.
#[cw_serde]
#[derive(Default)]
pub struct Ledger {
    /// Deposits recorded by `Receive` hooks and native `Deposit`s, and the tokens inflation
    /// schedules minted into the treasury.
    pub received: Uint128,
    /// Payouts made by `Spend`, by distribution schedules and to common tools.
    pub spent: Uint128,
}

/// One ledger per asset, keyed by the asset's short key ([`crate::asset::CheckedAsset::key`]):
/// `c<address>` for a cw20 token, `n<denom>` for a native coin. Byte order of the keys is the
/// order of `AssetInfo` (every cw20 before every native, then by address or denom).
pub const LEDGER: Map<&str, Ledger> = Map::new("l");

/// A distribution schedule, as queried.
pub type Schedule = ScheduleResponse;
/// A common tool, as queried.
pub type Tool = ToolResponse;

/// The id of the last schedule created (ids start at 1; absent: none yet, also on a treasury
/// migrated from before schedules existed).
pub const LAST_SCHEDULE_ID: Item<u64> = Item::new("sn");
/// Schedules by id, ended ones included.
pub const SCHEDULES: Map<u64, Schedule> = Map::new("s");
/// The ids of the schedules that have not ended: what `Distribute` and `Due` page through.
pub const RUNNING: Map<u64, Empty> = Map::new("sr");
/// Common tools by name.
pub const TOOLS: Map<&str, Tool> = Map::new("t");

/// The payload of a schedule's payment submessage (`reply_on_error`): what to take back from the
/// schedule and the ledger when the token or the recipient refuses the payment.
#[cw_serde]
pub struct PaymentPayload {
    /// The schedule paid.
    pub schedule_id: u64,
    /// What the payment moved, base units.
    pub amount: Uint128,
}

/// The reply id of a schedule's payment.
pub const PAYMENT_REPLY_ID: u64 = 1;

/// The schedule `schedule_id`.
///
/// Errors: [`ContractError::ScheduleNotFound`].
pub fn load_schedule(storage: &dyn Storage, schedule_id: u64) -> Result<Schedule, ContractError> {
    SCHEDULES
        .may_load(storage, schedule_id)?
        .ok_or(ContractError::ScheduleNotFound { schedule_id })
}

/// The tool `name`.
///
/// Errors: [`ContractError::ToolNotFound`].
pub fn load_tool(storage: &dyn Storage, name: &str) -> Result<Tool, ContractError> {
    TOOLS
        .may_load(storage, name)?
        .ok_or_else(|| ContractError::ToolNotFound {
            tool: name.to_string(),
        })
}

/// Saves `schedule`, and keeps it in [`RUNNING`] exactly while it has not ended.
///
/// Errors: `Std`.
pub fn save_schedule(storage: &mut dyn Storage, schedule: &Schedule) -> Result<(), ContractError> {
    SCHEDULES.save(storage, schedule.id, schedule)?;
    if schedule.status.is_ended() {
        RUNNING.remove(storage, schedule.id);
    } else {
        RUNNING.save(storage, schedule.id, &Empty {})?;
    }
    Ok(())
}
