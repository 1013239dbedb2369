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
mod tests {
    #[test]
    fn a_fresh_quick_draft_has_no_input_and_survives_serde() {
        let now = DateTime::parse_from_rfc3339("2026-03-04T14:00:00Z")
            .unwrap()
            .to_utc();
        let mut d = ContactDraft::quick(now, "Asia/Shanghai");
        assert!(!d.has_input());
        d.notes = "说要上门".into();
        assert!(d.has_input());
        let back: ContactDraft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
        assert_eq!(back, d);
    }

    use super::*;
    use crate::domain::numberbook::suggest_debt;

    #[test]
    fn a_contact_is_found_by_its_number_binned_ones_too_and_gaps_are_none() {
        let mut case = Case::default();
        for n in 0..50 {
            add_contact(
                &mut case,
                ContactData {
                    from_number: n.to_string(),
                    ..Default::default()
                },
                Source::Manual,
                "2026-03-04T14:40:00Z".parse().unwrap(),
            )
            .unwrap();
        }
        // Gaps, as after a merge of two tabs' logs or an import.
        case.contacts.retain(|c| c.seq % 3 != 0);
        case.contacts[5].deleted_at = Some("2026-03-05T00:00:00Z".parse().unwrap());
        for seq in 0..=52 {
            assert_eq!(
                case.contact(seq).map(|c| c.seq),
                case.contacts.iter().find(|c| c.seq == seq).map(|c| c.seq),
                "seq {seq}"
            );
        }
        assert!(case.contact(case.contacts[5].seq).is_some());
    }

    #[test]
    fn clashing_entries_from_two_tabs_both_survive_and_converge() {
        let data = |n: &str| ContactData {
            at: "2026-03-04T22:40:00+08:00".parse().unwrap(),
            from_number: n.into(),
            ..Default::default()
        };
        let mut tab_a = Case::default();
        let mut tab_b = Case::default();
        add_contact(
            &mut tab_a,
            data("111"),
            Source::Manual,
            "2026-03-04T14:40:00Z".parse().unwrap(),
        )
        .unwrap();
        add_contact(
            &mut tab_b,
            data("222"),
            Source::Manual,
            "2026-03-04T14:40:01Z".parse().unwrap(),
        )
        .unwrap();
        let a1 = tab_a.contacts[0].clone();
        let b1 = tab_b.contacts[0].clone();
        // A created first: A keeps #1 and rewrites it; B moves its entry to #2.
        assert_eq!(
            merge_incoming(&mut tab_a, b1),
            Incoming::Clash { rewrite: vec![1] }
        );
        assert_eq!(
            merge_incoming(&mut tab_b, a1),
            Incoming::Clash { rewrite: vec![2] }
        );
        assert_eq!(
            tab_b
                .contacts
                .iter()
                .map(|c| (c.seq, c.data.from_number.as_str()))
                .collect::<Vec<_>>(),
            vec![(1, "111"), (2, "222")]
        );
        assert!(verify_chain(&tab_b.contacts).ok);
        // A then receives B's moved entry.
        assert_eq!(
            merge_incoming(&mut tab_a, tab_b.contacts[1].clone()),
            Incoming::Taken
        );
        assert_eq!(tab_a.contacts, tab_b.contacts);
    }

    #[test]
    fn two_tabs_editing_one_entry_keep_both_edits_and_converge() {
        let data = |n: &str| ContactData {
            at: "2026-03-04T22:40:00+08:00".parse().unwrap(),
            from_number: n.into(),
            ..Default::default()
        };
        let t = |s: &str| -> DateTime<Utc> { s.parse().unwrap() };
        let mut base = Case::default();
        add_contact(
            &mut base,
            data("orig"),
            Source::Manual,
            t("2026-03-04T14:40:00Z"),
        )
        .unwrap();
        add_contact(
            &mut base,
            data("next"),
            Source::Manual,
            t("2026-03-04T14:41:00Z"),
        )
        .unwrap();
        let (mut tab_a, mut tab_b) = (base.clone(), base.clone());
        edit_contact(&mut tab_a, 1, data("edit-a"), t("2026-03-05T10:00:00Z")).unwrap();
        edit_contact(&mut tab_b, 1, data("edit-b"), t("2026-03-05T10:00:01Z")).unwrap();
        let (a1, b1) = (tab_a.contacts[0].clone(), tab_b.contacts[0].clone());
        // Each tab learns of the other's edit: neither takes it blindly.
        assert!(matches!(
            merge_incoming(&mut tab_a, b1),
            Incoming::Clash { .. }
        ));
        assert!(matches!(
            merge_incoming(&mut tab_b, a1),
            Incoming::Clash { .. }
        ));
        assert_eq!(tab_a.contacts, tab_b.contacts);
        let c = &tab_a.contacts[0];
        // The later edit is current; the earlier one is in the history, the original once.
        assert_eq!(c.data.from_number, "edit-b");
        let past: Vec<&str> = c
            .history
            .iter()
            .map(|v| v.data.from_number.as_str())
            .collect();
        assert_eq!(past, vec!["orig", "edit-a"]);
        assert!(verify_chain(&tab_a.contacts).ok);
        // Once both hold the merge, folding it in again changes nothing.
        let merged = tab_a.contacts[0].clone();
        assert_eq!(merge_incoming(&mut tab_b, merged), Incoming::Taken);
        assert_eq!(tab_a.contacts, tab_b.contacts);
    }

