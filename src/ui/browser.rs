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
/// "back" does not land on the case (in-app links replace too, see
/// `replace_in_app_links`, so the app holds one entry only). Nothing stored
/// is touched; this tab's session storage is cleared and nothing is kept in
/// memory once the page is gone.
pub fn quick_exit() {
    if let Some(w) = web_sys::window() {
        if let Some(d) = w.document() {
            d.set_title("");
            if let Some(body) = d.body() {
                body.set_inner_html("");
            }
        }
        if let Ok(Some(s)) = w.session_storage() {
            let _ = s.clear();
        }
        let _ = w.location().replace("about:blank");
    }
}

/// Before the page goes (lock, reload, closing): every field marked and
/// emptied, so no typed value is left for the browser to save.
pub fn forget_form_values() {
    let Some(d) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    // querySelectorAll through JS: the web-sys NodeList feature is not enabled.
    let Some(found) = js_sys::Reflect::get(&d, &"querySelectorAll".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&d, &"input, textarea, select".into()).ok())
    else {
        return;
    };
    for node in js_sys::Array::from(&found).iter() {
        let Ok(el) = node.dyn_into::<web_sys::Element>() else {
            continue;
        };
        let _ = el.set_attribute("autocomplete", "off");
        let kind = el.get_attribute("type").unwrap_or_default();
        if kind != "checkbox" && kind != "radio" && kind != "file" {
            let _ = js_sys::Reflect::set(&el, &"value".into(), &"".into());
        }
    }
}

/// Following a link inside the app (`href="#/…"`) replaces the current
/// history entry instead of adding one: after a quick exit, Back and
/// Forward reach nothing of the case. Call on every click.
pub fn replace_in_app_link(e: &web_sys::MouseEvent) {
    if e.default_prevented() || e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() {
        return;
    }
    let link = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("a[href^='#']").ok().flatten());
    let Some(href) = link.and_then(|a| a.get_attribute("href")) else {
        return;
    };
    if let Some(w) = web_sys::window() {
        if w.location().replace(&href).is_ok() {
            e.prevent_default();
        }
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

/// Milliseconds on the monotonic clock (not moved by changing the system clock).
pub fn monotonic_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or_else(js_sys::Date::now, |p| p.now())
}

/// Running from a file on the device (the single-file version), not a web address.
pub fn from_file() -> bool {
    web_sys::window()
        .and_then(|w| w.location().protocol().ok())
        .is_some_and(|p| p == "file:")
}

pub fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// The query part of the hash route (`#/contacts/new?call` → "call").
pub fn hash_query() -> String {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    hash.split_once('?')
        .map(|(_, q)| q.to_string())
        .unwrap_or_default()
}

pub fn go_to(hash: &str) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(hash);
    }
}
