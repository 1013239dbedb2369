//! Every rule of `rules.md` as data: ids, thresholds, sources, dates, marks.
//! The engine reads the same constants, so a threshold changes in one place.
//! Instrument names stay in their source language; articles appear only where
//! `rules.md` gives them.

use chrono::{NaiveDate, NaiveTime};

use super::{Citation, Kind, Mark, Only, Params, Rule, Strength, Threshold, Unit, Window};
use crate::domain::model::{Jurisdiction, LenderType, Tick};
use crate::i18n::Text;

/// Evaluated at compile time only (every caller is a constant), so a typo in a
/// date fails the build.
const fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => date,
        None => panic!("invalid date in the rule catalog"),
    }
}

const fn hm(h: u32, m: u32) -> NaiveTime {
    match NaiveTime::from_hms_opt(h, m, 0) {
        Some(t) => t,
        None => panic!("invalid time in the rule catalog"),
    }
}

const fn src(
    instrument: &'static str,
    article: Option<&'static str>,
    mark: Mark,
    strength: Strength,
) -> Citation {
    Citation {
        instrument,
        article,
        mark,
        strength,
        from: None,
        until: None,
        only: Only::Any,
        scope: None,
    }
}

impl Citation {
    const fn since(mut self, d: NaiveDate) -> Self {
        self.from = Some(d);
        self
    }
    const fn before(mut self, d: NaiveDate) -> Self {
        self.until = Some(d);
        self
    }
    const fn when(mut self, only: Only) -> Self {
        self.only = only;
        self
    }
    const fn bind(mut self, scope: Text) -> Self {
        self.scope = Some(scope);
        self
    }
    const fn art(mut self, article: &'static str) -> Self {
        self.article = Some(article);
        self
    }
    const fn mark(mut self, mark: Mark) -> Self {
        self.mark = mark;
        self
    }
}

const fn define(
    id: &'static str,
    jurisdiction: Jurisdiction,
    kind: Kind,
    title: Text,
    explanation: Text,
) -> Rule {
    Rule {
        id,
        jurisdiction,
        kind,
        title,
        explanation,
        params: &[ANY],
        primary: &[],
        related: &[],
        scope: None,
        unverified: false,
        checkable: true,
        wording: None,
    }
}

impl Rule {
    const fn primary(mut self, c: &'static [Citation]) -> Self {
        self.primary = c;
        self
    }
    const fn related(mut self, c: &'static [Citation]) -> Self {
        self.related = c;
        self
    }
    const fn params(mut self, p: &'static [Params]) -> Self {
        self.params = p;
        self
    }
    const fn scope(mut self, t: Text) -> Self {
        self.scope = Some(t);
        self
    }
    const fn unverified(mut self) -> Self {
        self.unverified = true;
        self
    }
    const fn info_only(mut self) -> Self {
        self.checkable = false;
        self.params = &[Params {
            threshold: Threshold::Any,
            window: Window::NotCheckable,
            unit: Unit::Contacts,
        }];
        self
    }
    const fn wording(mut self, t: Text) -> Self {
        self.wording = Some(t);
        self
    }
}

const ANY: Params = Params {
    threshold: Threshold::Any,
    window: Window::PerContact,
    unit: Unit::Contacts,
};

const fn allowed(from: NaiveTime, to: NaiveTime) -> Params {
    Params {
        threshold: Threshold::Any,
        window: Window::Allowed { from, to },
        unit: Unit::Contacts,
    }
}

// ---- Thresholds and windows the engine reads -------------------------------

pub const CN_DAY_START: NaiveTime = hm(8, 0);
pub const CN_NIGHT_START: NaiveTime = hm(22, 0);
pub const CN_CONNECTED_LIMIT: u32 = 3;
pub const CN_ATTEMPTS_LIMIT: u32 = 6;
pub const CN_BURST_MIN: u32 = 3;
pub const CN_BURST_MINUTES: u32 = 10;
pub const CN_ABUSE_MIN: u32 = 3;
pub const CN_ABUSE_DAYS: u32 = 30;
pub const CN_REACHABLE_HOURS: u32 = 72;
/// 失联: this many consecutive failed attempts after the last evidence.
pub const CN_LOST_CONTACT_ATTEMPTS: u32 = 3;
pub const CN_VISIT_MIN_STAFF: u8 = 2;
pub const CN_COMPLAINT_DAYS: u32 = 7;
pub const CN_DL_CREDIT_DISPUTE_DAYS: u32 = 20;
pub const CN_DL_CREDIT_COMPLAINT_DAYS: u32 = 30;
pub const CN_DL_FI_COMPLAINT_DAYS: u32 = 15;
/// A collector's call-back this soon after the user's own call is not counted (§2).
pub const CALLBACK_MINUTES: i64 = 15;

pub const US_DAY_START: NaiveTime = hm(8, 0);
pub const US_DAY_END: NaiveTime = hm(21, 0);
pub const US_7IN7_LIMIT: u32 = 7;
pub const US_WINDOW_DAYS: u32 = 7;

pub const IN_DAY_START: NaiveTime = hm(8, 0);
pub const IN_DAY_END: NaiveTime = hm(19, 0);
pub const PH_DAY_START: NaiveTime = hm(6, 0);
pub const PH_DAY_END: NaiveTime = hm(22, 0);
pub const TW_DAY_START: NaiveTime = hm(7, 0);
pub const TW_DAY_END: NaiveTime = hm(22, 0);
pub const AU_PHONE_WEEKDAY_START: NaiveTime = hm(7, 30);
pub const AU_WEEKEND_START: NaiveTime = hm(9, 0);
pub const AU_DAY_END: NaiveTime = hm(21, 0);
pub const AU_VISIT_START: NaiveTime = hm(9, 0);
pub const AU_WORKPLACE_END: NaiveTime = hm(17, 0);
pub const AU_WEEK_LIMIT: u32 = 3;
pub const AU_MONTH_LIMIT: u32 = 10;

// ---- Dates (rules.md §3.1) ---------------------------------------------------

const NIFA_FROM: NaiveDate = ymd(2024, 5, 15);
const GBT_FROM: NaiveDate = ymd(2025, 2, 28);
const CBA_FROM: NaiveDate = ymd(2026, 1, 30);
const PSAPL_REVISED_FROM: NaiveDate = ymd(2026, 1, 1);

// ---- Scopes ------------------------------------------------------------------

const SCOPE_GBT: Text = Text::new(
    "适用于开展个人网络消费信贷的金融机构（银行、消费金融公司、小额贷款公司）及其委托的催收机构；推荐性标准，经监管、合同或协会采用后才具约束力",
    "適用於開展個人網路消費信貸的金融機構（銀行、消費金融公司、小額貸款公司）及其委託的催收機構；推薦性標準，經監管、合約或協會採用後才具約束力",
    "applies to financial institutions doing online personal consumer lending (banks, consumer finance companies, small-loan companies) and their agencies; voluntary unless a regulator, contract or association adopts it",
);
const SCOPE_NIFA: Text = Text::new(
    "适用于开展个人网络消费信贷的机构、其催收机构及不良债权受让方；信用卡业务“可适用”",
    "適用於開展個人網路消費信貸的機構、其催收機構及不良債權受讓方；信用卡業務「可適用」",
    "applies to online consumer lenders, their agencies and debt buyers; credit cards 'may apply' it",
);
const SCOPE_CBA: Text = Text::new(
    "适用于你的贷款机构是中国银行业协会会员（信用卡和个人消费贷款）的情形，包括其委托的催收机构",
    "適用於你的貸款機構是中國銀行業協會會員（信用卡和個人消費貸款）的情形，包括其委託的催收機構",
    "applies if your lender is a member of the China Banking Association (credit cards and consumer loans), including its outside agencies",
);
const SCOPE_CARD: Text = Text::new(
    "仅适用于银行信用卡",
    "僅適用於銀行信用卡",
    "applies only to bank credit cards",
);
const SCOPE_APPS: Text = Text::new(
    "适用于网络借贷类应用程序",
    "適用於網路借貸類應用程式",
    "applies to online-lending apps",
);
const SCOPE_US: Text = Text::new(
    "约束“债务催收人”（第三方催收机构和部分债权受让方）；原债权人自行催收一般不受约束；州法可能更严格（未经核实）",
    "約束「債務催收人」（第三方催收機構和部分債權受讓方）；原債權人自行催收一般不受約束；州法可能更嚴格（未經核實）",
    "binds debt collectors (third-party collectors and some debt buyers); original creditors collecting their own debts are generally outside; state laws may be stricter (unverified)",
);

// ---- Mainland China sources --------------------------------------------------

