//! Engine results the story shows, computed once per page on first use.
//!
//! The engines are deterministic, so one computation serves every beat and
//! both languages; switching language never recomputes.

use std::sync::OnceLock;

use crate::engine::cascade::scenario::{Deployment, Placement};
use crate::engine::cascade::{CascadePreset, Impact, Service, Severity, impacts, simulate};
use crate::engine::race::census::{Census, CensusConfig, census};
use crate::engine::race::model::World;
use crate::engine::race::run::{Flow, simulate as simulate_race};
use crate::engine::race::{EnactorId, Preset, RaceEvent, RaceRun, TimedEvent, run};
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

/// The story's estimate as (episodes that blanked a page, episodes). Every
/// reader sees the same seeded figure, so it is computed once here rather
/// than in each reader's page (about 80 ms of main thread in the browser);
/// `story_estimate_is_the_engines` recomputes it natively.
pub const STORY_ESTIMATE: (u32, u32) = (STORY_ESTIMATE_EMPTY, 2_000);
const STORY_ESTIMATE_EMPTY: u32 = 31;

/// The story's estimate: the share of made-up delay episodes that blanked a page.
pub fn story_estimate_p() -> f64 {
    f64::from(STORY_ESTIMATE.0) / f64::from(STORY_ESTIMATE.1)
}

/// Impact of the "as it happened" cascade.
pub fn cascade_impact() -> &'static Impact {
    static IMPACT: OnceLock<Impact> = OnceLock::new();
    IMPACT.get_or_init(|| {
        impacts(&simulate(&CascadePreset::AsItHappened.scenario()).expect("the preset is valid"))
    })
}

/// The reader's shop deployed one way: (minutes impacted, minutes down).
pub fn shop_minutes(choice: ShopChoice) -> (u32, u32) {
    static CELLS: [OnceLock<(u32, u32)>; 6] = [const { OnceLock::new() }; 6];
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
    *CELLS[index].get_or_init(|| {
        let mut scenario = CascadePreset::AsItHappened.scenario();
        scenario.shop = deployment;
        let impact = impacts(&simulate(&scenario).expect("valid"));
        let down = impact
            .intervals
            .iter()
            .filter(|i| i.service == Service::Shop && i.severity == Severity::Down)
            .map(|i| i.end - i.start)
            .sum();
        (impact.minutes(Service::Shop), down)
    })
}

/// The index in the race trace of a story moment.
pub fn moment_index(moment: RaceMoment) -> usize {
    let run = race_run();
    let ev = &run.events;
    let slow_from = u64::from(run.scenario.slow_from_ms);
    let find = |from: usize, pred: &dyn Fn(&TimedEvent) -> bool| {
        ev[from..]
            .iter()
            .position(pred)
            .map_or(ev.len() - 1, |i| i + from)
    };
    // Found backwards from the first blank page, so the story's moments are
    // the ones that led to it: A's stale overwrite of the regional page just
    // before, and the one check of A's that let it through.
    let emptied = find(0, &|e| matches!(e.event, RaceEvent::RecordEmptied { .. }));
    let before =
        |until: usize, pred: &dyn Fn(&TimedEvent) -> bool| ev[..until].iter().rposition(pred);
    let overwrite = before(emptied, &|e| {
        matches!(e.event, RaceEvent::Flipped { enactor: EnactorId::A, endpoint, from, to, .. }
            if endpoint == World::REGIONAL && to < from)
    })
    .unwrap_or(emptied);
    let check = before(overwrite, &|e| {
        matches!(
            e.event,
            RaceEvent::CheckPassed {
                enactor: EnactorId::A,
                ..
            }
        )
    })
    .unwrap_or(0);
    match moment {
        // A quiet moment well before A's fateful check and its delays.
        RaceMoment::Calm => {
            let quiet_until = ev[check].at_ms.min(slow_from);
            ev.iter()
                .rposition(|e| e.at_ms + 5_000 < quiet_until)
                .unwrap_or(0)
        }
        RaceMoment::SlowCheck => check,
        RaceMoment::LockLost => find(check, &|e| {
            matches!(
                e.event,
                RaceEvent::BackedOff {
                    enactor: EnactorId::A,
                    ..
                }
            )
        }),
        RaceMoment::FastAhead => {
            // B's last flip of the regional page before A's overwrite.
            ev[..overwrite]
                .iter()
                .rposition(|e| {
                    matches!(e.event, RaceEvent::Flipped { enactor: EnactorId::B, endpoint, .. }
                        if endpoint == World::REGIONAL)
                })
                .unwrap_or(check)
        }
        RaceMoment::Overwrite => overwrite,
        RaceMoment::Emptied => emptied,
        RaceMoment::Stuck => {
            let mut at = emptied;
            for _ in 0..3 {
                at = find(at + 1, &|e| {
                    matches!(e.event, RaceEvent::FlipFailedRollbackMissing { .. })
                });
            }
            at
        }
    }
}

/// The world right after trace event `index` (recomputed from the start:
/// a pure function of scenario and cursor).
pub fn world_after(index: usize) -> World {
    let mut seen = 0usize;
    simulate_race(&race_run().scenario, &mut |_, _| {
        seen += 1;
        if seen > index {
            Flow::Stop
        } else {
            Flow::Continue
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::race::estimate::{Estimate, EstimateConfig, estimate};

    /// The story's estimate: 2 000 made-up delay episodes of the as-it-happened
    /// race, seeded.
    fn story_estimate_config() -> EstimateConfig {
        EstimateConfig {
            trials: 2_000,
            ..EstimateConfig::default()
        }
    }

    /// The engine's own figure for the story's estimate.
    fn race_estimate() -> Estimate {
        estimate(&Preset::AsItHappened.scenario(), &story_estimate_config()).expect("valid")
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
