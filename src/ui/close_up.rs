//! The race up close (chapters 4 and 5): the regional page drawn in chapter
//! 3's language (lists as sheets, the "in use" and back-up arrows as
//! arrows), clerks A and B with the list each holds, and a time strip
//! counted from A's one check. A pure view of (world before, world after,
//! language): what changed between the two is drawn as motion in CSS, so it
//! plays in the printed page as in the app, and with reduced motion the
//! picture is its end state at once.

use crate::engine::race::model::{EndpointId, Phase, World};
use crate::engine::race::{EnactorId, RaceEvent};
use crate::i18n::{Key, Lang, msg, seconds_from_ms};
use crate::story::static_page::escape;

use super::idea_scene::Svg;
use super::model::{race_moments, race_run};
use super::race_scene::{CHIP_STEP, CHIP_W, ChipPicture, GAP_WIDTH, row};
use super::text::text_width;

/// Picture width, and where the regional page starts.
const WIDTH: i32 = 360;
const PAGE_TOP: i32 = 98;
/// The row of lists inside the page, from its top.
const ROW_Y: i32 = 44;
/// One swing step of an arrow in the style sheet (`.k1` … `.k15`).
const SWING_UNIT_PX: i32 = 22;
const SWING_UNITS_MAX: i32 = 15;
/// The time strip spans this long after A's check.
const STRIP_SPAN_MS: u64 = 66_000;
const STRIP_LEFT: i32 = 20;
const STRIP_RIGHT: i32 = 340;

/// What moved between the two worlds, on the regional page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Change {
    /// The in-use arrow came from this far right (px; negative: left).
    pub in_use_from_px: i32,
    /// The back-up arrow likewise.
    pub back_up_from_px: i32,
    /// Lists newly on the page.
    pub arrived: Vec<u32>,
    /// Lists thrown away that the row still draws (as outlines).
    pub swept: Vec<u32>,
    /// The page went blank in this step.
    pub blanked: bool,
}

/// The x of each chip in the row, laid out as `race_scene::draw` lays it
/// out: "…" before the newest ones, and room for the note beside a gone
/// list the arrow still names.
fn chip_xs(chips: &[ChipPicture], gap_after: usize, note: Option<&str>) -> Vec<i32> {
    let note_width = note.map_or(0, |n| text_width(n) + 8);
    let mut x = 14;
    chips
        .iter()
        .enumerate()
        .map(|(j, chip)| {
            if j == gap_after && j > 0 {
                x += GAP_WIDTH;
            }
            let here = x;
            x += CHIP_STEP;
            if chip.gone && chip.in_use {
                x += note_width;
            }
            here
        })
        .collect()
}

/// Where an arrow at `plan` stood before, against the row drawn now: the
/// chip's own place if it is drawn, else the row's nearer end.
fn place_of(plan: u32, chips: &[ChipPicture], xs: &[i32]) -> i32 {
    if let Some(j) = chips.iter().position(|c| c.plan == plan) {
        return xs[j];
    }
    match chips.first() {
        Some(first) if plan < first.plan => xs[0] - CHIP_STEP,
        _ => xs.last().copied().unwrap_or(14) + CHIP_STEP,
    }
}

/// What changed on the regional page from `before` to `world`.
pub(crate) fn change(lang: Lang, before: &World, world: &World) -> Change {
    let (old, new) = (
        &before.zones[World::REGIONAL.index()],
        &world.zones[World::REGIONAL.index()],
    );
    let (chips, gap_after, note) = row(lang, new);
    let xs = chip_xs(&chips, gap_after, note.as_deref());
    let at = |plan: u32| chips.iter().position(|c| c.plan == plan).map(|j| xs[j]);
    let in_use_from_px = match at(new.alias) {
        Some(now) if old.alias != new.alias => place_of(old.alias, &chips, &xs) - now,
        _ => 0,
    };
    let back_up_from_px = match (old.rollback, new.rollback) {
        (Some(was), Some(is)) if was != is => {
            at(is).map_or(0, |now| place_of(was, &chips, &xs) - now)
        }
        _ => 0,
    };
    Change {
        in_use_from_px,
        back_up_from_px,
        arrived: chips
            .iter()
            .filter(|c| !c.gone && !old.has_tree(c.plan))
            .map(|c| c.plan)
            .collect(),
        swept: chips
            .iter()
            .filter(|c| c.gone && old.has_tree(c.plan))
            .map(|c| c.plan)
            .collect(),
        blanked: new.is_empty_record() && !old.is_empty_record(),
    }
}

/// The class naming a start `px` away (`--dx` in the style sheet), in
/// steps of [`SWING_UNIT_PX`].
fn offset_class(px: i32) -> String {
    let units = (px as f64 / SWING_UNIT_PX as f64).round() as i32;
    match units.clamp(-SWING_UNITS_MAX, SWING_UNITS_MAX) {
        0 => String::new(),
        u if u > 0 => format!(" k{u}"),
        u => format!(" kn{}", -u),
    }
}

