//! The cascade scene: one bar per service across the night, red where it was
//! down and hatched orange where degraded, with a cursor at the beat's minute.
//! Drawn from the cascade engine's "as it happened" impact intervals.

use leptos::prelude::*;

use super::kind::KindBadge;
use crate::story::NumberKind;

use super::clock::{clock, say_msg};
use super::model::cascade_impact;
use crate::engine::cascade::calibration::{
    NETWORK_MANAGER_START_DOCUMENTED, NETWORK_MANAGER_START_SIMULATED, row_fitted,
};
use crate::engine::cascade::clock::Minute;
use crate::engine::cascade::{Impact, Service, Severity};
use crate::i18n::{Key, Lang, msg};
use crate::time::{Clock, DayTracker, hour_ticks};

/// The services drawn, top to bottom.
const ROWS: [(Service, Key); 12] = [
    (Service::DynamoDb, Key::SvcDynamodb),
    (Service::Dwfm, Key::SvcDwfm),
    (Service::Ec2Launch, Key::SvcEc2Launch),
    (Service::NetworkManager, Key::SvcNetwork),
    (Service::Nlb, Key::SvcNlb),
    (Service::Lambda, Key::SvcLambda),
    (Service::Sts, Key::SvcSts),
    (Service::IamSignIn, Key::SvcIam),
    (Service::Connect, Key::SvcConnect),
    (Service::Redshift, Key::SvcRedshift),
    (Service::Containers, Key::SvcContainers),
    (Service::Shop, Key::SvcShop),
];

/// The time axis: 19 Oct 23:40 to 20 Oct 15:00 PDT (the reader's zone
/// labels it).
const AXIS_END: Minute = 15 * 60 + 20;
/// Where the bars start: right of the widest row name at 13 units
/// ("EC2: starting instances", 「NLB（ロードバランサー）」).
const LEFT: i32 = 172;
const RIGHT: i32 = 352;
const ROW_H: i32 = 20;
/// The bars' top: below a row of days and a row of times, each a label high.
const TOP: i32 = 34;

fn x_of(m: Minute) -> i32 {
    LEFT + (i64::from(m.min(AXIS_END)) * i64::from(RIGHT - LEFT) / i64::from(AXIS_END)) as i32
}

/// The last minute the chart shows.
pub const CHART_END: Minute = AXIS_END;

/// The width of the picture: the bars, then a column for each row's kind.
const WIDTH: i32 = 368;

/// The kind of a row's times: on the record's night, fitted where a
/// calibrated target lies on the row and the model's own elsewhere; on a
/// what-if night, all the model's.
fn row_kind(chart: NumberKind, service: Service) -> NumberKind {
    if chart == NumberKind::Fitted && row_fitted(service) {
        NumberKind::Fitted
    } else {
        NumberKind::Model
    }
}

/// The mark drawn after a row for its kind (explained by the chart's note).
const fn row_mark(kind: NumberKind) -> &'static str {
    match kind {
        NumberKind::Fitted => "≈",
        _ => "⚙",
    }
}

/// A bar: service, severity, start, end, and whether it is still going at
/// the chart's "now" (cut there, its end untold).
pub type Bar = (Service, Severity, Minute, Minute, bool);

/// Every bar the chart draws, cut at `until` (the beat's "now") when given:
/// nothing that began at or after it, nothing drawn past it.
pub fn bars_until(impact: &Impact, until: Option<Minute>) -> Vec<Bar> {
    let stop = until.unwrap_or(Minute::MAX);
    impact
        .by_severity()
        .into_iter()
        .filter(|i| i.2 < stop)
        .map(|(s, sev, start, end)| (s, sev, start, end.min(stop), end > stop))
        .collect()
}

/// One service's bars: red where down, hatched where degraded.
fn bar_row(bars: &[Bar], service: Service, y: i32) -> impl IntoView + use<> {
    bars.iter()
        .filter(|i| i.0 == service && i.2 < AXIS_END)
        .map(|&(_, severity, start, end, ongoing)| {
            let class = match (severity, ongoing) {
                (Severity::Down, false) => "bar down",
                (Severity::Down, true) => "bar down ongoing",
                (Severity::Degraded, false) => "bar degraded",
                (Severity::Degraded, true) => "bar degraded ongoing",
            };
            let (x0, x1) = (x_of(start), x_of(end).max(x_of(start) + 1));
            view! { <rect class=class data-service=service.name() x=x0 y=y + 4 width=x1 - x0 height=ROW_H - 8 /> }
        })
        .collect_view()
}

