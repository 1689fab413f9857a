import type { CatalogueShape } from "../types";

/** Step texts of the Certificate Transparency and CAA steps (lib/analyzers/steps/ct-caa.ts, lib/cert/ct/*, lib/cert/caa.ts): merged into the catalogues as `steps.ctCaa`. Plain `{name}` templates (not ICU). */
export const ctCaaStepsEn = {
  /** A sentence, then more sentences: each a referenced text (which loses its final period, put back here). */
  sentences: "{first}. {rest}.",
  /** The same when the first sentence doesn't end in a period (it ends in a parenthesis). */
  sentencesAfter: "{first} {rest}.",
  ct: {
    title: "Checking the certificate's Certificate Transparency (SCT) records.",
    noCertificate: "no certificate was obtained.",
    unreadable: {
      embedded: "the certificate's SCT list extension is malformed",
      ocsp: "the stapled OCSP response or its SCT list isn't readable",
      tls: "the SCT list the server sent in the TLS extension is malformed",
    },
    source: {
      embedded: "embedded in the certificate",
      ocsp: "in the stapled OCSP response",
      tls: "in the TLS extension",
    },
    counted: {
      embedded: "{count} embedded in the certificate",
      ocsp: "{count} in the stapled OCSP response",
      tls: "{count} in the TLS extension",
    },
    unknownLog: "unknown log {logId}",
    more: "{list} and {more} more",
    none: "The certificate carries no Signed Certificate Timestamps (none embedded, none in a stapled OCSP response).",
    noneAsked:
      "The certificate carries no Signed Certificate Timestamps (none embedded, none in a stapled OCSP response, none in the TLS extension when asked for).",
    found: "Found {count} Signed Certificate Timestamp(s): {sources}; logs: {logs}.",
    notes: {
      unknownLogs: "{count} SCT(s) come from logs missing from the bundled log list ({logList}): counted, not named or verified.",
      invalid: "{count} SCT(s) have a signature that doesn't verify with the log's key: browsers ignore them, and so does this count.",
      future: "{count} SCT(s) are dated in the future: browsers ignore them, and so does this count.",
      unreadable: "The SCTs {source} couldn't be read ({reason}).",
      tlsExtensionNotAsked: "Whether the server sends SCTs in the TLS extension couldn't be checked: {reason}.",
    },
    tlsExtension: {
      otherCertificate: "the second connection, which asked for them, was answered with another certificate",
    },
    notPublic:
      "{found}. The certificate doesn't chain to a publicly trusted root, so the browsers' Certificate Transparency policies don't apply to it (CT doesn't apply to a private CA).",
    meets:
      "{found}. That meets Chrome's and Apple's Certificate Transparency policies ({required} embedded SCTs for a certificate valid {days} days, or {delivered} delivered by OCSP or TLS, from at least {operators} log operators).",
    meetsOperators:
      "{found}. That meets Chrome's and Apple's Certificate Transparency policies ({required} embedded SCTs for a certificate valid {days} days, or {delivered} delivered by OCSP or TLS, from at least {operators} log operators; operators: {names}).",
    insufficient:
      "{found}. Chrome's and Apple's Certificate Transparency policies require {required} SCTs embedded in a certificate valid {days} days (or {delivered} delivered by OCSP stapling or the TLS extension), from at least {operators} distinct log operators: Chrome and Safari may refuse this publicly trusted certificate. Ask the CA to reissue it with SCTs embedded. (SCTs sent only in the TLS extension aren't visible to the analyzer.)",
    insufficientAsked:
      "{found}. Chrome's and Apple's Certificate Transparency policies require {required} SCTs embedded in a certificate valid {days} days (or {delivered} delivered by OCSP stapling or the TLS extension), from at least {operators} distinct log operators: Chrome and Safari may refuse this publicly trusted certificate. Ask the CA to reissue it with SCTs embedded, or have the server deliver them.",
  },
  caa: {
    title: "Checking the domain's CAA records for the certificate's issuer.",
    noHost: "no host name was given: CAA records belong to domain names.",
    ipAddress: "{host} is an IP address: CAA records exist only for domain names.",
    lookupFailed: "{failure}. Whether {issuer} may issue for {name} couldn't be checked; a CA whose CAA lookup fails may refuse to issue too.",
    lookupFailedPhrase: "{failure} Whether {issuer} may issue for {name} couldn't be checked; a CA whose CAA lookup fails may refuse to issue too.",
    inherited: "{found} (inherited by {name})",
    noRecords: "No CAA records for {name} or its parent domains: any CA may issue certificates for {target}.",
    criticalUnknown:
      "The CAA records of {where} carry a critical property no CA understands ({tags}): RFC 8659 forbids every CA to issue for {target}, {issuer} included. CAs check CAA when they issue, clients never do: the certificate in use keeps working, but the CA must refuse to issue its renewal while the records say so.",
    noIssue: 'The CAA records of {where} have no "issue" property: they don\'t restrict which CA may issue for {target}.',
    forbidsAll:
      'The CAA records of {where} say {property} ";": no CA may issue certificates for {target}, so {issuer} may not either. CAs check CAA when they issue, clients never do: the certificate in use keeps working, but the CA must refuse to issue its renewal while the records say so.',
    unknownCa:
      "The CAA records of {where} allow only {list} to issue for {target} (\"{property}\"). The analyzer doesn't know which CAA domain the certificate's issuer ({issuer}) uses, so it can't tell whether that CA is allowed.",
    allowed: 'The CAA records of {where} allow {ca} to issue for {target} ("{property} {domain}").',
    notAllowed:
      'The CAA records of {where} allow only {list} to issue for {target} ("{property}"), not the certificate\'s issuer {issuer}. CAs check CAA when they issue, clients never do: the certificate in use keeps working, but the CA must refuse to issue its renewal while the records say so. Renew with an allowed CA, or add the record {name}. CAA 0 {property} "{domain}".',
  },
} as const;

