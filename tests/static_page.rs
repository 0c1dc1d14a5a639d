//! index.html carries the generated first screen and no-JavaScript summary;
//! this keeps it equal to what the story's data says. To refresh it after a
//! change to the words: `UPDATE_STATIC=1 cargo test --test static_page`.

use dns_race_explainer::story::static_page::{BEGIN, END, body_fragment};

#[test]
fn index_html_carries_the_generated_first_screen_and_summary() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/index.html");
    let html = std::fs::read_to_string(path).expect("index.html");
    let (head, rest) = html
        .split_once(BEGIN)
        .expect("index.html has the static:begin marker");
    let (current, tail) = rest
        .split_once(END)
        .expect("index.html has the static:end marker");
    let wanted = body_fragment();
    if current != wanted {
        if std::env::var_os("UPDATE_STATIC").is_some() {
            std::fs::write(path, format!("{head}{BEGIN}{wanted}{END}{tail}"))
                .expect("write index.html");
            return;
        }
        panic!(
            "index.html's static part is stale: run `UPDATE_STATIC=1 cargo test --test static_page`"
        );
    }
    // Every sentence of the first screen is there in both languages.
    assert!(wanted.contains("lang=\"ja\"") && wanted.contains("lang=\"en\""));
    assert!(!wanted.contains('{'), "no unfilled placeholder");
}
