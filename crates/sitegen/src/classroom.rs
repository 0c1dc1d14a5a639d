//! What the classroom's static pages (the teacher's page, the handout's
//! words) are made of: escaping, the teacher's texts, the page's frame and
//! the sentences with their labels.

use dns_race_explainer::i18n::{Key, Lang, msg};
use dns_race_explainer::share::{ViewState, encode};
use dns_race_explainer::story::chapters::{CHAPTERS, Position};
use dns_race_explainer::story::{Claim, Mark, NumberKind, Source};
use dns_race_explainer::time::Clock;

/// The policy of every static page: everything from the site itself, no
/// inline script or style (the app's own policy, less what only the
/// app needs: WebAssembly and the loader's hash).
pub const CSP: &str = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// The app's style sheets (`print.css` holds the handout's), copied
/// beside the pages by Trunk (index.html: `copy-dir style` into
/// `public/style`), then the teacher's page's own.
pub const STYLESHEETS: [&str; 5] = [
    "style/base.css",
    "style/story.css",
    "style/scenes.css",
    "style/print.css",
    "classroom.css",
];

pub use dns_race_explainer::story::static_page::escape;

/// A locale text in the language's default zone (Japan time for
/// Japanese, US Pacific time for English, as the app shows it until the
/// reader chooses), escaped.
pub fn t(lang: Lang, key: Key) -> String {
    escape(&Clock::default_for(lang).text(key))
}

/// The teacher's texts of one language (`crates/sitegen/texts/teach.<lang>.json`):
/// a flat JSON object of strings, in file order.
#[derive(Clone, Debug)]
pub struct Texts {
    pub lang: Lang,
    pub entries: Vec<(String, String)>,
}

impl Texts {
    /// The file's path in the repository.
    pub fn path(lang: Lang) -> String {
        format!(
            "{}/texts/teach.{}.json",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        )
    }

    /// Reads and parses the file; the error names the file and the place.
    pub fn load(lang: Lang) -> Result<Texts, String> {
        let path = Texts::path(lang);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
        let entries = parse_flat_json(&text).map_err(|e| format!("{path}: {e}"))?;
        Ok(Texts { lang, entries })
    }

    /// The raw text of `key`. A missing key is a bug in the generator's
    /// data, caught by the tests that build every page.
    pub fn raw(&self, key: &str) -> &str {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("teach.{}.json has no \"{key}\"", self.lang.code()))
    }

    /// The text of `key`, its times shown like the story's, escaped.
    pub fn get(&self, key: &str) -> String {
        escape(&Clock::default_for(self.lang).expand(self.raw(key)))
    }

    /// The text of `key` with its `{name}` slots filled, escaped.
    pub fn fill(&self, key: &str, args: &[(&str, &str)]) -> String {
        escape(&dns_race_explainer::i18n::fill(
            &Clock::default_for(self.lang).expand(self.raw(key)),
            args,
        ))
    }
}

/// A flat JSON object of strings, the teacher's texts' format, in file
/// order; a key given twice is an error (a plain map would keep the last).
pub fn parse_flat_json(text: &str) -> Result<Vec<(String, String)>, String> {
    use serde::de::{Deserializer as _, Error as _, MapAccess, Visitor};
    struct Entries;
    impl<'de> Visitor<'de> for Entries {
        type Value = Vec<(String, String)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object of strings")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut entries: Vec<(String, String)> = Vec::new();
            while let Some((key, value)) = map.next_entry::<String, String>()? {
                if entries.iter().any(|(k, _)| *k == key) {
                    return Err(A::Error::custom(format!("`{key}` given twice")));
                }
                entries.push((key, value));
            }
            Ok(entries)
        }
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let entries = de.deserialize_map(Entries).map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    Ok(entries)
}

/// The address, from a page in `public/`, of the app showing `state`.
pub fn app_href(state: &ViewState) -> String {
    format!("../?{}", encode(state))
}

/// The app's story at `position`, in `lang`.
pub fn beat_href(lang: Lang, position: Position) -> String {
    let mut state = ViewState {
        lang,
        ..ViewState::default()
    };
    state.go_to(position);
    app_href(&state)
}

/// "Chapter 4, 4 of 4", as the story's own stepper says it.
pub fn beat_label(lang: Lang, position: Position) -> String {
    escape(&lang.message(&msg::NavProgress {
        chapter: &(position.chapter + 1).to_string(),
        beat: &(position.beat + 1).to_string(),
        beats: &CHAPTERS[position.chapter].beats.len().to_string(),
    }))
}

/// "Chapter 4".
pub fn chapter_label(lang: Lang, chapter: usize) -> String {
    escape(&lang.message(&msg::NavChapterN {
        n: &(chapter + 1).to_string(),
    }))
}

