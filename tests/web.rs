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

mod webcrypto_path {
    use super::*;
    use debt_evidence_kit::domain::crypto::{self, Kdf, Key, KDF_NAME};
    use debt_evidence_kit::storage::{webcrypto, LockState};
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;

    /// PBKDF2-HMAC-SHA-256("平安2468", salt 00..0f, 100,000 iterations), from Python's hashlib.
    const EXPECTED: &str = "a4bf8d87c22e8f9022269cca39c0fe903e5f090cbfec83aa30ba0a29a5faf854";

    fn expected_bytes() -> [u8; 32] {
        let mut out = [0u8; 32];
        for (i, b) in out.iter_mut().enumerate() {
            *b = u8::from_str_radix(&EXPECTED[i * 2..i * 2 + 2], 16).unwrap();
        }
        out
    }

    fn kdf() -> Kdf {
        Kdf {
            name: KDF_NAME.into(),
            iterations: 100_000,
            salt: crypto::b64(&(0u8..16).collect::<Vec<_>>()),
        }
    }

    fn subtle() -> web_sys::SubtleCrypto {
        web_sys::window().unwrap().crypto().unwrap().subtle()
    }

    async fn webcrypto_aes_key(bytes: &[u8; 32]) -> web_sys::CryptoKey {
        let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
        let p = subtle()
            .import_key_with_str(
                "raw",
                &Uint8Array::from(&bytes[..]),
                "AES-GCM",
                false,
                &usages,
            )
            .unwrap();
        JsFuture::from(p).await.unwrap().dyn_into().unwrap()
    }

    fn gcm_params(nonce: &[u8], aad: &[u8]) -> Object {
        let o = Object::new();
        Reflect::set(&o, &"name".into(), &"AES-GCM".into()).unwrap();
        Reflect::set(&o, &"iv".into(), &Uint8Array::from(nonce)).unwrap();
        Reflect::set(&o, &"additionalData".into(), &Uint8Array::from(aad)).unwrap();
        o
    }

    #[wasm_bindgen_test]
    async fn webcrypto_derivation_matches_the_reference_vector() {
        let derived = webcrypto::derive_key("平安2468", &kdf()).await.unwrap();
        let reference = Key::from_bytes(expected_bytes());
        // Same key: what one seals, the other opens.
        let sealed = crypto::seal(&derived, [7; 12], b"aad", b"hello").unwrap();
        assert_eq!(crypto::open(&reference, b"aad", &sealed).unwrap(), b"hello");
        let wrong = webcrypto::derive_key("平安2469", &kdf()).await.unwrap();
        assert_eq!(
            crypto::open(&wrong, b"aad", &sealed),
            Err(crypto::CryptoError::Rejected)
        );
    }

    #[wasm_bindgen_test]
    async fn our_aes_gcm_is_webcrypto_aes_gcm() {
        let bytes = expected_bytes();
        let key = Key::from_bytes(bytes);
        let web_key = webcrypto_aes_key(&bytes).await;
        let nonce = [3u8; 12];

        // Sealed here, opened by WebCrypto.
        let sealed = crypto::seal(&key, nonce, b"dek:c:1", "说明天上门".as_bytes()).unwrap();
        let body = sealed[12..].to_vec();
        let p = subtle()
            .decrypt_with_object_and_u8_array(&gcm_params(&nonce, b"dek:c:1"), &web_key, &body)
            .unwrap();
        let plain = Uint8Array::new(&JsFuture::from(p).await.unwrap()).to_vec();
        assert_eq!(plain, "说明天上门".as_bytes());

        // Sealed by WebCrypto, opened here.
        let msg = b"from webcrypto".to_vec();
        let p = subtle()
            .encrypt_with_object_and_u8_array(&gcm_params(&nonce, b"x"), &web_key, &msg)
            .unwrap();
        let mut framed = nonce.to_vec();
        framed.extend(Uint8Array::new(&JsFuture::from(p).await.unwrap()).to_vec());
        assert_eq!(
            crypto::open(&key, b"x", &framed).unwrap(),
            b"from webcrypto"
        );
    }

