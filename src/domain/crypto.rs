//! Encryption at rest: key handling and AES-256-GCM sealing, pure.
//!
//! - The passcode is stretched with PBKDF2-HMAC-SHA-256 ([`PBKDF2_ITERATIONS`],
//!   16-byte random salt) into a key-encryption key (KEK). The browser's
//!   WebCrypto does the stretching (`storage::webcrypto`); this module only
//!   takes the 32 derived bytes.
//! - Records are sealed with a random 256-bit data key (DEK). The lock record
//!   keeps every DEK sealed under the KEK. Changing the passcode first writes a
//!   new lock record holding the old and the new DEK (one atomic write), then
//!   re-seals record by record, then drops the old DEK: at every instant each
//!   stored record opens with the passcode last confirmed.
//! - Every seal uses a fresh random 96-bit nonce and binds the storage key's
//!   name as associated data, so a record copied under another name fails.
//!
//! Randomness is a parameter (`crypto.getRandomValues` in the browser).

use std::fmt;

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use serde::{Deserialize, Serialize};

use crate::domain::dense;

pub const KEY_LEN: usize = 32;
pub const NONCE_LEN: usize = 12;
pub const SALT_LEN: usize = 16;
pub const TAG_LEN: usize = 16;
/// OWASP's 2023 figure for PBKDF2-HMAC-SHA-256.
pub const PBKDF2_ITERATIONS: u32 = 600_000;
const _: () = assert!(PBKDF2_ITERATIONS >= 600_000 && PBKDF2_ITERATIONS <= MAX_ITERATIONS);
pub const KDF_NAME: &str = "PBKDF2-SHA-256";
/// Bounds on a stored or imported iteration count: below is too weak to
/// accept, above would freeze the page (a hostile file could ask for 2^32).
pub const MIN_ITERATIONS: u32 = 100_000;
pub const MAX_ITERATIONS: u32 = 10_000_000;
/// A sealed storage value: `sealed1:<key id>:<nonce‖ciphertext‖tag in `dense` text>`.
pub const SEALED_PREFIX: &str = "sealed1:";
const LOCK_VERSION: u32 = 1;

/// The secure random source refused or failed: nothing may be sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RandomFailed;

/// Fills a buffer with cryptographically secure random bytes, or fails.
pub type Random<'a> = &'a mut dyn FnMut(&mut [u8]) -> Result<(), RandomFailed>;
/// An owned random source, as the storage layer keeps one.
pub type RandomSource = Box<dyn FnMut(&mut [u8]) -> Result<(), RandomFailed>>;

/// Wrap a source so that one stuck on a value fails: an output of 8 or more
/// bytes that starts like the previous one is refused (odds 2^-64 otherwise).
pub fn checked_source(
    mut inner: impl FnMut(&mut [u8]) -> Result<(), RandomFailed> + 'static,
) -> RandomSource {
    let mut last: Option<[u8; 8]> = None;
    Box::new(move |buf: &mut [u8]| {
        inner(buf)?;
        if let Some(head) = buf.get(..8).and_then(|h| <[u8; 8]>::try_from(h).ok()) {
            if last == Some(head) {
                return Err(RandomFailed);
            }
            last = Some(head);
        }
        Ok(())
    })
}

/// Fill `buf` from `rng`. A source that reports success but leaves 8 or more
/// bytes all zero is broken (odds 2^-64 otherwise): a zero nonce, reused on
/// every write, would give AES-GCM away.
fn fill(rng: Random, buf: &mut [u8]) -> Result<(), CryptoError> {
    buf.fill(0);
    rng(buf).map_err(|RandomFailed| CryptoError::NoRandom)?;
    if buf.len() >= 8 && buf.iter().all(|b| *b == 0) {
        return Err(CryptoError::NoRandom);
    }
    Ok(())
}

#[derive(Clone, PartialEq, Eq)]
pub struct Key([u8; KEY_LEN]);

