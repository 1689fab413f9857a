import "server-only";
import { required } from "@/lib/engine/required";
import type { TestRun } from "@/lib/engine/runner";
import { text } from "@/lib/engine/text";
import { certificateSteps } from "../steps/certificate";
import { resolveStep, tcpStep } from "../steps/connectivity";
import { judgeProtocols, probeProtocols } from "../steps/protocols";
import type { TlsCertificateInput } from "./definition";

/** TLS certificate: DNS, TCP, the certificate as a client sees it, then the protocol versions the server accepts. */
export default async function runTlsCertificate(input: TlsCertificateInput, run: TestRun): Promise<void> {
  const target = await resolveStep(run, input.host);
  const connection = await tcpStep(run, input.host, target, input.port);
  // No ALPN: a server that isn't HTTP may refuse "http/1.1" with no_application_protocol.
  const certificate = await certificateSteps(run, { host: input.host, port: input.port, connection, ignoreTrust: input.ignoreTrust, blocking: false });
  await run.step(
    "tls.protocols",
    text("steps.protocols.title"),
    async (step) => step.report(judgeProtocols(await probeProtocols(input.host, required(connection).address, input.port, certificate?.protocol))),
    { blocking: false },
  );
}