/// The time axis in `clock`'s zone: a tick every two hours of its wall
/// clock, a label every four, and the day above the first label and above
/// each midnight.
fn axis(clock: Clock, until: Option<Minute>) -> impl IntoView + use<> {
    let mut ticks = hour_ticks(clock.zone, AXIS_END, 2);
    // No time after the beat's "now" is written.
    ticks.retain(|(m, _)| until.is_none_or(|u| *m <= u));
    let first_label = ticks.iter().position(|(_, w)| w.hour % 4 == 0);
    ticks
        .into_iter()
        .enumerate()
        .map(|(i, (m, w))| {
            let x = x_of(m);
            // A label every four hours keeps them apart on a phone.
            let label = (w.hour % 4 == 0).then(|| {
                view! {
                    <text class="small axis" x=x y=TOP - 8 text-anchor="middle">{w.hhmm()}</text>
                }
            });
            let day = (Some(i) == first_label || (w.hour == 0 && w.minute == 0)).then(|| {
                view! {
                    <text class="small axis day" x=x y=12 text-anchor="middle">{clock.day(w.day)}</text>
                }
            });
            view! {
                <line class="tick" x1=x x2=x y1=TOP - 4 y2=TOP + ROW_H * ROWS.len() as i32 />
                {label}
                {day}
            }
        })
        .collect_view()
}

