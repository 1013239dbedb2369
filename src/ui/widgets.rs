//! Small reusable pieces: labelled fields with their error beside them.

use leptos::prelude::*;

use crate::domain::model::Jurisdiction;
use crate::domain::time;
use crate::i18n::{fill, t, Key, Lang};
use crate::storage::SaveError;
use crate::ui::state::{use_app, Changed};

/// A labelled text input bound to a signal, with an optional error message.
#[component]
pub fn TextField(
    #[prop(into)] label: Signal<&'static str>,
    value: RwSignal<String>,
    #[prop(into)] testid: String,
    #[prop(optional, into)] error: Signal<Option<String>>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional, into)] hint: Signal<Option<&'static str>>,
    #[prop(optional, into)] list: Option<String>,
) -> impl IntoView {
    view! {
        <label class="field" class:invalid=move || error.get().is_some()>
            <span class="field-label">{label}</span>
            <input autocomplete="off" type=kind prop:value=move || value.get() data-testid=testid list=list
                on:input=move |e| value.set(event_target_value(&e))
                aria-invalid=move || error.get().is_some().then_some("true") />
            {move || hint.get().map(|h| view! { <span class="hint">{h}</span> })}
            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
        </label>
    }
}

/// The rule set to check against, saved to settings at once.
#[component]
pub fn JurisdictionSelect(testid: &'static str) -> impl IntoView {
    let state = use_app();
    let current = move || state.case.with(|c| c.settings.jurisdiction);
    view! {
        <label class="field">
            <span class="field-label">{move || state.t(Key::SettingsJurisdiction)}</span>
            <select autocomplete="off" data-testid=testid on:change=move |e| {
                let v = event_target_value(&e);
                if let Some(j) = Jurisdiction::ALL.into_iter().find(|j| jurisdiction_code(*j) == v) {
                    let _ = state.apply(|c| { c.settings.jurisdiction = j; vec![Changed::Settings] });
                }
            }>
                {Jurisdiction::ALL.into_iter().map(|j| view! {
                    <option value=jurisdiction_code(j) selected=move || current() == j>
                        {move || state.t(jurisdiction_key(j))}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}

/// The user's time zone (rules judge local time in it), saved at once.
#[component]
pub fn ZoneSelect(testid: &'static str, #[prop(optional)] hint: Option<String>) -> impl IntoView {
    let state = use_app();
    let current = move || state.case.with(|c| c.settings.time_zone.clone());
    view! {
        <label class="field">
            <span class="field-label">{move || state.t(Key::SettingsZone)}</span>
            <select autocomplete="off" data-testid=testid on:change=move |e| {
                let z = event_target_value(&e);
                if time::is_known_zone(&z) {
                    let _ = state.apply(|c| { c.settings.time_zone = z; vec![Changed::Settings] });
                }
            }>
                {time::ZONES.into_iter().map(|z| view! { <option value=z selected=move || current() == z>{move || time::zone_label(z, state.lang.get())}</option> }).collect_view()}
            </select>
            {hint.map(|h| view! { <span class="hint">{h}</span> })}
        </label>
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

/// snake_case code of a serde enum value, for option values and test ids.
pub fn code<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// Why a form's save did not reach storage, in the user's words: a
/// protected record is named (it is not "storage full").
pub fn save_error_text(lang: Lang, e: &SaveError) -> String {
    match e {
        SaveError::Quota | SaveError::Unavailable(_) => t(lang, Key::SaveFailedDraftKept).into(),
        SaveError::Protected(name) => fill(
            t(lang, Key::SaveFailedProtected),
            &[&stored_record_name(lang, name)],
        ),
        SaveError::Encode(_) => t(lang, Key::SaveFailedEncode).into(),
        SaveError::NotSealed(_) => t(lang, Key::BannerNotSealed).into(),
    }
}

/// A form's "not saved" line, shown while `error` holds the reason.
#[component]
pub fn SaveFailed(error: RwSignal<Option<SaveError>>, testid: &'static str) -> impl IntoView {
    let state = use_app();
    move || {
        error.get().map(|e| {
            view! { <p class="error" role="alert" data-testid=testid>{save_error_text(state.lang.get(), &e)}</p> }
        })
    }
}

/// What a stored value holds, in the user's words (never its storage key):
/// "第 12 条联系记录", or "债务和号码簿（第 2 份副本）" for a quarantine copy.
pub fn stored_record_name(lang: Lang, name: &str) -> String {
    use crate::storage::keys::StoreKey;
    let (name, copy) = match StoreKey::parse(name) {
        Some(StoreKey::Quarantine(copy)) => {
            let (original, n) = crate::storage::keys::quarantined_from(&copy);
            (original.to_string(), (n > 1).then(|| n.to_string()))
        }
        _ => (name.to_string(), None),
    };
    let what = match StoreKey::parse(&name) {
        Some(StoreKey::Contact(seq)) => fill(t(lang, Key::StoredContact), &[&seq.to_string()]),
        Some(StoreKey::Debts) => t(lang, Key::StoredDebts).to_string(),
        Some(StoreKey::Agreements) => t(lang, Key::StoredAgreements).to_string(),
        Some(StoreKey::Events) => t(lang, Key::StoredEvents).to_string(),
        Some(StoreKey::Debtor) => t(lang, Key::StoredDebtor).to_string(),
        Some(StoreKey::Settings) => t(lang, Key::StoredSettings).to_string(),
        Some(StoreKey::Prefs) => t(lang, Key::StoredPrefs).to_string(),
        _ => t(lang, Key::StoredOther).to_string(),
    };
    match copy {
        Some(n) => what + &fill(t(lang, Key::StoredCopy), &[&n]),
        None => what,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 18: a save refused to keep a protected record safe once said
    /// "storage full or unavailable"; it names the record.
    #[test]
    fn a_refused_save_names_the_protected_record() {
        let e = SaveError::Protected("dek:debts".into());
        let zh = save_error_text(Lang::ZhCn, &e);
        assert!(zh.contains("“债务和号码簿”"), "{zh}");
        assert!(!zh.contains("存储已满") && !zh.contains("dek:"));
        let en = save_error_text(Lang::En, &SaveError::Protected("dek:c:7".into()));
        assert!(en.contains("contact entry #7"), "{en}");
        for lang in Lang::ALL {
            for e in [
                SaveError::Quota,
                SaveError::Unavailable("x".into()),
                SaveError::Encode("x".into()),
                SaveError::NotSealed("x".into()),
            ] {
                assert!(!save_error_text(lang, &e).contains('{'));
            }
        }
    }
}
