//! The race scene: the Planner, the three clerks and the address book's pages
//! (one per endpoint) at a moment of the "as it happened" run, as SVG.
//! A pure view of (world, event, language).

use leptos::prelude::*;

use super::model::{moment_index, notable_indices, race_run, world_after};
use super::story::Detail;
use super::text::text_width;
use super::url;
#[cfg(test)]
use crate::engine::race::model::Phase;
use crate::engine::race::model::{EndpointId, World};
use crate::engine::race::{EnactorId, RaceEvent};
use crate::i18n::{Key, Lang, msg, seconds_from_ms};
use crate::story::chapters::RaceMoment;

/// Short page names: the endpoint without `.amazonaws.com`-style tails.
fn page_name(world: &World, endpoint: EndpointId) -> &'static str {
    world.endpoint_name(endpoint)
}

/// One event in words, for the caption under the picture and the live region.
/// Every kind of event has words in both languages (the match names each
/// kind; the tests below check the story's whole trace), so a reader never
/// meets the engine's one-line form outside the technical detail.
pub fn narrate(lang: Lang, world: &World, event: &RaceEvent) -> String {
    let who = |e: EnactorId| e.letter().to_string();
    match *event {
        RaceEvent::PlanCreated { generation } => lang.message(&msg::EvPlanCreated {
            plan: &generation.to_string(),
        }),
        RaceEvent::PlanRead { enactor, plan } => lang.message(&msg::EvPlanRead {
            who: &who(enactor),
            plan: &plan.to_string(),
        }),
        RaceEvent::LockTaken {
            enactor,
            endpoint,
            taken_over_from: None,
        } => lang.message(&msg::EvLockTaken {
            who: &who(enactor),
            page: page_name(world, endpoint),
        }),
        RaceEvent::LockTaken {
            enactor,
            endpoint,
            taken_over_from: Some(holder),
        } => lang.message(&msg::EvLockTakenOver {
            who: &who(enactor),
            page: page_name(world, endpoint),
            holder: &who(holder),
        }),
        RaceEvent::RunFinished { enactor, plan } => lang.message(&msg::EvRunFinished {
            who: &who(enactor),
            plan: &plan.to_string(),
        }),
        RaceEvent::CheckPassed {
            enactor,
            plan,
            last_applied,
        } => lang.message(&msg::EvCheckPassed {
            who: &who(enactor),
            plan: &plan.to_string(),
            last: &last_applied.to_string(),
        }),
        RaceEvent::BackedOff {
            enactor,
            wait_ms,
            losses_in_row,
            ..
        } => lang.message(&msg::EvBackedOff {
            who: &who(enactor),
            seconds: &seconds_from_ms(wait_ms),
            losses: &losses_in_row.to_string(),
        }),
        RaceEvent::Flipped {
            enactor,
            endpoint,
            from,
            to,
            behind_newest,
        } => {
            let (who, page) = (who(enactor), page_name(world, endpoint));
            let (from_plan, to_plan) = (from.to_string(), to.to_string());
            if to < from {
                let behind = behind_newest.to_string();
                lang.message(&msg::EvStaleFlip {
                    who: &who,
                    page,
                    to: &to_plan,
                    behind: &behind,
                })
            } else if to == from {
                lang.message(&msg::EvFlipSame {
                    who: &who,
                    page,
                    to: &to_plan,
                })
            } else {
                lang.message(&msg::EvFlipped {
                    who: &who,
                    page,
                    from: &from_plan,
                    to: &to_plan,
                })
            }
        }
        RaceEvent::TreesDeleted {
            enactor,
            endpoint,
            count: 1,
            oldest,
            ..
        } => lang.message(&msg::EvTreeDeletedOne {
            who: &who(enactor),
            page: page_name(world, endpoint),
            oldest: &oldest.to_string(),
        }),
        RaceEvent::TreesDeleted {
            enactor,
            endpoint,
            count,
            oldest,
            newest,
            ..
        } => lang.message(&msg::EvTreesDeleted {
            who: &who(enactor),
            page: page_name(world, endpoint),
            count: &count.to_string(),
            oldest: &oldest.to_string(),
            newest: &newest.to_string(),
        }),
        RaceEvent::RecordEmptied {
            endpoint,
            generation,
            ..
        } => lang.message(&msg::EvEmptied {
            page: page_name(world, endpoint),
            plan: &generation.to_string(),
        }),
        RaceEvent::FlipFailedRollbackMissing {
            enactor, missing, ..
        } => lang.message(&msg::EvFlipFailed {
            who: &who(enactor),
            missing: &missing.to_string(),
        }),
        RaceEvent::FlipBlockedInconsistent {
            enactor,
            endpoint,
            plan,
            empty_endpoint,
        } => lang.message(&msg::EvFlipBlocked {
            who: &who(enactor),
            page: page_name(world, endpoint),
            plan: &plan.to_string(),
            empty: page_name(world, empty_endpoint),
        }),
        RaceEvent::CheckFailed {
            enactor,
            plan,
            last_applied,
        } => lang.message(&msg::EvCheckFailed {
            who: &who(enactor),
            plan: &plan.to_string(),
            last: &last_applied.to_string(),
        }),
        RaceEvent::LockBusy {
            enactor,
            endpoint,
            holder,
        } => lang.message(&msg::EvLockBusy {
            who: &who(enactor),
            page: page_name(world, endpoint),
            holder: &who(holder),
        }),
        RaceEvent::LockLost {
            enactor, endpoint, ..
        } => lang.message(&msg::EvLockLost {
            who: &who(enactor),
            page: page_name(world, endpoint),
        }),
        RaceEvent::FlipSkippedNotNewer {
            enactor,
            plan,
            active,
            ..
        } => lang.message(&msg::EvSkipped {
            who: &who(enactor),
            plan: &plan.to_string(),
            active: &active.to_string(),
        }),
        RaceEvent::RecordHealed {
            endpoint,
            generation,
        } => lang.message(&msg::EvHealed {
            page: page_name(world, endpoint),
            plan: &generation.to_string(),
        }),
        RaceEvent::OperatorRepaired {
            endpoint,
            generation,
        } => lang.message(&msg::EvRepaired {
            page: page_name(world, endpoint),
            plan: &generation.to_string(),
        }),
    }
}

