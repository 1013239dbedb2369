//! The checker's entry point: prepare the log once, run the rules of one
//! jurisdiction, order the findings. Apart from `engine` (the shared
//! machinery) so the jurisdiction files depend on it and nothing runs in circles.

use chrono::NaiveDate;

use super::engine::Ctx;
use super::{cn, other, us, Finding};
use crate::domain::model::{Case, Jurisdiction};

/// Check the case's log against the rules of `jurisdiction`, in the zone of
/// `case.settings.time_zone`. `today` (local) decides which reply deadlines
/// have passed. Sorted most serious first, then by first contact.
pub fn check(case: &Case, jurisdiction: Jurisdiction, today: NaiveDate) -> Vec<Finding> {
    let ctx = Ctx::new(case);
    let mut out = Vec::new();
    match jurisdiction {
        Jurisdiction::Cn => cn::check(&ctx, today, &mut out),
        Jurisdiction::Us => us::check(&ctx, &mut out),
        Jurisdiction::In | Jurisdiction::Ph | Jurisdiction::Au | Jurisdiction::Tw => {
            other::check(&ctx, jurisdiction, &mut out)
        }
        // HK-CODE and UK-CONC give no clock times: catalog information only.
        Jurisdiction::Hk | Jurisdiction::Uk => {}
    }
    out.sort_by(|a, b| {
        b.severity
            .cmp(&a.severity)
            .then(a.when.cmp(&b.when))
            .then(a.rule.id.cmp(b.rule.id))
            .then_with(|| a.creditor.cmp(&b.creditor))
            .then_with(|| a.contacts.cmp(&b.contacts))
            .then_with(|| a.measure.cmp(&b.measure))
            .then_with(|| a.debt_id.cmp(&b.debt_id))
    });
    out
}
