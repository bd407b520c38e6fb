// ESLint for the hand-written code: the recommended rules of ESLint and typescript-eslint, with type
// information. Generated code (generated/, golden files) is made by the compiler and checked by tsc.

import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "generated/",
      "site/",
      ".tmp/",
      "node_modules/",
      "test/fixtures/**/expected/",
      "eslint.config.js",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ["vitest.config.ts"] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
);
