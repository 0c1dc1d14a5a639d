//! Motion: on unless the reader's system asks for less
//! (`prefers-reduced-motion`) or the reader turns it down with the switch.
//! The choice sits on `<html data-motion>` for the style sheets and is
//! remembered on this device.

use leptos::prelude::*;

use crate::i18n::{Key, Lang};

const STORAGE_KEY: &str = "dns-race-explainer:motion";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether motion should be reduced: the remembered choice, else the system's.
fn initially_reduced() -> bool {
    if let Some(saved) = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()) {
        return saved == "reduce";
    }
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

fn apply(reduced: bool) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.set_attribute("data-motion", if reduced { "reduce" } else { "full" });
    }
}

/// Applies the initial choice; returns the signal the switch drives.
pub fn init() -> RwSignal<bool> {
    let reduced = RwSignal::new(initially_reduced());
    Effect::new(move |_| apply(reduced.get()));
    reduced
}

/// The visible switch.
#[component]
pub fn MotionSwitch(lang: Signal<Lang>, reduced: RwSignal<bool>) -> impl IntoView {
    let toggle = move |_| {
        let next = !reduced.get_untracked();
        reduced.set(next);
        if let Some(s) = storage() {
            // Not remembering is harmless: the switch still works for this visit.
            let _ = s.set_item(STORAGE_KEY, if next { "reduce" } else { "full" });
        }
    };
    view! {
        <button type="button" id="motion-toggle" class="motion-toggle"
            aria-pressed=move || reduced.get().to_string()
            title=move || lang.get().text(Key::MotionHint)
            on:click=toggle>
            {move || if reduced.get() { "☑ " } else { "☐ " }}
            {move || lang.get().text(Key::MotionReduce)}
        </button>
    }
}