const GBT: Citation = src(
    "GB/T 45251-2025《互联网金融 个人网络消费信贷 贷后催收风控指引》",
    None,
    Mark::R,
    Strength::Standard,
)
.since(GBT_FROM)
.bind(SCOPE_GBT);
const NIFA: Citation = src(
    "中国互联网金融协会《互联网金融贷后催收业务指引》",
    None,
    Mark::R,
    Strength::SelfRegulation,
)
.since(NIFA_FROM)
.before(GBT_FROM)
.bind(SCOPE_NIFA);
const CBA: Citation = src(
    "中国银行业协会《金融机构个人消费类贷款催收工作指引（试行）》",
    None,
    Mark::R,
    Strength::SelfRegulation,
)
.since(CBA_FROM)
.bind(SCOPE_CBA);
const CARD_68: Citation = src(
    "《商业银行信用卡业务监督管理办法》",
    Some("第68条"),
    Mark::R,
    Strength::Regulation,
)
.when(Only::Lenders(&[LenderType::BankCard]))
.bind(SCOPE_CARD);
const CIVIL: Citation = src("《中华人民共和国民法典》", None, Mark::T, Strength::Law);
const CRIMINAL: Citation = src("《中华人民共和国刑法》", None, Mark::T, Strength::Law);
const PIPL: Citation = src(
    "《中华人民共和国个人信息保护法》",
    None,
    Mark::T,
    Strength::Law,
);
const PSAPL_2012: Citation = src(
    "《中华人民共和国治安管理处罚法》（2012）",
    None,
    Mark::T,
    Strength::Law,
)
.before(PSAPL_REVISED_FROM);
/// The revised law; articles other than art. 50 are [U], so none is given.
const PSAPL_2025: Citation = src(
    "《中华人民共和国治安管理处罚法》（2025年修订）",
    None,
    Mark::U,
    Strength::Law,
)
.since(PSAPL_REVISED_FROM);
const CREDIT_REG: Citation = src("《征信业管理条例》", None, Mark::T, Strength::Regulation);
const FI_COMPLAINTS: Citation = src(
    "《银行业保险业消费投诉处理管理办法》",
    None,
    Mark::R,
    Strength::Regulation,
);
const CIVIL_1033_1: Citation = CIVIL.art("第1033条(一)");

// ---- US sources ----------------------------------------------------------------

const FDCPA: Citation = src(
    "Fair Debt Collection Practices Act (15 U.S.C. 1692 et seq.)",
    None,
    Mark::R,
    Strength::Law,
)
.bind(SCOPE_US);
const REG_F: Citation = src(
    "Regulation F (12 CFR part 1006)",
    None,
    Mark::R,
    Strength::Regulation,
)
.bind(SCOPE_US);

const PRESUMED: Text = Text::new(
    "推定违反{0}（该推定可以被推翻）",
    "推定違反{0}（該推定可以被推翻）",
    "presumed to violate {0} (the presumption can be rebutted)",
);

// ---- The rules -----------------------------------------------------------------

pub static CN_HOURS: Rule = define(
    "CN-HOURS",
    Jurisdiction::Cn,
    Kind::Timing,
    Text::new("夜间催收（22:00–次日08:00）", "夜間催收（22:00–次日08:00）", "Contact at night (22:00–08:00)"),
    Text::new(
        "未经你同意，催收方不应在每日22:00至次日8:00之间联系你，未接来电、短信、应用消息和上门都算。22:00:00 起算在内，08:00:00 不算。",
        "未經你同意，催收方不應在每日22:00至次日8:00之間聯繫你，未接來電、簡訊、應用程式訊息和上門都算。22:00:00 起算在內，08:00:00 不算。",
        "Unless you agreed, collectors should not contact you between 22:00 and 08:00, including unanswered calls, SMS, app messages and visits. 22:00:00 is inside the window; 08:00:00 is outside.",
    ),
)
.params(&[allowed(CN_DAY_START, CN_NIGHT_START)])
.primary(&[GBT, CBA, NIFA])
.related(&[CIVIL_1033_1]);

pub static CN_DAILY_CONNECTED: Rule = define(
    "CN-DAILY-CONNECTED",
    Jurisdiction::Cn,
    Kind::Frequency,
    Text::new("每日接通催收电话超过3次", "每日接通催收電話超過3次", "More than 3 answered collection calls a day"),
    Text::new(
        "同一贷款机构及其所有催收机构主动打给你并接通的电话（含机器人、AI语音），每天合计不应超过3次。你自己打出的电话不算；同一贷款机构的多笔债务合并计算。",
        "同一貸款機構及其所有催收機構主動打給你並接通的電話（含機器人、AI語音），每天合計不應超過3次。你自己打出的電話不算；同一貸款機構的多筆債務合併計算。",
        "A lender and all its agencies together should not hold more than 3 collection calls a day with you that they started (human, robot or AI voice). Calls you placed do not count; several debts with one lender are counted together.",
    ),
)
.params(&[Params {
    threshold: Threshold::MoreThan(CN_CONNECTED_LIMIT),
    window: Window::LocalDay,
    unit: Unit::TalkedCalls,
}])
.primary(&[GBT, NIFA]);

pub static CN_DAILY_ATTEMPTS: Rule = define(
    "CN-DAILY-ATTEMPTS",
    Jurisdiction::Cn,
    Kind::Frequency,
    Text::new("同一号码每日未接通拨打超过6次", "同一號碼每日未接通撥打超過6次", "More than 6 unanswered attempts to one number a day"),
    Text::new(
        "你没接听时，同一贷款机构对你同一联系方式的拨打当天不宜超过6次（另有约定的除外）。接通的电话不计入；未记录被拨号码时按你的主要号码计。",
        "你沒接聽時，同一貸款機構對你同一聯繫方式的撥打當天不宜超過6次（另有約定的除外）。接通的電話不計入；未記錄被撥號碼時按你的主要號碼計。",
        "When you do not answer, one lender's attempts to the same number of yours should not exceed 6 a day unless you agreed otherwise. Answered calls are not counted; if the number dialled was not logged, your primary number is used.",
    ),
)
.params(&[Params {
    threshold: Threshold::MoreThan(CN_ATTEMPTS_LIMIT),
    window: Window::LocalDay,
    unit: Unit::UnansweredAttempts,
}])
.primary(&[CBA]);

pub static CN_BURST: Rule = define(
    "CN-BURST",
    Jurisdiction::Cn,
    Kind::Frequency,
    Text::new("短时间内密集来电", "短時間內密集來電", "Burst of calls"),
    Text::new(
        "同一贷款机构10分钟内来电3次或以上。内地没有规定这一门槛，这是本应用的经验判断；作为对比，美国监管机构把5分钟内2次来电视为骚扰迹象。",
        "同一貸款機構10分鐘內來電3次或以上。內地沒有規定這一門檻，這是本應用的經驗判斷；作為對比，美國監管機構把5分鐘內2次來電視為騷擾跡象。",
        "3 or more calls from one lender within 10 minutes. No mainland source sets this threshold; it is this app's heuristic. For comparison, the US regulator treats 2 calls within 5 minutes as a sign of harassment.",
    ),
)
.params(&[Params {
    threshold: Threshold::AtLeast(CN_BURST_MIN),
    window: Window::Minutes(CN_BURST_MINUTES),
    unit: Unit::Calls,
}])
.related(&[CIVIL_1033_1])
.unverified();

pub static CN_REPEATED_ABUSE: Rule = define(
    "CN-REPEATED-ABUSE",
    Jurisdiction::Cn,
    Kind::Conduct,
    Text::new("多次发送威胁、辱骂信息", "多次發送威脅、辱罵訊息", "Repeated threatening or insulting messages or calls"),
    Text::new(
        "治安管理处罚法处罚“多次发送淫秽、侮辱、恐吓或者其他信息，干扰他人正常生活”。法律没有界定“多次”；30天内3次是本应用的经验门槛，未经核实。",
        "治安管理處罰法處罰「多次發送淫穢、侮辱、恐嚇或者其他信息，干擾他人正常生活」。法律沒有界定「多次」；30天內3次是本應用的經驗門檻，未經核實。",
        "The Public Security Administration Punishments Law covers sending obscene, insulting or threatening messages many times so as to disturb someone's normal life. The law does not define 'many times'; 3 within 30 days is this app's own, unverified threshold.",
    ),
)
.params(&[Params {
    threshold: Threshold::AtLeast(CN_ABUSE_MIN),
    window: Window::Days(CN_ABUSE_DAYS),
    unit: Unit::AbusiveContacts,
}])
.primary(&[
    PSAPL_2012.art("第42条第(五)项"),
    PSAPL_2025.art("第50条第1款第(五)项").mark(Mark::R),
])
.unverified();

