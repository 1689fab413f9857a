import type { ProblemCode } from "@/lib/problems";
import {
  CERT_THUMBPRINT,
  CERTBOT_NGINX,
  completeCertificateRequest,
  enableCertificateLine,
  IGNORE_TRUST_DETAIL,
  IGNORE_TRUST_FIX,
  NEW_CERTIFICATE_REQUEST,
  NGINX_RELOAD_LINE,
  SHOW_SERVED_CERTIFICATE,
} from "./commands";
import type { HelpCommand, HelpFix, HelpPages } from "./types";

/** Every certificate the server sends, in the order it sends them, as PEM with `s:` (subject) and `i:` (issuer) lines. */
const SHOW_SENT_CHAIN_LINE = "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -showcerts </dev/null";

/** Windows' own chain building and revocation check on the exported server certificate. */
const CERTUTIL_VERIFY: HelpCommand = {
  shell: "cmd",
  lines: ["certutil -verify -urlfetch C:\\certs\\mail_contoso_com.cer"],
};

/** The trust verdicts of the "Certificate trust" step, one clause each, so every page of the group tells them apart alike. */
const TRUST_VERDICTS: ReadonlyArray<readonly [ProblemCode, string]> = [
  ["CERT_SELF_SIGNED", "the server certificate is its own issuer"],
  [
    "CERT_CHAIN_INCOMPLETE",
    "an intermediate the path needs was not sent (the one that issued the server certificate, or one further up) and is not a trusted root",
  ],
  ["CERT_UNTRUSTED_ROOT", "the path reaches a root that is not in the trust store"],
  ["CERT_CHAIN_ORDER", "everything is present and trusted, but sent in the wrong order"],
  ["CERT_ISSUER_NOT_CA", "a certificate that issued another is not a CA (Basic Constraints)"],
  ["CERT_PATH_LENGTH_EXCEEDED", "a CA allows fewer CAs below it than the path has (path length constraint)"],
  ["CERT_ISSUER_KEY_USAGE", "an issuing CA's Key Usage lacks certificate signing"],
  ["CERT_NAME_CONSTRAINTS", "a CA's name constraints don't permit the certificate's names"],
  ["CERT_CHAIN_INVALID", "OpenSSL refuses the chain for a reason none of these covers, such as a bad signature"],
];

function trustProblemsApart(code: ProblemCode): string {
  const verdicts = TRUST_VERDICTS.map(([other, meaning]) => `${other}${other === code ? " (this page)" : ""}: ${meaning}`);
  return `Telling the trust problems apart: ${verdicts.join("; ")}.`;
}

/** Saves each certificate the server sends as sent-1.pem (the server's own), sent-2.pem (its issuer, if sent in order)… */
const SAVE_SENT_CHAIN_LINE = `${SHOW_SENT_CHAIN_LINE} 2>/dev/null | awk '/BEGIN CERTIFICATE/{n++} n{print > ("sent-" n ".pem")}'`;

/** Saves the sent chain, then shows for each certificate what makes it a CA or not, and which names it may issue for. */
const SPLIT_SENT_CHAIN_LINES: readonly string[] = [
  SAVE_SENT_CHAIN_LINE,
  'for f in sent-*.pem; do echo "== $f"; openssl x509 -in "$f" -noout -subject -issuer -ext basicConstraints,keyUsage,nameConstraints; done',
];

/** Puts an intermediate CA certificate where SCHANNEL looks when it builds the chain IIS and Exchange send. */
const IMPORT_INTERMEDIATE_WINDOWS: HelpCommand = {
  shell: "PowerShell",
  description: 'Local Computer "Intermediate Certification Authorities"; restart IIS and transport so SCHANNEL rebuilds the chain',
  lines: [
    "Import-Certificate -FilePath C:\\certs\\intermediate.cer -CertStoreLocation Cert:\\LocalMachine\\CA",
    "iisreset /noforce",
    "Restart-Service MSExchangeFrontEndTransport,MSExchangeTransport",
  ],
};

/** The Exchange view of the certificate in use: its issuer, names and the services it is assigned to. */
const EXCHANGE_CERTIFICATE_DETAILS: HelpCommand = {
  shell: "Exchange Management Shell",
  lines: [`Get-ExchangeCertificate -Thumbprint ${CERT_THUMBPRINT} | fl`],
};

/** How to look at the chain, from outside with OpenSSL and on the server with Windows' and Exchange's own tools. */
const INSPECT_CHAIN_FIX: HelpFix = {
  text: "Find the certificate concerned. Save each certificate the server sends and print the extensions that make a certificate a CA; `openssl x509 -noout -text` shows everything about one of them. On Windows, `certutil -verify -urlfetch` builds the chain with Windows' own engine and names the element that fails; `Get-ExchangeCertificate | fl` shows the issuer of the certificate Exchange uses.",
  commands: [
    {
      shell: "bash",
      lines: [...SPLIT_SENT_CHAIN_LINES, "openssl x509 -in sent-2.pem -noout -text"],
    },
    CERTUTIL_VERIFY,
    EXCHANGE_CERTIFICATE_DETAILS,
  ],
};

/** Reissuing the server certificate and serving the chain the CA publishes. */
const REISSUE_FROM_PROPER_CA_FIX: HelpFix = {
  text: 'Have the server certificate reissued by a properly configured issuing CA, and install that CA\'s intermediate certificate exactly as the CA publishes it (its bundle, or the "CA Issuers" URL in the new certificate\'s Authority Information Access extension). On Exchange: a new request, completed and assigned; then the intermediate in the Local Computer "Intermediate Certification Authorities" store. On nginx and other OpenSSL-based servers: the server certificate followed by the intermediates in the chain file.',
  commands: [NEW_CERTIFICATE_REQUEST, completeCertificateRequest(CERT_THUMBPRINT), IMPORT_INTERMEDIATE_WINDOWS],
};

