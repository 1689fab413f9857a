// Runs once when the server starts: a bad configuration or an unusable store stops the app now, with a
// message naming the variable, instead of failing the first test after it has already run.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/config/env");
  // A worker serves nothing: one started as the web server by mistake would answer pages without running tests.
  if (env().RCA_ROLE === "worker") {
    process.stderr.write('rca: RCA_ROLE is "worker": start workers with `npm run worker`; `npm start` serves pages (RCA_ROLE=web or all).\n');
    process.exit(78); // EX_CONFIG
  }
  const { resultStore } = await import("./lib/store");
  resultStore();
}
