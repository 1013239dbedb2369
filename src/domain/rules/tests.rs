//! Scenario tests: boundary tables per rule, attribution, zones, source dates,
//! order independence and scale.

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use super::*;
use crate::domain::model::*;

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

const TODAY: &str = "2026-12-31";

fn contact(seq: u32, when: &str, f: impl FnOnce(&mut ContactData)) -> Contact {
    let mut data = ContactData {
        at: at(when),
        outcome: Some(Outcome::Talked),
        debt_id: Some("d1".into()),
        ..Default::default()
    };
    f(&mut data);
    Contact {
        seq,
        created_at: Utc.timestamp_opt(1_700_000_000, 0).unwrap(),
        source: Source::Manual,
        data,
        history: vec![],
        deleted_at: None,
        hash: String::new(),
    }
}

fn debt(id: &str, lender: &str) -> Debt {
    Debt {
        id: id.into(),
        lender: lender.into(),
        ..Default::default()
    }
}

fn event(id: &str, kind: EventKind, when: &str, f: impl FnOnce(&mut CaseEvent)) -> CaseEvent {
    let mut e = CaseEvent {
        id: id.into(),
        kind,
        at: at(when),
        until: None,
        daily_window: None,
        place: None,
        debt_id: None,
        party: String::new(),
        channel: String::new(),
        replied_on: None,
        note: String::new(),
    };
    f(&mut e);
    e
}

fn case(zone: &str, contacts: Vec<Contact>) -> Case {
    Case {
        settings: Settings {
            time_zone: zone.into(),
            jurisdiction: Jurisdiction::Cn,
        },
        debtor: Debtor {
            phone: "13800000000".into(),
            ..Default::default()
        },
        debts: vec![
            debt("d1", "甲银行"),
            debt("d2", "甲银行"),
            debt("d3", "乙贷"),
        ],
        contacts,
        ..Default::default()
    }
}

fn cn(contacts: Vec<Contact>) -> Case {
    case("Asia/Shanghai", contacts)
}

fn run(c: &Case, j: Jurisdiction) -> Vec<Finding> {
    check(c, j, day(TODAY))
}

fn only<'a>(fs: &'a [Finding], id: &str) -> Vec<&'a Finding> {
    fs.iter().filter(|f| f.id() == id).collect()
}

fn count_of(c: &Case, j: Jurisdiction, id: &str) -> usize {
    only(&run(c, j), id).len()
}

/// `n` calls on one local day, a minute apart from `start` (HH:MM).
fn calls(
    first_seq: u32,
    date: &str,
    start_hour: u32,
    n: u32,
    f: impl Fn(&mut ContactData),
) -> Vec<Contact> {
    (0..n)
        .map(|i| {
            let when = format!("{date}T{start_hour:02}:{:02}:00+08:00", i * 2);
            contact(first_seq + i, &when, &f)
        })
        .collect()
}

// ---- CN-HOURS --------------------------------------------------------------------

#[test]
fn cn_hours_boundaries() {
    for (time, expected) in [
        ("21:59:59", 0),
        ("22:00:00", 1),
        ("23:59:59", 1),
        ("00:00:00", 1),
        ("07:59:59", 1),
        ("08:00:00", 0),
    ] {
        let c = cn(vec![contact(
            1,
            &format!("2026-03-04T{time}+08:00"),
            |_| {},
        )]);
        assert_eq!(
            count_of(&c, Jurisdiction::Cn, "CN-HOURS"),
            expected,
            "{time}"
        );
    }
}

#[test]
fn cn_hours_groups_by_night_and_creditor_and_counts_every_channel() {
    let c = cn(vec![
        contact(1, "2026-03-04T22:30:00+08:00", |d| {
            d.outcome = Some(Outcome::Unanswered)
        }),
        contact(2, "2026-03-05T01:00:00+08:00", |d| {
            d.channel = Channel::Sms;
            d.outcome = None;
        }),
        contact(3, "2026-03-05T06:00:00+08:00", |d| {
            d.channel = Channel::HomeVisit
        }),
        contact(4, "2026-03-05T23:00:00+08:00", |_| {}),
        contact(5, "2026-03-04T23:00:00+08:00", |d| {
            d.debt_id = Some("d3".into())
        }),
    ]);
    let fs = run(&c, Jurisdiction::Cn);
    let nights = only(&fs, "CN-HOURS");
    assert_eq!(nights.len(), 3);
    let first = nights.iter().find(|f| f.contacts == vec![1, 2, 3]).unwrap();
    assert_eq!(first.creditor, Creditor::Lender("甲银行".into()));
    assert!(
        matches!(first.measure, Measure::Night { count: 3, night_of, .. } if night_of == day("2026-03-04"))
    );
    assert_eq!(first.strength, Strength::Standard);
    assert!(first
        .describe(Lang::En)
        .starts_with("3 contacts in the night of 2026-03-04"));
}

#[test]
fn stored_utc_instant_is_judged_in_the_configured_zone() {
    let at_utc = vec![contact(1, "2026-03-04T14:30:00+00:00", |_| {})];
    assert_eq!(
        count_of(&cn(at_utc.clone()), Jurisdiction::Cn, "CN-HOURS"),
        1,
        "22:30 in Shanghai"
    );
    assert_eq!(
        count_of(&case("Europe/London", at_utc), Jurisdiction::Cn, "CN-HOURS"),
        0,
        "14:30 in London"
    );
}

#[test]
fn source_dates_set_the_label() {
    let cases = [
        ("2024-05-14", None),
        (
            "2024-05-15",
            Some((Strength::SelfRegulation, "互联网金融贷后催收业务指引")),
        ),
        (
            "2025-02-27",
            Some((Strength::SelfRegulation, "互联网金融贷后催收业务指引")),
        ),
        ("2025-02-28", Some((Strength::Standard, "GB/T 45251-2025"))),
    ];
    for (date, expected) in cases {
        let c = cn(vec![contact(1, &format!("{date}T23:00:00+08:00"), |_| {})]);
        let fs = run(&c, Jurisdiction::Cn);
        let got = only(&fs, "CN-HOURS")
            .first()
            .map(|f| (f.strength, f.citations[0].instrument));
        match (got, expected) {
            (None, None) => {}
            (Some((s, inst)), Some((es, ei))) => {
                assert_eq!(s, es, "{date}");
                assert!(inst.contains(ei), "{date}: {inst}");
            }
            other => panic!("{date}: {other:?}"),
        }
    }
    // From 2026-01-30 the CBA guideline is cited as well; the label stays `standard`.
    let fs = run(
        &cn(vec![contact(1, "2026-02-01T23:00:00+08:00", |_| {})]),
        Jurisdiction::Cn,
    );
    let f = only(&fs, "CN-HOURS")[0];
    assert_eq!(f.strength, Strength::Standard);
    assert_eq!(
        f.citations
            .iter()
            .filter(|c| c.strength == Strength::SelfRegulation)
            .count(),
        1
    );
    assert!(
        f.citations.iter().any(|c| c.instrument.contains("民法典")),
        "related source shown"
    );
}

#[test]
fn consent_tick_and_consent_windows() {
    let night = |seq, t: &str| contact(seq, &format!("2026-03-04T{t}+08:00"), |_| {});
    let mut c = cn(vec![
        contact(1, "2026-03-04T22:30:00+08:00", |d| {
            d.ticks.insert(Tick::ConsentGiven);
        }),
        night(2, "22:40:00"),
        night(3, "23:30:00"),
    ]);
    c.events.push(event(
        "e1",
        EventKind::ConsentWindow,
        "2026-03-01T00:00:00+08:00",
        |e| {
            e.daily_window = Some((22 * 60, 23 * 60));
            e.debt_id = Some("d2".into()); // same lender as d1
        },
    ));
    assert_eq!(
        only(&run(&c, Jurisdiction::Cn), "CN-HOURS")[0].contacts,
        vec![3]
    );

    // Withdrawn before the call: no longer covers it.
    c.events[0].until = Some(at("2026-03-04T12:00:00+08:00"));
    assert_eq!(
        only(&run(&c, Jurisdiction::Cn), "CN-HOURS")[0].contacts,
        vec![2, 3]
    );

    // Consent given to another lender does not cover this one.
    c.events[0].until = None;
    c.events[0].debt_id = Some("d3".into());
    assert_eq!(
        only(&run(&c, Jurisdiction::Cn), "CN-HOURS")[0].contacts,
        vec![2, 3]
    );

    // A window over midnight.
    c.events[0].debt_id = None;
    c.events[0].daily_window = Some((23 * 60, 7 * 60));
    assert_eq!(
        only(&run(&c, Jurisdiction::Cn), "CN-HOURS")[0].contacts,
        vec![2]
    );
}

