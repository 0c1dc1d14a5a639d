//! The counterexample search: a bounded, deterministic search of slider
//! settings for one at which a fix, switched on alone, fails at what it
//! claims (a blank page for a fix that claims to prevent one, a stuck
//! automation for the fix that claims to heal one).
//!
//! Bounds: the four conditions of the lab ([`SearchSpace`]: the slow
//! clerk's extra time, how long the delays last, the Planner's interval,
//! the clean-up threshold) on a grid, the other knobs and the day (seed) as
//! given. Candidates are tried nearest first (fewest grid steps from the
//! starting setting; ties in a fixed order), each with one timed run, so
//! the same start always gives the same answer. Finding nothing within the
//! bounds is evidence, not proof; the census is the proof, within its own
//! bounds (`super::census`).

use serde::{Deserialize, Serialize};

use super::run::{Flow, simulate};
use super::scenario::{Fix, Fixes, RaceScenario};
use super::trace::RaceEvent;

/// The values `min, min + step, …` up to `max` of one knob.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Axis {
    pub min: u32,
    pub max: u32,
    pub step: u32,
}

impl Axis {
    pub const fn new(min: u32, max: u32, step: u32) -> Axis {
        assert!(min <= max && step >= 1);
        Axis { min, max, step }
    }

    /// How many values the axis has.
    pub const fn len(self) -> u32 {
        (self.max - self.min) / self.step + 1
    }

    /// Never empty (`len` is at least 1); for clippy's sake.
    pub const fn is_empty(self) -> bool {
        false
    }

    /// The `i`-th value.
    pub const fn value(self, i: u32) -> u32 {
        self.min + i * self.step
    }

    /// The index of the value nearest `v` (ties: the lower).
    pub fn nearest(self, v: u32) -> u32 {
        let v = v.clamp(self.min, self.max);
        let below = (v - self.min) / self.step;
        let above = (below + 1).min(self.len() - 1);
        if self.value(above).abs_diff(v) < self.value(below).abs_diff(v) {
            above
        } else {
            below
        }
    }
}

/// The settings searched: one [`Axis`] per condition of the lab.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SearchSpace {
    pub slow_extra_ms: Axis,
    pub slow_for_ms: Axis,
    pub planner_interval_ms: Axis,
    pub cleanup_threshold_generations: Axis,
}

impl SearchSpace {
    /// The lab's slider ranges (0–30 s extra, 0–120 s of delays, a plan
    /// every 1–29 s, threshold 1–40) on a coarser grid whose every point a
    /// slider can show: 11 × 13 × 8 × 14 = 16 016 settings. The record's own
    /// setting (12 s, 30 s, 5 s, 10) is a point of it.
    pub const LAB: SearchSpace = SearchSpace {
        slow_extra_ms: Axis::new(0, 30_000, 3_000),
        slow_for_ms: Axis::new(0, 120_000, 10_000),
        planner_interval_ms: Axis::new(1_000, 29_000, 4_000),
        cleanup_threshold_generations: Axis::new(1, 40, 3),
    };

    /// How many settings the space holds.
    pub const fn size(&self) -> u32 {
        self.slow_extra_ms.len()
            * self.slow_for_ms.len()
            * self.planner_interval_ms.len()
            * self.cleanup_threshold_generations.len()
    }

    const fn axes(&self) -> [Axis; 4] {
        [
            self.slow_extra_ms,
            self.slow_for_ms,
            self.planner_interval_ms,
            self.cleanup_threshold_generations,
        ]
    }

    fn knobs(s: &RaceScenario) -> [u32; 4] {
        [
            s.slow_extra_ms,
            s.slow_for_ms,
            s.planner_interval_ms,
            s.cleanup_threshold_generations,
        ]
    }

    fn at(&self, base: &RaceScenario, index: [u32; 4]) -> RaceScenario {
        let [extra, length, planner, threshold] = self.axes();
        RaceScenario {
            slow_extra_ms: extra.value(index[0]),
            slow_for_ms: length.value(index[1]),
            planner_interval_ms: planner.value(index[2]),
            cleanup_threshold_generations: threshold.value(index[3]),
            ..*base
        }
    }

