//! The only code that touches localStorage.
//!
//! Promise: nothing is lost. A value that cannot be read is copied aside
//! (quarantined) before anything may write its key; a value from a newer app
//! version is left alone and never written; a failed write is kept and
//! retried, and the caller is told.
//!
//! With a passcode set, every value but the few in [`StoreKey::stays_plain`]
//! is sealed (`domain::crypto`) on its way out and opened on its way in; a
//! value not yet in the current form (plain, or under an older key) is
//! rewritten when read, so an interrupted change of passcode finishes itself.

mod backend;
pub mod envelope;
mod forms;
pub mod keys;
pub mod locks;
pub mod migrate;
pub mod webcrypto;
pub mod webzones;

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Deserialize, Serialize};

pub use backend::{
    estimate, request_persistence, Backend, BackendError, LocalStorageBackend, MemoryBackend,
    LOCAL_STORAGE_QUOTA_BYTES,
};
use envelope::DecodeError;
pub use keys::{DraftForm, StoreKey, PREFIX};
use migrate::RecordKind;

use crate::domain::contacts;
use crate::domain::crypto::{self, Kdf, Key, Keyring, LockRecord, RandomSource, UnlockAttempts};
use crate::domain::model::{Agreement, Case, CaseEvent, Contact, Debt, Debtor, Settings};
use crate::domain::time::LocalOffsetFn;
use crate::i18n::Lang;

/// How migrations turn a v1 record's zone name into an offset: in the
/// browser from its own zone database, which keeps chrono-tz's tables (about
/// 18 KB gzip) out of the wasm every first visit downloads; natively from
/// chrono-tz. tests/web.rs checks both give the same answers.
#[cfg(target_arch = "wasm32")]
const LOCAL_OFFSET: LocalOffsetFn = webzones::offset_at_local;
#[cfg(not(target_arch = "wasm32"))]
const LOCAL_OFFSET: LocalOffsetFn = crate::domain::time::offset_at_local;

/// What the next start must do if a change of many keys was cut off (the
/// tab crashed or closed): written in one `setItem` before the change,
/// removed after it. So a restore is all or nothing, and a wipe finishes.
#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Journal {
    /// Put back each key's value as it was before (None: remove it).
    Undo { undo: Vec<(String, Option<String>)> },
    /// Finish deleting every key of the app.
    Wipe,
}

/// Preferences of this device, kept beside the case.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Prefs {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<Lang>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_export: Option<DateTime<Utc>>,
    /// Records changed since the last backup: drives the backup nudge.
    #[serde(default)]
    pub changes_since_export: u32,
    /// Minutes without use before the app locks (with a passcode set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_lock_minutes: Option<u32>,
}

impl Prefs {
    pub const AUTO_LOCK_CHOICES: [u32; 4] = [1, 5, 15, 60];
    pub const AUTO_LOCK_DEFAULT: u32 = 5;

