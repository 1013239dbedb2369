//! Local time in the user's zone. `now` is always passed in.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::Tz;

use crate::i18n::{Lang, Text};

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

/// How a zone reads to the user: a place and its offset from UTC (the IANA
/// name is for the machine). Unknown names read as themselves.
pub fn zone_label(name: &str, lang: Lang) -> String {
    zone_text(name).map_or_else(|| name.to_string(), |t| t.get(lang).to_string())
}

fn zone_text(name: &str) -> Option<Text> {
    let t = |cn, tw, en| Some(Text::new(cn, tw, en));
    match name {
        "Asia/Shanghai" => t(
            "北京时间 (UTC+8)",
            "北京時間 (UTC+8)",
            "China, Beijing time (UTC+8)",
        ),
        "Asia/Hong_Kong" => t("香港时间 (UTC+8)", "香港時間 (UTC+8)", "Hong Kong (UTC+8)"),
        "Asia/Taipei" => t("台北时间 (UTC+8)", "台北時間 (UTC+8)", "Taipei (UTC+8)"),
        "Asia/Kolkata" => t(
            "印度时间 (UTC+5:30)",
            "印度時間 (UTC+5:30)",
            "India (UTC+5:30)",
        ),
        "Asia/Manila" => t(
            "菲律宾时间 (UTC+8)",
            "菲律賓時間 (UTC+8)",
            "Philippines (UTC+8)",
        ),
        "Asia/Singapore" => t(
            "新加坡时间 (UTC+8)",
            "新加坡時間 (UTC+8)",
            "Singapore (UTC+8)",
        ),
        "Australia/Sydney" => t(
            "悉尼时间 (UTC+10/+11)",
            "雪梨時間 (UTC+10/+11)",
            "Sydney (UTC+10/+11)",
        ),
        "Australia/Melbourne" => t(
            "墨尔本时间 (UTC+10/+11)",
            "墨爾本時間 (UTC+10/+11)",
            "Melbourne (UTC+10/+11)",
        ),
        "Australia/Brisbane" => t(
            "布里斯班时间 (UTC+10)",
            "布里斯本時間 (UTC+10)",
            "Brisbane (UTC+10)",
        ),
        "Australia/Perth" => t("珀斯时间 (UTC+8)", "伯斯時間 (UTC+8)", "Perth (UTC+8)"),
        "Australia/Adelaide" => t(
            "阿德莱德时间 (UTC+9:30/+10:30)",
            "阿德雷德時間 (UTC+9:30/+10:30)",
            "Adelaide (UTC+9:30/+10:30)",
        ),
        "Europe/London" => t(
            "伦敦时间 (UTC+0/+1)",
            "倫敦時間 (UTC+0/+1)",
            "London (UTC+0/+1)",
        ),
        "America/New_York" => t(
            "美国东部时间 (UTC-5/-4)",
            "美國東部時間 (UTC-5/-4)",
            "US Eastern (UTC-5/-4)",
        ),
        "America/Chicago" => t(
            "美国中部时间 (UTC-6/-5)",
            "美國中部時間 (UTC-6/-5)",
            "US Central (UTC-6/-5)",
        ),
        "America/Denver" => t(
            "美国山地时间 (UTC-7/-6)",
            "美國山地時間 (UTC-7/-6)",
            "US Mountain (UTC-7/-6)",
        ),
        "America/Phoenix" => t(
            "美国亚利桑那时间 (UTC-7)",
            "美國亞利桑那時間 (UTC-7)",
            "US Arizona (UTC-7)",
        ),
        "America/Los_Angeles" => t(
            "美国太平洋时间 (UTC-8/-7)",
            "美國太平洋時間 (UTC-8/-7)",
            "US Pacific (UTC-8/-7)",
        ),
        "America/Anchorage" => t(
            "阿拉斯加时间 (UTC-9/-8)",
            "阿拉斯加時間 (UTC-9/-8)",
            "Alaska (UTC-9/-8)",
        ),
        "Pacific/Honolulu" => t(
            "夏威夷时间 (UTC-10)",
            "夏威夷時間 (UTC-10)",
            "Hawaii (UTC-10)",
        ),
        "UTC" => t(
            "协调世界时 (UTC)",
            "協調世界時 (UTC)",
            "Coordinated Universal Time (UTC)",
        ),
        _ => None,
    }
}

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

    #[test]
    fn every_offered_zone_reads_as_a_place_and_an_offset() {
        for z in ZONES {
            assert!(zone_text(z).is_some(), "{z} has no label");
            for lang in Lang::ALL {
                let label = zone_label(z, lang);
                assert!(label.contains("UTC"), "{label}");
                assert!(!label.contains('/') || label.contains("UTC+") || label.contains("UTC-"));
                assert!(!label.contains(z) || z == "UTC", "{label}");
            }
        }
        assert_eq!(zone_label("Asia/Shanghai", Lang::ZhCn), "北京时间 (UTC+8)");
        assert_eq!(zone_label("Mars/Olympus", Lang::ZhCn), "Mars/Olympus");
    }

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
