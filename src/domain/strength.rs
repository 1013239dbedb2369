//! How long a passcode stands up to offline guessing: someone who copied the
//! browser's data (or an encrypted backup) tries passcodes on a graphics card
//! at the app's key-stretching cost, with no waits between tries.
//!
//! Two honest tiers (README, "Passcode lock"):
//! - an encrypted backup leaves the device, so its passcode must hold for at
//!   least a year on one current GPU; weaker ones are refused;
//! - the device lock mostly stops a person picking up the phone (the growing
//!   waits do that); a PIN of 6 or more digits is allowed, with the same
//!   estimate shown and plain words on what it does not stop.
//!
//! The estimate is rough and errs towards "weak": repeats, runs (1234,
//! abcd), dates and the most common passcodes count for little.

use crate::domain::crypto::PBKDF2_ITERATIONS;

/// PBKDF2-HMAC-SHA-256 iterations per second on one RTX 4090: hashcat
/// mode 6800 (PBKDF2-HMAC-SHA256, 500 iterations) runs 17,023.6 kH/s, i.e.
/// 8.5 × 10⁹ iterations/s (public benchmark, PHCS-gh/Hashcat-benchmark),
/// rounded up by a third for newer cards.
pub const GPU_ITERATIONS_PER_SECOND: f64 = 11.5e9;
/// An encrypted backup must hold this long, on average, on one GPU.
pub const BACKUP_MIN_SECONDS: f64 = 365.25 * 24.0 * 3600.0;
/// The device lock takes a PIN of 6 digits or more.
pub const DEVICE_MIN_CHARS: usize = 6;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasscodeProblem {
    TooShort,
    /// Guessed on one GPU in less than `BACKUP_MIN_SECONDS`.
    TooWeak,
    Mismatch,
}

/// Where the passcode is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// The lock on this device.
    Device,
    /// An encrypted backup, which leaves the device.
    Backup,
}

/// Check a new passcode and its repetition for `tier`.
pub fn check_new_passcode(tier: Tier, new: &str, repeat: &str) -> Result<(), PasscodeProblem> {
    if new.chars().count() < DEVICE_MIN_CHARS {
        Err(PasscodeProblem::TooShort)
    } else if tier == Tier::Backup && gpu_seconds(new) < BACKUP_MIN_SECONDS {
        Err(PasscodeProblem::TooWeak)
    } else if new != repeat {
        Err(PasscodeProblem::Mismatch)
    } else {
        Ok(())
    }
}

/// Guesses per second on one GPU at this app's key-stretching cost.
pub fn gpu_guesses_per_second() -> f64 {
    GPU_ITERATIONS_PER_SECOND / f64::from(PBKDF2_ITERATIONS)
}

/// Average seconds to guess `passcode` on one GPU (half the guesses needed).
pub fn gpu_seconds(passcode: &str) -> f64 {
    guesses(passcode) / 2.0 / gpu_guesses_per_second()
}

/// A duration in the unit a person reads it in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    UnderASecond,
    Seconds(u64),
    Minutes(u64),
    Hours(u64),
    Days(u64),
    Years(u64),
    /// A thousand years or more.
    Forever,
}

pub fn span(seconds: f64) -> Span {
    const MIN: f64 = 60.0;
    const HOUR: f64 = 3600.0;
    const DAY: f64 = 86_400.0;
    const YEAR: f64 = 365.25 * DAY;
    // Whole units, rounded down: never sounds stronger than it is.
    let whole = |x: f64| x.floor() as u64;
    if !seconds.is_finite() || seconds >= 1000.0 * YEAR {
        Span::Forever
    } else if seconds < 1.0 {
        Span::UnderASecond
    } else if seconds < MIN {
        Span::Seconds(whole(seconds))
    } else if seconds < HOUR {
        Span::Minutes(whole(seconds / MIN))
    } else if seconds < DAY {
        Span::Hours(whole(seconds / HOUR))
    } else if seconds < YEAR {
        Span::Days(whole(seconds / DAY))
    } else {
        Span::Years(whole(seconds / YEAR))
    }
}

/// Passcodes tried first (lower case): the most common PINs and words,
/// including the Chinese favourites (520 = "I love you", 888, 666).
const COMMON: &[&str] = &[
    "123456",
    "1234567",
    "12345678",
    "123456789",
    "1234567890",
    "111111",
    "000000",
    "888888",
    "666666",
    "123123",
    "654321",
    "112233",
    "121212",
    "520520",
    "5201314",
    "1314520",
    "147258",
    "159357",
    "147258369",
    "password",
    "password1",
    "qwerty",
    "qwertyuiop",
    "asdfgh",
    "asdfghjkl",
    "zxcvbn",
    "iloveyou",
    "woaini",
    "woaini1314",
    "abc123",
    "aa123456",
    "a123456",
    "qq123456",
    "admin",
    "letmein",
    "welcome",
    "1qaz2wsx",
    "qazwsx",
];

