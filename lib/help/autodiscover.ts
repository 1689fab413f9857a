import { SHOW_SERVED_CERTIFICATE } from "./commands";
import type { HelpCommand, HelpPages } from "./types";

/** The Autodiscover URL of the example organisation, in the form Exchange cmdlets print it. */
const AUTODISCOVER_URL = "https://autodiscover.contoso.com/Autodiscover/Autodiscover.xml";

/** The request Outlook POSTs; saved to a file so curl can send it as Outlook does. */
const OUTLOOK_REQUEST_FILE = [
  "cat > request.xml <<'EOF'",
  '<?xml version="1.0" encoding="utf-8"?>',
  '<Autodiscover xmlns="http://schemas.microsoft.com/exchange/autodiscover/outlook/requestschema/2006"><Request><EMailAddress>jdoe@contoso.com</EMailAddress><AcceptableResponseSchema>http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a</AcceptableResponseSchema></Request></Autodiscover>',
  "EOF",
];

const POST_OUTLOOK_REQUEST: HelpCommand = {
  shell: "bash",
  description: "Send Outlook's request with NTLM (curl asks for the password) and show the answer; use --basic to test Basic",
  lines: [
    ...OUTLOOK_REQUEST_FILE,
    "curl -s --ntlm -u 'CONTOSO\\jdoe' -H 'Content-Type: text/xml' --data-binary @request.xml https://autodiscover.contoso.com/autodiscover/autodiscover.xml",
  ],
};

const AUTODISCOVER_IIS_LOG: HelpCommand = {
  shell: "PowerShell",
  description: "The Autodiscover requests in the newest IIS log of the Default Web Site (status, sub-status and the user are in the line)",
  lines: [
    'Get-ChildItem C:\\inetpub\\logs\\LogFiles\\W3SVC1\\ | Sort-Object LastWriteTime | Select-Object -Last 1 | Get-Content -Tail 2000 | Select-String "/autodiscover/autodiscover.xml"',
  ],
};

const RESTART_AUTODISCOVER_POOL = "Restart-WebAppPool MSExchangeAutodiscoverAppPool";

