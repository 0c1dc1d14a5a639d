//! The shareable state (everything a link reopens) and its versioned
//! query-string codec. Pure: no web, no words; decoding is total.
//!
//! One link holds the view (story, playground or an embedded scene), the
//! story position, the scene's cursor, every playground knob, the seed, the
//! language and the detail level. [`encode`] writes only what differs from
//! the defaults, in a fixed order, so equal states give equal links.
//! [`decode`] accepts any string: unknown keys, bad values and out-of-range
//! numbers fall back to defaults or the nearest valid value, each with a
//! note for the console. Invariant (tested with random input):
//! `decode(encode(s)).state == s` for every state the controls can reach,
//! and `decode(encode(decode(q).state))` has no notes for any `q`.
//!
//! Schema history:
//! - v1 (no `v` key; the first links): `lang`, `ch`, `beat`, `detail`, `view`.
//! - v2: adds `v`, `embed`, the cursors `ev` and `t`, and the knobs. The v1
//!   keys keep their meaning, so v1 links migrate unchanged.
//! - v2, extended (no bump: an added key whose absence means what it always
//!   meant): `tz`, the zone times are shown in (`jst`, `pdt`, `utc`,
//!   `local`). Absent, times follow the language (Japanese: Japan time,
//!   English: US Pacific time), as every earlier link did. A page from
//!   before it ignores the key with a note and shows the language's zone.
//! - v2, extended the same way: `present` (`1`), presenter mode, one beat
//!   filling the screen in large type for a classroom; `present=notes`, the
//!   speaker's window beside it. Absent, the page is
//!   the reader's, as before; a page from before it ignores the key with a
//!   note. (`view=teach` and `view=handout` open the classroom's pages
//!   before the app reads the address, `ui::classroom`; this codec reads
//!   them as the story, with a note.)
//! - v2, extended the same way: `lesson` (`15` or `45`), lesson mode:
//!   presenter mode follows that lesson's route ([`crate::routes`]).
//!   Absent, presenter mode steps through every beat, as before.

use crate::controls::{DEPLOYMENT_FLAGS, InLink, KNOBS, READERS, SWITCHES};
pub use crate::controls::{
    DNS_AT_MIN, KnobRange, NEGATIVE_TTL_MIN, PLANNER_MS, POSITIVE_TTL_MIN, SLOW_EXTRA_MS,
    SLOW_FOR_MS, THRESHOLD_PLANS,
};
use crate::engine::cascade::clock::{END, Minute};
use crate::engine::cascade::scenario::Deployment;
use crate::engine::cascade::{CascadePreset, CascadeScenario, Service};
use crate::engine::race::{Preset, RaceScenario};
use crate::i18n::Lang;
use crate::routes::RouteId;
use crate::story::chapters::{CHAPTERS, Position};
use crate::time::ZoneChoice;

/// The schema [`encode`] writes.
pub const SCHEMA_VERSION: u32 = 2;

/// How much the story says: plain words, or engineer's detail too.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Detail {
    #[default]
    Story,
    Engineer,
}

/// The full page's screen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Page {
    #[default]
    Story,
    Playground,
    /// Every source and the sentences resting on it (`?view=sources`).
    Sources,
}

/// One scene rendered alone for an article's iframe (`?embed=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Embed {
    Race,
    Cascade,
    Timeline,
    Playground,
    /// One chapter (0-based), with its own back/next.
    Chapter(usize),
}

impl Embed {
    /// Every embeddable scene except chapters.
    pub const SCENES: [Embed; 4] = [
        Embed::Race,
        Embed::Cascade,
        Embed::Timeline,
        Embed::Playground,
    ];

    /// The value in `?embed=`: `race`, …, `ch3` (1-based).
    pub fn code(self) -> String {
        match self {
            Embed::Race => "race".into(),
            Embed::Cascade => "cascade".into(),
            Embed::Timeline => "timeline".into(),
            Embed::Playground => "playground".into(),
            Embed::Chapter(c) => format!("ch{}", c + 1),
        }
    }
}

/// The largest race-scene cursor a link may carry; the page clamps it
/// further to the length of the trace it shows.
pub const MAX_RACE_EVENT: u32 = 100_000;
/// Loosened couplings a link may carry (the engine's own limit is 64).
pub const MAX_LOOSENED: usize = 32;

