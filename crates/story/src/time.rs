//! Times in the reader's zone. Pure: no web; the words come from the locale
//! table (`time.*`, `tz.*`). The browser part (the device's offset) lives
//! in `ui::clock`.
//!
//! Every time of the story is a moment of the record, written in US Pacific
//! time (PDT, UTC−7) as AWS wrote it. A [`Clock`] shows such a moment in the
//! reader's [`Zone`]: Japan time for Japanese readers, Pacific time for
//! English ones, or UTC or the device's zone by choice ([`ZoneChoice`],
//! carried in links as `tz=`). Locale text writes record times as tokens
//! ([`token`]): `{t:20-02:25}` shows the moment with its day, `{tt:20-02:25}`
//! adds the other zone beside it (Pacific, or UTC when the reader reads
//! Pacific), and `{tw:19-23:48}` says it in words, true in the reader's zone
//! ("Monday afternoon in Japan, and late Sunday night in Seattle"; only
//! Seattle's for a reader of Pacific time). [`Clock::expand`] replaces them;
//! malformed tokens stay visible.

pub mod token;

use crate::engine::cascade::clock::Minute;
use crate::i18n::{Key, Lang, Message, msg};
use token::{Piece, Token, TokenKind};

/// PDT's offset from UTC, minutes east.
const PDT_OFFSET_MIN: i32 = -7 * 60;
/// UK time's offset from UTC at the event, minutes east: British Summer
/// Time, which ran until 26 October 2025.
const UK_OFFSET_MIN: i32 = 60;
/// JST's offset from UTC, minutes east.
const JST_OFFSET_MIN: i32 = 9 * 60;
/// The simulation's minute 0 (19 Oct 23:40 PDT), in minutes since 19 Oct 00:00 PDT.
const SIM_START_PDT_MIN: i32 = 23 * 60 + 40;
/// The widest offsets in use on Earth (UTC−12 to UTC+14).
const OFFSET_RANGE_MIN: std::ops::RangeInclusive<i32> = -12 * 60..=14 * 60;

thread_local! {
    /// Whether formatted times carry marks ([`marked`]): on only while the
    /// page generator prints the story.
    static MARKING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Starts a mark ([`marked`]): the format and moment follow, then [`MARK_TEXT`].
pub const MARK_OPEN: char = '\u{E000}';
/// Between a mark's format and moment and its text.
pub const MARK_TEXT: char = '\u{E001}';
/// Ends a mark.
pub const MARK_CLOSE: char = '\u{E002}';

/// Whether times are marked; the page generator turns marks on while it
/// prints the story, so each printed time says its moment and format and
/// the page's small script (`public/story.js`) can write it again in the
/// zone the reader chose. The app never marks.
/// Needs the `marks` feature (the page generator's); without it times are
/// never marked and the checks fold away.
pub fn set_marking(on: bool) {
    MARKING.with(|m| m.set(on));
}

/// Whether times are marked now.
fn marking() -> bool {
    cfg!(feature = "marks") && MARKING.with(|m| m.get())
}

/// `text` marked with how it was made, when marking is on: the format
/// (`t` day and time, `h` time alone, `s` a time with its day only where it
/// differs from `prev`'s, `o` with the other zone beside it, `w` in words,
/// `a` the record's aside, `n` the zone's short name, `z` its name for
/// sentences), the moment in minutes since 19 Oct 00:00 PDT, and `prev`.
/// Written `\u{E000}` format minutes [`,` prev] `\u{E001}` text `\u{E002}`,
/// which no locale text holds and every markup escape passes unchanged.
/// `text` without the clock's marks ([`set_marking`]): what a reader sees,
/// for measuring a label or breaking it into lines.
pub fn unmarked(text: &str) -> std::borrow::Cow<'_, str> {
    if !cfg!(feature = "marks") || !text.contains(MARK_OPEN) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut head = false;
    for c in text.chars() {
        match c {
            MARK_OPEN => head = true,
            MARK_TEXT => head = false,
            MARK_CLOSE => {}
            c if !head => out.push(c),
            _ => {}
        }
    }
    out.into()
}

