//! Negotiated agreements: the repayment schedule, payments matched against it,
//! whether the user is on schedule, validation, and the per-agreement checklist.
//!
//! The governing agreement of a debt is `Case::governing_agreement` (the latest
//! reached). Everything here takes `today` as a parameter; payments dated after
//! `today` are treated as not made yet, so a view for a past day is reproducible.

use chrono::{Datelike, Months, NaiveDate};

use serde::{Deserialize, Serialize};

use super::model::{
    Agreement, AgreementKind, ChecklistEntry, ChecklistStatus, FileProof, Instalment, Money,
    NegotiationChannel, Payment, RecordId,
};
use super::time;
use crate::i18n::Text;

/// An instalment due within this many days (and not yet paid) is `DueSoon`:
/// a week leaves time to move money (salary day, transfer delays).
pub const DUE_SOON_DAYS: i64 = 7;

/// More instalments than this (ten years of monthly payments) is a typing error.
pub const MAX_INSTALMENTS: usize = 120;

// ---------------------------------------------------------------------------
// Schedule generation and editing
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleError {
    /// Zero instalments requested.
    NoInstalments,
    /// More than [`MAX_INSTALMENTS`].
    TooManyInstalments,
    AmountNotPositive,
    /// The total is smaller than one minor unit per instalment.
    TotalTooSmall,
    /// A due date would fall outside the supported years ([`time::YEARS`]).
    DateOutOfRange,
}

/// `count` monthly instalments summing exactly to `total`, the first due on
/// `first_due` and each later one on the same day of the month, clamped to
/// the month's length (first due Jan 31 → Feb 28/29, Mar 31, Apr 30…).
/// Every date is computed from `first_due`, never from the previous one, so a
/// short month does not make the day drift.
///
/// Each instalment is `total / count`; the remainder (less than `count` minor
/// units) goes on the LAST instalment, as lenders usually do, so the regular
/// amount the user sets up a transfer for stays the same.
pub fn monthly_schedule(
    total: Money,
    count: usize,
    first_due: NaiveDate,
) -> Result<Vec<Instalment>, ScheduleError> {
    if count == 0 {
        return Err(ScheduleError::NoInstalments);
    }
    if count > MAX_INSTALMENTS {
        return Err(ScheduleError::TooManyInstalments);
    }
    if total.0 <= 0 {
        return Err(ScheduleError::AmountNotPositive);
    }
    // count <= 120, so these conversions cannot fail.
    let n = i64::try_from(count).map_err(|_| ScheduleError::TooManyInstalments)?;
    let base = total.0 / n;
    if base == 0 {
        return Err(ScheduleError::TotalTooSmall);
    }
    let remainder = total.0 % n;
    (0..count)
        .map(|i| {
            let months = u32::try_from(i).map_err(|_| ScheduleError::TooManyInstalments)?;
            let due = first_due
                .checked_add_months(Months::new(months))
                .filter(|d| time::YEARS.contains(&d.year()))
                .ok_or(ScheduleError::DateOutOfRange)?;
            let amount = if i + 1 == count {
                base + remainder
            } else {
                base
            };
            Ok(Instalment {
                due,
                amount: Money(amount),
            })
        })
        .collect()
}

/// The whole amount deferred to one date (an extension).
pub fn single_payment(total: Money, due: NaiveDate) -> Result<Vec<Instalment>, ScheduleError> {
    if total.0 <= 0 {
        return Err(ScheduleError::AmountNotPositive);
    }
    Ok(vec![Instalment { due, amount: total }])
}

/// Why a schedule line cannot be inserted, replaced or removed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineError {
    NoSuchLine,
    AmountNotPositive,
    DueBeforeAgreement,
    TooManyInstalments,
}

fn check_line(a: &Agreement, line: &Instalment) -> Result<(), LineError> {
    if line.amount.0 <= 0 {
        return Err(LineError::AmountNotPositive);
    }
    if line.due < a.date_reached {
        return Err(LineError::DueBeforeAgreement);
    }
    Ok(())
}

/// Keep lines in due order so indices shown by the UI follow the calendar.
/// Stable, so lines on the same day keep their relative order.
fn sort_schedule(lines: &mut [Instalment]) {
    lines.sort_by_key(|l| l.due);
}

/// Add a line; the schedule is re-sorted by due date. On error nothing changes.
pub fn insert_instalment(a: &mut Agreement, line: Instalment) -> Result<(), LineError> {
    check_line(a, &line)?;
    if a.instalments.len() >= MAX_INSTALMENTS {
        return Err(LineError::TooManyInstalments);
    }
    a.instalments.push(line);
    sort_schedule(&mut a.instalments);
    Ok(())
}

/// Replace line `index` of `a.instalments`; re-sorted by due date.
pub fn replace_instalment(
    a: &mut Agreement,
    index: usize,
    line: Instalment,
) -> Result<(), LineError> {
    check_line(a, &line)?;
    let slot = a.instalments.get_mut(index).ok_or(LineError::NoSuchLine)?;
    *slot = line;
    sort_schedule(&mut a.instalments);
    Ok(())
}

pub fn remove_instalment(a: &mut Agreement, index: usize) -> Result<Instalment, LineError> {
    if index >= a.instalments.len() {
        return Err(LineError::NoSuchLine);
    }
    Ok(a.instalments.remove(index))
}

// ---------------------------------------------------------------------------
// Payments
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PaymentError {
    AmountNotPositive,
    /// Same date, amount and reference as an existing payment: almost always
    /// the same transfer entered twice. Two genuine transfers of the same
    /// amount on one day must be told apart by their references.
    Duplicate {
        existing_id: RecordId,
    },
}

fn same_payment(a: &Payment, b: &Payment) -> bool {
    a.date == b.date && a.amount == b.amount && a.reference.trim() == b.reference.trim()
}

/// Record a payment, refusing a non-positive amount or a duplicate.
pub fn add_payment(a: &mut Agreement, payment: Payment) -> Result<(), PaymentError> {
    if payment.amount.0 <= 0 {
        return Err(PaymentError::AmountNotPositive);
    }
    if let Some(existing) = a.payments.iter().find(|p| same_payment(p, &payment)) {
        return Err(PaymentError::Duplicate {
            existing_id: existing.id.clone(),
        });
    }
    a.payments.push(payment);
    Ok(())
}

// ---------------------------------------------------------------------------
// Status of the schedule at a date
// ---------------------------------------------------------------------------

/// Status of one instalment at `today`. When an instalment is partly paid and
/// its due date is near or past, the date status wins (the rest still has to
/// be paid by then); `InstalmentState::paid` shows the part already covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InstalmentStatus {
    Paid,
    Overdue,
    DueToday,
    /// Due within [`DUE_SOON_DAYS`].
    DueSoon,
    /// Partly covered, due later than [`DUE_SOON_DAYS`].
    PartlyPaid,
    Upcoming,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InstalmentState {
    /// Position in `Agreement::instalments`, for editing.
    pub index: usize,
    pub due: NaiveDate,
    pub amount: Money,
    /// Part of the amount covered by payments made on or before `today`.
    pub paid: Money,
    /// The date of the payment that completed this instalment.
    pub paid_on: Option<NaiveDate>,
    pub status: InstalmentStatus,
    /// Fully paid, but after its due date.
    pub paid_late: bool,
}

impl InstalmentState {
    pub fn left_to_pay(&self) -> Money {
        Money(self.amount.0.saturating_sub(self.paid.0).max(0))
    }
    /// Fully covered by payments made on or before the due date.
    fn kept(&self) -> bool {
        self.status == InstalmentStatus::Paid && !self.paid_late
    }
}

struct Allocation {
    lines: Vec<InstalmentState>,
    /// Paid beyond the whole schedule.
    overpaid: Money,
    /// What each counted payment covered, in payment order.
    uses: Vec<(usize, Vec<PaymentUse>, Money)>,
}

/// The part of one payment that went to one instalment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentUse {
    /// Position in `Agreement::instalments`.
    pub index: usize,
    pub due: NaiveDate,
    pub amount: Money,
    /// Paid on or before that instalment's due date.
    pub on_time: bool,
}

