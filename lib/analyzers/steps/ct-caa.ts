import "server-only";
import { isIP } from "node:net";
import { caaLookupNames, caaSubject, judgeCaa, type CaaRecordSet, type CaIdentity } from "@/lib/cert/caa";
import { bundledLogs, type CtLogDirectory } from "@/lib/cert/ct/logs";
import { judgeCt, type CtFacts, type SctFinding } from "@/lib/cert/ct/policy";
import { embeddedScts, parseSctList, stapledScts, verifySct, type Sct, type SctSource } from "@/lib/cert/ct/sct";
import type { ParsedCertificate } from "@/lib/cert/parse";
import { ProblemError } from "@/lib/engine/problem-error";
import type { StepScope } from "@/lib/engine/runner";
import { text, type LocalizedText } from "@/lib/engine/text";
import { lookupCaa } from "@/lib/net/dns-records";

export interface CtInput {
  /** The built path, leaf first (the issuer second): read only when the step runs. */
  path: () => ParsedCertificate[];
  /**
   * From a handshake: the OCSP response the server stapled, if any. Omitted for a pasted chain (then nothing could
   * have been stapled).
   */
  stapledOcsp?: () => Buffer | undefined;
  /**
   * From a handshake: asks the server, over a new connection, for SCTs in the TLS signed_certificate_timestamp
   * extension (lib/net/tls/sct-probe.ts): the SignedCertificateTimestampList it sent (`list`, absent when it sent none),
   * the certificate that came with it (`certificate`, DER, when read), or why it couldn't be asked (`reason`, a clause
   * without a final period). Omitted for a pasted chain: then the details say the extension isn't checked.
   */
  tlsExtension?: () => Promise<{ list?: Buffer; reason?: string; certificate?: Buffer }>;
  /** The path ends at a bundled public (Mozilla) root, not at NODE_EXTRA_CA_CERTS or pasted roots: CT policies apply. */
  publiclyTrusted: () => boolean;
  now: Date;
  /** The logs to name and verify SCTs with; the bundled copy of Chrome's log list unless a test brings its own. */
  logs?: CtLogDirectory;
}

/** An SCT dated later than this past the analyzer's clock is from the future: browsers don't count it. */
const SCT_CLOCK_SKEW_MS = 5 * 60 * 1000;

/**
 * "Checking the certificate's Certificate Transparency (SCT) records.": the SCTs embedded in the certificate, in a
 * stapled OCSP response and (when the caller can ask) in the TLS extension, each named from the log list and its signature verified when the log's key is known, then
 * judged against Chrome's and Apple's CT policies (publicly trusted certificates only). Never blocks.
 */
