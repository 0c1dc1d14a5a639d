//! The lesson routes through the story (15 and 45 minutes), as data: the
//! teacher's page prints them and presenter mode's lesson mode
//! (`?present=1&lesson=45`) steps through them. Pure: no web, no words
//! (a stop's prompt is a key of the teacher's texts, which the site
//! generator holds and publishes as `public/lesson.<lang>.json`).
//!
//! Each stop says what it introduces and what it relies on ([`Concept`]),
//! so a test can check that a route never leans on a word or an idea
//! before one of its stops has introduced it; and each route's minutes add
//! up to its length.

use crate::engine::cascade::clock::Minute;
use crate::i18n::Key;
use crate::story::chapters::{CHAPTERS, Position, Term};

/// An idea a screen or a prompt relies on: a glossary term, or one of the
/// story's own pictures that later screens take for granted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Concept {
    /// A glossary term (its name's key, as in [`Term::name`]).
    Term(Key),
    /// The lists of addresses on a page, each with a number.
    Lists,
    /// The planner and the clerks (programs, not people).
    Clerks,
    /// The arrow to the list in use, and the back-up arrow.
    Arrows,
    /// A clerk throws away much older lists after copying.
    CleanUp,
    /// A clerk checks only once, at the start.
    OneCheck,
    /// DynamoDB's page with not one address on it.
    Blank,
    /// The automation could not repair the page itself.
    Stuck,
    /// People repaired the page by hand.
    ByHand,
    /// One failure spreading to services built on it.
    Cascade,
}

impl Concept {
    /// A glossary term as a concept.
    pub const fn of(term: Term) -> Concept {
        Concept::Term(term.name)
    }
}

const DNS: Concept = Concept::Term(Key::TermDns);
const AWS: Concept = Concept::Term(Key::TermAws);
const REGION: Concept = Concept::Term(Key::TermRegion);
const LOCK: Concept = Concept::Term(Key::TermLock);
const RACE: Concept = Concept::Term(Key::TermRace);
const NEGATIVE_CACHE: Concept = Concept::Term(Key::TermNegativeCache);
const LEASE: Concept = Concept::Term(Key::TermLease);
const EC2: Concept = Concept::Term(Key::TermEc2);
const COLLAPSE: Concept = Concept::Term(Key::TermCollapse);
use Concept::{Arrows, Blank, ByHand, Cascade, CleanUp, Clerks, Lists, OneCheck, Stuck};

/// A screen (1-based chapter and beat), what it introduces, what it relies on.
type BeatConcepts = ((usize, usize), &'static [Concept], &'static [Concept]);

/// What a screen of the story introduces besides its glossary terms, and
/// what its words and picture rely on (1-based chapter and beat). Beats not
/// listed introduce and rely on nothing beyond their terms.
const BEATS: &[BeatConcepts] = &[
    // (where, introduces, relies on)
    ((1, 1), &[AWS], &[]),
    ((2, 2), &[], &[DNS]),
    ((2, 3), &[Blank], &[DNS]),
    ((3, 1), &[Lists], &[DNS]),
    ((3, 2), &[Clerks], &[Lists]),
    ((3, 3), &[], &[Clerks]),
    ((3, 4), &[], &[Clerks]),
    ((3, 5), &[Arrows], &[Lists]),
    ((3, 6), &[CleanUp], &[Lists, Clerks]),
    ((3, 7), &[OneCheck], &[Lists, Clerks]),
    ((3, 8), &[], &[Clerks, Lists, Arrows, CleanUp, OneCheck]),
    ((4, 1), &[], &[Clerks]),
    ((4, 2), &[], &[Clerks, LOCK]),
    ((4, 3), &[], &[Clerks, Lists, Arrows]),
    ((4, 4), &[], &[Clerks, Lists, Arrows, OneCheck]),
    ((4, 5), &[], &[Clerks, Arrows, CleanUp]),
    ((5, 1), &[], &[Arrows, CleanUp, Blank]),
    ((5, 2), &[], &[Blank, DNS]),
    ((5, 3), &[Stuck], &[Arrows, Blank]),
    ((5, 4), &[ByHand], &[Blank, Stuck]),
    ((5, 5), &[], &[RACE, Clerks]),
    ((5, 6), &[], &[RACE]),
    ((6, 1), &[Cascade], &[Blank, AWS]),
    ((6, 2), &[], &[AWS]),
    ((6, 3), &[], &[LEASE, EC2, ByHand]),
    ((7, 1), &[], &[ByHand, NEGATIVE_CACHE]),
    ((7, 2), &[], &[LEASE, EC2]),
    ((10, 1), &[], &[RACE, Blank, Cascade]),
];

