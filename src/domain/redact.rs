//! Redaction of the evidence report: the debtor's name, phone number and ID
//! number, and third parties' names, replaced in every text of the report.
//!
//! It fails closed. Matching is loose on purpose, so every spelling of a
//! value is found: digits of any script (full-width, Chinese numerals, circled…)
//! count as digits, full-width letters as letters, case is ignored, and
//! spaces, dashes, dots, brackets and zero-width characters between the
//! characters of a value are skipped ("１３８-1234 ５６７８", "+86 138…").
//! After replacing, every text is checked again; if any value is still found,
//! the report is refused rather than shown.
//!
//! The walk is typed: it visits each text field of the report by name (a new
//! field does not compile until it is listed here) and never touches language
//! codes, letter kinds, numbers or internal keys.

use std::collections::BTreeSet;

use crate::domain::model::Case;
use crate::domain::phone;
use crate::domain::report::{
    AgencyParty, AgreementPart, ChannelEntry, Charts, ChecklistRow, Count, EvidenceItem,
    EvidencePart, Field, FileRow, FindingRow, FindingsPart, FingerprintPart, Header, LenderParty,
    Letter, LogPart, LogRow, Parties, PaymentRow, Report, ReportOptions, ScheduleRow,
};
use crate::i18n::Text;

const MASK_NAME: Text = Text::new("〔姓名已隐去〕", "〔姓名已隱去〕", "[name hidden]");
const MASK_PHONE: Text = Text::new("〔号码已隐去〕", "〔號碼已隱去〕", "[number hidden]");
const MASK_ID: Text = Text::new("〔证件号已隐去〕", "〔證件號已隱去〕", "[ID hidden]");
const MASK_THIRD: Text = Text::new(
    "〔第三人已隐去〕",
    "〔第三人已隱去〕",
    "[third party hidden]",
);

/// A redacted value was still found after redaction: the report must not be
/// shown or printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RedactionFailed;

/// The values to hide, folded, each with its mask.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Redactor {
    /// Longest first, so a value inside another is never half-replaced.
    patterns: Vec<(Vec<char>, &'static str)>,
}

