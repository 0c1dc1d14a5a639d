//! Prints the story, one file a language (`story.ja.html`, `story.en.html`),
//! into the folder named by the first argument; style sheets named after
//! `--minify-css` are minified in place (see `style_sheets`).

use dns_race_explainer::i18n::Lang;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, sheets) = match args.split_first() {
        Some((dir, rest)) if rest.first().is_none_or(|a| a == "--minify-css") => {
            (dir, rest.get(1..).unwrap_or_default())
        }
        _ => {
            eprintln!("usage: dns-race-sitegen <out-dir> [--minify-css <file.css>...]");
            std::process::exit(2);
        }
    };
    for lang in Lang::ALL {
        let path = std::path::Path::new(dir).join(format!("story.{}.html", lang.code()));
        std::fs::write(&path, dns_race_sitegen::prerender(lang))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    let sheets: Vec<std::path::PathBuf> = sheets.iter().map(Into::into).collect();
    if let Err(e) = dns_race_sitegen::style_sheets::minify_files(&sheets) {
        eprintln!("dns-race-sitegen: could not minify a style sheet: {e}");
        std::process::exit(1);
    }
}
