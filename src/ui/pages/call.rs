//! The call companion (`#/call`): open while a collector is on the line. What
//! to say (the agreement card and a script chosen by the case), big buttons
//! for what the caller does, and "end call", which turns it all into one
//! contact entry on the usual form. Also the guided call to the official
//! hotline (`#/call/hotline`), whose answers fill the agreement checklist.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::domain::agreement::InstalmentStatus;
use crate::domain::call::{self, AgreementCard, CallLog, HotlineAnswers};
use crate::domain::contacts;
use crate::domain::model::{Source, Tick, MAX_SEQ};
use crate::domain::{labels, money, numberbook, time};
use crate::i18n::call::CallKey as K;
use crate::i18n::{fill, Key, Lang};
use crate::storage::SaveError;
use crate::ui::browser;
use crate::ui::route::Page;
use crate::ui::state::{use_app, AppState, Changed};
use crate::ui::widgets::code;

/// How often the running timer is written to storage, in seconds: what an
/// interrupted call can lose of its duration.
const KEEP_EVERY_SECS: u32 = 10;

fn zone_name(state: AppState) -> String {
    state.case.with_untracked(|c| c.settings.time_zone.clone())
}

/// A call brought back within this long of its start is taken to have gone
/// on meanwhile; an older one resumes from the time it had counted.
const RESUME_WITHIN_SECS: u32 = 3 * 3600;

/// A failed write that leaves the call only on screen (not "storage
/// unavailable": the shell's banner already says that).
fn not_kept<T>(r: &Result<T, SaveError>) -> bool {
    matches!(r, Err(e) if !matches!(e, SaveError::Unavailable(_)))
}