    pub fn auto_lock_minutes(&self) -> u32 {
        self.auto_lock_minutes.unwrap_or(Self::AUTO_LOCK_DEFAULT)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Unreadable value; its raw text is kept under `quarantine_key`.
    Quarantined {
        key: String,
        quarantine_key: String,
        reason: String,
    },
    /// Unreadable and the copy failed: the key is left untouched and never written.
    Unreadable { key: String, reason: String },
    /// Written by a newer app version: left untouched, never written.
    TooNew { key: String, version: u32 },
    /// A restore from a backup was cut off; every record is back as it was
    /// before it (nothing of the backup was kept).
    RestoreUndone,
    /// "Delete everything" was cut off; it was finished.
    WipeFinished,
}

impl Problem {
    /// A change that was cut off and settled at start, not a damaged value.
    pub fn is_interrupted(&self) -> bool {
        matches!(self, Problem::RestoreUndone | Problem::WipeFinished)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// Storage is full; the write is kept in memory and retried.
    Quota,
    /// Storage is not available; the app runs in memory.
    Unavailable(String),
    /// This key holds data this version must not overwrite.
    Protected(String),
    Encode(String),
    /// No secure random numbers (or sealing failed) while a passcode is set:
    /// nothing was written, rather than writing it badly sealed or plain.
    NotSealed(String),
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Loaded {
    pub case: Case,
    pub prefs: Prefs,
    pub problems: Vec<Problem>,
    /// Records upgraded from an older schema (rewritten in the new one).
    pub migrated: u32,
}

pub struct Store {
    backend: Box<dyn Backend>,
    /// Why we run in memory, if we do.
    unavailable: Option<String>,
    /// Keys we must never write (too new, or unreadable and not copied).
    protected: BTreeSet<String>,
    /// Writes that failed, latest value per key (None = removal), retried on the next save.
    pending: BTreeMap<String, Option<String>>,
    /// The lock record as stored, when a passcode is set.
    lock: Option<LockRecord>,
    /// The data keys, once unlocked. In memory only.
    ring: Option<Keyring>,
    /// Secure random bytes (nonces, keys, salts); sealing refuses without it.
    random: Option<RandomSource>,
    /// The highest entry number held by a value that is not in the case
    /// (quarantined, unreadable, from a newer version): never handed out again.
    reserved_seqs: BTreeSet<u32>,
}

/// A stored value's text, with whether it is in the form new writes take
/// (see `crypto::Opened`).
struct Opened<'a> {
    text: Cow<'a, str>,
    stale: bool,
}

/// Whether the stored records need a passcode before they can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LockState {
    NoPasscode,
    Locked(LockRecord),
    /// A lock record is there but cannot be read: nothing is touched.
    Damaged(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum UnlockError {
    WrongPasscode,
    /// Still waiting after earlier wrong passcodes (milliseconds left).
    Wait(f64),
    Damaged(String),
}

impl Store {
    /// The browser's localStorage, or memory (with the reason) when it is unavailable.
    pub fn browser() -> Store {
        match LocalStorageBackend::open() {
            Ok(b) => Store::with_backend(Box::new(b)).with_random(webcrypto::random_source()),
            Err(e) => {
                let reason = match e {
                    BackendError::Quota => "quota".to_string(),
                    BackendError::Unavailable(r) => r,
                };
                Store {
                    unavailable: Some(reason),
                    ..Store::with_backend(Box::new(MemoryBackend::default()))
                }
            }
        }
    }

    pub fn with_backend(backend: Box<dyn Backend>) -> Store {
        Store {
            backend,
            unavailable: None,
            protected: BTreeSet::new(),
            pending: BTreeMap::new(),
            lock: None,
            ring: None,
            random: None,
            reserved_seqs: BTreeSet::new(),
        }
    }

    pub fn with_random(mut self, random: Option<RandomSource>) -> Store {
        self.random = random;
        self
    }

    /// Some(reason) when storage is unavailable and records live only in memory.
    pub fn unavailable(&self) -> Option<&str> {
        self.unavailable.as_deref()
    }

    pub fn pending_writes(&self) -> usize {
        self.pending.len()
    }

    /// See [`Case::reserved_seqs`]: what `load` and `unseen_contacts` found.
    pub fn reserved_seqs(&self) -> &BTreeSet<u32> {
        &self.reserved_seqs
    }

    /// An entry number is taken by a value the case does not hold.
    fn reserve(&mut self, name: &str) {
        let seq = match StoreKey::parse(name) {
            Some(StoreKey::Contact(seq)) => seq,
            Some(StoreKey::Quarantine(copy)) => {
                match StoreKey::parse(keys::quarantined_from(&copy).0) {
                    Some(StoreKey::Contact(seq)) => seq,
                    _ => return,
                }
            }
            _ => return,
        };
        self.reserved_seqs.insert(seq);
    }

    pub fn load(&mut self) -> Loaded {
        let mut out = Loaded::default();
        if let Some(done) = self.recover() {
            out.problems.push(done);
        }
        let entries = match self.backend.entries() {
            Ok(n) => n,
            Err(e) => {
                // Never risk writing over what we could not read.
                self.go_to_memory(e);
                return out;
            }
        };
        let mut contacts = Vec::new();
        for (name, raw) in entries {
            let Some(key) = StoreKey::parse(&name) else {
                continue;
            };
            if !self.backend.is_exact(&name, &raw) {
                // Any copy or rewrite would change it: leave it exactly as it is.
                self.protected.insert(name.clone());
                self.reserve(&name);
                out.problems.push(Problem::Unreadable {
                    key: name,
                    reason: "text this browser stores but cannot hand over unchanged".into(),
                });
                continue;
            }
            match key {
                StoreKey::NeutralName
                | StoreKey::Lock
                | StoreKey::UnlockAttempts
                | StoreKey::Draft(_)
                | StoreKey::LockAll
                | StoreKey::Call
                | StoreKey::CallsDone => {}
                StoreKey::Journal => {}
                StoreKey::Quarantine(copy) => {
                    self.reserve(&name);
                    out.problems.push(Problem::Quarantined {
                        key: keys::quarantined_from(&copy).0.to_string(),
                        quarantine_key: name,
                        reason: String::new(),
                    })
                }
                StoreKey::Prefs => {
                    self.read_into(&name, &raw, RecordKind::Prefs, &mut out, |o, v| o.prefs = v)
                }
                StoreKey::Settings => self.read_into(
                    &name,
                    &raw,
                    RecordKind::Settings,
                    &mut out,
                    |o, v: Settings| o.case.settings = v,
                ),
                StoreKey::Debtor => {
                    self.read_into(&name, &raw, RecordKind::Debtor, &mut out, |o, v: Debtor| {
                        o.case.debtor = v
                    })
                }
                StoreKey::Debts => self.read_into(
                    &name,
                    &raw,
                    RecordKind::Debts,
                    &mut out,
                    |o, v: Vec<Debt>| o.case.debts = v,
                ),
                StoreKey::Agreements => self.read_into(
                    &name,
                    &raw,
                    RecordKind::Agreements,
                    &mut out,
                    |o, v: Vec<Agreement>| o.case.agreements = v,
                ),
                StoreKey::Events => self.read_into(
                    &name,
                    &raw,
                    RecordKind::Events,
                    &mut out,
                    |o, v: Vec<CaseEvent>| o.case.events = v,
                ),
                StoreKey::Contact(seq) => {
                    let mut slot = None;
                    self.read_into(
                        &name,
                        &raw,
                        RecordKind::Contact,
                        &mut out,
                        |_, v: Contact| slot = Some(v),
                    );
                    match slot {
                        Some(c) if c.seq == seq => contacts.push(c),
                        Some(c) => {
                            // Not written by this app as this key: copied aside, never lost.
                            self.reserved_seqs.insert(c.seq);
                            let text = self
                                .open_stored(&name, &raw)
                                .map_or_else(|_| raw.clone(), |o| o.text.into_owned());
                            let reason = format!("entry #{} stored in the place of #{seq}", c.seq);
                            out.problems.push(self.quarantine(&name, &text, reason));
                            self.reserve(&name);
                        }
                        None => self.reserve(&name),
                    }
                }
            }
        }
        contacts.sort_by_key(|c| c.seq);
        out.case.contacts = contacts;
        out.case.reserved_seqs = self.reserved_seqs.clone();
        out.problems
            .sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
        out.problems
            .dedup_by(|a, b| problem_key(a) == problem_key(b));
        // After an interrupted change of passcode: finish re-sealing (values
        // this version does not read included), then drop the older keys.
        if self.lock.as_ref().is_some_and(|l| !l.is_settled()) && self.ring.is_some() {
            let _ = self.reseal_all();
            let _ = self.settle();
        }
        out
    }

    /// Only the preferences (the language the first screen needs), read
    /// without writing anything; `load` reads them again with the rest.
    pub fn peek_prefs(&self) -> Prefs {
        let name = StoreKey::Prefs.name();
        self.backend
            .get(&name)
            .ok()
            .flatten()
            .and_then(|raw| self.decode_stored(&name, &raw, RecordKind::Prefs))
            .unwrap_or_default()
    }

    fn read_into<T: DeserializeOwned + Serialize>(
        &mut self,
        name: &str,
        raw: &str,
        kind: RecordKind,
        out: &mut Loaded,
        apply: impl FnOnce(&mut Loaded, T),
    ) {
        let opened = match self.open_stored(name, raw) {
            Ok(o) => o,
            Err(reason) if self.ring.is_none() => {
                // Sealed, and no key: only the passcode can read it. Never write it.
                self.protected.insert(name.to_string());
                out.problems.push(Problem::Unreadable {
                    key: name.to_string(),
                    reason,
                });
                return;
            }
            Err(reason) => {
                out.problems.push(self.quarantine(name, raw, reason));
                return;
            }
        };
        match envelope::decode::<T>(&opened.text, kind, LOCAL_OFFSET) {
            Ok((value, migrated)) => {
                if migrated {
                    out.migrated += 1;
                }
                if migrated || opened.stale {
                    // Best effort: if the rewrite fails the old form stays readable.
                    if let Ok(text) = envelope::encode(&value) {
                        if let Ok(text) = self.seal_for(name, &text) {
                            let _ = self.write_raw(name, Some(text));
                        }
                    }
                }
                apply(out, value);
            }
            Err(DecodeError::TooNew(version)) => {
                self.protected.insert(name.to_string());
                out.problems.push(Problem::TooNew {
                    key: name.to_string(),
                    version,
                });
            }
            Err(DecodeError::Unreadable(reason)) => {
                out.problems
                    .push(self.quarantine(name, &opened.text, reason))
            }
        }
    }

    /// The text inside a stored value. Without a passcode, plain text passes
    /// through uncopied (this runs for every record at start).
    /// With the lock on and settled, plain text is refused: something other
    /// than this app wrote it (on `file://`, any local page can).
    fn open_stored<'a>(&self, name: &str, raw: &'a str) -> Result<Opened<'a>, String> {
        let settled = self.lock.as_ref().is_some_and(LockRecord::is_settled);
        match &self.ring {
            Some(_) if settled && !crypto::is_sealed(raw) => {
                Err("plain text where a sealed value belongs: changed by something else".into())
            }
            Some(ring) => ring
                .open_text(name, raw)
                .map(|o| Opened {
                    text: Cow::Owned(o.text),
                    stale: o.stale,
                })
                .map_err(|e| format!("{e:?}")),
            None if crypto::is_sealed(raw) => Err("sealed: the passcode is needed".into()),
            None => Ok(Opened {
                text: Cow::Borrowed(raw),
                stale: false,
            }),
        }
    }

