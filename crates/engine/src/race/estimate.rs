//! The estimate: how likely the race is, by Monte Carlo over random delays.
//!
//! One trial is one delay episode of the slow Enactor: its start within a plan
//! cycle, its length and how much each of its calls slows down are drawn at
//! random around the scenario's values (uniformly, from half to one and a half
//! times the extra delay, and likewise for its length: illustrative
//! choices, I). The run is simulated by the same driver as [`super::run`] to
//! the end of the trial's time, stopping early only when a record empties.
//! The share of trials that empty a record estimates the chance per episode,
//! reported with a 95% Wilson interval. It is a share of invented episodes, not a frequency of
//! real incidents: the record says only that the delays were unusual (D),
//! so no rate of episodes (and no "once every N days") is derived from it.
//!
//! Deterministic: trial `i` draws from a generator seeded by `seed` and `i`.
//! Floats appear only in the statistics, never in the simulation.

use rand::{RngExt, SeedableRng};
use rand_pcg::Pcg64Mcg;
use serde::{Deserialize, Serialize};

use super::model::EnactorId;
use super::run::{Flow, simulate_bounded};
use super::scenario::{RaceScenario, ScenarioError};
use super::trace::RaceEvent;

/// Most trials one estimate may run.
pub const MAX_TRIALS: u32 = 10_000_000;

/// What the estimate needs beyond the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EstimateConfig {
    /// Trials to run. Default 20 000; 1..=10 000 000.
    pub trials: u32,
    pub seed: u64,
}

impl Default for EstimateConfig {
    fn default() -> Self {
        EstimateConfig {
            trials: 20_000,
            seed: 2025,
        }
    }
}

/// Trials of the estimate a reader sees, in the story and in the lab alike.
pub const READER_TRIALS: u32 = 2_000;

impl EstimateConfig {
    /// The one definition of the estimate a reader sees: [`READER_TRIALS`]
    /// trials around `scenario`, seeded by the scenario's own day (its
    /// `seed`). The story's figure is this for the as-it-happened preset; the
    /// lab's is this for the reader's setting, so at the lab's default
    /// setting the two are the same number.
    pub fn for_reader(scenario: &RaceScenario) -> EstimateConfig {
        EstimateConfig {
            trials: READER_TRIALS,
            seed: scenario.seed,
        }
    }
}

/// The result, with the numbers a reader sees.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    pub trials: u32,
    /// Trials in which a record went empty.
    pub empty_trials: u32,
    /// Chance that one delay episode empties a record.
    pub p_empty: f64,
    /// 95% Wilson interval of `p_empty`.
    pub p_low: f64,
    pub p_high: f64,
    /// Plans the Planner writes a day at the scenario's cadence.
    pub plans_per_day: u64,
}

/// SplitMix64: decorrelates trial seeds drawn from one seed.
const fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The scenario of trial `index`: the episode's start, length and severity
/// drawn around the scenario's own.
pub fn trial_scenario(base: &RaceScenario, seed: u64, index: u32) -> RaceScenario {
    let mut rng = Pcg64Mcg::seed_from_u64(mix(seed ^ mix(u64::from(index))));
    let mut s = *base;
    s.seed = rng.random();
    let slow = s.slow_enactor.unwrap_or(EnactorId::A);
    s.slow_enactor = Some(slow);
    let interval = u32::try_from(s.effective_planner_interval_ms()).unwrap_or(u32::MAX);
    // Start at a random point of the first plan cycle.
    s.slow_from_ms = rng.random_range(0..interval);
    let length = base.slow_for_ms;
    s.slow_for_ms = rng.random_range(length / 2..=length.saturating_add(length / 2));
    let extra = base.slow_extra_ms;
    s.slow_extra_ms = rng.random_range(extra / 2..=extra.saturating_add(extra / 2));
    // Long enough for the episode, the longest back-off and two plan cycles.
    let needed = u64::from(s.slow_from_ms)
        + u64::from(s.slow_for_ms)
        + u64::from(s.slow_extra_ms) * 2
        + u64::from(s.backoff_max_ms)
        + 3 * u64::from(interval);
    s.duration_ms = u32::try_from(needed).unwrap_or(u32::MAX).min(3_600_000);
    s
}

/// How one trial ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TrialEnd {
    /// A record went empty (the simulation stops there).
    Emptied,
    /// The trial's whole simulated time passed with no empty record.
    Clean,
    /// The run hit [`super::run::MAX_EVENTS`] before its time was over, with
    /// no empty record so far: unknown. Counted as not empty, and reported
    /// by [`truncated_trials_in`] so that the count is never silently short.
    Truncated,
}

