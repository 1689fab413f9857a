import type { CatalogueShape } from "./types";

/**
 * The form's validation messages, merged into the catalogues as `validation`. The schemas (lib/analyzers/inputs.ts,
 * each test's definition.ts, lib/cert/pem-input.ts) write them in English, and the API answers in English (the
 * contract); lib/i18n/validation.ts finds a message here by its exact English and shows the reader's version, in the
 * form (with JavaScript) and on the no-JavaScript error page (lib/api/form-error-page.ts).
 *
 * So every English text below is the schema's message word for word (tests/unit/i18n-validation.test.ts parses bad
 * input through every schema to check it); a `{name}` placeholder stands for the part that varies (a length, the
 * list of tests), matched by a pattern. Plain templates (lib/i18n/format.ts), also valid ICU: no `<`, no `'` next
 * to a brace. `errorPage` is the no-JavaScript page's own text, never matched against a message.
 */
export const validationEn = {
  input: {
    hostRequired: "Enter a host name or IP address.",
    hostTooLong: "A host name has at most {max} characters.",
    hostInvalid: "Enter a valid host name (like mail.contoso.com) or an IP address, without https:// or a path.",
    emailInvalid: "Enter an e-mail address, like user@contoso.com.",
    emailTooLong: "An e-mail address has at most {max} characters.",
    portRange: "The port must be a whole number between {min} and {max}.",
    usernameTooLong: "The user name has at most {max} characters.",
    passwordTooLong: "The password has at most {max} characters.",
    usernameMissing: "Enter the user name that goes with the password.",
    passwordMissing: "Enter the password for this user name.",
    principalTooLong: "The principal name has at most {max} characters.",
    principalInvalid: "Enter the principal as msstd: followed by a host name, like msstd:mail.contoso.com (or msstd:*.contoso.com for a wildcard certificate).",
    authMethod: "Choose Basic or NTLM authentication.",
    domainInvalid: "Enter a domain name, like contoso.com.",
    domainTooLong: "A domain name has at most {max} characters.",
    ipInvalid: "Enter the IP address the server sends mail from, like 203.0.113.25 or 2001:db8::25.",
    mailSecurity: "Choose implicit TLS or STARTTLS.",
  },
  tests: {
    activeSyncTarget: "Enter the ActiveSync server's name, or an e-mail address to find it with Autodiscover.",
    ewsTarget: "Enter the mailbox's e-mail address (Autodiscover then finds EWS), or the EWS server's host name.",
    mapiHttpTarget: "Enter a mailbox's e-mail address (Autodiscover then finds the server), or the server name.",
    outlookAnywhereEmail: "Enter the e-mail address Autodiscover looks up.",
    outlookAnywhereCredentials: "Autodiscover hands out the Outlook Anywhere settings only with credentials: enter a user name and password.",
    smtpInboundTarget: "Enter the domain that receives the mail (its MX records are looked up), or a mail server's host name.",
  },
  certificates: {
    certificatesMissing: "Paste the certificates (PEM, the leaf first).",
    certificatesTooLong: "The certificates (PEM, the leaf first) may have at most {max} characters.",
    rootsMissing: "Paste the extra trusted roots (PEM).",
    rootsTooLong: "The extra trusted roots (PEM) may have at most {max} characters.",
    privateKey:
      "This text contains a private key (-----BEGIN … PRIVATE KEY-----). Never paste or upload a private key: remove it and paste only the certificates (-----BEGIN CERTIFICATE-----).",
    notPem:
      "Paste certificates in PEM form (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----) or a PKCS #7 bundle (-----BEGIN PKCS7-----), the leaf first.",
    hostNames: "Enter host names separated by commas or spaces, like mail.contoso.com, autodiscover.contoso.com.",
    date: "Enter a date as YYYY-MM-DD (or an ISO date and time), like 2026-12-01.",
  },
  /** What the API says about a request as a whole (lib/analyzers/catalog.ts, lib/api/*): the form shows it too. */
  request: {
    chooseTest: "Choose a test: {tests}.",
    invalidInput: "Invalid input: check {fields}.",
    tooLarge: "The request body is larger than {bytes} bytes.",
    crossSite: "Tests can't be started from another site's page. Open the analyzer itself and run the test there.",
    tooManyTests: "Too many tests started (at most {limit}). Try again in {wait}.",
    tooManyTestsOfTarget: "Too many tests of {target} right now (at most {limit}, from everyone together). Try again in {wait}.",
  },
  /** The no-JavaScript error page's own text (lib/api/form-error-page.ts). */
  errorPage: {
    title: "Check the form – Remote Connectivity Analyzer",
    badRequest: "The test didn't run: check these fields",
    tooManyRequests: "The test didn't run: too many tests",
    back: "Back to the form",
    backNote: "(use your browser's Back button to keep what you typed).",
  },
} as const;

