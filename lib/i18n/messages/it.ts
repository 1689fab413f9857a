import { testEntries, testFields, testSteps } from "@/lib/analyzers/messages";
import { chainPictureIt } from "./chain-picture";
import { choiceLabelsIt, detailLabelsIt } from "./detail-labels";
import { autodiscoverStepsIt } from "./steps/autodiscover";
import { ctCaaStepsIt } from "./steps/ct-caa";
import { httpStepsIt } from "./steps/http";
import { mailboxStepsIt } from "./steps/mailbox";
import { pathValidationStepsIt } from "./steps/path-validation";
import { textExportIt } from "./text-export";
import { validationIt } from "./validation";
import { vantagesIt } from "./vantages";
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
    vantages: {
      heading: "Punti di osservazione",
      hint: "Esegui il test contemporaneamente da ogni luogo scelto e confronta fianco a fianco ciò che ciascuno ha visto. Nessuna scelta: lo esegue un worker qualsiasi.",
      workers: "({count, plural, one {# worker} other {# worker}})",
    },
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
    vantagesHeading: "Fianco a fianco",
    vantagesIntro:
      "Lo stesso test, eseguito contemporaneamente da ogni punto di osservazione. I passaggi che hanno visto qualcosa di diverso sono evidenziati.",
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
    ...testSteps("it"),
    mailbox: mailboxStepsIt,
    ctCaa: ctCaaStepsIt,
    pathValidation: pathValidationStepsIt,
    dns: {
      resolve: {
        title: "Tentativo di risolvere il nome host {host} nel DNS.",
        ipLiteral: "{host} è un indirizzo IP; non è stata necessaria alcuna ricerca DNS.",
        ok: "Il nome host è stato risolto correttamente. Indirizzi IP: {addresses}.",
      },
      records: {
        failed: "La ricerca {type} di {name} non è riuscita ({code}).",
        failedUnknown: "La ricerca {type} di {name} non è riuscita (errore sconosciuto).",
        tlsaNoServer: "La ricerca TLSA di {name} non è riuscita (nessun server DNS ha risposto).",
        timeout: "Nessuna risposta DNS per il record {type} di {name} entro {ms} ms.",
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
    queue: {
      title: "Esecuzione del test su un worker.",
      waitTimeout: "Nessun worker ha preso questo test in tempo: erano tutti occupati.",
      noWorker: "Nessun worker è in esecuzione per prendere questo test.",
      finishTimeout: "Il test non è terminato in tempo sul suo worker.",
      failed: "Il worker che eseguiva questo test si è fermato o ha fallito, e così il nuovo tentativo: il test non è stato completato.",
      left: "Il client se n'è andato prima che un worker prendesse questo test: è stato tolto dalla coda.",
      unreachable: "La coda dei lavori non era raggiungibile: il test non è stato inviato a un worker.",
    },
    vantage: {
      title: "Dal punto di osservazione {name}",
      success: "Tutti i passaggi superati da {name}.",
      warning: "Superato con avvisi da {name}.",
      error: "Non superato da {name}.",
    },
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
  tests: testEntries("it"),
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
    ...testFields("it"),
  },
  chainPicture: chainPictureIt,
  validation: validationIt,
  vantages: vantagesIt,
  choiceLabels: choiceLabelsIt,
  textExport: textExportIt,
};
