//! The passcode gate: what shows before the case is opened, and auto-lock.
//! Locking reloads the page, so the key and every opened record go with the
//! old page's memory.

use leptos::ev;
use leptos::prelude::*;

use super::browser;
use super::state::AppState;
use crate::domain::crypto::UnlockAttempts;
use crate::domain::strength::{check_new_passcode, Tier};
use crate::i18n::privacy::PrivacyKey;
use crate::i18n::{self, Lang};
use crate::storage::{webcrypto, LockState, Store, StoreKey, UnlockError};

/// Performance marks the benchmark reads: passcode stretching, then opening the records.
pub const MARK_DERIVE: &str = "dek-derive";
pub const MARK_OPEN: &str = "dek-open";

/// True after unlocking with a passcode shorter than today's minimum (set
/// before the minimum existed): the app asks for a longer one until changed.
#[derive(Clone, Copy)]
pub struct WeakPasscode(pub RwSignal<bool>);

/// Shown while the records are sealed. Worded as a plain notes app.
#[component]
pub fn LockGate(
    store: StoredValue<Option<Store>, LocalStorage>,
    lang: Option<String>,
    unlocked: RwSignal<bool>,
) -> impl IntoView {
    let lang = lang.as_deref().and_then(Lang::from_tag).unwrap_or_else(|| {
        Lang::from_browser(browser::browser_languages().iter().map(String::as_str))
    });
    let t = move |k: PrivacyKey| i18n::t(lang, k);
    browser::set_document_lang(lang.tag());
    browser::set_title(t(PrivacyKey::LockedTitle));

    let passcode = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let message = RwSignal::new(None::<String>);
    let forgot = RwSignal::new(false);
    let weak = use_context::<WeakPasscode>();

    let wait_message = move |ms: f64| {
        i18n::fill(
            t(PrivacyKey::WaitSeconds),
            &[&format!("{:.0}", (ms / 1000.0).ceil())],
        )
    };
    let submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let now = js_sys::Date::now();
        // Re-read: another tab may have changed the passcode since this page loaded.
        let state = store.try_update_value(|s| {
            s.as_mut()
                .map(|s| (s.lock_state(), s.unlock_attempts_at(now)))
        });
        let Some(Some((LockState::Locked(record), attempts))) = state else {
            browser::reload();
            return;
        };
        let wait = attempts.wait_ms(now);
        if wait > 0.0 {
            message.set(Some(wait_message(wait)));
            return;
        }
        busy.set(true);
        message.set(None);
        let typed = passcode.get_untracked();
        leptos::task::spawn_local(async move {
            browser::mark(MARK_DERIVE);
            let kek = webcrypto::derive_key(&typed, &record.kdf).await;
            browser::measure(MARK_DERIVE, MARK_DERIVE);
            let result = match kek {
                Ok(kek) => store
                    .try_update_value(|s| s.as_mut().map(|s| s.unlock(&kek, js_sys::Date::now())))
                    .flatten()
                    .unwrap_or(Err(UnlockError::Damaged("store gone".into()))),
                Err(e) => Err(UnlockError::Damaged(e)),
            };
            busy.set(false);
            match result {
                Ok(()) => {
                    passcode.set(String::new());
                    let short = check_new_passcode(Tier::Device, &typed, &typed).is_err();
                    if let Some(WeakPasscode(w)) = weak {
                        w.set(short);
                    }
                    unlocked.set(true);
                }
                Err(UnlockError::WrongPasscode) => {
                    passcode.set(String::new());
                    let next = UnlockAttempts::delay_ms(attempts.failures + 1);
                    message.set(Some(if next > 0.0 {
                        format!("{} {}", t(PrivacyKey::WrongPasscode), wait_message(next))
                    } else {
                        t(PrivacyKey::WrongPasscode).to_string()
                    }));
                }
                Err(UnlockError::Wait(ms)) => message.set(Some(wait_message(ms))),
                Err(UnlockError::Damaged(e)) => message.set(Some(e)),
            }
        });
    };
    let wipe = move |_| {
        wipe_if_confirmed(lang, || {
            let _ = store.try_update_value(|s| s.as_mut().map(Store::wipe));
        })
    };
    view! {
        <main class="lock-screen" data-testid="lock-screen">
            <form class="panel lock-panel" on:submit=submit>
                <h1>{t(PrivacyKey::LockedTitle)}</h1>
                <label class="field">
                    <span class="field-label">{t(PrivacyKey::PasscodeLabel)}</span>
                    <input type="password" autocomplete="current-password" data-testid="unlock-passcode" autofocus
                        prop:value=move || passcode.get() on:input=move |e| passcode.set(event_target_value(&e)) />
                </label>
                {move || message.get().map(|m| view! { <p class="error" role="alert" data-testid="unlock-error">{m}</p> })}
                <div class="row">
                    <button type="submit" class="primary" data-testid="unlock-submit" disabled=move || busy.get()>
                        {move || if busy.get() { t(PrivacyKey::Unlocking) } else { t(PrivacyKey::Unlock) }}
                    </button>
                    <QuickExitButton lang />
                </div>
                <button type="button" class="linkish" data-testid="unlock-forgot" on:click=move |_| forgot.update(|f| *f = !*f)>
                    {t(PrivacyKey::ForgotTitle)}
                </button>
                <Show when=move || forgot.get()>
                    <p class="muted">{t(PrivacyKey::ForgotBody)}</p>
                    <button type="button" class="danger" data-testid="unlock-wipe" on:click=wipe>{t(PrivacyKey::ForgotWipe)}</button>
                </Show>
            </form>
        </main>
    }
}