impl Key {
    pub fn from_bytes(bytes: [u8; KEY_LEN]) -> Key {
        Key(bytes)
    }
    pub fn random(rng: Random) -> Result<Key, CryptoError> {
        let mut k = [0u8; KEY_LEN];
        fill(rng, &mut k)?;
        Ok(Key(k))
    }
    fn cipher(&self) -> Aes256Gcm {
        Aes256Gcm::new(&self.0.into())
    }
}

/// Never print key bytes, not even in a debug log.
impl fmt::Debug for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Key(…)")
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CryptoError {
    /// Shorter than a nonce and a tag: cut off.
    Truncated,
    /// Not in the expected format (bad base64, missing fields, bad lengths).
    Malformed(String),
    /// Authentication failed: wrong passcode or key, or the data was changed.
    Rejected,
    /// Sealed with a key this lock record does not hold.
    UnknownKey(String),
    /// Parameters outside what this app accepts.
    Unsupported(String),
    /// No secure random bytes: nothing was sealed.
    NoRandom,
    /// The cipher refused (inputs over 64 GiB): nothing was sealed.
    Failed,
}

/// `nonce ‖ ciphertext ‖ tag`, or an error: never the nonce alone.
pub fn seal(
    key: &Key,
    nonce: [u8; NONCE_LEN],
    aad: &[u8],
    plain: &[u8],
) -> Result<Vec<u8>, CryptoError> {
    let ct = key
        .cipher()
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: plain, aad })
        .map_err(|_| CryptoError::Failed)?;
    let mut out = nonce.to_vec();
    out.extend(ct);
    Ok(out)
}

pub fn open(key: &Key, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Truncated);
    }
    let (nonce, ct) = sealed.split_at(NONCE_LEN);
    key.cipher()
        .decrypt(Nonce::from_slice(nonce), Payload { msg: ct, aad })
        .map_err(|_| CryptoError::Rejected)
}

pub fn fresh_nonce(rng: Random) -> Result<[u8; NONCE_LEN], CryptoError> {
    let mut n = [0u8; NONCE_LEN];
    fill(rng, &mut n)?;
    Ok(n)
}

pub fn b64(bytes: &[u8]) -> String {
    B64.encode(bytes)
}

pub fn unb64(text: &str) -> Result<Vec<u8>, CryptoError> {
    B64.decode(text)
        .map_err(|e| CryptoError::Malformed(e.to_string()))
}

/// How the passcode becomes a key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kdf {
    pub name: String,
    pub iterations: u32,
    /// Base64.
    pub salt: String,
}

impl Kdf {
    pub fn new(rng: Random) -> Result<Kdf, CryptoError> {
        let mut salt = [0u8; SALT_LEN];
        fill(rng, &mut salt)?;
        Ok(Kdf {
            name: KDF_NAME.to_string(),
            iterations: PBKDF2_ITERATIONS,
            salt: b64(&salt),
        })
    }

    /// The salt, once the parameters are checked as ones this app would use.
    pub fn checked_salt(&self) -> Result<Vec<u8>, CryptoError> {
        if self.name != KDF_NAME {
            return Err(CryptoError::Unsupported(self.name.clone()));
        }
        if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&self.iterations) {
            return Err(CryptoError::Unsupported(format!(
                "{} iterations",
                self.iterations
            )));
        }
        let salt = unb64(&self.salt)?;
        if salt.len() < SALT_LEN {
            return Err(CryptoError::Malformed("salt too short".into()));
        }
        Ok(salt)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrappedKey {
    pub id: String,
    /// Base64 of the DEK sealed under the KEK.
    pub sealed: String,
}

/// Stored in plain text under its own key: what unlocking needs, nothing of the case.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    pub v: u32,
    pub kdf: Kdf,
    pub keys: Vec<WrappedKey>,
    /// The key new writes use; None while storage goes back to plain text.
    pub current: Option<String>,
    /// The interface language for the unlock screen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

/// The unlocked data keys, in memory only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyring {
    keys: Vec<(String, Key)>,
    write: Option<String>,
}

fn wrap_aad(id: &str) -> Vec<u8> {
    format!("dek-data-key:{id}").into_bytes()
}