    #[test]
    fn an_older_version_arriving_late_never_replaces_a_newer_one() {
        let data = |n: &str| ContactData {
            from_number: n.into(),
            ..Default::default()
        };
        let t = |s: &str| -> DateTime<Utc> { s.parse().unwrap() };
        let mut case = Case::default();
        add_contact(
            &mut case,
            data("orig"),
            Source::Manual,
            t("2026-03-04T14:40:00Z"),
        )
        .unwrap();
        let old = case.contacts[0].clone();
        edit_contact(&mut case, 1, data("new"), t("2026-03-05T10:00:00Z")).unwrap();
        // Storage holds the older version (a stale write): ours is written back.
        assert_eq!(
            merge_incoming(&mut case, old),
            Incoming::Clash { rewrite: vec![1] }
        );
        assert_eq!(case.contacts[0].data.from_number, "new");
        assert_eq!(case.contacts[0].history.len(), 1);
    }

    #[test]
    fn two_entries_created_in_the_same_millisecond_are_not_one_entry() {
        let data = |n: &str| ContactData {
            from_number: n.into(),
            ..Default::default()
        };
        let at: DateTime<Utc> = "2026-03-04T14:40:00Z".parse().unwrap();
        let mut tab_a = Case::default();
        let mut tab_b = Case::default();
        add_contact(&mut tab_a, data("111"), Source::Manual, at).unwrap();
        add_contact(&mut tab_b, data("222"), Source::Manual, at).unwrap();
        let (a1, b1) = (tab_a.contacts[0].clone(), tab_b.contacts[0].clone());
        assert!(matches!(
            merge_incoming(&mut tab_a, b1),
            Incoming::Clash { .. }
        ));
        assert!(matches!(
            merge_incoming(&mut tab_b, a1),
            Incoming::Clash { .. }
        ));
        // Then each stores what it holds and the other folds it in.
        for c in tab_a.contacts.clone() {
            merge_incoming(&mut tab_b, c);
        }
        for c in tab_b.contacts.clone() {
            merge_incoming(&mut tab_a, c);
        }
        assert_eq!(tab_a.contacts, tab_b.contacts);
        let mut numbers: Vec<&str> = tab_b
            .contacts
            .iter()
            .map(|x| x.data.from_number.as_str())
            .collect();
        numbers.sort();
        assert_eq!(numbers, vec!["111", "222"]);
    }

    #[test]
    fn debt_suggestion_from_the_only_debt_agency_numbers_or_history() {
        use crate::domain::model::{Agency, Debt};
        let debt = |id: &str, numbers: &[&str]| Debt {
            id: id.into(),
            lender: id.into(),
            agencies: vec![Agency {
                name: "A".into(),
                numbers: numbers.iter().map(|n| n.to_string()).collect(),
            }],
            ..Default::default()
        };
        let mut case = Case {
            debts: vec![debt("d1", &[])],
            ..Default::default()
        };
        assert_eq!(suggest_debt(&case, ""), Some("d1".into()));
        case.debts.push(debt("d2", &["95188 1234"]));
        assert_eq!(suggest_debt(&case, "951881234"), Some("d2".into()));
        assert_eq!(suggest_debt(&case, "10086"), None);
        let data = ContactData {
            at: DateTime::parse_from_rfc3339("2026-03-04T22:40:00+08:00").unwrap(),
            from_number: "10086".into(),
            debt_id: Some("d1".into()),
            ..Default::default()
        };
        add_contact(&mut case, data, Source::Manual, now()).unwrap();
        assert_eq!(suggest_debt(&case, "10086"), Some("d1".into()));
    }

    fn now() -> DateTime<Utc> {
        "2026-03-10T12:00:00Z".parse().unwrap()
    }

    fn draft(date: &str, time: &str) -> ContactDraft {
        ContactDraft {
            date: date.into(),
            time: time.into(),
            zone: "Asia/Shanghai".into(),
            from_number: "13800138000".into(),
            ..ContactDraft::default()
        }
    }

    fn err(d: &ContactDraft) -> FieldErrors {
        validate(d, now()).unwrap_err()
    }

