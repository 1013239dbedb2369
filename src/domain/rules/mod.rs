//! The rule checker: rules as data (`catalog`) and one pure function,
//! [`check`], that compares a case's log with them (`rules.md` is the source
//! of truth for every id, threshold, citation and label).
//!
//! Every finding reads "this source says X; your log shows Y". Wording never
//! says a collector broke the law: law-based findings say "may breach", the
//! others say what the source says (`rules.md` §1).

mod catalog;
mod check;
mod cn;
mod engine;
mod other;
mod stats;
mod us;

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use crate::domain::model::{EventKind, Jurisdiction, LenderType, Place, RecordId, Target, Tick};
use crate::i18n::{Lang, Text};

pub use catalog::{catalog, rule, RULES};
pub use check::check;
pub use stats::{distinct_days, per_day, summary, week_hour, Summary};
pub use us::inconvenient_event;

/// How binding a source is (`rules.md` §1). Ordered weakest to strongest, so
/// `max` picks the label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Strength {
    Guidance,
    SelfRegulation,
    Standard,
    Regulation,
    Law,
}

impl Strength {
    pub const ALL: [Strength; 5] = [
        Strength::Law,
        Strength::Regulation,
        Strength::Standard,
        Strength::SelfRegulation,
        Strength::Guidance,
    ];

    /// The key used in `rules.md` (`self_regulation`, …).
    pub fn key(self) -> &'static str {
        match self {
            Strength::Law => "law",
            Strength::Regulation => "regulation",
            Strength::Standard => "standard",
            Strength::SelfRegulation => "self_regulation",
            Strength::Guidance => "guidance",
        }
    }

    pub fn label(self) -> Text {
        match self {
            Strength::Law => Text::new("法律", "法律", "Law"),
            Strength::Regulation => Text::new("法规与监管规定", "法規與監管規定", "Regulation"),
            Strength::Standard => Text::new(
                "推荐性国家标准",
                "推薦性國家標準",
                "National recommended standard",
            ),
            Strength::SelfRegulation => {
                Text::new("行业自律", "行業自律", "Industry self-regulation")
            }
            Strength::Guidance => Text::new(
                "实务建议（非规定）",
                "實務建議（非規定）",
                "Practical guidance (not a rule)",
            ),
        }
    }

    /// How a finding may word a source of this strength; `{0}` is the source
    /// (fill it with `i18n::fill`). Never says "illegal" (`rules.md` §1 rule 2).
    pub fn wording(self, lang: Lang) -> &'static str {
        self.wording_text().get(lang)
    }

    fn wording_text(self) -> Text {
        match self {
            Strength::Law => Text::new(
                "可能违反{0}；是否构成，由警方或法院认定",
                "可能違反{0}；是否構成，由警方或法院認定",
                "may breach {0}; the police or a court decides",
            ),
            Strength::Regulation => Text::new(
                "监管规定{0}对此有禁止性要求",
                "監管規定{0}對此有禁止性要求",
                "the regulator's rule {0} forbids this",
            ),
            Strength::Standard => Text::new(
                "推荐性国家标准{0}规定不应这样做",
                "推薦性國家標準{0}規定不應這樣做",
                "the national recommended standard {0} says this should not happen",
            ),
            Strength::SelfRegulation => Text::new(
                "行业自律指引{0}规定不应这样做",
                "行業自律指引{0}規定不應這樣做",
                "the industry guideline {0} says this should not happen",
            ),
            Strength::Guidance => Text::new(
                "这不是规定，但值得向贷款机构提出",
                "這不是規定，但值得向貸款機構提出",
                "not a rule; worth raising with the lender",
            ),
        }
    }
}

/// Verification mark of a source or figure (`rules.md` §0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    /// Checked against the full text.
    T,
    /// Checked against reports or summaries.
    R,
    /// Unverified: the UI must say so.
    U,
}

impl Mark {
    pub fn label(self) -> Text {
        match self {
            Mark::T => Text::new("已核对原文", "已核對原文", "checked against the full text"),
            Mark::R => Text::new(
                "未见原文，依据公开报道",
                "未見原文，依據公開報導",
                "not checked against the full text; based on reports",
            ),
            Mark::U => UNVERIFIED,
        }
    }
}

/// The word the UI shows on every unverified finding or source.
pub const UNVERIFIED: Text = Text::new("未经核实", "未經核實", "unverified");

