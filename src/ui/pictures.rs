//! Pictures for the beats that had only words: chapter 1's hook, chapter 5's
//! counts (the census as a grid, the estimate as a strip of made-up delays),
//! chapter 8's lessons (earlier pictures with their fixes applied), chapter
//! 9's chart of the reader's shop, and chapter 10's thumbnails. Each is SVG
//! markup, a pure function of (language, clock, scene), so the printed page
//! and the app draw the same picture; motion is CSS only.

use std::fmt::Write as _;

use leptos::prelude::*;

use super::clock::clock;
use super::format::{duration, grouped};
use super::idea_scene::Svg;
use super::kind::KindBadge;
use super::mark::MarkBadge;
use super::model::{STORY_ESTIMATE, race_census, shop_impact, shop_minutes, story_estimate_p};
use super::text::wrap;
use crate::engine::cascade::clock::at;
use crate::engine::cascade::{Minute, Service, Severity};
use crate::i18n::{Key, Lang, msg, one_decimal};
use crate::story::chapters::{Lesson, SHOP_ORDER, ShopChoice};
use crate::story::static_page::escape;
use crate::story::timeline::TIMELINE;
use crate::story::{Mark, NumberKind, Source};
use crate::time::{Clock, hour_ticks};

/// The name whose page the pictures show (as in chapters 2 and 3).
const PAGE_NAME: &str = "dynamodb.us-east-1";
/// The page's example addresses (documentation addresses, RFC 5737).
const ADDRESSES: [&str; 2] = ["192.0.2.10", "192.0.2.11 …"];

/// The arrowhead the office pictures use (`idea-svg` styles it).
const HEAD: &str = "<defs><marker id=\"idea-head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" \
markerWidth=\"10\" markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">\
<path d=\"M0 0 L10 5 L0 10 z\"/></marker></defs>";

/// A whole picture: 360 wide, its words for screen readers, what was drawn.
fn finish(class: &str, alt: &str, height: i32, body: &str) -> String {
    format!(
        "<svg viewBox=\"0 0 360 {height}\" role=\"img\" aria-label=\"{}\" class=\"pic-svg {class}\">{body}</svg>",
        escape(alt)
    )
}

/// A bar (square corners) from `x` to `x + w`.
fn bar(out: &mut String, class: &str, x: f64, y: i32, w: f64, h: i32) {
    let _ = write!(
        out,
        "<rect class=\"{class}\" x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"{h}\"/>"
    );
}

// ---------------------------------------------------------------- chapter 1

/// The record's first time: errors begin (23:48 PDT).
const FIRST_ERRORS: Minute = at(19, 23, 48);
/// AWS's status page first said "investigating" (the record's timeline).
const STATUS_INVESTIGATING: Minute = at(20, 0, 11);
/// The shop's own alarm in chapter 9's picture: an example, not a record.
const ALARM_EXAMPLE_MIN: Minute = 3;

/// Chapter 1's hook: DynamoDB's page going blank and four kinds of app
/// going grey, under the record's first time on the reader's clock.
pub fn hook_markup(clock: Clock) -> String {
    let lang = clock.lang;
    let t = |k| lang.text(k);
    let (day_time, zone) = (clock.day_time(FIRST_ERRORS), clock.short_name());
    let time = match lang {
        Lang::Ja => format!("{day_time}（{zone}）"),
        Lang::En => format!("{day_time} ({zone})"),
    };
    let mut svg = Svg(String::new());
    svg.text(8, 18, "b", &time);
    svg.open("book blank");
    svg.rect("sheet", 6, 28, 156, 68);
    svg.text(14, 46, "", PAGE_NAME);
    svg.open("addr");
    svg.text(14, 66, "", ADDRESSES[0]);
    svg.text(14, 84, "", ADDRESSES[1]);
    svg.close();
    svg.text(14, 76, "warn blank-word", t(Key::IdeaZero));
    svg.close();
    svg.arrow("broken", (164, 62), (176, 62));
    for (i, key) in [Key::HookShop, Key::HookApp, Key::HookOffice, Key::HookWeb]
        .into_iter()
        .enumerate()
    {
        let (col, row) = ((i % 2) as i32, (i / 2) as i32);
        let (x, y) = (182 + 88 * col, 28 + 36 * row);
        svg.open(&format!("app app-{i}"));
        svg.rect("", x, y, 82, 30);
        svg.centred(x + 36, y + 20, "", t(key));
        svg.text(x + 66, y + 20, "warn cross", "✗");
        svg.close();
    }
    let alt = lang.message(&msg::HookAlt { time: &time });
    finish("hook-svg idea-svg", &alt, 104, &svg.0)
}