    fn ok(d: &ContactDraft) -> (ContactData, Vec<Warning>) {
        validate(d, now()).unwrap()
    }

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn data(at_s: &str, number: &str) -> ContactData {
        ContactData {
            at: at(at_s),
            from_number: number.into(),
            ..ContactData::default()
        }
    }

    fn shanghai() -> Tz {
        time::zone("Asia/Shanghai")
    }

    // --- validation ---

    #[test]
    fn valid_draft_gives_instant_with_offset() {
        let (d, w) = ok(&draft("2026-03-01", "22:15"));
        assert_eq!(d.at, at("2026-03-01T22:15:00+08:00"));
        assert_eq!(d.at.offset().local_minus_utc(), 8 * 3600);
        assert_eq!(d.outcome, Some(Outcome::Talked));
        assert!(w.is_empty());
    }

    #[test]
    fn validation_errors_table() {
        type Row = (fn(&mut ContactDraft), Field, FieldError);
        let cases: Vec<Row> = vec![
            (
                |d| d.date = String::new(),
                Field::Date,
                FieldError::Required,
            ),
            (
                |d| d.date = "2026-02-30".into(),
                Field::Date,
                FieldError::InvalidDate,
            ),
            (
                |d| d.date = "yesterday".into(),
                Field::Date,
                FieldError::InvalidDate,
            ),
            (
                |d| d.date = "0226-03-01".into(),
                Field::Date,
                FieldError::InvalidDate,
            ),
            // Past the years a backup may hold (`time::YEARS`): the app's
            // own export must read back (issue 18, item 4).
            (
                |d| d.date = "2201-01-01".into(),
                Field::Date,
                FieldError::InvalidDate,
            ),
            (
                |d| d.date = "9999-12-31".into(),
                Field::Date,
                FieldError::InvalidDate,
            ),
            (
                |d| d.time = String::new(),
                Field::Time,
                FieldError::Required,
            ),
            (
                |d| d.time = "25:00".into(),
                Field::Time,
                FieldError::InvalidTime,
            ),
            (
                |d| d.time = "10:61".into(),
                Field::Time,
                FieldError::InvalidTime,
            ),
            (
                |d| d.time = "23:59:60".into(),
                Field::Time,
                FieldError::InvalidTime,
            ),
            (
                |d| d.zone = String::new(),
                Field::Zone,
                FieldError::Required,
            ),
            (
                |d| d.zone = "Mars/Olympus".into(),
                Field::Zone,
                FieldError::UnknownZone,
            ),
            (
                |d| d.end_time = "09:00".into(),
                Field::EndTime,
                FieldError::EndBeforeStart,
            ),
            (
                |d| d.end_time = "9pm".into(),
                Field::EndTime,
                FieldError::InvalidTime,
            ),
            (
                |d| d.duration = "-5".into(),
                Field::Duration,
                FieldError::InvalidDuration,
            ),
            (
                |d| d.duration = "1.5".into(),
                Field::Duration,
                FieldError::InvalidDuration,
            ),
            (
                |d| d.duration = "3:75".into(),
                Field::Duration,
                FieldError::InvalidDuration,
            ),
            (
                |d| d.duration = "1441".into(),
                Field::Duration,
                FieldError::DurationTooLong { max_minutes: 1440 },
            ),
            (
                |d| d.duration = "99999999999999999999".into(),
                Field::Duration,
                FieldError::DurationTooLong { max_minutes: 1440 },
            ),
            (
                |d| {
                    d.end_time = "10:30".into();
                    d.duration = "5".into();
                },
                Field::Duration,
                FieldError::EndDurationMismatch,
            ),
            (
                |d| {
                    d.channel = Channel::HomeVisit;
                    d.visit_staff = "0".into();
                },
                Field::VisitStaff,
                FieldError::InvalidCount,
            ),
            (
                |d| {
                    d.channel = Channel::HomeVisit;
                    d.visit_staff = "many".into();
                },
                Field::VisitStaff,
                FieldError::InvalidCount,
            ),
        ];
        for (i, (edit, field, code)) in cases.into_iter().enumerate() {
            let mut d = draft("2026-03-01", "10:00");
            edit(&mut d);
            let e = err(&d);
            assert_eq!(e.get(field), Some(code), "case {i}: {e:?}");
        }
    }

    #[test]
    fn several_errors_reported_at_once() {
        let mut d = draft("2026-13-01", "7");
        d.notes = "x".repeat(MAX_TEXT_CHARS + 1);
        let e = err(&d);
        assert_eq!(e.get(Field::Date), Some(FieldError::InvalidDate));
        assert_eq!(e.get(Field::Time), Some(FieldError::InvalidTime));
        assert!(matches!(
            e.get(Field::Notes),
            Some(FieldError::TooLong { .. })
        ));
    }

