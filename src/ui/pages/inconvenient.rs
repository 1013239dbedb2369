//! US rules: record a time window or place the user told a collector is
//! inconvenient (US-INCONVENIENT reads these events), and remove one.

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use leptos::prelude::*;

use crate::domain::model::{EventKind, Place};
use crate::domain::rules::{inconvenient_event, Said};
use crate::domain::time;
use crate::i18n::rules::RulesKey as R;
use crate::i18n::{fill, t, Lang};
use crate::ui::browser;
use crate::ui::state::{use_app, Changed};

fn minutes(s: &str) -> Option<u16> {
    let t = NaiveTime::parse_from_str(s, "%H:%M").ok()?;
    u16::try_from(t.hour() * 60 + t.minute()).ok()
}

#[component]
pub fn InconvenientPanel() -> impl IntoView {
    let state = use_app();
    let tz = move || state.case.with(|c| time::zone(&c.settings.time_zone));
    let today = time::utc_to_zone(browser::now(), tz()).date_naive();
    let said_on = RwSignal::new(today.format("%Y-%m-%d").to_string());
    let what = RwSignal::new("hours".to_string());
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    let debt = RwSignal::new(String::new());
    let error = RwSignal::new(None::<R>);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let said = match what.get_untracked().as_str() {
            "home" => Some(Said::Place(Place::Home)),
            "work" => Some(Said::Place(Place::Work)),
            _ => minutes(&from.get_untracked())
                .zip(minutes(&to.get_untracked()))
                .map(|(f, t)| Said::Hours(f, t)),
        };
        // Only years a backup may hold, so the event can be exported and read back.
        let day = NaiveDate::parse_from_str(&said_on.get_untracked(), "%Y-%m-%d")
            .ok()
            .filter(|d| time::YEARS.contains(&d.year()));
        let (Some(said), Some(day)) = (said, day) else {
            error.set(Some(R::InconvenientIncomplete));
            return;
        };
        let id = format!("i{}", browser::now().timestamp_millis());
        let debt_id = Some(debt.get_untracked()).filter(|d| !d.is_empty());
        let Some(event) = inconvenient_event(id, day, tz(), said, debt_id) else {
            error.set(Some(R::InconvenientEmptyWindow));
            return;
        };
        let saved = state.apply(|case| {
            case.events.push(event);
            vec![Changed::Events]
        });
        // Fail closed: say so when the record was not written.
        error.set(saved.err().map(|_| R::InconvenientNotSaved));
    };

    let remove = move |id: String| {
        let saved = state.apply(|case| {
            case.events.retain(|e| e.id != id);
            vec![Changed::Events]
        });
        error.set(saved.err().map(|_| R::InconvenientNotSaved));
    };

    let recorded = move || {
        let lang = state.lang.get();
        state.case.with(|c| {
            let zone = time::zone(&c.settings.time_zone);
            c.events
                .iter()
                .filter(|e| e.kind == EventKind::Inconvenient)
                .filter_map(|e| {
                    let said = e
                        .place
                        .map(Said::Place)
                        .or(e.daily_window.map(|(f, t)| Said::Hours(f, t)))?;
                    let who = e.debt_id.as_deref().and_then(|d| c.debt(d)).map_or_else(
                        || t(lang, R::InconvenientEveryone).to_string(),
                        |d| d.lender.clone(),
                    );
                    let day = time::local_date(&e.at, zone).format("%Y-%m-%d").to_string();
                    let text = fill(
                        t(lang, R::InconvenientItem),
                        &[&day, &said.describe(lang), &who],
                    );
                    Some((e.id.clone(), text))
                })
                .collect::<Vec<_>>()
        })
    };

    view! {
        <section class="panel inconvenient" data-testid="inconvenient-panel">
            <h2>{move || state.t(R::InconvenientTitle)}</h2>
            <p class="muted small">{move || state.t(R::InconvenientHelp)}</p>
            <form on:submit=submit class="stack">
                <div class="grid2">
                    <label>{move || state.t(R::InconvenientDate)}
                        <input autocomplete="off" type="date" required data-testid="inconvenient-date"
                            prop:value=move || said_on.get()
                            on:input=move |e| said_on.set(event_target_value(&e)) />
                    </label>
                    <label>{move || state.t(R::InconvenientWho)}
                        <select autocomplete="off" data-testid="inconvenient-debt" on:change=move |e| debt.set(event_target_value(&e))>
                            <option value="">{move || state.t(R::InconvenientEveryone)}</option>
                            {move || state.case.with(|c| c.debts.iter().map(|d| {
                                let (id, lender) = (d.id.clone(), d.lender.clone());
                                view! { <option value=id>{lender}</option> }
                            }).collect_view())}
                        </select>
                    </label>
                    <label>{move || state.t(R::InconvenientWhat)}
                        <select autocomplete="off" data-testid="inconvenient-kind" on:change=move |e| what.set(event_target_value(&e))>
                            <option value="hours">{move || state.t(R::InconvenientHours)}</option>
                            <option value="home">{move || state.t(R::InconvenientHome)}</option>
                            <option value="work">{move || state.t(R::InconvenientWork)}</option>
                        </select>
                    </label>
                </div>
                <Show when=move || what.get() == "hours">
                    <div class="grid2">
                        <label>{move || state.t(R::InconvenientFrom)}
                            <input autocomplete="off" type="time" data-testid="inconvenient-from"
                                prop:value=move || from.get()
                                on:input=move |e| from.set(event_target_value(&e)) />
                        </label>
                        <label>{move || state.t(R::InconvenientTo)}
                            <input autocomplete="off" type="time" data-testid="inconvenient-to"
                                prop:value=move || to.get()
                                on:input=move |e| to.set(event_target_value(&e)) />
                        </label>
                    </div>
                </Show>
                {move || error.get().map(|k| view! {
                    <p class="error" role="alert" data-testid="inconvenient-error">{state.t(k)}</p>
                })}
                <p><button type="submit" class="primary" data-testid="inconvenient-save">
                    {move || state.t(R::InconvenientSave)}
                </button></p>
            </form>
            <ul class="plain" data-testid="inconvenient-list">
                {move || {
                    let lang: Lang = state.lang.get();
                    recorded().into_iter().map(|(id, text)| view! {
                        <li data-testid="inconvenient-item">
                            {text}" "
                            <button type="button" class="subtle" data-testid="inconvenient-delete"
                                on:click=move |_| remove(id.clone())>{t(lang, R::InconvenientDelete)}</button>
                        </li>
                    }).collect_view()
                }}
            </ul>
        </section>
    }
}