#[cfg(test)]
fn clerk_state(lang: Lang, world: &World, id: EnactorId) -> String {
    match world.enactor(id).phase {
        Phase::Idle => lang.text(Key::SceneIdle).to_string(),
        Phase::Read { plan } => lang.message(&msg::SceneRead {
            plan: &plan.to_string(),
        }),
        // Not yet holding the page's tag: its next step is to take it.
        Phase::Applying {
            plan,
            locked: false,
            ..
        } => lang.message(&msg::SceneAwaitingTag {
            plan: &plan.to_string(),
        }),
        Phase::Applying { plan, .. } => lang.message(&msg::SceneApplying {
            plan: &plan.to_string(),
        }),
        Phase::Cleaning { plan, .. } => lang.message(&msg::SceneCleaning {
            plan: &plan.to_string(),
        }),
    }
}

/// The scene at a story moment; the reader can step event by event from
/// there, through the engine's own trace.
#[component]
pub fn RaceScene(moment: RaceMoment, lang: Signal<Lang>, detail: Signal<Detail>) -> impl IntoView {
    let start = moment_index(moment);
    let last = race_run().events.len().saturating_sub(1);
    // The cursor is the page state's (`ev` in the address once the reader
    // moves it), clamped to this trace.
    let cursor = url::slice(move |s| s.race_event.map_or(start, |e| (e as usize).min(last)));
    let set_cursor =
        move |c: usize| url::change(|s| s.race_event = (c != start).then_some(c as u32));
    let world = Memo::new(move |_| world_after(cursor.get()));
    // The picture before the last step, so the parts that changed stand out.
    let (before, set_before) = signal(None::<World>);
    let timed = move || race_run().events[cursor.get()];
    let step = move |forward: bool| {
        let now = cursor.get_untracked();
        let list = notable_indices();
        let target = if forward {
            list.iter().copied().find(|&i| i > now)
        } else {
            list.iter().rev().copied().find(|&i| i < now)
        };
        if let Some(i) = target {
            set_before.set(Some(world.get_untracked()));
            set_cursor(i);
        }
    };
    // Always words: the engine's one-line form is the technical detail's.
    let caption = move || {
        let t = timed();
        let lang = lang.get();
        super::clock::clock(lang).expand(&narrate(lang, &world.get(), &t.event))
    };
    // The picture moves from the story's moment before this one (or, after
    // a step of the small stepper, from the step before).
    let previous = previous_moment(moment).map(|m| world_after(moment_index(m)));
    let picture = move || {
        let lang = lang.get();
        let index = cursor.get();
        before.with(|b| {
            let from = match b {
                Some(b) => Some(b),
                None if index == start => previous.as_ref(),
                None => None,
            };
            super::close_up::markup(lang, index, from, &world.get())
        })
    };
    view! {
        <figure class="scene race-scene" aria-label=move || lang.get().text(Key::SceneRaceLabel)>
            <div class="race-picture" inner_html=picture></div>
            <figcaption>
                <div class="event-stepper">
                    <button type="button" class="event-prev" on:click=move |_| step(false)
                        aria-label=move || lang.get().text(Key::ScenePrevEvent)>"◀"</button>
                    <span class="event-line" aria-live="polite">{caption}</span>
                    <button type="button" class="event-next" on:click=move |_| step(true)
                        aria-label=move || lang.get().text(Key::SceneNextEvent)>"▶"</button>
                </div>
                <span class="mark mark-i">{move || lang.get().text(Key::MarkI)}</span>
                <small class="scene-note">{move || lang.get().text(Key::SceneModelNote)}</small>
                <Show when=move || detail.get() == Detail::Engineer>
                    <code class="engine-line">{move || {
                        let t = timed();
                        format!("t={} ms  {}", t.at_ms, t.event)
                    }}</code>
                </Show>
            </figcaption>
        </figure>
    }
}

