import { error, ok, warning, type Finding } from "@/lib/engine/finding";
import type { PopGreeting, PopReply } from "@/lib/net/mail/pop";

/** Pure judgements of what a POP3 server answered: facts in, findings out. */

export type PopLoginMethod = "USER/PASS" | "AUTH PLAIN";

export function judgeGreeting(greeting: PopGreeting): Finding {
  const details = { greeting: greeting.text };
  if (greeting.kind === "unexpected") {
    return error(
      "PROTOCOL_ERROR",
      `The server's first line isn't a POP3 greeting ("${greeting.text}"): is another service (or a TLS-only one) listening on this port?`,
      details,
    );
  }
  if (!greeting.ok) {
    return error(
      "PROTOCOL_ERROR",
      `The POP3 server refused the session in its greeting ("-ERR ${greeting.text}"): it takes no POP3 sessions from this address now (too many connections, a block list, or the service shutting down).`,
      details,
    );
  }
  return ok(`The POP3 server greeted the analyzer: "+OK ${greeting.text}".`, details);
}

/** CAPA's answer. CAPA is optional (RFC 2449): a server without it is old, not broken. */
export function judgeCapabilities(reply: PopReply, capabilities: string[], afterTls: boolean): Finding {
  if (!reply.ok) {
    return {
      status: "info",
      message: `The POP3 server doesn't support CAPA ("-ERR ${reply.text}"): it predates RFC 2449, so it can't say whether it offers STLS or which logins it takes.`,
    };
  }
  const names = capabilities.map((line) => line.toUpperCase());
  const notes: string[] = [];
  if (!afterTls && names.includes("USER")) notes.push("It lists USER before TLS: it may accept a password in clear text.");
  if (afterTls && !loginMethod(capabilities)) notes.push("It offers neither USER nor SASL PLAIN: clients can't log on with a password.");
  return ok(`The POP3 server's capabilities: ${capabilities.join(", ") || "none listed"}.${notes.length > 0 ? ` ${notes.join(" ")}` : ""}`, { capabilities });
}

export function judgeStls(reply: PopReply): Finding {
  if (reply.ok) return ok(`The server agreed to start TLS ("+OK ${reply.text}").`);
  return error("STARTTLS_MISSING", `The server refused STLS ("-ERR ${reply.text}"): clients can't encrypt the connection.`);
}

/** SASL PLAIN (one round trip, any characters) when the server lists it and not USER; else USER/PASS, as most clients use. */
export function loginMethod(capabilities: readonly string[]): PopLoginMethod | undefined {
  const names = capabilities.map((line) => line.toUpperCase());
  const saslPlain = names.some((line) => line.startsWith("SASL ") && line.split(" ").includes("PLAIN"));
  if (names.includes("USER") || capabilities.length === 0) return "USER/PASS";
  return saslPlain ? "AUTH PLAIN" : undefined;
}

export function judgeNoLoginMethod(capabilities: readonly string[]): Finding {
  return error("LOGIN_FAILED", "The POP3 server offers neither USER nor SASL PLAIN over TLS: mail clients can't log on with a password.", { capabilities });
}

export function judgeLogin(reply: PopReply, method: PopLoginMethod): Finding {
  if (reply.ok) return ok(`The POP3 server accepted the credentials (${method}): "+OK ${reply.text}".`, { method });
  return error("LOGIN_FAILED", `The POP3 server refused the credentials (${method}): "-ERR ${reply.text}".`, { method });
}

export function judgeStat(reply: PopReply, messages: number | undefined, octets: number | undefined): Finding {
  if (!reply.ok) {
    return error("MAILBOX_COMMAND_FAILED", `The POP3 server refused STAT: "-ERR ${reply.text}". The user can log on but the mailbox can't be read.`);
  }
  if (messages === undefined)
    return warning("PROTOCOL_ERROR", `The POP3 server answered STAT without the message count RFC 1939 requires: "+OK ${reply.text}".`);
  return ok(`The mailbox holds ${messages} message${messages === 1 ? "" : "s"} (${octets ?? 0} bytes).`, { messages, octets });
}

export function judgeQuit(answer: string[] | undefined): Finding {
  return {
    status: "info",
    message: answer ? "The server answered QUIT and the connection was closed." : "The server didn't answer QUIT; the analyzer closed the connection.",
  };
}
