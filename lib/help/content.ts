import type { ProblemCode } from "@/lib/problems";

/**
 * The explanation shown at /help/<CODE> for every problem code a step can raise: what it means, what admins and
 * users see, why it happens, and how to fix it, with exact commands. Plain text; `backticks` mark inline code.
 * `satisfies Record<ProblemCode, ProblemHelp>` makes a code without a page a compile error.
 */

export interface HelpCommand {
  shell: "PowerShell" | "Exchange Management Shell" | "bash" | "cmd";
  description?: string;
  lines: string[];
}

export interface HelpFix {
  text: string;
  commands?: HelpCommand[];
}

export interface ProblemHelp {
  /** Short headline. */
  title: string;
  severity: "error" | "warning" | "error-or-warning";
  /** What it means, 1-3 sentences. */
  summary: string;
  /** Deeper explanation: how the analyzer decides, background. */
  details?: string[];
  /** What admins and users see. */
  symptoms: string[];
  causes: string[];
  /** Ordered steps. */
  fixes: HelpFix[];
  seeAlso?: ProblemCode[];
}

/*
 * Building blocks that several pages share. All examples use the same fictitious organisation (domain contoso.com,
 * Exchange server EX01, host mail.contoso.com), so a command defined here reads the same on every page that shows it.
 */

/** Thumbprint of the certificate in use, in the Exchange examples. */
const CERT_THUMBPRINT = "5113AE0233A72FCCB75F1D0FACDFF0FA2E94CEE8";
/** Thumbprint of the newly issued replacement certificate, in the renewal and re-key examples. */
const NEW_CERT_THUMBPRINT = "0E1D48A1BA8D4C0F1A2B3C4D5E6F7A8B9C0D1E2F";

const IGNORE_TRUST_DETAIL =
  "With \"Ignore trust for SSL\" selected, the analyzer reports this problem (like every certificate check) as a warning instead of an error and continues with the remaining steps; real clients still reject the certificate.";

const IGNORE_TRUST_FIX: HelpFix = {
  text: "If you only want to see the results of the remaining steps (for example in a lab), re-run the test with \"Ignore trust for SSL\" checked: certificate problems, this one included, are then reported as warnings and the test continues. This does not fix anything for real clients.",
};

/** Fetches the certificate mail.contoso.com presents on 443 and prints it with `openssl x509 -noout <x509Options>`. */
function servedCertificateLine(x509Options: string): string {
  return `openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com </dev/null 2>/dev/null | openssl x509 -noout ${x509Options}`;
}

const SHOW_SERVED_CERTIFICATE_LINE = servedCertificateLine("-subject -issuer -dates -ext subjectAltName");

const SHOW_SERVED_CERTIFICATE: HelpCommand = {
  shell: "bash",
  lines: [
    SHOW_SERVED_CERTIFICATE_LINE,
  ],
};

const NGINX_RELOAD_LINE = "sudo nginx -t && sudo systemctl reload nginx";

const NGINX_RELOAD: HelpCommand = {
  shell: "bash",
  lines: [
    NGINX_RELOAD_LINE,
  ],
};

const CERTBOT_NGINX: HelpCommand = {
  shell: "bash",
  description: "Linux/nginx with Let's Encrypt",
  lines: [
    "sudo certbot certonly --nginx -d mail.contoso.com -d autodiscover.contoso.com",
    NGINX_RELOAD_LINE,
  ],
};

const CERTUTIL_VERIFY: HelpCommand = {
  shell: "cmd",
  lines: [
    "certutil -verify -urlfetch C:\\certs\\mail_contoso_com.cer",
  ],
};

/** Assigns the example certificate to the given Exchange services, e.g. `"IIS,SMTP"` or `"IMAP,POP"`. */
function enableCertificateLine(services: string): string {
  return `Enable-ExchangeCertificate -Thumbprint ${CERT_THUMBPRINT} -Services ${services}`;
}

const ENABLE_CERTIFICATE_FOR_IIS: HelpCommand = {
  shell: "Exchange Management Shell",
  lines: [
    enableCertificateLine("IIS"),
  ],
};

const REMOVE_OLD_CERTIFICATE_LINE = `Remove-ExchangeCertificate -Thumbprint ${CERT_THUMBPRINT}`;

const LIST_EXPIRING_CERTIFICATES: HelpCommand = {
  shell: "Exchange Management Shell",
  lines: [
    "Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) } | Format-Table FriendlyName,Subject,NotAfter,Services,Thumbprint -AutoSize",
  ],
};

const CERTIFICATE_SUBJECT_LINE = "Get-ExchangeCertificate | fl Subject,CertificateDomains,Services,Thumbprint";

/** New key pair and certificate request on the Exchange server. */
const NEW_CERTIFICATE_REQUEST: HelpCommand = {
  shell: "Exchange Management Shell",
  description: "Create a certificate request (new key pair) on the Exchange server; send the .req file to the CA",
  lines: [
    "New-ExchangeCertificate -GenerateRequest -RequestFile \"\\\\EX01\\C$\\certs\\mail_contoso_com.req\" -FriendlyName \"mail.contoso.com\" -SubjectName \"C=US, O=Contoso, CN=mail.contoso.com\" -DomainName mail.contoso.com,autodiscover.contoso.com -KeySize 2048 -PrivateKeyExportable $true",
  ],
};

/** Imports the CA's answer to a pending request and assigns the resulting certificate (identified by `thumbprint`). */
function completeCertificateRequest(thumbprint: string): HelpCommand {
  return {
    shell: "Exchange Management Shell",
    description: "Complete the pending request with the CA's answer, then assign the certificate (use your thumbprint; add IMAP,POP if those are used)",
    lines: [
      "Import-ExchangeCertificate -Server EX01 -FileData ([System.IO.File]::ReadAllBytes('\\\\EX01\\C$\\certs\\mail_contoso_com.cer'))",
      "Get-ExchangeCertificate | Format-List FriendlyName,Subject,CertificateDomains,Thumbprint,NotAfter,Services,Status",
      `Enable-ExchangeCertificate -Server EX01 -Thumbprint ${thumbprint} -Services IIS,SMTP`,
    ],
  };
}

/** Renewal request (same subject and names) from the certificate in use. */
const RENEWAL_REQUEST_LINES: readonly string[] = [
  `$req = Get-ExchangeCertificate -Thumbprint ${CERT_THUMBPRINT} | New-ExchangeCertificate -GenerateRequest -PrivateKeyExportable $true`,
  "[System.IO.File]::WriteAllBytes('\\\\EX01\\C$\\certs\\renewal.req', [System.Text.Encoding]::Unicode.GetBytes($req))",
];

/** Connectors that reference a certificate by issuer and subject. */
const CONNECTOR_CERTIFICATE_NAME_LINES: readonly string[] = [
  "Get-SendConnector | Format-List Identity,TlsCertificateName",
  "Get-ReceiveConnector | Format-List Identity,TlsCertificateName",
];

const ENABLE_TLS12_SCHANNEL: HelpCommand = {
  shell: "PowerShell",
  description: "Enable TLS 1.2 in SCHANNEL (server and client side); run as administrator",
  lines: [
    "$base = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols'",
    "foreach ($side in 'Server','Client') {",
    "  $k = \"$base\\TLS 1.2\\$side\"",
    "  if (-not (Test-Path $k)) { New-Item -Path $k -Force | Out-Null }",
    "  New-ItemProperty -Path $k -Name Enabled -PropertyType DWord -Value 1 -Force | Out-Null",
    "  New-ItemProperty -Path $k -Name DisabledByDefault -PropertyType DWord -Value 0 -Force | Out-Null",
    "}",
  ],
};

const GET_EXPR_PROVIDER_LINE = "Get-OutlookProvider EXPR | fl Name,CertPrincipalName,Server";

/** Sets the principal that Autodiscover hands out in the EXPR section, e.g. `"msstd:mail.contoso.com"`. */
function setExprPrincipalLine(principal: string): string {
  return `Set-OutlookProvider EXPR -CertPrincipalName:"${principal}"`;
}

const SET_WILDCARD_PRINCIPAL: HelpCommand = {
  shell: "Exchange Management Shell",
  description: "Wildcard certificate *.contoso.com",
  lines: [
    setExprPrincipalLine("msstd:*.contoso.com"),
  ],
};

const RESTART_AUTODISCOVER_APP_POOL: HelpCommand = {
  shell: "PowerShell",
  lines: [
    "Import-Module WebAdministration",
    "Restart-WebAppPool -Name MSExchangeAutodiscoverAppPool",
  ],
};

/** `autodiscover` CNAME and `_autodiscover._tcp` SRV record in a public zone hosted on Windows DNS. */
const AUTODISCOVER_DNS_RECORD_LINES: readonly string[] = [
  "Add-DnsServerResourceRecordCName -ZoneName contoso.com -Name autodiscover -HostNameAlias mail.contoso.com",
  "Add-DnsServerResourceRecord -ZoneName contoso.com -Srv -Name _autodiscover._tcp -DomainName mail.contoso.com -Priority 0 -Weight 0 -Port 443",
];

/** The RPC proxy request an Outlook Anywhere client starts with (without credentials it must get a 401). */
const RPC_PROXY_URL = "https://mail.contoso.com/rpc/rpcproxy.dll?mail.contoso.com:6002";

