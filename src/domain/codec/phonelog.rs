//! Call and SMS history from the phone: "SMS Backup & Restore" (SyncTech,
//! Android) `calls-*.xml` / `sms-*.xml` exports, or any CSV with a
//! column-mapping step. Parsing never panics and never stops at a bad row:
//! the row is reported (row number + reason) and skipped.
//!
//! XML is read with quick-xml's pull reader. A DTD is never processed: a
//! document declaring entities (`<!DOCTYPE … <!ENTITY …>`, the "billion laughs"
//! attack) is refused, and attribute values are unescaped with the five
//! predefined entities and character references only, so an undeclared entity
//! makes its row fail instead of expanding.

use std::collections::{BTreeSet, HashMap};

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::sniff::{self, WrongFile};
use crate::domain::contacts::{MAX_DURATION_SECS, MAX_TEXT_CHARS};
use crate::domain::model::{Case, Channel, ContactData, Direction, Outcome, Source, Target};
use crate::domain::{numberbook, phone, time};

/// Largest file accepted (a few years of calls and SMS is well under this).
pub const MAX_INPUT_BYTES: usize = 60 * 1024 * 1024;
/// Longest phone number kept (digits after normalisation).
pub const MAX_NUMBER_DIGITS: usize = 32;
/// Appended to an SMS body cut to [`MAX_TEXT_CHARS`].
pub const TRUNCATED_MARKER: &str = " …[已截断 / truncated]";
/// Records read from one file: years of a busy phone fit; more is refused
/// with a message rather than freezing the page.
pub const MAX_RECORDS: usize = 200_000;
/// Columns in a CSV header: a mapping step with more is no use and slow to show.
pub const MAX_COLUMNS: usize = 200;
/// Longest contact name kept for display.
const MAX_NAME_CHARS: usize = 100;

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

/// One call or SMS from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneRecord {
    /// Normalised (digits only, mainland +86 dropped); a sender name as
    /// written when it has no digits; empty when the number was withheld.
    pub number: String,
    /// The number as the file wrote it (trimmed); empty when withheld.
    pub written: String,
    /// The instant, shown at the offset of the user's zone.
    pub at: DateTime<FixedOffset>,
    pub channel: Channel,
    pub direction: Direction,
    /// Calls only.
    pub outcome: Option<Outcome>,
    /// Calls only, when talked (> 0 s).
    pub duration_secs: Option<u32>,
    /// SMS text, verbatim (cut to [`MAX_TEXT_CHARS`] with [`TRUNCATED_MARKER`]).
    pub body: String,
    /// The name in the phone's address book, if any (only to help pick numbers).
    pub name: String,
}

impl PhoneRecord {
    pub fn withheld(&self) -> bool {
        self.number.is_empty()
    }
}

/// Why a row was skipped. The UI maps each to a translated message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowReason {
    NumberTooLong,
    MissingDate,
    BadDate(String),
    /// The local time does not exist (skipped by a daylight-saving change).
    NonexistentTime,
    BadDuration(String),
    /// Call or SMS type this import does not take (drafts, unknown codes).
    BadType(String),
    /// An attribute could not be read (bad escape, undeclared entity…).
    BadAttribute(String),
    /// A CSV row with fewer columns than the mapping needs.
    MissingColumn(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based: the n-th `<call>`/`<sms>`/`<mms>` element, or the CSV line (header = 1).
    pub row: usize,
    pub reason: RowReason,
}

/// The file stops early: nothing after `after` records could be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stop {
    /// Records (rows or row errors) read before the end.
    pub after: usize,
    /// True: the file simply ends (a cut download); false: it is broken there.
    pub cut: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportParse {
    pub rows: Vec<PhoneRecord>,
    pub errors: Vec<RowError>,
    /// Rows whose `date` was in seconds (10 digits), not milliseconds.
    pub seconds_dates: usize,
    /// MMS with no text part (pictures only): not imported.
    pub mms_media_only: usize,
    /// The file ends early; the user must choose to import what was read.
    pub stopped: Option<Stop>,
}

/// The whole file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
        max: usize,
    },
    Empty,
    /// A DTD declaring entities: refused, never expanded.
    EntityDeclaration,
    /// XML, but not `<calls>` or `<smses>` (even when it holds `<sms>` elements).
    NotPhoneBackup,
    /// Another kind of file altogether.
    Wrong(WrongFile),
    TooManyColumns {
        count: usize,
        max: usize,
    },
    TooManyRecords {
        max: usize,
    },
}

/// What a file looks like, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// XML: parse with [`parse_xml`] (calls, SMS or both).
    Xml,
    /// Anything else: try CSV.
    Csv,
}

/// XML or CSV; a recognisably different file is refused by name.
pub fn detect(text: &str) -> Result<FileKind, ImportError> {
    if let Some(w) = sniff::text_kind(text) {
        return Err(ImportError::Wrong(w));
    }
    Ok(if strip_bom(text).trim_start().starts_with('<') {
        FileKind::Xml
    } else {
        FileKind::Csv
    })
}

fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn check_size(text: &str) -> Result<(), ImportError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            max: MAX_INPUT_BYTES,
        });
    }
    if strip_bom(text).trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(())
}

/// Cut `s` to [`MAX_TEXT_CHARS`] characters, marker included.
fn cap_text(s: &str) -> String {
    match s.char_indices().nth(MAX_TEXT_CHARS) {
        None => s.to_string(),
        Some(_) => {
            let keep = MAX_TEXT_CHARS - TRUNCATED_MARKER.chars().count();
            let end = s.char_indices().nth(keep).map_or(s.len(), |(i, _)| i);
            format!("{}{TRUNCATED_MARKER}", &s[..end])
        }
    }
}

/// (normalised, as written); both empty when withheld.
fn number_of(raw: &str) -> Result<(String, String), RowReason> {
    if raw.trim().is_empty() || phone::is_withheld(raw) {
        return Ok((String::new(), String::new()));
    }
    let written: String = raw.trim().chars().take(MAX_NAME_CHARS).collect();
    let n = phone::key(raw);
    if n.len() > MAX_NUMBER_DIGITS {
        Err(RowReason::NumberTooLong)
    } else if n.is_empty() {
        // A sender name without digits ("ICBC"): grouped by its text.
        Ok((written.clone(), written))
    } else {
        Ok((n, written))
    }
}

/// Instants outside these years are a typing or export error, never evidence
/// (and far inside chrono's range, so no later arithmetic can overflow).
const YEARS: std::ops::RangeInclusive<i32> = 1971..=2200;

fn at_millis(ms: i64, zone: Tz) -> Option<DateTime<FixedOffset>> {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .filter(|d| YEARS.contains(&d.year()))
        .map(|d| time::utc_to_zone(d, zone))
}

/// An epoch `date` cell: 13 digits are milliseconds, 10 are seconds (flagged).
fn epoch(raw: &str, zone: Tz) -> Option<(DateTime<FixedOffset>, bool)> {
    let s = raw.trim();
    if s.is_empty() || !s.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let n: i64 = s.parse().ok()?;
    if (9..=10).contains(&s.len()) {
        at_millis(n.checked_mul(1000)?, zone).map(|d| (d, true))
    } else {
        at_millis(n, zone).map(|d| (d, false))
    }
}

fn short(s: &str) -> String {
    s.chars().take(40).collect()
}

fn clean_name(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() || s == "(Unknown)" || s.eq_ignore_ascii_case("null") {
        String::new()
    } else {
        s.chars().take(MAX_NAME_CHARS).collect()
    }
}

/// A call's direction and outcome from the Android `CallLog.Calls.TYPE` code.
pub fn call_type(code: u8, duration_secs: u32) -> Option<(Direction, Outcome)> {
    use Direction::{Incoming, Outgoing};
    Some(match code {
        // 7: answered on another device of the user's: the collector got through.
        1 | 7 => (Incoming, Outcome::Talked),
        2 if duration_secs > 0 => (Outgoing, Outcome::Talked),
        2 => (Outgoing, Outcome::Unanswered),
        // Missed, rejected by the user, blocked automatically.
        3 | 5 | 6 => (Incoming, Outcome::Unanswered),
        4 => (Incoming, Outcome::Voicemail),
        _ => return None,
    })
}

/// An SMS's direction from the Android `Telephony.Sms.TYPE` code: inbox, sent,
/// outbox, failed, queued. Drafts (3) were never sent: not a contact.
pub fn sms_type(code: u8) -> Option<Direction> {
    match code {
        1 => Some(Direction::Incoming),
        2 | 4 | 5 | 6 => Some(Direction::Outgoing),
        _ => None,
    }
}

/// An MMS's direction from `msg_box`: inbox, sent, outbox (drafts refused).
fn mms_box(code: u8) -> Option<Direction> {
    match code {
        1 => Some(Direction::Incoming),
        2 | 4 => Some(Direction::Outgoing),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// SMS Backup & Restore XML
// ---------------------------------------------------------------------------

/// An `<mms>` being read: its attributes, then its text parts and addresses.
struct Mms {
    row: usize,
    attrs: Result<Attrs, RowReason>,
    texts: Vec<String>,
    /// `<addr type="137">`: who sent it.
    from: Option<String>,
    bad: Option<RowReason>,
}

/// Parse a `calls.xml` or `sms.xml` export: calls, SMS, and the text parts of MMS.
pub fn parse_xml(text: &str, zone: Tz) -> Result<ImportParse, ImportError> {
    check_size(text)?;
    let mut reader = Reader::from_str(strip_bom(text));
    // Backups are machine-written; do not let an unmatched tag stop us early.
    reader.config_mut().check_end_names = false;
    let mut out = ImportParse::default();
    let mut row = 0usize;
    let mut root: Option<bool> = None; // Some(open?) once the root is seen
    let mut mms: Option<Mms> = None;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                if root.is_none() {
                    return Err(ImportError::NotPhoneBackup);
                }
                // Cut mid-element (the reader hit the end inside a tag) or broken.
                let cut = reader.buffer_position() as usize >= strip_bom(text).len()
                    || matches!(e, quick_xml::Error::Syntax(_));
                out.stopped = Some(Stop { after: row, cut });
                break;
            }
        };
        let (element, empty) = match &event {
            Event::Start(e) => (Some(e), false),
            Event::Empty(e) => (Some(e), true),
            _ => (None, false),
        };
        if let Some(e) = element {
            let name = e.local_name();
            let name = name.as_ref();
            match root {
                None if name == b"calls" || name == b"smses" => root = Some(!empty),
                None => return Err(ImportError::NotPhoneBackup),
                Some(_) => {}
            }
            if let Some(m) = mms.as_mut() {
                mms_child(m, e, name);
                continue;
            }
            match name {
                b"call" | b"sms" => {
                    row += 1;
                    if row > MAX_RECORDS {
                        return Err(ImportError::TooManyRecords { max: MAX_RECORDS });
                    }
                    match xml_row(e, zone) {
                        Ok((r, secs)) => {
                            out.seconds_dates += usize::from(secs);
                            out.rows.push(r);
                        }
                        Err(reason) => out.errors.push(RowError { row, reason }),
                    }
                }
                b"mms" => {
                    row += 1;
                    let m = Mms {
                        row,
                        attrs: attrs(e),
                        texts: Vec::new(),
                        from: None,
                        bad: None,
                    };
                    if empty {
                        finish_mms(&mut out, m, zone);
                    } else {
                        mms = Some(m);
                    }
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Eof => {
                if root == Some(true) {
                    out.stopped = Some(Stop {
                        after: row,
                        cut: true,
                    });
                }
                break;
            }
            Event::DocType(d) => {
                let decl = String::from_utf8_lossy(&d);
                if decl.contains("<!ENTITY") || decl.contains("<!entity") {
                    return Err(ImportError::EntityDeclaration);
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"mms" => {
                    if let Some(m) = mms.take() {
                        finish_mms(&mut out, m, zone);
                    }
                }
                b"calls" | b"smses" if mms.is_none() => root = Some(false),
                _ => {}
            },
            _ => {}
        }
    }
    if root.is_none() {
        return Err(ImportError::NotPhoneBackup);
    }
    Ok(out)
}

/// Attribute values by local name, unescaped by [`unescape`].
struct Attrs(HashMap<Vec<u8>, String>);

impl Attrs {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key.as_bytes()).map(String::as_str)
    }
}

