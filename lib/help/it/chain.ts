import type { ProblemCode } from "@/lib/problems";
import { CHAIN_HELP as EN } from "../chain";
import { italianPage, type ItalianFix } from "./fixes";
import type { HelpPages } from "../types";

/** "Ignore trust for SSL": lo stesso paragrafo di lib/help/it/certificate.ts (IGNORE_TRUST_DETAIL in lib/help/commands.ts). */
const IGNORE_TRUST_DETAIL =
  "Con \"Ignora l'attendibilità SSL\" selezionato, l'analizzatore segnala questo problema (come ogni controllo del certificato) come avviso invece che come errore e prosegue con i passaggi successivi; i client reali rifiutano comunque il certificato. Nessun test invia la password che hai inserito su una connessione del genere (Autodiscover, Outlook Anywhere, EWS, ActiveSync, MAPI over HTTP): le credenziali vengono inviate solo quando OpenSSL accetta la catena, il nome corrisponde e la connessione usa TLS 1.2 o successivo.";

/** IGNORE_TRUST_FIX in lib/help/commands.ts. */
const IGNORE_TRUST_FIX: ItalianFix = {
  text: 'Se vuoi solo vedere i risultati dei passaggi successivi (ad esempio in laboratorio), esegui di nuovo il test con "Ignora l\'attendibilità SSL" selezionato: i problemi del certificato, compreso questo, vengono allora segnalati come avvisi e il test prosegue. Per i client reali non cambia nulla, e in quel caso nessun test invia la tua password: le credenziali non vengono mai inviate su un certificato che è passato solo come avviso.',
};

/** Le descrizioni dei comandi condivisi (lib/help/commands.ts e lib/help/chain.ts), come in lib/help/it/certificate.ts. */
const NEW_REQUEST = "Crea una richiesta di certificato (nuova coppia di chiavi) sul server Exchange; invia il file .req alla CA";
const COMPLETE_REQUEST =
  "Completa la richiesta in sospeso con la risposta della CA, poi assegna il certificato (usa la tua identificazione personale; aggiungi IMAP,POP se sono in uso)";
const IMPORT_INTERMEDIATE =
  'Archivio "Autorità di certificazione intermedie" del computer locale; riavvia IIS e i servizi di trasporto perché SCHANNEL ricostruisca la catena';

/** I giudizi del passaggio "Certificate trust", una frase ciascuno, come TRUST_VERDICTS in lib/help/chain.ts. */
const TRUST_VERDICTS: ReadonlyArray<readonly [ProblemCode, string]> = [
  ["CERT_SELF_SIGNED", "il certificato del server è l'autorità emittente di sé stesso"],
  [
    "CERT_CHAIN_INCOMPLETE",
    "un certificato intermedio necessario al percorso non è stato inviato (quello che ha emesso il certificato del server, o uno più in alto) e non è una radice attendibile",
  ],
  ["CERT_UNTRUSTED_ROOT", "il percorso arriva a una radice che non si trova nell'archivio attendibile"],
  ["CERT_CHAIN_ORDER", "è tutto presente e attendibile, ma inviato nell'ordine sbagliato"],
  ["CERT_ISSUER_NOT_CA", "un certificato che ne ha emesso un altro non è una CA (Basic Constraints)"],
  ["CERT_PATH_LENGTH_EXCEEDED", "una CA consente sotto di sé meno CA di quante ne abbia il percorso (vincolo di lunghezza del percorso)"],
  ["CERT_ISSUER_KEY_USAGE", "il Key Usage di una CA emittente non comprende la firma dei certificati"],
  ["CERT_NAME_CONSTRAINTS", "i vincoli sui nomi di una CA non consentono i nomi del certificato"],
  ["CERT_CHAIN_INVALID", "OpenSSL rifiuta la catena per un motivo non coperto da nessuno di questi, ad esempio una firma non valida"],
];

function trustProblemsApart(code: ProblemCode): string {
  const verdicts = TRUST_VERDICTS.map(([other, meaning]) => `${other}${other === code ? " (questa pagina)" : ""}: ${meaning}`);
  return `Come distinguere i problemi di attendibilità: ${verdicts.join("; ")}.`;
}

/** INSPECT_CHAIN_FIX in lib/help/chain.ts: i suoi comandi non hanno descrizioni. */
const INSPECT_CHAIN_FIX: ItalianFix = {
  text: "Individua il certificato interessato. Salva ogni certificato inviato dal server e stampa le estensioni che rendono CA un certificato; `openssl x509 -noout -text` mostra tutto di uno di essi. Su Windows, `certutil -verify -urlfetch` costruisce la catena con il motore di Windows e indica l'elemento che non supera la verifica; `Get-ExchangeCertificate | fl` mostra l'autorità emittente del certificato usato da Exchange.",
};

/** REISSUE_FROM_PROPER_CA_FIX in lib/help/chain.ts. */
const REISSUE_FROM_PROPER_CA_FIX: ItalianFix = {
  text: "Fai emettere di nuovo il certificato del server da una CA emittente configurata correttamente, e installa il certificato intermedio di quella CA esattamente come la CA lo pubblica (il suo bundle, oppure l'URL \"CA Issuers\" nell'estensione Authority Information Access del nuovo certificato). Su Exchange: una nuova richiesta, completata e assegnata; poi l'intermedio nell'archivio \"Autorità di certificazione intermedie\" del computer locale. Su nginx e sugli altri server basati su OpenSSL: il certificato del server seguito dagli intermedi nel file della catena.",
  descriptions: [NEW_REQUEST, COMPLETE_REQUEST, IMPORT_INTERMEDIATE],
};

const OUTLOOK_CANNOT_VERIFY = "Outlook mostra un Avviso di sicurezza secondo cui non è possibile verificare il certificato";

