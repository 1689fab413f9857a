import type { HelpCommand, HelpPages } from "./types";

/** IMAP and POP: greeting, capabilities, STARTTLS, login and a harmless mailbox command. */

/** What a client sees, by hand: the dialog over implicit TLS, or upgraded with STARTTLS / STLS. */
const DIALOG_BY_HAND: HelpCommand = {
  shell: "bash",
  description: "Implicit TLS (993, 995), then the upgrade (143, 110): type `a1 CAPABILITY` (IMAP) or `CAPA` (POP3) once connected",
  lines: [
    "openssl s_client -connect mail.contoso.com:993 -servername mail.contoso.com -crlf -quiet",
    "openssl s_client -connect mail.contoso.com:995 -servername mail.contoso.com -crlf -quiet",
    "openssl s_client -connect mail.contoso.com:143 -starttls imap -servername mail.contoso.com -crlf -quiet",
    "openssl s_client -connect mail.contoso.com:110 -starttls pop3 -servername mail.contoso.com -crlf -quiet",
  ],
};

/** The plain dialog without TLS: what the server says before any encryption. */
const PLAIN_DIALOG_BY_HAND: HelpCommand = {
  shell: "bash",
  description: "Before TLS: the greeting and the capabilities as the server sends them",
  lines: ["printf 'a1 CAPABILITY\\r\\na2 LOGOUT\\r\\n' | nc -w 5 mail.contoso.com 143", "printf 'CAPA\\r\\nQUIT\\r\\n' | nc -w 5 mail.contoso.com 110"],
};

const DOVECOT_LOG: HelpCommand = {
  shell: "bash",
  description: "Dovecot: its settings and what it logged for the analyzer's connection",
  lines: ["doveconf -n", "journalctl -u dovecot --since '-15 min'", "doveadm log errors"],
};

const EXCHANGE_IMAP_POP_STATE: HelpCommand = {
  shell: "Exchange Management Shell",
  description: "Exchange: the IMAP4 and POP3 services and their settings",
  lines: [
    "Get-Service MSExchangeIMAP4,MSExchangeIMAP4BE,MSExchangePOP3,MSExchangePOP3BE",
    "Get-ImapSettings | Format-List ExternalConnectionSettings,X509CertificateName,LoginType,ProtocolLogEnabled",
    "Get-PopSettings | Format-List ExternalConnectionSettings,X509CertificateName,LoginType,ProtocolLogEnabled",
  ],
};

