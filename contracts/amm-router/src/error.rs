//! The router's errors.

use cosmwasm_std::{OverflowError, StdError, Uint128};
use poe_math::amm::AmmMathError;
use thiserror::Error;

/// Every error the router returns (a hop's own error is the pair's, passed through).
#[derive(Error, Debug, PartialEq)]
pub enum ContractError {
    /// Storage, serialization (a malformed hook `msg`), address and query errors.
    #[error(transparent)]
    Std(#[from] StdError),

    /// A checked arithmetic operation overflowed (balances, hop counter).
    #[error(transparent)]
    Overflow(#[from] OverflowError),

    /// Native funds: none, several denoms, or funds on the cw20 hook.
    #[error(transparent)]
    Payment(#[from] cw_utils::PaymentError),

    /// A `max_spread` above 1.
    #[error(transparent)]
    Math(#[from] AmmMathError),

    /// A route without operations.
    #[error("a route needs at least one operation")]
    NoOperations,

    /// A route longer than the hop limit.
    #[error("{count} operations: at most {max} hops")]
    TooManyOperations {
        /// Operations given.
        count: usize,
        /// `MAX_SWAP_OPERATIONS`.
        max: usize,
    },

    /// An operation offering what it asks.
    #[error("operation {index} offers and asks the same asset")]
    IdenticalAssets {
        /// Its position in the route.
        index: usize,
    },

    /// An operation that does not offer what the previous one asked.
    #[error("operation {index} does not offer what operation {} asks", index - 1)]
    NotChained {
        /// Its position in the route.
        index: usize,
    },

    /// The input is not the first operation's offer.
    #[error("the route starts with {expected} but {received} was sent")]
    FirstOfferMismatch {
        /// The first operation's offer.
        expected: String,
        /// The asset sent (the calling cw20 or the funds' denom).
        received: String,
    },

    /// An operation whose assets have no pair in the factory.
    #[error("no pair for {offer} -> {ask}")]
    PairNotFound {
        /// The operation's offer.
        offer: String,
        /// The operation's ask.
        ask: String,
    },

    /// A route going through the same pair twice.
    #[error("operation {index} goes through a pair an earlier operation used")]
    PairUsedTwice {
        /// Its position in the route.
        index: usize,
    },

    /// A route paying the router itself.
    #[error("the router cannot be the receiver")]
    InvalidReceiver,

    /// A zero input.
    #[error("invalid zero amount")]
    ZeroAmount,

    /// An intermediate hop that delivered nothing (nothing to swap onwards).
    #[error("hop {hop} delivered nothing")]
    ZeroHopOutput {
        /// The hop's position in the route.
        hop: usize,
    },

    /// A route whose receiver got less than `minimum_receive`.
    #[error("the route returned {received}, below the minimum of {minimum}")]
    MinimumReceiveNotMet {
        /// `minimum_receive`.
        minimum: Uint128,
        /// The receiver's balance change.
        received: Uint128,
    },

    /// A message after its deadline.
    #[error("deadline {deadline} has passed (block time {now})")]
    DeadlinePassed {
        /// The deadline, seconds.
        deadline: u64,
        /// The block time, seconds.
        now: u64,
    },

    /// A route started while another is in flight (a token or pair re-entering the router).
    #[error("a route is already in progress")]
    RouteInProgress,

    /// A reply the router did not ask for.
    #[error("unexpected reply {id}")]
    UnexpectedReply {
        /// The reply's id.
        id: u64,
    },
}
