import { Duplex } from "node:stream";
import { describe, expect, it } from "vitest";
import {
  judgeCapabilities as judgeImapCapabilities,
  judgeGreeting as judgeImapGreeting,
  judgeLogin as judgeImapLogin,
  judgeLogout,
  judgeNoLoginMethod as judgeImapNoLoginMethod,
  judgePreauthenticated,
  judgeStartTls,
  judgeStatus,
} from "@/lib/analyzers/imap/judge";
import {
  judgeCapabilities as judgePopCapabilities,
  judgeGreeting as judgePopGreeting,
  judgeLogin as judgePopLogin,
  judgeNoLoginMethod as judgePopNoLoginMethod,
  judgeQuit,
  judgeStat,
  judgeStls,
} from "@/lib/analyzers/pop/judge";
import { credentialGate } from "@/lib/analyzers/steps/mailbox";
import { ProblemError } from "@/lib/engine/problem-error";
import { text } from "@/lib/engine/text";
import type { ImapAnswer } from "@/lib/net/mail/imap";
import { LineClient, Transcript } from "@/lib/net/mail/line-client";
import { expectLocalized, expectText } from "../support/i18n-texts";
import type { Socket } from "node:net";

/**
 * The IMAP and POP step texts (lib/analyzers/imap/*, lib/analyzers/pop/*, lib/analyzers/steps/mailbox.ts,
 * lib/net/mail/*): each stores the English it stored before it became a catalogue text, word for word, and reads in
 * Italian, with the server's words left as they are.
 */

const answer = (status: ImapAnswer["status"], said: string): ImapAnswer => ({ status, text: said, untagged: [] });

