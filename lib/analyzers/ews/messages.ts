import type { CatalogueShape } from "@/lib/i18n/messages/types";

/**
 * The catalogue texts of this test: its catalogue entry (title, summary, about), its form fields' labels and hints and its step texts.
 * The catalogues place them (through lib/analyzers/messages.ts) as `tests.ews`, `fields.ews` and `steps.ews`. Plain `{name}` templates (not ICU).
 */
export const en = {
  test: {
    title: "Exchange Web Services (EWS)",
    summary:
      "Finds EWS through Autodiscover (or at the server you name), checks its certificate and HTTP authentication methods, names the server behind NTLM, and with credentials gets the Inbox with a GetFolder request, showing the Exchange version that answered.",
    about: {
      step1:
        "With an e-mail address, finds EWS through Autodiscover the way EWS clients do (Outlook's four methods, in order). With credentials the EWS URL comes from the settings (the external EXPR one first); without, https://<Autodiscover host>/EWS/Exchange.asmx, Exchange's default, is tried. With a server name, tests EWS there instead.",
      step2: "Resolves the EWS server in DNS, opens the port, and validates its SSL certificate as clients do: name, chain and trust, dates, strength.",
      step3:
        "Sends EWS an anonymous GetFolder request and lists the HTTP authentication methods it offers; with NTLM or Negotiate, reads the server's name, domain and Windows version from its NTLM challenge.",
      step4:
        "With credentials (sent only over a connection Outlook would accept: a trusted chain, the right name, TLS 1.2 or later), gets the Inbox with GetFolder (Basic, or NTLM with channel bindings) and shows the folder, its item counts and the Exchange version that answered.",
    },
  },
  fields: {
    emailAddress: {
      hint: "The mailbox to test: Autodiscover finds its EWS URL, as Outlook for Mac and other EWS clients do. Or leave it empty and enter the EWS server.",
    },
    host: {
      label: "EWS server",
      hint: "Or the host name of the EWS URL (the EWS virtual directory's ExternalUrl): https://<host>/EWS/Exchange.asmx is then tested without asking Autodiscover. With an e-mail address too, GetFolder opens that mailbox's Inbox.",
    },
    port: { hint: "443 unless EWS listens on another port. With an e-mail address, the URL Autodiscover hands out decides." },
  },
  /** Step texts of the EWS test (lib/analyzers/ews/*): placed in the catalogues as `steps.ews`. Plain `{name}` templates (not ICU). */
  steps: {
    autodiscover: {
      title: "Attempting to find the EWS URL through Autodiscover.",
      summary: {
        success: "Autodiscover was found and answered.",
        warning: "Autodiscover was found, with warnings.",
        error: "Autodiscover failed: see the failed step.",
      },
    },
    url: {
      title: "Determining the EWS URL from the Autodiscover response.",
      // Reasons follow "Skipped because": lower case, as the step has always stored them.
      notFound: "autodiscover wasn't found, so it named no EWS URL.",
      noUrl: "autodiscover named no EWS URL.",
      answeredError: "autodiscover answered with an error, so it named no EWS URL.",
      redirectNoSettings: "autodiscover answered with a redirect that didn't lead to settings.",
      unfinished: "the Autodiscover search didn't finish.",
      noEwsUrl: "there is no EWS URL to test.",
      defaultRejected:
        "Autodiscover rejected the supplied credentials, so it named no EWS URL: trying {url}, where Exchange publishes EWS beside Autodiscover by default.",
      defaultWithheld:
        "The credentials weren't sent to Autodiscover (its POST step says why), so it named no EWS URL: trying {url}, where Exchange publishes EWS beside Autodiscover by default.",
      defaultAnonymous:
        "Autodiscover hands out the EWS URL only to a signed-in user, and no credentials were supplied: trying {url}, where Exchange publishes EWS beside Autodiscover by default.",
      missing:
        "Autodiscover returned the settings without an EWS URL (no EwsUrl in the EXPR or EXCH provider): EWS clients such as Outlook for Mac, Teams and mobile mail apps can't find EWS. Set the EWS virtual directory's URLs: Set-WebServicesVirtualDirectory \"<server>\\EWS (Default Web Site)\" -ExternalUrl https://mail.contoso.com/EWS/Exchange.asmx -InternalUrl https://mail.contoso.com/EWS/Exchange.asmx",
      notHttps: "The EWS URL Autodiscover hands out ({provider}), {url}, isn't an https URL: EWS clients don't use it.",
      external: "Autodiscover hands out the EWS URL {url} (EXPR: for clients outside the network).",
      internalOnly:
        "Autodiscover hands out the EWS URL {url} (EXCH: the internal URL). It gives no external (EXPR) EWS URL, so EWS clients outside the network may not find EWS; set the EWS virtual directory's ExternalUrl if they need it.",
    },
    authMethods: {
      title: "Testing HTTP Authentication Methods for URL {url}.",
      titleNoUrl: "Testing HTTP Authentication Methods for the EWS URL.",
      notFound:
        "EWS isn't published at {url}: the server answered 404 Not Found. The EWS virtual directory is missing, or a reverse proxy or load balancer in front doesn't publish /EWS.",
      noChallenge:
        "EWS answered HTTP {status} without asking for authentication; an EWS endpoint expects 401 with the authentication methods it accepts (is something in front of it pre-authenticating?).",
      unexpectedStatus: "EWS answered HTTP {status} {statusText} instead of 401 Unauthorized with the authentication methods it accepts.",
      redirect:
        "EWS answered HTTP {status} {statusText} (a redirect to {location}; EWS clients don't follow redirects of their SOAP POST) instead of 401 Unauthorized with the authentication methods it accepts.",
      nowhere: "nowhere",
      found: "The analyzer found the expected authentication method {method}. Methods found: {found}.",
      negotiateOnly: "NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: {found}.",
      missing: "The authentication method {method} isn't offered by EWS. Methods found: {found}.",
    },
    ntlm: {
      title: "Reading the server's identity from its NTLM challenge.",
      neither: "the server offers neither NTLM nor Negotiate.",
      unreadable: "The server offers {scheme} but didn't answer an NTLM negotiate message with a challenge the analyzer could read.",
      readFailed: "The server's NTLM challenge couldn't be read: {reason}",
      readFailedSentence: "The server's NTLM challenge couldn't be read: {reason}.",
      identity: "The server's NTLM challenge ({scheme}) {named}.",
      identityOs: "The server's NTLM challenge ({scheme}) {named}, Windows version {os}.",
      named: {
        computerInDomain: "names the computer {computer} in the domain {domain}",
        computer: "names the computer {computer}",
        domain: "names the domain {domain}",
        nothing: "names no computer or domain",
      },
    },
    getFolder: {
      title: "Attempting to get the Inbox folder with an EWS GetFolder request, using the supplied credentials ({method} authentication).",
      titleMailbox:
        "Attempting to get the Inbox folder of {emailAddress} with an EWS GetFolder request, using the supplied credentials ({method} authentication).",
      noCredentials: "no user name and password were supplied.",
      rejected:
        "The server rejected the supplied credentials (HTTP 401) with {method} authentication. Check the user name, the password, and that the account may use EWS.",
      unexpectedStatus: "After authentication EWS answered HTTP {status} {statusText}.",
      forbidden: "After authentication EWS answered HTTP {status} {statusText}. EWS may be blocked for this account or client, or by an IP restriction.",
      tooLarge: "the response is larger than {bytes} bytes, more than any GetFolder answer needs",
      malformed: "EWS answered HTTP {status}, but not with a SOAP response an EWS client can read: {reason}.",
      messageStatus: "EWS answered GetFolder with HTTP {status}.",
      error: "EWS answered GetFolder with error {code}.",
      errorSaid: "EWS answered GetFolder with error {code}: {said}",
      errorMore: "EWS answered GetFolder with error {code}. {more}.",
      errorSaidMore: "EWS answered GetFolder with error {code}: {said} {more}.",
      noResponseCode: "(no ResponseCode)",
      fault: "EWS answered GetFolder with a SOAP fault, {code}.",
      faultSaid: "EWS answered GetFolder with a SOAP fault, {code}: {said}",
      faultMore: "EWS answered GetFolder with a SOAP fault, {code}. {more}.",
      faultSaidMore: "EWS answered GetFolder with a SOAP fault, {code}: {said} {more}.",
      noCode: "(no code)",
      noFolder: "EWS answered GetFolder with {responseClass} but without the folder.",
      noFolderRunning: "EWS answered GetFolder with {responseClass} but without the folder. The server runs {version}.",
      ok: "The server accepted the supplied credentials ({method} authentication) and EWS answered GetFolder: {inbox}.",
      okRunning: "The server accepted the supplied credentials ({method} authentication) and EWS answered GetFolder: {inbox}. The server runs {version}.",
      okWarning: "The server accepted the supplied credentials ({method} authentication) and EWS answered GetFolder (with the warning {code}): {inbox}.",
      okWarningRunning:
        "The server accepted the supplied credentials ({method} authentication) and EWS answered GetFolder (with the warning {code}): {inbox}. The server runs {version}.",
      warningNoCode: "without a code",
      inbox: {
        holds: "the Inbox holds {counts}",
        namedHolds: 'the Inbox ("{name}") holds {counts}',
        returned: "the Inbox was returned",
        namedReturned: 'the Inbox ("{name}") was returned',
        item: "{count} item",
        items: "{count} items",
        unread: "{count} unread",
        unreadOne: "{count} unread",
      },
      running: "The server runs {version}.",
      hintThenRunning: "{hint}. The server runs {version}.",
      version: {
        productBuildSchema: "{product} ({build}, schema {schema})",
        productBuild: "{product} ({build})",
        productSchema: "{product} (schema {schema})",
        buildSchema: "version {build} (schema {schema})",
        build: "version {build}",
        schema: "schema {schema}",
        unknown: "schema unknown",
      },
      hints: {
        ErrorNonExistentMailbox: "No mailbox has this address: check the e-mail address, and that it is one of the mailbox's addresses on this organisation.",
        ErrorMissingEmailAddress:
          "The account that signed in has no mailbox of its own: enter the e-mail address of a mailbox it may open, or sign in as the mailbox's owner.",
        ErrorAccessDenied:
          "The server accepted the credentials, but this account may not open the mailbox through EWS. Check that EWS is enabled for it (Get-CASMailbox <user> | Format-List Ews*; Set-CASMailbox <user> -EwsEnabled $true), the organisation's EWS access policy (Get-OrganizationConfig | Format-List Ews*), and its permissions on the mailbox.",
        ErrorMailboxMoveInProgress: "The mailbox is being moved; try again once the move has completed.",
        ErrorMailboxStoreUnavailable: "The mailbox database is unavailable (dismounted, or failing over).",
        ErrorServerBusy: "The server is throttling this account or is too busy; try again later.",
        ErrorInternalServerError: "EWS failed internally: see the Exchange server's Application event log.",
        ErrorSchemaValidation: "The server refused the request's schema: it may be older than Exchange 2013, or something in front of it rewrote the request.",
        ErrorInvalidServerVersion: "The server doesn't speak the Exchange2013 schema: it is older than Exchange 2013.",
      },
    },
    soap: {
      notEnvelope: "the root element is <{name}>, not a SOAP <Envelope>",
      noBody: "the SOAP <Envelope> has no <Body>",
      bodyHolds: "the SOAP <Body> holds <{name}>, not a <GetFolderResponse>",
      bodyEmpty: "the SOAP <Body> holds nothing, not a <GetFolderResponse>",
      noMessage: "the <GetFolderResponse> has no <ResponseMessages>/<GetFolderResponseMessage>",
      badClass: 'the response message\'s ResponseClass is "{responseClass}", not Success, Warning or Error',
      noClass: "the response message's ResponseClass is missing, not Success, Warning or Error",
    },
  },
} as const;

