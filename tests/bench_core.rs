#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]
//! Native micro-benchmarks of the pure core, run by `scripts/bench.sh`:
//!
//! ```sh
//! cargo test --release --test bench_core -- --ignored --nocapture --test-threads=1
//! ```
//!
//! Not tests: both functions are `#[ignore]`, so `cargo test` (and
//! `scripts/test.sh`) only compile them. A plain timing harness (median of a
//! few runs, `std::time::Instant`) instead of criterion/divan, which are not in
//! the offline registry cache.
//!
//! - `bench_core`: rule check (CN, US), backup export / parse / merge-into-empty,
//!   CSV export, evidence report and the storage encoding, at 10,000 and 100,000
//!   generated contacts; prints a table and writes `target/bench/core.json`.
//! - `bench_fixture`: `target/bench/contacts-10000.json`, 10,000 typical
//!   contacts as `[key, value]` pairs in the app's own storage format (real
//!   hash chain), which `bench/bench.mjs` puts into the browser's localStorage.

use std::collections::BTreeSet;
use std::fs;
use std::path::PathBuf;
use std::time::Instant;

use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};
use serde_json::json;

use debt_evidence_kit::domain::codec::{backup, csv};
use debt_evidence_kit::domain::contacts::rehash_chain;
use debt_evidence_kit::domain::crypto::{Kdf, Key, LockRecord};
use debt_evidence_kit::domain::evidence::{build_report, ReportOptions};
use debt_evidence_kit::domain::model::{
    Case, Channel, Contact, ContactData, Debtor, Direction, Jurisdiction, Outcome, Settings,
    Source, Target, Tick,
};
use debt_evidence_kit::domain::rules;
use debt_evidence_kit::domain::time;
use debt_evidence_kit::i18n::Lang;
use debt_evidence_kit::storage::envelope;
use debt_evidence_kit::storage::migrate::RecordKind;
use debt_evidence_kit::storage::StoreKey;

/// Contacts span this many days whatever their number (10,000 → 8 a day).
const SPAN_DAYS: i64 = 1_250;
const NOTES: [&str; 4] = [
    "说明天再不还就上门",
    "自称律师，说要起诉",
    "要求今天必须还清全部欠款",
    "打给了我妈",
];

/// Small deterministic generator (no rand crate needed).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (self.0 >> 33) % n
    }
}

/// A case of `n` typical quick-logged contacts (mostly incoming calls to the
/// debtor from ~40 numbers, some at night, a few with ticks, notes or a third
/// party), in time order, with a valid hash chain.
fn typical_case(n: u32) -> Case {
    let mut rng = Lcg(42);
    let offset = FixedOffset::east_opt(8 * 3600).unwrap();
    let start = offset.with_ymd_and_hms(2023, 6, 1, 0, 0, 0).unwrap();
    let mut contacts: Vec<Contact> = (0..n)
        .map(|i| {
            let day = i64::from(i) * SPAN_DAYS / i64::from(n);
            // 07:00–23:30 local, in time order within the day.
            let slot = i64::from(i) * SPAN_DAYS % i64::from(n);
            let minute = 420 + slot * 990 / i64::from(n) + rng.next(5) as i64;
            let at: DateTime<FixedOffset> = start + Duration::days(day) + Duration::minutes(minute);
            let channel = match rng.next(100) {
                0..=84 => Channel::Call,
                85..=96 => Channel::Sms,
                _ => Channel::Messaging,
            };
            let outcome = channel.is_call().then(|| match rng.next(100) {
                0..=54 => Outcome::Unanswered,
                55..=89 => Outcome::Talked,
                _ => Outcome::NotConnected,
            });
            let duration_secs =
                (outcome == Some(Outcome::Talked)).then(|| 30 + rng.next(570) as u32);
            let target = match rng.next(100) {
                0..=93 => Target::Debtor,
                94..=96 => Target::Relative,
                97..=98 => Target::EmergencyContact,
                _ => Target::Colleague,
            };
            let mut ticks = BTreeSet::new();
            let r = rng.next(100);
            if r < 8 {
                ticks.insert(Tick::QUICK[rng.next(6) as usize]);
            }
            if r < 2 {
                ticks.insert(Tick::QUICK[rng.next(6) as usize]);
            }
            let notes = if rng.next(10) == 0 {
                NOTES[rng.next(4) as usize].to_string()
            } else {
                String::new()
            };
            let from_number = format!("1380013{:04}", rng.next(40) * 37);
            Contact {
                seq: i + 1,
                created_at: (at + Duration::minutes(2)).with_timezone(&Utc),
                source: Source::Manual,
                data: ContactData {
                    at,
                    duration_secs,
                    channel,
                    outcome,
                    direction: if rng.next(100) < 97 {
                        Direction::Incoming
                    } else {
                        Direction::Outgoing
                    },
                    from_number,
                    target,
                    ticks,
                    notes,
                    ..Default::default()
                },
                history: Vec::new(),
                deleted_at: None,
                hash: String::new(),
            }
        })
        .collect();
    rehash_chain(&mut contacts);
    Case {
        settings: Settings::default(),
        debtor: Debtor {
            phone: "13800000000".into(),
            ..Default::default()
        },
        contacts,
        ..Default::default()
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 12, 0, 0).unwrap()
}

