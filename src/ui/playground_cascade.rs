//! The "what if" playground, cascade half: operator timing, AWS's remedies,
//! DNS caching, loosened couplings and the reader's shop, with the "as it
//! happened" chart and the what-if chart side by side and the difference in
//! words. Every bar is recomputed by the cascade engine in the page.

use leptos::prelude::*;

use super::cascade_scene::{CHART_END, CascadeScene};
use super::clock::{clock, say};
use super::model::cascade_impact;
use super::url;
use crate::engine::cascade::clock::{END, Minute};
use crate::engine::cascade::scenario::{Deployment, OperatorActions, Placement};
use crate::engine::cascade::{CascadePreset, CascadeScenario, Impact, Service, impacts, simulate};
use crate::i18n::{Key, Lang, fill};
use crate::share::{DNS_AT_MIN, NEGATIVE_TTL_MIN, POSITIVE_TTL_MIN};
use crate::time::Clock;

/// Couplings the reader may loosen here: (service, consumer, label).
const LOOSENABLE: [(Service, Service, Key); 4] = [
    (Service::DynamoDb, Service::Lambda, Key::PcLoosenLambda),
    (Service::DynamoDb, Service::Sts, Key::PcLoosenSts),
    (Service::Lambda, Service::Connect, Key::PcLoosenConnect),
    (
        Service::Ec2Launch,
        Service::Containers,
        Key::PcLoosenContainers,
    ),
];

use super::format::duration;
use super::kind::KindBadge;
use crate::story::NumberKind;

fn event_end(clock: Clock, impact: &Impact) -> String {
    match impact.event {
        Some((_, end)) if end >= END => clock.text(Key::PcNever),
        Some((_, end)) => clock.day_time(end),
        None => "—".into(),
    }
}

