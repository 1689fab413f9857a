import type { EnglishMessages } from "./en";
import type { CatalogueShape } from "./types";

/**
 * The Italian catalogue: exactly the keys of the English one (lib/i18n/messages/en.ts, checked by the compiler through
 * CatalogueShape and by tests/unit/i18n-catalogues.test.ts) and, per key, the same {placeholders}. Product names,
 * commands and problem codes stay as they are. In ICU messages an apostrophe must never come right before a brace
 * (it would start ICU quoting); the catalogue test checks it.
 */
export const it: CatalogueShape<EnglishMessages> = {
  meta: {
    siteName: "Remote Connectivity Analyzer",
    description:
      "Test di connettività self-hosted per Exchange, Outlook Anywhere, server di posta e certificati TLS, eseguiti come li eseguirebbe un client remoto.",
  },
  layout: {
    skipToContent: "Vai al contenuto",
    footer: "Self-hosted. I risultati vengono conservati per un periodo limitato; le credenziali non vengono mai salvate.",
    nav: { label: "Principale", tests: "Test", help: "Guida" },
    language: { label: "Lingua", current: "{language} (lingua attuale)" },
  },
  home: {
    title: "Scegli un test",
    intro:
      "Un Remote Connectivity Analyzer self-hosted: verifica i tuoi server Exchange, di posta e TLS da questo host come farebbe un client remoto, passo per passo, e conserva ogni risultato a un permalink da condividere con il tuo team.",
  },
  catalog: {
    startTest: "Avvia il test",
    groups: {
      exchange: {
        name: "Exchange Server",
        description: "La connettività ai servizi di Exchange e Microsoft 365 come la vedono Outlook e i dispositivi mobili.",
      },
      mail: { name: "Posta Internet", description: "SMTP in ingresso e in uscita, come vedono il tuo server gli altri server di posta." },
      certificates: { name: "Certificati", description: "I certificati che i tuoi servizi presentano ai client." },
    },
  },
  testPage: {
    notFound: "Test non trovato",
    about: {
      heading: "Cosa fa questo test",
      note: "Ogni passaggio viene mostrato mentre è in esecuzione. Il risultato riceve un permalink che resta disponibile per un periodo limitato.",
    },
  },
  form: {
    legend: "Impostazioni del test",
    optional: "(facoltative)",
    optionalField: "(facoltativo)",
    chooseFile: "Scegli un file…",
    fileTooLarge: "Il file supera 512 KiB: una catena di certificati è molto più piccola.",
    sections: { connection: "Connessione", security: "Sicurezza", credentials: "Credenziali" },
    credentialsNote:
      "Usate solo per questa esecuzione: mai salvate, registrate nei log o inserite nel permalink, e inviate solo su una connessione che Outlook stesso accetterebbe. Senza credenziali, il passaggio di accesso viene saltato.",
    submit: "Esegui il test",
    idle: "L'analizzatore si connette da questo host, come farebbe un client remoto.",
    testing: "Test in corso… {elapsed}",
    testingStep: "Test in corso… {elapsed}: {step}",
    queued: "{queue}… {elapsed}",
    navigating: "Fatto. Apertura del risultato…",
    live: { waiting: "In attesa di iniziare", running: "Esecuzione del test", finished: "Test terminato", interrupted: "Test interrotto" },
    errors: {
      invalidValue: "Valore non valido.",
      httpStatus: "L'analizzatore ha risposto HTTP {status}.",
      emptyAnswer: "L'analizzatore ha inviato una risposta vuota.",
      notCompleted: "Non è stato possibile completare il test.",
      closed: "La connessione con l'analizzatore si è chiusa prima della fine del test. Riprova.",
      unreadable: "L'analizzatore ha inviato una risposta illeggibile. Riprova.",
      unreachable: "Impossibile raggiungere l'analizzatore. Controlla la connessione e riprova.",
    },
  },
  live: {
    progress: "Avanzamento del test",
    starting: "Avvio",
    startingTest: "Avvio del test…",
    waiting: "In attesa",
    running: "in esecuzione",
    queueNext: "In attesa: il tuo test è il prossimo",
    queueAhead: "In attesa: {count, plural, one {# test} other {# test}} prima del tuo",
  },
  status: { success: "Riuscito", warning: "Avviso", error: "Errore", skipped: "Saltato", info: "Informazione", running: "In esecuzione" },
  verdict: {
    label: "Esito",
    success: "Test di connettività riuscito",
    warning: "Test di connettività riuscito con avvisi",
    error: "Test di connettività non riuscito",
    errors: "{count, plural, one {# errore} other {# errori}}",
    warnings: "{count, plural, one {# avviso} other {# avvisi}}",
    skipped: "{count, plural, one {# saltato} other {# saltati}}",
    allPassed: "{count, plural, one {Il controllo è stato superato.} other {Tutti i # controlli sono stati superati.}}",
    someFailed: "{parts} su {count, plural, one {# controllo} other {# controlli}}.",
  },
  result: {
    metaTitle: "Risultato: {test}",
    breadcrumbTests: "Test",
    breadcrumbResult: "Risultato",
    summaryHeading: "Riepilogo del test",
    runAgain: "Esegui di nuovo",
    timing: "Tempi",
    timingNote: "tempo totale {ms} ms, passaggio per passaggio",
    stepsHeading: "Passaggi del test",
    stepsIntro: "Seleziona un passaggio per vedere cosa è stato verificato, cosa è emerso e come risolvere i problemi.",
    startedAt: "Avviato il",
    elapsed: "Tempo totale",
    credentials: "Credenziali",
    yes: "Sì",
    no: "No",
    notSet: "non impostato",
    justNow: "proprio ora",
  },
  steps: {
    dns: {
      resolve: {
        title: "Tentativo di risolvere il nome host {host} nel DNS.",
        ipLiteral: "{host} è un indirizzo IP; non è stata necessaria alcuna ricerca DNS.",
        ok: "Il nome host è stato risolto correttamente. Indirizzi IP: {addresses}.",
      },
    },
    tcp: {
      connect: {
        title: "Verifica della porta TCP {port} sull'host {host} per accertarsi che sia in ascolto e aperta.",
        ok: "La porta è stata aperta correttamente ({address}:{port}).",
      },
    },
  },
  engine: {
    reason: {
      stepFailed: 'il passaggio "{step}" non è riuscito.',
      deadline: "è scaduto il tempo massimo del test ({seconds} s).",
    },
    skipped: { because: "Saltato perché {reason}." },
    deadline: {
      running: "Il tempo massimo del test ({seconds} s) è scaduto mentre questo passaggio era in esecuzione; il resto del test è stato saltato.",
    },
    internalError: "L'analizzatore ha incontrato un errore interno durante l'esecuzione di questo passaggio. Non si tratta di un giudizio sul server.",
    default: { success: "Test superato.", warning: "Test superato con avvisi.", error: "Test non superato." },
  },
  stepTree: {
    none: "Questo test non ha registrato alcun passaggio.",
    skipped: "Saltato",
    timeTitle: "Tempo impiegato da questo passaggio",
    howToFix: "Come risolvere: {code}",
    additionalDetails: "Dettagli aggiuntivi",
    expandAll: "Espandi tutto",
    collapseAll: "Comprimi tutto",
    controls: "Passaggi",
  },
  details: {
    notPresent: "assente",
    yes: "Sì",
    no: "No",
    empty: "vuoto",
    none: "nessuno",
    more: "… e altri {count}",
    labels: {
      thumbprintSha1: "Identificazione personale (SHA-1)",
      thumbprintSha256: "Identificazione personale (SHA-256)",
      chainAsSent: "Catena così come inviata",
      chainOrigin: "Origine della catena",
      dnsNames: "Nomi DNS (SAN)",
      ipAddresses: "Indirizzi IP (SAN)",
      subjectCommonNames: "Nomi comuni del soggetto",
      issuerCommonName: "Nome comune dell'autorità emittente",
      notBefore: "Valido dal",
      notAfter: "Valido fino al",
      isCA: "Autorità di certificazione",
      selfIssued: "Autoemesso",
      extendedKeyUsage: "Utilizzo chiave esteso",
      wwwAuthenticate: "WWW-Authenticate",
      unusedSentCertificates: "Certificati inviati non utilizzati",
      elapsedMs: "Durata",
      addresses: "Indirizzi",
      address: "Indirizzo",
      resolver: "Resolver",
      port: "Porta",
      failedAddresses: "Indirizzi non raggiungibili",
    },
  },
  timing: {
    row: "{title}: {status}, avviato a {start}, durata {took}",
    skipped: "Saltato",
  },
  actions: {
    permalink: "Permalink",
    copyPermalink: "Copia il permalink",
    copied: "Copiato",
    permalinkCopied: "Permalink copiato negli appunti.",
    permalinkManual: "Premi Ctrl+C (⌘C su Mac) per copiare il link selezionato.",
    downloadJson: "Scarica il JSON",
    copyText: "Copia come testo",
    textCopied: "Risultato copiato negli appunti come testo.",
    clipboardRefused: "Il browser ha negato l'accesso agli appunti; scarica il JSON.",
    deleteResult: "Elimina questo risultato",
    confirmDelete: "Fai clic di nuovo per eliminare",
    deleting: "Eliminazione…",
    deleteFailed: "Non è stato possibile eliminarlo. Riprova.",
    copy: "Copia",
  },
  history: {
    heading: "Esecuzioni precedenti di questo test per {host}",
    compare: "Confronta con l'esecuzione precedente",
  },
  diff: {
    metaTitle: "Confronta i risultati",
    breadcrumb: "Confronto",
    heading: "Cosa è cambiato",
    headingTest: "Cosa è cambiato: {test}",
    differentTests: "Sono esecuzioni di test diversi ({a} e {b}): la maggior parte dei passaggi è diversa.",
    compared: "Risultati confrontati",
    before: "Prima",
    after: "Dopo",
    changedCount: "{count, plural, one {# passaggio cambiato} other {# passaggi cambiati}}",
    changes: "Modifiche",
    notRun: "non eseguito",
    noLongerRun: "non più eseguito",
    empty: "Nessun passaggio è cambiato: ogni passaggio ha lo stesso stato e lo stesso problema in entrambe le esecuzioni.",
    caption: "Passaggi il cui stato o problema è cambiato",
    step: "Passaggio",
    became: "è diventato",
  },
  notFound: {
    page: {
      metaTitle: "Pagina non trovata",
      eyebrow: "404",
      title: "Pagina non trovata",
      text: "A questo indirizzo non c'è nessuna pagina. Controlla il link o ricomincia dall'elenco dei test.",
      allTests: "Tutti i test",
    },
    result: {
      metaTitle: "Risultato non trovato",
      eyebrow: "Risultato non trovato",
      title: "Questo risultato non esiste o è scaduto",
      text: "I risultati vengono conservati per un periodo limitato e poi eliminati. Controlla che il link sia completo, oppure esegui di nuovo il test per ottenere un nuovo permalink.",
      runTest: "Esegui un test",
    },
    unreadable: {
      metaTitle: "Risultato illeggibile",
      eyebrow: "Risultato illeggibile",
      title: "Questa versione non può mostrare questo risultato",
    },
    help: "Guida",
  },
  breadcrumb: { label: "Percorso" },
  help: {
    title: "Guida",
    description: "Ogni problema segnalato dall'analizzatore: cosa significa, i sintomi, le cause e come risolverlo.",
    intro:
      "Ogni avviso ed errore di un risultato indica un codice di problema. Ogni codice ha una pagina che spiega cosa significa, i sintomi che vedono gli utenti, le cause più comuni e i passaggi e i comandi esatti per risolverlo.",
    groupsNav: "Gruppi di problemi",
    notFound: "Problema non trovato",
    englishOnly: "Questa pagina è disponibile solo in inglese.",
    sections: { meaning: "Cosa significa", symptoms: "Sintomi", causes: "Cause", fixes: "Come risolvere", seeAlso: "Vedi anche" },
    severity: { label: "Gravità: ", error: "Errore", warning: "Avviso", errorOrWarning: "Errore o avviso" },
    groups: {
      dnsNetwork: "DNS e rete",
      tlsConnection: "Connessione TLS",
      certificate: "Certificato",
      chainTrust: "Catena di certificati e attendibilità",
      http: "Server web (HTTP)",
      autodiscover: "Autodiscover",
      outlookAnywhere: "Outlook Anywhere",
      smtp: "Posta Internet (SMTP)",
      mailDns: "Record DNS della posta",
      imapPop: "IMAP e POP",
      analyzer: "Analizzatore",
    },
  },
  tests: {
    activesync: {
      title: "Exchange ActiveSync",
      summary:
        "Si connette a Exchange ActiveSync come fa uno smartphone: trova il server tramite Autodiscover o usa il nome indicato, verifica il certificato e la risposta a OPTIONS (metodi di autenticazione, versioni del protocollo, comandi) e, con le credenziali, sincronizza la gerarchia delle cartelle della cassetta postale (FolderSync).",
      about: {
        step1:
          "Con un indirizzo e-mail, trova Autodiscover come fanno i dispositivi (quattro metodi, in ordine) e chiede le impostazioni mobilesync: l'URL di ActiveSync. Senza credenziali Autodiscover non ne restituisce, e l'analizzatore prova https://<host Autodiscover>/Microsoft-Server-ActiveSync.",
        step2: "Risolve il server ActiveSync nel DNS, apre la porta e convalida il certificato SSL come fa un dispositivo.",
        step3:
          "Invia una richiesta OPTIONS anonima a /Microsoft-Server-ActiveSync: i metodi di autenticazione offerti (Basic per i dispositivi), oppure le versioni del protocollo e i comandi.",
        step4:
          "Con le credenziali (inviate solo su una connessione che un dispositivo accetterebbe), invia di nuovo OPTIONS e legge le versioni del protocollo e i comandi, poi il comando FolderSync come un nuovo dispositivo (SyncKey 0), riportando lo Status e il numero di cartelle.",
      },
    },
    autodiscover: {
      title: "Outlook Autodiscover",
      summary:
        "Trova il servizio Autodiscover come fa Outlook (quattro metodi, nell'ordine di Outlook), verifica il certificato di ogni endpoint e, con le credenziali, mostra le impostazioni che riceve Outlook, compreso il nome dell'entità EXPR confrontato con il certificato.",
      about: {
        step1:
          "Prova i metodi nell'ordine di Outlook: https://<dominio>/autodiscover/autodiscover.xml, https://autodiscover.<dominio>/…, il reindirizzamento HTTP da http://autodiscover.<dominio>/…, poi il record SRV _autodiscover._tcp.<dominio>. Il primo che funziona conclude la ricerca.",
        step2:
          "Per ciascuno: DNS, la porta TCP, la verifica completa del certificato, poi la richiesta POX di Outlook. Senza credenziali, una risposta 401 dimostra che l'endpoint esiste.",
        step3:
          "Con le credenziali (inviate solo su una connessione che Outlook accetterebbe), legge la risposta in modo sicuro e mostra l'utente, le impostazioni EXCH, EXPR e WEB, e segue i reindirizzamenti.",
        step4: "Si connette al server EXPR (Outlook Anywhere) e ne confronta il certificato con il CertPrincipalName restituito da Autodiscover.",
        step5:
          "Interroga l'endpoint JSON di Autodiscover v2 (autodiscover.json) che Outlook e Microsoft 365 attuali usano per gli URL di EWS e ActiveSync, e riporta cosa restituisce.",
      },
    },
    ews: {
      title: "Exchange Web Services (EWS)",
      summary:
        "Trova EWS tramite Autodiscover (o sul server indicato), verifica il certificato e i metodi di autenticazione HTTP, identifica il server dietro NTLM e, con le credenziali, apre la Posta in arrivo con una richiesta GetFolder, mostrando la versione di Exchange che ha risposto.",
      about: {
        step1:
          "Con un indirizzo e-mail, trova EWS tramite Autodiscover come fanno i client EWS (i quattro metodi di Outlook, in ordine). Con le credenziali l'URL di EWS viene dalle impostazioni (prima quello EXPR esterno); senza, si prova https://<host Autodiscover>/EWS/Exchange.asmx, il valore predefinito di Exchange. Con un nome server, verifica invece EWS su quel server.",
        step2:
          "Risolve il server EWS nel DNS, apre la porta e convalida il certificato SSL come fanno i client: nome, catena e attendibilità, date, robustezza.",
        step3:
          "Invia a EWS una richiesta GetFolder anonima ed elenca i metodi di autenticazione HTTP offerti; con NTLM o Negotiate, legge il nome del server, il dominio e la versione di Windows dalla sua challenge NTLM.",
        step4:
          "Con le credenziali (inviate solo su una connessione che Outlook accetterebbe: catena attendibile, nome corretto, TLS 1.2 o successivo), apre la Posta in arrivo con GetFolder (Basic, oppure NTLM con channel binding) e mostra la cartella, il numero di elementi e la versione di Exchange che ha risposto.",
      },
    },
    "mapi-http": {
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
    "outlook-anywhere": {
      title: "Outlook Anywhere (RPC over HTTP)",
      summary:
        "Verifica il certificato del proxy RPC, le impostazioni dei certificati client, i metodi di autenticazione HTTP e il nome dell'entità msstd: per l'autenticazione reciproca usato da Outlook.",
      about: {
        step1:
          'Con "Usa Autodiscover": prima trova il server Outlook Anywhere (EXPR) e il suo CertPrincipalName tramite Autodiscover, come fa Outlook, poi verifica quel server con quel nome dell\'entità.',
        step2: "Risolve il server proxy RPC nel DNS e apre la porta.",
        step3: "Convalida il certificato SSL come fa Outlook: nome, catena e attendibilità, date, robustezza.",
        step4: "Verifica le impostazioni dei certificati client e i metodi di autenticazione HTTP offerti dal proxy RPC (/rpc/rpcproxy.dll).",
        step5: "Confronta il certificato con il nome dell'entità per l'autenticazione reciproca.",
        step6:
          "Con le credenziali, esegue un ping del proxy RPC con il metodo scelto (Basic o NTLM), solo su una connessione che Outlook stesso accetterebbe: catena attendibile, nome corretto, TLS 1.2 o successivo.",
      },
    },
    "tls-certificate": {
      title: "Certificato TLS",
      summary:
        "Verifica il certificato di un server come lo vede un client: nome, catena e attendibilità, date, robustezza della chiave e della firma, utilizzo per l'autenticazione server; e quali versioni di TLS accetta.",
      about: {
        step1: "Risolve il nome host nel DNS e apre la porta TCP.",
        step2: "Esegue l'handshake TLS e registra la catena di certificati esattamente come la invia il server.",
        step3:
          "Verifica il nome, la catena fino a una radice attendibile (RFC 5280, con il verdetto di OpenSSL come secondo parere), le date di validità, la robustezza della chiave e della firma e l'utilizzo per l'autenticazione server.",
        step4:
          "Offre ogni versione di TLS da sola per vedere quali accetta il server: senza TLS 1.2 o 1.3 i client attuali non riescono a connettersi, e TLS 1.0 e 1.1 sono obsoleti.",
      },
    },
  },
  fields: {
    common: {
      ignoreTrust: {
        label: "Ignora l'attendibilità SSL",
        hint: "I problemi del certificato (radice non attendibile, nome non corrispondente, scadenza) vengono segnalati come avvisi invece che come errori, e il test prosegue. Le credenziali non vengono mai inviate su una connessione il cui certificato non è attendibile.",
      },
      username: { label: "Nome utente", hint: "DOMINIO\\utente oppure utente@contoso.com (UPN)" },
      password: { label: "Password" },
      authMethod: { label: "Metodo di autenticazione" },
      emailAddress: { label: "Indirizzo e-mail" },
      port: { label: "Porta", hint: "{port}, a meno che il server non sia in ascolto su un'altra porta." },
      mutualAuthPrincipal: {
        label: "Nome dell'entità per l'autenticazione reciproca",
        hint: "L'impostazione di Outlook \"Connetti solo a server proxy il cui certificato contiene questo nome dell'entità\": di solito `msstd:` seguito dal nome presente nel certificato, oppure `msstd:*.contoso.com` per un certificato wildcard. Viene compilato dal nome del server finché non lo modifichi.",
      },
      useAutodiscover: {
        label: "Usa Autodiscover per rilevare le impostazioni del server",
        hint: "Il metodo di Outlook: Autodiscover indica il server Outlook Anywhere e il nome dell'entità, poi viene verificato quel server. Richiede l'indirizzo e-mail e le credenziali.",
      },
    },
    activesync: {
      emailAddress: {
        hint: "Trova il server ActiveSync con Autodiscover, come fa uno smartphone (lo schema mobilesync). Lascialo vuoto per indicare il server qui sotto.",
      },
      host: {
        label: "Server ActiveSync",
        hint: "Oppure indica tu il server (le impostazioni manuali di uno smartphone): in tal caso viene usato al posto di Autodiscover.",
      },
      port: { hint: "443, a meno che il server non sia in ascolto su un'altra porta (solo con il nome del server: l'URL di Autodiscover indica la propria)." },
    },
    autodiscover: {
      emailAddress: { hint: "L'indirizzo SMTP primario della cassetta postale: il suo dominio determina dove Outlook cerca Autodiscover." },
    },
    ews: {
      emailAddress: {
        hint: "La cassetta postale da verificare: Autodiscover trova il suo URL EWS, come fanno Outlook per Mac e gli altri client EWS. Oppure lascialo vuoto e inserisci il server EWS.",
      },
      host: {
        label: "Server EWS",
        hint: "Oppure il nome host dell'URL EWS (l'ExternalUrl della directory virtuale EWS): in tal caso viene verificato https://<host>/EWS/Exchange.asmx senza interrogare Autodiscover. Se è indicato anche un indirizzo e-mail, GetFolder apre la Posta in arrivo di quella cassetta postale.",
      },
      port: { hint: "443, a meno che EWS non sia in ascolto su un'altra porta. Con un indirizzo e-mail, decide l'URL restituito da Autodiscover." },
    },
    "mapi-http": {
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
    "outlook-anywhere": {
      emailAddress: { hint: "Con Autodiscover: la cassetta postale di cui Autodiscover restituisce le impostazioni di Outlook Anywhere." },
      host: {
        label: "Server proxy RPC",
        hint: "Senza Autodiscover: il nome host esterno di Outlook Anywhere, come impostato sulla directory virtuale RPC (ExternalHostname).",
      },
    },
    "tls-certificate": {
      host: { label: "Server", hint: "Il nome host o l'indirizzo IP a cui si connettono i client, senza https:// né percorso." },
    },
  },
};
