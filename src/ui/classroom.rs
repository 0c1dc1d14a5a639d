//! The classroom: the teacher's page and the printable handout.
//!
//! The teacher's page (`public/teach.<lang>.html`, `?view=teach`) is static
//! HTML written ahead of time from the story's own data by `ui::teach`,
//! natively: it costs the app's first load nothing, prints and works
//! without JavaScript. Its texts live in `src/ui/classroom/teach.<lang>.json`, which
//! `build.rs` does not read, so they never reach the wasm.
//! `tests/classroom.rs` keeps the files in `public/` equal to what the data
//! says: `UPDATE_CLASSROOM=1 cargo test --test classroom` rewrites them.
//!
//! The handout's words are static too (`public/handout.<lang>.html`, by
//! `ui::handout_page`, readable and printable without JavaScript, with a
//! note in place of each picture). The app's `?view=handout` (`ui::handout`)
//! loads those words and draws every scene into its place with the app's
//! own scene code (which renders only in a browser), so the pictures on
//! paper are the ones on screen. Both print with `public/classroom.css`.
//!
//! The share codec does not know these two views (`decode` reads them as
//! the story, with a note): [`asked`] reads the address before the app
//! mounts. Adding them to `share::Page` needs the two exhaustive matches in
//! `ui/share_bar.rs` to name them.

use crate::i18n::Lang;

/// One of the classroom's pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// The teacher's page: lesson plans, experiments, answers, discussion.
    Teach,
    /// The whole story for printing.
    Handout,
}

impl Sheet {
    pub const ALL: [Sheet; 2] = [Sheet::Teach, Sheet::Handout];

    /// Its name in the app's address (`?view=teach`).
    pub const fn code(self) -> &'static str {
        match self {
            Sheet::Teach => "teach",
            Sheet::Handout => "handout",
        }
    }

    /// The sheet a `view=` value asks for, if any.
    pub fn from_view(value: &str) -> Option<Sheet> {
        let value = value.trim();
        Sheet::ALL
            .into_iter()
            .find(|s| value.eq_ignore_ascii_case(s.code()))
    }

    /// Its address relative to the app's own page: the teacher's static
    /// page in `public/`, the app's handout view.
    pub fn href(self, lang: Lang) -> String {
        match self {
            Sheet::Teach => format!("public/{}", teach_file(lang)),
            Sheet::Handout => format!("?v=2&lang={}&view=handout", lang.code()),
        }
    }

    /// Its address from a page in `public/`.
    pub fn href_from_public(self, lang: Lang) -> String {
        match self {
            Sheet::Teach => teach_file(lang),
            Sheet::Handout => format!("../{}", self.href(lang)),
        }
    }
}

/// The teacher's page's file in `public/`.
pub fn teach_file(lang: Lang) -> String {
    format!("teach.{}.html", lang.code())
}

/// The classroom page the address asks for (`?view=teach`, `?view=handout`).
/// In a browser only.
pub fn asked() -> Option<Sheet> {
    super::url::param("view")
        .as_deref()
        .and_then(Sheet::from_view)
}

/// The address's language, read as the share codec reads it. In a browser
/// only.
pub fn asked_lang() -> Lang {
    super::url::param("lang")
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or_default()
}

/// `href` (relative to the app's page) as a full address, for paper. In a
/// browser only.
pub fn absolute(href: &str) -> String {
    let Some(location) = web_sys::window().map(|w| w.location()) else {
        return href.to_string();
    };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    let dir = path.trim_end_matches(|c| c != '/');
    format!("{origin}{dir}{href}")
}

/// `?view=teach`: sends the reader on to the teacher's page in the
/// address's language, replacing the history entry (Back returns to where
/// they came from). `true` when the browser took the new address.
#[cfg(target_arch = "wasm32")]
pub fn go_to_teach() -> bool {
    web_sys::window()
        .map(|w| w.location())
        .is_some_and(|l| l.replace(&Sheet::Teach.href(asked_lang())).is_ok())
}