/// The chart. `impact` defaults to the "as it happened" simulation; the
/// playground passes its what-if. `hide_cursor` drops the time cursor.
#[component]
pub fn CascadeScene(
    #[prop(into)] minute: Signal<Minute>,
    lang: Signal<Lang>,
    #[prop(optional)] impact: Option<Signal<Impact>>,
    #[prop(optional)] hide_cursor: bool,
    #[prop(optional)] title: Option<Key>,
    /// What kind of numbers the bars are: as it happened, fitted to the
    /// record (the default); after a lever moves, the model's result.
    #[prop(optional, into)]
    kind: Option<Signal<NumberKind>>,
    /// Draw only up to this minute (the beat's "now"): the story's index.
    #[prop(optional)]
    until: Option<Minute>,
    /// The rows the words speak of, lit.
    #[prop(optional)]
    lit: Vec<Service>,
    /// Say the chart's note (the marks, the network row's early start).
    #[prop(default = true)]
    note: bool,
) -> impl IntoView {
    let kind = kind.unwrap_or_else(|| Signal::stored(NumberKind::Fitted));
    let source = impact.unwrap_or_else(|| Signal::stored(cascade_impact().clone()));
    let height = TOP + ROW_H * ROWS.len() as i32 + 24;
    let bars = move || {
        source.with(|impact| {
            let bars = bars_until(impact, until);
            ROWS.iter()
                .enumerate()
                .map(|(row, &(service, _))| {
                    let y = TOP + ROW_H * row as i32;
                    bar_row(&bars, service, y)
                })
                .collect_view()
        })
    };
    let lit_rows = ROWS
        .iter()
        .enumerate()
        .filter(|(_, (s, _))| lit.contains(s))
        .map(|(row, _)| {
            let y = TOP + ROW_H * row as i32;
            view! { <rect class="row-lit" x=0 y=y width=WIDTH height=ROW_H /> }
        })
        .collect_view();
    let ticks = move || axis(clock(lang.get()), until);
    let cursor_x = move || x_of(minute.get());
    let cursor_label = move || {
        let clock = clock(lang.get());
        clock.message(&msg::SceneNow {
            time: &clock.day_time(minute.get()),
        })
    };
    // Keep the label inside the picture: its half width, roughly.
    let cursor_text_x = move || {
        let half = super::text::text_width(&cursor_label()) / 2 + 2;
        cursor_x().clamp(half, (WIDTH - half).max(half))
    };
    // The chart in words, for screen readers: each service's windows.
    let alt = move || {
        let clock = clock(lang.get());
        let lang = clock.lang;
        let rows = source.with(|impact| {
            let spans = bars_until(impact, until);
            ROWS.iter()
                .map(|&(service, key)| {
                    // Each service names the day where it changes.
                    let mut days = DayTracker::new(clock);
                    let windows: Vec<String> = spans
                        .iter()
                        .filter(|b| b.0 == service)
                        .map(|&(_, severity, start, end, ongoing)| {
                            let label = match severity {
                                Severity::Down => lang.text(Key::SceneDown),
                                _ => lang.text(Key::SceneDegraded),
                            };
                            let from = days.stamp(start);
                            if ongoing {
                                // Still going at "now": its end is not told.
                                lang.message(&msg::SceneOngoing { label, from: &from })
                            } else {
                                format!("{label} {from}–{}", days.stamp(end))
                            }
                        })
                        .collect();
                    let text = if windows.is_empty() {
                        lang.text(Key::SceneNoImpact).to_string()
                    } else {
                        windows.join(", ")
                    };
                    format!("{}: {text}", lang.text(key))
                })
                .collect::<Vec<_>>()
                .join("; ")
        });
        // Each row's kind, after the rows: "fitted to the record: DynamoDB,
        // …; the model's result: Network Manager, Shop (example)".
        let chart = kind.get();
        let kinds = [NumberKind::Fitted, NumberKind::Model]
            .into_iter()
            .filter_map(|k| {
                let names: Vec<&str> = ROWS
                    .iter()
                    .filter(|&&(service, _)| row_kind(chart, service) == k)
                    .map(|&(_, key)| lang.text(key))
                    .collect();
                (!names.is_empty())
                    .then(|| format!("{}: {}", lang.text(k.label()), names.join(", ")))
            })
            .collect::<Vec<_>>()
            .join("; ");
        let rows = format!("{rows}; {kinds}");
        clock.message(&msg::SceneCascadeAlt { rows: &rows })
    };
    view! {
        <figure class="scene cascade-scene" class:cascade-index=until.is_some() aria-label=move || lang.get().text(title.unwrap_or(Key::SceneCascadeLabel))>
            <p class="chart-title">
                {title.map(|k| view! { {move || lang.get().text(k)} " " })}
                <KindBadge kind=kind lang=lang />
            </p>
            <svg viewBox=format!("0 0 {WIDTH} {height}") role="img" aria-label=alt class="cascade-svg">
                <defs>
                    <pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
                        <rect width="4" height="4" class="hatch-bg" />
                        <line x1="0" y1="0" x2="0" y2="4" class="hatch-line" />
                    </pattern>
                </defs>
                {lit_rows}
                {ticks}
                {move || {
                    let lang = lang.get();
                    ROWS.iter()
                        .enumerate()
                        .map(|(row, &(service, key))| {
                            let y = TOP + ROW_H * row as i32 + 14;
                            let class = if lit.contains(&service) { "small lit" } else { "small" };
                            view! { <text class=class x=4 y=y>{lang.text(key)}</text> }
                        })
                        .collect_view()
                }}
                {bars}
                {move || {
                    let chart = kind.get();
                    ROWS.iter()
                        .enumerate()
                        .map(|(row, &(service, _))| {
                            let y = TOP + ROW_H * row as i32 + 14;
                            let k = row_kind(chart, service);
                            view! {
                                <text class="small row-kind" data-row-kind=k.code() x=RIGHT + 7 y=y text-anchor="middle">
                                    {row_mark(k)}
                                </text>
                            }
                        })
                        .collect_view()
                }}
                <line class="cursor" x1=cursor_x x2=cursor_x y1=TOP - 4 y2=height - 18 visibility=if hide_cursor { "hidden" } else { "visible" } />
                <text
                    visibility=if hide_cursor { "hidden" } else { "visible" }
                    class="small strong"
                    x=cursor_text_x
                    y=height - 6
                    text-anchor="middle"
                >
                    {cursor_label}
                </text>
            </svg>
            <figcaption class="legend-row">
                <span class="swatch down" aria-hidden="true"></span>
                {move || lang.get().text(Key::SceneDown)}
                <span class="swatch degraded" aria-hidden="true"></span>
                {move || lang.get().text(Key::SceneDegraded)}
                <span class="mark mark-i">{move || lang.get().text(Key::MarkI)}</span>
                {note.then(|| view! {
                    <small class="scene-note">{move || {
                        let early = NETWORK_MANAGER_START_DOCUMENTED - NETWORK_MANAGER_START_SIMULATED;
                        let lang = lang.get();
                        say_msg(lang, &msg::SceneChartNote {
                            early: &early.to_string(),
                            network: lang.text(Key::SvcNetwork),
                        })
                    }}</small>
                })}
            </figcaption>
        </figure>
    }
}
