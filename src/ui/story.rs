//! The story screen: the current beat (words, analogy, engine figure, scene)
//! and the controls that never move (back, next, chapter menu), operable by
//! mouse, touch and keyboard (← →, Home, End). The position lives in the
//! address (`?ch=&beat=`, 1-based) so a link reopens the same beat.

use leptos::ev;
use leptos::prelude::*;

use super::cascade_scene::CascadeScene;
use super::chain_scene::ChainScene;
use super::clock::{clock, say, say_msg};
use super::format::{duration, grouped};
use super::idea_scene::IdeaScene;
use super::mark::ClaimText;
use super::model::{cascade_impact, race_census, shop_minutes, story_estimate_p};
use super::navigation::{KeyAction, Step, allowed, key_action, opening_position, reach};
use super::opening::Opening;
use super::pictures::{CountsScene, LessonScene, ShopScene, thumbnail};
use super::race_scene::RaceScene;
use super::sentences::{SPEED_MAX, SPEED_MIN, beat_ms, progress, speed_label};
use super::timeline_scene::TimelineScene;
use super::url;
use crate::i18n::{Key, Lang, msg, one_decimal};
use crate::story::chapters::{Beat, CHAPTERS, Figure, Position, Question, REVISIT, Scene};
use crate::story::{Mark, Source};
use crate::time::{Clock, DayTracker};

/// The sentence of a beat's engine figure, its times on `clock`.
pub fn figure_text(clock: Clock, key: Key, figure: Figure) -> String {
    // `chapters` checks at compile time that each figure's sentence takes
    // exactly these placeholders.
    match figure {
        Figure::Census => {
            let c = &race_census().counts;
            let (orderings, empty) = (grouped(c.orderings), grouped(c.empty()));
            clock.message_as(
                key,
                &msg::Ch5B4 {
                    orderings: &orderings,
                    empty: &empty,
                },
            )
        }
        Figure::Estimate => {
            let percent = one_decimal(story_estimate_p() * 100.0);
            clock.message_as(key, &msg::Ch5B5 { percent: &percent })
        }
        Figure::SimulatedEvent => {
            let (s, e) = cascade_impact().event.unwrap_or((0, 0));
            let d = e - s;
            let mut days = DayTracker::new(clock);
            let (start, end) = (days.stamp(s), days.stamp(e));
            let (hours, minutes) = ((d / 60).to_string(), (d % 60).to_string());
            clock.message_as(
                key,
                &msg::Ch7Sim {
                    start: &start,
                    end: &end,
                    hours: &hours,
                    minutes: &minutes,
                },
            )
        }
        Figure::Shop(choice) => {
            let (minutes, down) = shop_minutes(choice);
            let (affected, down_time) = (duration(clock.lang, minutes), duration(clock.lang, down));
            clock.message_as(
                key,
                &msg::Ch9Result {
                    affected: &affected,
                    down_time: &down_time,
                },
            )
        }
    }
}

/// Whether `main#story` is in the viewport (the top-level one, when inside
/// a frame), kept up to date by an IntersectionObserver.
fn watch_on_screen() -> ReadSignal<bool> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::Closure;
    let (on_screen, set_on_screen) = signal(true);
    Effect::new(move |_| {
        let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("story"))
        else {
            return;
        };
        let seen = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries
                .iter()
                .last()
                .and_then(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            {
                set_on_screen.set(entry.is_intersecting());
            }
        });
        if let Ok(observer) = web_sys::IntersectionObserver::new(seen.as_ref().unchecked_ref()) {
            observer.observe(&main);
            on_cleanup(move || observer.disconnect());
        }
        // Lives as long as the observer it serves (the page).
        seen.forget();
    });
    on_screen
}

pub use crate::share::Detail;