/** Setup (Autodiscover): how Outlook finds its settings, what it receives, and the EXPR principal it is told to expect. */
export const AUTODISCOVER_HELP = {
  AUTODISCOVER_NOT_FOUND: {
    title: "No Autodiscover service found for the domain",
    group: "Autodiscover",
    severity: "error",
    summary:
      "The analyzer looked for the Autodiscover service of the e-mail address's domain in every place Outlook looks from outside the network, and found none: Outlook (and phones, and other Exchange clients) can't find the mailbox's settings by themselves, so automatic account setup fails.",
    details: [
      "Outlook outside the network tries, in this order, and stops at the first that answers: (1) `https://contoso.com/autodiscover/autodiscover.xml` (the domain itself); (2) `https://autodiscover.contoso.com/autodiscover/autodiscover.xml`; (3) the HTTP redirect method: a GET to `http://autodiscover.contoso.com/autodiscover/autodiscover.xml` that must answer `302 Found` with a Location on an https URL, to which Outlook then sends its request; (4) the DNS SRV record `_autodiscover._tcp.contoso.com`, whose target host and port name the endpoint (`https://<target>:<port>/autodiscover/autodiscover.xml`). The analyzer does the same, with the same order, and shows each attempt as a step with the reason it failed.",
      "An endpoint counts as found when it answers Outlook's POST like Exchange does: with 401 and the authentication methods when no credentials are sent, or with an Autodiscover response. A web site that answers with its own page, a 404 or a redirect of the POST is not an Autodiscover endpoint. For the endpoint to be usable by Outlook, its certificate must also be valid for the host name (for method 2, `autodiscover.contoso.com` must be on the certificate); the certificate steps under each attempt say why one was refused.",
      "Computers joined to the domain, inside the network, first read the Service Connection Point (SCP) that Exchange publishes in Active Directory (`AutoDiscoverServiceInternalUri`), so Autodiscover can work inside and fail outside: the analyzer tests from outside, like a home or mobile client. Outlook 2016 and later may also try Microsoft 365 first for some accounts; that doesn't apply to on-premises mailboxes.",
    ],
    symptoms: [
      'Outlook can\'t create the profile: "An encrypted connection to your mail server is not available. Click Next to attempt using an unencrypted connection.", then "The action cannot be completed. The connection to Microsoft Exchange is unavailable."',
      "Phones and tablets (Exchange ActiveSync) don't find the server by the e-mail address alone and ask for the server name.",
      'Existing profiles work, but from outside Outlook shows "Your Out of Office settings cannot be displayed, because the server is currently unavailable", free/busy is empty and the offline address book doesn\'t download: those URLs come from Autodiscover.',
      "Outlook's Test E-mail AutoConfiguration (Ctrl+right-click the Outlook icon in the notification area) lists every URL as failed in the Log tab (0x80072EE7 when the name doesn't resolve).",
    ],
    causes: [
      "No DNS record for `autodiscover.contoso.com` in the public zone (and no SRV record), or one that points to an old server.",
      "The certificate doesn't include `autodiscover.contoso.com`, so the HTTPS connection is refused and the method counts as failed.",
      "The firewall, reverse proxy or load balancer publishes `/owa` and `/rpc` but not `/autodiscover`, or port 443 of the Autodiscover name isn't forwarded to Exchange.",
      "Autodiscover is only configured inside: the SCP (`AutoDiscoverServiceInternalUri`) and an internal DNS zone work for domain-joined computers, but there is no public record.",
      "The domain's own web site (`https://contoso.com`) is hosted elsewhere and answers the Autodiscover path with its 404 page (harmless when a later method works).",
      "The HTTP redirect site or the SRV record points to a host or port that doesn't answer, or the redirect goes to an http URL (Outlook only follows it to https).",
    ],
    fixes: [
      {
        text: "Publish the DNS record in the public zone of the domain. The usual one is `autodiscover IN CNAME mail.contoso.com.` (an A record to the public address works too). When you can't have `autodiscover.contoso.com` on the certificate (e.g. one certificate for several domains), publish an SRV record instead: `_autodiscover._tcp IN SRV 0 0 443 mail.contoso.com.` (priority 0, weight 0, port 443, target mail.contoso.com, which must be on the certificate). On a Windows DNS server:",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Add-DnsServerResourceRecordCName -ZoneName contoso.com -Name autodiscover -HostNameAlias mail.contoso.com",
              "Add-DnsServerResourceRecord -Srv -ZoneName contoso.com -Name _autodiscover._tcp -DomainName mail.contoso.com -Priority 0 -Weight 0 -Port 443",
            ],
          },
        ],
      },
      {
        text: "Check what the Internet sees: the name must resolve to the address that publishes Exchange, and the SRV record must name a host and port 443. Inside a network with its own internal zone (split DNS), ask a public resolver instead: add `-Server 1.1.1.1` (dig: `@1.1.1.1`).",
        commands: [
          {
            shell: "PowerShell",
            lines: ["Resolve-DnsName autodiscover.contoso.com", "Resolve-DnsName -Type SRV _autodiscover._tcp.contoso.com"],
          },
          {
            shell: "bash",
            lines: ["dig +short autodiscover.contoso.com", "dig +short SRV _autodiscover._tcp.contoso.com"],
          },
        ],
      },
      {
        text: "Check that the endpoint answers like Exchange: without credentials, a POST must get `401 Unauthorized` with `WWW-Authenticate` headers (Negotiate, NTLM, Basic). A 404, a 403, a login page or a timeout mean the request doesn't reach Exchange's Autodiscover virtual directory. For the HTTP redirect method, a GET on port 80 must answer `302 Found` with `Location: https://…`.",
        commands: [
          {
            shell: "bash",
            lines: [
              "curl -v -X POST -d '' https://autodiscover.contoso.com/autodiscover/autodiscover.xml",
              "curl -sI http://autodiscover.contoso.com/autodiscover/autodiscover.xml",
            ],
          },
        ],
      },
      {
        text: "Check the Autodiscover virtual directory and the internal URI on the Exchange server (Exchange 2016/2019; `Set-ClientAccessServer` on Exchange 2013). The virtual directory must exist on every server that gets external traffic, with Windows (Negotiate/NTLM) and Basic authentication as your clients need; the SCP should name the Autodiscover host name, not a server name.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-AutodiscoverVirtualDirectory | fl InternalUrl,ExternalUrl,*Authentication",
              "Get-ClientAccessService | fl Name,AutoDiscoverServiceInternalUri",
              `Set-ClientAccessService -Identity EX01 -AutoDiscoverServiceInternalUri ${AUTODISCOVER_URL}`,
            ],
          },
        ],
      },
      {
        text: "Make sure the certificate bound to IIS carries `autodiscover.contoso.com` (for method 2) or the SRV target (for method 4), and that the firewall or reverse proxy publishes `/autodiscover/*` to Exchange with its authentication passed through.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: ["Get-ExchangeCertificate | fl Subject,CertificateDomains,Services,Thumbprint"],
          },
        ],
      },
      {
        text: "Verify from the Exchange side that the services Autodiscover hands out work for a mailbox, then run this test again. From a client, Outlook's Test E-mail AutoConfiguration shows which method succeeded.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: ["Test-OutlookWebServices -Identity jdoe@contoso.com | fl"],
          },
        ],
      },
    ],
    seeAlso: ["DNS_NO_RECORD", "CERT_NAME_MISMATCH", "HTTP_UNEXPECTED_STATUS", "AUTODISCOVER_BAD_RESPONSE"],
  },
  AUTODISCOVER_BAD_RESPONSE: {
    title: "The Autodiscover service answered with an error or with something the client can't use",
    group: "Autodiscover",
    severity: "error-or-warning",
    summary:
      "The Autodiscover endpoint was reached, but what it sent back isn't settings the client can use: an Autodiscover error (`<Error>` with an `<ErrorCode>`), a body that isn't a valid Autodiscover XML response at all, a chain of redirects Outlook won't follow, or settings without the URL the test needs: no EWS URL (EWS test), no MobileSync URL (ActiveSync test), no EXPR provider (Outlook Anywhere test with Autodiscover), or a URL that isn't https. Error: the client has nothing it can use. Warning: the settings lack the ActiveSync URL, and the analyzer, like a phone, goes on at `https://<Autodiscover host>/Microsoft-Server-ActiveSync`. (Inside Outlook's search, what fails in one method is a warning, since Outlook goes on to the next method.)",
    details: [
      "Autodiscover error codes (MS-OXDSCLI): 500, \"The e-mail address cannot be found\": no mailbox has this address, or the server can't tell how to configure it (the usual answer for a misspelled address or a mailbox that doesn't exist); 501, bad address: the address is known but has no configuration to give (for example a mail contact or a mail user without a mailbox here); 600, \"Invalid Request\": the request was not a well-formed Autodiscover request (Exchange also answers 600 to a browser's GET); 601: the server can't provide configuration of the requested type (the AcceptableResponseSchema isn't supported); 602, bad address: the address is known, but its configuration is broken; 603: the Autodiscover server failed internally. The step details show ErrorCode, Message and DebugData as the server sent them.",
      "A response that isn't Autodiscover XML: an HTML page (a reverse proxy's or a WAF's sign-in or block page, a captive portal, an IIS error page), an empty body, a document whose root isn't `<Autodiscover>`, or one whose `<Response>` has neither an `<Account>` with an `<Action>` (settings, redirectAddr or redirectUrl) nor an `<Error>`. Outlook can't use any of these.",
      "Refused for safety, without being parsed: a response with a DTD (`<!DOCTYPE` or `<!ENTITY>`; Exchange never sends one, and entity tricks like the \"billion laughs\" or external entities that read files are how such documents attack parsers), a response larger than the analyzer's limit (Exchange's are a few KiB; a larger one is refused, not truncated), XML nested deeper than the analyzer's limit, and a response cut short.",
      "Redirects: Autodiscover may answer redirectAddr (ask again for another address, e.g. a mailbox moved to Exchange Online) or redirectUrl (post the request to another URL). The analyzer follows them like Outlook; a redirectUrl that isn't https, or more than 10 redirects in a row (a loop), ends the search with this problem.",
      "Settings without what a test needs. Each test reads the settings for its own service. EWS takes the `EwsUrl` of the EXPR provider (the EWS virtual directory's ExternalUrl), else that of the EXCH provider (its InternalUrl, with a note that clients outside may not find EWS); with neither, or with one that isn't https, the EWS test reports this problem and has no EWS URL to test. ActiveSync asks with the mobile schema and takes the `Url` of the MobileSync server (the ActiveSync virtual directory's ExternalUrl): without one, a warning, and the test goes on at `https://<Autodiscover host>/Microsoft-Server-ActiveSync` as a phone would; with an http one, an error (devices don't send a password to it), and the test stops there. Outlook Anywhere with \"Use Autodiscover\" needs the EXPR provider with its server (the Outlook Anywhere ExternalHostname): without it, Outlook Anywhere isn't published to clients outside the network, so the test reports this problem and tests no RPC proxy.",
      "Autodiscover hands out settings only to credentials, so none of this is checked without them: EWS and ActiveSync then try their default URL on the Autodiscover host. The MAPI over HTTP test doesn't report this problem: when the settings have no `mapiHttp` protocol with an https external Mail Store URL, it says why and tests `/mapi/` on the Outlook Anywhere server Autodiscover names, or on the Autodiscover host. Outlook itself still needs that URL to use MAPI over HTTP from outside.",
    ],
    symptoms: [
      'Outlook can\'t set up the account ("The action cannot be completed" or "Something went wrong"), although the Autodiscover URL is reachable.',
      "Outlook's Test E-mail AutoConfiguration shows the URL as failed with an error in the XML tab (e.g. `<ErrorCode>500</ErrorCode>`), or shows an HTML page instead of XML.",
      "It works for some users and not for others (error 500 or 501 for addresses that don't belong to a mailbox on this organisation).",
      "Outlook for Mac and other EWS clients can't find EWS, although Outlook on Windows works; free/busy and Out of Office fail from outside.",
      "Phones don't set themselves up from the e-mail address and ask for the server name, although Autodiscover answers.",
      "Outlook can't connect from outside with Outlook Anywhere: Autodiscover hands it no external (EXPR) settings.",
    ],
    causes: [
      "The e-mail address has no mailbox (typo, the address is not among the mailbox's EmailAddresses, or it belongs to a contact or a mail user); error 500 or 501.",
      "A reverse proxy or WAF in front of Exchange answers with its own sign-in page (pre-authentication, forms login), blocks the POST or rewrites the body, so Exchange never sees Outlook's request (HTML instead of XML, or error 600).",
      "A client or proxy asks for a response schema the server doesn't serve (Outlook's is `http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a`, phones' and the ActiveSync test's `http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006`); error 601.",
      "The Autodiscover application pool or the server is failing (error 603, or 500 responses with a stack trace in the event log).",
      "A misconfigured redirect: redirectUrl to an http URL, or two servers (or on-premises and Exchange Online) redirecting to each other.",
      "A virtual directory without the URL clients outside need: EWS without ExternalUrl (and InternalUrl), or with an http one; ActiveSync without ExternalUrl, or with an http one; /mapi without ExternalUrl.",
      "Outlook Anywhere without ExternalHostname, or the EXPR Outlook provider removed from Active Directory: Autodiscover then gives no EXPR provider.",
    ],
    fixes: [
      {
        text: "Check that the address belongs to a mailbox on this organisation, and which: the primary SMTP address, all proxy addresses and the UPN. Use the address Autodiscover knows (or add it as a proxy address), and sign in as the account that owns the mailbox.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-Mailbox jdoe@contoso.com | fl DisplayName,PrimarySmtpAddress,EmailAddresses,UserPrincipalName",
              "Get-Recipient jdoe@contoso.com | fl RecipientTypeDetails,PrimarySmtpAddress",
            ],
          },
        ],
      },
      {
        text: "Send Outlook's own request and read the answer: an `<Error>` with its ErrorCode and Message, an HTML page (then the request didn't reach Exchange), or settings (then a device in between changes something only for some clients). The request must use Outlook's AcceptableResponseSchema, as below.",
        commands: [POST_OUTLOOK_REQUEST],
      },
      {
        text: "If a reverse proxy, load balancer or WAF is in front: publish `/autodiscover/*` as a pass-through (no pre-authentication, no forms login, no body inspection that rewrites XML), allow `POST` with `Content-Type: text/xml`, and let the `Authorization` header reach Exchange.",
      },
      {
        text: "Settings without a test's URL: give each virtual directory the https URL clients outside use, on every server; Autodiscover hands out the EWS URL from the EWS virtual directory (ExternalUrl for EXPR, InternalUrl for EXCH), the MobileSync URL from the ActiveSync one, and the MAPI over HTTP URLs from the /mapi one (setting a URL there requires `-IISAuthenticationMethods` too).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-WebServicesVirtualDirectory | fl Server,InternalUrl,ExternalUrl",
              'Set-WebServicesVirtualDirectory -Identity "EX01\\EWS (Default Web Site)" -ExternalUrl https://mail.contoso.com/EWS/Exchange.asmx -InternalUrl https://mail.contoso.com/EWS/Exchange.asmx',
              "Get-ActiveSyncVirtualDirectory | fl Server,InternalUrl,ExternalUrl",
              'Set-ActiveSyncVirtualDirectory -Identity "EX01\\Microsoft-Server-ActiveSync (Default Web Site)" -ExternalUrl https://mail.contoso.com/Microsoft-Server-ActiveSync',
              "Get-MapiVirtualDirectory | fl Server,InternalUrl,ExternalUrl",
              'Set-MapiVirtualDirectory -Identity "EX01\\mapi (Default Web Site)" -ExternalUrl https://mail.contoso.com/mapi -IISAuthenticationMethods Ntlm,Negotiate,OAuth',
            ],
          },
        ],
      },
      {
        text: "No EXPR provider: give Outlook Anywhere an external host name (Exchange 2010: enable Outlook Anywhere first), and check that the Outlook providers EXCH, EXPR and WEB exist; recreate EXPR if it was removed, and check its settings (`Set-OutlookProvider EXPR`, e.g. its CertPrincipalName: see AUTODISCOVER_PRINCIPAL_MISMATCH).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-OutlookAnywhere | fl Server,ExternalHostname,ExternalClientsRequireSsl,ExternalClientAuthenticationMethod",
              'Set-OutlookAnywhere -Identity "EX01\\Rpc (Default Web Site)" -ExternalHostname mail.contoso.com -ExternalClientsRequireSsl $true -ExternalClientAuthenticationMethod NTLM',
              "Get-OutlookProvider | fl Name,Server,CertPrincipalName",
            ],
          },
          {
            shell: "Exchange Management Shell",
            description: "Only if Get-OutlookProvider lists no EXPR",
            lines: ["New-OutlookProvider -Name EXPR"],
          },
        ],
      },
      {
        text: "Autodiscover reads these settings from Active Directory and caches them: recycle its application pool on each server (`Restart-WebAppPool MSExchangeAutodiscoverAppPool`) to hand out the new values at once, then run the test again with credentials (settings are only handed out to them).",
      },
      {
        text: "Read what Exchange saw: the IIS log line of the request (status and sub-status), the Autodiscover protocol log (`%ExchangeInstallPath%Logging\\Autodiscover\\`) and the Application event log (source MSExchange Autodiscover). Restart the Autodiscover application pool after fixing a failing configuration.",
        commands: [AUTODISCOVER_IIS_LOG, { shell: "PowerShell", lines: [RESTART_AUTODISCOVER_POOL] }],
      },
      {
        text: "Verify from the Exchange server, then run this test again.",
        commands: [{ shell: "Exchange Management Shell", lines: ["Test-OutlookWebServices -Identity jdoe@contoso.com | fl"] }],
      },
    ],
    seeAlso: ["AUTODISCOVER_NOT_FOUND", "LOGIN_FAILED", "HTTP_UNEXPECTED_STATUS", "AUTODISCOVER_PRINCIPAL_MISMATCH"],
  },
  AUTODISCOVER_PRINCIPAL_MISMATCH: {
    title: "Autodiscover's EXPR CertPrincipalName doesn't match the Outlook Anywhere server's certificate",
    group: "Autodiscover",
    severity: "error-or-warning",
    summary:
      "Autodiscover tells Outlook which name the Outlook Anywhere (EXPR) server's certificate must carry: the `CertPrincipalName` of the EXPR provider, e.g. `msstd:mail.contoso.com`. The certificate that server presents doesn't carry that name, so Outlook refuses to connect through it. Error: the name matches neither the certificate's common name nor any of its Subject Alternative Names. Warning: it matches only a Subject Alternative Name, which current Outlook accepts and older clients don't.",
    details: [
      'Where the principal comes from: the EXPR (external Outlook Anywhere) Outlook provider in Active Directory. When its `CertPrincipalName` is set, Autodiscover sends it in the EXPR section and Outlook writes it into the profile ("Only connect to proxy servers that have this principal name in their certificate"); when it is empty, Autodiscover sends none and Outlook uses `msstd:` plus the EXPR server name (the Outlook Anywhere ExternalHostname). Since Outlook rewrites the profile at every Autodiscover refresh, correcting the value by hand in Outlook doesn\'t last.',
      "How the analyzer compares: it takes the EXPR `CertPrincipalName` from the Autodiscover response (or `msstd:<EXPR server>` when there is none), connects to the EXPR server on port 443, removes `msstd:` and compares the rest with the certificate's names as a literal, case-insensitive string, the Subject common name first: a common name match is a success, a match with a Subject Alternative Name only is a warning, no match is an error. Wildcard rules are not applied, as Outlook doesn't apply them: `msstd:*.contoso.com` matches a certificate whose common name is `*.contoso.com`, but `msstd:mail.contoso.com` doesn't match it.",
      "The comparison is the same as the Outlook Anywhere test's mutual authentication check (MUTUAL_AUTH_MISMATCH); the difference is where the principal comes from: here Autodiscover hands it out, there you type it. It matters for Outlook using RPC over HTTP; Outlook connecting with MAPI over HTTP doesn't check the msstd: principal.",
    ],
    symptoms: [
      'Outlook shows "There is a problem with the proxy server\'s security certificate. The name on the security certificate is invalid or does not match the name of the target site mail.contoso.com. Outlook is unable to connect to the proxy server. (Error Code 10)".',
      "Outlook prompts for the password again and again from outside the network and stays Disconnected, although the password is right and the certificate is valid in a browser.",
      "Fixing the principal by hand in Outlook's Exchange Proxy Settings helps until the next restart of Outlook, then the old value comes back.",
    ],
    causes: [
      "The EXPR provider's CertPrincipalName still names the old certificate's host after the certificate was replaced (e.g. `msstd:owa.contoso.com` while the new certificate is issued to `mail.contoso.com`).",
      "The certificate is a wildcard certificate (`CN=*.contoso.com`) and the principal is a host name (`msstd:mail.contoso.com`), or the other way round.",
      "CertPrincipalName is empty, and the Outlook Anywhere ExternalHostname isn't the certificate's common name.",
      "The name is only a Subject Alternative Name of the certificate, not its common name (warning).",
      "The EXPR server is reached through a load balancer or reverse proxy that presents another certificate than Exchange's.",
    ],
    fixes: [
      {
        text: "Find the certificate's common name as clients receive it from the EXPR server, and the value Autodiscover hands out.",
        commands: [
          SHOW_SERVED_CERTIFICATE,
          {
            shell: "Exchange Management Shell",
            lines: ["Get-OutlookProvider EXPR | fl CertPrincipalName", "Get-OutlookAnywhere | fl Server,ExternalHostname"],
          },
        ],
      },
      {
        text: "Set the principal to `msstd:` plus the certificate's common name, exactly as it is written on the certificate; with a wildcard certificate, `msstd:*.contoso.com`. Or clear it with `$null`, so that Outlook uses `msstd:<ExternalHostname>` (right only when that name is the certificate's common name).",
        commands: [
          {
            shell: "Exchange Management Shell",
            description: "Certificate issued to mail.contoso.com",
            lines: ['Set-OutlookProvider EXPR -CertPrincipalName:"msstd:mail.contoso.com"'],
          },
          {
            shell: "Exchange Management Shell",
            description: "Wildcard certificate *.contoso.com",
            lines: ['Set-OutlookProvider EXPR -CertPrincipalName:"msstd:*.contoso.com"'],
          },
          {
            shell: "Exchange Management Shell",
            description: "Let Outlook use msstd:<ExternalHostname>",
            lines: ["Set-OutlookProvider EXPR -CertPrincipalName:$null"],
          },
        ],
      },
      {
        text: "Make Autodiscover hand out the new value: it reads the Outlook providers from Active Directory and caches them, so the change can take a while (and Active Directory replication) to appear. Recycling the Autodiscover application pool on each Client Access server applies it at once; Outlook picks it up at its next Autodiscover refresh (restart Outlook).",
        commands: [{ shell: "PowerShell", lines: [RESTART_AUTODISCOVER_POOL] }],
      },
      {
        text: "Run this test again: the EXPR principal step must now say that the certificate's common name matches. In Outlook, Test E-mail AutoConfiguration shows the CertPrincipalName it received in the XML tab.",
      },
    ],
    seeAlso: ["MUTUAL_AUTH_MISMATCH", "CERT_NAME_MISMATCH"],
  },
} satisfies HelpPages;
