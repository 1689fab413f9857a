import "server-only";
import { certificateSteps } from "./steps/certificate";
import { required } from "@/lib/engine/required";
import { resolveStep, tcpStep } from "./steps/connectivity";
import { judgeProtocols, probeProtocols } from "./steps/protocols";
import type { TlsCertificateInput } from "./schemas";
import type { AnalyzerTest } from "./types";

/** TLS certificate: DNS, TCP, the certificate as a client sees it, then the protocol versions the server accepts. */
export const tlsCertificateTest: AnalyzerTest<TlsCertificateInput> = {
  id: "tls-certificate",
  async run(input, run) {
    const target = await resolveStep(run, input.host);
    const connection = await tcpStep(run, input.host, target, input.port);
    await certificateSteps(run, { host: input.host, port: input.port, connection, ignoreTrust: input.ignoreTrust, blocking: false });
    await run.step(
      "tls.protocols",
      "Checking which TLS protocol versions the server accepts.",
      async (step) => step.report(judgeProtocols(await probeProtocols(input.host, required(connection).address, input.port))),
      { blocking: false },
    );
  },
};
