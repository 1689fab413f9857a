import type { CatalogueShape } from "@/lib/i18n/messages/types";

/**
 * The catalogue texts of this test: its catalogue entry (title, summary, about), its form fields' labels and hints and its step texts.
 * The catalogues place them (through lib/analyzers/messages.ts) as `tests["mapi-http"]`, `fields["mapi-http"]` and `steps.mapiHttp`. Plain `{name}` templates (not ICU).
 */
export const en = {
  test: {
    title: "Outlook MAPI over HTTP",
    summary:
      "Finds the MAPI over HTTP endpoints (through Autodiscover, or on the server you name), checks their certificate and the authentication methods of the Mail Store (/mapi/emsmdb) and Address Book (/mapi/nspi), and with credentials opens a mailbox session with Outlook's own Connect request.",
    about: {
      step1:
        "With an e-mail address, finds the server through Autodiscover as Outlook does; its mapiHttp settings name the Mail Store and Address Book URLs. Without those settings (no credentials, or MAPI over HTTP not offered) it tries /mapi/ on the Outlook Anywhere server or the server Autodiscover answered from. With a server name too, those URLs are tested on that server.",
      step2: "Resolves the MAPI server in DNS, opens the port and validates the SSL certificate as Outlook does: name, chain and trust, dates, strength.",
      step3:
        "Sends Outlook's unauthenticated Connect (Mail Store) and Bind (Address Book) requests and lists the HTTP authentication methods offered, the Exchange version (X-ServerApplication) and, through NTLM, which server answered.",
      step4:
        "With credentials (sent only over a connection Outlook itself would accept), sends the MAPI over HTTP Connect request with the chosen method and reads X-ResponseCode, the session cookies and the Connect response.",
    },
  },
  fields: {
    emailAddress: {
      hint: "A mailbox's primary SMTP address: Autodiscover finds its MAPI over HTTP endpoints, as Outlook does. Or leave it empty and name the server below.",
    },
    host: {
      label: "Exchange server",
      hint: "The external host name of the /mapi virtual directory (its ExternalUrl), e.g. mail.contoso.com: https://<server>/mapi/emsmdb/ and /mapi/nspi/ are tested. With an e-mail address too, the URLs Autodiscover gives the mailbox are tested on this server (one server behind a load balancer, say).",
    },
    port: { hint: "With a server name: 443 unless it listens on another port. With an e-mail address alone, the Autodiscover URLs decide." },
  },
  /** Step texts of the MAPI over HTTP test (lib/analyzers/mapi-http/*): placed in the catalogues as `steps.mapiHttp`. Plain `{name}` templates (not ICU). */
  steps: {
    /** Two sentences: each param is a catalogue text, whose final period the template puts back. */
    sentences: "{first}. {then}.",
    title: {
      autodiscover: "Attempting to find the MAPI over HTTP endpoints through Autodiscover.",
      endpoints: "Reading the MAPI over HTTP endpoints from the Autodiscover response.",
      authMethodsEndpoint: "Testing HTTP Authentication Methods for the MAPI {endpoint} endpoint.",
      authMethods: "Testing HTTP Authentication Methods for URL {url}.",
      connectEndpoint: "Attempting to connect to the MAPI Mail Store endpoint with the supplied credentials.",
      connect: "Attempting to connect to the MAPI Mail Store endpoint {url} with the supplied credentials ({method} authentication).",
    },
    /** Why a step was skipped: they follow "Skipped because", so they start in lower case. */
    reason: {
      autodiscoverFailed: "autodiscover failed, so the MAPI over HTTP endpoints are unknown.",
      serverUnreachable: "the {endpoint} server couldn't be reached, or its certificate failed.",
      noCredentials: "no user name and password were supplied.",
      authMethodsUntested: "the Mail Store endpoint's authentication methods couldn't be tested.",
      anonymousNot401: "the Mail Store endpoint answered the anonymous request with HTTP {status} instead of asking for authentication.",
    },
    summary: {
      found: "Autodiscover found the server, and the MAPI over HTTP endpoints to test.",
      foundWithWarnings: "Autodiscover found the server, with warnings.",
      notFound: "Autodiscover didn't find the server.",
    },
    endpoints: {
      found: "Autodiscover returned the MAPI over HTTP endpoints: Mail Store {mailStore}, Address Book {addressBook}.",
      guessed: "{why}. The analyzer tests {mailStore} and {addressBook} on {server}.",
      noSettings: "Without credentials Autodiscover hands out no settings, so the MAPI over HTTP URLs are unknown.",
      noMapiProtocol:
        "Autodiscover returned no mapiHttp protocol: Exchange lists it only when MAPI over HTTP is enabled (Set-OrganizationConfig -MapiHttpEnabled $true) and the client asks for it.",
      noExternalUrl:
        "Autodiscover's mapiHttp protocol has no external Mail Store URL: MAPI over HTTP isn't published outside the network (Set-MapiVirtualDirectory -ExternalUrl).",
      notHttps: "Autodiscover's external Mail Store URL {url} isn't an https URL, which Outlook requires.",
      /** Where the guessed URLs are tested: after "on" (in Italian, with its own preposition). */
      outlookAnywhereServer: "the Outlook Anywhere server Autodiscover names ({type})",
      autodiscoverServer: "the server that answered Autodiscover",
      namedServer: "{found}. As asked, they are tested on {host} instead: {mailStore} and {addressBook}.",
    },
    authMethods: {
      notFound:
        "The server answered 404 Not Found: MAPI over HTTP isn't enabled, or the /mapi virtual directory is missing. Enable it with Set-OrganizationConfig -MapiHttpEnabled $true, and check the /mapi virtual directory: Get-MapiVirtualDirectory | Format-List *Url,*Authentication*.",
      anonymous:
        "The {endpoint} endpoint answered {status} to an anonymous request without asking for authentication; Exchange answers 401 with the authentication methods it accepts.",
      anonymousCode:
        "The {endpoint} endpoint answered {status} (X-ResponseCode {code}) to an anonymous request without asking for authentication; Exchange answers 401 with the authentication methods it accepts.",
      unexpected: "The {endpoint} endpoint answered {status} instead of 401 Unauthorized with the authentication methods it accepts.",
      methodFound: "The analyzer found the expected authentication method {method}. Methods found: {found}.",
      negotiateOnly: "NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: {found}.",
      methodMissing:
        "The authentication method {method} isn't offered by the {endpoint} endpoint. Methods found: {found}. Outlook uses the methods of Set-MapiVirtualDirectory -IISAuthenticationMethods.",
      server: "The server identifies itself as {application}.",
      serverProduct: "The server identifies itself as {application} ({product}).",
      identity: "Its NTLM challenge names the server {computer}.",
      identityDomain: "Its NTLM challenge names the server {computer} in {domain}.",
    },
    connect: {
      rejected:
        "The server rejected the supplied credentials (HTTP 401) with {method} authentication. Check the user name, the password, and that the account may use MAPI over HTTP (Get-CASMailbox <user> | Format-List MapiEnabled,MapiHttpEnabled).",
      unexpected: "After authentication the Mail Store endpoint answered HTTP {status} {statusText} to the Connect request instead of 200.",
      noResponseCode:
        "The server answered the Connect request with HTTP 200 but without an X-ResponseCode: something other than Exchange's MAPI over HTTP endpoint answered (a proxy, or another application on /mapi).",
      refused: "The server accepted the credentials but refused the Connect request: X-ResponseCode {code}.",
      refusedMeaning: "The server accepted the credentials but refused the Connect request: X-ResponseCode {code}, {meaning}.",
      endpointDisabled:
        "MAPI over HTTP is turned off for this endpoint or mailbox: Set-OrganizationConfig -MapiHttpEnabled $true, Set-CASMailbox <user> -MapiHttpEnabled $true.",
      anonymousNotAllowed:
        "The request reached Exchange without the authenticated identity: check the authentication of the /mapi virtual directory and any proxy in front.",
      unframed: "The server answered X-ResponseCode 0, but the response body isn't framed as MAPI over HTTP requires: {reason}.",
      malformed: "The server answered X-ResponseCode 0, but its Connect response body can't be read: {reason}.",
      failed: "The Connect request failed on the server: StatusCode {code}.",
      mailboxFailed: "The session was created, but opening the mailbox failed: ErrorCode {code}.",
      userDnEmpty:
        "The Connect request carried an empty user DN because no Autodiscover settings gave the mailbox's legacy DN: run the test with the e-mail address and credentials to connect as Outlook does.",
      noCookie:
        "The Connect request succeeded, but the server set no session cookie: Outlook couldn't send a second request in this session (a proxy in front of Exchange may strip Set-Cookie).",
      ok: "Successfully connected to the MAPI Mail Store endpoint with {method} authentication: X-ResponseCode 0, mailbox session created (cookies {cookies}).",
      okFor:
        "Successfully connected to the MAPI Mail Store endpoint with {method} authentication: X-ResponseCode 0, mailbox session for {displayName} created (cookies {cookies}).",
    },
    /** Why a body isn't what MS-OXCMAPIHTTP frames (2.2.2.2, 2.2.7): they follow a colon, so they start in lower case. */
    frame: {
      tooLarge: "it is larger than {bytes} bytes, more than any Connect response needs",
      noProcessing: "it doesn't start with the PROCESSING meta-tag",
      noDone: "it ends before the DONE meta-tag",
      notMetaTag: 'it has "{line}" where a meta-tag was expected',
      headersNotEnded: "its additional headers after DONE aren't ended by an empty line",
    },
    /** Why a Connect response body can't be read (2.2.4.1.2, 2.2.4.1.3). */
    body: {
      tooShort: "the body has {bytes} bytes, fewer than the 4 of its StatusCode",
      failureAuxiliary: "the failure body's AuxiliaryBufferSize is missing or larger than the body",
      endsEarly: "the body ends before ErrorCode, MaxPollingInterval, MaxRetryCount and RetryDelay",
      dnPrefix: "the DnPrefix string isn't null-terminated",
      displayName: "the DisplayName string isn't null-terminated",
      auxiliary: "the AuxiliaryBufferSize is missing or larger than the rest of the body",
    },
    /** X-ResponseCode values (MS-OXCMAPIHTTP 2.2.3.3.3): what each means, after the code and its name. */
    responseCode: {
      c0: "the request was properly formatted and accepted",
      c1: "the request produced an unknown failure",
      c2: "the request has an invalid verb",
      c3: "the request has an invalid path",
      c4: "the request has an invalid header",
      c5: "the request has an invalid X-RequestType header",
      c6: "the request has an invalid session context cookie",
      c7: "the request is missing a required header",
      c8: "the request is anonymous, but anonymous requests are not accepted",
      c9: "the request is too large",
      c10: "the session context is not found",
      c11: "the client has no privileges to the session context",
      c12: "the request body is invalid",
      c13: "the request is missing a required cookie",
      c14: "reserved",
      c15: "the request violated the sequencing requirement of one request at a time per session context",
      c16: "the endpoint is disabled",
      c17: "the response is invalid",
      c18: "the endpoint is shutting down",
    },
    /** Return values of the connect operation: "0x000003EB (ecUnknownUser: …)". */
    connectError: {
      known: "{hex} ({name}: {meaning})",
      unknownUser: "the user DN isn't a mailbox the server knows",
      clientVersionDisallowed: "this Outlook version isn't allowed",
      loginFailure: "the mailbox logon failed",
      accessDenied: "the account has no access to this mailbox",
      error: "an unspecified failure",
    },
  },
} as const;

