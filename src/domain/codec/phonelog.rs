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

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use chrono_tz::Tz;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::domain::contacts::{
    is_duplicate, DUPLICATE_WINDOW_SECS, MAX_DURATION_SECS, MAX_TEXT_CHARS,
};
use crate::domain::model::{Case, Channel, ContactData, Direction, Outcome, Target};
use crate::domain::{phone, time};

/// Largest file accepted (a few years of calls and SMS is well under this).
pub const MAX_INPUT_BYTES: usize = 60 * 1024 * 1024;
/// Longest phone number kept (digits after normalisation).
pub const MAX_NUMBER_DIGITS: usize = 32;
/// Appended to an SMS body cut to [`MAX_TEXT_CHARS`].
pub const TRUNCATED_MARKER: &str = " …[已截断 / truncated]";
/// Longest contact name kept for display.
const MAX_NAME_CHARS: usize = 100;

// ---------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------

/// One call or SMS from the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneRecord {
    /// Normalised (digits only, mainland +86 dropped), never empty.
    pub number: String,
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

/// Why a row was skipped. The UI maps each to a translated message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowReason {
    /// No number, or a hidden / private one.
    NoNumber,
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
    /// The XML is broken here; nothing after it was read.
    Malformed(String),
    /// A CSV row with fewer columns than the mapping needs.
    MissingColumn(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based: the n-th `<call>`/`<sms>` element, or the CSV line (header = 1).
    pub row: usize,
    pub reason: RowReason,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportParse {
    pub rows: Vec<PhoneRecord>,
    pub errors: Vec<RowError>,
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
    /// XML, but not `<calls>` or `<smses>`.
    NotPhoneBackup,
}

/// What a file looks like, from its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// XML: parse with [`parse_xml`] (calls, SMS or both).
    Xml,
    /// Anything else: try CSV.
    Csv,
}