#[test]
fn user_initiated_deleted_and_callbacks_are_ignored() {
    let mut deleted = contact(2, "2026-03-04T23:10:00+08:00", |_| {});
    deleted.deleted_at = Some(Utc.timestamp_opt(1_800_000_000, 0).unwrap());
    let c = cn(vec![
        contact(1, "2026-03-04T23:00:00+08:00", |d| {
            d.direction = Direction::Outgoing
        }),
        deleted,
    ]);
    assert!(run(&c, Jurisdiction::Cn).is_empty());

    let mine = contact(1, "2026-03-04T22:00:00+08:00", |d| {
        d.direction = Direction::Outgoing;
        d.number_dialled = "+86 95188".into();
        d.outcome = Some(Outcome::Unanswered);
    });
    let back = |seq, t: &str| {
        contact(seq, &format!("2026-03-04T{t}+08:00"), |d| {
            d.from_number = "95188".into()
        })
    };
    let c = cn(vec![mine.clone(), back(2, "22:15:00")]);
    assert_eq!(
        count_of(&c, Jurisdiction::Cn, "CN-HOURS"),
        0,
        "call-back within 15 minutes"
    );
    let c = cn(vec![mine, back(2, "22:15:01")]);
    assert_eq!(count_of(&c, Jurisdiction::Cn, "CN-HOURS"), 1);
}

// ---- CN frequency ------------------------------------------------------------------

#[test]
fn cn_daily_connected_third_vs_fourth_call() {
    for (n, expected) in [(3, 0), (4, 1)] {
        let c = cn(calls(1, "2026-03-04", 10, n, |_| {}));
        assert_eq!(
            count_of(&c, Jurisdiction::Cn, "CN-DAILY-CONNECTED"),
            expected,
            "{n} calls"
        );
    }
    let fs = run(&cn(calls(1, "2026-03-04", 10, 5, |_| {})), Jurisdiction::Cn);
    let f = only(&fs, "CN-DAILY-CONNECTED")[0];
    assert_eq!(
        f.describe(Lang::En),
        "5 connected calls on 2026-03-04, limit 3"
    );
    assert_eq!(f.describe(Lang::ZhCn), "2026-03-04 接通 5 次，上限 3 次");
    assert_eq!(f.contacts, vec![1, 2, 3, 4, 5]);
    assert_eq!(f.strength, Strength::Standard);
}

#[test]
fn cn_daily_connected_counts_only_collector_talked_calls_to_the_debtor() {
    let mut cs = calls(1, "2026-03-04", 10, 3, |_| {});
    cs.push(contact(4, "2026-03-04T12:00:00+08:00", |d| {
        d.direction = Direction::Outgoing
    }));
    cs.push(contact(5, "2026-03-04T12:10:00+08:00", |d| {
        d.outcome = Some(Outcome::Unanswered)
    }));
    cs.push(contact(6, "2026-03-04T12:20:00+08:00", |d| {
        d.target = Target::Relative
    }));
    cs.push(contact(7, "2026-03-05T12:20:00+08:00", |_| {}));
    assert_eq!(count_of(&cn(cs), Jurisdiction::Cn, "CN-DAILY-CONNECTED"), 0);
}

#[test]
fn cn_same_lender_debts_count_together_different_lenders_apart_unknown_separate() {
    let mut same = calls(1, "2026-03-04", 10, 2, |_| {});
    same.extend(calls(3, "2026-03-04", 11, 2, |d| {
        d.debt_id = Some("d2".into())
    }));
    assert_eq!(
        count_of(&cn(same), Jurisdiction::Cn, "CN-DAILY-CONNECTED"),
        1,
        "d1 + d2 = 甲银行"
    );

    let mut apart = calls(1, "2026-03-04", 10, 2, |_| {});
    apart.extend(calls(3, "2026-03-04", 11, 2, |d| {
        d.debt_id = Some("d3".into())
    }));
    assert_eq!(
        count_of(&cn(apart), Jurisdiction::Cn, "CN-DAILY-CONNECTED"),
        0
    );

    let mut unknown = calls(1, "2026-03-04", 10, 3, |_| {});
    unknown.extend(calls(4, "2026-03-04", 11, 1, |d| d.debt_id = None));
    assert_eq!(
        count_of(&cn(unknown), Jurisdiction::Cn, "CN-DAILY-CONNECTED"),
        0,
        "never merged"
    );

    let all_unknown = calls(1, "2026-03-04", 10, 4, |d| {
        d.debt_id = Some("no-such-debt".into())
    });
    let fs = run(&cn(all_unknown), Jurisdiction::Cn);
    let f = only(&fs, "CN-DAILY-CONNECTED")[0];
    assert_eq!(f.creditor, Creditor::Unknown);
    assert_eq!(f.creditor.label(Lang::En), "unknown creditor");
}

#[test]
fn cn_daily_attempts_sixth_vs_seventh_per_number() {
    let unanswered = |d: &mut ContactData| d.outcome = Some(Outcome::Unanswered);
    for (n, expected) in [(6, 0), (7, 1)] {
        let c = cn(calls(1, "2026-03-04", 10, n, unanswered));
        assert_eq!(
            count_of(&c, Jurisdiction::Cn, "CN-DAILY-ATTEMPTS"),
            expected,
            "{n}"
        );
    }
    // Before the CBA guideline (2026-01-30) no source sets this limit.
    let c = cn(calls(1, "2025-03-04", 10, 9, unanswered));
    assert_eq!(count_of(&c, Jurisdiction::Cn, "CN-DAILY-ATTEMPTS"), 0);

    // The debtor's primary number stands in for an unlogged number; another number counts apart.
    let mut cs = calls(1, "2026-03-04", 10, 4, |d| {
        d.outcome = Some(Outcome::Voicemail);
        d.number_dialled = "+86 138 0000 0000".into();
    });
    cs.extend(calls(5, "2026-03-04", 11, 3, unanswered));
    cs.extend(calls(8, "2026-03-04", 12, 3, |d| {
        d.outcome = Some(Outcome::Unanswered);
        d.number_dialled = "13911111111".into();
    }));
    let fs = run(&cn(cs), Jurisdiction::Cn);
    let f = only(&fs, "CN-DAILY-ATTEMPTS");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].contacts, (1..=7).collect::<Vec<_>>());
    assert_eq!(f[0].strength, Strength::SelfRegulation);
    assert!(f[0].lead(Lang::En).starts_with("the industry guideline"));
}

#[test]
fn cn_daily_attempts_count_every_spelling_of_one_landline() {
    let mut cs = calls(1, "2026-03-04", 10, 4, |d| {
        d.outcome = Some(Outcome::Unanswered);
        d.number_dialled = "+86 10 6512 3456".into();
    });
    cs.extend(calls(5, "2026-03-04", 11, 3, |d| {
        d.outcome = Some(Outcome::Unanswered);
        d.number_dialled = "010-6512 3456".into();
    }));
    assert_eq!(count_of(&cn(cs), Jurisdiction::Cn, "CN-DAILY-ATTEMPTS"), 1);
}

#[test]
fn cn_burst_is_guidance_and_unverified() {
    let at3 = |t: [&str; 3]| {
        cn(t.iter()
            .enumerate()
            .map(|(i, t)| contact(i as u32 + 1, &format!("2026-03-04T{t}+08:00"), |_| {}))
            .collect())
    };
    let fs = run(&at3(["10:00:00", "10:05:00", "10:10:00"]), Jurisdiction::Cn);
    let f = only(&fs, "CN-BURST");
    assert_eq!(f.len(), 1);
    assert_eq!(
        (f[0].strength, f[0].unverified, f[0].severity),
        (Strength::Guidance, true, Severity::Info)
    );
    assert_eq!(
        count_of(
            &at3(["10:00:00", "10:05:00", "10:10:01"]),
            Jurisdiction::Cn,
            "CN-BURST"
        ),
        0
    );
}

#[test]
fn cn_repeated_abuse_three_within_thirty_days() {
    let threat = |seq, date: &str| {
        contact(seq, &format!("{date}T12:00:00+08:00"), |d| {
            d.ticks.insert(Tick::Insult);
        })
    };
    let c = cn(vec![
        threat(1, "2026-03-01"),
        threat(2, "2026-03-10"),
        threat(3, "2026-03-31"),
    ]);
    let fs = run(&c, Jurisdiction::Cn);
    let f = only(&fs, "CN-REPEATED-ABUSE");
    assert_eq!(f.len(), 1);
    assert!(f[0].unverified);
    assert_eq!(f[0].strength, Strength::Law);
    assert!(
        f[0].citations[0].instrument.contains("2025年修订"),
        "revised law from 2026-01-01"
    );
    let c = cn(vec![
        threat(1, "2026-03-01"),
        threat(2, "2026-03-10"),
        threat(3, "2026-04-01"),
    ]);
    assert_eq!(count_of(&c, Jurisdiction::Cn, "CN-REPEATED-ABUSE"), 0);
}