/// The attributes this import reads (others, such as MMS media data, are
/// never unescaped or copied).
const KEPT: [&[u8]; 12] = [
    b"number",
    b"address",
    b"date",
    b"duration",
    b"type",
    b"body",
    b"contact_name",
    b"presentation",
    b"msg_box",
    b"ct",
    b"text",
    b"m_type",
];

fn attrs(e: &BytesStart<'_>) -> Result<Attrs, RowReason> {
    let mut map = HashMap::new();
    for attr in e.attributes().with_checks(false) {
        let attr = attr.map_err(|err| RowReason::BadAttribute(short(&err.to_string())))?;
        let key = attr.key.local_name().as_ref().to_vec();
        if !KEPT.contains(&key.as_slice()) {
            continue;
        }
        let value = unescape(&attr.value).map_err(|detail| {
            RowReason::BadAttribute(format!("{}: {detail}", String::from_utf8_lossy(&key)))
        })?;
        map.insert(key, value);
    }
    Ok(Attrs(map))
}

/// XML attribute unescaping: the five predefined entities and character
/// references. UTF-16 surrogate pairs written as two references
/// (`&#55357;&#56834;`, as several Android exporters write emoji) are joined;
/// an unpaired half or an invalid code point becomes U+FFFD. Any other entity
/// is an error (no DTD is ever processed).
pub fn unescape(raw: &[u8]) -> Result<String, String> {
    let s = std::str::from_utf8(raw).map_err(|_| "UTF-8".to_string())?;
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    let mut high: Option<u32> = None;
    while let Some(i) = rest.find('&') {
        let lead = &rest[..i];
        if !lead.is_empty() {
            if high.take().is_some() {
                out.push(char::REPLACEMENT_CHARACTER);
            }
            out.push_str(lead);
        }
        let after = &rest[i + 1..];
        let end = after
            .char_indices()
            .take(12)
            .find(|(_, c)| *c == ';')
            .map(|(j, _)| j)
            .ok_or_else(|| short(&rest[i..]))?;
        let name = &after[..end];
        rest = &after[end + 1..];
        let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
            u32::from_str_radix(hex, 16).ok()
        } else if let Some(dec) = name.strip_prefix('#') {
            dec.parse::<u32>().ok()
        } else {
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => return Err(format!("&{}", short(name))),
            };
            if high.take().is_some() {
                out.push(char::REPLACEMENT_CHARACTER);
            }
            out.push(c);
            continue;
        };
        let Some(code) = code else {
            return Err(format!("&{}", short(name)));
        };
        match (high.take(), code) {
            (None, 0xD800..=0xDBFF) => high = Some(code),
            (Some(h), 0xDC00..=0xDFFF) => {
                let c = 0x10000 + ((h - 0xD800) << 10) + (code - 0xDC00);
                out.push(char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER));
            }
            (Some(_), 0xD800..=0xDBFF) => {
                out.push(char::REPLACEMENT_CHARACTER);
                high = Some(code);
            }
            (h, c) => {
                if h.is_some() {
                    out.push(char::REPLACEMENT_CHARACTER);
                }
                // NUL is no XML character either.
                let c = char::from_u32(c).filter(|c| *c != '\0');
                out.push(c.unwrap_or(char::REPLACEMENT_CHARACTER));
            }
        }
    }
    if high.is_some() {
        out.push(char::REPLACEMENT_CHARACTER);
    }
    out.push_str(rest);
    Ok(out)
}

/// Date and type codes shared by calls, SMS and MMS.
fn xml_date(a: &Attrs, zone: Tz) -> Result<(DateTime<FixedOffset>, bool), RowReason> {
    let raw = a.get("date").ok_or(RowReason::MissingDate)?;
    epoch(raw, zone).ok_or_else(|| RowReason::BadDate(short(raw)))
}

fn code(a: &Attrs, key: &str) -> (Option<u8>, String) {
    let raw = a.get(key).unwrap_or("").trim().to_string();
    (raw.parse().ok(), raw)
}

/// One `<call>` or `<sms>`; the flag says the date was in seconds.
fn xml_row(e: &BytesStart<'_>, zone: Tz) -> Result<(PhoneRecord, bool), RowReason> {
    let is_call = e.local_name().as_ref() == b"call";
    let a = attrs(e)?;
    // Android presentation: 2 restricted, 3 unknown, 4 payphone.
    let hidden = is_call && matches!(a.get("presentation").map(str::trim), Some("2" | "3" | "4"));
    let raw_number = a
        .get(if is_call { "number" } else { "address" })
        .unwrap_or("");
    let (number, written) = if hidden {
        (String::new(), String::new())
    } else {
        number_of(raw_number)?
    };
    let (at, secs) = xml_date(&a, zone)?;
    let (code, raw_kind) = code(&a, "type");
    let name = clean_name(a.get("contact_name").unwrap_or(""));
    let record = if is_call {
        let secs = match a.get("duration").map(str::trim) {
            None | Some("") => 0,
            Some(d) => d
                .parse::<u32>()
                .ok()
                .filter(|s| *s <= MAX_DURATION_SECS)
                .ok_or_else(|| RowReason::BadDuration(short(d)))?,
        };
        let (direction, outcome) = code
            .and_then(|c| call_type(c, secs))
            .ok_or_else(|| RowReason::BadType(short(&raw_kind)))?;
        PhoneRecord {
            number,
            written,
            at,
            channel: Channel::Call,
            direction,
            outcome: Some(outcome),
            duration_secs: (secs > 0 && outcome == Outcome::Talked).then_some(secs),
            body: String::new(),
            name,
        }
    } else {
        let direction = code
            .and_then(sms_type)
            .ok_or_else(|| RowReason::BadType(short(&raw_kind)))?;
        PhoneRecord {
            number,
            written,
            at,
            channel: Channel::Sms,
            direction,
            outcome: None,
            duration_secs: None,
            body: cap_text(a.get("body").unwrap_or("")),
            name,
        }
    };
    Ok((record, secs))
}

/// A child of `<mms>`: a `<part>` (its text if `text/plain`) or an `<addr>`.
fn mms_child(m: &mut Mms, e: &BytesStart<'_>, name: &[u8]) {
    if name != b"part" && name != b"addr" {
        return;
    }
    match attrs(e) {
        Err(reason) => m.bad = Some(reason),
        Ok(a) if name == b"part" => {
            let text = a.get("text").unwrap_or("").trim();
            let plain = a.get("ct").is_some_and(|ct| ct.trim() == "text/plain");
            if plain && !text.is_empty() && text != "null" {
                m.texts.push(text.to_string());
            }
        }
        Ok(a) => {
            if a.get("type").map(str::trim) == Some("137") {
                m.from = a.get("address").map(str::to_string);
            }
        }
    }
}

fn finish_mms(out: &mut ImportParse, m: Mms, zone: Tz) {
    let row = m.row;
    match mms_record(m, zone) {
        Ok(Some((r, secs))) => {
            out.seconds_dates += usize::from(secs);
            out.rows.push(r);
        }
        Ok(None) => out.mms_media_only += 1,
        Err(reason) => out.errors.push(RowError { row, reason }),
    }
}

/// The text of an MMS as a message; `None` when it has no text (media only).
fn mms_record(m: Mms, zone: Tz) -> Result<Option<(PhoneRecord, bool)>, RowReason> {
    let a = m.attrs?;
    if let Some(reason) = m.bad {
        return Err(reason);
    }
    if m.texts.is_empty() {
        return Ok(None);
    }
    let (code, raw_box) = code(&a, "msg_box");
    let direction = code
        .and_then(mms_box)
        .ok_or_else(|| RowReason::BadType(short(&raw_box)))?;
    // Group messages list every address joined by "~"; the sender is the <addr type=137>.
    let listed = a
        .get("address")
        .unwrap_or("")
        .split('~')
        .next()
        .unwrap_or("");
    let raw_number = match (direction, &m.from) {
        (Direction::Incoming, Some(from)) => from.as_str(),
        _ => listed,
    };
    let (number, written) = number_of(raw_number)?;
    let (at, secs) = xml_date(&a, zone)?;
    Ok(Some((
        PhoneRecord {
            number,
            written,
            at,
            channel: Channel::Sms,
            direction,
            outcome: None,
            duration_secs: None,
            body: cap_text(&m.texts.join("\n")),
            name: clean_name(a.get("contact_name").unwrap_or("")),
        },
        secs,
    )))
}

// ---------------------------------------------------------------------------
// CSV
// ---------------------------------------------------------------------------

/// Which column holds what (0-based indexes into the header row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvMapping {
    pub number: usize,
    /// Date and time in one cell; else `date` (+ optional `time`).
    pub datetime: Option<usize>,
    pub date: Option<usize>,
    pub time: Option<usize>,
    /// Seconds, "M:SS", "H:MM:SS" or "1分23秒".
    pub duration: Option<usize>,
    /// Direction or type ("incoming", "来电", "missed", 1–6…). Missing: incoming.
    pub direction: Option<usize>,
    /// SMS text: goes into the notes.
    pub body: Option<usize>,
    /// Whether the file lists calls or SMS.
    pub channel: Channel,
}

impl Default for CsvMapping {
    fn default() -> Self {
        CsvMapping {
            number: 0,
            datetime: None,
            date: None,
            time: None,
            duration: None,
            direction: None,
            body: None,
            channel: Channel::Call,
        }
    }
}

/// Pick the separator (`,` `;` or tab) the header line uses most.
fn separator(text: &str) -> char {
    // The most separators on any one of the leading lines: a title line
    // above the header may hold none.
    let mut best = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut line = [0usize; 3];
    let mut lines = 0;
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => {
                for (b, n) in best.iter_mut().zip(line.iter_mut()) {
                    b.1 = b.1.max(std::mem::take(n));
                }
                lines += 1;
                if lines > MAX_TITLE_ROWS {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(i) = best.iter().position(|(sep, _)| *sep == c) {
                    line[i] += 1;
                }
            }
            _ => {}
        }
    }
    for (b, n) in best.iter_mut().zip(line) {
        b.1 = b.1.max(n);
    }
    // Ties (including none at all) go to the comma, listed first.
    best.iter()
        .fold(
            (',', 0),
            |best, &(c, n)| if n > best.1 { (c, n) } else { best },
        )
        .0
}