/** The chain from the server certificate to a trusted root: what was sent, in which order, and whether each CA may issue what it issued. */
export const CHAIN_HELP = {
  CERT_SELF_SIGNED: {
    title: "Self-signed certificate",
    group: "Certificate chain and trust",
    severity: "error-or-warning",
    summary:
      "The server presents a self-signed certificate: it is its own issuer and is signed with its own key, so no certificate authority vouches for it. No client trusts it unless it has been installed on that client by hand.",
    details: [
      'Exchange Setup creates a self-signed certificate named "Microsoft Exchange" (`CN=EX01`, valid for five years) and assigns it to IIS and SMTP so the server works out of the box. It is meant for server-to-server traffic and for the "Exchange Back End" web site on port 444: do not delete it and do not change the back-end binding. Client-facing services (the Default Web Site on 443, and SMTP on 25 if partners verify certificates) need a certificate from a CA that clients trust.',
      "A self-hosted analyzer can be told to trust this exact certificate by adding it (PEM) to the file named in `NODE_EXTRA_CA_CERTS`, which is reasonable only for lab servers: it is then a trusted root for every check, OpenSSL's included.",
      trustProblemsApart("CERT_SELF_SIGNED"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Outlook: Security Alert "The security certificate was issued by a company you have not chosen to trust", repeated at every start.',
      "Browsers: NET::ERR_CERT_AUTHORITY_INVALID; iOS/Android mail apps refuse the account or show a certificate warning; ActiveSync devices cannot sync.",
      "Exchange Online hybrid connectors and partners enforcing TLS reject the connection.",
    ],
    causes: [
      'A new Exchange server is still using the default "Microsoft Exchange" certificate for IIS.',
      "A CA certificate was installed, but never assigned to IIS/SMTP (`Enable-ExchangeCertificate`), or a cumulative update/reinstall re-bound the self-signed one.",
      "An appliance, NAS or Linux package generated its own certificate on first start (e.g. the `ssl-cert-snakeoil` certificate).",
    ],
    fixes: [
      {
        text: "Find out which certificate IIS and SMTP use and whether it is self-signed.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: ["Get-ExchangeCertificate | Format-Table Thumbprint,Services,IsSelfSigned,NotAfter,Subject -AutoSize"],
          },
          SHOW_SERVED_CERTIFICATE,
        ],
      },
      {
        text: 'Get a certificate from a public CA for all names clients use (public CAs only issue for publicly registered names), import it and assign it to IIS (and SMTP/IMAP/POP as needed). Leave the self-signed "Microsoft Exchange" certificate in place.',
        commands: [NEW_CERTIFICATE_REQUEST, completeCertificateRequest(CERT_THUMBPRINT)],
      },
      {
        text: "On Linux, or with win-acme on Windows, Let's Encrypt certificates are free and renew automatically.",
        commands: [CERTBOT_NGINX],
      },
      IGNORE_TRUST_FIX,
    ],
    seeAlso: ["CERT_UNTRUSTED_ROOT", "CERT_CHAIN_INCOMPLETE", "CERT_NAME_MISMATCH"],
  },
  CERT_UNTRUSTED_ROOT: {
    title: "Certificate chain ends at an untrusted root",
    group: "Certificate chain and trust",
    severity: "error-or-warning",
    summary:
      "The analyzer built the chain from the server certificate upwards, and it ends at a root certificate (a self-signed CA certificate) that is not in the analyzer's trust store: the Mozilla root store bundled with Node.js, plus any roots the operator added with `NODE_EXTRA_CA_CERTS`. The certificates may be fine in themselves; what's missing is trust in the root.",
    details: [
      "If the server doesn't send the root (most servers don't, and needn't), nothing tells the analyzer whether the issuer it couldn't find is a root or another intermediate: it reports CERT_CHAIN_INCOMPLETE and names that issuer. If the name is your own root CA, the fixes on this page apply.",
      "The classic case is an internal enterprise CA (Active Directory Certificate Services). Domain-joined Windows computers trust its root automatically (published through Active Directory and Group Policy), so Outlook inside the company is happy; phones, home PCs, Macs, partner servers, Exchange Online, and this analyzer do not trust it. Other cases: a root that browsers and Mozilla have removed (distrusted CAs), or a TLS-inspection proxy between the analyzer and your server that re-signs traffic with its own root.",
      "For a self-hosted instance used inside the company, add the enterprise root CA to the PEM file named in the environment variable `NODE_EXTRA_CA_CERTS` (Node.js convention): the analyzer's path building and OpenSSL's verdict both use it. The file is read once at start, so restart the analyzer after changing it; it can contain several certificates.",
      trustProblemsApart("CERT_UNTRUSTED_ROOT"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Outlook outside the domain and mobile devices: "The security certificate was issued by a company you have not chosen to trust"; browsers: NET::ERR_CERT_AUTHORITY_INVALID.',
      "Works on domain-joined PCs, fails on everything else.",
      "`openssl s_client` ends with `Verify return code: 19 (self-signed certificate in certificate chain)` (`SELF_SIGNED_CERT_IN_CHAIN`).",
      '`certutil -verify` reports "A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider".',
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
            lines: [SHOW_SENT_CHAIN_LINE],
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
              'Get-ChildItem Cert:\\LocalMachine\\Root | Where-Object Subject -like "*Contoso Root CA*" | Export-Certificate -FilePath C:\\certs\\contoso-root.cer',
              "certutil -encode C:\\certs\\contoso-root.cer C:\\certs\\contoso-root.pem",
            ],
          },
          {
            shell: "bash",
            lines: ["openssl x509 -inform der -in contoso-root.cer -out /etc/rca/contoso-root.pem", "NODE_EXTRA_CA_CERTS=/etc/rca/contoso-root.pem npm start"],
          },
        ],
      },
      {
        text: "To make internal clients trust the internal root, deploy it with Group Policy (Computer Configuration > Policies > Windows Settings > Security Settings > Public Key Policies > Trusted Root Certification Authorities), Intune/MDM for mobile devices, or manually.",
        commands: [
          {
            shell: "cmd",
            lines: ["certutil -addstore -f Root C:\\certs\\contoso-root.cer"],
          },
        ],
      },
      IGNORE_TRUST_FIX,
    ],
    seeAlso: ["CERT_CHAIN_INCOMPLETE", "CERT_SELF_SIGNED", "CERT_CHAIN_ORDER"],
  },
  CERT_CHAIN_INCOMPLETE: {
    title: "Certificate chain incomplete: an intermediate certificate is not sent",
    group: "Certificate chain and trust",
    severity: "error-or-warning",
    summary:
      "The server does not send an intermediate CA certificate that the path to a trusted root needs: the one that issued its own certificate, or one further up (the server sends its certificate and a lower intermediate, but not the intermediate above that one). The missing issuer is not a trusted root either. The analyzer, like many clients, does not download missing intermediates, so it cannot link the certificate to a trusted root.",
    details: [
      'A TLS server must send its certificate followed by the intermediate CA certificates up to (not necessarily including) the root. Clients only have roots in their trust stores. Windows, and therefore Edge, Chrome on Windows and Outlook, silently fetch a missing intermediate from the URL in the certificate\'s Authority Information Access extension ("AIA fetching"), which hides this mistake; OpenSSL-based software (Postfix and other mail servers, curl, PHP, Python), Java, Node.js and many Android versions do not, and fail.',
      "The message names the missing issuer. Two-level CA hierarchies are common (root, a policy or cross-signed intermediate, then the issuing CA), so a server that sends only its issuing CA is as incomplete as one that sends nothing: the path stops at the issuing CA, whose own issuer is neither sent nor trusted. The chain steps list the certificates the path got through, and where each came from.",
      "If the missing issuer is your organisation's own root CA rather than an intermediate, nothing is missing from the chain as such: the root is simply not trusted by the analyzer (servers needn't send roots). That is the situation of CERT_UNTRUSTED_ROOT, and its fixes apply.",
      trustProblemsApart("CERT_CHAIN_INCOMPLETE"),
      'On IIS/Exchange, Windows (SCHANNEL) builds the chain it sends from the local computer\'s certificate stores: the intermediate must be in "Intermediate Certification Authorities" of the Local Computer. On nginx, Apache, Postfix and Dovecot the chain is whatever is in the configured file, so the certificate file must be the full chain.',
    ],
    symptoms: [
      "Works in browsers on Windows, fails on Android, in Java apps, from Linux servers (`curl: (60) SSL certificate problem: unable to get local issuer certificate`) and for some partner mail servers.",
      '`openssl s_client` shows only the server certificate under "Certificate chain" and ends with `Verify return code: 21 (unable to verify the first certificate)` (`UNABLE_TO_VERIFY_LEAF_SIGNATURE`); with a lower intermediate sent but the upper one missing, it ends with `20 (unable to get local issuer certificate)` (`UNABLE_TO_GET_ISSUER_CERT_LOCALLY`).',
      "Outlook on a Windows machine without internet access to the CA (AIA URL blocked by a proxy) shows a trust warning while others do not.",
    ],
    causes: [
      "nginx `ssl_certificate` (or Apache `SSLCertificateFile`) points to the server certificate only, e.g. certbot's `cert.pem` instead of `fullchain.pem`; or the chain file holds the issuing CA but not the intermediate above it, because the CA's bundle was only partly copied.",
      "On IIS/Exchange the certificate was imported without its chain (a .cer instead of a .pfx with the chain), and an intermediate (the issuing CA, or the one above it) is missing from the Intermediate Certification Authorities store; or an old/expired intermediate is in the store and chain building picks the wrong one.",
      "A load balancer or reverse proxy terminates TLS and its chain/bundle setting is empty or outdated.",
      "After a renewal the CA uses a new intermediate, but the old intermediate is still configured.",
    ],
    fixes: [
      {
        text: "Inspect the chain the server sends: count the certificates and check each issuer; the `i:` line of the last certificate names the CA that is missing (unless it is a root). The Authority Information Access extension of that last certificate says where its issuer can be downloaded. On Windows, `certutil` shows how the chain is built and where it fetches from.",
        commands: [
          {
            shell: "bash",
            lines: [SHOW_SENT_CHAIN_LINE, ...SPLIT_SENT_CHAIN_LINES, "openssl x509 -in sent-2.pem -noout -subject -issuer -ext authorityInfoAccess"],
          },
          CERTUTIL_VERIFY,
        ],
      },
      {
        text: 'Get every intermediate the path needs: use the bundle your CA provides for this certificate (it lists them all), or download each missing one from the "CA Issuers" URL of the Authority Information Access extension of the certificate below it, and convert it to PEM. Repeat until the issuer is a root.',
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
        text: "nginx: the `ssl_certificate` file must be the full chain, server certificate first, then each intermediate in turn (the issuing CA, then the one above it). Apache 2.4.8+: `SSLCertificateFile` with the full chain (older versions: `SSLCertificateChainFile`). Postfix 3.4+: `smtpd_tls_chain_files = /etc/ssl/private/mail.contoso.com.key, /etc/ssl/certs/mail.contoso.com.fullchain.pem`. Dovecot: `ssl_cert = </etc/ssl/certs/mail.contoso.com.fullchain.pem`. With certbot, always use `fullchain.pem`.",
        commands: [
          {
            shell: "bash",
            lines: [
              "cat mail.contoso.com.crt issuing-ca.pem policy-ca.pem > /etc/ssl/certs/mail.contoso.com.fullchain.pem",
              NGINX_RELOAD_LINE,
              "sudo postfix reload && sudo systemctl reload dovecot",
            ],
          },
        ],
      },
      {
        text: 'IIS/Exchange: import each missing intermediate into the Local Computer "Intermediate Certification Authorities" store (certlm.msc, or the commands below), remove expired or superseded intermediates from that store, then restart IIS and the transport services so SCHANNEL rebuilds the chain (a reboot also works). Importing the certificate as a .pfx that includes the chain does the same.',
        commands: [
          {
            shell: "PowerShell",
            description: "Expired intermediates in the store",
            lines: ["Get-ChildItem Cert:\\LocalMachine\\CA | Where-Object NotAfter -lt (Get-Date) | Format-Table Subject,NotAfter,Thumbprint"],
          },
          IMPORT_INTERMEDIATE_WINDOWS,
          {
            shell: "cmd",
            lines: ["certutil -addstore CA C:\\certs\\intermediate.cer"],
          },
        ],
      },
      {
        text: "On a load balancer or reverse proxy (F5, KEMP, NetScaler, HAProxy, Web Application Proxy), upload the intermediate and attach it as the chain/bundle of the TLS profile for this virtual server.",
      },
      IGNORE_TRUST_FIX,
    ],
    seeAlso: ["CERT_UNTRUSTED_ROOT", "CERT_CHAIN_ORDER", "CERT_SELF_SIGNED", "CERT_EXPIRED"],
  },
  CERT_CHAIN_ORDER: {
    title: "Certificate chain sent in the wrong order",
    group: "Certificate chain and trust",
    severity: "warning",
    summary:
      "The chain is complete and trusted, but the server sends its certificates out of order: TLS expects the server certificate first, followed by each certificate's issuer in turn. Tolerant clients sort it out, strict ones fail.",
    details: [
      "TLS 1.2 (RFC 5246) requires the server certificate first and every following certificate to directly certify the one before it. TLS 1.3 (RFC 8446) still requires the server certificate first but recommends that clients accept the others in any order. Browsers and Windows rebuild the path themselves, which is why the analyzer reports this only as a warning (it builds the path order-independently too); older Java, embedded devices, some mail servers and other strict clients fail instead. Unrelated extra certificates between the server certificate and its issuer also count as out of order.",
      "The message shows the order in which the path was found among the sent certificates (for example `sent #1, sent #3, sent #2`). Windows/SCHANNEL always sends the chain in the right order, so on a plain IIS/Exchange server this warning almost always points at a device in front of it (load balancer, WAF, reverse proxy) or a non-Windows server whose chain file was assembled by hand.",
      trustProblemsApart("CERT_CHAIN_ORDER"),
    ],
    symptoms: [
      'Most clients work; some (older Android/Java apps, appliances, some partner MTAs) report "unable to get local issuer certificate" or a path-building error.',
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
            lines: ["openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -showcerts </dev/null | grep -E '^ *[0-9]+ s:|^ *i:'"],
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
    seeAlso: ["CERT_CHAIN_INCOMPLETE", "CERT_UNTRUSTED_ROOT"],
  },
  CERT_ISSUER_NOT_CA: {
    title: "A certificate in the chain issued another but is not a CA (Basic Constraints)",
    group: "Certificate chain and trust",
    severity: "error-or-warning",
    summary:
      "A certificate that issued another certificate in the chain is not a certification authority: its Basic Constraints extension says `CA:FALSE`, or it has no Basic Constraints at all. Only CA certificates may issue certificates (RFC 5280), so every client rejects the chain, even though the names match and the signature verifies.",
    details: [
      "Basic Constraints is the extension that makes a certificate a CA: `CA:TRUE` (usually marked critical) on roots and intermediates, `CA:FALSE` or no extension on server and user certificates. The analyzer checks it on every certificate between the server certificate and the trust anchor; the message names the certificate that issued without being a CA. OpenSSL reports the same chain as `INVALID_CA` (`invalid CA certificate`, verify error 24); Windows marks the element with `CERT_TRUST_INVALID_BASIC_CONSTRAINTS`.",
      'It nearly always comes from a certificate made by hand or with the wrong template: a server or client certificate (and its key) used to sign another certificate, as in lab setups built with `openssl x509 -req -CA server.crt -CAkey server.key`; a "CA" created without CA extensions (an OpenSSL config whose `x509_extensions` section lacks `basicConstraints = critical, CA:TRUE`, or a version 1 certificate, which has no extensions at all); or a subordinate CA certificate requested from an Active Directory Certificate Services template meant for servers or computers instead of "Subordinate Certification Authority".',
      "A public CA never issues such a chain. If the issuer named in the message is a certificate you don't recognise, the server may be sending a wrong certificate as its \"intermediate\", or a device in between (a TLS-inspection proxy, a misconfigured appliance) signs with a certificate that isn't a CA.",
      trustProblemsApart("CERT_ISSUER_NOT_CA"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Every client refuses the certificate, Windows as well as OpenSSL-based ones: Outlook shows a Security Alert that the certificate can't be verified; Chrome and Edge NET::ERR_CERT_INVALID; Firefox SEC_ERROR_CA_CERT_INVALID; curl `SSL certificate problem: invalid CA certificate`.",
      "`openssl s_client` ends with `Verify return code: 24 (invalid CA certificate)`.",
      "`certutil -verify -urlfetch` lists `CERT_TRUST_INVALID_BASIC_CONSTRAINTS` for the issuing certificate.",
    ],
    causes: [
      "A server or client certificate was used as the issuer of another certificate (lab or script-made certificates).",
      "A private CA created without `basicConstraints = critical, CA:TRUE`, or as a version 1 certificate.",
      'A subordinate CA certificate issued from a non-CA template (AD CS "Web Server" or "Computer" instead of "Subordinate Certification Authority").',
      "A wrong certificate configured as the intermediate on the server, load balancer or proxy, from which the server certificate was then issued or re-signed.",
    ],
    fixes: [
      INSPECT_CHAIN_FIX,
      REISSUE_FROM_PROPER_CA_FIX,
      {
        text: "If you run the CA yourself, create the CA certificates with the CA extensions and reissue the server certificates from them. For a private root and an issuing CA with OpenSSL (1.1.1+ for `-addext`); `pathlen:0` lets the issuing CA issue server certificates but no further CAs:",
        commands: [
          {
            shell: "bash",
            lines: [
              'openssl req -x509 -new -newkey rsa:4096 -nodes -keyout root.key -sha256 -days 3650 -subj "/CN=Contoso Lab Root CA" -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" -out root.pem',
              'openssl req -new -newkey rsa:3072 -nodes -keyout issuing-ca.key -subj "/CN=Contoso Lab Issuing CA" -out issuing-ca.csr',
              "printf 'basicConstraints=critical,CA:TRUE,pathlen:0\\nkeyUsage=critical,keyCertSign,cRLSign\\n' > ca.ext",
              "openssl x509 -req -in issuing-ca.csr -CA root.pem -CAkey root.key -CAcreateserial -days 1825 -sha256 -extfile ca.ext -out issuing-ca.pem",
              "openssl x509 -in issuing-ca.pem -noout -ext basicConstraints,keyUsage",
            ],
          },
        ],
      },
      {
        text: 'On an AD CS hierarchy, request the subordinate CA\'s certificate with the "Subordinate Certification Authority" template (`certreq` below, or the wizard when installing the subordinate CA), then reissue the server certificates from it.',
        commands: [
          {
            shell: "cmd",
            lines: [
              'certreq -submit -config "CA01.corp.contoso.com\\Contoso Root CA" -attrib "CertificateTemplate:SubCA" C:\\certs\\issuing-ca.req C:\\certs\\issuing-ca.cer',
            ],
          },
        ],
      },
      {
        text: 'Remove the wrong certificate from wherever the server takes its chain: the chain file on nginx/Apache/Postfix, the chain or bundle of a load balancer\'s TLS profile, or the Local Computer "Intermediate Certification Authorities" store on Windows.',
        commands: [
          {
            shell: "PowerShell",
            description: "List the store, then remove the wrong certificate by its thumbprint",
            lines: [
              "Get-ChildItem Cert:\\LocalMachine\\CA | Format-List Subject,Issuer,NotAfter,Thumbprint",
              "Remove-Item Cert:\\LocalMachine\\CA\\7C2F9A4E1B3D5F60718293A4B5C6D7E8F9012345",
            ],
          },
          {
            shell: "bash",
            lines: ["openssl crl2pkcs7 -nocrl -certfile /etc/ssl/certs/mail.contoso.com.fullchain.pem | openssl pkcs7 -print_certs -noout", NGINX_RELOAD_LINE],
          },
        ],
      },
      IGNORE_TRUST_FIX,
    ],
    seeAlso: ["CERT_ISSUER_KEY_USAGE", "CERT_PATH_LENGTH_EXCEEDED", "CERT_CHAIN_INCOMPLETE", "CERT_CHAIN_INVALID"],
  },
  CERT_PATH_LENGTH_EXCEEDED: {
    title: "A CA's path length constraint forbids the CAs below it",
    group: "Certificate chain and trust",
    severity: "error-or-warning",
    summary:
      "A CA certificate in the chain limits how many intermediate CAs may follow it (the path length constraint in its Basic Constraints, e.g. `CA:TRUE, pathlen:0`), and the chain has more CAs below it than that. RFC 5280 makes the whole chain invalid, and clients reject it.",
    details: [
      "`pathlen:0` means the CA may issue end-entity certificates (servers, users) but no CA certificates; `pathlen:1` allows one more level of CA below it, and so on; no `pathlen` means no limit. Only the intermediate CAs between that CA and the server certificate count, not the server certificate, and not self-issued CA certificates (a CA's own key rollover). The message names the CA whose constraint is exceeded. OpenSSL reports the same chain as `PATH_LENGTH_EXCEEDED` (`path length constraint exceeded`, verify error 25); Windows marks it with `CERT_TRUST_INVALID_BASIC_CONSTRAINTS`.",
      "Typical in enterprise PKIs: the issuing CA was correctly created with `pathlen:0`, and later someone created another CA below it (for a department, an MDM/SCEP service, a TLS-inspection proxy, a test lab) and issued the server certificate from there. Or the root was created with `pathlen:0` and a two-tier hierarchy (root, issuing CA, servers) was built under it anyway. In AD CS the constraint comes from the `[BasicConstraintsExtension]` section of `CAPolicy.inf` when the CA certificate is created or renewed.",
      trustProblemsApart("CERT_PATH_LENGTH_EXCEEDED"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Every client refuses the certificate: Outlook shows a Security Alert that the certificate can't be verified; browsers show NET::ERR_CERT_INVALID or a similar error; curl `SSL certificate problem: path length constraint exceeded`.",
      "`openssl s_client` ends with `Verify return code: 25 (path length constraint exceeded)`.",
      "`certutil -verify -urlfetch` lists `CERT_TRUST_INVALID_BASIC_CONSTRAINTS` for an element of the chain.",
    ],
    causes: [
      "A CA was created below a CA whose `pathlen` is 0 (or too small), and the server certificate was issued from it.",
      "The root or a policy CA was created with a path length that doesn't fit the hierarchy built under it.",
      "A TLS-inspection proxy re-signs traffic with its own CA, which was issued under a constrained enterprise CA.",
    ],
    fixes: [
      INSPECT_CHAIN_FIX,
      {
        text: "Count the CAs: for each CA with `pathlen:N`, at most N CA certificates may sit between it and the server certificate. Then have the server certificate issued by a CA the constraints allow: the constrained CA itself, or an issuing CA that is allowed to exist at that level. Install the matching intermediates.",
        commands: [NEW_CERTIFICATE_REQUEST, completeCertificateRequest(CERT_THUMBPRINT), IMPORT_INTERMEDIATE_WINDOWS],
      },
      {
        text: "If the extra CA level is intended, renew the constraining CA's certificate with a larger path length (or none), distribute the new CA certificate, and reissue what it signed. On AD CS set it in `C:\\Windows\\CAPolicy.inf` on that CA before renewing (a subordinate CA's renewal request goes to its parent CA, whose own constraint must allow it too).",
        commands: [
          {
            shell: "PowerShell",
            description: "On the CA whose constraint is too small",
            lines: [
              "Set-Content C:\\Windows\\CAPolicy.inf -Value '[Version]','Signature=\"$Windows NT$\"','[BasicConstraintsExtension]','PathLength=1','Critical=Yes'",
              "certutil -renewCert ReuseKeys",
            ],
          },
          {
            shell: "bash",
            description: "OpenSSL: the same CA key, a new certificate allowing one CA level below it",
            lines: [
              'openssl req -new -key policy-ca.key -subj "/CN=Contoso Policy CA" -out policy-ca.csr',
              "printf 'basicConstraints=critical,CA:TRUE,pathlen:1\\nkeyUsage=critical,keyCertSign,cRLSign\\n' > ca.ext",
              "openssl x509 -req -in policy-ca.csr -CA root.pem -CAkey root.key -CAcreateserial -days 1825 -sha256 -extfile ca.ext -out policy-ca.pem",
            ],
          },
        ],
      },
      IGNORE_TRUST_FIX,
    ],
    seeAlso: ["CERT_ISSUER_NOT_CA", "CERT_NAME_CONSTRAINTS", "CERT_CHAIN_INVALID"],
  },
  CERT_ISSUER_KEY_USAGE: {
    title: "An issuing CA's Key Usage doesn't allow certificate signing (keyCertSign)",
    group: "Certificate chain and trust",
    severity: "error-or-warning",
    summary:
      'A CA certificate that issued another certificate in the chain has a Key Usage extension without `keyCertSign` ("Certificate Signing"). Its key may only be used for the purposes listed, so the certificates it signed are invalid (RFC 5280), and clients reject the chain.',
    details: [
      'Key Usage lists what a certificate\'s key may do: `digitalSignature`, `keyEncipherment`, `keyCertSign` (sign certificates), `cRLSign` (sign revocation lists) and a few more. A CA certificate without a Key Usage extension may sign certificates; one that has the extension must list `keyCertSign`. The message names the CA and the usages it has. OpenSSL refuses the same chain with "key usage does not include certificate signing" (verify error 32; OpenSSL 3 may report "invalid CA certificate" first).',
      'It comes from CA certificates made by hand or with a wrong profile: `keyUsage = digitalSignature, keyEncipherment` copied from a server profile into a CA profile, a subordinate CA issued from a template meant for servers, or an appliance that generates its own "CA" carelessly. If the CA reissues its own certificate with the same key and a correct Key Usage, the server certificates it already issued become valid again with the new intermediate; nothing else needs reissuing.',
      trustProblemsApart("CERT_ISSUER_KEY_USAGE"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Clients refuse the certificate: Outlook shows a Security Alert that the certificate can't be verified; browsers show NET::ERR_CERT_INVALID or a similar error; curl `SSL certificate problem: key usage does not include certificate signing`.",
      "`openssl s_client` ends with `Verify return code: 32 (key usage does not include certificate signing)`.",
      "`openssl x509 -noout -ext keyUsage` on the CA certificate shows e.g. `Digital Signature, Key Encipherment` without `Certificate Sign`.",
    ],
    causes: [
      "A private CA certificate created with a Key Usage meant for servers.",
      "A subordinate CA certificate issued from a template or profile without `keyCertSign`.",
      "A device (TLS-inspection proxy, appliance) that generated its own CA certificate with a wrong Key Usage.",
    ],
    fixes: [
      INSPECT_CHAIN_FIX,
      {
        text: "Reissue the CA certificate with `keyUsage = critical, keyCertSign, cRLSign`. With OpenSSL, keep the CA's key (new certificate from a new request for the same key), so the certificates it issued stay valid; then replace the intermediate everywhere the server takes its chain from.",
        commands: [
          {
            shell: "bash",
            lines: [
              'openssl req -new -key issuing-ca.key -subj "/CN=Contoso Lab Issuing CA" -out issuing-ca.csr',
              "printf 'basicConstraints=critical,CA:TRUE,pathlen:0\\nkeyUsage=critical,keyCertSign,cRLSign\\n' > ca.ext",
              "openssl x509 -req -in issuing-ca.csr -CA root.pem -CAkey root.key -CAcreateserial -days 1825 -sha256 -extfile ca.ext -out issuing-ca.pem",
              "cat mail.contoso.com.crt issuing-ca.pem > /etc/ssl/certs/mail.contoso.com.fullchain.pem",
              NGINX_RELOAD_LINE,
            ],
          },
          IMPORT_INTERMEDIATE_WINDOWS,
        ],
      },
      REISSUE_FROM_PROPER_CA_FIX,
      IGNORE_TRUST_FIX,
    ],
    seeAlso: ["CERT_ISSUER_NOT_CA", "CERT_NOT_FOR_SERVER_AUTH", "CERT_CHAIN_INVALID"],
  },
  CERT_NAME_CONSTRAINTS: {
    title: "A CA's name constraints don't permit the certificate's names",
    group: "Certificate chain and trust",
    severity: "error-or-warning",
    summary:
      "A CA certificate in the chain carries a Name Constraints extension that limits the names the certificates below it may contain (permitted and excluded DNS or IP subtrees), and the server certificate has a name outside the permitted subtrees, or inside an excluded one. Clients that enforce name constraints, which current Windows, browsers and OpenSSL all do, reject the chain.",
    details: [
      "Name constraints are how an enterprise CA, or a subordinate CA bought from a public CA, is restricted to an organisation's own names: e.g. permitted `DNS:corp.contoso.com` and `IP:10.0.0.0/255.0.0.0`, excluded `DNS:public.contoso.com`. A DNS subtree covers the name and every name below it (`corp.contoso.com` permits `ex01.corp.contoso.com`); an IP subtree is an address and a mask. Every DNS name and IP address among the server certificate's Subject Alternative Names (its common name, when it has no DNS names) must lie inside a permitted subtree of its type (when the CA lists any) and outside every excluded one. The message names the name and the subtrees concerned; the step details name the CA. A Name Constraints extension that can't be read permits nothing, and is reported under this code too.",
      "The common case: an internal CA constrained to the internal domain (`corp.contoso.com`, `contoso.local`) issued a certificate that also lists the public names clients use (`mail.contoso.com`, `autodiscover.contoso.com`) or an IP address, which the constraint doesn't cover. Another: the organisation added a domain (a rename, a merger) that was never added to the constraint.",
      'OpenSSL reports the same chain as "permitted subtree violation" (verify error 47) or "excluded subtree violation" (48); Windows marks it with `CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT` or `CERT_TRUST_HAS_EXCLUDED_NAME_CONSTRAINT`.',
      trustProblemsApart("CERT_NAME_CONSTRAINTS"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Clients refuse the certificate although the name matches and the root is trusted: Chrome and Edge NET::ERR_CERT_NAME_CONSTRAINT_VIOLATION, Firefox SEC_ERROR_CERT_NOT_IN_NAME_SPACE, Outlook a Security Alert that the certificate can't be verified.",
      "`openssl s_client` ends with `Verify return code: 47 (permitted subtree violation)` or `48 (excluded subtree violation)`.",
      "Internal names work and the public names of the same certificate fail, or the other way round, after a new name was added to the certificate.",
    ],
    causes: [
      "The certificate lists names the constrained CA may not issue for: public names from an internal-only CA, an IP address from a DNS-only constraint.",
      "A name falls under an excluded subtree of the CA.",
      "The organisation's domains changed and the CA's constraint was never updated.",
    ],
    fixes: [
      {
        text: "Compare the CA's constraint with the certificate's names: `nameConstraints` of each CA certificate, `subjectAltName` of the server certificate. `Get-ExchangeCertificate | fl` lists the names (CertificateDomains) of the certificate Exchange uses; `certutil -verify -urlfetch` names the failing element.",
        commands: [
          {
            shell: "bash",
            lines: [...SPLIT_SENT_CHAIN_LINES, "openssl x509 -in sent-1.pem -noout -ext subjectAltName", "openssl x509 -in sent-2.pem -noout -text"],
          },
          CERTUTIL_VERIFY,
          EXCHANGE_CERTIFICATE_DETAILS,
        ],
      },
      {
        text: "Keep the names within the constraint: have the constrained CA issue certificates for internal names only, and use a certificate from a public CA for the names external clients use (one certificate per audience, or a public certificate for all of them). Request the new certificate with the right names, complete it and assign it.",
        commands: [
          {
            shell: "Exchange Management Shell",
            description: "A certificate for the internal names only, for the constrained enterprise CA",
            lines: [
              'New-ExchangeCertificate -GenerateRequest -RequestFile "\\\\EX01\\C$\\certs\\ex01_corp.req" -FriendlyName "ex01.corp.contoso.com" -SubjectName "CN=ex01.corp.contoso.com" -DomainName ex01.corp.contoso.com -KeySize 2048 -PrivateKeyExportable $true',
            ],
          },
          NEW_CERTIFICATE_REQUEST,
          completeCertificateRequest(CERT_THUMBPRINT),
        ],
      },
      {
        text: "If the names should be allowed, the CA's certificate must be reissued with updated constraints by the CA above it (for a subordinate bought from a public CA, by that CA), then distributed as the new intermediate. With OpenSSL the constraint is part of the extensions file used to sign the CA certificate:",
        commands: [
          {
            shell: "bash",
            lines: [
              "printf 'basicConstraints=critical,CA:TRUE,pathlen:0\\nkeyUsage=critical,keyCertSign,cRLSign\\nnameConstraints=critical,permitted;DNS:corp.contoso.com,permitted;DNS:contoso.com\\n' > ca.ext",
              "openssl x509 -req -in issuing-ca.csr -CA root.pem -CAkey root.key -CAcreateserial -days 1825 -sha256 -extfile ca.ext -out issuing-ca.pem",
              "openssl x509 -in issuing-ca.pem -noout -ext nameConstraints",
            ],
          },
          IMPORT_INTERMEDIATE_WINDOWS,
        ],
      },
      IGNORE_TRUST_FIX,
    ],
    seeAlso: ["CERT_NAME_MISMATCH", "CERT_UNTRUSTED_ROOT", "CERT_PATH_LENGTH_EXCEEDED"],
  },
  CERT_CHAIN_INVALID: {
    title: "OpenSSL refuses the certificate chain",
    group: "Certificate chain and trust",
    severity: "error-or-warning",
    summary:
      "The chain is refused for a reason none of the other certificate codes covers, for example a signature that doesn't verify: OpenSSL, the TLS library behind most non-Windows clients (curl, Postfix, Python, PHP, Linux and many mobile and appliance clients), refuses it against the same trust store the analyzer uses. The step details show OpenSSL's reason.",
    details: [
      "Every handshake the analyzer makes is also verified by OpenSSL against exactly the analyzer's roots (the Mozilla roots plus `NODE_EXTRA_CA_CERTS`), as a second opinion on the analyzer's own path validation. When the analyzer's validation explains a refusal (expired, self-signed, untrusted root, missing intermediate, not a CA…), that code is reported, and OpenSSL's verdict is recorded beside it. This code is what remains: the analyzer found no broken rule, but OpenSSL says no; a chain OpenSSL refuses is never reported as trusted. The analyzer reports the same code itself when a certificate's signature doesn't verify with the key of the certificate bearing its issuer's name.",
      "The step details show OpenSSL's reason as Node.js names it, with its meaning, e.g. `CERT_SIGNATURE_FAILURE: a certificate's signature doesn't verify`, and whether the analyzer and OpenSSL agree. Node names only some of OpenSSL's reasons; the others arrive as `UNSPECIFIED`, and `openssl verify` (below) gives OpenSSL's exact words.",
      'Common reasons: "certificate signature failure" (`CERT_SIGNATURE_FAILURE`, verify error 7: a certificate\'s signature doesn\'t verify with its issuer\'s key, because the certificate was altered or damaged, or the server sends an old certificate of a CA that has since been re-keyed: same name, different key); "unhandled critical extension" (`UNHANDLED_CRITICAL_EXTENSION`, 34: a certificate marks as critical an extension OpenSSL doesn\'t implement); "invalid or inconsistent certificate extension" and "invalid or inconsistent certificate policy extension" (malformed extensions, certificate policy constraints the path doesn\'t satisfy); "format error in certificate\'s notBefore field" or "notAfter field" (malformed dates); "CA certificate key too weak" and "CA signature digest algorithm too weak" (OpenSSL\'s security level).',
      "Why it matters when Windows accepts the chain: Outlook on Windows uses Windows' own chain engine, which differs from OpenSSL in details; mail servers, Linux clients, scripts and monitoring use OpenSSL. And no test here sends a password unless OpenSSL accepts the chain, so with this problem the credential steps don't send yours.",
      "The same verdict is reproducible with `openssl verify -CAfile root.pem -untrusted chain.pem leaf.pem`: it prints the reason and the depth of the certificate concerned (0 is the server certificate, 1 its issuer, and so on).",
      trustProblemsApart("CERT_CHAIN_INVALID"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Windows clients may work while curl, Postfix, Linux and some mobile clients fail with "certificate verify failed" and the same reason as in the step details.',
      "`openssl s_client` ends with a non-zero `Verify return code`, e.g. `7 (certificate signature failure)`.",
      "The analyzer's chain steps show a complete path to a trusted root, yet the trust step fails with OpenSSL's reason.",
    ],
    causes: [
      "A certificate in the chain file was altered or damaged (hand-edited PEM, a converter that re-encoded it), so its signature no longer verifies.",
      "The server sends an old certificate of its CA, from before the CA was re-keyed: the name matches the issuer of the server certificate, the key doesn't.",
      "A certificate with a critical extension OpenSSL doesn't support, a malformed extension, or certificate policy constraints the path doesn't meet (hand-made or appliance CAs).",
      "Keys or signature algorithms on CA certificates that OpenSSL's default security level rejects.",
    ],
    fixes: [
      {
        text: "Reproduce OpenSSL's verdict: save the certificates the server sends, put the intermediates in one file, and verify the server certificate against the root (your CA's root certificate, or the system bundle for a public CA). The output names the reason and the depth.",
        commands: [
          {
            shell: "bash",
            lines: [
              SAVE_SENT_CHAIN_LINE,
              "cp sent-1.pem leaf.pem && cat sent-[2-9].pem > chain.pem",
              "openssl verify -CAfile root.pem -untrusted chain.pem leaf.pem",
              "openssl verify -CAfile /etc/ssl/certs/ca-certificates.crt -untrusted chain.pem leaf.pem",
            ],
          },
        ],
      },
      {
        text: "Look at the certificate at the depth OpenSSL reports (`sent-1.pem` is depth 0, `sent-2.pem` depth 1…), and compare with Windows' verdict and the certificate Exchange uses.",
        commands: [
          {
            shell: "bash",
            lines: ["openssl x509 -in sent-2.pem -noout -text"],
          },
          CERTUTIL_VERIFY,
          EXCHANGE_CERTIFICATE_DETAILS,
        ],
      },
      {
        text: "Signature failure: replace the damaged or wrong certificate with a fresh copy from the CA (download the intermediate again from the CA's repository or the \"CA Issuers\" URL; re-download the server certificate from the CA's portal) and never edit PEM files by hand. Then rebuild the chain file or re-import into the Windows store.",
        commands: [
          {
            shell: "bash",
            lines: [
              "curl -o intermediate.der http://cacerts.example-ca.com/ExampleTLSCA.crt",
              "openssl x509 -inform der -in intermediate.der -out issuing-ca.pem",
              "cat mail.contoso.com.crt issuing-ca.pem > /etc/ssl/certs/mail.contoso.com.fullchain.pem",
              NGINX_RELOAD_LINE,
            ],
          },
          IMPORT_INTERMEDIATE_WINDOWS,
        ],
      },
      {
        text: "Extension, policy or strength reasons: have the certificate concerned reissued from a CA profile without the offending extension, with a 2048-bit or larger key and a SHA-256 signature; for the server certificate, a new request on Exchange, completed and assigned.",
        commands: [NEW_CERTIFICATE_REQUEST, completeCertificateRequest(CERT_THUMBPRINT)],
      },
      IGNORE_TRUST_FIX,
    ],
    seeAlso: ["CERT_CHAIN_INCOMPLETE", "CERT_ISSUER_NOT_CA", "CERT_WEAK_SIGNATURE", "LOGIN_FAILED"],
  },
  CERT_REVOKED: {
    title: "The certificate has been revoked",
    group: "Certificate chain and trust",
    severity: "error",
    summary:
      'The certificate authority that issued a certificate of the chain has revoked it: its OCSP responder answered "revoked", its certificate revocation list (CRL) lists the serial number, or the server stapled an OCSP response saying so. A revoked certificate must not be trusted, whatever its dates say.',
    details: [
      "How the analyzer asks: for each certificate of the built path below the root, the OCSP responder named in its Authority Information Access extension (a POST, then a GET as RFC 5019 allows), else the CRL from its CRL distribution point. The answer must be signed by the issuing CA (or by a responder certificate it issued for OCSP signing) and be current; the step shows the reason and the date of the revocation as the CA gives them. Every fetch goes through the same target policy, port list and time limits as the test itself.",
      'A stapled OCSP response (the server sends it in the TLS handshake) is judged the same way; a stapled response saying "revoked" means the server itself keeps telling clients its certificate is revoked.',
      "Reasons a CA gives: keyCompromise (the private key leaked: replace the key, not only the certificate), cACompromise, affiliationChanged, superseded (a re-issue replaced it), cessationOfOperation, certificateHold (suspended, may be released).",
    ],
    symptoms: [
      "Browsers refuse the site (NET::ERR_CERT_REVOKED); Outlook warns that the certificate has been revoked, or can't connect at all.",
      "Phones and mail servers that check revocation refuse the TLS connection.",
    ],
    causes: [
      "The certificate was re-issued (a new key, added names) and the CA revoked the old one, but the server still presents the old one.",
      "The certificate was revoked on purpose (a leaked key, a mis-issuance the CA had to revoke) and no replacement was installed.",
      "An intermediate CA certificate of the chain was revoked: the CA has published a new intermediate to use.",
    ],
    fixes: [
      {
        text: "See which certificate the server presents and ask its responder yourself: the serial number and status are in the answer.",
        commands: [
          {
            shell: "bash",
            lines: [
              `${SHOW_SENT_CHAIN_LINE} | openssl x509 -noout -serial -ocsp_uri -ext crlDistributionPoints`,
              "openssl ocsp -issuer issuing-ca.pem -cert mail_contoso_com.pem -url http://ocsp.example-ca.com -resp_text -noverify | grep -E 'Cert Status|Revocation'",
            ],
          },
        ],
      },
      {
        text: "Install the current certificate (request a new one with a new key if the reason is keyCompromise) and assign it to the services; on Exchange, remove the revoked one afterwards.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: ["Get-ExchangeCertificate | Format-List Thumbprint,Subject,NotAfter,Services,Status", enableCertificateLine("IIS,SMTP,IMAP,POP")],
          },
        ],
      },
    ],
    seeAlso: ["REVOCATION_UNCHECKED", "OCSP_STAPLE_INVALID"],
  },
  REVOCATION_UNCHECKED: {
    title: "The revocation status couldn't be checked",
    group: "Certificate chain and trust",
    severity: "warning",
    summary:
      "The analyzer asked the revocation service a certificate names (its OCSP responder or CRL distribution point) and got no usable answer: the service didn't answer in time, answered with an HTTP error, sent a response that isn't signed by the CA or is out of date, said \"unknown\", or is at an address this analyzer may not connect to. The step names the URL. The certificate may be fine, but clients that require a revocation answer (some mail servers, Windows with strict policies) may refuse it.",
    details: [
      "Clients ask the same URLs, from where they are: a responder that this analyzer can't reach may also be unreachable for clients behind the same kind of firewall. Internal CAs (Active Directory Certificate Services) often publish their CRL and OCSP only inside the network, which breaks revocation checks for clients outside.",
      "When OCSP fails but the CRL answers, the CRL's answer is used and the warning still names the OCSP responder, so that it gets fixed.",
      "A responder on a private or loopback address is refused unless the operator allows private targets (RCA_ALLOW_PRIVATE_TARGETS); a port outside RCA_ALLOWED_PORTS likewise. Only http:// responder and CRL URLs are used, as RFC 5280 and RFC 5019 expect.",
    ],
    symptoms: [
      "Slow TLS connections for clients that wait for the revocation check to time out; errors 53 or 11 in the Windows CAPI2 Operational event log (off by default: enable it in Event Viewer under Applications and Services Logs > Microsoft > Windows > CAPI2).",
      'Some clients refuse the certificate with "the revocation server was offline" or "revocation status unknown".',
    ],
    causes: [
      "An internal CA whose CRL distribution point or OCSP URL (AIA) is reachable only inside the network, or names a server that no longer exists.",
      "A firewall or proxy blocking outbound HTTP (port 80) to the CA's responder.",
      "An expired CRL that the CA didn't re-publish (the CA service stopped, or the publishing task failed).",
      "An OCSP responder that doesn't know the certificate (\"unknown\"): it was issued by another CA, or the responder's database isn't updated.",
    ],
    fixes: [
      {
        text: "Ask the URL from the step yourself, from outside the network: it must answer quickly with a current response.",
        commands: [
          {
            shell: "bash",
            lines: [
              "curl -sS -o /dev/null -w '%{http_code} %{time_total}s\\n' http://crl.contoso.com/ContosoIssuingCA.crl",
              "openssl crl -inform DER -in ContosoIssuingCA.crl -noout -lastupdate -nextupdate",
            ],
          },
          { shell: "cmd", lines: ["certutil -url mail_contoso_com.cer", "certutil -verify -urlfetch mail_contoso_com.cer"] },
        ],
      },
      {
        text: "Active Directory Certificate Services: publish the CRL on a web server reachable from outside and add that http:// location to the CA's CDP and AIA extensions, then re-issue the certificates; re-publish an expired CRL.",
        commands: [{ shell: "cmd", lines: ["certutil -getreg CA\\CRLPublicationURLs", "certutil -CRL"] }],
      },
    ],
    seeAlso: ["CERT_REVOKED", "OCSP_STAPLE_INVALID"],
  },
  OCSP_STAPLE_INVALID: {
    title: "The server staples an OCSP response clients reject",
    group: "Certificate chain and trust",
    severity: "warning",
    summary:
      'The server sends an OCSP response with its certificate in the TLS handshake (OCSP stapling), but the response is out of date, not signed by the issuing CA, about another certificate, or says "unknown". Clients ignore such a response and ask the CA themselves, or, for a certificate that requires stapling (Must-Staple), refuse the connection.',
    details: [
      "The analyzer asks for a stapled response in every handshake (status_request) and judges what comes back exactly as it judges a response fetched from the responder: signature by the issuer or its delegated responder, the certificate's serial number, and thisUpdate/nextUpdate against the current time with a few minutes' tolerance.",
      "A server that staples nothing is only noted: stapling is optional, and clients then ask the responder themselves.",
    ],
    symptoms: ["Browsers show an error only for Must-Staple certificates; other clients slow down while they ask the responder themselves."],
    causes: [
      "The web server can't reach the CA's OCSP responder to refresh its cached response (outbound HTTP blocked, no DNS resolver configured), and keeps stapling an old one.",
      "A certificate was replaced but the server still staples the response of the old certificate.",
      "A load balancer staples a response for another certificate than the one it presents.",
    ],
    fixes: [
      {
        text: "See the stapled response: `OCSP Response Status`, `Cert Status` and `Next Update` must be current and about the served certificate.",
        commands: [
          {
            shell: "bash",
            lines: [
              "openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -status </dev/null 2>/dev/null | sed -n '/OCSP response:/,/^---/p'",
            ],
          },
        ],
      },
      {
        text: "nginx: give the stapling code a resolver and the issuing chain, then reload. IIS staples automatically when the server can reach the responder.",
        commands: [
          {
            shell: "bash",
            lines: [
              "# in the server block: ssl_stapling on; ssl_stapling_verify on; ssl_trusted_certificate /etc/ssl/chain.pem; resolver 1.1.1.1;",
              NGINX_RELOAD_LINE,
            ],
          },
        ],
      },
    ],
    seeAlso: ["CERT_REVOKED", "REVOCATION_UNCHECKED"],
  },
  CT_INSUFFICIENT_SCTS: {
    title: "Too few Certificate Transparency records (SCTs)",
    group: "Certificate chain and trust",
    severity: "warning",
    summary:
      "The certificate chains to a publicly trusted root, but carries fewer valid Signed Certificate Timestamps (SCTs) than Chrome's and Apple's Certificate Transparency policies require, or all of them come from logs of one operator. Those browsers and apps may refuse it. The analyzer counts the SCTs embedded in the certificate and those in a stapled OCSP response, and verifies each log's signature with the log's key from its bundled copy of Chrome's log list.",
    details: [
      "The policies: an embedded-SCT certificate valid for 180 days or less needs SCTs from 2 logs, a longer one from 3; SCTs delivered by OCSP or TLS need 2. In every case the logs must belong to at least 2 different operators. An SCT whose signature doesn't verify, that is dated in the future, or that repeats a log counts once or not at all.",
      "SCTs sent in the TLS extension (signed_certificate_timestamp) are only sent to clients that ask for them, and the analyzer's TLS library doesn't: a server that delivers its SCTs only that way shows fewer here than browsers see. That is why this is a warning, not an error. Certificates from private CAs (roots you added) aren't subject to CT: the step says so.",
      "Logs newer than the bundled list (its date is in the step details) are counted, but can't be named or verified.",
    ],
    symptoms: [
      "Chrome: NET::ERR_CERTIFICATE_TRANSPARENCY_REQUIRED; Safari and Apple mail clients: the certificate isn't trusted.",
      "Other clients work, which makes the problem look browser-specific.",
    ],
    causes: [
      "A certificate issued by a public CA without embedding SCTs (rare; some CAs offered it on request for internal names, which is no longer possible).",
      "A certificate logged only to logs that are no longer usable, or to logs of one operator.",
    ],
    fixes: [
      {
        text: "See the SCTs the certificate carries (the log ids and timestamps), then ask the CA to re-issue it: current public CAs embed enough SCTs from different operators in every certificate.",
        commands: [
          {
            shell: "bash",
            lines: [`${SHOW_SENT_CHAIN_LINE} 2>/dev/null | openssl x509 -noout -text | sed -n '/CT Precertificate SCTs/,/Signature Algorithm/p'`],
          },
        ],
      },
    ],
    seeAlso: ["CERT_UNTRUSTED_ROOT", "CAA_FORBIDS_ISSUER"],
  },
  CAA_FORBIDS_ISSUER: {
    title: "The domain's CAA records don't allow the certificate's CA",
    group: "Certificate chain and trust",
    severity: "warning",
    summary:
      "The DNS CAA records of the host name (or of its nearest parent that has any, RFC 8659) name the certificate authorities allowed to issue for it, and the CA that issued this certificate isn't among them. Clients never check CAA, so the installed certificate keeps working; but the CA must refuse the next renewal, and a certificate issued against these records was mis-issued or issued before they changed.",
    details: [
      'The analyzer looks up CAA for the host name, then each parent domain, and uses the first set of records it finds, as CAs do. A wildcard name (`*.contoso.com`) is judged against `issuewild` when present, else `issue`. `issue ";"` forbids every CA; a critical tag the analyzer doesn\'t know forbids issuance too.',
      "The CA is recognised by the issuer's organisation or name from a table of the major public CAs and their CAA identifiers (letsencrypt.org, digicert.com, sectigo.com, globalsign.com, pki.goog, amazon.com…). An issuer the table doesn't know is reported as information (\"can't tell\"), never as this problem.",
      "A chain pasted into the Certificate file test is judged without DNS: the CAA step is skipped there.",
    ],
    symptoms: [
      "The certificate renewal fails at the CA with a CAA error (`CAA record for contoso.com prevents issuance`).",
      "Automated renewals (certbot, win-acme, the hosting provider's) stop working after someone added CAA records for another CA.",
    ],
    causes: [
      "CAA records added for a new CA while certificates from the old one are still in use.",
      "A CAA record at the parent domain that no one remembered applies to this host name.",
      "The CA issues under another identifier than the one in the records (e.g. `sectigo.com` vs `comodoca.com`, `digicert.com` for its brands).",
    ],
    fixes: [
      {
        text: "See the records that apply (the host name's, else its parents'), then add the CA you use before the next renewal, e.g. `contoso.com. 3600 IN CAA 0 issue \"letsencrypt.org\"`.",
        commands: [
          { shell: "bash", lines: ["dig +short CAA mail.contoso.com", "dig +short CAA contoso.com"] },
          { shell: "PowerShell", lines: ["Resolve-DnsName contoso.com -Type CAA"] },
        ],
      },
    ],
    seeAlso: ["CT_INSUFFICIENT_SCTS", "CERT_NAME_MISMATCH"],
  },
} satisfies HelpPages;