/// Estimated guesses an attacker needs for `passcode`.
pub fn guesses(passcode: &str) -> f64 {
    let chars: Vec<char> = passcode.chars().collect();
    let lower = passcode.to_lowercase();
    if chars.is_empty() {
        return 1.0;
    }
    if COMMON.contains(&lower.as_str()) {
        return 1_000.0;
    }
    let pool = pool_size(&chars);
    let mut bits = 0.0;
    let mut prev: Option<char> = None;
    for &c in &chars {
        let runs_on = prev.is_some_and(|p| {
            let step = i64::from(u32::from(c)) - i64::from(u32::from(p));
            step.abs() <= 1
        });
        // A repeat or the next in a run ("1234", "aaaa") is nearly free.
        bits += if runs_on { 1.0 } else { pool.log2() };
        prev = Some(c);
    }
    if chars.iter().all(char::is_ascii_digit) && looks_like_date(&lower) {
        // Birthdays: about 100 years of days, in a few layouts.
        bits = bits.min((36_525.0f64 * 4.0).log2());
    }
    bits.exp2()
}

/// Size of the alphabet the passcode draws from.
fn pool_size(chars: &[char]) -> f64 {
    let has = |f: fn(&char) -> bool| chars.iter().any(f);
    let mut pool = 0.0;
    if has(char::is_ascii_digit) {
        pool += 10.0;
    }
    if has(char::is_ascii_lowercase) {
        pool += 26.0;
    }
    if has(char::is_ascii_uppercase) {
        pool += 26.0;
    }
    if has(|c| c.is_ascii() && !c.is_ascii_alphanumeric()) {
        pool += 33.0;
    }
    // Chinese characters: people type words and idioms, so far fewer than
    // the thousands in use; a rough word-list figure.
    if has(|c| !c.is_ascii()) {
        pool += 1_000.0;
    }
    pool
}

/// YYYYMMDD, YYMMDD, MMDDYYYY, DDMMYYYY or MMDD with a plausible date.
fn looks_like_date(d: &str) -> bool {
    let n = |s: Option<&str>| s.and_then(|s| s.parse::<u32>().ok()).unwrap_or(0);
    let md = |m: u32, day: u32| (1..=12).contains(&m) && (1..=31).contains(&day);
    match d.len() {
        4 => md(n(d.get(0..2)), n(d.get(2..4))),
        6 => md(n(d.get(2..4)), n(d.get(4..6))) || md(n(d.get(0..2)), n(d.get(2..4))),
        8 => {
            let year = |y: u32| (1900..=2099).contains(&y);
            (year(n(d.get(0..4))) && md(n(d.get(4..6)), n(d.get(6..8))))
                || (year(n(d.get(4..8)))
                    && (md(n(d.get(0..2)), n(d.get(2..4))) || md(n(d.get(2..4)), n(d.get(0..2)))))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gpu_rate_follows_the_key_stretching_cost() {
        // About 19,000 guesses a second at 600,000 iterations.
        let rate = gpu_guesses_per_second();
        assert!((15_000.0..25_000.0).contains(&rate), "{rate}");
    }

    #[test]
    fn short_common_and_patterned_passcodes_are_weak() {
        // The 4-digit PIN of the attack run: under a second on a GPU.
        assert_eq!(span(gpu_seconds("2468")), Span::UnderASecond);
        // Any 6-digit PIN: seconds.
        assert!(matches!(span(gpu_seconds("730415")), Span::Seconds(_)));
        for weak in [
            "123456",
            "111111",
            "19900512",
            "abcdefgh",
            "aaaaaaaaaaaa",
            "Password",
        ] {
            assert!(
                gpu_seconds(weak) < 3_600.0,
                "{weak}: {:?}",
                span(gpu_seconds(weak))
            );
        }
    }

    #[test]
    fn backups_need_a_year_on_a_gpu() {
        for weak in [
            "730415",
            "平安喜乐",
            "qwertyuiop",
            "abcdefghijkl",
            "20240229",
        ] {
            assert_eq!(
                check_new_passcode(Tier::Backup, weak, weak),
                Err(if weak.chars().count() < DEVICE_MIN_CHARS {
                    PasscodeProblem::TooShort
                } else {
                    PasscodeProblem::TooWeak
                }),
                "{weak}"
            );
        }
        for strong in [
            "kp7-Wq2x-Ln9z",
            "lamp river cocoa 7",
            "我的猫叫小黑不吃鱼",
            "t8mz4qkv2x",
        ] {
            assert_eq!(
                check_new_passcode(Tier::Backup, strong, strong),
                Ok(()),
                "{strong}"
            );
            assert!(gpu_seconds(strong) >= BACKUP_MIN_SECONDS);
        }
        assert_eq!(
            check_new_passcode(Tier::Backup, "kp7-Wq2x-Ln9z", "kp7-Wq2x-Ln9Z"),
            Err(PasscodeProblem::Mismatch)
        );
    }

    #[test]
    fn the_device_lock_takes_a_six_digit_pin() {
        assert_eq!(
            check_new_passcode(Tier::Device, "2468", "2468"),
            Err(PasscodeProblem::TooShort)
        );
        assert_eq!(check_new_passcode(Tier::Device, "730415", "730415"), Ok(()));
        assert_eq!(
            check_new_passcode(Tier::Device, "730415", "730416"),
            Err(PasscodeProblem::Mismatch)
        );
    }

    #[test]
    fn spans_round_down() {
        assert_eq!(span(0.5), Span::UnderASecond);
        assert_eq!(span(59.9), Span::Seconds(59));
        assert_eq!(span(3_599.0), Span::Minutes(59));
        assert_eq!(span(86_399.0), Span::Hours(23));
        assert_eq!(span(400.0 * 86_400.0), Span::Years(1));
        assert_eq!(span(f64::INFINITY), Span::Forever);
    }
}