/// RFC 4180 records: quoted fields with `""`, separators and newlines inside
/// quotes, CRLF or LF line ends. An unclosed quote runs to the end.
struct Records<'a> {
    rest: &'a str,
    sep: char,
    /// The last record ended inside an open quote.
    unclosed: bool,
}

impl Iterator for Records<'_> {
    type Item = Vec<String>;

    fn next(&mut self) -> Option<Vec<String>> {
        if self.rest.is_empty() {
            return None;
        }
        let mut fields = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = self.rest.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if quoted {
                if c == '"' {
                    if matches!(chars.peek(), Some((_, '"'))) {
                        field.push('"');
                        chars.next();
                    } else {
                        quoted = false;
                    }
                } else {
                    field.push(c);
                }
            } else if c == '"' && field.trim().is_empty() {
                field.clear();
                quoted = true;
            } else if c == self.sep {
                fields.push(std::mem::take(&mut field));
            } else if c == '\n' || c == '\r' {
                let mut end = i + 1;
                if c == '\r' && matches!(chars.peek(), Some((_, '\n'))) {
                    end += 1;
                }
                fields.push(field);
                self.rest = &self.rest[end..];
                return Some(fields);
            } else {
                field.push(c);
            }
        }
        fields.push(field);
        self.rest = "";
        self.unclosed = quoted;
        Some(fields)
    }
}

fn records(text: &str) -> Records<'_> {
    let text = strip_bom(text);
    Records {
        rest: text,
        sep: separator(text),
        unclosed: false,
    }
}

/// Header words of a phone-number column.
const NUMBER_WORDS: &[&str] = &["number", "phone", "address", "号码", "號碼", "电话", "電話"];

/// Rows a statement may carry above its header (title, name, period).
const MAX_TITLE_ROWS: usize = 12;

/// Which record is the header, and its cells. Carrier statements open with a
/// title and account lines (a merged cell saves as one filled field): the
/// header is the first of the leading rows with two or more filled cells
/// that names a number column, else the first with two or more, else the
/// first non-empty row.
fn header_row(text: &str) -> Option<(usize, Vec<String>)> {
    let filled = |r: &[String]| r.iter().filter(|f| !f.trim().is_empty()).count();
    let names_number = |r: &[String]| {
        let mapping = guess_mapping(r);
        r.get(mapping.number).is_some_and(|h| {
            let h = h.to_lowercase();
            NUMBER_WORDS.iter().any(|w| h.contains(w))
        })
    };
    let leading: Vec<(usize, Vec<String>)> = records(text)
        .enumerate()
        .filter(|(_, r)| filled(r) > 0)
        .take(MAX_TITLE_ROWS)
        .collect();
    let pick = leading
        .iter()
        .position(|(_, r)| filled(r) >= 2 && r.len() <= MAX_COLUMNS && names_number(r))
        .or_else(|| leading.iter().position(|(_, r)| filled(r) >= 2))
        .or((!leading.is_empty()).then_some(0))?;
    leading
        .into_iter()
        .nth(pick)
        .map(|(i, r)| (i, r.into_iter().map(|h| h.trim().to_string()).collect()))
}

/// The header row, for the mapping step.
pub fn csv_headers(text: &str) -> Result<Vec<String>, ImportError> {
    check_size(text)?;
    let (_, headers) = header_row(text).ok_or(ImportError::Empty)?;
    if headers.len() > MAX_COLUMNS {
        return Err(ImportError::TooManyColumns {
            count: headers.len(),
            max: MAX_COLUMNS,
        });
    }
    Ok(headers)
}

/// Guess a mapping from header names (the user can change it). A date column
/// next to a time column (a carrier statement's 通话日期 + 通话时间) maps as
/// date + time; a lone time column holds both.
pub fn guess_mapping(headers: &[String]) -> CsvMapping {
    let lower: Vec<String> = headers.iter().map(|h| h.to_lowercase()).collect();
    let find = |words: &[&str], not: &[&str]| {
        lower
            .iter()
            .position(|h| words.iter().any(|w| h.contains(w)) && !not.iter().any(|w| h.contains(w)))
    };
    let duration = find(&["duration", "时长", "時長"], &[]);
    let date = find(&["date", "日期"], &["time", "时间", "時間"]);
    let time = find(
        &["time", "时间", "時間"],
        &["duration", "时长", "時長", "日期"],
    );
    let (datetime, date, time) = match (date, time) {
        (Some(d), Some(t)) => (None, Some(d), Some(t)),
        (d, t) => (t.or(d), None, None),
    };
    let body = find(
        &[
            "body", "content", "message", "text", "内容", "內容", "短信", "簡訊",
        ],
        &[],
    );
    let direction = find(
        &["主被叫", "呼叫类型", "呼叫類型", "呼叫方式", "direction"],
        &[],
    )
    .or_else(|| find(&["type", "类型", "類型", "方向"], &[]));
    CsvMapping {
        number: find(NUMBER_WORDS, &[]).unwrap_or(0),
        datetime,
        date,
        time,
        duration,
        direction,
        body,
        channel: if body.is_some() {
            Channel::Sms
        } else {
            Channel::Call
        },
    }
}

/// Parse a CSV with `mapping`; the first non-empty row is the header. Naive
/// times are in `zone`.
pub fn parse_csv(text: &str, mapping: &CsvMapping, zone: Tz) -> Result<ImportParse, ImportError> {
    csv_headers(text)?;
    let header = header_row(text).map_or(0, |(i, _)| i);
    let mut out = ImportParse::default();
    let mut read = 0usize;
    let mut recs = records(text);
    let mut row = 0usize;
    while let Some(rec) = recs.next() {
        row += 1;
        // The title lines and the header itself.
        if row <= header + 1 || rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if recs.unclosed {
            // The last field opened a quote the file never closes: it was cut.
            out.stopped = Some(Stop {
                after: read,
                cut: true,
            });
            break;
        }
        read += 1;
        if read > MAX_RECORDS {
            return Err(ImportError::TooManyRecords { max: MAX_RECORDS });
        }
        match csv_row(&rec, mapping, zone) {
            Ok((r, secs)) => {
                out.seconds_dates += usize::from(secs);
                out.rows.push(r);
            }
            Err(reason) => out.errors.push(RowError { row, reason }),
        }
    }
    Ok(out)
}

/// One record; the flag says its date was epoch seconds.
fn csv_row(rec: &[String], m: &CsvMapping, zone: Tz) -> Result<(PhoneRecord, bool), RowReason> {
    let cell = |i: usize| -> Result<&str, RowReason> {
        rec.get(i)
            .map(|s| s.as_str())
            .ok_or(RowReason::MissingColumn(i + 1))
    };
    let opt = |i: Option<usize>| -> Result<&str, RowReason> { i.map_or(Ok(""), cell) };
    let (number, written) = number_of(cell(m.number)?)?;
    let mut in_seconds = false;
    let at = match (m.datetime, m.date) {
        (Some(i), _) => {
            let raw = cell(i)?;
            match epoch(raw, zone) {
                Some((at, secs)) => {
                    in_seconds = secs;
                    at
                }
                None => parse_datetime(raw, zone)?,
            }
        }
        (None, Some(d)) => parse_date_time(cell(d)?, opt(m.time)?, zone)?,
        (None, None) => return Err(RowReason::MissingDate),
    };
    let raw_duration = opt(m.duration)?;
    let secs = if raw_duration.trim().is_empty() {
        None
    } else {
        Some(
            parse_duration(raw_duration)
                .ok_or_else(|| RowReason::BadDuration(short(raw_duration)))?,
        )
    };
    let raw_dir = opt(m.direction)?;
    let (channel, direction, typed_outcome) = direction_word(raw_dir, m.channel, secs.unwrap_or(0))
        .ok_or_else(|| RowReason::BadType(short(raw_dir)))?;
    if channel == Channel::Sms {
        return Ok((
            PhoneRecord {
                number,
                written,
                at,
                channel,
                direction,
                outcome: None,
                duration_secs: None,
                body: cap_text(opt(m.body)?),
                name: String::new(),
            },
            in_seconds,
        ));
    }
    let outcome = typed_outcome.unwrap_or(if secs == Some(0) {
        Outcome::Unanswered
    } else {
        Outcome::Talked
    });
    let record = PhoneRecord {
        number,
        written,
        at,
        channel: Channel::Call,
        direction,
        outcome: Some(outcome),
        duration_secs: secs.filter(|s| *s > 0 && outcome == Outcome::Talked),
        body: String::new(),
        name: String::new(),
    };
    Ok((record, in_seconds))
}

/// A type/direction cell: words in Chinese or English, or SyncTech codes.
/// Empty = incoming. Returns (channel, direction, outcome if stated).
fn direction_word(
    raw: &str,
    channel: Channel,
    secs: u32,
) -> Option<(Channel, Direction, Option<Outcome>)> {
    use Direction::{Incoming, Outgoing};
    let w = raw.trim().to_lowercase();
    if w.is_empty() {
        return Some((channel, Incoming, None));
    }
    if let Ok(code) = w.parse::<u8>() {
        return match channel {
            Channel::Sms => sms_type(code).map(|d| (Channel::Sms, d, None)),
            _ => call_type(code, secs).map(|(d, o)| (Channel::Call, d, Some(o))),
        };
    }
    let has = |words: &[&str]| words.iter().any(|x| w.contains(x));
    let sms = channel == Channel::Sms || has(&["sms", "短信", "簡訊", "message"]);
    let ch = if sms { Channel::Sms } else { Channel::Call };
    if has(&[
        "missed", "未接", "rejected", "拒接", "blocked", "拦截", "攔截", "declined",
    ]) {
        return Some((ch, Incoming, Some(Outcome::Unanswered)));
    }
    if has(&["voicemail", "语音信箱", "語音信箱", "留言"]) {
        return Some((ch, Incoming, Some(Outcome::Voicemail)));
    }
    if has(&[
        "outgoing", "outbound", "dialed", "dialled", "sent", "主叫", "呼出", "去电", "去電",
        "拨出", "撥出", "已拨", "已撥", "发送", "發送", "发出", "發出",
    ]) {
        let o = if secs > 0 {
            Outcome::Talked
        } else {
            Outcome::Unanswered
        };
        return Some((ch, Outgoing, (!sms).then_some(o)));
    }
    if has(&[
        "incoming", "inbound", "received", "inbox", "被叫", "呼入", "来电", "來電", "已接", "接听",
        "接聽", "收到", "接收", "收件",
    ]) {
        return Some((ch, Incoming, None));
    }
    None
}

/// Seconds from "37", "37s", "1:23", "0:01:23", "1分23秒", "1小时2分".
pub fn parse_duration(raw: &str) -> Option<u32> {
    let s = raw.trim().trim_end_matches(['s', 'S']).trim();
    if s.is_empty() {
        return None;
    }
    let secs: u64 = if s.contains(':') {
        let parts: Vec<&str> = s.split(':').collect();
        if parts.len() > 3 {
            return None;
        }
        let mut total = 0u64;
        for p in parts {
            total = total * 60 + p.trim().parse::<u64>().ok()?;
        }
        total
    } else if s.chars().all(|c| c.is_ascii_digit()) {
        s.parse().ok()?
    } else {
        let mut total = 0u64;
        let mut num = String::new();
        let mut any = false;
        let mut rest = s;
        while let Some(c) = rest.chars().next() {
            let step = c.len_utf8();
            let unit = ["小时", "小時", "分钟", "分鐘", "分", "秒"]
                .into_iter()
                .find(|u| rest.starts_with(u));
            if c.is_ascii_digit() {
                num.push(c);
                rest = &rest[step..];
            } else if let Some(u) = unit {
                let n: u64 = num.parse().ok()?;
                num.clear();
                total += n * match u {
                    "小时" | "小時" => 3600,
                    "分钟" | "分鐘" | "分" => 60,
                    _ => 1,
                };
                any = true;
                rest = &rest[u.len()..];
            } else if c.is_whitespace() {
                rest = &rest[step..];
            } else {
                return None;
            }
        }
        if !num.is_empty() || !any {
            return None;
        }
        total
    };
    u32::try_from(secs).ok().filter(|s| *s <= MAX_DURATION_SECS)
}

