/**
 * Size and count caps on everything a remote server (or its DNS) can make us hold, in one place. Timeouts are not
 * here: they come from the environment (RCA_TIMEOUT_MS).
 */
export const LIMITS = {
  // TCP
  /** Addresses of one target tried in turn: a DNS answer with dozens of records mustn't hold a test for minutes. */
  connectAttempts: 4,

  // TLS
  /** Raw bytes of a TLS handshake recorded for parsing (the chain as sent). */
  tlsTranscriptBytes: 512 * 1024,
  /** Largest handshake message buffered while reassembling (a Certificate message with 20 × 64 KiB certificates fits). */
  tlsHandshakeMessageBytes: 2 * 1024 * 1024,
  /** Certificates accepted from one chain. */
  chainCertificates: 20,
  /** A certificate larger than this stops certificate collection. */
  certificateBytes: 64 * 1024,
  /** Acceptable-issuer names kept from one CertificateRequest. */
  certificateAuthorities: 256,
  /** Notes kept about what the transcript parser could not see. */
  tlsTranscriptNotes: 20,
  /** Key log lines kept per connection (a handful per handshake; renegotiations add more). */
  keylogLines: 64,
  /** A longer key log line is not one (the longest real one is under 250 characters). */
  keylogLineChars: 1024,
  /** Leading bytes of the server's answer kept to tell plain text from broken TLS. */
  tlsFirstBytes: 64,
  /** Trust-store roots kept parsed for the certificate steps (the store holds about 150). */
  parsedAnchors: 512,
  /** TLS contexts (trust anchors × profile × version) cached before the cache is emptied. */
  tlsContextCache: 32,

  // Certificate revocation (OCSP, stapling, CRLs)
  /** An OCSP response read from a responder or stapled by a server (a few KiB in practice); a bigger one is refused, not truncated. */
  ocspResponseBytes: 64 * 1024,
  /** A CRL read from a distribution point (large public CAs publish a few MiB); a bigger one is refused, not truncated. */
  crlBytes: 10 * 1024 * 1024,
  /** CRLs kept (by URL and issuer) until their nextUpdate; the oldest is dropped first. */
  crlCacheEntries: 16,
  /** Bytes of CRLs kept in that cache, all together. */
  crlCacheBytes: 32 * 1024 * 1024,
  /** OCSP responder and CRL distribution point URLs tried for one certificate; the rest are named, not fetched. */
  revocationUrls: 3,
  /** Certificates of one path whose revocation is checked (the root never is). */
  revocationCertificates: 8,

  // DNS
  /** DNS lookups waiting for an answer at once, all tests together (c-ares holds no thread while it waits). */
  dnsLookupsInFlight: 256,
  /** SRV records kept from one answer (Outlook tries the first). */
  srvRecords: 10,

  // Autodiscover
  /** redirectAddr / redirectUrl answers followed in a row before it counts as a loop (Outlook's own limit is 10). */
  autodiscoverRedirects: 10,
  /** One line of a MAPI over HTTP response's PROCESSING / DONE framing. */
  mapiFrameLine: 256,
  /** Element nesting accepted in an ActiveSync WBXML answer (FolderSync's deepest is 4). */
  wbxmlDepth: 32,
  /** Elements read from one WBXML answer before it is refused. */
  wbxmlElements: 65_536,
  /** An XML answer parsed (Autodiscover POX, EWS SOAP: a few KiB); a bigger one is refused, not truncated. */
  xmlBytes: 256 * 1024,
  /** Element nesting accepted in an XML answer (Exchange's deepest is about 8: Autodiscover/…/Internal/Protocol/ASUrl). */
  xmlDepth: 32,
  /** Protocol elements kept from one POX response, and entries of one WEB Internal/External list (Exchange sends about 6). */
  poxProtocols: 16,
  /** Unrecognised simple elements kept in one Protocol's `other` (Exchange 2019's EXCH has about 20 EcpUrl-* and the like). */
  poxOtherFields: 48,
  /** An XML element or protocol name from a server, used as a key or quoted in a message. */
  xmlName: 64,

  // HTTP
  /** HTTP response body kept for analysis. */
  httpBodyBytes: 256 * 1024,
  /** HTTP response header block. */
  httpHeaderBytes: 32 * 1024,
  /** HTTP status reason phrase shown to the user. */
  httpStatusText: 200,
  /** Authentication schemes read from a response's WWW-Authenticate headers (and their values shown). */
  authSchemes: 20,
  /** One authentication scheme name from WWW-Authenticate. */
  authSchemeName: 40,
  /** One header value quoted in a step's details (e.g. a WWW-Authenticate challenge). */
  headerValueShown: 256,

  // Text
  /** Any single text field shown to the user (certificate fields, headers, banners). */
  textField: 1024,
  /** The first line a plain-text server sent where TLS was expected, quoted in the message. */
  plainTextLine: 120,
  /** A certificate name (DNS name, subtree, domain) quoted in a message. */
  nameShown: 256,
  /** Entries of a list of server values named in one message before "and N more". */
  listEntriesShown: 10,
  /** Names of one certificate reported as breaking one CA's name constraints; the rest are counted. */
  nameConstraintBreachesShown: 5,
  /** Other problems of a refused path listed in the trust step's message. */
  pathProblemsShown: 10,
  /** OpenSSL's own words for a verification error. */
  opensslMessage: 200,
  /** Why part of a TLS transcript couldn't be read, quoted in a message. */
  transcriptNotesShown: 300,

  // Mail dialogs (SMTP, IMAP, POP) and mail DNS records
  /** One line of a mail protocol answer: SMTP allows 512 bytes (RFC 5321), IMAP capability lines run to about 1 KiB. */
  mailLineBytes: 8 * 1024,
  /** Lines of one answer (an SMTP multi-line reply, IMAP untagged lines, a POP CAPA list) before it is refused. */
  mailAnswerLines: 200,
  /** Bytes the server may send in one whole dialog. */
  mailDialogBytes: 256 * 1024,
  /** Lines kept in a dialog's transcript (step details). */
  mailTranscriptLines: 200,
  /** One transcript line as shown. */
  mailLineShown: 512,
  /** MX records kept from one answer (tried in preference order). */
  mxRecords: 10,
  /** TXT records kept from one answer, and characters of each. */
  txtRecords: 20,
  txtRecordChars: 4096,
  /** Names kept from one PTR answer. */
  ptrNames: 10,
  /** TLSA records kept from one answer. */
  tlsaRecords: 20,
  /** A raw DNS answer read (TLSA), in bytes. */
  dnsAnswerBytes: 64 * 1024,
  /** CAA records kept from one answer (RFC 8659); a domain rarely has more than a handful. */
  caaRecords: 32,
  /** One CAA property value (issuer domain and parameters, iodef URL) as kept and shown. */
  caaValueChars: 512,
  /** Names asked for CAA records while climbing from the name towards the top-level domain (RFC 8659 §3). */
  caaLookups: 10,

  // Certificate Transparency
  /** SCTs read from one source (certificate, stapled OCSP response); real certificates carry 2 to 5. */
  sctsPerSource: 32,
  /** Bytes read from a server by the SCT extension probe (its ServerHello and Certificate message: a few KiB in practice). */
  sctProbeBytes: 256 * 1024,

  // Results
  /** Entries of any list (or keys of any object) in a step's details; the rest are counted in an "… and N more" entry. */
  detailsListEntries: 100,
  /** Nesting of a step's details kept; anything deeper is replaced by a note. */
  detailsDepth: 8,
  /** A result stored larger than this (serialised as JSON, in bytes) loses its largest details first, then long messages. */
  resultBytes: 1024 * 1024,
} as const;

/** Hostile text from a server, made safe to store and show: printable, single-line, truncated. */
export function cleanText(value: string, max: number = LIMITS.textField): string {
  const printable = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, "\uFFFD");
  return printable.length > max ? `${printable.slice(0, max)}… (truncated, ${printable.length} characters)` : printable;
}
