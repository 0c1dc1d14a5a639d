//! The page's one state: the link's [`ViewState`], decoded once at start,
//! read by every component (through [`shared`], or a memo of one part such
//! as [`lang`] or [`slice`], so a component re-renders only when its part
//! changes), changed only through [`change`], and written back to the
//! address (replacing the history entry: no history spam, no scroll jump)
//! whenever it changes. No component keeps a copy. The hash and the path
//! stay as they are, so the page works from any sub-path and inside any
//! host's iframe.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::share::{Detail, ViewState, decode, encode};

/// The current query string, or an empty one outside a browser.
fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// One raw query parameter's value, if present (for `?check=`, read before
/// the app mounts).
pub fn param(name: &str) -> Option<String> {
    web_sys::UrlSearchParams::new_with_str(&current_search())
        .ok()?
        .get(name)
}

/// Decodes the address, reports what it set aside (once, as a console
/// warning), shares the state with every component and keeps the address
/// in step with it from then on.
pub fn provide_state() -> RwSignal<ViewState> {
    let decoded = decode(&current_search());
    if !decoded.notes.is_empty() {
        leptos::logging::warn!(
            "This link had parts the explainer could not use; it shows the nearest valid view instead:\n- {}",
            decoded.notes.join("\n- ")
        );
    }
    let state = hold(decoded.state);
    // Write on changes only: opening a page leaves its address alone.
    Effect::new(move |previous: Option<()>| {
        let query = state.with(encode);
        if previous.is_some() {
            write_soon(query);
        }
    });
    // Leaving the page: the last change is in the address (history, bfcache).
    let flush = window_event_listener(leptos::ev::pagehide, |_| write_pending());
    on_cleanup(move || flush.remove());
    state
}

/// Makes `state` the page's one state (without reading or writing any
/// address): [`provide_state`] in the browser, and the page generator,
/// which prints views natively for each language and position.
pub fn hold(state: ViewState) -> RwSignal<ViewState> {
    let state = RwSignal::new(state);
    STATE.with(|cell| cell.set(Some(state)));
    let lang = Memo::new(move |_| state.with(|s| s.lang));
    let detail = Memo::new(move |_| state.with(|s| s.detail));
    PARTS.with(|cell| cell.set(Some((lang, detail))));
    state
}

/// At most one address write per this many ms: a slider dragged across its
/// range sends dozens of changes a second, and each `history.replaceState`
/// costs the main thread several ms (the largest single cost of a control
/// change in the profile), and Chromium throttles a page that calls it too
/// often.
const WRITE_EVERY_MS: f64 = 200.0;

#[derive(Default)]
struct Writer {
    /// When the address was last written (ms since the epoch).
    last_ms: f64,
    /// The newest query not yet written, while a write is scheduled.
    pending: Option<String>,
}

thread_local! {
    static WRITER: std::cell::RefCell<Writer> = std::cell::RefCell::new(Writer::default());
}

/// Writes `query` in the next task if the address has not been written for
/// [`WRITE_EVERY_MS`] (a click shows in the address at once, but not in the
/// click's own task, which then stays short), else once that time is up (a
/// drag writes a few times a second, ending with its last value).
fn write_soon(query: String) {
    let now = js_sys::Date::now();
    let wait_ms = WRITER.with(|w| {
        let mut w = w.borrow_mut();
        let scheduled = w.pending.is_some();
        let since = now - w.last_ms;
        w.pending = Some(query);
        (!scheduled).then_some((WRITE_EVERY_MS - since).max(0.0))
    });
    if let Some(ms) = wait_ms {
        set_timeout(
            write_pending,
            std::time::Duration::from_millis(ms.clamp(0.0, WRITE_EVERY_MS) as u64),
        );
    }
}

/// Writes the scheduled query, if any: the address bar shows the current
/// view at once (before a link is copied, and when the page is left).
pub fn flush() {
    write_pending();
}

