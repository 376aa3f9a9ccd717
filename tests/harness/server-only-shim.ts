// Lets a plain Node process (tsx) import Haven's server modules: `server-only` throws outside
// React's server build, so pre-fill its slot in the CommonJS cache with an empty module.
// Node 20's ESM loader links a script's whole static import graph before any of it runs, and
// asserts (ERR_INTERNAL_ASSERTION) when a linked CommonJS module's cache slot is replaced later: a
// script must import this shim statically and the modules that reach `server-only` dynamically
// (`await import(…)`) after it. Under `--conditions=react-server` the package is already empty.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const resolved = require.resolve("server-only");
if (!resolved.endsWith("empty.js")) {
  require.cache[resolved] = { id: resolved, filename: resolved, loaded: true, exports: {} } as NodeJS.Module;
}