/// The story; `chapter` limits it to one chapter (an embedded chapter, with
/// its own back/next and no chapter menu, player or seek bar). The beat and
/// the detail level are the page state's; playing and its speed are this
/// screen's own (a link does not start playing).
#[component]
pub fn Story(lang: Signal<Lang>, #[prop(optional)] chapter: Option<usize>) -> impl IntoView {
    // An embedded chapter's state names that chapter (its "open the full
    // explainer" link opens it there).
    url::change(|s| s.position = opening_position(s.position, chapter));
    let pos = url::slice(|s| s.position);
    let (playing, set_playing) = signal(false);
    let (speed_step, set_speed_step) = signal(0i32);
    let go = move |p: Option<Position>| {
        if let Some(p) = allowed(p, chapter) {
            url::change(|s| s.go_to(p));
        }
    };
    let step = move |step: Step| go(reach(pos.get_untracked(), step, chapter));
    let handle = window_event_listener(ev::keydown, move |e: web_sys::KeyboardEvent| {
        let tag = e
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .map(|el| el.tag_name())
            .unwrap_or_default();
        let modified = e.alt_key() || e.ctrl_key() || e.meta_key() || e.shift_key();
        match key_action(&e.key(), &tag, modified) {
            Some(KeyAction::TogglePlay) => {
                e.prevent_default();
                set_playing.update(|on| *on = !*on);
            }
            Some(KeyAction::Go(s)) => {
                e.prevent_default();
                step(s);
            }
            None => {}
        }
    });
    on_cleanup(move || handle.remove());
    play_timer(playing, set_playing, speed_step, pos, chapter);

    let nav = chapter.is_none().then(|| {
        view! {
            <ChapterMenu lang=lang pos=pos />
        }
    });
    view! {
        <nav class="story-nav" class:embedded=chapter.is_some() aria-label=move || say(lang.get(), Key::NavChapters)>
            {nav}
            <Stepper lang=lang pos=pos chapter=chapter />
            <Player lang=lang pos=pos playing=playing set_playing=set_playing
                speed_step=speed_step set_speed_step=set_speed_step />
        </nav>
        {move || {
            let p = pos.get();
            let beat = p.beat();
            view! { <BeatView position=p beat=beat lang=lang detail=url::detail() /> }
        }}
        <p class="keys-hint" class:embedded=chapter.is_some()>{move || say(lang.get(), Key::NavKeys)}</p>
    }
}

/// Play: advance one beat every few seconds, faster or slower on a log
/// scale, pausing at the end, while the tab is hidden and while the story
/// is scrolled out of view (also inside an article's frame).
fn play_timer(
    playing: ReadSignal<bool>,
    set_playing: WriteSignal<bool>,
    speed_step: ReadSignal<i32>,
    pos: Memo<Position>,
    chapter: Option<usize>,
) {
    let on_screen = watch_on_screen();
    let timer = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let (on, p, step) = (playing.get(), pos.get(), speed_step.get());
        if let Some(h) = timer.get_value() {
            h.clear();
        }
        timer.set_value(None);
        if !on {
            return;
        }
        let Some(next) = reach(p, Step::Next, chapter) else {
            set_playing.set(false);
            return;
        };
        let handle = set_timeout_with_handle(
            move || {
                let hidden = web_sys::window()
                    .and_then(|w| w.document())
                    .is_some_and(|d| d.hidden());
                if hidden || !on_screen.get_untracked() {
                    set_playing.set(false);
                } else {
                    url::change(|s| s.go_to(next));
                }
            },
            std::time::Duration::from_millis(beat_ms(step)),
        );
        timer.set_value(handle.ok());
    });
    on_cleanup(move || {
        if let Some(h) = timer.get_value() {
            h.clear();
        }
    });
}

