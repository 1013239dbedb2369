//! Code that loads on demand. Release builds (feature `split`, built by
//! `scripts/build-wasm.mjs`) put each [`lazy_view!`] body in a wasm chunk of
//! its own, fetched the first time it is shown; the first visit downloads only
//! the shell and the home page. Other builds (tests, `trunk serve`) compile the
//! same bodies into the one module.

use leptos::prelude::*;

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

/// `lazy_view!(name(args) => body)` defines `async fn name(args) ->
/// Result<AnyView, ChunkLoadFailed>`. With feature `split` its body is a split
/// point (the wasm-split tool moves it, and all code only it reaches, into a
/// chunk); without, it is a plain async function.
macro_rules! lazy_view {
    ($name:ident($($arg:ident: $ty:ty),*) => $body:expr) => {
        #[cfg(feature = "split")]
        #[leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name($($arg: $ty),*) -> Result<AnyView, $crate::ui::lazy::ChunkLoadFailed> {
            Ok($body)
        }
        #[cfg(not(feature = "split"))]
        async fn $name($($arg: $ty),*) -> Result<AnyView, $crate::ui::lazy::ChunkLoadFailed> {
            Ok($body)
        }
    };
}
pub(crate) use lazy_view;

/// Shows `load()`'s view once its chunk is in; `fallback` until then; a
/// message with a retry button if the chunk could not be fetched.
pub fn show<F, Fut>(
    state: AppState,
    load: F,
    fallback: impl Fn() -> AnyView + Send + 'static,
) -> AnyView
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<AnyView, ChunkLoadFailed>> + 'static,
{
    let attempt = RwSignal::new(0u32);
    view! {
        <Suspense fallback=fallback>
            {move || {
                attempt.track();
                let view = send_wrapper::SendWrapper::new(load());
                Suspend::new(async move {
                    match view.await {
                        Ok(view) => view,
                        Err(ChunkLoadFailed) => view! {
                            <div class="banner warn" role="alert" data-testid="chunk-failed">
                                <p>{move || state.t(Key::ChunkLoadFailed)}</p>
                                <button type="button" data-testid="chunk-retry"
                                    on:click=move |_| attempt.update(|n| *n += 1)>
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