const NAIVE_FORMATS: [&str; 8] = [
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y/%m/%d %H:%M:%S",
    "%Y/%m/%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%Y.%m.%d %H:%M:%S",
    "%Y.%m.%d %H:%M",
];

/// One cell: ISO 8601 with offset, "YYYY-MM-DD HH:MM[:SS]", "YYYY/MM/DD
/// HH:MM[:SS]" (naive: in `zone`), or epoch milliseconds (13 digits) / seconds
/// (10 digits).
pub fn parse_datetime(raw: &str, zone: Tz) -> Result<DateTime<FixedOffset>, RowReason> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(RowReason::MissingDate);
    }
    let bad = || RowReason::BadDate(short(s));
    if s.chars().all(|c| c.is_ascii_digit()) {
        return epoch(s, zone).map(|(at, _)| at).ok_or_else(bad);
    }
    let zoned = |d: DateTime<FixedOffset>| {
        YEARS
            .contains(&d.year())
            .then(|| d.with_timezone(&zone).fixed_offset())
            .ok_or_else(bad)
    };
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return zoned(d);
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%d %H:%M%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return zoned(d);
        }
    }
    let naive = NAIVE_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .ok_or_else(bad)?;
    local_instant(naive, zone)
}

fn local_instant(naive: NaiveDateTime, zone: Tz) -> Result<DateTime<FixedOffset>, RowReason> {
    if !YEARS.contains(&naive.year()) {
        return Err(RowReason::BadDate(naive.to_string()));
    }
    time::from_local(naive, zone).ok_or(RowReason::NonexistentTime)
}

/// Separate date and time cells (time may be empty: midnight).
fn parse_date_time(
    date: &str,
    time_cell: &str,
    zone: Tz,
) -> Result<DateTime<FixedOffset>, RowReason> {
    let d = date.trim();
    if d.is_empty() {
        return Err(RowReason::MissingDate);
    }
    let day = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(d, f).ok())
        .ok_or_else(|| RowReason::BadDate(short(d)))?;
    let t = time_cell.trim();
    let at = if t.is_empty() {
        NaiveTime::MIN
    } else {
        ["%H:%M:%S", "%H:%M"]
            .iter()
            .find_map(|f| NaiveTime::parse_from_str(t, f).ok())
            .ok_or_else(|| RowReason::BadDate(short(t)))?
    };
    local_instant(day.and_time(at), zone)
}

// ---------------------------------------------------------------------------
// Picking numbers and building contacts
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NumberSummary {
    pub number: String,
    /// Address-book name from the file, if any.
    pub name: String,
    pub calls: usize,
    pub sms: usize,
    pub first: DateTime<FixedOffset>,
    pub last: DateTime<FixedOffset>,
}

impl NumberSummary {
    pub fn total(&self) -> usize {
        self.calls + self.sms
    }
}

/// One line per number, most entries first (ties: by number).
pub fn numbers_summary(parse: &ImportParse) -> Vec<NumberSummary> {
    let mut by: HashMap<&str, NumberSummary> = HashMap::new();
    for r in &parse.rows {
        let s = by
            .entry(r.number.as_str())
            .or_insert_with(|| NumberSummary {
                number: r.number.clone(),
                name: String::new(),
                calls: 0,
                sms: 0,
                first: r.at,
                last: r.at,
            });
        if r.channel == Channel::Sms {
            s.sms += 1;
        } else {
            s.calls += 1;
        }
        s.first = s.first.min(r.at);
        s.last = s.last.max(r.at);
        if s.name.is_empty() && !r.name.is_empty() {
            s.name.clone_from(&r.name);
        }
    }
    let mut out: Vec<NumberSummary> = by.into_values().collect();
    out.sort_by(|a, b| {
        b.total()
            .cmp(&a.total())
            .then_with(|| a.number.cmp(&b.number))
    });
    out
}

fn contact_data(r: &PhoneRecord, debt_id: &Option<String>) -> ContactData {
    ContactData {
        at: r.at,
        duration_secs: r.duration_secs,
        channel: r.channel,
        outcome: r.outcome,
        direction: r.direction,
        // As the file wrote it; compared by the normalised form.
        from_number: r.written.clone(),
        debt_id: debt_id.clone(),
        target: Target::Debtor,
        number_dialled: String::new(),
        notes: r.body.clone(),
        ..ContactData::default()
    }
}

/// A hand-typed entry that one imported record matched: same number, channel
/// and direction, and the record falls in the minute the user typed (hand-typed
/// times have no seconds). Shown with both times; the user may import anyway.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HandMatch {
    /// Index into [`ImportParse::rows`].
    pub row: usize,
    /// The stored contact's sequence number.
    pub seq: u32,
    pub typed_at: DateTime<FixedOffset>,
    pub record_at: DateTime<FixedOffset>,
    /// The user chose to import the record anyway.
    pub overridden: bool,
}

/// What an import will do, computed before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportPlan {
    /// New contacts, oldest first.
    pub contacts: Vec<ContactData>,
    /// Records repeated in the file: same number, channel, direction and
    /// instant to the millisecond (and the same text for messages).
    pub same_in_file: usize,
    /// Records already in the log from an import: same number, channel,
    /// direction and instant.
    pub same_in_log: usize,
    pub hand_typed: Vec<HandMatch>,
}

impl ImportPlan {
    /// Records skipped as duplicates, all rules together.
    pub fn duplicates(&self) -> usize {
        self.same_in_file
            + self.same_in_log
            + self.hand_typed.iter().filter(|m| !m.overridden).count()
    }
}

impl ImportPlan {
    /// How many of the new contacts fit in `free` bytes of storage (UTF-16,
    /// as browsers count localStorage), in order. Each stored contact is its
    /// JSON plus its key, envelope, sequence number, time stamp and hash.
    pub fn fitting(&self, free: usize) -> usize {
        const PER_CONTACT: usize = 200;
        let mut left = free;
        for (n, c) in self.contacts.iter().enumerate() {
            let units = serde_json::to_string(c).map_or(0, |j| j.encode_utf16().count());
            let bytes = (units + PER_CONTACT) * 2;
            if bytes > left {
                return n;
            }
            left -= bytes;
        }
        self.contacts.len()
    }
}

type Key = (String, Channel, Direction);
/// A hand-typed entry: its sequence number and time.
type Typed = (u32, DateTime<FixedOffset>);

fn key_of(number: &str, channel: Channel, direction: Direction) -> Key {
    (phone::key(number), channel, direction)
}

fn minute(at: &DateTime<FixedOffset>) -> i64 {
    at.timestamp().div_euclid(60)
}

