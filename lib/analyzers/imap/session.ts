import "server-only";
import { ImapClient, quotable } from "@/lib/net/mail/imap";
import type { LineClient } from "@/lib/net/mail/line-client";
import {
  judgeCapabilities,
  judgeGreeting,
  judgeLogin,
  judgeLogout,
  judgeNoLoginMethod,
  judgePreauthenticated,
  judgeStartTls,
  judgeStatus,
  loginMethod,
} from "./judge";
import { mailboxSteps, type MailboxProtocol, type MailboxSession } from "../steps/mailbox";

/** IMAP's side of the shared mail dialog: the commands, and what the last CAPABILITY and the greeting said. */
class ImapSession implements MailboxSession {
  private readonly client: ImapClient;
  private capabilityList: string[] = [];
  private preauthenticated = false;

  constructor(lines: LineClient) {
    this.client = new ImapClient(lines);
  }

  async greeting() {
    const greeting = await this.client.greeting();
    this.preauthenticated = greeting.kind === "PREAUTH";
    return judgeGreeting(greeting);
  }

  async capabilities(afterTls: boolean) {
    const { answer, capabilities } = await this.client.capability();
    this.capabilityList = capabilities;
    return judgeCapabilities(answer, capabilities, afterTls);
  }

  offersStartTls() {
    return this.capabilityList.includes("STARTTLS");
  }

  async startTls() {
    return judgeStartTls(await this.client.command("STARTTLS"));
  }

  async login(username: string, password: string) {
    if (this.preauthenticated) return judgePreauthenticated();
    const method = loginMethod(this.capabilityList, quotable(username) && quotable(password));
    if (!method) return judgeNoLoginMethod(this.capabilityList);
    const answer =
      method === "LOGIN"
        ? await this.client.login(username, password)
        : await this.client.authenticatePlain(username, password, method !== "AUTHENTICATE PLAIN");
    return judgeLogin(answer, method);
  }

  async mailboxCommand() {
    const { answer, messages } = await this.client.messageCount("INBOX");
    return judgeStatus(answer, messages);
  }

  async logout() {
    return judgeLogout(await this.client.logout());
  }
}

export const IMAP_PROTOCOL: MailboxProtocol = {
  name: "IMAP",
  startTlsCommand: "STARTTLS",
  steps: mailboxSteps("imap", {
    greeting: "imap.greeting",
    capabilities: "imap.capabilities",
    startTls: "imap.starttls",
    capabilitiesTls: "imap.capabilities-tls",
    login: "imap.login",
    mailbox: "imap.status",
    logout: "imap.logout",
  }),
  open: (lines) => new ImapSession(lines),
};
