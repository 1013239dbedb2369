//! The evidence file as data: what `evidence::build_report` fills and the
//! page prints, and what `redact` walks field by field. Apart from both so
//! neither depends on the other's internals.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, Text};

/// What the user chose on the page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ReportOptions {
    pub lang: Lang,
    pub redact_name: bool,
    pub redact_phone: bool,
    pub redact_id: bool,
    /// Names of relatives, friends, colleagues… given on contacts.
    pub redact_third_parties: bool,
    /// Log rows: only contacts that triggered a finding.
    pub findings_only: bool,
    /// Local dates, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Evidence item keys the user left out.
    pub excluded: BTreeSet<String>,
}

/// The sections, in the order the page prints them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Header,
    Parties,
    Agreements,
    Findings,
    Evidence,
    Log,
    Charts,
    Fingerprint,
    Channels,
    Letters,
}

impl Section {
    pub const ORDER: [Section; 10] = [
        Section::Header,
        Section::Parties,
        Section::Agreements,
        Section::Findings,
        Section::Evidence,
        Section::Log,
        Section::Charts,
        Section::Fingerprint,
        Section::Channels,
        Section::Letters,
    ];

    pub fn title(self) -> Text {
        match self {
            Section::Header => Text::new("基本信息", "基本資訊", "About this document"),
            Section::Parties => Text::new("一、当事人", "一、當事人", "1. Parties"),
            Section::Agreements => Text::new("二、协商协议", "二、協商協議", "2. Agreements"),
            Section::Findings => Text::new(
                "三、规则检查结果摘要",
                "三、規則檢查結果摘要",
                "3. Summary of findings",
            ),
            Section::Evidence => Text::new("四、证据目录", "四、證據目錄", "4. Evidence list"),
            Section::Log => Text::new("五、催收联系记录表", "五、催收聯繫紀錄表", "5. Contact log"),
            Section::Charts => Text::new("六、联系分布图", "六、聯繫分佈圖", "6. Charts"),
            Section::Fingerprint => Text::new(
                "七、数据指纹及其证明范围",
                "七、資料指紋及其證明範圍",
                "7. Data fingerprint and what it proves",
            ),
            Section::Channels => Text::new(
                "八、可以投诉或求助的渠道",
                "八、可以投訴或求助的管道",
                "8. Where to complain",
            ),
            Section::Letters => Text::new("九、投诉文本", "九、投訴文本", "9. Complaint letters"),
        }
    }
}

// ---------------------------------------------------------------------------
// The model
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub lang: Lang,
    pub header: Header,
    pub parties: Parties,
    pub agreements: Vec<AgreementPart>,
    pub findings: FindingsPart,
    pub evidence: EvidencePart,
    pub log: LogPart,
    pub charts: Charts,
    pub fingerprint: FingerprintPart,
    pub channels: Vec<ChannelEntry>,
    pub letters: Vec<Letter>,
}

