//! Rule check: the log checked against the chosen jurisdiction's rules, with a
//! summary, findings grouped by rule (most serious first), charts, and the
//! rules the app cannot check. Every figure and word of a finding comes from
//! `domain::rules`; this page only lays them out.

use chrono::{NaiveDate, NaiveTime, Timelike};
use leptos::prelude::*;

use crate::domain::model::{Case, Jurisdiction};
use crate::domain::rules::{
    self, Citation, Finding, Mark, Rule, Severity, Strength, Summary, Threshold, Unit, Window,
    UNVERIFIED,
};
use crate::domain::time;
use crate::i18n::rules::RulesKey as R;
use crate::i18n::{fill, t, Key, Lang, Text};
use crate::ui::browser;
use crate::ui::charts::{HeatMap, PerDayChart};
use crate::ui::pages::inconvenient::InconvenientPanel;
use crate::ui::route::Page;
use crate::ui::state::use_app;
use crate::ui::widgets::{JurisdictionSelect, ZoneSelect};

/// Findings shown per rule before "show all".
const GROUP_PAGE: usize = 10;
/// Contact links shown per finding before "and N more".
const CONTACT_LINKS: usize = 12;

/// Today's local date in the case's zone.
fn today(case: &Case) -> NaiveDate {
    time::utc_to_zone(browser::now(), time::zone(&case.settings.time_zone)).date_naive()
}

/// The allowed local hours of the jurisdiction's hours rule, from the catalog.
fn allowed_hours(j: Jurisdiction) -> Option<(NaiveTime, NaiveTime)> {
    rules::catalog(j)
        .filter(|r| r.checkable)
        .flat_map(|r| r.params.iter())
        .find_map(|p| match p.window {
            Window::Allowed { from, to } => Some((from, to)),
            _ => None,
        })
}

/// The per-day limit on answered calls, from the catalog (CN: 3).
fn daily_limit(j: Jurisdiction) -> Option<u32> {
    rules::catalog(j)
        .flat_map(|r| r.params.iter())
        .find_map(|p| match (p.window, p.threshold, p.unit) {
            (Window::LocalDay, Threshold::MoreThan(n), Unit::TalkedCalls) => Some(n),
            _ => None,
        })
}

/// Which hour columns fall (even partly) outside the allowed window.
fn off_hours(window: Option<(NaiveTime, NaiveTime)>) -> ([bool; 24], String) {
    let Some((from, to)) = window else {
        return ([false; 24], String::new());
    };
    let minutes = |t: NaiveTime| t.hour() * 60 + t.minute();
    let (f, e) = (minutes(from), minutes(to));
    let mut flags = [false; 24];
    for (h, flag) in (0u32..).zip(flags.iter_mut()) {
        *flag = h * 60 < f || h * 60 + 60 > e;
    }
    let label = format!("{}–{}", to.format("%H:%M"), from.format("%H:%M"));
    (flags, label)
}

/// Findings of one rule, in the engine's order.
struct Group {
    rule: &'static Rule,
    findings: Vec<Finding>,
}

fn group(findings: &[Finding]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for f in findings {
        match out.iter_mut().find(|g| g.rule.id == f.rule.id) {
            Some(g) => g.findings.push(f.clone()),
            None => out.push(Group {
                rule: f.rule,
                findings: vec![f.clone()],
            }),
        }
    }
    out
}

/// The id of a rule's group on the page (the summary table links to it).
fn group_anchor(rule: &Rule) -> String {
    format!("rule-{}", rule.id.to_lowercase())
}

/// Scroll a rule group into view (the route lives in the URL hash, so the
/// table's links must not change it).
fn scroll_to(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.scroll_into_view();
    }
}

