//! What every case must satisfy, checked on a case that came from outside
//! (a backup file): ranges, ordering and uniqueness. The app's
//! own forms keep to the same bounds, so whatever it stores it can export
//! and read back.
//!
//! | record | checked |
//! |---|---|
//! | settings | the zone is one the app knows (times are computed in it) |
//! | debt | id unique; amounts 0 ..= [`MAX_AMOUNT`] |
//! | agreement | id unique; date in [`YEARS`]; agreed total 0.01 ..= max; at most [`MAX_INSTALMENTS`] lines |
//! | instalment | due in [`YEARS`]; amount 0.01 ..= max |
//! | payment | id unique in the case; date in [`YEARS`]; amount 0.01 ..= max |
//! | checklist entry | date in [`YEARS`] |
//! | contact | seq 1 ..= [`MAX_SEQ`], unique; every date (of each version too) in [`YEARS`] |
//! | event | id unique; dates in [`YEARS`]; ends after it starts; daily hours within a day |
//!
//! A reference to a debt the file lacks is kept, not refused: the app's own
//! backup holds one after its debts record was damaged and set aside, and
//! the app shows such an entry as "unknown creditor".
//!
//! Order carries no meaning in contacts (numbered) or a schedule (dated):
//! [`put_in_order`] sorts them.

use std::collections::HashSet;

use chrono::Datelike;

use crate::domain::agreement::MAX_INSTALMENTS;
use crate::domain::model::{Case, Money, RecordId, MAX_SEQ};
use crate::domain::money::MAX_AMOUNT;
use crate::domain::time::{self, YEARS};

/// How many problems a refusal lists; the rest are counted.
pub const SHOWN: usize = 5;

