//! The call companion: what to say while a collector is on the line, what the
//! caller does (tapped as it happens), and the one contact entry the call
//! becomes. Also the guided call to the lender's official hotline, whose
//! answers fill the agreement checklist.
//!
//! Every script line is a request or a statement of fact, grounded in
//! rules.md (the cited source is shown with it); none claims a right the
//! sources do not give (e.g. no mainland source gives a right to stop
//! collection calls, so "please stop" is asked, never demanded).

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};

use super::agreement::{self, ChecklistError, InstalmentState, NextDue};
use super::contacts::ContactDraft;
use super::labels;
use super::model::{
    Agreement, Case, Channel, ChecklistStatus, ClaimedOrg, Direction, Money, NegotiationChannel,
    Outcome, Target, Tick,
};
use super::time;
use crate::i18n::{Lang, Text};

const fn t(zh_cn: &'static str, zh_tw: &'static str, en: &'static str) -> Text {
    Text::new(zh_cn, zh_tw, en)
}

// ---------------------------------------------------------------------------
// What to say
// ---------------------------------------------------------------------------

/// What the companion knows about the call, which decides the script.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Situation {
    /// The debt has a recorded agreement.
    pub agreement: bool,
    /// Every instalment due so far was paid on time.
    pub on_schedule: bool,
    /// The agreement has a reference number to give.
    pub reference: bool,
    /// The caller gave a name or an employee ID.
    pub identified: bool,
    /// The caller mentioned, threatened or contacted family, employer or
    /// others, or asked someone else to pay.
    pub third_party: bool,
    /// The caller said they are police, a court or a law firm.
    pub claims_authority: bool,
}

/// One line of the script. Placeholders in the texts: {0} lender, {1} date
/// the agreement was reached, {2} reference, {3} next amount, {4} next date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Line {
    AskIdentity,
    AskAuthorityDetails,
    AgreementExists,
    AgreementExistsNoReference,
    PayingOnSchedule,
    VerifyWithLender,
    AskOfficialChannel,
    ThirdPartyStop,
    PleaseStop,
    BeingLogged,
    Close,
}

/// The lines to read, in order, for the case at hand.
pub fn script(s: Situation) -> Vec<Line> {
    let mut lines = Vec::new();
    if !s.identified {
        lines.push(Line::AskIdentity);
    }
    if s.claims_authority {
        lines.push(Line::AskAuthorityDetails);
    }
    if s.agreement {
        lines.push(if s.reference {
            Line::AgreementExists
        } else {
            Line::AgreementExistsNoReference
        });
        if s.on_schedule {
            lines.push(Line::PayingOnSchedule);
        }
        lines.push(Line::VerifyWithLender);
    } else {
        lines.push(Line::AskOfficialChannel);
    }
    if s.third_party {
        lines.push(Line::ThirdPartyStop);
    }
    lines.push(Line::PleaseStop);
    lines.push(Line::BeingLogged);
    lines.push(Line::Close);
    lines
}

/// Shown above the script; not said aloud.
pub const CALM_TIP: Text = t(
    "慢慢说，不争吵，不用解释太多。你随时可以挂断。",
    "慢慢說，不爭吵，不用解釋太多。你隨時可以掛斷。",
    "Speak slowly. Don't argue or over-explain. You can hang up at any time.",
);

