//! The printable evidence page as a document model: a pure function of the
//! case, the findings and the user's options (`rules.md` §5, §6).
//!
//! Sections, in order: header (title, dates, version, fingerprint), parties,
//! agreements, findings summary, evidence list (证据目录), contact log, chart
//! data, fingerprint statement, complaint channels, complaint letters.
//!
//! Wording follows `rules.md` §1: facts and what a source says, never that a
//! collector broke the law. Redaction (`domain::redact`) runs last, over every
//! text of the finished report, so no redacted value can slip through a note
//! or a letter; if one is still found, the report is refused.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Tz;

use crate::domain::agreement::{self, InstalmentStatus};
use crate::domain::codec::backup::case_digest;
use crate::domain::contacts::verify_chain;
use crate::domain::labels;
use crate::domain::model::{
    Agreement, Case, Channel, ChecklistStatus, ClaimedOrg, Contact, FileProof, Jurisdiction, Money,
};
use crate::domain::money;
use crate::domain::numberbook;
use crate::domain::redact::{RedactionFailed, Redactor};
use crate::domain::rules::{self, Finding, Kind, Strength};
use crate::domain::time;
use crate::i18n::{fill, Lang, Text};

/// Above this many log rows the page starts with "findings only" on.
pub const LARGE_LOG: usize = 2_000;
/// Notes longer than this (in characters) are cut in the log table.
pub const SUMMARY_CHARS: usize = 200;
/// Evidence item key of the contact log itself.
pub const LOG_ITEM: &str = "log";

pub use crate::domain::report::{
    AgencyParty, AgreementPart, ChannelEntry, Charts, ChecklistRow, Count, EvidenceItem,
    EvidencePart, Field, FileRow, FindingRow, FindingsPart, FingerprintPart, Header, LenderParty,
    Letter, LetterKind, LogPart, LogRow, Parties, PaymentRow, Report, ReportOptions, ScheduleRow,
    Section,
};

const TITLE: Text = Text::new(
    "催收联系证据材料",
    "催收聯繫證據材料",
    "Debt collection contacts: evidence file",
);
const SUBTITLE: Text = Text::new(
    "本材料由当事人使用离线工具根据本人的记录整理，内容为事实记录，不构成法律意见。",
    "本材料由當事人使用離線工具根據本人的紀錄整理，內容為事實紀錄，不構成法律意見。",
    "Prepared by the borrower with an offline tool from their own records. It states recorded facts and is not legal advice.",
);
const PREPARED: Text = Text::new("制作日期", "製作日期", "Prepared on");
const PERIOD: Text = Text::new("所涉期间", "所涉期間", "Period covered");
const VERSION: Text = Text::new("工具版本", "工具版本", "App version");
const ZONE: Text = Text::new("时区", "時區", "Time zone");
const RULESET: Text = Text::new("适用规则", "適用規則", "Ruleset");
const DIGEST: Text = Text::new(
    "导出数据 SHA-256 指纹",
    "匯出資料 SHA-256 指紋",
    "SHA-256 of the exported data",
);
const CHAIN: Text = Text::new(
    "记录哈希链末端值",
    "紀錄雜湊鏈末端值",
    "Hash-chain head of the log",
);
const CHAIN_OK: Text = Text::new("哈希链校验一致", "雜湊鏈校驗一致", "hash chain consistent");
const CHAIN_BROKEN: Text = Text::new(
    "哈希链自第{0}号记录起与存储值不一致（该记录之后曾被改动或导入）",
    "雜湊鏈自第{0}號紀錄起與儲存值不一致（該紀錄之後曾被改動或匯入）",
    "hash chain differs from the stored values from entry {0} on (changed or imported after that entry)",
);
const LIMITS: Text = Text::new(
    "规则检查只能看到本人记录的内容；记录之外的事实（例如债务是否合法有效）需要另行核实。",
    "規則檢查只能看到本人紀錄的內容；紀錄之外的事實（例如債務是否有效）需要另行核實。",
    "The checker sees only what was logged; facts outside the log (such as whether the debt is valid) must be checked separately.",
);
const NONE: Text = Text::new("（未填写）", "（未填寫）", "(not given)");
const DASH: &str = "—";

const NAME: Text = Text::new("姓名", "姓名", "Name");
const PHONE: Text = Text::new("手机号码", "手機號碼", "Phone");
const ID_NUMBER: Text = Text::new("身份证号码", "身分證號碼", "ID number");
const LENDER: Text = Text::new("贷款机构", "貸款機構", "Lender");
const PRODUCT: Text = Text::new("产品", "產品", "Product");
const LENDER_TYPE: Text = Text::new("机构类型", "機構類型", "Type");
const REFERENCE: Text = Text::new("合同/账户编号", "合約/帳戶編號", "Contract / account no.");
const HOTLINE: Text = Text::new("官方客服电话", "官方客服電話", "Official hotline");
const APP: Text = Text::new("App/网站", "App/網站", "App / website");
const ORIGINAL: Text = Text::new("借款金额", "借款金額", "Amount borrowed");
const OVERDUE: Text = Text::new("逾期金额", "逾期金額", "Overdue amount");

const AGREEMENT_HEADING: Text = Text::new(
    "{0}：{1}（{2}达成）",
    "{0}：{1}（{2}達成）",
    "{0}: {1} (reached {2})",
);
const KIND: Text = Text::new("协议类型", "協議類型", "Kind");
const DATE_REACHED: Text = Text::new("达成日期", "達成日期", "Date reached");
const NEGOTIATED_VIA: Text = Text::new("协商渠道", "協商管道", "Channel");
const AGENT: Text = Text::new("经办人/工号", "經辦人/工號", "Agent");
const AGREEMENT_REF: Text = Text::new("协议编号", "協議編號", "Agreement reference");
const TERMS: Text = Text::new("条款", "條款", "Terms");
const AGREED: Text = Text::new("约定总额", "約定總額", "Agreed total");
const PAID: Text = Text::new("已还", "已還", "Paid");
const REMAINING: Text = Text::new("待还", "待還", "Remaining");
const SCHEDULE_COLUMNS: [Text; 7] = [
    Text::new("期数", "期數", "No."),
    Text::new("应还日期", "應還日期", "Due"),
    Text::new("应还金额", "應還金額", "Amount"),
    Text::new("已还", "已還", "Paid"),
    Text::new("未还", "未還", "Left"),
    Text::new("还清日期", "還清日期", "Paid in full on"),
    Text::new("状态", "狀態", "Status"),
];
const PAYMENT_COLUMNS: [Text; 6] = [
    Text::new("还款日期", "還款日期", "Date"),
    Text::new("金额", "金額", "Amount"),
    Text::new("渠道", "管道", "Channel"),
    Text::new("交易/参考号", "交易/參考號", "Transaction / reference no."),
    Text::new(
        "对应分期（是否按时）",
        "對應分期（是否準時）",
        "Instalment paid (on time?)",
    ),
    Text::new(
        "凭证（SHA-256 指纹）",
        "憑證（SHA-256 指紋）",
        "Proof (SHA-256 fingerprint)",
    ),
];
const PAYMENT_USE: Text = Text::new(
    "第 {0} 期（{1} 到期）{2}：{3}",
    "第 {0} 期（{1} 到期）{2}：{3}",
    "No. {0} (due {1}) {2}: {3}",
);
const ON_TIME: Text = Text::new("按时", "準時", "on time");
const LATE_DAYS: Text = Text::new("逾期 {0} 天", "逾期 {0} 天", "{0} days late");
const BEYOND_SCHEDULE: Text = Text::new(
    "超出还款计划 {0}",
    "超出還款計畫 {0}",
    "{0} beyond the schedule",
);
const NOT_COUNTED: Text = Text::new(
    "日期在今天之后，尚未计入",
    "日期在今天之後，尚未計入",
    "dated after today: not counted yet",
);
const CHECKLIST_COLUMNS: [Text; 4] = [
    Text::new("事项", "事項", "Item"),
    Text::new("状态", "狀態", "Status"),
    Text::new("日期/备注", "日期/備註", "Date / note"),
    Text::new(
        "证明文件（名称、SHA-256）",
        "證明檔案（名稱、SHA-256）",
        "Proof files (name, SHA-256)",
    ),
];

const FINDING_COLUMNS: [Text; 5] = [
    Text::new("规则", "規則", "Rule"),
    Text::new("记录显示", "紀錄顯示", "What the log shows"),
    Text::new("出处", "出處", "Source(s)"),
    Text::new("效力层级", "效力層級", "Strength"),
    Text::new("涉及记录", "涉及紀錄", "Entries"),
];
/// Said in the findings and in each conduct letter while contacts stay untied.
const UNATTRIBUTED_NOTE: Text = Text::new(
    "另有 {0} 条联系记录没有归到任何一笔欠款（号码不在任何号码簿里），按贷款方统计的结果和信件没有计入它们。",
    "另有 {0} 筆聯繫記錄沒有歸到任何一筆欠款（號碼不在任何號碼簿裡），按貸款方統計的結果和信件沒有計入它們。",
    "{0} more contacts are tied to no debt (their numbers are in no number book); the per-lender counts and the letters leave them out.",
);

const FINDINGS_NOTE: Text = Text::new(
    "每项结果都是“出处怎么说；记录显示什么”。法律类出处只表示“可能违反”，是否构成由警方或法院认定；其他出处说明其要求，不等于法律责任。",
    "每項結果都是「出處怎麼說；紀錄顯示什麼」。法律類出處只表示「可能違反」，是否構成由警方或法院認定；其他出處說明其要求，不等於法律責任。",
    "Each finding reads \"this source says X; the log shows Y\". Law-based sources only say \"may breach\"; the police or a court decides. Other sources state what they require.",
);
const UNVERIFIED_MARK: Text = Text::new("（未经核实）", "（未經核實）", " (unverified)");

const EVIDENCE_COLUMNS: [Text; 5] = [
    Text::new("序号", "序號", "No."),
    Text::new("证据名称", "證據名稱", "Item"),
    Text::new("证据来源/形式", "證據來源/形式", "Source / form"),
    Text::new("证明对象", "證明對象", "What it proves"),
    Text::new(
        "文件（名称、大小、SHA-256）",
        "檔案（名稱、大小、SHA-256）",
        "File (name, size, SHA-256)",
    ),
];
const EVIDENCE_NOTE: Text = Text::new(
    "原始文件保存在本人手机/电脑中，可当场出示原件核对；SHA-256 值可用于核对文件未被改动。",
    "原始檔案保存在本人手機/電腦中，可當場出示原件核對；SHA-256 值可用於核對檔案未被改動。",
    "The original files are kept on the borrower's device and can be shown for comparison; the SHA-256 values let anyone check a file is unchanged.",
);
const LOG_ITEM_NAME: Text = Text::new(
    "催收联系记录表（本材料第五部分）",
    "催收聯繫紀錄表（本材料第五部分）",
    "Contact log (part 5 of this file)",
);
const LOG_ITEM_FORM: Text = Text::new(
    "本人记录，电子数据打印件",
    "本人紀錄，電子資料列印件",
    "Own record, printout of electronic data",
);
const LOG_ITEM_PROVES: Text = Text::new(
    "{0}次催收联系的时间、频率、来电号码、对象和内容；数据指纹 {1}",
    "{0}次催收聯繫的時間、頻率、來電號碼、對象和內容；資料指紋 {1}",
    "time, frequency, numbers, targets and content of {0} contacts; fingerprint {1}",
);
const PROOF_ITEM_NAME: Text = Text::new("{0}：{1}", "{0}：{1}", "{0}: {1}");
const PROOF_PROVES: Text = Text::new(
    "{0}与{1}于{2}达成的协议：{3}",
    "{0}與{1}於{2}達成的協議：{3}",
    "agreement of {2} between {0} and {1}: {3}",
);
const THE_BORROWER: Text = Text::new("本人", "本人", "the borrower");
const ATTACHMENT_NAME: Text = Text::new(
    "第{0}号记录附件：{1}",
    "第{0}號紀錄附件：{1}",
    "Entry {0} attachment: {1}",
);
const ATTACHMENT_PROVES: Text = Text::new(
    "{0}的{1}（{2}）的内容",
    "{0}的{1}（{2}）的內容",
    "content of the {1} of {0} ({2})",
);
const ATTACHMENT_RULES: Text = Text::new("；涉及 {0}", "；涉及 {0}", "; relates to {0}");
const FORM_RECORDING: Text = Text::new("录音（本人录制）", "錄音（本人錄製）", "Recording (own)");
const FORM_IMAGE: Text = Text::new("截图/照片", "截圖/照片", "Screenshot / photo");
const FORM_VIDEO: Text = Text::new("视频", "影片", "Video");
const FORM_DOCUMENT: Text = Text::new("文件", "文件", "Document");
const FORM_SMS: Text = Text::new("短信截图/导出", "簡訊截圖/匯出", "SMS screenshot / export");
const FORM_FILE: Text = Text::new("电子文件", "電子檔案", "Electronic file");

const LOG_COLUMNS: [Text; 8] = [
    Text::new("序号", "序號", "No."),
    Text::new(
        "日期时间（时区）",
        "日期時間（時區）",
        "Local date-time (offset)",
    ),
    Text::new("方式", "方式", "Channel"),
    Text::new(
        "来电号码/自称身份",
        "來電號碼/自稱身分",
        "From / claimed identity",
    ),
    Text::new("联系对象", "聯繫對象", "Target"),
    Text::new("内容摘要", "內容摘要", "Summary"),
    Text::new("涉及规则", "涉及規則", "Rules"),
    Text::new("修改过", "修改過", "Edited"),
];
const YES: Text = Text::new("是", "是", "yes");
const NO: Text = Text::new("否", "否", "no");
const OUTGOING: Text = Text::new("（我方发起）", "（我方發起）", " (by me)");
const LOG_NOTE_ALL: Text = Text::new(
    "共{0}条有效记录，本表列出{1}条（按时间排序；已删除的记录不列入）。",
    "共{0}筆有效紀錄，本表列出{1}筆（按時間排序；已刪除的紀錄不列入）。",
    "{0} active entries; {1} listed here (by time; deleted entries are left out).",
);
const LOG_NOTE_FINDINGS: Text = Text::new(
    "共{0}条有效记录，本表只列出与检查结果有关的{1}条（按时间排序）。",
    "共{0}筆有效紀錄，本表只列出與檢查結果有關的{1}筆（按時間排序）。",
    "{0} active entries; only the {1} related to findings are listed here (by time).",
);

const PER_DAY_TITLE: Text = Text::new(
    "每日催收联系次数（对方发起）",
    "每日催收聯繫次數（對方發起）",
    "Collector contacts per day",
);
const WEEK_HOUR_TITLE: Text = Text::new(
    "按星期和时段分布",
    "按星期和時段分佈",
    "By weekday and hour",
);
const WEEKDAYS: [Text; 7] = [
    Text::new("周一", "週一", "Mon"),
    Text::new("周二", "週二", "Tue"),
    Text::new("周三", "週三", "Wed"),
    Text::new("周四", "週四", "Thu"),
    Text::new("周五", "週五", "Fri"),
    Text::new("周六", "週六", "Sat"),
    Text::new("周日", "週日", "Sun"),
];