    #[test]
    fn huge_paste_is_a_clear_error_not_a_panic() {
        let mut d = draft("2026-03-01", "10:00");
        d.notes = "催".repeat(100 * 1024);
        d.impact = "a".repeat(MAX_TEXT_CHARS);
        let e = err(&d);
        assert_eq!(
            e.get(Field::Notes),
            Some(FieldError::TooLong {
                max_chars: MAX_TEXT_CHARS,
                chars: 100 * 1024
            })
        );
        assert_eq!(e.get(Field::Impact), None, "exactly the limit is fine");
    }

    #[test]
    fn emoji_and_mixed_scripts_are_kept() {
        let mut d = draft("2026-03-01", "10:00");
        d.notes = "他说“再不还就上门”😡👨‍👩‍👧 call him at ９点 — الدين".into();
        d.collector_name = "王经理 (Mr Wang)".into();
        let (data, _) = ok(&d);
        assert_eq!(data.notes, d.notes);
        assert_eq!(data.collector_name, d.collector_name);
    }

    #[test]
    fn future_start_is_a_warning() {
        let (_, w) = ok(&draft("2026-03-11", "09:00"));
        assert_eq!(w, vec![Warning::InFuture]);
        let (_, w) = ok(&draft("2026-03-10", "20:00")); // 12:00Z = 20:00 Shanghai
        assert!(w.is_empty());
    }

    #[test]
    fn call_without_number_is_allowed_with_warning() {
        let mut d = draft("2026-03-01", "10:00");
        d.from_number = "  ".into();
        let (data, w) = ok(&d);
        assert_eq!(data.from_number, "");
        assert_eq!(w, vec![Warning::NumberUnknown]);
        d.channel = Channel::Letter;
        assert!(ok(&d).1.is_empty());
    }

    #[test]
    fn dst_gap_is_an_error_and_overlap_a_warning() {
        let mut d = draft("2026-03-08", "02:30");
        d.zone = "America/New_York".into();
        assert_eq!(err(&d).get(Field::Time), Some(FieldError::NonexistentTime));
        let mut d = draft("2026-11-01", "01:30");
        d.zone = "America/New_York".into();
        let (data, w) = validate(&d, "2027-01-01T00:00:00Z".parse().unwrap()).unwrap();
        assert_eq!(w, vec![Warning::AmbiguousTime]);
        assert_eq!(data.at, at("2026-11-01T01:30:00-04:00"));
    }

    #[test]
    fn end_time_gives_duration_across_dst() {
        let mut d = draft("2026-03-08", "01:50");
        d.zone = "America/New_York".into();
        d.end_time = "03:10".into(); // 02:00 EST -> 03:00 EDT
        assert_eq!(ok(&d).0.duration_secs, Some(20 * 60));
        let mut d = draft("2026-03-01", "10:00:30");
        d.end_time = "10:00:30".into();
        assert_eq!(ok(&d).0.duration_secs, Some(0));
        d.end_time = "10:05".into();
        d.duration = "4:30".into();
        assert_eq!(
            ok(&d).0.duration_secs,
            Some(270),
            "end time wins within a minute"
        );
    }

    #[test]
    fn full_width_and_slashes_accepted() {
        let mut d = draft("２０２６/０３/０１", "２２：１５");
        d.duration = "３".into();
        let (data, _) = ok(&d);
        assert_eq!(data.at, at("2026-03-01T22:15:00+08:00"));
        assert_eq!(data.duration_secs, Some(180));
    }

    #[test]
    fn fields_irrelevant_to_the_channel_are_dropped() {
        let mut d = draft("2026-03-01", "10:00");
        d.channel = Channel::Sms;
        d.outcome = Outcome::Unanswered;
        d.visit_staff = "3".into();
        d.debtor_reachable = Some(true);
        let (data, _) = ok(&d);
        assert_eq!(data.outcome, None);
        assert_eq!(data.visit_staff, None);
        assert_eq!(data.debtor_reachable, None, "debtor is not a third party");
        d.channel = Channel::HomeVisit;
        d.target = Target::Relative;
        let (data, _) = ok(&d);
        assert_eq!(data.visit_staff, Some(3));
        assert_eq!(data.debtor_reachable, Some(true));
    }

