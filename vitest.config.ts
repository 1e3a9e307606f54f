// Two tiers run by `npm test` (see scripts/test.mjs); Playwright's e2e tier lives in e2e/.
//   unit:        *.test.ts      pure logic and in-process HTTP servers; no Postgres or Redis
//   integration: *.int.test.ts  real Postgres and Redis, brought up by the global setup
import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

// graphql ships CJS (main) and ESM (module) builds without an exports map. Node gives libraries
// (type-graphql, Apollo) the CJS one, Vite would give our sources the ESM one, and graphql refuses
// to mix objects from two copies. Everyone gets the one Node picks.
const graphqlEntry = createRequire(new URL("./apps/api/package.json", import.meta.url)).resolve("graphql");

const shared = { exclude: ["**/node_modules/**", "**/.next/**", "e2e/**"] };

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          ...shared,
          name: "unit",
          include: ["{apps,packages,prisma,scripts,bench}/**/*.test.ts"],
          exclude: [...shared.exclude, "**/*.int.test.ts"],
        },
      },
      {
        extends: true,
        test: {
          ...shared,
          name: "integration",
          include: ["{apps,packages,prisma,scripts}/**/*.int.test.ts"],
          globalSetup: ["packages/dev-stack/src/vitest-global-setup.ts"],
          // One file at a time: these files start real processes and measure request rates and
          // time-outs, which two files competing for this machine's two cores would distort.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