export type ValidationMessages = typeof validationEn;

export const validationIt: CatalogueShape<ValidationMessages> = {
  input: {
    hostRequired: "Inserisci un nome host o un indirizzo IP.",
    hostTooLong: "Un nome host ha al massimo {max} caratteri.",
    hostInvalid: "Inserisci un nome host valido (come mail.contoso.com) o un indirizzo IP, senza https:// né percorso.",
    emailInvalid: "Inserisci un indirizzo e-mail, come user@contoso.com.",
    emailTooLong: "Un indirizzo e-mail ha al massimo {max} caratteri.",
    portRange: "La porta deve essere un numero intero compreso tra {min} e {max}.",
    usernameTooLong: "Il nome utente ha al massimo {max} caratteri.",
    passwordTooLong: "La password ha al massimo {max} caratteri.",
    usernameMissing: "Inserisci il nome utente a cui appartiene la password.",
    passwordMissing: "Inserisci la password di questo nome utente.",
    principalTooLong: "Il nome dell'entità ha al massimo {max} caratteri.",
    principalInvalid:
      "Inserisci il nome dell'entità come msstd: seguito da un nome host, ad es. msstd:mail.contoso.com (oppure msstd:*.contoso.com per un certificato wildcard).",
    authMethod: "Scegli l'autenticazione Basic o NTLM.",
    domainInvalid: "Inserisci un nome di dominio, come contoso.com.",
    domainTooLong: "Un nome di dominio ha al massimo {max} caratteri.",
    ipInvalid: "Inserisci l'indirizzo IP da cui il server invia la posta, come 203.0.113.25 o 2001:db8::25.",
    mailSecurity: "Scegli TLS implicito o STARTTLS.",
  },
  tests: {
    activeSyncTarget: "Inserisci il nome del server ActiveSync, oppure un indirizzo e-mail per trovarlo con Autodiscover.",
    ewsTarget: "Inserisci l'indirizzo e-mail della cassetta postale (Autodiscover trova poi EWS), oppure il nome host del server EWS.",
    mapiHttpTarget: "Inserisci l'indirizzo e-mail di una cassetta postale (Autodiscover trova poi il server), oppure il nome del server.",
    outlookAnywhereEmail: "Inserisci l'indirizzo e-mail che Autodiscover deve cercare.",
    outlookAnywhereCredentials: "Autodiscover fornisce le impostazioni di Outlook Anywhere solo con le credenziali: inserisci un nome utente e una password.",
    smtpInboundTarget: "Inserisci il dominio che riceve la posta (ne vengono cercati i record MX), oppure il nome host di un server di posta.",
  },
  certificates: {
    certificatesMissing: "Incolla i certificati (PEM, prima il certificato foglia).",
    certificatesTooLong: "I certificati (PEM, prima il certificato foglia) possono avere al massimo {max} caratteri.",
    rootsMissing: "Incolla le radici attendibili aggiuntive (PEM).",
    rootsTooLong: "Le radici attendibili aggiuntive (PEM) possono avere al massimo {max} caratteri.",
    privateKey:
      "Questo testo contiene una chiave privata (-----BEGIN … PRIVATE KEY-----). Non incollare né caricare mai una chiave privata: rimuovila e incolla solo i certificati (-----BEGIN CERTIFICATE-----).",
    notPem:
      "Incolla i certificati in formato PEM (-----BEGIN CERTIFICATE----- … -----END CERTIFICATE-----) o un bundle PKCS #7 (-----BEGIN PKCS7-----), prima il certificato foglia.",
    hostNames: "Inserisci i nomi host separati da virgole o spazi, come mail.contoso.com, autodiscover.contoso.com.",
    date: "Inserisci una data nel formato YYYY-MM-DD (o una data e ora ISO), come 2026-12-01.",
  },
  request: {
    chooseTest: "Scegli un test: {tests}.",
    invalidInput: "Dati non validi: controlla {fields}.",
    tooLarge: "Il corpo della richiesta supera {bytes} byte.",
    crossSite: "I test non possono essere avviati dalla pagina di un altro sito. Apri l'analizzatore stesso ed esegui lì il test.",
    tooManyTests: "Troppi test avviati (al massimo {limit}). Riprova tra {wait}.",
    tooManyTestsOfTarget: "Troppi test di {target} in questo momento (al massimo {limit}, da tutti insieme). Riprova tra {wait}.",
  },
  errorPage: {
    title: "Controlla il modulo – Remote Connectivity Analyzer",
    badRequest: "Il test non è stato eseguito: controlla questi campi",
    tooManyRequests: "Il test non è stato eseguito: troppi test",
    back: "Torna al modulo",
    backNote: "(usa il pulsante Indietro del browser per conservare ciò che hai scritto).",
  },
};
