//! Words for the model's closed sets, in the three languages. Exhaustive
//! matches: a new variant without its words fails the build.

use super::model::{
    AgreementKind, Channel, ClaimedOrg, Direction, LenderType, NegotiationChannel, Outcome,
    Product, Target, Tick,
};
use crate::i18n::Text;

const fn t(zh_cn: &'static str, zh_tw: &'static str, en: &'static str) -> Text {
    Text::new(zh_cn, zh_tw, en)
}

pub fn channel(c: Channel) -> Text {
    match c {
        Channel::Call => t("电话", "電話", "Phone call"),
        Channel::Sms => t("短信", "簡訊", "SMS"),
        Channel::Messaging => t("微信/QQ等", "微信/LINE等", "Messaging app"),
        Channel::Email => t("邮件", "電子郵件", "E-mail"),
        Channel::Letter => t("信件", "信件", "Letter"),
        Channel::HomeVisit => t("上门", "到府", "Home visit"),
        Channel::WorkplaceVisit => t("到单位", "到公司", "Workplace visit"),
        Channel::SocialMedia => t("社交媒体/群发", "社群媒體/群發", "Social media / group"),
        Channel::Other => t("其他", "其他", "Other"),
    }
}

pub fn outcome(o: Outcome) -> Text {
    match o {
        Outcome::Talked => t("接通了", "接通了", "Answered"),
        Outcome::Unanswered => t("未接/拒接", "未接/拒接", "Missed / declined"),
        Outcome::Voicemail => t("语音信箱", "語音信箱", "Voicemail"),
        Outcome::NotConnected => t(
            "没打通（忙线/空号）",
            "沒打通（忙線/空號）",
            "Not connected (busy/invalid)",
        ),
    }
}

pub fn direction(d: Direction) -> Text {
    match d {
        Direction::Incoming => t("对方联系我", "對方聯繫我", "They contacted me"),
        Direction::Outgoing => t(
            "我主动联系（如打客服）",
            "我主動聯繫（如打客服）",
            "I contacted them (e.g. hotline)",
        ),
    }
}

pub fn target(x: Target) -> Text {
    match x {
        Target::Debtor => t("我本人", "我本人", "Me"),
        Target::Guarantor => t("担保人", "保證人", "Guarantor"),
        Target::SpouseDebtRelated => t(
            "配偶（用于家庭的债务）",
            "配偶（用於家庭的債務）",
            "Spouse (household debt)",
        ),
        Target::SpouseOther => t("配偶", "配偶", "Spouse"),
        Target::Relative => t("亲属", "親屬", "Relative"),
        Target::Friend => t("朋友", "朋友", "Friend"),
        Target::Colleague => t("同事", "同事", "Colleague"),
        Target::Employer => t("单位/领导", "公司/主管", "Employer"),
        Target::EmergencyContact => t("紧急联系人", "緊急聯絡人", "Emergency contact"),
        Target::PhonebookContact => t(
            "通讯录里的其他人",
            "通訊錄裡的其他人",
            "Someone from my phone book",
        ),
        Target::Unknown => t("不清楚", "不清楚", "Unknown"),
    }
}

pub fn claimed_org(o: ClaimedOrg) -> Text {
    match o {
        ClaimedOrg::Unknown => t("没说/不清楚", "沒說/不清楚", "Not said"),
        ClaimedOrg::Lender => t("贷款方本身", "貸款方本身", "The lender"),
        ClaimedOrg::Agency => t("催收公司", "催收公司", "Collection agency"),
        ClaimedOrg::LawFirm => t("“律师事务所”", "「律師事務所」", "\"Law firm\""),
        ClaimedOrg::Court => t("“法院”", "「法院」", "\"Court\""),
        ClaimedOrg::Police => t("“公安/警察”", "「警察」", "\"Police\""),
        ClaimedOrg::Other => t("其他", "其他", "Other"),
    }
}

