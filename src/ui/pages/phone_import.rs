//! Import call and SMS history (SMS Backup & Restore XML, or CSV with a
//! column-mapping step) into the contact log. The file is read here, on the
//! device; only the records of the numbers the user ticks are added.

use std::collections::BTreeSet;

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::codec::phonelog::{
    self, CsvMapping, FileKind, ImportError, ImportParse, ImportPlan, NumberSummary, RowError,
    RowReason,
};
use crate::domain::codec::sniff::{self, Decoded, Encoding, WrongFile};
use crate::domain::contacts::add_contact;
use crate::domain::model::{Channel, ContactData, Source, MAX_SEQ};
use crate::domain::numberbook;
use crate::domain::time;
use crate::i18n::phone_import::PhoneImportKey as K;
use crate::i18n::{fill, Key, Lang};
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
    /// Stopped: every entry number is taken (`added` were added before).
    no_number: bool,
}

/// Bytes of a file that is not UTF-8 and has no byte-order mark, read as
/// GB18030 by the browser's own decoder (Encoding Standard; no tables in wasm).
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let decoder = web_sys::TextDecoder::new_with_label("gb18030").ok()?;
    decoder.decode_with_u8_array(bytes).ok()
}

fn wrong_file_text(lang: Lang, w: WrongFile) -> String {
    crate::i18n::t(
        lang,
        match w {
            WrongFile::Zip => K::WrongZip,
            WrongFile::Excel => K::WrongExcel,
            WrongFile::Sqlite => K::WrongSqlite,
            WrongFile::Pdf => K::WrongPdf,
            WrongFile::Image => K::WrongImage,
            WrongFile::AppBackup => K::WrongAppBackup,
            WrongFile::VCard => K::WrongVCard,
            WrongFile::Html => K::WrongHtml,
            WrongFile::Json => K::WrongJson,
        },
    )
    .into()
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
        ImportError::Wrong(w) => wrong_file_text(lang, *w),
        ImportError::TooManyColumns { count, max } => fill(
            t(K::ErrTooManyColumns),
            &[&count.to_string(), &max.to_string()],
        ),
        ImportError::TooManyRecords { max } => fill(t(K::ErrTooManyRecords), &[&max.to_string()]),
    }
}

