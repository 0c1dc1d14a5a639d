//! Chapter 1, "what happened": what readers and businesses saw.

use super::mark::ClaimText;
use crate::i18n::Lang;
use crate::story::opening;
use leptos::prelude::*;

/// The opening chapter.
#[component]
pub fn Opening(lang: Signal<Lang>) -> impl IntoView {
    let t = move |key| move || super::clock::say(lang.get(), key);
    use crate::i18n::Key;
    view! {
        <section class="chapter" aria-labelledby="ch1-title">
            <p class="kicker">{t(Key::Ch1Kicker)}</p>
            <h2 id="ch1-title">{t(Key::Ch1Title)}</h2>
            <p class="lead"><ClaimText claim=opening::LEAD lang=lang /></p>
            <h3>{t(Key::Ch1SawHeading)}</h3>
            <ul class="saw">
                {opening::SAW
                    .into_iter()
                    .map(|key| view! { <li>{t(key)}</li> })
                    .collect_view()}
            </ul>
            <p class="note"><ClaimText claim=opening::SAW_NOTE lang=lang /></p>
            <p><ClaimText claim=opening::DURATION lang=lang /></p>
            <p><ClaimText claim=opening::SCOPE lang=lang /></p>
            <p><ClaimText claim=opening::CAUSE lang=lang /></p>
        </section>
    }
}
