//! Backup file: the whole case in a typed, versioned, digested JSON envelope.
//!
//! ```json
//! { "type": "debt-evidence-kit-backup", "schema": 1, "exported_at": "…Z",
//!   "app_version": "…", "sha256": "<hex of the canonical JSON of case>", "case": {…} }
//! ```
//! The canonical JSON of the case is `serde_json` of [`Case`] (field order is
//! fixed by the structs; sets and maps are ordered), so re-serialising a
//! parsed case reproduces the digest.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::contacts::{rehash_chain, verify_chain, ContactError};
use crate::domain::hash::sha256_hex;
use crate::domain::invariants::{self, Problems};
use crate::domain::model::{Case, Contact, Debtor, RecordId, MAX_SEQ};

pub const BACKUP_TYPE: &str = "debt-evidence-kit-backup";
/// Schema this build writes and the newest it reads.
pub const SCHEMA: u32 = 1;
/// Refused before parsing: a real case is a few MB; parsing a huge file
/// would exhaust a phone's memory.
pub const MAX_BACKUP_BYTES: usize = 60 * 1024 * 1024;
/// A case nests about 8 deep. serde_json stops at 128 by itself; this lower
/// limit is checked by a cheap scan before anything is allocated.
pub const MAX_DEPTH: usize = 64;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    #[serde(rename = "type")]
    pub kind: String,
    pub schema: u32,
    pub exported_at: DateTime<Utc>,
    pub app_version: String,
    pub sha256: String,
    pub case: Case,
}

/// Why a file was refused. `Invalid` carries serde's detail for diagnosis;
/// the UI shows a translated message per variant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BackupError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    TooDeep,
    NotJson,
    /// JSON that stops mid-way: a download or copy cut short.
    Truncated,
    /// JSON, but not one of our backups.
    WrongType,
    /// Written by a newer version of the app.
    NewerSchema(u32),
    /// The case was changed after export (or the file is damaged).
    DigestMismatch,
    /// A `\` escape that is no character (half of a `\u` pair, `\q`):
    /// damaged text, not "not JSON".
    BrokenText {
        line: usize,
        column: usize,
    },
    /// One field is missing or not what this app writes there.
    Invalid(InvalidField),
    /// Well-formed, but records break the case's rules (numbers, amounts,
    /// dates, ids, references): each named, nothing imported.
    Records(Problems),
}

/// Where a backup is malformed (`case.contacts[3].seq`) and how, in terms
/// the app words in the user's language (serde's own message is English).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidField {
    pub path: String,
    pub problem: FieldProblem,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    Missing,
    /// A number where text belongs, a list where a number belongs…
    WrongKind,
    /// A word this app does not know here (perhaps from a newer version).
    UnknownValue(String),
    /// The right kind, but not a value this field can hold.
    BadValue,
}

impl InvalidField {
    fn from_serde(e: serde_path_to_error::Error<serde_json::Error>) -> InvalidField {
        let mut path = e.path().to_string();
        if path == "." {
            path.clear();
        }
        let message = e.inner().to_string();
        // serde reports these only as text; its wording has been stable for years.
        let quoted = |prefix: &str| {
            let rest = message.strip_prefix(prefix)?;
            let end = rest.find('`')?;
            Some(rest[..end].to_string())
        };
        let problem = if let Some(field) = quoted("missing field `") {
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&field);
            FieldProblem::Missing
        } else if let Some(word) = quoted("unknown variant `") {
            FieldProblem::UnknownValue(word)
        } else if message.starts_with("invalid type") {
            FieldProblem::WrongKind
        } else {
            FieldProblem::BadValue
        };
        InvalidField { path, problem }
    }
}

/// A JSON object or array that ends before it is closed: the file was cut
/// (an interrupted download or copy), not some other kind of file.
pub fn is_cut_json(text: &str) -> bool {
    serde_json::from_str::<serde::de::IgnoredAny>(text).is_err_and(|e| cut_off(text, &e))
}