    #[test]
    fn draft_round_trips() {
        let mut d = draft("2026-03-01", "22:15:07");
        d.duration = "2:05".into();
        d.debt_id = "d1".into();
        d.ticks = [Tick::Insult, Tick::ThreatHarm].into();
        d.notes = "notes".into();
        d.attachments = vec![FileProof {
            name: "rec.m4a".into(),
            size: 3,
            mime: String::new(),
            sha256: "ab".into(),
        }];
        let (data, _) = ok(&d);
        let back = draft_from(&data, shanghai());
        assert_eq!(back.time, "22:15:07");
        assert_eq!(back.duration, "2:05");
        assert_eq!(validate(&back, now()).unwrap().0, data);

        let mut v = draft("2026-07-01", "09:00");
        v.zone = "America/New_York".into();
        v.channel = Channel::WorkplaceVisit;
        v.visit_staff = "2".into();
        v.target = Target::Employer;
        v.debtor_reachable = Some(false);
        let (data, _) = ok(&v);
        let back = draft_from(&data, time::zone("America/New_York"));
        assert_eq!(
            (back.date.as_str(), back.time.as_str()),
            ("2026-07-01", "09:00")
        );
        assert_eq!(validate(&back, now()).unwrap().0, data);
    }

    #[test]
    fn quick_draft_starts_now_in_zone() {
        let d = ContactDraft::quick("2026-03-10T15:59:59Z".parse().unwrap(), "Asia/Shanghai");
        assert_eq!((d.date.as_str(), d.time.as_str()), ("2026-03-10", "23:59"));
        let (data, w) = validate(
            &ContactDraft {
                from_number: "1".into(),
                ..d
            },
            now(),
        )
        .unwrap();
        assert!(
            w.contains(&Warning::InFuture),
            "now() in this test is earlier"
        );
        assert_eq!(data.at, at("2026-03-10T23:59:00+08:00"));
    }

    // --- record and chain ---

    fn case_with(n: usize) -> Case {
        let mut case = Case::default();
        for i in 0..n {
            let d = data(&format!("2026-03-01T10:{i:02}:00+08:00"), "13800138000");
            add_contact(&mut case, d, Source::Manual, now()).unwrap();
        }
        case
    }

    #[test]
    fn add_assigns_seq_and_chains() {
        let case = case_with(3);
        let seqs: Vec<u32> = case.contacts.iter().map(|c| c.seq).collect();
        assert_eq!(seqs, [1, 2, 3]);
        let first = &case.contacts[0];
        assert_eq!(first.hash, contact_hash(first, GENESIS_HASH));
        assert_eq!(
            case.contacts[1].hash,
            contact_hash(&case.contacts[1], &first.hash)
        );
        let r = verify_chain(&case.contacts);
        assert!(r.ok);
        assert_eq!(r.head, case.contacts[2].hash);
        assert_eq!(GENESIS_HASH.len(), 64);
        assert_eq!(verify_chain(&[]).head, GENESIS_HASH);
    }

    #[test]
    fn add_hashes_only_the_new_entry() {
        let mut case = case_with(3);
        let before: Vec<String> = case.contacts.iter().map(|c| c.hash.clone()).collect();
        add_contact(
            &mut case,
            data("2026-03-02T10:00:00+08:00", "1"),
            Source::Imported,
            now(),
        )
        .unwrap();
        let after: Vec<String> = case
            .contacts
            .iter()
            .take(3)
            .map(|c| c.hash.clone())
            .collect();
        assert_eq!(before, after);
        assert!(verify_chain(&case.contacts).ok);
    }

    #[test]
    fn edit_keeps_history_and_changes_the_head() {
        let mut case = case_with(3);
        let head = verify_chain(&case.contacts).head;
        let first_hash = case.contacts[0].hash.clone();
        let old = case.contacts[1].data.clone();
        let new = ContactData {
            notes: "corrected".into(),
            ..old.clone()
        };
        let later: DateTime<Utc> = "2026-03-11T00:00:00Z".parse().unwrap();
        edit_contact(&mut case, 2, new.clone(), later).unwrap();
        let c = &case.contacts[1];
        assert_eq!((c.seq, c.created_at, &c.data), (2, now(), &new));
        assert_eq!(
            c.history,
            vec![PastVersion {
                replaced_at: later,
                data: old
            }]
        );
        assert!(c.was_edited());
        assert_eq!(
            case.contacts[0].hash, first_hash,
            "earlier entries untouched"
        );
        let r = verify_chain(&case.contacts);
        assert!(r.ok);
        assert_ne!(r.head, head);
        // Saving the same data again records nothing.
        edit_contact(&mut case, 2, new, later).unwrap();
        assert_eq!(case.contacts[1].history.len(), 1);
        assert_eq!(verify_chain(&case.contacts).head, r.head);
        assert_eq!(
            edit_contact(&mut case, 9, ContactData::default(), later),
            Err(ContactError::NotFound(9))
        );
    }