pub static CN_TP_COLLECT: Rule = define(
    "CN-TP-COLLECT",
    Jurisdiction::Cn,
    Kind::Privacy,
    Text::new("向无关第三人催收", "向無關第三人催收", "Demanding payment from an unrelated person"),
    Text::new(
        "催收只应针对债务人和担保人（以及你标记为债务用于家庭共同生活的配偶），不应要求其他人替你还钱。第三人自愿代还不在此列。",
        "催收只應針對債務人和擔保人（以及你標記為債務用於家庭共同生活的配偶），不應要求其他人替你還錢。第三人自願代還不在此列。",
        "Collection should target only the debtor and the guarantor (and a spouse you marked as liable because the debt went to household needs); others should not be asked to pay. A third party may still repay voluntarily.",
    ),
)
.primary(&[CARD_68, GBT, CBA])
.related(&[CIVIL.art("第1064条")]);

pub static CN_TP_WHILE_REACHABLE: Rule = define(
    "CN-TP-WHILE-REACHABLE",
    Jurisdiction::Cn,
    Kind::Privacy,
    Text::new("能联系上你时仍联系第三人", "能聯繫上你時仍聯繫第三人", "Contacting others while you were reachable"),
    Text::new(
        "只有在联系不上债务人（失联）等情形下，才可以联系你的联系人，而且只能询问联系方式或请其转告。记录显示此前72小时内该机构已与你通话或收到你的消息，之后也没有失联迹象（连续3次未接通、号码停机）。72小时是本应用为避免夸大而设的回看期。",
        "只有在聯繫不上債務人（失聯）等情形下，才可以聯繫你的聯絡人，而且只能詢問聯繫方式或請其轉告。記錄顯示此前72小時內該機構已與你通話或收到你的訊息，之後也沒有失聯跡象（連續3次未接通、號碼停機）。72小時是本應用為避免誇大而設的回看期。",
        "Your contacts may be approached only if you cannot be reached (失联), and then only to ask for your details or pass on a message. The log shows this lender talked with you, or got a message from you, in the 72 hours before, with no sign of lost contact since (3 failed attempts in a row, number out of service). The 72-hour look-back is this app's choice, to avoid over-claiming.",
    ),
)
.params(&[Params {
    threshold: Threshold::Any,
    window: Window::Hours(CN_REACHABLE_HOURS),
    unit: Unit::Contacts,
}])
.primary(&[GBT, CBA]);

pub static CN_TP_AFTER_REFUSAL: Rule = define(
    "CN-TP-AFTER-REFUSAL",
    Jurisdiction::Cn,
    Kind::Privacy,
    Text::new("第三人拒绝后仍被联系", "第三人拒絕後仍被聯繫", "Contacting someone again after they refused"),
    Text::new(
        "联系人一旦拒绝或要求不再联系，催收方就不应再联系此人。",
        "聯絡人一旦拒絕或要求不再聯繫，催收方就不應再聯繫此人。",
        "Once one of your contacts refuses or asks not to be contacted, the collector should not contact them again.",
    ),
)
.primary(&[GBT, CBA]);

pub static CN_TP_DISCLOSURE: Rule = define(
    "CN-TP-DISCLOSURE",
    Jurisdiction::Cn,
    Kind::Privacy,
    Text::new("向第三人透露你的债务", "向第三人透露你的債務", "Telling others about your debt"),
    Text::new(
        "催收方不应向你的联系人透露债务和你的财务信息；个人信息处理者未经同意不得向他人提供个人信息。是否越过法律界限取决于具体事实。",
        "催收方不應向你的聯絡人透露債務和你的財務資訊；個人資訊處理者未經同意不得向他人提供個人資訊。是否越過法律界限取決於具體事實。",
        "Collectors should not reveal your debt or financial information to your contacts, and a processor may not give personal information to others without consent. Whether a legal line was crossed depends on the facts.",
    ),
)
.primary(&[GBT, CBA, CIVIL.art("第1038条"), PIPL.art("第10条")])
.related(&[CIVIL.art("第1032条"), PSAPL_2012.art("第42条第(六)项")]);

pub static CN_PHONEBOOK: Rule = define(
    "CN-PHONEBOOK",
    Jurisdiction::Cn,
    Kind::Privacy,
    Text::new("联系你通讯录里的人（爆通讯录）", "聯繫你通訊錄裡的人（爆通訊錄）", "Contacting people from your phone book"),
    Text::new(
        "处理个人信息须合法、正当、必要，并有法律依据；网络借贷类应用的必要信息不包括通讯录，通讯录里的人也从未同意。是否越过法律界限取决于贷款机构如何取得和使用这些数据。",
        "處理個人資訊須合法、正當、必要，並有法律依據；網路借貸類應用程式的必要資訊不包括通訊錄，通訊錄裡的人也從未同意。是否越過法律界限取決於貸款機構如何取得和使用這些資料。",
        "Personal information must be handled lawfully, fairly, only as needed and with a legal basis; the phone book is not necessary data for a lending app, and the people in it never consented. Whether a legal line was crossed depends on how the lender got and used the data.",
    ),
)
.primary(&[
    PIPL.art("第5条、第6条、第10条、第13条"),
    CIVIL.art("第1035条"),
    src("《常见类型移动互联网应用程序必要个人信息范围规定》", None, Mark::R, Strength::Regulation)
        .since(ymd(2021, 5, 1))
        .when(Only::Lenders(&[LenderType::OnlinePlatform]))
        .bind(SCOPE_APPS),
])
.related(&[CRIMINAL.art("第253条之一"), PIPL.art("第21条"), PIPL.art("第23条")]);

pub static CN_THREAT: Rule = define(
    "CN-THREAT",
    Jurisdiction::Cn,
    Kind::Safety,
    Text::new("威胁人身安全或家人", "威脅人身安全或家人", "Threats against you or your family"),
    Text::new(
        "以伤害你或你的家人相威胁。可以保存录音和信息并报警（110）。",
        "以傷害你或你的家人相威脅。可以保存錄音和訊息並報警（110）。",
        "Threats to harm you or your family. Keep recordings and messages; you can report it to the police (110).",
    ),
)
.primary(&[
    PSAPL_2012.art("第42条第(一)项"),
    PSAPL_2025.art("第50条第1款").mark(Mark::R),
    GBT,
    CBA,
])
.related(&[CRIMINAL.art("第293条")]);

pub static CN_INSULT: Rule = define(
    "CN-INSULT",
    Jurisdiction::Cn,
    Kind::Conduct,
    Text::new(
        "辱骂或发送淫秽内容",
        "辱罵或發送淫穢內容",
        "Insults or obscene content",
    ),
    Text::new(
        "公然侮辱他人，或发送侮辱、淫秽内容。你的名誉权受法律保护。",
        "公然侮辱他人，或發送侮辱、淫穢內容。你的名譽權受法律保護。",
        "Insulting you or sending obscene content. Your right to reputation is protected by law.",
    ),
)
.primary(&[
    PSAPL_2012.art("第42条第(二)项"),
    PSAPL_2025,
    CIVIL.art("第1024条"),
    CBA,
])
.related(&[CRIMINAL.art("第246条")]);

pub static CN_IMPERSONATION: Rule = define(
    "CN-IMPERSONATION",
    Jurisdiction::Cn,
    Kind::Conduct,
    Text::new("冒充公检法或律师", "冒充公檢法或律師", "Posing as an official or a lawyer"),
    Text::new(
        "催收方不得冒用行政机关、司法机关等名义。冒充国家机关工作人员可能受治安处罚乃至刑事追究；冒充律师只违反行业自律要求。",
        "催收方不得冒用行政機關、司法機關等名義。冒充國家機關工作人員可能受治安處罰乃至刑事追究；冒充律師只違反行業自律要求。",
        "Collectors must not use the name of a government or judicial body. Posing as an official can lead to police penalties or prosecution; posing as a lawyer is covered only by the industry guideline.",
    ),
)
.primary(&[
    PSAPL_2012.art("第51条").when(Only::Ticks(&[Tick::ImpersonateOfficial])),
    PSAPL_2025.when(Only::Ticks(&[Tick::ImpersonateOfficial])),
    CRIMINAL.art("第279条").when(Only::Ticks(&[Tick::ImpersonateOfficial])),
    CBA.when(Only::Ticks(&[Tick::ImpersonateOfficial, Tick::ImpersonateLawyer])),
]);

