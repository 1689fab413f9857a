import type { CatalogueShape } from "@/lib/i18n/messages/types";

/**
 * The catalogue texts of this test: its catalogue entry (title, summary, about), its form fields' labels and hints.
 * The catalogues place them (through lib/analyzers/messages.ts) as `tests["certificate-file"]`, `fields["certificate-file"]`. Plain `{name}` templates (not ICU).
 */
export const en = {
  test: {
    title: "Certificate file (before installing it)",
    summary:
      "Checks a certificate you are about to install, without connecting to your server: the host names it must serve, the chain up to a trusted root, the dates on your go-live day, key and signature strength, server-authentication usage, and the msstd: principal Outlook Anywhere needs.",
    about: {
      step1:
        "Reads the pasted certificates (PEM, or a PKCS #7 bundle, or a file you choose) without connecting to your server; a private key is refused before anything runs.",
      step2: "Checks each host name against the certificate, as clients match names (wildcards one label deep).",
      step3:
        "Builds the chain to a trusted root (the bundled Mozilla roots, NODE_EXTRA_CA_CERTS and the roots you paste) under RFC 5280, with OpenSSL's verdict as a second opinion, exactly as for a served certificate.",
      step4: "Checks the validity dates on the date you choose, the key and signature strength and the server-authentication usage.",
      step5:
        "Asks the issuing CA whether a certificate of the chain has been revoked (its OCSP responder, else its CRL): the only network the test uses, never your server.",
      step6: "Checks the msstd: principal Outlook Anywhere uses, or says which principal works and the command that sets it.",
    },
  },
  fields: {
    certificates: {
      label: "Certificates",
      hint: "The certificate in PEM form (-----BEGIN CERTIFICATE-----), the leaf first, then the intermediates; or a PKCS #7 bundle (.p7b). Never the private key: a key is refused.",
    },
    host: {
      label: "Host names it must serve",
      hint: "The names clients will connect to, separated by commas: for Exchange usually mail, autodiscover and the Outlook Anywhere (EXPR) host. Each one is checked.",
    },
    mutualAuthPrincipal: { hint: "Outlook Anywhere's msstd: principal (optional): checked against the certificate, as Outlook checks it." },
    trustedRoots: {
      label: "Extra trusted roots",
      hint: "Optional: your own root CA in PEM form, when the certificate comes from an internal CA that clients trust.",
    },
    at: { label: "Judge validity on", hint: "Optional: the go-live date (YYYY-MM-DD); the dates are checked as of then. Empty: now." },
  },
} as const;

export const it: CatalogueShape<typeof en> = {
  test: {
    title: "File di certificato (prima dell'installazione)",
    summary:
      "Verifica un certificato che stai per installare, senza connettersi al tuo server: i nomi host che deve servire, la catena fino a una radice attendibile, le date nel giorno della messa in produzione, la robustezza della chiave e della firma, l'utilizzo per l'autenticazione server e il nome dell'entità msstd: richiesto da Outlook Anywhere.",
    about: {
      step1:
        "Legge i certificati incollati (PEM, un bundle PKCS #7 o un file scelto) senza connettersi al tuo server; una chiave privata viene rifiutata prima che venga eseguito qualsiasi controllo.",
      step2: "Confronta ogni nome host con il certificato, come fanno i client (caratteri jolly su un solo livello).",
      step3:
        "Costruisce la catena fino a una radice attendibile (le radici Mozilla incluse, NODE_EXTRA_CA_CERTS e le radici che incolli) secondo RFC 5280, con il verdetto di OpenSSL come secondo parere, esattamente come per un certificato presentato da un server.",
      step4: "Verifica le date di validità nel giorno che scegli, la robustezza della chiave e della firma e l'utilizzo per l'autenticazione server.",
      step5:
        "Chiede alla CA emittente se un certificato della catena è stato revocato (il suo risponditore OCSP, altrimenti la sua CRL): l'unico accesso alla rete del test, mai verso il tuo server.",
      step6: "Verifica il nome dell'entità msstd: usato da Outlook Anywhere, oppure indica quale nome dell'entità funziona e il comando che lo imposta.",
    },
  },
  fields: {
    certificates: {
      label: "Certificati",
      hint: "Il certificato in formato PEM (-----BEGIN CERTIFICATE-----), prima il certificato foglia, poi gli intermedi; oppure un bundle PKCS #7 (.p7b). Mai la chiave privata: una chiave viene rifiutata.",
    },
    host: {
      label: "Nomi host che deve servire",
      hint: "I nomi a cui si connetteranno i client, separati da virgole: per Exchange di solito mail, autodiscover e l'host di Outlook Anywhere (EXPR). Ognuno viene verificato.",
    },
    mutualAuthPrincipal: { hint: "Il nome dell'entità msstd: di Outlook Anywhere (facoltativo): viene confrontato con il certificato, come fa Outlook." },
    trustedRoots: {
      label: "Radici attendibili aggiuntive",
      hint: "Facoltativo: la tua CA radice in formato PEM, quando il certificato proviene da una CA interna considerata attendibile dai client.",
    },
    at: {
      label: "Valuta la validità alla data",
      hint: "Facoltativo: la data di messa in produzione (YYYY-MM-DD); le date vengono verificate a quel giorno. Vuoto: adesso.",
    },
  },
};