/// What the story's screen at `p` introduces: its glossary terms and its
/// own ideas.
pub fn introduced_by(p: Position) -> Vec<Concept> {
    let mut out: Vec<Concept> = p.beat().terms.iter().map(|&t| Concept::of(t)).collect();
    if let Some((_, intro, _)) = BEATS.iter().find(|(at, ..)| *at == one_based(p)) {
        out.extend_from_slice(intro);
    }
    out
}

/// What the story's screen at `p` relies on.
pub fn relied_on_by(p: Position) -> &'static [Concept] {
    BEATS
        .iter()
        .find(|(at, ..)| *at == one_based(p))
        .map_or(&[], |(_, _, needs)| needs)
}

const fn one_based(p: Position) -> (usize, usize) {
    (p.chapter + 1, p.beat + 1)
}

/// What a stop needs in the room.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Equipment {
    /// The projector (or a large screen) only.
    Projector,
    /// Pupils' own devices, one between two; or the teacher shows it on
    /// the projector.
    Devices,
    /// Nothing but the room (a discussion).
    Room,
}

impl Equipment {
    /// Its code in the teacher's texts (`teach.equip.<code>`).
    pub const fn code(self) -> &'static str {
        match self {
            Equipment::Projector => "projector",
            Equipment::Devices => "devices",
            Equipment::Room => "room",
        }
    }
}

/// What a stop does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopKind {
    /// Show a screen of the story: chapter and beat, 1-based as in links.
    Screen { chapter: usize, beat: usize },
    /// Run an experiment in the what-if lab (its id on the teacher's page).
    Lab { experiment: &'static str },
    /// Talk it over, with the discussion questions, over the story's last
    /// screen.
    Discuss,
}

/// A stop on a lesson's route.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stop {
    pub kind: StopKind,
    pub minutes: u32,
    /// The prompt, "what to do and ask": a key of the teacher's texts.
    pub prompt: &'static str,
    /// What the prompt has the teacher introduce in words.
    pub introduces: &'static [Concept],
    /// What the prompt relies on.
    pub needs: &'static [Concept],
}

impl Stop {
    /// The beat a screen shows (0-based), checked to be in the story.
    pub fn position(self) -> Option<Position> {
        match self.kind {
            StopKind::Screen { chapter, beat } => {
                let p = Position::clamped(chapter.checked_sub(1)?, beat.checked_sub(1)?);
                (p.chapter + 1 == chapter && p.beat + 1 == beat).then_some(p)
            }
            // The talk at the end happens over the story's last screen (what
            // it means beyond AWS), not over the screen before it again.
            StopKind::Discuss => Some(Position::last()),
            StopKind::Lab { .. } => None,
        }
    }

    pub const fn equipment(self) -> Equipment {
        match self.kind {
            StopKind::Screen { .. } => Equipment::Projector,
            StopKind::Lab { .. } => Equipment::Devices,
            StopKind::Discuss => Equipment::Room,
        }
    }
}

const fn screen(
    chapter: usize,
    beat: usize,
    minutes: u32,
    prompt: &'static str,
    introduces: &'static [Concept],
    needs: &'static [Concept],
) -> Stop {
    Stop {
        kind: StopKind::Screen { chapter, beat },
        minutes,
        prompt,
        introduces,
        needs,
    }
}

/// Which route a lesson follows (`lesson=15` or `lesson=45` in links).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RouteId {
    Short,
    Full,
}

impl RouteId {
    pub const ALL: [RouteId; 2] = [RouteId::Short, RouteId::Full];

    /// Its value in links: its length in minutes.
    pub const fn code(self) -> &'static str {
        match self {
            RouteId::Short => "15",
            RouteId::Full => "45",
        }
    }

    /// Parses a link's value; surrounding space is forgiven.
    pub fn from_code(code: &str) -> Option<RouteId> {
        let code = code.trim();
        RouteId::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn route(self) -> &'static Route {
        match self {
            RouteId::Short => &ROUTES[0],
            RouteId::Full => &ROUTES[1],
        }
    }
}

/// A lesson: its length and its stops.
#[derive(Clone, Copy, Debug)]
pub struct Route {
    pub id: RouteId,
    pub minutes: u32,
    pub stops: &'static [Stop],
}

impl Route {
    /// The screens it shows, in order.
    pub fn screens(&self) -> Vec<Position> {
        self.stops.iter().filter_map(|s| s.position()).collect()
    }

    /// Its length: the sum of its stops.
    pub fn total_minutes(&self) -> u32 {
        self.stops.iter().map(|s| s.minutes).sum()
    }

