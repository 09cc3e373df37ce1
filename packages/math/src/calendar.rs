//! Calendar months (`YYYY-MM`) from block time, for the owner salary reports of seed 001
//! (`OwnerSalaryReport::month`, "YYYY-MM format"). Uses chrono's proleptic Gregorian calendar, UTC.

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate};
use cosmwasm_std::Timestamp;

use crate::MathError;

/// A calendar month in UTC. Orders chronologically; displays and parses as `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    /// The year, from 1970 (as parsed from `YYYY-MM`).
    pub year: u32,
    /// 1..=12
    pub month: u32,
}

impl YearMonth {
    /// The month that contains `time` (UTC).
    pub fn of(time: Timestamp) -> YearMonth {
        // Timestamps of a chain fit i64 seconds for the next 290 billion years; clamp anyway.
        let secs = i64::try_from(time.seconds()).unwrap_or(i64::MAX);
        match DateTime::from_timestamp(secs, 0) {
            Some(dt) => YearMonth {
                year: dt.year().max(0) as u32,
                month: dt.month(),
            },
            None => YearMonth {
                year: 9999,
                month: 12,
            },
        }
    }

    /// Months since year 0: `year * 12 + month - 1`, to count whole months between two months.
    pub fn index(&self) -> u64 {
        self.year as u64 * 12 + self.month as u64 - 1
    }

    /// The month after this one.
    pub fn next(&self) -> YearMonth {
        if self.month == 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The first second of this month, UTC.
    pub fn start(&self) -> Timestamp {
        let secs = NaiveDate::from_ymd_opt(self.year as i32, self.month, 1)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|dt| dt.and_utc().timestamp())
            .unwrap_or(0);
        Timestamp::from_seconds(secs.max(0) as u64)
    }

    /// The first second after this month, UTC (when the month has ended).
    pub fn end(&self) -> Timestamp {
        self.next().start()
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for YearMonth {
    type Err = MathError;

    /// Parses exactly `YYYY-MM` with a month in 01..=12 and a year from 1970.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || MathError::InvalidMonth {
            value: s.to_string(),
        };
        let bytes = s.as_bytes();
        if bytes.len() != 7
            || bytes.get(4) != Some(&b'-')
            || !s[..4].bytes().all(|b| b.is_ascii_digit())
            || !s[5..].bytes().all(|b| b.is_ascii_digit())
        {
            return Err(err());
        }
        let year: u32 = s[..4].parse().map_err(|_| err())?;
        let month: u32 = s[5..].parse().map_err(|_| err())?;
        if !(1..=12).contains(&month) || year < 1970 {
            return Err(err());
        }
        Ok(YearMonth { year, month })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_of_timestamps() {
        // 2024-01-31T23:59:59Z and 2024-02-01T00:00:00Z
        assert_eq!(
            YearMonth::of(Timestamp::from_seconds(1_706_745_599)).to_string(),
            "2024-01"
        );
        assert_eq!(
            YearMonth::of(Timestamp::from_seconds(1_706_745_600)).to_string(),
            "2024-02"
        );
        let jan: YearMonth = "2024-01".parse().unwrap();
        assert_eq!(jan.end(), Timestamp::from_seconds(1_706_745_600));
        assert_eq!(
            "2024-12".parse::<YearMonth>().unwrap().next().to_string(),
            "2025-01"
        );
        assert_eq!(jan.next().index() - jan.index(), 1);
    }

    #[test]
    fn rejects_malformed_months() {
        for bad in [
            "2024-13", "2024-00", "2024-1", "24-01", "2024/01", "abcd-ef", "1969-12", "2024-011",
        ] {
            assert!(bad.parse::<YearMonth>().is_err(), "{bad}");
        }
    }
}