export const it: CatalogueShape<typeof en> = {
  test: {
    title: "Outlook MAPI over HTTP",
    summary:
      "Trova gli endpoint MAPI over HTTP (tramite Autodiscover, o sul server indicato), verifica il certificato e i metodi di autenticazione del Mail Store (/mapi/emsmdb) e dell'Address Book (/mapi/nspi) e, con le credenziali, apre una sessione sulla cassetta postale con la stessa richiesta Connect di Outlook.",
    about: {
      step1:
        "Con un indirizzo e-mail, trova il server tramite Autodiscover come fa Outlook; le impostazioni mapiHttp indicano gli URL del Mail Store e dell'Address Book. Senza queste impostazioni (nessuna credenziale, oppure MAPI over HTTP non offerto) prova /mapi/ sul server Outlook Anywhere o sul server che ha risposto ad Autodiscover. Se è indicato anche un nome server, questi URL vengono verificati su quel server.",
      step2: "Risolve il server MAPI nel DNS, apre la porta e convalida il certificato SSL come fa Outlook: nome, catena e attendibilità, date, robustezza.",
      step3:
        "Invia le richieste non autenticate Connect (Mail Store) e Bind (Address Book) di Outlook ed elenca i metodi di autenticazione HTTP offerti, la versione di Exchange (X-ServerApplication) e, tramite NTLM, quale server ha risposto.",
      step4:
        "Con le credenziali (inviate solo su una connessione che Outlook stesso accetterebbe), invia la richiesta Connect di MAPI over HTTP con il metodo scelto e legge X-ResponseCode, i cookie di sessione e la risposta a Connect.",
    },
  },
  fields: {
    emailAddress: {
      hint: "L'indirizzo SMTP primario di una cassetta postale: Autodiscover trova i suoi endpoint MAPI over HTTP, come fa Outlook. Oppure lascialo vuoto e indica il server qui sotto.",
    },
    host: {
      label: "Server Exchange",
      hint: "Il nome host esterno della directory virtuale /mapi (il suo ExternalUrl), ad es. mail.contoso.com: vengono verificati https://<server>/mapi/emsmdb/ e /mapi/nspi/. Se è indicato anche un indirizzo e-mail, gli URL che Autodiscover restituisce per la cassetta postale vengono verificati su questo server (ad esempio un singolo server dietro un bilanciamento del carico).",
    },
    port: {
      hint: "Con un nome server: 443, a meno che non sia in ascolto su un'altra porta. Con il solo indirizzo e-mail, decidono gli URL di Autodiscover.",
    },
  },
  steps: {
    sentences: "{first}. {then}.",
    title: {
      autodiscover: "Tentativo di trovare gli endpoint MAPI over HTTP tramite Autodiscover.",
      endpoints: "Lettura degli endpoint MAPI over HTTP dalla risposta di Autodiscover.",
      authMethodsEndpoint: "Verifica dei metodi di autenticazione HTTP per l'endpoint MAPI {endpoint}.",
      authMethods: "Verifica dei metodi di autenticazione HTTP per l'URL {url}.",
      connectEndpoint: "Tentativo di connessione all'endpoint MAPI Mail Store con le credenziali fornite.",
      connect: "Tentativo di connessione all'endpoint MAPI Mail Store {url} con le credenziali fornite (autenticazione {method}).",
    },
    reason: {
      autodiscoverFailed: "Autodiscover non è riuscito, quindi gli endpoint MAPI over HTTP non sono noti.",
      serverUnreachable: "il server {endpoint} non è raggiungibile, oppure la verifica del suo certificato non è riuscita.",
      noCredentials: "non sono stati forniti nome utente e password.",
      authMethodsUntested: "non è stato possibile verificare i metodi di autenticazione dell'endpoint Mail Store.",
      anonymousNot401: "l'endpoint Mail Store ha risposto alla richiesta anonima con HTTP {status} invece di chiedere l'autenticazione.",
    },
    summary: {
      found: "Autodiscover ha trovato il server e gli endpoint MAPI over HTTP da verificare.",
      foundWithWarnings: "Autodiscover ha trovato il server, con avvisi.",
      notFound: "Autodiscover non ha trovato il server.",
    },
    endpoints: {
      found: "Autodiscover ha restituito gli endpoint MAPI over HTTP: Mail Store {mailStore}, Address Book {addressBook}.",
      guessed: "{why}. L'analizzatore verifica {mailStore} e {addressBook} {server}.",
      noSettings: "Senza credenziali Autodiscover non restituisce impostazioni, quindi gli URL di MAPI over HTTP non sono noti.",
      noMapiProtocol:
        "Autodiscover non ha restituito il protocollo mapiHttp: Exchange lo elenca solo se MAPI over HTTP è abilitato (Set-OrganizationConfig -MapiHttpEnabled $true) e il client lo richiede.",
      noExternalUrl:
        "Il protocollo mapiHttp di Autodiscover non ha un URL esterno del Mail Store: MAPI over HTTP non è pubblicato all'esterno della rete (Set-MapiVirtualDirectory -ExternalUrl).",
      notHttps: "L'URL esterno del Mail Store restituito da Autodiscover, {url}, non è un URL https, che Outlook richiede.",
      outlookAnywhereServer: "sul server Outlook Anywhere indicato da Autodiscover ({type})",
      autodiscoverServer: "sul server che ha risposto ad Autodiscover",
      namedServer: "{found}. Come richiesto, vengono invece verificati su {host}: {mailStore} e {addressBook}.",
    },
    authMethods: {
      notFound:
        "Il server ha risposto 404 Not Found: MAPI over HTTP non è abilitato, oppure manca la directory virtuale /mapi. Abilitarlo con Set-OrganizationConfig -MapiHttpEnabled $true e controllare la directory virtuale /mapi: Get-MapiVirtualDirectory | Format-List *Url,*Authentication*.",
      anonymous:
        "L'endpoint {endpoint} ha risposto {status} a una richiesta anonima senza chiedere l'autenticazione; Exchange risponde 401 con i metodi di autenticazione che accetta.",
      anonymousCode:
        "L'endpoint {endpoint} ha risposto {status} (X-ResponseCode {code}) a una richiesta anonima senza chiedere l'autenticazione; Exchange risponde 401 con i metodi di autenticazione che accetta.",
      unexpected: "L'endpoint {endpoint} ha risposto {status} invece di 401 Unauthorized con i metodi di autenticazione che accetta.",
      methodFound: "L'analizzatore ha trovato il metodo di autenticazione previsto, {method}. Metodi trovati: {found}.",
      negotiateOnly: "NTLM non è offerto da solo; è offerto Negotiate, che per la maggior parte dei client ripiega su NTLM. Metodi trovati: {found}.",
      methodMissing:
        "Il metodo di autenticazione {method} non è offerto dall'endpoint {endpoint}. Metodi trovati: {found}. Outlook usa i metodi di Set-MapiVirtualDirectory -IISAuthenticationMethods.",
      server: "Il server si identifica come {application}.",
      serverProduct: "Il server si identifica come {application} ({product}).",
      identity: "La sua challenge NTLM indica il server {computer}.",
      identityDomain: "La sua challenge NTLM indica il server {computer} nel dominio {domain}.",
    },
    connect: {
      rejected:
        "Il server ha rifiutato le credenziali fornite (HTTP 401) con l'autenticazione {method}. Controllare il nome utente, la password e che l'account possa usare MAPI over HTTP (Get-CASMailbox <user> | Format-List MapiEnabled,MapiHttpEnabled).",
      unexpected: "Dopo l'autenticazione l'endpoint Mail Store ha risposto HTTP {status} {statusText} alla richiesta Connect invece di 200.",
      noResponseCode:
        "Il server ha risposto alla richiesta Connect con HTTP 200 ma senza X-ResponseCode: ha risposto qualcosa di diverso dall'endpoint MAPI over HTTP di Exchange (un proxy, o un'altra applicazione su /mapi).",
      refused: "Il server ha accettato le credenziali ma ha rifiutato la richiesta Connect: X-ResponseCode {code}.",
      refusedMeaning: "Il server ha accettato le credenziali ma ha rifiutato la richiesta Connect: X-ResponseCode {code}, {meaning}.",
      endpointDisabled:
        "MAPI over HTTP è disattivato per questo endpoint o per questa cassetta postale: Set-OrganizationConfig -MapiHttpEnabled $true, Set-CASMailbox <user> -MapiHttpEnabled $true.",
      anonymousNotAllowed:
        "La richiesta è arrivata a Exchange senza l'identità autenticata: controllare l'autenticazione della directory virtuale /mapi e di eventuali proxy davanti al server.",
      unframed: "Il server ha risposto X-ResponseCode 0, ma il corpo della risposta non è strutturato come richiede MAPI over HTTP: {reason}.",
      malformed: "Il server ha risposto X-ResponseCode 0, ma il corpo della sua risposta Connect non è leggibile: {reason}.",
      failed: "La richiesta Connect non è riuscita sul server: StatusCode {code}.",
      mailboxFailed: "La sessione è stata creata, ma l'apertura della cassetta postale non è riuscita: ErrorCode {code}.",
      userDnEmpty:
        "La richiesta Connect conteneva un DN utente vuoto perché nessuna impostazione di Autodiscover ha fornito il DN legacy della cassetta postale: eseguire il test con l'indirizzo e-mail e le credenziali per connettersi come fa Outlook.",
      noCookie:
        "La richiesta Connect è riuscita, ma il server non ha impostato alcun cookie di sessione: Outlook non potrebbe inviare una seconda richiesta in questa sessione (un proxy davanti a Exchange potrebbe rimuovere Set-Cookie).",
      ok: "Connessione all'endpoint MAPI Mail Store riuscita con l'autenticazione {method}: X-ResponseCode 0, sessione della cassetta postale creata (cookie {cookies}).",
      okFor:
        "Connessione all'endpoint MAPI Mail Store riuscita con l'autenticazione {method}: X-ResponseCode 0, sessione della cassetta postale di {displayName} creata (cookie {cookies}).",
    },
    frame: {
      tooLarge: "supera {bytes} byte, più di quanto serva a qualsiasi risposta Connect",
      noProcessing: "non inizia con il meta-tag PROCESSING",
      noDone: "termina prima del meta-tag DONE",
      notMetaTag: 'contiene "{line}" dove era previsto un meta-tag',
      headersNotEnded: "le sue intestazioni aggiuntive dopo DONE non terminano con una riga vuota",
    },
    body: {
      tooShort: "il corpo ha {bytes} byte, meno dei 4 del suo StatusCode",
      failureAuxiliary: "l'AuxiliaryBufferSize del corpo di errore manca o supera la lunghezza del corpo",
      endsEarly: "il corpo termina prima di ErrorCode, MaxPollingInterval, MaxRetryCount e RetryDelay",
      dnPrefix: "la stringa DnPrefix non termina con un carattere null",
      displayName: "la stringa DisplayName non termina con un carattere null",
      auxiliary: "l'AuxiliaryBufferSize manca o supera la lunghezza del resto del corpo",
    },
    responseCode: {
      c0: "la richiesta era formattata correttamente ed è stata accettata",
      c1: "la richiesta ha causato un errore sconosciuto",
      c2: "la richiesta ha un verbo non valido",
      c3: "la richiesta ha un percorso non valido",
      c4: "la richiesta ha un'intestazione non valida",
      c5: "la richiesta ha un'intestazione X-RequestType non valida",
      c6: "la richiesta ha un cookie di contesto della sessione non valido",
      c7: "alla richiesta manca un'intestazione obbligatoria",
      c8: "la richiesta è anonima, ma le richieste anonime non sono accettate",
      c9: "la richiesta è troppo grande",
      c10: "il contesto della sessione non è stato trovato",
      c11: "il client non ha privilegi sul contesto della sessione",
      c12: "il corpo della richiesta non è valido",
      c13: "alla richiesta manca un cookie obbligatorio",
      c14: "riservato",
      c15: "la richiesta ha violato il requisito di sequenza di una sola richiesta alla volta per contesto di sessione",
      c16: "l'endpoint è disabilitato",
      c17: "la risposta non è valida",
      c18: "l'endpoint è in fase di arresto",
    },
    connectError: {
      known: "{hex} ({name}: {meaning})",
      unknownUser: "il DN utente non corrisponde a una cassetta postale nota al server",
      clientVersionDisallowed: "questa versione di Outlook non è consentita",
      loginFailure: "l'accesso alla cassetta postale non è riuscito",
      accessDenied: "l'account non ha accesso a questa cassetta postale",
      error: "un errore non specificato",
    },
  },
};
