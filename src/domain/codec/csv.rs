//! Contacts as CSV for Excel, WPS or a lawyer's spreadsheet.
//!
//! UTF-8 with a BOM (Excel and WPS otherwise read Chinese as GBK), CRLF rows,
//! RFC 4180 quoting. Cells that a spreadsheet would run as a formula are made
//! inert with a leading `'`: collectors control what the user copies into
//! notes and numbers (OWASP "CSV injection"). A spreadsheet may skip leading
//! whitespace or invisible characters before it looks for `=`, and reads
//! full-width signs as ASCII, so those lead to the `'` too.
//!
//! Phone, reference and hash cells made only of digits and phone punctuation
//! are written as the text formula `="…"`: opened plainly, Excel and WPS would
//! drop a leading 0, turn `+86 …` into a formula and show long numbers as
//! 1.38E+10. Coded values (channel, outcome…) show the user's language next to
//! the code: `电话 (call)`.

use chrono::SecondsFormat;
use chrono_tz::Tz;
use serde::Serialize;

use crate::domain::labels;
use crate::domain::model::{Case, Contact};
use crate::i18n::{Lang, Text};

/// Column headers; the English ones are the machine names.
const COLUMNS: [Text; 22] = [
    Text::new("序号", "序號", "seq"),
    Text::new("开始时间", "開始時間", "start"),
    Text::new("结束时间", "結束時間", "end"),
    Text::new("时区", "時區", "zone"),
    Text::new("方式", "方式", "channel"),
    Text::new("结果", "結果", "outcome"),
    Text::new("方向", "方向", "direction"),
    Text::new("来电号码", "來電號碼", "from_number"),
    Text::new("催收员姓名", "催收員姓名", "collector_name"),
    Text::new("催收员工号", "催收員工號", "collector_id"),
    Text::new("自称机构", "自稱機構", "claimed_org"),
    Text::new("贷款机构", "貸款機構", "lender"),
    Text::new("催收机构", "催收機構", "agency"),
    Text::new("联系对象", "聯繫對象", "target"),
    Text::new("对象姓名", "對象姓名", "target_name"),
    Text::new("被叫号码", "被叫號碼", "number_dialled"),
    Text::new("标记", "標記", "ticks"),
    Text::new("备注", "備註", "notes"),
    Text::new("附件", "附件", "attachments"),
    Text::new("已修改", "已修改", "edited"),
    Text::new("已删除", "已刪除", "deleted"),
    Text::new("哈希", "雜湊", "hash"),
];

/// All contacts (bin included, marked), by seq, times in `zone` with their
/// offset. Enum values are the snake_case keys of rules.md, whatever `lang`.
pub fn contacts_to_csv(case: &Case, zone: Tz, lang: Lang) -> String {
    let mut out = String::from("\u{feff}");
    push_row(&mut out, COLUMNS.iter().map(|t| t.get(lang).to_string()));
    let mut contacts: Vec<&Contact> = case.contacts.iter().collect();
    contacts.sort_by_key(|c| c.seq);
    for c in contacts {
        push_row(&mut out, row(case, c, zone, lang).into_iter());
    }
    out
}

/// Columns whose values are numbers as text (phone, staff ID, hash).
const NUMBER_COLUMNS: [usize; 4] = [7, 9, 15, 21];

const YES: Text = Text::new("是", "是", "yes");
const NO: Text = Text::new("否", "否", "no");

/// "label (code)", or the code alone when the label says the same.
fn coded<T: Serialize>(value: &T, label: Text, lang: Lang) -> String {
    let code = key(value);
    let label = label.get(lang);
    if label.eq_ignore_ascii_case(&code) {
        code
    } else {
        format!("{label} ({code})")
    }
}

