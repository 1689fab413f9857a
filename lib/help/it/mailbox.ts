import { MAILBOX_HELP as EN } from "../mailbox";
import { italianPage } from "./fixes";
import type { HelpPages } from "../types";

/** Le descrizioni dei comandi condivisi di lib/help/mailbox.ts (DIALOG_BY_HAND e gli altri), in italiano. */
const DIALOG_BY_HAND = "TLS implicito (993, 995), poi l'upgrade (143, 110): una volta connesso, digita `a1 CAPABILITY` (IMAP) o `CAPA` (POP3)";
const PLAIN_DIALOG_BY_HAND = "Prima del TLS: il messaggio di benvenuto e le capability così come le invia il server";
const DOVECOT_LOG = "Dovecot: le sue impostazioni e ciò che ha registrato per la connessione dell'analizzatore";
const EXCHANGE_IMAP_POP_STATE = "Exchange: i servizi IMAP4 e POP3 e le relative impostazioni";

/** IMAP e POP: messaggio di benvenuto, capability, STARTTLS, accesso e un comando innocuo sulla cassetta postale. */
export const MAILBOX_HELP_IT = {
  STARTTLS_MISSING: italianPage(EN.STARTTLS_MISSING, {
    title: "Il server IMAP o POP non offre STARTTLS",
    summary:
      "Hai verificato IMAP o POP3 con STARTTLS (porta 143 o 110) e il server non elenca STARTTLS (IMAP) o STLS (POP3) tra le sue capability, oppure ha rifiutato il comando. Un client impostato per usare STARTTLS non riesce a connettersi; uno che ripiega su una connessione non cifrata invia in chiaro sulla rete la password dell'utente e la posta.",
    details: [
      "L'analizzatore legge le capability prima del TLS: `a1 CAPABILITY` per IMAP, `CAPA` per POP3. Se STARTTLS (STLS) è elencato, invia il comando e si aspetta `OK` (`+OK`); seguono l'handshake TLS e i controlli del certificato, e le capability vengono lette di nuovo su TLS. A un server POP3 che non supporta affatto CAPA (precedente all'RFC 2449) viene inviato comunque STLS; anche una risposta `-ERR` viene segnalata qui.",
      "Quando STARTTLS non è offerto, l'analizzatore non invia mai le credenziali: una password non deve attraversare la rete senza cifratura. I passaggi di accesso e della cassetta postale vengono saltati.",
      "Il TLS implicito (IMAPS sulla 993, POP3S sulla 995) è l'alternativa che l'RFC 8314 raccomanda per i client di posta: verificalo con l'opzione TLS implicito. Outlook, Thunderbird e i telefoni supportano entrambe le modalità.",
    ],
    symptoms: [
      'Thunderbird o Outlook impostati su "STARTTLS" non riescono a connettersi, con un errore secondo cui il server non supporta STARTTLS o il tipo di crittografia specificato.',
      "I client impostati senza crittografia funzionano: significa che le password viaggiano in chiaro.",
    ],
    causes: [
      "Il TLS non è configurato affatto: Dovecot ha `ssl = no`, oppure nessun certificato (`ssl_cert`, `ssl_key`) che riesca a leggere; il servizio IMAP4 o POP3 di Exchange non ha un certificato per `X509CertificateName`.",
      "Dopo un rinnovo il file del certificato o della chiave non è leggibile (un nuovo percorso, le autorizzazioni), quindi il server si avvia senza TLS.",
      "Un proxy, un bilanciamento del carico o un firewall davanti al server termina la connessione e non inoltra STARTTLS.",
      "La porta sbagliata: sulla 143 o sulla 110 risponde un altro servizio (o un server senza TLS).",
    ],
    fixes: [
      {
        text: "Esamina le capability prima del TLS, poi prova l'upgrade a mano.",
        descriptions: [PLAIN_DIALOG_BY_HAND, DIALOG_BY_HAND],
      },
      {
        text: "Dovecot: abilita il TLS con un certificato per il nome usato dai client (in `/etc/dovecot/conf.d/10-ssl.conf`: `ssl = yes` o `ssl = required`, `ssl_cert = </etc/letsencrypt/live/mail.contoso.com/fullchain.pem`, `ssl_key = </etc/letsencrypt/live/mail.contoso.com/privkey.pem`), rifiuta le password prima del TLS (`disable_plaintext_auth = yes` in `10-auth.conf`), controlla il risultato e ricarica.",
      },
      {
        text: "Exchange: assegna il certificato a IMAP4 e POP3 e richiedi il TLS per gli accessi, poi riavvia i servizi.",
      },
    ],
  }),

  MAILBOX_COMMAND_FAILED: italianPage(EN.MAILBOX_COMMAND_FAILED, {
    title: "Dopo l'accesso il server ha rifiutato un comando innocuo sulla cassetta postale",
    summary:
      "Le credenziali sono state accettate, ma il comando che legge la cassetta postale non è riuscito: IMAP ha risposto a `STATUS INBOX (MESSAGES)` con NO o BAD, oppure POP3 ha risposto a `STAT` con -ERR. L'utente può accedere, ma un client di posta non riesce ad aprire o scaricare la cassetta postale.",
    details: [
      "L'analizzatore si limita a contare i messaggi: IMAP STATUS legge il numero di messaggi della Posta in arrivo senza selezionarla, e POP3 STAT restituisce numero e dimensione dei messaggi. Nessuno dei due modifica nulla; il QUIT dopo STAT non elimina nulla, perché nessun messaggio è stato contrassegnato.",
      "Il passaggio riporta il testo del server stesso, che di solito indica il motivo: un codice di risposta come `[SERVERBUG]`, `[UNAVAILABLE]` o `[NONEXISTENT]` (RFC 5530) per IMAP, `[IN-USE]` o `[SYS/TEMP]` (RFC 3206) per POP3.",
    ],
    symptoms: [
      "Il client di posta accede ma mostra una Posta in arrivo vuota o in errore, oppure segnala che la cassetta postale è in uso o non disponibile.",
      "Altri client della stessa cassetta postale (Outlook sul web, Outlook con Exchange) funzionano, mentre i client IMAP o POP no.",
    ],
    causes: [
      "POP3: un'altra sessione POP3 tiene il blocco della cassetta postale (un secondo dispositivo, oppure una sessione non terminata), con la risposta `-ERR [IN-USE]`.",
      "L'archivio della cassetta postale non è leggibile: autorizzazioni sulla directory della posta, disco o quota pieni, un indice danneggiato (Dovecot registra l'errore), una cassetta postale in fase di spostamento o un database smontato (Exchange).",
      "L'account non ha ancora una Posta in arrivo, oppure il percorso della posta (`mail_location`) punta a qualcosa che non esiste.",
      "Exchange: il servizio back-end IMAP4 o POP3 (MSExchangeIMAP4BE, MSExchangePOP3BE) sul server della cassetta postale non è in esecuzione, oppure l'accesso IMAP/POP è disabilitato per la cassetta postale.",
    ],
    fixes: [
      {
        text: "Accedi a mano e invia lo stesso comando, poi leggi il log del server all'ora del test.",
        descriptions: [DIALOG_BY_HAND, DOVECOT_LOG],
      },
      {
        text: "Dovecot: controlla il percorso della posta e la cassetta postale dell'utente, e ricostruisci un indice danneggiato.",
      },
      {
        text: "Exchange: controlla che IMAP e POP siano abilitati per la cassetta postale e che i servizi back-end siano in esecuzione, e leggi il log del protocollo (`%ExchangeInstallPath%Logging\\Imap4`, `\\Pop3`) dopo averlo abilitato.",
        descriptions: [EXCHANGE_IMAP_POP_STATE],
      },
    ],
  }),

  PROTOCOL_TIMEOUT: italianPage(EN.PROTOCOL_TIMEOUT, {
    title: "Il server di posta non ha risposto in tempo",
    summary:
      "La connessione TCP era aperta, ma il server non ha inviato una risposta completa entro il tempo a disposizione dell'analizzatore (RCA_TIMEOUT_MS, 10 secondi per impostazione predefinita) per un passaggio di un dialogo di posta: il messaggio di benvenuto, o la risposta a un comando come CAPABILITY, CAPA, STARTTLS, LOGIN o STATUS. I client di posta attendono un tempo simile, poi rinunciano.",
    details: [
      "Il tempo vale per l'intera risposta, non per ogni byte: un server che non invia nulla e uno che invia un byte ogni tanto senza mai chiudere la riga vanno entrambi in timeout. Il passaggio dice quale dei due: niente del tutto, oppure solo una parte di una riga (e quanti byte).",
      "Il silenzio subito dopo l'apertura della connessione di solito significa che sulla porta non risponde il protocollo di posta previsto: una porta solo TLS (993, 995) verificata con STARTTLS, dove il server attende l'handshake TLS del client; oppure un dispositivo davanti al server che accetta le connessioni ma non ha dietro alcun server funzionante.",
      "Lo stesso codice è usato da tutti i dialoghi di posta basati su righe dell'analizzatore (SMTP, IMAP, POP3).",
    ],
    symptoms: [
      'I client restano bloccati su "Connessione in corso…" o "Verifica nuovi messaggi" e poi segnalano un timeout.',
      "`openssl s_client` o `nc` si connettono, ma non compare alcun messaggio di benvenuto.",
    ],
    causes: [
      "L'opzione di sicurezza sbagliata per la porta: le porte TLS implicito (993, 995, 465) si aspettano prima un handshake TLS e inviano il messaggio di benvenuto solo dopo; le porte STARTTLS (143, 110, 25, 587) lo inviano in chiaro.",
      "Un bilanciamento del carico, un firewall o un reverse proxy accetta la connessione TCP ma non riesce a raggiungere il server dietro di sé, oppure una deep packet inspection trattiene il dialogo.",
      "Il server è sovraccarico: tutti i suoi processi sono occupati (`process_limit`, `client_limit` di Dovecot), oppure ritarda di proposito le risposte per questo indirizzo (tarpitting).",
      "Ricerche DNS inverse o ident sull'indirizzo del client che vanno in timeout sul server prima che invii il messaggio di benvenuto.",
    ],
    fixes: [
      {
        text: "Connettiti a mano con la stessa sicurezza del test e osserva dove si ferma il dialogo.",
        descriptions: [PLAIN_DIALOG_BY_HAND, DIALOG_BY_HAND],
      },
      {
        text: "Dovecot: controlla i limiti dei processi di login e cerca nel suo log gli avvisi `Max. number of connections`.",
      },
      {
        text: "Exchange: controlla che i servizi front-end e back-end IMAP4 e POP3 siano in esecuzione e che le impostazioni di connessione indichino le porte giuste.",
        descriptions: [EXCHANGE_IMAP_POP_STATE],
      },
    ],
  }),

  PROTOCOL_ERROR: italianPage(EN.PROTOCOL_ERROR, {
    title: "La risposta del server di posta viola il protocollo",
    summary:
      "Il server ha risposto, ma non come richiede il protocollo di posta: un messaggio di benvenuto che non è tale (`* BYE`, `-ERR`, il banner di un altro protocollo, dati senza senso), una riga più lunga di quanto consenta qualsiasi protocollo, una risposta che non finisce mai, una risposta che non è né OK né un errore, oppure dati inviati dopo aver accettato di avviare il TLS. I client falliscono allo stesso modo o, peggio, possono essere ingannati.",
    details: [
      "Messaggi di benvenuto: IMAP si aspetta `* OK` (o `* PREAUTH`) e POP3 `+OK`. `* BYE` o `-ERR` nel messaggio di benvenuto significa che il server in questo momento rifiuta le sessioni da questo indirizzo; il passaggio ne riporta il motivo (troppe connessioni, una blocklist, un arresto).",
      "Limiti: una singola riga più lunga di 8 KiB, più di 200 righe in una risposta o più di 256 KiB in un dialogo chiudono il dialogo: un server ostile o malfunzionante non può trattenere l'analizzatore. Il passaggio dice quale limite è stato raggiunto.",
      "STARTTLS response injection: un server, o una macchina nel mezzo, che invia altri dati dopo il via libera a STARTTLS (STLS) e prima dell'handshake TLS potrebbe indurre un client a trattare testo non protetto come se fosse arrivato su TLS (la classe di difetti lato client descritta dalla ricerca \"NO STARTTLS\" del 2021; CVE-2011-0411 ne era lo specchio lato server in Postfix). L'analizzatore si rifiuta di proseguire.",
      "Avvisi: una risposta accettabile ma incompleta, come uno STATUS IMAP con risposta OK senza il conteggio, oppure uno STAT POP3 senza il numero di messaggi.",
      "Lo stesso codice è usato da tutti i dialoghi di posta basati su righe dell'analizzatore (SMTP, IMAP, POP3).",
    ],
    symptoms: [
      "I client segnalano che il server ha inviato una risposta imprevista o non valida, oppure che il server ha chiuso la connessione.",
      "La connessione funziona da una rete ma non da un'altra: qualcosa lungo il percorso (un proxy, un firewall che ispeziona il protocollo) modifica il dialogo.",
    ],
    causes: [
      "Sulla porta è in ascolto un altro servizio (SSH, HTTP, un server SMTP sulla 110 o sulla 143), oppure una porta solo TLS è stata verificata con STARTTLS.",
      "Il server rifiuta l'indirizzo del client: limiti di connessioni per IP (`mail_max_userip_connections`, `process_limit` di Dovecot), fail2ban o un'altra blocklist, oppure una manutenzione.",
      "Un firewall o un proxy con ispezione dei protocolli di posta riscrive o inserisce righe (anche dopo STARTTLS).",
      "Un server o un plug-in difettoso che invia risposte malformate.",
    ],
    fixes: [
      {
        text: "Connettiti a mano e leggi il messaggio di benvenuto e le risposte che il server invia davvero.",
        descriptions: [PLAIN_DIALOG_BY_HAND, DIALOG_BY_HAND],
      },
      {
        text: "Controlla nel log del server, all'ora del test, le connessioni rifiutate e i limiti di connessione, e cosa è in ascolto sulla porta.",
        descriptions: [DOVECOT_LOG],
      },
      {
        text: "Disattiva l'ispezione dei protocolli IMAP e POP3 o le funzioni di \"mail guard\" dei firewall e dei proxy davanti al server, che possono riscrivere o togliere l'elenco delle capability e STARTTLS (sui router Cisco IOS con CBAC, ad esempio, `ip inspect name <nome> imap` e `pop3`).",
      },
    ],
  }),
} satisfies HelpPages;
