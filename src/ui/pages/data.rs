//! Data and settings: the debtor's details, zone and rules, storage health,
//! quarantined values, backup.

use leptos::prelude::*;

use super::passcode::{EncryptedExport, PasscodeSection};
use super::phone_import::PhoneLogImport;
use crate::domain::codec::backup::FieldProblem;
use crate::domain::codec::{backup, csv, encrypted_backup};
use crate::domain::invariants::{AmountField, DateField, Problem, Problems, Record};
use crate::domain::model::MAX_SEQ;
use crate::domain::{money, time};
use crate::i18n::agreement::AgreementKey;
use crate::i18n::data::DataKey;
use crate::i18n::privacy::PrivacyKey;
use crate::i18n::{fill, Key, Lang};
use crate::storage::webcrypto;
use crate::ui::browser;
use crate::ui::state::{use_app, Changed};
use crate::ui::widgets::{JurisdictionSelect, TextField, ZoneSelect};
use crate::ui::APP_VERSION;

#[component]
pub fn DataPage() -> impl IntoView {
    let state = use_app();
    view! {
        <h1 data-testid="page-title">{move || state.t(Key::NavData)}</h1>
        <QuarantineSection />
        <BackupSection />
        <PasscodeSection />
        <PhoneLogImport />
        <OfflineSection />
        <ProfileSection />
        <SettingsSection />
        <StorageSection />
        <WipeSection />
    }
}

#[component]
fn ProfileSection() -> impl IntoView {
    let state = use_app();
    let debtor = state.case.get_untracked().debtor;
    let name = RwSignal::new(debtor.name);
    let phone = RwSignal::new(debtor.phone);
    let id_number = RwSignal::new(debtor.id_number);
    let saved = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let r = state.apply(|c| {
            c.debtor.name = name.get_untracked().trim().to_string();
            c.debtor.phone = phone.get_untracked().trim().to_string();
            c.debtor.id_number = id_number.get_untracked().trim().to_string();
            vec![Changed::Debtor]
        });
        saved.set(r.is_ok());
    };
    view! {
        <section class="panel">
            <h2>{move || state.t(Key::ProfileTitle)}</h2>
            <p class="muted">{move || state.t(Key::ProfileHelp)}</p>
            <form on:submit=save>
                <TextField label=Signal::derive(move || state.t(Key::ProfileName)) value=name testid="profile-name" />
                <TextField label=Signal::derive(move || state.t(Key::ProfilePhone)) value=phone testid="profile-phone" kind="tel" />
                <TextField label=Signal::derive(move || state.t(Key::ProfileIdNumber)) value=id_number testid="profile-id" />
                <button type="submit" class="primary" data-testid="profile-save">{move || state.t(Key::Save)}</button>
                <Show when=move || saved.get()>
                    <span class="ok" role="status" data-testid="profile-saved">{move || state.t(Key::Saved)}</span>
                </Show>
            </form>
        </section>
    }
}

#[component]
fn SettingsSection() -> impl IntoView {
    let state = use_app();
    let device_zone = browser::device_zone().unwrap_or_default();
    let hint = format!("{} {device_zone}", state.t(Key::SettingsZoneHelp));
    view! {
        <section class="panel">
            <h2>{move || state.t(Key::SettingsTitle)}</h2>
            <ZoneSelect testid="settings-zone" hint=hint />
            <JurisdictionSelect testid="settings-jurisdiction" />
        </section>
    }
}

#[component]
fn StorageSection() -> impl IntoView {
    let state = use_app();
    // A plain signal, not a resource: a resource would hold the page's
    // Suspense (the lazily loaded page's) until the browser answers.
    let estimate = RwSignal::new(None);
    leptos::task::spawn_local(async move {
        let _ = estimate.try_set(Some(crate::storage::estimate().await));
    });
    let used = move || {
        // Re-read when the case changes.
        state.case.track();
        format_bytes(state.used_bytes() as f64)
    };
    view! {
        <section class="panel">
            <h2>{move || state.t(Key::StorageTitle)}</h2>
            <p data-testid="storage-used">{move || state.t(Key::StorageUsed)}": "{used}</p>
            <p data-testid="storage-estimate">
                {move || state.t(Key::StorageQuota)}": "
                {move || match estimate.get() {
                    Some(Some((usage, quota))) => format!("{} / {}", format_bytes(usage), format_bytes(quota)),
                    Some(None) => state.t(Key::Unknown).to_string(),
                    None => "…".to_string(),
                }}
            </p>
            <p class="muted">{move || state.t(Key::StorageHelp)}</p>
        </section>
    }
}