fn cut_off(text: &str, e: &serde_json::Error) -> bool {
    e.is_eof() && text.trim_start().starts_with(['{', '['])
}

/// SHA-256 of the canonical JSON of `case`.
pub fn case_digest(case: &Case) -> String {
    // Cannot fail: the model has only string map keys and derived impls.
    sha256_hex(&serde_json::to_vec(case).unwrap_or_default())
}

pub fn export(case: &Case, now: DateTime<Utc>, app_version: &str) -> String {
    let backup = Backup {
        kind: BACKUP_TYPE.to_string(),
        schema: SCHEMA,
        exported_at: now,
        app_version: app_version.to_string(),
        sha256: case_digest(case),
        case: case.clone(),
    };
    // Cannot fail, as in `case_digest`.
    serde_json::to_string(&backup).unwrap_or_default()
}

/// Check and read a backup file. Checks run cheapest first, and the envelope
/// is read before the case so a newer file says "newer", not "damaged".
/// After the digest, contacts are put in number order and every record is
/// checked against [`invariants::check`].
pub fn parse(text: &str) -> Result<Backup, BackupError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(BackupError::TooLarge {
            bytes: text.len(),
            max: MAX_BACKUP_BYTES,
        });
    }
    if nesting_exceeds(text, MAX_DEPTH) {
        return Err(BackupError::TooDeep);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        if cut_off(text, &e) {
            BackupError::Truncated
        } else if ["escape", "surrogate", "code point"]
            .iter()
            .any(|w| e.to_string().contains(w))
        {
            BackupError::BrokenText {
                line: e.line(),
                column: e.column(),
            }
        } else {
            BackupError::NotJson
        }
    })?;
    if value.get("type").and_then(Value::as_str) != Some(BACKUP_TYPE) {
        return Err(BackupError::WrongType);
    }
    match value.get("schema").and_then(Value::as_u64) {
        Some(n) if n > u64::from(SCHEMA) => {
            return Err(BackupError::NewerSchema(
                u32::try_from(n).unwrap_or(u32::MAX),
            ))
        }
        Some(n) if n >= 1 => {}
        _ => {
            return Err(BackupError::Invalid(InvalidField {
                path: "schema".into(),
                problem: FieldProblem::BadValue,
            }))
        }
    }
    let mut backup: Backup = serde_path_to_error::deserialize(value)
        .map_err(|e| BackupError::Invalid(InvalidField::from_serde(e)))?;
    if case_digest(&backup.case) != backup.sha256 {
        return Err(BackupError::DigestMismatch);
    }
    // The digest covers the file as written; order is then the app's own.
    invariants::put_in_order(&mut backup.case);
    invariants::check(&backup.case).map_err(BackupError::Records)?;
    Ok(backup)
}

/// Whether `[`/`{` nest deeper than `limit` outside strings. Linear, no allocation.
fn nesting_exceeds(text: &str, limit: usize) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                if depth > limit {
                    return true;
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    false
}

/// Per kind of record: what a merge would do with the incoming ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct KindCounts {
    pub incoming: usize,
    /// Not present: added.
    pub new: usize,
    /// Already present: skipped.
    pub identical: usize,
    /// Contacts: same seq, other content: added under a new seq.
    /// Debts, agreements, events: same id, other content: the existing one is kept.
    pub conflicting: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPreview {
    pub contacts: KindCounts,
    pub debts: KindCounts,
    pub agreements: KindCounts,
    pub events: KindCounts,
    /// Incoming contacts in the bin.
    pub deleted_contacts: usize,
    /// Earliest and latest incoming contact, by instant.
    pub contact_range: Option<(DateTime<FixedOffset>, DateTime<FixedOffset>)>,
    /// Whether the incoming hash chain verifies; a merge rehashes everything,
    /// so warn before merging a file whose chain is broken.
    pub incoming_chain_ok: bool,
}

