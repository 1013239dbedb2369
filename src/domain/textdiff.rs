//! What changed between two texts, line by line: shown before a user's
//! edits to a letter are thrown away for the generated text.

/// One line of the comparison, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line<'a> {
    Same(&'a str),
    /// In the first text only.
    Removed(&'a str),
    /// In the second text only.
    Added(&'a str),
}

/// Beyond this many line pairs (after the shared start and end are set
/// aside) the comparison would be slow on a phone: `None`.
const MAX_CELLS: usize = 4_000_000;

/// The lines of `before` and `after` as a shortest edit (longest common
/// subsequence); `None` when the changed part is too large to compare.
pub fn lines<'a>(before: &'a str, after: &'a str) -> Option<Vec<Line<'a>>> {
    let a: Vec<&str> = before.lines().collect();
    let b: Vec<&str> = after.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (mid_a, mid_b) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);
    let (n, m) = (mid_a.len(), mid_b.len());
    if n.checked_mul(m)? > MAX_CELLS {
        return None;
    }
    // common[i][j]: longest common subsequence of mid_a[i..] and mid_b[j..].
    let mut common = vec![0u32; (n + 1) * (m + 1)];
    let at = |i: usize, j: usize| i * (m + 1) + j;
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            common[at(i, j)] = if mid_a[i] == mid_b[j] {
                common[at(i + 1, j + 1)] + 1
            } else {
                common[at(i + 1, j)].max(common[at(i, j + 1)])
            };
        }
    }
    let mut out: Vec<Line> = a[..head].iter().map(|l| Line::Same(l)).collect();
    let (mut i, mut j) = (0, 0);
    while i < n || j < m {
        if i < n && j < m && mid_a[i] == mid_b[j] {
            out.push(Line::Same(mid_a[i]));
            (i, j) = (i + 1, j + 1);
        } else if j < m && (i == n || common[at(i, j + 1)] >= common[at(i + 1, j)]) {
            out.push(Line::Added(mid_b[j]));
            j += 1;
        } else {
            out.push(Line::Removed(mid_a[i]));
            i += 1;
        }
    }
    out.extend(a[a.len() - tail..].iter().map(|l| Line::Same(l)));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_edited_line_is_one_removed_and_one_added() {
        let before = "尊敬的投诉受理部门：\n我于 3 月 10 日接到电话。\n此致";
        let after = "尊敬的投诉受理部门：\n我于 3 月 10 日 22:05 接到电话。\n此致\n王晓红";
        assert_eq!(
            lines(before, after),
            Some(vec![
                Line::Same("尊敬的投诉受理部门："),
                Line::Added("我于 3 月 10 日 22:05 接到电话。"),
                Line::Removed("我于 3 月 10 日接到电话。"),
                Line::Same("此致"),
                Line::Added("王晓红"),
            ])
        );
        assert_eq!(
            lines("a\nb", "a\nb"),
            Some(vec![Line::Same("a"), Line::Same("b")])
        );
        assert_eq!(lines("", "x"), Some(vec![Line::Added("x")]));
    }

    #[test]
    fn a_huge_rewrite_is_not_compared() {
        let a: String = (0..3000).map(|i| format!("a{i}\n")).collect();
        let b: String = (0..3000).map(|i| format!("b{i}\n")).collect();
        assert_eq!(lines(&a, &b), None);
        // A small change inside a long letter is cheap: the shared parts are set aside.
        let c = a.replacen("a1500\n", "changed\n", 1);
        assert_eq!(lines(&a, &c).map(|l| l.len()), Some(3001));
    }

    proptest! {
        /// Read one way the comparison gives the first text, the other way the second.
        #[test]
        fn rebuilds_both_sides(
            a in prop::collection::vec("[abc]{0,2}", 0..12),
            b in prop::collection::vec("[abc]{0,2}", 0..12),
        ) {
            let (a, b) = (a.join("\n"), b.join("\n"));
            let out = lines(&a, &b).unwrap();
            let side = |keep_removed: bool| -> Vec<&str> {
                out.iter().filter_map(|l| match l {
                    Line::Same(s) => Some(*s),
                    Line::Removed(s) if keep_removed => Some(*s),
                    Line::Added(s) if !keep_removed => Some(*s),
                    _ => None,
                }).collect()
            };
            prop_assert_eq!(side(true), a.lines().collect::<Vec<_>>());
            prop_assert_eq!(side(false), b.lines().collect::<Vec<_>>());
        }
    }
}
