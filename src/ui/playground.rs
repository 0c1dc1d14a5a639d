//! The "what if" playground, race half: the fixes and conditions of the race
//! as controls (from the one table in `crate::controls`), the run, the
//! census and the estimate recomputed live, and the scheduler game. Every
//! number comes from the engine in this page; the sentences are
//! `super::sentences`.

use leptos::prelude::*;

use super::clock::{say, say_msg};
use super::controls_panel::{apply, controls};
use super::kind::KindBadge;
use super::race_scene::narrate;
use super::sentences::{census_finding, day, estimate_finding, game_status, run_outcome};
use super::url;
use crate::controls::{Control, Move, Panel};
use crate::engine::race::census::{CensusConfig, census};
use crate::engine::race::estimate::{
    Estimate, EstimateConfig, READER_TRIALS, empty_trials_in, summarise,
};
use crate::engine::race::model::{EndpointId, Phase, World};
use crate::engine::race::scheduler::SchedulerGame;
use crate::engine::race::{EnactorId, RaceScenario, run};
use crate::i18n::{Key, Lang, msg};
use crate::story::NumberKind;

/// Trials per main-thread task: the estimate runs in slices with the page
/// free for input between them (one slice is a few ms on a phone). The
/// estimate is [`EstimateConfig::for_reader`], the story's own definition,
/// so at the starting setting the lab shows the story's figure.
const TRIALS_PER_SLICE: u32 = 50;
/// Wait after the last control move before estimating (ms).
const ESTIMATE_DEBOUNCE_MS: u64 = 180;

/// The estimate of `race`, computed once the reader stops moving controls
/// for [`ESTIMATE_DEBOUNCE_MS`], in slices of [`TRIALS_PER_SLICE`] trials
/// (one task each); until the last slice, the previous estimate stays. A
/// newer move abandons a run in progress.
///
/// Also returns whether the estimate shown is not yet the current
/// setting's (for `aria-busy`, and for tests to wait on).
fn sliced_estimate(race: Memo<RaceScenario>) -> (ReadSignal<Option<Estimate>>, Signal<bool>) {
    let (estimated, set_estimated) = signal(None::<Estimate>);
    let (done_for, set_done_for) = signal(None::<RaceScenario>);
    // Bumped by every move: a slice of an older run stops there.
    let run_id = StoredValue::new(0u64);
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let s = race.get();
        let id = run_id.get_value().wrapping_add(1);
        run_id.set_value(id);
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        let publish = move |e: Estimate| {
            set_estimated.set(Some(e));
            set_done_for.set(Some(s));
        };
        let start = move || estimate_slice(s, 0, 0, id, run_id, publish);
        let handle = set_timeout_with_handle(
            start,
            std::time::Duration::from_millis(ESTIMATE_DEBOUNCE_MS),
        );
        timer.set_value(handle.ok());
    });
    on_cleanup(move || {
        run_id.set_value(u64::MAX);
        if let Some(h) = timer.get_value() {
            h.clear();
        }
    });
    let busy = Signal::derive(move || done_for.get() != Some(race.get()));
    (estimated, busy)
}

/// Runs trials `from..` for one task, then schedules the next slice or
/// publishes the estimate.
fn estimate_slice(
    s: RaceScenario,
    from: u32,
    empty_so_far: u32,
    id: u64,
    run_id: StoredValue<u64>,
    publish: impl Fn(Estimate) + Copy + 'static,
) {
    if run_id.try_get_value() != Some(id) {
        return;
    }
    let config = EstimateConfig::for_reader(&s);
    let to = (from + TRIALS_PER_SLICE).min(config.trials);
    let empty = empty_so_far + empty_trials_in(&s, config.seed, from..to);
    if to < config.trials {
        set_timeout(
            move || estimate_slice(s, to, empty, id, run_id, publish),
            std::time::Duration::ZERO,
        );
        return;
    }
    debug_assert_eq!(config.trials, READER_TRIALS);
    let e = summarise(config.trials, empty, s.effective_planner_interval_ms());
    publish(e);
}

