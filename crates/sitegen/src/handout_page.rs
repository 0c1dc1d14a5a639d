//! The handout's words as a static page (`public/handout.<lang>.html`),
//! written natively from the story's data, for paper: every chapter, every
//! sentence with its truth label and its source named, the figures, the
//! technical detail, the analogies and the questions (each before its
//! answer: the answers, and the figures that would give them away, are
//! collected at the end), then the record's timeline, the glossary and the
//! sources. Nothing on it asks to be pressed: the one sentence written for
//! the screen (chapter 4's game) has a paper version, and the game prints
//! as the board it starts from. The chart of every service prints once a
//! chapter, at the chapter's last moment.
//!
//! The scenes' pictures are the app's and draw only in a browser: the page
//! leaves a placeholder for each (`data-race`, `data-cascade`), which the
//! app's `?view=handout` (`ui::handout`) fills after loading this page's
//! `<main>`. Opened alone, without JavaScript, the page reads and prints
//! with a note in place of each picture.

use crate::classroom::{
    Texts, chapter_label, claim_on_paper as claim, document, escape, kind_label, legends,
    mark_label, source_name, t, times_note,
};
use crate::teach::{quiz_with_answer, quizzes};
use dns_race_explainer::engine::cascade::Minute;
use dns_race_explainer::engine::race::census::census;
use dns_race_explainer::i18n::{Key, Lang};
use dns_race_explainer::story::chapters::{
    Beat, CHAPTERS, Idea, Position, RaceMoment, Scene, TERMS,
};
use dns_race_explainer::story::timeline::TIMELINE;
use dns_race_explainer::story::{Mark, NumberKind, Source, opening};
use dns_race_explainer::time::Clock;
use dns_race_explainer::ui::classroom::{Sheet, teach_file};
use dns_race_explainer::ui::format::grouped;
use dns_race_explainer::ui::handout::moment_code;
use dns_race_explainer::ui::model::{moment_index, race_run, story_game, world_after};
use dns_race_explainer::ui::pictures;
use dns_race_explainer::ui::race_scene::narrate;
use dns_race_explainer::ui::story::figure_text;

/// The handout's own words in `crates/sitegen/texts/teach.<lang>.json` (its title, print
/// button and link to the teacher's page are the app's: `handout.*` in the
/// app's locales).
pub const KEYS: [&str; 14] = [
    "handout.intro",
    "handout.legend",
    "handout.game_board",
    "handout.game_recheck_answer",
    "handout.chart_at",
    "handout.chart_night",
    "handout.how_print",
    "handout.detail",
    "handout.answer_at_end",
    "handout.answers",
    "handout.timeline",
    "handout.glossary",
    "handout.picture",
    "handout.with_pictures",
];

/// The story's sentences written for the screen, and the handout's words
/// for them on paper (the same mark and source). None at present: the
/// game's beats (3.8, 4.5) ask "which clerk moves next?", which a class can
/// answer on the printed board as well as on screen.
pub const ON_PAPER: [(Key, &str); 0] = [];

/// Whether a scene is the chart of every service (at a minute, or the
/// whole night beside the timeline).
fn is_chart(scene: Scene) -> bool {
    matches!(scene, Scene::Cascade(_) | Scene::Timeline(_))
}

