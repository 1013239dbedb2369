//! Hostile and odd backups (issue 18, item 4): files whose digest is valid
//! but whose records break the case's invariants. Each is refused with a
//! message naming the record and the problem, or (where order carries no
//! meaning) put in order.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use serde_json::Value;

use super::*;
use crate::domain::agreement::MAX_INSTALMENTS;
use crate::domain::contacts::{add_contact, verify_chain};
use crate::domain::invariants::{AmountField, DateField, Problem, Record, RecordProblem, SHOWN};
use crate::domain::model::{
    Agreement, CaseEvent, ContactData, Debt, EventKind, Instalment, Money, Payment, Source,
};
use crate::domain::money::MAX_AMOUNT;

fn now() -> DateTime<Utc> {
    "2026-03-10T12:00:00Z".parse().unwrap()
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn event(id: &str) -> CaseEvent {
    CaseEvent {
        id: id.into(),
        kind: EventKind::Complaint,
        at: at("2026-03-02T09:00:00+08:00"),
        until: None,
        daily_window: None,
        place: None,
        debt_id: Some("d1".into()),
        party: "12378".into(),
        channel: String::new(),
        replied_on: None,
        note: String::new(),
    }
}

/// A valid case: one debt, one agreement with a schedule and a payment, one
/// event and three contacts about the debt.
fn case() -> Case {
    let mut case = Case::default();
    case.debts.push(Debt {
        id: "d1".into(),
        lender: "某某消费金融".into(),
        original_amount: Money(1_000_000),
        overdue_amount: Money(300_000),
        ..Debt::default()
    });
    case.agreements.push(Agreement {
        id: "a1".into(),
        debt_id: "d1".into(),
        date_reached: day("2026-02-01"),
        agreed_total: Some(Money(300_000)),
        instalments: vec![
            Instalment {
                due: day("2026-03-01"),
                amount: Money(150_000),
            },
            Instalment {
                due: day("2026-04-01"),
                amount: Money(150_000),
            },
        ],
        payments: vec![Payment {
            id: "p1".into(),
            date: day("2026-03-01"),
            amount: Money(150_000),
            channel: String::new(),
            reference: String::new(),
            proofs: Vec::new(),
        }],
        ..Agreement::default()
    });
    case.events.push(event("e1"));
    for i in 0..3 {
        let d = ContactData {
            at: at("2026-03-01T22:30:00+08:00") + chrono::Duration::minutes(i),
            from_number: format!("1380013800{i}"),
            debt_id: Some("d1".into()),
            ..ContactData::default()
        };
        add_contact(
            &mut case,
            d,
            Source::Manual,
            now() + chrono::Duration::seconds(i),
        )
        .unwrap();
    }
    case
}

/// A file as the app writes it, with `edit` applied to the case first: the
/// digest matches whatever the case holds.
fn file(edit: impl FnOnce(&mut Case)) -> String {
    let mut c = case();
    edit(&mut c);
    export(&c, now(), "1")
}

/// The same, edited as JSON (for values the model cannot hold in Rust, such
/// as a date before year 0), with the digest recomputed over the result.
fn file_json(edit: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(&export(&case(), now(), "1")).unwrap();
    edit(&mut v["case"]);
    let c: Case = serde_json::from_value(v["case"].clone()).unwrap();
    v["sha256"] = case_digest(&c).into();
    v.to_string()
}

#[test]
fn the_valid_case_is_accepted() {
    assert_eq!(parse(&file(|_| {})).unwrap().case, case());
}

#[test]
fn contacts_out_of_order_are_put_in_order() {
    let text = file(|c| c.contacts.reverse());
    let mut got = parse(&text).unwrap().case;
    assert_eq!(got, case(), "sorted by number");
    assert!(got.contact(2).is_some() && got.contact(3).is_some());
    assert!(verify_chain(&got.contacts).ok);
    add_contact(&mut got, ContactData::default(), Source::Manual, now()).unwrap();
    assert_eq!(got.contacts.len(), 4);
    assert_eq!(got.contacts.last().map(|c| c.seq), Some(4));
    // The app's next export is read back by its own import.
    assert_eq!(parse(&export(&got, now(), "1")).unwrap().case, got);
}

#[test]
fn instalments_out_of_order_are_put_in_order() {
    let got = parse(&file(|c| c.agreements[0].instalments.reverse())).unwrap();
    assert_eq!(got.case, case());
}

/// The one problem `text` is refused for.
fn refusal(text: &str) -> RecordProblem {
    match parse(text) {
        Err(BackupError::Records(p)) => {
            assert_eq!((p.total, p.first.len()), (1, 1), "{p:?}");
            p.first[0].clone()
        }
        other => panic!("not refused for its records: {other:?}"),
    }
}

fn problem(record: Record, problem: Problem) -> RecordProblem {
    RecordProblem { record, problem }
}

fn debt(id: &str) -> Record {
    Record::Debt(id.into())
}

fn agreement(id: &str) -> Record {
    Record::Agreement(id.into())
}

fn amount(field: AmountField, value: i64, min: i64) -> Problem {
    Problem::Amount {
        field,
        value: Money(value),
        min: Money(min),
        max: MAX_AMOUNT,
    }
}

fn year(field: DateField, year: i32) -> Problem {
    Problem::Year { field, year }
}

#[test]
fn contact_numbers_zero_too_large_or_repeated_are_refused() {
    assert_eq!(
        refusal(&file(|c| c.contacts[0].seq = 0)),
        problem(Record::Contact(0), Problem::SeqZero)
    );
    for seq in [MAX_SEQ + 1, u32::MAX] {
        assert_eq!(
            refusal(&file(|c| c.contacts[2].seq = seq)),
            problem(Record::Contact(seq), Problem::SeqTooLarge { max: MAX_SEQ })
        );
    }
    assert_eq!(
        refusal(&file(|c| c.contacts[1].seq = 1)),
        problem(Record::Contact(1), Problem::SeqRepeated)
    );
    // The highest number is accepted, and the next add says no number is
    // free instead of confirming one.
    let mut top = parse(&file(|c| c.contacts[2].seq = MAX_SEQ)).unwrap().case;
    assert_eq!(
        add_contact(&mut top, ContactData::default(), Source::Manual, now()),
        Err(ContactError::NoFreeNumber)
    );
    assert_eq!(top.contacts.len(), 3);
}

#[test]
fn amounts_below_zero_or_absurd_are_refused() {
    use AmountField::*;
    let d1 = || debt("d1");
    let line = |n| Record::Instalment {
        agreement: "a1".into(),
        line: n,
    };
    let p1 = Record::Payment {
        agreement: "a1".into(),
        id: "p1".into(),
    };
    let cases = [
        (
            file(|c| c.debts[0].original_amount = Money(-1)),
            problem(d1(), amount(OriginalAmount, -1, 0)),
        ),
        (
            file(|c| c.debts[0].overdue_amount = Money(i64::MAX)),
            problem(d1(), amount(OverdueAmount, i64::MAX, 0)),
        ),
        (
            file(|c| c.debts[0].overdue_amount = Money(MAX_AMOUNT.0 + 1)),
            problem(d1(), amount(OverdueAmount, MAX_AMOUNT.0 + 1, 0)),
        ),
        (
            file(|c| c.agreements[0].agreed_total = Some(Money(-100))),
            problem(agreement("a1"), amount(AgreedTotal, -100, 1)),
        ),
        (
            file(|c| c.agreements[0].instalments[0].amount = Money(i64::MIN)),
            problem(line(1), amount(Instalment, i64::MIN, 1)),
        ),
        (
            file(|c| c.agreements[0].payments[0].amount = Money(0)),
            problem(p1, amount(Payment, 0, 1)),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(refusal(&text), want);
    }
    // A debt whose amounts are not known yet (0) and the largest amount typed are fine.
    parse(&file(|c| {
        c.debts[0].original_amount = Money(0);
        c.debts[0].overdue_amount = MAX_AMOUNT;
    }))
    .unwrap();
}

#[test]
fn dates_outside_the_supported_years_are_refused() {
    use DateField::*;
    let cases = [
        (
            file_json(|c| c["contacts"][0]["data"]["at"] = "0000-01-01T00:00:00+08:00".into()),
            problem(Record::Contact(1), year(ContactTime, 0)),
        ),
        (
            file(|c| c.contacts[0].created_at = "1899-12-31T23:59:59Z".parse().unwrap()),
            problem(Record::Contact(1), year(Logged, 1899)),
        ),
        (
            file(|c| c.contacts[2].deleted_at = Some("9999-01-01T00:00:00Z".parse().unwrap())),
            problem(Record::Contact(3), year(Binned, 9999)),
        ),
        (
            file(|c| c.agreements[0].date_reached = day("9999-12-31")),
            problem(agreement("a1"), year(Reached, 9999)),
        ),
        (
            file(|c| c.agreements[0].instalments[1].due = day("2201-01-01")),
            problem(
                Record::Instalment {
                    agreement: "a1".into(),
                    line: 2,
                },
                year(Due, 2201),
            ),
        ),
        (
            file_json(|c| c["agreements"][0]["payments"][0]["date"] = "0000-01-01".into()),
            problem(
                Record::Payment {
                    agreement: "a1".into(),
                    id: "p1".into(),
                },
                year(Paid, 0),
            ),
        ),
        (
            file(|c| c.events[0].at = at("9999-01-01T00:00:00+00:00")),
            problem(Record::Event("e1".into()), year(EventStart, 9999)),
        ),
        (
            file(|c| c.events[0].replied_on = Some(day("1000-01-01"))),
            problem(Record::Event("e1".into()), year(Replied, 1000)),
        ),
    ];
    for (text, want) in cases {
        assert_eq!(refusal(&text), want);
    }
    // The bounds themselves are inside.
    parse(&file(|c| {
        c.contacts[0].created_at = "1900-01-01T00:00:00Z".parse().unwrap();
        c.agreements[0].instalments[1].due = day("2200-12-31");
    }))
    .unwrap();
}

#[test]
fn an_unknown_zone_is_refused() {
    assert_eq!(
        refusal(&file(|c| c.settings.time_zone = "Mars/Olympus_Mons".into())),
        problem(
            Record::Settings,
            Problem::UnknownZone("Mars/Olympus_Mons".into())
        )
    );
}

#[test]
fn repeated_ids_are_refused() {
    let cases = [
        (file(|c| c.debts.push(c.debts[0].clone())), debt("d1")),
        (
            file(|c| c.agreements.push(c.agreements[0].clone())),
            agreement("a1"),
        ),
        (
            file(|c| {
                let p = c.agreements[0].payments[0].clone();
                c.agreements[0].payments.push(Payment {
                    date: day("2026-04-01"),
                    ..p
                });
            }),
            Record::Payment {
                agreement: "a1".into(),
                id: "p1".into(),
            },
        ),
        (
            file(|c| c.events.push(event("e1"))),
            Record::Event("e1".into()),
        ),
    ];
    for (text, record) in cases {
        match parse(&text) {
            Err(BackupError::Records(p)) => assert!(
                p.first
                    .contains(&problem(record.clone(), Problem::IdRepeated)),
                "{record:?}: {p:?}"
            ),
            other => panic!("{record:?} accepted: {other:?}"),
        }
    }
}

#[test]
fn references_to_missing_debts_are_kept() {
    // What the app's own backup holds after its debts record was set aside.
    let backup = parse(&file(|c| {
        c.agreements[0].debt_id = "d9".into();
        c.contacts[1].data.debt_id = Some("d9".into());
        c.events[0].debt_id = Some("d9".into());
    }))
    .unwrap();
    assert_eq!(backup.case.agreements[0].debt_id, "d9");
    assert_eq!(backup.case.contacts[1].data.debt_id.as_deref(), Some("d9"));
    assert_eq!(backup.case.events[0].debt_id.as_deref(), Some("d9"));
}

#[test]
fn events_and_schedules_out_of_range_are_refused() {
    let e1 = || Record::Event("e1".into());
    assert_eq!(
        refusal(&file(
            |c| c.events[0].until = Some(at("2026-03-01T09:00:00+08:00"))
        )),
        problem(e1(), Problem::EndsBeforeStart)
    );
    assert_eq!(
        refusal(&file(|c| c.events[0].daily_window = Some((0, 1440)))),
        problem(e1(), Problem::DailyWindow { from: 0, to: 1440 })
    );
    assert_eq!(
        refusal(&file(|c| {
            let line = c.agreements[0].instalments[1].clone();
            c.agreements[0].instalments = vec![line; MAX_INSTALMENTS + 1];
        })),
        problem(
            agreement("a1"),
            Problem::TooManyInstalments {
                count: MAX_INSTALMENTS + 1,
                max: MAX_INSTALMENTS
            }
        )
    );
}

#[test]
fn many_problems_list_the_first_few_and_count_all() {
    let text = file(|c| {
        for contact in c.contacts.iter_mut() {
            contact.created_at = "0999-01-01T00:00:00Z".parse().unwrap();
        }
        c.debts[0].original_amount = Money(-5);
        for _ in 0..20 {
            c.events.push(event("e1"));
        }
    });
    let Err(BackupError::Records(p)) = parse(&text) else {
        panic!("accepted");
    };
    assert_eq!(p.total, 1 + 3 + 20);
    assert_eq!(p.first.len(), SHOWN);
    // In file order: debts, then contacts by number.
    assert_eq!(p.first[0].record, debt("d1"));
    assert_eq!(p.first[1].record, Record::Contact(1));
}

#[test]
fn the_digest_is_still_checked_first() {
    let mut v: Value = serde_json::from_str(&file(|c| c.contacts.reverse())).unwrap();
    v["case"]["debts"][0]["original_amount"] = (-1).into();
    assert_eq!(parse(&v.to_string()), Err(BackupError::DigestMismatch));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Contacts in any order in the file read back as the same case,
        /// numbered in order, and the next add follows the highest number.
        #[test]
        fn any_order_of_contacts_reads_back_in_order(order in Just((0..3).collect::<Vec<usize>>()).prop_shuffle()) {
            let text = file(|c| {
                let all = c.contacts.clone();
                c.contacts = order.iter().map(|i| all[*i].clone()).collect();
            });
            let mut got = parse(&text).unwrap().case;
            prop_assert_eq!(&got, &case());
            prop_assert_eq!(add_contact(&mut got, ContactData::default(), Source::Manual, now()), Ok(4));
        }

        /// Whatever is accepted is stored in order and exported back unchanged.
        #[test]
        fn accepted_files_are_exported_back_the_same(seq in 0u32..5, amount in -2i64..3, y in 1898i32..1903) {
            let text = file(|c| {
                c.contacts[0].seq = seq;
                c.debts[0].original_amount = Money(amount);
                c.agreements[0].date_reached = NaiveDate::from_ymd_opt(y, 1, 1).unwrap();
            });
            if let Ok(b) = parse(&text) {
                prop_assert!(b.case.contacts.windows(2).all(|w| w[0].seq < w[1].seq));
                prop_assert_eq!(parse(&export(&b.case, now(), "1")).unwrap().case, b.case);
            } else {
                prop_assert!(seq == 0 || seq == 2 || seq == 3 || amount < 0 || y < 1900);
            }
        }
    }
}
