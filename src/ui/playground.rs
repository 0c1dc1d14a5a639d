//! The "what if" playground, race half: the fixes and conditions of the race
//! as controls, the run, the census and the estimate recomputed live, and the
//! scheduler game. Every number comes from the engine in this page.

use leptos::prelude::*;

use super::race_scene::draw;
use crate::engine::race::census::{Census, CensusConfig, census};
use crate::engine::race::estimate::{Estimate, EstimateConfig, estimate};
use crate::engine::race::scheduler::SchedulerGame;
use crate::engine::race::{EnactorId, Preset, RaceRun, RaceScenario, run};
use crate::i18n::{Key, Lang, fill};

/// Monte Carlo trials per estimate in the page: small enough to stay well
/// under a frame's worth of work per slider step once debounced.
const PLAYGROUND_TRIALS: u32 = 400;
/// Wait after the last slider move before estimating (ms).
const ESTIMATE_DEBOUNCE_MS: u64 = 180;

fn pct(p: f64) -> String {
    format!("{:.1}", p * 100.0)
}

/// A slider bound to one knob of the race scenario.
struct Slider {
    id: &'static str,
    label: Key,
    /// Shown as seconds (values in ms) or as plans.
    unit: Key,
    /// (min, max, step) in the knob's own unit.
    range: (u32, u32, u32),
    get: fn(&RaceScenario) -> u32,
    set: fn(&mut RaceScenario, u32),
}