#[test]
fn cn_repeated_abuse_reports_a_real_thirty_day_window() {
    let insult = |seq, date: &str| {
        contact(seq, &format!("{date}T12:00:00+08:00"), |d| {
            d.ticks.insert(Tick::Insult);
        })
    };
    // A run over 68 days in which every 3 consecutive contacts fit in 30 days.
    let dates = [
        "2026-09-01",
        "2026-09-15",
        "2026-09-29",
        "2026-10-10",
        "2026-10-11",
        "2026-10-12",
        "2026-10-25",
        "2026-11-08",
    ];
    let c = cn(dates
        .iter()
        .enumerate()
        .map(|(i, d)| insult(i as u32 + 1, d))
        .collect());
    let fs = run(&c, Jurisdiction::Cn);
    let f = only(&fs, "CN-REPEATED-ABUSE");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].contacts, (1..=8).collect::<Vec<_>>());
    let Measure::Densest {
        start,
        end,
        count,
        days,
        total,
        ..
    } = f[0].measure.clone()
    else {
        panic!("{:?}", f[0].measure)
    };
    assert!(end - start <= chrono::Duration::days(30));
    assert_eq!((count, days, total), (5, 30, 8));
    assert_eq!(start.date(), day("2026-09-15"));
    let zh = f[0].describe(Lang::ZhCn);
    assert!(
        zh.starts_with("30 天内最多威胁或辱骂 5 次（2026-09-15 12:00 至 2026-10-12 12:00）"),
        "{zh}"
    );
    assert!(
        zh.contains("2026-09-01 至 2026-11-08 这一连串中共威胁或辱骂 8 次"),
        "{zh}"
    );
    assert!(!zh.contains("（30 天内）"), "{zh}");
    assert!(f[0].unverified && f[0].is_unverified());
    assert_eq!(
        summary(&c, &fs).unverified,
        fs.iter().filter(|f| f.is_unverified()).count()
    );
}

#[test]
fn unverified_is_one_test_everywhere() {
    // An insult in 2026: the revised law's art. 50 is [R]; CN-BURST is [U].
    let c = cn(vec![
        contact(1, "2026-03-04T10:00:00+08:00", |d| {
            d.ticks.insert(Tick::Insult);
        }),
        contact(2, "2026-03-04T10:05:00+08:00", |_| {}),
        contact(3, "2026-03-04T10:09:00+08:00", |_| {}),
    ]);
    let fs = run(&c, Jurisdiction::Cn);
    let burst = only(&fs, "CN-BURST");
    assert!(burst[0].is_unverified());
    let s = summary(&c, &fs);
    assert_eq!(
        s.unverified,
        fs.iter().filter(|f| f.is_unverified()).count()
    );
    for f in &fs {
        let primary_u = f.primary_sources().iter().any(|c| c.mark == Mark::U);
        assert_eq!(
            f.is_unverified(),
            f.rule.unverified || f.unverified || primary_u,
            "{}",
            f.id()
        );
    }
    assert_eq!(Mark::R.label().get(Lang::ZhCn), "未见原文，依据公开报道");
    assert_eq!(Mark::R.label().get(Lang::ZhTw), "未見原文，依據公開報導");
    assert_eq!(
        Mark::R.label().get(Lang::En),
        "not checked against the full text; based on reports"
    );
}

// ---- CN third parties ----------------------------------------------------------------

#[test]
fn cn_third_party_rules() {
    let tp = |seq, target, tick: Option<Tick>| {
        contact(seq, "2025-06-01T12:00:00+08:00", move |d| {
            d.target = target;
            d.ticks.extend(tick);
        })
    };
    let c = cn(vec![
        tp(1, Target::Relative, Some(Tick::AskedThirdPartyToPay)),
        tp(2, Target::Guarantor, Some(Tick::AskedThirdPartyToPay)),
        tp(3, Target::Friend, Some(Tick::DisclosedDebt)),
        tp(4, Target::PhonebookContact, None),
    ]);
    let fs = run(&c, Jurisdiction::Cn);
    assert_eq!(
        only(&fs, "CN-TP-COLLECT")
            .iter()
            .map(|f| f.contacts.clone())
            .collect::<Vec<_>>(),
        vec![vec![1]]
    );
    assert_eq!(only(&fs, "CN-TP-DISCLOSURE")[0].strength, Strength::Law);
    assert_eq!(only(&fs, "CN-PHONEBOOK")[0].strength, Strength::Law);

    // Before GB/T only the card rule supports CN-TP-COLLECT, and only for a known bank card.
    let early = |lender_type| {
        let mut c = cn(vec![contact(1, "2024-06-01T12:00:00+08:00", |d| {
            d.target = Target::Relative;
            d.ticks.insert(Tick::AskedThirdPartyToPay);
        })]);
        c.debts[0].lender_type = lender_type;
        only(&run(&c, Jurisdiction::Cn), "CN-TP-COLLECT")
            .first()
            .map(|f| f.strength)
    };
    assert_eq!(early(LenderType::BankCard), Some(Strength::Regulation));
    assert_eq!(early(LenderType::Unknown), None);
}

#[test]
fn cn_tp_while_reachable_needs_recent_evidence_and_no_lost_contact() {
    let talked = contact(1, "2026-03-01T10:00:00+08:00", |_| {});
    let relative = |seq, when: &str| contact(seq, when, |d| d.target = Target::Relative);
    let c = cn(vec![
        talked.clone(),
        relative(2, "2026-03-04T10:00:00+08:00"),
    ]);
    let fs = run(&c, Jurisdiction::Cn);
    assert_eq!(
        only(&fs, "CN-TP-WHILE-REACHABLE")[0].contacts,
        vec![2],
        "exactly 72 h"
    );
    let c = cn(vec![
        talked.clone(),
        relative(2, "2026-03-04T10:00:01+08:00"),
    ]);
    assert_eq!(count_of(&c, Jurisdiction::Cn, "CN-TP-WHILE-REACHABLE"), 0);

    // A message the debtor sent is evidence too; then 3 failed attempts = 失联.
    let sms = contact(1, "2026-03-01T10:00:00+08:00", |d| {
        d.direction = Direction::Outgoing;
        d.channel = Channel::Messaging;
        d.outcome = None;
    });
    let mut cs = vec![sms, relative(9, "2026-03-02T10:00:00+08:00")];
    assert_eq!(
        count_of(&cn(cs.clone()), Jurisdiction::Cn, "CN-TP-WHILE-REACHABLE"),
        1
    );
    cs.extend(calls(2, "2026-03-01", 12, 3, |d| {
        d.outcome = Some(Outcome::Unanswered)
    }));
    assert_eq!(
        count_of(&cn(cs), Jurisdiction::Cn, "CN-TP-WHILE-REACHABLE"),
        0
    );

    let mut c = cn(vec![talked, relative(2, "2026-03-02T10:00:00+08:00")]);
    c.events.push(event(
        "oos",
        EventKind::NumberOutOfService,
        "2026-03-01T20:00:00+08:00",
        |_| {},
    ));
    assert_eq!(count_of(&c, Jurisdiction::Cn, "CN-TP-WHILE-REACHABLE"), 0);
}

#[test]
fn cn_tp_after_refusal() {
    let mum = |seq, date: &str, stop: bool| {
        contact(seq, &format!("{date}T12:00:00+08:00"), move |d| {
            d.target = Target::Relative;
            d.number_dialled = "13922222222".into();
            if stop {
                d.ticks.insert(Tick::StopRequested);
            }
        })
    };
    let c = cn(vec![
        mum(1, "2026-03-01", true),
        mum(2, "2026-03-02", false),
    ]);
    let fs = run(&c, Jurisdiction::Cn);
    assert_eq!(only(&fs, "CN-TP-AFTER-REFUSAL")[0].contacts, vec![2]);
    let other_lender = contact(2, "2026-03-02T12:00:00+08:00", |d| {
        d.target = Target::Relative;
        d.number_dialled = "13922222222".into();
        d.debt_id = Some("d3".into());
    });
    assert_eq!(
        count_of(
            &cn(vec![mum(1, "2026-03-01", true), other_lender]),
            Jurisdiction::Cn,
            "CN-TP-AFTER-REFUSAL"
        ),
        0
    );
}

// ---- CN conduct ------------------------------------------------------------------------