    /// The index of the stop that shows `p`, if the route shows it.
    pub fn stop_at(&self, p: Position) -> Option<usize> {
        self.stops.iter().position(|s| s.position() == Some(p))
    }

    /// Where `p` is among the route's screens (0-based), if it is one.
    pub fn screen_index(&self, p: Position) -> Option<usize> {
        self.screens().iter().position(|&s| s == p)
    }

    /// The stops after the screen `p` and before the next screen (labs and
    /// discussions, run from the teacher's page).
    pub fn then(&self, p: Position) -> &'static [Stop] {
        let Some(i) = self.stop_at(p) else {
            return &[];
        };
        let rest = &self.stops[i + 1..];
        let end = rest
            .iter()
            .position(|s| s.position().is_some())
            .unwrap_or(rest.len());
        &rest[..end]
    }

    /// The screen a stepping press goes to from `p`: the route's next or
    /// previous screen; from a screen off the route, the nearest one in
    /// that direction.
    pub fn next_screen(&self, p: Position) -> Option<Position> {
        self.screens().into_iter().find(|s| s.index() > p.index())
    }

    pub fn prev_screen(&self, p: Position) -> Option<Position> {
        self.screens()
            .into_iter()
            .rev()
            .find(|s| s.index() < p.index())
    }
}

/// The lesson plans, shortest first. Their prompts live in the teacher's
/// texts under the keys named here.
pub static ROUTES: [Route; 2] = [
    Route {
        id: RouteId::Short,
        minutes: 15,
        stops: &[
            screen(1, 1, 2, "teach.stop.c1b1", &[REGION], &[]),
            screen(2, 3, 2, "teach.short.c2b3", &[DNS], &[]),
            screen(3, 2, 2, "teach.short.c3b2", &[Lists, Arrows], &[Clerks]),
            screen(3, 7, 1, "teach.short.c3b7", &[CleanUp], &[OneCheck]),
            screen(4, 4, 3, "teach.short.c4b4", &[RACE], &[OneCheck, Arrows]),
            screen(5, 1, 2, "teach.short.c5b1", &[], &[Blank]),
            screen(6, 1, 1, "teach.short.c6b1", &[], &[Cascade]),
            screen(10, 1, 1, "teach.short.c10b1", &[], &[]),
            Stop {
                kind: StopKind::Discuss,
                minutes: 1,
                prompt: "teach.short.discuss",
                introduces: &[],
                needs: &[REGION],
            },
        ],
    },
    Route {
        id: RouteId::Full,
        minutes: 45,
        stops: &[
            screen(1, 1, 2, "teach.stop.c1b1", &[REGION], &[]),
            screen(2, 1, 1, "teach.stop.c2b1", &[], &[DNS]),
            screen(2, 3, 2, "teach.stop.c2b3", &[], &[Blank]),
            screen(3, 2, 2, "teach.stop.c3b2", &[Lists, LOCK], &[Clerks]),
            screen(3, 5, 1, "teach.stop.c3b5", &[], &[Arrows]),
            screen(3, 7, 2, "teach.stop.c3b7", &[CleanUp], &[OneCheck]),
            screen(3, 8, 3, "teach.stop.c3b8", &[], &[]),
            screen(4, 1, 2, "teach.stop.c4b1", &[], &[Clerks, RACE]),
            screen(4, 4, 3, "teach.stop.c4b4", &[], &[OneCheck]),
            screen(5, 1, 2, "teach.stop.c5b1", &[], &[Arrows, Clerks, Blank]),
            screen(5, 2, 1, "teach.stop.c5b2", &[], &[NEGATIVE_CACHE]),
            screen(5, 3, 2, "teach.stop.c5b3", &[], &[Stuck]),
            screen(5, 4, 2, "teach.stop.c5b4", &[], &[ByHand]),
            Stop {
                kind: StopKind::Lab {
                    experiment: "recheck",
                },
                minutes: 3,
                prompt: "teach.stop.lab_recheck",
                introduces: &[],
                needs: &[OneCheck, RACE],
            },
            screen(6, 1, 2, "teach.stop.c6b1", &[], &[Cascade]),
            screen(6, 2, 2, "teach.stop.c6b2", &[], &[LEASE, EC2]),
            screen(6, 3, 2, "teach.stop.c6b3", &[], &[LEASE]),
            screen(7, 2, 2, "teach.stop.c7b2", &[], &[COLLAPSE]),
            Stop {
                kind: StopKind::Lab { experiment: "shop" },
                minutes: 3,
                prompt: "teach.stop.lab_shop",
                introduces: &[],
                needs: &[REGION],
            },
            screen(10, 1, 2, "teach.stop.c10b1", &[], &[RACE, Blank, Cascade]),
            Stop {
                kind: StopKind::Discuss,
                minutes: 4,
                prompt: "teach.stop.discuss",
                introduces: &[],
                needs: &[REGION],
            },
        ],
    },
];

