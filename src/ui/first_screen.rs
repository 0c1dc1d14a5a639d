//! Waits, before the app replaces the first screen in the HTML, until the
//! browser has recorded that screen's paint.
//!
//! The HTML's printed beat (the one the address names, printed by
//! crates/sitegen) paints as soon as the style sheets arrive; the app then
//! draws the same words in the same place. A browser records the largest paint of a page only once that
//! paint has reached the screen, and forgets a candidate whose element has
//! gone by then: mounting sooner made the app's copy, painted a second or
//! more later on a phone, the page's largest paint. Waiting for the record
//! keeps the largest paint the HTML's, and splits the wasm's start-up and
//! the first render into two tasks.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::{Array, Reflect};
use leptos::prelude::set_timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{PerformanceObserver, PerformanceObserverEntryList, PerformanceObserverInit};

/// The longest wait: a tab opened in the background paints nothing (and
/// records nothing) until it is shown, and a browser may not record
/// largest paints at all.
const LONGEST_WAIT_MS: u64 = 300;

/// Runs `mount` once the first screen's paint is recorded, at once when
/// that screen is not shown (an embedded scene, the handout), and after
/// [`LONGEST_WAIT_MS`] at the latest.
pub fn when_recorded(mount: fn()) {
    if !first_screen_shown() {
        mount();
        return;
    }
    let done = Rc::new(Cell::new(false));
    let once = {
        let done = done.clone();
        move || {
            if !done.replace(true) {
                mount();
            }
        }
    };
    let observer = watch_largest_paint(once.clone());
    set_timeout(
        move || {
            if let Some(observer) = &observer {
                observer.disconnect();
            }
            once();
        },
        std::time::Duration::from_millis(LONGEST_WAIT_MS),
    );
}

/// Whether the HTML's first screen takes up room on the page.
fn first_screen_shown() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("prerender"))
        .is_some_and(|pre| pre.get_bounding_client_rect().height() > 0.0)
}

/// The entry type a browser records largest paints under.
const LARGEST_PAINT: &str = "largest-contentful-paint";

/// Calls `then` (on a task of its own) at the first largest-paint record,
/// including one made before this call; `None` where the browser keeps no
/// such records.
fn watch_largest_paint(then: impl Fn() + Clone + 'static) -> Option<PerformanceObserver> {
    if !records_largest_paint() {
        return None;
    }
    let callback = Closure::<dyn FnMut(PerformanceObserverEntryList, PerformanceObserver)>::new(
        move |_: PerformanceObserverEntryList, observer: PerformanceObserver| {
            observer.disconnect();
            // Leave the observer's callback first: the paint is recorded.
            set_timeout(then.clone(), std::time::Duration::ZERO);
        },
    );
    let observer = PerformanceObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    callback.forget();
    // `type` with `buffered` (web-sys names only `entryTypes`, which
    // ignores `buffered`): a paint recorded before this call counts.
    let options = PerformanceObserverInit::new(&JsValue::UNDEFINED);
    let _ = Reflect::delete_property(&options, &JsValue::from_str("entryTypes"));
    Reflect::set(
        &options,
        &JsValue::from_str("type"),
        &JsValue::from_str(LARGEST_PAINT),
    )
    .ok()?;
    options.set_buffered(true);
    observer.observe(&options);
    Some(observer)
}

/// Whether this browser records largest paints (`observe` would throw on an
/// entry type it does not know).
fn records_largest_paint() -> bool {
    let Ok(class) = Reflect::get(&js_sys::global(), &JsValue::from_str("PerformanceObserver"))
    else {
        return false;
    };
    Reflect::get(&class, &JsValue::from_str("supportedEntryTypes"))
        .ok()
        .and_then(|types| types.dyn_into::<Array>().ok())
        .is_some_and(|types| types.includes(&JsValue::from_str(LARGEST_PAINT), 0))
}
