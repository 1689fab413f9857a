import "server-only";
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cleanText, LIMITS } from "@/lib/net/limits";
import type { OpenSslVerdict } from "@/lib/net/tls";

/**
 * OpenSSL's verdict on a chain that came without a handshake (a pasted certificate file): `openssl verify` with the
 * same roots, the same purpose libssl sets for a TLS client (sslserver) and the chosen date. The second opinion beside
 * the analyzer's own RFC 5280 validation, as the handshake's verdict is for served chains.
 */
export async function opensslVerify(chainPems: readonly string[], rootPems: readonly string[], at: Date, timeoutMs: number): Promise<OpenSslVerdict> {
  const [leaf, ...rest] = chainPems;
  if (!leaf) return { authorized: false, error: "NO_CERTIFICATE" };
  const dir = await mkdtemp(join(tmpdir(), "rca-verify-"));
  try {
    const files = { leaf: join(dir, "leaf.pem"), untrusted: join(dir, "untrusted.pem"), roots: join(dir, "roots.pem") };
    await Promise.all([writeFile(files.leaf, leaf), writeFile(files.untrusted, rest.join("\n")), writeFile(files.roots, rootPems.join("\n"))]);
    const args = ["verify", "-CAfile", files.roots, "-purpose", "sslserver", "-attime", String(Math.floor(at.getTime() / 1000))];
    if (rest.length > 0) args.push("-untrusted", files.untrusted);
    args.push(files.leaf);
    const { code, output } = await run("openssl", args, timeoutMs);
    if (code === 0) return { authorized: true };
    if (code === undefined) return { authorized: false, error: "OPENSSL_UNAVAILABLE", message: cleanText(output, LIMITS.opensslMessage) };
    // "error 10 at 0 depth lookup: certificate has expired": the first error is the one a handshake would report.
    const match = /error (\d+) at \d+ depth lookup: ?([^\n]*)/.exec(output);
    const number = match ? Number(match[1]) : undefined;
    return {
      authorized: false,
      error: (number !== undefined ? VERIFY_ERRORS[number] : undefined) ?? (number !== undefined ? `X509_V_ERR_${number}` : "UNSPECIFIED"),
      ...(match?.[2] ? { message: cleanText(match[2], LIMITS.opensslMessage) } : {}),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** OpenSSL's X509_V_ERR numbers, named as Node names them in a handshake's authorizationError. */
const VERIFY_ERRORS: Readonly<Record<number, string>> = {
  2: "UNABLE_TO_GET_ISSUER_CERT",
  4: "UNABLE_TO_DECRYPT_CERT_SIGNATURE",
  6: "UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY",
  7: "CERT_SIGNATURE_FAILURE",
  9: "CERT_NOT_YET_VALID",
  10: "CERT_HAS_EXPIRED",
  13: "ERROR_IN_CERT_NOT_BEFORE_FIELD",
  14: "ERROR_IN_CERT_NOT_AFTER_FIELD",
  18: "DEPTH_ZERO_SELF_SIGNED_CERT",
  19: "SELF_SIGNED_CERT_IN_CHAIN",
  20: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  21: "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  22: "CERT_CHAIN_TOO_LONG",
  24: "INVALID_CA",
  25: "PATH_LENGTH_EXCEEDED",
  26: "INVALID_PURPOSE",
  27: "CERT_UNTRUSTED",
  28: "CERT_REJECTED",
  32: "KEYUSAGE_NO_CERTSIGN",
  47: "PERMITTED_VIOLATION",
  48: "EXCLUDED_VIOLATION",
  66: "EE_KEY_TOO_SMALL",
  67: "CA_KEY_TOO_SMALL",
  68: "CA_MD_TOO_WEAK",
};

/** Runs a command with a time limit; `code` is undefined when it couldn't run (missing binary, timeout). */
function run(command: string, args: string[], timeoutMs: number): Promise<{ code: number | undefined; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { timeout: timeoutMs, maxBuffer: 64 * 1024 }, (error, stdout, stderr) => {
      const output = `${stdout}\n${stderr}`;
      if (!error) return resolve({ code: 0, output });
      const code = (error as NodeJS.ErrnoException & { code?: unknown }).code;
      resolve({
        code: typeof code === "number" ? code : undefined,
        output: typeof code === "number" ? output : `openssl couldn't run (${String(code ?? error.message)})`,
      });
    });
  });
}
