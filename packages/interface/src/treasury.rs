//! The treasury: holds cw20 and native balances, receives fee shares (cw20 `Send` with
//! [`ReceiveMsg::Deposit`], or native funds with [`ExecuteMsg::Deposit`]) and pays out only on its
//! owner's order (governance after bootstrap). Every movement is in the response attributes.
//!
//! Besides one-off `Spend`s, the owner sets up two kinds of standing payments:
//! - distribution schedules (seed 002 `DistributionSchedule`): a fixed amount of an asset every
//!   interval (seconds or blocks), or the per-interval inflation of a cw20 the treasury mints
//!   (seed 002 `inflation_rate_bps`), paid to an address or into a contract's hook by anyone's
//!   [`ExecuteMsg::Distribute`];
//! - common tools (seed 004 "Beni Comuni"): services the network pays for every 30 days, kept
//!   up by anyone's [`ExecuteMsg::Maintain`]; their credentials stay off chain and only a
//!   commitment to them is stored.

use cosmwasm_schema::{cw_serde, QueryResponses};
use cosmwasm_std::{
    to_json_binary, Addr, Binary, CosmosMsg, HexBinary, StdResult, Timestamp, Uint128, WasmMsg,
};
use cw20::{Cw20ExecuteMsg, Cw20ReceiveMsg};
use cw_ownable::Action;

pub use poe_math::distribution::{
    BLOCKS_PER_YEAR, DEFAULT_INFLATION_RATE_BPS, MAX_INFLATION_RATE_BPS, SECONDS_PER_YEAR,
    TOOL_MONTH_SECONDS,
};

/// Longest `msg` of a [`Recipient::Hook`], bytes.
pub const MAX_HOOK_MSG_BYTES: usize = 4_096;
/// Longest common tool name, bytes.
pub const MAX_TOOL_NAME_BYTES: usize = 64;
/// Length of a tool's `credential_commitment`, bytes (a SHA-256 digest).
pub const CREDENTIAL_COMMITMENT_BYTES: usize = 32;

/// Instantiates the treasury.
#[cw_serde]
pub struct InstantiateMsg {
    /// The owner (may spend); default the instantiator.
    pub owner: Option<String>,
}

/// An asset the treasury can hold.
#[cw_serde]
#[derive(Eq, PartialOrd, Ord)]
pub enum AssetInfo {
    /// A cw20 token, by contract address.
    Cw20 {
        /// The cw20 contract's address.
        contract_addr: String,
    },
    /// A native coin, by denom.
    Native {
        /// The bank denom, e.g. `uatom`.
        denom: String,
    },
}

