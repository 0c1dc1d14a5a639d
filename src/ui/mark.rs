//! The truth label after a sentence: how sure the record is, and where to check.

use super::clock::say;
use crate::i18n::Lang;
use crate::story::{Claim, Mark};
use leptos::prelude::*;

/// A sentence followed by its truth label.
#[component]
pub fn ClaimText(claim: Claim, lang: ReadSignal<Lang>) -> impl IntoView {
    view! {
        <span data-key=claim.text.name()>{move || say(lang.get(), claim.text)}</span>
        " "
        <MarkBadge mark=claim.mark lang=lang />
    }
}

/// The label alone: a link to the source where there is one.
#[component]
pub fn MarkBadge(mark: Mark, lang: ReadSignal<Lang>) -> impl IntoView {
    let class = format!("mark mark-{}", mark.css());
    let label = move || lang.get().text(mark.label());
    let help = move || say(lang.get(), mark.help());
    match mark.source_url() {
        Some(url) => view! {
            <a class=class href=url target="_blank" rel="noopener noreferrer" title=help>
                {label}
            </a>
        }
        .into_any(),
        None => view! { <span class=class title=help>{label}</span> }.into_any(),
    }
}

/// What each label means: shown once, under the story.
#[component]
pub fn MarkLegend(lang: ReadSignal<Lang>) -> impl IntoView {
    view! {
        <dl class="legend">
            {Mark::ALL
                .into_iter()
                .map(|mark| {
                    view! {
                        <div>
                            <dt><MarkBadge mark=mark lang=lang /></dt>
                            <dd>{move || say(lang.get(), mark.help())}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
