//! The shell: header, navigation, storage banners, hash router.

use leptos::ev;
use leptos::prelude::*;

use super::browser;
use super::lazy::{self, lazy_view};
use super::lock::{self, DamagedLock, LockGate};
use super::pages;
use super::route::Page;
use super::state::{use_app, AppState};
use crate::i18n::privacy::PrivacyKey;
use crate::i18n::{Key, Lang};
use crate::storage::{LockState, Problem, SaveError, Store, StoreKey};

#[component]
pub fn App() -> impl IntoView {
    install_quick_exit_keys();
    let mut store = Store::browser();
    match store.lock_state() {
        LockState::NoPasscode => Shell(ShellProps { store }).into_any(),
        LockState::Damaged(reason) => view! { <DamagedLock store reason /> }.into_any(),
        LockState::Locked(record) => {
            let slot = StoredValue::new_local(Some(store));
            let unlocked = RwSignal::new(false);
            provide_context(lock::WeakPasscode(RwSignal::new(false)));
            let lang = record.lang;
            (move || {
                if !unlocked.get() {
                    return view! { <LockGate store=slot lang=lang.clone() unlocked /> }.into_any();
                }
                browser::mark(lock::MARK_OPEN);
                let shell = slot
                    .try_update_value(Option::take)
                    .flatten()
                    .map(|store| Shell(ShellProps { store }).into_any());
                browser::measure(lock::MARK_OPEN, lock::MARK_OPEN);
                shell.unwrap_or_else(|| ().into_any())
            })
            .into_any()
        }
    }
}

/// Quick exit: Esc three times within two seconds, on every screen.
fn install_quick_exit_keys() {
    let esc_times = StoredValue::new(Vec::<f64>::new());
    let _ = window_event_listener(ev::keydown, move |e| {
        if e.key() != "Escape" {
            return;
        }
        let now = js_sys::Date::now();
        esc_times.update_value(|t| {
            t.retain(|x| now - x < 2000.0);
            t.push(now);
        });
        if esc_times.with_value(|t| t.len() >= 3) {
            browser::quick_exit();
        }
    });
}

/// Performance mark the benchmark reads: reading and decoding every stored
/// record, just after the first paint.
const MARK_LOAD: &str = "dek-load";