/// Everything a link reopens.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    pub lang: Lang,
    /// The zone the reader chose for times; `None` follows the language
    /// ([`ZoneChoice::default_for`]), so switching language moves it too.
    pub zone: Option<ZoneChoice>,
    pub detail: Detail,
    pub page: Page,
    pub embed: Option<Embed>,
    /// Presenter mode (`present=1`): the story one beat at a time in large
    /// type, without the page's chrome, driven by a clicker's keys.
    pub present: bool,
    /// The speaker's window of presenter mode (`present=notes`, which
    /// implies `present`): the beat beside notes, in step with the
    /// audience window.
    pub speaker: bool,
    /// Lesson mode (`lesson=15` or `lesson=45`, with `present`): presenter
    /// mode follows that route through the story ([`crate::routes`]).
    pub lesson: Option<RouteId>,
    pub position: Position,
    /// The race scene's cursor: an index into the trace it shows.
    pub race_event: Option<u32>,
    /// The clock's cursor on the timeline or cascade scene (minutes since
    /// 19 Oct 23:40 PDT).
    pub minute: Option<Minute>,
    /// The playground's race: the as-it-happened preset with the reader's knobs.
    pub race: RaceScenario,
    /// The playground's cascade, loosened couplings sorted and unique.
    pub cascade: CascadeScenario,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            lang: Lang::default(),
            zone: None,
            detail: Detail::Story,
            page: Page::Story,
            embed: None,
            present: false,
            speaker: false,
            lesson: None,
            position: Position::first(),
            race_event: None,
            minute: None,
            race: Preset::AsItHappened.scenario(),
            cascade: CascadePreset::AsItHappened.scenario(),
        }
    }
}

impl ViewState {
    /// Moves the story to `position`; the new beat's scene starts at its own
    /// moment (the scene cursors are the old beat's).
    pub fn go_to(&mut self, position: Position) {
        self.position = position;
        self.race_event = None;
        self.minute = None;
    }

    /// The other detail level.
    pub fn toggle_detail(&mut self) {
        self.detail = match self.detail {
            Detail::Story => Detail::Engineer,
            Detail::Engineer => Detail::Story,
        };
    }

    /// The state a link to `page` opens: the same reader settings and
    /// playground, no scene cursor.
    pub fn opening_page(&self, page: Page) -> ViewState {
        let mut s = self.clone();
        s.page = page;
        (s.race_event, s.minute) = (None, None);
        s
    }

    /// The state a link to the story at `position` opens, as a full page.
    pub fn opening_beat(&self, position: Position) -> ViewState {
        let mut s = self.opening_page(Page::Story);
        s.embed = None;
        s.go_to(position);
        s
    }

    /// The full explainer at what an embedded scene shows: an embedded
    /// playground opens the playground, a chapter or scene the story there.
    pub fn opening_full(&self) -> ViewState {
        let mut s = self.clone();
        if s.embed == Some(Embed::Playground) {
            s.page = Page::Playground;
        }
        s.embed = None;
        s
    }
}

/// Sorts and dedups loosened couplings so equal choices compare equal.
pub fn normalise_loosened(loosened: &mut Vec<(Service, Service)>) {
    loosened.sort_by_key(|&(a, b)| (a.index(), b.index()));
    loosened.dedup();
    loosened.truncate(MAX_LOOSENED);
}

/// A decoded link: always a valid state, and what was ignored or corrected.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub state: ViewState,
    /// One line per ignored or corrected part, for the console.
    pub notes: Vec<String>,
    /// The schema the link was written in (1 when it had no `v`).
    pub version: u32,
}

fn parse_u64(value: &str) -> Option<u64> {
    let v = value.trim();
    if v.is_empty() || !v.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // All digits: only overflow can fail, and it saturates.
    Some(v.parse::<u64>().unwrap_or(u64::MAX))
}

fn parse_flag(value: &str) -> Option<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "on" | "yes" => Some(true),
        "0" | "false" | "off" | "no" => Some(false),
        _ => None,
    }
}

struct Reader {
    notes: Vec<String>,
}