/// The lock record cannot be read: touch nothing, offer the raw data.
#[component]
pub fn DamagedLock(store: Store, reason: String) -> impl IntoView {
    let lang = Lang::from_browser(browser::browser_languages().iter().map(String::as_str));
    let t = move |k: PrivacyKey| i18n::t(lang, k);
    let dump = store.raw_dump();
    let store = StoredValue::new_local(store);
    let wipe = move |_| {
        wipe_if_confirmed(lang, || {
            let _ = store.try_update_value(Store::wipe);
        })
    };
    view! {
        <div class="lock-screen" data-testid="lock-damaged">
            <div class="panel lock-panel">
                <h1>{t(PrivacyKey::DamagedTitle)}</h1>
                <p>{t(PrivacyKey::DamagedBody)}</p>
                <p class="hint"><code>{reason}</code></p>
                <button type="button" class="primary" data-testid="download-raw"
                    on:click=move |_| { let _ = browser::download("debt-evidence-raw-storage.json", "application/json", &dump); }>
                    {t(PrivacyKey::DownloadRaw)}
                </button>
                <button type="button" class="danger" data-testid="damaged-wipe" on:click=wipe>{t(PrivacyKey::ForgotWipe)}</button>
                <QuickExitButton lang />
            </div>
        </div>
    }
}

/// Quick exit on the lock screens, which have no header.
#[component]
fn QuickExitButton(lang: Lang) -> impl IntoView {
    view! {
        <button type="button" class="quick-exit" data-testid="quick-exit" on:click=move |_| browser::quick_exit()>
            {i18n::t(lang, i18n::Key::QuickExit)}
        </button>
    }
}

/// "Delete everything" from a lock screen: ask, wipe, start over.
fn wipe_if_confirmed(lang: Lang, wipe: impl FnOnce()) {
    if window()
        .confirm_with_message(i18n::t(lang, PrivacyKey::ForgotWipeConfirm))
        .unwrap_or(false)
    {
        wipe();
        browser::reload();
    }
}

/// With a passcode set (now or later in this page's life): lock after the
/// chosen minutes without a tap or key, counting while the page is hidden
/// too. Idle time is the larger of the monotonic clock (`performance.now`,
/// which a changed system clock does not move) and the wall clock (which
/// still runs while a phone sleeps): moving the clock back never keeps the
/// case open, moving it forward only locks sooner.
pub fn install_auto_lock(state: AppState) {
    let last_use = StoredValue::new((browser::monotonic_ms(), js_sys::Date::now()));
    let touch = move || last_use.set_value((browser::monotonic_ms(), js_sys::Date::now()));
    let check = move || {
        if !state.has_passcode() {
            return;
        }
        let idle_ms = f64::from(state.prefs.with_untracked(|p| p.auto_lock_minutes())) * 60_000.0;
        let (mono, wall) = last_use.get_value();
        let idle = (browser::monotonic_ms() - mono).max(js_sys::Date::now() - wall);
        if idle >= idle_ms {
            lock_now(state);
        }
    };
    let _ = window_event_listener(ev::pointerdown, move |_| touch());
    let _ = window_event_listener(ev::keydown, move |_| touch());
    let _ = window_event_listener(ev::visibilitychange, move |_| {
        if !browser::page_hidden() {
            check();
        }
    });
    let _ = set_interval_with_handle(check, std::time::Duration::from_secs(10));
}

/// Lock: keep a half-typed contact (sealed; the agreement and payment forms
/// keep theirs as they change), then reload, so the key and
/// every opened record go with this page's memory. Stays open while a failed
/// write waits (a reload would lose it; the quota banner is up then).
pub fn lock_now(state: AppState) {
    if state.pending_writes() == 0 && state.keep_open_draft().is_ok() {
        browser::forget_form_values();
        browser::reload();
    }
}

/// "Lock now": this tab and every other open tab of the app.
pub fn lock_all(state: AppState) {
    state.signal_lock_all();
    lock_now(state);
}

/// Another tab asked every tab to lock.
pub fn is_lock_all_key(key: &str) -> bool {
    key == StoreKey::LockAll.name()
}

/// Another tab set, changed or removed the passcode: start over with the new lock.
pub fn is_lock_key(key: &str) -> bool {
    key == StoreKey::Lock.name()
}