/// The chapter menu (the full story only).
#[component]
fn ChapterMenu(lang: Signal<Lang>, pos: Memo<Position>) -> impl IntoView {
    let on_select = move |e: ev::Event| {
        let chapter = event_target_value(&e).parse::<usize>().unwrap_or(0);
        url::change(|s| s.go_to(Position::clamped(chapter, 0)));
    };
    view! {
        <label class="chapter-menu">
            <span class="visually-hidden">{move || say(lang.get(), Key::NavChapters)}</span>
            <select id="chapter-select" on:change=on_select prop:value=move || pos.get().chapter.to_string()>
                {move || {
                    let clock = clock(lang.get());
                    let lang = clock.lang;
                    CHAPTERS
                        .iter()
                        .enumerate()
                        .map(|(i, c)| {
                            let label = format!(
                                "{} {}",
                                lang.message(&msg::NavChapterN { n: &(i + 1).to_string() }),
                                clock.text(c.title)
                            );
                            view! { <option value=i.to_string() selected=move || pos.get().chapter == i>{label}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}

/// Back, where we are, next.
#[component]
fn Stepper(lang: Signal<Lang>, pos: Memo<Position>, chapter: Option<usize>) -> impl IntoView {
    let go = move |s: Step| {
        if let Some(p) = reach(pos.get_untracked(), s, chapter) {
            url::change(|state| state.go_to(p));
        }
    };
    let can = move |s: Step| reach(pos.get(), s, chapter).is_some();
    view! {
        <div class="stepper">
            <button type="button" id="prev" on:click=move |_| go(Step::Prev) disabled=move || !can(Step::Prev)>
                "← " {move || say(lang.get(), Key::NavPrev)}
            </button>
            <span id="progress" class="progress">{move || progress(lang.get(), pos.get())}</span>
            <button type="button" id="next" on:click=move |_| go(Step::Next) disabled=move || !can(Step::Next)>
                {move || say(lang.get(), Key::NavNext)} " →"
            </button>
        </div>
    }
}

/// Play/pause, speed, the detail switch and the seek bar.
#[component]
fn Player(
    lang: Signal<Lang>,
    pos: Memo<Position>,
    playing: ReadSignal<bool>,
    set_playing: WriteSignal<bool>,
    speed_step: ReadSignal<i32>,
    set_speed_step: WriteSignal<i32>,
) -> impl IntoView {
    let t = move |key: Key| move || say(lang.get(), key);
    let detail = url::detail();
    let speed = move || speed_label(speed_step.get());
    view! {
        <div class="player">
            <button
                type="button"
                id="play"
                aria-pressed=move || playing.get().to_string()
                on:click=move |_| set_playing.update(|on| *on = !*on)
            >
                {move || if playing.get() { "❚❚ " } else { "▶ " }}
                {move || lang.get().text(if playing.get() { Key::NavPause } else { Key::NavPlay })}
            </button>
            <label class="speed">
                <span>{t(Key::NavSpeed)}</span>
                <input
                    type="range"
                    id="speed"
                    min=SPEED_MIN.to_string()
                    max=SPEED_MAX.to_string()
                    step="1"
                    prop:value=move || speed_step.get().to_string()
                    aria-valuetext=speed
                    on:input=move |e| {
                        let v = event_target_value(&e).parse::<i32>().unwrap_or(0);
                        set_speed_step.set(v.clamp(SPEED_MIN, SPEED_MAX));
                    }
                />
                <output>{speed}</output>
            </label>
            <button
                type="button"
                id="detail-toggle"
                class="detail-toggle"
                aria-pressed=move || (detail.get() == Detail::Engineer).to_string()
                on:click=move |_| url::change(|s| s.toggle_detail())
                title=t(Key::DetailLabel)
            >
                {move || {
                    let key = match detail.get() {
                        Detail::Story => Key::DetailEngineer,
                        Detail::Engineer => Key::DetailStory,
                    };
                    say(lang.get(), key)
                }}
            </button>
            <label class="seek">
                <span class="visually-hidden">{t(Key::NavSeek)}</span>
                <input
                    type="range"
                    id="seek"
                    min="0"
                    max=(Position::count() - 1).to_string()
                    step="1"
                    prop:value=move || pos.get().index().to_string()
                    aria-valuetext=move || progress(lang.get(), pos.get())
                    on:input=move |e| {
                        if let Ok(i) = event_target_value(&e).parse::<usize>() {
                            url::change(|s| s.go_to(Position::from_index(i)));
                        }
                    }
                />
            </label>
        </div>
    }
}

#[component]
fn BeatView(
    position: Position,
    beat: &'static Beat,
    lang: Signal<Lang>,
    detail: Signal<Detail>,
) -> impl IntoView {
    if beat.scene == Some(Scene::Opening) {
        return view! { <Opening lang=lang /> }.into_any();
    }
    let chapter = &CHAPTERS[position.chapter];
    let kicker = move || {
        say_msg(
            lang.get(),
            &msg::NavChapterN {
                n: &(position.chapter + 1).to_string(),
            },
        )
    };
    let claims = beat
        .claims
        .iter()
        .map(|&c| view! { <p><ClaimText claim=c lang=lang /></p> })
        .collect_view();
    let analogy = beat.analogy.map(|key| {
        view! {
            <aside class="analogy">
                <p class="analogy-label">{move || say(lang.get(), Key::NavAnalogy)}</p>
                {super::analogy_art::has_drawing(key).then(|| view! {
                    <div class="analogy-art" inner_html=move || super::analogy_art::markup(lang.get(), key)></div>
                })}
                <p>
                    {move || say(lang.get(), key)} " "
                    <super::mark::MarkBadge mark=Mark::Illustrative source=Source::Project lang=lang />
                </p>
            </aside>
        }
    });
    // A figure that answers the beat's question waits for the reader's
    // guess, and shows with the answer.
    let figure = beat
        .figure
        .filter(|_| beat.question.is_none())
        .map(|(key, fig)| view! { <FigureLine key=key figure=fig lang=lang /> });
    let engineer = beat.engineer.map(|c| {
        view! {
            <Show when=move || detail.get() == Detail::Engineer>
                <p class="engineer-note"><ClaimText claim=c lang=lang /></p>
            </Show>
        }
    });
    let terms = (!beat.terms.is_empty()).then(|| {
        let items = beat
            .terms
            .iter()
            .map(|&term| {
                view! {
                    <details class="term">
                        <summary>{move || say(lang.get(), term.name)}</summary>
                        <p>{move || say(lang.get(), term.definition)}</p>
                    </details>
                }
            })
            .collect_view();
        view! {
            <div class="terms" aria-label=move || say(lang.get(), Key::TermHeading)>
                <span class="terms-label">{move || say(lang.get(), Key::TermHeading)}</span>
                {items}
            </div>
        }
    });
    let question = beat
        .question
        .map(|q| view! { <Quiz question=q lang=lang figure=beat.figure /> });
    let scene = beat.scene.map(|s| match s {
        Scene::Idea(i) => view! { <IdeaScene idea=i lang=lang /> }.into_any(),
        Scene::Race(m) => view! { <RaceScene moment=m lang=lang detail=detail /> }.into_any(),
        Scene::Cascade(m) => view! { <CascadeScene minute=m lang=lang /> }.into_any(),
        Scene::Chain(b) => view! { <ChainScene beat=b lang=lang /> }.into_any(),
        Scene::Timeline(m) => view! { <TimelineScene lang=lang start=m /> }.into_any(),
        Scene::Revisit => view! { <Revisit lang=lang /> }.into_any(),
        Scene::Game => view! { <super::playground::StoryGame lang=lang /> }.into_any(),
        Scene::GameRecheck => {
            view! { <super::playground::StoryGame lang=lang recheck=true /> }.into_any()
        }
        Scene::Opening => ().into_any(),
        Scene::Census => view! { <CountsScene days=false lang=lang /> }.into_any(),
        Scene::Days => view! { <CountsScene days=true lang=lang /> }.into_any(),
        Scene::Lesson(l) => view! { <LessonScene lesson=l lang=lang /> }.into_any(),
        // At the beat that asks about it, the new bar waits for the choice.
        Scene::Shop(c) => {
            view! { <ShopScene upto=c pending=beat.question.is_some() lang=lang /> }.into_any()
        }
    });
    // The still pictures of chapters 5, 8 and 9 come before the words, so a
    // phone shows the picture with the first sentence (a wide screen puts
    // every scene beside the words whatever its place).
    let first = matches!(
        beat.scene,
        Some(Scene::Census | Scene::Days | Scene::Lesson(_) | Scene::Shop(_))
    );
    let (early, scene) = if first { (scene, None) } else { (None, scene) };
    view! {
        <section class="chapter" aria-labelledby="chapter-title">
            <p class="kicker">{kicker}</p>
            <h2 id="chapter-title">{move || say(lang.get(), chapter.title)}</h2>
            {early}
            <div class="beat" id="beat" aria-live="polite">
                {claims}
                {figure}
                {engineer}
            </div>
            {analogy}
            {terms}
            {question}
            {scene}
        </section>
    }
    .into_any()
}

/// A sentence with a number from an engine, and the number's kind.
#[component]
fn FigureLine(key: Key, figure: Figure, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <p class="figure">
            {move || figure_text(clock(lang.get()), key, figure)} " "
            <super::kind::KindBadge kind=figure.kind() lang=lang />
        </p>
    }
}

/// "What do you think happens next?": pick a choice, then the reveal (and
/// the beat's figure, when it holds the answer).
#[component]
fn Quiz(question: Question, lang: Signal<Lang>, figure: Option<(Key, Figure)>) -> impl IntoView {
    // The reader's own first choice, kept in this tab, shows again on
    // coming back; a presenter's reveals are not a reader's predictions.
    let presenting = url::shared().with_untracked(|s| s.present);
    #[cfg(target_arch = "wasm32")]
    let remembered = (!presenting)
        .then(|| super::predictions::load().first(question.prompt.name()))
        .flatten();
    #[cfg(not(target_arch = "wasm32"))]
    let remembered = None;
    let (picked, set_picked) = signal(remembered);
    let pick = move |i: usize| {
        set_picked.set(Some(i));
        #[cfg(target_arch = "wasm32")]
        if !presenting {
            super::predictions::record(&question, i);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = presenting;
    };
    let choices = question
        .choices
        .iter()
        .enumerate()
        .map(|(i, &key)| {
            let state = move || match picked.get() {
                None => "",
                Some(_) if i == question.answer => "right",
                Some(p) if p == i => "wrong",
                Some(_) => "",
            };
            view! {
                <li>
                    <button
                        type="button"
                        class=move || format!("choice {}", state())
                        aria-pressed=move || (picked.get() == Some(i)).to_string()
                        on:click=move |_| pick(i)
                    >
                        {move || match state() {
                            "right" => "✓ ",
                            "wrong" => "✗ ",
                            _ => "",
                        }}
                        {move || say(lang.get(), key)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="quiz" aria-live="polite">
            <p class="quiz-label">{move || say(lang.get(), Key::QuizLabel)}</p>
            <p class="quiz-prompt">{move || say(lang.get(), question.prompt)}</p>
            <ol class="choices">{choices}</ol>
            {move || picked.get().map(|p| view! { <Reveal question=question picked=Some(p) figure=figure lang=lang /> })}
        </section>
    }
}

/// A question's answer: the verdict on the reader's choice (none on paper
/// or before the wasm, where the page prints it folded), why, and the
/// beat's figure when it holds the answer.
#[component]
fn Reveal(
    question: Question,
    picked: Option<usize>,
    figure: Option<(Key, Figure)>,
    lang: Signal<Lang>,
) -> impl IntoView {
    let verdict = picked.map(|p| {
        if p == question.answer {
            Key::QuizRight
        } else {
            Key::QuizWrong
        }
    });
    view! {
        <p class="reveal">
            {verdict.map(|v| view! { <strong>{move || say(lang.get(), v)}</strong> " " })}
            {question
                .reveal
                .iter()
                .map(|&claim| view! { <ClaimText claim=claim lang=lang /> " " })
                .collect_view()}
        </p>
        {figure.map(|(key, fig)| view! { <FigureLine key=key figure=fig lang=lang /> })}
    }
}

/// The answer to `position`'s question, if it has one, with no verdict:
/// the page generator prints it folded under the question.
pub fn answer_view(position: Position, lang: Signal<Lang>) -> Option<impl IntoView> {
    let beat = position.beat();
    beat.question
        .map(|q| view! { <Reveal question=q picked=None figure=beat.figure lang=lang /> })
}

/// The chapter menu, the stepper and the player, as the page generator
/// prints them above the beats (the app's own, at `position`, not playing),
/// so the printed page is laid out as the live one.
pub fn nav_view(position: Position, lang: Signal<Lang>) -> impl IntoView {
    let pos = Memo::new(move |_| position);
    let (playing, set_playing) = signal(false);
    let (speed_step, set_speed_step) = signal(0i32);
    view! {
        <nav class="story-nav" aria-label=move || say(lang.get(), Key::NavChapters)>
            <ChapterMenu lang=lang pos=pos />
            <Stepper lang=lang pos=pos chapter=None />
            <Player lang=lang pos=pos playing=playing set_playing=set_playing
                speed_step=speed_step set_speed_step=set_speed_step />
        </nav>
    }
}

/// "Chapter 4: 2/5": where `position` is, in words.
pub fn progress_text(lang: Lang, position: Position) -> String {
    progress(lang, position)
}

/// The summary's links back into the story's interactive moments. Plain
/// links (they work with a middle click and in a new tab); a click in place
/// reloads the page at that beat, keeping the language and detail level.
#[component]
fn Revisit(lang: Signal<Lang>) -> impl IntoView {
    let links = REVISIT
        .iter()
        .map(|&(label, ch, beat)| {
            let href = move || {
                let state =
                    url::shared().with(|s| s.opening_beat(Position::clamped(ch - 1, beat - 1)));
                format!("?{}", crate::share::encode(&state))
            };
            view! {
                <li>
                    <a href=href>
                        <span class="thumb" inner_html=move || thumbnail(lang.get(), ch, beat)></span>
                        <span>{move || say(lang.get(), label)}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="scene revisit-scene">
            <PredictionTally lang=lang />
            <nav class="revisit" aria-label=move || say(lang.get(), Key::Ch10Revisit)>
                <h3>{move || say(lang.get(), Key::Ch10Revisit)}</h3>
                <ul>{links}</ul>
            </nav>
        </div>
    }
}

/// At the end of the story: how the reader did with the "what happens
/// next?" questions, from the record this tab keeps (never sent anywhere).
#[component]
fn PredictionTally(lang: Signal<Lang>) -> impl IntoView {
    #[cfg(target_arch = "wasm32")]
    let tally = super::predictions::load().tally();
    #[cfg(not(target_arch = "wasm32"))]
    let tally = super::predictions::Predictions::default().tally();
    let text = move || {
        let lang = lang.get();
        let n = tally.questions.to_string();
        if tally.answered == 0 {
            lang.message(&msg::PredictNone { n: &n })
        } else {
            lang.message(&msg::PredictTally {
                n: &n,
                answered: &tally.answered.to_string(),
                right: &tally.right_first.to_string(),
            })
        }
    };
    view! { <p class="prediction-tally" id="prediction-tally">{text}</p> }
}

/// One beat as the story shows it: the page generator prints every beat with
/// this, natively, the same view the app draws live.
pub fn beat_view(position: Position, lang: Signal<Lang>) -> impl IntoView {
    view! { <BeatView position=position beat=position.beat() lang=lang detail=url::detail() /> }
}
