import "server-only";
import { checkDates, checkName, checkServerAuthUsage, checkStrength } from "@/lib/cert/checks";
import { parseCertificate, type CertificateFacts, type ParsedCertificate } from "@/lib/cert/parse";
import { assessTrust, judgeTrust, type TrustAssessment } from "@/lib/cert/trust";
import { trustStore, type TrustStore } from "@/lib/cert/trust-store";
import { env } from "@/lib/config/env";
import { MODERN_TLS_VERSIONS, OBSOLETE_TLS_VERSIONS, tlsVersionLabel as label } from "@/lib/constants";
import { demoteToWarning, error, ok, warning, type Finding } from "@/lib/engine/finding";
import { ProblemError } from "@/lib/engine/problem-error";
import { required } from "@/lib/engine/required";
import type { StepContext, StepScope } from "@/lib/engine/runner";
import type { TcpConnection } from "@/lib/net/tcp";
import { OFFERED_VERSIONS, tlsHandshake, type OpenSslVerdict, type TlsSession } from "@/lib/net/tls";
import { revocationStep } from "./revocation";
import type { SecureVersion, TLSSocket } from "node:tls";

export interface CertificateOutcome {
  /** The certificate that was judged: every later connection must present it. */
  leaf: ParsedCertificate;
  /**
   * The analyzer's RFC 5280 validation and OpenSSL both accept the chain, and no certificate check found an error
   * (none was turned into a warning by "Ignore trust for SSL"). Only then may credentials follow.
   */
  trusted: boolean;
  /** With `keepOpen`: the TLS connection, for a dialog that goes on over it (SMTP, IMAP, POP after STARTTLS). */
  socket?: TLSSocket;
}

/** What the handshake established, as facts; the pure functions below judge them. */
export interface HandshakeFacts {
  session: TlsSession;
  protocol: string;
  cipher: string;
  /** The certificates as the server sent them, parsed, leaf first (never empty). */
  sent: ParsedCertificate[];
  chainSource: TlsSession["chainSource"];
  /** OpenSSL's verdict on the chain against the same roots: the second opinion on trust. */
  verification: OpenSslVerdict;
  /** The protocol versions the analyzer offered. */
  offered: { min: SecureVersion; max: SecureVersion };
}

/**
 * "Testing the SSL certificate to make sure it's valid.": the handshake over the open TCP connection, then every
 * certificate check as a child step. With "Ignore trust for SSL" certificate errors become warnings.
 */
export function certificateSteps(
  /** Where the step is recorded: the run, or a parent step (one Autodiscover attempt). A failed handshake skips its later steps. */
  scope: StepScope,
  options: {
    host: string;
    port: number;
    connection: TcpConnection | undefined;
    ignoreTrust: boolean;
    /** Why certificate errors are warnings here, when not because of "Ignore trust for SSL" (opportunistic SMTP TLS). */
    warningsBecause?: string;
    /** Whether an invalid certificate skips the later steps (no certificate at all always does). */
    blocking: boolean;
    /** ALPN protocols to offer: only for tests of an HTTP service (a mail server may refuse "http/1.1"). */
    alpn?: string[];
    /** The dialog goes on over this connection (STARTTLS, implicit TLS mail protocols): it isn't closed after the handshake. */
    keepOpen?: boolean;
    now?: Date;
  },
): Promise<CertificateOutcome | undefined> {
  const { host, port, ignoreTrust } = options;
  // One store for both opinions: OpenSSL verifies against the same roots the analyzer builds paths to.
  const store = trustStore();
  return scope.step(
    "tls.certificate",
    "Testing the SSL certificate to make sure it's valid.",
    async (parent) => {
      let handshake: HandshakeFacts | undefined;
      await parent.step(
        "tls.certificate.obtain",
        `Attempting to obtain the SSL certificate from remote server ${host} on port ${port}.`,
        async (step) => {
          const facts = await fetchCertificate(host, required(options.connection), options.alpn, store);
          handshake = facts;
          // Everything needed is recorded: close now, so a single-threaded server is free for the next steps.
          if (!options.keepOpen) facts.session.socket.end();
          scope.defer(() => facts.session.socket.destroy());
          step.report(judgeHandshake({ ...facts, chain: facts.sent.map((cert) => cert.facts) }));
        },
        // An obsolete protocol is an error, yet the certificate was obtained: the checks below still judge it.
        { blocking: false },
      );
      if (!handshake) {
        // After a failed handshake the checks below are recorded as skipped, with the reason, and so is the rest of the test.
        const reason = "no SSL certificate could be obtained from the server.";
        parent.block(reason);
        scope.block(reason);
      }
      const checked = await chainChecks(parent, {
        sent: () => required(handshake).sent,
        verification: () => required(handshake).verification,
        hosts: [host],
        store,
        now: options.now ?? new Date(),
        ignoreTrust,
        stapling: () => ({ response: required(handshake).session.stapledOcsp }),
      });

      parent.summarize({
        success: "The certificate is valid.",
        warning: ignoreTrust
          ? `The certificate has problems, reported as warnings because ${options.warningsBecause ?? '"Ignore trust for SSL" is selected'}.`
          : "The certificate is valid, with warnings.",
        error: handshake
          ? "The certificate couldn't be validated: see the failed checks below."
          : "The SSL certificate couldn't be obtained, so it couldn't be validated.",
      });
      if (!handshake) return undefined;
      // A check that failed without reporting (an internal error) withholds trust too.
      // What failed counts, even where it is recorded as a warning (inside an Autodiscover method).
      const anyError = checked.certificateError || parent.hadFailure;
      return {
        leaf: handshake.sent[0]!,
        trusted: checked.chainAccepted && !anyError,
        ...(options.keepOpen ? { socket: handshake.session.socket } : {}),
      };
    },
    { blocking: options.blocking },
  );
}

