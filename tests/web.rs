//! The storage module against the browser's real localStorage, in headless Chromium.
#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used)]

use debt_evidence_kit::domain::model::{Contact, ContactData, Settings};
use debt_evidence_kit::storage::{Problem, SaveError, Store};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn contact(seq: u32) -> Contact {
    Contact {
        seq,
        created_at: chrono::DateTime::from_timestamp(1_772_600_000, 0).unwrap(),
        source: Default::default(),
        data: ContactData {
            at: chrono::DateTime::parse_from_rfc3339("2026-03-04T22:40:00+08:00").unwrap(),
            from_number: "95188".into(),
            notes: "说明天再不还就上门".into(),
            ..Default::default()
        },
        history: vec![],
        deleted_at: None,
        hash: String::new(),
    }
}

#[wasm_bindgen_test]
fn writes_and_reads_real_local_storage() {
    local_storage().clear().unwrap();
    let mut store = Store::browser();
    assert_eq!(store.unavailable(), None);
    store.save_contact(&contact(1)).unwrap();
    store.save_settings(&Settings::default()).unwrap();
    let raw = local_storage().get_item("dek:c:1").unwrap().unwrap();
    assert!(raw.contains("95188"));

    let loaded = Store::browser().load();
    assert_eq!(loaded.case.contacts, vec![contact(1)]);
    assert!(loaded.problems.is_empty());
}

#[wasm_bindgen_test]
fn corrupt_value_in_real_storage_is_quarantined() {
    local_storage().clear().unwrap();
    local_storage().set_item("dek:debts", "{{garbage").unwrap();
    let loaded = Store::browser().load();
    assert!(matches!(
        &loaded.problems[..],
        [Problem::Quarantined { .. }]
    ));
    assert_eq!(
        local_storage()
            .get_item("dek:quarantine:dek:debts")
            .unwrap()
            .as_deref(),
        Some("{{garbage")
    );
}

#[wasm_bindgen_test]
fn quota_error_is_reported_and_nothing_stored_is_lost() {
    let ls = local_storage();
    ls.clear().unwrap();
    let mut store = Store::browser();
    store.save_contact(&contact(1)).unwrap();
    // Fill the origin's quota with filler keys until the browser refuses.
    let chunk = "x".repeat(256 * 1024);
    let mut i = 0;
    while ls.set_item(&format!("filler:{i}"), &chunk).is_ok() {
        i += 1;
        assert!(i < 400, "quota never reached");
    }
    let mut big = contact(2);
    big.data.notes = "y".repeat(300 * 1024);
    assert_eq!(store.save_contact(&big), Err(SaveError::Quota));
    assert_eq!(store.pending_writes(), 1);
    // Free space: the kept write goes through on retry.
    for j in 0..i {
        ls.remove_item(&format!("filler:{j}")).unwrap();
    }
    store.flush().unwrap();
    let loaded = Store::browser().load();
    assert_eq!(loaded.case.contacts.len(), 2);
    ls.clear().unwrap();
}
