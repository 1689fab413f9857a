import type { HelpPages } from "./types";

/** The chain from the server certificate to a trusted root: what was sent, in which order, and whether each CA may issue what it issued. */
export const CHAIN_HELP = {
  CERT_SELF_SIGNED: {
    title: "Self-signed certificate",
    group: "Certificate chain and trust",
    severity: "error-or-warning",
    summary: "The server presents a self-signed certificate: it is its own issuer and is signed with its own key, so no certificate authority vouches for it. No client trusts it unless it has been installed on that client by hand.",
    details: [
      trustProblemsApart("CERT_SELF_SIGNED"),
      "Exchange Setup creates a self-signed certificate named \"Microsoft Exchange\" (`CN=EX01`, valid for five years) and assigns it to IIS and SMTP so the server works out of the box. It is meant for server-to-server traffic and for the \"Exchange Back End\" web site on port 444: do not delete it and do not change the back-end binding. Client-facing services (the Default Web Site on 443, and SMTP on 25 if partners verify certificates) need a certificate from a CA that clients trust.",
      "A self-hosted analyzer can be told to trust this exact certificate by adding it (PEM) to the file named in `NODE_EXTRA_CA_CERTS`, which is reasonable only for lab servers: it is then a trusted root for every check, OpenSSL's included.",
      IGNORE_TRUST_DETAIL,
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
    group: "Certificate chain and trust",
    severity: "error-or-warning",
    summary: "The analyzer built the chain from the server certificate upwards, and it ends at a root certificate (a self-signed CA certificate) that is not in the analyzer's trust store: the Mozilla root store bundled with Node.js, plus any roots the operator added with `NODE_EXTRA_CA_CERTS`. Every certificate in the chain may be fine; nobody outside your organisation trusts the root.",
    details: [
      trustProblemsApart("CERT_UNTRUSTED_ROOT"),
      "If the server doesn't send the root (most servers don't, and needn't), nothing tells the analyzer whether the issuer it couldn't find is a root or another intermediate: it reports CERT_CHAIN_INCOMPLETE and names that issuer. If the name is your own root CA, the fixes on this page apply.",
      "The classic case is an internal enterprise CA (Active Directory Certificate Services). Domain-joined Windows computers trust its root automatically (published through Active Directory and Group Policy), so Outlook inside the company is happy; phones, home PCs, Macs, partner servers, Exchange Online, and this analyzer do not trust it. Other cases: a root that browsers and Mozilla have removed (distrusted CAs), or a TLS-inspection proxy between the analyzer and your server that re-signs traffic with its own root.",
      "For a self-hosted instance used inside the company, add the enterprise root CA to the PEM file named in the environment variable `NODE_EXTRA_CA_CERTS` (Node.js convention): the analyzer's path building and OpenSSL's verdict both use it. The file is read once at start, so restart the analyzer after changing it; it can contain several certificates.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Outlook outside the domain and mobile devices: \"The security certificate was issued by a company you have not chosen to trust\"; browsers: NET::ERR_CERT_AUTHORITY_INVALID.",
      "Works on domain-joined PCs, fails on everything else.",
      "`openssl s_client` ends with `Verify return code: 19 (self-signed certificate in certificate chain)` (`SELF_SIGNED_CERT_IN_CHAIN`).",
      "`certutil -verify` reports \"A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider\".",
    ],
    causes: [
      "The certificate was issued by an internal/enterprise CA for a name that external clients use.",
      "The certificate chains to a root that has been removed from public trust stores.",
      "A TLS-inspection device in the analyzer's path replaces the certificate (check the issuer shown in the details).",
    ],
    fixes: [
      {
        text: "Look at the chain as sent: the last certificate's `s:` (subject) and `i:` (issuer) lines are the same, naming the root. On Windows, `certutil` shows the verdict of the Windows trust store.",
        commands: [
          {
            shell: "bash",
            lines: [
              SHOW_SENT_CHAIN_LINE,
            ],
          },
          CERTUTIL_VERIFY,
        ],
      },
      {
        text: "For names used from outside the company, replace the certificate with one from a public CA (see CERT_SELF_SIGNED for the request and assignment commands).",
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
    group: "Certificate chain and trust",
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
    group: "Certificate chain and trust",
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
} satisfies HelpPages;