    /// What to store under `name`: sealed while a passcode is set. Without
    /// a working random source nothing is written.
    fn seal_for(&mut self, name: &str, text: &str) -> Result<String, SaveError> {
        let Some(ring) = &self.ring else {
            return Ok(text.to_string());
        };
        let Some(random) = self.random.as_mut() else {
            return Err(SaveError::NotSealed("no secure random source".into()));
        };
        ring.seal_text(name, text, &mut **random)
            .map_err(|e| SaveError::NotSealed(format!("{e:?}")))
    }

    fn decode_stored<T: DeserializeOwned>(
        &self,
        name: &str,
        raw: &str,
        kind: RecordKind,
    ) -> Option<T> {
        let opened = self.open_stored(name, raw).ok()?;
        envelope::decode::<T>(&opened.text, kind, LOCAL_OFFSET)
            .ok()
            .map(|(v, _)| v)
    }

    /// Copy the raw text aside, then free the key. If the copy fails, protect the key.
    /// Copies are numbered (`…#2`, `#3`): an earlier copy is never written over.
    fn quarantine(&mut self, name: &str, raw: &str, reason: String) -> Problem {
        let mut quarantine_key = String::new();
        let mut copied = false;
        for n in 1..=MAX_QUARANTINE_COPIES {
            quarantine_key = StoreKey::quarantine_copy(name, n).name();
            match self.backend.get(&quarantine_key) {
                Ok(None) => {
                    copied = self
                        .seal_for(&quarantine_key, raw)
                        .is_ok_and(|copy| self.backend.set(&quarantine_key, &copy).is_ok());
                    break;
                }
                // Already copied (this damage was seen before).
                Ok(Some(existing))
                    if self
                        .open_stored(&quarantine_key, &existing)
                        .is_ok_and(|o| o.text == raw) =>
                {
                    copied = true;
                    break;
                }
                Ok(Some(_)) => continue,
                Err(_) => break,
            }
        }
        if copied && self.backend.remove(name).is_ok() {
            Problem::Quarantined {
                key: name.to_string(),
                quarantine_key,
                reason,
            }
        } else {
            self.protected.insert(name.to_string());
            Problem::Unreadable {
                key: name.to_string(),
                reason,
            }
        }
    }