pub static CN_FALSE_CONSEQUENCES: Rule = define(
    "CN-FALSE-CONSEQUENCES",
    Jurisdiction::Cn,
    Kind::Conduct,
    Text::new("虚构或夸大后果", "虛構或誇大後果", "False or exaggerated consequences"),
    Text::new(
        "催收方不应虚构或夸大事实，例如谎称会被抓、虚构“黑名单”、夸大欠款金额或法律后果。如实告知（贷款机构可以起诉、逾期会上报征信）不算。",
        "催收方不應虛構或誇大事實，例如謊稱會被抓、虛構「黑名單」、誇大欠款金額或法律後果。如實告知（貸款機構可以起訴、逾期會上報徵信）不算。",
        "Collectors should not invent or exaggerate facts: arrest, a made-up blacklist, an inflated amount or legal consequences. True statements (the lender may sue; overdue loans are reported to the credit bureau) do not count.",
    ),
)
.primary(&[CBA]);

pub static CN_EXTRA_FEES: Rule = define(
    "CN-EXTRA-FEES",
    Jurisdiction::Cn,
    Kind::Conduct,
    Text::new("以催收名义收取额外费用", "以催收名義收取額外費用", "Extra fees demanded"),
    Text::new(
        "催收方不应以催收名义收取额外费用。只通过官方渠道还款；要求转账到个人账户可能是诈骗，可拨打96110。",
        "催收方不應以催收名義收取額外費用。只透過官方管道還款；要求轉帳到個人帳戶可能是詐騙，可撥打96110。",
        "Collectors should not charge extra fees in the name of collection. Pay only through official channels; a demand to pay into a personal account suggests fraud (call 96110).",
    ),
)
.primary(&[CBA]);

pub static CN_NEW_LOAN: Rule = define(
    "CN-NEW-LOAN",
    Jurisdiction::Cn,
    Kind::Conduct,
    Text::new(
        "诱导或逼迫借新还旧",
        "誘導或逼迫借新還舊",
        "Pushed to borrow again",
    ),
    Text::new(
        "催收方不应诱导或强迫你借新贷、以贷还贷或通过非正规渠道筹钱。",
        "催收方不應誘導或強迫你借新貸、以貸還貸或透過非正規管道籌錢。",
        "Collectors should not lure or force you into new borrowing or informal funding to repay.",
    ),
)
.primary(&[CBA]);

pub static CN_PUBLIC_EXPOSURE: Rule = define(
    "CN-PUBLIC-EXPOSURE",
    Jurisdiction::Cn,
    Kind::Conduct,
    Text::new("公开曝光或群发", "公開曝光或群發", "Public exposure"),
    Text::new(
        "在公共场所或网络、群聊中张贴催收信息、曝光你的隐私。你的名誉权和隐私权受法律保护；可截图保存并向12377举报网络内容。",
        "在公共場所或網路、群聊中張貼催收資訊、曝光你的隱私。你的名譽權和隱私權受法律保護；可截圖保存並向12377舉報網路內容。",
        "Posting collection notices in public or online, or exposing your private life to groups. Your reputation and privacy are protected by law; keep screenshots and report online posts to 12377.",
    ),
)
.primary(&[
    CIVIL.art("第1024条、第1032条"),
    PSAPL_2012.art("第42条第(二)项、第(六)项"),
    PSAPL_2025,
    CBA,
])
.related(&[
    src(
        "《最高人民法院、最高人民检察院、公安部、司法部关于办理实施“软暴力”的刑事案件若干问题的意见》（2019）",
        None,
        Mark::R,
        Strength::Law,
    ),
    CRIMINAL.art("第246条"),
]);

pub static CN_NO_IDENTITY: Rule = define(
    "CN-NO-IDENTITY",
    Jurisdiction::Cn,
    Kind::Conduct,
    Text::new(
        "拒绝表明身份",
        "拒絕表明身分",
        "Refused to say who they are",
    ),
    Text::new(
        "首次联系时，催收方应表明所属机构。",
        "首次聯繫時，催收方應表明所屬機構。",
        "At first contact the collector should say which institution it acts for.",
    ),
)
.primary(&[CBA]);

pub static CN_PRIVATE_CHANNEL: Rule = define(
    "CN-PRIVATE-CHANNEL",
    Jurisdiction::Cn,
    Kind::Conduct,
    Text::new("使用私人电话或社交账号催收", "使用私人電話或社群帳號催收", "Collection from a personal phone or app account"),
    Text::new(
        "未经贷款机构同意，催收机构不应使用私人电话或社交软件催收。可以向贷款机构核实是否授权。",
        "未經貸款機構同意，催收機構不應使用私人電話或社群軟體催收。可以向貸款機構核實是否授權。",
        "Agencies should not collect from private phones or social apps without the lender's consent. Ask the lender whether it was authorised.",
    ),
)
.primary(&[CBA]);

pub static CN_VISIT_STAFF: Rule = define(
    "CN-VISIT-STAFF",
    Jurisdiction::Cn,
    Kind::Conduct,
    Text::new("上门催收少于两人", "上門催收少於兩人", "Visit by a single collector"),
    Text::new(
        "上门催收应由不少于两名催收人员共同实施（仅见单一报道）。夜间上门另按夜间催收规则处理。",
        "上門催收應由不少於兩名催收人員共同實施（僅見單一報導）。夜間上門另按夜間催收規則處理。",
        "Visits should be made by at least two collectors together (single report). Night visits fall under the night rule.",
    ),
)
.params(&[Params {
    threshold: Threshold::FewerThan(CN_VISIT_MIN_STAFF as u32),
    window: Window::PerContact,
    unit: Unit::Collectors,
}])
.primary(&[CBA.art("第22条")]);

pub static CN_HOME_ENTRY: Rule = define(
    "CN-HOME-ENTRY",
    Jurisdiction::Cn,
    Kind::Safety,
    Text::new("闯入住宅或拒不离开", "闖入住宅或拒不離開", "Entered your home or refused to leave"),
    Text::new(
        "未经允许进入你的住宅，或经要求仍不离开。可以当场报警（110）。",
        "未經允許進入你的住宅，或經要求仍不離開。可以當場報警（110）。",
        "Entering your home without permission, or refusing to leave when asked. You can call the police (110) at once.",
    ),
)
.primary(&[
    CRIMINAL.art("第245条"),
    PSAPL_2012.art("第40条第(三)项"),
    PSAPL_2025,
    CIVIL.art("第1033条(二)"),
    CBA,
]);

pub static CN_VIOLENCE: Rule = define(
    "CN-VIOLENCE",
    Jurisdiction::Cn,
    Kind::Safety,
    Text::new("暴力、限制人身自由或跟踪", "暴力、限制人身自由或跟蹤", "Force, restraint or following"),
    Text::new(
        "使用暴力、限制你的人身自由或跟踪你。请立即报警（110），并索取受案回执。",
        "使用暴力、限制你的人身自由或跟蹤你。請立即報警（110），並索取受案回執。",
        "Using force, restricting your movement or following you. Call the police (110) now and ask for the case receipt (受案回执).",
    ),
)
.primary(&[
    CRIMINAL.art("第238条"),
    PSAPL_2012.art("第40条第(三)项"),
    PSAPL_2025.art("第50条").mark(Mark::R).when(Only::Ticks(&[Tick::Following])),
]);

pub static CN_ESCALATION: Rule = define(
    "CN-ESCALATION",
    Jurisdiction::Cn,
    Kind::Safety,
    Text::new("警方处理后继续骚扰", "警方處理後繼續騷擾", "Abuse continued after police action"),
    Text::new(
        "警方批评制止或处理处罚后继续殴打、辱骂、恐吓，可能构成寻衅滋事；违反禁止接触的决定也应受处罚。请带上新证据和此前的受案回执去同一派出所。",
        "警方批評制止或處理處罰後繼續毆打、辱罵、恐嚇，可能構成尋釁滋事；違反禁止接觸的決定也應受處罰。請帶上新證據和此前的受案回執去同一派出所。",
        "Hitting, insulting or threatening someone again after the police criticised, stopped or punished it can amount to 寻衅滋事; breaching a no-contact order is punishable too. Take the new evidence and the earlier case receipt to the same police station.",
    ),
)
.primary(&[
    src(
        "《最高人民法院、最高人民检察院关于办理寻衅滋事刑事案件适用法律若干问题的解释》（2013）",
        Some("第1条第3款"),
        Mark::T,
        Strength::Law,
    )
    .when(Only::Event(crate::domain::model::EventKind::PoliceIntervention)),
    PSAPL_2025
        .art("第50条第2款")
        .mark(Mark::R)
        .when(Only::Event(crate::domain::model::EventKind::NoContactOrder)),
]);

