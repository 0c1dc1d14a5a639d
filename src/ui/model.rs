//! Engine results the story shows, computed once per page on first use.
//!
//! The engines are deterministic, so one computation serves every beat and
//! both languages; switching language never recomputes.

use std::sync::OnceLock;

use crate::engine::cascade::scenario::{Deployment, Placement};
use crate::engine::cascade::{
    CascadePreset, Impact, Service, Severity, Timeline, impacts, simulate,
};
use crate::engine::race::census::{Census, CensusConfig, census};
use crate::engine::race::model::World;
use crate::engine::race::{
    EnactorId, Preset, RaceEvent, RaceMoments, RaceRun, run, worlds_after_events,
};
use crate::story::chapters::{RaceMoment, ShopChoice};

/// The "as it happened" race run.
pub fn race_run() -> &'static RaceRun {
    static RUN: OnceLock<RaceRun> = OnceLock::new();
    RUN.get_or_init(|| run(&Preset::AsItHappened.scenario()).expect("the preset is valid"))
}

/// The census of the "as it happened" configuration.
pub fn race_census() -> &'static Census {
    static CENSUS: OnceLock<Census> = OnceLock::new();
    CENSUS.get_or_init(|| {
        let config = CensusConfig::for_scenario(&Preset::AsItHappened.scenario()).expect("valid");
        census(&config).expect("valid")
    })
}

/// The story's estimate as (episodes that blanked a page, episodes): the
/// lab's own definition (`EstimateConfig::for_reader`) at the as-it-happened
/// preset, so the story and the lab's starting setting show one figure.
/// Every reader sees the same seeded figure, so it is computed once here
/// rather than in each reader's page (about 80 ms of main thread in the
/// browser); `story_estimate_is_the_engines` recomputes it natively.
pub const STORY_ESTIMATE: (u32, u32) = (STORY_ESTIMATE_EMPTY, 2_000);
const STORY_ESTIMATE_EMPTY: u32 = 30;

/// The story's estimate: the share of made-up delay episodes that blanked a page.
pub fn story_estimate_p() -> f64 {
    f64::from(STORY_ESTIMATE.0) / f64::from(STORY_ESTIMATE.1)
}

/// The story's game: the census's setting of "as it happened" (how far
/// behind A's list is, the clean-up threshold, the pages), with the
/// story's own list numbers (A's list is the one the overwrite wrote), and
/// with the re-check before writing in the second round. Returns it with
/// the fewest moves that blank the page (0 when none can). The counts do
/// not depend on the numbers, only on their gap (tested).
pub fn story_game(recheck: bool) -> (CensusConfig, u32) {
    static GAMES: [OnceLock<(CensusConfig, u32)>; 2] = [const { OnceLock::new() }; 2];
    *GAMES[usize::from(recheck)].get_or_init(|| {
        let c = race_census();
        let stale_plan = match race_run().events[race_moments().overwrite].event {
            RaceEvent::Flipped { to, .. } => to,
            _ => c.config.stale_plan,
        };
        let mut config = CensusConfig {
            stale_plan,
            fresh_plan: stale_plan + (c.config.fresh_plan - c.config.stale_plan),
            ..c.config
        };
        config.guards.recheck_at_write = recheck;
        let fewest = census(&config)
            .expect("valid")
            .fewest_steps_to_empty
            .unwrap_or(0);
        (config, fewest)
    })
}

/// The "as it happened" cascade, minute by minute.
pub fn cascade_timeline() -> &'static Timeline {
    static TIMELINE: OnceLock<Timeline> = OnceLock::new();
    TIMELINE.get_or_init(|| {
        simulate(&CascadePreset::AsItHappened.scenario()).expect("the preset is valid")
    })
}

/// Impact of the "as it happened" cascade.
pub fn cascade_impact() -> &'static Impact {
    static IMPACT: OnceLock<Impact> = OnceLock::new();
    IMPACT.get_or_init(|| impacts(cascade_timeline()))
}

/// The reader's shop deployed one way: (minutes impacted, minutes down).
pub fn shop_minutes(choice: ShopChoice) -> (u32, u32) {
    let impact = shop_impact(choice);
    (
        impact.minutes(Service::Shop),
        impact.minutes_at(Service::Shop, Severity::Down),
    )
}

