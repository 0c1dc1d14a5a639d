//! The printed story: every beat of both languages, with its words, their
//! labels and its picture, fit to stand in one page.

use std::collections::BTreeSet;

use dns_race_explainer::i18n::Lang;
use dns_race_explainer::story::chapters::{CHAPTERS, Position, Scene};
use dns_race_sitegen::prerender;

/// The printed story of one language (its page's part).
fn copy(lang: Lang) -> &'static str {
    static HTML: std::sync::OnceLock<[String; 2]> = std::sync::OnceLock::new();
    let pages = HTML.get_or_init(|| Lang::ALL.map(prerender));
    let page = &pages[Lang::ALL.iter().position(|&l| l == lang).unwrap()];
    assert!(page.contains(&format!(
        "<div class=\"pre-{}\" lang=\"{}\"",
        lang.code(),
        lang.code()
    )));
    assert!(
        !page.contains(&format!("<div class=\"pre-{}\"", lang.other().code())),
        "one language a page"
    );
    page
}

/// Each beat's markup, in order.
fn beats(lang: Lang) -> Vec<&'static str> {
    copy(lang)
        .split("<div class=\"pre-beat\"")
        .skip(1)
        .collect()
}

#[test]
fn every_beat_of_both_languages_is_printed_in_order() {
    for lang in Lang::ALL {
        let beats = beats(lang);
        assert_eq!(beats.len(), Position::count(), "{lang:?}");
        for (i, beat) in beats.iter().enumerate() {
            let p = Position::from_index(i);
            let tag = format!(
                " data-ch=\"{}\" data-beat=\"{}\"",
                p.chapter + 1,
                p.beat + 1
            );
            assert!(beat.starts_with(&tag), "{lang:?} beat {i}: {}", &beat[..80]);
            let title = lang.text(CHAPTERS[p.chapter].title);
            assert!(
                beat.contains(&dns_race_explainer::story::static_page::escape(title)),
                "{lang:?} {}.{} names its chapter",
                p.chapter + 1,
                p.beat + 1
            );
        }
    }
}

#[test]
fn every_sentence_carries_its_label_and_no_placeholder_is_left() {
    for lang in Lang::ALL {
        for (i, beat) in beats(lang).iter().enumerate() {
            let sentences = beat.matches("<span data-key=").count();
            let labelled = beat.matches("</span> <a ").count()
                + beat.matches("</span> <span class=\"mark").count();
            assert!(
                labelled >= sentences,
                "{lang:?} beat {i}: {sentences} sentences, {labelled} labels"
            );
            assert!(
                !beat.contains("{t:") && !beat.contains("{tt:"),
                "{lang:?} beat {i}: a raw time"
            );
        }
    }
}

#[test]
fn every_beat_with_a_scene_prints_its_picture() {
    for lang in Lang::ALL {
        for (i, beat) in beats(lang).iter().enumerate() {
            let p = Position::from_index(i);
            let wanted = match p.beat().scene {
                Some(Scene::Idea(_)) => Some("class=\"idea-svg\""),
                Some(Scene::Race(_) | Scene::Game | Scene::GameRecheck) => Some("class=\"race-svg"),
                Some(Scene::Cascade(_)) | Some(Scene::Timeline(_)) => Some("class=\"cascade-svg\""),
                Some(Scene::Chain(_)) => Some("class=\"chain-svg\""),
                Some(Scene::Opening) => Some("class=\"saw\""),
                Some(Scene::Revisit) => Some("class=\"revisit\""),
                Some(Scene::Census) => Some("census-svg"),
                Some(Scene::Days) => Some("days-svg"),
                Some(Scene::Lesson(_)) => Some("lesson-svg"),
                Some(Scene::Shop(_)) => Some("shop-svg"),
                None => None,
            };
            if let Some(wanted) = wanted {
                assert!(
                    beat.contains(wanted),
                    "{lang:?} beat {i} ({:?}) lacks {wanted}",
                    p.beat().scene
                );
            }
        }
    }
}

