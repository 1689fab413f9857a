import "server-only";
import { certificateSteps } from "./steps/certificate";
import { resolveStep, tcpStep } from "./steps/connectivity";
import type { TlsCertificateInput } from "./schemas";
import type { AnalyzerTest } from "./types";

/** TLS certificate: DNS, TCP, then the certificate as a client sees it. */
export const tlsCertificateTest: AnalyzerTest<TlsCertificateInput> = {
  id: "tls-certificate",
  async run(input, run) {
    const target = await resolveStep(run, input.host);
    const connection = await tcpStep(run, input.host, target, input.port);
    await certificateSteps(run, { host: input.host, port: input.port, connection, ignoreTrust: input.ignoreTrust });
  },
};