fn marked(format: char, pdt_minutes: i32, prev: Option<i32>, text: String) -> String {
    if !marking() {
        return text;
    }
    let prev = prev.map(|p| format!(",{p}")).unwrap_or_default();
    format!("{MARK_OPEN}{format}{pdt_minutes}{prev}{MARK_TEXT}{text}{MARK_CLOSE}")
}

/// The zone a reader chose (or the language's default), as links carry it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoneChoice {
    /// Japan time, UTC+9: the Japanese reader's default.
    Jst,
    /// US Pacific daylight time, UTC−7, as in AWS's report: the English default.
    Pdt,
    Utc,
    /// UK time at the event: British Summer Time, UTC+1 (it ended on 26
    /// October 2025), for classes in Britain.
    Uk,
    /// This device's zone at the time of the event.
    Local,
}

impl ZoneChoice {
    /// Every choice, in the order the control lists them.
    pub const ALL: [ZoneChoice; 5] = [
        ZoneChoice::Jst,
        ZoneChoice::Pdt,
        ZoneChoice::Utc,
        ZoneChoice::Uk,
        ZoneChoice::Local,
    ];

    /// The value in links (`tz=`).
    pub const fn code(self) -> &'static str {
        match self {
            ZoneChoice::Jst => "jst",
            ZoneChoice::Pdt => "pdt",
            ZoneChoice::Utc => "utc",
            ZoneChoice::Uk => "uk",
            ZoneChoice::Local => "local",
        }
    }

    /// Parses a link's value; case and surrounding space are forgiven.
    pub fn from_code(code: &str) -> Option<ZoneChoice> {
        let code = code.trim();
        ZoneChoice::ALL
            .into_iter()
            .find(|z| code.eq_ignore_ascii_case(z.code()))
    }

    /// A language's zone when the reader has not chosen one.
    pub const fn default_for(lang: Lang) -> ZoneChoice {
        match lang {
            Lang::Ja => ZoneChoice::Jst,
            Lang::En => ZoneChoice::Pdt,
        }
    }

    /// The zone itself; `device_offset_min` is the device's offset from UTC
    /// at the event (minutes east), used by [`ZoneChoice::Local`] only.
    pub fn resolve(self, device_offset_min: i32) -> Zone {
        match self {
            ZoneChoice::Jst => Zone::Jst,
            ZoneChoice::Pdt => Zone::Pdt,
            ZoneChoice::Utc => Zone::Utc,
            ZoneChoice::Uk => Zone::Uk,
            ZoneChoice::Local if OFFSET_RANGE_MIN.contains(&device_offset_min) => {
                Zone::Device(device_offset_min)
            }
            ZoneChoice::Local => Zone::Device(0),
        }
    }
}

/// A zone times are shown in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    Jst,
    Pdt,
    Utc,
    /// UK time at the event (BST, UTC+1).
    Uk,
    /// The device's zone: its offset from UTC at the event, minutes east.
    Device(i32),
}

impl Zone {
    /// Offset from UTC, minutes east.
    pub const fn offset_min(self) -> i32 {
        match self {
            Zone::Jst => JST_OFFSET_MIN,
            Zone::Pdt => PDT_OFFSET_MIN,
            Zone::Utc => 0,
            Zone::Uk => UK_OFFSET_MIN,
            Zone::Device(m) => m,
        }
    }

    /// The zone shown beside a time: the record's (Pacific), or UTC for a
    /// reader who already reads Pacific time.
    pub const fn other(self) -> Zone {
        if self.offset_min() == PDT_OFFSET_MIN {
            Zone::Utc
        } else {
            Zone::Pdt
        }
    }

    /// Whether this zone shows the record's own times (no need to add them).
    pub const fn is_record(self) -> bool {
        self.offset_min() == PDT_OFFSET_MIN
    }

