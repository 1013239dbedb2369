#![allow(clippy::unwrap_used)] // test helpers: a failure should panic loudly
//! The layering holds: the pure core and the strings never reach for the
//! browser or the UI framework, and only `storage` touches localStorage.

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn files_under(dir: &str) -> Vec<(String, String)> {
    let mut paths = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join(dir), &mut paths);
    paths
        .into_iter()
        .map(|p| {
            (
                p.display().to_string(),
                code_only(&fs::read_to_string(&p).unwrap()),
            )
        })
        .collect()
}

/// The source without comment lines (comments may name what code must not use).
fn code_only(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn domain_and_i18n_are_pure() {
    let banned = [
        "leptos::",
        "web_sys::",
        "wasm_bindgen",
        "js_sys::",
        "gloo",
        "crate::ui",
        "crate::storage",
    ];
    for dir in ["src/domain", "src/i18n"] {
        for (path, text) in files_under(dir) {
            for word in banned {
                assert!(!text.contains(word), "{path} mentions {word}");
            }
        }
    }
}

#[test]
fn only_storage_touches_local_storage() {
    for dir in ["src/ui", "src/domain", "src/i18n"] {
        for (path, text) in files_under(dir) {
            for word in ["local_storage()", "localStorage", "gloo_storage"] {
                assert!(!text.contains(word), "{path} touches storage ({word})");
            }
        }
    }
}

/// A file's module path: `src/domain/rules/cn.rs` → `domain::rules::cn`.
fn module_of(path: &str) -> Vec<String> {
    let rel = path.split("/src/").last().unwrap().trim_end_matches(".rs");
    let mut parts: Vec<String> = rel.split('/').map(String::from).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The modules a file's code (tests left out) names through `crate::` or
/// `super::` paths, one level of `{…}` groups expanded.
fn references(module: &[String], code: &str) -> Vec<Vec<String>> {
    let code = code.split("#[cfg(test)]").next().unwrap_or_default();
    let mut out = Vec::new();
    for (start, root) in [("crate::", 0usize), ("super::", 1)] {
        for (i, _) in code.match_indices(start) {
            // `super::super::` is counted by the loop over `super::` once.
            if root == 1 && code[..i].ends_with("super::") {
                continue;
            }
            let mut rest = &code[i + start.len()..];
            let mut base: Vec<String> = if root == 0 {
                Vec::new()
            } else {
                module[..module.len().saturating_sub(1)].to_vec()
            };
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
            let path: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || "_:{}, \n".contains(*c))
                .collect();
            let (head, group) = match path.split_once('{') {
                Some((h, g)) => (h, g.split('}').next().unwrap_or_default()),
                None => (path.as_str(), ""),
            };
            let head: Vec<String> = head
                .split("::")
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect();
            let tails: Vec<Vec<String>> = if group.is_empty() {
                vec![Vec::new()]
            } else {
                group
                    .split(',')
                    .map(|g| g.split("::").next().unwrap_or_default().trim().to_string())
                    .filter(|g| !g.is_empty())
                    .map(|g| vec![g])
                    .collect()
            };
            for tail in tails {
                let mut p = base.clone();
                p.extend(head.iter().cloned());
                p.extend(tail);
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn no_import_circles_between_files() {
    let files = files_under("src");
    let modules: Vec<Vec<String>> = files.iter().map(|(p, _)| module_of(p)).collect();
    let index = |path: &[String]| {
        // The longest prefix that is a file of its own.
        (0..=path.len())
            .rev()
            .find_map(|n| modules.iter().position(|m| m.as_slice() == &path[..n]))
    };
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); files.len()];
    for (from, (_, code)) in files.iter().enumerate() {
        for r in references(&modules[from], code) {
            let Some(to) = index(&r) else { continue };
            // A module's own ancestors (its `mod.rs` chain) hold the types it
            // shares with its siblings: naming them is not a circle.
            if to != from && !modules[from].starts_with(&modules[to]) {
                edges[from].push(to);
            }
        }
    }
    // Any file that reaches itself again is in a circle.
    let name = |i: usize| modules[i].join("::");
    for start in 0..files.len() {
        let mut seen = vec![false; files.len()];
        let mut stack = vec![(start, vec![start])];
        while let Some((at, trail)) = stack.pop() {
            for &next in &edges[at] {
                assert!(
                    next != start,
                    "import circle: {}",
                    trail
                        .iter()
                        .chain([&start])
                        .map(|&i| name(i))
                        .collect::<Vec<_>>()
                        .join(" → ")
                );
                if !seen[next] {
                    seen[next] = true;
                    let mut t = trail.clone();
                    t.push(next);
                    stack.push((next, t));
                }
            }
        }
    }
}

/// Files a newcomer can hold in their head: none over 1,000 lines, except
/// test files and these, which are to be split (issue 22) and may only shrink.
#[test]
fn no_file_grows_past_its_limit() {
    const LIMIT: usize = 1_000;
    const TO_SPLIT: [(&str, usize); 7] = [
        ("src/domain/evidence.rs", 3_150),
        ("src/domain/codec/phonelog.rs", 2_470),
        ("src/ui/pages/agreement.rs", 1_980),
        ("src/domain/agreement.rs", 1_780),
        ("src/domain/rules/catalog.rs", 1_300),
        ("src/storage/mod.rs", 1_220),
        ("src/domain/rules/mod.rs", 1_190),
    ];
    let root = env!("CARGO_MANIFEST_DIR");
    let mut paths = Vec::new();
    rust_files(&Path::new(root).join("src"), &mut paths);
    for p in paths {
        let name = p.display().to_string().replace(&format!("{root}/"), "");
        if name.ends_with("tests.rs") || name.ends_with("_tests.rs") {
            continue;
        }
        let lines = fs::read_to_string(&p).unwrap().lines().count();
        let limit = TO_SPLIT
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(LIMIT, |(_, l)| *l);
        assert!(lines <= limit, "{name}: {lines} lines (limit {limit})");
    }
}
