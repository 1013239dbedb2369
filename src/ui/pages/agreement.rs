//! Agreement page: the user's debts, the agreements negotiated for each (the
//! latest governs), the repayment schedule with each instalment's status, the
//! payments made, the checklist of what to secure, and a calendar export.
//!
//! Every rule lives in `domain::agreement`; this file only parses form text,
//! calls the core and shows what it says.

use std::sync::atomic::{AtomicU32, Ordering};

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use crate::domain::agreement::{
    self as core, AgreementDraft, AgreementError, AgreementWarning, ChecklistError, ChecklistItem,
    InstalmentState, InstalmentStatus, LineError, PaymentDraft, PaymentError, ScheduleError,
    CHECKLIST, MAX_INSTALMENTS,
};
use crate::domain::codec::ics;
use crate::domain::labels;
use crate::domain::model::{
    Agency, Agreement, AgreementKind, ChecklistStatus, Debt, Instalment, LenderType, Money,
    NegotiationChannel, Payment, Product,
};
use crate::domain::money::{self, MoneyError};
use crate::domain::numberbook;
use crate::domain::time;
use crate::i18n::agreement::AgreementKey as K;
use crate::i18n::{fill, Key, Text};
use crate::storage::DraftForm;
use crate::storage::SaveError;
use crate::ui::browser;
use crate::ui::files;
use crate::ui::pages::contacts::changed_hashes;
use crate::ui::route::Page;
use crate::ui::state::{use_app, AppState, Changed};
use crate::ui::widgets::{code, SaveFailed};

const PRODUCTS: [Product; 4] = [
    Product::OnlineLoan,
    Product::CreditCard,
    Product::ConsumerLoan,
    Product::Other,
];
const LENDER_TYPES: [LenderType; 5] = [
    LenderType::BankCard,
    LenderType::BankLoan,
    LenderType::ConsumerFinance,
    LenderType::OnlinePlatform,
    LenderType::Unknown,
];
const KINDS: [AgreementKind; 5] = [
    AgreementKind::Instalments,
    AgreementKind::Extension,
    AgreementKind::ReducedInterest,
    AgreementKind::PartialWaiver,
    AgreementKind::Other,
];
const CHANNELS: [NegotiationChannel; 5] = [
    NegotiationChannel::OfficialHotline,
    NegotiationChannel::App,
    NegotiationChannel::Letter,
    NegotiationChannel::InPerson,
    NegotiationChannel::CollectorPhone,
];

// ---------------------------------------------------------------------------
// Small helpers: ids, parsing form text, words
// ---------------------------------------------------------------------------

static ID_COUNTER: AtomicU32 = AtomicU32::new(0);

/// "d1767225600000-3": the clock in ms plus a per-session counter.
fn new_id(prefix: &str) -> String {
    let n = ID_COUNTER.fetch_add(1, Ordering::Relaxed);
    format!("{prefix}{}-{n}", browser::now().timestamp_millis())
}

/// Today in the case's time zone (rules and statuses use the user's calendar).
fn today_memo(state: AppState) -> Memo<NaiveDate> {
    Memo::new(move |_| {
        let tz = state.case.with(|c| time::zone(&c.settings.time_zone));
        time::utc_to_zone(browser::now(), tz).date_naive()
    })
}

fn parse_date(text: &str) -> Result<NaiveDate, K> {
    let t = text.trim();
    if t.is_empty() {
        return Err(K::ErrRequired);
    }
    let d = NaiveDate::parse_from_str(t, "%Y-%m-%d").map_err(|_| K::ErrBadDate)?;
    // Only years a backup may hold, so the agreement can be exported and read back.
    if !time::YEARS.contains(&d.year()) {
        return Err(K::ErrDateOutOfRange);
    }
    Ok(d)
}

fn money_error(e: MoneyError) -> K {
    match e {
        MoneyError::Empty => K::ErrRequired,
        MoneyError::NotANumber => K::ErrAmountNotNumber,
        MoneyError::TooManyDecimals => K::ErrAmountDecimals,
        MoneyError::NotPositive => K::ErrAmountNotPositive,
        MoneyError::TooLarge => K::ErrAmountTooLarge,
    }
}

fn parse_amount(text: &str) -> Result<Money, K> {
    money::parse_positive(text).map_err(money_error)
}

/// Empty means "not stated".
fn parse_optional_amount(text: &str) -> Result<Option<Money>, K> {
    if text.trim().is_empty() {
        Ok(None)
    } else {
        parse_amount(text).map(Some)
    }
}

fn amount_input(m: Money) -> String {
    if m.0 > 0 {
        money::format(m)
    } else {
        String::new()
    }
}

fn with_currency(m: Money, currency: &str) -> String {
    format!("{} {currency}", money::format(m))
}

fn split_numbers(text: &str) -> Vec<String> {
    text.split([',', '，', ';', '；', '、', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

fn status_key(status: InstalmentStatus, paid_late: bool) -> K {
    match status {
        InstalmentStatus::Paid if paid_late => K::StatusPaidLate,
        InstalmentStatus::Paid => K::StatusPaid,
        InstalmentStatus::Overdue => K::StatusOverdue,
        InstalmentStatus::DueToday => K::StatusDueToday,
        InstalmentStatus::DueSoon => K::StatusDueSoon,
        InstalmentStatus::PartlyPaid => K::StatusPartlyPaid,
        InstalmentStatus::Upcoming => K::StatusUpcoming,
    }
}

fn status_class(s: InstalmentStatus) -> &'static str {
    match s {
        InstalmentStatus::Paid => "st-paid",
        InstalmentStatus::Overdue => "st-overdue",
        InstalmentStatus::DueToday => "st-today",
        InstalmentStatus::DueSoon => "st-soon",
        InstalmentStatus::PartlyPaid => "st-partly",
        InstalmentStatus::Upcoming => "st-upcoming",
    }
}

fn line_error(e: LineError) -> (&'static str, K) {
    match e {
        LineError::NoSuchLine => ("row", K::ErrNoSuchLine),
        LineError::AmountNotPositive => ("amount", K::ErrAmountNotPositive),
        LineError::DueBeforeAgreement => ("due", K::ErrDueBeforeAgreement),
        LineError::TooManyInstalments => ("row", K::ErrTooManyLines),
    }
}

fn checklist_error(e: ChecklistError) -> K {
    match e {
        ChecklistError::CriticalNotApplicable => K::ErrCriticalNotApplicable,
        ChecklistError::DuplicateProof => K::ErrDuplicateProof,
        ChecklistError::UnknownItem | ChecklistError::NoSuchProof => K::ErrUnknownItem,
    }
}

fn checklist_status_key(s: ChecklistStatus) -> K {
    match s {
        ChecklistStatus::Todo => K::StatusTodo,
        ChecklistStatus::Done => K::StatusDone,
        ChecklistStatus::NotApplicable => K::StatusNotApplicable,
    }
}

/// Field → error of a form.
type Errors = RwSignal<Vec<(&'static str, K)>>;

fn error_of(errors: Errors, field: &'static str) -> Signal<Option<K>> {
    Signal::derive(move || errors.with(|v| v.iter().find(|(f, _)| *f == field).map(|(_, k)| *k)))
}

/// Error text; `{0}` is the instalment limit where a message names it.
fn error_text(state: AppState, k: K) -> String {
    fill(state.t(k), &[&MAX_INSTALMENTS.to_string()])
}

/// Apply `f` to a copy of agreement `id`; store the copy only if the core
/// accepted the change, so a refused edit changes nothing (not even the
/// signal). A failed write is reported by the shell's storage banner; the
/// change stays in memory and is retried.
fn edit_agreement<E>(
    state: AppState,
    id: &str,
    f: impl FnOnce(&mut Agreement) -> Result<(), E>,
) -> Result<(), E> {
    let Some(mut a) = state
        .case
        .with_untracked(|c| c.agreements.iter().find(|a| a.id == id).cloned())
    else {
        return Ok(());
    };
    f(&mut a)?;
    let _ = state.apply(
        |case| match case.agreements.iter_mut().find(|x| x.id == a.id) {
            Some(slot) => {
                *slot = a;
                vec![Changed::Agreements]
            }
            None => vec![],
        },
    );
    Ok(())
}

// ---------------------------------------------------------------------------
// Form pieces
// ---------------------------------------------------------------------------

/// The kept new-agreement draft of this debt, if the user typed something.
fn agreement_draft(state: AppState, debt_id: &str) -> Option<AgreementDraft> {
    state
        .draft::<AgreementDraft>(DraftForm::Agreement)
        .filter(|d| d.has_input() && d.debt_id == debt_id)
}

#[component]
fn TextIn(
    label: K,
    testid: &'static str,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(optional)] hint: Option<K>,
    #[prop(optional, into)] error: Signal<Option<K>>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="field" class:invalid=move || error.get().is_some()>
            <span class="field-label">{move || state.t(label)}</span>
            <input autocomplete="off" type=kind data-testid=testid inputmode=inputmode prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true") />
            {hint.map(|h| view! { <span class="hint">{move || state.t(h)}</span> })}
            {move || error.get().map(|e| view! {
                <span class="error" role="alert" data-testid=format!("{testid}-error")>{error_text(state, e)}</span>
            })}
        </label>
    }
}

#[component]
fn TextBox(
    label: K,
    testid: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<K>,
) -> impl IntoView {
    let state = use_app();
    view! {
        <label class="field">
            <span class="field-label">{move || state.t(label)}</span>
            <textarea autocomplete="off" data-testid=testid rows="3" prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))></textarea>
            {hint.map(|h| view! { <span class="hint">{move || state.t(h)}</span> })}
        </label>
    }
}

