//! Mainland China (`rules.md` §3).

use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, Duration, NaiveDate};

use super::catalog::*;
use super::engine::{
    assemble, clusters, count, days_after, days_before, finding, hours, single, Ctx, Item,
};
use super::{Creditor, Facts, Finding, Measure, Named, Rule, Unit};
use crate::domain::holidays;
use crate::domain::model::{Channel, EventKind, LenderType, Money, Outcome, Target, Tick};
use crate::domain::phone;

pub(super) fn check(ctx: &Ctx, today: NaiveDate, out: &mut Vec<Finding>) {
    hours(
        ctx,
        &CN_HOURS,
        |_| Some((CN_DAY_START, CN_NIGHT_START)),
        out,
    );
    daily_connected(ctx, out);
    daily_attempts(ctx, out);
    burst(ctx, out);
    repeated_abuse(ctx, out);
    per_contact(ctx, out);
    while_reachable(ctx, out);
    after_refusal(ctx, out);
    escalation(ctx, out);
    after_complaint(ctx, out);
    after_stop_request(ctx, out);
    agreement_old_schedule(ctx, out);
    deadlines(ctx, today, out);
}

const ABUSE_TICKS: &[Tick] = &[
    Tick::ThreatHarm,
    Tick::ThreatFamily,
    Tick::Insult,
    Tick::Obscene,
];

/// §3.4–3.5: one finding per ticked contact.
static TICK_RULES: [(&Rule, &[Tick]); 11] = [
    (&CN_THREAT, &[Tick::ThreatHarm, Tick::ThreatFamily]),
    (&CN_INSULT, &[Tick::Insult, Tick::Obscene]),
    (
        &CN_IMPERSONATION,
        &[Tick::ImpersonateOfficial, Tick::ImpersonateLawyer],
    ),
    (
        &CN_FALSE_CONSEQUENCES,
        &[
            Tick::FalseArrestClaim,
            Tick::FakeBlacklist,
            Tick::ExaggeratedAmount,
            Tick::FalseFamilyConsequence,
        ],
    ),
    (&CN_EXTRA_FEES, &[Tick::ExtraFeeDemand]),
    (&CN_NEW_LOAN, &[Tick::PushNewLoan]),
    (&CN_PUBLIC_EXPOSURE, &[Tick::PublicExposure]),
    (&CN_NO_IDENTITY, &[Tick::RefusedIdentity]),
    (&CN_PRIVATE_CHANNEL, &[Tick::PersonalChannel]),
    (&CN_HOME_ENTRY, &[Tick::EnteredHome, Tick::RefusedToLeave]),
    (
        &CN_VIOLENCE,
        &[
            Tick::PhysicalForce,
            Tick::RestrictedMovement,
            Tick::Following,
        ],
    ),
];

/// 刑法 第293条之一: violence, coercion, restraint, home intrusion, intimidation,
/// following or harassment.
const ILLEGAL_DEBT_TICKS: &[Tick] = &[
    Tick::ThreatHarm,
    Tick::ThreatFamily,
    Tick::ThreatenedContacts,
    Tick::VisitThreat,
    Tick::PhysicalForce,
    Tick::RestrictedMovement,
    Tick::Following,
    Tick::EnteredHome,
    Tick::RefusedToLeave,
    Tick::PublicExposure,
];

/// CN-ESCALATION (a): threat, insult, harassment or visit after police action.
const ESCALATION_TICKS: &[Tick] = &[
    Tick::ThreatHarm,
    Tick::ThreatFamily,
    Tick::ThreatenedContacts,
    Tick::VisitThreat,
    Tick::Insult,
    Tick::Obscene,
    Tick::PublicExposure,
    Tick::PhysicalForce,
    Tick::RestrictedMovement,
    Tick::Following,
    Tick::EnteredHome,
    Tick::RefusedToLeave,
];

/// Frequency counts skip calls the user asked for (§2: consent for that one call).
fn frequency_call(it: &Item) -> bool {
    it.timed() && it.is_call() && !it.has(Tick::ConsentGiven)
}

