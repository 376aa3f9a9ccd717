// Lets a plain Node process (tsx) import Haven's server modules: `server-only` throws outside
// React's server build, so pre-fill its slot in the CommonJS cache with an empty module.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const resolved = require.resolve("server-only");
require.cache[resolved] = { id: resolved, filename: resolved, loaded: true, exports: {} } as NodeJS.Module;