    /// Where this zone's clock is, for a moment told in words
    /// ([`Clock::when`]): `日本`, `in Seattle`, `UTC`, `by this device's clock`.
    fn place(self, lang: Lang) -> &'static str {
        match self {
            Zone::Jst => lang.text(Key::TimePlaceJst),
            Zone::Pdt => lang.text(Key::TimePlacePdt),
            Zone::Utc => lang.text(Key::TimePlaceUtc),
            Zone::Uk => lang.text(Key::TimePlaceUk),
            Zone::Device(_) => lang.text(Key::TimePlaceDevice),
        }
    }

    /// The short name used beside a time (`JST`, `米国太平洋時間`, `UTC+5:30`).
    pub fn short_name(self, lang: Lang) -> String {
        match self {
            Zone::Jst => lang.text(Key::TzShortJst).into(),
            Zone::Pdt => lang.text(Key::TzShortPdt).into(),
            Zone::Utc => lang.text(Key::TzShortUtc).into(),
            Zone::Uk => lang.text(Key::TzShortUk).into(),
            Zone::Device(m) => offset_label(m),
        }
    }
}

/// A zone's offset as readers write it: `UTC+9`, `UTC−4` (a minus sign),
/// `UTC+5:30`, `UTC+0`.
pub fn offset_label(offset_min: i32) -> String {
    let sign = if offset_min < 0 { '\u{2212}' } else { '+' };
    let m = offset_min.unsigned_abs();
    match m % 60 {
        0 => format!("UTC{sign}{}", m / 60),
        rest => format!("UTC{sign}{}:{rest:02}", m / 60),
    }
}

/// A wall-clock moment: day of October 2025, hour, minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Wall {
    pub day: i32,
    pub hour: u32,
    pub minute: u32,
}

impl Wall {
    /// `HH:MM`.
    pub fn hhmm(self) -> String {
        format!("{:02}:{:02}", self.hour, self.minute)
    }
}

/// The wall clock in `zone` of a moment given in minutes since 19 Oct
/// 2025 00:00 PDT (all in October: the story spans 19 to 21 October).
pub fn wall(pdt_minutes: i32, zone: Zone) -> Wall {
    let local = pdt_minutes - PDT_OFFSET_MIN + zone.offset_min();
    let (days, rest) = (local.div_euclid(24 * 60), local.rem_euclid(24 * 60));
    Wall {
        day: 19 + days,
        hour: (rest / 60) as u32,
        minute: (rest % 60) as u32,
    }
}

impl Wall {
    /// The weekday's name (19 October 2025 was a Sunday).
    fn weekday(self) -> Key {
        const DAYS: [Key; 7] = [
            Key::TimeSunday,
            Key::TimeMonday,
            Key::TimeTuesday,
            Key::TimeWednesday,
            Key::TimeThursday,
            Key::TimeFriday,
            Key::TimeSaturday,
        ];
        DAYS[(self.day - 19).rem_euclid(7) as usize]
    }

    /// The part of the day its hour falls in, as a phrase taking `{day}`.
    fn part_of_day(self) -> Key {
        match self.hour {
            0..=3 => Key::TimeSmallHours,
            4..=6 => Key::TimeEarlyMorning,
            7..=10 => Key::TimeMorning,
            11..=12 => Key::TimeMidday,
            13..=16 => Key::TimeAfternoon,
            17..=18 => Key::TimeEvening,
            19..=21 => Key::TimeNight,
            _ => Key::TimeLateNight,
        }
    }
}

/// A simulation minute as minutes since 19 Oct 00:00 PDT.
pub const fn from_sim(m: Minute) -> i32 {
    SIM_START_PDT_MIN + m as i32
}

/// Times in one language and zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    pub lang: Lang,
    pub zone: Zone,
}

impl Clock {
    pub const fn new(lang: Lang, zone: Zone) -> Clock {
        Clock { lang, zone }
    }

    /// The language's default zone (the first screen, before any choice).
    pub fn default_for(lang: Lang) -> Clock {
        Clock::new(lang, ZoneChoice::default_for(lang).resolve(0))
    }

    /// The wall clock of a simulation minute in this zone.
    pub fn wall(self, m: Minute) -> Wall {
        wall(from_sim(m), self.zone)
    }

    /// `HH:MM` of a simulation minute, no day.
    pub fn hhmm(self, m: Minute) -> String {
        marked('h', from_sim(m), None, self.wall(m).hhmm())
    }