/// The app itself, once the records are open.
#[component]
fn Shell(store: Store) -> impl IntoView {
    let state = AppState::start(store, &browser::browser_languages());
    provide_context(state);
    // Two frames: the first screen is painted (and seen) before the records
    // are read, even when the browser runs other queued tasks in between.
    request_animation_frame(move || {
        request_animation_frame(move || {
            set_timeout(
                move || {
                    browser::mark(MARK_LOAD);
                    state.finish_loading();
                    browser::measure(MARK_LOAD, MARK_LOAD);
                },
                std::time::Duration::ZERO,
            )
        })
    });
    lock::install_auto_lock(state);

    let _ = window_event_listener(ev::click, |e| browser::replace_in_app_link(&e));
    let _ = window_event_listener(ev::pagehide, |_| browser::forget_form_values());
    let page = RwSignal::new(Page::from_hash(&location_hash_or_empty()));
    let _ = window_event_listener(ev::hashchange, move |_| {
        page.set(Page::from_hash(&location_hash_or_empty()));
        // New page, top of the screen (as a link would).
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    // Another tab saved something: fold it in; this tab's open forms keep their drafts.
    let _ = window_event_listener(ev::storage, move |e| {
        if let Some(key) = e.key() {
            if lock::is_lock_key(&key) {
                browser::reload();
                return;
            }
            if lock::is_lock_all_key(&key) {
                lock::lock_now(state);
                return;
            }
            // Another tab is restoring a backup or deleting everything: stop
            // folding its writes in, and start afresh once it is done.
            if key == StoreKey::Journal.name() {
                match e.new_value() {
                    Some(_) => state.suspend_sync(),
                    None => browser::reload(),
                }
                return;
            }
            state.external_change(&key);
        }
    });
    Effect::new(move |_| {
        let lang = state.lang.get();
        browser::set_document_lang(lang.tag());
        browser::set_title(crate::i18n::t(lang, Key::AppName));
    });
    leptos::task::spawn_local(async {
        let _ = crate::storage::request_persistence().await;
    });

    view! {
        <div class="shell">
            <Header page=page />
            <Banners />
            <main id="main" class="page" data-testid="page">
                {move || match page.get() {
                    Page::Home => pages::home::HomePage().into_any(),
                    // Every other page shows records: never an empty list before they are read.
                    _ if !state.loaded.get() => loading_note(state),
                    other => split_page(other, state),
                }}
                // Inside the main landmark, so assistive tech finds it with the page.
                <a class="fab no-print" href=Page::LogContact.href() data-testid="quick-log-fab"
                   class:hidden=move || matches!(page.get(), Page::LogContact | Page::Call | Page::Hotline)>
                    <span aria-hidden="true">"+"</span>
                    <span>{move || state.t(Key::NavLogContact)}</span>
                </a>
            </main>
        </div>
    }
}

fn loading_note(state: AppState) -> AnyView {
    view! { <p class="muted" role="status" data-testid="loading">{move || state.t(Key::Loading)}</p> }
        .into_any()
}

/// Every page but the home page, each group in a chunk of its own
/// (see `lazy.rs`): the first visit fetches only the shell and the home page.
fn split_page(page: Page, state: AppState) -> AnyView {
    let load = move || {
        let page = page.clone();
        async move {
            match page {
                Page::Agreement => agreement_page().await,
                Page::Contacts | Page::LogContact | Page::Contact(_) => contacts_page(page).await,
                Page::Rules => rules_page().await,
                Page::Evidence => evidence_page().await,
                Page::Data => data_page().await,
                Page::Call | Page::Hotline => call_page(page).await,
                Page::Home => Ok(pages::home::HomePage().into_any()),
            }
        }
    };
    lazy::show(
        state,
        load,
        move || lazy::opening_note(state),
        Key::ChunkLoadFailed,
    )
}

lazy_view!(agreement_page() => pages::agreement::AgreementPage().into_any());
lazy_view!(contacts_page(page: Page) => match page {
    Page::LogContact => pages::contacts::LogContactPage().into_any(),
    Page::Contact(seq) => pages::contacts::ContactDetailPage(pages::contacts::ContactDetailPageProps { seq }).into_any(),
    _ => pages::contact_list::ContactsPage().into_any(),
});
lazy_view!(rules_page() => pages::rules::RulesPage().into_any());
lazy_view!(evidence_page() => pages::evidence::EvidencePage().into_any());
lazy_view!(data_page() => pages::data::DataPage().into_any());
lazy_view!(call_page(page: Page) => match page {
    Page::Hotline => pages::call::HotlinePage().into_any(),
    _ => pages::call::CallPage().into_any(),
});

fn location_hash_or_empty() -> String {
    location().hash().unwrap_or_default()
}

#[component]
fn Header(page: RwSignal<Page>) -> impl IntoView {
    let state = use_app();
    let items = [
        (Page::Home, Key::NavHome, "nav-home"),
        (Page::Agreement, Key::NavAgreement, "nav-agreement"),
        (Page::Contacts, Key::NavContacts, "nav-contacts"),
        (Page::Rules, Key::NavRules, "nav-rules"),
        (Page::Evidence, Key::NavEvidence, "nav-evidence"),
        (Page::Data, Key::NavData, "nav-data"),
    ];
    view! {
        <header class="topbar no-print">
            <a class="brand" href="#/" data-testid="brand">{move || state.t(Key::AppName)}</a>
            <label class="lang">
                <span class="sr-only">{move || state.t(Key::Language)}</span>
                <select autocomplete="off" data-testid="lang-switch"
                    on:change=move |e| {
                        if let Some(l) = Lang::from_tag(&event_target_value(&e)) {
                            state.set_lang(l);
                        }
                    }>
                    {Lang::ALL.into_iter().map(|l| view! {
                        <option value=l.tag() selected=move || state.lang.get() == l>{l.native_name()}</option>
                    }).collect_view()}
                </select>
            </label>
        </header>
        // Sticky: quick exit stays in reach however far a page is scrolled
        // (a phone has no Esc), in the flow, so it never covers content.
        <div class="navbar no-print">
        <nav class="tabs" aria-label=move || state.t(Key::NavLabel)>
            {items.into_iter().map(|(p, key, testid)| {
                let target = p.clone();
                let active = Memo::new(move |_| {
                    let cur = page.get();
                    cur == target || (target == Page::Contacts && matches!(cur, Page::Contact(_) | Page::LogContact))
                });
                let tab = NodeRef::<leptos::html::A>::new();
                // On a narrow screen the strip scrolls sideways: keep the current tab in view.
                Effect::new(move |_| {
                    if active.get() {
                        if let Some(a) = tab.get() {
                            browser::centre_in_parent(&a);
                        }
                    }
                });
                view! {
                    <a href=p.href() data-testid=testid class:active=active node_ref=tab
                       aria-current=move || if active.get() { Some("page") } else { None }>
                        {move || state.t(key)}
                    </a>
                }
            }).collect_view()}
        </nav>
            // One tap from every page while the phone rings, as sticky as the
            // quick exit and in the flow, so it never covers a field.
            <a class="call-link" href=Page::Call.href() data-testid="call-open"
               class:active=move || matches!(page.get(), Page::Call | Page::Hotline)
               title=move || state.t(Key::CallOpenHelp)>
                <span aria-hidden="true">"☎"</span>
                <span>{move || state.t(Key::CallOpen)}</span>
            </a>
            <button type="button" class="quick-exit" data-testid="quick-exit" on:click=move |_| browser::quick_exit()
                title=move || state.t(Key::QuickExitHelp)>
                {move || state.t(Key::QuickExit)}
            </button>
        </div>
    }
}

/// Storage trouble, shown until it is resolved: never silent.
#[component]
fn Banners() -> impl IntoView {
    let state = use_app();
    // Every local HTML file opened in this browser shares the storage of the
    // single-file version (file:// is one origin in Chromium): say so.
    let from_file = browser::from_file();
    view! {
        <div class="banners no-print">
            {from_file.then(|| view! {
                <div class="banner warn" role="note" data-testid="banner-file">
                    <strong>{move || state.t(Key::BannerFileTitle)}</strong>
                    <p>{move || state.t(if state.passcode_on.get() { Key::BannerFileLocked } else { Key::BannerFileBody })}</p>
                    <Show when=move || !state.passcode_on.get()>
                        <a class="button" href="#/data" data-testid="banner-file-lock">{move || state.t(Key::BannerFileSetLock)}</a>
                    </Show>
                </div>
            })}
            <Show when=move || state.unavailable.get().is_some()>
                <div class="banner danger" role="alert" data-testid="banner-unavailable">
                    <strong>{move || state.t(Key::BannerUnavailableTitle)}</strong>
                    <p>{move || state.t(Key::BannerUnavailableBody)}</p>
                    <a class="button" href="#/data">{move || state.t(Key::ExportNow)}</a>
                </div>
            </Show>
            <Show when=move || matches!(state.save_error.get(), Some(SaveError::Quota))>
                <div class="banner danger" role="alert" data-testid="banner-quota">
                    <strong>{move || state.t(Key::BannerQuotaTitle)}</strong>
                    <p>{move || state.t(Key::BannerQuotaBody)}</p>
                    <a class="button" href="#/data">{move || state.t(Key::ExportNow)}</a>
                    <button type="button" on:click=move |_| state.retry() data-testid="retry-save">
                        {move || state.t(Key::RetrySave)}
                    </button>
                </div>
            </Show>
            <Show when=move || matches!(state.save_error.get(), Some(SaveError::Protected(_) | SaveError::Encode(_)))>
                <div class="banner danger" role="alert" data-testid="banner-save-error">
                    <strong>{move || state.t(Key::BannerSaveFailed)}</strong>
                </div>
            </Show>
            {use_context::<lock::WeakPasscode>().map(|lock::WeakPasscode(weak)| view! {
                <Show when=move || weak.get()>
                    <div class="banner warn" role="alert" data-testid="banner-weak-passcode">
                        <strong>{move || state.t(PrivacyKey::WeakPasscodeTitle)}</strong>
                        <p>{move || state.t(PrivacyKey::WeakPasscodeBody)}</p>
                        <a class="button" href="#/data" data-testid="banner-weak-passcode-open">
                            {move || state.t(PrivacyKey::WeakPasscodeChange)}
                        </a>
                    </div>
                </Show>
            })}
            <Show when=move || matches!(state.save_error.get(), Some(SaveError::NotSealed(_)))>
                <div class="banner danger" role="alert" data-testid="banner-not-sealed">
                    <strong>{move || state.t(Key::BannerNotSealed)}</strong>
                </div>
            </Show>
            {move || state.problems.get().into_iter().filter(Problem::is_interrupted).map(|p| {
                let note = match p {
                    Problem::WipeFinished => Key::WipeFinishedNote,
                    _ => Key::RestoreUndoneNote,
                };
                view! { <div class="banner warn" role="alert" data-testid="banner-interrupted">{move || state.t(note)}</div> }
            }).collect_view()}
            <Show when=move || state.problems.get().iter().any(|p| !p.is_interrupted())>
                <div class="banner warn" role="alert" data-testid="banner-quarantine">
                    <strong>{move || state.t(Key::BannerQuarantineTitle)}</strong>
                    <p>{move || state.t(Key::BannerQuarantineBody)}</p>
                    <ul>
                        {move || state.problems.get().into_iter().filter_map(|p| {
                            Some(match &p {
                                Problem::Quarantined { key, .. } => (key.clone(), state.t(Key::ProblemQuarantined)),
                                Problem::Unreadable { key, .. } => (key.clone(), state.t(Key::ProblemUnreadable)),
                                Problem::TooNew { key, .. } => (key.clone(), state.t(Key::ProblemTooNew)),
                                Problem::RestoreUndone | Problem::WipeFinished => return None,
                            })
                        }).map(|(key, note)| {
                            let what = crate::ui::widgets::stored_record_name(state.lang.get(), &key);
                            view! { <li>{what}" — "{note}</li> }
                        }).collect_view()}
                    </ul>
                    <a class="button" href="#/data" data-testid="banner-quarantine-open">{move || state.t(Key::OpenDataPage)}</a>
                </div>
            </Show>
        </div>
    }
}