#[component]
pub fn Playground(lang: ReadSignal<Lang>) -> impl IntoView {
    let (scenario, set_scenario) = signal(Preset::AsItHappened.scenario());
    let result = Memo::new(move |_| run(&scenario.get()).ok());
    let counted = Memo::new(move |_| {
        CensusConfig::for_scenario(&scenario.get())
            .ok()
            .and_then(|c| census(&c).ok())
    });
    let (estimated, set_estimated) = signal(None::<Estimate>);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let s = scenario.get();
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                let config = EstimateConfig {
                    trials: PLAYGROUND_TRIALS,
                    seed: s.seed,
                    ..EstimateConfig::default()
                };
                set_estimated.set(estimate(&s, &config).ok());
            },
            std::time::Duration::from_millis(ESTIMATE_DEBOUNCE_MS),
        );
        timer.set_value(handle.ok());
    });
    on_cleanup(move || {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
    });
    let t = move |k: Key| move || lang.get().text(k);

    type Get = fn(&RaceScenario) -> bool;
    type Set = fn(&mut RaceScenario, bool);
    let fixes: [(&'static str, Key, Get, Set); 5] = [
        (
            "fix-recheck",
            Key::PlayFixRecheck,
            |s| s.fixes.recheck_at_write,
            |s, v| s.fixes.recheck_at_write = v,
        ),
        (
            "fix-spare",
            Key::PlayFixSpare,
            |s| s.fixes.cleanup_spares_in_use,
            |s, v| s.fixes.cleanup_spares_in_use = v,
        ),
        (
            "fix-tolerate",
            Key::PlayFixTolerate,
            |s| s.fixes.rollback_tolerates_missing,
            |s, v| s.fixes.rollback_tolerates_missing = v,
        ),
        (
            "fix-fewer",
            Key::PlayFixFewer,
            |s| s.fixes.fewer_plans,
            |s, v| s.fixes.fewer_plans = v,
        ),
        (
            "fix-fair",
            Key::PlayFixFair,
            |s| s.fixes.fair_backoff,
            |s, v| s.fixes.fair_backoff = v,
        ),
    ];
    let fix_boxes = fixes
        .into_iter()
        .map(|(id, key, get, set)| {
            view! {
                <label class="toggle">
                    <input
                        type="checkbox"
                        id=id
                        prop:checked=move || get(&scenario.get())
                        on:change=move |e| {
                            let on = event_target_checked(&e);
                            set_scenario.update(|s| set(s, on));
                        }
                    />
                    <span>{t(key)}</span>
                </label>
            }
        })
        .collect_view();

    let knobs = [
        Slider {
            id: "slow-extra",
            label: Key::PlaySlowExtra,
            unit: Key::PlaySeconds,
            range: (0, 30_000, 1_000),
            get: |s| s.slow_extra_ms,
            set: |s, v| s.slow_extra_ms = v,
        },
        Slider {
            id: "slow-for",
            label: Key::PlaySlowFor,
            unit: Key::PlaySeconds,
            range: (0, 120_000, 5_000),
            get: |s| s.slow_for_ms,
            set: |s, v| s.slow_for_ms = v,
        },
        Slider {
            id: "planner",
            label: Key::PlayPlanner,
            unit: Key::PlaySeconds,
            range: (1_000, 30_000, 1_000),
            get: |s| s.planner_interval_ms,
            set: |s, v| s.planner_interval_ms = v,
        },
        Slider {
            id: "threshold",
            label: Key::PlayThreshold,
            unit: Key::PlayPlans,
            range: (1, 40, 1),
            get: |s| s.cleanup_threshold_generations,
            set: |s, v| s.cleanup_threshold_generations = v,
        },
    ];
    let sliders = knobs
        .into_iter()
        .map(|Slider { id, label, unit, range: (min, max, step), get, set }| {
            let shown = move || {
                let v = get(&scenario.get());
                let value = if unit == Key::PlaySeconds { format!("{}", v / 1000) } else { v.to_string() };
                fill(lang.get().text(unit), &[("value", &value)])
            };
            view! {
                <label class="knob">
                    <span class="knob-label">{t(label)}</span>
                    <input
                        type="range"
                        id=id
                        min=min.to_string()
                        max=max.to_string()
                        step=step.to_string()
                        prop:value=move || get(&scenario.get()).to_string()
                        aria-valuetext=shown
                        on:input=move |e| {
                            let v = event_target_value(&e).parse::<u32>().unwrap_or(min).clamp(min, max);
                            set_scenario.update(|s| {
                                set(s, v);
                                *s = s.clamped();
                            });
                        }
                    />
                    <output>{shown}</output>
                </label>
            }
        })
        .collect_view();

    let run_text = move || {
        let lang = lang.get();
        let Some(r): Option<RaceRun> = result.get() else {
            return String::new();
        };
        match r.summary.first_empty {
            Some((at, e)) => {
                let head = fill(
                    lang.text(Key::PlayResultEmpty),
                    &[
                        ("time", &format!("{:.1}", at as f64 / 1000.0)),
                        ("page", r.world.endpoint_name(e)),
                    ],
                );
                let tail = if r.summary.empty_at_end.is_empty() {
                    Key::PlayResultHealed
                } else {
                    Key::PlayResultStuck
                };
                format!("{head} {}", lang.text(tail))
            }
            None => lang.text(Key::PlayResultOk).to_string(),
        }
    };
    let census_text = move || {
        let lang = lang.get();
        let Some(c): Option<Census> = counted.get() else {
            return String::new();
        };
        if c.counts.empty() == 0 {
            lang.text(Key::PlayCensusSafe).to_string()
        } else {
            fill(
                lang.text(Key::PlayCensus),
                &[
                    ("orderings", &c.counts.orderings.to_string()),
                    ("empty", &c.counts.empty().to_string()),
                    (
                        "behind",
                        &(c.config.fresh_plan - c.config.stale_plan).to_string(),
                    ),
                ],
            )
        }
    };
    let estimate_text = move || {
        let e = estimated.get()?;
        Some(fill(
            lang.get().text(Key::PlayEstimate),
            &[
                ("p", &pct(e.p_empty)),
                ("low", &pct(e.p_low)),
                ("high", &pct(e.p_high)),
                ("trials", &e.trials.to_string()),
            ],
        ))
    };
    let day = move || {
        fill(
            lang.get().text(Key::PlayDay),
            &[("seed", &scenario.get().seed.to_string())],
        )
    };

    view! {
        <section class="playground" aria-labelledby="play-title">
            <h2 id="play-title">{t(Key::PlayTitle)}</h2>
            <p>{t(Key::PlayIntro)}</p>
            <fieldset class="fixes">
                <legend>{t(Key::PlayFixes)}</legend>
                {fix_boxes}
            </fieldset>
            <fieldset class="knobs">
                <legend>{t(Key::PlayKnobs)}</legend>
                {sliders}
                <div class="day">
                    <button type="button" id="another-day"
                        on:click=move |_| set_scenario.update(|s| s.seed = s.seed.wrapping_add(1))>
                        {t(Key::PlayAnotherDay)}
                    </button>
                    <output id="day">{day}</output>
                </div>
            </fieldset>
            <div class="results" aria-live="polite">
                <p id="play-run">{run_text}</p>
                <p id="play-census">{census_text}</p>
                <p id="play-estimate">{estimate_text}</p>
                <p><span class="mark mark-i">{t(Key::MarkI)}</span> <small>{t(Key::SceneModelNote)}</small></p>
            </div>
            <SchedulerPanel lang=lang />
        </section>
    }
}