fn row(case: &Case, c: &Contact, zone: Tz, lang: Lang) -> [String; 22] {
    let d = &c.data;
    let stamp = |at: chrono::DateTime<chrono::FixedOffset>| {
        at.with_timezone(&zone)
            .to_rfc3339_opts(SecondsFormat::Secs, false)
    };
    let end = d
        .duration_secs
        .map(|s| stamp(d.at + chrono::Duration::seconds(s.into())));
    let lender = d
        .debt_id
        .as_deref()
        .map(|id| case.debt(id).map_or(id, |debt| &debt.lender));
    let yes_no = |b: bool| {
        let (code, label) = if b { ("yes", YES) } else { ("no", NO) };
        coded(&code, label, lang)
    };
    [
        c.seq.to_string(),
        stamp(d.at),
        end.unwrap_or_default(),
        zone.name().to_string(),
        coded(&d.channel, labels::channel(d.channel), lang),
        d.outcome
            .map(|o| coded(&o, labels::outcome(o), lang))
            .unwrap_or_default(),
        coded(&d.direction, labels::direction(d.direction), lang),
        d.from_number.clone(),
        d.collector_name.clone(),
        d.collector_id.clone(),
        coded(&d.claimed_org, labels::claimed_org(d.claimed_org), lang),
        lender.unwrap_or_default().to_string(),
        d.agency.clone(),
        coded(&d.target, labels::target(d.target), lang),
        d.target_name.clone(),
        d.number_dialled.clone(),
        d.ticks
            .iter()
            .map(|t| coded(t, labels::tick(*t), lang))
            .collect::<Vec<_>>()
            .join(";"),
        d.notes.clone(),
        d.attachments
            .iter()
            .map(|a| format!("{}:{}", a.name, a.sha256))
            .collect::<Vec<_>>()
            .join(";"),
        yes_no(c.was_edited()),
        yes_no(!c.is_active()),
        c.hash.clone(),
    ]
}

/// The serde (snake_case) name of an enum value.
fn key<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

fn push_row(out: &mut String, cells: impl Iterator<Item = String>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        if NUMBER_COLUMNS.contains(&i) && is_number_text(&cell) {
            // Digits, spaces and + - ( ) . or hex only: a text constant,
            // nothing to escape inside and nothing for a formula to run.
            out.push_str(&format!("\"=\"\"{cell}\"\"\""));
        } else {
            push_cell(out, &cell);
        }
    }
    out.push_str("\r\n");
}

/// Whether a spreadsheet would read `s` as a number or a formula and lose
/// what it says: digits with only phone punctuation, or a long hex hash.
fn is_number_text(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && (s
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c))
            || s.chars().all(|c| c.is_ascii_hexdigit()))
}

/// A first character that makes a spreadsheet read a formula, or that it
/// may skip before looking for one.
fn leads_to_formula(c: char) -> bool {
    matches!(c, '=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠')
        || c.is_whitespace()
        || c.is_control()
        // Invisible format characters: zero-width space/joiners, word
        // joiner, BOM (Unicode category Cf in these blocks).
        || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{180e}' | '\u{ad}')
}

