// Runs once when the server starts: a bad configuration or an unusable store stops the app now, with a
// message naming the variable, instead of failing the first test after it has already run.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("./lib/config/env");
  env();
  const { resultStore } = await import("./lib/store");
  resultStore();
}
