//! Engine benchmarks: one run, the census, and Monte Carlo throughput.
//! Figures go in the README (`cargo bench --bench race`).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dns_race_engine::race::census::{CensusConfig, census};
use dns_race_engine::race::estimate::{trial_empties, trial_scenario};
use dns_race_engine::race::{Preset, run};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let scenario = Preset::AsItHappened.scenario();
    c.bench_function("run as-it-happened (180 s simulated)", |b| {
        b.iter(|| run(black_box(&scenario)).unwrap())
    });
    let default_config = CensusConfig::default();
    c.bench_function("census default (2 endpoints)", |b| {
        b.iter(|| census(black_box(&default_config)).unwrap())
    });
    let three = CensusConfig {
        endpoint_count: 3,
        ..CensusConfig::default()
    };
    c.bench_function("census 3 endpoints", |b| {
        b.iter(|| census(black_box(&three)).unwrap())
    });
    let mut group = c.benchmark_group("monte carlo");
    const TRIALS: u32 = 1_000;
    group.throughput(Throughput::Elements(u64::from(TRIALS)));
    group.bench_function("trials of as-it-happened", |b| {
        b.iter(|| {
            (0..TRIALS)
                .filter(|&i| trial_empties(&trial_scenario(&scenario, 7, i)))
                .count()
        })
    });
    group.finish();
}

criterion_group!(race, benches);
criterion_main!(race);
