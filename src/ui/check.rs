//! `?check=race`: the race engine run in the browser for the golden presets
//! and seeds, so a test can compare the wasm build's traces with native ones.
//! Readers never see it unless they ask for it.

use crate::engine::race::{Preset, run, trace_hash};
use leptos::prelude::*;

/// The cases of `crates/engine/tests/golden/race-hashes.txt` (kept equal by e2e/tests/engine.spec.mjs).
const CASES: [(Preset, u64); 5] = [
    (Preset::AsItHappened, 344),
    (Preset::AsItHappened, 1),
    (Preset::AsItHappened, 2025),
    (Preset::RecheckAtWrite, 344),
    (Preset::RollbackToleratesMissing, 7),
];

/// One line per case: `preset seed hash`, or the error.
pub fn lines() -> Vec<String> {
    CASES
        .iter()
        .map(|&(preset, seed)| {
            let mut scenario = preset.scenario();
            scenario.seed = seed;
            match run(&scenario) {
                Ok(r) => format!("{} {seed} {:016x}", preset.name(), trace_hash(&r.events)),
                Err(e) => format!("{} {seed} error: {e}", preset.name()),
            }
        })
        .collect()
}

#[component]
pub fn EngineCheck() -> impl IntoView {
    let text = lines().join("\n");
    view! {
        <main id="story">
            <h1>"Engine check"</h1>
            <pre id="engine-check">{text}</pre>
        </main>
    }
}
