import "server-only";
import { perAnchor } from "@/lib/cert/anchor-cache";
import { checkDates, checkName, checkServerAuthUsage, checkStrength } from "@/lib/cert/checks";
import { endsAtPublicRoot } from "@/lib/cert/ct/public-roots";
import { parseCertificate, type CertificateFacts, type ParsedCertificate } from "@/lib/cert/parse";
import { assessTrust, judgeTrust, type TrustAssessment } from "@/lib/cert/trust";
import { trustStore, type TrustStore } from "@/lib/cert/trust-store";
import { env } from "@/lib/config/env";
import { MODERN_TLS_VERSIONS, OBSOLETE_TLS_VERSIONS, tlsVersionLabel as label } from "@/lib/constants";
import { demoteToWarning, error, ok, warning, type Finding } from "@/lib/engine/finding";
import { ProblemError } from "@/lib/engine/problem-error";
import { required } from "@/lib/engine/required";
import type { StepContext, StepScope } from "@/lib/engine/runner";
import { text, type Text } from "@/lib/engine/text";
import type { TcpConnection } from "@/lib/net/tcp";
import { OFFERED_VERSIONS, tlsHandshake, type OpenSslVerdict, type TlsSession } from "@/lib/net/tls";
import { probeSctExtension } from "@/lib/net/tls/sct-probe";
import { caaStep, ctStep, type CtInput } from "./ct-caa";
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
  /** The protocol version the handshake settled on, e.g. "TLSv1.3": the server accepts it (the version probes need not ask). */
  protocol: string;
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
    /**
     * Why certificate errors are warnings here, when not because of "Ignore trust for SSL" (opportunistic SMTP TLS):
     * a clause without a final period, ideally a catalogue text.
     */
    warningsBecause?: Text;
    /** Whether an invalid certificate skips the later steps (no certificate at all always does). */
    blocking: boolean;
    /** ALPN protocols to offer: only for tests of an HTTP service (a mail server may refuse "http/1.1"). */
    alpn?: string[];
    /** The dialog goes on over this connection (STARTTLS, implicit TLS mail protocols): it isn't closed after the handshake. */
    keepOpen?: boolean;
    /**
     * The TLS connection was reached through STARTTLS: a second, bare TLS connection to the port (the SCT probe) would
     * meet the plain-text banner, so SCTs in the TLS extension aren't asked for.
     */
    starttls?: boolean;
    now?: Date;
  },
): Promise<CertificateOutcome | undefined> {
  const { host, port, ignoreTrust } = options;
  // One store for both opinions: OpenSSL verifies against the same roots the analyzer builds paths to.
  const store = trustStore();
  return scope.step(
    "tls.certificate",
    text("steps.certificate.title"),
    async (parent) => {
      let handshake: HandshakeFacts | undefined;
      await parent.step(
        "tls.certificate.obtain",
        text("steps.certificate.obtain.title", { host, port }),
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
        const reason = text("steps.certificate.obtain.noCertificate");
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
        ...(options.connection && !options.starttls
          ? {
              tlsExtension: async () => {
                const probe = await probeSctExtension({ address: required(options.connection).address, port, host });
                return { list: probe.scts, reason: probe.reason, certificate: probe.certificate };
              },
            }
          : {}),
      });

      parent.summarize({
        success: text("steps.certificate.summary.valid"),
        warning: ignoreTrust
          ? text("steps.certificate.summary.warningsBecause", { because: options.warningsBecause ?? text("steps.certificate.summary.ignoreTrustSelected") })
          : text("steps.certificate.summary.validWithWarnings"),
        error: handshake ? text("steps.certificate.summary.invalid") : text("steps.certificate.summary.notObtained"),
      });
      if (!handshake) return undefined;
      // A check that failed without reporting (an internal error) withholds trust too.
      // What failed counts, even where it is recorded as a warning (inside an Autodiscover method).
      const anyError = checked.certificateError || parent.hadFailure;
      return {
        leaf: handshake.sent[0]!,
        trusted: checked.chainAccepted && !anyError,
        protocol: handshake.protocol,
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
  /** From a handshake over implicit TLS: asks the server again, over a new connection, for SCTs in the TLS extension. */
  tlsExtension?: CtInput["tlsExtension"];
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
    await parent.step("tls.certificate.name", text("steps.certificate.name.title"), (step) => step.report(judge(checkName(host, leaf()))), checks);
  } else if (input.hosts.length > 1) {
    await parent.step(
      "tls.certificate.name",
      text("steps.certificate.name.titleMany", { count: input.hosts.length }),
      async (step) => {
        for (const host of input.hosts) {
          await step.step(
            "tls.certificate.name.host",
            text("steps.certificate.name.titleHost", { host }),
            (child) => child.report(judge(checkName(host, leaf()))),
            checks,
          );
        }
        step.summarize({
          success: text("steps.certificate.name.summary.success"),
          warning: text("steps.certificate.name.summary.warning"),
          error: text("steps.certificate.name.summary.error"),
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
    text("steps.certificate.trust.title"),
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
  await parent.step("tls.certificate.dates", text("steps.certificate.dates.title"), (step) => step.report(judge(checkDates(path(), now))), checks);
  await parent.step("tls.certificate.strength", text("steps.certificate.strength.title"), (step) => step.report(judge(checkStrength(path()))), checks);
  await parent.step("tls.certificate.usage", text("steps.certificate.usage.title"), (step) => step.report(judge(checkServerAuthUsage(leaf().facts))), checks);
  // Asks the CA's OCSP responders or CRL distribution points (through the target policy): a revoked certificate is an error.
  const revocation = await revocationStep(parent, {
    path: () => pathCerts ?? [leaf()],
    now,
    ignoreTrust,
    ...(input.stapling ? { stapling: input.stapling } : {}),
  });
  certificateError ||= revocation.revoked;
  await ctStep(parent, {
    path: () => pathCerts ?? [leaf()],
    ...(input.stapling ? { stapledOcsp: () => input.stapling?.().response } : {}),
    // CT applies to publicly trusted certificates only: roots added by the operator or pasted are exempt, as in browsers.
    publiclyTrusted: () => endsAtPublicRoot(pathCerts ?? []),
    now,
    ...(input.tlsExtension ? { tlsExtension: input.tlsExtension } : {}),
  });
  if (input.stapling) await caaStep(parent, { host: input.hosts[0], leaf });
  // A pasted chain (certificate-file) asks no DNS: CAA is about the name, and only a served certificate has one in use.
  else
    parent.skip(
      "tls.certificate.caa",
      "Checking the domain's CAA records for the certificate's issuer.",
      "a pasted certificate is judged without DNS lookups.",
    );
  return { chainAccepted, certificateError };
}

/** The network part: the handshake over the open connection, and the facts it established. */
async function fetchCertificate(host: string, connection: TcpConnection, alpn: string[] | undefined, store: TrustStore): Promise<HandshakeFacts> {
  const session = await tlsHandshake(connection.socket, { servername: host, timeoutMs: env().RCA_TIMEOUT_MS, alpn, trust: store.openssl });
  const sent = parseChain(session.chain);
  if (!sent[0]) {
    session.socket.destroy();
    throw new ProblemError("TLS_HANDSHAKE_FAILED", text("steps.certificate.obtain.unreadable"));
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
  const obtained = { subject: leaf.subject, issuer: leaf.issuer, protocol: handshake.protocol, cipher: handshake.cipher };
  if (!OBSOLETE_TLS_VERSIONS.has(handshake.protocol)) return ok(text("steps.certificate.obtain.ok", obtained), details);
  if (MODERN_TLS_VERSIONS.has(handshake.offered.max)) {
    return error(
      "TLS_PROTOCOL_OBSOLETE",
      text("steps.certificate.obtain.noModernTls", { ...obtained, offered: label(handshake.offered.max), chosen: label(handshake.protocol) }),
      details,
    );
  }
  return warning("TLS_PROTOCOL_OBSOLETE", text("steps.certificate.obtain.obsoleteTls", { ...obtained, chosen: label(handshake.protocol) }), details);
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

/** Trust-store roots as parsed once: the same few anchors end most paths. */
const parsedAnchor = perAnchor((anchor) => parseCertificate(Buffer.from(anchor.raw)));

/** The built path's certificates: the ones sent, plus an anchor from the trust store. */
function pathCertificates(assessment: TrustAssessment, sent: ParsedCertificate[]): ParsedCertificate[] {
  return assessment.chain.path.map((link) => (link.source === "trust-store" ? parsedAnchor(link.cert) : sent[link.source]!));
}

/** Each certificate of the built path becomes a child step of the trust step, with what path validation found on it. */
async function recordPath(step: StepContext, assessment: TrustAssessment, path: ParsedCertificate[]): Promise<void> {
  for (const [index, cert] of path.entries()) {
    const link = assessment.chain.path[index]!;

    const broken = assessment.violations.filter((violation) => violation.position === index).map((violation) => violation.problem);
    const title = text("steps.certificate.chain.title", { position: index + 1, subject: cert.facts.subject });
    await step.step("tls.certificate.trust.chain", title, (child) => {
      child.addDetails({
        ...summary(cert.facts, index),
        source: link.source === "trust-store" ? "trust-store" : "sent",
        ...(link.source === "trust-store" ? {} : { sentAs: link.source + 1 }),
        ...(broken.length > 0 ? { breaks: broken } : {}),
      });
      const facts = { issuer: cert.facts.issuer, notBefore: cert.facts.notBefore, notAfter: cert.facts.notAfter };
      child.info(
        link.source === "trust-store"
          ? text("steps.certificate.chain.fromTrustStore", facts)
          : text("steps.certificate.chain.sent", { ...facts, number: link.source + 1 }),
      );
    });
  }
}