/// The moment the page went blank, 19 Oct 23:48 US Pacific time, in
/// minutes since 20 Oct 2025 00:00 UTC (06:48 UTC).
pub const BLANK_UTC_MIN: i32 = 6 * 60 + 48;

/// The same moment as the story's simulation minute (19 Oct 23:40 PDT is 0).
pub const BLANK_SIM_MIN: Minute = 8;

/// What pupils were doing at a local time, for the class's own hook
/// ("about 07:48 … as pupils got ready for school").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SchoolTime {
    /// The night before a school day (Sunday evening or night).
    NightBefore,
    /// Asleep (00:00–05:59).
    Asleep,
    /// Getting ready for school (06:00–08:29).
    GettingReady,
    /// In lessons (08:30–14:59).
    InLessons,
    /// After school (15:00–17:59).
    AfterSchool,
    /// The evening (18:00–23:59).
    Evening,
}

impl SchoolTime {
    pub const ALL: [SchoolTime; 6] = [
        SchoolTime::NightBefore,
        SchoolTime::Asleep,
        SchoolTime::GettingReady,
        SchoolTime::InLessons,
        SchoolTime::AfterSchool,
        SchoolTime::Evening,
    ];

    /// Its code in the teacher's texts (`teach.school.<code>`).
    pub const fn code(self) -> &'static str {
        match self {
            SchoolTime::NightBefore => "night_before",
            SchoolTime::Asleep => "asleep",
            SchoolTime::GettingReady => "getting_ready",
            SchoolTime::InLessons => "in_lessons",
            SchoolTime::AfterSchool => "after_school",
            SchoolTime::Evening => "evening",
        }
    }

    /// The band of a local time: `weekday` 0 = Sunday, `minute_of_day` 0–1439.
    pub const fn of(weekday: u32, minute_of_day: u32) -> SchoolTime {
        let h = minute_of_day / 60;
        if weekday == 0 && h >= 12 {
            SchoolTime::NightBefore
        } else if h < 6 {
            SchoolTime::Asleep
        } else if minute_of_day < 8 * 60 + 30 {
            SchoolTime::GettingReady
        } else if h < 15 {
            SchoolTime::InLessons
        } else if h < 18 {
            SchoolTime::AfterSchool
        } else {
            SchoolTime::Evening
        }
    }
}

/// The page went blank, seen from a zone `offset_min` minutes east of UTC:
/// the local weekday (0 = Sunday), hour and minute, and what pupils were
/// doing. 20 Oct 2025 was a Monday.
pub fn blank_moment(offset_min: i32) -> (u32, u32, u32, SchoolTime) {
    // Minutes since Sunday 19 Oct 00:00, local.
    let local = BLANK_UTC_MIN + offset_min + 24 * 60;
    let day = (local.div_euclid(24 * 60)).rem_euclid(7) as u32;
    let in_day = local.rem_euclid(24 * 60) as u32;
    (day, in_day / 60, in_day % 60, SchoolTime::of(day, in_day))
}

/// The weekday's key in the locale (`time.sunday`…), 0 = Sunday.
pub const fn weekday_key(day: u32) -> Key {
    match day % 7 {
        0 => Key::TimeSunday,
        1 => Key::TimeMonday,
        2 => Key::TimeTuesday,
        3 => Key::TimeWednesday,
        4 => Key::TimeThursday,
        5 => Key::TimeFriday,
        _ => Key::TimeSaturday,
    }
}

