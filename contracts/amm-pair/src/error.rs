//! The pair's errors.

use cosmwasm_std::{Decimal, OverflowError, StdError, Uint128};
use poe_controllers::PauseError;
use poe_math::amm::AmmMathError;
use thiserror::Error;

/// Every error the pair returns. Assets print as their cw20 address or denom.
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization (a malformed hook `msg`), address and query errors.
    #[error(transparent)]
    Std(#[from] StdError),

    /// An amount pushed past its type's maximum.
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// Not the owner, no owner (renounced), or a failed ownership transfer step.
    #[error(transparent)]
    Ownership(#[from] cw_ownable::OwnershipError),

    /// Wrong native funds: none where a native offer is due, several denoms, the wrong denom,
    /// funds where none belong.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// The AMM math: zero amounts, an empty pool, a fee or fraction out of range, a first
    /// deposit at or below the locked minimum, a deposit minting no share, too large an ask.
    #[error(transparent)]
    Math(#[from] AmmMathError),

    /// A reply that does not carry the LP token's instantiation.
    #[error(transparent)]
    ParseReply(#[from] cw_utils::ParseReplyError),

    /// An asset that is not one of the pair's two.
    #[error("{asset} is not an asset of this pair")]
    UnknownAsset {
        /// The asset given.
        asset: String,
    },

    /// A cw20 `Receive` hook from a contract that is neither one of the pair's cw20 assets
    /// (`Swap`) nor its LP token (`WithdrawLiquidity`).
    #[error("token {token} cannot call this hook")]
    UnknownToken {
        /// The hook's caller.
        token: String,
    },

    /// `ProvideLiquidity` without exactly one amount of each of the pair's assets.
    #[error("expected one amount of each of the pair's two assets, got {count} assets")]
    InvalidAssetCount {
        /// Number of assets given.
        count: usize,
    },

    /// An asset listed twice.
    #[error("asset {asset} is listed twice")]
    DuplicateAsset {
        /// The asset.
        asset: String,
    },

    /// `Swap` (the execute message) with a cw20 offer: cw20 offers come through `Send`.
    #[error("a cw20 offer ({token}) must be sent with the token's Send and the Swap hook")]
    Cw20OfferNeedsSend {
        /// The cw20 offered.
        token: String,
    },

    /// Attached native funds that differ from the native amount declared.
    #[error("declared {expected}{denom} but attached {received}{denom}")]
    FundsMismatch {
        /// The denom.
        denom: String,
        /// The declared amount.
        expected: Uint128,
        /// The attached amount.
        received: Uint128,
    },

    /// Attached funds in a denom the message does not deposit.
    #[error("unexpected funds in {denom}")]
    UnexpectedFunds {
        /// The denom.
        denom: String,
    },

    /// A zero offer, deposit or withdrawal.
    #[error("invalid zero amount")]
    ZeroAmount,

    /// The pause (`poe_controllers::pause`): a swap or deposit while paused (`Paused`),
    /// `Unpause` when none runs (`NotPaused`), a `Pause` ending in the past (`EndNotInFuture`)
    /// or before the running one (`WouldShorten`).
    #[error(transparent)]
    Pause(#[from] PauseError),

    /// A pool action while a deposit is being collected (a token re-entering the pair).
    #[error("a liquidity deposit is in progress")]
    DepositInProgress,

    /// A message after its deadline.
    #[error("deadline {deadline} has passed (block time {now})")]
    DeadlinePassed {
        /// The deadline, seconds.
        deadline: u64,
        /// The block time, seconds.
        now: u64,
    },

    /// A swap returning less than the trader's `minimum_receive`.
    #[error("swap returns {return_amount}, below the minimum of {minimum}")]
    MinimumReceiveNotMet {
        /// `minimum_receive`.
        minimum: Uint128,
        /// What the swap would return.
        return_amount: Uint128,
    },

    /// A swap whose spread (against the pool's price, or the trader's `belief_price`) is above
    /// `max_spread`.
    #[error(
        "spread above the maximum of {max_spread} (return {return_amount}, spread {spread_amount})"
    )]
    MaxSpreadExceeded {
        /// The bound applied (the given one or the default).
        max_spread: Decimal,
        /// What the swap would return.
        return_amount: Uint128,
        /// Its spread against the pool's price.
        spread_amount: Uint128,
    },

    /// A swap too small to return anything.
    #[error("the swap would return nothing")]
    ZeroReturn,

    /// A `belief_price` of zero.
    #[error("belief price must be positive")]
    ZeroBeliefPrice,

    /// A deposit whose ratio is further from the pool's than `slippage_tolerance`.
    #[error("deposit ratio is further than {tolerance} from the pool's")]
    SlippageToleranceExceeded {
        /// The tolerance given.
        tolerance: Decimal,
    },

    /// A deposit minting fewer LP units than `min_lp_to_receive`.
    #[error("deposit mints {share} LP units, below the minimum of {minimum}")]
    MinLpNotMet {
        /// `min_lp_to_receive`.
        minimum: Uint128,
        /// What the deposit would mint.
        share: Uint128,
    },

    /// A withdrawal paying less of an asset than `min_assets_to_receive`.
    #[error("withdrawal pays {amount} of {asset}, below the minimum of {minimum}")]
    MinAssetsNotMet {
        /// The asset.
        asset: String,
        /// The minimum asked.
        minimum: Uint128,
        /// What the withdrawal would pay.
        amount: Uint128,
    },

    /// A withdrawal too small to pay anything.
    #[error("the withdrawal would pay nothing")]
    ZeroWithdrawal,

    /// Instantiation with the same asset twice.
    #[error("the two assets must differ")]
    IdenticalAssets,

    /// A setting out of range.
    #[error("invalid {name}: {reason}")]
    InvalidConfig {
        /// Which setting.
        name: String,
        /// What is wrong with it.
        reason: String,
    },

    /// A `Twap` window of zero seconds.
    #[error("the TWAP window must be at least one second")]
    ZeroWindow,

    /// A `Twap` window reaching before what the observation ring covers (or any window before
    /// the first deposit): the pair never answers a shorter window instead.
    #[error("TWAP window of {window_seconds} s is not covered: observations cover the last {covered_seconds} s")]
    WindowNotCovered {
        /// The window asked.
        window_seconds: u64,
        /// How far back the observations reach from now (zero: none yet).
        covered_seconds: u64,
    },

    /// A reply the pair did not ask for.
    #[error("unexpected reply {id}")]
    UnexpectedReply {
        /// The reply's id.
        id: u64,
    },
}

impl ContractError {
    /// Shorthand for [`ContractError::InvalidConfig`].
    pub fn invalid(name: impl Into<String>, reason: impl Into<String>) -> Self {
        ContractError::InvalidConfig {
            name: name.into(),
            reason: reason.into(),
        }
    }
}
