//! Public-holiday calendars as data, each year with the notice it comes from.
//!
//! Mainland China: the State Council General Office's yearly notice on the
//! holiday arrangements (部分节假日安排的通知) lists the days off (放假, which
//! include the weekends inside each break) and the adjusted working days
//! (调休上班: a Saturday or Sunday that is a working day). A year is covered
//! only once its notice is published; outside the covered years the callers
//! fall back to weekends only and say so.
//!
//! Australia: the national public holidays of the Fair Work Act 2009 (Cth)
//! s 115(1)(a) on the dates every state and territory observes. The King's
//! Birthday (its date differs by state), state-only holidays and substitute
//! days that only some states declare are left out.

use chrono::{Datelike, NaiveDate, Weekday};

/// Compile-time dates: a typo fails the build.
const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("invalid date in the holiday calendar"),
    }
}

/// One break, first to last day inclusive; the name in the source's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Break {
    pub name: &'static str,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

const fn days(name: &'static str, first: NaiveDate, last: NaiveDate) -> Break {
    Break { name, first, last }
}

const fn day(name: &'static str, d: NaiveDate) -> Break {
    Break {
        name,
        first: d,
        last: d,
    }
}

impl Break {
    fn contains(&self, d: NaiveDate) -> bool {
        self.first <= d && d <= self.last
    }
}

/// One year's calendar and its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Year {
    pub year: i32,
    /// The instrument's title, in its own language.
    pub source: &'static str,
    /// Document number, where verified.
    pub number: Option<&'static str>,
    /// When the notice was published; None for a standing law.
    pub published: Option<NaiveDate>,
    pub days_off: &'static [Break],
    /// Weekend days that are working days (调休).
    pub working: &'static [NaiveDate],
}

impl Year {
    fn day_off(&self, d: NaiveDate) -> Option<&'static Break> {
        self.days_off.iter().find(|b| b.contains(d))
    }
}

/// Mainland China, from the State Council General Office's notices.
pub static CN: [Year; 3] = [
    Year {
        year: 2024,
        source: "国务院办公厅关于2024年部分节假日安排的通知",
        number: Some("国办发明电〔2023〕7号"),
        published: Some(ymd(2023, 10, 25)),
        days_off: &[
            day("元旦", ymd(2024, 1, 1)),
            days("春节", ymd(2024, 2, 10), ymd(2024, 2, 17)),
            days("清明节", ymd(2024, 4, 4), ymd(2024, 4, 6)),
            days("劳动节", ymd(2024, 5, 1), ymd(2024, 5, 5)),
            day("端午节", ymd(2024, 6, 10)),
            days("中秋节", ymd(2024, 9, 15), ymd(2024, 9, 17)),
            days("国庆节", ymd(2024, 10, 1), ymd(2024, 10, 7)),
        ],
        working: &[
            ymd(2024, 2, 4),
            ymd(2024, 2, 18),
            ymd(2024, 4, 7),
            ymd(2024, 4, 28),
            ymd(2024, 5, 11),
            ymd(2024, 9, 14),
            ymd(2024, 9, 29),
            ymd(2024, 10, 12),
        ],
    },
    Year {
        year: 2025,
        source: "国务院办公厅关于2025年部分节假日安排的通知",
        number: Some("国办发明电〔2024〕12号"),
        published: Some(ymd(2024, 11, 12)),
        days_off: &[
            day("元旦", ymd(2025, 1, 1)),
            days("春节", ymd(2025, 1, 28), ymd(2025, 2, 4)),
            days("清明节", ymd(2025, 4, 4), ymd(2025, 4, 6)),
            days("劳动节", ymd(2025, 5, 1), ymd(2025, 5, 5)),
            days("端午节", ymd(2025, 5, 31), ymd(2025, 6, 2)),
            days("国庆节、中秋节", ymd(2025, 10, 1), ymd(2025, 10, 8)),
        ],
        working: &[
            ymd(2025, 1, 26),
            ymd(2025, 2, 8),
            ymd(2025, 4, 27),
            ymd(2025, 9, 28),
            ymd(2025, 10, 11),
        ],
    },
    Year {
        year: 2026,
        source: "国务院办公厅关于2026年部分节假日安排的通知",
        number: None,
        published: Some(ymd(2025, 11, 4)),
        days_off: &[
            days("元旦", ymd(2026, 1, 1), ymd(2026, 1, 3)),
            days("春节", ymd(2026, 2, 15), ymd(2026, 2, 23)),
            days("清明节", ymd(2026, 4, 4), ymd(2026, 4, 6)),
            days("劳动节", ymd(2026, 5, 1), ymd(2026, 5, 5)),
            days("端午节", ymd(2026, 6, 19), ymd(2026, 6, 21)),
            days("中秋节", ymd(2026, 9, 25), ymd(2026, 9, 27)),
            days("国庆节", ymd(2026, 10, 1), ymd(2026, 10, 7)),
        ],
        working: &[
            ymd(2026, 1, 4),
            ymd(2026, 2, 14),
            ymd(2026, 2, 28),
            ymd(2026, 5, 9),
            ymd(2026, 9, 20),
            ymd(2026, 10, 10),
        ],
    },
];