export const it: CatalogueShape<typeof en> = {
  test: {
    title: "Exchange Web Services (EWS)",
    summary:
      "Trova EWS tramite Autodiscover (o sul server indicato), verifica il certificato e i metodi di autenticazione HTTP, identifica il server dietro NTLM e, con le credenziali, apre la Posta in arrivo con una richiesta GetFolder, mostrando la versione di Exchange che ha risposto.",
    about: {
      step1:
        "Con un indirizzo e-mail, trova EWS tramite Autodiscover come fanno i client EWS (i quattro metodi di Outlook, in ordine). Con le credenziali l'URL di EWS viene dalle impostazioni (prima quello EXPR esterno); senza, si prova https://<host Autodiscover>/EWS/Exchange.asmx, il valore predefinito di Exchange. Con un nome server, verifica invece EWS su quel server.",
      step2: "Risolve il server EWS nel DNS, apre la porta e convalida il certificato SSL come fanno i client: nome, catena e attendibilità, date, robustezza.",
      step3:
        "Invia a EWS una richiesta GetFolder anonima ed elenca i metodi di autenticazione HTTP offerti; con NTLM o Negotiate, legge il nome del server, il dominio e la versione di Windows dalla sua challenge NTLM.",
      step4:
        "Con le credenziali (inviate solo su una connessione che Outlook accetterebbe: catena attendibile, nome corretto, TLS 1.2 o successivo), apre la Posta in arrivo con GetFolder (Basic, oppure NTLM con channel binding) e mostra la cartella, il numero di elementi e la versione di Exchange che ha risposto.",
    },
  },
  fields: {
    emailAddress: {
      hint: "La cassetta postale da verificare: Autodiscover trova il suo URL EWS, come fanno Outlook per Mac e gli altri client EWS. Oppure lascialo vuoto e inserisci il server EWS.",
    },
    host: {
      label: "Server EWS",
      hint: "Oppure il nome host dell'URL EWS (l'ExternalUrl della directory virtuale EWS): in tal caso viene verificato https://<host>/EWS/Exchange.asmx senza interrogare Autodiscover. Se è indicato anche un indirizzo e-mail, GetFolder apre la Posta in arrivo di quella cassetta postale.",
    },
    port: { hint: "443, a meno che EWS non sia in ascolto su un'altra porta. Con un indirizzo e-mail, decide l'URL restituito da Autodiscover." },
  },
  steps: {
    autodiscover: {
      title: "Tentativo di trovare l'URL di EWS tramite Autodiscover.",
      summary: {
        success: "Autodiscover è stato trovato e ha risposto.",
        warning: "Autodiscover è stato trovato, con avvisi.",
        error: "Autodiscover non è riuscito: vedi il passaggio non riuscito.",
      },
    },
    url: {
      title: "Determinazione dell'URL di EWS dalla risposta di Autodiscover.",
      notFound: "Autodiscover non è stato trovato, quindi non ha indicato alcun URL di EWS.",
      noUrl: "Autodiscover non ha indicato alcun URL di EWS.",
      answeredError: "Autodiscover ha risposto con un errore, quindi non ha indicato alcun URL di EWS.",
      redirectNoSettings: "Autodiscover ha risposto con un reindirizzamento che non ha portato alle impostazioni.",
      unfinished: "la ricerca di Autodiscover non si è conclusa.",
      noEwsUrl: "non c'è alcun URL di EWS da verificare.",
      defaultRejected:
        "Autodiscover ha rifiutato le credenziali fornite, quindi non ha indicato alcun URL di EWS: si prova {url}, dove Exchange pubblica EWS per impostazione predefinita, accanto ad Autodiscover.",
      defaultWithheld:
        "Le credenziali non sono state inviate ad Autodiscover (il suo passaggio POST spiega perché), quindi non ha indicato alcun URL di EWS: si prova {url}, dove Exchange pubblica EWS per impostazione predefinita, accanto ad Autodiscover.",
      defaultAnonymous:
        "Autodiscover restituisce l'URL di EWS solo a un utente autenticato, e non sono state fornite credenziali: si prova {url}, dove Exchange pubblica EWS per impostazione predefinita, accanto ad Autodiscover.",
      missing:
        'Autodiscover ha restituito le impostazioni senza un URL di EWS (nessun EwsUrl nel provider EXPR o EXCH): i client EWS come Outlook per Mac, Teams e le app di posta per dispositivi mobili non riescono a trovare EWS. Imposta gli URL della directory virtuale EWS: Set-WebServicesVirtualDirectory "<server>\\EWS (Default Web Site)" -ExternalUrl https://mail.contoso.com/EWS/Exchange.asmx -InternalUrl https://mail.contoso.com/EWS/Exchange.asmx',
      notHttps: "L'URL di EWS restituito da Autodiscover ({provider}), {url}, non è un URL https: i client EWS non lo usano.",
      external: "Autodiscover restituisce l'URL di EWS {url} (EXPR: per i client esterni alla rete).",
      internalOnly:
        "Autodiscover restituisce l'URL di EWS {url} (EXCH: l'URL interno). Non restituisce alcun URL di EWS esterno (EXPR), quindi i client EWS esterni alla rete potrebbero non trovare EWS; se servono, imposta l'ExternalUrl della directory virtuale EWS.",
    },
    authMethods: {
      title: "Verifica dei metodi di autenticazione HTTP per l'URL {url}.",
      titleNoUrl: "Verifica dei metodi di autenticazione HTTP per l'URL di EWS.",
      notFound:
        "EWS non è pubblicato in {url}: il server ha risposto 404 Not Found. La directory virtuale EWS manca, oppure un reverse proxy o un bilanciatore di carico davanti al server non pubblica /EWS.",
      noChallenge:
        "EWS ha risposto HTTP {status} senza richiedere l'autenticazione; un endpoint EWS si aspetta un 401 con i metodi di autenticazione che accetta (c'è qualcosa davanti che esegue la preautenticazione?).",
      unexpectedStatus: "EWS ha risposto HTTP {status} {statusText} invece di 401 Unauthorized con i metodi di autenticazione che accetta.",
      redirect:
        "EWS ha risposto HTTP {status} {statusText} (un reindirizzamento a {location}; i client EWS non seguono i reindirizzamenti del loro POST SOAP) invece di 401 Unauthorized con i metodi di autenticazione che accetta.",
      nowhere: "nessuna destinazione",
      found: "L'analizzatore ha trovato il metodo di autenticazione previsto {method}. Metodi trovati: {found}.",
      negotiateOnly: "NTLM non è offerto da solo; è offerto Negotiate, che per la maggior parte dei client ripiega su NTLM. Metodi trovati: {found}.",
      missing: "Il metodo di autenticazione {method} non è offerto da EWS. Metodi trovati: {found}.",
    },
    ntlm: {
      title: "Lettura dell'identità del server dalla sua challenge NTLM.",
      neither: "il server non offre né NTLM né Negotiate.",
      unreadable: "Il server offre {scheme} ma non ha risposto a un messaggio NTLM negotiate con una challenge leggibile dall'analizzatore.",
      readFailed: "Non è stato possibile leggere la challenge NTLM del server: {reason}",
      readFailedSentence: "Non è stato possibile leggere la challenge NTLM del server: {reason}.",
      identity: "La challenge NTLM del server ({scheme}) {named}.",
      identityOs: "La challenge NTLM del server ({scheme}) {named}, versione di Windows {os}.",
      named: {
        computerInDomain: "indica il computer {computer} nel dominio {domain}",
        computer: "indica il computer {computer}",
        domain: "indica il dominio {domain}",
        nothing: "non indica né un computer né un dominio",
      },
    },
    getFolder: {
      title: "Tentativo di aprire la cartella Posta in arrivo con una richiesta EWS GetFolder, usando le credenziali fornite (autenticazione {method}).",
      titleMailbox:
        "Tentativo di aprire la cartella Posta in arrivo di {emailAddress} con una richiesta EWS GetFolder, usando le credenziali fornite (autenticazione {method}).",
      noCredentials: "non sono stati forniti nome utente e password.",
      rejected:
        "Il server ha rifiutato le credenziali fornite (HTTP 401) con l'autenticazione {method}. Verifica il nome utente, la password e che l'account sia abilitato a usare EWS.",
      unexpectedStatus: "Dopo l'autenticazione EWS ha risposto HTTP {status} {statusText}.",
      forbidden:
        "Dopo l'autenticazione EWS ha risposto HTTP {status} {statusText}. EWS potrebbe essere bloccato per questo account o per questo client, oppure da una restrizione sugli indirizzi IP.",
      tooLarge: "la risposta supera i {bytes} byte, più di quanto serva a qualsiasi risposta GetFolder",
      malformed: "EWS ha risposto HTTP {status}, ma non con una risposta SOAP leggibile da un client EWS: {reason}.",
      messageStatus: "EWS ha risposto a GetFolder con HTTP {status}.",
      error: "EWS ha risposto a GetFolder con l'errore {code}.",
      errorSaid: "EWS ha risposto a GetFolder con l'errore {code}: {said}",
      errorMore: "EWS ha risposto a GetFolder con l'errore {code}. {more}.",
      errorSaidMore: "EWS ha risposto a GetFolder con l'errore {code}: {said} {more}.",
      noResponseCode: "(nessun ResponseCode)",
      fault: "EWS ha risposto a GetFolder con un SOAP fault, {code}.",
      faultSaid: "EWS ha risposto a GetFolder con un SOAP fault, {code}: {said}",
      faultMore: "EWS ha risposto a GetFolder con un SOAP fault, {code}. {more}.",
      faultSaidMore: "EWS ha risposto a GetFolder con un SOAP fault, {code}: {said} {more}.",
      noCode: "(nessun codice)",
      noFolder: "EWS ha risposto a GetFolder con {responseClass} ma senza la cartella.",
      noFolderRunning: "EWS ha risposto a GetFolder con {responseClass} ma senza la cartella. Sul server è in esecuzione {version}.",
      ok: "Il server ha accettato le credenziali fornite (autenticazione {method}) ed EWS ha risposto a GetFolder: {inbox}.",
      okRunning:
        "Il server ha accettato le credenziali fornite (autenticazione {method}) ed EWS ha risposto a GetFolder: {inbox}. Sul server è in esecuzione {version}.",
      okWarning: "Il server ha accettato le credenziali fornite (autenticazione {method}) ed EWS ha risposto a GetFolder (con l'avviso {code}): {inbox}.",
      okWarningRunning:
        "Il server ha accettato le credenziali fornite (autenticazione {method}) ed EWS ha risposto a GetFolder (con l'avviso {code}): {inbox}. Sul server è in esecuzione {version}.",
      warningNoCode: "senza codice",
      inbox: {
        holds: "la Posta in arrivo contiene {counts}",
        namedHolds: 'la Posta in arrivo ("{name}") contiene {counts}',
        returned: "è stata restituita la Posta in arrivo",
        namedReturned: 'è stata restituita la Posta in arrivo ("{name}")',
        item: "{count} elemento",
        items: "{count} elementi",
        unread: "{count} non letti",
        unreadOne: "{count} non letto",
      },
      running: "Sul server è in esecuzione {version}.",
      hintThenRunning: "{hint}. Sul server è in esecuzione {version}.",
      version: {
        productBuildSchema: "{product} ({build}, schema {schema})",
        productBuild: "{product} ({build})",
        productSchema: "{product} (schema {schema})",
        buildSchema: "versione {build} (schema {schema})",
        build: "versione {build}",
        schema: "schema {schema}",
        unknown: "schema sconosciuto",
      },
      hints: {
        ErrorNonExistentMailbox:
          "Nessuna cassetta postale ha questo indirizzo: verifica l'indirizzo e-mail e che sia uno degli indirizzi della cassetta postale in questa organizzazione.",
        ErrorMissingEmailAddress:
          "L'account che ha eseguito l'accesso non ha una cassetta postale propria: inserisci l'indirizzo e-mail di una cassetta postale che può aprire, oppure accedi come proprietario della cassetta postale.",
        ErrorAccessDenied:
          "Il server ha accettato le credenziali, ma questo account non può aprire la cassetta postale tramite EWS. Verifica che EWS sia abilitato per l'account (Get-CASMailbox <user> | Format-List Ews*; Set-CASMailbox <user> -EwsEnabled $true), i criteri di accesso a EWS dell'organizzazione (Get-OrganizationConfig | Format-List Ews*) e le sue autorizzazioni sulla cassetta postale.",
        ErrorMailboxMoveInProgress: "È in corso lo spostamento della cassetta postale; riprova al termine dello spostamento.",
        ErrorMailboxStoreUnavailable: "Il database delle cassette postali non è disponibile (smontato, oppure in failover).",
        ErrorServerBusy: "Il server sta applicando la limitazione (throttling) a questo account oppure è troppo occupato; riprova più tardi.",
        ErrorInternalServerError: "Errore interno di EWS: vedi il registro eventi Applicazione del server Exchange.",
        ErrorSchemaValidation:
          "Il server ha rifiutato lo schema della richiesta: potrebbe essere precedente a Exchange 2013, oppure qualcosa davanti al server ha riscritto la richiesta.",
        ErrorInvalidServerVersion: "Il server non supporta lo schema Exchange2013: è precedente a Exchange 2013.",
      },
    },
    soap: {
      notEnvelope: "l'elemento radice è <{name}>, non un <Envelope> SOAP",
      noBody: "l'<Envelope> SOAP non ha alcun <Body>",
      bodyHolds: "il <Body> SOAP contiene <{name}>, non un <GetFolderResponse>",
      bodyEmpty: "il <Body> SOAP è vuoto, non contiene un <GetFolderResponse>",
      noMessage: "il <GetFolderResponse> non ha alcun <ResponseMessages>/<GetFolderResponseMessage>",
      badClass: 'il ResponseClass del messaggio di risposta è "{responseClass}", non Success, Warning o Error',
      noClass: "il ResponseClass del messaggio di risposta manca, invece di essere Success, Warning o Error",
    },
  },
};
