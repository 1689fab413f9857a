import "server-only";
import { env } from "@/lib/config/env";
import { demoteToWarning, type Finding } from "@/lib/engine/finding";
import { ProblemError } from "@/lib/engine/problem-error";
import { required } from "@/lib/engine/required";
import type { StepContext, TestRun } from "@/lib/engine/runner";
import { analyzeChain } from "@/lib/cert/chain";
import { checkDates, checkName, checkServerAuthUsage, checkStrength, checkTrust } from "@/lib/cert/checks";
import { parseCertificate, type CertificateFacts, type ParsedCertificate } from "@/lib/cert/parse";
import { trustStore } from "@/lib/cert/trust-store";
import type { TcpConnection } from "@/lib/net/tcp";
import { tlsHandshake, type TlsSession } from "@/lib/net/tls";

export interface CertificateOutcome {
  session: TlsSession;
  leaf: ParsedCertificate;
  /** The certificates as the server sent them, parsed. */
  sent: ParsedCertificate[];
}

const OBSOLETE_PROTOCOLS = new Set(["SSLv3", "TLSv1", "TLSv1.1"]);

/**
 * "Testing the SSL certificate to make sure it's valid.": the handshake over the open TCP connection, then every
 * certificate check as a child step. With "Ignore trust for SSL" certificate errors become warnings.
 */
export function certificateSteps(
  run: TestRun,
  options: {
    host: string;
    port: number;
    connection: TcpConnection | undefined;
    ignoreTrust: boolean;
    /** Whether an invalid certificate skips the later steps (no certificate at all always does). */
    blocking: boolean;
    /** ALPN protocols to offer: only for tests of an HTTP service (a mail server may refuse "http/1.1"). */
    alpn?: string[];
    now?: Date;
  },
): Promise<CertificateOutcome | undefined> {
  const { host, port, ignoreTrust } = options;
  return run.step("tls.certificate", "Testing the SSL certificate to make sure it's valid.", async (parent) => {
    const obtained = await parent.step(
      "tls.certificate.obtain",
      `Attempting to obtain the SSL certificate from remote server ${host} on port ${port}.`,
      async (step) => {
        const outcome = await obtainCertificate(step, host, required(options.connection), options.alpn);
        // Everything needed is recorded: close now, so a single-threaded server is free for the next steps.
        outcome.session.socket.end();
        run.defer(() => outcome.session.socket.destroy());
        return outcome;
      },
    );
    // After a failed handshake the checks below are recorded as skipped, with the reason, and so is the rest of the test.
    if (!obtained) run.block("no SSL certificate could be obtained from the server.");
    const leaf = () => required(obtained).leaf;
    const sent = () => required(obtained).sent;
    const judge = (finding: Finding) => (ignoreTrust ? demoteToWarning(finding) : finding);
    const now = options.now ?? new Date();
    const checks = { blocking: false } as const;

    await parent.step("tls.certificate.name", "Validating the certificate name.", (step) => step.report(judge(checkName(host, leaf()))), checks);
    // The built path, kept even when trust fails: dates and strength are judged on it, not on every extra sent.
    let pathFacts: CertificateFacts[] | undefined;
    await parent.step(
      "tls.certificate.trust",
      "Certificate trust is being validated.",
      async (step) => {
        pathFacts = await validateTrust(step, sent(), judge);
      },
      checks,
    );
    const path = () => pathFacts ?? [leaf().facts];
    await parent.step("tls.certificate.dates", "Testing the certificate date to confirm the certificate is valid.", (step) => step.report(judge(checkDates(path(), now))), checks);
    await parent.step("tls.certificate.strength", "Checking the certificate's key and signature strength.", (step) => step.report(judge(checkStrength(path()))), checks);
    await parent.step("tls.certificate.usage", "Checking the certificate's Extended Key Usage for server authentication.", (step) => step.report(judge(checkServerAuthUsage(leaf().facts))), checks);

    parent.summarize({
      success: "The certificate is valid.",
      warning: ignoreTrust
        ? "The certificate has problems, reported as warnings because \"Ignore trust for SSL\" is selected."
        : "The certificate is valid, with warnings.",
      error: obtained ? "The certificate couldn't be validated: see the failed checks below." : "The SSL certificate couldn't be obtained, so it couldn't be validated.",
    });
    return obtained;
  }, { blocking: options.blocking });
}

async function obtainCertificate(step: StepContext, host: string, connection: TcpConnection, alpn: string[] | undefined): Promise<CertificateOutcome> {
  const session = await tlsHandshake(connection.socket, { servername: host, timeoutMs: env().RCA_TIMEOUT_MS, alpn, trust: trustStore().openssl });
  const sent = parseChain(session.chain);
  const leaf = sent[0];
  if (!leaf) {
    session.socket.destroy();
    throw new ProblemError("TLS_HANDSHAKE_FAILED", "The server completed the handshake but sent no certificate that could be read.");
  }
  step.addDetails({
    protocol: session.protocol,
    cipher: session.cipher,
    certificate: leaf.facts,
    chainAsSent: sent.map((cert, index) => summary(cert.facts, index)),
    chainOrigin: session.chainSource === "as-sent" ? "as sent by the server, in order" : "rebuilt by the TLS library (the order as sent couldn't be read)",
  });
  const message = `The analyzer successfully obtained the remote SSL certificate. Remote Certificate Subject: ${leaf.facts.subject}, Issuer: ${leaf.facts.issuer}. Negotiated ${session.protocol} with ${session.cipher}.`;
  if (OBSOLETE_PROTOCOLS.has(session.protocol)) {
    step.warn("TLS_PROTOCOL_OBSOLETE", `${message} ${session.protocol} is obsolete: current clients refuse it. Enable TLS 1.2 or later.`);
  } else {
    step.succeed(message);
  }
  return { session, leaf, sent };
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
    thumbprintSha256: facts.thumbprintSha256,
  };
}

/** Builds the path to a trusted root; each certificate of it becomes a child step. Answers the path's facts. */
async function validateTrust(step: StepContext, sent: ParsedCertificate[], judge: (finding: Finding) => Finding): Promise<CertificateFacts[]> {
  const store = trustStore();
  const chain = analyzeChain(sent.map((cert) => cert.node), store.anchors);
  const path = chain.path.map((link) => (link.source === "trust-store" ? parseCertificate(Buffer.from(link.cert.raw)) : sent[link.source]!));
  for (const [index, cert] of path.entries()) {
    const link = chain.path[index]!;
    const origin = link.source === "trust-store" ? "from the trusted root store" : `sent by the server as certificate #${link.source + 1}`;
    await step.step("tls.certificate.trust.chain", `Certificate ${index + 1} in the chain: ${cert.facts.subject}`, (child) => {
      child.addDetails(summary(cert.facts, index));
      child.info(`Issued by ${cert.facts.issuer}; valid from ${cert.facts.notBefore} to ${cert.facts.notAfter}; ${origin}.`);
    });
  }
  step.addDetails({ trustStore: store.description });
  step.report(judge(checkTrust(chain, path.map((cert) => cert.facts))));
  return path.map((cert) => cert.facts);
}
