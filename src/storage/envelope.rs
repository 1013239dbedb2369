//! The envelope every stored value is wrapped in: `{"v": schema, "d": data}`.
//! Pure: text in, Result out.

use serde::{de::DeserializeOwned, Serialize};
use serde_json::Value;

use super::migrate::{self, CURRENT_SCHEMA};
use crate::domain::time::LocalOffsetFn;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, not an envelope, or data of the wrong shape.
    Unreadable(String),
    /// Written by a newer version of the app: never touched by this one.
    TooNew(u32),
}

/// `{"d": data, "v": schema}`; written with `T = &data`.
#[derive(Serialize, serde::Deserialize)]
struct Envelope<T> {
    d: T,
    v: u32,
}

/// Straight to text: going through a `Value` tree would compile a second
/// serializer for every record type into the start-up wasm.
pub fn encode<T: Serialize>(data: &T) -> Result<String, String> {
    serde_json::to_string(&Envelope {
        d: data,
        v: CURRENT_SCHEMA,
    })
    .map_err(|e| e.to_string())
}

/// Decode a stored value of the given record kind, migrating older schemas
/// (`local_offset`: see `migrate::upgrade`). Returns the data and whether a
/// migration ran (the caller rewrites it then).
pub fn decode<T: DeserializeOwned>(
    raw: &str,
    kind: migrate::RecordKind,
    local_offset: LocalOffsetFn,
) -> Result<(T, bool), DecodeError> {
    // Fast path, the common case at start-up: current schema, straight into
    // the type (no intermediate `Value` tree; about twice as fast).
    if let Ok(Envelope {
        d,
        v: CURRENT_SCHEMA,
    }) = serde_json::from_str::<Envelope<T>>(raw)
    {
        return Ok((d, false));
    }
    let mut env: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::Unreadable(e.to_string()))?;
    let version = env
        .get("v")
        .and_then(Value::as_u64)
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| DecodeError::Unreadable("no schema version".into()))?;
    if version > CURRENT_SCHEMA {
        return Err(DecodeError::TooNew(version));
    }
    let data = env
        .get_mut("d")
        .map(Value::take)
        .ok_or_else(|| DecodeError::Unreadable("no data".into()))?;
    let migrated = version < CURRENT_SCHEMA;
    let data =
        migrate::upgrade(kind, version, data, local_offset).map_err(DecodeError::Unreadable)?;
    // Back to text and through the fast path's decoder: decoding from the
    // `Value` would compile a second decoder for every record type into the
    // start-up wasm, for a path that runs once per legacy record, ever.
    let text = serde_json::to_string(&data).map_err(|e| DecodeError::Unreadable(e.to_string()))?;
    let value = serde_json::from_str(&text).map_err(|e| DecodeError::Unreadable(e.to_string()))?;
    Ok((value, migrated))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Settings;
    use crate::domain::time::offset_at_local;
    use migrate::RecordKind;

    #[test]
    fn round_trip() {
        let s = Settings::default();
        let raw = encode(&s).unwrap();
        let (back, migrated): (Settings, bool) =
            decode(&raw, RecordKind::Settings, offset_at_local).unwrap();
        assert_eq!(back, s);
        assert!(!migrated);
    }

    #[test]
    fn garbage_is_unreadable() {
        for raw in [
            "",
            "{",
            "null",
            "[1,2]",
            r#"{"d":{}}"#,
            r#"{"v":"x","d":{}}"#,
            r#"{"v":2}"#,
        ] {
            let r: Result<(Settings, bool), _> = decode(raw, RecordKind::Settings, offset_at_local);
            assert!(matches!(r, Err(DecodeError::Unreadable(_))), "{raw}");
        }
    }

    #[test]
    fn wrong_shape_is_unreadable() {
        let r: Result<(Settings, bool), _> = decode(
            r#"{"v":2,"d":{"time_zone":5}}"#,
            RecordKind::Settings,
            offset_at_local,
        );
        assert!(matches!(r, Err(DecodeError::Unreadable(_))));
    }

    #[test]
    fn newer_schema_is_refused() {
        let raw = format!(r#"{{"v":{},"d":{{}}}}"#, CURRENT_SCHEMA + 1);
        let r: Result<(Settings, bool), _> = decode(&raw, RecordKind::Settings, offset_at_local);
        assert_eq!(r, Err(DecodeError::TooNew(CURRENT_SCHEMA + 1)));
    }
}
