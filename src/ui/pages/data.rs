//! Data and settings: the debtor's details, zone and rules, storage health,
//! quarantined values, backup.

use leptos::prelude::*;

use crate::domain::model::Jurisdiction;
use crate::domain::time::ZONES;
use crate::i18n::Key;
use crate::ui::browser;
use crate::ui::state::{use_app, Changed};
use crate::ui::widgets::TextField;

#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_app();
    view! {
        <h1 data-testid="page-title">{move || state.t(Key::NavData)}</h1>
        <QuarantineSection />
        <ProfileSection />
        <SettingsSection />
        <StorageSection />
    }
}

#[component]
fn ProfileSection() -> impl IntoView {
    let state = use_app();
    let debtor = state.case.get_untracked().debtor;
    let name = RwSignal::new(debtor.name);
    let phone = RwSignal::new(debtor.phone);
    let id_number = RwSignal::new(debtor.id_number);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = state.apply(|c| {
            c.debtor.name = name.get_untracked().trim().to_string();
            c.debtor.phone = phone.get_untracked().trim().to_string();
            c.debtor.id_number = id_number.get_untracked().trim().to_string();
            vec![Changed::Debtor]
        });
        saved.set(r.is_ok());
    };
    view! {
        <section class="panel">
            <h2>{move || state.t(Key::ProfileTitle)}</h2>
            <p class="muted">{move || state.t(Key::ProfileHelp)}</p>
            <form on:submit=save>
                <TextField label=Signal::derive(move || state.t(Key::ProfileName)) value=name testid="profile-name" />
                <TextField label=Signal::derive(move || state.t(Key::ProfilePhone)) value=phone testid="profile-phone" kind="tel" />
                <TextField label=Signal::derive(move || state.t(Key::ProfileIdNumber)) value=id_number testid="profile-id" />
                <button type="submit" class="primary" data-testid="profile-save">{move || state.t(Key::Save)}</button>
                <Show when=move || saved.get()>
                    <span class="ok" role="status" data-testid="profile-saved">{move || state.t(Key::Saved)}</span>
                </Show>
            </form>
        </section>
    }
}

#[component]
fn SettingsSection() -> impl IntoView {
    let state = use_app();
    let zone = move || state.case.with(|c| c.settings.time_zone.clone());
    let jurisdiction = move || state.case.with(|c| c.settings.jurisdiction);
    let device_zone = browser::device_zone().unwrap_or_default();
    view! {
        <section class="panel">
            <h2>{move || state.t(Key::SettingsTitle)}</h2>
            <label class="field">
                <span class="field-label">{move || state.t(Key::SettingsZone)}</span>
                <select data-testid="settings-zone" on:change=move |e| {
                    let z = event_target_value(&e);
                    let _ = state.apply(|c| { c.settings.time_zone = z; vec![Changed::Settings] });
                }>
                    {ZONES.into_iter().map(|z| view! { <option value=z selected=move || zone() == z>{z}</option> }).collect_view()}
                </select>
                <span class="hint">{move || state.t(Key::SettingsZoneHelp)}" "{device_zone.clone()}</span>
            </label>
            <label class="field">
                <span class="field-label">{move || state.t(Key::SettingsJurisdiction)}</span>
                <select data-testid="settings-jurisdiction" on:change=move |e| {
                    let v = event_target_value(&e);
                    if let Some(j) = Jurisdiction::ALL.into_iter().find(|j| jurisdiction_code(*j) == v) {
                        let _ = state.apply(|c| { c.settings.jurisdiction = j; vec![Changed::Settings] });
                    }
                }>
                    {Jurisdiction::ALL.into_iter().map(|j| view! {
                        <option value=jurisdiction_code(j) selected=move || jurisdiction() == j>
                            {move || state.t(jurisdiction_key(j))}
                        </option>
                    }).collect_view()}
                </select>
            </label>
        </section>
    }
}

pub fn jurisdiction_code(j: Jurisdiction) -> &'static str {
    match j {
        Jurisdiction::Cn => "cn",
        Jurisdiction::Us => "us",
        Jurisdiction::In => "in",
        Jurisdiction::Ph => "ph",
        Jurisdiction::Au => "au",
        Jurisdiction::Tw => "tw",
        Jurisdiction::Hk => "hk",
        Jurisdiction::Uk => "uk",
    }
}

pub fn jurisdiction_key(j: Jurisdiction) -> Key {
    match j {
        Jurisdiction::Cn => Key::JurCn,
        Jurisdiction::Us => Key::JurUs,
        Jurisdiction::In => Key::JurIn,
        Jurisdiction::Ph => Key::JurPh,
        Jurisdiction::Au => Key::JurAu,
        Jurisdiction::Tw => Key::JurTw,
        Jurisdiction::Hk => Key::JurHk,
        Jurisdiction::Uk => Key::JurUk,
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let state = use_app();
    let estimate = LocalResource::new(crate::storage::estimate);
    let used = move || {
        // Re-read when the case changes.
        state.case.track();
        format_bytes(state.used_bytes() as f64)
    };
    view! {
        <section class="panel">
            <h2>{move || state.t(Key::StorageTitle)}</h2>
            <p data-testid="storage-used">{move || state.t(Key::StorageUsed)}": "{used}</p>
            <p data-testid="storage-estimate">
                {move || state.t(Key::StorageQuota)}": "
                {move || match estimate.get() {
                    Some(Some((usage, quota))) => format!("{} / {}", format_bytes(usage), format_bytes(quota)),
                    Some(None) => state.t(Key::Unknown).to_string(),
                    None => "…".to_string(),
                }}
            </p>
            <p class="muted">{move || state.t(Key::StorageHelp)}</p>
        </section>
    }
}

#[component]
fn QuarantineSection() -> impl IntoView {
    let state = use_app();
    let items = Memo::new(move |_| {
        state.problems.track();
        state.quarantined()
    });
    view! {
        <Show when=move || !items.get().is_empty()>
            <section class="panel warn" data-testid="quarantine-section">
                <h2>{move || state.t(Key::BannerQuarantineTitle)}</h2>
                <p>{move || state.t(Key::QuarantineHelp)}</p>
                <ul class="plain">
                    {move || items.get().into_iter().map(|(key, raw)| {
                        let file = format!("{}.txt", key.replace(':', "_"));
                        let raw_for_download = raw.clone();
                        let key_for_discard = key.clone();
                        view! {
                            <li class="row">
                                <code>{key.clone()}</code>
                                <span class="muted">{format!(" ({} B) ", raw.len())}</span>
                                <button type="button" data-testid="quarantine-download"
                                    on:click=move |_| { let _ = browser::download(&file, "text/plain", &raw_for_download); }>
                                    {move || state.t(Key::DownloadRaw)}
                                </button>
                                <button type="button" class="subtle" data-testid="quarantine-discard"
                                    on:click=move |_| state.discard_quarantined(&key_for_discard)>
                                    {move || state.t(Key::DiscardQuarantined)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

fn format_bytes(n: f64) -> String {
    if n >= 1e9 {
        format!("{:.1} GB", n / 1e9)
    } else if n >= 1e6 {
        format!("{:.1} MB", n / 1e6)
    } else if n >= 1e3 {
        format!("{:.1} KB", n / 1e3)
    } else {
        format!("{n:.0} B")
    }
}
