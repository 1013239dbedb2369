//! Fingerprint a file the user picked: SHA-256 computed here, in chunks, so a
//! large recording neither freezes the page nor leaves the device. Only the
//! name, size, type and digest are kept.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::hash::StreamingSha256;
use crate::domain::model::FileProof;

const CHUNK: f64 = 2.0 * 1024.0 * 1024.0;

/// Hash `file`, reporting progress (0.0–1.0) into `progress` between chunks.
pub async fn fingerprint(
    file: web_sys::File,
    progress: RwSignal<Option<f64>>,
) -> Result<FileProof, String> {
    let size = file.size();
    let mut hasher = StreamingSha256::default();
    let mut offset = 0.0;
    progress.set(Some(0.0));
    while offset < size {
        let end = (offset + CHUNK).min(size);
        let blob = file
            .slice_with_f64_and_f64(offset, end)
            .map_err(|_| "slice".to_string())?;
        let buffer = wasm_bindgen_futures::JsFuture::from(blob.array_buffer())
            .await
            .map_err(|_| "read".to_string())?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        hasher.update(&bytes);
        offset = end;
        progress.set(Some(if size > 0.0 { offset / size } else { 1.0 }));
    }
    progress.set(None);
    Ok(FileProof {
        name: file.name(),
        size: size as u64,
        mime: file.type_(),
        sha256: hasher.finish_hex(),
    })
}

/// The files of an `<input type=file>` change event.
pub fn picked_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let Some(list) = input.files() else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

pub fn human_size(bytes: u64) -> String {
    let b = bytes as f64;
    if b >= 1e6 {
        format!("{:.1} MB", b / 1e6)
    } else if b >= 1e3 {
        format!("{:.0} KB", b / 1e3)
    } else {
        format!("{bytes} B")
    }
}