/// Which facts a source needs before it supports a finding (besides its dates).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Only {
    Any,
    /// Supports only contacts carrying one of these ticks.
    Ticks(&'static [Tick]),
    /// Binds only these lender types; an unknown lender type does not qualify.
    Lenders(&'static [LenderType]),
    /// Supports only findings that follow this kind of event.
    Event(EventKind),
}

/// One source: the instrument in its own language, the article only where
/// `rules.md` gives one, and the dates it applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Citation {
    pub instrument: &'static str,
    pub article: Option<&'static str>,
    pub mark: Mark,
    pub strength: Strength,
    /// First local date it applies to; None = in force throughout.
    pub from: Option<NaiveDate>,
    /// First local date it no longer applies to (replaced or revised).
    pub until: Option<NaiveDate>,
    pub only: Only,
    /// Who it binds, when that is narrower than everyone.
    pub scope: Option<Text>,
}

impl Citation {
    /// "Instrument article", e.g. "中华人民共和国民法典 第1033条".
    pub fn reference(&self) -> String {
        match self.article {
            Some(a) => format!("{} {a}", self.instrument),
            None => self.instrument.to_string(),
        }
    }

    /// Does this source support a finding with these facts (`rules.md` §1 rule 4)?
    pub fn supports(&self, f: &Facts) -> bool {
        let dated = self.from.is_none_or(|d| f.day >= d) && self.until.is_none_or(|d| f.day < d);
        dated
            && match self.only {
                Only::Any => true,
                Only::Ticks(ts) => ts.iter().any(|t| f.ticks.is_some_and(|s| s.contains(t))),
                Only::Lenders(ls) => ls.contains(&f.lender),
                Only::Event(k) => f.event == Some(k),
            }
    }
}

/// What a source's applicability depends on, for one contact or event.
#[derive(Debug, Clone, Copy)]
pub struct Facts<'a> {
    pub day: NaiveDate,
    pub lender: LenderType,
    pub ticks: Option<&'a BTreeSet<Tick>>,
    pub event: Option<EventKind>,
}

/// What kind of conduct a rule is about; with the strength it sets the severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// Threats, violence, home entry: one step more serious.
    Safety,
    Conduct,
    Privacy,
    Timing,
    Frequency,
    Process,
    /// A reply deadline passed: one step less serious.
    Reminder,
}

/// How prominently the UI shows a finding. Derived, never stored:
/// the base comes from the label (law → high, regulation and standard →
/// medium, self-regulation → low, guidance → info), then safety findings go
/// one step up and deadline reminders one step down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    const STEPS: [Severity; 5] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    pub fn derive(strength: Strength, kind: Kind) -> Severity {
        let base: usize = match strength {
            Strength::Law => 3,
            Strength::Regulation | Strength::Standard => 2,
            Strength::SelfRegulation => 1,
            Strength::Guidance => 0,
        };
        let step = match kind {
            Kind::Safety => base + 1,
            Kind::Reminder => base.saturating_sub(1),
            _ => base,
        };
        Severity::STEPS[step.min(4)]
    }
}

/// What a rule counts, for thresholds and descriptions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    TalkedCalls,
    UnansweredAttempts,
    Calls,
    Contacts,
    AbusiveContacts,
    Collectors,
}

impl Unit {
    /// "5 connected calls" / "接通 5 次".
    pub fn count(self, n: u32, lang: Lang) -> String {
        let (cn, tw, en) = match self {
            Unit::TalkedCalls => ("接通", "接通", "connected calls"),
            Unit::UnansweredAttempts => ("未接通", "未接通", "unanswered attempts"),
            Unit::Calls => ("来电", "來電", "calls"),
            Unit::Contacts => ("联系", "聯繫", "contacts"),
            Unit::AbusiveContacts => (
                "威胁或辱骂",
                "威脅或辱罵",
                "threatening or insulting contacts",
            ),
            Unit::Collectors => ("上门人数", "上門人數", "collectors"),
        };
        let person = self == Unit::Collectors;
        match lang {
            Lang::ZhCn => format!("{cn} {n} {}", if person { "人" } else { "次" }),
            Lang::ZhTw => format!("{tw} {n} {}", if person { "人" } else { "次" }),
            Lang::En if n == 1 => format!("1 {}", english_singular(en)),
            Lang::En => format!("{n} {en}"),
        }
    }
}

/// "connected calls" → "connected call": every English unit is a regular plural.
fn english_singular(plural: &str) -> &str {
    plural.strip_suffix('s').unwrap_or(plural)
}