const PROVES_TITLE: Text = Text::new(
    "这个指纹能证明：",
    "這個指紋能證明：",
    "What the fingerprint proves:",
);
const PROVES: [Text; 2] = [
    Text::new(
        "一份数据副本与制作本材料时导出的数据逐字节相同，即本次导出之后数据没有被改动。",
        "一份資料副本與製作本材料時匯出的資料逐位元組相同，即本次匯出之後資料沒有被改動。",
        "A copy of the data is byte-identical to the data exported for this file: the data were not changed after this export.",
    ),
    Text::new(
        "如果指纹在设备之外的某个时间被固定（发给他人、写进投诉、公证或可信时间戳），还能证明数据在那时已经存在且此后未变。",
        "如果指紋在裝置之外的某個時間被固定（傳給他人、寫進投訴、公證或可信時間戳），還能證明資料在那時已經存在且此後未變。",
        "If the fingerprint was fixed outside the device at a known time (sent to someone, quoted in a complaint, notarised, trusted-timestamped), the data existed by then and are unchanged since.",
    ),
];
const NOT_PROVES_TITLE: Text = Text::new(
    "这个指纹不能证明：",
    "這個指紋不能證明：",
    "What it does not prove:",
);
const NOT_PROVES: [Text; 6] = [
    Text::new("记录的内容是真实的；", "紀錄的內容是真實的；", "that the entries are true;"),
    Text::new(
        "联系发生的时间，或记录是在事发当时写下的；",
        "聯繫發生的時間，或紀錄是在事發當時寫下的；",
        "when a contact happened, or that entries were written at the time;",
    ),
    Text::new("记录是完整的；", "紀錄是完整的；", "that the log is complete;"),
    Text::new("来电的人是谁；", "來電的人是誰；", "who called;"),
    Text::new("设备时钟是准确的；", "裝置時鐘是準確的；", "that the device clock was right;"),
    Text::new(
        "内部哈希链只说明历史没有在不重算哈希链的情况下被改写，而设备由本人控制。请以通话详单、短信原件、录音原件等佐证。",
        "內部雜湊鏈只說明歷史沒有在不重算雜湊鏈的情況下被改寫，而裝置由本人控制。請以通話詳單、簡訊原件、錄音原件等佐證。",
        "The internal hash chain only shows the history was not rewritten without redoing the chain, and the borrower controls the device. Corroborate with carrier call records, original messages and recordings.",
    ),
];

// ---------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------

fn tx(t: Text, lang: Lang) -> String {
    t.get(lang).to_string()
}

fn field(label: Text, value: &str, lang: Lang) -> Field {
    Field {
        label: tx(label, lang),
        value: if value.trim().is_empty() {
            tx(NONE, lang)
        } else {
            value.to_string()
        },
    }
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

fn amount(m: Money, currency: &str) -> String {
    format!("{} {currency}", money::format(m))
}

fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
    } else if bytes >= 1024 {
        format!("{:.1} KB", bytes as f64 / 1024.0)
    } else {
        format!("{bytes} B")
    }
}

fn file_row(p: &FileProof) -> FileRow {
    FileRow {
        name: p.name.clone(),
        size: size_text(p.size),
        sha256: p.sha256.clone(),
    }
}

fn truncate(text: &str, max: usize) -> String {
    let clean = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if clean.chars().count() <= max {
        clean
    } else {
        let mut s: String = clean.chars().take(max).collect();
        s.push('…');
        s
    }
}

fn jurisdiction_name(j: Jurisdiction) -> Text {
    match j {
        Jurisdiction::Cn => Text::new("中国大陆", "中國大陸", "Mainland China"),
        Jurisdiction::Us => Text::new("美国", "美國", "United States"),
        Jurisdiction::In => Text::new("印度", "印度", "India"),
        Jurisdiction::Ph => Text::new("菲律宾", "菲律賓", "Philippines"),
        Jurisdiction::Au => Text::new("澳大利亚", "澳大利亞", "Australia"),
        Jurisdiction::Tw => Text::new("台湾地区", "台灣地區", "Taiwan"),
        Jurisdiction::Hk => Text::new("香港特区", "香港特區", "Hong Kong"),
        Jurisdiction::Uk => Text::new("英国", "英國", "United Kingdom"),
    }
}

fn instalment_status(s: InstalmentStatus, late: bool) -> Text {
    match (s, late) {
        (InstalmentStatus::Paid, true) => {
            Text::new("已还（逾期后）", "已還（逾期後）", "Paid late")
        }
        (InstalmentStatus::Paid, false) => Text::new("已还", "已還", "Paid"),
        (InstalmentStatus::Overdue, _) => Text::new("已过期未还清", "已過期未還清", "Past due"),
        (InstalmentStatus::DueToday, _) => Text::new("今天到期", "今天到期", "Due today"),
        (InstalmentStatus::DueSoon, _) => Text::new("即将到期", "即將到期", "Due soon"),
        (InstalmentStatus::PartlyPaid, _) => Text::new("部分已还", "部分已還", "Partly paid"),
        (InstalmentStatus::Upcoming, _) => Text::new("未到期", "未到期", "Upcoming"),
    }
}

fn checklist_status(s: ChecklistStatus) -> Text {
    match s {
        ChecklistStatus::Todo => Text::new("未完成", "未完成", "Not done"),
        ChecklistStatus::Done => Text::new("已完成", "已完成", "Done"),
        ChecklistStatus::NotApplicable => Text::new("不适用", "不適用", "Not applicable"),
    }
}

fn form_of(p: &FileProof, channel: Option<Channel>) -> Text {
    let mime = p.mime.to_ascii_lowercase();
    let ext = p
        .name
        .rsplit('.')
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    let is = |list: &[&str]| list.contains(&ext.as_str());
    if mime.starts_with("audio/") || is(&["mp3", "m4a", "amr", "wav", "aac", "ogg", "3gp", "opus"])
    {
        FORM_RECORDING
    } else if mime.starts_with("image/") || is(&["png", "jpg", "jpeg", "heic", "webp", "gif"]) {
        if channel == Some(Channel::Sms) {
            FORM_SMS
        } else {
            FORM_IMAGE
        }
    } else if mime.starts_with("video/") || is(&["mp4", "mov", "avi"]) {
        FORM_VIDEO
    } else if is(&["pdf", "doc", "docx", "txt", "xls", "xlsx"]) {
        FORM_DOCUMENT
    } else if channel == Some(Channel::Sms) {
        FORM_SMS
    } else {
        FORM_FILE
    }
}

/// Everything the builder needs once: zone, dates, which contacts hit which rules.
struct Ctx<'a> {
    case: &'a Case,
    lang: Lang,
    tz: Tz,
    today: NaiveDate,
    opts: &'a ReportOptions,
    /// seq → rule ids it triggered.
    hits: BTreeMap<u32, BTreeSet<&'static str>>,
    findings: Vec<&'a Finding>,
    digest: String,
    /// seq → local day of each active contact.
    days: BTreeMap<u32, NaiveDate>,
}

impl Ctx<'_> {
    fn t(&self, t: Text) -> String {
        tx(t, self.lang)
    }
    fn in_range(&self, d: NaiveDate) -> bool {
        self.opts.from.is_none_or(|f| d >= f) && self.opts.to.is_none_or(|t| d <= t)
    }
    fn contact_day(&self, c: &Contact) -> NaiveDate {
        time::local_date(&c.data.at, self.tz)
    }
    fn stamp(&self, c: &Contact) -> String {
        c.data
            .at
            .with_timezone(&self.tz)
            .format("%Y-%m-%d %H:%M %:z")
            .to_string()
    }
    fn lender_name(&self, debt_id: Option<&str>) -> String {
        debt_id
            .and_then(|id| self.case.debt(id))
            .map(|d| d.lender.clone())
            .unwrap_or_else(|| rules::Creditor::Unknown.label(self.lang))
    }
    /// Active contacts in the date range, chronological.
    fn contacts_in_range(&self) -> Vec<&Contact> {
        let mut v: Vec<&Contact> = self
            .case
            .active_contacts()
            .filter(|c| self.in_range(self.contact_day(c)))
            .collect();
        v.sort_by(|a, b| a.data.at.cmp(&b.data.at).then(a.seq.cmp(&b.seq)));
        v
    }
}

/// Build the whole report. `prepared_at` is the clock reading (never read here).
/// Refused when redaction is on and a hidden value is still found after it.
pub fn build_report(
    case: &Case,
    findings: &[Finding],
    options: &ReportOptions,
    prepared_at: DateTime<Utc>,
    app_version: &str,
) -> Result<Report, RedactionFailed> {
    let lang = options.lang;
    let tz = time::zone(&case.settings.time_zone);
    let today = time::utc_to_zone(prepared_at, tz).date_naive();
    let mut ctx = Ctx {
        case,
        lang,
        tz,
        today,
        opts: options,
        hits: BTreeMap::new(),
        findings: Vec::new(),
        digest: case_digest(case),
        days: BTreeMap::new(),
    };
    ctx.days = case
        .active_contacts()
        .map(|c| (c.seq, time::local_date(&c.data.at, tz)))
        .collect();
    ctx.findings = findings
        .iter()
        .filter(|f| ctx.in_range(f.when.date()))
        .collect();
    for f in &ctx.findings {
        for s in &f.contacts {
            ctx.hits.entry(*s).or_default().insert(f.id());
        }
    }

    let digest = ctx.digest.clone();
    let chain = verify_chain(&case.contacts);

    let header = build_header(&ctx, prepared_at, app_version, &digest, &chain.head);
    let parties = build_parties(&ctx);
    let agreements = build_agreements(&ctx);
    let findings_part = build_findings(&ctx);
    let evidence = build_evidence(&ctx, &digest);
    let log = build_log(&ctx);
    let charts = build_charts(&ctx);
    let fingerprint = FingerprintPart {
        digest_label: ctx.t(DIGEST),
        digest: digest.clone(),
        chain_label: ctx.t(CHAIN),
        chain_head: chain.head.clone(),
        chain_status: match chain.first_broken_seq {
            None => ctx.t(CHAIN_OK),
            Some(seq) => fill(CHAIN_BROKEN.get(lang), &[&seq.to_string()]),
        },
        proves_title: ctx.t(PROVES_TITLE),
        proves: PROVES.iter().map(|t| ctx.t(*t)).collect(),
        not_proves_title: ctx.t(NOT_PROVES_TITLE),
        not_proves: NOT_PROVES.iter().map(|t| ctx.t(*t)).collect(),
    };
    let channels = build_channels(&ctx);
    let letters = build_letters(&ctx, &evidence, prepared_at);

    let report = Report {
        lang,
        header,
        parties,
        agreements,
        findings: findings_part,
        evidence,
        log,
        charts,
        fingerprint,
        channels,
        letters,
    };
    let mut report = report;
    Redactor::new(case, options).apply(&mut report)?;
    Ok(report)
}

fn build_header(
    ctx: &Ctx,
    prepared_at: DateTime<Utc>,
    app_version: &str,
    digest: &str,
    head: &str,
) -> Header {
    let lang = ctx.lang;
    let contacts = ctx.contacts_in_range();
    let first = ctx
        .opts
        .from
        .or(contacts.first().map(|c| ctx.contact_day(c)));
    let last = ctx.opts.to.or(contacts.last().map(|c| ctx.contact_day(c)));
    let period = match (first, last) {
        (Some(a), Some(b)) => format!("{} – {}", ymd(a), ymd(b)),
        (Some(a), None) => format!("{} –", ymd(a)),
        (None, Some(b)) => format!("– {}", ymd(b)),
        (None, None) => DASH.to_string(),
    };
    let prepared = time::utc_to_zone(prepared_at, ctx.tz)
        .format("%Y-%m-%d %H:%M %:z")
        .to_string();
    Header {
        title: ctx.t(TITLE),
        subtitle: ctx.t(SUBTITLE),
        fields: vec![
            field(PREPARED, &prepared, lang),
            field(PERIOD, &period, lang),
            field(
                ZONE,
                &time::zone_label(&ctx.case.settings.time_zone, lang),
                lang,
            ),
            field(
                RULESET,
                jurisdiction_name(ctx.case.settings.jurisdiction).get(lang),
                lang,
            ),
            field(VERSION, app_version, lang),
        ],
        digest: digest.to_string(),
        chain_head: head.to_string(),
        limits: ctx.t(LIMITS),
    }
}

fn build_parties(ctx: &Ctx) -> Parties {
    let lang = ctx.lang;
    let d = &ctx.case.debtor;
    let debtor = vec![
        field(NAME, &d.name, lang),
        field(PHONE, &d.phone, lang),
        field(ID_NUMBER, &d.id_number, lang),
    ];
    let lenders = ctx
        .case
        .debts
        .iter()
        .map(|debt| {
            let mut fields = vec![
                field(PRODUCT, labels::product(debt.product).get(lang), lang),
                field(
                    LENDER_TYPE,
                    labels::lender_type(debt.lender_type).get(lang),
                    lang,
                ),
                field(REFERENCE, &debt.reference, lang),
                field(HOTLINE, &debt.hotline, lang),
            ];
            if !debt.app_or_site.is_empty() {
                fields.push(field(APP, &debt.app_or_site, lang));
            }
            if debt.original_amount.0 > 0 {
                fields.push(field(
                    ORIGINAL,
                    &amount(debt.original_amount, &debt.currency),
                    lang,
                ));
            }
            if debt.overdue_amount.0 > 0 {
                fields.push(field(
                    OVERDUE,
                    &amount(debt.overdue_amount, &debt.currency),
                    lang,
                ));
            }
            LenderParty {
                name: if debt.lender.is_empty() {
                    tx(NONE, lang)
                } else {
                    debt.lender.clone()
                },
                fields,
                agencies: debt
                    .agencies
                    .iter()
                    .map(|a| AgencyParty {
                        name: a.name.clone(),
                        numbers: a.numbers.clone(),
                    })
                    .collect(),
            }
        })
        .collect();
    Parties { debtor, lenders }
}

