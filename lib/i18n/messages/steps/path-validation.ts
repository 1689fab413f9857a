import type { CatalogueShape } from "../types";

/** Step texts of the RFC 5280 path validation rules (lib/cert/path-validation.ts, lib/cert/name-constraints.ts, lib/cert/openssl-errors.ts): merged into the catalogues as `steps.pathValidation`. Plain `{name}` templates (not ICU). */
export const pathValidationStepsEn = {
  /** A certificate of the path at the start of a sentence; within one, `steps.certificate.trust.role.*` names it. */
  who: {
    server: 'The server certificate "{subject}"',
    intermediate: 'The intermediate certificate "{subject}"',
    root: 'The root certificate "{subject}"',
  },
  issuerNotCa: {
    caFalse:
      '{who} issued "{issued}" but isn\'t a certification authority: its Basic Constraints say CA=false. Only a certificate with Basic Constraints CA=true may issue certificates (RFC 5280 4.2.1.9), so clients refuse the chain.',
    noBasicConstraints:
      '{who} issued "{issued}" but isn\'t a certification authority: it has no Basic Constraints extension. Only a certificate with Basic Constraints CA=true may issue certificates (RFC 5280 4.2.1.9), so clients refuse the chain.',
  },
  issuerKeyUsage:
    '{who} issued "{issued}" but its Key Usage ({usages}) doesn\'t include Certificate Signing (keyCertSign), which RFC 5280 4.2.1.3 requires of a key that signs certificates, so clients refuse the chain.',
  pathLength: {
    none: "{who} allows no intermediate CA below it (Basic Constraints path length {limit}), but this path has {count} below it: {names}. Clients refuse the chain (RFC 5280 4.2.1.9; self-issued certificates don't count).",
    one: "{who} allows at most {limit} intermediate CA below it (Basic Constraints path length {limit}), but this path has {count} below it: {names}. Clients refuse the chain (RFC 5280 4.2.1.9; self-issued certificates don't count).",
    many: "{who} allows at most {limit} intermediate CAs below it (Basic Constraints path length {limit}), but this path has {count} below it: {names}. Clients refuse the chain (RFC 5280 4.2.1.9; self-issued certificates don't count).",
  },
  nameConstraints: {
    unreadable:
      '{who} has a Name Constraints extension that couldn\'t be read, so no name of the server certificate "{subject}" can be shown to be allowed (RFC 5280 4.2.1.10).',
    excluded:
      'The server certificate "{subject}" has the name {name}, which is in the subtree {subtree} that {ca} excludes. Clients refuse names that break a CA\'s name constraints (RFC 5280 4.2.1.10).',
    excludedMore:
      'The server certificate "{subject}" has the name {name}, which is in the subtree {subtree} that {ca} excludes. Clients refuse names that break a CA\'s name constraints (RFC 5280 4.2.1.10). {more} more of its names break these constraints too.',
    notPermitted:
      'The server certificate "{subject}" has the name {name}, which is outside the names {ca} may issue for (permitted: {permitted}). Clients refuse names that break a CA\'s name constraints (RFC 5280 4.2.1.10).',
    notPermittedMore:
      'The server certificate "{subject}" has the name {name}, which is outside the names {ca} may issue for (permitted: {permitted}). Clients refuse names that break a CA\'s name constraints (RFC 5280 4.2.1.10). {more} more of its names break these constraints too.',
    listMore: "{list} and {more} more",
    everyDnsName: "(every DNS name)",
  },
  validity: {
    expired: "{who} expired on {date}.",
    expiredIssuer: "{who} expired on {date}: clients refuse every certificate it issued.",
    notYetValid: "{who} isn't valid until {date}.",
    notYetValidIssuer: "{who} isn't valid until {date}: clients refuse every certificate it issued.",
  },
  openssl: {
    described: "{code}: {meaning}",
    withMessage: '{description} (OpenSSL: "{message}")',
    /** OpenSSL's verification errors (X509_V_ERR_*, as Node names them) in an administrator's words. */
    meaning: {
      UNABLE_TO_GET_ISSUER_CERT: "the issuer of a certificate in the chain couldn't be found",
      UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the issuer of a certificate in the chain wasn't sent and isn't a trusted root",
      UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the issuer of the server certificate wasn't sent and isn't a trusted root",
      DEPTH_ZERO_SELF_SIGNED_CERT: "the server certificate is self-signed",
      SELF_SIGNED_CERT_IN_CHAIN: "the chain ends at a self-signed root that isn't trusted",
      CERT_HAS_EXPIRED: "a certificate in the chain has expired",
      CERT_NOT_YET_VALID: "a certificate in the chain isn't valid yet",
      INVALID_CA: "a certificate that issued another one isn't a valid CA (Basic Constraints or Key Usage)",
      PATH_LENGTH_EXCEEDED: "a CA's path length constraint is exceeded",
      KEYUSAGE_NO_CERTSIGN: "an issuer's Key Usage doesn't allow certificate signing",
      PERMITTED_VIOLATION: "a name is outside a CA's permitted name constraints",
      PERMITTED_SUBTREE_VIOLATION: "a name is outside a CA's permitted name constraints",
      EXCLUDED_VIOLATION: "a name is inside a CA's excluded name constraints",
      SUBTREE_MINMAX: "a CA's name constraints use minimum or maximum, which isn't supported",
      UNSUPPORTED_CONSTRAINT_TYPE: "a CA's name constraints use a name form that isn't supported",
      UNSUPPORTED_NAME_SYNTAX: "a name's syntax isn't supported by name constraints",
      CERT_SIGNATURE_FAILURE: "a certificate's signature doesn't verify",
      UNABLE_TO_DECRYPT_CERT_SIGNATURE: "a certificate's signature couldn't be checked",
      UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: "an issuer's public key couldn't be read",
      INVALID_PURPOSE: "a certificate in the chain isn't allowed for TLS server authentication (Extended Key Usage)",
      CERT_UNTRUSTED: "the root isn't trusted for this purpose",
      CERT_REJECTED: "the root is explicitly distrusted",
      UNHANDLED_CRITICAL_EXTENSION: "a certificate has a critical extension OpenSSL doesn't understand",
      CERT_CHAIN_TOO_LONG: "the chain is longer than OpenSSL's limit",
      EE_KEY_TOO_SMALL: "the server certificate's key is too small",
      CA_KEY_TOO_SMALL: "a CA's key is too small",
      CA_MD_TOO_WEAK: "a CA signature uses a weak hash",
      NOT_CHECKED: "OpenSSL's verdict wasn't recorded",
      // Node names only some of OpenSSL's errors; the rest (name constraint violations, an issuer's Key Usage without
      // keyCertSign, among others) arrive as UNSPECIFIED.
      UNSPECIFIED:
        "OpenSSL refused for a reason Node doesn't name (for example a name constraint violation, or an issuer's Key Usage without certificate signing)",
    },
  },
} as const;