/// The record a problem is in, named as the user knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Record {
    Settings,
    Debt(RecordId),
    Agreement(RecordId),
    /// Line `line` (1-based, in date order) of an agreement's schedule.
    Instalment {
        agreement: RecordId,
        line: usize,
    },
    Payment {
        agreement: RecordId,
        id: RecordId,
    },
    /// A checklist item of an agreement, by item id.
    Checklist {
        agreement: RecordId,
        item: String,
    },
    Contact(u32),
    Event(RecordId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountField {
    OriginalAmount,
    OverdueAmount,
    AgreedTotal,
    Instalment,
    Payment,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateField {
    /// When an agreement was reached.
    Reached,
    Due,
    Paid,
    /// When a checklist item was done.
    Done,
    /// When a contact happened (current version).
    ContactTime,
    /// When a contact happened, in an earlier version.
    EarlierContactTime,
    Logged,
    Edited,
    Binned,
    EventStart,
    EventEnd,
    Replied,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// A zone this build does not know: times would be computed in another.
    UnknownZone(String),
    SeqZero,
    SeqTooLarge {
        max: u32,
    },
    /// Another contact in the file has the same number.
    SeqRepeated,
    /// Another record of the same kind in the file has the same id.
    IdRepeated,
    Amount {
        field: AmountField,
        value: Money,
        min: Money,
        max: Money,
    },
    Year {
        field: DateField,
        year: i32,
    },
    TooManyInstalments {
        count: usize,
        max: usize,
    },
    EndsBeforeStart,
    /// Daily hours (minutes after midnight) that are not within one day.
    DailyWindow {
        from: u16,
        to: u16,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordProblem {
    pub record: Record,
    pub problem: Problem,
}

/// Why a case was refused: the first [`SHOWN`] problems, in file order
/// (settings, debts, agreements, contacts by number, events), and how many
/// there are in all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems {
    pub first: Vec<RecordProblem>,
    pub total: usize,
}

/// Collects problems, keeping only the first few.
#[derive(Default)]
struct Found {
    first: Vec<RecordProblem>,
    total: usize,
}

impl Found {
    fn add(&mut self, record: impl FnOnce() -> Record, problem: Problem) {
        self.total += 1;
        if self.first.len() < SHOWN {
            self.first.push(RecordProblem {
                record: record(),
                problem,
            });
        }
    }

    fn year(&mut self, record: impl FnOnce() -> Record, field: DateField, year: i32) {
        if !YEARS.contains(&year) {
            self.add(record, Problem::Year { field, year });
        }
    }

    fn amount(&mut self, record: impl FnOnce() -> Record, field: AmountField, value: Money) {
        let min = match field {
            // A debt's amounts may be unknown (0); the others are typed, > 0.
            AmountField::OriginalAmount | AmountField::OverdueAmount => Money(0),
            AmountField::AgreedTotal | AmountField::Instalment | AmountField::Payment => Money(1),
        };
        if !(min..=MAX_AMOUNT).contains(&value) {
            let max = MAX_AMOUNT;
            self.add(
                record,
                Problem::Amount {
                    field,
                    value,
                    min,
                    max,
                },
            );
        }
    }
}

/// Sort what has no meaningful order in a file: contacts by number, each
/// schedule by due date (both stable). The app keeps both sorted and relies
/// on it (a contact is found by binary search).
pub fn put_in_order(case: &mut Case) {
    case.contacts.sort_by_key(|c| c.seq);
    for a in &mut case.agreements {
        a.instalments.sort_by_key(|l| l.due);
    }
}

/// Every problem that makes `case` unsafe to store, or Ok.
pub fn check(case: &Case) -> Result<(), Problems> {
    let mut found = Found::default();

    if !time::is_known_zone(&case.settings.time_zone) {
        found.add(
            || Record::Settings,
            Problem::UnknownZone(case.settings.time_zone.clone()),
        );
    }

    let mut debts = HashSet::new();
    for d in &case.debts {
        let rec = || Record::Debt(d.id.clone());
        if !debts.insert(d.id.as_str()) {
            found.add(rec, Problem::IdRepeated);
        }
        found.amount(rec, AmountField::OriginalAmount, d.original_amount);
        found.amount(rec, AmountField::OverdueAmount, d.overdue_amount);
    }

    let mut agreements = HashSet::new();
    let mut payments = HashSet::new();
    for a in &case.agreements {
        let rec = || Record::Agreement(a.id.clone());
        if !agreements.insert(a.id.as_str()) {
            found.add(rec, Problem::IdRepeated);
        }
        found.year(rec, DateField::Reached, a.date_reached.year());
        if let Some(total) = a.agreed_total {
            found.amount(rec, AmountField::AgreedTotal, total);
        }
        if a.instalments.len() > MAX_INSTALMENTS {
            let (count, max) = (a.instalments.len(), MAX_INSTALMENTS);
            found.add(rec, Problem::TooManyInstalments { count, max });
        }
        for (i, l) in a.instalments.iter().enumerate() {
            let rec = || Record::Instalment {
                agreement: a.id.clone(),
                line: i + 1,
            };
            found.year(rec, DateField::Due, l.due.year());
            found.amount(rec, AmountField::Instalment, l.amount);
        }
        for p in &a.payments {
            let rec = || Record::Payment {
                agreement: a.id.clone(),
                id: p.id.clone(),
            };
            if !payments.insert(p.id.as_str()) {
                found.add(rec, Problem::IdRepeated);
            }
            found.year(rec, DateField::Paid, p.date.year());
            found.amount(rec, AmountField::Payment, p.amount);
        }
        for (item, entry) in &a.checklist {
            if let Some(date) = entry.date {
                let rec = || Record::Checklist {
                    agreement: a.id.clone(),
                    item: item.clone(),
                };
                found.year(rec, DateField::Done, date.year());
            }
        }
    }

    let mut seqs = HashSet::new();
    let mut contacts: Vec<_> = case.contacts.iter().collect();
    contacts.sort_by_key(|c| c.seq);
    for c in contacts {
        let rec = || Record::Contact(c.seq);
        if c.seq == 0 {
            found.add(rec, Problem::SeqZero);
        } else if c.seq > MAX_SEQ {
            found.add(rec, Problem::SeqTooLarge { max: MAX_SEQ });
        }
        if !seqs.insert(c.seq) {
            found.add(rec, Problem::SeqRepeated);
        }
        found.year(rec, DateField::Logged, c.created_at.year());
        found.year(rec, DateField::ContactTime, c.data.at.year());
        for past in &c.history {
            found.year(rec, DateField::Edited, past.replaced_at.year());
            found.year(rec, DateField::EarlierContactTime, past.data.at.year());
        }
        if let Some(binned) = c.deleted_at {
            found.year(rec, DateField::Binned, binned.year());
        }
    }

    let mut events = HashSet::new();
    for e in &case.events {
        let rec = || Record::Event(e.id.clone());
        if !events.insert(e.id.as_str()) {
            found.add(rec, Problem::IdRepeated);
        }
        found.year(rec, DateField::EventStart, e.at.year());
        if let Some(until) = e.until {
            found.year(rec, DateField::EventEnd, until.year());
            if until < e.at {
                found.add(rec, Problem::EndsBeforeStart);
            }
        }
        if let Some(replied) = e.replied_on {
            found.year(rec, DateField::Replied, replied.year());
        }
        if let Some((from, to)) = e.daily_window {
            if from >= 1440 || to >= 1440 {
                found.add(rec, Problem::DailyWindow { from, to });
            }
        }
    }

    if found.total == 0 {
        Ok(())
    } else {
        Err(Problems {
            first: found.first,
            total: found.total,
        })
    }
}