/// A labelled value (a row of a two-column table).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    pub title: String,
    pub subtitle: String,
    pub fields: Vec<Field>,
    pub digest: String,
    pub chain_head: String,
    /// What the checker can and cannot see.
    pub limits: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parties {
    pub debtor: Vec<Field>,
    pub lenders: Vec<LenderParty>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LenderParty {
    pub name: String,
    pub fields: Vec<Field>,
    pub agencies: Vec<AgencyParty>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgencyParty {
    pub name: String,
    pub numbers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRow {
    pub name: String,
    pub size: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScheduleRow {
    pub no: usize,
    pub due: String,
    pub amount: String,
    pub paid: String,
    pub left: String,
    pub paid_on: String,
    pub status: String,
}

/// One payment set against the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentRow {
    pub date: String,
    pub amount: String,
    pub channel: String,
    pub reference: String,
    /// One line per instalment it paid towards, each saying on time or late.
    pub applied: Vec<String>,
    /// Some part was paid after its instalment's due date.
    pub late: bool,
    pub proofs: Vec<FileRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChecklistRow {
    pub title: String,
    pub status: String,
    pub done: bool,
    pub date: String,
    pub note: String,
    pub proofs: Vec<FileRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementPart {
    pub heading: String,
    pub fields: Vec<Field>,
    pub schedule_columns: Vec<String>,
    pub schedule: Vec<ScheduleRow>,
    pub payment_columns: Vec<String>,
    pub payments: Vec<PaymentRow>,
    pub totals: Vec<Field>,
    pub checklist_columns: Vec<String>,
    pub checklist: Vec<ChecklistRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub key: String,
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingRow {
    pub rule_id: String,
    pub title: String,
    pub strength_key: String,
    pub strength: String,
    /// "may breach …; the police or a court decides" and the like.
    pub lead: String,
    /// What the log shows.
    pub measured: String,
    /// Primary sources that applied (the basis).
    pub sources: Vec<String>,
    /// Related sources: background only, never the basis.
    pub background: Vec<String>,
    pub creditor: String,
    /// Findings of this rule (one row per rule).
    pub count: usize,
    /// Distinct local days involved.
    pub days: usize,
    /// First – last local day.
    pub period: String,
    /// The first `CONTACTS_SHOWN` entry numbers.
    pub contacts: Vec<u32>,
    /// "…等共 N 条" when more entries than shown, else empty.
    pub more: String,
    pub unverified: bool,
    pub scope: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingsPart {
    pub total: usize,
    pub by_strength: Vec<Count>,
    pub by_rule: Vec<Count>,
    pub unverified: usize,
    pub columns: Vec<String>,
    pub rows: Vec<FindingRow>,
    pub background_label: String,
    pub note: String,
    /// How many contacts no finding per lender counts; empty when none.
    pub unattributed_note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidenceItem {
    /// Stable key, for the exclusion switch.
    pub key: String,
    /// 序号: fixed by the case alone, so excluding one item never renumbers the others.
    pub number: usize,
    pub name: String,
    /// Source and form (录音, 截图, 短信…).
    pub form: String,
    /// 证明对象.
    pub proves: String,
    pub file: Option<FileRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvidencePart {
    pub columns: Vec<String>,
    pub items: Vec<EvidenceItem>,
    /// Left out by the user (shown on screen only, to put them back).
    pub excluded: Vec<EvidenceItem>,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogRow {
    pub seq: u32,
    pub at: String,
    pub channel: String,
    pub from: String,
    pub target: String,
    pub summary: String,
    pub rules: Vec<String>,
    pub edited: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LogPart {
    pub columns: Vec<String>,
    pub rows: Vec<LogRow>,
    /// Active contacts in the case (before any filter).
    pub total: usize,
    pub findings_only: bool,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Charts {
    pub per_day_title: String,
    pub per_day: Vec<(NaiveDate, u32)>,
    pub week_hour_title: String,
    /// Row 0 = Monday, column 0 = 00:00–00:59.
    pub week_hour: [[u32; 24]; 7],
    pub weekdays: Vec<String>,
    /// Agreement dates, with a short label.
    pub markers: Vec<(NaiveDate, String)>,
    /// The ruleset's daily limit on connected calls, if any.
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FingerprintPart {
    pub digest_label: String,
    pub digest: String,
    pub chain_label: String,
    pub chain_head: String,
    pub chain_status: String,
    pub proves_title: String,
    pub proves: Vec<String>,
    pub not_proves_title: String,
    pub not_proves: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChannelEntry {
    pub key: String,
    pub name: String,
    pub for_what: String,
    pub first_step: String,
    pub bring: String,
    /// Which findings it fits, or empty for general channels.
    pub why: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LetterKind {
    Lender,
    Nfra,
    Harassment12321,
    Police,
    CreditDispute,
    UsCease,
    UsCfpb,
}

impl LetterKind {
    pub fn key(self) -> &'static str {
        match self {
            LetterKind::Lender => "lender",
            LetterKind::Nfra => "nfra",
            LetterKind::Harassment12321 => "12321",
            LetterKind::Police => "police",
            LetterKind::CreditDispute => "credit",
            LetterKind::UsCease => "us_cease",
            LetterKind::UsCfpb => "us_cfpb",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    /// Unique among the letters (a kind can occur once per lender).
    pub key: String,
    pub kind: LetterKind,
    pub title: String,
    pub text: String,
}

// ---------------------------------------------------------------------------
// Texts
// ---------------------------------------------------------------------------
