//! App state in context: the case and what the shell shows about storage.
//! Components call `AppState` methods; each changes the case with a domain
//! function and saves only the records that changed.

use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::call::CallLog;
use crate::domain::contacts::ContactDraft;
use crate::domain::crypto::{Kdf, Key};
use crate::domain::model::Case;
use crate::i18n::{self, Lang};
use crate::storage::{DraftForm, Prefs, Problem, SaveError, Store, StoreKey};

/// Which records a change touched, so only those are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    Contact(u32),
    /// The entry of the call that started then is saved: no tab keeps the
    /// call any more (written under the same lock as the entry).
    CallFinished(chrono::DateTime<chrono::Utc>),
    Debts,
    Agreements,
    Events,
    Settings,
    Debtor,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub case: RwSignal<Case>,
    pub prefs: RwSignal<Prefs>,
    pub lang: RwSignal<Lang>,
    /// Whether the stored records are read in (see `finish_loading`).
    pub loaded: RwSignal<bool>,
    /// Quarantined or too-new values found at load.
    pub problems: RwSignal<Vec<Problem>>,
    /// The last failed save; cleared when a later save succeeds.
    pub save_error: RwSignal<Option<SaveError>>,
    /// Why storage is unavailable (the app then runs in memory).
    pub unavailable: RwSignal<Option<String>>,
    /// Whether a passcode is set, for what shows it (the file:// banner).
    pub passcode_on: RwSignal<bool>,
    /// Complaint letters as the user edited them, by letter key (memory only).
    pub letter_edits: RwSignal<std::collections::BTreeMap<String, String>>,
    store: StoredValue<Store, LocalStorage>,
    /// The new-contact form on screen, if any: kept across an auto-lock.
    open_draft: StoredValue<Option<RwSignal<ContactDraft>>>,
    /// Keys other tabs changed since the last frame, folded in once per frame.
    external: StoredValue<BTreeSet<String>>,
    /// Another tab is replacing or wiping everything: its writes are not
    /// folded in one by one (the page reloads when it is done).
    suspended: StoredValue<bool>,
    /// The call companion's call: the live copy, also when storage fails.
    call: StoredValue<Option<CallLog>>,
}

impl AppState {
    /// What the first screen needs: the language. The records follow in
    /// `finish_loading`, called just after the first paint, so a long log
    /// never delays the first screen.
    pub fn start(store: Store, browser_langs: &[String]) -> AppState {
        let prefs = store.peek_prefs();
        let lang = prefs
            .lang
            .unwrap_or_else(|| Lang::from_browser(browser_langs.iter().map(String::as_str)));
        AppState {
            case: RwSignal::new(Case::default()),
            prefs: RwSignal::new(prefs),
            lang: RwSignal::new(lang),
            loaded: RwSignal::new(false),
            letter_edits: RwSignal::new(Default::default()),
            passcode_on: RwSignal::new(store.has_passcode()),
            problems: RwSignal::new(Vec::new()),
            save_error: RwSignal::new(None),
            unavailable: RwSignal::new(store.unavailable().map(str::to_owned)),
            store: StoredValue::new_local(store),
            open_draft: StoredValue::new(None),
            external: StoredValue::new(BTreeSet::new()),
            suspended: StoredValue::new(false),
            call: StoredValue::new(None),
        }
    }

    /// The new-contact form registers its draft while it is on screen.
    pub fn register_draft(&self, draft: Option<RwSignal<ContactDraft>>) {
        self.open_draft.set_value(draft);
    }

    /// The kept draft of a form, to offer back when the form opens.
    pub fn draft<T: serde::de::DeserializeOwned>(&self, form: DraftForm) -> Option<T> {
        self.store.try_with_value(|s| s.draft(form)).flatten()
    }

    /// Before locking: keep what is being typed (sealed), so unlocking gives it back.
    pub fn keep_open_draft(&self) -> Result<(), SaveError> {
        let Some(draft) = self
            .open_draft
            .get_value()
            .and_then(|d| d.try_get_untracked())
            .filter(ContactDraft::has_input)
        else {
            return Ok(());
        };
        self.with_store(|s| s.save_draft(DraftForm::Contact, &draft))
    }

    /// A contact kept when the app locked, handed over once.
    pub fn take_kept_draft(&self) -> Option<ContactDraft> {
        self.store
            .try_update_value(|s| s.take_draft(DraftForm::Contact))
            .flatten()
    }

    /// Forget a form's draft: saved as a record, or given up.
    pub fn clear_draft(&self, form: DraftForm) {
        let _ = self.store.try_update_value(|s| s.clear_draft(form));
    }