/// How a rule's condition is bounded: shown in the catalog, and the engine
/// reads the same constants.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Threshold {
    /// Any occurrence.
    Any,
    /// A finding when the count exceeds this.
    MoreThan(u32),
    /// A finding when the count reaches this.
    AtLeast(u32),
    /// A finding when the figure is below this.
    FewerThan(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    /// Each contact on its own.
    PerContact,
    /// Allowed local hours [from, to); outside them is a finding.
    Allowed {
        from: NaiveTime,
        to: NaiveTime,
    },
    LocalDay,
    Minutes(u32),
    Hours(u32),
    Days(u32),
    /// Monday to Sunday.
    CalendarWeek,
    CalendarMonth,
    /// A reply deadline, in calendar days after the event.
    Deadline(u32),
    /// No machine-checkable window (the source gives no clock times).
    NotCheckable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Params {
    pub threshold: Threshold,
    pub window: Window,
    pub unit: Unit,
}

/// One rule from `rules.md`, as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable id, e.g. "CN-HOURS".
    pub id: &'static str,
    pub jurisdiction: Jurisdiction,
    pub kind: Kind,
    pub title: Text,
    /// Plain-language explanation of what the source says and the edges.
    pub explanation: Text,
    pub params: &'static [Params],
    /// They set the label.
    pub primary: &'static [Citation],
    /// Context only; never raise the label.
    pub related: &'static [Citation],
    /// Whom the rule binds, stated on every finding (`rules.md` §1 rule 3).
    pub scope: Option<Text>,
    /// The rule or its threshold is [U]: every finding says "unverified".
    pub unverified: bool,
    /// False for rules shown as information only (no clock times to check).
    pub checkable: bool,
    /// Replaces `Strength::wording` (e.g. Reg F "presumed to violate").
    pub wording: Option<Text>,
}

impl Rule {
    /// The label this rule carries today: its strongest primary source still in force.
    pub fn strength(&self) -> Strength {
        self.primary
            .iter()
            .filter(|c| c.until.is_none())
            .map(|c| c.strength)
            .max()
            .unwrap_or(Strength::Guidance)
    }

    /// The first date any primary source applies; None = no start date.
    pub fn effective(&self) -> Option<NaiveDate> {
        if self.primary.iter().any(|c| c.from.is_none()) {
            return None;
        }
        self.primary.iter().filter_map(|c| c.from).min()
    }

    /// Label for a contact or event with these facts: the strongest primary
    /// source that supports it. None = no source applies, so no finding.
    /// Rules without primary sources are the app's own guidance.
    pub fn label(&self, f: &Facts) -> Option<Strength> {
        if self.primary.is_empty() {
            return Some(Strength::Guidance);
        }
        self.primary
            .iter()
            .filter(|c| c.supports(f))
            .map(|c| c.strength)
            .max()
    }
}

/// Whose debt a finding is about. Unknown creditors are one separate bucket,
/// never merged into a lender's count (`rules.md` §2).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Creditor {
    Lender(String),
    Unknown,
}

impl Creditor {
    pub fn label(&self, lang: Lang) -> String {
        match self {
            Creditor::Lender(name) => name.clone(),
            Creditor::Unknown => Text::new("未知债权人", "未知債權人", "unknown creditor")
                .get(lang)
                .to_string(),
        }
    }
}

