//! Prints the story, one file a language (`story.ja.html`, `story.en.html`),
//! into the folder named by the first argument; with `--css <bundle>
//! <sheet>...`, also joins the style sheets, in that order, into one
//! minified file (see `style_sheets`).

use dns_race_explainer::i18n::Lang;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, css) = match args.split_first() {
        Some((dir, [])) => (dir, None),
        Some((dir, [flag, bundle, sheets @ ..])) if flag == "--css" && !sheets.is_empty() => {
            (dir, Some((bundle, sheets)))
        }
        _ => {
            eprintln!("usage: dns-race-sitegen <out-dir> [--css <bundle.css> <sheet.css>...]");
            std::process::exit(2);
        }
    };
    for lang in Lang::ALL {
        let path = std::path::Path::new(dir).join(format!("story.{}.html", lang.code()));
        std::fs::write(&path, dns_race_sitegen::prerender(lang))
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
    if let Some((bundle, sheets)) = css {
        let sheets: Vec<std::path::PathBuf> = sheets.iter().map(Into::into).collect();
        if let Err(e) = dns_race_sitegen::style_sheets::bundle(bundle.as_ref(), &sheets) {
            eprintln!("dns-race-sitegen: could not join the style sheets: {e}");
            std::process::exit(1);
        }
    }
}