/// One payment set against the schedule (for the printed evidence file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentApplied {
    pub payment: Payment,
    /// Instalments it paid towards, oldest due first; empty for a payment
    /// dated after `today` (not counted yet).
    pub uses: Vec<PaymentUse>,
    /// Paid beyond the whole schedule.
    pub beyond: Money,
    /// Dated on or before `today` with a positive amount.
    pub counted: bool,
}

/// Instalment indices in due order (ties by position).
fn due_order(a: &Agreement) -> Vec<usize> {
    let mut order: Vec<usize> = (0..a.instalments.len()).collect();
    order.sort_by_key(|&i| (a.instalments[i].due, i));
    order
}

/// Match payments made on or before `today` to instalments: oldest due
/// first, cumulatively, so one payment may cover several instalments or part
/// of one, and a later payment continues where the previous one stopped.
fn allocate(a: &Agreement, today: NaiveDate) -> Allocation {
    let order = due_order(a);
    let need: Vec<i64> = a.instalments.iter().map(|l| l.amount.0.max(0)).collect();
    let mut paid = vec![0i64; need.len()];
    // Stays None for a zero line: it is covered without any payment.
    let mut paid_on: Vec<Option<NaiveDate>> = vec![None; need.len()];

    let mut payments: Vec<(usize, &Payment)> = a
        .payments
        .iter()
        .enumerate()
        .filter(|(_, p)| p.date <= today && p.amount.0 > 0)
        .collect();
    payments.sort_by(|(_, x), (_, y)| x.date.cmp(&y.date).then_with(|| x.id.cmp(&y.id)));

    let mut cursor = 0;
    let mut overpaid = 0i64;
    let mut uses = Vec::new();
    for (pi, p) in payments {
        let mut left = p.amount.0;
        let mut went = Vec::new();
        while left > 0 {
            let Some(&i) = order.get(cursor) else { break };
            let take = (need[i] - paid[i]).min(left);
            paid[i] += take;
            left -= take;
            if take > 0 {
                let due = a.instalments[i].due;
                went.push(PaymentUse {
                    index: i,
                    due,
                    amount: Money(take),
                    on_time: p.date <= due,
                });
            }
            if paid[i] >= need[i] {
                if need[i] > 0 {
                    paid_on[i] = Some(p.date);
                }
                cursor += 1;
            }
        }
        overpaid = overpaid.saturating_add(left);
        uses.push((pi, went, Money(left)));
    }

    let lines = order
        .into_iter()
        .map(|i| {
            let line = &a.instalments[i];
            let full = paid[i] >= need[i];
            let paid_late = full && paid_on[i].is_some_and(|d| d > line.due);
            let days_left = (line.due - today).num_days();
            let status = if full {
                InstalmentStatus::Paid
            } else if days_left < 0 {
                InstalmentStatus::Overdue
            } else if days_left == 0 {
                InstalmentStatus::DueToday
            } else if days_left <= DUE_SOON_DAYS {
                InstalmentStatus::DueSoon
            } else if paid[i] > 0 {
                InstalmentStatus::PartlyPaid
            } else {
                InstalmentStatus::Upcoming
            };
            InstalmentState {
                index: i,
                due: line.due,
                amount: line.amount,
                paid: Money(paid[i]),
                paid_on: paid_on[i],
                status,
                paid_late,
            }
        })
        .collect();
    Allocation {
        lines,
        overpaid: Money(overpaid),
        uses,
    }
}

/// Every instalment with its status at `today`, in due-date order.
pub fn instalment_states(a: &Agreement, today: NaiveDate) -> Vec<InstalmentState> {
    allocate(a, today).lines
}

/// Every payment by date, with the instalments it paid (matched as in
/// [`instalment_states`]) and whether each part was on time: what shows
/// "I paid on time" on paper.
pub fn payments_applied(a: &Agreement, today: NaiveDate) -> Vec<PaymentApplied> {
    let mut uses = allocate(a, today).uses;
    let mut out: Vec<PaymentApplied> = a
        .payments
        .iter()
        .enumerate()
        .map(|(pi, p)| {
            let found = uses.iter().position(|(i, _, _)| *i == pi);
            let (went, beyond) = found
                .map(|k| {
                    let (_, w, b) = uses.swap_remove(k);
                    (w, b)
                })
                .unwrap_or_default();
            PaymentApplied {
                payment: p.clone(),
                uses: went,
                beyond,
                counted: found.is_some(),
            }
        })
        .collect();
    out.sort_by(|x, y| (x.payment.date, &x.payment.id).cmp(&(y.payment.date, &y.payment.id)));
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextDue {
    pub index: usize,
    pub due: NaiveDate,
    /// What is still to pay on that instalment.
    pub amount: Money,
    pub status: InstalmentStatus,
}

/// The oldest instalment not yet fully paid: an overdue one comes before the
/// next upcoming one, because that is what the user must pay first.
pub fn next_due(a: &Agreement, today: NaiveDate) -> Option<NextDue> {
    instalment_states(a, today)
        .into_iter()
        .find(|s| s.status != InstalmentStatus::Paid)
        .map(|s| NextDue {
            index: s.index,
            due: s.due,
            amount: s.left_to_pay(),
            status: s.status,
        })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    /// `agreed_total` if stated, else the schedule's sum.
    pub agreed: Money,
    /// Sum of the schedule lines.
    pub scheduled: Money,
    /// Payments made on or before `today`.
    pub paid: Money,
    /// `agreed - paid`, never negative.
    pub remaining: Money,
    /// Paid beyond the whole schedule.
    pub overpaid: Money,
}

fn sum(amounts: impl Iterator<Item = Money>) -> Money {
    Money(amounts.fold(0i64, |acc, m| acc.saturating_add(m.0)))
}

pub fn totals(a: &Agreement, today: NaiveDate) -> Totals {
    let scheduled = sum(a.instalments.iter().map(|l| l.amount));
    let agreed = a.agreed_total.unwrap_or(scheduled);
    let paid = sum(a
        .payments
        .iter()
        .filter(|p| p.date <= today && p.amount.0 > 0)
        .map(|p| p.amount));
    Totals {
        agreed,
        scheduled,
        paid,
        remaining: Money(agreed.0.saturating_sub(paid.0).max(0)),
        overpaid: allocate(a, today).overpaid,
    }
}

/// The earliest instalment due on or before `day` that was not fully covered
/// by payments made on or before its own due date.
pub fn first_missed_due(a: &Agreement, day: NaiveDate) -> Option<NaiveDate> {
    instalment_states(a, day)
        .into_iter()
        .find(|s| s.due <= day && !s.kept())
        .map(|s| s.due)
}

/// On schedule at `day`: every instalment due on or before `day` was fully
/// covered by payments made on or before its due date. Strictly so: on the
/// due day itself an unpaid instalment already counts (its status is
/// `DueToday`; [`missed_warning`] waits until the day is over).
pub fn is_on_schedule(a: &Agreement, day: NaiveDate) -> bool {
    first_missed_due(a, day).is_none()
}

pub const MISSED_WARNING: Text = Text::new(
    "有一期没有按时足额还款。出借方可以依约恢复催收，甚至终止这份协议。请立即通过官方客服电话或App联系出借方，说明情况，确认协议是否仍然有效，并保留沟通记录。",
    "有一期沒有按時足額還款。出借方可以依約恢復催收，甚至終止這份協議。請立即透過官方客服電話或App聯絡出借方，說明情況，確認協議是否仍然有效，並保留溝通紀錄。",
    "An instalment was not paid in full on time. The lender may now legitimately restart collection, or even end the agreement. Contact the lender through its official hotline or app at once, explain, ask whether the agreement still stands, and keep a record.",
);

/// [`MISSED_WARNING`] once an instalment is overdue or was paid late. The
/// due day itself is left to the user: it is not over yet.
pub fn missed_warning(a: &Agreement, today: NaiveDate) -> Option<Text> {
    instalment_states(a, today)
        .iter()
        .any(|s| s.due < today && !s.kept())
        .then_some(MISSED_WARNING)
}

// ---------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------

/// Problems that make an agreement wrong; the UI refuses to save it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementError {
    AgreedTotalNotPositive,
    TooManyInstalments,
    /// Index into `Agreement::instalments`.
    InstalmentAmountNotPositive {
        index: usize,
    },
    DueBeforeAgreement {
        index: usize,
    },
    /// Index into `Agreement::payments`.
    PaymentAmountNotPositive {
        index: usize,
    },
    /// `second` repeats `first` (same date, amount and reference).
    DuplicatePayment {
        first: usize,
        second: usize,
    },
}

