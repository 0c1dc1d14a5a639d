//! Build step: turns `locales/*.json` into a typed message table.
//!
//! Every reader-facing string lives in `locales/ja.json` (first language) and
//! `locales/en.json`. This script generates `Key`, an enum with one variant per
//! message, and one `&'static str` table per language, so a misspelt key is a
//! compile error and no JSON parser ships in the wasm. The build fails when the
//! two files disagree: a key present in one only, a `{placeholder}` used in
//! one translation and not the other, or a record time (`{t:DD-HH:MM}`,
//! `{tt:DD-HH:MM}`, see `src/time/token.rs`) mentioned in one and not the
//! other. One language may show a time with the other zone beside it (`tt`)
//! where the other shows it alone (`t`); the set of moments must match. A
//! malformed time token fails the build too.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The page's own token parser, shared so the build checks what the page reads.
#[allow(dead_code)]
#[path = "src/time/token.rs"]
mod token;

const LANGS: [&str; 2] = ["ja", "en"];

fn main() {
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    println!("cargo:rerun-if-changed=src/time/token.rs");
    let mut tables: Vec<BTreeMap<String, String>> = Vec::new();
    for lang in LANGS {
        let path = format!("locales/{lang}.json");
        println!("cargo:rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let map: BTreeMap<String, String> = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{path}: not a flat string map: {e}"));
        tables.push(map);
    }
    let (ja, en) = (&tables[0], &tables[1]);
    let mut problems = Vec::new();
    for k in ja.keys().filter(|k| !en.contains_key(*k)) {
        problems.push(format!("`{k}` is in ja.json but not in en.json"));
    }
    for k in en.keys().filter(|k| !ja.contains_key(*k)) {
        problems.push(format!("`{k}` is in en.json but not in ja.json"));
    }
    for (k, ja_text) in ja {
        if let Some(en_text) = en.get(k) {
            let (pj, pe) = (placeholders(ja_text), placeholders(en_text));
            if pj != pe {
                problems.push(format!("`{k}`: placeholders differ: ja {pj:?}, en {pe:?}"));
            }
            let (tj, te) = (record_times(ja_text), record_times(en_text));
            if tj != te {
                problems.push(format!(
                    "`{k}`: record times differ (DD-HH:MM, PDT): ja {tj:?}, en {te:?}"
                ));
            }
            if ja_text.trim().is_empty() || en_text.trim().is_empty() {
                problems.push(format!("`{k}`: empty translation"));
            }
        }
    }
    for (lang, table) in LANGS.iter().zip(&tables) {
        for (k, text) in table {
            for piece in token::pieces(text) {
                if let token::Piece::Bad(bad) = piece {
                    problems.push(format!(
                        "`{k}` ({lang}): malformed time token `{bad}` (write {{t:DD-HH:MM}} or {{tt:DD-HH:MM}}, DD 19-21, PDT)"
                    ));
                }
            }
        }
    }
    for k in ja.keys() {
        if !k
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_')
        {
            problems.push(format!("`{k}`: keys use a-z, 0-9, `.` and `_` only"));
        }
    }
    let mut seen = BTreeMap::new();
    for k in ja.keys() {
        if let Some(other) = seen.insert(variant(k), k) {
            problems.push(format!(
                "`{k}` and `{other}` map to the same name {}",
                variant(k)
            ));
        }
    }
    if !problems.is_empty() {
        panic!("locale files disagree:\n  {}", problems.join("\n  "));
    }

    let mut code = String::new();
    code.push_str("/// One reader-facing message; its text per language is in `locales/`.\n");
    code.push_str("#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]\n");
    code.push_str("#[allow(dead_code)]\npub enum Key {\n");
    for k in ja.keys() {
        let _ = writeln!(code, "    /// `{k}`\n    {},", variant(k));
    }
    code.push_str("}\n\nimpl Key {\n    /// Every key, in the order of the locale files.\n");
    let _ = writeln!(code, "    pub const ALL: [Key; {}] = [", ja.len());
    for k in ja.keys() {
        let _ = writeln!(code, "        Key::{},", variant(k));
    }
    code.push_str("    ];\n\n    /// The key as written in the locale files.\n");
    code.push_str("    pub const fn name(self) -> &'static str {\n        match self {\n");
    for k in ja.keys() {
        let _ = writeln!(code, "            Key::{} => {k:?},", variant(k));
    }
    code.push_str("        }\n    }\n}\n\n");
    for (lang, table) in LANGS.iter().zip(&tables) {
        let _ = writeln!(
            code,
            "pub(crate) const {}: [&str; {}] = [",
            lang.to_uppercase(),
            table.len()
        );
        for text in table.values() {
            let _ = writeln!(code, "    {text:?},");
        }
        code.push_str("];\n\n");
    }
    std::fs::write(Path::new(&out_dir).join("messages.rs"), code).expect("write messages.rs");
}

/// `app.title` -> `AppTitle`, `ch1.beat_2` -> `Ch1Beat2`.
fn variant(key: &str) -> String {
    key.split(['.', '_'])
        .map(|part| {
            let mut c = part.chars();
            match c.next() {
                Some(first) => first.to_ascii_uppercase().to_string() + c.as_str(),
                None => String::new(),
            }
        })
        .collect()
}

/// The sorted `{name}` placeholders of one message (time tokens aside).
fn placeholders(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for piece in token::pieces(text) {
        let token::Piece::Text(mut rest) = piece else {
            continue;
        };
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            match after.find('}') {
                Some(close) => {
                    found.push(after[..close].to_string());
                    rest = &after[close + 1..];
                }
                None => break,
            }
        }
    }
    found.sort();
    found
}

/// The record times a message mentions (`DD-HH:MM`, PDT), sorted and
/// unique, whether shown alone (`t`) or with the other zone (`tt`).
fn record_times(text: &str) -> Vec<String> {
    let mut found: Vec<String> = token::pieces(text)
        .into_iter()
        .filter_map(|p| match p {
            token::Piece::Token(t) => Some(format!("{}-{:02}:{:02}", t.day, t.hour, t.minute)),
            _ => None,
        })
        .collect();
    found.sort();
    found.dedup();
    found
}