pub fn detect(text: &str) -> FileKind {
    if strip_bom(text).trim_start().starts_with('<') {
        FileKind::Xml
    } else {
        FileKind::Csv
    }
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

fn number_of(raw: &str) -> Result<String, RowReason> {
    let n = phone::key(raw);
    if n.is_empty() {
        Err(RowReason::NoNumber)
    } else if n.len() > MAX_NUMBER_DIGITS {
        Err(RowReason::NumberTooLong)
    } else {
        Ok(n)
    }
}

fn at_millis(ms: i64, zone: Tz) -> Option<DateTime<FixedOffset>> {
    if ms <= 0 {
        return None;
    }
    DateTime::<Utc>::from_timestamp_millis(ms).map(|d| time::utc_to_zone(d, zone))
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

/// A call's direction and outcome from the SyncTech `type` code.
pub fn call_type(code: u8, duration_secs: u32) -> Option<(Direction, Outcome)> {
    use Direction::{Incoming, Outgoing};
    Some(match code {
        1 => (Incoming, Outcome::Talked),
        2 if duration_secs > 0 => (Outgoing, Outcome::Talked),
        2 => (Outgoing, Outcome::Unanswered),
        3 | 5 | 6 => (Incoming, Outcome::Unanswered),
        4 => (Incoming, Outcome::Voicemail),
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// SMS Backup & Restore XML
// ---------------------------------------------------------------------------

/// Parse a `calls.xml` or `sms.xml` export (`<mms>` entries are skipped).
pub fn parse_xml(text: &str, zone: Tz) -> Result<ImportParse, ImportError> {
    check_size(text)?;
    let mut reader = Reader::from_str(strip_bom(text));
    // Backups are machine-written; do not let an unmatched tag stop us early.
    reader.config_mut().check_end_names = false;
    let mut out = ImportParse::default();
    let mut row = 0usize;
    let mut saw_root = false;
    let mut mms_depth = 0usize;
    loop {
        let event = match reader.read_event() {
            Ok(e) => e,
            Err(e) => {
                out.errors.push(RowError {
                    row: row + 1,
                    reason: RowReason::Malformed(format!(
                        "{} @{}",
                        short(&e.to_string()),
                        reader.error_position()
                    )),
                });
                break;
            }
        };
        match event {
            Event::Eof => break,
            Event::DocType(d) => {
                let decl = String::from_utf8_lossy(&d);
                if decl.contains("<!ENTITY") || decl.contains("<!entity") {
                    return Err(ImportError::EntityDeclaration);
                }
            }
            Event::Start(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    b"mms" => mms_depth += 1,
                    _ if mms_depth > 0 => {}
                    b"calls" | b"smses" => saw_root = true,
                    b"call" | b"sms" => {
                        row += 1;
                        push_xml_row(&mut out, &e, row, zone);
                    }
                    _ => {}
                }
            }
            Event::Empty(e) => {
                let name = e.local_name();
                match name.as_ref() {
                    _ if mms_depth > 0 => {}
                    b"calls" | b"smses" => saw_root = true,
                    b"call" | b"sms" => {
                        row += 1;
                        push_xml_row(&mut out, &e, row, zone);
                    }
                    _ => {}
                }
            }
            Event::End(e) if mms_depth > 0 && e.local_name().as_ref() == b"mms" => {
                mms_depth -= 1;
            }
            _ => {}
        }
    }
    if !saw_root && row == 0 {
        return Err(ImportError::NotPhoneBackup);
    }
    Ok(out)
}

fn push_xml_row(out: &mut ImportParse, e: &BytesStart<'_>, row: usize, zone: Tz) {
    match xml_row(e, zone) {
        Ok(r) => out.rows.push(r),
        Err(reason) => out.errors.push(RowError { row, reason }),
    }
}

fn xml_row(e: &BytesStart<'_>, zone: Tz) -> Result<PhoneRecord, RowReason> {
    let is_call = e.local_name().as_ref() == b"call";
    let mut number = None;
    let mut date = None;
    let mut duration = None;
    let mut kind = None;
    let mut body = None;
    let mut name = None;
    let mut presentation = None;
    for attr in e.attributes().with_checks(false) {
        let attr = attr.map_err(|err| RowReason::BadAttribute(short(&err.to_string())))?;
        let key = attr.key.local_name();
        let slot = match (key.as_ref(), is_call) {
            (b"number", true) | (b"address", false) => &mut number,
            (b"date", _) => &mut date,
            (b"duration", true) => &mut duration,
            (b"type", _) => &mut kind,
            (b"body", false) => &mut body,
            (b"contact_name", _) => &mut name,
            (b"presentation", true) => &mut presentation,
            _ => continue,
        };
        let value = attr.unescape_value().map_err(|err| {
            RowReason::BadAttribute(format!(
                "{}: {}",
                String::from_utf8_lossy(key.as_ref()),
                short(&err.to_string())
            ))
        })?;
        *slot = Some(value.into_owned());
    }

    // Hidden numbers: presentation 2 restricted, 3 unknown, 4 payphone.
    if matches!(
        presentation.as_deref().map(str::trim),
        Some("2" | "3" | "4")
    ) {
        return Err(RowReason::NoNumber);
    }
    let number = number_of(number.as_deref().unwrap_or(""))?;
    let raw_date = date.ok_or(RowReason::MissingDate)?;
    let at = raw_date
        .trim()
        .parse::<i64>()
        .ok()
        .and_then(|ms| at_millis(ms, zone))
        .ok_or_else(|| RowReason::BadDate(short(&raw_date)))?;
    let raw_kind = kind.unwrap_or_default();
    let code: Option<u8> = raw_kind.trim().parse().ok();
    let name = clean_name(name.as_deref().unwrap_or(""));
    if is_call {
        let secs = match duration.as_deref().map(str::trim) {
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
        Ok(PhoneRecord {
            number,
            at,
            channel: Channel::Call,
            direction,
            outcome: Some(outcome),
            duration_secs: (secs > 0 && outcome == Outcome::Talked).then_some(secs),
            body: String::new(),
            name,
        })
    } else {
        let direction = match code {
            Some(1) => Direction::Incoming,
            Some(2) => Direction::Outgoing,
            _ => return Err(RowReason::BadType(short(&raw_kind))),
        };
        Ok(PhoneRecord {
            number,
            at,
            channel: Channel::Sms,
            direction,
            outcome: None,
            duration_secs: None,
            body: cap_text(body.as_deref().unwrap_or("")),
            name,
        })
    }
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
    let mut counts = [(',', 0usize), (';', 0), ('\t', 0)];
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' | '\r' if !quoted => break,
            _ if !quoted => {
                for (sep, n) in counts.iter_mut() {
                    if *sep == c {
                        *n += 1;
                    }
                }
            }
            _ => {}
        }
    }
    // Ties (including none at all) go to the comma, listed first.
    counts
        .iter()
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
        Some(fields)
    }
}

fn records(text: &str) -> Records<'_> {
    let text = strip_bom(text);
    Records {
        rest: text,
        sep: separator(text),
    }
}

/// The header row, for the mapping step.
pub fn csv_headers(text: &str) -> Result<Vec<String>, ImportError> {
    check_size(text)?;
    records(text)
        .find(|r| r.iter().any(|f| !f.trim().is_empty()))
        .map(|r| r.into_iter().map(|h| h.trim().to_string()).collect())
        .ok_or(ImportError::Empty)
}

/// Guess a mapping from header names (the user can change it).
pub fn guess_mapping(headers: &[String]) -> CsvMapping {
    let find = |words: &[&str]| {
        headers.iter().position(|h| {
            let h = h.to_lowercase();
            words.iter().any(|w| h.contains(w))
        })
    };
    let datetime = find(&[
        "datetime",
        "date time",
        "时间",
        "時間",
        "date",
        "日期",
        "time",
    ]);
    let body = find(&[
        "body", "content", "message", "text", "内容", "內容", "短信", "簡訊",
    ]);
    CsvMapping {
        number: find(&["number", "phone", "address", "号码", "號碼", "电话", "電話"]).unwrap_or(0),
        datetime,
        date: None,
        time: None,
        duration: find(&["duration", "时长", "時長", "通话时间", "通話時間"]),
        direction: find(&["type", "direction", "类型", "類型", "方向"]),
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
pub fn parse_csv(text: &str, mapping: &CsvMapping, zone: Tz) -> ImportParse {
    let mut out = ImportParse::default();
    if let Err(e) = check_size(text) {
        if e != ImportError::Empty {
            out.errors.push(RowError {
                row: 0,
                reason: RowReason::Malformed(format!("{e:?}")),
            });
        }
        return out;
    }
    let mut header_seen = false;
    for (i, rec) in records(text).enumerate() {
        let row = i + 1;
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        if !header_seen {
            header_seen = true;
            continue;
        }
        match csv_row(&rec, mapping, zone) {
            Ok(r) => out.rows.push(r),
            Err(reason) => out.errors.push(RowError { row, reason }),
        }
    }
    out
}

fn csv_row(rec: &[String], m: &CsvMapping, zone: Tz) -> Result<PhoneRecord, RowReason> {
    let cell = |i: usize| -> Result<&str, RowReason> {
        rec.get(i)
            .map(|s| s.as_str())
            .ok_or(RowReason::MissingColumn(i + 1))
    };
    let opt = |i: Option<usize>| -> Result<&str, RowReason> { i.map_or(Ok(""), cell) };
    let number = number_of(cell(m.number)?)?;
    let at = match (m.datetime, m.date) {
        (Some(i), _) => parse_datetime(cell(i)?, zone)?,
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
        return Ok(PhoneRecord {
            number,
            at,
            channel,
            direction,
            outcome: None,
            duration_secs: None,
            body: cap_text(opt(m.body)?),
            name: String::new(),
        });
    }
    let outcome = typed_outcome.unwrap_or(if secs == Some(0) {
        Outcome::Unanswered
    } else {
        Outcome::Talked
    });
    Ok(PhoneRecord {
        number,
        at,
        channel: Channel::Call,
        direction,
        outcome: Some(outcome),
        duration_secs: secs.filter(|s| *s > 0 && outcome == Outcome::Talked),
        body: String::new(),
        name: String::new(),
    })
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
            Channel::Sms => match code {
                1 => Some((Channel::Sms, Incoming, None)),
                2 => Some((Channel::Sms, Outgoing, None)),
                _ => None,
            },
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
        "outgoing", "outbound", "dialed", "dialled", "sent", "呼出", "去电", "去電", "拨出",
        "撥出", "已拨", "已撥", "发送", "發送", "发出", "發出",
    ]) {
        let o = if secs > 0 {
            Outcome::Talked
        } else {
            Outcome::Unanswered
        };
        return Some((ch, Outgoing, (!sms).then_some(o)));
    }
    if has(&[
        "incoming", "inbound", "received", "inbox", "呼入", "来电", "來電", "已接", "接听", "接聽",
        "收到", "接收", "收件",
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
        let n: i64 = s.parse().map_err(|_| bad())?;
        let ms = match s.len() {
            12..=13 => n,
            9..=10 => n.checked_mul(1000).ok_or_else(bad)?,
            _ => return Err(bad()),
        };
        return at_millis(ms, zone).ok_or_else(bad);
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Ok(d.with_timezone(&zone).fixed_offset());
    }
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f%:z",
        "%Y-%m-%d %H:%M:%S%.f%:z",
        "%Y-%m-%dT%H:%M%:z",
        "%Y-%m-%d %H:%M%:z",
        "%Y-%m-%dT%H:%M:%S%.f%z",
    ] {
        if let Ok(d) = DateTime::parse_from_str(s, f) {
            return Ok(d.with_timezone(&zone).fixed_offset());
        }
    }
    let naive = NAIVE_FORMATS
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(s, f).ok())
        .ok_or_else(bad)?;
    local_instant(naive, zone)
}

