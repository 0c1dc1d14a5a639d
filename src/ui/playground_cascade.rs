//! The "what if" playground, cascade half. From the top: three suggested
//! experiments (`crate::controls::CHALLENGES`), then cause and effect side
//! by side: when the address book is repaired and the dependency graph
//! (press a link to loosen it), and next to them the example services'
//! results in words and the charts, as it happened and in the reader's
//! what-if. The remaining levers (AWS's remedies, caching, the reader's
//! services, the couplings as checkboxes) follow. Every control is one of
//! the table in `crate::controls`; every bar and box is recomputed by the
//! cascade engine in the page.

use leptos::prelude::*;

use super::cascade_scene::{CHART_END, CascadeScene};
use super::clock::{clock, say, say_msg};
use super::controls_panel::{KnobSlider, PresetButtons, controls, readers};
use super::dependency_graph::{DependencyGraph, GraphList};
use super::format::duration;
use super::kind::KindBadge;
use super::model::cascade_impact;
use super::sentences::{end_comparison, reader_hours};
use super::url;
use crate::controls::{CHALLENGES, Challenge, Control, KNOBS, Panel, READERS, SOONER_MIN};
use crate::engine::cascade::{
    CascadePreset, CascadeScenario, Impact, Minute, Service, Severity, impacts, simulate,
};
use crate::i18n::{Key, Lang, msg};
use crate::story::NumberKind;

/// The slider that repairs the address book: drawn above the graph, the
/// first cause of everything in it.
fn is_dns_knob(c: &Control) -> bool {
    matches!(c, Control::Knob(k) if k.key == "dns")
}

/// When the shop's last trouble is over in a night, if it had any.
fn shop_over(impact: &Impact) -> Option<Minute> {
    impact.windows(Service::Shop).last().map(|w| w.1)
}

/// Whether the load balancers reach the shop in a night.
fn shop_hit_by_load_balancers(impact: &Impact) -> bool {
    impact
        .intervals
        .iter()
        .filter(|i| i.service == Service::Shop)
        .any(|i| i.cause.iter().any(|&(s, _)| s == Service::Nlb))
}

/// What an experiment's card says now: where the reader stands, and, once
/// the goal is reached, what it shows.
fn progress(lang: Lang, c: &Challenge, mine: &Impact, base: &Impact) -> String {
    let clock = clock(lang);
    let minutes = |i: &Impact, sev: Option<Severity>| {
        duration(
            lang,
            match sev {
                Some(sev) => i.minutes_at(Service::Shop, sev),
                None => i.minutes(Service::Shop),
            },
        )
    };
    let over = |i: &Impact| {
        shop_over(i).map_or_else(
            || lang.text(Key::SceneNoImpact).to_string(),
            |m| clock.day_time(m),
        )
    };
    match c.goal {
        Key::PcChBestGoal => clock.message(&msg::PcChBestNow {
            mine: &minutes(mine, Some(Severity::Down)),
            base: &minutes(base, Some(Severity::Down)),
        }),
        Key::PcChDnsGoal => clock.message(&msg::PcChDnsNow {
            mine: &over(mine),
            base: &over(base),
        }),
        _ => clock.message(&msg::PcChReadyNow {
            mine: &minutes(mine, None),
            base: &minutes(base, None),
        }),
    }
}

/// Where the reader stands, in a few words (the phone's bar).
fn progress_short(lang: Lang, c: &Challenge, mine: &Impact) -> String {
    let clock = clock(lang);
    let key = match c.goal {
        Key::PcChBestGoal => Key::PcChBestShort,
        Key::PcChDnsGoal => Key::PcChDnsShort,
        _ => Key::PcChReadyShort,
    };
    let value = match c.goal {
        Key::PcChBestGoal => duration(lang, mine.minutes_at(Service::Shop, Severity::Down)),
        Key::PcChDnsGoal => shop_over(mine).map_or_else(
            || lang.text(Key::SceneNoImpact).to_string(),
            |m| clock.day_time(m),
        ),
        _ => duration(lang, mine.minutes(Service::Shop)),
    };
    clock.message_as(key, &msg::PcChBestShort { mine: &value })
}

/// What reaching an experiment's goal shows (in the model).
fn finding(lang: Lang, c: &Challenge, mine: &Impact, base: &Impact) -> String {
    let clock = clock(lang);
    match c.goal {
        Key::PcChBestGoal => clock.message(&msg::PcChBestDone {
            mine: &duration(lang, mine.minutes_at(Service::Shop, Severity::Down)),
            base: &duration(lang, base.minutes_at(Service::Shop, Severity::Down)),
        }),
        Key::PcChDnsGoal => {
            let saved = match (shop_over(base), shop_over(mine)) {
                (Some(b), Some(m)) => b.saturating_sub(m),
                (Some(b), None) => b,
                _ => 0,
            };
            let done = clock.message(&msg::PcChDnsDone {
                saved: &duration(lang, saved),
            });
            // Why it is so much more, when the model says so.
            if saved > SOONER_MIN
                && shop_hit_by_load_balancers(base)
                && !shop_hit_by_load_balancers(mine)
            {
                super::format::then(lang, &done, &clock.text(Key::PcChDnsWhy))
            } else {
                done
            }
        }
        _ => clock.message(&msg::PcChReadyDone {
            mine: &duration(lang, mine.minutes(Service::Shop)),
        }),
    }
}

