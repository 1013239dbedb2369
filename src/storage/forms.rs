//! What forms hold before they are records: drafts, and the call companion's
//! call in progress. Sealed like every record, never read as one (`load` and
//! backups skip them).

use chrono::{DateTime, Utc};
use serde::{de::DeserializeOwned, Serialize};

use super::keys::{DraftForm, StoreKey};
use super::migrate::RecordKind;
use super::{SaveError, Store};
use crate::domain::call::CallLog;

/// How many finished calls are remembered: more than tabs a person keeps
/// open on the companion.
pub(super) const CALLS_DONE_KEPT: usize = 16;

impl Store {
    /// Keep what a form holds so far (sealed like every record). Drafts are
    /// never read as records: `load` and backups skip them.
    pub fn save_draft<T: Serialize>(&mut self, form: DraftForm, d: &T) -> Result<(), SaveError> {
        self.put(StoreKey::Draft(form), d)
    }

    /// The kept draft of `form`, if any; it stays until saved over or cleared.
    pub fn draft<T: DeserializeOwned>(&self, form: DraftForm) -> Option<T> {
        let name = StoreKey::Draft(form).name();
        let raw = self.backend.get(&name).ok().flatten()?;
        self.decode_stored(&name, &raw, RecordKind::Draft)
    }

    /// The kept draft of `form`, removed from storage as it is handed over.
    pub fn take_draft<T: DeserializeOwned>(&mut self, form: DraftForm) -> Option<T> {
        let draft = self.draft(form)?;
        let _ = self.clear_draft(form);
        Some(draft)
    }

    /// Forget the draft of `form` (saved as a record, or discarded).
    pub fn clear_draft(&mut self, form: DraftForm) -> Result<(), SaveError> {
        let name = StoreKey::Draft(form).name();
        if matches!(self.backend.get(&name), Ok(None)) && !self.pending.contains_key(&name) {
            return Ok(());
        }
        self.write_raw(&name, None)
    }

    /// The call companion's call, kept after every change (sealed like every
    /// record) so a closed tab or a lock gives it back. `Ok(false)`: this
    /// call is already done (its entry saved, or discarded, in this or another
    /// tab), so nothing is written: a tab still showing it cannot bring it back.
    pub fn save_call(&mut self, c: &CallLog) -> Result<bool, SaveError> {
        if self.call_done(c.started_at) {
            return Ok(false);
        }
        let name = StoreKey::Call.name();
        self.set_aside_unusable(&name, |s, raw| s.read_call(&name, raw).is_some());
        self.put(StoreKey::Call, c).map(|()| true)
    }

    /// The kept call, if any, usable and not done; it stays until its entry
    /// is saved.
    pub fn load_call(&self) -> Option<CallLog> {
        let name = StoreKey::Call.name();
        let raw = self.backend.get(&name).ok().flatten()?;
        self.read_call(&name, &raw)
            .filter(|c| !self.call_done(c.started_at))
    }

    fn read_call(&self, name: &str, raw: &str) -> Option<CallLog> {
        self.decode_stored::<CallLog>(name, raw, RecordKind::Call)
            .filter(|c| c.is_sane() && self.backend.is_exact(name, raw))
    }

    /// Whether the entry of the call that started at `started_at` was saved,
    /// or the call discarded (a call is known by the moment it started).
    pub fn call_done(&self, started_at: DateTime<Utc>) -> bool {
        self.calls_done().contains(&started_at)
    }

    fn calls_done(&self) -> Vec<DateTime<Utc>> {
        let name = StoreKey::CallsDone.name();
        let raw = self.backend.get(&name).ok().flatten();
        raw.and_then(|raw| self.decode_calls_done(&name, &raw))
            .unwrap_or_default()
    }

    fn decode_calls_done(&self, name: &str, raw: &str) -> Option<Vec<DateTime<Utc>>> {
        self.decode_stored(name, raw, RecordKind::Call)
    }

    /// Before writing over `name`: a stored value this version cannot use
    /// (damaged, tampered, newer) is copied aside, never written over.
    fn set_aside_unusable(&mut self, name: &str, usable: impl FnOnce(&Self, &str) -> bool) {
        let Ok(Some(raw)) = self.backend.get(name) else {
            return;
        };
        if !usable(self, &raw) {
            let text = self
                .open_stored(name, &raw)
                .map_or_else(|_| raw.clone(), |o| o.text.into_owned());
            self.quarantine(name, &text, "unreadable".into());
        }
    }

    /// The call's entry is saved, or the call discarded. It is marked done
    /// first, then removed: cut off between the two, the mark still holds.
    pub fn finish_call(&mut self, started_at: DateTime<Utc>) -> Result<(), SaveError> {
        let name = StoreKey::CallsDone.name();
        self.set_aside_unusable(&name, |s, raw| s.decode_calls_done(&name, raw).is_some());
        let mut done = self.calls_done();
        if !done.contains(&started_at) {
            done.push(started_at);
        }
        let keep_from = done.len().saturating_sub(CALLS_DONE_KEPT);
        let marked = self.put(StoreKey::CallsDone, &done[keep_from..].to_vec());
        let removed = self.write_raw(&StoreKey::Call.name(), None);
        marked.and(removed)
    }
}
