//! The "what if" playground, race half: the fixes and conditions of the race
//! as controls (from the one table in `crate::controls`), the run, the
//! census and the estimate recomputed live, and the scheduler game. Every
//! number comes from the engine in this page; the sentences are
//! `super::sentences`.

use leptos::prelude::*;

use super::clock::{say, say_msg};
use super::controls_panel::{apply, controls};
use super::kind::KindBadge;
use super::lab_days;
use super::race_scene::narrate;
use super::sentences::{census_finding, day, estimate_finding, game_status, run_outcome};
use super::url;
use crate::controls::{Control, LabFacts, MORE_OFTEN_ONE_IN, Move, Panel, Progress, RaceChallenge};
use crate::engine::race::census::{Census, CensusConfig, census, movable};
use crate::engine::race::estimate::{
    Estimate, EstimateConfig, READER_TRIALS, summarise, trial_empties, trial_scenario,
};
use crate::engine::race::model::{EndpointId, Phase, World};
use crate::engine::race::scheduler::SchedulerGame;
use crate::engine::race::{EnactorId, RaceEvent, RaceScenario, run};
use crate::i18n::{Key, Lang, msg};
use crate::story::NumberKind;

/// Trials per main-thread task: the estimate runs in slices with the page
/// free for input between them (one slice is a few ms on a phone). The
/// estimate is [`EstimateConfig::for_reader`], the story's own definition,
/// so at the starting setting the lab shows the story's figure.
const TRIALS_PER_SLICE: u32 = 50;
/// Wait after the last control move before estimating (ms).
const ESTIMATE_DEBOUNCE_MS: u64 = 180;

/// The made-up delays' outcomes the grid draws: `now`, the current
/// setting's trials so far, in order (true: the page went blank); `before`,
/// the last complete setting's, shown faded until `now` reaches them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Days {
    now: Vec<bool>,
    before: Vec<bool>,
}

impl Days {
    /// A new setting's trials begin: a complete run becomes the one before.
    fn begin(&mut self, trials: u32) {
        if self.now.len() >= trials as usize {
            self.before = std::mem::take(&mut self.now);
        } else {
            self.now.clear();
        }
    }
}

/// The lab's estimate as it arrives.
#[derive(Clone, Copy)]
struct LabEstimate {
    /// The last estimate completed (possibly of an earlier setting).
    estimated: ReadSignal<Option<Estimate>>,
    /// The setting `estimated` is of.
    done_for: ReadSignal<Option<RaceScenario>>,
    /// Whether the estimate shown is not yet the current setting's (for
    /// `aria-busy`, and for tests to wait on).
    busy: Signal<bool>,
    /// Each trial's outcome, slice by slice.
    days: ReadSignal<Days>,
}

/// The estimate of `race`, computed once the reader stops moving controls
/// for [`ESTIMATE_DEBOUNCE_MS`], in slices of [`TRIALS_PER_SLICE`] trials
/// (one task each); until the last slice, the previous estimate stays, and
/// the grid fills in with each slice. A newer move abandons a run in
/// progress.
fn sliced_estimate(race: Memo<RaceScenario>) -> LabEstimate {
    let (estimated, set_estimated) = signal(None::<Estimate>);
    let (done_for, set_done_for) = signal(None::<RaceScenario>);
    let (days, set_days) = signal(Days::default());
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
        let start = move || {
            if run_id.try_get_value() != Some(id) {
                return;
            }
            set_days.update(|d| d.begin(READER_TRIALS));
            estimate_slice(s, 0, 0, id, run_id, set_days, publish);
        };
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
    LabEstimate {
        estimated,
        done_for,
        busy,
        days,
    }
}

/// Runs trials `from..` for one task, hands their outcomes to the grid,
/// then schedules the next slice or publishes the estimate.
fn estimate_slice(
    s: RaceScenario,
    from: u32,
    empty_so_far: u32,
    id: u64,
    run_id: StoredValue<u64>,
    days: WriteSignal<Days>,
    publish: impl Fn(Estimate) + Copy + 'static,
) {
    if run_id.try_get_value() != Some(id) {
        return;
    }
    let config = EstimateConfig::for_reader(&s);
    let to = (from + TRIALS_PER_SLICE).min(config.trials);
    // The engine's own trials (`empty_trials_in` counts the same), kept
    // one by one for the grid.
    let outcomes: Vec<bool> = (from..to)
        .map(|i| trial_empties(&trial_scenario(&s, config.seed, i)))
        .collect();
    let empty = empty_so_far + lab_days::blank_count(&outcomes);
    days.update(|d| d.now.extend_from_slice(&outcomes));
    if to < config.trials {
        set_timeout(
            move || estimate_slice(s, to, empty, id, run_id, days, publish),
            std::time::Duration::ZERO,
        );
        return;
    }
    debug_assert_eq!(config.trials, READER_TRIALS);
    let e = summarise(config.trials, empty, s.effective_planner_interval_ms());
    publish(e);
}