#[test]
fn cn_impersonation_official_is_law_lawyer_is_self_regulation() {
    let ticked = |when: &str, tick| {
        let c = cn(vec![contact(1, when, |d| {
            d.ticks.insert(tick);
        })]);
        only(&run(&c, Jurisdiction::Cn), "CN-IMPERSONATION")
            .first()
            .map(|f| f.strength)
    };
    assert_eq!(
        ticked("2025-06-01T12:00:00+08:00", Tick::ImpersonateOfficial),
        Some(Strength::Law)
    );
    assert_eq!(
        ticked("2026-06-01T12:00:00+08:00", Tick::ImpersonateLawyer),
        Some(Strength::SelfRegulation)
    );
    assert_eq!(
        ticked("2025-06-01T12:00:00+08:00", Tick::ImpersonateLawyer),
        None,
        "before CBA"
    );
}

#[test]
fn cn_tick_rules_severity_and_wording() {
    let c = cn(vec![contact(1, "2026-03-04T12:00:00+08:00", |d| {
        d.ticks.extend([Tick::PhysicalForce, Tick::ExtraFeeDemand]);
    })]);
    let fs = run(&c, Jurisdiction::Cn);
    assert_eq!(fs[0].id(), "CN-VIOLENCE", "most serious first");
    assert_eq!(fs[0].severity, Severity::Critical);
    assert!(fs[0]
        .lead(Lang::En)
        .starts_with("may breach 《中华人民共和国刑法》 第238条"));
    assert!(fs[0]
        .lead(Lang::En)
        .ends_with("the police or a court decides"));
    assert_eq!(only(&fs, "CN-EXTRA-FEES")[0].severity, Severity::Low);
}

#[test]
fn cn_visit_staff() {
    for (staff, expected) in [(1, 1), (2, 0)] {
        let c = cn(vec![contact(1, "2026-03-04T12:00:00+08:00", |d| {
            d.channel = Channel::HomeVisit;
            d.visit_staff = Some(staff);
        })]);
        assert_eq!(count_of(&c, Jurisdiction::Cn, "CN-VISIT-STAFF"), expected);
    }
}

#[test]
fn cn_escalation_after_police_and_no_contact_order() {
    let threat = contact(2, "2026-03-05T12:00:00+08:00", |d| {
        d.ticks.insert(Tick::ThreatHarm);
    });
    let calm = contact(3, "2026-03-05T13:00:00+08:00", |d| {
        d.from_number = "95000".into()
    });
    let mut c = cn(vec![threat, calm]);
    c.events.push(event(
        "p",
        EventKind::PoliceIntervention,
        "2026-03-04T12:00:00+08:00",
        |e| {
            e.debt_id = Some("d2".into());
        },
    ));
    let fs = run(&c, Jurisdiction::Cn);
    assert_eq!(
        only(&fs, "CN-ESCALATION")
            .iter()
            .map(|f| f.contacts[0])
            .collect::<Vec<_>>(),
        vec![2]
    );

    c.events.push(event(
        "o",
        EventKind::NoContactOrder,
        "2026-03-04T12:00:00+08:00",
        |e| e.party = "95000".into(),
    ));
    let fs = run(&c, Jurisdiction::Cn);
    let order = only(&fs, "CN-ESCALATION")
        .into_iter()
        .find(|f| f.contacts == vec![3])
        .unwrap();
    assert!(order.citations[0].article.unwrap().contains("第50条第2款"));
}

#[test]
fn cn_after_complaint_and_after_stop_request() {
    let mut cs = calls(1, "2026-03-02", 10, 1, |_| {});
    cs.extend(calls(2, "2026-03-06", 10, 2, |d| {
        d.outcome = Some(Outcome::Unanswered)
    }));
    let mut c = cn(cs);
    c.events.push(event(
        "c",
        EventKind::Complaint,
        "2026-03-05T09:00:00+08:00",
        |e| e.debt_id = Some("d1".into()),
    ));
    let fs = run(&c, Jurisdiction::Cn);
    let f = only(&fs, "CN-AFTER-COMPLAINT");
    assert_eq!(f[0].contacts, vec![2, 3]);
    assert_eq!(f[0].strength, Strength::Guidance);

    let c = cn(vec![
        contact(1, "2026-03-01T10:00:00+08:00", |d| {
            d.ticks.insert(Tick::WritingOnlyRequested);
        }),
        contact(2, "2026-03-02T10:00:00+08:00", |d| {
            d.channel = Channel::Sms;
            d.outcome = None;
        }),
        contact(3, "2026-03-03T10:00:00+08:00", |_| {}),
    ]);
    assert_eq!(
        only(&run(&c, Jurisdiction::Cn), "CN-AFTER-STOP-REQUEST")[0].contacts,
        vec![3]
    );
}

#[test]
fn cn_agreement_old_schedule() {
    let contact_on = |seq, date: &str, reminder: bool| {
        contact(seq, &format!("{date}T12:00:00+08:00"), move |d| {
            if reminder {
                d.ticks.insert(Tick::ReminderOnly);
            }
        })
    };
    let mut c = cn(vec![
        contact_on(1, "2026-02-20", false), // before the agreement
        contact_on(2, "2026-03-05", false), // on schedule: finding
        contact_on(3, "2026-03-06", true),  // reminder only
        contact_on(4, "2026-04-12", false), // April instalment missed
        contact_on(5, "2026-04-20", false), // arrears cleared on 04-15
    ]);
    c.agreements.push(Agreement {
        id: "a1".into(),
        debt_id: "d1".into(),
        date_reached: day("2026-03-01"),
        instalments: vec![
            Instalment {
                due: day("2026-03-10"),
                amount: Money(100),
            },
            Instalment {
                due: day("2026-04-10"),
                amount: Money(100),
            },
        ],
        payments: vec![
            Payment {
                id: "p1".into(),
                date: day("2026-03-09"),
                amount: Money(100),
                channel: String::new(),
                reference: String::new(),
                proofs: Vec::new(),
            },
            Payment {
                id: "p2".into(),
                date: day("2026-04-15"),
                amount: Money(100),
                channel: String::new(),
                reference: String::new(),
                proofs: Vec::new(),
            },
        ],
        ..Default::default()
    });
    let fs = run(&c, Jurisdiction::Cn);
    let seqs: Vec<u32> = only(&fs, "CN-AGREEMENT-OLD-SCHEDULE")
        .iter()
        .map(|f| f.contacts[0])
        .collect();
    assert_eq!(seqs, vec![2, 5]);
}

/// An agreement reached 2026-03-01 with one instalment due 2026-03-20.
fn agreement_case(contacts: Vec<Contact>) -> Case {
    let mut c = cn(contacts);
    c.agreements.push(Agreement {
        id: "a1".into(),
        debt_id: "d1".into(),
        date_reached: day("2026-03-01"),
        instalments: vec![Instalment {
            due: day("2026-03-20"),
            amount: Money(100),
        }],
        ..Default::default()
    });
    c
}

#[test]
fn cn_agreement_findings_are_grouped_per_week_and_worded_exactly() {
    let on = |seq, when: &str, old: bool| {
        contact(seq, &format!("{when}+08:00"), move |d| {
            if old {
                d.ticks.insert(Tick::DemandedOldAmount);
            }
        })
    };
    // Mon 03-02 … Sun 03-08 is one week; 03-09 starts the next.
    let c = agreement_case(vec![
        on(1, "2026-03-02T10:00:00", false),
        on(2, "2026-03-02T15:00:00", false),
        on(3, "2026-03-05T11:00:00", true),
        on(4, "2026-03-08T20:00:00", false),
        on(5, "2026-03-09T09:00:00", false),
    ]);
    let fs = run(&c, Jurisdiction::Cn);
    let f = only(&fs, "CN-AGREEMENT-OLD-SCHEDULE");
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].contacts, vec![1, 2, 3, 4]);
    assert_eq!(f[1].contacts, vec![5]);
    assert_eq!(f[0].debt_id.as_deref(), Some("d1"));
    let zh = f[0].describe(Lang::ZhCn);
    assert!(zh.contains("2026-03-02 至 2026-03-08"), "{zh}");
    assert!(zh.contains("联系 1 次要求按原欠款或原条件还款"), "{zh}");
    assert!(
        zh.contains("你没有逾期的情况下，对方仍在催收，联系 3 次（记录未标明只是提醒下一期还款）"),
        "{zh}"
    );
    // Nothing was due yet: never "paying on schedule"; no old-terms claim
    // for contacts that were not ticked.
    let zh1 = f[1].describe(Lang::ZhCn);
    assert!(
        !zh1.contains("原欠款") && !zh1.contains("按期还款期间"),
        "{zh1}"
    );
    assert!(zh1.starts_with("2026-03-09："), "{zh1}");
    for lang in [Lang::ZhCn, Lang::ZhTw, Lang::En] {
        for x in &f {
            let d = x.describe(lang);
            assert!(!d.contains("违法") && !d.contains("非法") && !d.contains("illegal"));
        }
    }
    // Guidance: no primary source; the 民法典 articles are related only.
    assert!(f[0].primary_sources().is_empty());
    assert_eq!(f[0].related_sources().len(), 4);
    assert_eq!(f[0].strength, Strength::Guidance);
}

