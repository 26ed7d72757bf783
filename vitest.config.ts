import { defineConfig } from "vitest/config";

const sources = ["packages", "subgraphs", "router", "storefront"];

// Tests use the `_test` twin of every domain database, also when one file is run by hand, so
// they never write into what `npm start` serves (scripts/test sets the same).
process.env.PGDATABASE_SUFFIX ??= "_test";
// ... and their own topic namespace, so test events never reach what `npm start` consumes.
process.env.KAFKA_TOPIC_PREFIX ??= "test.";

// Two projects: `unit` needs no services; `integration` runs against the real local stack that
// tests/setup/stack.ts brings up (PostgreSQL, Redis, Kafka) and fails fast when it cannot.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          sequence: { groupOrder: 0 },
          include: [...sources.map((dir) => `${dir}/**/test/**/*.test.ts`), "tests/**/*.test.ts"],
          exclude: ["**/node_modules/**", "**/*.int.test.ts"],
        },
      },
      {
        test: {
          name: "integration",
          sequence: { groupOrder: 1 },
          include: [...sources.map((dir) => `${dir}/**/test/**/*.int.test.ts`), "tests/**/*.int.test.ts"],
          exclude: ["**/node_modules/**"],
          globalSetup: ["tests/setup/stack.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: true,
          maxWorkers: 2,
        },
      },
    ],
  },
});
