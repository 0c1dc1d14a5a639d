//! Cascade benchmark: one full simulation (23:40 to 06:00 next day, every
//! minute, every service) and its impact intervals.

use criterion::{Criterion, criterion_group, criterion_main};
use dns_race_engine::cascade::{CascadePreset, impacts, simulate};
use std::hint::black_box;

fn benches(c: &mut Criterion) {
    let scenario = CascadePreset::AsItHappened.scenario();
    c.bench_function("cascade as-it-happened (1 820 minutes)", |b| {
        b.iter(|| simulate(black_box(&scenario)).unwrap())
    });
    let timeline = simulate(&scenario).unwrap();
    c.bench_function("impact intervals and cause chains", |b| {
        b.iter(|| impacts(black_box(&timeline)))
    });
}

criterion_group!(cascade, benches);
criterion_main!(cascade);
