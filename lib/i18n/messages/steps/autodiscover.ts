import type { CatalogueShape } from "../types";

/** Step texts of the Autodiscover search (lib/analyzers/steps/autodiscover/*, lib/analyzers/autodiscover/*): merged into the catalogues as `steps.autodiscover`. Plain `{name}` templates (not ICU). */
export const autodiscoverStepsEn = {
  /** The four methods of the search (lib/analyzers/steps/autodiscover/discover.ts). */
  method: {
    titleUrl: "Attempting to test potential Autodiscover URL {url}.",
    titleHttpRedirect: "Attempting to contact the Autodiscover service using the HTTP redirect method ({url}).",
    titleSrv: "Attempting to contact the Autodiscover service using the DNS SRV redirect method ({name}).",
    /** A skip reason: follows "Skipped because". */
    skipped: "method {number} succeeded, so this one wasn't attempted.",
    summary: {
      success: "Testing of this potential Autodiscover URL succeeded.",
      notFound: "This method didn't find Autodiscover.",
      foundWithWarnings: "This method found Autodiscover, with warnings.",
      tryNext: "This method didn't find Autodiscover; Outlook tries the next one.",
    },
    name: {
      one: "method 1",
      two: "method 2",
      httpRedirect: "method 3 (HTTP redirect)",
      srv: "method 4 (SRV record)",
    },
  },
  /** Where the search looked, as listed when nothing was found. */
  path: {
    httpRedirect: "the HTTP redirect from {url}",
    srv: "the SRV record {name}",
  },
  result: {
    title: "Checking whether Autodiscover was found.",
    unreadable: "No method got usable settings: {url} accepted the credentials but answered with something that isn't an Autodiscover response: {reason}",
    notFound: "None of the methods Outlook uses found an Autodiscover service for {domain}: {paths}. Outlook can't set up this mailbox automatically.",
    rejected: "Autodiscover was found at {url} ({method}), but it rejected the supplied credentials.",
    incomplete: "Autodiscover was found at {url} ({method}), but authentication didn't complete: {why}.",
    withheld: "Autodiscover was found at {url} ({method}). {withheld}.",
    needsCredentials: "Autodiscover was found at {url} ({method}); it needs credentials to hand out settings.",
    serviceError: {
      code: "Autodiscover was found at {url} ({method}), but it answered with error {code}: {message}",
      noCode: "Autodiscover was found at {url} ({method}), but it answered with error: {message}",
      codeNoMessage: "Autodiscover was found at {url} ({method}), but it answered with error {code}: no message.",
      noCodeNoMessage: "Autodiscover was found at {url} ({method}), but it answered with error: no message.",
    },
    found: "Autodiscover was found at {url} ({method}).",
  },
  /** The POST to one endpoint (discover.ts, judge.ts). */
  post: {
    title: "Sending an Autodiscover POST request to {url}.",
    noMethods: "{url} answered 401 without naming any authentication method (no WWW-Authenticate header).",
    needsCredentials:
      "The Autodiscover endpoint {url} answered 401 and asks for authentication (methods: {methods}): it is there. Supply credentials to see the settings it hands Outlook.",
    unexpectedStatus: "{url} answered HTTP {status} {statusText}: it isn't an Autodiscover endpoint Outlook can use.",
    unexpectedRedirect:
      "{url} answered HTTP {status} {statusText} (a redirect to {location}; Outlook doesn't follow redirects of a POST): it isn't an Autodiscover endpoint Outlook can use.",
    nowhere: "nowhere",
    rejected: "{url} rejected the supplied credentials (HTTP 401). Check the user name, the password, and that the account has a mailbox.",
    malformed: "{url} answered 200, but not with an Autodiscover response Outlook can read: {reason}",
    serviceError: {
      code: "The Autodiscover service answered with error {code}: {message}",
      noCode: "The Autodiscover service answered with error: {message}",
      codeNoMessage: "The Autodiscover service answered with error {code}: no message.",
      noCodeNoMessage: "The Autodiscover service answered with error: no message.",
    },
    redirectAddr: "The Autodiscover service redirects to another address: {address}.",
    redirectUrl: "The Autodiscover service redirects to another URL: {url}.",
    settings: "The Autodiscover service returned the settings. Protocols: {protocols}.",
    settingsFor: "The Autodiscover service returned the settings for {name}. Protocols: {protocols}.",
    /** The endpoint's answer, then what happened to the credentials: two sentences, the second ending in a period or not. */
    then: "{found}. {then}.",
    thenPhrase: "{found}. {then}",
    gateRefused: "{found}. Skipped sending the credentials because {reason}.",
    withheld:
      "The credentials weren't sent: {host} is outside {domain} and was found by {method}, which anyone able to answer plain HTTP or DNS for the domain could forge; Outlook asks the user before sending credentials there.",
    incomplete: "{url} didn't complete {method} authentication: {why}.",
    why: {
      noChallenge: "no NTLM challenge came back",
      malformedChallenge: "its NTLM challenge couldn't be read ({reason})",
      connectionChanged: "the connection changed between the NTLM challenge and the answer",
    },
  },
  /** Method 3. */
  httpRedirect: {
    title: "Checking {url} for a redirect to an https URL.",
    notHttps: "The redirect points to {location}, which isn't an https URL: Outlook follows only a 302 to https.",
    noRedirect: "{url} answered HTTP {status} instead of a 302 redirect to an https URL.",
    ok: "The HTTP redirect method points to {url}.",
  },
  /** Method 4. */
  srv: {
    title: "Attempting to locate the SRV record {name} in DNS.",
    none: "No SRV record {name} exists.",
    ok: "The SRV record points to {host}, port {port}.",
  },
  /** redirectAddr and redirectUrl answers. */
  redirect: {
    title: "Following the Autodiscover redirect to {target}.",
    loop: "More than {max} Autodiscover redirects in a row: a redirect loop. Outlook gives up too.",
    badAddress: "The redirect address {address} isn't an e-mail address: Outlook doesn't follow it.",
    badUrl: "The redirect URL {url} isn't an https URL: Outlook doesn't follow it.",
  },
  /** The EXPR principal against the EXPR server's certificate (lib/analyzers/autodiscover/run.ts, judge.ts). */
  expr: {
    title: "Validating the EXPR (Outlook Anywhere) CertPrincipalName.",
    titleServer: "Validating the EXPR (Outlook Anywhere) CertPrincipalName against the certificate of {server}.",
    none: "Autodiscover returns no EXPR provider: Outlook Anywhere (RPC over HTTP) isn't published to clients outside the network.",
    obtain: {
      title: "Attempting to obtain the SSL certificate from {server} on port 443.",
      noCertificate: "{server} completed the handshake without sending a certificate.",
      unreadable: "{server} sent a certificate that couldn't be read.",
      ok: "The EXPR server presents the certificate {subject}.",
    },
    /** A skip reason: follows "Skipped because". */
    notObtained: "the EXPR server's certificate couldn't be obtained.",
    noServer: "The EXPR provider names no server, so Outlook can't use Outlook Anywhere.",
    source: {
      autodiscover: "Autodiscover's EXPR CertPrincipalName {principal}",
      derived: "the principal Outlook derives from the EXPR server ({principal}; Autodiscover sends no CertPrincipalName)",
    },
    match: "The certificate of {server} matches {source}. {check}.",
    warning: "{check}. (Checked: {source}.)",
    mismatchFix:
      'The certificate of {server} doesn\'t match {source}: Outlook refuses to connect. Fix: Set-OutlookProvider EXPR -CertPrincipalName:"{principal}". {check}.',
    /** Without a common name to suggest. */
    mismatch: "The certificate of {server} doesn't match {source}: Outlook refuses to connect. {check}.",
  },
  /** The JSON Autodiscover v2 endpoint (lib/analyzers/autodiscover/json-v2.ts, run.ts). */
  json: {
    title: "Trying the JSON Autodiscover v2 endpoint current Outlook and Microsoft 365 use ({endpoint}).",
    request: { title: "Asking {endpoint} for the EWS and ActiveSync URLs." },
    answer: {
      url: "{protocol}: {url}",
      redirected: "{protocol}: HTTP {status}, redirected to {location}",
      unreadable: "{protocol}: an answer that couldn't be read ({reason})",
      status: "{protocol}: HTTP {status}",
    },
    /** Answers joined with semicolons. */
    lines: "{first}; {rest}",
    unreadable: {
      tooLarge: "larger than {bytes} bytes",
      noUrl: "no Url in the JSON answer",
      notJson: "not JSON",
    },
    answers: "The JSON Autodiscover v2 endpoint {endpoint} answers. {answers}.",
    noUrl:
      "The JSON Autodiscover v2 endpoint {endpoint} gave no URL ({answers}). Exchange before 2019 CU1 has no such endpoint; current Outlook then uses the XML one tested above.",
  },
} as const;