fn daily_connected(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut days: BTreeMap<(Option<&str>, NaiveDate), Vec<&Item>> = BTreeMap::new();
    for it in ctx.items.iter().filter(|it| {
        frequency_call(it)
            && it.data.outcome == Some(Outcome::Talked)
            && it.target() == Target::Debtor
    }) {
        days.entry((it.lender, it.day)).or_default().push(it);
    }
    for ((_, day), calls) in days {
        if count(calls.len()) > CN_CONNECTED_LIMIT {
            let m = Measure::PerDay {
                day,
                count: count(calls.len()),
                limit: CN_CONNECTED_LIMIT,
                unit: Unit::TalkedCalls,
            };
            out.extend(finding(&CN_DAILY_CONNECTED, &calls, None, m));
        }
    }
}

fn daily_attempts(ctx: &Ctx, out: &mut Vec<Finding>) {
    let fallback = phone::key(&ctx.case.debtor.phone);
    let mut days: BTreeMap<(Option<&str>, String, NaiveDate), Vec<&Item>> = BTreeMap::new();
    for it in ctx.items.iter().filter(|it| {
        frequency_call(it)
            && matches!(
                it.data.outcome,
                Some(Outcome::Unanswered | Outcome::Voicemail)
            )
            && it.target() == Target::Debtor
    }) {
        let dialled = phone::key(&it.data.number_dialled);
        let number = if dialled.is_empty() {
            fallback.clone()
        } else {
            dialled
        };
        days.entry((it.lender, number, it.day))
            .or_default()
            .push(it);
    }
    for ((_, number, day), calls) in days {
        if count(calls.len()) > CN_ATTEMPTS_LIMIT {
            let m = Measure::PerNumberDay {
                day,
                number,
                count: count(calls.len()),
                limit: CN_ATTEMPTS_LIMIT,
            };
            out.extend(finding(&CN_DAILY_ATTEMPTS, &calls, None, m));
        }
    }
}

/// Findings for each run of `min` or more contacts within `span`, per group.
fn runs<'a, K: Ord>(
    groups: BTreeMap<K, Vec<&'a Item<'a>>>,
    span: Duration,
    min: u32,
    mut emit: impl FnMut(&[&'a Item<'a>]),
) {
    for items in groups.values() {
        let times: Vec<i64> = items.iter().map(|it| it.at.timestamp()).collect();
        for (start, end) in clusters(&times, span.num_seconds(), min as usize) {
            emit(&items[start..=end]);
        }
    }
}

fn burst(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut groups: BTreeMap<Option<&str>, Vec<&Item>> = BTreeMap::new();
    for it in ctx.items.iter().filter(|it| frequency_call(it)) {
        groups.entry(it.lender).or_default().push(it);
    }
    let minutes = CN_BURST_MINUTES;
    runs(
        groups,
        Duration::minutes(i64::from(minutes)),
        CN_BURST_MIN,
        |run| {
            out.extend(cluster_finding(&CN_BURST, run, minutes, Unit::Calls));
        },
    );
}

fn cluster_finding(
    rule: &'static Rule,
    run: &[&Item],
    minutes: u32,
    unit: Unit,
) -> Option<Finding> {
    let (first, last) = (run.first()?, run.last()?);
    let m = Measure::Cluster {
        start: first.local,
        end: last.local,
        count: count(run.len()),
        minutes,
        unit,
    };
    finding(rule, run, None, m)
}

/// Grouped by creditor; unattributed contacts by the number they came from
/// (contacts with neither cannot be tied together and are left out).
fn repeated_abuse(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut groups: BTreeMap<(Option<&str>, String), Vec<&Item>> = BTreeMap::new();
    for it in ctx
        .items
        .iter()
        .filter(|it| it.collector && it.has_any(ABUSE_TICKS))
    {
        let number = if it.lender.is_some() {
            String::new()
        } else {
            phone::key(&it.data.from_number)
        };
        if it.lender.is_some() || !number.is_empty() {
            groups.entry((it.lender, number)).or_default().push(it);
        }
    }
    let days = CN_ABUSE_DAYS;
    let span = Duration::days(i64::from(days));
    runs(groups, span, CN_ABUSE_MIN, |run| {
        out.extend(densest_finding(&CN_REPEATED_ABUSE, run, span, days));
    });
}

