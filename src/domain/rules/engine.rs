//! Shared machinery: the prepared, time-sorted view of the log, consent and
//! call-back handling and finding assembly (the ordering is in `check`).

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike};
use chrono_tz::Tz;

use super::catalog::CALLBACK_MINUTES;
use super::{Citation, Creditor, Facts, Finding, Measure, Rule, Severity};
use crate::domain::model::{
    Case, CaseEvent, Channel, ContactData, Debt, Direction, EventKind, LenderType, Target, Tick,
};
use crate::domain::{phone, time};

/// One active contact, with its local time and creditor resolved once.
#[derive(Debug)]
pub(super) struct Item<'a> {
    pub seq: u32,
    pub at: DateTime<FixedOffset>,
    pub local: NaiveDateTime,
    pub day: NaiveDate,
    pub data: &'a ContactData,
    pub debt: Option<&'a Debt>,
    /// Trimmed lender name; None = the unknown-creditor bucket.
    pub lender: Option<&'a str>,
    /// Collector-initiated (`Direction::Incoming`).
    pub collector: bool,
    /// A collector's call-back within 15 minutes of the user's own call (§2).
    pub callback: bool,
}

impl<'a> Item<'a> {
    /// Counts toward hours and frequency rules (§2 Direction).
    pub fn timed(&self) -> bool {
        self.collector && !self.callback
    }

    pub fn has(&self, tick: Tick) -> bool {
        self.data.has(tick)
    }

    pub fn has_any(&self, ticks: &[Tick]) -> bool {
        ticks.iter().any(|t| self.data.has(*t))
    }

    pub fn target(&self) -> Target {
        self.data.target
    }

    pub fn is_call(&self) -> bool {
        self.data.channel.is_call()
    }

    pub fn lender_type(&self) -> LenderType {
        self.debt.map(|d| d.lender_type).unwrap_or_default()
    }

    pub fn facts(&self, event: Option<EventKind>) -> Facts<'a> {
        Facts {
            day: self.day,
            lender: self.lender_type(),
            ticks: Some(&self.data.ticks),
            event,
        }
    }

    pub fn creditor(&self) -> Creditor {
        self.lender
            .map_or(Creditor::Unknown, |l| Creditor::Lender(l.to_string()))
    }

    /// Identifies a third party across contacts: the number dialled, else the name.
    pub fn person_key(&self) -> Option<String> {
        let number = phone::key(&self.data.number_dialled);
        if !number.is_empty() {
            return Some(number);
        }
        let name = self.data.target_name.trim().to_lowercase();
        (!name.is_empty()).then_some(name)
    }

    pub fn occurrence(&self) -> Measure {
        Measure::Occurrence {
            at: self.local,
            target: self.target(),
        }
    }
}

/// Is `party` the contact's agency, collector (name or ID) or calling number?
fn names_party(party: &str, it: &Item) -> bool {
    if party.is_empty() {
        return false;
    }
    let d = it.data;
    let by_name = [&d.agency, &d.collector_name, &d.collector_id]
        .iter()
        .any(|s| s.trim().eq_ignore_ascii_case(party));
    let number = phone::key(party);
    by_name || (!number.is_empty() && number == phone::key(&d.from_number))
}

/// The case prepared once for all rules.
pub(super) struct Ctx<'a> {
    pub case: &'a Case,
    pub tz: Tz,
    /// Active contacts sorted by instant, then seq: independent of storage order.
    pub items: Vec<Item<'a>>,
    /// Events sorted by instant, then id.
    pub events: Vec<&'a CaseEvent>,
    debts: HashMap<&'a str, &'a Debt>,
}

impl<'a> Ctx<'a> {
    pub fn new(case: &'a Case) -> Self {
        let tz = time::zone(&case.settings.time_zone);
        let mut debts = HashMap::new();
        for d in &case.debts {
            debts.entry(d.id.as_str()).or_insert(d);
        }
        let outgoing_calls = outgoing_calls(case);
        let mut items: Vec<Item<'a>> = case
            .active_contacts()
            .map(|c| {
                let data = &c.data;
                let debt = data
                    .debt_id
                    .as_deref()
                    .and_then(|id| debts.get(id).copied());
                let local = time::local(&data.at, tz);
                let collector = data.direction == Direction::Incoming;
                Item {
                    seq: c.seq,
                    at: data.at,
                    local,
                    day: local.date(),
                    data,
                    debt,
                    lender: debt.map(|d| d.lender.trim()).filter(|l| !l.is_empty()),
                    collector,
                    callback: collector
                        && data.channel.is_call()
                        && is_callback(&outgoing_calls, data),
                }
            })
            .collect();
        items.sort_by(|a, b| a.at.cmp(&b.at).then(a.seq.cmp(&b.seq)));
        let mut events: Vec<&CaseEvent> = case.events.iter().collect();
        events.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
        Ctx {
            case,
            tz,
            items,
            events,
            debts,
        }
    }