pub static CN_AFTER_COMPLAINT: Rule = define(
    "CN-AFTER-COMPLAINT",
    Jurisdiction::Cn,
    Kind::Process,
    Text::new("投诉后联系反而增多", "投訴後聯繫反而增多", "More contacts after a complaint"),
    Text::new(
        "投诉后7天内，该贷款机构的联系次数多于投诉前7天。这不是规定，但可能是报复性催收的迹象，值得在投诉跟进中提出。",
        "投訴後7天內，該貸款機構的聯繫次數多於投訴前7天。這不是規定，但可能是報復性催收的跡象，值得在投訴跟進中提出。",
        "In the 7 days after your complaint this lender contacted you more often than in the 7 days before. Not a rule, but it may be a sign of retaliation worth raising in the complaint follow-up.",
    ),
)
.params(&[Params {
    threshold: Threshold::Any,
    window: Window::Days(CN_COMPLAINT_DAYS),
    unit: Unit::Contacts,
}]);

pub static CN_AFTER_STOP_REQUEST: Rule = define(
    "CN-AFTER-STOP-REQUEST",
    Jurisdiction::Cn,
    Kind::Process,
    Text::new("要求停止或书面联系后仍来电", "要求停止或書面聯繫後仍來電", "Calls after you asked them to stop or write"),
    Text::new(
        "你要求停止来电或只用书面方式联系后，该贷款机构仍打电话或上门。内地没有经核实的规定赋予债务人叫停催收的权利（与美国不同），但可作为沟通和投诉的依据。",
        "你要求停止來電或只用書面方式聯繫後，該貸款機構仍打電話或上門。內地沒有經核實的規定賦予債務人叫停催收的權利（與美國不同），但可作為溝通和投訴的依據。",
        "The lender called or visited after you asked it to stop calling or to write only. No verified mainland source gives a debtor the right to stop collection contact (unlike the US), but it is worth raising.",
    ),
)
.related(&[CIVIL_1033_1]);

pub static CN_AGREEMENT_OLD_SCHEDULE: Rule = define(
    "CN-AGREEMENT-OLD-SCHEDULE",
    Jurisdiction::Cn,
    Kind::Process,
    Text::new("已达成协议仍按原条件催收", "已達成協議仍按原條件催收", "Collection on the old terms despite an agreement"),
    Text::new(
        "你与贷款机构达成了还款协议，且没有逾期（到期的每一期都已按时还款，或尚无到期的一期），对方仍联系你催收：你标记了“要求按原欠款/原条件还款”的联系会单独写明；其余联系只说明记录未标明只是提醒下一期还款。结果按债权人和自然周合并。这是实务建议，不是法律规则；仅口头或只经催收机构确认的协议较弱，请通过官方客服确认。从第一次逾期起，直到补清欠款，本规则暂停。",
        "你與貸款機構達成了還款協議，且沒有逾期（到期的每一期都已按時還款，或尚無到期的一期），對方仍聯繫你催收：你標記了「要求按原欠款/原條件還款」的聯繫會單獨寫明；其餘聯繫只說明記錄未標明只是提醒下一期還款。結果按債權人和自然週合併。這是實務建議，不是法律規則；僅口頭或只經催收機構確認的協議較弱，請透過官方客服確認。從第一次逾期起，直到補清欠款，本規則暫停。",
        "You reached a repayment agreement and are not behind (every instalment due so far was paid on time, or none is due yet), yet the lender still contacts you to collect. Contacts you marked as demanding the old amount or terms are named as such; for the others the finding only says they were not marked as a reminder of the next instalment. Findings are grouped per lender and calendar week. Practical guidance, not a legal rule; an agreement that was only spoken or confirmed only by an agency is weaker, so confirm via the lender's official hotline. The rule is off from a missed due date until the arrears are cleared.",
    ),
)
.related(&[CIVIL.art("第543条"), CIVIL.art("第509条"), CIVIL.art("第469条"), CIVIL.art("第544条")]);

pub static CN_ILLEGAL_DEBT: Rule = define(
    "CN-ILLEGAL-DEBT",
    Jurisdiction::Cn,
    Kind::Safety,
    Text::new("以暴力、威胁等方式催讨可能不受保护的债务", "以暴力、威脅等方式催討可能不受保護的債務", "Force or threats over a debt you marked as possibly unenforceable"),
    Text::new(
        "你标记这笔债务可能来自高利放贷、无牌放贷或套路贷，而催收方使用了暴力、威胁、限制自由、闯入住宅、跟踪或骚扰，情节严重的可能涉及刑法。本应用只询问你，从不判断债务本身是否合法有效。",
        "你標記這筆債務可能來自高利放貸、無牌放貸或套路貸，而催收方使用了暴力、威脅、限制自由、闖入住宅、跟蹤或騷擾，情節嚴重的可能涉及刑法。本應用只詢問你，從不判斷債務本身是否合法有效。",
        "You marked this debt as possibly arising from usury, an unlicensed lender or a 套路贷 scheme, and the collector used force, threats, restraint, home entry, following or harassment; serious cases may fall under the Criminal Law. The app only asks you; it never decides whether the debt is valid.",
    ),
)
.primary(&[CRIMINAL.art("第293条之一")]);

const DL_NOTE: Text = Text::new(
    "期限自次日起按自然日计算；最后一天是法定节假日或周末的，顺延至下一个工作日，以国务院办公厅每年的放假安排为准（调休上班的周末算工作日）。本应用收录了2024–2026年的放假安排；其他年份只顺延周末，结果中会注明。",
    "期限自次日起按自然日計算；最後一天是法定節假日或週末的，順延至下一個工作日，以國務院辦公廳每年的放假安排為準（調休上班的週末算工作日）。本應用收錄了2024–2026年的放假安排；其他年份只順延週末，結果中會註明。",
    "Counted in calendar days from the day after; a deadline on a public holiday or a weekend moves to the next working day, per the State Council's yearly holiday notice (a weekend day made a working day counts as one). The app has the notices for 2024–2026; in other years it moves deadlines off weekends only, and the finding says so.",
);

/// How deadlines are counted, and the notices behind `holidays::CN`.
static DL_RELATED: [Citation; 5] = [
    CIVIL.art("第201条"),
    CIVIL.art("第203条"),
    src(
        "国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）",
        None,
        Mark::T,
        Strength::Regulation,
    ),
    src(
        "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
        None,
        Mark::T,
        Strength::Regulation,
    ),
    src(
        "国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）",
        None,
        Mark::T,
        Strength::Regulation,
    ),
];

pub static CN_DL_CREDIT_DISPUTE: Rule = define(
    "CN-DL-CREDIT-DISPUTE",
    Jurisdiction::Cn,
    Kind::Reminder,
    Text::new("征信异议逾期未答复", "徵信異議逾期未答覆", "No reply to a credit-report dispute"),
    Text::new(
        "征信中心或报送机构应在收到异议之日起20日内答复。若已逾期，可向人民银行分支机构投诉。",
        "徵信中心或報送機構應在收到異議之日起20日內答覆。若已逾期，可向人民銀行分支機構投訴。",
        "The Credit Reference Center or the reporting lender must reply within 20 days of receiving the dispute. If it is late, you can complain to the PBOC branch.",
    ),
)
.params(&[Params {
    threshold: Threshold::Any,
    window: Window::Deadline(CN_DL_CREDIT_DISPUTE_DAYS),
    unit: Unit::Contacts,
}])
.primary(&[CREDIT_REG.art("第25条")])
.related(&DL_RELATED)
.scope(DL_NOTE);

pub static CN_DL_CREDIT_COMPLAINT: Rule = define(
    "CN-DL-CREDIT-COMPLAINT",
    Jurisdiction::Cn,
    Kind::Reminder,
    Text::new(
        "人民银行分支机构逾期未答复",
        "人民銀行分支機構逾期未答覆",
        "No reply from the PBOC branch",
    ),
    Text::new(
        "人民银行分支机构应在受理投诉之日起30日内答复；你也可以直接起诉。",
        "人民銀行分支機構應在受理投訴之日起30日內答覆；你也可以直接起訴。",
        "The PBOC branch must reply within 30 days of accepting the complaint; you may also sue.",
    ),
)
.params(&[Params {
    threshold: Threshold::Any,
    window: Window::Deadline(CN_DL_CREDIT_COMPLAINT_DAYS),
    unit: Unit::Contacts,
}])
.primary(&[CREDIT_REG.art("第26条")])
.related(&DL_RELATED)
.scope(DL_NOTE);