fn reason_text(lang: Lang, r: &RowReason) -> String {
    let t = |k| crate::i18n::t(lang, k);
    let with = |k, detail: &str| format!("{} ({detail})", t(k));
    match r {
        RowReason::NumberTooLong => t(K::ReasonNumberTooLong).into(),
        RowReason::MissingDate => t(K::ReasonMissingDate).into(),
        RowReason::BadDate(d) => with(K::ReasonBadDate, d),
        RowReason::NonexistentTime => t(K::ReasonNonexistent).into(),
        RowReason::BadDuration(d) => with(K::ReasonBadDuration, d),
        RowReason::BadType(d) => with(K::ReasonBadType, d),
        RowReason::BadAttribute(d) => with(K::ReasonBadAttribute, d),
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
    let encoding = RwSignal::new(None::<Encoding>);
    let parsed = RwSignal::new(None::<ImportParse>);
    // A file that ends early: the user chose to import what was read.
    let partial_ok = RwSignal::new(false);
    let picked = RwSignal::new(BTreeSet::<String>::new());
    let overrides = RwSignal::new(BTreeSet::<usize>::new());
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
    let plan = Memo::new(move |_| {
        let debt_id = Some(debt.get()).filter(|d| !d.is_empty());
        picked.with(|set| {
            overrides.with(|over| {
                parsed.with(|p| {
                    p.as_ref().map(|p| {
                        state
                            .case
                            .with(|c| phonelog::plan_import(p, set, c, debt_id, over))
                    })
                })
            })
        })
    });
    // Records that would not fit in storage, known before anything is written.
    let wont_fit = Memo::new(move |_| {
        plan.with(|p| {
            p.as_ref().map_or(0, |p| {
                let free =
                    crate::storage::LOCAL_STORAGE_QUOTA_BYTES.saturating_sub(state.used_bytes());
                p.contacts.len() - p.fitting(free)
            })
        })
    });
    let to_import = Memo::new(move |_| plan.with(|p| p.as_ref().map_or(0, |p| p.contacts.len())));
    let debts = Memo::new(move |_| {
        state.case.with(|c| {
            c.debts
                .iter()
                .map(|d| (d.id.clone(), d.lender.clone()))
                .collect::<Vec<_>>()
        })
    });
    let stopped = move || parsed.with(|p| p.as_ref().and_then(|p| p.stopped));
    let ready = move || stopped().is_none() || partial_ok.get();
    let blocked = move || to_import.get() == 0 || wont_fit.get() > 0;

    let reset = move || {
        error.set(None);
        outcome.set(None);
        parsed.set(None);
        headers.set(None);
        encoding.set(None);
        partial_ok.set(false);
        csv_text.set_value(None);
        picked.set(BTreeSet::new());
        overrides.set(BTreeSet::new());
    };

    let read_text = move |text: String, lang: Lang| match phonelog::detect(&text) {
        Err(e) => error.set(Some(error_text(lang, &e))),
        Ok(FileKind::Xml) => match phonelog::parse_xml(&text, zone()) {
            Ok(p) => parsed.set(Some(p)),
            Err(e) => error.set(Some(error_text(lang, &e))),
        },
        Ok(FileKind::Csv) => match phonelog::csv_headers(&text) {
            Ok(h) => {
                mapping.set(phonelog::guess_mapping(&h));
                headers.set(Some(h));
                csv_text.set_value(Some(text));
            }
            Err(e) => error.set(Some(error_text(lang, &e))),
        },
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
            // Bytes, never Blob.text(): the encoding is decided here, by BOM first.
            let bytes = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
                .await
                .ok()
                .map(|b| js_sys::Uint8Array::new(&b).to_vec());
            next_tick().await;
            busy.set(false);
            let Some(bytes) = bytes else {
                error.set(Some(crate::i18n::t(lang, K::ErrRead).into()));
                return;
            };
            if let Some(w) = sniff::binary_kind(&bytes) {
                error.set(Some(wrong_file_text(lang, w)));
                return;
            }
            let (text, enc) = match sniff::decode(&bytes) {
                Decoded::Text(t, e) => (t, e),
                Decoded::Legacy => match decode_gb18030(&bytes) {
                    Some(t) => (t, Encoding::Gb18030),
                    None => {
                        error.set(Some(crate::i18n::t(lang, K::ErrEncoding).into()));
                        return;
                    }
                },
            };
            drop(bytes);
            encoding.set(Some(enc));
            read_text(text, lang);
        });
    };

    let read_csv = move |_| {
        let m = mapping.get_untracked();
        let lang = state.lang.get_untracked();
        let p = csv_text.with_value(|t| t.as_deref().map(|t| phonelog::parse_csv(t, &m, zone())));
        picked.set(BTreeSet::new());
        overrides.set(BTreeSet::new());
        partial_ok.set(false);
        outcome.set(None);
        match p {
            Some(Ok(p)) => {
                error.set(None);
                parsed.set(Some(p));
            }
            Some(Err(e)) => error.set(Some(error_text(lang, &e))),
            None => {}
        }
    };

    let import = move |_| {
        let Some(plan) = plan.get_untracked() else {
            return;
        };
        if plan.contacts.is_empty() || wont_fit.get_untracked() > 0 || !ready() {
            return;
        }
        let errors = parsed.with_untracked(|p| p.as_ref().map_or(0, |p| p.errors.len()));
        let duplicates = plan.duplicates();
        progress.set(Some((0, 0)));
        leptos::task::spawn_local(async move {
            next_tick().await;
            let total = plan.contacts.len();
            progress.set(Some((0, total)));
            let now = browser::now();
            let mut added = 0;
            let mut save_failed = false;
            let mut no_number = false;
            let mut rest = plan.contacts.into_iter().peekable();
            while rest.peek().is_some() {
                let chunk: Vec<ContactData> = rest.by_ref().take(CHUNK).collect();
                let want = chunk.len();
                let mut seqs = Vec::with_capacity(want);
                let r = state.apply(|case| {
                    // Stops at the first entry no number is free for.
                    for d in chunk {
                        match add_contact(case, d, Source::Imported, now) {
                            Ok(seq) => seqs.push(seq),
                            Err(_) => break,
                        }
                    }
                    seqs.iter().copied().map(Changed::Contact).collect()
                });
                added += seqs.len();
                progress.set(Some((added, total)));
                if seqs.len() < want {
                    no_number = true;
                    break;
                }
                if r.is_err() {
                    save_failed = true;
                    break;
                }
                next_tick().await;
            }
            progress.set(None);
            reset();
            outcome.set(Some(Outcome {
                added,
                duplicates,
                errors,
                save_failed,
                no_number,
            }));
        });
    };

    view! {
        <section class="panel" id="phone-import" data-testid="phonelog-section">
            <h2>{move || state.t(K::Title)}</h2>
            <p class="muted">{move || state.t(K::Help)}</p>
            <label class="field import">
                <span class="field-label">{move || state.t(K::PickFile)}</span>
                <input autocomplete="off" type="file" accept=".xml,.csv,.txt,.tsv,text/xml,application/xml,text/csv"
                    data-testid="phonelog-file" on:change=pick
                    prop:disabled=move || busy.get() || progress.get().is_some() />
            </label>
            <Show when=move || busy.get()>
                <p role="status">{move || state.t(K::Reading)}</p>
            </Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="phonelog-error">{e}</p> })}
            {move || encoding.get().filter(|e| *e != Encoding::Utf8).map(|e| view! {
                <p class="hint" data-testid="phonelog-encoding">{move || state.t(match e {
                    Encoding::Gb18030 => K::EncodingGb18030,
                    _ => K::EncodingUtf16,
                })}</p>
            })}
            {move || headers.get().map(|h| view! { <CsvMappingForm headers=h mapping=mapping on_apply=read_csv /> })}
            {move || parsed.with(|p| p.as_ref().map(|p| (p.rows.len(), p.errors.clone(), p.seconds_dates, p.mms_media_only))).map(|(rows, errors, seconds, media)| view! {
                <ParseReport rows=rows numbers=summary.with_untracked(Vec::len) errors=errors seconds=seconds media=media />
            })}
            {move || stopped().filter(|_| !partial_ok.get()).map(|s| view! {
                <div class="warning" role="alert" data-testid="phonelog-stopped">
                    <p>{move || fill(state.t(if s.cut { K::StoppedCut } else { K::StoppedBroken }), &[&s.after.to_string()])}</p>
                    <div class="row">
                        <button type="button" data-testid="phonelog-partial-yes" on:click=move |_| partial_ok.set(true)>
                            {move || fill(state.t(K::StoppedImportRead), &[&s.after.to_string()])}
                        </button>
                        <button type="button" class="subtle" data-testid="phonelog-partial-no" on:click=move |_| reset()>
                            {move || state.t(K::StoppedNothing)}
                        </button>
                    </div>
                </div>
            })}
            <Show when=move || ready() && !summary.get().is_empty() && progress.get().is_none()>
                <NumberPicker summary=summary picked=picked />
                <Show when=move || !debts.get().is_empty()>
                    <label class="field">
                        <span class="field-label">{move || state.t(K::Debt)}</span>
                        <select autocomplete="off" data-testid="phonelog-debt" on:change=move |ev| debt.set(event_target_value(&ev))>
                            <option value="" selected=move || debt.get().is_empty()>{move || state.t(K::UnknownDebt)}</option>
                            {move || debts.get().into_iter().map(|(id, lender)| {
                                let id2 = id.clone();
                                view! { <option value=id selected=move || debt.get() == id2>{lender}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </Show>
                {move || plan.get().map(|p| view! { <PlanPreview plan=p overrides=overrides /> })}
                {move || (wont_fit.get() > 0).then(|| view! {
                    <p class="error" role="alert" data-testid="phonelog-quota">
                        {move || fill(state.t(K::WontFit), &[&wont_fit.get().to_string(), &to_import.get().to_string()])}
                    </p>
                })}
                <button type="button" class="primary" data-testid="phonelog-import"
                    prop:disabled=blocked on:click=import>
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
                {o.no_number.then(|| view! { <p class="error" role="alert" data-testid="phonelog-no-number">{move || fill(state.t(Key::NoFreeNumber), &[&MAX_SEQ.to_string()])}</p> })}
            })}
        </section>
    }
}