#[test]
fn guidance_findings_have_no_primary_source() {
    for id in [
        "CN-BURST",
        "CN-AFTER-COMPLAINT",
        "CN-AFTER-STOP-REQUEST",
        "CN-AGREEMENT-OLD-SCHEDULE",
    ] {
        let r = rule(id).unwrap();
        assert!(r.primary.is_empty(), "{id}");
        assert_eq!(r.strength(), Strength::Guidance, "{id}");
    }
}

#[test]
fn cn_illegal_debt_needs_the_users_mark() {
    let mut c = cn(vec![contact(1, "2026-03-04T12:00:00+08:00", |d| {
        d.ticks.insert(Tick::Following);
    })]);
    assert_eq!(count_of(&c, Jurisdiction::Cn, "CN-ILLEGAL-DEBT"), 0);
    c.debts[0].possibly_illegal = true;
    assert_eq!(count_of(&c, Jurisdiction::Cn, "CN-ILLEGAL-DEBT"), 1);
}

#[test]
fn cn_deadline_reminders() {
    // Filed Fri 2026-03-06; +20 days = Thu 03-26. +30 = Sun 04-05, inside
    // 清明 (04-04..06 off under the 2026 notice) -> Tue 04-07.
    let mut c = cn(vec![]);
    c.events.push(event(
        "x",
        EventKind::CreditDispute,
        "2026-03-06T10:00:00+08:00",
        |_| {},
    ));
    c.events.push(event(
        "y",
        EventKind::CreditComplaint,
        "2026-03-06T10:00:00+08:00",
        |_| {},
    ));
    let ids = |today: &str, c: &Case| {
        check(c, Jurisdiction::Cn, day(today))
            .iter()
            .map(|f| f.id())
            .collect::<Vec<_>>()
    };
    assert!(ids("2026-03-26", &c).is_empty());
    assert_eq!(ids("2026-03-27", &c), vec!["CN-DL-CREDIT-DISPUTE"]);
    assert_eq!(ids("2026-04-07", &c), vec!["CN-DL-CREDIT-DISPUTE"]);
    assert_eq!(ids("2026-04-08", &c).len(), 2);
    let f = &check(&c, Jurisdiction::Cn, day("2026-04-08"))[0];
    assert_eq!(f.severity, Severity::Low);
    c.events[0].replied_on = Some(day("2026-03-20"));
    assert_eq!(ids("2026-04-08", &c), vec!["CN-DL-CREDIT-COMPLAINT"]);
}

/// A credit dispute filed on `filed`: the reminder's due date and text, as
/// seen on `today` (None = no reminder yet).
fn dispute_due(filed: &str, today: &str) -> Option<(NaiveDate, String)> {
    let mut c = cn(vec![]);
    c.events.push(event(
        "x",
        EventKind::CreditDispute,
        &format!("{filed}T10:00:00+08:00"),
        |_| {},
    ));
    let fs = check(&c, Jurisdiction::Cn, day(today));
    fs.first().map(|f| match f.measure {
        Measure::Deadline { due, .. } => (due, f.describe(crate::i18n::Lang::En)),
        _ => panic!("not a deadline"),
    })
}

#[test]
fn cn_deadline_moves_off_statutory_holidays() {
    // +20 from 09-11 is Thu 2026-10-01 (国庆 10-01..07): due Thu 10-08.
    assert_eq!(dispute_due("2026-09-11", "2026-10-02"), None);
    assert_eq!(dispute_due("2026-09-11", "2026-10-08"), None);
    let (due, text) = dispute_due("2026-09-11", "2026-10-09").unwrap();
    assert_eq!(due, day("2026-10-08"));
    assert!(!text.contains("covers"), "{text}");
    // +20 from 09-20 is Sat 10-10, an adjusted working day (调休): no move.
    assert_eq!(dispute_due("2026-09-20", "2026-10-10"), None);
    assert_eq!(
        dispute_due("2026-09-20", "2026-10-11").unwrap().0,
        day("2026-10-10")
    );
    // 2025: +20 from 01-09 is Wed 01-29 (春节 01-28..02-04): due Wed 02-05.
    assert_eq!(dispute_due("2025-01-09", "2025-02-05"), None);
    assert_eq!(
        dispute_due("2025-01-09", "2025-02-06").unwrap().0,
        day("2025-02-05")
    );
    // 2024: +20 from 01-25 is Wed 02-14 (春节 02-10..17): due Sun 02-18, a 调休 working day.
    assert_eq!(dispute_due("2024-01-25", "2024-02-18"), None);
    assert_eq!(
        dispute_due("2024-01-25", "2024-02-19").unwrap().0,
        day("2024-02-18")
    );
}

#[test]
fn cn_deadline_outside_the_calendar_moves_weekends_only_and_says_so() {
    // 2027 has no notice yet: Fri 2027-10-01 stays, with a note.
    assert_eq!(dispute_due("2027-09-11", "2027-10-01"), None);
    let (due, text) = dispute_due("2027-09-11", "2027-10-02").unwrap();
    assert_eq!(due, day("2027-10-01"));
    assert!(text.contains("covers 2024–2026 only"), "{text}");
    // Sat 2027-10-02 -> Mon 10-04.
    assert_eq!(
        dispute_due("2027-09-12", "2027-10-05").unwrap().0,
        day("2027-10-04")
    );
    let rule = rule("CN-DL-CREDIT-DISPUTE").unwrap();
    let (first, last) = crate::domain::holidays::covered(&crate::domain::holidays::CN);
    for lang in crate::i18n::Lang::ALL {
        let note = rule.scope.unwrap().get(lang);
        assert!(note.contains(&format!("{first}–{last}")), "{note}");
    }
    for y in &crate::domain::holidays::CN {
        assert!(
            rule.related
                .iter()
                .any(|c| c.instrument.starts_with(y.source)),
            "{}",
            y.year
        );
    }
}

// ---- United States -----------------------------------------------------------------------

fn us(contacts: Vec<Contact>) -> Case {
    let mut c = case("America/New_York", contacts);
    c.settings.jurisdiction = Jurisdiction::Us;
    c
}

#[test]
fn us_hours_across_dst() {
    // 2026-03-07 is EST (-05:00); 2026-03-09 is EDT (-04:00).
    let table = [
        ("2026-03-07T20:59:59-05:00", 0),
        ("2026-03-07T21:00:00-05:00", 1),
        ("2026-03-09T20:59:59-04:00", 0),
        ("2026-03-09T21:00:00-04:00", 1),
        ("2026-03-10T01:00:00+00:00", 1), // 21:00 EDT stored in UTC
        ("2026-01-10T01:59:59+00:00", 0), // 20:59:59 EST stored in UTC
        ("2026-03-09T07:59:59-04:00", 1),
        ("2026-03-09T08:00:00-04:00", 0),
    ];
    for (when, expected) in table {
        let c = us(vec![contact(1, when, |_| {})]);
        assert_eq!(
            count_of(&c, Jurisdiction::Us, "US-HOURS"),
            expected,
            "{when}"
        );
    }
    let fs = run(
        &us(vec![contact(1, "2026-03-09T21:00:00-04:00", |_| {})]),
        Jurisdiction::Us,
    );
    assert_eq!(fs[0].strength, Strength::Law);
}

/// One unanswered collector call a day at noon New York time, from `start`.
fn us_daily_calls(first_seq: u32, dates: &[&str], f: impl Fn(&mut ContactData)) -> Vec<Contact> {
    dates
        .iter()
        .enumerate()
        .map(|(i, d)| {
            contact(first_seq + i as u32, &format!("{d}T12:00:00-05:00"), |c| {
                c.outcome = Some(Outcome::Unanswered);
                f(c);
            })
        })
        .collect()
}

