use super::*;
use crate::domain::model::{ContactData, Jurisdiction};

fn store_with(map: &[(&str, &str)]) -> Store {
    let mut b = MemoryBackend::default();
    for (k, v) in map {
        b.map.insert(k.to_string(), v.to_string());
    }
    Store::with_backend(Box::new(b))
}

fn contact(seq: u32) -> Contact {
    Contact {
        seq,
        created_at: DateTime::parse_from_rfc3339("2026-03-04T14:00:00Z")
            .unwrap()
            .to_utc(),
        source: Default::default(),
        data: ContactData {
            at: DateTime::parse_from_rfc3339("2026-03-04T22:40:00+08:00").unwrap(),
            from_number: "95188".into(),
            ..Default::default()
        },
        history: vec![],
        deleted_at: None,
        hash: String::new(),
    }
}

#[test]
fn round_trip_through_memory() {
    let mut s = store_with(&[]);
    let settings = Settings {
        jurisdiction: Jurisdiction::Us,
        ..Default::default()
    };
    s.save_settings(&settings).unwrap();
    s.save_contact(&contact(2)).unwrap();
    s.save_contact(&contact(1)).unwrap();
    let loaded = s.load();
    assert_eq!(loaded.case.settings, settings);
    assert_eq!(
        loaded
            .case
            .contacts
            .iter()
            .map(|c| c.seq)
            .collect::<Vec<_>>(),
        vec![1, 2]
    );
    assert!(loaded.problems.is_empty());
}

#[test]
fn adding_a_contact_writes_one_key() {
    let mut s = store_with(&[]);
    for seq in 1..=100 {
        s.save_contact(&contact(seq)).unwrap();
    }
    let before = s.backend.keys().unwrap().len();
    s.save_contact(&contact(101)).unwrap();
    assert_eq!(s.backend.keys().unwrap().len(), before + 1);
}

#[test]
fn corrupt_value_is_quarantined_not_lost() {
    let mut s = store_with(&[
        ("dek:settings", "{not json"),
        ("dek:c:1", &envelope::encode(&contact(1)).unwrap()),
    ]);
    let loaded = s.load();
    assert_eq!(loaded.case.contacts.len(), 1, "good records still load");
    assert!(
        matches!(&loaded.problems[..], [Problem::Quarantined { key, .. }] if key == "dek:settings")
    );
    assert_eq!(
        s.quarantined(),
        vec![(
            "dek:quarantine:dek:settings".to_string(),
            "{not json".to_string()
        )]
    );
    // A later save of settings does not destroy the raw text.
    s.save_settings(&Settings::default()).unwrap();
    assert_eq!(s.quarantined().len(), 1);
    // And the banner comes back on the next load until the user discards it.
    let again = s.load();
    assert_eq!(again.problems.len(), 1);
    s.discard_quarantined("dek:quarantine:dek:settings")
        .unwrap();
    assert!(s.load().problems.is_empty());
}

#[test]
fn corrupt_value_is_protected_when_copy_fails() {
    let mut b = MemoryBackend::default();
    b.map.insert("dek:debts".into(), "garbage".into());
    b.quota = Some(20); // too small to copy the raw text aside
    let mut s = Store::with_backend(Box::new(b));
    let loaded = s.load();
    assert!(matches!(&loaded.problems[..], [Problem::Unreadable { .. }]));
    assert_eq!(
        s.save_debts(&[]),
        Err(SaveError::Protected("dek:debts".into()))
    );
    assert_eq!(
        s.backend.get("dek:debts").unwrap().as_deref(),
        Some("garbage")
    );
}

#[test]
fn newer_schema_is_never_overwritten() {
    let raw = r#"{"v":99,"d":{"time_zone":"Asia/Shanghai","jurisdiction":"cn","new_field":1}}"#;
    let mut s = store_with(&[("dek:settings", raw)]);
    let loaded = s.load();
    assert_eq!(
        loaded.problems,
        vec![Problem::TooNew {
            key: "dek:settings".into(),
            version: 99
        }]
    );
    assert!(s.save_settings(&Settings::default()).is_err());
    assert_eq!(s.backend.get("dek:settings").unwrap().as_deref(), Some(raw));
}

#[test]
fn v1_fixture_loads_and_is_rewritten_as_current() {
    let raw = include_str!("../../tests/fixtures/contact-v1.json");
    let mut s = store_with(&[("dek:c:3", raw)]);
    let loaded = s.load();
    assert_eq!(loaded.migrated, 1);
    assert_eq!(
        loaded.case.contacts[0].data.at.to_rfc3339(),
        "2026-03-04T22:40:00+08:00"
    );
    let stored = s.backend.get("dek:c:3").unwrap().unwrap();
    assert!(stored.contains(&format!("\"v\":{}", migrate::CURRENT_SCHEMA)));
}