const FAIR_WORK: &str = "Fair Work Act 2009 (Cth) s 115(1)(a)";

/// Australia's national public holidays. When Australia Day fell on Sunday
/// 26 January 2025, every state and territory observed it on Monday 27th.
pub static AU: [Year; 3] = [
    Year {
        year: 2024,
        source: FAIR_WORK,
        number: None,
        published: None,
        days_off: &[
            day("New Year's Day", ymd(2024, 1, 1)),
            day("Australia Day", ymd(2024, 1, 26)),
            day("Good Friday", ymd(2024, 3, 29)),
            day("Easter Monday", ymd(2024, 4, 1)),
            day("Anzac Day", ymd(2024, 4, 25)),
            day("Christmas Day", ymd(2024, 12, 25)),
            day("Boxing Day", ymd(2024, 12, 26)),
        ],
        working: &[],
    },
    Year {
        year: 2025,
        source: FAIR_WORK,
        number: None,
        published: None,
        days_off: &[
            day("New Year's Day", ymd(2025, 1, 1)),
            day("Australia Day", ymd(2025, 1, 27)),
            day("Good Friday", ymd(2025, 4, 18)),
            day("Easter Monday", ymd(2025, 4, 21)),
            day("Anzac Day", ymd(2025, 4, 25)),
            day("Christmas Day", ymd(2025, 12, 25)),
            day("Boxing Day", ymd(2025, 12, 26)),
        ],
        working: &[],
    },
    Year {
        year: 2026,
        source: FAIR_WORK,
        number: None,
        published: None,
        days_off: &[
            day("New Year's Day", ymd(2026, 1, 1)),
            day("Australia Day", ymd(2026, 1, 26)),
            day("Good Friday", ymd(2026, 4, 3)),
            day("Easter Monday", ymd(2026, 4, 6)),
            day("Anzac Day", ymd(2026, 4, 25)),
            day("Christmas Day", ymd(2026, 12, 25)),
            day("Boxing Day", ymd(2026, 12, 26)),
        ],
        working: &[],
    },
];