#[test]
fn us_seven_in_seven() {
    let week = [
        "2026-02-02",
        "2026-02-03",
        "2026-02-04",
        "2026-02-05",
        "2026-02-06",
        "2026-02-07",
        "2026-02-08",
    ];
    let seven = us_daily_calls(1, &week, |_| {});
    assert_eq!(
        count_of(&us(seven.clone()), Jurisdiction::Us, "US-FREQ-7IN7"),
        0,
        "7 calls"
    );

    let mut eight = seven.clone();
    eight.extend(us_daily_calls(8, &["2026-02-08"], |c| {
        c.outcome = Some(Outcome::Voicemail)
    }));
    let fs = run(&us(eight), Jurisdiction::Us);
    let f = only(&fs, "US-FREQ-7IN7");
    assert_eq!(f.len(), 1);
    assert_eq!(
        f[0].describe(Lang::En),
        "8 calls in the 7 days from 2026-02-02, limit 7"
    );
    assert_eq!(f[0].debt_id.as_deref(), Some("d1"));
    assert!(f[0]
        .lead(Lang::En)
        .starts_with("presumed to violate Regulation F"));

    // The 8th call on day 8 is outside the first 7 days.
    let mut later = seven.clone();
    later.extend(us_daily_calls(8, &["2026-02-09"], |_| {}));
    assert_eq!(count_of(&us(later), Jurisdiction::Us, "US-FREQ-7IN7"), 0);

    // Busy signals, texts and a second debt (even with the same lender) do not add up.
    for f in [
        (|c: &mut ContactData| c.outcome = Some(Outcome::NotConnected)) as fn(&mut ContactData),
        |c| {
            c.channel = Channel::Sms;
            c.outcome = None;
        },
        |c| c.debt_id = Some("d2".into()),
        |c| c.direction = Direction::Outgoing,
    ] {
        let mut cs = seven.clone();
        cs.extend(us_daily_calls(8, &["2026-02-08"], f));
        assert_eq!(count_of(&us(cs), Jurisdiction::Us, "US-FREQ-7IN7"), 0);
    }
}

#[test]
fn us_after_conversation_day_seven_vs_day_eight() {
    let conversation = contact(1, "2026-02-02T10:00:00-05:00", |c| {
        c.direction = Direction::Outgoing
    });
    for (date, expected) in [("2026-02-02", 1), ("2026-02-08", 1), ("2026-02-09", 0)] {
        let mut cs = vec![conversation.clone()];
        cs.extend(us_daily_calls(2, &[date], |_| {}));
        let fs = run(&us(cs), Jurisdiction::Us);
        assert_eq!(only(&fs, "US-AFTER-CONVERSATION").len(), expected, "{date}");
    }
    let mut cs = vec![conversation];
    cs.extend(us_daily_calls(2, &["2026-02-08"], |_| {}));
    let fs = run(&us(cs), Jurisdiction::Us);
    assert!(matches!(
        only(&fs, "US-AFTER-CONVERSATION")[0].measure,
        Measure::AfterConversation { day: 7, .. }
    ));
}

#[test]
fn us_event_and_tick_rules() {
    let mut c = us(vec![
        contact(1, "2026-02-03T12:00:00-05:00", |d| {
            d.target = Target::Employer
        }),
        contact(2, "2026-02-04T12:00:00-05:00", |d| {
            d.target = Target::Friend;
            d.ticks.insert(Tick::LocationCall);
        }),
        contact(3, "2026-02-05T12:00:00-05:00", |d| {
            d.target = Target::Friend;
            d.ticks.insert(Tick::LocationCall);
        }),
        contact(4, "2026-02-06T12:00:00-05:00", |d| {
            d.ticks.extend([
                Tick::ThreatenedLawsuit,
                Tick::Obscene,
                Tick::WritingOnlyRequested,
            ]);
        }),
        contact(5, "2026-02-07T12:00:00-05:00", |d| {
            d.debt_id = Some("d3".into())
        }),
    ]);
    c.debts[0].time_barred = true;
    c.events.push(event(
        "w",
        EventKind::WorkplaceProhibited,
        "2026-02-01T12:00:00-05:00",
        |_| {},
    ));
    c.events.push(event(
        "c",
        EventKind::CeaseNotice,
        "2026-02-06T18:00:00-05:00",
        |e| e.debt_id = Some("d3".into()),
    ));
    let fs = run(&c, Jurisdiction::Us);
    let seqs = |id| {
        only(&fs, id)
            .iter()
            .map(|f| f.contacts[0])
            .collect::<Vec<_>>()
    };
    assert_eq!(seqs("US-WORKPLACE"), vec![1]);
    assert_eq!(seqs("US-THIRD-PARTY"), vec![3]);
    assert_eq!(seqs("US-TIME-BARRED"), vec![4]);
    assert_eq!(seqs("US-CONDUCT"), vec![4]);
    assert_eq!(seqs("US-CEASE"), vec![5]);
    assert!(seqs("US-MEDIUM").is_empty(), "a different debt's collector");
    let conduct = only(&fs, "US-CONDUCT")[0];
    assert_eq!(
        conduct.citations.len(),
        1,
        "only §1692d supports an obscenity tick"
    );
}

// ---- Other jurisdictions ----------------------------------------------------------------

#[test]
fn other_jurisdiction_hours() {
    let table = [
        (
            Jurisdiction::In,
            "Asia/Kolkata",
            "2026-03-04T18:59:59+05:30",
            0,
        ),
        (
            Jurisdiction::In,
            "Asia/Kolkata",
            "2026-03-04T19:00:00+05:30",
            1,
        ),
        (
            Jurisdiction::Ph,
            "Asia/Manila",
            "2026-03-04T05:59:59+08:00",
            1,
        ),
        (
            Jurisdiction::Ph,
            "Asia/Manila",
            "2026-03-04T06:00:00+08:00",
            0,
        ),
        (
            Jurisdiction::Tw,
            "Asia/Taipei",
            "2026-03-04T06:59:59+08:00",
            1,
        ),
        (
            Jurisdiction::Tw,
            "Asia/Taipei",
            "2026-03-04T21:59:59+08:00",
            0,
        ),
        // 2026-03-04 is a Wednesday, 03-07 a Saturday.
        (
            Jurisdiction::Au,
            "Australia/Sydney",
            "2026-03-04T07:30:00+11:00",
            0,
        ),
        (
            Jurisdiction::Au,
            "Australia/Sydney",
            "2026-03-07T07:30:00+11:00",
            1,
        ),
        (
            Jurisdiction::Au,
            "Australia/Sydney",
            "2026-03-07T09:00:00+11:00",
            0,
        ),
    ];
    for (j, zone, when, expected) in table {
        let c = case(zone, vec![contact(1, when, |_| {})]);
        let n = run(&c, j)
            .iter()
            .filter(|f| f.rule.kind == Kind::Timing)
            .count();
        assert_eq!(n, expected, "{j:?} {when}");
    }
    let visit = case(
        "Australia/Sydney",
        vec![contact(1, "2026-03-04T08:00:00+11:00", |d| {
            d.channel = Channel::HomeVisit
        })],
    );
    assert_eq!(count_of(&visit, Jurisdiction::Au, "AU-HOURS"), 1);
    let c = case(
        "Asia/Shanghai",
        vec![contact(1, "2026-03-04T03:00:00+08:00", |_| {})],
    );
    assert!(run(&c, Jurisdiction::Hk).is_empty() && run(&c, Jurisdiction::Uk).is_empty());
}

#[test]
fn au_frequency_per_week_and_month() {
    let cs: Vec<Contact> = (0..4)
        .map(|i| contact(i + 1, &format!("2026-03-0{}T12:00:00+11:00", 2 + i), |_| {}))
        .collect();
    let fs = run(&case("Australia/Sydney", cs.clone()), Jurisdiction::Au);
    assert_eq!(only(&fs, "AU-FREQ").len(), 1);
    let mut unanswered = cs;
    unanswered[3].data.outcome = Some(Outcome::Unanswered);
    assert_eq!(
        count_of(
            &case("Australia/Sydney", unanswered),
            Jurisdiction::Au,
            "AU-FREQ"
        ),
        0,
        "attempts are not contacts"
    );
}

// ---- Catalog ----------------------------------------------------------------------------

#[test]
fn catalog_is_consistent() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len(), "unique ids");
    for r in RULES {
        assert_eq!(rule(r.id), Some(r));
        let prefix = format!("{:?}", r.jurisdiction).to_uppercase();
        assert!(r.id.starts_with(&prefix), "{}", r.id);
        let mut texts = vec![r.title, r.explanation];
        texts.extend(r.scope);
        texts.extend(r.primary.iter().chain(r.related).filter_map(|c| c.scope));
        for t in texts {
            for lang in Lang::ALL {
                let s = t.get(lang);
                assert!(!s.trim().is_empty(), "{} {lang:?}", r.id);
                let lower = s.to_lowercase();
                for word in ["illegal", "违法", "違法", "非法"] {
                    assert!(!lower.contains(word), "{} {lang:?} says {word}", r.id);
                }
            }
            assert_ne!(t.zh_cn, t.zh_tw, "{}: zh-TW must be Traditional", r.id);
        }
        if r.strength() != Strength::Guidance {
            assert!(!r.primary.is_empty(), "{}", r.id);
        }
    }
    assert_eq!(
        catalog(Jurisdiction::Hk).filter(|r| !r.checkable).count(),
        1
    );
    assert_eq!(rule("CN-HOURS").unwrap().strength(), Strength::Standard);
    assert_eq!(
        rule("CN-HOURS").unwrap().effective(),
        Some(day("2024-05-15"))
    );
    assert_eq!(
        rule("CN-AGREEMENT-OLD-SCHEDULE").unwrap().strength(),
        Strength::Guidance
    );
}

