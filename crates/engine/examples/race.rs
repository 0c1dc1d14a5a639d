//! A window on the race engine for engineers, no browser needed.
//!
//! `cargo run --release --example race -- --preset as-it-happened [--seed N]`
//! prints the trace (one event a line), the census and the estimate.

use std::process::ExitCode;

use dns_race_engine::race::census::{CensusConfig, census};
use dns_race_engine::race::estimate::{EstimateConfig, estimate};
use dns_race_engine::race::{Preset, run, trace_hash};

fn usage() -> String {
    let names: Vec<&str> = Preset::ALL.iter().map(|p| p.name()).collect();
    format!(
        "usage: race --preset <name> [--seed N] [--all]\n  presets: {}\n  --all  print every event (default: notable ones)",
        names.join(", ")
    )
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut preset = None;
    let mut seed = None;
    let mut all = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--preset" => match args.next().as_deref().map(Preset::from_name) {
                Some(Some(p)) => preset = Some(p),
                _ => return fail("--preset needs one of the preset names"),
            },
            "--seed" => match args.next().map(|s| s.parse::<u64>()) {
                Some(Ok(n)) => seed = Some(n),
                _ => return fail("--seed needs a whole number from 0 to 18446744073709551615"),
            },
            "--all" => all = true,
            "-h" | "--help" => {
                println!("{}", usage());
                return ExitCode::SUCCESS;
            }
            other => return fail(&format!("unknown argument {other:?}")),
        }
    }
    let Some(preset) = preset else {
        return fail("--preset is required");
    };
    let mut scenario = preset.scenario();
    if let Some(seed) = seed {
        scenario.seed = seed;
    }
    let result = match run(&scenario) {
        Ok(r) => r,
        Err(e) => return fail(&e.to_string()),
    };
    println!("# preset {} seed {}", preset.name(), scenario.seed);
    for e in result.events.iter().filter(|e| all || e.event.is_notable()) {
        println!("{:>9.3}s  {}", e.at_ms as f64 / 1000.0, e.event);
    }
    let s = &result.summary;
    println!("trace_hash: {:016x}", trace_hash(&result.events));
    match s.first_empty {
        Some((at, e)) => println!(
            "first_empty: {} at {:.3}s; empty at end: {}",
            result.world.endpoint_name(e),
            at as f64 / 1000.0,
            s.empty_at_end.len()
        ),
        None => println!("first_empty: none"),
    }
    println!(
        "stale_overwrites: {}  failed_flips: {}  max_behind_newest: {}  plans: {}",
        s.stale_overwrites, s.failed_flips, s.max_behind_newest, s.plans_created
    );
    let config = match CensusConfig::for_scenario(&scenario) {
        Ok(c) => c,
        Err(e) => return fail(&e.to_string()),
    };
    let c = match census(&config) {
        Ok(c) => c,
        Err(e) => return fail(&e.to_string()),
    };
    println!(
        "# census: slow plan {} vs fast plan {}, {} endpoint(s), clean-up threshold {}",
        config.stale_plan,
        config.fresh_plan,
        config.endpoint_count,
        config.cleanup_threshold_generations
    );
    println!("orderings: {}", c.counts.orderings);
    println!("empty: {}", c.counts.empty());
    println!(
        "  healthy: {}  stale: {}  empty_healed: {}  empty_stuck: {}",
        c.counts.healthy, c.counts.stale, c.counts.empty_healed, c.counts.empty_stuck
    );
    for (i, example) in c.bad_examples.iter().enumerate() {
        let moves: String = example.iter().map(|e| e.letter()).collect();
        println!("  bad ordering {}: {moves}", i + 1);
    }
    let est_config = EstimateConfig::for_reader(&scenario);
    let e = match estimate(&scenario, &est_config) {
        Ok(e) => e,
        Err(e) => return fail(&e.to_string()),
    };
    println!(
        "# estimate: {} delay episodes, {} emptied a record",
        e.trials, e.empty_trials
    );
    println!(
        "p_empty: {:.5} [{:.5}, {:.5}]",
        e.p_empty, e.p_low, e.p_high
    );
    println!("(a share of the model's invented delay episodes, not a frequency of real incidents)");
    ExitCode::SUCCESS
}

fn fail(message: &str) -> ExitCode {
    eprintln!("race: {message}\n{}", usage());
    ExitCode::from(2)
}
