import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI downloads a native schema engine before `generate` unless one is named here.
// Offline machines cannot download it; generate/validate/format only need WebAssembly,
// and migrations run through server/db/migrate (the wasm engine). A real binary still wins.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  import.meta.dirname,
  "prisma/engine/no-native-engine.sh",
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
