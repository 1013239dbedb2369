//! Code that loads on demand. Release builds (feature `split`, built by
//! `scripts/build-wasm.mjs`) put each [`lazy_view!`] body in a wasm chunk of
//! its own, fetched the first time it is shown; the first visit downloads only
//! the shell and the home page. Other builds (tests, `trunk serve`) compile the
//! same bodies into the one module.

use leptos::prelude::*;

use super::browser;
use super::state::AppState;
use crate::i18n::Key;

/// A chunk could not be fetched (offline before the app was ever cached, or a
/// deployment replaced the files mid-session).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkLoadFailed;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for ChunkLoadFailed {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkLoadFailed
    }
}

/// The pages' own styles, which the home page never needs: they travel with
/// the page chunks and go in as one `<style>` (its hash is in the CSP:
/// scripts/page-css.mjs reads this list). print.css comes again last, so it
/// still follows the page styles, as the stylesheet links had it.
const PAGE_CSS: &str = concat!(
    include_str!("../../style/agreement.css"),
    include_str!("../../style/rules.css"),
    include_str!("../../style/evidence.css"),
    include_str!("../../style/call.css"),
    include_str!("../../style/print.css"),
);

/// Called by every page chunk before its page is built; adds the styles once.
pub fn add_page_styles() {
    const ID: &str = "page-styles";
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(ID).is_some() {
        return;
    }
    let Ok(style) = document.create_element("style") else {
        return;
    };
    style.set_id(ID);
    style.set_text_content(Some(PAGE_CSS));
    if let Some(head) = document.head() {
        let _ = head.append_child(&style);
    }
}

/// `lazy_view!(name(args) => body)` defines `async fn name(args) ->
/// Result<AnyView, ChunkLoadFailed>`. With feature `split` its body is a split
/// point (the wasm-split tool moves it, and all code only it reaches, into a
/// chunk); without, it is a plain async function.
macro_rules! lazy_view {
    ($name:ident($($arg:ident: $ty:ty),*) => $body:expr) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name($($arg: $ty),*) -> Result<AnyView, $crate::ui::lazy::ChunkLoadFailed> {
            $crate::ui::lazy::add_page_styles();
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        async fn $name($($arg: $ty),*) -> Result<AnyView, $crate::ui::lazy::ChunkLoadFailed> {
            $crate::ui::lazy::add_page_styles();
            Ok($body)
        }
    };
}
pub(crate) use lazy_view;

/// Shows `load()`'s view once its chunk is in, `pending` until then. If the
/// chunk cannot be fetched: `failed` (a message) and a retry button.
pub fn show<F, Fut>(
    state: AppState,
    load: F,
    pending: impl Fn() -> AnyView + Send + 'static,
    failed: Key,
) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, ChunkLoadFailed>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=pending>
            {move || {
                attempt.track();
                let view = send_wrapper::SendWrapper::new(load());
                Suspend::new(async move {
                    match view.await {
                        Ok(view) => view,
                        Err(ChunkLoadFailed) => view! {
                            <div class="banner warn" role="alert" data-testid="chunk-failed">
                                <p>{move || state.t(failed)}</p>
                                <button type="button" data-testid="chunk-retry"
                                    on:click=move |_| retry(state, attempt)>
                                    {move || state.t(Key::TryAgain)}
                                </button>
                            </div>
                        }
                        .into_any(),
                    }
                })
            }}
        </Suspense>
    }
    .into_any()
}

/// A reload, which also helps when the chunk is gone because the site was
/// updated since this tab opened; half-typed forms keep their drafts, as on lock.
/// With a failed write still waiting (a reload would lose it), fetch again in place.
fn retry(state: AppState, attempt: RwSignal<u32>) {
    if state.pending_writes() == 0 && state.keep_open_draft().is_ok() {
        browser::reload();
    } else {
        attempt.update(|n| *n += 1);
    }
}

/// What a page shows while its chunk is on the way.
pub fn opening_note(state: AppState) -> AnyView {
    view! { <p class="muted" role="status" data-testid="page-opening">{move || state.t(Key::OpeningPage)}</p> }
        .into_any()
}