/// What [`merge`] would do, computed by the same code so the numbers match.
pub fn preview(current: &Case, incoming: &Case) -> ImportPreview {
    let (_, counts, _) = merge_counted(current, incoming);
    let instants = incoming.contacts.iter().map(|c| c.data.at);
    let contact_range = instants.clone().min().zip(instants.max());
    ImportPreview {
        deleted_contacts: incoming.contacts.iter().filter(|c| !c.is_active()).count(),
        contact_range,
        incoming_chain_ok: verify_chain(&incoming.contacts).ok,
        ..counts
    }
}

/// Add what `incoming` has and `current` lacks; keep everything in `current`
/// (settings and debtor included; an empty debtor takes the incoming one, as
/// on a fresh device). Merging the same file twice adds nothing.
///
/// An incoming contact is already present when a contact with the same
/// `created_at` has the same data, now or in its history (an older copy of a
/// contact edited since). Otherwise it is added, keeping its seq if free, or
/// appended with a new seq. Debts, agreements and events match by id. The
/// hash chain is recomputed afterwards.
///
/// Refused, with nothing changed, when a contact would need a number past
/// [`MAX_SEQ`].
pub fn merge(current: &Case, incoming: &Case) -> Result<Case, ContactError> {
    let (merged, _, fits) = merge_counted(current, incoming);
    if fits {
        Ok(merged)
    } else {
        Err(ContactError::NoFreeNumber)
    }
}

/// The incoming file replaces everything.
pub fn replace(backup: Backup) -> Case {
    backup.case
}

/// The merged case, the counts, and whether every contact got a number
/// (when not, the case is incomplete and must not be stored).
fn merge_counted(current: &Case, incoming: &Case) -> (Case, ImportPreview, bool) {
    let mut merged = current.clone();
    let mut counts = ImportPreview::default();

    let mut by_created: HashMap<DateTime<Utc>, Vec<usize>> = HashMap::new();
    for (i, c) in merged.contacts.iter().enumerate() {
        by_created.entry(c.created_at).or_default().push(i);
    }
    let mut seqs: HashSet<u32> = merged.contacts.iter().map(|c| c.seq).collect();
    // Past every incoming seq too, so a renumbered contact never takes the
    // seq a later incoming contact keeps. Counted in u64: no overflow.
    let top = |c: &Case| c.contacts.iter().map(|c| c.seq).max().unwrap_or(0);
    let mut next_seq = u64::from(top(current).max(top(incoming))) + 1;
    let mut fits = true;

    let mut incoming_contacts: Vec<&Contact> = incoming.contacts.iter().collect();
    incoming_contacts.sort_by_key(|c| c.seq);
    for c in incoming_contacts {
        counts.contacts.incoming += 1;
        let known = by_created.get(&c.created_at).is_some_and(|ids| {
            ids.iter()
                .filter_map(|i| merged.contacts.get(*i))
                .any(|m| m.data == c.data || m.history.iter().any(|past| past.data == c.data))
        });
        if known {
            counts.contacts.identical += 1;
            continue;
        }
        let mut added = c.clone();
        // A reserved number's place may hold a damaged or newer entry (see
        // `Case::reserved_seqs`): never put another entry there.
        if seqs.contains(&c.seq) || current.reserved_seqs.contains(&c.seq) {
            counts.contacts.conflicting += 1;
            while u32::try_from(next_seq).is_ok_and(|s| current.reserved_seqs.contains(&s)) {
                next_seq += 1;
            }
            match u32::try_from(next_seq).ok().filter(|s| *s <= MAX_SEQ) {
                Some(seq) => added.seq = seq,
                None => {
                    fits = false;
                    continue;
                }
            }
        } else {
            counts.contacts.new += 1;
        }
        seqs.insert(added.seq);
        next_seq = next_seq.max(u64::from(added.seq) + 1);
        by_created
            .entry(added.created_at)
            .or_default()
            .push(merged.contacts.len());
        merged.contacts.push(added);
    }
    rehash_chain(&mut merged.contacts);

    counts.debts = merge_by_id(&mut merged.debts, &incoming.debts, |d| &d.id);
    counts.agreements = merge_by_id(&mut merged.agreements, &incoming.agreements, |a| &a.id);
    counts.events = merge_by_id(&mut merged.events, &incoming.events, |e| &e.id);
    if merged.debtor == Debtor::default() {
        merged.debtor = incoming.debtor.clone();
    }
    (merged, counts, fits)
}