/// The hook, small, above the opening's words.
#[component]
pub fn Hook(lang: Signal<Lang>) -> impl IntoView {
    view! {
        <figure class="scene hook-scene">
            <div class="pic" inner_html=move || hook_markup(clock(lang.get()))></div>
        </figure>
    }
}

// ---------------------------------------------------------------- chapter 5

/// A row of cells as one dashed line: `count` cells (a fraction of the
/// last is drawn as that fraction of its width), `cols` a row.
fn cell_rows(count: f64, cols: u32, pitch: f64, cell: f64, x0: f64, y0: f64) -> String {
    let mut d = String::new();
    let mut left = count;
    let mut row = 0;
    while left > 0.0 {
        let here = left.min(f64::from(cols));
        let full = here.floor();
        let len = full * pitch + (here - full) * cell;
        let y = y0 + f64::from(row) * pitch + cell / 2.0;
        let _ = write!(d, "M{x0:.1} {y:.1}h{len:.2}");
        left -= here;
        row += 1;
    }
    d
}

/// The census's share of orders that blank the page, in per cent.
fn census_share() -> f64 {
    let c = &race_census().counts;
    c.empty() as f64 * 100.0 / c.orderings as f64
}

/// Chapter 5's census: one square per 100 orders, the blanking ones lit
/// and gathered first; the last square of each is drawn in proportion.
pub fn census_markup(lang: Lang) -> String {
    let c = &race_census().counts;
    let (orderings, empty) = (c.orderings, c.empty());
    assert!(
        empty <= orderings && orderings > 0,
        "a census counts orders"
    );
    let share = one_decimal(census_share());
    let (cols, pitch, cell) = (25u32, 13.0, 11.0);
    let x0 = (360.0 - f64::from(cols) * pitch + 2.0) / 2.0;
    let all = orderings as f64 / 100.0;
    let lit = empty as f64 / 100.0;
    let rows = (all / f64::from(cols)).ceil() as i32;
    let (orderings_s, empty_s) = (grouped(orderings), grouped(empty));
    // The legend beside the swatch, in as many lines as it needs.
    let legend = wrap(
        &lang.message(&msg::CountsLitBlank {
            orderings: &orderings_s,
            empty: &empty_s,
            share: &share,
        }),
        (360.0 - 2.0 * x0) as i32 - 18,
    );
    let top = 50 + 17 * (legend.len() as i32 - 1);
    let mut out = String::new();
    let dash = format!("stroke-width=\"{cell}\" stroke-dasharray=\"{cell} 2\"");
    let _ = write!(
        out,
        "<path class=\"cells\" {dash} d=\"{}\"/><path class=\"cells lit\" {dash} d=\"{}\"/>",
        cell_rows(all, cols, pitch, cell, x0, f64::from(top)),
        cell_rows(lit, cols, pitch, cell, x0, f64::from(top))
    );
    let mut svg = Svg(out);
    svg.text(x0 as i32, 18, "b", lang.text(Key::CountsCell));
    svg.rect("swatch lit", x0 as i32, 27, 12, 12);
    for (i, line) in legend.iter().enumerate() {
        svg.text(x0 as i32 + 18, 38 + 17 * i as i32, "", line);
    }
    let alt = lang.message(&msg::CountsCensusAlt {
        orderings: &orderings_s,
        empty: &empty_s,
        share: &share,
    });
    finish(
        "counts-svg census-svg",
        &alt,
        top + rows * pitch as i32 + 6,
        &svg.0,
    )
}

/// Which of the story's made-up delays blanked the page: the trials of the
/// estimate (`model::STORY_ESTIMATE`) that end with an empty record, in
/// order. Kept here rather than recomputed in every reader's page;
/// `the_lit_days_are_the_engines` runs the trials natively.
pub const BLANK_DAYS: [u16; STORY_ESTIMATE.0 as usize] = [
    12, 142, 145, 190, 400, 411, 544, 659, 706, 787, 828, 849, 926, 970, 987, 1006, 1029, 1033,
    1118, 1194, 1382, 1402, 1482, 1528, 1615, 1634, 1673, 1772, 1884, 1914,
];