/// One finding for a maximal run, measured by its densest window of `span`
/// (so the dates shown never cover more than `span`), listing every contact
/// of the run.
fn densest_finding(
    rule: &'static Rule,
    run: &[&Item],
    span: Duration,
    days: u32,
) -> Option<Finding> {
    let (first, last) = (run.first()?, run.last()?);
    let (mut best, mut from, mut to) = (0usize, 0usize, 0usize);
    let mut j = 0usize;
    for i in 0..run.len() {
        j = j.max(i);
        while j + 1 < run.len() && run[j + 1].at - run[i].at <= span {
            j += 1;
        }
        if j + 1 - i > best {
            (best, from, to) = (j + 1 - i, i, j);
        }
    }
    let m = Measure::Densest {
        start: run[from].local,
        end: run[to].local,
        count: count(best),
        days,
        first: first.local,
        last: last.local,
        total: count(run.len()),
        unit: Unit::AbusiveContacts,
    };
    let mut f = finding(rule, run, None, m)?;
    // The threshold is the app's heuristic [U] (rules.md §3.2).
    f.unverified = true;
    Some(f)
}

/// Rules decided by one contact on its own.
fn per_contact(ctx: &Ctx, out: &mut Vec<Finding>) {
    for it in ctx.items.iter().filter(|it| it.collector) {
        let third = it.target().is_third_party();
        if third && it.has(Tick::AskedThirdPartyToPay) {
            out.extend(single(&CN_TP_COLLECT, it, None, it.occurrence()));
        }
        if third && it.has(Tick::DisclosedDebt) {
            out.extend(single(&CN_TP_DISCLOSURE, it, None, it.occurrence()));
        }
        if it.target() == Target::PhonebookContact {
            out.extend(single(&CN_PHONEBOOK, it, None, it.occurrence()));
        }
        for (rule, ticks) in &TICK_RULES {
            if it.has_any(ticks) {
                out.extend(single(rule, it, None, it.occurrence()));
            }
        }
        if let Some(staff) = it
            .data
            .visit_staff
            .filter(|s| it.data.channel.is_visit() && *s < CN_VISIT_MIN_STAFF)
        {
            let m = Measure::VisitStaff {
                at: it.local,
                staff,
                min: CN_VISIT_MIN_STAFF,
            };
            out.extend(single(&CN_VISIT_STAFF, it, None, m));
        }
        if it.debt.is_some_and(|d| d.possibly_illegal) && it.has_any(ILLEGAL_DEBT_TICKS) {
            out.extend(single(&CN_ILLEGAL_DEBT, it, None, it.occurrence()));
        }
    }
}

/// Active contacts per known lender, in time order. Rules that link one
/// contact to another skip the unknown-creditor bucket: two unattributed
/// contacts may come from different collectors.
fn by_lender<'c, 'a>(ctx: &'c Ctx<'a>) -> BTreeMap<&'a str, Vec<&'c Item<'a>>> {
    let mut map: BTreeMap<&str, Vec<&Item>> = BTreeMap::new();
    for it in &ctx.items {
        if let Some(l) = it.lender {
            map.entry(l).or_default().push(it);
        }
    }
    map
}

fn is_message(ch: Channel) -> bool {
    matches!(
        ch,
        Channel::Sms | Channel::Messaging | Channel::Email | Channel::Letter | Channel::SocialMedia
    )
}