/// The story's race moment before `moment`, whose picture this one moves on
/// from.
fn previous_moment(moment: RaceMoment) -> Option<RaceMoment> {
    use RaceMoment::*;
    match moment {
        Calm => None,
        SlowCheck => Some(Calm),
        LockLost => Some(SlowCheck),
        FastAhead => Some(LockLost),
        Overwrite => Some(FastAhead),
        Emptied => Some(Overwrite),
        Stuck => Some(Emptied),
    }
}

/// Most bundles a page's row has room for.
pub(crate) const ROW_SLOTS: usize = 7;
/// The row's width in the picture's units, and one bundle's step.
const ROW_WIDTH: i32 = 332;
pub(crate) const CHIP_STEP: i32 = 50;
/// One bundle's width: "#100" at the label size with room on each side
/// (and its outline, up to 2 units thick).
pub(crate) const CHIP_W: i32 = CHIP_STEP - 4;
/// The "…" between the pinned bundles and the newest ones.
pub(crate) const GAP_WIDTH: i32 = 18;

/// One bundle in a page's row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ChipPicture {
    pub plan: u32,
    /// The page's arrow points at it.
    pub in_use: bool,
    /// The back-up arrow points at it.
    pub back_up: bool,
    /// An arrow points at it, but the bundle is gone (drawn as an outline).
    pub gone: bool,
}

#[cfg(test)]
/// One page of the address book in words (tests).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PagePicture {
    pub name: &'static str,
    pub blank: bool,
    /// "in use #N" or "BLANK".
    pub main: String,
    /// The back-up arrow in words.
    pub rollback: String,
    pub lock: Option<String>,
    /// The row, left to right: the bundles an arrow points at that are older
    /// than the newest ones come first, then `gap` ("…"), then the newest.
    pub chips: Vec<ChipPicture>,
    /// How many chips come before the "…" (0: no bundle is left out).
    pub gap_after: usize,
    /// Words beside a gone bundle the page's arrow still points at.
    pub gone_note: Option<String>,
}

#[cfg(test)]
/// The whole race in words (tests).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Picture {
    pub planner: String,
    pub time: String,
    /// (name, state, delayed) per clerk.
    pub clerks: Vec<(String, String, bool)>,
    pub pages: Vec<PagePicture>,
}