impl Reader {
    fn note(&mut self, text: String) {
        self.notes.push(text);
    }

    /// A number in `range`; out-of-range values move to the nearest end.
    fn ranged(&mut self, key: &str, value: &str, range: KnobRange) -> Option<u32> {
        let Some(n) = parse_u64(value) else {
            self.note(format!(
                "{key}=\"{value}\" is not a number; kept the default"
            ));
            return None;
        };
        let clamped = range.clamp(u32::try_from(n).unwrap_or(u32::MAX));
        if u64::from(clamped) != n {
            self.note(format!(
                "{key}={n} is outside {}..={}; using {clamped}",
                range.min, range.max
            ));
        }
        Some(clamped)
    }

    fn flag(&mut self, key: &str, value: &str) -> Option<bool> {
        let parsed = parse_flag(value);
        if parsed.is_none() {
            self.note(format!("{key}=\"{value}\" is not on/off; kept the default"));
        }
        parsed
    }
}

/// Reads any query string (with or without the leading `?`) into a valid
/// state. Never fails; see [`Decoded::notes`] for what was set aside.
pub fn decode(query: &str) -> Decoded {
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut r = Reader { notes: Vec::new() };
    let mut s = ViewState::default();
    let mut seen: Vec<String> = Vec::new();
    let mut pairs: Vec<(String, String)> = Vec::new();
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        if k.is_empty() && v.is_empty() {
            continue;
        }
        if seen.iter().any(|x| *x == k) {
            r.note(format!("{k} appears more than once; the first is used"));
            continue;
        }
        seen.push(k.to_string());
        pairs.push((k.into_owned(), v.into_owned()));
    }

    let version = match pairs.iter().find(|(k, _)| k == "v") {
        None => 1,
        Some((_, v)) => match parse_u64(v) {
            Some(n) if (1..=u64::from(SCHEMA_VERSION)).contains(&n) => n as u32,
            Some(n) if n > u64::from(SCHEMA_VERSION) => {
                r.note(format!(
                    "v={n} is newer than this page (v{SCHEMA_VERSION}); reading what it knows"
                ));
                SCHEMA_VERSION
            }
            _ => {
                r.note(format!(
                    "v=\"{v}\" is not a schema version; reading it as v{SCHEMA_VERSION}"
                ));
                SCHEMA_VERSION
            }
        },
    };
    // v1 -> v2: the v1 keys kept their names and meanings; nothing to rename.

    let (mut chapter, mut beat) = (None::<u64>, None::<u64>);
    let mut loosened = Vec::new();
    for (key, value) in &pairs {
        let (key, value) = (key.as_str(), value.as_str());
        match key {
            "v" => {}
            "lang" => match Lang::from_code(value) {
                Some(l) => s.lang = l,
                None => r.note(format!(
                    "lang=\"{value}\" is not a language here; showing {}",
                    s.lang.code()
                )),
            },
            "tz" => match ZoneChoice::from_code(value) {
                Some(z) => s.zone = Some(z),
                None => r.note(format!(
                    "tz=\"{value}\" is not jst, pdt, utc or local; times follow the language"
                )),
            },
            "detail" => match value.trim() {
                "engineer" => s.detail = Detail::Engineer,
                "story" => s.detail = Detail::Story,
                _ => r.note(format!("detail=\"{value}\" is neither story nor engineer")),
            },
            "view" => match value.trim() {
                "playground" => s.page = Page::Playground,
                "story" => s.page = Page::Story,
                "sources" => s.page = Page::Sources,
                _ => r.note(format!("view=\"{value}\" is not a view; showing the story")),
            },
            "embed" => s.embed = decode_embed(&mut r, value),
            "present" => {
                if value.trim().eq_ignore_ascii_case("notes") {
                    (s.present, s.speaker) = (true, true);
                } else if let Some(on) = r.flag(key, value) {
                    (s.present, s.speaker) = (on, false);
                }
            }
            "lesson" => match RouteId::from_code(value) {
                Some(r) => s.lesson = Some(r),
                None => r.note(format!(
                    "lesson=\"{value}\" is not 15 or 45; presenting the whole story"
                )),
            },
            "ch" | "beat" => {
                let n = parse_u64(value);
                if n.is_none() {
                    r.note(format!(
                        "{key}=\"{value}\" is not a number; starting at the first"
                    ));
                }
                if key == "ch" {
                    chapter = n;
                } else {
                    beat = n;
                }
            }
            "ev" => {
                s.race_event = r.ranged(key, value, KnobRange::new(0, MAX_RACE_EVENT, 1));
            }
            "t" => {
                s.minute = r.ranged(key, value, KnobRange::new(0, END, 1));
            }
            "fix" => {
                for name in value.split(['.', ',', ' ']).filter(|n| !n.is_empty()) {
                    let switch = SWITCHES
                        .iter()
                        .find(|sw| matches!(sw.link, InLink::Fix(code, _) if code == name));
                    match switch {
                        Some(sw) => (sw.set)(&mut s, true),
                        None => r.note(format!("fix \"{name}\" is not a fix here")),
                    }
                }
            }
            "seed" => match parse_u64(value) {
                Some(n) if n.to_string() == value.trim() => s.race.seed = n,
                _ => r.note(format!(
                    "seed=\"{value}\" is not a day number; kept the default"
                )),
            },
            "loose" => loosened = decode_loosened(&mut r, value),
            _ => {
                if let Some(knob) = KNOBS.iter().find(|k| k.key == key) {
                    if let Some(v) = r.ranged(key, value, knob.range) {
                        knob.apply(&mut s, v);
                    }
                } else if let Some(sw) = SWITCHES
                    .iter()
                    .find(|sw| matches!(sw.link, InLink::Key(k) if k == key))
                {
                    if let Some(on) = r.flag(key, value) {
                        (sw.set)(&mut s, on);
                    }
                } else if let Some(reader) = READERS.iter().find(|rd| rd.code == key) {
                    if let (Some(d), Some(slot)) = (
                        decode_deployment(&mut r, key, value),
                        s.cascade.deployment_mut(reader.service),
                    ) {
                        *slot = d;
                    }
                } else {
                    r.note(format!("{key} is not something this page reads; ignored"));
                }
            }
        }
    }

    normalise_loosened(&mut loosened);
    s.cascade.loosened = loosened;

    if chapter.is_some() || beat.is_some() {
        let one_based = |n: Option<u64>| usize::try_from(n.unwrap_or(1)).unwrap_or(usize::MAX);
        let (c, b) = (one_based(chapter), one_based(beat));
        s.position = Position::clamped(c.saturating_sub(1), b.saturating_sub(1));
        let p = s.position;
        if (chapter.is_some() && c != p.chapter + 1) || (beat.is_some() && b != p.beat + 1) {
            r.note(format!(
                "ch={c} beat={b} is not in the story; showing chapter {} beat {}",
                p.chapter + 1,
                p.beat + 1
            ));
        }
    }
    debug_assert!(s.race.validate().is_ok() && s.cascade.validate().is_ok());
    Decoded {
        state: s,
        notes: r.notes,
        version,
    }
}