/// One row per rule: title · label · findings · days, linking to its group.
#[component]
fn RuleTable(groups: Vec<Group>, lang: Lang) -> impl IntoView {
    let state = use_app();
    let rows = groups
        .into_iter()
        .map(|g| {
            let days = state.case.with(|c| rules::distinct_days(c, &g.findings));
            let strength = g.findings.iter().map(|f| f.strength).max().unwrap_or(Strength::Guidance);
            let unverified = g.findings.iter().any(Finding::is_unverified);
            let href = format!("#{}", group_anchor(g.rule));
            view! {
                <tr data-testid="rules-table-row" data-rule-id=g.rule.id>
                    <th scope="row">
                        <a href=href.clone() on:click=move |e| {
                            // The route lives in the hash: scroll without changing it.
                            e.prevent_default();
                            scroll_to(&href[1..]);
                        }>{g.rule.title.get(lang)}</a>" "
                        <code class="rule-id">{g.rule.id}</code>
                    </th>
                    <td>{strength_badge(strength, lang)}{unverified.then(|| view! { " " {unverified_badge(lang)} })}</td>
                    <td class="num" data-testid="rules-table-findings">{g.findings.len()}</td>
                    <td class="num" data-testid="rules-table-days">{days}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll">
            <table class="rules-table small" data-testid="rules-table">
                <caption class="sr-only">{t(lang, R::TableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, R::TableRule)}</th>
                        <th scope="col">{t(lang, R::TableLabel)}</th>
                        <th scope="col" class="num">{t(lang, R::TableFindings)}</th>
                        <th scope="col" class="num">{t(lang, R::TableDays)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn count_text(lang: Lang, n: usize, one: R, many: R) -> String {
    if n == 1 {
        t(lang, one).to_string()
    } else {
        fill(t(lang, many), &[&n.to_string()])
    }
}

fn summary_text(lang: Lang, s: &Summary) -> (String, String) {
    let head = fill(
        t(lang, R::SummaryHead),
        &[
            &count_text(lang, s.findings, R::FindingsOne, R::FindingsMany),
            &count_text(lang, s.distinct_days, R::DaysOne, R::DaysMany),
        ],
    );
    let parts: Vec<String> = s
        .by_strength
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(st, n)| {
            let key = match st {
                Strength::Law => R::SumLaw,
                Strength::Regulation => R::SumRegulation,
                Strength::Standard => R::SumStandard,
                Strength::SelfRegulation => R::SumSelfRegulation,
                Strength::Guidance => R::SumGuidance,
            };
            fill(t(lang, key), &[&n.to_string()])
        })
        .collect();
    let parts = fill(
        t(lang, R::SummaryParts),
        &[&parts.join(t(lang, R::PartSep))],
    );
    (head, parts)
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "finding sev-critical",
        Severity::High => "finding sev-high",
        Severity::Medium => "finding sev-medium",
        Severity::Low => "finding sev-low",
        Severity::Info => "finding sev-info",
    }
}

/// The lead as a sentence: capitalised (English) and closed with a full stop.
fn sentence(lang: Lang, s: String) -> String {
    let mut chars = s.chars();
    let mut out = match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect::<String>(),
        None => return s,
    };
    out.push_str(if lang == Lang::En { "." } else { "。" });
    out
}

#[component]
pub fn RulesPage() -> impl IntoView {
    let state = use_app();
    let jurisdiction = Memo::new(move |_| state.case.with(|c| c.settings.jurisdiction));
    let findings = Memo::new(move |_| {
        state
            .case
            .with(|c| rules::check(c, c.settings.jurisdiction, today(c)))
    });
    let summary = Memo::new(move |_| findings.with(|f| state.case.with(|c| rules::summary(c, f))));
    let has_contacts =
        Memo::new(move |_| state.case.with(|c| c.active_contacts().next().is_some()));

    view! {
        <h1 data-testid="page-title">{move || state.t(Key::NavRules)}</h1>
        <p class="muted">{move || state.t(R::PageIntro)}</p>
        <Controls />
        <Show when=move || jurisdiction.get() == Jurisdiction::Us>
            <InconvenientPanel />
        </Show>
        <section class="panel rules-summary" data-testid="rules-summary" aria-live="polite">
            <h2>{move || state.t(R::SummaryTitle)}</h2>
            {move || {
                let lang = state.lang.get();
                let s = summary.get();
                if s.findings == 0 {
                    return view! { <EmptyState has_contacts=has_contacts.get() /> }.into_any();
                }
                let (head, parts) = summary_text(lang, &s);
                // `Finding::is_unverified`: the same test as the badges and the evidence page.
                let marked = s.unverified;
                let unverified = (marked > 0).then(|| view! {
                    <p class="small" data-testid="rules-summary-unverified">
                        <span class="badge unverified">{UNVERIFIED.get(lang)}</span>" "
                        {fill(t(lang, R::SumUnverified), &[&marked.to_string()])}
                    </p>
                });
                view! {
                    <p class="summary-head" data-testid="rules-summary-head"><strong>{head}</strong></p>
                    <p>{parts}</p>
                    {unverified}
                    <RuleTable groups=findings.with(|f| group(f)) lang=lang />
                }.into_any()
            }}
            <p class="limits small" data-testid="rules-limits">{move || state.t(R::Limits)}</p>
        </section>
        <Show when=move || !findings.with(Vec::is_empty)>
            <section class="rules-findings" data-testid="rules-findings">
                <h2>{move || state.t(R::FindingsTitle)}</h2>
                {move || {
                    let lang = state.lang.get();
                    findings.with(|f| group(f)).into_iter()
                        .map(|g| view! { <RuleGroup rule=g.rule findings=g.findings lang=lang /> })
                        .collect_view()
                }}
            </section>
        </Show>
        <Charts />
        {move || {
            let lang = state.lang.get();
            let info: Vec<&'static Rule> = rules::catalog(jurisdiction.get()).filter(|r| !r.checkable).collect();
            (!info.is_empty()).then(|| view! {
                <section class="panel also-relevant" data-testid="rules-also-relevant">
                    <h2>{t(lang, R::AlsoRelevantTitle)}</h2>
                    <p class="muted small">{t(lang, R::AlsoRelevantHelp)}</p>
                    <ul class="plain">
                        {info.into_iter().map(|r| view! { <InfoRule rule=r lang=lang /> }).collect_view()}
                    </ul>
                </section>
            })
        }}
    }
}

/// Jurisdiction and zone: the same settings as the data page, saved at once.
#[component]
fn Controls() -> impl IntoView {
    let state = use_app();
    let jurisdiction = move || state.case.with(|c| c.settings.jurisdiction);
    view! {
        <section class="panel rules-controls" aria-label=move || state.t(R::ControlsTitle)>
            <div class="grid2">
                <JurisdictionSelect testid="rules-jurisdiction" />
                <ZoneSelect testid="rules-zone" />
            </div>
            <Show when=move || jurisdiction() == Jurisdiction::Us>
                <p class="hint" data-testid="rules-us-zone-note">{move || state.t(R::UsZoneNote)}</p>
            </Show>
        </section>
    }
}

#[component]
fn EmptyState(has_contacts: bool) -> impl IntoView {
    let state = use_app();
    let nothing_checkable =
        move || rules::catalog(state.case.with(|c| c.settings.jurisdiction)).all(|r| !r.checkable);
    view! {
        <div class="empty-findings" data-testid="rules-empty">
            <p><strong>{move || state.t(R::EmptyTitle)}</strong></p>
            {move || if nothing_checkable() {
                view! { <p>{state.t(R::NothingCheckable)}</p> }.into_any()
            } else {
                view! {
                    <p>
                        {(!has_contacts).then(|| view! { {move || state.t(R::EmptyNoContacts)}" " })}
                        {state.t(R::EmptyBody)}
                    </p>
                }.into_any()
            }}
            <p>
                <a class="button primary" href=Page::LogContact.href() data-testid="rules-log-contact">
                    {move || state.t(Key::NavLogContact)}
                </a>
            </p>
        </div>
    }
}

/// Whom the rule and the sources that applied bind, once per rule
/// (`rules.md` §1 rule 3: every finding states the scope).
fn scopes(rule: &Rule, findings: &[Finding]) -> Vec<Text> {
    let mut out: Vec<Text> = rule.scope.into_iter().collect();
    let applied = findings
        .iter()
        .flat_map(|f| f.citations.iter())
        .filter(|c| rule.primary.contains(c))
        .filter_map(|c| c.scope);
    for s in applied {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

#[component]
fn RuleGroup(rule: &'static Rule, findings: Vec<Finding>, lang: Lang) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let total = findings.len();
    let scope_list = scopes(rule, &findings);
    let findings = StoredValue::new(findings);
    let scope = (!scope_list.is_empty()).then(|| {
        view! {
            <div class="scope small" data-testid="rule-scope">
                <strong>{t(lang, R::Scope)}</strong>
                <ul class="scope-list">
                    {scope_list.into_iter().map(|s| view! { <li>{s.get(lang)}</li> }).collect_view()}
                </ul>
            </div>
        }
    });
    let heading_id = group_anchor(rule);
    let labelled_by = heading_id.clone();
    view! {
        <section class="rule-group panel" data-testid="rule-group" data-rule-id=rule.id aria-labelledby=labelled_by>
            <header class="rule-head">
                <h3 id=heading_id>{rule.title.get(lang)}</h3>
                <span class="rule-meta">
                    {count_text(lang, total, R::FindingsOne, R::FindingsMany)}" · "
                    <code class="rule-id" title=t(lang, R::RuleId)>{rule.id}</code>
                </span>
            </header>
            <p class="explanation">{rule.explanation.get(lang)}</p>
            {scope}
            <ol class="plain finding-list">
                {move || {
                    let limit = if show_all.get() { usize::MAX } else { GROUP_PAGE };
                    findings.with_value(|fs| fs.iter().take(limit).map(|f| finding_view(f, lang)).collect_view())
                }}
            </ol>
            <Show when=move || { total > GROUP_PAGE && !show_all.get() }>
                <button type="button" class="subtle show-all" data-testid="rules-show-all" on:click=move |_| show_all.set(true)>
                    {fill(t(lang, R::ShowAll), &[&total.to_string()])}
                </button>
            </Show>
        </section>
    }
}

fn strength_badge(s: Strength, lang: Lang) -> impl IntoView {
    view! { <span class=format!("badge {}", s.key()) data-testid="strength-badge">{s.label().get(lang)}</span> }
}

fn unverified_badge(lang: Lang) -> impl IntoView {
    view! { <span class="badge unverified" data-testid="unverified-badge">{UNVERIFIED.get(lang)}</span> }
}

/// "（未见原文，依据公开报道）" for [R], "（已核对原文）" for [T]; nothing for
/// [U], whose badge already says "未经核实".
fn mark_text(m: Mark, lang: Lang) -> String {
    if m == Mark::U {
        return String::new();
    }
    match lang {
        Lang::En => format!(" ({})", m.label().get(lang)),
        _ => format!("（{}）", m.label().get(lang)),
    }
}

fn citation_view(c: &Citation, lang: Lang) -> impl IntoView {
    view! {
        <li class="cite" data-testid="citation">
            <span class="cite-ref">{c.reference()}</span>" "
            {strength_badge(c.strength, lang)}" "
            {(c.mark == Mark::U).then(|| unverified_badge(lang))}
            <span class="cite-mark small muted">{mark_text(c.mark, lang)}</span>
        </li>
    }
}

fn finding_view(f: &Finding, lang: Lang) -> impl IntoView {
    let (primary, related) = (f.primary_sources(), f.related_sources());
    let more = f.contacts.len().saturating_sub(CONTACT_LINKS);
    let contacts = (!f.contacts.is_empty()).then(|| {
        view! {
            <p class="finding-contacts small">
                <span class="muted">{t(lang, R::Contacts)}</span>
                {f.contacts.iter().take(CONTACT_LINKS).map(|seq| view! {
                    <a href=Page::Contact(*seq).href() data-testid="finding-contact"
                        aria-label=fill(t(lang, R::ContactLink), &[&seq.to_string()])>{format!("#{seq}")}</a>" "
                }).collect_view()}
                {(more > 0).then(|| view! { <span class="muted">{fill(t(lang, R::MoreContacts), &[&more.to_string()])}</span> })}
            </p>
        }
    });
    // A finding with no primary source rests on the app's own judgement:
    // say so instead of an empty "依据" line, and show the related sources
    // openly as background.
    let sources = if primary.is_empty() {
        let background = (!related.is_empty()).then(|| {
            view! {
                <div class="background-sources">
                    <span class="muted small">{t(lang, R::Background)}</span>
                    <ul class="plain cites related">{related.iter().map(|c| citation_view(c, lang)).collect_view()}</ul>
                </div>
            }
        });
        view! {
            <div class="finding-sources guidance-basis" data-testid="finding-basis-guidance">
                <span class="muted small">{t(lang, R::Sources)}</span>
                <strong class="small">{t(lang, R::GuidanceBasis)}</strong>
            </div>
            {background}
        }
        .into_any()
    } else {
        let related_list = (!related.is_empty()).then(|| {
            view! {
                <details class="sources">
                    <summary>{t(lang, R::Related)}</summary>
                    <ul class="plain cites related">{related.iter().map(|c| citation_view(c, lang)).collect_view()}</ul>
                </details>
            }
        });
        view! {
            <div class="finding-sources">
                <span class="muted small">{t(lang, R::Sources)}</span>
                <ul class="plain cites">{primary.iter().map(|c| citation_view(c, lang)).collect_view()}</ul>
            </div>
            {related_list}
        }
        .into_any()
    };
    view! {
        <li class=severity_class(f.severity) data-testid="finding" data-rule-id=f.rule.id
            data-strength=f.strength.key()>
            <div class="finding-badges">
                {strength_badge(f.strength, lang)}
                {f.is_unverified().then(|| unverified_badge(lang))}
                <span class="creditor small"><span class="muted">{t(lang, R::Creditor)}</span>{f.creditor.label(lang)}</span>
            </div>
            <p class="measure"><span class="muted">{t(lang, R::YourLog)}</span><strong>{f.describe(lang)}</strong></p>
            <p class="lead-text">{sentence(lang, f.lead(lang))}</p>
            {sources}
            {contacts}
        </li>
    }
}

#[component]
fn InfoRule(rule: &'static Rule, lang: Lang) -> impl IntoView {
    let unverified = rule.unverified || rule.primary.iter().any(|c| c.mark == Mark::U);
    view! {
        <li class="info-rule" data-testid="info-rule" data-rule-id=rule.id>
            <strong>{rule.title.get(lang)}</strong>" "
            <code class="rule-id" title=t(lang, R::RuleId)>{rule.id}</code>
            <div class="finding-badges">
                {strength_badge(rule.strength(), lang)}
                {unverified.then(|| unverified_badge(lang))}
            </div>
            <p class="small">{rule.explanation.get(lang)}</p>
            <ul class="plain cites">{rule.primary.iter().map(|c| citation_view(c, lang)).collect_view()}</ul>
        </li>
    }
}

#[component]
fn Charts() -> impl IntoView {
    let state = use_app();
    let per_day = Memo::new(move |_| state.case.with(rules::per_day));
    let week_hour = Memo::new(move |_| state.case.with(rules::week_hour));
    let agreement_days = Memo::new(move |_| {
        state.case.with(|c| {
            let mut days: Vec<NaiveDate> = c.agreements.iter().map(|a| a.date_reached).collect();
            days.sort();
            days.dedup();
            days
        })
    });
    view! {
        <section class="panel rules-charts" data-testid="rules-charts">
            <h2>{move || state.t(R::ChartsTitle)}</h2>
            <p class="muted small">{move || state.t(R::ChartsNote)}</p>
            <div class="chart-grid">
                {move || {
                    let lang = state.lang.get();
                    let j = state.case.with(|c| c.settings.jurisdiction);
                    let label = t(lang, R::ChartAgreement).to_string();
                    let markers = agreement_days.get().into_iter().map(|d| (d, label.clone())).collect::<Vec<_>>();
                    view! { <PerDayChart data=per_day.get() markers=markers limit=daily_limit(j) lang=lang /> }
                }}
                {move || {
                    let lang = state.lang.get();
                    let (flags, band) = off_hours(allowed_hours(state.case.with(|c| c.settings.jurisdiction)));
                    view! { <HeatMap grid=week_hour.get() off_hours=flags band_label=band lang=lang /> }
                }}
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chart_figures_come_from_the_catalog() {
        assert_eq!(daily_limit(Jurisdiction::Cn), Some(3));
        assert_eq!(daily_limit(Jurisdiction::Us), None);
        let (cn, label) = off_hours(allowed_hours(Jurisdiction::Cn));
        assert_eq!(label, "22:00–08:00");
        assert!(cn[7] && !cn[8] && !cn[21] && cn[22] && cn[23] && cn[0]);
        let (us, label) = off_hours(allowed_hours(Jurisdiction::Us));
        assert_eq!(label, "21:00–08:00");
        assert!(us[21] && !us[20] && us[7] && !us[8]);
        let (hk, label) = off_hours(allowed_hours(Jurisdiction::Hk));
        assert!(hk.iter().all(|f| !f) && label.is_empty());
    }

    #[test]
    fn leads_become_sentences() {
        assert_eq!(sentence(Lang::En, "may breach X".into()), "May breach X.");
        assert_eq!(sentence(Lang::ZhCn, "可能违反X".into()), "可能违反X。");
    }
}
