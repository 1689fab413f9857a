import { SMTP_HELP as EN } from "../smtp";
import { italianPage } from "./fixes";
import type { HelpPages } from "../types";

const SMTP_BY_HAND = "Connettiti come fa un server mittente, poi digita tu EHLO, MAIL FROM e RCPT TO (QUIT per uscire; mai DATA).";

/** I dialoghi SMTP del test in ingresso: banner, EHLO, STARTTLS, destinatari, open relay, MTA-STS, TLS-RPT e DANE. */
export const SMTP_HELP_IT = {
  SMTP_BANNER: italianPage(EN.SMTP_BANNER, {
    title: "Banner SMTP assente, di rifiuto o non corrispondente al DNS inverso",
    summary:
      "La prima cosa che un server SMTP invia è il banner, una risposta 220 che inizia con il suo nome host (RFC 5321 §4.2). Errore: il server non ha inviato il banner in tempo, ha inviato qualcosa che non è SMTP oppure un rifiuto come 554: attraverso questo host non passa posta. Avviso: il banner c'è, ma il nome che contiene non è il nome DNS inverso (PTR) dell'indirizzo, oppure l'indirizzo non ha un record PTR.",
    details: [
      "L'analizzatore si connette a ogni mail exchanger e attende la risposta 220 completa entro il tempo limite (RCA_TIMEOUT_MS). Un server che resta in silenzio, invia un byte alla volta, invia una riga senza fine o invia qualcosa che non è una risposta SMTP non supera questo passaggio, e il messaggio ne indica il motivo. I server di ricezione come Postfix ed Exchange inviano subito il banner; un ritardo di solito indica un firewall o un proxy SMTP (l'\"ESMTP inspection\" di Cisco ASA si presenta come un banner di asterischi), oppure un server che cerca il DNS inverso del client prima di salutare.",
      'Un banner 554 ("554 5.7.1 No SMTP service here", "554 go away") significa che il server rifiuta questo client: una corrispondenza in una lista di blocco, una regola del firewall, oppure un server che non accetta affatto posta da Internet.',
      "Il controllo del nome è solo un avviso, come lo mostra l'analizzatore di Microsoft: i mittenti recapitano anche a un host il cui banner non corrisponde. Conta perché di solito lo stesso host invia anche posta, e i destinatari giudicano la posta in uscita in base al record PTR dell'indirizzo mittente e al nome in EHLO; inoltre un amministratore si aspetta che il banner dica quale server ha risposto.",
    ],
    symptoms: [
      'La posta per il dominio resta in coda presso il mittente ("421 … Service not available", "Connection timed out while receiving the initial server greeting") e dopo alcuni giorni rimbalza.',
      "`telnet mail.contoso.com 25` si connette ma non mostra nulla, oppure mostra `220 ****************`.",
    ],
    causes: [
      "Il servizio SMTP è arrestato o bloccato; un proxy SMTP o l'ispezione del firewall trattiene il banner o lo riscrive.",
      "Il server rifiuta l'indirizzo del client (554) a causa di una lista di blocco o di un filtro delle connessioni.",
      "Il banner è stato personalizzato con un testo generico, oppure il record PTR dell'indirizzo pubblico indica un altro host (il nome predefinito del provider).",
    ],
    fixes: [
      { text: "Guarda tu stesso il banner, dall'esterno della rete.", descriptions: [SMTP_BY_HAND] },
      {
        text: "Postfix: il banner è `smtpd_banner`; lascia `$myhostname` all'inizio e imposta myhostname sul nome restituito dal record PTR.",
      },
      {
        text: "Exchange: l'FQDN e il banner del connettore di ricezione (lascia Banner vuoto per quello predefinito, che inizia con l'FQDN).",
      },
      {
        text: "Chiedi a chi gestisce l'indirizzo pubblico (provider Internet, provider cloud) un record PTR che indichi il server di posta, ad es. `25.113.0.203.in-addr.arpa. IN PTR mail.contoso.com.`; disattiva l'ispezione SMTP su un firewall Cisco (`no inspect esmtp` nella policy globale).",
      },
    ],
  }),
  SMTP_EHLO_REJECTED: italianPage(EN.SMTP_EHLO_REJECTED, {
    title: "Il server di posta ha rifiutato EHLO",
    summary:
      "Dopo il banner, un server mittente si presenta con EHLO (o con HELO verso i server che non conoscono EHLO). Questo server ha risposto con un rifiuto (4xx o 5xx), quindi nella sessione non si può inviare posta.",
    details: [
      "L'analizzatore invia `EHLO rca-analyzer.invalid`: un nome fisso sotto il dominio riservato .invalid, così non rivela mai il nome della macchina su cui gira. Un server che richiede un nome EHLO risolvibile (Postfix con `reject_unknown_helo_hostname` e `smtpd_delay_reject = no`) lo rifiuta; la sua risposta lo dice, e i veri server mittenti con nomi corretti passano. Quando EHLO riceve 500 o 502 (comando sconosciuto), l'analizzatore prova HELO, come l'RFC 5321 prescrive ai client.",
      "Un rifiuto per qualunque client è un errore di configurazione: il mail exchanger non può ricevere posta affatto.",
    ],
    symptoms: [
      "La posta per il dominio rimbalza o resta in coda presso i mittenti, e il messaggio di mancato recapito riporta il rifiuto di EHLO da parte del server.",
    ],
    causes: [
      "Restrizioni sul nome EHLO troppo rigide (`smtpd_helo_restrictions = reject…`), oppure un filtro delle connessioni che risponde 554 a ogni comando.",
      "Un'appliance antispam o un proxy SMTP davanti al server che rifiuta il client.",
    ],
    fixes: [
      { text: "Ripeti il dialogo a mano e leggi il rifiuto.", descriptions: [SMTP_BY_HAND] },
      {
        text: "Postfix: controlla le restrizioni su EHLO; rifiuta solo ciò che è palesemente falsificato e rimanda la decisione a RCPT TO (il comportamento predefinito).",
      },
      {
        text: "Exchange: controlla che il connettore di ricezione in ascolto sulla porta 25 accetti i mittenti anonimi.",
      },
    ],
  }),
  SMTP_NULL_MX: italianPage(EN.SMTP_NULL_MX, {
    title: "Il dominio ha un null MX: non accetta posta elettronica",
    summary:
      'Il dominio pubblica il record MX "0 ." (RFC 7505), che dichiara che non riceve affatto posta elettronica: i mittenti respingono subito la posta indirizzata a esso invece di provare il suo indirizzo. È corretto per un dominio che si limita a inviare o a servire un sito web; è sbagliato se deve ricevere posta.',
    symptoms: ['Ogni messaggio per il dominio rimbalza subito con "Domain does not accept mail" o "nullMX".'],
    causes: ["Un null MX pubblicato di proposito per un dominio che in seguito ha iniziato a ricevere posta, oppure un modello applicato alla zona sbagliata."],
    fixes: [
      {
        text: "Sostituisci il null MX con i veri mail exchanger (righe del file di zona), poi attendi la scadenza del TTL del record.",
      },
      { text: "Nel file di zona: rimuovi `contoso.com. IN MX 0 .` e aggiungi `contoso.com. 3600 IN MX 10 mail.contoso.com.`" },
    ],
  }),
  SMTP_STARTTLS_MISSING: italianPage(EN.SMTP_STARTTLS_MISSING, {
    title: "Il server di posta non offre STARTTLS",
    summary:
      "La risposta del server a EHLO non elenca STARTTLS, oppure il server ha rifiutato il comando STARTTLS: la posta da Internet gli arriva in chiaro, leggibile e modificabile lungo il percorso. I mittenti che richiedono il TLS (MTA-STS, DANE, molte banche ed enti pubblici) non recapitano, e Gmail mostra questa posta con un lucchetto rosso aperto (non crittografata).",
    details: [
      "L'analizzatore legge le estensioni nella risposta a EHLO. Se STARTTLS è elencato, invia il comando e si aspetta 220; un rifiuto come `454 4.7.0 TLS not available due to local problem` di solito significa che il server non riesce a leggere il proprio certificato o la chiave. Il dialogo prosegue poi in chiaro, come fanno i mittenti.",
      "Un problema del certificato (nome non corrispondente, certificato scaduto o autofirmato) è un problema distinto e meno grave: la maggior parte dei mittenti usa il TLS in modo opportunistico e non convalida il certificato (RFC 7435), quindi l'analizzatore segnala i problemi del certificato su SMTP come avvisi. I mittenti che applicano MTA-STS o DANE invece lo convalidano.",
    ],
    symptoms: [
      "Le intestazioni Received riportano `with ESMTP` invece di `with ESMTPS`; Gmail mostra un lucchetto rosso aperto sui messaggi da o verso il dominio.",
    ],
    causes: [
      "Il TLS non è configurato: in Postfix `smtpd_tls_security_level` è `none` o non impostato, il connettore di ricezione di Exchange non ha un certificato per il proprio FQDN.",
      "Il file del certificato o della chiave non è leggibile (autorizzazioni, certificato rinnovato in un nuovo percorso), quindi il server smette di offrire STARTTLS o risponde 454.",
      "Un firewall con ispezione SMTP (`inspect esmtp` di Cisco ASA/FTD) toglie STARTTLS dalla risposta a EHLO.",
    ],
    fixes: [
      { text: "Guarda la risposta a EHLO e prova STARTTLS a mano.", descriptions: [SMTP_BY_HAND] },
      {
        text: "Postfix: offri STARTTLS con un certificato per il nome dell'MX.",
      },
      {
        text: "Exchange: abilita il certificato per SMTP; il soggetto o un SAN deve contenere l'FQDN del connettore di ricezione.",
      },
      {
        text: "Disattiva l'ispezione ESMTP su un firewall Cisco (`policy-map global_policy` → `class inspection_default` → `no inspect esmtp`).",
      },
    ],
  }),
  SMTP_RECIPIENT_REJECTED: italianPage(EN.SMTP_RECIPIENT_REJECTED, {
    title: "Il server di posta ha rifiutato il destinatario",
    summary:
      "Interrogato con `MAIL FROM:<>` e `RCPT TO:<recipient>` per sapere se accetta posta per l'indirizzo che hai indicato, il server ha risposto con un rifiuto: una risposta 5xx è un errore (i mittenti ricevono un rapporto di mancato recapito), una risposta 4xx un avviso (un rifiuto temporaneo come il greylisting; i mittenti riprovano). Anche il rifiuto del mittente nullo (`MAIL FROM:<>`) è un errore: l'RFC 5321 impone di accettarlo per i messaggi di mancato recapito e le notifiche sullo stato del recapito.",
    details: [
      "L'analizzatore non invia mai DATA: dopo RCPT TO invia RSET, quindi non viene recapitato nulla. Usa il mittente nullo perché i controlli sul mittente (SPF, dominio del mittente) non interferiscano; il testo della risposta del server viene mostrato così come è stato ricevuto.",
    ],
    symptoms: ["La posta per questo indirizzo rimbalza con `550 5.1.1 User unknown`, `550 5.7.1 Relay access denied` o simili."],
    causes: [
      "La cassetta postale o l'alias non esiste, oppure non è noto al server che risponde (un gateway davanti a Exchange o a Microsoft 365 con un elenco di destinatari non aggiornato).",
      "Il dominio non è un dominio accettato dal server, quindi il server tratta l'indirizzo come un relay.",
      "Restrizioni basate sul destinatario o greylisting (4xx).",
    ],
    fixes: [
      {
        text: "Ripeti il controllo a mano: `MAIL FROM:<>`, `RCPT TO:<user@contoso.com>`, poi `RSET` e `QUIT`.",
        descriptions: [SMTP_BY_HAND],
      },
      {
        text: "Exchange: assicurati che il dominio sia accettato e che l'indirizzo appartenga a un destinatario.",
      },
      {
        text: "Postfix: controlla il dominio e l'indirizzo come fa smtpd.",
      },
    ],
  }),
  SMTP_OPEN_RELAY: italianPage(EN.SMTP_OPEN_RELAY, {
    title: "Il server di posta è un open relay",
    summary:
      "Il server ha accettato un messaggio da un indirizzo esterno (`rca-relay-test@example.com`) per un altro indirizzo esterno (`relay-test@example.net`), senza autenticazione: chiunque può inviare posta attraverso di esso. Gli spammer trovano server del genere nel giro di poche ore; il suo indirizzo finisce nelle liste di blocco e la posta dell'organizzazione viene rifiutata ovunque.",
    details: [
      "L'analizzatore invia `MAIL FROM:<rca-relay-test@example.com>` e `RCPT TO:<relay-test@example.net>` (domini riservati agli esempi, RFC 2606) e, qualunque sia la risposta, RSET: non invia mai DATA, quindi non viene inoltrato nulla. Un server deve rifiutare il destinatario (tipicamente con `554 5.7.1 Relay access denied` o `550 5.7.54 Unable to relay`).",
      "Un server che accetta il destinatario e rifiuta più tardi (dopo DATA) viene segnalato comunque: al software degli spammer non importa, e la coda del server si riempie di messaggi di mancato recapito.",
    ],
    symptoms: [
      "La coda della posta contiene migliaia di messaggi verso domini sconosciuti; l'indirizzo del server è elencato in Spamhaus e in altre liste di blocco.",
    ],
    causes: [
      "Postfix: `mynetworks` comprende Internet (0.0.0.0/0) o l'indirizzo del bilanciamento del carico da cui arrivano tutte le connessioni, oppure in `smtpd_relay_restrictions` manca `reject_unauth_destination`.",
      'Exchange: un connettore di ricezione anonimo con l\'autorizzazione "ms-Exch-SMTP-Accept-Any-Recipient" per tutti gli indirizzi.',
    ],
    fixes: [
      {
        text: "Postfix: consenti il relay solo alle tue reti e agli utenti autenticati.",
      },
      {
        text: "Exchange: trova i connettori di ricezione che consentono il relay ai mittenti anonimi e limitali agli indirizzi dei server applicativi.",
      },
      {
        text: "Svuota la coda dallo spam inoltrato, poi, una volta chiuso il relay, chiedi alle liste di blocco di rimuovere l'indirizzo.",
      },
    ],
  }),
  MTA_STS_INVALID: italianPage(EN.MTA_STS_INVALID, {
    title: "Criterio MTA-STS non valido o non rispettato",
    summary:
      "Il dominio annuncia MTA-STS (RFC 8461) con un record TXT `_mta-sts`, ma il suo criterio non può essere scaricato o letto, oppure i mail exchanger non lo rispettano: un host MX a cui non corrisponde alcuna riga `mx:`, oppure uno senza STARTTLS e un certificato valido. In modalità enforce è un errore (i mittenti che applicano MTA-STS, come Gmail e Microsoft 365, rifiutano di recapitare a quegli host); in modalità testing è un avviso (recapitano e inviano un report).",
    details: [
      "L'analizzatore legge il TXT `_mta-sts.<domain>` (esattamente un record che inizi con `v=STSv1`, con un `id=` di al massimo 32 lettere e cifre), poi scarica `https://mta-sts.<domain>/.well-known/mta-sts.txt` sulla porta 443 con un controllo rigoroso del certificato, come fanno i mittenti (senza seguire reindirizzamenti). Il criterio richiede `version: STSv1`, `mode: enforce | testing | none`, `max_age` in secondi (al massimo 31557600) e una riga `mx:` per ogni modello (`mail.contoso.com` o `*.contoso.com`, dove il carattere jolly copre un'etichetta).",
      "I mittenti tengono in cache un criterio per max_age secondi e lo scaricano di nuovo quando cambia l'`id` nel record TXT: cambia l'id ogni volta che modifichi il criterio.",
      "L'assenza di un record `_mta-sts` non è un problema: in quel caso il passaggio è solo informativo.",
    ],
    symptoms: [
      "La posta da Gmail o da Microsoft 365 arriva in ritardo o rimbalza, mentre gli altri mittenti recapitano; i report TLS-RPT elencano `sts-policy-fetch-error`, `validation-failure` o `starttls-not-supported`.",
    ],
    causes: [
      "L'host del criterio mta-sts.<dominio> non ha un indirizzo, non ha HTTPS, ha un certificato non valido per il suo nome, oppure risponde con un 404 o un reindirizzamento.",
      "Un nuovo host MX è stato aggiunto al DNS ma non alle righe `mx:` del criterio.",
      "Un host MX non offre più STARTTLS o presenta un certificato per un altro nome.",
    ],
    fixes: [
      {
        text: "Scarica il record e il criterio come fanno i mittenti.",
      },
      {
        text: 'Pubblica un criterio che indichi ogni host MX, ad es. questo file come text/plain, poi cambia l\'id nel record TXT (`_mta-sts.contoso.com. IN TXT "v=STSv1; id=20240601T000000"`).',
      },
      {
        text: "Quando cambi host MX o certificati, passa prima a `mode: testing` e tieni d'occhio i report TLS-RPT.",
      },
    ],
  }),
  TLSRPT_MISSING: italianPage(EN.TLSRPT_MISSING, {
    title: "Nessun record TLS-RPT valido",
    summary:
      "Il dominio non ha un record di reporting TLS valido (RFC 8460, TXT `_smtp._tls.<domain>` `v=TLSRPTv1; rua=mailto:…`) benché richieda il TLS con MTA-STS o DANE: quando i mittenti non riescono a recapitare via TLS, nessuno viene avvisato. Senza MTA-STS e DANE il record mancante è solo informativo; un record difettoso (senza `rua=`, più di un record) è sempre un avviso.",
    details: [
      "Come i controlli di Microsoft, l'analizzatore considera TLS-RPT facoltativo di per sé: i suoi report contano quando un criterio può indurre i mittenti a rifiutare il recapito. `rua=` accetta indirizzi `mailto:` e `https:`, separati da virgole.",
    ],
    symptoms: ["Un errore di MTA-STS o DANE (un certificato scaduto, un nuovo host MX) viene notato solo quando la posta smette di arrivare."],
    causes: ["Il record non è mai stato pubblicato, oppure è malformato (manca `rua=`, due record con lo stesso nome)."],
    fixes: [
      {
        text: "Pubblica un solo record con una cassetta postale (o un servizio di reporting) per i report.",
      },
      { text: 'Riga del file di zona: `_smtp._tls.contoso.com. 3600 IN TXT "v=TLSRPTv1; rua=mailto:tls-reports@contoso.com"`' },
    ],
  }),
  DANE_MISMATCH: italianPage(EN.DANE_MISMATCH, {
    title: "I record TLSA di DANE non corrispondono al certificato",
    summary:
      "Il mail exchanger ha record TLSA (`_25._tcp.<mx host>`, RFC 7672) ma nessuno corrisponde al certificato che presenta con STARTTLS, oppure non offre affatto uno STARTTLS funzionante: i mittenti che usano DANE (Postfix ed Exim con DNSSEC, molti provider europei) rifiutano di recapitargli posta. È un avviso quando nessuno dei record è di un tipo usato da SMTP.",
    details: [
      "SMTP usa solo l'usage 3 (DANE-EE: il certificato o la chiave del server stesso) e l'usage 2 (DANE-TA: un certificato o una chiave di CA nella catena inviata dal server); gli usage 0 e 1 vengono ignorati. Il selector 0 è l'intero certificato, 1 la sua chiave pubblica (SPKI); il matching type 0 è il dato stesso, 1 il suo SHA-256, 2 il suo SHA-512. `3 1 1` (lo SHA-256 della chiave pubblica del server) è la scelta abituale: sopravvive ai rinnovi del certificato che mantengono la chiave.",
      "L'analizzatore non convalida DNSSEC: DANE conta solo quando i record TLSA sono firmati con DNSSEC, quindi verifica la firma a parte (ad es. `dig +dnssec`, o il flag `ad` di un resolver che esegue la convalida).",
      "L'assenza di record TLSA non è un problema: in quel caso il passaggio è solo informativo.",
    ],
    symptoms: [
      "La posta dai mittenti che convalidano DANE resta in coda con `Server certificate not trusted` o `TLSA lookup … no match`, dopo un rinnovo del certificato con una nuova chiave.",
    ],
    causes: [
      "Il certificato (o la sua chiave) è stato rinnovato e il record TLSA contiene ancora quello vecchio.",
      "Un record `2 x x` indica un certificato di CA che il server non invia nella propria catena.",
      "Il server ha smesso di offrire STARTTLS.",
    ],
    fixes: [
      {
        text: "Calcola il dato `3 1 1` del certificato presentato dal server e confrontalo con il record.",
      },
      {
        text: "Pubblica il nuovo record prima che il nuovo certificato entri in uso, e mantieni quello vecchio finché il vecchio certificato non è stato dismesso: `_25._tcp.mail.contoso.com. 3600 IN TLSA 3 1 1 <sha-256 hex>`. Con certbot, `--reuse-key` mantiene la stessa chiave tra un rinnovo e l'altro.",
      },
    ],
  }),
} satisfies HelpPages;
