import net from "node:net";
import tls from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ProblemError } from "@/lib/engine/problem-error";
import { LIMITS } from "@/lib/net/limits";
import { LineClient, Transcript } from "@/lib/net/mail/line-client";
import { startLineServer, trickle, type LineServerOptions, type RunningLineServer } from "../support/line-server";
import { chainPem, createTestPki, type TestPki } from "../support/pki";

/** LineClient against tiny servers on 127.0.130.x: every hostile behaviour ends in one clear ProblemError, on time. */

const TIMEOUT_MS = 400;
const servers: RunningLineServer[] = [];
const clients: LineClient[] = [];
let pki: TestPki;
let certificate: { cert: string; key: string };

beforeAll(async () => {
  pki = await createTestPki();
  const leaf = await pki.issueLeaf({ commonName: "lines.contoso.test", dnsNames: ["lines.contoso.test"] });
  certificate = { cert: chainPem(leaf, pki.intermediate), key: leaf.keyPem };
});
afterAll(() => pki.cleanup());
afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function connect(address: string, options: Omit<LineServerOptions, "host">): Promise<{ client: LineClient; server: RunningLineServer }> {
  const server = await startLineServer({ host: address, ...options });
  servers.push(server);
  const socket = net.connect(server.port, address);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("error", reject));
  const client = new LineClient(socket, { timeoutMs: TIMEOUT_MS, transcript: new Transcript(), protocol: "IMAP" });
  clients.push(client);
  return { client, server };
}

/** The ProblemError a promise rejects with, and how long that took. */
async function failure(promise: Promise<unknown>): Promise<{ problem: string; message: string; ms: number }> {
  const started = Date.now();
  try {
    await promise;
  } catch (cause) {
    if (!(cause instanceof ProblemError)) throw cause;
    return { problem: cause.problem, message: cause.message, ms: Date.now() - started };
  }
  throw new Error("expected a ProblemError");
}

const oneLine = () => true;