/** La catena dal certificato del server a una radice attendibile: cosa viene inviato, in quale ordine, e se ogni CA può emettere ciò che ha emesso. */
export const CHAIN_HELP_IT = {
  CERT_SELF_SIGNED: italianPage(EN.CERT_SELF_SIGNED, {
    title: "Certificato autofirmato",
    summary:
      "Il server presenta un certificato autofirmato: è l'autorità emittente di sé stesso ed è firmato con la propria chiave, quindi nessuna autorità di certificazione ne garantisce l'identità. Nessun client lo considera attendibile, a meno che non sia stato installato manualmente su quel client.",
    details: [
      'Il programma di installazione di Exchange crea un certificato autofirmato denominato "Microsoft Exchange" (`CN=EX01`, valido cinque anni) e lo assegna a IIS e SMTP perché il server funzioni fin da subito. È pensato per il traffico tra server e per il sito web "Exchange Back End" sulla porta 444: non eliminarlo e non modificare il binding del back-end. I servizi usati dai client (il Default Web Site sulla 443, e SMTP sulla 25 se i partner verificano i certificati) richiedono un certificato di una CA considerata attendibile dai client.',
      "A un'istanza self-hosted dell'analizzatore si può far considerare attendibile proprio questo certificato aggiungendolo (in formato PEM) al file indicato in `NODE_EXTRA_CA_CERTS`. Ha senso solo per i server di laboratorio: il certificato diventa una radice attendibile per ogni controllo, compreso quello di OpenSSL.",
      trustProblemsApart("CERT_SELF_SIGNED"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Outlook: Avviso di sicurezza "Il certificato di sicurezza è stato rilasciato da una società non considerata attendibile", ripetuto a ogni avvio.',
      "Browser: NET::ERR_CERT_AUTHORITY_INVALID; le app di posta di iOS/Android rifiutano l'account o mostrano un avviso sul certificato; i dispositivi ActiveSync non riescono a sincronizzare.",
      "I connettori ibridi di Exchange Online e i partner che impongono il TLS rifiutano la connessione.",
    ],
    causes: [
      'Un nuovo server Exchange usa ancora per IIS il certificato predefinito "Microsoft Exchange".',
      "È stato installato un certificato di una CA, ma non è mai stato assegnato a IIS/SMTP (`Enable-ExchangeCertificate`), oppure un aggiornamento cumulativo o una reinstallazione ha associato di nuovo quello autofirmato.",
      "Un'appliance, un NAS o un pacchetto Linux ha generato un proprio certificato al primo avvio (ad es. il certificato `ssl-cert-snakeoil`).",
    ],
    fixes: [
      { text: "Scopri quale certificato usano IIS e SMTP e se è autofirmato." },
      {
        text: 'Ottieni da una CA pubblica un certificato per tutti i nomi usati dai client (le CA pubbliche emettono certificati solo per nomi registrati pubblicamente), importalo e assegnalo a IIS (e a SMTP/IMAP/POP se necessario). Lascia al suo posto il certificato autofirmato "Microsoft Exchange".',
        descriptions: [NEW_REQUEST, COMPLETE_REQUEST],
      },
      {
        text: "Su Linux, o con win-acme su Windows, i certificati Let's Encrypt sono gratuiti e si rinnovano automaticamente.",
        descriptions: ["Linux/nginx con Let's Encrypt"],
      },
      IGNORE_TRUST_FIX,
    ],
  }),
  CERT_UNTRUSTED_ROOT: italianPage(EN.CERT_UNTRUSTED_ROOT, {
    title: "La catena del certificato termina in una radice non attendibile",
    summary:
      "L'analizzatore ha costruito la catena partendo dal certificato del server verso l'alto, e la catena termina in un certificato radice (un certificato di CA autofirmato) che non si trova nell'archivio attendibile dell'analizzatore: l'archivio delle radici di Mozilla incluso in Node.js, più le eventuali radici aggiunte da chi gestisce l'istanza con `NODE_EXTRA_CA_CERTS`. I certificati in sé possono essere corretti; ciò che manca è l'attendibilità della radice.",
    details: [
      "Se il server non invia la radice (la maggior parte dei server non lo fa, e non è necessario), nulla dice all'analizzatore se l'autorità emittente che non ha trovato è una radice o un altro intermedio: segnala CERT_CHAIN_INCOMPLETE e indica quell'autorità emittente. Se il nome è quello della tua CA radice, valgono le soluzioni di questa pagina.",
      "Il caso tipico è una CA aziendale interna (Servizi certificati Active Directory). I computer Windows aggiunti al dominio considerano automaticamente attendibile la sua radice (pubblicata tramite Active Directory e Criteri di gruppo), quindi Outlook all'interno dell'azienda non dà problemi; smartphone, PC di casa, Mac, server dei partner, Exchange Online e questo analizzatore invece non la considerano attendibile. Altri casi: una radice rimossa dai browser e da Mozilla (CA non più attendibili), oppure un proxy di ispezione TLS tra l'analizzatore e il tuo server che firma di nuovo il traffico con una propria radice.",
      "Per un'istanza self-hosted usata all'interno dell'azienda, aggiungi la CA radice aziendale al file PEM indicato nella variabile d'ambiente `NODE_EXTRA_CA_CERTS` (convenzione di Node.js): lo usano sia la costruzione del percorso dell'analizzatore sia il giudizio di OpenSSL. Il file viene letto una sola volta all'avvio, quindi dopo averlo modificato riavvia l'analizzatore; può contenere più certificati.",
      trustProblemsApart("CERT_UNTRUSTED_ROOT"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'Outlook all\'esterno del dominio e dispositivi mobili: "Il certificato di sicurezza è stato rilasciato da una società non considerata attendibile"; browser: NET::ERR_CERT_AUTHORITY_INVALID.',
      "Funziona sui PC aggiunti al dominio, non funziona su tutto il resto.",
      "`openssl s_client` termina con `Verify return code: 19 (self-signed certificate in certificate chain)` (`SELF_SIGNED_CERT_IN_CHAIN`).",
      '`certutil -verify` segnala "A certificate chain processed, but terminated in a root certificate which is not trusted by the trust provider" (o il messaggio equivalente nella lingua di Windows: la catena termina in un certificato radice non considerato attendibile dal provider di attendibilità).',
    ],
    causes: [
      "Il certificato è stato emesso da una CA interna/aziendale per un nome usato dai client esterni.",
      "Il certificato fa capo a una radice che è stata rimossa dagli archivi attendibili pubblici.",
      "Un dispositivo di ispezione TLS sul percorso dell'analizzatore sostituisce il certificato (controlla l'autorità emittente mostrata nei dettagli).",
    ],
    fixes: [
      {
        text: "Guarda la catena così come viene inviata: le righe `s:` (soggetto) e `i:` (autorità emittente) dell'ultimo certificato coincidono e indicano la radice. Su Windows, `certutil` mostra il giudizio dell'archivio attendibile di Windows.",
      },
      {
        text: "Per i nomi usati dall'esterno dell'azienda, sostituisci il certificato con uno di una CA pubblica (vedi CERT_SELF_SIGNED per i comandi di richiesta e assegnazione).",
      },
      {
        text: "Per un analizzatore self-hosted che verifica server interni, fai in modo che consideri attendibile la radice aziendale: esporta il certificato radice, convertilo in PEM e fai puntare `NODE_EXTRA_CA_CERTS` al file prima di avviare l'analizzatore.",
      },
      {
        text: "Per far considerare attendibile la radice interna ai client interni, distribuiscila con i Criteri di gruppo (Configurazione computer > Criteri > Impostazioni di Windows > Impostazioni sicurezza > Criteri chiave pubblica > Autorità di certificazione radice attendibili), con Intune/MDM per i dispositivi mobili, oppure manualmente.",
      },
      IGNORE_TRUST_FIX,
    ],
  }),
  CERT_CHAIN_INCOMPLETE: italianPage(EN.CERT_CHAIN_INCOMPLETE, {
    title: "Catena del certificato incompleta: un certificato intermedio non viene inviato",
    summary:
      "Il server non invia un certificato di CA intermedia necessario al percorso verso una radice attendibile: quello che ha emesso il suo certificato, oppure uno più in alto (il server invia il proprio certificato e un intermedio inferiore, ma non l'intermedio sopra di esso). Nemmeno l'autorità emittente mancante è una radice attendibile. L'analizzatore, come molti client, non scarica gli intermedi mancanti, quindi non riesce a collegare il certificato a una radice attendibile.",
    details: [
      "Un server TLS deve inviare il proprio certificato seguito dai certificati delle CA intermedie fino alla radice (non necessariamente compresa). I client hanno nei propri archivi attendibili solo le radici. Windows, e quindi Edge, Chrome su Windows e Outlook, scarica in silenzio un intermedio mancante dall'URL indicato nell'estensione Authority Information Access del certificato (\"AIA fetching\"), e questo nasconde l'errore; il software basato su OpenSSL (Postfix e altri server di posta, curl, PHP, Python), Java, Node.js e molte versioni di Android non lo fanno, e falliscono.",
      "Il messaggio indica l'autorità emittente mancante. Le gerarchie di CA a due livelli sono comuni (radice, un intermedio di policy o con firma incrociata, poi la CA emittente), quindi un server che invia solo la propria CA emittente è incompleto quanto uno che non invia nulla: il percorso si ferma alla CA emittente, la cui autorità emittente non viene inviata né è attendibile. I passaggi della catena elencano i certificati attraverso cui è passato il percorso, e da dove proviene ciascuno.",
      "Se l'autorità emittente mancante è la CA radice della tua organizzazione e non un intermedio, alla catena in quanto tale non manca nulla: semplicemente l'analizzatore non considera attendibile la radice (i server non sono tenuti a inviare le radici). È la situazione di CERT_UNTRUSTED_ROOT, e valgono le sue soluzioni.",
      trustProblemsApart("CERT_CHAIN_INCOMPLETE"),
      'Su IIS/Exchange, Windows (SCHANNEL) costruisce la catena da inviare a partire dagli archivi certificati del computer locale: l\'intermedio deve trovarsi in "Autorità di certificazione intermedie" del computer locale. Su nginx, Apache, Postfix e Dovecot la catena è quella contenuta nel file configurato, quindi il file del certificato deve contenere la catena completa.',
    ],
    symptoms: [
      "Funziona nei browser su Windows, non funziona su Android, nelle app Java, dai server Linux (`curl: (60) SSL certificate problem: unable to get local issuer certificate`) e con alcuni server di posta dei partner.",
      '`openssl s_client` mostra solo il certificato del server sotto "Certificate chain" e termina con `Verify return code: 21 (unable to verify the first certificate)` (`UNABLE_TO_VERIFY_LEAF_SIGNATURE`); se viene inviato un intermedio inferiore ma manca quello superiore, termina con `20 (unable to get local issuer certificate)` (`UNABLE_TO_GET_ISSUER_CERT_LOCALLY`).',
      "Outlook su un computer Windows che non può raggiungere la CA via Internet (URL AIA bloccato da un proxy) mostra un avviso di attendibilità, mentre sugli altri computer no.",
    ],
    causes: [
      "`ssl_certificate` di nginx (o `SSLCertificateFile` di Apache) punta solo al certificato del server, ad es. `cert.pem` di certbot invece di `fullchain.pem`; oppure il file della catena contiene la CA emittente ma non l'intermedio sopra di essa, perché il bundle della CA è stato copiato solo in parte.",
      "Su IIS/Exchange il certificato è stato importato senza la catena (un .cer invece di un .pfx con la catena) e nell'archivio Autorità di certificazione intermedie manca un intermedio (la CA emittente, o quella sopra di essa); oppure nell'archivio c'è un intermedio vecchio o scaduto e la costruzione della catena sceglie quello sbagliato.",
      "Un bilanciamento del carico o un reverse proxy termina il TLS e la sua impostazione della catena/del bundle è vuota o non aggiornata.",
      "Dopo un rinnovo la CA usa un nuovo intermedio, ma è ancora configurato quello vecchio.",
    ],
    fixes: [
      {
        text: "Esamina la catena inviata dal server: conta i certificati e controlla l'autorità emittente di ciascuno; la riga `i:` dell'ultimo certificato indica la CA mancante (a meno che non sia una radice). L'estensione Authority Information Access di quell'ultimo certificato indica da dove si può scaricare la sua autorità emittente. Su Windows, `certutil` mostra come viene costruita la catena e da dove scarica i certificati.",
      },
      {
        text: "Procurati ogni intermedio necessario al percorso: usa il bundle fornito dalla tua CA per questo certificato (li elenca tutti), oppure scarica ciascun intermedio mancante dall'URL \"CA Issuers\" dell'estensione Authority Information Access del certificato sottostante, e convertilo in PEM. Ripeti finché l'autorità emittente non è una radice.",
      },
      {
        text: "nginx: il file `ssl_certificate` deve contenere la catena completa, prima il certificato del server, poi ciascun intermedio in ordine (la CA emittente, poi quella sopra di essa). Apache 2.4.8+: `SSLCertificateFile` con la catena completa (versioni precedenti: `SSLCertificateChainFile`). Postfix 3.4+: `smtpd_tls_chain_files = /etc/ssl/private/mail.contoso.com.key, /etc/ssl/certs/mail.contoso.com.fullchain.pem`. Dovecot: `ssl_cert = </etc/ssl/certs/mail.contoso.com.fullchain.pem`. Con certbot usa sempre `fullchain.pem`.",
      },
      {
        text: "IIS/Exchange: importa ogni intermedio mancante nell'archivio \"Autorità di certificazione intermedie\" del computer locale (certlm.msc, oppure i comandi qui sotto), rimuovi da quell'archivio gli intermedi scaduti o sostituiti, poi riavvia IIS e i servizi di trasporto perché SCHANNEL ricostruisca la catena (va bene anche riavviare il server). Importare il certificato come .pfx comprensivo della catena ottiene lo stesso risultato.",
        descriptions: ["Intermedi scaduti presenti nell'archivio", IMPORT_INTERMEDIATE],
      },
      {
        text: "Su un bilanciamento del carico o un reverse proxy (F5, KEMP, NetScaler, HAProxy, Proxy applicazione Web), carica l'intermedio e associalo come catena/bundle del profilo TLS di questo virtual server.",
      },
      IGNORE_TRUST_FIX,
    ],
  }),
  CERT_CHAIN_ORDER: italianPage(EN.CERT_CHAIN_ORDER, {
    title: "Catena del certificato inviata nell'ordine sbagliato",
    summary:
      "La catena è completa e attendibile, ma il server invia i certificati in disordine: il TLS si aspetta per primo il certificato del server, seguito in sequenza dall'autorità emittente di ciascun certificato. I client tolleranti rimettono le cose a posto, quelli rigorosi falliscono.",
    details: [
      "TLS 1.2 (RFC 5246) richiede il certificato del server per primo e che ogni certificato successivo certifichi direttamente quello che lo precede. TLS 1.3 (RFC 8446) richiede ancora il certificato del server per primo, ma raccomanda ai client di accettare gli altri in qualsiasi ordine. I browser e Windows ricostruiscono il percorso da soli, ed è per questo che l'analizzatore lo segnala solo come avviso (anch'esso costruisce il percorso indipendentemente dall'ordine); le versioni meno recenti di Java, i dispositivi embedded, alcuni server di posta e altri client rigorosi invece falliscono. Anche eventuali certificati estranei tra il certificato del server e la sua autorità emittente contano come ordine errato.",
      "Il messaggio mostra l'ordine in cui il percorso è stato trovato tra i certificati inviati (ad esempio `sent #1, sent #3, sent #2`). Windows/SCHANNEL invia sempre la catena nell'ordine giusto, quindi su un normale server IIS/Exchange questo avviso indica quasi sempre un dispositivo posto davanti al server (bilanciamento del carico, WAF, reverse proxy) oppure un server non Windows il cui file della catena è stato composto a mano.",
      trustProblemsApart("CERT_CHAIN_ORDER"),
    ],
    symptoms: [
      'La maggior parte dei client funziona; alcuni (app Android/Java meno recenti, appliance, alcuni MTA dei partner) segnalano "unable to get local issuer certificate" o un errore nella costruzione del percorso.',
      "`openssl s_client -showcerts` elenca i certificati con una riga `i:` (autorità emittente) che non corrisponde alla riga `s:` (soggetto) del certificato successivo.",
    ],
    causes: [
      "Il file della catena è stato concatenato nell'ordine sbagliato (`cat intermediate.pem server.pem`, la radice prima dell'intermedio, due intermedi invertiti).",
      "Un vecchio intermedio con firma incrociata o sostituito è rimasto nel bundle tra quelli giusti.",
      "La catena configurata su un bilanciamento del carico o su un'appliance è nell'ordine sbagliato.",
    ],
    fixes: [
      {
        text: "Elenca soggetto e autorità emittente di ogni certificato nell'ordine di invio: per ogni voce n, la riga `i:` deve essere uguale alla riga `s:` della voce n+1.",
      },
      {
        text: "Ricostruisci il file della catena in ordine: certificato del server, intermedio emittente, poi eventuali intermedi superiori; la radice si può omettere. Controlla l'ordine del file e che il primo certificato corrisponda alla chiave privata, poi ricarica.",
      },
      {
        text: "Su un bilanciamento del carico o un'appliance, riordina o carica di nuovo il bundle della catena nel profilo TLS e rimuovi i certificati che non appartengono a questa catena.",
      },
    ],
  }),
  CERT_ISSUER_NOT_CA: italianPage(EN.CERT_ISSUER_NOT_CA, {
    title: "Un certificato della catena ne ha emesso un altro ma non è una CA (Basic Constraints)",
    summary:
      "Un certificato che ha emesso un altro certificato della catena non è un'autorità di certificazione: la sua estensione Basic Constraints (Vincoli di base) indica `CA:FALSE`, oppure l'estensione manca del tutto. Solo i certificati di CA possono emettere certificati (RFC 5280), quindi tutti i client rifiutano la catena, anche se i nomi corrispondono e la firma è valida.",
    details: [
      "Basic Constraints è l'estensione che rende CA un certificato: `CA:TRUE` (di solito contrassegnata come critica) su radici e intermedi, `CA:FALSE` o nessuna estensione sui certificati server e utente. L'analizzatore la controlla su ogni certificato tra il certificato del server e l'ancora di attendibilità; il messaggio indica il certificato che ha emesso senza essere una CA. OpenSSL segnala la stessa catena come `INVALID_CA` (`invalid CA certificate`, errore di verifica 24); Windows contrassegna l'elemento con `CERT_TRUST_INVALID_BASIC_CONSTRAINTS`.",
      'Deriva quasi sempre da un certificato creato a mano o con il modello sbagliato: un certificato server o client (con la sua chiave) usato per firmare un altro certificato, come negli ambienti di laboratorio costruiti con `openssl x509 -req -CA server.crt -CAkey server.key`; una "CA" creata senza le estensioni da CA (una configurazione OpenSSL la cui sezione `x509_extensions` non contiene `basicConstraints = critical, CA:TRUE`, oppure un certificato versione 1, che non ha alcuna estensione); oppure un certificato di CA subordinata richiesto a Servizi certificati Active Directory con un modello destinato a server o computer invece che con "Autorità di certificazione subordinata".',
      "Una CA pubblica non emette mai una catena del genere. Se l'autorità emittente indicata nel messaggio è un certificato che non riconosci, il server potrebbe inviare un certificato sbagliato come \"intermedio\", oppure un dispositivo lungo il percorso (un proxy di ispezione TLS, un'appliance configurata male) firma con un certificato che non è una CA.",
      trustProblemsApart("CERT_ISSUER_NOT_CA"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      `Tutti i client rifiutano il certificato, Windows come quelli basati su OpenSSL: ${OUTLOOK_CANNOT_VERIFY}; Chrome ed Edge NET::ERR_CERT_INVALID; Firefox SEC_ERROR_CA_CERT_INVALID; curl \`SSL certificate problem: invalid CA certificate\`.`,
      "`openssl s_client` termina con `Verify return code: 24 (invalid CA certificate)`.",
      "`certutil -verify -urlfetch` indica `CERT_TRUST_INVALID_BASIC_CONSTRAINTS` per il certificato emittente.",
    ],
    causes: [
      "Un certificato server o client è stato usato come autorità emittente di un altro certificato (certificati di laboratorio o creati con script).",
      "Una CA privata creata senza `basicConstraints = critical, CA:TRUE`, oppure come certificato versione 1.",
      'Un certificato di CA subordinata emesso da un modello non destinato alle CA ("Server Web" o "Computer" di AD CS invece di "Autorità di certificazione subordinata").',
      "Sul server, sul bilanciamento del carico o sul proxy è configurato come intermedio un certificato sbagliato, dal quale è stato poi emesso o firmato di nuovo il certificato del server.",
    ],
    fixes: [
      INSPECT_CHAIN_FIX,
      REISSUE_FROM_PROPER_CA_FIX,
      {
        text: "Se la CA la gestisci tu, crea i certificati di CA con le estensioni da CA ed emetti di nuovo da essi i certificati server. Per una radice privata e una CA emittente con OpenSSL (1.1.1+ per `-addext`); `pathlen:0` consente alla CA emittente di emettere certificati server ma nessun'altra CA:",
      },
      {
        text: 'In una gerarchia AD CS, richiedi il certificato della CA subordinata con il modello "Autorità di certificazione subordinata" (`certreq` qui sotto, oppure la procedura guidata durante l\'installazione della CA subordinata), poi emetti di nuovo da essa i certificati server.',
      },
      {
        text: 'Rimuovi il certificato sbagliato da dovunque il server prenda la catena: il file della catena su nginx/Apache/Postfix, la catena o il bundle del profilo TLS di un bilanciamento del carico, oppure l\'archivio "Autorità di certificazione intermedie" del computer locale su Windows.',
        descriptions: ["Elenca il contenuto dell'archivio, poi rimuovi il certificato sbagliato in base alla sua identificazione personale"],
      },
      IGNORE_TRUST_FIX,
    ],
  }),
  CERT_PATH_LENGTH_EXCEEDED: italianPage(EN.CERT_PATH_LENGTH_EXCEEDED, {
    title: "Il vincolo di lunghezza del percorso di una CA vieta le CA sottostanti",
    summary:
      "Un certificato di CA della catena limita quante CA intermedie possono seguirlo (il vincolo di lunghezza del percorso nelle sue Basic Constraints, ad es. `CA:TRUE, pathlen:0`), e sotto di esso la catena ha più CA di quante ne consenta. Secondo l'RFC 5280 l'intera catena non è valida, e i client la rifiutano.",
    details: [
      "`pathlen:0` significa che la CA può emettere certificati finali (server, utenti) ma nessun certificato di CA; `pathlen:1` consente un ulteriore livello di CA sotto di essa, e così via; senza `pathlen` non c'è alcun limite. Contano solo le CA intermedie tra quella CA e il certificato del server: non il certificato del server, e nemmeno i certificati di CA auto-emessi (il rinnovo delle chiavi di una CA). Il messaggio indica la CA il cui vincolo è superato. OpenSSL segnala la stessa catena come `PATH_LENGTH_EXCEEDED` (`path length constraint exceeded`, errore di verifica 25); Windows la contrassegna con `CERT_TRUST_INVALID_BASIC_CONSTRAINTS`.",
      "È tipico delle PKI aziendali: la CA emittente è stata creata correttamente con `pathlen:0`, e in seguito qualcuno ha creato un'altra CA sotto di essa (per un reparto, un servizio MDM/SCEP, un proxy di ispezione TLS, un laboratorio di test) e ha emesso da lì il certificato del server. Oppure la radice è stata creata con `pathlen:0` e sotto di essa è stata comunque costruita una gerarchia a due livelli (radice, CA emittente, server). In AD CS il vincolo proviene dalla sezione `[BasicConstraintsExtension]` di `CAPolicy.inf` al momento della creazione o del rinnovo del certificato della CA.",
      trustProblemsApart("CERT_PATH_LENGTH_EXCEEDED"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      `Tutti i client rifiutano il certificato: ${OUTLOOK_CANNOT_VERIFY}; i browser mostrano NET::ERR_CERT_INVALID o un errore simile; curl \`SSL certificate problem: path length constraint exceeded\`.`,
      "`openssl s_client` termina con `Verify return code: 25 (path length constraint exceeded)`.",
      "`certutil -verify -urlfetch` indica `CERT_TRUST_INVALID_BASIC_CONSTRAINTS` per un elemento della catena.",
    ],
    causes: [
      "È stata creata una CA sotto una CA con `pathlen` pari a 0 (o troppo piccolo), e da essa è stato emesso il certificato del server.",
      "La radice o una CA di policy è stata creata con una lunghezza del percorso non adatta alla gerarchia costruita sotto di essa.",
      "Un proxy di ispezione TLS firma di nuovo il traffico con una propria CA, emessa sotto una CA aziendale soggetta al vincolo.",
    ],
    fixes: [
      INSPECT_CHAIN_FIX,
      {
        text: "Conta le CA: per ogni CA con `pathlen:N`, tra essa e il certificato del server possono esserci al massimo N certificati di CA. Poi fai emettere il certificato del server da una CA consentita dai vincoli: la CA che pone il vincolo stessa, oppure una CA emittente a cui è consentito esistere a quel livello. Installa gli intermedi corrispondenti.",
        descriptions: [NEW_REQUEST, COMPLETE_REQUEST, IMPORT_INTERMEDIATE],
      },
      {
        text: "Se il livello di CA in più è voluto, rinnova il certificato della CA che pone il vincolo con una lunghezza del percorso maggiore (o senza limite), distribuisci il nuovo certificato della CA ed emetti di nuovo ciò che ha firmato. In AD CS impostala in `C:\\Windows\\CAPolicy.inf` su quella CA prima del rinnovo (la richiesta di rinnovo di una CA subordinata va alla CA padre, il cui vincolo deve a sua volta consentirlo).",
        descriptions: [
          "Sulla CA il cui vincolo è troppo piccolo",
          "OpenSSL: la stessa chiave della CA, un nuovo certificato che consente un livello di CA sotto di essa",
        ],
      },
      IGNORE_TRUST_FIX,
    ],
  }),
  CERT_ISSUER_KEY_USAGE: italianPage(EN.CERT_ISSUER_KEY_USAGE, {
    title: "Il Key Usage di una CA emittente non consente la firma dei certificati (keyCertSign)",
    summary:
      'Un certificato di CA che ha emesso un altro certificato della catena ha un\'estensione Key Usage (Utilizzo chiave) senza `keyCertSign` ("Certificate Signing"). La sua chiave può essere usata solo per gli scopi elencati, quindi i certificati che ha firmato non sono validi (RFC 5280), e i client rifiutano la catena.',
    details: [
      'Key Usage elenca ciò che la chiave di un certificato può fare: `digitalSignature`, `keyEncipherment`, `keyCertSign` (firmare certificati), `cRLSign` (firmare elenchi di revoche) e pochi altri. Un certificato di CA senza estensione Key Usage può firmare certificati; uno che ha l\'estensione deve elencare `keyCertSign`. Il messaggio indica la CA e gli utilizzi che ha. OpenSSL rifiuta la stessa catena con "key usage does not include certificate signing" (errore di verifica 32; OpenSSL 3 può segnalare prima "invalid CA certificate").',
      "Deriva da certificati di CA creati a mano o con un profilo sbagliato: `keyUsage = digitalSignature, keyEncipherment` copiato da un profilo server in un profilo di CA, una CA subordinata emessa da un modello destinato ai server, oppure un'appliance che genera con poca cura una propria \"CA\". Se la CA emette di nuovo il proprio certificato con la stessa chiave e un Key Usage corretto, i certificati server già emessi tornano validi con il nuovo intermedio; non serve emettere di nuovo nient'altro.",
      trustProblemsApart("CERT_ISSUER_KEY_USAGE"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      `I client rifiutano il certificato: ${OUTLOOK_CANNOT_VERIFY}; i browser mostrano NET::ERR_CERT_INVALID o un errore simile; curl \`SSL certificate problem: key usage does not include certificate signing\`.`,
      "`openssl s_client` termina con `Verify return code: 32 (key usage does not include certificate signing)`.",
      "`openssl x509 -noout -ext keyUsage` sul certificato della CA mostra ad es. `Digital Signature, Key Encipherment` senza `Certificate Sign`.",
    ],
    causes: [
      "Un certificato di CA privata creato con un Key Usage destinato ai server.",
      "Un certificato di CA subordinata emesso da un modello o da un profilo senza `keyCertSign`.",
      "Un dispositivo (proxy di ispezione TLS, appliance) che ha generato un proprio certificato di CA con un Key Usage sbagliato.",
    ],
    fixes: [
      INSPECT_CHAIN_FIX,
      {
        text: "Emetti di nuovo il certificato della CA con `keyUsage = critical, keyCertSign, cRLSign`. Con OpenSSL conserva la chiave della CA (nuovo certificato da una nuova richiesta per la stessa chiave), così i certificati che ha emesso restano validi; poi sostituisci l'intermedio ovunque il server prenda la catena.",
        descriptions: [IMPORT_INTERMEDIATE],
      },
      REISSUE_FROM_PROPER_CA_FIX,
      IGNORE_TRUST_FIX,
    ],
  }),
  CERT_NAME_CONSTRAINTS: italianPage(EN.CERT_NAME_CONSTRAINTS, {
    title: "I vincoli sui nomi di una CA non consentono i nomi del certificato",
    summary:
      "Un certificato di CA della catena contiene un'estensione Name Constraints (Vincoli nome) che limita i nomi che i certificati sottostanti possono contenere (sottoalberi DNS o IP consentiti ed esclusi), e il certificato del server ha un nome al di fuori dei sottoalberi consentiti, oppure all'interno di uno escluso. I client che applicano i vincoli sui nomi, come fanno tutte le versioni attuali di Windows, dei browser e di OpenSSL, rifiutano la catena.",
    details: [
      "I vincoli sui nomi sono il modo in cui una CA aziendale, o una CA subordinata acquistata da una CA pubblica, viene limitata ai nomi dell'organizzazione: ad es. consentiti `DNS:corp.contoso.com` e `IP:10.0.0.0/255.0.0.0`, escluso `DNS:public.contoso.com`. Un sottoalbero DNS comprende il nome e tutti i nomi sottostanti (`corp.contoso.com` consente `ex01.corp.contoso.com`); un sottoalbero IP è un indirizzo con una maschera. Ogni nome DNS e ogni indirizzo IP tra i Subject Alternative Name del certificato del server (il common name, se non ha nomi DNS) deve trovarsi all'interno di un sottoalbero consentito del suo tipo (se la CA ne elenca) e al di fuori di ogni sottoalbero escluso. Il messaggio indica il nome e i sottoalberi interessati; i dettagli del passaggio indicano la CA. Un'estensione Name Constraints illeggibile non consente nulla, e anche questo caso viene segnalato con questo codice.",
      "Il caso più comune: una CA interna vincolata al dominio interno (`corp.contoso.com`, `contoso.local`) ha emesso un certificato che elenca anche i nomi pubblici usati dai client (`mail.contoso.com`, `autodiscover.contoso.com`) o un indirizzo IP, che il vincolo non copre. Un altro: l'organizzazione ha aggiunto un dominio (un cambio di nome, una fusione) che non è mai stato aggiunto al vincolo.",
      'OpenSSL segnala la stessa catena come "permitted subtree violation" (errore di verifica 47) o "excluded subtree violation" (48); Windows la contrassegna con `CERT_TRUST_HAS_NOT_PERMITTED_NAME_CONSTRAINT` o `CERT_TRUST_HAS_EXCLUDED_NAME_CONSTRAINT`.',
      trustProblemsApart("CERT_NAME_CONSTRAINTS"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      "I client rifiutano il certificato anche se il nome corrisponde e la radice è attendibile: Chrome ed Edge NET::ERR_CERT_NAME_CONSTRAINT_VIOLATION, Firefox SEC_ERROR_CERT_NOT_IN_NAME_SPACE, Outlook un Avviso di sicurezza secondo cui non è possibile verificare il certificato.",
      "`openssl s_client` termina con `Verify return code: 47 (permitted subtree violation)` o `48 (excluded subtree violation)`.",
      "Dopo l'aggiunta di un nuovo nome al certificato, i nomi interni funzionano e quelli pubblici dello stesso certificato no, o viceversa.",
    ],
    causes: [
      "Il certificato elenca nomi per cui la CA vincolata non può emettere certificati: nomi pubblici da una CA solo interna, un indirizzo IP con un vincolo solo DNS.",
      "Un nome ricade in un sottoalbero escluso della CA.",
      "I domini dell'organizzazione sono cambiati e il vincolo della CA non è mai stato aggiornato.",
    ],
    fixes: [
      {
        text: "Confronta il vincolo della CA con i nomi del certificato: `nameConstraints` di ogni certificato di CA, `subjectAltName` del certificato del server. `Get-ExchangeCertificate | fl` elenca i nomi (CertificateDomains) del certificato usato da Exchange; `certutil -verify -urlfetch` indica l'elemento che non supera la verifica.",
      },
      {
        text: "Mantieni i nomi entro il vincolo: fai emettere alla CA vincolata certificati solo per i nomi interni, e usa un certificato di una CA pubblica per i nomi usati dai client esterni (un certificato per ciascun tipo di client, oppure un certificato pubblico per tutti). Richiedi il nuovo certificato con i nomi giusti, completalo e assegnalo.",
        descriptions: ["Un certificato solo per i nomi interni, per la CA aziendale vincolata", NEW_REQUEST, COMPLETE_REQUEST],
      },
      {
        text: "Se i nomi devono essere consentiti, il certificato della CA deve essere emesso di nuovo con vincoli aggiornati dalla CA superiore (per una CA subordinata acquistata da una CA pubblica, da quella CA), e poi distribuito come nuovo intermedio. Con OpenSSL il vincolo fa parte del file delle estensioni usato per firmare il certificato della CA:",
        descriptions: [IMPORT_INTERMEDIATE],
      },
      IGNORE_TRUST_FIX,
    ],
  }),
  CERT_CHAIN_INVALID: italianPage(EN.CERT_CHAIN_INVALID, {
    title: "OpenSSL rifiuta la catena del certificato",
    summary:
      "La catena viene rifiutata per un motivo non coperto da nessuno degli altri codici del certificato, ad esempio una firma che non risulta valida: OpenSSL, la libreria TLS alla base della maggior parte dei client non Windows (curl, Postfix, Python, PHP, Linux e molti client mobili e appliance), la rifiuta con lo stesso archivio attendibile usato dall'analizzatore. I dettagli del passaggio mostrano il motivo indicato da OpenSSL.",
    details: [
      "Ogni handshake eseguito dall'analizzatore viene verificato anche da OpenSSL con esattamente le radici dell'analizzatore (le radici di Mozilla più `NODE_EXTRA_CA_CERTS`), come secondo parere sulla convalida del percorso fatta dall'analizzatore. Quando la convalida dell'analizzatore spiega un rifiuto (scaduto, autofirmato, radice non attendibile, intermedio mancante, non una CA…), viene segnalato quel codice, e il giudizio di OpenSSL viene registrato accanto. Questo codice è ciò che resta: l'analizzatore non ha trovato alcuna regola violata, ma OpenSSL dice di no; una catena rifiutata da OpenSSL non viene mai segnalata come attendibile. L'analizzatore segnala questo stesso codice anche di sua iniziativa quando la firma di un certificato non risulta valida con la chiave del certificato che porta il nome della sua autorità emittente.",
      "I dettagli del passaggio mostrano il motivo di OpenSSL con il nome che gli dà Node.js e il suo significato, ad es. `CERT_SIGNATURE_FAILURE: a certificate's signature doesn't verify`, e se l'analizzatore e OpenSSL concordano. Node dà un nome solo ad alcuni dei motivi di OpenSSL; gli altri arrivano come `UNSPECIFIED`, e `openssl verify` (qui sotto) riporta le parole esatte di OpenSSL.",
      'Motivi comuni: "certificate signature failure" (`CERT_SIGNATURE_FAILURE`, errore di verifica 7: la firma di un certificato non risulta valida con la chiave della sua autorità emittente, perché il certificato è stato alterato o danneggiato, oppure il server invia un vecchio certificato di una CA che da allora ha cambiato chiave: stesso nome, chiave diversa); "unhandled critical extension" (`UNHANDLED_CRITICAL_EXTENSION`, 34: un certificato contrassegna come critica un\'estensione che OpenSSL non implementa); "invalid or inconsistent certificate extension" e "invalid or inconsistent certificate policy extension" (estensioni malformate, vincoli sui criteri dei certificati che il percorso non soddisfa); "format error in certificate\'s notBefore field" o "notAfter field" (date malformate); "CA certificate key too weak" e "CA signature digest algorithm too weak" (il livello di sicurezza di OpenSSL).',
      "Perché conta anche quando Windows accetta la catena: Outlook su Windows usa il motore delle catene di Windows, che differisce da OpenSSL nei dettagli; server di posta, client Linux, script e sistemi di monitoraggio usano OpenSSL. Inoltre nessun test di questo analizzatore invia una password se OpenSSL non accetta la catena, quindi con questo problema i passaggi che usano le credenziali non inviano la tua.",
      "Lo stesso giudizio si può riprodurre con `openssl verify -CAfile root.pem -untrusted chain.pem leaf.pem`: stampa il motivo e la profondità del certificato interessato (0 è il certificato del server, 1 la sua autorità emittente, e così via).",
      trustProblemsApart("CERT_CHAIN_INVALID"),
      IGNORE_TRUST_DETAIL,
    ],
    symptoms: [
      'I client Windows possono funzionare mentre curl, Postfix, Linux e alcuni client mobili falliscono con "certificate verify failed" e lo stesso motivo riportato nei dettagli del passaggio.',
      "`openssl s_client` termina con un `Verify return code` diverso da zero, ad es. `7 (certificate signature failure)`.",
      "I passaggi della catena dell'analizzatore mostrano un percorso completo fino a una radice attendibile, eppure il passaggio dell'attendibilità fallisce con il motivo indicato da OpenSSL.",
    ],
    causes: [
      "Un certificato nel file della catena è stato alterato o danneggiato (PEM modificato a mano, un convertitore che lo ha ricodificato), quindi la sua firma non risulta più valida.",
      "Il server invia un vecchio certificato della propria CA, precedente al cambio di chiave della CA: il nome corrisponde all'autorità emittente del certificato del server, la chiave no.",
      "Un certificato con un'estensione critica non supportata da OpenSSL, un'estensione malformata, oppure vincoli sui criteri dei certificati che il percorso non rispetta (CA fatte a mano o generate da appliance).",
      "Chiavi o algoritmi di firma sui certificati di CA che il livello di sicurezza predefinito di OpenSSL rifiuta.",
    ],
    fixes: [
      {
        text: "Riproduci il giudizio di OpenSSL: salva i certificati inviati dal server, metti gli intermedi in un unico file e verifica il certificato del server rispetto alla radice (il certificato radice della tua CA, oppure il bundle di sistema per una CA pubblica). L'output indica il motivo e la profondità.",
      },
      {
        text: "Esamina il certificato alla profondità indicata da OpenSSL (`sent-1.pem` è la profondità 0, `sent-2.pem` la profondità 1…), e confrontalo con il giudizio di Windows e con il certificato usato da Exchange.",
      },
      {
        text: "Firma non valida: sostituisci il certificato danneggiato o sbagliato con una copia nuova fornita dalla CA (scarica di nuovo l'intermedio dal repository della CA o dall'URL \"CA Issuers\"; scarica di nuovo il certificato del server dal portale della CA) e non modificare mai a mano i file PEM. Poi ricostruisci il file della catena o importa di nuovo il certificato nell'archivio di Windows.",
        descriptions: [IMPORT_INTERMEDIATE],
      },
      {
        text: "Motivi legati a estensioni, criteri o robustezza: fai emettere di nuovo il certificato interessato da un profilo della CA senza l'estensione incriminata, con una chiave di 2048 bit o più e una firma SHA-256; per il certificato del server, una nuova richiesta su Exchange, completata e assegnata.",
        descriptions: [NEW_REQUEST, COMPLETE_REQUEST],
      },
      IGNORE_TRUST_FIX,
    ],
  }),
  CERT_REVOKED: italianPage(EN.CERT_REVOKED, {
    title: "Il certificato è stato revocato",
    summary:
      'L\'autorità di certificazione che ha emesso un certificato della catena lo ha revocato: il suo risponditore OCSP ha risposto "revoked", il suo elenco di revoche di certificati (CRL) contiene il numero di serie, oppure il server ha allegato (OCSP stapling) una risposta OCSP che lo afferma. Un certificato revocato non deve essere considerato attendibile, qualunque cosa dicano le sue date.',
    details: [
      "Come interroga l'analizzatore: per ogni certificato del percorso costruito sotto la radice, il risponditore OCSP indicato nella sua estensione Authority Information Access (una POST, poi una GET come consente l'RFC 5019), altrimenti la CRL del suo punto di distribuzione CRL. La risposta deve essere firmata dalla CA emittente (o da un certificato di risponditore che essa ha emesso per la firma OCSP) e deve essere aggiornata; il passaggio mostra il motivo e la data della revoca come li indica la CA. Ogni download è soggetto agli stessi criteri sulle destinazioni, allo stesso elenco di porte e agli stessi limiti di tempo del test.",
      'Una risposta OCSP allegata (il server la invia durante l\'handshake TLS) viene giudicata allo stesso modo; una risposta allegata che dice "revoked" significa che è il server stesso a continuare a comunicare ai client che il suo certificato è revocato.',
      "Motivi indicati da una CA: keyCompromise (la chiave privata è stata compromessa: sostituisci la chiave, non solo il certificato), cACompromise, affiliationChanged, superseded (sostituito da una nuova emissione), cessationOfOperation, certificateHold (sospeso, può essere riattivato).",
    ],
    symptoms: [
      "I browser rifiutano il sito (NET::ERR_CERT_REVOKED); Outlook avvisa che il certificato è stato revocato, oppure non riesce affatto a connettersi.",
      "Gli smartphone e i server di posta che controllano la revoca rifiutano la connessione TLS.",
    ],
    causes: [
      "Il certificato è stato emesso di nuovo (nuova chiave, nomi aggiunti) e la CA ha revocato quello vecchio, ma il server presenta ancora quello vecchio.",
      "Il certificato è stato revocato di proposito (una chiave compromessa, un'emissione errata che la CA ha dovuto revocare) e non è stato installato alcun sostituto.",
      "È stato revocato un certificato di CA intermedia della catena: la CA ha pubblicato un nuovo intermedio da usare.",
    ],
    fixes: [
      {
        text: "Guarda quale certificato presenta il server e interroga tu stesso il suo risponditore: numero di serie e stato si trovano nella risposta.",
      },
      {
        text: "Installa il certificato attuale (richiedine uno nuovo con una nuova chiave se il motivo è keyCompromise) e assegnalo ai servizi; su Exchange, rimuovi poi quello revocato.",
      },
    ],
  }),
  REVOCATION_UNCHECKED: italianPage(EN.REVOCATION_UNCHECKED, {
    title: "Non è stato possibile verificare lo stato di revoca",
    summary:
      "L'analizzatore ha interrogato il servizio di revoca indicato da un certificato (il suo risponditore OCSP o il punto di distribuzione CRL) e non ha ottenuto una risposta utilizzabile: il servizio non ha risposto in tempo, ha risposto con un errore HTTP, ha inviato una risposta non firmata dalla CA o scaduta, ha risposto \"unknown\", oppure si trova a un indirizzo a cui questo analizzatore non può connettersi. Il passaggio indica l'URL. Il certificato può essere valido, ma i client che pretendono una risposta sulla revoca (alcuni server di posta, Windows con criteri restrittivi) possono rifiutarlo.",
    details: [
      "I client interrogano gli stessi URL, dalla loro posizione: un risponditore che questo analizzatore non riesce a raggiungere può essere irraggiungibile anche per i client dietro lo stesso tipo di firewall. Le CA interne (Servizi certificati Active Directory) spesso pubblicano CRL e OCSP solo all'interno della rete, e così il controllo della revoca non funziona per i client esterni.",
      "Quando OCSP non funziona ma la CRL risponde, viene usata la risposta della CRL, e l'avviso indica comunque il risponditore OCSP, perché venga sistemato.",
      "Un risponditore su un indirizzo privato o di loopback viene rifiutato, a meno che chi gestisce l'istanza non consenta le destinazioni private (RCA_ALLOW_PRIVATE_TARGETS); lo stesso vale per una porta non compresa in RCA_ALLOWED_PORTS. Vengono usati solo URL http:// per risponditori e CRL, come prevedono l'RFC 5280 e l'RFC 5019.",
    ],
    symptoms: [
      "Connessioni TLS lente per i client che attendono il timeout del controllo di revoca; errori 53 o 11 nel registro CAPI2 Operational di Windows (disattivato per impostazione predefinita: attivalo nel Visualizzatore eventi in Registri applicazioni e servizi > Microsoft > Windows > CAPI2).",
      'Alcuni client rifiutano il certificato perché il server di revoca non è in linea o lo stato di revoca è sconosciuto ("the revocation server was offline", "revocation status unknown").',
    ],
    causes: [
      "Una CA interna il cui punto di distribuzione CRL o URL OCSP (AIA) è raggiungibile solo all'interno della rete, oppure indica un server che non esiste più.",
      "Un firewall o un proxy che blocca l'HTTP in uscita (porta 80) verso il risponditore della CA.",
      "Una CRL scaduta che la CA non ha ripubblicato (il servizio della CA è arrestato, oppure l'attività di pubblicazione non è riuscita).",
      'Un risponditore OCSP che non conosce il certificato ("unknown"): è stato emesso da un\'altra CA, oppure il database del risponditore non è aggiornato.',
    ],
    fixes: [
      {
        text: "Interroga tu stesso l'URL indicato nel passaggio, dall'esterno della rete: deve rispondere rapidamente con una risposta aggiornata.",
      },
      {
        text: "Servizi certificati Active Directory: pubblica la CRL su un server web raggiungibile dall'esterno e aggiungi quel percorso http:// alle estensioni CDP e AIA della CA, poi emetti di nuovo i certificati; ripubblica una CRL scaduta.",
      },
    ],
  }),
  OCSP_STAPLE_INVALID: italianPage(EN.OCSP_STAPLE_INVALID, {
    title: "Il server allega una risposta OCSP che i client rifiutano",
    summary:
      'Il server invia una risposta OCSP insieme al certificato durante l\'handshake TLS (OCSP stapling), ma la risposta è scaduta, non è firmata dalla CA emittente, riguarda un altro certificato oppure dice "unknown". I client ignorano una risposta del genere e interrogano da sé la CA oppure, per un certificato che richiede lo stapling (Must-Staple), rifiutano la connessione.',
    details: [
      "L'analizzatore chiede una risposta allegata in ogni handshake (status_request) e giudica ciò che riceve esattamente come una risposta scaricata dal risponditore: firma dell'autorità emittente o del suo risponditore delegato, numero di serie del certificato, e thisUpdate/nextUpdate rispetto all'ora attuale con una tolleranza di pochi minuti.",
      "Un server che non allega nulla viene solo annotato: lo stapling è facoltativo, e in quel caso i client interrogano da sé il risponditore.",
    ],
    symptoms: ["I browser mostrano un errore solo per i certificati Must-Staple; gli altri client rallentano mentre interrogano da sé il risponditore."],
    causes: [
      "Il server web non riesce a raggiungere il risponditore OCSP della CA per aggiornare la risposta in cache (HTTP in uscita bloccato, nessun resolver DNS configurato), e continua ad allegarne una vecchia.",
      "Il certificato è stato sostituito, ma il server allega ancora la risposta del certificato precedente.",
      "Un bilanciamento del carico allega una risposta per un certificato diverso da quello che presenta.",
    ],
    fixes: [
      {
        text: "Guarda la risposta allegata: `OCSP Response Status`, `Cert Status` e `Next Update` devono essere aggiornati e riferirsi al certificato servito.",
      },
      {
        text: "nginx: fornisci al codice di stapling un resolver e la catena emittente, poi ricarica. IIS allega la risposta automaticamente quando il server riesce a raggiungere il risponditore.",
      },
    ],
  }),
  CT_INSUFFICIENT_SCTS: italianPage(EN.CT_INSUFFICIENT_SCTS, {
    title: "Troppo pochi record di Certificate Transparency (SCT)",
    summary:
      "Il certificato risale a una radice attendibile pubblica, ma contiene meno Signed Certificate Timestamp (SCT) validi di quanti ne richiedano i criteri di Certificate Transparency di Chrome e Apple, oppure provengono tutti da log di un solo operatore. Quei browser e quelle app possono rifiutarlo. L'analizzatore conta gli SCT incorporati nel certificato e quelli in una risposta OCSP pinzata, e verifica la firma di ogni log con la chiave del log presa dalla sua copia dell'elenco dei log di Chrome.",
    details: [
      "I criteri: un certificato con SCT incorporati valido per 180 giorni o meno richiede SCT di 2 log, uno più lungo di 3; gli SCT forniti tramite OCSP o TLS ne richiedono 2. In ogni caso i log devono appartenere ad almeno 2 operatori diversi. Un SCT la cui firma non si verifica, datato nel futuro o che ripete un log conta una volta sola o per niente.",
      "Gli SCT inviati nell'estensione TLS (signed_certificate_timestamp) vengono inviati solo ai client che li chiedono, e la libreria TLS dell'analizzatore non li chiede: un server che fornisce i suoi SCT solo in quel modo ne mostra qui meno di quanti ne vedano i browser. Per questo è un avviso e non un errore. I certificati di CA private (radici aggiunte da te) non sono soggetti a CT: il passaggio lo dice.",
      "I log più recenti dell'elenco incluso (la sua data è nei dettagli del passaggio) vengono contati, ma non possono essere nominati né verificati.",
    ],
    symptoms: [
      "Chrome: NET::ERR_CERTIFICATE_TRANSPARENCY_REQUIRED; Safari e i client di posta Apple: il certificato non è attendibile.",
      "Gli altri client funzionano, e il problema sembra legato al browser.",
    ],
    causes: [
      "Un certificato emesso da una CA pubblica senza SCT incorporati (raro; alcune CA lo offrivano su richiesta per nomi interni, cosa oggi non più possibile).",
      "Un certificato registrato solo in log non più utilizzabili, o in log di un solo operatore.",
    ],
    fixes: [
      {
        text: "Guarda gli SCT contenuti nel certificato (gli ID dei log e le date), poi chiedi alla CA di riemetterlo: le CA pubbliche attuali incorporano in ogni certificato abbastanza SCT di operatori diversi.",
      },
    ],
  }),
  CAA_FORBIDS_ISSUER: italianPage(EN.CAA_FORBIDS_ISSUER, {
    title: "I record CAA del dominio non autorizzano la CA del certificato",
    summary:
      "I record DNS CAA del nome host (o del dominio padre più vicino che ne ha, RFC 8659) indicano le autorità di certificazione autorizzate a emettere certificati per quel nome, e la CA che ha emesso questo certificato non è tra queste. I client non controllano mai CAA, quindi il certificato installato continua a funzionare; ma la CA deve rifiutare il prossimo rinnovo, e un certificato emesso con questi record è stato emesso per errore o prima che cambiassero.",
    details: [
      "L'analizzatore cerca i record CAA del nome host, poi di ogni dominio padre, e usa il primo insieme di record che trova, come fanno le CA. Un nome con carattere jolly (`*.contoso.com`) viene valutato rispetto a `issuewild` se presente, altrimenti a `issue`. `issue \";\"` vieta ogni CA; anche un tag critico che l'analizzatore non conosce vieta l'emissione.",
      "La CA viene riconosciuta dall'organizzazione o dal nome dell'emittente, con una tabella delle principali CA pubbliche e dei loro identificatori CAA (letsencrypt.org, digicert.com, sectigo.com, globalsign.com, pki.goog, amazon.com…). Un emittente che la tabella non conosce viene segnalato come informazione (\"impossibile stabilirlo\"), mai come questo problema.",
      "Una catena incollata nel test File del certificato viene valutata senza DNS: lì il passaggio CAA viene saltato.",
    ],
    symptoms: [
      "Il rinnovo del certificato non riesce presso la CA con un errore CAA (`CAA record for contoso.com prevents issuance`).",
      "I rinnovi automatici (certbot, win-acme, quelli del provider) smettono di funzionare dopo che qualcuno ha aggiunto record CAA per un'altra CA.",
    ],
    causes: [
      "Record CAA aggiunti per una nuova CA mentre sono ancora in uso certificati della precedente.",
      "Un record CAA sul dominio padre che nessuno ricordava si applicasse a questo nome host.",
      "La CA emette con un identificatore diverso da quello nei record (ad es. `sectigo.com` invece di `comodoca.com`, `digicert.com` per i suoi marchi).",
    ],
    fixes: [
      {
        text: 'Guarda i record che si applicano (quelli del nome host, altrimenti dei domini padre), poi aggiungi la CA che usi prima del prossimo rinnovo, ad es. `contoso.com. 3600 IN CAA 0 issue "letsencrypt.org"`.',
      },
    ],
  }),
} satisfies HelpPages;
