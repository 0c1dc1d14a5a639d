//! The teacher's page (`public/teach.<lang>.html`): two lesson plans (15
//! and 45 minutes, each a route through the story's beats with a note for
//! the teacher at every stop), experiments in the what-if lab with links
//! that open them set up, every quiz with its answer (from the story's own
//! data), and discussion questions beyond the technology. Written natively
//! from this data and `crates/sitegen/texts/teach.<lang>.json` (see `crate::classroom`).
//!
//! The teacher's texts are instructions and questions; every fact the page
//! shows is one of the story's own sentences, with its truth label and
//! source.

use dns_race_explainer::controls::{DEPLOYMENT_FLAGS, KNOBS, Move, READERS, SWITCHES};
use dns_race_explainer::engine::cascade::CascadePreset;
use dns_race_explainer::engine::cascade::scenario::Placement;
use dns_race_explainer::i18n::{Key, Lang};
use dns_race_explainer::share::{Page, ViewState};
use dns_race_explainer::story::chapters::{CHAPTERS, Position, Question};

use crate::classroom::{
    Texts, app_href, beat_href, beat_label, claim, claim_on_paper, document, escape, legends, t,
    times_note,
};
use dns_race_explainer::ui::classroom::{Sheet, teach_file};

/// A stop on a lesson's route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Show a beat of the story: chapter and beat, 1-based as in links.
    Screen {
        chapter: usize,
        beat: usize,
        minutes: u32,
        note: &'static str,
    },
    /// Run an experiment in the what-if lab (its id in [`EXPERIMENTS`]).
    Lab {
        experiment: &'static str,
        minutes: u32,
        note: &'static str,
    },
    /// Talk it over, with the discussion questions.
    Discuss { minutes: u32, note: &'static str },
}

impl Step {
    pub const fn minutes(self) -> u32 {
        match self {
            Step::Screen { minutes, .. }
            | Step::Lab { minutes, .. }
            | Step::Discuss { minutes, .. } => minutes,
        }
    }

    pub const fn note(self) -> &'static str {
        match self {
            Step::Screen { note, .. } | Step::Lab { note, .. } | Step::Discuss { note, .. } => note,
        }
    }

    /// The beat a screen shows (0-based), checked to be in the story.
    pub fn position(self) -> Option<Position> {
        match self {
            Step::Screen { chapter, beat, .. } => {
                let p = Position::clamped(chapter.checked_sub(1)?, beat.checked_sub(1)?);
                (p.chapter + 1 == chapter && p.beat + 1 == beat).then_some(p)
            }
            _ => None,
        }
    }
}

/// A lesson plan: its heading, its introduction and its route.
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Its id in the page (`#plan-45`).
    pub id: &'static str,
    pub minutes: u32,
    pub heading: &'static str,
    pub intro: &'static str,
    pub steps: &'static [Step],
}

impl Plan {
    /// How many of the story's screens it shows.
    pub fn screens(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| matches!(s, Step::Screen { .. }))
            .count()
    }

    /// How many experiments it runs in the lab.
    pub fn labs(&self) -> usize {
        self.steps
            .iter()
            .filter(|s| matches!(s, Step::Lab { .. }))
            .count()
    }

    /// Its length: the sum of its steps.
    pub fn total_minutes(&self) -> u32 {
        self.steps.iter().map(|s| s.minutes()).sum()
    }
}

const fn screen(chapter: usize, beat: usize, minutes: u32, note: &'static str) -> Step {
    Step::Screen {
        chapter,
        beat,
        minutes,
        note,
    }
}

