import type { HelpCommand, HelpFix } from "./types";

/*
 * The example organisation, and the building blocks that pages in several groups share, defined once. All examples
 * use the same fictitious organisation (domain contoso.com, Exchange servers EX01 and EX02, host mail.contoso.com),
 * so a command reads the same on every page that shows it.
 */

/** Thumbprint of the certificate in use, in the Exchange examples. */
export const CERT_THUMBPRINT = "5113AE0233A72FCCB75F1D0FACDFF0FA2E94CEE8";
/** Thumbprint of the newly issued replacement certificate, in the renewal and re-key examples. */
export const NEW_CERT_THUMBPRINT = "0E1D48A1BA8D4C0F1A2B3C4D5E6F7A8B9C0D1E2F";

/** The RPC proxy request an Outlook Anywhere client starts with (without credentials it must get a 401). */
export const RPC_PROXY_URL = "https://mail.contoso.com/rpc/rpcproxy.dll?mail.contoso.com:6002";

/** Where the example organisation publishes the other services the analyzer tests (the virtual directories' ExternalUrl). */
export const AUTODISCOVER_XML_URL = "https://autodiscover.contoso.com/autodiscover/autodiscover.xml";
export const EWS_URL = "https://mail.contoso.com/EWS/Exchange.asmx";
export const ACTIVESYNC_URL = "https://mail.contoso.com/Microsoft-Server-ActiveSync";
export const MAPI_MAILSTORE_URL = "https://mail.contoso.com/mapi/emsmdb/";

/**
 * The first request of each test, without credentials, as curl sends it: every one must get 401 with the
 * authentication methods in WWW-Authenticate (ActiveSync may instead answer OPTIONS with its protocol versions).
 * `pipe` is appended to every line, e.g. " | grep -i www-authenticate".
 */
export function anonymousRequestsLines(pipe = ""): string[] {
  return [
    `curl -sk -o /dev/null -D - -H 'Content-Type: text/xml' -d '' ${AUTODISCOVER_XML_URL}${pipe}`,
    `curl -sk -o /dev/null -D - -X RPC_IN_DATA -H 'Content-Length: 0' "${RPC_PROXY_URL}"${pipe}`,
    `curl -sk -o /dev/null -D - -H 'Content-Type: text/xml' -d '' ${EWS_URL}${pipe}`,
    `curl -sk -o /dev/null -D - -X OPTIONS ${ACTIVESYNC_URL}${pipe}`,
    `curl -sk -o /dev/null -D - -H 'Content-Type: application/mapi-http' -H 'X-RequestType: Connect' -d '' ${MAPI_MAILSTORE_URL}${pipe}`,
  ];
}

/**
 * The EWS test's own request: GetFolder of jdoe's Inbox, saved to a file and POSTed with NTLM (curl asks for the
 * password). The answer's ResponseClass and ResponseCode (NoError, ErrorAccessDenied, ErrorNonExistentMailbox…) are
 * what the analyzer judged.
 */
export const EWS_GET_FOLDER: HelpCommand = {
  shell: "bash",
  description:
    "Send the analyzer's GetFolder request with NTLM (curl asks for the password; use --basic to test Basic) and show the HTTP status, ResponseClass and ResponseCode",
  lines: [
    "cat > getfolder.xml <<'EOF'",
    '<?xml version="1.0" encoding="utf-8"?>',
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="http://schemas.microsoft.com/exchange/services/2006/types" xmlns:m="http://schemas.microsoft.com/exchange/services/2006/messages"><soap:Header><t:RequestServerVersion Version="Exchange2013" /></soap:Header><soap:Body><m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="inbox"><t:Mailbox><t:EmailAddress>jdoe@contoso.com</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId></m:FolderIds></m:GetFolder></soap:Body></soap:Envelope>',
    "EOF",
    `curl -s -w '\\nHTTP %{http_code}\\n' --ntlm -u 'CONTOSO\\jdoe' -H 'Content-Type: text/xml; charset=utf-8' -H 'X-AnchorMailbox: jdoe@contoso.com' --data-binary @getfolder.xml ${EWS_URL} | grep -o -E 'HTTP [0-9]{3}$|ResponseClass="[A-Za-z]+"|ResponseCode>[A-Za-z]+<|faultstring[^<]*'`,
  ],
};

