//! Epoch schedule: epochs of `length` seconds from genesis. A change of length takes effect at the
//! end of the epoch open when it is made, so the open epoch's end never moves and epoch numbers
//! already handed out stay valid.
//!
//! Shape: from `anchor_start` on, epoch `anchor_epoch + k` covers
//! `[anchor_start + k*length, anchor_start + (k+1)*length)`; the epoch just before the anchor
//! (the one open when the length last changed) covers `[prev_start, anchor_start)`. Only the
//! epoch open now and later ones are ever asked for their bounds: a closed or ended epoch's end
//! is stored with its reports ([`crate::state::EpochReports`]).

use cosmwasm_schema::cw_serde;
use cosmwasm_std::Timestamp;

#[cw_serde]
#[derive(Copy)]
pub struct Schedule {
    pub anchor_epoch: u64,
    /// Seconds since the Unix epoch.
    pub anchor_start: u64,
    /// Seconds, above 0.
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

    /// The epoch that contains `time` (for times not before the last length change).
    pub fn epoch_at(&self, time: Timestamp) -> u64 {
        let t = time.seconds();
        if t < self.anchor_start {
            self.anchor_epoch.saturating_sub(1)
        } else {
            self.anchor_epoch
                .saturating_add((t - self.anchor_start) / self.length.max(1))
        }
    }

    /// Start of `epoch` (the anchor's predecessor or later; older epochs get `prev_start`).
    pub fn start_of(&self, epoch: u64) -> Timestamp {
        if epoch >= self.anchor_epoch {
            let k = epoch - self.anchor_epoch;
            Timestamp::from_seconds(
                self.anchor_start
                    .saturating_add(k.saturating_mul(self.length)),
            )
        } else {
            Timestamp::from_seconds(self.prev_start)
        }
    }

    /// End of `epoch`, the first second after it (the anchor's predecessor or later; older
    /// epochs get `prev_start`, a bound).
    pub fn end_of(&self, epoch: u64) -> Timestamp {
        if epoch >= self.anchor_epoch {
            let k = (epoch - self.anchor_epoch).saturating_add(1);
            Timestamp::from_seconds(
                self.anchor_start
                    .saturating_add(k.saturating_mul(self.length)),
            )
        } else if epoch.saturating_add(1) == self.anchor_epoch {
            Timestamp::from_seconds(self.anchor_start)
        } else {
            Timestamp::from_seconds(self.prev_start)
        }
    }

    /// Sets a new length from the end of the epoch open at `now` on.
    pub fn reschedule(&mut self, now: Timestamp, length: u64) {
        let epoch = self.epoch_at(now);
        if epoch >= self.anchor_epoch {
            self.prev_start = self.start_of(epoch).seconds();
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
        assert_eq!(s.epoch_at(t(1_000)), 0);
        assert_eq!(s.epoch_at(t(1_099)), 0);
        assert_eq!(s.epoch_at(t(1_100)), 1);
        assert_eq!(s.start_of(2), t(1_200));
        assert_eq!(s.end_of(2), t(1_300));
        // at 1,250 (epoch 2) the length becomes 50: epoch 2 still ends at 1,300
        s.reschedule(t(1_250), 50);
        assert_eq!(s.epoch_at(t(1_299)), 2);
        assert_eq!(s.start_of(2), t(1_200));
        assert_eq!(s.end_of(2), t(1_300));
        assert_eq!(s.epoch_at(t(1_300)), 3);
        assert_eq!(s.end_of(3), t(1_350));
        assert_eq!(s.epoch_at(t(1_400)), 5);
        // a second change in the same epoch only changes the pending length
        s.reschedule(t(1_260), 10);
        assert_eq!(s.end_of(2), t(1_300));
        assert_eq!(s.end_of(3), t(1_310));
        assert_eq!(s.start_of(3), t(1_300));
        assert!(s.end_of(0) <= t(1_300));
    }
}
