import { ENABLE_CERTIFICATE_FOR_IIS, NEW_CERTIFICATE_REQUEST, RPC_PROXY_URL, SHOW_SERVED_CERTIFICATE } from "./commands";
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

/** What Outlook Anywhere itself checks: the msstd: mutual authentication principal and the credentials. */
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
  LOGIN_FAILED: {
    title: "The RPC proxy rejected the supplied credentials",
    group: "Outlook Anywhere",
    severity: "error",
    summary:
      "The analyzer sent the user name and password you entered to the Outlook Anywhere RPC proxy (`/rpc/rpcproxy.dll`) with the method you chose, Basic or NTLM, and the server answered 401 Unauthorized: it didn't accept them. Outlook using the same account and method is refused the same way.",
    details: [
      "When the password is sent at all: the credential step runs only when you supplied a user name and password, and it sends them only over a connection a current Outlook client would trust with a password. OpenSSL must accept the certificate chain against the same trust store the certificate steps use, the certificate's name must match the host, and the connection must use TLS 1.2 or later at OpenSSL's default security level (no obsolete ciphers, no weak keys). Each new connection must also present the very certificate the certificate steps validated. If any of this fails, the password is not sent, and the step says why instead of reporting this problem.",
      '"Ignore trust for SSL" never lets a password through: it turns certificate errors into warnings so that the other steps run, but the credential step still refuses such a certificate. Fix the certificate first (the failed certificate steps link to their pages), then test the credentials without that option.',
      "How the analyzer logs on: every request is Outlook's own, an empty `RPC_IN_DATA` echo to `/rpc/rpcproxy.dll?<host>:6002`. Basic sends the user name and password base64-encoded in the `Authorization` header, readable by whatever terminates TLS, which is why the conditions above matter. NTLM sends a negotiate message, reads the server's challenge and answers it on the same kept-alive connection, with channel bindings for the server certificate (Extended Protection for Authentication), as current Windows clients do.",
      "The credentials are used only for this run: never stored, logged or shown in the permalink. Still, use a test account where possible: repeated failures count towards the account lockout policy.",
      'Common reasons other than a wrong password: the user name format (Exchange accepts the UPN `jdoe@contoso.com` and `CONTOSO\\jdoe`; for NTLM, `CONTOSO\\jdoe` is the safest); NTLM blocked by policy ("Network security: Restrict NTLM"); Exchange Extended Protection rejecting the NTLM logon because a load balancer or reverse proxy in front terminates TLS with a different certificate, so the channel binding doesn\'t match what Exchange sees; a reverse proxy that pre-authenticates or strips the `Authorization` header. RPC over HTTP and Basic authentication are retired in Exchange Online, so this test is about on-premises Exchange.',
    ],
    symptoms: [
      "Outlook outside the network keeps prompting for the password and never connects, although the same account works in Outlook on the web or inside the network.",
      "The IIS log on the Exchange server shows `RPC_IN_DATA /rpc/rpcproxy.dll` with status 401 and sub-status 1 (logon failed) or 2 (logon failed due to server configuration).",
      "The Security event log shows event 4625 (an account failed to log on) on the Exchange server, and event 4776 on the domain controller, with the reason.",
    ],
    causes: [
      "Wrong or expired password, disabled or locked-out account.",
      "Wrong user name format for the method (a SAM account name alone where a UPN or `DOMAIN\\user` is required).",
      "NTLM restricted by Group Policy on the Exchange server or the domain controllers.",
      "Extended Protection enabled on Exchange while a load balancer or proxy terminates TLS with another certificate (NTLM only).",
      "A reverse proxy, WAF or load balancer that pre-authenticates, rewrites or drops the `Authorization` header.",
    ],
    fixes: [
      {
        text: "Check the account in Active Directory: enabled, not locked out, password not expired; unlock it if needed.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Get-ADUser jdoe -Properties LockedOut,PasswordExpired,Enabled,UserPrincipalName | Format-List UserPrincipalName,LockedOut,PasswordExpired,Enabled",
              "Unlock-ADAccount jdoe",
            ],
          },
        ],
      },
      {
        text: "Repeat the request yourself with the same method: 200 means the server accepts the credentials, 401 that it refuses them. With only a user name after `-u`, curl asks for the password, which keeps it out of the shell history. Use `--basic` instead of `--ntlm` to test Basic.",
        commands: [
          {
            shell: "bash",
            lines: [`curl -s -o /dev/null -w '%{http_code}\\n' --ntlm -u 'CONTOSO\\jdoe' -X RPC_IN_DATA -H 'Content-Length: 0' "${RPC_PROXY_URL}"`],
          },
          {
            shell: "cmd",
            lines: [`curl.exe -s -o NUL -w "%{http_code}\\n" --ntlm -u CONTOSO\\jdoe -X RPC_IN_DATA -H "Content-Length: 0" "${RPC_PROXY_URL}"`],
          },
        ],
      },
      {
        text: "Find out why the server refused: the IIS log sub-status of the /rpc request, and the failed logon events with their reason (sub-status `0xC000006A` bad password, `0xC0000234` locked out, `0xC0000071` password expired).",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              'Get-ChildItem C:\\inetpub\\logs\\LogFiles\\W3SVC1\\ | Sort-Object LastWriteTime | Select-Object -Last 1 | Get-Content -Tail 500 | Select-String "RPC_IN_DATA /rpc/"',
              "Get-WinEvent -FilterHashtable @{ LogName = 'Security'; Id = 4625 } -MaxEvents 20 | Format-List TimeCreated,Message",
            ],
          },
        ],
      },
      {
        text: "Check the methods and Extended Protection on the RPC virtual directory: the method you tested must be among `IISAuthenticationMethods` (see HTTP_AUTH_METHOD_MISSING), and with Extended Protection on, a device in front must not terminate TLS with a different certificate: pass TLS through, or bridge it with the same certificate Exchange uses.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-OutlookAnywhere | Format-List Server,ExternalHostname,ExternalClientAuthenticationMethod,IISAuthenticationMethods,ExtendedProtectionTokenChecking,SSLOffloading",
            ],
          },
        ],
      },
      {
        text: 'If the step reported that the credentials were not sent, fix what it names first: the certificate chain or name (the failed certificate steps link to their pages), or the TLS version (TLS_PROTOCOL_OBSOLETE). Then run the test again without "Ignore trust for SSL".',
      },
    ],
    seeAlso: ["HTTP_AUTH_METHOD_MISSING", "HTTP_UNEXPECTED_STATUS", "MUTUAL_AUTH_MISMATCH", "TLS_PROTOCOL_OBSOLETE", "CERT_CHAIN_INVALID"],
  },
} satisfies HelpPages;