/// The treasury's executes.
#[cw_serde]
pub enum ExecuteMsg {
    /// cw20 deposit hook: `msg` must be a [`ReceiveMsg`].
    Receive(Cw20ReceiveMsg),
    /// Native deposit: the attached funds (at least one coin, no zero amounts).
    Deposit {
        /// Free text naming the deposit's source (at most 256 bytes), echoed in the response attributes.
        memo: Option<String>,
    },
    /// Owner only: pays `amount` of `asset` to `recipient`.
    Spend {
        /// The asset paid out.
        asset: AssetInfo,
        /// Address paid.
        recipient: String,
        /// Base units of `asset`, above 0 and at most the live balance.
        amount: Uint128,
        /// Free text stating the payout's purpose, echoed in the response attributes.
        memo: Option<String>,
    },
    /// cw-ownable two-step ownership transfer.
    UpdateOwnership(Action),
    /// Owner only: creates a distribution schedule paying `asset` to `recipient` every interval,
    /// from the interval's start, for `duration_intervals` intervals (`None`: for ever). Interval
    /// `k` (`k = 1, 2, ...`) falls due at `start + k * every`; nothing is paid until someone calls
    /// [`ExecuteMsg::Distribute`].
    CreateSchedule {
        /// What is paid: any cw20 or native asset ([`ScheduleAmount::Fixed`]), or the cw20 the
        /// treasury mints ([`ScheduleAmount::Inflation`]).
        asset: AssetInfo,
        /// How much each interval pays.
        amount: ScheduleAmount,
        /// The clock (seconds or blocks), the interval's length and its start.
        interval: Interval,
        /// The number of intervals, above 0; `None`: perpetual.
        duration_intervals: Option<u64>,
        /// Who is paid: an address, or a contract through a hook.
        recipient: Recipient,
        /// Free text stating the schedule's purpose (at most 256 bytes), echoed in the
        /// attributes and the schedule.
        memo: Option<String>,
    },
    /// Owner only: ends a schedule that has not ended. Nothing more is paid: what had come due
    /// and was not paid yet is recorded as `unpaid` in its status (distribute it first, in the
    /// same transaction, to settle it).
    CancelSchedule {
        /// The schedule.
        schedule_id: u64,
    },
    /// Anyone: pays every interval come due of each running schedule of the page (missed
    /// intervals in one payment per schedule), mints what inflation schedules accrued, and marks
    /// the schedules the treasury cannot pay (they are retried by later calls). At most `limit`
    /// schedules are looked at.
    Distribute {
        /// The last schedule id of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// Owner only: registers a common tool (seed 004) and pays its first month (30 days) to
    /// `payee` now; refused when the treasury cannot pay it.
    RegisterTool {
        /// The tool's id: 1 to 64 bytes of `a-z`, `0-9`, `_`, `-`, `.`; unique for ever.
        name: String,
        /// The asset the tool is paid in.
        asset: AssetInfo,
        /// What one month (30 days) costs, base units of `asset`, above 0.
        monthly_cost: Uint128,
        /// Who is paid each month (a plain transfer).
        payee: String,
        /// SHA-256 (32 bytes, hex in JSON) of the encrypted credential held off chain. Never the
        /// credential itself: everything on chain is public.
        credential_commitment: HexBinary,
    },
    /// Anyone, once the tool's paid month is over: pays the next month (30 days from now) when
    /// the treasury can, otherwise sets `inactive_funding_issue`. A later call with funds there
    /// reactivates the tool (months it spent inactive are not paid).
    Maintain {
        /// The tool's name.
        tool: String,
    },
    /// Owner only: deprecates a tool for good: no more payments, never active again.
    Deprecate {
        /// The tool's name.
        tool: String,
    },
}

/// How much a schedule pays each interval.
#[cw_serde]
pub enum ScheduleAmount {
    /// `amount_per_interval` of the schedule's asset, out of what the treasury holds. Paid in
    /// whole intervals only: when the treasury holds less than what is owed, it pays as many
    /// whole intervals as it can and owes the rest.
    Fixed {
        /// Base units per interval, above 0.
        amount_per_interval: Uint128,
    },
    /// Seed 002's inflation: each distribution mints `floor(supply * rate * elapsed / year)` of
    /// the schedule's cw20 (the remainder carried to the next mint, never above the token's cap)
    /// into the treasury and pays it on. The treasury must be the token's minter (asked of the
    /// token when the schedule is created).
    Inflation {
        /// Yearly rate, basis points, 1..=10,000; default 500 (5 %).
        inflation_rate_bps: Option<u16>,
        /// The blocks of a year, for a blocks interval only (refused with a seconds interval,
        /// whose year is 31,536,000 s); default 5,256,000 (seed 002, about 6 s a block).
        blocks_per_year: Option<u64>,
    },
}

/// A schedule's clock, the length of its interval and its start.
#[cw_serde]
pub enum Interval {
    /// Every `every` seconds from `start_time`.
    Seconds {
        /// The interval, seconds, above 0.
        every: u64,
        /// The start, not before the creation's block time; default that time.
        start_time: Option<Timestamp>,
    },
    /// Every `every` blocks from `start_height`.
    Blocks {
        /// The interval, blocks, above 0.
        every: u64,
        /// The start, not below the creation's block height; default that height.
        start_height: Option<u64>,
    },
}

/// Who a schedule pays.
#[cw_serde]
pub enum Recipient {
    /// A plain transfer: cw20 `Transfer` or `BankMsg::Send`.
    Address {
        /// The account (or contract) paid.
        address: String,
    },
    /// A contract called with `msg`: for a cw20, a cw20 `Send` with `msg` as the hook (e.g. a
    /// marketplace pool's `{"replenish":{"pool_id":1}}` or a staking pool's `fund` hook); for a
    /// native coin, a `WasmMsg::Execute` of `msg` with the coins attached.
    Hook {
        /// The contract called (must be a contract).
        contract: String,
        /// The message, 1 to 4,096 bytes, passed verbatim.
        msg: Binary,
    },
}

/// The `msg` of a cw20 `Send` to the treasury.
#[cw_serde]
pub enum ReceiveMsg {
    /// Credits the sent tokens to the treasury; `memo` names the source (e.g. `"poe_fee_split"`).
    Deposit {
        /// The deposit's source, echoed in the response attributes.
        memo: Option<String>,
    },
}

/// A cw20 `Send` of `amount` of `token` to `treasury` with the [`ReceiveMsg::Deposit`] hook, so
/// the treasury's ledger records the deposit with `memo` as its source.
///
/// Errors: `Std` when a message does not serialize.
pub fn cw20_deposit_msg(
    token: &Addr,
    treasury: &Addr,
    amount: Uint128,
    memo: impl Into<String>,
) -> StdResult<CosmosMsg> {
    let hook = ReceiveMsg::Deposit {
        memo: Some(memo.into()),
    };
    Ok(WasmMsg::Execute {
        contract_addr: token.to_string(),
        msg: to_json_binary(&Cw20ExecuteMsg::Send {
            contract: treasury.to_string(),
            amount,
            msg: to_json_binary(&hook)?,
        })?,
        funds: vec![],
    }
    .into())
}

/// The treasury's queries.
#[cw_serde]
#[derive(QueryResponses)]
pub enum QueryMsg {
    /// The live balance of one asset (asks the token contract or the bank) and its ledger.
    #[returns(AssetBalanceResponse)]
    Balance {
        /// The asset asked about.
        asset: AssetInfo,
    },
    /// Every asset that ever moved through the treasury, with its ledger and live balance;
    /// paginated (default 10, 1 to 30). A token whose `Balance` query fails does not fail the
    /// page: its entry carries the ledger, `balance: None` and the query's error.
    #[returns(BalancesResponse)]
    Balances {
        /// The last asset of the previous page (exclusive), in the assets' order.
        start_after: Option<AssetInfo>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// The treasury's owner and any pending transfer (cw-ownable).
    #[returns(cw_ownable::Ownership<String>)]
    Ownership {},
    /// One distribution schedule, as of its last distribution.
    #[returns(ScheduleResponse)]
    Schedule {
        /// The schedule.
        schedule_id: u64,
    },
    /// Every schedule (ended ones included), by id; paginated (default 10, 1 to 30).
    #[returns(SchedulesResponse)]
    Schedules {
        /// The last id of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// What a `Distribute` with the same page would do now: for each running schedule of the
    /// page (the same schedules, in the same order), what came due, what it would mint and pay,
    /// and the status it would leave. A recipient's hook refusing the payment is the one thing
    /// it cannot foresee.
    #[returns(DueResponse)]
    Due {
        /// The last schedule id of the previous page (exclusive).
        start_after: Option<u64>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// One common tool.
    #[returns(ToolResponse)]
    Tool {
        /// The tool's name.
        tool: String,
    },
    /// Every common tool (deprecated ones included), by name; paginated (default 10, 1 to 30).
    #[returns(ToolsResponse)]
    Tools {
        /// The last name of the previous page (exclusive).
        start_after: Option<String>,
        /// Page size, 1..=30; default 10.
        limit: Option<u32>,
    },
    /// Whether a tool may be used now: registered, not deprecated, not short of funds, and its
    /// paid month not over. What a task contract asks before letting a task use the tool.
    #[returns(ToolStatusResponse)]
    ToolStatus {
        /// The tool's name.
        tool: String,
    },
}

/// The clock of a schedule.
#[cw_serde]
#[derive(Copy, Eq)]
pub enum Clock {
    /// Block time, seconds since the Unix epoch.
    Seconds,
    /// Block height.
    Blocks,
}

/// What a schedule pays each interval, as stored.
#[cw_serde]
pub enum ScheduleAmountInfo {
    /// A fixed amount out of the treasury's balance.
    Fixed {
        /// Base units per interval.
        amount_per_interval: Uint128,
    },
    /// Inflation minted by the treasury.
    Inflation {
        /// Yearly rate, basis points.
        inflation_rate_bps: u16,
        /// The units (seconds or blocks) of a year.
        units_per_year: u64,
        /// The fraction of a base unit carried from the last mint, in units of
        /// `1 / (10^18 * units_per_year)` base units (`poe_math::distribution`).
        remainder: Uint128,
        /// Since when the mints are clamped to the token's cap (`None`: the last mint was not).
        capped_since: Option<Timestamp>,
    },
}

/// Where a schedule is in its life.
#[cw_serde]
pub enum ScheduleStatus {
    /// Running, nothing owed.
    Active,
    /// Running, and the treasury held too little to pay what came due: `owed` (base units) is
    /// paid by a later distribution once the funds are there.
    Underfunded {
        /// Due and not paid, base units.
        owed: Uint128,
        /// The block time of the first distribution that could not pay in full.
        since: Timestamp,
        /// That distribution's height.
        since_height: u64,
    },
    /// Running, and the payment could not be made for another reason than the balance (the
    /// token or the recipient's hook refused it, or the treasury is no longer the token's
    /// minter); retried by later distributions.
    Blocked {
        /// Due and not paid, base units (for inflation: minted and not paid; what accrued
        /// while the treasury could not mint is minted once it can again).
        owed: Uint128,
        /// The block time of the first distribution that could not pay.
        since: Timestamp,
        /// That distribution's height.
        since_height: u64,
        /// Why, as the token, the recipient or the check reported it.
        reason: String,
    },
    /// Every interval came due and was paid.
    Completed {
        /// The block time of the last payment.
        at: Timestamp,
    },
    /// Cancelled by the owner.
    Cancelled {
        /// The block time of the cancellation.
        at: Timestamp,
        /// What had come due and was never paid, base units.
        unpaid: Uint128,
    },
}

impl ScheduleStatus {
    /// The status's snake_case name, as in the `status` attribute.
    pub fn as_str(&self) -> &'static str {
        match self {
            ScheduleStatus::Active => "active",
            ScheduleStatus::Underfunded { .. } => "underfunded",
            ScheduleStatus::Blocked { .. } => "blocked",
            ScheduleStatus::Completed { .. } => "completed",
            ScheduleStatus::Cancelled { .. } => "cancelled",
        }
    }

    /// Completed or cancelled: nothing more happens to the schedule.
    pub fn is_ended(&self) -> bool {
        matches!(
            self,
            ScheduleStatus::Completed { .. } | ScheduleStatus::Cancelled { .. }
        )
    }

    /// What the schedule owes (0 unless underfunded or blocked).
    pub fn owed(&self) -> Uint128 {
        match self {
            ScheduleStatus::Underfunded { owed, .. } | ScheduleStatus::Blocked { owed, .. } => {
                *owed
            }
            _ => Uint128::zero(),
        }
    }
}

/// A distribution schedule. Amounts in base units of `asset`; `start`, `end` and `next_due`
/// are seconds since the Unix epoch (a seconds clock) or heights (a blocks clock).
///
/// Invariant: `total_paid + status.owed() == total_due` while it runs; for a fixed amount,
/// `total_due = intervals_due * amount_per_interval`.
#[cw_serde]
pub struct ScheduleResponse {
    /// The schedule's id (from 1).
    pub id: u64,
    /// The asset paid.
    pub asset: AssetInfo,
    /// What each interval pays.
    pub amount: ScheduleAmountInfo,
    /// Seconds or blocks.
    pub clock: Clock,
    /// The interval, in the clock's units.
    pub every: u64,
    /// The start, in the clock's units: interval `k` falls due at `start + k * every`.
    pub start: u64,
    /// When the last interval falls due (`start + duration_intervals * every`); `None`:
    /// perpetual.
    pub end: Option<u64>,
    /// The number of intervals; `None`: perpetual.
    pub duration_intervals: Option<u64>,
    /// Who is paid.
    pub recipient: Recipient,
    /// The schedule's purpose, as given (`""` when none).
    pub memo: String,
    /// The creation's block time.
    pub created_at: Timestamp,
    /// The creation's height.
    pub created_height: u64,
    /// The intervals come due by the last distribution (for inflation: minted for).
    pub intervals_due: u64,
    /// What came due by the last distribution (for inflation: what was minted).
    pub total_due: Uint128,
    /// What was paid to the recipient (what left the treasury).
    pub total_paid: Uint128,
    /// The block time of the last distribution that looked at the schedule.
    pub last_distribution: Option<Timestamp>,
    /// Where the schedule is in its life.
    pub status: ScheduleStatus,
}

/// A page of schedules.
#[cw_serde]
pub struct SchedulesResponse {
    /// The schedules, by id.
    pub schedules: Vec<ScheduleResponse>,
}

/// What a `Distribute` would do now to one schedule.
#[cw_serde]
pub struct ScheduleDue {
    /// The schedule.
    pub schedule_id: u64,
    /// Its asset.
    pub asset: AssetInfo,
    /// Intervals come due since the last distribution.
    pub new_intervals: u64,
    /// What it would mint into the treasury now (inflation), base units.
    pub minted: Uint128,
    /// Whether that mint is clamped to the token's cap.
    pub capped: bool,
    /// Due now and not paid (arrears included), before this payment, base units.
    pub owed: Uint128,
    /// What it would pay now, base units.
    pub payable: Uint128,
    /// The status it would leave.
    pub status: ScheduleStatus,
    /// When the next interval falls due, in the clock's units (`None`: no interval left).
    pub next_due: Option<u64>,
}

/// A page of [`ScheduleDue`], the running schedules in id order.
#[cw_serde]
pub struct DueResponse {
    /// One entry per running schedule of the page.
    pub due: Vec<ScheduleDue>,
}

/// A common tool (seed 004 "Beni Comuni").
#[cw_serde]
pub struct ToolResponse {
    /// The tool's id.
    pub name: String,
    /// The asset it is paid in.
    pub asset: AssetInfo,
    /// What one month (30 days) costs, base units.
    pub monthly_cost: Uint128,
    /// Who is paid.
    pub payee: Addr,
    /// SHA-256 of the encrypted credential held off chain.
    pub credential_commitment: HexBinary,
    /// The registration's block time.
    pub registered_at: Timestamp,
    /// The end of the last paid month: the tool is usable before it.
    pub paid_until: Timestamp,
    /// The block time of the last payment.
    pub last_payment_at: Timestamp,
    /// Months paid, the first one included.
    pub months_paid: u64,
    /// Everything paid, base units.
    pub total_paid: Uint128,
    /// Seed 004's flag: the last `Maintain` found the treasury short of the month's cost.
    pub inactive_funding_issue: bool,
    /// Since when it is short (`None` when `inactive_funding_issue` is false).
    pub funding_issue_since: Option<Timestamp>,
    /// When it was deprecated (`None`: it was not).
    pub deprecated_at: Option<Timestamp>,
}

/// A page of tools.
#[cw_serde]
pub struct ToolsResponse {
    /// The tools, by name.
    pub tools: Vec<ToolResponse>,
}

/// Whether a tool may be used now.
#[cw_serde]
pub struct ToolStatusResponse {
    /// The tool's name.
    pub tool: String,
    /// Not deprecated, not short of funds, and `now < paid_until`.
    pub active: bool,
    /// Seed 004's flag: the last `Maintain` could not pay.
    pub inactive_funding_issue: bool,
    /// Deprecated for good.
    pub deprecated: bool,
    /// The end of the last paid month.
    pub paid_until: Timestamp,
}

/// One asset's live balance and ledger.
#[cw_serde]
pub struct AssetBalanceResponse {
    /// The asset asked about.
    pub asset: AssetInfo,
    /// What the treasury holds now, base units.
    pub balance: Uint128,
    /// Recorded deposits (hooks and native deposits) since instantiation.
    pub total_received: Uint128,
    /// Recorded payouts since instantiation.
    pub total_spent: Uint128,
}

/// One entry of a `Balances` page: the ledger of an asset and, when its token answered, its live
/// balance.
#[cw_serde]
pub struct LedgerBalance {
    /// The entry's asset.
    pub asset: AssetInfo,
    /// What the treasury holds now, base units; `None` when the token's cw20 `Balance` query (or
    /// the bank query) failed.
    pub balance: Option<Uint128>,
    /// The balance query's error when `balance` is `None`.
    pub balance_error: Option<String>,
    /// Recorded deposits (hooks and native deposits) since instantiation.
    pub total_received: Uint128,
    /// Recorded payouts since instantiation.
    pub total_spent: Uint128,
}

/// A page of the treasury's ledger.
#[cw_serde]
pub struct BalancesResponse {
    /// The entries, in the ledger's key order (the order `start_after` continues from).
    pub balances: Vec<LedgerBalance>,
}

/// Migrates the treasury (no parameters).
#[cw_serde]
pub struct MigrateMsg {}

#[cfg(test)]
mod tests {
    use super::*;
    use cosmwasm_std::from_json;

    #[test]
    fn cw20_deposit_msg_is_a_send_with_the_deposit_hook() {
        let (token, treasury) = (Addr::unchecked("flx"), Addr::unchecked("treasury"));
        let msg = cw20_deposit_msg(&token, &treasury, Uint128::new(7), "slash").unwrap();
        let CosmosMsg::Wasm(WasmMsg::Execute {
            contract_addr,
            msg,
            funds,
        }) = msg
        else {
            panic!("a wasm execute: {msg:?}");
        };
        assert_eq!((contract_addr.as_str(), funds.len()), ("flx", 0));
        let Cw20ExecuteMsg::Send {
            contract,
            amount,
            msg,
        } = from_json(&msg).unwrap()
        else {
            panic!("a cw20 send");
        };
        assert_eq!((contract.as_str(), amount.u128()), ("treasury", 7));
        assert_eq!(
            std::str::from_utf8(msg.as_slice()).unwrap(),
            r#"{"deposit":{"memo":"slash"}}"#
        );
    }
}