describe("LineClient", () => {
  it("reads a multi-line answer up to the line that ends it, and records both directions", async () => {
    const { client } = await connect("127.0.130.1", {
      onConnect: (c) => c.send("* OK ready"),
      onLine: (line, c) => c.send("* CAPABILITY IMAP4rev1 IDLE", `${line.split(" ")[0]} OK done`),
    });
    expect(await client.readAnswer(oneLine, "greeting")).toEqual(["* OK ready"]);
    await client.send("A1 CAPABILITY");
    const answer = await client.readAnswer((line) => line.startsWith("A1 "), "CAPABILITY");
    expect(answer).toEqual(["* CAPABILITY IMAP4rev1 IDLE", "A1 OK done"]);
    expect(client.transcript.since(0)).toEqual(["S: * OK ready", "C: A1 CAPABILITY", "S: * CAPABILITY IMAP4rev1 IDLE", "S: A1 OK done"]);
  });

  it("fails with PROTOCOL_TIMEOUT when the server stays silent", async () => {
    const { client } = await connect("127.0.130.2", { onConnect: () => {} });
    const { problem, ms } = await failure(client.readAnswer(oneLine, "the greeting"));
    expect(problem).toBe("PROTOCOL_TIMEOUT");
    expect(ms).toBeLessThan(TIMEOUT_MS + 300);
  });

  it("fails with PROTOCOL_TIMEOUT on time when the server sends one byte a second", async () => {
    const { client } = await connect("127.0.130.3", { onConnect: (c) => trickle(c, "* OK a very slow greeting\r\n") });
    const { problem, message, ms } = await failure(client.readAnswer(oneLine, "the greeting"));
    expect(problem).toBe("PROTOCOL_TIMEOUT");
    expect(message).toMatch(/only part of a line/);
    expect(ms).toBeLessThan(TIMEOUT_MS + 300);
  });

  it("fails with PROTOCOL_ERROR when a line never ends", async () => {
    const { client } = await connect("127.0.130.4", { onConnect: (c) => c.write(`* OK ${"x".repeat(LIMITS.mailLineBytes * 2)}`) });
    const { problem, message } = await failure(client.readAnswer(oneLine, "the greeting"));
    expect(problem).toBe("PROTOCOL_ERROR");
    expect(message).toMatch(/longer than/);
  });

  it("fails with PROTOCOL_ERROR when an answer has too many lines", async () => {
    const { client } = await connect("127.0.130.5", {
      onConnect: (c) => c.write(Array.from({ length: LIMITS.mailAnswerLines + 10 }, (_, i) => `* ${i}\r\n`).join("")),
    });
    const { problem, message } = await failure(client.readAnswer(() => false, "CAPABILITY"));
    expect(problem).toBe("PROTOCOL_ERROR");
    expect(message).toMatch(new RegExp(`more than ${LIMITS.mailAnswerLines} lines`));
  });

  it("keeps a capped transcript of a long dialog, and says how much it left out", async () => {
    const half = LIMITS.mailTranscriptLines - 50;
    const lines = (tag: string) => `${Array.from({ length: half }, (_, i) => `* ${i}\r\n`).join("")}${tag} OK\r\n`;
    const { client } = await connect("127.0.130.12", { onConnect: (c) => c.write(lines("A1") + lines("A2")) });
    await client.readAnswer((line) => line.startsWith("A1 "), "LIST");
    const mark = client.transcript.mark();
    await client.readAnswer((line) => line.startsWith("A2 "), "LIST");
    const shown = client.transcript.since(0);
    expect(shown.length).toBe(LIMITS.mailTranscriptLines + 1);
    expect(shown.at(-1)).toBe(`… ${2 * (half + 1) - LIMITS.mailTranscriptLines} more lines not kept`);
    expect(client.transcript.since(mark).length).toBe(LIMITS.mailTranscriptLines - (half + 1) + 1);
  });

  it("fails with CONNECTION_FAILED when the server resets the connection", async () => {
    const { client } = await connect("127.0.130.6", { onConnect: (c) => setTimeout(() => c.reset(), 50) });
    const { problem, ms } = await failure(client.readAnswer(oneLine, "the greeting"));
    expect(problem).toBe("CONNECTION_FAILED");
    expect(ms).toBeLessThan(TIMEOUT_MS);
    // Sending afterwards is a clear failure too, not a hang.
    expect((await failure(client.send("A1 NOOP"))).problem).toBe("PROTOCOL_ERROR");
  });

  it("fails with CONNECTION_FAILED when the server closes in the middle of a line", async () => {
    const { client } = await connect("127.0.130.7", {
      onConnect: (c) => {
        c.write("* OK half a gree");
        c.end();
      },
    });
    const { problem, message } = await failure(client.readAnswer(oneLine, "the greeting"));
    expect(problem).toBe("CONNECTION_FAILED");
    expect(message).toMatch(/unfinished line/);
  });

  it("refuses to hand the socket over for TLS when the server sent data after its STARTTLS go-ahead", async () => {
    const { client } = await connect("127.0.130.8", {
      onConnect: (c) => c.send("* OK ready"),
      onLine: (_line, c) => c.send("A1 OK Begin TLS now", "* CAPABILITY injected"),
    });
    await client.readAnswer(oneLine, "greeting");
    await client.send("A1 STARTTLS");
    await client.readAnswer((line) => line.startsWith("A1 "), "STARTTLS");
    // Both lines come in one write: the injected one is buffered when detach() is asked.
    let thrown: unknown;
    try {
      client.detach();
    } catch (cause) {
      thrown = cause;
    }
    expect(thrown).toBeInstanceOf(ProblemError);
    expect((thrown as ProblemError).problem).toBe("PROTOCOL_ERROR");
    expect((thrown as ProblemError).message).toMatch(/STARTTLS response injection/);
  });

  it("goes on over TLS after STARTTLS: detach, handshake, resume", async () => {
    const { client, server } = await connect("127.0.130.9", {
      tls: certificate,
      onConnect: (c) => c.send("* OK ready"),
      onLine: (line, c) => {
        if (line === "A1 STARTTLS") {
          c.send("A1 OK Begin TLS now");
          c.startTls();
        } else c.send(`${line.split(" ")[0]} OK over TLS`);
      },
    });
    await client.readAnswer(oneLine, "greeting");
    await client.send("A1 STARTTLS");
    await client.readAnswer((line) => line.startsWith("A1 "), "STARTTLS");
    const plain = client.detach();
    const secured = tls.connect({ socket: plain, servername: "lines.contoso.test", ca: pki.root.certPem });
    await new Promise<void>((resolve, reject) => secured.once("secureConnect", resolve).once("error", reject));
    client.resume(secured);
    await client.send("A2 NOOP");
    expect(await client.readAnswer((line) => line.startsWith("A2 "), "NOOP")).toEqual(["A2 OK over TLS"]);
    expect(server.lines).toEqual(["A1 STARTTLS", "A2 NOOP"]);
  });

  it("shows what it was told to hide as ****, in lines of either side", async () => {
    const { client } = await connect("127.0.130.10", {
      onConnect: (c) => c.send("* OK ready"),
      onLine: (_line, c) => c.send("A1 NO [AUTHENTICATIONFAILED] no such user jdoe@contoso.test"),
    });
    client.transcript.hide("jdoe@contoso.test");
    client.transcript.hide("s3cret!");
    await client.readAnswer(oneLine, "greeting");
    await client.send('A1 LOGIN "jdoe@contoso.test" "s3cret!"', "A1 LOGIN **** ****");
    await client.readAnswer((line) => line.startsWith("A1 "), "LOGIN");
    const shown = client.transcript.since(0).join("\n");
    expect(shown).not.toContain("jdoe@contoso.test");
    expect(shown).not.toContain("s3cret!");
    expect(shown).toContain("no such user ****");
    expect(client.transcript.redact("user jdoe@contoso.test")).toBe("user ****");
  });

  it("refuses a command line with CR or LF in it", async () => {
    const { client } = await connect("127.0.130.11", { onConnect: () => {} });
    await expect(client.send("A1 LOGIN a\r\nA2 DELETE INBOX")).rejects.toThrow(/CR or LF/);
  });
});
