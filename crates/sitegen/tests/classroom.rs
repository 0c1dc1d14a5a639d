//! The classroom's static pages, the teacher's page (`public/teach.<lang>.html`,
//! `crates/sitegen/src/teach.rs`) and the handout's words (`public/handout.<lang>.html`,
//! `crates/sitegen/src/handout_page.rs`), are generated from the story's data and
//! `crates/sitegen/texts/teach.<lang>.json`; this keeps the files equal to what the data
//! says, and checks the data: the lesson plans' routes open beats of the
//! story and fit their time, the experiments open the lab set up, every
//! quiz is listed with its answer in both languages, the handout holds
//! every sentence with its label and source and a place for every picture,
//! and the teacher's texts follow the word rules. (The pictures are drawn
//! by the app's `?view=handout`: `e2e/tests/classroom.spec.mjs`.)
//!
//! After a change to the words or the story: `UPDATE_CLASSROOM=1 cargo test -p dns-race-sitegen --test classroom`.

use dns_race_explainer::i18n::{Key, Lang};
use dns_race_explainer::share::{Page, decode};
use dns_race_explainer::story::chapters::{CHAPTERS, Idea, Position, TERMS};
use dns_race_explainer::story::timeline::TIMELINE;
use dns_race_explainer::time::Clock;
use dns_race_explainer::ui::classroom::teach_file;
use dns_race_explainer::ui::handout;
use dns_race_sitegen::classroom::{Texts, escape, parse_flat_json};
use dns_race_sitegen::handout_page;
use dns_race_sitegen::teach;
use dns_race_sitegen::worksheet;

fn texts(lang: Lang) -> Texts {
    Texts::load(lang).unwrap_or_else(|e| panic!("{e}"))
}

/// Every generated page: its file in `public/` and its text.
fn pages() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let texts = texts(lang);
        out.push((teach_file(lang), teach::page(&texts)));
        out.push((
            format!("handout.{}.html", lang.code()),
            handout_page::page(&texts),
        ));
        for teacher in [false, true] {
            out.push((
                worksheet::file(lang, teacher),
                worksheet::page(lang, teacher),
            ));
        }
    }
    out
}

/// Every generated file: the pages and lesson mode's texts.
fn generated() -> Vec<(String, String)> {
    let mut out = pages();
    for lang in Lang::ALL {
        out.push((
            format!("lesson.{}.json", lang.code()),
            teach::lesson_json(&texts(lang)),
        ));
    }
    out
}

fn public(file: &str) -> String {
    format!("{}/../../public/{file}", env!("CARGO_MANIFEST_DIR"))
}

/// The text of a key as a static page shows it (default zone, escaped).
fn shown(lang: Lang, key: Key) -> String {
    escape(&Clock::default_for(lang).text(key))
}

#[test]
fn the_pages_in_public_are_what_the_data_says() {
    let update = std::env::var_os("UPDATE_CLASSROOM").is_some();
    let mut stale = Vec::new();
    {
        for (file, wanted) in generated() {
            let current = std::fs::read_to_string(public(&file)).unwrap_or_default();
            if current != wanted {
                if update {
                    std::fs::write(public(&file), &wanted).expect("write the page");
                } else {
                    stale.push(file);
                }
            }
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} are stale: run `UPDATE_CLASSROOM=1 cargo test -p dns-race-sitegen --test classroom`"
    );
}

#[test]
fn the_pages_name_only_files_of_the_site_and_nothing_inline() {
    {
        for (sheet, html) in pages() {
            assert!(
                !html.contains("<style") && !html.contains(" style="),
                "{sheet}: inline style"
            );
            assert!(
                !html.contains(" onclick=") && !html.contains("<script>"),
                "inline script"
            );
            assert!(
                !html.contains('{') && !html.contains('}'),
                "{sheet}: an unfilled slot"
            );
            for attr in ["href=\"", "src=\""] {
                for part in html.split(attr).skip(1) {
                    let value = &part[..part.find('"').expect("a closed attribute")];
                    if value.starts_with('#')
                        || value.starts_with("https://")
                        || value.starts_with("../?")
                    {
                        continue;
                    }
                    // The app's style sheets are copied beside the pages by
                    // Trunk (index.html: copy-dir style into public/style).
                    let exists = match value.strip_prefix("style/") {
                        Some(css) => std::path::Path::new(&format!(
                            "{}/../../style/{css}",
                            env!("CARGO_MANIFEST_DIR")
                        ))
                        .exists(),
                        None => std::path::Path::new(&public(value)).exists(),
                    };
                    assert!(
                        exists,
                        "{sheet} names {value}, which the site does not have"
                    );
                }
            }
        }
    }
    let index =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../index.html")).unwrap();
    assert!(
        index.contains("rel=\"copy-dir\" href=\"style\" data-target-path=\"public/style\""),
        "index.html copies the style sheets beside the classroom pages"
    );
}

