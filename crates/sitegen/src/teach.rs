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
use dns_race_explainer::routes::{Equipment, ROUTES, RouteId, SchoolTime, Stop, StopKind};
use dns_race_explainer::share::{Page, ViewState};
use dns_race_explainer::story::chapters::{CHAPTERS, Position, Question};

use crate::classroom::{
    Texts, app_href, beat_href, beat_label, claim, claim_on_paper, document, escape, legends, t,
    times_note,
};
use dns_race_explainer::ui::classroom::{Sheet, teach_file};

/// A lesson plan: its heading, its introduction and its route (the
/// route itself is the story crate's, [`dns_race_explainer::routes`], which
/// presenter mode's lesson mode follows too).
#[derive(Clone, Copy, Debug)]
pub struct Plan {
    /// Its id in the page (`#plan-45`).
    pub id: &'static str,
    pub route: RouteId,
    pub minutes: u32,
    pub heading: &'static str,
    pub intro: &'static str,
}

impl Plan {
    pub fn steps(&self) -> &'static [Stop] {
        self.route.route().stops
    }

    /// How many of the story's screens it shows.
    pub fn screens(&self) -> usize {
        self.route.route().screens().len()
    }

    /// How many experiments it runs in the lab.
    pub fn labs(&self) -> usize {
        self.steps()
            .iter()
            .filter(|s| matches!(s.kind, StopKind::Lab { .. }))
            .count()
    }

    /// Its length: the sum of its steps.
    pub fn total_minutes(&self) -> u32 {
        self.route.route().total_minutes()
    }
}

/// The two plans, shortest first.
pub static PLANS: [Plan; 2] = [
    Plan {
        id: "plan-15",
        route: RouteId::Short,
        minutes: 15,
        heading: "teach.plan15_heading",
        intro: "teach.plan15_intro",
    },
    Plan {
        id: "plan-45",
        route: RouteId::Full,
        minutes: 45,
        heading: "teach.plan45_heading",
        intro: "teach.plan45_intro",
    },
];

