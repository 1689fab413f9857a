import type { HelpPages } from "./types";

/** Name resolution, the target policy and the TCP connection: the steps before any TLS. */
export const CONNECTIVITY_HELP = {
  TARGET_FORBIDDEN: {
    title: "Target refused: the name resolves to a private, loopback or other non-public address",
    group: "DNS and network",
    severity: "error",
    summary:
      "The analyzer did not connect at all. The host you entered resolves to an address (or is one) that is not on the public internet, and this analyzer instance is configured to test public targets only. This is a safety rule of the analyzer, not a verdict about your server.",
    details: [
      "This is a server-side request forgery (SSRF) safety measure. An analyzer that is reachable from the internet and connects wherever it is told could be used to probe the network it runs in: cloud metadata endpoints such as `169.254.169.254`, admin consoles listening on `127.0.0.1`, or internal servers behind the firewall. So the host name is resolved once, every address it resolves to is checked, and the connection then goes to exactly the address that was checked (no second lookup, so a DNS answer that changes in between cannot slip past the check). An IP address typed as the host is checked the same way, whatever its spelling (decimal, octal, hex or short forms of loopback are recognised).",
      "Refused ranges include loopback (`127.0.0.0/8`, `::1`), private RFC 1918 space (`10.0.0.0/8`, `172.16.0.0/12`, `192.168.0.0/16`), IPv6 unique local (`fc00::/7`), link-local (`169.254.0.0/16`, `fe80::/10`), carrier-grade NAT (`100.64.0.0/10`), `0.0.0.0/8`, multicast, reserved and benchmarking ranges, the documentation ranges (`192.0.2.0/24`, `198.51.100.0/24`, `203.0.113.0/24`, `2001:db8::/32`), and IPv4-mapped/NAT64 forms of such addresses. The step details name the address and the range it falls in.",
      "If a name has several addresses and any one of them is non-public, the whole target is refused: the analyzer cannot know which address a client would pick, and a mixed answer is usually a DNS mistake anyway.",
      "If your public DNS really does return a private address for a name that external clients use, that is a real problem too: clients outside your network cannot reach that address either. This usually happens with split-brain DNS when a record from the internal zone was copied into the public zone.",
    ],
    symptoms: [
      'The test stops at the first step with "Target forbidden"; no TCP connection is attempted and nothing is logged on your server.',
      "The same host tests fine from a self-hosted analyzer instance inside the network on which private targets are allowed.",
      "External users cannot connect either, when the cause is a private address published in public DNS.",
    ],
    causes: [
      "You are testing an internal server (for example `ex01.corp.contoso.com` or `10.0.0.25`) from a public instance of the analyzer.",
      "The public DNS zone contains a private address, e.g. `mail.contoso.com. IN A 192.168.1.10`, copied from the internal zone.",
      "An IPv6 unique local (`fd00::/8`) or link-local address was published in an AAAA record next to the public A record.",
    ],
    fixes: [
      {
        text: "Check what the name resolves to from the internet, against a public resolver rather than your internal DNS servers.",
        commands: [
          {
            shell: "PowerShell",
            lines: ["Resolve-DnsName mail.contoso.com -Type A -Server 1.1.1.1", "Resolve-DnsName mail.contoso.com -Type AAAA -Server 1.1.1.1"],
          },
          {
            shell: "bash",
            lines: ["dig +short A mail.contoso.com @1.1.1.1", "dig +short AAAA mail.contoso.com @1.1.1.1"],
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
            lines: ["RCA_ALLOW_PRIVATE_TARGETS=true RCA_DNS_SERVERS=10.0.0.10,10.0.0.11 npm start"],
          },
          {
            shell: "PowerShell",
            description: "The same on Windows",
            lines: ['$env:RCA_ALLOW_PRIVATE_TARGETS = "true"; $env:RCA_DNS_SERVERS = "10.0.0.10,10.0.0.11"; npm start'],
          },
        ],
      },
    ],
    seeAlso: ["DNS_NO_RECORD", "DNS_FAILURE"],
  },
  DNS_NO_RECORD: {
    title: "DNS: the host name has no address record",
    group: "DNS and network",
    severity: "error",
    summary:
      'The DNS lookup completed, and the answer was negative: the host name does not exist (NXDOMAIN), or it exists but has neither an A (IPv4) nor an AAAA (IPv6) record (an empty NOERROR answer, "NODATA"). Without an address there is nothing to connect to, so the test stops here.',
    details: [
      "The analyzer separates a definitive negative answer (this code) from a lookup that could not be completed at all (`DNS_FAILURE`: SERVFAIL, REFUSED, timeout). A negative answer is cached by resolvers for the negative-caching TTL taken from the zone's SOA record (typically 5 minutes to 1 hour), so a record you have just created may not be visible everywhere immediately.",
      "A CNAME is followed: if `mail.contoso.com` is an alias for a name that has no address (a dangling CNAME), the answer is negative too.",
      "Lookups are made with the analyzer's resolver (`RCA_DNS_SERVERS` if the operator set it, otherwise the system resolver of the analyzer host), i.e. usually from outside your network. What a domain-joined PC sees through the internal Active Directory DNS zone is irrelevant for external clients.",
    ],
    symptoms: [
      'External clients fail with "server not found" or "The name could not be resolved"; Outlook and mobile devices cannot find the server from home or mobile networks while everything works inside the office (split-brain DNS with a missing public record).',
      '`nslookup mail.contoso.com 8.8.8.8` answers "Non-existent domain", or lists no address; `dig` shows `status: NXDOMAIN`, or `NOERROR` with an empty answer section.',
    ],
    causes: [
      "The record was only created in the internal DNS zone and never in the public zone at the DNS host or registrar.",
      "Typo in the name, or the record was created in the wrong zone: e.g. `mail.contoso.com.contoso.com` because the trailing dot was omitted in a zone file.",
      "A CNAME points to a name that does not exist (dangling CNAME), e.g. after a cloud resource or load balancer was deleted.",
      "The domain's delegation has expired or points to the wrong name servers, so the whole domain answers NXDOMAIN.",
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
              "dig mail.contoso.com A @8.8.8.8",
              "dig mail.contoso.com AAAA @8.8.8.8",
            ],
          },
          {
            shell: "PowerShell",
            lines: ["Resolve-DnsName mail.contoso.com -Type A -Server 8.8.8.8", "Resolve-DnsName mail.contoso.com -Type AAAA -Server 8.8.8.8"],
          },
          {
            shell: "cmd",
            lines: ["nslookup mail.contoso.com 8.8.8.8"],
          },
        ],
      },
      {
        text: "Create the missing record in the public zone, pointing at the public address clients reach the service on (the firewall/NAT or load balancer address). In zone-file notation: `mail.contoso.com. 3600 IN A 203.0.113.25`, or an alias `mail.contoso.com. 3600 IN CNAME mailgw.contoso.net.` whose target has an address. If the public zone is hosted on a Windows DNS server:",
        commands: [
          {
            shell: "PowerShell",
            lines: ["Add-DnsServerResourceRecordA -ZoneName contoso.com -Name mail -IPv4Address 203.0.113.25"],
          },
        ],
      },
      {
        text: "Wait for the negative-caching TTL (SOA minimum) to pass, flush local caches, and re-run the test.",
        commands: [
          {
            shell: "cmd",
            lines: ["ipconfig /flushdns"],
          },
          {
            shell: "bash",
            lines: ["resolvectl flush-caches"],
          },
        ],
      },
    ],
    seeAlso: ["DNS_FAILURE", "TARGET_FORBIDDEN"],
  },
  DNS_FAILURE: {
    title: "DNS lookup failed (SERVFAIL, REFUSED or timeout)",
    group: "DNS and network",
    severity: "error",
    summary:
      "The analyzer could not get an answer for the name at all: the resolver returned SERVFAIL or REFUSED, or no DNS server answered within the time limit. Unlike DNS_NO_RECORD this does not say the record is missing; it says nobody could tell.",
    details: [
      'A SERVFAIL from a validating resolver very often means DNSSEC validation failed: an expired RRSIG signature, a DS record at the parent zone that no longer matches the zone\'s DNSKEY (after a key rollover or a move to another DNS host), or unsigned answers from a zone whose parent says it is signed. Non-validating resolvers still answer, which is why it "works for some people".',
      "Other common causes are a lame delegation (the NS records at the registry point to servers that are not authoritative for the zone), all authoritative servers being unreachable or rate-limiting, and firewalls that block DNS over TCP (needed for large answers, e.g. long TXT records or DNSSEC).",
      "The analyzer uses the DNS servers in `RCA_DNS_SERVERS` when the operator configured them, otherwise the system resolver of the analyzer host, with the per-operation time limit `RCA_TIMEOUT_MS` (10 seconds by default). If every domain fails with this code, the analyzer's own resolver is the likely problem, not your zone.",
    ],
    symptoms: [
      'Intermittent "server not found" errors that depend on the client\'s resolver: most ISPs, Google (8.8.8.8) and Cloudflare (1.1.1.1) validate DNSSEC and fail, others still answer.',
      'Inbound mail is deferred by senders with temporary errors such as "4.4.3 Temporary DNS failure" and bounces after the sender\'s retry period.',
      '`nslookup` shows "Server failed" or "DNS request timed out"; `dig` shows `status: SERVFAIL` or `connection timed out; no servers could be reached`.',
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
            lines: ["RCA_DNS_SERVERS=1.1.1.1,8.8.8.8 npm start"],
          },
        ],
      },
    ],
    seeAlso: ["DNS_NO_RECORD", "TARGET_FORBIDDEN", "INTERNAL_ERROR"],
  },
  TCP_REFUSED: {
    title: "TCP connection refused",
    group: "DNS and network",
    severity: "error",
    summary:
      "The host was reached, but it actively refused the connection on this port: the SYN was answered with a TCP reset (ECONNREFUSED). Nothing is listening on that address and port, or a firewall is set to reject instead of silently drop.",
    details: [
      "A refusal is immediate and definitive, unlike TCP_TIMEOUT where nothing answers. The step details list every address that was tried (IPv4 and IPv6) with its own result. A refusal on the IPv6 address while IPv4 works points at an AAAA record for a server that does not listen on IPv6, or an IPv6 firewall rule that was forgotten.",
      "On a load balancer or reverse proxy, a reset often means the virtual server exists but has no healthy pool member, or it forwards to the wrong internal port.",
    ],
    symptoms: [
      'Outlook: "The connection to Microsoft Exchange is unavailable" / "Trying to connect…"; browsers: ERR_CONNECTION_REFUSED; mobile devices cannot sync.',
      'Sending servers queue mail for the domain with "Connection refused" and retry.',
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
            lines: ["Test-NetConnection mail.contoso.com -Port 443", "Test-NetConnection mail.contoso.com -Port 25"],
          },
          {
            shell: "bash",
            lines: ["nc -vz mail.contoso.com 443", "nc -vz -6 mail.contoso.com 443"],
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
            lines: ["ss -ltnp '( sport = :443 or sport = :25 or sport = :993 or sport = :995 )'"],
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
            lines: ["systemctl status postfix dovecot nginx", "systemctl enable --now postfix"],
          },
        ],
      },
      {
        text: "Check the bindings: the IIS site must have an https binding on `*:443` (or the published address), and the receive connector that faces the internet must be bound to `0.0.0.0:25` or the address the firewall forwards to.",
        commands: [
          {
            shell: "PowerShell",
            lines: ["Import-Module WebAdministration", 'Get-WebBinding -Name "Default Web Site"'],
          },
          {
            shell: "Exchange Management Shell",
            lines: ["Get-ReceiveConnector | Format-Table Identity,Bindings,RemoteIPRanges,Enabled -AutoSize"],
          },
        ],
      },
      {
        text: "Check the firewall/NAT rule or load balancer for this public address and port: it must forward to the correct internal address and port, and the pool members must be healthy. Remove the AAAA record if the service is not meant to be reachable over IPv6.",
      },
    ],
    seeAlso: ["TCP_TIMEOUT", "CONNECTION_FAILED", "TLS_NOT_SPOKEN"],
  },
  TCP_TIMEOUT: {
    title: "TCP connection timed out or host unreachable",
    group: "DNS and network",
    severity: "error",
    summary:
      "The connection attempt got no answer within the time limit (`RCA_TIMEOUT_MS`, 10 seconds by default), or the network reported the host or network as unreachable. The SYN packets were silently dropped on the way, or no host is using that address.",
    details: [
      "A timeout means no reply at all: typically a firewall that drops rather than rejects, a wrong IP address in DNS, a server that is down, or a routing problem. The analyzer also reports EHOSTUNREACH/ENETUNREACH (an ICMP unreachable from a router) under this code. Each address of the name is tried in turn; the step details list every attempt.",
      "If only port 25 times out, and it does so for every domain you test, the network the analyzer runs in probably blocks outbound SMTP: AWS, Azure, Google Cloud and many residential ISPs block outbound TCP 25 by default. That is a limitation of the analyzer's location, not your server; the operator has to request an unblock or host the analyzer elsewhere.",
    ],
    symptoms: [
      'Clients hang for a long time before failing ("The connection timed out", ERR_CONNECTION_TIMED_OUT, Outlook stuck at "Trying to connect…").',
      'Sending servers defer mail with "Connection timed out" and eventually bounce it after their retry period (often 2 to 5 days).',
      '`Test-NetConnection -Port` prints "WARNING: TCP connect to … failed" after a delay.',
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
            lines: ["Test-NetConnection mail.contoso.com -Port 443 -InformationLevel Detailed", "Test-NetConnection mail.contoso.com -TraceRoute"],
          },
          {
            shell: "bash",
            lines: ["nc -vz -w 5 mail.contoso.com 443", "sudo traceroute -T -p 443 mail.contoso.com"],
          },
        ],
      },
      {
        text: "Verify that public DNS returns the current public address of the service.",
        commands: [
          {
            shell: "bash",
            lines: ["dig +short mail.contoso.com @1.1.1.1"],
          },
        ],
      },
      {
        text: "Open the port on every firewall in the path (perimeter firewall, cloud security group, host firewall) and make sure a NAT rule forwards it to the server. Exchange Setup creates its own Windows Firewall rules; on Linux open the service explicitly.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              'New-NetFirewallRule -DisplayName "HTTPS inbound (Exchange)" -Direction Inbound -Protocol TCP -LocalPort 443 -Action Allow',
              'New-NetFirewallRule -DisplayName "SMTP inbound" -Direction Inbound -Protocol TCP -LocalPort 25 -Action Allow',
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
    seeAlso: ["TCP_REFUSED", "CONNECTION_FAILED", "DNS_NO_RECORD"],
  },
  CONNECTION_FAILED: {
    title: "Connection reset or closed unexpectedly",
    group: "DNS and network",
    severity: "error",
    summary:
      "A connection was established (or being established), but the other side, or a device in between, reset or closed it before the exchange was complete: for example during the TLS handshake, or after the request was sent but before an answer arrived. Other low-level network errors that are neither a refusal nor a timeout are reported here too.",
    details: [
      'Where it happened is in the step details (socket error such as ECONNRESET or EPIPE, and the stage). A reset right after the TLS ClientHello typically comes from HTTP.sys/IIS without a certificate binding for the requested name, a firewall/IPS that dislikes the handshake, or a server that requires a client certificate and drops clients without one. A close after the request (in the HTTPS tests: "The server closed the connection before answering the HTTP request") points at a WAF/IPS blocking the request, a crashing application, or a load balancer with no healthy back end.',
      "Connection limits and abuse protection also close connections: Exchange receive connector limits (`MaxInboundConnectionPerSource`), Postfix postscreen/anvil limits, fail2ban, or geo-blocking on the firewall. A transient cause is possible; re-run the test once before digging deeper.",
    ],
    symptoms: [
      'Clients see "The connection was reset" / ERR_CONNECTION_RESET / "Connection closed by foreign host".',
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
        text: "Reproduce with verbose clients against the URL of the failed step (the test's steps name it: `/autodiscover/autodiscover.xml`, `/rpc/rpcproxy.dll`, `/EWS/Exchange.asmx`, `/Microsoft-Server-ActiveSync`, `/mapi/emsmdb/`…) and note the exact point of failure.",
        commands: [
          {
            shell: "bash",
            lines: [
              "curl -v https://mail.contoso.com/rpc/rpcproxy.dll",
              "curl -v -X OPTIONS https://mail.contoso.com/Microsoft-Server-ActiveSync",
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
            lines: ["netsh http show sslcert", "dir /od %SystemRoot%\\System32\\LogFiles\\HTTPERR"],
          },
        ],
      },
      {
        text: "Check limits and bans for the analyzer's address, and the firewall/IPS logs for dropped or reset sessions.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: ["Get-ReceiveConnector | Format-Table Identity,MaxInboundConnection,MaxInboundConnectionPerSource,ConnectionTimeout -AutoSize"],
          },
          {
            shell: "bash",
            lines: ["sudo fail2ban-client status", "sudo fail2ban-client set postfix unbanip 198.51.100.7", "sudo journalctl -u postfix -n 100"],
          },
        ],
      },
      {
        text: "Check load balancer pool health and idle timeouts, and the application event log for crashes at the time of the test.",
      },
    ],
    seeAlso: ["TCP_REFUSED", "TCP_TIMEOUT", "TLS_HANDSHAKE_FAILED", "HTTP_CLIENT_CERT_REQUIRED"],
  },
} satisfies HelpPages;