fn merge_by_id<T: Clone + PartialEq>(
    into: &mut Vec<T>,
    incoming: &[T],
    id: impl Fn(&T) -> &RecordId,
) -> KindCounts {
    let mut counts = KindCounts {
        incoming: incoming.len(),
        ..KindCounts::default()
    };
    let mut index: HashMap<RecordId, usize> = into
        .iter()
        .enumerate()
        .map(|(i, r)| (id(r).clone(), i))
        .collect();
    for record in incoming {
        match index.get(id(record)).and_then(|i| into.get(*i)) {
            Some(existing) if existing == record => counts.identical += 1,
            Some(_) => counts.conflicting += 1,
            None => {
                counts.new += 1;
                index.insert(id(record).clone(), into.len());
                into.push(record.clone());
            }
        }
    }
    counts
}

#[cfg(test)]
#[path = "backup_hostile_tests.rs"]
mod hostile_tests;

#[cfg(test)]
mod tests {
    #[test]
    fn merging_into_a_fresh_device_brings_the_profile_but_never_overwrites_one() {
        let mut incoming = Case::default();
        incoming.debtor.name = "王小明".into();
        let merged = merge(&Case::default(), &incoming).unwrap();
        assert_eq!(merged.debtor.name, "王小明");
        let mut current = Case::default();
        current.debtor.phone = "13800000000".into();
        let merged = merge(&current, &incoming).unwrap();
        assert_eq!(merged.debtor, current.debtor);
    }

    use super::*;
    use crate::domain::contacts::{add_contact, delete_contact, edit_contact};
    use crate::domain::model::{
        Agreement, CaseEvent, ContactData, Debt, EventKind, FileProof, PastVersion, Source, Tick,
    };
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    fn now() -> DateTime<Utc> {
        "2026-03-10T12:00:00Z".parse().unwrap()
    }

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn rich_case() -> Case {
        let mut case = Case::default();
        case.debtor.name = "李四".into();
        case.debts.push(Debt {
            id: "d1".into(),
            lender: "某某消费金融".into(),
            ..Debt::default()
        });
        case.agreements.push(Agreement {
            id: "a1".into(),
            debt_id: "d1".into(),
            date_reached: "2026-02-01".parse().unwrap(),
            ..Agreement::default()
        });
        case.events.push(CaseEvent {
            id: "e1".into(),
            kind: EventKind::Complaint,
            at: at("2026-03-02T09:00:00+08:00"),
            until: None,
            daily_window: None,
            place: None,
            debt_id: None,
            party: "12378".into(),
            channel: String::new(),
            replied_on: None,
            note: "投诉 \"quoted\" 😡".into(),
        });
        for (i, t) in ["2026-03-01T22:30:00+08:00", "2026-03-02T09:00:00-05:00"]
            .iter()
            .enumerate()
        {
            let mut d = ContactData {
                at: at(t),
                from_number: format!("1380013800{i}"),
                debt_id: Some("d1".into()),
                duration_secs: Some(65),
                ..ContactData::default()
            };
            d.ticks.insert(Tick::ThreatHarm);
            d.attachments.push(FileProof {
                name: "录音.m4a".into(),
                size: 1,
                mime: "audio/mp4".into(),
                sha256: "a".repeat(64),
            });
            add_contact(
                &mut case,
                d,
                Source::Manual,
                now() + chrono::Duration::seconds(i as i64),
            )
            .unwrap();
        }
        let edited = ContactData {
            notes: "更正".into(),
            ..case.contacts[0].data.clone()
        };
        edit_contact(&mut case, 1, edited, now()).unwrap();
        delete_contact(&mut case, 2, now()).unwrap();
        case
    }