    pub fn local(&self, at: &DateTime<FixedOffset>) -> NaiveDateTime {
        time::local(at, self.tz)
    }

    pub fn debt(&self, id: Option<&str>) -> Option<&'a Debt> {
        id.and_then(|id| self.debts.get(id).copied())
    }

    /// The lender an event names through its debt.
    pub fn event_lender(&self, ev: &CaseEvent) -> Option<&'a str> {
        self.debt(ev.debt_id.as_deref())
            .map(|d| d.lender.trim())
            .filter(|l| !l.is_empty())
    }

    pub fn events_of(&self, kind: EventKind) -> impl Iterator<Item = &'a CaseEvent> + '_ {
        self.events.iter().copied().filter(move |e| e.kind == kind)
    }

    /// Does an event concern this contact? It names the lender (through its
    /// debt) or the agency, collector or number; an event naming nobody
    /// concerns every contact.
    pub fn event_names(&self, ev: &CaseEvent, it: &Item) -> bool {
        let party = ev.party.trim();
        if ev.debt_id.is_none() && party.is_empty() {
            return true;
        }
        let by_debt =
            ev.debt_id.is_some() && it.lender.is_some() && self.event_lender(ev) == it.lender;
        by_debt || names_party(party, it)
    }

    /// Does a no-contact order cover this contact (CN-ESCALATION (b))? An
    /// order that names a party (agency, collector's name or ID, or number)
    /// covers only contacts from that party; one that names only a debt
    /// covers everyone collecting for its lender, as orders stored before
    /// parties were matched always did; one naming neither covers everyone.
    pub fn order_covers(&self, ev: &CaseEvent, it: &Item) -> bool {
        let party = ev.party.trim();
        if party.is_empty() {
            self.event_names(ev, it)
        } else {
            names_party(party, it)
        }
    }

    /// The user agreed to this contact: a `consent_given` tick, or a logged
    /// consent window covering its creditor, date and local time (§2 Consent).
    pub fn consented(&self, it: &Item) -> bool {
        if it.has(Tick::ConsentGiven) {
            return true;
        }
        self.events_of(EventKind::ConsentWindow).any(|ev| {
            let in_force = ev.at <= it.at && ev.until.is_none_or(|u| it.at < u);
            let creditor = ev.debt_id.is_none() || self.event_lender(ev) == it.lender;
            let hours = ev.daily_window.is_none_or(|w| in_daily_window(w, it.local));
            in_force && creditor && hours
        })
    }
}

/// Is local time `t` inside the daily window [from, to) (minutes after
/// midnight)? A window may wrap midnight (22:00–08:00); from == to is the
/// whole day.
pub(super) fn in_daily_window((from, to): (u16, u16), t: NaiveDateTime) -> bool {
    let secs = t.num_seconds_from_midnight();
    let (from, to) = (u32::from(from) * 60, u32::from(to) * 60);
    match from.cmp(&to) {
        std::cmp::Ordering::Less => (from..to).contains(&secs),
        std::cmp::Ordering::Greater => secs >= from || secs < to,
        std::cmp::Ordering::Equal => true,
    }
}

/// The user's own calls, by number dialled, sorted by instant.
fn outgoing_calls(case: &Case) -> HashMap<String, Vec<DateTime<FixedOffset>>> {
    let mut map: HashMap<String, Vec<DateTime<FixedOffset>>> = HashMap::new();
    for c in case.active_contacts() {
        let d = &c.data;
        let number = phone::key(&d.number_dialled);
        if d.direction == Direction::Outgoing && d.channel.is_call() && !number.is_empty() {
            map.entry(number).or_default().push(d.at);
        }
    }
    for v in map.values_mut() {
        v.sort();
    }
    map
}

fn is_callback(outgoing: &HashMap<String, Vec<DateTime<FixedOffset>>>, d: &ContactData) -> bool {
    let Some(times) = outgoing.get(&phone::key(&d.from_number)) else {
        return false;
    };
    let before = times.partition_point(|t| *t <= d.at);
    before > 0
        && times
            .get(before - 1)
            .is_some_and(|t| d.at - *t <= Duration::minutes(CALLBACK_MINUTES))
}