#[test]
fn wording_never_says_illegal() {
    for s in Strength::ALL {
        for lang in Lang::ALL {
            let w = s.wording(lang).to_lowercase();
            assert!(!w.contains("illegal") && !w.contains("违法") && !w.contains("違法"));
        }
    }
    assert!(Strength::Law.wording(Lang::En).contains("may breach"));
}

// ---- Stats ---------------------------------------------------------------------------

#[test]
fn stats_per_day_week_hour_and_summary() {
    let c = cn(vec![
        contact(1, "2026-03-02T23:00:00+08:00", |_| {}),
        contact(2, "2026-03-04T10:00:00+08:00", |_| {}),
        contact(3, "2026-03-04T10:30:00+08:00", |_| {}),
        contact(4, "2026-03-04T11:00:00+08:00", |d| {
            d.direction = Direction::Outgoing
        }),
    ]);
    assert_eq!(
        per_day(&c),
        vec![
            (day("2026-03-02"), 1),
            (day("2026-03-03"), 0),
            (day("2026-03-04"), 2)
        ]
    );
    let grid = week_hour(&c);
    assert_eq!(grid[0][23], 1, "Monday 23:00");
    assert_eq!(grid[2][10], 2, "Wednesday 10:00");
    let fs = run(&c, Jurisdiction::Cn);
    let s = summary(&c, &fs);
    assert_eq!((s.findings, s.distinct_days), (1, 1));
    assert_eq!(s.by_strength[2], (Strength::Standard, 1));
}

// ---- Order independence, serde, scale ------------------------------------------------------

fn arbitrary_case(spec: &[(u32, u8, u8, u8, u8, bool)]) -> Case {
    let contacts = spec
        .iter()
        .enumerate()
        .map(|(i, &(minutes, outcome, target, debt, tick, outgoing))| {
            let instant =
                at("2026-03-01T00:00:00+08:00") + chrono::Duration::minutes(i64::from(minutes));
            let mut c = contact(i as u32 + 1, &instant.to_rfc3339(), |d| {
                d.outcome = Some(Outcome::ALL[outcome as usize % 4]);
                d.target = Target::ALL[target as usize % Target::ALL.len()];
                d.debt_id = ["d1", "d2", "d3", "zz"]
                    .get(debt as usize % 4)
                    .map(|s| s.to_string());
                d.ticks.insert(Tick::ALL[tick as usize % Tick::ALL.len()]);
                if outgoing {
                    d.direction = Direction::Outgoing;
                }
            });
            if tick % 17 == 0 {
                c.deleted_at = Some(Utc.timestamp_opt(1_800_000_000, 0).unwrap());
            }
            c
        })
        .collect();
    cn(contacts)
}

proptest! {
    #[test]
    fn findings_ignore_storage_order_and_survive_serde(
        (spec, order) in prop::collection::vec((0u32..20_000, any::<u8>(), any::<u8>(), any::<u8>(), any::<u8>(), any::<bool>()), 1..60)
            .prop_flat_map(|spec| {
                let n = spec.len();
                (Just(spec), Just((0..n).collect::<Vec<_>>()).prop_shuffle())
            })
    ) {
        let c = arbitrary_case(&spec);
        let mut shuffled = c.clone();
        shuffled.contacts = order.iter().map(|&i| c.contacts[i].clone()).collect();
        let today = day(TODAY);
        for j in Jurisdiction::ALL {
            let expected = check(&c, j, today);
            prop_assert_eq!(&check(&shuffled, j, today), &expected);
            let json = serde_json::to_string(&c).unwrap();
            let back: Case = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&check(&back, j, today), &expected);
        }
    }
}

#[test]
fn ten_thousand_contacts() {
    // 10,000 talked calls to the debtor, 10 a day from 10:00, over 1,000 days.
    let start = at("2024-06-01T10:00:00+08:00");
    let contacts: Vec<Contact> = (0..10_000u32)
        .map(|i| {
            let instant = start
                + chrono::Duration::days(i64::from(i / 10))
                + chrono::Duration::minutes(i64::from(i % 10) * 20);
            contact(i + 1, &instant.to_rfc3339(), |_| {})
        })
        .collect();
    let c = cn(contacts);
    let fs = run(&c, Jurisdiction::Cn);
    // Every day has 10 connected calls; NIFA covers every day from 2024-06-01.
    assert_eq!(only(&fs, "CN-DAILY-CONNECTED").len(), 1000);
    assert!(only(&fs, "CN-DAILY-CONNECTED")
        .iter()
        .all(|f| matches!(f.measure, Measure::PerDay { count: 10, .. })));
    let us_fs = run(&us(c.contacts.clone()), Jurisdiction::Us);
    let weekly = only(&us_fs, "US-FREQ-7IN7");
    assert!(!weekly.is_empty());
    assert!(weekly
        .iter()
        .all(|f| matches!(f.measure, Measure::SevenDays { count, .. } if count > 7)));
}

#[test]
fn english_counts_agree_in_number() {
    assert_eq!(Unit::Calls.count(1, Lang::En), "1 call");
    assert_eq!(Unit::Calls.count(2, Lang::En), "2 calls");
    assert_eq!(Unit::TalkedCalls.count(4, Lang::ZhCn), "接通 4 次");
}

// ---- Additions: holidays (AU), orders naming a party -------------------------------

#[test]
fn au_hours_national_public_holidays() {
    let au = |when: &str| case("Australia/Sydney", vec![contact(1, when, |_| {})]);
    for (when, expected) in [
        ("2026-04-25T12:00:00+10:00", 1), // Anzac Day, a Saturday, inside weekend hours
        ("2026-04-24T12:00:00+10:00", 0),
        ("2026-04-27T12:00:00+10:00", 0), // a substitute only some states declare
        ("2025-01-27T12:00:00+11:00", 1), // Australia Day observed everywhere on Monday
        ("2025-01-26T12:00:00+11:00", 0),
        ("2026-12-25T10:00:00+11:00", 1),
        ("2026-12-25T03:00:00+11:00", 1), // one finding, not a second one for the hours
        ("2027-01-01T12:00:00+11:00", 0), // outside the calendar: hours only
        ("2027-01-01T06:00:00+11:00", 1),
    ] {
        assert_eq!(
            count_of(&au(when), Jurisdiction::Au, "AU-HOURS"),
            expected,
            "{when}"
        );
    }
    let fs = run(&au("2026-04-25T12:00:00+10:00"), Jurisdiction::Au);
    let f = only(&fs, "AU-HOURS")[0];
    assert_eq!(
        f.describe(Lang::En),
        "1 contact on 2026-04-25, a national public holiday (Anzac Day)"
    );
    assert!(f.related_sources()[0].reference().contains("s 115(1)(a)"));
    // A letter carries no time; email is outside the guideline's hours table.
    let letter = case(
        "Australia/Sydney",
        vec![contact(1, "2026-04-25T12:00:00+10:00", |d| {
            d.channel = Channel::Letter
        })],
    );
    assert_eq!(count_of(&letter, Jurisdiction::Au, "AU-HOURS"), 0);
    for lang in Lang::ALL {
        assert!(rule("AU-HOURS")
            .unwrap()
            .explanation
            .get(lang)
            .contains("2024–2026"));
    }
}

/// A no-contact order for debt d1 (甲银行) from 2026-03-04 noon; `f` names its party.
fn order(f: impl FnOnce(&mut CaseEvent)) -> CaseEvent {
    event(
        "o",
        EventKind::NoContactOrder,
        "2026-03-04T12:00:00+08:00",
        f,
    )
}

fn order_hits(order: CaseEvent) -> Vec<u32> {
    let mut c = cn(vec![
        contact(1, "2026-03-05T12:00:00+08:00", |d| {
            d.agency = "丙催收".into()
        }),
        contact(2, "2026-03-05T13:00:00+08:00", |_| {}),
        contact(3, "2026-03-05T14:00:00+08:00", |d| {
            d.from_number = "+86 138 0013 8000".into()
        }),
        contact(4, "2026-03-05T15:00:00+08:00", |d| {
            d.debt_id = Some("d3".into());
            d.collector_name = "李四".into();
        }),
        contact(5, "2026-03-03T12:00:00+08:00", |d| {
            d.agency = "丙催收".into()
        }),
    ]);
    c.events.push(order);
    let mut seqs: Vec<u32> = only(&run(&c, Jurisdiction::Cn), "CN-ESCALATION")
        .iter()
        .map(|f| f.contacts[0])
        .collect();
    seqs.sort_unstable();
    seqs
}

