import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import type { ImapAnswer, ImapGreeting } from "@/lib/net/mail/imap";

/** Pure judgements of what an IMAP server answered: facts in, findings out. */

export type ImapLoginMethod = "LOGIN" | "AUTHENTICATE PLAIN" | "AUTHENTICATE PLAIN (SASL-IR)";

export function judgeGreeting(greeting: ImapGreeting): Finding {
  const details = { greeting: greeting.text, ...("capabilities" in greeting && greeting.capabilities ? { capabilities: greeting.capabilities } : {}) };
  switch (greeting.kind) {
    case "OK":
      return ok(`The IMAP server greeted the analyzer: "* OK ${greeting.text}".`, details);
    case "PREAUTH":
      return ok(
        `The IMAP server greeted the analyzer with PREAUTH: it considers the connection logged on already, without a password ("* PREAUTH ${greeting.text}").`,
        details,
      );
    case "BYE":
      return error(
        "PROTOCOL_ERROR",
        `The IMAP server refused the session in its greeting ("* BYE ${greeting.text}"): it takes no IMAP sessions from this address now (too many connections, a block list, or the service shutting down).`,
        details,
      );
    default:
      return error(
        "PROTOCOL_ERROR",
        `The server's first line isn't an IMAP greeting ("${greeting.text}"): is another service (or a TLS-only one) listening on this port?`,
        details,
      );
  }
}

/** CAPABILITY's answer. Before TLS, LOGINDISABLED is the safe setting: no password can be sent in clear text. */
export function judgeCapabilities(answer: ImapAnswer, capabilities: string[], afterTls: boolean): Finding {
  if (answer.status !== "OK") {
    return error("PROTOCOL_ERROR", `The IMAP server refused the CAPABILITY command: "${answer.status} ${answer.text}".`, { capabilities });
  }
  if (capabilities.length === 0) return error("PROTOCOL_ERROR", "The IMAP server answered CAPABILITY without listing any capability.");
  const notes: string[] = [];
  if (!capabilities.includes("IMAP4REV1") && !capabilities.includes("IMAP4REV2")) notes.push("It doesn't list IMAP4rev1.");
  if (!afterTls) {
    notes.push(
      capabilities.includes("LOGINDISABLED")
        ? "LOGINDISABLED: it refuses passwords before TLS, as it should."
        : "It doesn't list LOGINDISABLED: it may accept a password before TLS starts.",
    );
  } else if (!loginMethod(capabilities, true)) {
    notes.push("It offers neither LOGIN nor AUTHENTICATE PLAIN over TLS: clients can't log on with a password.");
  }
  return ok(`The IMAP server's capabilities: ${capabilities.join(", ")}.${notes.length > 0 ? ` ${notes.join(" ")}` : ""}`, { capabilities });
}

export function judgeStartTls(answer: ImapAnswer): Finding {
  if (answer.status === "OK") return ok(`The server agreed to start TLS ("OK ${answer.text}").`);
  return error("STARTTLS_MISSING", `The server lists STARTTLS but refused it ("${answer.status} ${answer.text}"): clients can't encrypt the connection.`);
}

/**
 * How to log on: LOGIN unless the server disables it (or a credential can't be a quoted string), else AUTHENTICATE
 * PLAIN if offered, with the credentials on the command line when SASL-IR allows. Undefined: no way the analyzer has.
 */
export function loginMethod(capabilities: readonly string[], quotable: boolean): ImapLoginMethod | undefined {
  if (!capabilities.includes("LOGINDISABLED") && quotable) return "LOGIN";
  if (!capabilities.includes("AUTH=PLAIN")) return undefined;
  return capabilities.includes("SASL-IR") ? "AUTHENTICATE PLAIN (SASL-IR)" : "AUTHENTICATE PLAIN";
}

export function judgeNoLoginMethod(capabilities: readonly string[]): Finding {
  return error(
    "LOGIN_FAILED",
    capabilities.includes("LOGINDISABLED")
      ? "The server disables LOGIN (LOGINDISABLED) even over TLS and offers no AUTHENTICATE PLAIN: mail clients can't log on with a password."
      : "The user name or password has characters LOGIN can't carry (8-bit or control characters) and the server offers no AUTHENTICATE PLAIN.",
    { capabilities },
  );
}

export function judgeLogin(answer: ImapAnswer, method: ImapLoginMethod): Finding {
  const said = `"${answer.status} ${answer.text}"`;
  switch (answer.status) {
    case "OK":
      return ok(`The IMAP server accepted the credentials (${method}): ${said}.`, { method });
    case "NO":
      return error("LOGIN_FAILED", `The IMAP server refused the credentials (${method}): ${said}.`, { method });
    default:
      return error("PROTOCOL_ERROR", `The IMAP server found the ${method} command malformed: ${said}.`, { method });
  }
}

/** The greeting said PREAUTH: the session is logged on, so no credentials are sent. */
export function judgePreauthenticated(): Finding {
  return { status: "info", message: "The server pre-authenticated the session (PREAUTH): no credentials were needed, so none were sent." };
}

export function judgeStatus(answer: ImapAnswer, messages: number | undefined): Finding {
  if (answer.status !== "OK") {
    return error(
      "MAILBOX_COMMAND_FAILED",
      `The IMAP server refused STATUS INBOX (MESSAGES): "${answer.status} ${answer.text}". The user can log on but not open the Inbox.`,
    );
  }
  if (messages === undefined) {
    return warning("PROTOCOL_ERROR", "The IMAP server answered STATUS INBOX (MESSAGES) with OK, but without the STATUS line that gives the count.");
  }
  return ok(`The Inbox holds ${messages} message${messages === 1 ? "" : "s"}.`, { messages });
}

export function judgeLogout(answer: string[] | undefined): Finding {
  return {
    status: "info",
    message: answer ? "The server answered LOGOUT and the connection was closed." : "The server didn't answer LOGOUT; the analyzer closed the connection.",
  };
}