#[component]
fn QuarantineSection() -> impl IntoView {
    let state = use_app();
    let items = Memo::new(move |_| {
        state.problems.track();
        state.quarantined()
    });
    view! {
        <Show when=move || !items.get().is_empty()>
            <section class="panel warn" data-testid="quarantine-section">
                <h2>{move || state.t(Key::BannerQuarantineTitle)}</h2>
                <p>{move || state.t(Key::QuarantineHelp)}</p>
                <ul class="plain">
                    {move || items.get().into_iter().map(|(key, raw)| {
                        let file = format!("{}.txt", key.replace(':', "_"));
                        let raw_for_download = raw.clone();
                        let key_for_discard = key.clone();
                        let key_for_name = key.clone();
                        view! {
                            <li class="row">
                                <span data-testid="quarantine-what">
                                    {move || crate::ui::widgets::stored_record_name(state.lang.get(), &key_for_name)}
                                </span>
                                <span class="muted">{format!(" ({} B) ", raw.len())}</span>
                                <button type="button" data-testid="quarantine-download"
                                    on:click=move |_| { let _ = browser::download(&file, "text/plain", &raw_for_download); }>
                                    {move || state.t(Key::DownloadRaw)}
                                </button>
                                <button type="button" class="subtle" data-testid="quarantine-discard"
                                    on:click=move |_| state.discard_quarantined(&key_for_discard)>
                                    {move || state.t(Key::DiscardQuarantined)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

fn format_bytes(n: f64) -> String {
    if n >= 1e9 {
        format!("{:.1} GB", n / 1e9)
    } else if n >= 1e6 {
        format!("{:.1} MB", n / 1e6)
    } else if n >= 1e3 {
        format!("{:.1} KB", n / 1e3)
    } else {
        format!("{n:.0} B")
    }
}

/// Nudge to back up after this many changes since the last export.
const BACKUP_NUDGE_AFTER: u32 = 20;

fn backup_error_text(lang: Lang, e: &backup::BackupError) -> String {
    let t = |k| crate::i18n::t(lang, k);
    match e {
        backup::BackupError::TooLarge { bytes, max } => fill(
            t(DataKey::ErrTooLarge),
            &[
                &format!("{:.1}", *bytes as f64 / 1e6),
                &format!("{:.0}", *max as f64 / 1e6),
            ],
        ),
        backup::BackupError::TooDeep => t(DataKey::ErrTooDeep).into(),
        backup::BackupError::NotJson => t(DataKey::ErrNotJson).into(),
        backup::BackupError::Truncated => t(DataKey::ErrTruncated).into(),
        backup::BackupError::WrongType => t(DataKey::ErrWrongType).into(),
        backup::BackupError::NewerSchema(v) => fill(t(DataKey::ErrNewerSchema), &[&v.to_string()]),
        backup::BackupError::DigestMismatch => t(DataKey::ErrDigestMismatch).into(),
        backup::BackupError::BrokenText { line, column } => fill(
            t(DataKey::ErrBrokenText),
            &[&line.to_string(), &column.to_string()],
        ),
        backup::BackupError::Invalid(f) => {
            let path = shown(&f.path);
            match &f.problem {
                FieldProblem::Missing => fill(t(DataKey::ErrMissing), &[&path]),
                FieldProblem::WrongKind => fill(t(DataKey::ErrWrongKind), &[&path]),
                FieldProblem::UnknownValue(word) => {
                    fill(t(DataKey::ErrUnknownValue), &[&path, &shown(word)])
                }
                FieldProblem::BadValue => fill(t(DataKey::ErrBadValue), &[&path]),
            }
        }
        backup::BackupError::Records(p) => problems_text(lang, p),
    }
}

/// One line saying how many problems there are, one per problem listed, and
/// one counting those not listed.
fn problems_text(lang: Lang, p: &Problems) -> String {
    let t = |k| crate::i18n::t(lang, k);
    let mut lines = vec![fill(t(DataKey::ErrRecords), &[&p.total.to_string()])];
    for rp in &p.first {
        lines.push(format!(
            "· {}{}{}",
            record_text(lang, &rp.record),
            if lang == Lang::En { ": " } else { "：" },
            problem_text(lang, &rp.problem)
        ));
    }
    let more = p.total.saturating_sub(p.first.len());
    if more > 0 {
        lines.push(fill(t(DataKey::ErrRecordsMore), &[&more.to_string()]));
    }
    lines.join("\n")
}

/// An id or name from the file, cut short: a hostile file may hold megabytes.
fn shown(text: &str) -> String {
    const MAX_CHARS: usize = 40;
    match text.char_indices().nth(MAX_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

fn record_text(lang: Lang, r: &Record) -> String {
    let t = |k| crate::i18n::t(lang, k);
    match r {
        Record::Settings => t(DataKey::RecSettings).into(),
        Record::Debt(id) => fill(t(DataKey::RecDebt), &[&shown(id)]),
        Record::Agreement(id) => fill(t(DataKey::RecAgreement), &[&shown(id)]),
        Record::Instalment { agreement, line } => fill(
            t(DataKey::RecInstalment),
            &[&shown(agreement), &line.to_string()],
        ),
        Record::Payment { agreement, id } => {
            fill(t(DataKey::RecPayment), &[&shown(agreement), &shown(id)])
        }
        Record::Checklist { agreement, item } => {
            fill(t(DataKey::RecChecklist), &[&shown(agreement), &shown(item)])
        }
        Record::Contact(seq) => fill(t(DataKey::RecContact), &[&seq.to_string()]),
        Record::Event(id) => fill(t(DataKey::RecEvent), &[&shown(id)]),
    }
}

fn problem_text(lang: Lang, p: &Problem) -> String {
    let t = |k| crate::i18n::t(lang, k);
    match p {
        Problem::UnknownZone(name) => fill(t(DataKey::ProbZone), &[&shown(name)]),
        Problem::SeqZero => t(DataKey::ProbSeqZero).into(),
        Problem::SeqTooLarge { max } => fill(t(DataKey::ProbSeqTooLarge), &[&max.to_string()]),
        Problem::SeqRepeated => t(DataKey::ProbSeqRepeated).into(),
        Problem::IdRepeated => t(DataKey::ProbIdRepeated).into(),
        Problem::Amount {
            field,
            value,
            min,
            max,
        } => {
            let field = crate::i18n::t(
                lang,
                match field {
                    AmountField::OriginalAmount => AgreementKey::FieldOriginalAmount,
                    AmountField::OverdueAmount => AgreementKey::FieldOverdueAmount,
                    AmountField::AgreedTotal => AgreementKey::FieldAgreedTotal,
                    AmountField::Instalment | AmountField::Payment => AgreementKey::PaymentAmount,
                },
            );
            fill(
                t(DataKey::ProbAmount),
                &[
                    field,
                    &money::format(*value),
                    &money::format(*min),
                    &money::format(*max),
                ],
            )
        }
        Problem::Year { field, year } => {
            let field = t(match field {
                DateField::Reached => DataKey::DateReached,
                DateField::Due => DataKey::DateDue,
                DateField::Paid => DataKey::DatePaid,
                DateField::Done => DataKey::DateDone,
                DateField::ContactTime => DataKey::DateContact,
                DateField::EarlierContactTime => DataKey::DateEarlierContact,
                DateField::Logged => DataKey::DateLogged,
                DateField::Edited => DataKey::DateEdited,
                DateField::Binned => DataKey::DateBinned,
                DateField::EventStart => DataKey::DateEventStart,
                DateField::EventEnd => DataKey::DateEventEnd,
                DateField::Replied => DataKey::DateReplied,
            });
            let (first, last) = (time::YEARS.start(), time::YEARS.end());
            fill(
                t(DataKey::ProbYear),
                &[
                    field,
                    &format!("{year:04}"),
                    &first.to_string(),
                    &last.to_string(),
                ],
            )
        }
        Problem::TooManyInstalments { count, max } => fill(
            t(DataKey::ProbTooManyInstalments),
            &[&count.to_string(), &max.to_string()],
        ),
        Problem::EndsBeforeStart => t(DataKey::ProbEndsBeforeStart).into(),
        Problem::DailyWindow { from, to } => {
            let hm = |m: &u16| format!("{}:{:02}", m / 60, m % 60);
            fill(t(DataKey::ProbDailyWindow), &[&hm(from), &hm(to)])
        }
    }
}

/// A message of several lines, kept apart on screen.
fn lines_view(text: String) -> impl IntoView {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| {
            view! { {(i > 0).then(|| view! { <br /> })}{line.to_string()} }
        })
        .collect_view()
}

#[component]
fn BackupSection() -> impl IntoView {
    let state = use_app();
    let incoming = RwSignal::new(None::<backup::Backup>);
    let error = RwSignal::new(None::<String>);
    let reading = RwSignal::new(false);
    let done = RwSignal::new(false);
    // An encrypted backup waiting for its passcode.
    let sealed = RwSignal::new(None::<encrypted_backup::EncryptedBackup>);
    let sealed_pass = RwSignal::new(String::new());
    let decrypt = move |e: leptos::ev::SubmitEvent| {
        e.prevent_default();
        let Some(file) = sealed.get_untracked() else {
            return;
        };
        let lang = state.lang.get_untracked();
        let typed = sealed_pass.get_untracked();
        reading.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let opened = match webcrypto::derive_key(&typed, &file.kdf).await {
                Ok(kek) => file.open(&kek).ok(),
                Err(_) => None,
            };
            reading.set(false);
            let Some(text) = opened else {
                error.set(Some(crate::i18n::t(lang, PrivacyKey::DecryptFailed).into()));
                return;
            };
            sealed.set(None);
            sealed_pass.set(String::new());
            match backup::parse(&text) {
                Ok(b) => incoming.set(Some(b)),
                Err(e) => error.set(Some(backup_error_text(lang, &e))),
            }
        });
    };
    let preview = Memo::new(move |_| {
        incoming.with(|b| {
            b.as_ref()
                .map(|b| state.case.with(|c| backup::preview(c, &b.case)))
        })
    });
    let export = move |_| {
        let now = browser::now();
        let text = state
            .case
            .with_untracked(|c| backup::export(c, now, APP_VERSION));
        let name = format!("debt-evidence-backup-{}.json", now.format("%Y%m%d-%H%M"));
        if browser::download(&name, "application/json", &text).is_ok() {
            state.mark_exported(now);
        }
    };
    let export_csv = move |_| {
        let lang = state.lang.get_untracked();
        let text = state.case.with_untracked(|c| {
            csv::contacts_to_csv(c, crate::domain::time::zone(&c.settings.time_zone), lang)
        });
        let _ = browser::download("contact-log.csv", "text/csv;charset=utf-8", &text);
    };
    let pick = move |ev: leptos::ev::Event| {
        let Some(file) = crate::ui::files::picked_files(&ev).into_iter().next() else {
            return;
        };
        incoming.set(None);
        sealed.set(None);
        error.set(None);
        done.set(false);
        let lang = state.lang.get_untracked();
        // Refuse oversized files before reading them into memory.
        if file.size() > backup::MAX_BACKUP_BYTES as f64 {
            let e = backup::BackupError::TooLarge {
                bytes: file.size() as usize,
                max: backup::MAX_BACKUP_BYTES,
            };
            error.set(Some(backup_error_text(lang, &e)));
            return;
        }
        reading.set(true);
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string());
            reading.set(false);
            match text {
                None => error.set(Some(crate::i18n::t(lang, DataKey::ErrRead).into())),
                Some(text) if encrypted_backup::looks_encrypted(&text) => {
                    match encrypted_backup::parse(&text) {
                        Ok(file) => sealed.set(Some(file)),
                        Err(_) if backup::is_cut_json(&text) => error.set(Some(backup_error_text(
                            lang,
                            &backup::BackupError::Truncated,
                        ))),
                        Err(_) => error.set(Some(
                            crate::i18n::t(lang, PrivacyKey::BackupFormatUnsupported).into(),
                        )),
                    }
                }
                Some(text) => match backup::parse(&text) {
                    Ok(b) => incoming.set(Some(b)),
                    Err(e) => error.set(Some(backup_error_text(lang, &e))),
                },
            }
        });
    };
    let finish = move |result: Result<(), crate::storage::SaveError>| match result {
        Ok(()) => {
            incoming.set(None);
            done.set(true);
        }
        Err(_) => error.set(Some(state.t(DataKey::ImportFailed).into())),
    };
    let merge = move |_| {
        let Some(b) = incoming.get_untracked() else {
            return;
        };
        match state.case.with_untracked(|c| backup::merge(c, &b.case)) {
            Ok(merged) => finish(state.replace_case(merged)),
            Err(_) => error.set(Some(fill(
                state.t(DataKey::ErrMergeNoNumber),
                &[&MAX_SEQ.to_string()],
            ))),
        }
    };
    let replace = move |_| {
        let Some(b) = incoming.get_untracked() else {
            return;
        };
        let here = state.case.with_untracked(|c| c.contacts.len());
        let question = fill(state.t(DataKey::ReplaceConfirm), &[&here.to_string()]);
        if here > 0 && !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
        finish(state.replace_case(backup::replace(b)));
    };
    let last = move || {
        state
            .prefs
            .get()
            .last_export
            .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_else(|| state.t(Key::Never).to_string())
    };
    view! {
        <section class="panel" id="backup">
            <h2>{move || state.t(DataKey::BackupTitle)}</h2>
            <p class="muted">{move || state.t(DataKey::BackupHelp)}</p>
            <p data-testid="last-export">
                {move || fill(state.t(DataKey::LastExport), &[&last()])}" "
                {move || {
                    let n = state.prefs.get().changes_since_export;
                    (n > 0).then(|| fill(state.t(DataKey::ChangesSince), &[&n.to_string()]))
                }}
            </p>
            <Show when=move || { state.prefs.get().changes_since_export >= BACKUP_NUDGE_AFTER }>
                <p class="warning" data-testid="backup-nudge">{move || state.t(DataKey::NudgeBackup)}</p>
            </Show>
            <div class="row">
                <button type="button" class="primary" data-testid="export-backup" on:click=export>{move || state.t(DataKey::ExportBackup)}</button>
                <button type="button" data-testid="export-csv" on:click=export_csv>{move || state.t(DataKey::ExportCsv)}</button>
            </div>
            <EncryptedExport />
            <label class="field import">
                <span class="field-label">{move || state.t(DataKey::ImportBackup)}</span>
                <input autocomplete="off" type="file" accept=".json,application/json" data-testid="import-file" on:change=pick />
            </label>
            <Show when=move || sealed.with(Option::is_some)>
                <form class="subpanel" data-testid="import-decrypt" on:submit=decrypt>
                    <TextField label=Signal::derive(move || state.t(PrivacyKey::EncryptedImportPrompt)) value=sealed_pass
                        testid="import-passcode" kind="password" />
                    <button type="submit" class="primary" data-testid="import-decrypt-submit">{move || state.t(PrivacyKey::Decrypt)}</button>
                </form>
            </Show>
            <Show when=move || reading.get()><p>{move || state.t(DataKey::ImportReading)}</p></Show>
            {move || error.get().map(|e| view! { <p class="error" role="alert" data-testid="import-error">{lines_view(e)}</p> })}
            <Show when=move || done.get()><p class="ok-box" role="status" data-testid="import-done">{move || state.t(DataKey::ImportDone)}</p></Show>
            {move || preview.get().map(|p| view! {
                <div class="preview" data-testid="import-preview">
                    <h3>{move || state.t(DataKey::PreviewTitle)}</h3>
                    <ul>
                        <li data-testid="preview-contacts">{fill(state.t(DataKey::PreviewContacts), &[&p.contacts.incoming.to_string(), &p.contacts.new.to_string(), &p.contacts.identical.to_string(), &p.contacts.conflicting.to_string()])}</li>
                        <li>{fill(state.t(DataKey::PreviewDebts), &[&p.debts.incoming.to_string(), &p.debts.new.to_string()])}</li>
                        <li>{fill(state.t(DataKey::PreviewAgreements), &[&p.agreements.incoming.to_string(), &p.agreements.new.to_string()])}</li>
                        {p.contact_range.map(|(a, b)| view! { <li>{fill(state.t(DataKey::PreviewRange), &[&a.format("%Y-%m-%d").to_string(), &b.format("%Y-%m-%d").to_string()])}</li> })}
                    </ul>
                    {(!p.incoming_chain_ok).then(|| view! { <p class="warning">{state.t(DataKey::PreviewChainBroken)}</p> })}
                    <div class="row">
                        <button type="button" class="primary" data-testid="import-merge" on:click=merge>{move || state.t(DataKey::Merge)}</button>
                        <button type="button" class="danger" data-testid="import-replace" on:click=replace>{move || state.t(DataKey::Replace)}</button>
                    </div>
                </div>
            })}
        </section>
    }
}

#[component]
fn WipeSection() -> impl IntoView {
    let state = use_app();
    let asking = RwSignal::new(false);
    let done = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let what = move || {
        state.case.with(|c| {
            fill(
                state.t(Key::WipeWillLose),
                &[
                    &c.contacts.len().to_string(),
                    &c.debts.len().to_string(),
                    &c.agreements.len().to_string(),
                ],
            )
        })
    };
    let export = move |_| {
        let now = browser::now();
        let text = state
            .case
            .with_untracked(|c| backup::export(c, now, APP_VERSION));
        if browser::download(
            &format!("debt-evidence-backup-{}.json", now.format("%Y%m%d-%H%M")),
            "application/json",
            &text,
        )
        .is_ok()
        {
            state.mark_exported(now);
        }
    };
    let wipe = move |_| {
        let ok = state.wipe().is_ok();
        failed.set(!ok);
        done.set(ok);
        asking.set(false);
    };
    view! {
        <section class="panel danger-zone">
            <h2>{move || state.t(Key::WipeTitle)}</h2>
            <p class="muted">{move || state.t(Key::WipeHelp)}</p>
            <Show when=move || !asking.get()>
                <button type="button" class="danger" data-testid="wipe-start" on:click=move |_| { done.set(false); asking.set(true) }>
                    {move || state.t(Key::WipeStart)}
                </button>
            </Show>
            <Show when=move || asking.get()>
                <div class="banner danger" role="alertdialog" data-testid="wipe-dialog">
                    <p data-testid="wipe-what">{what}</p>
                    <div class="row">
                        <button type="button" class="primary" data-testid="wipe-export" on:click=export>{move || state.t(Key::WipeExportFirst)}</button>
                        <button type="button" class="danger" data-testid="wipe-confirm" on:click=wipe>{move || state.t(Key::WipeConfirm)}</button>
                        <button type="button" class="subtle" on:click=move |_| asking.set(false)>{move || state.t(Key::Cancel)}</button>
                    </div>
                </div>
            </Show>
            <Show when=move || done.get()><p class="ok-box" role="status" data-testid="wipe-done">{move || state.t(Key::WipeDone)}</p></Show>
            <Show when=move || failed.get()><p class="error" role="alert">{move || state.t(Key::BannerSaveFailed)}</p></Show>
        </section>
    }
}

#[component]
fn OfflineSection() -> impl IntoView {
    let state = use_app();
    let from_file = window()
        .location()
        .protocol()
        .map(|p| p == "file:")
        .unwrap_or(false);
    let neutral = RwSignal::new(state.neutral_name());
    view! {
        <section class="panel">
            <h2>{move || state.t(DataKey::OfflineTitle)}</h2>
            <p class="muted">{move || state.t(DataKey::OfflineHelp)}</p>
            {(!from_file).then(|| view! {
                <p><a class="button" href="./debt-evidence-kit.html" download="debt-evidence-kit.html" data-testid="save-single-file">
                    {move || state.t(DataKey::SaveSingleFile)}
                </a></p>
            })}
            <p class="hint">{move || state.t(DataKey::SingleFileNote)}</p>
            <label class="chip">
                <input autocomplete="off" type="checkbox" data-testid="neutral-name" prop:checked=move || neutral.get()
                    on:change=move |ev| { let on = event_target_checked(&ev); neutral.set(on); state.set_neutral_name(on); } />
                {move || state.t(DataKey::NeutralName)}
            </label>
            <p class="hint">{move || state.t(DataKey::NeutralNameHelp)}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::invariants::RecordProblem;
    use crate::domain::model::Money;

    fn every_problem() -> Vec<RecordProblem> {
        let records = [
            Record::Settings,
            Record::Debt("d1".into()),
            Record::Agreement("a1".into()),
            Record::Instalment {
                agreement: "a1".into(),
                line: 2,
            },
            Record::Payment {
                agreement: "a1".into(),
                id: "p1".into(),
            },
            Record::Checklist {
                agreement: "a1".into(),
                item: "screenshot".into(),
            },
            Record::Contact(3),
            Record::Event("e1".into()),
        ];
        let amounts = [
            AmountField::OriginalAmount,
            AmountField::OverdueAmount,
            AmountField::AgreedTotal,
            AmountField::Instalment,
            AmountField::Payment,
        ]
        .map(|field| Problem::Amount {
            field,
            value: Money(-100),
            min: Money(1),
            max: money::MAX_AMOUNT,
        });
        let dates = [
            DateField::Reached,
            DateField::Due,
            DateField::Paid,
            DateField::Done,
            DateField::ContactTime,
            DateField::EarlierContactTime,
            DateField::Logged,
            DateField::Edited,
            DateField::Binned,
            DateField::EventStart,
            DateField::EventEnd,
            DateField::Replied,
        ]
        .map(|field| Problem::Year { field, year: 0 });
        let problems = [
            Problem::UnknownZone("Mars/Olympus_Mons".into()),
            Problem::SeqZero,
            Problem::SeqTooLarge { max: MAX_SEQ },
            Problem::SeqRepeated,
            Problem::IdRepeated,
            Problem::TooManyInstalments {
                count: 121,
                max: 120,
            },
            Problem::EndsBeforeStart,
            Problem::DailyWindow { from: 0, to: 1440 },
        ]
        .into_iter()
        .chain(amounts)
        .chain(dates);
        problems
            .zip(records.into_iter().cycle())
            .map(|(problem, record)| RecordProblem { record, problem })
            .collect()
    }

    #[test]
    fn every_refusal_is_worded_in_every_language() {
        for lang in Lang::ALL {
            for rp in every_problem() {
                let total = 1;
                let text = backup_error_text(
                    lang,
                    &backup::BackupError::Records(Problems {
                        first: vec![rp.clone()],
                        total,
                    }),
                );
                assert!(!text.contains('{'), "{lang:?} {rp:?}: {text}");
                assert_eq!(text.lines().count(), 2, "{text}");
            }
        }
        let zh = problems_text(
            Lang::ZhCn,
            &Problems {
                first: vec![RecordProblem {
                    record: Record::Debt("d1".into()),
                    problem: Problem::Amount {
                        field: AmountField::OriginalAmount,
                        value: Money(-100),
                        min: Money(0),
                        max: money::MAX_AMOUNT,
                    },
                }],
                total: 7,
            },
        );
        assert_eq!(
            zh,
            "备份文件里有 7 处内容不符合本应用的规则，所以没有导入任何内容：\n\
             · 欠款 d1：原始借款金额 -1.00 不在 0.00 至 999999999999.99 之间\n\
             另有 6 处没有列出。"
        );
        let en = problems_text(
            Lang::En,
            &Problems {
                first: vec![RecordProblem {
                    record: Record::Contact(2),
                    problem: Problem::Year {
                        field: DateField::ContactTime,
                        year: 0,
                    },
                }],
                total: 1,
            },
        );
        assert_eq!(
            en,
            "Nothing was imported: the backup breaks the app's rules (problems found: 1):\n\
             · Contact #2: Time of contact: year 0000 is not between 1900 and 2200"
        );
    }

    /// Issue 18: serde's English ("invalid type: floating point…") once
    /// reached a Chinese screen. Every malformed field is worded in each language.
    #[test]
    fn a_malformed_field_is_named_in_the_users_language() {
        let field = |problem| {
            backup::BackupError::Invalid(backup::InvalidField {
                path: "case.contacts[0].seq".into(),
                problem,
            })
        };
        let every = [
            field(FieldProblem::Missing),
            field(FieldProblem::WrongKind),
            field(FieldProblem::UnknownValue("传真".repeat(1000))),
            field(FieldProblem::BadValue),
            backup::BackupError::BrokenText { line: 1, column: 7 },
        ];
        for lang in Lang::ALL {
            for e in &every {
                let text = backup_error_text(lang, e);
                assert!(!text.contains('{') && text.chars().count() < 200, "{text}");
                assert!(!text.contains("invalid type") && !text.contains("missing field"));
            }
        }
        assert_eq!(
            backup_error_text(Lang::ZhCn, &field(FieldProblem::WrongKind)),
            "备份文件里 case.contacts[0].seq 这一项的值类型不对（例如该写整数的地方写了小数或文字），所以没有导入任何内容。"
        );
        assert_eq!(
            backup_error_text(Lang::En, &every[4]),
            "Nothing was imported: the backup has a damaged character (an unpaired \\u escape) at line 1, column 7. Another program may have changed the file."
        );
    }

    #[test]
    fn a_huge_id_is_cut_short() {
        let id = "债".repeat(100_000);
        let text = record_text(Lang::En, &Record::Debt(id));
        assert_eq!(text.chars().count(), "Debt ".len() + 40 + 1);
        assert!(text.ends_with('…'));
    }
}