/// The figure a finding measured, against the rule's threshold. Local times.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Measure {
    /// One contact (tick rules, third-party rules).
    Occurrence { at: NaiveDateTime, target: Target },
    /// Contacts outside the allowed hours, grouped by the night that starts on `night_of`.
    Night {
        night_of: NaiveDate,
        count: u32,
        allowed_from: NaiveTime,
        allowed_to: NaiveTime,
    },
    PerDay {
        day: NaiveDate,
        count: u32,
        limit: u32,
        unit: Unit,
    },
    /// Per number dialled (CN-DAILY-ATTEMPTS).
    PerNumberDay {
        day: NaiveDate,
        number: String,
        count: u32,
        limit: u32,
    },
    /// `count` contacts from `start` to `end`, all within `minutes`.
    Cluster {
        start: NaiveDateTime,
        end: NaiveDateTime,
        count: u32,
        minutes: u32,
        unit: Unit,
    },
    /// A run of qualifying contacts from `first` to `last` (`total` in all),
    /// each within `days` of its neighbours in the run; the densest window of
    /// `days` held `count` of them, from `start` to `end`.
    Densest {
        start: NaiveDateTime,
        end: NaiveDateTime,
        count: u32,
        days: u32,
        first: NaiveDateTime,
        last: NaiveDateTime,
        total: u32,
        unit: Unit,
    },
    /// `count` calls in the 7 local days starting `from` (Reg F 7-in-7).
    SevenDays {
        from: NaiveDate,
        count: u32,
        limit: u32,
    },
    PerWeek {
        monday: NaiveDate,
        count: u32,
        limit: u32,
    },
    PerMonth {
        first_day: NaiveDate,
        count: u32,
        limit: u32,
    },
    /// A call on day `day` (1–7) of the window a conversation on `conversation_day` opened.
    AfterConversation {
        at: NaiveDateTime,
        conversation_day: NaiveDate,
        day: u32,
    },
    AfterEvent {
        at: NaiveDateTime,
        event: EventKind,
        since: NaiveDate,
    },
    /// A contact on `at` in what the user said on `since` is inconvenient.
    Inconvenient {
        at: NaiveDateTime,
        since: NaiveDate,
        said: Said,
    },
    /// A contact on `at` despite the no-contact order of `since` naming `named`.
    AfterOrder {
        at: NaiveDateTime,
        since: NaiveDate,
        named: Named,
    },
    AfterRequest {
        at: NaiveDateTime,
        request: Tick,
        since: NaiveDate,
        target: Target,
    },
    /// A third party contacted although the debtor was reached at `reached_at`.
    WhileReachable {
        at: NaiveDateTime,
        target: Target,
        reached_at: NaiveDateTime,
    },
    BeforeAfter {
        complaint_day: NaiveDate,
        before: u32,
        after: u32,
        days: u32,
    },
    /// Contacts by one creditor in one calendar week (`first` to `last`,
    /// local) while the user was not behind under the agreement reached on
    /// `agreement_day`: `old_terms` of them ticked as demanding the old
    /// amount or terms, `other` not marked as a reminder only.
    OnSchedule {
        first: NaiveDateTime,
        last: NaiveDateTime,
        agreement_day: NaiveDate,
        old_terms: u32,
        other: u32,
    },
    VisitStaff {
        at: NaiveDateTime,
        staff: u8,
        min: u8,
    },
    /// A location call repeated: call number `nth` to the same person.
    Repeat {
        at: NaiveDateTime,
        target: Target,
        nth: u32,
    },
    /// `count` contacts on a national public holiday (AU-HOURS).
    Holiday {
        day: NaiveDate,
        holiday: &'static str,
        count: u32,
    },
    /// `calendar`: the holiday notices covered the due date; false = it was
    /// moved off weekends only, and the finding says so.
    Deadline {
        filed: NaiveDate,
        due: NaiveDate,
        days: u32,
        calendar: bool,
    },
}

/// What the user called inconvenient (US-INCONVENIENT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Said {
    /// Daily local hours [from, to), minutes after midnight.
    Hours(u16, u16),
    Place(Place),
}

impl Said {
    /// "00:00–10:00", "your home (visits)".
    pub fn describe(self, lang: Lang) -> String {
        match self {
            Said::Hours(from, to) => format!("{}–{}", minutes_clock(from), minutes_clock(to)),
            Said::Place(Place::Home) => {
                Text::new("住所（上门）", "住所（上門）", "your home (visits)")
                    .get(lang)
                    .to_string()
            }
            Said::Place(Place::Work) => Text::new(
                "工作单位（上门）",
                "工作單位（上門）",
                "your workplace (visits)",
            )
            .get(lang)
            .to_string(),
        }
    }
}

/// "07:30" from minutes after midnight (24:00 as 00:00).
fn minutes_clock(m: u16) -> String {
    format!("{:02}:{:02}", (m / 60) % 24, m % 60)
}

/// Whom a no-contact order names.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Named {
    /// An agency, a collector (name or ID) or a number, as the user typed it.
    Party(String),
    /// Everyone collecting for this lender.
    Lender(String),
    Everyone,
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn clock(t: NaiveTime) -> String {
    if t.format("%S").to_string() == "00" {
        t.format("%H:%M").to_string()
    } else {
        t.format("%H:%M:%S").to_string()
    }
}

fn stamp(t: NaiveDateTime) -> String {
    format!("{} {}", date(t.date()), clock(t.time()))
}

/// Who was contacted, in words.
pub fn target_text(t: Target) -> Text {
    match t {
        Target::Debtor => Text::new("债务人本人", "債務人本人", "you (the debtor)"),
        Target::Guarantor => Text::new("担保人", "擔保人", "guarantor"),
        Target::SpouseDebtRelated => Text::new(
            "配偶（债务用于家庭）",
            "配偶（債務用於家庭）",
            "spouse (debt for the household)",
        ),
        Target::SpouseOther => Text::new("配偶", "配偶", "spouse"),
        Target::Relative => Text::new("亲属", "親屬", "relative"),
        Target::Friend => Text::new("朋友", "朋友", "friend"),
        Target::Colleague => Text::new("同事", "同事", "colleague"),
        Target::Employer => Text::new("用人单位", "用人單位", "employer"),
        Target::EmergencyContact => Text::new("紧急联系人", "緊急聯絡人", "emergency contact"),
        Target::PhonebookContact => Text::new("通讯录联系人", "通訊錄聯絡人", "phone-book contact"),
        Target::Unknown => Text::new("身份不明的人", "身分不明的人", "unknown person"),
    }
}

