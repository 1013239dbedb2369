//! First visit: what the tool is for and the path that helps. With data: a dashboard.

use leptos::prelude::*;

use crate::domain::agreement::InstalmentStatus;
use crate::domain::{dashboard, money, time};
use crate::i18n::{fill, Key};
use crate::ui::browser;
use crate::ui::lazy::{self, lazy_view};
use crate::ui::route::Page;
use crate::ui::state::use_app;

#[component]
pub fn HomePage() -> impl IntoView {
    let state = use_app();
    let has_data = Memo::new(move |_| !state.case.with(|c| c.is_empty()));
    let steps = [
        (Page::Agreement, Key::Step1Title, Key::Step1Body),
        (Page::Agreement, Key::Step2Title, Key::Step2Body),
        (Page::LogContact, Key::Step3Title, Key::Step3Body),
        (Page::Rules, Key::Step4Title, Key::Step4Body),
        (Page::Evidence, Key::Step5Title, Key::Step5Body),
    ];
    view! {
            <section class="hero" data-testid="home">
                <h1>{move || state.t(Key::HomeTitle)}</h1>
                <p class="lead">{move || state.t(Key::HomeLead)}</p>
                <p class="privacy" data-testid="privacy-note">
    {move || state.t(Key::HomePrivacy)}
                </p>
            </section>
            <Show when=move || has_data.get()>
                {lazy::show(state, dashboard, dashboard_pending, Key::DashboardLoadFailed)}
            </Show>
            <section>
                <h2>{move || state.t(Key::HomePathTitle)}</h2>
                <ol class="steps">
                    {steps.into_iter().enumerate().map(|(i, (page, title, body))| view! {
                        <li>
                            <a class="step" href=page.href() data-testid=format!("home-step-{}", i + 1)>
                                <span class="step-no" aria-hidden="true">{i + 1}</span>
                                <span class="step-text">
                                    <strong>{move || state.t(title)}</strong>
                                    <span>{move || state.t(body)}</span>
                                </span>
                            </a>
                        </li>
                    }).collect_view()}
                </ol>
            </section>
        }
}

// Its own chunk: the figures need the rule engine and its catalogue, which a
// first visit (nothing recorded yet) never uses.
lazy_view!(dashboard() => Dashboard().into_any());

/// Holds the dashboard's place while its chunk loads, so the steps below
/// don't jump down under a finger.
fn dashboard_pending() -> AnyView {
    view! { <section class="dashboard dashboard-pending" aria-busy="true" data-testid="dashboard-pending"></section> }
        .into_any()
}

#[component]
fn Dashboard() -> impl IntoView {
    let state = use_app();
    // The figures need a rule check over the whole log: computed just after
    // the first paint, so a large log never delays the screen itself.
    let painted = RwSignal::new(false);
    request_animation_frame(move || {
        set_timeout(move || painted.set(true), std::time::Duration::ZERO)
    });
    let computed = Memo::new(move |_| {
        painted.get().then(|| {
            state.case.with(|c| {
                let today = time::local_date(
                    &browser::now().fixed_offset(),
                    time::zone(&c.settings.time_zone),
                );
                dashboard::dashboard(c, today)
            })
        })
    });
    let figure = move |f: fn(&dashboard::Dashboard) -> String| {
        computed.with(|d| d.as_ref().map_or_else(|| "…".to_string(), f))
    };
    let last_backup = move || {
        state
            .prefs
            .get()
            .last_export
            .map(|t| t.format("%Y-%m-%d").to_string())
            .unwrap_or_else(|| state.t(Key::Never).to_string())
    };
    let next_due = move || {
        computed.with(|d| match d.as_ref().map(|d| &d.next_due) {
            None => "…".to_string(),
            Some(Some((lender, currency, n))) => format!(
                "{} · {} {} · {}",
                n.due.format("%Y-%m-%d"),
                money::format(n.amount),
                currency,
                lender
            ),
            Some(None) => state.t(Key::DashNoSchedule).to_string(),
        })
    };
    let overdue = move || {
        computed.with(|d| {
            d.as_ref()
                .and_then(|d| d.next_due.as_ref())
                .is_some_and(|(_, _, n)| n.status == InstalmentStatus::Overdue)
        })
    };
    let unconfirmed = move || {
        computed.with(|d| {
            d.as_ref()
                .map(|d| d.unconfirmed.join("、"))
                .unwrap_or_default()
        })
    };
    view! {
        <section class="dashboard" data-testid="dashboard">
            <h2>{move || state.t(Key::DashboardTitle)}</h2>
            <Show when=move || !unconfirmed().is_empty()>
                <a class="banner warn block" href="#/agreement" data-testid="dash-unconfirmed">
                    {move || fill(state.t(Key::DashUnconfirmed), &[&unconfirmed()])}
                </a>
            </Show>
            <div class="cards">
                <a class="card" class:alert=overdue href="#/agreement">
                    <span class="card-label">{move || state.t(if overdue() { Key::DashOverdue } else { Key::DashNextDue })}</span>
                    <span class="card-value small" data-testid="dash-next-due">{next_due}</span>
                </a>
                <a class="card" href="#/contacts">
                    <span class="card-label">{move || state.t(Key::DashThisWeek)}</span>
                    <span class="card-value" data-testid="dash-week">{move || figure(|d| d.contacts_this_week.to_string())}</span>
                </a>
                <a class="card" href="#/rules">
                    <span class="card-label">{move || state.t(Key::DashFindings)}</span>
                    <span class="card-value" data-testid="dash-findings">{move || figure(|d| d.findings.to_string())}</span>
                </a>
                <a class="card" href="#/data">
                    <span class="card-label">{move || state.t(Key::DashLastBackup)}</span>
                    <span class="card-value small" data-testid="dash-last-backup">{last_backup}</span>
                </a>
            </div>
        </section>
    }
}
