//! Contacts: the form draft and its validation, the honest record (edits keep
//! history, deletes go to a bin), the hash chain, browsing and duplicates.
//!
//! # Hash chain
//! Each contact's `hash` is SHA-256 over a canonical JSON of
//! `(prev, seq, created_at, source, data, history, deleted_at)`, where `prev`
//! is the hash of the contact with the next lower `seq` ([`GENESIS_HASH`] for
//! the first). Adding a contact hashes only the new entry. Editing, deleting
//! or restoring an entry rehashes it and every later one, so the chain head
//! changes: a head printed in an earlier evidence report no longer matches,
//! which makes any later change visible. The change itself stays readable in
//! `history` (with `replaced_at`) or `deleted_at`. Data changed outside the
//! app without rehashing is caught by [`verify_chain`].

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{
    DateTime, Datelike, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, TimeZone,
    Timelike, Utc,
};
use chrono_tz::Tz;
use serde::Serialize;

use crate::domain::hash::sha256_hex;
use crate::domain::model::{
    Case, Channel, ClaimedOrg, Contact, ContactData, Direction, FileProof, Outcome, PastVersion,
    Source, Target, Tick,
};
use crate::domain::{phone, time};

/// Longest accepted free-text field, in characters (a pasted chat log fits;
/// localStorage does not fill up from one runaway paste).
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Longest accepted contact: a day. Anything longer is a typing mistake.
pub const MAX_DURATION_SECS: u32 = 24 * 60 * 60;
/// `prev` of the first contact in the chain.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";
/// rules.md §2: the same number within ±60 s is one contact.
pub const DUPLICATE_WINDOW_SECS: i64 = 60;
/// Earliest year accepted in the date field: catches "0226" for "2026". The
/// latest is that of [`time::YEARS`], so every entry can be backed up and read back.
const MIN_YEAR: i32 = 1970;

// ---------------------------------------------------------------------------
// Form draft and validation
// ---------------------------------------------------------------------------

/// What the contact form holds. Typed inputs (dates, times, counts) stay raw
/// strings so a half-typed value is kept and reported, never lost; closed sets
/// (selects, checkboxes) are already typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ContactDraft {
    /// "YYYY-MM-DD" ("/" or "." separators and full-width digits accepted).
    pub date: String,
    /// Start, "HH:MM" or "HH:MM:SS".
    pub time: String,
    /// End, same day, "HH:MM[:SS]"; empty = not given.
    pub end_time: String,
    /// Minutes, "M" or "M:SS"; empty = not given.
    pub duration: String,
    /// IANA zone the date and times are in.
    pub zone: String,
    pub channel: Channel,
    /// Used for calls only.
    pub outcome: Outcome,
    pub direction: Direction,
    pub from_number: String,
    pub collector_name: String,
    pub collector_id: String,
    pub claimed_org: ClaimedOrg,
    /// Empty = unknown creditor.
    pub debt_id: String,
    pub agency: String,
    pub target: Target,
    pub target_name: String,
    pub number_dialled: String,
    /// Kept for third-party targets only.
    pub debtor_reachable: Option<bool>,
    pub ticks: BTreeSet<Tick>,
    /// Visits only; empty = not known.
    pub visit_staff: String,
    pub notes: String,
    pub witnesses: String,
    pub impact: String,
    pub attachments: Vec<FileProof>,
    /// Made from the call companion's call that started then: saving it
    /// finishes that call, and it is not saved twice (see `storage::forms`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_call: Option<DateTime<Utc>>,
}

impl ContactDraft {
    /// Whether the user typed or ticked anything beyond the quick-log defaults
    /// (worth keeping when the app locks mid-entry).
    pub fn has_input(&self) -> bool {
        let texts = [
            &self.from_number,
            &self.collector_name,
            &self.collector_id,
            &self.agency,
            &self.target_name,
            &self.number_dialled,
            &self.visit_staff,
            &self.notes,
            &self.witnesses,
            &self.impact,
            &self.duration,
            &self.end_time,
        ];
        texts.iter().any(|t| !t.trim().is_empty())
            || !self.ticks.is_empty()
            || !self.attachments.is_empty()
    }