/// Chapter 5's estimate: every made-up delay a square, those that blanked
/// the page lit where they fell, under two bars that set the estimate's
/// share beside the census's.
pub fn days_markup(lang: Lang) -> String {
    let (blank, trials) = STORY_ESTIMATE;
    let (cols, pitch) = (64u32, 5.3);
    let cell = 4.3;
    let x0 = (360.0 - f64::from(cols) * pitch + 1.0) / 2.0;
    let (percent, share) = (
        one_decimal(story_estimate_p() * 100.0),
        one_decimal(census_share()),
    );
    let mut svg = Svg(String::new());
    // The two shares on one scale.
    let width = 340.0;
    for (i, (text, p)) in [
        (
            lang.message(&msg::CountsBarCensus { share: &share }),
            census_share() / 100.0,
        ),
        (
            lang.message(&msg::CountsBarDays { percent: &percent }),
            story_estimate_p(),
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let y = 18 + 36 * i as i32;
        svg.text(10, y, "b", &text);
        bar(&mut svg.0, "share-bg", 10.0, y + 5, width, 10);
        bar(
            &mut svg.0,
            "share lit",
            10.0,
            y + 5,
            (width * p).max(2.0),
            10,
        );
    }
    let top = 96;
    svg.text(
        10,
        top - 8,
        "",
        &lang.message(&msg::CountsDaysLegend {
            trials: &grouped(u64::from(trials)),
        }),
    );
    let dash = format!("stroke-width=\"{cell}\" stroke-dasharray=\"{cell} 1\"");
    let _ = write!(
        svg.0,
        "<path class=\"cells\" {dash} d=\"{}\"/>",
        cell_rows(f64::from(trials), cols, pitch, cell, x0, f64::from(top))
    );
    svg.open("days-lit");
    for &d in &BLANK_DAYS {
        let (r, c) = (u32::from(d) / cols, u32::from(d) % cols);
        let x = x0 + f64::from(c) * pitch - 0.6;
        let y = f64::from(top) + f64::from(r) * pitch - 0.6;
        bar(&mut svg.0, "day lit", x, y as i32, cell + 1.2, 5);
    }
    svg.close();
    let rows = trials.div_ceil(cols) as i32;
    let alt = lang.message(&msg::CountsDaysAlt {
        trials: &grouped(u64::from(trials)),
        blank: &blank.to_string(),
        percent: &percent,
        share: &share,
    });
    finish(
        "counts-svg days-svg",
        &alt,
        top + (f64::from(rows as u32) * pitch) as i32 + 8,
        &svg.0,
    )
}

/// Chapter 5's counts as pictures, marked as the model's.
#[component]
pub fn CountsScene(days: bool, lang: Signal<Lang>) -> impl IntoView {
    let note = if days {
        Key::CountsDaysNote
    } else {
        Key::CountsCensusNote
    };
    view! {
        <figure class="scene counts-scene" data-scene=if days { "days" } else { "census" }>
            <div class="pic" inner_html=move || if days { days_markup(lang.get()) } else { census_markup(lang.get()) }></div>
            <figcaption>
                <KindBadge kind=NumberKind::Model lang=lang />
                <small class="scene-note">{move || lang.get().text(note)}</small>
            </figcaption>
        </figure>
    }
}

// ---------------------------------------------------------------- chapter 8

/// The lesson's words for screen readers.
pub fn lesson_alt(lesson: Lesson) -> Key {
    match lesson {
        Lesson::Recheck => Key::LessonAltRecheck,
        Lesson::Fallback => Key::LessonAltFallback,
        Lesson::Guard => Key::LessonAltGuard,
        Lesson::Alarms => Key::LessonAltAlarms,
        Lesson::Promises => Key::LessonAltPromises,
    }
}

/// Its code in the page (`data-lesson`).
pub const fn lesson_code(lesson: Lesson) -> &'static str {
    match lesson {
        Lesson::Recheck => "recheck",
        Lesson::Fallback => "fallback",
        Lesson::Guard => "guard",
        Lesson::Alarms => "alarms",
        Lesson::Promises => "promises",
    }
}