export const ctCaaStepsIt: CatalogueShape<typeof ctCaaStepsEn> = {
  sentences: "{first}. {rest}.",
  sentencesAfter: "{first} {rest}.",
  ct: {
    title: "Verifica dei record Certificate Transparency (SCT) del certificato.",
    noCertificate: "non è stato ottenuto alcun certificato.",
    unreadable: {
      embedded: "l'estensione del certificato con l'elenco degli SCT non è formata correttamente",
      ocsp: "la risposta OCSP allegata o il suo elenco di SCT non è leggibile",
      tls: "l'elenco di SCT inviato dal server nell'estensione TLS non è formato correttamente",
    },
    source: {
      embedded: "incorporati nel certificato",
      ocsp: "presenti nella risposta OCSP allegata",
      tls: "presenti nell'estensione TLS",
    },
    counted: {
      embedded: "{count} nel certificato",
      ocsp: "{count} nella risposta OCSP allegata",
      tls: "{count} nell'estensione TLS",
    },
    unknownLog: "log sconosciuto {logId}",
    more: "{list} e altri {more}",
    none: "Il certificato non contiene Signed Certificate Timestamp (nessuno incorporato, nessuno in una risposta OCSP allegata).",
    noneAsked:
      "Il certificato non contiene Signed Certificate Timestamp (nessuno incorporato, nessuno in una risposta OCSP allegata, nessuno nell'estensione TLS quando richiesti).",
    found: "Signed Certificate Timestamp (SCT) trovati: {count} ({sources}); log: {logs}.",
    notes: {
      unknownLogs: "SCT provenienti da log assenti dall'elenco dei log incluso ({logList}): {count}; vengono contati, ma non identificati né verificati.",
      invalid: "SCT con una firma che non risulta valida con la chiave del log: {count}; i browser li ignorano, e così anche questo conteggio.",
      future: "SCT con una data futura: {count}; i browser li ignorano, e così anche questo conteggio.",
      unreadable: "Non è stato possibile leggere gli SCT {source} ({reason}).",
      tlsExtensionNotAsked: "Non è stato possibile verificare se il server invia SCT nell'estensione TLS: {reason}.",
    },
    tlsExtension: {
      otherCertificate: "la seconda connessione, che li ha richiesti, ha ricevuto un altro certificato",
    },
    notPublic:
      "{found}. Il certificato non risale a una radice pubblicamente attendibile, quindi i criteri Certificate Transparency dei browser non gli si applicano (la CT non riguarda le CA private).",
    meets:
      "{found}. Questo soddisfa i criteri Certificate Transparency di Chrome e Apple ({required} SCT incorporati per un certificato valido {days} giorni, oppure {delivered} forniti tramite OCSP o TLS, da almeno {operators} operatori di log).",
    meetsOperators:
      "{found}. Questo soddisfa i criteri Certificate Transparency di Chrome e Apple ({required} SCT incorporati per un certificato valido {days} giorni, oppure {delivered} forniti tramite OCSP o TLS, da almeno {operators} operatori di log; operatori: {names}).",
    insufficient:
      "{found}. I criteri Certificate Transparency di Chrome e Apple richiedono {required} SCT incorporati in un certificato valido {days} giorni (oppure {delivered} forniti tramite OCSP stapling o l'estensione TLS), da almeno {operators} operatori di log distinti: Chrome e Safari potrebbero rifiutare questo certificato pubblicamente attendibile. Chiedi alla CA di riemetterlo con gli SCT incorporati. (Gli SCT inviati solo nell'estensione TLS non sono visibili all'analizzatore.)",
    insufficientAsked:
      "{found}. I criteri Certificate Transparency di Chrome e Apple richiedono {required} SCT incorporati in un certificato valido {days} giorni (oppure {delivered} forniti tramite OCSP stapling o l'estensione TLS), da almeno {operators} operatori di log distinti: Chrome e Safari potrebbero rifiutare questo certificato pubblicamente attendibile. Chiedi alla CA di riemetterlo con gli SCT incorporati, oppure fai in modo che il server li fornisca.",
  },
  caa: {
    title: "Verifica dei record CAA del dominio per l'emittente del certificato.",
    noHost: "non è stato indicato alcun nome host: i record CAA appartengono ai nomi di dominio.",
    ipAddress: "{host} è un indirizzo IP: i record CAA esistono solo per i nomi di dominio.",
    lookupFailed:
      "{failure}. Non è stato possibile verificare se {issuer} può emettere certificati per {name}; anche una CA la cui ricerca CAA non riesce può rifiutarsi di emetterli.",
    lookupFailedPhrase:
      "{failure} Non è stato possibile verificare se {issuer} può emettere certificati per {name}; anche una CA la cui ricerca CAA non riesce può rifiutarsi di emetterli.",
    inherited: "{found} (ereditati da {name})",
    noRecords: "Nessun record CAA per {name} o per i domini padre: qualsiasi CA può emettere certificati per {target}.",
    criticalUnknown:
      "I record CAA di {where} contengono una proprietà critica che nessuna CA comprende ({tags}): l'RFC 8659 vieta a ogni CA di emettere certificati per {target}, {issuer} compresa. Le CA verificano i record CAA quando emettono un certificato, i client mai: il certificato in uso continua a funzionare, ma la CA deve rifiutarsi di emetterne il rinnovo finché i record restano così.",
    noIssue: 'I record CAA di {where} non hanno una proprietà "issue": non limitano le CA che possono emettere certificati per {target}.',
    forbidsAll:
      'I record CAA di {where} indicano {property} ";": nessuna CA può emettere certificati per {target}, quindi nemmeno {issuer}. Le CA verificano i record CAA quando emettono un certificato, i client mai: il certificato in uso continua a funzionare, ma la CA deve rifiutarsi di emetterne il rinnovo finché i record restano così.',
    unknownCa:
      "I record CAA di {where} consentono solo a {list} di emettere certificati per {target} (\"{property}\"). L'analizzatore non sa quale dominio CAA usi l'emittente del certificato ({issuer}), quindi non può stabilire se quella CA sia autorizzata.",
    allowed: 'I record CAA di {where} consentono a {ca} di emettere certificati per {target} ("{property} {domain}").',
    notAllowed:
      'I record CAA di {where} consentono solo a {list} di emettere certificati per {target} ("{property}"), non all\'emittente del certificato {issuer}. Le CA verificano i record CAA quando emettono un certificato, i client mai: il certificato in uso continua a funzionare, ma la CA deve rifiutarsi di emetterne il rinnovo finché i record restano così. Rinnova con una CA autorizzata, oppure aggiungi il record {name}. CAA 0 {property} "{domain}".',
  },
};