#[test]
fn quota_error_keeps_the_write_and_retries_it() {
    let b = MemoryBackend {
        quota: Some(600),
        ..Default::default()
    };
    let mut s = Store::with_backend(Box::new(b));
    s.save_contact(&contact(1)).unwrap();
    let big = Contact {
        data: ContactData {
            notes: "x".repeat(2000),
            ..contact(2).data
        },
        ..contact(2)
    };
    assert_eq!(s.save_contact(&big), Err(SaveError::Quota));
    assert_eq!(s.pending_writes(), 1);
    // Nothing stored was lost.
    assert_eq!(s.load().case.contacts.len(), 1);
}

#[test]
fn unavailable_storage_runs_in_memory() {
    struct Broken;
    impl Backend for Broken {
        fn get(&self, _: &str) -> Result<Option<String>, BackendError> {
            Err(BackendError::Unavailable("blocked".into()))
        }
        fn set(&mut self, _: &str, _: &str) -> Result<(), BackendError> {
            Err(BackendError::Unavailable("blocked".into()))
        }
        fn remove(&mut self, _: &str) -> Result<(), BackendError> {
            Err(BackendError::Unavailable("blocked".into()))
        }
        fn keys(&self) -> Result<Vec<String>, BackendError> {
            Err(BackendError::Unavailable("blocked".into()))
        }
    }
    let mut s = Store::with_backend(Box::new(Broken));
    let loaded = s.load();
    assert!(loaded.case.is_empty());
    assert_eq!(s.unavailable(), Some("blocked"));
    assert!(matches!(
        s.save_contact(&contact(1)),
        Err(SaveError::Unavailable(_))
    ));
}

#[test]
fn replace_case_is_all_or_nothing() {
    let b = MemoryBackend {
        quota: Some(2_000),
        ..Default::default()
    };
    let mut s = Store::with_backend(Box::new(b));
    s.save_contact(&contact(1)).unwrap();
    let before = s.backend.keys().unwrap();
    let big = Case {
        contacts: (1..50).map(contact).collect(),
        ..Default::default()
    };
    assert_eq!(s.replace_case(&big), Err(SaveError::Quota));
    assert_eq!(s.backend.keys().unwrap(), before);
    assert_eq!(s.load().case.contacts, vec![contact(1)]);
}

#[test]
fn other_tab_change_is_folded_in() {
    let mut s = store_with(&[]);
    let mut case = Case::default();
    let mut prefs = Prefs::default();
    let raw = envelope::encode(&contact(5)).unwrap();
    assert!(s.apply_external(&mut case, &mut prefs, "dek:c:5", Some(&raw)));
    assert_eq!(case.contacts.len(), 1);
    assert!(!s.apply_external(&mut case, &mut prefs, "dek:c:6", Some("garbage")));
    assert!(!s.apply_external(&mut case, &mut prefs, "unrelated", Some(&raw)));
    assert!(s.apply_external(&mut case, &mut prefs, "dek:c:5", None));
    assert!(case.contacts.is_empty());
}

#[test]
fn wipe_leaves_no_prefixed_key() {
    let mut s = store_with(&[("dek:settings", "x"), ("other", "keep")]);
    s.save_contact(&contact(1)).unwrap();
    s.wipe().unwrap();
    assert_eq!(s.backend.keys().unwrap(), vec!["other".to_string()]);
}

#[test]
fn contacts_from_another_tab_are_seen_before_appending() {
    let mut s = store_with(&[]);
    s.save_contact(&contact(1)).unwrap();
    s.save_contact(&contact(2)).unwrap();
    assert_eq!(
        s.unseen_contacts(1)
            .iter()
            .map(|c| c.seq)
            .collect::<Vec<_>>(),
        vec![2]
    );
    assert!(s.unseen_contacts(2).is_empty());
}

#[test]
fn a_typical_contact_stays_under_300_characters() {
    let c = Contact {
        data: ContactData {
            outcome: Some(crate::domain::model::Outcome::Unanswered),
            debt_id: Some("d1764120000000-1".into()),
            ..contact(1234).data
        },
        hash: "0".repeat(64),
        ..contact(1234)
    };
    let stored = envelope::encode(&c).unwrap();
    assert!(
        stored.encode_utf16().count() <= 300,
        "{} chars: {stored}",
        stored.len()
    );
}
