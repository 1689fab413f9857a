/**
 * Test PKI generated at run time with @peculiar/x509 on Node's WebCrypto.
 *
 *   root                  "RCA Test Root CA"        RSA-2048, SHA-256, self-signed  (the only cert in trustFile)
 *   └─ intermediate       "RCA Test Issuing CA 1"   RSA-2048, SHA-256, pathlen 0
 *   untrustedRoot         "Evil Root CA"            RSA-2048, SHA-256, self-signed  (NOT trusted)
 *   └─ untrustedIntermediate "Evil Issuing CA 1"    RSA-2048, SHA-256, pathlen 0
 *
 * Revocation: leaves and `issueCa()` CAs name an OCSP responder (`ocspUrl`, Authority Information Access) and a CRL
 * distribution point (`crlUrl`) when asked; `issueCrl()` signs a CRL with any CA of this PKI; an OCSP responder's own
 * certificate is a leaf with `eku: ["ocspSigning"]`.
 * Leaves come from `issueLeaf()`, further CAs (broken on purpose: not a CA, no keyCertSign, path length, name
 * constraints, expired, self-issued) from `issueCa()`; `tamperSignature()` breaks a certificate's signature.
 * Private keys are PKCS#8 PEM ("BEGIN PRIVATE KEY"), which Node's tls accepts.
 * Keys are cached per process: the four CA keys and one RSA key per size (1024/2048/3072) are generated once;
 * EC leaf keys and the keys of `issueCa()` CAs (EC P-256) are fresh every time (cheap).
 */
import "reflect-metadata";
import { createHash, generateKeyPairSync, randomBytes, sign, webcrypto, type KeyObject } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  BasicOCSPResponse,
  CertID,
  CertStatus,
  id_pkix_ocsp_basic,
  OCSPResponse,
  OCSPResponseStatus,
  ResponderID,
  ResponseBytes,
  ResponseData,
  SingleResponse,
} from "@peculiar/asn1-ocsp";
import { AsnConvert, OctetString } from "@peculiar/asn1-schema";
import { AlgorithmIdentifier, Extension as AsnExtension, Certificate } from "@peculiar/asn1-x509";
import * as x509 from "@peculiar/x509";

const crypto = webcrypto as unknown as Crypto;
x509.cryptoProvider.set(crypto);

export interface Issued {
  certPem: string;
  /** PKCS#8 PEM */
  keyPem: string;
  cert: x509.X509Certificate;
}

export type LeafKeySpec = { type: "RSA"; bits: 1024 | 2048 | 3072 } | { type: "EC"; curve: "P-256" | "P-384" };

export interface LeafOptions {
  /** omitted → subject has no CN (just O=RCA Test Servers) */
  commonName?: string;
  /** SAN dNSName entries */
  dnsNames?: string[];
  /** SAN iPAddress entries (IPv4 or IPv6 text) */
  ipAddresses?: string[];
  /** default "intermediate"; or a CA made by `issueCa()` */
  issuer?: "intermediate" | "root" | "untrustedIntermediate" | "self" | Issued;
  /** default now - 1 day */
  notBefore?: Date;
  /** default now + 365 days */
  notAfter?: Date;
  /** default EC P-256 */
  key?: LeafKeySpec;
  /** hash of the leaf's signature (the issuer's key signs). Default SHA-256. SHA-1 with an EC key is also honoured. */
  signatureHash?: "SHA-256" | "SHA-1";
  /** default ["serverAuth"]; null = no EKU extension at all */
  eku?: ("serverAuth" | "clientAuth" | "ocspSigning")[] | null;
  /** OCSP responder URL(s): an Authority Information Access extension (id-ad-ocsp). Default: none. */
  ocspUrl?: string | string[];
  /** CRL distribution point URL(s). Default: none. */
  crlUrl?: string | string[];
  /** appended after the standard extensions */
  extraExtensions?: x509.Extension[];
  /**
   * Signed Certificate Timestamps to embed (RFC 6962 §3.3), each signed by a test log over the precertificate (this
   * certificate's TBS without the SCT extension, and the issuer's key hash). `tamper` breaks one SCT's signature;
   * `timestamp` defaults to notBefore. The SCT list extension is appended last. Default: none.
   */
  scts?: Array<{ log: TestCtLog; timestamp?: Date; tamper?: boolean }>;
}