export async function ctStep(parent: StepScope, input: CtInput): Promise<void> {
  await parent.step(
    "tls.certificate.ct",
    text("steps.ctCaa.ct.title"),
    async (step) => {
      const path = input.path();
      const leaf = path[0];
      if (!leaf) return step.skipBecause(text("steps.ctCaa.ct.noCertificate"));
      const issuer = path[1] && !leaf.facts.selfIssued ? path[1] : undefined;
      const logs = input.logs ?? bundledLogs();
      const scts: SctFinding[] = [];
      const unreadable: Array<{ source: SctSource; reason: LocalizedText }> = [];
      const examine = (sct: Sct, source: SctSource): SctFinding => {
        const log = logs.find(sct.logId);
        const future = sct.timestamp > input.now.getTime() + SCT_CLOCK_SKEW_MS;
        return {
          source,
          sct,
          ...(log ? { log, verification: verifySct(sct, source, log.key, leaf, issuer) } : {}),
          ...(future ? { future } : {}),
        };
      };
      try {
        scts.push(...embeddedScts(leaf).map((sct) => examine(sct, "embedded")));
      } catch {
        unreadable.push({ source: "embedded", reason: text("steps.ctCaa.ct.unreadable.embedded") });
      }
      const stapled = input.stapledOcsp?.();
      if (stapled) {
        try {
          scts.push(...stapledScts(stapled, leaf).map((sct) => examine(sct, "ocsp")));
        } catch {
          unreadable.push({ source: "ocsp", reason: text("steps.ctCaa.ct.unreadable.ocsp") });
        }
      }
      let tlsExtension: CtFacts["tlsExtension"];
      // The extra handshake is only worth it where CT applies: a publicly trusted certificate.
      if (input.tlsExtension && input.publiclyTrusted()) {
        let answer: { list?: Buffer; reason?: string; certificate?: Buffer };
        try {
          answer = await input.tlsExtension();
        } catch (error) {
          answer = { reason: `the probe failed (${error instanceof Error ? error.message : String(error)})` };
        }
        if (answer.list && answer.certificate && !answer.certificate.equals(leaf.der)) {
          // Behind a load balancer the second connection may reach another server: its SCTs are about another certificate.
          tlsExtension = { asked: false, reason: text("steps.ctCaa.ct.tlsExtension.otherCertificate") };
        } else if (answer.list) {
          tlsExtension = { asked: true };
          try {
            scts.push(...parseSctList(answer.list).map((sct) => examine(sct, "tls")));
          } catch {
            unreadable.push({ source: "tls", reason: text("steps.ctCaa.ct.unreadable.tls") });
          }
        } else {
          tlsExtension = answer.reason ? { asked: false, reason: answer.reason } : { asked: true };
        }
      }
      step.report(
        judgeCt({
          leaf: leaf.facts,
          scts,
          publiclyTrusted: input.publiclyTrusted(),
          ...(input.stapledOcsp ? { handshake: { stapledOcsp: stapled !== undefined } } : {}),
          ...(tlsExtension ? { tlsExtension } : {}),
          unreadable,
          logList: logs.description,
        }),
      );
    },
    { blocking: false },
  );
}

export interface CaaInput {
  /** The host name tested; an IP address (or none) skips the step. */
  host: string | undefined;
  /** The certificate judged (its issuer and names): read only when the step runs. */
  leaf: () => ParsedCertificate;
  /** Issuer → CAA domain table; the built-in one (major public CAs) unless a test brings its own. */
  caIdentities?: readonly CaIdentity[];
}

/**
 * "Checking the domain's CAA records for the certificate's issuer.": the CAA record set of the name (or of the closest
 * parent that has one, RFC 8659 §3), and whether it lets the certificate's CA issue. Never blocks.
 */
export async function caaStep(parent: StepScope, input: CaaInput): Promise<void> {
  await parent.step(
    "tls.certificate.caa",
    text("steps.ctCaa.caa.title"),
    async (step) => {
      const host = input.host?.replace(/^\[|\]$/g, "");
      if (!host) return step.skipBecause(text("steps.ctCaa.caa.noHost"));
      if (isIP(host)) return step.skipBecause(text("steps.ctCaa.caa.ipAddress", { host }));
      const leaf = input.leaf();
      const subject = caaSubject(host, leaf.facts.dnsNames);
      const checked: string[] = [];
      let found: CaaRecordSet | undefined;
      let resolver = "";
      for (const name of caaLookupNames(subject.name)) {
        checked.push(name);
        try {
          const answer = await lookupCaa(name);
          resolver = answer.resolver;
          if (answer.records.length > 0) {
            found = { name, records: answer.records };
            break;
          }
        } catch (error) {
          if (!(error instanceof ProblemError)) throw error;
          step.addDetails({ checked, ...(error.details ?? {}) });
          // The lookup's own failure, in the reader's language when it is a catalogue text: its final period, if
          // any, is dropped when it is rendered as a param, so the template that puts one back is chosen then.
          const failure = error.text ?? error.message;
          const params = { failure, issuer: leaf.facts.issuer, name: subject.name };
          step.warn(
            error.problem,
            error.text && error.message.endsWith(".") ? text("steps.ctCaa.caa.lookupFailed", params) : text("steps.ctCaa.caa.lookupFailedPhrase", params),
          );
          return;
        }
      }
      step.report(
        judgeCaa({
          host,
          subject,
          checked,
          ...(found ? { found } : {}),
          issuer: leaf.facts.issuer,
          resolver,
          ...(input.caIdentities ? { table: input.caIdentities } : {}),
        }),
      );
    },
    { blocking: false },
  );
}