/// A page's row: the newest bundles that fit, and before them, marked off
/// by "…", the oldest bundle kept and every bundle an arrow points at that
/// would not be among them (or its outline, when it is gone), so the page in
/// use always shows its bundle and the row spans the pile, oldest to newest.
pub(crate) fn row(
    lang: Lang,
    zone: &crate::engine::race::model::Zone,
) -> (Vec<ChipPicture>, usize, Option<String>) {
    let mut wanted: Vec<u32> = [Some(zone.alias), zone.rollback, zone.trees.first().copied()]
        .into_iter()
        .flatten()
        .collect();
    wanted.sort_unstable();
    wanted.dedup();
    let gone_note = (!zone.has_tree(zone.alias)).then(|| {
        lang.message(&msg::SceneGone {
            plan: &zone.alias.to_string(),
        })
    });
    let note_width = gone_note.as_deref().map_or(0, |n| text_width(n) + 8);
    let pinned_for = |window: usize| -> Vec<u32> {
        let newest = &zone.trees[zone.trees.len() - window..];
        wanted
            .iter()
            .copied()
            .filter(|g| !newest.contains(g))
            .collect()
    };
    // Pinning a bundle takes room from the newest ones, which may leave
    // another wanted bundle out of them: shrink until it settles (the window
    // only shrinks, so it does).
    let mut window = ROW_SLOTS.min(zone.trees.len());
    loop {
        let pinned = pinned_for(window);
        let gap = if pinned.is_empty() { 0 } else { GAP_WIDTH };
        let room = ROW_WIDTH - CHIP_STEP * pinned.len() as i32 - gap - note_width;
        let fits = usize::try_from((room + CHIP_STEP - CHIP_W) / CHIP_STEP).unwrap_or(0);
        let next = fits.min(ROW_SLOTS.saturating_sub(pinned.len())).min(window);
        if next == window {
            break;
        }
        window = next;
    }
    let pinned = pinned_for(window);
    let chip = |plan: u32| ChipPicture {
        plan,
        in_use: plan == zone.alias,
        back_up: zone.rollback == Some(plan) && plan != zone.alias,
        gone: !zone.has_tree(plan),
    };
    let mut chips: Vec<ChipPicture> = pinned.iter().map(|&g| chip(g)).collect();
    // "…" only where bundles are left out.
    let kept_pinned = chips.iter().filter(|c| !c.gone).count();
    let hidden = zone.trees.len() > window + kept_pinned;
    let gap_after = if hidden { chips.len() } else { 0 };
    chips.extend(
        zone.trees[zone.trees.len() - window..]
            .iter()
            .map(|&g| chip(g)),
    );
    (chips, gap_after, gone_note)
}

#[cfg(test)]
/// The race in words, page by page, from the world alone: the oracle the
/// tests hold the row layout to (the pictures are `close_up`'s);
/// `seconds` is the run's clock, `None` where moves are not timed (the game).
pub(crate) fn describe(
    lang: Lang,
    world: &World,
    slow: Option<EnactorId>,
    seconds: Option<&str>,
) -> Picture {
    let t = |k| lang.text(k);
    let clerks = EnactorId::ALL
        .into_iter()
        .map(|id| {
            let name = lang.message(&msg::SceneClerk {
                who: &id.letter().to_string(),
            });
            (name, clerk_state(lang, world, id), slow == Some(id))
        })
        .collect();
    let pages = world.zones[..world.endpoint_count()]
        .iter()
        .enumerate()
        .map(|(i, zone)| {
            let blank = zone.is_empty_record();
            let main = if blank {
                t(Key::SceneBlank).to_string()
            } else {
                lang.message(&msg::SceneInUse {
                    plan: &zone.alias.to_string(),
                })
            };
            let rollback = match zone.rollback {
                Some(r) => lang.message(&msg::SceneRollback {
                    plan: &r.to_string(),
                }),
                None => t(Key::SceneNoRollback).to_string(),
            };
            let lock = zone.lock.map(|l| {
                lang.message(&msg::SceneLock {
                    who: &l.holder.letter().to_string(),
                })
            });
            let (chips, gap_after, gone_note) = row(lang, zone);
            PagePicture {
                name: world.endpoint_name(EndpointId(i as u8)),
                blank,
                main,
                rollback,
                lock,
                chips,
                gap_after,
                gone_note,
            }
        })
        .collect();
    Picture {
        planner: lang.message(&msg::SceneNewest {
            plan: &world.newest_plan.to_string(),
        }),
        // The game has no clock: its moves are the reader's, not timed.
        time: seconds
            .map(|seconds| lang.message(&msg::SceneTime { seconds }))
            .unwrap_or_default(),
        clerks,
        pages,
    }
}