pub static CN_DL_FI_COMPLAINT: Rule = define(
    "CN-DL-FI-COMPLAINT",
    Jurisdiction::Cn,
    Kind::Reminder,
    Text::new("银行或保险机构逾期未答复投诉", "銀行或保險機構逾期未答覆投訴", "No reply from a bank or insurer"),
    Text::new(
        "银行保险机构一般应在15日内答复投诉，情况复杂的可延长至30日，特别复杂的再延长30日（共60日）。逾期后可拨打12378并提供机构的投诉编号。",
        "銀行保險機構一般應在15日內答覆投訴，情況複雜的可延長至30日，特別複雜的再延長30日（共60日）。逾期後可撥打12378並提供機構的投訴編號。",
        "A bank or insurer should reply within 15 days, 30 if complex, and 30 more (60 in all) if especially complex. After that, call 12378 and quote the institution's reference.",
    ),
)
.params(&[Params {
    threshold: Threshold::Any,
    window: Window::Deadline(CN_DL_FI_COMPLAINT_DAYS),
    unit: Unit::Contacts,
}])
.primary(&[FI_COMPLAINTS])
.related(&DL_RELATED)
.scope(DL_NOTE);

// ---- United States ---------------------------------------------------------------

pub static US_HOURS: Rule = define(
    "US-HOURS",
    Jurisdiction::Us,
    Kind::Timing,
    Text::new("不便时间联系（08:00前或21:00后）", "不便時間聯繫（08:00前或21:00後）", "Contact before 8 a.m. or from 9 p.m."),
    Text::new(
        "除非你事先直接同意，催收人只能在你当地时间早上8点之后、晚上9点之前联系你。本应用不把08:00:00本身算作违规，以免一秒之差夸大。",
        "除非你事先直接同意，催收人只能在你當地時間早上8點之後、晚上9點之前聯繫你。本應用不把08:00:00本身算作違規，以免一秒之差誇大。",
        "Unless you consented directly, a collector may contact you only after 8 a.m. and before 9 p.m. your local time. The app accepts 08:00:00 itself, to avoid over-claiming on one second.",
    ),
)
.params(&[allowed(US_DAY_START, US_DAY_END)])
.primary(&[FDCPA.art("§1692c(a)(1)"), REG_F.art("§1006.6(b)(1)(i)")]);

/// Checked against `Inconvenient` events: hours by the local clock, places
/// by visits there, from the day after the user said it.
pub static US_INCONVENIENT: Rule = define(
    "US-INCONVENIENT",
    Jurisdiction::Us,
    Kind::Timing,
    Text::new("在你说过不方便的时间或地点联系", "在你說過不方便的時間或地點聯繫", "Contact at a time or place you said is inconvenient"),
    Text::new(
        "你告诉催收人某个时段或地点不方便后，催收人不得在该时段或地点联系你。在本页记下你说过的时段（例如“10:00之前”）或地点（住所、工作单位）以及说的日期，本应用从第二天起核对：时段按你所在时区的钟点，地点按上门记录。",
        "你告訴催收人某個時段或地點不方便後，催收人不得在該時段或地點聯繫你。在本頁記下你說過的時段（例如「10:00之前」）或地點（住所、工作單位）以及說的日期，本應用從第二天起核對：時段按你所在時區的鐘點，地點按上門記錄。",
        "Once you tell a collector a time or place is inconvenient, it may not contact you then or there. Record on this page what you said (hours such as \"not before 10:00\", or your home or workplace) and the date; the app checks contacts from the next day on: hours by your local clock, places by logged visits there.",
    ),
)
.primary(&[FDCPA.art("§1692c(a)(1)")]);

pub static US_FREQ_7IN7: Rule = define(
    "US-FREQ-7IN7",
    Jurisdiction::Us,
    Kind::Frequency,
    Text::new("7天内来电超过7次", "7天內來電超過7次", "More than 7 calls in 7 days"),
    Text::new(
        "同一催收人就同一笔债务给同一人打电话，任意连续7天内超过7次即推定违规（可被推翻）。未接通和转入语音信箱的电话也算；占线、空号不算；短信和电邮不算。",
        "同一催收人就同一筆債務給同一人打電話，任意連續7天內超過7次即推定違規（可被推翻）。未接通和轉入語音信箱的電話也算；佔線、空號不算；簡訊和電郵不算。",
        "A collector placing more than 7 calls to one person about one debt within 7 consecutive days is presumed to violate Regulation F (rebuttable). Unanswered calls and voicemail count; busy signals and dead numbers do not; texts and emails do not.",
    ),
)
.params(&[Params {
    threshold: Threshold::MoreThan(US_7IN7_LIMIT),
    window: Window::Days(US_WINDOW_DAYS),
    unit: Unit::Calls,
}])
.primary(&[REG_F.art("§1006.14(b)(2)")])
.wording(PRESUMED);

pub static US_AFTER_CONVERSATION: Rule = define(
    "US-AFTER-CONVERSATION",
    Jurisdiction::Us,
    Kind::Frequency,
    Text::new("通话后7天内再次来电", "通話後7天內再次來電", "Call within 7 days after a conversation"),
    Text::new(
        "就某笔债务与你通话后（不论谁打的），通话当天算第1天，第1至7天内催收人再打电话即推定违规（可被推翻）；第8天起不受此限。新的通话重新起算。",
        "就某筆債務與你通話後（不論誰打的），通話當天算第1天，第1至7天內催收人再打電話即推定違規（可被推翻）；第8天起不受此限。新的通話重新起算。",
        "After a telephone conversation with you about a debt (whoever called), the conversation date is day 1; a collector call on days 1–7 is presumed to violate Regulation F (rebuttable); day 8 is clear. A new conversation restarts the window.",
    ),
)
.params(&[Params {
    threshold: Threshold::Any,
    window: Window::Days(US_WINDOW_DAYS),
    unit: Unit::Calls,
}])
.primary(&[REG_F.art("§1006.14(b)(2)(i)(B)")])
.wording(PRESUMED);

pub static US_CEASE: Rule = define(
    "US-CEASE",
    Jurisdiction::Us,
    Kind::Conduct,
    Text::new("书面要求停止后仍联系", "書面要求停止後仍聯繫", "Contact after your written cease notice"),
    Text::new(
        "催收人收到你书面拒付或要求停止联系后，只能再联系你告知停止催收或将采取的具体措施。邮寄的通知自收到时生效；不知道收到日期时，以你寄出的日期为准。",
        "催收人收到你書面拒付或要求停止聯繫後，只能再聯繫你告知停止催收或將採取的具體措施。郵寄的通知自收到時生效；不知道收到日期時，以你寄出的日期為準。",
        "Once a collector receives your written refusal to pay or request to stop, it may contact you only to say collection is ending or to notify a specific remedy. Mailed notices take effect on receipt; if that date is unknown, this counts from when you sent it.",
    ),
)
.primary(&[FDCPA.art("§1692c(c)"), REG_F.art("§1006.6(c)")]);

pub static US_ATTORNEY: Rule = define(
    "US-ATTORNEY",
    Jurisdiction::Us,
    Kind::Conduct,
    Text::new("你有律师代理时仍直接联系你", "你有律師代理時仍直接聯繫你", "Contact while you have an attorney"),
    Text::new(
        "催收人知道你由律师代理后，应联系律师而非你本人，除非律师在合理时间内不回应或同意。",
        "催收人知道你由律師代理後，應聯繫律師而非你本人，除非律師在合理時間內不回應或同意。",
        "Once the collector knows an attorney represents you, it must contact the attorney, not you, unless the attorney fails to respond in reasonable time or consents.",
    ),
)
.primary(&[FDCPA.art("§1692c(a)(2)")]);

pub static US_WORKPLACE: Rule = define(
    "US-WORKPLACE",
    Jurisdiction::Us,
    Kind::Conduct,
    Text::new("单位禁止后仍在工作场所联系", "單位禁止後仍在工作場所聯繫", "Contact at work after being told it is prohibited"),
    Text::new(
        "催收人知道或应当知道你的雇主禁止此类联系后，不得在工作场所联系你。",
        "催收人知道或應當知道你的雇主禁止此類聯繫後，不得在工作場所聯繫你。",
        "A collector may not contact you at work once it knows or has reason to know your employer prohibits it.",
    ),
)
.primary(&[FDCPA.art("§1692c(a)(3)"), REG_F.art("§1006.6(b)(3)")]);

