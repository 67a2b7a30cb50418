// ESLint flat config: see docs/decisions/019-lint-and-format.md.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "build/",
    "public/build/",
    ".cache/",
    "data/",
    "backups/",
    "test-results/",
    "playwright-report/",
    "tests/.tmp/",
    "db/migrations/",
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat.recommended,
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.browser },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
      // Our own components take a `role` prop that names a staff role (<StaffStart role="admin">), not an ARIA role.
      "jsx-a11y/aria-role": ["error", { ignoreNonDOM: true }],
      // A table too wide for a phone scrolls in its own box, which keyboard users must reach (WCAG 2.1.1, axe's
      // scrollable-region-focusable): a named role="region" with tabIndex={0} is the fix, so regions may be focusable.
      "jsx-a11y/no-noninteractive-tabindex": [
        "error",
        { tags: [], roles: ["tabpanel", "region"], allowExpressionValues: true },
      ],
    },
  },
  {
    // Links go through app/components/Link.tsx and translations through app/i18n/use-translation.ts (decision 020).
    files: ["app/**"],
    ignores: ["app/components/Link.tsx", "app/i18n/use-translation.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@remix-run/react",
              importNames: ["Link"],
              message: "Use Link from app/components/Link.tsx (a plain anchor where that is enough; decision 020).",
            },
            {
              name: "react-i18next",
              importNames: ["useTranslation"],
              message: "Use useTranslation from app/i18n/use-translation.ts (one answer per instance; decision 020).",
            },
          ],
        },
      ],
    },
  },
  {
    // Playwright hands each fixture a callback named `use`; these are not React hooks.
    files: ["tests/e2e/**", "tests/support/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  // Last, so it switches off every stylistic rule Prettier owns.
  prettier,
);