fn build_agreements(ctx: &Ctx) -> Vec<AgreementPart> {
    let lang = ctx.lang;
    ctx.case
        .agreements
        .iter()
        .map(|a| {
            let debt = ctx.case.debt(&a.debt_id);
            let currency = debt.map_or("CNY", |d| d.currency.as_str());
            let lender = ctx.lender_name(Some(&a.debt_id));
            let kind = labels::agreement_kind(a.kind).get(lang);
            let schedule = agreement::instalment_states(a, ctx.today)
                .into_iter()
                .map(|s| ScheduleRow {
                    no: s.index + 1,
                    due: ymd(s.due),
                    amount: amount(s.amount, currency),
                    paid: amount(s.paid, currency),
                    left: amount(s.left_to_pay(), currency),
                    paid_on: s.paid_on.map(ymd).unwrap_or_default(),
                    status: tx(instalment_status(s.status, s.paid_late), lang),
                })
                .collect();
            let payments = payment_rows(a, ctx.today, currency, lang);
            let totals = agreement::totals(a, ctx.today);
            let checklist = agreement::CHECKLIST
                .iter()
                .map(|item| {
                    let entry = a.checklist.get(item.id).cloned().unwrap_or_default();
                    let mut date_note = entry.date.map(ymd).unwrap_or_default();
                    if !entry.note.is_empty() {
                        if !date_note.is_empty() {
                            date_note.push(' ');
                        }
                        date_note.push_str(&entry.note);
                    }
                    ChecklistRow {
                        title: tx(item.title, lang),
                        status: tx(checklist_status(entry.status), lang),
                        done: entry.status == ChecklistStatus::Done,
                        date: date_note,
                        note: String::new(),
                        proofs: entry.proofs.iter().map(file_row).collect(),
                    }
                })
                .collect();
            AgreementPart {
                heading: fill(
                    AGREEMENT_HEADING.get(lang),
                    &[&lender, kind, &ymd(a.date_reached)],
                ),
                fields: vec![
                    field(LENDER, &lender, lang),
                    field(KIND, kind, lang),
                    field(DATE_REACHED, &ymd(a.date_reached), lang),
                    field(
                        NEGOTIATED_VIA,
                        labels::negotiation_channel(a.channel).get(lang),
                        lang,
                    ),
                    field(AGENT, &a.agent, lang),
                    field(AGREEMENT_REF, &a.reference, lang),
                    field(TERMS, &a.terms, lang),
                ],
                schedule_columns: SCHEDULE_COLUMNS.iter().map(|t| tx(*t, lang)).collect(),
                schedule,
                payment_columns: PAYMENT_COLUMNS.iter().map(|t| tx(*t, lang)).collect(),
                payments,
                totals: vec![
                    field(AGREED, &amount(totals.agreed, currency), lang),
                    field(PAID, &amount(totals.paid, currency), lang),
                    field(REMAINING, &amount(totals.remaining, currency), lang),
                ],
                checklist_columns: CHECKLIST_COLUMNS.iter().map(|t| tx(*t, lang)).collect(),
                checklist,
            }
        })
        .collect()
}

/// The payments by date, each with the instalments it paid and whether on time.
fn payment_rows(a: &Agreement, today: NaiveDate, currency: &str, lang: Lang) -> Vec<PaymentRow> {
    agreement::payments_applied(a, today)
        .into_iter()
        .map(|x| {
            let mut applied: Vec<String> = x
                .uses
                .iter()
                .map(|u| {
                    let when = if u.on_time {
                        tx(ON_TIME, lang)
                    } else {
                        let days = (x.payment.date - u.due).num_days();
                        fill(LATE_DAYS.get(lang), &[&days.to_string()])
                    };
                    fill(
                        PAYMENT_USE.get(lang),
                        &[
                            &(u.index + 1).to_string(),
                            &ymd(u.due),
                            &amount(u.amount, currency),
                            &when,
                        ],
                    )
                })
                .collect();
            if x.beyond.0 > 0 {
                applied.push(fill(
                    BEYOND_SCHEDULE.get(lang),
                    &[&amount(x.beyond, currency)],
                ));
            }
            if !x.counted {
                applied.push(tx(NOT_COUNTED, lang));
            }
            PaymentRow {
                date: ymd(x.payment.date),
                amount: amount(x.payment.amount, currency),
                channel: x.payment.channel.clone(),
                reference: x.payment.reference.clone(),
                late: x.uses.iter().any(|u| !u.on_time),
                applied,
                proofs: x.payment.proofs.iter().map(file_row).collect(),
            }
        })
        .collect()
}

/// Entry numbers shown per row or letter line before "… and N more".
pub const CONTACTS_SHOWN: usize = 12;

const FINDING_SUMMARY: Text = Text::new(
    "{0}项，涉及{1}条记录、{2}天（{3}）",
    "{0}項，涉及{1}筆紀錄、{2}天（{3}）",
    "{0} finding(s), {1} entries on {2} day(s) ({3})",
);
const MORE_ENTRIES: Text = Text::new("…等共{1}条", "…等共{1}筆", "… and {0} more");
const BACKGROUND: Text = Text::new(
    "背景（非依据）：",
    "背景（非依據）：",
    "Background (not the basis): ",
);

fn cite_text(c: &rules::Citation, lang: Lang) -> String {
    let mut s = c.reference();
    if c.mark == rules::Mark::U {
        s.push_str(UNVERIFIED_MARK.get(lang));
    }
    s
}

fn is_primary(f: &Finding, c: &rules::Citation) -> bool {
    f.rule.primary.contains(c)
}

/// Findings grouped per rule, in the order rules first appear.
fn group_by_rule<'a>(findings: &[&'a Finding]) -> Vec<Vec<&'a Finding>> {
    let mut groups: Vec<Vec<&'a Finding>> = Vec::new();
    for f in findings {
        match groups.iter_mut().find(|g| g[0].id() == f.id()) {
            Some(g) => g.push(f),
            None => groups.push(vec![f]),
        }
    }
    groups
}

/// What a group of findings of one rule covers.
struct GroupFacts {
    strength: Strength,
    lead: String,
    entries: Vec<u32>,
    days: usize,
    period: String,
    primary: Vec<&'static rules::Citation>,
    related: Vec<&'static rules::Citation>,
}

fn group_facts(ctx: &Ctx, g: &[&Finding]) -> GroupFacts {
    let lang = ctx.lang;
    let strongest = g.iter().max_by_key(|f| f.strength).copied();
    let strength = strongest.map_or(Strength::Guidance, |f| f.strength);
    let mut entries: Vec<u32> = g.iter().flat_map(|f| f.contacts.iter().copied()).collect();
    entries.sort_unstable();
    entries.dedup();
    let mut days: BTreeSet<NaiveDate> = entries
        .iter()
        .filter_map(|s| ctx.days.get(s).copied())
        .collect();
    if days.is_empty() {
        days = g.iter().map(|f| f.when.date()).collect();
    }
    let period = match (days.first(), days.last()) {
        (Some(a), Some(b)) if a == b => ymd(*a),
        (Some(a), Some(b)) => format!("{} – {}", ymd(*a), ymd(*b)),
        _ => DASH.to_string(),
    };
    let mut primary: Vec<&'static rules::Citation> = Vec::new();
    let mut related: Vec<&'static rules::Citation> = Vec::new();
    for f in g {
        for c in &f.citations {
            let list = if is_primary(f, c) {
                &mut primary
            } else {
                &mut related
            };
            if !list.contains(c) {
                list.push(c);
            }
        }
    }
    GroupFacts {
        strength,
        lead: strongest.map(|f| f.lead(lang)).unwrap_or_default(),
        entries,
        days: days.len(),
        period,
        primary,
        related,
    }
}

fn more_text(total: usize, lang: Lang) -> String {
    if total > CONTACTS_SHOWN {
        fill(
            MORE_ENTRIES.get(lang),
            &[&(total - CONTACTS_SHOWN).to_string(), &total.to_string()],
        )
    } else {
        String::new()
    }
}

fn group_row(ctx: &Ctx, g: &[&Finding]) -> FindingRow {
    let lang = ctx.lang;
    let f = g[0];
    let gf = group_facts(ctx, g);
    let mut creditors: Vec<String> = Vec::new();
    for x in g {
        let c = x.creditor.label(lang);
        if !creditors.contains(&c) {
            creditors.push(c);
        }
    }
    let mut measured = fill(
        FINDING_SUMMARY.get(lang),
        &[
            &g.len().to_string(),
            &gf.entries.len().to_string(),
            &gf.days.to_string(),
            &gf.period,
        ],
    );
    if g.len() == 1 {
        measured = format!("{}：{}", measured, f.describe(lang));
    }
    FindingRow {
        rule_id: f.id().to_string(),
        title: tx(f.rule.title, lang),
        strength_key: gf.strength.key().to_string(),
        strength: tx(gf.strength.label(), lang),
        lead: gf.lead,
        measured,
        sources: gf.primary.iter().map(|c| cite_text(c, lang)).collect(),
        background: gf.related.iter().map(|c| cite_text(c, lang)).collect(),
        creditor: creditors.join("、"),
        count: g.len(),
        days: gf.days,
        period: gf.period,
        contacts: gf.entries.iter().take(CONTACTS_SHOWN).copied().collect(),
        more: more_text(gf.entries.len(), lang),
        unverified: g.iter().any(|x| x.is_unverified()),
        scope: f.rule.scope.map(|t| tx(t, lang)).unwrap_or_default(),
    }
}

fn build_findings(ctx: &Ctx) -> FindingsPart {
    let lang = ctx.lang;
    let groups = group_by_rule(&ctx.findings);
    let rows: Vec<FindingRow> = groups.iter().map(|g| group_row(ctx, g)).collect();
    let by_strength = Strength::ALL
        .iter()
        .map(|s| Count {
            key: s.key().to_string(),
            label: tx(s.label(), lang),
            count: ctx.findings.iter().filter(|f| f.strength == *s).count(),
        })
        .collect();
    let by_rule: Vec<Count> = groups
        .iter()
        .map(|g| Count {
            key: g[0].id().to_string(),
            label: tx(g[0].rule.title, lang),
            count: g.len(),
        })
        .collect();
    FindingsPart {
        total: ctx.findings.len(),
        by_strength,
        by_rule,
        unverified: ctx.findings.iter().filter(|f| f.is_unverified()).count(),
        columns: FINDING_COLUMNS.iter().map(|t| tx(*t, lang)).collect(),
        rows,
        background_label: ctx.t(BACKGROUND),
        note: ctx.t(FINDINGS_NOTE),
        unattributed_note: unattributed_note(ctx.case, lang),
    }
}

/// The untied-contacts sentence, or nothing (no debt entered: nothing to tie to).
fn unattributed_note(case: &Case, lang: Lang) -> String {
    match numberbook::unattributed(case) {
        n if n > 0 && !case.debts.is_empty() => {
            fill(UNATTRIBUTED_NOTE.get(lang), &[&n.to_string()])
        }
        _ => String::new(),
    }
}

fn build_evidence(ctx: &Ctx, digest: &str) -> EvidencePart {
    let lang = ctx.lang;
    // Numbered over the whole case first: filters and exclusions never renumber.
    let mut all: Vec<(EvidenceItem, Option<NaiveDate>)> = Vec::new();
    let active = ctx.case.active_contacts().count();
    all.push((
        EvidenceItem {
            key: LOG_ITEM.to_string(),
            number: 0,
            name: ctx.t(LOG_ITEM_NAME),
            form: ctx.t(LOG_ITEM_FORM),
            proves: fill(
                LOG_ITEM_PROVES.get(lang),
                &[&active.to_string(), digest.get(..16).unwrap_or(digest)],
            ),
            file: None,
        },
        None,
    ));
    let borrower = if ctx.case.debtor.name.is_empty() {
        ctx.t(THE_BORROWER)
    } else {
        ctx.case.debtor.name.clone()
    };
    for a in &ctx.case.agreements {
        let lender = ctx.lender_name(Some(&a.debt_id));
        for item in agreement::CHECKLIST {
            let Some(entry) = a.checklist.get(item.id) else {
                continue;
            };
            for p in &entry.proofs {
                all.push((
                    EvidenceItem {
                        key: format!("proof:{}:{}:{}", a.id, item.id, p.sha256),
                        number: 0,
                        name: fill(PROOF_ITEM_NAME.get(lang), &[item.title.get(lang), &p.name]),
                        form: tx(form_of(p, None), lang),
                        proves: fill(
                            PROOF_PROVES.get(lang),
                            &[
                                &borrower,
                                &lender,
                                &ymd(a.date_reached),
                                item.title.get(lang),
                            ],
                        ),
                        file: Some(file_row(p)),
                    },
                    Some(a.date_reached),
                ));
            }
        }
    }
    let mut contacts: Vec<&Contact> = ctx.case.active_contacts().collect();
    contacts.sort_by_key(|c| c.seq);
    for c in contacts {
        for p in &c.data.attachments {
            let what = format!(
                "{} {}",
                labels::channel(c.data.channel).get(lang),
                if c.data.from_number.is_empty() {
                    DASH
                } else {
                    &c.data.from_number
                }
            );
            let mut proves = fill(
                ATTACHMENT_PROVES.get(lang),
                &[
                    &ctx.stamp(c),
                    labels::channel(c.data.channel).get(lang),
                    &what,
                ],
            );
            if let Some(ids) = ctx.hits.get(&c.seq) {
                let ids: Vec<&str> = ids.iter().copied().collect();
                proves.push_str(&fill(ATTACHMENT_RULES.get(lang), &[&ids.join(", ")]));
            }
            all.push((
                EvidenceItem {
                    key: format!("att:{}:{}", c.seq, p.sha256),
                    number: 0,
                    name: fill(ATTACHMENT_NAME.get(lang), &[&c.seq.to_string(), &p.name]),
                    form: tx(form_of(p, Some(c.data.channel)), lang),
                    proves,
                    file: Some(file_row(p)),
                },
                Some(ctx.contact_day(c)),
            ));
        }
    }
    let mut items = Vec::new();
    let mut excluded = Vec::new();
    let mut seen = BTreeSet::new();
    let mut number = 0;
    for (mut item, day) in all {
        // The same file attached twice to one place is one item.
        if !seen.insert(item.key.clone()) {
            continue;
        }
        number += 1;
        item.number = number;
        if day.is_some_and(|d| !ctx.in_range(d)) && item.key.starts_with("att:") {
            continue;
        }
        if ctx.opts.excluded.contains(&item.key) {
            excluded.push(item);
        } else {
            items.push(item);
        }
    }
    EvidencePart {
        columns: EVIDENCE_COLUMNS.iter().map(|t| tx(*t, lang)).collect(),
        items,
        excluded,
        note: ctx.t(EVIDENCE_NOTE),
    }
}

fn claimed(c: &Contact, lang: Lang) -> String {
    let mut parts = Vec::new();
    if !c.data.from_number.is_empty() {
        parts.push(c.data.from_number.clone());
    }
    let mut who = Vec::new();
    if c.data.claimed_org != ClaimedOrg::Unknown {
        who.push(
            labels::claimed_org(c.data.claimed_org)
                .get(lang)
                .to_string(),
        );
    }
    if !c.data.agency.is_empty() {
        who.push(c.data.agency.clone());
    }
    if !c.data.collector_name.is_empty() {
        who.push(c.data.collector_name.clone());
    }
    if !c.data.collector_id.is_empty() {
        who.push(c.data.collector_id.clone());
    }
    if !who.is_empty() {
        parts.push(who.join(" "));
    }
    if parts.is_empty() {
        DASH.to_string()
    } else {
        parts.join(" / ")
    }
}