/// Brings the control an experiment is about into view (after the page has
/// drawn its starting state). The keyboard stays on the experiment's
/// button: the control is the next stop or a few stops on.
fn go_to(id: &'static str) {
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(id) {
            el.scroll_into_view();
        }
    });
}

/// The suggested experiments: each a goal, a button that sets its start,
/// where the reader stands (once started), and "done" once the goal is
/// reached. `active` is the experiment last started (the page's, not the
/// link's: "done" is read from the state alone).
#[component]
fn Challenges(
    lang: Signal<Lang>,
    scenario: Memo<CascadeScenario>,
    impact: Signal<Impact>,
    active: RwSignal<Option<usize>>,
) -> impl IntoView {
    let actual = cascade_impact();
    let cards = CHALLENGES
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let done = Memo::new(move |_| scenario.with(|s| impact.with(|i| (c.done)(s, i))));
            let now = move || {
                (active.get() == Some(n)).then(|| {
                    let text = impact.with(|mine| progress(lang.get(), c, mine, actual));
                    view! {
                        <p class="now" id=format!("{}-now", c.id)>
                            {text} " " <KindBadge kind=NumberKind::Model lang=lang />
                        </p>
                    }
                })
            };
            let found = move || {
                done.get().then(|| {
                    let lang = lang.get();
                    let text = impact.with(|mine| finding(lang, c, mine, actual));
                    view! {
                        <strong class="done-word">"✓ " {lang.text(Key::PcChDone)}</strong>
                        " "
                        {text}
                    }
                })
            };
            // The ready shop's goal counts only with AWS's side as it was.
            let aws_note = move || {
                (c.goal == Key::PcChReadyGoal
                    && !done.get()
                    && impact.with(|i| i.minutes(Service::Shop))
                        <= crate::controls::READY_SHOP_MAX_MIN)
                    .then(|| say(lang.get(), Key::PcChReadyAws))
            };
            let start = move |_| {
                url::change(|s| {
                    for m in c.start {
                        m.apply(s);
                    }
                });
                active.set(Some(n));
                go_to(c.focus);
            };
            view! {
                <li class="pc-challenge" id=c.id class:done=move || done.get() class:active=move || active.get() == Some(n)>
                    <p class="goal">{move || say(lang.get(), c.goal)}</p>
                    <button type="button" id=format!("{}-start", c.id) on:click=start>
                        {move || say(lang.get(), c.button)}
                    </button>
                    {now}
                    <p class="done-line" id=format!("{}-done", c.id) aria-live="polite">
                        {found}
                        {aws_note}
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="pc-challenges" aria-labelledby="pc-ch-title">
            <h3 id="pc-ch-title">{move || say(lang.get(), Key::PcChTitle)}</h3>
            <ol>{cards}</ol>
        </div>
    }
}

/// The experiment under way, where the reader looks for the effect: the
/// first line of the results (wide screens hold them in view), and on a
/// phone a bar held at the screen's foot, with "done" once it is reached.
fn challenge_status(
    lang: Signal<Lang>,
    scenario: Memo<CascadeScenario>,
    impact: Signal<Impact>,
    active: RwSignal<Option<usize>>,
    bar: bool,
) -> impl IntoView {
    let actual = cascade_impact();
    move || {
        let n = active.get()?;
        let c = CHALLENGES.get(n)?;
        let lang = lang.get();
        let head = lang.message(&msg::PcChStatus {
            n: &(n + 1).to_string(),
        });
        let (now, done) = impact.with(|mine| {
            (
                if bar {
                    progress_short(lang, c, mine)
                } else {
                    progress(lang, c, mine, actual)
                },
                scenario.with(|s| (c.done)(s, mine)),
            )
        });
        let done_word = done.then(|| {
            view! { " " <strong class="done-word">"✓ " {lang.text(Key::PcChDone)}</strong> }
        });
        Some(if bar {
            view! {
                <div class="ch-bar" class:done=done>
                    <p><strong>{head}</strong> " " {now} " " <KindBadge kind=NumberKind::Model lang=Signal::stored(lang) /> {done_word}</p>
                    <button type="button" class="ch-close" on:click=move |_| active.set(None)>
                        {lang.text(Key::PcChClose)}
                    </button>
                </div>
            }
            .into_any()
        } else {
            view! {
                <p id="pc-ch-status" class="ch-status" class:done=done>
                    <strong>{head}</strong> " " {now} " " <KindBadge kind=NumberKind::Model lang=Signal::stored(lang) /> {done_word}
                </p>
            }
            .into_any()
        })
    }
}

