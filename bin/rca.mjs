#!/usr/bin/env node
// `npx rca`: re-runs Node on lib/cli/main.ts with tsx (TypeScript, the @/ paths of tsconfig.json) and the
// react-server condition (under which the `server-only` package is a no-op), forwarding argv, stdio and the exit code.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// tsx resolved from this package, so the launcher works from any directory.
const tsx = pathToFileURL(createRequire(join(root, "package.json")).resolve("tsx")).href;

const child = spawn(process.execPath, ["--conditions=react-server", "--import", tsx, join(root, "lib", "cli", "main.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, TSX_TSCONFIG_PATH: process.env.TSX_TSCONFIG_PATH ?? join(root, "tsconfig.json") },
});

// Ctrl-C and kill reach the child, which decides how to end.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));

child.on("error", (error) => {
  process.stderr.write(`rca: can't start ${process.execPath}: ${error.message}\n`);
  process.exit(2);
});
child.on("exit", (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 2);
});