/// CN-TP-WHILE-REACHABLE: positive evidence of reachability within 72 hours
/// before the third-party contact, and no 失联 pattern since.
fn while_reachable(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut out_of_service: Vec<_> = ctx
        .events_of(EventKind::NumberOutOfService)
        .map(|e| e.at)
        .collect();
    out_of_service.sort();
    let look_back = Duration::hours(i64::from(CN_REACHABLE_HOURS));
    for items in by_lender(ctx).values() {
        let mut evidence: Option<&Item> = None;
        let mut failed = 0u32;
        for it in items {
            if it.collector
                && it.target().is_third_party()
                && it.data.debtor_reachable != Some(false)
            {
                if let Some(ev) = evidence {
                    let recent = it.at - ev.at <= look_back;
                    let lost = failed >= CN_LOST_CONTACT_ATTEMPTS
                        || out_of_service.iter().any(|t| *t > ev.at && *t <= it.at);
                    if recent && !lost {
                        let m = Measure::WhileReachable {
                            at: it.local,
                            target: it.target(),
                            reached_at: ev.local,
                        };
                        out.extend(single(&CN_TP_WHILE_REACHABLE, it, None, m));
                    }
                }
            }
            let with_debtor = it.target() == Target::Debtor;
            let talked = it.is_call() && it.data.outcome == Some(Outcome::Talked);
            let wrote = !it.collector && is_message(it.data.channel);
            if with_debtor && (talked || wrote) {
                evidence = Some(it);
                failed = 0;
            } else if with_debtor && it.collector && it.is_call() {
                failed += 1;
            }
        }
    }
}

/// CN-TP-AFTER-REFUSAL: the same lender contacts a third party who earlier
/// asked not to be contacted.
fn after_refusal(ctx: &Ctx, out: &mut Vec<Finding>) {
    for items in by_lender(ctx).values() {
        let mut refused: HashMap<String, NaiveDate> = HashMap::new();
        for it in items.iter().filter(|it| it.target().is_third_party()) {
            let Some(person) = it.person_key() else {
                continue;
            };
            if let Some(since) = refused.get(&person).filter(|_| it.collector) {
                let m = Measure::AfterRequest {
                    at: it.local,
                    request: Tick::StopRequested,
                    since: *since,
                    target: it.target(),
                };
                out.extend(single(&CN_TP_AFTER_REFUSAL, it, None, m));
            }
            if it.has(Tick::StopRequested) {
                refused.entry(person).or_insert(it.day);
            }
        }
    }
}

/// CN-ESCALATION: (a) abuse after a police intervention, from the creditor
/// or party the event names; (b) any contact despite a no-contact order,
/// from the party the order names (`Ctx::order_covers`).
fn escalation(ctx: &Ctx, out: &mut Vec<Finding>) {
    for it in ctx.items.iter().filter(|it| it.collector) {
        let abusive = it.has_any(ESCALATION_TICKS) || it.data.channel.is_visit();
        let police = ctx
            .events_of(EventKind::PoliceIntervention)
            .find(|ev| abusive && ev.at < it.at && ctx.event_names(ev, it));
        if let Some(ev) = police {
            let m = Measure::AfterEvent {
                at: it.local,
                event: ev.kind,
                since: ctx.local(&ev.at).date(),
            };
            out.extend(single(&CN_ESCALATION, it, Some(ev.kind), m));
        }
        let order = ctx.events_of(EventKind::NoContactOrder).find(|ev| {
            ev.at < it.at && ev.until.is_none_or(|u| it.at < u) && ctx.order_covers(ev, it)
        });
        if let Some(ev) = order {
            let named = match (ev.party.trim(), ctx.event_lender(ev)) {
                ("", Some(lender)) => Named::Lender(lender.to_string()),
                ("", None) => Named::Everyone,
                (party, _) => Named::Party(party.to_string()),
            };
            let m = Measure::AfterOrder {
                at: it.local,
                since: ctx.local(&ev.at).date(),
                named,
            };
            out.extend(single(&CN_ESCALATION, it, Some(ev.kind), m));
        }
    }
}

