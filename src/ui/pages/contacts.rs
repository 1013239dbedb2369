//! Contact log: the quick log, the full form, and one contact's detail with
//! its history (the list is in `contact_list`).

use leptos::prelude::*;

use crate::domain::contacts::{self, ContactDraft, Field, FieldError, FieldErrors, Warning};
use crate::domain::labels;
use crate::domain::model::{
    Channel, ClaimedOrg, Direction, Outcome, Source, Target, Tick, MAX_SEQ,
};
use crate::domain::{numberbook, time};
use crate::i18n::{fill, Key, Lang};
use crate::storage::{DraftForm, SaveError};
use crate::ui::browser;
use crate::ui::files;
use crate::ui::route::Page;
use crate::ui::state::{use_app, AppState, Changed};
use crate::ui::widgets::{code, SaveFailed};

fn zone_name(state: AppState) -> String {
    state.case.with_untracked(|c| c.settings.time_zone.clone())
}

fn field_error_text(lang: Lang, e: FieldError) -> String {
    let k = |key| crate::i18n::t(lang, key).to_string();
    match e {
        FieldError::Required => k(Key::ErrRequired),
        FieldError::InvalidDate => k(Key::ErrInvalidDate),
        FieldError::InvalidTime => k(Key::ErrInvalidTime),
        FieldError::InvalidDuration => k(Key::ErrInvalidDuration),
        FieldError::InvalidCount => k(Key::ErrInvalidCount),
        FieldError::UnknownZone => k(Key::ErrUnknownZone),
        FieldError::NonexistentTime => k(Key::ErrNonexistentTime),
        FieldError::EndBeforeStart => k(Key::ErrEndBeforeStart),
        FieldError::EndDurationMismatch => k(Key::ErrEndDurationMismatch),
        FieldError::DurationTooLong { max_minutes } => fill(
            crate::i18n::t(lang, Key::ErrDurationTooLong),
            &[&max_minutes.to_string()],
        ),
        FieldError::TooLong { max_chars, chars } => fill(
            crate::i18n::t(lang, Key::ErrTooLong),
            &[&chars.to_string(), &max_chars.to_string()],
        ),
    }
}

fn warning_text(lang: Lang, w: Warning) -> &'static str {
    crate::i18n::t(
        lang,
        match w {
            Warning::InFuture => Key::WarnInFuture,
            Warning::NumberUnknown => Key::WarnNumberUnknown,
            Warning::AmbiguousTime => Key::WarnAmbiguousTime,
        },
    )
}

/// A quick-log draft at "now", about the only debt if there is just one.
fn new_draft(state: AppState) -> ContactDraft {
    let mut d = ContactDraft::quick(browser::now(), &zone_name(state));
    d.debt_id = state
        .case
        .with_untracked(|c| numberbook::suggest_debt(c, ""))
        .unwrap_or_default();
    d
}

/// What the form does on save.
#[derive(Clone, Copy, PartialEq)]
enum FormMode {
    New,
    Edit(u32),
}

