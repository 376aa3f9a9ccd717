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