fn build_log(ctx: &Ctx) -> LogPart {
    let lang = ctx.lang;
    let total = ctx.case.active_contacts().count();
    let rows: Vec<LogRow> = ctx
        .contacts_in_range()
        .into_iter()
        .filter(|c| !ctx.opts.findings_only || ctx.hits.contains_key(&c.seq))
        .map(|c| {
            let d = &c.data;
            let mut channel = labels::channel(d.channel).get(lang).to_string();
            if let Some(o) = d.outcome.filter(|_| d.channel.is_call()) {
                channel.push_str(" · ");
                channel.push_str(labels::outcome(o).get(lang));
            }
            if let Some(secs) = d.duration_secs.filter(|s| *s > 0) {
                channel.push_str(&format!(" {}:{:02}", secs / 60, secs % 60));
            }
            if !d.is_collector_initiated() {
                channel.push_str(OUTGOING.get(lang));
            }
            let mut target = labels::target(d.target).get(lang).to_string();
            if !d.target_name.is_empty() {
                target.push(' ');
                target.push_str(&d.target_name);
            }
            if !d.number_dialled.is_empty() {
                target.push_str(" / ");
                target.push_str(&d.number_dialled);
            }
            let mut summary: Vec<String> = d
                .ticks
                .iter()
                .map(|t| labels::tick(*t).get(lang).to_string())
                .collect();
            if !d.notes.is_empty() {
                summary.push(truncate(&d.notes, SUMMARY_CHARS));
            }
            LogRow {
                seq: c.seq,
                at: ctx.stamp(c),
                channel,
                from: claimed(c, lang),
                target,
                summary: summary.join("；"),
                rules: ctx
                    .hits
                    .get(&c.seq)
                    .map(|s| s.iter().map(|x| x.to_string()).collect())
                    .unwrap_or_default(),
                edited: tx(if c.was_edited() { YES } else { NO }, lang),
            }
        })
        .collect();
    let note = fill(
        if ctx.opts.findings_only {
            LOG_NOTE_FINDINGS.get(lang)
        } else {
            LOG_NOTE_ALL.get(lang)
        },
        &[&total.to_string(), &rows.len().to_string()],
    );
    LogPart {
        columns: LOG_COLUMNS.iter().map(|t| tx(*t, lang)).collect(),
        rows,
        total,
        findings_only: ctx.opts.findings_only,
        note,
    }
}

fn build_charts(ctx: &Ctx) -> Charts {
    Charts {
        per_day_title: ctx.t(PER_DAY_TITLE),
        per_day: rules::per_day(ctx.case)
            .into_iter()
            .filter(|(d, _)| ctx.in_range(*d))
            .collect(),
        week_hour_title: ctx.t(WEEK_HOUR_TITLE),
        week_hour: rules::week_hour(ctx.case),
        weekdays: WEEKDAYS.iter().map(|t| ctx.t(*t)).collect(),
        markers: {
            let mut days: Vec<NaiveDate> =
                ctx.case.agreements.iter().map(|a| a.date_reached).collect();
            days.sort();
            days.dedup();
            days.into_iter()
                .map(|d| (d, ctx.t(AGREEMENT_MARKER)))
                .collect()
        },
        limit: daily_limit(ctx.case.settings.jurisdiction),
    }
}

const AGREEMENT_MARKER: Text = Text::new("协议", "協議", "Agreement");

/// The per-day limit on connected calls, from the catalog (as the rules page draws it).
fn daily_limit(j: Jurisdiction) -> Option<u32> {
    rules::catalog(j)
        .flat_map(|r| r.params.iter())
        .find_map(|p| match (p.window, p.threshold, p.unit) {
            (rules::Window::LocalDay, rules::Threshold::MoreThan(n), rules::Unit::TalkedCalls) => {
                Some(n)
            }
            _ => None,
        })
}

// ---------------------------------------------------------------------------
// Complaint channels (rules.md §5)
// ---------------------------------------------------------------------------

struct ChannelDef {
    key: &'static str,
    name: Text,
    for_what: Text,
    first_step: Text,
    bring: Text,
}

const CH_12378: ChannelDef = ChannelDef {
    key: "12378",
    name: Text::new("12378（国家金融监督管理总局）", "12378（國家金融監督管理總局）", "12378 (NFRA)"),
    for_what: Text::new(
        "银行、信用卡中心、消费金融公司、保险公司及其委托的催收机构",
        "銀行、信用卡中心、消費金融公司、保險公司及其委託的催收機構",
        "Banks, card centres, consumer finance companies, insurers and their agencies",
    ),
    first_step: Text::new(
        "先向机构本身投诉（机构须在15/30/60日内答复），再拨打12378并提供机构给的投诉编号",
        "先向機構本身投訴（機構須在15/30/60日內答覆），再撥打12378並提供機構給的投訴編號",
        "Complain to the institution first (it must reply within 15/30/60 days), then call 12378 quoting its reference",
    ),
    bring: Text::new(
        "贷款或卡号、协议、投诉及答复、记录摘录、录音、短信",
        "貸款或卡號、協議、投訴及答覆、紀錄摘錄、錄音、簡訊",
        "Loan or card number, agreement, complaint and reply, log extract, recordings, SMS",
    ),
};
const CH_LOCAL: ChannelDef = ChannelDef {
    key: "local",
    name: Text::new(
        "地方金融管理局 / 12345",
        "地方金融管理局 / 12345",
        "Local financial regulator / 12345",
    ),
    for_what: Text::new(
        "小额贷款公司、融资担保公司、网络借贷平台",
        "小額貸款公司、融資擔保公司、網路借貸平台",
        "Small-loan and financing-guarantee companies, online platforms",
    ),
    first_step: Text::new(
        "从合同中找到持牌放款机构的名称；12345会转办投诉",
        "從合約中找到持牌放款機構的名稱；12345會轉辦投訴",
        "Find the licensed lender's name in the contract; 12345 forwards complaints",
    ),
    bring: Text::new(
        "放款机构名称、合同、还款记录、记录摘录",
        "放款機構名稱、合約、還款紀錄、紀錄摘錄",
        "Lender name, contract, payments, log extract",
    ),
};
const CH_12363: ChannelDef = ChannelDef {
    key: "12363",
    name: Text::new(
        "12363（中国人民银行）",
        "12363（中國人民銀行）",
        "12363 (PBOC)",
    ),
    for_what: Text::new(
        "征信、支付机构",
        "徵信、支付機構",
        "Credit reporting, payment institutions",
    ),
    first_step: Text::new(
        "先提出征信异议",
        "先提出徵信異議",
        "After the credit-report dispute",
    ),
    bring: Text::new(
        "异议申请及答复",
        "異議申請及答覆",
        "The dispute and the reply",
    ),
};
const CH_CREDIT: ChannelDef = ChannelDef {
    key: "credit",
    name: Text::new("征信异议", "徵信異議", "Credit-report dispute"),
    for_what: Text::new(
        "信用报告中错误的逾期记录，特别是达成协议之后",
        "信用報告中錯誤的逾期紀錄，特別是達成協議之後",
        "Wrong overdue entries, especially after an agreement",
    ),
    first_step: Text::new(
        "向征信中心或报送机构提出（20日内答复）；再向人民银行分支机构投诉（30日）；或起诉",
        "向徵信中心或報送機構提出（20日內答覆）；再向人民銀行分支機構投訴（30日）；或起訴",
        "File with the Credit Reference Center or the reporting lender (20 days); complain to the PBOC branch (30 days); or sue",
    ),
    bring: Text::new(
        "协议、还款凭证、信用报告相关页",
        "協議、還款憑證、信用報告相關頁",
        "Agreement, receipts, the credit-report page",
    ),
};
const CH_12321: ChannelDef = ChannelDef {
    key: "12321",
    name: Text::new(
        "12321（骚扰电话、短信举报）",
        "12321（騷擾電話、簡訊舉報）",
        "12321 (harassing calls and SMS)",
    ),
    for_what: Text::new(
        "骚扰电话和短信",
        "騷擾電話和簡訊",
        "Harassing calls and SMS",
    ),
    first_step: Text::new("逐个号码举报", "逐個號碼舉報", "Report each number"),
    bring: Text::new(
        "来电号码、日期时间、通话时长、短信原文及截图、录音",
        "來電號碼、日期時間、通話時長、簡訊原文及截圖、錄音",
        "Calling number, date and time, duration, SMS text verbatim plus a screenshot, recordings",
    ),
};
const CH_12300: ChannelDef = ChannelDef {
    key: "12300",
    name: Text::new(
        "12300（工业和信息化部）",
        "12300（工業和資訊化部）",
        "12300 (MIIT)",
    ),
    for_what: Text::new(
        "针对电信运营商的投诉",
        "針對電信業者的投訴",
        "Complaints against phone carriers",
    ),
    first_step: Text::new(
        "先向运营商（10086/10010/10000）投诉（程序未经核实）",
        "先向電信業者（10086/10010/10000）投訴（程序未經核實）",
        "Complain to the carrier (10086/10010/10000) first (procedure unverified)",
    ),
    bring: Text::new(
        "运营商给的投诉编号",
        "電信業者給的投訴編號",
        "The carrier's reference",
    ),
};
const CH_12377: ChannelDef = ChannelDef {
    key: "12377",
    name: Text::new(
        "12377（网络违法和不良信息举报）",
        "12377（網路不良資訊舉報）",
        "12377 (online content reports)",
    ),
    for_what: Text::new(
        "网上曝光、发帖公开债务信息",
        "網上曝光、發帖公開債務資訊",
        "Online doxxing, posts exposing the debt",
    ),
    first_step: Text::new("逐条举报", "逐條舉報", "Report each post"),
    bring: Text::new(
        "网址、账号、带时间的截图",
        "網址、帳號、帶時間的截圖",
        "URLs, account IDs, timed screenshots",
    ),
};
const CH_12348: ChannelDef = ChannelDef {
    key: "12348",
    name: Text::new(
        "12348（法律咨询、法律援助）",
        "12348（法律諮詢、法律扶助）",
        "12348 (legal advice, legal aid)",
    ),
    for_what: Text::new(
        "法律咨询、法律援助",
        "法律諮詢、法律扶助",
        "Legal advice and legal aid",
    ),
    first_step: Text::new("电话咨询", "電話諮詢", "Call for advice"),
    bring: Text::new(
        "情况摘要、证据目录",
        "情況摘要、證據目錄",
        "Case summary, evidence list",
    ),
};
const CH_110: ChannelDef = ChannelDef {
    key: "110",
    name: Text::new("110 / 派出所", "110 / 派出所", "110 / police station"),
    for_what: Text::new(
        "威胁、暴力、限制人身自由、闯入住宅、冒充警察、曝光、持续骚扰",
        "威脅、暴力、限制人身自由、闖入住宅、冒充警察、曝光、持續騷擾",
        "Threats, violence, detention, home intrusion, impersonating police, exposure, persistent harassment",
    ),
    first_step: Text::new(
        "报案时索要《受案回执》，并要求列出所提交证据的清单",
        "報案時索取受案回執，並要求列出所提交證據的清單",
        "Ask for the case receipt (受案回执) and for the list of evidence handed in",
    ),
    bring: Text::new("录音、短信、本证据材料", "錄音、簡訊、本證據材料", "Recordings, SMS, this evidence file"),
};
const CH_96110: ChannelDef = ChannelDef {
    key: "96110",
    name: Text::new(
        "96110（反诈专线）",
        "96110（反詐專線）",
        "96110 (anti-fraud line)",
    ),
    for_what: Text::new(
        "疑似假冒催收、要求转账到个人账户",
        "疑似假冒催收、要求轉帳到個人帳戶",
        "Suspected fake collectors, payment demands to personal accounts",
    ),
    first_step: Text::new(
        "不要转账，先致电核实",
        "不要轉帳，先致電核實",
        "Do not pay; call to check first",
    ),
    bring: Text::new(
        "号码、收款账户信息",
        "號碼、收款帳戶資訊",
        "Numbers, account details",
    ),
};
const CH_PUBLIC: ChannelDef = ChannelDef {
    key: "public",
    name: Text::new("黑猫投诉 / 聚投诉（公开平台）", "黑貓投訴 / 聚投訴（公開平台）", "Public complaint platforms (Heimao, Jutousu)"),
    for_what: Text::new(
        "公开平台，不是监管机构",
        "公開平台，不是監管機構",
        "Public platforms, not regulators",
    ),
    first_step: Text::new(
        "打开本页的隐去开关：隐去身份证号、电话号码、住址和亲友姓名",
        "打開本頁的隱去開關：隱去身分證號、電話號碼、住址和親友姓名",
        "Use the redaction switches on this page: hide ID number, phone numbers, address and relatives' names",
    ),
    bring: Text::new("已隐去个人信息的证据材料", "已隱去個人資訊的證據材料", "The redacted evidence file"),
};
const CH_CFPB: ChannelDef = ChannelDef {
    key: "cfpb",
    name: Text::new(
        "CFPB（美国消费者金融保护局）",
        "CFPB（美國消費者金融保護局）",
        "Consumer Financial Protection Bureau (CFPB)",
    ),
    for_what: Text::new("债务催收行为", "債務催收行為", "Debt collection conduct"),
    first_step: Text::new(
        "在官网提交投诉，附上时间线和证据目录",
        "在官網提交投訴，附上時間線和證據目錄",
        "Submit a complaint with the timeline and the evidence list",
    ),
    bring: Text::new(
        "记录摘录、信件、录音",
        "紀錄摘錄、信件、錄音",
        "Log extract, letters, recordings",
    ),
};
const CH_STATE_AG: ChannelDef = ChannelDef {
    key: "state_ag",
    name: Text::new("州检察长办公室", "州檢察長辦公室", "State attorney general"),
    for_what: Text::new("债务催收行为", "債務催收行為", "Debt collection conduct"),
    first_step: Text::new(
        "提交消费者投诉",
        "提交消費者投訴",
        "File a consumer complaint",
    ),
    bring: Text::new("记录摘录、信件", "紀錄摘錄、信件", "Log extract, letters"),
};

const WHY: Text = Text::new("相关结果：{0}", "相關結果：{0}", "Fits: {0}");

fn channel_entry(def: &ChannelDef, why: &[&str], lang: Lang) -> ChannelEntry {
    ChannelEntry {
        key: def.key.to_string(),
        name: tx(def.name, lang),
        for_what: tx(def.for_what, lang),
        first_step: tx(def.first_step, lang),
        bring: tx(def.bring, lang),
        why: if why.is_empty() {
            String::new()
        } else {
            fill(WHY.get(lang), &[&why.join(", ")])
        },
    }
}