    #[test]
    fn round_trip_is_identical() {
        let case = rich_case();
        let text = export(&case, now(), "0.1.0");
        let b = parse(&text).unwrap();
        assert_eq!(b.case, case);
        assert_eq!(
            (b.kind.as_str(), b.schema, b.exported_at),
            (BACKUP_TYPE, SCHEMA, now())
        );
        assert_eq!(b.app_version, "0.1.0");
        assert_eq!(b.sha256, case_digest(&case));
        assert_eq!(b.case.contacts[0].history.len(), 1);
        assert!(verify_chain(&b.case.contacts).ok);
        // Offsets survive, not just instants (PartialEq compares instants only).
        assert_eq!(
            b.case.contacts[1].data.at.offset().local_minus_utc(),
            -5 * 3600
        );
        assert_eq!(replace(b), case);
    }

    fn envelope(edit: impl FnOnce(&mut Value)) -> String {
        let mut v: Value = serde_json::from_str(&export(&rich_case(), now(), "1")).unwrap();
        edit(&mut v);
        v.to_string()
    }

    #[test]
    fn refusals() {
        assert_eq!(parse("not json"), Err(BackupError::NotJson));
        assert_eq!(parse(""), Err(BackupError::NotJson));
        // A download cut short is named as such, not "not JSON" (issue 20, item 8).
        assert_eq!(
            parse("{\"type\": \"debt-evidence-kit-backup\""),
            Err(BackupError::Truncated)
        );
        let full = export(&rich_case(), now(), "1");
        for cut in [full.len() / 3, full.len() - 1] {
            let cut = (0..=cut).rev().find(|i| full.is_char_boundary(*i)).unwrap();
            assert_eq!(parse(&full[..cut]), Err(BackupError::Truncated), "{cut}");
            assert!(is_cut_json(&full[..cut]));
        }
        assert!(!is_cut_json(&full));
        assert!(!is_cut_json("not json"));
        assert!(!is_cut_json("  "));
        assert_eq!(parse("[1,2]"), Err(BackupError::WrongType));
        assert_eq!(
            parse("{\"type\":\"excalidraw\"}"),
            Err(BackupError::WrongType)
        );
        assert_eq!(
            parse(&envelope(|v| v["type"] = 5.into())),
            Err(BackupError::WrongType)
        );
        assert_eq!(
            parse(&envelope(|v| v["schema"] = 2.into())),
            Err(BackupError::NewerSchema(2))
        );
        assert_eq!(
            parse(&envelope(|v| v["schema"] = (1u64 << 40).into())),
            Err(BackupError::NewerSchema(u32::MAX))
        );
        for bad in [
            Value::from(0),
            Value::from("1"),
            Value::from(1.5),
            Value::Null,
        ] {
            let text = envelope(|v| v["schema"] = bad);
            assert_eq!(
                parse(&text),
                Err(invalid("schema", FieldProblem::BadValue)),
                "{text:.80}"
            );
        }
        let tampered = envelope(|v| v["case"]["contacts"][0]["data"]["notes"] = "changed".into());
        assert_eq!(parse(&tampered), Err(BackupError::DigestMismatch));
        // Each refusal names the field, in words the app can translate.
        let wrong_types = envelope(|v| v["case"]["contacts"][0]["seq"] = "one".into());
        assert_eq!(
            parse(&wrong_types),
            Err(invalid("case.contacts[0].seq", FieldProblem::WrongKind))
        );
        let float = envelope(|v| v["case"]["contacts"][0]["seq"] = 1.5.into());
        assert_eq!(
            parse(&float),
            Err(invalid("case.contacts[0].seq", FieldProblem::WrongKind))
        );
        let bad_enum = envelope(|v| v["case"]["contacts"][0]["data"]["channel"] = "fax".into());
        assert_eq!(
            parse(&bad_enum),
            Err(invalid(
                "case.contacts[0].data.channel",
                FieldProblem::UnknownValue("fax".into())
            ))
        );
        let no_case = envelope(|v| {
            v.as_object_mut().unwrap().remove("case");
        });
        assert_eq!(parse(&no_case), Err(invalid("case", FieldProblem::Missing)));
        let no_digest = envelope(|v| {
            v.as_object_mut().unwrap().remove("sha256");
        });
        assert_eq!(
            parse(&no_digest),
            Err(invalid("sha256", FieldProblem::Missing))
        );
        let bad_date = envelope(|v| v["case"]["contacts"][0]["created_at"] = "yesterday".into());
        assert_eq!(
            parse(&bad_date),
            Err(invalid(
                "case.contacts[0].created_at",
                FieldProblem::BadValue
            ))
        );
    }