/// What the import will do: new entries, duplicates by rule, and each
/// hand-typed entry a record matched, with a switch to import it anyway.
#[component]
fn PlanPreview(plan: ImportPlan, overrides: RwSignal<BTreeSet<usize>>) -> impl IntoView {
    let state = use_app();
    let counts = [
        plan.contacts.len(),
        plan.same_in_file,
        plan.same_in_log,
        plan.hand_typed.iter().filter(|m| !m.overridden).count(),
    ]
    .map(|n| n.to_string());
    // Which lender the new entries will be tied to, by the number book.
    let attribution = state.case.with_untracked(|c| {
        let a = numberbook::preview(c, &plan.contacts);
        let lender = |id: &str| {
            c.debts
                .iter()
                .find(|d| d.id == id)
                .map_or_else(String::new, |d| d.lender.clone())
        };
        let per: Vec<(String, String)> = a
            .per_debt
            .iter()
            .map(|(id, n)| (lender(id), n.to_string()))
            .collect();
        (per, a.unattributed.to_string())
    });
    view! {
        <p data-testid="phonelog-plan">
            {move || fill(state.t(K::PlanSummary), &[&counts[0], &counts[1], &counts[2], &counts[3]])}
        </p>
        <p class="hint" data-testid="phonelog-attribution">
            {attribution.0.into_iter().map(|(lender, n)| view! {
                <span>{move || fill(state.t(K::AttributedTo), &[&lender, &n])}" "</span>
            }).collect_view()}
            <span>{move || fill(state.t(K::Unattributed), &[&attribution.1])}</span>
        </p>
        {(!plan.hand_typed.is_empty()).then(|| view! {
            <ul class="plain" data-testid="phonelog-handmatches">
                {plan.hand_typed.into_iter().map(|m| {
                    let row = m.row;
                    let typed = m.typed_at.format("%Y-%m-%d %H:%M").to_string();
                    let record = m.record_at.format("%Y-%m-%d %H:%M:%S").to_string();
                    let seq = m.seq.to_string();
                    view! {
                        <li>
                            <label class="chip">
                                <input autocomplete="off" type="checkbox" data-testid="phonelog-handmatch"
                                    prop:checked=m.overridden
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        overrides.update(|o| { if on { o.insert(row); } else { o.remove(&row); } });
                                    } />
                                <span>{move || fill(state.t(K::HandMatch), &[&record, &seq, &typed])}</span>
                            </label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        })}
    }
}

#[component]
fn ParseReport(
    rows: usize,
    numbers: usize,
    errors: Vec<RowError>,
    seconds: usize,
    media: usize,
) -> impl IntoView {
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
        {(seconds > 0).then(|| view! {
            <p class="hint" data-testid="phonelog-seconds">{move || fill(state.t(K::SecondsDates), &[&seconds.to_string()])}</p>
        })}
        {(media > 0).then(|| view! {
            <p class="hint" data-testid="phonelog-mms-media">{move || fill(state.t(K::MmsMediaOnly), &[&media.to_string()])}</p>
        })}
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
                                <input autocomplete="off" type="checkbox" data-testid="phonelog-number" data-number=number.clone()
                                    prop:checked=move || picked.with(|p| p.contains(&checked_number))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        let number = number.clone();
                                        picked.update(|p| { if on { p.insert(number); } else { p.remove(&number); } });
                                    } />
                                <span>
                                    <strong>{if n.number.is_empty() {
                                        Either::Left(move || state.t(K::Withheld))
                                    } else {
                                        Either::Right(n.number.clone())
                                    }}</strong>
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
                    <select autocomplete="off" data-testid=testid on:change=move |ev| {
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
                <select autocomplete="off" data-testid="csv-map-channel" on:change=move |ev| {
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