describe("IMAP step texts", () => {
  it("titles", () => {
    expectText(text("steps.mailbox.imap.title.greeting"), "Attempting to read the IMAP server's greeting.");
    expectText(text("steps.mailbox.imap.title.mailbox"), "Attempting to count the messages in the Inbox (STATUS INBOX (MESSAGES)).");
  });

  it("greeting: OK, PREAUTH, BYE and not IMAP, the server's words kept", () => {
    const ok = expectLocalized(judgeImapGreeting({ kind: "OK", text: "Dovecot ready." }), 'The IMAP server greeted the analyzer: "* OK Dovecot ready.".');
    expect(ok).toContain('"* OK Dovecot ready."');
    expectLocalized(
      judgeImapGreeting({ kind: "PREAUTH", text: "welcome" }),
      'The IMAP server greeted the analyzer with PREAUTH: it considers the connection logged on already, without a password ("* PREAUTH welcome").',
    );
    expectLocalized(
      judgeImapGreeting({ kind: "BYE", text: "Too many connections" }),
      'The IMAP server refused the session in its greeting ("* BYE Too many connections"): it takes no IMAP sessions from this address now (too many connections, a block list, or the service shutting down).',
    );
    expectLocalized(
      judgeImapGreeting({ kind: "unexpected", text: "220 mail ESMTP" }),
      "The server's first line isn't an IMAP greeting (\"220 mail ESMTP\"): is another service (or a TLS-only one) listening on this port?",
    );
  });

  it("capabilities: refused, none, and the list with every note", () => {
    expectLocalized(judgeImapCapabilities(answer("BAD", "no"), [], false), 'The IMAP server refused the CAPABILITY command: "BAD no".');
    expectLocalized(judgeImapCapabilities(answer("OK", "done"), [], false), "The IMAP server answered CAPABILITY without listing any capability.");
    expectLocalized(
      judgeImapCapabilities(answer("OK", "done"), ["IMAP4REV1", "LOGINDISABLED"], false),
      "The IMAP server's capabilities: IMAP4REV1, LOGINDISABLED. LOGINDISABLED: it refuses passwords before TLS, as it should.",
    );
    const notes = expectLocalized(
      judgeImapCapabilities(answer("OK", "done"), ["IDLE"], false),
      "The IMAP server's capabilities: IDLE. It doesn't list IMAP4rev1. It doesn't list LOGINDISABLED: it may accept a password before TLS starts.",
    );
    expect(notes).toContain("IMAP4rev1");
    expectLocalized(
      judgeImapCapabilities(answer("OK", "done"), ["IMAP4REV1", "LOGINDISABLED"], true),
      "The IMAP server's capabilities: IMAP4REV1, LOGINDISABLED. It offers neither LOGIN nor AUTHENTICATE PLAIN over TLS: clients can't log on with a password.",
    );
    expectLocalized(judgeImapCapabilities(answer("OK", "done"), ["IMAP4REV1", "AUTH=PLAIN"], true), "The IMAP server's capabilities: IMAP4REV1, AUTH=PLAIN.");
  });

  it("STARTTLS, login, STATUS and LOGOUT", () => {
    expectLocalized(judgeStartTls(answer("OK", "Begin TLS")), 'The server agreed to start TLS ("OK Begin TLS").');
    expectLocalized(judgeStartTls(answer("NO", "not now")), 'The server lists STARTTLS but refused it ("NO not now"): clients can\'t encrypt the connection.');
    expectLocalized(
      judgeImapNoLoginMethod(["LOGINDISABLED"]),
      "The server disables LOGIN (LOGINDISABLED) even over TLS and offers no AUTHENTICATE PLAIN: mail clients can't log on with a password.",
    );
    expectLocalized(
      judgeImapNoLoginMethod([]),
      "The user name or password has characters LOGIN can't carry (8-bit or control characters) and the server offers no AUTHENTICATE PLAIN.",
    );
    expectLocalized(judgeImapLogin(answer("OK", "Logged in"), "LOGIN"), 'The IMAP server accepted the credentials (LOGIN): "OK Logged in".');
    expectLocalized(
      judgeImapLogin(answer("NO", "[AUTHENTICATIONFAILED] Authentication failed."), "AUTHENTICATE PLAIN"),
      'The IMAP server refused the credentials (AUTHENTICATE PLAIN): "NO [AUTHENTICATIONFAILED] Authentication failed.".',
    );
    expectLocalized(judgeImapLogin(answer("BAD", "syntax"), "LOGIN"), 'The IMAP server found the LOGIN command malformed: "BAD syntax".');
    expectLocalized(judgePreauthenticated(), "The server pre-authenticated the session (PREAUTH): no credentials were needed, so none were sent.");
    expectLocalized(
      judgeStatus(answer("NO", "no mailbox"), undefined),
      'The IMAP server refused STATUS INBOX (MESSAGES): "NO no mailbox". The user can log on but not open the Inbox.',
    );
    expectLocalized(
      judgeStatus(answer("OK", "done"), undefined),
      "The IMAP server answered STATUS INBOX (MESSAGES) with OK, but without the STATUS line that gives the count.",
    );
    expectLocalized(judgeStatus(answer("OK", "done"), 1), "The Inbox holds 1 message.");
    expectLocalized(judgeStatus(answer("OK", "done"), 42), "The Inbox holds 42 messages.");
    expectLocalized(judgeLogout(["A5 OK bye"]), "The server answered LOGOUT and the connection was closed.");
    expectLocalized(judgeLogout(undefined), "The server didn't answer LOGOUT; the analyzer closed the connection.");
  });
});