    /// While the calling form is on screen, keep what `current` returns as
    /// its draft, written on every change (sealed when the lock is on), so a
    /// closed or killed tab, another page or a lock loses nothing. `None`
    /// (nothing typed) clears the draft only if this form wrote it: a form
    /// opened empty for another debt or agreement leaves that one's draft.
    pub fn keep_draft<T: serde::Serialize + 'static>(
        &self,
        form: DraftForm,
        current: impl Fn() -> Option<T> + 'static,
    ) {
        let store = self.store;
        let save_error = self.save_error;
        Effect::new(move |wrote: Option<bool>| {
            let value = current();
            let result = match &value {
                Some(v) => store.try_update_value(|s| s.save_draft(form, v)),
                None if wrote == Some(true) => store.try_update_value(|s| s.clear_draft(form)),
                None => None,
            };
            // A write that did not fit waits in the queue; the quota banner says so.
            if let Some(Err(e @ SaveError::Quota)) = result {
                save_error.set(Some(e));
            }
            value.is_some()
        });
    }

    /// Keep the call in progress (storage, and memory should storage fail).
    /// `Ok(false)`: its entry was already saved (or it was discarded),
    /// perhaps in another tab; nothing is kept.
    pub fn save_call(&self, call: &CallLog) -> Result<bool, SaveError> {
        let kept = self
            .store
            .try_update_value(|s| s.save_call(call))
            .unwrap_or(Ok(true));
        let done = matches!(kept, Ok(false));
        self.call.set_value((!done).then(|| call.clone()));
        kept
    }

    /// The call in progress or under review, if any (a closed tab's too),
    /// unless its entry is saved or it was discarded, here or in another tab.
    pub fn load_call(&self) -> Option<CallLog> {
        let call = self
            .call
            .get_value()
            .or_else(|| self.store.with_value(|s| s.load_call()))?;
        (!self.call_done(call.started_at)).then_some(call)
    }

    /// Whether the entry of the call that started then is saved (or the call
    /// was discarded), in this tab or another.
    pub fn call_done(&self, started_at: chrono::DateTime<chrono::Utc>) -> bool {
        self.store.try_with_value(|s| s.call_done(started_at)) == Some(true)
    }

    /// The call is discarded: no tab keeps it.
    pub fn discard_call(&self, started_at: chrono::DateTime<chrono::Utc>) -> Result<(), SaveError> {
        self.call.set_value(None);
        self.store
            .try_update_value(|s| s.finish_call(started_at))
            .unwrap_or(Ok(()))
    }

    /// Read every stored record (once). Every change calls this first, so
    /// nothing is ever written over records not yet read.
    pub fn finish_loading(&self) {
        if self.loaded.get_untracked() {
            return;
        }
        let Some(loaded) = self.store.try_update_value(|s| s.load()) else {
            return;
        };
        if let Some(lang) = loaded.prefs.lang {
            self.lang.set(lang);
        }
        self.case.set(loaded.case);
        self.prefs.set(loaded.prefs);
        self.problems.set(loaded.problems);
        self.unavailable.set(
            self.store
                .with_value(|s| s.unavailable().map(str::to_owned)),
        );
        self.loaded.set(true);
    }

    /// Translated UI string; reactive on the language.
    pub fn t(&self, key: impl i18n::Translate) -> &'static str {
        i18n::t(self.lang.get(), key)
    }

    /// Change the case with `f`, then save what it reports as changed.
    /// The change stays in memory even if saving fails (the write is kept and
    /// retried); the error is returned so a form can keep its draft and say so.
    pub fn apply(&self, f: impl FnOnce(&mut Case) -> Vec<Changed>) -> Result<(), SaveError> {
        self.finish_loading();
        self.take_in_unseen(None);
        let changed = self.case.try_update(f).unwrap_or_default();
        self.persist(&changed)
    }

    /// `apply` under the cross-tab write lock, for saves a user is told
    /// about: the result comes once the write is done (or failed) and no
    /// other tab wrote in between. `editing` names the contact being edited:
    /// its stored version is read first, so an edit from another tab becomes
    /// history instead of being written over.
    pub async fn apply_exclusive(
        self,
        editing: Option<u32>,
        f: impl FnOnce(&mut Case) -> Vec<Changed> + 'static,
    ) -> Result<(), SaveError> {
        let state = self;
        crate::storage::locks::exclusive(move || {
            state.finish_loading();
            state.take_in_unseen(editing);
            let changed = state.case.try_update(f).unwrap_or_default();
            state.persist(&changed)
        })
        .await
        .unwrap_or_else(|| Err(SaveError::Unavailable("web lock".into())))
    }

    /// Another tab may have appended contacts (or edited `editing`) and its
    /// storage event may not have arrived yet: take them in first, so a new
    /// entry gets a fresh number and an edit starts from the stored version.
    fn take_in_unseen(&self, editing: Option<u32>) {
        let max_seq = self
            .case
            .with_untracked(|c| c.contacts.last().map_or(0, |x| x.seq));
        let (unseen, reserved) = self
            .store
            .try_update_value(|s| (s.unseen_contacts(max_seq), s.reserved_seqs().clone()))
            .unwrap_or_default();
        let name = editing.map(|seq| StoreKey::Contact(seq).name());
        let reserve = self
            .case
            .with_untracked(|c| !reserved.is_subset(&c.reserved_seqs));
        if unseen.is_empty() && name.is_none() && !reserve {
            return;
        }
        let mut prefs = self.prefs.get_untracked();
        self.case.maybe_update(|case| {
            let before = case.contacts.len();
            case.reserved_seqs.extend(reserved);
            case.contacts.extend(unseen);
            let folded = name.is_some_and(|n| {
                self.store
                    .try_update_value(|s| s.fold_stored(case, &mut prefs, &n))
                    .unwrap_or(false)
            });
            folded || case.contacts.len() != before
        });
    }

    /// Run a write on the store. A store already released (the page is being
    /// torn down) is an error, never a silent success: no save is confirmed
    /// that was not written.
    fn with_store(
        &self,
        f: impl FnOnce(&mut Store) -> Result<(), SaveError>,
    ) -> Result<(), SaveError> {
        self.store
            .try_update_value(f)
            .unwrap_or_else(|| Err(released()))
    }

    fn persist(&self, changed: &[Changed]) -> Result<(), SaveError> {
        let case = self.case.read_untracked();
        let result = self.store.try_update_value(|store| {
            let mut result = Ok(());
            for c in changed {
                let r = match c {
                    Changed::Contact(seq) => match case.contact(*seq) {
                        Some(contact) => store.save_contact(contact),
                        None => Ok(()),
                    },
                    Changed::CallFinished(started_at) => {
                        self.call.set_value(None);
                        store.finish_call(*started_at)
                    }
                    Changed::Debts => store.save_debts(&case.debts),
                    Changed::Agreements => store.save_agreements(&case.agreements),
                    Changed::Events => store.save_events(&case.events),
                    Changed::Settings => store.save_settings(&case.settings),
                    Changed::Debtor => store.save_debtor(&case.debtor),
                };
                if result.is_ok() {
                    result = r;
                }
            }
            result
        });
        drop(case);
        let result = result.unwrap_or_else(|| Err(released()));
        let records = changed
            .iter()
            .filter(|c| !matches!(c, Changed::CallFinished(_)))
            .count();
        if records > 0 {
            self.prefs
                .update(|p| p.changes_since_export += records as u32);
            let prefs = self.prefs.get_untracked();
            let _ = self.store.try_update_value(|s| s.save_prefs(&prefs));
        }
        self.save_error.set(result.clone().err());
        result
    }

    pub fn set_lang(&self, lang: Lang) {
        self.finish_loading();
        self.lang.set(lang);
        self.prefs.update(|p| p.lang = Some(lang));
        self.save_prefs();
        let _ = self.store.try_update_value(|s| s.set_lock_lang(lang.tag()));
    }

    pub fn save_prefs(&self) {
        self.finish_loading();
        let prefs = self.prefs.get_untracked();
        let r = self.with_store(|s| s.save_prefs(&prefs));
        self.save_error.set(r.err());
    }

    /// Retry failed writes (after the user freed space, say).
    pub fn retry(&self) {
        let r = self.with_store(|s| s.flush());
        self.save_error.set(r.err());
    }

    pub fn quarantined(&self) -> Vec<(String, String)> {
        self.store
            .try_with_value(|s| s.quarantined())
            .unwrap_or_default()
    }

    pub fn discard_quarantined(&self, key: &str) {
        let r = self.with_store(|s| s.discard_quarantined(key));
        match r {
            Ok(()) => self.problems.update(|p| {
                p.retain(|x| !matches!(x, Problem::Quarantined { quarantine_key, .. } if quarantine_key == key))
            }),
            Err(e) => self.save_error.set(Some(e)),
        }
    }

    /// Replace the whole case (restore from backup, wipe): all or nothing.
    pub fn replace_case(&self, new_case: Case) -> Result<(), SaveError> {
        self.finish_loading();
        let r = self.with_store(|s| s.replace_case(&new_case));
        if r.is_ok() {
            self.case.set(new_case);
        }
        self.save_error.set(r.clone().err());
        r
    }

    pub fn mark_exported(&self, at: chrono::DateTime<chrono::Utc>) {
        self.finish_loading();
        self.prefs.update(|p| {
            p.last_export = Some(at);
            p.changes_since_export = 0;
        });
        self.save_prefs();
    }

    /// Another tab wrote `key`: fold it in without touching this tab's
    /// drafts. Keys are gathered and folded once per frame, in place: a
    /// 10,000-record import in another tab costs one update here, not 10,000
    /// copies of the case.
    pub fn external_change(&self, key: &str) {
        if !self.loaded.get_untracked() || self.suspended.get_value() {
            // `finish_loading` will read the current value.
            return;
        }
        let first = self.external.try_update_value(|keys| {
            let first = keys.is_empty();
            keys.insert(key.to_string());
            first
        });
        if first == Some(true) {
            let state = *self;
            request_animation_frame(move || state.fold_external());
        }
    }

    pub fn suspend_sync(&self) {
        self.suspended.set_value(true);
    }

    fn fold_external(&self) {
        if self.suspended.get_value() {
            return;
        }
        let keys = self
            .external
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        let mut prefs = self.prefs.get_untracked();
        self.case.maybe_update(|case| {
            self.store
                .try_update_value(|s| {
                    keys.iter()
                        .fold(false, |any, k| s.fold_stored(case, &mut prefs, k) | any)
                })
                .unwrap_or(false)
        });
        if prefs != self.prefs.get_untracked() {
            if let Some(lang) = prefs.lang {
                self.lang.set(lang);
            }
            self.prefs.set(prefs);
        }
    }

    pub fn wipe(&self) -> Result<(), SaveError> {
        let r = self.with_store(|s| s.wipe());
        if r.is_ok() {
            self.case.set(Case::default());
            self.prefs.set(Prefs::default());
            self.problems.set(Vec::new());
        }
        r
    }

    pub fn neutral_name(&self) -> bool {
        self.store
            .try_with_value(|s| s.neutral_name())
            .unwrap_or(false)
    }

    pub fn set_neutral_name(&self, on: bool) {
        let r = self.with_store(|s| s.set_neutral_name(on));
        self.save_error.set(r.err());
    }

    pub fn has_passcode(&self) -> bool {
        self.store
            .try_with_value(|s| s.has_passcode())
            .unwrap_or(false)
    }

    pub fn lock_kdf(&self) -> Option<Kdf> {
        self.store.try_with_value(|s| s.lock_kdf()).flatten()
    }

    pub fn new_kdf(&self) -> Option<Kdf> {
        self.store.try_update_value(|s| s.new_kdf()).flatten()
    }

    pub fn passcode_matches(&self, kek: &Key) -> bool {
        self.store
            .try_with_value(|s| s.passcode_matches(kek))
            .unwrap_or(false)
    }

    /// Set or change the passcode; every record is re-sealed before this returns.
    pub fn set_passcode(&self, kdf: Kdf, kek: &Key) -> Result<(), SaveError> {
        let lang = Some(self.lang.get_untracked().tag().to_string());
        let r = self.with_store(|s| s.set_passcode(kdf, kek, lang));
        self.passcode_on.set(self.has_passcode());
        // Full storage mid-way shows the quota banner and its way out, as any save does.
        self.save_error.set(r.clone().err());
        r
    }

    pub fn remove_passcode(&self) -> Result<(), SaveError> {
        let r = self.with_store(|s| s.remove_passcode());
        self.passcode_on.set(self.has_passcode());
        self.save_error.set(r.clone().err());
        r
    }

    /// "Lock now" in this tab: the others lock too.
    pub fn signal_lock_all(&self) {
        let now = js_sys::Date::now();
        let _ = self.store.try_update_value(|s| s.signal_lock_all(now));
    }

    pub fn pending_writes(&self) -> usize {
        self.store
            .try_with_value(|s| s.pending_writes())
            .unwrap_or(0)
    }

    pub fn used_bytes(&self) -> usize {
        self.store.try_with_value(|s| s.used_utf16()).unwrap_or(0)
    }
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The error for a write attempted after the page let go of its store.
fn released() -> SaveError {
    SaveError::Unavailable("the page closed before the write".into())
}