fn fresh_id(rng: Random, taken: &[(String, Key)]) -> Result<String, CryptoError> {
    // A source stuck on one value would loop forever: a few tries, then fail.
    for _ in 0..16 {
        let mut b = [0u8; 4];
        fill(rng, &mut b)?;
        let id = crate::domain::hash::to_hex(&b);
        if !taken.iter().any(|(t, _)| *t == id) {
            return Ok(id);
        }
    }
    Err(CryptoError::NoRandom)
}

impl LockRecord {
    pub fn parse(text: &str) -> Result<LockRecord, CryptoError> {
        let rec: LockRecord =
            serde_json::from_str(text).map_err(|e| CryptoError::Malformed(e.to_string()))?;
        if rec.v != LOCK_VERSION {
            return Err(CryptoError::Unsupported(format!("lock v{}", rec.v)));
        }
        rec.kdf.checked_salt()?;
        Ok(rec)
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A lock with a fresh data key for new writes. `keep` carries the keys of
    /// the current ring along (changing the passcode, or a first lock: none),
    /// so records not yet re-sealed still open.
    pub fn create(
        kdf: Kdf,
        kek: &Key,
        keep: Option<&Keyring>,
        lang: Option<String>,
        rng: Random,
    ) -> Result<(LockRecord, Keyring), CryptoError> {
        let mut keys: Vec<(String, Key)> = keep.map(|r| r.keys.clone()).unwrap_or_default();
        if keep.is_none() {
            // A first lock holds a spare key until every record is sealed
            // (`settled`): plain text found under a settled lock was written
            // by something else, not left by an interrupted first lock.
            let spare = fresh_id(rng, &keys)?;
            keys.push((spare, Key::random(rng)?));
        }
        let id = fresh_id(rng, &keys)?;
        keys.push((id.clone(), Key::random(rng)?));
        let ring = Keyring {
            keys,
            write: Some(id),
        };
        Ok((ring.wrap(kdf, kek, lang, rng)?, ring))
    }

    /// Every data key, opened with the KEK. A wrong passcode fails here.
    pub fn unlock(&self, kek: &Key) -> Result<Keyring, CryptoError> {
        let mut keys = Vec::with_capacity(self.keys.len());
        for w in &self.keys {
            let bytes = open(kek, &wrap_aad(&w.id), &unb64(&w.sealed)?)?;
            let bytes: [u8; KEY_LEN] = bytes
                .try_into()
                .map_err(|_| CryptoError::Malformed("key length".into()))?;
            keys.push((w.id.clone(), Key(bytes)));
        }
        if let Some(c) = &self.current {
            if !keys.iter().any(|(id, _)| id == c) {
                return Err(CryptoError::UnknownKey(c.clone()));
            }
        }
        Ok(Keyring {
            keys,
            write: self.current.clone(),
        })
    }

    /// Nothing left to finish: one key, and it is the one written with.
    pub fn is_settled(&self) -> bool {
        self.current.is_some() && self.keys.len() == 1
    }

    /// After every record is re-sealed with the current key: drop the others.
    pub fn settled(&self) -> LockRecord {
        let mut rec = self.clone();
        rec.keys.retain(|w| Some(&w.id) == self.current.as_ref());
        rec
    }

    /// The record while storage goes back to plain text (keys kept to read
    /// what is still sealed).
    pub fn going_plain(&self) -> LockRecord {
        LockRecord {
            current: None,
            ..self.clone()
        }
    }
}

/// Wrong passcodes in a row, kept (in plain text) across reloads so closing
/// the tab does not reset the wait.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct UnlockAttempts {
    pub failures: u32,
    /// Unix milliseconds of the last failure.
    pub last_failure_ms: f64,
}

impl UnlockAttempts {
    /// Three tries free, then 5 s, doubling up to 15 minutes: guessing a
    /// 6-digit code by hand becomes hopeless; the owner's typo costs seconds.
    pub fn delay_ms(failures: u32) -> f64 {
        if failures < 3 {
            return 0.0;
        }
        let doubling = (failures - 3).min(10);
        (5_000.0 * f64::from(1u32 << doubling)).min(15.0 * 60_000.0)
    }