/// A logged event, in words.
pub fn event_text(k: EventKind) -> Text {
    match k {
        EventKind::Complaint => Text::new("投诉", "投訴", "complaint"),
        EventKind::PoliceIntervention => Text::new("警方介入", "警方介入", "police intervention"),
        EventKind::NoContactOrder => {
            Text::new("禁止接触的决定", "禁止接觸的決定", "no-contact order")
        }
        EventKind::ConsentWindow => Text::new("同意联系的时段", "同意聯繫的時段", "consent window"),
        EventKind::CeaseNotice => Text::new(
            "书面停止联系通知",
            "書面停止聯繫通知",
            "written cease notice",
        ),
        EventKind::AttorneyRepresented => Text::new(
            "律师代理通知",
            "律師代理通知",
            "notice that an attorney represents you",
        ),
        EventKind::WorkplaceProhibited => Text::new(
            "单位禁止工作时联系的告知",
            "單位禁止工作時聯繫的告知",
            "notice that your employer prohibits contact at work",
        ),
        EventKind::CreditDispute => Text::new("征信异议", "徵信異議", "credit-report dispute"),
        EventKind::CreditComplaint => Text::new(
            "向人民银行分支机构的投诉",
            "向人民銀行分支機構的投訴",
            "complaint to the PBOC branch",
        ),
        EventKind::NumberOutOfService => Text::new("号码停机", "號碼停機", "number out of service"),
        EventKind::Inconvenient => Text::new(
            "告知不方便的时间或地点",
            "告知不方便的時間或地點",
            "time or place you said is inconvenient",
        ),
    }
}

fn request_text(t: Tick) -> Text {
    match t {
        Tick::WritingOnlyRequested => Text::new(
            "只接受书面联系的要求",
            "只接受書面聯繫的要求",
            "request for written contact only",
        ),
        _ => Text::new(
            "停止联系的要求",
            "停止聯繫的要求",
            "request to stop contact",
        ),
    }
}