    /// A draft starting at `now` (to the minute) in `zone`: the quick-log
    /// screen fills in channel, number, outcome and ticks, then validates.
    pub fn quick(now: DateTime<Utc>, zone: &str) -> ContactDraft {
        let local = now.with_timezone(&time::zone(zone)).naive_local();
        ContactDraft {
            date: local.format("%Y-%m-%d").to_string(),
            time: local.format("%H:%M").to_string(),
            zone: zone.to_string(),
            ..ContactDraft::default()
        }
    }
}

/// A form field that can carry an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Date,
    Time,
    EndTime,
    Duration,
    Zone,
    FromNumber,
    CollectorName,
    CollectorId,
    DebtId,
    Agency,
    TargetName,
    NumberDialled,
    VisitStaff,
    Notes,
    Witnesses,
    Impact,
}

/// Why a field was refused. The UI maps each code to a translated message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldError {
    Required,
    InvalidDate,
    InvalidTime,
    InvalidDuration,
    /// Visit staff: a whole number from 1 to 255.
    InvalidCount,
    UnknownZone,
    /// The local time does not exist: skipped by a daylight-saving change.
    NonexistentTime,
    EndBeforeStart,
    /// End time and duration both given and more than a minute apart.
    EndDurationMismatch,
    DurationTooLong {
        max_minutes: u32,
    },
    TooLong {
        max_chars: usize,
        chars: usize,
    },
}

/// Saved anyway, but shown to the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Warning {
    /// The start is later than now.
    InFuture,
    /// A call or SMS without a number: shown as "unknown number".
    NumberUnknown,
    /// The local time happened twice (daylight saving ended); the earlier was taken.
    AmbiguousTime,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FieldErrors(pub BTreeMap<Field, FieldError>);

impl FieldErrors {
    pub fn get(&self, field: Field) -> Option<FieldError> {
        self.0.get(&field).copied()
    }
}