    /// Milliseconds to wait before the next try (0 = now), never more than
    /// the delay itself: a failure stamped in the future (the clock was
    /// ahead, then corrected) or a damaged stamp costs one delay, not months.
    pub fn wait_ms(&self, now_ms: f64) -> f64 {
        let delay = Self::delay_ms(self.failures);
        let wait = self.last_failure_ms + delay - now_ms;
        if wait.is_finite() {
            wait.clamp(0.0, delay)
        } else {
            delay
        }
    }

    /// The record as read at `now_ms`: a stamp in the future (the clock was
    /// ahead, then corrected) or not a number counts from now, so the wait is
    /// one delay long, not the months until the clock catches up.
    pub fn sanitised(self, now_ms: f64) -> UnlockAttempts {
        if self.last_failure_ms.is_finite() && self.last_failure_ms <= now_ms {
            self
        } else {
            UnlockAttempts {
                last_failure_ms: now_ms,
                ..self
            }
        }
    }

    pub fn failed(self, now_ms: f64) -> UnlockAttempts {
        UnlockAttempts {
            failures: self.failures.saturating_add(1),
            last_failure_ms: now_ms,
        }
    }
}

/// A stored value, opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    pub text: String,
    /// Not in the form new writes take (plain while locked, an older key, or
    /// sealed while going plain): the caller rewrites it.
    pub stale: bool,
}

pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(SEALED_PREFIX)
}

/// The id of the key a stored value is sealed with; None for plain text.
pub fn sealed_key_id(stored: &str) -> Option<&str> {
    stored
        .strip_prefix(SEALED_PREFIX)
        .and_then(|rest| rest.split_once(':'))
        .map(|(id, _)| id)
}

impl Keyring {
    /// Seal every key under a KEK into a lock record.
    pub fn wrap(
        &self,
        kdf: Kdf,
        kek: &Key,
        lang: Option<String>,
        rng: Random,
    ) -> Result<LockRecord, CryptoError> {
        let mut keys = Vec::with_capacity(self.keys.len());
        for (id, key) in &self.keys {
            keys.push(WrappedKey {
                id: id.clone(),
                sealed: b64(&seal(kek, fresh_nonce(rng)?, &wrap_aad(id), &key.0)?),
            });
        }
        Ok(LockRecord {
            v: LOCK_VERSION,
            kdf,
            keys,
            current: self.write.clone(),
            lang,
        })
    }

    /// This ring, writing plain text (keys kept to read what is still sealed).
    pub fn going_plain(&self) -> Keyring {
        Keyring {
            keys: self.keys.clone(),
            write: None,
        }
    }

    /// Only the key new writes use.
    pub fn settled(&self) -> Keyring {
        Keyring {
            keys: self
                .keys
                .iter()
                .filter(|(id, _)| Some(id) == self.write.as_ref())
                .cloned()
                .collect(),
            write: self.write.clone(),
        }
    }

    pub fn writes_sealed(&self) -> bool {
        self.write.is_some()
    }

    fn key(&self, id: &str) -> Option<&Key> {
        self.keys.iter().find(|(k, _)| k == id).map(|(_, key)| key)
    }

    /// The text to store under `name`: sealed with the current key, or plain
    /// while going back to plain storage. Any failure is an error, never a
    /// weaker text.
    pub fn seal_text(&self, name: &str, plain: &str, rng: Random) -> Result<String, CryptoError> {
        let Some(id) = self.write.as_deref() else {
            return Ok(plain.to_string());
        };
        let key = self
            .key(id)
            .ok_or_else(|| CryptoError::UnknownKey(id.to_string()))?;
        let sealed = seal(key, fresh_nonce(rng)?, name.as_bytes(), plain.as_bytes())?;
        Ok(format!("{SEALED_PREFIX}{id}:{}", dense::encode(&sealed)))
    }

