//! Ordered, numbered schema migrations on raw JSON. Pure.
//!
//! Never edit a shipped step: add a new one, bump CURRENT_SCHEMA and freeze a
//! fixture of the old format under tests/fixtures/.
//!
//! - 1 → 2: contacts stored their time as local wall-clock fields
//!   (`date`, `time`, `zone`); schema 2 stores one unambiguous instant `at`
//!   with its UTC offset. Other record kinds are unchanged.

use chrono::{NaiveDate, NaiveTime, TimeZone};
use serde_json::Value;

use crate::domain::time::LocalOffsetFn;

pub const CURRENT_SCHEMA: u32 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordKind {
    Prefs,
    Settings,
    Debtor,
    Debts,
    Agreements,
    Events,
    Contact,
    Draft,
    Call,
}

/// Apply every step from `from` up to CURRENT_SCHEMA. `local_offset` turns a
/// zone name and a wall-clock time into a UTC offset (1 → 2).
pub fn upgrade(
    kind: RecordKind,
    from: u32,
    mut data: Value,
    local_offset: LocalOffsetFn,
) -> Result<Value, String> {
    if from == 0 {
        return Err("schema version 0 does not exist".into());
    }
    for version in from..CURRENT_SCHEMA {
        data = match version {
            1 => v1_to_v2(kind, data, local_offset)?,
            other => return Err(format!("no migration from schema {other}")),
        };
    }
    Ok(data)
}

fn v1_to_v2(
    kind: RecordKind,
    mut data: Value,
    local_offset: LocalOffsetFn,
) -> Result<Value, String> {
    if kind != RecordKind::Contact {
        return Ok(data);
    }
    let inner = data
        .get_mut("data")
        .and_then(Value::as_object_mut)
        .ok_or("contact without data")?;
    let text = |v: Option<Value>| v.and_then(|v| v.as_str().map(str::to_owned));
    let date = text(inner.remove("date")).ok_or("contact without date")?;
    let clock = text(inner.remove("time")).ok_or("contact without time")?;
    let zone = text(inner.remove("zone")).unwrap_or_else(|| "Asia/Shanghai".into());
    let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d").map_err(|e| e.to_string())?;
    let clock = NaiveTime::parse_from_str(&clock, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(&clock, "%H:%M"))
        .map_err(|e| e.to_string())?;
    let naive = date.and_time(clock);
    let at = local_offset(&zone, naive)
        .and_then(|offset| offset.from_local_datetime(&naive).single())
        .ok_or("time does not exist in its zone")?;
    inner.insert("at".into(), Value::String(at.to_rfc3339()));
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Contact;
    use crate::domain::time::offset_at_local;

    #[test]
    fn v1_contact_fixture_migrates() {
        let raw = include_str!("../../tests/fixtures/contact-v1.json");
        let env: Value = serde_json::from_str(raw).unwrap();
        assert_eq!(env["v"], 1);
        let data = upgrade(RecordKind::Contact, 1, env["d"].clone(), offset_at_local).unwrap();
        let contact: Contact = serde_json::from_value(data).unwrap();
        assert_eq!(contact.seq, 3);
        assert_eq!(contact.data.at.to_rfc3339(), "2026-03-04T22:40:00+08:00");
        assert_eq!(contact.data.from_number, "95188");
    }

    #[test]
    fn v1_contact_in_dst_zone_gets_summer_offset() {
        let data = serde_json::json!({"seq":1,"created_at":"2026-07-01T00:00:00Z",
            "data":{"date":"2026-07-01","time":"21:00","zone":"America/New_York"}});
        let data = upgrade(RecordKind::Contact, 1, data, offset_at_local).unwrap();
        assert_eq!(data["data"]["at"], "2026-07-01T21:00:00-04:00");
    }

    #[test]
    fn broken_v1_contact_is_an_error_not_a_default() {
        let data = serde_json::json!({"seq":1,"data":{"time":"21:00"}});
        assert!(upgrade(RecordKind::Contact, 1, data, offset_at_local).is_err());
    }

    #[test]
    fn other_kinds_pass_through() {
        let data = serde_json::json!({"time_zone":"Asia/Shanghai","jurisdiction":"cn"});
        assert_eq!(
            upgrade(RecordKind::Settings, 1, data.clone(), offset_at_local).unwrap(),
            data
        );
    }
}