/// The shortest order of `config` that blanks the regional page (the page
/// the board draws up close), breadth first over the game's states; `None`
/// if no order does. An order that blanks another page first is not
/// followed further.
fn shortest_to_regional_blank(config: &CensusConfig) -> Option<Vec<EnactorId>> {
    /// More states than any lab setting's census visits (a bound, not a limit met).
    const MAX_STATES: usize = 200_000;
    // Looked up, never iterated: its order cannot leak into the result.
    let mut seen = std::collections::HashSet::new();
    let mut queue = std::collections::VecDeque::from([(config.initial_world(), Vec::new())]);
    while let Some((world, moves)) = queue.pop_front() {
        for who in movable(&world) {
            let mut next = world.clone();
            next.step(who, &mut |_| {});
            let mut order: Vec<EnactorId> = moves.clone();
            order.push(who);
            if next.empty_endpoints().any(|e| e == World::REGIONAL) {
                return Some(order);
            }
            if next.empty_endpoints().next().is_none()
                && seen.len() < MAX_STATES
                && seen.insert(next.clone())
            {
                queue.push_back((next, order));
            }
        }
    }
    None
}

/// The order of the census that blanks the page, for the board beside the
/// grid: the shortest that blanks the regional page (else the census's
/// first example), from the census `with` the reader's fixes, played up to
/// the blank page; or, when the fixes leave none, the one of the census
/// without them (`unfixed`), played with the fixes turn for turn (a turn
/// the fixed rules refuse is skipped) to its end. `None` where no order
/// blanks the page, fix or no fix. Returns the game, the order and whether
/// it is the unfixed order replayed.
pub(crate) fn first_bad_game(
    with: &Census,
    unfixed: &Census,
) -> Option<(SchedulerGame, Vec<EnactorId>, bool)> {
    let replayed = with.bad_examples.is_empty();
    let source = if replayed { unfixed } else { with };
    let order = shortest_to_regional_blank(&source.config)
        .or_else(|| source.bad_examples.first().cloned())?;
    let mut game = SchedulerGame::new(with.config);
    for &who in &order {
        if game.record_emptied() || game.ending().is_some() {
            break;
        }
        let _ = game.play(who);
    }
    if replayed {
        // Whoever can still move, to the end (each move is a step of the
        // census's finite tree, so this ends; bounded all the same).
        for _ in 0..1_000 {
            if game.record_emptied() {
                break;
            }
            let Some(&next) = game.movable().first() else {
                break;
            };
            let _ = game.play(next);
        }
    }
    Some((game, order, replayed))
}

/// The board of the scheduler game: the state after its moves, moving from
/// the state before the last one, the clerk who made it lit.
fn board_markup(lang: Lang, game: &SchedulerGame) -> String {
    let mut before = game.clone();
    before.undo();
    let previous = (!game.moves().is_empty()).then(|| before.world());
    let cast = super::close_up::Cast {
        actor: game.moves().last().copied(),
        slow: None,
        strip: None,
        refused: None,
    };
    super::close_up::draw(lang, previous.as_ref(), &game.world(), cast)
}

/// What one move of the game does, by the phase the clerk is in before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Read,
    Check,
    /// On the page drawn (true) or another.
    Tag(bool),
    Write(bool),
    /// A tag and the write under it, one after the other: one step in words.
    TagWrite(bool),
    /// A write the rules stopped (a fix's check): the page is left as it is.
    Kept(bool),
    /// A check that found the list too old: the clerk stops.
    Dropped,
    /// A clean-up that kept the list in use (the fix that spares it).
    Spared,
    Clean,
    /// Refused by the rules (a replayed order under a fix): nothing happens.
    Wait,
}

