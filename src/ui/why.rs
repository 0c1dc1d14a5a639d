//! "Why did the page go blank?": the engine's chain of events behind a run's
//! first blank page ([`RaceRun::explain_first_empty`]), put into words.

use super::clock::{clock, say_msg};
use super::race_scene::narrate;
use crate::engine::race::RaceRun;
use crate::i18n::{Lang, msg, seconds_from_ms};

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
        lines.push(lang.message(&msg::PlayWhyStep {
            time: &seconds_from_ms(e.at_ms),
            text: &text,
        }));
        if chain.check() == Some(i)
            && let Some(b) = chain.backoffs()
        {
            lines.push(say_msg(
                lang,
                &msg::PlayWhyBackoffs {
                    who: &b.enactor.letter().to_string(),
                    count: &b.count.to_string(),
                    seconds: &seconds_from_ms(b.total_wait_ms),
                },
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
        // The Japanese lines read in Japanese units, not "15.5 s:".
        let ja = why_lines(Lang::Ja, &r);
        assert!(ja[0].starts_with("15.5秒："), "{}", ja[0]);
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