    /// Open what is stored under `name`. Plain text passes through (marked
    /// stale when this ring writes sealed).
    pub fn open_text(&self, name: &str, stored: &str) -> Result<Opened, CryptoError> {
        let Some(rest) = stored.strip_prefix(SEALED_PREFIX) else {
            return Ok(Opened {
                text: stored.to_string(),
                stale: self.write.is_some(),
            });
        };
        let (id, body) = rest
            .split_once(':')
            .ok_or_else(|| CryptoError::Malformed("no key id".into()))?;
        let key = self
            .key(id)
            .ok_or_else(|| CryptoError::UnknownKey(id.to_string()))?;
        let body =
            dense::decode(body).ok_or_else(|| CryptoError::Malformed("sealed text".into()))?;
        let plain = open(key, name.as_bytes(), &body)?;
        let text = String::from_utf8(plain).map_err(|e| CryptoError::Malformed(e.to_string()))?;
        Ok(Opened {
            text,
            stale: self.write.as_deref() != Some(id),
        })
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;

    /// Deterministic "randomness" for tests: distinct bytes on every call.
    pub fn counter_rng() -> impl FnMut(&mut [u8]) -> Result<(), RandomFailed> {
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        move |buf: &mut [u8]| {
            for b in buf.iter_mut() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *b = state as u8;
            }
            Ok(())
        }
    }

    /// A source that fails after `n` good calls, the two ways a browser's
    /// can: by saying so, or by leaving the buffer untouched.
    pub fn failing_rng(
        n: usize,
        silent: bool,
    ) -> impl FnMut(&mut [u8]) -> Result<(), RandomFailed> {
        let mut good = counter_rng();
        let mut left = n;
        move |buf: &mut [u8]| {
            if left == 0 {
                return if silent { Ok(()) } else { Err(RandomFailed) };
            }
            left -= 1;
            good(buf)
        }
    }

    /// The KEK the browser would derive, with few iterations to keep tests fast.
    pub fn test_kek(passcode: &str, kdf: &Kdf) -> Key {
        let salt = unb64(&kdf.salt).unwrap_or_default();
        let mut out = [0u8; KEY_LEN];
        pbkdf2::pbkdf2_hmac::<sha2::Sha256>(passcode.as_bytes(), &salt, 1000, &mut out);
        Key(out)
    }

    fn setup() -> (
        LockRecord,
        Keyring,
        Key,
        impl FnMut(&mut [u8]) -> Result<(), RandomFailed>,
    ) {
        let mut rng = counter_rng();
        let kdf = Kdf::new(&mut rng).unwrap();
        let kek = test_kek("1234", &kdf);
        let (rec, ring) = LockRecord::create(kdf, &kek, None, None, &mut rng).unwrap();
        (rec, ring, kek, rng)
    }

    #[test]
    fn a_failing_random_source_seals_nothing() {
        let (_, ring, kek, _) = setup();
        for silent in [false, true] {
            let mut broken = failing_rng(0, silent);
            assert_eq!(
                ring.seal_text("dek:c:1", "张三", &mut broken),
                Err(CryptoError::NoRandom)
            );
            assert_eq!(Kdf::new(&mut broken), Err(CryptoError::NoRandom));
            assert_eq!(Key::random(&mut broken), Err(CryptoError::NoRandom));
            let kdf = Kdf::new(&mut counter_rng()).unwrap();
            // Fails at each step of making a lock: id, key, wrapping.
            for n in 0..3 {
                let made =
                    LockRecord::create(kdf.clone(), &kek, None, None, &mut failing_rng(n, silent));
                assert_eq!(made.err(), Some(CryptoError::NoRandom), "after {n}");
            }
        }
        // A source stuck on one value: the same 8 bytes twice are refused.
        let stuck = |b: &mut [u8]| {
            b.fill(7);
            Ok::<(), RandomFailed>(())
        };
        let mut checked = checked_source(stuck);
        let made = LockRecord::create(kdf_for_test(), &kek, None, None, &mut *checked);
        assert_eq!(made.err(), Some(CryptoError::NoRandom));
        // Without the check, a fresh key id is given up on, not looked for forever.
        let mut stuck = stuck;
        let made = LockRecord::create(kdf_for_test(), &kek, None, None, &mut stuck);
        assert_eq!(made.err(), Some(CryptoError::NoRandom));
        // A good source passes the check.
        let mut good = checked_source(counter_rng());
        assert!(LockRecord::create(kdf_for_test(), &kek, None, None, &mut *good).is_ok());
    }