/// Worth showing, but the agreement may still be right (e.g. fees or a waiver
/// not in the schedule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgreementWarning {
    ScheduleSumMismatch { scheduled: Money, agreed: Money },
}

/// All errors, or (if none) all warnings.
pub fn validate(a: &Agreement) -> Result<Vec<AgreementWarning>, Vec<AgreementError>> {
    let mut errors = Vec::new();
    if a.agreed_total.is_some_and(|t| t.0 <= 0) {
        errors.push(AgreementError::AgreedTotalNotPositive);
    }
    if a.instalments.len() > MAX_INSTALMENTS {
        errors.push(AgreementError::TooManyInstalments);
    }
    for (index, line) in a.instalments.iter().enumerate() {
        if line.amount.0 <= 0 {
            errors.push(AgreementError::InstalmentAmountNotPositive { index });
        }
        if line.due < a.date_reached {
            errors.push(AgreementError::DueBeforeAgreement { index });
        }
    }
    for (index, p) in a.payments.iter().enumerate() {
        if p.amount.0 <= 0 {
            errors.push(AgreementError::PaymentAmountNotPositive { index });
        }
        if let Some(first) = a.payments[..index].iter().position(|q| same_payment(q, p)) {
            errors.push(AgreementError::DuplicatePayment {
                first,
                second: index,
            });
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }

    let mut warnings = Vec::new();
    let scheduled = sum(a.instalments.iter().map(|l| l.amount));
    if let Some(agreed) = a.agreed_total {
        if !a.instalments.is_empty() && scheduled != agreed {
            warnings.push(AgreementWarning::ScheduleSumMismatch { scheduled, agreed });
        }
    }
    Ok(warnings)
}

// ---------------------------------------------------------------------------
// Checklist
// ---------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChecklistItem {
    /// Key in `Agreement::checklist`; stable, never rename.
    pub id: &'static str,
    pub title: Text,
    pub help: Text,
    /// The UI warns while a critical item is not done.
    pub critical: bool,
}

pub const WRITTEN_CONFIRMATION: &str = "written_confirmation";
pub const OFFICIAL_CHANNEL: &str = "official_channel";

/// What to secure after reaching an agreement, most important first.
pub const CHECKLIST: &[ChecklistItem] = &[
    ChecklistItem {
        id: WRITTEN_CONFIRMATION,
        title: Text::new(
            "拿到新条款的书面确认",
            "拿到新條款的書面確認",
            "Written confirmation of the new terms",
        ),
        help: Text::new(
            "协议书、短信、电子邮件或App里的记录都可以，要写明金额、每期日期和协议编号。这是最重要的一项：没有书面确认，对方以后可能不承认这份协议。请截图并保存原件。",
            "協議書、簡訊、電子郵件或App裡的紀錄都可以，要寫明金額、每期日期和協議編號。這是最重要的一項：沒有書面確認，對方以後可能不承認這份協議。請截圖並保存原件。",
            "An agreement letter, SMS, e-mail or a record in the app, stating the amounts, the due dates and the agreement reference. This is the most important item: without it the lender may later deny the agreement. Take screenshots and keep the original.",
        ),
        critical: true,
    },
    ChecklistItem {
        id: OFFICIAL_CHANNEL,
        title: Text::new(
            "通过官方渠道达成协议",
            "透過官方管道達成協議",
            "Agreed through the lender's official channel",
        ),
        help: Text::new(
            "协议应通过出借方的官方客服电话、App或网点达成，而不只是和催收员口头说定。催收员（尤其是外包催收公司）答应的条件，出借方未必认可。",
            "協議應透過出借方的官方客服電話、App或網點達成，而不只是和催收員口頭說定。催收員（尤其是委外催收公司）答應的條件，出借方未必認可。",
            "The agreement should be made through the lender's official hotline, app or branch, not only agreed verbally with a collector. Terms promised by a collector (especially an outsourced agency) may not be honoured by the lender.",
        ),
        critical: false,
    },
    ChecklistItem {
        id: "hotline_confirmed",
        title: Text::new(
            "打官方客服电话确认账户状态",
            "打官方客服電話確認帳戶狀態",
            "Account status confirmed on the official hotline",
        ),
        help: Text::new(
            "达成协议后，自己拨打出借方的官方客服电话（号码从官网或App上查，不要用催收员给的号码），确认协议已登记、账户状态正确。记下日期、时间和客服工号。",
            "達成協議後，自己撥打出借方的官方客服電話（號碼從官網或App上查，不要用催收員給的號碼），確認協議已登記、帳戶狀態正確。記下日期、時間和客服工號。",
            "After the agreement, call the lender's official hotline yourself (take the number from the official website or app, not one a collector gave you) and confirm the agreement is recorded and the account status is right. Note the date, the time and the agent's ID.",
        ),
        critical: false,
    },
    ChecklistItem {
        id: "app_shows_plan",
        title: Text::new(
            "App或官网显示新的还款计划",
            "App或官網顯示新的還款計畫",
            "The app or website shows the new plan",
        ),
        help: Text::new(
            "登录出借方的App或官网，核对显示的还款计划与协议一致（金额、日期、期数），并截图保存。如果还显示原来的逾期金额，马上联系官方客服。",
            "登入出借方的App或官網，核對顯示的還款計畫與協議一致（金額、日期、期數），並截圖保存。如果還顯示原來的逾期金額，馬上聯絡官方客服。",
            "Log in to the lender's app or website, check that the plan shown matches the agreement (amounts, dates, number of instalments) and take a screenshot. If it still shows the old overdue amount, contact the official hotline at once.",
        ),
        critical: false,
    },
    ChecklistItem {
        id: "agencies_told",
        title: Text::new(
            "告知催收机构已达成协议",
            "告知催收機構已達成協議",
            "Collection agencies told about the agreement",
        ),
        help: Text::new(
            "如果有催收公司联系你，告诉他们已经和出借方达成协议，并提供协议编号。记下告知的日期和方式；之后如果还被催收，这是重要证据。",
            "如果有催收公司聯絡你，告訴他們已經和出借方達成協議，並提供協議編號。記下告知的日期和方式；之後如果還被催收，這是重要證據。",
            "If a collection agency contacts you, tell them an agreement has been reached with the lender and give the agreement reference. Note when and how you told them: if collection continues afterwards, this is important evidence.",
        ),
        critical: false,
    },
    ChecklistItem {
        id: "hardship_proof",
        title: Text::new("保留经济困难的证明", "保留經濟困難的證明", "Proof of hardship kept"),
        help: Text::new(
            "例如失业或离职证明、病历和医疗费单据、收入证明或银行流水、低保证明等。以后申请延期或调整还款计划时会用到。",
            "例如失業或離職證明、病歷和醫療費單據、收入證明或銀行流水、低保證明等。以後申請延期或調整還款計畫時會用到。",
            "For example proof of job loss, medical records and bills, an income statement or bank statements, a minimum living allowance (低保) certificate. You will need them to ask for more time or a new plan later.",
        ),
        critical: false,
    },
    ChecklistItem {
        id: "recordings_kept",
        title: Text::new(
            "保留每次催收联系的录音和截图",
            "保留每次催收聯絡的錄音和截圖",
            "Recordings and screenshots of every collection contact kept",
        ),
        help: Text::new(
            "保存电话录音、短信和聊天截图、通话记录截图，并在别处另存一份备份。在本应用里记录每次联系：时间、号码和对方说了什么。",
            "保存電話錄音、簡訊和聊天截圖、通話紀錄截圖，並在別處另存一份備份。在本應用裡記錄每次聯絡：時間、號碼和對方說了什麼。",
            "Keep call recordings and screenshots of messages, chats and the call log, with a backup somewhere else. Log every contact in this app: the time, the number and what was said.",
        ),
        critical: false,
    },
    ChecklistItem {
        id: "contacts_warned",
        title: Text::new(
            "提前告诉家人和紧急联系人",
            "提前告訴家人和緊急聯絡人",
            "Family and emergency contacts warned",
        ),
        help: Text::new(
            "提前告诉家人和紧急联系人，催收方可能会打电话给他们。请他们不要替你还钱、不要透露你的信息，并记下来电时间和号码告诉你。",
            "提前告訴家人和緊急聯絡人，催收方可能會打電話給他們。請他們不要替你還錢、不要透露你的資訊，並記下來電時間和號碼告訴你。",
            "Tell your family and emergency contacts in advance that collectors may call them. Ask them not to pay for you or give out your details, and to note the time and number of any call and tell you.",
        ),
        critical: false,
    },
    ChecklistItem {
        id: "credit_report_checked",
        title: Text::new(
            "查询征信报告，有错误就提出异议",
            "查詢徵信報告，有錯誤就提出異議",
            "Credit report checked, errors disputed",
        ),
        help: Text::new(
            "通过中国人民银行征信中心（官网、商业银行App或网点的自助查询机）查询个人信用报告，核对这笔债务的记录。如果有错误，可以向征信中心或出借方提出异议。",
            "透過中國人民銀行徵信中心（官網、商業銀行App或網點的自助查詢機）查詢個人信用報告，核對這筆債務的紀錄。如果有錯誤，可以向徵信中心或出借方提出異議。",
            "Get your personal credit report from the People's Bank of China Credit Reference Center (人民银行征信中心: its website, a commercial bank's app or a self-service machine at a branch) and check how this debt is reported. If anything is wrong, file a dispute (异议) with the Center or the lender.",
        ),
        critical: false,
    },
    ChecklistItem {
        id: "reminders_set",
        title: Text::new(
            "为每个还款日设置提醒",
            "為每個還款日設定提醒",
            "Reminders set for every due date",
        ),
        help: Text::new(
            "一次逾期就可能让协议失效。为每一期设置提醒（可以从本应用导出到日历），并在到期前几天确认账户里有足够的钱。",
            "一次逾期就可能讓協議失效。為每一期設定提醒（可以從本應用匯出到行事曆），並在到期前幾天確認帳戶裡有足夠的錢。",
            "A single missed payment can end the agreement. Set a reminder for every instalment (you can export them from this app to your calendar) and make sure the money is in the account a few days before.",
        ),
        critical: false,
    },
    ChecklistItem {
        id: "knows_where_to_complain",
        title: Text::new("知道去哪里投诉", "知道去哪裡投訴", "Knows where to complain"),
        help: Text::new(
            "先向出借方的官方客服投诉，并记下工单号。银行、消费金融公司等持牌机构，可以拨打国家金融监督管理总局12378热线；征信问题可以拨打人民银行12363；遇到威胁、骚扰或暴力，拨打110报警。",
            "先向出借方的官方客服投訴，並記下工單號。銀行、消費金融公司等持牌機構，可以撥打國家金融監督管理總局12378熱線；徵信問題可以撥打人民銀行12363；遇到威脅、騷擾或暴力，撥打110報警。",
            "First complain to the lender's official customer service and note the ticket number. For banks, consumer finance companies and other licensed lenders, call the National Financial Regulatory Administration hotline 12378; for credit report problems, the People's Bank of China on 12363; for threats, harassment or violence, call the police on 110.",
        ),
        critical: false,
    },
];