impl Line {
    /// What to say, in the user's language.
    pub fn text(self) -> Text {
        match self {
            Line::AskIdentity => t(
                "请先告诉我你的姓名、工号、所在机构，还有你现在打电话用的号码。",
                "請先告訴我你的姓名、工號、所屬機構，還有你現在打電話用的號碼。",
                "First, please tell me your name, your employee ID, the organisation you work for and the number you are calling from.",
            ),
            Line::AskAuthorityDetails => t(
                "你说你是警察、法院或律师。请告诉我单位全称、你的姓名和证件编号，我会自己通过官方电话核实。",
                "你說你是警察、法院或律師。請告訴我單位全稱、你的姓名和證件編號，我會自己透過官方電話核實。",
                "You say you are the police, a court or a lawyer. Please give me the full name of your office, your name and your badge or licence number; I will check it myself through the official number.",
            ),
            Line::AgreementExists => t(
                "我已经在{1}和{0}达成了还款协议，协议编号是{2}。",
                "我已經在{1}和{0}達成了還款協議，協議編號是{2}。",
                "I reached a repayment agreement with {0} on {1}. The reference number is {2}.",
            ),
            Line::AgreementExistsNoReference => t(
                "我已经在{1}和{0}达成了还款协议。",
                "我已經在{1}和{0}達成了還款協議。",
                "I reached a repayment agreement with {0} on {1}.",
            ),
            Line::PayingOnSchedule => t(
                "到目前为止每一期我都按时还了。下一期是{4}，{3}。",
                "到目前為止每一期我都按時還了。下一期是{4}，{3}。",
                "I have paid every instalment on time so far. The next one is {3}, due on {4}.",
            ),
            Line::VerifyWithLender => t(
                "请你向{0}核实这份协议。核实之前，请不要再按原来的金额和期限找我。",
                "請你向{0}核實這份協議。核實之前，請不要再按原來的金額和期限找我。",
                "Please check this agreement with {0}. Until you have, please don't press me on the old amount or terms.",
            ),
            Line::AskOfficialChannel => t(
                "请告诉我{0}的官方客服电话或App，我会通过官方渠道商量还款。",
                "請告訴我{0}的官方客服電話或App，我會透過官方管道商量還款。",
                "Please tell me the official hotline or app of {0}. I will discuss repayment through the official channel.",
            ),
            Line::ThirdPartyStop => t(
                "这笔欠款请只找我本人，不要联系我的家人、同事或单位。催收的国家推荐标准也说，不应向联系人催收。",
                "這筆欠款請只找我本人，不要聯絡我的家人、同事或單位。催收的國家推薦標準也說，不應向聯絡人催收。",
                "Please deal with me alone about this debt and don't contact my family, colleagues or employer. The national recommended standard on collection also says contacts should not be pressed for payment.",
            ),
            Line::PleaseStop => t(
                "请不要再打电话催我。有事请通过出借方的App或书面方式联系我。",
                "請不要再打電話催我。有事請透過出借方的App或書面方式聯絡我。",
                "Please stop calling me about this. Contact me through the lender's app or in writing.",
            ),
            Line::BeingLogged => t(
                "我正在把这次通话的时间、号码和内容记下来。",
                "我正在把這次通話的時間、號碼和內容記下來。",
                "I am writing down the time, the number and what is said on this call.",
            ),
            Line::Close => t(
                "我会通过官方渠道处理。今天就说到这里，再见。",
                "我會透過官方管道處理。今天就說到這裡，再見。",
                "I will deal with this through the official channel. That's all for today. Goodbye.",
            ),
        }
    }

    /// Where the line comes from (rules.md), shown small under it. Source
    /// names stay in their language, as the rule catalogue keeps them.
    pub fn basis(self) -> Text {
        match self {
            Line::AskIdentity => t(
                "依据：银行业协会催收指引（首次联系应说明机构，单一报道）",
                "依據：銀行業協會催收指引（首次聯繫應說明機構，單一報導）",
                "Basis: CBA collection guideline (state the institution at first contact; single report)",
            ),
            Line::AskAuthorityDetails => t(
                "依据：银行业协会指引禁止冒用行政、司法机关名义；冒充警察可拨110",
                "依據：銀行業協會指引禁止冒用行政、司法機關名義；冒充警察可撥110",
                "Basis: the CBA guideline bans using the name of administrative or judicial bodies; report fake police on 110",
            ),
            Line::AgreementExists
            | Line::AgreementExistsNoReference
            | Line::PayingOnSchedule
            | Line::VerifyWithLender => t(
                "依据：民法典第543条（合同可协商变更）；按原条件催收属实务建议，不是法律规定",
                "依據：民法典第543條（合同可協商變更）；按原條件催收屬實務建議，不是法律規定",
                "Basis: Civil Code art. 543 (a contract may be changed by agreement); collecting on the old terms is practical guidance, not a legal rule",
            ),
            Line::AskOfficialChannel => t(
                "依据：实务建议：协议应通过出借方官方渠道达成",
                "依據：實務建議：協議應透過出借方官方管道達成",
                "Basis: practical guidance: agree terms through the lender's official channel",
            ),
            Line::ThirdPartyStop => t(
                "依据：GB/T 45251-2025（推荐性国家标准）；银行业协会指引",
                "依據：GB/T 45251-2025（推薦性國家標準）；銀行業協會指引",
                "Basis: GB/T 45251-2025 (national recommended standard); CBA guideline",
            ),
            Line::PleaseStop => t(
                "这是请求：内地没有已核实的来源规定债务人可以要求停止催收；之后再打会记为实务提示",
                "這是請求：內地沒有已核實的來源規定債務人可以要求停止催收；之後再打會記為實務提示",
                "A request: no verified mainland source gives a right to stop collection calls; calls after it are noted as guidance",
            ),
            Line::BeingLogged => t(
                "依据：最高法证据规定第14条（通话记录属电子数据）",
                "依據：最高法證據規定第14條（通話紀錄屬電子資料）",
                "Basis: SPC evidence rules art. 14 (call records are electronic data)",
            ),
            Line::Close => t(
                "实务建议：不争吵，回到官方渠道",
                "實務建議：不爭吵，回到官方管道",
                "Practical guidance: don't argue; go back to the official channel",
            ),
        }
    }
}