/// The picture each beat of a chapter prints, if any: a scene when it
/// differs from the last one shown (chapter 5's stuck page is printed once
/// for its three beats), each state of chapters 6-7's chain; the chart of every service once, at the chapter's
/// last beat that shows it (the whole night if the chapter shows the
/// timeline, else the chart at that beat's minute: nothing after the
/// chapter's "now"); the game as the board it starts from.
pub fn pictures_of(beats: &[Beat]) -> Vec<Option<Scene>> {
    let last_chart = beats.iter().rposition(|b| b.scene.is_some_and(is_chart));
    let chart = last_chart.map(|at| {
        beats
            .iter()
            .filter_map(|b| b.scene)
            .find(|&s| matches!(s, Scene::Timeline(_)))
            .unwrap_or_else(|| beats[at].scene.expect("a chart"))
    });
    // Chapter 9's shop chart grows a bar a beat; paper prints it whole, once.
    let last_shop = beats
        .iter()
        .rposition(|b| matches!(b.scene, Some(Scene::Shop(_))));
    let mut last = None;
    beats
        .iter()
        .enumerate()
        .map(|(i, b)| match b.scene {
            Some(s) if is_chart(s) => (Some(i) == last_chart).then(|| chart.expect("a chart")),
            Some(s @ Scene::Shop(_)) => (Some(i) == last_shop).then_some(s),
            Some(
                s @ (Scene::Idea(_)
                | Scene::Race(_)
                | Scene::Chain(_)
                | Scene::Census
                | Scene::Days
                | Scene::Lesson(_)),
            ) => {
                let show = b.scene != last;
                last = Some(s);
                show.then_some(s)
            }
            Some(Scene::Game) => Some(Scene::Game),
            _ => None,
        })
        .collect()
}

/// The note a picture's place shows until the app draws it.
fn fallback(texts: &Texts) -> String {
    format!(
        "<p class=\"h-fallback\">{}</p>",
        texts.get("handout.picture")
    )
}

/// The race at a story moment: a place for the app's picture, the event in
/// words, and the label saying it is the model's.
fn race_picture(texts: &Texts, moment: RaceMoment) -> String {
    let lang = texts.lang;
    let index = moment_index(moment);
    let timed = race_run().events[index];
    let caption =
        Clock::default_for(lang).expand(&narrate(lang, &world_after(index), &timed.event));
    format!(
        "<figure class=\"scene race-scene h-picture\" data-scene=\"race\" aria-label=\"{label}\"><div class=\"h-place\" data-race=\"{code}\">{fallback}</div><figcaption><span class=\"event-line\">{caption}</span> {mark} {source} <small class=\"scene-note\">{note}</small></figcaption></figure>",
        label = t(lang, Key::SceneRaceLabel),
        code = moment_code(moment),
        fallback = fallback(texts),
        caption = escape(&caption),
        mark = mark_label(lang, Mark::Illustrative),
        source = source_name(lang, Source::Project),
        note = t(lang, Key::SceneModelNote),
    )
}

/// A quiet picture of one idea: a place for the app's drawing, and the
/// label saying its numbers are examples.
fn idea_picture(texts: &Texts, idea: Idea) -> String {
    let lang = texts.lang;
    let note = dns_race_explainer::ui::idea_scene::note_key(idea);
    format!(
        "<figure class=\"scene idea-scene h-picture\" data-scene=\"idea\"><div class=\"h-place\" data-idea=\"{code}\">{fallback}</div><figcaption>{mark} {source} <small class=\"scene-note\">{note}</small></figcaption></figure>",
        code = idea.code(),
        fallback = fallback(texts),
        mark = mark_label(lang, Mark::Illustrative),
        source = source_name(lang, Source::Project),
        note = t(lang, note),
    )
}

/// A place for the app's chart of every service at `minute` (`None`: the
/// whole night, without a cursor).
fn cascade_picture(texts: &Texts, minute: Option<Minute>) -> String {
    let note = match minute {
        Some(m) => texts.fill(
            "handout.chart_at",
            &[("time", &Clock::default_for(texts.lang).day_time(m))],
        ),
        None => texts.get("handout.chart_night"),
    };
    format!(
        "<div class=\"h-picture h-chart\" data-scene=\"cascade\"><p class=\"h-chart-note\">{note}</p><div class=\"h-place\" data-cascade=\"{}\" data-cursor=\"{}\">{}</div></div>",
        minute.unwrap_or(0),
        u8::from(minute.is_some()),
        fallback(texts)
    )
}

