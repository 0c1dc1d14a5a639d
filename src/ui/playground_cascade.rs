//! The "what if" playground, cascade half: operator timing, AWS's remedies,
//! DNS caching, loosened couplings and the reader's services (controls from
//! the one table in `crate::controls`), with the "as it happened" chart and
//! the what-if chart side by side and the difference in words. Every bar is
//! recomputed by the cascade engine in the page.

use leptos::prelude::*;

use super::cascade_scene::{CHART_END, CascadeScene};
use super::clock::{clock, say};
use super::controls_panel::{PresetButtons, controls, readers};
use super::kind::KindBadge;
use super::model::cascade_impact;
use super::sentences::{end_comparison, reader_hours};
use super::url;
use crate::controls::{Panel, READERS};
use crate::engine::cascade::{CascadePreset, impacts, simulate};
use crate::i18n::{Key, Lang};
use crate::story::NumberKind;

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
            view! {
                <p id=format!("pc-{}", reader.code)>
                    // The reader's services are invented examples: their
                    // minutes are the model's, whatever the levers say.
                    {text} " " <KindBadge kind=NumberKind::Model lang=lang />
                </p>
            }
        })
        .collect_view();
    let end_text =
        move || what_if_impact.with(|mine| end_comparison(clock(lang.get()), mine, actual));

    view! {
        <section class="playground cascade-playground" aria-labelledby="pc-title">
            <h2 id="pc-title">{t(Key::PcTitle)}</h2>
            <PresetButtons lang=lang />
            <fieldset>
                <legend>{t(Key::PlayKnobs)}</legend>
                <p class="levers-note"><small>{t(Key::PcLeversNote)}</small></p>
                {controls(Panel::Cascade, |c| !c.is_coupling(), lang)}
            </fieldset>
            {readers(lang)}
            <fieldset>
                <legend>{t(Key::PcLoosen)}</legend>
                {controls(Panel::Cascade, |c| c.is_coupling(), lang)}
            </fieldset>
            <div class="results" aria-live="polite">
                {reader_results}
                <p id="pc-end">{end_text} " " <KindBadge kind=mine_kind lang=lang /></p>
                <p class="kind-legend">
                    {t(Key::PcChartActual)} " " <KindBadge kind=NumberKind::Fitted lang=lang />
                </p>
            </div>
            <super::dependency_graph::DependencyGraph lang=lang />
            <div class="side-by-side">
                <div id="chart-actual">
                    <CascadeScene minute=CHART_END lang=lang hide_cursor=true title=Key::PcChartActual />
                </div>
                <div id="chart-whatif">
                    <CascadeScene minute=CHART_END lang=lang hide_cursor=true title=Key::PcChartWhatif impact=what_if_impact kind=mine_kind />
                </div>
            </div>
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
