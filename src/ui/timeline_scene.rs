//! The timeline scene: the record's timeline beside the simulated impact
//! chart, sharing one clock. Dragging the scrubber moves the highlighted
//! record entry; choosing an entry moves the scrubber and the chart's cursor.

use leptos::prelude::*;

use super::cascade_scene::{CHART_END, CascadeScene};
use super::clock::{clock, say};
use super::mark::ClaimText;
use super::url;
use crate::engine::cascade::Minute;
use crate::i18n::{Key, Lang};
use crate::story::timeline::TIMELINE;

/// The record entry in force at `minute`: the last one not after it.
pub fn entry_at(minute: Minute) -> usize {
    TIMELINE.iter().rposition(|e| e.at <= minute).unwrap_or(0)
}

/// The clock's starting minute: the first record entry after the calm.
const START: Minute = TIMELINE[1].at;

/// The chart with its scrubber and, unless `entries` is false, the record's
/// entries beside it. The cursor lives in the address (`t`); until the
/// reader moves it, it stands at `start` (the minute the beat speaks of).
#[component]
pub fn TimelineScene(
    lang: Signal<Lang>,
    #[prop(default = true)] entries: bool,
    #[prop(default = START)] start: Minute,
) -> impl IntoView {
    // The cursor is the page state's (`t` in the address once moved).
    let minute = url::slice(move |s| s.minute.unwrap_or(start).min(CHART_END));
    let set_minute = move |m: Minute| url::change(|s| s.minute = (m != start).then_some(m));
    let current = Memo::new(move |_| entry_at(minute.get()));
    let list = TIMELINE
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let at = e.at;
            let is_current = move || current.get() == i;
            view! {
                <li class:current=is_current>
                    <span class="tl-when">
                        <button
                            type="button"
                            class="tl-time"
                            aria-current=move || is_current().then_some("time")
                            on:click=move |_| set_minute(at.min(CHART_END))
                        >
                            {move || clock(lang.get()).day_time(at)}
                        </button>
                        // The record's own (Pacific) time, when the reader reads another zone.
                        {move || clock(lang.get()).record_aside(at).map(|aside| view! {
                            <small class="tl-record">{aside}</small>
                        })}
                    </span>
                    <span class="tl-text"><ClaimText claim=e.claim lang=lang /></span>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="timeline-scene">
            <CascadeScene minute=minute lang=lang />
            <label class="scrubber">
                <span>{move || say(lang.get(), Key::TlScrub)}</span>
                <input
                    type="range"
                    id="time-scrubber"
                    min="0"
                    max=CHART_END.to_string()
                    step="1"
                    prop:value=move || minute.get().to_string()
                    on:input=move |e| {
                        let v = event_target_value(&e).parse::<Minute>().unwrap_or(0);
                        set_minute(v.min(CHART_END));
                    }
                    aria-valuetext=move || clock(lang.get()).day_time(minute.get())
                />
                <output id="time-scrubber-value">{move || clock(lang.get()).day_time(minute.get())}</output>
            </label>
            {entries.then(|| view! {
                <h3 class="tl-heading">
                    {move || say(lang.get(), Key::TlHeading)} " "
                    <super::kind::KindBadge kind=crate::story::NumberKind::Record lang=lang />
                </h3>
                <ol class="timeline">{list}</ol>
            })}
        </div>
    }
}
