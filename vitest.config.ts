import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { LastCheckSequencer } from "./tests/support/sequencer";

const root = fileURLToPath(new URL(".", import.meta.url));
const alias = {
  "@/": root,
  // "server-only" guards Next bundles against leaking server code to the browser; under Vitest it is a no-op.
  "server-only": fileURLToPath(new URL("./tests/support/server-only.ts", import.meta.url)),
};

export default defineConfig({
  resolve: { alias },
  test: {
    // The declared-problem check runs after every integration scenario.
    sequence: { sequencer: LastCheckSequencer },
    // A committed .only fails under CI.
    allowOnly: !process.env.CI,
    projects: [
      { resolve: { alias }, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/integration-setup.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // Loopback servers and dnsmasq are shared per file; files run one at a time to keep ports predictable.
          fileParallelism: false,
        },
      },
    ],
  },
});