/// The classes of an arrow that swings over from `px` away.
fn swing(px: i32) -> String {
    match offset_class(px) {
        k if k.is_empty() => k,
        k => format!(" swing{k}"),
    }
}

/// The list a clerk holds, if it holds one.
fn held(world: &World, id: EnactorId) -> Option<u32> {
    match world.enactor(id).phase {
        Phase::Idle => None,
        Phase::Read { plan } | Phase::Applying { plan, .. } | Phase::Cleaning { plan, .. } => {
            Some(plan)
        }
    }
}

/// How a clerk looks: delayed (heavy eyelids and a stopwatch), with a list
/// in hand (an arm out to it), or sweeping (a broom).
#[derive(Clone, Copy, Debug, Default)]
struct Looks {
    slow: bool,
    /// Waiting to try its tag again (and not delayed: the stopwatch says
    /// that already): a bubble of dots.
    waiting: bool,
    holding: bool,
    broom: bool,
}

/// A clerk as a small figure centred on `x`: a head with a face, a body
/// with the clerk's letter on its chest, from y 22 to 64. Plain shapes (no
/// box a label could be written in), the same for every state but the
/// details `looks` names.
fn figure(svg: &mut Svg, x: i32, letter: char, looks: Looks) {
    use std::fmt::Write as _;
    let s = &mut svg.0;
    // The body: a rounded bust; the head above it.
    let _ = write!(
        s,
        "<path class=\"body\" d=\"M{l} 64 C{l} 48 {a} 42 {x} 42 C{b} 42 {r} 48 {r} 64 Z\"/>\
<circle class=\"head\" cx=\"{x}\" cy=\"31\" r=\"9\"/>",
        l = x - 14,
        r = x + 14,
        a = x - 9,
        b = x + 9,
    );
    if looks.slow || looks.waiting {
        // Heavy eyelids and a flat mouth.
        let _ = write!(
            s,
            "<path class=\"face\" d=\"M{} 30 h4 M{} 30 h4 M{} 35.5 h5\"/>",
            x - 6,
            x + 2,
            x - 2,
        );
    }
    if looks.waiting {
        // A bubble of three dots at the upper left: waiting to try again.
        let b = x - 24;
        let _ = write!(
            s,
            "<g class=\"waiting\"><ellipse cx=\"{b}\" cy=\"19\" rx=\"10\" ry=\"7\"/>\
<circle cx=\"{}\" cy=\"26\" r=\"1.8\"/>\
<circle class=\"dot\" cx=\"{}\" cy=\"19\" r=\"1.6\"/><circle class=\"dot\" cx=\"{b}\" cy=\"19\" r=\"1.6\"/>\
<circle class=\"dot\" cx=\"{}\" cy=\"19\" r=\"1.6\"/></g>",
            x - 13,
            b - 4,
            b + 4,
        );
    }
    if looks.slow {
        // A stopwatch running beside.
        let _ = write!(
            s,
            "<g class=\"stopwatch\"><circle cx=\"{w}\" cy=\"34\" r=\"7\"/>\
<path d=\"M{w} 27 v-3 M{wl} 24 h4 M{w} 34 l3.5 -4\"/></g>",
            w = x - 25,
            wl = x - 27,
        );
    }
    if !(looks.slow || looks.waiting) {
        let _ = write!(
            s,
            "<circle class=\"eye\" cx=\"{}\" cy=\"30\" r=\"1.5\"/>\
<circle class=\"eye\" cx=\"{}\" cy=\"30\" r=\"1.5\"/>\
<path class=\"face\" d=\"M{} 34.5 Q{x} 37.5 {} 34.5\"/>",
            x - 3,
            x + 3,
            x - 3,
            x + 3,
        );
    }
    if looks.holding {
        // An arm out to the sheet at the right.
        let _ = write!(
            s,
            "<path class=\"arm\" d=\"M{} 50 Q{} 50 {} 46\"/>",
            x + 11,
            x + 16,
            x + 21
        );
    }
    if looks.broom {
        // A broom at the left: handle from the hand down, bristles fanned.
        let _ = write!(
            s,
            "<g class=\"broom\"><path class=\"handle\" d=\"M{} 47 L{} 54\"/>\
<path class=\"bristles\" d=\"M{} 50 L{} 58 L{} 63 L{} 52 Z M{} 55 L{} 58\"/></g>",
            x - 11,
            x - 28,
            x - 29,
            x - 26,
            x - 34,
            x - 39,
            x - 31,
            x - 37,
        );
    }
    let _ = write!(
        s,
        "<text x=\"{x}\" y=\"59\" text-anchor=\"middle\" class=\"clerk-letter\">{letter}</text>"
    );
}

