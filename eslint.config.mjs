import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      ...jsxA11y.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Layers (README "Architecture"): server code never reaches up into the UI or the routes;
  // components use the database, services and routers only as types (data comes through tRPC);
  // pages and layouts reach the database through services or tRPC, never Prisma directly.
  {
    files: ["server/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["@/components/*", "@/app/*", "**/components/*", "**/app/*"], message: "server/ never imports components/ or app/: move the shared piece into server/." }],
      }],
    },
  },
  {
    files: ["server/services/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        paths: ["../db", "../../db", "../../../db", "@/server/db", "../db/index", "../../db/index"].map((name) => ({
          name,
          allowTypeImports: true,
          message: "Services take a db from their caller; the per-process client (server/db) is for routers, the request layer and CLIs.",
        })),
        patterns: [
          { group: ["**/request/*", "**/trpc/*", "next/*", "@trpc/*"], allowTypeImports: true, message: "Services know nothing of HTTP or tRPC: throw AppError and return data." },
        ],
      }],
    },
  },
  {
    files: ["server/schemas/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["../*", "@/*"], message: "server/schemas is shared with the browser: zod and its own files only." }],
      }],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [{
          group: ["@/server/db", "@/server/db/*", "@/server/services/*", "@/server/routers/*", "@/server/generated/*", "**/server/db", "**/server/db/*", "**/server/services/*", "**/server/routers/*", "**/server/generated/*"],
          allowTypeImports: true,
          message: "Components get data through tRPC (server/trpc/react) and share zod schemas (server/schemas); the database, services and routers only as types.",
        }],
      }],
    },
  },
  {
    files: ["app/**/page.tsx", "app/**/layout.tsx"],
    rules: {
      "no-restricted-imports": ["error", {
        patterns: [{ group: ["@/server/db", "@/server/db/*", "@/server/generated/*", "**/server/db", "**/server/generated/*"], message: "Pages reach the database through a service or tRPC, not Prisma directly." }],
      }],
    },
  },
  {
    // Every string a caller sends must refuse NUL bytes and lone surrogates: build it with
    // text()/id() from server/schemas/text.ts (tests/unit/storable-text.test.ts checks the result).
    // Services count too: they decode cursors and other opaque values that come from callers.
    files: ["server/schemas/**/*.ts", "server/routers/**/*.ts", "server/services/**/*.ts"],
    ignores: ["server/schemas/text.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.type='MemberExpression'][callee.object.name='z'][callee.property.name='string']",
          message: "Use text() from server/schemas/text.ts: it refuses NUL bytes and lone surrogates before they reach PostgreSQL.",
        },
      ],
    },
  },
  {
    ignores: [".next*/**", "node_modules/**", "server/generated/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".data/**", "tests/screenshots/out/**"],
  },
];

export default config;
