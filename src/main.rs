//! Entry point: install the panic hook and mount the app. Nothing else.

fn main() {
    console_error_panic_hook::set_once();
    dns_race_explainer::ui::mount();
}
