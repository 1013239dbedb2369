#[test]
fn a_fresh_quick_draft_has_no_input_and_survives_serde() {
    let now = DateTime::parse_from_rfc3339("2026-03-04T14:00:00Z")
        .unwrap()
        .to_utc();
    let mut d = ContactDraft::quick(now, "Asia/Shanghai");
    assert!(!d.has_input());
    d.notes = "说要上门".into();
    assert!(d.has_input());
    let back: ContactDraft = serde_json::from_str(&serde_json::to_string(&d).unwrap()).unwrap();
    assert_eq!(back, d);
}

use super::*;
use crate::domain::numberbook::suggest_debt;

#[test]
fn a_contact_is_found_by_its_number_binned_ones_too_and_gaps_are_none() {
    let mut case = Case::default();
    for n in 0..50 {
        add_contact(
            &mut case,
            ContactData {
                from_number: n.to_string(),
                ..Default::default()
            },
            Source::Manual,
            "2026-03-04T14:40:00Z".parse().unwrap(),
        )
        .unwrap();
    }
    // Gaps, as after a merge of two tabs' logs or an import.
    case.contacts.retain(|c| c.seq % 3 != 0);
    case.contacts[5].deleted_at = Some("2026-03-05T00:00:00Z".parse().unwrap());
    for seq in 0..=52 {
        assert_eq!(
            case.contact(seq).map(|c| c.seq),
            case.contacts.iter().find(|c| c.seq == seq).map(|c| c.seq),
            "seq {seq}"
        );
    }
    assert!(case.contact(case.contacts[5].seq).is_some());
}

#[test]
fn clashing_entries_from_two_tabs_both_survive_and_converge() {
    let data = |n: &str| ContactData {
        at: "2026-03-04T22:40:00+08:00".parse().unwrap(),
        from_number: n.into(),
        ..Default::default()
    };
    let mut tab_a = Case::default();
    let mut tab_b = Case::default();
    add_contact(
        &mut tab_a,
        data("111"),
        Source::Manual,
        "2026-03-04T14:40:00Z".parse().unwrap(),
    )
    .unwrap();
    add_contact(
        &mut tab_b,
        data("222"),
        Source::Manual,
        "2026-03-04T14:40:01Z".parse().unwrap(),
    )
    .unwrap();
    let a1 = tab_a.contacts[0].clone();
    let b1 = tab_b.contacts[0].clone();
    // A created first: A keeps #1 and rewrites it; B moves its entry to #2.
    assert_eq!(
        merge_incoming(&mut tab_a, b1),
        Incoming::Clash { rewrite: vec![1] }
    );
    assert_eq!(
        merge_incoming(&mut tab_b, a1),
        Incoming::Clash { rewrite: vec![2] }
    );
    assert_eq!(
        tab_b
            .contacts
            .iter()
            .map(|c| (c.seq, c.data.from_number.as_str()))
            .collect::<Vec<_>>(),
        vec![(1, "111"), (2, "222")]
    );
    assert!(verify_chain(&tab_b.contacts).ok);
    // A then receives B's moved entry.
    assert_eq!(
        merge_incoming(&mut tab_a, tab_b.contacts[1].clone()),
        Incoming::Taken
    );
    assert_eq!(tab_a.contacts, tab_b.contacts);
}

#[test]
fn two_tabs_editing_one_entry_keep_both_edits_and_converge() {
    let data = |n: &str| ContactData {
        at: "2026-03-04T22:40:00+08:00".parse().unwrap(),
        from_number: n.into(),
        ..Default::default()
    };
    let t = |s: &str| -> DateTime<Utc> { s.parse().unwrap() };
    let mut base = Case::default();
    add_contact(
        &mut base,
        data("orig"),
        Source::Manual,
        t("2026-03-04T14:40:00Z"),
    )
    .unwrap();
    add_contact(
        &mut base,
        data("next"),
        Source::Manual,
        t("2026-03-04T14:41:00Z"),
    )
    .unwrap();
    let (mut tab_a, mut tab_b) = (base.clone(), base.clone());
    edit_contact(&mut tab_a, 1, data("edit-a"), t("2026-03-05T10:00:00Z")).unwrap();
    edit_contact(&mut tab_b, 1, data("edit-b"), t("2026-03-05T10:00:01Z")).unwrap();
    let (a1, b1) = (tab_a.contacts[0].clone(), tab_b.contacts[0].clone());
    // Each tab learns of the other's edit: neither takes it blindly.
    assert!(matches!(
        merge_incoming(&mut tab_a, b1),
        Incoming::Clash { .. }
    ));
    assert!(matches!(
        merge_incoming(&mut tab_b, a1),
        Incoming::Clash { .. }
    ));
    assert_eq!(tab_a.contacts, tab_b.contacts);
    let c = &tab_a.contacts[0];
    // The later edit is current; the earlier one is in the history, the original once.
    assert_eq!(c.data.from_number, "edit-b");
    let past: Vec<&str> = c
        .history
        .iter()
        .map(|v| v.data.from_number.as_str())
        .collect();
    assert_eq!(past, vec!["orig", "edit-a"]);
    assert!(verify_chain(&tab_a.contacts).ok);
    // Once both hold the merge, folding it in again changes nothing.
    let merged = tab_a.contacts[0].clone();
    assert_eq!(merge_incoming(&mut tab_b, merged), Incoming::Taken);
    assert_eq!(tab_a.contacts, tab_b.contacts);
}

