//! Parsing and formatting amounts held in minor units.

use super::model::Money;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    Empty,
    NotANumber,
    TooManyDecimals,
    NotPositive,
    TooLarge,
}

/// The largest amount the app accepts: 999,999,999,999.99, the most
/// [`parse_positive`] reads (12 whole digits). More than any personal debt,
/// and 120 instalments of it still sum far inside `i64`, so totals never
/// overflow. Stored amounts and backups are held to it as well.
pub const MAX_AMOUNT: Money = Money(99_999_999_999_999);

/// Parse "1234.5", "1,234.56", "￥1234" into minor units; the amount must be > 0.
pub fn parse_positive(text: &str) -> Result<Money, MoneyError> {
    let cleaned: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '，' | ' ' | '¥' | '￥' | '$'))
        .collect();
    if cleaned.is_empty() {
        return Err(MoneyError::Empty);
    }
    if cleaned.starts_with('-') {
        return Err(MoneyError::NotPositive);
    }
    let (whole, frac) = match cleaned.split_once('.') {
        Some((w, f)) => (w, f),
        None => (cleaned.as_str(), ""),
    };
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !(digits(whole) || (whole.is_empty() && digits(frac))) || !(frac.is_empty() || digits(frac))
    {
        return Err(MoneyError::NotANumber);
    }
    if frac.len() > 2 {
        return Err(MoneyError::TooManyDecimals);
    }
    if whole.len() > 12 {
        return Err(MoneyError::TooLarge);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| MoneyError::TooLarge)?
    };
    let frac_val: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().map_err(|_| MoneyError::NotANumber)? * 10,
        _ => frac.parse::<i64>().map_err(|_| MoneyError::NotANumber)?,
    };
    let total = whole * 100 + frac_val;
    if total <= 0 {
        return Err(MoneyError::NotPositive);
    }
    Ok(Money(total))
}

/// "1234.50" (no grouping, no symbol: the currency is shown beside it).
pub fn format(m: Money) -> String {
    let sign = if m.0 < 0 { "-" } else { "" };
    let abs = m.0.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_amount_typed_is_the_largest_accepted() {
        assert_eq!(parse_positive("999,999,999,999.99"), Ok(MAX_AMOUNT));
        assert_eq!(
            parse_positive("1,000,000,000,000"),
            Err(MoneyError::TooLarge)
        );
        let total =
            i64::try_from(crate::domain::agreement::MAX_INSTALMENTS).unwrap() * MAX_AMOUNT.0;
        assert!(total < i64::MAX / 2);
    }

    #[test]
    fn parses_common_forms() {
        assert_eq!(parse_positive("1234.5"), Ok(Money(123_450)));
        assert_eq!(parse_positive("1,234.56"), Ok(Money(123_456)));
        assert_eq!(parse_positive("￥800"), Ok(Money(80_000)));
        assert_eq!(parse_positive(".5"), Ok(Money(50)));
    }

    #[test]
    fn rejects_bad_amounts() {
        assert_eq!(parse_positive(""), Err(MoneyError::Empty));
        assert_eq!(parse_positive("0"), Err(MoneyError::NotPositive));
        assert_eq!(parse_positive("-5"), Err(MoneyError::NotPositive));
        assert_eq!(parse_positive("1.234"), Err(MoneyError::TooManyDecimals));
        assert_eq!(parse_positive("abc"), Err(MoneyError::NotANumber));
        assert_eq!(parse_positive("1.2.3"), Err(MoneyError::NotANumber));
        assert_eq!(parse_positive("9999999999999"), Err(MoneyError::TooLarge));
    }

    #[test]
    fn formats() {
        assert_eq!(format(Money(123_450)), "1234.50");
        assert_eq!(format(Money(-5)), "-0.05");
    }
}
