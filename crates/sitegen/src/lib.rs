//! The page generator: every beat of the story, in both languages, printed
//! into the page at build time by the app's own Leptos views (rendered to
//! HTML natively), so a reader has the words and pictures before, and
//! without, the WebAssembly.
//!
//! `scripts/finish-html.mjs` (Trunk's post-build hook) runs the binary and
//! puts each language's copy between [`BEGIN`] and [`END`] of that
//! language's page: `index.html` (Japanese) and `index.en.html` (English).
//! The page's small script (`public/story.js`) then shows one beat at a time
//! and steps through them; without JavaScript the story reads top to bottom.

pub mod classroom;
pub mod handout_page;
pub mod style_sheets;
pub mod teach;
pub mod worksheet;

use dns_race_explainer::i18n::{Key, Lang};
use dns_race_explainer::share::ViewState;
use dns_race_explainer::story::chapters::{CHAPTERS, Position};
use dns_race_explainer::story::static_page::escape;
use dns_race_explainer::time::{self, MARK_CLOSE, MARK_OPEN, MARK_TEXT};
use dns_race_explainer::ui::{self, clock, story, url};
use leptos::prelude::*;
use std::cell::RefCell;
use std::collections::BTreeMap;

/// Ids of SVG definitions that style sheets name (`url(#hatch)`): printed
/// once for the whole page instead of once a picture.
const SHARED_DEFS: [&str; 3] = ["hatch", "idea-head", "core-head"];