    fn kdf_for_test() -> Kdf {
        Kdf::new(&mut counter_rng()).unwrap()
    }

    #[test]
    fn seal_round_trip_and_fresh_nonces() {
        let (_, ring, _, mut rng) = setup();
        let a = ring
            .seal_text("dek:c:1", "张三 13800000000", &mut rng)
            .unwrap();
        let b = ring
            .seal_text("dek:c:1", "张三 13800000000", &mut rng)
            .unwrap();
        assert!(is_sealed(&a));
        assert_ne!(a, b, "each write gets a fresh nonce");
        assert!(!a.contains("13800000000"));
        let opened = ring.open_text("dek:c:1", &a).unwrap();
        assert_eq!(opened.text, "张三 13800000000");
        assert!(!opened.stale);
    }

    #[test]
    fn tampering_truncation_and_moving_are_rejected() {
        let (_, ring, _, mut rng) = setup();
        let sealed = ring.seal_text("dek:c:1", "hello", &mut rng).unwrap();
        let (head, body) = sealed.rsplit_once(':').unwrap();
        let mut bytes = dense::decode(body).unwrap();
        for i in 0..bytes.len() {
            bytes[i] ^= 1;
            let bad = format!("{head}:{}", dense::encode(&bytes));
            assert_eq!(ring.open_text("dek:c:1", &bad), Err(CryptoError::Rejected));
            bytes[i] ^= 1;
        }
        for cut in 0..NONCE_LEN + TAG_LEN {
            let bad = format!("{head}:{}", dense::encode(&bytes[..cut]));
            assert_eq!(ring.open_text("dek:c:1", &bad), Err(CryptoError::Truncated));
        }
        let bad = format!("{head}:{}", dense::encode(&bytes[..bytes.len() - 1]));
        assert_eq!(ring.open_text("dek:c:1", &bad), Err(CryptoError::Rejected));
        // The same bytes under another key name do not open.
        assert_eq!(
            ring.open_text("dek:c:2", &sealed),
            Err(CryptoError::Rejected)
        );
        assert!(matches!(
            ring.open_text("dek:c:1", "sealed1:nokeyid"),
            Err(CryptoError::Malformed(_))
        ));
        assert!(matches!(
            ring.open_text("dek:c:1", "sealed1:abcd:0"),
            Err(CryptoError::UnknownKey(_))
        ));
        let (id_part, _) = sealed.rsplit_once(':').unwrap();
        assert!(matches!(
            ring.open_text("dek:c:1", &format!("{id_part}:not dense")),
            Err(CryptoError::Malformed(_))
        ));
    }

    #[test]
    fn wrong_passcode_is_refused() {
        let (rec, ring, kek, _) = setup();
        let text = rec.to_json();
        let rec = LockRecord::parse(&text).unwrap();
        assert_eq!(rec.unlock(&kek).unwrap(), ring);
        let wrong = test_kek("1235", &rec.kdf);
        assert_eq!(rec.unlock(&wrong), Err(CryptoError::Rejected));
    }

    #[test]
    fn lock_record_holds_nothing_readable_and_rejects_bad_params() {
        let (rec, _, _, _) = setup();
        let mut weak = rec.clone();
        weak.kdf.iterations = 1000;
        assert!(matches!(
            LockRecord::parse(&weak.to_json()),
            Err(CryptoError::Unsupported(_))
        ));
        let mut huge = rec.clone();
        huge.kdf.iterations = u32::MAX;
        assert!(LockRecord::parse(&huge.to_json()).is_err());
        let mut other = rec.clone();
        other.kdf.name = "scrypt".into();
        assert!(LockRecord::parse(&other.to_json()).is_err());
        assert!(LockRecord::parse("{").is_err());
        assert!(LockRecord::parse(&rec.to_json()[..20]).is_err());
    }