#[test]
fn an_older_version_arriving_late_never_replaces_a_newer_one() {
    let data = |n: &str| ContactData {
        from_number: n.into(),
        ..Default::default()
    };
    let t = |s: &str| -> DateTime<Utc> { s.parse().unwrap() };
    let mut case = Case::default();
    add_contact(
        &mut case,
        data("orig"),
        Source::Manual,
        t("2026-03-04T14:40:00Z"),
    )
    .unwrap();
    let old = case.contacts[0].clone();
    edit_contact(&mut case, 1, data("new"), t("2026-03-05T10:00:00Z")).unwrap();
    // Storage holds the older version (a stale write): ours is written back.
    assert_eq!(
        merge_incoming(&mut case, old),
        Incoming::Clash { rewrite: vec![1] }
    );
    assert_eq!(case.contacts[0].data.from_number, "new");
    assert_eq!(case.contacts[0].history.len(), 1);
}

#[test]
fn two_entries_created_in_the_same_millisecond_are_not_one_entry() {
    let data = |n: &str| ContactData {
        from_number: n.into(),
        ..Default::default()
    };
    let at: DateTime<Utc> = "2026-03-04T14:40:00Z".parse().unwrap();
    let mut tab_a = Case::default();
    let mut tab_b = Case::default();
    add_contact(&mut tab_a, data("111"), Source::Manual, at).unwrap();
    add_contact(&mut tab_b, data("222"), Source::Manual, at).unwrap();
    let (a1, b1) = (tab_a.contacts[0].clone(), tab_b.contacts[0].clone());
    assert!(matches!(
        merge_incoming(&mut tab_a, b1),
        Incoming::Clash { .. }
    ));
    assert!(matches!(
        merge_incoming(&mut tab_b, a1),
        Incoming::Clash { .. }
    ));
    // Then each stores what it holds and the other folds it in.
    for c in tab_a.contacts.clone() {
        merge_incoming(&mut tab_b, c);
    }
    for c in tab_b.contacts.clone() {
        merge_incoming(&mut tab_a, c);
    }
    assert_eq!(tab_a.contacts, tab_b.contacts);
    let mut numbers: Vec<&str> = tab_b
        .contacts
        .iter()
        .map(|x| x.data.from_number.as_str())
        .collect();
    numbers.sort();
    assert_eq!(numbers, vec!["111", "222"]);
}

#[test]
fn debt_suggestion_from_the_only_debt_agency_numbers_or_history() {
    use crate::domain::model::{Agency, Debt};
    let debt = |id: &str, numbers: &[&str]| Debt {
        id: id.into(),
        lender: id.into(),
        agencies: vec![Agency {
            name: "A".into(),
            numbers: numbers.iter().map(|n| n.to_string()).collect(),
        }],
        ..Default::default()
    };
    let mut case = Case {
        debts: vec![debt("d1", &[])],
        ..Default::default()
    };
    assert_eq!(suggest_debt(&case, ""), Some("d1".into()));
    case.debts.push(debt("d2", &["95188 1234"]));
    assert_eq!(suggest_debt(&case, "951881234"), Some("d2".into()));
    assert_eq!(suggest_debt(&case, "10086"), None);
    let data = ContactData {
        at: DateTime::parse_from_rfc3339("2026-03-04T22:40:00+08:00").unwrap(),
        from_number: "10086".into(),
        debt_id: Some("d1".into()),
        ..Default::default()
    };
    add_contact(&mut case, data, Source::Manual, now()).unwrap();
    assert_eq!(suggest_debt(&case, "10086"), Some("d1".into()));
}

fn now() -> DateTime<Utc> {
    "2026-03-10T12:00:00Z".parse().unwrap()
}

fn draft(date: &str, time: &str) -> ContactDraft {
    ContactDraft {
        date: date.into(),
        time: time.into(),
        zone: "Asia/Shanghai".into(),
        from_number: "13800138000".into(),
        ..ContactDraft::default()
    }
}

fn err(d: &ContactDraft) -> FieldErrors {
    validate(d, now()).unwrap_err()
}

fn ok(d: &ContactDraft) -> (ContactData, Vec<Warning>) {
    validate(d, now()).unwrap()
}

