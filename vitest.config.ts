// Two tiers run by `npm test` (see scripts/test.mjs); Playwright's e2e tier lives in e2e/.
//   unit:        *.test.ts      pure logic and in-process HTTP servers; no Postgres or Redis
//   integration: *.int.test.ts  real Postgres and Redis, brought up by the global setup
import { defineConfig } from "vitest/config";

const shared = { exclude: ["**/node_modules/**", "**/.next/**", "e2e/**"] };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: "unit",
          include: ["{apps,packages,prisma,scripts}/**/*.test.ts"],
          exclude: [...shared.exclude, "**/*.int.test.ts"],
        },
      },
      {
        test: {
          ...shared,
          name: "integration",
          include: ["{apps,packages,prisma,scripts}/**/*.int.test.ts"],
          globalSetup: ["packages/dev-stack/src/vitest-global-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
