import {
  ACTIVESYNC_URL,
  anonymousRequestsLines,
  AUTODISCOVER_XML_URL,
  EWS_GET_FOLDER,
  EWS_URL,
  MAPI_MAILSTORE_URL,
  NGINX_RELOAD,
  RPC_PROXY_URL,
} from "./commands";
import type { HelpPages } from "./types";

/**
 * The web server behind the TLS connection, for every HTTPS test (Autodiscover, the Outlook Anywhere RPC proxy, EWS,
 * ActiveSync, MAPI over HTTP): its HTTP answers, the authentication methods it offers, the credentials it accepts,
 * and client-certificate settings.
 */
export const HTTP_HELP = {
  HTTP_UNEXPECTED_STATUS: {
    title: "Unexpected HTTP response",
    group: "Web server (HTTP)",
    severity: "error-or-warning",
    summary:
      "The server answered with an HTTP status, or a body, that the test did not expect at this step. Without credentials, every Exchange endpoint the analyzer tests (Autodiscover, the Outlook Anywhere RPC proxy, EWS, Exchange ActiveSync, MAPI over HTTP) must answer 401 Unauthorized with the authentication methods it accepts; 404, 403, 302, 500, 503 and similar answers mean the request never reached a working Exchange service. With credentials, the code also carries the service's own refusal: an EWS error code, an ActiveSync 403, 449 or FolderSync Status, a MAPI over HTTP X-ResponseCode. Error: clients can't use the service this way. Warning: clients may still get through, or the answer is one real clients handle first (an unauthenticated 2xx, ActiveSync provisioning, a flaw in a MAPI answer).",
    details: [
      "The step details show the status code, the relevant response headers (WWW-Authenticate, Location, Server, and per service MS-ASProtocolVersions, X-ResponseCode, X-ServerApplication) and the protocol's own code where there is one. At any step, an answer that is not valid HTTP at all, or headers that exceed the analyzer's size limit, are reported under this code too; so are an NTLM challenge that can't be read and a server that closes the connection between the NTLM challenge and the answer (NTLM needs both on one kept-alive connection: check load balancers and proxies). Inside the Autodiscover search each of Outlook's four methods is an alternative, so what fails there is a warning: Outlook, and the analyzer, go on to the next method.",
      "Autodiscover (every test that starts from an e-mail address): Outlook's POST to `https://<host>/autodiscover/autodiscover.xml` must get 401 with `WWW-Authenticate` headers, or with credentials 200 and an Autodiscover XML answer. A 401 without any `WWW-Authenticate` header, or any other status, a redirect of the POST included (Outlook doesn't follow it), means the URL \"isn't an Autodiscover endpoint Outlook can use\". The HTTP redirect method needs `http://autodiscover.contoso.com/autodiscover/autodiscover.xml` to answer `302 Found` with a Location on an https URL. A 200 whose body isn't Autodiscover XML is AUTODISCOVER_BAD_RESPONSE instead. The Autodiscover test's JSON v2 step (`/autodiscover/autodiscover.json`) is informational and reports here only answers that aren't valid HTTP.",
      "Outlook Anywhere: the RPC proxy (`/rpc/rpcproxy.dll?<host>:6002`) must answer Outlook's unauthenticated `RPC_IN_DATA` echo with 401, and the authenticated one with 200. 404: the RPC over HTTP proxy isn't installed at /rpc/rpcproxy.dll, or Outlook Anywhere isn't enabled. An unauthenticated 2xx is a warning (something in front of the proxy answered without asking for credentials, e.g. a pre-authenticating reverse proxy); any other answer is an error, and so is any answer but 2xx or 401 after authentication.",
      "EWS: the analyzer POSTs a SOAP GetFolder request for the Inbox to the EWS URL (Autodiscover's EwsUrl; `https://<Autodiscover host>/EWS/Exchange.asmx` when Autodiscover gave no settings; or `https://<server>/EWS/Exchange.asmx` for the server you named). Without credentials, 404 means EWS isn't published there (the EWS virtual directory is missing, or a reverse proxy or load balancer doesn't publish /EWS); a 2xx is a warning (something in front pre-authenticates); a redirect or any other status is an error, as EWS clients don't follow redirects of their SOAP POST. With credentials, any status but 200, 500 or 401 (LOGIN_FAILED) is an error (403: EWS is blocked for this account or client, or by an IP restriction), and so is a body that isn't a SOAP answer (an HTML page, a proxy's error) or a GetFolder answer with ResponseClass Error or a SOAP fault.",
      "The EWS response code says why: ErrorNonExistentMailbox (no mailbox has this address), ErrorMissingEmailAddress (the account that signed in has no mailbox of its own: enter the address of a mailbox it may open), ErrorMailboxMoveInProgress (try again once the move has completed), ErrorMailboxStoreUnavailable (the mailbox database is dismounted or failing over), ErrorServerBusy (throttling), ErrorInternalServerError (see the Application event log), ErrorSchemaValidation or ErrorInvalidServerVersion (a server older than Exchange 2013, or something in front that rewrote the request). ErrorAccessDenied is reported as LOGIN_FAILED.",
      "Exchange ActiveSync: the analyzer talks to `/Microsoft-Server-ActiveSync` as a new phone (device ID `RCA0000000000000`, device type `RemoteConnectivityAnalyzer`). The anonymous OPTIONS must get 401 with the methods, or 200 with `MS-ASProtocolVersions`. 404 means ActiveSync isn't published there (no Microsoft-Server-ActiveSync virtual directory, or a reverse proxy doesn't publish it); a 2xx without `MS-ASProtocolVersions` is a warning (a portal's or a reverse proxy's page?); anything else, redirects included (devices don't follow them), is an error. With credentials, for OPTIONS and FolderSync alike, 403 means ActiveSync is disabled for the user or the device is blocked, and an authenticated OPTIONS without `MS-ASProtocolVersions` is a warning.",
      "ActiveSync's FolderSync command (SyncKey 0, the whole folder hierarchy): 449 (Retry after sending a PROVISION command) is a warning: a mobile device mailbox policy applies, so a phone first sends the Provision command and accepts the policy (PIN, encryption…). The analyzer doesn't accept a policy on a device's behalf; the credentials were accepted and ActiveSync answers. 451 is a warning too: the mailbox is served by another ActiveSync URL, named in the `X-MS-Location` header, to which devices switch. Then the Status in the WBXML body: 1 is success; 140 (a remote wipe is pending for this device ID), 142 (device not provisioned), 143 (the policy changed: provision again) and 144 (invalid policy key) are warnings, for the same reason as 449. Every other status is an error, among them 126 (UserDisabledForSync: ActiveSync is disabled for the user), 129 (DeviceIsBlockedForThisUser: a device access rule, the user's blocked device list or the organisation's default access level), 141 (LegacyDeviceOnStrictPolicy), 177 (MaximumDevicesReached), 110 and 111 (server errors: a mailbox move, a failover, an overloaded server) and 123 (the user has no mailbox). A 200 whose body isn't a FolderSync response in WBXML, or has no Status, is an error as well.",
      "MAPI over HTTP: the analyzer sends Outlook's unauthenticated Connect to the Mail Store (`/mapi/emsmdb/`) and Bind to the Address Book (`/mapi/nspi/`). 404 means MAPI over HTTP isn't enabled or the /mapi virtual directory is missing; a 2xx is a warning; any other answer than 401 is an error. Unless the Mail Store answered 401, the credentials aren't sent. With credentials, the Connect request must get 200 with `X-ResponseCode: 0`. Another status, or a 200 without X-ResponseCode (something other than Exchange answered on /mapi: a proxy, or another application), is an error; a non-zero X-ResponseCode means Exchange refused the request: 16 Endpoint Disabled (MAPI over HTTP is turned off for the organisation or the mailbox), 8 Anonymous Not Allowed (the request reached Exchange without the authenticated identity: the /mapi authentication, or a proxy in front), or another code the step names. Then the Connect response itself: a StatusCode other than 0 is an error; an ErrorCode other than 0 (the session was created, but the mailbox couldn't be opened) is an error, or a warning when no Autodiscover settings gave the mailbox's legacy DN and the request carried an empty one; a body not framed as MAPI over HTTP requires, an unreadable Connect body, or no session cookie (a proxy in front that strips Set-Cookie) are warnings.",
      "IIS records a sub-status for every error (403.4 SSL required, 403.7 client certificate required, 404.0 not found, 503.0 application pool unavailable…). It is not sent to remote clients, but it is in the IIS log (`C:\\inetpub\\logs\\LogFiles\\W3SVC1\\`, column `sc-substatus`). On Exchange 2013 and later, the HttpProxy log of each protocol (`%ExchangeInstallPath%Logging\\HttpProxy\\`, subfolders Autodiscover, RpcHttp, Ews, Eas and Mapi) shows how the front end proxied the request to the mailbox server.",
      'What common answers mean: 401 after sending credentials is reported as LOGIN_FAILED. 403 usually means SSL is required (request over HTTP), a client certificate is required (HTTP_CLIENT_CERT_REQUIRED), an IP restriction, or (EWS, ActiveSync) the protocol is blocked for this account or device. 404: the virtual directory (rpc, EWS, Microsoft-Server-ActiveSync, mapi) or the "RPC over HTTP Proxy" Windows feature is missing, or a reverse proxy does not publish the path. 301/302: an HTTP redirect configured on the Default Web Site (for example to /owa) is inherited by the Exchange virtual directories. 440: the request hit an OWA forms-based login (typically via a reverse proxy). 500: the application failed (see the event log); EWS also sends its SOAP faults with 500. 503: the application pool is stopped, or the server is in maintenance mode (server components inactive). 502/504: a load balancer or proxy could not reach the back end.',
    ],
    symptoms: [
      'Outlook Anywhere cannot connect; Outlook keeps prompting or stays "Disconnected" from outside the network.',
      'Outlook connecting with MAPI over HTTP stays "Disconnected" or "Trying to connect…" from outside, while Outlook on the web works.',
      "EWS clients fail (Outlook for Mac, calendar and mail apps that use EWS); in Outlook on Windows, free/busy, Out of Office and the offline address book don't work.",
      'Phones and tablets can\'t add the account ("Cannot connect to server", "Unable to verify account"), or add it and never sync; users may get a message in their mailbox that their device is blocked or quarantined.',
      "Opening the service's URL in a browser (`https://mail.contoso.com/rpc/rpcproxy.dll`, `/EWS/Exchange.asmx`, `/Microsoft-Server-ActiveSync`, `/mapi/emsmdb/`) shows an error page, a redirect to /owa or a login form instead of an authentication prompt.",
    ],
    causes: [
      "HTTP redirect on the Default Web Site that is inherited by the Exchange virtual directories.",
      "An Exchange virtual directory missing or broken: rpc (on Exchange 2010 with the RPC over HTTP Proxy feature, and Outlook Anywhere enabled), EWS, Microsoft-Server-ActiveSync or mapi.",
      "MAPI over HTTP turned off for the organisation (`MapiHttpEnabled` stays False in organisations upgraded from older Exchange versions until someone enables it) or for the mailbox.",
      "The service's application pool stopped (rapid-fail protection): MSExchangeAutodiscoverAppPool, MSExchangeRpcProxyFrontEndAppPool / MSExchangeRpcProxyAppPool, MSExchangeServicesAppPool (EWS), MSExchangeSyncAppPool (ActiveSync), MSExchangeMapiFrontEndAppPool / MSExchangeMapiMailboxAppPool / MSExchangeMapiAddressBookAppPool; or the server components left inactive after maintenance.",
      "ActiveSync disabled for the user, or the device blocked: a device access rule, the organisation's default access level (Block or Quarantine), the user's blocked device IDs, or the maximum number of devices reached.",
      "A mobile device mailbox policy that requires provisioning: normal, real phones provision themselves; the analyzer reports it as a warning.",
      "The mailbox itself: no mailbox has the address, the account has none, a move in progress, a dismounted database, throttling (EWS response codes, ActiveSync statuses).",
      "A reverse proxy or load balancer does not publish the path (`/autodiscover/*`, `/rpc/*`, `/EWS/*`, `/Microsoft-Server-ActiveSync`, `/mapi/*`), answers with its own login page, strips headers or cookies Exchange sets (Set-Cookie, X-ResponseCode), or has no healthy back end.",
      "Exchange Extended Protection is enabled while a device in front terminates TLS with a different certificate, so authenticated requests fail.",
    ],
    fixes: [
      {
        text: "Reproduce the first request of the failed step and look at status and headers: a 401 with `WWW-Authenticate` headers is the healthy answer without credentials (ActiveSync may also answer OPTIONS with 200 and `MS-ASProtocolVersions`). The lines are, in order, Autodiscover, the RPC proxy, EWS, ActiveSync and the MAPI Mail Store; use the URL the test's steps name.",
        commands: [
          { shell: "bash", lines: anonymousRequestsLines() },
          { shell: "cmd", lines: [`curl.exe -sk -o NUL -D - -X RPC_IN_DATA -H "Content-Length: 0" "${RPC_PROXY_URL}"`] },
        ],
      },
      {
        text: 'Remove an inherited HTTP redirect from the Exchange virtual directories (keep it only on the site root, with "Only redirect requests to content in this directory (not subdirectories)" checked in IIS Manager).',
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
            lines: ['%windir%\\system32\\inetsrv\\appcmd.exe set config "Default Web Site/rpc" -section:system.webServer/httpRedirect /enabled:false'],
          },
        ],
      },
      {
        text: "Check the application pools and the server component state (each protocol has its own proxy component: AutoDiscoverProxy, RpcProxy, EwsProxy, ActiveSyncProxy, MapiProxy); start what is stopped, recycle the pool of the failing service, and bring the server out of maintenance mode if it was left there.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Import-Module WebAdministration",
              "Get-ChildItem IIS:\\AppPools | Where-Object Name -like 'MSExchange*' | Select-Object Name,State",
              "Get-ChildItem IIS:\\AppPools | Where-Object { $_.Name -like 'MSExchange*' -and $_.State -ne 'Started' } | ForEach-Object { Start-WebAppPool -Name $_.Name }",
              "Restart-WebAppPool -Name MSExchangeServicesAppPool",
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
        text: "Outlook Anywhere: check its configuration. On Exchange 2010, the RPC over HTTP Proxy feature must be installed and Outlook Anywhere enabled; on Exchange 2013 and later Outlook Anywhere always exists and must have an external host name.",
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
            lines: ["Install-WindowsFeature RPC-over-HTTP-proxy"],
          },
          {
            shell: "Exchange Management Shell",
            description: "Exchange 2010 only",
            lines: ["Enable-OutlookAnywhere -Server EX01 -ExternalHostname mail.contoso.com -DefaultAuthenticationMethod NTLM -SSLOffloading $false"],
          },
        ],
      },
      {
        text: "EWS not published (404 at `/EWS/Exchange.asmx`): check the EWS virtual directory of each server, its URLs and authentication, and set the ExternalUrl that Autodiscover hands to clients outside; publish `/EWS/*` on any reverse proxy in front.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-WebServicesVirtualDirectory | fl InternalUrl,ExternalUrl,*Authentication",
              `Set-WebServicesVirtualDirectory -Identity "EX01\\EWS (Default Web Site)" -ExternalUrl ${EWS_URL}`,
            ],
          },
        ],
      },
      {
        text: "EWS response codes: send the analyzer's GetFolder request yourself and read ResponseClass and ResponseCode, then look at what the code names: the recipient behind the address (ErrorNonExistentMailbox, ErrorMissingEmailAddress), a move request (ErrorMailboxMoveInProgress), the database copies (ErrorMailboxStoreUnavailable), the throttling policy (ErrorServerBusy).",
        commands: [
          EWS_GET_FOLDER,
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-Recipient jdoe@contoso.com | fl RecipientTypeDetails,PrimarySmtpAddress,EmailAddresses",
              "Get-MoveRequest jdoe | fl Status,PercentComplete",
              "Get-MailboxDatabaseCopyStatus * | Format-Table Name,Status,ContentIndexState -AutoSize",
              "Get-ThrottlingPolicyAssociation jdoe | fl ThrottlingPolicy",
            ],
          },
        ],
      },
      {
        text: "ActiveSync not published (404 at `/Microsoft-Server-ActiveSync`), or 451 to another URL: check the ActiveSync virtual directory of each server and its ExternalUrl (for a 451, test the URL in `X-MS-Location` too); publish `/Microsoft-Server-ActiveSync` on any reverse proxy in front.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ActiveSyncVirtualDirectory | fl Server,InternalUrl,ExternalUrl",
              `Set-ActiveSyncVirtualDirectory -Identity "EX01\\Microsoft-Server-ActiveSync (Default Web Site)" -ExternalUrl ${ACTIVESYNC_URL}`,
            ],
          },
        ],
      },
      {
        text: "ActiveSync 403, or FolderSync status 126 or 129: ActiveSync must be enabled for the user, and the device allowed. Check the user's ActiveSync settings and the devices Exchange knows for the mailbox (the analyzer's is `RCA0000000000000`, type `RemoteConnectivityAnalyzer`), the organisation's default access level and the device access rules. Allow the devices you mean to allow: all by default, by a rule for a device type or model, or one device ID for one user. For 177, remove the partnerships of devices no longer in use (Remove-MobileDevice).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-CASMailbox jdoe | fl ActiveSync*",
              "Set-CASMailbox jdoe -ActiveSyncEnabled $true",
              "Get-MobileDevice -Mailbox jdoe | Format-Table DeviceId,DeviceType,DeviceAccessState,DeviceAccessStateReason -AutoSize",
              "Get-ActiveSyncOrganizationSettings | fl DefaultAccessLevel",
              "Get-ActiveSyncDeviceAccessRule | Format-Table Name,Characteristic,QueryString,AccessLevel -AutoSize",
            ],
          },
          {
            shell: "Exchange Management Shell",
            description: "Allow devices: by default, by device type, or one device for one user",
            lines: [
              "Set-ActiveSyncOrganizationSettings -DefaultAccessLevel Allow",
              "New-ActiveSyncDeviceAccessRule -Characteristic DeviceType -QueryString RemoteConnectivityAnalyzer -AccessLevel Allow",
              'Set-CASMailbox jdoe -ActiveSyncAllowedDeviceIDs @{Add="RCA0000000000000"}',
            ],
          },
        ],
      },
      {
        text: "ActiveSync 449, or FolderSync status 140, 142, 143 or 144: provisioning is required. Nothing is broken when the policy is intended: phones send the Provision command, accept the policy and sync. Check which mobile device mailbox policy applies; a device that can't be provisioned is let through only when the policy allows it (`AllowNonProvisionableDevices`). For 140, a remote wipe is pending for the device ID: cancel it if it wasn't meant (`Clear-MobileDevice -Cancel`).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-CASMailbox jdoe | fl ActiveSyncMailboxPolicy",
              "Get-MobileDeviceMailboxPolicy | fl Name,IsDefault,AllowNonProvisionableDevices,PasswordEnabled,RequireDeviceEncryption",
              "Set-MobileDeviceMailboxPolicy Default -AllowNonProvisionableDevices $true",
            ],
          },
        ],
      },
      {
        text: "MAPI over HTTP: a 404 at `/mapi/`, or X-ResponseCode 16 (Endpoint Disabled), means it is turned off for the organisation or the mailbox, or the /mapi virtual directory is missing. Enable it, check the virtual directory's URLs and authentication (setting a URL requires `-IISAuthenticationMethods` too), and recycle the Autodiscover application pool so that Outlook is told at its next Autodiscover refresh. `Set-CASMailbox jdoe -MapiHttpEnabled $null` makes a mailbox follow the organisation's setting again. X-ResponseCode 8 (Anonymous Not Allowed) and a Connect answer without session cookie point at the /mapi authentication or a proxy in front.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-OrganizationConfig | fl MapiHttpEnabled",
              "Set-OrganizationConfig -MapiHttpEnabled $true",
              "Get-CASMailbox jdoe | fl MapiEnabled,MapiHttpEnabled",
              "Set-CASMailbox jdoe -MapiHttpEnabled $true",
              "Get-MapiVirtualDirectory | fl *Url,*Authentication*",
              'Set-MapiVirtualDirectory -Identity "EX01\\mapi (Default Web Site)" -ExternalUrl https://mail.contoso.com/mapi -IISAuthenticationMethods Ntlm,Negotiate,OAuth',
            ],
          },
          { shell: "PowerShell", lines: ["Restart-WebAppPool MSExchangeAutodiscoverAppPool"] },
        ],
      },
      {
        text: "Look up the sub-status in the IIS log, and the Exchange HttpProxy log of the protocol (subfolder Autodiscover, RpcHttp, Ews, Eas or Mapi), for the time of the test.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              'Get-ChildItem C:\\inetpub\\logs\\LogFiles\\W3SVC1\\ | Sort-Object LastWriteTime | Select-Object -Last 1 | Get-Content -Tail 500 | Select-String "/rpc/|/autodiscover/|/EWS/|/Microsoft-Server-ActiveSync|/mapi/"',
              'Get-ChildItem "$env:ExchangeInstallPath\\Logging\\HttpProxy\\Ews" | Sort-Object LastWriteTime | Select-Object -Last 1 | Get-Content -Tail 50',
            ],
          },
        ],
      },
      {
        text: "If a reverse proxy or load balancer is in front (Web Application Proxy, F5, KEMP, nginx), publish each path (`/autodiscover/*`, `/rpc/*`, `/EWS/*`, `/Microsoft-Server-ActiveSync`, `/mapi/*`) with pass-through authentication (no pre-authentication login page), leave headers and cookies as Exchange sets them, and check the health of the back-end pool. With Exchange Extended Protection enabled, TLS offloading is not supported: bridge TLS with the same certificate on the device and on Exchange.",
      },
    ],
    seeAlso: ["HTTP_AUTH_METHOD_MISSING", "HTTP_CLIENT_CERT_REQUIRED", "LOGIN_FAILED", "AUTODISCOVER_BAD_RESPONSE", "HTTP_TIMEOUT"],
  },
  HTTP_AUTH_METHOD_MISSING: {
    title: "The server does not offer the selected authentication method",
    group: "Web server (HTTP)",
    severity: "error-or-warning",
    summary:
      "The unauthenticated request to the endpoint under test was answered with 401, but the `WWW-Authenticate` headers do not list the method selected for the test (Basic or NTLM): the Outlook Anywhere RPC proxy (`/rpc/rpcproxy.dll`), EWS (`/EWS/Exchange.asmx`), Exchange ActiveSync (`/Microsoft-Server-ActiveSync`) or a MAPI over HTTP endpoint (`/mapi/emsmdb/`, `/mapi/nspi/`). Clients configured for that method cannot log on. The code is also reported when a server, Autodiscover included, doesn't complete the NTLM handshake. Error: the method isn't offered, or the handshake failed. Warning: NTLM was selected and only Negotiate is offered.",
    details: [
      'IIS announces every enabled method in its own `WWW-Authenticate` header: `Basic realm="mail.contoso.com"`, `NTLM`, `Negotiate`, and `Bearer` where OAuth (modern authentication) is enabled. Each Exchange virtual directory has its own list, set with its own cmdlet: Outlook Anywhere `Set-OutlookAnywhere -IISAuthenticationMethods`; Autodiscover `Set-AutodiscoverVirtualDirectory -BasicAuthentication/-WindowsAuthentication`; EWS `Set-WebServicesVirtualDirectory -BasicAuthentication/-WindowsAuthentication`; ActiveSync `Set-ActiveSyncVirtualDirectory -BasicAuthEnabled/-WindowsAuthEnabled`; MAPI over HTTP `Set-MapiVirtualDirectory -IISAuthenticationMethods`. Windows authentication means Negotiate and NTLM together.',
      "Which method clients use: Outlook with Outlook Anywhere uses the method of the profile's Exchange Proxy Settings (\"Proxy authentication settings\"), which Autodiscover sets from the Outlook Anywhere `ExternalClientAuthenticationMethod` (and `InternalClientAuthenticationMethod` for the EXCH provider on Exchange 2013+); if that method isn't among the `IISAuthenticationMethods` of /rpc, Outlook fails. Outlook with MAPI over HTTP uses the methods of the /mapi virtual directory (NTLM, Negotiate and OAuth by default). EWS clients (Outlook for Mac, mail and calendar apps) use NTLM, Negotiate or Basic, depending on the client. Phones with a user name and password sign in to ActiveSync with Basic, which is why the ActiveSync test selects Basic by default; `Bearer` alone means the server, or a device in front, expects modern authentication (OAuth), which devices that support it use through the identity provider instead.",
      "When NTLM was selected and the server offers only `Negotiate`, the result is a warning: Negotiate (SPNEGO) falls back to NTLM for most clients, but clients configured for plain NTLM expect the `NTLM` scheme. The step details list the methods found.",
      "The credential steps report the code too, when the server answers the NTLM negotiate message without an NTLM challenge: the RPC proxy ping, EWS GetFolder, ActiveSync's OPTIONS with credentials, MAPI's Connect, and Autodiscover's POST, which also reports it when the challenge is malformed or the connection closes between challenge and answer. Autodiscover's POST doesn't otherwise check the methods: when the selected one isn't offered, the step says that the credentials weren't sent. (ActiveSync's FolderSync reports a missing challenge as HTTP_UNEXPECTED_STATUS: the same negotiation had just worked for OPTIONS.)",
      "Devices in front of Exchange can change what the client sees: a reverse proxy or load balancer may strip or rewrite `WWW-Authenticate` headers, pre-authenticate users itself (only Basic or a login form reaches the client), or break NTLM because it does not keep the client connection bound to one server connection (NTLM authenticates the TCP connection, not the request).",
    ],
    symptoms: [
      "Outlook prompts for the password again and again and never connects from outside.",
      "Phones keep asking for the password or can't add the account; Outlook for Mac and other EWS clients can't sign in.",
      "The analyzer's methods list shows e.g. only `Negotiate` when you tested NTLM, only `NTLM, Negotiate` when you tested Basic, or only `Bearer`.",
    ],
    causes: [
      "The virtual directory of the service doesn't have the method clients use enabled: Basic removed during hardening while external clients or phones still use it, or Windows authentication turned off on Autodiscover, EWS or /mapi.",
      "`IISAuthenticationMethods` on the Outlook Anywhere virtual directory does not include the method clients use, or `ExternalClientAuthenticationMethod` hands clients a method that IIS does not offer.",
      "Authentication changed by hand in IIS Manager (Default Web Site > rpc, Autodiscover, EWS, Microsoft-Server-ActiveSync or mapi > Authentication, or the Windows Authentication providers list) and overwritten or out of sync with Exchange.",
      "A reverse proxy, WAF or load balancer strips `WWW-Authenticate` headers, pre-authenticates, or breaks connection-oriented NTLM (e.g. nginx without upstream keepalive).",
    ],
    fixes: [
      {
        text: "See the methods offered: every `WWW-Authenticate` header of the 401. The lines are, in order, Autodiscover, the RPC proxy, EWS, ActiveSync and the MAPI Mail Store; use the URL the test's steps name.",
        commands: [{ shell: "bash", lines: anonymousRequestsLines(" | grep -i www-authenticate") }],
      },
      {
        text: "Outlook Anywhere: check its settings, then offer all methods in IIS and tell clients which one to use. `-IISAuthenticationMethods` sets what IIS accepts on /rpc; `-ExternalClientAuthenticationMethod` is what Autodiscover tells external Outlook clients to use (Exchange 2010: `-ClientAuthenticationMethod`).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-OutlookAnywhere | Format-List Identity,ExternalHostname,ExternalClientAuthenticationMethod,InternalClientAuthenticationMethod,IISAuthenticationMethods,SSLOffloading",
              'Set-OutlookAnywhere -Identity "EX01\\Rpc (Default Web Site)" -IISAuthenticationMethods Basic,NTLM,Negotiate',
              'Set-OutlookAnywhere -Identity "EX01\\Rpc (Default Web Site)" -ExternalClientAuthenticationMethod NTLM',
            ],
          },
        ],
      },
      {
        text: "Autodiscover and EWS: enable Basic and Windows authentication (Negotiate and NTLM) as your clients need them, on the Default Web Site virtual directory of every server that gets client traffic.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-AutodiscoverVirtualDirectory | fl Server,*Authentication",
              'Set-AutodiscoverVirtualDirectory -Identity "EX01\\Autodiscover (Default Web Site)" -BasicAuthentication $true -WindowsAuthentication $true',
              "Get-WebServicesVirtualDirectory | fl Server,*Authentication",
              'Set-WebServicesVirtualDirectory -Identity "EX01\\EWS (Default Web Site)" -BasicAuthentication $true -WindowsAuthentication $true',
            ],
          },
        ],
      },
      {
        text: "ActiveSync: phones that sign in with a user name and password need Basic on Microsoft-Server-ActiveSync (unless they use certificate-based or modern authentication); add Windows authentication for clients that use NTLM.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-ActiveSyncVirtualDirectory | fl Server,BasicAuthEnabled,WindowsAuthEnabled,ClientCertAuth",
              'Set-ActiveSyncVirtualDirectory -Identity "EX01\\Microsoft-Server-ActiveSync (Default Web Site)" -BasicAuthEnabled $true',
              'Set-ActiveSyncVirtualDirectory -Identity "EX01\\Microsoft-Server-ActiveSync (Default Web Site)" -WindowsAuthEnabled $true',
            ],
          },
        ],
      },
      {
        text: "MAPI over HTTP: Outlook uses the methods of the /mapi virtual directory. Keep NTLM and Negotiate, and OAuth (in the default list, and needed for hybrid modern authentication); add Basic only if clients need it (`Basic,Ntlm,Negotiate,OAuth`).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-MapiVirtualDirectory | fl Server,*Authentication*",
              'Set-MapiVirtualDirectory -Identity "EX01\\mapi (Default Web Site)" -IISAuthenticationMethods Ntlm,Negotiate,OAuth',
            ],
          },
        ],
      },
      {
        text: "Exchange writes these settings to IIS (Outlook Anywhere's within a few minutes); restart IIS so that they are in effect at once. Then verify in IIS Manager, Default Web Site > the virtual directory > Authentication, that IIS shows what the cmdlets set (Windows Authentication > Providers: Negotiate and NTLM).",
        commands: [{ shell: "cmd", lines: ["iisreset /noforce"] }],
      },
      {
        text: "If a reverse proxy or load balancer is in front, configure it to pass `WWW-Authenticate` and `Authorization` headers unchanged, to use no pre-authentication for the Exchange paths (`/autodiscover/*`, `/rpc/*`, `/EWS/*`, `/Microsoft-Server-ActiveSync`, `/mapi/*`), and to keep each client connection bound to its own server connection for NTLM. Open-source nginx as an HTTP reverse proxy shares upstream connections between clients, which breaks NTLM; use NGINX Plus with its `ntlm` upstream directive, or publish Exchange with plain TCP pass-through (`stream { server { listen 443; proxy_pass 10.0.0.25:443; } }`), which also leaves TLS and the certificate to Exchange.",
        commands: [NGINX_RELOAD],
      },
    ],
    seeAlso: ["HTTP_UNEXPECTED_STATUS", "LOGIN_FAILED", "HTTP_CLIENT_CERT_REQUIRED", "MUTUAL_AUTH_MISMATCH"],
  },
  HTTP_CLIENT_CERT_REQUIRED: {
    title: "The server requires a TLS client certificate on /rpc",
    group: "Web server (HTTP)",
    severity: "error",
    summary:
      'The web server asked the analyzer for a TLS client certificate on the RPC proxy (during the handshake, or by renegotiating after the request), or IIS answered 403.7 "client certificate required". Outlook Anywhere never sends a client certificate, so Outlook Anywhere fails.',
    details: [
      'In IIS this is the SSL Settings feature of the virtual directory: "Client certificates: Ignore / Accept / Require". For /rpc it must be Ignore. Accept makes IIS request a certificate (Outlook may show a certificate selection prompt or fail); Require rejects every client without one. The setting is the `sslFlags` attribute of `system.webServer/security/access`: `Ssl` (Require SSL, ignore client certificates), `Ssl, SslNegotiateCert` (accept), `Ssl, SslNegotiateCert, SslRequireCert` (require); `None` means neither SSL nor client certificates are required.',
      "A frequent cause is certificate-based authentication configured for ActiveSync at the Default Web Site level instead of only on `Microsoft-Server-ActiveSync`: the setting is inherited by /rpc and every other virtual directory.",
      "If a server requires a certificate and drops the connection when none is sent, the analyzer reports this code as long as it saw the certificate request in the handshake.",
    ],
    symptoms: [
      'Outlook Anywhere cannot connect; Outlook may show a "Select a certificate" prompt or fail silently; browsers asking for /rpc/rpcproxy.dll show a certificate selection dialog.',
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
              'Get-WebConfigurationProperty -PSPath IIS:\\ -Location "Default Web Site/rpc" -Filter system.webServer/security/access -Name sslFlags',
              'Get-WebConfigurationProperty -PSPath IIS:\\ -Location "Default Web Site" -Filter system.webServer/security/access -Name sslFlags',
            ],
          },
          {
            shell: "cmd",
            lines: ['%windir%\\system32\\inetsrv\\appcmd.exe list config "Default Web Site/rpc" -section:system.webServer/security/access'],
          },
        ],
      },
      {
        text: 'Set client certificates to Ignore on /rpc: IIS Manager > Default Web Site > rpc > SSL Settings > Client certificates: Ignore > Apply, or with PowerShell or appcmd as below, then restart IIS. Pick the value that keeps your current "Require SSL" choice: `Ssl` if Require SSL is checked; `None` if it is not, which is the case when `Get-OutlookAnywhere` shows `SSLOffloading : True` (the default on Exchange 2013 and later, and required when a load balancer terminates TLS and forwards plain HTTP).',
        commands: [
          {
            shell: "PowerShell",
            lines: [
              'Set-WebConfigurationProperty -PSPath IIS:\\ -Location "Default Web Site/rpc" -Filter system.webServer/security/access -Name sslFlags -Value "Ssl"',
              "iisreset /noforce",
            ],
          },
          {
            shell: "cmd",
            lines: [
              '%windir%\\system32\\inetsrv\\appcmd.exe set config "Default Web Site/rpc" -section:system.webServer/security/access /sslFlags:"Ssl" /commit:apphost',
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
    seeAlso: ["HTTP_UNEXPECTED_STATUS", "HTTP_AUTH_METHOD_MISSING", "TLS_HANDSHAKE_FAILED"],
  },
  HTTP_TIMEOUT: {
    title: "The web server didn't finish answering in time",
    group: "Web server (HTTP)",
    severity: "error",
    summary:
      "The TLS connection was up and the HTTP request was sent, but no complete answer arrived within the analyzer's time budget (RCA_TIMEOUT_MS, 10 seconds by default): the server stayed silent, or sent its answer too slowly.",
    details: [
      "This is not a firewall problem: the TCP connection and the TLS handshake worked. The time is spent in the web server, the application behind it, or a device that buffers the answer (reverse proxy, load balancer, WAF).",
      "The requests each test sends: Autodiscover's POST to `/autodiscover/autodiscover.xml` (and the Autodiscover test's GETs of `/autodiscover/autodiscover.json`), Outlook Anywhere's `RPC_IN_DATA` to `/rpc/rpcproxy.dll`, EWS's GetFolder POST to `/EWS/Exchange.asmx`, ActiveSync's OPTIONS and FolderSync on `/Microsoft-Server-ActiveSync`, MAPI over HTTP's Connect and Bind on `/mapi/emsmdb/` and `/mapi/nspi/`. The test's steps name the URL. IIS normally answers an unauthenticated request at once with 401. A hang there points at a stuck application pool, an authentication module waiting on a domain controller, or a reverse proxy that forwards to a back end that doesn't answer; a hang only once credentials are sent (GetFolder, FolderSync, Connect) points at the mailbox server behind the front end: a busy database, a failover, a mailbox move.",
      "Inside the Autodiscover search a timeout fails only that method, as a warning: Outlook, and the analyzer, go on to the next one. The Autodiscover test's JSON v2 step is informational, so a timeout there is a warning too.",
    ],
    symptoms: [
      'Outlook shows "Trying to connect…" for a long time, then "Disconnected".',
      "Phones and EWS clients (Outlook for Mac, mail and calendar apps) report that the server is unavailable, or sync only now and then.",
      "Browsers spin on the service's URL (e.g. https://mail.contoso.com/rpc/rpcproxy.dll or /EWS/Exchange.asmx) and eventually time out.",
    ],
    causes: [
      "Hung or recycling IIS application pool of the service (MSExchangeAutodiscoverAppPool, MSExchangeRpcProxyAppPool, MSExchangeServicesAppPool for EWS, MSExchangeSyncAppPool for ActiveSync, MSExchangeMapiFrontEndAppPool and MSExchangeMapiMailboxAppPool for MAPI over HTTP).",
      "Authentication waiting on an unreachable domain controller (Kerberos/NTLM pass-through).",
      "The mailbox database or server behind the front end is overloaded, failing over, or the mailbox is being moved (requests with credentials).",
      "A reverse proxy or load balancer forwarding to a back end that is down, or buffering the response.",
      "A server under heavy load.",
    ],
    fixes: [
      {
        text: "Time the request yourself, from outside and on the server, with the URL of the failed step, to see where it hangs.",
        commands: [
          {
            shell: "bash",
            lines: [
              "curl -v -o /dev/null -w '%{time_starttransfer}s\\n' https://mail.contoso.com/rpc/rpcproxy.dll",
              `curl -s -o /dev/null -w '%{http_code} %{time_starttransfer}s\\n' -H 'Content-Type: text/xml' -d '' ${EWS_URL}`,
              `curl -s -o /dev/null -w '%{http_code} %{time_starttransfer}s\\n' -X OPTIONS ${ACTIVESYNC_URL}`,
            ],
          },
          {
            shell: "PowerShell",
            description: "On the Exchange server itself",
            lines: ["Invoke-WebRequest -Uri https://localhost/rpc/rpcproxy.dll -UseBasicParsing -TimeoutSec 30"],
          },
        ],
      },
      {
        text: "Check the application pools, recycle the one of the service that hangs, and look for errors in the event log and the IIS logs.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              "Import-Module WebAdministration",
              "Get-ChildItem IIS:\\AppPools | Where-Object Name -like 'MSExchange*' | Select-Object Name,State",
              "Restart-WebAppPool MSExchangeServicesAppPool",
              "Get-WinEvent -LogName Application -MaxEvents 50 | Where-Object LevelDisplayName -eq 'Error'",
            ],
          },
        ],
      },
      {
        text: "If only requests with credentials time out, check the mailbox side: the health of the database copies and of the Exchange services.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: ["Get-MailboxDatabaseCopyStatus * | Format-Table Name,Status,CopyQueueLength,ContentIndexState -AutoSize", "Test-ServiceHealth EX01"],
          },
        ],
      },
      {
        text: "If a reverse proxy or load balancer is in front, test the Exchange server directly (bypassing it) and compare; check its health probes and timeouts.",
      },
    ],
    seeAlso: ["CONNECTION_FAILED", "TCP_TIMEOUT", "HTTP_UNEXPECTED_STATUS"],
  },
  LOGIN_FAILED: {
    title: "The server rejected the supplied credentials",
    group: "Web server (HTTP)",
    severity: "error",
    summary:
      "The analyzer sent the user name and password you entered, with the method you chose (Basic or NTLM), to the service under test (Autodiscover, the Outlook Anywhere RPC proxy, EWS, Exchange ActiveSync or MAPI over HTTP), and the server answered 401 Unauthorized: it didn't accept them. For IMAP and POP the server answered the logon with `NO` (IMAP) or `-ERR` (POP), quoted in the step. For EWS the code also covers the EWS error ErrorAccessDenied: the server accepted the credentials, but this account may not open the mailbox through EWS. A client using the same account and method is refused the same way.",
    details: [
      "When the password is sent at all: each credential step runs only when you supplied a user name and password, and it sends them only over a connection a current Outlook client (for ActiveSync, a phone) would trust with a password. OpenSSL must accept the certificate chain against the same trust store the certificate steps use, the certificate's name must match the host, and the connection must use TLS 1.2 or later at OpenSSL's default security level (no obsolete ciphers, no weak keys). Each new connection must also present the very certificate the certificate steps validated, and the server must offer the method you chose. If any of this fails, the password is not sent, and the step says why instead of reporting this problem.",
      '"Ignore trust for SSL" never lets a password through: it turns certificate errors into warnings so that the other steps run, but the credential step still refuses such a certificate. Fix the certificate first (the failed certificate steps link to their pages), then test the credentials without that option.',
      "Where each test logs on. Autodiscover: Outlook's POST to `https://<host>/autodiscover/autodiscover.xml` (with the mobile schema for the ActiveSync test); a 401 there is a warning inside that Autodiscover method, and \"Checking whether Autodiscover was found\" then reports the error. Without settings, EWS and ActiveSync go on at their default URL on the Autodiscover host, MAPI over HTTP at /mapi/ without the mailbox's legacy DN, and Outlook Anywhere with \"Use Autodiscover\" stops. Outlook Anywhere: Outlook's own empty `RPC_IN_DATA` echo to `/rpc/rpcproxy.dll?<host>:6002`. EWS: a SOAP GetFolder of the Inbox to `/EWS/Exchange.asmx`: of the mailbox whose address you entered (routed with `X-AnchorMailbox`), or, without one, of the account that signs in. ActiveSync: OPTIONS on `/Microsoft-Server-ActiveSync`, then the FolderSync command as a new device; a 401 to FolderSync after OPTIONS accepted the credentials means the mailbox isn't reachable with them (the user name format, or an account without a mailbox). MAPI over HTTP: Outlook's Connect request to the Mail Store (`/mapi/emsmdb/`).",
      "How the credentials travel: Basic sends the user name and password base64-encoded in the `Authorization` header, readable by whatever terminates TLS, which is why the conditions above matter. NTLM sends a negotiate message, reads the server's challenge and answers it on the same kept-alive connection, with channel bindings for the server certificate (Extended Protection for Authentication), as current Windows clients do.",
      "EWS ErrorAccessDenied, in the GetFolder answer or in a SOAP fault: the sign-in worked, but Exchange won't let this account open the mailbox through EWS. EWS is disabled for the mailbox or the organisation (`EwsEnabled`), an EWS application access policy blocks the client (the policy matches the client's user agent; the analyzer's is `RemoteConnectivityAnalyzer/0.1`), or, when you entered another mailbox's address than the account's own, the account has no permission on that mailbox. Depending on the setting, a blocked account or client may get HTTP 403 instead, reported as HTTP_UNEXPECTED_STATUS; ActiveSync disabled for the user is reported that way too (403, or FolderSync status 126).",
      "The credentials are used only for this run: never stored, logged or shown in the permalink. Still, use a test account where possible: repeated failures count towards the account lockout policy.",
      'Common reasons other than a wrong password: the user name format (Exchange accepts the UPN `jdoe@contoso.com` and `CONTOSO\\jdoe`; for NTLM, `CONTOSO\\jdoe` is the safest); the protocol turned off for the mailbox (`Get-CASMailbox`); NTLM blocked by policy ("Network security: Restrict NTLM"); Exchange Extended Protection rejecting the NTLM logon because a load balancer or reverse proxy in front terminates TLS with a different certificate, so the channel binding doesn\'t match what Exchange sees; a reverse proxy that pre-authenticates or strips the `Authorization` header. Exchange Online no longer accepts Basic authentication for these protocols (and has retired RPC over HTTP), so these tests are about on-premises Exchange.',
      "IMAP and POP: the analyzer logs on as a mail app does, with IMAP `LOGIN` (or `AUTHENTICATE PLAIN` when the server announces `LOGINDISABLED`), or POP `USER`/`PASS` (or `AUTH PLAIN` when only SASL PLAIN is offered), and only over TLS (implicit on 993/995, or after STARTTLS/STLS) whose certificate passed every check; \"Ignore trust for SSL\" never lets the password through there either. The transcript in the step shows the commands with the user name and password as `****`, and the server's answer as it came. A server that announces neither a usable LOGIN nor PLAIN (`LOGINDISABLED` without `AUTH=PLAIN`; POP without `USER` and without `SASL PLAIN`) can't be logged on to by the analyzer: the step says so.",
    ],
    symptoms: [
      "Outlook outside the network keeps prompting for the password and never connects (Outlook Anywhere or MAPI over HTTP), although the same account works in Outlook on the web or inside the network.",
      "Outlook can't set up the account and asks for the password again and again during setup (Autodiscover).",
      "Phones keep asking for the password or say the account can't be verified (ActiveSync); Outlook for Mac and other EWS clients don't sign in.",
      "The IIS log on the Exchange server shows the service's request with status 401 and sub-status 1 (logon failed) or 2 (logon failed due to server configuration): `POST /autodiscover/autodiscover.xml`, `RPC_IN_DATA /rpc/rpcproxy.dll`, `POST /EWS/Exchange.asmx`, `OPTIONS /Microsoft-Server-ActiveSync` or `POST /Microsoft-Server-ActiveSync` with `Cmd=FolderSync`, `POST /mapi/emsmdb/`.",
      "The Security event log shows event 4625 (an account failed to log on) on the Exchange server, and event 4776 on the domain controller, with the reason.",
      'Mail apps keep asking for the password of an IMAP or POP account, or report "authentication failed" while Outlook on the web works.',
    ],
    causes: [
      "Wrong or expired password, disabled or locked-out account.",
      "Wrong user name format for the method (a SAM account name alone where a UPN or `DOMAIN\\user` is required).",
      "The protocol is turned off for the mailbox (`EwsEnabled`, `ActiveSyncEnabled`, `MapiHttpEnabled`) or, for EWS, the organisation, or an EWS application access policy blocks the client (ErrorAccessDenied).",
      "EWS with another mailbox's address: the account that signs in has no permission on that mailbox (ErrorAccessDenied).",
      "NTLM restricted by Group Policy on the Exchange server or the domain controllers.",
      "Extended Protection enabled on Exchange while a load balancer or proxy terminates TLS with another certificate (NTLM only).",
      "A reverse proxy, WAF or load balancer that pre-authenticates, rewrites or drops the `Authorization` header.",
      "IMAP or POP: the protocol is disabled for the mailbox (`ImapEnabled`, `PopEnabled`), Exchange requires a secure logon the client didn't use (`LoginType`), or Dovecot refuses plain-text logons (`disable_plaintext_auth`) or the mechanism (`auth_mechanisms`).",
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
        text: "Repeat the request of the failed step yourself with the same method: 401 means the server refuses the credentials, any other status that it accepted them (Autodiscover, EWS and MAPI over HTTP may answer these bare requests with an error of their own, which is fine here). The lines are, in order, Autodiscover, the RPC proxy, EWS, ActiveSync and the MAPI Mail Store. With only a user name after `-u`, curl asks for the password, which keeps it out of the shell history. Use `--basic` instead of `--ntlm` to test Basic.",
        commands: [
          {
            shell: "bash",
            lines: [
              `curl -s -o /dev/null -w '%{http_code}\\n' --ntlm -u 'CONTOSO\\jdoe' -H 'Content-Type: text/xml' -d '' ${AUTODISCOVER_XML_URL}`,
              `curl -s -o /dev/null -w '%{http_code}\\n' --ntlm -u 'CONTOSO\\jdoe' -X RPC_IN_DATA -H 'Content-Length: 0' "${RPC_PROXY_URL}"`,
              `curl -s -o /dev/null -w '%{http_code}\\n' --ntlm -u 'CONTOSO\\jdoe' -H 'Content-Type: text/xml' -d '' ${EWS_URL}`,
              `curl -s -o /dev/null -w '%{http_code}\\n' --ntlm -u 'CONTOSO\\jdoe' -X OPTIONS ${ACTIVESYNC_URL}`,
              `curl -s -o /dev/null -w '%{http_code}\\n' --ntlm -u 'CONTOSO\\jdoe' -H 'Content-Type: application/mapi-http' -H 'X-RequestType: Connect' -d '' ${MAPI_MAILSTORE_URL}`,
            ],
          },
          {
            shell: "cmd",
            lines: [`curl.exe -s -o NUL -w "%{http_code}\\n" --ntlm -u CONTOSO\\jdoe -X RPC_IN_DATA -H "Content-Length: 0" "${RPC_PROXY_URL}"`],
          },
        ],
      },
      {
        text: "Find out why the server refused: the IIS log sub-status of the request, and the failed logon events with their reason (sub-status `0xC000006A` bad password, `0xC0000234` locked out, `0xC0000071` password expired).",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              'Get-ChildItem C:\\inetpub\\logs\\LogFiles\\W3SVC1\\ | Sort-Object LastWriteTime | Select-Object -Last 1 | Get-Content -Tail 500 | Select-String " 401 [12] "',
              "Get-WinEvent -FilterHashtable @{ LogName = 'Security'; Id = 4625 } -MaxEvents 20 | Format-List TimeCreated,Message",
            ],
          },
        ],
      },
      {
        text: "Check that the account may use the protocol you tested, and enable it. `Set-CASMailbox jdoe -MapiHttpEnabled $null` makes the mailbox follow the organisation's setting (`Set-OrganizationConfig -MapiHttpEnabled $true`).",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-CASMailbox jdoe | Format-List EwsEnabled,ActiveSyncEnabled,MapiEnabled,MapiHttpEnabled",
              "Set-CASMailbox jdoe -EwsEnabled $true",
              "Set-CASMailbox jdoe -ActiveSyncEnabled $true",
              "Set-CASMailbox jdoe -MapiHttpEnabled $true",
            ],
          },
        ],
      },
      {
        text: "EWS ErrorAccessDenied: send the analyzer's GetFolder yourself, then check EWS access at the organisation and on the mailbox: `EwsEnabled`, and `EwsApplicationAccessPolicy` with its lists, which match the client's user agent (`EnforceAllowList` lets only `EwsAllowList` through, `EnforceBlockList` blocks `EwsBlockList`). To let the analyzer through an allow list, add its user agent. When you entered another mailbox's address than the signed-in account's own, give that account access to the mailbox.",
        commands: [
          EWS_GET_FOLDER,
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-OrganizationConfig | Format-List Ews*",
              "Get-CASMailbox jdoe | Format-List Ews*",
              "Set-OrganizationConfig -EwsEnabled $true",
              'Set-OrganizationConfig -EwsAllowList @{Add="RemoteConnectivityAnalyzer/*"}',
              "Add-MailboxPermission -Identity jdoe@contoso.com -User CONTOSO\\rcatest -AccessRights FullAccess -AutoMapping $false",
            ],
          },
        ],
      },
      {
        text: "Check the methods and Extended Protection on the service's virtual directory: the method you tested must be offered there (HTTP_AUTH_METHOD_MISSING shows each virtual directory's command), and with Extended Protection on, a device in front must not terminate TLS with a different certificate: pass TLS through, or bridge it with the same certificate Exchange uses.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-OutlookAnywhere | Format-List Server,ExternalHostname,ExternalClientAuthenticationMethod,IISAuthenticationMethods,ExtendedProtectionTokenChecking,SSLOffloading",
              "Get-WebServicesVirtualDirectory | Format-List Server,*Authentication,ExtendedProtectionTokenChecking",
              "Get-ActiveSyncVirtualDirectory | Format-List Server,*AuthEnabled,ExtendedProtectionTokenChecking",
              "Get-MapiVirtualDirectory | Format-List Server,IISAuthenticationMethods,ExtendedProtectionTokenChecking",
            ],
          },
        ],
      },
      {
        text: 'If the step reported that the credentials were not sent, fix what it names first: the certificate chain or name (the failed certificate steps link to their pages), or the TLS version (TLS_PROTOCOL_OBSOLETE). Then run the test again without "Ignore trust for SSL".',
      },
      {
        text: "IMAP and POP: check that the protocol is enabled for the mailbox and which logon the server wants; on Dovecot, see why it refused in its log and that plain-text logons are allowed over TLS.",
        commands: [
          {
            shell: "Exchange Management Shell",
            lines: [
              "Get-CASMailbox jdoe | Format-List ImapEnabled,PopEnabled",
              "Set-CASMailbox jdoe -ImapEnabled $true -PopEnabled $true",
              "Get-ImapSettings | Format-List LoginType,ExternalConnectionSettings",
              "Set-ImapSettings -LoginType SecureLogin",
              "Set-PopSettings -LoginType SecureLogin",
            ],
          },
          {
            shell: "bash",
            description: "Dovecot: the configured mechanisms and the reason for the last refusals",
            lines: ["doveconf auth_mechanisms disable_plaintext_auth", "doveadm log errors", "journalctl -u dovecot --since -1h | grep 'auth failed'"],
          },
        ],
      },
    ],
    seeAlso: ["HTTP_AUTH_METHOD_MISSING", "HTTP_UNEXPECTED_STATUS", "MUTUAL_AUTH_MISMATCH", "TLS_PROTOCOL_OBSOLETE", "CERT_CHAIN_INVALID"],
  },
} satisfies HelpPages;
