import "server-only";
import { X509Certificate } from "node:crypto";
import { readCertificateFile, toPem } from "@/lib/cert/certificate-file";
import { checkMutualAuth, MSSTD_PREFIX } from "@/lib/cert/mutual-auth";
import { opensslVerify } from "@/lib/cert/openssl-verify";
import { parseCertificate, type ParsedCertificate } from "@/lib/cert/parse";
import { trustStore, type TrustStore } from "@/lib/cert/trust-store";
import { env } from "@/lib/config/env";
import { ProblemError } from "@/lib/engine/problem-error";
import { required } from "@/lib/engine/required";
import type { TestRun } from "@/lib/engine/runner";
import { text } from "@/lib/engine/text";
import { LIMITS } from "@/lib/net/limits";
import type { OpenSslVerdict } from "@/lib/net/tls";
import { hostList, type CertificateFileInput } from "./definition";
import { chainChecks } from "../steps/certificate";

/** A certificate before it is installed: read the file, then every check a served certificate gets, then the msstd: principal. */
export default async function runCertificateFile(input: CertificateFileInput, run: TestRun): Promise<void> {
  const sent = await run.step("certfile.read", text("steps.certfile.read.title"), (step) => {
    const file = readCertificateFile(input.certificates, LIMITS.chainCertificates);
    const parsed = file.certificates.flatMap((der, index) => {
      try {
        return [parseCertificate(der)];
      } catch {
        // An unreadable leaf ends the test; an unreadable extra can't be part of any path.
        if (index === 0) throw new ProblemError("CERTIFICATE_FILE_INVALID", text("steps.certfile.read.leafUnreadable"));
        return [];
      }
    });
    if (parsed.length === 0) throw new ProblemError("CERTIFICATE_FILE_INVALID", text("steps.certfile.read.noneReadable"));
    const skipped = file.unreadable + (file.certificates.length - parsed.length);
    step.addDetails({
      certificates: parsed.map((cert, index) => ({ position: index + 1, subject: cert.facts.subject, issuer: cert.facts.issuer })),
      ...(skipped > 0 ? { unreadable: skipped } : {}),
      ...(file.truncated ? { keptFirst: LIMITS.chainCertificates } : {}),
    });
    const list = parsed.map((cert, index) => `${index + 1}. ${cert.facts.subject}`).join("; ");
    step.succeed(text(parsed.length === 1 ? "steps.certfile.read.okOne" : "steps.certfile.read.ok", { count: parsed.length, list }));
    return parsed;
  });

  const now = input.at ? new Date(input.at) : new Date();
  const store = withExtraRoots(trustStore(), input.trustedRoots);
  let verification: OpenSslVerdict | undefined;
  await run.step(
    "tls.certificate",
    input.at ? text("steps.certfile.check.titleOn", { date: now.toISOString().slice(0, 10) }) : text("steps.certfile.check.title"),
    async (parent) => {
      const chain = required(sent);
      verification = await opensslVerify(
        chain.map((cert) => toPem(cert.der)),
        store.openssl.pems,
        now,
        env().RCA_TIMEOUT_MS,
      );
      await chainChecks(parent, { sent: () => chain, verification: () => required(verification), hosts: hostList(input.host), store, now, ignoreTrust: false });
      parent.summarize({
        success: text("steps.certificate.summary.valid"),
        warning: text("steps.certificate.summary.validWithWarnings"),
        error: text("steps.certificate.summary.hasProblems"),
      });
    },
    { blocking: false },
  );

  await run.step("certfile.principal", text("steps.certfile.principal.title"), (step) => {
    const leaf = required(sent)[0]!;
    if (input.mutualAuthPrincipal) {
      step.report(checkMutualAuth(input.mutualAuthPrincipal, leaf.facts));
      return;
    }
    step.addDetails(principalAdvice(leaf));
    const commonName = leaf.facts.subjectCommonNames.at(-1);
    step.info(
      commonName ? text("steps.certfile.principal.advice", { principal: `${MSSTD_PREFIX}${commonName}` }) : text("steps.certfile.principal.noCommonName"),
    );
  });
}

/** The principal that matches the certificate's common name, and the command that sets it. */
function principalAdvice(leaf: ParsedCertificate): Record<string, string> {
  const commonName = leaf.facts.subjectCommonNames.at(-1);
  if (!commonName) return {};
  return { principal: `${MSSTD_PREFIX}${commonName}`, command: `Set-OutlookProvider EXPR -CertPrincipalName:"${MSSTD_PREFIX}${commonName}"` };
}

/** The configured roots plus the ones pasted with the test, for both opinions. */
function withExtraRoots(base: TrustStore, pasted: string | undefined): TrustStore {
  if (!pasted) return base;
  const extra = readCertificateFile(pasted, LIMITS.chainCertificates).certificates.flatMap((der) => {
    try {
      return [{ anchor: new X509Certificate(der), pem: toPem(der) }];
    } catch {
      return [];
    }
  });
  if (extra.length === 0) return base;
  return {
    anchors: [...base.anchors, ...extra.map((root) => root.anchor)],
    openssl: { id: `${base.openssl.id}+pasted`, pems: [...base.openssl.pems, ...extra.map((root) => root.pem)] },
    description: `${base.description} + ${extra.length} pasted with the test`,
  };
}