fn at(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn data(at_s: &str, number: &str) -> ContactData {
    ContactData {
        at: at(at_s),
        from_number: number.into(),
        ..ContactData::default()
    }
}

fn shanghai() -> Tz {
    time::zone("Asia/Shanghai")
}

// --- validation ---

#[test]
fn valid_draft_gives_instant_with_offset() {
    let (d, w) = ok(&draft("2026-03-01", "22:15"));
    assert_eq!(d.at, at("2026-03-01T22:15:00+08:00"));
    assert_eq!(d.at.offset().local_minus_utc(), 8 * 3600);
    assert_eq!(d.outcome, Some(Outcome::Talked));
    assert!(w.is_empty());
}

#[test]
fn validation_errors_table() {
    type Row = (fn(&mut ContactDraft), Field, FieldError);
    let cases: Vec<Row> = vec![
        (
            |d| d.date = String::new(),
            Field::Date,
            FieldError::Required,
        ),
        (
            |d| d.date = "2026-02-30".into(),
            Field::Date,
            FieldError::InvalidDate,
        ),
        (
            |d| d.date = "yesterday".into(),
            Field::Date,
            FieldError::InvalidDate,
        ),
        (
            |d| d.date = "0226-03-01".into(),
            Field::Date,
            FieldError::InvalidDate,
        ),
        // Past the years a backup may hold (`time::YEARS`): the app's
        // own export must read back (issue 18, item 4).
        (
            |d| d.date = "2201-01-01".into(),
            Field::Date,
            FieldError::InvalidDate,
        ),
        (
            |d| d.date = "9999-12-31".into(),
            Field::Date,
            FieldError::InvalidDate,
        ),
        (
            |d| d.time = String::new(),
            Field::Time,
            FieldError::Required,
        ),
        (
            |d| d.time = "25:00".into(),
            Field::Time,
            FieldError::InvalidTime,
        ),
        (
            |d| d.time = "10:61".into(),
            Field::Time,
            FieldError::InvalidTime,
        ),
        (
            |d| d.time = "23:59:60".into(),
            Field::Time,
            FieldError::InvalidTime,
        ),
        (
            |d| d.zone = String::new(),
            Field::Zone,
            FieldError::Required,
        ),
        (
            |d| d.zone = "Mars/Olympus".into(),
            Field::Zone,
            FieldError::UnknownZone,
        ),
        (
            |d| d.end_time = "09:00".into(),
            Field::EndTime,
            FieldError::EndBeforeStart,
        ),
        (
            |d| d.end_time = "9pm".into(),
            Field::EndTime,
            FieldError::InvalidTime,
        ),
        (
            |d| d.duration = "-5".into(),
            Field::Duration,
            FieldError::InvalidDuration,
        ),
        (
            |d| d.duration = "1.5".into(),
            Field::Duration,
            FieldError::InvalidDuration,
        ),
        (
            |d| d.duration = "3:75".into(),
            Field::Duration,
            FieldError::InvalidDuration,
        ),
        (
            |d| d.duration = "1441".into(),
            Field::Duration,
            FieldError::DurationTooLong { max_minutes: 1440 },
        ),
        (
            |d| d.duration = "99999999999999999999".into(),
            Field::Duration,
            FieldError::DurationTooLong { max_minutes: 1440 },
        ),
        (
            |d| {
                d.end_time = "10:30".into();
                d.duration = "5".into();
            },
            Field::Duration,
            FieldError::EndDurationMismatch,
        ),
        (
            |d| {
                d.channel = Channel::HomeVisit;
                d.visit_staff = "0".into();
            },
            Field::VisitStaff,
            FieldError::InvalidCount,
        ),
        (
            |d| {
                d.channel = Channel::HomeVisit;
                d.visit_staff = "many".into();
            },
            Field::VisitStaff,
            FieldError::InvalidCount,
        ),
    ];
    for (i, (edit, field, code)) in cases.into_iter().enumerate() {
        let mut d = draft("2026-03-01", "10:00");
        edit(&mut d);
        let e = err(&d);
        assert_eq!(e.get(field), Some(code), "case {i}: {e:?}");
    }
}

#[test]
fn several_errors_reported_at_once() {
    let mut d = draft("2026-13-01", "7");
    d.notes = "x".repeat(MAX_TEXT_CHARS + 1);
    let e = err(&d);
    assert_eq!(e.get(Field::Date), Some(FieldError::InvalidDate));
    assert_eq!(e.get(Field::Time), Some(FieldError::InvalidTime));
    assert!(matches!(
        e.get(Field::Notes),
        Some(FieldError::TooLong { .. })
    ));
}

#[test]
fn huge_paste_is_a_clear_error_not_a_panic() {
    let mut d = draft("2026-03-01", "10:00");
    d.notes = "催".repeat(100 * 1024);
    d.impact = "a".repeat(MAX_TEXT_CHARS);
    let e = err(&d);
    assert_eq!(
        e.get(Field::Notes),
        Some(FieldError::TooLong {
            max_chars: MAX_TEXT_CHARS,
            chars: 100 * 1024
        })
    );
    assert_eq!(e.get(Field::Impact), None, "exactly the limit is fine");
}

#[test]
fn emoji_and_mixed_scripts_are_kept() {
    let mut d = draft("2026-03-01", "10:00");
    d.notes = "他说“再不还就上门”😡👨‍👩‍👧 call him at ９点 — الدين".into();
    d.collector_name = "王经理 (Mr Wang)".into();
    let (data, _) = ok(&d);
    assert_eq!(data.notes, d.notes);
    assert_eq!(data.collector_name, d.collector_name);
}

#[test]
fn future_start_is_a_warning() {
    let (_, w) = ok(&draft("2026-03-11", "09:00"));
    assert_eq!(w, vec![Warning::InFuture]);
    let (_, w) = ok(&draft("2026-03-10", "20:00")); // 12:00Z = 20:00 Shanghai
    assert!(w.is_empty());
}

#[test]
fn call_without_number_is_allowed_with_warning() {
    let mut d = draft("2026-03-01", "10:00");
    d.from_number = "  ".into();
    let (data, w) = ok(&d);
    assert_eq!(data.from_number, "");
    assert_eq!(w, vec![Warning::NumberUnknown]);
    d.channel = Channel::Letter;
    assert!(ok(&d).1.is_empty());
}

#[test]
fn dst_gap_is_an_error_and_overlap_a_warning() {
    let mut d = draft("2026-03-08", "02:30");
    d.zone = "America/New_York".into();
    assert_eq!(err(&d).get(Field::Time), Some(FieldError::NonexistentTime));
    let mut d = draft("2026-11-01", "01:30");
    d.zone = "America/New_York".into();
    let (data, w) = validate(&d, "2027-01-01T00:00:00Z".parse().unwrap()).unwrap();
    assert_eq!(w, vec![Warning::AmbiguousTime]);
    assert_eq!(data.at, at("2026-11-01T01:30:00-04:00"));
}

#[test]
fn end_time_gives_duration_across_dst() {
    let mut d = draft("2026-03-08", "01:50");
    d.zone = "America/New_York".into();
    d.end_time = "03:10".into(); // 02:00 EST -> 03:00 EDT
    assert_eq!(ok(&d).0.duration_secs, Some(20 * 60));
    let mut d = draft("2026-03-01", "10:00:30");
    d.end_time = "10:00:30".into();
    assert_eq!(ok(&d).0.duration_secs, Some(0));
    d.end_time = "10:05".into();
    d.duration = "4:30".into();
    assert_eq!(
        ok(&d).0.duration_secs,
        Some(270),
        "end time wins within a minute"
    );
}

#[test]
fn full_width_and_slashes_accepted() {
    let mut d = draft("２０２６/０３/０１", "２２：１５");
    d.duration = "３".into();
    let (data, _) = ok(&d);
    assert_eq!(data.at, at("2026-03-01T22:15:00+08:00"));
    assert_eq!(data.duration_secs, Some(180));
}

#[test]
fn fields_irrelevant_to_the_channel_are_dropped() {
    let mut d = draft("2026-03-01", "10:00");
    d.channel = Channel::Sms;
    d.outcome = Outcome::Unanswered;
    d.visit_staff = "3".into();
    d.debtor_reachable = Some(true);
    let (data, _) = ok(&d);
    assert_eq!(data.outcome, None);
    assert_eq!(data.visit_staff, None);
    assert_eq!(data.debtor_reachable, None, "debtor is not a third party");
    d.channel = Channel::HomeVisit;
    d.target = Target::Relative;
    let (data, _) = ok(&d);
    assert_eq!(data.visit_staff, Some(3));
    assert_eq!(data.debtor_reachable, Some(true));
}

#[test]
fn draft_round_trips() {
    let mut d = draft("2026-03-01", "22:15:07");
    d.duration = "2:05".into();
    d.debt_id = "d1".into();
    d.ticks = [Tick::Insult, Tick::ThreatHarm].into();
    d.notes = "notes".into();
    d.attachments = vec![FileProof {
        name: "rec.m4a".into(),
        size: 3,
        mime: String::new(),
        sha256: "ab".into(),
    }];
    let (data, _) = ok(&d);
    let back = draft_from(&data, shanghai());
    assert_eq!(back.time, "22:15:07");
    assert_eq!(back.duration, "2:05");
    assert_eq!(validate(&back, now()).unwrap().0, data);

    let mut v = draft("2026-07-01", "09:00");
    v.zone = "America/New_York".into();
    v.channel = Channel::WorkplaceVisit;
    v.visit_staff = "2".into();
    v.target = Target::Employer;
    v.debtor_reachable = Some(false);
    let (data, _) = ok(&v);
    let back = draft_from(&data, time::zone("America/New_York"));
    assert_eq!(
        (back.date.as_str(), back.time.as_str()),
        ("2026-07-01", "09:00")
    );
    assert_eq!(validate(&back, now()).unwrap().0, data);
}

#[test]
fn quick_draft_starts_now_in_zone() {
    let d = ContactDraft::quick("2026-03-10T15:59:59Z".parse().unwrap(), "Asia/Shanghai");
    assert_eq!((d.date.as_str(), d.time.as_str()), ("2026-03-10", "23:59"));
    let (data, w) = validate(
        &ContactDraft {
            from_number: "1".into(),
            ..d
        },
        now(),
    )
    .unwrap();
    assert!(
        w.contains(&Warning::InFuture),
        "now() in this test is earlier"
    );
    assert_eq!(data.at, at("2026-03-10T23:59:00+08:00"));
}

// --- record and chain ---

fn case_with(n: usize) -> Case {
    let mut case = Case::default();
    for i in 0..n {
        let d = data(&format!("2026-03-01T10:{i:02}:00+08:00"), "13800138000");
        add_contact(&mut case, d, Source::Manual, now()).unwrap();
    }
    case
}

#[test]
fn add_assigns_seq_and_chains() {
    let case = case_with(3);
    let seqs: Vec<u32> = case.contacts.iter().map(|c| c.seq).collect();
    assert_eq!(seqs, [1, 2, 3]);
    let first = &case.contacts[0];
    assert_eq!(first.hash, contact_hash(first, GENESIS_HASH));
    assert_eq!(
        case.contacts[1].hash,
        contact_hash(&case.contacts[1], &first.hash)
    );
    let r = verify_chain(&case.contacts);
    assert!(r.ok);
    assert_eq!(r.head, case.contacts[2].hash);
    assert_eq!(GENESIS_HASH.len(), 64);
    assert_eq!(verify_chain(&[]).head, GENESIS_HASH);
}

#[test]
fn add_hashes_only_the_new_entry() {
    let mut case = case_with(3);
    let before: Vec<String> = case.contacts.iter().map(|c| c.hash.clone()).collect();
    add_contact(
        &mut case,
        data("2026-03-02T10:00:00+08:00", "1"),
        Source::Imported,
        now(),
    )
    .unwrap();
    let after: Vec<String> = case
        .contacts
        .iter()
        .take(3)
        .map(|c| c.hash.clone())
        .collect();
    assert_eq!(before, after);
    assert!(verify_chain(&case.contacts).ok);
}

#[test]
fn edit_keeps_history_and_changes_the_head() {
    let mut case = case_with(3);
    let head = verify_chain(&case.contacts).head;
    let first_hash = case.contacts[0].hash.clone();
    let old = case.contacts[1].data.clone();
    let new = ContactData {
        notes: "corrected".into(),
        ..old.clone()
    };
    let later: DateTime<Utc> = "2026-03-11T00:00:00Z".parse().unwrap();
    edit_contact(&mut case, 2, new.clone(), later).unwrap();
    let c = &case.contacts[1];
    assert_eq!((c.seq, c.created_at, &c.data), (2, now(), &new));
    assert_eq!(
        c.history,
        vec![PastVersion {
            replaced_at: later,
            data: old
        }]
    );
    assert!(c.was_edited());
    assert_eq!(
        case.contacts[0].hash, first_hash,
        "earlier entries untouched"
    );
    let r = verify_chain(&case.contacts);
    assert!(r.ok);
    assert_ne!(r.head, head);
    // Saving the same data again records nothing.
    edit_contact(&mut case, 2, new, later).unwrap();
    assert_eq!(case.contacts[1].history.len(), 1);
    assert_eq!(verify_chain(&case.contacts).head, r.head);
    assert_eq!(
        edit_contact(&mut case, 9, ContactData::default(), later),
        Err(ContactError::NotFound(9))
    );
}

#[test]
fn delete_and_restore() {
    let mut case = case_with(3);
    let head = verify_chain(&case.contacts).head;
    delete_contact(&mut case, 2, now()).unwrap();
    assert_eq!(case.contacts[1].deleted_at, Some(now()));
    assert_eq!(case.active_contacts().count(), 2);
    let r = verify_chain(&case.contacts);
    assert!(r.ok);
    assert_ne!(r.head, head);
    assert_eq!(
        delete_contact(&mut case, 2, now()),
        Err(ContactError::InBin(2))
    );
    assert_eq!(
        edit_contact(&mut case, 2, ContactData::default(), now()),
        Err(ContactError::InBin(2))
    );
    restore_contact(&mut case, 2).unwrap();
    assert!(case.contacts[1].is_active());
    assert_eq!(verify_chain(&case.contacts).head, head);
    assert_eq!(
        restore_contact(&mut case, 2),
        Err(ContactError::NotInBin(2))
    );
    assert_eq!(
        restore_contact(&mut case, 7),
        Err(ContactError::NotFound(7))
    );
}

#[test]
fn tampering_is_detected_at_the_first_changed_entry() {
    let mut case = case_with(4);
    case.contacts[2].data.notes = "quietly changed".into();
    let r = verify_chain(&case.contacts);
    assert_eq!((r.ok, r.first_broken_seq), (false, Some(3)));

    let mut case = case_with(4);
    case.contacts[1].deleted_at = Some(now());
    assert_eq!(verify_chain(&case.contacts).first_broken_seq, Some(2));

    let mut case = case_with(3);
    case.contacts.remove(1);
    assert_eq!(
        verify_chain(&case.contacts).first_broken_seq,
        Some(3),
        "removal breaks the next"
    );

    let mut case = case_with(3);
    case.contacts[0].hash = "f".repeat(64);
    assert_eq!(verify_chain(&case.contacts).first_broken_seq, Some(1));
}

#[test]
fn chain_follows_seq_not_vector_order() {
    let mut case = case_with(3);
    case.contacts.reverse();
    assert!(verify_chain(&case.contacts).ok);
    let mut contacts = case.contacts.clone();
    contacts[0].hash.clear();
    rehash_chain(&mut contacts);
    assert_eq!(
        contacts.iter().map(|c| c.seq).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert!(verify_chain(&contacts).ok);
}

// --- browsing ---

fn browse_case() -> Case {
    let mut case = Case::default();
    let entries = [
        (
            "2026-03-01T22:30:00+08:00",
            "+86 138-0013-8000",
            Channel::Call,
            "骂人 insult",
        ),
        (
            "2026-03-02T09:00:00+08:00",
            "13800138000",
            Channel::Sms,
            "逾期通知",
        ),
        (
            "2026-03-03T10:00:00+08:00",
            "95555",
            Channel::Call,
            "hotline",
        ),
        (
            "2026-03-03T12:00:00+08:00",
            "",
            Channel::HomeVisit,
            "两人上门 VISIT",
        ),
    ];
    for (t, n, ch, notes) in entries {
        let mut d = data(t, n);
        d.channel = ch;
        d.notes = notes.into();
        add_contact(&mut case, d, Source::Manual, now()).unwrap();
    }
    case.contacts[0].data.ticks.insert(Tick::Insult);
    case.contacts[2].data.debt_id = Some("d1".into());
    case.contacts[3].data.target = Target::Relative;
    case
}

fn seqs(v: &[&Contact]) -> Vec<u32> {
    v.iter().map(|c| c.seq).collect()
}

#[test]
fn filters() {
    let mut case = browse_case();
    let tz = shanghai();
    let all = ContactFilter::default();
    assert_eq!(seqs(&filter(&case, &all, tz)), [4, 3, 2, 1]);
    let f = |edit: fn(&mut ContactFilter)| {
        let mut f = ContactFilter::default();
        edit(&mut f);
        f
    };
    let by_date = f(|f| {
        f.from = NaiveDate::from_ymd_opt(2026, 3, 2);
        f.to = NaiveDate::from_ymd_opt(2026, 3, 2);
    });
    assert_eq!(seqs(&filter(&case, &by_date, tz)), [2]);
    // The same instant is 1 March in New York.
    let ny = time::zone("America/New_York");
    let march1 = f(|f| f.to = NaiveDate::from_ymd_opt(2026, 3, 1));
    assert_eq!(seqs(&filter(&case, &march1, ny)), [2, 1]);
    assert_eq!(
        seqs(&filter(
            &case,
            &f(|f| f.number = "0086 13800138000".into()),
            tz
        )),
        [2, 1]
    );
    assert_eq!(
        seqs(&filter(&case, &f(|f| f.number = "0013".into()), tz)),
        [2, 1]
    );
    assert_eq!(
        seqs(&filter(&case, &f(|f| f.channel = Some(Channel::Call)), tz)),
        [3, 1]
    );
    assert_eq!(
        seqs(&filter(
            &case,
            &f(|f| f.target = Some(Target::Relative)),
            tz
        )),
        [4]
    );
    assert_eq!(
        seqs(&filter(&case, &f(|f| f.tick = Some(Tick::Insult)), tz)),
        [1]
    );
    assert_eq!(
        seqs(&filter(&case, &f(|f| f.debt_id = Some("d1".into())), tz)),
        [3]
    );
    assert_eq!(
        seqs(&filter(&case, &f(|f| f.debt_id = Some(String::new())), tz)),
        [4, 2, 1]
    );
    assert_eq!(
        seqs(&filter(&case, &f(|f| f.text = "visit".into()), tz)),
        [4]
    );
    assert_eq!(
        seqs(&filter(&case, &f(|f| f.text = "INSULT".into()), tz)),
        [1]
    );
    assert_eq!(
        seqs(&filter(&case, &f(|f| f.text = "上门".into()), tz)),
        [4]
    );
    assert_eq!(
        seqs(&filter(&case, &f(|f| f.text = "95555".into()), tz)),
        [3]
    );

    delete_contact(&mut case, 3, now()).unwrap();
    assert_eq!(seqs(&filter(&case, &all, tz)), [4, 2, 1]);
    let bin = f(|f| f.include_deleted = true);
    assert_eq!(seqs(&filter(&case, &bin, tz)), [4, 3, 2, 1]);
}

#[test]
fn counts_per_facet() {
    let case = browse_case();
    let tz = shanghai();
    let f = ContactFilter {
        channel: Some(Channel::Sms),
        ..ContactFilter::default()
    };
    let by_channel = counts_by_channel(&case, &f, tz);
    assert_eq!(
        by_channel.get(&Channel::Call),
        Some(&2),
        "the channel facet is ignored"
    );
    assert_eq!(by_channel.get(&Channel::Sms), Some(&1));
    assert_eq!(by_channel.get(&Channel::HomeVisit), Some(&1));
    let by_target = counts_by_target(&case, &f, tz);
    assert_eq!(by_target.get(&Target::Debtor), Some(&1));
    assert_eq!(by_target.get(&Target::Relative), None);
    let by_tick = counts_by_tick(&case, &ContactFilter::default(), tz);
    assert_eq!(by_tick.get(&Tick::Insult), Some(&1));
}

#[test]
fn ordering_by_instant_across_zones() {
    let mut case = Case::default();
    // 09:00 in New York (EST, -05:00) on 7 March = 22:00 Shanghai 7 March.
    add_contact(
        &mut case,
        data("2026-03-07T09:00:00-05:00", "1"),
        Source::Manual,
        now(),
    )
    .unwrap();
    // 21:30 Shanghai: earlier instant, logged later.
    add_contact(
        &mut case,
        data("2026-03-07T21:30:00+08:00", "2"),
        Source::Manual,
        now(),
    )
    .unwrap();
    // After the US switch to EDT (8 March): 09:00 -04:00 = 21:00 Shanghai 8 March.
    add_contact(
        &mut case,
        data("2026-03-08T09:00:00-04:00", "3"),
        Source::Manual,
        now(),
    )
    .unwrap();
    add_contact(
        &mut case,
        data("2026-03-08T21:30:00+08:00", "4"),
        Source::Manual,
        now(),
    )
    .unwrap();
    // Same instant as seq 3 in another offset: tie broken by seq.
    add_contact(
        &mut case,
        data("2026-03-08T13:00:00+00:00", "5"),
        Source::Manual,
        now(),
    )
    .unwrap();
    let order = seqs(&filter(&case, &ContactFilter::default(), shanghai()));
    assert_eq!(order, [4, 5, 3, 1, 2]);
}

#[test]
fn known_numbers_most_used_first() {
    let mut case = browse_case();
    add_contact(
        &mut case,
        data("2026-03-05T10:00:00+08:00", "95555"),
        Source::Manual,
        now(),
    )
    .unwrap();
    add_contact(
        &mut case,
        data("2026-03-06T10:00:00+08:00", "wx:collector"),
        Source::Manual,
        now(),
    )
    .unwrap();
    let known = known_numbers(&case);
    assert_eq!(
        known,
        vec![
            ("95555".to_string(), 2),
            ("13800138000".to_string(), 2),
            ("wx:collector".to_string(), 1),
        ]
    );
}

#[test]
fn spellings_of_one_number_are_one_caller() {
    use crate::domain::model::{Agency, Debt};
    let mut case = Case {
        debts: ["d1", "d2"]
            .map(|id| Debt {
                id: id.into(),
                ..Default::default()
            })
            .to_vec(),
        ..Default::default()
    };
    case.debts[1].hotline = "+86 95188".into();
    case.debts[1].agencies = vec![Agency {
        name: "A".into(),
        numbers: vec!["+86 21 6123 4567".into()],
    }];
    assert_eq!(suggest_debt(&case, "021-6123 4567"), Some("d2".into()));
    assert_eq!(suggest_debt(&case, "95188"), Some("d2".into()));
    let a = data("2026-03-01T10:00:00+08:00", "+86 (0)21 6123 4567");
    let b = data("2026-03-01T10:00:30+08:00", "０２１－６１２３４５６７");
    assert!(is_duplicate(&a, &b));
}

#[test]
fn duplicates_within_60_seconds() {
    let a = data("2026-03-01T10:00:00+08:00", "+86 13800138000");
    let mut b = data("2026-03-01T02:01:00+00:00", "13800138000");
    assert!(is_duplicate(&a, &b), "60 s apart, other offset");
    b.at = at("2026-03-01T10:01:01+08:00");
    assert!(!is_duplicate(&a, &b), "61 s apart");
    b.at = at("2026-03-01T09:59:00+08:00");
    assert!(is_duplicate(&a, &b));
    b.channel = Channel::Sms;
    assert!(!is_duplicate(&a, &b), "other channel");
    b.channel = Channel::Call;
    b.direction = Direction::Outgoing;
    assert!(!is_duplicate(&a, &b), "a call back is another contact");
    let unknown = data("2026-03-01T10:00:00+08:00", "");
    assert!(
        !is_duplicate(&unknown, &unknown.clone()),
        "unknown numbers never match"
    );

    let mut case = Case::default();
    add_contact(&mut case, a.clone(), Source::Manual, now()).unwrap();
    assert_eq!(
        find_duplicate(&case, &data("2026-03-01T10:00:30+08:00", "13800138000")),
        Some(1)
    );
    delete_contact(&mut case, 1, now()).unwrap();
    assert_eq!(find_duplicate(&case, &a), None);
}

/// Issue 18 item 4: a contact numbered 4294967295 made every later save
/// confirm "第 0 条" while nothing new was stored.
#[test]
fn no_entry_is_confirmed_when_no_number_is_free() {
    use crate::domain::model::MAX_SEQ;
    let d = ContactData::default();
    let mut case = Case::default();
    assert_eq!(
        add_contact(&mut case, d.clone(), Source::Manual, now()),
        Ok(1)
    );

    case.contacts[0].seq = MAX_SEQ - 1;
    rehash_chain(&mut case.contacts);
    assert_eq!(
        add_contact(&mut case, d.clone(), Source::Manual, now()),
        Ok(MAX_SEQ)
    );
    let before = case.clone();
    assert_eq!(
        add_contact(&mut case, d.clone(), Source::Manual, now()),
        Err(ContactError::NoFreeNumber)
    );
    assert_eq!(case, before, "nothing added");

    // A hostile or newer entry far past the limit: refused, no overflow.
    for huge in [MAX_SEQ + 1, u32::MAX - 1, u32::MAX] {
        let mut case = before.clone();
        case.contacts[1].seq = huge;
        assert_eq!(
            add_contact(&mut case, d.clone(), Source::Manual, now()),
            Err(ContactError::NoFreeNumber)
        );
    }
}

/// A damaged or newer value holds its own number only: one stored at the
/// last number (or past it) does not stop the user saving.
#[test]
fn held_numbers_are_skipped_one_by_one() {
    use crate::domain::model::MAX_SEQ;
    let d = ContactData::default();
    for held in [MAX_SEQ, MAX_SEQ + 1, u32::MAX] {
        let mut case = Case {
            reserved_seqs: [held].into(),
            ..Case::default()
        };
        assert_eq!(
            add_contact(&mut case, d.clone(), Source::Manual, now()),
            Ok(1)
        );
    }
    let mut case = Case {
        reserved_seqs: [1, 2, 4].into(),
        ..Case::default()
    };
    assert_eq!(
        add_contact(&mut case, d.clone(), Source::Manual, now()),
        Ok(3)
    );
    assert_eq!(
        add_contact(&mut case, d.clone(), Source::Manual, now()),
        Ok(5)
    );
    let mut case = Case {
        reserved_seqs: [MAX_SEQ].into(),
        ..Case::default()
    };
    add_contact(&mut case, d.clone(), Source::Manual, now()).unwrap();
    case.contacts[0].seq = MAX_SEQ - 1;
    assert_eq!(case.next_seq(), None, "the only number left is held");
}

/// Another tab's entry arriving at a number this tab holds moves ours to
/// a new number; with the last number taken it must not overflow.
#[test]
fn a_clash_at_the_last_number_does_not_overflow() {
    let data = |n: &str| ContactData {
        from_number: n.into(),
        ..Default::default()
    };
    let at: DateTime<Utc> = "2026-03-04T14:40:00Z".parse().unwrap();
    let mut tab_a = Case::default();
    let mut tab_b = Case::default();
    add_contact(&mut tab_a, data("111"), Source::Manual, at).unwrap();
    add_contact(&mut tab_b, data("222"), Source::Manual, at).unwrap();
    for tab in [&mut tab_a, &mut tab_b] {
        tab.contacts[0].seq = u32::MAX;
        rehash_chain(&mut tab.contacts);
    }
    let (a1, b1) = (tab_a.contacts[0].clone(), tab_b.contacts[0].clone());
    let _ = merge_incoming(&mut tab_a, b1);
    let _ = merge_incoming(&mut tab_b, a1);
    for tab in [&tab_a, &tab_b] {
        assert!(tab.contacts.iter().all(|c| c.seq != 0), "no wrap to 0");
        assert!(tab.contacts.windows(2).all(|w| w[0].seq < w[1].seq));
    }
}