/// Median wall time in ms of `runs` calls of `f` (after one warm-up call).
fn median_ms<T>(runs: usize, mut f: impl FnMut() -> T) -> f64 {
    std::hint::black_box(f());
    let mut v: Vec<f64> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn bench_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/bench");
    fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
#[ignore = "benchmark: run by scripts/bench.sh"]
fn bench_core() {
    let sizes = [10_000u32, 100_000];
    let mut rows: Vec<(String, Vec<f64>)> = Vec::new();
    let mut push = |name: &str, i: usize, ms: f64| {
        if let Some(r) = rows.iter_mut().find(|r| r.0 == name) {
            r.1.push(ms);
        } else {
            assert_eq!(i, 0);
            rows.push((name.to_string(), vec![ms]));
        }
    };
    let mut findings = Vec::new();
    let mut backup_bytes = Vec::new();
    for (i, &n) in sizes.iter().enumerate() {
        let runs = if n <= 10_000 { 7 } else { 3 };
        let case = typical_case(n);
        let tz = time::zone(&case.settings.time_zone);
        let cn = rules::check(&case, Jurisdiction::Cn, today());
        findings.push(cn.len());
        push(
            "rules::check CN",
            i,
            median_ms(runs, || rules::check(&case, Jurisdiction::Cn, today())),
        );
        push(
            "rules::check US",
            i,
            median_ms(runs, || rules::check(&case, Jurisdiction::Us, today())),
        );
        let text = backup::export(&case, now(), "bench");
        backup_bytes.push(text.len());
        push(
            "backup::export",
            i,
            median_ms(runs, || backup::export(&case, now(), "bench")),
        );
        push(
            "backup::parse",
            i,
            median_ms(runs, || backup::parse(&text).unwrap()),
        );
        let empty = Case::default();
        let parsed = backup::parse(&text).unwrap();
        push(
            "backup::preview+merge into empty",
            i,
            median_ms(runs, || {
                (
                    backup::preview(&empty, &parsed.case),
                    backup::merge(&empty, &parsed.case),
                )
            }),
        );
        push(
            "csv::contacts_to_csv",
            i,
            median_ms(runs, || csv::contacts_to_csv(&case, tz, Lang::ZhCn)),
        );
        let opts = ReportOptions {
            findings_only: true,
            ..ReportOptions::default()
        };
        push(
            "evidence::build_report (findings only)",
            i,
            median_ms(runs, || build_report(&case, &cn, &opts, now(), "bench")),
        );
        push(
            "evidence::build_report (full log)",
            i,
            median_ms(runs, || {
                build_report(&case, &cn, &ReportOptions::default(), now(), "bench")
            }),
        );
        push(
            "storage: encode every contact",
            i,
            median_ms(runs, || {
                case.contacts
                    .iter()
                    .map(|c| envelope::encode(c).unwrap().len())
                    .sum::<usize>()
            }),
        );
        let stored: Vec<(String, String)> = case
            .contacts
            .iter()
            .map(|c| {
                (
                    StoreKey::Contact(c.seq).name(),
                    envelope::encode(c).unwrap(),
                )
            })
            .collect();
        push(
            "storage: decode every contact",
            i,
            median_ms(runs, || {
                stored
                    .iter()
                    .map(|(_, v)| {
                        let (c, _) = envelope::decode::<Contact>(
                            v,
                            RecordKind::Contact,
                            time::offset_at_local,
                        )
                        .unwrap();
                        c.seq
                    })
                    .max()
            }),
        );
        // Passcode lock: the sealing and opening alone (PBKDF2 runs once per
        // unlock, in WebCrypto; the browser benchmark measures it).
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut rng = move |buf: &mut [u8]| {
            for b in buf.iter_mut() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                *b = state as u8;
            }
            Ok(())
        };
        let kdf = Kdf::new(&mut rng).unwrap();
        let (_, ring) =
            LockRecord::create(kdf, &Key::from_bytes([9; 32]), None, None, &mut rng).unwrap();
        let sealed: Vec<(String, String)> = stored
            .iter()
            .map(|(k, v)| (k.clone(), ring.seal_text(k, v, &mut rng).unwrap()))
            .collect();
        push(
            "passcode: seal every contact",
            i,
            median_ms(runs, || {
                stored
                    .iter()
                    .map(|(k, v)| ring.seal_text(k, v, &mut rng).map_or(0, |t| t.len()))
                    .sum::<usize>()
            }),
        );
        push(
            "passcode: open every contact",
            i,
            median_ms(runs, || {
                sealed
                    .iter()
                    .map(|(k, v)| ring.open_text(k, v).unwrap().text.len())
                    .sum::<usize>()
            }),
        );
    }

    // Storage per contact in the app's format: UTF-16 chars of key + value.
    let case = typical_case(10_000);
    let chars: usize = case
        .contacts
        .iter()
        .map(|c| {
            StoreKey::Contact(c.seq).name().encode_utf16().count()
                + envelope::encode(c).unwrap().encode_utf16().count()
        })
        .sum();
    let per_contact = chars as f64 / case.contacts.len() as f64;

    println!();
    println!("native core, median wall time (release build, this machine)");
    println!(
        "{:<40} {:>10} {:>10} {:>11} {:>11} {:>7}",
        "operation", "10k ms", "100k ms", "10k µs/c", "100k µs/c", "ratio"
    );
    let mut out = Vec::new();
    for (name, ms) in &rows {
        let per: Vec<f64> = ms
            .iter()
            .zip(sizes)
            .map(|(m, n)| m * 1e3 / f64::from(n))
            .collect();
        println!(
            "{:<40} {:>10.1} {:>10.1} {:>11.2} {:>11.2} {:>7.2}",
            name,
            ms[0],
            ms[1],
            per[0],
            per[1],
            per[1] / per[0]
        );
        out.push(json!({
            "name": name,
            "ms": { "10000": ms[0], "100000": ms[1] },
            "us_per_contact": { "10000": per[0], "100000": per[1] },
            "per_contact_ratio_100k_vs_10k": per[1] / per[0],
        }));
    }
    println!(
        "CN findings: {} at 10k, {} at 100k; backup file {} / {} bytes",
        findings[0], findings[1], backup_bytes[0], backup_bytes[1]
    );
    println!(
        "storage per typical contact (key + envelope, UTF-16): {per_contact:.0} chars = {:.0} bytes",
        per_contact * 2.0
    );
    let result = json!({
        "operations": out,
        "cn_findings": { "10000": findings[0], "100000": findings[1] },
        "backup_bytes": { "10000": backup_bytes[0], "100000": backup_bytes[1] },
        "storage_chars_per_contact": per_contact,
    });
    fs::write(
        bench_dir().join("core.json"),
        serde_json::to_string_pretty(&result).unwrap(),
    )
    .unwrap();
}

#[test]
#[ignore = "benchmark fixture: run by scripts/bench.sh"]
fn bench_fixture() {
    let case = typical_case(10_000);
    let pairs: Vec<(String, String)> = case
        .contacts
        .iter()
        .map(|c| {
            (
                StoreKey::Contact(c.seq).name(),
                envelope::encode(c).unwrap(),
            )
        })
        .collect();
    let path = bench_dir().join("contacts-10000.json");
    fs::write(&path, serde_json::to_string(&pairs).unwrap()).unwrap();
    println!("wrote {} ({} contacts)", path.display(), pairs.len());
}
