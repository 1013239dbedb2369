//! iCalendar (RFC 5545) export of repayment schedules, so every due date lands
//! in the phone's calendar with a reminder the day before.
//!
//! Output is strict enough for picky importers: CRLF line endings, lines
//! folded at 75 octets on UTF-8 character boundaries (never inside a Chinese
//! character), TEXT values escaped, all-day events.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::domain::model::{Agreement, Debt};
use crate::domain::money;
use crate::i18n::{Lang, Text};

pub const PRODID: &str = "-//Debt Evidence Kit//Repayment schedule//EN";

/// 2020-01-01T00:00:00Z: SEQUENCE counts seconds from here (an RFC 5545
/// INTEGER is 32-bit signed: enough until 2088).
const SEQUENCE_EPOCH: i64 = 1_577_836_800;

/// 15 hours before the all-day event's midnight start: 09:00 the day before.
const ALARM_BEFORE_START: &str = "-PT15H";

/// RFC 5545 §3.1: a content line is at most 75 octets, excluding the CRLF.
const MAX_LINE_OCTETS: usize = 75;

const CALENDAR_NAME: Text = Text::new("还款计划", "還款計畫", "Repayment schedule");

const PAY_OFFICIALLY: Text = Text::new(
    "请通过官方渠道还款，并保留还款凭证。",
    "請透過官方管道還款，並保留還款憑證。",
    "Pay through the official channel and keep the receipt.",
);