/// CN-AFTER-COMPLAINT: more contacts in the 7 days after a complaint than in
/// the 7 days before, per lender (every lender if the complaint names none).
fn after_complaint(ctx: &Ctx, out: &mut Vec<Finding>) {
    let lenders = by_lender(ctx);
    let span = Duration::days(i64::from(CN_COMPLAINT_DAYS));
    for ev in ctx.events_of(EventKind::Complaint) {
        let named = ctx.event_lender(ev);
        for (lender, items) in &lenders {
            if ev.debt_id.is_some() && named != Some(*lender) {
                continue;
            }
            let timed: Vec<&Item> = items.iter().copied().filter(|it| it.timed()).collect();
            let start = timed.partition_point(|it| it.at < ev.at - span);
            let at_event = timed.partition_point(|it| it.at < ev.at);
            let after_start = timed.partition_point(|it| it.at <= ev.at);
            let end = timed.partition_point(|it| it.at <= ev.at + span);
            let (before, after) = (at_event - start, end - after_start);
            if after > before {
                let m = Measure::BeforeAfter {
                    complaint_day: ctx.local(&ev.at).date(),
                    before: count(before),
                    after: count(after),
                    days: CN_COMPLAINT_DAYS,
                };
                out.extend(finding(
                    &CN_AFTER_COMPLAINT,
                    &timed[after_start..end],
                    None,
                    m,
                ));
            }
        }
    }
}

/// CN-AFTER-STOP-REQUEST: a call or visit to the debtor after the debtor asked
/// the same lender to stop calling or to write only.
fn after_stop_request(ctx: &Ctx, out: &mut Vec<Finding>) {
    for items in by_lender(ctx).values() {
        let mut request: Option<(Tick, NaiveDate)> = None;
        for it in items.iter().filter(|it| it.target() == Target::Debtor) {
            let voice = it.is_call() || it.data.channel.is_visit();
            if let Some((tick, since)) = request.filter(|_| it.collector && voice) {
                let m = Measure::AfterRequest {
                    at: it.local,
                    request: tick,
                    since,
                    target: it.target(),
                };
                out.extend(single(&CN_AFTER_STOP_REQUEST, it, None, m));
            }
            if request.is_none() {
                request = [Tick::StopRequested, Tick::WritingOnlyRequested]
                    .into_iter()
                    .find(|t| it.has(*t))
                    .map(|t| (t, it.day));
            }
        }
    }
}

/// Cumulative instalments and payments of an agreement: on schedule on day d
/// when everything due by d has been paid by d (§3.6; the rule is off from a
/// missed due date until the arrears are cleared).
struct Schedule {
    due: Vec<(NaiveDate, i64)>,
    paid: Vec<(NaiveDate, i64)>,
}

impl Schedule {
    fn new(
        dues: impl Iterator<Item = (NaiveDate, Money)>,
        pays: impl Iterator<Item = (NaiveDate, Money)>,
    ) -> Self {
        fn cumulative(mut v: Vec<(NaiveDate, Money)>) -> Vec<(NaiveDate, i64)> {
            v.sort();
            let mut sum = 0i64;
            v.into_iter()
                .map(|(d, m)| {
                    sum = sum.saturating_add(m.0);
                    (d, sum)
                })
                .collect()
        }
        Schedule {
            due: cumulative(dues.collect()),
            paid: cumulative(pays.collect()),
        }
    }

    fn total_by(v: &[(NaiveDate, i64)], day: NaiveDate) -> i64 {
        let n = v.partition_point(|(d, _)| *d <= day);
        if n == 0 {
            0
        } else {
            v[n - 1].1
        }
    }

    fn on_schedule(&self, day: NaiveDate) -> bool {
        Self::total_by(&self.paid, day) >= Self::total_by(&self.due, day)
    }
}