/// Check a draft and build the contact data. All field errors are reported at
/// once; warnings do not stop saving.
pub fn validate(
    draft: &ContactDraft,
    now: DateTime<Utc>,
) -> Result<(ContactData, Vec<Warning>), FieldErrors> {
    let mut errors = BTreeMap::new();
    let mut warnings = Vec::new();

    let tz = match draft.zone.trim() {
        "" => {
            errors.insert(Field::Zone, FieldError::Required);
            None
        }
        name => name
            .parse::<Tz>()
            .map_err(|_| errors.insert(Field::Zone, FieldError::UnknownZone))
            .ok(),
    };
    let date = parse_date(&draft.date)
        .map_err(|e| errors.insert(Field::Date, e))
        .ok();
    let start_time = parse_time(&draft.time)
        .map_err(|e| errors.insert(Field::Time, e))
        .ok();
    let start = match (tz, date, start_time) {
        (Some(tz), Some(date), Some(t)) => match resolve(tz, date.and_time(t)) {
            Ok((at, ambiguous)) => {
                if ambiguous {
                    warnings.push(Warning::AmbiguousTime);
                }
                Some(at)
            }
            Err(e) => {
                errors.insert(Field::Time, e);
                None
            }
        },
        _ => None,
    };

    let by_end = if draft.end_time.trim().is_empty() {
        None
    } else {
        let end = parse_time(&draft.end_time).and_then(|t| match (tz, date, start) {
            (Some(tz), Some(date), Some(start)) => {
                let (end, _) = resolve(tz, date.and_time(t))?;
                u32::try_from((end - start).num_seconds()).map_err(|_| FieldError::EndBeforeStart)
            }
            // Nothing to compare with: the start's own error is shown.
            _ => Ok(0),
        });
        end.map_err(|e| errors.insert(Field::EndTime, e)).ok()
    };
    let by_duration = if draft.duration.trim().is_empty() {
        None
    } else {
        parse_duration(&draft.duration)
            .map_err(|e| errors.insert(Field::Duration, e))
            .ok()
    };
    let duration_secs = match (by_end, by_duration) {
        // End times are typed to the minute: allow less than a minute apart.
        (Some(e), Some(d)) if e.abs_diff(d) >= 60 => {
            errors.insert(Field::Duration, FieldError::EndDurationMismatch);
            None
        }
        (Some(secs), _) | (None, Some(secs)) => Some(secs),
        (None, None) => None,
    };
    if let Some(secs) = duration_secs.filter(|s| *s > MAX_DURATION_SECS) {
        let field = if by_end == Some(secs) {
            Field::EndTime
        } else {
            Field::Duration
        };
        errors.insert(
            field,
            FieldError::DurationTooLong {
                max_minutes: MAX_DURATION_SECS / 60,
            },
        );
    }

    let mut text = |field: Field, raw: &str| -> String {
        let s = raw.trim();
        let chars = s.chars().count();
        if chars > MAX_TEXT_CHARS {
            errors.insert(
                field,
                FieldError::TooLong {
                    max_chars: MAX_TEXT_CHARS,
                    chars,
                },
            );
        }
        s.to_string()
    };
    let from_number = text(Field::FromNumber, &draft.from_number);
    let collector_name = text(Field::CollectorName, &draft.collector_name);
    let collector_id = text(Field::CollectorId, &draft.collector_id);
    let debt_id = text(Field::DebtId, &draft.debt_id);
    let agency = text(Field::Agency, &draft.agency);
    let target_name = text(Field::TargetName, &draft.target_name);
    let number_dialled = text(Field::NumberDialled, &draft.number_dialled);
    let notes = text(Field::Notes, &draft.notes);
    let witnesses = text(Field::Witnesses, &draft.witnesses);
    let impact = text(Field::Impact, &draft.impact);

    let visit_staff = if draft.channel.is_visit() && !draft.visit_staff.trim().is_empty() {
        match normalize_digits(&draft.visit_staff).parse::<u8>() {
            Ok(n) if n > 0 => Some(n),
            _ => {
                errors.insert(Field::VisitStaff, FieldError::InvalidCount);
                None
            }
        }
    } else {
        None
    };

    if from_number.is_empty() && matches!(draft.channel, Channel::Call | Channel::Sms) {
        warnings.push(Warning::NumberUnknown);
    }

    match start {
        Some(at) if errors.is_empty() => {
            if at > now {
                warnings.push(Warning::InFuture);
            }
            let data = ContactData {
                at,
                duration_secs,
                channel: draft.channel,
                outcome: draft.channel.is_call().then_some(draft.outcome),
                direction: draft.direction,
                from_number,
                collector_name,
                collector_id,
                claimed_org: draft.claimed_org,
                debt_id: (!debt_id.is_empty()).then_some(debt_id),
                agency,
                target: draft.target,
                target_name,
                number_dialled,
                debtor_reachable: draft
                    .debtor_reachable
                    .filter(|_| draft.target.is_third_party()),
                ticks: draft.ticks.clone(),
                visit_staff,
                notes,
                witnesses,
                impact,
                attachments: draft.attachments.clone(),
            };
            Ok((data, warnings))
        }
        _ => Err(FieldErrors(errors)),
    }
}

/// The form content for editing `data`, with times shown in `zone`.
/// `validate(&draft_from(d, z), now)` gives back `d`.
pub fn draft_from(data: &ContactData, zone: Tz) -> ContactDraft {
    let local = time::local(&data.at, zone);
    let time_format = if local.second() == 0 {
        "%H:%M"
    } else {
        "%H:%M:%S"
    };
    ContactDraft {
        date: local.format("%Y-%m-%d").to_string(),
        time: local.format(time_format).to_string(),
        end_time: String::new(),
        duration: data.duration_secs.map(format_duration).unwrap_or_default(),
        zone: zone.name().to_string(),
        channel: data.channel,
        outcome: data.outcome.unwrap_or_default(),
        direction: data.direction,
        from_number: data.from_number.clone(),
        collector_name: data.collector_name.clone(),
        collector_id: data.collector_id.clone(),
        claimed_org: data.claimed_org,
        debt_id: data.debt_id.clone().unwrap_or_default(),
        agency: data.agency.clone(),
        target: data.target,
        target_name: data.target_name.clone(),
        number_dialled: data.number_dialled.clone(),
        debtor_reachable: data.debtor_reachable,
        ticks: data.ticks.clone(),
        visit_staff: data.visit_staff.map(|n| n.to_string()).unwrap_or_default(),
        notes: data.notes.clone(),
        witnesses: data.witnesses.clone(),
        impact: data.impact.clone(),
        attachments: data.attachments.clone(),
        from_call: None,
    }
}