fn decode_embed(r: &mut Reader, value: &str) -> Option<Embed> {
    let v = value.trim().to_ascii_lowercase();
    if let Some(e) = Embed::SCENES.into_iter().find(|e| e.code() == v) {
        return Some(e);
    }
    let digits = v.strip_prefix("ch").unwrap_or(&v);
    match parse_u64(digits) {
        Some(n) => {
            let last = CHAPTERS.len() as u64;
            let c = n.clamp(1, last);
            if c != n {
                r.note(format!(
                    "embed=\"{value}\": there are chapters 1..={last}; showing {c}"
                ));
            }
            Some(Embed::Chapter(c as usize - 1))
        }
        None => {
            r.note(format!(
                "embed=\"{value}\" is not a scene; showing the full page"
            ));
            None
        }
    }
}

fn decode_loosened(r: &mut Reader, value: &str) -> Vec<(Service, Service)> {
    let mut out = Vec::new();
    for pair in value.split(['.', ',', ' ']).filter(|p| !p.is_empty()) {
        let parsed = pair
            .split_once('>')
            .and_then(|(a, b)| Some((Service::from_name(a)?, Service::from_name(b)?)))
            .filter(|(a, b)| a != b);
        match parsed {
            Some(edge) if out.len() < MAX_LOOSENED => out.push(edge),
            Some(_) => r.note(format!(
                "loose: more than {MAX_LOOSENED} couplings; the rest ignored"
            )),
            None => r.note(format!("loose \"{pair}\" is not service>consumer")),
        }
    }
    out
}