pub fn checklist_item(id: &str) -> Option<&'static ChecklistItem> {
    CHECKLIST.iter().find(|item| item.id == id)
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChecklistError {
    UnknownItem,
    /// A critical item cannot be waived: the risk it covers remains.
    CriticalNotApplicable,
    /// The same file (same SHA-256) is already attached to this item.
    DuplicateProof,
    NoSuchProof,
}

/// A missing entry means the user has not touched the item yet.
pub fn entry_status(a: &Agreement, id: &str) -> ChecklistStatus {
    a.checklist.get(id).map(|e| e.status).unwrap_or_default()
}

/// Edit the entry of a known item. An entry back to its default is removed,
/// so the stored map only holds what the user recorded.
fn edit_entry<T>(
    a: &mut Agreement,
    id: &str,
    edit: impl FnOnce(&mut ChecklistEntry) -> Result<T, ChecklistError>,
) -> Result<T, ChecklistError> {
    let item = checklist_item(id).ok_or(ChecklistError::UnknownItem)?;
    let entry = a.checklist.entry(item.id.to_string()).or_default();
    let result = edit(entry);
    if *entry == ChecklistEntry::default() {
        a.checklist.remove(item.id);
    }
    result
}

pub fn set_entry_status(
    a: &mut Agreement,
    id: &str,
    status: ChecklistStatus,
) -> Result<(), ChecklistError> {
    if status == ChecklistStatus::NotApplicable && checklist_item(id).is_some_and(|i| i.critical) {
        return Err(ChecklistError::CriticalNotApplicable);
    }
    edit_entry(a, id, |e| {
        e.status = status;
        Ok(())
    })
}

pub fn set_entry_date(
    a: &mut Agreement,
    id: &str,
    date: Option<NaiveDate>,
) -> Result<(), ChecklistError> {
    edit_entry(a, id, |e| {
        e.date = date;
        Ok(())
    })
}

pub fn set_entry_note(a: &mut Agreement, id: &str, note: &str) -> Result<(), ChecklistError> {
    edit_entry(a, id, |e| {
        e.note = note.trim().to_string();
        Ok(())
    })
}

pub fn add_entry_proof(
    a: &mut Agreement,
    id: &str,
    proof: FileProof,
) -> Result<(), ChecklistError> {
    edit_entry(a, id, |e| {
        if e.proofs.iter().any(|p| p.sha256 == proof.sha256) {
            return Err(ChecklistError::DuplicateProof);
        }
        e.proofs.push(proof);
        Ok(())
    })
}

/// Remove the proof with this SHA-256 and return it.
pub fn remove_entry_proof(
    a: &mut Agreement,
    id: &str,
    sha256: &str,
) -> Result<FileProof, ChecklistError> {
    edit_entry(a, id, |e| {
        let pos = e
            .proofs
            .iter()
            .position(|p| p.sha256 == sha256)
            .ok_or(ChecklistError::NoSuchProof)?;
        Ok(e.proofs.remove(pos))
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChecklistProgress {
    pub done: usize,
    pub not_applicable: usize,
    pub open: usize,
    /// Done out of the applicable items, rounded down (100 only when all are
    /// done); 100 when nothing applies.
    pub percent: u8,
}

/// Progress over [`CHECKLIST`]; entries with unknown ids are ignored.
pub fn progress(a: &Agreement) -> ChecklistProgress {
    let count = |s: ChecklistStatus| {
        CHECKLIST
            .iter()
            .filter(|i| entry_status(a, i.id) == s)
            .count()
    };
    let done = count(ChecklistStatus::Done);
    let not_applicable = count(ChecklistStatus::NotApplicable);
    let open = count(ChecklistStatus::Todo);
    let applicable = done + open;
    // Nothing applicable means nothing left to do.
    let percent = (done * 100).checked_div(applicable).unwrap_or(100);
    ChecklistProgress {
        done,
        not_applicable,
        open,
        percent: u8::try_from(percent).unwrap_or(100),
    }
}

/// Items still to do, in checklist order.
pub fn open_items(a: &Agreement) -> Vec<&'static ChecklistItem> {
    CHECKLIST
        .iter()
        .filter(|i| entry_status(a, i.id) == ChecklistStatus::Todo)
        .collect()
}

/// Critical items not done (the written confirmation): the UI warns.
pub fn missing_critical(a: &Agreement) -> Vec<&'static ChecklistItem> {
    CHECKLIST
        .iter()
        .filter(|i| i.critical && entry_status(a, i.id) != ChecklistStatus::Done)
        .collect()
}

/// A checklist item the agreement's own data calls into doubt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Concern {
    pub item_id: &'static str,
    pub text: Text,
}

pub const COLLECTOR_ONLY_CONCERN: Text = Text::new(
    "这份协议只和催收员谈妥，出借方未必认可。请通过官方客服电话或App确认，并拿到书面确认。",
    "這份協議只和催收員談妥，出借方未必認可。請透過官方客服電話或App確認，並拿到書面確認。",
    "This agreement was made only with a collector, so the lender may not honour it. Confirm it through the official hotline or app and get it in writing.",
);