fn build_channels(ctx: &Ctx) -> Vec<ChannelEntry> {
    use crate::domain::model::LenderType as L;
    let lang = ctx.lang;
    let ids = |pred: &dyn Fn(&Finding) -> bool| -> Vec<&str> {
        let mut v: Vec<&str> = ctx
            .findings
            .iter()
            .filter(|f| pred(f))
            .map(|f| f.id())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    };
    if ctx.case.settings.jurisdiction == Jurisdiction::Us {
        let all = ids(&|_| true);
        return vec![
            channel_entry(&CH_CFPB, &all, lang),
            channel_entry(&CH_STATE_AG, &[], lang),
        ];
    }
    let types: BTreeSet<L> = ctx.case.debts.iter().map(|d| d.lender_type).collect();
    let is_fi = |f: &Finding| {
        f.debt_id
            .as_deref()
            .and_then(|id| ctx.case.debt(id))
            .map(|d| {
                matches!(
                    d.lender_type,
                    L::BankCard | L::BankLoan | L::ConsumerFinance
                )
            })
            .unwrap_or(false)
            || matches!(&f.creditor, rules::Creditor::Lender(name)
                if ctx.case.debts.iter().any(|d| &d.lender == name
                    && matches!(d.lender_type, L::BankCard | L::BankLoan | L::ConsumerFinance)))
    };
    let bank = types
        .iter()
        .any(|t| matches!(t, L::BankCard | L::BankLoan | L::ConsumerFinance));
    let platform = types
        .iter()
        .any(|t| matches!(t, L::OnlinePlatform | L::Unknown))
        || ctx.case.debts.is_empty();
    let conduct = ids(&|f| !matches!(f.rule.kind, Kind::Reminder));
    let mut out = Vec::new();
    if bank {
        out.push(channel_entry(&CH_12378, &ids(&|f| is_fi(f)), lang));
    }
    if platform {
        out.push(channel_entry(
            &CH_LOCAL,
            &ids(&|f| !is_fi(f) && !matches!(f.rule.kind, Kind::Reminder)),
            lang,
        ));
    }
    if !bank && !platform {
        out.push(channel_entry(&CH_12378, &conduct, lang));
    }
    let police = ids(&|f| {
        matches!(f.rule.kind, Kind::Safety)
            || matches!(
                f.id(),
                "CN-THREAT"
                    | "CN-INSULT"
                    | "CN-IMPERSONATION"
                    | "CN-PUBLIC-EXPOSURE"
                    | "CN-REPEATED-ABUSE"
                    | "CN-ESCALATION"
                    | "CN-VIOLENCE"
                    | "CN-HOME-ENTRY"
            )
    });
    if !police.is_empty() {
        out.push(channel_entry(&CH_110, &police, lang));
    }
    let harassment = ids(&|f| {
        matches!(f.rule.kind, Kind::Timing | Kind::Frequency)
            || f.contacts.iter().any(|s| {
                ctx.case
                    .contact(*s)
                    .is_some_and(|c| matches!(c.data.channel, Channel::Call | Channel::Sms))
            }) && !matches!(f.rule.kind, Kind::Reminder | Kind::Process)
    });
    if !harassment.is_empty() {
        out.push(channel_entry(&CH_12321, &harassment, lang));
        out.push(channel_entry(&CH_12300, &[], lang));
    }
    let exposure = ids(&|f| f.id() == "CN-PUBLIC-EXPOSURE");
    if !exposure.is_empty() {
        out.push(channel_entry(&CH_12377, &exposure, lang));
    }
    let fraud = ids(&|f| matches!(f.id(), "CN-IMPERSONATION" | "CN-PRIVATE-CHANNEL"));
    if !fraud.is_empty() {
        out.push(channel_entry(&CH_96110, &fraud, lang));
    }
    let credit =
        ids(&|f| f.id().starts_with("CN-DL-CREDIT") || f.id() == "CN-AGREEMENT-OLD-SCHEDULE");
    if !credit.is_empty() || !ctx.case.agreements.is_empty() {
        out.push(channel_entry(&CH_CREDIT, &credit, lang));
        out.push(channel_entry(&CH_12363, &[], lang));
    }
    out.push(channel_entry(&CH_12348, &[], lang));
    out.push(channel_entry(&CH_PUBLIC, &[], lang));
    out
}

// ---------------------------------------------------------------------------
// Complaint letters
// ---------------------------------------------------------------------------

const L_COMPLAINANT: Text = Text::new(
    "投诉人：{0}\n联系电话：{1}\n身份证号码：{2}",
    "投訴人：{0}\n聯絡電話：{1}\n身分證號碼：{2}",
    "From: {0}\nPhone: {1}\nID number: {2}",
);
const L_DEBT: Text = Text::new(
    "涉及借款：{0}（合同/账户编号：{1}）",
    "涉及借款：{0}（合約/帳戶編號：{1}）",
    "Account: {0} (reference: {1})",
);
const L_AGREEMENT: Text = Text::new(
    "{0}，我通过{1}与{2}达成{3}协议（协议编号：{4}），约定总额{5}，截至{6}已还{7}。",
    "{0}，我透過{1}與{2}達成{3}協議（協議編號：{4}），約定總額{5}，截至{6}已還{7}。",
    "On {0} I reached an agreement ({3}) with {2} through {1} (reference {4}); agreed total {5}, paid {7} as of {6}.",
);
const L_CONTACTS: Text = Text::new(
    "{0}至{1}期间，我记录了{2}次由对方主动发起的催收联系，详见所附催收联系记录表（证据1）。",
    "{0}至{1}期間，我記錄了{2}次由對方主動發起的催收聯繫，詳見所附催收聯繫紀錄表（證據1）。",
    "From {0} to {1} I logged {2} contacts initiated by the collector; see the attached contact log (item 1).",
);
const L_FINDINGS_HEAD: Text = Text::new(
    "对照相关规定，我的记录显示以下情况（每项注明出处和效力层级）：",
    "對照相關規定，我的紀錄顯示以下情況（每項註明出處和效力層級）：",
    "Compared with the applicable sources, my log shows the following (each with its source and how binding it is):",
);
const L_NO_FINDINGS: Text = Text::new(
    "（规则检查未发现结果；以下为事实记录。）",
    "（規則檢查未發現結果；以下為事實紀錄。）",
    "(The rule check found nothing; the facts are set out below.)",
);
const L_EVIDENCE_HEAD: Text = Text::new("附：证据目录", "附：證據目錄", "Enclosed: evidence list");
const L_EVIDENCE: Text = Text::new(
    "证据{0}：{1}（{2}）",
    "證據{0}：{1}（{2}）",
    "Item {0}: {1} ({2})",
);
const L_FINGERPRINT: Text = Text::new(
    "证据材料数据指纹（SHA-256）：{0}",
    "證據材料資料指紋（SHA-256）：{0}",
    "Fingerprint of the evidence data (SHA-256): {0}",
);
const L_NOTE: Text = Text::new(
    "以上内容依据本人记录如实整理。是否不符合相关规定，请贵单位依规核查认定。",
    "以上內容依據本人紀錄如實整理。是否不符合相關規定，請貴單位依規核查認定。",
    "The above is set out truthfully from my own records. I ask you to check whether it meets the applicable rules.",
);
const L_CLOSING: Text = Text::new(
    "此致\n{0}\n\n投诉人：{1}\n日期：{2}",
    "此致\n{0}\n\n投訴人：{1}\n日期：{2}",
    "Sincerely,\n{1}\nDate: {2}",
);

const LT_LENDER_TITLE: Text = Text::new(
    "关于催收行为的投诉（致{0}）",
    "關於催收行為的投訴（致{0}）",
    "Complaint about collection conduct (to {0})",
);
const LT_LENDER_TO: Text = Text::new(
    "{0}客户投诉部门",
    "{0}客戶投訴部門",
    "{0}, complaints department",
);
const LT_LENDER_REQ: Text = Text::new(
    "我的请求：\n1. 请核查上述催收联系，并书面告知处理结果和投诉受理编号；\n2. 请确认上述协议已在系统中生效，并通知所有委托的催收机构按协议执行；\n3. 请要求催收方在规定时段内联系，不再联系与债务无关的第三人；\n4. 请在规定期限内答复。",
    "我的請求：\n1. 請核查上述催收聯繫，並書面告知處理結果和投訴受理編號；\n2. 請確認上述協議已在系統中生效，並通知所有委託的催收機構按協議執行；\n3. 請要求催收方在規定時段內聯繫，不再聯繫與債務無關的第三人；\n4. 請在規定期限內答覆。",
    "I ask you to:\n1. investigate the contacts above and tell me the outcome and the complaint reference in writing;\n2. confirm the agreement is active in your systems and instruct every agency to follow it;\n3. have collectors contact me only within the permitted hours and stop contacting third parties unrelated to the debt;\n4. reply within the required time.",
);
const LT_NFRA_TITLE: Text = Text::new(
    "金融消费投诉（致国家金融监督管理总局 12378）",
    "金融消費投訴（致國家金融監督管理總局 12378）",
    "Financial consumer complaint (to NFRA, 12378)",
);
const LT_NFRA_TO: Text = Text::new("国家金融监督管理总局", "國家金融監督管理總局", "NFRA");
const LT_NFRA_PRIOR: Text = Text::new(
    "此前向机构投诉的情况：{0}",
    "此前向機構投訴的情況：{0}",
    "Earlier complaint to the institution: {0}",
);
const LT_NFRA_NO_PRIOR: Text = Text::new(
    "此前向机构投诉的情况：（请填写投诉日期、渠道、受理编号及答复）",
    "此前向機構投訴的情況：（請填寫投訴日期、管道、受理編號及答覆）",
    "Earlier complaint to the institution: (fill in date, channel, reference and reply)",
);
const LT_NFRA_REQ: Text = Text::new(
    "我的请求：请督促{0}核查并规范其及委托催收机构的催收行为，按已达成的协议处理，并答复处理结果。",
    "我的請求：請督促{0}核查並規範其及委託催收機構的催收行為，按已達成的協議處理，並答覆處理結果。",
    "I ask you to have {0} investigate and correct the conduct of its staff and agencies, honour the agreement, and report the outcome.",
);
const LT_12321_TITLE: Text = Text::new(
    "骚扰电话/短信举报（致12321）",
    "騷擾電話/簡訊舉報（致12321）",
    "Report of harassing calls/SMS (to 12321)",
);
const LT_12321_TO: Text = Text::new(
    "12321网络不良与垃圾信息举报受理中心",
    "12321網路不良與垃圾資訊舉報受理中心",
    "12321 reporting centre",
);
const LT_12321_HEAD: Text = Text::new(
    "举报号码（号码：次数，首次—最近一次）：",
    "舉報號碼（號碼：次數，首次—最近一次）：",
    "Numbers reported (number: count, first – last):",
);
const LT_12321_LINE: Text = Text::new(
    "{0}：{1}次，{2} — {3}",
    "{0}：{1}次，{2} — {3}",
    "{0}: {1} times, {2} – {3}",
);
const LT_12321_REQ: Text = Text::new(
    "我的请求：请对上述号码的呼叫和短信进行核查处理。",
    "我的請求：請對上述號碼的來電和簡訊進行核查處理。",
    "I ask you to investigate the calls and messages from these numbers.",
);
const LT_POLICE_TITLE: Text = Text::new(
    "报案材料摘要（致派出所）",
    "報案材料摘要（致派出所）",
    "Police report summary",
);
const LT_POLICE_TO: Text = Text::new("派出所", "派出所", "the police station");
const LT_POLICE_INTRO: Text = Text::new(
    "我因催收联系受到持续干扰，现将情况如实说明如下。",
    "我因催收聯繫受到持續干擾，現將情況如實說明如下。",
    "I have been repeatedly contacted by debt collectors and set out the facts below.",
);
const LT_POLICE_REQ: Text = Text::new(
    "我的请求：请受理并出具受案回执；请列出我提交的证据清单。",
    "我的請求：請受理並出具受案回執；請列出我提交的證據清單。",
    "I ask you to register the report, give me the case receipt, and list the evidence I hand in.",
);
const LT_CREDIT_TITLE: Text = Text::new(
    "征信异议申请（致中国人民银行征信中心 / {0}）",
    "徵信異議申請（致中國人民銀行徵信中心 / {0}）",
    "Credit-report dispute (to the PBOC Credit Reference Center / {0})",
);
const LT_CREDIT_TO: Text = Text::new(
    "中国人民银行征信中心",
    "中國人民銀行徵信中心",
    "the Credit Reference Center",
);
const LT_CREDIT_REQ: Text = Text::new(
    "我的请求：请核查我的信用报告中与上述借款有关的逾期记录是否与协议及还款情况相符；如有不符，请予以更正，并在规定期限（20日）内答复。",
    "我的請求：請核查我的信用報告中與上述借款有關的逾期紀錄是否與協議及還款情況相符；如有不符，請予以更正，並在規定期限（20日）內答覆。",
    "I ask you to check whether the overdue entries for this account match the agreement and my payments, correct them if not, and reply within 20 days.",
);

const US_CEASE: Text = Text::new(
    "To: {0}\nRe: Account {1}\n\nI am writing under 15 U.S.C. 1692c(c) to notify you that I want you to stop communicating with me about this debt, except to confirm that you will stop further efforts or to notify me of a specific action you are entitled to take.",
    "To: {0}\nRe: Account {1}\n\nI am writing under 15 U.S.C. 1692c(c) to notify you that I want you to stop communicating with me about this debt, except to confirm that you will stop further efforts or to notify me of a specific action you are entitled to take.",
    "To: {0}\nRe: Account {1}\n\nI am writing under 15 U.S.C. 1692c(c) to notify you that I want you to stop communicating with me about this debt, except to confirm that you will stop further efforts or to notify me of a specific action you are entitled to take.",
);
const US_CEASE_FACTS: Text = Text::new(
    "For your records, my log shows the following contacts:",
    "For your records, my log shows the following contacts:",
    "For your records, my log shows the following contacts:",
);
const US_CEASE_END: Text = Text::new(
    "Please also stop contacting third parties about this debt. I am keeping a record of every contact.",
    "Please also stop contacting third parties about this debt. I am keeping a record of every contact.",
    "Please also stop contacting third parties about this debt. I am keeping a record of every contact.",
);
const US_CFPB: Text = Text::new(
    "CFPB complaint summary\n\nCompany: {0}\nAccount: {1}\n\nWhat happened:\nFrom {2} to {3} I logged {4} contacts initiated by the collector. My log shows:",
    "CFPB complaint summary\n\nCompany: {0}\nAccount: {1}\n\nWhat happened:\nFrom {2} to {3} I logged {4} contacts initiated by the collector. My log shows:",
    "CFPB complaint summary\n\nCompany: {0}\nAccount: {1}\n\nWhat happened:\nFrom {2} to {3} I logged {4} contacts initiated by the collector. My log shows:",
);
const US_CFPB_ASK: Text = Text::new(
    "What I would like: the company to review these contacts, follow the communication limits of Regulation F, and respond in writing.",
    "What I would like: the company to review these contacts, follow the communication limits of Regulation F, and respond in writing.",
    "What I would like: the company to review these contacts, follow the communication limits of Regulation F, and respond in writing.",
);
const US_NONE: Text = Text::new(
    "(The rule check found nothing; see the attached log.)",
    "(The rule check found nothing; see the attached log.)",
    "(The rule check found nothing; see the attached log.)",
);

