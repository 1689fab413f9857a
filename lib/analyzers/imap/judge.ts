import { error, info, ok, warning, type Finding } from "@/lib/engine/finding";
import { text, type LocalizedText } from "@/lib/engine/text";
import type { ImapAnswer, ImapGreeting } from "@/lib/net/mail/imap";
import { sentences } from "../steps/mailbox-sentences";

/** Pure judgements of what an IMAP server answered: facts in, findings out. */

export type ImapLoginMethod = "LOGIN" | "AUTHENTICATE PLAIN" | "AUTHENTICATE PLAIN (SASL-IR)";

export function judgeGreeting(greeting: ImapGreeting): Finding {
  const details = { greeting: greeting.text, ...("capabilities" in greeting && greeting.capabilities ? { capabilities: greeting.capabilities } : {}) };
  const said = { greeting: greeting.text };
  switch (greeting.kind) {
    case "OK":
      return ok(text("steps.mailbox.imap.greeting.ok", said), details);
    case "PREAUTH":
      return ok(text("steps.mailbox.imap.greeting.preauth", said), details);
    case "BYE":
      return error("PROTOCOL_ERROR", text("steps.mailbox.imap.greeting.bye", said), details);
    default:
      return error("PROTOCOL_ERROR", text("steps.mailbox.imap.greeting.unexpected", said), details);
  }
}

/** CAPABILITY's answer. Before TLS, LOGINDISABLED is the safe setting: no password can be sent in clear text. */
export function judgeCapabilities(answer: ImapAnswer, capabilities: string[], afterTls: boolean): Finding {
  if (answer.status !== "OK") {
    return error("PROTOCOL_ERROR", text("steps.mailbox.imap.capabilities.refused", { status: answer.status, answer: answer.text }), { capabilities });
  }
  if (capabilities.length === 0) return error("PROTOCOL_ERROR", text("steps.mailbox.imap.capabilities.none"));
  const notes: LocalizedText[] = [];
  if (!capabilities.includes("IMAP4REV1") && !capabilities.includes("IMAP4REV2")) notes.push(text("steps.mailbox.imap.capabilities.noImap4rev1"));
  if (!afterTls) {
    notes.push(
      capabilities.includes("LOGINDISABLED") ? text("steps.mailbox.imap.capabilities.loginDisabled") : text("steps.mailbox.imap.capabilities.noLoginDisabled"),
    );
  } else if (!loginMethod(capabilities, true)) {
    notes.push(text("steps.mailbox.imap.capabilities.noLoginMethod"));
  }
  return ok(sentences([text("steps.mailbox.imap.capabilities.list", { capabilities: capabilities.join(", ") }), ...notes]), { capabilities });
}

export function judgeStartTls(answer: ImapAnswer): Finding {
  if (answer.status === "OK") return ok(text("steps.mailbox.imap.startTls.ok", { answer: answer.text }));
  return error("STARTTLS_MISSING", text("steps.mailbox.imap.startTls.refused", { status: answer.status, answer: answer.text }));
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
    capabilities.includes("LOGINDISABLED") ? text("steps.mailbox.imap.login.loginDisabled") : text("steps.mailbox.imap.login.unquotable"),
    { capabilities },
  );
}

export function judgeLogin(answer: ImapAnswer, method: ImapLoginMethod): Finding {
  const said = { method, status: answer.status, answer: answer.text };
  switch (answer.status) {
    case "OK":
      return ok(text("steps.mailbox.imap.login.ok", said), { method });
    case "NO":
      return error("LOGIN_FAILED", text("steps.mailbox.imap.login.refused", said), { method });
    default:
      return error("PROTOCOL_ERROR", text("steps.mailbox.imap.login.malformed", said), { method });
  }
}

/** The greeting said PREAUTH: the session is logged on, so no credentials are sent. */
export function judgePreauthenticated(): Finding {
  return info(text("steps.mailbox.imap.login.preauthenticated"));
}

export function judgeStatus(answer: ImapAnswer, messages: number | undefined): Finding {
  if (answer.status !== "OK") {
    return error("MAILBOX_COMMAND_FAILED", text("steps.mailbox.imap.status.refused", { status: answer.status, answer: answer.text }));
  }
  if (messages === undefined) return warning("PROTOCOL_ERROR", text("steps.mailbox.imap.status.noCount"));
  return ok(text(messages === 1 ? "steps.mailbox.imap.status.one" : "steps.mailbox.imap.status.many", { count: messages }), { messages });
}

export function judgeLogout(answer: string[] | undefined): Finding {
  return info(answer ? text("steps.mailbox.imap.logout.answered") : text("steps.mailbox.imap.logout.noAnswer"));
}