/// An agreement reached only on a collector's phone call is unconfirmed,
/// whatever the user ticked; it stops being a concern when the user records
/// the agreement as reached through an official channel.
pub fn concerns(a: &Agreement) -> Vec<Concern> {
    let mut out = Vec::new();
    if a.channel == NegotiationChannel::CollectorPhone {
        out.push(Concern {
            item_id: OFFICIAL_CHANNEL,
            text: COLLECTOR_ONLY_CONCERN,
        });
    }
    out
}

// ---------------------------------------------------------------------------
// Drafts: a new agreement or payment being typed, kept until saved
// ---------------------------------------------------------------------------

/// The new-agreement form as typed (text fields as text).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AgreementDraft {
    pub debt_id: RecordId,
    pub kind: AgreementKind,
    pub date: String,
    pub channel: NegotiationChannel,
    pub agent: String,
    pub reference: String,
    pub terms: String,
    pub total: String,
}

impl AgreementDraft {
    /// Typed anything worth keeping (the date and pickers start filled in).
    pub fn has_input(&self) -> bool {
        [&self.agent, &self.reference, &self.terms, &self.total]
            .iter()
            .any(|t| !t.trim().is_empty())
    }
}

/// The payment form of one agreement as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PaymentDraft {
    pub agreement_id: RecordId,
    pub date: String,
    pub amount: String,
    pub channel: String,
    pub reference: String,
    #[serde(default)]
    pub proofs: Vec<FileProof>,
}

impl PaymentDraft {
    /// The channel is left filled in after a save (the next payment usually
    /// goes the same way), so it alone is not worth keeping.
    pub fn has_input(&self) -> bool {
        [&self.amount, &self.reference]
            .iter()
            .any(|t| !t.trim().is_empty())
            || !self.proofs.is_empty()
    }
}

