//! The printable evidence page: renders `domain::evidence::Report` for screen
//! and A4 paper. Controls (redaction, filters, evidence items, letters) carry
//! `no-print`. The log table is plain rows built in one pass (no per-row
//! reactive closures), so 10,000 contacts do not bring the page down.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::evidence::{
    build_report, AgreementPart, EvidenceItem, Field, LetterKind, Report, ReportOptions, Section,
    LARGE_LOG,
};
use crate::domain::model::Jurisdiction;
use crate::domain::redact::{RedactionFailed, Redactor};
use crate::domain::rules::{self, Finding};
use crate::domain::{textdiff, time};
use crate::i18n::evidence::EvidenceKey as K;
use crate::i18n::{Key, Lang};
use crate::storage::keys::DraftForm;
use crate::ui::browser;
use crate::ui::charts::{HeatMap, PerDayChart};
use crate::ui::state::use_app;
use crate::ui::APP_VERSION;

/// The report, or the refusal when redaction could not hide every value.
type Built = Result<Report, RedactionFailed>;

fn heading(s: Section, lang: Lang) -> &'static str {
    s.title().get(lang)
}

fn fields_table(fields: &[Field]) -> impl IntoView {
    view! {
        <table class="ev-fields">
            <tbody>
                {fields.iter().map(|f| view! {
                    <tr><th scope="row">{f.label.clone()}</th><td>{f.value.clone()}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// Try the asynchronous clipboard API (looked up dynamically: the web-sys
/// "Clipboard" feature is not enabled); Err when it is missing or refused.
async fn write_clipboard(text: String) -> Result<(), ()> {
    let window = web_sys::window().ok_or(())?;
    let nav = window.navigator();
    let clip = js_sys::Reflect::get(&nav, &"clipboard".into()).map_err(|_| ())?;
    if clip.is_undefined() || clip.is_null() {
        return Err(());
    }
    let f = js_sys::Reflect::get(&clip, &"writeText".into()).map_err(|_| ())?;
    let f = f.dyn_ref::<js_sys::Function>().ok_or(())?;
    let promise = f
        .call1(&clip, &text.into())
        .map_err(|_| ())?
        .dyn_into::<js_sys::Promise>()
        .map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}

fn parse_date(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d").ok()
}

#[component]
pub fn EvidencePage() -> impl IntoView {
    let state = use_app();
    let prepared_at = browser::now();
    let big = state
        .case
        .with_untracked(|c| c.active_contacts().count() > LARGE_LOG);
    let options = RwSignal::new(ReportOptions {
        findings_only: big,
        ..ReportOptions::default()
    });
    let findings: Memo<Vec<Finding>> = Memo::new(move |_| {
        state.case.with(|c| {
            let tz = time::zone(&c.settings.time_zone);
            let today = time::utc_to_zone(prepared_at, tz).date_naive();
            rules::check(c, c.settings.jurisdiction, today)
        })
    });
    let report: Memo<Built> = Memo::new(move |_| {
        let mut opts = options.get();
        opts.lang = state.lang.get();
        findings.with(|f| {
            state
                .case
                .with(|c| build_report(c, f, &opts, prepared_at, APP_VERSION))
        })
    });
    // Also applied to the letter as edited, before it is printed or copied.
    let redactor: Memo<Redactor> = Memo::new(move |_| {
        let mut opts = options.get();
        opts.lang = state.lang.get();
        state.case.with(|c| Redactor::new(c, &opts))
    });
    let is_empty = Memo::new(move |_| state.case.with(|c| c.is_empty()));

    view! {
        <div class="evidence-page">
            <h1 class="no-print" data-testid="page-title">{move || state.t(Key::NavEvidence)}</h1>
            <p class="muted no-print">{move || state.t(K::PageIntro)}</p>
            <Show when=move || is_empty.get()>
                <p class="panel no-print" data-testid="evidence-empty">{move || state.t(K::Empty)}</p>
            </Show>
            <Controls options=options report=report big=big />
            {move || report.with(|b| match b {
                Ok(r) => render_report(r),
                Err(RedactionFailed) => view! {
                    <p class="banner danger" role="alert" data-testid="redaction-refused">
                        {state.t(K::RedactionRefused)}</p>
                }.into_any(),
            })}
            <Show when=move || report.with(Result::is_ok)>
                <Letters report=report redactor=redactor />
            </Show>
        </div>
    }
}

#[component]
fn Controls(options: RwSignal<ReportOptions>, report: Memo<Built>, big: bool) -> impl IntoView {
    let state = use_app();
    let toggle = move |f: fn(&mut ReportOptions) -> &mut bool| {
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            options.update(|o| *f(o) = on);
        }
    };
    let checked = move |f: fn(&ReportOptions) -> bool| move || options.with(f);
    let all_items = Memo::new(move |_| {
        report.with(|b| {
            let Ok(r) = b else {
                return Vec::new();
            };
            let mut v: Vec<(EvidenceItem, bool)> = r
                .evidence
                .items
                .iter()
                .map(|i| (i.clone(), true))
                .chain(r.evidence.excluded.iter().map(|i| (i.clone(), false)))
                .collect();
            v.sort_by_key(|(i, _)| i.number);
            v
        })
    });
    view! {
        <section class="panel ev-controls no-print" data-testid="evidence-controls">
            <h2>{move || state.t(K::Controls)}</h2>
            <fieldset class="bare">
                <legend class="field-label">{move || state.t(K::RedactTitle)}</legend>
                <div class="chips">
                    <label class="chip"><input autocomplete="off" type="checkbox" data-testid="redact-name"
                        prop:checked=checked(|o| o.redact_name) on:change=toggle(|o| &mut o.redact_name) />
                        {move || state.t(K::RedactName)}</label>
                    <label class="chip"><input autocomplete="off" type="checkbox" data-testid="redact-phone"
                        prop:checked=checked(|o| o.redact_phone) on:change=toggle(|o| &mut o.redact_phone) />
                        {move || state.t(K::RedactPhone)}</label>
                    <label class="chip"><input autocomplete="off" type="checkbox" data-testid="redact-id"
                        prop:checked=checked(|o| o.redact_id) on:change=toggle(|o| &mut o.redact_id) />
                        {move || state.t(K::RedactId)}</label>
                    <label class="chip"><input autocomplete="off" type="checkbox" data-testid="redact-third"
                        prop:checked=checked(|o| o.redact_third_parties) on:change=toggle(|o| &mut o.redact_third_parties) />
                        {move || state.t(K::RedactThird)}</label>
                </div>
            </fieldset>
            <label class="chip ev-wide"><input autocomplete="off" type="checkbox" data-testid="findings-only"
                prop:checked=checked(|o| o.findings_only) on:change=toggle(|o| &mut o.findings_only) />
                {move || state.t(K::FindingsOnly)}</label>
            {big.then(|| view! { <p class="hint">{move || state.t(K::LargeLogHint)}</p> })}
            <div class="grid2 tight">
                <label class="field">
                    <span class="field-label">{move || state.t(K::DateFrom)}</span>
                    <input autocomplete="off" type="date" data-testid="date-from"
                        prop:value=move || options.with(|o| o.from.map(|d| d.to_string()).unwrap_or_default())
                        on:change=move |e| { let d = parse_date(&event_target_value(&e)); options.update(|o| o.from = d) } />
                </label>
                <label class="field">
                    <span class="field-label">{move || state.t(K::DateTo)}</span>
                    <input autocomplete="off" type="date" data-testid="date-to"
                        prop:value=move || options.with(|o| o.to.map(|d| d.to_string()).unwrap_or_default())
                        on:change=move |e| { let d = parse_date(&event_target_value(&e)); options.update(|o| o.to = d) } />
                </label>
            </div>
            <Show when=move || options.with(|o| o.from.is_some() || o.to.is_some())>
                <button type="button" class="subtle" data-testid="clear-dates"
                    on:click=move |_| options.update(|o| { o.from = None; o.to = None; })>
                    {move || state.t(K::ClearDates)}
                </button>
            </Show>
            <details class="ev-items">
                <summary>{move || state.t(K::EvidenceChoose)}</summary>
                <ul class="plain">
                    {move || all_items.get().into_iter().map(|(item, included)| {
                        let key = item.key.clone();
                        view! {
                            <li>
                                <label class="ev-item-toggle">
                                    <input autocomplete="off" type="checkbox" data-testid="evidence-item-toggle" prop:checked=included
                                        on:change=move |e| {
                                            let on = event_target_checked(&e);
                                            let key = key.clone();
                                            options.update(|o| {
                                                if on { o.excluded.remove(&key); } else { o.excluded.insert(key); }
                                            });
                                        } />
                                    {format!("{}. {}", item.number, item.name)}
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
            <div class="row">
                <button type="button" class="primary" data-testid="print-button"
                    prop:disabled=move || report.with(Result::is_err)
                    on:click=move |_| if report.with_untracked(Result::is_ok) { browser::print() }>
                    {move || state.t(K::Print)}
                </button>
                <span class="hint">{move || state.t(K::PrintHint)}</span>
            </div>
        </section>
    }
}

/// The whole document, built once per report (plain, non-reactive markup).
fn render_report(r: &Report) -> AnyView {
    let lang = r.lang;
    let t = move |k: K| crate::i18n::t(lang, k);
    view! {
        <article class="ev-doc" lang=lang.tag()>
            <header class="ev-head">
                <h1 class="ev-title" data-testid="evidence-title">{r.header.title.clone()}</h1>
                <p class="ev-sub">{r.header.subtitle.clone()}</p>
                {fields_table(&r.header.fields)}
                <table class="ev-fields">
                    <tbody>
                        <tr><th scope="row">{r.fingerprint.digest_label.clone()}</th>
                            <td><code class="hash" data-testid="evidence-digest">{r.header.digest.clone()}</code></td></tr>
                        <tr><th scope="row">{r.fingerprint.chain_label.clone()}</th>
                            <td><code class="hash" data-testid="evidence-chain-head">{r.header.chain_head.clone()}</code>
                                <span class="ev-note">{format!(" ({})", r.fingerprint.chain_status)}</span></td></tr>
                    </tbody>
                </table>
                <p class="ev-note">{r.header.limits.clone()}</p>
            </header>

            <section class="ev-section" data-testid="evidence-parties">
                <h2>{heading(Section::Parties, lang)}</h2>
                <h3>{t(K::Debtor)}</h3>
                {fields_table(&r.parties.debtor)}
                {r.parties.lenders.iter().map(|l| view! {
                    <div class="keep">
                        <h3>{l.name.clone()}</h3>
                        {fields_table(&l.fields)}
                        {(!l.agencies.is_empty()).then(|| view! {
                            <p class="ev-agencies"><strong>{t(K::Agencies)}": "</strong>
                                {l.agencies.iter().map(|a| format!("{}（{}）", a.name, a.numbers.join("、"))).collect::<Vec<_>>().join("；")}
                            </p>
                        })}
                    </div>
                }).collect_view()}
            </section>

            // Its schedule and payment tables scroll sideways on a phone: reachable by keyboard.
            <section class="ev-section" data-testid="evidence-agreements" tabindex="0" aria-labelledby="ev-agreements-title">
                <h2 id="ev-agreements-title">{heading(Section::Agreements, lang)}</h2>
                {r.agreements.is_empty().then(|| view! { <p class="muted">{t(K::NoAgreements)}</p> })}
                {r.agreements.iter().map(|a| render_agreement(a, lang)).collect_view()}
            </section>

            <section class="ev-section" data-testid="evidence-findings">
                <h2>{heading(Section::Findings, lang)}</h2>
                <p class="ev-counts">
                    <strong>{format!("{}：{}", t(K::Total), r.findings.total)}</strong>
                    {format!("　{}：", t(K::ByStrength))}
                    {r.findings.by_strength.iter().filter(|c| c.count > 0)
                        .map(|c| format!("{} {}", c.label, c.count)).collect::<Vec<_>>().join("，")}
                    {(r.findings.unverified > 0).then(|| format!("　{} {}", t(K::Unverified), r.findings.unverified))}
                </p>
                {(!r.findings.by_rule.is_empty()).then(|| view! {
                    <p class="ev-counts">{format!("{}：", t(K::ByRule))}
                        {r.findings.by_rule.iter().map(|c| format!("{} {}×{}", c.key, c.label, c.count)).collect::<Vec<_>>().join("；")}
                    </p>
                })}
                {if r.findings.rows.is_empty() {
                    view! { <p class="muted">{t(K::NoFindings)}</p> }.into_any()
                } else {
                    view! {
                        <table class="ev-table findings-table" data-testid="evidence-findings-table">
                            <thead><tr>{r.findings.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                            <tbody>
                                {r.findings.rows.iter().map(|f| view! {
                                    <tr data-testid="finding-row">
                                        <td data-label=r.findings.columns.first().cloned().unwrap_or_default()><span class="rule-id">{f.rule_id.clone()}</span><br/>{f.title.clone()}</td>
                                        <td data-label=r.findings.columns.get(1).cloned().unwrap_or_default()>{f.measured.clone()}<br/><span class="ev-lead">{f.lead.clone()}</span>
                                            {(!f.scope.is_empty()).then(|| view! { <br/><span class="ev-note">{f.scope.clone()}</span> })}</td>
                                        <td class="ev-sources" data-label=r.findings.columns.get(2).cloned().unwrap_or_default()>{f.sources.join("；")}
                                            {(!f.background.is_empty()).then(|| view! { <div class="ev-background">{format!("{}{}", r.findings.background_label, f.background.join("；"))}</div> })}</td>
                                        <td data-label=r.findings.columns.get(3).cloned().unwrap_or_default()><span class=format!("badge {}", f.strength_key)>{f.strength.clone()}</span>
                                            {f.unverified.then(|| view! { <span class="badge unverified">{t(K::Unverified)}</span> })}</td>
                                        <td class="ev-entries" data-label=r.findings.columns.get(4).cloned().unwrap_or_default()>{f.contacts.iter().map(|s| format!("#{s}")).collect::<Vec<_>>().join(" ")}{f.more.clone()}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                }}
                <p class="ev-note">{r.findings.note.clone()}</p>
                {(!r.findings.unattributed_note.is_empty()).then(|| view! {
                    <p class="ev-note" data-testid="ev-unattributed">{r.findings.unattributed_note.clone()}</p>
                })}
            </section>

            <section class="ev-section" data-testid="evidence-list">
                <h2>{heading(Section::Evidence, lang)}</h2>
                <table class="ev-table evidence-table">
                    <thead><tr>{r.evidence.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {r.evidence.items.iter().map(|i| view! {
                            <tr data-testid="evidence-item" data-key=i.key.clone()>
                                <td class="num">{i.number}</td>
                                <td>{i.name.clone()}</td>
                                <td>{i.form.clone()}</td>
                                <td>{i.proves.clone()}</td>
                                <td class="ev-file">{i.file.as_ref().map(|f| view! {
                                    {f.name.clone()}<br/>{f.size.clone()}<br/><code class="hash">{f.sha256.clone()}</code>
                                })}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="ev-note">{r.evidence.note.clone()}</p>
            </section>

            // Wider than a phone, so it scrolls sideways: it takes keyboard
            // focus to scroll, named by its heading.
            <section class="ev-section ev-log" data-testid="evidence-log" tabindex="0" aria-labelledby="ev-log-title">
                <h2 id="ev-log-title">{heading(Section::Log, lang)}</h2>
                <p class="ev-note">{r.log.note.clone()}</p>
                {if r.log.rows.is_empty() {
                    view! { <p class="muted">{t(K::NoRows)}</p> }.into_any()
                } else {
                    view! {
                        <table class="ev-table log-table" data-testid="evidence-log-table">
                            <thead><tr>{r.log.columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                            <tbody inner_html=crate::ui::html::log_rows(&r.log.rows)></tbody>
                        </table>
                    }.into_any()
                }}
            </section>

            <section class="ev-section ev-charts" data-testid="evidence-charts">
                <h2>{heading(Section::Charts, lang)}</h2>
                {render_charts(r)}
            </section>

            <section class="ev-section keep" data-testid="evidence-fingerprint">
                <h2>{heading(Section::Fingerprint, lang)}</h2>
                <p><strong>{r.fingerprint.digest_label.clone()}": "</strong><code class="hash">{r.fingerprint.digest.clone()}</code></p>
                <p><strong>{r.fingerprint.chain_label.clone()}": "</strong><code class="hash">{r.fingerprint.chain_head.clone()}</code>
                    {format!(" ({})", r.fingerprint.chain_status)}</p>
                <p><strong>{r.fingerprint.proves_title.clone()}</strong></p>
                <ul>{r.fingerprint.proves.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
                <p><strong>{r.fingerprint.not_proves_title.clone()}</strong></p>
                <ul>{r.fingerprint.not_proves.iter().map(|p| view! { <li>{p.clone()}</li> }).collect_view()}</ul>
            </section>

            <section class="ev-section" data-testid="evidence-channels">
                <h2>{heading(Section::Channels, lang)}</h2>
                <table class="ev-table channels-table">
                    <thead><tr>
                        <th scope="col">{t(K::ChannelName)}</th>
                        <th scope="col">{t(K::ChannelFor)}</th>
                        <th scope="col">{t(K::ChannelFirst)}</th>
                        <th scope="col">{t(K::ChannelBring)}</th>
                    </tr></thead>
                    <tbody>
                        {r.channels.iter().map(|c| view! {
                            <tr>
                                <td><strong>{c.name.clone()}</strong>
                                    {(!c.why.is_empty()).then(|| view! { <br/><span class="ev-note">{c.why.clone()}</span> })}</td>
                                <td>{c.for_what.clone()}</td>
                                <td>{c.first_step.clone()}</td>
                                <td>{c.bring.clone()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <p class="ev-sign">{t(K::Signature)}</p>
            </section>
        </article>
    }
    .into_any()
}

fn render_agreement(a: &AgreementPart, lang: Lang) -> impl IntoView {
    let t = move |k: K| crate::i18n::t(lang, k);
    view! {
        <div class="ev-agreement">
            <h3>{a.heading.clone()}</h3>
            {fields_table(&a.fields)}
            {(!a.schedule.is_empty()).then(|| view! {
                <h4>{t(K::Schedule)}</h4>
                <table class="ev-table schedule-table">
                    <thead><tr>{a.schedule_columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {a.schedule.iter().map(|s| view! {
                            <tr><td class="num">{s.no}</td><td>{s.due.clone()}</td><td class="num">{s.amount.clone()}</td>
                                <td class="num">{s.paid.clone()}</td><td class="num">{s.left.clone()}</td>
                                <td>{s.paid_on.clone()}</td><td>{s.status.clone()}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            {(!a.payments.is_empty()).then(|| view! {
                <h4>{t(K::PaymentsMade)}</h4>
                <table class="ev-table payment-table" data-testid="evidence-payments">
                    <thead><tr>{a.payment_columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {a.payments.iter().map(|p| view! {
                            <tr data-testid="evidence-payment" class:late=p.late>
                                <td>{p.date.clone()}</td><td class="num">{p.amount.clone()}</td><td>{p.channel.clone()}</td>
                                <td>{p.reference.clone()}</td>
                                <td>{p.applied.iter().map(|l| view! { <div>{l.clone()}</div> }).collect_view()}</td>
                                <td class="ev-file">{p.proofs.iter().map(|f| view! {
                                    <div>{format!("{} ({})", f.name, f.size)}<br/><code class="hash">{f.sha256.clone()}</code></div>
                                }).collect_view()}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            })}
            <p class="ev-counts"><strong>{t(K::Totals)}": "</strong>
                {a.totals.iter().map(|f| format!("{} {}", f.label, f.value)).collect::<Vec<_>>().join("；")}</p>
            <h4>{t(K::Checklist)}</h4>
            <table class="ev-table checklist-table">
                <thead><tr>{a.checklist_columns.iter().map(|c| view! { <th scope="col">{c.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {a.checklist.iter().map(|c| view! {
                        <tr>
                            <td>{c.title.clone()}</td>
                            <td>{if c.done { "☑ " } else { "☐ " }}{c.status.clone()}</td>
                            <td>{c.date.clone()}</td>
                            <td class="ev-file">{c.proofs.iter().map(|p| view! {
                                <div>{format!("{} ({})", p.name, p.size)}<br/><code class="hash">{p.sha256.clone()}</code></div>
                            }).collect_view()}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

fn render_charts(r: &Report) -> impl IntoView {
    let lang = r.lang;
    let markers: Vec<(NaiveDate, String)> = r.charts.markers.clone();
    let limit = r.charts.limit;
    let jurisdiction = jurisdiction_of(r);
    let (off_hours, band) = night_band(jurisdiction);
    let data = r.charts.per_day.clone();
    let grid = r.charts.week_hour;
    view! {
        <div class="chart-grid ev-chart-grid">
            <PerDayChart data=data markers=markers limit=limit lang=lang />
            <HeatMap grid=grid off_hours=off_hours band_label=band lang=lang />
        </div>
    }
}

/// The ruleset is in the header's field list only as words; the night band is
/// the same for the rulesets this page prints letters for.
fn jurisdiction_of(r: &Report) -> Jurisdiction {
    if r.letters.iter().any(|l| l.kind == LetterKind::UsCease) {
        Jurisdiction::Us
    } else {
        Jurisdiction::Cn
    }
}

fn night_band(j: Jurisdiction) -> ([bool; 24], String) {
    let from = if j == Jurisdiction::Us { 21 } else { 22 };
    let mut hours = [false; 24];
    for (h, on) in hours.iter_mut().enumerate() {
        *on = h >= from || h < 8;
    }
    (hours, format!("{from}:00–08:00"))
}

#[component]
fn Letters(report: Memo<Built>, redactor: Memo<Redactor>) -> impl IntoView {
    let state = use_app();
    let selected = RwSignal::new(None::<String>);
    let include = RwSignal::new(true);
    let status = RwSignal::new(None::<K>);
    let area: NodeRef<leptos::html::Textarea> = NodeRef::new();
    // Edits are kept per letter, in memory and as a draft (sealed under the
    // lock): a redaction switch, another letter, another page or a reload
    // never throws them away; "restore" does, on request.
    let edits = state.letter_edits;
    if edits.with_untracked(|e| e.is_empty()) {
        if let Some(kept) = state.draft::<BTreeMap<String, String>>(DraftForm::Letters) {
            edits.set(kept);
        }
    }
    state.keep_draft(DraftForm::Letters, move || {
        Some(edits.get()).filter(|e| !e.is_empty())
    });
    let confirming = RwSignal::new(false);

    // The letter on screen: its key and generated text.
    let current = Memo::new(move |_| {
        report.with(|b| {
            let r = b.as_ref().ok()?;
            let key = selected.get().or(r.letters.first().map(|l| l.key.clone()));
            r.letters
                .iter()
                .find(|l| Some(&l.key) == key.as_ref())
                .map(|l| (l.key.clone(), l.text.clone()))
        })
    });
    let text = Memo::new(move |_| {
        current.with(|c| {
            c.as_ref()
                .map(|(k, generated)| {
                    edits
                        .with(|e| e.get(k).cloned())
                        .unwrap_or_else(|| generated.clone())
                })
                .unwrap_or_default()
        })
    });
    let edited = move || {
        current.with(|c| {
            c.as_ref()
                .is_some_and(|(k, _)| edits.with(|e| e.contains_key(k)))
        })
    };
    let edit = move |value: String| {
        if let Some((k, _)) = current.get_untracked() {
            edits.update(|e| {
                e.insert(k, value);
            });
        }
    };
    // The first tap shows what would be lost; the second drops it.
    let restore = move || {
        if !confirming.get_untracked() {
            confirming.set(true);
            return;
        }
        confirming.set(false);
        if let Some((k, _)) = current.get_untracked() {
            edits.update(|e| {
                e.remove(&k);
            });
        }
    };
    let changes = move || {
        current.with(|c| {
            let (k, generated) = c.as_ref()?;
            let edited = edits.with(|e| e.get(k).cloned())?;
            Some(textdiff::lines(generated, &edited).map(|lines| {
                lines
                    .into_iter()
                    .filter_map(|l| match l {
                        textdiff::Line::Same(_) => None,
                        // Redacted like the printed letter: hidden values stay hidden.
                        textdiff::Line::Removed(t) => Some((false, redactor.with(|r| r.redact(t)))),
                        textdiff::Line::Added(t) => Some((true, redactor.with(|r| r.redact(t)))),
                    })
                    .collect::<Vec<_>>()
            }))
        })
    };

    let copy = move |_| {
        let value = redactor.with_untracked(|r| r.redact(&text.get_untracked()));
        leptos::task::spawn_local(async move {
            match write_clipboard(value).await {
                Ok(()) => status.set(Some(K::Copied)),
                Err(()) => {
                    if let Some(el) = area.get_untracked() {
                        el.select();
                    }
                    status.set(Some(K::CopySelected));
                }
            }
        });
    };

    view! {
        <section class="panel ev-letters" class:no-print=move || !include.get() data-testid="evidence-letters">
            <h2>{move || heading(Section::Letters, state.lang.get())}</h2>
            <Show when=move || report.with(|b| b.as_ref().is_ok_and(|r| r.letters.is_empty()))>
                <p class="muted">{move || state.t(K::NoLetters)}</p>
            </Show>
            <div class="no-print">
                <label class="field">
                    <span class="field-label">{move || state.t(K::LetterPick)}</span>
                    <select autocomplete="off" data-testid="letter-select" on:change=move |e| {
                        let v = event_target_value(&e);
                        let key = report.with_untracked(|b| b.as_ref().ok().and_then(|r| r.letters.iter().find(|l| l.key == v)).map(|l| l.key.clone()));
                        selected.set(key);
                        status.set(None);
                        confirming.set(false);
                    }>
                        {move || report.with(|b| b.iter().flat_map(|r| &r.letters).map(|l| {
                            let key = l.key.clone();
                            let k2 = key.clone();
                            view! { <option value=key selected=move || selected.get().as_deref() == Some(k2.as_str())>{l.title.clone()}</option> }
                        }).collect_view())}
                    </select>
                </label>
                <p class="hint"><label for="letter-text">{move || state.t(K::LetterEdit)}</label></p>
                <textarea autocomplete="off" id="letter-text" class="letter-text" data-testid="letter-text" node_ref=area rows="18"
                    prop:value=move || text.get()
                    on:input=move |e| edit(event_target_value(&e))></textarea>
                <Show when=edited>
                    <p class="hint" data-testid="letter-edited">{move || state.t(K::LetterEditsKept)}</p>
                    <details class="letter-changes" data-testid="letter-changes" prop:open=move || confirming.get()>
                        <summary>{move || state.t(K::LetterChanges)}</summary>
                        {move || match changes().flatten() {
                            Some(lines) => view! {
                                <ul class="plain">
                                    {lines.into_iter().map(|(added, text)| if added {
                                        view! { <li><ins data-testid="letter-added">{text}</ins></li> }.into_any()
                                    } else {
                                        view! { <li><del data-testid="letter-removed">{text}</del></li> }.into_any()
                                    }).collect_view()}
                                </ul>
                            }.into_any(),
                            None => view! { <p class="muted">{state.t(K::LetterChangesTooLong)}</p> }.into_any(),
                        }}
                    </details>
                </Show>
                <div class="row">
                    <button type="button" data-testid="letter-copy" on:click=copy>{move || state.t(K::Copy)}</button>
                    <Show when=edited>
                        <button type="button" class="subtle" data-testid="letter-reset" on:click=move |_| restore()>
                            {move || if confirming.get() { state.t(K::LetterResetConfirm) } else { state.t(K::LetterReset) }}</button>
                    </Show>
                    <label class="chip"><input autocomplete="off" type="checkbox" data-testid="letter-include" prop:checked=move || include.get()
                        on:change=move |e| include.set(event_target_checked(&e)) />{move || state.t(K::IncludeLetter)}</label>
                    {move || status.get().map(|k| view! { <span class="ok" role="status" data-testid="letter-status">{state.t(k)}</span> })}
                </div>
            </div>
            // What the user typed is redacted too before it reaches paper.
            <div class="letter-print print-only" data-testid="letter-print">
                {move || redactor.with(|r| r.redact(&text.get()))}</div>
        </section>
    }
}