/** A Certificate Transparency log for tests: an EC P-256 key; its log id is the SHA-256 of its public key. */
export interface TestCtLog {
  description: string;
  operator: string;
  /** base64, as in a log list */
  logId: string;
  /** SubjectPublicKeyInfo, DER */
  key: Buffer;
  privateKey: KeyObject;
}

export function createTestCtLog(description: string, operator: string): TestCtLog {
  const { publicKey, privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const key = publicKey.export({ format: "der", type: "spki" });
  return { description, operator, logId: createHash("sha256").update(key).digest("base64"), key, privateKey };
}

/** The TBSCertificate of a certificate, as its bytes: the first element of the outer SEQUENCE. */
function tbsOf(certDer: Buffer): Buffer {
  const headerLength = (offset: number) => (certDer[offset + 1]! & 0x80 ? 2 + (certDer[offset + 1]! & 0x7f) : 2);
  const lengthAt = (offset: number) => {
    const first = certDer[offset + 1]!;
    if (!(first & 0x80)) return first;
    let length = 0;
    for (let i = 0; i < (first & 0x7f); i++) length = length * 256 + certDer[offset + 2 + i]!;
    return length;
  };
  const start = headerLength(0);
  return certDer.subarray(start, start + headerLength(start) + lengthAt(start));
}

function tlsUint(value: number | bigint, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  if (size === 8) buffer.writeBigUInt64BE(BigInt(value));
  else buffer.writeUIntBE(Number(value), 0, size);
  return buffer;
}

/** One SCT, TLS-encoded with its length: signed by `log` over `entry` (entry_type and the signed entry itself). */
function encodeSct(log: TestCtLog, ms: bigint, entry: Buffer, tamper: boolean | undefined): Buffer {
  const signed = Buffer.concat([tlsUint(0, 1), tlsUint(0, 1), tlsUint(ms, 8), entry, tlsUint(0, 2)]);
  const signature = sign("sha256", signed, log.privateKey);
  if (tamper) signature[signature.length - 1] = signature[signature.length - 1]! ^ 0x01;
  const sct = Buffer.concat([
    tlsUint(0, 1),
    Buffer.from(log.logId, "base64"),
    tlsUint(ms, 8),
    tlsUint(0, 2),
    tlsUint(4, 1),
    tlsUint(3, 1),
    tlsUint(signature.length, 2),
    signature,
  ]);
  return Buffer.concat([tlsUint(sct.length, 2), sct]);
}

function sctList(encoded: Buffer[]): Buffer {
  const body = Buffer.concat(encoded);
  return Buffer.concat([tlsUint(body.length, 2), body]);
}

/**
 * A TLS-encoded SignedCertificateTimestampList for a finished certificate (x509_entry SCTs, as a log returns for a
 * certificate submitted after issuance): what a server puts in a stapled OCSP response or the TLS extension.
 */
export function x509SctList(certDer: Buffer, scts: NonNullable<LeafOptions["scts"]>): Buffer {
  const entry = Buffer.concat([tlsUint(0, 2), tlsUint(certDer.length, 3), certDer]);
  return sctList(scts.map(({ log, timestamp, tamper }) => encodeSct(log, BigInt((timestamp ?? new Date()).getTime()), entry, tamper)));
}

/**
 * A successful basic OCSP response ("good") about `cert` whose SingleResponse carries `sctList` in the SCT extension
 * (1.3.6.1.4.1.11129.2.4.5). Its signature is zeros: for tests that read the SCTs, not the status.
 */
export function ocspResponseWithScts(cert: Issued, sctListBytes: Buffer): Buffer {
  const serial = AsnConvert.parse(cert.cert.rawData, Certificate).tbsCertificate.serialNumber;
  const now = new Date();
  const single = new SingleResponse({
    certID: new CertID({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: "1.3.14.3.2.26", parameters: null }),
      issuerNameHash: new OctetString(new Uint8Array(20).buffer),
      issuerKeyHash: new OctetString(new Uint8Array(20).buffer),
      serialNumber: serial,
    }),
    certStatus: new CertStatus({ good: null }),
    thisUpdate: now,
    singleExtensions: [new AsnExtension({ extnID: "1.3.6.1.4.1.11129.2.4.5", critical: false, extnValue: new OctetString(der(0x04, sctListBytes).buffer) })],
  });
  const basic = new BasicOCSPResponse({
    tbsResponseData: new ResponseData({
      responderID: new ResponderID({ byKey: new OctetString(new Uint8Array(20).buffer) }),
      producedAt: now,
      responses: [single],
    }),
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: "1.2.840.10045.4.3.2" }),
    signature: new Uint8Array(64).buffer,
  });
  const response = new OCSPResponse({
    responseStatus: OCSPResponseStatus.successful,
    responseBytes: new ResponseBytes({ responseType: id_pkix_ocsp_basic, response: new OctetString(AsnConvert.serialize(basic)) }),
  });
  return Buffer.from(AsnConvert.serialize(response));
}