pub static US_THIRD_PARTY: Rule = define(
    "US-THIRD-PARTY",
    Jurisdiction::Us,
    Kind::Privacy,
    Text::new("向第三人谈论你的债务", "向第三人談論你的債務", "Your debt discussed with others"),
    Text::new(
        "未经你直接同意，催收人不得与他人谈论你的债务。为查找你的下落而联系他人时不得提及债务，且对同一人一般只能联系一次。",
        "未經你直接同意，催收人不得與他人談論你的債務。為查找你的下落而聯繫他人時不得提及債務，且對同一人一般只能聯繫一次。",
        "Without your direct consent a collector may not discuss your debt with others. Calls to find your location must not mention the debt and are allowed once per person as a rule.",
    ),
)
.primary(&[FDCPA.art("§1692c(b)"), FDCPA.art("§1692b"), REG_F.art("§1006.6(d)")]);

pub static US_MEDIUM: Rule = define(
    "US-MEDIUM",
    Jurisdiction::Us,
    Kind::Conduct,
    Text::new("使用你已拒绝的联系方式", "使用你已拒絕的聯繫方式", "Using a medium you opted out of"),
    Text::new(
        "你要求只用书面方式联系后，催收人仍打电话或上门。条文似乎不要求该要求必须是书面的，这一点未经核实。",
        "你要求只用書面方式聯繫後，催收人仍打電話或上門。條文似乎不要求該要求必須是書面的，這一點未經核實。",
        "After you asked for written contact only, the collector called or visited. The text does not appear to require the request itself to be in writing; that point is unverified.",
    ),
)
.primary(&[REG_F.art("§1006.14(h)(1)")])
.unverified();

pub static US_CONDUCT: Rule = define(
    "US-CONDUCT",
    Jurisdiction::Us,
    Kind::Conduct,
    Text::new("骚扰、虚假陈述或不当收费", "騷擾、虛假陳述或不當收費", "Harassment, false statements or unauthorised amounts"),
    Text::new(
        "威胁暴力、使用粗言秽语、不表明身份、谎称会被逮捕或冒充律师、政府人员、夸大欠款、收取协议或法律未允许的金额，以及在公开可见的社交媒体上发信息，都受联邦法律约束。",
        "威脅暴力、使用粗言穢語、不表明身分、謊稱會被逮捕或冒充律師、政府人員、誇大欠款、收取協議或法律未允許的金額，以及在公開可見的社群媒體上發訊息，都受聯邦法律約束。",
        "Threats of violence, obscene language, hiding identity, false claims of arrest or of being an attorney or official, misstating the amount, collecting unauthorised amounts and public social-media messages are covered by federal law.",
    ),
)
.primary(&[
    FDCPA.art("§1692d").when(Only::Ticks(&[
        Tick::ThreatHarm,
        Tick::ThreatFamily,
        Tick::Insult,
        Tick::Obscene,
        Tick::RefusedIdentity,
        Tick::PublicExposure,
    ])),
    FDCPA.art("§1692e").when(Only::Ticks(&[
        Tick::FalseArrestClaim,
        Tick::ImpersonateLawyer,
        Tick::ImpersonateOfficial,
        Tick::FakeBlacklist,
        Tick::ExaggeratedAmount,
        Tick::FalseFamilyConsequence,
    ])),
    FDCPA.art("§1692f(1)").when(Only::Ticks(&[Tick::ExtraFeeDemand])),
    REG_F.art("§1006.14(g)").when(Only::Ticks(&[Tick::RefusedIdentity])),
    REG_F.art("§1006.22(f)(4)").when(Only::Ticks(&[Tick::PublicExposure])),
]);

pub static US_TIME_BARRED: Rule = define(
    "US-TIME-BARRED",
    Jurisdiction::Us,
    Kind::Conduct,
    Text::new("就已过诉讼时效的债务威胁起诉", "就已過訴訟時效的債務威脅起訴", "Lawsuit threatened on a time-barred debt"),
    Text::new(
        "你标记这笔债务已过诉讼时效（时效期间由你提供），催收人不得起诉或威胁起诉。",
        "你標記這筆債務已過訴訟時效（時效期間由你提供），催收人不得起訴或威脅起訴。",
        "You marked this debt as time-barred (you supply the limitation period); a collector may not sue or threaten to sue on it.",
    ),
)
.primary(&[REG_F.art("§1006.26(b)")]);

// ---- Other jurisdictions ------------------------------------------------------------

pub static IN_HOURS: Rule = define(
    "IN-HOURS",
    Jurisdiction::In,
    Kind::Timing,
    Text::new("08:00–19:00以外的催收电话", "08:00–19:00以外的催收電話", "Recovery contact outside 08:00–19:00"),
    Text::new(
        "印度储备银行要求催收只在08:00至19:00之间进行；同一通知也禁止恐吓、公开羞辱、侵扰亲属和推荐人的隐私以及持续来电。",
        "印度儲備銀行要求催收只在08:00至19:00之間進行；同一通知也禁止恐嚇、公開羞辱、侵擾親屬和推薦人的隱私以及持續來電。",
        "The RBI allows recovery calls only between 08:00 and 19:00; the same circular bans intimidation, public humiliation, intruding on relatives' and referees' privacy, and persistent calling.",
    ),
)
.params(&[allowed(IN_DAY_START, IN_DAY_END)])
.primary(&[src(
    "RBI circular \"Outsourcing of Financial Services – Responsibilities of regulated entities employing Recovery Agents\" (12 Aug 2022)",
    None,
    Mark::R,
    Strength::Regulation,
)
.since(ymd(2022, 8, 12))
.bind(Text::new(
    "适用于受印度储备银行监管的机构及其催收代理",
    "適用於受印度儲備銀行監管的機構及其催收代理",
    "applies to RBI-regulated entities and their recovery agents",
))]);

const PH_SEC: Citation = src(
    "SEC Memorandum Circular No. 18, s. 2019",
    None,
    Mark::R,
    Strength::Regulation,
)
.bind(Text::new(
    "适用于菲律宾的融资和贷款公司及其催收人员",
    "適用於菲律賓的融資和貸款公司及其催收人員",
    "applies to Philippine financing and lending companies and their collectors",
));

pub static PH_HOURS: Rule = define(
    "PH-HOURS",
    Jurisdiction::Ph,
    Kind::Timing,
    Text::new("06:00前或22:00后联系", "06:00前或22:00後聯繫", "Contact before 06:00 or from 22:00"),
    Text::new(
        "除非你明确同意，融资和贷款公司不得在06:00前或22:00后联系你。",
        "除非你明確同意，融資和貸款公司不得在06:00前或22:00後聯繫你。",
        "Unless you expressly consented, financing and lending companies may not contact you before 06:00 or after 22:00.",
    ),
)
.params(&[allowed(PH_DAY_START, PH_DAY_END)])
.primary(&[PH_SEC.art("s. 2")])
.scope(Text::new(
    "仅在账户逾期不超过15天时适用；本应用不知道逾期天数，请自行核对",
    "僅在帳戶逾期不超過15天時適用；本應用不知道逾期天數，請自行核對",
    "applies only while the account is 15 days or less past due; the app does not know the days past due, so check this yourself",
));

pub static PH_CONTACTS: Rule = define(
    "PH-CONTACTS",
    Jurisdiction::Ph,
    Kind::Privacy,
    Text::new("联系通讯录或公开你的姓名", "聯繫通訊錄或公開你的姓名", "Phone-book contacts reached or your name published"),
    Text::new(
        "不得联系你通讯录中除担保人、共同借款人以外的人，也不得公开借款人的姓名。",
        "不得聯繫你通訊錄中除擔保人、共同借款人以外的人，也不得公開借款人的姓名。",
        "Collectors may not contact people in your phone book other than guarantors or co-makers, nor publish borrowers' names.",
    ),
)
.primary(&[PH_SEC.art("s. 1")]);

const AU_GUIDELINE: Citation = src(
    "ACCC/ASIC Debt collection guideline (2021)",
    None,
    Mark::T,
    Strength::Regulation,
)
.bind(Text::new(
    "监管机构的指引，本身不是法律",
    "監管機構的指引，本身不是法律",
    "a regulators' guideline, not itself law",
));