    #[test]
    fn delete_and_restore() {
        let mut case = case_with(3);
        let head = verify_chain(&case.contacts).head;
        delete_contact(&mut case, 2, now()).unwrap();
        assert_eq!(case.contacts[1].deleted_at, Some(now()));
        assert_eq!(case.active_contacts().count(), 2);
        let r = verify_chain(&case.contacts);
        assert!(r.ok);
        assert_ne!(r.head, head);
        assert_eq!(
            delete_contact(&mut case, 2, now()),
            Err(ContactError::InBin(2))
        );
        assert_eq!(
            edit_contact(&mut case, 2, ContactData::default(), now()),
            Err(ContactError::InBin(2))
        );
        restore_contact(&mut case, 2).unwrap();
        assert!(case.contacts[1].is_active());
        assert_eq!(verify_chain(&case.contacts).head, head);
        assert_eq!(
            restore_contact(&mut case, 2),
            Err(ContactError::NotInBin(2))
        );
        assert_eq!(
            restore_contact(&mut case, 7),
            Err(ContactError::NotFound(7))
        );
    }

    #[test]
    fn tampering_is_detected_at_the_first_changed_entry() {
        let mut case = case_with(4);
        case.contacts[2].data.notes = "quietly changed".into();
        let r = verify_chain(&case.contacts);
        assert_eq!((r.ok, r.first_broken_seq), (false, Some(3)));

        let mut case = case_with(4);
        case.contacts[1].deleted_at = Some(now());
        assert_eq!(verify_chain(&case.contacts).first_broken_seq, Some(2));

        let mut case = case_with(3);
        case.contacts.remove(1);
        assert_eq!(
            verify_chain(&case.contacts).first_broken_seq,
            Some(3),
            "removal breaks the next"
        );

        let mut case = case_with(3);
        case.contacts[0].hash = "f".repeat(64);
        assert_eq!(verify_chain(&case.contacts).first_broken_seq, Some(1));
    }

    #[test]
    fn chain_follows_seq_not_vector_order() {
        let mut case = case_with(3);
        case.contacts.reverse();
        assert!(verify_chain(&case.contacts).ok);
        let mut contacts = case.contacts.clone();
        contacts[0].hash.clear();
        rehash_chain(&mut contacts);
        assert_eq!(
            contacts.iter().map(|c| c.seq).collect::<Vec<_>>(),
            [1, 2, 3]
        );
        assert!(verify_chain(&contacts).ok);
    }

    // --- browsing ---

    fn browse_case() -> Case {
        let mut case = Case::default();
        let entries = [
            (
                "2026-03-01T22:30:00+08:00",
                "+86 138-0013-8000",
                Channel::Call,
                "骂人 insult",
            ),
            (
                "2026-03-02T09:00:00+08:00",
                "13800138000",
                Channel::Sms,
                "逾期通知",
            ),
            (
                "2026-03-03T10:00:00+08:00",
                "95555",
                Channel::Call,
                "hotline",
            ),
            (
                "2026-03-03T12:00:00+08:00",
                "",
                Channel::HomeVisit,
                "两人上门 VISIT",
            ),
        ];
        for (t, n, ch, notes) in entries {
            let mut d = data(t, n);
            d.channel = ch;
            d.notes = notes.into();
            add_contact(&mut case, d, Source::Manual, now()).unwrap();
        }
        case.contacts[0].data.ticks.insert(Tick::Insult);
        case.contacts[2].data.debt_id = Some("d1".into());
        case.contacts[3].data.target = Target::Relative;
        case
    }

    fn seqs(v: &[&Contact]) -> Vec<u32> {
        v.iter().map(|c| c.seq).collect()
    }

    #[test]
    fn filters() {
        let mut case = browse_case();
        let tz = shanghai();
        let all = ContactFilter::default();
        assert_eq!(seqs(&filter(&case, &all, tz)), [4, 3, 2, 1]);
        let f = |edit: fn(&mut ContactFilter)| {
            let mut f = ContactFilter::default();
            edit(&mut f);
            f
        };
        let by_date = f(|f| {
            f.from = NaiveDate::from_ymd_opt(2026, 3, 2);
            f.to = NaiveDate::from_ymd_opt(2026, 3, 2);
        });
        assert_eq!(seqs(&filter(&case, &by_date, tz)), [2]);
        // The same instant is 1 March in New York.
        let ny = time::zone("America/New_York");
        let march1 = f(|f| f.to = NaiveDate::from_ymd_opt(2026, 3, 1));
        assert_eq!(seqs(&filter(&case, &march1, ny)), [2, 1]);
        assert_eq!(
            seqs(&filter(
                &case,
                &f(|f| f.number = "0086 13800138000".into()),
                tz
            )),
            [2, 1]
        );
        assert_eq!(
            seqs(&filter(&case, &f(|f| f.number = "0013".into()), tz)),
            [2, 1]
        );
        assert_eq!(
            seqs(&filter(&case, &f(|f| f.channel = Some(Channel::Call)), tz)),
            [3, 1]
        );
        assert_eq!(
            seqs(&filter(
                &case,
                &f(|f| f.target = Some(Target::Relative)),
                tz
            )),
            [4]
        );
        assert_eq!(
            seqs(&filter(&case, &f(|f| f.tick = Some(Tick::Insult)), tz)),
            [1]
        );
        assert_eq!(
            seqs(&filter(&case, &f(|f| f.debt_id = Some("d1".into())), tz)),
            [3]
        );
        assert_eq!(
            seqs(&filter(&case, &f(|f| f.debt_id = Some(String::new())), tz)),
            [4, 2, 1]
        );
        assert_eq!(
            seqs(&filter(&case, &f(|f| f.text = "visit".into()), tz)),
            [4]
        );
        assert_eq!(
            seqs(&filter(&case, &f(|f| f.text = "INSULT".into()), tz)),
            [1]
        );
        assert_eq!(
            seqs(&filter(&case, &f(|f| f.text = "上门".into()), tz)),
            [4]
        );
        assert_eq!(
            seqs(&filter(&case, &f(|f| f.text = "95555".into()), tz)),
            [3]
        );

        delete_contact(&mut case, 3, now()).unwrap();
        assert_eq!(seqs(&filter(&case, &all, tz)), [4, 2, 1]);
        let bin = f(|f| f.include_deleted = true);
        assert_eq!(seqs(&filter(&case, &bin, tz)), [4, 3, 2, 1]);
    }

