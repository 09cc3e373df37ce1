//! Page sizes of paginated queries (and of paginated executes such as claims).

pub use poe_interface::{DEFAULT_LIMIT, MAX_LIMIT};

/// The number of entries a page holds: `limit` (default [`DEFAULT_LIMIT`], 10) clamped to
/// `1..=MAX_LIMIT` (30). A limit of 0 gives one entry, not an empty page that never advances.
pub fn page_limit(limit: Option<u32>) -> usize {
    limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clamps_to_one_through_max() {
        assert_eq!(page_limit(None), 10);
        assert_eq!(page_limit(Some(0)), 1);
        assert_eq!(page_limit(Some(7)), 7);
        assert_eq!(page_limit(Some(30)), 30);
        assert_eq!(page_limit(Some(u32::MAX)), 30);
    }
}