/// Full-width digits and punctuation (Chinese input methods) to ASCII, trimmed.
fn normalize_digits(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '：' => ':',
            '－' | '／' | '．' => '-',
            c => c,
        })
        .collect()
}

fn parse_date(raw: &str) -> Result<NaiveDate, FieldError> {
    let s = normalize_digits(raw).replace(['/', '.'], "-");
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    NaiveDate::parse_from_str(&s, "%Y-%m-%d")
        .ok()
        .filter(|d| (MIN_YEAR..=*time::YEARS.end()).contains(&d.year()))
        .ok_or(FieldError::InvalidDate)
}

fn parse_time(raw: &str) -> Result<NaiveTime, FieldError> {
    let s = normalize_digits(raw);
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    NaiveTime::parse_from_str(&s, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(&s, "%H:%M"))
        .ok()
        // chrono reads ":60" as a leap second; no phone shows one.
        .filter(|t| t.nanosecond() < 1_000_000_000)
        .ok_or(FieldError::InvalidTime)
}

/// "M" or "M:SS" minutes to seconds.
fn parse_duration(raw: &str) -> Result<u32, FieldError> {
    let s = normalize_digits(raw);
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    let (mins, secs) = s.split_once(':').unwrap_or((&s, "0"));
    if !all_digits(mins) || !all_digits(secs) {
        return Err(FieldError::InvalidDuration);
    }
    // Too many digits to parse is certainly longer than a day.
    let too_long = FieldError::DurationTooLong {
        max_minutes: MAX_DURATION_SECS / 60,
    };
    let mins: u32 = mins.parse().map_err(|_| too_long)?;
    let secs: u32 = secs.parse().map_err(|_| FieldError::InvalidDuration)?;
    if secs >= 60 {
        return Err(FieldError::InvalidDuration);
    }
    mins.checked_mul(60)
        .and_then(|m| m.checked_add(secs))
        .ok_or(too_long)
}

fn format_duration(secs: u32) -> String {
    match secs % 60 {
        0 => (secs / 60).to_string(),
        s => format!("{}:{s:02}", secs / 60),
    }
}

/// A wall-clock time in `tz` as an instant; `true` when it was ambiguous.
/// Same choice as [`time::from_local`]: the earlier instant in an overlap.
fn resolve(tz: Tz, naive: NaiveDateTime) -> Result<(DateTime<FixedOffset>, bool), FieldError> {
    match tz.from_local_datetime(&naive) {
        LocalResult::Single(at) => Ok((at.fixed_offset(), false)),
        LocalResult::Ambiguous(earlier, _) => Ok((earlier.fixed_offset(), true)),
        LocalResult::None => Err(FieldError::NonexistentTime),
    }
}

// ---------------------------------------------------------------------------
// The honest record and its hash chain
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContactError {
    NotFound(u32),
    /// The contact is in the bin: restore it first.
    InBin(u32),
    /// Restore asked for a contact that is not in the bin.
    NotInBin(u32),
    /// Every entry number up to [`crate::domain::model::MAX_SEQ`] is used or
    /// reserved: nothing was added.
    NoFreeNumber,
}

/// The fields the hash covers, in a fixed order (serde_json keeps struct order).
#[derive(Serialize)]
struct HashInput<'a> {
    prev: &'a str,
    seq: u32,
    created_at: &'a DateTime<Utc>,
    source: Source,
    data: &'a ContactData,
    history: &'a [PastVersion],
    deleted_at: &'a Option<DateTime<Utc>>,
}

fn contact_hash(c: &Contact, prev: &str) -> String {
    let input = HashInput {
        prev,
        seq: c.seq,
        created_at: &c.created_at,
        source: c.source,
        data: &c.data,
        history: &c.history,
        deleted_at: &c.deleted_at,
    };
    // Cannot fail: only strings, numbers, sets and derived enums, no non-string map keys.
    sha256_hex(&serde_json::to_vec(&input).unwrap_or_default())
}