// ---------------------------------------------------------------------------
// The agreement card
// ---------------------------------------------------------------------------

/// What to read out about the agreement: everything a collector needs to
/// check it with the lender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgreementCard {
    pub lender: String,
    pub currency: String,
    pub date_reached: NaiveDate,
    pub channel: NegotiationChannel,
    /// Agent name and ID, as recorded.
    pub agent: String,
    pub reference: String,
    pub schedule: Vec<InstalmentState>,
    pub paid: Money,
    pub next: Option<NextDue>,
    pub on_schedule: bool,
}

/// The card of the agreement governing `debt_id`, at `today`.
pub fn agreement_card(case: &Case, debt_id: &str, today: NaiveDate) -> Option<AgreementCard> {
    let debt = case.debt(debt_id)?;
    let a = case.governing_agreement(debt_id)?;
    Some(AgreementCard {
        lender: debt.lender.clone(),
        currency: debt.currency.clone(),
        date_reached: a.date_reached,
        channel: a.channel,
        agent: a.agent.clone(),
        reference: a.reference.clone(),
        schedule: agreement::instalment_states(a, today),
        paid: agreement::totals(a, today).paid,
        next: agreement::next_due(a, today),
        on_schedule: agreement::is_on_schedule(a, today),
    })
}

// ---------------------------------------------------------------------------
// The call as it happens
// ---------------------------------------------------------------------------

/// The big buttons: what the caller does, each the tick it becomes.
pub const CALLER_DOES: [Tick; 10] = [
    Tick::ThreatHarm,
    Tick::Insult,
    Tick::ThreatFamily,
    Tick::ThreatenedContacts,
    Tick::DemandedOldAmount,
    Tick::RefusedIdentity,
    Tick::ImpersonateOfficial,
    Tick::ImpersonateLawyer,
    Tick::VisitThreat,
    Tick::DisclosedDebt,
];

/// Ticks that mean family, employer or others are drawn in.
const THIRD_PARTY_TICKS: [Tick; 4] = [
    Tick::ThreatFamily,
    Tick::ThreatenedContacts,
    Tick::DisclosedDebt,
    Tick::AskedThirdPartyToPay,
];

/// One tap: what happened and when, in seconds from the start of the call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moment {
    pub tick: Tick,
    pub at_secs: u32,
}

/// A call in progress, kept in storage after every change so a closed tab or
/// a lock gives it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct CallLog {
    /// Wall-clock time the companion opened: the start of the entry.
    pub started_at: DateTime<Utc>,
    /// IANA zone the entry is written in.
    pub zone: String,
    /// Empty = unknown creditor.
    pub debt_id: String,
    pub moments: Vec<Moment>,
    pub from_number: String,
    pub caller_name: String,
    pub caller_id: String,
    pub caller_org: String,
    /// Seconds on the timer when last saved (the timer is monotonic; this is
    /// what survives an interrupted tab).
    pub elapsed_secs: u32,
    /// Set when the user ended the call; the entry is then being reviewed.
    pub ended: bool,
}

impl Default for CallLog {
    fn default() -> Self {
        CallLog::start(DateTime::<Utc>::UNIX_EPOCH, time::DEFAULT_ZONE)
    }
}

/// Longest call kept as one (longer is a damaged or tampered value).
const MAX_CALL_SECS: u32 = 24 * 3600;

impl CallLog {
    /// Whether a stored call can be shown and turned into an entry: a start
    /// the calendar can show (a tampered year 262142 once crashed the page),
    /// a duration and taps within a day, and a zone this app knows.
    pub fn is_sane(&self) -> bool {
        (2000..=2200).contains(&self.started_at.year())
            && self.elapsed_secs <= MAX_CALL_SECS
            && self.moments.iter().all(|m| m.at_secs <= MAX_CALL_SECS)
            && time::is_known_zone(&self.zone)
    }

