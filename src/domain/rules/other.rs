//! India, the Philippines, Australia, Taiwan (`rules.md` §4.2). HK-CODE and
//! UK-CONC give no clock times and stay catalog information only.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};

use super::catalog::*;
use super::engine::{count, days_before, finding, hours, single, Ctx, Item};
use super::{Finding, Measure};
use crate::domain::holidays;
use crate::domain::model::{Channel, Jurisdiction, Outcome, Target, Tick};

pub(super) fn check(ctx: &Ctx, jurisdiction: Jurisdiction, out: &mut Vec<Finding>) {
    match jurisdiction {
        Jurisdiction::In => hours(ctx, &IN_HOURS, |_| Some((IN_DAY_START, IN_DAY_END)), out),
        Jurisdiction::Ph => {
            hours(ctx, &PH_HOURS, |_| Some((PH_DAY_START, PH_DAY_END)), out);
            for it in ctx.items.iter().filter(|it| it.collector) {
                if it.target() == Target::PhonebookContact || it.has(Tick::PublicExposure) {
                    out.extend(single(&PH_CONTACTS, it, None, it.occurrence()));
                }
            }
        }
        Jurisdiction::Au => {
            hours(ctx, &AU_HOURS, au_window, out);
            au_holidays(ctx, out);
            au_frequency(ctx, out);
        }
        Jurisdiction::Tw => hours(ctx, &TW_HOURS, |_| Some((TW_DAY_START, TW_DAY_END)), out),
        _ => {}
    }
}

fn weekend(day: NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// AU-HOURS windows by channel and day (ACCC/ASIC guideline Part 2 §4).
/// Weekend workplace visits depend on the debtor's working hours: not checked.
/// National public holidays have no window: `au_holidays` checks them.
fn au_window(it: &Item) -> Option<(NaiveTime, NaiveTime)> {
    au_channel_window(it).filter(|_| !matches!(holidays::au_holiday(it.day), Ok(Some(_))))
}

fn au_channel_window(it: &Item) -> Option<(NaiveTime, NaiveTime)> {
    let weekend = weekend(it.day);
    match it.data.channel {
        Channel::Call | Channel::Sms | Channel::Messaging if weekend => {
            Some((AU_WEEKEND_START, AU_DAY_END))
        }
        Channel::Call | Channel::Sms | Channel::Messaging => {
            Some((AU_PHONE_WEEKDAY_START, AU_DAY_END))
        }
        Channel::HomeVisit => Some((AU_VISIT_START, AU_DAY_END)),
        Channel::WorkplaceVisit if !weekend => Some((AU_VISIT_START, AU_WORKPLACE_END)),
        _ => None,
    }
}

/// AU-HOURS: no contact at any hour on a national public holidays
/// (`holidays::AU`; years outside it are not checked, the rule says so).
/// One finding per creditor and day, for the channels the hours cover.
fn au_holidays(ctx: &Ctx, out: &mut Vec<Finding>) {
    type Day<'a, 'b> = (&'static str, Vec<&'b Item<'a>>);
    let mut days: BTreeMap<(Option<&str>, NaiveDate), Day> = BTreeMap::new();
    for it in ctx
        .items
        .iter()
        .filter(|it| it.timed() && au_channel_window(it).is_some() && !ctx.consented(it))
    {
        if let Ok(Some(name)) = holidays::au_holiday(it.day) {
            days.entry((it.lender, it.day))
                .or_insert((name, Vec::new()))
                .1
                .push(it);
        }
    }
    for ((_, day), (holiday, items)) in days {
        let m = Measure::Holiday {
            day,
            holiday,
            count: count(items.len()),
        };
        out.extend(finding(&AU_HOURS, &items, None, m));
    }
}

/// AU-FREQ counts contact actually made with the debtor, per account:
/// answered calls and delivered messages, letters and visits.
fn au_frequency(ctx: &Ctx, out: &mut Vec<Finding>) {
    let made = ctx.items.iter().filter(|it| {
        it.timed()
            && it.target() == Target::Debtor
            && (!it.is_call() || it.data.outcome == Some(Outcome::Talked))
    });
    let mut weeks: BTreeMap<(Option<&str>, NaiveDate), Vec<&Item>> = BTreeMap::new();
    let mut months: BTreeMap<(Option<&str>, NaiveDate), Vec<&Item>> = BTreeMap::new();
    for it in made {
        let debt = it.data.debt_id.as_deref();
        let monday = days_before(it.day, it.day.weekday().num_days_from_monday());
        weeks.entry((debt, monday)).or_default().push(it);
        months
            .entry((debt, it.day.with_day(1).unwrap_or(it.day)))
            .or_default()
            .push(it);
    }
    let mut emit =
        |groups: BTreeMap<(Option<&str>, NaiveDate), Vec<&Item>>, limit: u32, weekly: bool| {
            for ((debt, start), items) in groups {
                let n = count(items.len());
                if n > limit {
                    let m = if weekly {
                        Measure::PerWeek {
                            monday: start,
                            count: n,
                            limit,
                        }
                    } else {
                        Measure::PerMonth {
                            first_day: start,
                            count: n,
                            limit,
                        }
                    };
                    out.extend(finding(&AU_FREQ, &items, None, m).map(|mut f| {
                        f.debt_id = debt.map(str::to_string);
                        f
                    }));
                }
            }
        };
    emit(weeks, AU_WEEK_LIMIT, true);
    emit(months, AU_MONTH_LIMIT, false);
}