    #[test]
    fn counts_per_facet() {
        let case = browse_case();
        let tz = shanghai();
        let f = ContactFilter {
            channel: Some(Channel::Sms),
            ..ContactFilter::default()
        };
        let by_channel = counts_by_channel(&case, &f, tz);
        assert_eq!(
            by_channel.get(&Channel::Call),
            Some(&2),
            "the channel facet is ignored"
        );
        assert_eq!(by_channel.get(&Channel::Sms), Some(&1));
        assert_eq!(by_channel.get(&Channel::HomeVisit), Some(&1));
        let by_target = counts_by_target(&case, &f, tz);
        assert_eq!(by_target.get(&Target::Debtor), Some(&1));
        assert_eq!(by_target.get(&Target::Relative), None);
        let by_tick = counts_by_tick(&case, &ContactFilter::default(), tz);
        assert_eq!(by_tick.get(&Tick::Insult), Some(&1));
    }

    #[test]
    fn ordering_by_instant_across_zones() {
        let mut case = Case::default();
        // 09:00 in New York (EST, -05:00) on 7 March = 22:00 Shanghai 7 March.
        add_contact(
            &mut case,
            data("2026-03-07T09:00:00-05:00", "1"),
            Source::Manual,
            now(),
        )
        .unwrap();
        // 21:30 Shanghai: earlier instant, logged later.
        add_contact(
            &mut case,
            data("2026-03-07T21:30:00+08:00", "2"),
            Source::Manual,
            now(),
        )
        .unwrap();
        // After the US switch to EDT (8 March): 09:00 -04:00 = 21:00 Shanghai 8 March.
        add_contact(
            &mut case,
            data("2026-03-08T09:00:00-04:00", "3"),
            Source::Manual,
            now(),
        )
        .unwrap();
        add_contact(
            &mut case,
            data("2026-03-08T21:30:00+08:00", "4"),
            Source::Manual,
            now(),
        )
        .unwrap();
        // Same instant as seq 3 in another offset: tie broken by seq.
        add_contact(
            &mut case,
            data("2026-03-08T13:00:00+00:00", "5"),
            Source::Manual,
            now(),
        )
        .unwrap();
        let order = seqs(&filter(&case, &ContactFilter::default(), shanghai()));
        assert_eq!(order, [4, 5, 3, 1, 2]);
    }

    #[test]
    fn known_numbers_most_used_first() {
        let mut case = browse_case();
        add_contact(
            &mut case,
            data("2026-03-05T10:00:00+08:00", "95555"),
            Source::Manual,
            now(),
        )
        .unwrap();
        add_contact(
            &mut case,
            data("2026-03-06T10:00:00+08:00", "wx:collector"),
            Source::Manual,
            now(),
        )
        .unwrap();
        let known = known_numbers(&case);
        assert_eq!(
            known,
            vec![
                ("95555".to_string(), 2),
                ("13800138000".to_string(), 2),
                ("wx:collector".to_string(), 1),
            ]
        );
    }