    /// Raw text of every quarantined value: (quarantine key, text).
    pub fn quarantined(&self) -> Vec<(String, String)> {
        let Ok(names) = self.backend.keys() else {
            return Vec::new();
        };
        names
            .into_iter()
            .filter(|n| matches!(StoreKey::parse(n), Some(StoreKey::Quarantine(_))))
            .filter_map(|n| {
                let raw = self.backend.get(&n).ok().flatten()?;
                // Opened when it can be; otherwise the stored text, as it is.
                let text = match self.open_stored(&n, &raw) {
                    Ok(o) => o.text.into_owned(),
                    Err(_) => raw,
                };
                Some((n, text))
            })
            .collect()
    }

    /// The user downloaded (or gave up) a quarantined value.
    pub fn discard_quarantined(&mut self, quarantine_key: &str) -> Result<(), SaveError> {
        self.write_raw(quarantine_key, None)
    }

    fn go_to_memory(&mut self, e: BackendError) {
        let reason = match e {
            BackendError::Quota => "quota".to_string(),
            BackendError::Unavailable(r) => r,
        };
        self.unavailable = Some(reason);
        self.backend = Box::new(MemoryBackend::default());
    }

    fn write_raw(&mut self, name: &str, value: Option<String>) -> Result<(), SaveError> {
        if self.protected.contains(name) {
            return Err(SaveError::Protected(name.to_string()));
        }
        self.pending.insert(name.to_string(), value);
        self.flush()
    }

    /// Try every pending write, oldest key order; keep the ones that fail.
    pub fn flush(&mut self) -> Result<(), SaveError> {
        let mut first_error = None;
        let pending = std::mem::take(&mut self.pending);
        for (name, value) in pending {
            let result = match &value {
                Some(text) => self.backend.set(&name, text),
                None => self.backend.remove(&name),
            };
            if let Err(e) = result {
                first_error.get_or_insert(e);
                self.pending.insert(name, value);
            }
        }
        match (first_error, &self.unavailable) {
            (_, Some(reason)) => Err(SaveError::Unavailable(reason.clone())),
            (Some(BackendError::Quota), None) => Err(SaveError::Quota),
            (Some(BackendError::Unavailable(r)), None) => Err(SaveError::Unavailable(r)),
            (None, None) => Ok(()),
        }
    }

    fn put<T: Serialize>(&mut self, key: StoreKey, value: &T) -> Result<(), SaveError> {
        let text = envelope::encode(value).map_err(SaveError::Encode)?;
        let name = key.name();
        let text = self.seal_for(&name, &text)?;
        self.write_raw(&name, Some(text))
    }

    pub fn save_contact(&mut self, c: &Contact) -> Result<(), SaveError> {
        self.put(StoreKey::Contact(c.seq), c)
    }
    pub fn save_settings(&mut self, s: &Settings) -> Result<(), SaveError> {
        self.put(StoreKey::Settings, s)
    }
    pub fn save_debtor(&mut self, d: &Debtor) -> Result<(), SaveError> {
        self.put(StoreKey::Debtor, d)
    }
    pub fn save_debts(&mut self, d: &[Debt]) -> Result<(), SaveError> {
        self.put(StoreKey::Debts, &d)
    }
    pub fn save_agreements(&mut self, a: &[Agreement]) -> Result<(), SaveError> {
        self.put(StoreKey::Agreements, &a)
    }
    pub fn save_events(&mut self, e: &[CaseEvent]) -> Result<(), SaveError> {
        self.put(StoreKey::Events, &e)
    }
    pub fn save_prefs(&mut self, p: &Prefs) -> Result<(), SaveError> {
        self.put(StoreKey::Prefs, p)
    }

