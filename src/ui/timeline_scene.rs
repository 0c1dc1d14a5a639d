//! The timeline scene: the record's timeline beside the simulated impact
//! chart, sharing one clock. Dragging the scrubber moves the highlighted
//! record entry; choosing an entry moves the scrubber and the chart's cursor.

use leptos::prelude::*;

use super::cascade_scene::{CHART_END, CascadeScene};
use super::mark::ClaimText;
use crate::engine::cascade::Minute;
use crate::engine::cascade::clock::hhmm;
use crate::i18n::{Key, Lang};
use crate::story::timeline::TIMELINE;

/// The record entry in force at `minute`: the last one not after it.
pub fn entry_at(minute: Minute) -> usize {
    TIMELINE.iter().rposition(|e| e.at <= minute).unwrap_or(0)
}

#[component]
pub fn TimelineScene(lang: ReadSignal<Lang>) -> impl IntoView {
    let (minute, set_minute) = signal(TIMELINE[1].at);
    let current = Memo::new(move |_| entry_at(minute.get()));
    let entries = TIMELINE
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let at = e.at;
            let is_current = move || current.get() == i;
            view! {
                <li class:current=is_current>
                    <button
                        type="button"
                        class="tl-time"
                        aria-current=move || is_current().then_some("time")
                        on:click=move |_| set_minute.set(at.min(CHART_END))
                    >
                        {hhmm(at)}
                    </button>
                    <span class="tl-text"><ClaimText claim=e.claim lang=lang /></span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="timeline-scene">
            <CascadeScene minute=minute lang=lang />
            <label class="scrubber">
                <span>{move || lang.get().text(Key::TlScrub)}</span>
                <input
                    type="range"
                    id="time-scrubber"
                    min="0"
                    max=CHART_END.to_string()
                    step="1"
                    prop:value=move || minute.get().to_string()
                    on:input=move |e| {
                        let v = event_target_value(&e).parse::<Minute>().unwrap_or(0);
                        set_minute.set(v.min(CHART_END));
                    }
                    aria-valuetext=move || hhmm(minute.get())
                />
                <output>{move || hhmm(minute.get())}</output>
            </label>
            <h3 class="tl-heading">{move || lang.get().text(Key::TlHeading)}</h3>
            <ol class="timeline">{entries}</ol>
        </div>
    }
}
