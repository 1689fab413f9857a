import { chainPictureIt } from "./chain-picture";
import { choiceLabelsIt, detailLabelsIt } from "./detail-labels";
import { activeSyncStepsIt } from "./steps/activesync";
import { autodiscoverStepsIt } from "./steps/autodiscover";
import { ctCaaStepsIt } from "./steps/ct-caa";
import { ewsStepsIt } from "./steps/ews";
import { httpStepsIt } from "./steps/http";
import { mailboxStepsIt } from "./steps/mailbox";
import { mapiHttpStepsIt } from "./steps/mapi-http";
import { outlookAnywhereStepsIt } from "./steps/outlook-anywhere";
import { pathValidationStepsIt } from "./steps/path-validation";
import { smtpInboundStepsIt } from "./steps/smtp-inbound";
import { smtpOutboundStepsIt } from "./steps/smtp-outbound";
import { textExportIt } from "./text-export";
import { validationIt } from "./validation";
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
    autodiscover: autodiscoverStepsIt,
    http: httpStepsIt,
    outlookAnywhere: outlookAnywhereStepsIt,
    ews: ewsStepsIt,
    activeSync: activeSyncStepsIt,
    mapiHttp: mapiHttpStepsIt,
    smtpInbound: smtpInboundStepsIt,
    smtpOutbound: smtpOutboundStepsIt,
    mailbox: mailboxStepsIt,
    ctCaa: ctCaaStepsIt,
    pathValidation: pathValidationStepsIt,
    dns: {
      resolve: {
        title: "Tentativo di risolvere il nome host {host} nel DNS.",
        ipLiteral: "{host} è un indirizzo IP; non è stata necessaria alcuna ricerca DNS.",
        ok: "Il nome host è stato risolto correttamente. Indirizzi IP: {addresses}.",
      },
      errors: {
        noRecord: "Non è stato possibile risolvere il nome host {host}: non esiste alcun record A o AAAA.",
        incomplete: "Non è stato possibile completare la ricerca DNS di {host}: {asked} {reason}.",
        failed: "La ricerca DNS di {host} non è riuscita ({code}).",
        busy: "L'analizzatore sta attendendo troppe risposte DNS contemporaneamente per cercare ora {host}; riprova tra un momento.",
        timeout: "Nessuna risposta DNS per {host} entro {ms} ms.",
        srvNone: "Non esiste alcun record SRV {name}.",
        srvFailed: "La ricerca del record SRV {name} non è riuscita ({code}).",
        asked: {
          system: "Il resolver DNS di questo server",
          one: "Il server DNS {servers}",
          many: "I server DNS {servers}",
        },
        reasons: {
          EREFUSED: "ha rifiutato di rispondere (REFUSED): non risolve questo nome per l'analizzatore.",
          ESERVFAIL: "ha segnalato un errore (SERVFAIL): i server dei nomi del dominio non hanno risposto, oppure le sue firme DNSSEC non sono valide.",
          ECONNREFUSED: "non è raggiungibile (connessione rifiutata).",
          EBADRESP: "ha inviato una risposta che non è DNS valido.",
          EFORMERR: "non è riuscito a leggere la richiesta (FORMERR).",
        },
      },
    },
    target: {
      singleLabel:
        "Questo analizzatore non cerca nomi a etichetta singola come {host}: si risolvono tramite i domini di ricerca di questo server. Inserisci il nome completo (ad esempio {host}.contoso.com). L'operatore può consentire i nomi interni con RCA_ALLOW_PRIVATE_TARGETS=true.",
      literalA:
        "Questo analizzatore non si connette a {address}: è un indirizzo di tipo {category}, e sono consentiti solo indirizzi pubblici. L'operatore può consentire le destinazioni private con RCA_ALLOW_PRIVATE_TARGETS=true.",
      literalAn:
        "Questo analizzatore non si connette a {address}: è un indirizzo di tipo {category}, e sono consentiti solo indirizzi pubblici. L'operatore può consentire le destinazioni private con RCA_ALLOW_PRIVATE_TARGETS=true.",
      literalOwn:
        "Questo analizzatore non si connette a {address}: è l'indirizzo dell'analizzatore stesso, e sono consentiti solo indirizzi pubblici. L'operatore può consentire le destinazioni private con RCA_ALLOW_PRIVATE_TARGETS=true.",
      resolvedA:
        "Questo analizzatore non si connette a {host}: si risolve in un indirizzo di tipo {category}, e sono consentiti solo indirizzi pubblici. L'operatore può consentire le destinazioni private con RCA_ALLOW_PRIVATE_TARGETS=true.",
      resolvedAn:
        "Questo analizzatore non si connette a {host}: si risolve in un indirizzo di tipo {category}, e sono consentiti solo indirizzi pubblici. L'operatore può consentire le destinazioni private con RCA_ALLOW_PRIVATE_TARGETS=true.",
      resolvedOwn:
        "Questo analizzatore non si connette a {host}: si risolve nell'indirizzo dell'analizzatore stesso, e sono consentiti solo indirizzi pubblici. L'operatore può consentire le destinazioni private con RCA_ALLOW_PRIVATE_TARGETS=true.",
    },
    tcp: {
      connect: {
        title: "Verifica della porta TCP {port} sull'host {host} per accertarsi che sia in ascolto e aperta.",
        ok: "La porta è stata aperta correttamente ({address}:{port}).",
      },
      errors: {
        timeout: "Nessuna risposta da {address} sulla porta {port} entro {ms} ms: un firewall potrebbe scartare la connessione.",
        refused: "La connessione a {address} sulla porta {port} è stata rifiutata: nessun servizio è in ascolto, oppure un firewall la respinge.",
        unreachable: "{address} sulla porta {port} non è raggiungibile ({code}).",
        failed: "La connessione a {address} sulla porta {port} non è riuscita ({code}).",
        failedUnknown: "La connessione a {address} sulla porta {port} non è riuscita (errore sconosciuto).",
        portForbidden:
          "La porta {port} non è tra quelle a cui questo analizzatore può connettersi (RCA_ALLOWED_PORTS={rule}): non è stato inviato nulla a {where}.",
        noAddress: "{host} non ha alcun indirizzo a cui connettersi.",
      },
    },
    tls: {
      errors: {
        timeoutSilent: "Il server ha accettato la connessione TCP ma non ha inviato nulla entro {ms} ms.",
        timeoutIncomplete: "Il server ha risposto ma non ha completato l'handshake entro {ms} ms.",
        plainTextGuess: "Il server ha risposto in chiaro, con un testo che sembra {protocol}, invece che in TLS: questa porta non usa TLS ({hint}).",
        plainText: "Il server ha risposto in chiaro invece che in TLS: questa porta non usa TLS (HTTP semplice, oppure un protocollo che richiede STARTTLS).",
        noSharedVersion:
          "Il server e l'analizzatore non hanno alcuna versione del protocollo TLS in comune: il server offre solo versioni obsolete (SSL 3.0 o precedenti).",
        certificateRefused: "OpenSSL ha rifiutato il certificato del server ({code}).",
        closed: "Il server ha chiuso la connessione durante l'handshake TLS.",
        notTls: "Il server ha risposto con dati che non sono TLS.",
        failed: "L'handshake TLS non è riuscito ({code}).",
        failedUnknown: "L'handshake TLS non è riuscito (errore sconosciuto).",
      },
    },
    certificate: {
      title: "Verifica del certificato SSL per accertarsi che sia valido.",
      obtain: {
        title: "Tentativo di ottenere il certificato SSL dal server remoto {host} sulla porta {port}.",
        noCertificate: "non è stato possibile ottenere alcun certificato SSL dal server.",
        unreadable: "Il server ha completato l'handshake ma non ha inviato alcun certificato leggibile.",
        ok: "L'analizzatore ha ottenuto correttamente il certificato SSL remoto. Soggetto del certificato remoto: {subject}, emittente: {issuer}. Negoziato {protocol} con {cipher}.",
        noModernTls:
          "L'analizzatore ha ottenuto correttamente il certificato SSL remoto. Soggetto del certificato remoto: {subject}, emittente: {issuer}. Negoziato {protocol} con {cipher}. L'analizzatore ha offerto tutte le versioni fino a {offered} e il server ha scelto {chosen}, quindi non supporta TLS 1.2 o versioni successive: i client Outlook, Windows e Microsoft 365 attuali non possono connettersi. Abilita TLS 1.2.",
        obsoleteTls:
          "L'analizzatore ha ottenuto correttamente il certificato SSL remoto. Soggetto del certificato remoto: {subject}, emittente: {issuer}. Negoziato {protocol} con {cipher}. {chosen} è obsoleto: i client attuali lo rifiutano. Abilita TLS 1.2 o versioni successive.",
      },
      summary: {
        valid: "Il certificato è valido.",
        validWithWarnings: "Il certificato è valido, con avvisi.",
        warningsBecause: "Il certificato presenta problemi, segnalati come avvisi perché {because}.",
        opportunisticTls: "la maggior parte dei server mittenti non convalida il certificato di STARTTLS opportunistico",
        ignoreTrustSelected: 'è selezionato "Ignora l\'attendibilità SSL"',
        invalid: "Non è stato possibile convalidare il certificato: vedi le verifiche non riuscite qui sotto.",
        notObtained: "Non è stato possibile ottenere il certificato SSL, quindi non è stato possibile convalidarlo.",
        hasProblems: "Il certificato presenta problemi: vedi le verifiche non riuscite qui sotto.",
      },
      name: {
        title: "Verifica del nome del certificato in corso.",
        titleMany: "Verifica dei nomi del certificato in corso ({count} nomi host).",
        titleHost: "Verifica del nome {host} nel certificato in corso.",
        summary: {
          success: "Tutti i nomi host sono presenti nel certificato.",
          warning: "I nomi host sono presenti nel certificato, con avvisi.",
          error: "Non tutti i nomi host sono presenti nel certificato: vedi i nomi qui sotto.",
        },
        ipFound: "L'indirizzo IP {host} è stato trovato nelle voci Nome alternativo soggetto (SAN) del certificato.",
        ipMismatch: "L'indirizzo IP {host} non è tra gli indirizzi IP del Nome alternativo soggetto (SAN) del certificato ({addresses}).",
        foundSan: "Il nome host {host} è stato trovato nelle voci Nome alternativo soggetto (SAN) del certificato.",
        foundSanWildcard: "Il nome host {host} è stato trovato nelle voci Nome alternativo soggetto (SAN) del certificato (wildcard {wildcard}).",
        foundCn:
          "Il nome host {host} è stato trovato nel nome comune (CN) del soggetto del certificato (il certificato non ha nomi alternativi del soggetto, quindi è stato usato il nome comune).",
        foundCnWildcard:
          "Il nome host {host} è stato trovato nel nome comune (CN) del soggetto del certificato (il certificato non ha nomi alternativi del soggetto, quindi è stato usato il nome comune) (wildcard {wildcard}).",
        mismatch: "Il nome host {host} non corrisponde ad alcun nome presente nel certificato. Nomi trovati: {names}.",
        mismatchCnOnly:
          "Il nome host {host} non corrisponde ad alcun nome presente nel certificato. Nomi trovati: {names}. Il certificato non ha nomi alternativi del soggetto (SAN); è stato verificato solo il nome comune.",
        mismatchCnIgnored:
          "Il nome host {host} non corrisponde ad alcun nome presente nel certificato. Nomi trovati: {names}. Il nome comune ({commonNames}) non viene usato perché sono presenti nomi alternativi del soggetto (SAN).",
      },
      trust: {
        title: "Convalida dell'attendibilità del certificato in corso.",
        trusted: "Il certificato è attendibile e nella catena sono presenti tutti i certificati necessari.",
        outOfOrder:
          "Il certificato è attendibile, ma il server invia la catena in un ordine errato ({order}); alcuni client non riescono a costruire il percorso di certificazione.",
        fromTrustStore: "archivio delle radici attendibili",
        sentAs: "inviato n. {number}",
        opensslOnlyRefuses:
          "OpenSSL rifiuta questa catena di certificati ({reason}), anche se la convalida del percorso eseguita dall'analizzatore non ha rilevato alcuna regola violata. Una catena rifiutata da OpenSSL non viene mai segnalata come attendibile: i client che la verificano allo stesso modo la rifiutano a loro volta.",
        selfSigned:
          "Il certificato è autofirmato (emesso da sé stesso: {subject}). I client non lo considerano attendibile a meno che non sia installato su ogni dispositivo.",
        untrustedRoot: 'La catena di certificati termina alla radice "{subject}", che non è presente nell\'archivio delle radici attendibili.',
        intermediateMissing:
          'Il server non ha inviato il certificato intermedio che ha emesso il suo certificato ("{issuer}"), e quel certificato non è una radice attendibile. I client che non scaricano da sé i certificati intermedi mancanti non riusciranno a connettersi.',
        chainStops:
          'La catena si interrompe al {top}: il suo emittente "{issuer}" non è stato inviato dal server e non è una radice attendibile. Aggiungi quel certificato intermedio alla catena inviata dal server (se "{issuer}" è a sua volta una radice, non è attendibile).',
        badSignatureStore:
          "La firma del {certificate} non risulta valida con la chiave pubblica di \"{issuer}\" (nell'archivio delle radici attendibili), il certificato che porta il nome del suo emittente: il certificato è stato alterato, oppure è stato firmato con un'altra chiave di un'autorità di certificazione con lo stesso nome (una CA che ha rinnovato la chiave e il cui certificato attuale non viene inviato dal server).",
        badSignatureSent:
          "La firma del {certificate} non risulta valida con la chiave pubblica di \"{issuer}\" (inviato come certificato n. {number}), il certificato che porta il nome del suo emittente: il certificato è stato alterato, oppure è stato firmato con un'altra chiave di un'autorità di certificazione con lo stesso nome (una CA che ha rinnovato la chiave e il cui certificato attuale non viene inviato dal server).",
        role: {
          server: 'certificato del server "{subject}"',
          intermediate: 'certificato intermedio "{subject}"',
          root: 'certificato radice "{subject}"',
        },
        refusedOpenSsl: "{refusal}. Anche OpenSSL rifiuta la catena ({reason}).",
        refusedOthers: "{refusal}. Altri problemi su questo percorso: {problems}.",
        refusedOthersOpenSsl: "{refusal}. Altri problemi su questo percorso: {problems}. Anche OpenSSL rifiuta la catena ({reason}).",
        refusedOthersMore: "{refusal}. Altri problemi su questo percorso: {problems} e altri {more}.",
        refusedOthersMoreOpenSsl: "{refusal}. Altri problemi su questo percorso: {problems} e altri {more}. Anche OpenSSL rifiuta la catena ({reason}).",
      },
      chain: {
        title: "Certificato {position} della catena: {subject}",
        fromTrustStore: "Emesso da {issuer}; valido dal {notBefore} al {notAfter}; dall'archivio delle radici attendibili.",
        sent: "Emesso da {issuer}; valido dal {notBefore} al {notAfter}; inviato dal server come certificato n. {number}.",
      },
      dates: {
        title: "Verifica delle date del certificato per confermarne la validità.",
        expired: "Il certificato del server è scaduto il {date}.",
        chainExpired: 'Il certificato della catena "{subject}" è scaduto il {date}.',
        notYetValid: "Il certificato del server non è ancora valido: lo sarà dal {date}.",
        chainNotYetValid: 'Il certificato della catena "{subject}" non è ancora valido: lo sarà dal {date}.',
        expiresInOneDay: "Il certificato scade tra {days} giorno ({date}). Rinnovalo prima che scada.",
        expiresSoon: "Il certificato scade tra {days} giorni ({date}). Rinnovalo prima che scada.",
        ok: "Convalida delle date superata. Il certificato non è scaduto. NotBefore = {notBefore}, NotAfter = {notAfter} (giorni rimanenti: {days}).",
      },
      strength: {
        title: "Verifica della robustezza della chiave e della firma del certificato.",
        weakRsa: "Il certificato ha una chiave RSA di {bits} bit; ne sono richiesti almeno {min}.",
        chainWeakRsa: 'Il certificato della catena "{subject}" ha una chiave RSA di {bits} bit; ne sono richiesti almeno {min}.',
        weakEc: "Il certificato ha una chiave a curva ellittica di {bits} bit ({curve}); ne sono richiesti almeno {min}.",
        chainWeakEc: 'Il certificato della catena "{subject}" ha una chiave a curva ellittica di {bits} bit ({curve}); ne sono richiesti almeno {min}.',
        weakSignature: "Il certificato del server è firmato con {algorithm}; le firme {hash} vengono rifiutate dai client attuali.",
        chainWeakSignature: 'Il certificato della catena "{subject}" è firmato con {algorithm}; le firme {hash} vengono rifiutate dai client attuali.',
        ok: "Il certificato usa una chiave {algorithm} a {bits} bit e una firma {signature}.",
        okNoSize: "Il certificato usa una chiave {algorithm} e una firma {signature}.",
      },
      usage: {
        title: "Verifica dell'Utilizzo chiavi avanzato (EKU) del certificato per l'autenticazione server.",
        unrestricted: "Il certificato non ha restrizioni di Utilizzo chiavi avanzato (EKU); l'autenticazione server è consentita.",
        allowed: "L'Utilizzo chiavi avanzato (EKU) del certificato consente l'autenticazione server ({usages}).",
        notAllowed:
          "L'Utilizzo chiavi avanzato (EKU) del certificato ({usages}) non include Autenticazione server (1.3.6.1.5.5.7.3.1); i client lo rifiuteranno per un server TLS.",
      },
    },
    revocation: {
      title: "Verifica dell'eventuale revoca del certificato.",
      certificate: { title: "Verifica dello stato di revoca del certificato {position} della catena: {subject}" },
      selfSigned: "Il certificato è autofirmato: nessuna autorità di certificazione può revocarlo, quindi non c'è uno stato di revoca da verificare.",
      noServices: "I certificati non indicano alcun servizio di revoca, quindi non è possibile verificarne la revoca.",
      summary: {
        success: "Nessun certificato della catena è stato revocato.",
        revokedIgnored: 'Un certificato della catena è stato revocato (segnalato come avviso perché è selezionato "Ignora l\'attendibilità SSL").',
        unconfirmed: "Non è stato possibile confermare lo stato di revoca di tutti i certificati: vedi qui sotto.",
        revoked: "Un certificato della catena è stato revocato: vedi qui sotto.",
      },
      noService:
        "Il certificato non indica alcun servizio di revoca (nessun risponditore OCSP in Authority Information Access, nessun punto di distribuzione CRL): i client non possono verificare se è stato revocato.",
      issuerMissing:
        "L'emittente del certificato non è nella catena, quindi non è possibile verificarne la revoca: sia OCSP sia le CRL richiedono il certificato dell'emittente.",
      unchecked:
        "Non è stato possibile verificare lo stato di revoca: {failures} Non possono farlo nemmeno i client che verificano la revoca: alcuni rifiutano la connessione, altri la accettano senza saperlo.",
      source: {
        ocsp: "Il risponditore OCSP {url}",
        ocspGet: "Il risponditore OCSP {url} (interrogato con GET dopo che il POST non è riuscito)",
        crl: "La CRL all'indirizzo {url}",
        crlCached: "La CRL all'indirizzo {url} (dalla cache)",
      },
      revoked: "{source} indica che il certificato è stato revocato {when}. I client lo rifiutano: sostituisci il certificato.",
      unknown:
        '{source} non conosce questo certificato (stato "unknown"): i client non possono confermare che non sia stato revocato. Il risponditore potrebbe non servire questa CA, oppure il certificato non è nel suo database.',
      unknownTriedFirst:
        '{source} non conosce questo certificato (stato "unknown"): i client non possono confermare che non sia stato revocato. Il risponditore potrebbe non servire questa CA, oppure il certificato non è nel suo database. Tentativi precedenti: {failures}',
      good: "{source} indica che il certificato è valido: non revocato ({validity}).",
      notListed: "{source} non elenca il numero di serie del certificato {serialNumber}: non revocato ({validity}).",
      goodTriedFirst: "{good}. Tentativi precedenti: {failures} I client che interrogano solo quel servizio non possono verificare la revoca.",
      when: {
        dated: "il {date} (nessun motivo indicato)",
        datedReason: "il {date} (motivo: {reason})",
        undated: "in una data non indicata (nessun motivo indicato)",
        undatedReason: "in una data non indicata (motivo: {reason})",
      },
      validity: {
        signed: "firmata {signer}, valida dal {thisUpdate}",
        signedUntil: "firmata {signer}, valida dal {thisUpdate} al {nextUpdate}",
        current: "valida dal {thisUpdate}",
        currentUntil: "valida dal {thisUpdate} al {nextUpdate}",
      },
      signer: { issuer: "dalla CA emittente", delegated: "dal risponditore delegato {subject}" },
      stapling: {
        title: "Verifica della risposta OCSP allegata dal server (OCSP stapling).",
        noCertificate: "non è stato ottenuto alcun certificato.",
        none: "Il server non allega una risposta OCSP (OCSP stapling): ogni client interroga da sé il risponditore della CA. Lo stapling (abilitato per impostazione predefinita in IIS) risparmia ai client questa richiesta e continua a funzionare quando il risponditore è lento.",
        noneNoResponder: "Il server non allega una risposta OCSP (il certificato non indica alcun risponditore OCSP, quindi non c'è nulla da allegare).",
        unverifiable: "Il server allega una risposta OCSP, ma l'emittente del certificato non è nella catena, quindi non è possibile verificarla.",
        invalid:
          "{failure} I client ignorano una risposta allegata non valida (e rifiutano la connessione quando il certificato richiede lo stapling): il server deve aggiornarla dal risponditore della CA prima che scada.",
        revoked:
          "Il server allega una risposta OCSP secondo cui il suo certificato è stato revocato {when}. I client lo rifiutano: sostituisci il certificato.",
        unknown: 'Il server allega una risposta OCSP con stato "unknown": i client non possono usarla per confermare che il certificato non sia revocato.',
        good: "Il server allega una risposta OCSP valida e aggiornata: il certificato è valido ({validity}).",
      },
    },
    protocols: {
      title: "Verifica delle versioni del protocollo TLS accettate dal server.",
      accepts: "Il server accetta {accepted}.",
      acceptsRefuses: "Il server accetta {accepted}; rifiuta {refused}.",
      acceptsNone: "Il server non accetta nessuna delle versioni offerte.",
      acceptsNoneRefuses: "Il server non accetta nessuna delle versioni offerte; rifiuta {refused}.",
      noModern:
        "{summary}. Il server non accetta né TLS 1.2 né TLS 1.3: i client Outlook, Windows e Microsoft 365 attuali non possono connettersi. Abilita TLS 1.2 (e 1.3, se il server lo supporta).",
      obsoleteOne: "{summary}. {version} è obsoleto (RFC 8996): disabilitalo quando nessun client meno recente ne avrà più bisogno.",
      obsoleteMany: "{summary}. {versions} e {last} sono obsoleti (RFC 8996): disabilitali quando nessun client meno recente ne avrà più bisogno.",
    },
    mutualAuth: {
      ok: "L'autenticazione reciproca è stata verificata correttamente. Il nome comune del certificato {cn} corrisponde a {principal}.",
      sanOnly:
        "Il nome alternativo del soggetto (SAN) {san} del certificato corrisponde a {principal}, ma il nome comune ({cn}) no. Outlook su Windows Vista e versioni successive accetta una corrispondenza con il nome alternativo del soggetto; i client meno recenti richiedono che corrisponda il nome comune.",
      mismatch:
        "Il nome comune del certificato {cn} non corrisponde alla stringa di autenticazione reciproca fornita: {principal}. Il nome dell'entità che funzionerebbe è {suggested}.",
      mismatchSans:
        "Il nome comune del certificato {cn} non corrisponde alla stringa di autenticazione reciproca fornita: {principal}. Nomi alternativi del soggetto: {sans}. Il nome dell'entità che funzionerebbe è {suggested}.",
      mismatchNoCn:
        "Il nome comune del certificato (nessuno) non corrisponde alla stringa di autenticazione reciproca fornita: {principal}. Il certificato non ha un nome comune, quindi per i client meno recenti nessun nome dell'entità msstd: può corrispondervi.",
      mismatchNoCnSans:
        "Il nome comune del certificato (nessuno) non corrisponde alla stringa di autenticazione reciproca fornita: {principal}. Nomi alternativi del soggetto: {sans}. Il certificato non ha un nome comune, quindi per i client meno recenti nessun nome dell'entità msstd: può corrispondervi.",
    },
    certfile: {
      read: {
        title: "Lettura dei certificati incollati.",
        leafUnreadable: "Non è stato possibile leggere il primo certificato (il certificato foglia): non è un certificato X.509 valido.",
        noneReadable: "Non è stato possibile leggere alcun certificato dal testo incollato.",
        okOne: "Letto {count} certificato, a partire dal certificato foglia: {list}.",
        ok: "Letti {count} certificati, a partire dal certificato foglia: {list}.",
      },
      check: {
        title: "Verifica del certificato per accertarsi che sia valido.",
        titleOn: "Verifica del certificato per accertarsi che sia valido il {date}.",
      },
      principal: {
        title: "Verifica del nome dell'entità msstd: usato da Outlook Anywhere.",
        advice:
          "Non è stato indicato alcun nome dell'entità. Il nome dell'entità che funziona con questo certificato è {principal}: impostalo con Set-OutlookProvider EXPR -CertPrincipalName:\"{principal}\".",
        noCommonName:
          "Non è stato indicato alcun nome dell'entità, e il certificato non ha un nome comune: il nome dell'entità msstd: di Outlook Anywhere può corrispondere solo a un nome alternativo del soggetto, e solo sui client attuali.",
      },
    },
    common: {
      none: "nessuno",
      list: "{first}, {rest}",
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
    ignoredTrust: {
      sentence: '{message}. (Ignorato: è selezionato "Ignora l\'attendibilità SSL".)',
      phrase: '{message} (Ignorato: è selezionato "Ignora l\'attendibilità SSL".)',
    },
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
    labels: detailLabelsIt,
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
    "smtp-inbound": {
      title: "Posta SMTP in ingresso",
      summary:
        "Verifica che un dominio possa ricevere posta da Internet come lo vede un server mittente: i record MX, il banner e la risposta a EHLO di ogni mail exchanger, STARTTLS e il relativo certificato, un destinatario, il controllo di open relay e i record MTA-STS, DANE e TLS-RPT del dominio. Non viene mai recapitato nulla.",
      about: {
        step1:
          "Cerca i record MX del dominio in ordine di preferenza (senza MX, l'indirizzo del dominio stesso, come prevede RFC 5321). Un MX nullo indica che il dominio non accetta posta.",
        step2:
          "Prova un mail exchanger alla volta, come fa un server mittente, finché uno non accetta un dialogo SMTP: DNS, la porta TCP, il banner 220 (il nome confrontato con il DNS inverso dell'indirizzo) ed EHLO con le estensioni offerte (SIZE, STARTTLS, PIPELINING…). L'analizzatore si presenta come rca-analyzer.invalid.",
        step3:
          "Avvia TLS con STARTTLS e verifica il certificato; i problemi del certificato sono avvisi, perché la maggior parte dei mittenti non convalida il TLS opportunistico. Poi invia di nuovo EHLO su TLS.",
        step4:
          "Con un destinatario, chiede se il server accetta posta per quell'indirizzo; poi verifica che rifiuti di inoltrare posta tra due indirizzi esterni. Non invia mai DATA: non viene recapitato nulla.",
        step5:
          "Verifica la policy MTA-STS del dominio (il record TXT _mta-sts e la policy pubblicata su HTTPS, con i suoi modelli MX e la modalità), i record TLSA DANE del mail exchanger rispetto al suo certificato e il record TLS-RPT per i report sugli errori TLS.",
      },
    },
    "smtp-outbound": {
      title: "Posta SMTP in uscita",
      summary:
        "Verifica cosa controllano i server di posta destinatari sul tuo server mittente prima di accettarne la posta: il DNS inverso del suo indirizzo IP, le DNS block list e, con un dominio, i relativi record SPF e DMARC.",
      about: {
        step1:
          "Interroga solo il DNS sull'indirizzo: nessuna connessione viene aperta verso di esso. Un indirizzo privato viene rifiutato, perché gli altri server di posta non lo vedono mai.",
        step2:
          "Cerca il record DNS inverso (PTR) dell'indirizzo IP e verifica che il nome si risolva nello stesso indirizzo (DNS inverso confermato dal DNS diretto), come fanno i server destinatari.",
        step3:
          "Chiede a ogni DNS block list (Spamhaus ZEN, SpamCop, Barracuda, PSBL, Mailspike, salvo diversa scelta dell'amministratore) se l'indirizzo è in elenco, con il motivo indicato dalla lista.",
        step4:
          "Con un dominio, valuta il suo record SPF per l'indirizzo come fa un destinatario per la posta da postmaster@<domain> (meccanismi include, redirect, a, mx, ptr ed exists, entro il limite di 10 ricerche DNS di RFC 7208) e mostra quale meccanismo ha deciso.",
        step5: "Con un dominio, legge il suo record DMARC (in _dmarc.<domain>, altrimenti nel dominio organizzativo) e mostra la policy.",
      },
    },
    imap: {
      title: "IMAP",
      summary:
        "Si connette a un server IMAP come fa un client di posta: TLS immediato (993) o dopo STARTTLS (143), il certificato, il messaggio di benvenuto e le funzionalità e, con le credenziali, l'accesso e il conteggio dei messaggi della Posta in arrivo.",
      about: {
        step1: "Risolve il nome host nel DNS e apre la porta TCP (993 per TLS implicito, 143 per STARTTLS, salvo diversa indicazione).",
        step2:
          "Con TLS implicito, esegue subito l'handshake e convalida il certificato come fanno i client di posta: nome, catena e attendibilità, date, robustezza, utilizzo.",
        step3: "Legge il messaggio di benvenuto del server e le sue funzionalità (IMAP4rev1, IDLE, AUTH=PLAIN, LOGINDISABLED, STARTTLS…).",
        step4:
          "Con STARTTLS, verifica che sia offerto (altrimenti le password attraverserebbero la rete in chiaro), avvia TLS, convalida il certificato e legge di nuovo le funzionalità.",
        step5:
          "Con le credenziali (inviate solo su TLS il cui certificato ha superato ogni verifica), accede con LOGIN, oppure con AUTHENTICATE PLAIN se LOGIN è disabilitato, e conta i messaggi della Posta in arrivo con STATUS, che non modifica nulla. Poi si disconnette.",
      },
    },
    pop: {
      title: "POP",
      summary:
        "Si connette a un server POP3 come fa un client di posta: TLS immediato (995) o dopo STLS (110), il certificato, il messaggio di benvenuto e le funzionalità e, con le credenziali, l'accesso e il conteggio dei messaggi della cassetta postale.",
      about: {
        step1: "Risolve il nome host nel DNS e apre la porta TCP (995 per TLS implicito, 110 per STARTTLS, salvo diversa indicazione).",
        step2:
          "Con TLS implicito, esegue subito l'handshake e convalida il certificato come fanno i client di posta: nome, catena e attendibilità, date, robustezza, utilizzo.",
        step3: "Legge il messaggio di benvenuto del server e le sue funzionalità con CAPA (TOP, UIDL, SASL PLAIN, USER, STLS…).",
        step4:
          "Con STLS, verifica che sia offerto (altrimenti le password attraverserebbero la rete in chiaro), avvia TLS, convalida il certificato e legge di nuovo le funzionalità.",
        step5:
          "Con le credenziali (inviate solo su TLS il cui certificato ha superato ogni verifica), accede con USER e PASS, oppure con AUTH PLAIN se USER non è offerto, e conta i messaggi della cassetta postale con STAT, che non modifica nulla. Poi si disconnette con QUIT (non viene eliminato nulla).",
      },
    },
    "certificate-file": {
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
  },
  fields: {
    common: {
      security: { label: "Crittografia" },
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
    "smtp-inbound": {
      domain: {
        label: "Dominio",
        hint: "Il dominio che riceve la posta (la parte dopo la @): i suoi record MX indicano i server da verificare. Oppure lascialo vuoto e indica un server di posta qui sotto.",
      },
      host: {
        label: "Server di posta",
        hint: "Oppure un singolo server di posta da verificare direttamente, senza ricerca MX (in tal caso MTA-STS, DANE e TLS-RPT non vengono verificati).",
      },
      port: { hint: "25, la porta su cui i server si recapitano la posta tra loro. Un'altra porta solo per un ambiente di test." },
      recipient: {
        label: "Destinatario",
        hint: "Facoltativo: un indirizzo del dominio. Il test chiede al server se accetta posta per quell'indirizzo (MAIL FROM, RCPT TO, poi RSET): non viene inviato nulla.",
      },
      relayCheck: {
        label: "Verifica l'open relay",
        hint: "Chiede al server di accettare posta da un indirizzo esterno (example.com) verso un altro indirizzo esterno (example.net); il server deve rifiutare. Non viene inviato nulla.",
      },
    },
    "smtp-outbound": {
      ip: {
        label: "Indirizzo IP del server mittente",
        hint: "L'indirizzo IP pubblico da cui invia il tuo server di posta (o il NAT del suo firewall), come lo vedono i destinatari: lo mostra la prima intestazione Received di un messaggio inviato a una cassetta postale esterna.",
      },
      domain: {
        label: "Dominio mittente",
        hint: "Facoltativo: il dominio degli indirizzi dei tuoi mittenti (contoso.com), per verificare che il suo record SPF autorizzi questo indirizzo IP e che abbia una policy DMARC.",
      },
    },
    imap: {
      host: {
        label: "Server IMAP",
        hint: "Il nome host che i client di posta usano per la posta in arrivo (IMAP), ad es. imap.contoso.com o outlook.office365.com.",
      },
      security: {
        hint: "Il TLS implicito cifra fin dal primo byte (porta 993); STARTTLS inizia senza crittografia e passa a TLS con il comando STARTTLS (porta 143).",
      },
      port: {
        hint: "Lascia vuoto per usare 993 con TLS implicito o 143 con il comando di upgrade, a meno che il server non sia in ascolto su un'altra porta.",
      },
    },
    pop: {
      host: {
        label: "Server POP",
        hint: "Il nome host che i client di posta usano per la posta in arrivo (POP3), ad es. pop.contoso.com o outlook.office365.com.",
      },
      security: {
        hint: "Il TLS implicito cifra fin dal primo byte (porta 995); STLS inizia senza crittografia e passa a TLS con il comando STLS (porta 110).",
      },
      port: {
        hint: "Lascia vuoto per usare 995 con TLS implicito o 110 con il comando di upgrade, a meno che il server non sia in ascolto su un'altra porta.",
      },
    },
    "certificate-file": {
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
  },
  chainPicture: chainPictureIt,
  validation: validationIt,
  choiceLabels: choiceLabelsIt,
  textExport: textExportIt,
};