    /// A day alone (`20日`, `20 Oct`).
    pub fn day(self, day: i32) -> String {
        self.lang.message(&msg::TimeDay {
            day: &day.to_string(),
        })
    }

    fn day_time_of(self, w: Wall) -> String {
        self.lang.message(&msg::TimeDayTime {
            day: &w.day.to_string(),
            time: &w.hhmm(),
        })
    }

    /// A simulation minute with its day (`20日18:25`, `02:25 on 20 Oct`).
    pub fn day_time(self, m: Minute) -> String {
        marked('t', from_sim(m), None, self.day_time_of(self.wall(m)))
    }

    /// A moment (minutes since 19 Oct 00:00 PDT) with its day, and the
    /// other zone's time beside it (with its day only where that differs).
    fn with_other_of(self, pdt_minutes: i32) -> String {
        let here = wall(pdt_minutes, self.zone);
        let other_zone = self.zone.other();
        let there = wall(pdt_minutes, other_zone);
        let other = if there.day == here.day {
            there.hhmm()
        } else {
            self.day_time_of(there)
        };
        self.lang.message(&msg::TimeBeside {
            time: &self.day_time_of(here),
            zone: &other_zone.short_name(self.lang),
            other: &other,
        })
    }

    /// A moment (minutes since 19 Oct 00:00 PDT) in words, in one zone:
    /// `日本では月曜日の午後`, `late Sunday night in Seattle`.
    fn when_in(self, pdt_minutes: i32, zone: Zone) -> String {
        let w = wall(pdt_minutes, zone);
        let part = self.lang.message_as(
            w.part_of_day(),
            &msg::TimeAfternoon {
                day: self.lang.text(w.weekday()),
            },
        );
        self.lang.message(&msg::TimeWhen {
            part: &part,
            place: zone.place(self.lang),
        })
    }

    /// A moment in words, true in the reader's zone: the weekday and part of
    /// the day there, and beside it Seattle's (the record's zone), unless
    /// the reader reads the record's zone already.
    fn words_of(self, pdt_minutes: i32) -> String {
        let here = self.when_in(pdt_minutes, self.zone);
        if self.zone.is_record() {
            return here;
        }
        self.lang.message(&msg::TimeWhenBeside {
            here: &here,
            there: &self.when_in(pdt_minutes, Zone::Pdt),
        })
    }

    /// The record's own time of a simulation minute, for beside a time in
    /// another zone: `（米国太平洋時間では02:25）`, `(02:25 PDT)`. `None` when
    /// this clock already reads the record's zone (or, while times are
    /// marked, an empty mark, for the page's script to fill in another zone).
    pub fn record_aside(self, m: Minute) -> Option<String> {
        if self.zone.is_record() {
            return marking().then(|| marked('a', from_sim(m), None, String::new()));
        }
        let here = self.wall(m);
        let there = wall(from_sim(m), Zone::Pdt);
        let other = if there.day == here.day {
            there.hhmm()
        } else {
            self.day_time_of(there)
        };
        let text = self.lang.message(&msg::TimeBeside {
            time: "",
            zone: &Zone::Pdt.short_name(self.lang),
            other: &other,
        });
        Some(marked('a', from_sim(m), None, text.trim().to_string()))
    }

    /// `start–end`, the start with its day and the end with its day only
    /// when it is another day.
    pub fn span(self, start: Minute, end: Minute) -> String {
        let mut days = DayTracker::new(self);
        let a = days.stamp(start);
        let b = days.stamp(end);
        format!("{a}–{b}")
    }

    /// The zone's name for sentences (`日本時間`, `This device's time (UTC+9)`).
    pub fn zone_name(self) -> String {
        marked('z', 0, None, zone_name(self.lang, self.zone))
    }

    /// The zone's short name, for beside a time (`JST`, `米国太平洋時間`).
    pub fn short_name(self) -> String {
        marked('n', 0, None, self.zone.short_name(self.lang))
    }

