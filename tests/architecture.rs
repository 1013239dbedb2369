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