/// A chapter 8 lesson: the earlier picture in chapter 3's drawn language,
/// with its fix applied.
pub fn lesson_markup(lang: Lang, lesson: Lesson) -> String {
    let t = |k| lang.text(k);
    let mut svg = Svg(String::from(HEAD));
    let height = match lesson {
        // The one check of chapter 3, made again just before writing: A's
        // old list is refused, the page keeps the newer one.
        Lesson::Recheck => {
            svg.open("clerk slow");
            svg.circle(30, 40, 16);
            svg.centred(30, 45, "clerk-letter", "A");
            svg.close();
            svg.centred(30, 74, "", &lang.message(&msg::SceneClerk { who: "A" }));
            svg.open("sheet-held");
            svg.rect("", 50, 30, 60, 22);
            svg.centred(80, 46, "", &lang.message(&msg::IdeaSheet { plan: "103" }));
            svg.close();
            svg.arrow("flow", (110, 41), (122, 41));
            svg.open("check focus");
            svg.rect("", 124, 6, 230, 72);
            svg.text(132, 26, "b", t(Key::LessonRecheck));
            svg.text(
                132,
                46,
                "",
                &lang.message(&msg::LessonOlder {
                    old: "103",
                    new: "114",
                }),
            );
            svg.text(132, 68, "warn", t(Key::LessonRefused));
            svg.close();
            svg.arrow("broken", (240, 80), (240, 100));
            svg.open("page");
            svg.rect("", 6, 104, 348, 78);
            svg.text(14, 122, "b", PAGE_NAME);
            for (i, p) in (112..=114u32).enumerate() {
                let x = 150 + 64 * i as i32;
                svg.open(if p == 114 { "chip in-use" } else { "chip" });
                svg.rect("", x, 150, 56, 20);
                svg.centred(x + 28, 165, "", &format!("#{p}"));
                svg.close();
            }
            svg.ending(
                346,
                140,
                "b",
                &lang.message(&msg::SceneInUse { plan: "114" }),
            );
            svg.close();
            188
        }
        // A part fails (the page is blank): the shop takes a simpler way
        // round and stays open, slower; the remembered blank still warns.
        Lesson::Fallback => {
            svg.open("asker");
            svg.rect("", 6, 14, 112, 44);
            svg.centred(62, 41, "b", t(Key::LessonShop));
            svg.close();
            svg.text(8, 80, "b focus-text", t(Key::LessonStillOpen));
            svg.open("book blank");
            svg.rect("sheet", 196, 6, 158, 56);
            svg.text(204, 26, "", PAGE_NAME);
            svg.text(204, 50, "warn", t(Key::IdeaZero));
            svg.close();
            svg.arrow("broken", (120, 28), (192, 28));
            svg.open("flow focus");
            svg.path("detour", "M118 48 H170 V80");
            svg.arrow("", (170, 78), (170, 90));
            svg.close();
            svg.open("dynamodb focus");
            svg.rect("", 100, 92, 254, 40);
            svg.text(108, 117, "b", t(Key::LessonDetour));
            svg.close();
            svg.open("memo");
            let lines = wrap(t(Key::LessonMemoWarn), 330);
            let tall = 14 + 17 * lines.len() as i32;
            svg.rect("", 6, 144, 348, tall);
            svg.wrapped((14, 161), "w", t(Key::LessonMemoWarn), 330, 17);
            svg.close();
            150 + tall
        }
        // Everything stands on the one page; a guard refuses to write it
        // blank, so its addresses stay.
        Lesson::Guard => {
            let stack = [
                t(Key::LessonStackShop),
                "Lambda",
                t(Key::IdeaLoadBalancers),
                "EC2",
                "DynamoDB",
            ];
            for (i, name) in stack.into_iter().enumerate() {
                let y = 6 + 28 * i as i32;
                svg.open("asker");
                svg.rect("", 60, y, 240, 24);
                svg.centred(180, y + 17, "", name);
                svg.close();
            }
            svg.open("page");
            svg.rect("", 6, 148, 348, 48);
            svg.text(14, 166, "b", PAGE_NAME);
            svg.text(14, 186, "", &ADDRESSES.join("   "));
            svg.close();
            svg.open("check focus");
            svg.rect("", 6, 204, 348, 30);
            svg.text(14, 224, "b", &format!("✓ {}", t(Key::LessonGuard)));
            svg.ending(346, 224, "struck", t(Key::IdeaZero));
            svg.close();
            240
        }
        // Minutes after the first errors: the shop's own alarm (an
        // example: within minutes) long before AWS's status page said
        // "investigating" (the record: 23 minutes).
        Lesson::Alarms => {
            let status_min = STATUS_INVESTIGATING - FIRST_ERRORS;
            let span = 30;
            let (left, right) = (24, 336);
            let x = |m: Minute| left + (m.min(span) * (right - left) as Minute / span) as i32;
            let axis_y = 88;
            svg.text(8, 18, "b", t(Key::LessonAlarmAxis));
            svg.path("axis", &format!("M{left} {axis_y} H{right}"));
            for m in (0..=span).step_by(10) {
                let tx = x(m);
                svg.path("tick", &format!("M{tx} {} V{}", axis_y - 4, axis_y + 4));
                svg.centred(
                    tx,
                    axis_y + 20,
                    "soft",
                    &lang.message(&msg::LessonAlarmMinutes {
                        minutes: &m.to_string(),
                    }),
                );
            }
            // AWS's status page and the first errors, from the record, each
            // on its own line above the axis.
            let status_x = x(status_min);
            svg.open("status");
            svg.ending(status_x + 20, 42, "b", t(Key::LessonAlarmStatus));
            svg.path("leader", &format!("M{status_x} 47 V{}", axis_y - 6));
            svg.rect("", status_x - 6, axis_y - 6, 12, 12);
            svg.text(x(0) - 6, 64, "b", t(Key::LessonAlarmFirst));
            svg.path("leader", &format!("M{} 69 V{}", x(0), axis_y - 6));
            svg.circle(x(0), axis_y, 6);
            svg.close();
            // The shop's own alarm: an example, drawn dashed, under the axis.
            let alarm_x = x(ALARM_EXAMPLE_MIN);
            svg.open("alarm focus");
            svg.path(
                "leader dashed",
                &format!("M{alarm_x} {} V{}", axis_y + 6, axis_y + 30),
            );
            svg.circle(alarm_x, axis_y, 6);
            let last = svg.wrapped(
                (alarm_x - 6, axis_y + 46),
                "b",
                t(Key::LessonAlarmYours),
                300,
                17,
            );
            svg.close();
            last + 10
        }
        // What AWS did (solid) and what it promised (dashed: promises).
        Lesson::Promises => {
            svg.text(8, 18, "b", &format!("✓ {}", t(Key::LessonDone)));
            for (i, key) in [Key::LessonDoneOff, Key::LessonDoneFixed]
                .into_iter()
                .enumerate()
            {
                let y = 26 + 28 * i as i32;
                svg.open("deed");
                svg.rect("", 6, y, 348, 24);
                svg.text(14, y + 17, "", t(key));
                svg.close();
            }
            svg.text(8, 102, "b", &format!("○ {}", t(Key::LessonPromised)));
            for (i, key) in [
                Key::LessonPGuard,
                Key::LessonPLimit,
                Key::LessonPTest,
                Key::LessonPQueue,
            ]
            .into_iter()
            .enumerate()
            {
                let y = 110 + 28 * i as i32;
                svg.open("promise");
                svg.rect("", 6, y, 348, 24);
                svg.text(14, y + 17, "", t(key));
                svg.close();
            }
            222
        }
    };
    finish("lesson-svg idea-svg", t(lesson_alt(lesson)), height, &svg.0)
}