    fn invalid(path: &str, problem: FieldProblem) -> BackupError {
        BackupError::Invalid(InvalidField {
            path: path.into(),
            problem,
        })
    }

    /// A `\uD800` escape with no partner is valid JSON syntax to the eye but no
    /// text: the file is named damaged at its place, not "not JSON".
    #[test]
    fn an_unpaired_surrogate_escape_is_named_where_it_is() {
        let text = envelope(|_| {}).replacen("\"notes\":\"", "\"notes\":\"\\ud800", 1);
        assert!(text.contains("\\ud800"));
        let Err(BackupError::BrokenText { line: 1, column }) = parse(&text) else {
            panic!("{:?}", parse(&text));
        };
        let at = text.find("\\ud800").unwrap_or_default() + 1;
        assert!((at..at + 8).contains(&column), "{column} vs {at}");
        assert_eq!(parse("{\"a\":1"), Err(BackupError::Truncated));
        assert_eq!(parse("hello"), Err(BackupError::NotJson));
    }

    #[test]
    fn repeated_seq_refused() {
        let mut case = rich_case();
        case.contacts[1].seq = 1;
        let text = export(&case, now(), "1");
        let Err(BackupError::Records(p)) = parse(&text) else {
            panic!("accepted");
        };
        assert_eq!(
            (&p.first[0].record, &p.first[0].problem),
            (
                &invariants::Record::Contact(1),
                &invariants::Problem::SeqRepeated
            )
        );
    }

    #[test]
    fn huge_strings_within_the_limit_are_fine() {
        let mut case = rich_case();
        case.contacts[0].data.notes = "证".repeat(2_000_000);
        let text = export(&case, now(), "1");
        assert_eq!(parse(&text).unwrap().case, case);
    }

    #[test]
    fn oversize_file_refused_before_parsing() {
        let text = " ".repeat(MAX_BACKUP_BYTES + 1);
        assert_eq!(
            parse(&text),
            Err(BackupError::TooLarge {
                bytes: MAX_BACKUP_BYTES + 1,
                max: MAX_BACKUP_BYTES
            })
        );
    }

    #[test]
    fn deep_nesting_does_not_crash() {
        // serde_json's own recursion limit (128) turns this into an error, not
        // a stack overflow: checked here so a dependency change is noticed.
        let deep = "[".repeat(100_000);
        assert!(serde_json::from_str::<Value>(&deep).is_err());
        assert_eq!(parse(&deep), Err(BackupError::TooDeep));
        let mid = format!("{}{}", "[".repeat(100), "]".repeat(100));
        assert!(serde_json::from_str::<Value>(&mid).is_ok());
        assert_eq!(parse(&mid), Err(BackupError::TooDeep));
        let ok_depth = format!("{}{{}}{}", "{\"a\":".repeat(63), "}".repeat(63));
        assert_eq!(parse(&ok_depth), Err(BackupError::WrongType));
        // Brackets inside strings do not count.
        let mut case = rich_case();
        case.contacts[0].data.notes = "[{\\\"".repeat(1000);
        assert_eq!(parse(&export(&case, now(), "1")).unwrap().case, case);
    }

