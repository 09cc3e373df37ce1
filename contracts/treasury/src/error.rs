//! The treasury's errors.

use cosmwasm_std::{OverflowError, StdError, Timestamp, Uint128};
use thiserror::Error;

/// Every error the treasury returns. `asset` fields read `cw20:<address>` or `native:<denom>`.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization (a malformed hook `msg`), address and query errors.
    #[error(transparent)]
    Std(#[from] StdError),

    /// A ledger total pushed past `Uint128::MAX`.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// Not the owner, no owner (renounced), or a failed ownership transfer step.
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Funds attached where none belong, or a `Deposit` without funds.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// Errors of the math package.
    #[error(transparent)]
    Math(#[from] poe_math::MathError),

    /// A deposit or a spend of zero.
    #[error("invalid zero amount of {asset}")]
    ZeroAmount {
        /// The asset, `cw20:<address>` or `native:<denom>`.
        asset: String,
    },

    /// A spend above what the treasury holds now.
    #[error("insufficient balance of {asset}: holds {balance}, asked to spend {requested}")]
    InsufficientBalance {
        /// The asset, `cw20:<address>` or `native:<denom>`.
        asset: String,
        /// What the treasury holds now, base units.
        balance: Uint128,
        /// What the spend asked for, base units.
        requested: Uint128,
    },

    /// The first deposit of a cw20 asset came from a caller that does not answer the cw20
    /// `Balance` query.
    #[error("{token} is not a cw20 token: {reason}")]
    NotCw20 {
        /// The caller of the hook, `cw20:<address>`.
        token: String,
        /// The query's error.
        reason: String,
    },

    /// The first deposit of a cw20 asset claims more than the token says the treasury holds.
    #[error("deposit of {amount} {asset} is not held: the token reports a balance of {balance}")]
    DepositNotHeld {
        /// The asset, `cw20:<address>`.
        asset: String,
        /// The amount the hook claims, base units.
        amount: Uint128,
        /// The balance the token reports for the treasury, base units.
        balance: Uint128,
    },

    /// A native denom that the bank would not accept.
    #[error("invalid denom {denom:?}: {reason}")]
    InvalidDenom {
        /// The denom given.
        denom: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A spend whose recipient is the treasury itself.
    #[error("invalid recipient {recipient}: {reason}")]
    InvalidRecipient {
        /// The recipient given.
        recipient: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A memo above [`crate::MAX_MEMO_BYTES`].
    #[error("memo of {len} bytes is longer than {max} bytes")]
    MemoTooLong {
        /// The memo's length, bytes.
        len: usize,
        /// The longest memo accepted, bytes.
        max: usize,
    },

    /// A schedule interval of zero seconds or blocks.
    #[error("invalid zero interval of {clock}")]
    ZeroInterval {
        /// `seconds` or `blocks`.
        clock: String,
    },

    /// A schedule of zero intervals (leave `duration_intervals` out for a perpetual one).
    #[error("invalid zero duration: a schedule has at least one interval")]
    ZeroDuration {},

    /// A schedule starting before the current block.
    #[error("start {start} is in the past: the block is at {now} ({clock})")]
    StartInPast {
        /// The start given, seconds or height.
        start: u64,
        /// The block's time (seconds) or height.
        now: u64,
        /// `seconds` or `blocks`.
        clock: String,
    },

    /// A parameter outside its range.
    #[error("invalid {name}: {reason}")]
    InvalidParameter {
        /// The message field.
        name: String,
        /// What is wrong with it.
        reason: String,
    },

    /// An inflation schedule of a token whose minter is not the treasury.
    #[error("the treasury is not the minter of {token} (minter: {minter})")]
    NotMinter {
        /// The token, `cw20:<address>`.
        token: String,
        /// The token's minter, or `none` when it has none.
        minter: String,
    },

    /// A hook recipient's `msg` that is empty or too long.
    #[error("invalid hook msg of {len} bytes: must be 1 to {max} bytes")]
    InvalidHook {
        /// The msg's length, bytes.
        len: usize,
        /// The longest msg accepted, bytes.
        max: usize,
    },

    /// No schedule of that id.
    #[error("no schedule {schedule_id}")]
    ScheduleNotFound {
        /// The id given.
        schedule_id: u64,
    },

    /// A schedule that has ended already.
    #[error("schedule {schedule_id} has ended: {status}")]
    ScheduleEnded {
        /// The schedule.
        schedule_id: u64,
        /// How it ended: `completed` or `cancelled`.
        status: String,
    },

    /// A tool name that is empty, too long or of other characters than `a-z 0-9 _ - .`.
    #[error("invalid tool name {name:?}: {reason}")]
    InvalidToolName {
        /// The name given.
        name: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A tool name registered already (names are never reused, deprecated tools included).
    #[error("a tool named {tool:?} exists already")]
    ToolExists {
        /// The name given.
        tool: String,
    },

    /// No tool of that name.
    #[error("no tool {tool:?}")]
    ToolNotFound {
        /// The name given.
        tool: String,
    },

    /// A tool that was deprecated.
    #[error("tool {tool:?} is deprecated")]
    ToolDeprecated {
        /// The tool.
        tool: String,
    },

    /// `Maintain` while the tool's paid month runs.
    #[error("tool {tool:?} is paid until {paid_until}: maintenance is not due")]
    MaintenanceNotDue {
        /// The tool.
        tool: String,
        /// The end of its paid month.
        paid_until: Timestamp,
    },

    /// A `credential_commitment` of another length than a SHA-256 digest.
    #[error(
        "invalid credential commitment of {len} bytes: expected a {expected}-byte SHA-256 digest"
    )]
    InvalidCommitment {
        /// Its length, bytes.
        len: usize,
        /// The length expected, bytes.
        expected: usize,
    },
}

impl ContractError {
    /// The math package's `InvalidParameter` as [`ContractError::InvalidParameter`] (the same
    /// field name and reason), any other math error as [`ContractError::Math`].
    pub fn from_math(err: poe_math::MathError) -> Self {
        match err {
            poe_math::MathError::InvalidParameter { name, reason } => {
                ContractError::InvalidParameter { name, reason }
            }
            other => ContractError::Math(other),
        }
    }
}
