//! Small reusable pieces: labelled fields with their error beside them.

use leptos::prelude::*;

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
            <input type=kind prop:value=move || value.get() data-testid=testid list=list
                on:input=move |e| value.set(event_target_value(&e))
                aria-invalid=move || error.get().is_some().then_some("true") />
            {move || hint.get().map(|h| view! { <span class="hint">{h}</span> })}
            {move || error.get().map(|e| view! { <span class="error" role="alert">{e}</span> })}
        </label>
    }
}