/// The reader schedules the two clerks by hand and tries to blank the page.
#[component]
fn SchedulerPanel(lang: ReadSignal<Lang>) -> impl IntoView {
    let config = CensusConfig::default();
    let fewest = census(&config)
        .ok()
        .and_then(|c| c.fewest_steps_to_empty)
        .unwrap_or(0);
    let (game, set_game) = signal(SchedulerGame::new(config));
    let world = Memo::new(move |_| game.with(|g| g.world()));
    let can =
        move |who: EnactorId| world.with(|w| w.can_step(who)) && !game.with(|g| g.record_emptied());
    let play = move |who: EnactorId| {
        set_game.update(|g| {
            let _ = g.play(who);
        })
    };
    let t = move |k: Key| move || lang.get().text(k);
    let status = move || {
        let lang = lang.get();
        let moves = game.with(|g| g.moves().len());
        if game.with(|g| g.record_emptied()) {
            fill(
                lang.text(Key::PlayGameWon),
                &[
                    ("moves", &moves.to_string()),
                    ("fewest", &fewest.to_string()),
                ],
            )
        } else if game.with(|g| g.ending().is_some()) {
            lang.text(Key::PlayGameOver).to_string()
        } else {
            fill(
                lang.text(Key::PlayGameMoves),
                &[("moves", &(moves + 1).to_string())],
            )
        }
    };
    view! {
        <section class="game" aria-labelledby="game-title">
            <h3 id="game-title">{t(Key::PlayGameTitle)}</h3>
            <p>{t(Key::PlayGameIntro)}</p>
            <div class="game-controls">
                <button type="button" id="move-a" on:click=move |_| play(EnactorId::A) disabled=move || !can(EnactorId::A)>
                    {t(Key::PlayMoveA)}
                </button>
                <button type="button" id="move-b" on:click=move |_| play(EnactorId::B) disabled=move || !can(EnactorId::B)>
                    {t(Key::PlayMoveB)}
                </button>
                <button type="button" id="undo" on:click=move |_| set_game.update(|g| { g.undo(); })
                    disabled=move || game.with(|g| g.moves().is_empty())>
                    {t(Key::PlayUndo)}
                </button>
                <button type="button" id="reset" on:click=move |_| set_game.set(SchedulerGame::new(config))>
                    {t(Key::PlayReset)}
                </button>
            </div>
            <p id="game-status" aria-live="polite">{status}</p>
            <figure class="scene race-scene">
                {move || draw(lang.get(), &world.get(), None, "—")}
            </figure>
        </section>
    }
}