/// The two plans, shortest first.
pub static PLANS: [Plan; 2] = [
    Plan {
        id: "plan-15",
        minutes: 15,
        heading: "teach.plan15_heading",
        intro: "teach.plan15_intro",
        steps: &[
            screen(1, 1, 3, "teach.stop.c1b1"),
            screen(2, 1, 2, "teach.short.c2b1"),
            screen(4, 4, 3, "teach.short.c4b4"),
            screen(5, 1, 2, "teach.short.c5b1"),
            screen(6, 1, 2, "teach.stop.c6b1"),
            screen(10, 1, 1, "teach.short.c10b1"),
            Step::Discuss {
                minutes: 2,
                note: "teach.short.discuss",
            },
        ],
    },
    Plan {
        id: "plan-45",
        minutes: 45,
        heading: "teach.plan45_heading",
        intro: "teach.plan45_intro",
        steps: &[
            screen(1, 1, 3, "teach.stop.c1b1"),
            screen(2, 1, 2, "teach.stop.c2b1"),
            screen(2, 3, 2, "teach.stop.c2b3"),
            screen(3, 2, 2, "teach.stop.c3b2"),
            screen(3, 5, 2, "teach.stop.c3b5"),
            screen(3, 7, 2, "teach.stop.c3b7"),
            screen(4, 1, 2, "teach.stop.c4b1"),
            screen(4, 4, 3, "teach.stop.c4b4"),
            screen(5, 1, 2, "teach.stop.c5b1"),
            screen(5, 4, 2, "teach.stop.c5b4"),
            Step::Lab {
                experiment: "recheck",
                minutes: 4,
                note: "teach.stop.lab_recheck",
            },
            screen(6, 1, 2, "teach.stop.c6b1"),
            screen(6, 3, 3, "teach.stop.c6b3"),
            screen(7, 2, 2, "teach.stop.c7b2"),
            Step::Lab {
                experiment: "shop",
                minutes: 3,
                note: "teach.stop.lab_shop",
            },
            screen(10, 1, 2, "teach.stop.c10b1"),
            Step::Discuss {
                minutes: 7,
                note: "teach.stop.discuss",
            },
        ],
    },
];

/// An experiment in the what-if lab: what it sets, and what to ask.
#[derive(Clone, Copy, Debug)]
pub struct Experiment {
    /// Its id in the page (`#lab-recheck`) and in [`Step::Lab`].
    pub id: &'static str,
    pub title: &'static str,
    pub note: &'static str,
    /// The names of what it sets, as the lab labels them.
    pub settings: &'static [Key],
    /// The lab's own moves that set it up.
    pub setup: fn() -> Vec<Move>,
}

fn switch(id: &str) -> Move {
    let sw = SWITCHES
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no switch {id}"));
    Move::Switch(sw, true)
}

fn knob(key: &str, value: impl Fn(u32) -> u32) -> Move {
    let k = KNOBS
        .iter()
        .find(|k| k.key == key)
        .unwrap_or_else(|| panic!("no knob {key}"));
    Move::Knob(k, value((k.get)(&ViewState::default())))
}

fn shop(placement: Placement, flag: &str) -> Vec<Move> {
    let reader = READERS
        .iter()
        .find(|r| r.code == "shop")
        .expect("the shop is one of the readers");
    let flag = DEPLOYMENT_FLAGS
        .iter()
        .find(|f| f.code == flag)
        .unwrap_or_else(|| panic!("no flag {flag}"));
    vec![
        Move::Placement(reader, placement),
        Move::DeploymentFlag(reader, flag, true),
    ]
}

/// Every experiment the page offers, in the order of the story.
pub static EXPERIMENTS: [Experiment; 5] = [
    Experiment {
        id: "game",
        title: "teach.lab.game",
        note: "teach.lab.game_note",
        // The lab as it opens: the game is part of it.
        settings: &[],
        setup: Vec::new,
    },
    Experiment {
        id: "recheck",
        title: "teach.lab.recheck",
        note: "teach.lab.recheck_note",
        settings: &[Key::PlayFixRecheck],
        setup: || vec![switch("fix-recheck")],
    },
    Experiment {
        id: "dns",
        title: "teach.lab.dns",
        note: "teach.lab.dns_note",
        settings: &[Key::PcDnsAt],
        setup: || vec![knob("dns", |now| now - 60)],
    },
    Experiment {
        id: "fixes",
        title: "teach.lab.fixes",
        note: "teach.lab.fixes_note",
        settings: &[Key::PcPresetFixes],
        setup: || vec![Move::CascadePreset(CascadePreset::WithAwsFixes)],
    },
    Experiment {
        id: "shop",
        title: "teach.lab.shop",
        note: "teach.lab.shop_note",
        settings: &[Key::PcShop, Key::PcPlaceRegion, Key::PcMonitoring],
        setup: || shop(Placement::MultiRegion, "monitoring"),
    },
];