/// The contact form. Starts compact (the quick log); "more details" opens the
/// full record. The draft stays on screen until it is saved.
#[component]
fn ContactForm(
    mode: FormMode,
    initial: ContactDraft,
    #[prop(optional)] start_full: bool,
    #[prop(optional)] on_saved: Option<Callback<u32>>,
    // Keep what is typed as the quick log's draft (a call under review too:
    // the draft names its call, see `ContactDraft::from_call`).
    #[prop(optional)] keep: bool,
) -> impl IntoView {
    let state = use_app();
    let draft = RwSignal::new(initial);
    if mode == FormMode::New {
        state.register_draft(Some(draft));
        on_cleanup(move || state.register_draft(None));
    }
    if keep {
        state.keep_draft(DraftForm::QuickLog, move || {
            draft.with(|d| d.has_input().then(|| d.clone()))
        });
    }
    // The debt follows the number until the user picks one.
    let debt_auto = RwSignal::new(mode == FormMode::New);
    let errors = RwSignal::new(FieldErrors::default());
    let warnings = RwSignal::new(Vec::<Warning>::new());
    let saved_seq = RwSignal::new(None::<u32>);
    // When the last new entry was saved: a second tap on Save right after
    // (a double tap) would otherwise save the fresh, empty form as another entry.
    let last_saved_at = StoredValue::new(None::<chrono::DateTime<chrono::Utc>>);
    let save_failed = RwSignal::new(None::<SaveError>);
    // Every entry number is taken (see `MAX_SEQ`): nothing was saved.
    let no_number = RwSignal::new(false);
    // This call's entry was already saved: nothing was saved again.
    let call_twice = RwSignal::new(false);
    // A save waiting for the write lock: a second tap must not save twice.
    let saving = StoredValue::new(false);
    let full = RwSignal::new(start_full);
    let hashing = RwSignal::new(None::<f64>);
    let file_error = RwSignal::new(false);

    let known = Memo::new(move |_| state.case.with(contacts::known_numbers));
    // The suggestions go through every entry: kept up to date only while the
    // number field has focus, so saving (focus on the button) stays O(1).
    let number_focused = RwSignal::new(false);
    let debts = Memo::new(move |_| {
        state.case.with(|c| {
            c.debts
                .iter()
                .map(|d| (d.id.clone(), d.lender.clone()))
                .collect::<Vec<_>>()
        })
    });
    let err = move |f: Field| {
        Signal::derive(move || {
            errors
                .get()
                .get(f)
                .map(|e| field_error_text(state.lang.get(), e))
        })
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let now = browser::now();
        let double_tap = last_saved_at
            .get_value()
            .is_some_and(|at| now - at < chrono::Duration::seconds(2));
        if mode == FormMode::New && double_tap && !draft.with_untracked(ContactDraft::has_input) {
            return;
        }
        match contacts::validate(&draft.get_untracked(), now) {
            Err(e) => {
                errors.set(e);
                saved_seq.set(None);
            }
            Ok((data, warns)) => {
                if saving.get_value() {
                    return;
                }
                saving.set_value(true);
                errors.set(FieldErrors::default());
                warnings.set(warns);
                // None: no number was free, so nothing was added.
                let seq = std::rc::Rc::new(std::cell::Cell::new(None));
                let seq_in = seq.clone();
                let editing = match mode {
                    FormMode::Edit(s) => Some(s),
                    FormMode::New => None,
                };
                let from_call = draft.with_untracked(|d| d.from_call);
                let twice = std::rc::Rc::new(std::cell::Cell::new(false));
                let twice_in = twice.clone();
                // Confirmed only once written, under the cross-tab write lock.
                let save = state.apply_exclusive(editing, move |case| match mode {
                    // A call's entry already saved (in another tab, say): not again.
                    FormMode::New if from_call.is_some_and(|t| state.call_done(t)) => {
                        twice_in.set(true);
                        vec![]
                    }
                    FormMode::New => {
                        seq_in.set(contacts::add_contact(case, data, Source::Manual, now).ok());
                        let added = seq_in.get().map(Changed::Contact);
                        // The call is finished under the same lock as its entry.
                        let call = added.as_ref().and(from_call).map(Changed::CallFinished);
                        added.into_iter().chain(call).collect()
                    }
                    FormMode::Edit(s) => {
                        seq_in.set(Some(s));
                        // An edit rehashes this entry and every later one.
                        let before = hashes(case);
                        if contacts::edit_contact(case, s, data, now).is_err() {
                            return vec![];
                        }
                        changed_hashes(case, &before)
                    }
                });
                // The save may end after this form is gone (the page showing
                // it re-rendered): hence `try_` throughout.
                leptos::task::spawn_local(async move {
                    let result = save.await;
                    saving.try_update_value(|s| *s = false);
                    call_twice.try_set(twice.get());
                    if twice.get() {
                        return;
                    }
                    // Never confirmed when not added: the draft stays.
                    no_number.try_set(seq.get().is_none());
                    let Some(seq) = seq.get() else {
                        return;
                    };
                    // With storage unavailable the entry lives in memory; the
                    // shell's permanent banner already says so.
                    let in_memory = matches!(result, Err(SaveError::Unavailable(_)));
                    save_failed.try_set(result.clone().err().filter(|_| !in_memory));
                    if result.is_ok() || in_memory {
                        saved_seq.try_set(Some(seq));
                        if mode == FormMode::New {
                            last_saved_at.try_update_value(|at| *at = Some(now));
                            draft.try_set(new_draft(state));
                            debt_auto.try_set(true);
                            full.try_set(start_full);
                        }
                        if let Some(cb) = on_saved {
                            cb.try_run(seq);
                        }
                    }
                });
            }
        }
    };

    let set = move |f: fn(&mut ContactDraft, String)| {
        move |ev: leptos::ev::Event| draft.update(|d| f(d, event_target_value(&ev)))
    };

    view! {
        <form class="contact-form" on:submit=submit novalidate data-testid="contact-form">
            <fieldset class="bare">
                <legend class="field-label">{move || state.t(Key::FieldChannel)}</legend>
                <div class="chips" role="radiogroup">
                    {Channel::ALL.into_iter().map(|c| view! {
                        <label class="chip" data-testid=format!("channel-{}", code(&c))>
                            <input autocomplete="off" type="radio" name="channel" prop:checked=move || draft.with(|d| d.channel == c)
                                on:change=move |_| draft.update(|d| d.channel = c) />
                            {move || labels::channel(c).get(state.lang.get())}
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>
            <Show when=move || draft.with(|d| d.channel == Channel::Call)>
                <fieldset class="bare">
                    <legend class="field-label">{move || state.t(Key::FieldOutcome)}</legend>
                    <div class="chips">
                        {Outcome::ALL.into_iter().map(|o| view! {
                            <label class="chip" data-testid=format!("outcome-{}", code(&o))>
                                <input autocomplete="off" type="radio" name="outcome" prop:checked=move || draft.with(|d| d.outcome == o)
                                    on:change=move |_| draft.update(|d| d.outcome = o) />
                                {move || labels::outcome(o).get(state.lang.get())}
                            </label>
                        }).collect_view()}
                    </div>
                </fieldset>
            </Show>
            <div class="grid2 tight">
                <Input label=Key::FieldDate kind="date" testid="contact-date" value=Signal::derive(move || draft.with(|d| d.date.clone()))
                    on_input=set(|d, v| d.date = v) error=err(Field::Date) />
                <Input label=Key::FieldTime kind="time" testid="contact-time" value=Signal::derive(move || draft.with(|d| d.time.clone()))
                    on_input=set(|d, v| d.time = v) error=err(Field::Time) />
            </div>
            <div class="contents" on:focusin=move |_| number_focused.set(true) on:focusout=move |_| number_focused.set(false)>
                <Input label=Key::FieldFromNumber kind="tel" testid="contact-number" value=Signal::derive(move || draft.with(|d| d.from_number.clone()))
                    on_input=move |ev| {
                        let v = event_target_value(&ev);
                        let auto = debt_auto.get_untracked();
                        let suggestion = if auto { state.case.with_untracked(|c| numberbook::suggest_debt(c, &v)) } else { None };
                        draft.update(|d| {
                            d.from_number = v;
                            if let Some(id) = suggestion { d.debt_id = id; }
                        });
                    } error=err(Field::FromNumber) list="known-numbers" />
                <datalist id="known-numbers">
                    {move || number_focused.get().then(|| {
                        known.get().into_iter().take(30).map(|(n, _)| view! { <option value=n></option> }).collect_view()
                    })}
                </datalist>
            </div>
            <Show when=move || !debts.get().is_empty()>
                <label class="field">
                    <span class="field-label">{move || state.t(Key::FieldDebt)}</span>
                    <select autocomplete="off" data-testid="contact-debt" on:change=move |ev| {
                        debt_auto.set(false);
                        let v = event_target_value(&ev);
                        draft.update(|d| d.debt_id = v);
                    }>
                        <option value="" prop:selected=move || draft.with(|d| d.debt_id.is_empty())>{move || state.t(Key::UnknownCreditor)}</option>
                        {move || debts.get().into_iter().map(|(id, lender)| {
                            let id2 = id.clone();
                            view! { <option value=id prop:selected=move || draft.with(|d| d.debt_id == id2)>{lender}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </Show>
            <label class="field">
                <span class="field-label">{move || state.t(Key::FieldTarget)}</span>
                <select autocomplete="off" data-testid="contact-target" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(t) = Target::ALL.into_iter().find(|t| code(t) == v) { draft.update(|d| d.target = t) }
                }>
                    {Target::ALL.into_iter().map(|t| view! {
                        <option value=code(&t) selected=move || draft.with(|d| d.target == t)>{move || labels::target(t).get(state.lang.get())}</option>
                    }).collect_view()}
                </select>
            </label>
            <Show when=move || !full.get() && draft.with(|d| d.target.is_third_party())>
                <ReachableSelect draft=draft />
            </Show>
            <fieldset class="bare">
                <legend class="field-label">{move || state.t(Key::FieldWhatHappened)}</legend>
                <TickChips draft=draft ticks=move || if full.get() { Tick::ALL.to_vec() } else { Tick::QUICK.to_vec() } />
            </fieldset>

            <Show when=move || full.get()>
                <FullFields draft=draft errors=errors />
                <fieldset class="bare">
                    <legend class="field-label">{move || state.t(Key::FieldAttachments)}</legend>
                    <p class="hint">{move || state.t(Key::AttachmentsHelp)}</p>
                    <input autocomplete="off" type="file" multiple data-testid="contact-file" aria-label=move || state.t(Key::FieldAttachments) on:change=move |ev| {
                        let picked = files::picked_files(&ev);
                        file_error.set(false);
                        leptos::task::spawn_local(async move {
                            for f in picked {
                                match files::fingerprint(f, hashing).await {
                                    Ok(proof) => draft.update(|d| if !d.attachments.iter().any(|a| a.sha256 == proof.sha256) { d.attachments.push(proof) }),
                                    Err(_) => { hashing.set(None); file_error.set(true); }
                                }
                            }
                        });
                    } />
                    {move || hashing.get().map(|p| view! {
                        <progress max="1" value=p data-testid="hash-progress"></progress>
                    })}
                    <Show when=move || file_error.get()>
                        <span class="error" role="alert">{move || state.t(Key::ErrFileUnreadable)}</span>
                    </Show>
                    <ul class="plain proofs">
                        {move || draft.get().attachments.into_iter().map(|a| {
                            let sha = a.sha256.clone();
                            view! {
                                <li data-testid="contact-attachment">
                                    <strong>{a.name.clone()}</strong>" · "{files::human_size(a.size)}
                                    <br /><code class="digest">{a.sha256.clone()}</code>
                                    <button type="button" class="subtle" on:click=move |_| draft.update(|d| d.attachments.retain(|x| x.sha256 != sha))>
                                        {move || state.t(Key::Remove)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </fieldset>
            </Show>

            <div class="form-actions">
                <button type="submit" class="primary big" data-testid="contact-save">{move || state.t(Key::Save)}</button>
                <Show when=move || !full.get()>
                    <button type="button" class="subtle" data-testid="contact-more" on:click=move |_| full.set(true)>
                        {move || state.t(Key::MoreDetails)}
                    </button>
                </Show>
            </div>
            <Show when=move || !errors.get().0.is_empty()>
                <p class="error" role="alert" data-testid="contact-form-errors">{move || state.t(Key::FixFieldsAbove)}</p>
            </Show>
            <SaveFailed error=save_failed testid="contact-save-failed" />
            <Show when=move || call_twice.get()>
                <p class="error" role="alert" data-testid="contact-call-saved-before">
                    {move || state.t(Key::CallSavedBefore)}" "
                    <a href=Page::Contacts.href()>{move || state.t(Key::NavContacts)}</a>
                </p>
            </Show>
            <Show when=move || no_number.get()>
                <p class="error" role="alert" data-testid="contact-no-number">{move || fill(state.t(Key::NoFreeNumber), &[&MAX_SEQ.to_string()])}</p>
            </Show>
            {move || saved_seq.get().filter(|_| mode == FormMode::New).map(|seq| view! {
                <p class="ok-box" role="status" data-testid="contact-saved">
                    {move || fill(state.t(Key::SavedAsNumber), &[&seq.to_string()])}" "
                    <a href=Page::Contact(seq).href()>{move || state.t(Key::View)}</a>
                    {move || warnings.get().into_iter().map(|w| view! { <span class="warning">" · "{warning_text(state.lang.get(), w)}</span> }).collect_view()}
                </p>
            })}
        </form>
    }
}

/// Which contacts an edit rehashed (their stored hash must be rewritten).
pub(crate) fn changed_hashes(
    case: &crate::domain::model::Case,
    before: &[(u32, String)],
) -> Vec<Changed> {
    case.contacts
        .iter()
        .filter(|c| {
            before
                .iter()
                .find(|(s, _)| *s == c.seq)
                .is_none_or(|(_, h)| *h != c.hash)
        })
        .map(|c| Changed::Contact(c.seq))
        .collect()
}

#[component]
fn TickChips(
    draft: RwSignal<ContactDraft>,
    ticks: impl Fn() -> Vec<Tick> + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_app();
    view! {
        <div class="chips">
            {move || ticks().into_iter().map(|t| view! {
                <label class="chip" data-testid=format!("tick-{}", code(&t))>
                    <input autocomplete="off" type="checkbox" prop:checked=move || draft.with(|d| d.ticks.contains(&t))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            draft.update(|d| { if on { d.ticks.insert(t); } else { d.ticks.remove(&t); } });
                        } />
                    {move || labels::tick(t).get(state.lang.get())}
                </label>
            }).collect_view()}
        </div>
    }
}

#[component]
fn FullFields(draft: RwSignal<ContactDraft>, errors: RwSignal<FieldErrors>) -> impl IntoView {
    let state = use_app();
    let err = move |f: Field| {
        Signal::derive(move || {
            errors
                .get()
                .get(f)
                .map(|e| field_error_text(state.lang.get(), e))
        })
    };
    let set = move |f: fn(&mut ContactDraft, String)| {
        move |ev: leptos::ev::Event| draft.update(|d| f(d, event_target_value(&ev)))
    };
    let value = move |f: fn(&ContactDraft) -> String| Signal::derive(move || draft.with(f));
    view! {
        <div class="grid2 tight">
            <Input label=Key::FieldEndTime kind="time" testid="contact-end" value=value(|d| d.end_time.clone())
                on_input=set(|d, v| d.end_time = v) error=err(Field::EndTime) />
            <Input label=Key::FieldDuration kind="text" testid="contact-duration" value=value(|d| d.duration.clone())
                on_input=set(|d, v| d.duration = v) error=err(Field::Duration) />
        </div>
        <label class="field">
            <span class="field-label">{move || state.t(Key::FieldZone)}</span>
            <select autocomplete="off" data-testid="contact-zone" on:change=set(|d, v| d.zone = v)>
                {time::ZONES.into_iter().map(|z| view! { <option value=z selected=move || draft.with(|d| d.zone == z)>{move || time::zone_label(z, state.lang.get())}</option> }).collect_view()}
            </select>
            {move || err(Field::Zone).get().map(|e| view! { <span class="error">{e}</span> })}
        </label>
        <label class="field">
            <span class="field-label">{move || state.t(Key::FieldDirection)}</span>
            <select autocomplete="off" data-testid="contact-direction" on:change=move |ev| {
                let out = event_target_value(&ev) == "outgoing";
                draft.update(|d| d.direction = if out { Direction::Outgoing } else { Direction::Incoming });
            }>
                {[Direction::Incoming, Direction::Outgoing].into_iter().map(|x| view! {
                    <option value=code(&x) selected=move || draft.with(|d| d.direction == x)>{move || labels::direction(x).get(state.lang.get())}</option>
                }).collect_view()}
            </select>
        </label>
        <div class="grid2 tight">
            <Input label=Key::FieldCollectorName testid="contact-collector-name" value=value(|d| d.collector_name.clone())
                on_input=set(|d, v| d.collector_name = v) error=err(Field::CollectorName) />
            <Input label=Key::FieldCollectorId testid="contact-collector-id" value=value(|d| d.collector_id.clone())
                on_input=set(|d, v| d.collector_id = v) error=err(Field::CollectorId) />
        </div>
        <label class="field">
            <span class="field-label">{move || state.t(Key::FieldClaimedOrg)}</span>
            <select autocomplete="off" data-testid="contact-claimed-org" on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(o) = ClaimedOrg::ALL.into_iter().find(|o| code(o) == v) { draft.update(|d| d.claimed_org = o) }
            }>
                {ClaimedOrg::ALL.into_iter().map(|o| view! {
                    <option value=code(&o) selected=move || draft.with(|d| d.claimed_org == o)>{move || labels::claimed_org(o).get(state.lang.get())}</option>
                }).collect_view()}
            </select>
        </label>
        <Input label=Key::FieldAgency testid="contact-agency" value=value(|d| d.agency.clone())
            on_input=set(|d, v| d.agency = v) error=err(Field::Agency) />
        <div class="grid2 tight">
            <Input label=Key::FieldTargetName testid="contact-target-name" value=value(|d| d.target_name.clone())
                on_input=set(|d, v| d.target_name = v) error=err(Field::TargetName) />
            <Input label=Key::FieldNumberDialled kind="tel" testid="contact-number-dialled" value=value(|d| d.number_dialled.clone())
                on_input=set(|d, v| d.number_dialled = v) error=err(Field::NumberDialled) />
        </div>
        <ReachableSelect draft=draft />
        <Input label=Key::FieldVisitStaff kind="number" testid="contact-visit-staff" value=value(|d| d.visit_staff.clone())
            on_input=set(|d, v| d.visit_staff = v) error=err(Field::VisitStaff) />
        <Area label=Key::FieldNotes testid="contact-notes" value=value(|d| d.notes.clone()) on_input=set(|d, v| d.notes = v) error=err(Field::Notes) />
        <Area label=Key::FieldWitnesses testid="contact-witnesses" value=value(|d| d.witnesses.clone()) on_input=set(|d, v| d.witnesses = v) error=err(Field::Witnesses) />
        <Area label=Key::FieldImpact testid="contact-impact" value=value(|d| d.impact.clone()) on_input=set(|d, v| d.impact = v) error=err(Field::Impact) />
    }
}

/// "Could I be reached then?": the rules treat third-party contact differently
/// when the debtor was reachable.
#[component]
fn ReachableSelect(draft: RwSignal<ContactDraft>) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="field">
            <span class="field-label">{move || state.t(Key::FieldDebtorReachable)}</span>
            <select autocomplete="off" data-testid="contact-reachable" on:change=move |ev| {
                let v = event_target_value(&ev);
                draft.update(|d| d.debtor_reachable = match v.as_str() { "yes" => Some(true), "no" => Some(false), _ => None });
            }>
                <option value="" selected=move || draft.with(|d| d.debtor_reachable.is_none())>{move || state.t(Key::NotSaid)}</option>
                <option value="yes" selected=move || draft.with(|d| d.debtor_reachable == Some(true))>{move || state.t(Key::Yes)}</option>
                <option value="no" selected=move || draft.with(|d| d.debtor_reachable == Some(false))>{move || state.t(Key::No)}</option>
            </select>
        </label>
    }
}

#[component]
fn Input(
    label: Key,
    #[prop(default = "text")] kind: &'static str,
    testid: &'static str,
    value: Signal<String>,
    on_input: impl Fn(leptos::ev::Event) + 'static,
    error: Signal<Option<String>>,
    #[prop(optional)] list: Option<&'static str>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="field" class:invalid=move || error.get().is_some()>
            <span class="field-label">{move || state.t(label)}</span>
            <input autocomplete="off" type=kind data-testid=testid prop:value=move || value.get() on:input=on_input list=list
                aria-invalid=move || error.get().is_some().then_some("true") />
            {move || error.get().map(|e| view! { <span class="error" role="alert" data-testid=format!("{testid}-error")>{e}</span> })}
        </label>
    }
}

#[component]
fn Area(
    label: Key,
    testid: &'static str,
    value: Signal<String>,
    on_input: impl Fn(leptos::ev::Event) + 'static,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="field" class:invalid=move || error.get().is_some()>
            <span class="field-label">{move || state.t(label)}</span>
            <textarea autocomplete="off" data-testid=testid prop:value=move || value.get() on:input=on_input rows="3"></textarea>
            {move || error.get().map(|e| view! { <span class="error" role="alert" data-testid=format!("{testid}-error")>{e}</span> })}
        </label>
    }
}

#[component]
pub fn LogContactPage() -> impl IntoView {
    let state = use_app();
    // A draft kept across a lock holds the user's edits, so it comes first;
    // then one left by a closed tab or another page.
    let kept = state.take_kept_draft();
    let restored = kept.is_some();
    let left = (!restored)
        .then(|| state.draft::<ContactDraft>(DraftForm::QuickLog))
        .flatten()
        .filter(ContactDraft::has_input)
        // The review of a call whose entry another tab saved meanwhile.
        .filter(|d| !d.from_call.is_some_and(|t| state.call_done(t)));
    // Ended in the call companion: the call, as one entry to review (or the
    // review as the user left it). The call stays stored until this entry
    // is saved, so a closed tab loses nothing.
    let call = (!restored && browser::hash_query() == "call")
        .then(|| state.load_call())
        .flatten()
        .map(|c| match &left {
            Some(d) if d.from_call == Some(c.started_at) => d.clone(),
            _ => c.to_draft(state.lang.get_untracked()),
        });
    let from_call = call.is_some();
    let left = left.filter(|_| !from_call);
    // The notes speak of the draft on screen: gone once it is saved.
    let offered = RwSignal::new(left.is_some());
    let restored = RwSignal::new(restored);
    let reviewing = RwSignal::new(from_call);
    let draft = kept.or(call).or(left).unwrap_or_else(|| new_draft(state));
    let on_saved = Callback::new(move |_: u32| {
        offered.set(false);
        restored.set(false);
        reviewing.set(false);
    });
    view! {
        <h1 data-testid="page-title">{move || state.t(Key::NavLogContact)}</h1>
        <p class="muted">{move || state.t(Key::QuickLogHelp)}</p>
        <Show when=move || restored.get()>
            <p class="warning" role="status" data-testid="draft-restored">{move || state.t(Key::DraftRestored)}</p>
        </Show>
        <Show when=move || offered.get()>
            <p class="warning" role="status" data-testid="draft-offered">{move || state.t(Key::DraftOffered)}</p>
        </Show>
        <Show when=move || reviewing.get()>
            <p class="warning" role="status" data-testid="call-review">{move || state.t(Key::CallReviewNote)}</p>
        </Show>
        <ContactForm mode=FormMode::New initial=draft start_full=from_call on_saved=on_saved keep=true />
    }
}

/// The lender a contact is tied to, or "don't know which lender".
pub(super) fn lender_label(state: AppState, lang: Lang, debt_id: Option<&str>) -> String {
    state
        .case
        .with_untracked(|c| debt_id.and_then(|id| c.debt(id)).map(|d| d.lender.clone()))
        .unwrap_or_else(|| crate::i18n::t(lang, Key::UnknownCreditor).to_string())
}

#[component]
pub fn ContactDetailPage(seq: u32) -> impl IntoView {
    let state = use_app();
    let contact = Memo::new(move |_| state.case.with(|c| c.contact(seq).cloned()));
    // The text being edited, taken once when "edit" is tapped. The form lives
    // outside the view of the stored entry: another tab's change to this entry
    // re-renders that view, never the form (which would replace what is typed).
    let editing = RwSignal::new(None::<ContactDraft>);
    // Made here, not in the view below: a save can end after the view re-rendered.
    let edited = Callback::new(move |_: u32| editing.set(None));
    let zone = move || time::zone(&state.case.with(|c| c.settings.time_zone.clone()));
    let remove = move |_| {
        let _ = state.apply(|case| {
            let before = hashes(case);
            if contacts::delete_contact(case, seq, browser::now()).is_err() {
                return vec![];
            }
            changed_hashes(case, &before)
        });
    };
    let restore = move |_| {
        let _ = state.apply(|case| {
            let before = hashes(case);
            if contacts::restore_contact(case, seq).is_err() {
                return vec![];
            }
            changed_hashes(case, &before)
        });
    };
    let start_edit = move |_| {
        if let Some(c) = contact.get_untracked() {
            editing.set(Some(contacts::draft_from(&c.data, zone())));
        }
    };
    let form = move || {
        editing.with(Option::is_some).then(|| {
            let initial = editing.get_untracked().unwrap_or_default();
            view! {
                <ContactForm mode=FormMode::Edit(seq) initial start_full=true on_saved=edited />
                <button type="button" class="subtle" on:click=move |_| editing.set(None)>{move || state.t(Key::Cancel)}</button>
            }
        })
    };
    view! {
        <p><a href=Page::Contacts.href() data-testid="back-to-list">"← "{move || state.t(Key::NavContacts)}</a></p>
        {move || contact.get().map(|c| view! {
            <h1 data-testid="page-title">{move || state.t(Key::ContactTitle)}" #"{c.seq}</h1>
            <p class="muted" data-testid="contact-created">{move || state.t(Key::CreatedAt)}": "{local_stamp(c.created_at, zone())}
                " · "{move || labels_source(state.lang.get(), c.source)}</p>
            {(!c.is_active()).then(|| view! { <p class="banner warn" data-testid="contact-in-bin">{move || state.t(Key::InBinNote)}</p> })}
        })}
        {form}
        {move || match contact.get() {
            None => view! { <p data-testid="contact-missing">{move || state.t(Key::ContactNotFound)}</p> }.into_any(),
            Some(c) => {
                let active = c.is_active();
                let z = zone();
                view! {
                    <Show when=move || editing.with(Option::is_none)>
                        <ContactView data=c.data.clone() zone=z />
                        <div class="row">
                            {active.then(|| view! {
                                <button type="button" data-testid="contact-edit" on:click=start_edit>{move || state.t(Key::Edit)}</button>
                                <button type="button" class="danger" data-testid="contact-delete" on:click=remove>{move || state.t(Key::MoveToBin)}</button>
                            })}
                            {(!active).then(|| view! {
                                <button type="button" class="primary" data-testid="contact-restore" on:click=restore>{move || state.t(Key::Restore)}</button>
                            })}
                        </div>
                    </Show>
                    <section class="panel">
                        <h2>{move || state.t(Key::History)}</h2>
                        {if c.history.is_empty() {
                            view! { <p class="muted" data-testid="history-empty">{move || state.t(Key::NoEdits)}</p> }.into_any()
                        } else {
                            view! {
                                <ol class="history" data-testid="history">
                                    {c.history.iter().rev().map(|v| view! {
                                        <li data-testid="history-version">
                                            <p class="muted">{move || state.t(Key::ReplacedAt)}": "{local_stamp(v.replaced_at, z)}</p>
                                            <ContactView data=v.data.clone() zone=z />
                                        </li>
                                    }).collect_view()}
                                </ol>
                            }.into_any()
                        }}
                        <p class="muted small">{move || state.t(Key::EntryHash)}": "<code class="digest">{c.hash.clone()}</code></p>
                    </section>
                }.into_any()
            }
        }}
    }
}

/// Every entry's number and hash, to find what an edit rehashed.
fn hashes(case: &crate::domain::model::Case) -> Vec<(u32, String)> {
    case.contacts
        .iter()
        .map(|c| (c.seq, c.hash.clone()))
        .collect()
}

/// An instant as wall-clock time in the user's zone, with its offset.
fn local_stamp(at: chrono::DateTime<chrono::Utc>, zone: chrono_tz::Tz) -> String {
    time::utc_to_zone(at, zone)
        .format("%Y-%m-%d %H:%M:%S (UTC%:z)")
        .to_string()
}

fn labels_source(lang: Lang, s: Source) -> &'static str {
    crate::i18n::t(
        lang,
        match s {
            Source::Manual => Key::SourceManual,
            Source::Imported => Key::SourceImported,
        },
    )
}

#[component]
fn ContactView(data: crate::domain::model::ContactData, zone: chrono_tz::Tz) -> impl IntoView {
    let state = use_app();
    let lang = move || state.lang.get();
    let d = data;
    let when = format!(
        "{} ({})",
        time::local(&d.at, zone).format("%Y-%m-%d %H:%M:%S"),
        d.at.format("%:z")
    );
    let rows: Vec<(Key, String)> = {
        let l = state.lang.get_untracked();
        let mut r = vec![
            (Key::FieldTime, when),
            (
                Key::FieldChannel,
                labels::channel(d.channel).get(l).to_string(),
            ),
        ];
        if let Some(o) = d.outcome.filter(|_| d.channel == Channel::Call) {
            r.push((Key::FieldOutcome, labels::outcome(o).get(l).to_string()));
        }
        r.push((
            Key::FieldDirection,
            labels::direction(d.direction).get(l).to_string(),
        ));
        r.push((
            Key::FieldFromNumber,
            if d.from_number.is_empty() {
                crate::i18n::t(l, Key::UnknownNumber).into()
            } else {
                d.from_number.clone()
            },
        ));
        r.push((Key::FieldDebt, lender_label(state, l, d.debt_id.as_deref())));
        if let Some(s) = d.duration_secs {
            let text = fill(
                crate::i18n::t(l, Key::DurationMinSec),
                &[&(s / 60).to_string(), &(s % 60).to_string()],
            );
            r.push((Key::FieldDuration, text));
        }
        for (k, v) in [
            (Key::FieldCollectorName, &d.collector_name),
            (Key::FieldCollectorId, &d.collector_id),
            (Key::FieldAgency, &d.agency),
            (Key::FieldTargetName, &d.target_name),
            (Key::FieldNumberDialled, &d.number_dialled),
            (Key::FieldNotes, &d.notes),
            (Key::FieldWitnesses, &d.witnesses),
            (Key::FieldImpact, &d.impact),
        ] {
            if !v.is_empty() {
                r.push((k, v.clone()));
            }
        }
        r.push((
            Key::FieldClaimedOrg,
            labels::claimed_org(d.claimed_org).get(l).to_string(),
        ));
        r.push((
            Key::FieldTarget,
            labels::target(d.target).get(l).to_string(),
        ));
        r
    };
    view! {
        <dl class="facts" data-testid="contact-view">
            {rows.into_iter().map(|(k, v)| view! { <dt>{move || state.t(k)}</dt><dd class="pre">{v}</dd> }).collect_view()}
            {(!d.ticks.is_empty()).then(|| view! {
                <dt>{move || state.t(Key::FieldWhatHappened)}</dt>
                <dd>{d.ticks.iter().map(|t| { let t = *t; view! { <span class="badge">{move || labels::tick(t).get(lang())}</span>" " } }).collect_view()}</dd>
            })}
            {(!d.attachments.is_empty()).then(|| view! {
                <dt>{move || state.t(Key::FieldAttachments)}</dt>
                <dd>{d.attachments.iter().map(|a| view! { <div>{a.name.clone()}" · "{files::human_size(a.size)}<br /><code class="digest">{a.sha256.clone()}</code></div> }).collect_view()}</dd>
            })}
        </dl>
    }
}
