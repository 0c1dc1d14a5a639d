//! Prints the numbers of the README's race table: for each preset, and for
//! the failing setting the search finds for each fix, the run (first blank
//! page, blank at the end, healed, how far behind), the census and the
//! estimate.
//!
//! `cargo run --release -p dns-race-engine --example readme_numbers`

use dns_race_engine::race::census::{CensusConfig, census};
use dns_race_engine::race::estimate::{EstimateConfig, estimate};
use dns_race_engine::race::{
    Fix, Preset, RaceEvent, RaceScenario, SearchSpace, run, search_failing,
};

fn main() {
    let mut rows: Vec<(String, RaceScenario)> = Preset::ALL
        .iter()
        .map(|p| (p.name().to_string(), p.scenario()))
        .collect();
    for fix in Fix::ALL {
        let start = Preset::AsItHappened.scenario();
        if let Some(s) = search_failing(fix, &start, &SearchSpace::LAB, u32::MAX).found {
            rows.push((format!("failing setting {}", fix.name()), s));
        }
    }
    for (name, s) in rows {
        let r = run(&s).unwrap();
        let c = census(&CensusConfig::for_scenario(&s).unwrap()).unwrap();
        let e = estimate(&s, &EstimateConfig::for_reader(&s)).unwrap();
        println!(
            "{name}: first_empty {:?} empty_at_end {:?} healed {} behind {} | census {} of {} (healed {}, stuck {}; gap {}) | estimate {}/{} p {:.5} [{:.5}, {:.5}]",
            r.summary.first_empty,
            r.summary.empty_at_end,
            r.events
                .iter()
                .any(|e| matches!(e.event, RaceEvent::RecordHealed { .. })),
            r.summary.max_behind_newest,
            c.counts.empty(),
            c.counts.orderings,
            c.counts.empty_healed,
            c.counts.empty_stuck,
            c.config.fresh_plan - c.config.stale_plan,
            e.empty_trials,
            e.trials,
            e.p_empty,
            e.p_low,
            e.p_high
        );
    }
}