/// The reader's shop deployed one way: the cascade engine's impact, whose
/// shop intervals chapter 9's chart draws and whose sums are
/// [`shop_minutes`].
pub fn shop_impact(choice: ShopChoice) -> &'static Impact {
    static CELLS: [OnceLock<Impact>; 6] = [const { OnceLock::new() }; 6];
    let (index, deployment) = match choice {
        ShopChoice::UsEast1 => (0, Deployment::default()),
        ShopChoice::MultiRegion => (
            1,
            Deployment {
                placement: Placement::MultiRegion,
                fallback: false,
                monitoring: true,
            },
        ),
        ShopChoice::MultiCloud => (
            2,
            Deployment {
                placement: Placement::MultiCloud,
                fallback: false,
                monitoring: true,
            },
        ),
        ShopChoice::Fallback => (
            3,
            Deployment {
                placement: Placement::UsEast1,
                fallback: true,
                monitoring: true,
            },
        ),
        ShopChoice::Unmonitored => (
            4,
            Deployment {
                placement: Placement::MultiRegion,
                fallback: false,
                monitoring: false,
            },
        ),
        ShopChoice::Resilient => (
            5,
            Deployment {
                placement: Placement::MultiRegion,
                fallback: true,
                monitoring: true,
            },
        ),
    };
    CELLS[index].get_or_init(|| {
        let mut scenario = CascadePreset::AsItHappened.scenario();
        scenario.shop = deployment;
        impacts(&simulate(&scenario).expect("valid"))
    })
}

/// The key moments of the "as it happened" race, found by the engine
/// backwards from the first blank page.
pub fn race_moments() -> &'static RaceMoments {
    static MOMENTS: OnceLock<RaceMoments> = OnceLock::new();
    MOMENTS.get_or_init(|| {
        race_run()
            .moments()
            .expect("the as-it-happened run shows every moment of the story")
    })
}

/// The index in the race trace of a story moment.
pub fn moment_index(moment: RaceMoment) -> usize {
    let m = race_moments();
    match moment {
        RaceMoment::Calm => m.calm,
        RaceMoment::SlowCheck => m.check,
        RaceMoment::LockLost => m.first_backoff,
        RaceMoment::FastAhead => m.undone_flip,
        RaceMoment::Overwrite => m.overwrite,
        RaceMoment::Emptied => m.emptied,
        RaceMoment::Stuck => m.stuck,
    }
}

/// Trace indices a reader steps through: the events worth narrating.
pub fn notable_indices() -> &'static [usize] {
    static INDICES: OnceLock<Vec<usize>> = OnceLock::new();
    INDICES.get_or_init(|| {
        race_run()
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| {
                e.event.is_notable() && !matches!(e.event, RaceEvent::CheckFailed { .. })
            })
            // Clerk C's routine work would drown A's and B's story.
            .filter(|(_, e)| {
                e.event.actor() != Some(EnactorId::C)
                    || matches!(
                        e.event,
                        RaceEvent::FlipFailedRollbackMissing { .. }
                            | RaceEvent::FlipBlockedInconsistent { .. }
                    )
            })
            .map(|(i, _)| i)
            .collect()
    })
}

/// Every index the race scene opens at or steps to (the story's moments and
/// the notable events), ascending, with the world after each: one pass of
/// the engine on first use instead of a replay from t = 0 per cursor move.
fn stepped_worlds() -> &'static [(usize, World)] {
    static WORLDS: OnceLock<Vec<(usize, World)>> = OnceLock::new();
    WORLDS.get_or_init(|| {
        let m = race_moments();
        let mut indices = notable_indices().to_vec();
        indices.extend([
            m.calm,
            m.check,
            m.first_backoff,
            m.undone_flip,
            m.overwrite,
            m.emptied,
            m.stuck,
        ]);
        indices.sort_unstable();
        indices.dedup();
        let worlds = worlds_after_events(&race_run().scenario, &indices);
        indices.into_iter().zip(worlds).collect()
    })
}