describe("POP step texts", () => {
  it("greeting, CAPA, STLS, login, STAT and QUIT", () => {
    expectLocalized(judgePopGreeting({ kind: "reply", ok: true, text: "Dovecot ready." }), 'The POP3 server greeted the analyzer: "+OK Dovecot ready.".');
    expectLocalized(
      judgePopGreeting({ kind: "reply", ok: false, text: "busy" }),
      'The POP3 server refused the session in its greeting ("-ERR busy"): it takes no POP3 sessions from this address now (too many connections, a block list, or the service shutting down).',
    );
    expectLocalized(
      judgePopGreeting({ kind: "unexpected", text: "* OK IMAP" }),
      "The server's first line isn't a POP3 greeting (\"* OK IMAP\"): is another service (or a TLS-only one) listening on this port?",
    );
    expectLocalized(
      judgePopCapabilities({ ok: false, text: "unknown command" }, [], false),
      "The POP3 server doesn't support CAPA (\"-ERR unknown command\"): it predates RFC 2449, so it can't say whether it offers STLS or which logins it takes.",
    );
    expectLocalized(
      judgePopCapabilities({ ok: true, text: "" }, ["USER", "STLS"], false),
      "The POP3 server's capabilities: USER, STLS. It lists USER before TLS: it may accept a password in clear text.",
    );
    expectLocalized(
      judgePopCapabilities({ ok: true, text: "" }, ["TOP"], true),
      "The POP3 server's capabilities: TOP. It offers neither USER nor SASL PLAIN: clients can't log on with a password.",
    );
    expectLocalized(judgePopCapabilities({ ok: true, text: "" }, [], true), "The POP3 server's capabilities: none listed.");
    expectLocalized(judgeStls({ ok: true, text: "Begin TLS" }), 'The server agreed to start TLS ("+OK Begin TLS").');
    expectLocalized(judgeStls({ ok: false, text: "no" }), 'The server refused STLS ("-ERR no"): clients can\'t encrypt the connection.');
    expectLocalized(judgePopNoLoginMethod(["TOP"]), "The POP3 server offers neither USER nor SASL PLAIN over TLS: mail clients can't log on with a password.");
    expectLocalized(judgePopLogin({ ok: true, text: "Logged in." }, "USER/PASS"), 'The POP3 server accepted the credentials (USER/PASS): "+OK Logged in.".');
    expectLocalized(
      judgePopLogin({ ok: false, text: "[AUTH] failed" }, "AUTH PLAIN"),
      'The POP3 server refused the credentials (AUTH PLAIN): "-ERR [AUTH] failed".',
    );
    expectLocalized(
      judgeStat({ ok: false, text: "locked" }, undefined, undefined),
      'The POP3 server refused STAT: "-ERR locked". The user can log on but the mailbox can\'t be read.',
    );
    expectLocalized(
      judgeStat({ ok: true, text: "fine" }, undefined, undefined),
      'The POP3 server answered STAT without the message count RFC 1939 requires: "+OK fine".',
    );
    expectLocalized(judgeStat({ ok: true, text: "1 120" }, 1, 120), "The mailbox holds 1 message (120 bytes).");
    expectLocalized(judgeStat({ ok: true, text: "3 900" }, 3, 900), "The mailbox holds 3 messages (900 bytes).");
    expectLocalized(judgeQuit(["+OK bye"]), "The server answered QUIT and the connection was closed.");
    expectLocalized(judgeQuit(undefined), "The server didn't answer QUIT; the analyzer closed the connection.");
  });
});

describe("the shared dialog", () => {
  it("the credential gate says why the credentials weren't sent", () => {
    const facts = { encrypted: true, certificateTrusted: true, ignoreTrust: false, username: "jdoe", password: "s3cret" };
    const reasons = [
      credentialGate({ ...facts, encrypted: false }),
      credentialGate({ ...facts, certificateTrusted: false }),
      credentialGate({ ...facts, certificateTrusted: false, ignoreTrust: true }),
      credentialGate({ ...facts, password: "a\r\nb" }),
    ];
    const english = [
      "the credentials weren't sent: the connection isn't encrypted, and a password must never cross the network in clear text.",
      "the credentials weren't sent: the certificate failed a check a mail client makes (trust, name, dates or usage), and a mail client never sends a password over such a connection.",
      'the credentials weren\'t sent: "Ignore trust for SSL" turned certificate errors into warnings, but a mail client would refuse this certificate (its trust, name, dates or usage), so it would never send a password over this connection.',
      "the user name or password contains a line break (or NUL), which can't be sent in a mail protocol command.",
    ];
    reasons.forEach((gate, i) => {
      if (gate.send) throw new Error("expected a refusal");
      expect(gate.reason).toBe(english[i]);
      expectText(gate.text, english[i]!);
    });
    expectText(
      text("engine.skipped.because", { reason: text("steps.mailbox.dialog.noCredentials") }),
      "Skipped because no user name and password were supplied.",
    );
    expectText(
      text("engine.skipped.because", { reason: text("steps.mailbox.dialog.notLoggedOn") }),
      "Skipped because the analyzer didn't log on to the mailbox.",
    );
    expectText(
      text("steps.mailbox.dialog.startTlsMissing", { command: "STLS" }),
      "The server doesn't offer STLS: a mail client set to use it can't connect, and one that falls back to an unencrypted connection would send the user's password across the network in clear text.",
    );
  });
});

