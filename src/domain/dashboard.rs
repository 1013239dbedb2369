//! The home dashboard's figures: what needs attention now.

use chrono::{Duration, NaiveDate};

use super::agreement::{self, InstalmentStatus, NextDue};
use super::model::Case;
use super::{rules, time};

#[derive(Debug, Clone, PartialEq)]
pub struct Dashboard {
    /// The soonest unpaid instalment over all governing agreements, with its lender and currency.
    pub next_due: Option<(String, String, NextDue)>,
    /// Collector-initiated contacts in the last 7 local days, today included.
    pub contacts_this_week: usize,
    pub findings: usize,
    /// Lenders whose governing agreement lacks written confirmation.
    pub unconfirmed: Vec<String>,
}

pub fn dashboard(case: &Case, today: NaiveDate) -> Dashboard {
    let zone = time::zone(&case.settings.time_zone);
    let week_start = today - Duration::days(6);
    let contacts_this_week = case
        .active_contacts()
        .filter(|c| c.data.is_collector_initiated())
        .filter(|c| (week_start..=today).contains(&time::local_date(&c.data.at, zone)))
        .count();
    let mut next_due = None;
    let mut unconfirmed = Vec::new();
    for debt in &case.debts {
        let Some(a) = case.governing_agreement(&debt.id) else {
            continue;
        };
        if !agreement::missing_critical(a).is_empty() {
            unconfirmed.push(debt.lender.clone());
        }
        if let Some(n) = agreement::next_due(a, today) {
            let sooner =
                next_due
                    .as_ref()
                    .is_none_or(|(_, _, best): &(String, String, NextDue)| {
                        // Overdue first, then the earliest date.
                        (n.status != InstalmentStatus::Overdue, n.due)
                            < (best.status != InstalmentStatus::Overdue, best.due)
                    });
            if sooner {
                next_due = Some((debt.lender.clone(), debt.currency.clone(), n));
            }
        }
    }
    let findings = rules::check(case, case.settings.jurisdiction, today).len();
    Dashboard {
        next_due,
        contacts_this_week,
        findings,
        unconfirmed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::model::{Agreement, ContactData, Debt, Instalment, Money, Source};

    #[test]
    fn figures_for_a_small_case() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        let mut case = Case {
            debts: vec![Debt {
                id: "d1".into(),
                lender: "安心借".into(),
                currency: "CNY".into(),
                ..Default::default()
            }],
            agreements: vec![Agreement {
                id: "a1".into(),
                debt_id: "d1".into(),
                date_reached: d("2026-03-01"),
                instalments: vec![
                    Instalment {
                        due: d("2026-04-01"),
                        amount: Money(50_000),
                    },
                    Instalment {
                        due: d("2026-05-01"),
                        amount: Money(50_000),
                    },
                ],
                ..Default::default()
            }],
            ..Default::default()
        };
        for at in [
            "2026-03-20T22:30:00+08:00",
            "2026-03-25T10:00:00+08:00",
            "2026-03-10T10:00:00+08:00",
        ] {
            let data = ContactData {
                at: at.parse().unwrap(),
                ..Default::default()
            };
            crate::domain::contacts::add_contact(
                &mut case,
                data,
                Source::Manual,
                "2026-03-26T00:00:00Z".parse().unwrap(),
            )
            .unwrap();
        }
        let dash = dashboard(&case, d("2026-03-25"));
        assert_eq!(dash.contacts_this_week, 2);
        assert_eq!(
            dash.next_due.as_ref().map(|(l, _, n)| (l.as_str(), n.due)),
            Some(("安心借", d("2026-04-01")))
        );
        assert_eq!(dash.unconfirmed, vec!["安心借".to_string()]);
        assert!(dash.findings >= 1, "the 22:30 call is a night-time finding");
    }
}