// Amounts in tests are written yuan_fen (100_50 = 100.50).
#[cfg(test)]
#[allow(clippy::inconsistent_digit_grouping)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn line(due: NaiveDate, amount: i64) -> Instalment {
        Instalment {
            due,
            amount: Money(amount),
        }
    }

    fn pay(id: &str, date: NaiveDate, amount: i64) -> Payment {
        Payment {
            id: id.into(),
            date,
            amount: Money(amount),
            channel: "bank".into(),
            reference: id.into(),
            proofs: Vec::new(),
        }
    }

    fn agreement(lines: Vec<Instalment>, payments: Vec<Payment>) -> Agreement {
        Agreement {
            id: "a1".into(),
            debt_id: "d1".into(),
            date_reached: d(2026, 1, 1),
            instalments: lines,
            payments,
            ..Agreement::default()
        }
    }

    fn dues(lines: &[Instalment]) -> Vec<NaiveDate> {
        lines.iter().map(|l| l.due).collect()
    }

    // --- generation ---------------------------------------------------------

    #[test]
    fn jan_31_start_clamps_to_month_end_without_drifting() {
        let s = monthly_schedule(Money(400_00), 4, d(2026, 1, 31)).unwrap();
        assert_eq!(
            dues(&s),
            vec![
                d(2026, 1, 31),
                d(2026, 2, 28),
                d(2026, 3, 31),
                d(2026, 4, 30)
            ]
        );
    }

    #[test]
    fn leap_year_february_2028() {
        let s = monthly_schedule(Money(300_00), 3, d(2028, 1, 31)).unwrap();
        assert_eq!(
            dues(&s),
            vec![d(2028, 1, 31), d(2028, 2, 29), d(2028, 3, 31)]
        );
        let s = monthly_schedule(Money(300_00), 2, d(2028, 1, 29)).unwrap();
        assert_eq!(dues(&s), vec![d(2028, 1, 29), d(2028, 2, 29)]);
    }

    #[test]
    fn thirtieth_keeps_its_day_after_february() {
        let s = monthly_schedule(Money(300_00), 3, d(2026, 1, 30)).unwrap();
        assert_eq!(
            dues(&s),
            vec![d(2026, 1, 30), d(2026, 2, 28), d(2026, 3, 30)]
        );
    }

    #[test]
    fn thirty_first_every_month_of_a_year() {
        let s = monthly_schedule(Money(1200_00), 12, d(2026, 8, 31)).unwrap();
        let expected = [
            d(2026, 8, 31),
            d(2026, 9, 30),
            d(2026, 10, 31),
            d(2026, 11, 30),
            d(2026, 12, 31),
            d(2027, 1, 31),
            d(2027, 2, 28),
            d(2027, 3, 31),
            d(2027, 4, 30),
            d(2027, 5, 31),
            d(2027, 6, 30),
            d(2027, 7, 31),
        ];
        assert_eq!(dues(&s), expected);
    }

    #[test]
    fn twelve_instalments_across_a_year_boundary() {
        let s = monthly_schedule(Money(12_000_00), 12, d(2026, 11, 15)).unwrap();
        assert_eq!(s.len(), 12);
        assert_eq!(s[0].due, d(2026, 11, 15));
        assert_eq!(s[1].due, d(2026, 12, 15));
        assert_eq!(s[2].due, d(2027, 1, 15));
        assert_eq!(s[11].due, d(2027, 10, 15));
        assert!(s.iter().all(|l| l.amount == Money(1000_00)));
    }

    #[test]
    fn remainder_goes_on_the_last_instalment() {
        let s = monthly_schedule(Money(1000_00), 3, d(2026, 3, 10)).unwrap();
        let amounts: Vec<i64> = s.iter().map(|l| l.amount.0).collect();
        assert_eq!(amounts, vec![33_333, 33_333, 33_334]);
        assert_eq!(amounts.iter().sum::<i64>(), 1000_00);

        let s = monthly_schedule(Money(100), 7, d(2026, 3, 10)).unwrap();
        let amounts: Vec<i64> = s.iter().map(|l| l.amount.0).collect();
        assert_eq!(amounts, vec![14, 14, 14, 14, 14, 14, 16]);
    }

    #[test]
    fn generator_rejects_bad_input() {
        let start = d(2026, 1, 1);
        assert_eq!(
            monthly_schedule(Money(100), 0, start),
            Err(ScheduleError::NoInstalments)
        );
        assert_eq!(
            monthly_schedule(Money(100_000), 121, start),
            Err(ScheduleError::TooManyInstalments)
        );
        assert!(monthly_schedule(Money(100_000), 120, start).is_ok());
        assert_eq!(
            monthly_schedule(Money(0), 3, start),
            Err(ScheduleError::AmountNotPositive)
        );
        assert_eq!(
            monthly_schedule(Money(-5), 3, start),
            Err(ScheduleError::AmountNotPositive)
        );
        assert_eq!(
            monthly_schedule(Money(2), 3, start),
            Err(ScheduleError::TotalTooSmall)
        );
        assert_eq!(
            monthly_schedule(Money(100), 3, NaiveDate::MAX),
            Err(ScheduleError::DateOutOfRange)
        );
        // Past the years a backup may hold (`time::YEARS`): the schedule
        // could not be exported and read back.
        assert_eq!(
            monthly_schedule(Money(1200), 12, d(2200, 6, 1)),
            Err(ScheduleError::DateOutOfRange)
        );
        assert!(monthly_schedule(Money(700), 7, d(2200, 6, 1)).is_ok());
    }

    #[test]
    fn single_deferred_date() {
        assert_eq!(
            single_payment(Money(5000_00), d(2026, 6, 30)),
            Ok(vec![line(d(2026, 6, 30), 5000_00)])
        );
        assert_eq!(
            single_payment(Money(0), d(2026, 6, 30)),
            Err(ScheduleError::AmountNotPositive)
        );
    }

    proptest! {
        #[test]
        fn generated_schedule_is_exact_and_increasing(
            total in 1i64..10_000_000_000,
            count in 1usize..=120,
            day in 0i64..20_000,
        ) {
            let first = d(2000, 1, 1) + chrono::Duration::days(day);
            match monthly_schedule(Money(total), count, first) {
                Ok(s) => {
                    prop_assert_eq!(s.len(), count);
                    prop_assert_eq!(s.iter().map(|l| l.amount.0).sum::<i64>(), total);
                    prop_assert!(s.iter().all(|l| l.amount.0 > 0));
                    prop_assert!(s.windows(2).all(|w| w[0].due < w[1].due));
                    prop_assert_eq!(s[0].due, first);
                }
                Err(e) => {
                    prop_assert_eq!(e, ScheduleError::TotalTooSmall);
                    prop_assert!(total < i64::try_from(count).unwrap());
                }
            }
        }
    }

    // --- editing ------------------------------------------------------------

    #[test]
    fn lines_can_be_inserted_replaced_and_removed() {
        let mut a = agreement(
            monthly_schedule(Money(300_00), 3, d(2026, 2, 1)).unwrap(),
            vec![],
        );
        insert_instalment(&mut a, line(d(2026, 2, 15), 50_00)).unwrap();
        assert_eq!(
            dues(&a.instalments),
            vec![d(2026, 2, 1), d(2026, 2, 15), d(2026, 3, 1), d(2026, 4, 1)]
        );

        replace_instalment(&mut a, 0, line(d(2026, 5, 1), 10_00)).unwrap();
        assert_eq!(a.instalments.last(), Some(&line(d(2026, 5, 1), 10_00)));
        assert_eq!(a.instalments[0].due, d(2026, 2, 15));

        assert_eq!(
            remove_instalment(&mut a, 0),
            Ok(line(d(2026, 2, 15), 50_00))
        );
        assert_eq!(a.instalments.len(), 3);
        assert_eq!(remove_instalment(&mut a, 3), Err(LineError::NoSuchLine));
    }

    #[test]
    fn line_edits_are_validated_and_leave_the_schedule_unchanged() {
        let mut a = agreement(vec![line(d(2026, 2, 1), 100)], vec![]);
        let before = a.clone();
        assert_eq!(
            insert_instalment(&mut a, line(d(2026, 3, 1), 0)),
            Err(LineError::AmountNotPositive)
        );
        assert_eq!(
            insert_instalment(&mut a, line(d(2025, 12, 31), 100)),
            Err(LineError::DueBeforeAgreement)
        );
        assert_eq!(
            replace_instalment(&mut a, 5, line(d(2026, 3, 1), 100)),
            Err(LineError::NoSuchLine)
        );
        assert_eq!(
            replace_instalment(&mut a, 0, line(d(2026, 3, 1), -1)),
            Err(LineError::AmountNotPositive)
        );
        assert_eq!(a, before);

        let mut full = agreement(
            monthly_schedule(Money(120_00), 120, d(2026, 2, 1)).unwrap(),
            vec![],
        );
        assert_eq!(
            insert_instalment(&mut full, line(d(2026, 2, 2), 1)),
            Err(LineError::TooManyInstalments)
        );
    }

    // --- payments and matching ----------------------------------------------

    fn three_months() -> Vec<Instalment> {
        vec![
            line(d(2026, 2, 10), 100_00),
            line(d(2026, 3, 10), 100_00),
            line(d(2026, 4, 10), 100_00),
        ]
    }

    fn statuses(a: &Agreement, today: NaiveDate) -> Vec<InstalmentStatus> {
        instalment_states(a, today)
            .iter()
            .map(|s| s.status)
            .collect()
    }

    use InstalmentStatus::*;

    #[test]
    fn partial_payment_covers_part_of_the_oldest() {
        let a = agreement(three_months(), vec![pay("p1", d(2026, 1, 20), 40_00)]);
        let s = instalment_states(&a, d(2026, 1, 20));
        assert_eq!(s[0].paid, Money(40_00));
        assert_eq!(s[0].left_to_pay(), Money(60_00));
        assert_eq!(s[0].status, PartlyPaid);
        assert_eq!(s[0].paid_on, None);
        assert_eq!(s[1].paid, Money(0));
        // The remaining 60 arrives later and completes it.
        let a = agreement(
            three_months(),
            vec![
                pay("p1", d(2026, 1, 20), 40_00),
                pay("p2", d(2026, 2, 5), 60_00),
            ],
        );
        let s = instalment_states(&a, d(2026, 2, 5));
        assert_eq!((s[0].status, s[0].paid_on), (Paid, Some(d(2026, 2, 5))));
        assert!(!s[0].paid_late);
    }

    #[test]
    fn one_payment_covers_several_instalments() {
        let a = agreement(three_months(), vec![pay("p1", d(2026, 2, 1), 250_00)]);
        let s = instalment_states(&a, d(2026, 2, 1));
        assert_eq!(statuses(&a, d(2026, 2, 1)), vec![Paid, Paid, PartlyPaid]);
        assert_eq!(s[1].paid_on, Some(d(2026, 2, 1)));
        assert_eq!(s[2].paid, Money(50_00));
        assert_eq!(
            next_due(&a, d(2026, 2, 1)),
            Some(NextDue {
                index: 2,
                due: d(2026, 4, 10),
                amount: Money(50_00),
                status: PartlyPaid
            })
        );
    }

    #[test]
    fn over_payment_is_reported_not_lost() {
        let a = agreement(three_months(), vec![pay("p1", d(2026, 2, 1), 350_00)]);
        assert_eq!(statuses(&a, d(2026, 2, 1)), vec![Paid, Paid, Paid]);
        let t = totals(&a, d(2026, 2, 1));
        assert_eq!(t.overpaid, Money(50_00));
        assert_eq!(t.paid, Money(350_00));
        assert_eq!(t.remaining, Money(0));
        assert_eq!(next_due(&a, d(2026, 2, 1)), None);
    }

    #[test]
    fn each_payment_shows_the_instalments_it_paid_and_whether_on_time() {
        let a = agreement(
            three_months(),
            vec![
                // Entered out of order; one pays two instalments, the last runs over.
                pay("p3", d(2026, 4, 20), 150_00),
                pay("p1", d(2026, 2, 9), 50_00),
                pay("p2", d(2026, 2, 28), 150_00),
                pay("p4", d(2026, 5, 1), 10_00),
            ],
        );
        let applied = payments_applied(&a, d(2026, 4, 30));
        let ids: Vec<&str> = applied.iter().map(|x| x.payment.id.as_str()).collect();
        assert_eq!(ids, ["p1", "p2", "p3", "p4"]);
        // p1 pays half of the first instalment, on time.
        assert_eq!(applied[0].uses.len(), 1);
        assert_eq!(applied[0].uses[0].index, 0);
        assert_eq!(applied[0].uses[0].amount, Money(50_00));
        assert!(applied[0].uses[0].on_time);
        // p2 finishes the first one late and pays the second early.
        let p2 = &applied[1].uses;
        assert_eq!(p2.len(), 2);
        assert_eq!((p2[0].index, p2[0].amount), (0, Money(50_00)));
        assert!(!p2[0].on_time);
        assert_eq!((p2[1].index, p2[1].amount), (1, Money(100_00)));
        assert!(p2[1].on_time);
        // p3 pays the third and runs beyond the schedule.
        assert_eq!(applied[2].uses.len(), 1);
        assert_eq!(applied[2].beyond, Money(50_00));
        assert_eq!(applied[2].uses[0].due, d(2026, 4, 10));
        assert!(!applied[2].uses[0].on_time);
        // p4 is after "today": listed, not counted.
        assert!(!applied[3].counted);
        assert!(applied[3].uses.is_empty());
        assert!(applied[..3].iter().all(|x| x.counted));
        // The parts add up to the payments.
        for x in &applied[..3] {
            let total: i64 = x.uses.iter().map(|u| u.amount.0).sum::<i64>() + x.beyond.0;
            assert_eq!(total, x.payment.amount.0);
        }
    }

    #[test]
    fn drafts_with_only_the_prefilled_fields_are_not_kept() {
        let mut a = AgreementDraft {
            debt_id: "d1".into(),
            date: "2026-02-01".into(),
            ..AgreementDraft::default()
        };
        assert!(!a.has_input());
        a.terms = "分 3 期".into();
        assert!(a.has_input());
        let mut p = PaymentDraft {
            agreement_id: "a1".into(),
            date: "2026-02-01".into(),
            ..PaymentDraft::default()
        };
        assert!(!p.has_input());
        p.reference = "2026020112345".into();
        assert!(p.has_input());
    }

    #[test]
    fn late_payment_is_detected() {
        let a = agreement(three_months(), vec![pay("p1", d(2026, 2, 12), 100_00)]);
        let s = instalment_states(&a, d(2026, 2, 20));
        assert_eq!(s[0].status, Paid);
        assert!(s[0].paid_late);
        assert_eq!(s[0].paid_on, Some(d(2026, 2, 12)));
    }

    #[test]
    fn payments_are_matched_in_date_order_whatever_the_entry_order() {
        let a = agreement(
            three_months(),
            vec![
                pay("p2", d(2026, 3, 9), 100_00),
                pay("p1", d(2026, 2, 9), 100_00),
            ],
        );
        let s = instalment_states(&a, d(2026, 3, 20));
        assert_eq!(s[0].paid_on, Some(d(2026, 2, 9)));
        assert_eq!(s[1].paid_on, Some(d(2026, 3, 9)));
        assert!(is_on_schedule(&a, d(2026, 3, 20)));
    }

    #[test]
    fn unsorted_schedule_is_matched_oldest_due_first() {
        let mut lines = three_months();
        lines.reverse();
        let a = agreement(lines, vec![pay("p1", d(2026, 2, 1), 100_00)]);
        let s = instalment_states(&a, d(2026, 2, 1));
        assert_eq!(
            (s[0].index, s[0].due, s[0].status),
            (2, d(2026, 2, 10), Paid)
        );
    }

    #[test]
    fn future_dated_payments_do_not_count_yet() {
        let a = agreement(three_months(), vec![pay("p1", d(2026, 2, 8), 100_00)]);
        assert_eq!(statuses(&a, d(2026, 2, 7))[0], DueSoon);
        assert_eq!(totals(&a, d(2026, 2, 7)).paid, Money(0));
        assert_eq!(statuses(&a, d(2026, 2, 8))[0], Paid);
    }

    #[test]
    fn duplicate_payment_is_refused() {
        let mut a = agreement(three_months(), vec![]);
        add_payment(&mut a, pay("p1", d(2026, 2, 1), 100_00)).unwrap();
        let mut again = pay("p2", d(2026, 2, 1), 100_00);
        again.reference = " p1 ".into();
        assert_eq!(
            add_payment(&mut a, again.clone()),
            Err(PaymentError::Duplicate {
                existing_id: "p1".into()
            })
        );
        again.reference = "other transfer".into();
        assert_eq!(add_payment(&mut a, again), Ok(()));
        assert_eq!(
            add_payment(&mut a, pay("p3", d(2026, 2, 1), 0)),
            Err(PaymentError::AmountNotPositive)
        );
        assert_eq!(a.payments.len(), 2);
    }

    // --- status at a date ---------------------------------------------------

    #[test]
    fn status_around_the_due_date() {
        let a = agreement(vec![line(d(2026, 3, 10), 100_00)], vec![]);
        let at = |day| statuses(&a, day)[0];
        assert_eq!(
            at(d(2026, 3, 2)),
            Upcoming,
            "8 days before: outside the window"
        );
        assert_eq!(at(d(2026, 3, 3)), DueSoon, "7 days before");
        assert_eq!(at(d(2026, 3, 9)), DueSoon);
        assert_eq!(at(d(2026, 3, 10)), DueToday);
        assert_eq!(at(d(2026, 3, 11)), Overdue);
    }

    #[test]
    fn partly_paid_yields_to_date_statuses() {
        let a = agreement(
            vec![line(d(2026, 3, 10), 100_00)],
            vec![pay("p1", d(2026, 1, 5), 10_00)],
        );
        let at = |day| statuses(&a, day)[0];
        assert_eq!(at(d(2026, 2, 1)), PartlyPaid);
        assert_eq!(at(d(2026, 3, 5)), DueSoon);
        assert_eq!(at(d(2026, 3, 10)), DueToday);
        assert_eq!(at(d(2026, 3, 11)), Overdue);
        assert_eq!(
            next_due(&a, d(2026, 3, 11)).map(|n| n.amount),
            Some(Money(90_00))
        );
    }

    #[test]
    fn next_due_is_the_oldest_unpaid_even_if_overdue() {
        let a = agreement(three_months(), vec![]);
        let n = next_due(&a, d(2026, 3, 1)).unwrap();
        assert_eq!(
            (n.due, n.amount, n.status),
            (d(2026, 2, 10), Money(100_00), Overdue)
        );
    }

    #[test]
    fn totals_use_agreed_total_when_stated() {
        let mut a = agreement(three_months(), vec![pay("p1", d(2026, 2, 1), 120_00)]);
        let t = totals(&a, d(2026, 2, 1));
        assert_eq!(
            (t.agreed, t.scheduled, t.paid, t.remaining),
            (Money(300_00), Money(300_00), Money(120_00), Money(180_00))
        );
        a.agreed_total = Some(Money(320_00));
        let t = totals(&a, d(2026, 2, 1));
        assert_eq!(
            (t.agreed, t.scheduled, t.remaining),
            (Money(320_00), Money(300_00), Money(200_00))
        );
    }

    // --- on schedule --------------------------------------------------------

    #[test]
    fn on_schedule_when_every_past_instalment_was_paid_by_its_due_date() {
        let a = agreement(
            three_months(),
            vec![
                pay("p1", d(2026, 2, 10), 100_00),
                pay("p2", d(2026, 3, 1), 100_00),
            ],
        );
        assert!(is_on_schedule(&a, d(2026, 1, 15)), "nothing due yet");
        assert!(is_on_schedule(&a, d(2026, 3, 10)));
        assert!(
            !is_on_schedule(&a, d(2026, 4, 10)),
            "third unpaid on its due day"
        );
        assert_eq!(first_missed_due(&a, d(2026, 4, 10)), Some(d(2026, 4, 10)));
        assert_eq!(
            missed_warning(&a, d(2026, 4, 10)),
            None,
            "the due day is not over"
        );
        assert_eq!(missed_warning(&a, d(2026, 4, 11)), Some(MISSED_WARNING));
    }

    #[test]
    fn a_late_payment_breaks_the_schedule_for_good() {
        let a = agreement(
            three_months(),
            vec![
                pay("p1", d(2026, 2, 11), 100_00),
                pay("p2", d(2026, 3, 1), 200_00),
            ],
        );
        assert!(!is_on_schedule(&a, d(2026, 2, 10)));
        assert!(
            !is_on_schedule(&a, d(2026, 5, 1)),
            "paid up, but the first was late"
        );
        assert_eq!(first_missed_due(&a, d(2026, 5, 1)), Some(d(2026, 2, 10)));
        assert_eq!(missed_warning(&a, d(2026, 5, 1)), Some(MISSED_WARNING));
        assert!(statuses(&a, d(2026, 5, 1)).iter().all(|s| *s == Paid));
    }

    #[test]
    fn partial_cover_by_the_due_date_is_a_miss() {
        let a = agreement(three_months(), vec![pay("p1", d(2026, 2, 10), 99_99)]);
        assert!(!is_on_schedule(&a, d(2026, 2, 10)));
        assert_eq!(first_missed_due(&a, d(2026, 2, 28)), Some(d(2026, 2, 10)));
    }

    #[test]
    fn missed_warning_is_in_three_languages() {
        for lang in Lang::ALL {
            assert!(!MISSED_WARNING.get(lang).is_empty());
        }
        assert!(MISSED_WARNING.zh_cn.contains("官方"));
        assert!(MISSED_WARNING.en.contains("official"));
    }

    // --- validation ---------------------------------------------------------

    #[test]
    fn valid_agreement_has_no_warnings() {
        let mut a = agreement(three_months(), vec![pay("p1", d(2026, 2, 1), 100_00)]);
        a.agreed_total = Some(Money(300_00));
        assert_eq!(validate(&a), Ok(vec![]));
    }

    #[test]
    fn schedule_sum_mismatch_is_only_a_warning() {
        let mut a = agreement(three_months(), vec![]);
        a.agreed_total = Some(Money(310_00));
        assert_eq!(
            validate(&a),
            Ok(vec![AgreementWarning::ScheduleSumMismatch {
                scheduled: Money(300_00),
                agreed: Money(310_00)
            }])
        );
    }

    #[test]
    fn validation_errors_are_all_reported() {
        let mut a = agreement(
            vec![line(d(2025, 12, 1), 100_00), line(d(2026, 2, 1), 0)],
            vec![
                pay("p1", d(2026, 2, 1), 100_00),
                pay("p2", d(2026, 2, 1), -1),
                pay("p1", d(2026, 2, 1), 100_00),
            ],
        );
        a.agreed_total = Some(Money(0));
        assert_eq!(
            validate(&a),
            Err(vec![
                AgreementError::AgreedTotalNotPositive,
                AgreementError::DueBeforeAgreement { index: 0 },
                AgreementError::InstalmentAmountNotPositive { index: 1 },
                AgreementError::PaymentAmountNotPositive { index: 1 },
                AgreementError::DuplicatePayment {
                    first: 0,
                    second: 2
                },
            ])
        );
    }

    #[test]
    fn too_many_instalments_is_an_error() {
        let mut lines = monthly_schedule(Money(120_00), 120, d(2026, 2, 1)).unwrap();
        lines.push(line(d(2036, 2, 1), 1));
        assert_eq!(
            validate(&agreement(lines, vec![])),
            Err(vec![AgreementError::TooManyInstalments])
        );
    }

    // --- checklist ----------------------------------------------------------

    #[test]
    fn checklist_ids_are_stable_and_in_order() {
        let ids: Vec<&str> = CHECKLIST.iter().map(|i| i.id).collect();
        assert_eq!(
            ids,
            vec![
                "written_confirmation",
                "official_channel",
                "hotline_confirmed",
                "app_shows_plan",
                "agencies_told",
                "hardship_proof",
                "recordings_kept",
                "contacts_warned",
                "credit_report_checked",
                "reminders_set",
                "knows_where_to_complain",
            ]
        );
        let critical: Vec<&str> = CHECKLIST
            .iter()
            .filter(|i| i.critical)
            .map(|i| i.id)
            .collect();
        assert_eq!(critical, vec!["written_confirmation"]);
    }

    #[test]
    fn checklist_texts_are_complete() {
        for item in CHECKLIST {
            assert!(
                item.id.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{}",
                item.id
            );
            for lang in Lang::ALL {
                assert!(
                    !item.title.get(lang).trim().is_empty(),
                    "{} title {lang:?}",
                    item.id
                );
                assert!(
                    !item.help.get(lang).trim().is_empty(),
                    "{} help {lang:?}",
                    item.id
                );
            }
            assert_ne!(item.title.zh_cn, item.title.en);
        }
    }

    fn proof(sha: &str) -> FileProof {
        FileProof {
            name: "sms.png".into(),
            size: 10,
            mime: "image/png".into(),
            sha256: sha.into(),
        }
    }

    #[test]
    fn entries_default_to_todo_and_can_be_edited() {
        let mut a = agreement(vec![], vec![]);
        assert_eq!(entry_status(&a, "hotline_confirmed"), ChecklistStatus::Todo);
        set_entry_status(&mut a, "hotline_confirmed", ChecklistStatus::Done).unwrap();
        set_entry_date(&mut a, "hotline_confirmed", Some(d(2026, 1, 2))).unwrap();
        set_entry_note(&mut a, "hotline_confirmed", " agent 0421 \n").unwrap();
        let e = &a.checklist["hotline_confirmed"];
        assert_eq!(
            (e.status, e.date, e.note.as_str()),
            (ChecklistStatus::Done, Some(d(2026, 1, 2)), "agent 0421")
        );

        assert_eq!(
            set_entry_status(&mut a, "nope", ChecklistStatus::Done),
            Err(ChecklistError::UnknownItem)
        );
        assert_eq!(
            set_entry_status(&mut a, WRITTEN_CONFIRMATION, ChecklistStatus::NotApplicable),
            Err(ChecklistError::CriticalNotApplicable)
        );
        assert!(!a.checklist.contains_key(WRITTEN_CONFIRMATION));
    }

    #[test]
    fn entries_back_to_default_are_dropped() {
        let mut a = agreement(vec![], vec![]);
        set_entry_status(&mut a, "reminders_set", ChecklistStatus::Done).unwrap();
        set_entry_status(&mut a, "reminders_set", ChecklistStatus::Todo).unwrap();
        assert!(a.checklist.is_empty());
    }

    #[test]
    fn proofs_can_be_added_and_removed() {
        let mut a = agreement(vec![], vec![]);
        add_entry_proof(&mut a, WRITTEN_CONFIRMATION, proof("aa")).unwrap();
        add_entry_proof(&mut a, WRITTEN_CONFIRMATION, proof("bb")).unwrap();
        assert_eq!(
            add_entry_proof(&mut a, WRITTEN_CONFIRMATION, proof("aa")),
            Err(ChecklistError::DuplicateProof)
        );
        assert_eq!(a.checklist[WRITTEN_CONFIRMATION].proofs.len(), 2);
        assert_eq!(
            remove_entry_proof(&mut a, WRITTEN_CONFIRMATION, "aa"),
            Ok(proof("aa"))
        );
        assert_eq!(
            remove_entry_proof(&mut a, WRITTEN_CONFIRMATION, "aa"),
            Err(ChecklistError::NoSuchProof)
        );
        assert_eq!(
            remove_entry_proof(&mut a, WRITTEN_CONFIRMATION, "bb"),
            Ok(proof("bb"))
        );
        assert!(a.checklist.is_empty());
        // A proof alone does not tick the item.
        add_entry_proof(&mut a, WRITTEN_CONFIRMATION, proof("cc")).unwrap();
        assert_eq!(
            entry_status(&a, WRITTEN_CONFIRMATION),
            ChecklistStatus::Todo
        );
    }

    #[test]
    fn progress_counts_applicable_items() {
        let mut a = agreement(vec![], vec![]);
        assert_eq!(
            progress(&a),
            ChecklistProgress {
                done: 0,
                not_applicable: 0,
                open: 11,
                percent: 0
            }
        );
        set_entry_status(&mut a, WRITTEN_CONFIRMATION, ChecklistStatus::Done).unwrap();
        set_entry_status(&mut a, "hardship_proof", ChecklistStatus::NotApplicable).unwrap();
        set_entry_status(&mut a, "agencies_told", ChecklistStatus::NotApplicable).unwrap();
        set_entry_status(&mut a, "reminders_set", ChecklistStatus::Done).unwrap();
        // An unknown key (e.g. from a newer version) is ignored.
        a.checklist.insert(
            "future_item".into(),
            ChecklistEntry {
                status: ChecklistStatus::Done,
                ..ChecklistEntry::default()
            },
        );
        assert_eq!(
            progress(&a),
            ChecklistProgress {
                done: 2,
                not_applicable: 2,
                open: 7,
                percent: 22
            }
        );
        let open: Vec<&str> = open_items(&a).iter().map(|i| i.id).collect();
        assert_eq!(open.len(), 7);
        assert_eq!(open[0], OFFICIAL_CHANNEL);
        assert!(!open.contains(&"hardship_proof"));

        for item in CHECKLIST {
            if entry_status(&a, item.id) == ChecklistStatus::Todo {
                set_entry_status(&mut a, item.id, ChecklistStatus::NotApplicable).unwrap();
            }
        }
        assert_eq!(progress(&a).percent, 100);
        assert!(open_items(&a).is_empty());
    }

    #[test]
    fn missing_written_confirmation_is_critical() {
        let mut a = agreement(vec![], vec![]);
        let missing: Vec<&str> = missing_critical(&a).iter().map(|i| i.id).collect();
        assert_eq!(missing, vec![WRITTEN_CONFIRMATION]);
        set_entry_status(&mut a, WRITTEN_CONFIRMATION, ChecklistStatus::Done).unwrap();
        assert!(missing_critical(&a).is_empty());
    }

    #[test]
    fn collector_only_agreement_is_a_concern() {
        let mut a = agreement(vec![], vec![]);
        assert!(concerns(&a).is_empty());
        a.channel = NegotiationChannel::CollectorPhone;
        set_entry_status(&mut a, OFFICIAL_CHANNEL, ChecklistStatus::Done).unwrap();
        assert_eq!(
            concerns(&a),
            vec![Concern {
                item_id: OFFICIAL_CHANNEL,
                text: COLLECTOR_ONLY_CONCERN
            }]
        );
        assert!(checklist_item(OFFICIAL_CHANNEL).is_some());
    }
}
