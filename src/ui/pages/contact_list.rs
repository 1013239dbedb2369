//! The contact log's list: filters, entries it cannot read, and one row per
//! entry, a page at a time.

use leptos::prelude::*;

use crate::domain::contacts::{self, ContactFilter};
use crate::domain::labels;
use crate::domain::model::{Channel, Contact, Target, Tick};
use crate::domain::time;
use crate::i18n::{fill, Key};
use crate::storage::{Problem, StoreKey};
use crate::ui::route::Page;
use crate::ui::state::{use_app, AppState};
use crate::ui::widgets::code;

use super::contacts::lender_label;

const PAGE_SIZE: usize = 50;

#[component]
pub fn ContactsPage() -> impl IntoView {
    let state = use_app();
    let filter = RwSignal::new(ContactFilter::default());
    let shown = RwSignal::new(PAGE_SIZE);
    let zone = Memo::new(move |_| time::zone(&state.case.with(|c| c.settings.time_zone.clone())));
    let results = Memo::new(move |_| {
        let f = filter.get();
        state.case.with(|c| {
            contacts::filter(c, &f, zone.get())
                .into_iter()
                .map(|c| c.seq)
                .collect::<Vec<_>>()
        })
    });
    let chain = Memo::new(move |_| state.case.with(|c| contacts::verify_chain(&c.contacts)));
    let total = Memo::new(move |_| state.case.with(|c| c.active_contacts().count()));
    let bin = Memo::new(move |_| {
        state
            .case
            .with(|c| c.contacts.len() - c.active_contacts().count())
    });
    let set_text = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        filter.update(|f| f.text = v);
        shown.set(PAGE_SIZE);
    };
    let set_number = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        filter.update(|f| f.number = v);
        shown.set(PAGE_SIZE);
    };
    let parse_date = |s: String| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok();

    view! {
        <div class="row space">
            <h1 data-testid="page-title">{move || state.t(Key::NavContacts)}</h1>
            <a class="button primary" href=Page::LogContact.href() data-testid="contacts-new">{move || state.t(Key::NavLogContact)}</a>
        </div>
        <Show when=move || !chain.get().ok>
            <div class="banner danger" role="alert" data-testid="chain-broken">
                {move || fill(state.t(Key::ChainBroken), &[&chain.get().first_broken_seq.map(|s| s.to_string()).unwrap_or_default()])}
            </div>
        </Show>
        <details class="filters panel" open=false>
            <summary data-testid="filters-toggle">{move || state.t(Key::Filters)}</summary>
            <div class="grid2 tight">
                <label class="field"><span class="field-label">{move || state.t(Key::FilterFrom)}</span>
                    <input autocomplete="off" type="date" data-testid="filter-from" on:input=move |ev| { let d = parse_date(event_target_value(&ev)); filter.update(|f| f.from = d) } /></label>
                <label class="field"><span class="field-label">{move || state.t(Key::FilterTo)}</span>
                    <input autocomplete="off" type="date" data-testid="filter-to" on:input=move |ev| { let d = parse_date(event_target_value(&ev)); filter.update(|f| f.to = d) } /></label>
                <label class="field"><span class="field-label">{move || state.t(Key::FieldFromNumber)}</span>
                    <input autocomplete="off" type="search" data-testid="filter-number" on:input=set_number /></label>
                <FilterSelect label=Key::FilterChannel testid="filter-channel" options=&Channel::ALL words=labels::channel
                    counts=Signal::derive(move || { let f = filter.get(); state.case.with(|c| contacts::counts_by_channel(c, &f, zone.get())) })
                    on_pick=Callback::new(move |v| filter.update(|f| f.channel = v)) />
                <FilterSelect label=Key::FieldTarget testid="filter-target" options=&Target::ALL words=labels::target
                    counts=Signal::derive(move || { let f = filter.get(); state.case.with(|c| contacts::counts_by_target(c, &f, zone.get())) })
                    on_pick=Callback::new(move |v| filter.update(|f| f.target = v)) />
                <FilterSelect label=Key::FilterTick testid="filter-tick" options=&Tick::ALL words=labels::tick
                    counts=Signal::derive(move || { let f = filter.get(); state.case.with(|c| contacts::counts_by_tick(c, &f, zone.get())) })
                    on_pick=Callback::new(move |v| filter.update(|f| f.tick = v)) />
            </div>
            <label class="field"><span class="field-label">{move || state.t(Key::FilterText)}</span>
                <input autocomplete="off" type="search" data-testid="filter-text" on:input=set_text /></label>
            <label class="chip"><input autocomplete="off" type="checkbox" data-testid="filter-bin" on:change=move |ev| { let on = event_target_checked(&ev); filter.update(|f| f.include_deleted = on) } />
                {move || fill(state.t(Key::ShowBin), &[&bin.get().to_string()])}</label>
        </details>
        <p class="muted" data-testid="contacts-count">{move || fill(state.t(Key::ShowingOf), &[&results.get().len().to_string(), &total.get().to_string()])}</p>
        <Show when=move || total.get() == 0 && bin.get() == 0>
            <div class="empty panel" data-testid="contacts-empty">
                <p>{move || state.t(Key::ContactsEmpty)}</p>
                <a class="button primary" href=Page::LogContact.href()>{move || state.t(Key::NavLogContact)}</a>
            </div>
        </Show>
        <ul class="plain contact-list" data-testid="contact-list">
            // Entries that are stored but cannot be shown: listed first (they
            // have no readable time to sort by), never silently missing.
            {move || unreadable_seqs(state).into_iter().map(|(seq, note)| view! {
                <li class="contact-row unreadable">
                    <a href="#/data" data-testid="contact-unreadable">
                        <span class="seq">"#"{seq}</span>
                        <span class="what">{fill(state.t(Key::UnreadableEntry), &[&seq.to_string()])}</span>
                        <span class="snippet">{state.t(note)}</span>
                    </a>
                </li>
            }).collect_view()}
            {move || {
                let seqs = results.get();
                let n = shown.get();
                let z = zone.get();
                state.case.with(|c| seqs.iter().take(n).filter_map(|s| c.contact(*s)).map(|x| contact_row(state, x, z)).collect_view())
            }}
        </ul>
        <Show when=move || { results.get().len() > shown.get() }>
            <button type="button" data-testid="contacts-more" on:click=move |_| shown.update(|n| *n += PAGE_SIZE)>{move || state.t(Key::ShowMore)}</button>
        </Show>
    }
}