    #[test]
    fn spellings_of_one_number_are_one_caller() {
        use crate::domain::model::{Agency, Debt};
        let mut case = Case {
            debts: ["d1", "d2"]
                .map(|id| Debt {
                    id: id.into(),
                    ..Default::default()
                })
                .to_vec(),
            ..Default::default()
        };
        case.debts[1].hotline = "+86 95188".into();
        case.debts[1].agencies = vec![Agency {
            name: "A".into(),
            numbers: vec!["+86 21 6123 4567".into()],
        }];
        assert_eq!(suggest_debt(&case, "021-6123 4567"), Some("d2".into()));
        assert_eq!(suggest_debt(&case, "95188"), Some("d2".into()));
        let a = data("2026-03-01T10:00:00+08:00", "+86 (0)21 6123 4567");
        let b = data("2026-03-01T10:00:30+08:00", "０２１－６１２３４５６７");
        assert!(is_duplicate(&a, &b));
    }

    #[test]
    fn duplicates_within_60_seconds() {
        let a = data("2026-03-01T10:00:00+08:00", "+86 13800138000");
        let mut b = data("2026-03-01T02:01:00+00:00", "13800138000");
        assert!(is_duplicate(&a, &b), "60 s apart, other offset");
        b.at = at("2026-03-01T10:01:01+08:00");
        assert!(!is_duplicate(&a, &b), "61 s apart");
        b.at = at("2026-03-01T09:59:00+08:00");
        assert!(is_duplicate(&a, &b));
        b.channel = Channel::Sms;
        assert!(!is_duplicate(&a, &b), "other channel");
        b.channel = Channel::Call;
        b.direction = Direction::Outgoing;
        assert!(!is_duplicate(&a, &b), "a call back is another contact");
        let unknown = data("2026-03-01T10:00:00+08:00", "");
        assert!(
            !is_duplicate(&unknown, &unknown.clone()),
            "unknown numbers never match"
        );

        let mut case = Case::default();
        add_contact(&mut case, a.clone(), Source::Manual, now()).unwrap();
        assert_eq!(
            find_duplicate(&case, &data("2026-03-01T10:00:30+08:00", "13800138000")),
            Some(1)
        );
        delete_contact(&mut case, 1, now()).unwrap();
        assert_eq!(find_duplicate(&case, &a), None);
    }

    /// Issue 18 item 4: a contact numbered 4294967295 made every later save
    /// confirm "第 0 条" while nothing new was stored.
    #[test]
    fn no_entry_is_confirmed_when_no_number_is_free() {
        use crate::domain::model::MAX_SEQ;
        let d = ContactData::default();
        let mut case = Case::default();
        assert_eq!(
            add_contact(&mut case, d.clone(), Source::Manual, now()),
            Ok(1)
        );

        case.contacts[0].seq = MAX_SEQ - 1;
        rehash_chain(&mut case.contacts);
        assert_eq!(
            add_contact(&mut case, d.clone(), Source::Manual, now()),
            Ok(MAX_SEQ)
        );
        let before = case.clone();
        assert_eq!(
            add_contact(&mut case, d.clone(), Source::Manual, now()),
            Err(ContactError::NoFreeNumber)
        );
        assert_eq!(case, before, "nothing added");

        // A hostile or newer entry far past the limit: refused, no overflow.
        for huge in [MAX_SEQ + 1, u32::MAX - 1, u32::MAX] {
            let mut case = Case {
                reserved_seq: huge,
                ..Case::default()
            };
            assert_eq!(case.next_seq(), None);
            assert_eq!(
                add_contact(&mut case, d.clone(), Source::Manual, now()),
                Err(ContactError::NoFreeNumber)
            );
            assert!(case.contacts.is_empty());
            let mut case = before.clone();
            case.contacts[1].seq = huge;
            assert_eq!(
                add_contact(&mut case, d.clone(), Source::Manual, now()),
                Err(ContactError::NoFreeNumber)
            );
        }
    }

    /// Another tab's entry arriving at a number this tab holds moves ours to
    /// a new number; with the last number taken it must not overflow.
    #[test]
    fn a_clash_at_the_last_number_does_not_overflow() {
        let data = |n: &str| ContactData {
            from_number: n.into(),
            ..Default::default()
        };
        let at: DateTime<Utc> = "2026-03-04T14:40:00Z".parse().unwrap();
        let mut tab_a = Case::default();
        let mut tab_b = Case::default();
        add_contact(&mut tab_a, data("111"), Source::Manual, at).unwrap();
        add_contact(&mut tab_b, data("222"), Source::Manual, at).unwrap();
        for tab in [&mut tab_a, &mut tab_b] {
            tab.contacts[0].seq = u32::MAX;
            rehash_chain(&mut tab.contacts);
        }
        let (a1, b1) = (tab_a.contacts[0].clone(), tab_b.contacts[0].clone());
        let _ = merge_incoming(&mut tab_a, b1);
        let _ = merge_incoming(&mut tab_b, a1);
        for tab in [&tab_a, &tab_b] {
            assert!(tab.contacts.iter().all(|c| c.seq != 0), "no wrap to 0");
            assert!(tab.contacts.windows(2).all(|w| w[0].seq < w[1].seq));
        }
    }
}