/// One VCALENDAR with an all-day VEVENT per instalment of every agreement
/// given, each with a display alarm at 09:00 the day before (an all-day
/// event starts at midnight; "-P1D" would ring at midnight). `dtstamp` is the
/// export time (passed in: the core never reads the clock).
///
/// The UID names the instalment, not its date: `<agreement id>-<n>@debt-evidence-kit`
/// for the n-th instalment (the schedule is kept in due order, as the page
/// numbers it), so moving instalment 3 updates its event in a calendar that
/// imported an earlier file. SEQUENCE is the export time in seconds since
/// 2020, so every later export outranks the earlier one, a moved date
/// included, without storing a revision counter.
pub fn schedule_to_ics(
    schedules: &[(&Debt, &Agreement)],
    lang: Lang,
    dtstamp: DateTime<Utc>,
) -> String {
    let mut out = String::new();
    let stamp = dtstamp.format("%Y%m%dT%H%M%SZ").to_string();
    let sequence = (dtstamp.timestamp() - SEQUENCE_EPOCH).clamp(0, i64::from(i32::MAX));
    push_line(&mut out, "BEGIN:VCALENDAR");
    push_line(&mut out, "VERSION:2.0");
    push_line(&mut out, &format!("PRODID:{PRODID}"));
    push_line(&mut out, "CALSCALE:GREGORIAN");
    push_line(&mut out, "METHOD:PUBLISH");
    push_line(
        &mut out,
        &format!("X-WR-CALNAME:{}", escape_text(CALENDAR_NAME.get(lang))),
    );

    for (debt, agreement) in schedules {
        let mut lines: Vec<_> = agreement.instalments.iter().collect();
        lines.sort_by_key(|l| l.due);
        let count = lines.len();
        for (i, line) in lines.iter().enumerate() {
            let uid = format!("{}-{}@debt-evidence-kit", agreement.id, i + 1);
            let amount = format!("{} {}", money::format(line.amount), debt.currency);
            let summary = summary(lang, &debt.lender, &amount, i + 1, count);
            let description = description(lang, agreement, &amount);

            push_line(&mut out, "BEGIN:VEVENT");
            push_line(&mut out, &format!("UID:{}", escape_text(&uid)));
            push_line(&mut out, &format!("DTSTAMP:{stamp}"));
            push_line(&mut out, &format!("SEQUENCE:{sequence}"));
            push_line(
                &mut out,
                &format!("DTSTART;VALUE=DATE:{}", ics_date(line.due)),
            );
            // An explicit end: some importers show a DATE event without one as zero-length.
            if let Some(end) = line.due.succ_opt() {
                push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", ics_date(end)));
            }
            push_line(&mut out, &format!("SUMMARY:{}", escape_text(&summary)));
            push_line(
                &mut out,
                &format!("DESCRIPTION:{}", escape_text(&description)),
            );
            push_line(&mut out, "TRANSP:TRANSPARENT");
            push_line(&mut out, "BEGIN:VALARM");
            push_line(&mut out, "ACTION:DISPLAY");
            push_line(&mut out, &format!("TRIGGER:{ALARM_BEFORE_START}"));
            push_line(&mut out, &format!("DESCRIPTION:{}", escape_text(&summary)));
            push_line(&mut out, "END:VALARM");
            push_line(&mut out, "END:VEVENT");
        }
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

fn summary(lang: Lang, lender: &str, amount: &str, n: usize, count: usize) -> String {
    match lang {
        Lang::ZhCn => format!("还款 {lender}：{amount}（第{n}/{count}期）"),
        Lang::ZhTw => format!("還款 {lender}：{amount}（第{n}/{count}期）"),
        Lang::En => format!("Repayment to {lender}: {amount} ({n} of {count})"),
    }
}

fn description(lang: Lang, a: &Agreement, amount: &str) -> String {
    let (amount_label, reference_label) = match lang {
        Lang::ZhCn => ("金额：", "协议编号："),
        Lang::ZhTw => ("金額：", "協議編號："),
        Lang::En => ("Amount: ", "Agreement reference: "),
    };
    let mut text = format!("{amount_label}{amount}\n");
    if !a.reference.trim().is_empty() {
        text.push_str(&format!("{reference_label}{}\n", a.reference.trim()));
    }
    text.push_str(PAY_OFFICIALLY.get(lang));
    text
}

/// DATE value (RFC 5545 §3.3.4): YYYYMMDD.
fn ics_date(d: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

/// Escape a TEXT value (RFC 5545 §3.3.11). Other control characters are not
/// allowed in TEXT and are dropped.
fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // CRLF is one line break.
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Append one content line, folded (RFC 5545 §3.1): a physical line holds at
/// most 75 octets, continuation lines start with a space that counts too, and
/// a fold never splits a multi-byte character.
fn push_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    out.push_str("\r\n");
}

// Amounts in tests are written yuan_fen (100_50 = 100.50).
#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;
    use crate::domain::model::{Instalment, Money};
    use chrono::TimeZone;

    /// A property after unfolding: name, parameters, raw value.
    #[derive(Debug, Clone)]
    struct Prop {
        name: String,
        params: Vec<String>,
        value: String,
    }

    /// A component with its properties and sub-components.
    #[derive(Debug, Default)]
    struct Component {
        name: String,
        props: Vec<Prop>,
        children: Vec<Component>,
    }

    impl Component {
        fn get(&self, name: &str) -> Option<&Prop> {
            self.props.iter().find(|p| p.name == name)
        }
        fn value(&self, name: &str) -> &str {
            &self
                .get(name)
                .unwrap_or_else(|| panic!("{} lacks {name}", self.name))
                .value
        }
    }

    /// Strict parser for what we emit: fails the test on any deviation.
    fn parse(ics: &str) -> Component {
        assert!(ics.ends_with("\r\n"), "must end with CRLF");
        let physical: Vec<&str> = ics[..ics.len() - 2].split("\r\n").collect();
        let mut logical: Vec<String> = Vec::new();
        for line in physical {
            assert!(
                !line.contains('\r') && !line.contains('\n'),
                "bare CR or LF in {line:?}"
            );
            assert!(
                line.len() <= MAX_LINE_OCTETS,
                "{} octets: {line:?}",
                line.len()
            );
            assert!(!line.is_empty(), "empty line");
            if let Some(rest) = line.strip_prefix(' ') {
                logical
                    .last_mut()
                    .expect("continuation first")
                    .push_str(rest);
            } else {
                logical.push(line.to_string());
            }
        }

        let mut stack: Vec<Component> = Vec::new();
        let mut root = None;
        for line in logical {
            let (head, value) = line.split_once(':').expect("no colon");
            let mut parts = head.split(';');
            let name = parts.next().unwrap().to_string();
            assert!(
                !name.is_empty() && name.chars().all(|c| c.is_ascii_uppercase() || c == '-'),
                "bad name {name:?}"
            );
            let params: Vec<String> = parts.map(str::to_string).collect();
            match name.as_str() {
                "BEGIN" => stack.push(Component {
                    name: value.to_string(),
                    ..Component::default()
                }),
                "END" => {
                    let done = stack.pop().expect("END without BEGIN");
                    assert_eq!(done.name, value, "mismatched END");
                    match stack.last_mut() {
                        Some(parent) => parent.children.push(done),
                        None => {
                            assert!(root.is_none(), "two top-level components");
                            root = Some(done);
                        }
                    }
                }
                _ => stack
                    .last_mut()
                    .expect("property outside a component")
                    .props
                    .push(Prop {
                        name,
                        params,
                        value: value.to_string(),
                    }),
            }
        }
        assert!(stack.is_empty(), "unclosed components");
        let cal = root.expect("no VCALENDAR");
        assert_eq!(cal.name, "VCALENDAR");
        assert_eq!(cal.value("VERSION"), "2.0");
        assert!(!cal.value("PRODID").is_empty());
        for event in &cal.children {
            assert_eq!(event.name, "VEVENT");
            for required in ["UID", "DTSTAMP", "DTSTART", "SUMMARY"] {
                event.value(required);
            }
            assert_eq!(
                event.get("DTSTART").unwrap().params,
                vec!["VALUE=DATE".to_string()]
            );
            assert_eq!(event.children.len(), 1);
            let alarm = &event.children[0];
            assert_eq!(alarm.name, "VALARM");
            assert_eq!(alarm.value("ACTION"), "DISPLAY");
            alarm.value("TRIGGER");
            alarm.value("DESCRIPTION");
        }
        cal
    }

    /// Inverse of `escape_text`, rejecting escapes RFC 5545 does not define
    /// and unescaped separators.
    fn unescape(v: &str) -> String {
        let mut out = String::new();
        let mut chars = v.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => match chars.next() {
                    Some('\\') => out.push('\\'),
                    Some(';') => out.push(';'),
                    Some(',') => out.push(','),
                    Some('n' | 'N') => out.push('\n'),
                    other => panic!("bad escape \\{other:?} in {v:?}"),
                },
                ';' | ',' => panic!("unescaped {c:?} in {v:?}"),
                c => out.push(c),
            }
        }
        out
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn stamp() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 5, 8, 30, 0).unwrap()
    }

    fn debt(lender: &str) -> Debt {
        Debt {
            id: "d1".into(),
            lender: lender.into(),
            currency: "CNY".into(),
            ..Debt::default()
        }
    }

    fn agreement(id: &str, lines: Vec<(NaiveDate, i64)>) -> Agreement {
        Agreement {
            id: id.into(),
            debt_id: "d1".into(),
            date_reached: d(2026, 1, 1),
            reference: "XY-2026/001".into(),
            instalments: lines
                .into_iter()
                .map(|(due, amount)| Instalment {
                    due,
                    amount: Money(amount),
                })
                .collect(),
            ..Agreement::default()
        }
    }

    #[test]
    fn calendar_with_all_day_events_and_alarms() {
        let debt = debt("某某银行");
        let a = agreement(
            "a1",
            vec![(d(2026, 2, 28), 1000_00), (d(2026, 1, 31), 1000_50)],
        );
        let ics = schedule_to_ics(&[(&debt, &a)], Lang::ZhCn, stamp());
        let cal = parse(&ics);
        assert_eq!(cal.value("PRODID"), PRODID);
        assert_eq!(cal.children.len(), 2);

        let first = &cal.children[0];
        assert_eq!(first.value("DTSTART"), "20260131", "events in due order");
        assert_eq!(first.value("DTEND"), "20260201");
        assert_eq!(first.value("DTSTAMP"), "20260105T083000Z");
        assert_eq!(first.value("UID"), "a1-1@debt-evidence-kit");
        assert_eq!(
            unescape(first.value("SUMMARY")),
            "还款 某某银行：1000.50 CNY（第1/2期）"
        );
        assert_eq!(
            first.children[0].value("TRIGGER"),
            "-PT15H",
            "09:00 the day before the all-day event, not midnight"
        );
        assert_eq!(
            unescape(first.children[0].value("DESCRIPTION")),
            unescape(first.value("SUMMARY"))
        );
        assert_eq!(
            unescape(first.value("DESCRIPTION")),
            "金额：1000.50 CNY\n协议编号：XY-2026/001\n请通过官方渠道还款，并保留还款凭证。"
        );
        assert_eq!(cal.children[1].value("DTSTART"), "20260228");
    }

    #[test]
    fn summary_follows_the_language() {
        let debt = debt("Acme Finance");
        let a = agreement("a1", vec![(d(2026, 3, 15), 500_00)]);
        let en = parse(&schedule_to_ics(&[(&debt, &a)], Lang::En, stamp()));
        assert_eq!(
            unescape(en.children[0].value("SUMMARY")),
            "Repayment to Acme Finance: 500.00 CNY (1 of 1)"
        );
        assert_eq!(en.value("X-WR-CALNAME"), "Repayment schedule");
        let tw = parse(&schedule_to_ics(&[(&debt, &a)], Lang::ZhTw, stamp()));
        assert!(unescape(tw.children[0].value("SUMMARY")).starts_with("還款 Acme Finance："));
        assert!(unescape(tw.children[0].value("DESCRIPTION")).contains("協議編號"));
    }

    #[test]
    fn several_agreements_with_stable_unique_uids() {
        let (d1, d2) = (debt("甲银行"), debt("乙网贷"));
        let a1 = agreement(
            "a1",
            vec![
                (d(2026, 2, 1), 100),
                (d(2026, 2, 1), 200),
                (d(2026, 3, 1), 100),
            ],
        );
        let a2 = agreement("a2", vec![(d(2026, 2, 1), 300)]);
        let ics = schedule_to_ics(&[(&d1, &a1), (&d2, &a2)], Lang::ZhCn, stamp());
        let cal = parse(&ics);
        let uids: Vec<&str> = cal.children.iter().map(|e| e.value("UID")).collect();
        assert_eq!(
            uids,
            vec![
                "a1-1@debt-evidence-kit",
                "a1-2@debt-evidence-kit",
                "a1-3@debt-evidence-kit",
                "a2-1@debt-evidence-kit",
            ]
        );
        assert!(unescape(cal.children[3].value("SUMMARY")).contains("乙网贷"));
        // Exporting again (later) gives the same UIDs.
        let later = Utc.with_ymd_and_hms(2026, 6, 1, 0, 0, 0).unwrap();
        let again = parse(&schedule_to_ics(&[(&d1, &a1), (&d2, &a2)], Lang::En, later));
        let again_uids: Vec<&str> = again.children.iter().map(|e| e.value("UID")).collect();
        assert_eq!(uids, again_uids);
    }

    #[test]
    fn moving_an_instalment_keeps_its_uid_and_raises_sequence() {
        let debt = debt("甲银行");
        let before = agreement(
            "a1",
            vec![
                (d(2026, 2, 1), 100),
                (d(2026, 3, 1), 100),
                (d(2026, 4, 1), 100),
            ],
        );
        let mut after = before.clone();
        after.instalments[2].due = d(2026, 4, 15);
        let old = parse(&schedule_to_ics(&[(&debt, &before)], Lang::ZhCn, stamp()));
        let later = stamp() + chrono::Duration::minutes(1);
        let new = parse(&schedule_to_ics(&[(&debt, &after)], Lang::ZhCn, later));
        let (e_old, e_new) = (&old.children[2], &new.children[2]);
        assert_eq!(e_old.value("UID"), e_new.value("UID"));
        assert_eq!(e_new.value("DTSTART"), "20260415");
        let seq = |e: &Component| e.value("SEQUENCE").parse::<i64>().unwrap();
        assert!(seq(e_new) > seq(e_old), "{} -> {}", seq(e_old), seq(e_new));
        assert_eq!(seq(e_old), 189_765_000, "2026-01-05T08:30:00Z - 2020-01-01");
    }

    #[test]
    fn text_is_escaped_and_round_trips() {
        let lender = "A, B; C\\D\nE\r\nF\u{7}G";
        let debt = debt(lender);
        let mut a = agreement("a1", vec![(d(2026, 2, 1), 100)]);
        a.reference = "R;1,2".into();
        let ics = schedule_to_ics(&[(&debt, &a)], Lang::En, stamp());
        assert!(ics.contains("A\\, B\\; C\\\\D\\nE\\nFG"), "{ics}");
        let cal = parse(&ics);
        assert_eq!(
            unescape(cal.children[0].value("SUMMARY")),
            "Repayment to A, B; C\\D\nE\nFG: 1.00 CNY (1 of 1)"
        );
        assert!(
            unescape(cal.children[0].value("DESCRIPTION")).contains("Agreement reference: R;1,2\n")
        );
    }

    #[test]
    fn long_chinese_text_folds_on_character_boundaries() {
        let lender = "中国某某消费金融股份有限公司（信用卡中心，分期还款专用账户）".repeat(3);
        let debt = debt(&lender);
        let a = agreement("a1", vec![(d(2026, 2, 1), 123_456)]);
        let ics = schedule_to_ics(&[(&debt, &a)], Lang::ZhCn, stamp());
        let cal = parse(&ics); // checks every line <= 75 octets, CRLF
        let summary = unescape(cal.children[0].value("SUMMARY"));
        assert_eq!(summary, format!("还款 {lender}：1234.56 CNY（第1/1期）"));
        let folded = ics.lines().filter(|l| l.starts_with(' ')).count();
        assert!(
            folded >= 4,
            "expected folding, got {folded} continuation lines"
        );
    }

    #[test]
    fn folding_boundaries() {
        let mut out = String::new();
        push_line(&mut out, &"x".repeat(75));
        assert_eq!(out, format!("{}\r\n", "x".repeat(75)));

        let mut out = String::new();
        push_line(&mut out, &"x".repeat(76));
        assert_eq!(out, format!("{}\r\n x\r\n", "x".repeat(75)));

        // 74 ASCII + a 3-octet character would make 77: the character moves whole.
        let mut out = String::new();
        push_line(&mut out, &format!("{}中", "x".repeat(74)));
        assert_eq!(out, format!("{}\r\n 中\r\n", "x".repeat(74)));

        // Continuation lines hold the space plus 74 octets.
        let mut out = String::new();
        push_line(&mut out, &"中".repeat(60));
        for l in out.trim_end_matches("\r\n").split("\r\n") {
            assert!(l.len() <= 75);
        }
        let unfolded: String = out.trim_end_matches("\r\n").split("\r\n ").collect();
        assert_eq!(unfolded, "中".repeat(60));
    }

    #[test]
    fn empty_input_is_still_a_valid_calendar() {
        let cal = parse(&schedule_to_ics(&[], Lang::En, stamp()));
        assert!(cal.children.is_empty());
    }
}