    #[test]
    fn merge_into_empty_and_twice() {
        let incoming = rich_case();
        let merged = merge(&Case::default(), &incoming).unwrap();
        assert_eq!(merged.contacts, incoming.contacts);
        assert_eq!(merged.debts, incoming.debts);
        assert_eq!(merge(&merged, &incoming).unwrap(), merged);
        assert_eq!(merge(&incoming, &incoming).unwrap(), incoming);
    }

    #[test]
    fn merge_appends_clashing_seqs_and_keeps_existing() {
        let mut current = Case::default();
        current.debts.push(Debt {
            id: "d1".into(),
            lender: "mine".into(),
            ..Debt::default()
        });
        let d = ContactData {
            at: at("2026-03-05T10:00:00+08:00"),
            ..ContactData::default()
        };
        add_contact(
            &mut current,
            d,
            Source::Manual,
            "2026-03-05T02:00:00Z".parse().unwrap(),
        )
        .unwrap();
        let incoming = rich_case();

        let p = preview(&current, &incoming);
        assert_eq!(
            p.contacts,
            KindCounts {
                incoming: 2,
                new: 1,
                identical: 0,
                conflicting: 1
            }
        );
        assert_eq!(
            p.debts,
            KindCounts {
                incoming: 1,
                new: 0,
                identical: 0,
                conflicting: 1
            }
        );
        assert_eq!(p.agreements.new, 1);
        assert_eq!(p.events.new, 1);
        assert_eq!(p.deleted_contacts, 1);
        assert_eq!(
            p.contact_range,
            Some((
                at("2026-03-01T22:30:00+08:00"),
                at("2026-03-02T09:00:00-05:00")
            ))
        );
        assert!(p.incoming_chain_ok);

        let merged = merge(&current, &incoming).unwrap();
        assert_eq!(merged.contacts.len(), 3);
        assert_eq!(
            merged.contacts[0].data, current.contacts[0].data,
            "existing kept at seq 1"
        );
        assert_eq!(merged.contacts[1].seq, 2, "free seq kept");
        assert_eq!(merged.contacts[1].data, incoming.contacts[1].data);
        assert_eq!(merged.contacts[2].seq, 3, "clashing seq 1 appended");
        assert_eq!(merged.contacts[2].history, incoming.contacts[0].history);
        assert_eq!(merged.debts[0].lender, "mine");
        assert!(verify_chain(&merged.contacts).ok);
        assert_eq!(merge(&merged, &incoming).unwrap(), merged);
        assert_eq!(preview(&merged, &incoming).contacts.identical, 2);
    }

    #[test]
    fn merge_never_puts_an_entry_at_a_reserved_number() {
        let mut current = rich_case();
        current.contacts.clear();
        let incoming = rich_case();
        let held: BTreeSet<u32> = incoming.contacts.iter().map(|c| c.seq).take(2).collect();
        assert_eq!(held.len(), 2);
        current.reserved_seqs = held.clone();
        let merged = merge(&current, &incoming).unwrap();
        assert!(merged.contacts.iter().all(|c| !held.contains(&c.seq)));
        assert_eq!(merged.contacts.len(), incoming.contacts.len());
        assert_eq!(merged.reserved_seqs, held);
    }

    /// Issue 18 item 4: numbers handed out by a merge are checked too.
    #[test]
    fn merge_never_numbers_past_the_limit() {
        let mut current = rich_case();
        current.contacts[1].seq = MAX_SEQ;
        rehash_chain(&mut current.contacts);
        let mut incoming = rich_case();
        // Another #1: it needs a new number, after MAX_SEQ.
        incoming.contacts[0].data.notes = "other".into();
        rehash_chain(&mut incoming.contacts);
        assert_eq!(merge(&current, &incoming), Err(ContactError::NoFreeNumber));
        assert_eq!(preview(&current, &incoming).contacts.conflicting, 1);
        current.contacts[1].seq = MAX_SEQ - 1;
        rehash_chain(&mut current.contacts);
        let merged = merge(&current, &incoming).unwrap();
        assert_eq!(merged.contacts.last().map(|c| c.seq), Some(MAX_SEQ));
        assert_eq!(merged.contacts.len(), 3);
    }