/// Writes the scheduled query, if any.
fn write_pending() {
    WRITER.with(|w| {
        let mut w = w.borrow_mut();
        if let Some(query) = w.pending.take() {
            w.last_ms = js_sys::Date::now();
            replace_query(&query);
        }
    });
}

thread_local! {
    /// The page's one state signal. Not a Leptos context: event listeners
    /// and timers, which run outside any reactive owner, change it too.
    static STATE: std::cell::Cell<Option<RwSignal<ViewState>>> = const { std::cell::Cell::new(None) };
}

thread_local! {
    /// Memos of the parts nearly every component reads.
    static PARTS: std::cell::Cell<Option<(Memo<Lang>, Memo<Detail>)>> = const { std::cell::Cell::new(None) };
}

/// The reader's language, from the state. Tracked; changes only when the
/// language does.
pub fn lang() -> Signal<Lang> {
    match PARTS.with(|cell| cell.get()) {
        Some((lang, _)) => lang.into(),
        None => Signal::derive(Lang::default),
    }
}

/// The detail level, from the state. Tracked; changes only when it does.
pub fn detail() -> Signal<Detail> {
    match PARTS.with(|cell| cell.get()) {
        Some((_, detail)) => detail.into(),
        None => Signal::derive(Detail::default),
    }
}

/// A memo of one part of the state: a component that reads it re-renders
/// when that part changes, not on every change of the state.
pub fn slice<T>(part: impl Fn(&ViewState) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Clone + Send + Sync + 'static,
{
    let state = shared();
    Memo::new(move |_| state.with(&part))
}

/// The shared state; before [`provide_state`] (the engine check page), a
/// fresh default one.
pub fn shared() -> RwSignal<ViewState> {
    STATE.with(|cell| match cell.get() {
        Some(state) => state,
        None => {
            let state = RwSignal::new(ViewState::default());
            cell.set(Some(state));
            state
        }
    })
}

/// Changes the shared state, notifying (and rewriting the address) only
/// when something actually changed.
pub fn change(f: impl FnOnce(&mut ViewState)) {
    let state = shared();
    let mut next = state.get_untracked();
    f(&mut next);
    if state.with_untracked(|now| *now != next) {
        state.set(next);
    }
}

/// The address that reopens `state`: its language's page in this page's
/// folder, with its query. (Each language has a page of its own holding its
/// printed story: `index.html`, Japanese, and `index.en.html`, English.)
pub fn link_to(state: &ViewState) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return format!("?{}", encode(state));
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{}?{}", page_path(&path, state.lang), encode(state))
}

/// `lang`'s page in the folder of the page at `path` (a path from the
/// address: `/aws-outage/`, `/aws-outage/index.html`, `/index.en.html`).
pub fn page_path(path: &str, lang: Lang) -> String {
    let folder = &path[..path.rfind('/').map_or(0, |i| i + 1)];
    match lang {
        Lang::Ja => folder.to_string(),
        Lang::En => format!("{folder}index.en.html"),
    }
}

/// Replaces the query of the current history entry, keeping the hash.
fn replace_query(query: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let url = format!("?{query}{hash}");
    if let Ok(history) = window.history() {
        // Failing to rewrite the address is harmless: the view is already right.
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_s_page_is_in_the_same_folder() {
        for (path, ja, en) in [
            ("/", "/", "/index.en.html"),
            ("/aws-outage/", "/aws-outage/", "/aws-outage/index.en.html"),
            (
                "/aws-outage/index.html",
                "/aws-outage/",
                "/aws-outage/index.en.html",
            ),
            (
                "/aws-outage/index.en.html",
                "/aws-outage/",
                "/aws-outage/index.en.html",
            ),
            ("", "", "index.en.html"),
        ] {
            assert_eq!(page_path(path, Lang::Ja), ja, "{path}");
            assert_eq!(page_path(path, Lang::En), en, "{path}");
        }
    }
}
