//! PoE mining contract (work in progress).