#[test]
fn cn_no_contact_order_covers_only_the_party_it_names() {
    let debt_and_agency = order(|e| {
        e.debt_id = Some("d1".into());
        e.party = " 丙催收 ".into();
    });
    assert_eq!(order_hits(debt_and_agency), vec![1]);
    assert_eq!(
        order_hits(order(|e| e.party = "13800138000".into())),
        vec![3]
    );
    assert_eq!(order_hits(order(|e| e.party = "李四".into())), vec![4]);
    assert_eq!(
        order_hits(order(|e| e.party = "丁催收".into())),
        Vec::<u32>::new()
    );
    // The lender as a whole: everyone collecting for 甲银行, not 乙贷.
    assert_eq!(
        order_hits(order(|e| e.debt_id = Some("d1".into()))),
        vec![1, 2, 3]
    );
    // Naming nobody: every collector.
    assert_eq!(order_hits(order(|_| {})), vec![1, 2, 3, 4]);
}

#[test]
fn cn_no_contact_order_finding_says_which_order() {
    let describe = |ev: CaseEvent, lang: Lang| {
        let mut c = cn(vec![contact(1, "2026-03-05T12:00:00+08:00", |d| {
            d.agency = "丙催收".into()
        })]);
        c.events.push(ev);
        only(&run(&c, Jurisdiction::Cn), "CN-ESCALATION")[0].describe(lang)
    };
    assert_eq!(
        describe(order(|e| e.party = "丙催收".into()), Lang::En),
        "contact on 2026-03-05 12:00 despite the no-contact order of 2026-03-04 (naming 丙催收)"
    );
    assert!(
        describe(order(|e| e.debt_id = Some("d1".into())), Lang::ZhCn)
            .contains("2026-03-04 的禁止接触决定（对象：甲银行及其所有催收方）")
    );
    assert!(describe(order(|_| {}), Lang::ZhTw).contains("所有催收方"));
}

/// Orders stored before parties were matched: the same JSON still reads, and
/// one without a party still covers the whole lender.
#[test]
fn stored_no_contact_order_without_a_party_keeps_its_meaning() {
    let stored =
        r#"{"id":"o","kind":"no_contact_order","at":"2026-03-04T12:00:00+08:00","debt_id":"d1"}"#;
    let ev: CaseEvent = serde_json::from_str(stored).unwrap();
    assert_eq!(order_hits(ev), vec![1, 2, 3]);
}

// ---- Additions: US-INCONVENIENT -------------------------------------------------------

/// Said on 2026-03-02 in New York, to every collector.
fn said(f: impl FnOnce(&mut CaseEvent)) -> CaseEvent {
    event("i", EventKind::Inconvenient, "2026-03-02T12:00:00-05:00", f)
}

fn inconvenient_hits(ev: CaseEvent, when: &str, f: impl FnOnce(&mut ContactData)) -> usize {
    let mut c = us(vec![contact(1, when, f)]);
    c.events.push(ev);
    count_of(&c, Jurisdiction::Us, "US-INCONVENIENT")
}

#[test]
fn us_inconvenient_hours_from_the_day_after() {
    let before_ten = || said(|e| e.daily_window = Some((0, 600)));
    for (when, expected) in [
        ("2026-03-03T09:59:59-05:00", 1),
        ("2026-03-03T10:00:00-05:00", 0),
        ("2026-03-02T20:00:00-05:00", 0), // the day it was said
        ("2026-03-02T09:00:00-05:00", 0),
        ("2026-03-10T09:30:00-04:00", 1), // local clock across DST
        ("2026-03-10T13:30:00+00:00", 1), // 09:30 EDT stored in UTC
        ("2026-03-10T14:00:00+00:00", 0),
    ] {
        assert_eq!(
            inconvenient_hits(before_ten(), when, |_| {}),
            expected,
            "{when}"
        );
    }
    // A window across midnight: 18:00–00:00.
    let evening = || said(|e| e.daily_window = Some((1080, 0)));
    for (when, expected) in [
        ("2026-03-04T17:59:59-05:00", 0),
        ("2026-03-04T18:00:00-05:00", 1),
        ("2026-03-04T23:59:00-05:00", 1),
        ("2026-03-05T00:00:00-05:00", 0),
    ] {
        assert_eq!(
            inconvenient_hits(evening(), when, |_| {}),
            expected,
            "{when}"
        );
    }
}

#[test]
fn us_inconvenient_counts_only_collector_contacts_with_the_consumer() {
    let ev = || said(|e| e.daily_window = Some((0, 600)));
    let when = "2026-03-03T09:00:00-05:00";
    assert_eq!(
        inconvenient_hits(ev(), when, |d| d.direction = Direction::Outgoing),
        0
    );
    assert_eq!(
        inconvenient_hits(ev(), when, |d| d.target = Target::Relative),
        0
    );
    assert_eq!(
        inconvenient_hits(ev(), when, |d| d.target = Target::SpouseOther),
        1
    );
    assert_eq!(
        inconvenient_hits(ev(), when, |d| d.channel = Channel::Letter),
        0
    );
    assert_eq!(
        inconvenient_hits(ev(), when, |d| {
            d.ticks.insert(Tick::ConsentGiven);
        }),
        0
    );
    // Told to 乙贷's collector only; this contact is about 甲银行's debt.
    let other = said(|e| {
        e.daily_window = Some((0, 600));
        e.debt_id = Some("d3".into());
    });
    assert_eq!(inconvenient_hits(other, when, |_| {}), 0);
    let withdrawn = said(|e| {
        e.daily_window = Some((0, 600));
        e.until = Some(at("2026-03-03T08:00:00-05:00"));
    });
    assert_eq!(inconvenient_hits(withdrawn, when, |_| {}), 0);
}

#[test]
fn us_inconvenient_places_are_matched_by_visits() {
    let home = || said(|e| e.place = Some(Place::Home));
    let when = "2026-03-03T12:00:00-05:00";
    assert_eq!(
        inconvenient_hits(home(), when, |d| d.channel = Channel::HomeVisit),
        1
    );
    assert_eq!(
        inconvenient_hits(home(), when, |d| d.channel = Channel::WorkplaceVisit),
        0
    );
    assert_eq!(inconvenient_hits(home(), when, |_| {}), 0);
    let work = said(|e| e.place = Some(Place::Work));
    assert_eq!(
        inconvenient_hits(work, when, |d| d.channel = Channel::WorkplaceVisit),
        1
    );

    let mut c = us(vec![contact(1, when, |d| d.channel = Channel::HomeVisit)]);
    c.events.push(home());
    let fs = run(&c, Jurisdiction::Us);
    let f = only(&fs, "US-INCONVENIENT")[0];
    assert_eq!(
        f.describe(Lang::En),
        "home visit on 2026-03-03 12:00; on 2026-03-02 you said your home is inconvenient"
    );
    assert!(f.lead(Lang::En).contains("§1692c(a)(1)"));
    assert!(rule("US-INCONVENIENT").unwrap().checkable);
}

#[test]
fn us_inconvenient_event_from_the_form() {
    let tz = crate::domain::time::zone("America/New_York");
    let ev =
        inconvenient_event("i".into(), day("2026-03-02"), tz, Said::Hours(0, 600), None).unwrap();
    assert_eq!(ev.at, at("2026-03-02T12:00:00-05:00"));
    assert_eq!(
        (ev.kind, ev.daily_window, ev.place),
        (EventKind::Inconvenient, Some((0, 600)), None)
    );
    let place = Said::Place(Place::Work);
    let ev =
        inconvenient_event("i".into(), day("2026-03-02"), tz, place, Some("d1".into())).unwrap();
    assert_eq!(
        (ev.place, ev.debt_id.as_deref()),
        (Some(Place::Work), Some("d1"))
    );
    for bad in [
        Said::Hours(600, 600),
        Said::Hours(1440, 0),
        Said::Hours(0, 1440),
    ] {
        assert!(inconvenient_event("i".into(), day("2026-03-02"), tz, bad, None).is_none());
    }
    // Stored and read back; a record without `place` (older format) reads too.
    let json = serde_json::to_string(&said(|e| e.place = Some(Place::Home))).unwrap();
    assert!(json.contains(r#""kind":"inconvenient""#) && json.contains(r#""place":"home""#));
    let old: CaseEvent = serde_json::from_str(
        r#"{"id":"c","kind":"consent_window","at":"2026-03-02T12:00:00-05:00","daily_window":[1320,480]}"#,
    )
    .unwrap();
    assert_eq!(old.place, None);
    assert_eq!(Said::Hours(1080, 0).describe(Lang::ZhCn), "18:00–00:00");
}
