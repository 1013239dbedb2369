//! The passcode lock's settings and the encrypted backup export.

use leptos::prelude::*;

use crate::domain::codec::{backup, encrypted_backup};
use crate::domain::strength::{self, check_new_passcode, PasscodeProblem, Span, Tier};
use crate::i18n::privacy::PrivacyKey;
use crate::i18n::{fill, Key, Lang};
use crate::storage::{webcrypto, Prefs, SaveError};
use crate::ui::browser;
use crate::ui::lock::WeakPasscode;
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::{self, TextField};
use crate::ui::APP_VERSION;

fn problem_key(p: PasscodeProblem) -> PrivacyKey {
    match p {
        PasscodeProblem::TooShort => PrivacyKey::TooShort,
        PasscodeProblem::TooWeak => PrivacyKey::TooWeak,
        PasscodeProblem::Mismatch => PrivacyKey::Mismatch,
    }
}

/// "One graphics card would guess it in about …", for what is typed so far.
#[component]
fn GuessEstimate(value: RwSignal<String>, testid: &'static str) -> impl IntoView {
    let state = use_app();
    let text = move || {
        let typed = value.get();
        if typed.is_empty() {
            return String::new();
        }
        let lang = state.lang.get();
        let t = move |k: PrivacyKey| crate::i18n::t(lang, k);
        let n = |v: u64| v.to_string();
        let time = match strength::span(strength::gpu_seconds(&typed)) {
            Span::UnderASecond => t(PrivacyKey::SpanInstant).to_string(),
            Span::Seconds(v) => fill(t(PrivacyKey::SpanSeconds), &[&n(v)]),
            Span::Minutes(v) => fill(t(PrivacyKey::SpanMinutes), &[&n(v)]),
            Span::Hours(v) => fill(t(PrivacyKey::SpanHours), &[&n(v)]),
            Span::Days(v) => fill(t(PrivacyKey::SpanDays), &[&n(v)]),
            Span::Years(v) => fill(t(PrivacyKey::SpanYears), &[&n(v)]),
            Span::Forever => t(PrivacyKey::SpanForever).to_string(),
        };
        fill(t(PrivacyKey::Estimate), &[&time])
    };
    view! { <p class="hint" role="status" data-testid=testid>{text}</p> }
}