/// A chapter 8 lesson's picture; its numbers are examples.
#[component]
pub fn LessonScene(lesson: Lesson, lang: Signal<Lang>) -> impl IntoView {
    let (mark, source) = match lesson {
        Lesson::Promises => (Mark::Documented, Source::PesRemedies),
        _ => (Mark::Illustrative, Source::Project),
    };
    view! {
        <figure class="scene lesson-scene" data-lesson=lesson_code(lesson)>
            <div class="pic" inner_html=move || lesson_markup(lang.get(), lesson)></div>
            <figcaption><MarkBadge mark=mark source=source lang=lang /></figcaption>
        </figure>
    }
}

// ---------------------------------------------------------------- chapter 9

/// The chart's clock: 19 Oct 23:40 PDT (minute 0) to 900 minutes later.
const AXIS_MIN: Minute = 900;
const X0: f64 = 8.0;
const AXIS_W: f64 = 344.0;

fn x_of(m: Minute) -> f64 {
    X0 + f64::from(m.min(AXIS_MIN)) * AXIS_W / f64::from(AXIS_MIN)
}

/// A record window the shop depends on: its name, start, end and the
/// weaker of its two ends' marks (from the record's timeline).
struct RecordWindow {
    name: Key,
    start: Minute,
    end: Minute,
    mark: Mark,
}

fn record_windows() -> [RecordWindow; 2] {
    let entry = |key: Key| {
        TIMELINE
            .iter()
            .find(|e| e.claim.text == key)
            .expect("the record's timeline has it")
    };
    let weaker = |a: Mark, b: Mark| {
        let rank = |m: Mark| Mark::ALL.iter().position(|&x| x == m).unwrap_or(0);
        if rank(a) >= rank(b) { a } else { b }
    };
    let window = |name, from: Key, to: Key| {
        let (a, b) = (entry(from), entry(to));
        RecordWindow {
            name,
            start: a.at,
            end: b.at,
            mark: weaker(a.claim.mark, b.claim.mark),
        }
    };
    [
        window(Key::ShopDdb, Key::TlRace, Key::TlDdbEnd),
        window(Key::ShopNlb, Key::TlNlbErrors, Key::TlNlbOn),
    ]
}

/// A way of running the shop, as the chart's row names it.
pub fn shop_name(choice: ShopChoice) -> Key {
    match choice {
        ShopChoice::UsEast1 => Key::ShopUsEast1,
        ShopChoice::Fallback => Key::ShopFallback,
        ShopChoice::MultiRegion => Key::ShopMultiRegion,
        ShopChoice::Unmonitored => Key::ShopUnmonitored,
        ShopChoice::MultiCloud => Key::ShopMultiCloud,
        ShopChoice::Resilient => Key::ShopResilient,
    }
}

/// The shop's stretches of trouble, each with its severity (the cascade
/// engine's, the same run as [`shop_minutes`]).
pub fn shop_stretches(choice: ShopChoice) -> Vec<(Severity, Minute, Minute)> {
    shop_impact(choice)
        .by_severity()
        .into_iter()
        .filter(|&(s, ..)| s == Service::Shop)
        .map(|(_, sev, a, b)| (sev, a, b))
        .collect()
}