/// The world right after trace event `index` (a pure function of scenario
/// and cursor): looked up for the indices a reader steps through, replayed
/// for any other (an `ev=` from a link).
pub fn world_after(index: usize) -> World {
    let worlds = stepped_worlds();
    match worlds.binary_search_by_key(&index, |&(i, _)| i) {
        Ok(at) => worlds[at].1.clone(),
        Err(_) => race_run().world_after_event(index),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chapter_9_calls_its_switch_over_times_assumptions_and_they_are_the_engines() {
        use crate::engine::cascade::scenario::{FAILOVER_FAST_MIN, FAILOVER_SLOW_MIN};
        use crate::i18n::{Key, Lang};
        // "which our model assumes takes {down_time}": true only while the
        // shop's time down is exactly the engine's assumed switch-over.
        assert_eq!(
            shop_minutes(ShopChoice::MultiRegion),
            (FAILOVER_FAST_MIN, FAILOVER_FAST_MIN)
        );
        assert_eq!(
            shop_minutes(ShopChoice::Unmonitored),
            (FAILOVER_SLOW_MIN, FAILOVER_SLOW_MIN)
        );
        for key in [Key::Ch9MultiRegion, Key::Ch9Unmonitored] {
            assert!(
                Lang::En
                    .text(key)
                    .contains("our model assumes takes {down_time}"),
                "{key:?}"
            );
            assert!(
                Lang::Ja
                    .text(key)
                    .contains("このモデルでは{down_time}と仮定"),
                "{key:?}"
            );
        }
    }

    #[test]
    fn the_story_game_counts_as_the_census_with_the_storys_numbers() {
        let c = race_census();
        let (round_one, fewest) = story_game(false);
        let counted = census(&round_one).expect("valid");
        // A's list is the overwrite's; the gap and so every count are the census's.
        assert_eq!(round_one.stale_plan, 103);
        assert_eq!(
            round_one.fresh_plan - round_one.stale_plan,
            c.config.fresh_plan - c.config.stale_plan
        );
        assert_eq!(counted.counts, c.counts);
        assert_eq!(Some(fewest), c.fewest_steps_to_empty);
        // With the re-check, no order blanks a page.
        let (round_two, none) = story_game(true);
        let counted = census(&round_two).expect("valid");
        assert_eq!((counted.counts.empty(), none), (0, 0));
    }
    use crate::engine::race::estimate::{Estimate, EstimateConfig, estimate};

    /// The story's estimate: the reader's estimate (the lab's) of the
    /// as-it-happened race.
    fn story_estimate_config() -> EstimateConfig {
        EstimateConfig::for_reader(&Preset::AsItHappened.scenario())
    }

    /// The engine's own figure for the story's estimate.
    fn race_estimate() -> Estimate {
        estimate(&Preset::AsItHappened.scenario(), &story_estimate_config()).expect("valid")
    }

    /// Every moment of the story, in story order.
    const MOMENTS: [RaceMoment; 7] = RaceMoment::ALL;

    /// The trace indices the story's race scenes opened at when the moments
    /// were found by hand in this file (before the engine's `RaceMoments`).
    const OPENING_INDICES: [usize; 7] = [27, 50, 53, 244, 252, 254, 278];

    #[test]
    fn the_story_moments_open_where_they_always_did() {
        let found = MOMENTS.map(moment_index);
        assert_eq!(found, OPENING_INDICES);
        assert!(found.windows(2).all(|w| w[0] < w[1]), "in story order");
    }

    /// The world after event `index` the old way: a replay from t = 0.
    fn replayed(index: usize) -> World {
        use crate::engine::race::run::{Flow, simulate};
        let mut seen = 0usize;
        simulate(&race_run().scenario, &mut |_, _| {
            seen += 1;
            if seen > index {
                Flow::Stop
            } else {
                Flow::Continue
            }
        })
    }

    #[test]
    fn the_worlds_a_reader_steps_through_are_the_replayed_ones() {
        let stepped = stepped_worlds();
        let moments = MOMENTS.map(moment_index);
        for i in notable_indices().iter().chain(&moments) {
            assert!(
                stepped.binary_search_by_key(i, |&(j, _)| j).is_ok(),
                "event {i} is precomputed"
            );
            assert_eq!(world_after(*i), replayed(*i), "event {i}");
        }
        // Any other event (a link's `ev=`) is replayed.
        let last = race_run().events.len() - 1;
        for i in [0, 1, 26, 28, 251, 253, last] {
            assert_eq!(world_after(i), replayed(i), "event {i}");
        }
    }

    #[test]
    fn story_estimate_is_the_engines() {
        let e = race_estimate();
        assert_eq!(
            (e.empty_trials, e.trials),
            STORY_ESTIMATE,
            "update STORY_ESTIMATE_EMPTY"
        );
        assert!((story_estimate_p() - e.p_empty).abs() < 1e-12);
    }
}