#[cfg(test)]
impl Picture {
    /// The picture for screen readers: every label, and each page's row.
    pub(crate) fn alt(&self, lang: Lang) -> String {
        let t = |k| lang.text(k);
        let mut alt = vec![format!(
            "{} {} {}",
            t(Key::ScenePlanner),
            self.planner,
            self.time
        )];
        for (name, state, slow) in &self.clerks {
            let slow_note = if *slow { t(Key::SceneSlow) } else { "" };
            alt.push(format!("{name} {state} {slow_note}").trim_end().to_string());
        }
        for page in &self.pages {
            let mut parts = vec![page.main.clone()];
            parts.extend(page.gone_note.clone());
            parts.push(page.rollback.clone());
            parts.extend(page.lock.clone());
            let row: Vec<String> = page
                .chips
                .iter()
                .enumerate()
                .flat_map(|(j, c)| {
                    let gap = (j == page.gap_after && j > 0).then(|| "…".to_string());
                    gap.into_iter()
                        .chain((!c.gone).then(|| format!("#{}", c.plan)))
                })
                .collect();
            parts.push(format!("{}: {}", t(Key::SceneBundles), row.join(" ")));
            alt.push(format!("{}: {}", page.name, parts.join(", ")));
        }
        alt.join(" / ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::race::model::FIRST_GENERATION;
    use crate::story::static_page::escape;
    use crate::ui::model::race_moments;

    /// The event in words as the caption shows it, checked to be a sentence
    /// of `lang` and not the engine's one-line form.
    fn words(lang: Lang, world: &World, event: &RaceEvent) -> String {
        let text = narrate(lang, world, event);
        assert!(!text.trim().is_empty(), "{event}");
        assert!(!text.contains(['{', '}']), "unfilled slot: {text}");
        assert_ne!(text, event.to_string());
        let japanese = text.chars().any(|c| ('\u{3040}'..='\u{9fff}').contains(&c));
        assert_eq!(japanese, lang == Lang::Ja, "{} text: {text}", lang.code());
        text
    }

    /// Every race beat of the story: (chapter, beat, trace index), 1-based.
    fn race_beats() -> Vec<(usize, usize, RaceMoment, usize)> {
        use crate::story::chapters::{CHAPTERS, Scene};
        let mut beats = Vec::new();
        for (c, chapter) in CHAPTERS.iter().enumerate() {
            for (b, beat) in chapter.beats.iter().enumerate() {
                if let Some(Scene::Race(m)) = beat.scene {
                    beats.push((c + 1, b + 1, m, moment_index(m)));
                }
            }
        }
        beats
    }

    /// The picture's words against the engine's world, page by page: which
    /// page is blank, which list each arrow names and that its bundle is
    /// drawn (or drawn as gone, in words), who holds the tag.
    fn check_picture(lang: Lang, world: &World, picture: &Picture, at: &str) {
        assert_eq!(picture.pages.len(), world.endpoint_count(), "{at}");
        let alt = picture.alt(lang);
        for (i, (page, zone)) in picture.pages.iter().zip(&world.zones).enumerate() {
            let at = format!("{at}, page {i}");
            assert_eq!(page.name, world.endpoint_name(EndpointId(i as u8)), "{at}");
            assert_eq!(page.blank, zone.is_empty_record(), "{at}");
            let in_use: Vec<&ChipPicture> = page.chips.iter().filter(|c| c.in_use).collect();
            assert_eq!(in_use.len(), 1, "{at}: the arrow's bundle is drawn once");
            assert_eq!(in_use[0].plan, zone.alias, "{at}");
            if page.blank {
                assert_eq!(page.main, lang.text(Key::SceneBlank), "{at}");
                assert!(
                    in_use[0].gone,
                    "{at}: a blank page's bundle is drawn as gone"
                );
                let gone = lang.message(&msg::SceneGone {
                    plan: &zone.alias.to_string(),
                });
                assert_eq!(page.gone_note.as_deref(), Some(gone.as_str()), "{at}");
                assert!(alt.contains(&gone), "{at}: {alt}");
            } else {
                let words = lang.message(&msg::SceneInUse {
                    plan: &zone.alias.to_string(),
                });
                assert_eq!(page.main, words, "{at}");
                assert!(!in_use[0].gone && zone.has_tree(zone.alias), "{at}");
                assert!(page.gone_note.is_none(), "{at}");
            }
            match zone.rollback {
                Some(r) => {
                    let chip = page.chips.iter().find(|c| c.plan == r);
                    assert!(
                        chip.is_some(),
                        "{at}: the back-up arrow's bundle #{r} is drawn"
                    );
                    assert_eq!(chip.unwrap().gone, !zone.has_tree(r), "{at}");
                    assert_eq!(
                        page.rollback,
                        lang.message(&msg::SceneRollback {
                            plan: &r.to_string()
                        }),
                        "{at}"
                    );
                }
                None => assert_eq!(page.rollback, lang.text(Key::SceneNoRollback), "{at}"),
            }
            let tag = zone.lock.map(|l| {
                lang.message(&msg::SceneLock {
                    who: &l.holder.letter().to_string(),
                })
            });
            assert_eq!(page.lock, tag, "{at}");
            // Every chip not gone is a bundle the page holds, in ascending
            // order, and the row fits the page.
            let kept: Vec<u32> = page
                .chips
                .iter()
                .filter(|c| !c.gone)
                .map(|c| c.plan)
                .collect();
            assert!(kept.iter().all(|g| zone.has_tree(*g)), "{at}");
            assert!(kept.windows(2).all(|w| w[0] < w[1]), "{at}: {kept:?}");
            assert!(page.chips.len() <= ROW_SLOTS, "{at}");
            let width = CHIP_STEP * page.chips.len() as i32
                + if page.gap_after > 0 { GAP_WIDTH } else { 0 }
                + page.gone_note.as_deref().map_or(0, |n| text_width(n) + 8);
            assert!(width <= ROW_WIDTH + 4, "{at}: row {width} wide");
            // The row spans the pile: the oldest and the newest bundle kept.
            if let (Some(oldest), Some(newest)) = (zone.trees.first(), zone.trees.last()) {
                assert!(
                    kept.contains(oldest) && kept.contains(newest),
                    "{at}: {kept:?}"
                );
            }
            assert!(
                alt.contains(&page.main) && alt.contains(&page.rollback),
                "{at}"
            );
        }
        for (id, (_, state, _)) in EnactorId::ALL.into_iter().zip(&picture.clerks) {
            assert_eq!(*state, clerk_state(lang, world, id), "{at}");
        }
    }

    #[test]
    fn every_race_beat_pictures_the_engines_world() {
        let beats = race_beats();
        // Chapters 4 and 5: the race from the slow check to the stuck page
        // (chapter 5's counts have pictures of their own).
        assert!(beats.len() >= 6, "{beats:?}");
        let run = race_run();
        for &(chapter, beat, moment, index) in &beats {
            let world = world_after(index);
            let slow = run.scenario.delayed_enactor_at(run.events[index].at_ms);
            for lang in Lang::ALL {
                let picture = describe(lang, &world, slow, Some("1"));
                let at = format!(
                    "{} chapter {chapter} beat {beat} ({moment:?}, event {index})",
                    lang.code()
                );
                check_picture(lang, &world, &picture, &at);
            }
        }
    }

    #[test]
    fn the_core_moments_show_what_their_words_say() {
        let run = race_run();
        let regional = World::REGIONAL.index();
        let picture_at = |m: RaceMoment| {
            let world = world_after(moment_index(m));
            let picture = describe(Lang::En, &world, None, Some("1"));
            (world, picture)
        };
        // While B runs ahead, A's list is still on the main page, drawn as
        // the oldest bundle kept.
        let (_, picture) = picture_at(RaceMoment::FastAhead);
        let a_plan = match world_after(moment_index(RaceMoment::FastAhead))
            .enactor(EnactorId::A)
            .phase
        {
            Phase::Applying { plan, .. } => plan,
            other => panic!("A is copying, not {other:?}"),
        };
        let first = &picture.pages[regional].chips[0];
        assert_eq!(
            (first.plan, first.in_use, first.gone),
            (a_plan, false, false)
        );
        // A writes its old list onto the main page: that list, older than
        // the newest seven, is drawn in use, before a "…".
        let (world, picture) = picture_at(RaceMoment::Overwrite);
        let RaceEvent::Flipped { to, enactor, .. } =
            run.events[moment_index(RaceMoment::Overwrite)].event
        else {
            panic!("the overwrite is a flip")
        };
        assert_eq!((enactor, to), (EnactorId::A, a_plan));
        let page = &picture.pages[regional];
        assert_eq!(world.zones[regional].alias, to);
        assert!(page.chips[0].in_use && page.chips[0].plan == to && !page.chips[0].gone);
        assert!(
            page.gap_after > 0,
            "older than the newest bundles: {page:?}"
        );
        // B's clean-up takes it away: the page is blank and says so, with the
        // gone bundle's outline where it was.
        let (_, picture) = picture_at(RaceMoment::Emptied);
        let page = &picture.pages[regional];
        assert!(page.blank);
        assert_eq!(
            page.chips[0],
            ChipPicture {
                plan: to,
                in_use: true,
                back_up: false,
                gone: true
            }
        );
        // Stuck: the write that fails needed the back-up arrow at the list
        // the blank page's arrow still names (the caption's "A's list").
        let stuck = moment_index(RaceMoment::Stuck);
        let RaceEvent::FlipFailedRollbackMissing { missing, .. } = run.events[stuck].event else {
            panic!("stuck is a failed write")
        };
        let (_, picture) = picture_at(RaceMoment::Stuck);
        let page = &picture.pages[regional];
        assert_eq!(missing, to);
        assert!(
            page.blank
                && page
                    .chips
                    .iter()
                    .any(|c| c.plan == missing && c.in_use && c.gone)
        );
        // The close-up draws that refused write: the clerk's new list at
        // the page, the back-up arrow it would need, dashed, ending at the
        // empty spot where the gone list was (its outline's middle, just
        // under it), a cross there and one beside the sheet; its words for
        // screen readers say so, in both languages.
        let RaceEvent::FlipFailedRollbackMissing { enactor, plan, .. } = run.events[stuck].event
        else {
            unreachable!()
        };
        let world = world_after(stuck);
        let attr = |from: &str, name: &str| -> i32 {
            let at = from.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
            from[at..].split('"').next().unwrap().parse().unwrap()
        };
        for lang in Lang::ALL {
            let svg = super::super::close_up::markup(lang, stuck, None, &world);
            let refused = svg
                .split(&format!(
                    "<g class=\"refused\" data-plan=\"{plan}\" data-missing=\"{missing}\">"
                ))
                .nth(1)
                .expect("the refused write is drawn");
            assert!(
                refused.contains(&format!(">#{plan}</text>")),
                "the new list"
            );
            assert_eq!(refused.matches("class=\"cross").count(), 2);
            let face = lang.message(&msg::CoreRefusedFace {
                who: &enactor.letter().to_string(),
            });
            assert!(refused.contains(&escape(&face)), "{refused}");
            assert!(refused.contains(&escape(lang.text(Key::CoreRefusedBackUp))));
            let gone_chip = svg
                .split(&format!("data-plan=\"{missing}\">"))
                .nth(1)
                .expect("the gone list's outline");
            assert!(svg.contains(&format!(
                "class=\"chip in-use gone\" data-plan=\"{missing}\""
            )));
            let (chip_x, chip_y) = (attr(gone_chip, "x"), attr(gone_chip, "y"));
            let line = refused
                .split("<line class=\"would-back-up\"")
                .nth(1)
                .expect("the dashed back-up arrow");
            assert_eq!(
                attr(line, "x2"),
                chip_x + CHIP_W / 2,
                "under the empty spot"
            );
            let (y1, y2) = (attr(line, "y1"), attr(line, "y2"));
            assert!(
                y2 < y1 && (chip_y + 18..=chip_y + 24).contains(&y2),
                "{y1} {y2}"
            );
            let words = lang.message(&msg::CoreRefused {
                who: &enactor.letter().to_string(),
                plan: &plan.to_string(),
                missing: &missing.to_string(),
            });
            let label = svg.split("aria-label=\"").nth(1).unwrap();
            assert!(label.contains(&escape(&words)), "{label}");
        }
        // No other moment of the story draws a refused write.
        for m in RaceMoment::ALL
            .into_iter()
            .filter(|&m| m != RaceMoment::Stuck)
        {
            let i = moment_index(m);
            let svg = super::super::close_up::markup(Lang::En, i, None, &world_after(i));
            assert!(!svg.contains("class=\"refused\""), "{m:?}");
        }
    }

    #[test]
    fn the_page_in_use_shows_its_bundle_at_every_step() {
        // Every world of every preset's run (the story's, and those the
        // playground shows): the arrow's bundle is always in the row.
        use crate::engine::race::{Preset, run, worlds_after_events};
        for preset in Preset::ALL {
            let scenario = preset.scenario();
            let events = run(&scenario).expect("the preset is valid").events.len();
            let all: Vec<usize> = (0..events).collect();
            for (i, world) in worlds_after_events(&scenario, &all).iter().enumerate() {
                for lang in Lang::ALL {
                    let picture = describe(lang, world, None, Some("1"));
                    check_picture(lang, world, &picture, &format!("{preset:?}, event {i}"));
                }
            }
        }
    }

    #[test]
    fn every_event_of_the_story_run_has_words() {
        let run = race_run();
        let m = race_moments();
        let moments = [
            m.calm,
            m.check,
            m.first_backoff,
            m.undone_flip,
            m.overwrite,
            m.emptied,
            m.stuck,
        ];
        // Where a reader lands (the story's moments and every step), with the
        // world the scene shows there.
        for &i in notable_indices().iter().chain(&moments) {
            let world = world_after(i);
            for lang in Lang::ALL {
                words(lang, &world, &run.events[i].event);
            }
        }
        // And every other event of the trace, which a link (`ev=`) can open.
        for e in &run.events {
            for lang in Lang::ALL {
                words(lang, &run.world, &e.event);
            }
        }
    }

    #[test]
    fn every_kind_of_event_has_words() {
        use RaceEvent::*;
        let world = race_run().world.clone();
        let (a, b, page) = (EnactorId::A, EnactorId::B, World::REGIONAL);
        let plan = FIRST_GENERATION + 3;
        let every_kind = [
            PlanCreated { generation: plan },
            PlanRead { enactor: a, plan },
            CheckPassed {
                enactor: a,
                plan,
                last_applied: plan - 1,
            },
            CheckFailed {
                enactor: a,
                plan,
                last_applied: plan,
            },
            LockTaken {
                enactor: a,
                endpoint: page,
                taken_over_from: None,
            },
            LockTaken {
                enactor: a,
                endpoint: page,
                taken_over_from: Some(b),
            },
            LockBusy {
                enactor: a,
                endpoint: page,
                holder: b,
            },
            LockLost {
                enactor: a,
                endpoint: page,
                holder: Some(b),
            },
            LockLost {
                enactor: a,
                endpoint: page,
                holder: None,
            },
            Flipped {
                enactor: a,
                endpoint: page,
                from: plan - 1,
                to: plan,
                behind_newest: 0,
            },
            Flipped {
                enactor: a,
                endpoint: page,
                from: plan,
                to: plan,
                behind_newest: 1,
            },
            Flipped {
                enactor: a,
                endpoint: page,
                from: plan,
                to: plan - 2,
                behind_newest: 2,
            },
            FlipSkippedNotNewer {
                enactor: a,
                endpoint: page,
                plan,
                active: plan + 1,
            },
            FlipFailedRollbackMissing {
                enactor: a,
                endpoint: page,
                plan,
                missing: plan - 1,
            },
            FlipBlockedInconsistent {
                enactor: a,
                endpoint: EndpointId(1),
                plan,
                empty_endpoint: page,
            },
            TreesDeleted {
                enactor: b,
                endpoint: page,
                count: 2,
                oldest: plan - 3,
                newest: plan - 2,
                spared: 0,
            },
            RecordEmptied {
                endpoint: page,
                deleted_by: b,
                generation: plan,
            },
            RecordHealed {
                endpoint: page,
                generation: plan,
            },
            RunFinished { enactor: a, plan },
            BackedOff {
                enactor: a,
                endpoint: page,
                wait_ms: 4_000,
                losses_in_row: 1,
            },
            OperatorRepaired {
                endpoint: page,
                generation: plan,
            },
        ];
        for event in every_kind {
            let texts = Lang::ALL.map(|lang| words(lang, &world, &event));
            assert_ne!(texts[0], texts[1]);
        }
        // The takeover names the clerk whose tag had expired.
        let taken = LockTaken {
            enactor: a,
            endpoint: page,
            taken_over_from: Some(b),
        };
        assert!(words(Lang::En, &world, &taken).contains("B's tag had expired"));
    }
}