    /// Write a whole case (import/replace). Every record is written; on the
    /// first failure the previous values are put back so storage is as before.
    pub fn replace_case(&mut self, case: &Case) -> Result<(), SaveError> {
        let mut writes: Vec<(String, Option<String>)> = vec![
            (
                StoreKey::Settings.name(),
                Some(envelope::encode(&case.settings).map_err(SaveError::Encode)?),
            ),
            (
                StoreKey::Debtor.name(),
                Some(envelope::encode(&case.debtor).map_err(SaveError::Encode)?),
            ),
            (
                StoreKey::Debts.name(),
                Some(envelope::encode(&case.debts).map_err(SaveError::Encode)?),
            ),
            (
                StoreKey::Agreements.name(),
                Some(envelope::encode(&case.agreements).map_err(SaveError::Encode)?),
            ),
            (
                StoreKey::Events.name(),
                Some(envelope::encode(&case.events).map_err(SaveError::Encode)?),
            ),
        ];
        for c in &case.contacts {
            writes.push((
                StoreKey::Contact(c.seq).name(),
                Some(envelope::encode(c).map_err(SaveError::Encode)?),
            ));
        }
        let keep: BTreeSet<&str> = writes.iter().map(|(k, _)| k.as_str()).collect();
        let stale: Vec<String> = self
            .backend
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter(|k| {
                // A value this app may not touch stays (it is reported at start).
                matches!(StoreKey::parse(k), Some(StoreKey::Contact(_)))
                    && !keep.contains(k.as_str())
                    && !self.protected.contains(k)
            })
            .collect();
        let mut sealed: Vec<(String, Option<String>)> = Vec::with_capacity(writes.len());
        for (k, v) in writes {
            let v = v.map(|text| self.seal_for(&k, &text)).transpose()?;
            sealed.push((k, v));
        }
        let mut writes = sealed;
        writes.extend(stale.into_iter().map(|k| (k, None)));
        self.transaction(writes)
    }

    /// All-or-nothing write of several keys, across a crash too: the old
    /// values go into the journal first (one write), so an interrupted change
    /// is undone at the next start; on a failed write they are put back now.
    fn transaction(&mut self, writes: Vec<(String, Option<String>)>) -> Result<(), SaveError> {
        if let Some(reason) = &self.unavailable {
            return Err(SaveError::Unavailable(reason.clone()));
        }
        if let Some((k, _)) = writes.iter().find(|(k, _)| self.protected.contains(k)) {
            return Err(SaveError::Protected(k.clone()));
        }
        // Only what changes; removals first, so their space is free for the writes.
        let mut changes: Vec<(String, Option<String>)> = Vec::new();
        let mut undo: Vec<(String, Option<String>)> = Vec::new();
        for (key, value) in writes {
            let before = self.backend.get(&key).map_err(save_error)?;
            if before != value {
                changes.push((key.clone(), value));
                undo.push((key, before));
            }
        }
        if changes.is_empty() {
            return Ok(());
        }
        let order = |v: &Option<String>| v.is_some();
        changes.sort_by_key(|(_, v)| order(v));
        let journal = serde_json::to_string(&Journal::Undo { undo })
            .map_err(|e| SaveError::Encode(e.to_string()))?;
        let journal_key = StoreKey::Journal.name();
        // Does not fit (or fails): nothing has changed yet.
        self.backend
            .set(&journal_key, &journal)
            .map_err(save_error)?;
        for (key, value) in &changes {
            let result = match value {
                Some(text) => self.backend.set(key, text),
                None => self.backend.remove(key),
            };
            if let Err(e) = result {
                // Put back what was written so far, from the journal.
                let _ = self.recover();
                return Err(save_error(e));
            }
        }
        self.backend.remove(&journal_key).map_err(save_error)
    }

    /// Settle a change of many keys that was cut off (see [`Journal`]):
    /// undo a restore, finish a wipe. Run first at every start.
    fn recover(&mut self) -> Option<Problem> {
        let name = StoreKey::Journal.name();
        let text = self.backend.get(&name).ok().flatten()?;
        let journal: Journal = match serde_json::from_str(&text) {
            Ok(j) => j,
            Err(e) => return Some(self.quarantine(&name, &text, e.to_string())),
        };
        let done = match journal {
            Journal::Undo { undo } => {
                // Reverse order: the restore's new keys go first, freeing space.
                for (key, old) in undo.iter().rev() {
                    let result = match old {
                        Some(text) => self.backend.set(key, text),
                        None => self.backend.remove(key),
                    };
                    if let Err(e) = result {
                        // The journal stays; the next start tries again.
                        self.go_to_memory(e);
                        return Some(Problem::Unreadable {
                            key: name,
                            reason: "undo of an interrupted restore failed".into(),
                        });
                    }
                }
                Problem::RestoreUndone
            }
            Journal::Wipe => {
                let _ = self.remove_all_but(&name);
                Problem::WipeFinished
            }
        };
        let _ = self.backend.remove(&name);
        Some(done)
    }

    fn remove_all_but(&mut self, keep: &str) -> Result<(), SaveError> {
        let names = self
            .backend
            .keys()
            .map_err(|_| SaveError::Unavailable("keys".into()))?;
        for n in names
            .into_iter()
            .filter(|n| n.starts_with(PREFIX) && n != keep)
        {
            self.backend
                .remove(&n)
                .map_err(|_| SaveError::Unavailable("remove".into()))?;
        }
        Ok(())
    }