// Annotated as well as checked: consumers see the full ProblemHelp shape (optional fields included) for every code.
export const PROBLEM_HELP: Readonly<Record<ProblemCode, ProblemHelp>> = {
  TARGET_FORBIDDEN: {
    title: "Target refused: the name resolves to a private, loopback or other non-public address",
    severity: "error",
    summary: "The analyzer did not connect at all. The host you entered, or a name the test was led to (an MX host, an SRV target, a CNAME, an Autodiscover redirect), resolves to an address that is not on the public internet, and this analyzer instance is configured to test public targets only. This is a safety rule of the analyzer, not a verdict about your server.",
    details: [
      "This is a server-side request forgery (SSRF) safety measure. An analyzer that is reachable from the internet and connects wherever it is told could be used to probe the network it runs in: cloud metadata endpoints such as `169.254.169.254`, admin consoles listening on `127.0.0.1`, or internal servers behind the firewall. So every address the analyzer is about to connect to is checked after DNS resolution, and again for every redirect, referral or MX/SRV target; the connection then goes to exactly the address that was checked (no second lookup).",
      "Refused ranges include loopback (`127.0.0.0/8`, `::1`), private RFC 1918 space (`10.0.0.0/8`, `172.16.0.0/12`, `192.168.0.0/16`), IPv6 unique local (`fc00::/7`), link-local (`169.254.0.0/16`, `fe80::/10`), carrier-grade NAT (`100.64.0.0/10`), `0.0.0.0/8`, multicast, reserved and benchmarking ranges, the documentation ranges (`192.0.2.0/24`, `198.51.100.0/24`, `203.0.113.0/24`, `2001:db8::/32`), and IPv4-mapped/NAT64 forms of such addresses. The step details name the address and the range it falls in.",
      "If a name has several addresses and any one of them is non-public, the whole target is refused: the analyzer cannot know which address a client would pick, and a mixed answer is usually a DNS mistake anyway.",
      "If your public DNS really does return a private address for a name that external clients use, that is a real problem too: clients outside your network cannot reach that address either. This usually happens with split-brain DNS when a record from the internal zone was copied into the public zone.",
    ],
    symptoms: [
      "The test stops at the first step with \"Target forbidden\"; no TCP connection is attempted and nothing is logged on your server.",
      "The same host tests fine from a self-hosted analyzer instance inside the network on which private targets are allowed.",
      "External users cannot connect either, when the cause is a private address published in public DNS.",
    ],
    causes: [
      "You are testing an internal server (for example `ex01.corp.contoso.com` or `10.0.0.25`) from a public instance of the analyzer.",
      "The public DNS zone contains a private address, e.g. `mail.contoso.com. IN A 192.168.1.10`, copied from the internal zone.",
      "An Autodiscover redirect, SRV record, MX record or HTTP `Location` header points to an internal host name.",
      "An IPv6 unique local (`fd00::/8`) or link-local address was published in an AAAA record next to the public A record.",
    ],
    fixes: [
      {
        text: "Check what the name resolves to from the internet, against a public resolver rather than your internal DNS servers.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Resolve-DnsName mail.contoso.com -Type A -Server 1.1.1.1",
              "Resolve-DnsName mail.contoso.com -Type AAAA -Server 1.1.1.1",
            ],
          },
          {
            shell: "bash",
            lines: [
              "dig +short A mail.contoso.com @1.1.1.1",
              "dig +short AAAA mail.contoso.com @1.1.1.1",
            ],
          },
        ],
      },
      {
        text: "If public DNS returns a private address, correct the record in the public zone at your DNS host so it points to the public address of the service (the firewall/NAT or load balancer address, e.g. `203.0.113.25`). Keep the internal address only in the internal zone (split-brain DNS), and delete stray AAAA records that carry ULA or link-local addresses.",
      },
      {
        text: "If you intentionally need to test internal servers (intranet deployment, test lab), run a self-hosted instance of the analyzer inside the network and have its operator set the environment variable `RCA_ALLOW_PRIVATE_TARGETS=true`, then restart it. If the internal names only resolve on internal DNS servers, also point `RCA_DNS_SERVERS` at them. Only do this on an instance that untrusted users cannot reach: with the setting on, anyone who can start a test can make the analyzer connect to any internal address.",
        commands: [
          {
            shell: "bash",
            description: "Start a self-hosted instance that may test internal hosts",
            lines: [
              "RCA_ALLOW_PRIVATE_TARGETS=true RCA_DNS_SERVERS=10.0.0.10,10.0.0.11 npm start",
            ],
          },
          {
            shell: "PowerShell",
            description: "The same on Windows",
            lines: [
              "$env:RCA_ALLOW_PRIVATE_TARGETS = \"true\"; $env:RCA_DNS_SERVERS = \"10.0.0.10,10.0.0.11\"; npm start",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "DNS_NO_RECORD",
      "DNS_FAILURE",
      "AUTODISCOVER_NOT_FOUND",
    ],
  },
  DNS_NO_RECORD: {
    title: "DNS: the name has no record of the required type",
    severity: "error-or-warning",
    summary: "The DNS lookup completed, and the answer was negative: the name does not exist (NXDOMAIN), or it exists but has no record of the type the test needs (an empty NOERROR answer, \"NODATA\"). Examples: no A/AAAA record for the host, no MX record for the domain, no SRV record for `_autodiscover._tcp`, no PTR record for an IP address.",
    details: [
      "The analyzer separates a definitive negative answer (this code) from a lookup that could not be completed at all (`DNS_FAILURE`: SERVFAIL, REFUSED, timeout). A negative answer is cached by resolvers for the negative-caching TTL taken from the zone's SOA record (typically 5 minutes to 1 hour), so a record you have just created may not be visible everywhere immediately.",
      "Where the missing record is only one of several alternatives (one of the Autodiscover URLs, an AAAA record when an A record exists), the step is informational or a warning; where the test cannot continue without it, it is an error.",
      "Lookups are made with the analyzer's resolver (`RCA_DNS_SERVERS` if the operator set it, otherwise the system resolver of the analyzer host), i.e. from outside your network. What a domain-joined PC sees through the internal Active Directory DNS zone is irrelevant for external clients.",
    ],
    symptoms: [
      "External clients fail with \"server not found\" or \"The name could not be resolved\"; Outlook and mobile devices cannot find the server from home or mobile networks while everything works inside the office (split-brain DNS with a missing public record).",
      "Mail to the domain bounces with \"Host or domain name not found\" / \"5.1.2 bad destination system\", or senders fall back to the domain's A record because there is no MX.",
      "Autodiscover fails for users outside the network, and Outlook cannot set up profiles automatically.",
    ],
    causes: [
      "The record was only created in the internal DNS zone and never in the public zone at the DNS host or registrar.",
      "Typo in the name, or the record was created in the wrong zone: e.g. `mail.contoso.com.contoso.com` because the trailing dot was omitted in a zone file.",
      "A CNAME points to a name that does not exist (dangling CNAME), e.g. after a cloud resource or load balancer was deleted.",
      "The domain's delegation has expired or points to the wrong name servers, so the whole domain answers NXDOMAIN.",
      "For PTR lookups: the reverse zone belongs to whoever owns the IP address (ISP, hosting or cloud provider) and no PTR record was set there.",
    ],
    fixes: [
      {
        text: "See what the world sees: query a public resolver and, to rule out caching, the domain's authoritative name servers directly.",
        commands: [
          {
            shell: "bash",
            lines: [
              "dig NS contoso.com +short",
              "dig @ns1.contoso-dns.com mail.contoso.com A +norecurse",
              "dig MX contoso.com +short",
              "dig SRV _autodiscover._tcp.contoso.com +short",
              "dig -x 203.0.113.25 +short",
            ],
          },
          {
            shell: "PowerShell",
            lines: [
              "Resolve-DnsName mail.contoso.com -Type A -Server 8.8.8.8",
              "Resolve-DnsName contoso.com -Type MX -Server 8.8.8.8",
              "Resolve-DnsName _autodiscover._tcp.contoso.com -Type SRV -Server 8.8.8.8",
            ],
          },
          {
            shell: "cmd",
            lines: [
              "nslookup -type=MX contoso.com 8.8.8.8",
              "nslookup -type=SRV _autodiscover._tcp.contoso.com 8.8.8.8",
            ],
          },
        ],
      },
      {
        text: "Create the missing record in the public zone. In zone-file notation, typical records are: `mail.contoso.com. 3600 IN A 203.0.113.25`, `contoso.com. 3600 IN MX 10 mail.contoso.com.`, `autodiscover.contoso.com. 3600 IN CNAME mail.contoso.com.` and `_autodiscover._tcp.contoso.com. 3600 IN SRV 0 0 443 mail.contoso.com.`. For Exchange Online use the values shown in the Microsoft 365 admin center (Settings > Domains), e.g. `autodiscover.contoso.com. CNAME autodiscover.outlook.com.` and MX `contoso-com.mail.protection.outlook.com.`. If the public zone is hosted on a Windows DNS server:",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Add-DnsServerResourceRecordA -ZoneName contoso.com -Name mail -IPv4Address 203.0.113.25",
              "Add-DnsServerResourceRecordMX -ZoneName contoso.com -Name \".\" -MailExchange mail.contoso.com -Preference 10",
              ...AUTODISCOVER_DNS_RECORD_LINES,
            ],
          },
        ],
      },
      {
        text: "Wait for the negative-caching TTL (SOA minimum) to pass, flush local caches, and re-run the test.",
        commands: [
          {
            shell: "cmd",
            lines: [
              "ipconfig /flushdns",
            ],
          },
          {
            shell: "bash",
            lines: [
              "resolvectl flush-caches",
            ],
          },
        ],
      },
      {
        text: "For a missing PTR record see PTR_MISSING: it must be created by the owner of the IP address, not in your own forward zone.",
      },
    ],
    seeAlso: [
      "DNS_FAILURE",
      "AUTODISCOVER_NOT_FOUND",
      "PTR_MISSING",
      "TARGET_FORBIDDEN",
    ],
  },
  DNS_FAILURE: {
    title: "DNS lookup failed (SERVFAIL, REFUSED or timeout)",
    severity: "error",
    summary: "The analyzer could not get an answer for the name at all: the resolver returned SERVFAIL or REFUSED, or no DNS server answered within the time limit. Unlike DNS_NO_RECORD this does not say the record is missing; it says nobody could tell.",
    details: [
      "A SERVFAIL from a validating resolver very often means DNSSEC validation failed: an expired RRSIG signature, a DS record at the parent zone that no longer matches the zone's DNSKEY (after a key rollover or a move to another DNS host), or unsigned answers from a zone whose parent says it is signed. Non-validating resolvers still answer, which is why it \"works for some people\".",
      "Other common causes are a lame delegation (the NS records at the registry point to servers that are not authoritative for the zone), all authoritative servers being unreachable or rate-limiting, and firewalls that block DNS over TCP (needed for large answers, e.g. long TXT records or DNSSEC).",
      "The analyzer uses the DNS servers in `RCA_DNS_SERVERS` when the operator configured them, otherwise the system resolver of the analyzer host, with the per-operation time limit `RCA_TIMEOUT_MS` (10 seconds by default). If every domain fails with this code, the analyzer's own resolver is the likely problem, not your zone.",
    ],
    symptoms: [
      "Intermittent \"server not found\" errors that depend on the client's resolver: most ISPs, Google (8.8.8.8) and Cloudflare (1.1.1.1) validate DNSSEC and fail, others still answer.",
      "Inbound mail is deferred by senders with temporary errors such as \"4.4.3 Temporary DNS failure\" and bounces after the sender's retry period.",
      "`nslookup` shows \"Server failed\" or \"DNS request timed out\"; `dig` shows `status: SERVFAIL` or `connection timed out; no servers could be reached`.",
    ],
    causes: [
      "DNSSEC broken: expired signatures, DS/DNSKEY mismatch after a key rollover, or the zone was moved to a DNS host that does not sign it while the old DS record is still published at the registrar.",
      "Lame or stale delegation: NS records at the registrar name servers that no longer host the zone.",
      "All authoritative name servers down, unreachable, or blocking the resolver (UDP or TCP port 53).",
      "The analyzer's resolver is unreachable or misconfigured (every test fails the same way).",
    ],
    fixes: [
      {
        text: "Find out whether DNSSEC is the cause: if a normal query fails with SERVFAIL but the same query with the CD (checking disabled) flag answers, validation is failing. `delv` prints the validation error; https://dnsviz.net/ shows the whole chain of trust graphically.",
        commands: [
          {
            shell: "bash",
            lines: [
              "dig mail.contoso.com A @1.1.1.1",
              "dig +cd mail.contoso.com A @1.1.1.1",
              "delv @1.1.1.1 mail.contoso.com A",
              "dig DS contoso.com +short",
              "dig DNSKEY contoso.com +short",
            ],
          },
        ],
      },
      {
        text: "Check the delegation and every authoritative server. Each server named in the NS set must answer authoritatively (the `aa` flag) with the same SOA serial.",
        commands: [
          {
            shell: "bash",
            lines: [
              "dig +trace mail.contoso.com",
              "dig NS contoso.com @a.gtld-servers.net +norecurse",
              "dig @ns1.contoso-dns.com contoso.com SOA +norecurse",
              "dig @ns2.contoso-dns.com contoso.com SOA +norecurse",
            ],
          },
          {
            shell: "PowerShell",
            lines: [
              "Resolve-DnsName contoso.com -Type NS -Server 8.8.8.8",
              "Resolve-DnsName mail.contoso.com -Server 8.8.8.8 -DnssecOk",
              "Test-NetConnection ns1.contoso-dns.com -Port 53",
            ],
          },
        ],
      },
      {
        text: "Repair the zone: re-sign it or fix the key rollover at your DNS host; if you moved to a DNS host that does not sign the zone, remove the DS record at the registrar (and wait for its TTL) before or together with the move; correct the NS records at the registrar; allow UDP and TCP port 53 to the authoritative servers.",
      },
      {
        text: "If every target fails (the analyzer's resolver is the problem), the operator can set explicit resolvers and restart the analyzer.",
        commands: [
          {
            shell: "bash",
            lines: [
              "RCA_DNS_SERVERS=1.1.1.1,8.8.8.8 npm start",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "DNS_NO_RECORD",
      "TARGET_FORBIDDEN",
      "INTERNAL_ERROR",
    ],
  },
  TCP_REFUSED: {
    title: "TCP connection refused",
    severity: "error",
    summary: "The host was reached, but it actively refused the connection on this port: the SYN was answered with a TCP reset (ECONNREFUSED). Nothing is listening on that address and port, or a firewall is set to reject instead of silently drop.",
    details: [
      "A refusal is immediate and definitive, unlike TCP_TIMEOUT where nothing answers. The step details list every address that was tried (IPv4 and IPv6) with its own result. A refusal on the IPv6 address while IPv4 works points at an AAAA record for a server that does not listen on IPv6, or an IPv6 firewall rule that was forgotten.",
      "On a load balancer or reverse proxy, a reset often means the virtual server exists but has no healthy pool member, or it forwards to the wrong internal port.",
    ],
    symptoms: [
      "Outlook: \"The connection to Microsoft Exchange is unavailable\" / \"Trying to connect…\"; browsers: ERR_CONNECTION_REFUSED; mobile devices cannot sync.",
      "Sending servers queue mail for the domain with \"Connection refused\" and retry.",
      "`Test-NetConnection mail.contoso.com -Port 443` immediately reports `TcpTestSucceeded : False`.",
    ],
    causes: [
      "The service is stopped or crashed: IIS (`W3SVC`) for 443, Microsoft Exchange Frontend Transport (`MSExchangeFrontEndTransport`) for 25, `MSExchangeIMAP4`/`MSExchangePOP3` for 993/995/143/110 (disabled by default on Exchange), or postfix/dovecot/nginx on Linux.",
      "The service listens on another address only: `127.0.0.1`, an old IP after a re-addressing, an IIS binding restricted to one IP, an HTTP.sys `iplisten` list, or a receive connector bound to an address the server no longer has.",
      "The NAT/port-forwarding rule or load balancer virtual server forwards to the wrong internal address or port, or the pool is down.",
      "A host or network firewall configured to reject (e.g. iptables `-j REJECT --reject-with tcp-reset`).",
      "An AAAA record is published for a server that does not listen on IPv6.",
    ],
    fixes: [
      {
        text: "Confirm from outside your network which address and port refuse.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Test-NetConnection mail.contoso.com -Port 443",
              "Test-NetConnection mail.contoso.com -Port 25",
            ],
          },
          {
            shell: "bash",
            lines: [
              "nc -vz mail.contoso.com 443",
              "nc -vz -6 mail.contoso.com 443",
            ],
          },
        ],
      },
      {
        text: "On the server, check that something listens on the port and on which address.",
        commands: [
          {
            shell: "PowerShell",
            description: "If netsh http show iplisten lists any address, HTTP.sys (IIS) listens only on the listed addresses",
            lines: [
              "Get-NetTCPConnection -State Listen -LocalPort 443,25,587,993,995 | Select-Object LocalAddress,LocalPort,OwningProcess",
              "netsh http show iplisten",
            ],
          },
          {
            shell: "bash",
            lines: [
              "ss -ltnp '( sport = :443 or sport = :25 or sport = :993 or sport = :995 )'",
            ],
          },
        ],
      },
      {
        text: "Start the services and make them start automatically.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Test-ServiceHealth",
              "Get-Service MSExchange*,W3SVC | Where-Object { $_.StartType -eq 'Automatic' -and $_.Status -ne 'Running' } | Start-Service",
              "Set-Service MSExchangeIMAP4 -StartupType Automatic; Set-Service MSExchangeIMAP4BE -StartupType Automatic",
              "Start-Service MSExchangeIMAP4,MSExchangeIMAP4BE",
            ],
          },
          {
            shell: "bash",
            lines: [
              "systemctl status postfix dovecot nginx",
              "systemctl enable --now postfix",
            ],
          },
        ],
      },
      {
        text: "Check the bindings: the IIS site must have an https binding on `*:443` (or the published address), and the receive connector that faces the internet must be bound to `0.0.0.0:25` or the address the firewall forwards to.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Import-Module WebAdministration",
              "Get-WebBinding -Name \"Default Web Site\"",
            ],
          },
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ReceiveConnector | Format-Table Identity,Bindings,RemoteIPRanges,Enabled -AutoSize",
            ],
          },
        ],
      },
      {
        text: "Check the firewall/NAT rule or load balancer for this public address and port: it must forward to the correct internal address and port, and the pool members must be healthy. Remove the AAAA record if the service is not meant to be reachable over IPv6.",
      },
    ],
    seeAlso: [
      "TCP_TIMEOUT",
      "CONNECTION_FAILED",
      "TLS_NOT_SPOKEN",
    ],
  },
  TCP_TIMEOUT: {
    title: "TCP connection timed out or host unreachable",
    severity: "error",
    summary: "The connection attempt got no answer within the time limit (`RCA_TIMEOUT_MS`, 10 seconds by default), or the network reported the host or network as unreachable. The SYN packets were silently dropped on the way, or no host is using that address.",
    details: [
      "A timeout means no reply at all: typically a firewall that drops rather than rejects, a wrong IP address in DNS, a server that is down, or a routing problem. The analyzer also reports EHOSTUNREACH/ENETUNREACH (an ICMP unreachable from a router) under this code. Each address of the name is tried in turn; the step details list every attempt.",
      "If only port 25 times out, and it does so for every domain you test, the network the analyzer runs in probably blocks outbound SMTP: AWS, Azure, Google Cloud and many residential ISPs block outbound TCP 25 by default. That is a limitation of the analyzer's location, not your server; the operator has to request an unblock or host the analyzer elsewhere.",
    ],
    symptoms: [
      "Clients hang for a long time before failing (\"The connection timed out\", ERR_CONNECTION_TIMED_OUT, Outlook stuck at \"Trying to connect…\").",
      "Sending servers defer mail with \"Connection timed out\" and eventually bounce it after their retry period (often 2 to 5 days).",
      "`Test-NetConnection -Port` prints \"WARNING: TCP connect to … failed\" after a delay.",
    ],
    causes: [
      "A perimeter firewall, cloud security group (AWS Security Group, Azure NSG) or Windows Firewall rule drops the port.",
      "DNS still points to an old public IP after a migration or a change of ISP.",
      "The port-forwarding/NAT rule is missing, or the server or load balancer is down.",
      "Geo-blocking or an IPS that blocks the analyzer's source address.",
      "Outbound port 25 blocked on the analyzer's network (see details), or inbound 25 blocked by your ISP on a residential line.",
    ],
    fixes: [
      {
        text: "Test from more than one external network and trace where the packets stop.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Test-NetConnection mail.contoso.com -Port 443 -InformationLevel Detailed",
              "Test-NetConnection mail.contoso.com -TraceRoute",
            ],
          },
          {
            shell: "bash",
            lines: [
              "nc -vz -w 5 mail.contoso.com 443",
              "sudo traceroute -T -p 443 mail.contoso.com",
            ],
          },
        ],
      },
      {
        text: "Verify that public DNS returns the current public address of the service.",
        commands: [
          {
            shell: "bash",
            lines: [
              "dig +short mail.contoso.com @1.1.1.1",
            ],
          },
        ],
      },
      {
        text: "Open the port on every firewall in the path (perimeter firewall, cloud security group, host firewall) and make sure a NAT rule forwards it to the server. Exchange Setup creates its own Windows Firewall rules; on Linux open the service explicitly.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "New-NetFirewallRule -DisplayName \"HTTPS inbound (Exchange)\" -Direction Inbound -Protocol TCP -LocalPort 443 -Action Allow",
              "New-NetFirewallRule -DisplayName \"SMTP inbound\" -Direction Inbound -Protocol TCP -LocalPort 25 -Action Allow",
            ],
          },
          {
            shell: "bash",
            lines: [
              "sudo firewall-cmd --permanent --add-service=smtp --add-service=https --add-service=imaps",
              "sudo firewall-cmd --reload",
              "sudo ufw allow 25/tcp",
            ],
          },
        ],
      },
      {
        text: "If only SMTP tests time out from this analyzer for every domain, ask the analyzer's operator whether outbound port 25 is blocked by its hosting provider.",
      },
    ],
    seeAlso: [
      "TCP_REFUSED",
      "CONNECTION_FAILED",
      "DNS_NO_RECORD",
    ],
  },
  TLS_HANDSHAKE_FAILED: {
    title: "TLS handshake failed",
    severity: "error",
    summary: "A TCP connection was established, but the TLS handshake did not complete: the server sent a fatal TLS alert (for example `handshake_failure`, `unrecognized_name` or `internal_error`), or it accepted the connection and then never finished the handshake within the time limit.",
    details: [
      "The analyzer is deliberately permissive so that it can judge weak servers: it offers TLS 1.3 down to TLS 1.0 and every cipher suite OpenSSL still supports, sends the host name in SNI (server name indication), and does not abort the handshake because of a bad certificate (certificate problems are reported separately by the CERT_* checks). So a handshake failure here means the server itself gave up: there is truly no protocol version or cipher in common, or the server has no usable certificate for this name, or something in the path interferes.",
      "Related outcomes have their own codes: a server that only speaks SSL 3.0 or older is TLS_PROTOCOL_OBSOLETE, a server that answers in plain text is TLS_NOT_SPOKEN, and a connection reset during the handshake is CONNECTION_FAILED. The step details show the TLS error and the first bytes the server sent, if any.",
    ],
    symptoms: [
      "Browsers: ERR_SSL_PROTOCOL_ERROR or ERR_SSL_VERSION_OR_CIPHER_MISMATCH; Outlook and mobile devices cannot connect at all, with no certificate warning shown.",
      "`openssl s_client` prints an alert such as `sslv3 alert handshake failure` or `tlsv1 unrecognized name`, and no certificate.",
      "The System event log on an Exchange/IIS server shows Schannel errors (event IDs 36874 \"no cipher suites in common\" / 36888 \"A fatal alert was generated\").",
    ],
    causes: [
      "HTTP.sys/IIS has no certificate binding for this IP:port or host name: the https binding is missing, uses \"Require Server Name Indication\" for a different host name, or points to a certificate thumbprint that was deleted during a renewal.",
      "The bound certificate's private key is missing or inaccessible (imported without the key, or the key permissions were changed).",
      "Cipher suites restricted too far on the server (GPO \"SSL Cipher Suite Order\", IIS Crypto template, nginx `ssl_ciphers`), or only suites for a certificate type the server does not have (ECDSA suites only with an RSA certificate).",
      "The server requires a TLS client certificate during the handshake (see HTTP_CLIENT_CERT_REQUIRED).",
      "A TLS-inspecting firewall, IPS, WAF or load balancer in front of the server aborts the handshake, e.g. a virtual server with a different TLS profile than expected.",
      "The server completed the handshake without sending a certificate the analyzer could read (anonymous or pre-shared-key cipher suites, or a malformed certificate message).",
    ],
    fixes: [
      {
        text: "Reproduce the handshake with specific versions and look at the alert. `nmap` lists every protocol and cipher the server accepts.",
        commands: [
          {
            shell: "bash",
            lines: [
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -tls1_2 </dev/null",
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -tls1_3 </dev/null",
              "nmap --script ssl-enum-ciphers -p 443 mail.contoso.com",
              "openssl s_client -connect mail.contoso.com:25 -starttls smtp -servername mail.contoso.com </dev/null",
            ],
          },
        ],
      },
      {
        text: "On Exchange/IIS, check that every HTTP.sys TLS binding points to an existing certificate with a private key, and re-bind if not. A binding for `0.0.0.0:443` (or `hostname:443` for SNI bindings) must show a Certificate Hash that exists in the computer's Personal store.",
        commands: [
          {
            shell: "cmd",
            lines: [
              "netsh http show sslcert",
            ],
          },
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ExchangeCertificate | Format-List FriendlyName,Subject,Thumbprint,Services,HasPrivateKey,Status,NotAfter",
              enableCertificateLine("IIS"),
              "iisreset /noforce",
            ],
          },
        ],
      },
      {
        text: "Make sure TLS 1.2 is enabled and modern ECDHE/AES-GCM cipher suites are available. On Windows Server 2016 and later the TLS cmdlets show and change the suites; also check the GPO at Computer Configuration > Administrative Templates > Network > SSL Configuration Settings > SSL Cipher Suite Order.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Get-TlsCipherSuite | Format-Table Name",
              "Enable-TlsCipherSuite -Name TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
              "Enable-TlsCipherSuite -Name TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            ],
          },
          ENABLE_TLS12_SCHANNEL,
        ],
      },
      {
        text: "On nginx, use a current protocol and cipher configuration (the Mozilla \"intermediate\" profile) in the server block: `ssl_protocols TLSv1.2 TLSv1.3;` and `ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;`, then test and reload.",
        commands: [
          NGINX_RELOAD,
        ],
      },
      {
        text: "If a firewall, IPS or load balancer sits in front of the server, test directly against the server's internal address to see whether the device is the cause, and check its TLS profile and logs.",
      },
    ],
    seeAlso: [
      "TLS_PROTOCOL_OBSOLETE",
      "TLS_NOT_SPOKEN",
      "HTTP_CLIENT_CERT_REQUIRED",
      "CONNECTION_FAILED",
    ],
  },
  TLS_PROTOCOL_OBSOLETE: {
    title: "Obsolete TLS version: TLS 1.0/1.1 or SSL 3.0",
    severity: "error-or-warning",
    summary: "The server still speaks an obsolete protocol version. Either it negotiated TLS 1.0 or TLS 1.1 (or SSL 3.0) although the analyzer also offered TLS 1.2 and 1.3, which means TLS 1.2 is missing or disabled; or it negotiates a current version but still accepts TLS 1.0 or 1.1 when a client offers only those (the TLS certificate test offers each version alone to find out). A server that shares no version with the analyzer at all (SSL 3.0 or older only) fails the connection with this code as an error.",
    details: [
      "TLS 1.0 (1999) and TLS 1.1 (2006) were formally deprecated by RFC 8996 in 2021. Current browsers, Outlook and mobile mail apps refuse them, Microsoft 365 no longer accepts them, and PCI DSS forbids them. A server that tops out at TLS 1.1 is therefore unreachable for many clients and services, and a warning at best.",
      "Windows Server 2012 and later support TLS 1.2 out of the box; Windows Server 2008 R2 supports it but has it disabled by default. Exchange uses SCHANNEL for IIS, SMTP, IMAP and POP, so the SCHANNEL registry settings govern what clients get; Exchange's own outbound connections (EWS, hybrid, Autodiscover lookups, SMTP to Exchange Online) use .NET, which needs `SchUseStrongCrypto` and `SystemDefaultTlsVersions`. Microsoft's guidance is to enable TLS 1.2 for both first, verify, and only then disable TLS 1.0/1.1, with the same settings on all Exchange servers. The Exchange HealthChecker script (CSS-Exchange `HealthChecker.ps1`) reports the current state.",
      "On port 25 be deliberate: SMTP TLS is opportunistic, so a sender that can only do TLS 1.0 will fall back to plain text when you disable TLS 1.0. Most organisations accept that, since practically every mail server supports TLS 1.2 today.",
    ],
    symptoms: [
      "Browsers: ERR_SSL_VERSION_OR_CIPHER_MISMATCH or \"This site uses an unsupported protocol\"; Outlook on current Windows and mobile mail apps fail to connect.",
      "Hybrid mail flow or free/busy with Exchange Online fails; Microsoft 365 reports TLS errors for the on-premises endpoint.",
      "Security scanners flag TLS 1.0/1.1 as a vulnerability.",
    ],
    causes: [
      "An old Windows Server (2008 R2) where TLS 1.2 was never enabled in the SCHANNEL registry.",
      "TLS 1.2 was disabled by a hardening template, an IIS Crypto change, or a GPO.",
      "An old appliance, load balancer or reverse proxy in front of the server terminates TLS with an outdated TLS profile.",
      "An ancient OpenSSL (0.9.8) or a Linux configuration that restricts `ssl_protocols` to old versions.",
    ],
    fixes: [
      {
        text: "Check which versions the server accepts. OpenSSL 3 refuses TLS 1.0/1.1 at its default security level, so lower it for the test.",
        commands: [
          {
            shell: "bash",
            lines: [
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -tls1_2 </dev/null",
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0' </dev/null",
              "nmap --script ssl-enum-ciphers -p 443,25,587,993,995 mail.contoso.com",
            ],
          },
        ],
      },
      {
        text: "On Windows/Exchange, enable TLS 1.2 for SCHANNEL and for .NET, and reboot. Alternatively use the IIS Crypto tool (Nartac) \"Best Practices\" template, which sets the same registry keys.",
        commands: [
          ENABLE_TLS12_SCHANNEL,
          {
            shell: "PowerShell",
            description: "Let .NET (Exchange's own outbound connections, EWS, hybrid) use TLS 1.2: SchUseStrongCrypto and SystemDefaultTlsVersions, 64- and 32-bit",
            lines: [
              "$keys = 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319','HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319','HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727','HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727'",
              "foreach ($k in $keys) {",
              "  if (-not (Test-Path $k)) { New-Item -Path $k -Force | Out-Null }",
              "  New-ItemProperty -Path $k -Name SystemDefaultTlsVersions -PropertyType DWord -Value 1 -Force | Out-Null",
              "  New-ItemProperty -Path $k -Name SchUseStrongCrypto -PropertyType DWord -Value 1 -Force | Out-Null",
              "}",
            ],
          },
        ],
      },
      {
        text: "After TLS 1.2 works for all clients and partner systems, disable SSL 3.0, TLS 1.0 and TLS 1.1 in SCHANNEL, both Server and Client keys, and reboot.",
        commands: [
          {
            shell: "PowerShell",
            description: "Disable SSL 2.0/3.0, TLS 1.0 and TLS 1.1 (only after TLS 1.2 works everywhere); SCHANNEL changes need a reboot",
            lines: [
              "$base = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols'",
              "foreach ($p in 'SSL 2.0','SSL 3.0','TLS 1.0','TLS 1.1') { foreach ($side in 'Server','Client') {",
              "  $k = \"$base\\$p\\$side\"",
              "  if (-not (Test-Path $k)) { New-Item -Path $k -Force | Out-Null }",
              "  New-ItemProperty -Path $k -Name Enabled -PropertyType DWord -Value 0 -Force | Out-Null",
              "  New-ItemProperty -Path $k -Name DisabledByDefault -PropertyType DWord -Value 1 -Force | Out-Null",
              "} }",
              "Restart-Computer",
            ],
          },
        ],
      },
      {
        text: "Verify the result on Exchange with the HealthChecker script from Microsoft's CSS-Exchange project, and check the registry directly.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              ".\\HealthChecker.ps1",
              "Get-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server'",
            ],
          },
        ],
      },
      {
        text: "On Linux servers, allow only TLS 1.2 and 1.3, then reload. nginx: `ssl_protocols TLSv1.2 TLSv1.3;` (in the server block that is the default for the listen socket, or in `http {}`); Apache: `SSLProtocol -all +TLSv1.2 +TLSv1.3`; Postfix 3.6+: `smtpd_tls_protocols = >=TLSv1.2` and `smtpd_tls_mandatory_protocols = >=TLSv1.2` (older Postfix: `!SSLv2, !SSLv3, !TLSv1, !TLSv1.1`); Dovecot 2.3+: `ssl_min_protocol = TLSv1.2`.",
        commands: [
          {
            shell: "bash",
            lines: [
              "sudo postconf -e 'smtpd_tls_protocols = >=TLSv1.2' 'smtpd_tls_mandatory_protocols = >=TLSv1.2'",
              "sudo postfix reload",
              NGINX_RELOAD_LINE,
              "sudo systemctl reload dovecot",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "TLS_HANDSHAKE_FAILED",
      "CERT_WEAK_SIGNATURE",
      "CERT_WEAK_KEY",
    ],
  },
  CERT_NAME_MISMATCH: {
    title: "Certificate name does not match the host name",
    severity: "error-or-warning",
    summary: "The certificate the server presented is not valid for the name the analyzer connected to: the host name is not among the certificate's Subject Alternative Names (DNS names), and for a certificate without any DNS Subject Alternative Name, not in its Subject common name either. For an IP address target, the address must be an IP-address Subject Alternative Name.",
    details: [
      "The analyzer follows RFC 6125, like browsers and current Windows clients: if the certificate carries DNS Subject Alternative Names, only those count and the common name is ignored; the common name is used only when there are no DNS SANs. A wildcard must be the entire left-most label and covers exactly one label: `*.contoso.com` matches `mail.contoso.com`, but not `contoso.com` and not `mail.eu.contoso.com`; partial wildcards such as `m*.contoso.com` are not accepted.",
      "The step details list the certificate's subject, common names and all SAN entries. If they show an unexpected certificate (`CN=EX01` or a hosting provider's default certificate), the server presented its default binding: there is no binding for this host name on this address, or the connection reached a different server than you think (old DNS record, load balancer, another site).",
      "This is a different rule from Outlook Anywhere mutual authentication (MUTUAL_AUTH_MISMATCH), which compares the msstd: principal literally and does not apply wildcard rules.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Outlook shows a Security Alert at every start: \"The name on the security certificate is invalid or does not match the name of the site\".",
      "Browsers: NET::ERR_CERT_COMMON_NAME_INVALID / \"Your connection is not private\"; ActiveSync devices stop syncing or ask to accept the certificate.",
      "Exchange Online connectors or partner systems that verify the certificate name fail TLS and queue mail.",
    ],
    causes: [
      "The certificate does not contain this name, e.g. `autodiscover.contoso.com` missing from the SAN list, or only `contoso.com` present.",
      "Exchange still serves its self-signed \"Microsoft Exchange\" certificate (`CN=EX01`), or the wrong certificate is assigned to IIS or SMTP.",
      "No binding or SNI binding for this host name, so the server's default certificate is returned.",
      "Clients use the internal server name (`ex01.corp.contoso.com`), which public CAs have not been allowed to include in certificates since 2015.",
      "The name is two levels below a wildcard (`mail.eu.contoso.com` with `*.contoso.com`).",
    ],
    fixes: [
      {
        text: "See which certificate and names the server presents (add `-starttls smtp` and the port for SMTP).",
        commands: [
          SHOW_SERVED_CERTIFICATE,
        ],
      },
      {
        text: "On Exchange, list the certificates, find one that contains the name, and assign it. Check the HTTP.sys binding afterwards.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ExchangeCertificate | Format-List FriendlyName,Subject,CertificateDomains,Services,Thumbprint,NotAfter",
              enableCertificateLine("IIS,SMTP"),
            ],
          },
          {
            shell: "cmd",
            lines: [
              "netsh http show sslcert ipport=0.0.0.0:443",
            ],
          },
        ],
      },
      {
        text: "If no certificate contains all required names, request a new one that lists every name clients use (typically `mail.contoso.com` and `autodiscover.contoso.com`), complete it, and assign it.",
        commands: [
          NEW_CERTIFICATE_REQUEST,
          completeCertificateRequest(CERT_THUMBPRINT),
        ],
      },
      {
        text: "Or change the host names clients are given to names that are on the certificate, so Autodiscover hands out the right ones (`Set-ClientAccessService` is Exchange 2016 and later; on Exchange 2013 use `Set-ClientAccessServer`). Check the ExternalUrl/InternalUrl of the other virtual directories too (`Get-WebServicesVirtualDirectory`, `Get-OabVirtualDirectory`, `Get-MapiVirtualDirectory`, `Get-ActiveSyncVirtualDirectory`).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-OutlookAnywhere | Format-List Server,ExternalHostname,InternalHostname",
              "Set-OutlookAnywhere -Identity \"EX01\\Rpc (Default Web Site)\" -ExternalHostname mail.contoso.com -InternalHostname mail.contoso.com -ExternalClientsRequireSsl $true -InternalClientsRequireSsl $true",
              "Set-ClientAccessService -Identity EX01 -AutoDiscoverServiceInternalUri https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml",
            ],
          },
        ],
      },
      {
        text: "On nginx/Apache, issue a certificate containing all names and configure `server_name mail.contoso.com autodiscover.contoso.com;` (nginx) or `ServerName`/`ServerAlias` (Apache) so SNI selects the right virtual host.",
        commands: [
          CERTBOT_NGINX,
        ],
      },
    ],
    seeAlso: [
      "MUTUAL_AUTH_MISMATCH",
      "CERT_SELF_SIGNED",
      "AUTODISCOVER_NOT_FOUND",
      "CERT_UNTRUSTED_ROOT",
    ],
  },
  CERT_EXPIRED: {
    title: "Certificate expired",
    severity: "error-or-warning",
    summary: "The server's certificate, or a CA certificate in the chain it builds to, is past its NotAfter date. Every client rejects it.",
    details: [
      "The analyzer checks the validity period of every certificate in the path from the server certificate up to the trust anchor against its own clock (UTC). The message says which certificate expired: usually the server certificate, sometimes an intermediate that the server still sends although the CA has replaced it.",
      "Renewing a certificate is not enough: the new one must be assigned to every service and every device that terminates TLS for the name (all Exchange servers, load balancers, reverse proxies such as Web Application Proxy, and hybrid connectors that reference it).",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Outlook: \"The security certificate has expired or is not yet valid\"; browsers: NET::ERR_CERT_DATE_INVALID; mobile devices stop syncing.",
      "Hybrid mail flow with Exchange Online stops when the connector certificate expires; partners enforcing TLS queue mail.",
    ],
    causes: [
      "The renewal was forgotten or the automatic renewal (certbot, win-acme) has been failing silently.",
      "A renewed certificate was imported but not assigned: IIS/SMTP still use the old thumbprint.",
      "Renewed on one server but not on the others, or not on the load balancer/reverse proxy.",
      "On Linux, the service was not reloaded after renewal (no certbot deploy hook).",
      "An expired intermediate is still configured in the chain file or the Intermediate Certification Authorities store.",
    ],
    fixes: [
      {
        text: "Check the dates of what is actually served, and list certificates on Exchange that expire soon or have expired.",
        commands: [
          SHOW_SERVED_CERTIFICATE,
          LIST_EXPIRING_CERTIFICATES,
        ],
      },
      {
        text: "Renew on Exchange: create a renewal request from the existing certificate, have the CA issue it, import it, and assign it to the same services.",
        commands: [
          {
            shell: "Exchange Management Shell",
            description: "Renewal request",
            lines: [
              ...RENEWAL_REQUEST_LINES,
            ],
          },
          completeCertificateRequest(NEW_CERT_THUMBPRINT),
        ],
      },
      {
        text: "Copy the new certificate to every other Exchange server and device that serves the name, update connectors that reference the certificate by issuer and subject (`TlsCertificateName`), and remove the expired one only when nothing uses it any more.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "$pw = Read-Host -AsSecureString -Prompt \"PFX password\"",
              `$pfx = Export-ExchangeCertificate -Thumbprint ${NEW_CERT_THUMBPRINT} -BinaryEncoded -Password $pw`,
              "[System.IO.File]::WriteAllBytes('\\\\EX01\\C$\\certs\\mail_contoso_com.pfx', $pfx.FileData)",
              "Import-ExchangeCertificate -Server EX02 -FileData ([System.IO.File]::ReadAllBytes('\\\\EX01\\C$\\certs\\mail_contoso_com.pfx')) -Password $pw -PrivateKeyExportable $true",
              ...CONNECTOR_CERTIFICATE_NAME_LINES,
              REMOVE_OLD_CERTIFICATE_LINE,
            ],
          },
        ],
      },
      {
        text: "On Linux with Let's Encrypt, renew and reload every service that uses the certificate, and add a deploy hook so it happens automatically next time.",
        commands: [
          {
            shell: "bash",
            lines: [
              "sudo certbot renew",
              "sudo systemctl reload nginx postfix dovecot",
              "printf '#!/bin/sh\\nsystemctl reload nginx postfix dovecot\\n' | sudo tee /etc/letsencrypt/renewal-hooks/deploy/reload-services.sh",
              "sudo chmod +x /etc/letsencrypt/renewal-hooks/deploy/reload-services.sh",
              "sudo certbot renew --dry-run",
            ],
          },
        ],
      },
      {
        text: "If an intermediate expired, download the CA's current intermediate (bundle) and replace the chain file, or replace the certificate in the Intermediate Certification Authorities store (see CERT_CHAIN_INCOMPLETE).",
      },
    ],
    seeAlso: [
      "CERT_EXPIRING_SOON",
      "CERT_NOT_YET_VALID",
      "CERT_CHAIN_INCOMPLETE",
    ],
  },
  CERT_NOT_YET_VALID: {
    title: "Certificate not yet valid",
    severity: "error-or-warning",
    summary: "The server's certificate, or a CA certificate in its chain, has a NotBefore date in the future compared with the analyzer's clock. Clients reject it exactly as they reject an expired certificate.",
    details: [
      "This happens far less often than expiry and almost always involves a clock or a premature installation: a certificate issued with a future start date was installed too early, or a clock (the server's, the client's or the analyzer's) is wrong. The message shows the NotBefore time in UTC; compare it with the current UTC time.",
      "Clients judge with their own clock, so a PC whose clock runs behind rejects a freshly issued certificate for the first minutes or hours. If only this analyzer reports the problem and its clock is wrong, tell the operator of the instance.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Outlook: \"The security certificate has expired or is not yet valid\"; browsers: NET::ERR_CERT_DATE_INVALID.",
      "The problem appears right after a certificate change and may disappear by itself once the start date is reached.",
    ],
    causes: [
      "A renewed certificate with a future start date (some CAs allow choosing it) was assigned before that date.",
      "The certificate was issued minutes ago and the client's clock is behind (no NTP, wrong time zone treated as UTC, virtual machine clock drift).",
      "An internal CA server's clock is ahead, so it issues certificates that start in the future.",
    ],
    fixes: [
      {
        text: "Compare the certificate's NotBefore with the current UTC time.",
        commands: [
          {
            shell: "bash",
            lines: [
              SHOW_SERVED_CERTIFICATE_LINE,
              "date -u",
            ],
          },
        ],
      },
      {
        text: "Fix clocks: on Windows domain members the time comes from the domain hierarchy (the PDC emulator should sync with an external NTP source); on Linux use chrony or systemd-timesyncd.",
        commands: [
          {
            shell: "cmd",
            lines: [
              "w32tm /query /status",
              "w32tm /resync",
            ],
          },
          {
            shell: "bash",
            lines: [
              "timedatectl",
              "chronyc tracking",
            ],
          },
        ],
      },
      {
        text: "If the new certificate simply is not valid yet, switch back to the previous (still valid) certificate until the start date, then assign the new one.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ExchangeCertificate | Format-Table Thumbprint,Subject,NotBefore,NotAfter,Services -AutoSize",
              enableCertificateLine("IIS,SMTP"),
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "CERT_EXPIRED",
      "CERT_EXPIRING_SOON",
    ],
  },
  CERT_EXPIRING_SOON: {
    title: "Certificate expires within 30 days",
    severity: "warning",
    summary: "The server's certificate is still valid but expires in less than 30 days. Nothing is broken yet; renew it now, because replacing a certificate on Exchange, load balancers and partner connectors takes planning.",
    details: [
      "The analyzer warns when fewer than 30 days remain until the server certificate's NotAfter date; the message shows the exact date and the number of days left.",
      "Certificate lifetimes are shrinking: under CA/Browser Forum ballot SC-081, publicly trusted TLS certificates may be valid for at most 200 days from March 2026, 100 days from March 2027 and 47 days from March 2029. Renewal will become a routine that needs automation (ACME: certbot, win-acme; or your CA's automation) rather than a yearly task.",
      "Remember every place the certificate lives: all Exchange servers (IIS, SMTP, IMAP, POP), load balancers and reverse proxies, Web Application Proxy/ADFS, and connectors that reference it by name (`TlsCertificateName` on send/receive connectors, hybrid connectors in Exchange Online). If the new certificate comes from a different issuing CA, connectors that reference the issuer must be updated.",
    ],
    symptoms: [
      "No user-visible symptoms yet; after the expiry date all clients fail (see CERT_EXPIRED).",
      "`Get-ExchangeCertificate` shows a NotAfter date less than 30 days away; monitoring may start warning about the certificate.",
    ],
    causes: [
      "Normal end of the certificate's lifetime and no automatic renewal in place.",
      "Automatic renewal exists but has been failing (expired ACME account, DNS/HTTP validation no longer reachable, changed firewall rules).",
    ],
    fixes: [
      {
        text: "List certificates that expire within 30 days.",
        commands: [
          LIST_EXPIRING_CERTIFICATES,
          SHOW_SERVED_CERTIFICATE,
        ],
      },
      {
        text: "Renew now, following the same steps as for an expired certificate: renewal request, import, assign to the same services, copy to all servers and devices, update `TlsCertificateName` where used.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              ...RENEWAL_REQUEST_LINES,
              ...CONNECTOR_CERTIFICATE_NAME_LINES,
            ],
          },
        ],
      },
      {
        text: "On Linux with ACME, test the renewal path so that automatic renewal actually works.",
        commands: [
          {
            shell: "bash",
            lines: [
              "sudo certbot renew --dry-run",
              "systemctl list-timers | grep certbot",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "CERT_EXPIRED",
      "CERT_NOT_YET_VALID",
    ],
  },
  CERT_SELF_SIGNED: {
    title: "Self-signed certificate",
    severity: "error-or-warning",
    summary: "The server presents a self-signed certificate: it is its own issuer and is signed with its own key, so no certificate authority vouches for it. No client trusts it unless it has been installed on that client by hand.",
    details: [
      "How this differs from the other trust problems: with CERT_SELF_SIGNED the server certificate itself is the end of the chain. If the certificate was issued by your own CA (for example an Active Directory Certificate Services CA) and that CA is not trusted, the code is CERT_UNTRUSTED_ROOT; if an intermediate is missing it is CERT_CHAIN_INCOMPLETE.",
      "Exchange Setup creates a self-signed certificate named \"Microsoft Exchange\" (`CN=EX01`, valid for five years) and assigns it to IIS and SMTP so the server works out of the box. It is meant for server-to-server traffic and for the \"Exchange Back End\" web site on port 444: do not delete it and do not change the back-end binding. Client-facing services (the Default Web Site on 443, and SMTP on 25 if partners verify certificates) need a certificate from a CA that clients trust.",
      "The error becomes a warning when the test was run with \"Ignore trust for SSL\". A self-hosted analyzer can also be told to trust this exact certificate by adding it (PEM) to the file named in `NODE_EXTRA_CA_CERTS`, which is reasonable only for lab servers.",
    ],
    symptoms: [
      "Outlook: Security Alert \"The security certificate was issued by a company you have not chosen to trust\", repeated at every start.",
      "Browsers: NET::ERR_CERT_AUTHORITY_INVALID; iOS/Android mail apps refuse the account or show a certificate warning; ActiveSync devices cannot sync.",
      "Exchange Online hybrid connectors and partners enforcing TLS reject the connection.",
    ],
    causes: [
      "A new Exchange server is still using the default \"Microsoft Exchange\" certificate for IIS.",
      "A CA certificate was installed, but never assigned to IIS/SMTP (`Enable-ExchangeCertificate`), or a cumulative update/reinstall re-bound the self-signed one.",
      "An appliance, NAS or Linux package generated its own certificate on first start (e.g. the `ssl-cert-snakeoil` certificate).",
    ],
    fixes: [
      {
        text: "Find out which certificate IIS and SMTP use and whether it is self-signed.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ExchangeCertificate | Format-Table Thumbprint,Services,IsSelfSigned,NotAfter,Subject -AutoSize",
            ],
          },
          SHOW_SERVED_CERTIFICATE,
        ],
      },
      {
        text: "Get a certificate from a public CA for all names clients use (public CAs only issue for publicly registered names), import it and assign it to IIS (and SMTP/IMAP/POP as needed). Leave the self-signed \"Microsoft Exchange\" certificate in place.",
        commands: [
          NEW_CERTIFICATE_REQUEST,
          completeCertificateRequest(CERT_THUMBPRINT),
        ],
      },
      {
        text: "On Linux, or with win-acme on Windows, Let's Encrypt certificates are free and renew automatically.",
        commands: [
          CERTBOT_NGINX,
        ],
      },
      IGNORE_TRUST_FIX,
    ],
    seeAlso: [
      "CERT_UNTRUSTED_ROOT",
      "CERT_CHAIN_INCOMPLETE",
      "CERT_NAME_MISMATCH",
    ],
  },
  CERT_UNTRUSTED_ROOT: {
    title: "Certificate chain ends at an untrusted root",
    severity: "error-or-warning",
    summary: "The analyzer could build the chain from the server certificate upwards, but it ends at a root (or at a CA whose issuer was neither sent nor known) that is not in the analyzer's trust store: the Mozilla root store bundled with Node.js, plus any roots the operator added with `NODE_EXTRA_CA_CERTS`.",
    details: [
      "Telling the trust problems apart: CERT_SELF_SIGNED means the server certificate is its own issuer. CERT_CHAIN_INCOMPLETE means the server did not send the intermediate that issued its certificate, so no path could be built at all. CERT_UNTRUSTED_ROOT (this page) means a path was built, but it ends at a self-signed root that is not trusted, or stops at a CA certificate whose own issuer (for example a second-level intermediate or an internal root) was not sent and is not a trusted root; the message names that issuer. CERT_CHAIN_ORDER means everything is present and trusted but sent in the wrong order.",
      "The classic case is an internal enterprise CA (Active Directory Certificate Services). Domain-joined Windows computers trust its root automatically (published through Active Directory and Group Policy), so Outlook inside the company is happy; phones, home PCs, Macs, partner servers, Exchange Online, and this analyzer do not trust it. Other cases: a root that browsers and Mozilla have removed (distrusted CAs), or a TLS-inspection proxy between the analyzer and your server that re-signs traffic with its own root.",
      "Options on the analyzer side: re-run with \"Ignore trust for SSL\" to turn the finding into a warning and see the remaining steps; or, for a self-hosted instance used inside the company, add the enterprise root CA to the PEM file named in the environment variable `NODE_EXTRA_CA_CERTS` (Node.js convention). The file is read once at start, so restart the analyzer after changing it; it can contain several certificates.",
    ],
    symptoms: [
      "Outlook outside the domain and mobile devices: \"The security certificate was issued by a company you have not chosen to trust\"; browsers: NET::ERR_CERT_AUTHORITY_INVALID.",
      "Works on domain-joined PCs, fails on everything else.",
      "`openssl s_client` ends with `Verify return code: 19 (self-signed certificate in certificate chain)` or `20 (unable to get local issuer certificate)`.",
      "`certutil -verify` reports \"A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider\".",
    ],
    causes: [
      "The certificate was issued by an internal/enterprise CA for a name that external clients use.",
      "The server sends its issuing CA but not the CA above it, and that upper CA is not a trusted root.",
      "The certificate chains to a root that has been removed from public trust stores.",
      "A TLS-inspection device in the analyzer's path replaces the certificate (check the issuer shown in the details).",
    ],
    fixes: [
      {
        text: "Look at the chain as sent: the last `i:` (issuer) line names the root or missing CA. On Windows, `certutil` shows the same verdict from the Windows trust store.",
        commands: [
          {
            shell: "bash",
            lines: [
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -showcerts </dev/null",
            ],
          },
          CERTUTIL_VERIFY,
        ],
      },
      {
        text: "For names used from outside the company, replace the certificate with one from a public CA (see CERT_SELF_SIGNED for the request and assignment commands).",
      },
      {
        text: "If the chain stops at an intermediate whose issuer is missing, add that intermediate to the served chain (see CERT_CHAIN_INCOMPLETE for nginx/Apache and IIS).",
      },
      {
        text: "For a self-hosted analyzer that tests internal servers, make it trust the enterprise root: export the root certificate, convert it to PEM, and point `NODE_EXTRA_CA_CERTS` at the file before starting the analyzer.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Get-ChildItem Cert:\\LocalMachine\\Root | Where-Object Subject -like \"*Contoso Root CA*\" | Export-Certificate -FilePath C:\\certs\\contoso-root.cer",
              "certutil -encode C:\\certs\\contoso-root.cer C:\\certs\\contoso-root.pem",
            ],
          },
          {
            shell: "bash",
            lines: [
              "openssl x509 -inform der -in contoso-root.cer -out /etc/rca/contoso-root.pem",
              "NODE_EXTRA_CA_CERTS=/etc/rca/contoso-root.pem npm start",
            ],
          },
        ],
      },
      {
        text: "To make internal clients trust the internal root, deploy it with Group Policy (Computer Configuration > Policies > Windows Settings > Security Settings > Public Key Policies > Trusted Root Certification Authorities), Intune/MDM for mobile devices, or manually.",
        commands: [
          {
            shell: "cmd",
            lines: [
              "certutil -addstore -f Root C:\\certs\\contoso-root.cer",
            ],
          },
        ],
      },
      IGNORE_TRUST_FIX,
    ],
    seeAlso: [
      "CERT_CHAIN_INCOMPLETE",
      "CERT_SELF_SIGNED",
      "CERT_CHAIN_ORDER",
    ],
  },
  CERT_CHAIN_INCOMPLETE: {
    title: "Certificate chain incomplete: intermediate certificate not sent",
    severity: "error-or-warning",
    summary: "The server sends its own certificate but not the intermediate CA certificate that issued it, and that issuer is not a trusted root. The analyzer, like many clients, does not download missing intermediates, so it cannot link the certificate to a trusted root.",
    details: [
      "A TLS server must send its certificate followed by the intermediate CA certificates up to (not necessarily including) the root. Clients only have roots in their trust stores. Windows, and therefore Edge, Chrome on Windows and Outlook, silently fetch a missing intermediate from the URL in the certificate's Authority Information Access extension (\"AIA fetching\"), which hides this mistake; OpenSSL-based software (Postfix and other mail servers, curl, PHP, Python), Java, Node.js and many Android versions do not, and fail.",
      "Telling the trust problems apart: CERT_CHAIN_INCOMPLETE (this page) is an intermediate that was not sent; CERT_UNTRUSTED_ROOT is a complete chain that ends at a root nobody trusts (or stops at an intermediate whose own issuer is missing); CERT_CHAIN_ORDER is a complete, trusted chain sent in the wrong order; CERT_SELF_SIGNED is a certificate that is its own issuer. The message names the missing issuer.",
      "On IIS/Exchange, Windows (SCHANNEL) builds the chain it sends from the local computer's certificate stores: the intermediate must be in \"Intermediate Certification Authorities\" of the Local Computer. On nginx, Apache, Postfix and Dovecot the chain is whatever is in the configured file, so the certificate file must be the full chain.",
    ],
    symptoms: [
      "Works in browsers on Windows, fails on Android, in Java apps, from Linux servers (`curl: (60) SSL certificate problem: unable to get local issuer certificate`) and for some partner mail servers.",
      "`openssl s_client` shows only one certificate under \"Certificate chain\" and ends with `Verify return code: 21 (unable to verify the first certificate)`.",
      "Outlook on a Windows machine without internet access to the CA (AIA URL blocked by a proxy) shows a trust warning while others do not.",
    ],
    causes: [
      "nginx `ssl_certificate` (or Apache `SSLCertificateFile`) points to the server certificate only, e.g. certbot's `cert.pem` instead of `fullchain.pem`.",
      "On IIS/Exchange the certificate was imported without its chain (a .cer instead of a .pfx with the chain), and the intermediate is missing from the Intermediate Certification Authorities store; or an old/expired intermediate is in the store and chain building picks the wrong one.",
      "A load balancer or reverse proxy terminates TLS and its chain/bundle setting is empty or outdated.",
      "After a renewal the CA uses a new intermediate, but the old intermediate is still configured.",
    ],
    fixes: [
      {
        text: "Inspect the chain the server sends (count the certificates and check each issuer), and, on Windows, let `certutil` show how the chain is built and where it fetches from.",
        commands: [
          {
            shell: "bash",
            lines: [
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -showcerts </dev/null",
              "openssl x509 -in mail_contoso_com.pem -noout -issuer -ext authorityInfoAccess",
            ],
          },
          CERTUTIL_VERIFY,
        ],
      },
      {
        text: "Get the correct intermediate: use the bundle your CA provides for this certificate, or download it from the \"CA Issuers\" URL of the Authority Information Access extension and convert it to PEM.",
        commands: [
          {
            shell: "bash",
            lines: [
              "curl -o intermediate.der http://cacerts.example-ca.com/ExampleTLSCA.crt",
              "openssl x509 -inform der -in intermediate.der -out intermediate.pem",
            ],
          },
        ],
      },
      {
        text: "nginx: the `ssl_certificate` file must be the full chain, server certificate first, then the intermediate(s). Apache 2.4.8+: `SSLCertificateFile` with the full chain (older versions: `SSLCertificateChainFile`). Postfix 3.4+: `smtpd_tls_chain_files = /etc/ssl/private/mail.contoso.com.key, /etc/ssl/certs/mail.contoso.com.fullchain.pem`. Dovecot: `ssl_cert = </etc/ssl/certs/mail.contoso.com.fullchain.pem`. With certbot, always use `fullchain.pem`.",
        commands: [
          {
            shell: "bash",
            lines: [
              "cat mail.contoso.com.crt intermediate.pem > /etc/ssl/certs/mail.contoso.com.fullchain.pem",
              NGINX_RELOAD_LINE,
              "sudo postfix reload && sudo systemctl reload dovecot",
            ],
          },
        ],
      },
      {
        text: "IIS/Exchange: import the intermediate into the Local Computer \"Intermediate Certification Authorities\" store (certlm.msc, or the commands below), remove expired or superseded intermediates from that store, then restart IIS and the transport services so SCHANNEL rebuilds the chain (a reboot also works). Importing the certificate as a .pfx that includes the chain does the same.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Import-Certificate -FilePath C:\\certs\\intermediate.cer -CertStoreLocation Cert:\\LocalMachine\\CA",
              "Get-ChildItem Cert:\\LocalMachine\\CA | Where-Object NotAfter -lt (Get-Date) | Format-Table Subject,NotAfter,Thumbprint",
              "iisreset /noforce",
              "Restart-Service MSExchangeFrontEndTransport,MSExchangeTransport",
            ],
          },
          {
            shell: "cmd",
            lines: [
              "certutil -addstore CA C:\\certs\\intermediate.cer",
            ],
          },
        ],
      },
      {
        text: "On a load balancer or reverse proxy (F5, KEMP, NetScaler, HAProxy, Web Application Proxy), upload the intermediate and attach it as the chain/bundle of the TLS profile for this virtual server.",
      },
      IGNORE_TRUST_FIX,
    ],
    seeAlso: [
      "CERT_UNTRUSTED_ROOT",
      "CERT_CHAIN_ORDER",
      "CERT_SELF_SIGNED",
      "CERT_EXPIRED",
    ],
  },
  CERT_CHAIN_ORDER: {
    title: "Certificate chain sent in the wrong order",
    severity: "warning",
    summary: "The chain is complete and trusted, but the server sends its certificates out of order: TLS expects the server certificate first, followed by each certificate's issuer in turn. Tolerant clients sort it out, strict ones fail.",
    details: [
      "TLS 1.2 (RFC 5246) requires the server certificate first and every following certificate to directly certify the one before it. TLS 1.3 (RFC 8446) still requires the server certificate first but recommends that clients accept the others in any order. Browsers and Windows rebuild the path themselves, which is why the analyzer reports this only as a warning (it builds the path order-independently too); older Java, embedded devices, some mail servers and other strict clients fail instead. Unrelated extra certificates between the server certificate and its issuer also count as out of order.",
      "The message shows the order in which the path was found among the sent certificates (for example `sent #1, sent #3, sent #2`). Windows/SCHANNEL always sends the chain in the right order, so on a plain IIS/Exchange server this warning almost always points at a device in front of it (load balancer, WAF, reverse proxy) or a non-Windows server whose chain file was assembled by hand.",
    ],
    symptoms: [
      "Most clients work; some (older Android/Java apps, appliances, some partner MTAs) report \"unable to get local issuer certificate\" or a path-building error.",
      "`openssl s_client -showcerts` lists the certificates with an `i:` (issuer) line that does not match the `s:` (subject) line of the next certificate.",
    ],
    causes: [
      "The chain file was concatenated in the wrong order (`cat intermediate.pem server.pem`, root before intermediate, two intermediates reversed).",
      "An old cross-signed or superseded intermediate left in the bundle between the right ones.",
      "The chain configured on a load balancer or appliance is in the wrong order.",
    ],
    fixes: [
      {
        text: "List subject and issuer of each certificate as sent: for every entry n, its `i:` must equal the `s:` of entry n+1.",
        commands: [
          {
            shell: "bash",
            lines: [
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -showcerts </dev/null | grep -E '^ *[0-9]+ s:|^ *i:'",
            ],
          },
        ],
      },
      {
        text: "Rebuild the chain file in order: server certificate, issuing intermediate, then any higher intermediate; the root can be left out. Check the order of the file and that its first certificate matches the private key, then reload.",
        commands: [
          {
            shell: "bash",
            lines: [
              "cat mail.contoso.com.crt issuing-ca.pem policy-ca.pem > /etc/ssl/certs/mail.contoso.com.fullchain.pem",
              "openssl crl2pkcs7 -nocrl -certfile /etc/ssl/certs/mail.contoso.com.fullchain.pem | openssl pkcs7 -print_certs -noout",
              "openssl x509 -noout -pubkey -in /etc/ssl/certs/mail.contoso.com.fullchain.pem | openssl sha256",
              "openssl pkey -in /etc/ssl/private/mail.contoso.com.key -pubout | openssl sha256",
              NGINX_RELOAD_LINE,
            ],
          },
        ],
      },
      {
        text: "On a load balancer or appliance, reorder or re-upload the chain bundle in the TLS profile, and remove certificates that do not belong to this chain.",
      },
    ],
    seeAlso: [
      "CERT_CHAIN_INCOMPLETE",
      "CERT_UNTRUSTED_ROOT",
    ],
  },
  CERT_WEAK_SIGNATURE: {
    title: "Weak certificate signature (SHA-1 or MD5)",
    severity: "error-or-warning",
    summary: "The server certificate or an intermediate CA certificate is signed with SHA-1 or MD5 (or MD2). These hash functions are broken for signatures, and current clients reject such certificates.",
    details: [
      "Only certificates below the root matter: a root is trusted because it is in the trust store, not because of its own signature, so a root self-signed with SHA-1 is fine. The analyzer therefore checks the signature algorithm of every certificate in the path except the self-signed root.",
      "MD5 collisions were used to forge a CA certificate in 2008; SHA-1 collisions were demonstrated in 2017 (SHAttered) and chosen-prefix collisions in 2020. Public CAs stopped issuing SHA-1 certificates in 2016, and browsers and Windows reject SHA-1 server certificates. Today such certificates almost always come from an internal CA that was installed years ago with SHA-1 as its hash algorithm, or from an intermediate CA certificate that was itself signed with SHA-1.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Browsers: NET::ERR_CERT_WEAK_SIGNATURE_ALGORITHM; modern mail clients and mobile devices refuse the connection.",
      "Works only with very old clients.",
    ],
    causes: [
      "An Active Directory Certificate Services CA configured with SHA-1 issued the certificate.",
      "The issuing CA's own certificate was signed with SHA-1 by its parent, even though it now signs with SHA-256.",
      "A very old certificate on an appliance or legacy server.",
    ],
    fixes: [
      {
        text: "Check the signature algorithm of every certificate in the chain (OpenSSL 3 prints a `sigalg` line per certificate with `-showcerts`).",
        commands: [
          {
            shell: "bash",
            lines: [
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -showcerts </dev/null | grep -E 's:|i:|sigalg'",
              "openssl x509 -in mail_contoso_com.pem -noout -text | grep \"Signature Algorithm\"",
            ],
          },
          {
            shell: "cmd",
            lines: [
              "certutil -dump C:\\certs\\mail_contoso_com.cer | findstr /i \"Algorithm\"",
            ],
          },
        ],
      },
      {
        text: "Request a new certificate signed with SHA-256 (any public CA does this), import it and assign it.",
        commands: [
          NEW_CERTIFICATE_REQUEST,
          completeCertificateRequest(CERT_THUMBPRINT),
        ],
      },
      {
        text: "Internal AD CS CA: switch its hash algorithm to SHA-256 and restart the CA service. `CNGHashAlgorithm` applies to CAs using a Key Storage Provider (KSP); a CA still on a legacy CryptoAPI CSP must be migrated to a KSP first. If the issuing CA's own certificate is SHA-1 signed, renew it on the parent CA after changing the parent's hash algorithm, then reissue the server certificates.",
        commands: [
          {
            shell: "cmd",
            lines: [
              "certutil -getreg ca\\csp\\CNGHashAlgorithm",
              "certutil -setreg ca\\csp\\CNGHashAlgorithm SHA256",
              "net stop certsvc && net start certsvc",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "CERT_WEAK_KEY",
      "CERT_UNTRUSTED_ROOT",
      "TLS_PROTOCOL_OBSOLETE",
    ],
  },
  CERT_WEAK_KEY: {
    title: "Weak certificate key (RSA below 2048 bits, EC below 256 bits)",
    severity: "error-or-warning",
    summary: "The server certificate's public key is too short: an RSA key below 2048 bits, or an elliptic-curve key below 256 bits (for example P-192). Such keys are considered breakable, CAs no longer issue them, and strict clients refuse them.",
    details: [
      "1024-bit RSA was disallowed for publicly trusted certificates at the end of 2013, and OpenSSL's default security level on current Linux distributions rejects RSA keys below 2048 bits during the handshake. The analyzer requires at least 2048-bit RSA or a 256-bit curve (P-256 or better) on the server certificate; the message shows the key type and size.",
      "A weak key can only be fixed by generating a new key pair. Renewing a certificate with the same key (some tools allow \"renew with the same key\") keeps the problem.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Linux clients, current Java and some mobile devices fail the handshake (\"ee key too small\"); browsers refuse the certificate.",
      "Security scanners report a weak key.",
    ],
    causes: [
      "An old certificate request created with 1024-bit keys (old appliance defaults, legacy scripts, `-KeySize 1024`).",
      "An internal CA template with a minimum key size of 1024.",
    ],
    fixes: [
      {
        text: "Check the key size.",
        commands: [
          {
            shell: "bash",
            lines: [
              servedCertificateLine("-text | grep -E \"Public Key Algorithm|Public-Key\""),
            ],
          },
        ],
      },
      {
        text: "On Exchange, create a new request with a new 2048-bit (or 4096-bit) key, complete it and assign it.",
        commands: [
          NEW_CERTIFICATE_REQUEST,
          completeCertificateRequest(CERT_THUMBPRINT),
        ],
      },
      {
        text: "With OpenSSL, generate a new RSA 2048 or EC P-256 key and request (OpenSSL 1.1.1+ for `-addext`); on an AD CS CA raise the template's minimum key size to 2048.",
        commands: [
          {
            shell: "bash",
            lines: [
              "openssl req -new -newkey rsa:2048 -nodes -keyout mail.contoso.com.key -out mail.contoso.com.csr -subj \"/CN=mail.contoso.com\" -addext \"subjectAltName=DNS:mail.contoso.com,DNS:autodiscover.contoso.com\"",
              "openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout mail.contoso.com.key -out mail.contoso.com.csr -subj \"/CN=mail.contoso.com\" -addext \"subjectAltName=DNS:mail.contoso.com,DNS:autodiscover.contoso.com\"",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "CERT_WEAK_SIGNATURE",
      "TLS_PROTOCOL_OBSOLETE",
    ],
  },
  CERT_NOT_FOR_SERVER_AUTH: {
    title: "Certificate not allowed for server authentication (Extended Key Usage)",
    severity: "error-or-warning",
    summary: "The certificate has an Extended Key Usage (EKU) extension, and Server Authentication (`serverAuth`, OID 1.3.6.1.5.5.7.3.1) is not in it. A certificate restricted to other purposes (client authentication, e-mail protection, code signing) must not be used by a TLS server, and clients reject it.",
    details: [
      "A certificate without any EKU extension is accepted for every purpose, and `anyExtendedKeyUsage` is accepted too; but once an EKU list is present, clients only allow the listed purposes. The message lists the usages the certificate has.",
      "This nearly always means the certificate was requested from the wrong certificate template on an internal CA (for example \"User\", or a custom template for client authentication only), or a certificate meant for another purpose (S/MIME, code signing, a client certificate) was imported and assigned by mistake.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Browsers: NET::ERR_CERT_INVALID / \"The certificate is not valid for the requested usage\"; Outlook: certificate warning although name and dates are fine.",
      "The certificate looks correct in the certificate MMC (name, dates, trust), but \"Intended Purposes\" does not include Server Authentication.",
    ],
    causes: [
      "Requested from an AD CS template without Server Authentication (\"User\", \"Smartcard Logon\", client-only custom templates) instead of \"Web Server\".",
      "The wrong certificate (S/MIME, client or code-signing certificate) was assigned to IIS/SMTP.",
    ],
    fixes: [
      {
        text: "Check the Extended Key Usage: it must contain \"TLS Web Server Authentication\" (OpenSSL) or \"Server Authentication (1.3.6.1.5.5.7.3.1)\" (Windows).",
        commands: [
          {
            shell: "bash",
            lines: [
              servedCertificateLine("-ext extendedKeyUsage"),
            ],
          },
          {
            shell: "cmd",
            lines: [
              "certutil -dump C:\\certs\\mail_contoso_com.cer",
            ],
          },
        ],
      },
      {
        text: "Request a new certificate from the \"Web Server\" template (internal CA) or from a public CA, which always includes Server Authentication, then import and assign it.",
        commands: [
          {
            shell: "cmd",
            lines: [
              "certreq -submit -config \"CA01.corp.contoso.com\\Contoso Issuing CA\" -attrib \"CertificateTemplate:WebServer\" C:\\certs\\mail_contoso_com.req C:\\certs\\mail_contoso_com.cer",
            ],
          },
          completeCertificateRequest(CERT_THUMBPRINT),
        ],
      },
      {
        text: "With OpenSSL, state the usage explicitly in the request: `-addext \"extendedKeyUsage=serverAuth\"` (add `clientAuth` too if the same certificate is used for SMTP client connections by a partner that requires it).",
      },
    ],
    seeAlso: [
      "CERT_NAME_MISMATCH",
      "CERT_SELF_SIGNED",
    ],
  },
  CERT_REVOKED: {
    title: "Certificate revoked by its CA",
    severity: "error-or-warning",
    summary: "The issuing CA has revoked the server certificate: its serial number is on the CA's certificate revocation list (CRL), or the CA's OCSP responder answers \"revoked\". Revocation is permanent; clients that check revocation refuse the certificate.",
    details: [
      "Note: this version of the analyzer doesn't query OCSP responders or CRLs yet (that would mean fetching from the CA's servers), so it doesn't raise this problem itself; the page explains it for when a client reports it. Check revocation yourself with `certutil -verify -urlfetch` or `openssl ocsp` as shown below.",
      "Revocation status is published by the CA at the addresses in the certificate itself: the OCSP responder in the Authority Information Access extension and the CRL in the CRL Distribution Points extension. If the CA gives a reason (keyCompromise, superseded, cessationOfOperation…), it is shown in the step details.",
      "A very common, harmless-looking cause: the certificate was re-issued or re-keyed at the CA or reseller (for example to add a name), and the CA revoked the old one some days later, but the old certificate is still installed on a server, load balancer or proxy. CAs also mass-revoke certificates when they discover compliance problems in their validation, sometimes within 24 hours.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Browsers: NET::ERR_CERT_REVOKED; Outlook: \"The security certificate has been revoked\"; some clients that do not check revocation keep working, which makes the problem look intermittent.",
      "`certutil -verify -urlfetch` reports \"The certificate is revoked\" (CRYPT_E_REVOKED).",
    ],
    causes: [
      "The certificate was replaced or re-keyed and the old, now revoked certificate is still in use somewhere.",
      "Key compromise was reported, or the CA revoked certificates after a validation incident.",
      "An internal AD CS administrator revoked the certificate (possibly by mistake, or with reason \"Certificate Hold\").",
    ],
    fixes: [
      {
        text: "Confirm the status. On Windows, `certutil` checks CRL and OCSP; with OpenSSL, query the OCSP responder named in the certificate (save the server certificate and its issuer as PEM first, e.g. from `openssl s_client -showcerts`).",
        commands: [
          CERTUTIL_VERIFY,
          {
            shell: "bash",
            lines: [
              "openssl ocsp -issuer intermediate.pem -cert mail_contoso_com.pem -url \"$(openssl x509 -in mail_contoso_com.pem -noout -ocsp_uri)\" -resp_text",
            ],
          },
        ],
      },
      {
        text: "Install a new certificate with a new private key, assign it, and remove the revoked one from every server and device (Exchange servers, load balancers, reverse proxies). On nginx with OCSP stapling, reload so the stapled response is refreshed.",
        commands: [
          NEW_CERTIFICATE_REQUEST,
          completeCertificateRequest(NEW_CERT_THUMBPRINT),
          {
            shell: "Exchange Management Shell",
            lines: [
              REMOVE_OLD_CERTIFICATE_LINE,
            ],
          },
          NGINX_RELOAD,
        ],
      },
      {
        text: "Internal AD CS only: a certificate revoked with reason \"Certificate Hold\" can be un-revoked; publish a new CRL afterwards. Certificates revoked with any other reason cannot be restored and must be replaced.",
        commands: [
          {
            shell: "cmd",
            lines: [
              "certutil -revoke 61000000123456789abcdef000000000012 unrevoke",
              "certutil -crl",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "CERT_EXPIRED",
      "CERT_UNTRUSTED_ROOT",
    ],
  },
  MUTUAL_AUTH_MISMATCH: {
    title: "Mutual authentication failed: certificate name does not match the msstd: principal",
    severity: "error-or-warning",
    summary: "Outlook Anywhere (RPC over HTTP) clients only connect to an RPC proxy whose certificate carries the expected principal name, and this certificate does not. The analyzer reads the certificate's Subject (common name) and compares it with the mutual authentication principal (for example `msstd:mail.contoso.com`); they don't match, so Outlook will refuse the server and users cannot connect with Outlook Anywhere.",
    details: [
      "The principal is Outlook's setting \"Only connect to proxy servers that have this principal name in their certificate\", in the Exchange Proxy Settings of the account. Its format is `msstd:` followed by a fully qualified domain name, e.g. `msstd:mail.contoso.com`. Outlook normally receives it through Autodiscover: the `CertPrincipalName` of the EXPR Outlook provider in Active Directory (see `Get-OutlookProvider EXPR`) is returned to clients in the Autodiscover response; when it is empty, Outlook uses the Outlook Anywhere server name (`msstd:<ExternalHostname>`). In this test, the principal is the value you entered as \"mutual authentication principal\", or `msstd:<host>` when you left it empty.",
      "How the analyzer decides: it removes the `msstd:` prefix and compares the rest with the certificate's Subject common name as a literal, case-insensitive string. Wildcard rules are not applied, because the Outlook Anywhere principal check does not apply them either (which is why Microsoft's guidance for wildcard certificates is to publish a wildcard principal). So `msstd:*.contoso.com` matches a certificate whose common name is `*.contoso.com`, but `msstd:mail.contoso.com` does NOT match a wildcard certificate `*.contoso.com`, although that certificate is perfectly valid for mail.contoso.com in a browser. The analyzer then reports: \"The certificate common name *.contoso.com doesn't validate against the mutual authentication string that was provided: msstd:mail.contoso.com\", and suggests the principal that would work (`msstd:` plus the common name).",
      "If the common name does not match but one of the certificate's Subject Alternative Names equals the principal (again literally), the result is a warning instead of an error: Outlook on Windows Vista and later accepts a match in the Subject Alternative Name, while older clients require the principal to be the common name.",
      "This check is separate from the normal host name check (CERT_NAME_MISMATCH): a certificate can be valid for mail.contoso.com under browser rules and still fail mutual authentication, and vice versa. It concerns Outlook Anywhere (RPC over HTTP) only. Outlook connecting with MAPI over HTTP (the default for Exchange 2016/2019 and the only protocol in Microsoft 365, where RPC over HTTP was retired) does not use the msstd: principal; on-premises Exchange with RPC over HTTP clients does.",
    ],
    symptoms: [
      "Users are repeatedly prompted for credentials and are unable to connect using Outlook Anywhere, although user name and password are right.",
      "Outlook 2007 automatic profile creation (Autodiscover) fails with the error \"There is no encrypted connection available. Verify your server's encryption settings.\"",
      "Outlook connects where it does not use the external Outlook Anywhere connection (MAPI over HTTP, or RPC/TCP inside the network with Exchange 2010) but shows \"Disconnected\" or \"Trying to connect…\" when it has to go through the RPC proxy from outside.",
    ],
    causes: [
      "The principal configured in Outlook names a host that is not the certificate's common name, e.g. `msstd:mail.contoso.com` while the new certificate is issued to `CN=owa.contoso.com`.",
      "The certificate is a wildcard certificate (`CN=*.contoso.com`) and the principal is a specific host name (`msstd:mail.contoso.com`).",
      "The principal is set correctly in Outlook, but the `CertPrincipalName` of the EXPR Outlook provider in Active Directory is wrong. Autodiscover hands that value to Outlook, which writes it back into the profile, so the problem returns after every Autodiscover refresh.",
      "Clients reach a different certificate: the self-signed Exchange certificate is still bound to IIS, or a load balancer/reverse proxy presents another certificate.",
      "The name is only a Subject Alternative Name, not the common name, and some clients are older than Windows Vista (warning case).",
    ],
    fixes: [
      {
        text: "Check the certificate's common name on the Client Access server (on Exchange 2013 and later: the Mailbox server running the Client Access services): in the Exchange Management Shell, or in the certificate MMC (certlm.msc > Personal > Certificates > open the certificate > Details > Subject). Use the certificate whose Services include IIS. From outside, `openssl` shows what clients actually receive.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              CERTIFICATE_SUBJECT_LINE,
            ],
          },
          SHOW_SERVED_CERTIFICATE,
        ],
      },
      {
        text: "Check the principal in Outlook: File > Account Settings > Account Settings > select the Exchange account > Change > More Settings > Connection tab > Exchange Proxy Settings (Outlook 2007: Tools > Account Settings). \"Only connect to proxy servers that have this principal name in their certificate\" must contain `msstd:` followed by the certificate's common name exactly as it appears, e.g. `msstd:mail.contoso.com`, or `msstd:*.contoso.com` for a wildcard certificate. For profiles created by Autodiscover, also fix the next step, or Autodiscover will put the wrong value back.",
      },
      {
        text: "Check and correct the principal that Autodiscover hands out: the `CertPrincipalName` of the EXPR (external Outlook Anywhere) Outlook provider. Set it to `msstd:` plus the certificate's common name; with a wildcard certificate use `msstd:*.contoso.com`; set it to `$null` to let Outlook use the Outlook Anywhere server name (only right when that name is the certificate's common name). On Exchange 2013 and later the EXCH provider (internal Outlook Anywhere) has its own CertPrincipalName; check it as well. Outlook picks up the change at its next Autodiscover refresh (restart Outlook); recycling the Autodiscover application pool makes the server answer with the new value right away.",
        commands: [
          {
            shell: "Exchange Management Shell",
            description: "Certificate issued to mail.contoso.com",
            lines: [
              GET_EXPR_PROVIDER_LINE,
              setExprPrincipalLine("msstd:mail.contoso.com"),
            ],
          },
          SET_WILDCARD_PRINCIPAL,
          {
            shell: "Exchange Management Shell",
            description: "Clear the value, check all providers, refresh Autodiscover",
            lines: [
              "Set-OutlookProvider EXPR -CertPrincipalName:$null",
              "Get-OutlookProvider | fl Name,CertPrincipalName",
              "Restart-WebAppPool MSExchangeAutodiscoverAppPool",
            ],
          },
        ],
      },
      {
        text: "Alternatively, make the certificate match the principal: request a certificate whose Subject common name is the Outlook Anywhere host name (`-SubjectName \"CN=mail.contoso.com\"`), and assign it to IIS.",
        commands: [
          NEW_CERTIFICATE_REQUEST,
          ENABLE_CERTIFICATE_FOR_IIS,
        ],
      },
      {
        text: "Verify: in Outlook, Ctrl+right-click the Outlook icon in the notification area > Test E-mail AutoConfiguration, and check that the `CertPrincipalName` in the EXPR section of the XML is the one you set; then re-run this test with exactly that principal (enter `msstd:*.contoso.com` when you test a wildcard certificate).",
      },
    ],
    seeAlso: [
      "AUTODISCOVER_PRINCIPAL_MISMATCH",
      "CERT_NAME_MISMATCH",
      "HTTP_AUTH_METHOD_MISSING",
      "LOGIN_FAILED",
    ],
  },
  HTTP_UNEXPECTED_STATUS: {
    title: "Unexpected HTTP response",
    severity: "error-or-warning",
    summary: "The server answered with an HTTP status (or a malformed HTTP response) that the test did not expect at this step. For the Outlook Anywhere RPC proxy (`https://mail.contoso.com/rpc/rpcproxy.dll`), an unauthenticated request must be answered with 401 Unauthorized listing the authentication methods, and an authenticated one with 200; 404, 403, 302, 500, 503 and similar answers mean the request never reached a working RPC proxy.",
    details: [
      "The step details show the status code and the relevant response headers (WWW-Authenticate, Location, Server). An unauthenticated 2xx from the RPC proxy is only a warning (something in front of the proxy answered without asking for credentials, e.g. a pre-authenticating reverse proxy); 404 and other non-401 answers are errors. An answer that is not valid HTTP at all, or headers that exceed the analyzer's size limit, are also reported under this code.",
      "IIS records a sub-status for every error (403.4 SSL required, 403.7 client certificate required, 404.0 not found, 503.0 application pool unavailable…). It is not sent to remote clients, but it is in the IIS log (`C:\\inetpub\\logs\\LogFiles\\W3SVC1\\`, column `sc-substatus`). On Exchange 2013 and later, the HttpProxy log (`%ExchangeInstallPath%Logging\\HttpProxy\\RpcHttp\\`) shows how the front end proxied the request to the mailbox server.",
      "What common answers mean: 401 after sending credentials is reported as LOGIN_FAILED. 403 usually means SSL is required (request over HTTP), a client certificate is required (HTTP_CLIENT_CERT_REQUIRED), or an IP restriction. 404: the RPC virtual directory or the \"RPC over HTTP Proxy\" Windows feature is missing, or a reverse proxy does not publish `/rpc`. 301/302: an HTTP redirect configured on the Default Web Site (for example to /owa) is inherited by the /rpc, /autodiscover and /EWS virtual directories. 440: the request hit an OWA forms-based login (typically via a reverse proxy). 500: the application failed (see the event log). 503: the application pool is stopped, or the server is in maintenance mode (server components inactive). 502/504: a load balancer or proxy could not reach the back end.",
    ],
    symptoms: [
      "Outlook Anywhere cannot connect; Outlook keeps prompting or stays \"Disconnected\" from outside the network.",
      "Opening https://mail.contoso.com/rpc/rpcproxy.dll in a browser shows an error page, a redirect to /owa, or a login form instead of an authentication prompt.",
    ],
    causes: [
      "HTTP redirect on the Default Web Site that is inherited by the Exchange virtual directories.",
      "The RPC over HTTP Proxy feature or the /rpc virtual directory is missing (Exchange 2010), or Outlook Anywhere is not enabled.",
      "The MSExchangeRpcProxyFrontEndAppPool / MSExchangeRpcProxyAppPool application pools are stopped (rapid-fail protection), or the server components are inactive after maintenance.",
      "A reverse proxy or load balancer does not publish `/rpc/*`, answers with its own login page, or has no healthy back end.",
      "Exchange Extended Protection is enabled while a device in front terminates TLS with a different certificate, so authenticated requests fail.",
    ],
    fixes: [
      {
        text: "Reproduce the request and look at status and headers (a 401 with WWW-Authenticate headers is the healthy answer without credentials).",
        commands: [
          {
            shell: "bash",
            lines: [
              `curl -sk -o /dev/null -D - "${RPC_PROXY_URL}"`,
            ],
          },
          {
            shell: "cmd",
            lines: [
              `curl.exe -sk -o NUL -D - "${RPC_PROXY_URL}"`,
            ],
          },
        ],
      },
      {
        text: "Remove an inherited HTTP redirect from the Exchange virtual directories (keep it only on the site root, with \"Only redirect requests to content in this directory (not subdirectories)\" checked in IIS Manager).",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Import-Module WebAdministration",
              "foreach ($vdir in 'rpc','autodiscover','EWS','mapi','Microsoft-Server-ActiveSync','OAB','ecp','owa') { Set-WebConfigurationProperty -PSPath IIS:\\ -Location \"Default Web Site/$vdir\" -Filter system.webServer/httpRedirect -Name enabled -Value $false }",
            ],
          },
          {
            shell: "cmd",
            lines: [
              "%windir%\\system32\\inetsrv\\appcmd.exe set config \"Default Web Site/rpc\" -section:system.webServer/httpRedirect /enabled:false",
            ],
          },
        ],
      },
      {
        text: "Check the application pools and the server component state; start what is stopped and bring the server out of maintenance mode if it was left there.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Import-Module WebAdministration",
              "Get-WebAppPoolState -Name MSExchangeRpcProxyFrontEndAppPool",
              "Get-WebAppPoolState -Name MSExchangeRpcProxyAppPool",
              "Restart-WebAppPool -Name MSExchangeRpcProxyFrontEndAppPool",
              "Restart-WebAppPool -Name MSExchangeRpcProxyAppPool",
            ],
          },
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ServerComponentState EX01 | Format-Table Component,State -AutoSize",
              "Set-ServerComponentState EX01 -Component ServerWideOffline -State Active -Requester Maintenance",
            ],
          },
        ],
      },
      {
        text: "Check the Outlook Anywhere configuration. On Exchange 2010, the RPC over HTTP Proxy feature must be installed and Outlook Anywhere enabled; on Exchange 2013 and later Outlook Anywhere always exists and must have an external host name.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-OutlookAnywhere | Format-List Server,ExternalHostname,InternalHostname,ExternalClientAuthenticationMethod,IISAuthenticationMethods,SSLOffloading",
            ],
          },
          {
            shell: "PowerShell",
            description: "Exchange 2010 only",
            lines: [
              "Install-WindowsFeature RPC-over-HTTP-proxy",
            ],
          },
          {
            shell: "Exchange Management Shell",
            description: "Exchange 2010 only",
            lines: [
              "Enable-OutlookAnywhere -Server EX01 -ExternalHostname mail.contoso.com -DefaultAuthenticationMethod NTLM -SSLOffloading $false",
            ],
          },
        ],
      },
      {
        text: "Look up the sub-status in the IIS log and the Exchange HttpProxy log for the time of the test.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Get-ChildItem C:\\inetpub\\logs\\LogFiles\\W3SVC1\\ | Sort-Object LastWriteTime | Select-Object -Last 1 | Get-Content -Tail 200 | Select-String \"/rpc/\"",
            ],
          },
        ],
      },
      {
        text: "If a reverse proxy or load balancer is in front (Web Application Proxy, F5, KEMP, nginx), publish `/rpc/*` with pass-through authentication (no pre-authentication login page) and check the health of the back-end pool. With Exchange Extended Protection enabled, TLS offloading is not supported: bridge TLS with the same certificate on the device and on Exchange.",
      },
    ],
    seeAlso: [
      "HTTP_AUTH_METHOD_MISSING",
      "HTTP_CLIENT_CERT_REQUIRED",
      "LOGIN_FAILED",
      "AUTODISCOVER_BAD_RESPONSE",
    ],
  },
  HTTP_AUTH_METHOD_MISSING: {
    title: "The RPC proxy does not offer the selected authentication method",
    severity: "error-or-warning",
    summary: "The unauthenticated request to the RPC proxy (`/rpc/rpcproxy.dll`) was answered with 401, but the `WWW-Authenticate` headers do not list the method selected for the test (Basic or NTLM). Outlook configured for that method cannot log on.",
    details: [
      "IIS announces every enabled method in its own `WWW-Authenticate` header: `Basic realm=\"mail.contoso.com\"`, `NTLM`, `Negotiate`. Outlook uses the method configured in the profile's Exchange Proxy Settings (\"Proxy authentication settings\"), which Autodiscover sets from the Outlook Anywhere `ExternalClientAuthenticationMethod` (and `InternalClientAuthenticationMethod` for the EXCH provider on Exchange 2013+). The methods IIS actually offers on /rpc come from `IISAuthenticationMethods`. If the two disagree, Outlook fails.",
      "When NTLM was selected and the server offers only `Negotiate`, the result is a warning: Negotiate (SPNEGO) falls back to NTLM for most clients, but clients configured for plain NTLM expect the `NTLM` scheme. The code is also reported when the server answers an NTLM negotiate message without an NTLM challenge. The step details list the methods found.",
      "Devices in front of Exchange can change what the client sees: a reverse proxy or load balancer may strip or rewrite `WWW-Authenticate` headers, pre-authenticate users itself (only Basic or a login form reaches the client), or break NTLM because it does not keep the client connection bound to one server connection (NTLM authenticates the TCP connection, not the request).",
    ],
    symptoms: [
      "Outlook prompts for the password again and again and never connects from outside.",
      "The analyzer's methods list shows e.g. only `Negotiate` when you tested NTLM, or only `NTLM, Negotiate` when you tested Basic.",
    ],
    causes: [
      "`IISAuthenticationMethods` on the Outlook Anywhere virtual directory does not include the method clients use (for example Basic removed during hardening while external clients still use Basic).",
      "`ExternalClientAuthenticationMethod` hands clients a method that IIS does not offer.",
      "Authentication changed by hand in IIS Manager (Default Web Site > rpc > Authentication, or the Windows Authentication providers list) and overwritten or out of sync with Exchange.",
      "A reverse proxy, WAF or load balancer strips `WWW-Authenticate` headers, pre-authenticates, or breaks connection-oriented NTLM (e.g. nginx without upstream keepalive).",
    ],
    fixes: [
      {
        text: "See the methods offered: every `WWW-Authenticate` header of the 401.",
        commands: [
          {
            shell: "bash",
            lines: [
              `curl -sk -o /dev/null -D - "${RPC_PROXY_URL}" | grep -i www-authenticate`,
            ],
          },
        ],
      },
      {
        text: "Check the Outlook Anywhere settings.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-OutlookAnywhere | Format-List Identity,ExternalHostname,ExternalClientAuthenticationMethod,InternalClientAuthenticationMethod,IISAuthenticationMethods,SSLOffloading",
            ],
          },
        ],
      },
      {
        text: "Offer all methods in IIS and tell clients which one to use. `-IISAuthenticationMethods` sets what IIS accepts on /rpc; `-ExternalClientAuthenticationMethod` is what Autodiscover tells external Outlook clients to use (Exchange 2010: `-ClientAuthenticationMethod`). Exchange applies the IIS change within a few minutes; restart IIS to apply it immediately.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Set-OutlookAnywhere -Identity \"EX01\\Rpc (Default Web Site)\" -IISAuthenticationMethods Basic,NTLM,Negotiate",
              "Set-OutlookAnywhere -Identity \"EX01\\Rpc (Default Web Site)\" -ExternalClientAuthenticationMethod NTLM",
              "iisreset /noforce",
            ],
          },
        ],
      },
      {
        text: "In IIS Manager, verify Default Web Site > rpc > Authentication: Basic Authentication and Windows Authentication enabled (Windows Authentication > Providers: Negotiate and NTLM), everything else disabled.",
      },
      {
        text: "If a reverse proxy or load balancer is in front, configure it to pass `WWW-Authenticate` and `Authorization` headers unchanged, to use no pre-authentication for /rpc, and to keep each client connection bound to its own server connection for NTLM. Open-source nginx as an HTTP reverse proxy shares upstream connections between clients, which breaks NTLM; use NGINX Plus with its `ntlm` upstream directive, or publish Exchange with plain TCP pass-through (`stream { server { listen 443; proxy_pass 10.0.0.25:443; } }`), which also leaves TLS and the certificate to Exchange.",
        commands: [
          NGINX_RELOAD,
        ],
      },
    ],
    seeAlso: [
      "HTTP_UNEXPECTED_STATUS",
      "LOGIN_FAILED",
      "HTTP_CLIENT_CERT_REQUIRED",
      "MUTUAL_AUTH_MISMATCH",
    ],
  },
  HTTP_CLIENT_CERT_REQUIRED: {
    title: "The server requires a TLS client certificate on /rpc",
    severity: "error",
    summary: "The web server asked the analyzer for a TLS client certificate on the RPC proxy (during the handshake, or by renegotiating after the request), or IIS answered 403.7 \"client certificate required\". Outlook Anywhere never sends a client certificate, so Outlook Anywhere fails.",
    details: [
      "In IIS this is the SSL Settings feature of the virtual directory: \"Client certificates: Ignore / Accept / Require\". For /rpc it must be Ignore. Accept makes IIS request a certificate (Outlook may show a certificate selection prompt or fail); Require rejects every client without one. The setting is the `sslFlags` attribute of `system.webServer/security/access`: `Ssl` (Require SSL, ignore client certificates), `Ssl, SslNegotiateCert` (accept), `Ssl, SslNegotiateCert, SslRequireCert` (require); `None` means neither SSL nor client certificates are required.",
      "A frequent cause is certificate-based authentication configured for ActiveSync at the Default Web Site level instead of only on `Microsoft-Server-ActiveSync`: the setting is inherited by /rpc and every other virtual directory.",
      "If a server requires a certificate and drops the connection when none is sent, the analyzer reports this code as long as it saw the certificate request in the handshake.",
    ],
    symptoms: [
      "Outlook Anywhere cannot connect; Outlook may show a \"Select a certificate\" prompt or fail silently; browsers asking for /rpc/rpcproxy.dll show a certificate selection dialog.",
      "IIS logs show status 403 with sub-status 7 for /rpc requests.",
    ],
    causes: [
      "Client certificates set to Require or Accept on the /rpc virtual directory.",
      "Client certificates set on the Default Web Site and inherited by /rpc (typically when setting up certificate-based authentication for ActiveSync).",
      "A load balancer or reverse proxy configured for mutual TLS on the published name.",
    ],
    fixes: [
      {
        text: "Check the current setting for /rpc and for the site.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Import-Module WebAdministration",
              "Get-WebConfigurationProperty -PSPath IIS:\\ -Location \"Default Web Site/rpc\" -Filter system.webServer/security/access -Name sslFlags",
              "Get-WebConfigurationProperty -PSPath IIS:\\ -Location \"Default Web Site\" -Filter system.webServer/security/access -Name sslFlags",
            ],
          },
          {
            shell: "cmd",
            lines: [
              "%windir%\\system32\\inetsrv\\appcmd.exe list config \"Default Web Site/rpc\" -section:system.webServer/security/access",
            ],
          },
        ],
      },
      {
        text: "Set client certificates to Ignore on /rpc: IIS Manager > Default Web Site > rpc > SSL Settings > Client certificates: Ignore > Apply, or with PowerShell or appcmd as below, then restart IIS. Pick the value that keeps your current \"Require SSL\" choice: `Ssl` if Require SSL is checked; `None` if it is not, which is the case when `Get-OutlookAnywhere` shows `SSLOffloading : True` (the default on Exchange 2013 and later, and required when a load balancer terminates TLS and forwards plain HTTP).",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Set-WebConfigurationProperty -PSPath IIS:\\ -Location \"Default Web Site/rpc\" -Filter system.webServer/security/access -Name sslFlags -Value \"Ssl\"",
              "iisreset /noforce",
            ],
          },
          {
            shell: "cmd",
            lines: [
              "%windir%\\system32\\inetsrv\\appcmd.exe set config \"Default Web Site/rpc\" -section:system.webServer/security/access /sslFlags:\"Ssl\" /commit:apphost",
              "iisreset /noforce",
            ],
          },
        ],
      },
      {
        text: "If the setting is inherited from the Default Web Site because of ActiveSync certificate-based authentication, set the site level back to Ignore and configure client certificates only on `Default Web Site/Microsoft-Server-ActiveSync`. Re-check every other Exchange virtual directory (autodiscover, EWS, mapi, OAB) the same way.",
      },
      {
        text: "If a load balancer or reverse proxy requests client certificates for this name, disable mutual TLS for `/rpc/*` (and Autodiscover/MAPI/EWS) on that device.",
      },
    ],
    seeAlso: [
      "HTTP_UNEXPECTED_STATUS",
      "HTTP_AUTH_METHOD_MISSING",
      "TLS_HANDSHAKE_FAILED",
    ],
  },
  AUTODISCOVER_NOT_FOUND: {
    title: "No Autodiscover endpoint found for the domain",
    severity: "error",
    summary: "The analyzer tried every method Outlook uses outside the corporate network to locate the Autodiscover service for the e-mail address's domain, and none of them produced an Autodiscover response. Outlook cannot create or repair profiles automatically, and features that depend on Autodiscover (free/busy, Out of Office, Offline Address Book, mobile setup) fail.",
    details: [
      "For an address like jdoe@contoso.com the lookup order is: (1) POST to `https://contoso.com/autodiscover/autodiscover.xml`; (2) POST to `https://autodiscover.contoso.com/autodiscover/autodiscover.xml`; (3) unauthenticated GET to `http://autodiscover.contoso.com/autodiscover/autodiscover.xml`, accepted only if it answers with an HTTP redirect (301/302) to an https URL, which is then used; (4) DNS SRV record `_autodiscover._tcp.contoso.com`, whose target host is used as `https://<target>/autodiscover/autodiscover.xml`. Each attempt appears as a child step with the reason it failed (no DNS record, connection, certificate, HTTP status). Outlook shows a warning to the user before following a redirect or an SRV record.",
      "Domain-joined Outlook clients inside the network first look up the Service Connection Point (SCP) in Active Directory (`AutoDiscoverServiceInternalUri`), which an external test cannot see; that is why Autodiscover often works internally and fails externally. Outlook 2016 and later also try Microsoft 365 first for mailboxes they believe are in the cloud.",
      "Attempt (1) goes to the root domain, which is usually the company website. If that web server answers slowly, with a certificate for another name, or with a page instead of a 404, Outlook can show a certificate prompt for contoso.com or wait for a timeout before moving on.",
    ],
    symptoms: [
      "Outlook outside the network cannot set up the account automatically (\"An encrypted connection to your mail server is not available\" or \"Something went wrong\"), and asks for server settings.",
      "Free/busy, Out of Office and the Offline Address Book fail for external Outlook clients; mobile devices need manual server settings.",
      "Outlook shows a certificate warning for the root domain (contoso.com) at start.",
    ],
    causes: [
      "No `autodiscover.contoso.com` record in public DNS (A or CNAME) and no `_autodiscover._tcp` SRV record.",
      "The record exists, but the certificate on that host does not contain `autodiscover.contoso.com` (the attempt fails on the certificate check).",
      "Port 443 to the Autodiscover host is not published on the firewall/reverse proxy, or `/autodiscover` is not published.",
      "For Exchange Online: the `autodiscover` CNAME does not point to `autodiscover.outlook.com`.",
    ],
    fixes: [
      {
        text: "Check the DNS records Outlook uses.",
        commands: [
          {
            shell: "bash",
            lines: [
              "dig +short autodiscover.contoso.com",
              "dig +short SRV _autodiscover._tcp.contoso.com",
              "dig +short contoso.com",
            ],
          },
          {
            shell: "PowerShell",
            lines: [
              "Resolve-DnsName autodiscover.contoso.com -Server 8.8.8.8",
              "Resolve-DnsName _autodiscover._tcp.contoso.com -Type SRV -Server 8.8.8.8",
            ],
          },
        ],
      },
      {
        text: "On-premises Exchange: publish `autodiscover.contoso.com` (A record to the published address, or `CNAME mail.contoso.com.`) and make sure the certificate on IIS contains `autodiscover.contoso.com`. If you cannot add that name to the certificate, publish an SRV record instead: `_autodiscover._tcp.contoso.com. 3600 IN SRV 0 0 443 mail.contoso.com.`. Another option is a separate IIS site on port 80 for autodiscover.contoso.com that redirects to `https://mail.contoso.com/autodiscover/autodiscover.xml`.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              ...AUTODISCOVER_DNS_RECORD_LINES,
            ],
          },
        ],
      },
      {
        text: "Microsoft 365 / Exchange Online: create the CNAME shown in the admin center: `autodiscover.contoso.com. 3600 IN CNAME autodiscover.outlook.com.`. In a hybrid deployment Autodiscover usually keeps pointing to on-premises Exchange until all mailboxes are migrated.",
      },
      {
        text: "Check the Exchange side: the Autodiscover virtual directory and its authentication methods, and the internal SCP URL. A browser GET to the URL that returns an XML error \"600 Invalid Request\" after logging in is a healthy Autodiscover service (it only accepts POST requests).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-AutodiscoverVirtualDirectory | Format-List Server,InternalUrl,ExternalUrl,BasicAuthentication,WindowsAuthentication,OAuthAuthentication",
              "Get-ClientAccessService | Format-List Name,AutoDiscoverServiceInternalUri",
            ],
          },
        ],
      },
      {
        text: "If the root-domain website causes certificate prompts, make `https://contoso.com/autodiscover/autodiscover.xml` answer 404 quickly (or not listen on 443 at all), or, on managed clients, skip the root-domain lookup with Outlook's `ExcludeHttpsRootDomain` registry value (DWORD 1).",
        commands: [
          {
            shell: "PowerShell",
            description: "Per user, Outlook 2016 and later",
            lines: [
              "New-ItemProperty -Path 'HKCU:\\Software\\Microsoft\\Office\\16.0\\Outlook\\AutoDiscover' -Name ExcludeHttpsRootDomain -PropertyType DWord -Value 1 -Force",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "AUTODISCOVER_BAD_RESPONSE",
      "DNS_NO_RECORD",
      "CERT_NAME_MISMATCH",
      "AUTODISCOVER_PRINCIPAL_MISMATCH",
    ],
  },
  AUTODISCOVER_BAD_RESPONSE: {
    title: "Autodiscover answered, but not with a usable Autodiscover response",
    severity: "error",
    summary: "An Autodiscover URL was reached, but what came back is not a valid, successful Autodiscover XML response for the mailbox: an HTML page, an error status, malformed XML, an Autodiscover error code, or a response without the settings Outlook needs (e.g. no EXPR section for Outlook Anywhere).",
    details: [
      "Outlook POSTs a small XML request (the e-mail address and the response schema `http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a`) and expects an `<Autodiscover>` document with an `<Account>` element containing `<Protocol>` sections: EXCH (internal), EXPR (external Outlook Anywhere) and, on Exchange 2013 and later, WEB and MAPI HTTP settings. The step details show the status, content type and the beginning of what was received.",
      "Autodiscover error codes: 500 means the e-mail address could not be found (no mailbox with this address, or the account authenticated is not the mailbox owner); 600 Invalid Request (the request was not a proper POST with the schema above; a browser GET always gets this); 601 Provider not available (the requested schema is not supported by this server). A response with `<Action>redirectAddr</Action>` or `<Action>redirectUrl</Action>` is a legitimate redirect (e.g. to Microsoft 365) and is followed, not an error.",
      "Without credentials, Exchange answers 401: Autodiscover requires authentication, so supply the mailbox user's credentials to get the full response.",
    ],
    symptoms: [
      "Outlook: \"Autodiscover failed\" / \"An encrypted connection to your mail server is not available\" during account setup, or profiles created with missing or wrong server settings.",
      "Test E-mail AutoConfiguration in Outlook shows an error code or an HTML login page in the Log/XML tabs.",
    ],
    causes: [
      "A reverse proxy or pre-authentication gateway (Web Application Proxy, F5 APM, Azure AD Application Proxy) returns its own login page for /autodiscover.",
      "The Autodiscover URL on the root domain is answered by the company website (200 with HTML, or a redirect to the home page).",
      "The e-mail address is not a primary or proxy SMTP address of a mailbox (error 500), or the credentials belong to a different user.",
      "Outlook Anywhere has no external host name, so Autodiscover does not return an EXPR section.",
      "The MSExchangeAutodiscoverAppPool is failing (HTTP 500/503), e.g. after a failed cumulative update.",
    ],
    fixes: [
      {
        text: "Send the same request Outlook sends and read the XML. In Outlook, Ctrl+right-click the Outlook icon in the notification area > Test E-mail AutoConfiguration (uncheck Guessmart) shows the same data.",
        commands: [
          {
            shell: "bash",
            lines: [
              "curl -s -u 'CONTOSO\\jdoe' -H 'Content-Type: text/xml' --data '<?xml version=\"1.0\" encoding=\"utf-8\"?><Autodiscover xmlns=\"http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006\"><Request><EMailAddress>jdoe@contoso.com</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>' https://autodiscover.contoso.com/autodiscover/autodiscover.xml",
            ],
          },
        ],
      },
      {
        text: "On Exchange, test Autodiscover for the mailbox and check that the address exists.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Test-OutlookWebServices -Identity jdoe@contoso.com -MailboxCredential (Get-Credential)",
              "Get-Recipient jdoe@contoso.com | Format-List Name,RecipientType,PrimarySmtpAddress,EmailAddresses",
            ],
          },
        ],
      },
      {
        text: "Make sure Outlook Anywhere has an external host name, so that the EXPR section is returned.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-OutlookAnywhere | Format-List Server,ExternalHostname,ExternalClientAuthenticationMethod",
              "Set-OutlookAnywhere -Identity \"EX01\\Rpc (Default Web Site)\" -ExternalHostname mail.contoso.com -ExternalClientsRequireSsl $true -ExternalClientAuthenticationMethod NTLM",
            ],
          },
        ],
      },
      {
        text: "Restart the Autodiscover application pool if it returns 500/503, and check the Application event log for errors.",
        commands: [
          RESTART_AUTODISCOVER_APP_POOL,
        ],
      },
      {
        text: "On a reverse proxy, publish `/autodiscover/*` with pass-through authentication (no pre-authentication login page); on the root-domain website, return 404 for `/autodiscover/autodiscover.xml` instead of a page or a redirect.",
      },
    ],
    seeAlso: [
      "AUTODISCOVER_NOT_FOUND",
      "HTTP_UNEXPECTED_STATUS",
      "LOGIN_FAILED",
      "AUTODISCOVER_PRINCIPAL_MISMATCH",
    ],
  },
  AUTODISCOVER_PRINCIPAL_MISMATCH: {
    title: "Autodiscover hands out a CertPrincipalName that does not match the certificate",
    severity: "error-or-warning",
    summary: "The Autodiscover response's EXPR (external Outlook Anywhere) section contains a `CertPrincipalName` (for example `msstd:mail.contoso.com`) that does not match the certificate presented by the Outlook Anywhere server named in the same section. Every Outlook profile configured by Autodiscover gets this principal and will fail mutual authentication.",
    details: [
      "The value comes from the `CertPrincipalName` property of the EXPR Outlook provider in Active Directory (`Get-OutlookProvider EXPR`). Outlook copies it into \"Only connect to proxy servers that have this principal name in their certificate\" in the profile's Exchange Proxy Settings. When the property is empty, Outlook uses `msstd:` plus the EXPR server name.",
      "The comparison rule is the same as for MUTUAL_AUTH_MISMATCH: the text after `msstd:` is compared with the certificate's Subject common name as a literal, case-insensitive string, without wildcard matching. So with a wildcard certificate `*.contoso.com`, the principal must be `msstd:*.contoso.com`; `msstd:mail.contoso.com` fails. A match only with a Subject Alternative Name is a warning (Outlook on Windows Vista and later accepts it, older clients do not).",
    ],
    symptoms: [
      "Users are repeatedly prompted for credentials and cannot connect with Outlook Anywhere, even after fixing the principal by hand in Outlook: Autodiscover puts the wrong value back.",
      "Outlook 2007 automatic account setup fails with \"There is no encrypted connection available. Verify your server's encryption settings.\"",
    ],
    causes: [
      "`CertPrincipalName` on the EXPR provider was set for an earlier certificate and not updated when the certificate changed.",
      "A wildcard certificate is used and the principal names a specific host, or it is empty so Outlook uses the server name.",
      "The EXPR server name (Outlook Anywhere external host name) is not the certificate's common name.",
    ],
    fixes: [
      {
        text: "Look at the provider and at the certificate's common name.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              GET_EXPR_PROVIDER_LINE,
              CERTIFICATE_SUBJECT_LINE,
            ],
          },
          SHOW_SERVED_CERTIFICATE,
        ],
      },
      {
        text: "Set the principal to `msstd:` plus the certificate's common name (or the wildcard form), then recycle the Autodiscover application pool and let Outlook refresh (restart Outlook).",
        commands: [
          {
            shell: "Exchange Management Shell",
            description: "Certificate issued to mail.contoso.com",
            lines: [
              setExprPrincipalLine("msstd:mail.contoso.com"),
            ],
          },
          SET_WILDCARD_PRINCIPAL,
          RESTART_AUTODISCOVER_APP_POOL,
        ],
      },
      {
        text: "Re-run the Autodiscover test and the Outlook Anywhere test with the published principal to confirm.",
      },
    ],
    seeAlso: [
      "MUTUAL_AUTH_MISMATCH",
      "AUTODISCOVER_BAD_RESPONSE",
      "CERT_NAME_MISMATCH",
    ],
  },
  SMTP_BANNER: {
    title: "SMTP greeting missing, rejecting or malformed",
    severity: "error-or-warning",
    summary: "After connecting to the SMTP port the analyzer expects a 220 greeting that begins with the server's host name, e.g. `220 mail.contoso.com Microsoft ESMTP MAIL Service ready`. The server sent no greeting within the time limit, a rejection (421 or 554), something that is not SMTP, or a greeting without a proper host name.",
    details: [
      "RFC 5321 requires the server to open with `220` followed by its domain name. A `554` greeting means the server refuses the connecting address (the analyzer's, and then possibly other senders too: DNSBL-based or geo-based connection filtering, a postscreen/tarpit rule); `421` means temporarily unavailable (overloaded, shutting down, too many connections). No greeting at all often means a firewall or SMTP proxy is holding the connection.",
      "A greeting that does not name the server, names an internal host (`EX01.corp.contoso.com`), or does not match the server's PTR/MX name is a warning: mail still flows, but some receivers' anti-spam checks and your own diagnostics suffer, and it leaks internal names.",
      "A classic culprit is SMTP inspection on Cisco ASA/PIX firewalls (\"inspect esmtp\"), which masks the greeting with asterisks (`220 ****************************`) and removes STARTTLS from the EHLO answer.",
    ],
    symptoms: [
      "Sending servers report \"Connection closed\" / \"lost connection while receiving the initial server greeting\" / \"421 Service not available\" and defer mail.",
      "`telnet mail.contoso.com 25` shows asterisks, an internal host name, or nothing for a long time.",
    ],
    causes: [
      "Firewall SMTP inspection/fixup (Cisco ASA `inspect esmtp`) or an SMTP proxy rewrites or delays the greeting.",
      "Connection filtering rejects the analyzer's address (554), or the server is overloaded (421).",
      "The receive connector or MTA is configured with an internal FQDN or a custom banner without the host name.",
      "Something other than an SMTP server listens on the port (e.g. port 25 forwarded to a web server).",
    ],
    fixes: [
      {
        text: "Look at the greeting and the EHLO answer yourself.",
        commands: [
          {
            shell: "bash",
            lines: [
              "swaks --server mail.contoso.com --port 25 --quit-after EHLO",
              "nc -C mail.contoso.com 25",
            ],
          },
          {
            shell: "cmd",
            lines: [
              "telnet mail.contoso.com 25",
            ],
          },
        ],
      },
      {
        text: "Exchange: give the internet-facing receive connector (Exchange 2013 and later: \"Default Frontend <server>\" on port 25) the public FQDN, and optionally a banner, which must start with `220`. Do not change the FQDN of the back-end \"Default <server>\" connector on port 2525.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ReceiveConnector | Format-Table Identity,Bindings,Fqdn,Banner -AutoSize",
              "Set-ReceiveConnector \"EX01\\Default Frontend EX01\" -Fqdn mail.contoso.com",
              "Set-ReceiveConnector \"EX01\\Default Frontend EX01\" -Banner \"220 mail.contoso.com ESMTP\"",
            ],
          },
        ],
      },
      {
        text: "Postfix: set the host name and banner, then reload.",
        commands: [
          {
            shell: "bash",
            lines: [
              "sudo postconf -e 'myhostname = mail.contoso.com' 'smtpd_banner = $myhostname ESMTP'",
              "sudo postfix reload",
            ],
          },
        ],
      },
      {
        text: "Cisco ASA: disable ESMTP inspection in the global policy (it breaks STARTTLS too): in configuration mode, `policy-map global_policy`, then `class inspection_default`, then `no inspect esmtp`, and `write memory`.",
      },
      {
        text: "If the greeting is a 554 rejection, check the connection filtering (IP block lists, geo filters, postscreen) on the server or an upstream filter for the analyzer's address.",
      },
    ],
    seeAlso: [
      "SMTP_STARTTLS_MISSING",
      "PTR_MISMATCH",
      "TCP_TIMEOUT",
      "TLS_NOT_SPOKEN",
    ],
  },
  SMTP_STARTTLS_MISSING: {
    title: "SMTP server does not offer STARTTLS",
    severity: "warning",
    summary: "The server's answer to EHLO does not contain `250-STARTTLS`, so mail to it can only be transferred unencrypted. Senders that require TLS (MTA-STS or DANE policies, partner connectors with forced TLS, Exchange Online connectors set to require TLS) cannot deliver at all.",
    details: [
      "STARTTLS upgrades the plain connection on port 25 (or 587) to TLS after EHLO. If the keyword is missing, the analyzer cannot check the server's certificate either. The step details show the full EHLO answer.",
      "Exchange advertises STARTTLS on a receive connector only if `Tls` is among its `AuthMechanism` values and it finds a valid certificate (enabled for SMTP) whose names match the connector's FQDN, or the certificate named in `TlsCertificateName`. If it finds none, it logs event 12014 (MSExchangeTransport): \"Microsoft Exchange couldn't find a certificate that contains the domain name … Therefore, it is unable to support the STARTTLS SMTP verb for the connector …\".",
      "If the EHLO answer contains `250-XXXXXXXA` where STARTTLS would be, a Cisco ASA with ESMTP inspection is masking it (see SMTP_BANNER).",
    ],
    symptoms: [
      "Mail from partners that enforce TLS queues or bounces (\"TLS is required, but was not offered by host\").",
      "Message headers of received mail show `with ESMTP` instead of `with ESMTPS` / `(version=TLS1_2 …)`.",
    ],
    causes: [
      "Exchange: no certificate matching the connector FQDN is enabled for SMTP, the certificate expired, or `Tls` was removed from `AuthMechanism`.",
      "Postfix: `smtpd_tls_security_level` not set (the default is no TLS) or no certificate/key configured.",
      "A firewall or SMTP proxy strips the STARTTLS keyword.",
    ],
    fixes: [
      {
        text: "Check the EHLO answer and, if STARTTLS is present after your fix, the TLS session.",
        commands: [
          {
            shell: "bash",
            lines: [
              "swaks --server mail.contoso.com --port 25 --quit-after EHLO",
              "openssl s_client -connect mail.contoso.com:25 -starttls smtp -servername mail.contoso.com -crlf </dev/null",
            ],
          },
        ],
      },
      {
        text: "Exchange: enable a certificate that contains the connector FQDN for SMTP, make sure `Tls` is in the connector's authentication mechanisms, and optionally pin the certificate with `TlsCertificateName` (format `<I>issuer<S>subject`).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ReceiveConnector | Format-List Identity,Fqdn,AuthMechanism,TlsCertificateName",
              enableCertificateLine("SMTP"),
              "Set-ReceiveConnector \"EX01\\Default Frontend EX01\" -AuthMechanism Tls,Integrated,BasicAuth,BasicAuthRequireTLS,ExchangeServer",
              `$c = Get-ExchangeCertificate -Thumbprint ${CERT_THUMBPRINT}`,
              "Set-ReceiveConnector \"EX01\\Default Frontend EX01\" -TlsCertificateName \"<I>$($c.Issuer)<S>$($c.Subject)\"",
              "Restart-Service MSExchangeFrontEndTransport",
            ],
          },
        ],
      },
      {
        text: "Postfix: enable opportunistic TLS for incoming mail with the full-chain certificate and key, then reload.",
        commands: [
          {
            shell: "bash",
            lines: [
              "sudo postconf -e 'smtpd_tls_security_level = may' 'smtpd_tls_chain_files = /etc/ssl/private/mail.contoso.com.key, /etc/ssl/certs/mail.contoso.com.fullchain.pem'",
              "sudo postconf -n | grep tls",
              "sudo postfix reload",
            ],
          },
        ],
      },
      {
        text: "Remove firewall SMTP inspection (Cisco ASA: `no inspect esmtp` under `policy-map global_policy` / `class inspection_default`).",
      },
    ],
    seeAlso: [
      "SMTP_BANNER",
      "STARTTLS_MISSING",
      "CERT_NAME_MISMATCH",
      "CERT_EXPIRED",
    ],
  },
  SMTP_OPEN_RELAY: {
    title: "Open relay: the server accepts mail for foreign domains from anyone",
    severity: "error",
    summary: "The server accepted, from the analyzer (unauthenticated, from an arbitrary internet address), a message addressed from one external domain to another external domain. Spammers find such servers within hours and use them to send spam in your name; your IP addresses end up on block lists and your own mail stops being delivered.",
    details: [
      "The check uses a sender and a recipient in domains your server is not responsible for. A server must only accept recipients in its own (accepted) domains from anonymous senders; relaying to other domains is for authenticated users or explicitly listed internal IP addresses. The check stops once the recipient has been accepted or refused; no message is sent.",
      "Exchange: a receive connector that grants the `Ms-Exch-SMTP-Accept-Any-Recipient` permission to `NT AUTHORITY\\ANONYMOUS LOGON` relays for everyone who can reach it. This is how \"anonymous relay\" connectors for scanners and applications are built, and it is safe only if the connector's `RemoteIPRanges` is limited to those devices. A connector with `ExternalAuthoritative` authentication or an accepted domain `*` of type InternalRelay also relays everything.",
      "Postfix: relaying is decided by `smtpd_relay_restrictions` (and `smtpd_recipient_restrictions`) together with `mynetworks`; `mynetworks` containing `0.0.0.0/0` or a whole provider range makes the server an open relay.",
    ],
    symptoms: [
      "Large queues of outgoing mail to unknown recipients; bounces (NDRs) for mail you never sent.",
      "Your IP address appears on DNSBLs (Spamhaus, Barracuda, SpamCop) and your own mail is rejected.",
      "Your ISP or hosting provider sends abuse notices or blocks port 25.",
    ],
    causes: [
      "An Exchange \"anonymous relay\" receive connector whose `RemoteIPRanges` includes everything (`0.0.0.0-255.255.255.255`), or anonymous relay permission granted on the internet-facing \"Default Frontend\" connector.",
      "`ExternalAuthoritative` on a connector reachable from the internet, or an accepted domain `*` (InternalRelay).",
      "Postfix `mynetworks` too broad, or `smtpd_relay_restrictions` without `reject_unauth_destination`.",
      "An appliance or gateway in front of the mail server configured to relay for all.",
    ],
    fixes: [
      {
        text: "Confirm with a manual test from outside your network (stops after RCPT, sends nothing). A `250` answer to the foreign recipient means open relay; `550 5.7.54`/`5.7.1 Unable to relay` or `554 5.7.1 Relay access denied` is correct.",
        commands: [
          {
            shell: "bash",
            lines: [
              "swaks --server mail.contoso.com --from test@example.net --to test@example.org --quit-after RCPT",
            ],
          },
        ],
      },
      {
        text: "Exchange: find connectors on which anonymous users may relay, and their IP ranges.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ReceiveConnector | Format-List Identity,Bindings,RemoteIPRanges,PermissionGroups,AuthMechanism",
              "Get-ReceiveConnector | Get-ADPermission | Where-Object { $_.User -like \"*ANONYMOUS LOGON*\" -and $_.ExtendedRights -like \"*Ms-Exch-SMTP-Accept-Any-Recipient*\" } | Format-Table Identity,User,ExtendedRights -AutoSize",
              "Get-AcceptedDomain | Format-Table DomainName,DomainType,Default -AutoSize",
            ],
          },
        ],
      },
      {
        text: "Restrict the relay connector to the devices that need it, or remove the anonymous relay permission from connectors that face the internet. Remove an accepted domain `*` if one exists.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Set-ReceiveConnector \"EX01\\Anonymous Relay\" -RemoteIPRanges 10.0.5.20,10.0.5.21",
              "Get-ReceiveConnector \"EX01\\Default Frontend EX01\" | Remove-ADPermission -User \"NT AUTHORITY\\ANONYMOUS LOGON\" -ExtendedRights \"Ms-Exch-SMTP-Accept-Any-Recipient\"",
              "Set-ReceiveConnector \"EX01\\Default Frontend EX01\" -PermissionGroups AnonymousUsers,ExchangeServers,ExchangeLegacyServers",
            ],
          },
        ],
      },
      {
        text: "Postfix: relay only for local networks and authenticated users, keep `mynetworks` minimal, then reload.",
        commands: [
          {
            shell: "bash",
            lines: [
              "sudo postconf -e 'smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination'",
              "sudo postconf -e 'mynetworks = 127.0.0.0/8 [::1]/128'",
              "sudo postconf mynetworks smtpd_relay_restrictions smtpd_recipient_restrictions",
              "sudo postfix reload",
            ],
          },
        ],
      },
      {
        text: "Clean up: remove queued spam, check for compromised accounts (authenticated relaying with a stolen password looks similar), then request delisting from the DNSBLs (see DNSBL_LISTED).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-Queue | Sort-Object MessageCount -Descending | Select-Object -First 10 Identity,DeliveryType,MessageCount,NextHopDomain",
            ],
          },
          {
            shell: "bash",
            lines: [
              "mailq | tail -n 1",
              "sudo postqueue -p | head -50",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "DNSBL_LISTED",
      "SMTP_BANNER",
      "SPF_MISSING",
    ],
  },
  PTR_MISSING: {
    title: "No reverse DNS (PTR) record for the mail server's IP address",
    severity: "error-or-warning",
    summary: "The IP address has no PTR record, so its reverse DNS lookup (e.g. `25.113.0.203.in-addr.arpa`) returns nothing. Most large mail receivers (Gmail, Outlook.com/Microsoft 365, Yahoo) reject or heavily penalise mail from IP addresses without reverse DNS.",
    details: [
      "A PTR record maps an address back to a name. For a sending mail server it should be the server's public host name (`mail.contoso.com`), that name should resolve back to the same address (forward-confirmed reverse DNS), and the server should use the same name in EHLO. For a receiving-only MX host a missing PTR record is less serious (a warning), but most MX hosts also send.",
      "The reverse zone belongs to whoever owns the IP address block: your ISP, hosting or cloud provider. You cannot create the PTR record in your own DNS zone for contoso.com; you set it in the provider's portal or ask their support.",
    ],
    symptoms: [
      "Gmail rejects mail with \"550-5.7.25 … The IP address sending this message does not have a PTR record setup…\".",
      "Other receivers reject with \"reverse DNS lookup failed\" / \"Client host rejected: cannot find your hostname\", or deliver to spam.",
    ],
    causes: [
      "A new static IP or cloud VM address whose provider sets no PTR record by default.",
      "The mail server's outbound address changed (new firewall/NAT rule, new ISP) and the new address has no PTR record.",
    ],
    fixes: [
      {
        text: "Check the reverse lookup of the address your server actually sends from (the NAT address, not the internal one).",
        commands: [
          {
            shell: "bash",
            lines: [
              "dig -x 203.0.113.25 +short",
              "dig +short mail.contoso.com",
            ],
          },
          {
            shell: "PowerShell",
            lines: [
              "Resolve-DnsName 203.0.113.25 -Type PTR",
            ],
          },
        ],
      },
      {
        text: "Ask the owner of the IP address to set the PTR record to your mail host name (and make sure `mail.contoso.com` has an A record with the same address). Most hosting providers offer this in their control panel (\"reverse DNS\", \"rDNS\"). Azure: set the reverse FQDN on the public IP resource (the forward name must resolve to the address). AWS: set reverse DNS on the Elastic IP (after removing the outbound port 25 restriction).",
        commands: [
          {
            shell: "PowerShell",
            description: "Azure (the public IP needs a DNS name label)",
            lines: [
              "$ip = Get-AzPublicIpAddress -Name mail-pip -ResourceGroupName rg-mail",
              "$ip.DnsSettings.ReverseFqdn = \"mail.contoso.com.\"",
              "Set-AzPublicIpAddress -PublicIpAddress $ip",
            ],
          },
          {
            shell: "bash",
            description: "AWS Elastic IP",
            lines: [
              "aws ec2 modify-address-attribute --allocation-id eipalloc-0123456789abcdef0 --domain-name mail.contoso.com",
            ],
          },
        ],
      },
      {
        text: "If you cannot get a PTR record (e.g. dynamic residential address), send outgoing mail through a smart host that has one (your ISP's relay, Microsoft 365, or a mail relay service): in Exchange, configure the Internet send connector with `-SmartHosts`.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Set-SendConnector \"Internet\" -DNSRoutingEnabled $false -SmartHosts smtp.relay.example.net -SmartHostAuthMechanism BasicAuthRequireTLS -AuthenticationCredential (Get-Credential)",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "PTR_MISMATCH",
      "DNSBL_LISTED",
      "SPF_MISSING",
      "DNS_NO_RECORD",
    ],
  },
  PTR_MISMATCH: {
    title: "Reverse DNS does not match (no forward confirmation / EHLO name)",
    severity: "warning",
    summary: "The IP address has a PTR record, but it does not fit the mail server: the PTR name does not resolve back to the same address (no forward-confirmed reverse DNS), or it is a generic provider name (`203-0-113-25.dsl.example.net`) rather than your mail host name, or it differs from the name the server announces in its greeting/EHLO.",
    details: [
      "Receivers check forward-confirmed reverse DNS (FCrDNS): address → PTR name → A/AAAA records must contain the original address. Generic, dynamic-looking names are scored as likely spam sources; a PTR name matching the EHLO/HELO name and the banner is best practice.",
    ],
    symptoms: [
      "Mail lands in spam folders or is rejected by strict receivers (\"Client host rejected: cannot find your reverse hostname\" / \"hostname does not resolve to address\").",
    ],
    causes: [
      "The PTR record still has the provider's default generic name.",
      "The PTR name has no A record, or its A record points to a different address (e.g. the web server).",
      "The server announces a different or internal name in EHLO (Exchange send connector FQDN not set).",
    ],
    fixes: [
      {
        text: "Check the round trip: address → name → address.",
        commands: [
          {
            shell: "bash",
            lines: [
              "dig -x 203.0.113.25 +short",
              "dig +short A mail.contoso.com",
            ],
          },
          {
            shell: "PowerShell",
            lines: [
              "Resolve-DnsName 203.0.113.25 -Type PTR",
              "Resolve-DnsName mail.contoso.com -Type A",
            ],
          },
        ],
      },
      {
        text: "Have the IP owner set the PTR record to `mail.contoso.com`, and create or correct the A record `mail.contoso.com → 203.0.113.25` in your zone (see PTR_MISSING for provider commands).",
      },
      {
        text: "Make the server announce the same name: Exchange send connector FQDN (used in EHLO), Postfix `smtp_helo_name` (defaults to `$myhostname`).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-SendConnector | Format-Table Identity,Fqdn -AutoSize",
              "Set-SendConnector \"Internet\" -Fqdn mail.contoso.com",
            ],
          },
          {
            shell: "bash",
            lines: [
              "sudo postconf -e 'myhostname = mail.contoso.com' 'smtp_helo_name = $myhostname'",
              "sudo postfix reload",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "PTR_MISSING",
      "SMTP_BANNER",
      "DNSBL_LISTED",
    ],
  },
  DNSBL_LISTED: {
    title: "The IP address is listed on a DNS block list (DNSBL)",
    severity: "error-or-warning",
    summary: "The mail server's IP address appears on one or more DNS-based block lists (for example Spamhaus ZEN, Barracuda BRBL, SpamCop). Receivers that use these lists reject or quarantine mail from the address.",
    details: [
      "A DNSBL is queried by reversing the address and appending the list's zone: for 203.0.113.25 on Spamhaus ZEN the query is `25.113.0.203.zen.spamhaus.org`; an answer in `127.0.0.x` means listed (the last octet says which sub-list), NXDOMAIN means not listed. Major lists (Spamhaus SBL/XBL/CSS, Barracuda, SpamCop) are errors; minor or aggressive lists are warnings. The step details show each list and its answer.",
      "Spamhaus PBL listing is not a punishment: it marks address ranges (dynamic/residential) that should not send mail directly. The fix is a smart host or, for a static address you control, a PBL removal request. Spamhaus answers `127.255.255.254` (and similar 127.255.255.x codes) when queried through a public resolver or over the free-use limit; that is a query error, not a listing.",
      "Delisting without fixing the cause is pointless: the address will be listed again within hours. Typical causes are a compromised mailbox password used for authenticated spam, an open relay, malware on a PC behind the same NAT address, or a web application sending spam through the server.",
    ],
    symptoms: [
      "Bounces such as \"550 5.7.1 Service unavailable; Client host [203.0.113.25] blocked using zen.spamhaus.org\" or \"554 … listed at b.barracudacentral.org\".",
      "Outgoing mail to some providers is rejected while others accept it.",
    ],
    causes: [
      "A compromised account sending spam via authenticated SMTP or webmail.",
      "An open relay (see SMTP_OPEN_RELAY) or an infected client sharing the server's public NAT address.",
      "A dynamic/residential address range (Spamhaus PBL) or a previous owner of the address.",
    ],
    fixes: [
      {
        text: "Check the address on the lists yourself (use your own resolver, not a public one, for Spamhaus).",
        commands: [
          {
            shell: "bash",
            lines: [
              "dig +short 25.113.0.203.zen.spamhaus.org",
              "dig +short 25.113.0.203.b.barracudacentral.org",
              "dig +short 25.113.0.203.bl.spamcop.net",
            ],
          },
        ],
      },
      {
        text: "Find and stop the source: look for senders with unusual volume, reset passwords of compromised accounts (and enforce MFA), close open relays, and make sure only the mail server can send out on port 25 (block outbound 25 for all other internal hosts on the firewall).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-MessageTrackingLog -ResultSize Unlimited -Start (Get-Date).AddDays(-1) -EventId RECEIVE | Group-Object Sender | Sort-Object Count -Descending | Select-Object -First 20 Count,Name",
            ],
          },
          {
            shell: "bash",
            lines: [
              "sudo grep -o 'sasl_username=[^,]*' /var/log/mail.log | sort | uniq -c | sort -rn | head",
            ],
          },
        ],
      },
      {
        text: "Request removal on each list's site once the cause is fixed: Spamhaus https://check.spamhaus.org/ (including PBL removal for a static server address), Barracuda https://www.barracudacentral.org/rbl/removal-request, Microsoft 365/EOP https://sender.office.com/. SpamCop listings expire automatically about 24 hours after the reports stop. Do not pay for \"express delisting\".",
      },
      {
        text: "If the address is in a dynamic range or keeps being listed because of shared NAT, send outbound mail through a smart host with a clean reputation (see PTR_MISSING for `Set-SendConnector -SmartHosts`).",
      },
    ],
    seeAlso: [
      "SMTP_OPEN_RELAY",
      "PTR_MISSING",
      "SPF_MISSING",
    ],
  },
  SPF_MISSING: {
    title: "No SPF record for the domain",
    severity: "warning",
    summary: "The domain has no SPF record: there is no TXT record starting with `v=spf1` at the domain name. Receivers cannot tell which servers are allowed to send mail for it, which makes spoofing easier and hurts deliverability; Gmail and Yahoo require SPF or DKIM (and for bulk senders, both plus DMARC).",
    details: [
      "SPF (RFC 7208) is a single TXT record at the domain, e.g. `contoso.com. 3600 IN TXT \"v=spf1 mx -all\"`, listing the servers permitted to send with that domain in the envelope sender (MAIL FROM). Mechanisms: `mx` (the domain's MX hosts), `a`, `ip4:203.0.113.25`, `ip6:…`, `include:` (another domain's SPF policy); the final `-all` (fail) or `~all` (softfail) says what to do with everything else.",
      "Rules that trip people up: there must be exactly one SPF record (two records make SPF fail with permerror everywhere); evaluation may use at most 10 DNS-querying mechanisms (`include`, `a`, `mx`, `exists`, `redirect`), nested includes count; a TXT string longer than 255 characters must be split into several quoted strings within the same record. The old SPF RR type (99) is obsolete; use TXT.",
    ],
    symptoms: [
      "Mail from the domain lands in spam or is rejected by receivers that require authentication (\"550-5.7.26 This mail has been blocked because the sender is unauthenticated\" at Gmail).",
      "Spoofed mail using your domain is accepted by receivers; DMARC reports show SPF \"none\".",
    ],
    causes: [
      "The record was never created, or was lost when DNS hosting moved.",
      "The SPF text was put on the wrong name (`www.contoso.com`, `mail.contoso.com`) or in a record type other than TXT.",
    ],
    fixes: [
      {
        text: "Check what is published.",
        commands: [
          {
            shell: "bash",
            lines: [
              "dig +short TXT contoso.com",
            ],
          },
          {
            shell: "PowerShell",
            lines: [
              "Resolve-DnsName contoso.com -Type TXT -Server 8.8.8.8 | Where-Object { $_.Strings -like 'v=spf1*' }",
            ],
          },
        ],
      },
      {
        text: "Publish one TXT record at the domain name listing every system that sends mail for it. Examples: own servers that are also the MX hosts: `v=spf1 mx -all`; Microsoft 365 only: `v=spf1 include:spf.protection.outlook.com -all`; hybrid with an on-premises server sending directly: `v=spf1 ip4:203.0.113.25 include:spf.protection.outlook.com -all`; a domain that never sends mail: `v=spf1 -all`. Add third-party senders (newsletter, CRM, ticketing) with their documented `include:`. Use `~all` while you are still collecting senders, `-all` once complete.",
        commands: [
          {
            shell: "PowerShell",
            description: "Public zone hosted on Windows DNS",
            lines: [
              "Add-DnsServerResourceRecord -ZoneName contoso.com -Name \"@\" -Txt -DescriptiveText \"v=spf1 mx -all\"",
            ],
          },
        ],
      },
      {
        text: "Complete the set with DKIM signing and a DMARC policy, starting in monitoring mode: `_dmarc.contoso.com. 3600 IN TXT \"v=DMARC1; p=none; rua=mailto:dmarc-reports@contoso.com\"`, then move to `p=quarantine` or `p=reject` once the reports show all legitimate mail passes.",
      },
    ],
    seeAlso: [
      "PTR_MISSING",
      "DNSBL_LISTED",
      "DNS_NO_RECORD",
    ],
  },
  STARTTLS_MISSING: {
    title: "IMAP/POP server does not offer STARTTLS",
    severity: "error-or-warning",
    summary: "On the plain-text port (IMAP 143, POP3 110) the server's capability list does not offer an upgrade to TLS: no `STARTTLS` in the IMAP `CAPABILITY` response, no `STLS` in the POP3 `CAPA` response, or the command was refused. Clients would have to send passwords unencrypted, and most refuse to.",
    details: [
      "There are two ways to protect IMAP/POP: implicit TLS on the dedicated ports 993 (IMAPS) and 995 (POP3S), where TLS starts immediately, and STARTTLS on 143/110, where the session starts in plain text and is upgraded. RFC 8314 recommends implicit TLS for clients. If you do not need 143/110, close them and use `security: tls` on 993/995 instead.",
      "Exchange advertises STARTTLS for IMAP/POP when the service has a usable certificate, chosen by `X509CertificateName` in `Set-ImapSettings` / `Set-PopSettings` and enabled for the IMAP/POP services. With the default `LoginType SecureLogin`, Exchange also announces `LOGINDISABLED` before TLS, so a client must use STARTTLS before it can log in.",
    ],
    symptoms: [
      "Mail clients report \"The server does not support encrypted connections\" / \"STARTTLS not supported\" when configured for STARTTLS on 143/110.",
      "Clients configured without encryption send passwords in clear text (visible in a packet capture).",
    ],
    causes: [
      "Exchange: no certificate configured or enabled for IMAP/POP (`X509CertificateName` empty or pointing to a name no certificate has).",
      "Dovecot: `ssl = no`, or no `ssl_cert`/`ssl_key` configured.",
      "A firewall or proxy filters the STARTTLS/STLS capability.",
    ],
    fixes: [
      {
        text: "Check the capability list and the upgrade.",
        commands: [
          {
            shell: "bash",
            lines: [
              "openssl s_client -connect mail.contoso.com:143 -starttls imap -servername mail.contoso.com </dev/null",
              "openssl s_client -connect mail.contoso.com:110 -starttls pop3 -servername mail.contoso.com </dev/null",
              "openssl s_client -connect mail.contoso.com:993 -servername mail.contoso.com </dev/null",
            ],
          },
        ],
      },
      {
        text: "Exchange: name the certificate for IMAP and POP, enable it for those services, and restart the services you use (IMAP and POP are disabled by default; leave POP out if it is not used).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ImapSettings | Format-List X509CertificateName,LoginType,ExternalConnectionSettings",
              "Set-ImapSettings -X509CertificateName mail.contoso.com",
              "Set-PopSettings -X509CertificateName mail.contoso.com",
              enableCertificateLine("IMAP,POP"),
              "Restart-Service MSExchangeIMAP4,MSExchangeIMAP4BE,MSExchangePOP3,MSExchangePOP3BE",
            ],
          },
        ],
      },
      {
        text: "Dovecot: enable TLS with the full-chain certificate in `/etc/dovecot/conf.d/10-ssl.conf`: `ssl = required` (or `yes`), `ssl_cert = </etc/ssl/certs/mail.contoso.com.fullchain.pem`, `ssl_key = </etc/ssl/private/mail.contoso.com.key` (Dovecot 2.3 syntax; 2.4 renamed the certificate settings to `ssl_server_cert_file` / `ssl_server_key_file`), then check and reload.",
        commands: [
          {
            shell: "bash",
            lines: [
              "sudo doveconf -n | grep ssl",
              "sudo systemctl reload dovecot",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "LOGIN_FAILED",
      "SMTP_STARTTLS_MISSING",
      "TLS_NOT_SPOKEN",
      "CERT_NAME_MISMATCH",
    ],
  },
  LOGIN_FAILED: {
    title: "Login with the supplied credentials failed",
    severity: "error",
    summary: "The server rejected the user name and password supplied for the test: IMAP answered `NO` to LOGIN/AUTHENTICATE, POP3 answered `-ERR` to USER/PASS, or the HTTP endpoint (the Outlook Anywhere RPC proxy, Autodiscover) answered 401 Unauthorized to the Basic or NTLM credentials.",
    details: [
      "The credentials are used only for this run: never stored, logged or shown in the permalink. Still, use a test account where possible, and remember that repeated failures count towards the account lockout policy (and can trigger fail2ban-style blocking of the analyzer's address).",
      "Common non-password reasons: wrong user name format (Exchange accepts the UPN `jdoe@contoso.com` or `CONTOSO\\jdoe`; for IMAP/POP also `CONTOSO\\jdoe\\sharedalias` to open a shared mailbox); plain-text login refused on an unencrypted connection (Exchange `LoginType SecureLogin`, Dovecot `disable_plaintext_auth = yes`); the protocol disabled for the mailbox (`ImapEnabled`/`PopEnabled` false, `MAPIBlockOutlookRpcHttp` true); or, in Exchange Online, Basic authentication for IMAP/POP has been permanently turned off (since 2022) so password login fails even with the right password; only OAuth 2.0 works there.",
      "For HTTP (Outlook Anywhere, Autodiscover), a 401 after sending credentials can also come from the authentication method: NTLM sent where only Basic is enabled (or the reverse), or Exchange Extended Protection rejecting NTLM because TLS is terminated by a device presenting a different certificate.",
    ],
    symptoms: [
      "IMAP: `a1 NO LOGIN failed.` / `NO [AUTHENTICATIONFAILED] Authentication failed.`; `NO [PRIVACYREQUIRED] Plaintext authentication disallowed on non-secure (SSL/TLS) connections.` (Dovecot) or a refused LOGIN before STARTTLS when the server announced `LOGINDISABLED` (Exchange with `LoginType SecureLogin`).",
      "POP3: `-ERR Logon failure: unknown user name or bad password.` / `-ERR [AUTH] Authentication failed.`",
      "Outlook keeps prompting for the password; HTTP 401 after credentials were sent.",
    ],
    causes: [
      "Wrong password, expired password, disabled or locked-out account.",
      "Wrong user name format (SAM account name alone where UPN or DOMAIN\\user is required).",
      "Plain-text login over an unencrypted connection refused by policy; the client must use TLS (993/995) or STARTTLS first.",
      "IMAP/POP disabled for the mailbox, or the Exchange IMAP/POP back-end services are not running on the mailbox server.",
      "Exchange Online: Basic authentication for IMAP/POP is no longer available; Conditional Access or security defaults block legacy authentication.",
      "HTTP: authentication method mismatch, or Extended Protection with TLS offloading.",
    ],
    fixes: [
      {
        text: "Reproduce the login over TLS to see the server's exact answer (replace the user and password; for IMAP type `a1 LOGIN jdoe@contoso.com password`, for POP3 `USER jdoe@contoso.com` then `PASS password`).",
        commands: [
          {
            shell: "bash",
            lines: [
              "openssl s_client -connect mail.contoso.com:993 -servername mail.contoso.com -crlf -quiet",
              "openssl s_client -connect mail.contoso.com:995 -servername mail.contoso.com -crlf -quiet",
            ],
          },
        ],
      },
      {
        text: "Exchange: check the account and the mailbox's protocol settings, the IMAP/POP login type, and that the services run (IMAP/POP are disabled by default). Protocol logging shows why a login failed (`%ExchangeInstallPath%Logging\\Imap4\\`).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-User jdoe | Format-List UserPrincipalName,SamAccountName",
              "Get-CASMailbox jdoe | Format-List ImapEnabled,PopEnabled,MAPIBlockOutlookRpcHttp",
              "Set-CASMailbox jdoe -ImapEnabled $true -PopEnabled $true",
              "Get-ImapSettings | Format-List LoginType,X509CertificateName",
              "Set-ImapSettings -ProtocolLogEnabled $true",
              "Restart-Service MSExchangeIMAP4,MSExchangeIMAP4BE",
            ],
          },
        ],
      },
      {
        text: "Keep passwords off unencrypted connections rather than allowing plain-text login: use 993/995 or STARTTLS. Only if a legacy client cannot do TLS, Exchange can accept plain-text login with `Set-ImapSettings -LoginType PlainTextLogin` / `Set-PopSettings -LoginType PlainTextLogin` (not recommended); Dovecot's equivalent is `disable_plaintext_auth = no` (2.4: `auth_allow_cleartext = yes`).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Set-ImapSettings -LoginType SecureLogin",
              "Set-PopSettings -LoginType SecureLogin",
            ],
          },
        ],
      },
      {
        text: "Dovecot: test the authentication backend directly and enable verbose authentication logging.",
        commands: [
          {
            shell: "bash",
            lines: [
              "sudo doveadm auth test jdoe@contoso.com",
              "sudo doveconf -n | grep -E 'auth_|disable_plaintext'",
              "sudo journalctl -u dovecot -n 50",
            ],
          },
        ],
      },
      {
        text: "Active Directory: unlock the account and check password expiry.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Get-ADUser jdoe -Properties LockedOut,PasswordExpired,Enabled | Format-List LockedOut,PasswordExpired,Enabled",
              "Unlock-ADAccount jdoe",
            ],
          },
        ],
      },
      {
        text: "HTTP 401 for Outlook Anywhere: make sure the method you tested is enabled (see HTTP_AUTH_METHOD_MISSING), and with Extended Protection enabled do not terminate TLS on a load balancer with a different certificate.",
      },
    ],
    seeAlso: [
      "STARTTLS_MISSING",
      "HTTP_AUTH_METHOD_MISSING",
      "HTTP_UNEXPECTED_STATUS",
      "AUTODISCOVER_BAD_RESPONSE",
    ],
  },
  TLS_NOT_SPOKEN: {
    title: "The port does not speak TLS",
    severity: "error",
    summary: "The TCP connection succeeded, but the service did not answer the analyzer's TLS ClientHello with TLS. It sent plain text instead, for example an HTTP `400 Bad Request`, an SMTP `220` greeting or an IMAP `* OK` greeting, or bytes that are not a TLS record at all.",
    details: [
      "Some ports expect TLS immediately (implicit TLS): 443 (HTTPS), 465 (SMTP submission), 993 (IMAPS), 995 (POP3S). Others start in plain text and upgrade with STARTTLS: 25 and 587 (SMTP), 143 (IMAP), 110 (POP3). Testing a STARTTLS port in implicit TLS mode produces exactly this result; choose `starttls` as the security mode for those ports. OpenSSL reports the same situation as \"wrong version number\", browsers as ERR_SSL_PROTOCOL_ERROR.",
      "The step details show the first line or bytes the server sent, which usually identify what is listening (e.g. `HTTP/1.1 400 Bad Request` from a web server without TLS on this port, `* OK The Microsoft Exchange IMAP4 service is ready.`).",
    ],
    symptoms: [
      "Clients fail with \"SSL: wrong version number\" / ERR_SSL_PROTOCOL_ERROR / \"The server does not support SSL connections\".",
      "`curl http://mail.contoso.com:443/` (plain HTTP on the HTTPS port) returns a page.",
    ],
    causes: [
      "Wrong port or security mode selected for the test (implicit TLS against 25/587/143/110).",
      "The web server serves plain HTTP on 443: nginx `listen 443;` without `ssl`, an IIS http binding on port 443, or a missing https binding.",
      "A port forward or load balancer maps 443 to the server's port 80, or a virtual server set to HTTP instead of HTTPS/TCP pass-through.",
      "SMTPS on 465 configured without wrapper mode (Postfix `smtpd_tls_wrappermode`).",
    ],
    fixes: [
      {
        text: "See what the port speaks, then test with the right mode.",
        commands: [
          {
            shell: "bash",
            lines: [
              "curl -v http://mail.contoso.com:443/",
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com </dev/null",
              "openssl s_client -connect mail.contoso.com:143 -starttls imap </dev/null",
              "openssl s_client -connect mail.contoso.com:587 -starttls smtp </dev/null",
            ],
          },
        ],
      },
      {
        text: "IIS/Exchange: the Default Web Site needs an https binding on 443 with the certificate, and no http binding on 443.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Import-Module WebAdministration",
              "Get-WebBinding -Name \"Default Web Site\"",
              "Remove-WebBinding -Name \"Default Web Site\" -Protocol http -Port 443",
              "New-WebBinding -Name \"Default Web Site\" -Protocol https -Port 443 -IPAddress *",
            ],
          },
          ENABLE_CERTIFICATE_FOR_IIS,
        ],
      },
      {
        text: "nginx: the listen directive must say `ssl` (`listen 443 ssl;`, plus `ssl_certificate`/`ssl_certificate_key`). Postfix submissions on 465: in `master.cf` the `submissions` service needs `-o smtpd_tls_wrappermode=yes`.",
        commands: [
          {
            shell: "bash",
            description: "submissions is the Postfix 3.5+ name of the port 465 service, smtps the older one",
            lines: [
              "sudo nginx -T | grep -n 'listen'",
              "sudo postconf -M submissions/inet smtps/inet",
            ],
          },
        ],
      },
      {
        text: "On a port forward or load balancer, forward 443 to the server's 443 (TLS pass-through or re-encryption), not to port 80.",
      },
    ],
    seeAlso: [
      "TLS_HANDSHAKE_FAILED",
      "STARTTLS_MISSING",
      "SMTP_STARTTLS_MISSING",
      "TCP_REFUSED",
    ],
  },
  CONNECTION_FAILED: {
    title: "Connection reset or closed unexpectedly",
    severity: "error",
    summary: "A connection was established (or being established), but the other side, or a device in between, reset or closed it before the exchange was complete: for example during the TLS handshake, or after the request was sent but before an answer arrived. Other low-level network errors that are neither a refusal nor a timeout are reported here too.",
    details: [
      "Where it happened is in the step details (socket error such as ECONNRESET or EPIPE, and the stage). A reset right after the TLS ClientHello typically comes from HTTP.sys/IIS without a certificate binding for the requested name, a firewall/IPS that dislikes the handshake, or a server that requires a client certificate and drops clients without one. A close after the request points at a WAF/IPS blocking the request, a crashing application, or a load balancer with no healthy back end.",
      "Connection limits and abuse protection also close connections: Exchange receive connector limits (`MaxInboundConnectionPerSource`), Postfix postscreen/anvil limits, fail2ban, or geo-blocking on the firewall. A transient cause is possible; re-run the test once before digging deeper.",
    ],
    symptoms: [
      "Clients see \"The connection was reset\" / ERR_CONNECTION_RESET / \"Connection closed by foreign host\".",
      "Intermittent failures that depend on the client's network or location.",
    ],
    causes: [
      "Firewall, IPS or WAF terminating the connection (signature match, geo-blocking, rate limit).",
      "HTTP.sys/IIS without a matching TLS binding (SNI host name not bound, deleted certificate).",
      "Server-side limits or bans (fail2ban, receive connector limits, postscreen).",
      "Application pool crash or service restart during the request; load balancer without healthy members or with a short idle timeout.",
    ],
    fixes: [
      {
        text: "Reproduce with verbose clients and note the exact point of failure.",
        commands: [
          {
            shell: "bash",
            lines: [
              "curl -v https://mail.contoso.com/rpc/rpcproxy.dll",
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -state </dev/null",
            ],
          },
        ],
      },
      {
        text: "Windows/IIS: check the TLS bindings and the HTTP.sys error log (connections dropped by HTTP.sys appear there, not in the IIS log).",
        commands: [
          {
            shell: "cmd",
            lines: [
              "netsh http show sslcert",
              "dir /od %SystemRoot%\\System32\\LogFiles\\HTTPERR",
            ],
          },
        ],
      },
      {
        text: "Check limits and bans for the analyzer's address, and the firewall/IPS logs for dropped or reset sessions.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ReceiveConnector | Format-Table Identity,MaxInboundConnection,MaxInboundConnectionPerSource,ConnectionTimeout -AutoSize",
            ],
          },
          {
            shell: "bash",
            lines: [
              "sudo fail2ban-client status",
              "sudo fail2ban-client set postfix unbanip 198.51.100.7",
              "sudo journalctl -u postfix -n 100",
            ],
          },
        ],
      },
      {
        text: "Check load balancer pool health and idle timeouts, and the application event log for crashes at the time of the test.",
      },
    ],
    seeAlso: [
      "TCP_REFUSED",
      "TCP_TIMEOUT",
      "TLS_HANDSHAKE_FAILED",
      "HTTP_CLIENT_CERT_REQUIRED",
    ],
  },
  HTTP_TIMEOUT: {
    title: "The web server didn't finish answering in time",
    severity: "error",
    summary: "The TLS connection was up and the HTTP request was sent, but no complete answer arrived within the analyzer's time budget (RCA_TIMEOUT_MS, 10 seconds by default): the server stayed silent, or sent its answer too slowly.",
    details: [
      "This is not a firewall problem: the TCP connection and the TLS handshake worked. The time is spent in the web server, the application behind it, or a device that buffers the answer (reverse proxy, load balancer, WAF).",
      "For Outlook Anywhere the request goes to `/rpc/rpcproxy.dll`; IIS normally answers an unauthenticated request at once with 401. A hang points at a stuck application pool, an authentication module waiting on a domain controller, or a reverse proxy that forwards to a back end that doesn't answer.",
    ],
    symptoms: [
      "Outlook shows \"Trying to connect…\" for a long time, then \"Disconnected\".",
      "Browsers spin on https://mail.contoso.com/rpc/rpcproxy.dll and eventually time out.",
    ],
    causes: [
      "Hung or recycling IIS application pool (DefaultAppPool / MSExchangeRpcProxyAppPool).",
      "Authentication waiting on an unreachable domain controller (Kerberos/NTLM pass-through).",
      "A reverse proxy or load balancer forwarding to a back end that is down, or buffering the response.",
      "A server under heavy load.",
    ],
    fixes: [
      {
        text: "Time the request yourself, from outside and on the server, to see where it hangs.",
        commands: [
          { shell: "bash", lines: ["curl -v -o /dev/null -w '%{time_starttransfer}s\\n' https://mail.contoso.com/rpc/rpcproxy.dll"] },
          { shell: "PowerShell", description: "On the Exchange server itself", lines: ["Invoke-WebRequest -Uri https://localhost/rpc/rpcproxy.dll -UseBasicParsing -TimeoutSec 30"] },
        ],
      },
      {
        text: "Check and recycle the application pools, and look for errors in the event log and the IIS logs.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Import-Module WebAdministration",
              "Get-ChildItem IIS:\\AppPools | Select-Object Name,State",
              "Restart-WebAppPool MSExchangeRpcProxyAppPool",
              "Get-WinEvent -LogName Application -MaxEvents 50 | Where-Object LevelDisplayName -eq 'Error'",
            ],
          },
        ],
      },
      { text: "If a reverse proxy or load balancer is in front, test the Exchange server directly (bypassing it) and compare; check its health probes and timeouts." },
    ],
    seeAlso: ["CONNECTION_FAILED", "TCP_TIMEOUT", "HTTP_UNEXPECTED_STATUS"],
  },
  INTERNAL_ERROR: {
    title: "The analyzer itself failed on this step",
    severity: "error",
    summary: "The analyzer hit an unexpected error of its own while running this step (a bug, an exhausted resource, or a failure of its host). This is not a verdict about your server: nothing about the target can be concluded from this step, and steps that depended on it were skipped.",
    details: [
      "Expected network outcomes (refused, timed out, reset, bad certificate, wrong answer) all have their own problem codes. Anything else is caught and reported as an internal error, so that an analyzer defect is never mistaken for a problem with your server. The full error and stack trace go to the analyzer's server log; the page only shows a generic message so that internals are not exposed.",
      "The result's permalink (`/r/<id>`) identifies the run and its time, which lets the operator find the matching log entry.",
    ],
    symptoms: [
      "A step shows \"Internal error\" and the following steps are skipped.",
      "Re-running the same test may succeed if the cause was transient (e.g. the analyzer host was overloaded).",
    ],
    causes: [
      "A defect in the analyzer, often triggered by an unusual server answer (an uncommon certificate extension, an odd DNS response, a non-standard protocol reply).",
      "Resource problems on the analyzer host (memory, file descriptors, disk space for the result store).",
      "The result store (SQLite file or PostgreSQL) being unavailable.",
    ],
    fixes: [
      {
        text: "Run the test again. If the error persists, check the server with independent tools in the meantime (e.g. `openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -showcerts`, `Test-NetConnection`).",
      },
      {
        text: "Report it to the operator of this analyzer instance with the permalink of the result, the time of the run and the test you ran. Do not send passwords; the result never contains them.",
      },
      {
        text: "Operators: find the entry in the service log by time and result id, and check the host's resources and the result store configuration (`RCA_DATABASE_URL`).",
        commands: [
          {
            shell: "bash",
            description: "Unit and container names depend on how the instance was deployed",
            lines: [
              "journalctl -u remote-connectivity-analyzer --since \"30 min ago\"",
              "docker logs --since 30m rca",
              "df -h",
            ],
          },
        ],
      },
    ],
    seeAlso: [
      "CONNECTION_FAILED",
      "DNS_FAILURE",
    ],
  },
} satisfies Record<ProblemCode, ProblemHelp>;

export function problemHelp(code: ProblemCode): ProblemHelp {
  return PROBLEM_HELP[code];
}
