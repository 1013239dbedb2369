//! The case: every record the user keeps, as plain data.
//!
//! Field and variant names follow `rules.md` §2 (outcomes, targets, ticks) so
//! the rule engine, the stored JSON and the reference read the same.
//! Optional and empty fields are skipped when serialising: a typical contact
//! must stay small in localStorage.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

fn is_false(b: &bool) -> bool {
    !*b
}

/// Skip a field holding its default: a typical contact must stay small in
/// localStorage (each of up to 10,000+ entries carries it).
fn is_default<T: Default + PartialEq>(v: &T) -> bool {
    *v == T::default()
}

/// Identifier of a debt, agreement, payment or event: unique within the case.
/// Random-ish ids (time + counter) so two tabs or two devices rarely collide
/// and a merge can tell records apart.
pub type RecordId = String;

/// The highest contact sequence number. 10,000 entries is the size the app
/// is built and tested for; a thousand times that leaves room for a lifetime
/// of logging and phone imports while staying far from `u32::MAX`, so
/// `seq + 1` can never overflow. Backups with a larger number are refused and
/// no entry is ever given one.
pub const MAX_SEQ: u32 = 10_000_000;

/// Money in minor units (fen, cents). Never a float.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Money(pub i64);

/// The whole case: the root document the rule checker and the report read.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Case {
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub debtor: Debtor,
    #[serde(default)]
    pub debts: Vec<Debt>,
    #[serde(default)]
    pub agreements: Vec<Agreement>,
    /// Every contact ever logged, including those in the bin (`deleted_at`).
    /// Ordered by sequence number.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Things the user did or that happened outside a contact: complaints,
    /// police intervention, consent given, cease letters.
    #[serde(default)]
    pub events: Vec<CaseEvent>,
    /// Entry numbers held in storage by values not in this case (damaged and
    /// copied aside, or from a newer version): numbers are never reused, so
    /// new entries skip them. Not part of the case's data.
    #[serde(skip)]
    pub reserved_seqs: BTreeSet<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Settings {
    /// IANA zone the rules evaluate local time in (rules.md §2).
    pub time_zone: String,
    pub jurisdiction: Jurisdiction,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            time_zone: "Asia/Shanghai".into(),
            jurisdiction: Jurisdiction::Cn,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Jurisdiction {
    Cn,
    Us,
    In,
    Ph,
    Au,
    Tw,
    Hk,
    Uk,
}

impl Jurisdiction {
    pub const ALL: [Jurisdiction; 8] = [
        Jurisdiction::Cn,
        Jurisdiction::Us,
        Jurisdiction::In,
        Jurisdiction::Ph,
        Jurisdiction::Au,
        Jurisdiction::Tw,
        Jurisdiction::Hk,
        Jurisdiction::Uk,
    ];
}

/// The person keeping the log. Each field can be redacted in the report.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Debtor {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The user's primary number (rules.md CN-DAILY-ATTEMPTS falls back to it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub id_number: String,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Product {
    #[default]
    OnlineLoan,
    CreditCard,
    ConsumerLoan,
    Other,
}