fn agreement_old_schedule(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut schedules = BTreeMap::new();
    for debt in &ctx.case.debts {
        let Some(a) = ctx
            .case
            .governing_agreement(&debt.id)
            .filter(|a| !a.instalments.is_empty())
        else {
            continue;
        };
        let s = Schedule::new(
            a.instalments.iter().map(|i| (i.due, i.amount)),
            a.payments.iter().map(|p| (p.date, p.amount)),
        );
        schedules
            .entry(debt.id.as_str())
            .or_insert((a.date_reached, s));
    }
    // One finding per (debt, calendar week): the contacts are listed on it.
    type Key<'k> = (&'k str, NaiveDate);
    let mut weeks: BTreeMap<Key, (NaiveDate, Vec<&Item>)> = BTreeMap::new();
    for it in ctx.items.iter().filter(|it| it.collector) {
        let Some(debt) = it.data.debt_id.as_deref() else {
            continue;
        };
        let Some((reached, s)) = schedules.get(debt) else {
            continue;
        };
        let old_terms = !it.has(Tick::ReminderOnly) || it.has(Tick::DemandedOldAmount);
        if it.day >= *reached && old_terms && s.on_schedule(it.day) {
            let monday = days_before(it.day, it.day.weekday().num_days_from_monday());
            weeks
                .entry((debt, monday))
                .or_insert_with(|| (*reached, Vec::new()))
                .1
                .push(it);
        }
    }
    for ((debt, _), (reached, items)) in weeks {
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            continue;
        };
        let old = items
            .iter()
            .filter(|it| it.has(Tick::DemandedOldAmount))
            .count();
        let m = Measure::OnSchedule {
            first: first.local,
            last: last.local,
            agreement_day: reached,
            old_terms: count(old),
            other: count(items.len() - old),
        };
        out.extend(
            finding(&CN_AGREEMENT_OLD_SCHEDULE, &items, None, m).map(|mut f| {
                f.debt_id = Some(debt.to_string());
                f
            }),
        );
    }
}

/// The reply deadline: `days` calendar days after the filing day (the day
/// itself excluded); a deadline on a day off moves to the next working day
/// (民法典 第203条), by the State Council's holiday notices where the year is
/// covered, else by weekends only. The flag says whether the notices covered it.
fn due_date(filed: NaiveDate, days: u32) -> (NaiveDate, bool) {
    holidays::cn_next_working_day(days_after(filed, days))
}

/// CN-DL-*: a reminder once a reply deadline passed with no reply logged.
fn deadlines(ctx: &Ctx, today: NaiveDate, out: &mut Vec<Finding>) {
    let institution = [
        LenderType::BankCard,
        LenderType::BankLoan,
        LenderType::ConsumerFinance,
    ];
    for ev in ctx.events.iter().filter(|ev| ev.replied_on.is_none()) {
        let debt = ctx.debt(ev.debt_id.as_deref());
        let lender_type = debt.map(|d| d.lender_type).unwrap_or_default();
        let (rule, days) = match ev.kind {
            EventKind::CreditDispute => (&CN_DL_CREDIT_DISPUTE, CN_DL_CREDIT_DISPUTE_DAYS),
            EventKind::CreditComplaint => (&CN_DL_CREDIT_COMPLAINT, CN_DL_CREDIT_COMPLAINT_DAYS),
            EventKind::Complaint if institution.contains(&lender_type) => {
                (&CN_DL_FI_COMPLAINT, CN_DL_FI_COMPLAINT_DAYS)
            }
            _ => continue,
        };
        let local = ctx.local(&ev.at);
        let filed = local.date();
        let (due, calendar) = due_date(filed, days);
        if today > due {
            let facts = [Facts {
                day: filed,
                lender: lender_type,
                ticks: None,
                event: Some(ev.kind),
            }];
            let creditor = ctx
                .event_lender(ev)
                .map_or(Creditor::Unknown, |l| Creditor::Lender(l.to_string()));
            let m = Measure::Deadline {
                filed,
                due,
                days,
                calendar,
            };
            out.extend(assemble(rule, &facts, creditor, m, local).map(|mut f| {
                f.debt_id = ev.debt_id.clone();
                f
            }));
        }
    }
}