/// Contact entries the store holds but this page cannot show, by number,
/// with what happened to each (from the problems found at start).
fn unreadable_seqs(state: AppState) -> Vec<(u32, Key)> {
    let mut out: Vec<(u32, Key)> = state.problems.with(|ps| {
        ps.iter()
            .filter_map(|p| {
                let (key, note) = match p {
                    Problem::Quarantined { key, .. } => (key, Key::ProblemQuarantined),
                    Problem::Unreadable { key, .. } => (key, Key::ProblemUnreadable),
                    Problem::TooNew { key, .. } => (key, Key::ProblemTooNew),
                    Problem::RestoreUndone | Problem::WipeFinished => return None,
                };
                match StoreKey::parse(key) {
                    Some(StoreKey::Contact(seq)) => Some((seq, note)),
                    _ => None,
                }
            })
            .collect()
    });
    out.sort_by_key(|(seq, _)| *seq);
    out.dedup_by_key(|(seq, _)| *seq);
    out
}

/// A filter over one closed set, each option with how many entries it would show.
#[component]
fn FilterSelect<T>(
    label: Key,
    testid: &'static str,
    options: &'static [T],
    words: fn(T) -> crate::i18n::Text,
    counts: Signal<std::collections::BTreeMap<T, usize>>,
    on_pick: Callback<Option<T>>,
) -> impl IntoView
where
    T: Copy + Ord + serde::Serialize + Send + Sync + 'static,
{
    let state = use_app();
    view! {
        <label class="field"><span class="field-label">{move || state.t(label)}</span>
            <select autocomplete="off" data-testid=testid on:change=move |ev| {
                let v = event_target_value(&ev);
                on_pick.run(options.iter().copied().find(|o| code(o) == v));
            }>
                <option value="">{move || state.t(Key::All)}</option>
                {options.iter().copied().map(|o| view! {
                    <option value=code(&o)>
                        {move || format!("{} ({})", words(o).get(state.lang.get()), counts.with(|c| c.get(&o).copied().unwrap_or(0)))}
                    </option>
                }).collect_view()}
            </select>
        </label>
    }
}

fn contact_row(state: AppState, c: &Contact, zone: chrono_tz::Tz) -> impl IntoView {
    let lang = state.lang.get_untracked();
    let d = &c.data;
    let local = time::local(&d.at, zone)
        .format("%Y-%m-%d %H:%M")
        .to_string();
    let number = if d.from_number.is_empty() {
        crate::i18n::t(lang, Key::UnknownNumber).to_string()
    } else {
        d.from_number.clone()
    };
    let mut kind = labels::channel(d.channel).get(lang).to_string();
    if let (Channel::Call, Some(o)) = (d.channel, d.outcome) {
        kind = format!("{kind} · {}", labels::outcome(o).get(lang));
    }
    let target = labels::target(d.target).get(lang);
    let ticks: Vec<&'static str> = d
        .ticks
        .iter()
        .take(3)
        .map(|t| labels::tick(*t).get(lang))
        .collect();
    let lender = lender_label(state, lang, d.debt_id.as_deref());
    // The start of what was said or written (an SMS's text): the list reads
    // like the phone's own message list. One line, cut by CSS.
    let snippet: String = d.notes.chars().take(120).collect();
    let deleted = !c.is_active();
    let edited = c.was_edited();
    view! {
        <li class="contact-row" class:deleted=deleted data-testid="contact-row" data-seq=c.seq>
            <a href=Page::Contact(c.seq).href()>
                <span class="seq">"#"{c.seq}</span>
                <span class="when">{local}</span>
                <span class="what">{kind}" · "{number}" → "{target}</span>
                <span class="lender" data-testid="contact-lender">{lender}</span>
                {(!ticks.is_empty()).then(|| view! { <span class="ticks">{ticks.join(" · ")}</span> })}
                {(!snippet.is_empty()).then(|| view! { <span class="snippet" data-testid="contact-snippet">{snippet}</span> })}
                {edited.then(|| view! { <span class="badge">{crate::i18n::t(lang, Key::Edited)}</span> })}
                {deleted.then(|| view! { <span class="badge">{crate::i18n::t(lang, Key::InBin)}</span> })}
            </a>
        </li>
    }
}