    #[wasm_bindgen_test]
    async fn a_passcode_seals_real_local_storage() {
        local_storage().clear().unwrap();
        let mut store = Store::browser();
        store.save_contact(&contact(1)).unwrap();
        let kdf = store.new_kdf().unwrap();
        let kek = webcrypto::derive_key("2468", &kdf).await.unwrap();
        store.set_passcode(kdf, &kek, None).unwrap();
        let raw = local_storage().get_item("dek:c:1").unwrap().unwrap();
        assert!(raw.starts_with("sealed1:") && !raw.contains("95188"));

        let mut again = Store::browser();
        let LockState::Locked(record) = again.lock_state() else {
            panic!("locked")
        };
        let kek = webcrypto::derive_key("2468", &record.kdf).await.unwrap();
        again.unlock(&kek, js_sys::Date::now()).unwrap();
        let loaded = again.load();
        assert_eq!(loaded.case.contacts, vec![contact(1)]);
        local_storage().clear().unwrap();
    }
}

#[wasm_bindgen_test]
fn a_stored_value_holding_the_bulk_read_separator_still_loads() {
    local_storage().clear().unwrap();
    let mut store = Store::browser();
    store.save_contact(&contact(1)).unwrap();
    store.save_contact(&contact(2)).unwrap();
    local_storage()
        .set_item("another-app", "a\u{0}b\u{0}c")
        .unwrap();
    let loaded = Store::browser().load();
    assert_eq!(loaded.case.contacts, vec![contact(1), contact(2)]);
    local_storage().clear().unwrap();
}

/// The browser's zone database (used by the 1 → 2 migration in the app) and
/// chrono-tz (used natively) agree: every offered zone, around every clock
/// change of 2026 and an older US rule, skipped and repeated times included.
#[wasm_bindgen_test]
fn browser_zone_offsets_match_chrono_tz() {
    use chrono::{Duration, NaiveDate};
    use debt_evidence_kit::domain::time;
    use debt_evidence_kit::storage::webzones;

    let mut checked = 0;
    let mut skipped = 0;
    for zone in time::ZONES.into_iter().chain(["Mars/Olympus", ""]) {
        let months = [
            (2026, 3),
            (2026, 4),
            (2026, 10),
            (2026, 11),
            (2005, 4),
            (2005, 10),
        ];
        for (year, month) in months {
            let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
            for day in 0..30 {
                for minutes in [30, 90, 150, 210] {
                    let wall = (first + Duration::days(day)).and_hms_opt(0, 0, 0).unwrap()
                        + Duration::minutes(minutes);
                    let native = time::offset_at_local(zone, wall);
                    assert_eq!(
                        webzones::offset_at_local(zone, wall),
                        native,
                        "{zone} {wall}"
                    );
                    checked += 1;
                    skipped += usize::from(native.is_none());
                }
            }
        }
    }
    assert!(checked > 10_000);
    // The comparison covered clocks going forward (times that do not exist).
    assert!(skipped > 0);
}

/// A v1 contact in real localStorage is migrated through the browser's zone
/// database: a summer evening in New York keeps its -04:00.
#[wasm_bindgen_test]
fn v1_contact_migrates_in_the_browser() {
    let storage = local_storage();
    storage.clear().unwrap();
    let v1 = include_str!("fixtures/contact-v1.json")
        .replace("Asia/Shanghai", "America/New_York")
        .replace("2026-03-04", "2026-07-01");
    storage.set_item("dek:c:3", &v1).unwrap();
    let loaded = Store::browser().load();
    assert_eq!(loaded.migrated, 1, "{:?}", loaded.problems);
    let at = loaded.case.contacts[0].data.at;
    assert_eq!(at.to_rfc3339(), "2026-07-01T22:40:00-04:00");
    storage.clear().unwrap();
}
