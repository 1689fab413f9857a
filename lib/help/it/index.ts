import { ANALYZER_HELP } from "../analyzer";
import { AUTODISCOVER_HELP } from "../autodiscover";
import { CERTIFICATE_HELP } from "../certificate";
import { CHAIN_HELP } from "../chain";
import { CONNECTIVITY_HELP } from "../connectivity";
import { EXCHANGE_HELP } from "../exchange";
import { HTTP_HELP } from "../http";
import { MAIL_DNS_HELP } from "../mail-dns";
import { MAILBOX_HELP } from "../mailbox";
import { SMTP_HELP } from "../smtp";
import { TLS_HELP } from "../tls";
import { ANALYZER_HELP_IT } from "./analyzer";
import { AUTODISCOVER_HELP_IT } from "./autodiscover";
import { CERTIFICATE_HELP_IT } from "./certificate";
import { CHAIN_HELP_IT } from "./chain";
import { CONNECTIVITY_HELP_IT } from "./connectivity";
import { EXCHANGE_HELP_IT } from "./exchange";
import { HTTP_HELP_IT } from "./http";
import { MAIL_DNS_HELP_IT } from "./mail-dns";
import { MAILBOX_HELP_IT } from "./mailbox";
import { SMTP_HELP_IT } from "./smtp";
import { TLS_HELP_IT } from "./tls";
import type { HelpPages } from "../types";

/**
 * The Italian help pages. A code without one shows its English page with a note (app/help/[code]/page.tsx).
 *
 * The rule, enforced by tests/unit/i18n-help.test.ts: every English table listed in TRANSLATED_TABLES has an Italian
 * page for each of its codes, with the same group, severity, see-also list and exactly the same commands. To
 * translate a new group: add lib/help/it/<group>.ts and a line here. Every group is translated today; the test also
 * prints any code still without an Italian page.
 */
export const TRANSLATED_TABLES: ReadonlyArray<{ name: string; english: HelpPages; italian: HelpPages }> = [
  { name: "connectivity", english: CONNECTIVITY_HELP, italian: CONNECTIVITY_HELP_IT },
  { name: "tls", english: TLS_HELP, italian: TLS_HELP_IT },
  { name: "certificate", english: CERTIFICATE_HELP, italian: CERTIFICATE_HELP_IT },
  { name: "mail-dns", english: MAIL_DNS_HELP, italian: MAIL_DNS_HELP_IT },
  { name: "mailbox", english: MAILBOX_HELP, italian: MAILBOX_HELP_IT },
  { name: "http", english: HTTP_HELP, italian: HTTP_HELP_IT },
  { name: "autodiscover", english: AUTODISCOVER_HELP, italian: AUTODISCOVER_HELP_IT },
  { name: "smtp", english: SMTP_HELP, italian: SMTP_HELP_IT },
  { name: "chain", english: CHAIN_HELP, italian: CHAIN_HELP_IT },
  { name: "analyzer", english: ANALYZER_HELP, italian: ANALYZER_HELP_IT },
  { name: "exchange", english: EXCHANGE_HELP, italian: EXCHANGE_HELP_IT },
];

export const ITALIAN_HELP: HelpPages = Object.assign({}, ...TRANSLATED_TABLES.map((table) => table.italian)) as HelpPages;
