import type { HelpCommand, HelpPages } from "./types";

/** SMTP dialogs of the inbound test: banner, EHLO, STARTTLS, recipients, open relay, MTA-STS, TLS-RPT and DANE. */

/** Talking to a mail exchanger by hand, as the analyzer does (STARTTLS included). */
const SMTP_BY_HAND: HelpCommand = {
  shell: "bash",
  description: "Connect as a sending server does, then type EHLO, MAIL FROM and RCPT TO yourself (QUIT to leave; never DATA).",
  lines: [
    "dig MX contoso.com +short",
    "nc -C mail.contoso.com 25",
    "openssl s_client -starttls smtp -connect mail.contoso.com:25 -servername mail.contoso.com -crlf",
  ],
};

export const SMTP_HELP = {
  SMTP_BANNER: {
    title: "SMTP banner missing, refused or not matching reverse DNS",
    group: "Internet e-mail (SMTP)",
    severity: "error-or-warning",
    summary:
      "The first thing an SMTP server sends is its banner, a 220 reply that starts with its host name (RFC 5321 §4.2). Error: the server sent no banner in time, something that isn't SMTP, or a refusal such as 554: no mail gets through this host. Warning: the banner is there, but the name in it isn't the reverse DNS (PTR) name of the address, or the address has no PTR record.",
    details: [
      "The analyzer connects to each mail exchanger and waits for the complete 220 reply within the time limit (RCA_TIMEOUT_MS). A server that stays silent, sends one byte at a time, sends an endless line, or sends something that isn't an SMTP reply fails this step, with the reason in the message. Receiving servers like Postfix and Exchange send their banner at once; a delay usually means a firewall or an SMTP proxy (Cisco ASA \"ESMTP inspection\" shows as a banner of asterisks), or a server that looks up the client's reverse DNS before greeting.",
      'A 554 banner ("554 5.7.1 No SMTP service here", "554 go away") means the server refuses this client: a block list hit, a firewall rule, or a server that doesn\'t accept mail from the Internet at all.',
      "The name check is a warning only, the way Microsoft's analyzer shows it: senders deliver to a host whose banner doesn't match. It matters because the same host usually sends mail too, and receivers judge outgoing mail by the sending address's PTR record and the name in EHLO; an admin also expects the banner to say which server answered.",
    ],
    symptoms: [
      'Mail to the domain stays queued at the sender ("421 … Service not available", "Connection timed out while receiving the initial server greeting") and bounces after days.',
      "`telnet mail.contoso.com 25` connects but shows nothing, or shows `220 ****************`.",
    ],
    causes: [
      "The SMTP service is stopped or hangs; an SMTP proxy or firewall inspection holds the banner back or rewrites it.",
      "The server refuses the client's address (554) by a block list or a connection filter.",
      "The banner was customised to a generic text, or the PTR record of the public address names another host (the ISP's default name).",
    ],
    fixes: [
      { text: "Look at the banner yourself, from outside the network.", commands: [SMTP_BY_HAND] },
      {
        text: "Postfix: the banner is `smtpd_banner`; keep `$myhostname` first, and set myhostname to the name the PTR record gives.",
        commands: [
          { shell: "bash", lines: ["postconf -e 'myhostname = mail.contoso.com'", "postconf -e 'smtpd_banner = $myhostname ESMTP'", "postfix reload"] },
        ],
      },
      {
        text: "Exchange: the receive connector's FQDN and banner (leave Banner empty for the default, which starts with the FQDN).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              'Get-ReceiveConnector "EX01\\Default Frontend EX01" | Format-List Fqdn,Banner',
              'Set-ReceiveConnector "EX01\\Default Frontend EX01" -Fqdn mail.contoso.com -Banner $null',
            ],
          },
        ],
      },
      {
        text: "Ask whoever owns the public address (ISP, cloud provider) for a PTR record that names the mail server, e.g. `25.113.0.203.in-addr.arpa. IN PTR mail.contoso.com.`; turn off SMTP inspection on a Cisco firewall (`no inspect esmtp` in the global policy).",
      },
    ],
    seeAlso: ["SMTP_EHLO_REJECTED", "TCP_TIMEOUT"],
  },
  SMTP_EHLO_REJECTED: {
    title: "The mail server refused EHLO",
    group: "Internet e-mail (SMTP)",
    severity: "error",
    summary:
      "After the banner a sending server introduces itself with EHLO (or HELO with servers that don't know EHLO). This server answered with a refusal (4xx or 5xx), so no mail can be sent in the session.",
    details: [
      "The analyzer says `EHLO rca-analyzer.invalid`: a fixed name under the reserved .invalid domain, so that it never reveals the name of the machine it runs on. A server that requires a resolvable EHLO name (Postfix `reject_unknown_helo_hostname` with `smtpd_delay_reject = no`) refuses it; its reply says so, and real sending servers with proper names get through. When EHLO is answered with 500 or 502 (unknown command) the analyzer tries HELO, as RFC 5321 says clients should.",
      "A refusal for every client is a misconfiguration: the mail exchanger can't receive mail at all.",
    ],
    symptoms: ["Mail to the domain bounces or stays queued at senders with the server's EHLO refusal in the bounce message."],
    causes: [
      "Restrictions on the EHLO name set too strictly (`smtpd_helo_restrictions = reject…`), or a connection filter that answers every command with 554.",
      "An anti-spam appliance or SMTP proxy in front of the server that refuses the client.",
    ],
    fixes: [
      { text: "Repeat the dialog by hand and read the refusal.", commands: [SMTP_BY_HAND] },
      {
        text: "Postfix: look at the EHLO restrictions; reject only what is clearly forged, and leave the decision until RCPT TO (the default).",
        commands: [
          {
            shell: "bash",
            lines: [
              "postconf smtpd_helo_required smtpd_helo_restrictions smtpd_delay_reject",
              "postconf -e 'smtpd_helo_restrictions = permit_mynetworks, reject_invalid_helo_hostname'",
              "postconf -e 'smtpd_delay_reject = yes'",
              "postfix reload",
            ],
          },
        ],
      },
      {
        text: "Exchange: check the receive connector that answers on port 25 accepts anonymous senders.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: ['Get-ReceiveConnector "EX01\\Default Frontend EX01" | Format-List Bindings,RemoteIPRanges,PermissionGroups'],
          },
        ],
      },
    ],
    seeAlso: ["SMTP_BANNER"],
  },
  SMTP_NULL_MX: {
    title: "The domain has a null MX: it accepts no e-mail",
    group: "Internet e-mail (SMTP)",
    severity: "error",
    summary:
      'The domain publishes the MX record "0 ." (RFC 7505), which says it receives no e-mail at all: senders bounce mail to it at once instead of trying its address. Right for a domain that only sends or serves a website; wrong if it should receive mail.',
    symptoms: ['Every message to the domain bounces at once with "Domain does not accept mail" or "nullMX".'],
    causes: ["A null MX published on purpose for a domain that later started to receive mail, or a template applied to the wrong zone."],
    fixes: [
      {
        text: "Replace the null MX with the real mail exchangers (zone-file lines), then wait for the record's TTL.",
        commands: [
          { shell: "bash", lines: ["dig MX contoso.com +short"] },
          {
            shell: "PowerShell",
            lines: [
              "Remove-DnsServerResourceRecord -ZoneName contoso.com -RRType Mx -Name '@' -Force",
              "Add-DnsServerResourceRecordMX -ZoneName contoso.com -Name '@' -MailExchange mail.contoso.com -Preference 10",
            ],
          },
        ],
      },
      { text: "In the zone file: remove `contoso.com. IN MX 0 .` and add `contoso.com. 3600 IN MX 10 mail.contoso.com.`" },
    ],
    seeAlso: ["DNS_NO_RECORD"],
  },
  SMTP_STARTTLS_MISSING: {
    title: "The mail server doesn't offer STARTTLS",
    group: "Internet e-mail (SMTP)",
    severity: "error",
    summary:
      "The server's EHLO answer doesn't list STARTTLS, or it refused the STARTTLS command: mail from the Internet reaches it unencrypted, readable and changeable on the way. Senders that require TLS (MTA-STS, DANE, many banks and public bodies) won't deliver, and Gmail shows such mail with a red open padlock (not encrypted).",
    details: [
      "The analyzer reads the extensions in the reply to EHLO. If STARTTLS is listed it sends the command and expects 220; a refusal such as `454 4.7.0 TLS not available due to local problem` usually means the server can't read its certificate or key. The dialog then goes on unencrypted, as senders do.",
      "A certificate problem (a name mismatch, an expired or self-signed certificate) is a separate, lesser problem: most senders use TLS opportunistically and don't validate the certificate (RFC 7435), so the analyzer reports certificate problems on SMTP as warnings. Senders that enforce MTA-STS or DANE do validate it.",
    ],
    symptoms: ["Received headers show `with ESMTP` instead of `with ESMTPS`; Gmail shows a red open padlock on messages from or to the domain."],
    causes: [
      "TLS isn't configured: Postfix `smtpd_tls_security_level` is `none` or unset, Exchange's receive connector has no certificate for its FQDN.",
      "The certificate or key file can't be read (permissions, a renewed certificate at a new path), so the server withdraws STARTTLS or answers 454.",
      "A firewall with SMTP inspection (Cisco ASA/FTD `inspect esmtp`) strips STARTTLS from the EHLO answer.",
    ],
    fixes: [
      { text: "Look at the EHLO answer and try STARTTLS by hand.", commands: [SMTP_BY_HAND] },
      {
        text: "Postfix: offer STARTTLS with a certificate for the MX name.",
        commands: [
          {
            shell: "bash",
            lines: [
              "postconf -e 'smtpd_tls_cert_file = /etc/letsencrypt/live/mail.contoso.com/fullchain.pem'",
              "postconf -e 'smtpd_tls_key_file = /etc/letsencrypt/live/mail.contoso.com/privkey.pem'",
              "postconf -e 'smtpd_tls_security_level = may'",
              "postfix reload",
            ],
          },
        ],
      },
      {
        text: "Exchange: enable the certificate for SMTP; its subject or SAN must contain the receive connector's FQDN.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ExchangeCertificate | Format-List Thumbprint,Subject,CertificateDomains,Services,NotAfter",
              "Enable-ExchangeCertificate -Thumbprint 5113AE0233A72FCCB75F1D0FACDFF0FA2E94CEE8 -Services SMTP",
            ],
          },
        ],
      },
      { text: "Turn off ESMTP inspection on a Cisco firewall (`policy-map global_policy` → `class inspection_default` → `no inspect esmtp`)." },
    ],
    seeAlso: ["TLS_HANDSHAKE_FAILED", "CERT_NAME_MISMATCH", "MTA_STS_INVALID"],
  },
  SMTP_RECIPIENT_REJECTED: {
    title: "The mail server refused the recipient",
    group: "Internet e-mail (SMTP)",
    severity: "error-or-warning",
    summary:
      "Asked with `MAIL FROM:<>` and `RCPT TO:<recipient>` whether it accepts mail for the address you entered, the server refused: a 5xx reply is an error (senders get a bounce), a 4xx reply a warning (a temporary refusal such as greylisting; senders retry). A refused null sender (`MAIL FROM:<>`) is an error too: RFC 5321 requires accepting it for bounces and delivery reports.",
    details: [
      "The analyzer never sends DATA: after RCPT TO it sends RSET, so nothing is delivered. It uses the null sender so that sender checks (SPF, sender domain) don't get in the way; the server's reply text is shown as received.",
    ],
    symptoms: ["Mail to this address bounces with `550 5.1.1 User unknown`, `550 5.7.1 Relay access denied` or the like."],
    causes: [
      "The mailbox or alias doesn't exist, or isn't known to the server that answers (a gateway in front of Exchange or Microsoft 365 with an outdated recipient list).",
      "The domain isn't an accepted domain of the server, so it treats the address as relaying.",
      "Recipient-based restrictions or greylisting (4xx).",
    ],
    fixes: [
      { text: "Repeat the check by hand: `MAIL FROM:<>`, `RCPT TO:<user@contoso.com>`, then `RSET` and `QUIT`.", commands: [SMTP_BY_HAND] },
      {
        text: "Exchange: make sure the domain is accepted and the address belongs to a recipient.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: ["Get-AcceptedDomain", "Get-Recipient -Identity user@contoso.com | Format-List RecipientType,EmailAddresses"],
          },
        ],
      },
      {
        text: "Postfix: check the domain and the address the way smtpd does.",
        commands: [
          {
            shell: "bash",
            lines: ["postconf mydestination virtual_mailbox_domains relay_domains", "postmap -q user@contoso.com $(postconf -h virtual_mailbox_maps)"],
          },
        ],
      },
    ],
    seeAlso: ["SMTP_OPEN_RELAY"],
  },
  SMTP_OPEN_RELAY: {
    title: "The mail server is an open relay",
    group: "Internet e-mail (SMTP)",
    severity: "error",
    summary:
      "The server accepted a message from an outside address (`rca-relay-test@example.com`) to another outside address (`relay-test@example.net`), without authentication: anyone can send mail through it. Spammers find such servers within hours; its address lands on block lists and the organisation's own mail is refused everywhere.",
    details: [
      "The analyzer sends `MAIL FROM:<rca-relay-test@example.com>` and `RCPT TO:<relay-test@example.net>` (domains reserved for examples, RFC 2606) and, whatever the answer, RSET: it never sends DATA, so nothing is relayed. A server must refuse the recipient (typically `554 5.7.1 Relay access denied` or `550 5.7.54 Unable to relay`).",
      "A server that accepts the recipient and refuses later (after DATA) is still reported: spammers' software doesn't care, and the server's queue fills with bounces.",
    ],
    symptoms: ["The mail queue holds thousands of messages to unknown domains; the server's address is listed on Spamhaus and other block lists."],
    causes: [
      "Postfix: `mynetworks` includes the Internet (0.0.0.0/0) or the load balancer's address that all connections come from, or `smtpd_relay_restrictions` lacks `reject_unauth_destination`.",
      'Exchange: an anonymous receive connector with the "ms-Exch-SMTP-Accept-Any-Recipient" permission for all addresses.',
    ],
    fixes: [
      {
        text: "Postfix: relay only for your own networks and authenticated users.",
        commands: [
          {
            shell: "bash",
            lines: [
              "postconf -e 'mynetworks = 127.0.0.0/8 [::1]/128'",
              "postconf -e 'smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination'",
              "postfix reload",
            ],
          },
        ],
      },
      {
        text: "Exchange: find receive connectors that let anonymous senders relay, and limit them to the application servers' addresses.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              'Get-ReceiveConnector | Get-ADPermission | Where-Object { $_.ExtendedRights -like "ms-Exch-SMTP-Accept-Any-Recipient" -and $_.User -like "*ANONYMOUS LOGON*" } | Format-Table Identity,User',
              'Set-ReceiveConnector "EX01\\Relay EX01" -RemoteIPRanges 10.0.0.25',
            ],
          },
        ],
      },
      { text: "Clear the queue of relayed spam, then ask the block lists to delist the address once the relay is closed." },
    ],
    seeAlso: ["SMTP_RECIPIENT_REJECTED"],
  },
  MTA_STS_INVALID: {
    title: "MTA-STS policy invalid or not met",
    group: "Internet e-mail (SMTP)",
    severity: "error-or-warning",
    summary:
      "The domain announces MTA-STS (RFC 8461) with a `_mta-sts` TXT record, but its policy can't be fetched or read, or the mail exchangers don't meet it: an MX host that no `mx:` line matches, or one without STARTTLS and a valid certificate. In mode enforce this is an error (senders that honour MTA-STS, such as Gmail and Microsoft 365, refuse to deliver to such hosts); in mode testing a warning (they deliver and report).",
    details: [
      "The analyzer reads `_mta-sts.<domain>` TXT (exactly one record starting `v=STSv1`, with an `id=` of up to 32 letters and digits), then fetches `https://mta-sts.<domain>/.well-known/mta-sts.txt` on port 443 with a strict certificate check, as senders do (no redirects). The policy needs `version: STSv1`, `mode: enforce | testing | none`, `max_age` in seconds (at most 31557600) and one `mx:` line per pattern (`mail.contoso.com` or `*.contoso.com`, the wildcard covering one label).",
      "Senders cache a policy for max_age seconds and fetch it again when the `id` in the TXT record changes: change the id whenever you change the policy.",
      "No `_mta-sts` record is not a problem: the step is informational then.",
    ],
    symptoms: [
      "Mail from Gmail or Microsoft 365 is delayed or bounces while other senders deliver; TLS-RPT reports list `sts-policy-fetch-error`, `validation-failure` or `starttls-not-supported`.",
    ],
    causes: [
      "The policy host mta-sts.<domain> has no address, no HTTPS, a certificate not valid for its name, or answers 404 or a redirect.",
      "A new MX host was added to DNS but not to the policy's `mx:` lines.",
      "An MX host lost STARTTLS or presents a certificate for another name.",
    ],
    fixes: [
      {
        text: "Fetch the record and the policy as senders do.",
        commands: [{ shell: "bash", lines: ["dig TXT _mta-sts.contoso.com +short", "curl -sv https://mta-sts.contoso.com/.well-known/mta-sts.txt"] }],
      },
      {
        text: 'Serve a policy that names every MX host, e.g. this file as text/plain, then change the id in the TXT record (`_mta-sts.contoso.com. IN TXT "v=STSv1; id=20240601T000000"`).',
        commands: [
          {
            shell: "bash",
            lines: [
              "printf 'version: STSv1\\r\\nmode: enforce\\r\\nmx: mail.contoso.com\\r\\nmx: *.mail.protection.outlook.com\\r\\nmax_age: 1209600\\r\\n' > /var/www/mta-sts/.well-known/mta-sts.txt",
            ],
          },
        ],
      },
      { text: "While changing MX hosts or certificates, switch to `mode: testing` first and watch the TLS-RPT reports." },
    ],
    seeAlso: ["SMTP_STARTTLS_MISSING", "TLSRPT_MISSING", "DANE_MISMATCH"],
  },
  TLSRPT_MISSING: {
    title: "No valid TLS-RPT record",
    group: "Internet e-mail (SMTP)",
    severity: "warning",
    summary:
      "The domain has no valid TLS reporting record (RFC 8460, `_smtp._tls.<domain>` TXT `v=TLSRPTv1; rua=mailto:…`) although it requires TLS with MTA-STS or DANE: when senders can't deliver over TLS, nobody is told. Without MTA-STS and DANE the missing record is only informational; a broken record (no `rua=`, more than one record) is always a warning.",
    details: [
      "Like Microsoft's own checks, the analyzer treats TLS-RPT as optional on its own: its reports matter once a policy can make senders refuse delivery. `rua=` takes `mailto:` and `https:` addresses, separated by commas.",
    ],
    symptoms: ["An MTA-STS or DANE failure (an expired certificate, a new MX host) is noticed only when mail stops arriving."],
    causes: ["The record was never published, or is malformed (missing `rua=`, two records at the name)."],
    fixes: [
      {
        text: "Publish one record with a mailbox (or a reporting service) for the reports.",
        commands: [
          { shell: "bash", lines: ["dig TXT _smtp._tls.contoso.com +short"] },
          {
            shell: "PowerShell",
            lines: [
              'Add-DnsServerResourceRecord -ZoneName contoso.com -Name _smtp._tls -Txt -DescriptiveText "v=TLSRPTv1; rua=mailto:tls-reports@contoso.com"',
            ],
          },
        ],
      },
      { text: 'Zone-file line: `_smtp._tls.contoso.com. 3600 IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@contoso.com"`' },
    ],
    seeAlso: ["MTA_STS_INVALID", "DANE_MISMATCH"],
  },
  DANE_MISMATCH: {
    title: "DANE TLSA records don't match the certificate",
    group: "Internet e-mail (SMTP)",
    severity: "error-or-warning",
    summary:
      "The mail exchanger has TLSA records (`_25._tcp.<mx host>`, RFC 7672) but none of them matches the certificate it presents over STARTTLS, or it offers no working STARTTLS at all: senders that use DANE (Postfix and Exim with DNSSEC, many European providers) refuse to deliver to it. A warning when none of the records is of a kind SMTP uses.",
    details: [
      "SMTP uses only usage 3 (DANE-EE: the server's own certificate or key) and usage 2 (DANE-TA: a CA certificate or key in the chain the server sends); usages 0 and 1 are ignored. Selector 0 is the whole certificate, 1 its public key (SPKI); matching type 0 is the data itself, 1 its SHA-256, 2 its SHA-512. `3 1 1` (the SHA-256 of the server's public key) is the usual choice: it survives certificate renewals that keep the key.",
      "The analyzer doesn't validate DNSSEC: DANE only counts when the TLSA records are DNSSEC-signed, so check the signature separately (e.g. `dig +dnssec`, or a validating resolver's `ad` flag).",
      "No TLSA records is not a problem: the step is informational then.",
    ],
    symptoms: [
      "Mail from DANE-validating senders stays queued with `Server certificate not trusted` or `TLSA lookup … no match`, after a certificate renewal with a new key.",
    ],
    causes: [
      "The certificate (or its key) was renewed and the TLSA record still has the old one.",
      "A `2 x x` record names a CA certificate the server doesn't send in its chain.",
      "The server stopped offering STARTTLS.",
    ],
    fixes: [
      {
        text: "Compute the `3 1 1` data of the certificate the server presents and compare it with the record.",
        commands: [
          {
            shell: "bash",
            lines: [
              "dig TLSA _25._tcp.mail.contoso.com +short +dnssec",
              "openssl s_client -starttls smtp -connect mail.contoso.com:25 -servername mail.contoso.com </dev/null 2>/dev/null | openssl x509 -noout -pubkey | openssl pkey -pubin -outform DER | openssl dgst -sha256",
            ],
          },
        ],
      },
      {
        text: "Publish the new record before the new certificate goes live, keep the old one until it's gone: `_25._tcp.mail.contoso.com. 3600 IN TLSA 3 1 1 <sha-256 hex>`. With a `3 1 1` record, keep the same key across renewals (certbot's `--reuse-key`) and the record stays valid.",
      },
    ],
    seeAlso: ["SMTP_STARTTLS_MISSING", "MTA_STS_INVALID", "TLSRPT_MISSING"],
  },
} satisfies HelpPages;