/// At most this many evidence items are listed in a letter (the rest are referred to).
const LETTER_EVIDENCE: usize = 8;

const L_SUMMARY: Text = Text::new(
    "{0}. {1}：我的记录显示{2}项，涉及{3}条记录、{4}天（{5}），见证据1记录表第{6}号。{7}。",
    "{0}. {1}：我的紀錄顯示{2}項，涉及{3}筆紀錄、{4}天（{5}），見證據1紀錄表第{6}號。{7}。",
    "{0}. {1}: my log shows {2} instance(s), {3} entries on {4} day(s) ({5}); see entries {6} of item 1. {7}.",
);
const W_LAW: Text = Text::new(
    "可能违反{0}，是否构成由有关部门认定",
    "可能違反{0}，是否構成由有關部門認定",
    "this may breach {0}; the authorities decide whether it does",
);
const W_REGULATION: Text = Text::new(
    "监管规定{0}对此有禁止性要求",
    "監管規定{0}對此有禁止性要求",
    "the regulator's rule {0} forbids this",
);
const W_STANDARD: Text = Text::new(
    "推荐性国家标准{0}规定催收不应这样做",
    "推薦性國家標準{0}規定催收不應這樣做",
    "the national recommended standard {0} says collectors should not do this",
);
const W_SELF: Text = Text::new(
    "行业自律规范{0}规定催收不应这样做",
    "行業自律規範{0}規定催收不應這樣做",
    "the industry self-regulation rules {0} say collectors should not do this",
);
const W_GUIDANCE: Text = Text::new(
    "我认为这种做法不妥，希望贵司核查",
    "我認為這種做法不妥，希望貴司核查",
    "I consider this inappropriate and ask you to look into it",
);
const L_EVIDENCE_MORE: Text = Text::new(
    "……等共{0}项，见证据材料第四部分证据目录。",
    "……等共{0}項，見證據材料第四部分證據目錄。",
    "… {0} items in all; see the evidence list (part 4).",
);
const L_CREDIT_DEBT: Text = Text::new(
    "我在{0}的借款（合同/账户编号：{1}）。",
    "我在{0}的借款（合約/帳戶編號：{1}）。",
    "My account with {0} (reference {1}).",
);
const L_CREDIT_PAID: Text = Text::new(
    "按该协议，截至{0}已到期{1}期，我已按期还款{2}期，共计已还{3}；相关还款凭证见证据目录。",
    "按該協議，截至{0}已到期{1}期，我已按期還款{2}期，共計已還{3}；相關還款憑證見證據目錄。",
    "Under that agreement, {1} instalment(s) fell due by {0}; I paid {2} on time, {3} in all; proof is in the evidence list.",
);
const L_CREDIT_NO_AGREEMENT: Text = Text::new(
    "（未记录协商协议；请补充还款情况。）",
    "（未記錄協商協議；請補充還款情況。）",
    "(No agreement recorded; add the payments made.)",
);

/// Which lender a finding is about: its debt's lender, else its creditor bucket.
fn finding_lender(ctx: &Ctx, f: &Finding) -> Option<String> {
    if let Some(d) = f.debt_id.as_deref().and_then(|id| ctx.case.debt(id)) {
        return Some(d.lender.trim().to_string());
    }
    match &f.creditor {
        rules::Creditor::Lender(n) => Some(n.trim().to_string()),
        rules::Creditor::Unknown => None,
    }
}

/// One short line per rule, first person, primary sources with their strength wording.
/// `regulator`: leave out findings that rest on guidance only.
fn letter_lines(ctx: &Ctx, lang: Lang, findings: &[&Finding], regulator: bool) -> Vec<String> {
    let mut n = 0;
    group_by_rule(findings)
        .iter()
        .filter_map(|g| {
            let gf = group_facts(ctx, g);
            let basis = match gf.strength {
                Strength::Guidance if regulator => return None,
                Strength::Guidance => tx(W_GUIDANCE, lang),
                s => {
                    let refs: Vec<String> = gf
                        .primary
                        .iter()
                        .filter(|c| c.strength == s)
                        .map(|c| cite_text(c, lang))
                        .collect();
                    let w = match s {
                        Strength::Law => W_LAW,
                        Strength::Regulation => W_REGULATION,
                        Strength::Standard => W_STANDARD,
                        _ => W_SELF,
                    };
                    fill(w.get(lang), &[&refs.join("、")])
                }
            };
            let mut seqs: Vec<String> = gf
                .entries
                .iter()
                .take(CONTACTS_SHOWN)
                .map(|s| s.to_string())
                .collect();
            if seqs.is_empty() {
                seqs.push(DASH.to_string());
            }
            let mut seq_text = seqs.join("、");
            seq_text.push_str(&more_text(gf.entries.len(), lang));
            n += 1;
            Some(fill(
                L_SUMMARY.get(lang),
                &[
                    &n.to_string(),
                    // Rule titles speak to the borrower; a letter speaks as the borrower.
                    &g[0].rule.title.get(lang).replace('你', "我"),
                    &g.len().to_string(),
                    &gf.entries.len().to_string(),
                    &gf.days.to_string(),
                    &gf.period,
                    &seq_text,
                    &basis,
                ],
            ))
        })
        .collect()
}

fn letter_evidence(
    evidence: &EvidencePart,
    lang: Lang,
    keep: &dyn Fn(&EvidenceItem) -> bool,
) -> Vec<String> {
    let items: Vec<&EvidenceItem> = evidence.items.iter().filter(|e| keep(e)).collect();
    let mut lines: Vec<String> = items
        .iter()
        .take(LETTER_EVIDENCE)
        .map(|e| {
            fill(
                L_EVIDENCE.get(lang),
                &[&e.number.to_string(), &e.name, &e.form],
            )
        })
        .collect();
    if items.len() > LETTER_EVIDENCE {
        lines.push(fill(L_EVIDENCE_MORE.get(lang), &[&items.len().to_string()]));
    }
    lines
}

/// What the letters about one lender (or about everyone, `lender` None) draw on.
struct Scope<'a> {
    lender: Option<String>,
    debts: Vec<&'a crate::domain::model::Debt>,
    findings: Vec<&'a Finding>,
    collector: Vec<&'a Contact>,
}

fn build_letters(ctx: &Ctx, evidence: &EvidencePart, prepared_at: DateTime<Utc>) -> Vec<Letter> {
    let contacts = ctx.contacts_in_range();
    let collector: Vec<&Contact> = contacts
        .iter()
        .copied()
        .filter(|c| c.data.is_collector_initiated())
        .collect();
    let date = ymd(time::utc_to_zone(prepared_at, ctx.tz).date_naive());
    let contact_lender = |c: &Contact| {
        c.data
            .debt_id
            .as_deref()
            .and_then(|id| ctx.case.debt(id))
            .map(|d| d.lender.trim().to_string())
    };
    let mut lenders: Vec<String> = Vec::new();
    for d in &ctx.case.debts {
        let l = d.lender.trim().to_string();
        if !lenders.contains(&l) {
            lenders.push(l);
        }
    }
    let everyone = Scope {
        lender: None,
        debts: ctx.case.debts.iter().collect(),
        findings: ctx.findings.clone(),
        collector: collector.clone(),
    };
    let scopes: Vec<Scope> = if lenders.is_empty() {
        vec![Scope {
            lender: None,
            debts: Vec::new(),
            findings: ctx.findings.clone(),
            collector: collector.clone(),
        }]
    } else {
        lenders
            .iter()
            .map(|l| Scope {
                lender: Some(l.clone()),
                debts: ctx
                    .case
                    .debts
                    .iter()
                    .filter(|d| d.lender.trim() == l)
                    .collect(),
                findings: ctx
                    .findings
                    .iter()
                    .copied()
                    .filter(|f| finding_lender(ctx, f).as_deref() == Some(l.as_str()))
                    .collect(),
                collector: collector
                    .iter()
                    .copied()
                    .filter(|c| contact_lender(c).as_deref() == Some(l.as_str()))
                    .collect(),
            })
            .collect()
    };
    if ctx.case.settings.jurisdiction == Jurisdiction::Us {
        return us_letters(ctx, evidence, &scopes, &date);
    }
    let lang = if ctx.lang == Lang::ZhTw {
        Lang::ZhTw
    } else {
        Lang::ZhCn
    };
    let name = |s: &str| {
        if s.trim().is_empty() {
            tx(NONE, lang)
        } else {
            s.to_string()
        }
    };
    let lender_label = |sc: &Scope| {
        sc.lender
            .clone()
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| rules::Creditor::Unknown.label(lang))
    };
    let debtor = &ctx.case.debtor;
    let complainant = fill(
        L_COMPLAINANT.get(lang),
        &[
            &name(&debtor.name),
            &name(&debtor.phone),
            &name(&debtor.id_number),
        ],
    );
    let reference = |d: &crate::domain::model::Debt| {
        if d.reference.is_empty() {
            DASH.to_string()
        } else {
            d.reference.clone()
        }
    };
    let debt_lines = |sc: &Scope| -> Vec<String> {
        sc.debts
            .iter()
            .map(|x| fill(L_DEBT.get(lang), &[&x.lender, &reference(x)]))
            .collect()
    };
    let agreements_of = |sc: &Scope| -> Vec<&crate::domain::model::Agreement> {
        ctx.case
            .agreements
            .iter()
            .filter(|a| sc.debts.iter().any(|d| d.id == a.debt_id))
            .collect()
    };
    let agreement_line = |a: &crate::domain::model::Agreement| {
        let currency = ctx
            .case
            .debt(&a.debt_id)
            .map_or("CNY", |x| x.currency.as_str());
        let t = agreement::totals(a, ctx.today);
        fill(
            L_AGREEMENT.get(lang),
            &[
                &ymd(a.date_reached),
                labels::negotiation_channel(a.channel).get(lang),
                &ctx.lender_name(Some(&a.debt_id)),
                labels::agreement_kind(a.kind).get(lang),
                if a.reference.is_empty() {
                    DASH
                } else {
                    &a.reference
                },
                &amount(t.agreed, currency),
                &ymd(ctx.today),
                &amount(t.paid, currency),
            ],
        )
    };
    let facts = |sc: &Scope| {
        let first = sc
            .collector
            .first()
            .map(|c| ymd(ctx.contact_day(c)))
            .unwrap_or_else(|| DASH.to_string());
        let last = sc
            .collector
            .last()
            .map(|c| ymd(ctx.contact_day(c)))
            .unwrap_or_else(|| DASH.to_string());
        fill(
            L_CONTACTS.get(lang),
            &[&first, &last, &sc.collector.len().to_string()],
        )
    };
    let evidence_for = |sc: &Scope| {
        let seqs: BTreeSet<u32> = sc.collector.iter().map(|c| c.seq).collect();
        let agreement_ids: Vec<String> = agreements_of(sc).iter().map(|a| a.id.clone()).collect();
        let all = sc.lender.is_none();
        letter_evidence(evidence, lang, &|e: &EvidenceItem| {
            if all || e.key == LOG_ITEM {
                return true;
            }
            if let Some(rest) = e.key.strip_prefix("att:") {
                return rest
                    .split(':')
                    .next()
                    .and_then(|s| s.parse::<u32>().ok())
                    .is_some_and(|s| seqs.contains(&s));
            }
            if let Some(rest) = e.key.strip_prefix("proof:") {
                return agreement_ids
                    .iter()
                    .any(|id| rest.starts_with(&format!("{id}:")));
            }
            true
        })
    };
    let fp = fill(L_FINGERPRINT.get(lang), &[&ctx.digest]);

    let compose = |kind: LetterKind,
                   idx: usize,
                   title: String,
                   to: String,
                   sc: &Scope,
                   intro: Vec<String>,
                   body: Vec<String>,
                   requests: String| {
        let mut parts: Vec<String> = vec![title.clone(), String::new(), complainant.clone()];
        parts.extend(debt_lines(sc));
        parts.push(String::new());
        parts.extend(intro);
        parts.extend(body);
        parts.push(String::new());
        parts.push(requests);
        parts.push(String::new());
        parts.push(tx(L_NOTE, lang));
        parts.push(String::new());
        parts.push(tx(L_EVIDENCE_HEAD, lang));
        parts.extend(evidence_for(sc));
        parts.push(fp.clone());
        parts.push(String::new());
        parts.push(fill(
            L_CLOSING.get(lang),
            &[&to, &name(&debtor.name), &date],
        ));
        Letter {
            key: format!("{}-{idx}", kind.key()),
            kind,
            title,
            text: parts.join("\n"),
        }
    };
    let conduct_body = |sc: &Scope, regulator: bool, pred: &dyn Fn(&Finding) -> bool| {
        let mut body: Vec<String> = agreements_of(sc).into_iter().map(agreement_line).collect();
        body.push(facts(sc));
        body.push(String::new());
        let chosen: Vec<&Finding> = sc.findings.iter().copied().filter(|f| pred(f)).collect();
        let lines = letter_lines(ctx, lang, &chosen, regulator);
        body.push(tx(L_FINDINGS_HEAD, lang));
        if lines.is_empty() {
            body.push(tx(L_NO_FINDINGS, lang));
        } else {
            body.extend(lines);
        }
        let untied = unattributed_note(ctx.case, lang);
        if !untied.is_empty() {
            body.push(untied);
        }
        body
    };

    let mut letters = Vec::new();
    for (i, sc) in scopes.iter().enumerate() {
        let lender = lender_label(sc);
        letters.push(compose(
            LetterKind::Lender,
            i,
            fill(LT_LENDER_TITLE.get(lang), &[&lender]),
            fill(LT_LENDER_TO.get(lang), &[&lender]),
            sc,
            Vec::new(),
            conduct_body(sc, false, &|_| true),
            tx(LT_LENDER_REQ, lang),
        ));
    }

    let prior = |sc: &Scope| -> Vec<String> {
        ctx.case
            .events
            .iter()
            .filter(|e| e.kind == crate::domain::model::EventKind::Complaint)
            .filter(|e| {
                sc.lender.is_none()
                    || e.debt_id
                        .as_deref()
                        .is_none_or(|id| sc.debts.iter().any(|d| d.id == id))
            })
            .map(|e| {
                let mut s = format!("{} {}", ymd(time::local_date(&e.at, ctx.tz)), e.channel);
                if let Some(r) = e.replied_on {
                    s.push_str(&format!(" → {}", ymd(r)));
                }
                if !e.note.is_empty() {
                    s.push_str(&format!(" {}", truncate(&e.note, 120)));
                }
                s
            })
            .collect()
    };
    for (i, sc) in scopes.iter().enumerate() {
        let lender = lender_label(sc);
        let p = prior(sc);
        letters.push(compose(
            LetterKind::Nfra,
            i,
            format!("{}：{}", tx(LT_NFRA_TITLE, lang), lender),
            tx(LT_NFRA_TO, lang),
            sc,
            vec![if p.is_empty() {
                tx(LT_NFRA_NO_PRIOR, lang)
            } else {
                fill(LT_NFRA_PRIOR.get(lang), &[&p.join("；")])
            }],
            conduct_body(sc, true, &|_| true),
            fill(LT_NFRA_REQ.get(lang), &[&lender]),
        ));
    }

    let mut numbers: BTreeMap<String, (usize, String, String)> = BTreeMap::new();
    for c in &collector {
        if !matches!(c.data.channel, Channel::Call | Channel::Sms) || c.data.from_number.is_empty()
        {
            continue;
        }
        let stamp = ctx.stamp(c);
        let e =
            numbers
                .entry(c.data.from_number.clone())
                .or_insert((0, stamp.clone(), stamp.clone()));
        e.0 += 1;
        e.2 = stamp;
    }
    let mut ranked: Vec<(&String, &(usize, String, String))> = numbers.iter().collect();
    ranked.sort_by(|a, b| b.1 .0.cmp(&a.1 .0).then(a.0.cmp(b.0)));
    let mut intro = vec![tx(LT_12321_HEAD, lang)];
    intro.extend(
        ranked
            .iter()
            .take(CONTACTS_SHOWN)
            .map(|(n, (count, a, b))| {
                fill(LT_12321_LINE.get(lang), &[n, &count.to_string(), a, b])
            }),
    );
    intro.push(more_text(ranked.len(), lang));
    intro.push(String::new());
    letters.push(compose(
        LetterKind::Harassment12321,
        0,
        tx(LT_12321_TITLE, lang),
        tx(LT_12321_TO, lang),
        &everyone,
        intro,
        conduct_body(&everyone, true, &|f: &Finding| {
            matches!(
                f.rule.kind,
                Kind::Timing | Kind::Frequency | Kind::Conduct | Kind::Safety
            )
        }),
        tx(LT_12321_REQ, lang),
    ));

    letters.push(compose(
        LetterKind::Police,
        0,
        tx(LT_POLICE_TITLE, lang),
        tx(LT_POLICE_TO, lang),
        &everyone,
        vec![tx(LT_POLICE_INTRO, lang)],
        conduct_body(&everyone, true, &|f: &Finding| {
            !matches!(f.rule.kind, Kind::Reminder | Kind::Process)
        }),
        tx(LT_POLICE_REQ, lang),
    ));

    // Credit-report disputes: about the record of each lender with an agreement.
    for (i, sc) in scopes.iter().enumerate() {
        let ags = agreements_of(sc);
        let credit = sc
            .findings
            .iter()
            .any(|f| f.id().starts_with("CN-DL-CREDIT") || f.id() == "CN-AGREEMENT-OLD-SCHEDULE");
        if ags.is_empty() && !credit {
            continue;
        }
        let lender = lender_label(sc);
        let mut body: Vec<String> = sc
            .debts
            .iter()
            .map(|d| fill(L_CREDIT_DEBT.get(lang), &[&d.lender, &reference(d)]))
            .collect();
        for a in &ags {
            body.push(agreement_line(a));
            let states = agreement::instalment_states(a, ctx.today);
            let due = states.iter().filter(|s| s.due <= ctx.today).count();
            let on_time = states
                .iter()
                .filter(|s| s.status == InstalmentStatus::Paid && !s.paid_late)
                .count();
            let currency = ctx
                .case
                .debt(&a.debt_id)
                .map_or("CNY", |x| x.currency.as_str());
            let t = agreement::totals(a, ctx.today);
            body.push(fill(
                L_CREDIT_PAID.get(lang),
                &[
                    &ymd(ctx.today),
                    &due.to_string(),
                    &on_time.to_string(),
                    &amount(t.paid, currency),
                ],
            ));
        }
        if ags.is_empty() {
            body.push(tx(L_CREDIT_NO_AGREEMENT, lang));
        }
        letters.push(compose(
            LetterKind::CreditDispute,
            i,
            fill(LT_CREDIT_TITLE.get(lang), &[&lender]),
            tx(LT_CREDIT_TO, lang),
            sc,
            Vec::new(),
            body,
            tx(LT_CREDIT_REQ, lang),
        ));
    }

    letters
}

