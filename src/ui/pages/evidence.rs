use leptos::prelude::*;

use crate::i18n::Key;
use crate::ui::state::use_app;

#[component]
pub fn EvidencePage() -> impl IntoView {
    let state = use_app();
    view! {
        <h1 data-testid="page-title">{move || state.t(Key::NavEvidence)}</h1>
    }
}
