//! The sources page (`?view=sources`): every source the explainer rests on,
//! where a reader can read it, and every sentence that cites it, each a link
//! back to the beat that says it. A claim's label opens this page at its
//! source (`#src-<id>`).

use leptos::prelude::*;

use super::clock::clock;
use super::mark::MarkBadge;
use super::url;
use crate::i18n::{Key, Lang, msg};
use crate::share::{Page, ViewState, encode};
use crate::story::sources::{Place, cited_by};
use crate::story::{Source, opening};

/// The address of the sources page at `source`, keeping language and detail.
pub fn source_href(state: &ViewState, source: Source) -> String {
    let mut s = state.clone();
    s.page = Page::Sources;
    s.embed = None;
    (s.race_event, s.minute) = (None, None);
    format!("?{}#src-{}", encode(&s), source.id())
}

/// The address that opens the story at `place`.
fn place_href(state: &ViewState, place: Place) -> String {
    let mut s = state.clone();
    s.page = Page::Story;
    (s.race_event, s.minute) = (None, None);
    s.position = match place {
        Place::Beat(p) => p,
        // The documented timeline is the scene of chapter 7's last beat.
        Place::Timeline => crate::story::chapters::Position::clamped(6, usize::MAX),
    };
    format!("?{}", encode(&s))
}

/// Where a cited sentence is said, as the reader counts chapters.
fn place_label(lang: Lang, place: Place) -> String {
    let chapter = match place {
        Place::Beat(p) => p.chapter,
        Place::Timeline => 6,
    };
    lang.message(&msg::NavChapterN {
        n: &(chapter + 1).to_string(),
    })
}

/// The page.
#[component]
pub fn SourcesPage(lang: Signal<Lang>) -> impl IntoView {
    let t = move |key: Key| move || lang.get().text(key);
    let say = move |key: Key| move || clock(lang.get()).text(key);
    let state = url::shared();
    let sources = Source::ALL
        .into_iter()
        .map(|source| {
            let citations = cited_by(source);
            let count = citations.len();
            let items = citations
                .into_iter()
                .map(|c| {
                    view! {
                        <li>
                            <a href=move || state.with(|s| place_href(s, c.place))>
                                {move || place_label(lang.get(), c.place)}
                            </a>
                            {move || if lang.get() == Lang::Ja { "：" } else { ": " }}
                            <span data-key=c.claim.text.name()>{say(c.claim.text)}</span>
                            " "
                            <MarkBadge mark=c.claim.mark source=c.claim.source lang=lang />
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="source" id=format!("src-{}", source.id())>
                    <h3>{t(source.title())}</h3>
                    <p>{t(source.about())}</p>
                    {source
                        .url()
                        .map(|href| {
                            view! {
                                <p>
                                    <a
                                        class="source-link"
                                        href=href
                                        target="_blank"
                                        rel="noopener noreferrer"
                                    >
                                        {t(Key::SrcGo)}
                                        " ↗"
                                    </a>
                                </p>
                            }
                        })}
                    <details>
                        <summary>
                            {t(Key::SrcCitedBy)}
                            {move || {
                                if lang.get() == Lang::Ja {
                                    format!("（{count}）")
                                } else {
                                    format!(" ({count})")
                                }
                            }}
                        </summary>
                        <ul class="citations">{items}</ul>
                    </details>
                </section>
            }
        })
        .collect_view();
    view! {
        <section class="sources-page" aria-labelledby="sources-title">
            <h2 id="sources-title">{t(Key::SrcTitle)}</h2>
            <p>{t(Key::SrcIntro)}</p>
            {sources}
            <aside class="correction">
                <p data-key=opening::DATE_NOTE.text.name()>{t(Key::SrcSeedNote)}</p>
            </aside>
        </section>
    }
}
