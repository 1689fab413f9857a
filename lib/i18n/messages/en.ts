/**
 * The English catalogue: every string of the interface, and the templates of step texts (lib/engine/text.ts renders
 * the stored English of a step from `steps.*` and `engine.*`). The other catalogues have exactly its keys and, per
 * key, the same {placeholders} (tests/unit/i18n-catalogues.test.ts; the compiler checks the key set too).
 *
 * UI strings are ICU messages for next-intl. `steps.*`, `engine.*`, `tests.*` and `fields.*` are plain templates
 * with `{name}` placeholders only (lib/i18n/format.ts), read without ICU: they may contain `<host>`-like text.
 * `tests.*` and `fields.*` copy the English of the test definitions (lib/analyzers/*): a translation is used only
 * while the definition still says what this catalogue says, so an edited definition shows its new English rather
 * than a stale translation.
 */
export const en = {
  meta: {
    siteName: "Remote Connectivity Analyzer",
    description: "Self-hosted connectivity tests for Exchange, Outlook Anywhere, mail servers and TLS certificates, run as a remote client would.",
  },
  layout: {
    skipToContent: "Skip to content",
    footer: "Self-hosted. Results are kept for a limited time; credentials are never stored.",
    nav: { label: "Main", tests: "Tests", help: "Help" },
    language: { label: "Language", current: "{language} (current language)" },
  },
  home: {
    title: "Choose a test",
    intro:
      "A self-hosted Remote Connectivity Analyzer: it tests your Exchange, mail and TLS servers from this host the way a remote client would, step by step, and keeps each result at a permalink you can share with your team.",
  },
  catalog: {
    startTest: "Start test",
    groups: {
      exchange: { name: "Exchange Server", description: "Connectivity to Exchange and Microsoft 365 services as Outlook and mobile clients see it." },
      mail: { name: "Internet e-mail", description: "Inbound and outbound SMTP, as other mail servers see yours." },
      certificates: { name: "Certificates", description: "The certificates your services present to clients." },
    },
  },
  testPage: {
    notFound: "Test not found",
    about: {
      heading: "What this test does",
      note: "Each step is shown as it runs. The result gets a permalink that stays available for a limited time.",
    },
  },
  form: {
    legend: "Test settings",
    optional: "(optional)",
    optionalField: "(optional)",
    chooseFile: "Choose a file…",
    fileTooLarge: "The file is larger than 512 KiB: a certificate chain is far smaller.",
    sections: { connection: "Connection", security: "Security", credentials: "Credentials" },
    credentialsNote:
      "Used for this run only, never stored, logged or put in the permalink, and sent only over a connection Outlook itself would accept. Without them, the sign-in step is skipped.",
    submit: "Perform test",
    idle: "The analyzer connects from this host, as a remote client would.",
    testing: "Testing… {elapsed}",
    testingStep: "Testing… {elapsed}: {step}",
    queued: "{queue}… {elapsed}",
    navigating: "Done. Opening the result…",
    live: { waiting: "Waiting to start", running: "Running the test", finished: "Test finished", interrupted: "Test interrupted" },
    errors: {
      invalidValue: "Invalid value.",
      httpStatus: "The analyzer answered HTTP {status}.",
      emptyAnswer: "The analyzer sent an empty answer.",
      notCompleted: "The test couldn't be completed.",
      closed: "The connection to the analyzer closed before the test finished. Try again.",
      unreadable: "The analyzer sent an answer that couldn't be read. Try again.",
      unreachable: "The analyzer couldn't be reached. Check your connection and try again.",
    },
  },
  live: {
    progress: "Test progress",
    starting: "Starting",
    startingTest: "Starting the test…",
    waiting: "Waiting",
    running: "running",
    queueNext: "Waiting: your test starts next",
    queueAhead: "Waiting: {count, plural, one {# test} other {# tests}} ahead",
  },
  status: { success: "Success", warning: "Warning", error: "Error", skipped: "Skipped", info: "Information", running: "Running" },
  verdict: {
    label: "Verdict",
    success: "Connectivity test successful",
    warning: "Connectivity test successful with warnings",
    error: "Connectivity test failed",
    errors: "{count, plural, one {# error} other {# errors}}",
    warnings: "{count, plural, one {# warning} other {# warnings}}",
    skipped: "{count} skipped",
    allPassed: "All {count, plural, one {# check} other {# checks}} passed.",
    someFailed: "{parts} in {count, plural, one {# check} other {# checks}}.",
  },
  result: {
    metaTitle: "{test} result",
    breadcrumbTests: "Tests",
    breadcrumbResult: "Result",
    summaryHeading: "Test summary",
    runAgain: "Run again",
    timing: "Timing",
    timingNote: "where the {ms} ms went",
    stepsHeading: "Test steps",
    stepsIntro: "Select a step to see what was tested, what was found, and how to fix problems.",
    startedAt: "Started at",
    elapsed: "Total elapsed time",
    credentials: "Credentials",
    yes: "Yes",
    no: "No",
    notSet: "not set",
    justNow: "just now",
  },
  steps: {
    dns: {
      resolve: {
        title: "Attempting to resolve the host name {host} in DNS.",
        ipLiteral: "{host} is an IP address; no DNS lookup was needed.",
        ok: "The host name resolved successfully. IP addresses: {addresses}.",
      },
    },
    tcp: {
      connect: {
        title: "Testing TCP port {port} on host {host} to ensure it's listening and open.",
        ok: "The port was opened successfully ({address}:{port}).",
      },
    },
  },
  engine: {
    reason: {
      stepFailed: 'the step "{step}" failed.',
      deadline: "the test's time limit ({seconds} s) passed.",
    },
    skipped: { because: "Skipped because {reason}." },
    deadline: { running: "The test's time limit ({seconds} s) passed while this step was running; the rest of the test was skipped." },
    internalError: "The analyzer hit an internal error while running this step. This is not a verdict about the server.",
    default: { success: "Test passed.", warning: "Test passed with warnings.", error: "Test failed." },
  },
  stepTree: {
    none: "This test recorded no steps.",
    skipped: "Skipped",
    timeTitle: "Time this step took",
    howToFix: "How to fix: {code}",
    additionalDetails: "Additional details",
    expandAll: "Expand all",
    collapseAll: "Collapse all",
    controls: "Steps",
  },
  details: {
    notPresent: "not present",
    yes: "Yes",
    no: "No",
    empty: "empty",
    none: "none",
    more: "… and {count} more",
    labels: {
      thumbprintSha1: "Thumbprint (SHA-1)",
      thumbprintSha256: "Thumbprint (SHA-256)",
      chainAsSent: "Chain as sent",
      chainOrigin: "Chain origin",
      dnsNames: "DNS names (SAN)",
      ipAddresses: "IP addresses (SAN)",
      subjectCommonNames: "Subject common names",
      issuerCommonName: "Issuer common name",
      notBefore: "Valid from",
      notAfter: "Valid to",
      isCA: "Certificate authority",
      selfIssued: "Self-issued",
      extendedKeyUsage: "Extended key usage",
      wwwAuthenticate: "WWW-Authenticate",
      unusedSentCertificates: "Unused certificates sent",
      elapsedMs: "Elapsed",
      addresses: "Addresses",
      address: "Address",
      resolver: "Resolver",
      port: "Port",
      failedAddresses: "Failed addresses",
    },
  },
  timing: {
    row: "{title}: {status}, started at {start}, took {took}",
    skipped: "Skipped",
  },
  actions: {
    permalink: "Permalink",
    copyPermalink: "Copy permalink",
    copied: "Copied",
    permalinkCopied: "Permalink copied to the clipboard.",
    permalinkManual: "Press Ctrl+C (⌘C on a Mac) to copy the selected link.",
    downloadJson: "Download JSON",
    copyText: "Copy as text",
    textCopied: "Result copied to the clipboard as text.",
    clipboardRefused: "The browser refused the clipboard; download the JSON instead.",
    deleteResult: "Delete this result",
    confirmDelete: "Click again to delete",
    deleting: "Deleting…",
    deleteFailed: "It couldn’t be deleted. Try again.",
    copy: "Copy",
  },
  history: {
    heading: "Earlier runs of this test for {host}",
    compare: "Compare with previous run",
  },
  diff: {
    metaTitle: "Compare results",
    breadcrumb: "Compare",
    heading: "What changed",
    headingTest: "What changed: {test}",
    differentTests: "These are runs of different tests ({a} and {b}): most steps differ.",
    compared: "Compared results",
    before: "Before",
    after: "After",
    changedCount: "{count, plural, one {# step changed} other {# steps changed}}",
    changes: "Changes",
    notRun: "not run",
    noLongerRun: "no longer run",
    empty: "No step changed: every step has the same status and problem in both runs.",
    caption: "Steps whose status or problem changed",
    step: "Step",
    became: "became",
  },
  notFound: {
    page: {
      metaTitle: "Page not found",
      eyebrow: "404",
      title: "Page not found",
      text: "There is no page at this address. Check the link, or start again from the list of tests.",
      allTests: "All tests",
    },
    result: {
      metaTitle: "Result not found",
      eyebrow: "Result not found",
      title: "This result doesn’t exist or has expired",
      text: "Results are kept for a limited time and then deleted. Check that the link is complete, or run the test again to get a new permalink.",
      runTest: "Run a test",
    },
    unreadable: {
      metaTitle: "Result unreadable",
      eyebrow: "Result unreadable",
      title: "This result can’t be shown by this version",
    },
    help: "Help",
  },
  breadcrumb: { label: "Breadcrumb" },
  help: {
    title: "Help",
    description: "Every problem the analyzer reports: what it means, the symptoms, the causes and how to fix it.",
    intro:
      "Every warning and error in a result names a problem code. Each code has a page explaining what it means, the symptoms users see, the usual causes, and the exact steps and commands to fix it.",
    groupsNav: "Problem groups",
    notFound: "Problem not found",
    englishOnly: "This page is available in English only.",
    sections: { meaning: "What it means", symptoms: "Symptoms", causes: "Causes", fixes: "How to fix", seeAlso: "See also" },
    severity: { label: "Severity: ", error: "Error", warning: "Warning", errorOrWarning: "Error or warning" },
    groups: {
      dnsNetwork: "DNS and network",
      tlsConnection: "TLS connection",
      certificate: "Certificate",
      chainTrust: "Certificate chain and trust",
      http: "Web server (HTTP)",
      autodiscover: "Autodiscover",
      outlookAnywhere: "Outlook Anywhere",
      smtp: "Internet e-mail (SMTP)",
      mailDns: "Mail DNS records",
      imapPop: "IMAP and POP",
      analyzer: "Analyzer",
    },
  },
  tests: {
    activesync: {
      title: "Exchange ActiveSync",
      summary:
        "Connects to Exchange ActiveSync as a phone does: finds the server through Autodiscover or takes its name, checks the certificate and the OPTIONS answer (authentication methods, protocol versions, commands) and, with credentials, syncs the mailbox's folder hierarchy (FolderSync).",
      about: {
        step1:
          "With an e-mail address, finds Autodiscover the way devices do (four methods in order) and asks for the mobilesync settings: the ActiveSync URL. Without credentials Autodiscover hands out none, and the analyzer tries https://<Autodiscover host>/Microsoft-Server-ActiveSync.",
        step2: "Resolves the ActiveSync server in DNS, opens the port and validates the SSL certificate as a device does.",
        step3:
          "Sends an anonymous OPTIONS request to /Microsoft-Server-ActiveSync: the authentication methods offered (Basic for devices), or the protocol versions and commands.",
        step4:
          "With credentials (sent only over a connection a device would accept), sends OPTIONS again and reads the protocol versions and commands, then the FolderSync command as a new device (SyncKey 0), reporting its Status and the number of folders.",
      },
    },
    autodiscover: {
      title: "Outlook Autodiscover",
      summary:
        "Finds the Autodiscover service the way Outlook does (four methods, in Outlook's order), checks each endpoint's certificate, and with credentials shows the settings Outlook receives, including the EXPR principal name checked against the certificate.",
      about: {
        step1:
          "Tries the methods in Outlook's order: https://<domain>/autodiscover/autodiscover.xml, https://autodiscover.<domain>/…, the HTTP redirect from http://autodiscover.<domain>/…, then the SRV record _autodiscover._tcp.<domain>. The first one that works ends the search.",
        step2: "For each: DNS, the TCP port, the whole certificate check, then Outlook's POX request. Without credentials, a 401 proves the endpoint is there.",
        step3:
          "With credentials (sent only over a connection Outlook would accept), reads the response safely and shows the user, the EXCH, EXPR and WEB settings, and follows redirects.",
        step4: "Connects to the EXPR (Outlook Anywhere) server and checks its certificate against the CertPrincipalName Autodiscover hands out.",
        step5:
          "Asks the JSON Autodiscover v2 endpoint (autodiscover.json) that current Outlook and Microsoft 365 use for the EWS and ActiveSync URLs, and reports what it returns.",
      },
    },
    ews: {
      title: "Exchange Web Services (EWS)",
      summary:
        "Finds EWS through Autodiscover (or at the server you name), checks its certificate and HTTP authentication methods, names the server behind NTLM, and with credentials gets the Inbox with a GetFolder request, showing the Exchange version that answered.",
      about: {
        step1:
          "With an e-mail address, finds EWS through Autodiscover the way EWS clients do (Outlook's four methods, in order). With credentials the EWS URL comes from the settings (the external EXPR one first); without, https://<Autodiscover host>/EWS/Exchange.asmx, Exchange's default, is tried. With a server name, tests EWS there instead.",
        step2: "Resolves the EWS server in DNS, opens the port, and validates its SSL certificate as clients do: name, chain and trust, dates, strength.",
        step3:
          "Sends EWS an anonymous GetFolder request and lists the HTTP authentication methods it offers; with NTLM or Negotiate, reads the server's name, domain and Windows version from its NTLM challenge.",
        step4:
          "With credentials (sent only over a connection Outlook would accept: a trusted chain, the right name, TLS 1.2 or later), gets the Inbox with GetFolder (Basic, or NTLM with channel bindings) and shows the folder, its item counts and the Exchange version that answered.",
      },
    },
    "mapi-http": {
      title: "Outlook MAPI over HTTP",
      summary:
        "Finds the MAPI over HTTP endpoints (through Autodiscover, or on the server you name), checks their certificate and the authentication methods of the Mail Store (/mapi/emsmdb) and Address Book (/mapi/nspi), and with credentials opens a mailbox session with Outlook's own Connect request.",
      about: {
        step1:
          "With an e-mail address, finds the server through Autodiscover as Outlook does; its mapiHttp settings name the Mail Store and Address Book URLs. Without those settings (no credentials, or MAPI over HTTP not offered) it tries /mapi/ on the Outlook Anywhere server or the server Autodiscover answered from. With a server name too, those URLs are tested on that server.",
        step2: "Resolves the MAPI server in DNS, opens the port and validates the SSL certificate as Outlook does: name, chain and trust, dates, strength.",
        step3:
          "Sends Outlook's unauthenticated Connect (Mail Store) and Bind (Address Book) requests and lists the HTTP authentication methods offered, the Exchange version (X-ServerApplication) and, through NTLM, which server answered.",
        step4:
          "With credentials (sent only over a connection Outlook itself would accept), sends the MAPI over HTTP Connect request with the chosen method and reads X-ResponseCode, the session cookies and the Connect response.",
      },
    },
    "outlook-anywhere": {
      title: "Outlook Anywhere (RPC over HTTP)",
      summary:
        "Checks the RPC proxy's certificate, client-certificate settings, HTTP authentication methods and the msstd: mutual authentication principal Outlook uses.",
      about: {
        step1:
          'With "Use Autodiscover": first finds the Outlook Anywhere (EXPR) server and its CertPrincipalName through Autodiscover, as Outlook does, then tests that server with that principal.',
        step2: "Resolves the RPC proxy server in DNS and opens the port.",
        step3: "Validates the SSL certificate as Outlook does: name, chain and trust, dates, strength.",
        step4: "Checks the client-certificate settings and the HTTP authentication methods the RPC proxy (/rpc/rpcproxy.dll) offers.",
        step5: "Compares the certificate with the mutual authentication principal name.",
        step6:
          "With credentials, pings the RPC proxy with the chosen method (Basic or NTLM), only over a connection Outlook itself would accept: a trusted chain, the right name, TLS 1.2 or later.",
      },
    },
    "tls-certificate": {
      title: "TLS certificate",
      summary:
        "Checks a server's certificate as a client sees it: name, chain and trust, dates, key and signature strength, server-authentication usage; and which TLS versions it accepts.",
      about: {
        step1: "Resolves the host name in DNS and opens the TCP port.",
        step2: "Performs the TLS handshake and records the certificate chain exactly as the server sends it.",
        step3:
          "Checks the name, the chain up to a trusted root (RFC 5280, with OpenSSL's verdict as a second opinion), the validity dates, the key and signature strength and the server-authentication usage.",
        step4:
          "Offers each TLS version alone to see which ones the server accepts: without TLS 1.2 or 1.3 current clients can't connect, and TLS 1.0 and 1.1 are obsolete.",
      },
    },
  },
  fields: {
    common: {
      ignoreTrust: {
        label: "Ignore trust for SSL",
        hint: "Certificate problems (untrusted root, name mismatch, expiry) are reported as warnings instead of errors, and the test goes on. Credentials are never sent over a connection whose certificate isn't trusted.",
      },
      username: { label: "User name", hint: "DOMAIN\\user or user@contoso.com (UPN)" },
      password: { label: "Password" },
      authMethod: { label: "Authentication method" },
      emailAddress: { label: "E-mail address" },
      port: { label: "Port", hint: "{port} unless the server listens on another port." },
      mutualAuthPrincipal: {
        label: "Mutual authentication principal name",
        hint: 'Outlook\'s "Only connect to proxy servers that have this principal name in their certificate" setting: usually `msstd:` followed by the name on the certificate, or `msstd:*.contoso.com` for a wildcard certificate. Filled in from the server name until you change it.',
      },
      useAutodiscover: {
        label: "Use Autodiscover to detect server settings",
        hint: "Outlook's own way: Autodiscover names the Outlook Anywhere server and the principal name, then that server is tested. Needs the e-mail address and credentials.",
      },
    },
    activesync: {
      emailAddress: {
        hint: "Finds the ActiveSync server with Autodiscover, as a phone does (the mobilesync schema). Leave it empty to name the server below.",
      },
      host: {
        label: "ActiveSync server",
        hint: "Or name the server yourself (a phone's manual settings): it is then used instead of Autodiscover.",
      },
      port: { hint: "443 unless the server listens on another port (with the server name only: Autodiscover's URL names its own)." },
    },
    autodiscover: {
      emailAddress: { hint: "The mailbox's primary SMTP address: its domain decides where Outlook looks for Autodiscover." },
    },
    ews: {
      emailAddress: {
        hint: "The mailbox to test: Autodiscover finds its EWS URL, as Outlook for Mac and other EWS clients do. Or leave it empty and enter the EWS server.",
      },
      host: {
        label: "EWS server",
        hint: "Or the host name of the EWS URL (the EWS virtual directory's ExternalUrl): https://<host>/EWS/Exchange.asmx is then tested without asking Autodiscover. With an e-mail address too, GetFolder opens that mailbox's Inbox.",
      },
      port: { hint: "443 unless EWS listens on another port. With an e-mail address, the URL Autodiscover hands out decides." },
    },
    "mapi-http": {
      emailAddress: {
        hint: "A mailbox's primary SMTP address: Autodiscover finds its MAPI over HTTP endpoints, as Outlook does. Or leave it empty and name the server below.",
      },
      host: {
        label: "Exchange server",
        hint: "The external host name of the /mapi virtual directory (its ExternalUrl), e.g. mail.contoso.com: https://<server>/mapi/emsmdb/ and /mapi/nspi/ are tested. With an e-mail address too, the URLs Autodiscover gives the mailbox are tested on this server (one server behind a load balancer, say).",
      },
      port: { hint: "With a server name: 443 unless it listens on another port. With an e-mail address alone, the Autodiscover URLs decide." },
    },
    "outlook-anywhere": {
      emailAddress: { hint: "With Autodiscover: the mailbox whose Outlook Anywhere settings Autodiscover hands out." },
      host: {
        label: "RPC proxy server",
        hint: "Without Autodiscover: the external host name of Outlook Anywhere, as set on the RPC virtual directory (ExternalHostname).",
      },
    },
    "tls-certificate": {
      host: { label: "Server", hint: "The host name or IP address clients connect to, without https:// or a path." },
    },
  },
} as const;

export type EnglishMessages = typeof en;
