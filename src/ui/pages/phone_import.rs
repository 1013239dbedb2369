//! Import call and SMS history (SMS Backup & Restore XML, or CSV with a
//! column-mapping step) into the contact log. The file is read here, on the
//! device; only the records of the numbers the user ticks are added.

use std::collections::BTreeSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::codec::phonelog::{
    self, CsvMapping, FileKind, ImportError, ImportParse, NumberSummary, RowError, RowReason,
};
use crate::domain::contacts::add_contact;
use crate::domain::model::{Channel, ContactData, Source};
use crate::domain::time;
use crate::i18n::phone_import::PhoneImportKey as K;
use crate::i18n::{fill, Lang};
use crate::ui::browser;
use crate::ui::state::{use_app, Changed};

/// Contacts saved per step; the page is repainted between steps.
const CHUNK: usize = 1000;
/// Row errors listed (the count is always shown).
const ERRORS_SHOWN: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Outcome {
    added: usize,
    duplicates: usize,
    errors: usize,
    save_failed: bool,
}

/// Let the browser paint: resolves on the next macrotask.
async fn next_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let scheduled = web_sys::window().is_some_and(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
        });
        if !scheduled {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn error_text(lang: Lang, e: &ImportError) -> String {
    let t = |k| crate::i18n::t(lang, k);
    match e {
        ImportError::TooLarge { bytes, max } => fill(
            t(K::ErrTooLarge),
            &[
                &format!("{:.1}", *bytes as f64 / 1e6),
                &format!("{:.0}", *max as f64 / 1e6),
            ],
        ),
        ImportError::Empty => t(K::ErrEmpty).into(),
        ImportError::EntityDeclaration => t(K::ErrEntities).into(),
        ImportError::NotPhoneBackup => t(K::ErrNotBackup).into(),
    }
}

fn reason_text(lang: Lang, r: &RowReason) -> String {
    let t = |k| crate::i18n::t(lang, k);
    let with = |k, detail: &str| format!("{} ({detail})", t(k));
    match r {
        RowReason::NoNumber => t(K::ReasonNoNumber).into(),
        RowReason::NumberTooLong => t(K::ReasonNumberTooLong).into(),
        RowReason::MissingDate => t(K::ReasonMissingDate).into(),
        RowReason::BadDate(d) => with(K::ReasonBadDate, d),
        RowReason::NonexistentTime => t(K::ReasonNonexistent).into(),
        RowReason::BadDuration(d) => with(K::ReasonBadDuration, d),
        RowReason::BadType(d) => with(K::ReasonBadType, d),
        RowReason::BadAttribute(d) => with(K::ReasonBadAttribute, d),
        RowReason::Malformed(d) => with(K::ReasonMalformed, d),
        RowReason::MissingColumn(c) => fill(t(K::ReasonMissingColumn), &[&c.to_string()]),
    }
}

#[component]
pub fn PhoneLogImport() -> impl IntoView {
    let state = use_app();
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // CSV: the text waits for the mapping.
    let csv_text = StoredValue::new(None::<String>);
    let headers = RwSignal::new(None::<Vec<String>>);
    let mapping = RwSignal::new(CsvMapping::default());
    let parsed = RwSignal::new(None::<ImportParse>);
    let picked = RwSignal::new(BTreeSet::<String>::new());
    let debt = RwSignal::new(String::new());
    let progress = RwSignal::new(None::<(usize, usize)>);
    let outcome = RwSignal::new(None::<Outcome>);

    let zone = move || {
        state
            .case
            .with_untracked(|c| time::zone(&c.settings.time_zone))
    };
    let summary = Memo::new(move |_| {
        parsed.with(|p| {
            p.as_ref()
                .map(phonelog::numbers_summary)
                .unwrap_or_default()
        })
    });
    let to_import = Memo::new(move |_| {
        picked.with(|set| {
            parsed.with(|p| {
                p.as_ref().map_or(0, |p| {
                    p.rows.iter().filter(|r| set.contains(&r.number)).count()
                })
            })
        })
    });
    let debts = Memo::new(move |_| {
        state.case.with(|c| {
            c.debts
                .iter()
                .map(|d| (d.id.clone(), d.lender.clone()))
                .collect::<Vec<_>>()
        })
    });

    let reset = move || {
        error.set(None);
        outcome.set(None);
        parsed.set(None);
        headers.set(None);
        csv_text.set_value(None);
        picked.set(BTreeSet::new());
    };

    let pick = move |ev: leptos::ev::Event| {
        let Some(file) = crate::ui::files::picked_files(&ev).into_iter().next() else {
            return;
        };
        // Let the same file be picked again later.
        if let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value("");
        }
        reset();
        let lang = state.lang.get_untracked();
        if file.size() > phonelog::MAX_INPUT_BYTES as f64 {
            let e = ImportError::TooLarge {
                bytes: file.size() as usize,
                max: phonelog::MAX_INPUT_BYTES,
            };
            error.set(Some(error_text(lang, &e)));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            next_tick().await;
            busy.set(false);
            let Some(text) = text else {
                error.set(Some(crate::i18n::t(lang, K::ErrRead).into()));
                return;
            };
            match phonelog::detect(&text) {
                FileKind::Xml => match phonelog::parse_xml(&text, zone()) {
                    Ok(p) => parsed.set(Some(p)),
                    Err(e) => error.set(Some(error_text(lang, &e))),
                },
                FileKind::Csv => match phonelog::csv_headers(&text) {
                    Ok(h) => {
                        mapping.set(phonelog::guess_mapping(&h));
                        headers.set(Some(h));
                        csv_text.set_value(Some(text));
                    }
                    Err(e) => error.set(Some(error_text(lang, &e))),
                },
            }
        });
    };

    let read_csv = move |_| {
        let m = mapping.get_untracked();
        let p = csv_text.with_value(|t| t.as_deref().map(|t| phonelog::parse_csv(t, &m, zone())));
        picked.set(BTreeSet::new());
        outcome.set(None);
        parsed.set(p);
    };

    let import = move |_| {
        let Some(p) = parsed.get_untracked() else {
            return;
        };
        let set = picked.get_untracked();
        if set.is_empty() {
            return;
        }
        let debt_id = Some(debt.get_untracked()).filter(|d| !d.is_empty());
        let errors = p.errors.len();
        progress.set(Some((0, 0)));
        leptos::task::spawn_local(async move {
            next_tick().await;
            let (new, duplicates) = state
                .case
                .with_untracked(|c| phonelog::to_contacts(&p, &set, c, debt_id));
            let total = new.len();
            progress.set(Some((0, total)));
            let now = browser::now();
            let mut added = 0;
            let mut save_failed = false;
            let mut rest = new.into_iter().peekable();
            while rest.peek().is_some() {
                let chunk: Vec<ContactData> = rest.by_ref().take(CHUNK).collect();
                added += chunk.len();
                let r = state.apply(move |case| {
                    chunk
                        .into_iter()
                        .map(|d| Changed::Contact(add_contact(case, d, Source::Imported, now)))
                        .collect()
                });
                progress.set(Some((added, total)));
                if r.is_err() {
                    save_failed = true;
                    break;
                }
                next_tick().await;
            }
            progress.set(None);
            parsed.set(None);
            headers.set(None);
            csv_text.set_value(None);
            picked.set(BTreeSet::new());
            outcome.set(Some(Outcome {
                added,
                duplicates,
                errors,
                save_failed,
            }));
        });
    };

    view! {
        <section class="panel" id="phone-import" data-testid="phonelog-section">
            <h2>{move || state.t(K::Title)}</h2>
            <p class="muted">{move || state.t(K::Help)}</p>
            <label class="field import">
                <span class="field-label">{move || state.t(K::PickFile)}</span>
                <input type="file" accept=".xml,.csv,.txt,.tsv,text/xml,application/xml,text/csv"
                    data-testid="phonelog-file" on:change=pick
                    prop:disabled=move || busy.get() || progress.get().is_some() />
            </label>
            <Show when=move || busy.get()>
                <p role="status">{move || state.t(K::Reading)}</p>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="phonelog-error">{e}</p> })}
            {move || headers.get().map(|h| view! { <CsvMappingForm headers=h mapping=mapping on_apply=read_csv /> })}
            {move || parsed.with(|p| p.as_ref().map(|p| (p.rows.len(), p.errors.clone()))).map(|(rows, errors)| view! {
                <ParseReport rows=rows numbers=summary.with_untracked(Vec::len) errors=errors />
            })}
            <Show when=move || !summary.get().is_empty() && progress.get().is_none()>
                <NumberPicker summary=summary picked=picked />
                <Show when=move || !debts.get().is_empty()>
                    <label class="field">
                        <span class="field-label">{move || state.t(K::Debt)}</span>
                        <select data-testid="phonelog-debt" on:change=move |ev| debt.set(event_target_value(&ev))>
                            <option value="" selected=move || debt.get().is_empty()>{move || state.t(K::UnknownDebt)}</option>
                            {move || debts.get().into_iter().map(|(id, lender)| {
                                let id2 = id.clone();
                                view! { <option value=id selected=move || debt.get() == id2>{lender}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </Show>
                <button type="button" class="primary" data-testid="phonelog-import"
                    prop:disabled=move || to_import.get() == 0 on:click=import>
                    {move || fill(state.t(K::ImportN), &[&to_import.get().to_string()])}
                </button>
            </Show>
            {move || progress.get().map(|(done, total)| view! {
                <div role="status" data-testid="phonelog-progress">
                    <p>{move || fill(state.t(K::Importing), &[&done.to_string(), &total.to_string()])}</p>
                    <progress max=total.max(1).to_string() value=done.to_string()></progress>
                </div>
            })}
            {move || outcome.get().map(|o| view! {
                <p class="ok-box" role="status" data-testid="phonelog-result">
                    {move || fill(state.t(K::Result), &[&o.added.to_string(), &o.duplicates.to_string(), &o.errors.to_string()])}
                </p>
                {o.save_failed.then(|| view! { <p class="error" role="alert">{move || state.t(K::SaveFailed)}</p> })}
            })}
        </section>
    }
}

#[component]
fn ParseReport(rows: usize, numbers: usize, errors: Vec<RowError>) -> impl IntoView {
    let state = use_app();
    let count = errors.len();
    view! {
        <p data-testid="phonelog-parsed">
            {move || if rows == 0 {
                state.t(K::NoRows).to_string()
            } else {
                fill(state.t(K::ParsedSummary), &[&rows.to_string(), &numbers.to_string()])
            }}
        </p>
        {(count > 0).then(|| view! {
            <details class="warning" data-testid="phonelog-errors">
                <summary>{move || fill(state.t(K::RowErrors), &[&count.to_string()])}</summary>
                <ul>
                    {errors.into_iter().take(ERRORS_SHOWN).map(|e| view! {
                        <li>{move || {
                            let lang = state.lang.get();
                            fill(crate::i18n::t(lang, K::RowErrorLine), &[&e.row.to_string(), &reason_text(lang, &e.reason)])
                        }}</li>
                    }).collect_view()}
                    {(count > ERRORS_SHOWN).then(|| view! { <li>"…"</li> })}
                </ul>
            </details>
        })}
    }
}

#[component]
fn NumberPicker(
    summary: Memo<Vec<NumberSummary>>,
    picked: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let state = use_app();
    let all = move |_| picked.set(summary.with(|s| s.iter().map(|n| n.number.clone()).collect()));
    view! {
        <h3>{move || state.t(K::PickNumbers)}</h3>
        <p class="hint">{move || state.t(K::PickHelp)}</p>
        <div class="row">
            <button type="button" class="subtle" data-testid="phonelog-all" on:click=all>{move || state.t(K::SelectAll)}</button>
            <button type="button" class="subtle" data-testid="phonelog-none" on:click=move |_| picked.set(BTreeSet::new())>{move || state.t(K::SelectNone)}</button>
        </div>
        <ul class="plain chips">
            <For each=move || summary.get() key=|n| n.number.clone() let:n>
                {
                    let number = n.number.clone();
                    let checked_number = number.clone();
                    let range = fill(
                        state.t(K::NumberRange),
                        &[&n.first.format("%Y-%m-%d").to_string(), &n.last.format("%Y-%m-%d").to_string()],
                    );
                    let counts = (n.calls, n.sms);
                    view! {
                        <li>
                            <label class="chip">
                                <input type="checkbox" data-testid="phonelog-number" data-number=number.clone()
                                    prop:checked=move || picked.with(|p| p.contains(&checked_number))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let number = number.clone();
                                        picked.update(|p| { if on { p.insert(number); } else { p.remove(&number); } });
                                    } />
                                <span>
                                    <strong>{n.number.clone()}</strong>
                                    {(!n.name.is_empty()).then(|| format!(" {}", n.name))}
                                    <br />
                                    <span class="hint">
                                        {move || fill(state.t(K::NumberCounts), &[&counts.0.to_string(), &counts.1.to_string()])}
                                        " · "{range.clone()}
                                    </span>
                                </span>
                            </label>
                        </li>
                    }
                }
            </For>
        </ul>
    }
}

#[component]
fn CsvMappingForm(
    headers: Vec<String>,
    mapping: RwSignal<CsvMapping>,
    on_apply: impl Fn(leptos::ev::MouseEvent) + 'static,
) -> impl IntoView {
    let state = use_app();
    type Get = fn(&CsvMapping) -> Option<usize>;
    type Set = fn(&mut CsvMapping, Option<usize>);
    let columns: [(K, &'static str, bool, Get, Set); 7] = [
        (
            K::MapNumber,
            "csv-map-number",
            false,
            |m| Some(m.number),
            |m, v| m.number = v.unwrap_or(0),
        ),
        (
            K::MapDateTime,
            "csv-map-datetime",
            true,
            |m| m.datetime,
            |m, v| m.datetime = v,
        ),
        (
            K::MapDate,
            "csv-map-date",
            true,
            |m| m.date,
            |m, v| m.date = v,
        ),
        (
            K::MapTime,
            "csv-map-time",
            true,
            |m| m.time,
            |m, v| m.time = v,
        ),
        (
            K::MapDuration,
            "csv-map-duration",
            true,
            |m| m.duration,
            |m, v| m.duration = v,
        ),
        (
            K::MapDirection,
            "csv-map-direction",
            true,
            |m| m.direction,
            |m, v| m.direction = v,
        ),
        (
            K::MapBody,
            "csv-map-body",
            true,
            |m| m.body,
            |m, v| m.body = v,
        ),
    ];
    let selects = columns
        .into_iter()
        .map(|(label, testid, optional, get, set)| {
            let headers = headers.clone();
            view! {
                <label class="field">
                    <span class="field-label">{move || state.t(label)}</span>
                    <select data-testid=testid on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<usize>().ok();
                        mapping.update(|m| set(m, v));
                    }>
                        {optional.then(|| view! {
                            <option value="" selected=move || mapping.with(|m| get(m).is_none())>{move || state.t(K::MapNone)}</option>
                        })}
                        {headers.into_iter().enumerate().map(|(i, h)| {
                            let text = if h.is_empty() { format!("#{}", i + 1) } else { format!("{}. {h}", i + 1) };
                            view! { <option value=i.to_string() selected=move || mapping.with(|m| get(m) == Some(i))>{text}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="preview" data-testid="csv-mapping">
            <h3>{move || state.t(K::MapTitle)}</h3>
            <p class="hint">{move || state.t(K::MapHelp)}</p>
            <label class="field">
                <span class="field-label">{move || state.t(K::MapChannel)}</span>
                <select data-testid="csv-map-channel" on:change=move |ev| {
                    let sms = event_target_value(&ev) == "sms";
                    mapping.update(|m| m.channel = if sms { Channel::Sms } else { Channel::Call });
                }>
                    <option value="call" selected=move || mapping.with(|m| m.channel != Channel::Sms)>{move || state.t(K::ChannelCalls)}</option>
                    <option value="sms" selected=move || mapping.with(|m| m.channel == Channel::Sms)>{move || state.t(K::ChannelSms)}</option>
                </select>
            </label>
            {selects}
            <button type="button" data-testid="csv-map-apply" on:click=on_apply>{move || state.t(K::MapApply)}</button>
        </div>
    }
}