export const MAILBOX_HELP = {
  STARTTLS_MISSING: {
    title: "The IMAP or POP server doesn't offer STARTTLS",
    group: "IMAP and POP",
    severity: "error",
    summary:
      "You tested IMAP or POP3 with STARTTLS (port 143 or 110), and the server either doesn't list STARTTLS (IMAP) or STLS (POP3) in its capabilities, or refused the command. A client set to use STARTTLS can't connect; one that falls back to an unencrypted connection sends the user's password and mail across the network in clear text.",
    details: [
      "The analyzer reads the capabilities before TLS: `a1 CAPABILITY` for IMAP, `CAPA` for POP3. If STARTTLS (STLS) is listed it sends the command and expects `OK` (`+OK`); then the TLS handshake and the certificate checks follow, and the capabilities are read again over TLS. A POP3 server that doesn't support CAPA at all (older than RFC 2449) is asked STLS anyway; a `-ERR` answer is reported here too.",
      "When STARTTLS isn't offered the analyzer never sends the credentials: a password must not cross the network unencrypted. The login and the mailbox steps are skipped.",
      "Implicit TLS (IMAPS on 993, POP3S on 995) is the alternative RFC 8314 recommends for mail clients: test it with the implicit TLS option. Outlook, Thunderbird and phones support both.",
    ],
    symptoms: [
      'Thunderbird or Outlook set to "STARTTLS" fails with "The server does not support STARTTLS" / "The server doesn\'t support the encryption type you specified".',
      "Clients set to no encryption work, which means passwords travel in clear text.",
    ],
    causes: [
      "TLS isn't configured at all: Dovecot has `ssl = no`, or no certificate (`ssl_cert`, `ssl_key`) it can read; Exchange's IMAP4 or POP3 service has no certificate for `X509CertificateName`.",
      "The certificate or key file can't be read after a renewal (a new path, permissions), so the server starts without TLS.",
      "A proxy, load balancer or firewall in front of the server terminates the connection and doesn't pass STARTTLS on.",
      "The wrong port: another service (or a server without TLS) answers on 143 or 110.",
    ],
    fixes: [
      { text: "Look at the capabilities before TLS, then try the upgrade by hand.", commands: [PLAIN_DIALOG_BY_HAND, DIALOG_BY_HAND] },
      {
        text: "Dovecot: enable TLS with a certificate for the name clients use (in `/etc/dovecot/conf.d/10-ssl.conf`: `ssl = yes` or `ssl = required`, `ssl_cert = </etc/letsencrypt/live/mail.contoso.com/fullchain.pem`, `ssl_key = </etc/letsencrypt/live/mail.contoso.com/privkey.pem`), refuse passwords before TLS (`disable_plaintext_auth = yes` in `10-auth.conf`), check the result and reload.",
        commands: [{ shell: "bash", lines: ["doveconf -n ssl ssl_cert ssl_key disable_plaintext_auth", "systemctl reload dovecot"] }],
      },
      {
        text: "Exchange: bind the certificate to IMAP4 and POP3 and require TLS for logins, then restart the services.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Enable-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75F1D0FACDFF0FA2E94CEE8 -Services IMAP,POP",
              "Set-ImapSettings -X509CertificateName mail.contoso.com -LoginType SecureLogin",
              "Set-PopSettings -X509CertificateName mail.contoso.com -LoginType SecureLogin",
              "Restart-Service MSExchangeIMAP4,MSExchangeIMAP4BE,MSExchangePOP3,MSExchangePOP3BE",
            ],
          },
        ],
      },
    ],
    seeAlso: ["TLS_HANDSHAKE_FAILED", "CERT_NAME_MISMATCH", "LOGIN_FAILED"],
  },

  MAILBOX_COMMAND_FAILED: {
    title: "The server refused a harmless mailbox command after the login",
    group: "IMAP and POP",
    severity: "error",
    summary:
      "The credentials were accepted, but the command that reads the mailbox failed: IMAP answered `STATUS INBOX (MESSAGES)` with NO or BAD, or POP3 answered `STAT` with -ERR. The user can log on but a mail client can't open or download the mailbox.",
    details: [
      "The analyzer only counts messages: IMAP STATUS reads the Inbox's message count without selecting it, and POP3 STAT answers the number and size of the messages. Neither changes anything; QUIT after STAT deletes nothing, as no message was marked.",
      "The step quotes the server's own text, which usually names the reason: a response code such as `[SERVERBUG]`, `[UNAVAILABLE]` or `[NONEXISTENT]` (RFC 5530) for IMAP, `[IN-USE]` or `[SYS/TEMP]` (RFC 3206) for POP3.",
    ],
    symptoms: [
      "The mail client logs on but shows an empty or failing Inbox, or reports that the mailbox is in use or unavailable.",
      "Other clients of the same mailbox (Outlook on the web, Outlook with Exchange) work, while IMAP or POP clients don't.",
    ],
    causes: [
      "POP3: another POP3 session holds the mailbox lock (a second device, or a session that didn't end), answered with `-ERR [IN-USE]`.",
      "The mailbox storage can't be read: permissions on the mail directory, a full disk or quota, a corrupt index (Dovecot logs the error), a mailbox being moved or a dismounted database (Exchange).",
      "The account has no Inbox yet, or its mail location (`mail_location`) points somewhere that doesn't exist.",
      "Exchange: the IMAP4 or POP3 back-end service (MSExchangeIMAP4BE, MSExchangePOP3BE) on the mailbox's server isn't running, or IMAP/POP access is disabled for the mailbox.",
    ],
    fixes: [
      { text: "Log on by hand and send the same command, then read the server's log for the time of the test.", commands: [DIALOG_BY_HAND, DOVECOT_LOG] },
      {
        text: "Dovecot: check the user's mail location and mailbox, and rebuild a corrupt index.",
        commands: [
          {
            shell: "bash",
            lines: [
              "doveadm user jdoe@contoso.com",
              "doveadm mailbox status -u jdoe@contoso.com messages INBOX",
              "doveadm force-resync -u jdoe@contoso.com INBOX",
            ],
          },
        ],
      },
      {
        text: "Exchange: check that IMAP and POP are enabled for the mailbox, that the back-end services run, and read the protocol log (`%ExchangeInstallPath%Logging\\Imap4`, `\\Pop3`) after enabling it.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-CASMailbox jdoe@contoso.com | Format-List ImapEnabled,PopEnabled",
              "Set-CASMailbox jdoe@contoso.com -ImapEnabled $true -PopEnabled $true",
              "Set-ImapSettings -ProtocolLogEnabled $true",
              "Restart-Service MSExchangeIMAP4BE,MSExchangePOP3BE",
            ],
          },
          EXCHANGE_IMAP_POP_STATE,
        ],
      },
    ],
    seeAlso: ["LOGIN_FAILED"],
  },

  PROTOCOL_TIMEOUT: {
    title: "The mail server didn't answer in time",
    group: "IMAP and POP",
    severity: "error",
    summary:
      "The TCP connection was open, but the server didn't send a complete answer within the analyzer's time budget (RCA_TIMEOUT_MS, 10 seconds by default) for one step of a mail dialog: its greeting, or the answer to a command such as CAPABILITY, CAPA, STARTTLS, LOGIN or STATUS. Mail clients wait a similar time, then give up.",
    details: [
      "The budget is for the whole answer, not for each byte: a server that sends nothing, and one that sends a byte now and then without ever ending its line, both fail on time. The step says which: nothing at all, or only part of a line (and how many bytes).",
      "Silence right after the connection opens usually means the port isn't served by the mail protocol expected: a TLS-only port (993, 995) tested with STARTTLS, where the server waits for the client's TLS handshake; or a device in front that accepts connections but has no working server behind it.",
      "The same code is used by every line-based mail dialog the analyzer has (SMTP, IMAP, POP3).",
    ],
    symptoms: [
      'Clients hang on "Connecting…" or "Checking for new mail" and then report a timeout.',
      "`openssl s_client` or `nc` connects, but no greeting appears.",
    ],
    causes: [
      "The wrong security option for the port: implicit TLS ports (993, 995, 465) expect a TLS handshake first and greet only after it; STARTTLS ports (143, 110, 25, 587) greet in clear text.",
      "A load balancer, firewall or reverse proxy accepts the TCP connection but can't reach the server behind it, or deep packet inspection holds the dialog.",
      "The server is overloaded: all its processes are busy (Dovecot's `process_limit`, `client_limit`), or it delays answers on purpose for this address (tarpitting).",
      "Reverse DNS or ident lookups of the client's address that time out on the server before it greets.",
    ],
    fixes: [
      { text: "Connect by hand with the same security as the test, and see where the dialog stops.", commands: [PLAIN_DIALOG_BY_HAND, DIALOG_BY_HAND] },
      {
        text: "Dovecot: check the login process limits and look for `Max. number of connections` warnings in its log.",
        commands: [
          {
            shell: "bash",
            lines: ["doveconf -n service/imap-login service/pop3-login", "journalctl -u dovecot --since '-15 min' | grep -i -E 'limit|timeout'"],
          },
        ],
      },
      {
        text: "Exchange: check that the IMAP4 and POP3 front-end and back-end services run, and that the connection settings name the right ports.",
        commands: [EXCHANGE_IMAP_POP_STATE],
      },
    ],
    seeAlso: ["PROTOCOL_ERROR", "TCP_TIMEOUT", "CONNECTION_FAILED"],
  },

  PROTOCOL_ERROR: {
    title: "The mail server's answer breaks the protocol",
    group: "IMAP and POP",
    severity: "error-or-warning",
    summary:
      "The server answered, but not as the mail protocol requires: a greeting that isn't one (`* BYE`, `-ERR`, another protocol's banner, garbage), a line longer than any protocol allows, an answer that never ends, a reply that is neither OK nor an error, or data sent after agreeing to start TLS. Clients fail the same way, or worse, can be tricked.",
    details: [
      "Greetings: IMAP expects `* OK` (or `* PREAUTH`) and POP3 `+OK`. `* BYE` or `-ERR` in the greeting means the server refuses sessions from this address now; the step quotes its reason (too many connections, a block list, a shutdown).",
      "Limits: a single line longer than 8 KiB, more than 200 lines in one answer, or more than 256 KiB in one dialog end the dialog: a hostile or broken server can't hold the analyzer. The step says which limit was reached.",
      'STARTTLS response injection: a server, or a machine in the middle, that sends more data after its STARTTLS (STLS) go-ahead and before the TLS handshake could make a client treat unprotected text as if it came over TLS (the client-side flaw class described in the 2021 "NO STARTTLS" research; CVE-2011-0411 was its server-side mirror in Postfix). The analyzer refuses to go on.',
      "Warnings: an answer that is acceptable but incomplete, such as an IMAP STATUS answered OK without the count, or a POP3 STAT without the message number.",
      "The same code is used by every line-based mail dialog the analyzer has (SMTP, IMAP, POP3).",
    ],
    symptoms: [
      "Clients report that the server sent an unexpected or invalid response, or that the connection was closed by the server.",
      "The connection works from one network but not from another: something on the way (a proxy, a firewall inspecting the protocol) changes the dialog.",
    ],
    causes: [
      "Another service listens on the port (SSH, HTTP, an SMTP server on 110 or 143), or a TLS-only port was tested with STARTTLS.",
      "The server refuses the client's address: connection limits per IP (Dovecot `mail_max_userip_connections`, `process_limit`), fail2ban or another block list, or maintenance.",
      "A firewall or proxy with mail protocol inspection rewrites or injects lines (including after STARTTLS).",
      "A broken server or plug-in that sends malformed answers.",
    ],
    fixes: [
      { text: "Connect by hand and read the greeting and answers the server really sends.", commands: [PLAIN_DIALOG_BY_HAND, DIALOG_BY_HAND] },
      {
        text: "Check the server's log at the time of the test for refused connections and connection limits, and what listens on the port.",
        commands: [DOVECOT_LOG, { shell: "bash", lines: ["ss -ltnp '( sport = :143 or sport = :993 or sport = :110 or sport = :995 )'"] }],
      },
      {
        text: 'Turn off IMAP and POP3 protocol inspection or "mail guard" features on firewalls and proxies in front of the server, which may rewrite or strip the capability list and STARTTLS (on Cisco IOS routers with CBAC, for example, `ip inspect name <name> imap` and `pop3`).',
      },
    ],
    seeAlso: ["PROTOCOL_TIMEOUT", "STARTTLS_MISSING", "CONNECTION_FAILED"],
  },
} satisfies HelpPages;