#[component]
pub fn Playground(lang: Signal<Lang>) -> impl IntoView {
    let race = url::slice(|s| s.race);
    // The run one task after the control, the census one task after the run.
    let race_moved = super::one_task_later(Box::new(move || race.track()));
    let result = Memo::new(move |_| {
        race_moved.track();
        run(&race.get_untracked()).ok()
    });
    let result_moved = super::one_task_later(Box::new(move || result.track()));
    // The census at the setting where the unfixed design is exposed (the
    // unfixed twin's gap), with the reader's fixes and without any.
    let counted = Memo::new(move |_| {
        result_moved.track();
        let s = race.get_untracked();
        let config = CensusConfig::for_scenario(&s).ok()?;
        let with = census(&config).ok()?;
        let unfixed = census(&config.unguarded()).ok()?;
        Some((with, unfixed))
    });
    let (estimated, estimating) = sliced_estimate(race);
    let t = move |k: Key| move || say(lang.get(), k);
    let next_game = super::next_task();

    let run_text = move || {
        result.with(|r| {
            r.as_ref()
                .map(|r| run_outcome(lang.get(), r))
                .unwrap_or_default()
        })
    };
    let census_texts = move || {
        // Only the current setting's estimate speaks (not the last one's
        // while the new one is being computed).
        let above_zero =
            !estimating.get() && estimated.with(|e| e.as_ref().is_some_and(|e| e.empty_trials > 0));
        let fixes = race.with(|s| s.fixes);
        counted.with(|c| {
            c.as_ref()
                .map(|(with, unfixed)| {
                    let timing = fixes.fewer_plans || fixes.fair_backoff;
                    census_finding(lang.get(), with, unfixed, timing, above_zero)
                })
                .unwrap_or_default()
        })
    };
    let census_text = move || census_texts().0;
    let census_notes = move || census_texts().1;
    let estimate_text =
        move || estimated.with(|e| e.as_ref().map(|e| estimate_finding(lang.get(), e)));
    let why = move || {
        let steps = result.with(|r| r.as_ref().map(|r| super::why::why_lines(lang.get(), r)))?;
        (!steps.is_empty()).then_some(steps)
    };
    let seed = url::slice(|s| s.race.seed);

    view! {
        <section class="playground" aria-labelledby="play-title">
            <h2 id="play-title">{t(Key::PlayTitle)}</h2>
            <p>{t(Key::PlayIntro)}</p>
            <fieldset class="fixes">
                <legend>{t(Key::PlayFixes)}</legend>
                <p class="fixes-note"><small>{t(Key::PlayFixesNote)}</small></p>
                {controls(Panel::Race, |c| c.is_fix(), lang)}
            </fieldset>
            <fieldset class="knobs">
                <legend>{t(Key::PlayKnobs)}</legend>
                {controls(Panel::Race, |c| matches!(c, Control::Knob(_)), lang)}
                <div class="day">
                    <button type="button" id="another-day" on:click=move |_| apply(Move::AnotherDay)>
                        {t(Key::PlayAnotherDay)}
                    </button>
                    <output id="day">{move || day(lang.get(), seed.get())}</output>
                </div>
            </fieldset>
            <div class="results" aria-live="polite">
                <p id="play-run">{run_text} " " <KindBadge kind=NumberKind::Model lang=lang /></p>
                <p id="play-census">{census_text} " " <KindBadge kind=NumberKind::Model lang=lang /></p>
                <p id="play-census-bounds"><small>{census_notes}</small></p>
                <p id="play-estimate" aria-busy=move || estimating.get().to_string()>
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
                let c = counted.get().map(|(with, _)| with);
                let config = c.as_ref().map(|c| c.config).unwrap_or_default();
                let fewest = c.as_ref().and_then(|c| c.fewest_steps_to_empty).unwrap_or(0);
                let examples = c.map(|c| c.bad_examples).unwrap_or_default();
                view! { <SchedulerPanel lang=lang config=config fewest=fewest examples=examples /> }
            })}
        </section>
    }
}

/// What a clerk's next step is, in words: the action it takes (pick up a
/// list, check it, hang the tag, write, clean up), never what the action
/// will lead to, so the reader finds that out by pressing.
fn next_action(lang: Lang, world: &World, who: EnactorId) -> String {
    let letter = who.letter().to_string();
    let who_s = letter.as_str();
    if !world.can_step(who) {
        return lang.message(&msg::PlayDoWait { who: who_s });
    }
    let page = |e: EndpointId| world.endpoint_name(e);
    match world.enactor(who).phase {
        Phase::Idle => lang.message(&msg::PlayDoRead { who: who_s }),
        Phase::Read { plan } => lang.message(&msg::PlayDoCheck {
            who: who_s,
            plan: &plan.to_string(),
        }),
        Phase::Applying {
            endpoint,
            locked: false,
            ..
        } => lang.message(&msg::PlayDoTag {
            who: who_s,
            page: page(endpoint),
        }),
        Phase::Applying { plan, endpoint, .. } => lang.message(&msg::PlayDoWrite {
            who: who_s,
            plan: &plan.to_string(),
            page: page(endpoint),
        }),
        Phase::Cleaning { endpoint, .. } => lang.message(&msg::PlayDoClean {
            who: who_s,
            page: page(endpoint),
        }),
    }
}