/// An experiment in the what-if lab: what it sets, and what to ask.
#[derive(Clone, Copy, Debug)]
pub struct Experiment {
    /// Its id in the page (`#lab-recheck`) and in [`StopKind::Lab`].
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

/// A teacher's text with the class's own time of the blank page filled in
/// (`{class_time}`), escaped.
pub fn get_with_class_time(texts: &Texts, key: &str) -> String {
    texts.get(key).replace("{class_time}", &class_time(texts))
}

/// When the page went blank, in the class's own time: printed for the
/// language's zone (Japan time, or US Pacific time), with what
/// `classtime.js` needs to say it in the reader's zone (`?tz=`) or the
/// device's: the phrase's pattern, the weekdays, the places and what
/// pupils were doing in each part of the day
/// ([`dns_race_explainer::routes::SchoolTime`]).
pub fn class_time(texts: &Texts) -> String {
    let lang = texts.lang;
    let zone = dns_race_explainer::time::ZoneChoice::default_for(lang);
    let offset = zone.resolve(0).offset_min();
    let place_key = format!("teach.class_place.{}", zone.code());
    let said = class_time_in(texts, offset, &texts.get(&place_key));
    let days: Vec<String> = (0..7)
        .map(|d| escape(lang.text(dns_race_explainer::routes::weekday_key(d))))
        .collect();
    let school: Vec<String> = SchoolTime::ALL
        .iter()
        .map(|t| texts.get(&format!("teach.school.{}", t.code())))
        .collect();
    let places: Vec<String> = ["jst", "pdt", "utc", "uk", "local"]
        .iter()
        .map(|z| format!("{z}={}", texts.get(&format!("teach.class_place.{z}"))))
        .collect();
    format!(
        "<span class=\"class-time\" data-utc-min=\"{utc}\" data-pattern=\"{pattern}\" data-days=\"{days}\" data-school=\"{school}\" data-places=\"{places}\">{said}</span>",
        utc = dns_race_explainer::routes::BLANK_UTC_MIN,
        pattern = texts
            .get("teach.class_time")
            .replace('{', "[")
            .replace('}', "]"),
        days = days.join("|"),
        school = school.join("|"),
        places = places.join("|"),
    )
}

/// The class-time phrase for a zone `offset_min` east of UTC, its place
/// named `place` (escaped).
pub fn class_time_in(texts: &Texts, offset_min: i32, place: &str) -> String {
    let (day, hour, minute, school) = dns_race_explainer::routes::blank_moment(offset_min);
    let pattern = texts.get("teach.class_time");
    pattern
        .replace("{time}", &format!("{hour:02}:{minute:02}"))
        .replace(
            "{day}",
            &escape(
                texts
                    .lang
                    .text(dns_race_explainer::routes::weekday_key(day)),
            ),
        )
        .replace("{place}", place)
        .replace(
            "{school}",
            &texts.get(&format!("teach.school.{}", school.code())),
        )
}

/// The presenter's links for a lesson: the class's screen and the speaker's
/// window, following the plan's route, times in the device's zone.
fn lesson_links(texts: &Texts, plan: &Plan) -> String {
    let presenter = ViewState {
        lang: texts.lang,
        present: true,
        lesson: Some(plan.route),
        zone: Some(dns_race_explainer::time::ZoneChoice::Local),
        ..ViewState::default()
    };
    let speaker = ViewState {
        speaker: true,
        ..presenter.clone()
    };
    format!(
        "<p class=\"lesson-links\"><a class=\"lab-link lesson-link\" id=\"present-{id}\" href=\"{p}\">{present}</a> <a class=\"lab-link lesson-link\" id=\"speaker-{id}\" href=\"{s}\">{speak}</a></p>",
        id = plan.id,
        p = escape(&app_href(&presenter)),
        s = escape(&app_href(&speaker)),
        present = texts.get("teach.lesson_present"),
        speak = texts.get("teach.lesson_speaker"),
    )
}

fn plan(texts: &Texts, plan: &Plan) -> String {
    let lang = texts.lang;
    let mut rows = String::new();
    let mut at = 0;
    for step in plan.steps() {
        let from = at;
        at += step.minutes;
        let when = texts.fill(
            "teach.minute_range",
            &[("from", &from.to_string()), ("to", &at.to_string())],
        );
        let (kind, what) = match step.kind {
            StopKind::Screen { .. } => {
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
            StopKind::Lab { experiment } => {
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
            // A talk over the story's last screen: the screen, then the
            // questions.
            StopKind::Discuss => {
                let p = step
                    .position()
                    .expect("a discussion is held over a beat of the story");
                (
                    "screen step-discuss",
                    format!(
                        "{} <a class=\"see-more\" href=\"#discuss\">{}</a>",
                        beat_link(lang, p),
                        texts.get("teach.discuss_step")
                    ),
                )
            }
        };
        let equipment = step.equipment();
        rows.push_str(&format!(
            "<tr class=\"step step-{kind}\"><td class=\"when\">{when}</td><td class=\"what\">{what}</td><td class=\"do\">{}</td><td class=\"equip equip-{}\">{}</td></tr>",
            get_with_class_time(texts, step.prompt),
            equipment.code(),
            texts.get(&format!("teach.equip.{}", equipment.code()))
        ));
    }
    format!(
        "<section class=\"plan\" id=\"{id}\" data-minutes=\"{minutes}\"><h2>{heading}</h2><p>{intro}</p>{links}\
<table class=\"route\"><thead><tr><th scope=\"col\">{c_when}</th><th scope=\"col\">{c_screen}</th><th scope=\"col\">{c_do}</th><th scope=\"col\">{c_equip}</th></tr></thead><tbody>{rows}</tbody></table></section>",
        id = plan.id,
        minutes = plan.minutes,
        heading = plan_heading(texts, plan),
        intro = texts.get(plan.intro),
        links = lesson_links(texts, plan),
        c_when = texts.get("teach.col_when"),
        c_screen = texts.get("teach.col_screen"),
        c_do = texts.get("teach.col_do"),
        c_equip = texts.get("teach.col_equip"),
    )
}

/// What pupils learn, and where the lesson sits in a computing and a
/// citizenship course (in general terms: no country's syllabus).
fn objectives(texts: &Texts) -> String {
    let list = |keys: &[&str]| -> String {
        keys.iter()
            .map(|k| format!("<li>{}</li>", texts.get(k)))
            .collect()
    };
    format!(
        "<section id=\"objectives\"><h2>{}</h2><p>{}</p><ol class=\"objectives\">{}</ol>\
<h3>{}</h3><p>{}</p><ul>{}</ul><h3>{}</h3><p>{}</p><ul>{}</ul></section>",
        texts.get("teach.objectives_heading"),
        texts.get("teach.objectives_intro"),
        list(&OBJECTIVES),
        texts.get("teach.fit_computing_heading"),
        texts.get("teach.fit_intro"),
        list(&FIT_COMPUTING),
        texts.get("teach.fit_citizenship_heading"),
        texts.get("teach.fit_citizenship_intro"),
        list(&FIT_CITIZENSHIP),
    )
}

const OBJECTIVES: [&str; 5] = [
    "teach.objective.dns",
    "teach.objective.race",
    "teach.objective.remembered",
    "teach.objective.spread",
    "teach.objective.sources",
];
const FIT_COMPUTING: [&str; 4] = [
    "teach.fit.networks",
    "teach.fit.concurrency",
    "teach.fit.systems",
    "teach.fit.testing",
];
const FIT_CITIZENSHIP: [&str; 3] = [
    "teach.fit.dependence",
    "teach.fit.accountability",
    "teach.fit.evidence",
];

/// What each kind of stop needs in the room, for both plans.
fn equipment(texts: &Texts) -> String {
    let items: String = [Equipment::Projector, Equipment::Devices, Equipment::Room]
        .iter()
        .map(|e| {
            format!(
                "<li><strong>{}</strong> {}</li>",
                texts.get(&format!("teach.equip.{}", e.code())),
                texts.get(&format!("teach.equip.{}_note", e.code()))
            )
        })
        .collect();
    format!(
        "<section id=\"equipment\"><h2>{}</h2><ul>{items}</ul></section>",
        texts.get("teach.equip_heading"),
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
                .map(|&q| format!("<li>{}</li>", get_with_class_time(texts, q)))
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
<a href=\"../?v={v}&amp;lang={code}\">{app}</a> \
<a id=\"to-handout\" href=\"{handout}\">{handout_label}</a> \
{worksheet} \
<button type=\"button\" class=\"print-button\" hidden>{print}</button>",
        other_file = teach_file(other),
        other_code = other.code(),
        other_name = escape(lang.text(Key::LangSwitchTo).trim()),
        v = dns_race_explainer::share::SCHEMA_VERSION,
        code = lang.code(),
        app = texts.get("teach.nav_app"),
        handout = escape(&Sheet::Handout.href_from_public(lang)),
        handout_label = texts.get("teach.nav_handout"),
        print = texts.get("teach.print"),
        worksheet = crate::worksheet::links(lang),
    );
    let mut sections = vec![
        ("how", texts.get("teach.how_heading")),
        ("objectives", texts.get("teach.objectives_heading")),
        ("equipment", texts.get("teach.equip_heading")),
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
            "teach.how_lesson",
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
        "<nav class=\"contents\" aria-labelledby=\"contents-heading\"><h2 id=\"contents-heading\">{}</h2><ol>{contents}</ol></nav>{how}{}{}{present}{plans}{}{}{}<script src=\"classtime.js\" defer></script>",
        texts.get("teach.contents"),
        objectives(texts),
        equipment(texts),
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
        "teach.how_lesson",
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
        "teach.col_equip",
        "teach.lesson_present",
        "teach.lesson_speaker",
        "teach.class_time",
        "teach.objectives_heading",
        "teach.objectives_intro",
        "teach.fit_computing_heading",
        "teach.fit_intro",
        "teach.fit_citizenship_heading",
        "teach.fit_citizenship_intro",
        "teach.equip_heading",
    ];
    keys.extend(LESSON_KEYS);
    keys.extend(OBJECTIVES);
    keys.extend(FIT_COMPUTING);
    keys.extend(FIT_CITIZENSHIP);
    for p in &PLANS {
        keys.extend([p.heading, p.intro]);
    }
    for r in &ROUTES {
        keys.extend(r.stops.iter().map(|s| s.prompt));
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

/// The keys that are written into the texts of lesson mode and computed
/// (the class's time, the equipment), besides the routes' prompts.
const LESSON_KEYS: [&str; 28] = [
    "teach.class_place.jst",
    "teach.class_place.pdt",
    "teach.class_place.utc",
    "teach.class_place.uk",
    "teach.class_place.local",
    "teach.school.night_before",
    "teach.school.asleep",
    "teach.school.getting_ready",
    "teach.school.in_lessons",
    "teach.school.after_school",
    "teach.school.evening",
    "teach.equip.projector",
    "teach.equip.devices",
    "teach.equip.room",
    "teach.equip.projector_note",
    "teach.equip.devices_note",
    "teach.equip.room_note",
    "teach.lesson.name_15",
    "teach.lesson.name_45",
    "teach.lesson.where",
    "teach.lesson.prompt",
    "teach.lesson.then",
    "teach.lesson.vote",
    "teach.lesson.vote_help",
    "teach.lesson.vote_total",
    "teach.lesson.class_vote",
    "teach.lesson.off_route",
    "teach.lesson.answer_first",
];

/// The texts lesson mode's speaker window reads (`public/lesson.<lang>.json`,
/// fetched only by presenters, so readers' wasm carries none of them): the
/// routes' prompts, the lab's titles, the class-time words and the speaker
/// window's own labels, as a flat JSON object. Time tokens stay as written
/// (the app shows them in the reader's zone); `{class_time}` is filled by
/// the app from the device's zone.
pub fn lesson_json(texts: &Texts) -> String {
    let mut keys: Vec<&str> = Vec::new();
    for r in &ROUTES {
        keys.extend(r.stops.iter().map(|s| s.prompt));
    }
    keys.extend(EXPERIMENTS.iter().map(|e| e.title));
    keys.extend(["teach.class_time", "teach.discuss_step"]);
    keys.extend(LESSON_KEYS);
    let mut seen = Vec::new();
    let mut out = String::from("{\n");
    for k in keys {
        if seen.contains(&k) {
            continue;
        }
        seen.push(k);
        let v = serde_json::to_string(texts.raw(k)).expect("a string");
        out.push_str(&format!("  \"{k}\": {v},\n"));
    }
    out.truncate(out.len() - 2);
    out.push_str("\n}\n");
    out
}
