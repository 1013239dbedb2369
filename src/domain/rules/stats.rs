//! Chart data for the findings page: contacts per local day, a week-by-hour
//! matrix, and a summary of findings.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate, Timelike};

use super::engine::{days_after, Ctx};
use super::{Finding, Severity, Strength};
use crate::domain::model::Case;

/// Collector-initiated active contacts per local day, from the first to the
/// last day with any, days without contacts included as 0.
pub fn per_day(case: &Case) -> Vec<(NaiveDate, u32)> {
    let ctx = Ctx::new(case);
    let mut days: BTreeMap<NaiveDate, u32> = BTreeMap::new();
    for it in ctx.items.iter().filter(|it| it.timed()) {
        *days.entry(it.day).or_default() += 1;
    }
    let (Some(first), Some(last)) = (
        days.keys().next().copied(),
        days.keys().next_back().copied(),
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut day = first;
    while day <= last {
        out.push((day, days.get(&day).copied().unwrap_or(0)));
        let next = days_after(day, 1);
        if next == day {
            break;
        }
        day = next;
    }
    out
}

/// Counts by local weekday (row 0 = Monday) and hour (column 0 = 00:00–00:59).
pub fn week_hour(case: &Case) -> [[u32; 24]; 7] {
    let ctx = Ctx::new(case);
    let mut grid = [[0u32; 24]; 7];
    for it in ctx.items.iter().filter(|it| it.timed()) {
        let row = it.day.weekday().num_days_from_monday() as usize;
        let col = it.local.hour() as usize;
        if let Some(cell) = grid.get_mut(row).and_then(|r| r.get_mut(col)) {
            *cell += 1;
        }
    }
    grid
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub findings: usize,
    /// Distinct local days with a triggering contact (or a deadline event).
    pub distinct_days: usize,
    /// Strongest first; every label present, zero when none.
    pub by_strength: [(Strength, usize); 5],
    pub by_severity: BTreeMap<Severity, usize>,
    pub unverified: usize,
}

/// Distinct local days with a triggering contact (or, for findings without
/// contacts, the event's day).
pub fn distinct_days(case: &Case, findings: &[Finding]) -> usize {
    let ctx = Ctx::new(case);
    let day_of: HashMap<u32, NaiveDate> = ctx.items.iter().map(|it| (it.seq, it.day)).collect();
    let mut days = BTreeSet::new();
    for f in findings {
        if f.contacts.is_empty() {
            days.insert(f.when.date());
        }
        days.extend(f.contacts.iter().filter_map(|s| day_of.get(s).copied()));
    }
    days.len()
}

pub fn summary(case: &Case, findings: &[Finding]) -> Summary {
    let mut by_severity = BTreeMap::new();
    for f in findings {
        *by_severity.entry(f.severity).or_default() += 1;
    }
    Summary {
        findings: findings.len(),
        distinct_days: distinct_days(case, findings),
        by_strength: Strength::ALL
            .map(|s| (s, findings.iter().filter(|f| f.strength == s).count())),
        by_severity,
        unverified: findings.iter().filter(|f| f.is_unverified()).count(),
    }
}