export const autodiscoverStepsIt: CatalogueShape<typeof autodiscoverStepsEn> = {
  method: {
    titleUrl: "Tentativo di verificare il potenziale URL di Autodiscover {url}.",
    titleHttpRedirect: "Tentativo di contattare il servizio Autodiscover con il metodo del reindirizzamento HTTP ({url}).",
    titleSrv: "Tentativo di contattare il servizio Autodiscover con il metodo del reindirizzamento tramite record DNS SRV ({name}).",
    skipped: "il metodo {number} è riuscito, quindi questo non è stato tentato.",
    summary: {
      success: "La verifica di questo potenziale URL di Autodiscover è riuscita.",
      notFound: "Questo metodo non ha trovato Autodiscover.",
      foundWithWarnings: "Questo metodo ha trovato Autodiscover, con avvisi.",
      tryNext: "Questo metodo non ha trovato Autodiscover; Outlook prova il successivo.",
    },
    name: {
      one: "metodo 1",
      two: "metodo 2",
      httpRedirect: "metodo 3 (reindirizzamento HTTP)",
      srv: "metodo 4 (record SRV)",
    },
  },
  path: {
    httpRedirect: "il reindirizzamento HTTP da {url}",
    srv: "il record SRV {name}",
  },
  result: {
    title: "Verifica che Autodiscover sia stato trovato.",
    unreadable:
      "Nessun metodo ha ottenuto impostazioni utilizzabili: {url} ha accettato le credenziali ma ha risposto con qualcosa che non è una risposta di Autodiscover: {reason}",
    notFound:
      "Nessuno dei metodi usati da Outlook ha trovato un servizio Autodiscover per {domain}: {paths}. Outlook non può configurare automaticamente questa cassetta postale.",
    rejected: "Autodiscover è stato trovato in {url} ({method}), ma ha rifiutato le credenziali fornite.",
    incomplete: "Autodiscover è stato trovato in {url} ({method}), ma l'autenticazione non si è completata: {why}.",
    withheld: "Autodiscover è stato trovato in {url} ({method}). {withheld}.",
    needsCredentials: "Autodiscover è stato trovato in {url} ({method}); servono le credenziali perché restituisca le impostazioni.",
    serviceError: {
      code: "Autodiscover è stato trovato in {url} ({method}), ma ha risposto con l'errore {code}: {message}",
      noCode: "Autodiscover è stato trovato in {url} ({method}), ma ha risposto con un errore: {message}",
      codeNoMessage: "Autodiscover è stato trovato in {url} ({method}), ma ha risposto con l'errore {code}, senza messaggio.",
      noCodeNoMessage: "Autodiscover è stato trovato in {url} ({method}), ma ha risposto con un errore, senza messaggio.",
    },
    found: "Autodiscover è stato trovato in {url} ({method}).",
  },
  post: {
    title: "Invio di una richiesta POST di Autodiscover a {url}.",
    noMethods: "{url} ha risposto 401 senza indicare alcun metodo di autenticazione (nessuna intestazione WWW-Authenticate).",
    needsCredentials:
      "L'endpoint Autodiscover {url} ha risposto 401 e chiede l'autenticazione (metodi: {methods}): l'endpoint esiste. Fornire le credenziali per vedere le impostazioni che restituisce a Outlook.",
    unexpectedStatus: "{url} ha risposto HTTP {status} {statusText}: non è un endpoint Autodiscover utilizzabile da Outlook.",
    unexpectedRedirect:
      "{url} ha risposto HTTP {status} {statusText} (un reindirizzamento a {location}; Outlook non segue i reindirizzamenti di una POST): non è un endpoint Autodiscover utilizzabile da Outlook.",
    nowhere: "nessuna destinazione",
    rejected: "{url} ha rifiutato le credenziali fornite (HTTP 401). Verificare il nome utente, la password e che l'account abbia una cassetta postale.",
    malformed: "{url} ha risposto 200, ma non con una risposta di Autodiscover leggibile da Outlook: {reason}",
    serviceError: {
      code: "Il servizio Autodiscover ha risposto con l'errore {code}: {message}",
      noCode: "Il servizio Autodiscover ha risposto con un errore: {message}",
      codeNoMessage: "Il servizio Autodiscover ha risposto con l'errore {code}, senza messaggio.",
      noCodeNoMessage: "Il servizio Autodiscover ha risposto con un errore, senza messaggio.",
    },
    redirectAddr: "Il servizio Autodiscover reindirizza a un altro indirizzo: {address}.",
    redirectUrl: "Il servizio Autodiscover reindirizza a un altro URL: {url}.",
    settings: "Il servizio Autodiscover ha restituito le impostazioni. Protocolli: {protocols}.",
    settingsFor: "Il servizio Autodiscover ha restituito le impostazioni per {name}. Protocolli: {protocols}.",
    then: "{found}. {then}.",
    thenPhrase: "{found}. {then}",
    gateRefused: "{found}. Invio delle credenziali saltato perché {reason}.",
    withheld:
      "Le credenziali non sono state inviate: {host} è esterno a {domain} ed è stato trovato con il {method}, che chiunque sia in grado di rispondere in HTTP in chiaro o nel DNS per il dominio potrebbe falsificare; Outlook chiede conferma all'utente prima di inviarvi le credenziali.",
    incomplete: "{url} non ha completato l'autenticazione {method}: {why}.",
    why: {
      noChallenge: "non è arrivata alcuna challenge NTLM",
      malformedChallenge: "non è stato possibile leggere la sua challenge NTLM ({reason})",
      connectionChanged: "la connessione è cambiata tra la challenge NTLM e la risposta",
    },
  },
  httpRedirect: {
    title: "Verifica che {url} reindirizzi a un URL https.",
    notHttps: "Il reindirizzamento punta a {location}, che non è un URL https: Outlook segue solo un 302 verso https.",
    noRedirect: "{url} ha risposto HTTP {status} invece di un reindirizzamento 302 a un URL https.",
    ok: "Il metodo del reindirizzamento HTTP punta a {url}.",
  },
  srv: {
    title: "Tentativo di trovare il record SRV {name} nel DNS.",
    none: "Il record SRV {name} non esiste.",
    ok: "Il record SRV punta a {host}, porta {port}.",
  },
  redirect: {
    title: "Reindirizzamento di Autodiscover verso {target}.",
    loop: "Più di {max} reindirizzamenti di Autodiscover consecutivi: un ciclo di reindirizzamenti. Anche Outlook si arrende.",
    badAddress: "L'indirizzo di reindirizzamento {address} non è un indirizzo e-mail: Outlook non lo segue.",
    badUrl: "L'URL di reindirizzamento {url} non è un URL https: Outlook non lo segue.",
  },
  expr: {
    title: "Convalida del CertPrincipalName EXPR (Outlook Anywhere).",
    titleServer: "Convalida del CertPrincipalName EXPR (Outlook Anywhere) rispetto al certificato di {server}.",
    none: "Autodiscover non restituisce alcun provider EXPR: Outlook Anywhere (RPC su HTTP) non è pubblicato per i client esterni alla rete.",
    obtain: {
      title: "Tentativo di ottenere il certificato SSL da {server} sulla porta 443.",
      noCertificate: "{server} ha completato l'handshake senza inviare un certificato.",
      unreadable: "{server} ha inviato un certificato illeggibile.",
      ok: "Il server EXPR presenta il certificato {subject}.",
    },
    notObtained: "non è stato possibile ottenere il certificato del server EXPR.",
    noServer: "Il provider EXPR non indica alcun server, quindi Outlook non può usare Outlook Anywhere.",
    source: {
      autodiscover: "CertPrincipalName EXPR di Autodiscover {principal}",
      derived: "nome dell'entità che Outlook ricava dal server EXPR ({principal}; Autodiscover non invia alcun CertPrincipalName)",
    },
    match: "Il certificato di {server} corrisponde al {source}. {check}.",
    warning: "{check}. (Verificato: {source}.)",
    mismatchFix:
      'Il certificato di {server} non corrisponde al {source}: Outlook rifiuta la connessione. Correzione: Set-OutlookProvider EXPR -CertPrincipalName:"{principal}". {check}.',
    mismatch: "Il certificato di {server} non corrisponde al {source}: Outlook rifiuta la connessione. {check}.",
  },
  json: {
    title: "Prova dell'endpoint JSON Autodiscover v2 usato dalle versioni attuali di Outlook e da Microsoft 365 ({endpoint}).",
    request: { title: "Richiesta degli URL di EWS e ActiveSync a {endpoint}." },
    answer: {
      url: "{protocol}: {url}",
      redirected: "{protocol}: HTTP {status}, reindirizzato a {location}",
      unreadable: "{protocol}: una risposta illeggibile ({reason})",
      status: "{protocol}: HTTP {status}",
    },
    lines: "{first}; {rest}",
    unreadable: {
      tooLarge: "più grande di {bytes} byte",
      noUrl: "nessun Url nella risposta JSON",
      notJson: "non è JSON",
    },
    answers: "L'endpoint JSON Autodiscover v2 {endpoint} risponde. {answers}.",
    noUrl:
      "L'endpoint JSON Autodiscover v2 {endpoint} non ha restituito alcun URL ({answers}). Exchange prima della 2019 CU1 non ha questo endpoint; in tal caso le versioni attuali di Outlook usano quello XML verificato sopra.",
  },
};
