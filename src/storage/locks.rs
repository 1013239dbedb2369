//! Cross-tab mutual exclusion through the Web Locks API (`navigator.locks`):
//! two tabs never interleave the read-allocate-write of a save, so they never
//! hand out the same sequence number or edit from a stale copy. Where the API
//! is missing the work runs at once; folding in other tabs' writes
//! (`Store::fold_stored`) still keeps both sides.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

const LOCK_NAME: &str = "dek:write";

/// Run `f` while holding the app's write lock across every tab of this
/// origin, and give back its result once the lock is released. None only if
/// the browser dropped the request without running it.
pub async fn exclusive<R: 'static>(f: impl FnOnce() -> R + 'static) -> Option<R> {
    let task = Rc::new(RefCell::new(Some(f)));
    let out: Rc<RefCell<Option<R>>> = Rc::new(RefCell::new(None));
    let (task_in, out_in) = (task.clone(), out.clone());
    let callback = Closure::once_into_js(move |_lock: JsValue| -> JsValue {
        if let Some(f) = task_in.borrow_mut().take() {
            *out_in.borrow_mut() = Some(f());
        }
        // Hold the lock one more task, so the write has left this tab
        // before the next holder reads.
        js_sys::Promise::new(&mut |resolve, _| {
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(&resolve);
            } else {
                let _ = resolve.call0(&JsValue::UNDEFINED);
            }
        })
        .into()
    });
    if let Some(promise) = request(&callback) {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
    let ran = out.borrow_mut().take();
    match ran {
        Some(r) => Some(r),
        // No Web Locks here, or the request failed: run unlocked.
        None => task.borrow_mut().take().map(|f| f()),
    }
}

fn request(callback: &JsValue) -> Option<js_sys::Promise> {
    let navigator = web_sys::window()?.navigator();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).ok()?;
    if locks.is_undefined() || locks.is_null() {
        return None;
    }
    let request: js_sys::Function = js_sys::Reflect::get(&locks, &"request".into())
        .ok()?
        .dyn_into()
        .ok()?;
    request
        .call2(&locks, &LOCK_NAME.into(), callback)
        .ok()?
        .dyn_into()
        .ok()
}