/// What the static pages are made of: escaping, the locale files of the
/// teacher's texts, the page's frame and the sentences with their labels.
#[cfg(not(target_arch = "wasm32"))]
pub mod html {
    use crate::i18n::{Key, Lang, msg};
    use crate::share::{ViewState, encode};
    use crate::story::chapters::{CHAPTERS, Position};
    use crate::story::{Claim, Mark, NumberKind, Source};
    use crate::time::Clock;

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

    pub use crate::story::static_page::escape;

    /// A locale text in the language's default zone (Japan time for
    /// Japanese, US Pacific time for English, as the app shows it until the
    /// reader chooses), escaped.
    pub fn t(lang: Lang, key: Key) -> String {
        escape(&Clock::default_for(lang).text(key))
    }

    /// The teacher's texts of one language (`src/ui/classroom/teach.<lang>.json`):
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
                "{}/src/ui/classroom/teach.{}.json",
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
            escape(&crate::i18n::fill(
                &Clock::default_for(self.lang).expand(self.raw(key)),
                args,
            ))
        }
    }

    /// Parses `{"key": "text", ...}`: a JSON object whose values are all
    /// strings (what the locale files are). Duplicate keys are an error.
    pub fn parse_flat_json(text: &str) -> Result<Vec<(String, String)>, String> {
        let chars: Vec<char> = text.chars().collect();
        let mut at = 0usize;
        let skip = |at: &mut usize| {
            while *at < chars.len() && chars[*at].is_whitespace() {
                *at += 1;
            }
        };
        let expect = |at: &mut usize, want: char| -> Result<(), String> {
            skip(at);
            match chars.get(*at) {
                Some(&c) if c == want => {
                    *at += 1;
                    Ok(())
                }
                other => Err(format!(
                    "expected '{want}' at character {at}, found {other:?}"
                )),
            }
        };
        let string = |at: &mut usize| -> Result<String, String> {
            expect(at, '"')?;
            let mut out = String::new();
            loop {
                let Some(&c) = chars.get(*at) else {
                    return Err("unterminated string".into());
                };
                *at += 1;
                match c {
                    '"' => return Ok(out),
                    '\\' => {
                        let Some(&e) = chars.get(*at) else {
                            return Err("unterminated escape".into());
                        };
                        *at += 1;
                        match e {
                            '"' => out.push('"'),
                            '\\' => out.push('\\'),
                            '/' => out.push('/'),
                            'n' => out.push('\n'),
                            't' => out.push('\t'),
                            'r' => out.push('\r'),
                            'b' => out.push('\u{8}'),
                            'f' => out.push('\u{c}'),
                            'u' => {
                                let hex: String = chars.iter().skip(*at).take(4).collect();
                                let code = u32::from_str_radix(&hex, 16)
                                    .map_err(|_| format!("bad \\u escape at character {at}"))?;
                                *at += 4;
                                out.push(
                                    char::from_u32(code)
                                        .ok_or("a \\u escape is not a character")?,
                                );
                            }
                            other => return Err(format!("unknown escape \\{other}")),
                        }
                    }
                    c => out.push(c),
                }
            }
        };
        let mut entries: Vec<(String, String)> = Vec::new();
        expect(&mut at, '{')?;
        skip(&mut at);
        if chars.get(at) == Some(&'}') {
            at += 1;
        } else {
            loop {
                skip(&mut at);
                let key = string(&mut at)?;
                expect(&mut at, ':')?;
                skip(&mut at);
                let value = string(&mut at)?;
                if entries.iter().any(|(k, _)| *k == key) {
                    return Err(format!("\"{key}\" appears twice"));
                }
                entries.push((key, value));
                skip(&mut at);
                match chars.get(at) {
                    Some(',') => at += 1,
                    Some('}') => {
                        at += 1;
                        break;
                    }
                    other => {
                        return Err(format!(
                            "expected ',' or '}}' at character {at}, found {other:?}"
                        ));
                    }
                }
            }
        }
        skip(&mut at);
        if at != chars.len() {
            return Err(format!("text after the object, at character {at}"));
        }
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
            page: crate::share::Page::Sources,
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
<!-- Generated by src/ui/{class}.rs from the story's data and src/ui/classroom/teach.{code}.json; do not edit.
     UPDATE_CLASSROOM=1 cargo test --test classroom rewrites it. -->
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
}