    pub fn start(now: DateTime<Utc>, zone: &str) -> CallLog {
        CallLog {
            started_at: now,
            zone: zone.to_string(),
            debt_id: String::new(),
            moments: Vec::new(),
            from_number: String::new(),
            caller_name: String::new(),
            caller_id: String::new(),
            caller_org: String::new(),
            elapsed_secs: 0,
            ended: false,
        }
    }

    pub fn tap(&mut self, tick: Tick, at_secs: u32) {
        self.moments.push(Moment { tick, at_secs });
        self.elapsed_secs = self.elapsed_secs.max(at_secs);
    }

    /// Take back the last tap (a mis-tap).
    pub fn undo(&mut self) -> Option<Moment> {
        self.moments.pop()
    }

    pub fn ticks(&self) -> BTreeSet<Tick> {
        self.moments.iter().map(|m| m.tick).collect()
    }

    pub fn has(&self, tick: Tick) -> bool {
        self.moments.iter().any(|m| m.tick == tick)
    }

    /// The script's view of the call so far.
    pub fn situation(&self, card: Option<&AgreementCard>) -> Situation {
        Situation {
            agreement: card.is_some(),
            on_schedule: card.is_some_and(|c| c.on_schedule && c.next.is_some()),
            reference: card.is_some_and(|c| !c.reference.trim().is_empty()),
            identified: !self.caller_name.trim().is_empty() || !self.caller_id.trim().is_empty(),
            third_party: THIRD_PARTY_TICKS.iter().any(|t| self.has(*t)),
            claims_authority: self.has(Tick::ImpersonateOfficial)
                || self.has(Tick::ImpersonateLawyer),
        }
    }

    /// Local wall-clock time of a moment of the call.
    fn local_at(&self, secs: u32) -> NaiveDateTime {
        let tz = time::zone(&self.zone);
        (self.started_at + Duration::seconds(i64::from(secs)))
            .with_timezone(&tz)
            .naive_local()
    }

    /// The one contact entry the call becomes, for the user to review: start
    /// to the second, duration from the timer, the taps as ticks, and the
    /// taps with their minute as a timeline in the notes.
    pub fn to_draft(&self, lang: Lang) -> ContactDraft {
        let start = self.local_at(0);
        let claimed_org = if self.has(Tick::ImpersonateOfficial) {
            ClaimedOrg::Police
        } else if self.has(Tick::ImpersonateLawyer) {
            ClaimedOrg::LawFirm
        } else {
            ClaimedOrg::Unknown
        };
        let timeline: Vec<String> = self
            .moments
            .iter()
            .map(|m| {
                format!(
                    "{} (+{}) {}",
                    self.local_at(m.at_secs).format("%H:%M"),
                    clock(m.at_secs),
                    labels::tick(m.tick).get(lang)
                )
            })
            .collect();
        let notes = if timeline.is_empty() {
            String::new()
        } else {
            format!("{}\n{}", TIMELINE_TITLE.get(lang), timeline.join("\n"))
        };
        ContactDraft {
            date: start.format("%Y-%m-%d").to_string(),
            time: start.format("%H:%M:%S").to_string(),
            duration: clock(self.elapsed_secs),
            zone: self.zone.clone(),
            channel: Channel::Call,
            outcome: Outcome::Talked,
            direction: Direction::Incoming,
            from_number: self.from_number.trim().to_string(),
            collector_name: self.caller_name.trim().to_string(),
            collector_id: self.caller_id.trim().to_string(),
            claimed_org,
            debt_id: self.debt_id.clone(),
            agency: self.caller_org.trim().to_string(),
            target: Target::Debtor,
            ticks: self.ticks(),
            notes,
            from_call: Some(self.started_at),
            ..ContactDraft::default()
        }
    }
}

const TIMELINE_TITLE: Text = t(
    "通话中记下的（时间，开始后多久）：",
    "通話中記下的（時間，開始後多久）：",
    "Noted during the call (time, time into the call):",
);

/// "M:SS", as the contact form's duration field takes it.
pub fn clock(secs: u32) -> String {
    format!("{}:{:02}", secs / 60, secs % 60)
}

// ---------------------------------------------------------------------------
// The hotline verification guide
// ---------------------------------------------------------------------------

