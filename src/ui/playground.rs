//! The "what if" playground, race half: the fixes and conditions of the race
//! as controls, the run, the census and the estimate recomputed live, and the
//! scheduler game. Every number comes from the engine in this page.

use leptos::prelude::*;

use super::clock::{clock, say};
use super::format::{grouped, then};
use super::kind::KindBadge;
use crate::story::NumberKind;

use super::race_scene::draw;
use super::url;
use crate::engine::race::census::{Census, CensusConfig, census};
use crate::engine::race::estimate::{Estimate, EstimateConfig, estimate};
use crate::engine::race::scheduler::SchedulerGame;
use crate::engine::race::{EnactorId, Fix, RaceRun, RaceScenario, fix_counterexample, run};
use crate::i18n::{Key, Lang, fill, one_decimal, seconds_from_ms};
use crate::share::{KnobRange, PLANNER_MS, SLOW_EXTRA_MS, SLOW_FOR_MS, THRESHOLD_PLANS};

/// Monte Carlo trials per estimate in the page: small enough to stay well
/// under a frame's worth of work per slider step once debounced.
const PLAYGROUND_TRIALS: u32 = 400;
/// Wait after the last slider move before estimating (ms).
const ESTIMATE_DEBOUNCE_MS: u64 = 180;

fn pct(p: f64) -> String {
    one_decimal(p * 100.0)
}

/// A slider bound to one knob of the race scenario.
struct Slider {
    id: &'static str,
    label: Key,
    /// Shown as seconds (values in ms) or as plans.
    unit: Key,
    /// In the knob's own unit, shared with the link codec.
    range: KnobRange,
    get: fn(&RaceScenario) -> u32,
    set: fn(&mut RaceScenario, u32),
}

