//! United States: FDCPA and Regulation F (`rules.md` §4.1).

use std::collections::{BTreeMap, HashMap};

use chrono::{NaiveDate, NaiveTime};
use chrono_tz::Tz;

use super::catalog::*;
use super::engine::{
    count, days_after, days_before, finding, hours, in_daily_window, single, Ctx, Item,
};
use super::{Finding, Measure, Rule, Said};
use crate::domain::model::{CaseEvent, Channel, EventKind, Outcome, RecordId, Target, Tick};
use crate::domain::time;

pub(super) fn check(ctx: &Ctx, out: &mut Vec<Finding>) {
    hours(ctx, &US_HOURS, |_| Some((US_DAY_START, US_DAY_END)), out);
    seven_in_seven(ctx, out);
    after_conversation(ctx, out);
    after_event(ctx, &US_CEASE, EventKind::CeaseNotice, |_| true, out);
    after_event(
        ctx,
        &US_ATTORNEY,
        EventKind::AttorneyRepresented,
        |it| it.target() == Target::Debtor,
        out,
    );
    after_event(
        ctx,
        &US_WORKPLACE,
        EventKind::WorkplaceProhibited,
        |it| it.data.channel == Channel::WorkplaceVisit || it.target() == Target::Employer,
        out,
    );
    inconvenient(ctx, out);
    third_party(ctx, out);
    medium(ctx, out);
    per_contact(ctx, out);
}

const CONDUCT_TICKS: &[Tick] = &[
    Tick::ThreatHarm,
    Tick::ThreatFamily,
    Tick::Insult,
    Tick::Obscene,
    Tick::RefusedIdentity,
    Tick::PublicExposure,
    Tick::FalseArrestClaim,
    Tick::ImpersonateLawyer,
    Tick::ImpersonateOfficial,
    Tick::FakeBlacklist,
    Tick::ExaggeratedAmount,
    Tick::FalseFamilyConsequence,
    Tick::ExtraFeeDemand,
];

/// Reg F counts per collector, person and debt (§1006.14(b)(2)). The
/// collector is the agency when one is named, else the lender itself.
type Unit3 = (String, String, String);

fn unit_key(it: &Item) -> Unit3 {
    let agency = it.data.agency.trim().to_lowercase();
    let collector = if agency.is_empty() {
        it.lender.unwrap_or_default().to_lowercase()
    } else {
        agency
    };
    let person = if it.target() == Target::Debtor {
        String::from("debtor")
    } else {
        format!("{:?}:{}", it.target(), it.person_key().unwrap_or_default())
    };
    (
        collector,
        person,
        it.data.debt_id.clone().unwrap_or_default(),
    )
}

/// A placed call that Reg F counts: collector-initiated, not a call-back, not
/// made with the person's prior consent, and connected to the dialled number
/// (busy and out-of-service calls do not count; unanswered and voicemail do).
fn placed_call(it: &Item) -> bool {
    it.timed()
        && it.is_call()
        && !it.has(Tick::ConsentGiven)
        && it.data.outcome != Some(Outcome::NotConnected)
}

fn with_debt(f: Option<Finding>, it: &Item) -> Option<Finding> {
    f.map(|mut f| {
        f.debt_id = it.data.debt_id.clone();
        f
    })
}