/// The night a local time belongs to: before the allowed window opens, it is
/// the previous day's night.
pub(super) fn night_of(local: NaiveDateTime, allowed_from: NaiveTime) -> NaiveDate {
    let day = local.date();
    if local.time() < allowed_from {
        day.pred_opt().unwrap_or(day)
    } else {
        day
    }
}

pub(super) fn days_after(day: NaiveDate, n: u32) -> NaiveDate {
    day.checked_add_days(chrono::Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MAX)
}

pub(super) fn days_before(day: NaiveDate, n: u32) -> NaiveDate {
    day.checked_sub_days(chrono::Days::new(u64::from(n)))
        .unwrap_or(NaiveDate::MIN)
}

/// Assemble a finding for contacts that together meet `rule`. The label is
/// the strongest primary source applying to any of them (§1 rules 1 and 4);
/// None when no source applies on their dates.
pub(super) fn finding(
    rule: &'static Rule,
    items: &[&Item],
    event: Option<EventKind>,
    measure: Measure,
) -> Option<Finding> {
    let first = items.first()?;
    let facts: Vec<Facts> = items.iter().map(|it| it.facts(event)).collect();
    let mut f = assemble(rule, &facts, first.creditor(), measure, first.local)?;
    f.contacts = items.iter().map(|it| it.seq).collect();
    f.contacts.sort_unstable();
    f.contacts.dedup();
    f.when = items.iter().map(|it| it.local).min().unwrap_or(first.local);
    Some(f)
}

/// One finding per contact.
pub(super) fn single(
    rule: &'static Rule,
    it: &Item,
    event: Option<EventKind>,
    measure: Measure,
) -> Option<Finding> {
    finding(rule, &[it], event, measure)
}

/// A finding with no contacts (deadline reminders).
pub(super) fn assemble(
    rule: &'static Rule,
    facts: &[Facts],
    creditor: Creditor,
    measure: Measure,
    when: NaiveDateTime,
) -> Option<Finding> {
    let strength = facts.iter().filter_map(|f| rule.label(f)).max()?;
    let primary = rule
        .primary
        .iter()
        .filter(|c| facts.iter().any(|f| c.supports(f)));
    let citations: Vec<&'static Citation> = primary.chain(rule.related.iter()).collect();
    Some(Finding {
        rule,
        severity: Severity::derive(strength, rule.kind),
        strength,
        creditor,
        debt_id: None,
        contacts: Vec::new(),
        measure,
        unverified: rule.unverified,
        citations,
        when,
    })
}

/// Contacts outside allowed local hours, grouped by creditor and night.
/// `window` gives the allowed [from, to) for a contact, or None where the
/// rule does not apply to it. Letters carry no meaningful time and are skipped.
pub(super) fn hours<'a>(
    ctx: &Ctx<'a>,
    rule: &'static Rule,
    window: impl Fn(&Item) -> Option<(NaiveTime, NaiveTime)>,
    out: &mut Vec<Finding>,
) {
    type Key<'k> = (Option<&'k str>, NaiveDate, NaiveTime, NaiveTime);
    let mut nights: BTreeMap<Key<'a>, Vec<&Item<'a>>> = BTreeMap::new();
    for it in ctx
        .items
        .iter()
        .filter(|it| it.timed() && it.data.channel != Channel::Letter)
    {
        let Some((from, to)) = window(it) else {
            continue;
        };
        let t = it.local.time();
        let outside = t < from || t >= to;
        if outside && rule.label(&it.facts(None)).is_some() && !ctx.consented(it) {
            nights
                .entry((it.lender, night_of(it.local, from), from, to))
                .or_default()
                .push(it);
        }
    }
    for ((_, night, from, to), group) in nights {
        let measure = Measure::Night {
            night_of: night,
            count: count(group.len()),
            allowed_from: from,
            allowed_to: to,
        };
        out.extend(finding(rule, &group, None, measure));
    }
}

pub(super) fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Index ranges (inclusive) of runs where at least `min` consecutive instants
/// fit within `span_secs`; overlapping runs are merged into one.
pub(super) fn clusters(times: &[i64], span_secs: i64, min: usize) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    if min == 0 {
        return out;
    }
    for end in (min - 1)..times.len() {
        let start = end + 1 - min;
        if times[end] - times[start] <= span_secs {
            match out.last_mut() {
                Some(last) if start <= last.1 => last.1 = end,
                _ => out.push((start, end)),
            }
        }
    }
    out
}