/// Minutes of the shop's trouble inside `start..end`.
fn shop_minutes_within(choice: ShopChoice, start: Minute, end: Minute) -> u32 {
    shop_stretches(choice)
        .into_iter()
        .map(|(_, a, b)| b.min(end).saturating_sub(a.max(start)))
        .sum()
}

/// Why the shop only in us-east-1 is affected for less than the record's
/// whole event: its minutes within each record window, from the engine.
pub fn shop_why(clock: Clock) -> String {
    let lang = clock.lang;
    let [_, nlb] = record_windows();
    let (affected, _) = shop_minutes(ShopChoice::UsEast1);
    let d = |m| duration(lang, m);
    // The shop follows each window a minute late (its calls' lag): its
    // trouble before the load balancers' began is DynamoDB's.
    lang.message(&msg::ShopWhy {
        affected: &d(affected),
        ddb: &d(shop_minutes_within(ShopChoice::UsEast1, 0, nlb.start)),
        nlb: &d(shop_minutes_within(
            ShopChoice::UsEast1,
            nlb.start,
            AXIS_MIN,
        )),
        nlb_record: &d(nlb.end - nlb.start),
    })
}

/// The rows chapter 9 shows at the beat of `upto`.
fn rows_upto(upto: ShopChoice) -> &'static [ShopChoice] {
    let n = SHOP_ORDER
        .iter()
        .position(|&c| c == upto)
        .expect("every choice is in the order");
    &SHOP_ORDER[..=n]
}

/// One record window's row in chapter 9's chart, and its bar's height.
const REC_ROW: i32 = 40;
const REC_BAR: i32 = 20;