impl Measure {
    /// The measured figure against the threshold, e.g.
    /// "5 connected calls on 2026-03-04, limit 3" / "2026-03-04 接通 5 次，上限 3 次".
    pub fn describe(&self, lang: Lang) -> String {
        let zh = lang != Lang::En;
        let pick = |cn: String, t: String, en: String| match lang {
            Lang::ZhCn => cn,
            Lang::ZhTw => t,
            Lang::En => en,
        };
        match self {
            Measure::Occurrence { at, target } => {
                let who = target_text(*target).get(lang);
                pick(
                    format!("{} 的联系（对象：{who}）", stamp(*at)),
                    format!("{} 的聯繫（對象：{who}）", stamp(*at)),
                    format!("contact on {} ({who})", stamp(*at)),
                )
            }
            Measure::Night {
                night_of,
                count,
                allowed_from,
                allowed_to,
            } => {
                let n = Unit::Contacts.count(*count, lang);
                let (f, t) = (clock(*allowed_from), clock(*allowed_to));
                pick(
                    format!("{} 当晚{n}（允许时段 {f}–{t}）", date(*night_of)),
                    format!("{} 當晚{n}（允許時段 {f}–{t}）", date(*night_of)),
                    format!("{n} in the night of {} (allowed {f}–{t})", date(*night_of)),
                )
            }
            Measure::PerDay {
                day,
                count,
                limit,
                unit,
            } => {
                let n = unit.count(*count, lang);
                if zh {
                    format!("{} {n}，上限 {limit} 次", date(*day))
                } else {
                    format!("{n} on {}, limit {limit}", date(*day))
                }
            }
            Measure::PerNumberDay {
                day,
                number,
                count,
                limit,
            } => {
                let n = Unit::UnansweredAttempts.count(*count, lang);
                pick(
                    format!("{} 对号码 {number} {n}，上限 {limit} 次", date(*day)),
                    format!("{} 對號碼 {number} {n}，上限 {limit} 次", date(*day)),
                    format!("{n} to {number} on {}, limit {limit}", date(*day)),
                )
            }
            Measure::Cluster {
                start,
                end,
                count,
                minutes,
                unit,
            } => {
                let n = unit.count(*count, lang);
                let span = if minutes % 1440 == 0 {
                    pick(
                        format!("{} 天", minutes / 1440),
                        format!("{} 天", minutes / 1440),
                        format!("{} days", minutes / 1440),
                    )
                } else {
                    pick(
                        format!("{minutes} 分钟"),
                        format!("{minutes} 分鐘"),
                        format!("{minutes} minutes"),
                    )
                };
                pick(
                    format!("{} 至 {} 之间{n}（{span}内）", stamp(*start), stamp(*end)),
                    format!("{} 至 {} 之間{n}（{span}內）", stamp(*start), stamp(*end)),
                    format!(
                        "{n} between {} and {} (within {span})",
                        stamp(*start),
                        stamp(*end)
                    ),
                )
            }
            Measure::Densest {
                start,
                end,
                count,
                days,
                first,
                last,
                total,
                unit,
            } => {
                let n = unit.count(*count, lang);
                let (s0, e0) = (stamp(*start), stamp(*end));
                let head = pick(
                    format!("{days} 天内最多{n}（{s0} 至 {e0}）"),
                    format!("{days} 天內最多{n}（{s0} 至 {e0}）"),
                    format!("{n} within {days} days ({s0} to {e0})"),
                );
                if total == count {
                    head
                } else {
                    let t = unit.count(*total, lang);
                    let (f, l) = (date(first.date()), date(last.date()));
                    pick(
                        format!("{head}；{f} 至 {l} 这一连串中共{t}"),
                        format!("{head}；{f} 至 {l} 這一連串中共{t}"),
                        format!("{head}; {t} in the whole run from {f} to {l}"),
                    )
                }
            }
            Measure::SevenDays { from, count, limit } => {
                let n = Unit::Calls.count(*count, lang);
                pick(
                    format!("自 {} 起 7 天内{n}，上限 {limit} 次", date(*from)),
                    format!("自 {} 起 7 天內{n}，上限 {limit} 次", date(*from)),
                    format!("{n} in the 7 days from {}, limit {limit}", date(*from)),
                )
            }
            Measure::PerWeek {
                monday,
                count,
                limit,
            } => {
                let n = Unit::Contacts.count(*count, lang);
                pick(
                    format!("{} 起的一周内{n}，上限 {limit} 次", date(*monday)),
                    format!("{} 起的一週內{n}，上限 {limit} 次", date(*monday)),
                    format!("{n} in the week of {}, limit {limit}", date(*monday)),
                )
            }
            Measure::PerMonth {
                first_day,
                count,
                limit,
            } => {
                let n = Unit::Contacts.count(*count, lang);
                let m = first_day.format("%Y-%m");
                if zh {
                    format!("{m} {n}，上限 {limit} 次")
                } else {
                    format!("{n} in {m}, limit {limit}")
                }
            }
            Measure::AfterConversation {
                at,
                conversation_day,
                day,
            } => pick(
                format!(
                    "{} 通话后第 {day} 天（{}）再次来电",
                    date(*conversation_day),
                    stamp(*at)
                ),
                format!(
                    "{} 通話後第 {day} 天（{}）再次來電",
                    date(*conversation_day),
                    stamp(*at)
                ),
                format!(
                    "call on {}, day {day} of the 7 days from a conversation on {}",
                    stamp(*at),
                    date(*conversation_day)
                ),
            ),
            Measure::AfterEvent { at, event, since } => {
                let e = event_text(*event).get(lang);
                pick(
                    format!("{}（{e}）之后，{} 仍有联系", date(*since), stamp(*at)),
                    format!("{}（{e}）之後，{} 仍有聯繫", date(*since), stamp(*at)),
                    format!(
                        "contact on {} after the {e} on {}",
                        stamp(*at),
                        date(*since)
                    ),
                )
            }
            Measure::Inconvenient { at, since, said } => {
                let (s, when) = (date(*since), stamp(*at));
                match said {
                    Said::Hours(from, to) => {
                        let (f, t) = (minutes_clock(*from), minutes_clock(*to));
                        pick(
                            format!("{s} 你告诉对方 {f}–{t} 不方便，{when} 仍有联系"),
                            format!("{s} 你告訴對方 {f}–{t} 不方便，{when} 仍有聯繫"),
                            format!("contact on {when}, within {f}–{t}, which you said on {s} is inconvenient"),
                        )
                    }
                    Said::Place(Place::Home) => pick(
                        format!("{s} 你告诉对方住所不方便，{when} 仍上门到住所"),
                        format!("{s} 你告訴對方住所不方便，{when} 仍上門到住所"),
                        format!("home visit on {when}; on {s} you said your home is inconvenient"),
                    ),
                    Said::Place(Place::Work) => pick(
                        format!("{s} 你告诉对方工作单位不方便，{when} 仍到工作单位找你"),
                        format!("{s} 你告訴對方工作單位不方便，{when} 仍到工作單位找你"),
                        format!("workplace visit on {when}; on {s} you said your workplace is inconvenient"),
                    ),
                }
            }
            Measure::AfterOrder { at, since, named } => {
                let who = match named {
                    Named::Party(p) => p.clone(),
                    Named::Lender(l) => pick(
                        format!("{l}及其所有催收方"),
                        format!("{l}及其所有催收方"),
                        format!("{l} and everyone collecting for it"),
                    ),
                    Named::Everyone => pick(
                        "所有催收方".into(),
                        "所有催收方".into(),
                        "every collector".into(),
                    ),
                };
                pick(
                    format!(
                        "{} 的禁止接触决定（对象：{who}）之后，{} 仍有联系",
                        date(*since),
                        stamp(*at)
                    ),
                    format!(
                        "{} 的禁止接觸決定（對象：{who}）之後，{} 仍有聯繫",
                        date(*since),
                        stamp(*at)
                    ),
                    format!(
                        "contact on {} despite the no-contact order of {} (naming {who})",
                        stamp(*at),
                        date(*since)
                    ),
                )
            }
            Measure::AfterRequest {
                at,
                request,
                since,
                target,
            } => {
                let r = request_text(*request).get(lang);
                let who = target_text(*target).get(lang);
                pick(
                    format!("{} 提出{r}后，{} 仍联系了{who}", date(*since), stamp(*at)),
                    format!("{} 提出{r}後，{} 仍聯繫了{who}", date(*since), stamp(*at)),
                    format!(
                        "contact with {who} on {} after the {r} on {}",
                        stamp(*at),
                        date(*since)
                    ),
                )
            }
            Measure::WhileReachable {
                at,
                target,
                reached_at,
            } => {
                let who = target_text(*target).get(lang);
                pick(
                    format!(
                        "{} 联系了{who}，而 {} 已与债务人联系上",
                        stamp(*at),
                        stamp(*reached_at)
                    ),
                    format!(
                        "{} 聯繫了{who}，而 {} 已與債務人聯繫上",
                        stamp(*at),
                        stamp(*reached_at)
                    ),
                    format!(
                        "contact with {who} on {}; you were reached on {}",
                        stamp(*at),
                        stamp(*reached_at)
                    ),
                )
            }
            Measure::BeforeAfter {
                complaint_day,
                before,
                after,
                days,
            } => {
                let (a, b) = (
                    Unit::Contacts.count(*after, lang),
                    Unit::Contacts.count(*before, lang),
                );
                pick(
                    format!("{} 投诉后 {days} 天内{a}，投诉前 {days} 天内{b}", date(*complaint_day)),
                    format!("{} 投訴後 {days} 天內{a}，投訴前 {days} 天內{b}", date(*complaint_day)),
                    format!("{a} in the {days} days after the complaint on {}, {b} in the {days} days before", date(*complaint_day)),
                )
            }
            Measure::OnSchedule {
                first,
                last,
                agreement_day,
                old_terms,
                other,
            } => {
                let (a, b) = (date(first.date()), date(last.date()));
                let when = if a == b {
                    a
                } else {
                    pick(
                        format!("{a} 至 {b}"),
                        format!("{a} 至 {b}"),
                        format!("{a} to {b}"),
                    )
                };
                let agreed = date(*agreement_day);
                let mut parts = Vec::new();
                // "1 contact", not "1 contacts".
                let contacts = |k: u32| match (lang, k) {
                    (Lang::En, 1) => "1 contact".to_string(),
                    _ => Unit::Contacts.count(k, lang),
                };
                if *old_terms > 0 {
                    let n = contacts(*old_terms);
                    parts.push(pick(
                        format!("{n}要求按原欠款或原条件还款（{agreed} 已达成还款协议，你没有逾期）"),
                        format!("{n}要求按原欠款或原條件還款（{agreed} 已達成還款協議，你沒有逾期）"),
                        format!("{n} demanding the old amount or terms (repayment agreement of {agreed}; you were not behind)"),
                    ));
                }
                if *other > 0 {
                    let n = contacts(*other);
                    parts.push(pick(
                        format!("在协议（{agreed}）生效、你没有逾期的情况下，对方仍在催收，{n}（记录未标明只是提醒下一期还款）"),
                        format!("在協議（{agreed}）生效、你沒有逾期的情況下，對方仍在催收，{n}（記錄未標明只是提醒下一期還款）"),
                        format!("{n} while the agreement of {agreed} was in effect and you were not behind (not marked as just a reminder of the next instalment)"),
                    ));
                }
                let sep = if zh { "；" } else { "; " };
                let colon = if zh { "：" } else { ": " };
                format!("{when}{colon}{}", parts.join(sep))
            }
            Measure::VisitStaff { at, staff, min } => pick(
                format!("{} 上门 {staff} 人，应不少于 {min} 人", stamp(*at)),
                format!("{} 上門 {staff} 人，應不少於 {min} 人", stamp(*at)),
                format!(
                    "visit on {} by {staff} collector(s), minimum {min}",
                    stamp(*at)
                ),
            ),
            Measure::Repeat { at, target, nth } => {
                let who = target_text(*target).get(lang);
                pick(
                    format!("{} 第 {nth} 次为查找下落联系同一{who}", stamp(*at)),
                    format!("{} 第 {nth} 次為查找下落聯繫同一{who}", stamp(*at)),
                    format!(
                        "location call no. {nth} to the same {who} on {}",
                        stamp(*at)
                    ),
                )
            }
            Measure::Holiday {
                day,
                holiday,
                count,
            } => {
                let n = Unit::Contacts.count(*count, lang);
                pick(
                    format!("{} 是全国公众假日（{holiday}），当天{n}", date(*day)),
                    format!("{} 是全國公眾假日（{holiday}），當天{n}", date(*day)),
                    format!(
                        "{n} on {}, a national public holiday ({holiday})",
                        date(*day)
                    ),
                )
            }
            Measure::Deadline {
                filed,
                due,
                days,
                calendar,
            } => {
                let text = pick(
                    format!(
                        "{} 提交，应在 {days} 天内（{} 前）答复，尚未记录答复",
                        date(*filed),
                        date(*due)
                    ),
                    format!(
                        "{} 提交，應在 {days} 天內（{} 前）答覆，尚未記錄答覆",
                        date(*filed),
                        date(*due)
                    ),
                    format!(
                        "filed on {}, reply due within {days} days (by {}), no reply logged",
                        date(*filed),
                        date(*due)
                    ),
                );
                if *calendar {
                    return text;
                }
                let (a, b) = crate::domain::holidays::covered(&crate::domain::holidays::CN);
                text + &pick(
                    format!("（本应用的法定节假日日历只收录 {a}–{b} 年，这一期限只按周末顺延，请自行核对当年放假安排）"),
                    format!("（本應用的法定節假日日曆只收錄 {a}–{b} 年，這一期限只按週末順延，請自行核對當年放假安排）"),
                    format!(" (the app's holiday calendar covers {a}–{b} only, so this deadline was moved off weekends only; check that year's holiday notice)"),
                )
            }
        }
    }
}