/// The last move in words (what the board now shows): each of its events,
/// one after another.
fn last_move(lang: Lang, game: &SchedulerGame) -> Option<String> {
    let (world, steps) = game.replay();
    let words: Vec<String> = steps
        .last()?
        .iter()
        .map(|e| narrate(lang, &world, e))
        .collect();
    Some(super::clock::clock(lang).expand(&words.join(lang.text(Key::PlayThen))))
}

/// The story's game: the reader decides the order, with the story's own
/// list numbers. First round (end of chapter 3, before the story tells
/// what happened): the rules so far, where some orders blank the page.
/// Second round (chapter 4, `recheck`): a clerk checks again right before
/// writing, and no order can.
#[component]
pub fn StoryGame(lang: Signal<Lang>, #[prop(optional)] recheck: bool) -> impl IntoView {
    let (config, fewest) = super::model::story_game(recheck);
    view! { <SchedulerPanel lang=lang config=config fewest=fewest examples=Vec::new() in_story=true /> }
}

#[component]
fn SchedulerPanel(
    lang: Signal<Lang>,
    config: CensusConfig,
    /// The fewest moves that blank the page (from the census).
    fewest: u32,
    examples: Vec<Vec<EnactorId>>,
    /// In the story: the intro names the night's conditions, not the
    /// controls above.
    #[prop(optional)]
    in_story: bool,
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
    let recheck = config.guards.recheck_at_write;
    let action = move |who: EnactorId| {
        // Once the page is blank the status says so; no move is left.
        if game.with(|g| g.record_emptied()) {
            return String::new();
        }
        world.with(|w| next_action(lang.get(), w, who))
    };
    // The board moves from the state before the last move; the clerk who
    // made it is lit.
    let board = move || {
        game.with(|g| {
            let mut before = g.clone();
            before.undo();
            let previous = (!g.moves().is_empty()).then(|| before.world());
            let cast = super::close_up::Cast {
                actor: g.moves().last().copied(),
                slow: None,
                strip: None,
            };
            super::close_up::draw(lang.get(), previous.as_ref(), &world.get(), cast)
        })
    };
    let orderings = census(&config).map(|c| c.counts.orderings).unwrap_or(0);
    let status = move || {
        game.with(|g| {
            let lang = lang.get();
            let over = g.ending().is_some();
            if recheck && over && !g.record_emptied() {
                return say_msg(
                    lang,
                    &msg::PlayGameOverRecheck {
                        orderings: &super::format::grouped(orderings),
                    },
                );
            }
            game_status(lang, g.moves().len(), g.record_emptied(), over, fewest)
        })
    };
    view! {
        <section class="game" aria-labelledby="game-title">
            <h3 id="game-title">{t(Key::PlayGameTitle)}</h3>
            <p class="game-intro">{move || {
                let (stale, fresh) = (config.stale_plan.to_string(), config.fresh_plan.to_string());
                let (stale, fresh) = (stale.as_str(), fresh.as_str());
                if recheck {
                    say_msg(lang.get(), &msg::PlayGameIntroRecheck { stale, fresh })
                } else if in_story {
                    say_msg(lang.get(), &msg::PlayGameIntroStory { stale, fresh })
                } else {
                    say_msg(lang.get(), &msg::PlayGameIntro { stale, fresh })
                }
            }}</p>
            <figure class="scene race-scene game-board">
                <div class="race-picture" inner_html=board></div>
            </figure>
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
                                    {move || say_msg(lang.get(), &msg::PlayExample { n: &(i + 1).to_string(), moves: &letters })}
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
                <button type="button" id="move-a" class="move" on:click=move |_| play(EnactorId::A) disabled=move || !can(EnactorId::A)>
                    {move || action(EnactorId::A)}
                </button>
                <button type="button" id="move-b" class="move" on:click=move |_| play(EnactorId::B) disabled=move || !can(EnactorId::B)>
                    {move || action(EnactorId::B)}
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
            <p id="game-last" class="event-line">{move || game.with(|g| last_move(lang.get(), g))}</p>
        </section>
    }
}
