import { CERTIFICATE_HELP as EN } from "../certificate";
import { italianPage } from "./fixes";
import type { HelpPages } from "../types";

/** "Ignore trust for SSL": the same paragraph on every certificate page (IGNORE_TRUST_DETAIL in lib/help/commands.ts). */
const IGNORE_TRUST_DETAIL =
  "Con \"Ignora l'attendibilità SSL\" selezionato, l'analizzatore segnala questo problema (come ogni controllo del certificato) come avviso invece che come errore e prosegue con i passaggi successivi; i client reali rifiutano comunque il certificato. Nessun test invia la password che hai inserito su una connessione del genere (Autodiscover, Outlook Anywhere, EWS, ActiveSync, MAPI over HTTP): le credenziali vengono inviate solo quando OpenSSL accetta la catena, il nome corrisponde e la connessione usa TLS 1.2 o successivo.";

const NEW_REQUEST = "Crea una richiesta di certificato (nuova coppia di chiavi) sul server Exchange; invia il file .req alla CA";
const COMPLETE_REQUEST =
  "Completa la richiesta in sospeso con la risposta della CA, poi assegna il certificato (usa la tua identificazione personale; aggiungi IMAP,POP se sono in uso)";

/** Il certificato del server: nomi, date, robustezza della chiave e della firma, utilizzi consentiti. */
export const CERTIFICATE_HELP_IT = {
  CERT_NAME_MISMATCH: italianPage(EN.CERT_NAME_MISMATCH, {
    title: "Il nome del certificato non corrisponde al nome host",
    summary:
      "Il certificato presentato dal server non è valido per il nome a cui si è connesso l'analizzatore: il nome host non è tra i Subject Alternative Name (nomi DNS) del certificato e, per un certificato senza alcun Subject Alternative Name DNS, nemmeno nel common name del soggetto. Per una destinazione indicata come indirizzo IP, l'indirizzo deve essere un Subject Alternative Name di tipo indirizzo IP.",
    details: [
      "L'analizzatore segue l'RFC 6125, come i browser e i client Windows attuali: se il certificato contiene Subject Alternative Name DNS, contano solo quelli e il common name viene ignorato; il common name viene usato solo quando non ci sono SAN DNS. Un carattere jolly deve occupare l'intera etichetta più a sinistra e copre esattamente un'etichetta: `*.contoso.com` corrisponde a `mail.contoso.com`, ma non a `contoso.com` né a `mail.eu.contoso.com`; i caratteri jolly parziali come `m*.contoso.com` non sono accettati.",
      "I dettagli del passaggio elencano il soggetto del certificato, i common name e tutte le voci SAN. Se mostrano un certificato inatteso (`CN=EX01` o il certificato predefinito di un provider di hosting), il server ha presentato il proprio binding predefinito: non esiste un binding per questo nome host su questo indirizzo, oppure la connessione ha raggiunto un server diverso da quello che pensi (vecchio record DNS, bilanciamento del carico, un altro sito).",
      "È una regola diversa dall'autenticazione reciproca di Outlook Anywhere (MUTUAL_AUTH_MISMATCH), che confronta letteralmente il nome dell'entità msstd: e non applica le regole dei caratteri jolly.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Outlook mostra un Avviso di sicurezza a ogni avvio: "Il nome del certificato di sicurezza non è valido o non corrisponde al nome del sito".',
      'Browser: NET::ERR_CERT_COMMON_NAME_INVALID / "La connessione non è privata"; i dispositivi ActiveSync smettono di sincronizzare o chiedono di accettare il certificato.',
      "I connettori di Exchange Online o i sistemi dei partner che verificano il nome del certificato falliscono il TLS e mettono in coda la posta.",
    ],
    causes: [
      "Il certificato non contiene questo nome, ad es. `autodiscover.contoso.com` manca dall'elenco dei SAN, oppure è presente solo `contoso.com`.",
      'Exchange serve ancora il proprio certificato autofirmato "Microsoft Exchange" (`CN=EX01`), oppure a IIS o SMTP è assegnato il certificato sbagliato.',
      "Non esiste un binding o un binding SNI per questo nome host, quindi viene restituito il certificato predefinito del server.",
      "I client usano il nome interno del server (`ex01.corp.contoso.com`), che dal 2015 le CA pubbliche non possono più includere nei certificati.",
      "Il nome si trova due livelli sotto un carattere jolly (`mail.eu.contoso.com` con `*.contoso.com`).",
    ],
    fixes: [
      { text: "Guarda quale certificato e quali nomi presenta il server (per SMTP aggiungi `-starttls smtp` e la porta)." },
      { text: "In Exchange, elenca i certificati, trovane uno che contenga il nome e assegnalo. Poi controlla il binding di HTTP.sys." },
      {
        text: "Se nessun certificato contiene tutti i nomi necessari, richiedine uno nuovo che elenchi ogni nome usato dai client (di solito `mail.contoso.com` e `autodiscover.contoso.com`), completalo e assegnalo.",
        descriptions: [NEW_REQUEST, COMPLETE_REQUEST],
      },
      {
        text: "Oppure cambia i nomi host forniti ai client con nomi presenti nel certificato, in modo che Autodiscover restituisca quelli giusti (`Set-ClientAccessService` è disponibile da Exchange 2016; in Exchange 2013 usa `Set-ClientAccessServer`). Controlla anche ExternalUrl/InternalUrl delle altre directory virtuali (`Get-WebServicesVirtualDirectory`, `Get-OabVirtualDirectory`, `Get-MapiVirtualDirectory`, `Get-ActiveSyncVirtualDirectory`).",
      },
      {
        text: "Su nginx/Apache, emetti un certificato che contenga tutti i nomi e configura `server_name mail.contoso.com autodiscover.contoso.com;` (nginx) oppure `ServerName`/`ServerAlias` (Apache), in modo che l'SNI selezioni il virtual host giusto.",
        descriptions: ["Linux/nginx con Let's Encrypt"],
      },
    ],
  }),
  CERT_EXPIRED: italianPage(EN.CERT_EXPIRED, {
    title: "Certificato scaduto",
    summary:
      "Il certificato del server, o un certificato di CA della catena che lo porta alla radice, ha superato la data NotAfter. Tutti i client lo rifiutano.",
    details: [
      "L'analizzatore verifica il periodo di validità di ogni certificato del percorso, dal certificato del server fino all'ancora di attendibilità, rispetto al proprio orologio (UTC). Il messaggio indica quale certificato è scaduto: di solito quello del server, a volte un certificato intermedio che il server invia ancora benché la CA lo abbia sostituito.",
      "Rinnovare il certificato non basta: quello nuovo va assegnato a ogni servizio e a ogni dispositivo che termina il TLS per quel nome (tutti i server Exchange, i bilanciamenti del carico, i reverse proxy come Web Application Proxy e i connettori ibridi che vi fanno riferimento).",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Outlook: "Il certificato di sicurezza è scaduto o non è ancora valido"; browser: NET::ERR_CERT_DATE_INVALID; i dispositivi mobili smettono di sincronizzare.',
      "Il flusso di posta ibrido con Exchange Online si interrompe quando scade il certificato del connettore; i partner che impongono il TLS mettono in coda la posta.",
    ],
    causes: [
      "Il rinnovo è stato dimenticato, oppure il rinnovo automatico (certbot, win-acme) fallisce da tempo senza segnalarlo.",
      "Un certificato rinnovato è stato importato ma non assegnato: IIS/SMTP usano ancora la vecchia identificazione personale.",
      "Rinnovato su un server ma non sugli altri, o non sul bilanciamento del carico/reverse proxy.",
      "Su Linux, il servizio non è stato ricaricato dopo il rinnovo (nessun deploy hook di certbot).",
      "Nel file della catena o nell'archivio Autorità di certificazione intermedie è ancora configurato un certificato intermedio scaduto.",
    ],
    fixes: [
      { text: "Controlla le date di ciò che viene effettivamente servito ed elenca i certificati di Exchange scaduti o in scadenza." },
      {
        text: "Rinnovo in Exchange: crea una richiesta di rinnovo dal certificato esistente, fallo emettere dalla CA, importalo e assegnalo agli stessi servizi.",
        descriptions: ["Richiesta di rinnovo", COMPLETE_REQUEST],
      },
      {
        text: "Copia il nuovo certificato su ogni altro server Exchange e dispositivo che serve quel nome, aggiorna i connettori che fanno riferimento al certificato per autorità emittente e soggetto (`TlsCertificateName`) e rimuovi quello scaduto solo quando nulla lo usa più.",
      },
      {
        text: "Su Linux con Let's Encrypt, rinnova e ricarica ogni servizio che usa il certificato, e aggiungi un deploy hook perché la prossima volta avvenga automaticamente.",
      },
      {
        text: "Se è scaduto un certificato intermedio, scarica l'intermedio (bundle) attuale della CA e sostituisci il file della catena, oppure sostituisci il certificato nell'archivio Autorità di certificazione intermedie (vedi CERT_CHAIN_INCOMPLETE).",
      },
    ],
  }),
  CERT_NOT_YET_VALID: italianPage(EN.CERT_NOT_YET_VALID, {
    title: "Certificato non ancora valido",
    summary:
      "Il certificato del server, o un certificato di CA della sua catena, ha una data NotBefore nel futuro rispetto all'orologio dell'analizzatore. I client lo rifiutano esattamente come rifiutano un certificato scaduto.",
    details: [
      "Succede molto meno spesso della scadenza e quasi sempre riguarda un orologio o un'installazione prematura: un certificato emesso con una data di inizio futura è stato installato troppo presto, oppure un orologio (del server, del client o dell'analizzatore) è sbagliato. Il messaggio mostra l'ora NotBefore in UTC; confrontala con l'ora UTC attuale.",
      "I client giudicano con il proprio orologio, quindi un PC il cui orologio è indietro rifiuta un certificato appena emesso per i primi minuti o le prime ore. Se il problema lo segnala solo questo analizzatore e il suo orologio è sbagliato, avvisa chi gestisce l'istanza.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Outlook: "Il certificato di sicurezza è scaduto o non è ancora valido"; browser: NET::ERR_CERT_DATE_INVALID.',
      "Il problema compare subito dopo un cambio di certificato e può sparire da solo una volta raggiunta la data di inizio.",
    ],
    causes: [
      "Un certificato rinnovato con una data di inizio futura (alcune CA permettono di sceglierla) è stato assegnato prima di quella data.",
      "Il certificato è stato emesso pochi minuti fa e l'orologio del client è indietro (niente NTP, fuso orario trattato come UTC, deriva dell'orologio di una macchina virtuale).",
      "L'orologio di un server CA interno è avanti, quindi emette certificati che iniziano nel futuro.",
    ],
    fixes: [
      { text: "Confronta il NotBefore del certificato con l'ora UTC attuale." },
      {
        text: "Correggi gli orologi: sui membri di un dominio Windows l'ora viene dalla gerarchia del dominio (l'emulatore PDC dovrebbe sincronizzarsi con una fonte NTP esterna); su Linux usa chrony o systemd-timesyncd.",
      },
      {
        text: "Se il nuovo certificato semplicemente non è ancora valido, torna al certificato precedente (ancora valido) fino alla data di inizio, poi assegna quello nuovo.",
      },
    ],
  }),
  CERT_EXPIRING_SOON: italianPage(EN.CERT_EXPIRING_SOON, {
    title: "Il certificato scade entro 30 giorni",
    summary:
      "Il certificato del server è ancora valido ma scade tra meno di 30 giorni. Per ora non c'è nulla di rotto; rinnovalo subito, perché sostituire un certificato su Exchange, sui bilanciamenti del carico e sui connettori dei partner richiede pianificazione.",
    details: [
      "L'analizzatore avvisa quando mancano meno di 30 giorni alla data NotAfter del certificato del server; il messaggio mostra la data esatta e il numero di giorni rimasti.",
      "La durata dei certificati si sta accorciando: in base al ballot SC-081 del CA/Browser Forum, i certificati TLS pubblicamente attendibili potranno durare al massimo 200 giorni da marzo 2026, 100 giorni da marzo 2027 e 47 giorni da marzo 2029. Il rinnovo diventerà un'attività di routine da automatizzare (ACME: certbot, win-acme; oppure l'automazione della tua CA) anziché un compito annuale.",
      "Ricorda tutti i posti in cui si trova il certificato: tutti i server Exchange (IIS, SMTP, IMAP, POP), i bilanciamenti del carico e i reverse proxy, Web Application Proxy/ADFS e i connettori che vi fanno riferimento per nome (`TlsCertificateName` sui connettori di invio e di ricezione, i connettori ibridi in Exchange Online). Se il nuovo certificato viene da una CA emittente diversa, vanno aggiornati i connettori che fanno riferimento all'autorità emittente.",
    ],
    symptoms: [
      "Ancora nessun sintomo visibile agli utenti; dopo la data di scadenza tutti i client falliscono (vedi CERT_EXPIRED).",
      "`Get-ExchangeCertificate` mostra una data NotAfter a meno di 30 giorni; il monitoraggio potrebbe iniziare a segnalare il certificato.",
    ],
    causes: [
      "Normale fine della durata del certificato, senza rinnovo automatico.",
      "Il rinnovo automatico esiste ma fallisce (account ACME scaduto, convalida DNS/HTTP non più raggiungibile, regole del firewall modificate).",
    ],
    fixes: [
      { text: "Elenca i certificati che scadono entro 30 giorni." },
      {
        text: "Rinnova subito, con gli stessi passaggi di un certificato scaduto: richiesta di rinnovo, importazione, assegnazione agli stessi servizi, copia su tutti i server e i dispositivi, aggiornamento di `TlsCertificateName` dove è usato.",
      },
      { text: "Su Linux con ACME, prova il percorso di rinnovo, così che il rinnovo automatico funzioni davvero." },
    ],
  }),
  CERT_WEAK_KEY: italianPage(EN.CERT_WEAK_KEY, {
    title: "Chiave del certificato debole (RSA sotto i 2048 bit, EC sotto i 256 bit)",
    summary:
      "La chiave pubblica di un certificato è troppo corta, di solito quella del certificato del server, a volte quella di un certificato di CA della sua catena: una chiave RSA sotto i 2048 bit, oppure una chiave a curva ellittica sotto i 256 bit (ad esempio P-192). Chiavi del genere sono considerate violabili, le CA non le emettono più e i client più rigorosi le rifiutano.",
    details: [
      "L'RSA a 1024 bit è stato vietato per i certificati pubblicamente attendibili alla fine del 2013, e il livello di sicurezza predefinito di OpenSSL nelle distribuzioni Linux attuali rifiuta durante l'handshake le chiavi RSA sotto i 2048 bit. L'analizzatore richiede almeno RSA a 2048 bit o una curva a 256 bit (P-256 o superiore) su ogni certificato del percorso che ha costruito, il certificato del server e le CA sopra di esso; il messaggio indica il certificato e mostra tipo e dimensione della chiave.",
      'Una chiave debole si corregge solo generando una nuova coppia di chiavi. Rinnovare un certificato con la stessa chiave (alcuni strumenti permettono di "rinnovare con la stessa chiave") lascia il problema.',
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'I client Linux, Java attuale e alcuni dispositivi mobili falliscono l\'handshake ("ee key too small"); i browser rifiutano il certificato.',
      "Gli scanner di sicurezza segnalano una chiave debole.",
    ],
    causes: [
      "Una vecchia richiesta di certificato creata con chiavi a 1024 bit (impostazioni predefinite di vecchie appliance, script datati, `-KeySize 1024`).",
      "Un modello di una CA interna con dimensione minima della chiave di 1024 bit.",
    ],
    fixes: [
      { text: "Controlla la dimensione della chiave." },
      {
        text: "In Exchange, crea una nuova richiesta con una nuova chiave a 2048 bit (o 4096 bit), completala e assegnala.",
        descriptions: [NEW_REQUEST, COMPLETE_REQUEST],
      },
      {
        text: "Con OpenSSL, genera una nuova chiave RSA a 2048 bit o EC P-256 e la richiesta (OpenSSL 1.1.1+ per `-addext`); su una CA AD CS porta a 2048 la dimensione minima della chiave del modello.",
      },
    ],
  }),
  CERT_WEAK_SIGNATURE: italianPage(EN.CERT_WEAK_SIGNATURE, {
    title: "Firma del certificato debole (SHA-1 o MD5)",
    summary:
      "Il certificato del server o un certificato di CA intermedia è firmato con SHA-1 o MD5 (o MD2). Queste funzioni di hash non sono più sicure per le firme, e i client attuali rifiutano certificati del genere.",
    details: [
      "Contano solo i certificati sotto la radice: una radice è attendibile perché si trova nell'archivio delle radici attendibili, non per la propria firma, quindi una radice autofirmata con SHA-1 va bene. Per questo l'analizzatore controlla l'algoritmo di firma di ogni certificato del percorso tranne la radice autofirmata.",
      "Nel 2008 le collisioni MD5 sono state usate per falsificare un certificato di CA; le collisioni SHA-1 sono state dimostrate nel 2017 (SHAttered) e quelle a prefisso scelto nel 2020. Le CA pubbliche hanno smesso di emettere certificati SHA-1 nel 2016, e i browser e Windows rifiutano i certificati server SHA-1. Oggi certificati del genere provengono quasi sempre da una CA interna installata anni fa con SHA-1 come algoritmo di hash, oppure da un certificato di CA intermedia a sua volta firmato con SHA-1.",
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "Browser: NET::ERR_CERT_WEAK_SIGNATURE_ALGORITHM; i client di posta moderni e i dispositivi mobili rifiutano la connessione.",
      "Funziona solo con client molto vecchi.",
    ],
    causes: [
      "Il certificato è stato emesso da una CA di Active Directory Certificate Services configurata con SHA-1.",
      "Il certificato della CA emittente è stato firmato con SHA-1 dalla CA padre, anche se ora la CA emittente firma con SHA-256.",
      "Un certificato molto vecchio su un'appliance o un server datato.",
    ],
    fixes: [
      {
        text: "Controlla l'algoritmo di firma di ogni certificato della catena (OpenSSL 3 stampa una riga `sigalg` per ogni certificato con `-showcerts`).",
      },
      {
        text: "Richiedi un nuovo certificato firmato con SHA-256 (qualsiasi CA pubblica lo fa), importalo e assegnalo.",
        descriptions: [NEW_REQUEST, COMPLETE_REQUEST],
      },
      {
        text: "CA interna AD CS: passa il suo algoritmo di hash a SHA-256 e riavvia il servizio della CA. `CNGHashAlgorithm` vale per le CA che usano un Key Storage Provider (KSP); una CA ancora su un CSP CryptoAPI legacy va prima migrata a un KSP. Se il certificato della CA emittente è firmato con SHA-1, rinnovalo sulla CA padre dopo averne cambiato l'algoritmo di hash, poi emetti di nuovo i certificati server.",
      },
    ],
  }),
  CERT_NOT_FOR_SERVER_AUTH: italianPage(EN.CERT_NOT_FOR_SERVER_AUTH, {
    title: "Certificato non consentito per l'autenticazione server (Utilizzo chiave esteso)",
    summary:
      "Il certificato ha un'estensione Utilizzo chiave esteso (EKU) che non contiene l'Autenticazione server (`serverAuth`, OID 1.3.6.1.5.5.7.3.1). Un certificato limitato ad altri scopi (autenticazione client, protezione della posta elettronica, firma del codice) non deve essere usato da un server TLS, e i client lo rifiutano.",
    details: [
      "Un certificato senza alcuna estensione EKU è accettato per qualsiasi scopo, e anche `anyExtendedKeyUsage` è accettato; ma quando è presente un elenco EKU, i client consentono solo gli scopi elencati. Il messaggio elenca gli utilizzi del certificato.",
      'Significa quasi sempre che il certificato è stato richiesto con il modello sbagliato su una CA interna (ad esempio "Utente", oppure un modello personalizzato solo per l\'autenticazione client), oppure che per errore è stato importato e assegnato un certificato destinato a un altro scopo (S/MIME, firma del codice, un certificato client).',
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Browser: NET::ERR_CERT_INVALID / "Il certificato non è valido per l\'utilizzo richiesto"; Outlook: avviso sul certificato anche se nome e date sono corretti.',
      'Il certificato sembra corretto nella console MMC dei certificati (nome, date, attendibilità), ma gli "Scopi designati" non includono l\'Autenticazione server.',
    ],
    causes: [
      'Richiesto da un modello AD CS senza Autenticazione server ("Utente", "Accesso smart card", modelli personalizzati solo client) invece che da "Server Web".',
      "A IIS/SMTP è stato assegnato il certificato sbagliato (S/MIME, certificato client o di firma del codice).",
    ],
    fixes: [
      {
        text: 'Controlla l\'Utilizzo chiave esteso: deve contenere "TLS Web Server Authentication" (OpenSSL) oppure "Autenticazione server (1.3.6.1.5.5.7.3.1)" (Windows).',
      },
      {
        text: 'Richiedi un nuovo certificato dal modello "Server Web" (CA interna) o da una CA pubblica, che include sempre l\'Autenticazione server, poi importalo e assegnalo.',
        descriptions: [COMPLETE_REQUEST],
      },
      {
        text: 'Con OpenSSL, indica esplicitamente l\'utilizzo nella richiesta: `-addext "extendedKeyUsage=serverAuth"` (aggiungi anche `clientAuth` se lo stesso certificato viene usato per connessioni client SMTP verso un partner che lo richiede).',
      },
    ],
  }),
  CERTIFICATE_FILE_INVALID: italianPage(EN.CERTIFICATE_FILE_INVALID, {
    title: "Impossibile leggere il file del certificato",
    summary:
      "Il test File del certificato non ha trovato alcun certificato leggibile nel testo incollato o caricato, oppure il primo (il certificato finale) non è un certificato X.509 valido. Non è stato possibile verificare nient'altro.",
    details: [
      "Il test legge testo PEM: blocchi tra `-----BEGIN CERTIFICATE-----` e `-----END CERTIFICATE-----` (un `.pem`, oppure un `.cer`/`.crt` salvato in Base64) e bundle PKCS #7 tra `-----BEGIN PKCS7-----` e `-----END PKCS7-----` (un `.p7b` salvato in Base64). Un file binario (DER) scelto con il pulsante del file viene convertito in PEM nel browser prima dell'invio.",
      "Il primo certificato deve essere quello del server (il certificato finale); gli intermedi lo seguono. Un certificato danneggiato (righe mancanti, Base64 modificato) non può essere decodificato. Una chiave privata non viene mai accettata: il modulo la rifiuta prima di eseguire qualsiasi cosa, perché una chiave non deve mai lasciare il server a cui appartiene.",
    ],
    symptoms: ['Il test si ferma al primo passaggio, "Reading the certificates you pasted".'],
    causes: [
      "È stata copiata solo una parte del testo PEM (mancano la riga END o alcune righe).",
      "Il file è un PFX/PKCS #12 (`.pfx`, `.p12`): contiene la chiave privata e non può essere incollato qui.",
      "Il testo è una richiesta di certificato (`-----BEGIN CERTIFICATE REQUEST-----`), non il certificato emesso.",
    ],
    fixes: [
      {
        text: "Esporta il certificato senza la chiave privata, in Base64, poi incolla tutto il testo, comprese le righe BEGIN ed END.",
        descriptions: [
          "Windows: esporta il certificato (senza chiave) dall'archivio del computer come PEM Base64",
          "Converti in PEM un certificato DER o un PFX (solo i certificati, senza chiave)",
        ],
      },
    ],
  }),
} satisfies HelpPages;
