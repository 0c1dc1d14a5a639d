//! The site's style sheets made smaller for the wire: comments, spaces and
//! redundant rules dropped by Lightning CSS (the minifier Trunk itself uses),
//! with no browser targets, so nothing is lowered or prefixed and every
//! declaration a reader's browser reads is still there.

use lightningcss::stylesheet::{MinifyOptions, ParserOptions, PrinterOptions, StyleSheet};

/// `css` minified, or why it could not be (a sheet Lightning CSS cannot
/// parse is an error, never shipped half-read).
pub fn minify(css: &str) -> Result<String, String> {
    let mut sheet = StyleSheet::parse(css, ParserOptions::default()).map_err(|e| e.to_string())?;
    sheet
        .minify(MinifyOptions::default())
        .map_err(|e| e.to_string())?;
    let printed = sheet
        .to_css(PrinterOptions {
            minify: true,
            ..PrinterOptions::default()
        })
        .map_err(|e| e.to_string())?;
    Ok(printed.code)
}

/// Minifies each file in place; the error names the file.
pub fn minify_files(paths: &[std::path::PathBuf]) -> Result<(), String> {
    for path in paths {
        let name = path.display();
        let css = std::fs::read_to_string(path).map_err(|e| format!("{name}: {e}"))?;
        let small = minify(&css).map_err(|e| format!("{name}: {e}"))?;
        std::fs::write(path, small).map_err(|e| format!("{name}: {e}"))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::minify;

    #[test]
    fn comments_and_spaces_go_declarations_stay() {
        let css = "/* a note */\n.a {\n  color: red;\n  margin: 0 calc(-1 * clamp(1rem, 4vw, 2rem));\n}\n";
        assert_eq!(
            minify(css).unwrap(),
            ".a{color:red;margin:0 calc(-1*clamp(1rem,4vw,2rem))}"
        );
    }

    #[test]
    fn a_prefixed_twin_stays_beside_its_standard_property() {
        // No browser targets: nothing a reader's older browser needs is
        // judged redundant.
        let css = ".s { -webkit-print-color-adjust: exact; print-color-adjust: exact; }";
        assert_eq!(
            minify(css).unwrap(),
            ".s{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
        );
    }

    #[test]
    fn a_later_rule_still_wins() {
        let css = ".a, .b { stroke: gray; stroke-width: 2; }\n.b { stroke: red; }";
        let small = minify(css).unwrap();
        assert!(small.ends_with(".b{stroke:red}"), "{small}");
    }

    #[test]
    fn every_sheet_of_the_site_minifies_and_shrinks() {
        // A sheet Lightning CSS cannot read would fail the build, so each
        // one under style/ is read here first.
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../style");
        let mut sheets = 0;
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "css") {
                continue;
            }
            let css = std::fs::read_to_string(&path).unwrap();
            let small = minify(&css).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert!(
                small.len() < css.len() * 9 / 10,
                "{}: {} of {} B",
                path.display(),
                small.len(),
                css.len()
            );
            sheets += 1;
        }
        assert!(sheets >= 5, "{sheets} sheets under {}", dir.display());
    }
}