fn us_letters(ctx: &Ctx, evidence: &EvidencePart, scopes: &[Scope], date: &str) -> Vec<Letter> {
    let lang = Lang::En;
    let name = if ctx.case.debtor.name.is_empty() {
        tx(NONE, lang)
    } else {
        ctx.case.debtor.name.clone()
    };
    let ev = letter_evidence(evidence, lang, &|_| true);
    let mut out = Vec::new();
    for (i, sc) in scopes.iter().enumerate() {
        let lender = sc
            .lender
            .clone()
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| rules::Creditor::Unknown.label(lang));
        let reference = sc
            .debts
            .first()
            .map(|d| d.reference.clone())
            .filter(|r| !r.is_empty())
            .unwrap_or_else(|| DASH.to_string());
        let first = sc
            .collector
            .first()
            .map(|c| ymd(ctx.contact_day(c)))
            .unwrap_or_else(|| DASH.to_string());
        let last = sc
            .collector
            .last()
            .map(|c| ymd(ctx.contact_day(c)))
            .unwrap_or_else(|| DASH.to_string());
        let findings = letter_lines(ctx, lang, &sc.findings, false);
        let mut cease = vec![
            fill(US_CEASE.get(lang), &[&lender, &reference]),
            String::new(),
            tx(US_CEASE_FACTS, lang),
        ];
        if findings.is_empty() {
            cease.push(tx(US_NONE, lang));
        } else {
            cease.extend(findings.iter().cloned());
        }
        cease.push(String::new());
        cease.push(tx(US_CEASE_END, lang));
        cease.push(String::new());
        cease.push(fill(L_CLOSING.get(lang), &["", &name, date]));
        let mut cfpb = vec![fill(
            US_CFPB.get(lang),
            &[
                &lender,
                &reference,
                &first,
                &last,
                &sc.collector.len().to_string(),
            ],
        )];
        if findings.is_empty() {
            cfpb.push(tx(US_NONE, lang));
        } else {
            cfpb.extend(findings);
        }
        cfpb.push(String::new());
        cfpb.push(tx(US_CFPB_ASK, lang));
        cfpb.push(String::new());
        cfpb.push(tx(L_EVIDENCE_HEAD, lang));
        cfpb.extend(ev.iter().cloned());
        cfpb.push(fill(L_FINGERPRINT.get(lang), &[&ctx.digest]));
        let suffix = if scopes.len() > 1 {
            format!(" — {lender}")
        } else {
            String::new()
        };
        out.push(Letter {
            key: format!("{}-{i}", LetterKind::UsCease.key()),
            kind: LetterKind::UsCease,
            title: format!("Cease-communication letter (15 U.S.C. 1692c(c)){suffix}"),
            text: cease.join("\n"),
        });
        out.push(Letter {
            key: format!("{}-{i}", LetterKind::UsCfpb.key()),
            kind: LetterKind::UsCfpb,
            title: format!("CFPB complaint summary{suffix}"),
            text: cfpb.join("\n"),
        });
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used)]
mod tests {
    use super::*;
    use crate::domain::contacts::{add_contact, edit_contact};
    use crate::domain::model::*;
    use chrono::{FixedOffset, TimeZone};

