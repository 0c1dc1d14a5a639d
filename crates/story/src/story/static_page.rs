//! Markup helpers shared by every page and picture written as HTML or SVG
//! text (the app's pictures, the classroom pages, the page generator).

/// Text for HTML or SVG markup, inside elements and in double-quoted
/// attributes: the one escape every page and picture written as markup uses.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
