// Starts the WebAssembly app. It is a file, not an inline script, so the page's
// Content-Security-Policy can forbid inline script. Trunk writes the hashed
// names of the glue module and the wasm file into this tag's data attributes.
const tag = document.querySelector('script[data-js][data-wasm]');

// The words come from the page (data-load-error on #boot, "{error}" marking
// the browser's reason), so one loader serves every language's page.
function showLoadError(err) {
  const box = document.getElementById('boot');
  if (box) {
    const reason = String(err && err.message || err);
    box.hidden = false;
    box.classList.add('boot-error');
    box.textContent = (box.dataset.loadError || '{error}').replace('{error}', () => reason);
  }
}

try {
  // The marks let `make bench` split the start-up time into its parts.
  performance.mark('caplens:loader');
  // Compile the wasm while the glue module loads, not after it: the page
  // preloads both, so the bytes are usually here already. Where streaming
  // compilation is missing or refused (a host sending the wasm without
  // `application/wasm`), the glue gets the URL and uses its own fallback.
  const wasm = tag.dataset.wasm;
  const compiled = typeof WebAssembly.compileStreaming === 'function'
    ? WebAssembly.compileStreaming(fetch(wasm)).catch(() => wasm)
    : Promise.resolve(wasm);
  const glue = await import(tag.dataset.js);
  performance.mark('caplens:glue');
  await glue.default({ module_or_path: await compiled });
  performance.mark('caplens:started');
} catch (err) {
  // A wasm panic surfaces here too, but then the panic hook has already
  // shown its own message; only report failures to start.
  if (!document.getElementById('panic')) showLoadError(err);
  throw err;
}