/** The SCT list extension for a precertificate TBS, signed by each log (RFC 6962 §3.2, ECDSA with SHA-256). */
function sctListExtension(tbs: Buffer, issuerKeyHash: Buffer, scts: NonNullable<LeafOptions["scts"]>, notBefore: Date): x509.Extension {
  // precert_entry: the issuer's key hash and the TBS without the SCT extension (RFC 6962 §3.2).
  const entry = Buffer.concat([tlsUint(1, 2), issuerKeyHash, tlsUint(tbs.length, 3), tbs]);
  const list = sctList(scts.map(({ log, timestamp, tamper }) => encodeSct(log, BigInt((timestamp ?? notBefore).getTime()), entry, tamper)));
  return new x509.Extension("1.3.6.1.4.1.11129.2.4.2", false, der(0x04, list));
}

/** A name constraint subtree: a DNS name (".allowed.test", "allowed.test") or an IP range in CIDR form ("127.0.50.0/24"). */
export type NameSubtree = { dns: string } | { ip: string };

export interface CaOptions {
  /** The subject's CN (O=RCA Tests is added). Ignored with `selfIssued`. */
  commonName: string;
  /** default "root"; or a CA made by `issueCa()` */
  issuer?: "root" | "intermediate" | "untrustedRoot" | Issued;
  /** default { ca: true } (no path length); null = no Basic Constraints extension at all */
  basicConstraints?: { ca: boolean; pathLength?: number } | null;
  /** default keyCertSign | cRLSign | digitalSignature; null = no Key Usage extension */
  keyUsage?: x509.KeyUsageFlags | null;
  /** a critical Name Constraints extension */
  nameConstraints?: { permitted?: NameSubtree[]; excluded?: NameSubtree[] };
  /** the issuer's own subject with a new key: a self-issued CA (key rollover), which path length doesn't count */
  selfIssued?: boolean;
  /** reuse the key of a CA made by `issueCa()`: a renewed certificate of the same CA (same name and key) */
  sameKeyAs?: Issued;
  /** default now - 2 days */
  notBefore?: Date;
  /** default now + 5 years */
  notAfter?: Date;
  /** OCSP responder URL(s) for this CA's own status (Authority Information Access). Default: none. */
  ocspUrl?: string | string[];
  /** CRL distribution point URL(s) for this CA's own status. Default: none. */
  crlUrl?: string | string[];
}

export interface CrlOptions {
  /** The CA that signs the CRL: a built-in one or one from `issueCa()`. Default "intermediate". */
  issuer?: "intermediate" | "root" | "untrustedIntermediate" | Issued;
  /** Revoked certificates (serial numbers as hex, like `cert.serialNumber`). */
  revoked?: Array<{ serialNumber: string; date?: Date; reason?: x509.X509CrlReason }>;
  /** default now - 1 hour */
  thisUpdate?: Date;
  /** default now + 7 days; null = none */
  nextUpdate?: Date | null;
}

export interface TestPki {
  root: Issued;
  intermediate: Issued;
  untrustedRoot: Issued;
  untrustedIntermediate: Issued;
  /** PEM file holding only `root` (use for NODE_EXTRA_CA_CERTS / tls `ca`) */
  trustFile: string;
  /** temp dir holding root.pem, intermediate.pem, untrusted-root.pem, untrusted-intermediate.pem, trust.pem (+ *.key.pem) */
  dir: string;
  issueLeaf(options: LeafOptions): Promise<Issued>;
  /** A further CA (EC P-256 key), issued by `root` unless told otherwise; usable as `issuer` of leaves and CAs. */
  issueCa(options: CaOptions): Promise<Issued>;
  /** A CRL signed by one of this PKI's CAs, as DER. */
  issueCrl(options?: CrlOptions): Promise<Buffer>;
  /** removes `dir` */
  cleanup(): Promise<void>;
}