#[component]
pub fn Playground(lang: ReadSignal<Lang>) -> impl IntoView {
    let (scenario, set_scenario) = signal(url::shared().with_untracked(|s| s.race));
    // Every knob lives in the address.
    Effect::new(move |_| {
        let race = scenario.get();
        url::change(|s| s.race = race);
    });
    let result = Memo::new(move |_| run(&scenario.get()).ok());
    let counted = Memo::new(move |_| {
        result.with(|r| {
            r.as_ref()
                .and_then(|r| census(&CensusConfig::for_run(r)).ok())
        })
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
    let t = move |k: Key| move || say(lang.get(), k);
    let next_game = super::next_task();

    type Get = fn(&RaceScenario) -> bool;
    type Set = fn(&mut RaceScenario, bool);
    let fixes: [(&'static str, Key, Fix, Get, Set); 5] = [
        (
            "fix-recheck",
            Key::PlayFixRecheck,
            Fix::RecheckAtWrite,
            |s| s.fixes.recheck_at_write,
            |s, v| s.fixes.recheck_at_write = v,
        ),
        (
            "fix-spare",
            Key::PlayFixSpare,
            Fix::CleanupSparesInUse,
            |s| s.fixes.cleanup_spares_in_use,
            |s, v| s.fixes.cleanup_spares_in_use = v,
        ),
        (
            "fix-tolerate",
            Key::PlayFixTolerate,
            Fix::RollbackToleratesMissing,
            |s| s.fixes.rollback_tolerates_missing,
            |s, v| s.fixes.rollback_tolerates_missing = v,
        ),
        (
            "fix-fewer",
            Key::PlayFixFewer,
            Fix::FewerPlans,
            |s| s.fixes.fewer_plans,
            |s, v| s.fixes.fewer_plans = v,
        ),
        (
            "fix-fair",
            Key::PlayFixFair,
            Fix::FairBackoff,
            |s| s.fixes.fair_backoff,
            |s, v| s.fixes.fair_backoff = v,
        ),
    ];
    let fix_boxes = fixes
        .into_iter()
        .map(|(id, key, fix, get, set)| {
            // A fix that helps only at some settings offers one where it fails.
            let failing = fix_counterexample(fix).map(|bad| {
                view! {
                    <button
                        type="button"
                        class="show-failing"
                        id=format!("{id}-failing")
                        on:click=move |_| set_scenario.set(bad)
                    >
                        {t(Key::PlayShowFailing)}
                    </button>
                    <Show when=move || scenario.get() == bad>
                        <p class="failing-note">{t(Key::PlayFailingNote)}</p>
                    </Show>
                }
            });
            view! {
                <div class="fix">
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
                    {failing}
                </div>
            }
        })
        .collect_view();

    let knobs = [
        Slider {
            id: "slow-extra",
            label: Key::PlaySlowExtra,
            unit: Key::PlaySeconds,
            range: SLOW_EXTRA_MS,
            get: |s| s.slow_extra_ms,
            set: |s, v| s.slow_extra_ms = v,
        },
        Slider {
            id: "slow-for",
            label: Key::PlaySlowFor,
            unit: Key::PlaySeconds,
            range: SLOW_FOR_MS,
            get: |s| s.slow_for_ms,
            set: |s, v| s.slow_for_ms = v,
        },
        Slider {
            id: "planner",
            label: Key::PlayPlanner,
            unit: Key::PlaySeconds,
            range: PLANNER_MS,
            get: |s| s.planner_interval_ms,
            set: |s, v| s.planner_interval_ms = v,
        },
        Slider {
            id: "threshold",
            label: Key::PlayThreshold,
            unit: Key::PlayPlans,
            range: THRESHOLD_PLANS,
            get: |s| s.cleanup_threshold_generations,
            set: |s, v| s.cleanup_threshold_generations = v,
        },
    ];
    let sliders = knobs
        .into_iter()
        .map(|Slider { id, label, unit, range: KnobRange { min, max, step }, get, set }| {
            let shown = move || {
                let v = get(&scenario.get());
                let value = if unit == Key::PlaySeconds { format!("{}", v / 1000) } else { v.to_string() };
                fill(&say(lang.get(), unit), &[("value", &value)])
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
        let outcome = match r.summary.first_empty {
            Some((at, e)) => {
                let head = fill(
                    &say(lang, Key::PlayResultEmpty),
                    &[
                        ("time", &seconds_from_ms(at)),
                        ("page", r.world.endpoint_name(e)),
                    ],
                );
                let tail = if r.summary.empty_at_end.is_empty() {
                    Key::PlayResultHealed
                } else {
                    Key::PlayResultStuck
                };
                then(lang, &head, &say(lang, tail))
            }
            None => say(lang, Key::PlayResultOk),
        };
        if r.truncated {
            then(lang, &outcome, &say(lang, Key::PlayTruncated))
        } else {
            outcome
        }
    };
    let census_text = move || {
        let lang = lang.get();
        let Some(c): Option<Census> = counted.get() else {
            return String::new();
        };
        if c.counts.empty() == 0 {
            // Never "cannot happen" while the estimate beside it is above zero.
            let above_zero = estimated.get().is_some_and(|e| e.empty_trials > 0);
            if above_zero {
                then(
                    lang,
                    &say(lang, Key::PlayCensusSafe),
                    &say(lang, Key::PlayCensusGap),
                )
            } else {
                say(lang, Key::PlayCensusSafe)
            }
        } else {
            fill(
                &say(lang, Key::PlayCensus),
                &[
                    ("orderings", &grouped(c.counts.orderings)),
                    ("empty", &grouped(c.counts.empty())),
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
            &say(lang.get(), Key::PlayEstimate),
            &[
                ("p", &pct(e.p_empty)),
                ("low", &pct(e.p_low)),
                ("high", &pct(e.p_high)),
                ("trials", &e.trials.to_string()),
            ],
        ))
    };
    let why = move || {
        let lang = lang.get();
        let r = result.get()?;
        let steps = why_chain(lang, &r);
        (!steps.is_empty()).then_some(steps)
    };
    let day = move || {
        fill(
            &say(lang.get(), Key::PlayDay),
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
                <p id="play-run">{run_text} " " <KindBadge kind=NumberKind::Model lang=lang /></p>
                <p id="play-census">{census_text} " " <KindBadge kind=NumberKind::Model lang=lang /></p>
                <p id="play-estimate">
                    {estimate_text} " " <KindBadge kind=NumberKind::Model lang=lang />
                </p>
                {move || why().map(|steps| view! {
                    <details id="why-empty">
                        <summary>{move || say(lang.get(), Key::PlayWhy)}</summary>
                        <ol>{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                    </details>
                })}
                <p><small>{t(Key::SceneModelNote)}</small></p>
            </div>
            // The game sits below the fold: drawn one task later.
            {move || next_game.get().then(|| {
                let c = counted.get();
                let config = c.as_ref().map(|c| c.config).unwrap_or_default();
                let fewest = c.as_ref().and_then(|c| c.fewest_steps_to_empty).unwrap_or(0);
                let examples = c.map(|c| c.bad_examples).unwrap_or_default();
                view! { <SchedulerPanel lang=lang config=config fewest=fewest examples=examples /> }
            })}
        </section>
    }
}

/// The reader schedules the two clerks by hand and tries to blank the page.
#[component]
fn SchedulerPanel(
    lang: ReadSignal<Lang>,
    config: CensusConfig,
    /// The fewest moves that blank the page (from the census).
    fewest: u32,
    examples: Vec<Vec<EnactorId>>,
) -> impl IntoView {
    let (game, set_game) = signal(SchedulerGame::new(config));
    let world = Memo::new(move |_| game.with(|g| g.world()));
    let can =
        move |who: EnactorId| world.with(|w| w.can_step(who)) && !game.with(|g| g.record_emptied());
    let play = move |who: EnactorId| {
        set_game.update(|g| {
            let _ = g.play(who);
        })
    };
    let t = move |k: Key| move || say(lang.get(), k);
    let status = move || {
        let lang = lang.get();
        let moves = game.with(|g| g.moves().len());
        if game.with(|g| g.record_emptied()) {
            fill(
                &say(lang, Key::PlayGameWon),
                &[
                    ("moves", &moves.to_string()),
                    ("fewest", &fewest.to_string()),
                ],
            )
        } else if game.with(|g| g.ending().is_some()) {
            say(lang, Key::PlayGameOver)
        } else {
            fill(
                &say(lang, Key::PlayGameMoves),
                &[("moves", &(moves + 1).to_string())],
            )
        }
    };
    view! {
        <section class="game" aria-labelledby="game-title">
            <h3 id="game-title">{t(Key::PlayGameTitle)}</h3>
            <p>{move || fill(
                &say(lang.get(), Key::PlayGameIntro),
                &[("stale", &config.stale_plan.to_string()), ("fresh", &config.fresh_plan.to_string())],
            )}</p>
            {(!examples.is_empty()).then(|| {
                let buttons = examples
                    .into_iter()
                    .enumerate()
                    .map(|(i, moves)| {
                        let letters: String = moves.iter().map(|e| e.letter()).collect();
                        let replay = moves.clone();
                        view! {
                            <li>
                                <button type="button" class="example" id=format!("example-{i}")
                                    on:click=move |_| {
                                        let mut g = SchedulerGame::new(config);
                                        for &who in &replay {
                                            let _ = g.play(who);
                                        }
                                        set_game.set(g);
                                    }>
                                    {move || fill(
                                        &say(lang.get(), Key::PlayExample),
                                        &[("n", &(i + 1).to_string()), ("moves", &letters)],
                                    )}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <p class="gallery-label">{move || say(lang.get(), Key::PlayGallery)}</p>
                    <ol class="gallery">{buttons}</ol>
                }
            })}
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
                {move || draw(lang.get(), &world.get(), None, None, "—")}
            </figure>
        </section>
    }
}

/// The chain of events behind the first blank page of a run, in words: the
/// overwriting clerk's one check, its lost locks, the newer write it undid,
/// its stale write, and the clean-up that deleted it.
fn why_chain(lang: Lang, r: &RaceRun) -> Vec<String> {
    use crate::engine::race::RaceEvent as E;
    let ev = &r.events;
    let Some(k) = ev
        .iter()
        .position(|e| matches!(e.event, E::RecordEmptied { .. }))
    else {
        return Vec::new();
    };
    let E::RecordEmptied {
        endpoint,
        generation,
        ..
    } = ev[k].event
    else {
        return Vec::new();
    };
    let overwrite = ev[..k].iter().rposition(|e| {
        matches!(e.event, E::Flipped { endpoint: p, to, .. } if p == endpoint && to == generation)
    });
    let mut picked: Vec<usize> = Vec::new();
    let mut backoffs = (0u32, 0u64, None);
    if let Some(o) = overwrite {
        let who = ev[o].event.actor();
        if let Some(c) = ev[..o].iter().rposition(|e| {
            matches!(e.event, E::CheckPassed { plan, .. } if plan == generation)
                && e.event.actor() == who
        }) {
            picked.push(c);
            for e in &ev[c..o] {
                if let E::BackedOff {
                    enactor, wait_ms, ..
                } = e.event
                    && Some(enactor) == who
                {
                    backoffs = (backoffs.0 + 1, backoffs.1 + wait_ms, Some(enactor));
                }
            }
        }
        if let Some(newer) = ev[..o].iter().rposition(|e| {
            matches!(e.event, E::Flipped { endpoint: p, to, .. } if p == endpoint && to > generation)
        }) {
            picked.push(newer);
        }
        picked.push(o);
    }
    picked.push(k.saturating_sub(1));
    picked.push(k);
    picked.sort_unstable();
    picked.dedup();
    let mut lines: Vec<String> = Vec::new();
    for (n, &i) in picked.iter().enumerate() {
        if let Some(text) = super::race_scene::narrate(lang, &r.world, &ev[i].event)
            .map(|text| clock(lang).expand(&text))
        {
            lines.push(format!("{} s: {text}", seconds_from_ms(ev[i].at_ms)));
        }
        // The lost locks come right after the check.
        if n == 0
            && let (count @ 1.., wait, Some(who)) = backoffs
        {
            lines.push(fill(
                &say(lang, Key::PlayWhyBackoffs),
                &[
                    ("who", &who.letter().to_string()),
                    ("count", &count.to_string()),
                    ("seconds", &seconds_from_ms(wait)),
                ],
            ));
        }
    }
    lines
}