/// What the official hotline said. `None` = not asked or no clear answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HotlineAnswers {
    pub recorded: Option<bool>,
    pub app_shows_plan: Option<bool>,
    /// Where written confirmation will be sent (SMS, e-mail, app, letter).
    pub confirmation_where: String,
    /// When it will be sent.
    pub confirmation_when: String,
    pub agent_name: String,
    pub agent_id: String,
    pub reference: String,
}

/// The questions, in order, in the user's language.
pub const HOTLINE_QUESTIONS: [Text; 4] = [
    t(
        "我和你们达成的还款协议，系统里已经登记了吗？",
        "我和你們達成的還款協議，系統裡已經登記了嗎？",
        "Is the repayment agreement I reached with you recorded in your system?",
    ),
    t(
        "App或官网上现在显示的是新的还款计划吗？",
        "App或官網上現在顯示的是新的還款計畫嗎？",
        "Does the app or website now show the new repayment plan?",
    ),
    t(
        "书面确认会通过什么方式发给我？什么时候发？",
        "書面確認會透過什麼方式發給我？什麼時候發？",
        "How will you send me written confirmation, and when?",
    ),
    t(
        "请告诉我你的姓名和工号，以及这次来电或协议的编号。",
        "請告訴我你的姓名和工號，以及這次來電或協議的編號。",
        "Please tell me your name and staff ID, and the reference number of this call or the agreement.",
    ),
];

/// The outgoing call to the hotline as a contact entry: user-initiated, so
/// no rule ever counts it.
pub fn hotline_draft(
    started_at: DateTime<Utc>,
    zone: &str,
    secs: u32,
    debt_id: &str,
    hotline: &str,
    answers: &HotlineAnswers,
    lang: Lang,
) -> ContactDraft {
    let start = started_at.with_timezone(&time::zone(zone)).naive_local();
    ContactDraft {
        date: start.format("%Y-%m-%d").to_string(),
        time: start.format("%H:%M:%S").to_string(),
        duration: clock(secs),
        zone: zone.to_string(),
        channel: Channel::Call,
        outcome: Outcome::Talked,
        direction: Direction::Outgoing,
        number_dialled: hotline.trim().to_string(),
        collector_name: answers.agent_name.trim().to_string(),
        collector_id: answers.agent_id.trim().to_string(),
        claimed_org: ClaimedOrg::Lender,
        debt_id: debt_id.to_string(),
        target: Target::Debtor,
        notes: hotline_summary(answers, lang),
        ..ContactDraft::default()
    }
}

const YES: Text = t("是", "是", "yes");
const NO: Text = t("否", "否", "no");
const NOT_ASKED: Text = t("未回答", "未回答", "no answer");
const SUMMARY_RECORDED: Text = t("协议已登记", "協議已登記", "Agreement recorded");
const SUMMARY_APP: Text = t("App显示新计划", "App顯示新計畫", "App shows the new plan");
const SUMMARY_WHERE: Text = t("书面确认发往", "書面確認發往", "Written confirmation to");
const SUMMARY_WHEN: Text = t("发送时间", "發送時間", "Sent by");
const SUMMARY_AGENT: Text = t("客服", "客服", "Agent");
const SUMMARY_REFERENCE: Text = t("编号", "編號", "Reference");
const SUMMARY_TITLE: Text = t(
    "官方客服核实电话",
    "官方客服核實電話",
    "Verification call to the official hotline",
);

fn yes_no(v: Option<bool>, lang: Lang) -> &'static str {
    match v {
        Some(true) => YES.get(lang),
        Some(false) => NO.get(lang),
        None => NOT_ASKED.get(lang),
    }
}