    /// `text` with its time tokens shown in this clock's zone; malformed
    /// tokens stay as written, other `{placeholders}` are left for a typed
    /// message ([`Clock::message`]).
    pub fn expand(self, text: &str) -> String {
        if !text.contains(':') || !text.contains('{') {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len() + 32);
        for piece in token::pieces(text) {
            match piece {
                Piece::Text(s) | Piece::Bad(s) => out.push_str(s),
                Piece::Token(t) => out.push_str(&self.token(t)),
            }
        }
        out
    }

    fn token(self, t: Token) -> String {
        let m = t.pdt_minutes();
        match t.kind {
            TokenKind::Time => marked('t', m, None, self.day_time_of(wall(m, self.zone))),
            TokenKind::WithOther => marked('o', m, None, self.with_other_of(m)),
            TokenKind::Words => marked('w', m, None, self.words_of(m)),
        }
    }

    /// The locale text of `key` with its times in this clock's zone.
    pub fn text(self, key: Key) -> String {
        self.expand(self.lang.text(key))
    }

    /// A typed message in this clock's language, its times in this clock's
    /// zone: the time tokens are expanded first, then the placeholders
    /// filled (so a value is never read as a token).
    pub fn message<M: Message>(self, m: &M) -> String {
        m.fill_in(&self.text(M::KEY))
    }

    /// The text of `key`, chosen at run time, with its times in this
    /// clock's zone, filled by `m`, a message with the same placeholders
    /// (see [`Lang::message_as`]; debug builds check the match).
    pub fn message_as<M: Message>(self, key: Key, m: &M) -> String {
        debug_assert!(
            key.takes(M::NAMES),
            "`{}` takes {:?}, not {:?}",
            key.name(),
            key.placeholders(),
            M::NAMES
        );
        m.fill_in(&self.text(key))
    }
}

/// A zone's name for the zone control and for sentences.
pub fn zone_name(lang: Lang, zone: Zone) -> String {
    match zone {
        Zone::Jst => lang.text(Key::TzJst).into(),
        Zone::Pdt => lang.text(Key::TzPdt).into(),
        Zone::Utc => lang.text(Key::TzUtc).into(),
        Zone::Uk => lang.text(Key::TzUk).into(),
        Zone::Device(m) => lang.message(&msg::TzLocal {
            zone: &offset_label(m),
        }),
    }
}

/// Writes times one after another, naming the day only where it changes
/// (and for the first), so a list of times never loses its day.
pub struct DayTracker {
    clock: Clock,
    day: Option<i32>,
    /// The last moment stamped (minutes since 19 Oct 00:00 PDT), for marks.
    prev: Option<i32>,
}

impl DayTracker {
    pub const fn new(clock: Clock) -> DayTracker {
        DayTracker {
            clock,
            day: None,
            prev: None,
        }
    }

    /// The time of `m`, with its day when it differs from the last one.
    pub fn stamp(&mut self, m: Minute) -> String {
        let w = self.clock.wall(m);
        let text = if self.day == Some(w.day) {
            w.hhmm()
        } else {
            self.day = Some(w.day);
            self.clock.day_time_of(w)
        };
        let prev = self.prev.replace(from_sim(m));
        marked('s', from_sim(m), prev, text)
    }
}

