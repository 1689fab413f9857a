import { ENABLE_CERTIFICATE_FOR_IIS, NEW_CERTIFICATE_REQUEST, SHOW_SERVED_CERTIFICATE } from "./commands";
import type { HelpCommand, HelpPages } from "./types";

const CERTIFICATE_SUBJECT_LINE = "Get-ExchangeCertificate | fl Subject,CertificateDomains,Services,Thumbprint";

const GET_EXPR_PROVIDER_LINE = "Get-OutlookProvider EXPR | fl Name,CertPrincipalName,Server";

/** Sets the principal that Autodiscover hands out in the EXPR section, e.g. `"msstd:mail.contoso.com"`. */
function setExprPrincipalLine(principal: string): string {
  return `Set-OutlookProvider EXPR -CertPrincipalName:"${principal}"`;
}

const SET_WILDCARD_PRINCIPAL: HelpCommand = {
  shell: "Exchange Management Shell",
  description: "Wildcard certificate *.contoso.com",
  lines: [setExprPrincipalLine("msstd:*.contoso.com")],
};

/** What Outlook Anywhere itself checks: the msstd: mutual authentication principal. */
export const EXCHANGE_HELP = {
  MUTUAL_AUTH_MISMATCH: {
    title: "Mutual authentication failed: certificate name does not match the msstd: principal",
    group: "Outlook Anywhere",
    severity: "error-or-warning",
    summary:
      "Outlook Anywhere (RPC over HTTP) clients only connect to an RPC proxy whose certificate carries the expected principal name, and this certificate does not. The analyzer reads the certificate's Subject (common name) and compares it with the mutual authentication principal (for example `msstd:mail.contoso.com`); they don't match, so Outlook will refuse the server and users cannot connect with Outlook Anywhere.",
    details: [
      'The principal is Outlook\'s setting "Only connect to proxy servers that have this principal name in their certificate", in the Exchange Proxy Settings of the account. Its format is `msstd:` followed by a fully qualified domain name, e.g. `msstd:mail.contoso.com`. Outlook normally receives it through Autodiscover: the `CertPrincipalName` of the EXPR Outlook provider in Active Directory (see `Get-OutlookProvider EXPR`) is returned to clients in the Autodiscover response; when it is empty, Outlook uses the Outlook Anywhere server name (`msstd:<ExternalHostname>`). In this test, the principal is the value you entered as "mutual authentication principal", or `msstd:<host>` when you left it empty.',
      "How the analyzer decides: it removes the `msstd:` prefix and compares the rest with the certificate's Subject common name as a literal, case-insensitive string. Wildcard rules are not applied, because the Outlook Anywhere principal check does not apply them either (which is why Microsoft's guidance for wildcard certificates is to publish a wildcard principal). So `msstd:*.contoso.com` matches a certificate whose common name is `*.contoso.com`, but `msstd:mail.contoso.com` does NOT match a wildcard certificate `*.contoso.com`, although that certificate is perfectly valid for mail.contoso.com in a browser. The analyzer then reports: \"The certificate common name *.contoso.com doesn't validate against the mutual authentication string that was provided: msstd:mail.contoso.com\", and suggests the principal that would work (`msstd:` plus the common name).",
      "If the common name does not match but one of the certificate's Subject Alternative Names equals the principal (again literally), the result is a warning instead of an error: Outlook on Windows Vista and later accepts a match in the Subject Alternative Name, while older clients require the principal to be the common name.",
      "This check is separate from the normal host name check (CERT_NAME_MISMATCH): a certificate can be valid for mail.contoso.com under browser rules and still fail mutual authentication, and vice versa. It concerns Outlook Anywhere (RPC over HTTP) only. Outlook connecting with MAPI over HTTP (the default for Exchange 2016/2019 and the only protocol in Microsoft 365, where RPC over HTTP was retired) does not use the msstd: principal; on-premises Exchange with RPC over HTTP clients does.",
    ],
    symptoms: [
      "Users are repeatedly prompted for credentials and are unable to connect using Outlook Anywhere, although user name and password are right.",
      'Outlook 2007 automatic profile creation (Autodiscover) fails with the error "There is no encrypted connection available. Verify your server\'s encryption settings."',
      'Outlook connects where it does not use the external Outlook Anywhere connection (MAPI over HTTP, or RPC/TCP inside the network with Exchange 2010) but shows "Disconnected" or "Trying to connect…" when it has to go through the RPC proxy from outside.',
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
            lines: [CERTIFICATE_SUBJECT_LINE],
          },
          SHOW_SERVED_CERTIFICATE,
        ],
      },
      {
        text: 'Check the principal in Outlook: File > Account Settings > Account Settings > select the Exchange account > Change > More Settings > Connection tab > Exchange Proxy Settings (Outlook 2007: Tools > Account Settings). "Only connect to proxy servers that have this principal name in their certificate" must contain `msstd:` followed by the certificate\'s common name exactly as it appears, e.g. `msstd:mail.contoso.com`, or `msstd:*.contoso.com` for a wildcard certificate. For profiles created by Autodiscover, also fix the next step, or Autodiscover will put the wrong value back.',
      },
      {
        text: "Check and correct the principal that Autodiscover hands out: the `CertPrincipalName` of the EXPR (external Outlook Anywhere) Outlook provider. Set it to `msstd:` plus the certificate's common name; with a wildcard certificate use `msstd:*.contoso.com`; set it to `$null` to let Outlook use the Outlook Anywhere server name (only right when that name is the certificate's common name). On Exchange 2013 and later the EXCH provider (internal Outlook Anywhere) has its own CertPrincipalName; check it as well. Outlook picks up the change at its next Autodiscover refresh (restart Outlook); recycling the Autodiscover application pool makes the server answer with the new value right away.",
        commands: [
          {
            shell: "Exchange Management Shell",
            description: "Certificate issued to mail.contoso.com",
            lines: [GET_EXPR_PROVIDER_LINE, setExprPrincipalLine("msstd:mail.contoso.com")],
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
        text: 'Alternatively, make the certificate match the principal: request a certificate whose Subject common name is the Outlook Anywhere host name (`-SubjectName "CN=mail.contoso.com"`), and assign it to IIS.',
        commands: [NEW_CERTIFICATE_REQUEST, ENABLE_CERTIFICATE_FOR_IIS],
      },
      {
        text: "Verify: in Outlook, Ctrl+right-click the Outlook icon in the notification area > Test E-mail AutoConfiguration, and check that the `CertPrincipalName` in the EXPR section of the XML is the one you set; then re-run this test with exactly that principal (enter `msstd:*.contoso.com` when you test a wildcard certificate).",
      },
    ],
    seeAlso: ["CERT_NAME_MISMATCH", "HTTP_AUTH_METHOD_MISSING", "LOGIN_FAILED"],
  },
} satisfies HelpPages;
