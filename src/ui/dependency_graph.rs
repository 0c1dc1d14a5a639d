//! The dependency graph of the cascade, drawn from the engine's own edges as
//! an arc diagram: services listed top to bottom, each after everything it
//! depends on, one arc per dependency (solid: hard; dashed: soft, with a cache
//! or fallback), its arrowhead at the service that depends on the other, so
//! the arrow runs from the one relied on to the one relying on it (the
//! markers are drawn in `<defs>` and attached by `style/scenes.css`, the page's
//! CSP allowing no inline style). It reads at any width, labels in full. Clicking an arc, or
//! focusing it and pressing Enter, loosens or tightens that coupling.

use leptos::prelude::*;

use crate::engine::cascade::CascadeScenario;
use crate::engine::cascade::graph::{Coupling, Dependency, Service};
use crate::engine::cascade::sim::dependencies;
use crate::i18n::{Key, Lang, msg};

/// The short label of a service in the picture.
pub fn service_key(s: Service) -> Key {
    match s {
        Service::DynamoDb => Key::SvcDynamodb,
        Service::Dwfm => Key::SvcDwfm,
        Service::NetworkManager => Key::SvcNetwork,
        Service::Ec2Launch => Key::SvcEc2Launch,
        Service::Nlb => Key::SvcNlb,
        Service::Lambda => Key::SvcLambda,
        Service::Sts => Key::SvcSts,
        Service::IamSignIn => Key::SvcIam,
        Service::Connect => Key::SvcConnect,
        Service::Redshift => Key::SvcRedshift,
        Service::Containers => Key::SvcContainers,
        Service::SupportCenter => Key::SvcSupport,
        Service::Shop => Key::SvcShop,
        Service::AppBackend => Key::SvcApp,
        Service::BusinessSystem => Key::SvcBusiness,
    }
}

/// Edges a reader can loosen: real dependencies, not the mechanism links
/// drawn only to order the computation (tolerance 0).
fn drawable(deps: &[Dependency]) -> Vec<Dependency> {
    deps.iter()
        .filter(|d| d.tolerate_permille > 0)
        .copied()
        .collect()
}

/// Column of each service: the longest chain of dependencies below it.
fn columns(deps: &[Dependency]) -> [usize; Service::ALL.len()] {
    let mut col = [0usize; Service::ALL.len()];
    // Bounded relaxation: the graph is acyclic with 15 nodes.
    for _ in 0..Service::ALL.len() {
        for d in deps {
            let want = col[d.service.index()] + 1;
            if col[d.consumer.index()] < want {
                col[d.consumer.index()] = want;
            }
        }
    }
    col
}

/// The arrowheads, one per look of an arc: (id, class). `style/scenes.css`
/// attaches them to the arcs (`marker-end`) and colours them.
const ARROWS: [(&str, &str); 3] = [
    ("dep-arrow", "arrow"),
    ("dep-arrow-loosened", "arrow loosened"),
    ("dep-arrow-focus", "arrow focus"),
];
/// The tip stops at the consumer's dot (radius 3, the marker's 10 units
/// drawn 7 wide): 10 + 3 / 0.7.
const ARROW_REF_X: &str = "14";

const W: i32 = 360;
const ROW: i32 = 22;
/// Where arcs meet the list, and where the labels start.
const PORT_X: i32 = 150;

#[component]
pub fn DependencyGraph(lang: Signal<Lang>) -> impl IntoView {
    // The arcs drawn: the reader's placements can change them, a lever or a
    // cache time cannot, so the picture is rebuilt only when they change.
    // Whether an arc is loosened is read per arc.
    let drawn = super::url::slice(|s| {
        let unloosened = CascadeScenario {
            loosened: Vec::new(),
            ..s.cascade.clone()
        };
        drawable(&dependencies(&unloosened))
            .into_iter()
            .map(|d| (d.service, d.consumer, d.coupling == Coupling::Soft))
            .collect::<Vec<_>>()
    });
    let loosened = super::url::slice(|s| s.cascade.loosened.clone());
    let base = drawable(&dependencies(&CascadeScenario::default()));
    let col = columns(&base);
    // Order: by depth, then by the services' own order (stable).
    let mut order: Vec<Service> = Service::ALL.to_vec();
    order.sort_by_key(|s| (col[s.index()], s.index()));
    let mut y_of = [0i32; Service::ALL.len()];
    for (i, s) in order.iter().enumerate() {
        y_of[s.index()] = 18 + i as i32 * ROW;
    }
    let height = 18 + Service::ALL.len() as i32 * ROW;
    let toggle = move |(service, consumer): (Service, Service)| {
        let on = !loosened.with_untracked(|l| l.contains(&(service, consumer)));
        super::controls_panel::apply(crate::controls::Move::Coupling(service, consumer, on));
    };
    let edges = move || {
        drawn
            .get()
            .into_iter()
            .map(|(service, consumer, soft)| {
                let (y1, y2) = (y_of[service.index()], y_of[consumer.index()]);
                let dy = (y2 - y1).abs();
                let rx = (8 + dy * 2 / 5).min(PORT_X - 6);
                let path = format!("M {PORT_X} {y1} A {rx} {} 0 0 0 {PORT_X} {y2}", dy / 2);
                let edge = (service, consumer);
                let is_loosened = move || loosened.with(|l| l.contains(&edge));
                let class = move || match (soft, is_loosened()) {
                    (_, true) => "edge loosened",
                    (true, false) => "edge soft",
                    (false, false) => "edge hard",
                };
                let label = move || {
                    let lang = lang.get();
                    lang.message(&msg::PcEdgeLabel {
                        from: lang.text(service_key(edge.0)),
                        to: lang.text(service_key(edge.1)),
                    })
                };
                view! {
                    <g class=class role="button" tabindex="0" aria-pressed=move || is_loosened().to_string()
                        aria-label=label
                        data-edge=format!("{}>{}", edge.0.name(), edge.1.name())
                        on:click=move |_| toggle(edge)
                        on:keydown=move |e: web_sys::KeyboardEvent| {
                            if e.key() == "Enter" || e.key() == " " {
                                e.prevent_default();
                                toggle(edge);
                            }
                        }>
                        <title>{label}</title>
                        <path class="hit" d=path.clone() />
                        <path class="wire" d=path />
                    </g>
                }
            })
            .collect_view()
    };
    let nodes = Service::ALL
        .into_iter()
        .map(|s| {
            let y = y_of[s.index()];
            view! {
                <g class="node">
                    <circle cx=PORT_X cy=y r=3 />
                    <text class="small" x=PORT_X + 8 y=y + 4>{move || lang.get().text(service_key(s))}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <figure class="scene graph-scene">
            <p class="chart-title">{move || lang.get().text(Key::PcGraph)}</p>
            <svg viewBox=format!("0 0 {W} {height}") class="graph-svg">
                <defs>
                    {ARROWS.map(|(id, class)| view! {
                        <marker id=id class=class viewBox="0 0 10 10" refX=ARROW_REF_X refY="5"
                            markerUnits="userSpaceOnUse" markerWidth="7" markerHeight="7" orient="auto">
                            <path d="M 0 1 L 10 5 L 0 9 z" />
                        </marker>
                    })}
                </defs>
                {edges}
                {nodes}
            </svg>
            <figcaption>{move || lang.get().text(Key::PcGraphHelp)}</figcaption>
        </figure>
    }
}
