//! Prints the story (both languages, every beat) as HTML to the file named
//! by the first argument, or to standard output.

fn main() {
    let html = dns_race_sitegen::prerender();
    match std::env::args().nth(1) {
        Some(path) => std::fs::write(&path, html).unwrap_or_else(|e| panic!("{path}: {e}")),
        None => print!("{html}"),
    }
}
