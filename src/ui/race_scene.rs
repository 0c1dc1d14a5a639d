//! The race scene: the Planner, the three clerks and the address book's pages
//! (one per endpoint) at a moment of the "as it happened" run, as SVG.
//! A pure view of (world, event, language).

use leptos::prelude::*;

use super::model::{moment_index, notable_indices, race_run, world_after};
use super::story::Detail;
use super::url;
use crate::engine::race::model::{EndpointId, Phase, World};
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

fn clerk_state(lang: Lang, world: &World, id: EnactorId) -> String {
    match world.enactor(id).phase {
        Phase::Idle => lang.text(Key::SceneIdle).to_string(),
        Phase::Read { plan } => lang.message(&msg::SceneRead {
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
    let scenario = race_run().scenario;
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
    view! {
        <figure class="scene race-scene" aria-label=move || lang.get().text(Key::SceneRaceLabel)>
            {move || {
                let t = timed();
                let seconds = seconds_from_ms(t.at_ms);
                before.with(|b| {
                    let step = b.as_ref().map(|b| (b, t.event.actor()));
                    draw(lang.get(), &world.get(), step, scenario.delayed_enactor_at(t.at_ms), &seconds)
                })
            }}
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

/// `base`, an optional state class, and `changed` when the step changed it.
fn classes(base: &str, state: Option<&str>, changed: bool) -> String {
    let mut class = base.to_string();
    for extra in [state, changed.then_some("changed")].into_iter().flatten() {
        class.push(' ');
        class.push_str(extra);
    }
    class
}

/// The race as a picture. After a step, the clerk who acted and the parts
/// that differ from `before` (the picture one step earlier) carry the class
/// `changed`: outlined always, and pulsing when motion is on.
pub(super) fn draw(
    lang: Lang,
    world: &World,
    before: Option<(&World, Option<EnactorId>)>,
    slow: Option<EnactorId>,
    seconds: &str,
) -> impl IntoView + use<> {
    let t = |k| lang.text(k);
    let newest = lang.message(&msg::SceneNewest {
        plan: &world.newest_plan.to_string(),
    });
    let time = lang.message(&msg::SceneTime { seconds });
    // Every label once: the picture shows them, and they are its words
    // for screen readers (`aria-label`).
    let clerk_texts: Vec<(String, String)> = EnactorId::ALL
        .into_iter()
        .map(|id| {
            let name = lang.message(&msg::SceneClerk {
                who: &id.letter().to_string(),
            });
            (name, clerk_state(lang, world, id))
        })
        .collect();
    let page_texts: Vec<String> = world.zones[..world.endpoint_count()]
        .iter()
        .map(|zone| {
            if zone.is_empty_record() {
                t(Key::SceneBlank).to_string()
            } else {
                lang.message(&msg::SceneInUse {
                    plan: &zone.alias.to_string(),
                })
            }
        })
        .collect();
    let mut alt = vec![format!("{} {newest} {time}", t(Key::ScenePlanner))];
    for (id, (name, state)) in EnactorId::ALL.into_iter().zip(&clerk_texts) {
        let slow_note = if slow == Some(id) {
            t(Key::SceneSlow)
        } else {
            ""
        };
        alt.push(format!("{name} {state} {slow_note}").trim_end().to_string());
    }
    for (i, main) in page_texts.iter().enumerate() {
        alt.push(format!(
            "{}: {main}",
            world.endpoint_name(EndpointId(i as u8))
        ));
    }
    let alt = alt.join(" / ");
    let clerks = EnactorId::ALL
        .into_iter()
        .enumerate()
        .map(|(i, id)| {
            let x = 60 + 120 * i as i32;
            let (name, state) = clerk_texts[i].clone();
            let is_slow = slow == Some(id);
            let changed =
                before.is_some_and(|(b, actor)| actor == Some(id) || clerk_state(lang, b, id) != state);
            let class = classes("clerk", is_slow.then_some("slow"), changed);
            view! {
                <g class=class>
                    <circle cx=x cy=70 r=16 />
                    <text x=x y=75 text-anchor="middle" class="clerk-letter">{id.letter().to_string()}</text>
                    <text x=x y=100 text-anchor="middle" class="small">{name}</text>
                    <text x=x y=113 text-anchor="middle" class="small">{state}</text>
                    {is_slow.then(|| view! {
                        <text x=x y=47 text-anchor="middle" class="small warn">{t(Key::SceneSlow)}</text>
                    })}
                </g>
            }
        })
        .collect_view();
    let pages = (0..world.endpoint_count())
        .map(|i| {
            let endpoint = EndpointId(i as u8);
            let zone = &world.zones[i];
            let y = 124 + 80 * i as i32;
            let blank = zone.is_empty_record();
            let changed = before.is_some_and(|(b, _)| {
                let old = &b.zones[i];
                (old.alias, old.rollback, old.is_empty_record(), old.lock.map(|l| l.holder))
                    != (zone.alias, zone.rollback, blank, zone.lock.map(|l| l.holder))
            });
            let class = classes("page", blank.then_some("blank"), changed);
            let main = page_texts[i].clone();
            let rollback = match zone.rollback {
                Some(r) => lang.message(&msg::SceneRollback { plan: &r.to_string() }),
                None => t(Key::SceneNoRollback).to_string(),
            };
            let lock = zone
                .lock
                .map(|l| lang.message(&msg::SceneLock { who: &l.holder.letter().to_string() }));
            let shown: Vec<u32> = zone.trees.iter().rev().take(7).rev().copied().collect();
            let chips = shown
                .into_iter()
                .enumerate()
                .map(|(j, g)| {
                    let cx = 14 + 44 * j as i32;
                    let in_use = g == zone.alias;
                    let class = if in_use { "chip in-use" } else { "chip" };
                    view! {
                        <g class=class>
                            <rect x=cx y=y + 50 width=40 height=16 rx=3 />
                            <text x=cx + 20 y=y + 62 text-anchor="middle" class="small">{format!("#{g}")}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <g class=class>
                    <rect x=6 y=y width=348 height=72 rx=6 />
                    <text x=14 y=y + 16 class="small strong">{world.endpoint_name(endpoint)}</text>
                    <text x=14 y=y + 38 class="big">{main}</text>
                    <text x=346 y=y + 38 text-anchor="end" class="small">{rollback}</text>
                    {lock.map(|l| view! { <text x=346 y=y + 16 text-anchor="end" class="small tag">{l}</text> })}
                    {chips}
                </g>
            }
        })
        .collect_view();
    let height = 124 + 80 * world.endpoint_count() as i32;
    let planner_class = classes(
        "planner",
        None,
        before.is_some_and(|(b, _)| b.newest_plan != world.newest_plan),
    );
    view! {
        <svg viewBox=format!("0 0 360 {height}") role="img" aria-label=alt class="race-svg">
            <g class=planner_class>
                <rect x=6 y=4 width=348 height=30 rx=6 />
                <text x=14 y=24 class="small strong">{t(Key::ScenePlanner)}</text>
                <text x=120 y=24 class="small">{newest}</text>
                <text x=346 y=24 text-anchor="end" class="small">{time}</text>
            </g>
            {clerks}
            {pages}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::race::model::FIRST_GENERATION;
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
