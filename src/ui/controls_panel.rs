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
use crate::engine::race::fix_counterexample;
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

/// A checkbox bound to one switch; a race fix that helps only at some
/// settings also offers one where it fails.
#[component]
pub fn SwitchBox(switch: &'static Switch, lang: Signal<Lang>) -> impl IntoView {
    let on = url::slice(switch.get);
    let failing = match switch.link {
        InLink::Fix(_, fix) => fix_counterexample(fix).map(|bad| {
            let showing = url::slice(move |s| s.race);
            view! {
                <button
                    type="button"
                    class="show-failing"
                    id=format!("{}-failing", switch.id)
                    on:click=move |_| apply(Move::ShowFailing(fix))
                >
                    {move || say(lang.get(), Key::PlayShowFailing)}
                </button>
                <Show when=move || showing.get() == bad>
                    <p class="failing-note">{move || say(lang.get(), Key::PlayFailingNote)}</p>
                </Show>
            }
        }),
        _ => None,
    };
    let label = view! {
        <label class="toggle">
            <input
                type="checkbox"
                id=switch.id
                prop:checked=move || on.get()
                on:change=move |e| apply(Move::Switch(switch, event_target_checked(&e)))
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
