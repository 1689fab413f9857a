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
import { LIMITS } from "@/lib/net/limits";
import type { OpenSslVerdict } from "@/lib/net/tls";
import { hostList, type CertificateFileInput } from "./definition";
import { chainChecks } from "../steps/certificate";

/** A certificate before it is installed: read the file, then every check a served certificate gets, then the msstd: principal. */
export default async function runCertificateFile(input: CertificateFileInput, run: TestRun): Promise<void> {
  const sent = await run.step("certfile.read", "Reading the certificates you pasted.", (step) => {
    const file = readCertificateFile(input.certificates, LIMITS.chainCertificates);
    const parsed = file.certificates.flatMap((der, index) => {
      try {
        return [parseCertificate(der)];
      } catch {
        // An unreadable leaf ends the test; an unreadable extra can't be part of any path.
        if (index === 0)
          throw new ProblemError("CERTIFICATE_FILE_INVALID", "The first certificate (the leaf) couldn't be read: it isn't a valid X.509 certificate.");
        return [];
      }
    });
    if (parsed.length === 0) throw new ProblemError("CERTIFICATE_FILE_INVALID", "No certificate could be read from the text you pasted.");
    const skipped = file.unreadable + (file.certificates.length - parsed.length);
    step.addDetails({
      certificates: parsed.map((cert, index) => ({ position: index + 1, subject: cert.facts.subject, issuer: cert.facts.issuer })),
      ...(skipped > 0 ? { unreadable: skipped } : {}),
      ...(file.truncated ? { keptFirst: LIMITS.chainCertificates } : {}),
    });
    const list = parsed.map((cert, index) => `${index + 1}. ${cert.facts.subject}`).join("; ");
    step.succeed(`Read ${parsed.length} certificate${parsed.length === 1 ? "" : "s"}, leaf first: ${list}.`);
    return parsed;
  });

  const now = input.at ? new Date(input.at) : new Date();
  const store = withExtraRoots(trustStore(), input.trustedRoots);
  let verification: OpenSslVerdict | undefined;
  await run.step(
    "tls.certificate",
    `Testing the certificate to make sure it's valid${input.at ? ` on ${now.toISOString().slice(0, 10)}` : ""}.`,
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
        success: "The certificate is valid.",
        warning: "The certificate is valid, with warnings.",
        error: "The certificate has problems: see the failed checks below.",
      });
    },
    { blocking: false },
  );

  await run.step("certfile.principal", "Testing the msstd: principal name Outlook Anywhere uses.", (step) => {
    const leaf = required(sent)[0]!;
    if (input.mutualAuthPrincipal) {
      step.report(checkMutualAuth(input.mutualAuthPrincipal, leaf.facts));
      return;
    }
    step.addDetails(principalAdvice(leaf));
    const commonName = leaf.facts.subjectCommonNames.at(-1);
    step.info(
      commonName
        ? `No principal was given. The principal that works with this certificate is ${MSSTD_PREFIX}${commonName}: set it with Set-OutlookProvider EXPR -CertPrincipalName:"${MSSTD_PREFIX}${commonName}".`
        : "No principal was given, and the certificate has no common name: Outlook Anywhere's msstd: principal can only match a Subject Alternative Name on current clients.",
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