/// Chapter 9's chart: above, the record's windows the shop depends on;
/// below, the shop's bars up to `upto`, each where its trouble falls on the
/// night's clock. With `pending`, the last row is the question's answer:
/// drawn hidden behind a "?" row until the reader has chosen (CSS shows it
/// once the answer is in the page or unfolded), and left out of the words
/// for screen readers.
pub fn shop_markup(clock: Clock, upto: ShopChoice, pending: bool) -> String {
    let lang = clock.lang;
    let t = |k| lang.text(k);
    let rows = rows_upto(upto);
    let windows = record_windows();
    let mut svg = Svg(String::new());
    let mut record_alt = Vec::new();
    let zone = clock.zone.short_name(lang);
    svg.text(
        8,
        18,
        "b",
        &lang.message(&msg::ShopRecordHeading { zone: &zone }),
    );
    svg.ending(352, 18, "soft", t(NumberKind::Record.label()));
    for (i, w) in windows.iter().enumerate() {
        let y = 38 + REC_ROW * i as i32;
        let length = duration(lang, w.end - w.start);
        let span = format!("{}–{}", clock.hhmm(w.start), clock.hhmm(w.end));
        let (a, b) = (x_of(w.start), x_of(w.end));
        svg.text(8, y, "b", t(w.name));
        svg.ending(352, y, "", &length);
        // Tall enough for the words written in it.
        bar(&mut svg.0, "rec", a, y + 6, b - a, REC_BAR);
        // The times and the mark beside the bar, or in it when it is long.
        let beside = format!("{span} · {}", t(w.mark.label()));
        if b - a > 190.0 {
            svg.text(a as i32 + 6, y + 21, "in-bar", &beside);
        } else {
            svg.text(b as i32 + 5, y + 21, "soft", &beside);
        }
        record_alt.push(lang.message(&msg::ShopAltRecord {
            name: t(w.name),
            span: &span,
            length: &length,
            mark: t(w.mark.label()),
        }));
    }
    let top = 38 + REC_ROW * windows.len() as i32 + 4;
    svg.text(8, top, "b", t(Key::ShopModelHeading));
    svg.ending(352, top, "soft", t(NumberKind::Model.label()));
    bar(&mut svg.0, "deg", 8.0, top + 8, 12.0, 10);
    svg.text(24, top + 18, "", t(Key::ShopLegendDegraded));
    let legend_x = if lang == Lang::Ja { 160 } else { 190 };
    bar(&mut svg.0, "down", f64::from(legend_x), top + 8, 12.0, 10);
    svg.text(legend_x + 16, top + 18, "", t(Key::ShopLegendDown));
    let first = top + 40;
    let mut row_alt = Vec::new();
    for (i, &choice) in rows.iter().enumerate() {
        let y = first + 30 * i as i32;
        let answer = pending && i + 1 == rows.len();
        let (affected, down) = shop_minutes(choice);
        let (affected_s, down_s) = (duration(lang, affected), duration(lang, down));
        if answer {
            svg.open("shop-pending");
            svg.text(8, y, "b", t(Key::ShopPending));
            svg.rect("pending-box", 8, y + 4, 344, 14);
            svg.close();
        } else {
            row_alt.push(if down == 0 {
                lang.message(&msg::ShopAltRowUp {
                    name: t(shop_name(choice)),
                    affected: &affected_s,
                })
            } else {
                lang.message(&msg::ShopAltRow {
                    name: t(shop_name(choice)),
                    affected: &affected_s,
                    down_time: &down_s,
                })
            });
        }
        let class = if answer {
            "shop-row shop-answer"
        } else {
            "shop-row"
        };
        let _ = write!(
            svg.0,
            "<g class=\"{class}\" data-choice=\"{}\" data-affected=\"{affected}\" data-down=\"{down}\">",
            shop_code(choice)
        );
        svg.text(8, y, "b", t(shop_name(choice)));
        svg.ending(
            352,
            y,
            "",
            &lang.message(&msg::ShopRowFigures {
                affected: &affected_s,
                down_time: &down_s,
            }),
        );
        bar(&mut svg.0, "track", X0, y + 5, AXIS_W, 12);
        for (sev, a, b) in shop_stretches(choice) {
            let class = match sev {
                Severity::Down => "down",
                Severity::Degraded => "deg",
            };
            let (xa, xb) = (x_of(a), x_of(b));
            bar(&mut svg.0, class, xa, y + 5, (xb - xa).max(2.5), 12);
        }
        svg.close();
    }
    let axis = first + 30 * rows.len() as i32 - 10;
    // The record's windows carried down through the shop's rows: across
    // the bars, stopping short of every line of words between them.
    let mut words: Vec<(i32, i32)> = (0..windows.len() as i32)
        .map(|i| (38 + REC_ROW * i - 13, 38 + REC_ROW * i + 4))
        .collect();
    words.extend([(top - 13, top + 4), (top + 5, top + 21)]);
    words.extend((0..rows.len() as i32).map(|i| (first + 30 * i - 13, first + 30 * i + 4)));
    let mut guides = String::new();
    for (i, w) in windows.iter().enumerate() {
        for m in [w.start, w.end] {
            let x = x_of(m);
            let mut from = 38 + REC_ROW * i as i32 + 6 + REC_BAR;
            for &(a, b) in &words {
                if a > from {
                    let _ = write!(guides, "M{x:.1} {from}V{a}");
                }
                from = from.max(b);
            }
            if axis > from {
                let _ = write!(guides, "M{x:.1} {from}V{axis}");
            }
        }
    }
    // Under everything else: the words are drawn over the guides.
    svg.0
        .insert_str(0, &format!("<path class=\"guide\" d=\"{guides}\"/>"));
    let mut ticks = String::new();
    for (m, wall) in hour_ticks(clock.zone, AXIS_MIN, 3) {
        let x = x_of(m);
        // No label cut by the picture's edge.
        if !(24.0..=336.0).contains(&x) {
            continue;
        }
        let _ = write!(ticks, "M{x:.1} {axis}v5");
        svg.centred(x as i32, axis + 18, "soft", &wall.hhmm());
    }
    let _ = write!(
        svg.0,
        "<path class=\"axis\" d=\"M{X0} {axis}h{AXIS_W}{ticks}\"/>"
    );
    let sep = if lang == Lang::Ja { "、" } else { "; " };
    let alt = lang.message(&msg::ShopAlt {
        zone: &zone,
        record: &record_alt.join(sep),
        rows: &row_alt.join(sep),
    });
    finish("shop-svg", &alt, axis + 24, &svg.0)
}

/// A way of running the shop, in the page (`data-choice`).
pub const fn shop_code(choice: ShopChoice) -> &'static str {
    match choice {
        ShopChoice::UsEast1 => "us-east-1",
        ShopChoice::Fallback => "fallback",
        ShopChoice::MultiRegion => "multi-region",
        ShopChoice::Unmonitored => "unmonitored",
        ShopChoice::MultiCloud => "multi-cloud",
        ShopChoice::Resilient => "resilient",
    }
}

/// Chapter 9's chart with the sentence that ties it to the record.
#[component]
pub fn ShopScene(upto: ShopChoice, pending: bool, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <figure class="scene shop-scene" data-upto=shop_code(upto)>
            <div class="pic" inner_html=move || shop_markup(clock(lang.get()), upto, pending)></div>
            <figcaption>
                <KindBadge kind=NumberKind::Model lang=lang />
                <span class="shop-why">{move || shop_why(clock(lang.get()))}</span>
                <MarkBadge mark=Mark::Illustrative source=Source::Project lang=lang />
            </figcaption>
        </figure>
    }
}

// --------------------------------------------------------------- chapter 10