fn save_error_text(lang: Lang, e: &SaveError) -> String {
    match e {
        SaveError::Quota => crate::i18n::t(lang, Key::BannerQuotaTitle).into(),
        e => widgets::save_error_text(lang, e),
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Set,
    Change,
    Remove,
}

#[component]
pub fn PasscodeSection() -> impl IntoView {
    let state = use_app();
    let on = RwSignal::new(state.has_passcode());
    let current = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let ack = RwSignal::new(false);
    let current_error = RwSignal::new(None::<String>);
    let new_error = RwSignal::new(None::<String>);
    let ack_error = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let outcome = RwSignal::new(None::<Result<PrivacyKey, String>>);
    let weak = use_context::<WeakPasscode>();

    let run = move |action: Action| {
        if busy.get_untracked() {
            return;
        }
        current_error.set(None);
        new_error.set(None);
        ack_error.set(false);
        outcome.set(None);
        let lang = state.lang.get_untracked();
        let t = move |k: PrivacyKey| crate::i18n::t(lang, k);
        if on.get_untracked() && current.get_untracked().is_empty() {
            current_error.set(Some(t(PrivacyKey::CurrentWrong).into()));
            return;
        }
        if action != Action::Remove {
            if let Err(p) =
                check_new_passcode(Tier::Device, &new.get_untracked(), &repeat.get_untracked())
            {
                new_error.set(Some(t(problem_key(p)).into()));
                return;
            }
            if !ack.get_untracked() {
                ack_error.set(true);
                return;
            }
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = apply(state, action, current.get_untracked(), new.get_untracked()).await;
            busy.set(false);
            match result {
                Ok(done) => {
                    if let Some(WeakPasscode(w)) = weak {
                        w.set(false);
                    }
                    for f in [current, new, repeat] {
                        f.set(String::new());
                    }
                    ack.set(false);
                    on.set(state.has_passcode());
                    outcome.set(Some(Ok(done)));
                }
                Err(Step::CurrentWrong) => {
                    current_error.set(Some(t(PrivacyKey::CurrentWrong).into()))
                }
                Err(Step::Failed(e)) => outcome.set(Some(Err(fill(t(PrivacyKey::Failed), &[&e])))),
            }
        });
    };

    let minutes = move || state.prefs.with(|p| p.auto_lock_minutes());
    view! {
        <section class="panel" id="passcode" data-testid="passcode-section">
            <h2>{move || state.t(PrivacyKey::SectionTitle)}</h2>
            <p class="muted">{move || state.t(PrivacyKey::SectionHelp)}</p>
            <p data-testid="passcode-status" class:ok-box=move || on.get()>
                {move || state.t(if on.get() { PrivacyKey::StatusOn } else { PrivacyKey::StatusOff })}
            </p>
            <Show when=move || on.get()>
                <div class="row">
                    <label class="field">
                        <span class="field-label">{move || state.t(PrivacyKey::AutoLock)}</span>
                        <select autocomplete="off" data-testid="auto-lock" on:change=move |e| {
                            if let Ok(m) = event_target_value(&e).parse::<u32>() {
                                state.prefs.update(|p| p.auto_lock_minutes = Some(m));
                                state.save_prefs();
                            }
                        }>
                            {Prefs::AUTO_LOCK_CHOICES.into_iter().map(|m| view! {
                                <option value=m.to_string() selected=move || minutes() == m>
                                    {move || fill(state.t(PrivacyKey::Minutes), &[&m.to_string()])}
                                </option>
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="lock-now" data-testid="lock-now" on:click=move |_| crate::ui::lock::lock_all(state)>
                        {move || state.t(PrivacyKey::LockNow)}
                    </button>
                </div>
                <TextField label=Signal::derive(move || state.t(PrivacyKey::CurrentPasscode)) value=current
                    testid="passcode-current" kind="password" error=current_error />
            </Show>
            <p class="warning" data-testid="passcode-warning">
                {move || state.t(if on.get() { PrivacyKey::WarningWhenOn } else { PrivacyKey::SectionWarning })}
            </p>
            <p class="hint">{move || state.t(PrivacyKey::SectionVisible)}</p>
            <p class="hint" data-testid="passcode-pin-note">{move || state.t(PrivacyKey::PinNote)}</p>
            <TextField label=Signal::derive(move || state.t(PrivacyKey::NewPasscode)) value=new
                testid="passcode-new" kind="password" error=new_error />
            <GuessEstimate value=new testid="passcode-estimate" />
            <TextField label=Signal::derive(move || state.t(PrivacyKey::RepeatPasscode)) value=repeat
                testid="passcode-repeat" kind="password" />
            <label class="chip" class:invalid=move || ack_error.get()>
                <input autocomplete="off" type="checkbox" data-testid="passcode-ack" prop:checked=move || ack.get()
                    on:change=move |e| ack.set(event_target_checked(&e)) />
                {move || state.t(PrivacyKey::Acknowledge)}
            </label>
            <Show when=move || ack_error.get()>
                <p class="error" role="alert">{move || state.t(PrivacyKey::AckNeeded)}</p>
            </Show>
            <div class="row">
                <button type="button" data-testid="passcode-export-first" on:click=move |_| {
                    // Same page: scroll to the backup section (a "#backup" link would be read as a route).
                    if let Some(el) = document().get_element_by_id("backup") {
                        el.scroll_into_view();
                    }
                }>{move || state.t(Key::WipeExportFirst)}</button>
                <button type="button" class="primary" data-testid="passcode-set" disabled=move || busy.get()
                    on:click=move |_| run(if on.get_untracked() { Action::Change } else { Action::Set })>
                    {move || state.t(if on.get() { PrivacyKey::ChangePasscode } else { PrivacyKey::SetPasscode })}
                </button>
                <Show when=move || on.get()>
                    <button type="button" class="danger" data-testid="passcode-remove" disabled=move || busy.get()
                        on:click=move |_| {
                            if window().confirm_with_message(state.t(PrivacyKey::RemoveConfirm)).unwrap_or(false) {
                                run(Action::Remove)
                            }
                        }>
                        {move || state.t(PrivacyKey::RemovePasscode)}
                    </button>
                </Show>
            </div>
            <Show when=move || busy.get()><p role="status">{move || state.t(PrivacyKey::Working)}</p></Show>
            {move || outcome.get().map(|o| match o {
                Ok(k) => view! { <p class="ok-box" role="status" data-testid="passcode-done">{state.t(k)}</p> }.into_any(),
                Err(e) => view! { <p class="error" role="alert" data-testid="passcode-failed">{e}</p> }.into_any(),
            })}
        </section>
    }
}

enum Step {
    CurrentWrong,
    Failed(String),
}

/// Confirm the current passcode (if any), then set, change or remove it.
async fn apply(
    state: AppState,
    action: Action,
    current: String,
    new: String,
) -> Result<PrivacyKey, Step> {
    if action != Action::Set {
        let kdf = state.lock_kdf().ok_or(Step::Failed("no lock".into()))?;
        let kek = webcrypto::derive_key(&current, &kdf)
            .await
            .map_err(Step::Failed)?;
        if !state.passcode_matches(&kek) {
            return Err(Step::CurrentWrong);
        }
    }
    let saved = match action {
        Action::Remove => state.remove_passcode(),
        Action::Set | Action::Change => {
            let kdf = state
                .new_kdf()
                .ok_or(Step::Failed("no secure random source".into()))?;
            let kek = webcrypto::derive_key(&new, &kdf)
                .await
                .map_err(Step::Failed)?;
            state.set_passcode(kdf, &kek)
        }
    };
    saved.map_err(|e| Step::Failed(save_error_text(state.lang.get_untracked(), &e)))?;
    Ok(match action {
        Action::Set => PrivacyKey::DoneSet,
        Action::Change => PrivacyKey::DoneChanged,
        Action::Remove => PrivacyKey::DoneRemoved,
    })
}

/// A backup sealed with a passcode of its own (docs/backup-format.md).
#[component]
pub fn EncryptedExport() -> impl IntoView {
    let state = use_app();
    let pass = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let export = move |_| {
        error.set(None);
        if let Err(p) =
            check_new_passcode(Tier::Backup, &pass.get_untracked(), &repeat.get_untracked())
        {
            error.set(Some(state.t(problem_key(p)).into()));
            return;
        }
        let (Some(kdf), Some(mut random)) = (state.new_kdf(), webcrypto::random_source()) else {
            error.set(Some(state.t(PrivacyKey::NoWebCrypto).into()));
            return;
        };
        busy.set(true);
        let typed = pass.get_untracked();
        leptos::task::spawn_local(async move {
            let kek = webcrypto::derive_key(&typed, &kdf).await;
            busy.set(false);
            let Ok(kek) = kek else {
                error.set(Some(state.t(PrivacyKey::NoWebCrypto).into()));
                return;
            };
            let now = browser::now();
            let plain = state
                .case
                .with_untracked(|c| backup::export(c, now, APP_VERSION));
            let Ok(text) = encrypted_backup::seal(&plain, kdf, &kek, &mut *random) else {
                error.set(Some(state.t(Key::BannerNotSealed).into()));
                return;
            };
            let name = format!(
                // Neutral: the file may sit in a shared Downloads folder.
                "backup-{}.encrypted.json",
                now.format("%Y%m%d-%H%M")
            );
            if browser::download(&name, "application/json", &text).is_ok() {
                state.mark_exported(now);
                pass.set(String::new());
                repeat.set(String::new());
            }
        });
    };
    view! {
        <div class="subpanel" data-testid="encrypted-export">
            <h3>{move || state.t(PrivacyKey::EncryptedTitle)}</h3>
            <p class="muted">{move || state.t(PrivacyKey::EncryptedHelp)}</p>
            <p class="hint">{move || state.t(PrivacyKey::BackupPassNote)}</p>
            <TextField label=Signal::derive(move || state.t(PrivacyKey::PasscodeLabel)) value=pass
                testid="encrypted-export-passcode" kind="password" error=error />
            <GuessEstimate value=pass testid="encrypted-export-estimate" />
            <TextField label=Signal::derive(move || state.t(PrivacyKey::RepeatPasscode)) value=repeat
                testid="encrypted-export-repeat" kind="password" />
            <button type="button" data-testid="encrypted-export-button" disabled=move || busy.get() on:click=export>
                {move || state.t(PrivacyKey::EncryptedExport)}
            </button>
        </div>
    }
}
