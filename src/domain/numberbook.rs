//! The number book: which lender a calling number belongs to. Each debt
//! lists its hotline and its collection agencies' numbers; numbers the user
//! tied to a debt on a contact are learned. Numbers are compared by
//! [`phone::key`], so every spelling of one number is one entry.
//!
//! Contacts are tied to a lender through `ContactData::debt_id`; the rules,
//! findings and letters count by it. Here: which debt a number points to, how
//! an import would be attributed, and tying past contacts to a debt after a
//! number is added to it (each change an edit, kept in the entry's history).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};

use crate::domain::contacts::{edit_contact, ContactError};
use crate::domain::model::{Case, ContactData, Debt, RecordId};
use crate::domain::phone;

/// Where a number in the book comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Hotline,
    /// A collection agency, by the name the user gave it.
    Agency(String),
    /// Contacts the user tied to this debt came from it.
    Learned,
}

/// One number of one debt's book.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// As the user or the file wrote it (the latest spelling for learned ones).
    pub number: String,
    pub origin: Origin,
    /// Active contacts from this number tied to this debt.
    pub contacts: usize,
}

/// The numbers a debt lists itself: hotline and agencies, with their keys.
fn listed(debt: &Debt) -> impl Iterator<Item = (String, &String, Origin)> {
    let hotline = std::iter::once((phone::key(&debt.hotline), &debt.hotline, Origin::Hotline));
    let agencies = debt.agencies.iter().flat_map(|a| {
        a.numbers
            .iter()
            .map(|n| (phone::key(n), n, Origin::Agency(a.name.clone())))
    });
    hotline.chain(agencies).filter(|(k, _, _)| !k.is_empty())
}

/// Key -> the debts that list it.
fn listed_index(case: &Case) -> BTreeMap<String, BTreeSet<&RecordId>> {
    let mut out: BTreeMap<String, BTreeSet<&RecordId>> = BTreeMap::new();
    for d in &case.debts {
        for (k, _, _) in listed(d) {
            out.entry(k).or_default().insert(&d.id);
        }
    }
    out
}

/// The debt `number` belongs to: the one debt that lists it; else the debt
/// of the latest contact from it that the user tied to a debt. None when
/// withheld, unknown, or listed by several debts (an agency collecting for
/// two lenders: the user decides).
pub fn lender_of(case: &Case, number: &str) -> Option<RecordId> {
    let key = phone::key(number);
    if key.is_empty() {
        return None;
    }
    let mut listing = case
        .debts
        .iter()
        .filter(|d| listed(d).any(|(k, _, _)| k == key));
    if let Some(first) = listing.next() {
        return listing.next().is_none().then(|| first.id.clone());
    }
    case.active_contacts()
        .filter(|c| phone::key(&c.data.from_number) == key)
        .filter_map(|c| c.data.debt_id.as_ref().map(|d| (c.data.at, d)))
        .max_by_key(|(at, _)| *at)
        .map(|(_, d)| d.clone())
}

/// One debt's book: its listed numbers, then the numbers learned from its
/// contacts, each with how many active contacts from it are tied to the debt.
pub fn entries(case: &Case, debt_id: &str) -> Vec<Entry> {
    let Some(debt) = case.debt(debt_id) else {
        return Vec::new();
    };
    // key -> (count, latest spelling)
    let mut tied: BTreeMap<String, (usize, &str)> = BTreeMap::new();
    let mut mine: Vec<_> = case
        .active_contacts()
        .filter(|c| c.data.debt_id.as_deref() == Some(debt_id))
        .collect();
    mine.sort_by_key(|c| c.data.at);
    for c in mine {
        let k = phone::key(&c.data.from_number);
        if !k.is_empty() {
            let e = tied.entry(k).or_insert((0, ""));
            e.0 += 1;
            e.1 = &c.data.from_number;
        }
    }
    let mut out = Vec::new();
    let mut seen = BTreeSet::new();
    for (k, written, origin) in listed(debt) {
        if seen.insert(k.clone()) {
            let contacts = tied.get(&k).map_or(0, |t| t.0);
            out.push(Entry {
                number: written.clone(),
                origin,
                contacts,
            });
        }
    }
    for (k, (contacts, written)) in tied {
        if !seen.contains(&k) {
            out.push(Entry {
                number: written.to_string(),
                origin: Origin::Learned,
                contacts,
            });
        }
    }
    out
}

/// Tie a new contact (typed or imported) to the debt its number belongs to,
/// unless it already names one. Whether it was tied.
pub fn attribute_new(case: &Case, data: &mut ContactData) -> bool {
    if data.debt_id.is_some() {
        return false;
    }
    data.debt_id = lender_of(case, &data.from_number);
    data.debt_id.is_some()
}

/// How a batch of new contacts (an import) would be attributed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    /// Debt id -> contacts tied to it, in the order of `case.debts`.
    pub per_debt: Vec<(RecordId, usize)>,
    /// Contacts no number in the book points to.
    pub unattributed: usize,
}