describe("line dialog failures", () => {
  /** A socket whose server side the test plays: `push` sends, `push(null)` closes. */
  function lines(timeoutMs = 30): { client: LineClient; server: Duplex } {
    const server = new Duplex({ read() {}, write: (_chunk, _encoding, done) => done() });
    return { client: new LineClient(server as unknown as Socket, { timeoutMs, transcript: new Transcript(), protocol: "IMAP" }), server };
  }

  async function failure(promise: Promise<unknown>): Promise<ProblemError> {
    try {
      await promise;
    } catch (cause) {
      if (cause instanceof ProblemError) return cause;
      throw cause;
    }
    throw new Error("expected a ProblemError");
  }

  function expectFailure(error: ProblemError, english: string): string {
    expect(error.message).toBe(english);
    return expectText(error.text ?? error.message, english);
  }

  it("silence, part of a line, a closed connection, an over-long line, injection", async () => {
    const greeting = text("steps.mailbox.imap.awaitingGreeting");
    const silent = lines();
    const inItalian = expectFailure(
      await failure(silent.client.readAnswer(() => true, greeting)),
      "IMAP: The server sent nothing in answer to the connection (the IMAP greeting) within 30 ms.",
    );
    expect(inItalian).toContain("messaggio di benvenuto IMAP");

    const partial = lines();
    partial.server.push("* OK");
    expectFailure(
      await failure(partial.client.readAnswer(() => true, "CAPABILITY")),
      "IMAP: The server sent only part of a line (4 bytes) in answer to CAPABILITY within 30 ms.",
    );

    const closed = lines(1000);
    closed.server.push(null);
    expectFailure(
      await failure(closed.client.readAnswer(() => true, "CAPABILITY")),
      "IMAP: No complete answer to CAPABILITY: the server closed the connection.",
    );
    expectFailure(await failure(closed.client.send("A2 NOOP")), 'IMAP: couldn\'t send "A2": the server closed the connection');

    const unfinished = lines(1000);
    unfinished.server.push("* OK");
    unfinished.server.push(null);
    expectFailure(
      await failure(unfinished.client.readAnswer(() => true, "CAPABILITY")),
      "IMAP: No complete answer to CAPABILITY: the server closed the connection after an unfinished line (4 bytes).",
    );

    const injected = lines(1000);
    injected.server.push("A1 OK go ahead\r\n* injected\r\n");
    await injected.client.readAnswer(() => true, "STARTTLS");
    expectFailure(
      await failure(Promise.resolve().then(() => injected.client.detach())),
      "IMAP: The server sent data after agreeing to start TLS and before the handshake: a client could be fooled into treating unprotected data as protected (STARTTLS response injection).",
    );
  });

  it("what the IMAP and POP clients say of an answer that isn't one", () => {
    expectText(text("steps.mailbox.imap.badTaggedLine", { command: "LOGIN" }), "IMAP: the server answered LOGIN with a tagged line that isn't OK, NO or BAD.");
    expectText(text("steps.mailbox.pop.badReply", { command: "STAT" }), "POP: the server answered STAT with a line that is neither +OK nor -ERR.");
  });
});
