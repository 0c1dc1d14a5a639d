//! The kind badge beside a number: from the record, fitted to the record,
//! or the model's result (the three kinds of number: README, "Three kinds of number"), with what it means.

use crate::i18n::Lang;
use crate::story::NumberKind;
use leptos::prelude::*;

/// The badge; `kind` may change with the controls (a lever moved turns a
/// fitted number into the model's).
#[component]
pub fn KindBadge(#[prop(into)] kind: Signal<NumberKind>, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <span
            class=move || format!("kind kind-{}", kind.get().code())
            data-kind=move || kind.get().code()
            title=move || lang.get().text(kind.get().help())
        >
            {move || lang.get().text(kind.get().label())}
        </span>
    }
}

/// What each kind of number means: shown once, under the story, beside the
/// truth labels' legend.
#[component]
pub fn KindLegend(lang: Signal<Lang>) -> impl IntoView {
    view! {
        <p>{move || lang.get().text(crate::i18n::Key::KindLegend)}</p>
        <dl class="legend kind-legend-list">
            {[NumberKind::Record, NumberKind::Fitted, NumberKind::Model]
                .into_iter()
                .map(|kind| {
                    view! {
                        <div>
                            <dt><KindBadge kind=kind lang=lang /></dt>
                            <dd>{move || lang.get().text(kind.help())}</dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
    }
}
