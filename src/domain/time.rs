//! Local time in the user's zone. `now` is always passed in.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

/// Zones offered in settings. Must match CHRONO_TZ_TIMEZONE_FILTER in
/// .cargo/config.toml (a test checks every one parses).
pub const ZONES: [&str; 20] = [
    "Asia/Shanghai",
    "Asia/Hong_Kong",
    "Asia/Taipei",
    "Asia/Kolkata",
    "Asia/Manila",
    "Asia/Singapore",
    "Australia/Sydney",
    "Australia/Melbourne",
    "Australia/Brisbane",
    "Australia/Perth",
    "Australia/Adelaide",
    "Europe/London",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "UTC",
];

/// Years a stored or imported date may fall in. A debt, an agreement or a
/// collector's call is from living memory, and a schedule runs at most ten
/// years past its agreement: anything outside is a typing error ("0226" for
/// "2026") or a hostile file. The bounds also keep every date computation
/// (months added, zones applied, `.ics` and report formatting) far inside
/// what chrono represents. Phone logs use a narrower 1971..=2200.
pub const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The zone unknown names fall back to.
pub const DEFAULT_ZONE: &str = "Asia/Shanghai";

/// A parsed zone; unknown names fall back to [`DEFAULT_ZONE`].
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(chrono_tz::Asia::Shanghai)
}

pub fn is_known_zone(name: &str) -> bool {
    name.parse::<Tz>().is_ok()
}

/// Wall-clock time of `at` in zone `tz`.
pub fn local(at: &DateTime<FixedOffset>, tz: Tz) -> NaiveDateTime {
    at.with_timezone(&tz).naive_local()
}

pub fn local_date(at: &DateTime<FixedOffset>, tz: Tz) -> NaiveDate {
    local(at, tz).date()
}

/// Interpret a wall-clock time typed by the user in zone `tz` as an instant.
/// In a DST gap the time does not exist (None); in an overlap the earlier is taken.
pub fn from_local(naive: NaiveDateTime, tz: Tz) -> Option<DateTime<FixedOffset>> {
    tz.from_local_datetime(&naive)
        .earliest()
        .map(|d| d.fixed_offset())
}

/// How a zone name and a wall-clock time there become a UTC offset (used by
/// the 1 → 2 storage migration; see `offset_at_local`).
pub type LocalOffsetFn = fn(&str, NaiveDateTime) -> Option<FixedOffset>;

/// The UTC offset of wall-clock time `naive` in the zone named `zone` (unknown
/// names: Asia/Shanghai): the earlier one when clocks were set back, None for
/// a time the clocks skipped.
pub fn offset_at_local(zone: &str, naive: NaiveDateTime) -> Option<FixedOffset> {
    from_local(naive, self::zone(zone)).map(|d| *d.offset())
}

pub fn utc_to_zone(now: DateTime<Utc>, tz: Tz) -> DateTime<FixedOffset> {
    now.with_timezone(&tz).fixed_offset()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveTime;

    /// The browser path (storage/webzones.rs) falls back to DEFAULT_ZONE by
    /// name; `zone` falls back by value: they must stay the same zone.
    #[test]
    fn default_zone_name_is_the_fallback_zone() {
        assert_eq!(zone(DEFAULT_ZONE), chrono_tz::Asia::Shanghai);
        assert_eq!(zone("Not/AZone"), zone(DEFAULT_ZONE));
        assert!(is_known_zone(DEFAULT_ZONE));
    }

    #[test]
    fn every_offered_zone_is_compiled_in() {
        for z in ZONES {
            assert!(
                is_known_zone(z),
                "{z} missing from CHRONO_TZ_TIMEZONE_FILTER"
            );
        }
    }

    #[test]
    fn shanghai_is_utc_plus_8_all_year() {
        let tz = zone("Asia/Shanghai");
        for month in [1, 7] {
            let naive = NaiveDate::from_ymd_opt(2026, month, 1)
                .and_then(|d| d.and_hms_opt(22, 0, 0))
                .unwrap();
            let at = from_local(naive, tz).unwrap();
            assert_eq!(at.offset().local_minus_utc(), 8 * 3600);
        }
    }

    #[test]
    fn new_york_gap_and_dst() {
        let tz = zone("America/New_York");
        let gap = NaiveDate::from_ymd_opt(2026, 3, 8)
            .unwrap()
            .and_time(NaiveTime::from_hms_opt(2, 30, 0).unwrap());
        assert_eq!(from_local(gap, tz), None);
        let summer = NaiveDate::from_ymd_opt(2026, 7, 1)
            .unwrap()
            .and_hms_opt(12, 0, 0)
            .unwrap();
        assert_eq!(
            from_local(summer, tz).unwrap().offset().local_minus_utc(),
            -4 * 3600
        );
    }

    #[test]
    fn unknown_zone_falls_back_to_shanghai() {
        assert_eq!(zone("Mars/Olympus"), chrono_tz::Asia::Shanghai);
    }
}