export interface ChainInput {
  /** The certificates as sent (or pasted), leaf first; read only once an earlier step has provided them. */
  sent: () => ParsedCertificate[];
  /** OpenSSL's verdict on the same chain against the same roots. */
  verification: () => OpenSslVerdict;
  /** The names clients connect to: each must be on the certificate. */
  hosts: readonly string[];
  store: TrustStore;
  now: Date;
  /** Certificate errors are recorded as warnings. */
  ignoreTrust: boolean;
  /** From a handshake: what the server stapled (an OCSP response, or nothing). Omitted for a pasted chain. */
  stapling?: () => { response?: Buffer };
}

/**
 * Every check of a certificate chain, as child steps of `parent`: the name (each host), trust (RFC 5280 path
 * validation with OpenSSL's second opinion), dates, strength and usage. Shared by the handshake and the certificate
 * file tests, so a pasted chain is judged exactly as the same chain served.
 */
export async function chainChecks(parent: StepContext, input: ChainInput): Promise<{ chainAccepted: boolean; certificateError: boolean }> {
  const { store, now, ignoreTrust } = input;
  const leaf = () => input.sent()[0]!;
  let certificateError = false;
  const judge = (finding: Finding) => {
    certificateError ||= finding.status === "error";
    return ignoreTrust ? demoteToWarning(finding) : finding;
  };
  const checks = { blocking: false } as const;

  if (input.hosts.length === 1) {
    const host = input.hosts[0]!;
    await parent.step("tls.certificate.name", "Validating the certificate name.", (step) => step.report(judge(checkName(host, leaf()))), checks);
  } else if (input.hosts.length > 1) {
    await parent.step(
      "tls.certificate.name",
      `Validating the certificate names (${input.hosts.length} host names).`,
      async (step) => {
        for (const host of input.hosts) {
          await step.step(
            "tls.certificate.name.host",
            `Validating the certificate name ${host}.`,
            (child) => child.report(judge(checkName(host, leaf()))),
            checks,
          );
        }
        step.summarize({
          success: "Every host name is on the certificate.",
          warning: "The host names are on the certificate, with warnings.",
          error: "Not every host name is on the certificate: see the names below.",
        });
      },
      checks,
    );
  }
  // The built path, kept even when trust fails: dates, strength and revocation are judged on it, not on every extra sent.
  let pathCerts: ParsedCertificate[] | undefined;
  let pathFacts: CertificateFacts[] | undefined;
  let chainAccepted = false;
  await parent.step(
    "tls.certificate.trust",
    "Certificate trust is being validated.",
    async (step) => {
      const sent = input.sent();
      const assessment = assessTrust(
        sent.map((cert) => cert.node),
        store.anchors,
        now,
      );
      const path = pathCertificates(assessment, sent);
      pathCerts = path;
      pathFacts = path.map((cert) => cert.facts);
      await recordPath(step, assessment, path);
      step.addDetails({ trustStore: store.description });
      const verdict = judgeTrust(assessment, input.verification());
      chainAccepted = verdict.accepted;
      step.report(judge(verdict.finding));
    },
    checks,
  );
  const path = () => pathFacts ?? [leaf().facts];
  await parent.step(
    "tls.certificate.dates",
    "Testing the certificate date to confirm the certificate is valid.",
    (step) => step.report(judge(checkDates(path(), now))),
    checks,
  );
  await parent.step(
    "tls.certificate.strength",
    "Checking the certificate's key and signature strength.",
    (step) => step.report(judge(checkStrength(path()))),
    checks,
  );
  await parent.step(
    "tls.certificate.usage",
    "Checking the certificate's Extended Key Usage for server authentication.",
    (step) => step.report(judge(checkServerAuthUsage(leaf().facts))),
    checks,
  );
  // Asks the CA's OCSP responders or CRL distribution points (through the target policy): a revoked certificate is an error.
  const revocation = await revocationStep(parent, {
    path: () => pathCerts ?? [leaf()],
    now,
    ignoreTrust,
    ...(input.stapling ? { stapling: input.stapling } : {}),
  });
  certificateError ||= revocation.revoked;
  return { chainAccepted, certificateError };
}

