//! Prints the story, one file a language (`story.ja.html`, `story.en.html`),
//! into the folder named by the first argument.

use dns_race_explainer::i18n::Lang;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: dns-race-sitegen <out-dir>");
        std::process::exit(2);
    };
    for lang in Lang::ALL {
        let path = std::path::Path::new(&dir).join(format!("story.{}.html", lang.code()));
        std::fs::write(&path, dns_race_sitegen::prerender(lang))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}