/// The newest list written on the regional page.
fn newest_on_page(world: &World) -> Option<u32> {
    world.zones[World::REGIONAL.index()].trees.last().copied()
}

/// The time strip's x for `ms` after A's check.
fn strip_x(ms: u64) -> i32 {
    let span = (STRIP_RIGHT - STRIP_LEFT) as u64;
    STRIP_LEFT + (ms.min(STRIP_SPAN_MS) * span / STRIP_SPAN_MS) as i32
}

/// Who is doing what in a picture: the clerk who just moved, the one that
/// is delayed, and the time strip (the story's run only; the game has no
/// clock).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Cast {
    pub actor: Option<EnactorId>,
    pub slow: Option<EnactorId>,
    pub strip: Option<Strip>,
    /// A write to the regional page turned back in this step.
    pub refused: Option<Refused>,
}

/// A write the program turned back: the new list `plan` would have set the
/// back-up arrow on `missing`, the list the blank page's arrow still names,
/// which is gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Refused {
    pub who: EnactorId,
    pub plan: u32,
    pub missing: u32,
}

impl Refused {
    /// The write turned back by `event`, if it is one on the regional page.
    pub(crate) fn of(event: &RaceEvent) -> Option<Refused> {
        match *event {
            RaceEvent::FlipFailedRollbackMissing {
                enactor,
                endpoint,
                plan,
                missing,
            } if endpoint == World::REGIONAL => Some(Refused {
                who: enactor,
                plan,
                missing,
            }),
            _ => None,
        }
    }
}

/// The time strip's three moments, in the run's milliseconds.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Strip {
    pub now_ms: u64,
    pub check_ms: u64,
    pub write_ms: u64,
}

/// The picture of the story's race at trace index `index`, moving from
/// `before`. Returns the SVG markup; its `aria-label` says every label it
/// draws.
pub(crate) fn markup(lang: Lang, index: usize, before: Option<&World>, world: &World) -> String {
    let run = race_run();
    let moments = race_moments();
    let now_ms = run.events[index].at_ms;
    let cast = Cast {
        actor: run.events[index].event.actor(),
        slow: run.scenario.delayed_enactor_at(now_ms),
        strip: Some(Strip {
            now_ms,
            check_ms: run.events[moments.check].at_ms,
            write_ms: run.events[moments.overwrite].at_ms,
        }),
        refused: Refused::of(&run.events[index].event),
    };
    draw(lang, before, world, cast)
}