#[component]
pub fn CallPage() -> impl IntoView {
    let state = use_app();
    let stored = state.load_call();
    let restored = stored.is_some();
    let log = RwSignal::new(stored.unwrap_or_else(|| {
        let mut l = CallLog::start(browser::now(), &zone_name(state));
        l.debt_id = state
            .case
            .with_untracked(|c| numberbook::suggest_debt(c, ""))
            .unwrap_or_default();
        l
    }));
    log.update_untracked(|l| l.ended = false);
    let kept_failed = RwSignal::new(false);
    // Its entry was saved (or it was discarded) in another tab: this screen
    // no longer writes it, so that tab's save is not undone.
    let done_elsewhere = RwSignal::new(false);
    let keep = move || {
        if done_elsewhere.get_untracked() {
            return;
        }
        match log.try_with_untracked(|l| state.save_call(l)) {
            Some(Ok(false)) => done_elsewhere.set(true),
            Some(r) => kept_failed.set(not_kept(&r)),
            None => {}
        }
    };
    // The start is recorded on opening.
    keep();

    // The duration runs on the monotonic clock from the time already counted.
    // A call brought back after its tab was closed, killed or locked counts
    // the time since it started (the wall clock), so taps get the minute they
    // happen; the restored notice asks to correct the duration if it ended.
    let base = log.with_untracked(|l| {
        let since_start = (browser::now() - l.started_at).num_seconds();
        let plausible = (0..=i64::from(RESUME_WITHIN_SECS)).contains(&since_start);
        match u32::try_from(since_start) {
            Ok(wall) if restored && plausible => l.elapsed_secs.max(wall),
            _ => l.elapsed_secs,
        }
    });
    let mono_start = browser::monotonic_ms();
    let secs = move || base + ((browser::monotonic_ms() - mono_start).max(0.0) / 1000.0) as u32;
    let shown = RwSignal::new(base);
    // The timer and the listeners below may fire once more after the page is
    // gone (seen when switching to the hotline guide): then they do nothing.
    let save_elapsed = move || {
        if log.is_disposed() {
            return;
        }
        log.update_untracked(|l| l.elapsed_secs = secs());
        keep();
    };
    let interval = std::rc::Rc::new(std::cell::Cell::new(None::<IntervalHandle>));
    let own = interval.clone();
    let started_interval = set_interval_with_handle(
        move || {
            if shown.is_disposed() {
                if let Some(h) = own.take() {
                    h.clear();
                }
                return;
            }
            let s = secs();
            shown.set(s);
            if s % KEEP_EVERY_SECS == 0 {
                save_elapsed();
            }
        },
        std::time::Duration::from_secs(1),
    );
    if let Ok(h) = started_interval {
        interval.set(Some(h));
        on_cleanup(move || h.clear());
    }
    // The phone locks or the tab goes away: keep the time counted so far.
    let hidden = send_wrapper::SendWrapper::new(window_event_listener_untyped(
        "visibilitychange",
        move |_| {
            if browser::page_hidden() {
                save_elapsed();
            }
        },
    ));
    let gone =
        send_wrapper::SendWrapper::new(window_event_listener_untyped("pagehide", move |_| {
            save_elapsed()
        }));
    on_cleanup(move || {
        hidden.take().remove();
        gone.take().remove();
    });

    let zone = Memo::new(move |_| time::zone(&log.with(|l| l.zone.clone())));
    let local = move |at: DateTime<Utc>| at.with_timezone(&zone.get()).naive_local();
    // With its date when it did not start today (a call left behind).
    let started = move || {
        let at = local(log.with(|l| l.started_at));
        let format = if at.date() == local(browser::now()).date() {
            "%H:%M:%S"
        } else {
            "%Y-%m-%d %H:%M:%S"
        };
        at.format(format).to_string()
    };
    let card = Memo::new(move |_| {
        let debt = log.with(|l| l.debt_id.clone());
        let today = local(browser::now()).date();
        state.case.with(|c| call::agreement_card(c, &debt, today))
    });
    let lines = Memo::new(move |_| call::script(log.with(|l| l.situation(card.get().as_ref()))));
    let lender = Memo::new(move |_| {
        let debt = log.with(|l| l.debt_id.clone());
        state.case.with(|c| c.debt(&debt).map(|d| d.lender.clone()))
    });

    let tap = move |tick: Tick| {
        let at = secs();
        log.update(|l| l.tap(tick, at));
        keep();
    };
    let end = move |_| {
        log.update(|l| {
            l.elapsed_secs = secs();
            l.ended = true;
        });
        keep();
        // Saved in another tab: stay, so the alert saying so is seen. Not
        // kept in storage: the call is in this tab's memory, which the review
        // reads (and the alert has said not to close the page).
        if !done_elsewhere.get_untracked() {
            browser::go_to(&format!("{}?call", Page::LogContact.href()));
        }
    };
    let discarding = RwSignal::new(false);
    let discard = move |_| {
        if !discarding.get_untracked() {
            discarding.set(true);
            return;
        }
        let started_at = log.with_untracked(|l| l.started_at);
        if state.discard_call(started_at).is_ok() {
            browser::go_to(&Page::Home.href());
        }
    };
    let debts = Memo::new(move |_| {
        state.case.with(|c| {
            c.debts
                .iter()
                .map(|d| (d.id.clone(), d.lender.clone()))
                .collect::<Vec<_>>()
        })
    });
    let field = move |get: fn(&CallLog) -> String, put: fn(&mut CallLog, String)| {
        (
            move || log.with(get),
            move |ev: leptos::ev::Event| {
                let v = event_target_value(&ev);
                log.update(|l| put(l, v));
                keep();
            },
        )
    };
    let (name, set_name) = field(|l| l.caller_name.clone(), |l, v| l.caller_name = v);
    let (id, set_id) = field(|l| l.caller_id.clone(), |l, v| l.caller_id = v);
    let (org, set_org) = field(|l| l.caller_org.clone(), |l, v| l.caller_org = v);
    let (number, set_number) = field(|l| l.from_number.clone(), |l, v| l.from_number = v);

    view! {
        <div class="call" data-testid="call-companion">
            <div class="call-head">
                <h1 data-testid="page-title">{move || state.t(K::Title)}</h1>
                <div class="call-clock">
                    <span class="sr-only">{move || state.t(K::TimerLabel)}</span>
                    <span class="call-timer" data-testid="call-timer" role="timer">{move || call::clock(shown.get())}</span>
                    <span class="call-started" data-testid="call-started">{move || fill(state.t(K::StartedAt), &[&started()])}</span>
                </div>
            </div>
            {restored.then(|| view! {
                <p class="call-notice" role="status" data-testid="call-restored">{move || fill(state.t(K::Restored), &[&started()])}</p>
            })}
            <Show when=move || kept_failed.get()>
                <p class="call-notice danger" role="alert" data-testid="call-not-kept">{move || state.t(K::NotKept)}</p>
            </Show>
            <Show when=move || done_elsewhere.get()>
                <p class="call-notice danger" role="alert" data-testid="call-saved-elsewhere">
                    {move || state.t(K::DoneElsewhere)}" "
                    <a href=Page::Contacts.href()>{move || state.t(Key::NavContacts)}</a>
                </p>
            </Show>
            <Show when=move || { debts.with(|d| d.len() > 1) }>
                <label class="field">
                    <span class="field-label">{move || state.t(K::WhichDebt)}</span>
                    <select autocomplete="off" data-testid="call-debt" on:change=move |ev| {
                        let v = event_target_value(&ev);
                        log.update(|l| l.debt_id = v);
                        keep();
                    }>
                        <option value="" selected=move || log.with(|l| l.debt_id.is_empty())>{move || state.t(Key::UnknownCreditor)}</option>
                        {move || debts.get().into_iter().map(|(id, lender)| {
                            let id2 = id.clone();
                            view! { <option value=id selected=move || log.with(|l| l.debt_id == id2)>{lender}</option> }
                        }).collect_view()}
                    </select>
                </label>
            </Show>

            <p class="call-tip" data-testid="call-tip">{move || call::CALM_TIP.get(state.lang.get())}</p>
            <section class="call-say" aria-labelledby="call-say-title">
                <h2 id="call-say-title">{move || state.t(K::WhatToSay)}</h2>
                {move || match card.get() {
                    Some(c) => view! { <Card card=c /> }.into_any(),
                    None => view! { <p class="call-muted" data-testid="call-no-agreement">{move || state.t(K::NoAgreement)}</p> }.into_any(),
                }}
                <ol class="call-lines" data-testid="call-script">
                    {move || {
                        let lang = state.lang.get();
                        let args = script_args(lang, card.get().as_ref(), lender.get());
                        lines.get().into_iter().map(|line| view! {
                            <li class="call-line" data-testid="call-line" data-line=format!("{line:?}")>
                                <span class="call-say-text">{fill(line.text().get(lang), &args.iter().map(String::as_str).collect::<Vec<_>>())}</span>
                                <span class="call-basis">{line.basis().get(lang)}</span>
                            </li>
                        }).collect_view()
                    }}
                </ol>
            </section>

            <section aria-labelledby="call-do-title">
                <h2 id="call-do-title">{move || state.t(K::WhatTheyDo)}</h2>
                <div class="call-taps">
                    {call::CALLER_DOES.into_iter().map(|t| {
                        let count = move || log.with(|l| l.moments.iter().filter(|m| m.tick == t).count());
                        view! {
                            <button type="button" class="call-tap" data-testid=format!("call-tap-{}", code(&t))
                                class:tapped=move || { count() > 0 } on:click=move |_| tap(t)>
                                <span>{move || labels::tick(t).get(state.lang.get())}</span>
                                <Show when=move || { count() > 0 }>
                                    <span class="call-count" data-testid="call-tap-count">{move || format!("×{}", count())}</span>
                                </Show>
                            </button>
                        }
                    }).collect_view()}
                </div>
                <ul class="plain call-moments" data-testid="call-moments">
                    {move || {
                        let lang = state.lang.get();
                        log.get().moments.iter().rev().map(|m| {
                            let at = local(log.with_untracked(|l| l.started_at) + chrono::Duration::seconds(i64::from(m.at_secs)));
                            view! {
                                <li data-testid="call-moment">
                                    <strong>{at.format("%H:%M").to_string()}</strong>" "{labels::tick(m.tick).get(lang)}
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
                <Show when=move || log.with(|l| !l.moments.is_empty())>
                    <button type="button" class="subtle" data-testid="call-undo" on:click=move |_| { log.update(|l| { l.undo(); }); keep(); }>
                        {move || state.t(K::Undo)}
                    </button>
                </Show>
            </section>

            <section aria-labelledby="call-who-title">
                <h2 id="call-who-title">{move || state.t(K::CallerTitle)}</h2>
                <div class="grid2 tight">
                    <label class="field"><span class="field-label">{move || state.t(K::CallerName)}</span>
                        <input autocomplete="off" type="text" data-testid="call-caller-name" prop:value=name on:input=set_name /></label>
                    <label class="field"><span class="field-label">{move || state.t(K::CallerId)}</span>
                        <input autocomplete="off" type="text" data-testid="call-caller-id" prop:value=id on:input=set_id /></label>
                    <label class="field"><span class="field-label">{move || state.t(K::CallerOrg)}</span>
                        <input autocomplete="off" type="text" data-testid="call-caller-org" prop:value=org on:input=set_org /></label>
                    <label class="field"><span class="field-label">{move || state.t(K::CallerNumber)}</span>
                        <input autocomplete="off" type="tel" data-testid="call-number" prop:value=number on:input=set_number /></label>
                </div>
            </section>

            <p class="call-links">
                <a href=Page::Hotline.href() data-testid="call-hotline-link">{move || state.t(K::HotlineLink)}</a>
            </p>
            <button type="button" class="subtle call-discard" data-testid="call-discard" on:click=discard>
                {move || if discarding.get() { state.t(K::DiscardConfirm) } else { state.t(K::Discard) }}
            </button>

            <div class="call-bar">
                <button type="button" class="call-stop" data-testid="call-stop" on:click=move |_| tap(Tick::StopRequested)
                    class:tapped=move || log.with(|l| l.has(Tick::StopRequested))>
                    {move || state.t(K::AskedStop)}
                    <Show when=move || log.with(|l| l.has(Tick::StopRequested))>
                        <span class="call-count" data-testid="call-stop-noted">" ✓ "{move || state.t(K::Noted)}</span>
                    </Show>
                </button>
                <button type="button" class="call-end" data-testid="call-end" on:click=end>{move || state.t(K::EndCall)}</button>
            </div>
        </div>
    }
}

/// The script's placeholders: {0} lender, {1} agreed on, {2} reference,
/// {3} next amount, {4} next due date.
fn script_args(lang: Lang, card: Option<&AgreementCard>, lender: Option<String>) -> Vec<String> {
    let lender = lender
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| crate::i18n::t(lang, K::TheLender).to_string());
    let Some(c) = card else {
        return vec![lender];
    };
    let (amount, due) = c
        .next
        .map(|n| {
            (
                format!("{} {}", money::format(n.amount), c.currency),
                n.due.to_string(),
            )
        })
        .unwrap_or_default();
    vec![
        lender,
        c.date_reached.to_string(),
        c.reference.clone(),
        amount,
        due,
    ]
}

/// The agreement, to read out: large type, one fact a row.
#[component]
fn Card(card: AgreementCard) -> impl IntoView {
    let state = use_app();
    let none = move || state.t(K::CardNone).to_string();
    let or_none = move |s: String| if s.trim().is_empty() { none() } else { s };
    let cur = card.currency.clone();
    let schedule = card
        .schedule
        .iter()
        .map(|s| {
            let paid = s.status == InstalmentStatus::Paid;
            view! {
                <li class:paid=paid>{s.due.to_string()}" · "{money::format(s.amount)}" "{cur.clone()}{paid.then_some(" ✓")}</li>
            }
        })
        .collect_view();
    let next = card
        .next
        .map(|n| format!("{} · {} {}", n.due, money::format(n.amount), card.currency))
        .unwrap_or_else(none);
    let channel = card.channel;
    let rows = [
        (K::CardLender, card.lender.clone(), "card-lender"),
        (
            K::CardReached,
            card.date_reached.to_string(),
            "card-reached",
        ),
        (K::CardAgent, or_none(card.agent.clone()), "card-agent"),
        (
            K::CardReference,
            or_none(card.reference.clone()),
            "card-reference",
        ),
        (
            K::CardPaid,
            format!("{} {}", money::format(card.paid), card.currency),
            "card-paid",
        ),
        (K::CardNext, next, "card-next"),
    ];
    view! {
        <dl class="call-card" data-testid="call-card">
            {rows.into_iter().map(|(label, value, testid)| view! {
                <div><dt>{move || state.t(label)}</dt><dd data-testid=testid>{value}</dd></div>
            }).collect_view()}
            <div><dt>{move || state.t(K::CardChannel)}</dt>
                <dd>{move || labels::negotiation_channel(channel).get(state.lang.get())}</dd></div>
            <div class="wide"><dt>{move || state.t(K::CardSchedule)}</dt>
                <dd><ul class="plain" data-testid="card-schedule">{schedule}</ul></dd></div>
        </dl>
    }
}

// ---------------------------------------------------------------------------
// The hotline verification guide
// ---------------------------------------------------------------------------

#[component]
pub fn HotlinePage() -> impl IntoView {
    let state = use_app();
    let debt_id = RwSignal::new(
        state
            .case
            .with_untracked(|c| {
                numberbook::suggest_debt(c, "").or_else(|| {
                    c.debts
                        .iter()
                        .find(|d| !d.hotline.is_empty())
                        .map(|d| d.id.clone())
                })
            })
            .unwrap_or_default(),
    );
    let hotline_of = move |id: &str| {
        state
            .case
            .with_untracked(|c| c.debt(id).map(|d| d.hotline.clone()))
            .unwrap_or_default()
    };
    let number = RwSignal::new(hotline_of(&debt_id.get_untracked()));
    let had_number = Memo::new(move |_| {
        let id = debt_id.get();
        state
            .case
            .with(|c| c.debt(&id).is_some_and(|d| !d.hotline.trim().is_empty()))
    });
    // Recorded on opening; "connected" restarts it when the agent answers.
    let started = RwSignal::new((browser::now(), browser::monotonic_ms()));
    let answers = RwSignal::new(HotlineAnswers::default());
    let message = RwSignal::new(None::<String>);
    let failed = RwSignal::new(None::<String>);
    let saved_with_agreement = RwSignal::new(false);
    let debts = Memo::new(move |_| {
        state.case.with(|c| {
            c.debts
                .iter()
                .map(|d| (d.id.clone(), d.lender.clone()))
                .collect::<Vec<_>>()
        })
    });

    let save = move |_| {
        let lang = state.lang.get_untracked();
        let (id, hotline) = (debt_id.get_untracked(), number.get_untracked());
        if id.is_empty() || hotline.trim().is_empty() {
            failed.set(Some(state.t(K::HotlineInvalid).into()));
            return;
        }
        let (at, mono) = started.get_untracked();
        let secs = ((browser::monotonic_ms() - mono).max(0.0) / 1000.0) as u32;
        let a = answers.get_untracked();
        let zone = zone_name(state);
        let draft = call::hotline_draft(at, &zone, secs, &id, &hotline, &a, lang);
        let now = browser::now();
        let Ok((data, _)) = contacts::validate(&draft, now) else {
            failed.set(Some(state.t(K::HotlineInvalid).into()));
            return;
        };
        let local = time::local(&data.at, time::zone(&zone));
        let mut added = None;
        let mut filled = false;
        let result = state.apply(|case| {
            // No number free: nothing is added, nothing filled in.
            let Ok(seq) = contacts::add_contact(case, data, Source::Manual, now) else {
                return vec![];
            };
            added = Some(seq);
            let mut changed = vec![Changed::Contact(seq)];
            if let Some(d) = case
                .debts
                .iter_mut()
                .find(|d| d.id == id && d.hotline.trim().is_empty())
            {
                d.hotline = hotline.trim().to_string();
                changed.push(Changed::Debts);
            }
            let governing = case.governing_agreement(&id).map(|g| g.id.clone());
            if let Some(ag) =
                governing.and_then(|gid| case.agreements.iter_mut().find(|x| x.id == gid))
            {
                filled = call::apply_hotline(ag, &a, &hotline, local, seq, lang).is_ok();
                changed.push(Changed::Agreements);
            }
            changed
        });
        let Some(seq) = added else {
            failed.set(Some(fill(
                state.t(Key::NoFreeNumber),
                &[&MAX_SEQ.to_string()],
            )));
            return;
        };
        if not_kept(&result) {
            failed.set(Some(state.t(K::HotlineSaveFailed).into()));
            return;
        }
        failed.set(None);
        saved_with_agreement.set(filled);
        let key = if filled {
            K::HotlineSaved
        } else {
            K::HotlineSavedNoAgreement
        };
        message.set(Some(fill(state.t(key), &[&seq.to_string()])));
    };

    let yes_no = move |testid: &'static str,
                       get: fn(&HotlineAnswers) -> Option<bool>,
                       put: fn(&mut HotlineAnswers, Option<bool>)| {
        let choices = [(Some(true), "yes", Key::Yes), (Some(false), "no", Key::No)];
        view! {
            <div class="segmented">
                {choices.into_iter().map(|(v, suffix, label)| view! {
                    <label class="chip" data-testid=format!("{testid}-{suffix}")>
                        <input autocomplete="off" type="radio" name=testid prop:checked=move || answers.with(|a| get(a) == v)
                            on:change=move |_| answers.update(|a| put(a, v)) />
                        {move || state.t(label)}
                    </label>
                }).collect_view()}
                <label class="chip" data-testid=format!("{testid}-unclear")>
                    <input autocomplete="off" type="radio" name=testid prop:checked=move || answers.with(|a| get(a).is_none())
                        on:change=move |_| answers.update(|a| put(a, None)) />
                    {move || state.t(K::Unclear)}
                </label>
            </div>
        }
    };
    let text = move |label: K,
                     testid: &'static str,
                     get: fn(&HotlineAnswers) -> String,
                     put: fn(&mut HotlineAnswers, String)| {
        view! {
            <label class="field"><span class="field-label">{move || state.t(label)}</span>
                <input autocomplete="off" type="text" data-testid=testid prop:value=move || answers.with(get)
                    on:input=move |ev| { let v = event_target_value(&ev); answers.update(|a| put(a, v)); } /></label>
        }
    };
    let q = move |i: usize| move || call::HOTLINE_QUESTIONS[i].get(state.lang.get());

    view! {
        <div class="call hotline" data-testid="hotline-guide">
            <h1 data-testid="page-title">{move || state.t(K::HotlineTitle)}</h1>
            <p>{move || state.t(K::HotlineIntro)}</p>
            <label class="field">
                <span class="field-label">{move || state.t(K::WhichDebt)}</span>
                <select autocomplete="off" data-testid="hotline-debt" on:change=move |ev| {
                    let v = event_target_value(&ev);
                    number.set(hotline_of(&v));
                    debt_id.set(v);
                }>
                    <option value="" selected=move || debt_id.with(String::is_empty)>"—"</option>
                    {move || debts.get().into_iter().map(|(id, lender)| {
                        let id2 = id.clone();
                        view! { <option value=id selected=move || debt_id.with(|d| *d == id2)>{lender}</option> }
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span class="field-label">{move || state.t(K::HotlineNumber)}</span>
                <input autocomplete="off" type="tel" class="call-big-input" data-testid="hotline-number" prop:value=move || number.get()
                    on:input=move |ev| number.set(event_target_value(&ev)) />
                <Show when=move || !had_number.get()>
                    <span class="hint" data-testid="hotline-missing">{move || state.t(K::HotlineMissing)}</span>
                </Show>
            </label>
            <div class="row">
                <a class="button primary big" data-testid="hotline-dial" href=move || format!("tel:{}", number.get().trim())>
                    "☎ "{move || state.t(K::Dial)}
                </a>
                <button type="button" data-testid="hotline-start" on:click=move |_| started.set((browser::now(), browser::monotonic_ms()))>
                    {move || state.t(K::StartTimer)}
                </button>
            </div>
            <ol class="call-questions">
                <li><p class="call-say-text">{q(0)}</p>{yes_no("hotline-recorded", |a| a.recorded, |a, v| a.recorded = v)}</li>
                <li><p class="call-say-text">{q(1)}</p>{yes_no("hotline-app", |a| a.app_shows_plan, |a, v| a.app_shows_plan = v)}</li>
                <li><p class="call-say-text">{q(2)}</p>
                    {text(K::ConfirmationWhere, "hotline-where", |a| a.confirmation_where.clone(), |a, v| a.confirmation_where = v)}
                    {text(K::ConfirmationWhen, "hotline-when", |a| a.confirmation_when.clone(), |a, v| a.confirmation_when = v)}</li>
                <li><p class="call-say-text">{q(3)}</p>
                    <div class="grid2 tight">
                        {text(K::AgentName, "hotline-agent-name", |a| a.agent_name.clone(), |a, v| a.agent_name = v)}
                        {text(K::AgentId, "hotline-agent-id", |a| a.agent_id.clone(), |a, v| a.agent_id = v)}
                    </div>
                    {text(K::Reference, "hotline-reference", |a| a.reference.clone(), |a, v| a.reference = v)}</li>
            </ol>
            {move || failed.get().map(|m| view! { <p class="error" role="alert" data-testid="hotline-error">{m}</p> })}
            {move || message.get().map(|m| view! {
                <p class="ok-box" role="status" data-testid="hotline-saved">{m}" "
                    <Show when=move || saved_with_agreement.get()>
                        <a href=Page::Agreement.href() data-testid="hotline-open-agreement">{move || state.t(K::OpenAgreement)}</a>
                    </Show>
                </p>
            })}
            <div class="call-bar">
                <button type="button" class="call-end" data-testid="hotline-save" on:click=save
                    disabled=move || message.with(Option::is_some)>{move || state.t(K::HotlineSave)}</button>
            </div>
        </div>
    }
}