thread_local! {
    /// The shared definitions met while printing, by id.
    static DEFS: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// The printed page's controls that only the app can work (playing, its
/// speed, the detail switch, sharing, embedding, the motion switch): laid
/// out as live, `disabled` until the app replaces them.
const WAITING_FOR_THE_APP: [&str; 6] = [
    "play",
    "speed",
    "detail-toggle",
    "share-link",
    "embed-toggle",
    "motion-toggle",
];

/// Where the printed story goes in `index.html`.
pub const BEGIN: &str = "<!-- story:begin -->";
pub const END: &str = "<!-- story:end -->";

/// The printed story in `lang`: its masthead, the chapter menu and stepper,
/// and every beat. Each language has a page of its own (`index.html` for
/// Japanese, `index.en.html` for English), so a reader downloads one.
pub fn prerender(lang: Lang) -> String {
    // Already set on this thread is as good.
    let _ = any_spawner::Executor::init_local_custom_executor(NoTasks);
    let owner = Owner::new();
    owner.with(|| {
        DEFS.with(|d| d.borrow_mut().clear());
        url::hold(ViewState {
            lang,
            ..ViewState::default()
        });
        clock::init();
        // Each time printed with its moment, for the page's script to write
        // again in the zone the reader chose.
        time::set_marking(true);
        let copy = times(&language(lang));
        time::set_marking(false);
        let defs: String = DEFS.with(|d| d.borrow().values().cloned().collect());
        // Rendered (not `display: none`, where a pattern would not paint)
        // but taking no room.
        format!(
            "<div id=\"prerender\"><svg class=\"pre-defs\" width=\"0\" height=\"0\" aria-hidden=\"true\"><defs>{defs}</defs></svg>{copy}</div>"
        )
    })
}

/// The printer's executor: it runs no task. A page is printed once, so what
/// a view does after a change (Leptos's effects, which are tasks: the share
/// bar's "copied" note, the zone menu's choice) has nothing to do here.
struct NoTasks;

impl any_spawner::CustomExecutor for NoTasks {
    fn spawn(&self, _task: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _task: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The ISO form, in UTC, of a moment in minutes since 19 Oct 2025 00:00
/// PDT (the story's days are all in October).
fn iso(pdt_minutes: i32) -> String {
    let utc = pdt_minutes + 7 * 60;
    let (day, rest) = (19 + utc.div_euclid(24 * 60), utc.rem_euclid(24 * 60));
    format!("2025-10-{day:02}T{:02}:{:02}Z", rest / 60, rest % 60)
}

/// `html` with the clock's marks (`time::set_marking`) made markup: a
/// time in words becomes `<time datetime="…" data-f="…">`, one in a
/// picture a `<tspan data-utc="…" data-f="…">`, a zone's name a `<span>`
/// (`<tspan>`) with its `data-f`; a stamp names the moment before it
/// (`data-prev`). Inside a tag (an attribute) only the text stays.
fn times(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let (mut in_tag, mut in_quote, mut svg, mut svg_tag) = (false, false, 0usize, false);
    let mut open: Vec<&str> = Vec::new();
    let mut rest = html;
    while let Some(c) = rest.chars().next() {
        let len = c.len_utf8();
        if c == MARK_OPEN {
            let Some(end) = rest.find(MARK_TEXT) else {
                break;
            };
            let head = &rest[len..end];
            rest = &rest[end + MARK_TEXT.len_utf8()..];
            if in_tag {
                open.push("");
                continue;
            }
            let format = head.chars().next().unwrap_or('t');
            let mut moments = head[format.len_utf8()..]
                .split(',')
                .filter_map(|n| n.parse::<i32>().ok());
            let (at, prev) = (moments.next().unwrap_or(0), moments.next());
            let zone = matches!(format, 'n' | 'z');
            let tag = match (svg > 0, zone) {
                (true, _) => "tspan",
                (false, true) => "span",
                (false, false) => "time",
            };
            out.push('<');
            out.push_str(tag);
            if !zone {
                let name = if svg > 0 { "data-utc" } else { "datetime" };
                out.push_str(&format!(" {name}=\"{}\"", iso(at)));
            }
            out.push_str(&format!(" data-f=\"{format}\""));
            if let Some(p) = prev {
                out.push_str(&format!(" data-prev=\"{}\"", iso(p)));
            }
            out.push('>');
            open.push(tag);
            continue;
        }
        if c == MARK_CLOSE {
            if let Some(tag) = open.pop().filter(|t| !t.is_empty()) {
                out.push_str(&format!("</{tag}>"));
            }
            rest = &rest[len..];
            continue;
        }
        if in_tag {
            match c {
                '"' => in_quote = !in_quote,
                // `<svg …/>` opens nothing.
                '>' if !in_quote && svg_tag && out.ends_with('/') => {
                    (in_tag, svg) = (false, svg.saturating_sub(1));
                }
                '>' if !in_quote => in_tag = false,
                _ => {}
            }
        } else if c == '<' {
            svg_tag = rest.starts_with("<svg");
            in_tag = true;
            if rest.starts_with("<svg") {
                svg += 1;
            } else if rest.starts_with("</svg") {
                svg = svg.saturating_sub(1);
            }
        }
        out.push(c);
        rest = &rest[len..];
    }
    out.push_str(rest);
    out
}

/// The address of `lang`'s page, relative to the site's folder
/// (`index.html` is the Japanese page, served as the folder itself).
pub fn page_of(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "./",
        Lang::En => "index.en.html",
    }
}

/// One language's copy of the story.
fn language(lang: Lang) -> String {
    let code = lang.code();
    let signal = url::lang();
    let nav = clean(
        &story::nav_view(Position::first(), signal).to_html(),
        code,
        "nav",
    );
    // Beats grouped by chapter: the page's style sheet shows one chapter and
    // one beat from the address before the first layout (public/boot.js
    // names them on <html>), so the other beats are never laid out.
    let beats: String = CHAPTERS
        .iter()
        .enumerate()
        .map(|(c, chapter)| {
            let beats: String = (0..chapter.beats.len())
                .map(|b| beat(lang, Position::clamped(c, b)))
                .collect();
            format!(
                "<div class=\"pre-chapter\" data-ch=\"{}\">{beats}</div>",
                c + 1
            )
        })
        .collect();
    // The page-wide switches come alive with the app; before it they are
    // laid out (nothing moves when it takes over) but greyed.
    // The zone menu's "this device's time" names the device's offset,
    // which only the reader's browser knows: the printed menu leaves it out
    // (the menu is as wide without it) until the app draws it.
    clock::assume_device_offset_min(0);
    let other = lang.other();
    let title = view! { <p class="pre-title">{lang.text(Key::AppTitle)}</p> }.into_any();
    let switch = view! {
        <a class="lang-switch" href=format!("{}?lang={}", page_of(other), other.code())
            lang=other.code() hreflang=other.code() data-pre="lang">
            {lang.text(Key::LangSwitchTo)}
        </a>
    }
    .into_any();
    let masthead = clean(
        &ui::masthead_view(signal, RwSignal::new(false), title, switch).to_html(),
        code,
        "masthead",
    );
    let local = masthead.find("<option value=\"local\"").and_then(|at| {
        masthead[at..]
            .find("</option>")
            .map(|len| at..at + len + "</option>".len())
    });
    let mut masthead = match local {
        Some(range) => format!("{}{}", &masthead[..range.start], &masthead[range.end..]),
        None => masthead,
    };
    // The embed panel opens only in the app (its button is greyed here), and
    // folded it takes no room: left out, with the button's pointer to it.
    let panel = masthead.find("<section id=\"").and_then(|at| {
        masthead[at..]
            .find("</section>")
            .map(|len| at..at + len + "</section>".len())
    });
    if let Some(range) = panel.filter(|r| masthead[r.clone()].contains("class=\"embed-panel\"")) {
        masthead.replace_range(range, "");
        masthead = masthead.replace(
            &format!(" aria-controls=\"{code}-masthead-embed-panel\""),
            "",
        );
    }
    format!(
        "<div class=\"pre-{code}\" lang=\"{code}\">{masthead}\
<main class=\"pre-main\">{nav}{beats}<p class=\"pre-loading\">{loading}</p><p class=\"pre-failed\" role=\"alert\">{failed}</p></main></div>",
        loading = escape(lang.text(Key::AppLoading)),
        failed = escape(lang.text(Key::AppFailed)),
    )
}

/// One beat: the app's view of it, and its question's answer folded under
/// a summary (opened by the script once the reader has chosen, or by hand).
fn beat(lang: Lang, position: Position) -> String {
    let signal = url::lang();
    let id = format!(
        "{}-{}-{}",
        lang.code(),
        position.chapter + 1,
        position.beat + 1
    );
    let mut html = clean(&story::beat_view(position, signal).to_html(), &id, "beat");
    if let Some(answer) = story::answer_view(position, signal) {
        let answer = clean(&answer.to_html(), &id, "answer");
        let details = format!(
            "<details class=\"pre-answer\"><summary>{}</summary>{answer}</details>",
            escape(lang.text(Key::QuizShowAnswer))
        );
        // Inside the question, after its choices.
        match html.find("</ol></section>") {
            Some(at) => html.insert_str(at + "</ol>".len(), &details),
            None => html.push_str(&details),
        }
    }
    format!(
        "<div class=\"pre-beat\" data-ch=\"{}\" data-beat=\"{}\" data-progress=\"{}\">{html}</div>",
        position.chapter + 1,
        position.beat + 1,
        escape(&story::progress_text(lang, position)),
    )
}

/// A view's HTML made fit to print many times in one page: no hydration
/// markers; the shared SVG definitions taken out (printed once, see
/// [`SHARED_DEFS`]); every other id, and the attributes that point at one,
/// made unique with `prefix` and `part` (the app's ids name its one live
/// copy: the tests and the app look for those); the stepper's controls
/// named for the page's script instead.
fn clean(html: &str, prefix: &str, part: &str) -> String {
    let mut out = take_shared_defs(&html.replace("<!>", ""));
    for (id, name) in [
        ("chapter-select", "chapters"),
        ("prev", "prev"),
        ("next", "next"),
        ("progress", "progress"),
        ("seek", "seek"),
        ("tz-select", "zone"),
        ("menu-toggle", "menu"),
    ] {
        out = out.replace(&format!(" id=\"{id}\""), &format!(" data-pre=\"{name}\""));
    }
    // Controls only the app can work: printed in place, greyed until then.
    for id in WAITING_FOR_THE_APP {
        out = out.replace(
            &format!(" id=\"{id}\""),
            &format!(" disabled data-pre=\"{id}\""),
        );
    }
    let ids: Vec<String> = out
        .split(" id=\"")
        .skip(1)
        .filter_map(|piece| piece.split('"').next())
        .filter(|id| !SHARED_DEFS.contains(id))
        .map(str::to_string)
        .collect();
    for id in ids {
        let unique = format!("{prefix}-{part}-{id}");
        for attribute in [
            "id",
            "for",
            "aria-labelledby",
            "aria-describedby",
            "aria-controls",
        ] {
            out = out.replace(
                &format!(" {attribute}=\"{id}\""),
                &format!(" {attribute}=\"{unique}\""),
            );
        }
    }
    out
}

/// `html` without its `<defs>` blocks of shared definitions, which are
/// kept (the first of each) for the page's one copy.
fn take_shared_defs(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<defs>") {
        let Some(len) = rest[at..].find("</defs>") else {
            break;
        };
        let block = &rest[at + "<defs>".len()..at + len];
        let shared = SHARED_DEFS
            .iter()
            .find(|id| block.contains(&format!(" id=\"{id}\"")));
        out.push_str(&rest[..at]);
        match shared {
            Some(id) => DEFS.with(|d| {
                d.borrow_mut()
                    .entry(id.to_string())
                    .or_insert_with(|| block.to_string());
            }),
            None => out.push_str(&rest[at..at + len + "</defs>".len()]),
        }
        rest = &rest[at + len + "</defs>".len()..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod marks_tests {
    use super::{iso, times};
    use dns_race_explainer::engine::cascade::clock::at;
    use dns_race_explainer::i18n::Lang;
    use dns_race_explainer::time::{self, Clock, DayTracker, Zone};

    #[test]
    fn a_moment_in_iso_utc() {
        // The race: 23:48 PDT on the 19th is 06:48 UTC on the 20th.
        assert_eq!(iso(time::from_sim(at(19, 23, 48))), "2025-10-20T06:48Z");
        assert_eq!(iso(0), "2025-10-19T07:00Z");
        assert_eq!(iso(-8 * 60), "2025-10-18T23:00Z");
    }

    /// Marks become `<time>` in words, `<tspan>` in pictures and nothing in
    /// attributes; the text a reader sees is the unmarked one.
    #[test]
    fn marks_become_markup_where_they_stand() {
        let clock = Clock::new(Lang::Ja, Zone::Jst);
        time::set_marking(true);
        let t = clock.day_time(at(20, 2, 25));
        let mut days = DayTracker::new(clock);
        let (a, b) = (days.stamp(at(20, 2, 25)), days.stamp(at(20, 5, 0)));
        let aside = Clock::new(Lang::En, Zone::Pdt).record_aside(at(20, 2, 25));
        time::set_marking(false);
        assert_eq!(time::unmarked(&t), "20日18:25");
        assert_eq!(clock.day_time(at(20, 2, 25)), "20日18:25");
        let html = format!(
            "<p title=\"{t}\">{t} {a}–{b}</p><svg><text>{t}</text><svg/></svg><small>{}</small><i>{t}</i>",
            aside.expect("an empty aside, marked, for the script to fill")
        );
        assert_eq!(
            times(&html),
            "<p title=\"20日18:25\"><time datetime=\"2025-10-20T09:25Z\" data-f=\"t\">20日18:25</time> \
<time datetime=\"2025-10-20T09:25Z\" data-f=\"s\">20日18:25</time>–\
<time datetime=\"2025-10-20T12:00Z\" data-f=\"s\" data-prev=\"2025-10-20T09:25Z\">21:00</time></p>\
<svg><text><tspan data-utc=\"2025-10-20T09:25Z\" data-f=\"t\">20日18:25</tspan></text><svg/></svg>\
<small><time datetime=\"2025-10-20T09:25Z\" data-f=\"a\"></time></small>\
<i><time datetime=\"2025-10-20T09:25Z\" data-f=\"t\">20日18:25</time></i>"
        );
    }
}