    /// Another tab changed `name`: fold what storage now holds under it into
    /// our case (the current value, not the event's: events can arrive late
    /// or for a value already written over). Returns true when something
    /// changed. A removed record resets to empty, so a wipe or replace in
    /// another tab never lives on here to be written back. Unreadable values
    /// are ignored here (the next load quarantines them).
    pub fn fold_stored(&mut self, case: &mut Case, prefs: &mut Prefs, name: &str) -> bool {
        let Some(key) = StoreKey::parse(name) else {
            return false;
        };
        let raw = match self.backend.get(name) {
            Ok(raw) => raw,
            Err(_) => return false,
        };
        let Some(raw) = raw else {
            return match key {
                StoreKey::Contact(seq) => {
                    let before = case.contacts.len();
                    case.contacts.retain(|c| c.seq != seq);
                    before != case.contacts.len()
                }
                StoreKey::Prefs => reset(prefs),
                StoreKey::Settings => reset(&mut case.settings),
                StoreKey::Debtor => reset(&mut case.debtor),
                StoreKey::Debts => reset(&mut case.debts),
                StoreKey::Agreements => reset(&mut case.agreements),
                StoreKey::Events => reset(&mut case.events),
                _ => false,
            };
        };
        let Ok(opened) = self.open_stored(name, &raw) else {
            // Sealed under a key this tab lacks: the lock record changed, and the app reloads.
            return false;
        };
        let text = opened.text;
        fn read<T: DeserializeOwned>(raw: &str, kind: RecordKind) -> Option<T> {
            envelope::decode::<T>(raw, kind, LOCAL_OFFSET)
                .ok()
                .map(|(v, _)| v)
        }
        fn take<T: PartialEq>(slot: &mut T, v: Option<T>) -> bool {
            match v {
                Some(v) if *slot != v => {
                    *slot = v;
                    true
                }
                _ => false,
            }
        }
        match key {
            StoreKey::Prefs => take(prefs, read(&text, RecordKind::Prefs)),
            StoreKey::Settings => take(&mut case.settings, read(&text, RecordKind::Settings)),
            StoreKey::Debtor => take(&mut case.debtor, read(&text, RecordKind::Debtor)),
            StoreKey::Debts => take(&mut case.debts, read(&text, RecordKind::Debts)),
            StoreKey::Agreements => take(&mut case.agreements, read(&text, RecordKind::Agreements)),
            StoreKey::Events => take(&mut case.events, read(&text, RecordKind::Events)),
            StoreKey::Contact(seq) => match read::<Contact>(&text, RecordKind::Contact) {
                Some(c) if c.seq == seq => {
                    if case.contact(seq) == Some(&c) {
                        return false;
                    }
                    if let contacts::Incoming::Clash { rewrite } = contacts::merge_incoming(case, c)
                    {
                        // Write our side back so no tab's entry or edit is lost.
                        for seq in rewrite {
                            if let Some(mine) = case.contact(seq) {
                                let _ = self.save_contact(mine);
                            }
                        }
                    }
                    true
                }
                _ => false,
            },
            StoreKey::Quarantine(_)
            | StoreKey::NeutralName
            | StoreKey::Lock
            | StoreKey::UnlockAttempts
            | StoreKey::Draft(_)
            | StoreKey::LockAll
            | StoreKey::Call
            | StoreKey::CallsDone => false,
            StoreKey::Journal => false,
        }
    }

    pub fn neutral_name(&self) -> bool {
        matches!(self.backend.get(&StoreKey::NeutralName.name()), Ok(Some(v)) if v == "1")
    }

    /// Tell every other open tab to lock (they see the `storage` event).
    pub fn signal_lock_all(&mut self, now_ms: f64) {
        let _ = self
            .backend
            .set(&StoreKey::LockAll.name(), &format!("{now_ms}"));
    }

    pub fn set_neutral_name(&mut self, on: bool) -> Result<(), SaveError> {
        self.write_raw(&StoreKey::NeutralName.name(), on.then(|| "1".to_string()))
    }

    /// Contacts another tab stored right after `max_seq` that this tab has
    /// not seen yet (its `storage` event may still be on the way). Read before
    /// appending so two tabs never hand out the same sequence number. Probes
    /// `max_seq + 1`, `+ 2`, … until a key is free: the one the new entry
    /// takes, so adding costs the same at 10 or 10,000 entries. Reserved
    /// numbers are walked past (another tab skips them too); unreadable
    /// values on the way are added to [`Store::reserved_seqs`].
    pub fn unseen_contacts(&mut self, max_seq: u32) -> Vec<Contact> {
        let mut out = Vec::new();
        // Nothing comes after the last number (and probing must not wrap).
        let Some(first) = max_seq.checked_add(1) else {
            return out;
        };
        for seq in first..=u32::MAX {
            let name = StoreKey::Contact(seq).name();
            let Ok(Some(raw)) = self.backend.get(&name) else {
                if self.reserved_seqs.contains(&seq) {
                    continue;
                }
                break;
            };
            match self.decode_stored::<Contact>(&name, &raw, RecordKind::Contact) {
                Some(c) if c.seq == seq && self.backend.is_exact(&name, &raw) => out.push(c),
                // Taken but not readable here as this entry: never write over
                // it, never reuse its number (the next load quarantines it).
                _ => {
                    self.protected.insert(name);
                    self.reserved_seqs.insert(seq);
                }
            }
        }
        out
    }

    /// Read the lock record, if any. Call before `load`: while locked, `load`
    /// reads nothing sealed.
    pub fn lock_state(&mut self) -> LockState {
        let text = match self.backend.get(&StoreKey::Lock.name()) {
            Ok(Some(text)) => text,
            _ => return LockState::NoPasscode,
        };
        match LockRecord::parse(&text) {
            Ok(record) => {
                self.lock = Some(record.clone());
                LockState::Locked(record)
            }
            Err(e) => {
                self.protected.insert(StoreKey::Lock.name());
                LockState::Damaged(format!("{e:?}"))
            }
        }
    }