/// Rehash `contacts[from..]`; `contacts` must be sorted by seq.
fn rehash_from(contacts: &mut [Contact], from: usize) {
    let mut prev = match from.checked_sub(1).and_then(|i| contacts.get(i)) {
        Some(c) => c.hash.clone(),
        None => GENESIS_HASH.to_string(),
    };
    for c in contacts.iter_mut().skip(from) {
        c.hash = contact_hash(c, &prev);
        prev.clone_from(&c.hash);
    }
}

/// Sort by seq and recompute every hash: after a merge or a repair.
pub fn rehash_chain(contacts: &mut [Contact]) {
    contacts.sort_by_key(|c| c.seq);
    rehash_from(contacts, 0);
}

/// What folding in another tab's contact requires of this tab.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// Taken in (new, or a later version of the same entry): nothing to write.
    Taken,
    /// Storage lacks something this tab holds: two entries under one number,
    /// two concurrent edits of one entry, or an older version written over a
    /// newer one. These entries changed here and must be written back.
    Clash { rewrite: Vec<u32> },
}

/// The version an entry was created with.
fn first_data(c: &Contact) -> &ContactData {
    c.history.first().map_or(&c.data, |v| &v.data)
}

/// Two stored forms of one entry: created at the same moment with the same content.
fn same_entry(a: &Contact, b: &Contact) -> bool {
    a.created_at == b.created_at && a.source == b.source && first_data(a) == first_data(b)
}

/// Whether `newer` holds every version of `older` (its data and its history).
fn contains_versions(newer: &Contact, older: &Contact) -> bool {
    let known = |d: &ContactData| newer.data == *d || newer.history.iter().any(|v| v.data == *d);
    known(&older.data) && older.history.iter().all(|v| newer.history.contains(v))
}

/// When an entry's current data was set: its last edit, or its creation.
fn changed_at(c: &Contact) -> DateTime<Utc> {
    c.history.last().map_or(c.created_at, |v| v.replaced_at)
}

/// One entry edited in two tabs at once: the later edit is current, and
/// every other version, the losing edit included, is kept in the history.
/// Symmetric, so both tabs reach the same entry.
fn merge_versions(a: &Contact, b: &Contact) -> Contact {
    let key = |c: &Contact| {
        (
            changed_at(c),
            serde_json::to_string(&c.data).unwrap_or_default(),
        )
    };
    let (winner, loser) = if key(a) >= key(b) { (a, b) } else { (b, a) };
    let mut history: Vec<PastVersion> = winner.history.clone();
    for v in &loser.history {
        // Both hold the original, each replaced at its own edit: keep it once, the earliest.
        if !history.contains(v) && v.data != *first_data(winner) {
            history.push(v.clone());
        }
    }
    if let Some(orig) = history.iter_mut().find(|v| v.data == *first_data(winner)) {
        let earliest = [a, b]
            .iter()
            .filter_map(|c| c.history.first())
            .map(|v| v.replaced_at)
            .min();
        orig.replaced_at = earliest.unwrap_or(orig.replaced_at);
    }
    history.push(PastVersion {
        replaced_at: changed_at(winner),
        data: loser.data.clone(),
    });
    history.sort_by(|x, y| {
        (
            x.replaced_at,
            serde_json::to_string(&x.data).unwrap_or_default(),
        )
            .cmp(&(
                y.replaced_at,
                serde_json::to_string(&y.data).unwrap_or_default(),
            ))
    });
    Contact {
        history,
        ..winner.clone()
    }
}

