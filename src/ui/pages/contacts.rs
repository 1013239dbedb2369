use leptos::prelude::*;

use crate::i18n::Key;
use crate::ui::state::use_app;

#[component]
pub fn ContactsPage() -> impl IntoView {
    let state = use_app();
    view! { <h1 data-testid="page-title">{move || state.t(Key::NavContacts)}</h1> }
}

#[component]
pub fn LogContactPage() -> impl IntoView {
    let state = use_app();
    view! { <h1 data-testid="page-title">{move || state.t(Key::NavLogContact)}</h1> }
}

#[component]
pub fn ContactDetailPage(seq: u32) -> impl IntoView {
    let state = use_app();
    view! { <h1 data-testid="page-title">{move || state.t(Key::NavContacts)}" #"{seq}</h1> }
}