    pub fn has_passcode(&self) -> bool {
        self.lock.is_some()
    }

    pub fn unlock_attempts(&self) -> UnlockAttempts {
        self.backend
            .get(&StoreKey::UnlockAttempts.name())
            .ok()
            .flatten()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default()
    }

    /// The failed attempts as of `now_ms`; a stamp from a clock that was
    /// ahead is moved to now (and stored), so the wait is one delay long.
    pub fn unlock_attempts_at(&mut self, now_ms: f64) -> UnlockAttempts {
        let read = self.unlock_attempts();
        let fixed = read.sanitised(now_ms);
        if fixed != read {
            if let Ok(text) = serde_json::to_string(&fixed) {
                let _ = self.backend.set(&StoreKey::UnlockAttempts.name(), &text);
            }
        }
        fixed
    }

    /// Open the data keys with `kek` (derived from the typed passcode).
    /// A wrong passcode is counted, and counts towards the growing wait.
    pub fn unlock(&mut self, kek: &Key, now_ms: f64) -> Result<(), UnlockError> {
        let attempts = self.unlock_attempts_at(now_ms);
        let wait = attempts.wait_ms(now_ms);
        if wait > 0.0 {
            return Err(UnlockError::Wait(wait));
        }
        let Some(lock) = &self.lock else {
            return Err(UnlockError::Damaged("no lock record".into()));
        };
        if self.random.is_none() {
            return Err(UnlockError::Damaged("no secure random source".into()));
        }
        match lock.unlock(kek) {
            Ok(ring) => {
                self.ring = Some(ring);
                let _ = self.backend.remove(&StoreKey::UnlockAttempts.name());
                Ok(())
            }
            Err(crypto::CryptoError::Rejected) => {
                if let Ok(text) = serde_json::to_string(&attempts.failed(now_ms)) {
                    let _ = self.backend.set(&StoreKey::UnlockAttempts.name(), &text);
                }
                Err(UnlockError::WrongPasscode)
            }
            Err(e) => Err(UnlockError::Damaged(format!("{e:?}"))),
        }
    }

    /// The unlock screen's language follows the app's.
    pub fn set_lock_lang(&mut self, lang: &str) -> Result<(), SaveError> {
        let Some(lock) = &self.lock else {
            return Ok(());
        };
        if lock.lang.as_deref() == Some(lang) || self.protected.contains(&StoreKey::Lock.name()) {
            return Ok(());
        }
        let record = LockRecord {
            lang: Some(lang.to_string()),
            ..lock.clone()
        };
        self.backend
            .set(&StoreKey::Lock.name(), &record.to_json())
            .map_err(save_error)?;
        self.lock = Some(record);
        Ok(())
    }

    /// Fresh key-stretching parameters (a new random salt).
    pub fn new_kdf(&mut self) -> Option<Kdf> {
        self.random.as_mut().and_then(|r| Kdf::new(&mut **r).ok())
    }

    /// Whether `kek` opens the current lock (to confirm the current passcode).
    pub fn passcode_matches(&self, kek: &Key) -> bool {
        self.lock.as_ref().is_some_and(|l| l.unlock(kek).is_ok())
    }

    pub fn lock_kdf(&self) -> Option<Kdf> {
        self.lock.as_ref().map(|l| l.kdf.clone())
    }

    /// Set a passcode, or change it: `kek` comes from the new passcode and
    /// `kdf`. Every record is re-sealed under a fresh data key.
    pub fn set_passcode(
        &mut self,
        kdf: Kdf,
        kek: &Key,
        lang: Option<String>,
    ) -> Result<(), SaveError> {
        if self.lock.is_some() && self.ring.is_none() {
            return Err(SaveError::Protected(StoreKey::Lock.name()));
        }
        let Some(random) = self.random.as_mut() else {
            return Err(SaveError::Unavailable("no secure random source".into()));
        };
        let (record, ring) = LockRecord::create(kdf, kek, self.ring.as_ref(), lang, &mut **random)
            .map_err(|e| SaveError::NotSealed(format!("{e:?}")))?;
        self.commit_lock(record, ring)
    }

    /// Back to plain storage.
    pub fn remove_passcode(&mut self) -> Result<(), SaveError> {
        let (Some(lock), Some(ring)) = (&self.lock, &self.ring) else {
            return Ok(());
        };
        let (record, ring) = (lock.going_plain(), ring.going_plain());
        self.commit_lock(record, ring)
    }

    /// The switch, in an order that survives being cut off at any point:
    /// 1. the new lock record, holding every key still in use (one write);
    /// 2. each record rewritten in the new form;
    /// 3. the lock record without the old keys (or removed, going plain).
    ///
    /// Cut off after 1 or 2, the next unlock with the new passcode reads
    /// everything and finishes 2 and 3 (`load`).
    fn commit_lock(&mut self, record: LockRecord, ring: Keyring) -> Result<(), SaveError> {
        if let Some(reason) = &self.unavailable {
            return Err(SaveError::Unavailable(reason.clone()));
        }
        if self.protected.contains(&StoreKey::Lock.name()) {
            return Err(SaveError::Protected(StoreKey::Lock.name()));
        }
        // A queued write in the old form could land after step 3, unreadable.
        self.flush()?;
        self.backend
            .set(&StoreKey::Lock.name(), &record.to_json())
            .map_err(save_error)?;
        self.lock = Some(record);
        self.ring = Some(ring);
        self.reseal_all()?;
        self.settle()
    }

