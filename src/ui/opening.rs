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
            <super::pictures::Hook lang=lang />
            <p class="lead">
                {opening::LEAD_PARAGRAPH
                    .into_iter()
                    .map(|claim| view! { <ClaimText claim=claim lang=lang />" " })
                    .collect_view()}
            </p>
            <p class="note"><ClaimText claim=opening::CLOCK lang=lang /></p>
            <h3>{t(Key::Ch1SawHeading)}</h3>
            <ul class="saw">
                {opening::SAW
                    .into_iter()
                    .map(|key| view! { <li>{t(key)}</li> })
                    .collect_view()}
            </ul>
            <p class="note"><ClaimText claim=opening::SAW_NOTE lang=lang /></p>
            {opening::AFTER
                .into_iter()
                .map(|claim| view! { <p><ClaimText claim=claim lang=lang /></p> })
                .collect_view()}
            <p class="next" data-key=opening::NEXT.name()>{t(opening::NEXT)}</p>
        </section>
    }
}