/// What kind of institution lends: decides which industry rules apply (rules.md §3.1).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum LenderType {
    BankCard,
    BankLoan,
    ConsumerFinance,
    OnlinePlatform,
    #[default]
    Unknown,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Agency {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Debt {
    pub id: RecordId,
    /// Lender or platform: the creditor for attribution (rules.md §2).
    pub lender: String,
    #[serde(default)]
    pub product: Product,
    #[serde(default)]
    pub lender_type: LenderType,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub hotline: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub app_or_site: String,
    #[serde(default)]
    pub original_amount: Money,
    #[serde(default)]
    pub overdue_amount: Money,
    /// ISO 4217 code, e.g. "CNY".
    #[serde(default = "default_currency")]
    pub currency: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agencies: Vec<Agency>,
    /// The user marks it; the app never decides (rules.md CN-ILLEGAL-DEBT).
    #[serde(default, skip_serializing_if = "is_false")]
    pub possibly_illegal: bool,
    /// The user marks it for US-TIME-BARRED.
    #[serde(default, skip_serializing_if = "is_false")]
    pub time_barred: bool,
}

pub fn default_currency() -> String {
    "CNY".into()
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum AgreementKind {
    Extension,
    #[default]
    Instalments,
    ReducedInterest,
    PartialWaiver,
    Other,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum NegotiationChannel {
    #[default]
    OfficialHotline,
    App,
    Letter,
    InPerson,
    /// Agreed only with a collector: counts as unconfirmed.
    CollectorPhone,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Instalment {
    pub due: NaiveDate,
    pub amount: Money,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    pub id: RecordId,
    pub date: NaiveDate,
    pub amount: Money,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    /// Receipts or screenshots, fingerprinted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proofs: Vec<FileProof>,
}

/// A file the user picked as proof: only its description and fingerprint are
/// kept; the file itself never leaves the device and is not stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileProof {
    pub name: String,
    pub size: u64,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub mime: String,
    /// Lower-case hex SHA-256 of the file's bytes.
    pub sha256: String,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ChecklistStatus {
    #[default]
    Todo,
    Done,
    NotApplicable,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChecklistEntry {
    #[serde(default)]
    pub status: ChecklistStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proofs: Vec<FileProof>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Agreement {
    pub id: RecordId,
    pub debt_id: RecordId,
    #[serde(default)]
    pub kind: AgreementKind,
    pub date_reached: NaiveDate,
    #[serde(default)]
    pub channel: NegotiationChannel,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agent: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reference: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub terms: String,
    /// The total the user agreed to pay, if stated; the schedule is checked against it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreed_total: Option<Money>,
    #[serde(default)]
    pub instalments: Vec<Instalment>,
    #[serde(default)]
    pub payments: Vec<Payment>,
    /// Keyed by checklist item id (`domain::agreement::CHECKLIST`).
    #[serde(default)]
    pub checklist: BTreeMap<String, ChecklistEntry>,
}

/// How a contact reached (or tried to reach) its target.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    #[default]
    Call,
    Sms,
    Messaging,
    Email,
    Letter,
    HomeVisit,
    WorkplaceVisit,
    SocialMedia,
    Other,
}

impl Channel {
    pub const ALL: [Channel; 9] = [
        Channel::Call,
        Channel::Sms,
        Channel::Messaging,
        Channel::Email,
        Channel::Letter,
        Channel::HomeVisit,
        Channel::WorkplaceVisit,
        Channel::SocialMedia,
        Channel::Other,
    ];
    pub fn is_call(self) -> bool {
        self == Channel::Call
    }
    pub fn is_visit(self) -> bool {
        matches!(self, Channel::HomeVisit | Channel::WorkplaceVisit)
    }
}

/// Outcome of a call (rules.md §2). Messages, letters and visits are delivered.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    #[default]
    Talked,
    /// Rang out, declined, or stopped by a blocking app.
    Unanswered,
    Voicemail,
    /// Busy, invalid number, network failure.
    NotConnected,
}

impl Outcome {
    pub const ALL: [Outcome; 4] = [
        Outcome::Talked,
        Outcome::Unanswered,
        Outcome::Voicemail,
        Outcome::NotConnected,
    ];
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// The collector initiated it: counts for the rules.
    #[default]
    Incoming,
    /// The user initiated it (e.g. called the hotline): never counted.
    Outgoing,
}

/// Who was contacted (rules.md §2).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    #[default]
    Debtor,
    Guarantor,
    /// Set only by the user: the spouse, where the debt went to household needs.
    SpouseDebtRelated,
    SpouseOther,
    Relative,
    Friend,
    Colleague,
    Employer,
    EmergencyContact,
    PhonebookContact,
    Unknown,
}

impl Target {
    pub const ALL: [Target; 11] = [
        Target::Debtor,
        Target::Guarantor,
        Target::SpouseDebtRelated,
        Target::SpouseOther,
        Target::Relative,
        Target::Friend,
        Target::Colleague,
        Target::Employer,
        Target::EmergencyContact,
        Target::PhonebookContact,
        Target::Unknown,
    ];
    /// People a collector may lawfully pursue for the debt (rules.md CN-TP-*).
    pub fn is_debt_related(self) -> bool {
        matches!(
            self,
            Target::Debtor | Target::Guarantor | Target::SpouseDebtRelated
        )
    }
    pub fn is_third_party(self) -> bool {
        !self.is_debt_related()
    }
}

/// Who the caller claimed to be.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum ClaimedOrg {
    #[default]
    Unknown,
    Lender,
    Agency,
    LawFirm,
    Court,
    Police,
    Other,
}

impl ClaimedOrg {
    pub const ALL: [ClaimedOrg; 7] = [
        ClaimedOrg::Unknown,
        ClaimedOrg::Lender,
        ClaimedOrg::Agency,
        ClaimedOrg::LawFirm,
        ClaimedOrg::Court,
        ClaimedOrg::Police,
        ClaimedOrg::Other,
    ];
}

/// What happened in a contact. Names are the tick names of rules.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tick {
    ThreatHarm,
    ThreatFamily,
    Insult,
    Obscene,
    FalseArrestClaim,
    FakeBlacklist,
    ExaggeratedAmount,
    FalseFamilyConsequence,
    ImpersonateOfficial,
    ImpersonateLawyer,
    ExtraFeeDemand,
    PushNewLoan,
    DisclosedDebt,
    AskedThirdPartyToPay,
    PublicExposure,
    ThreatenedContacts,
    VisitThreat,
    RefusedIdentity,
    PersonalChannel,
    DemandedOldAmount,
    /// Only a reminder of an upcoming instalment under the agreement.
    ReminderOnly,
    ThreatenedLawsuit,
    EnteredHome,
    RefusedToLeave,
    PhysicalForce,
    RestrictedMovement,
    Following,
    /// Said by the person contacted: stop contacting me / this person.
    StopRequested,
    /// The user asked for written contact only.
    WritingOnlyRequested,
    /// The user asked to be contacted only in certain hours.
    HoursRequested,
    /// The user had consented to contact at this time (e.g. "call me at 22:30").
    ConsentGiven,
    /// A call to a third party only to find the debtor (US §1692b).
    LocationCall,
}

impl Tick {
    pub const ALL: [Tick; 32] = [
        Tick::ThreatHarm,
        Tick::ThreatFamily,
        Tick::Insult,
        Tick::Obscene,
        Tick::FalseArrestClaim,
        Tick::FakeBlacklist,
        Tick::ExaggeratedAmount,
        Tick::FalseFamilyConsequence,
        Tick::ImpersonateOfficial,
        Tick::ImpersonateLawyer,
        Tick::ExtraFeeDemand,
        Tick::PushNewLoan,
        Tick::DisclosedDebt,
        Tick::AskedThirdPartyToPay,
        Tick::PublicExposure,
        Tick::ThreatenedContacts,
        Tick::VisitThreat,
        Tick::RefusedIdentity,
        Tick::PersonalChannel,
        Tick::DemandedOldAmount,
        Tick::ReminderOnly,
        Tick::ThreatenedLawsuit,
        Tick::EnteredHome,
        Tick::RefusedToLeave,
        Tick::PhysicalForce,
        Tick::RestrictedMovement,
        Tick::Following,
        Tick::StopRequested,
        Tick::WritingOnlyRequested,
        Tick::HoursRequested,
        Tick::ConsentGiven,
        Tick::LocationCall,
    ];
    /// The handful offered on the quick-log screen.
    pub const QUICK: [Tick; 6] = [
        Tick::ThreatHarm,
        Tick::Insult,
        Tick::FalseArrestClaim,
        Tick::DisclosedDebt,
        Tick::ThreatenedContacts,
        Tick::StopRequested,
    ];
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    #[default]
    Manual,
    /// From a phone call/SMS backup file.
    Imported,
}

/// The editable content of a contact. Edits replace it and keep the old one in
/// `Contact::history`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ContactData {
    /// Start, with the offset of the zone it was recorded in: an unambiguous instant.
    pub at: DateTime<FixedOffset>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_secs: Option<u32>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub channel: Channel,
    /// Calls only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub direction: Direction,
    /// Number or account the contact came from (empty = unknown).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub from_number: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub collector_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub collector_id: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub claimed_org: ClaimedOrg,
    /// The debt (and so the creditor) this contact is about; None = unknown creditor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debt_id: Option<RecordId>,
    /// Agency name when an agency made the contact.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agency: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub target: Target,
    /// Name of the third party, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub target_name: String,
    /// The number that was dialled (the debtor's, or the third party's).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub number_dialled: String,
    /// Was the debtor reachable at the time (for third-party contacts)?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debtor_reachable: Option<bool>,
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub ticks: BTreeSet<Tick>,
    /// How many collectors came (visits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_staff: Option<u8>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub witnesses: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub impact: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<FileProof>,
}