/// The hour ticks of a time axis from simulation minute 0 to `end`, every
/// `every_h` hours of the zone's wall clock: `(minute, wall)` each.
pub fn hour_ticks(zone: Zone, end: Minute, every_h: u32) -> Vec<(Minute, Wall)> {
    let step = (every_h.max(1) * 60) as i32;
    let local0 = from_sim(0) - PDT_OFFSET_MIN + zone.offset_min();
    let first = (step - local0.rem_euclid(step)) % step;
    (first..=end as i32)
        .step_by(step as usize)
        .map(|m| (m as Minute, wall(from_sim(m as Minute), zone)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::token::{Piece, pieces};
    use super::*;
    use crate::engine::cascade::clock::at;

    const JA_JST: Clock = Clock::new(Lang::Ja, Zone::Jst);
    const EN_PDT: Clock = Clock::new(Lang::En, Zone::Pdt);

    #[test]
    fn the_record_table_in_each_zone() {
        // docs/RECORD.md's table: DNS repaired 02:25 PDT = 09:25 UTC = 18:25 JST.
        let dns = at(20, 2, 25);
        assert_eq!(
            Clock::new(Lang::En, Zone::Pdt).day_time(dns),
            "02:25 on 20 Oct"
        );
        assert_eq!(
            Clock::new(Lang::En, Zone::Utc).day_time(dns),
            "09:25 on 20 Oct"
        );
        assert_eq!(
            Clock::new(Lang::En, Zone::Jst).day_time(dns),
            "18:25 on 20 Oct"
        );
        assert_eq!(JA_JST.day_time(dns), "20日18:25");
        // Day rollover: the race began on the 19th in Seattle, the 20th in Japan.
        let race = at(19, 23, 48);
        assert_eq!(EN_PDT.day_time(race), "23:48 on 19 Oct");
        assert_eq!(JA_JST.day_time(race), "20日15:48");
        assert_eq!(Clock::new(Lang::Ja, Zone::Utc).day_time(race), "20日06:48");
        // UK classes: British Summer Time (UTC+1) still ran on the day.
        assert_eq!(
            Clock::new(Lang::En, Zone::Uk).day_time(race),
            "07:48 on 20 Oct"
        );
        assert_eq!(
            ZoneChoice::from_code(" UK ").map(|z| z.resolve(0)),
            Some(Zone::Uk)
        );
        // NLB failover off, 09:36 PDT = 21 Oct 01:36 JST.
        assert_eq!(JA_JST.day_time(at(20, 9, 36)), "21日01:36");
        assert_eq!(JA_JST.day_time(at(20, 14, 20)), "21日06:20");
        // A device zone with half hours, and one west of Pacific.
        let india = Clock::new(Lang::En, Zone::Device(330));
        assert_eq!(india.day_time(race), "12:18 on 20 Oct");
        let hawaii = Clock::new(Lang::En, Zone::Device(-600));
        assert_eq!(hawaii.day_time(race), "20:48 on 19 Oct");
        assert_eq!(hawaii.day_time(0), "20:40 on 19 Oct");
        // Before midnight in the west, the 18th.
        assert_eq!(wall(0, Zone::Device(-12 * 60)).day, 18);
    }

    #[test]
    fn offset_labels() {
        assert_eq!(offset_label(540), "UTC+9");
        assert_eq!(offset_label(-240), "UTC\u{2212}4");
        assert_eq!(offset_label(330), "UTC+5:30");
        assert_eq!(offset_label(-570), "UTC\u{2212}9:30");
        assert_eq!(offset_label(0), "UTC+0");
    }

    #[test]
    fn the_device_zone_falls_back_to_utc() {
        assert_eq!(ZoneChoice::Local.resolve(540), Zone::Device(540));
        assert_eq!(ZoneChoice::Local.resolve(-4000), Zone::Device(0));
        assert_eq!(ZoneChoice::Jst.resolve(-4000), Zone::Jst);
        assert_eq!(
            zone_name(Lang::En, Zone::Device(-240)),
            "This device's time (UTC\u{2212}4)"
        );
    }

    #[test]
    fn choices_round_trip_their_codes() {
        for z in ZoneChoice::ALL {
            assert_eq!(ZoneChoice::from_code(z.code()), Some(z));
        }
        assert_eq!(ZoneChoice::from_code(" JST "), Some(ZoneChoice::Jst));
        for bad in ["", "est", "jst2", "utc+9", "ローカル"] {
            assert_eq!(ZoneChoice::from_code(bad), None, "{bad}");
        }
        assert_eq!(ZoneChoice::default_for(Lang::Ja), ZoneChoice::Jst);
        assert_eq!(ZoneChoice::default_for(Lang::En), ZoneChoice::Pdt);
    }

    #[test]
    fn tokens_in_each_zone_and_language() {
        let s = "{t:20-02:25} / {tt:20-02:25}";
        assert_eq!(
            JA_JST.expand(s),
            "20日18:25 / 20日18:25（米国太平洋時間では02:25）"
        );
        assert_eq!(
            EN_PDT.expand(s),
            "02:25 on 20 Oct / 02:25 on 20 Oct (09:25 UTC)"
        );
        assert_eq!(
            Clock::new(Lang::En, Zone::Utc).expand(s),
            "09:25 on 20 Oct / 09:25 on 20 Oct (02:25 PDT)"
        );
        assert_eq!(
            Clock::new(Lang::Ja, Zone::Pdt).expand("{tt:20-02:25}"),
            "20日02:25（UTCでは09:25）"
        );
        // The other zone names its day where it differs.
        assert_eq!(
            JA_JST.expand("{tt:20-09:36}"),
            "21日01:36（米国太平洋時間では20日09:36）"
        );
        assert_eq!(
            EN_PDT.expand("{tt:19-23:48}"),
            "23:48 on 19 Oct (06:48 on 20 Oct UTC)"
        );
        // A device in Pacific time reads the record's zone: UTC beside.
        assert_eq!(
            Clock::new(Lang::En, Zone::Device(-420)).expand("{tt:20-02:25}"),
            "02:25 on 20 Oct (09:25 UTC)"
        );
        // Redshift's last clusters, the next morning.
        assert_eq!(JA_JST.expand("{t:21-04:05}"), "21日20:05");
    }

    /// The hook's words are true in every zone: the reader's weekday and
    /// part of the day, with Seattle's beside it, and never Seattle's night
    /// beside a morning elsewhere without naming the place.
    #[test]
    fn a_moment_in_words_reads_right_in_every_zone() {
        let race = "{tw:19-23:48}";
        assert_eq!(EN_PDT.expand(race), "late Sunday night in Seattle");
        assert_eq!(
            JA_JST.expand(race),
            "日本では月曜日の午後、米国シアトルでは日曜日の深夜"
        );
        assert_eq!(
            Clock::new(Lang::En, Zone::Jst).expand(race),
            "Monday afternoon in Japan, and late Sunday night in Seattle"
        );
        assert_eq!(
            Clock::new(Lang::En, Zone::Utc).expand(race),
            "early Monday morning UTC, and late Sunday night in Seattle"
        );
        assert_eq!(
            Clock::new(Lang::Ja, Zone::Pdt).expand(race),
            "米国シアトルでは日曜日の深夜"
        );
        // London (UTC+1 in October 2025), New York (UTC−4), India, Hawaii.
        assert_eq!(
            Clock::new(Lang::En, Zone::Device(60)).expand(race),
            "Monday morning by this device's clock, and late Sunday night in Seattle"
        );
        assert_eq!(
            Clock::new(Lang::En, Zone::Device(-240)).expand(race),
            "the small hours of Monday by this device's clock, and late Sunday night in Seattle"
        );
        assert_eq!(
            Clock::new(Lang::Ja, Zone::Device(330)).expand(race),
            "この端末の時刻では月曜日の昼、米国シアトルでは日曜日の深夜"
        );
        assert_eq!(
            Clock::new(Lang::En, Zone::Device(-600)).expand(race),
            "Sunday night by this device's clock, and late Sunday night in Seattle"
        );
        // A device on Pacific time reads the record's zone: no Seattle twice.
        assert_eq!(
            Clock::new(Lang::En, Zone::Device(-420)).expand(race),
            "late Sunday night by this device's clock"
        );
        // English never says Japan unless the reader chose Japan time.
        for zone in [Zone::Pdt, Zone::Utc, Zone::Device(60), Zone::Device(-240)] {
            let shown = Clock::new(Lang::En, zone).expand(race);
            assert!(!shown.contains("Japan"), "{shown}");
        }
    }

    #[test]
    fn malformed_tokens_stay_visible_and_placeholders_pass() {
        for bad in [
            "{t:22-02:25}",
            "{t:20-2:25}",
            "{t:20-24:00}",
            "{t:20-02:60}",
            "{x:20-02:25}",
            "{t: 20-02:25}",
            "{t:20-02:25",
            "{tt:}",
        ] {
            let text = format!("a {bad} b");
            assert_eq!(JA_JST.expand(&text), text, "{bad}");
            assert!(
                pieces(&text).iter().any(|p| matches!(p, Piece::Bad(_))),
                "{bad}"
            );
        }
        assert_eq!(JA_JST.expand("{plan} {t:20-02:25}"), "{plan} 20日18:25");
        assert_eq!(JA_JST.expand("{ {t:20-02:25}"), "{ 20日18:25");
        assert_eq!(JA_JST.expand("no tokens: 02:25"), "no tokens: 02:25");
        assert_eq!(JA_JST.expand(""), "");
    }

    #[test]
    fn every_locale_token_parses() {
        for key in Key::ALL {
            for lang in Lang::ALL {
                let text = lang.text(key);
                for p in pieces(text) {
                    assert!(
                        !matches!(p, Piece::Bad(_)),
                        "{lang:?} {}: malformed time token {p:?}",
                        key.name()
                    );
                }
                for zone in [Zone::Jst, Zone::Pdt, Zone::Utc, Zone::Device(330)] {
                    let shown = Clock::new(lang, zone).text(key);
                    assert!(!shown.contains("{t:") && !shown.contains("{tt:"), "{shown}");
                }
            }
        }
    }

    #[test]
    fn typed_messages_show_their_times_in_the_clocks_zone() {
        use crate::i18n::msg;
        let now = msg::SceneNow {
            time: &JA_JST.day_time(at(20, 2, 25)),
        };
        let shown = JA_JST.message(&now);
        assert!(
            shown.contains("20日18:25") && !shown.contains('{'),
            "{shown}"
        );
        assert_eq!(shown, Lang::Ja.message(&now));
        // Tokens are expanded before the values go in: a value is shown as
        // given, never read as a token.
        let raw = EN_PDT.message(&msg::SceneNow {
            time: "{t:20-02:25}",
        });
        assert!(raw.contains("{t:20-02:25}"), "{raw}");
        // A key chosen at run time, filled by a message of the same shape.
        for key in [Key::Ch9B1, Key::Ch9Fallback, Key::Ch9Result] {
            let shown = EN_PDT.message_as(
                key,
                &msg::Ch9Result {
                    affected: "3 hours",
                    down_time: "1 hour",
                },
            );
            assert!(
                shown.contains("3 hours") && shown.contains("1 hour"),
                "{shown}"
            );
            assert!(!shown.contains('{'), "{shown}");
        }
        assert_eq!(
            zone_name(Lang::En, Zone::Device(330)),
            Lang::En.message(&msg::TzLocal { zone: "UTC+5:30" })
        );
    }

    #[test]
    fn spans_and_days_are_never_lost() {
        assert_eq!(
            EN_PDT.span(8, at(20, 2, 40)),
            "23:48 on 19 Oct–02:40 on 20 Oct"
        );
        assert_eq!(JA_JST.span(8, at(20, 2, 40)), "20日15:48–18:40");
        let mut days = DayTracker::new(JA_JST);
        assert_eq!(days.stamp(at(20, 5, 30)), "20日21:30");
        assert_eq!(days.stamp(at(20, 7, 0)), "23:00");
        assert_eq!(days.stamp(at(20, 9, 36)), "21日01:36");
        assert_eq!(
            JA_JST.record_aside(at(20, 2, 25)).as_deref(),
            Some("（米国太平洋時間では02:25）")
        );
        assert_eq!(
            Clock::new(Lang::En, Zone::Utc).record_aside(8).as_deref(),
            Some("(23:48 on 19 Oct PDT)")
        );
        assert_eq!(EN_PDT.record_aside(8), None);
    }

    #[test]
    fn axis_ticks_sit_on_the_zones_hours() {
        let pdt = hour_ticks(Zone::Pdt, 920, 2);
        assert_eq!(pdt[0].0, 20); // 20 Oct 00:00 PDT
        assert!(pdt.iter().all(|(_, w)| w.hour % 2 == 0 && w.minute == 0));
        let jst = hour_ticks(Zone::Jst, 920, 2);
        assert_eq!(
            jst[0].1,
            Wall {
                day: 20,
                hour: 16,
                minute: 0
            }
        );
        assert_eq!(jst[0].0, 20);
        let india = hour_ticks(Zone::Device(330), 920, 2);
        assert_eq!((india[0].1.hour, india[0].1.minute), (14, 0));
        assert!(india.iter().all(|&(m, _)| m <= 920));
    }
}