/// Every screen of the story a route may show, with its chapter's length,
/// for the tests and the generator.
pub fn story_has(chapter: usize, beat: usize) -> bool {
    chapter >= 1
        && chapter <= CHAPTERS.len()
        && beat >= 1
        && beat <= CHAPTERS[chapter - 1].beats.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stop_leans_only_on_what_the_route_has_introduced() {
        for route in &ROUTES {
            let mut known: Vec<Concept> = Vec::new();
            for (i, stop) in route.stops.iter().enumerate() {
                if let StopKind::Screen { chapter, beat } = stop.kind {
                    assert!(story_has(chapter, beat), "{chapter}.{beat} is not a screen");
                }
                let mut needs: Vec<Concept> = stop.needs.to_vec();
                if let Some(p) = stop.position() {
                    known.extend(introduced_by(p));
                    needs.extend_from_slice(relied_on_by(p));
                }
                known.extend_from_slice(stop.introduces);
                for need in needs {
                    assert!(
                        known.contains(&need),
                        "the {}-minute route's stop {} ({:?}, {}) relies on {need:?}, \
                         which no stop up to it introduces",
                        route.minutes,
                        i + 1,
                        stop.kind,
                        stop.prompt
                    );
                }
            }
        }
    }

    #[test]
    fn the_plans_add_up_to_their_lengths() {
        assert_eq!(RouteId::Short.route().total_minutes(), 15);
        assert_eq!(RouteId::Full.route().total_minutes(), 45);
        for route in &ROUTES {
            assert_eq!(route.total_minutes(), route.minutes);
            assert!(route.stops.iter().all(|s| s.minutes > 0));
            // Screens in story order, each once.
            let screens = route.screens();
            assert!(screens.windows(2).all(|w| w[0].index() < w[1].index()));
            assert_eq!(
                screens.len(),
                route
                    .stops
                    .iter()
                    .filter(|s| matches!(s.kind, StopKind::Screen { .. } | StopKind::Discuss))
                    .count()
            );
            // The talk ends the lesson, over the story's last screen.
            assert_eq!(
                route.stops.last().map(|s| (s.kind, s.position())),
                Some((StopKind::Discuss, Some(Position::last())))
            );
        }
    }

    #[test]
    fn the_table_names_only_screens_of_the_story() {
        for ((c, b), ..) in BEATS {
            assert!(story_has(*c, *b), "{c}.{b}");
        }
    }

    #[test]
    fn the_full_route_shows_what_its_later_screens_depend_on() {
        let full = RouteId::Full.route();
        for (c, b) in [(5, 2), (5, 3), (6, 2)] {
            let p = Position {
                chapter: c - 1,
                beat: b - 1,
            };
            assert!(full.screen_index(p).is_some(), "{c}.{b}");
        }
    }

    #[test]
    fn stepping_stays_on_the_route() {
        let r = RouteId::Short.route();
        let screens = r.screens();
        assert_eq!(r.next_screen(screens[0]), Some(screens[1]));
        assert_eq!(r.prev_screen(screens[1]), Some(screens[0]));
        assert_eq!(r.prev_screen(screens[0]), None);
        assert_eq!(r.next_screen(*screens.last().unwrap()), None);
        // Off the route: the nearest screen that way.
        let off = Position {
            chapter: 2,
            beat: 0,
        };
        assert_eq!(r.next_screen(off), Some(screens[2]));
        // The lab and the discussion come after the screen before them.
        let full = RouteId::Full.route();
        let c54 = Position {
            chapter: 4,
            beat: 3,
        };
        assert!(matches!(full.then(c54)[0].kind, StopKind::Lab { .. }));
        assert_eq!(RouteId::from_code(" 45"), Some(RouteId::Full));
        assert_eq!(RouteId::from_code("30"), None);
    }

    #[test]
    fn the_class_hook_is_the_class_own_time() {
        // The UK on 20 Oct 2025 (BST, UTC+1): 07:48 on Monday, getting ready.
        assert_eq!(blank_moment(60), (1, 7, 48, SchoolTime::GettingReady));
        // Japan: 15:48 on Monday, after school.
        assert_eq!(blank_moment(540), (1, 15, 48, SchoolTime::AfterSchool));
        // Seattle: 23:48 on Sunday, the night before school.
        assert_eq!(blank_moment(-420), (0, 23, 48, SchoolTime::NightBefore));
        // New York: 02:48 on Monday, asleep.
        assert_eq!(blank_moment(-240), (1, 2, 48, SchoolTime::Asleep));
        // India: 12:18, in lessons.
        assert_eq!(blank_moment(330), (1, 12, 18, SchoolTime::InLessons));
        // Kiribati, the farthest east: 20:48 on Monday.
        assert_eq!(blank_moment(840), (1, 20, 48, SchoolTime::Evening));
        assert_eq!(BLANK_SIM_MIN, 8);
    }

    #[test]
    fn a_lesson_link_reopens_its_lesson() {
        use crate::share::{ViewState, decode, encode};
        for id in RouteId::ALL {
            let s = ViewState {
                present: true,
                speaker: true,
                lesson: Some(id),
                ..ViewState::default()
            };
            let d = decode(&encode(&s));
            assert!(d.notes.is_empty(), "{:?}", d.notes);
            assert_eq!(d.state, s);
        }
        let d = decode("v=2&present=1&lesson=30");
        assert_eq!(d.state.lesson, None);
        assert!(d.state.present);
        assert_eq!(d.notes.len(), 1);
    }
}