fn local_instant(naive: NaiveDateTime, zone: Tz) -> Result<DateTime<FixedOffset>, RowReason> {
    if naive.and_utc().timestamp() <= 0 {
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
        from_number: r.number.clone(),
        debt_id: debt_id.clone(),
        target: Target::Debtor,
        number_dialled: String::new(),
        notes: r.body.clone(),
        ..ContactData::default()
    }
}

type DupKey = (String, Channel, Direction);

/// Contacts for the records of `picked` numbers, oldest first. Skips (and
/// counts) records that duplicate an active contact of `case` or an earlier
/// record of the file (rules.md §2: same number, channel and direction within
/// ±60 s).
pub fn to_contacts(
    parse: &ImportParse,
    picked: &BTreeSet<String>,
    case: &Case,
    debt_id: Option<String>,
) -> (Vec<ContactData>, usize) {
    // Index by (number, channel, direction) then time, so each record checks
    // only its ±60 s neighbours with `is_duplicate`.
    let mut index: HashMap<DupKey, BTreeMap<DateTime<FixedOffset>, Vec<ContactData>>> =
        HashMap::new();
    let key = |d: &ContactData| (phone::key(&d.from_number), d.channel, d.direction);
    for c in case.active_contacts() {
        let k = key(&c.data);
        if !k.0.is_empty() {
            index
                .entry(k)
                .or_default()
                .entry(c.data.at)
                .or_default()
                .push(c.data.clone());
        }
    }
    let mut records: Vec<&PhoneRecord> = parse
        .rows
        .iter()
        .filter(|r| picked.contains(&r.number))
        .collect();
    records.sort_by_key(|r| r.at);
    let window = chrono::Duration::seconds(DUPLICATE_WINDOW_SECS);
    let mut out = Vec::new();
    let mut skipped = 0;
    for r in records {
        let data = contact_data(r, &debt_id);
        let times = index.entry(key(&data)).or_default();
        let dup = times
            .range(data.at - window..=data.at + window)
            .flat_map(|(_, v)| v)
            .any(|c| is_duplicate(c, &data));
        if dup {
            skipped += 1;
        } else {
            times.entry(data.at).or_default().push(data.clone());
            out.push(data);
        }
    }
    (out, skipped)
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
      <part seq="0" ct="text/plain" name="null" text="彩信不导入" />
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
        assert_eq!(detect(CALLS), FileKind::Xml);
        let p = parse_xml(CALLS, Shanghai).unwrap();
        assert_eq!(p.rows.len(), 6);
        assert_eq!(
            p.errors,
            vec![RowError {
                row: 5,
                reason: RowReason::NoNumber
            }]
        );
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
        assert_eq!(p.rows[4].outcome, Some(Outcome::Voicemail));
        assert_eq!(p.rows[5].number, "02161234567");
        // Another zone: same instant, other offset.
        let ny = parse_xml(CALLS, chrono_tz::America::New_York).unwrap();
        assert_eq!(ny.rows[0].at, p.rows[0].at);
        assert_eq!(ny.rows[0].at.offset().local_minus_utc(), -5 * 3600);
    }

    #[test]
    fn realistic_sms_xml() {
        let p = parse_xml(SMS, Shanghai).unwrap();
        assert_eq!(p.rows.len(), 3, "{p:?}");
        assert_eq!(p.errors.len(), 1);
        assert_eq!(p.errors[0].row, 4);
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
        assert_eq!(p.rows[2].body, "<话费> \"余额\" 不足");
        assert_eq!(p.rows[2].name, "中国移动");
        // The MMS was skipped entirely.
        assert!(p.rows.iter().all(|r| !r.body.contains("彩信")));
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
            (0, 0, None),
            (7, 5, None),
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
        assert!(
            matches!(p.errors.last().unwrap().reason, RowReason::Malformed(_)),
            "{p:?}"
        );
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
        assert_eq!(detect(text), FileKind::Csv);
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
        let p = parse_csv(text, &m, Shanghai);
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
        let p = parse_csv(text, &sms, Shanghai);
        assert_eq!(p.rows[0].channel, Channel::Sms);
        assert_eq!(p.rows[0].body, "说\"不还就上门\"; 还有\r\n第二行");
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
        let p = parse_csv(tsv, &m, Shanghai);
        assert_eq!(p.rows[0].at, at("2024-03-04T22:00:00+08:00"));
        assert_eq!(p.rows[0].outcome, Some(Outcome::Unanswered));
        let csv = "Phone,When,Type\n\"13800138000\",\"2024-03-04T22:00:00+08:00\",2\n13800138000,1709560800,1\n";
        let m = CsvMapping {
            number: 0,
            datetime: Some(1),
            direction: Some(2),
            ..CsvMapping::default()
        };
        let p = parse_csv(csv, &m, chrono_tz::UTC);
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
        let p = parse_csv(gap, &m, chrono_tz::America::New_York);
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

    #[test]
    fn only_picked_numbers_and_duplicates_skipped() {
        let now: DateTime<Utc> = "2026-03-10T12:00:00Z".parse().unwrap();
        let mut case = Case::default();
        let p = parse_xml(CALLS, Shanghai).unwrap();
        let picked: BTreeSet<String> = ["13800138000".to_string()].into();
        let (new, dups) = to_contacts(&p, &picked, &case, Some("debt-1".into()));
        assert_eq!((new.len(), dups), (2, 0));
        assert!(new.iter().all(|c| c.target == Target::Debtor
            && c.number_dialled.is_empty()
            && c.debt_id.as_deref() == Some("debt-1")));
        for d in new {
            add_contact(&mut case, d, Source::Imported, now);
        }
        // Import the same file again: nothing new.
        let (new, dups) = to_contacts(&p, &picked, &case, None);
        assert_eq!((new.len(), dups), (0, 2));
        // All numbers, SMS too: only the new ones.
        let (new, _) = to_contacts(&p, &all(&p), &case, None);
        assert_eq!(new.len(), 4);
        let sms = parse_xml(SMS, Shanghai).unwrap();
        let (new, dups) = to_contacts(&sms, &all(&sms), &case, None);
        assert_eq!((new.len(), dups), (3, 0));
        assert!(new[0].notes.contains("逾期"));
        // Duplicates inside the file (a backup merged twice).
        let twice = format!(
            "<calls>{0}{0}</calls>",
            &CALLS[CALLS.find("<call ").unwrap()..CALLS.find("</calls>").unwrap()]
        );
        let p2 = parse_xml(&twice, Shanghai).unwrap();
        assert_eq!(p2.rows.len(), 12);
        let (new, dups) = to_contacts(&p2, &all(&p2), &Case::default(), None);
        assert_eq!((new.len(), dups), (6, 6));
    }

    #[test]
    fn sixty_second_boundary() {
        let now: DateTime<Utc> = "2026-03-10T12:00:00Z".parse().unwrap();
        let mut case = Case::default();
        let manual = ContactData {
            at: at("2024-03-04T22:00:00+08:00"),
            from_number: "+86 138 0013 8000".into(),
            ..ContactData::default()
        };
        add_contact(&mut case, manual, Source::Manual, now);
        let xml = |ms: i64, kind: u8| {
            format!("<calls><call number=\"13800138000\" date=\"{ms}\" type=\"{kind}\" duration=\"5\"/></calls>")
        };
        let t0 = 1_709_560_800_000i64;
        let picked: BTreeSet<String> = ["13800138000".to_string()].into();
        for (ms, kind, dup) in [
            (t0 + 60_000, 1, true),
            (t0 - 60_000, 1, true),
            (t0 + 61_000, 1, false),
            (t0 - 61_000, 1, false),
            (t0, 2, false), // other direction
        ] {
            let p = parse_xml(&xml(ms, kind), Shanghai).unwrap();
            let (new, dups) = to_contacts(&p, &picked, &case, None);
            assert_eq!(
                (new.len(), dups),
                (usize::from(!dup), usize::from(dup)),
                "{ms} {kind}"
            );
        }
        // A deleted contact does not block an import.
        crate::domain::contacts::delete_contact(&mut case, 1, now).unwrap();
        let p = parse_xml(&xml(t0, 1), Shanghai).unwrap();
        assert_eq!(to_contacts(&p, &picked, &case, None).0.len(), 1);
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
        let (new, dups) = to_contacts(&p, &all(&p), &Case::default(), None);
        let elapsed = start.elapsed();
        eprintln!(
            "10k calls: parse {parsed:?}, parse + summary + convert {elapsed:?} ({} bytes)",
            xml.len()
        );
        assert_eq!(p.rows.len(), 10_000);
        assert!(p.errors.is_empty());
        assert_eq!(summary.len(), 4);
        assert_eq!((new.len(), dups), (10_000, 0));
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
                    let _ = to_contacts(&p, &all(&p), &Case::default(), None);
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
                let p = parse_csv(&text, &m, Shanghai);
                let _ = to_contacts(&p, &all(&p), &Case::default(), None);
            }
        }
    }
}
