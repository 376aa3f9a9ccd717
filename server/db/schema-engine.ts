// Prisma's schema engine compiled to WebAssembly, driven by hand: its package entry uses an
// ESM wasm import that Node 20 cannot load, and the native engine cannot be downloaded offline.
// Haven uses it only to turn schema.prisma changes into migration SQL (datamodel → datamodel
// diffs need no introspection, which the engine cannot do on PGlite's PostgreSQL 18).
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { startEmbeddedPostgres } from "./embedded";

type DiffTarget =
  | { tag: "empty" }
  | { tag: "schemaDatamodel"; files: { path: string; content: string }[] };

type Engine = {
  diff(params: {
    from: DiffTarget;
    to: DiffTarget;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
};

type Bindings = {
  __wbg_set_wasm(exports: WebAssembly.Exports): void;
  SchemaEngine: { new: (options: unknown, log: (line: string) => void, adapter: unknown) => Promise<Engine> };
};

let bindings: Bindings | null = null;

async function loadBindings(): Promise<Bindings> {
  if (bindings) return bindings;
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  let panic = "";
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => {
      panic = message;
    },
  };
  const glue = (await import(path.join(dir, "schema_engine_bg.js"))) as Bindings & WebAssembly.ModuleImports;
  const wasmModule = new WebAssembly.Module(fs.readFileSync(path.join(dir, "schema_engine_bg.wasm")));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as (() => void) | undefined)?.();
  process.on("exit", () => panic && console.error(`schema engine panic: ${panic}`));
  bindings = glue;
  return glue;
}

export type SchemaSource = { path: string; content: string } | null;

/** SQL that turns a database shaped like `from` (null = empty) into one shaped like `to`. */
export async function diffDatamodels(from: SchemaSource, to: SchemaSource): Promise<string> {
  const glue = await loadBindings();
  // The engine insists on a live connection even for a pure datamodel diff: a throwaway PGlite.
  const scratch = await startEmbeddedPostgres({ dataDir: null, maxConnections: 2 });
  try {
    const adapter = new PrismaPg({ connectionString: scratch.url });
    const factory = bindMigrationAwareSqlAdapterFactory(adapter);
    const anchor = to ?? from;
    const engine = await glue.SchemaEngine.new(
      { datamodels: anchor ? [[anchor.path, anchor.content]] : undefined },
      () => {},
      factory,
    );
    const target = (source: SchemaSource): DiffTarget =>
      source ? { tag: "schemaDatamodel", files: [source] } : { tag: "empty" };
    const result = await engine.diff({
      from: target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql = result.stdout ?? "";
    return /^\s*(-- This is an empty migration\.)?\s*$/.test(sql) ? "" : sql;
  } finally {
    await scratch.stop();
  }
}