    const NAME: &str = "王小明";
    const PHONE: &str = "13812345678";
    const ID: &str = "11010519491231002X";
    const AUNT: &str = "李秀英";

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 4, 1, 2, 0, 0).unwrap()
    }

    fn at(day: u32, h: u32, m: u32) -> DateTime<FixedOffset> {
        FixedOffset::east_opt(8 * 3600)
            .unwrap()
            .with_ymd_and_hms(2026, 3, day, h, m, 0)
            .unwrap()
    }

    fn proof(name: &str, sha: char) -> FileProof {
        FileProof {
            name: name.into(),
            size: 123_456,
            mime: String::new(),
            sha256: sha.to_string().repeat(64),
        }
    }

    fn sample() -> Case {
        let mut case = Case {
            debtor: Debtor {
                name: NAME.into(),
                phone: PHONE.into(),
                id_number: ID.into(),
            },
            debts: vec![Debt {
                id: "d1".into(),
                lender: "示例消费金融".into(),
                lender_type: LenderType::ConsumerFinance,
                reference: "LN-2025-0001".into(),
                hotline: "95000".into(),
                agencies: vec![Agency {
                    name: "某催收公司".into(),
                    numbers: vec!["02112345678".into()],
                }],
                ..Debt::default()
            }],
            ..Case::default()
        };
        let mut a = Agreement {
            id: "a1".into(),
            debt_id: "d1".into(),
            date_reached: NaiveDate::from_ymd_opt(2026, 2, 20).unwrap(),
            reference: "AG-778".into(),
            instalments: vec![Instalment {
                due: NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
                amount: Money(100_000),
            }],
            ..Agreement::default()
        };
        a.checklist.insert(
            "written_confirmation".into(),
            ChecklistEntry {
                status: ChecklistStatus::Done,
                proofs: vec![proof("协议截图.png", 'a')],
                ..ChecklistEntry::default()
            },
        );
        case.agreements.push(a);
        for i in 0..20u32 {
            let day = 1 + i / 2;
            let hour = if i % 5 == 0 { 23 } else { 10 };
            let mut data = ContactData {
                at: at(day, hour, i),
                channel: Channel::Call,
                outcome: Some(Outcome::Talked),
                from_number: format!("0211234{:04}", i),
                debt_id: (i % 3 == 0).then(|| "d1".into()),
                notes: format!(
                    "第{i}次。对方说要联系{NAME}的家人，并报出身份证号{ID}和手机 138 1234 5678。"
                ),
                ..ContactData::default()
            };
            if i == 3 {
                data.target = Target::Relative;
                data.target_name = AUNT.into();
                data.ticks.insert(Tick::DisclosedDebt);
                data.attachments.push(proof("录音.m4a", 'b'));
            }
            if i == 7 {
                data.ticks.insert(Tick::ThreatHarm);
                data.attachments.push(proof("短信.png", 'c'));
                data.notes = "很长的备注".repeat(100);
            }
            add_contact(&mut case, data, Source::Manual, now()).unwrap();
        }
        case
    }

    fn report(case: &Case, opts: &ReportOptions) -> Report {
        let findings = rules::check(case, case.settings.jurisdiction, now().date_naive());
        build_report(case, &findings, opts, now(), "0.1.0").unwrap()
    }

    fn zh() -> ReportOptions {
        ReportOptions::default()
    }

    #[test]
    fn findings_and_conduct_letters_say_how_many_contacts_no_lender_counts() {
        let case = sample();
        let r = report(&case, &zh());
        assert!(r.findings.unattributed_note.contains("另有 13 条"));
        let lender = r
            .letters
            .iter()
            .find(|l| l.kind == LetterKind::Lender)
            .unwrap();
        assert!(lender.text.contains("另有 13 条"));

        let mut tied = sample();
        for c in &mut tied.contacts {
            c.data.debt_id = Some("d1".into());
        }
        let r = report(&tied, &zh());
        assert_eq!(r.findings.unattributed_note, "");
        assert!(r.letters.iter().all(|l| !l.text.contains("另有")));
    }

    #[test]
    fn sections_are_present_and_in_order() {
        let case = sample();
        let r = report(&case, &zh());
        let json = serde_json::to_string(&r).unwrap();
        let keys = [
            "\"header\"",
            "\"parties\"",
            "\"agreements\"",
            "\"findings\"",
            "\"evidence\"",
            "\"log\"",
            "\"charts\"",
            "\"fingerprint\"",
            "\"channels\"",
            "\"letters\"",
        ];
        let pos: Vec<usize> = keys.iter().map(|k| json.find(k).unwrap()).collect();
        assert!(pos.windows(2).all(|w| w[0] < w[1]), "{pos:?}");
        assert_eq!(Section::ORDER.len(), keys.len());
        assert!(!r.header.title.is_empty());
        assert_eq!(r.parties.lenders.len(), 1);
        assert_eq!(r.parties.lenders[0].agencies[0].numbers, ["02112345678"]);
        assert_eq!(r.agreements.len(), 1);
        assert_eq!(r.agreements[0].schedule.len(), 1);
        assert!(r.findings.total > 0);
        assert!(r
            .findings
            .rows
            .iter()
            .all(|f| !f.sources.is_empty() || f.strength_key == "guidance"));
        assert_eq!(r.log.rows.len(), 20);
        assert!(!r.charts.per_day.is_empty());
        assert_eq!(r.charts.week_hour.len(), 7);
        assert!(r.channels.iter().any(|c| c.key == "12378"));
        assert!(r.channels.iter().any(|c| c.key == "110"));
        assert!(r.channels.iter().any(|c| c.key == "public"));
        assert_eq!(r.letters.len(), 5);
        assert_eq!(r.fingerprint.not_proves.len(), 6);
    }

    #[test]
    fn log_rows_are_chronological_with_offsets_and_truncated_notes() {
        let r = report(&sample(), &zh());
        assert!(r.log.rows.windows(2).all(|w| w[0].at <= w[1].at));
        assert!(r.log.rows[0].at.ends_with("+08:00"), "{}", r.log.rows[0].at);
        let long = r.log.rows.iter().find(|x| x.seq == 8).unwrap();
        assert!(long.summary.chars().count() <= SUMMARY_CHARS + 40);
        assert!(long.summary.ends_with('…'));
        assert!(r.log.rows.iter().any(|x| !x.rules.is_empty()));
    }

    #[test]
    fn evidence_numbering_is_stable() {
        let case = sample();
        let a = report(&case, &zh());
        let b = report(&case, &zh());
        assert_eq!(a.evidence, b.evidence);
        let numbers: Vec<usize> = a.evidence.items.iter().map(|i| i.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4]);
        assert_eq!(a.evidence.items[0].key, LOG_ITEM);
        assert!(a.evidence.items[1].key.starts_with("proof:"));
        let third = a.evidence.items[2].clone();
        let fourth = a.evidence.items[3].clone();
        let mut opts = zh();
        opts.excluded.insert(third.key.clone());
        let c = report(&case, &opts);
        assert_eq!(c.evidence.items.len(), 3);
        assert!(c.evidence.items.iter().all(|i| i.key != third.key));
        let again = c
            .evidence
            .items
            .iter()
            .find(|i| i.key == fourth.key)
            .unwrap();
        assert_eq!(again.number, fourth.number);
        assert_eq!(c.evidence.excluded.len(), 1);
        assert_eq!(c.evidence.excluded[0].number, third.number);
        assert!(c.evidence.items[2]
            .file
            .as_ref()
            .unwrap()
            .sha256
            .starts_with("ccc"));
        assert!(!c.letters[0].text.contains(&third.name));
    }

    #[test]
    fn payments_are_printed_against_the_schedule() {
        let mut case = sample();
        case.debts[0].currency = "CNY".into();
        let a = &mut case.agreements[0];
        a.instalments.push(Instalment {
            due: NaiveDate::from_ymd_opt(2026, 4, 20).unwrap(),
            amount: Money(100_000),
        });
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        a.payments = vec![
            Payment {
                id: "p2".into(),
                date: day(3, 25),
                amount: Money(50_000),
                channel: "银行转账".into(),
                reference: "TX-2026-0325".into(),
                proofs: vec![proof("回单.png", 'e')],
            },
            Payment {
                id: "p1".into(),
                date: day(3, 18),
                amount: Money(80_000),
                channel: "App".into(),
                reference: "TX-2026-0318".into(),
                proofs: Vec::new(),
            },
        ];
        let r = report(&case, &zh());
        let part = &r.agreements[0];
        assert_eq!(part.payment_columns.len(), 6);
        let rows = &part.payments;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].date, "2026-03-18");
        assert_eq!(rows[0].reference, "TX-2026-0318");
        assert_eq!(
            rows[0].applied,
            ["第 1 期（2026-03-20 到期）800.00 CNY：按时"]
        );
        assert!(!rows[0].late);
        // The second finishes the first instalment five days late, then pays towards the next.
        assert_eq!(
            rows[1].applied,
            [
                "第 1 期（2026-03-20 到期）200.00 CNY：逾期 5 天",
                "第 2 期（2026-04-20 到期）300.00 CNY：按时",
            ]
        );
        assert!(rows[1].late);
        assert_eq!(rows[1].proofs[0].sha256, "e".repeat(64));
        assert_eq!(part.schedule[0].paid_on, "2026-03-25");
        assert!(part.schedule[0].status.contains("逾期"));
    }

    #[test]
    fn redaction_removes_every_occurrence() {
        let case = sample();
        let plain = serde_json::to_string(&report(&case, &zh())).unwrap();
        for v in [NAME, ID, PHONE, AUNT, "138 1234 5678"] {
            assert!(plain.contains(v), "{v} should be there unredacted");
        }
        for lang in Lang::ALL {
            let opts = ReportOptions {
                lang,
                redact_name: true,
                redact_phone: true,
                redact_id: true,
                redact_third_parties: true,
                ..ReportOptions::default()
            };
            let r = report(&case, &opts);
            let json = serde_json::to_string(&r).unwrap();
            for v in [
                NAME,
                ID,
                &ID.to_ascii_lowercase(),
                PHONE,
                AUNT,
                "138 1234 5678",
            ] {
                assert!(!json.contains(v), "{v} left in {lang:?}");
            }
            // The letters still carry the rest of the facts.
            assert!(r.letters[0].text.contains("LN-2025-0001") || lang == Lang::En);
        }
        // Only the switched-on value goes.
        let opts = ReportOptions {
            redact_id: true,
            ..ReportOptions::default()
        };
        let json = serde_json::to_string(&report(&case, &opts)).unwrap();
        assert!(!json.contains(ID));
        assert!(json.contains(NAME));
        assert!(json.contains(PHONE));
    }

    /// Every string value shown or printed (keys, kinds and codes are not).
    fn shown_texts(r: &Report) -> Vec<String> {
        fn walk(v: &serde_json::Value, skip: bool, out: &mut Vec<String>) {
            match v {
                serde_json::Value::String(s) if !skip => out.push(s.clone()),
                serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, skip, out)),
                serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
                    let code = ["key", "kind", "lang", "rule_id", "strength_key"];
                    walk(x, code.contains(&k.as_str()), out)
                }),
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(&serde_json::to_value(r).unwrap(), false, &mut out);
        out
    }

    #[test]
    fn hostile_values_are_hidden_in_every_spelling() {
        // Values chosen to break redaction: names that are also letter kinds,
        // language codes, the mask itself, a placeholder; the number in
        // every spelling a note may hold.
        let spellings = [
            "１３８１２３４５６７８",
            "+86 138-1234-5678",
            "0086 13812345678",
            "138\u{200B}1234\u{200B}5678",
            "138\u{3000}1234\u{3000}5678",
            "一三八一二三四五六七八",
            "(138)1234.5678",
        ];
        let tails = ["5678", "５６７８", "五六七八"];
        let masks = [
            "〔姓名已隐去〕",
            "〔姓名已隱去〕",
            "[name hidden]",
            "〔号码已隐去〕",
            "〔號碼已隱去〕",
            "[number hidden]",
            "〔证件号已隐去〕",
            "〔證件號已隱去〕",
            "[ID hidden]",
            "〔第三人已隐去〕",
            "〔第三人已隱去〕",
            "[third party hidden]",
        ];
        for hostile in [
            "police",
            "lender",
            "ZhCn",
            "〔姓名已隐去〕",
            "姓名",
            "{0}",
            "王\u{200B}小明",
        ] {
            let mut case = sample();
            case.debtor.name = hostile.into();
            case.debtor.phone = "+86 138 1234 5678".into();
            case.debts[0].agencies[0].numbers = vec!["02100000000".into()];
            let mut data = case.contacts[0].data.clone();
            data.target = Target::Relative;
            data.target_name = "nfra".into();
            let spaced = hostile.replace('\u{200B}', " ");
            data.notes = format!("{spaced} {hostile} nfra {}", spellings.join(" / "));
            edit_contact(&mut case, 1, data, now()).unwrap();
            for lang in Lang::ALL {
                let opts = ReportOptions {
                    lang,
                    redact_name: true,
                    redact_phone: true,
                    redact_id: true,
                    redact_third_parties: true,
                    ..ReportOptions::default()
                };
                let findings = rules::check(&case, case.settings.jurisdiction, now().date_naive());
                let r = try_report(&case, &findings, &opts).unwrap();
                for text in shown_texts(&r) {
                    let mut rest = text.clone();
                    for m in masks {
                        rest = rest.replace(m, "\u{1}");
                    }
                    // The zero-width name is also found spelled with spaces.
                    let name = hostile.replace('\u{200B}', " ");
                    for v in [hostile, name.as_str(), "nfra", ID]
                        .iter()
                        .chain(&spellings)
                        .chain(&tails)
                    {
                        assert!(
                            !rest.contains(v),
                            "{v:?} left in {lang:?} ({hostile:?}): {text}"
                        );
                    }
                }
            }
        }
    }

    fn try_report(case: &Case, f: &[Finding], opts: &ReportOptions) -> Option<Report> {
        build_report(case, f, opts, now(), "0.1.0").ok()
    }

    #[test]
    fn digest_is_stable_and_changes_with_any_edit() {
        let case = sample();
        let a = report(&case, &zh());
        let b = report(&case, &zh());
        assert_eq!(a.header.digest, b.header.digest);
        assert_eq!(a.header.digest.len(), 64);
        assert_eq!(a.fingerprint.digest, a.header.digest);
        assert_eq!(a.header.chain_head, verify_chain(&case.contacts).head);
        // Redaction hides values, never the fingerprint of the data.
        let mut opts = zh();
        opts.redact_id = true;
        assert_eq!(report(&case, &opts).header.digest, a.header.digest);

        let mut edited = case.clone();
        let mut data = edited.contacts[4].data.clone();
        data.notes.push('。');
        edit_contact(&mut edited, 5, data, now()).unwrap();
        let c = report(&edited, &zh());
        assert_ne!(c.header.digest, a.header.digest);
        assert_ne!(c.header.chain_head, a.header.chain_head);

        let mut other = case.clone();
        other.debtor.phone.push('9');
        assert_ne!(report(&other, &zh()).header.digest, a.header.digest);
        let mut other = case.clone();
        other.agreements[0].reference.push('X');
        assert_ne!(report(&other, &zh()).header.digest, a.header.digest);
    }

    #[test]
    fn findings_only_filter() {
        let case = sample();
        let all = report(&case, &zh());
        let opts = ReportOptions {
            findings_only: true,
            ..zh()
        };
        let r = report(&case, &opts);
        assert!(r.log.findings_only);
        assert!(!r.log.rows.is_empty());
        assert!(r.log.rows.len() < all.log.rows.len());
        assert!(r.log.rows.iter().all(|x| !x.rules.is_empty()));
        assert_eq!(r.log.total, 20);
    }

    #[test]
    fn date_range_filters_rows_findings_and_attachments() {
        let case = sample();
        let opts = ReportOptions {
            from: NaiveDate::from_ymd_opt(2026, 3, 3),
            to: NaiveDate::from_ymd_opt(2026, 3, 4),
            ..zh()
        };
        let r = report(&case, &opts);
        // Contacts 5..=8 fall on 3 and 4 March.
        let seqs: Vec<u32> = r.log.rows.iter().map(|x| x.seq).collect();
        assert_eq!(seqs, [5, 6, 7, 8]);
        assert!(r.header.fields[1].value.contains("2026-03-03"));
        assert!(r
            .charts
            .per_day
            .iter()
            .all(|(d, _)| ymd(*d).as_str() >= "2026-03-03" && ymd(*d).as_str() <= "2026-03-04"));
        // Entry 4's attachment (1 March… 2 March) is out; entry 8's stays, same number.
        let keys: Vec<&str> = r.evidence.items.iter().map(|i| i.key.as_str()).collect();
        assert!(keys.iter().any(|k| k.starts_with("att:8:")));
        assert!(!keys.iter().any(|k| k.starts_with("att:4:")));
        let full = report(&case, &zh());
        let n = |rep: &Report| {
            rep.evidence
                .items
                .iter()
                .find(|i| i.key.starts_with("att:8:"))
                .unwrap()
                .number
        };
        assert_eq!(n(&r), n(&full));
    }

    #[test]
    fn wording_never_says_illegal() {
        let case = sample();
        for lang in Lang::ALL {
            let mut opts = zh();
            opts.lang = lang;
            let r = report(&case, &opts);
            for l in &r.letters {
                for word in ["illegal", "违法", "違法", "非法", "Illegal"] {
                    assert!(!l.text.contains(word), "{word} in {:?}", l.kind);
                }
            }
        }
    }

    #[test]
    fn letters_follow_language_and_ruleset() {
        let case = sample();
        let r = report(
            &case,
            &ReportOptions {
                lang: Lang::En,
                ..zh()
            },
        );
        assert!(r.letters[0].text.contains("投诉"));
        let r = report(
            &case,
            &ReportOptions {
                lang: Lang::ZhTw,
                ..zh()
            },
        );
        assert!(r.letters[0].text.contains("投訴"));
        assert!(r.letters[0].text.contains("AG-778"));
        assert!(r.letters[0]
            .text
            .contains("证据".chars().next().map(|_| "證據").unwrap()));
        let mut us = case.clone();
        us.settings.jurisdiction = Jurisdiction::Us;
        us.settings.time_zone = "America/New_York".into();
        let r = report(&us, &zh());
        let kinds: Vec<LetterKind> = r.letters.iter().map(|l| l.kind).collect();
        assert_eq!(kinds, [LetterKind::UsCease, LetterKind::UsCfpb]);
        assert!(r.letters[0].text.contains("1692c(c)"));
        assert!(r.channels.iter().any(|c| c.key == "cfpb"));
    }

    /// The sample with a second lender whose contacts carry its own debt.
    fn two_lenders() -> Case {
        let mut case = sample();
        case.debts.push(Debt {
            id: "d2".into(),
            lender: "乙银行信用卡".into(),
            lender_type: LenderType::BankCard,
            reference: "CARD-9999".into(),
            ..Debt::default()
        });
        for c in case.contacts.iter_mut() {
            if c.data.debt_id.is_none() {
                c.data.debt_id = Some("d2".into());
            }
        }
        case
    }

    #[test]
    fn letters_stay_with_their_lender() {
        let r = report(&two_lenders(), &zh());
        let lender: Vec<&Letter> = r
            .letters
            .iter()
            .filter(|l| matches!(l.kind, LetterKind::Lender | LetterKind::Nfra))
            .collect();
        assert_eq!(
            lender.len(),
            4,
            "{:?}",
            r.letters.iter().map(|l| &l.key).collect::<Vec<_>>()
        );
        for l in &lender {
            let a = l.title.contains("示例消费金融");
            let b = l.title.contains("乙银行信用卡");
            assert!(a ^ b, "{}", l.title);
            if a {
                assert!(!l.text.contains("乙银行信用卡") && !l.text.contains("CARD-9999"));
            } else {
                assert!(!l.text.contains("示例消费金融") && !l.text.contains("LN-2025-0001"));
                assert!(!l.text.contains("AG-778"));
            }
        }
        let keys: BTreeSet<&str> = r.letters.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys.len(), r.letters.len());
    }

    #[test]
    fn letters_are_first_person_short_and_code_free() {
        for case in [sample(), two_lenders()] {
            for lang in [Lang::ZhCn, Lang::ZhTw] {
                let r = report(&case, &ReportOptions { lang, ..zh() });
                for l in &r.letters {
                    assert!(!l.text.contains("CN-"), "{}: {}", l.key, l.text);
                    assert!(
                        !l.text.contains("你按") && !l.text.contains("你的"),
                        "{}",
                        l.key
                    );
                    assert!(l.text.contains('我'), "{}", l.key);
                    let han = l
                        .text
                        .chars()
                        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
                        .count();
                    assert!(han < 1_500, "{} has {han} characters", l.key);
                }
            }
        }
        let r = report(&sample(), &zh());
        let credit = r
            .letters
            .iter()
            .find(|l| l.kind == LetterKind::CreditDispute)
            .unwrap();
        assert!(credit.text.contains("AG-778"));
        assert!(credit.text.contains("按期还款"));
        assert!(!credit.text.contains("记录显示"), "{}", credit.text);
    }

    #[test]
    fn findings_are_one_row_per_rule_with_primary_sources() {
        let r = report(&sample(), &zh());
        let ids: BTreeSet<&str> = r.findings.rows.iter().map(|f| f.rule_id.as_str()).collect();
        assert_eq!(ids.len(), r.findings.rows.len());
        assert_eq!(
            r.findings.rows.iter().map(|f| f.count).sum::<usize>(),
            r.findings.total
        );
        for f in &r.findings.rows {
            assert!(f.contacts.len() <= CONTACTS_SHOWN);
            let rule = rules::rule(&f.rule_id).unwrap();
            for s in &f.background {
                assert!(
                    rule.related.iter().any(|c| s.starts_with(&c.reference())),
                    "{s}"
                );
            }
            for s in &f.sources {
                assert!(
                    rule.primary.iter().any(|c| s.starts_with(&c.reference())),
                    "{s}"
                );
            }
        }
        assert_eq!(r.charts.limit, Some(3));
        assert_eq!(r.charts.markers.len(), 1);
    }

    #[test]
    fn large_log_builds() {
        let mut case = sample();
        for i in 0..3_000u32 {
            let data = ContactData {
                at: at(1 + (i % 28), 9 + (i % 12), i % 60),
                channel: Channel::Call,
                outcome: Some(Outcome::Unanswered),
                from_number: format!("02199{:06}", i % 50),
                ..ContactData::default()
            };
            add_contact(&mut case, data, Source::Imported, now()).unwrap();
        }
        let r = report(
            &case,
            &ReportOptions {
                findings_only: true,
                ..zh()
            },
        );
        assert_eq!(r.log.total, 3_020);
        assert!(r.log.rows.len() <= 3_020);
    }
}