    /// Every grid point, nearest to `from` first: by the number of grid
    /// steps (summed over the four knobs), then in index order.
    pub fn nearest_first(&self, from: &RaceScenario) -> Vec<RaceScenario> {
        let axes = self.axes();
        let start = {
            let v = SearchSpace::knobs(from);
            [0, 1, 2, 3].map(|k| axes[k].nearest(v[k]))
        };
        let mut points = Vec::with_capacity(self.size() as usize);
        for a in 0..axes[0].len() {
            for b in 0..axes[1].len() {
                for c in 0..axes[2].len() {
                    for d in 0..axes[3].len() {
                        let index = [a, b, c, d];
                        let distance: u32 = (0..4).map(|k| index[k].abs_diff(start[k])).sum();
                        points.push((distance, index));
                    }
                }
            }
        }
        points.sort_unstable();
        points.into_iter().map(|(_, i)| self.at(from, i)).collect()
    }
}

/// What a fix claims, and so what counts as its failure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Claim {
    /// No page goes blank (the guards, and the timing fixes' hope).
    NoBlankPage,
    /// A blank page heals at the next write; the automation never gets stuck.
    NeverStuck,
}

impl Fix {
    /// What this fix claims.
    pub const fn claim(self) -> Claim {
        match self {
            Fix::RollbackToleratesMissing => Claim::NeverStuck,
            _ => Claim::NoBlankPage,
        }
    }
}

/// Whether the run of `scenario` breaks `claim` (one run, stopped at the
/// first breach).
pub fn breaks(claim: Claim, scenario: &RaceScenario) -> bool {
    let mut broken = false;
    simulate(scenario, &mut |_, event| {
        broken = matches!(
            (claim, event),
            (Claim::NoBlankPage, RaceEvent::RecordEmptied { .. })
                | (
                    Claim::NeverStuck,
                    RaceEvent::FlipFailedRollbackMissing { .. }
                        | RaceEvent::FlipBlockedInconsistent { .. }
                )
        );
        if broken { Flow::Stop } else { Flow::Continue }
    });
    broken
}

/// The outcome of a search.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchResult {
    /// The first setting found at which the fix fails (the fix on alone).
    pub found: Option<RaceScenario>,
    /// Settings run.
    pub tried: u32,
    /// Settings the space holds; `tried == space` when nothing was found:
    /// the whole space was searched.
    pub space: u32,
}

/// A search in progress, for callers that run it in slices (a page runs a
/// few hundred settings per task so no task blocks the reader's input).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Search {
    claim: Claim,
    candidates: Vec<RaceScenario>,
    tried: u32,
    found: Option<RaceScenario>,
}

impl Search {
    /// A search around `from` (its other knobs and its day kept) for a
    /// setting at which `fix`, on alone, breaks its claim.
    pub fn new(fix: Fix, from: &RaceScenario, space: &SearchSpace) -> Search {
        let base = RaceScenario {
            fixes: Fixes::only(fix),
            ..*from
        };
        Search {
            claim: fix.claim(),
            candidates: space.nearest_first(&base),
            tried: 0,
            found: None,
        }
    }

    /// Runs at most `budget` more settings; the result once the search is
    /// over (found, or the space exhausted).
    pub fn advance(&mut self, budget: u32) -> Option<SearchResult> {
        let mut left = budget;
        while !self.is_over() && left > 0 {
            let candidate = self.candidates[self.tried as usize];
            debug_assert!(candidate.validate().is_ok());
            self.tried += 1;
            left -= 1;
            if breaks(self.claim, &candidate) {
                self.found = Some(candidate);
            }
        }
        self.is_over().then(|| self.result())
    }

    /// Whether a setting was found or every one tried.
    pub fn is_over(&self) -> bool {
        self.found.is_some() || self.tried as usize == self.candidates.len()
    }

    /// Where the search stands.
    pub fn result(&self) -> SearchResult {
        SearchResult {
            found: self.found,
            tried: self.tried,
            space: self.candidates.len() as u32,
        }
    }
}

/// Searches `space` around `from` (its other knobs and its day kept) for a
/// setting at which `fix`, on alone, breaks its claim; at most `budget`
/// settings are run. Deterministic.
pub fn search_failing(
    fix: Fix,
    from: &RaceScenario,
    space: &SearchSpace,
    budget: u32,
) -> SearchResult {
    let mut search = Search::new(fix, from, space);
    search.advance(budget);
    search.result()
}
