//! WebAssembly entry point: installs the panic hook, then mounts the Yew app.

// Talc in place of Rust's default dlmalloc: a smaller module and faster
// allocation (the 1 MB manifest allocates a great deal); the page is single-
// threaded, which is what this allocator is for.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
fn main() {
    #[cfg(target_arch = "wasm32")]
    {
        // For `make bench`: splits start-up into compile (before this mark) and first render (after).
        if let Some(perf) = gloo::utils::window().performance() {
            let _ = perf.mark("caplens:main");
        }
        caplens_web::panic::install();
        let doc = gloo::utils::document();
        // The static "Loading…" line is only for the moment before wasm runs.
        if let Some(boot) = doc.get_element_by_id("boot") {
            boot.remove();
        }
        match doc.get_element_by_id("app") {
            Some(root) => yew::Renderer::<caplens_web::App>::with_root(root).render(),
            None => yew::Renderer::<caplens_web::App>::new().render(),
        };
    }
}
