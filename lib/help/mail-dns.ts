import type { HelpPages } from "./types";

/** The DNS records other mail servers judge a sending server by: reverse DNS, block lists, SPF and DMARC. */
export const MAIL_DNS_HELP = {
  PTR_MISSING: {
    title: "The sending IP address has no reverse DNS (PTR) record",
    group: "Mail DNS records",
    severity: "error",
    summary:
      "The IP address your server sends mail from has no PTR record in reverse DNS (`25.113.0.203.in-addr.arpa` for 203.0.113.25). Receiving servers look it up for every connection; many (Gmail, Outlook.com, most anti-spam gateways) reject or junk mail from an address without one.",
    details: [
      "The analyzer asks for the PTR record of the address at its reverse name (`…in-addr.arpa` for IPv4, the nibbles of the address under `ip6.arpa` for IPv6) through its own resolver, as a receiving server does. No answer, or an empty one, is this problem; a lookup that fails (timeout, SERVFAIL) is DNS_FAILURE.",
      "Reverse DNS belongs to whoever holds the address block, usually your Internet or hosting provider, not to your domain's DNS host: creating a record in your own zone does nothing. Only a provider that delegated the reverse zone to you (common for /24 and larger blocks) lets you manage it yourself.",
      "Gmail's sender guidelines require that the sending IP address have a PTR record that resolves back to it; Microsoft (Outlook.com) and Yahoo apply the same rule to new senders.",
    ],
    symptoms: [
      'Bounces such as "550 5.7.25 The IP address sending this message does not have a PTR record setup" (Gmail), "450 4.7.1 Client host rejected: cannot find your reverse hostname" (Postfix\'s `reject_unknown_reverse_client_hostname`) or "450 4.7.25 Client host rejected: cannot find your hostname" (Postfix\'s `reject_unknown_client_hostname`, which also wants the name to resolve back to the address).',
      "Received headers at the recipient show `unknown [203.0.113.25]` as the sending host.",
      "Mail reaches some recipients and lands in spam, or is refused, at others.",
    ],
    causes: [
      "The provider never set a PTR record for the address (the default for many business lines and cloud VMs).",
      "The mail server's public address changed (new line, new NAT rule, a cloud VM re-created) and the PTR was set for the old one.",
      "The server sends through a different public address than you expect: check the firewall's outbound NAT rule, or the first Received header of a message sent to an outside mailbox.",
    ],
    fixes: [
      {
        text: "Confirm the address your server really sends from, and what its reverse DNS says.",
        commands: [
          { shell: "bash", lines: ["dig -x 203.0.113.25 +short", "dig 25.113.0.203.in-addr.arpa PTR @8.8.8.8"] },
          { shell: "PowerShell", lines: ["Resolve-DnsName 203.0.113.25 -Type PTR -Server 8.8.8.8"] },
        ],
      },
      {
        text: "Ask the owner of the address (your ISP or hosting provider; in Azure, AWS and most clouds a setting of the public IP resource) to set a PTR record naming your mail server, like mail.contoso.com. A name that is also your server's EHLO name is best. In Azure:",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "$ip = Get-AzPublicIpAddress -Name mail-ip -ResourceGroupName mail-rg",
              "$ip.DnsSettings.ReverseFqdn = 'mail.contoso.com.'",
              "Set-AzPublicIpAddress -PublicIpAddress $ip",
            ],
          },
        ],
      },
      {
        text: "If the reverse zone is delegated to your own name servers, add the record there: in zone-file notation `25.113.0.203.in-addr.arpa. 3600 IN PTR mail.contoso.com.`; on a Windows DNS server:",
        commands: [
          { shell: "PowerShell", lines: ["Add-DnsServerResourceRecordPtr -ZoneName 113.0.203.in-addr.arpa -Name 25 -PtrDomainName mail.contoso.com"] },
        ],
      },
      {
        text: "Make the name resolve back to the address (an A record `mail.contoso.com. 3600 IN A 203.0.113.25` in your domain's public zone), and make the server introduce itself with the same name.",
        commands: [
          { shell: "bash", description: "Postfix", lines: ["postconf -e 'smtp_helo_name = mail.contoso.com'", "postfix reload"] },
          { shell: "Exchange Management Shell", lines: ['Set-SendConnector "Internet" -Fqdn mail.contoso.com'] },
        ],
      },
    ],
    seeAlso: ["PTR_MISMATCH", "DNSBL_LISTED"],
  },
  PTR_MISMATCH: {
    title: "Reverse DNS doesn't resolve back to the sending IP address",
    group: "Mail DNS records",
    severity: "error",
    summary:
      'The sending address has a PTR record, but the name it gives doesn\'t resolve back to the same address (no forward-confirmed reverse DNS, "FCrDNS"). Receivers treat an unconfirmed name like a missing one: anybody can put any name in the reverse zone of their own addresses.',
    details: [
      "The analyzer looks up the PTR record of the address, then the A (or AAAA) records of each name it gives; one name whose addresses include the sending address is enough. The step details list every name and the addresses it resolved to.",
      "The analyzer also notes (without failing) a confirmed name that looks generic, like `203-0-113-25.dsl.example.net` or `dynamic-25.pool.example.net`: some receivers and block lists (Spamhaus PBL) treat such names as end-user addresses that shouldn't send mail directly.",
    ],
    symptoms: [
      'Bounces like "450 4.7.25 Client host rejected: cannot find your hostname" or "550 5.7.25 … reverse DNS does not match" ; Received headers at the recipient show the name with a warning such as `(may be forged)`.',
      "Mail from this server lands in spam at some receivers while other servers of yours get through.",
    ],
    causes: [
      "The PTR names a host (mail.contoso.com) whose A record points elsewhere, e.g. at a web server or an old address.",
      "The PTR names a host that doesn't exist at all, or exists only in your internal DNS zone.",
      "The PTR record is still the provider's generic name while your A record points your name at the address (both sides must agree).",
    ],
    fixes: [
      {
        text: "Compare both directions: the PTR name, then that name's addresses.",
        commands: [
          { shell: "bash", lines: ["dig -x 203.0.113.25 +short", "dig mail.contoso.com A +short @8.8.8.8"] },
          { shell: "PowerShell", lines: ["Resolve-DnsName 203.0.113.25 -Type PTR", "Resolve-DnsName mail.contoso.com -Type A -Server 8.8.8.8"] },
        ],
      },
      {
        text: "Make the PTR name resolve to the sending address in the public zone (`mail.contoso.com. 3600 IN A 203.0.113.25`), or have the provider change the PTR record to a name that already does.",
        commands: [{ shell: "PowerShell", lines: ["Add-DnsServerResourceRecordA -ZoneName contoso.com -Name mail -IPv4Address 203.0.113.25"] }],
      },
    ],
    seeAlso: ["PTR_MISSING"],
  },
  DNSBL_LISTED: {
    title: "The sending IP address is on a DNS block list",
    group: "Mail DNS records",
    severity: "error",
    summary:
      "A DNS block list (DNSBL) lists the IP address your server sends from. Receiving servers that use the list reject or junk every message from the address until it is delisted.",
    details: [
      "The analyzer asks each list the way receivers do (RFC 5782): an A lookup of the reversed address under the list's zone, e.g. `25.113.0.203.zen.spamhaus.org`. No such name means not listed; an answer in 127.0.0.0/8 means listed, and the last number says why on lists that use several codes. The list's TXT record at the same name usually carries the reason and a delisting link; the step shows both.",
      "Spamhaus ZEN answers: 127.0.0.2 SBL (spam source or operation), 127.0.0.3 SBL CSS (low-reputation, snowshoe sending), 127.0.0.4 to 127.0.0.7 XBL (a compromised host, botnet or open proxy), 127.0.0.9 DROP (hijacked networks), 127.0.0.10 and 127.0.0.11 PBL (addresses that should not send mail directly: end-user and dynamic ranges; a policy listing, not an accusation). SpamCop, Barracuda, PSBL and Mailspike answer 127.0.0.2.",
      "Spamhaus answers 127.255.255.252, 127.255.255.254 or 127.255.255.255 when it refuses the query (a typing error in the zone, a query through a large public resolver such as 8.8.8.8, or too many queries). That is not a listing: the step is informational and says the list couldn't be asked. Operators of this analyzer should use a resolver of their own in `RCA_DNS_SERVERS` (Spamhaus serves those, within its free-use terms) or a Spamhaus Data Query Service zone in `RCA_DNSBL_ZONES`. A list that can't be asked at all (timeout, SERVFAIL) is a DNS_FAILURE warning for that list only.",
      "The lists asked are the operator's choice (`RCA_DNSBL_ZONES`); by default Spamhaus ZEN, SpamCop, Barracuda, PSBL and Mailspike, the ones receivers use most.",
    ],
    symptoms: [
      'Bounces naming the list: "554 5.7.1 Service unavailable; Client host [203.0.113.25] blocked using zen.spamhaus.org", "550 5.7.1 … listed at bl.spamcop.net", or Outlook.com\'s "550 5.7.1 … part of their network is on our block list (S3150)".',
      "Mail to many unrelated domains is refused at once, while mail inside the organisation flows.",
    ],
    causes: [
      "A compromised account or device sent spam through the server (stolen password used over authenticated SMTP, a hacked web form or script), or malware on a host behind the same NAT address (XBL).",
      "The server was an open relay, or bounced spam back to forged senders (backscatter).",
      "The address is in an end-user or dynamic range (PBL): the provider doesn't expect servers there. Send through the provider's smarthost, or ask for a static business address and have it removed from the PBL.",
      "The address was listed before you got it (a new cloud VM or line inherits its history).",
    ],
    fixes: [
      {
        text: "Find and stop the source first, or you will be listed again within hours: look for accounts sending unusual volumes, and queues full of mail you didn't send.",
        commands: [
          {
            shell: "bash",
            description: "Postfix: the queue, and who authenticated",
            lines: ["mailq | tail -n 1", "grep 'sasl_username=' /var/log/mail.log | awk -F'sasl_username=' '{print $2}' | sort | uniq -c | sort -rn | head"],
          },
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-Queue | Sort-Object MessageCount -Descending | Select-Object -First 5",
              "Get-MessageTrackingLog -Start (Get-Date).AddHours(-24) -EventId SEND -ResultSize 5000 | Group-Object Sender | Sort-Object Count -Descending | Select-Object -First 10 Count,Name",
            ],
          },
        ],
      },
      {
        text: "Close what let it happen: reset the stolen passwords, require authentication and TLS for submission, and make sure the server relays only for your own users.",
        commands: [
          {
            shell: "bash",
            description: "Postfix",
            lines: ["postconf -e 'smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination'", "postfix reload"],
          },
          {
            shell: "Exchange Management Shell",
            lines: [
              'Get-ReceiveConnector | Where-Object { $_.PermissionGroups -match "AnonymousUsers" } | Get-ADPermission -User "NT AUTHORITY\\ANONYMOUS LOGON" | Where-Object { $_.ExtendedRights -match "ms-Exch-SMTP-Accept-Any-Recipient" }',
            ],
          },
        ],
      },
      {
        text: "Check the listing and request removal on the list's own site (the TXT reason in the step details usually links to it): Spamhaus https://check.spamhaus.org/, SpamCop https://www.spamcop.net/bl.shtml (entries expire after 24 hours without new reports), Barracuda https://www.barracudacentral.org/rbl/removal-request, PSBL https://psbl.org/. Verify from a resolver of your own:",
        commands: [
          { shell: "bash", lines: ["dig +short 25.113.0.203.zen.spamhaus.org A", "dig +short 25.113.0.203.zen.spamhaus.org TXT"] },
          { shell: "PowerShell", lines: ["Resolve-DnsName 25.113.0.203.zen.spamhaus.org -Type A", "Resolve-DnsName 25.113.0.203.zen.spamhaus.org -Type TXT"] },
        ],
      },
    ],
    seeAlso: ["PTR_MISSING", "SPF_NOT_PERMITTED"],
  },
  SPF_MISSING: {
    title: "The domain has no SPF record",
    group: "Mail DNS records",
    severity: "error",
    summary:
      "The domain has no SPF record: no TXT record starting with `v=spf1`. Receivers can't tell which servers may send its mail, so they can't authenticate it by SPF (result none), and DMARC then depends on DKIM alone.",
    details: [
      "The analyzer evaluates SPF as a receiver does for mail whose envelope sender (MAIL FROM) is `postmaster@<domain>`: it reads the domain's TXT records and keeps the one that starts with `v=spf1`.",
      "Since 2024 Gmail and Yahoo require every sender to authenticate with SPF or DKIM, and bulk senders with both; Outlook.com applies the same to high-volume senders. Unauthenticated mail is junked or refused.",
    ],
    symptoms: [
      "Messages arrive with `Received-SPF: none` and `Authentication-Results: … spf=none` in their headers, often in spam folders.",
      'Bounces such as Gmail\'s "550 5.7.26 This mail has been blocked because the sender is unauthenticated".',
      "Spammers can forge the domain in envelope senders without any receiver noticing.",
    ],
    causes: [
      "The record was never published, or was published in the internal DNS zone only.",
      "It was published at the wrong name (`spf.contoso.com`, or `contoso.com.contoso.com` from a missing trailing dot), or as the obsolete SPF record type (type 99) instead of TXT.",
      "The text doesn't start exactly with `v=spf1` (a quote, a space, or a Sender ID record such as `spf2.0/mfrom,pra`).",
    ],
    fixes: [
      {
        text: "Publish one TXT record at the domain that lists every server that sends its mail and ends with `-all` (or `~all` while you are testing): your own servers' addresses, and an include for each service that sends for you. In zone-file notation:",
        commands: [
          {
            shell: "bash",
            description: "Zone file line, then the check",
            lines: ['contoso.com. 3600 IN TXT "v=spf1 ip4:203.0.113.25 include:spf.protection.outlook.com -all"', "dig +short contoso.com TXT @8.8.8.8"],
          },
          {
            shell: "PowerShell",
            description: "Windows DNS server",
            lines: [
              'Add-DnsServerResourceRecord -ZoneName contoso.com -Name "@" -Txt -DescriptiveText "v=spf1 ip4:203.0.113.25 include:spf.protection.outlook.com -all"',
            ],
          },
        ],
      },
      {
        text: 'A domain that sends no mail at all should say so: `contoso.com. 3600 IN TXT "v=spf1 -all"`.',
      },
    ],
    seeAlso: ["SPF_INVALID", "SPF_NOT_PERMITTED", "DMARC_MISSING"],
  },
  SPF_INVALID: {
    title: "The SPF record is invalid (permerror)",
    group: "Mail DNS records",
    severity: "error",
    summary:
      "The domain's SPF record can't be evaluated: SPF's result is permerror. RFC 7208 lets receivers treat that as a failure, and DMARC counts it as one, so mail from the domain loses SPF authentication everywhere.",
    details: [
      'Permerror has these causes, each named in the step\'s message: two or more TXT records starting with `v=spf1` (a domain may have only one); a syntax error anywhere in the record (an unknown mechanism, a bad IP address or prefix length, a typo like `ip4 :` or `include;`); more than 10 DNS-querying terms in the whole evaluation (`include`, `a`, `mx`, `ptr`, `exists` and `redirect`, counted through every included record); more than 2 lookups that found nothing ("void lookups"); an `include` or `redirect` naming a domain without an SPF record.',
      "The step details show the record, the DNS lookups used (n of 10) and the evaluation trail: each record read and each mechanism tried, in order.",
    ],
    symptoms: [
      "Headers of delivered mail show `Received-SPF: permerror` or `spf=permerror`; DMARC fails when DKIM doesn't align, so mail is quarantined or rejected under a DMARC policy.",
      "The problem often appears suddenly after adding one more service's include (a new newsletter or CRM provider), or when a provider's own include grows.",
    ],
    causes: [
      "A second SPF record added for a new service instead of merging it into the existing one.",
      "Too many includes: each one counts, and so does every include inside it (`include:spf.protection.outlook.com` alone uses 2 of the 10).",
      "A typo or an unsupported mechanism copied from a web page.",
    ],
    fixes: [
      {
        text: "Look at every TXT record of the domain and merge all `v=spf1` ones into one.",
        commands: [
          { shell: "bash", lines: ["dig +short contoso.com TXT @8.8.8.8 | grep -i 'v=spf1'"] },
          { shell: "PowerShell", lines: ["Resolve-DnsName contoso.com -Type TXT -Server 8.8.8.8 | Where-Object { $_.Strings -match '^v=spf1' }"] },
        ],
      },
      {
        text: "Stay within 10 lookups: replace `a` and `mx` mechanisms by the addresses they stand for (`ip4:`/`ip6:` cost nothing), drop `ptr` (deprecated), and remove includes of services you no longer use. Use a subdomain for a bulk sender (its own MAIL FROM domain, e.g. `bounce.contoso.com`, with its own SPF record).",
        commands: [
          {
            shell: "bash",
            description: "One record, within the limit",
            lines: ['contoso.com. 3600 IN TXT "v=spf1 ip4:203.0.113.25 ip4:198.51.100.0/28 include:spf.protection.outlook.com -all"'],
          },
        ],
      },
    ],
    seeAlso: ["SPF_MISSING", "SPF_NOT_PERMITTED"],
  },
  SPF_NOT_PERMITTED: {
    title: "The domain's SPF record doesn't permit this IP address",
    group: "Mail DNS records",
    severity: "error-or-warning",
    summary:
      "The domain's SPF record is valid, but doesn't list the IP address you tested. Error: the result is fail (the record ends with `-all`), and receivers reject or junk the mail. Warning: the result is softfail (`~all`) or neutral (`?all`, or no `all` at all); receivers accept the mail but count it against it, and DMARC's SPF check fails either way.",
    details: [
      "The analyzer evaluates the record as a receiver does for mail from `postmaster@<domain>` sent from the address, through every include and redirect; the step details show the mechanism that decided (e.g. `-all`) and the evaluation trail, so you can see which include was expected to list the address.",
    ],
    symptoms: [
      'Bounces like "550 5.7.23 The message was rejected because of Sender Policy Framework violation" or "550 5.7.1 SPF check failed"; delivered mail carries `Received-SPF: fail` or `softfail`.',
      "Mail from one server (a new relay, a scanner or application, a cloud service) is refused while mail from the main server gets through.",
    ],
    causes: [
      "A new sending server, NAT address or service (a CRM, a newsletter tool, Microsoft 365 during a migration) that nobody added to the record.",
      "The server sends through a different public address than the one listed (a second internet line, a changed outbound NAT rule).",
      "The wrong address was tested: use the address from the first Received header of a message it sent to an outside mailbox.",
    ],
    fixes: [
      {
        text: "Add the address (or the service's include) to the one SPF record, before the `all` mechanism.",
        commands: [
          {
            shell: "bash",
            lines: [
              'contoso.com. 3600 IN TXT "v=spf1 ip4:203.0.113.25 ip4:198.51.100.7 include:spf.protection.outlook.com -all"',
              "dig +short contoso.com TXT @8.8.8.8",
            ],
          },
        ],
      },
      {
        text: "Or send that server's mail through a server the record already permits (a smarthost):",
        commands: [
          { shell: "bash", description: "Postfix", lines: ["postconf -e 'relayhost = [smtp.contoso.com]:587'", "postfix reload"] },
          { shell: "Exchange Management Shell", lines: ['Set-SendConnector "Internet" -SmartHosts smtp.contoso.com -DNSRoutingEnabled $false'] },
        ],
      },
    ],
    seeAlso: ["SPF_INVALID", "SPF_MISSING", "DMARC_MISSING"],
  },
  DMARC_MISSING: {
    title: "The domain has no DMARC record",
    group: "Mail DNS records",
    severity: "warning",
    summary:
      "Neither the domain nor its organisational domain has a DMARC record (a TXT record starting with `v=DMARC1` at `_dmarc.<domain>`). Receivers have no policy for mail that fails SPF and DKIM in its name, and you get no reports of who sends as your domain. A warning: mail still flows, but Gmail, Yahoo and Outlook.com require DMARC from bulk senders, and phishing in your name goes unchecked.",
    details: [
      "As RFC 7489 says, the analyzer asks `_dmarc.<domain>` and, when there is no record, the organisational domain's `_dmarc` (the registrable domain from the public suffix list: `_dmarc.contoso.co.uk` for `mail.contoso.co.uk`), whose `sp=` (or `p=`) policy then applies.",
      "A record with `p=none` is reported as found, with a note: it only monitors (reports arrive, no mail is refused). It is the right first step; move to `quarantine` and `reject` once the reports show all your legitimate mail passes.",
    ],
    symptoms: [
      "Headers of delivered mail show `dmarc=none`; spoofed mail in your domain's name reaches recipients.",
      'Bulk mail to Gmail or Yahoo is refused with "550 5.7.26 Unauthenticated email from contoso.com is not accepted due to domain\'s DMARC policy"-style messages or junked.',
    ],
    causes: ["The record was never published.", "It was published at the wrong name (`dmarc.contoso.com`, or `_dmarc.contoso.com.contoso.com`)."],
    fixes: [
      {
        text: "Publish a monitoring policy with an address for aggregate reports, then tighten it once the reports are clean.",
        commands: [
          {
            shell: "bash",
            lines: ['_dmarc.contoso.com. 3600 IN TXT "v=DMARC1; p=none; rua=mailto:dmarc-reports@contoso.com"', "dig +short _dmarc.contoso.com TXT @8.8.8.8"],
          },
          {
            shell: "PowerShell",
            description: "Windows DNS server",
            lines: [
              'Add-DnsServerResourceRecord -ZoneName contoso.com -Name "_dmarc" -Txt -DescriptiveText "v=DMARC1; p=none; rua=mailto:dmarc-reports@contoso.com"',
            ],
          },
        ],
      },
    ],
    seeAlso: ["DMARC_INVALID", "SPF_MISSING"],
  },
  DMARC_INVALID: {
    title: "The DMARC record is invalid",
    group: "Mail DNS records",
    severity: "error",
    summary:
      "There is a TXT record at `_dmarc.<domain>`, but receivers can't use it: it doesn't start with `v=DMARC1`, there are two DMARC records, or a tag is wrong (no `p=`, a policy other than none, quarantine or reject, a bad `pct`, `adkim`, `aspf`, or a `rua`/`ruf` that isn't a mailto: address). Receivers then apply no DMARC policy at all.",
    details: [
      "RFC 7489: the record must start with `v=DMARC1` followed by `;`; tags are `name=value` pairs separated by semicolons; `p` is required. Receivers discard TXT records at `_dmarc` that don't start with `v=DMARC1`, and ignore DMARC entirely when there are several. (A record without a valid `p` but with a valid `rua` is read as `p=none` by some receivers; the analyzer still reports it, since the policy you meant isn't applied.) The step shows the record and what is wrong with it.",
    ],
    symptoms: ["Headers of delivered mail show `dmarc=none` although a record is published; DMARC reports stop arriving; spoofed mail is not refused."],
    causes: [
      "A typo: `p=rejected`, `v=DMARC1,` with a comma, `v=dmarc1` in a second position, a missing semicolon.",
      "A second record added by a service (a DMARC reporting provider) beside the existing one.",
    ],
    fixes: [
      {
        text: "Keep one record, starting with `v=DMARC1;`, with a valid policy.",
        commands: [
          {
            shell: "bash",
            lines: [
              "dig +short _dmarc.contoso.com TXT @8.8.8.8",
              '_dmarc.contoso.com. 3600 IN TXT "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@contoso.com"',
            ],
          },
          { shell: "PowerShell", lines: ["Resolve-DnsName _dmarc.contoso.com -Type TXT -Server 8.8.8.8"] },
        ],
      },
    ],
    seeAlso: ["DMARC_MISSING"],
  },
} satisfies HelpPages;