/// Chapter 3's game on paper: the board it starts from, and what it would
/// show on screen.
fn game_picture(texts: &Texts) -> String {
    let lang = texts.lang;
    format!(
        "<figure class=\"scene race-scene h-picture\" data-scene=\"game\" aria-label=\"{label}\"><div class=\"h-place\" data-game=\"start\">{fallback}</div><figcaption>{board} {mark} {source} <small class=\"scene-note\">{note}</small></figcaption></figure>",
        label = t(lang, Key::SceneRaceLabel),
        fallback = fallback(texts),
        board = texts.get("handout.game_board"),
        mark = mark_label(lang, Mark::Illustrative),
        source = source_name(lang, Source::Project),
        note = t(lang, Key::SceneModelNote),
    )
}

/// A still picture drawn in full on the handout.
fn still(svg: String) -> String {
    format!("<figure class=\"scene h-picture\">{svg}</figure>")
}

fn picture(texts: &Texts, scene: Scene) -> Option<String> {
    match scene {
        Scene::Idea(i) => Some(idea_picture(texts, i)),
        Scene::Race(m) => Some(race_picture(texts, m)),
        Scene::Cascade(m) => Some(cascade_picture(texts, Some(m))),
        // The chain at its beat's minute (the app finds the beat by it).
        Scene::Chain(b) => Some(format!(
            "<div class=\"h-picture\" data-scene=\"chain\"><div class=\"h-place\" data-chain=\"{}\">{}</div></div>",
            b.at,
            fallback(texts)
        )),
        Scene::Timeline(_) => Some(cascade_picture(texts, None)),
        // Chapters 5, 8 and 9's still pictures, drawn here as the app draws
        // them (chapter 9's whole chart: on paper the answers are printed).
        Scene::Census => Some(still(pictures::census_markup(texts.lang))),
        Scene::Days => Some(still(pictures::days_markup(texts.lang))),
        Scene::Lesson(l) => Some(still(pictures::lesson_markup(texts.lang, l))),
        Scene::Shop(c) => Some(still(pictures::shop_markup(
            Clock::default_for(texts.lang),
            c,
            false,
        ))),
        // The opening is words; the summary's links back into the app have
        // no use on paper.
        Scene::Opening | Scene::Revisit => None,
        // The game's board as it starts; the words say what it would do.
        Scene::Game => Some(game_picture(texts)),
        // The second round starts from the same board, printed once in
        // chapter 3; its words say what changes.
        Scene::GameRecheck => None,
    }
}

/// Chapter 1's opening, as the app shows it.
fn opening_words(lang: Lang) -> String {
    let saw: String = opening::SAW
        .iter()
        .map(|&k| format!("<li>{}</li>", t(lang, k)))
        .collect();
    let lead: Vec<String> = opening::LEAD_PARAGRAPH
        .into_iter()
        .map(|c| claim(lang, c))
        .collect();
    let rest: String = opening::AFTER
        .into_iter()
        .map(|c| format!("<p>{}</p>", claim(lang, c)))
        .collect();
    format!(
        "<p class=\"lead\">{}</p><p class=\"note\">{}</p><h3>{}</h3><ul class=\"saw\">{saw}</ul><p class=\"note\">{}</p>{rest}<p>{}</p>",
        lead.join(" "),
        claim(lang, opening::CLOCK),
        t(lang, Key::Ch1SawHeading),
        claim(lang, opening::SAW_NOTE),
        t(lang, opening::NEXT)
    )
}

