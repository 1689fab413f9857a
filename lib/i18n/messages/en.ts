import { testEntries, testFields, testSteps } from "@/lib/analyzers/messages";
import { chainPictureEn } from "./chain-picture";
import { choiceLabelsEn, detailLabelsEn } from "./detail-labels";
import { autodiscoverStepsEn } from "./steps/autodiscover";
import { ctCaaStepsEn } from "./steps/ct-caa";
import { httpStepsEn } from "./steps/http";
import { mailboxStepsEn } from "./steps/mailbox";
import { pathValidationStepsEn } from "./steps/path-validation";
import { textExportEn } from "./text-export";
import { validationEn } from "./validation";
import { vantagesEn } from "./vantages";

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
    vantages: {
      heading: "Vantage points",
      hint: "Run the test from each place you choose, at once, and compare what each one saw side by side. None chosen: any worker runs it.",
      workers: "({count, plural, one {# worker} other {# workers}})",
    },
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
    vantagesHeading: "Side by side",
    vantagesIntro: "The same test, run at once from each vantage point. Steps that saw something different are highlighted.",
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
    ...testSteps("en"),
    mailbox: mailboxStepsEn,
    ctCaa: ctCaaStepsEn,
    pathValidation: pathValidationStepsEn,
    dns: {
      resolve: {
        title: "Attempting to resolve the host name {host} in DNS.",
        ipLiteral: "{host} is an IP address; no DNS lookup was needed.",
        ok: "The host name resolved successfully. IP addresses: {addresses}.",
      },
      records: {
        failed: "The {type} lookup of {name} failed ({code}).",
        failedUnknown: "The {type} lookup of {name} failed (unknown error).",
        tlsaNoServer: "The TLSA lookup of {name} failed (no DNS server answered).",
        timeout: "No DNS answer for the {type} record of {name} within {ms} ms.",
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
    queue: {
      title: "Running the test on a worker.",
      waitTimeout: "No worker took this test in time: all workers were busy.",
      noWorker: "No worker is running to take this test.",
      finishTimeout: "The test did not finish on its worker in time.",
      failed: "The worker running this test stopped or failed, and so did the retry: the test was not completed.",
      left: "The client left before a worker took this test: it was taken off the queue.",
      unreachable: "The job queue could not be reached: the test was not sent to a worker.",
    },
    vantage: {
      title: "From the vantage point {name}",
      success: "Every step passed from {name}.",
      warning: "Passed with warnings from {name}.",
      error: "Failed from {name}.",
    },
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
  tests: testEntries("en"),
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
    ...testFields("en"),
  },
  chainPicture: chainPictureEn,
  validation: validationEn,
  vantages: vantagesEn,
  choiceLabels: choiceLabelsEn,
  textExport: textExportEn,
} as const;

export type EnglishMessages = typeof en;