/// The answers as text, for the entry's notes.
pub fn hotline_summary(a: &HotlineAnswers, lang: Lang) -> String {
    let agent = [a.agent_name.trim(), a.agent_id.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    let mut lines = vec![
        SUMMARY_TITLE.get(lang).to_string(),
        format!(
            "{}: {}",
            SUMMARY_RECORDED.get(lang),
            yes_no(a.recorded, lang)
        ),
        format!(
            "{}: {}",
            SUMMARY_APP.get(lang),
            yes_no(a.app_shows_plan, lang)
        ),
    ];
    for (label, value) in [
        (SUMMARY_WHERE, a.confirmation_where.trim()),
        (SUMMARY_WHEN, a.confirmation_when.trim()),
        (SUMMARY_AGENT, agent.as_str()),
        (SUMMARY_REFERENCE, a.reference.trim()),
    ] {
        if !value.is_empty() {
            lines.push(format!("{}: {value}", label.get(lang)));
        }
    }
    lines.join("\n")
}

const PROOF_NOTE: Text = t(
    "官方客服电话 {0}，{1}，通话记录 #{2}。",
    "官方客服電話 {0}，{1}，通話紀錄 #{2}。",
    "Official hotline {0}, {1}, call log entry #{2}.",
);
const NOT_RECORDED_NOTE: Text = t(
    "客服说协议还没有登记。",
    "客服說協議還沒有登記。",
    "The agent said the agreement is not recorded yet.",
);
const APP_NOT_SHOWING_NOTE: Text = t(
    "客服说App还没有显示新计划。",
    "客服說App還沒有顯示新計畫。",
    "The agent said the app does not show the new plan yet.",
);

/// Fill the agreement's checklist from the hotline's answers, with the call
/// (entry `seq`, at local time `at`) as the proof. "Recorded" and "the app
/// shows the plan" are marked done on a yes; a no is written down and the
/// item stays open. Written confirmation stays open until it arrives: the
/// promised channel and date are noted.
pub fn apply_hotline(
    a: &mut Agreement,
    answers: &HotlineAnswers,
    hotline: &str,
    at: NaiveDateTime,
    seq: u32,
    lang: Lang,
) -> Result<(), ChecklistError> {
    let when = at.format("%Y-%m-%d %H:%M").to_string();
    let seq_text = seq.to_string();
    let proof = crate::i18n::fill(PROOF_NOTE.get(lang), &[hotline.trim(), &when, &seq_text]);
    let summary = hotline_summary(answers, lang);
    let with_proof = |extra: &str| {
        [extra, summary.as_str(), proof.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let date = Some(at.date());
    let mark = |a: &mut Agreement, id: &str, answer: Option<bool>, no_note: Text| match answer {
        Some(true) => {
            agreement::set_entry_status(a, id, ChecklistStatus::Done)?;
            agreement::set_entry_date(a, id, date)?;
            agreement::set_entry_note(a, id, &with_proof(""))
        }
        Some(false) => agreement::set_entry_note(a, id, &with_proof(no_note.get(lang))),
        None => Ok(()),
    };
    mark(a, "hotline_confirmed", answers.recorded, NOT_RECORDED_NOTE)?;
    mark(
        a,
        "app_shows_plan",
        answers.app_shows_plan,
        APP_NOT_SHOWING_NOTE,
    )?;
    let promised = !answers.confirmation_where.trim().is_empty()
        || !answers.confirmation_when.trim().is_empty();
    if promised {
        agreement::set_entry_note(a, agreement::WRITTEN_CONFIRMATION, &with_proof(""))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contacts;
    use crate::domain::model::{Debt, Instalment, Payment};
    use chrono::TimeZone;

    fn t0() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 10, 2, 0, 0).unwrap()
    }

    fn situation() -> Situation {
        Situation::default()
    }

    #[test]
    fn unknown_caller_without_agreement_is_asked_who_they_are_and_for_the_official_channel() {
        assert_eq!(
            script(situation()),
            vec![
                Line::AskIdentity,
                Line::AskOfficialChannel,
                Line::PleaseStop,
                Line::BeingLogged,
                Line::Close
            ]
        );
    }

    #[test]
    fn with_an_agreement_the_caller_hears_it_with_its_reference_and_is_asked_to_verify() {
        let s = Situation {
            agreement: true,
            reference: true,
            on_schedule: true,
            identified: true,
            ..situation()
        };
        assert_eq!(
            script(s),
            vec![
                Line::AgreementExists,
                Line::PayingOnSchedule,
                Line::VerifyWithLender,
                Line::PleaseStop,
                Line::BeingLogged,
                Line::Close
            ]
        );
    }

    #[test]
    fn an_agreement_without_reference_or_behind_schedule_claims_neither() {
        let s = Situation {
            agreement: true,
            identified: true,
            ..situation()
        };
        let lines = script(s);
        assert!(lines.contains(&Line::AgreementExistsNoReference));
        assert!(!lines.contains(&Line::AgreementExists));
        assert!(!lines.contains(&Line::PayingOnSchedule));
        assert!(!lines.contains(&Line::AskOfficialChannel));
    }

    #[test]
    fn third_party_contact_adds_the_request_to_leave_them_alone() {
        let s = Situation {
            third_party: true,
            ..situation()
        };
        assert!(script(s).contains(&Line::ThirdPartyStop));
        assert!(!script(situation()).contains(&Line::ThirdPartyStop));
    }

    #[test]
    fn a_claimed_authority_is_asked_for_details_to_check() {
        let s = Situation {
            claims_authority: true,
            identified: true,
            ..situation()
        };
        assert_eq!(script(s)[0], Line::AskAuthorityDetails);
    }

    #[test]
    fn the_situation_follows_the_taps_and_fields() {
        let mut log = CallLog::start(t0(), "Asia/Shanghai");
        assert!(!log.situation(None).identified);
        log.caller_id = "A-17".into();
        log.tap(Tick::ThreatenedContacts, 30);
        log.tap(Tick::ImpersonateLawyer, 40);
        let s = log.situation(None);
        assert!(s.identified && s.third_party && s.claims_authority && !s.agreement);
    }

    #[test]
    fn every_line_is_in_three_languages_and_never_says_illegal_or_demands() {
        let all = [
            Line::AskIdentity,
            Line::AskAuthorityDetails,
            Line::AgreementExists,
            Line::AgreementExistsNoReference,
            Line::PayingOnSchedule,
            Line::VerifyWithLender,
            Line::AskOfficialChannel,
            Line::ThirdPartyStop,
            Line::PleaseStop,
            Line::BeingLogged,
            Line::Close,
        ];
        for line in all {
            for lang in Lang::ALL {
                for text in [line.text().get(lang), line.basis().get(lang)] {
                    assert!(!text.trim().is_empty(), "{line:?} {lang:?}");
                    for word in [
                        "违法",
                        "違法",
                        "illegal",
                        "unlawful",
                        "you must",
                        "我有权",
                        "我有權",
                        "my right",
                    ] {
                        assert!(!text.contains(word), "{line:?} {lang:?}: {word}");
                    }
                }
            }
        }
    }

    fn case_with_agreement() -> Case {
        let mut case = Case::default();
        case.debts.push(Debt {
            id: "d1".into(),
            lender: "某消费金融".into(),
            hotline: "95000".into(),
            currency: "CNY".into(),
            ..Debt::default()
        });
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        case.agreements.push(Agreement {
            id: "a1".into(),
            debt_id: "d1".into(),
            date_reached: d("2026-02-01"),
            agent: "王 A123".into(),
            reference: "XY-9".into(),
            instalments: vec![
                Instalment {
                    due: d("2026-03-01"),
                    amount: Money(10_000),
                },
                Instalment {
                    due: d("2026-04-01"),
                    amount: Money(10_000),
                },
            ],
            payments: vec![Payment {
                id: "p1".into(),
                date: d("2026-02-28"),
                amount: Money(10_000),
                channel: String::new(),
                reference: String::new(),
                proofs: Vec::new(),
            }],
            ..Agreement::default()
        });
        case
    }

    #[test]
    fn the_card_reads_the_agreement_through_the_domain_functions() {
        let case = case_with_agreement();
        let today = NaiveDate::from_ymd_opt(2026, 3, 10).unwrap();
        let card = agreement_card(&case, "d1", today).unwrap();
        assert_eq!(card.lender, "某消费金融");
        assert_eq!(card.reference, "XY-9");
        assert_eq!(card.paid, Money(10_000));
        assert_eq!(card.schedule.len(), 2);
        let next = card.next.unwrap();
        assert_eq!(next.due, NaiveDate::from_ymd_opt(2026, 4, 1).unwrap());
        assert!(card.on_schedule);
        assert!(agreement_card(&case, "nope", today).is_none());
    }

    #[test]
    fn a_call_becomes_one_valid_entry_with_times_ticks_and_a_timeline() {
        let start = Utc.with_ymd_and_hms(2026, 3, 10, 14, 5, 30).unwrap(); // 22:05:30 in Shanghai
        let mut log = CallLog::start(start, "Asia/Shanghai");
        log.debt_id = "d1".into();
        log.from_number = " 95000 ".into();
        log.caller_name = "李".into();
        log.tap(Tick::ThreatHarm, 65);
        log.tap(Tick::Insult, 130);
        log.tap(Tick::StopRequested, 200);
        log.elapsed_secs = 245;
        let draft = log.to_draft(Lang::En);
        assert_eq!(
            (draft.date.as_str(), draft.time.as_str()),
            ("2026-03-10", "22:05:30")
        );
        assert_eq!(draft.duration, "4:05");
        assert_eq!(draft.from_number, "95000");
        assert!(draft.notes.contains("22:06 (+1:05) "));
        assert!(draft.notes.contains("22:08 (+3:20) Asked them to stop"));
        let (data, _) = contacts::validate(&draft, start + Duration::minutes(10)).unwrap();
        assert_eq!(data.duration_secs, Some(245));
        assert_eq!(data.direction, Direction::Incoming);
        assert!(
            data.has(Tick::StopRequested) && data.has(Tick::ThreatHarm) && data.has(Tick::Insult)
        );
        assert_eq!(data.at.to_rfc3339(), "2026-03-10T22:05:30+08:00");
    }

    #[test]
    fn only_a_usable_call_is_sane() {
        let now = DateTime::parse_from_rfc3339("2026-03-10T14:05:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let ok = CallLog::start(now, "Asia/Shanghai");
        assert!(ok.is_sane());
        let mut far = ok.clone();
        far.started_at = DateTime::<Utc>::MAX_UTC;
        let mut long = ok.clone();
        long.elapsed_secs = u32::MAX - 5;
        let mut late_tap = ok.clone();
        late_tap.tap(Tick::Insult, u32::MAX);
        let mut mars = ok.clone();
        mars.zone = "Mars/Olympus".into();
        for c in [far, long, late_tap, mars, CallLog::default()] {
            assert!(!c.is_sane(), "{c:?}");
        }
    }

    #[test]
    fn undo_takes_back_only_the_last_tap() {
        let mut log = CallLog::start(t0(), "Asia/Shanghai");
        log.tap(Tick::Insult, 1);
        log.tap(Tick::ThreatHarm, 2);
        assert_eq!(log.undo().map(|m| m.tick), Some(Tick::ThreatHarm));
        assert_eq!(log.ticks(), BTreeSet::from([Tick::Insult]));
    }

    #[test]
    fn a_stored_call_survives_serde() {
        let mut log = CallLog::start(t0(), "Asia/Shanghai");
        log.tap(Tick::StopRequested, 9);
        let back: CallLog = serde_json::from_str(&serde_json::to_string(&log).unwrap()).unwrap();
        assert_eq!(back, log);
    }

    #[test]
    fn the_hotline_call_is_user_initiated_and_fills_the_checklist() {
        let mut case = case_with_agreement();
        let start = Utc.with_ymd_and_hms(2026, 3, 10, 2, 0, 0).unwrap(); // 10:00 in Shanghai
        let answers = HotlineAnswers {
            recorded: Some(true),
            app_shows_plan: Some(false),
            confirmation_where: "SMS".into(),
            confirmation_when: "3 days".into(),
            agent_name: "Zhao".into(),
            agent_id: "K-88".into(),
            reference: "T-1".into(),
        };
        let draft = hotline_draft(
            start,
            "Asia/Shanghai",
            300,
            "d1",
            "95000",
            &answers,
            Lang::En,
        );
        let (data, _) = contacts::validate(&draft, start + Duration::minutes(6)).unwrap();
        assert_eq!(data.direction, Direction::Outgoing);
        assert!(!data.is_collector_initiated());
        assert_eq!(data.number_dialled, "95000");
        assert_eq!(data.collector_id, "K-88");
        let at = time::local(&data.at, time::zone("Asia/Shanghai"));
        let a = &mut case.agreements[0];
        apply_hotline(a, &answers, "95000", at, 7, Lang::En).unwrap();
        let done = &a.checklist["hotline_confirmed"];
        assert_eq!(done.status, ChecklistStatus::Done);
        assert_eq!(done.date, NaiveDate::from_ymd_opt(2026, 3, 10));
        assert!(done.note.contains("#7") && done.note.contains("2026-03-10 10:00"));
        assert!(done.note.contains("K-88"));
        let app = &a.checklist["app_shows_plan"];
        assert_eq!(app.status, ChecklistStatus::Todo);
        assert!(app.note.contains("does not show"));
        let written = &a.checklist[agreement::WRITTEN_CONFIRMATION];
        assert_eq!(written.status, ChecklistStatus::Todo);
        assert!(written.note.contains("SMS") && written.note.contains("3 days"));
    }

    #[test]
    fn unanswered_questions_leave_the_checklist_alone() {
        let mut case = case_with_agreement();
        let at = NaiveDate::from_ymd_opt(2026, 3, 10)
            .unwrap()
            .and_hms_opt(10, 0, 0)
            .unwrap();
        let a = &mut case.agreements[0];
        apply_hotline(a, &HotlineAnswers::default(), "95000", at, 1, Lang::ZhCn).unwrap();
        assert!(a.checklist.is_empty());
    }
}
