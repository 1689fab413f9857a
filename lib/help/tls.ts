import { ENABLE_CERTIFICATE_FOR_IIS, enableCertificateLine, NGINX_RELOAD, NGINX_RELOAD_LINE } from "./commands";
import type { HelpCommand, HelpPages } from "./types";

const ENABLE_TLS12_SCHANNEL: HelpCommand = {
  shell: "PowerShell",
  description: "Enable TLS 1.2 in SCHANNEL (server and client side); run as administrator",
  lines: [
    "$base = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols'",
    "foreach ($side in 'Server','Client') {",
    '  $k = "$base\\TLS 1.2\\$side"',
    "  if (-not (Test-Path $k)) { New-Item -Path $k -Force | Out-Null }",
    "  New-ItemProperty -Path $k -Name Enabled -PropertyType DWord -Value 1 -Force | Out-Null",
    "  New-ItemProperty -Path $k -Name DisabledByDefault -PropertyType DWord -Value 0 -Force | Out-Null",
    "}",
  ],
};

/** The TLS connection itself: the handshake, and the protocol versions the server accepts. */
export const TLS_HELP = {
  TLS_HANDSHAKE_FAILED: {
    title: "TLS handshake failed",
    group: "TLS connection",
    severity: "error",
    summary:
      "A TCP connection was established, but the TLS handshake did not complete: the server sent a fatal TLS alert (for example `handshake_failure`, `unrecognized_name` or `internal_error`), or it accepted the connection and then never finished the handshake within the time limit.",
    details: [
      "The analyzer is deliberately permissive so that it can judge weak servers: it offers TLS 1.3 down to TLS 1.0 and every cipher suite OpenSSL still supports, sends the host name in SNI (server name indication), and does not abort the handshake because of a bad certificate (certificate problems are reported separately by the CERT_* checks). So a handshake failure here means the server itself gave up: there is truly no protocol version or cipher in common, or the server has no usable certificate for this name, or something in the path interferes.",
      "Related outcomes have their own codes: a server that only speaks SSL 3.0 or older is TLS_PROTOCOL_OBSOLETE, a server that answers in plain text is TLS_NOT_SPOKEN, and a connection reset during the handshake is CONNECTION_FAILED. The step details show the TLS error and the first bytes the server sent, if any.",
    ],
    symptoms: [
      "Browsers: ERR_SSL_PROTOCOL_ERROR or ERR_SSL_VERSION_OR_CIPHER_MISMATCH; Outlook and mobile devices cannot connect at all, with no certificate warning shown.",
      "`openssl s_client` prints an alert such as `sslv3 alert handshake failure` or `tlsv1 unrecognized name`, and no certificate.",
      'The System event log on an Exchange/IIS server shows Schannel errors (event IDs 36874 "no cipher suites in common" / 36888 "A fatal alert was generated").',
    ],
    causes: [
      'HTTP.sys/IIS has no certificate binding for this IP:port or host name: the https binding is missing, uses "Require Server Name Indication" for a different host name, or points to a certificate thumbprint that was deleted during a renewal.',
      "The bound certificate's private key is missing or inaccessible (imported without the key, or the key permissions were changed).",
      'Cipher suites restricted too far on the server (GPO "SSL Cipher Suite Order", IIS Crypto template, nginx `ssl_ciphers`), or only suites for a certificate type the server does not have (ECDSA suites only with an RSA certificate).',
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
            lines: ["netsh http show sslcert"],
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
        text: 'On nginx, use a current protocol and cipher configuration (the Mozilla "intermediate" profile) in the server block: `ssl_protocols TLSv1.2 TLSv1.3;` and `ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;`, then test and reload.',
        commands: [NGINX_RELOAD],
      },
      {
        text: "If a firewall, IPS or load balancer sits in front of the server, test directly against the server's internal address to see whether the device is the cause, and check its TLS profile and logs.",
      },
    ],
    seeAlso: ["TLS_PROTOCOL_OBSOLETE", "TLS_NOT_SPOKEN", "HTTP_CLIENT_CERT_REQUIRED", "CONNECTION_FAILED"],
  },
  TLS_NOT_SPOKEN: {
    title: "The port does not speak TLS",
    group: "TLS connection",
    severity: "error",
    summary:
      "The TCP connection succeeded, but the service did not answer the analyzer's TLS ClientHello with TLS. It sent plain text instead, for example an HTTP `400 Bad Request`, an SMTP `220` greeting or an IMAP `* OK` greeting, or bytes that are not a TLS record at all.",
    details: [
      'Some ports expect TLS immediately (implicit TLS): 443 (HTTPS), 465 (SMTP submission), 993 (IMAPS), 995 (POP3S). Others start in plain text and upgrade with STARTTLS: 25 and 587 (SMTP), 143 (IMAP), 110 (POP3). The analyzer\'s tests speak implicit TLS (HTTPS), so pointing one at a STARTTLS port produces exactly this result; check such a port with `openssl s_client -starttls` instead (below). OpenSSL reports the same situation as "wrong version number", browsers as ERR_SSL_PROTOCOL_ERROR.',
      "The step details show the first line or bytes the server sent, which usually identify what is listening (e.g. `HTTP/1.1 400 Bad Request` from a web server without TLS on this port, `* OK The Microsoft Exchange IMAP4 service is ready.`).",
    ],
    symptoms: [
      'Clients fail with "SSL: wrong version number" / ERR_SSL_PROTOCOL_ERROR / "The server does not support SSL connections".',
      "`curl http://mail.contoso.com:443/` (plain HTTP on the HTTPS port) returns a page.",
    ],
    causes: [
      "Wrong port entered for the test: a STARTTLS port (25, 587, 143, 110) or a plain HTTP port (80) instead of the HTTPS one.",
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
              'Get-WebBinding -Name "Default Web Site"',
              'Remove-WebBinding -Name "Default Web Site" -Protocol http -Port 443',
              'New-WebBinding -Name "Default Web Site" -Protocol https -Port 443 -IPAddress *',
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
            lines: ["sudo nginx -T | grep -n 'listen'", "sudo postconf -M submissions/inet smtps/inet"],
          },
        ],
      },
      {
        text: "On a port forward or load balancer, forward 443 to the server's 443 (TLS pass-through or re-encryption), not to port 80.",
      },
    ],
    seeAlso: ["TLS_HANDSHAKE_FAILED", "TCP_REFUSED"],
  },
  TLS_PROTOCOL_OBSOLETE: {
    title: "Obsolete TLS versions: no TLS 1.2 or 1.3, or TLS 1.0/1.1 still accepted",
    group: "TLS connection",
    severity: "error-or-warning",
    summary:
      "Two situations share this code. Error: the server accepts no TLS 1.2 or TLS 1.3 at all, only TLS 1.0, TLS 1.1 or older, so current Outlook, Windows and Microsoft 365 clients cannot connect; enable TLS 1.2. Warning: the server offers TLS 1.2 or 1.3 but still also accepts TLS 1.0 or TLS 1.1; current clients are fine, and the old versions should be disabled once no old client needs them.",
    details: [
      "How the analyzer decides. The first handshake offers every version from TLS 1.3 down to TLS 1.0; if the server picks TLS 1.1 or older although TLS 1.2 and 1.3 were offered, it has no TLS 1.2, and that is an error. A server that only speaks SSL 3.0 or older shares no version with the analyzer at all, which is an error too. The TLS certificate test then offers each version alone, TLS 1.0, 1.1, 1.2 and 1.3, each on its own connection: neither TLS 1.2 nor TLS 1.3 accepted is an error; TLS 1.2 or 1.3 accepted and TLS 1.0 or 1.1 accepted as well is a warning. The step details list the versions accepted, refused and (when a connection could not be opened) untested.",
      "Why no TLS 1.2 is an error: TLS 1.0 (1999) and TLS 1.1 (2006) were formally deprecated by RFC 8996 in 2021. Browsers refuse them, Microsoft 365 no longer accepts them, Microsoft is switching them off by default in Windows, and current Outlook, Windows and Microsoft 365 clients cannot connect to a server without TLS 1.2; nor can Exchange Online hybrid connections. No test here sends credentials over anything older than TLS 1.2 either.",
      "Why TLS 1.0/1.1 next to TLS 1.2 is only a warning: every current client negotiates TLS 1.2 or 1.3 and is unaffected. The old versions remain an attack surface, security scanners and PCI DSS flag them, and they keep old, unpatched clients working silently. Disable them once you know no device, application or partner still needs them.",
      "On Windows, SCHANNEL implements TLS for IIS, SMTP, IMAP and POP, so its registry keys (`HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server` and `\\Client`) govern what clients get. Windows Server 2012 and later have TLS 1.2 on by default unless a hardening template, IIS Crypto or a GPO turned it off; Windows Server 2008 R2 supports it but has it disabled by default. Exchange's own outbound connections (EWS, hybrid, Autodiscover lookups, SMTP to Exchange Online) use .NET, which needs `SchUseStrongCrypto` and `SystemDefaultTlsVersions` to use TLS 1.2; `[Net.ServicePointManager]::SecurityProtocol` shows what .NET offers. Exchange supports TLS 1.2 from Exchange 2010 SP3 RU19, Exchange 2013 CU19 and Exchange 2016 CU8; Microsoft's guidance is to enable TLS 1.2 for SCHANNEL and .NET on every Exchange server, with the same settings on all of them, verify, and only then disable TLS 1.0 and 1.1.",
      "On port 25 be deliberate when disabling the old versions: SMTP TLS is opportunistic, so a sender that can only do TLS 1.0 falls back to plain text rather than failing. Most organisations accept that, since practically every mail server supports TLS 1.2 today.",
    ],
    symptoms: [
      'Error (no TLS 1.2): Outlook on current Windows and mobile mail apps fail to connect or keep showing "Disconnected"; browsers show ERR_SSL_VERSION_OR_CIPHER_MISMATCH or "This site uses an unsupported protocol"; hybrid mail flow or free/busy with Exchange Online fails.',
      "Error: `openssl s_client -tls1_2` against the server fails with a `protocol version` alert or `no protocols available`, while `-tls1` (at a lowered security level) connects.",
      "Warning (TLS 1.0/1.1 still accepted): everything works for current clients; security scanners, penetration tests or PCI scans report TLS 1.0/1.1 as a finding.",
    ],
    causes: [
      "No TLS 1.2: an old Windows Server (2008 R2) where TLS 1.2 was never enabled in the SCHANNEL registry, or TLS 1.2 disabled by a hardening template, an IIS Crypto change or a GPO (`Enabled` = 0 or `DisabledByDefault` = 1 under `TLS 1.2\\Server`).",
      "No TLS 1.2: an old appliance, load balancer or reverse proxy in front of the server terminates TLS with an outdated TLS profile; or an ancient OpenSSL (0.9.8), or a Linux configuration that restricts `ssl_protocols` to old versions.",
      "TLS 1.0/1.1 still accepted: they were never disabled. Windows Server keeps them enabled by default, and so do many appliance TLS profiles chosen for compatibility.",
    ],
    fixes: [
      {
        text: "Check which versions the server accepts, one at a time. OpenSSL 3 refuses TLS 1.0/1.1 at its default security level, so lower it for those tests; `nmap` lists every version and cipher.",
        commands: [
          {
            shell: "bash",
            lines: [
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -tls1_3 </dev/null",
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -tls1_2 </dev/null",
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -tls1_1 -cipher 'DEFAULT:@SECLEVEL=0' </dev/null",
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -tls1 -cipher 'DEFAULT:@SECLEVEL=0' </dev/null",
              "nmap --script ssl-enum-ciphers -p 443 mail.contoso.com",
            ],
          },
        ],
      },
      {
        text: "Error case, Windows/Exchange: enable TLS 1.2 in SCHANNEL (server and client side) and let .NET use it, on every Exchange server, then reboot. The IIS Crypto tool (Nartac) sets the same SCHANNEL keys: Templates > Best Practices > Apply, then reboot; it does not set the .NET keys, so run the second block anyway.",
        commands: [
          ENABLE_TLS12_SCHANNEL,
          {
            shell: "PowerShell",
            description:
              "Let .NET (Exchange's own outbound connections, EWS, hybrid) use TLS 1.2: SchUseStrongCrypto and SystemDefaultTlsVersions, 64- and 32-bit",
            lines: [
              "$keys = 'HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v4.0.30319','HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v4.0.30319','HKLM:\\SOFTWARE\\Microsoft\\.NETFramework\\v2.0.50727','HKLM:\\SOFTWARE\\Wow6432Node\\Microsoft\\.NETFramework\\v2.0.50727'",
              "foreach ($k in $keys) {",
              "  if (-not (Test-Path $k)) { New-Item -Path $k -Force | Out-Null }",
              "  New-ItemProperty -Path $k -Name SystemDefaultTlsVersions -PropertyType DWord -Value 1 -Force | Out-Null",
              "  New-ItemProperty -Path $k -Name SchUseStrongCrypto -PropertyType DWord -Value 1 -Force | Out-Null",
              "}",
              "Restart-Computer",
            ],
          },
        ],
      },
      {
        text: "Verify after the reboot: the SCHANNEL key, what .NET offers in a new PowerShell window (`Tls12` or `SystemDefault`, not only `Ssl3, Tls`), and the Exchange HealthChecker script from Microsoft's CSS-Exchange project, which reports the TLS settings of each server and flags mismatches.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Get-ItemProperty 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server'",
              "[Net.ServicePointManager]::SecurityProtocol",
            ],
          },
          {
            shell: "Exchange Management Shell",
            lines: [".\\HealthChecker.ps1"],
          },
        ],
      },
      {
        text: "Error case, Linux or a device in front: allow TLS 1.2 and 1.3 and reload. nginx: `ssl_protocols TLSv1.2 TLSv1.3;` (in the server block that is the default for the listen socket, or in `http {}`); Apache: `SSLProtocol -all +TLSv1.2 +TLSv1.3`; Postfix 3.6+: `smtpd_tls_protocols = >=TLSv1.2`; Dovecot 2.3+: `ssl_min_protocol = TLSv1.2`. On a load balancer or reverse proxy (F5, KEMP, NetScaler, HAProxy), pick a TLS profile that includes TLS 1.2; on an OpenSSL older than 1.0.1, upgrade: it has no TLS 1.2 at all.",
        commands: [
          {
            shell: "bash",
            lines: [
              NGINX_RELOAD_LINE,
              "sudo postconf -e 'smtpd_tls_protocols = >=TLSv1.2' 'smtpd_tls_mandatory_protocols = >=TLSv1.2'",
              "sudo postfix reload",
              "sudo systemctl reload dovecot",
            ],
          },
        ],
      },
      {
        text: "Warning case: once TLS 1.2 works for every client, device and partner system (check the IIS logs and the Schannel event log for old clients first), disable SSL 3.0, TLS 1.0 and TLS 1.1 in SCHANNEL, both Server and Client keys, with the same settings on all Exchange servers, and reboot. With IIS Crypto: uncheck them under Server Protocols and Client Protocols, Apply, reboot. On Linux the `ssl_protocols` / `SSLProtocol` / `ssl_min_protocol` lines above already exclude them.",
        commands: [
          {
            shell: "PowerShell",
            description: "Disable SSL 2.0/3.0, TLS 1.0 and TLS 1.1 (only after TLS 1.2 works everywhere); SCHANNEL changes need a reboot",
            lines: [
              "$base = 'HKLM:\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols'",
              "foreach ($p in 'SSL 2.0','SSL 3.0','TLS 1.0','TLS 1.1') { foreach ($side in 'Server','Client') {",
              '  $k = "$base\\$p\\$side"',
              "  if (-not (Test-Path $k)) { New-Item -Path $k -Force | Out-Null }",
              "  New-ItemProperty -Path $k -Name Enabled -PropertyType DWord -Value 0 -Force | Out-Null",
              "  New-ItemProperty -Path $k -Name DisabledByDefault -PropertyType DWord -Value 1 -Force | Out-Null",
              "} }",
              "Restart-Computer",
            ],
          },
        ],
      },
    ],
    seeAlso: ["TLS_HANDSHAKE_FAILED", "LOGIN_FAILED", "CERT_WEAK_SIGNATURE", "CERT_WEAK_KEY"],
  },
} satisfies HelpPages;
