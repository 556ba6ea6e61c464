//! WebAssembly entry point: mounts the Yew app into the page.
fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<caplens::ui::App>::new().render();
}