impl ContactData {
    pub fn has(&self, tick: Tick) -> bool {
        self.ticks.contains(&tick)
    }
    /// Collector-initiated: the only contacts the rules count (rules.md §2).
    pub fn is_collector_initiated(&self) -> bool {
        self.direction == Direction::Incoming
    }
}

/// An earlier version of a contact, kept when it was edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PastVersion {
    pub replaced_at: DateTime<Utc>,
    pub data: ContactData,
}

/// One logged contact. `seq` and `created_at` never change after creation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    /// Sequence number, 1-based, in order of entry; unique; at most [`MAX_SEQ`].
    pub seq: u32,
    pub created_at: DateTime<Utc>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub source: Source,
    pub data: ContactData,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<PastVersion>,
    /// In the bin since then; restorable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted_at: Option<DateTime<Utc>>,
    /// SHA-256 (hex) over this entry's content and the previous entry's hash.
    #[serde(default)]
    pub hash: String,
}

impl Contact {
    pub fn is_active(&self) -> bool {
        self.deleted_at.is_none()
    }
    pub fn was_edited(&self) -> bool {
        !self.history.is_empty()
    }
}

/// Something logged outside a single contact that rules depend on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A complaint to the lender, a regulator or a hotline.
    Complaint,
    /// Police criticised, warned or punished the collector.
    PoliceIntervention,
    /// An order forbidding contact (治安法 revised art. 50 para 2).
    NoContactOrder,
    /// The user gave consent to contact in a time window (from..until).
    ConsentWindow,
    /// A written refusal to pay / request to stop (US §1692c(c)).
    CeaseNotice,
    /// The user is represented by an attorney (US).
    AttorneyRepresented,
    /// The user told the collector the employer prohibits contact at work (US).
    WorkplaceProhibited,
    /// A credit-report dispute (征信异议) was filed.
    CreditDispute,
    /// A complaint to the local PBOC branch about credit reporting.
    CreditComplaint,
    /// The user's number is out of service (失联 evidence).
    NumberOutOfService,
    /// The user told a collector that a daily time window (`daily_window`)
    /// or a place (`place`) is inconvenient (US §1692c(a)(1)); `at` is the
    /// day they said it.
    Inconvenient,
}