fn push_cell(out: &mut String, raw: &str) {
    let inert = raw.chars().next().is_some_and(leads_to_formula);
    let quote = raw.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if inert {
        out.push('\'');
    }
    if quote {
        out.push_str(&raw.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(raw);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contacts::{add_contact, delete_contact, edit_contact};
    use crate::domain::model::{ContactData, Debt, FileProof, Outcome, Source, Tick};
    use chrono::{DateTime, Utc};

    fn now() -> DateTime<Utc> {
        "2026-03-10T12:00:00Z".parse().unwrap()
    }

    fn cell(raw: &str) -> String {
        let mut out = String::new();
        push_cell(&mut out, raw);
        out
    }

    #[test]
    fn rfc4180_quoting() {
        assert_eq!(cell("plain 中文"), "plain 中文");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"pay\""), "\"say \"\"pay\"\"\"");
        assert_eq!(cell("line1\nline2"), "\"line1\nline2\"");
        assert_eq!(cell("cr\r\nlf"), "\"cr\r\nlf\"");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\",\"click\")"),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")\""
        );
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("+8613800138000"), "'+8613800138000");
        assert_eq!(cell("-2+3"), "'-2+3");
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("\t=1"), "'\t=1");
        assert_eq!(cell("\r=1"), "\"'\r=1\"");
        assert_eq!(cell("a=1"), "a=1", "only a leading sign matters");
        // Whatever a spreadsheet may skip or fold before the sign.
        for lead in [
            " ", "\n", "\0", "\u{feff}", "\u{200b}", "\u{3000}", "\u{a0}", "\u{2003}", "\u{2060}",
            "\u{ad}", "＝", "＋", "－", "＠",
        ] {
            let raw = format!("{lead}=1+1");
            let out = cell(&raw);
            let inner = out.trim_start_matches('"');
            assert!(inner.starts_with("'"), "{lead:?} -> {out:?}");
        }
        assert_eq!(cell("中文=1"), "中文=1");
    }

    #[test]
    fn numbers_keep_their_zeros_and_plus() {
        let mut out = String::new();
        push_row(
            &mut out,
            (0..22).map(|i| match i {
                7 => "+86 21 6123 4567".to_string(),
                9 => "007".to_string(),
                15 => "02161234567".to_string(),
                21 => "12e45".to_string(),
                17 => "0123".to_string(),
                _ => String::new(),
            }),
        );
        let cells: Vec<&str> = out.trim_end().split(',').collect();
        assert_eq!(cells[7], "\"=\"\"+86 21 6123 4567\"\"\"");
        assert_eq!(cells[9], "\"=\"\"007\"\"\"");
        assert_eq!(cells[15], "\"=\"\"02161234567\"\"\"");
        assert_eq!(cells[21], "\"=\"\"12e45\"\"\"");
        assert_eq!(cells[17], "0123", "notes are not a number column");
        assert!(!is_number_text("=1+1"), "a formula is not a number");
        assert!(!is_number_text("wx:collector"));
    }

    fn sample() -> Case {
        let mut case = Case::default();
        case.debts.push(Debt {
            id: "d1".into(),
            lender: "某银行".into(),
            ..Debt::default()
        });
        let mut d = ContactData {
            at: DateTime::parse_from_rfc3339("2026-03-01T22:30:00+08:00").unwrap(),
            duration_secs: Some(90),
            outcome: Some(Outcome::Talked),
            from_number: "+86 138 0013 8000".into(),
            debt_id: Some("d1".into()),
            notes: "他说：\"不还就上门\",\n=HYPERLINK(\"http://evil\")".into(),
            ..ContactData::default()
        };
        d.ticks.extend([Tick::ThreatHarm, Tick::DisclosedDebt]);
        d.attachments.push(FileProof {
            name: "a.m4a".into(),
            size: 1,
            mime: String::new(),
            sha256: "ab12".into(),
        });
        add_contact(&mut case, d.clone(), Source::Manual, now()).unwrap();
        add_contact(
            &mut case,
            ContactData {
                debt_id: Some("gone".into()),
                ..d.clone()
            },
            Source::Manual,
            now(),
        )
        .unwrap();
        edit_contact(
            &mut case,
            1,
            ContactData {
                collector_name: "王".into(),
                ..d
            },
            now(),
        )
        .unwrap();
        delete_contact(&mut case, 2, now()).unwrap();
        case
    }

    #[test]
    fn bom_header_and_rows() {
        let case = sample();
        let csv = contacts_to_csv(
            &case,
            crate::domain::time::zone("America/New_York"),
            Lang::En,
        );
        assert!(
            csv.starts_with("\u{feff}seq,start,end,zone,channel,outcome,direction,from_number,")
        );
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines.len(), 4, "header, 2 rows, trailing empty");
        assert_eq!(lines[3], "");
        let first = lines[1];
        assert!(first.starts_with(
            "1,2026-03-01T09:30:00-05:00,2026-03-01T09:31:30-05:00,America/New_York,Phone call (call),Answered (talked),They contacted me (incoming),\"=\"\"+86 138 0013 8000\"\"\",王,,Not said (unknown),某银行,,Me (debtor),,,Threatened harm (threat_harm);Told others about my debt (disclosed_debt),"
        ), "{first}");
        assert!(first.contains("\"他说：\"\"不还就上门\"\",\n=HYPERLINK(\"\"http://evil\"\")\""));
        let text_formula = |s: &str| format!("\"=\"\"{s}\"\"\"");
        assert!(first.ends_with(&format!(
            ",a.m4a:ab12,yes,no,{}",
            text_formula(&case.contacts[0].hash)
        )));
        assert!(
            lines[2].contains(",gone,"),
            "an unknown debt id is shown as is"
        );
        assert!(lines[2].ends_with(&format!(",no,yes,{}", text_formula(&case.contacts[1].hash))));
    }

    #[test]
    fn headers_follow_the_language() {
        let csv = contacts_to_csv(
            &Case::default(),
            crate::domain::time::zone("Asia/Shanghai"),
            Lang::ZhCn,
        );
        assert_eq!(
            csv.split("\r\n").next().map(|h| h.split(',').count()),
            Some(22)
        );
        assert!(csv.starts_with("\u{feff}序号,开始时间,"));
        assert!(csv.ends_with("哈希\r\n"));
    }

    #[test]
    fn coded_values_in_the_users_language_beside_the_code() {
        let csv = contacts_to_csv(
            &sample(),
            crate::domain::time::zone("Asia/Shanghai"),
            Lang::ZhCn,
        );
        let row = csv.split("\r\n").nth(1).unwrap_or_default();
        assert!(row.contains(",电话 (call),"), "{row}");
        assert!(row.contains(",是 (yes),否 (no),"), "{row}");
    }
}
