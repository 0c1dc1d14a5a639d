//! The playground's controls drawn from the one table in `crate::controls`:
//! a slider per knob, a checkbox per switch, a fieldset per reader's
//! service. Each reads its value from the page's state and changes it only
//! by applying a [`Move`], as the property tests do.

use leptos::prelude::*;

use super::clock::{clock, say};
use super::sentences::knob_value;
use super::url;
use crate::controls::{
    CASCADE_PRESETS, Control, DEPLOYMENT_FLAGS, InLink, Knob, Move, PLACEMENTS, Panel, READERS,
    Reader, Switch, laid_out, placement_code, placement_from_code,
};
use crate::engine::race::{Claim, Fix, RaceScenario, Search, SearchResult, SearchSpace};
use crate::i18n::{Key, Lang, msg};

/// Applies a reader's move to the page's state (and so to the address).
pub fn apply(m: Move) {
    url::change(|s| m.apply(s));
}

/// A slider bound to one knob.
#[component]
pub fn KnobSlider(knob: &'static Knob, lang: Signal<Lang>) -> impl IntoView {
    let value = url::slice(knob.get);
    let range = knob.range;
    let shown = move || knob_value(clock(lang.get()), knob.unit, value.get());
    view! {
        <label class="knob">
            <span class="knob-label">{move || say(lang.get(), knob.label)}</span>
            <input
                type="range"
                id=knob.id
                min=range.min.to_string()
                max=range.max.to_string()
                step=range.step.to_string()
                prop:value=move || value.get().to_string()
                aria-valuetext=shown
                on:input=move |e| {
                    // A value the browser cannot give keeps the knob where it is.
                    if let Ok(v) = event_target_value(&e).parse::<u32>() {
                        apply(Move::Knob(knob, v));
                    }
                }
            />
            <output id=format!("{}-value", knob.id)>{shown}</output>
        </label>
    }
}

/// Settings the search runs per main-thread task (a few ms each in a phone's
/// browser).
const SEARCH_PER_SLICE: u32 = 200;

/// Runs the next slice of `search`; schedules the next or, once over,
/// publishes the result (and puts a setting found on the sliders).
fn search_slice(
    search: StoredValue<Option<Search>>,
    done: WriteSignal<Option<(RaceScenario, SearchResult)>>,
    from: RaceScenario,
) {
    let over = search
        .try_update_value(|s| s.as_mut().and_then(|s| s.advance(SEARCH_PER_SLICE)))
        .flatten();
    match over {
        Some(result) => {
            search.set_value(None);
            if let Some(found) = result.found {
                apply(Move::ShowFailing(found));
                done.set(Some((found, result)));
            } else {
                done.set(Some((from, result)));
            }
        }
        None if search.try_with_value(Option::is_some).unwrap_or(false) => {
            set_timeout(
                move || search_slice(search, done, from),
                std::time::Duration::ZERO,
            );
        }
        None => {}
    }
}

/// A race fix's search for a setting where it fails: a button, and what
/// the search found (shown while the sliders stay where it left them).
#[component]
fn FailingSearch(fix: Fix, id: &'static str, lang: Signal<Lang>) -> impl IntoView {
    let race = url::slice(|s| s.race);
    let search = StoredValue::new(None::<Search>);
    let (done, set_done) = signal(None::<(RaceScenario, SearchResult)>);
    let searching = RwSignal::new(false);
    let start = move |_| {
        let from = race.get_untracked();
        search.set_value(Some(Search::new(fix, &from, &SearchSpace::LAB)));
        set_done.set(None);
        searching.set(true);
        search_slice(search, set_done, from);
    };
    Effect::new(move |_| {
        if done.with(Option::is_some) {
            searching.set(false);
        }
    });
    on_cleanup(move || search.set_value(None));
    let note = move || {
        let lang = lang.get();
        if searching.get() {
            return Some(lang.text(Key::PlaySearching).to_string());
        }
        let (at, result) = done.get()?;
        (race.get() == at).then(|| {
            let tried = super::format::grouped(u64::from(result.tried));
            let key = match (result.found.is_some(), fix.claim()) {
                (true, Claim::NoBlankPage) => Key::PlayFailingNote,
                (true, Claim::NeverStuck) => Key::PlayFailingStuck,
                (false, _) => Key::PlayFailingNone,
            };
            lang.message_as(key, &msg::PlayFailingNone { tried: &tried })
        })
    };
    view! {
        <button
            type="button"
            class="show-failing"
            id=format!("{id}-failing")
            disabled=move || searching.get()
            aria-busy=move || searching.get().to_string()
            on:click=start
        >
            {move || say(lang.get(), Key::PlayShowFailing)}
        </button>
        {move || note().map(|n| view! { <p class="failing-note">{n}</p> })}
    }
}