/// One rule met by the log.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule: &'static Rule,
    pub severity: Severity,
    /// The strongest primary source applicable on the contacts' dates.
    pub strength: Strength,
    pub creditor: Creditor,
    /// Set for rules that count per debt (US, AU, agreements).
    pub debt_id: Option<RecordId>,
    /// `Contact::seq` of the contacts that triggered it, ascending.
    pub contacts: Vec<u32>,
    pub measure: Measure,
    /// The rule or its threshold is [U]: the UI must say "unverified".
    pub unverified: bool,
    /// Primary sources that apply, then related ones.
    pub citations: Vec<&'static Citation>,
    /// Local time of the first contact (or the event): the secondary sort key.
    pub when: NaiveDateTime,
}

impl Finding {
    pub fn id(&self) -> &'static str {
        self.rule.id
    }

    pub fn describe(&self, lang: Lang) -> String {
        self.measure.describe(lang)
    }

    /// Must the UI mark this finding "unverified" (`rules.md` §0 [U])? True
    /// when the rule or its threshold is the app's unverified heuristic, or
    /// when a primary source that applied to it is [U]. A related [U] source
    /// does not count (it is marked on its own line). Every page and count
    /// uses this one test.
    pub fn is_unverified(&self) -> bool {
        self.unverified
            || self.rule.unverified
            || self
                .citations
                .iter()
                .any(|c| c.mark == Mark::U && self.rule.primary.contains(c))
    }

    /// Primary sources that applied (they set the label); empty for
    /// practical-guidance findings, whose basis is the app's own judgement.
    pub fn primary_sources(&self) -> Vec<&'static Citation> {
        self.citations
            .iter()
            .copied()
            .filter(|c| self.rule.primary.contains(c))
            .collect()
    }

    /// Related sources: background only, they never raise the label.
    pub fn related_sources(&self) -> Vec<&'static Citation> {
        self.citations
            .iter()
            .copied()
            .filter(|c| !self.rule.primary.contains(c))
            .collect()
    }

    /// "may breach 《…》第…条; the police or a court decides", naming the
    /// strongest applicable primary source.
    pub fn lead(&self, lang: Lang) -> String {
        let source = self
            .citations
            .iter()
            .find(|c| c.strength == self.strength && self.rule.primary.contains(c))
            .map(|c| c.reference())
            .unwrap_or_default();
        let template = self
            .rule
            .wording
            .map_or(self.strength.wording(lang), |t| t.get(lang));
        crate::i18n::fill(template, &[&source])
    }
}
