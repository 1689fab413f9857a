import type { CatalogueShape } from "./types";

/**
 * The chain picture's strings (components/chain-picture.tsx), merged into the catalogues as `chainPicture`. ICU
 * messages for next-intl: no apostrophe right before a brace. Italian has exactly the English keys and, per key,
 * the same placeholders.
 */
export const chainPictureEn = {
  caption: "Certificate path, from the server's certificate to the root",
  issuedBy: "issued by",
  role: {
    leaf: "Server certificate",
    intermediate: "Intermediate",
    root: "Root",
  },
  source: {
    sent: "Sent by the server",
    sentAs: "Sent by the server (#{n})",
    trustStore: "From the trust store",
    missing: "Missing",
  },
  field: {
    key: "Key",
    signature: "Signature",
    valid: "Valid",
    broken: "Broken rules",
  },
  validity: "{from} to {to}",
  validFrom: "from {from}",
  validTo: "until {to}",
  notRecorded: "not recorded",
  missing: {
    title: "Missing issuer",
    issuerNotFound: "Not sent by the server and not in the trust store.",
    selfSigned: "The certificate is signed by itself and isn't in the trust store: nothing trusted issued it.",
    untrustedRoot: "This root isn't in the trust store: nothing trusted issued it.",
    badSignature: "A certificate with this name was found, but its key doesn't verify the signature: the real issuer is missing.",
  },
  rules: {
    CERT_EXPIRED: "expired",
    CERT_NOT_YET_VALID: "not yet valid",
    CERT_ISSUER_NOT_CA: "issuer isn't a CA",
    CERT_ISSUER_KEY_USAGE: "key usage forbids issuing",
    CERT_PATH_LENGTH_EXCEEDED: "path too long",
    CERT_NAME_CONSTRAINTS: "outside name constraints",
  },
  unused: "The server also sent {count, plural, one {certificate {list}, which is} other {certificates {list}, which are}} not on this path.",
} as const;

export const chainPictureIt: CatalogueShape<typeof chainPictureEn> = {
  caption: "Percorso dei certificati, dal certificato del server alla radice",
  issuedBy: "emesso da",
  role: {
    leaf: "Certificato del server",
    intermediate: "Intermedio",
    root: "Radice",
  },
  source: {
    sent: "Inviato dal server",
    sentAs: "Inviato dal server (n. {n})",
    trustStore: "Dall'archivio attendibile",
    missing: "Mancante",
  },
  field: {
    key: "Chiave",
    signature: "Firma",
    valid: "Validità",
    broken: "Regole violate",
  },
  validity: "dal {from} al {to}",
  validFrom: "dal {from}",
  validTo: "fino al {to}",
  notRecorded: "non registrato",
  missing: {
    title: "Emittente mancante",
    issuerNotFound: "Non inviato dal server e assente dall'archivio attendibile.",
    selfSigned: "Il certificato è firmato da sé stesso e non è nell'archivio attendibile: nessuna autorità attendibile lo ha emesso.",
    untrustedRoot: "Questa radice non è nell'archivio attendibile: nessuna autorità attendibile l'ha emessa.",
    badSignature: "È stato trovato un certificato con questo nome, ma la sua chiave non verifica la firma: manca l'emittente vero.",
  },
  rules: {
    CERT_EXPIRED: "scaduto",
    CERT_NOT_YET_VALID: "non ancora valido",
    CERT_ISSUER_NOT_CA: "l'emittente non è una CA",
    CERT_ISSUER_KEY_USAGE: "l'utilizzo della chiave non consente di emettere",
    CERT_PATH_LENGTH_EXCEEDED: "percorso troppo lungo",
    CERT_NAME_CONSTRAINTS: "fuori dai vincoli sui nomi",
  },
  unused:
    "Il server ha inviato anche {count, plural, one {il certificato {list}, che non fa} other {i certificati {list}, che non fanno}} parte di questo percorso.",
};
