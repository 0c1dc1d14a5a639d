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
//!
//! Each message with placeholders also gets a typed message, `msg::Name`
//! (the `Key` variant's name): a struct with one `&str` field per
//! placeholder, implementing `i18n::Message`, so a call that leaves one out,
//! misspells one or names one the text lacks fails to compile. A placeholder
//! whose name is not a Rust identifier gets a mapped field name (see
//! [`field`]); a name that cannot be mapped, or two that map to one field,
//! fail the build. The structs fill through the one shared `i18n::fill`, so
//! they add no formatting code of their own to the wasm.

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
        let path = format!("../../locales/{lang}.json");
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
                        "`{k}` ({lang}): malformed time token `{bad}` (write {{t:DD-HH:MM}}, {{tt:DD-HH:MM}} or {{tw:DD-HH:MM}}, DD 19-21, PDT)"
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
    // The typed messages' field names: one per placeholder, distinct.
    for (k, text) in ja {
        let names = unique(placeholders(text));
        let mut fields = BTreeMap::new();
        for name in &names {
            match field(name) {
                Some(f) => {
                    if let Some(other) = fields.insert(f.clone(), name) {
                        problems.push(format!(
                            "`{k}`: placeholders `{{{other}}}` and `{{{name}}}` both become the field `{f}`"
                        ));
                    }
                }
                None => problems.push(format!(
                    "`{k}`: `{{{name}}}` cannot name a field (a placeholder name is ASCII letters, digits, `_`, `-` or `.`)"
                )),
            }
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
    typed_messages(&mut code, ja, en);
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

/// Each name once, in order (`placeholders` gives them sorted).
fn unique(mut names: Vec<String>) -> Vec<String> {
    names.dedup();
    names
}

/// The Rust field for a placeholder: the name itself when it is one
/// (`down_time`), else mapped: ASCII lowercased, `-` and `.` to `_`, a
/// leading digit behind `p`, a keyword with `_` after (`type` -> `type_`).
/// `None` for a name with nothing to map from (empty, spaces, other
/// scripts).
fn field(name: &str) -> Option<String> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        || !name.chars().any(|c| c.is_ascii_alphanumeric())
    {
        return None;
    }
    let mut f: String = name
        .chars()
        .map(|c| match c {
            '-' | '.' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    if f.starts_with(|c: char| c.is_ascii_digit()) {
        f.insert(0, 'p');
    }
    const KEYWORDS: [&str; 52] = [
        "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
        "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
        "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
        "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type",
        "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
    ];
    if KEYWORDS.contains(&f.as_str()) || f.chars().all(|c| c == '_') {
        f.push('_');
    }
    Some(f)
}

/// A message's texts as a plain-text block of a rustdoc comment.
fn doc_block(code: &mut String, indent: &str, texts: &[(&str, &str)]) {
    let fence = if texts.iter().any(|(_, t)| t.contains("```")) {
        "~~~~"
    } else {
        "```"
    };
    let _ = writeln!(code, "{indent}/// {fence}text");
    for (label, text) in texts {
        for (i, line) in text.lines().enumerate() {
            let lead = if i == 0 { label } else { "    " };
            let _ = writeln!(code, "{indent}/// {lead}{line}");
        }
    }
    let _ = writeln!(code, "{indent}/// {fence}");
}

/// `Key::placeholders`, the `Message` structs of `msg` (one per message
/// with placeholders) and a test that fills each in both languages.
fn typed_messages(code: &mut String, ja: &BTreeMap<String, String>, en: &BTreeMap<String, String>) {
    let with: Vec<(&String, Vec<String>)> = ja
        .iter()
        .map(|(k, text)| (k, unique(placeholders(text))))
        .filter(|(_, names)| !names.is_empty())
        .collect();
    let list = |names: &[String]| -> String {
        let quoted: Vec<String> = names.iter().map(|n| format!("{n:?}")).collect();
        format!("&[{}]", quoted.join(", "))
    };

    code.push_str("impl Key {\n");
    code.push_str(
        "    /// The message's `{placeholders}` (time tokens aside), sorted, each once;\n",
    );
    code.push_str("    /// empty for a message without any.\n");
    code.push_str("    pub const fn placeholders(self) -> &'static [&'static str] {\n");
    code.push_str("        match self {\n");
    for (k, names) in &with {
        let _ = writeln!(code, "            Key::{} => {},", variant(k), list(names));
    }
    if with.len() < ja.len() {
        code.push_str("            _ => &[],\n");
    }
    code.push_str("        }\n    }\n}\n\n");

    code.push_str("/// Typed messages: a struct per message with `{placeholders}`, one `&str`\n");
    code.push_str("/// field per placeholder, so a call that misses, misspells or adds one\n");
    code.push_str("/// does not compile. Show one with [`crate::i18n::Lang::message`],\n");
    code.push_str("/// [`crate::time::Clock::message`] or `ui::clock::say_msg`; see\n");
    code.push_str("/// [`crate::i18n::Message`].\n");
    code.push_str("pub mod msg {\n");
    for (k, names) in &with {
        let name = variant(k);
        let _ = writeln!(code, "    /// Fills `{k}`:\n    ///");
        doc_block(code, "    ", &[("ja: ", &ja[*k]), ("en: ", &en[*k])]);
        code.push_str("    #[derive(Clone, Copy, Debug)]\n");
        let _ = writeln!(code, "    pub struct {name}<'a> {{");
        for n in names {
            let f = field(n).expect("checked in main");
            let _ = writeln!(code, "        /// `{{{n}}}`\n        pub {f}: &'a str,");
        }
        code.push_str("    }\n\n");
        let _ = writeln!(code, "    impl super::Message for {name}<'_> {{");
        let _ = writeln!(code, "        const KEY: super::Key = super::Key::{name};");
        let _ = writeln!(
            code,
            "        const NAMES: &'static [&'static str] = {};",
            list(names)
        );
        let _ = writeln!(
            code,
            "        const TIMED: bool = {};",
            !record_times(&ja[*k]).is_empty()
        );
        code.push_str("        fn fill_in(&self, template: &str) -> String {\n");
        let args: Vec<String> = names
            .iter()
            .map(|n| format!("({n:?}, self.{})", field(n).expect("checked in main")))
            .collect();
        let _ = writeln!(
            code,
            "            super::fill(template, &[{}])",
            args.join(", ")
        );
        code.push_str("        }\n    }\n\n");
    }

    // Fill every message in both languages with recognisable values: no
    // placeholder may stay, every value must land, the struct must name the
    // same placeholders as the key.
    code.push_str("    #[cfg(test)]\n    mod tests {\n");
    code.push_str("        use super::super::{Lang, Message};\n\n");
    code.push_str("        fn check<M: Message>(m: &M) {\n");
    code.push_str(
        "            assert_eq!(M::NAMES, M::KEY.placeholders(), \"{}\", M::KEY.name());\n",
    );
    code.push_str("            for lang in Lang::ALL {\n");
    code.push_str("                let shown = m.fill_in(lang.text(M::KEY));\n");
    code.push_str("                for name in M::NAMES {\n");
    code.push_str("                    assert!(!shown.contains(&format!(\"{{{name}}}\")), \"{lang:?} {}: {shown}\", M::KEY.name());\n");
    code.push_str("                    assert!(shown.contains(&format!(\"<{name}>\")), \"{lang:?} {}: {shown}\", M::KEY.name());\n");
    code.push_str("                }\n            }\n        }\n\n");
    code.push_str("        #[test]\n        fn every_message_fills_each_of_its_placeholders() {\n");
    for (k, names) in &with {
        let fields: Vec<String> = names
            .iter()
            .map(|n| format!("{}: \"<{n}>\"", field(n).expect("checked in main")))
            .collect();
        let _ = writeln!(
            code,
            "            check(&super::{} {{ {} }});",
            variant(k),
            fields.join(", ")
        );
    }
    code.push_str("        }\n    }\n}\n");
}
