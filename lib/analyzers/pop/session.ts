import "server-only";
import type { LineClient } from "@/lib/net/mail/line-client";
import { PopClient } from "@/lib/net/mail/pop";
import { judgeCapabilities, judgeGreeting, judgeLogin, judgeNoLoginMethod, judgeQuit, judgeStat, judgeStls, loginMethod } from "./judge";
import { mailboxSteps, type MailboxProtocol, type MailboxSession } from "../steps/mailbox";

/** POP3's side of the shared mail dialog: the commands, and what the last CAPA said. */
class PopSession implements MailboxSession {
  private readonly client: PopClient;
  /** Undefined until CAPA answered +OK (a server without CAPA can't say what it offers). */
  private capabilityList: string[] | undefined;

  constructor(lines: LineClient) {
    this.client = new PopClient(lines);
  }

  async greeting() {
    return judgeGreeting(await this.client.greeting());
  }

  async capabilities(afterTls: boolean) {
    const { reply, capabilities } = await this.client.capa();
    this.capabilityList = reply.ok ? capabilities : undefined;
    return judgeCapabilities(reply, capabilities, afterTls);
  }

  offersStartTls() {
    return this.capabilityList?.some((line) => line.toUpperCase() === "STLS");
  }

  async startTls() {
    return judgeStls(await this.client.command("STLS"));
  }

  async login(username: string, password: string) {
    const capabilities = this.capabilityList ?? [];
    const method = loginMethod(capabilities);
    if (!method) return judgeNoLoginMethod(capabilities);
    const reply = method === "AUTH PLAIN" ? await this.client.authPlain(username, password) : await this.client.userPass(username, password);
    return judgeLogin(reply, method);
  }

  async mailboxCommand() {
    const { reply, messages, octets } = await this.client.stat();
    return judgeStat(reply, messages, octets);
  }

  async logout() {
    return judgeQuit(await this.client.quit());
  }
}

export const POP_PROTOCOL: MailboxProtocol = {
  name: "POP",
  startTlsCommand: "STLS",
  steps: mailboxSteps("pop", {
    greeting: "pop.greeting",
    capabilities: "pop.capabilities",
    startTls: "pop.stls",
    capabilitiesTls: "pop.capabilities-tls",
    login: "pop.login",
    mailbox: "pop.stat",
    logout: "pop.quit",
  }),
  open: (lines) => new PopSession(lines),
};
