import {
  CERT_THUMBPRINT,
  CERTBOT_NGINX,
  completeCertificateRequest,
  enableCertificateLine,
  IGNORE_TRUST_DETAIL,
  NEW_CERT_THUMBPRINT,
  NEW_CERTIFICATE_REQUEST,
  servedCertificateLine,
  SHOW_SERVED_CERTIFICATE,
  SHOW_SERVED_CERTIFICATE_LINE,
} from "./commands";
import type { HelpCommand, HelpPages } from "./types";

/*
 * Renewal and replacement, shared by the date pages of this group: the certificate in use (CERT_THUMBPRINT) is
 * renewed, and the new one (NEW_CERT_THUMBPRINT) takes its place on every server and connector.
 */

const REMOVE_OLD_CERTIFICATE_LINE = `Remove-ExchangeCertificate -Thumbprint ${CERT_THUMBPRINT}`;

const LIST_EXPIRING_CERTIFICATES: HelpCommand = {
  shell: "Exchange Management Shell",
  lines: [
    "Get-ExchangeCertificate | Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) } | Format-Table FriendlyName,Subject,NotAfter,Services,Thumbprint -AutoSize",
  ],
};

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

/** The server certificate itself: its names, dates, key and signature strength, and allowed usage. */
export const CERTIFICATE_HELP = {
  CERT_NAME_MISMATCH: {
    title: "Certificate name does not match the host name",
    group: "Certificate",
    severity: "error-or-warning",
    summary:
      "The certificate the server presented is not valid for the name the analyzer connected to: the host name is not among the certificate's Subject Alternative Names (DNS names), and for a certificate without any DNS Subject Alternative Name, not in its Subject common name either. For an IP address target, the address must be an IP-address Subject Alternative Name.",
    details: [
      "The analyzer follows RFC 6125, like browsers and current Windows clients: if the certificate carries DNS Subject Alternative Names, only those count and the common name is ignored; the common name is used only when there are no DNS SANs. A wildcard must be the entire left-most label and covers exactly one label: `*.contoso.com` matches `mail.contoso.com`, but not `contoso.com` and not `mail.eu.contoso.com`; partial wildcards such as `m*.contoso.com` are not accepted.",
      "The step details list the certificate's subject, common names and all SAN entries. If they show an unexpected certificate (`CN=EX01` or a hosting provider's default certificate), the server presented its default binding: there is no binding for this host name on this address, or the connection reached a different server than you think (old DNS record, load balancer, another site).",
      "This is a different rule from Outlook Anywhere mutual authentication (MUTUAL_AUTH_MISMATCH), which compares the msstd: principal literally and does not apply wildcard rules.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Outlook shows a Security Alert at every start: "The name on the security certificate is invalid or does not match the name of the site".',
      'Browsers: NET::ERR_CERT_COMMON_NAME_INVALID / "Your connection is not private"; ActiveSync devices stop syncing or ask to accept the certificate.',
      "Exchange Online connectors or partner systems that verify the certificate name fail TLS and queue mail.",
    ],
    causes: [
      "The certificate does not contain this name, e.g. `autodiscover.contoso.com` missing from the SAN list, or only `contoso.com` present.",
      'Exchange still serves its self-signed "Microsoft Exchange" certificate (`CN=EX01`), or the wrong certificate is assigned to IIS or SMTP.',
      "No binding or SNI binding for this host name, so the server's default certificate is returned.",
      "Clients use the internal server name (`ex01.corp.contoso.com`), which public CAs have not been allowed to include in certificates since 2015.",
      "The name is two levels below a wildcard (`mail.eu.contoso.com` with `*.contoso.com`).",
    ],
    fixes: [
      {
        text: "See which certificate and names the server presents (add `-starttls smtp` and the port for SMTP).",
        commands: [SHOW_SERVED_CERTIFICATE],
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
            lines: ["netsh http show sslcert ipport=0.0.0.0:443"],
          },
        ],
      },
      {
        text: "If no certificate contains all required names, request a new one that lists every name clients use (typically `mail.contoso.com` and `autodiscover.contoso.com`), complete it, and assign it.",
        commands: [NEW_CERTIFICATE_REQUEST, completeCertificateRequest(CERT_THUMBPRINT)],
      },
      {
        text: "Or change the host names clients are given to names that are on the certificate, so Autodiscover hands out the right ones (`Set-ClientAccessService` is Exchange 2016 and later; on Exchange 2013 use `Set-ClientAccessServer`). Check the ExternalUrl/InternalUrl of the other virtual directories too (`Get-WebServicesVirtualDirectory`, `Get-OabVirtualDirectory`, `Get-MapiVirtualDirectory`, `Get-ActiveSyncVirtualDirectory`).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-OutlookAnywhere | Format-List Server,ExternalHostname,InternalHostname",
              'Set-OutlookAnywhere -Identity "EX01\\Rpc (Default Web Site)" -ExternalHostname mail.contoso.com -InternalHostname mail.contoso.com -ExternalClientsRequireSsl $true -InternalClientsRequireSsl $true',
              "Set-ClientAccessService -Identity EX01 -AutoDiscoverServiceInternalUri https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml",
            ],
          },
        ],
      },
      {
        text: "On nginx/Apache, issue a certificate containing all names and configure `server_name mail.contoso.com autodiscover.contoso.com;` (nginx) or `ServerName`/`ServerAlias` (Apache) so SNI selects the right virtual host.",
        commands: [CERTBOT_NGINX],
      },
    ],
    seeAlso: ["MUTUAL_AUTH_MISMATCH", "CERT_SELF_SIGNED", "CERT_UNTRUSTED_ROOT"],
  },
  CERT_EXPIRED: {
    title: "Certificate expired",
    group: "Certificate",
    severity: "error-or-warning",
    summary: "The server's certificate, or a CA certificate in the chain it builds to, is past its NotAfter date. Every client rejects it.",
    details: [
      "The analyzer checks the validity period of every certificate in the path from the server certificate up to the trust anchor against its own clock (UTC). The message says which certificate expired: usually the server certificate, sometimes an intermediate that the server still sends although the CA has replaced it.",
      "Renewing a certificate is not enough: the new one must be assigned to every service and every device that terminates TLS for the name (all Exchange servers, load balancers, reverse proxies such as Web Application Proxy, and hybrid connectors that reference it).",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Outlook: "The security certificate has expired or is not yet valid"; browsers: NET::ERR_CERT_DATE_INVALID; mobile devices stop syncing.',
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
        commands: [SHOW_SERVED_CERTIFICATE, LIST_EXPIRING_CERTIFICATES],
      },
      {
        text: "Renew on Exchange: create a renewal request from the existing certificate, have the CA issue it, import it, and assign it to the same services.",
        commands: [
          {
            shell: "Exchange Management Shell",
            description: "Renewal request",
            lines: [...RENEWAL_REQUEST_LINES],
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
              '$pw = Read-Host -AsSecureString -Prompt "PFX password"',
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
    seeAlso: ["CERT_EXPIRING_SOON", "CERT_NOT_YET_VALID", "CERT_CHAIN_INCOMPLETE"],
  },
  CERT_NOT_YET_VALID: {
    title: "Certificate not yet valid",
    group: "Certificate",
    severity: "error-or-warning",
    summary:
      "The server's certificate, or a CA certificate in its chain, has a NotBefore date in the future compared with the analyzer's clock. Clients reject it exactly as they reject an expired certificate.",
    details: [
      "This happens far less often than expiry and almost always involves a clock or a premature installation: a certificate issued with a future start date was installed too early, or a clock (the server's, the client's or the analyzer's) is wrong. The message shows the NotBefore time in UTC; compare it with the current UTC time.",
      "Clients judge with their own clock, so a PC whose clock runs behind rejects a freshly issued certificate for the first minutes or hours. If only this analyzer reports the problem and its clock is wrong, tell the operator of the instance.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Outlook: "The security certificate has expired or is not yet valid"; browsers: NET::ERR_CERT_DATE_INVALID.',
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
            lines: [SHOW_SERVED_CERTIFICATE_LINE, "date -u"],
          },
        ],
      },
      {
        text: "Fix clocks: on Windows domain members the time comes from the domain hierarchy (the PDC emulator should sync with an external NTP source); on Linux use chrony or systemd-timesyncd.",
        commands: [
          {
            shell: "cmd",
            lines: ["w32tm /query /status", "w32tm /resync"],
          },
          {
            shell: "bash",
            lines: ["timedatectl", "chronyc tracking"],
          },
        ],
      },
      {
        text: "If the new certificate simply is not valid yet, switch back to the previous (still valid) certificate until the start date, then assign the new one.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: ["Get-ExchangeCertificate | Format-Table Thumbprint,Subject,NotBefore,NotAfter,Services -AutoSize", enableCertificateLine("IIS,SMTP")],
          },
        ],
      },
    ],
    seeAlso: ["CERT_EXPIRED", "CERT_EXPIRING_SOON"],
  },
  CERT_EXPIRING_SOON: {
    title: "Certificate expires within 30 days",
    group: "Certificate",
    severity: "warning",
    summary:
      "The server's certificate is still valid but expires in less than 30 days. Nothing is broken yet; renew it now, because replacing a certificate on Exchange, load balancers and partner connectors takes planning.",
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
        commands: [LIST_EXPIRING_CERTIFICATES, SHOW_SERVED_CERTIFICATE],
      },
      {
        text: "Renew now, following the same steps as for an expired certificate: renewal request, import, assign to the same services, copy to all servers and devices, update `TlsCertificateName` where used.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [...RENEWAL_REQUEST_LINES, ...CONNECTOR_CERTIFICATE_NAME_LINES],
          },
        ],
      },
      {
        text: "On Linux with ACME, test the renewal path so that automatic renewal actually works.",
        commands: [
          {
            shell: "bash",
            lines: ["sudo certbot renew --dry-run", "systemctl list-timers | grep certbot"],
          },
        ],
      },
    ],
    seeAlso: ["CERT_EXPIRED", "CERT_NOT_YET_VALID"],
  },
  CERT_WEAK_KEY: {
    title: "Weak certificate key (RSA below 2048 bits, EC below 256 bits)",
    group: "Certificate",
    severity: "error-or-warning",
    summary:
      "A certificate's public key is too short, usually the server certificate's, sometimes a CA certificate's in its chain: an RSA key below 2048 bits, or an elliptic-curve key below 256 bits (for example P-192). Such keys are considered breakable, CAs no longer issue them, and strict clients refuse them.",
    details: [
      "1024-bit RSA was disallowed for publicly trusted certificates at the end of 2013, and OpenSSL's default security level on current Linux distributions rejects RSA keys below 2048 bits during the handshake. The analyzer requires at least 2048-bit RSA or a 256-bit curve (P-256 or better) on every certificate of the path it built, the server certificate and the CAs above it; the message names the certificate and shows the key type and size.",
      'A weak key can only be fixed by generating a new key pair. Renewing a certificate with the same key (some tools allow "renew with the same key") keeps the problem.',
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Linux clients, current Java and some mobile devices fail the handshake ("ee key too small"); browsers refuse the certificate.',
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
            lines: [servedCertificateLine('-text | grep -E "Public Key Algorithm|Public-Key"')],
          },
        ],
      },
      {
        text: "On Exchange, create a new request with a new 2048-bit (or 4096-bit) key, complete it and assign it.",
        commands: [NEW_CERTIFICATE_REQUEST, completeCertificateRequest(CERT_THUMBPRINT)],
      },
      {
        text: "With OpenSSL, generate a new RSA 2048 or EC P-256 key and request (OpenSSL 1.1.1+ for `-addext`); on an AD CS CA raise the template's minimum key size to 2048.",
        commands: [
          {
            shell: "bash",
            lines: [
              'openssl req -new -newkey rsa:2048 -nodes -keyout mail.contoso.com.key -out mail.contoso.com.csr -subj "/CN=mail.contoso.com" -addext "subjectAltName=DNS:mail.contoso.com,DNS:autodiscover.contoso.com"',
              'openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout mail.contoso.com.key -out mail.contoso.com.csr -subj "/CN=mail.contoso.com" -addext "subjectAltName=DNS:mail.contoso.com,DNS:autodiscover.contoso.com"',
            ],
          },
        ],
      },
    ],
    seeAlso: ["CERT_WEAK_SIGNATURE", "TLS_PROTOCOL_OBSOLETE"],
  },
  CERT_WEAK_SIGNATURE: {
    title: "Weak certificate signature (SHA-1 or MD5)",
    group: "Certificate",
    severity: "error-or-warning",
    summary:
      "The server certificate or an intermediate CA certificate is signed with SHA-1 or MD5 (or MD2). These hash functions are broken for signatures, and current clients reject such certificates.",
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
              'openssl x509 -in mail_contoso_com.pem -noout -text | grep "Signature Algorithm"',
            ],
          },
          {
            shell: "cmd",
            lines: ['certutil -dump C:\\certs\\mail_contoso_com.cer | findstr /i "Algorithm"'],
          },
        ],
      },
      {
        text: "Request a new certificate signed with SHA-256 (any public CA does this), import it and assign it.",
        commands: [NEW_CERTIFICATE_REQUEST, completeCertificateRequest(CERT_THUMBPRINT)],
      },
      {
        text: "Internal AD CS CA: switch its hash algorithm to SHA-256 and restart the CA service. `CNGHashAlgorithm` applies to CAs using a Key Storage Provider (KSP); a CA still on a legacy CryptoAPI CSP must be migrated to a KSP first. If the issuing CA's own certificate is SHA-1 signed, renew it on the parent CA after changing the parent's hash algorithm, then reissue the server certificates.",
        commands: [
          {
            shell: "cmd",
            lines: ["certutil -getreg ca\\csp\\CNGHashAlgorithm", "certutil -setreg ca\\csp\\CNGHashAlgorithm SHA256", "net stop certsvc && net start certsvc"],
          },
        ],
      },
    ],
    seeAlso: ["CERT_WEAK_KEY", "CERT_UNTRUSTED_ROOT", "TLS_PROTOCOL_OBSOLETE"],
  },
  CERT_NOT_FOR_SERVER_AUTH: {
    title: "Certificate not allowed for server authentication (Extended Key Usage)",
    group: "Certificate",
    severity: "error-or-warning",
    summary:
      "The certificate has an Extended Key Usage (EKU) extension, and Server Authentication (`serverAuth`, OID 1.3.6.1.5.5.7.3.1) is not in it. A certificate restricted to other purposes (client authentication, e-mail protection, code signing) must not be used by a TLS server, and clients reject it.",
    details: [
      "A certificate without any EKU extension is accepted for every purpose, and `anyExtendedKeyUsage` is accepted too; but once an EKU list is present, clients only allow the listed purposes. The message lists the usages the certificate has.",
      'This nearly always means the certificate was requested from the wrong certificate template on an internal CA (for example "User", or a custom template for client authentication only), or a certificate meant for another purpose (S/MIME, code signing, a client certificate) was imported and assigned by mistake.',
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Browsers: NET::ERR_CERT_INVALID / "The certificate is not valid for the requested usage"; Outlook: certificate warning although name and dates are fine.',
      'The certificate looks correct in the certificate MMC (name, dates, trust), but "Intended Purposes" does not include Server Authentication.',
    ],
    causes: [
      'Requested from an AD CS template without Server Authentication ("User", "Smartcard Logon", client-only custom templates) instead of "Web Server".',
      "The wrong certificate (S/MIME, client or code-signing certificate) was assigned to IIS/SMTP.",
    ],
    fixes: [
      {
        text: 'Check the Extended Key Usage: it must contain "TLS Web Server Authentication" (OpenSSL) or "Server Authentication (1.3.6.1.5.5.7.3.1)" (Windows).',
        commands: [
          {
            shell: "bash",
            lines: [servedCertificateLine("-ext extendedKeyUsage")],
          },
          {
            shell: "cmd",
            lines: ["certutil -dump C:\\certs\\mail_contoso_com.cer"],
          },
        ],
      },
      {
        text: 'Request a new certificate from the "Web Server" template (internal CA) or from a public CA, which always includes Server Authentication, then import and assign it.',
        commands: [
          {
            shell: "cmd",
            lines: [
              'certreq -submit -config "CA01.corp.contoso.com\\Contoso Issuing CA" -attrib "CertificateTemplate:WebServer" C:\\certs\\mail_contoso_com.req C:\\certs\\mail_contoso_com.cer',
            ],
          },
          completeCertificateRequest(CERT_THUMBPRINT),
        ],
      },
      {
        text: 'With OpenSSL, state the usage explicitly in the request: `-addext "extendedKeyUsage=serverAuth"` (add `clientAuth` too if the same certificate is used for SMTP client connections by a partner that requires it).',
      },
    ],
    seeAlso: ["CERT_NAME_MISMATCH", "CERT_SELF_SIGNED"],
  },
  CERTIFICATE_FILE_INVALID: {
    title: "The certificate file couldn't be read",
    group: "Certificate",
    severity: "error",
    summary:
      "The Certificate file test found no readable certificate in the text you pasted or uploaded, or the first one (the leaf) isn't a valid X.509 certificate. Nothing else could be checked.",
    details: [
      "The test reads PEM text: blocks between `-----BEGIN CERTIFICATE-----` and `-----END CERTIFICATE-----` (a `.pem`, or a `.cer`/`.crt` saved as Base64), and PKCS #7 bundles between `-----BEGIN PKCS7-----` and `-----END PKCS7-----` (a `.p7b` saved as Base64). A binary (DER) file chosen with the file button is converted to PEM in the browser before it is sent.",
      "The first certificate must be the server's own (the leaf); the intermediates follow it. A certificate that is damaged (lines missing, edited Base64) can't be decoded. A private key is never accepted: the form refuses it before anything runs, since a key must never leave the server it belongs to.",
    ],
    symptoms: ['The test stops at its first step, "Reading the certificates you pasted".'],
    causes: [
      "Only part of the PEM text was copied (the END line or some lines are missing).",
      "The file is a PFX/PKCS #12 (`.pfx`, `.p12`): it contains the private key and can't be pasted here.",
      "The text is a certificate request (`-----BEGIN CERTIFICATE REQUEST-----`), not the issued certificate.",
    ],
    fixes: [
      {
        text: "Export the certificate without its private key, in Base64, then paste the whole text including the BEGIN and END lines.",
        commands: [
          {
            shell: "PowerShell",
            description: "Windows: export the certificate (no key) from the machine store as Base64 PEM",
            lines: [
              '$cert = Get-ChildItem Cert:\\LocalMachine\\My | Where-Object Subject -like "*mail.contoso.com*"',
              '"-----BEGIN CERTIFICATE-----`n" + [Convert]::ToBase64String($cert.RawData, "InsertLineBreaks") + "`n-----END CERTIFICATE-----" | Set-Content C:\\certs\\mail_contoso_com.pem',
            ],
          },
          {
            shell: "bash",
            description: "Convert a DER certificate or a PFX (certificates only, no key) to PEM",
            lines: [
              "openssl x509 -inform DER -in mail_contoso_com.cer -out mail_contoso_com.pem",
              "openssl pkcs12 -in mail_contoso_com.pfx -nokeys -out chain.pem",
            ],
          },
        ],
      },
    ],
    seeAlso: ["CERT_CHAIN_INCOMPLETE"],
  },
} satisfies HelpPages;