#[component]
fn EnumSelect<T>(
    label: K,
    testid: &'static str,
    options: &'static [T],
    value: RwSignal<T>,
    words: fn(T) -> Text,
) -> impl IntoView
where
    T: Copy + PartialEq + serde::Serialize + Send + Sync + 'static,
{
    let state = use_app();
    view! {
        <label class="field">
            <span class="field-label">{move || state.t(label)}</span>
            <select autocomplete="off" data-testid=testid on:change=move |ev| {
                let v = event_target_value(&ev);
                if let Some(x) = options.iter().copied().find(|o| code(o) == v) {
                    value.set(x);
                }
            }>
                {options.iter().copied().map(|o| view! {
                    <option value=code(&o) selected=move || value.get() == o>{move || words(o).get(state.lang.get())}</option>
                }).collect_view()}
            </select>
        </label>
    }
}

// ---------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq)]
enum DebtMode {
    Closed,
    New,
    Edit(String),
}

#[component]
pub fn AgreementPage() -> impl IntoView {
    let state = use_app();
    let today = today_memo(state);
    let selected = RwSignal::new(None::<String>);
    let debts = Memo::new(move |_| {
        state.case.with(|c| {
            c.debts
                .iter()
                .map(|d| (d.id.clone(), d.lender.clone()))
                .collect::<Vec<_>>()
        })
    });
    let mode = RwSignal::new(if debts.get_untracked().is_empty() {
        DebtMode::New
    } else {
        DebtMode::Closed
    });
    // The debt shown: the one picked, else the first.
    let debt_id = Memo::new(move |_| {
        let list = debts.get();
        selected
            .get()
            .filter(|id| list.iter().any(|(d, _)| d == id))
            .or_else(|| list.first().map(|(d, _)| d.clone()))
    });
    let debt = Memo::new(move |_| {
        let id = debt_id.get();
        state.case.with(|c| id.and_then(|id| c.debt(&id).cloned()))
    });
    let saved = RwSignal::new(false);
    let on_saved = Callback::new(move |id: String| {
        selected.set(Some(id));
        mode.set(DebtMode::Closed);
        saved.set(true);
    });
    let on_cancel = Callback::new(move |()| mode.set(DebtMode::Closed));
    // The agreement shown: the one picked for this debt, else the governing one.
    let agreement_sel = RwSignal::new(None::<String>);
    let current = Memo::new(move |_| {
        let did = debt_id.get()?;
        let sel = agreement_sel.get();
        state.case.with(|c| {
            sel.filter(|id| c.agreements.iter().any(|a| &a.id == id && a.debt_id == did))
                .or_else(|| c.governing_agreement(&did).map(|a| a.id.clone()))
        })
    });
    let currency = Memo::new(move |_| {
        debt.with(|d| d.as_ref().map(|d| d.currency.clone()).unwrap_or_default())
    });
    let lender =
        Memo::new(move |_| debt.with(|d| d.as_ref().map(|d| d.lender.clone()).unwrap_or_default()));

    view! {
        <div class="agreement-page" data-testid="agreement-page">
            <h1 data-testid="page-title">{move || state.t(Key::NavAgreement)}</h1>
            <p class="muted">{move || state.t(K::PageIntro)}</p>
            {move || current.get().map(|id| view! { <CurrentOverview id=id lender=lender currency=currency today=today /> })}
            <IcsExport />

            <section class="panel debts" data-testid="debts-panel">
                <h2>{move || state.t(K::DebtsTitle)}</h2>
                <Show when=move || debts.with(|d| d.is_empty())>
                    <p class="muted" data-testid="debts-empty">{move || state.t(K::DebtsEmpty)}</p>
                </Show>
                <Show when=move || { debts.with(|d| d.len() > 1) }>
                    <div class="chips debt-tabs" role="group" aria-label=move || state.t(K::DebtChoose)>
                        {move || debts.get().into_iter().map(|(id, lender)| {
                            let id_pressed = id.clone();
                            let id_click = id.clone();
                            view! {
                                <button type="button" class="chip" data-testid="debt-tab" data-debt-id=id
                                    aria-pressed=move || (debt_id.get().as_deref() == Some(id_pressed.as_str())).to_string()
                                    on:click=move |_| { selected.set(Some(id_click.clone())); mode.set(DebtMode::Closed); saved.set(false); }>
                                    {lender}
                                </button>
                            }
                        }).collect_view()}
                    </div>
                </Show>
                {move || match mode.get() {
                    DebtMode::New => view! {
                        <DebtForm existing=None on_saved=on_saved on_cancel=on_cancel
                            can_cancel=debts.with_untracked(|d| !d.is_empty()) />
                    }.into_any(),
                    DebtMode::Edit(id) => {
                        let existing = state.case.with_untracked(|c| c.debt(&id).cloned());
                        view! { <DebtForm existing=existing on_saved=on_saved on_cancel=on_cancel can_cancel=true /> }.into_any()
                    }
                    DebtMode::Closed => view! {
                        {move || debt.get().map(|d| debt_facts(state, &d))}
                        <div class="row">
                            <Show when=move || debt_id.with(Option::is_some)>
                                <button type="button" data-testid="debt-edit" on:click=move |_| {
                                    if let Some(id) = debt_id.get_untracked() { saved.set(false); mode.set(DebtMode::Edit(id)); }
                                }>{move || state.t(K::DebtEdit)}</button>
                            </Show>
                            <button type="button" data-testid="debt-add" on:click=move |_| { saved.set(false); mode.set(DebtMode::New) }>
                                "+ "{move || state.t(K::DebtAdd)}
                            </button>
                        </div>
                        <Show when=move || saved.get()>
                            <p class="ok-box" role="status" data-testid="debt-saved">{move || state.t(K::DebtSaved)}</p>
                        </Show>
                    }.into_any(),
                }}
            </section>

            {move || debt_id.get().map(|id| view! { <NumberBook debt_id=id /> })}
            {move || debt_id.get().map(|id| view! {
                <DebtAgreements debt_id=id selected=agreement_sel current=current currency=currency today=today />
            })}
        </div>
    }
}

fn debt_facts(state: AppState, d: &Debt) -> impl IntoView {
    let lang = state.lang.get();
    let t = |k: K| crate::i18n::t(lang, k);
    let mut rows: Vec<(&'static str, String)> = vec![
        (
            t(K::FieldProduct),
            labels::product(d.product).get(lang).into(),
        ),
        (
            t(K::FieldLenderType),
            labels::lender_type(d.lender_type).get(lang).into(),
        ),
    ];
    for (k, v) in [
        (K::FieldDebtReference, &d.reference),
        (K::FieldHotline, &d.hotline),
        (K::FieldAppOrSite, &d.app_or_site),
    ] {
        if !v.is_empty() {
            rows.push((t(k), v.clone()));
        }
    }
    for (k, m) in [
        (K::FieldOriginalAmount, d.original_amount),
        (K::FieldOverdueAmount, d.overdue_amount),
    ] {
        if m.0 > 0 {
            rows.push((t(k), with_currency(m, &d.currency)));
        }
    }
    for a in &d.agencies {
        let text = if a.numbers.is_empty() {
            a.name.clone()
        } else {
            format!("{} ({})", a.name, a.numbers.join(", "))
        };
        rows.push((t(K::AgenciesTitle), text));
    }
    let hotline = (!d.hotline.is_empty()).then(|| format!("{} {}", t(K::FieldHotline), d.hotline));
    view! {
        <details class="debt-details">
            <summary data-testid="debt-summary">
                <span class="debt-name" data-testid="debt-name">{d.lender.clone()}</span>
                {hotline.map(|h| view! { <span class="muted small">{h}</span> })}
            </summary>
            <dl class="facts" data-testid="debt-facts">
                {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd class="pre">{v}</dd> }).collect_view()}
            </dl>
        </details>
    }
}

// ---------------------------------------------------------------------------
// Number book
// ---------------------------------------------------------------------------