/// How one trial ends: the trial simulated to the end of its own duration
/// ([`trial_scenario`] makes it long enough for the episode, the longest
/// back-off and three plan cycles), stopping only at the first empty
/// record. The same run as [`super::run::run`] of that scenario, without
/// the trace (tested: the two always agree).
pub fn trial_end(scenario: &RaceScenario) -> TrialEnd {
    let mut emptied = false;
    let end = simulate_bounded(scenario, &mut |_, event| match event {
        RaceEvent::RecordEmptied { .. } => {
            emptied = true;
            Flow::Stop
        }
        _ => Flow::Continue,
    });
    match (emptied, end.truncated) {
        (true, _) => TrialEnd::Emptied,
        (false, false) => TrialEnd::Clean,
        (false, true) => TrialEnd::Truncated,
    }
}

/// Whether one trial empties a record.
pub fn trial_empties(scenario: &RaceScenario) -> bool {
    trial_end(scenario) == TrialEnd::Emptied
}

/// How many of the trials numbered `indices` were cut short by the event
/// bound (zero for every preset and every slider setting of the lab; tested).
pub fn truncated_trials_in(
    scenario: &RaceScenario,
    seed: u64,
    indices: std::ops::Range<u32>,
) -> u32 {
    indices
        .filter(|&i| trial_end(&trial_scenario(scenario, seed, i)) == TrialEnd::Truncated)
        .count() as u32
}

/// How many of the trials numbered `indices` empty a record. The estimate
/// in slices: trials are independent, so the counts of consecutive slices
/// add up to [`estimate`]'s own (a page runs a few dozen trials per task,
/// so no task blocks the reader's input). The scenario must be valid.
pub fn empty_trials_in(scenario: &RaceScenario, seed: u64, indices: std::ops::Range<u32>) -> u32 {
    debug_assert!(scenario.validate().is_ok());
    indices
        .filter(|&i| trial_empties(&trial_scenario(scenario, seed, i)))
        .count() as u32
}

/// Runs the Monte Carlo estimate.
pub fn estimate(
    scenario: &RaceScenario,
    config: &EstimateConfig,
) -> Result<Estimate, ScenarioError> {
    scenario.validate()?;
    if !(1..=MAX_TRIALS).contains(&config.trials) {
        return Err(ScenarioError {
            knob: "trials",
            value: u64::from(config.trials),
            min: 1,
            max: u64::from(MAX_TRIALS),
        });
    }
    let empty_trials = empty_trials_in(scenario, config.seed, 0..config.trials);
    Ok(summarise(
        config.trials,
        empty_trials,
        scenario.effective_planner_interval_ms(),
    ))
}

/// Turns counts into the reader's numbers.
pub fn summarise(trials: u32, empty_trials: u32, planner_interval_ms: u64) -> Estimate {
    debug_assert!(trials > 0 && empty_trials <= trials);
    let n = f64::from(trials);
    let p = f64::from(empty_trials) / n;
    let (p_low, p_high) = wilson_95(empty_trials, trials);
    Estimate {
        trials,
        empty_trials,
        p_empty: p,
        p_low,
        p_high,
        plans_per_day: 86_400_000 / planner_interval_ms.max(1),
    }
}

/// The 95% Wilson score interval of `k` successes in `n` trials.
pub fn wilson_95(k: u32, n: u32) -> (f64, f64) {
    const Z: f64 = 1.959_963_984_540_054;
    let n = f64::from(n);
    let p = f64::from(k) / n;
    let z2 = Z * Z;
    let centre = (p + z2 / (2.0 * n)) / (1.0 + z2 / n);
    let half = Z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / (1.0 + z2 / n);
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

#[cfg(test)]
mod slice_tests {
    use super::*;
    use crate::race::Preset;

    #[test]
    fn slices_add_up_to_the_whole_estimate() {
        let s = Preset::AsItHappened.scenario();
        let config = EstimateConfig {
            trials: 400,
            seed: 43,
        };
        let whole = estimate(&s, &config).expect("valid").empty_trials;
        let sliced: u32 = (0..10)
            .map(|k| empty_trials_in(&s, config.seed, k * 40..(k + 1) * 40))
            .sum();
        assert_eq!(sliced, whole);
        assert!(
            whole > 0,
            "the record's setting blanks a page in some trials"
        );
    }
}