pub static AU_HOURS: Rule = define(
    "AU-HOURS",
    Jurisdiction::Au,
    Kind::Timing,
    Text::new("不合理时间联系", "不合理時間聯繫", "Contact outside reasonable hours"),
    Text::new(
        "电话联系：周一至周五07:30–21:00，周末09:00–21:00；上门：09:00–21:00；工作场所：工作日09:00–17:00。全国公众假日全天不应联系，你提出的合理要求优先。本应用核对2024–2026年的全国公众假日（元旦、澳大利亚国庆日、耶稣受难日、复活节星期一、澳新军团日、圣诞节、节礼日，以各州都放假的日期为准）；各州自己的假日、只有部分州设的补假日和各州日期不同的国王诞辰不在其内，其他年份不核对假日。",
        "電話聯繫：週一至週五07:30–21:00，週末09:00–21:00；上門：09:00–21:00；工作場所：工作日09:00–17:00。全國公眾假日全天不應聯繫，你提出的合理要求優先。本應用核對2024–2026年的全國公眾假日（元旦、澳洲國慶日、耶穌受難日、復活節星期一、澳紐軍團日、聖誕節、節禮日，以各州都放假的日期為準）；各州自己的假日、只有部分州設的補假日和各州日期不同的國王誕辰不在其內，其他年份不核對假日。",
        "Phone: Mon–Fri 07:30–21:00, weekends 09:00–21:00; visits: 09:00–21:00; workplace: weekdays 09:00–17:00. No contact at all on national public holidays; your reasonable requests take priority. The app checks the national public holidays of 2024–2026 (New Year's Day, Australia Day, Good Friday, Easter Monday, Anzac Day, Christmas Day, Boxing Day, on the dates every state and territory observes); state-only holidays, substitute days only some states declare and the King's Birthday (its date differs by state) are left out, and other years are not checked for holidays.",
    ),
)
.params(&[
    allowed(AU_PHONE_WEEKDAY_START, AU_DAY_END),
    allowed(AU_WEEKEND_START, AU_DAY_END),
    allowed(AU_VISIT_START, AU_WORKPLACE_END),
])
.primary(&[AU_GUIDELINE.art("Part 2 §4")])
.related(&[src(
    "Fair Work Act 2009 (Cth)",
    Some("s 115(1)(a)"),
    Mark::T,
    Strength::Law,
)]);

pub static AU_FREQ: Rule = define(
    "AU-FREQ",
    Jurisdiction::Au,
    Kind::Frequency,
    Text::new("联系过于频繁", "聯繫過於頻繁", "Too many contacts"),
    Text::new(
        "每个账户每周不超过3次、每月不超过10次实际联系（只计实际联系上的，不计尝试）。指引未界定“周”和“月”，本应用按周一至周日和自然月计算。过多的尝试本身也可能构成骚扰。",
        "每個帳戶每週不超過3次、每月不超過10次實際聯繫（只計實際聯繫上的，不計嘗試）。指引未界定「週」和「月」，本應用按週一至週日和自然月計算。過多的嘗試本身也可能構成騷擾。",
        "No more than 3 contacts a week or 10 a month per account, counting contact actually made, not attempts. 'Week' and 'month' are undefined, so the app uses Monday–Sunday weeks and calendar months. Excessive attempts can also be harassment.",
    ),
)
.params(&[
    Params { threshold: Threshold::MoreThan(AU_WEEK_LIMIT), window: Window::CalendarWeek, unit: Unit::Contacts },
    Params { threshold: Threshold::MoreThan(AU_MONTH_LIMIT), window: Window::CalendarMonth, unit: Unit::Contacts },
])
.primary(&[AU_GUIDELINE.art("Part 2 §5")]);

pub static TW_HOURS: Rule = define(
    "TW-HOURS",
    Jurisdiction::Tw,
    Kind::Timing,
    Text::new("07:00前或22:00后催收", "07:00前或22:00後催收", "Collection before 07:00 or from 22:00"),
    Text::new(
        "除非你同意，催收只能在07:00至22:00之间进行；也不得通过第三人催收，上门须佩戴证件并记录，未经同意不得进入住宅。",
        "除非你同意，催收只能在07:00至22:00之間進行；也不得透過第三人催收，上門須佩戴證件並記錄，未經同意不得進入住宅。",
        "Unless you consent, collection is allowed only between 07:00 and 22:00; no collecting through third parties; visiting collectors wear ID and record the visit; no entering the home without consent.",
    ),
)
.params(&[allowed(TW_DAY_START, TW_DAY_END)])
.primary(&[src("保險業作業委託他人處理應注意事項", Some("第12點"), Mark::R, Strength::Regulation)
    .since(ymd(2023, 8, 10))
    .bind(Text::new(
        "适用于保险业委外催收；银行业同一时段的要求据报道存在，但未经核实",
        "適用於保險業委外催收；銀行業同一時段的要求據報導存在，但未經核實",
        "applies to insurers' outsourced collection; the same window for banks is reported but unverified",
    ))]);

pub static HK_CODE: Rule = define(
    "HK-CODE",
    Jurisdiction::Hk,
    Kind::Conduct,
    Text::new("香港《银行营运守则》的催收要求", "香港《銀行營運守則》的催收要求", "Hong Kong Code of Banking Practice on collection"),
    Text::new(
        "不得持续来电、不得在不合理时间来电、不得公开羞辱，也不得向非担保人的推荐人或家人追讨。守则没有具体钟点，本应用无法自动核对，请对照记录自行判断。",
        "不得持續來電、不得在不合理時間來電、不得公開羞辱，也不得向非擔保人的推薦人或家人追討。守則沒有具體鐘點，本應用無法自動核對，請對照記錄自行判斷。",
        "No persistent calls, no calls at unreasonable hours, no public humiliation, no recovery from referees or family who are not guarantors. The code gives no clock times, so the app cannot check it; compare it with your log yourself.",
    ),
)
.primary(&[src("Code of Banking Practice (HKAB/DTCA, monitored by the HKMA)", None, Mark::R, Strength::SelfRegulation)])
.info_only();

pub static UK_CONC: Rule = define(
    "UK-CONC",
    Jurisdiction::Uk,
    Kind::Conduct,
    Text::new("英国FCA催收规则（CONC 7.9）", "英國FCA催收規則（CONC 7.9）", "UK FCA rules on collection (CONC 7.9)"),
    Text::new(
        "不得在不合理时间联系，应尊重你对联系时间、地点和方式的合理要求，不得不当向第三人披露，不得让你公开难堪。规则没有具体钟点，本应用无法自动核对。",
        "不得在不合理時間聯繫，應尊重你對聯繫時間、地點和方式的合理要求，不得不當向第三人披露，不得讓你公開難堪。規則沒有具體鐘點，本應用無法自動核對。",
        "No contact at unreasonable times; reasonable requests about when, where and how to contact you must be honoured; no unfair disclosure to third parties; no public embarrassment. The rules give no clock times, so the app cannot check them.",
    ),
)
.primary(&[
    src("FCA Handbook CONC 7.9", None, Mark::T, Strength::Regulation),
    src("FCA Handbook", Some("CONC 7.9.7R"), Mark::T, Strength::Regulation),
])
.info_only();

/// Every rule, in `rules.md` order.
pub static RULES: [&Rule; 49] = [
    &CN_HOURS,
    &CN_DAILY_CONNECTED,
    &CN_DAILY_ATTEMPTS,
    &CN_BURST,
    &CN_REPEATED_ABUSE,
    &CN_TP_COLLECT,
    &CN_TP_WHILE_REACHABLE,
    &CN_TP_AFTER_REFUSAL,
    &CN_TP_DISCLOSURE,
    &CN_PHONEBOOK,
    &CN_THREAT,
    &CN_INSULT,
    &CN_IMPERSONATION,
    &CN_FALSE_CONSEQUENCES,
    &CN_EXTRA_FEES,
    &CN_NEW_LOAN,
    &CN_PUBLIC_EXPOSURE,
    &CN_NO_IDENTITY,
    &CN_PRIVATE_CHANNEL,
    &CN_VISIT_STAFF,
    &CN_HOME_ENTRY,
    &CN_VIOLENCE,
    &CN_ESCALATION,
    &CN_AFTER_COMPLAINT,
    &CN_AFTER_STOP_REQUEST,
    &CN_AGREEMENT_OLD_SCHEDULE,
    &CN_ILLEGAL_DEBT,
    &CN_DL_CREDIT_DISPUTE,
    &CN_DL_CREDIT_COMPLAINT,
    &CN_DL_FI_COMPLAINT,
    &US_HOURS,
    &US_INCONVENIENT,
    &US_FREQ_7IN7,
    &US_AFTER_CONVERSATION,
    &US_CEASE,
    &US_ATTORNEY,
    &US_WORKPLACE,
    &US_THIRD_PARTY,
    &US_MEDIUM,
    &US_CONDUCT,
    &US_TIME_BARRED,
    &IN_HOURS,
    &PH_HOURS,
    &PH_CONTACTS,
    &AU_HOURS,
    &AU_FREQ,
    &TW_HOURS,
    &HK_CODE,
    &UK_CONC,
];

/// The rules of one jurisdiction, for the rules page.
pub fn catalog(jurisdiction: Jurisdiction) -> impl Iterator<Item = &'static Rule> {
    RULES
        .iter()
        .copied()
        .filter(move |r| r.jurisdiction == jurisdiction)
}

pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().copied().find(|r| r.id == id)
}
