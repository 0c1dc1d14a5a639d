//! The reader's clock in the page: the zone choice from the link (or the
//! language's default), the device's own offset, and the zone control.
//! The formatting itself is pure and tested natively (`crate::time`).

use leptos::prelude::*;

use super::url;
use crate::i18n::{Key, Lang, Message, msg};
use crate::time::{Clock, ZoneChoice, zone_name};

/// 2025-10-20T06:48Z, the race, in milliseconds since 1970: the device's
/// offset is read at the event (daylight saving may differ from today's).
const EVENT_UTC_MS: f64 = 1_760_942_880_000.0;

thread_local! {
    /// The link's zone choice, as a memo: components re-render when the
    /// choice changes, not on every change of the page's state.
    static CHOICE: std::cell::Cell<Option<Memo<Option<ZoneChoice>>>> = const { std::cell::Cell::new(None) };
    static DEVICE: std::cell::Cell<Option<i32>> = const { std::cell::Cell::new(None) };
}

/// Starts following the link's zone choice; the app shell calls it once,
/// after [`url::provide_state`].
pub fn init() {
    let state = url::shared();
    let memo = Memo::new(move |_| state.with(|s| s.zone));
    CHOICE.with(|c| c.set(Some(memo)));
}

/// Takes `m` (minutes east of UTC) as the device's offset instead of asking
/// the browser: the page generator, which has none, prints with it.
pub fn assume_device_offset_min(m: i32) {
    DEVICE.with(|cell| cell.set(Some(m)));
}

/// The device's offset from UTC at the event, minutes east, as the browser
/// reports it; 0 (UTC) if it reports nothing sensible.
pub fn device_offset_min() -> i32 {
    DEVICE.with(|cell| {
        if let Some(m) = cell.get() {
            return m;
        }
        let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(EVENT_UTC_MS));
        // getTimezoneOffset: minutes *behind* UTC (JST gives -540).
        let west = date.get_timezone_offset();
        let m = if west.is_finite() && west.abs() <= 14.0 * 60.0 {
            -(west as i32)
        } else {
            0
        };
        cell.set(Some(m));
        m
    })
}

/// The zone choice in force: the reader's, or the language's. Tracked.
pub fn choice(lang: Lang) -> ZoneChoice {
    CHOICE
        .with(|c| c.get())
        .and_then(|memo| memo.try_get().flatten())
        .unwrap_or(ZoneChoice::default_for(lang))
}

/// The reader's clock. Tracked: a closure that calls it re-runs when the
/// zone changes.
pub fn clock(lang: Lang) -> Clock {
    let choice = choice(lang);
    let offset = if choice == ZoneChoice::Local {
        device_offset_min()
    } else {
        0
    };
    Clock::new(lang, choice.resolve(offset))
}

/// The text of `key` with its times in the reader's zone: what the page
/// shows instead of the raw locale text. Tracked.
pub fn say(lang: Lang, key: Key) -> String {
    clock(lang).text(key)
}

/// A typed message with its times in the reader's zone and its
/// placeholders filled: `say_msg(lang, &msg::SceneNow { time: &t })`.
/// Tracked, like [`say`].
pub fn say_msg<M: Message>(lang: Lang, m: &M) -> String {
    clock(lang).message(m)
}

/// The zone control: a labelled select of Japan, Pacific, UTC and this
/// device's zone. The choice goes into the link (`tz=`) and sticks across a
/// language switch; until one is made, times follow the language.
#[component]
pub fn ZoneSelect(lang: Signal<Lang>) -> impl IntoView {
    let current = move || choice(lang.get()).code();
    let on_change = move |e: leptos::ev::Event| {
        if let Some(z) = ZoneChoice::from_code(&event_target_value(&e)) {
            url::change(|s| s.zone = Some(z));
        }
    };
    let options = ZoneChoice::ALL
        .into_iter()
        .map(|z| {
            let name = move || {
                let offset = if z == ZoneChoice::Local {
                    device_offset_min()
                } else {
                    0
                };
                zone_name(lang.get(), z.resolve(offset))
            };
            view! { <option value=z.code() selected=move || current() == z.code()>{name}</option> }
        })
        .collect_view();
    view! {
        <label class="tz-choice">
            <span class="tz-label">{move || lang.get().text(Key::TzLabel)}</span>
            <select id="tz-select" on:change=on_change prop:value=current>
                {options}
            </select>
        </label>
    }
}

/// The footer's sentence on times, naming the zone in force.
pub fn footer_times(lang: Lang) -> String {
    say_msg(
        lang,
        &msg::FooterTimes {
            zone: &clock(lang).zone_name(),
        },
    )
}