/*
 * "Ignore trust for SSL": what it changes (certificate errors become warnings, the later steps run) and what it
 * doesn't (real clients, and the Outlook Anywhere credential step, still refuse the certificate).
 */

export const IGNORE_TRUST_DETAIL =
  'With "Ignore trust for SSL" selected, the analyzer reports this problem (like every certificate check) as a warning instead of an error and continues with the remaining steps; real clients still reject the certificate. No test sends the password you entered over such a connection (Autodiscover, Outlook Anywhere, EWS, ActiveSync, MAPI over HTTP): credentials go out only when OpenSSL accepts the chain, the name matches and the connection uses TLS 1.2 or later.';

export const IGNORE_TRUST_FIX: HelpFix = {
  text: 'If you only want to see the results of the remaining steps (for example in a lab), re-run the test with "Ignore trust for SSL" checked: certificate problems, this one included, are then reported as warnings and the test continues. This does not fix anything for real clients, and no test sends your password then: credentials never go out over a certificate that only passed as a warning.',
};

/** Fetches the certificate mail.contoso.com presents on 443 and prints it with `openssl x509 -noout <x509Options>`. */
export function servedCertificateLine(x509Options: string): string {
  return `openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com </dev/null 2>/dev/null | openssl x509 -noout ${x509Options}`;
}

export const SHOW_SERVED_CERTIFICATE_LINE = servedCertificateLine("-subject -issuer -dates -ext subjectAltName");

export const SHOW_SERVED_CERTIFICATE: HelpCommand = {
  shell: "bash",
  lines: [SHOW_SERVED_CERTIFICATE_LINE],
};

export const NGINX_RELOAD_LINE = "sudo nginx -t && sudo systemctl reload nginx";

export const NGINX_RELOAD: HelpCommand = {
  shell: "bash",
  lines: [NGINX_RELOAD_LINE],
};

export const CERTBOT_NGINX: HelpCommand = {
  shell: "bash",
  description: "Linux/nginx with Let's Encrypt",
  lines: ["sudo certbot certonly --nginx -d mail.contoso.com -d autodiscover.contoso.com", NGINX_RELOAD_LINE],
};

/** Assigns the example certificate to the given Exchange services, e.g. `"IIS,SMTP"` or `"IMAP,POP"`. */
export function enableCertificateLine(services: string): string {
  return `Enable-ExchangeCertificate -Thumbprint ${CERT_THUMBPRINT} -Services ${services}`;
}

export const ENABLE_CERTIFICATE_FOR_IIS: HelpCommand = {
  shell: "Exchange Management Shell",
  lines: [enableCertificateLine("IIS")],
};

/** New key pair and certificate request on the Exchange server. */
export const NEW_CERTIFICATE_REQUEST: HelpCommand = {
  shell: "Exchange Management Shell",
  description: "Create a certificate request (new key pair) on the Exchange server; send the .req file to the CA",
  lines: [
    'New-ExchangeCertificate -GenerateRequest -RequestFile "\\\\EX01\\C$\\certs\\mail_contoso_com.req" -FriendlyName "mail.contoso.com" -SubjectName "C=US, O=Contoso, CN=mail.contoso.com" -DomainName mail.contoso.com,autodiscover.contoso.com -KeySize 2048 -PrivateKeyExportable $true',
  ],
};

/** Imports the CA's answer to a pending request and assigns the resulting certificate (identified by `thumbprint`). */
export function completeCertificateRequest(thumbprint: string): HelpCommand {
  return {
    shell: "Exchange Management Shell",
    description: "Complete the pending request with the CA's answer, then assign the certificate (use your thumbprint; add IMAP,POP if those are used)",
    lines: [
      "Import-ExchangeCertificate -Server EX01 -FileData ([System.IO.File]::ReadAllBytes('\\\\EX01\\C$\\certs\\mail_contoso_com.cer'))",
      "Get-ExchangeCertificate | Format-List FriendlyName,Subject,CertificateDomains,Thumbprint,NotAfter,Services,Status",
      `Enable-ExchangeCertificate -Server EX01 -Thumbprint ${thumbprint} -Services IIS,SMTP`,
    ],
  };
}
