//! Small browser helpers the components need (clock, zone, downloads,
//! clipboard). No storage here: that is `crate::storage`.

use chrono::{DateTime, Utc};
use wasm_bindgen::JsCast;

pub fn now() -> DateTime<Utc> {
    let ms = js_sys::Date::now();
    DateTime::from_timestamp_millis(ms as i64).unwrap_or_default()
}

/// The device's IANA zone, e.g. "Asia/Shanghai".
pub fn device_zone() -> Option<String> {
    let fmt = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    let opts = fmt.resolved_options();
    js_sys::Reflect::get(&opts, &"timeZone".into())
        .ok()?
        .as_string()
}

pub fn browser_languages() -> Vec<String> {
    let Some(w) = web_sys::window() else {
        return Vec::new();
    };
    w.navigator()
        .languages()
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}

/// Offer `text` as a file download (a Blob URL: nothing leaves the device).
pub fn download(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&text.into());
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts).map_err(|_| "blob")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "url")?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "a")?
        .dyn_into()
        .map_err(|_| "a")?;
    a.set_href(&url);
    a.set_download(filename);
    a.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

pub fn set_document_lang(tag: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = el.set_attribute("lang", tag);
    }
}

pub fn set_title(title: &str) {
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        d.set_title(title);
    }
}

pub fn print() {
    if let Some(w) = web_sys::window() {
        let _ = w.print();
    }
}

/// Leave at once for a blank page, replacing this entry in the history so
/// "back" does not land on the case. Nothing stored is touched; nothing is
/// kept in memory once the page is gone.
pub fn quick_exit() {
    if let Some(w) = web_sys::window() {
        if let Some(d) = w.document() {
            d.set_title("");
            if let Some(body) = d.body() {
                body.set_inner_html("");
            }
        }
        let _ = w.location().replace("about:blank");
    }
}

/// Reload the page: with a passcode set, this is how the app locks (the key
/// and every decrypted record go with the old page's memory).
/// Scroll `el`'s parent sideways so `el` sits in its middle (as far as it can).
pub fn centre_in_parent(el: &web_sys::Element) {
    let Some(parent) = el.parent_element() else {
        return;
    };
    let (child, outer) = (
        el.get_bounding_client_rect(),
        parent.get_bounding_client_rect(),
    );
    let offset = child.left() - outer.left() - (outer.width() - child.width()) / 2.0;
    parent.set_scroll_left(parent.scroll_left() + offset.round() as i32);
}

pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

/// A named span on the page's performance timeline (read by the benchmark).
pub fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

pub fn measure(name: &str, start_mark: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let end = format!("{name}:end");
        let _ = p.mark(&end);
        let _ = p.measure_with_start_mark_and_end_mark(name, start_mark, &end);
    }
}

pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}
