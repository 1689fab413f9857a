import { chainPictureEn } from "./chain-picture";
import { choiceLabelsEn, detailLabelsEn } from "./detail-labels";
import { activeSyncStepsEn } from "./steps/activesync";
import { autodiscoverStepsEn } from "./steps/autodiscover";
import { ctCaaStepsEn } from "./steps/ct-caa";
import { ewsStepsEn } from "./steps/ews";
import { httpStepsEn } from "./steps/http";
import { mailboxStepsEn } from "./steps/mailbox";
import { mapiHttpStepsEn } from "./steps/mapi-http";
import { outlookAnywhereStepsEn } from "./steps/outlook-anywhere";
import { pathValidationStepsEn } from "./steps/path-validation";
import { smtpInboundStepsEn } from "./steps/smtp-inbound";
import { smtpOutboundStepsEn } from "./steps/smtp-outbound";
import { textExportEn } from "./text-export";
import { validationEn } from "./validation";

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
    autodiscover: autodiscoverStepsEn,
    http: httpStepsEn,
    outlookAnywhere: outlookAnywhereStepsEn,
    ews: ewsStepsEn,
    activeSync: activeSyncStepsEn,
    mapiHttp: mapiHttpStepsEn,
    smtpInbound: smtpInboundStepsEn,
    smtpOutbound: smtpOutboundStepsEn,
    mailbox: mailboxStepsEn,
    ctCaa: ctCaaStepsEn,
    pathValidation: pathValidationStepsEn,
    dns: {
      resolve: {
        title: "Attempting to resolve the host name {host} in DNS.",
        ipLiteral: "{host} is an IP address; no DNS lookup was needed.",
        ok: "The host name resolved successfully. IP addresses: {addresses}.",
      },
      errors: {
        noRecord: "The host name {host} couldn't be resolved: no A or AAAA record exists.",
        incomplete: "The DNS lookup of {host} couldn't be completed: {asked} {reason}.",
        failed: "The DNS lookup of {host} failed ({code}).",
        busy: "The analyzer is waiting for too many DNS answers at once to look up {host} now; try again in a moment.",
        timeout: "No DNS answer for {host} within {ms} ms.",
        srvNone: "No SRV record {name} exists.",
        srvFailed: "The SRV lookup of {name} failed ({code}).",
        asked: {
          system: "This server's DNS resolver",
          one: "The DNS server {servers}",
          many: "The DNS servers {servers}",
        },
        reasons: {
          EREFUSED: "refused to answer (REFUSED): it doesn't resolve this name for the analyzer.",
          ESERVFAIL: "reported a failure (SERVFAIL): the domain's name servers didn't answer it, or its DNSSEC signatures don't validate.",
          ECONNREFUSED: "couldn't be reached (connection refused).",
          EBADRESP: "sent an answer that isn't valid DNS.",
          EFORMERR: "couldn't read the query (FORMERR).",
        },
      },
    },
    target: {
      singleLabel:
        "This analyzer doesn't look up single-label names like {host}: they resolve through this server's own search domains. Enter the full name (like {host}.contoso.com). The operator can allow internal names with RCA_ALLOW_PRIVATE_TARGETS=true.",
      literalA:
        "This analyzer doesn't connect to {address}: it is a {category} address, and only public addresses are allowed. The operator can allow private targets with RCA_ALLOW_PRIVATE_TARGETS=true.",
      literalAn:
        "This analyzer doesn't connect to {address}: it is an {category} address, and only public addresses are allowed. The operator can allow private targets with RCA_ALLOW_PRIVATE_TARGETS=true.",
      literalOwn:
        "This analyzer doesn't connect to {address}: it is this analyzer's own address, and only public addresses are allowed. The operator can allow private targets with RCA_ALLOW_PRIVATE_TARGETS=true.",
      resolvedA:
        "This analyzer doesn't connect to {host}: it resolves to a {category} address, and only public addresses are allowed. The operator can allow private targets with RCA_ALLOW_PRIVATE_TARGETS=true.",
      resolvedAn:
        "This analyzer doesn't connect to {host}: it resolves to an {category} address, and only public addresses are allowed. The operator can allow private targets with RCA_ALLOW_PRIVATE_TARGETS=true.",
      resolvedOwn:
        "This analyzer doesn't connect to {host}: it resolves to this analyzer's own address, and only public addresses are allowed. The operator can allow private targets with RCA_ALLOW_PRIVATE_TARGETS=true.",
    },
    tcp: {
      connect: {
        title: "Testing TCP port {port} on host {host} to ensure it's listening and open.",
        ok: "The port was opened successfully ({address}:{port}).",
      },
      errors: {
        timeout: "No answer from {address} on port {port} within {ms} ms: a firewall may be dropping the connection.",
        refused: "The connection to {address} on port {port} was refused: nothing is listening, or a firewall rejects it.",
        unreachable: "{address} on port {port} couldn't be reached ({code}).",
        failed: "The connection to {address} on port {port} failed ({code}).",
        failedUnknown: "The connection to {address} on port {port} failed (unknown error).",
        portForbidden: "Port {port} isn't one this analyzer may connect to (RCA_ALLOWED_PORTS={rule}): nothing was sent to {where}.",
        noAddress: "{host} has no address to connect to.",
      },
    },
    tls: {
      errors: {
        timeoutSilent: "The server accepted the TCP connection but sent nothing within {ms} ms.",
        timeoutIncomplete: "The server answered but didn't complete the handshake within {ms} ms.",
        plainTextGuess: "The server answered in plain text that looks like {protocol} instead of TLS: this port doesn't speak TLS ({hint}).",
        plainText: "The server answered in plain text instead of TLS: this port doesn't speak TLS (plain HTTP, or a protocol that needs STARTTLS).",
        noSharedVersion: "The server and the analyzer share no TLS protocol version: the server only offers obsolete versions (SSL 3.0 or older).",
        certificateRefused: "OpenSSL refused the server's certificate ({code}).",
        closed: "The server closed the connection during the TLS handshake.",
        notTls: "The server answered with data that isn't TLS.",
        failed: "The TLS handshake failed ({code}).",
        failedUnknown: "The TLS handshake failed (unknown error).",
      },
    },
    certificate: {
      title: "Testing the SSL certificate to make sure it's valid.",
      obtain: {
        title: "Attempting to obtain the SSL certificate from remote server {host} on port {port}.",
        noCertificate: "no SSL certificate could be obtained from the server.",
        unreadable: "The server completed the handshake but sent no certificate that could be read.",
        ok: "The analyzer successfully obtained the remote SSL certificate. Remote Certificate Subject: {subject}, Issuer: {issuer}. Negotiated {protocol} with {cipher}.",
        noModernTls:
          "The analyzer successfully obtained the remote SSL certificate. Remote Certificate Subject: {subject}, Issuer: {issuer}. Negotiated {protocol} with {cipher}. The analyzer offered every version up to {offered} and the server chose {chosen}, so it supports no TLS 1.2 or later: current Outlook, Windows and Microsoft 365 clients cannot connect. Enable TLS 1.2.",
        obsoleteTls:
          "The analyzer successfully obtained the remote SSL certificate. Remote Certificate Subject: {subject}, Issuer: {issuer}. Negotiated {protocol} with {cipher}. {chosen} is obsolete: current clients refuse it. Enable TLS 1.2 or later.",
      },
      summary: {
        valid: "The certificate is valid.",
        validWithWarnings: "The certificate is valid, with warnings.",
        warningsBecause: "The certificate has problems, reported as warnings because {because}.",
        opportunisticTls: "most sending servers don't validate the certificate of opportunistic STARTTLS",
        ignoreTrustSelected: '"Ignore trust for SSL" is selected',
        invalid: "The certificate couldn't be validated: see the failed checks below.",
        notObtained: "The SSL certificate couldn't be obtained, so it couldn't be validated.",
        hasProblems: "The certificate has problems: see the failed checks below.",
      },
      name: {
        title: "Validating the certificate name.",
        titleMany: "Validating the certificate names ({count} host names).",
        titleHost: "Validating the certificate name {host}.",
        summary: {
          success: "Every host name is on the certificate.",
          warning: "The host names are on the certificate, with warnings.",
          error: "Not every host name is on the certificate: see the names below.",
        },
        ipFound: "IP address {host} was found in the certificate's Subject Alternative Name entries.",
        ipMismatch: "IP address {host} isn't among the certificate's Subject Alternative Name IP addresses ({addresses}).",
        foundSan: "Host name {host} was found in the Certificate Subject Alternative Name entries.",
        foundSanWildcard: "Host name {host} was found in the Certificate Subject Alternative Name entries (wildcard {wildcard}).",
        foundCn:
          "Host name {host} was found in the Certificate Subject Common name (the certificate has no Subject Alternative Names, so the common name was used).",
        foundCnWildcard:
          "Host name {host} was found in the Certificate Subject Common name (the certificate has no Subject Alternative Names, so the common name was used) (wildcard {wildcard}).",
        mismatch: "Host name {host} doesn't match any name on the certificate. Names found: {names}.",
        mismatchCnOnly:
          "Host name {host} doesn't match any name on the certificate. Names found: {names}. The certificate has no Subject Alternative Names; only its common name was checked.",
        mismatchCnIgnored:
          "Host name {host} doesn't match any name on the certificate. Names found: {names}. The common name ({commonNames}) isn't used because Subject Alternative Names are present.",
      },
      trust: {
        title: "Certificate trust is being validated.",
        trusted: "The certificate is trusted and all required certificates are present in the chain.",
        outOfOrder: "The certificate is trusted, but the server sends its chain out of order ({order}); some clients fail to build the path.",
        fromTrustStore: "trust store",
        sentAs: "sent #{number}",
        opensslOnlyRefuses:
          "OpenSSL refuses this certificate chain ({reason}), although the analyzer's own path validation found no broken rule. A chain OpenSSL refuses is never reported as trusted: clients that verify the same way refuse it too.",
        selfSigned: "The certificate is self-signed (issued by itself: {subject}). Clients won't trust it unless it is installed on every device.",
        untrustedRoot: 'The certificate chain ends at the root "{subject}", which isn\'t in the trusted root store.',
        intermediateMissing:
          "The server didn't send the intermediate certificate that issued its certificate (\"{issuer}\"), and it isn't a trusted root. Clients that don't fetch missing intermediates will fail.",
        chainStops:
          'The chain stops at {top}: its issuer "{issuer}" wasn\'t sent by the server and isn\'t a trusted root. Add that intermediate certificate to the chain the server sends (if "{issuer}" is itself a root, it isn\'t trusted).',
        badSignatureStore:
          "The signature on {certificate} doesn't verify with the public key of \"{issuer}\" (in the trusted root store), the certificate bearing its issuer's name: the certificate was altered, or it was signed by another key of a CA with the same name (a re-keyed CA whose current certificate the server doesn't send).",
        badSignatureSent:
          "The signature on {certificate} doesn't verify with the public key of \"{issuer}\" (sent as certificate #{number}), the certificate bearing its issuer's name: the certificate was altered, or it was signed by another key of a CA with the same name (a re-keyed CA whose current certificate the server doesn't send).",
        role: {
          server: 'the server certificate "{subject}"',
          intermediate: 'the intermediate certificate "{subject}"',
          root: 'the root certificate "{subject}"',
        },
        refusedOpenSsl: "{refusal}. OpenSSL refuses the chain too ({reason}).",
        refusedOthers: "{refusal}. Other problems on this path: {problems}.",
        refusedOthersOpenSsl: "{refusal}. Other problems on this path: {problems}. OpenSSL refuses the chain too ({reason}).",
        refusedOthersMore: "{refusal}. Other problems on this path: {problems} and {more} more.",
        refusedOthersMoreOpenSsl: "{refusal}. Other problems on this path: {problems} and {more} more. OpenSSL refuses the chain too ({reason}).",
      },
      chain: {
        title: "Certificate {position} in the chain: {subject}",
        fromTrustStore: "Issued by {issuer}; valid from {notBefore} to {notAfter}; from the trusted root store.",
        sent: "Issued by {issuer}; valid from {notBefore} to {notAfter}; sent by the server as certificate #{number}.",
      },
      dates: {
        title: "Testing the certificate date to confirm the certificate is valid.",
        expired: "The server certificate expired on {date}.",
        chainExpired: 'The chain certificate "{subject}" expired on {date}.',
        notYetValid: "The server certificate isn't valid until {date}.",
        chainNotYetValid: 'The chain certificate "{subject}" isn\'t valid until {date}.',
        expiresInOneDay: "The certificate expires in {days} day ({date}). Renew it before it expires.",
        expiresSoon: "The certificate expires in {days} days ({date}). Renew it before it expires.",
        ok: "Date validation passed. The certificate hasn't expired. NotBefore = {notBefore}, NotAfter = {notAfter} ({days} days left).",
      },
      strength: {
        title: "Checking the certificate's key and signature strength.",
        weakRsa: "The certificate has an RSA key of {bits} bits; at least {min} bits are required.",
        chainWeakRsa: 'The chain certificate "{subject}" has an RSA key of {bits} bits; at least {min} bits are required.',
        weakEc: "The certificate has an elliptic-curve key of {bits} bits ({curve}); at least {min} bits are required.",
        chainWeakEc: 'The chain certificate "{subject}" has an elliptic-curve key of {bits} bits ({curve}); at least {min} bits are required.',
        weakSignature: "The server certificate is signed with {algorithm}; {hash} signatures are rejected by current clients.",
        chainWeakSignature: 'The chain certificate "{subject}" is signed with {algorithm}; {hash} signatures are rejected by current clients.',
        ok: "The certificate uses a {bits}-bit {algorithm} key and a {signature} signature.",
        okNoSize: "The certificate uses a {algorithm} key and a {signature} signature.",
      },
      usage: {
        title: "Checking the certificate's Extended Key Usage for server authentication.",
        unrestricted: "The certificate has no Extended Key Usage restriction; server authentication is allowed.",
        allowed: "The certificate's Extended Key Usage allows server authentication ({usages}).",
        notAllowed:
          "The certificate's Extended Key Usage ({usages}) doesn't include Server Authentication (1.3.6.1.5.5.7.3.1); clients will reject it for TLS servers.",
      },
    },
    revocation: {
      title: "Checking whether the certificate has been revoked.",
      certificate: { title: "Checking the revocation status of certificate {position} in the chain: {subject}" },
      selfSigned: "The certificate is self-signed: no CA can revoke it, so there is no revocation status to check.",
      noServices: "The certificates name no revocation service, so their revocation can't be checked.",
      summary: {
        success: "No certificate of the chain has been revoked.",
        revokedIgnored: 'A certificate of the chain has been revoked (reported as a warning because "Ignore trust for SSL" is selected).',
        unconfirmed: "The revocation status couldn't be confirmed for every certificate: see below.",
        revoked: "A certificate of the chain has been revoked: see below.",
      },
      noService:
        "The certificate names no revocation service (no OCSP responder in Authority Information Access, no CRL distribution point): clients can't check whether it has been revoked.",
      issuerMissing: "The certificate's issuer isn't in the chain, so its revocation can't be checked: OCSP and CRLs both need the issuer's certificate.",
      unchecked:
        "The revocation status couldn't be checked: {failures} Clients that check revocation can't either: some refuse the connection, others accept it without knowing.",
      source: {
        ocsp: "The OCSP responder {url}",
        ocspGet: "The OCSP responder {url} (asked by GET after the POST failed)",
        crl: "The CRL at {url}",
        crlCached: "The CRL at {url} (cached)",
      },
      revoked: "{source} says the certificate was revoked {when}. Clients refuse it: replace the certificate.",
      unknown:
        "{source} doesn't know this certificate (status \"unknown\"): clients can't confirm it hasn't been revoked. The responder may not serve this CA, or the certificate isn't in its database.",
      unknownTriedFirst:
        "{source} doesn't know this certificate (status \"unknown\"): clients can't confirm it hasn't been revoked. The responder may not serve this CA, or the certificate isn't in its database. Tried first: {failures}",
      good: "{source} says the certificate is good: not revoked ({validity}).",
      notListed: "{source} doesn't list the certificate's serial number {serialNumber}: not revoked ({validity}).",
      goodTriedFirst: "{good}. Tried first: {failures} Clients that only ask that service can't check revocation.",
      when: {
        dated: "on {date} (no reason given)",
        datedReason: "on {date} (reason: {reason})",
        undated: "on an unstated date (no reason given)",
        undatedReason: "on an unstated date (reason: {reason})",
      },
      validity: {
        signed: "signed by {signer}, current from {thisUpdate}",
        signedUntil: "signed by {signer}, current from {thisUpdate} to {nextUpdate}",
        current: "current from {thisUpdate}",
        currentUntil: "current from {thisUpdate} to {nextUpdate}",
      },
      signer: { issuer: "the issuing CA", delegated: "delegated responder {subject}" },
      stapling: {
        title: "Checking the OCSP response stapled by the server.",
        noCertificate: "no certificate was obtained.",
        none: "The server doesn't staple an OCSP response: each client asks the CA's responder itself. Stapling (IIS enables it by default) saves clients that request and keeps working when the responder is slow.",
        noneNoResponder: "The server doesn't staple an OCSP response (the certificate names no OCSP responder, so there is nothing to staple).",
        unverifiable: "The server staples an OCSP response, but the certificate's issuer isn't in the chain, so it can't be verified.",
        invalid:
          "{failure} Clients ignore an invalid stapled response (and refuse the connection when the certificate requires stapling): the server must refresh it from the CA's responder before it expires.",
        revoked: "The server staples an OCSP response saying its certificate was revoked {when}. Clients refuse it: replace the certificate.",
        unknown: "The server staples an OCSP response whose status is \"unknown\": clients can't use it to confirm the certificate isn't revoked.",
        good: "The server staples a valid, current OCSP response: the certificate is good ({validity}).",
      },
    },
    protocols: {
      title: "Checking which TLS protocol versions the server accepts.",
      accepts: "The server accepts {accepted}.",
      acceptsRefuses: "The server accepts {accepted}; it refuses {refused}.",
      acceptsNone: "The server accepts none of the versions offered.",
      acceptsNoneRefuses: "The server accepts none of the versions offered; it refuses {refused}.",
      noModern:
        "{summary}. The server accepts neither TLS 1.2 nor TLS 1.3: current Outlook, Windows and Microsoft 365 clients can't connect. Enable TLS 1.2 (and 1.3 where the server supports it).",
      obsoleteOne: "{summary}. {version} is obsolete (RFC 8996): disable it once no old client needs it.",
      obsoleteMany: "{summary}. {versions} and {last} are obsolete (RFC 8996): disable them once no old client needs them.",
    },
    mutualAuth: {
      ok: "Mutual authentication was verified successfully. Certificate common name {cn} matches {principal}.",
      sanOnly:
        "Certificate Subject Alternative Name {san} matches {principal}, but the common name ({cn}) doesn't. Outlook on Windows Vista and later accepts a Subject Alternative Name match; older clients require the common name to match.",
      mismatch:
        "The certificate common name {cn} doesn't validate against the mutual authentication string that was provided: {principal}. The principal that would work is {suggested}.",
      mismatchSans:
        "The certificate common name {cn} doesn't validate against the mutual authentication string that was provided: {principal}. Subject Alternative Names: {sans}. The principal that would work is {suggested}.",
      mismatchNoCn:
        "The certificate common name (none) doesn't validate against the mutual authentication string that was provided: {principal}. The certificate has no common name, so no msstd: principal can match it for older clients.",
      mismatchNoCnSans:
        "The certificate common name (none) doesn't validate against the mutual authentication string that was provided: {principal}. Subject Alternative Names: {sans}. The certificate has no common name, so no msstd: principal can match it for older clients.",
    },
    certfile: {
      read: {
        title: "Reading the certificates you pasted.",
        leafUnreadable: "The first certificate (the leaf) couldn't be read: it isn't a valid X.509 certificate.",
        noneReadable: "No certificate could be read from the text you pasted.",
        okOne: "Read {count} certificate, leaf first: {list}.",
        ok: "Read {count} certificates, leaf first: {list}.",
      },
      check: {
        title: "Testing the certificate to make sure it's valid.",
        titleOn: "Testing the certificate to make sure it's valid on {date}.",
      },
      principal: {
        title: "Testing the msstd: principal name Outlook Anywhere uses.",
        advice:
          'No principal was given. The principal that works with this certificate is {principal}: set it with Set-OutlookProvider EXPR -CertPrincipalName:"{principal}".',
        noCommonName:
          "No principal was given, and the certificate has no common name: Outlook Anywhere's msstd: principal can only match a Subject Alternative Name on current clients.",
      },
    },
    common: {
      none: "none",
      list: "{first}, {rest}",
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
    ignoredTrust: {
      sentence: '{message}. (Ignored: "Ignore trust for SSL" is selected.)',
      phrase: '{message} (Ignored: "Ignore trust for SSL" is selected.)',
    },
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
    labels: detailLabelsEn,
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
    "smtp-inbound": {
      title: "Inbound SMTP e-mail",
      summary:
        "Tests that a domain can receive e-mail from the Internet as a sending server sees it: the MX records, each mail exchanger's banner and EHLO, STARTTLS and its certificate, a recipient, the open-relay check, and the domain's MTA-STS, DANE and TLS-RPT records. Nothing is ever delivered.",
      about: {
        step1:
          "Looks up the domain's MX records in preference order (with no MX, the domain's own address, as RFC 5321 says). A null MX means the domain takes no mail.",
        step2:
          "Tries each mail exchanger in turn, as a sending server does, until one accepts an SMTP dialog: DNS, the TCP port, the 220 banner (its name against the address's reverse DNS), and EHLO with the extensions offered (SIZE, STARTTLS, PIPELINING…). The analyzer introduces itself as rca-analyzer.invalid.",
        step3:
          "Starts TLS with STARTTLS and checks the certificate; certificate problems are warnings, as most senders don't validate opportunistic TLS. Then EHLO again over TLS.",
        step4:
          "With a recipient, asks whether the server accepts mail for it; then checks that it refuses to relay mail between two outside addresses. Never sends DATA: nothing is delivered.",
        step5:
          "Checks the domain's MTA-STS policy (the _mta-sts TXT record and the policy served over HTTPS, its MX patterns and mode), the DANE TLSA records of the mail exchanger against its certificate, and the TLS-RPT record for TLS failure reports.",
      },
    },
    "smtp-outbound": {
      title: "Outbound SMTP e-mail",
      summary:
        "Checks what receiving mail servers look up about your sending server before they accept its mail: the reverse DNS of its IP address, the DNS block lists, and with a domain its SPF and DMARC records.",
      about: {
        step1: "Only asks DNS about the address: nothing connects to it. A private address is refused, since other mail servers never see one.",
        step2:
          "Looks up the reverse DNS (PTR) record of the IP address and checks that the name resolves back to the same address (forward-confirmed reverse DNS), as receiving servers do.",
        step3:
          "Asks each DNS block list (Spamhaus ZEN, SpamCop, Barracuda, PSBL, Mailspike unless the operator chose others) whether the address is listed, with the list's reason.",
        step4:
          "With a domain, evaluates its SPF record for the address as a receiver does for mail from postmaster@<domain> (includes, redirects, a, mx, ptr and exists mechanisms, within RFC 7208's limit of 10 DNS lookups), and shows which mechanism decided.",
        step5: "With a domain, reads its DMARC record (at _dmarc.<domain>, else at the organisational domain) and shows the policy.",
      },
    },
    imap: {
      title: "IMAP",
      summary:
        "Connects to an IMAP server as a mail client does: TLS at once (993) or after STARTTLS (143), the certificate, the greeting and capabilities, and with credentials the login and a count of the Inbox's messages.",
      about: {
        step1: "Resolves the host name in DNS and opens the TCP port (993 for implicit TLS, 143 for STARTTLS, unless you give another).",
        step2:
          "With implicit TLS, performs the handshake at once and validates the certificate as mail clients do: name, chain and trust, dates, strength, usage.",
        step3: "Reads the server's greeting and its capabilities (IMAP4rev1, IDLE, AUTH=PLAIN, LOGINDISABLED, STARTTLS…).",
        step4:
          "With STARTTLS, checks that it is offered (passwords would otherwise cross the network in clear text), starts TLS, validates the certificate and reads the capabilities again.",
        step5:
          "With credentials (sent only over TLS whose certificate passed every check), logs on with LOGIN, or AUTHENTICATE PLAIN where LOGIN is disabled, and counts the Inbox's messages with STATUS, which changes nothing. Then logs off.",
      },
    },
    pop: {
      title: "POP",
      summary:
        "Connects to a POP3 server as a mail client does: TLS at once (995) or after STLS (110), the certificate, the greeting and capabilities, and with credentials the login and a count of the mailbox's messages.",
      about: {
        step1: "Resolves the host name in DNS and opens the TCP port (995 for implicit TLS, 110 for STARTTLS, unless you give another).",
        step2:
          "With implicit TLS, performs the handshake at once and validates the certificate as mail clients do: name, chain and trust, dates, strength, usage.",
        step3: "Reads the server's greeting and its capabilities with CAPA (TOP, UIDL, SASL PLAIN, USER, STLS…).",
        step4:
          "With STLS, checks that it is offered (passwords would otherwise cross the network in clear text), starts TLS, validates the certificate and reads the capabilities again.",
        step5:
          "With credentials (sent only over TLS whose certificate passed every check), logs on with USER and PASS, or AUTH PLAIN where USER isn't offered, and counts the mailbox's messages with STAT, which changes nothing. Then logs off with QUIT (nothing is deleted).",
      },
    },
    "certificate-file": {
      title: "Certificate file (before installing it)",
      summary:
        "Checks a certificate you are about to install, without connecting to your server: the host names it must serve, the chain up to a trusted root, the dates on your go-live day, key and signature strength, server-authentication usage, and the msstd: principal Outlook Anywhere needs.",
      about: {
        step1:
          "Reads the pasted certificates (PEM, or a PKCS #7 bundle, or a file you choose) without connecting to your server; a private key is refused before anything runs.",
        step2: "Checks each host name against the certificate, as clients match names (wildcards one label deep).",
        step3:
          "Builds the chain to a trusted root (the bundled Mozilla roots, NODE_EXTRA_CA_CERTS and the roots you paste) under RFC 5280, with OpenSSL's verdict as a second opinion, exactly as for a served certificate.",
        step4: "Checks the validity dates on the date you choose, the key and signature strength and the server-authentication usage.",
        step5:
          "Asks the issuing CA whether a certificate of the chain has been revoked (its OCSP responder, else its CRL): the only network the test uses, never your server.",
        step6: "Checks the msstd: principal Outlook Anywhere uses, or says which principal works and the command that sets it.",
      },
    },
  },
  fields: {
    common: {
      security: { label: "Encryption" },
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
    "smtp-inbound": {
      domain: {
        label: "Domain",
        hint: "The domain that receives the mail (the part after @): its MX records name the servers to test. Or leave it empty and name a mail server below.",
      },
      host: { label: "Mail server", hint: "Or one mail server to test directly, without an MX lookup (MTA-STS, DANE and TLS-RPT are then not checked)." },
      port: { hint: "25, the port servers deliver mail to each other on. Another port only for a test setup." },
      recipient: {
        label: "Recipient",
        hint: "Optional: an address at the domain. The test asks the server whether it accepts mail for it (MAIL FROM, RCPT TO, then RSET): nothing is sent.",
      },
      relayCheck: {
        label: "Check for an open relay",
        hint: "Asks the server to accept mail from an outside address (example.com) to another outside address (example.net); it must refuse. Nothing is sent.",
      },
    },
    "smtp-outbound": {
      ip: {
        label: "Sending server's IP address",
        hint: "The public IP address your mail server (or its firewall's NAT) sends from, as receivers see it: the first Received header of a message it sent to an outside mailbox shows it.",
      },
      domain: {
        label: "Sending domain",
        hint: "Optional: the domain of your senders' addresses (contoso.com), to check that its SPF record permits this IP address and that it has a DMARC policy.",
      },
    },
    imap: {
      host: { label: "IMAP server", hint: "The host name mail clients use for incoming mail (IMAP), e.g. imap.contoso.com or outlook.office365.com." },
      security: {
        hint: "Implicit TLS encrypts from the first byte (port 993); STARTTLS starts unencrypted and upgrades with the STARTTLS command (port 143).",
      },
      port: { hint: "Leave empty for 993 with implicit TLS or 143 with the upgrade command, unless the server listens on another port." },
    },
    pop: {
      host: { label: "POP server", hint: "The host name mail clients use for incoming mail (POP3), e.g. pop.contoso.com or outlook.office365.com." },
      security: { hint: "Implicit TLS encrypts from the first byte (port 995); STLS starts unencrypted and upgrades with the STLS command (port 110)." },
      port: { hint: "Leave empty for 995 with implicit TLS or 110 with the upgrade command, unless the server listens on another port." },
    },
    "certificate-file": {
      certificates: {
        label: "Certificates",
        hint: "The certificate in PEM form (-----BEGIN CERTIFICATE-----), the leaf first, then the intermediates; or a PKCS #7 bundle (.p7b). Never the private key: a key is refused.",
      },
      host: {
        label: "Host names it must serve",
        hint: "The names clients will connect to, separated by commas: for Exchange usually mail, autodiscover and the Outlook Anywhere (EXPR) host. Each one is checked.",
      },
      mutualAuthPrincipal: { hint: "Outlook Anywhere's msstd: principal (optional): checked against the certificate, as Outlook checks it." },
      trustedRoots: {
        label: "Extra trusted roots",
        hint: "Optional: your own root CA in PEM form, when the certificate comes from an internal CA that clients trust.",
      },
      at: { label: "Judge validity on", hint: "Optional: the go-live date (YYYY-MM-DD); the dates are checked as of then. Empty: now." },
    },
  },
  chainPicture: chainPictureEn,
  validation: validationEn,
  choiceLabels: choiceLabelsEn,
  textExport: textExportEn,
} as const;

export type EnglishMessages = typeof en;