/// One beat: its sentences, figure, technical detail, analogy and quiz,
/// and its picture when it differs from the one before.
fn beat(texts: &Texts, p: Position, b: &Beat, shown: Option<Scene>) -> String {
    let lang = texts.lang;
    let mut out = String::new();
    if b.scene == Some(Scene::Opening) {
        out.push_str(&opening_words(lang));
    }
    for &c in b.claims {
        let sentence = match ON_PAPER.iter().find(|(k, _)| *k == c.text) {
            Some(&(key, paper)) => format!(
                "<span data-key=\"{}\">{}</span> {} {}",
                key.name(),
                texts.get(paper),
                mark_label(lang, c.mark),
                source_name(lang, c.source)
            ),
            None => claim(lang, c),
        };
        out.push_str(&format!("<p>{sentence}</p>"));
    }
    // A figure that answers the beat's question is printed with the
    // answer, at the end (as the app shows it once the reader has chosen).
    if let Some((key, fig)) = b.figure.filter(|_| b.question.is_none()) {
        out.push_str(&format!(
            "<p class=\"figure\" data-key=\"{}\">{} {}</p>",
            key.name(),
            escape(&figure_text(Clock::default_for(lang), key, fig)),
            kind_label(lang, fig.kind())
        ));
    }
    if let Some(c) = b.engineer {
        out.push_str(&format!(
            "<p class=\"engineer-note\"><span class=\"detail-label\">{}</span> {}</p>",
            texts.get("handout.detail"),
            claim(lang, c)
        ));
    }
    if let Some(key) = b.analogy {
        out.push_str(&format!(
            "<aside class=\"analogy\"><p class=\"analogy-label\">{}</p><p><span data-key=\"{}\">{}</span> {} {}</p></aside>",
            t(lang, Key::NavAnalogy),
            key.name(),
            t(lang, key),
            mark_label(lang, Mark::Illustrative),
            source_name(lang, Source::Project)
        ));
    }
    // The game's second round asks whether any order still blanks the
    // page; on paper its answer waits at the end with the quizzes'.
    if b.scene == Some(Scene::GameRecheck) {
        out.push_str(&format!(
            "<p class=\"note\"><a href=\"#h-answers\">{}</a></p>",
            texts.get("handout.answer_at_end")
        ));
    }
    if let Some(q) = b.question {
        let choices: String = q
            .choices
            .iter()
            .map(|&k| format!("<li>{}</li>", t(lang, k)))
            .collect();
        out.push_str(&format!(
            "<div class=\"quiz h-quiz\" data-key=\"{}\"><p class=\"quiz-label\">{}</p><p class=\"quiz-prompt\">{}</p><ol class=\"h-choices\" type=\"A\">{choices}</ol><p class=\"note\"><a href=\"#h-answers\">{}</a></p></div>",
            q.prompt.name(),
            t(lang, Key::QuizLabel),
            t(lang, q.prompt),
            texts.get("handout.answer_at_end")
        ));
    }
    let pic = shown.and_then(|s| picture(texts, s));
    // The chart takes the page's width, after the beat's words.
    let class = match shown {
        Some(s) if is_chart(s) => "h-beat with-chart",
        Some(_) if pic.is_some() => "h-beat with-picture",
        _ => "h-beat",
    };
    format!(
        "<div class=\"{class}\" data-ch=\"{}\" data-beat=\"{}\">{out}{}</div>",
        p.chapter + 1,
        p.beat + 1,
        pic.unwrap_or_default()
    )
}

fn chapters(texts: &Texts) -> String {
    let lang = texts.lang;
    let mut out = String::new();
    for (c, chapter) in CHAPTERS.iter().enumerate() {
        let shown = pictures_of(chapter.beats);
        let beats: String = chapter
            .beats
            .iter()
            .enumerate()
            .map(|(b, bt)| {
                beat(
                    texts,
                    Position {
                        chapter: c,
                        beat: b,
                    },
                    bt,
                    shown[b],
                )
            })
            .collect();
        out.push_str(&format!(
            "<section class=\"h-chapter chapter\" id=\"h-ch{n}\" data-chapter=\"{n}\"><p class=\"kicker\">{kicker}</p><h2>{title}</h2>{beats}</section>",
            n = c + 1,
            kicker = chapter_label(lang, c),
            title = t(lang, chapter.title),
        ));
    }
    out
}