/// Fold a contact stored by another tab into `case` without losing either
/// side. Another entry under the same number is a clash: the earlier-created
/// keeps the number, the other moves to a new one. Two versions of the same
/// entry are merged (see [`merge_versions`]). Both tabs decide alike, so they
/// converge.
pub fn merge_incoming(case: &mut Case, incoming: Contact) -> Incoming {
    let pos = case.contacts.binary_search_by_key(&incoming.seq, |c| c.seq);
    let Ok(i) = pos else {
        let at = pos.unwrap_or_else(|e| e);
        case.contacts.insert(at, incoming);
        return Incoming::Taken;
    };
    let local = &case.contacts[i];
    if same_entry(local, &incoming) {
        if contains_versions(&incoming, local) {
            case.contacts[i] = incoming;
            return Incoming::Taken;
        }
        if !contains_versions(local, &incoming) {
            case.contacts[i] = merge_versions(local, &incoming);
        }
        rehash_from(&mut case.contacts, i);
        let rewrite = case.contacts[i..].iter().map(|c| c.seq).collect();
        return Incoming::Clash { rewrite };
    }
    let incoming_wins = (incoming.created_at, &incoming.hash) < (local.created_at, &local.hash);
    // Where ours would move to. With no number free (a hostile or newer
    // entry at the top) ours keeps its number, as if it had won.
    let new_seq = case.next_seq();
    let (true, Some(new_seq)) = (incoming_wins, new_seq) else {
        // Ours keeps the number; the other tab moves its entry and tells us.
        return Incoming::Clash {
            rewrite: vec![local.seq],
        };
    };
    let mut moved = std::mem::replace(&mut case.contacts[i], incoming);
    moved.seq = new_seq;
    case.contacts.push(moved);
    let from = i;
    rehash_from(&mut case.contacts, from);
    let rewrite = case.contacts[from..]
        .iter()
        .filter(|c| c.seq != case.contacts[from].seq)
        .map(|c| c.seq)
        .collect();
    Incoming::Clash { rewrite }
}

/// Log a new contact under the next free number. Only the new entry is
/// hashed. With no number free nothing is added: the caller must say so and
/// never confirm a save.
pub fn add_contact(
    case: &mut Case,
    data: ContactData,
    source: Source,
    now: DateTime<Utc>,
) -> Result<u32, ContactError> {
    let seq = case.next_seq().ok_or(ContactError::NoFreeNumber)?;
    let prev = case
        .contacts
        .iter()
        .max_by_key(|c| c.seq)
        .map_or_else(|| GENESIS_HASH.to_string(), |c| c.hash.clone());
    let mut contact = Contact {
        seq,
        created_at: now,
        source,
        data,
        history: Vec::new(),
        deleted_at: None,
        hash: String::new(),
    };
    contact.hash = contact_hash(&contact, &prev);
    case.contacts.push(contact);
    Ok(seq)
}

fn position(case: &Case, seq: u32) -> Result<usize, ContactError> {
    case.contacts
        .iter()
        .position(|c| c.seq == seq)
        .ok_or(ContactError::NotFound(seq))
}

/// Replace a contact's data, keeping the old version in its history. Saving
/// unchanged data records nothing.
pub fn edit_contact(
    case: &mut Case,
    seq: u32,
    new_data: ContactData,
    now: DateTime<Utc>,
) -> Result<(), ContactError> {
    let i = position(case, seq)?;
    let Some(c) = case.contacts.get_mut(i) else {
        return Err(ContactError::NotFound(seq));
    };
    if !c.is_active() {
        return Err(ContactError::InBin(seq));
    }
    if c.data == new_data {
        return Ok(());
    }
    let old = std::mem::replace(&mut c.data, new_data);
    c.history.push(PastVersion {
        replaced_at: now,
        data: old,
    });
    rehash_from(&mut case.contacts, i);
    Ok(())
}

/// Move a contact to the bin. It stays in the chain and can be restored.
pub fn delete_contact(case: &mut Case, seq: u32, now: DateTime<Utc>) -> Result<(), ContactError> {
    let i = position(case, seq)?;
    let Some(c) = case.contacts.get_mut(i) else {
        return Err(ContactError::NotFound(seq));
    };
    if c.deleted_at.is_some() {
        return Err(ContactError::InBin(seq));
    }
    c.deleted_at = Some(now);
    rehash_from(&mut case.contacts, i);
    Ok(())
}

