//! The truth label after a sentence: how sure the record is, and a link to
//! the sources page at the source the sentence rests on.

use super::clock::say;
use super::url;
use crate::i18n::Lang;
use crate::story::{Claim, Mark, Source};
use leptos::prelude::*;

/// A sentence followed by its truth label.
#[component]
pub fn ClaimText(claim: Claim, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <span data-key=claim.text.name()>{move || say(lang.get(), claim.text)}</span>
        " "
        <MarkBadge mark=claim.mark source=claim.source lang=lang />
    }
}

/// The label alone: a link to its source on the sources page. Inside an
/// article's frame the page opens in a new tab, so the article stays.
#[component]
pub fn MarkBadge(mark: Mark, source: Source, lang: Signal<Lang>) -> impl IntoView {
    let class = format!("mark mark-{}", mark.css());
    let label = move || lang.get().text(mark.label());
    let help = move || {
        let lang = lang.get();
        super::format::then(lang, &say(lang, mark.help()), &say(lang, source.title()))
    };
    let state = url::shared();
    let embedded = state.with_untracked(|s| s.embed.is_some());
    let href = move || state.with(|s| super::sources_page::source_href(s, source));
    view! {
        <a
            class=class
            href=href
            title=help
            data-source=source.id()
            target=embedded.then_some("_blank")
            rel=embedded.then_some("noopener")
        >
            {label}
        </a>
    }
}

/// What each label means: shown once, under the story.
#[component]
pub fn MarkLegend(lang: Signal<Lang>) -> impl IntoView {
    view! {
        <dl class="legend">
            {Mark::ALL
                .into_iter()
                .map(|mark| {
                    let class = format!("mark mark-{}", mark.css());
                    view! {
                        <div>
                            <dt><span class=class>{move || lang.get().text(mark.label())}</span></dt>
                            <dd>{move || say(lang.get(), mark.help())}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