#[component]
pub fn CascadePlayground(lang: Signal<Lang>) -> impl IntoView {
    // The simulation and its charts one task after the control.
    let lever = url::slice(|s| s.cascade.clone());
    let lever_moved = super::one_task_later(Box::new(move || lever.track()));
    let scenario = Memo::new(move |_| {
        lever_moved.track();
        lever.get_untracked()
    });
    let what_if = Memo::new(move |_| scenario.with(|s| simulate(s).ok().map(|tl| impacts(&tl))));
    let what_if_impact =
        Signal::derive(move || what_if.get().unwrap_or_else(|| cascade_impact().clone()));
    let actual = cascade_impact();
    let t = move |k: Key| move || say(lang.get(), k);
    // As it happened, the windows are fitted to the record; once a lever
    // moves they are the model's consequences.
    let mine_kind = Signal::derive(move || {
        if scenario.with(|s| *s == CascadePreset::AsItHappened.scenario()) {
            NumberKind::Fitted
        } else {
            NumberKind::Model
        }
    });
    let reader_results = READERS
        .iter()
        .map(|reader| {
            let text = move || {
                what_if_impact.with(|mine| {
                    reader_hours(lang.get(), reader.result, mine, actual, reader.service)
                })
            };
            // The shop's time down too: what the graph's shop box shows.
            let down = (reader.service == Service::Shop).then(|| {
                let down = move || {
                    let lang = lang.get();
                    what_if_impact.with(|mine| {
                        say_msg(
                            lang,
                            &msg::PcShopDown {
                                mine: &duration(lang, mine.minutes_at(Service::Shop, Severity::Down)),
                                base: &duration(lang, actual.minutes_at(Service::Shop, Severity::Down)),
                            },
                        )
                    })
                };
                view! {
                    <p id="pc-shop-down">{down} " " <KindBadge kind=NumberKind::Model lang=lang /></p>
                }
            });
            view! {
                <p id=format!("pc-{}", reader.code)>
                    // The reader's services are invented examples: their
                    // minutes are the model's, whatever the levers say.
                    {text} " " <KindBadge kind=NumberKind::Model lang=lang />
                </p>
                {down}
            }
        })
        .collect_view();
    let end_text =
        move || what_if_impact.with(|mine| end_comparison(clock(lang.get()), mine, actual));
    let dns = KNOBS.iter().find(|k| k.key == "dns");
    let active = RwSignal::new(None::<usize>);

    view! {
        <section class="playground cascade-playground" aria-labelledby="pc-title">
            <h2 id="pc-title">{t(Key::PcTitle)}</h2>
            <Challenges lang=lang scenario=scenario impact=what_if_impact active=active />
            <div class="pc-cause">
                {dns.map(|knob| view! { <KnobSlider knob=knob lang=lang /> })}
                <DependencyGraph lang=lang scenario=scenario impact=what_if_impact />
                <GraphList lang=lang scenario=scenario impact=what_if_impact />
            </div>
            <div class="pc-effect">
                <div class="results" aria-live="polite">
                    {challenge_status(lang, scenario, what_if_impact, active, false)}
                    {reader_results}
                    <p id="pc-end">{end_text} " " <KindBadge kind=mine_kind lang=lang /></p>
                    <p class="kind-legend">
                        {t(Key::PcChartActual)} " " <KindBadge kind=NumberKind::Fitted lang=lang />
                    </p>
                </div>
                <div class="side-by-side">
                    <div id="chart-actual">
                        <CascadeScene minute=CHART_END lang=lang hide_cursor=true title=Key::PcChartActual />
                    </div>
                    <div id="chart-whatif">
                        <CascadeScene minute=CHART_END lang=lang hide_cursor=true title=Key::PcChartWhatif impact=what_if_impact kind=mine_kind />
                    </div>
                </div>
            </div>
            <PresetButtons lang=lang />
            <fieldset>
                <legend>{t(Key::PlayKnobs)}</legend>
                <p class="levers-note"><small>{t(Key::PcLeversNote)}</small></p>
                {controls(Panel::Cascade, |c| !c.is_coupling() && !is_dns_knob(c), lang)}
            </fieldset>
            {readers(lang)}
            <fieldset>
                <legend>{t(Key::PcLoosen)}</legend>
                {controls(Panel::Cascade, |c| c.is_coupling(), lang)}
            </fieldset>
            {challenge_status(lang, scenario, what_if_impact, active, true)}
        </section>
    }
}

/// The cascade half, drawn one task after the race half (see
/// [`super::next_task`]).
#[component]
pub fn CascadePlaygroundNext(lang: Signal<Lang>) -> impl IntoView {
    let ready = super::next_task();
    view! {
        <Show when=move || ready.get()>
            <CascadePlayground lang=lang />
        </Show>
    }
}