/// The import preview: how many of `incoming` would be tied to which debt
/// (those naming a debt already count for it).
pub fn preview(case: &Case, incoming: &[ContactData]) -> Attribution {
    // Keys repeat a lot in a phone log: look each up once.
    let mut by_key: BTreeMap<String, Option<RecordId>> = BTreeMap::new();
    let mut counts: BTreeMap<RecordId, usize> = BTreeMap::new();
    let mut unattributed = 0;
    for d in incoming {
        let debt = match &d.debt_id {
            Some(id) => Some(id.clone()),
            None => by_key
                .entry(phone::key(&d.from_number))
                .or_insert_with(|| lender_of(case, &d.from_number))
                .clone(),
        };
        match debt {
            Some(id) => *counts.entry(id).or_insert(0) += 1,
            None => unattributed += 1,
        }
    }
    let per_debt = case
        .debts
        .iter()
        .filter_map(|d| counts.get(&d.id).map(|n| (d.id.clone(), *n)))
        .collect();
    Attribution {
        per_debt,
        unattributed,
    }
}

/// Past contacts tied to no debt whose number `debt_id` lists (and no other
/// debt does): what adding a number to a debt offers to attribute. Seqs,
/// oldest first.
pub fn past_to_attribute(case: &Case, debt_id: &str) -> Vec<u32> {
    let index = listed_index(case);
    let mut out: Vec<_> = case
        .active_contacts()
        .filter(|c| c.data.debt_id.is_none())
        .filter(|c| {
            index
                .get(&phone::key(&c.data.from_number))
                .is_some_and(|debts| debts.len() == 1 && debts.iter().any(|d| *d == debt_id))
        })
        .map(|c| (c.data.at, c.seq))
        .collect();
    out.sort();
    out.into_iter().map(|(_, seq)| seq).collect()
}