pub fn restore_contact(case: &mut Case, seq: u32) -> Result<(), ContactError> {
    let i = position(case, seq)?;
    let Some(c) = case.contacts.get_mut(i) else {
        return Err(ContactError::NotFound(seq));
    };
    if c.deleted_at.is_none() {
        return Err(ContactError::NotInBin(seq));
    }
    c.deleted_at = None;
    rehash_from(&mut case.contacts, i);
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChainReport {
    pub ok: bool,
    /// The first contact (by seq) whose stored hash does not match its content.
    pub first_broken_seq: Option<u32>,
    /// Head recomputed from the content as it is now ([`GENESIS_HASH`] when
    /// empty): it fingerprints exactly what a report shows, even when broken.
    pub head: String,
}

/// Recompute the chain in seq order and compare with the stored hashes.
pub fn verify_chain(contacts: &[Contact]) -> ChainReport {
    let mut sorted: Vec<&Contact> = contacts.iter().collect();
    sorted.sort_by_key(|c| c.seq);
    let mut head = GENESIS_HASH.to_string();
    let mut first_broken_seq = None;
    for c in sorted {
        head = contact_hash(c, &head);
        if first_broken_seq.is_none() && head != c.hash {
            first_broken_seq = Some(c.seq);
        }
    }
    ChainReport {
        ok: first_broken_seq.is_none(),
        first_broken_seq,
        head,
    }
}

// ---------------------------------------------------------------------------
// Browsing
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ContactFilter {
    /// Local dates in the browsing zone, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Matches the calling or dialled number, ignoring spaces, dashes and +86.
    pub number: String,
    /// `Some("")` selects contacts with an unknown creditor.
    pub debt_id: Option<String>,
    pub channel: Option<Channel>,
    pub target: Option<Target>,
    pub tick: Option<Tick>,
    /// Case-insensitive, over notes, numbers and names.
    pub text: String,
    /// Also show contacts in the bin.
    pub include_deleted: bool,
}

/// The filter with its queries normalised once, not per contact.
struct Matcher<'f> {
    filter: &'f ContactFilter,
    zone: Tz,
    /// The query as a whole number ("0086 138…" finds "138…")…
    number_key: String,
    /// …and as a fragment of one ("0013").
    number_digits: String,
    number_raw: String,
    text: String,
}

impl<'f> Matcher<'f> {
    fn new(filter: &'f ContactFilter, zone: Tz) -> Self {
        Matcher {
            filter,
            zone,
            number_key: phone::key(&filter.number),
            number_digits: phone::digits(&filter.number),
            number_raw: filter.number.trim().to_lowercase(),
            text: filter.text.trim().to_lowercase(),
        }
    }

    fn number_matches(&self, candidate: &str) -> bool {
        if self.number_key.is_empty() {
            // An account name rather than a number.
            candidate.to_lowercase().contains(&self.number_raw)
        } else {
            phone::key(candidate).contains(&self.number_key)
                || phone::digits(candidate).contains(&self.number_digits)
        }
    }

    fn matches(&self, c: &Contact) -> bool {
        let f = self.filter;
        let d = &c.data;
        if !f.include_deleted && !c.is_active() {
            return false;
        }
        if f.from.is_some() || f.to.is_some() {
            let day = time::local_date(&d.at, self.zone);
            if f.from.is_some_and(|from| day < from) || f.to.is_some_and(|to| day > to) {
                return false;
            }
        }
        if f.channel.is_some_and(|ch| ch != d.channel)
            || f.target.is_some_and(|t| t != d.target)
            || f.tick.is_some_and(|t| !d.has(t))
        {
            return false;
        }
        if let Some(id) = &f.debt_id {
            if d.debt_id.as_deref().unwrap_or("") != id {
                return false;
            }
        }
        if !self.number_raw.is_empty()
            && !self.number_matches(&d.from_number)
            && !self.number_matches(&d.number_dialled)
        {
            return false;
        }
        if !self.text.is_empty() {
            let fields = [
                &d.notes,
                &d.witnesses,
                &d.impact,
                &d.from_number,
                &d.number_dialled,
                &d.collector_name,
                &d.collector_id,
                &d.target_name,
                &d.agency,
            ];
            if !fields.iter().any(|s| s.to_lowercase().contains(&self.text)) {
                return false;
            }
        }
        true
    }
}