/// US-FREQ-7IN7: the 8th placed call within 7 consecutive local days. One
/// finding per 7-day window, starting at the day of the earliest of the 8.
fn seven_in_seven(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut units: BTreeMap<Unit3, Vec<&Item>> = BTreeMap::new();
    for it in ctx.items.iter().filter(|it| placed_call(it)) {
        units.entry(unit_key(it)).or_default().push(it);
    }
    let limit = US_7IN7_LIMIT as usize;
    let last_day = US_WINDOW_DAYS - 1;
    for calls in units.values() {
        let mut lo = 0;
        let mut covered_until: Option<NaiveDate> = None;
        for j in 0..calls.len() {
            while calls[lo].day < days_before(calls[j].day, last_day) {
                lo += 1;
            }
            if j - lo < limit || covered_until.is_some_and(|end| calls[j].day <= end) {
                continue;
            }
            let from = calls[j - limit].day;
            let end = days_after(from, last_day);
            let start = calls.partition_point(|c| c.day < from);
            let stop = calls.partition_point(|c| c.day <= end);
            let window = &calls[start..stop];
            let m = Measure::SevenDays {
                from,
                count: count(window.len()),
                limit: US_7IN7_LIMIT,
            };
            out.extend(with_debt(finding(&US_FREQ_7IN7, window, None, m), calls[j]));
            covered_until = Some(end);
        }
    }
}

/// US-AFTER-CONVERSATION: a talked call by either side opens days 1–7 (the
/// conversation date is day 1); each later placed call in them is a finding.
/// A new conversation restarts the window.
fn after_conversation(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut units: BTreeMap<Unit3, Vec<&Item>> = BTreeMap::new();
    for it in ctx.items.iter().filter(|it| it.is_call()) {
        units.entry(unit_key(it)).or_default().push(it);
    }
    for calls in units.values() {
        let mut conversation: Option<&Item> = None;
        for it in calls {
            if let Some(conv) = conversation.filter(|_| placed_call(it)) {
                let day = (it.day - conv.day).num_days() + 1;
                if it.at > conv.at && day <= i64::from(US_WINDOW_DAYS) {
                    let m = Measure::AfterConversation {
                        at: it.local,
                        conversation_day: conv.day,
                        day: u32::try_from(day).unwrap_or(1),
                    };
                    out.extend(with_debt(single(&US_AFTER_CONVERSATION, it, None, m), it));
                }
            }
            if it.data.outcome == Some(Outcome::Talked) {
                conversation = Some(it);
            }
        }
    }
}

/// Contacts after the first event of `kind` that concerns them (and is still
/// in force), one finding each.
fn after_event(
    ctx: &Ctx,
    rule: &'static Rule,
    kind: EventKind,
    applies: impl Fn(&Item) -> bool,
    out: &mut Vec<Finding>,
) {
    for it in ctx.items.iter().filter(|it| it.collector && applies(it)) {
        let event = ctx.events_of(kind).find(|ev| {
            ev.at < it.at && ev.until.is_none_or(|u| it.at < u) && ctx.event_names(ev, it)
        });
        if let Some(ev) = event {
            let m = Measure::AfterEvent {
                at: it.local,
                event: kind,
                since: ctx.local(&ev.at).date(),
            };
            out.extend(single(rule, it, None, m));
        }
    }
}

/// US-INCONVENIENT: from the day after the user told a collector a time
/// window or place is inconvenient, each contact with the consumer in that
/// window (local clock) or at that place (a visit there). Letters carry no
/// meaningful time; contacts the user agreed to are not counted.
fn inconvenient(ctx: &Ctx, out: &mut Vec<Finding>) {
    for it in ctx
        .items
        .iter()
        .filter(|it| it.timed() && is_consumer(it.target()) && !ctx.consented(it))
    {
        let said = ctx.events_of(EventKind::Inconvenient).find_map(|ev| {
            let since = ctx.local(&ev.at).date();
            let in_force = it.day > since && ev.until.is_none_or(|u| it.at < u);
            let what = said_for(ev, it)?;
            (in_force && ctx.event_names(ev, it)).then_some((since, what))
        });
        if let Some((since, said)) = said {
            let m = Measure::Inconvenient {
                at: it.local,
                since,
                said,
            };
            out.extend(with_debt(single(&US_INCONVENIENT, it, None, m), it));
        }
    }
}