/// The picture of `world`, moving from `before`, with its `cast`.
pub(crate) fn draw(lang: Lang, before: Option<&World>, world: &World, cast: Cast) -> String {
    let t = |k| lang.text(k);
    let Cast {
        actor,
        slow,
        strip,
        refused,
    } = cast;
    let change = before.map(|b| change(lang, b, world)).unwrap_or_default();
    let mut svg = Svg(String::new());
    let mut alt: Vec<String> = Vec::new();

    // The planner's newest list: how far behind A's list is.
    let newest = lang.message(&msg::SceneNewest {
        plan: &world.newest_plan.to_string(),
    });
    svg.open("planner");
    svg.ending(
        WIDTH - 14,
        16,
        "small",
        &format!("{} {newest}", t(Key::ScenePlanner)),
    );
    svg.close();
    alt.push(format!("{} {newest}", t(Key::ScenePlanner)));

    // The clerks: A and B, each with the list in hand; C, a bit part, muted.
    for (i, id) in EnactorId::ALL.into_iter().enumerate() {
        let x = [64, 196, 316][i];
        let name = lang.message(&msg::SceneClerk {
            who: &id.letter().to_string(),
        });
        let phase = world.enactor(id).phase;
        let cleaning = matches!(phase, Phase::Cleaning { .. });
        // C's list is not drawn: C has no part in this story.
        let holding = held(world, id).filter(|_| id != EnactorId::C);
        let mut class = String::from("clerk");
        if id == EnactorId::C {
            class.push_str(" aside");
        }
        if slow == Some(id) {
            class.push_str(" slow");
        }
        if actor == Some(id) {
            class.push_str(" actor");
        }
        svg.open(&class);
        let waiting = world.enactor(id).lock_losses_in_row > 0
            && matches!(phase, Phase::Applying { locked: false, .. });
        let looks = Looks {
            slow: slow == Some(id),
            // C, a bit part, keeps its plain face.
            waiting: waiting && slow != Some(id) && id != EnactorId::C,
            holding: holding.is_some(),
            // B's broom, whenever it is clearing away old lists.
            broom: cleaning && id != EnactorId::C,
        };
        figure(&mut svg, x, id.letter(), looks);
        svg.centred(x, 76, "small", &name);
        let mut said = vec![name.clone()];
        if slow == Some(id) {
            svg.centred(x, 14, "small warn", t(Key::SceneSlow));
            said.push(t(Key::SceneSlow).to_string());
        } else if waiting && id != EnactorId::C {
            said.push(t(Key::CoreWaiting).to_string());
        }
        if let Some(plan) = holding {
            // A list older than one already written on the page is out of
            // date: its sheet is drawn yellowed, with a dog-eared corner.
            let stale = newest_on_page(world).is_some_and(|n| n > plan);
            let sheet = match (cleaning, stale) {
                (true, _) => "held cleaning",
                (false, true) => "held stale",
                (false, false) => "held",
            };
            svg.open(sheet);
            svg.rect("", x + 20, 37, CHIP_W, 18);
            if stale {
                let (r, y) = (x + 20 + CHIP_W, 37);
                svg.path(
                    "fold",
                    &format!("M{} {y} L{r} {} L{} {} Z", r - 7, y + 7, r - 7, y + 7),
                );
            }
            svg.centred(x + 20 + CHIP_W / 2, 50, "small", &format!("#{plan}"));
            svg.close();
            if cleaning {
                let words = lang.message(&msg::SceneCleaning {
                    plan: &plan.to_string(),
                });
                svg.centred(x, 90, "small", &words);
                said.push(words);
            } else {
                let plan = &plan.to_string();
                said.push(if stale {
                    lang.message(&msg::CoreHoldsStale { plan })
                } else {
                    lang.message(&msg::CoreHolds { plan })
                });
            }
        } else {
            said.push(t(Key::SceneIdle).to_string());
        }
        svg.close();
        alt.push(said.join(" "));
    }

    // The regional page, up close.
    let zone = &world.zones[World::REGIONAL.index()];
    let (chips, gap_after, gone_note) = row(lang, zone);
    let xs = chip_xs(&chips, gap_after, gone_note.as_deref());
    let blank = zone.is_empty_record();
    // A write turned back is drawn under the row: room for it.
    let refused_spot = refused.and_then(|r| {
        chips
            .iter()
            .position(|c| c.plan == r.missing && c.gone)
            .map(|j| (r, xs[j]))
    });
    let page_height = match (blank, refused_spot) {
        (true, Some(_)) => 164,
        (true, None) => 128,
        _ => 86,
    };
    let py = PAGE_TOP;
    let name = world.endpoint_name(World::REGIONAL);
    let mut class = String::from("page regional");
    if blank {
        class.push_str(" blank");
    }
    if change.blanked {
        class.push_str(" blanked");
    }
    svg.0
        .push_str(&format!("<g class=\"{class}\" data-page=\"0\">"));
    svg.rect("", 6, py, WIDTH - 12, page_height);
    // The page's name in plain weight, so that the busy tag fits beside it.
    svg.text(14, py + 16, "small plain", name);
    // The busy tag names A or B; C is set aside here, and the record does
    // not say who held the tag A waited for, so C's tag is just "taken".
    let lock = zone.lock.map(|l| match l.holder {
        EnactorId::C => t(Key::CoreTagTaken).to_string(),
        holder => lang.message(&msg::SceneLock {
            who: &holder.letter().to_string(),
        }),
    });
    // Drawn as a tag hung on the page, its face in a word or two.
    if let Some(l) = zone.lock {
        let face = match l.holder {
            EnactorId::C => t(Key::CoreTagFaceTaken).to_string(),
            holder => lang.message(&msg::CoreTagFace {
                who: &holder.letter().to_string(),
            }),
        };
        let w = text_width(&face) + 20;
        let x = WIDTH - 10 - w;
        svg.open("tag-card");
        // Hung over the page's top edge: the words below it keep their room.
        svg.rect("", x, py - 6, w, 22);
        svg.circle(x + 6, py + 5, 2);
        svg.text(x + 12, py + 10, "small tag", &face);
        svg.close();
    }
    let main = if blank {
        t(Key::SceneBlank).to_string()
    } else {
        lang.message(&msg::SceneInUse {
            plan: &zone.alias.to_string(),
        })
    };
    let rollback = zone.rollback.map(|r| {
        lang.message(&msg::SceneRollback {
            plan: &r.to_string(),
        })
    });
    let row_y = py + ROW_Y;
    for (j, chip) in chips.iter().enumerate() {
        let x = xs[j];
        if j == gap_after && j > 0 {
            // Centred in the space between the two bundles.
            svg.centred(
                x - (GAP_WIDTH + CHIP_STEP - CHIP_W) / 2,
                row_y + 12,
                "small row-gap",
                "…",
            );
        }
        let mut class = String::from("chip");
        for (on, name) in [
            (chip.in_use, "in-use"),
            (chip.back_up, "back-up"),
            (chip.gone, "gone"),
        ] {
            if on {
                class.push(' ');
                class.push_str(name);
            }
        }
        if change.arrived.contains(&chip.plan) {
            let order = change
                .arrived
                .iter()
                .position(|&p| p == chip.plan)
                .unwrap_or(0);
            class.push_str(&format!(" arrived d{}", order.min(7)));
        }
        // One list's sheet: its outline and its number.
        let sheet = |svg: &mut Svg| {
            svg.rect("", x, row_y - 1, CHIP_W, 18);
            svg.centred(
                x + CHIP_W / 2,
                row_y + 12,
                "small",
                &format!("#{}", chip.plan),
            );
            svg.close();
        };
        svg.0.push_str(&format!(
            "<g class=\"{class}\" data-plan=\"{}\">",
            chip.plan
        ));
        sheet(&mut svg);
        // A list thrown away in this step: its sheet sinks off the page,
        // leaving the outline the arrow still points at.
        if change.swept.contains(&chip.plan) {
            svg.open("chip swept");
            sheet(&mut svg);
        }
        if chip.gone
            && chip.in_use
            && let Some(note) = &gone_note
        {
            svg.text(x + CHIP_W + 6, row_y + 12, "small warn gone-note", note);
        }
    }
    // The arrows, as chapter 3 drew them: "in use" from above, back-up from
    // below; each swings over from where it pointed before.
    if let Some(j) = chips.iter().position(|c| c.in_use) {
        let x = xs[j] + CHIP_W / 2;
        let class = format!("arrow-in-use{}", swing(change.in_use_from_px));
        svg.open(&class);
        svg.arrow("flow", (x, py + 22), (x, row_y - 2));
        svg.close();
        let main_class = if blank { "big blank-word" } else { "big" };
        if x < WIDTH / 2 {
            svg.text(x + 8, py + 36, main_class, &main);
        } else {
            svg.ending(x - 8, py + 36, main_class, &main);
        }
    }
    if let (Some(words), Some(j)) = (
        &rollback,
        chips
            .iter()
            .position(|c| c.back_up || (c.gone && !c.in_use && Some(c.plan) == zone.rollback)),
    ) {
        let x = xs[j] + CHIP_W / 2;
        let class = format!("arrow-back-up{}", swing(change.back_up_from_px));
        svg.open(&class);
        svg.arrow("flow", (x, row_y + 34), (x, row_y + 18));
        svg.close();
        if x < WIDTH / 2 {
            svg.text(x + 8, row_y + 30, "small", words);
        } else {
            svg.ending(x - 8, row_y + 30, "small", words);
        }
    } else if rollback.is_none() {
        svg.text(14, row_y + 30, "small", t(Key::SceneNoRollback));
    }
    // A write turned back: a clerk's new list comes to the page; the back-up
    // arrow it would need reaches, dashed, for the empty spot where the gone
    // list was, and finds nothing there; the sheet is turned back.
    let mut said_refused = None;
    if let Some((r, spot_x)) = refused_spot {
        let spot = spot_x + CHIP_W / 2;
        let sy = row_y + 46;
        let clerk_x = [64, 196, 316][r.who.index()];
        svg.0.push_str(&format!(
            "<g class=\"refused\" data-plan=\"{}\" data-missing=\"{}\">",
            r.plan, r.missing
        ));
        svg.open(&format!("new-sheet{}", offset_class(clerk_x + 20 - spot_x)));
        svg.rect("", spot_x, sy, CHIP_W, 18);
        svg.centred(spot, sy + 13, "small", &format!("#{}", r.plan));
        svg.close();
        svg.0.push_str(&format!(
            "<line class=\"would-back-up\" x1=\"{spot}\" y1=\"{}\" x2=\"{spot}\" y2=\"{}\"/>",
            sy - 2,
            row_y + 20
        ));
        // Nowhere to land: a cross where the arrow's head would be, and one
        // beside the sheet with the words.
        let cross = |x: i32, y: i32, h: i32| {
            format!(
                "M{} {} l{} {} m0 -{} l-{} {}",
                x - h,
                y - h,
                2 * h,
                2 * h,
                2 * h,
                2 * h,
                2 * h
            )
        };
        svg.path("cross tip", &cross(spot, row_y + 25, 5));
        let cx = spot_x + CHIP_W + 13;
        svg.path("cross turned-back", &cross(cx, sy + 9, 6));
        let face = lang.message(&msg::CoreRefusedFace {
            who: &r.who.letter().to_string(),
        });
        svg.text(cx + 12, sy + 14, "small warn refused-word", &face);
        svg.text(
            spot + 10,
            row_y + 30,
            "small warn",
            t(Key::CoreRefusedBackUp),
        );
        svg.close();
        said_refused = Some(lang.message(&msg::CoreRefused {
            who: &r.who.letter().to_string(),
            plan: &r.plan.to_string(),
            missing: &r.missing.to_string(),
        }));
    }
    // A blank page: an app's lookup goes out and comes back empty.
    let mut said_lookup = None;
    if blank {
        let y = py + page_height - 30;
        let target = chips
            .iter()
            .position(|c| c.in_use)
            .map_or(14 + CHIP_W / 2, |j| xs[j] + CHIP_W / 2);
        let app = WIDTH - 24;
        svg.open("lookup");
        svg.ending(WIDTH - 14, y - 6, "small", t(Key::CoreLookup));
        svg.arrow("ask", (app, y), (target + 6, y));
        svg.arrow("answer", (target + 6, y + 8), (app, y + 8));
        svg.0.push_str(&format!(
            "<circle class=\"dot{}\" cx=\"{app}\" cy=\"{}\" r=\"4\"/>",
            offset_class(target + 6 - app),
            y + 4
        ));
        svg.ending(
            WIDTH - 14,
            y + 22,
            "small warn empty-answer",
            t(Key::CoreEmptyAnswer),
        );
        svg.close();
        said_lookup = Some(format!(
            "{} → {}",
            t(Key::CoreLookup),
            t(Key::CoreEmptyAnswer)
        ));
    }
    svg.close();
    let mut page_said = vec![main.clone()];
    page_said.extend(gone_note.clone());
    page_said.push(
        rollback
            .clone()
            .unwrap_or_else(|| t(Key::SceneNoRollback).to_string()),
    );
    page_said.extend(lock);
    let kept: Vec<String> = chips
        .iter()
        .filter(|c| !c.gone)
        .map(|c| format!("#{}", c.plan))
        .collect();
    page_said.push(format!("{}: {}", t(Key::SceneBundles), kept.join(" ")));
    page_said.extend(said_refused);
    page_said.extend(said_lookup);
    alt.push(format!("{name}: {}", page_said.join(", ")));

    let mut line_y = py + page_height + 26;
    if let Some(strip) = strip {
        // The time strip, from A's one check: the stretch A carried its list
        // without checking again is shaded.
        let Strip {
            now_ms,
            check_ms,
            write_ms,
        } = strip;
        let now_after = now_ms.checked_sub(check_ms);
        svg.open("strip");
        svg.0.push_str(&format!(
            "<line class=\"axis\" x1=\"{STRIP_LEFT}\" y1=\"{line_y}\" x2=\"{STRIP_RIGHT}\" y2=\"{line_y}\"/>"
        ));
        let mut strip_said = vec![t(Key::CoreCheck).to_string()];
        if let Some(after) = now_after {
            let written = now_ms >= write_ms;
            let gap_end = if written { write_ms - check_ms } else { after };
            let (x0, x1) = (strip_x(0), strip_x(gap_end));
            if x1 > x0 {
                svg.0.push_str(&format!(
                    "<rect class=\"gap\" x=\"{x0}\" y=\"{}\" width=\"{}\" height=\"10\"/>",
                    line_y - 5,
                    x1 - x0
                ));
                if x1 - x0 >= 110 {
                    svg.centred(
                        (x0 + x1) / 2,
                        line_y + 18,
                        "small gap-word",
                        t(Key::CoreGap),
                    );
                }
                strip_said.push(t(Key::CoreGap).to_string());
            }
            if written {
                let x = strip_x(write_ms - check_ms);
                svg.0.push_str(&format!(
                    "<line class=\"tick write\" x1=\"{x}\" y1=\"{}\" x2=\"{x}\" y2=\"{}\"/>",
                    line_y - 9,
                    line_y + 9
                ));
                svg.ending(x + 4, line_y - 12, "small", t(Key::CoreWrite));
                strip_said.push(t(Key::CoreWrite).to_string());
            }
        }
        svg.0.push_str(&format!(
            "<line class=\"tick check\" x1=\"{STRIP_LEFT}\" y1=\"{}\" x2=\"{STRIP_LEFT}\" y2=\"{}\"/>",
            line_y - 9,
            line_y + 9
        ));
        svg.text(STRIP_LEFT - 6, line_y - 12, "small", t(Key::CoreCheck));
        let now_words = match now_after {
            Some(after) => lang.message(&msg::CoreNow {
                seconds: &seconds_from_ms(after),
            }),
            None => t(Key::CoreBefore).to_string(),
        };
        let now_x = strip_x(now_after.unwrap_or(0));
        svg.0.push_str(&format!(
            "<path class=\"now\" d=\"M{now_x} {} l-5 -8 h10 z\"/>",
            line_y - 1
        ));
        if now_x < WIDTH / 2 {
            svg.text(now_x - 4, line_y + 34, "small strong", &now_words);
        } else {
            svg.ending(now_x + 4, line_y + 34, "small strong", &now_words);
        }
        svg.close();
        strip_said.push(now_words);
        alt.push(format!("{}: {}", t(Key::CoreStrip), strip_said.join(", ")));
    } else {
        line_y -= 56;
    }

    // The other pages: bit parts. While every one still gives addresses,
    // one line says so; a page gone blank is named, its state under it.
    let mut y = line_y + 56;
    svg.text(14, y, "small others-title", t(Key::CoreOthers));
    let mut others = Vec::new();
    let other_ids = 1..world.endpoint_count();
    let all_fine = other_ids.clone().all(|i| !world.zones[i].is_empty_record());
    if all_fine {
        y += 18;
        svg.text(20, y, "small big-other others-fine", t(Key::CoreOthersFine));
    }
    for i in other_ids {
        let endpoint = EndpointId(i as u8);
        let z = &world.zones[i];
        let words = if z.is_empty_record() {
            t(Key::SceneBlank).to_string()
        } else {
            lang.message(&msg::SceneInUse {
                plan: &z.alias.to_string(),
            })
        };
        others.push(format!("{}: {words}", world.endpoint_name(endpoint)));
        if all_fine {
            continue;
        }
        let class = if z.is_empty_record() {
            "page other blank"
        } else {
            "page other"
        };
        svg.0
            .push_str(&format!("<g class=\"{class}\" data-page=\"{i}\">"));
        y += 18;
        svg.text(
            20,
            y,
            "small plain other-name",
            world.endpoint_name(endpoint),
        );
        y += 16;
        svg.ending(WIDTH - 14, y, "small big-other", &words);
        svg.close();
    }
    alt.push(format!("{}: {}", t(Key::CoreOthers), others.join(", ")));

    let height = y + 10;
    let moving = if change == Change::default() {
        ""
    } else {
        " moving"
    };
    format!(
        "<svg viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\" class=\"race-svg close-up{moving}\">\
<defs><marker id=\"core-head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"10\" \
markerHeight=\"10\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\"/></marker></defs>{}</svg>",
        escape(&alt.join(" / ")),
        svg.0
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::story::chapters::RaceMoment;
    use crate::ui::model::{moment_index, world_after};

    fn at(m: RaceMoment) -> (usize, World) {
        let i = moment_index(m);
        (i, world_after(i))
    }

    #[test]
    fn the_overwrite_swings_the_arrow_back_to_as_old_list() {
        let (_, ahead) = at(RaceMoment::FastAhead);
        let (_, over) = at(RaceMoment::Overwrite);
        let c = change(Lang::En, &ahead, &over);
        // The arrow came from the right (from B's newest list) to A's old one.
        assert!(c.in_use_from_px > 4 * CHIP_STEP, "{c:?}");
        assert!(!c.blanked && c.swept.is_empty());
        let (_, emptied) = at(RaceMoment::Emptied);
        let c = change(Lang::En, &over, &emptied);
        // The clean-up sweeps A's list from under the arrow: the page blanks.
        assert!(c.blanked, "{c:?}");
        assert_eq!(c.swept, vec![over.zones[0].alias]);
        assert_eq!(c.in_use_from_px, 0);
    }

    #[test]
    fn every_story_moment_draws_its_labels_in_both_languages() {
        let order = RaceMoment::ALL;
        for pair in order.windows(2) {
            let (_, before) = at(pair[0]);
            let (i, world) = at(pair[1]);
            for lang in Lang::ALL {
                let svg = markup(lang, i, Some(&before), &world);
                let label = svg
                    .split("aria-label=\"")
                    .nth(1)
                    .and_then(|s| s.split('"').next())
                    .unwrap();
                let zone = &world.zones[0];
                let main = if zone.is_empty_record() {
                    lang.text(Key::SceneBlank).to_string()
                } else {
                    lang.message(&msg::SceneInUse {
                        plan: &zone.alias.to_string(),
                    })
                };
                assert!(label.contains(&escape(&main)), "{:?}: {label}", pair[1]);
                assert!(svg.contains(&escape(&main)), "{:?}", pair[1]);
                assert!(svg.contains(lang.text(Key::CoreCheck)));
                // The blank page's lookup comes back empty, in words too.
                assert_eq!(
                    label.contains(&escape(lang.text(Key::CoreEmptyAnswer))),
                    zone.is_empty_record(),
                    "{:?}",
                    pair[1]
                );
                assert!(!svg.contains('{'), "unfilled slot");
            }
        }
    }

    /// The `<g class="clerk…">` of clerk `who` in `svg`, up to the next
    /// clerk's.
    fn clerk_part(svg: &str, who: EnactorId) -> &str {
        let parts: Vec<&str> = svg.split("<g class=\"clerk").skip(1).collect();
        parts[who.index()]
    }

    #[test]
    fn the_clerks_look_their_part() {
        use EnactorId::{A, B, C};
        // At its one check, A's list is fresh; A is not waiting.
        let (i, world) = at(RaceMoment::SlowCheck);
        let svg = markup(Lang::En, i, None, &world);
        let a = clerk_part(&svg, A);
        assert!(
            a.contains("<g class=\"held\">") && !a.contains("fold"),
            "{a}"
        );
        assert!(!a.contains("waiting") && !a.contains("stopwatch"), "{a}");
        // Having lost its tag, A waits to try again: a bubble of dots, and
        // its words say so.
        let (i, world) = at(RaceMoment::LockLost);
        for lang in Lang::ALL {
            let svg = markup(lang, i, None, &world);
            let a = clerk_part(&svg, A);
            assert!(a.contains("class=\"waiting\""), "{a}");
            // C, a bit part, keeps its plain face (its bubble would sit on
            // the planner's words).
            assert!(!clerk_part(&svg, C).contains("waiting"));
            assert!(svg.contains(&escape(lang.text(Key::CoreWaiting))));
        }
        // Inside the run's slow window (a step of the small stepper), A is
        // delayed: a stopwatch and the word.
        let run = race_run();
        let delayed = crate::ui::model::notable_indices()
            .iter()
            .copied()
            .find(|&i| run.scenario.delayed_enactor_at(run.events[i].at_ms) == Some(A))
            .expect("a step inside the slow window");
        let svg = markup(Lang::En, delayed, None, &world_after(delayed));
        let a = clerk_part(&svg, A);
        assert!(a.starts_with(" slow") && a.contains("stopwatch"), "{a}");
        assert!(svg.contains(Lang::En.text(Key::SceneSlow)));
        assert!(!clerk_part(&svg, B).contains("stopwatch"));
        for m in [RaceMoment::FastAhead, RaceMoment::Overwrite] {
            let (i, world) = at(m);
            for lang in Lang::ALL {
                let svg = markup(lang, i, None, &world);
                let a = clerk_part(&svg, A);
                assert!(a.contains("held stale") && a.contains("fold"), "{m:?}");
                let Phase::Applying { plan, .. } = world.enactor(A).phase else {
                    panic!("A still carries its list at {m:?}")
                };
                let words = lang.message(&msg::CoreHoldsStale {
                    plan: &plan.to_string(),
                });
                assert!(svg.contains(&escape(&words)), "{m:?}");
            }
        }
        // B carries a broom while it throws old lists away, and sweeps with
        // it when that is the step (the blanking); C has none.
        let (_, over) = at(RaceMoment::Overwrite);
        let (i, emptied) = at(RaceMoment::Emptied);
        let svg = markup(Lang::En, i, Some(&over), &emptied);
        let b = clerk_part(&svg, B);
        assert!(
            b.starts_with(" actor") && b.contains("class=\"broom\""),
            "{b}"
        );
        assert!(!clerk_part(&svg, A).contains("broom"));
        assert!(
            clerk_part(&svg, C).starts_with(" aside")
                && !clerk_part(&svg, C).contains("broom")
                && !clerk_part(&svg, C).contains("waiting")
        );
        // A picture is a pure function of its state: drawn twice, the same.
        assert_eq!(svg, markup(Lang::En, i, Some(&over), &emptied));
        // No figure is drawn as a box a label could be written in: the
        // clerks' only boxes are the sheets in hand.
        for m in [RaceMoment::Calm, RaceMoment::SlowCheck, RaceMoment::Emptied] {
            let (i, world) = at(m);
            let svg = markup(Lang::Ja, i, None, &world);
            for id in EnactorId::ALL {
                let part = clerk_part(&svg, id);
                let part = part.split("<g class=\"page").next().unwrap();
                assert_eq!(
                    part.matches("<rect").count(),
                    usize::from(held(&world, id).is_some() && id != C),
                    "{m:?} {id:?}"
                );
            }
        }
    }

    #[test]
    fn the_strip_shades_the_stale_stretch_only_once_a_has_checked() {
        let (i, world) = at(RaceMoment::Calm);
        let svg = markup(Lang::En, i, None, &world);
        assert!(svg.contains(Lang::En.text(Key::CoreBefore)) && !svg.contains("class=\"gap\""));
        let (i, world) = at(RaceMoment::Overwrite);
        let svg = markup(Lang::En, i, None, &world);
        assert!(svg.contains("class=\"gap\"") && svg.contains(Lang::En.text(Key::CoreWrite)));
        assert!(svg.contains(Lang::En.text(Key::CoreGap)));
    }
}
