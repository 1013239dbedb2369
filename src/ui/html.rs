//! Large, static tables as one HTML string, set with `innerHTML`: the browser
//! parses 10,000 rows natively in a fraction of the time it takes to create
//! their ~90,000 nodes one call at a time from wasm. Every text is escaped;
//! no attribute takes user text.

use crate::domain::evidence::LogRow;

/// Text safe inside an element or a quoted attribute.
pub fn escape(text: &str, out: &mut String) {
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The rows of the evidence log table (`<tr>`…), in order.
pub fn log_rows(rows: &[LogRow]) -> String {
    let mut out = String::with_capacity(rows.len() * 220);
    for row in rows {
        out.push_str(r#"<tr data-testid="evidence-row">"#);
        cell(&mut out, "num", &row.seq.to_string());
        cell(&mut out, "when", &row.at);
        cell(&mut out, "", &row.channel);
        cell(&mut out, "", &row.from);
        cell(&mut out, "", &row.target);
        cell(&mut out, "summary", &row.summary);
        cell(&mut out, "rules", &row.rules.join(" "));
        cell(&mut out, "", &row.edited);
        out.push_str("</tr>");
    }
    out
}

/// `class` is always one of our own literals, never user text.
fn cell(out: &mut String, class: &'static str, text: &str) {
    if class.is_empty() {
        out.push_str("<td>");
    } else {
        out.push_str(r#"<td class=""#);
        out.push_str(class);
        out.push_str(r#"">"#);
    }
    escape(text, out);
    out.push_str("</td>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(summary: &str) -> LogRow {
        LogRow {
            seq: 7,
            at: "2026-03-04 22:40".into(),
            channel: "电话".into(),
            from: "95188".into(),
            target: "本人".into(),
            summary: summary.into(),
            rules: vec!["CN-T1".into(), "CN-R2".into()],
            edited: String::new(),
        }
    }

    #[test]
    fn rows_have_eight_cells_in_order() {
        let html = log_rows(&[row("说要上门")]);
        assert_eq!(html.matches("<td").count(), 8);
        assert_eq!(
            html,
            "<tr data-testid=\"evidence-row\"><td class=\"num\">7</td><td class=\"when\">2026-03-04 22:40</td>\
             <td>电话</td><td>95188</td><td>本人</td><td class=\"summary\">说要上门</td>\
             <td class=\"rules\">CN-T1 CN-R2</td><td></td></tr>"
        );
    }

    #[test]
    fn user_text_cannot_become_markup() {
        let evil = r#"</td><script>alert(1)</script><img src=x onerror="a('b')">&amp;"#;
        let mut r = row(evil);
        r.from = evil.into();
        r.edited = evil.into();
        r.rules = vec![evil.into()];
        let html = log_rows(&[r]);
        assert!(!html.contains("<script"));
        assert!(!html.contains("<img"));
        assert!(!html.contains("onerror=\""));
        assert_eq!(html.matches("<td").count(), 8);
        assert_eq!(html.matches("</tr>").count(), 1);
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("&amp;amp;"));
    }
}