impl Experiment {
    /// The lab in `lang`, set up for this experiment.
    pub fn state(&self, lang: Lang) -> ViewState {
        let mut s = ViewState {
            lang,
            page: Page::Playground,
            ..ViewState::default()
        };
        for m in (self.setup)() {
            m.apply(&mut s);
        }
        s
    }

    pub fn find(id: &str) -> &'static Experiment {
        EXPERIMENTS
            .iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("no experiment {id}"))
    }
}

/// A theme to discuss beyond the technology, its questions, and the beats
/// whose sentences give the facts to start from (1-based).
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub id: &'static str,
    pub title: &'static str,
    pub questions: &'static [&'static str],
    pub related: &'static [(usize, usize)],
}

pub static THEMES: [Theme; 3] = [
    Theme {
        id: "one-region",
        title: "teach.d1.title",
        questions: &["teach.d1.q1", "teach.d1.q2", "teach.d1.q3"],
        related: &[(1, 1), (9, 6)],
    },
    Theme {
        id: "few-providers",
        title: "teach.d2.title",
        questions: &["teach.d2.q1", "teach.d2.q2", "teach.d2.q3"],
        related: &[(2, 3), (8, 3)],
    },
    Theme {
        id: "who-was-hurt",
        title: "teach.d3.title",
        questions: &["teach.d3.q1", "teach.d3.q2", "teach.d3.q3"],
        related: &[(1, 1), (9, 3)],
    },
];

/// Every quiz of the story, where it is asked.
pub fn quizzes() -> Vec<(Position, Question)> {
    let mut out = Vec::new();
    for (c, chapter) in CHAPTERS.iter().enumerate() {
        for (b, beat) in chapter.beats.iter().enumerate() {
            if let Some(q) = beat.question {
                out.push((
                    Position {
                        chapter: c,
                        beat: b,
                    },
                    q,
                ));
            }
        }
    }
    out
}

/// A link to a beat, labelled with where it is and the chapter's title.
fn beat_link(lang: Lang, p: Position) -> String {
    format!(
        "<a class=\"beat-link\" href=\"{}\" data-ch=\"{}\" data-beat=\"{}\">{}</a> <span class=\"beat-chapter\">{}</span>",
        escape(&beat_href(lang, p)),
        p.chapter + 1,
        p.beat + 1,
        beat_label(lang, p),
        t(lang, CHAPTERS[p.chapter].title)
    )
}

/// What a beat says first: its first sentence with its label, or the
/// opening's lead for chapter 1.
fn first_claim(lang: Lang, p: Position) -> String {
    let beat = p.beat();
    let c = beat
        .claims
        .first()
        .copied()
        .unwrap_or(dns_race_explainer::story::opening::LEAD);
    claim(lang, c)
}

/// A plan's heading, with how many screens and experiments it has.
fn plan_heading(texts: &Texts, plan: &Plan) -> String {
    texts.fill(
        plan.heading,
        &[
            ("screens", &plan.screens().to_string()),
            ("labs", &plan.labs().to_string()),
        ],
    )
}

