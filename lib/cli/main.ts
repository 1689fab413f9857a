/**
 * `npx rca <test id> --<input> <value>… [--json] [--server <url>] [--lang <en|it>]`: runs a test in-process with the
 * same analyzers, schemas and environment variables as the app, stores nothing, prints the steps (in English, or in
 * the `--lang` language; the result JSON is always English) and exits
 * 0 success, 1 warning, 2 error, 64 bad input. Started by bin/rca.mjs (tsx, --conditions=react-server).
 */
import { analyzerOf, TestInputSchema } from "@/lib/analyzers/catalog";
import { runTest } from "@/lib/analyzers/run";
import { TestResultSchema, type TestResult } from "@/lib/engine/types";
import { setLogDestination } from "@/lib/log/logger";
import {
  EXIT_USAGE,
  exitCodeOf,
  formatPermalink,
  formatResult,
  globalHelp,
  issueLines,
  parseCommandLine,
  testHelp,
  textsFor,
  wantsColour,
  type ResultTexts,
} from "./format";

interface Output {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  colour: boolean;
}

/** The API's answer to POST /api/tests. */
interface CreatedRun {
  id: string;
  url: string;
  deleteToken?: string;
  result: TestResult;
}

interface ApiErrorAnswer {
  error?: { message?: string; issues?: Array<{ path: string; message: string }> };
}

async function runOnServer(server: string, input: Record<string, unknown>, json: boolean, texts: ResultTexts, out: Output): Promise<number> {
  const base = server.endsWith("/") ? server : `${server}/`;
  const endpoint = new URL("api/tests", base);
  if (endpoint.protocol === "http:" && input.password !== undefined && !/^(localhost|127\.|\[::1\])/.test(endpoint.host)) {
    out.stderr(`rca: warning: the password is sent to ${endpoint.origin} without TLS.\n`);
  }
  let response: Response;
  try {
    response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify(input),
    });
  } catch (error) {
    out.stderr(`rca: can't reach ${endpoint.origin}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const body = (await response.json().catch(() => undefined)) as (CreatedRun & ApiErrorAnswer) | undefined;
  if (response.status !== 201 || !body) {
    const message = body?.error?.message ?? `${endpoint.origin} answered ${response.status}.`;
    out.stderr(`rca: ${message}\n`);
    for (const issue of body?.error?.issues ?? []) out.stderr(`${issue.path}: ${issue.message}\n`);
    const retryAfter = response.headers.get("retry-after");
    if (retryAfter) out.stderr(`Try again in ${retryAfter} s.\n`);
    return response.status === 400 ? EXIT_USAGE : 2;
  }
  const result = TestResultSchema.parse(body.result);
  const permalink = new URL(body.url, base).href;
  if (json) {
    out.stdout(JSON.stringify({ id: body.id, url: permalink, deleteToken: body.deleteToken, result }, null, 2) + "\n");
  } else {
    out.stdout(formatResult(result, { colour: out.colour }, texts));
    out.stdout(formatPermalink(permalink, texts));
  }
  return exitCodeOf(result.verdict);
}

/** Runs the command line and answers the exit code. */
export async function main(argv: readonly string[], out: Output): Promise<number> {
  const request = parseCommandLine(argv);
  if (request.kind === "usage-error") {
    out.stderr(`rca: ${request.message}\n`);
    return EXIT_USAGE;
  }
  if (request.kind === "help") {
    const analyzer = request.test ? analyzerOf(request.test) : undefined;
    out.stdout(analyzer ? testHelp(analyzer) : globalHelp());
    return 0;
  }
  // The same schema and messages as the API, before anything is sent anywhere.
  const parsed = TestInputSchema.safeParse(request.input);
  if (!parsed.success) {
    out.stderr(`rca: invalid input for ${request.test}:\n`);
    for (const line of issueLines(parsed.error)) out.stderr(`${line}\n`);
    return EXIT_USAGE;
  }
  const texts = textsFor(request.lang);
  if (request.server) return runOnServer(request.server, request.input, request.json, texts, out);

  // Stdout is the command's output (steps, or the JSON): log lines go to stderr.
  setLogDestination(process.stderr);
  const result = await runTest(parsed.data);
  out.stdout(request.json ? JSON.stringify(result, null, 2) + "\n" : formatResult(result, { colour: out.colour }, texts));
  return exitCodeOf(result.verdict);
}

/** Writes everything, then exits: a pipe reader gets the whole output even with process.exit. */
function write(stream: NodeJS.WriteStream): (text: string) => void {
  return (text) => {
    stream.write(text);
  };
}

main(process.argv.slice(2), { stdout: write(process.stdout), stderr: write(process.stderr), colour: wantsColour(process.stdout.isTTY, process.env) })
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error: unknown) => {
    process.stderr.write(`rca: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  })
  .finally(() => {
    // Lingering handles (the c-ares resolver, keep-alive sockets) must not hold the process open.
    setTimeout(() => process.exit(), 50).unref();
  });