fn decode_deployment(r: &mut Reader, key: &str, value: &str) -> Option<Deployment> {
    let mut parts = value.split(['.', ',', ' ']).filter(|p| !p.is_empty());
    let Some(placement) = parts.next().and_then(crate::controls::placement_from_code) else {
        r.note(format!(
            "{key}=\"{value}\": begins with us, region or cloud"
        ));
        return None;
    };
    let mut d = Deployment {
        placement,
        ..Deployment::default()
    };
    for part in parts {
        match DEPLOYMENT_FLAGS.iter().find(|f| f.code == part) {
            Some(flag) => (flag.set)(&mut d, true),
            None => r.note(format!(
                "{key}: \"{part}\" is neither fallback nor monitoring"
            )),
        }
    }
    Some(d)
}

/// The query string (without `?`) that reopens `state`: `v` and `lang`
/// always, `tz` when the reader chose a zone (even the language's own: a
/// choice sticks across a language switch), everything else only where it
/// differs from the default.
pub fn encode(state: &ViewState) -> String {
    let d = ViewState::default();
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("v", &SCHEMA_VERSION.to_string());
    q.append_pair("lang", state.lang.code());
    if let Some(z) = state.zone {
        q.append_pair("tz", z.code());
    }
    if let Some(e) = state.embed {
        q.append_pair("embed", &e.code());
    }
    match state.page {
        Page::Story => {}
        Page::Playground => {
            q.append_pair("view", "playground");
        }
        Page::Sources => {
            q.append_pair("view", "sources");
        }
    }
    if state.detail == Detail::Engineer {
        q.append_pair("detail", "engineer");
    }
    if state.present {
        q.append_pair("present", if state.speaker { "notes" } else { "1" });
    }
    if let Some(route) = state.lesson {
        q.append_pair("lesson", route.code());
    }
    if state.position != d.position {
        q.append_pair("ch", &(state.position.chapter + 1).to_string());
        q.append_pair("beat", &(state.position.beat + 1).to_string());
    }
    if let Some(ev) = state.race_event {
        q.append_pair("ev", &ev.to_string());
    }
    if let Some(t) = state.minute {
        q.append_pair("t", &t.to_string());
    }
    let fixes: Vec<&str> = SWITCHES
        .iter()
        .filter_map(|sw| match sw.link {
            InLink::Fix(code, _) if (sw.get)(state) => Some(code),
            _ => None,
        })
        .collect();
    if !fixes.is_empty() {
        q.append_pair("fix", &fixes.join("."));
    }
    for knob in &KNOBS {
        let v = (knob.get)(state);
        if v != (knob.get)(&d) {
            q.append_pair(knob.key, &v.to_string());
        }
    }
    if state.race.seed != d.race.seed {
        q.append_pair("seed", &state.race.seed.to_string());
    }
    for sw in &SWITCHES {
        if let InLink::Key(key) = sw.link {
            let on = (sw.get)(state);
            if on != (sw.get)(&d) {
                q.append_pair(key, if on { "1" } else { "0" });
            }
        }
    }
    let c = &state.cascade;
    if !c.loosened.is_empty() {
        let mut loosened = c.loosened.clone();
        normalise_loosened(&mut loosened);
        let names: Vec<String> = loosened
            .iter()
            .map(|(a, b)| format!("{}>{}", a.name(), b.name()))
            .collect();
        q.append_pair("loose", &names.join("."));
    }
    for reader in &READERS {
        let dep = c.deployment(reader.service).unwrap_or_default();
        if dep != Deployment::default() {
            let mut text = crate::controls::placement_code(dep.placement).to_string();
            for flag in DEPLOYMENT_FLAGS.iter().filter(|f| (f.get)(&dep)) {
                text.push('.');
                text.push_str(flag.code);
            }
            q.append_pair(reader.code, &text);
        }
    }
    q.finish()
}