/// The event for "on `day` I told the collector of `debt_id` (None: every
/// collector) that `said` is inconvenient", dated noon that day. None for a
/// window that is empty or not within one day (from == to would be the
/// whole day: a request to stop, which is US-CEASE).
pub fn inconvenient_event(
    id: RecordId,
    day: NaiveDate,
    tz: Tz,
    said: Said,
    debt_id: Option<RecordId>,
) -> Option<CaseEvent> {
    let (daily_window, place) = match said {
        Said::Hours(from, to) if from == to || from >= 1440 || to >= 1440 => return None,
        Said::Hours(from, to) => (Some((from, to)), None),
        Said::Place(p) => (None, Some(p)),
    };
    let at = time::from_local(day.and_time(NaiveTime::from_hms_opt(12, 0, 0)?), tz)?;
    Some(CaseEvent {
        id,
        kind: EventKind::Inconvenient,
        at,
        until: None,
        daily_window,
        place,
        debt_id,
        party: String::new(),
        channel: String::new(),
        replied_on: None,
        note: String::new(),
    })
}

/// What of the event this contact falls in, if anything.
fn said_for(ev: &CaseEvent, it: &Item) -> Option<Said> {
    if let Some(place) = ev.place.filter(|p| p.channel() == it.data.channel) {
        return Some(Said::Place(place));
    }
    ev.daily_window
        .filter(|w| it.data.channel != Channel::Letter && in_daily_window(*w, it.local))
        .map(|(from, to)| Said::Hours(from, to))
}

/// "Consumer" includes the spouse (§1692c(d)) and anyone obligated on the debt.
fn is_consumer(t: Target) -> bool {
    t.is_debt_related() || t == Target::SpouseOther
}

/// US-THIRD-PARTY: the debt disclosed to a third party, or a second location
/// call by the same collector to the same person.
fn third_party(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut location_calls: HashMap<(String, String), u32> = HashMap::new();
    for it in ctx
        .items
        .iter()
        .filter(|it| it.collector && !is_consumer(it.target()))
    {
        if it.has(Tick::DisclosedDebt) {
            out.extend(single(&US_THIRD_PARTY, it, None, it.occurrence()));
        }
        if it.has(Tick::LocationCall) {
            let (collector, person, _) = unit_key(it);
            let nth = location_calls.entry((collector, person)).or_default();
            *nth += 1;
            if *nth > 1 && !it.has(Tick::DisclosedDebt) {
                let m = Measure::Repeat {
                    at: it.local,
                    target: it.target(),
                    nth: *nth,
                };
                out.extend(single(&US_THIRD_PARTY, it, None, m));
            }
        }
    }
}

/// US-MEDIUM: after the debtor asked a collector for written contact only,
/// that collector calls or visits.
fn medium(ctx: &Ctx, out: &mut Vec<Finding>) {
    let mut requested: HashMap<Unit3, NaiveDate> = HashMap::new();
    for it in ctx.items.iter().filter(|it| it.target() == Target::Debtor) {
        let key = unit_key(it);
        let voice = it.is_call() || it.data.channel.is_visit();
        if let Some(since) = requested.get(&key).filter(|_| it.collector && voice) {
            let m = Measure::AfterRequest {
                at: it.local,
                request: Tick::WritingOnlyRequested,
                since: *since,
                target: it.target(),
            };
            out.extend(single(&US_MEDIUM, it, None, m));
        }
        if it.has(Tick::WritingOnlyRequested) {
            requested.entry(key).or_insert(it.day);
        }
    }
}

fn per_contact(ctx: &Ctx, out: &mut Vec<Finding>) {
    for it in ctx.items.iter().filter(|it| it.collector) {
        if it.has_any(CONDUCT_TICKS) {
            out.extend(single(&US_CONDUCT, it, None, it.occurrence()));
        }
        if it.debt.is_some_and(|d| d.time_barred) && it.has(Tick::ThreatenedLawsuit) {
            out.extend(with_debt(
                single(&US_TIME_BARRED, it, None, it.occurrence()),
                it,
            ));
        }
    }
}