    #[test]
    fn older_copy_of_an_edited_contact_is_not_added_again() {
        let old = rich_case();
        let mut current = old.clone();
        let newer = ContactData {
            notes: "edited again".into(),
            ..current.contacts[0].data.clone()
        };
        edit_contact(&mut current, 1, newer, now()).unwrap();
        let merged = merge(&current, &old).unwrap();
        assert_eq!(merged, current);
    }

    #[test]
    fn preview_flags_a_broken_incoming_chain() {
        let mut incoming = rich_case();
        incoming.contacts[0].data.notes = "edited outside the app".into();
        assert!(!preview(&Case::default(), &incoming).incoming_chain_ok);
    }

    fn arb_contact() -> impl Strategy<Value = Contact> {
        (
            1u32..6,
            0i64..4,
            0u32..4,
            0usize..3,
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(seq, created, minute, notes, deleted, edited)| {
                let base: DateTime<Utc> = "2026-03-01T00:00:00Z".parse().unwrap();
                let data = ContactData {
                    at: at("2026-03-01T10:00:00+08:00") + chrono::Duration::minutes(minute.into()),
                    notes: ["", "a", "b"][notes].into(),
                    ..ContactData::default()
                };
                let history = if edited {
                    vec![PastVersion {
                        replaced_at: base,
                        data: ContactData::default(),
                    }]
                } else {
                    Vec::new()
                };
                Contact {
                    seq,
                    created_at: base + chrono::Duration::seconds(created),
                    source: Source::Manual,
                    data,
                    history,
                    deleted_at: deleted.then_some(base),
                    hash: String::new(),
                }
            })
    }

    fn arb_case() -> impl Strategy<Value = Case> {
        let debts = prop::collection::vec((0u8..3, 0u8..2), 0..3);
        (prop::collection::vec(arb_contact(), 0..6), debts).prop_map(|(contacts, debts)| {
            let mut case = Case::default();
            let mut seen = HashSet::new();
            case.contacts = contacts
                .into_iter()
                .filter(|c| seen.insert(c.seq))
                .collect();
            rehash_chain(&mut case.contacts);
            let mut ids = HashSet::new();
            case.debts = debts
                .into_iter()
                .filter(|(id, _)| ids.insert(*id))
                .map(|(id, l)| Debt {
                    id: id.to_string(),
                    lender: l.to_string(),
                    ..Debt::default()
                })
                .collect();
            case
        })
    }

    proptest! {
        #[test]
        fn merge_is_idempotent(a in arb_case(), b in arb_case()) {
            let once = merge(&a, &b).unwrap();
            prop_assert_eq!(&merge(&once, &b).unwrap(), &once);
            prop_assert!(verify_chain(&once.contacts).ok);
            // Nothing existing is lost.
            for c in &a.contacts {
                prop_assert!(once.contacts.iter().any(|m| m.seq == c.seq && m.data == c.data));
            }
            for c in &b.contacts {
                prop_assert!(once.contacts.iter().any(|m| m.created_at == c.created_at
                    && (m.data == c.data || m.history.iter().any(|p| p.data == c.data))));
            }
            let p = preview(&a, &b);
            prop_assert_eq!(once.contacts.len(), a.contacts.len() + p.contacts.new + p.contacts.conflicting);
        }

        #[test]
        fn export_parse_round_trip(a in arb_case()) {
            prop_assert_eq!(parse(&export(&a, now(), "1")).unwrap().case, a);
        }
    }
}
