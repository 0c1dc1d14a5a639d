//! The playground's and the story player's sentences: engine results and
//! control values put into words. Pure (no browser), so every sentence is
//! tested natively; components only place them on the page.

use super::clock::{clock, say, say_msg};
use super::format::{duration, grouped, then};
use crate::controls::Unit;
use crate::engine::cascade::clock::END;
use crate::engine::cascade::{Impact, Service};
use crate::engine::race::RaceRun;
use crate::engine::race::census::Census;
use crate::engine::race::estimate::Estimate;
use crate::i18n::{Key, Lang, msg, one_decimal, seconds_from_ms};
use crate::story::chapters::{CHAPTERS, Position};
use crate::time::Clock;

/// A slider's value as it reads beside the slider (and to a screen reader).
pub fn knob_value(clock: Clock, unit: Unit, value: u32) -> String {
    let lang = clock.lang;
    match unit {
        Unit::SecondsFromMs => lang.message(&msg::PlaySeconds {
            value: &(value / 1000).to_string(),
        }),
        Unit::Plans => lang.message(&msg::PlayPlans {
            value: &value.to_string(),
        }),
        Unit::Minutes => lang.message(&msg::PcMinutes {
            value: &value.to_string(),
        }),
        Unit::RecordTime => clock.day_time(value),
    }
}

/// What one run of the race did: blank page or not, healed or stuck.
pub fn run_outcome(lang: Lang, run: &RaceRun) -> String {
    let outcome = match run.summary.first_empty {
        Some((at_ms, endpoint)) => {
            let head = say_msg(
                lang,
                &msg::PlayResultEmpty {
                    time: &seconds_from_ms(at_ms),
                    page: run.world.endpoint_name(endpoint),
                },
            );
            let tail = if run.summary.empty_at_end.is_empty() {
                Key::PlayResultHealed
            } else {
                Key::PlayResultStuck
            };
            then(lang, &head, &say(lang, tail))
        }
        None => say(lang, Key::PlayResultOk),
    };
    if run.truncated {
        then(lang, &outcome, &say(lang, Key::PlayTruncated))
    } else {
        outcome
    }
}

/// What the census found, at the lab's setting (`census`, the reader's
/// fixes) beside the same setting with no fix (`unfixed`), and its bounds.
/// `timing_fix_on`: fewer plans or fair back-off is on (they change no
/// order, so the census cannot show them). `estimate_above_zero`: never
/// "cannot happen" while the estimate beside it is above zero. Returns (the
/// finding, the setting and bounds).
pub fn census_finding(
    lang: Lang,
    census: &Census,
    unfixed: &Census,
    timing_fix_on: bool,
    estimate_above_zero: bool,
) -> (String, String) {
    let c = census;
    let behind = c.config.gap().to_string();
    let threshold = c.config.cleanup_threshold_generations.to_string();
    let setting = lang.message(&msg::PlayCensusSetting {
        behind: &behind,
        threshold: &threshold,
    });
    let finding = if !c.config.door_open() {
        lang.message(&msg::PlayCensusClosed {
            behind: &behind,
            threshold: &threshold,
        })
    } else if c.counts.empty() == 0 {
        lang.message(&msg::PlayCensusSafe {
            orderings: &grouped(c.counts.orderings),
            empty: &grouped(unfixed.counts.empty()),
            unfixed: &grouped(unfixed.counts.orderings),
        })
    } else if c.counts.empty_stuck == 0 {
        lang.message(&msg::PlayCensusHeals {
            orderings: &grouped(c.counts.orderings),
            empty: &grouped(c.counts.empty()),
        })
    } else {
        lang.message(&msg::PlayCensus {
            orderings: &grouped(c.counts.orderings),
            empty: &grouped(c.counts.empty()),
        })
    };
    let finding = if c.counts.empty() == 0 && estimate_above_zero {
        then(lang, &finding, &say(lang, Key::PlayCensusGap))
    } else {
        finding
    };
    let mut notes = setting;
    if timing_fix_on && c.config.door_open() && c.counts.empty_stuck > 0 {
        notes = then(lang, &notes, &say(lang, Key::PlayCensusTiming));
    }
    (
        finding,
        then(lang, &notes, &say(lang, Key::PlayCensusBounds)),
    )
}

fn percent(p: f64) -> String {
    one_decimal(p * 100.0)
}

/// The Monte Carlo estimate with its interval.
pub fn estimate_finding(lang: Lang, e: &Estimate) -> String {
    say_msg(
        lang,
        &msg::PlayEstimate {
            p: &percent(e.p_empty),
            low: &percent(e.p_low),
            high: &percent(e.p_high),
            trials: &e.trials.to_string(),
        },
    )
}

/// "Day 43": the seed the run used.
pub fn day(lang: Lang, seed: u64) -> String {
    say_msg(
        lang,
        &msg::PlayDay {
            seed: &seed.to_string(),
        },
    )
}

/// Where the scheduler game stands.
pub fn game_status(lang: Lang, moves: usize, won: bool, over: bool, fewest: u32) -> String {
    if won {
        say_msg(
            lang,
            &msg::PlayGameWon {
                moves: &moves.to_string(),
                fewest: &fewest.to_string(),
            },
        )
    } else if over {
        say(lang, Key::PlayGameOver)
    } else {
        say_msg(
            lang,
            &msg::PlayGameMoves {
                moves: &(moves + 1).to_string(),
            },
        )
    }
}