/// A small picture of where a summary link leads (chapter, beat; 1-based):
/// the scene's own drawing, its words left to the link.
pub fn thumbnail(lang: Lang, chapter: usize, beat: usize) -> String {
    let svg = match (chapter, beat) {
        (4, _) => super::idea_scene::markup(lang, crate::story::chapters::Idea::OneCheck),
        (5, _) => census_markup(lang),
        (7, _) => shop_markup(Clock::default_for(lang), ShopChoice::UsEast1, false),
        _ => shop_markup(Clock::default_for(lang), ShopChoice::Resilient, false),
    };
    // A thumbnail says nothing of its own: the link's words do.
    svg.replacen(" role=\"img\"", " aria-hidden=\"true\"", 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::race::Preset;
    use crate::engine::race::estimate::{EstimateConfig, trial_empties, trial_scenario};

    #[test]
    fn the_lit_days_are_the_engines() {
        let s = Preset::AsItHappened.scenario();
        let cfg = EstimateConfig::for_reader(&s);
        assert_eq!(cfg.trials, STORY_ESTIMATE.1);
        let lit: Vec<u16> = (0..cfg.trials)
            .filter(|&i| trial_empties(&trial_scenario(&s, cfg.seed, i)))
            .map(|i| i as u16)
            .collect();
        assert_eq!(lit, BLANK_DAYS, "update BLANK_DAYS");
    }

    #[test]
    fn the_shop_s_bars_add_up_to_its_figures() {
        for choice in SHOP_ORDER {
            let (affected, down) = shop_minutes(choice);
            let stretches = shop_stretches(choice);
            let sum: u32 = stretches.iter().map(|&(_, a, b)| b - a).sum();
            let down_sum: u32 = stretches
                .iter()
                .filter(|s| s.0 == Severity::Down)
                .map(|&(_, a, b)| b - a)
                .sum();
            assert_eq!((sum, down_sum), (affected, down), "{choice:?}");
            assert!(
                stretches.iter().all(|&(_, _, b)| b <= AXIS_MIN),
                "{choice:?} on the axis"
            );
        }
        // The shop only in us-east-1: its trouble falls inside the record's
        // windows it depends on, and adds up to its figure.
        let [ddb, nlb] = record_windows();
        let (affected, _) = shop_minutes(ShopChoice::UsEast1);
        let us = ShopChoice::UsEast1;
        let (during_ddb, during_nlb) = (
            shop_minutes_within(us, 0, nlb.start),
            shop_minutes_within(us, nlb.start, AXIS_MIN),
        );
        assert_eq!(during_ddb + during_nlb, affected);
        // Within a minute of the record's windows (the shop's calls lag).
        assert_eq!(shop_minutes_within(us, ddb.start, ddb.end + 1), during_ddb);
        assert!(during_ddb.abs_diff(ddb.end - ddb.start) <= 1);
        assert_eq!(shop_minutes_within(us, nlb.start, nlb.end + 1), during_nlb);
        assert_eq!((ddb.start, ddb.end), (at(19, 23, 48), at(20, 2, 40)));
        assert_eq!((nlb.start, nlb.end), (at(20, 5, 30), at(20, 14, 9)));
    }

    #[test]
    fn the_pending_answer_is_not_in_the_words_before_the_choice() {
        for lang in [Lang::Ja, Lang::En] {
            let c = Clock::default_for(lang);
            let name = escape(lang.text(Key::ShopMultiRegion));
            let svg = shop_markup(c, ShopChoice::MultiRegion, true);
            let alt = svg
                .split("aria-label=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap();
            assert!(!alt.contains(&name), "{alt}");
            assert!(svg.contains("shop-answer") && svg.contains("shop-pending"));
            let after = shop_markup(c, ShopChoice::Unmonitored, false);
            let alt = after.split("aria-label=\"").nth(1).unwrap();
            assert!(alt.contains(&name));
            assert!(!after.contains("shop-pending"));
        }
    }

    #[test]
    fn every_picture_is_whole_markup() {
        for lang in [Lang::Ja, Lang::En] {
            let c = Clock::default_for(lang);
            let mut all = vec![hook_markup(c), census_markup(lang), days_markup(lang)];
            for l in [
                Lesson::Recheck,
                Lesson::Fallback,
                Lesson::Guard,
                Lesson::Alarms,
                Lesson::Promises,
            ] {
                all.push(lesson_markup(lang, l));
            }
            for choice in SHOP_ORDER {
                all.push(shop_markup(c, choice, false));
            }
            for svg in all {
                assert_eq!(
                    svg.matches("<g ").count(),
                    svg.matches("</g>").count(),
                    "{svg}"
                );
                assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
                assert!(!svg.contains('{'), "a placeholder left: {svg}");
            }
        }
    }
}