/// A place the user can call inconvenient, matched by the visit channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    Home,
    Work,
}

impl Place {
    /// The visits that reach the user at this place.
    pub fn channel(self) -> Channel {
        match self {
            Place::Home => Channel::HomeVisit,
            Place::Work => Channel::WorkplaceVisit,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaseEvent {
    pub id: RecordId,
    pub kind: EventKind,
    /// When it happened (or started).
    pub at: DateTime<FixedOffset>,
    /// When it ended (consent withdrawn); None = still in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<DateTime<FixedOffset>>,
    /// For consent windows (and hours called inconvenient): daily local
    /// hours [from, to) in minutes after midnight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub daily_window: Option<(u16, u16)>,
    /// For `Inconvenient`: the place called inconvenient. Absent in records
    /// stored before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub debt_id: Option<RecordId>,
    /// Who it names (agency, number), free text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub party: String,
    /// Channel or body (e.g. "12378", "lender app").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub channel: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replied_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Case {
    pub fn debt(&self, id: &str) -> Option<&Debt> {
        self.debts.iter().find(|d| d.id == id)
    }
    /// The contact with this sequence number, bin included (`contacts` is
    /// ordered by it, so this is a binary search, not a scan).
    pub fn contact(&self, seq: u32) -> Option<&Contact> {
        self.contacts
            .binary_search_by_key(&seq, |c| c.seq)
            .ok()
            .map(|i| &self.contacts[i])
    }
    pub fn active_contacts(&self) -> impl Iterator<Item = &Contact> {
        self.contacts.iter().filter(|c| c.is_active())
    }
    /// The number the next new entry takes: after every entry, skipping
    /// reserved numbers. None when that would pass [`MAX_SEQ`]: no number is
    /// free, and nothing may be saved as if one were.
    pub fn next_seq(&self) -> Option<u32> {
        let last = self.contacts.iter().map(|c| c.seq).max().unwrap_or(0);
        let mut seq = last.checked_add(1)?;
        for held in self.reserved_seqs.range(seq..) {
            if *held != seq {
                break;
            }
            seq = seq.checked_add(1)?;
        }
        (seq <= MAX_SEQ).then_some(seq)
    }
    /// The agreement that governs a debt: the latest one reached.
    pub fn governing_agreement(&self, debt_id: &str) -> Option<&Agreement> {
        self.agreements
            .iter()
            .filter(|a| a.debt_id == debt_id)
            .max_by(|a, b| a.date_reached.cmp(&b.date_reached).then(a.id.cmp(&b.id)))
    }
    pub fn is_empty(&self) -> bool {
        self.debts.is_empty()
            && self.agreements.is_empty()
            && self.contacts.is_empty()
            && self.events.is_empty()
    }
}