/** The network part: the handshake over the open connection, and the facts it established. */
async function fetchCertificate(host: string, connection: TcpConnection, alpn: string[] | undefined, store: TrustStore): Promise<HandshakeFacts> {
  const session = await tlsHandshake(connection.socket, { servername: host, timeoutMs: env().RCA_TIMEOUT_MS, alpn, trust: store.openssl });
  const sent = parseChain(session.chain);
  if (!sent[0]) {
    session.socket.destroy();
    throw new ProblemError("TLS_HANDSHAKE_FAILED", "The server completed the handshake but sent no certificate that could be read.");
  }
  return {
    session,
    protocol: session.protocol,
    cipher: session.cipher,
    sent,
    chainSource: session.chainSource,
    verification: session.verification,
    offered: OFFERED_VERSIONS,
  };
}

/**
 * The obtain step's finding. A server that answers an offer of every version up to TLS 1.2 or later with an
 * obsolete one supports nothing newer: current clients can't connect at all (an error, not a warning).
 */
export function judgeHandshake(handshake: Pick<HandshakeFacts, "protocol" | "cipher" | "chainSource" | "offered"> & { chain: CertificateFacts[] }): Finding {
  const leaf = handshake.chain[0]!;
  const details = {
    protocol: handshake.protocol,
    cipher: handshake.cipher,
    offered: `${label(handshake.offered.min)} to ${label(handshake.offered.max)}`,
    certificate: leaf,
    chainAsSent: handshake.chain.map(summary),
    chainOrigin: handshake.chainSource === "as-sent" ? "as sent by the server, in order" : "rebuilt by the TLS library (the order as sent couldn't be read)",
  };
  const message = `The analyzer successfully obtained the remote SSL certificate. Remote Certificate Subject: ${leaf.subject}, Issuer: ${leaf.issuer}. Negotiated ${handshake.protocol} with ${handshake.cipher}.`;
  if (!OBSOLETE_TLS_VERSIONS.has(handshake.protocol)) return ok(message, details);
  if (MODERN_TLS_VERSIONS.has(handshake.offered.max)) {
    return error(
      "TLS_PROTOCOL_OBSOLETE",
      `${message} The analyzer offered every version up to ${label(handshake.offered.max)} and the server chose ${label(handshake.protocol)}, so it supports no TLS 1.2 or later: current Outlook, Windows and Microsoft 365 clients cannot connect. Enable TLS 1.2.`,
      details,
    );
  }
  return warning("TLS_PROTOCOL_OBSOLETE", `${message} ${label(handshake.protocol)} is obsolete: current clients refuse it. Enable TLS 1.2 or later.`, details);
}

function parseChain(chain: Buffer[]): ParsedCertificate[] {
  const parsed: ParsedCertificate[] = [];
  for (const der of chain) {
    try {
      parsed.push(parseCertificate(der));
    } catch {
      // An unreadable extra certificate can't be part of any path; the leaf's absence is reported by the caller.
      if (parsed.length === 0) return [];
    }
  }
  return parsed;
}

function summary(facts: CertificateFacts, index: number) {
  return {
    position: index + 1,
    subject: facts.subject,
    issuer: facts.issuer,
    notBefore: facts.notBefore,
    notAfter: facts.notAfter,
    // Key and signature, for the chain picture and the strength check's reader.
    key: `${facts.keyAlgorithm}${facts.keySize ? ` ${facts.keySize} bits` : ""}${facts.keyCurve ? ` ${facts.keyCurve}` : ""}`,
    signature: facts.signatureAlgorithm,
    thumbprintSha256: facts.thumbprintSha256,
  };
}

/** The built path's certificates: the ones sent, plus an anchor from the trust store. */
function pathCertificates(assessment: TrustAssessment, sent: ParsedCertificate[]): ParsedCertificate[] {
  return assessment.chain.path.map((link) => (link.source === "trust-store" ? parseCertificate(Buffer.from(link.cert.raw)) : sent[link.source]!));
}

/** Each certificate of the built path becomes a child step of the trust step, with what path validation found on it. */
async function recordPath(step: StepContext, assessment: TrustAssessment, path: ParsedCertificate[]): Promise<void> {
  for (const [index, cert] of path.entries()) {
    const link = assessment.chain.path[index]!;
    const origin = link.source === "trust-store" ? "from the trusted root store" : `sent by the server as certificate #${link.source + 1}`;
    const broken = assessment.violations.filter((violation) => violation.position === index).map((violation) => violation.problem);
    await step.step("tls.certificate.trust.chain", `Certificate ${index + 1} in the chain: ${cert.facts.subject}`, (child) => {
      child.addDetails({
        ...summary(cert.facts, index),
        source: link.source === "trust-store" ? "trust-store" : "sent",
        ...(link.source === "trust-store" ? {} : { sentAs: link.source + 1 }),
        ...(broken.length > 0 ? { breaks: broken } : {}),
      });
      child.info(`Issued by ${cert.facts.issuer}; valid from ${cert.facts.notBefore} to ${cert.facts.notAfter}; ${origin}.`);
    });
  }
}