fn answers(texts: &Texts) -> String {
    let lang = texts.lang;
    let label = texts.get("teach.quiz_answer");
    let items: String = quizzes()
        .into_iter()
        .map(|(p, q)| {
            let figure = CHAPTERS[p.chapter].beats[p.beat]
                .figure
                .map(|(key, fig)| {
                    format!(
                        "<p class=\"figure\" data-key=\"{}\">{} {}</p>",
                        key.name(),
                        escape(&figure_text(Clock::default_for(lang), key, fig)),
                        kind_label(lang, fig.kind())
                    )
                })
                .unwrap_or_default();
            format!(
                "<li>{}{figure}</li>",
                quiz_with_answer(lang, p, q, &label, false)
            )
        })
        .collect::<String>()
        + &game_recheck_answer(texts);
    format!(
        "<section class=\"h-appendix\" id=\"h-answers\"><h2>{}</h2><ol class=\"quizzes\">{items}</ol></section>",
        texts.get("handout.answers")
    )
}

/// The answer to the game's second round (4.5), which a reader on paper
/// cannot play: with the re-check before writing, no order blanks the page.
/// The count is the model's, from the same census the app's game reports.
fn game_recheck_answer(texts: &Texts) -> String {
    let (config, fewest) = story_game(true);
    assert_eq!(fewest, 0, "the re-check round cannot be won");
    let counts = census(&config).expect("the story's game is valid").counts;
    assert_eq!(
        counts.empty() + counts.stale,
        0,
        "no ordering writes the old list"
    );
    format!(
        "<li data-key=\"game-recheck\"><p>{} {}</p></li>",
        texts.fill(
            "handout.game_recheck_answer",
            &[("orderings", &grouped(counts.orderings))]
        ),
        kind_label(texts.lang, NumberKind::Model)
    )
}

fn timeline(texts: &Texts) -> String {
    let lang = texts.lang;
    let clock = Clock::default_for(lang);
    let rows: String = TIMELINE
        .iter()
        .map(|e| {
            let aside = clock
                .record_aside(e.at)
                .map(|a| format!("<small class=\"tl-record\">{}</small>", escape(&a)))
                .unwrap_or_default();
            format!(
                "<li><span class=\"tl-when\"><span class=\"h-tl-time\">{}</span>{aside}</span> <span class=\"tl-text\">{}</span></li>",
                escape(&clock.day_time(e.at)),
                claim(lang, e.claim)
            )
        })
        .collect();
    format!(
        "<section class=\"h-appendix\" id=\"h-timeline\"><h2>{} {}</h2><p>{}</p><ol class=\"timeline h-timeline\">{rows}</ol></section>",
        texts.get("handout.timeline"),
        kind_label(lang, NumberKind::Record),
        times_note(lang),
    )
}

fn glossary(texts: &Texts) -> String {
    let lang = texts.lang;
    let items: String = TERMS
        .iter()
        .map(|term| {
            format!(
                "<div><dt data-key=\"{}\">{}</dt><dd>{}</dd></div>",
                term.name.name(),
                t(lang, term.name),
                t(lang, term.definition)
            )
        })
        .collect();
    format!(
        "<section class=\"h-appendix\" id=\"h-glossary\"><h2>{}</h2><dl class=\"glossary\">{items}</dl></section>",
        texts.get("handout.glossary")
    )
}

fn sources(lang: Lang) -> String {
    let items: String = Source::ALL
        .into_iter()
        .map(|s| {
            let url = s
                .url()
                .map(|u| {
                    format!(
                        "<br /><a class=\"url\" href=\"{u}\" rel=\"noopener noreferrer\">{u}</a>"
                    )
                })
                .unwrap_or_default();
            format!(
                "<li id=\"h-src-{}\"><strong>{}</strong><br />{}{url}</li>",
                s.id(),
                t(lang, s.title()),
                t(lang, s.about())
            )
        })
        .collect();
    format!(
        "<section class=\"h-appendix\" id=\"h-sources\"><h2>{}</h2><ul class=\"h-sources\">{items}</ul></section>",
        t(lang, Key::SrcTitle)
    )
}