/// The debt's numbers and, when past contacts from them are tied to no
/// lender, the offer to tie them to this one (a preview, one confirmation).
#[component]
fn NumberBook(debt_id: String) -> impl IntoView {
    let state = use_app();
    let id = StoredValue::new(debt_id);
    let book = Memo::new(move |_| state.case.with(|c| numberbook::entries(c, &id.get_value())));
    let offer = Memo::new(move |_| {
        state
            .case
            .with(|c| numberbook::past_to_attribute(c, &id.get_value()))
    });
    let preview =
        Memo::new(move |_| offer.with(|s| state.case.with(|c| numberbook::by_number(c, s))));
    let lender = Memo::new(move |_| {
        state.case.with(|c| {
            c.debt(&id.get_value())
                .map(|d| d.lender.clone())
                .unwrap_or_default()
        })
    });
    let done = RwSignal::new(None::<usize>);
    let failed = RwSignal::new(false);
    let confirm = move |_| {
        let seqs = offer.get_untracked();
        let now = browser::now();
        let mut tied = Ok(0);
        let result = state.apply(|case| {
            let before: Vec<(u32, String)> = case
                .contacts
                .iter()
                .map(|c| (c.seq, c.hash.clone()))
                .collect();
            tied = numberbook::attribute_past(case, &id.get_value(), &seqs, now);
            changed_hashes(case, &before)
        });
        match (result, tied) {
            (Ok(()), Ok(n)) => {
                failed.set(false);
                done.set(Some(n));
            }
            _ => failed.set(true),
        }
    };
    let origin = move |o: &numberbook::Origin| match o {
        numberbook::Origin::Hotline => state.t(K::NumberFromHotline).to_string(),
        numberbook::Origin::Agency(name) => name.clone(),
        numberbook::Origin::Learned => state.t(K::NumberFromLog).to_string(),
    };
    view! {
        <section class="panel number-book" data-testid="number-book">
            <h2>{move || state.t(K::NumberBookTitle)}</h2>
            <p class="hint">{move || state.t(K::NumberBookHint)}</p>
            {move || if book.with(Vec::is_empty) {
                view! { <p class="muted" data-testid="number-book-empty">{state.t(K::NumberBookEmpty)}</p> }.into_any()
            } else {
                view! {
                    <ul class="plain">
                        {book.get().into_iter().map(|e| view! {
                            <li data-testid="number-book-entry">
                                <span class="number">{e.number}</span>" · "{origin(&e.origin)}" · "
                                <span class="muted">{fill(state.t(K::NumberContactCount), &[&e.contacts.to_string()])}</span>
                            </li>
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <Show when=move || !offer.with(Vec::is_empty)>
                <div class="banner warn" data-testid="attribute-offer">
                    <p>{move || fill(state.t(K::AttributeOffer), &[&offer.with(Vec::len).to_string(), &lender.get()])}</p>
                    <ul class="plain" data-testid="attribute-preview">
                        {move || preview.get().into_iter().map(|(n, count)| view! {
                            <li>{n}" · "{fill(state.t(K::NumberContactCount), &[&count.to_string()])}</li>
                        }).collect_view()}
                    </ul>
                    <button type="button" class="primary" data-testid="attribute-confirm" on:click=confirm>
                        {move || state.t(K::AttributeConfirm)}
                    </button>
                </div>
            </Show>
            {move || done.get().map(|n| view! {
                <p class="ok-box" role="status" data-testid="attribute-done">{fill(state.t(K::AttributeDone), &[&n.to_string()])}</p>
            })}
            <Show when=move || failed.get()>
                <p class="error" role="alert" data-testid="attribute-failed">{move || state.t(Key::SaveFailedDraftKept)}</p>
            </Show>
        </section>
    }
}

// ---------------------------------------------------------------------------
// Debt form
// ---------------------------------------------------------------------------

#[derive(Clone, Copy)]
struct AgencyRow {
    key: u32,
    name: RwSignal<String>,
    numbers: RwSignal<String>,
}

impl AgencyRow {
    fn new(name: String, numbers: String) -> Self {
        AgencyRow {
            key: ID_COUNTER.fetch_add(1, Ordering::Relaxed),
            name: RwSignal::new(name),
            numbers: RwSignal::new(numbers),
        }
    }
}

#[component]
fn DebtForm(
    existing: Option<Debt>,
    on_saved: Callback<String>,
    on_cancel: Callback<()>,
    can_cancel: bool,
) -> impl IntoView {
    let state = use_app();
    let editing = existing.is_some();
    let base = existing.unwrap_or_default();
    let lender = RwSignal::new(base.lender.clone());
    let product = RwSignal::new(base.product);
    let lender_type = RwSignal::new(base.lender_type);
    let reference = RwSignal::new(base.reference.clone());
    let hotline = RwSignal::new(base.hotline.clone());
    let app_or_site = RwSignal::new(base.app_or_site.clone());
    let original = RwSignal::new(amount_input(base.original_amount));
    let overdue = RwSignal::new(amount_input(base.overdue_amount));
    let currency = RwSignal::new(if base.currency.is_empty() {
        crate::domain::model::default_currency()
    } else {
        base.currency.clone()
    });
    let agencies = RwSignal::new(
        base.agencies
            .iter()
            .map(|a| AgencyRow::new(a.name.clone(), a.numbers.join(", ")))
            .collect::<Vec<_>>(),
    );
    let errors: Errors = RwSignal::new(Vec::new());
    let save_failed = RwSignal::new(None::<SaveError>);
    let base = StoredValue::new(base);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errs = Vec::new();
        let name = lender.get_untracked().trim().to_string();
        if name.is_empty() {
            errs.push(("debt-lender", K::ErrRequired));
        }
        let mut amount = |field, text: String| match parse_optional_amount(&text) {
            Ok(m) => m.unwrap_or_default(),
            Err(k) => {
                errs.push((field, k));
                Money::default()
            }
        };
        let original_amount = amount("debt-original", original.get_untracked());
        let overdue_amount = amount("debt-overdue", overdue.get_untracked());
        let mut cur = currency.get_untracked().trim().to_ascii_uppercase();
        if cur.is_empty() {
            cur = crate::domain::model::default_currency();
        }
        if !(cur.len() == 3 && cur.chars().all(|c| c.is_ascii_alphabetic())) {
            errs.push(("debt-currency", K::ErrCurrency));
        }
        errors.set(errs);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        let mut debt = base.get_value();
        if debt.id.is_empty() {
            debt.id = new_id("d");
        }
        debt.lender = name;
        debt.product = product.get_untracked();
        debt.lender_type = lender_type.get_untracked();
        debt.reference = reference.get_untracked().trim().to_string();
        debt.hotline = hotline.get_untracked().trim().to_string();
        debt.app_or_site = app_or_site.get_untracked().trim().to_string();
        debt.original_amount = original_amount;
        debt.overdue_amount = overdue_amount;
        debt.currency = cur;
        debt.agencies = agencies
            .get_untracked()
            .iter()
            .map(|r| Agency {
                name: r.name.get_untracked().trim().to_string(),
                numbers: split_numbers(&r.numbers.get_untracked()),
            })
            .filter(|a| !a.name.is_empty() || !a.numbers.is_empty())
            .collect();
        let id = debt.id.clone();
        let result = state.apply(|case| {
            match case.debts.iter_mut().find(|d| d.id == debt.id) {
                Some(slot) => *slot = debt,
                None => case.debts.push(debt),
            }
            vec![Changed::Debts]
        });
        save_failed.set(result.clone().err());
        if result.is_ok() {
            on_saved.run(id);
        }
    };

    view! {
        <form class="debt-form" on:submit=submit novalidate data-testid="debt-form">
            <h3>{move || state.t(if editing { K::DebtEditTitle } else { K::DebtNewTitle })}</h3>
            <TextIn label=K::FieldLender testid="debt-lender" value=lender error=error_of(errors, "debt-lender") />
            <div class="grid2">
                <EnumSelect label=K::FieldProduct testid="debt-product" options=&PRODUCTS value=product words=labels::product />
                <EnumSelect label=K::FieldLenderType testid="debt-lender-type" options=&LENDER_TYPES value=lender_type words=labels::lender_type />
                <TextIn label=K::FieldDebtReference testid="debt-reference" value=reference />
                <TextIn label=K::FieldHotline testid="debt-hotline" kind="tel" value=hotline hint=K::HotlineHint />
                <TextIn label=K::FieldAppOrSite testid="debt-app" value=app_or_site />
                <TextIn label=K::FieldCurrency testid="debt-currency" value=currency error=error_of(errors, "debt-currency") />
                <TextIn label=K::FieldOriginalAmount testid="debt-original" inputmode="decimal" value=original
                    hint=K::OptionalHint error=error_of(errors, "debt-original") />
                <TextIn label=K::FieldOverdueAmount testid="debt-overdue" inputmode="decimal" value=overdue
                    hint=K::OptionalHint error=error_of(errors, "debt-overdue") />
            </div>
            <fieldset class="bare agencies">
                <legend class="field-label">{move || state.t(K::AgenciesTitle)}</legend>
                <p class="hint">{move || state.t(K::AgenciesHint)}</p>
                {move || agencies.get().into_iter().map(|row| view! {
                    <div class="agency-row" data-testid="agency-row">
                        <TextIn label=K::FieldAgencyName testid="agency-name" value=row.name />
                        <TextIn label=K::FieldAgencyNumbers testid="agency-numbers" kind="tel" value=row.numbers />
                        <button type="button" class="subtle" data-testid="agency-remove"
                            on:click=move |_| agencies.update(|v| v.retain(|r| r.key != row.key))>
                            {move || state.t(Key::Remove)}
                        </button>
                    </div>
                }).collect_view()}
                <button type="button" data-testid="agency-add"
                    on:click=move |_| agencies.update(|v| v.push(AgencyRow::new(String::new(), String::new())))>
                    "+ "{move || state.t(K::AgencyAdd)}
                </button>
            </fieldset>
            <div class="form-actions">
                <button type="submit" class="primary big" data-testid="debt-save">{move || state.t(Key::Save)}</button>
                {can_cancel.then(|| view! {
                    <button type="button" class="subtle" data-testid="debt-cancel" on:click=move |_| on_cancel.run(())>
                        {move || state.t(Key::Cancel)}
                    </button>
                })}
            </div>
            <Show when=move || !errors.with(Vec::is_empty)>
                <p class="error" role="alert" data-testid="debt-form-errors">{move || state.t(K::FixFieldsAbove)}</p>
            </Show>
            <SaveFailed error=save_failed testid="debt-save-failed" />
        </form>
    }
}

// ---------------------------------------------------------------------------
// Agreements of one debt
// ---------------------------------------------------------------------------

#[component]
fn DebtAgreements(
    debt_id: String,
    selected: RwSignal<Option<String>>,
    current: Memo<Option<String>>,
    currency: Memo<String>,
    today: Memo<NaiveDate>,
) -> impl IntoView {
    let state = use_app();
    let debt_key = StoredValue::new(debt_id);
    // (id, date reached, kind, governing), newest first.
    let list = Memo::new(move |_| {
        state.case.with(|c| {
            debt_key.with_value(|did| {
                let governing = c.governing_agreement(did).map(|a| a.id.clone());
                let mut v: Vec<(String, NaiveDate, AgreementKind, bool)> = c
                    .agreements
                    .iter()
                    .filter(|a| &a.debt_id == did)
                    .map(|a| {
                        let gov = governing.as_deref() == Some(a.id.as_str());
                        (a.id.clone(), a.date_reached, a.kind, gov)
                    })
                    .collect();
                v.sort_by(|a, b| b.1.cmp(&a.1).then(b.0.cmp(&a.0)));
                v
            })
        })
    });
    let draft_waits = debt_key.with_value(|did| agreement_draft(state, did).is_some());
    let creating = RwSignal::new(list.get_untracked().is_empty() || draft_waits);
    let saved = RwSignal::new(false);
    let on_saved = Callback::new(move |id: String| {
        selected.set(Some(id));
        creating.set(false);
        saved.set(true);
    });
    let on_cancel = Callback::new(move |()| creating.set(false));
    view! {
        <section class="panel agreements" data-testid="agreements-panel">
            <h2>{move || state.t(K::AgreementsTitle)}</h2>
            <Show when=move || list.with(Vec::is_empty) && !creating.get()>
                <p class="muted" data-testid="agreements-empty">{move || state.t(K::AgreementsEmpty)}</p>
            </Show>
            <Show when=move || list.with(|l| l.len() > 1)>
                <p class="hint">{move || state.t(K::GoverningHint)}</p>
                <div class="chips agreement-tabs" role="group">
                    {move || list.get().into_iter().map(|(id, date, kind, gov)| {
                        let id_pressed = id.clone();
                        let id_click = id.clone();
                        view! {
                            <button type="button" class="chip" data-testid="agreement-tab" data-agreement-id=id
                                aria-pressed=move || (current.get().as_deref() == Some(id_pressed.as_str())).to_string()
                                on:click=move |_| { selected.set(Some(id_click.clone())); creating.set(false); saved.set(false); }>
                                {date.to_string()}" · "{move || labels::agreement_kind(kind).get(state.lang.get())}
                                <span class="badge" class:governing=gov>{move || state.t(if gov { K::Governing } else { K::Superseded })}</span>
                            </button>
                        }
                    }).collect_view()}
                </div>
            </Show>
            <Show when=move || creating.get()
                fallback=move || view! {
                    <button type="button" data-testid="agreement-add" on:click=move |_| { saved.set(false); creating.set(true) }>
                        "+ "{move || state.t(K::AgreementAdd)}
                    </button>
                }>
                <AgreementForm debt_id=debt_key.get_value() existing=None today=today on_saved=on_saved on_cancel=on_cancel
                    can_cancel=list.with_untracked(|l| !l.is_empty()) />
            </Show>
            <Show when=move || saved.get()>
                <p class="ok-box" role="status" data-testid="agreement-saved">{move || state.t(K::AgreementSaved)}</p>
            </Show>
        </section>
        {move || current.get().map(|id| view! { <AgreementDetail id=id currency=currency today=today /> })}
    }
}

#[component]
fn AgreementForm(
    debt_id: String,
    existing: Option<Agreement>,
    today: Memo<NaiveDate>,
    on_saved: Callback<String>,
    on_cancel: Callback<()>,
    can_cancel: bool,
) -> impl IntoView {
    let state = use_app();
    let editing = existing.is_some();
    let kept = if editing {
        None
    } else {
        agreement_draft(state, &debt_id)
    };
    let restored = RwSignal::new(kept.is_some());
    let base = existing.unwrap_or_else(|| Agreement {
        debt_id,
        date_reached: today.get_untracked(),
        ..Agreement::default()
    });
    let typed = kept.unwrap_or_else(|| AgreementDraft {
        debt_id: base.debt_id.clone(),
        kind: base.kind,
        date: base.date_reached.to_string(),
        channel: base.channel,
        agent: base.agent.clone(),
        reference: base.reference.clone(),
        terms: base.terms.clone(),
        total: base.agreed_total.map(amount_input).unwrap_or_default(),
    });
    let kind = RwSignal::new(typed.kind);
    let date = RwSignal::new(typed.date);
    let channel = RwSignal::new(typed.channel);
    let agent = RwSignal::new(typed.agent);
    let reference = RwSignal::new(typed.reference);
    let terms = RwSignal::new(typed.terms);
    let total = RwSignal::new(typed.total);
    let debt_of_draft = typed.debt_id;
    if !editing {
        state.keep_draft(DraftForm::Agreement, move || {
            let d = AgreementDraft {
                debt_id: debt_of_draft.clone(),
                kind: kind.get(),
                date: date.get(),
                channel: channel.get(),
                agent: agent.get(),
                reference: reference.get(),
                terms: terms.get(),
                total: total.get(),
            };
            d.has_input().then_some(d)
        });
    }
    let errors: Errors = RwSignal::new(Vec::new());
    let general = RwSignal::new(false);
    let save_failed = RwSignal::new(None::<SaveError>);
    let base = StoredValue::new(base);
    // What the core says about the channel picked (a collector's word only).
    let concerns = Memo::new(move |_| {
        let probe = Agreement {
            channel: channel.get(),
            ..Agreement::default()
        };
        core::concerns(&probe)
            .into_iter()
            .map(|c| c.text)
            .collect::<Vec<_>>()
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errs = Vec::new();
        let date_reached = parse_date(&date.get_untracked())
            .map_err(|k| errs.push(("agreement-date", k)))
            .ok();
        let agreed_total = parse_optional_amount(&total.get_untracked())
            .map_err(|k| errs.push(("agreement-total", k)))
            .ok()
            .flatten();
        general.set(false);
        // Edit the stored version (payments or checklist may have changed since the form opened).
        let mut a = base.with_value(|b| {
            state
                .case
                .with_untracked(|c| c.agreements.iter().find(|x| x.id == b.id).cloned())
                .unwrap_or_else(|| b.clone())
        });
        if let Some(d) = date_reached {
            a.date_reached = d;
        }
        a.kind = kind.get_untracked();
        a.channel = channel.get_untracked();
        a.agent = agent.get_untracked().trim().to_string();
        a.reference = reference.get_untracked().trim().to_string();
        a.terms = terms.get_untracked().trim().to_string();
        a.agreed_total = agreed_total;
        if errs.is_empty() {
            if let Err(problems) = core::validate(&a) {
                for p in problems {
                    let e = match p {
                        AgreementError::AgreedTotalNotPositive => {
                            ("agreement-total", K::ErrAmountNotPositive)
                        }
                        AgreementError::DueBeforeAgreement { .. } => {
                            ("agreement-date", K::ErrScheduleBeforeDate)
                        }
                        _ => {
                            general.set(true);
                            continue;
                        }
                    };
                    if !errs.contains(&e) {
                        errs.push(e);
                    }
                }
            }
        }
        let failed = !errs.is_empty() || general.get_untracked();
        errors.set(errs);
        if failed {
            return;
        }
        if a.id.is_empty() {
            a.id = new_id("a");
        }
        let id = a.id.clone();
        let result = state.apply(|case| {
            match case.agreements.iter_mut().find(|x| x.id == a.id) {
                Some(slot) => *slot = a,
                None => case.agreements.push(a),
            }
            vec![Changed::Agreements]
        });
        save_failed.set(result.clone().err());
        if result.is_ok() {
            if !editing {
                state.clear_draft(DraftForm::Agreement);
            }
            on_saved.run(id);
        }
    };

    view! {
        <form class="agreement-form" on:submit=submit novalidate data-testid="agreement-form">
            <h3>{move || state.t(if editing { K::AgreementEditTitle } else { K::AgreementNewTitle })}</h3>
            <Show when=move || restored.get()>
                <p class="warning" role="status" data-testid="agreement-draft-restored">{move || state.t(Key::DraftOffered)}</p>
            </Show>
            <div class="grid2">
                <EnumSelect label=K::FieldKind testid="agreement-kind" options=&KINDS value=kind words=labels::agreement_kind />
                <TextIn label=K::FieldDateReached testid="agreement-date" kind="date" value=date error=error_of(errors, "agreement-date") />
            </div>
            <EnumSelect label=K::FieldNegotiationChannel testid="agreement-channel" options=&CHANNELS value=channel words=labels::negotiation_channel />
            {move || concerns.get().into_iter().map(|t| view! {
                <p class="banner warn" role="alert" data-testid="agreement-channel-warning">{move || t.get(state.lang.get())}</p>
            }).collect_view()}
            <div class="grid2">
                <TextIn label=K::FieldAgent testid="agreement-agent" value=agent />
                <TextIn label=K::FieldAgreementReference testid="agreement-reference" value=reference />
            </div>
            <TextBox label=K::FieldTerms testid="agreement-terms" value=terms hint=K::TermsHint />
            <TextIn label=K::FieldAgreedTotal testid="agreement-total" inputmode="decimal" value=total
                hint=K::AgreedTotalHint error=error_of(errors, "agreement-total") />
            <div class="form-actions">
                <button type="submit" class="primary big" data-testid="agreement-save">{move || state.t(Key::Save)}</button>
                {can_cancel.then(|| view! {
                    <button type="button" class="subtle" data-testid="agreement-cancel" on:click=move |_| {
                        if !editing {
                            state.clear_draft(DraftForm::Agreement);
                        }
                        on_cancel.run(())
                    }>
                        {move || state.t(Key::Cancel)}
                    </button>
                })}
            </div>
            <Show when=move || !errors.with(Vec::is_empty)>
                <p class="error" role="alert" data-testid="agreement-form-errors">{move || state.t(K::FixFieldsAbove)}</p>
            </Show>
            <Show when=move || general.get()>
                <p class="error" role="alert" data-testid="agreement-invalid">{move || state.t(K::ErrAgreementInvalid)}</p>
            </Show>
            <SaveFailed error=save_failed testid="agreement-save-failed" />
        </form>
    }
}

// ---------------------------------------------------------------------------
// One agreement
// ---------------------------------------------------------------------------

#[component]
fn AgreementDetail(id: String, currency: Memo<String>, today: Memo<NaiveDate>) -> impl IntoView {
    let state = use_app();
    let key = StoredValue::new(id);
    let a = Memo::new(move |_| {
        state
            .case
            .with(|c| key.with_value(|id| c.agreements.iter().find(|x| &x.id == id).cloned()))
    });
    let editing = RwSignal::new(false);
    let on_saved = Callback::new(move |_id: String| editing.set(false));
    let on_cancel = Callback::new(move |()| editing.set(false));

    view! {
        <div class="agreement-detail" data-testid="agreement-detail">
            <section class="panel">
                <Show when=move || !editing.get()
                    fallback=move || view! {
                        <AgreementForm debt_id=String::new() existing=a.get_untracked() today=today
                            on_saved=on_saved on_cancel=on_cancel can_cancel=true />
                    }>
                    {move || a.get().map(|a| agreement_facts(state, &a, &currency.get()))}
                    <button type="button" data-testid="agreement-edit" on:click=move |_| editing.set(true)>
                        {move || state.t(K::AgreementEdit)}
                    </button>
                </Show>
            </section>
            <Schedule key=key a=a currency=currency today=today />
            <Payments key=key a=a currency=currency today=today />
            <Checklist key=key a=a />
        </div>
    }
}

fn agreement_facts(state: AppState, a: &Agreement, currency: &str) -> impl IntoView {
    let lang = state.lang.get();
    let t = |k: K| crate::i18n::t(lang, k);
    let mut rows: Vec<(&'static str, String)> = vec![
        (
            t(K::FieldKind),
            labels::agreement_kind(a.kind).get(lang).into(),
        ),
        (t(K::FieldDateReached), a.date_reached.to_string()),
        (
            t(K::FieldNegotiationChannel),
            labels::negotiation_channel(a.channel).get(lang).into(),
        ),
    ];
    for (k, v) in [
        (K::FieldAgent, &a.agent),
        (K::FieldAgreementReference, &a.reference),
        (K::FieldTerms, &a.terms),
    ] {
        if !v.is_empty() {
            rows.push((t(k), v.clone()));
        }
    }
    if let Some(total) = a.agreed_total {
        rows.push((t(K::FieldAgreedTotal), with_currency(total, currency)));
    }
    view! {
        <dl class="facts" data-testid="agreement-facts">
            {rows.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd class="pre">{v}</dd> }).collect_view()}
        </dl>
    }
}

/// The overview of the agreement shown, at the top of the page.
#[component]
fn CurrentOverview(
    id: String,
    lender: Memo<String>,
    currency: Memo<String>,
    today: Memo<NaiveDate>,
) -> impl IntoView {
    let state = use_app();
    let a = Memo::new(move |_| {
        state
            .case
            .with(|c| c.agreements.iter().find(|x| x.id == id).cloned())
    });
    view! { <Overview a=a lender=lender currency=currency today=today /> }
}

/// Next due, warnings and totals: what the user must see first.
#[component]
fn Overview(
    a: Memo<Option<Agreement>>,
    lender: Memo<String>,
    currency: Memo<String>,
    today: Memo<NaiveDate>,
) -> impl IntoView {
    let state = use_app();
    let has_lines =
        Memo::new(move |_| a.with(|a| a.as_ref().is_some_and(|a| !a.instalments.is_empty())));
    let next = Memo::new(move |_| {
        let day = today.get();
        a.with(|a| a.as_ref().and_then(|a| core::next_due(a, day)))
    });
    let missed = Memo::new(move |_| {
        let day = today.get();
        a.with(|a| a.as_ref().and_then(|a| core::missed_warning(a, day)))
    });
    let concerns = Memo::new(move |_| {
        a.with(|a| {
            a.as_ref()
                .map(|a| {
                    core::concerns(a)
                        .into_iter()
                        .map(|c| c.text)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let critical =
        Memo::new(move |_| a.with(|a| a.as_ref().map(core::missing_critical).unwrap_or_default()));
    let totals = Memo::new(move |_| {
        let day = today.get();
        a.with(|a| a.as_ref().map(|a| core::totals(a, day)))
    });

    view! {
        <section class="overview" aria-live="polite">
            <div class="next-due panel" data-testid="next-due">
                <h2>{move || state.t(K::NextDueTitle)}<span class="next-due-lender">{move || lender.get()}</span></h2>
                {move || match (has_lines.get(), next.get()) {
                    (false, _) => view! { <p class="muted" data-testid="next-due-none">{move || state.t(K::NoSchedule)}</p> }.into_any(),
                    (true, None) => view! { <p class="ok-box" data-testid="next-due-none">{move || state.t(K::NextDueNone)}</p> }.into_any(),
                    (true, Some(n)) => view! {
                        <p class="next-due-line">
                            <span class="next-due-date" data-testid="next-due-date">{n.due.to_string()}</span>
                            <span class="next-due-amount" data-testid="next-due-amount">{move || with_currency(n.amount, &currency.get())}</span>
                        </p>
                        <span class=format!("status-badge {}", status_class(n.status)) data-testid="next-due-status">
                            {move || state.t(status_key(n.status, false))}
                        </span>
                    }.into_any(),
                }}
            </div>
            {move || missed.get().map(|t| view! {
                <div class="banner danger" role="alert" data-testid="missed-warning">{move || t.get(state.lang.get())}</div>
            })}
            {move || concerns.get().into_iter().map(|t| view! {
                <div class="banner warn" role="alert" data-testid="collector-warning">{move || t.get(state.lang.get())}</div>
            }).collect_view()}
            <Show when=move || !critical.with(Vec::is_empty)>
                <div class="banner danger" role="alert" data-testid="written-confirmation-warning">
                    <strong>{move || critical.with(|c| c.iter().map(|i: &&ChecklistItem| i.title.get(state.lang.get())).collect::<Vec<_>>().join(" · "))}</strong>
                    <p>{move || state.t(K::WrittenConfirmationMissing)}</p>
                </div>
            </Show>
            {move || totals.get().filter(|_| has_lines.get()).map(|t| {
                let cur = currency.get();
                view! {
                    <dl class="totals" data-testid="totals">
                        <div><dt>{move || state.t(K::TotalAgreed)}</dt><dd data-testid="total-agreed">{money::format(t.agreed)}" "<span class="cur">{cur.clone()}</span></dd></div>
                        <div><dt>{move || state.t(K::TotalPaid)}</dt><dd data-testid="total-paid">{money::format(t.paid)}" "<span class="cur">{cur.clone()}</span></dd></div>
                        <div><dt>{move || state.t(K::TotalRemaining)}</dt><dd data-testid="total-remaining">{money::format(t.remaining)}" "<span class="cur">{cur.clone()}</span></dd></div>
                        {(t.overpaid.0 > 0).then(|| view! {
                            <div><dt>{move || state.t(K::TotalOverpaid)}</dt><dd data-testid="total-overpaid">{money::format(t.overpaid)}" "<span class="cur">{cur.clone()}</span></dd></div>
                        })}
                    </dl>
                }
            })}
        </section>
    }
}

// ---------------------------------------------------------------------------
// Schedule
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq)]
enum Generator {
    Monthly,
    Single,
}

#[component]
fn Schedule(
    key: StoredValue<String>,
    a: Memo<Option<Agreement>>,
    currency: Memo<String>,
    today: Memo<NaiveDate>,
) -> impl IntoView {
    let state = use_app();
    let generator = RwSignal::new(Generator::Monthly);
    let initial_total = a.with_untracked(|a| {
        a.as_ref()
            .and_then(|a| a.agreed_total)
            .map(amount_input)
            .unwrap_or_default()
    });
    let total = RwSignal::new(initial_total);
    let count = RwSignal::new("6".to_string());
    let first_due = RwSignal::new(String::new());
    let gen_errors: Errors = RwSignal::new(Vec::new());
    let line_due = RwSignal::new(String::new());
    let line_amount = RwSignal::new(String::new());
    let add_errors: Errors = RwSignal::new(Vec::new());

    let states = Memo::new(move |_| {
        let day = today.get();
        a.with(|a| {
            a.as_ref()
                .map(|a| core::instalment_states(a, day))
                .unwrap_or_default()
        })
    });
    let line_count = Memo::new(move |_| a.with(|a| a.as_ref().map_or(0, |a| a.instalments.len())));
    let warnings = Memo::new(move |_| {
        a.with(|a| {
            a.as_ref()
                .and_then(|a| core::validate(a).ok())
                .unwrap_or_default()
        })
    });

    let generate = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errs = Vec::new();
        let amount = parse_amount(&total.get_untracked())
            .map_err(|k| errs.push(("schedule-total", k)))
            .ok();
        let due = parse_date(&first_due.get_untracked())
            .map_err(|k| errs.push(("schedule-first-due", k)))
            .ok();
        let mode = generator.get_untracked();
        let n = if mode == Generator::Monthly {
            count
                .get_untracked()
                .trim()
                .parse::<usize>()
                .map_err(|_| errs.push(("schedule-count", K::ErrCount)))
                .ok()
        } else {
            Some(1)
        };
        let (Some(amount), Some(due), Some(n)) = (amount, due, n) else {
            gen_errors.set(errs);
            return;
        };
        let lines = match mode {
            Generator::Monthly => core::monthly_schedule(amount, n, due),
            Generator::Single => core::single_payment(amount, due),
        };
        let lines = match lines {
            Ok(l) => l,
            Err(e) => {
                gen_errors.set(vec![match e {
                    ScheduleError::NoInstalments | ScheduleError::TooManyInstalments => {
                        ("schedule-count", K::ErrCount)
                    }
                    ScheduleError::AmountNotPositive => ("schedule-total", K::ErrAmountNotPositive),
                    ScheduleError::TotalTooSmall => ("schedule-total", K::ErrTotalTooSmall),
                    ScheduleError::DateOutOfRange => ("schedule-first-due", K::ErrDateOutOfRange),
                }]);
                return;
            }
        };
        let result = edit_agreement(state, &key.get_value(), |a| {
            let mut next = a.clone();
            next.instalments = lines;
            match core::validate(&next) {
                Err(problems)
                    if problems
                        .iter()
                        .any(|p| matches!(p, AgreementError::DueBeforeAgreement { .. })) =>
                {
                    Err(("schedule-first-due", K::ErrDueBeforeAgreement))
                }
                _ => {
                    *a = next;
                    Ok(())
                }
            }
        });
        gen_errors.set(result.err().into_iter().collect());
    };

    let add_line = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut errs = Vec::new();
        let due = parse_date(&line_due.get_untracked())
            .map_err(|k| errs.push(("line-due", k)))
            .ok();
        let amount = parse_amount(&line_amount.get_untracked())
            .map_err(|k| errs.push(("line-amount", k)))
            .ok();
        let (Some(due), Some(amount)) = (due, amount) else {
            add_errors.set(errs);
            return;
        };
        let result = edit_agreement(state, &key.get_value(), |a| {
            core::insert_instalment(a, Instalment { due, amount }).map_err(|e| {
                let (field, k) = line_error(e);
                (
                    if field == "due" {
                        "line-due"
                    } else {
                        "line-amount"
                    },
                    k,
                )
            })
        });
        match result {
            Ok(()) => {
                add_errors.set(Vec::new());
                line_due.set(String::new());
                line_amount.set(String::new());
            }
            Err(e) => add_errors.set(vec![e]),
        }
    };

    view! {
        <section class="panel schedule" data-testid="schedule">
            <h2>{move || state.t(K::ScheduleTitle)}</h2>
            <form class="schedule-generator" on:submit=generate novalidate data-testid="schedule-form">
                <fieldset class="bare">
                    <legend class="field-label">{move || state.t(K::ScheduleKindLabel)}</legend>
                    <div class="chips" role="radiogroup">
                        <label class="chip" data-testid="schedule-mode-monthly">
                            <input autocomplete="off" type="radio" name="schedule-mode" prop:checked=move || generator.get() == Generator::Monthly
                                on:change=move |_| generator.set(Generator::Monthly) />
                            {move || state.t(K::ScheduleMonthly)}
                        </label>
                        <label class="chip" data-testid="schedule-mode-single">
                            <input autocomplete="off" type="radio" name="schedule-mode" prop:checked=move || generator.get() == Generator::Single
                                on:change=move |_| generator.set(Generator::Single) />
                            {move || state.t(K::ScheduleSingle)}
                        </label>
                    </div>
                </fieldset>
                <div class="grid3">
                    <Show when=move || generator.get() == Generator::Monthly
                        fallback=move || view! {
                            <TextIn label=K::ScheduleSingleAmount testid="schedule-total" inputmode="decimal" value=total error=error_of(gen_errors, "schedule-total") />
                            <TextIn label=K::ScheduleSingleDue testid="schedule-first-due" kind="date" value=first_due error=error_of(gen_errors, "schedule-first-due") />
                        }>
                        <TextIn label=K::ScheduleTotal testid="schedule-total" inputmode="decimal" value=total error=error_of(gen_errors, "schedule-total") />
                        <TextIn label=K::ScheduleCount testid="schedule-count" kind="number" inputmode="numeric" value=count error=error_of(gen_errors, "schedule-count") />
                        <TextIn label=K::ScheduleFirstDue testid="schedule-first-due" kind="date" value=first_due error=error_of(gen_errors, "schedule-first-due") />
                    </Show>
                </div>
                <Show when=move || generator.get() == Generator::Monthly>
                    <p class="hint">{move || state.t(K::ScheduleRemainderHint)}</p>
                </Show>
                <Show when=move || { line_count.get() > 0 }>
                    <p class="warning" data-testid="schedule-replaces">{move || fill(state.t(K::ScheduleReplaces), &[&line_count.get().to_string()])}</p>
                </Show>
                <button type="submit" class="primary" data-testid="schedule-generate">{move || state.t(K::ScheduleGenerate)}</button>
            </form>

            {move || warnings.get().into_iter().map(|w| match w {
                AgreementWarning::ScheduleSumMismatch { scheduled, agreed } => view! {
                    <p class="banner warn" role="status" data-testid="schedule-sum-warning">
                        {move || { let c = currency.get(); fill(state.t(K::ScheduleSumMismatch), &[&with_currency(scheduled, &c), &with_currency(agreed, &c)]) }}
                    </p>
                },
            }).collect_view()}

            <Show when=move || { line_count.get() > 0 }>
                <p class="hint">{move || state.t(K::ScheduleLinesHelp)}</p>
            </Show>
            <ol class="plain instalments" data-testid="instalments">
                {move || {
                    let cur = currency.get();
                    states.get().into_iter().enumerate().map(|(n, s)| view! {
                        <InstalmentRow key=key n=n + 1 s=s currency=cur.clone() />
                    }).collect_view()
                }}
            </ol>

            <details class="add-line">
                <summary data-testid="line-add-toggle">{move || state.t(K::LineAddTitle)}</summary>
                <form on:submit=add_line novalidate class="add-line-form">
                    <div class="grid2 tight">
                        <TextIn label=K::LineDue testid="line-due" kind="date" value=line_due error=error_of(add_errors, "line-due") />
                        <TextIn label=K::LineAmount testid="line-amount" inputmode="decimal" value=line_amount error=error_of(add_errors, "line-amount") />
                    </div>
                    <button type="submit" data-testid="line-add">"+ "{move || state.t(K::LineAdd)}</button>
                </form>
            </details>
        </section>
    }
}

#[component]
fn InstalmentRow(
    key: StoredValue<String>,
    n: usize,
    s: InstalmentState,
    currency: String,
) -> impl IntoView {
    let state = use_app();
    let index = s.index;
    let due = RwSignal::new(s.due.to_string());
    let amount = RwSignal::new(money::format(s.amount));
    let error = RwSignal::new(None::<(&'static str, K)>);
    let err_at = move |field: &'static str| {
        Signal::derive(move || error.get().filter(|(f, _)| *f == field).map(|(_, k)| k))
    };
    let original = (s.due, s.amount);
    let commit = move || {
        let d = parse_date(&due.get_untracked()).map_err(|k| ("due", k));
        let m = parse_amount(&amount.get_untracked()).map_err(|k| ("amount", k));
        let (d, m) = match (d, m) {
            (Ok(d), Ok(m)) => (d, m),
            (Err(e), _) | (_, Err(e)) => {
                error.set(Some(e));
                return;
            }
        };
        if (d, m) == original {
            error.set(None);
            return;
        }
        let r = edit_agreement(state, &key.get_value(), |a| {
            core::replace_instalment(a, index, Instalment { due: d, amount: m }).map_err(line_error)
        });
        error.set(r.err());
    };
    let question = {
        let (due, amount) = (s.due.to_string(), with_currency(s.amount, &currency));
        move || {
            fill(
                state.t(K::LineRemoveConfirm),
                &[&n.to_string(), &due, &amount],
            )
        }
    };
    let remove = move |_| {
        if !window().confirm_with_message(&question()).unwrap_or(false) {
            return;
        }
        let r = edit_agreement(state, &key.get_value(), |a| {
            core::remove_instalment(a, index)
                .map(|_| ())
                .map_err(line_error)
        });
        error.set(r.err());
    };
    let status = status_key(s.status, s.paid_late);
    let paid_info = match (s.status, s.paid_on) {
        (InstalmentStatus::Paid, Some(day)) => Some((K::PaidOn, vec![day.to_string()])),
        (InstalmentStatus::Paid, None) => None,
        _ if s.paid.0 > 0 => Some((
            K::PaidOfAmount,
            vec![
                with_currency(s.paid, &currency),
                with_currency(s.amount, &currency),
            ],
        )),
        _ => None,
    };
    let row_class = format!("instalment {}", status_class(s.status));
    let due_id = format!("instalment-due-{index}");
    let amount_id = format!("instalment-amount-{index}");
    view! {
        <li class=row_class data-testid="instalment-row" data-index=index data-status=code_status(s.status)>
            <div class="instalment-head">
                <span class="instalment-no">{move || fill(state.t(K::InstalmentNo), &[&n.to_string()])}</span>
                <span class=format!("status-badge {}", status_class(s.status)) data-testid="instalment-status">{move || state.t(status)}</span>
                {paid_info.map(|(k, args)| view! {
                    <span class="muted small" data-testid="instalment-paid">{move || { let a: Vec<&str> = args.iter().map(String::as_str).collect(); fill(state.t(k), &a) }}</span>
                })}
                <button type="button" class="subtle remove" data-testid="instalment-remove" on:click=remove
                    aria-label=move || format!("{} · {}", state.t(Key::Remove), fill(state.t(K::InstalmentNo), &[&n.to_string()]))>
                    {move || state.t(Key::Remove)}
                </button>
            </div>
            <div class="instalment-fields">
                <div class="field" class:invalid=move || err_at("due").get().is_some()>
                    <label class="field-label" for=due_id.clone()>{move || state.t(K::LineDue)}</label>
                    <input autocomplete="off" id=due_id type="date" data-testid="instalment-due" prop:value=move || due.get()
                        on:input=move |ev| due.set(event_target_value(&ev))
                        on:change=move |_| commit()
                        aria-invalid=move || err_at("due").get().is_some().then_some("true") />
                    {move || err_at("due").get().map(|k| view! { <span class="error" role="alert" data-testid="instalment-due-error">{error_text(state, k)}</span> })}
                </div>
                <div class="field" class:invalid=move || err_at("amount").get().is_some()>
                    <label class="field-label" for=amount_id.clone()>{move || state.t(K::LineAmount)}</label>
                    <input autocomplete="off" id=amount_id type="text" inputmode="decimal" data-testid="instalment-amount" prop:value=move || amount.get()
                        on:input=move |ev| amount.set(event_target_value(&ev))
                        on:change=move |_| commit()
                        aria-invalid=move || err_at("amount").get().is_some().then_some("true") />
                    {move || err_at("amount").get().map(|k| view! { <span class="error" role="alert" data-testid="instalment-amount-error">{error_text(state, k)}</span> })}
                </div>
            </div>
            {move || err_at("row").get().map(|k| view! { <span class="error" role="alert">{error_text(state, k)}</span> })}
        </li>
    }
}

fn code_status(s: InstalmentStatus) -> &'static str {
    match s {
        InstalmentStatus::Paid => "paid",
        InstalmentStatus::Overdue => "overdue",
        InstalmentStatus::DueToday => "due_today",
        InstalmentStatus::DueSoon => "due_soon",
        InstalmentStatus::PartlyPaid => "partly_paid",
        InstalmentStatus::Upcoming => "upcoming",
    }
}

// ---------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------

#[component]
fn Payments(
    key: StoredValue<String>,
    a: Memo<Option<Agreement>>,
    currency: Memo<String>,
    today: Memo<NaiveDate>,
) -> impl IntoView {
    let state = use_app();
    let kept = state
        .draft::<PaymentDraft>(DraftForm::Payment)
        .filter(|d| d.has_input() && key.with_value(|k| *k == d.agreement_id));
    let restored = RwSignal::new(kept.is_some());
    let typed = kept.unwrap_or_else(|| PaymentDraft {
        date: today.get_untracked().to_string(),
        ..PaymentDraft::default()
    });
    let date = RwSignal::new(typed.date);
    let amount = RwSignal::new(typed.amount);
    let channel = RwSignal::new(typed.channel);
    let reference = RwSignal::new(typed.reference);
    let proofs = RwSignal::new(typed.proofs);
    let hashing = RwSignal::new(None::<f64>);
    let file_error = RwSignal::new(false);
    state.keep_draft(DraftForm::Payment, move || {
        let d = PaymentDraft {
            agreement_id: key.get_value(),
            date: date.get(),
            amount: amount.get(),
            channel: channel.get(),
            reference: reference.get(),
            proofs: proofs.get(),
        };
        d.has_input().then_some(d)
    });
    let errors: Errors = RwSignal::new(Vec::new());
    let duplicate = RwSignal::new(false);
    let saved = RwSignal::new(false);
    let payments = Memo::new(move |_| {
        a.with(|a| {
            let mut v = a.as_ref().map(|a| a.payments.clone()).unwrap_or_default();
            v.sort_by(|x, y| y.date.cmp(&x.date).then(y.id.cmp(&x.id)));
            v
        })
    });

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        duplicate.set(false);
        let mut errs = Vec::new();
        let d = parse_date(&date.get_untracked())
            .map_err(|k| errs.push(("payment-date", k)))
            .ok();
        let m = parse_amount(&amount.get_untracked())
            .map_err(|k| errs.push(("payment-amount", k)))
            .ok();
        let (Some(d), Some(m)) = (d, m) else {
            errors.set(errs);
            return;
        };
        errors.set(Vec::new());
        let payment = Payment {
            id: new_id("p"),
            date: d,
            amount: m,
            channel: channel.get_untracked().trim().to_string(),
            reference: reference.get_untracked().trim().to_string(),
            proofs: proofs.get_untracked(),
        };
        match edit_agreement(state, &key.get_value(), |a| core::add_payment(a, payment)) {
            Ok(()) => {
                saved.set(true);
                restored.set(false);
                amount.set(String::new());
                reference.set(String::new());
                proofs.set(Vec::new());
            }
            Err(PaymentError::Duplicate { .. }) => duplicate.set(true),
            Err(PaymentError::AmountNotPositive) => {
                errors.set(vec![("payment-amount", K::ErrAmountNotPositive)])
            }
        }
    };

    view! {
        <section class="panel payments" data-testid="payments">
            <h2>{move || state.t(K::PaymentsTitle)}</h2>
            <p class="hint">{move || state.t(K::PaymentsHint)}</p>
            <form on:submit=submit novalidate data-testid="payment-form">
                <Show when=move || restored.get()>
                    <p class="warning" role="status" data-testid="payment-draft-restored">{move || state.t(Key::DraftOffered)}</p>
                </Show>
                <div class="grid2 tight">
                    <TextIn label=K::PaymentDate testid="payment-date" kind="date" value=date error=error_of(errors, "payment-date") />
                    <TextIn label=K::PaymentAmount testid="payment-amount" inputmode="decimal" value=amount error=error_of(errors, "payment-amount") />
                </div>
                <div class="grid2">
                    <TextIn label=K::PaymentChannel testid="payment-channel" value=channel hint=K::PaymentChannelHint />
                    <TextIn label=K::PaymentReference testid="payment-reference" value=reference />
                </div>
                <div class="field proof-field">
                    <label class="field-label" for="payment-proof">{move || state.t(K::PaymentProof)}</label>
                    <input autocomplete="off" id="payment-proof" type="file" multiple data-testid="payment-proof" on:change=move |ev| {
                        let picked = files::picked_files(&ev);
                        file_error.set(false);
                        leptos::task::spawn_local(async move {
                            for f in picked {
                                match files::fingerprint(f, hashing).await {
                                    Ok(p) => proofs.update(|v| if !v.iter().any(|x| x.sha256 == p.sha256) { v.push(p) }),
                                    Err(_) => { hashing.set(None); file_error.set(true); }
                                }
                            }
                        });
                    } />
                    {move || hashing.get().map(|p| view! { <progress max="1" value=p></progress> })}
                    <Show when=move || file_error.get()>
                        <span class="error" role="alert">{move || state.t(Key::ErrFileUnreadable)}</span>
                    </Show>
                    <ul class="plain proofs">
                        {move || proofs.get().into_iter().map(|p| {
                            let sha = p.sha256.clone();
                            view! {
                                <li class="proof" data-testid="payment-proof-item">
                                    {p.name.clone()}" · "{files::human_size(p.size)}
                                    <br /><code class="digest">{p.sha256.clone()}</code>
                                    <button type="button" class="subtle" aria-label=move || format!("{} {}", state.t(Key::Remove), p.name)
                                        on:click=move |_| proofs.update(|v| v.retain(|x| x.sha256 != sha))>
                                        {move || state.t(Key::Remove)}
                                    </button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
                <Show when=move || duplicate.get()>
                    <p class="error" role="alert" data-testid="payment-duplicate">{move || state.t(K::ErrDuplicatePayment)}</p>
                </Show>
                <div class="form-actions">
                    <button type="submit" class="primary" data-testid="payment-save">{move || state.t(K::PaymentSave)}</button>
                    <Show when=move || saved.get()>
                        <span class="ok" role="status" data-testid="payment-saved">{move || state.t(K::PaymentSaved)}</span>
                    </Show>
                </div>
            </form>
            <Show when=move || payments.with(Vec::is_empty)>
                <p class="muted" data-testid="payments-empty">{move || state.t(K::PaymentsEmpty)}</p>
            </Show>
            <ul class="plain payment-list" data-testid="payment-list">
                {move || {
                    let cur = currency.get();
                    payments.get().into_iter().map(|p| {
                        let pid = p.id.clone();
                        let (day, amount) = (p.date.to_string(), with_currency(p.amount, &cur));
                        let label = format!("{day} {amount}");
                        let details: Vec<String> = [p.channel.clone(), p.reference.clone()].into_iter().filter(|s| !s.is_empty()).collect();
                        view! {
                            <li class="payment-row" data-testid="payment-row" data-payment-id=p.id.clone()>
                                <span class="payment-date">{p.date.to_string()}</span>
                                <strong class="payment-amount">{with_currency(p.amount, &cur)}</strong>
                                <span class="muted small payment-details">{details.join(" · ")}</span>
                                <button type="button" class="subtle" data-testid="payment-remove"
                                    aria-label=move || format!("{} · {label}", state.t(Key::Remove))
                                    on:click=move |_| {
                                        let question = fill(state.t(K::PaymentRemoveConfirm), &[&day, &amount]);
                                        if !window().confirm_with_message(&question).unwrap_or(false) {
                                            return;
                                        }
                                        let pid = pid.clone();
                                        let _ = edit_agreement::<()>(state, &key.get_value(), |a| { a.payments.retain(|x| x.id != pid); Ok(()) });
                                    }>
                                    {move || state.t(Key::Remove)}
                                </button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
        </section>
    }
}

// ---------------------------------------------------------------------------
// Checklist
// ---------------------------------------------------------------------------

#[component]
fn Checklist(key: StoredValue<String>, a: Memo<Option<Agreement>>) -> impl IntoView {
    let state = use_app();
    let progress = Memo::new(move |_| a.with(|a| a.as_ref().map(core::progress)));
    let open = Memo::new(move |_| a.with(|a| a.as_ref().map(core::open_items).unwrap_or_default()));
    let last = CHECKLIST.len().saturating_sub(1);
    view! {
        <section class="panel checklist" data-testid="checklist">
            <h2>{move || state.t(K::ChecklistTitle)}</h2>
            {move || progress.get().map(|p| view! {
                <div class="checklist-progress" data-testid="checklist-progress" data-percent=p.percent>
                    <progress max="100" value=p.percent aria-hidden="true"></progress>
                    <p>
                        {move || fill(state.t(K::ChecklistProgress), &[&p.done.to_string(), &(p.done + p.open).to_string(), &p.percent.to_string()])}
                        {(p.not_applicable > 0).then(|| view! { " "{move || fill(state.t(K::ChecklistNotApplicable), &[&p.not_applicable.to_string()])} })}
                    </p>
                </div>
            })}
            <p class="hint">{move || state.t(K::ProofHint)}</p>
            <div class="checklist-open" data-testid="checklist-open">
                {move || {
                    let lang = state.lang.get();
                    let items = open.get();
                    if items.is_empty() {
                        view! { <p class="ok-box">{state.t(K::ChecklistAllDone)}</p> }.into_any()
                    } else {
                        view! {
                            <p class="small"><strong>{state.t(K::ChecklistOpen)}</strong>" "
                                {items.iter().map(|i| i.title.get(lang)).collect::<Vec<_>>().join(" · ")}</p>
                        }.into_any()
                    }
                }}
            </div>
            <ol class="plain checklist-items">
                {CHECKLIST.iter().enumerate().map(|(i, item)| view! {
                    <ChecklistRow key=key a=a item=item last=i == last />
                }).collect_view()}
            </ol>
        </section>
    }
}

/// One change to a checklist entry, run by the core on a copy of the agreement.
type ChecklistEdit = Box<dyn FnOnce(&mut Agreement) -> Result<(), ChecklistError>>;

#[component]
fn ChecklistRow(
    key: StoredValue<String>,
    a: Memo<Option<Agreement>>,
    item: &'static ChecklistItem,
    last: bool,
) -> impl IntoView {
    let state = use_app();
    let id = item.id;
    let entry = Memo::new(move |_| {
        a.with(|a| {
            a.as_ref()
                .and_then(|a| a.checklist.get(id).cloned())
                .unwrap_or_default()
        })
    });
    let concern = Memo::new(move |_| {
        a.with(|a| {
            a.as_ref()
                .map(|a| {
                    core::concerns(a)
                        .into_iter()
                        .filter(|c| c.item_id == id)
                        .map(|c| c.text)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let error = RwSignal::new(None::<K>);
    let file_error = RwSignal::new(false);
    let hashing = RwSignal::new(None::<f64>);
    let statuses: Vec<ChecklistStatus> = [
        ChecklistStatus::Todo,
        ChecklistStatus::Done,
        ChecklistStatus::NotApplicable,
    ]
    .into_iter()
    .filter(|s| !(item.critical && *s == ChecklistStatus::NotApplicable))
    .collect();
    let edit = move |f: ChecklistEdit| {
        let r = edit_agreement(state, &key.get_value(), f);
        error.set(r.err().map(checklist_error));
    };
    // Open where something is recorded, and for the critical item (its proof matters most).
    let open_more =
        item.critical || entry.with_untracked(|e| !e.note.is_empty() || !e.proofs.is_empty());
    let status_id = format!("checklist-status-{id}");
    let date_id = format!("checklist-date-{id}");
    let note_id = format!("checklist-note-{id}");
    let proof_id = format!("checklist-proof-{id}");

    view! {
        <li class="checklist-item" class:critical=item.critical data-testid="checklist-item" data-item-id=id
            data-status=move || code(&entry.with(|e| e.status))>
            <h3>
                <span class="checklist-title">{move || item.title.get(state.lang.get())}</span>
                {item.critical.then(|| view! { <span class="badge critical-badge">{move || state.t(K::CriticalBadge)}</span> })}
            </h3>
            <details class="checklist-help" open=item.critical>
                <summary>{move || state.t(K::ChecklistHow)}</summary>
                <p>{move || item.help.get(state.lang.get())}</p>
            </details>
            {move || concern.get().into_iter().map(|t| view! {
                <p class="banner warn" data-testid="checklist-concern">{move || t.get(state.lang.get())}</p>
            }).collect_view()}
            <div class="grid2 tight">
                <div class="field">
                    <label class="field-label" for=status_id.clone()>{move || state.t(K::ChecklistStatus)}</label>
                    <select autocomplete="off" id=status_id.clone() data-testid=status_id.clone() on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(s) = [ChecklistStatus::Todo, ChecklistStatus::Done, ChecklistStatus::NotApplicable].into_iter().find(|s| code(s) == v) {
                            edit(Box::new(move |a| core::set_entry_status(a, id, s)));
                        }
                    }>
                        {statuses.into_iter().map(|s| view! {
                            <option value=code(&s) selected=move || entry.with(|e| e.status == s)>{move || state.t(checklist_status_key(s))}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label class="field-label" for=date_id.clone()>{move || state.t(K::ChecklistDate)}</label>
                    <input autocomplete="off" id=date_id.clone() type="date" data-testid=date_id.clone()
                        prop:value=move || entry.with(|e| e.date.map(|d| d.to_string()).unwrap_or_default())
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            let d = if v.trim().is_empty() { Ok(None) } else { parse_date(&v).map(Some) };
                            match d {
                                Ok(d) => edit(Box::new(move |a| core::set_entry_date(a, id, d))),
                                Err(k) => error.set(Some(k)),
                            }
                        } />
                </div>
            </div>
            <details class="checklist-more" open=open_more>
                <summary data-testid=format!("checklist-more-{id}")>
                    {move || state.t(K::ChecklistMore)}
                    {move || { let n = entry.with(|e| e.proofs.len()); (n > 0).then(|| view! { <span class="badge">{n.to_string()}</span> }) }}
                </summary>
            <div class="field">
                <label class="field-label" for=note_id.clone()>{move || state.t(K::ChecklistNote)}</label>
                <textarea autocomplete="off" id=note_id.clone() data-testid=note_id.clone() rows="2"
                    prop:value=move || entry.with(|e| e.note.clone())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        edit(Box::new(move |a| core::set_entry_note(a, id, &v)));
                    }></textarea>
            </div>
            <div class="field proof-field">
                <label class="field-label" for=proof_id.clone()>{move || state.t(K::ChecklistProof)}</label>
                <input autocomplete="off" id=proof_id.clone() type="file" multiple data-testid=proof_id.clone() on:change=move |ev| {
                    let picked = files::picked_files(&ev);
                    let input = event_target::<web_sys::HtmlInputElement>(&ev);
                    file_error.set(false);
                    leptos::task::spawn_local(async move {
                        for f in picked {
                            match files::fingerprint(f, hashing).await {
                                Ok(proof) => edit(Box::new(move |a| core::add_entry_proof(a, id, proof))),
                                Err(_) => {
                                    hashing.set(None);
                                    file_error.set(true);
                                }
                            }
                        }
                        // The same file can be picked again after a removal.
                        input.set_value("");
                    });
                } />
                {move || hashing.get().map(|p| view! { <progress max="1" value=p data-testid="proof-progress"></progress> })}
                <Show when=move || file_error.get()>
                    <span class="error" role="alert">{move || state.t(Key::ErrFileUnreadable)}</span>
                </Show>
                <ul class="plain proofs">
                    {move || entry.get().proofs.into_iter().map(|p| {
                        let sha = p.sha256.clone();
                        let kind = if p.mime.is_empty() { String::new() } else { format!(" · {}", p.mime) };
                        view! {
                            <li class="proof" data-testid="proof">
                                <span><strong>{p.name.clone()}</strong>" · "{files::human_size(p.size)}{kind}</span>
                                <code class="digest" data-testid="proof-digest">{p.sha256.clone()}</code>
                                <button type="button" class="subtle" data-testid="proof-remove" on:click=move |_| {
                                    let sha = sha.clone();
                                    edit(Box::new(move |a| core::remove_entry_proof(a, id, &sha).map(|_| ())));
                                }>{move || state.t(Key::Remove)}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </div>
            </details>
            {move || error.get().map(|k| view! { <p class="error" role="alert" data-testid="checklist-error">{state.t(k)}</p> })}
            {last.then(|| view! {
                <p><a href=Page::Evidence.href() data-testid="checklist-evidence-link">{move || state.t(K::EvidenceLink)}" →"</a></p>
            })}
        </li>
    }
}

// ---------------------------------------------------------------------------
// Calendar export
// ---------------------------------------------------------------------------

#[component]
fn IcsExport() -> impl IntoView {
    let state = use_app();
    let failed = RwSignal::new(false);
    // Only the governing agreement of each debt: a superseded schedule no longer applies.
    let any = Memo::new(move |_| {
        state.case.with(|c| {
            c.debts.iter().any(|d| {
                c.governing_agreement(&d.id)
                    .is_some_and(|a| !a.instalments.is_empty())
            })
        })
    });
    let download = move |_| {
        let lang = state.lang.get_untracked();
        let text = state.case.with_untracked(|c| {
            let pairs: Vec<(&Debt, &Agreement)> = c
                .debts
                .iter()
                .filter_map(|d| {
                    c.governing_agreement(&d.id)
                        .filter(|a| !a.instalments.is_empty())
                        .map(|a| (d, a))
                })
                .collect();
            ics::schedule_to_ics(&pairs, lang, browser::now())
        });
        failed.set(browser::download("repayments.ics", "text/calendar", &text).is_err());
    };
    view! {
        <Show when=move || any.get()>
            <div class="ics-export">
                <button type="button" class="primary" data-testid="ics-download" on:click=download>
                    {move || state.t(K::IcsDownload)}
                </button>
                <span class="hint">{move || state.t(K::IcsHint)}</span>
                <Show when=move || failed.get()>
                    <span class="error" role="alert">{move || state.t(K::IcsFailed)}</span>
                </Show>
            </div>
        </Show>
    }
}