#[component]
pub fn CascadePlayground(lang: ReadSignal<Lang>) -> impl IntoView {
    let (scenario, set_scenario) = signal(url::shared().with_untracked(|s| s.cascade.clone()));
    // Every knob lives in the address (couplings in a canonical order).
    Effect::new(move |_| {
        let mut cascade = scenario.get();
        crate::share::normalise_loosened(&mut cascade.loosened);
        url::change(|s| s.cascade = cascade);
    });
    let what_if = Memo::new(move |_| scenario.with(|s| simulate(s).ok().map(|tl| impacts(&tl))));
    let what_if_impact =
        Signal::derive(move || what_if.get().unwrap_or_else(|| cascade_impact().clone()));
    let actual = cascade_impact();
    let t = move |k: Key| move || say(lang.get(), k);

    let preset = move |p: CascadePreset| move |_| set_scenario.set(p.scenario());
    let (dns_min, dns_max) = (DNS_AT_MIN.min, DNS_AT_MIN.max);
    let dns_at = move || scenario.with(|s| s.actions.dns_restored_at.unwrap_or(dns_max));
    let toggle = |id: &'static str,
                  key: Key,
                  get: fn(&CascadeScenario) -> bool,
                  set: fn(&mut CascadeScenario, bool)| {
        view! {
            <label class="toggle">
                <input type="checkbox" id=id prop:checked=move || scenario.with(get)
                    on:change=move |e| {
                        let on = event_target_checked(&e);
                        set_scenario.update(|s| set(s, on));
                    } />
                <span>{move || say(lang.get(), key)}</span>
            </label>
        }
    };
    let loosen = LOOSENABLE
        .iter()
        .enumerate()
        .map(|(i, &(service, consumer, key))| {
            let edge = (service, consumer);
            view! {
                <label class="toggle">
                    <input type="checkbox" id=format!("loosen-{i}")
                        prop:checked=move || scenario.with(|s| s.loosened.contains(&edge))
                        on:change=move |e| {
                            let on = event_target_checked(&e);
                            set_scenario.update(|s| {
                                s.loosened.retain(|x| *x != edge);
                                if on {
                                    s.loosened.push(edge);
                                }
                            });
                        } />
                    <span>{move || say(lang.get(), key)}</span>
                </label>
            }
        })
        .collect_view();
    let readers = [
        (Service::Shop, "shop", Key::PcShop, Key::PcShopResult),
        (Service::AppBackend, "app", Key::PcApp, Key::PcAppResult),
        (
            Service::BusinessSystem,
            "business",
            Key::PcBusiness,
            Key::PcBusinessResult,
        ),
    ];
    let deployment_controls = readers
        .into_iter()
        .map(|(service, prefix, legend, _)| {
            let placement_value = move || {
                match scenario.with(|s| s.deployment(service).unwrap_or_default().placement) {
                    Placement::UsEast1 => "us",
                    Placement::MultiRegion => "region",
                    Placement::MultiCloud => "cloud",
                }
            };
            let flag = move |id: String, key: Key, get: fn(&Deployment) -> bool, set: fn(&mut Deployment, bool)| {
                view! {
                    <label class="toggle">
                        <input type="checkbox" id=id
                            prop:checked=move || scenario.with(|s| get(&s.deployment(service).unwrap_or_default()))
                            on:change=move |e| {
                                let on = event_target_checked(&e);
                                set_scenario.update(|s| {
                                    if let Some(d) = s.deployment_mut(service) {
                                        set(d, on);
                                    }
                                });
                            } />
                        <span>{move || say(lang.get(), key)}</span>
                    </label>
                }
            };
            view! {
                <fieldset>
                    <legend>{t(legend)}</legend>
                    <select id=format!("{prefix}-placement") prop:value=placement_value
                        aria-label=move || fill(lang.get().text(Key::PcPlacement), &[("service", lang.get().text(legend))])
                        on:change=move |e| {
                            let placement = match event_target_value(&e).as_str() {
                                "region" => Placement::MultiRegion,
                                "cloud" => Placement::MultiCloud,
                                _ => Placement::UsEast1,
                            };
                            set_scenario.update(|s| {
                                if let Some(d) = s.deployment_mut(service) {
                                    d.placement = placement;
                                }
                            });
                        }>
                        <option value="us" selected=move || placement_value() == "us">{t(Key::PcPlaceUs)}</option>
                        <option value="region" selected=move || placement_value() == "region">{t(Key::PcPlaceRegion)}</option>
                        <option value="cloud" selected=move || placement_value() == "cloud">{t(Key::PcPlaceCloud)}</option>
                    </select>
                    {flag(format!("{prefix}-fallback"), Key::PcFallback, |d| d.fallback, |d, v| d.fallback = v)}
                    {flag(format!("{prefix}-monitoring"), Key::PcMonitoring, |d| d.monitoring, |d, v| d.monitoring = v)}
                </fieldset>
            }
        })
        .collect_view();
    // As it happened, the windows are fitted to the record; once a lever
    // moves they are the model's consequences.
    let mine_kind = Signal::derive(move || {
        if scenario.with(|s| *s == CascadePreset::AsItHappened.scenario()) {
            NumberKind::Fitted
        } else {
            NumberKind::Model
        }
    });
    let reader_results = readers
        .into_iter()
        .map(|(service, prefix, _, result)| {
            let text = move || {
                let lang = lang.get();
                let mine = what_if_impact.with(|i| i.minutes(service));
                fill(
                    &say(lang, result),
                    &[
                        ("mine", &duration(lang, mine)),
                        ("base", &duration(lang, actual.minutes(service))),
                    ],
                )
            };
            view! {
                <p id=format!("pc-{prefix}")>
                    // The reader's services are invented examples: their
                    // minutes are the model's, whatever the levers say.
                    {text} " " <KindBadge kind=NumberKind::Model lang=lang />
                </p>
            }
        })
        .collect_view();
    let end_text = move || {
        let clock = clock(lang.get());
        let mine = what_if_impact.with(|i| event_end(clock, i));
        fill(
            &clock.text(Key::PcEndResult),
            &[("mine", &mine), ("base", &event_end(clock, actual))],
        )
    };

    view! {
        <section class="playground cascade-playground" aria-labelledby="pc-title">
            <h2 id="pc-title">{t(Key::PcTitle)}</h2>
            <div class="presets" role="group" aria-label=t(Key::PcPresets)>
                <span>{t(Key::PcPresets)}</span>
                <button type="button" id="pc-actual" on:click=preset(CascadePreset::AsItHappened)>{t(Key::PcPresetActual)}</button>
                <button type="button" id="pc-fixes" on:click=preset(CascadePreset::WithAwsFixes)>{t(Key::PcPresetFixes)}</button>
                <button type="button" id="pc-resilient" on:click=preset(CascadePreset::ResilientShop)>{t(Key::PcPresetResilient)}</button>
            </div>
            <fieldset>
                <legend>{t(Key::PlayKnobs)}</legend>
                <label class="knob">
                    <span class="knob-label">{t(Key::PcDnsAt)}</span>
                    <input type="range" id="dns-at" min=dns_min.to_string() max=dns_max.to_string() step=DNS_AT_MIN.step.to_string()
                        prop:value=move || dns_at().to_string()
                        aria-valuetext=move || clock(lang.get()).day_time(dns_at())
                        on:input=move |e| {
                            let m = event_target_value(&e).parse::<Minute>().unwrap_or(dns_max).clamp(dns_min, dns_max);
                            // From the record's actions, as a link rebuilds them: moving
                            // the slider and back returns to the same night.
                            set_scenario.update(|s| s.actions = OperatorActions::AS_IT_HAPPENED.with_dns_restored_at(m));
                        } />
                    <output id="dns-at-value">{move || clock(lang.get()).day_time(dns_at())}</output>
                </label>
                {toggle("propagation-throttle", Key::PcPropagation, |s| s.levers.ec2_propagation_throttling, |s, v| s.levers.ec2_propagation_throttling = v)}
                {toggle("nlb-velocity", Key::PcVelocity, |s| s.levers.nlb_velocity_control, |s, v| s.levers.nlb_velocity_control = v)}
                {toggle("dwfm-throttle", Key::PcDwfm, |s| s.levers.dwfm_queue_throttling, |s, v| s.levers.dwfm_queue_throttling = v)}
                {toggle("negative-caching", Key::PcNegative, |s| s.levers.negative_caching, |s, v| s.levers.negative_caching = v)}
                <label class="knob">
                    <span class="knob-label">{t(Key::PcPositiveTtl)}</span>
                    <input type="range" id="positive-ttl" min=POSITIVE_TTL_MIN.min.to_string() max=POSITIVE_TTL_MIN.max.to_string() step="1"
                        prop:value=move || scenario.with(|s| s.levers.positive_ttl_min).to_string()
                        on:input=move |e| {
                            let v = POSITIVE_TTL_MIN.clamp(event_target_value(&e).parse::<u32>().unwrap_or(1));
                            set_scenario.update(|s| s.levers.positive_ttl_min = v);
                        } />
                    <output>{move || fill(lang.get().text(Key::PcMinutes), &[("value", &scenario.with(|s| s.levers.positive_ttl_min).to_string())])}</output>
                </label>
                <label class="knob">
                    <span class="knob-label">{t(Key::PcNegativeTtl)}</span>
                    <input type="range" id="negative-ttl" min=NEGATIVE_TTL_MIN.min.to_string() max=NEGATIVE_TTL_MIN.max.to_string() step="1"
                        prop:value=move || scenario.with(|s| s.levers.negative_ttl_min).to_string()
                        on:input=move |e| {
                            let v = NEGATIVE_TTL_MIN.clamp(event_target_value(&e).parse::<u32>().unwrap_or(15));
                            set_scenario.update(|s| s.levers.negative_ttl_min = v);
                        } />
                    <output>{move || fill(lang.get().text(Key::PcMinutes), &[("value", &scenario.with(|s| s.levers.negative_ttl_min).to_string())])}</output>
                </label>
            </fieldset>
            {deployment_controls}
            <fieldset>
                <legend>{t(Key::PcLoosen)}</legend>
                {loosen}
            </fieldset>
            <div class="results" aria-live="polite">
                {reader_results}
                <p id="pc-end">{end_text} " " <KindBadge kind=mine_kind lang=lang /></p>
                <p class="kind-legend">
                    {t(Key::PcChartActual)} " " <KindBadge kind=NumberKind::Fitted lang=lang />
                </p>
            </div>
            <super::dependency_graph::DependencyGraph scenario=scenario set_scenario=set_scenario lang=lang />
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
pub fn CascadePlaygroundNext(lang: ReadSignal<Lang>) -> impl IntoView {
    let ready = super::next_task();
    view! {
        <Show when=move || ready.get()>
            <CascadePlayground lang=lang />
        </Show>
    }
}
