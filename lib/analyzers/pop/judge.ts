import { error, info, ok, warning, type Finding } from "@/lib/engine/finding";
import { text, type LocalizedText } from "@/lib/engine/text";
import type { PopGreeting, PopReply } from "@/lib/net/mail/pop";
import { sentences } from "../steps/mailbox-sentences";

/** Pure judgements of what a POP3 server answered: facts in, findings out. */

export type PopLoginMethod = "USER/PASS" | "AUTH PLAIN";

export function judgeGreeting(greeting: PopGreeting): Finding {
  const details = { greeting: greeting.text };
  const said = { greeting: greeting.text };
  if (greeting.kind === "unexpected") return error("PROTOCOL_ERROR", text("steps.mailbox.pop.greeting.unexpected", said), details);
  if (!greeting.ok) return error("PROTOCOL_ERROR", text("steps.mailbox.pop.greeting.refused", said), details);
  return ok(text("steps.mailbox.pop.greeting.ok", said), details);
}

/** CAPA's answer. CAPA is optional (RFC 2449): a server without it is old, not broken. */
export function judgeCapabilities(reply: PopReply, capabilities: string[], afterTls: boolean): Finding {
  if (!reply.ok) return info(text("steps.mailbox.pop.capabilities.unsupported", { answer: reply.text }));
  const names = capabilities.map((line) => line.toUpperCase());
  const notes: LocalizedText[] = [];
  if (!afterTls && names.includes("USER")) notes.push(text("steps.mailbox.pop.capabilities.userBeforeTls"));
  if (afterTls && !loginMethod(capabilities)) notes.push(text("steps.mailbox.pop.capabilities.noLoginMethod"));
  const joined = capabilities.join(", ");
  const listed = joined ? text("steps.mailbox.pop.capabilities.list", { capabilities: joined }) : text("steps.mailbox.pop.capabilities.noneListed");
  return ok(sentences([listed, ...notes]), { capabilities });
}

export function judgeStls(reply: PopReply): Finding {
  if (reply.ok) return ok(text("steps.mailbox.pop.stls.ok", { answer: reply.text }));
  return error("STARTTLS_MISSING", text("steps.mailbox.pop.stls.refused", { answer: reply.text }));
}

/** SASL PLAIN (one round trip, any characters) when the server lists it and not USER; else USER/PASS, as most clients use. */
export function loginMethod(capabilities: readonly string[]): PopLoginMethod | undefined {
  const names = capabilities.map((line) => line.toUpperCase());
  const saslPlain = names.some((line) => line.startsWith("SASL ") && line.split(" ").includes("PLAIN"));
  if (names.includes("USER") || capabilities.length === 0) return "USER/PASS";
  return saslPlain ? "AUTH PLAIN" : undefined;
}

export function judgeNoLoginMethod(capabilities: readonly string[]): Finding {
  return error("LOGIN_FAILED", text("steps.mailbox.pop.login.noMethod"), { capabilities });
}

export function judgeLogin(reply: PopReply, method: PopLoginMethod): Finding {
  const said = { method, answer: reply.text };
  if (reply.ok) return ok(text("steps.mailbox.pop.login.ok", said), { method });
  return error("LOGIN_FAILED", text("steps.mailbox.pop.login.refused", said), { method });
}

export function judgeStat(reply: PopReply, messages: number | undefined, octets: number | undefined): Finding {
  if (!reply.ok) return error("MAILBOX_COMMAND_FAILED", text("steps.mailbox.pop.stat.refused", { answer: reply.text }));
  if (messages === undefined) return warning("PROTOCOL_ERROR", text("steps.mailbox.pop.stat.noCount", { answer: reply.text }));
  const counts = { count: messages, octets: octets ?? 0 };
  return ok(text(messages === 1 ? "steps.mailbox.pop.stat.one" : "steps.mailbox.pop.stat.many", counts), { messages, octets });
}

export function judgeQuit(answer: string[] | undefined): Finding {
  return info(answer ? text("steps.mailbox.pop.quit.answered") : text("steps.mailbox.pop.quit.noAnswer"));
}