    #[test]
    fn plain_text_is_stale_while_locked() {
        let (_, ring, _, _) = setup();
        let o = ring.open_text("dek:prefs", r#"{"v":2,"d":{}}"#).unwrap();
        assert!(o.stale);
        let plain = ring.going_plain();
        assert!(!plain.open_text("dek:prefs", r#"{"v":2}"#).unwrap().stale);
    }

    #[test]
    fn unlock_delay_grows_and_is_capped() {
        assert_eq!(UnlockAttempts::delay_ms(0), 0.0);
        assert_eq!(UnlockAttempts::delay_ms(2), 0.0);
        assert_eq!(UnlockAttempts::delay_ms(3), 5_000.0);
        assert_eq!(UnlockAttempts::delay_ms(4), 10_000.0);
        assert_eq!(UnlockAttempts::delay_ms(100), 900_000.0);
        let mut a = UnlockAttempts::default();
        for i in 0..3 {
            a = a.failed(1_000.0 * f64::from(i));
        }
        assert_eq!(a.wait_ms(2_000.0), 5_000.0);
        assert_eq!(a.wait_ms(7_000.0), 0.0);
        let many = (0..40).fold(a, |a, _| a.failed(0.0));
        assert_eq!(many.wait_ms(0.0), 900_000.0);
    }

    #[test]
    fn a_clock_jump_never_makes_the_wait_longer_than_the_delay() {
        const YEAR_MS: f64 = 365.0 * 24.0 * 3_600_000.0;
        let now = 1_790_000_000_000.0;
        // Three wrong tries with the clock a year ahead, then the clock is corrected.
        let ahead = (0..3).fold(UnlockAttempts::default(), |a, _| a.failed(now + YEAR_MS));
        assert_eq!(ahead.wait_ms(now), 5_000.0, "capped at the delay");
        let read = ahead.sanitised(now);
        assert_eq!(read.failures, 3);
        assert_eq!(read.wait_ms(now), 5_000.0);
        assert_eq!(
            read.wait_ms(now + 5_000.0),
            0.0,
            "then the right passcode is tried"
        );
        // A damaged stamp waits one delay, never forever and never zero.
        for stamp in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300] {
            let damaged = UnlockAttempts {
                failures: 4,
                last_failure_ms: stamp,
            };
            assert_eq!(damaged.wait_ms(now), 10_000.0, "{stamp}");
            let read = damaged.sanitised(now);
            assert_eq!(read.wait_ms(now + 10_000.0), 0.0, "{stamp}");
        }
        // The clock moved back after the failures: capped as well.
        let a = (0..3).fold(UnlockAttempts::default(), |a, _| a.failed(now));
        assert_eq!(a.wait_ms(now - YEAR_MS), 5_000.0);
    }

    #[test]
    fn changing_the_passcode_keeps_old_records_readable() {
        let (_, ring, _, mut rng) = setup();
        let old = ring.seal_text("dek:debts", "old", &mut rng).unwrap();
        let kdf2 = Kdf::new(&mut rng).unwrap();
        let kek2 = test_kek("new-pass", &kdf2);
        let (rec2, ring2) =
            LockRecord::create(kdf2, &kek2, Some(&ring.settled()), None, &mut rng).unwrap();
        assert_eq!(rec2.keys.len(), 2);
        assert!(!rec2.is_settled());
        let reopened = rec2.unlock(&kek2).unwrap();
        let o = reopened.open_text("dek:debts", &old).unwrap();
        assert_eq!(o.text, "old");
        assert!(o.stale, "sealed with the old key: re-seal");
        let new = ring2.seal_text("dek:debts", "new", &mut rng).unwrap();
        assert!(!reopened.open_text("dek:debts", &new).unwrap().stale);
        let settled = rec2.settled();
        assert!(settled.is_settled());
        let only_new = settled.unlock(&kek2).unwrap();
        assert!(matches!(
            only_new.open_text("dek:debts", &old),
            Err(CryptoError::UnknownKey(_))
        ));
    }
}