// ---------------------------------------------------------------------------------------------------------------
// keys

interface KeyMaterial {
  /** for signing with the given hash */
  signingKey(hash: "SHA-256" | "SHA-1"): Promise<CryptoKey>;
  publicKey: CryptoKey;
  keyPem: string;
  kind: "RSA" | "EC";
}

const RSA_ALG = "RSASSA-PKCS1-v1_5";

async function rsaKey(bits: number): Promise<KeyMaterial> {
  const pair = (await crypto.subtle.generateKey({ name: RSA_ALG, modulusLength: bits, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, [
    "sign",
    "verify",
  ])) as CryptoKeyPair;
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", pair.privateKey);
  const byHash = new Map<string, Promise<CryptoKey>>([["SHA-256", Promise.resolve(pair.privateKey)]]);
  return {
    kind: "RSA",
    publicKey: pair.publicKey,
    keyPem: x509.PemConverter.encode(pkcs8, "PRIVATE KEY"),
    signingKey(hash) {
      let k = byHash.get(hash);
      if (!k) {
        // For RSASSA-PKCS1-v1_5 the hash is bound to the CryptoKey, so SHA-1 needs a re-import of the same key.
        k = crypto.subtle.importKey("pkcs8", pkcs8, { name: RSA_ALG, hash }, false, ["sign"]);
        byHash.set(hash, k);
      }
      return k;
    },
  };
}

async function ecKey(curve: "P-256" | "P-384"): Promise<KeyMaterial> {
  const pair = (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: curve }, true, ["sign", "verify"])) as CryptoKeyPair;
  const pkcs8 = await crypto.subtle.exportKey("pkcs8", pair.privateKey);
  return {
    kind: "EC",
    publicKey: pair.publicKey,
    keyPem: x509.PemConverter.encode(pkcs8, "PRIVATE KEY"),
    signingKey: async () => pair.privateKey,
  };
}

const keyCache = new Map<string, Promise<KeyMaterial>>();
function cachedKey(id: string, make: () => Promise<KeyMaterial>): Promise<KeyMaterial> {
  let k = keyCache.get(id);
  if (!k) {
    k = make();
    keyCache.set(id, k);
    k.catch(() => keyCache.delete(id));
  }
  return k;
}

function leafKey(spec: LeafKeySpec): Promise<KeyMaterial> {
  if (spec.type === "RSA") return cachedKey(`leaf-rsa-${spec.bits}`, () => rsaKey(spec.bits));
  return ecKey(spec.curve);
}

// ---------------------------------------------------------------------------------------------------------------
// certificates

function randomSerial(): string {
  const b = randomBytes(16);
  b[0] = (b[0]! & 0x7f) | 0x10; // positive, no leading zero byte
  return b.toString("hex");
}

const DAY = 24 * 60 * 60 * 1000;

function signingAlgorithm(key: KeyMaterial, hash: "SHA-256" | "SHA-1"): Algorithm | EcdsaParams {
  return key.kind === "RSA" ? { name: RSA_ALG } : ({ name: "ECDSA", hash } as EcdsaParams);
}

interface CaHandle extends Issued {
  key: KeyMaterial;
  ski: string;
  name: string;
}

const CA_KEY_USAGE = x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature;

interface CaProfile {
  ocspUrl?: string | string[];
  crlUrl?: string | string[];
  basicConstraints?: { ca: boolean; pathLength?: number } | null;
  keyUsage?: x509.KeyUsageFlags | null;
  nameConstraints?: { permitted?: NameSubtree[]; excluded?: NameSubtree[] };
  notBefore?: Date;
  notAfter?: Date;
}