impl Step {
    fn of(world: &World, who: EnactorId) -> Step {
        if !world.can_step(who) {
            return Step::Wait;
        }
        match world.enactor(who).phase {
            Phase::Idle => Step::Read,
            Phase::Read { .. } => Step::Check,
            Phase::Applying {
                locked: false,
                endpoint,
                ..
            } => Step::Tag(endpoint == World::REGIONAL),
            Phase::Applying { endpoint, .. } => Step::Write(endpoint == World::REGIONAL),
            Phase::Cleaning { .. } => Step::Clean,
        }
    }

    fn words(self, lang: Lang, n: u32) -> String {
        let key = match self {
            Step::Read => Key::PlayStepRead,
            Step::Check => Key::PlayStepCheck,
            Step::Tag(true) => Key::PlayStepTag,
            Step::Tag(false) => Key::PlayStepTagOther,
            Step::Write(true) => Key::PlayStepWrite,
            Step::Write(false) => Key::PlayStepWriteOther,
            Step::TagWrite(true) => Key::PlayStepTagWrite,
            Step::TagWrite(false) => Key::PlayStepTagWriteOther,
            Step::Kept(true) => Key::PlayStepKept,
            Step::Kept(false) => Key::PlayStepKeptOther,
            Step::Dropped => Key::PlayStepDropped,
            Step::Spared => Key::PlayStepSpared,
            Step::Clean => Key::PlayStepClean,
            Step::Wait => Key::PlayStepWait,
        };
        let words = lang.text(key);
        if self == Step::TagWrite(false) && n > 1 {
            lang.message(&msg::PlayStepTagWriteOthers { n: &n.to_string() })
        } else if n > 1 {
            lang.message(&msg::PlayStepTimes {
                step: words,
                n: &n.to_string(),
            })
        } else {
            words.to_string()
        }
    }
}

/// The order `moves` played from `config`'s start, as steps: who moves and
/// what the move does (a tag and the write under it as one step), a step
/// repeated in a row counted once with its number.
fn order_steps(config: CensusConfig, moves: &[EnactorId]) -> Vec<(EnactorId, Step, u32)> {
    let mut game = SchedulerGame::new(config);
    let mut steps: Vec<(EnactorId, Step)> = Vec::new();
    for &who in moves {
        let step = match (Step::of(&game.world(), who), game.play(who)) {
            (_, Err(_)) => Step::Wait,
            (Step::Write(page), Ok(events))
                if events.iter().any(|e| {
                    matches!(
                        e,
                        RaceEvent::FlipSkippedNotNewer { .. }
                            | RaceEvent::FlipFailedRollbackMissing { .. }
                            | RaceEvent::FlipBlockedInconsistent { .. }
                    )
                }) =>
            {
                Step::Kept(page)
            }
            (Step::Check, Ok(events))
                if events
                    .iter()
                    .any(|e| matches!(e, RaceEvent::CheckFailed { .. })) =>
            {
                Step::Dropped
            }
            (Step::Clean, Ok(events))
                if events.iter().any(
                    |e| matches!(e, RaceEvent::TreesDeleted { spared, .. } if *spared > 0),
                ) =>
            {
                Step::Spared
            }
            (step, Ok(_)) => step,
        };
        match (steps.last_mut(), step) {
            (Some((w, s)), Step::Write(page)) if *w == who && *s == Step::Tag(page) => {
                *s = Step::TagWrite(page);
            }
            (Some((w, s)), Step::Kept(page)) if *w == who && *s == Step::Tag(page) => {
                *s = Step::Kept(page);
            }
            _ => steps.push((who, step)),
        }
    }
    let mut out: Vec<(EnactorId, Step, u32)> = Vec::new();
    for (who, step) in steps {
        match out.last_mut() {
            Some((w, s, n)) if *w == who && *s == step => *n += 1,
            _ => out.push((who, step, 1)),
        }
    }
    out
}

/// An order's moves as turns: who moves, how many times in a row.
fn turns(moves: &[EnactorId]) -> Vec<(EnactorId, u32)> {
    let mut out: Vec<(EnactorId, u32)> = Vec::new();
    for &who in moves {
        match out.last_mut() {
            Some((w, n)) if *w == who => *n += 1,
            _ => out.push((who, 1)),
        }
    }
    out
}