fn plan(texts: &Texts, plan: &Plan) -> String {
    let lang = texts.lang;
    let mut rows = String::new();
    let mut at = 0;
    for step in plan.steps {
        let from = at;
        at += step.minutes();
        let when = texts.fill(
            "teach.minute_range",
            &[("from", &from.to_string()), ("to", &at.to_string())],
        );
        let (kind, what) = match *step {
            Step::Screen { .. } => {
                let p = step
                    .position()
                    .expect("a route's screens are beats of the story");
                (
                    "screen",
                    format!(
                        "{}<p class=\"says\"><span class=\"says-label\">{}</span> {}</p>",
                        beat_link(lang, p),
                        texts.get("teach.says"),
                        first_claim(lang, p)
                    ),
                )
            }
            Step::Lab { experiment, .. } => {
                let e = Experiment::find(experiment);
                (
                    "lab",
                    format!(
                        "<a class=\"lab-link\" href=\"{}\">{}</a> <a class=\"see-more\" href=\"#lab-{}\">{}</a>",
                        escape(&app_href(&e.state(lang))),
                        texts.get(e.title),
                        e.id,
                        texts.get("teach.see_below")
                    ),
                )
            }
            Step::Discuss { .. } => (
                "discuss",
                format!(
                    "<a class=\"see-more\" href=\"#discuss\">{}</a>",
                    texts.get("teach.discuss_step")
                ),
            ),
        };
        rows.push_str(&format!(
            "<tr class=\"step step-{kind}\"><td class=\"when\">{when}</td><td class=\"what\">{what}</td><td class=\"do\">{}</td></tr>",
            texts.get(step.note())
        ));
    }
    format!(
        "<section class=\"plan\" id=\"{id}\" data-minutes=\"{minutes}\"><h2>{heading}</h2><p>{intro}</p>\
<table class=\"route\"><thead><tr><th scope=\"col\">{c_when}</th><th scope=\"col\">{c_screen}</th><th scope=\"col\">{c_do}</th></tr></thead><tbody>{rows}</tbody></table></section>",
        id = plan.id,
        minutes = plan.minutes,
        heading = plan_heading(texts, plan),
        intro = texts.get(plan.intro),
        c_when = texts.get("teach.col_when"),
        c_screen = texts.get("teach.col_screen"),
        c_do = texts.get("teach.col_do"),
    )
}

fn experiments(texts: &Texts) -> String {
    let lang = texts.lang;
    let items: String = EXPERIMENTS
        .iter()
        .map(|e| {
            let settings: Vec<String> = e.settings.iter().map(|&k| t(lang, k)).collect();
            let settings = if settings.is_empty() {
                String::new()
            } else {
                format!(
                    "<p class=\"settings\"><span class=\"settings-label\">{}</span> {}</p>",
                    texts.get("teach.lab_settings"),
                    settings.join(" / ")
                )
            };
            format!(
                "<li class=\"experiment\" id=\"lab-{id}\"><h3>{title}</h3>{settings}<p>{note}</p><p><a class=\"lab-link\" href=\"{href}\">{open}</a></p></li>",
                id = e.id,
                title = texts.get(e.title),
                note = texts.get(e.note),
                href = escape(&app_href(&e.state(lang))),
                open = texts.get("teach.lab_link"),
            )
        })
        .collect();
    format!(
        "<section id=\"lab\"><h2>{}</h2><p>{}</p><ol class=\"experiments\">{items}</ol></section>",
        texts.get("teach.lab_heading"),
        texts.get("teach.lab_intro")
    )
}

/// A quiz with its answer: where it is asked, the question, every choice
/// with the right one marked, and the story's own explanation.
/// On paper (`linked` false) where it is asked is named, not linked.
pub fn quiz_with_answer(
    lang: Lang,
    p: Position,
    q: Question,
    answer_label: &str,
    linked: bool,
) -> String {
    let choices: String = q
        .choices
        .iter()
        .enumerate()
        .map(|(i, &k)| {
            if i == q.answer {
                format!(
                    "<li class=\"right\" data-key=\"{}\"><strong>✓ {}</strong> <span class=\"answer-label\">{answer_label}</span></li>",
                    k.name(),
                    t(lang, k)
                )
            } else {
                format!("<li data-key=\"{}\">{}</li>", k.name(), t(lang, k))
            }
        })
        .collect();
    format!(
        "<div class=\"quiz-answer\" data-key=\"{prompt_key}\"><p class=\"where\">{where_}</p><p class=\"quiz-prompt\">{prompt}</p><ol class=\"choices\" type=\"A\">{choices}</ol><p class=\"reveal\">{reveal}</p></div>",
        prompt_key = q.prompt.name(),
        where_ = if linked {
            beat_link(lang, p)
        } else {
            format!(
                "<span class=\"beat-link\" data-ch=\"{}\" data-beat=\"{}\">{}</span> <span class=\"beat-chapter\">{}</span>",
                p.chapter + 1,
                p.beat + 1,
                beat_label(lang, p),
                t(lang, CHAPTERS[p.chapter].title)
            )
        },
        prompt = t(lang, q.prompt),
        reveal = q
            .reveal
            .iter()
            .map(|&c| if linked {
                claim(lang, c)
            } else {
                claim_on_paper(lang, c)
            })
            .collect::<Vec<_>>()
            .join(" "),
    )
}