    /// Rewrite every stored value not in the current form. Values that do
    /// not open are left for `load` to quarantine.
    fn reseal_all(&mut self) -> Result<(), SaveError> {
        let names = self.backend.keys().map_err(save_error)?;
        for name in names {
            match StoreKey::parse(&name) {
                Some(k) if !k.stays_plain() => {}
                _ => continue,
            }
            let Ok(Some(raw)) = self.backend.get(&name) else {
                continue;
            };
            let Ok(opened) = self.open_stored(&name, &raw) else {
                continue;
            };
            if !opened.stale {
                continue;
            }
            let text = self.seal_for(&name, &opened.text)?;
            if self.protected.contains(&name) {
                // A value this version must not change (say, from a newer
                // version): its text stays exactly as it is, only the
                // sealing moves to the current key, or it would become
                // unreadable once the old key is dropped.
                self.backend.set(&name, &text).map_err(save_error)?;
            } else {
                // Full or failing storage: stop here (each further write
                // would retry every queued one); the rest stays readable.
                self.write_raw(&name, Some(text))?;
            }
        }
        Ok(())
    }

    /// Whether some stored value is still sealed under a key other than the
    /// current one (or sealed at all, going plain).
    fn any_sealed_under_old_key(&self) -> bool {
        let current = self.lock.as_ref().and_then(|l| l.current.as_deref());
        let Ok(entries) = self.backend.entries() else {
            return true;
        };
        entries.iter().any(|(name, raw)| {
            StoreKey::parse(name).is_some_and(|k| !k.stays_plain())
                && crypto::sealed_key_id(raw).is_some_and(|id| Some(id) != current)
        })
    }

    /// Step 3 of `commit_lock`, once no write is waiting.
    fn settle(&mut self) -> Result<(), SaveError> {
        let (Some(lock), Some(ring)) = (&self.lock, &self.ring) else {
            return Ok(());
        };
        if lock.is_settled() || !self.pending.is_empty() || self.any_sealed_under_old_key() {
            return Ok(());
        }
        if lock.current.is_none() {
            self.backend
                .remove(&StoreKey::Lock.name())
                .map_err(save_error)?;
            let _ = self.backend.remove(&StoreKey::UnlockAttempts.name());
            self.lock = None;
            self.ring = None;
        } else {
            let (record, ring) = (lock.settled(), ring.settled());
            self.backend
                .set(&StoreKey::Lock.name(), &record.to_json())
                .map_err(save_error)?;
            self.lock = Some(record);
            self.ring = Some(ring);
        }
        Ok(())
    }

    /// Every stored value of the app, as stored (sealed ones stay sealed):
    /// the way out when the lock record itself is damaged.
    pub fn raw_dump(&self) -> String {
        let names = self.backend.keys().unwrap_or_default();
        let map: BTreeMap<String, String> = names
            .into_iter()
            .filter(|n| n.starts_with(PREFIX))
            .filter_map(|n| Some((n.clone(), self.backend.get(&n).ok()??)))
            .collect();
        serde_json::to_string_pretty(&map).unwrap_or_default()
    }

    /// Remove every key with the app's prefix (the wipe). The journal goes
    /// first, so a wipe cut off is finished at the next start, and other tabs
    /// know to start afresh.
    pub fn wipe(&mut self) -> Result<(), SaveError> {
        let journal_key = StoreKey::Journal.name();
        // Even with storage too full for the journal, the wipe goes ahead.
        if let Ok(text) = serde_json::to_string(&Journal::Wipe) {
            let _ = self.backend.set(&journal_key, &text);
        }
        self.remove_all_but(&journal_key)?;
        self.backend
            .remove(&journal_key)
            .map_err(|_| SaveError::Unavailable("remove".into()))?;
        self.pending.clear();
        self.protected.clear();
        self.lock = None;
        self.ring = None;
        Ok(())
    }

    /// Bytes of UTF-16 used by the app's keys (what localStorage quotas count).
    pub fn used_utf16(&self) -> usize {
        let Ok(names) = self.backend.keys() else {
            return 0;
        };
        names
            .iter()
            .filter(|n| n.starts_with(PREFIX))
            .filter_map(|n| {
                Some(n.encode_utf16().count() + self.backend.get(n).ok()??.encode_utf16().count())
            })
            .sum::<usize>()
            * 2
    }
}

/// Back to the empty value; true when that changed something.
fn reset<T: Default + PartialEq>(slot: &mut T) -> bool {
    let was_empty = *slot == T::default();
    *slot = T::default();
    !was_empty
}

fn save_error(e: BackendError) -> SaveError {
    match e {
        BackendError::Quota => SaveError::Quota,
        BackendError::Unavailable(r) => SaveError::Unavailable(r),
    }
}

/// Enough numbered copies of one key for any real run of damage; past it
/// the key is protected instead (never written, never removed).
const MAX_QUARANTINE_COPIES: u32 = 99;

fn problem_key(p: &Problem) -> &str {
    match p {
        Problem::Quarantined { key, .. }
        | Problem::Unreadable { key, .. }
        | Problem::TooNew { key, .. } => key,
        Problem::RestoreUndone | Problem::WipeFinished => "journal",
    }
}

#[cfg(test)]
mod tests;