/// The handout's `<main>` (`id="main"`): what the app's `?view=handout`
/// loads. It links nowhere but within itself and to the sources' own sites,
/// so it reads the same from `public/` and from the app's page.
pub fn main(texts: &Texts) -> String {
    let lang = texts.lang;
    let intro = format!(
        "<section class=\"h-intro\"><p>{}</p><p class=\"screen-only\">{}</p><p>{}</p>{}<p>{}</p></section>",
        texts.fill(
            "handout.intro",
            &[("chapters", &CHAPTERS.len().to_string())]
        ),
        texts.get("handout.how_print"),
        texts.get("handout.legend"),
        legends(lang),
        times_note(lang)
    );
    format!(
        "{intro}{}{}{}{}{}",
        chapters(texts),
        answers(texts),
        timeline(texts),
        glossary(texts),
        sources(lang)
    )
}

/// The handout in `texts.lang`, as a page of its own.
pub fn page(texts: &Texts) -> String {
    let lang = texts.lang;
    let other = lang.other();
    let nav = format!(
        "<a href=\"handout.{other_code}.html\" lang=\"{other_code}\" hreflang=\"{other_code}\">{other_name}</a> \
<a href=\"{app}\">{app_label}</a> \
<a href=\"{teach}\">{teach_label}</a> \
{worksheet} \
<button type=\"button\" class=\"print-button\" hidden>{print}</button>",
        other_code = other.code(),
        other_name = escape(lang.text(Key::LangSwitchTo).trim()),
        app = escape(&Sheet::Handout.href_from_public(lang)),
        app_label = texts.get("handout.with_pictures"),
        teach = teach_file(lang),
        teach_label = t(lang, Key::HandoutTeach),
        print = t(lang, Key::HandoutPrint),
        worksheet = crate::worksheet::links(lang),
    );
    let title = t(lang, Key::HandoutTitle);
    let footer = format!("<p>{}</p>", t(lang, Key::AppTitle));
    document(
        lang,
        "handout_page",
        &title,
        &t(lang, Key::AppSubtitle),
        &nav,
        &main(texts),
        &footer,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_chapter_prints_each_scene_once_in_a_row_and_one_chart_at_its_end() {
        let mut total = 0;
        for (c, chapter) in CHAPTERS.iter().enumerate() {
            let shown = pictures_of(chapter.beats);
            assert_eq!(shown.len(), chapter.beats.len());
            let mut distinct: Vec<Scene> = chapter
                .beats
                .iter()
                .filter_map(|b| b.scene)
                .filter(|s| {
                    matches!(
                        s,
                        Scene::Idea(_)
                            | Scene::Race(_)
                            | Scene::Chain(_)
                            | Scene::Census
                            | Scene::Days
                            | Scene::Lesson(_)
                            | Scene::Game
                    )
                })
                .collect();
            distinct.dedup();
            // The shop's chart, whole, once.
            let shop = chapter
                .beats
                .iter()
                .rposition(|b| matches!(b.scene, Some(Scene::Shop(_))));
            if let Some(at) = shop {
                distinct.push(chapter.beats[at].scene.unwrap());
                assert!(
                    shown[at].is_some()
                        && shown[..at]
                            .iter()
                            .flatten()
                            .all(|s| !matches!(s, Scene::Shop(_)))
                );
            }
            let charts = shown.iter().flatten().filter(|&&s| is_chart(s)).count();
            let has_chart = chapter.beats.iter().any(|b| b.scene.is_some_and(is_chart));
            assert_eq!(charts, usize::from(has_chart), "chapter {}", c + 1);
            if has_chart {
                // At the chapter's last beat with a chart, never earlier.
                let at = shown.iter().rposition(|s| s.is_some_and(is_chart)).unwrap();
                assert!(
                    chapter.beats[at + 1..]
                        .iter()
                        .all(|b| !b.scene.is_some_and(is_chart))
                );
            }
            let count = shown.iter().flatten().count() - charts;
            assert_eq!(count, distinct.len(), "chapter {}", c + 1);
            total += count + charts;
        }
        // Chapter 3's seven rules and its game each print their own picture.
        assert!(pictures_of(CHAPTERS[2].beats).iter().all(|s| s.is_some()));
        assert!(total >= 16, "{total}");
    }
}