fn quiz_key(texts: &Texts) -> String {
    let lang = texts.lang;
    let list = quizzes();
    let items: String = list
        .iter()
        .map(|&(p, q)| {
            format!(
                "<li>{}</li>",
                quiz_with_answer(lang, p, q, &texts.get("teach.quiz_answer"), true)
            )
        })
        .collect();
    format!(
        "<section id=\"quiz\"><h2>{}</h2><p>{}</p><ol class=\"quizzes\">{items}</ol></section>",
        texts.get("teach.quiz_heading"),
        texts.fill("teach.quiz_intro", &[("count", &list.len().to_string())])
    )
}

fn discussion(texts: &Texts) -> String {
    let lang = texts.lang;
    let themes: String = THEMES
        .iter()
        .map(|th| {
            let questions: String = th
                .questions
                .iter()
                .map(|&q| format!("<li>{}</li>", texts.get(q)))
                .collect();
            let related: String = th
                .related
                .iter()
                .map(|&(c, b)| {
                    let p = Position::clamped(c - 1, b - 1);
                    format!(
                        "<li>{}<p class=\"says\">{}</p></li>",
                        beat_link(lang, p),
                        first_claim_all(lang, p)
                    )
                })
                .collect();
            format!(
                "<section class=\"theme\" id=\"discuss-{id}\"><h3>{title}</h3><ol class=\"questions\">{questions}</ol><h4>{rel}</h4><ul class=\"related\">{related}</ul></section>",
                id = th.id,
                title = texts.get(th.title),
                rel = texts.get("teach.related"),
            )
        })
        .collect();
    format!(
        "<section id=\"discuss\"><h2>{}</h2><p>{}</p>{themes}</section>",
        texts.get("teach.discuss_heading"),
        texts.get("teach.discuss_intro")
    )
}