/// When the event ended in `impact`, or that it had not by the model's end.
pub fn event_end(clock: Clock, impact: &Impact) -> String {
    match impact.event {
        Some((_, end)) if end >= END => clock.text(Key::PcNever),
        Some((_, end)) => clock.day_time(end),
        None => "—".into(),
    }
}

/// A reader's service's hours in the what-if night beside the record's.
pub fn reader_hours(
    lang: Lang,
    result: Key,
    mine: &Impact,
    base: &Impact,
    service: Service,
) -> String {
    let (mine, base) = (
        duration(lang, mine.minutes(service)),
        duration(lang, base.minutes(service)),
    );
    // The three readers' sentences take the same placeholders.
    clock(lang).message_as(
        result,
        &msg::PcShopResult {
            mine: &mine,
            base: &base,
        },
    )
}

/// The event's end in the what-if night beside the record's.
pub fn end_comparison(clock: Clock, mine: &Impact, base: &Impact) -> String {
    clock.message(&msg::PcEndResult {
        mine: &event_end(clock, mine),
        base: &event_end(clock, base),
    })
}

/// "Chapter 3: 2/5".
pub fn progress(lang: Lang, p: Position) -> String {
    lang.message(&msg::NavProgress {
        chapter: &(p.chapter + 1).to_string(),
        beat: &(p.beat + 1).to_string(),
        beats: &CHAPTERS[p.chapter].beats.len().to_string(),
    })
}

/// The player's speed steps: ×2^step, from ×¼ to ×4.
pub const SPEED_MIN: i32 = -2;
pub const SPEED_MAX: i32 = 2;

/// "×¼" … "×4".
pub fn speed_label(step: i32) -> String {
    let factor = match step.clamp(SPEED_MIN, SPEED_MAX) {
        -2 => "¼".to_string(),
        -1 => "½".to_string(),
        s => (1i32 << s).to_string(),
    };
    format!("×{factor}")
}

/// A beat's time on screen while playing at `step`, in ms (7 s at ×1).
pub fn beat_ms(step: i32) -> u64 {
    const BEAT_MS_AT_1: u64 = 7_000;
    let step = step.clamp(SPEED_MIN, SPEED_MAX);
    if step >= 0 {
        BEAT_MS_AT_1 >> step
    } else {
        BEAT_MS_AT_1 << -step
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::controls::{KNOBS, Unit};
    use crate::engine::race::{Preset, run};
    use crate::share::ViewState;

    #[test]
    fn slider_values_read_in_their_units() {
        let ja = Clock::default_for(Lang::Ja);
        let en = Clock::default_for(Lang::En);
        assert_eq!(knob_value(ja, Unit::SecondsFromMs, 12_000), "12秒");
        assert_eq!(knob_value(ja, Unit::Plans, 20), "20版前");
        assert_eq!(knob_value(ja, Unit::Minutes, 15), "15分");
        assert!(knob_value(en, Unit::SecondsFromMs, 12_000).starts_with("12"));
        // The record's own DNS time, in each language's default zone.
        let dns = KNOBS.iter().find(|k| k.key == "dns").expect("dns knob");
        let record = (dns.get)(&ViewState::default());
        assert!(knob_value(ja, dns.unit, record).contains("18:25"));
        assert!(knob_value(en, dns.unit, record).contains("2:25"));
    }

    #[test]
    fn the_record_runs_blank_page_is_told_with_its_time_and_page() {
        let r = run(&Preset::AsItHappened.scenario()).expect("valid");
        let (at_ms, _) = r
            .summary
            .first_empty
            .expect("the record's run blanks a page");
        let ja = run_outcome(Lang::Ja, &r);
        assert!(ja.contains(&seconds_from_ms(at_ms)), "{ja}");
        assert!(ja.contains("白紙"), "{ja}");
        let en = run_outcome(Lang::En, &r);
        assert!(en.contains(&seconds_from_ms(at_ms)), "{en}");
        assert!(!en.contains('{'), "{en}");
    }

    #[test]
    fn game_status_counts_moves_from_one() {
        assert_eq!(
            game_status(Lang::Ja, 0, false, false, 11),
            "次は1回目の動き"
        );
        assert!(game_status(Lang::Ja, 20, true, true, 11).contains("20回の動き"));
        assert!(game_status(Lang::En, 20, true, true, 11).contains("11"));
    }

    #[test]
    fn progress_and_speed_read_as_the_player_shows_them() {
        let p = Position::first();
        assert_eq!(
            progress(Lang::Ja, p),
            format!("第1章：1/{}", CHAPTERS[0].beats.len())
        );
        assert_eq!(speed_label(0), "×1");
        assert_eq!(speed_label(-2), "×¼");
        assert_eq!(speed_label(99), "×4");
        assert_eq!(
            (beat_ms(0), beat_ms(2), beat_ms(-2)),
            (7_000, 1_750, 28_000)
        );
    }

    #[test]
    fn no_sentence_leaves_a_placeholder() {
        let r = run(&Preset::AsItHappened.scenario()).expect("valid");
        for lang in Lang::ALL {
            for text in [
                run_outcome(lang, &r),
                day(lang, 43),
                game_status(lang, 3, false, false, 11),
                game_status(lang, 3, true, true, 11),
            ] {
                assert!(!text.contains('{'), "{text}");
            }
        }
    }
}
