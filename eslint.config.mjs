// ESLint: Next's rules (React, hooks, accessibility, Core Web Vitals) with typescript-eslint, an import order,
// and eslint-config-prettier last so that formatting is Prettier's alone. `npm run lint` allows no warning.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  { ignores: [".next/**", "node_modules/**", "test-results/**", "data/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "import/order": [
        "warn",
        {
          groups: ["builtin", "external", "internal", ["parent", "sibling", "index"], "type"],
          pathGroups: [{ pattern: "@/**", group: "internal" }],
          pathGroupsExcludedImportTypes: ["builtin"],
          alphabetize: { order: "asc", caseInsensitive: true },
          "newlines-between": "never",
        },
      ],
      "@typescript-eslint/no-unused-vars": ["warn", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["warn", { fixStyle: "inline-type-imports" }],
      // zod must be configured before any schema is built (lib/validation/zod.ts).
      "no-restricted-imports": [
        "warn",
        { paths: [{ name: "zod", message: 'Import z from "@/lib/validation/zod" (configured for the pages\' CSP).', allowTypeImports: true }] },
      ],
    },
  },
  { files: ["lib/validation/zod.ts"], rules: { "no-restricted-imports": "off" } },
  prettier,
];

export default config;