#[test]
fn both_languages_have_exactly_the_keys_the_pages_use_with_the_same_placeholders() {
    let mut used: Vec<&str> = teach::keys();
    used.extend(handout_page::KEYS);
    used.sort_unstable();
    for lang in Lang::ALL {
        let texts = texts(lang);
        let mut keys: Vec<&str> = texts.entries.iter().map(|(k, _)| k.as_str()).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            used,
            "teach.{}.json: keys differ from what the pages use",
            lang.code()
        );
    }
    let (ja, en) = (texts(Lang::Ja), texts(Lang::En));
    for ((k, a), (_, b)) in ja.entries.iter().zip(&en.entries) {
        assert_eq!(
            slots(a),
            slots(b),
            "{k}: the languages' placeholders differ"
        );
    }
    assert_eq!(
        ja.entries.iter().map(|(k, _)| k).collect::<Vec<_>>(),
        en.entries.iter().map(|(k, _)| k).collect::<Vec<_>>(),
        "both files list the keys in the same order"
    );
    assert!(parse_flat_json("{\"a\": \"1\", \"a\": \"2\"}").is_err());
    assert_eq!(
        parse_flat_json("{\"a\": \"x\\\"\\u3042\"}").unwrap(),
        vec![("a".to_string(), "x\"あ".to_string())]
    );
}

/// The `{name}` slots of a text, sorted.
fn slots(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .split('{')
        .skip(1)
        .map(|s| s[..s.find('}').expect("a closed slot")].to_string())
        .collect();
    out.sort();
    out
}

fn is_japanese(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ff01}'..='\u{ff60}' | '\u{3000}'..='\u{303f}')
}

