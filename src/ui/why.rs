//! "Why did the page go blank?": the engine's chain of events behind a run's
//! first blank page ([`RaceRun::explain_first_empty`]), put into words.

use super::clock::{clock, say};
use super::race_scene::narrate;
use crate::engine::race::RaceRun;
use crate::i18n::{Key, Lang, fill, seconds_from_ms};

/// The chain behind the first blank page of `r`, a line per step, in trace
/// order: the overwriting clerk's one check, its lost locks (the back-offs
/// right after the check), the newer write it undid, its stale write, the
/// clean-up and the blank page. Empty when no page went blank.
pub fn why_lines(lang: Lang, r: &RaceRun) -> Vec<String> {
    let Some(chain) = r.explain_first_empty() else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for i in chain.indices() {
        let e = &r.events[i];
        let text = clock(lang).expand(&narrate(lang, &r.world, &e.event));
        lines.push(format!("{} s: {text}", seconds_from_ms(e.at_ms)));
        if chain.check() == Some(i)
            && let Some(b) = chain.backoffs()
        {
            lines.push(fill(
                &say(lang, Key::PlayWhyBackoffs),
                &[
                    ("who", &b.enactor.letter().to_string()),
                    ("count", &b.count.to_string()),
                    ("seconds", &seconds_from_ms(b.total_wait_ms)),
                ],
            ));
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::race::{Preset, RaceScenario, run};

    fn as_it_happened() -> RaceRun {
        run(&Preset::AsItHappened.scenario()).expect("the preset is valid")
    }

    #[test]
    fn the_story_run_explains_its_blank_page_in_both_languages() {
        let r = as_it_happened();
        let chain = r.explain_first_empty().expect("the page goes blank");
        for lang in [Lang::Ja, Lang::En] {
            let lines = why_lines(lang, &r);
            // Five events and the back-off line after the check.
            assert_eq!(lines.len(), chain.indices().len() + 1, "{lines:#?}");
            assert!(lines.iter().all(|l| !l.contains('{')), "{lines:#?}");
            let backoffs = &lines[1];
            assert!(backoffs.contains('A'), "{backoffs}");
            assert!(backoffs.contains(&chain.backoffs().unwrap().count.to_string()));
        }
        let en = why_lines(Lang::En, &r);
        assert!(
            en[0].starts_with("15.5 s: Clerk A checks list #103"),
            "{}",
            en[0]
        );
        assert!(en[3].contains("writes old #103 onto"), "{}", en[3]);
        assert!(en[5].contains("is gone: the page is blank"), "{}", en[5]);
    }

    #[test]
    fn a_run_whose_page_stays_filled_has_no_lines() {
        let r = run(&Preset::CleanupSparesInUse.scenario()).expect("valid");
        assert_eq!(r.summary.first_empty, None);
        assert!(why_lines(Lang::Ja, &r).is_empty());
        let s = RaceScenario {
            slow_enactor: None,
            ..RaceScenario::default()
        };
        assert!(why_lines(Lang::En, &run(&s).expect("valid")).is_empty());
    }
}

#[cfg(test)]
mod legacy_scratch {
    use super::super::clock::{clock, say};
    use crate::engine::race::RaceRun;
    use crate::i18n::{Key, Lang, fill, seconds_from_ms};
    /// The chain of events behind the first blank page of a run, in words: the
    /// overwriting clerk's one check, its lost locks, the newer write it undid,
    /// its stale write, and the clean-up that deleted it.
    pub fn why_chain(lang: Lang, r: &RaceRun) -> Vec<String> {
        use crate::engine::race::RaceEvent as E;
        let ev = &r.events;
        let Some(k) = ev
            .iter()
            .position(|e| matches!(e.event, E::RecordEmptied { .. }))
        else {
            return Vec::new();
        };
        let E::RecordEmptied {
            endpoint,
            generation,
            ..
        } = ev[k].event
        else {
            return Vec::new();
        };
        let overwrite = ev[..k].iter().rposition(|e| {
            matches!(e.event, E::Flipped { endpoint: p, to, .. } if p == endpoint && to == generation)
        });
        let mut picked: Vec<usize> = Vec::new();
        let mut backoffs = (0u32, 0u64, None);
        if let Some(o) = overwrite {
            let who = ev[o].event.actor();
            if let Some(c) = ev[..o].iter().rposition(|e| {
                matches!(e.event, E::CheckPassed { plan, .. } if plan == generation)
                    && e.event.actor() == who
            }) {
                picked.push(c);
                for e in &ev[c..o] {
                    if let E::BackedOff {
                        enactor, wait_ms, ..
                    } = e.event
                        && Some(enactor) == who
                    {
                        backoffs = (backoffs.0 + 1, backoffs.1 + wait_ms, Some(enactor));
                    }
                }
            }
            if let Some(newer) = ev[..o].iter().rposition(|e| {
                matches!(e.event, E::Flipped { endpoint: p, to, .. } if p == endpoint && to > generation)
            }) {
                picked.push(newer);
            }
            picked.push(o);
        }
        picked.push(k.saturating_sub(1));
        picked.push(k);
        picked.sort_unstable();
        picked.dedup();
        let mut lines: Vec<String> = Vec::new();
        for (n, &i) in picked.iter().enumerate() {
            if let Some(text) = Some(super::super::race_scene::narrate(
                lang,
                &r.world,
                &ev[i].event,
            ))
            .map(|text| clock(lang).expand(&text))
            {
                lines.push(format!("{} s: {text}", seconds_from_ms(ev[i].at_ms)));
            }
            // The lost locks come right after the check.
            if n == 0
                && let (count @ 1.., wait, Some(who)) = backoffs
            {
                lines.push(fill(
                    &say(lang, Key::PlayWhyBackoffs),
                    &[
                        ("who", &who.letter().to_string()),
                        ("count", &count.to_string()),
                        ("seconds", &seconds_from_ms(wait)),
                    ],
                ));
            }
        }
        lines
    }

    #[test]
    fn scratch_why_lines_equal_why_chain() {
        use crate::engine::race::{Preset, RaceScenario, run};
        let mut runs = 0;
        let mut empties = 0;
        let mut with_backoffs = 0;
        let mut scenarios: Vec<RaceScenario> = Preset::ALL.iter().map(|p| p.scenario()).collect();
        for seed in 0..300u64 {
            for p in Preset::ALL {
                scenarios.push(RaceScenario {
                    seed,
                    ..p.scenario()
                });
            }
            scenarios.push(RaceScenario {
                seed,
                slow_extra_ms: 23_000,
                planner_interval_ms: 1_000 + (seed as u32 % 7) * 500,
                cleanup_threshold_generations: 1 + (seed as u32 % 12),
                ..RaceScenario::default()
            });
            scenarios.push(RaceScenario {
                seed,
                slow_enactor: Some(crate::engine::race::EnactorId::ALL[(seed % 3) as usize]),
                slow_for_ms: 60_000,
                operator_repair_after_ms: Some(20_000),
                ..RaceScenario::default()
            });
        }
        for s in scenarios {
            let r = run(&s).unwrap();
            runs += 1;
            if r.summary.first_empty.is_some() {
                empties += 1;
            }
            if r.explain_first_empty().and_then(|c| c.backoffs()).is_some() {
                with_backoffs += 1;
            }
            for lang in [Lang::Ja, Lang::En] {
                assert_eq!(super::why_lines(lang, &r), why_chain(lang, &r), "{s:?}");
            }
        }
        println!("SCRATCH runs {runs} empties {empties} with_backoffs {with_backoffs}");
    }
}