async function makeCa(name: string, key: KeyMaterial, parent: CaHandle | null, profile: CaProfile = {}): Promise<CaHandle> {
  const ski = await x509.SubjectKeyIdentifierExtension.create(key.publicKey);
  const basic = profile.basicConstraints === undefined ? { ca: true, pathLength: parent ? 0 : undefined } : profile.basicConstraints;
  const usage = profile.keyUsage === undefined ? CA_KEY_USAGE : profile.keyUsage;
  const extensions: x509.Extension[] = [
    ...(basic ? [new x509.BasicConstraintsExtension(basic.ca, basic.pathLength, true)] : []),
    ...(usage !== null ? [new x509.KeyUsagesExtension(usage, true)] : []),
    ski,
    new x509.AuthorityKeyIdentifierExtension(parent ? parent.ski : ski.keyId),
    ...(profile.nameConstraints ? [nameConstraintsExtension(profile.nameConstraints)] : []),
    ...revocationExtensions(profile),
  ];
  const now = Date.now();
  const common = {
    serialNumber: randomSerial(),
    notBefore: profile.notBefore ?? new Date(now - 2 * DAY),
    notAfter: profile.notAfter ?? new Date(now + 10 * 365 * DAY),
    extensions,
  };
  const cert = parent
    ? await x509.X509CertificateGenerator.create({
        ...common,
        subject: name,
        issuer: parent.cert.subject,
        publicKey: key.publicKey,
        signingKey: await parent.key.signingKey("SHA-256"),
        signingAlgorithm: signingAlgorithm(parent.key, "SHA-256"),
      })
    : await x509.X509CertificateGenerator.createSelfSigned({
        ...common,
        name,
        keys: { publicKey: key.publicKey, privateKey: await key.signingKey("SHA-256") },
        signingAlgorithm: signingAlgorithm(key, "SHA-256"),
      });
  return { cert, certPem: cert.toString("pem") + "\n", keyPem: key.keyPem, key, ski: ski.keyId, name };
}

/** Authority Information Access (OCSP) and CRL Distribution Points, when asked for. */
function revocationExtensions(options: { ocspUrl?: string | string[]; crlUrl?: string | string[] }): x509.Extension[] {
  const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);
  const ocsp = list(options.ocspUrl);
  const crl = list(options.crlUrl);
  return [
    ...(ocsp.length > 0 ? [new x509.AuthorityInfoAccessExtension({ ocsp })] : []),
    ...(crl.length > 0 ? [new x509.CRLDistributionPointsExtension(crl)] : []),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// DER for the one extension @peculiar/x509 can't build: Name Constraints (RFC 5280 4.2.1.10)

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return [0x80 | bytes.length, ...bytes];
}

function der(tag: number, ...contents: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const body = Buffer.concat(contents);
  return new Uint8Array(Buffer.concat([Buffer.from([tag, ...derLength(body.length)]), body]));
}

