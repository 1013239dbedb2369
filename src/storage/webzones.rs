//! Zone names to UTC offsets from the browser's own time-zone database
//! (`Intl.DateTimeFormat`), for the 1 → 2 migration. The same answers as
//! `domain::time::offset_at_local` (tests/web.rs compares them around clock
//! changes in every offered zone), without chrono-tz's tables in the wasm.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::domain::time;

const DAY_MS: i64 = 86_400_000;

/// See `domain::time::offset_at_local`: unknown names mean Asia/Shanghai; the
/// earlier offset when clocks were set back; None for a skipped time.
pub fn offset_at_local(zone: &str, naive: NaiveDateTime) -> Option<FixedOffset> {
    // Only names chrono-tz knows: the same fallback, and never a RangeError.
    let zone = if time::is_known_zone(zone) {
        zone
    } else {
        time::DEFAULT_ZONE
    };
    let format = formatter(zone)?;
    let wall = naive.and_utc().timestamp_millis();
    // A zone changes its offset at most once in two days: the offsets a day
    // before and a day after give every instant that can show this wall time.
    let before = offset_ms(&format, wall - DAY_MS)?;
    let after = offset_ms(&format, wall + DAY_MS)?;
    [before, after]
        .into_iter()
        .map(|offset| wall - offset)
        .filter(|&instant| offset_ms(&format, instant) == Some(wall - instant))
        .min()
        .and_then(|instant| FixedOffset::east_opt(i32::try_from((wall - instant) / 1000).ok()?))
}

fn formatter(zone: &str) -> Option<Intl::DateTimeFormat> {
    let options = Object::new();
    for (key, value) in [
        ("timeZone", zone),
        ("hourCycle", "h23"),
        ("year", "numeric"),
        ("month", "numeric"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "numeric"),
        ("second", "numeric"),
    ] {
        Reflect::set(&options, &key.into(), &value.into()).ok()?;
    }
    let locales = Array::of1(&JsValue::from_str("en-US"));
    Some(Intl::DateTimeFormat::new(&locales, &options))
}

/// The zone's offset from UTC at `instant` (ms since the epoch), in ms.
fn offset_ms(format: &Intl::DateTimeFormat, instant: i64) -> Option<i64> {
    let parts = format.format_to_parts(&Date::new(&JsValue::from_f64(instant as f64)));
    let field = |name: &str| -> Option<u32> {
        parts.iter().find_map(|part| {
            let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
            if kind != name {
                return None;
            }
            Reflect::get(&part, &"value".into())
                .ok()?
                .as_string()?
                .parse()
                .ok()
        })
    };
    let wall = NaiveDate::from_ymd_opt(
        i32::try_from(field("year")?).ok()?,
        field("month")?,
        field("day")?,
    )?
    .and_hms_opt(field("hour")?, field("minute")?, field("second")?)?;
    let whole_seconds = DateTime::from_timestamp_millis(instant)?.timestamp() * 1000;
    Some(wall.and_utc().timestamp_millis() - whole_seconds)
}