/// An order in words, turn by turn: "A: 5 moves → B: 7 moves → …".
fn turns_words(lang: Lang, moves: &[EnactorId]) -> String {
    turns(moves)
        .into_iter()
        .map(|(who, n)| {
            let letter = who.letter().to_string();
            if n == 1 {
                lang.message(&msg::PlayTurnOne { who: &letter })
            } else {
                lang.message(&msg::PlayTurn {
                    who: &letter,
                    n: &n.to_string(),
                })
            }
        })
        .collect::<Vec<_>>()
        .join(" → ")
}

/// An order drawn as steps: each a clerk's disc and what it does, in order.
fn order_view(lang: Signal<Lang>, steps: Vec<(EnactorId, Step, u32)>) -> impl IntoView {
    let items = steps
        .into_iter()
        .map(|(who, step, n)| {
            let letter = who.letter().to_string();
            view! {
                <li class="order-step" data-who=letter.clone()>
                    <span class="who">{letter.clone()}</span> " "
                    <span class="what">{move || step.words(lang.get(), n)}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <ol class="order-steps" aria-label=move || say(lang.get(), Key::PlayOrderSteps)>{items}</ol>
    }
}

/// The suggested experiments: a goal each, a button that sets its starting
/// setting (a [`Move`], so the address reopens it), and "done" once the
/// lab's results meet the goal. `facts`: the last setting whose run,
/// census and estimate are all in.
#[component]
fn Challenges(lang: Signal<Lang>, facts: Memo<Option<LabFacts>>) -> impl IntoView {
    // The experiment last started: its "not yet" shows until it is done.
    let active = RwSignal::new(None::<RaceChallenge>);
    let items = RaceChallenge::ALL
        .into_iter()
        .map(|c| {
            let goal_id = format!("{}-goal", c.id());
            let progress = move || facts.with(|f| f.as_ref().map(|f| c.progress(f)));
            let status = move || {
                let lang = lang.get();
                match progress() {
                    Some(Progress::Done) => format!("✓ {}", lang.text(c.done())),
                    Some(Progress::OnlyRarer) => lang.text(Key::TryOnlyRarer).to_string(),
                    _ if active.get() == Some(c) => lang.text(Key::TryNotYet).to_string(),
                    _ => String::new(),
                }
            };
            let goal = move || {
                let lang = lang.get();
                match c {
                    RaceChallenge::MoreOften => lang.message(&msg::TryMoreOften {
                        n: &MORE_OFTEN_ONE_IN.to_string(),
                    }),
                    _ => lang.text(c.goal()).to_string(),
                }
            };
            view! {
                <li class="challenge" id=c.id()
                    data-done=move || (progress() == Some(Progress::Done)).to_string()>
                    <p class="goal" id=goal_id.clone()>{goal}</p>
                    <button type="button" id=format!("{}-start", c.id())
                        aria-describedby=goal_id
                        on:click=move |_| {
                            active.set(Some(c));
                            apply(Move::Challenge(c));
                        }>
                        {move || say(lang.get(), Key::TryStart)}
                    </button>
                    <p class="challenge-status" id=format!("{}-status", c.id()) aria-live="polite">
                        {status}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="challenges" aria-labelledby="try-title">
            <h3 id="try-title">{move || say(lang.get(), Key::TryTitle)}</h3>
            <ol>{items}</ol>
        </section>
    }
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
    // unfixed twin's gap), with the reader's fixes and without any; with
    // the setting it counted.
    let counted = Memo::new(move |_| {
        result_moved.track();
        let s = race.get_untracked();
        let config = CensusConfig::for_scenario(&s).ok()?;
        let with = census(&config).ok()?;
        let unfixed = census(&config.unguarded()).ok()?;
        Some((s, with, unfixed))
    });
    let LabEstimate {
        estimated,
        done_for,
        busy: estimating,
        days,
    } = sliced_estimate(race);
    let t = move |k: Key| move || say(lang.get(), k);
    let next_game = super::next_task();

    // What the experiments read: the current setting's run, census and
    // estimate once all three are in; until then, the last setting's.
    let settled = Memo::new(move |_| {
        let s = race.get();
        let run_blanked = result.with(|r| {
            r.as_ref()
                .filter(|r| r.scenario == s)
                .map(|r| r.summary.first_empty.is_some())
        })?;
        let (census_blank, unfixed_blank) = counted.with(|c| {
            c.as_ref()
                .filter(|(at, _, _)| *at == s)
                .map(|(_, with, unfixed)| (with.counts.empty(), unfixed.counts.empty()))
        })?;
        let e = estimated.get().filter(|_| done_for.get() == Some(s))?;
        Some(LabFacts {
            fixes: s.fixes,
            run_blanked,
            census_blank,
            unfixed_blank,
            estimate_blank: e.empty_trials,
            estimate_trials: e.trials,
        })
    });
    let facts = Memo::new(move |last: Option<&Option<LabFacts>>| {
        settled.get().or_else(|| last.copied().flatten())
    });

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
                .map(|(_, with, unfixed)| {
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
    let grid =
        move || days.with(|d| lab_days::markup(lang.get(), &d.now, &d.before, READER_TRIALS));
    let grid_caption = move || days.with(|d| lab_days::caption(lang.get(), &d.now, READER_TRIALS));
    // The board one task after the census (it replays an order of it).
    let counted_moved = super::one_task_later(Box::new(move || counted.track()));
    let first_bad = Memo::new(move |_| {
        counted_moved.track();
        counted.with_untracked(|c| {
            c.as_ref()
                .and_then(|(_, with, unfixed)| first_bad_game(with, unfixed))
        })
    });
    let first_bad_view = move || {
        first_bad.get().map(|(game, order, replayed)| {
            let moves = order.len().to_string();
            let blank = game.record_emptied();
            // The steps as the board played them (with the fixes: the
            // unfixed order's turns the rules allow, then on to the end).
            let steps = order_steps(*game.config(), game.moves());
            let caption = move || {
                let m = msg::PlayFirstBad { n: &moves };
                let key = if replayed {
                    Key::PlayFirstBadFixed
                } else {
                    Key::PlayFirstBad
                };
                lang.get().message_as(key, &m)
            };
            view! {
                <figure class="scene race-scene first-bad" id="first-bad" data-blank=blank.to_string()>
                    <div class="race-picture" inner_html=move || board_markup(lang.get(), &game)></div>
                    <figcaption>
                        {caption} " " <KindBadge kind=NumberKind::Model lang=lang />
                        {order_view(lang, steps)}
                    </figcaption>
                </figure>
            }
        })
    };

    view! {
        <section class="playground race-lab" aria-labelledby="play-title">
            <h2 id="play-title">{t(Key::PlayTitle)}</h2>
            <p>{t(Key::PlayIntro)}</p>
            <Challenges lang=lang facts=facts />
            // The controls and what they move, side by side on a wide
            // screen; on a phone the grid stays at the bottom of the
            // screen while the controls scroll above it.
            <div class="lab-bench">
                <div class="lab-controls">
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
                </div>
                <div class="lab-panel">
                    <figure class="scene days-grid" id="days-grid" aria-busy=move || estimating.get().to_string()>
                        <div class="pic" inner_html=grid></div>
                        <figcaption>
                            <span id="days-count">{grid_caption}</span>
                            // Japanese runs on after its full stop; English after a space.
                            <span class="days-square">{move || {
                                let lang = lang.get();
                                let sep = if lang == Lang::Ja { "" } else { " " };
                                format!("{sep}{}", lang.text(Key::PlayDaysSquare))
                            }}</span> " "
                            <KindBadge kind=NumberKind::Model lang=lang />
                        </figcaption>
                    </figure>
                    {first_bad_view}
                </div>
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
            </div>
            // The game sits below the fold: drawn one task later.
            {move || next_game.get().then(|| {
                let c = counted.get().map(|(_, with, _)| with);
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
    let board = move || game.with(|g| board_markup(lang.get(), g));
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
                        let count = moves.len().to_string();
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
                                    {move || say_msg(lang.get(), &msg::PlayExample { n: &(i + 1).to_string(), moves: &count })}
                                    <span class="turns">{move || turns_words(lang.get(), &moves)}</span>
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::race::{Fix, Fixes, Preset};

    fn censuses(s: &RaceScenario) -> (Census, Census) {
        let config = CensusConfig::for_scenario(s).expect("valid");
        (
            census(&config).expect("valid"),
            census(&config.unguarded()).expect("valid"),
        )
    }

    #[test]
    fn the_first_bad_order_ends_on_the_blank_regional_page() {
        let (with, unfixed) = censuses(&Preset::AsItHappened.scenario());
        let (game, order, replayed) =
            first_bad_game(&with, &unfixed).expect("the night has bad orders");
        assert!(!replayed);
        assert_eq!(game.moves(), order.as_slice());
        assert!(game.record_emptied());
        assert!(game.world().empty_endpoints().any(|e| e == World::REGIONAL));
        // The shortest: the census's fewest moves, the game's 11.
        assert_eq!(Some(order.len() as u32), with.fewest_steps_to_empty);
        let letters: String = order.iter().map(|e| e.letter()).collect();
        assert_eq!(letters, "ABBBAABBBBB");
        let svg = board_markup(Lang::En, &game);
        assert!(svg.contains("page regional blank"), "{svg}");
    }

    #[test]
    fn an_order_is_told_as_steps_and_turns_in_words() {
        let (with, unfixed) = censuses(&Preset::AsItHappened.scenario());
        let (_, order, _) = first_bad_game(&with, &unfixed).expect("the night has bad orders");
        let steps = order_steps(with.config, &order);
        // Every move of the census's own order is a step the rules allow,
        // and the steps account for every move.
        // A and B check; B, then A, write the page drawn; B writes the
        // other two pages and throws away old lists.
        use EnactorId::{A, B};
        assert_eq!(
            steps,
            vec![
                (A, Step::Check, 1),
                (B, Step::Check, 1),
                (B, Step::TagWrite(true), 1),
                (A, Step::TagWrite(true), 1),
                (B, Step::TagWrite(false), 2),
                (B, Step::Clean, 1),
            ]
        );
        for lang in Lang::ALL {
            for (_, s, n) in &steps {
                let words = s.words(lang, *n);
                assert!(!words.is_empty() && !words.contains('{'), "{words}");
            }
            let turns = turns_words(lang, &order);
            assert!(!turns.contains("BB") && !turns.contains('{'), "{turns}");
        }
        assert_eq!(
            turns_words(Lang::En, &order),
            "A: 1 move → B: 3 moves → A: 2 moves → B: 5 moves"
        );
        assert_eq!(
            turns_words(Lang::Ja, &order),
            "Aが1回動く → Bが3回動く → Aが2回動く → Bが5回動く"
        );
    }

    #[test]
    fn with_a_guard_the_same_order_keeps_the_page() {
        for fix in [Fix::RecheckAtWrite, Fix::CleanupSparesInUse] {
            let s = RaceScenario {
                fixes: Fixes::only(fix),
                ..Preset::AsItHappened.scenario()
            };
            let (with, unfixed) = censuses(&s);
            let (game, _, replayed) = first_bad_game(&with, &unfixed).expect("the unfixed order");
            assert!(replayed, "{fix:?}");
            assert!(!game.record_emptied(), "{fix:?}");
            assert!(game.ending().is_some(), "{fix:?}: played to its end");
            let svg = board_markup(Lang::Ja, &game);
            assert!(!svg.contains("page regional blank"), "{fix:?}");
            // In words, the board's own steps: somewhere the rules stop a
            // write, and no step is a refused turn.
            let steps = order_steps(*game.config(), game.moves());
            assert!(
                steps
                    .iter()
                    .any(|(_, s, _)| matches!(s, Step::Kept(_) | Step::Dropped | Step::Spared)),
                "{fix:?}: {steps:?}"
            );
            assert!(steps.iter().all(|(_, s, _)| *s != Step::Wait), "{steps:?}");
        }
        // Where no order can blank the page, fix or no fix: no board.
        let closed = RaceScenario {
            cleanup_threshold_generations: 40,
            ..Preset::AsItHappened.scenario()
        };
        let (with, unfixed) = censuses(&closed);
        assert!(first_bad_game(&with, &unfixed).is_none());
    }

    #[test]
    fn a_new_setting_keeps_the_last_complete_one_to_fade() {
        let mut d = Days::default();
        d.begin(4);
        d.now.extend([true, false]);
        // Abandoned half-way: nothing to keep.
        d.begin(4);
        assert!(d.now.is_empty() && d.before.is_empty());
        d.now.extend([true, false, false, true]);
        d.begin(4);
        assert_eq!(d.before, vec![true, false, false, true]);
        assert!(d.now.is_empty());
    }
}