/// Contacts for the records of `picked` numbers ("" = withheld), oldest first,
/// with every duplicate counted by the rule that caught it. A distinct record
/// is never dropped: calls seconds apart are separate calls. `overrides` are
/// rows (indexes into `parse.rows`) the user chose to import although they
/// match a hand-typed entry.
pub fn plan_import(
    parse: &ImportParse,
    picked: &BTreeSet<String>,
    case: &Case,
    debt_id: Option<String>,
    overrides: &BTreeSet<usize>,
) -> ImportPlan {
    // Imported entries by key and exact instant; hand-typed ones by key and minute.
    let mut stored: HashMap<Key, BTreeSet<i64>> = HashMap::new();
    let mut typed: HashMap<(Key, i64), Vec<Typed>> = HashMap::new();
    for c in case.active_contacts() {
        let d = &c.data;
        let k = key_of(&d.from_number, d.channel, d.direction);
        match c.source {
            Source::Imported => {
                stored.entry(k).or_default().insert(d.at.timestamp_millis());
            }
            Source::Manual if !k.0.is_empty() => {
                typed
                    .entry((k, minute(&d.at)))
                    .or_default()
                    .push((c.seq, d.at));
            }
            Source::Manual => {}
        }
    }
    let mut rows: Vec<(usize, &PhoneRecord)> = parse
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| picked.contains(&r.number))
        .collect();
    rows.sort_by_key(|(i, r)| (r.at, *i));
    let mut seen: BTreeSet<(Key, i64, &str)> = BTreeSet::new();
    let mut plan = ImportPlan::default();
    for (i, r) in rows {
        let k = key_of(&r.number, r.channel, r.direction);
        let ms = r.at.timestamp_millis();
        if !seen.insert((k.clone(), ms, r.body.as_str())) {
            plan.same_in_file += 1;
            continue;
        }
        if stored.get(&k).is_some_and(|t| t.contains(&ms)) {
            plan.same_in_log += 1;
            continue;
        }
        // Each hand-typed entry absorbs at most one record.
        if let Some((seq, typed_at)) = typed.get_mut(&(k, minute(&r.at))).and_then(Vec::pop) {
            let overridden = overrides.contains(&i);
            plan.hand_typed.push(HandMatch {
                row: i,
                seq,
                typed_at,
                record_at: r.at,
                overridden,
            });
            if !overridden {
                continue;
            }
        }
        let mut data = contact_data(r, &debt_id);
        // A number the debt's book lists ties the record to that lender.
        numberbook::attribute_new(case, &mut data);
        plan.contacts.push(data);
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contacts::add_contact;
    use crate::domain::model::Source;
    use chrono_tz::Asia::Shanghai;

    const CALLS: &str = r#"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<?xml-stylesheet type="text/xsl" href="calls.xsl"?>
<!--File Created By SMS Backup & Restore v10.20.002 on 05/03/2024 09:12:45-->
<calls count="7" backup_set="0b1c" backup_date="1709600000000" type="full">
  <call number="+8613800138000" duration="37" date="1709560800000" type="1" presentation="1" subscription_id="1" post_dial_digits="" subscription_component_name="com.android.phone/.TelephonyConnectionService" readable_date="2024年3月4日 22:00:00" contact_name="(Unknown)" />
  <call number="13800138000" duration="0" date="1709560900000" type="3" presentation="1" readable_date="2024年3月4日 22:01:40" contact_name="(Unknown)" />
  <call number="+86 139-0013-9000" duration="120" date="1709561000000" type="2" presentation="1" contact_name="张三 &amp; 李四" />
  <call number="13900139000" duration="0" date="1709561100000" type="2" presentation="1" contact_name="张三 &amp; 李四" />
  <call number="" duration="0" date="1709561200000" type="1" presentation="2" contact_name="(Unknown)" />
  <call number="95588" duration="15" date="1709561300000" type="4" presentation="1" contact_name="工商银行" />
  <call number="02161234567" duration="0" date="1709561400000" type="6" presentation="1" contact_name="(Unknown)" />
</calls>
"#;

    const SMS: &str = r#"<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="4" backup_set="x" backup_date="1709600000000" type="full">
  <sms protocol="0" address="+8613800138000" date="1709560800000" type="1" subject="null" body="【某某金融】您的账单已逾期 &amp; 将上报征信，请今日 18:00 前还款。&#10;回复 TD 退订" toa="null" sc_toa="null" service_center="+8613800100500" read="1" status="-1" locked="0" date_sent="1709560799000" sub_id="1" readable_date="2024年3月4日 22:00:00" contact_name="(Unknown)" />
  <sms protocol="0" address="13800138000" date="1709560860000" type="2" body="请不要再给我家人打电话。" read="1" status="-1" contact_name="(Unknown)" />
  <mms date="1709560900000" ct_t="application/vnd.wap.multipart.related" msg_box="1" address="+8613800138000" m_type="132">
    <parts>
      <part seq="0" ct="text/plain" name="null" text="【律师函】请于三日内联系处理" />
    </parts>
    <addrs>
      <addr address="+8613800138000" type="137" charset="106" />
    </addrs>
  </mms>
  <sms protocol="0" address="10086" date="1709561000000" type="1" body="&lt;话费&gt; &quot;余额&quot; &#x4E0D;足" contact_name="中国移动" />
  <sms protocol="0" address="10086" date="1709561100000" type="3" body="草稿" contact_name="中国移动" />
</smses>
"#;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn calls_xml(n: usize, numbers: &[&str]) -> String {
        let mut s = String::from("<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n");
        s.push_str(&format!("<calls count=\"{n}\">\n"));
        for i in 0..n {
            let number = numbers[i % numbers.len()];
            let ms = 1_709_560_800_000i64 + i as i64 * 600_000;
            let kind = 1 + i % 6;
            s.push_str(&format!(
                "  <call number=\"{number}\" duration=\"{}\" date=\"{ms}\" type=\"{kind}\" presentation=\"1\" readable_date=\"x\" contact_name=\"(Unknown)\" />\n",
                i % 90
            ));
        }
        s.push_str("</calls>\n");
        s
    }

    fn all(parse: &ImportParse) -> BTreeSet<String> {
        parse.rows.iter().map(|r| r.number.clone()).collect()
    }

    #[test]
    fn realistic_calls_xml() {
        assert_eq!(detect(CALLS), Ok(FileKind::Xml));
        let p = parse_xml(CALLS, Shanghai).unwrap();
        assert_eq!(p.rows.len(), 7);
        assert!(p.errors.is_empty(), "{p:?}");
        // Presentation 2 (restricted): kept as a withheld number, still evidence.
        assert!(p.rows[4].withheld());
        assert_eq!(p.rows[4].at, at("2024-03-04T22:06:40+08:00"));
        assert_eq!(p.rows[0].written, "+8613800138000");
        let r = &p.rows[0];
        assert_eq!(r.number, "13800138000");
        assert_eq!(r.at, at("2024-03-04T22:00:00+08:00"));
        assert_eq!(r.at.offset().local_minus_utc(), 8 * 3600);
        assert_eq!(
            (r.channel, r.direction, r.outcome),
            (Channel::Call, Direction::Incoming, Some(Outcome::Talked))
        );
        assert_eq!(r.duration_secs, Some(37));
        assert_eq!(r.name, "");
        let r = &p.rows[1];
        assert_eq!(
            (r.direction, r.outcome, r.duration_secs),
            (Direction::Incoming, Some(Outcome::Unanswered), None)
        );
        let r = &p.rows[2];
        assert_eq!(r.number, "13900139000");
        assert_eq!(r.name, "张三 & 李四");
        assert_eq!(
            (r.direction, r.outcome, r.duration_secs),
            (Direction::Outgoing, Some(Outcome::Talked), Some(120))
        );
        assert_eq!(p.rows[3].outcome, Some(Outcome::Unanswered));
        assert_eq!(p.rows[5].outcome, Some(Outcome::Voicemail));
        assert_eq!(p.rows[6].number, "02161234567");
        // Another zone: same instant, other offset.
        let ny = parse_xml(CALLS, chrono_tz::America::New_York).unwrap();
        assert_eq!(ny.rows[0].at, p.rows[0].at);
        assert_eq!(ny.rows[0].at.offset().local_minus_utc(), -5 * 3600);
    }

    #[test]
    fn realistic_sms_xml() {
        let p = parse_xml(SMS, Shanghai).unwrap();
        assert_eq!(p.rows.len(), 4, "{p:?}");
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].row, 5);
        assert!(matches!(p.errors[0].reason, RowReason::BadType(_)));
        let r = &p.rows[0];
        assert_eq!(
            (r.channel, r.direction, r.outcome),
            (Channel::Sms, Direction::Incoming, None)
        );
        assert_eq!(
            r.body,
            "【某某金融】您的账单已逾期 & 将上报征信，请今日 18:00 前还款。\n回复 TD 退订"
        );
        assert_eq!(p.rows[1].direction, Direction::Outgoing);
        assert_eq!(p.rows[1].body, "请不要再给我家人打电话。");
        // The MMS's text part is a message from the <addr type="137">.
        let m = &p.rows[2];
        assert_eq!(
            (m.channel, m.direction, m.number.as_str(), m.body.as_str()),
            (
                Channel::Sms,
                Direction::Incoming,
                "13800138000",
                "【律师函】请于三日内联系处理"
            )
        );
        assert_eq!(p.rows[3].body, "<话费> \"余额\" 不足");
        assert_eq!(p.rows[3].name, "中国移动");
        assert_eq!(p.mms_media_only, 0);
    }

    #[test]
    fn call_type_table() {
        use Direction::*;
        use Outcome::*;
        let table = [
            (1, 10, Some((Incoming, Talked))),
            (1, 0, Some((Incoming, Talked))),
            (2, 10, Some((Outgoing, Talked))),
            (2, 0, Some((Outgoing, Unanswered))),
            (3, 0, Some((Incoming, Unanswered))),
            (4, 20, Some((Incoming, Voicemail))),
            (5, 0, Some((Incoming, Unanswered))),
            (6, 0, Some((Incoming, Unanswered))),
            // Answered on another of the user's devices.
            (7, 5, Some((Incoming, Talked))),
            (0, 0, None),
            (8, 5, None),
        ];
        for (code, secs, want) in table {
            assert_eq!(call_type(code, secs), want, "type {code}, {secs}s");
        }
    }

    #[test]
    fn entity_expansion_is_refused() {
        let lol = r#"<?xml version="1.0"?>
<!DOCTYPE calls [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<calls count="1"><call number="13800138000" date="1709560800000" type="1" duration="1" contact_name="&lol3;" /></calls>"#;
        assert_eq!(
            parse_xml(lol, Shanghai),
            Err(ImportError::EntityDeclaration)
        );
        let xxe = r#"<?xml version="1.0"?><!DOCTYPE smses [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><smses><sms address="1" date="1709560800000" type="1" body="&xxe;" /></smses>"#;
        assert_eq!(
            parse_xml(xxe, Shanghai),
            Err(ImportError::EntityDeclaration)
        );
        // Without a DTD the reference is simply unknown: the row fails, nothing expands.
        let bare = r#"<smses><sms address="13800138000" date="1709560800000" type="1" body="&lol3;" /></smses>"#;
        let p = parse_xml(bare, Shanghai).unwrap();
        assert!(p.rows.is_empty());
        assert!(
            matches!(p.errors[0].reason, RowReason::BadAttribute(_)),
            "{p:?}"
        );
        // A DTD without entities is harmless and ignored.
        let plain = r#"<!DOCTYPE calls><calls><call number="13800138000" date="1709560800000" type="1" /></calls>"#;
        assert_eq!(parse_xml(plain, Shanghai).unwrap().rows.len(), 1);
    }

    #[test]
    fn malformed_xml_is_reported() {
        // Cut off in the middle of the third call: the first two are kept.
        let cut = &CALLS[..CALLS.find("<call number=\"+86 139").unwrap() + 30];
        let p = parse_xml(cut, Shanghai).unwrap();
        assert_eq!(p.rows.len(), 2);
        assert_eq!(
            p.stopped,
            Some(Stop {
                after: 2,
                cut: true
            }),
            "{p:?}"
        );
        // Cut between two elements: the root is never closed.
        let cut = &CALLS[..CALLS.find("<call number=\"+86 139").unwrap()];
        let p = parse_xml(cut, Shanghai).unwrap();
        assert_eq!((p.rows.len(), p.stopped.map(|s| s.after)), (2, Some(2)));
        assert_eq!(parse_xml(CALLS, Shanghai).unwrap().stopped, None);
        for bad in [
            "<calls><call number=\"1\" date=\"x\" type=\"1\" number=\"2\"/></calls>",
            "<calls><call number='13800138000 date=1 /></calls>",
            "<calls><call =\"x\"/></calls>",
            "<<<>>>",
            "<calls><call number=\"13800138000\" date=\"99999999999999999999\" type=\"1\"/><call number=\"13800138000\" date=\"1709560800000\" type=\"x\"/><call number=\"13800138000\" date=\"1709560800000\" type=\"1\" duration=\"-5\"/></calls>",
            "<?xml version='1.0'?><html><body>not a backup</body></html>",
            "\u{feff}<calls></calls>",
        ] {
            let _ = parse_xml(bad, Shanghai);
        }
        let p = parse_xml("<calls><call number=\"13800138000\" date=\"99999999999999999999\" type=\"1\"/><call number=\"13800138000\" date=\"1709560800000\" type=\"x\"/><call number=\"13800138000\" date=\"1709560800000\" type=\"1\" duration=\"-5\"/><call number=\"13800138000\" type=\"1\"/></calls>", Shanghai).unwrap();
        let rows: Vec<usize> = p.errors.iter().map(|e| e.row).collect();
        assert_eq!(rows, [1, 2, 3, 4]);
        assert!(matches!(p.errors[0].reason, RowReason::BadDate(_)));
        assert!(matches!(p.errors[1].reason, RowReason::BadType(_)));
        assert!(matches!(p.errors[2].reason, RowReason::BadDuration(_)));
        assert_eq!(p.errors[3].reason, RowReason::MissingDate);
        assert_eq!(
            parse_xml("<html><body/></html>", Shanghai),
            Err(ImportError::NotPhoneBackup)
        );
        assert_eq!(parse_xml("  ", Shanghai), Err(ImportError::Empty));
    }

    #[test]
    fn huge_attributes_are_capped() {
        let body = "催".repeat(MAX_TEXT_CHARS * 3) + &"&amp;".repeat(1000);
        let xml = format!(
            "<smses><sms address=\"13800138000\" date=\"1709560800000\" type=\"1\" body=\"{body}\" junk=\"{}\"/><sms address=\"{}\" date=\"1709560800000\" type=\"1\" body=\"x\"/></smses>",
            "x".repeat(1_000_000),
            "1".repeat(100_000),
        );
        let p = parse_xml(&xml, Shanghai).unwrap();
        assert_eq!(p.rows.len(), 1);
        let b = &p.rows[0].body;
        assert_eq!(b.chars().count(), MAX_TEXT_CHARS);
        assert!(b.ends_with(TRUNCATED_MARKER));
        assert_eq!(
            p.errors,
            vec![RowError {
                row: 2,
                reason: RowReason::NumberTooLong
            }]
        );
        let big = " ".repeat(MAX_INPUT_BYTES + 1);
        assert!(matches!(
            parse_xml(&big, Shanghai),
            Err(ImportError::TooLarge { .. })
        ));
        assert!(matches!(
            csv_headers(&big),
            Err(ImportError::TooLarge { .. })
        ));
    }

    #[test]
    fn csv_with_bom_semicolons_and_quotes() {
        let text = "\u{feff}\"号码\";\"时间\";\"时长\";\"类型\";\"备注\"\r\n\
            \"+86 138 0013 8000\";2024-03-04 22:00:05;37;来电;\"说\"\"不还就上门\"\"; 还有\r\n第二行\"\r\n\
            13800138000;2024/03/04 22:10;0;未接;\r\n\
            13900139000;2024-03-04T14:20:00Z;1:05;outgoing;\r\n\
            13900139000;1709562000000;;;\r\n\
            13900139000;2024-03-10 02:30;;weird;\r\n\
            13900139000\r\n\
            \r\n";
        assert_eq!(detect(text), Ok(FileKind::Csv));
        let headers = csv_headers(text).unwrap();
        assert_eq!(headers, ["号码", "时间", "时长", "类型", "备注"]);
        let guess = guess_mapping(&headers);
        assert_eq!(
            (
                guess.number,
                guess.datetime,
                guess.duration,
                guess.direction
            ),
            (0, Some(1), Some(2), Some(3))
        );
        let m = CsvMapping {
            number: 0,
            datetime: Some(1),
            duration: Some(2),
            direction: Some(3),
            body: None,
            channel: Channel::Call,
            ..CsvMapping::default()
        };
        let p = parse_csv(text, &m, Shanghai).unwrap();
        assert_eq!(p.rows.len(), 4, "{p:?}");
        let r = &p.rows[0];
        assert_eq!(r.number, "13800138000");
        assert_eq!(r.at, at("2024-03-04T22:00:05+08:00"));
        assert_eq!(
            (r.direction, r.outcome, r.duration_secs),
            (Direction::Incoming, Some(Outcome::Talked), Some(37))
        );
        assert_eq!(
            (p.rows[1].at, p.rows[1].outcome),
            (at("2024-03-04T22:10:00+08:00"), Some(Outcome::Unanswered))
        );
        assert_eq!(p.rows[2].at, at("2024-03-04T22:20:00+08:00"));
        assert_eq!(p.rows[2].at.offset().local_minus_utc(), 8 * 3600);
        assert_eq!(
            (p.rows[2].direction, p.rows[2].duration_secs),
            (Direction::Outgoing, Some(65))
        );
        assert_eq!(p.rows[3].at, at("2024-03-04T22:20:00+08:00"));
        // Row numbers are spreadsheet lines (header = 1; the quoted note spans two lines but one record).
        assert_eq!(p.errors.len(), 2);
        assert_eq!(p.errors[0].row, 6);
        assert!(matches!(p.errors[0].reason, RowReason::BadType(_)));
        assert_eq!(
            p.errors[1],
            RowError {
                row: 7,
                reason: RowReason::MissingColumn(2)
            }
        );

        // The same as SMS with a body column: quotes, separators and newlines kept.
        let sms = CsvMapping {
            body: Some(4),
            channel: Channel::Sms,
            direction: None,
            duration: None,
            ..m
        };
        let p = parse_csv(text, &sms, Shanghai).unwrap();
        assert_eq!(p.rows[0].channel, Channel::Sms);
        assert_eq!(p.rows[0].body, "说\"不还就上门\"; 还有\r\n第二行");
    }

    #[test]
    fn a_carrier_statement_with_title_lines_above_the_header() {
        // As Excel saves a statement with a merged title row and account lines.
        let text = "中国移动通信 客户通话详单\t\t\t\n\
                    客户姓名：王**\t\t\t\n\
                    查询时段：2026-03-01\t至\t2026-03-31\t\n\
                    \n\
                    通话日期\t通话时间\t呼叫类型\t对方号码\n\
                    2026-03-05\t22:30:05\t被叫\t17100003333\n\
                    2026-03-05\t22:45:10\t主叫\t17100003333\n";
        let headers = csv_headers(text).unwrap();
        assert_eq!(headers, ["通话日期", "通话时间", "呼叫类型", "对方号码"]);
        let m = guess_mapping(&headers);
        assert_eq!(
            (m.number, m.date, m.time, m.direction),
            (3, Some(0), Some(1), Some(2))
        );
        let p = parse_csv(text, &m, Shanghai).unwrap();
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.rows[0].at, at("2026-03-05T22:30:05+08:00"));
        assert_eq!(p.rows[1].direction, Direction::Outgoing);
        // A title line with no separator at all, above a semicolon file.
        let text = "通话详单\n号码;时间\n13800138000;2026-03-05 22:30\n";
        assert_eq!(csv_headers(text).unwrap(), ["号码", "时间"]);
        let p = parse_csv(text, &guess_mapping(&csv_headers(text).unwrap()), Shanghai).unwrap();
        assert_eq!((p.rows.len(), p.errors.len()), (1, 0));
    }

    #[test]
    fn csv_tabs_commas_and_separate_date_time() {
        let tsv = "number\tdate\ttime\ttype\n13800138000\t2024-03-04\t22:00\tmissed\n";
        assert_eq!(
            csv_headers(tsv).unwrap(),
            ["number", "date", "time", "type"]
        );
        let m = CsvMapping {
            number: 0,
            date: Some(1),
            time: Some(2),
            direction: Some(3),
            ..CsvMapping::default()
        };
        let p = parse_csv(tsv, &m, Shanghai).unwrap();
        assert_eq!(p.rows[0].at, at("2024-03-04T22:00:00+08:00"));
        assert_eq!(p.rows[0].outcome, Some(Outcome::Unanswered));
        let csv = "Phone,When,Type\n\"13800138000\",\"2024-03-04T22:00:00+08:00\",2\n13800138000,1709560800,1\n";
        let m = CsvMapping {
            number: 0,
            datetime: Some(1),
            direction: Some(2),
            ..CsvMapping::default()
        };
        let p = parse_csv(csv, &m, chrono_tz::UTC).unwrap();
        assert_eq!(p.rows.len(), 2, "{p:?}");
        assert_eq!(p.rows[0].at, at("2024-03-04T14:00:00Z"));
        assert_eq!(p.rows[0].at.offset().local_minus_utc(), 0);
        assert_eq!(
            (p.rows[0].direction, p.rows[0].outcome),
            (Direction::Outgoing, Some(Outcome::Unanswered))
        );
        assert_eq!(p.rows[1].at, at("2024-03-04T14:00:00Z"));
        // A time skipped by daylight saving is reported.
        let gap = "n,t\n13800138000,2024-03-10 02:30\n";
        let m = CsvMapping {
            number: 0,
            datetime: Some(1),
            ..CsvMapping::default()
        };
        let p = parse_csv(gap, &m, chrono_tz::America::New_York).unwrap();
        assert_eq!(p.errors[0].reason, RowReason::NonexistentTime);
    }

    #[test]
    fn durations() {
        for (s, want) in [
            ("37", Some(37)),
            ("37s", Some(37)),
            ("1:05", Some(65)),
            ("01:00:05", Some(3605)),
            ("1分5秒", Some(65)),
            ("1小时2分", Some(3720)),
            ("12秒", Some(12)),
            ("", None),
            ("abc", None),
            ("1:2:3:4", None),
            ("999999999999", None),
            ("90000", None),
            ("5分3", None),
        ] {
            assert_eq!(parse_duration(s), want, "{s:?}");
        }
    }

    #[test]
    fn summary_sorted_by_count() {
        let p = parse_xml(
            &calls_xml(
                10,
                &[
                    "13800138000",
                    "13800138000",
                    "13800138000",
                    "13900139000",
                    "02161234567",
                ],
            ),
            Shanghai,
        )
        .unwrap();
        let s = numbers_summary(&p);
        assert_eq!(s.len(), 3);
        assert_eq!(
            (s[0].number.as_str(), s[0].calls, s[0].sms),
            ("13800138000", 6, 0)
        );
        assert_eq!(s[1].total(), 2);
        assert_eq!(s[1].number, "02161234567");
        assert!(s[0].first < s[0].last);
    }

    fn plan(p: &ImportParse, picked: &BTreeSet<String>, case: &Case) -> ImportPlan {
        plan_import(p, picked, case, None, &BTreeSet::new())
    }

    fn stored(case: &mut Case, p: &ImportParse) {
        let now: DateTime<Utc> = "2026-03-10T12:00:00Z".parse().unwrap();
        for d in plan(p, &all(p), case).contacts {
            add_contact(case, d, Source::Imported, now).unwrap();
        }
    }

    #[test]
    fn only_picked_numbers_and_idempotent() {
        let now: DateTime<Utc> = "2026-03-10T12:00:00Z".parse().unwrap();
        let mut case = Case::default();
        let p = parse_xml(CALLS, Shanghai).unwrap();
        let picked: BTreeSet<String> = ["13800138000".to_string()].into();
        let first = plan_import(&p, &picked, &case, Some("debt-1".into()), &BTreeSet::new());
        assert_eq!((first.contacts.len(), first.duplicates()), (2, 0));
        assert!(first.contacts.iter().all(|c| c.target == Target::Debtor
            && c.number_dialled.is_empty()
            && c.debt_id.as_deref() == Some("debt-1")));
        // Stored as the file wrote it.
        assert_eq!(first.contacts[0].from_number, "+8613800138000");
        for d in first.contacts {
            add_contact(&mut case, d, Source::Imported, now).unwrap();
        }
        // Import the same file again: nothing new, and the rule is named.
        let again = plan(&p, &picked, &case);
        assert_eq!((again.contacts.len(), again.same_in_log), (0, 2));
        // All numbers, the withheld one included: only the new ones.
        assert_eq!(plan(&p, &all(&p), &case).contacts.len(), 5);
        stored(&mut case, &p);
        assert_eq!(plan(&p, &all(&p), &case).same_in_log, 7);
        let sms = parse_xml(SMS, Shanghai).unwrap();
        let new = plan(&sms, &all(&sms), &case).contacts;
        assert_eq!(new.len(), 4);
        assert!(new[0].notes.contains("逾期"));
    }

    #[test]
    fn records_from_a_listed_number_are_tied_to_its_lender() {
        let mut case = Case::default();
        case.debts.push(crate::domain::model::Debt {
            id: "d1".into(),
            lender: "甲银行".into(),
            hotline: "+86 138-0013-8000".into(),
            ..Default::default()
        });
        let p = parse_xml(CALLS, Shanghai).unwrap();
        let got = plan(&p, &all(&p), &case);
        let tied: Vec<bool> = got.contacts.iter().map(|c| c.debt_id.is_some()).collect();
        assert_eq!(tied, [true, true, false, false, false, false, false]);
        let a = numberbook::preview(&case, &got.contacts);
        assert_eq!(
            (a.per_debt, a.unattributed),
            (vec![("d1".to_string(), 2)], 5)
        );
        // A debt the user picked for the whole import wins.
        let picked = plan_import(&p, &all(&p), &case, Some("d9".into()), &BTreeSet::new());
        assert!(picked
            .contacts
            .iter()
            .all(|c| c.debt_id.as_deref() == Some("d9")));
    }

    #[test]
    fn distinct_records_seconds_apart_are_all_kept() {
        // An autodialer: 8 missed calls 40 s apart, then 3 different SMS within 40 s.
        let t0 = 1_709_560_800_000i64;
        let mut xml = String::from("<calls>");
        for i in 0..8 {
            xml += &format!(
                "<call number=\"13800138000\" date=\"{}\" type=\"3\" duration=\"0\"/>",
                t0 + i * 40_000
            );
        }
        xml += "</calls>";
        let p = parse_xml(&xml, Shanghai).unwrap();
        let got = plan(&p, &all(&p), &Case::default());
        assert_eq!((got.contacts.len(), got.duplicates()), (8, 0));

        let sms = |ms: i64, body: &str| {
            format!("<sms address=\"13800138000\" date=\"{ms}\" type=\"1\" body=\"{body}\"/>")
        };
        let xml = format!(
            "<smses>{}{}{}{}{}</smses>",
            sms(t0, "第一条"),
            sms(t0 + 20_000, "第二条"),
            sms(t0 + 40_000, "第三条"),
            // The same instant, another text: another message.
            sms(t0 + 40_000, "第四条"),
            // The very same message twice (a backup merged twice): one.
            sms(t0, "第一条"),
        );
        let p = parse_xml(&xml, Shanghai).unwrap();
        let got = plan(&p, &all(&p), &Case::default());
        assert_eq!((got.contacts.len(), got.same_in_file), (4, 1));
        // A call one millisecond later is another call.
        let twice = format!(
            "<calls><call number=\"13800138000\" date=\"{t0}\" type=\"3\"/><call number=\"+86 138 0013 8000\" date=\"{t0}\" type=\"3\"/><call number=\"13800138000\" date=\"{}\" type=\"3\"/></calls>",
            t0 + 1
        );
        let p = parse_xml(&twice, Shanghai).unwrap();
        let got = plan(&p, &all(&p), &Case::default());
        assert_eq!((got.contacts.len(), got.same_in_file), (2, 1));
    }

    #[test]
    fn hand_typed_match_is_shown_and_can_be_overridden() {
        let now: DateTime<Utc> = "2026-03-10T12:00:00Z".parse().unwrap();
        let mut case = Case::default();
        let typed = ContactData {
            at: at("2024-03-04T22:00:00+08:00"),
            from_number: "138 0013 8000".into(),
            ..ContactData::default()
        };
        add_contact(&mut case, typed, Source::Manual, now).unwrap();
        let t0 = 1_709_560_800_000i64; // 22:00:00 in Shanghai
        let xml = |rows: &[(i64, u8)]| {
            let calls: String = rows
                .iter()
                .map(|(ms, kind)| format!("<call number=\"13800138000\" date=\"{ms}\" type=\"{kind}\" duration=\"5\"/>"))
                .collect();
            parse_xml(&format!("<calls>{calls}</calls>"), Shanghai).unwrap()
        };
        // Two calls in the typed minute: the hand-typed entry matches one only.
        let p = xml(&[
            (t0 + 30_000, 1),
            (t0 + 50_000, 1),
            (t0 + 61_000, 1),
            (t0 - 1_000, 1),
            (t0 + 10_000, 2),
        ]);
        let got = plan(&p, &all(&p), &case);
        assert_eq!(got.contacts.len(), 4, "{got:?}");
        assert_eq!(
            got.hand_typed,
            vec![HandMatch {
                row: 0,
                seq: 1,
                typed_at: at("2024-03-04T22:00:00+08:00"),
                record_at: at("2024-03-04T22:00:30+08:00"),
                overridden: false,
            }]
        );
        assert_eq!(got.duplicates(), 1);
        // The user says it is another call: it is imported.
        let over = plan_import(&p, &all(&p), &case, None, &[0].into());
        assert_eq!((over.contacts.len(), over.duplicates()), (5, 0));
        assert!(over.hand_typed[0].overridden);
        // Storage: each contact costs its JSON and fixed overhead.
        assert_eq!(over.fitting(usize::MAX), 5);
        assert_eq!(over.fitting(0), 0);
        assert_eq!(over.fitting(1500), 2);
        // A deleted entry matches nothing.
        crate::domain::contacts::delete_contact(&mut case, 1, now).unwrap();
        assert!(plan(&p, &all(&p), &case).hand_typed.is_empty());
    }

    #[test]
    fn emoji_as_surrogate_pair_references() {
        for (raw, want) in [
            ("&#55357;&#56834; 还钱", "😂 还钱"),
            ("&#xD83D;&#xDE02;", "😂"),
            ("a&#55357;b", "a\u{fffd}b"),
            ("&#56834;", "\u{fffd}"),
            ("&#55357;", "\u{fffd}"),
            ("&#55357;&#55357;&#56834;", "\u{fffd}😂"),
            ("&#55357;&amp;", "\u{fffd}&"),
            ("&#x4E0D;&lt;&gt;&quot;&apos;&#10;", "不<>\"'\n"),
            ("&#xFFFFFF;&#0;", "\u{fffd}\u{fffd}"),
        ] {
            assert_eq!(unescape(raw.as_bytes()).as_deref(), Ok(want), "{raw}");
        }
        assert!(unescape(b"&bogus;").is_err());
        assert!(unescape(b"a & b").is_err());
        let xml = "<smses><sms address=\"13800138000\" date=\"1709560800000\" type=\"1\" body=\"&#55357;&#56834;再不还钱&#55357;\"/></smses>";
        let p = parse_xml(xml, Shanghai).unwrap();
        assert_eq!(p.rows[0].body, "😂再不还钱\u{fffd}");
    }

    #[test]
    fn sms_types_and_withheld_numbers() {
        let sms = |kind: &str| {
            format!(
                "<sms address=\"13800138000\" date=\"1709560800000\" type=\"{kind}\" body=\"x\"/>"
            )
        };
        let xml = format!(
            "<smses>{}</smses>",
            ["1", "2", "3", "4", "5", "6", "7"].map(sms).concat()
        );
        let p = parse_xml(&xml, Shanghai).unwrap();
        let dirs: Vec<Direction> = p.rows.iter().map(|r| r.direction).collect();
        use Direction::*;
        assert_eq!(dirs, [Incoming, Outgoing, Outgoing, Outgoing, Outgoing]);
        let bad: Vec<usize> = p.errors.iter().map(|e| e.row).collect();
        assert_eq!(bad, [3, 7], "a draft and an unknown code");

        let mut ms = 1_709_571_600_000i64; // 01:00 in Shanghai
        let mut call = |number: &str, presentation: u8| {
            ms += 30_000;
            format!("<call number=\"{number}\" date=\"{ms}\" type=\"3\" presentation=\"{presentation}\"/>")
        };
        let xml = format!(
            "<calls>{}{}{}{}{}{}{}</calls>",
            call("-1", 3),
            call("-2", 2),
            call("-3", 4),
            call("", 1),
            call("Unknown", 1),
            call("13800138000", 2),
            call("95188", 1),
        );
        let p = parse_xml(&xml, Shanghai).unwrap();
        assert!(p.errors.is_empty());
        let withheld: Vec<bool> = p.rows.iter().map(PhoneRecord::withheld).collect();
        assert_eq!(withheld, [true, true, true, true, true, true, false]);
        // Withheld calls are pickable as one group and import without a number.
        let s = numbers_summary(&p);
        assert_eq!((s[0].number.as_str(), s[0].calls), ("", 6));
        let got = plan(&p, &[String::new()].into(), &Case::default());
        assert_eq!(got.contacts.len(), 6);
        assert!(got.contacts.iter().all(|c| c.from_number.is_empty()));
        // A sender name without digits is kept by name.
        let p = parse_xml(
            "<smses><sms address=\"ICBC\" date=\"1709560800000\" type=\"1\" body=\"x\"/></smses>",
            Shanghai,
        )
        .unwrap();
        assert_eq!(p.rows[0].number, "ICBC");
    }

    #[test]
    fn withheld_calls_still_count_for_hours_and_attempts() {
        use crate::domain::model::Jurisdiction;
        use crate::domain::rules;
        let now: DateTime<Utc> = "2026-03-10T12:00:00Z".parse().unwrap();
        // Seven unanswered withheld calls from 23:00 on 2026-03-04 (Shanghai), 30 s apart.
        let t0 = 1_772_636_400_000i64;
        let calls: String = (0..7)
            .map(|i| {
                format!(
                    "<call number=\"-2\" date=\"{}\" type=\"3\" presentation=\"2\"/>",
                    t0 + i * 30_000
                )
            })
            .collect();
        let p = parse_xml(&format!("<calls>{calls}</calls>"), Shanghai).unwrap();
        let mut case = Case::default();
        case.settings.time_zone = "Asia/Shanghai".into();
        case.settings.jurisdiction = Jurisdiction::Cn;
        case.debtor.phone = "13800000000".into();
        for d in plan(&p, &[String::new()].into(), &case).contacts {
            add_contact(&mut case, d, Source::Imported, now).unwrap();
        }
        assert_eq!(case.contacts.len(), 7);
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let fs = rules::check(&case, Jurisdiction::Cn, today);
        let ids: Vec<&str> = fs.iter().map(|f| f.id()).collect();
        assert!(ids.contains(&"CN-HOURS"), "{ids:?}");
        assert!(ids.contains(&"CN-DAILY-ATTEMPTS"), "{ids:?}");
    }

    /// The fixture files the e2e suite imports (written for these tests in the
    /// public SMS Backup & Restore and carrier-statement layouts).
    #[test]
    fn fixture_files() {
        let text = |bytes: &[u8]| match sniff::decode(bytes) {
            sniff::Decoded::Text(t, _) => t,
            sniff::Decoded::Legacy => panic!("not UTF"),
        };
        let calls = text(include_bytes!(
            "../../../tests/fixtures/phonelog/calls-collector.xml"
        ));
        let p = parse_xml(&calls, Shanghai).unwrap();
        assert_eq!((p.rows.len(), p.errors.len(), p.seconds_dates), (15, 1, 1));
        assert_eq!(p.rows.iter().filter(|r| r.withheld()).count(), 3);
        let got = plan(&p, &all(&p), &Case::default());
        assert_eq!((got.contacts.len(), got.duplicates()), (15, 0));

        let sms = text(include_bytes!(
            "../../../tests/fixtures/phonelog/sms-collector.xml"
        ));
        let p = parse_xml(&sms, Shanghai).unwrap();
        assert_eq!((p.rows.len(), p.errors.len(), p.mms_media_only), (7, 1, 1));
        assert!(p.rows[0].body.ends_with('😀'));
        assert!(p.rows[2].body.ends_with('\u{fffd}'));
        let got = plan(&p, &all(&p), &Case::default());
        assert_eq!((got.contacts.len(), got.same_in_file), (6, 1));

        let le = text(include_bytes!(
            "../../../tests/fixtures/phonelog/calls-utf16le.csv"
        ));
        let be = text(include_bytes!(
            "../../../tests/fixtures/phonelog/calls-utf16be.csv"
        ));
        assert_eq!(le, be);
        let m = guess_mapping(&csv_headers(&le).unwrap());
        assert_eq!(parse_csv(&le, &m, Shanghai).unwrap().rows.len(), 2);
        assert_eq!(
            sniff::decode(include_bytes!(
                "../../../tests/fixtures/phonelog/carrier-detail-gbk.csv"
            )),
            sniff::Decoded::Legacy
        );
        assert_eq!(
            sniff::binary_kind(include_bytes!(
                "../../../tests/fixtures/phonelog/calls-backup.zip"
            )),
            Some(WrongFile::Zip)
        );
        let other = text(include_bytes!(
            "../../../tests/fixtures/phonelog/not-a-backup.xml"
        ));
        assert_eq!(
            parse_xml(&other, Shanghai),
            Err(ImportError::NotPhoneBackup)
        );
    }

    #[test]
    fn mms_text_parts_import_and_media_only_are_counted() {
        let xml = r#"<smses count="4">
  <mms date="1709560800000" msg_box="1" address="+8613800138000~13900139000" m_type="132" contact_name="(Unknown)">
    <parts>
      <part seq="-1" ct="application/smil" name="null" text="&lt;smil&gt;&lt;/smil&gt;" />
      <part seq="0" ct="text/plain" name="null" text="律师函：&#55357;&#56522; 限期处理" />
      <part seq="1" ct="image/jpeg" name="letter.jpg" data="/9j/4AAQSkZJRg==" />
    </parts>
    <addrs>
      <addr address="13900139000" type="151" charset="106" />
      <addr address="+8613800138000" type="137" charset="106" />
    </addrs>
  </mms>
  <mms date="1709560860000" msg_box="1" address="13800138000" m_type="132">
    <parts><part seq="0" ct="image/jpeg" data="/9j/4AAQ" /></parts>
    <addrs><addr address="13800138000" type="137" charset="106" /></addrs>
  </mms>
  <mms date="1709560920" msg_box="2" address="13800138000" m_type="128">
    <parts><part seq="0" ct="text/plain" text="已收到" /></parts>
  </mms>
  <mms date="1709560980000" msg_box="3" address="13800138000"><parts><part ct="text/plain" text="草稿" /></parts></mms>
</smses>"#;
        let p = parse_xml(xml, Shanghai).unwrap();
        assert_eq!(p.rows.len(), 2, "{p:?}");
        assert_eq!(p.mms_media_only, 1);
        let r = &p.rows[0];
        assert_eq!(
            (r.number.as_str(), r.direction, r.body.as_str()),
            ("13800138000", Direction::Incoming, "律师函：📊 限期处理")
        );
        assert_eq!(
            (p.rows[1].direction, p.rows[1].at),
            (Direction::Outgoing, at("2024-03-04T22:02:00+08:00"))
        );
        assert_eq!(p.seconds_dates, 1);
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].row, 4);
    }

    #[test]
    fn dates_in_seconds_and_out_of_range() {
        let xml = "<calls>\
            <call number=\"13800138000\" date=\"1709560800\" type=\"1\"/>\
            <call number=\"13800138000\" date=\"8210266876799000\" type=\"1\"/>\
            <call number=\"13800138000\" date=\"-62135596800000\" type=\"1\"/>\
            <call number=\"13800138000\" date=\"0\" type=\"1\"/>\
            </calls>";
        let p = parse_xml(xml, Shanghai).unwrap();
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.rows[0].at, at("2024-03-04T22:00:00+08:00"));
        assert_eq!(p.seconds_dates, 1);
        let rows: Vec<usize> = p.errors.iter().map(|e| e.row).collect();
        assert_eq!(rows, [2, 3, 4]);
        assert!(p
            .errors
            .iter()
            .all(|e| matches!(e.reason, RowReason::BadDate(_))));
        for cell in [
            "9999-12-31T23:59:59+14:00",
            "262143-01-01 00:00",
            "8210266876799000",
            "0001-01-01 00:00",
        ] {
            assert!(parse_datetime(cell, Shanghai).is_err(), "{cell}");
        }
    }

    #[test]
    fn wrong_files_store_nothing_and_say_what_they_are() {
        // <sms> elements in some other XML: not a backup, no row errors.
        let other = "<?xml version=\"1.0\"?><export><sms address=\"13800138000\" date=\"1709560800000\" type=\"1\" body=\"x\"/></export>";
        assert_eq!(parse_xml(other, Shanghai), Err(ImportError::NotPhoneBackup));
        let backup = format!(
            "{{\"type\":\"{}\",\"schema\":1}}",
            super::super::backup::BACKUP_TYPE
        );
        assert_eq!(
            detect(&backup),
            Err(ImportError::Wrong(WrongFile::AppBackup))
        );
        assert_eq!(
            detect("BEGIN:VCARD\nFN:x"),
            Err(ImportError::Wrong(WrongFile::VCard))
        );
    }

    #[test]
    fn csv_cut_off_and_too_wide() {
        let m = CsvMapping {
            number: 0,
            datetime: Some(1),
            body: Some(2),
            channel: Channel::Sms,
            ..CsvMapping::default()
        };
        let cut = "号码,时间,内容\n13800138000,2024-03-04 22:00,\"第一条\"\n13800138000,2024-03-04 22:01,\"第二条被截";
        let p = parse_csv(cut, &m, Shanghai).unwrap();
        assert_eq!(p.rows.len(), 1);
        assert_eq!(
            p.stopped,
            Some(Stop {
                after: 1,
                cut: true
            })
        );

        let wide = format!(
            "{}\n{}\n",
            vec!["h"; 100_000].join(","),
            vec!["1"; 100_000].join(",")
        );
        let start = std::time::Instant::now();
        assert_eq!(
            csv_headers(&wide),
            Err(ImportError::TooManyColumns {
                count: 100_000,
                max: MAX_COLUMNS
            })
        );
        assert!(parse_csv(&wide, &m, Shanghai).is_err());
        assert!(start.elapsed().as_millis() < 2000, "{:?}", start.elapsed());

        let long = format!(
            "n,t\n{}",
            "13800138000,2024-03-04 22:00\n".repeat(MAX_RECORDS + 1)
        );
        assert_eq!(
            parse_csv(
                &long,
                &CsvMapping {
                    datetime: Some(1),
                    ..CsvMapping::default()
                },
                Shanghai
            ),
            Err(ImportError::TooManyRecords { max: MAX_RECORDS })
        );
    }

    #[test]
    fn carrier_statement_caller_and_callee() {
        // 详单: the other party's number; 主叫 = the user called, 被叫 = the user was called;
        // 通话时间 a time of day next to a date column; 通话时长 a duration.
        let text = "序号,通话日期,通话时间,通话时长,呼叫类型,对方号码,通话地点,通话类型,费用(元)\n\
            1,2024-03-04,22:00:05,1分23秒,被叫,13800138000,上海,本地,0.00\n\
            2,2024-03-04,22:05:00,0秒,主叫,13800138000,上海,本地,0.00\n\
            3,2024-03-05,08:10:00,2分,被叫,,上海,本地,0.00\n";
        let headers = csv_headers(text).unwrap();
        let m = guess_mapping(&headers);
        assert_eq!(
            (
                m.number,
                m.datetime,
                m.date,
                m.time,
                m.duration,
                m.direction
            ),
            (5, None, Some(1), Some(2), Some(3), Some(4))
        );
        let p = parse_csv(text, &m, Shanghai).unwrap();
        assert!(p.errors.is_empty(), "{p:?}");
        let r = &p.rows[0];
        assert_eq!(
            (r.at, r.direction, r.outcome, r.duration_secs),
            (
                at("2024-03-04T22:00:05+08:00"),
                Direction::Incoming,
                Some(Outcome::Talked),
                Some(83)
            )
        );
        assert_eq!(
            (p.rows[1].direction, p.rows[1].outcome),
            (Direction::Outgoing, Some(Outcome::Unanswered))
        );
        assert!(p.rows[2].withheld());
        // One date-and-time column named 通话时间 (or 起始时间) is the instant.
        let one = ["起始时间", "通话时长", "对方号码"].map(String::from);
        let m = guess_mapping(&one);
        assert_eq!(
            (m.datetime, m.date, m.duration, m.number),
            (Some(0), None, Some(1), 2)
        );
    }

    #[test]
    fn ten_thousand_calls_are_fast() {
        let xml = calls_xml(
            10_000,
            &[
                "13800138000",
                "13900139000",
                "+8613700137000",
                "02161234567",
            ],
        );
        let start = std::time::Instant::now();
        let p = parse_xml(&xml, Shanghai).unwrap();
        let parsed = start.elapsed();
        let summary = numbers_summary(&p);
        let got = plan(&p, &all(&p), &Case::default());
        let elapsed = start.elapsed();
        eprintln!(
            "10k calls: parse {parsed:?}, parse + summary + convert {elapsed:?} ({} bytes)",
            xml.len()
        );
        assert_eq!(p.rows.len(), 10_000);
        assert!(p.errors.is_empty());
        assert_eq!(summary.len(), 4);
        assert_eq!((got.contacts.len(), got.duplicates()), (10_000, 0));
        // Release: ~50 ms. Unoptimised test builds on a shared machine get slack.
        let limit = if cfg!(debug_assertions) { 5000 } else { 1000 };
        assert!(elapsed.as_millis() < limit, "{elapsed:?}");
    }

    mod fuzz {
        use super::*;
        use proptest::prelude::*;

        fn xmlish() -> impl Strategy<Value = String> {
            let piece = prop_oneof![
                Just("<calls>".to_string()),
                Just("</calls>".to_string()),
                Just("<smses count=\"2\">".to_string()),
                Just("<mms><parts>".to_string()),
                Just("</mms>".to_string()),
                Just("<!DOCTYPE x [<!ENTITY a \"b\">]>".to_string()),
                Just("&amp;&#10;&#xFFFFFF;&bogus;".to_string()),
                "[0-9+ -]{0,16}".prop_map(|n| format!(
                    "<call number=\"{n}\" date=\"1709560800000\" type=\"1\" duration=\"3\"/>"
                )),
                ("[0-9]{0,14}", "[0-9]{0,2}", ".{0,20}").prop_map(|(d, t, b)| format!(
                    "<sms address=\"13800138000\" date=\"{d}\" type=\"{t}\" body=\"{b}\"/>"
                )),
                ".{0,12}",
            ];
            prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

            #[test]
            fn xml_never_panics(s in xmlish()) {
                if let Ok(p) = parse_xml(&s, Shanghai) {
                    let _ = numbers_summary(&p);
                    let _ = plan(&p, &all(&p), &Case::default());
                }
            }

            #[test]
            fn arbitrary_text_never_panics(s in ".{0,200}") {
                let _ = parse_xml(&s, Shanghai);
                let _ = csv_headers(&s);
                let m = CsvMapping { number: 0, datetime: Some(1), duration: Some(2), direction: Some(3), body: Some(4), ..CsvMapping::default() };
                let _ = parse_csv(&s, &m, Shanghai);
                let _ = parse_duration(&s);
                let _ = parse_datetime(&s, Shanghai);
            }

            #[test]
            fn csvish_never_panics(rows in prop::collection::vec(prop::collection::vec("[\"0-9:/ ;,\t\r\n年月日分秒a-z-]{0,12}", 0..6), 0..8), sep in prop_oneof![Just(","), Just(";"), Just("\t")]) {
                let text: String = rows.iter().map(|r| r.join(sep) + "\n").collect();
                let m = CsvMapping { number: 0, date: Some(1), time: Some(2), duration: Some(3), direction: Some(4), ..CsvMapping::default() };
                if let Ok(p) = parse_csv(&text, &m, Shanghai) {
                    let _ = plan(&p, &all(&p), &Case::default());
                }
            }
        }
    }
}