#[test]
fn the_teachers_texts_follow_the_word_rules() {
    // docs/WORDS.md: the retired words (tests/terminology.rs reads only
    // ja.json and en.json, so the classroom's texts are checked here).
    const JA_RETIRED: [&str; 21] = [
        "台帳",
        "電話帳",
        "空っぽ",
        "プラン",
        "世代",
        "名簿",
        "事務員",
        "遅い係",
        "使用中",
        "生きている束",
        "控え",
        "競り合い",
        "衝突",
        "貸出証",
        "絞り込み",
        "容量",
        "物語",
        "置き方",
        "クリーンアップ",
        "あなたの",
        "記録",
    ];
    const EN_RETIRED: [&str; 14] = [
        "ledger",
        "plan",
        "plans",
        "bundle",
        "tree",
        "trees",
        "alias",
        "note",
        "notes",
        "lock",
        "locks",
        "busy mark",
        "put in use",
        "gently explained",
    ];
    let mut problems = Vec::new();
    // The worksheet's texts follow the same rules.
    let all = |lang: Lang| -> Vec<(String, String)> {
        texts(lang)
            .entries
            .into_iter()
            .chain(worksheet::texts(lang).entries)
            .collect()
    };
    for (key, text) in &all(Lang::Ja) {
        for word in JA_RETIRED {
            if text.contains(word) {
                problems.push(format!("{key}: retired word {word}"));
            }
        }
        let chars: Vec<char> = text.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            let before = i.checked_sub(1).map(|j| chars[j]);
            let after = chars.get(i + 1).copied();
            let touches = before.is_some_and(is_japanese) || after.is_some_and(is_japanese);
            if "():!?".contains(c) && touches {
                problems.push(format!("{key}: half-width {c} beside Japanese"));
            }
            if c == ' ' {
                let (b, a) = (before.unwrap_or(' '), after.unwrap_or(' '));
                let digitish = |x: char| x.is_ascii_digit() || x == '{' || x == '}';
                if (is_japanese(b) && digitish(a)) || (digitish(b) && is_japanese(a)) {
                    problems.push(format!("{key}: a space between Japanese and a number"));
                }
            }
        }
        if text.contains("}つ") {
            problems.push(format!("{key}: a placeholder counted with つ"));
        }
        // Sentences of at most 100 characters, a placeholder counted as 4.
        let mut sentence = 0;
        let mut in_slot = false;
        for c in text.chars() {
            match c {
                '{' => in_slot = true,
                '}' => {
                    in_slot = false;
                    sentence += 4;
                }
                _ if in_slot => {}
                '。' | '！' | '？' => {
                    if sentence + 1 > 100 {
                        problems.push(format!("{key}: a sentence of {} characters", sentence + 1));
                    }
                    sentence = 0;
                }
                _ => sentence += 1,
            }
        }
        if sentence > 100 {
            problems.push(format!("{key}: a sentence of {sentence} characters"));
        }
        // teach.class_time is a phrase inside a sentence (the hook's time).
        if !key.ends_with("title")
            && !key.ends_with("heading")
            && key != "teach.class_time"
            && !text.ends_with(['。', '：', '）'])
            && text.chars().count() > 30
        {
            problems.push(format!(
                "{key}: a long text that is not a sentence (です・ます)"
            ));
        }
    }
    for (key, text) in &all(Lang::En) {
        let lower = text.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'')
            .filter(|w| !w.is_empty())
            .collect();
        for word in EN_RETIRED {
            let hit = if word.contains(' ') {
                lower.contains(word)
            } else {
                words.contains(&word)
            };
            if hit {
                problems.push(format!("{key}: retired word \"{word}\""));
            }
        }
    }
    // No clock time typed: times are record tokens ({t:DD-HH:MM}) or none.
    for lang in Lang::ALL {
        for (key, text) in &texts(lang).entries {
            let chars: Vec<char> = text.chars().collect();
            for w in chars.windows(5) {
                let clock = w[0].is_ascii_digit()
                    && w[1].is_ascii_digit()
                    && w[2] == ':'
                    && w[3].is_ascii_digit()
                    && w[4].is_ascii_digit();
                if clock {
                    problems.push(format!("{key}: a clock time typed as digits"));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_lesson_plans_fit_their_time_and_every_screen_opens_a_beat_of_the_story() {
    use dns_race_explainer::routes::StopKind;
    let plans = &teach::PLANS;
    assert_eq!(
        plans.iter().map(|p| p.minutes).collect::<Vec<_>>(),
        [15, 45]
    );
    for plan in plans {
        assert_eq!(
            plan.total_minutes(),
            plan.minutes,
            "{}: the steps add up",
            plan.id
        );
        assert_eq!(plan.route.route().minutes, plan.minutes);
        for step in plan.steps() {
            assert!(step.minutes >= 1);
            match step.kind {
                StopKind::Screen { chapter, beat } => {
                    let p = step.position().unwrap_or_else(|| {
                        panic!(
                            "{}: chapter {chapter} beat {beat} is not in the story",
                            plan.id
                        )
                    });
                    for lang in Lang::ALL {
                        let href = dns_race_sitegen::classroom::beat_href(lang, p);
                        let query = href.strip_prefix("../?").expect("a link to the app");
                        let d = decode(query);
                        assert!(d.notes.is_empty(), "{href}: {:?}", d.notes);
                        assert_eq!(
                            (d.state.position, d.state.lang, d.state.page),
                            (p, lang, Page::Story)
                        );
                    }
                }
                StopKind::Lab { experiment } => {
                    assert!(
                        teach::EXPERIMENTS.iter().any(|e| e.id == experiment),
                        "{experiment}"
                    );
                }
                StopKind::Discuss => {}
            }
        }
    }
    // A classroom route of about 12–19 screens for the long lesson (it
    // shows every screen a later one depends on: `routes`' own tests), a
    // short one for the quarter hour, each ending its talk over the story's
    // last screen; each visits beats in the story's order.
    let long = &plans[1];
    assert!((12..=19).contains(&long.screens()), "{}", long.screens());
    assert!((5..=9).contains(&plans[0].screens()));
    for plan in plans {
        let order: Vec<usize> = plan
            .steps()
            .iter()
            .filter_map(|s| s.position())
            .map(|p| p.index())
            .collect();
        assert!(
            order.windows(2).all(|w| w[0] < w[1]),
            "{}: {order:?}",
            plan.id
        );
        assert!(
            plan.steps()
                .iter()
                .any(|s| matches!(s.kind, StopKind::Discuss))
        );
    }
    // Every quiz the long lesson passes is one the story asks there.
    let quiz_beats: Vec<Position> = teach::quizzes().into_iter().map(|(p, _)| p).collect();
    assert!(
        long.steps()
            .iter()
            .filter_map(|s| s.position())
            .filter(|p| quiz_beats.contains(p))
            .count()
            >= 2
    );
}

#[test]
fn each_plan_opens_in_lesson_mode_and_the_hook_is_the_class_own_time() {
    for lang in Lang::ALL {
        let texts = texts(lang);
        let html = teach::page(&texts);
        for plan in &teach::PLANS {
            for (id, speaker) in [("present", false), ("speaker", true)] {
                let anchor = format!("id=\"{id}-{}\" href=\"../?", plan.id);
                let at = html.find(&anchor).unwrap_or_else(|| panic!("{anchor}"));
                let rest = &html[at + anchor.len()..];
                let query = rest[..rest.find('"').unwrap()].replace("&amp;", "&");
                let d = decode(&query);
                assert!(d.notes.is_empty(), "{query}: {:?}", d.notes);
                assert!(d.state.present);
                assert_eq!(d.state.speaker, speaker);
                assert_eq!(d.state.lesson, Some(plan.route));
                assert_eq!(d.state.lang, lang);
            }
        }
        // The hook's time is computed for the zone, with what the script
        // needs to say it in the reader's own.
        assert!(html.contains("class=\"class-time\""));
        assert!(html.contains("<script src=\"classtime.js\" defer></script>"));
        let uk = teach::class_time_in(&texts, 60, "in the UK");
        if lang == Lang::En {
            assert_eq!(
                uk,
                "at about 07:48 on Monday in the UK, as pupils were getting ready for school"
            );
            assert!(!html.contains("Monday afternoon in Japan"));
        } else {
            assert!(
                teach::class_time_in(&texts, 540, "日本").contains("日本では月曜日の15:48ごろ")
            );
        }
        // Lesson mode's texts: every prompt of both routes.
        let json = teach::lesson_json(&texts);
        let entries = parse_flat_json(&json).expect("flat JSON");
        for r in &dns_race_explainer::routes::ROUTES {
            for stop in r.stops {
                assert!(
                    entries.iter().any(|(k, _)| k == stop.prompt),
                    "{}",
                    stop.prompt
                );
            }
        }
    }
}

#[test]
fn every_experiment_opens_the_lab_set_up() {
    let default_lab = dns_race_explainer::share::ViewState {
        page: Page::Playground,
        ..Default::default()
    };
    for e in &teach::EXPERIMENTS {
        for lang in Lang::ALL {
            let state = e.state(lang);
            let href = dns_race_sitegen::classroom::app_href(&state);
            let d = decode(href.strip_prefix("../?").unwrap());
            assert!(d.notes.is_empty(), "{}: {:?}", e.id, d.notes);
            assert_eq!(d.state, state, "{}: the link reopens the set-up", e.id);
            assert_eq!(d.state.page, Page::Playground);
            let mut plain = d.state.clone();
            plain.lang = Lang::default();
            // Every experiment but the game changes something.
            assert_eq!(plain == default_lab, e.id == "game", "{}", e.id);
            let page = teach::page(&texts(lang));
            assert!(
                page.contains(&escape(&href)),
                "{}: its link is on the page",
                e.id
            );
        }
    }
}

#[test]
fn the_teachers_page_lists_every_quiz_with_its_answer_in_both_languages() {
    let quizzes = teach::quizzes();
    assert!(quizzes.len() >= 3);
    for lang in Lang::ALL {
        let page = teach::page(&texts(lang));
        let answer = texts(lang).get("teach.quiz_answer");
        for (p, q) in &quizzes {
            let prompt = shown(lang, q.prompt);
            assert!(page.contains(&prompt), "{lang:?}: {prompt}");
            let right = format!(
                "<li class=\"right\" data-key=\"{}\"><strong>✓ {}</strong> <span class=\"answer-label\">{answer}</span></li>",
                q.choices[q.answer].name(),
                shown(lang, q.choices[q.answer])
            );
            assert!(
                page.contains(&right),
                "{lang:?}: the answer of {}",
                q.prompt.name()
            );
            for (i, &c) in q.choices.iter().enumerate() {
                assert!(page.contains(&shown(lang, c)));
                if i != q.answer {
                    assert!(
                        !page.contains(&format!("<li class=\"right\" data-key=\"{}\"", c.name()))
                    );
                }
            }
            for c in q.reveal {
                assert!(
                    page.contains(&format!(
                        "<span data-key=\"{}\">{}</span>",
                        c.text.name(),
                        shown(lang, c.text)
                    )),
                    "{lang:?}: the explanation, each sentence with its label"
                );
            }
            assert!(page.contains(&format!(
                "data-ch=\"{}\" data-beat=\"{}\"",
                p.chapter + 1,
                p.beat + 1
            )));
        }
        assert_eq!(page.matches("class=\"quiz-answer\"").count(), quizzes.len());
        for th in &teach::THEMES {
            assert!(page.contains(&format!("id=\"discuss-{}\"", th.id)));
        }
    }
}

#[test]
fn the_handout_holds_every_chapter_sentence_term_and_timeline_entry_and_a_place_for_each_picture() {
    for lang in Lang::ALL {
        let page = handout_page::page(&texts(lang));
        // What the app loads: the main part, which links only within itself
        // (it is read from public/ and from the app's own page).
        let start = page.find("<main id=\"main\">").expect("a main part");
        let main = &page[start..page.find("</main>").expect("closed")];
        assert!(
            !main.contains("href=\"../") && !main.contains("href=\"?"),
            "links only within itself"
        );
        assert_eq!(
            page.matches("class=\"h-chapter chapter\"").count(),
            CHAPTERS.len()
        );
        let mut claims = 0;
        for (c, chapter) in CHAPTERS.iter().enumerate() {
            assert!(page.contains(&format!("data-chapter=\"{}\"", c + 1)));
            assert!(page.contains(&shown(lang, chapter.title)));
            for beat in chapter.beats {
                for claim in beat.claims.iter().chain(beat.engineer.iter()) {
                    // A sentence written for the screen has its paper words.
                    let words = match handout_page::ON_PAPER
                        .iter()
                        .find(|(k, _)| *k == claim.text)
                    {
                        Some((_, paper)) => texts(lang).get(paper),
                        None => shown(lang, claim.text),
                    };
                    let needle = format!(
                        "<span data-key=\"{}\">{}</span> <span class=\"mark mark-{}\"",
                        claim.text.name(),
                        words,
                        claim.mark.css()
                    );
                    assert!(page.contains(&needle), "{lang:?}: {}", claim.text.name());
                    claims += 1;
                }
                if let Some((key, _)) = beat.figure {
                    assert!(page.contains(&format!("data-key=\"{}\"", key.name())));
                }
                if let Some(key) = beat.analogy {
                    assert!(page.contains(&shown(lang, key)));
                }
                if let Some(q) = beat.question {
                    assert!(page.contains(&format!(
                        "class=\"quiz h-quiz\" data-key=\"{}\"",
                        q.prompt.name()
                    )));
                }
            }
        }
        assert!(claims > 60, "{claims}");
        // Every sentence names its source after its label.
        assert_eq!(
            page.matches("<span class=\"mark mark-").count() - 5,
            page.matches("class=\"source-note\"").count(),
            "the legend's five labels stand alone; every other label has its source"
        );
        for term in TERMS {
            assert!(
                page.contains(&shown(lang, term.name))
                    && page.contains(&shown(lang, term.definition))
            );
        }
        for e in TIMELINE {
            assert!(
                page.contains(&shown(lang, e.claim.text)),
                "{}",
                e.claim.text.name()
            );
        }
        for (_, q) in teach::quizzes() {
            assert!(page.contains(&format!(
                "<li class=\"right\" data-key=\"{}\">",
                q.choices[q.answer].name()
            )));
        }
        let race = page.matches("class=\"h-place\" data-race=").count();
        let charts = page.matches("class=\"h-place\" data-cascade=").count();
        let ideas = page.matches("class=\"h-place\" data-idea=").count();
        let chains = page.matches("class=\"h-place\" data-chain=").count();
        let expected: usize = CHAPTERS
            .iter()
            .map(|c| handout_page::pictures_of(c.beats).iter().flatten().count())
            .sum();
        let game = page.matches("class=\"h-place\" data-game=").count();
        // Chapters 5, 8 and 9's pictures are drawn in full on the page.
        let stills = page.matches("<figure class=\"scene h-picture\">").count();
        assert_eq!(race + charts + ideas + chains + game + stills, expected);
        assert!(
            race >= 6
                && (2..=CHAPTERS.len()).contains(&charts)
                && chains >= 10
                && ideas >= 11
                && game == 1
                && stills >= 4,
            "{race} race pictures, {charts} charts, {chains} chains, {ideas} ideas, {game} games"
        );
        for part in page.split("data-idea=\"").skip(1) {
            let code = &part[..part.find('"').unwrap()];
            assert!(Idea::from_code(code).is_some(), "{code}");
        }
        for part in page.split("data-race=\"").skip(1) {
            let code = &part[..part.find('"').unwrap()];
            assert!(handout::MOMENTS.iter().any(|(_, c)| *c == code), "{code}");
        }
    }
}