/// The contacts `seqs` grouped by number for the preview: each number as
/// first written, with how many contacts came from it, most first.
pub fn by_number(case: &Case, seqs: &[u32]) -> Vec<(String, usize)> {
    let mut groups: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for c in seqs.iter().filter_map(|s| case.contact(*s)) {
        let n = &c.data.from_number;
        groups
            .entry(phone::key(n))
            .or_insert_with(|| (n.clone(), 0))
            .1 += 1;
    }
    let mut out: Vec<_> = groups.into_values().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Tie the contacts `seqs` to `debt_id`, each as an edit kept in its
/// history. Contacts that meanwhile name a debt are left alone. How many
/// changed.
pub fn attribute_past(
    case: &mut Case,
    debt_id: &str,
    seqs: &[u32],
    now: DateTime<Utc>,
) -> Result<usize, ContactError> {
    let mut changed = 0;
    for &seq in seqs {
        let Some(c) = case.contact(seq) else {
            return Err(ContactError::NotFound(seq));
        };
        if c.data.debt_id.is_some() {
            continue;
        }
        let mut data = c.data.clone();
        data.debt_id = Some(debt_id.to_string());
        edit_contact(case, seq, data, now)?;
        changed += 1;
    }
    Ok(changed)
}

/// The debt a new contact from `number` is most likely about: the only debt
/// when there is one; else what the number book says
/// ([`lender_of`]). The user can always change it; None when
/// nothing points anywhere.
pub fn suggest_debt(case: &Case, number: &str) -> Option<RecordId> {
    if let [only] = case.debts.as_slice() {
        return Some(only.id.clone());
    }
    lender_of(case, number)
}

/// Active contacts tied to no debt, for the findings and letters to say.
pub fn unattributed(case: &Case) -> usize {
    case.active_contacts()
        .filter(|c| c.data.debt_id.is_none())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::contacts::{add_contact, verify_chain};
    use crate::domain::model::{Agency, Source};

    fn now() -> DateTime<Utc> {
        "2026-03-10T12:00:00Z".parse().unwrap()
    }

    fn debt(id: &str, hotline: &str, agency: &[&str]) -> Debt {
        Debt {
            id: id.into(),
            lender: id.into(),
            hotline: hotline.into(),
            agencies: vec![Agency {
                name: format!("{id}-agency"),
                numbers: agency.iter().map(|n| n.to_string()).collect(),
            }],
            ..Default::default()
        }
    }

    fn call(at: &str, number: &str, debt: Option<&str>) -> ContactData {
        ContactData {
            at: chrono::DateTime::parse_from_rfc3339(at).unwrap(),
            from_number: number.into(),
            debt_id: debt.map(str::to_string),
            ..Default::default()
        }
    }

    fn case() -> Case {
        Case {
            debts: vec![
                debt("d1", "95188", &["+86 21 6123 4567", "400-820-8820"]),
                debt("d2", "+86 95555", &["400 820 8820"]),
            ],
            ..Default::default()
        }
    }

    #[test]
    fn lender_by_any_spelling_and_never_for_shared_or_withheld() {
        let mut c = case();
        let table = [
            ("+86 95188", Some("d1")),
            ("021-6123 4567", Some("d1")),
            ("95555", Some("d2")),
            ("4008208820", None), // both debts list it
            ("-1", None),
            ("13800138000", None),
        ];
        for (n, want) in table {
            assert_eq!(lender_of(&c, n).as_deref(), want, "{n}");
        }
        add_contact(
            &mut c,
            call("2026-03-01T10:00:00+08:00", "138 0013 8000", Some("d2")),
            Source::Manual,
            now(),
        )
        .unwrap();
        assert_eq!(lender_of(&c, "+8613800138000").as_deref(), Some("d2"));
    }

    #[test]
    fn import_preview_counts_per_lender() {
        let c = case();
        let incoming = [
            call("2026-03-01T10:00:00+08:00", "95188", None),
            call("2026-03-01T10:01:00+08:00", "+86 (0)21 61234567", None),
            call("2026-03-01T10:02:00+08:00", "95555", None),
            call("2026-03-01T10:03:00+08:00", "-2", None),
            call("2026-03-01T10:04:00+08:00", "4008208820", None),
            call("2026-03-01T10:05:00+08:00", "13900000000", Some("d2")),
        ];
        assert_eq!(
            preview(&c, &incoming),
            Attribution {
                per_debt: vec![("d1".into(), 2), ("d2".into(), 2)],
                unattributed: 2,
            }
        );
        let mut one = incoming[1].clone();
        assert!(attribute_new(&c, &mut one));
        assert_eq!(one.debt_id.as_deref(), Some("d1"));
        let mut named = incoming[5].clone();
        assert!(!attribute_new(&c, &mut named), "a chosen debt is kept");
        assert_eq!(named.debt_id.as_deref(), Some("d2"));
    }

    #[test]
    fn adding_an_agency_number_attributes_past_contacts_with_history() {
        let mut c = Case {
            debts: vec![debt("d1", "", &[]), debt("d2", "", &[])],
            ..Default::default()
        };
        for (at, n, d) in [
            ("2026-03-01T10:00:00+08:00", "021-6123 4567", None),
            ("2026-03-01T09:00:00+08:00", "+86 21 6123 4567", None),
            ("2026-03-02T10:00:00+08:00", "021 61234567", Some("d2")),
            ("2026-03-03T10:00:00+08:00", "13800138000", None),
        ] {
            add_contact(&mut c, call(at, n, d), Source::Imported, now()).unwrap();
        }
        assert!(past_to_attribute(&c, "d1").is_empty());
        assert_eq!(unattributed(&c), 3);

        c.debts[0].agencies[0]
            .numbers
            .push("+86 (0)21 6123-4567".into());
        let seqs = past_to_attribute(&c, "d1");
        assert_eq!(seqs, [2, 1], "oldest first; the one tied to d2 stays");
        assert_eq!(by_number(&c, &seqs), [("+86 21 6123 4567".to_string(), 2)]);
        assert_eq!(attribute_past(&mut c, "d1", &seqs, now()), Ok(2));
        for seq in [1, 2] {
            let contact = c.contact(seq).unwrap();
            assert_eq!(contact.data.debt_id.as_deref(), Some("d1"));
            assert_eq!(contact.history.len(), 1);
            assert_eq!(contact.history[0].data.debt_id, None);
        }
        assert_eq!(c.contact(3).unwrap().data.debt_id.as_deref(), Some("d2"));
        assert_eq!(unattributed(&c), 1);
        assert!(verify_chain(&c.contacts).ok);
        assert!(
            past_to_attribute(&c, "d1").is_empty(),
            "nothing left to offer"
        );
        assert_eq!(attribute_past(&mut c, "d1", &seqs, now()), Ok(0));
    }

    #[test]
    fn the_book_lists_hotline_agencies_and_learned_numbers() {
        let mut c = case();
        for (at, n) in [
            ("2026-03-01T10:00:00+08:00", "95188"),
            ("2026-03-02T10:00:00+08:00", "+86 95188"),
            ("2026-03-03T10:00:00+08:00", "139 0000 0000"),
        ] {
            add_contact(&mut c, call(at, n, Some("d1")), Source::Manual, now()).unwrap();
        }
        let book = entries(&c, "d1");
        let rows: Vec<_> = book
            .iter()
            .map(|e| (e.number.as_str(), e.origin.clone(), e.contacts))
            .collect();
        assert_eq!(
            rows,
            [
                ("95188", Origin::Hotline, 2),
                ("+86 21 6123 4567", Origin::Agency("d1-agency".into()), 0),
                ("400-820-8820", Origin::Agency("d1-agency".into()), 0),
                ("139 0000 0000", Origin::Learned, 1),
            ]
        );
    }
}