function ipBytes(text: string): number[] {
  if (text.includes(".")) return text.split(".").map(Number);
  const [head = "", tail = ""] = text.split("::");
  const groups = (part: string) => (part === "" ? [] : part.split(":").map((group) => parseInt(group, 16)));
  const left = groups(head);
  const right = text.includes("::") ? groups(tail) : [];
  const all = [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((group) => [group >> 8, group & 0xff]);
}

/** CIDR → address followed by mask (8 bytes for IPv4, 32 for IPv6). */
function ipSubtree(cidr: string): Uint8Array {
  const [address = "", prefixText] = cidr.split("/");
  const bytes = ipBytes(address);
  const prefix = prefixText === undefined ? bytes.length * 8 : Number(prefixText);
  const mask = bytes.map((_, i) => (0xff << (8 - Math.max(0, Math.min(8, prefix - 8 * i)))) & 0xff);
  return Uint8Array.from([...bytes.map((byte, i) => byte & mask[i]!), ...mask]);
}

function generalSubtree(subtree: NameSubtree): Uint8Array {
  const base = "dns" in subtree ? der(0x82, Buffer.from(subtree.dns, "ascii")) : der(0x87, ipSubtree(subtree.ip));
  return der(0x30, base);
}

function nameConstraintsExtension(constraints: { permitted?: NameSubtree[]; excluded?: NameSubtree[] }): x509.Extension {
  const parts: Uint8Array[] = [];
  if (constraints.permitted?.length) parts.push(der(0xa0, ...constraints.permitted.map(generalSubtree)));
  if (constraints.excluded?.length) parts.push(der(0xa1, ...constraints.excluded.map(generalSubtree)));
  return new x509.Extension("2.5.29.30", true, der(0x30, ...parts));
}

/** The same certificate with one bit of its signature flipped: parseable, loadable by a server, never verifiable. */
export function tamperSignature(issued: Issued): Issued {
  const raw = Buffer.from(issued.cert.rawData);
  raw[raw.length - 1] = raw[raw.length - 1]! ^ 0x01; // the last byte of a certificate is the last byte of its signature
  const cert = new x509.X509Certificate(raw);
  return { cert, certPem: cert.toString("pem") + "\n", keyPem: issued.keyPem };
}

/** Concatenate PEMs in exactly the given order (e.g. for a deliberately wrong-order server chain). */
export function chainPem(...certs: Issued[]): string {
  return certs.map((c) => c.certPem.trim() + "\n").join("");
}

function publicIssued(ca: CaHandle): Issued {
  return { cert: ca.cert, certPem: ca.certPem, keyPem: ca.keyPem };
}

export async function createTestPki(): Promise<TestPki> {
  const [rootKey, interKey, evilRootKey, evilInterKey] = await Promise.all([
    cachedKey("ca-root", () => rsaKey(2048)),
    cachedKey("ca-intermediate", () => rsaKey(2048)),
    cachedKey("ca-untrusted-root", () => rsaKey(2048)),
    cachedKey("ca-untrusted-intermediate", () => rsaKey(2048)),
  ]);
  const root = await makeCa("CN=RCA Test Root CA, O=RCA Tests", rootKey, null);
  const untrustedRoot = await makeCa("CN=Evil Root CA, O=Evil Corp", evilRootKey, null);
  const [intermediate, untrustedIntermediate] = await Promise.all([
    makeCa("CN=RCA Test Issuing CA 1, O=RCA Tests", interKey, root),
    makeCa("CN=Evil Issuing CA 1, O=Evil Corp", evilInterKey, untrustedRoot),
  ]);

  const dir = await mkdtemp(join(tmpdir(), "rca-pki-"));
  const trustFile = join(dir, "trust.pem");
  const files: [string, string][] = [
    ["trust.pem", root.certPem],
    ["root.pem", root.certPem],
    ["intermediate.pem", intermediate.certPem],
    ["untrusted-root.pem", untrustedRoot.certPem],
    ["untrusted-intermediate.pem", untrustedIntermediate.certPem],
    ["root.key.pem", root.keyPem],
    ["intermediate.key.pem", intermediate.keyPem],
    ["untrusted-root.key.pem", untrustedRoot.keyPem],
    ["untrusted-intermediate.key.pem", untrustedIntermediate.keyPem],
  ];
  await Promise.all(files.map(([name, text]) => writeFile(join(dir, name), text, { mode: 0o600 })));

  const cas = { root, intermediate, untrustedIntermediate, untrustedRoot } as const;
  // CAs from issueCa(), and the built-in ones, by certificate: what lets an `Issued` be named as an issuer.
  const handles = new Map<x509.X509Certificate, CaHandle>([root, intermediate, untrustedRoot, untrustedIntermediate].map((ca) => [ca.cert, ca]));
  const handleOf = (issuer: Issued | keyof typeof cas): CaHandle => {
    if (typeof issuer === "string") return cas[issuer];
    const handle = handles.get(issuer.cert);
    if (!handle) throw new Error("issuer must be a CA of this test PKI (from issueCa or its built-in CAs)");
    return handle;
  };

  async function issueCa(options: CaOptions): Promise<Issued> {
    const parent = handleOf(options.issuer ?? "root");
    const subject = options.selfIssued ? parent.cert.subject : `CN=${escapeDnValue(options.commonName)}, O=RCA Tests`;
    const key = options.sameKeyAs ? handleOf(options.sameKeyAs).key : await ecKey("P-256");
    const ca = await makeCa(subject, key, parent, { basicConstraints: { ca: true }, ...options });
    const issued = publicIssued(ca);
    handles.set(ca.cert, ca);
    return issued;
  }

  async function issueLeaf(options: LeafOptions): Promise<Issued> {
    const key = await leafKey(options.key ?? { type: "EC", curve: "P-256" });
    const hash = options.signatureHash ?? "SHA-256";
    const issuerSel = options.issuer ?? "intermediate";
    const subject = options.commonName !== undefined ? `CN=${escapeDnValue(options.commonName)}, O=RCA Test Servers` : "O=RCA Test Servers";

    const ski = await x509.SubjectKeyIdentifierExtension.create(key.publicKey);
    const issuer = issuerSel === "self" ? null : handleOf(issuerSel);
    let usage = x509.KeyUsageFlags.digitalSignature;
    if (key.kind === "RSA") usage |= x509.KeyUsageFlags.keyEncipherment;
    const extensions: x509.Extension[] = [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(usage, true),
      ski,
      new x509.AuthorityKeyIdentifierExtension(issuer ? issuer.ski : ski.keyId),
    ];
    const eku = options.eku === undefined ? ["serverAuth" as const] : options.eku;
    if (eku !== null) {
      extensions.push(
        new x509.ExtendedKeyUsageExtension(
          eku.map((u) => x509.ExtendedKeyUsage[u]),
          false,
        ),
      );
    }
    const names: x509.JsonGeneralNames = [
      ...(options.dnsNames ?? []).map((value) => ({ type: "dns" as const, value })),
      ...(options.ipAddresses ?? []).map((value) => ({ type: "ip" as const, value })),
    ];
    if (names.length > 0) extensions.push(new x509.SubjectAlternativeNameExtension(names, false));
    extensions.push(...revocationExtensions(options));
    extensions.push(...(options.extraExtensions ?? []));

    const now = Date.now();
    const common = {
      serialNumber: randomSerial(),
      notBefore: options.notBefore ?? new Date(now - DAY),
      notAfter: options.notAfter ?? new Date(now + 365 * DAY),
      extensions,
    };
    const generate = async (withExtensions: x509.Extension[]) =>
      issuer
        ? await x509.X509CertificateGenerator.create({
            ...common,
            extensions: withExtensions,
            subject,
            issuer: issuer.cert.subject,
            publicKey: key.publicKey,
            signingKey: await issuer.key.signingKey(hash),
            signingAlgorithm: signingAlgorithm(issuer.key, hash),
          })
        : await x509.X509CertificateGenerator.createSelfSigned({
            ...common,
            extensions: withExtensions,
            name: subject,
            keys: { publicKey: key.publicKey, privateKey: await key.signingKey(hash) },
            signingAlgorithm: signingAlgorithm(key, hash),
          });
    let cert = await generate(extensions);
    if (options.scts?.length) {
      // The certificate without SCTs stands for the precertificate: its TBS is the final TBS minus the SCT extension.
      const issuerKey = Buffer.from(await crypto.subtle.exportKey("spki", (issuer ? issuer.key : key).publicKey));
      const issuerKeyHash = createHash("sha256").update(issuerKey).digest();
      const sctExtension = sctListExtension(tbsOf(Buffer.from(cert.rawData)), issuerKeyHash, options.scts, common.notBefore);
      cert = await generate([...extensions, sctExtension]);
    }
    return { cert, certPem: cert.toString("pem") + "\n", keyPem: key.keyPem };
  }

  async function issueCrl(options: CrlOptions = {}): Promise<Buffer> {
    const ca = handleOf(options.issuer ?? "intermediate");
    const now = Date.now();
    const crl = await x509.X509CrlGenerator.create({
      issuer: ca.cert.subject,
      thisUpdate: options.thisUpdate ?? new Date(now - 60 * 60 * 1000),
      ...(options.nextUpdate === null ? {} : { nextUpdate: options.nextUpdate ?? new Date(now + 7 * DAY) }),
      entries: (options.revoked ?? []).map((entry) => ({
        serialNumber: entry.serialNumber,
        revocationDate: entry.date ?? new Date(now - DAY),
        ...(entry.reason === undefined ? {} : { reason: entry.reason }),
      })),
      signingKey: await ca.key.signingKey("SHA-256"),
      signingAlgorithm: signingAlgorithm(ca.key, "SHA-256"),
    });
    return Buffer.from(crl.rawData);
  }

  return {
    root: publicIssued(root),
    intermediate: publicIssued(intermediate),
    untrustedRoot: publicIssued(untrustedRoot),
    untrustedIntermediate: publicIssued(untrustedIntermediate),
    trustFile,
    dir,
    issueLeaf,
    issueCa,
    issueCrl,
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}

/** RFC 4514 escaping for a single attribute value. */
function escapeDnValue(v: string): string {
  return v
    .replace(/([,+"\\<>;=])/g, "\\$1")
    .replace(/^([ #])/, "\\$1")
    .replace(/ $/, "\\ ");
}