/// A truth label, as text: on paper a link cannot be followed, so the
/// source is named beside it ([`source_note`]).
pub fn mark_label(lang: Lang, mark: Mark) -> String {
    format!(
        "<span class=\"mark mark-{}\" title=\"{}\">{}</span>",
        mark.css(),
        t(lang, mark.help()),
        t(lang, mark.label())
    )
}

/// The source a sentence rests on, named, and a link to it on the
/// app's sources page.
pub fn source_note(lang: Lang, source: Source) -> String {
    let state = ViewState {
        lang,
        page: dns_race_explainer::share::Page::Sources,
        ..ViewState::default()
    };
    format!(
        "<a class=\"source-note\" data-source=\"{}\" href=\"{}#src-{}\">{}</a>",
        source.id(),
        app_href(&state),
        source.id(),
        t(lang, source.title())
    )
}

/// The source a sentence rests on, named, for paper (no link: the
/// handout's words are read from two places, and links there are of no
/// use on paper).
pub fn source_name(lang: Lang, source: Source) -> String {
    format!(
        "<span class=\"source-note\" data-source=\"{}\">{}</span>",
        source.id(),
        t(lang, source.title())
    )
}

/// A sentence, its truth label and its source (a link to it on the
/// app's sources page): the same words and `data-key` as the app's
/// `ClaimText`.
pub fn claim(lang: Lang, c: Claim) -> String {
    format!(
        "<span data-key=\"{}\">{}</span> {} {}",
        c.text.name(),
        t(lang, c.text),
        mark_label(lang, c.mark),
        source_note(lang, c.source)
    )
}

/// A sentence, its truth label and its source named, for paper.
pub fn claim_on_paper(lang: Lang, c: Claim) -> String {
    format!(
        "<span data-key=\"{}\">{}</span> {} {}",
        c.text.name(),
        t(lang, c.text),
        mark_label(lang, c.mark),
        source_name(lang, c.source)
    )
}

/// The kind tag beside a number.
pub fn kind_label(lang: Lang, kind: NumberKind) -> String {
    format!(
        "<span class=\"kind kind-{}\" data-kind=\"{}\" title=\"{}\">{}</span>",
        kind.code(),
        kind.code(),
        t(lang, kind.help()),
        t(lang, kind.label())
    )
}

/// What the truth labels and the kinds of number mean.
pub fn legends(lang: Lang) -> String {
    let marks: String = Mark::ALL
        .into_iter()
        .map(|m| {
            format!(
                "<div><dt>{}</dt><dd>{}</dd></div>",
                mark_label(lang, m),
                t(lang, m.help())
            )
        })
        .collect();
    let kinds: String = [NumberKind::Record, NumberKind::Fitted, NumberKind::Model]
        .into_iter()
        .map(|k| {
            format!(
                "<div><dt>{}</dt><dd>{}</dd></div>",
                kind_label(lang, k),
                t(lang, k.help())
            )
        })
        .collect();
    format!(
        "<dl class=\"legend\">{marks}</dl><p>{}</p><dl class=\"legend kind-legend-list\">{kinds}</dl>",
        t(lang, Key::KindLegend)
    )
}

/// The sentence on which zone the page's times are in.
pub fn times_note(lang: Lang) -> String {
    let clock = Clock::default_for(lang);
    escape(&clock.message(&msg::FooterTimes {
        zone: &clock.zone_name(),
    }))
}

/// A whole page: head (policy, style sheets, the print button's script),
/// masthead with `nav` links, `main` and the footer.
pub fn document(
    lang: Lang,
    class: &str,
    title: &str,
    subtitle: &str,
    nav: &str,
    main: &str,
    footer: &str,
) -> String {
    let sheets: String = STYLESHEETS
        .iter()
        .map(|href| format!("\n    <link rel=\"stylesheet\" href=\"{href}\" />"))
        .collect();
    format!(
        "<!doctype html>
<!-- Generated by crates/sitegen/src/{class}.rs from the story's data and crates/sitegen/texts/teach.{code}.json; do not edit.
     UPDATE_CLASSROOM=1 cargo test -p dns-race-sitegen --test classroom rewrites it. -->
<html lang=\"{code}\">
  <head>
    <meta charset=\"utf-8\" />
    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />
    <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\" />
    <title>{title}</title>
    <link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\" />{sheets}
    <script src=\"print.js\" defer></script>
  </head>
  <body class=\"classroom {class}\">
    <header class=\"masthead\"><div class=\"masthead-text\"><h1>{title}</h1><p class=\"subtitle\">{subtitle}</p></div><nav class=\"classroom-nav\">{nav}</nav></header>
    <main id=\"main\">{main}</main>
    <footer class=\"colophon\">{footer}</footer>
  </body>
</html>
",
        code = lang.code(),
    )
}
