import { NGINX_RELOAD, RPC_PROXY_URL } from "./commands";
import type { HelpPages } from "./types";

/** The web server behind the TLS connection: the RPC proxy's HTTP answers, authentication methods and client-certificate settings. */
export const HTTP_HELP = {
  HTTP_UNEXPECTED_STATUS: {
    title: "Unexpected HTTP response",
    group: "Web server (HTTP)",
    severity: "error-or-warning",
    summary:
      "The server answered with an HTTP status (or a malformed HTTP response) that the test did not expect at this step. For the Outlook Anywhere RPC proxy (`https://mail.contoso.com/rpc/rpcproxy.dll`), an unauthenticated request must be answered with 401 Unauthorized listing the authentication methods, and an authenticated one with 200; 404, 403, 302, 500, 503 and similar answers mean the request never reached a working RPC proxy.",
    details: [
      "The step details show the status code and the relevant response headers (WWW-Authenticate, Location, Server). An unauthenticated 2xx from the RPC proxy is only a warning (something in front of the proxy answered without asking for credentials, e.g. a pre-authenticating reverse proxy); 404 and other non-401 answers are errors. An answer that is not valid HTTP at all, or headers that exceed the analyzer's size limit, are also reported under this code.",
      "IIS records a sub-status for every error (403.4 SSL required, 403.7 client certificate required, 404.0 not found, 503.0 application pool unavailable…). It is not sent to remote clients, but it is in the IIS log (`C:\\inetpub\\logs\\LogFiles\\W3SVC1\\`, column `sc-substatus`). On Exchange 2013 and later, the HttpProxy log (`%ExchangeInstallPath%Logging\\HttpProxy\\RpcHttp\\`) shows how the front end proxied the request to the mailbox server.",
      'What common answers mean: 401 after sending credentials is reported as LOGIN_FAILED. 403 usually means SSL is required (request over HTTP), a client certificate is required (HTTP_CLIENT_CERT_REQUIRED), or an IP restriction. 404: the RPC virtual directory or the "RPC over HTTP Proxy" Windows feature is missing, or a reverse proxy does not publish `/rpc`. 301/302: an HTTP redirect configured on the Default Web Site (for example to /owa) is inherited by the /rpc, /autodiscover and /EWS virtual directories. 440: the request hit an OWA forms-based login (typically via a reverse proxy). 500: the application failed (see the event log). 503: the application pool is stopped, or the server is in maintenance mode (server components inactive). 502/504: a load balancer or proxy could not reach the back end.',
    ],
    symptoms: [
      'Outlook Anywhere cannot connect; Outlook keeps prompting or stays "Disconnected" from outside the network.',
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
            lines: [`curl -sk -o /dev/null -D - "${RPC_PROXY_URL}"`],
          },
          {
            shell: "cmd",
            lines: [`curl.exe -sk -o NUL -D - "${RPC_PROXY_URL}"`],
          },
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
        text: "Look up the sub-status in the IIS log and the Exchange HttpProxy log for the time of the test.",
        commands: [
          {
            shell: "PowerShell",
            lines: [
              'Get-ChildItem C:\\inetpub\\logs\\LogFiles\\W3SVC1\\ | Sort-Object LastWriteTime | Select-Object -Last 1 | Get-Content -Tail 200 | Select-String "/rpc/"',
            ],
          },
        ],
      },
      {
        text: "If a reverse proxy or load balancer is in front (Web Application Proxy, F5, KEMP, nginx), publish `/rpc/*` with pass-through authentication (no pre-authentication login page) and check the health of the back-end pool. With Exchange Extended Protection enabled, TLS offloading is not supported: bridge TLS with the same certificate on the device and on Exchange.",
      },
    ],
    seeAlso: ["HTTP_AUTH_METHOD_MISSING", "HTTP_CLIENT_CERT_REQUIRED", "LOGIN_FAILED", "HTTP_TIMEOUT"],
  },
  HTTP_AUTH_METHOD_MISSING: {
    title: "The RPC proxy does not offer the selected authentication method",
    group: "Web server (HTTP)",
    severity: "error-or-warning",
    summary:
      "The unauthenticated request to the RPC proxy (`/rpc/rpcproxy.dll`) was answered with 401, but the `WWW-Authenticate` headers do not list the method selected for the test (Basic or NTLM). Outlook configured for that method cannot log on.",
    details: [
      'IIS announces every enabled method in its own `WWW-Authenticate` header: `Basic realm="mail.contoso.com"`, `NTLM`, `Negotiate`. Outlook uses the method configured in the profile\'s Exchange Proxy Settings ("Proxy authentication settings"), which Autodiscover sets from the Outlook Anywhere `ExternalClientAuthenticationMethod` (and `InternalClientAuthenticationMethod` for the EXCH provider on Exchange 2013+). The methods IIS actually offers on /rpc come from `IISAuthenticationMethods`. If the two disagree, Outlook fails.',
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
            lines: [`curl -sk -o /dev/null -D - "${RPC_PROXY_URL}" | grep -i www-authenticate`],
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
              'Set-OutlookAnywhere -Identity "EX01\\Rpc (Default Web Site)" -IISAuthenticationMethods Basic,NTLM,Negotiate',
              'Set-OutlookAnywhere -Identity "EX01\\Rpc (Default Web Site)" -ExternalClientAuthenticationMethod NTLM',
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
      "For Outlook Anywhere the request goes to `/rpc/rpcproxy.dll`; IIS normally answers an unauthenticated request at once with 401. A hang points at a stuck application pool, an authentication module waiting on a domain controller, or a reverse proxy that forwards to a back end that doesn't answer.",
    ],
    symptoms: [
      'Outlook shows "Trying to connect…" for a long time, then "Disconnected".',
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
          {
            shell: "PowerShell",
            description: "On the Exchange server itself",
            lines: ["Invoke-WebRequest -Uri https://localhost/rpc/rpcproxy.dll -UseBasicParsing -TimeoutSec 30"],
          },
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
      {
        text: "If a reverse proxy or load balancer is in front, test the Exchange server directly (bypassing it) and compare; check its health probes and timeouts.",
      },
    ],
    seeAlso: ["CONNECTION_FAILED", "TCP_TIMEOUT", "HTTP_UNEXPECTED_STATUS"],
  },
} satisfies HelpPages;