/// Contacts matching `filter`, newest first by instant (ties: higher seq first),
/// whatever offset each was recorded in.
pub fn filter<'a>(case: &'a Case, filter: &ContactFilter, zone: Tz) -> Vec<&'a Contact> {
    let m = Matcher::new(filter, zone);
    let mut out: Vec<&Contact> = case.contacts.iter().filter(|c| m.matches(c)).collect();
    out.sort_by(|a, b| b.data.at.cmp(&a.data.at).then(b.seq.cmp(&a.seq)));
    out
}

/// For each channel, how many contacts the filter would show with that
/// channel chosen (the other criteria kept): counts beside the filter chips.
pub fn counts_by_channel(case: &Case, f: &ContactFilter, zone: Tz) -> BTreeMap<Channel, usize> {
    tally(
        case,
        &ContactFilter {
            channel: None,
            ..f.clone()
        },
        zone,
        |d| [d.channel],
    )
}

/// As [`counts_by_channel`], per target.
pub fn counts_by_target(case: &Case, f: &ContactFilter, zone: Tz) -> BTreeMap<Target, usize> {
    tally(
        case,
        &ContactFilter {
            target: None,
            ..f.clone()
        },
        zone,
        |d| [d.target],
    )
}

/// As [`counts_by_channel`], per tick (a contact counts once for each of its ticks).
pub fn counts_by_tick(case: &Case, f: &ContactFilter, zone: Tz) -> BTreeMap<Tick, usize> {
    tally(
        case,
        &ContactFilter {
            tick: None,
            ..f.clone()
        },
        zone,
        |d| d.ticks.clone(),
    )
}

fn tally<K: Ord, I: IntoIterator<Item = K>>(
    case: &Case,
    f: &ContactFilter,
    zone: Tz,
    keys: impl Fn(&ContactData) -> I,
) -> BTreeMap<K, usize> {
    let m = Matcher::new(f, zone);
    let mut out = BTreeMap::new();
    for c in case.contacts.iter().filter(|c| m.matches(c)) {
        for k in keys(&c.data) {
            *out.entry(k).or_insert(0) += 1;
        }
    }
    out
}

/// Calling numbers seen in active contacts, most used first (ties: most
/// recently used), for suggestions. Spellings of one number are merged; the
/// latest spelling is shown.
pub fn known_numbers(case: &Case) -> Vec<(String, usize)> {
    // normalised -> (count, latest instant, latest spelling)
    let mut seen: HashMap<String, (usize, DateTime<FixedOffset>, &str)> = HashMap::new();
    for c in case.active_contacts() {
        let raw = c.data.from_number.as_str();
        let key = match phone::key(raw) {
            k if k.is_empty() => raw.to_lowercase(),
            k => k,
        };
        if key.is_empty() {
            continue;
        }
        let entry = seen.entry(key).or_insert((0, c.data.at, raw));
        entry.0 += 1;
        if c.data.at >= entry.1 {
            entry.1 = c.data.at;
            entry.2 = raw;
        }
    }
    let mut out: Vec<_> = seen.into_values().collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)));
    out.into_iter()
        .map(|(n, _, raw)| (raw.to_string(), n))
        .collect()
}

// ---------------------------------------------------------------------------
// Duplicates
// ---------------------------------------------------------------------------

/// rules.md §2: one contact if the same (known) number, channel and direction,
/// within ±60 s.
pub fn is_duplicate(a: &ContactData, b: &ContactData) -> bool {
    let na = phone::key(&a.from_number);
    !na.is_empty()
        && na == phone::key(&b.from_number)
        && a.channel == b.channel
        && a.direction == b.direction
        && (a.at - b.at).num_seconds().abs() <= DUPLICATE_WINDOW_SECS
}

/// The active contact that `data` duplicates, if any (for import and the form).
pub fn find_duplicate(case: &Case, data: &ContactData) -> Option<u32> {
    case.active_contacts()
        .find(|c| is_duplicate(&c.data, data))
        .map(|c| c.seq)
}

#[cfg(test)]
mod tests;