pub fn tick(x: Tick) -> Text {
    match x {
        Tick::ThreatHarm => t("威胁人身安全", "威脅人身安全", "Threatened harm"),
        Tick::ThreatFamily => t("威胁家人", "威脅家人", "Threatened my family"),
        Tick::Insult => t("辱骂", "辱罵", "Insults"),
        Tick::Obscene => t("下流/淫秽语言", "下流/猥褻語言", "Obscene language"),
        Tick::FalseArrestClaim => t(
            "说要抓我/坐牢/留案底",
            "說要抓我/坐牢/留案底",
            "Said I'd be arrested / get a record",
        ),
        Tick::FakeBlacklist => t(
            "说上“黑名单”/全国通报",
            "說上「黑名單」/全國通報",
            "Threatened a \"blacklist\"",
        ),
        Tick::ExaggeratedAmount => t("夸大欠款金额", "誇大欠款金額", "Exaggerated the amount"),
        Tick::FalseFamilyConsequence => t(
            "说会连累家人（子女上学等）",
            "說會連累家人（子女上學等）",
            "Said my family would suffer (e.g. kids' school)",
        ),
        Tick::ImpersonateOfficial => t(
            "冒充公检法/政府",
            "冒充警察/法院/政府",
            "Posed as police / court / official",
        ),
        Tick::ImpersonateLawyer => t("冒充律师", "冒充律師", "Posed as a lawyer"),
        Tick::ExtraFeeDemand => t("要求额外费用", "要求額外費用", "Demanded extra fees"),
        Tick::PushNewLoan => t(
            "让我借新还旧",
            "讓我借新還舊",
            "Pushed me to borrow to repay",
        ),
        Tick::DisclosedDebt => t(
            "向别人透露我欠钱",
            "向別人透露我欠錢",
            "Told others about my debt",
        ),
        Tick::AskedThirdPartyToPay => {
            t("要别人替我还", "要別人替我還", "Asked someone else to pay")
        }
        Tick::PublicExposure => t(
            "公开曝光/发到群里",
            "公開曝光/發到群組",
            "Exposed me publicly / in a group",
        ),
        Tick::ThreatenedContacts => t(
            "威胁“爆通讯录”",
            "威脅「爆通訊錄」",
            "Threatened to call my contacts",
        ),
        Tick::VisitThreat => t("威胁上门", "威脅到府", "Threatened a visit"),
        Tick::RefusedIdentity => t(
            "拒绝说明身份/机构",
            "拒絕說明身分/機構",
            "Refused to say who they are",
        ),
        Tick::PersonalChannel => t(
            "用私人手机/微信催收",
            "用私人手機/通訊軟體催收",
            "Used a personal phone / app account",
        ),
        Tick::DemandedOldAmount => t(
            "按原来的金额/期限催",
            "按原來的金額/期限催",
            "Demanded the old amount / terms",
        ),
        Tick::ReminderOnly => t(
            "只是提醒按新计划还款",
            "只是提醒按新計畫還款",
            "Only a reminder of the new plan",
        ),
        Tick::ThreatenedLawsuit => t("威胁起诉", "威脅提告", "Threatened to sue"),
        Tick::EnteredHome => t("进入我家", "進入我家", "Entered my home"),
        Tick::RefusedToLeave => t("赖着不走", "賴著不走", "Refused to leave"),
        Tick::PhysicalForce => t("动手/暴力", "動手/暴力", "Used force"),
        Tick::RestrictedMovement => t("限制我离开", "限制我離開", "Stopped me leaving"),
        Tick::Following => t("跟踪", "跟蹤", "Followed me"),
        Tick::StopRequested => t(
            "我/被联系人要求别再打",
            "我/被聯繫人要求別再打",
            "Asked them to stop",
        ),
        Tick::WritingOnlyRequested => t(
            "我要求只用书面联系",
            "我要求只用書面聯繫",
            "I asked for writing only",
        ),
        Tick::HoursRequested => t(
            "我要求只在某些时段联系",
            "我要求只在某些時段聯繫",
            "I asked for certain hours only",
        ),
        Tick::ConsentGiven => t(
            "这个时间是我同意的",
            "這個時間是我同意的",
            "I agreed to this time",
        ),
        Tick::LocationCall => t(
            "只是打听我的下落",
            "只是打聽我的下落",
            "Only asked where I am",
        ),
    }
}

pub fn product(p: Product) -> Text {
    match p {
        Product::OnlineLoan => t("网贷", "網路貸款", "Online loan"),
        Product::CreditCard => t("信用卡", "信用卡", "Credit card"),
        Product::ConsumerLoan => t("消费贷", "消費貸款", "Consumer loan"),
        Product::Other => t("其他", "其他", "Other"),
    }
}

pub fn lender_type(l: LenderType) -> Text {
    match l {
        LenderType::BankCard => t("银行信用卡", "銀行信用卡", "Bank credit card"),
        LenderType::BankLoan => t("银行贷款", "銀行貸款", "Bank loan"),
        LenderType::ConsumerFinance => {
            t("消费金融公司", "消費金融公司", "Consumer finance company")
        }
        LenderType::OnlinePlatform => t(
            "网贷平台/小贷公司",
            "網貸平台/小額貸款公司",
            "Online platform / small-loan company",
        ),
        LenderType::Unknown => t("不清楚", "不清楚", "Not sure"),
    }
}

pub fn agreement_kind(k: AgreementKind) -> Text {
    match k {
        AgreementKind::Extension => t("延期还款", "延期還款", "Extension"),
        AgreementKind::Instalments => t("分期/个性化分期", "分期/個別化分期", "Instalment plan"),
        AgreementKind::ReducedInterest => t(
            "减免利息或费用",
            "減免利息或費用",
            "Reduced interest or fees",
        ),
        AgreementKind::PartialWaiver => t("减免部分本金", "減免部分本金", "Partial waiver"),
        AgreementKind::Other => t("其他", "其他", "Other"),
    }
}

pub fn negotiation_channel(c: NegotiationChannel) -> Text {
    match c {
        NegotiationChannel::OfficialHotline => {
            t("官方客服电话", "官方客服電話", "Official hotline")
        }
        NegotiationChannel::App => t("官方 App/网站", "官方 App/網站", "Official app / website"),
        NegotiationChannel::Letter => t("书面信函", "書面信函", "Letter"),
        NegotiationChannel::InPerson => t("到网点当面", "到分行當面", "In person"),
        NegotiationChannel::CollectorPhone => t(
            "催收员电话（未经确认）",
            "催收員電話（未經確認）",
            "A collector's phone (unconfirmed)",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tick_has_words_in_every_language() {
        for x in Tick::ALL {
            let w = tick(x);
            assert!(!w.zh_cn.is_empty() && !w.zh_tw.is_empty() && !w.en.is_empty());
        }
    }
}