export const pathValidationStepsIt: CatalogueShape<typeof pathValidationStepsEn> = {
  who: {
    server: 'Il certificato del server "{subject}"',
    intermediate: 'Il certificato intermedio "{subject}"',
    root: 'Il certificato radice "{subject}"',
  },
  issuerNotCa: {
    caFalse:
      '{who} ha emesso "{issued}" ma non è un\'autorità di certificazione: i suoi Basic Constraints indicano CA=false. Solo un certificato con Basic Constraints CA=true può emettere certificati (RFC 5280 4.2.1.9), quindi i client rifiutano la catena.',
    noBasicConstraints:
      "{who} ha emesso \"{issued}\" ma non è un'autorità di certificazione: non ha l'estensione Basic Constraints. Solo un certificato con Basic Constraints CA=true può emettere certificati (RFC 5280 4.2.1.9), quindi i client rifiutano la catena.",
  },
  issuerKeyUsage:
    '{who} ha emesso "{issued}" ma il suo Utilizzo chiave ({usages}) non include la firma di certificati (keyCertSign), che l\'RFC 5280 4.2.1.3 richiede a ogni chiave che firma certificati, quindi i client rifiutano la catena.',
  pathLength: {
    none: "{who} non consente alcuna CA intermedia sotto di sé (lunghezza del percorso in Basic Constraints: {limit}), ma in questo percorso ne ha {count}: {names}. I client rifiutano la catena (RFC 5280 4.2.1.9; i certificati autoemessi non vengono contati).",
    one: "{who} consente al massimo {limit} CA intermedia sotto di sé (lunghezza del percorso in Basic Constraints: {limit}), ma in questo percorso ne ha {count}: {names}. I client rifiutano la catena (RFC 5280 4.2.1.9; i certificati autoemessi non vengono contati).",
    many: "{who} consente al massimo {limit} CA intermedie sotto di sé (lunghezza del percorso in Basic Constraints: {limit}), ma in questo percorso ne ha {count}: {names}. I client rifiutano la catena (RFC 5280 4.2.1.9; i certificati autoemessi non vengono contati).",
  },
  nameConstraints: {
    unreadable:
      '{who} ha un\'estensione Name Constraints che non è stato possibile leggere, quindi non si può dimostrare che un qualsiasi nome del certificato del server "{subject}" sia consentito (RFC 5280 4.2.1.10).',
    excluded:
      'Il certificato del server "{subject}" ha il nome {name}, che si trova nel sottoalbero {subtree} escluso dal {ca}. I client rifiutano i nomi che violano i vincoli sui nomi (Name Constraints) di una CA (RFC 5280 4.2.1.10).',
    excludedMore:
      'Il certificato del server "{subject}" ha il nome {name}, che si trova nel sottoalbero {subtree} escluso dal {ca}. I client rifiutano i nomi che violano i vincoli sui nomi (Name Constraints) di una CA (RFC 5280 4.2.1.10). Anche altri {more} dei suoi nomi violano questi vincoli.',
    notPermitted:
      'Il certificato del server "{subject}" ha il nome {name}, che è al di fuori dei nomi per cui il {ca} può emettere certificati (consentiti: {permitted}). I client rifiutano i nomi che violano i vincoli sui nomi (Name Constraints) di una CA (RFC 5280 4.2.1.10).',
    notPermittedMore:
      'Il certificato del server "{subject}" ha il nome {name}, che è al di fuori dei nomi per cui il {ca} può emettere certificati (consentiti: {permitted}). I client rifiutano i nomi che violano i vincoli sui nomi (Name Constraints) di una CA (RFC 5280 4.2.1.10). Anche altri {more} dei suoi nomi violano questi vincoli.',
    listMore: "{list} e altri {more}",
    everyDnsName: "(qualsiasi nome DNS)",
  },
  validity: {
    expired: "{who} è scaduto il {date}.",
    expiredIssuer: "{who} è scaduto il {date}: i client rifiutano ogni certificato da esso emesso.",
    notYetValid: "{who} non è ancora valido: lo sarà dal {date}.",
    notYetValidIssuer: "{who} non è ancora valido (lo sarà dal {date}): i client rifiutano ogni certificato da esso emesso.",
  },
  openssl: {
    described: "{code}: {meaning}",
    withMessage: '{description} (OpenSSL: "{message}")',
    meaning: {
      UNABLE_TO_GET_ISSUER_CERT: "non è stato possibile trovare l'emittente di un certificato della catena",
      UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "l'emittente di un certificato della catena non è stato inviato e non è una radice attendibile",
      UNABLE_TO_VERIFY_LEAF_SIGNATURE: "l'emittente del certificato del server non è stato inviato e non è una radice attendibile",
      DEPTH_ZERO_SELF_SIGNED_CERT: "il certificato del server è autofirmato",
      SELF_SIGNED_CERT_IN_CHAIN: "la catena termina a una radice autofirmata non attendibile",
      CERT_HAS_EXPIRED: "un certificato della catena è scaduto",
      CERT_NOT_YET_VALID: "un certificato della catena non è ancora valido",
      INVALID_CA: "un certificato che ne ha emesso un altro non è una CA valida (Basic Constraints o Utilizzo chiave)",
      PATH_LENGTH_EXCEEDED: "il vincolo di lunghezza del percorso di una CA è superato",
      KEYUSAGE_NO_CERTSIGN: "l'Utilizzo chiave di un emittente non consente la firma di certificati",
      PERMITTED_VIOLATION: "un nome è al di fuori dei vincoli sui nomi consentiti da una CA",
      PERMITTED_SUBTREE_VIOLATION: "un nome è al di fuori dei vincoli sui nomi consentiti da una CA",
      EXCLUDED_VIOLATION: "un nome rientra nei vincoli sui nomi esclusi da una CA",
      SUBTREE_MINMAX: "i vincoli sui nomi di una CA usano minimum o maximum, che non sono supportati",
      UNSUPPORTED_CONSTRAINT_TYPE: "i vincoli sui nomi di una CA usano una forma di nome non supportata",
      UNSUPPORTED_NAME_SYNTAX: "la sintassi di un nome non è supportata dai vincoli sui nomi",
      CERT_SIGNATURE_FAILURE: "la firma di un certificato non risulta valida",
      UNABLE_TO_DECRYPT_CERT_SIGNATURE: "non è stato possibile verificare la firma di un certificato",
      UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY: "non è stato possibile leggere la chiave pubblica di un emittente",
      INVALID_PURPOSE: "un certificato della catena non è consentito per l'autenticazione server TLS (Utilizzo chiavi avanzato)",
      CERT_UNTRUSTED: "la radice non è attendibile per questo scopo",
      CERT_REJECTED: "la radice è esplicitamente contrassegnata come non attendibile",
      UNHANDLED_CRITICAL_EXTENSION: "un certificato ha un'estensione critica che OpenSSL non comprende",
      CERT_CHAIN_TOO_LONG: "la catena supera la lunghezza massima ammessa da OpenSSL",
      EE_KEY_TOO_SMALL: "la chiave del certificato del server è troppo piccola",
      CA_KEY_TOO_SMALL: "la chiave di una CA è troppo piccola",
      CA_MD_TOO_WEAK: "la firma di una CA usa un hash debole",
      NOT_CHECKED: "il giudizio di OpenSSL non è stato registrato",
      UNSPECIFIED:
        "OpenSSL ha rifiutato per un motivo che Node non specifica (per esempio una violazione dei vincoli sui nomi, o l'Utilizzo chiave di un emittente che non consente la firma di certificati)",
    },
  },
};
