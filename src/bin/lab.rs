//! Entry point of the lab's wasm: the app with the lab's views registered
//! (`ui::mount_lab`). The page's loader picks this wasm for an address that
//! opens the lab (`?view=playground`, `?embed=playground`) and the story's
//! (`src/main.rs`) for every other, so a reader of the story never downloads
//! the lab.

fn main() {
    console_error_panic_hook::set_once();
    dns_race_explainer::ui::mount_lab();
}