fn year_of(calendar: &'static [Year], d: NaiveDate) -> Option<&'static Year> {
    calendar.iter().find(|y| y.year == d.year())
}

/// First and last year a calendar covers.
pub fn covered(calendar: &[Year]) -> (i32, i32) {
    let years = calendar.iter().map(|y| y.year);
    (years.clone().min().unwrap_or(0), years.max().unwrap_or(0))
}

fn weekend(d: NaiveDate) -> bool {
    matches!(d.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Is `d` a working day in mainland China? None when its year's notice is
/// not in the calendar.
pub fn cn_working_day(d: NaiveDate) -> Option<bool> {
    let year = year_of(&CN, d)?;
    Some(year.working.contains(&d) || (!weekend(d) && year.day_off(d).is_none()))
}

/// The first working day on or after `d`, and whether the calendar covered
/// every day looked at (false: those days were judged by weekends only).
pub fn cn_next_working_day(d: NaiveDate) -> (NaiveDate, bool) {
    let mut day = d;
    let mut covered = true;
    loop {
        let working = cn_working_day(day).unwrap_or_else(|| {
            covered = false;
            !weekend(day)
        });
        match day.succ_opt() {
            Some(next) if !working => day = next,
            _ => return (day, covered),
        }
    }
}

/// The national public holiday on `d` in Australia: Ok(None) on other days,
/// Err when `d`'s year is not in the calendar.
pub fn au_holiday(d: NaiveDate) -> Result<Option<&'static str>, NotCovered> {
    let year = year_of(&AU, d).ok_or(NotCovered)?;
    Ok(year.day_off(d).map(|b| b.name))
}

/// The date's year is outside the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotCovered;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn total(y: &Year) -> i64 {
        y.days_off
            .iter()
            .map(|b| (b.last - b.first).num_days() + 1)
            .sum()
    }

    /// Counts from the notices: 2024 "共8天" etc. summed per year, and the
    /// listed 上班 days.
    #[test]
    fn cn_matches_the_notices() {
        let counts: Vec<(i32, i64, usize)> = CN
            .iter()
            .map(|y| (y.year, total(y), y.working.len()))
            .collect();
        assert_eq!(counts, vec![(2024, 28, 8), (2025, 28, 5), (2026, 33, 6)]);
        for y in &CN {
            assert!(y.working.iter().all(|w| weekend(*w)), "{} 调休", y.year);
            assert!(y.working.iter().all(|w| y.day_off(*w).is_none()));
            assert!(y.days_off.iter().all(|b| b.first.year() == y.year));
            assert_eq!(y.published.map(|p| p.year()), Some(y.year - 1));
        }
        assert_eq!(covered(&CN), (2024, 2026));
    }

    #[test]
    fn cn_known_dates() {
        for (date, working) in [
            ("2024-02-04", true),  // Sunday, 调休
            ("2024-02-09", true),  // 除夕 2024 is not a day off
            ("2024-02-10", false), // 春节
            ("2024-02-18", true),  // Sunday, 调休
            ("2024-06-10", false), // 端午
            ("2024-09-14", true),  // Saturday, 调休
            ("2024-10-12", true),  // Saturday, 调休
            ("2025-01-26", true),
            ("2025-02-04", false),
            ("2025-02-05", true),
            ("2025-10-08", false), // 国庆、中秋 merged, 8 days
            ("2025-10-11", true),
            ("2026-01-03", false), // Saturday inside 元旦
            ("2026-01-04", true),
            ("2026-02-14", true),
            ("2026-02-23", false),
            ("2026-02-28", true),
            ("2026-05-09", true),
            ("2026-09-20", true),
            ("2026-10-07", false),
            ("2026-10-10", true),
            ("2026-10-11", false), // ordinary Sunday
            ("2026-10-12", true),
        ] {
            assert_eq!(cn_working_day(d(date)), Some(working), "{date}");
        }
        assert_eq!(cn_working_day(d("2023-12-29")), None);
        assert_eq!(cn_working_day(d("2027-01-04")), None);
    }

    #[test]
    fn cn_next_working_day_walks_breaks_and_stops_on_adjusted_days() {
        assert_eq!(
            cn_next_working_day(d("2026-10-01")),
            (d("2026-10-08"), true)
        );
        assert_eq!(
            cn_next_working_day(d("2026-10-08")),
            (d("2026-10-08"), true)
        );
        assert_eq!(
            cn_next_working_day(d("2026-02-14")),
            (d("2026-02-14"), true)
        );
        assert_eq!(
            cn_next_working_day(d("2026-04-05")),
            (d("2026-04-07"), true)
        );
        // Outside the calendar: weekends only, and it says so.
        assert_eq!(
            cn_next_working_day(d("2027-10-02")),
            (d("2027-10-04"), false)
        );
        assert_eq!(
            cn_next_working_day(d("2027-10-01")),
            (d("2027-10-01"), false)
        );
        // Saturday 2026-12-26 → Monday 12-28 (covered); 2027-01-02 is not.
        assert_eq!(
            cn_next_working_day(d("2026-12-26")),
            (d("2026-12-28"), true)
        );
        assert_eq!(
            cn_next_working_day(d("2027-01-02")),
            (d("2027-01-04"), false)
        );
    }

    #[test]
    fn au_national_holidays() {
        for y in &AU {
            assert_eq!(y.days_off.len(), 7, "{}", y.year);
            let weekday = |name: &str| {
                y.days_off
                    .iter()
                    .find(|b| b.name == name)
                    .unwrap()
                    .first
                    .weekday()
            };
            assert_eq!(weekday("Good Friday"), Weekday::Fri);
            assert_eq!(weekday("Easter Monday"), Weekday::Mon);
        }
        assert_eq!(au_holiday(d("2026-04-25")), Ok(Some("Anzac Day")));
        assert_eq!(au_holiday(d("2026-04-27")), Ok(None));
        assert_eq!(au_holiday(d("2025-01-27")), Ok(Some("Australia Day")));
        assert_eq!(au_holiday(d("2025-01-26")), Ok(None));
        assert_eq!(au_holiday(d("2024-03-29")), Ok(Some("Good Friday")));
        assert_eq!(au_holiday(d("2026-12-28")), Ok(None));
        assert_eq!(au_holiday(d("2027-01-01")), Err(NotCovered));
        assert_eq!(covered(&AU), (2024, 2026));
    }
}