impl Redactor {
    pub fn new(case: &Case, options: &ReportOptions) -> Redactor {
        let lang = options.lang;
        let d = &case.debtor;
        let mut raw: Vec<(String, &'static str)> = Vec::new();
        if options.redact_id {
            raw.push((d.id_number.clone(), MASK_ID.get(lang)));
        }
        if options.redact_phone {
            // The number as typed, and the digits any other spelling shows
            // (no +86 / 0086, no trunk 0: "+86 21…" and "021-…" both match).
            raw.push((d.phone.clone(), MASK_PHONE.get(lang)));
            raw.push((phone::significant_digits(&d.phone), MASK_PHONE.get(lang)));
        }
        if options.redact_name {
            raw.push((d.name.clone(), MASK_NAME.get(lang)));
        }
        if options.redact_third_parties {
            let mut names = BTreeSet::new();
            for c in &case.contacts {
                let versions = std::iter::once(&c.data).chain(c.history.iter().map(|h| &h.data));
                for data in versions {
                    if data.target.is_third_party() {
                        names.insert(data.target_name.clone());
                    }
                }
            }
            raw.extend(names.into_iter().map(|n| (n, MASK_THIRD.get(lang))));
        }
        let mut patterns: Vec<(Vec<char>, &'static str)> = Vec::new();
        for (value, mask) in raw {
            let folded: Vec<char> = value.chars().filter(|c| !ignorable(*c)).map(fold).collect();
            if !folded.is_empty() && !patterns.iter().any(|(p, _)| *p == folded) {
                patterns.push((folded, mask));
            }
        }
        patterns.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        Redactor { patterns }
    }

    pub fn is_empty(&self) -> bool {
        self.patterns.is_empty()
    }

    /// `s` with every spelling of every value replaced by its mask.
    pub fn redact(&self, s: &str) -> String {
        if self.is_empty() {
            return s.to_string();
        }
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut out = String::with_capacity(s.len());
        let mut i = 0;
        while let Some(&(_, c)) = chars.get(i) {
            match self.match_at(&chars, i) {
                Some((end, mask)) => {
                    out.push_str(mask);
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        out
    }

    /// Whether any value is still in `s`, outside the masks.
    pub fn leaks(&self, s: &str) -> bool {
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut i = 0;
        while let Some(&(at, _)) = chars.get(i) {
            let rest = s.get(at..).unwrap_or_default();
            if let Some((_, mask)) = self.patterns.iter().find(|(_, m)| rest.starts_with(m)) {
                i += mask.chars().count();
                continue;
            }
            if self.match_at(&chars, i).is_some() {
                return true;
            }
            i += 1;
        }
        false
    }

    /// The first (longest) value starting at char `i`: the index just past
    /// its last char, and its mask.
    fn match_at(&self, chars: &[(usize, char)], i: usize) -> Option<(usize, &'static str)> {
        let first = fold(chars.get(i)?.1);
        'next: for (pattern, mask) in &self.patterns {
            if pattern.first() != Some(&first) {
                continue;
            }
            let mut j = i + 1;
            for want in pattern.iter().skip(1) {
                loop {
                    let Some(&(_, c)) = chars.get(j) else {
                        continue 'next;
                    };
                    j += 1;
                    if fold(c) == *want {
                        break;
                    }
                    if !ignorable(c) {
                        continue 'next;
                    }
                }
            }
            return Some((j, mask));
        }
        None
    }

    /// Redact every text of the report, then check them all again.
    pub fn apply(&self, report: &mut Report) -> Result<(), RedactionFailed> {
        if self.is_empty() {
            return Ok(());
        }
        texts(report, &mut |s| *s = self.redact(s));
        let mut leaked = false;
        texts(report, &mut |s| leaked |= self.leaks(s));
        if leaked {
            Err(RedactionFailed)
        } else {
            Ok(())
        }
    }
}

/// Characters skipped between the characters of a value.
fn ignorable(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '.'
                | ','
                | '/'
                | '_'
                | '('
                | ')'
                | '·'
                | '•'
                | '\u{00AD}'
                | '\u{200B}'..='\u{200F}'
                | '\u{2010}'..='\u{2015}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2212}'
                | '\u{30FB}'
                | '\u{FEFF}'
                | '（'
                | '）'
                | '－'
                | '．'
                | '，'
                | '／'
                | '＿'
                | '、'
        )
}

/// One spelling for each character: digits of any script to ASCII digits,
/// full-width forms to ASCII, lower case.
fn fold(c: char) -> char {
    if let Some(d) = digit(c) {
        return char::from(b'0' + d);
    }
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        _ => c,
    };
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// The value of a digit in any of the scripts a number may be written in.
fn digit(c: char) -> Option<u8> {
    let n = c as u32;
    let from = |zero: u32| u8::try_from(n - zero).ok();
    match c {
        '0'..='9' => from('0' as u32),
        '０'..='９' => from('０' as u32),
        '\u{0660}'..='\u{0669}' => from(0x0660),
        '\u{06F0}'..='\u{06F9}' => from(0x06F0),
        '\u{0966}'..='\u{096F}' => from(0x0966),
        '\u{2080}'..='\u{2089}' => from(0x2080),
        '\u{2070}' | '\u{2074}'..='\u{2079}' => from(0x2070),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '①'..='⑨' => from(0x245F),
        '⓪' | '〇' | '零' => Some(0),
        '\u{1D7CE}'..='\u{1D7FF}' => u8::try_from((n - 0x1D7CE) % 10).ok(),
        '一' | '壹' | '幺' => Some(1),
        '二' | '贰' | '貳' | '两' | '兩' => Some(2),
        '三' | '叁' | '參' => Some(3),
        '四' | '肆' => Some(4),
        '五' | '伍' => Some(5),
        '六' | '陆' | '陸' => Some(6),
        '七' | '柒' => Some(7),
        '八' | '捌' => Some(8),
        '九' | '玖' => Some(9),
        _ => None,
    }
}

// ---------------------------------------------------------------------------
// The typed walk: every text of the report, listed by field
// ---------------------------------------------------------------------------

type Visit<'a> = dyn FnMut(&mut String) + 'a;

fn each(v: &mut [String], f: &mut Visit) {
    v.iter_mut().for_each(f);
}

fn fields(v: &mut [Field], f: &mut Visit) {
    for Field { label, value } in v {
        f(label);
        f(value);
    }
}

fn file(FileRow { name, size, sha256 }: &mut FileRow, f: &mut Visit) {
    f(name);
    f(size);
    f(sha256);
}

fn counts(v: &mut [Count], f: &mut Visit) {
    // `key` is a rule id or strength key, never shown.
    for Count {
        key: _,
        label,
        count: _,
    } in v
    {
        f(label);
    }
}

fn items(v: &mut [EvidenceItem], f: &mut Visit) {
    for EvidenceItem {
        key: _,
        number: _,
        name,
        form,
        proves,
        file: proof,
    } in v
    {
        f(name);
        f(form);
        f(proves);
        if let Some(p) = proof {
            file(p, f);
        }
    }
}

/// Visit every text of the report that is shown or printed.
fn texts(report: &mut Report, f: &mut Visit) {
    let Report {
        lang: _,
        header,
        parties,
        agreements,
        findings,
        evidence,
        log,
        charts,
        fingerprint,
        channels,
        letters,
    } = report;

    let Header {
        title,
        subtitle,
        fields: header_fields,
        digest,
        chain_head,
        limits,
    } = header;
    for s in [title, subtitle, digest, chain_head, limits] {
        f(s);
    }
    fields(header_fields, f);

    let Parties { debtor, lenders } = parties;
    fields(debtor, f);
    for LenderParty {
        name,
        fields: lender_fields,
        agencies,
    } in lenders
    {
        f(name);
        fields(lender_fields, f);
        for AgencyParty { name, numbers } in agencies {
            f(name);
            each(numbers, f);
        }
    }

    for AgreementPart {
        heading,
        fields: agreement_fields,
        schedule_columns,
        schedule,
        payment_columns,
        payments,
        totals,
        checklist_columns,
        checklist,
    } in agreements
    {
        f(heading);
        fields(agreement_fields, f);
        each(schedule_columns, f);
        for ScheduleRow {
            no: _,
            due,
            amount,
            paid,
            left,
            paid_on,
            status,
        } in schedule
        {
            for s in [due, amount, paid, left, paid_on, status] {
                f(s);
            }
        }
        each(payment_columns, f);
        for PaymentRow {
            date,
            amount,
            channel,
            reference,
            applied,
            late: _,
            proofs,
        } in payments
        {
            for s in [date, amount, channel, reference] {
                f(s);
            }
            each(applied, f);
            proofs.iter_mut().for_each(|p| file(p, f));
        }
        fields(totals, f);
        each(checklist_columns, f);
        for ChecklistRow {
            title,
            status,
            done: _,
            date,
            note,
            proofs,
        } in checklist
        {
            for s in [title, status, date, note] {
                f(s);
            }
            proofs.iter_mut().for_each(|p| file(p, f));
        }
    }

    let FindingsPart {
        total: _,
        by_strength,
        by_rule,
        unverified: _,
        columns,
        rows,
        background_label,
        note,
        unattributed_note,
    } = findings;
    counts(by_strength, f);
    counts(by_rule, f);
    each(columns, f);
    for FindingRow {
        rule_id: _,
        title,
        strength_key: _,
        strength,
        lead,
        measured,
        sources,
        background,
        creditor,
        count: _,
        days: _,
        period,
        contacts: _,
        more,
        unverified: _,
        scope,
    } in rows
    {
        for s in [
            title, strength, lead, measured, creditor, period, more, scope,
        ] {
            f(s);
        }
        each(sources, f);
        each(background, f);
    }
    f(background_label);
    f(note);
    f(unattributed_note);

    let EvidencePart {
        columns,
        items: included,
        excluded,
        note,
    } = evidence;
    each(columns, f);
    items(included, f);
    items(excluded, f);
    f(note);

    let LogPart {
        columns,
        rows,
        total: _,
        findings_only: _,
        note,
    } = log;
    each(columns, f);
    for LogRow {
        seq: _,
        at,
        channel,
        from,
        target,
        summary,
        rules,
        edited,
    } in rows
    {
        for s in [at, channel, from, target, summary, edited] {
            f(s);
        }
        each(rules, f);
    }
    f(note);

    let Charts {
        per_day_title,
        per_day: _,
        week_hour_title,
        week_hour: _,
        weekdays,
        markers,
        limit: _,
    } = charts;
    f(per_day_title);
    f(week_hour_title);
    each(weekdays, f);
    markers.iter_mut().for_each(|(_, label)| f(label));

    let FingerprintPart {
        digest_label,
        digest,
        chain_label,
        chain_head,
        chain_status,
        proves_title,
        proves,
        not_proves_title,
        not_proves,
    } = fingerprint;
    for s in [
        digest_label,
        digest,
        chain_label,
        chain_head,
        chain_status,
        proves_title,
        not_proves_title,
    ] {
        f(s);
    }
    each(proves, f);
    each(not_proves, f);

    for ChannelEntry {
        key: _,
        name,
        for_what,
        first_step,
        bring,
        why,
    } in channels
    {
        for s in [name, for_what, first_step, bring, why] {
            f(s);
        }
    }

    for Letter {
        key: _,
        kind: _,
        title,
        text,
    } in letters
    {
        f(title);
        f(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::Debtor;
    use crate::i18n::Lang;

    fn redactor(name: &str, phone: &str, id: &str) -> Redactor {
        let case = Case {
            debtor: Debtor {
                name: name.into(),
                phone: phone.into(),
                id_number: id.into(),
            },
            ..Case::default()
        };
        let opts = ReportOptions {
            lang: Lang::En,
            redact_name: true,
            redact_phone: true,
            redact_id: true,
            ..ReportOptions::default()
        };
        Redactor::new(&case, &opts)
    }

    #[test]
    fn every_spelling_of_a_number_is_masked() {
        let r = redactor("", "+86 138-1234-5678", "");
        for s in [
            "13812345678",
            "138 1234 5678",
            "138-1234-5678",
            "+8613812345678",
            "0086 138 1234 5678",
            "１３８１２３４５６７８",
            "１３８－１２３４－５６７８",
            "138\u{200B}1234\u{FEFF}5678",
            "138\u{3000}1234\u{00A0}5678",
            "(138) 1234.5678",
            "一三八一二三四五六七八",
            "幺三八 幺二三四 五六七八",
            "①③⑧①②③④⑤⑥⑦⑧",
        ] {
            let out = r.redact(&format!("call {s} now"));
            assert!(out.contains("[number hidden]"), "{s} -> {out}");
            assert!(!r.leaks(&out), "{s} -> {out}");
            assert!(
                !out.contains("5678") && !out.contains("５６７８"),
                "{s} -> {out}"
            );
        }
        // Not the number: one digit short, or another digit.
        for s in ["1381234567", "13812345670", "138 1234 567"] {
            assert_eq!(r.redact(s), s);
        }
    }

    #[test]
    fn a_landline_is_masked_with_or_without_country_code_and_trunk_zero() {
        for typed in ["021-6123 4567", "+86 21 6123 4567"] {
            let r = redactor("", typed, "");
            for s in ["021-6123 4567", "+86 21 6123 4567", "0086 (0)21 61234567"] {
                let out = r.redact(&format!("call {s} now"));
                assert!(!out.contains("4567"), "{typed}: {s} -> {out}");
                assert!(!r.leaks(&out), "{typed}: {s} -> {out}");
            }
        }
    }

    #[test]
    fn names_and_ids_in_any_case_width_or_spacing() {
        let r = redactor("Wang Xiaoming", "", "11010519491231002X");
        for s in [
            "wang xiaoming",
            "WANG-XIAOMING",
            "Ｗａｎｇ Ｘｉａｏｍｉｎｇ",
            "110105 19491231 002x",
            "１１０１０５１９４９１２３１００２Ｘ",
        ] {
            let out = r.redact(s);
            assert!(out.ends_with("hidden]"), "{s} -> {out}");
            assert!(!r.leaks(&out), "{s} -> {out}");
        }
    }

    #[test]
    fn a_mask_is_never_mistaken_for_a_value() {
        // The value is a part of its own mask: replaced once, not looped,
        // and the check does not count the mask as a leak.
        let r = redactor("name", "", "");
        let out = r.redact("my name is name");
        assert_eq!(out, "my [name hidden] is [name hidden]");
        assert!(!r.leaks(&out));
        assert!(r.leaks("the name"));
        // Nothing to hide, nothing changed.
        let none = Redactor::default();
        assert!(none.is_empty());
        assert_eq!(none.redact("13812345678"), "13812345678");
    }
}