#[test]
fn a_question_s_answer_is_folded_until_the_reader_opens_it() {
    for lang in Lang::ALL {
        for (i, beat) in beats(lang).iter().enumerate() {
            let Some(q) = Position::from_index(i).beat().question else {
                continue;
            };
            let reveal = dns_race_explainer::story::static_page::escape(
                &dns_race_explainer::time::Clock::default_for(lang).text(q.reveal[0].text),
            );
            // Its times are printed as <time> (for the page's script): read
            // the words without those tags.
            let beat = &without_time_tags(beat);
            let at = beat.find(&reveal).expect("the answer is printed");
            let folded = beat[..at]
                .rfind("<details class=\"pre-answer\">")
                .expect("inside a fold");
            assert!(
                !beat[folded..at].contains("</details>"),
                "{lang:?} beat {i}: answer outside its fold"
            );
            assert_eq!(
                beat.matches(&reveal).count(),
                1,
                "{lang:?} beat {i}: the answer once"
            );
        }
    }
}

#[test]
fn ids_are_unique_and_the_app_s_own_ids_are_left_to_the_app() {
    for lang in Lang::ALL {
        let html = copy(lang);
        let mut seen = BTreeSet::new();
        for piece in html.split(" id=\"").skip(1) {
            let id = &piece[..piece.find('"').unwrap()];
            assert!(seen.insert(id.to_string()), "id {id} twice");
        }
        // The tests and the app find the live copy by these.
        for id in [
            "lang-switch",
            "next",
            "prev",
            "progress",
            "chapter-title",
            "chapter-select",
            "beat",
            "menu-toggle",
            "tz-select",
            "play",
            "seek",
            "share-link",
            "motion-toggle",
        ] {
            assert!(
                !seen.contains(id),
                "the printed story has the app's id {id}"
            );
        }
        assert!(!html.contains("<!>"), "no hydration markers");
    }
}

#[test]
fn the_masthead_and_player_are_printed_as_the_app_lays_them_out() {
    // The app's own masthead and player, so nothing moves when it takes
    // over: what works before it works (the language link, the zone menu,
    // the settings button on a phone, the seek bar); what only the app can
    // do is printed in place, greyed.
    for lang in Lang::ALL {
        let html = copy(lang);
        let masthead = &html
            [html.find("<header class=\"masthead\">").unwrap()..html.find("</header>").unwrap()];
        assert!(
            masthead.contains("<p class=\"pre-title\">"),
            "the page's one h1 is the app's"
        );
        assert!(masthead.contains(&format!(
            "href=\"{}?lang={}\"",
            dns_race_sitegen::page_of(lang.other()),
            lang.other().code()
        )));
        for working in ["lang", "menu", "zone"] {
            assert!(
                masthead.contains(&format!(" data-pre=\"{working}\"")),
                "{lang:?}: {working}"
            );
        }
        for waiting in ["share-link", "embed-toggle", "motion-toggle"] {
            assert!(
                masthead.contains(&format!(" disabled data-pre=\"{waiting}\"")),
                "{lang:?}: {waiting}"
            );
        }
        // "This device's time" needs the reader's browser to name its offset.
        assert!(!masthead.contains("<option value=\"local\""));
        assert_eq!(masthead.matches("<option value=").count(), 4, "four zones");
        assert!(
            !masthead.contains("embed-panel"),
            "the embed panel is the app's"
        );
        let nav = &html[html.find("<nav ").unwrap()..html.find("</nav>").unwrap()];
        for waiting in ["play", "speed", "detail-toggle"] {
            assert!(
                nav.contains(&format!(" disabled data-pre=\"{waiting}\"")),
                "{lang:?}: {waiting}"
            );
        }
        assert!(nav.contains(" data-pre=\"seek\""));
        assert!(!nav.contains(" disabled data-pre=\"seek\""));
    }
}

#[test]
fn the_style_sheet_can_show_every_chapter_and_beat_by_itself() {
    // public/boot.js names the beat on <html> before the body is laid out;
    // style/base.css has a rule per chapter and per beat number.
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../style/base.css"))
        .expect("style/base.css");
    for c in 1..=CHAPTERS.len() {
        let rule =
            format!("html.stepping[data-ch=\"{c}\"] #prerender .pre-chapter[data-ch=\"{c}\"]");
        assert!(css.contains(&rule), "no rule shows chapter {c}");
    }
    let most = CHAPTERS.iter().map(|c| c.beats.len()).max().unwrap();
    for b in 1..=most {
        let rule =
            format!("html.stepping[data-beat=\"{b}\"] #prerender .pre-beat[data-beat=\"{b}\"]");
        assert!(css.contains(&rule), "no rule shows beat {b}");
    }
}

/// `html` without its `<time …>` and `</time>` tags, their text kept.
fn without_time_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<time") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find('>').map_or(rest.len(), |e| at + e + 1);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.replace("</time>", "")
}