/// Every sentence of a beat with its label (the related beats of a theme
/// are the facts to start from).
fn first_claim_all(lang: Lang, p: Position) -> String {
    let beat = p.beat();
    if beat.claims.is_empty() {
        return first_claim(lang, p);
    }
    beat.claims
        .iter()
        .map(|&c| claim(lang, c))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The teacher's page in `texts.lang`.
pub fn page(texts: &Texts) -> String {
    let lang = texts.lang;
    let other = lang.other();
    let nav = format!(
        "<a href=\"{other_file}\" lang=\"{other_code}\" hreflang=\"{other_code}\">{other_name}</a> \
<a href=\"../?v=2&amp;lang={code}\">{app}</a> \
<a id=\"to-handout\" href=\"{handout}\">{handout_label}</a> \
{worksheet} \
<button type=\"button\" class=\"print-button\" hidden>{print}</button>",
        other_file = teach_file(other),
        other_code = other.code(),
        other_name = escape(lang.text(Key::LangSwitchTo).trim()),
        code = lang.code(),
        app = texts.get("teach.nav_app"),
        handout = escape(&Sheet::Handout.href_from_public(lang)),
        handout_label = texts.get("teach.nav_handout"),
        print = texts.get("teach.print"),
        worksheet = crate::worksheet::links(lang),
    );
    let mut sections = vec![
        ("how", texts.get("teach.how_heading")),
        ("present", texts.get("teach.present_heading")),
    ];
    sections.extend(PLANS.iter().map(|p| (p.id, plan_heading(texts, p))));
    sections.extend([
        ("lab", texts.get("teach.lab_heading")),
        ("quiz", texts.get("teach.quiz_heading")),
        ("discuss", texts.get("teach.discuss_heading")),
    ]);
    let contents: String = sections
        .iter()
        .map(|(id, heading)| format!("<li><a href=\"#{id}\">{heading}</a></li>"))
        .collect();
    let how = format!(
        "<section id=\"how\"><h2>{}</h2><ul>{}</ul></section>",
        texts.get("teach.how_heading"),
        [
            "teach.how_choose",
            "teach.how_project",
            "teach.how_labels",
            "teach.how_handout"
        ]
        .iter()
        .map(|k| format!("<li>{}</li>", texts.get(k)))
        .collect::<String>()
    );
    let keys: String = [
        "teach.present_next",
        "teach.present_prev",
        "teach.present_quiz",
        "teach.present_blank",
        "teach.present_full",
    ]
    .iter()
    .map(|k| format!("<li>{}</li>", texts.get(k)))
    .collect();
    let presenter = ViewState {
        lang,
        present: true,
        ..ViewState::default()
    };
    let speaker = ViewState {
        speaker: true,
        ..presenter.clone()
    };
    let present = format!(
        "<section id=\"present\"><h2>{}</h2><p>{}</p><p><a id=\"start-presenting\" class=\"lab-link\" href=\"{}\">{}</a></p><p>{} <a id=\"start-speaker\" class=\"lab-link\" href=\"{}\">{}</a></p><ul class=\"keys\">{keys}</ul></section>",
        texts.get("teach.present_heading"),
        texts.get("teach.present_intro"),
        escape(&app_href(&presenter)),
        texts.get("teach.present_link"),
        texts.get("teach.speaker_intro"),
        escape(&app_href(&speaker)),
        texts.get("teach.speaker_link"),
    );
    let plans: String = PLANS.iter().map(|p| plan(texts, p)).collect();
    let main = format!(
        "<nav class=\"contents\" aria-labelledby=\"contents-heading\"><h2 id=\"contents-heading\">{}</h2><ol>{contents}</ol></nav>{how}{present}{plans}{}{}{}",
        texts.get("teach.contents"),
        experiments(texts),
        quiz_key(texts),
        discussion(texts),
    );
    let footer = format!(
        "<p>{}</p>{}<p>{}</p>",
        texts.get("teach.footer_facts"),
        legends(lang),
        times_note(lang)
    );
    document(
        lang,
        "teach",
        &texts.get("teach.title"),
        &texts.get("teach.subtitle"),
        &nav,
        &main,
        &footer,
    )
}

/// Every key of the teacher's texts the page uses (the tests check that
/// the locale files hold exactly these, and [`crate::handout_page::KEYS`]).
pub fn keys() -> Vec<&'static str> {
    let mut keys = vec![
        "teach.title",
        "teach.subtitle",
        "teach.nav_app",
        "teach.nav_handout",
        "teach.print",
        "teach.contents",
        "teach.how_heading",
        "teach.how_choose",
        "teach.how_project",
        "teach.how_labels",
        "teach.how_handout",
        "teach.present_heading",
        "teach.present_intro",
        "teach.present_link",
        "teach.speaker_intro",
        "teach.speaker_link",
        "teach.present_next",
        "teach.present_prev",
        "teach.present_quiz",
        "teach.present_blank",
        "teach.present_full",
        "teach.minute_range",
        "teach.col_when",
        "teach.col_screen",
        "teach.col_do",
        "teach.says",
        "teach.see_below",
        "teach.discuss_step",
        "teach.lab_heading",
        "teach.lab_intro",
        "teach.lab_settings",
        "teach.lab_link",
        "teach.quiz_heading",
        "teach.quiz_intro",
        "teach.quiz_answer",
        "teach.discuss_heading",
        "teach.discuss_intro",
        "teach.related",
        "teach.footer_facts",
    ];
    for p in &PLANS {
        keys.extend([p.heading, p.intro]);
        keys.extend(p.steps.iter().map(|s| s.note()));
    }
    for e in &EXPERIMENTS {
        keys.extend([e.title, e.note]);
    }
    for th in &THEMES {
        keys.push(th.title);
        keys.extend(th.questions.iter().copied());
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}