/// A checkbox bound to one switch; a race fix also offers a search for a
/// setting where it fails.
#[component]
pub fn SwitchBox(switch: &'static Switch, lang: Signal<Lang>) -> impl IntoView {
    let on = url::slice(switch.get);
    let failing = match switch.link {
        InLink::Fix(_, fix) => Some(view! { <FailingSearch fix=fix id=switch.id lang=lang /> }),
        _ => None,
    };
    let label = view! {
        <label class="toggle">
            <input
                type="checkbox"
                id=switch.id
                prop:checked=move || on.get()
                on:change=move |e| {
                    apply(Move::Switch(switch, event_target_checked(&e)));
                    clear_of_results(&e);
                }
            />
            <span>{move || say(lang.get(), switch.label)}</span>
        </label>
    };
    // A race fix keeps its counterexample beside it.
    if matches!(switch.link, InLink::Fix(..)) {
        view! { <div class="fix">{label} {failing}</div> }.into_any()
    } else {
        label.into_any()
    }
}

/// Brings a switch the reader just flipped clear of the results that stay
/// at a phone's foot: the page's `scroll-padding-bottom` keeps that much
/// room, and "nearest" does nothing when the switch is already in view (as
/// on a wide screen, where the results sit beside the switches).
fn clear_of_results(e: &leptos::ev::Event) {
    use wasm_bindgen::JsCast;
    let Some(input) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let target = input.closest(".fix").ok().flatten().unwrap_or(input);
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    target.scroll_into_view_with_scroll_into_view_options(&options);
}

/// The knobs and switches of one half of the playground that `include`
/// picks (fixes, conditions, levers, couplings), in the table's order.
pub fn controls(panel: Panel, include: fn(&Control) -> bool, lang: Signal<Lang>) -> impl IntoView {
    laid_out(panel)
        .into_iter()
        .filter(include)
        .map(move |control| match control {
            Control::Knob(knob) => view! { <KnobSlider knob=knob lang=lang /> }.into_any(),
            Control::Switch(switch) => view! { <SwitchBox switch=switch lang=lang /> }.into_any(),
        })
        .collect_view()
}

/// Where one of the reader's services runs, and how it is prepared.
#[component]
pub fn ReaderFieldset(reader: &'static Reader, lang: Signal<Lang>) -> impl IntoView {
    let deployment = url::slice(move |s| s.cascade.deployment(reader.service).unwrap_or_default());
    let code = move || placement_code(deployment.get().placement);
    let options = PLACEMENTS
        .iter()
        .map(|&(value, _, label)| {
            view! {
                <option value=value selected=move || code() == value>
                    {move || say(lang.get(), label)}
                </option>
            }
        })
        .collect_view();
    let flags = DEPLOYMENT_FLAGS
        .iter()
        .map(|flag| {
            view! {
                <label class="toggle">
                    <input
                        type="checkbox"
                        id=format!("{}-{}", reader.code, flag.code)
                        prop:checked=move || (flag.get)(&deployment.get())
                        on:change=move |e| {
                            apply(Move::DeploymentFlag(reader, flag, event_target_checked(&e)))
                        }
                    />
                    <span>{move || say(lang.get(), flag.label)}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{move || say(lang.get(), reader.legend)}</legend>
            <select
                id=format!("{}-placement", reader.code)
                prop:value=code
                aria-label=move || {
                    let lang = lang.get();
                    lang.message(&msg::PcPlacement { service: lang.text(reader.legend) })
                }
                on:change=move |e| {
                    if let Some(p) = placement_from_code(&event_target_value(&e)) {
                        apply(Move::Placement(reader, p));
                    }
                }
            >
                {options}
            </select>
            {flags}
        </fieldset>
    }
}

/// A fieldset per reader's service.
pub fn readers(lang: Signal<Lang>) -> impl IntoView {
    READERS
        .iter()
        .map(move |reader| view! { <ReaderFieldset reader=reader lang=lang /> })
        .collect_view()
}

/// The cascade presets as buttons.
#[component]
pub fn PresetButtons(lang: Signal<Lang>) -> impl IntoView {
    let t = move |k: Key| move || say(lang.get(), k);
    let buttons = CASCADE_PRESETS
        .iter()
        .map(|&(preset, id, label)| {
            view! {
                <button type="button" id=id on:click=move |_| apply(Move::CascadePreset(preset))>
                    {t(label)}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="presets" role="group" aria-label=t(Key::PcPresets)>
            <span>{t(Key::PcPresets)}</span>
            {buttons}
        </div>
    }
}
