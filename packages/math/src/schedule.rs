//! Epoch schedule shared by PoE mining and the FLX supply controller: epochs of `length` seconds
//! from genesis. A change of length takes effect at the end of the epoch open when it is made, so
//! the open epoch's end never moves and epoch numbers already handed out never change.
//!
//! Shape: from `anchor_start` on, epoch `anchor_epoch + k` covers
//! `[anchor_start + k*length, anchor_start + (k+1)*length)`; the epoch just before the anchor
//! (the one open when the length last changed) covers `[prev_start, anchor_start)`. Older epochs
//! are never asked for their bounds (their ends are stored with their records). Every sum
//! saturates and every time is clamped to [`MAX_SECONDS`], so no input can overflow.

use cosmwasm_schema::cw_serde;
use cosmwasm_std::Timestamp;

/// The latest second a [`Timestamp`] holds (nanoseconds in a `u64`): every bound is clamped to
/// it, so an absurd epoch number gives a far-future time instead of a panic.
pub const MAX_SECONDS: u64 = u64::MAX / 1_000_000_000;

fn at(seconds: u64) -> Timestamp {
    Timestamp::from_seconds(seconds.min(MAX_SECONDS))
}

/// The epoch grid: the anchor (the epoch from which the current `length` applies) and the start
/// of the epoch before it.
#[cw_serde]
#[derive(Copy)]
pub struct Schedule {
    /// Number of the first epoch of the current `length` (the one after the last length change).
    pub anchor_epoch: u64,
    /// Seconds since the Unix epoch.
    pub anchor_start: u64,
    /// Seconds, above 0 (a 0 is treated as 1).
    pub length: u64,
    /// Start of epoch `anchor_epoch - 1` (meaningful when `anchor_epoch > 0`).
    pub prev_start: u64,
}

impl Schedule {
    /// Epoch 0 starts at `genesis`.
    pub fn new(genesis: Timestamp, length: u64) -> Self {
        Schedule {
            anchor_epoch: 0,
            anchor_start: genesis.seconds(),
            length,
            prev_start: genesis.seconds(),
        }
    }

    /// The epoch that contains `time` (times before the anchor belong to its predecessor; times
    /// before genesis to epoch 0).
    pub fn epoch_at(&self, time: Timestamp) -> u64 {
        let t = time.seconds();
        if t < self.anchor_start {
            self.anchor_epoch.saturating_sub(1)
        } else {
            self.anchor_epoch
                .saturating_add((t - self.anchor_start) / self.length.max(1))
        }
    }

    /// Start of `epoch`, for the anchor's predecessor and later epochs; `None` for older ones.
    pub fn start_of(&self, epoch: u64) -> Option<Timestamp> {
        if epoch >= self.anchor_epoch {
            let k = epoch - self.anchor_epoch;
            Some(at(self
                .anchor_start
                .saturating_add(k.saturating_mul(self.length))))
        } else if epoch.saturating_add(1) == self.anchor_epoch {
            Some(at(self.prev_start))
        } else {
            None
        }
    }

    /// Start of `epoch`, or `prev_start` (a bound) for epochs older than the anchor's
    /// predecessor.
    pub fn start_or_bound(&self, epoch: u64) -> Timestamp {
        self.start_of(epoch).unwrap_or(at(self.prev_start))
    }

    /// End of `epoch` (first second after it). Epochs older than the anchor's predecessor ended
    /// before `prev_start`, which is returned as a bound.
    pub fn end_of(&self, epoch: u64) -> Timestamp {
        if epoch >= self.anchor_epoch {
            let k = (epoch - self.anchor_epoch).saturating_add(1);
            at(self
                .anchor_start
                .saturating_add(k.saturating_mul(self.length)))
        } else if epoch.saturating_add(1) == self.anchor_epoch {
            at(self.anchor_start)
        } else {
            at(self.prev_start)
        }
    }

    /// Sets a new length from the end of the epoch open at `now` on.
    pub fn reschedule(&mut self, now: Timestamp, length: u64) {
        let epoch = self.epoch_at(now);
        if epoch >= self.anchor_epoch {
            self.prev_start = self.start_or_bound(epoch).seconds();
            self.anchor_start = self.end_of(epoch).seconds();
            self.anchor_epoch = epoch.saturating_add(1);
        }
        self.length = length;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: u64) -> Timestamp {
        Timestamp::from_seconds(s)
    }

    #[test]
    fn epochs_follow_the_length_and_change_at_a_boundary() {
        let mut s = Schedule::new(t(1_000), 100);
        assert_eq!(s.epoch_at(t(999)), 0);
        assert_eq!(s.epoch_at(t(1_000)), 0);
        assert_eq!(s.epoch_at(t(1_099)), 0);
        assert_eq!(s.epoch_at(t(1_100)), 1);
        assert_eq!(s.start_of(2), Some(t(1_200)));
        assert_eq!(s.end_of(2), t(1_300));
        // at 1,250 (epoch 2) the length becomes 50: epoch 2 still ends at 1,300
        s.reschedule(t(1_250), 50);
        assert_eq!(s.epoch_at(t(1_299)), 2);
        assert_eq!(s.start_of(2), Some(t(1_200)));
        assert_eq!(s.end_of(2), t(1_300));
        assert_eq!(s.epoch_at(t(1_300)), 3);
        assert_eq!(s.end_of(3), t(1_350));
        assert_eq!(s.epoch_at(t(1_400)), 5);
        // older epochs have no start, only a bound
        assert_eq!(s.start_of(1), None);
        assert_eq!(s.start_or_bound(1), t(1_200));
        // a second change in the same epoch only changes the pending length
        s.reschedule(t(1_260), 10);
        assert_eq!(s.end_of(2), t(1_300));
        assert_eq!(s.end_of(3), t(1_310));
        assert_eq!(s.start_of(3), Some(t(1_300)));
        assert!(s.end_of(0) <= t(1_300));
    }

    #[test]
    fn nothing_overflows_and_a_zero_length_is_one_second() {
        let s = Schedule::new(t(2_000_000_000), 315_576_000);
        assert_eq!(s.end_of(u64::MAX), t(MAX_SECONDS));
        assert_eq!(s.start_of(u64::MAX), Some(t(MAX_SECONDS)));
        assert_eq!(
            s.epoch_at(t(MAX_SECONDS)),
            (MAX_SECONDS - 2_000_000_000) / 315_576_000
        );
        let z = Schedule::new(t(0), 0);
        assert_eq!(z.epoch_at(t(5)), 5);
    }
}
