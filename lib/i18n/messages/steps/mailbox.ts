import type { CatalogueShape } from "../types";

/** Step texts of the IMAP and POP tests (lib/analyzers/steps/mailbox.ts, lib/analyzers/imap/*, lib/analyzers/pop/*, lib/net/mail/line-client.ts, imap.ts, pop.ts): merged into the catalogues as `steps.mailbox`. Plain `{name}` templates (not ICU). */
export const mailboxStepsEn = {
  /** Two sentences, each a referenced text that ends in a period (which a referenced text loses): "A. B." */
  sentences: "{first}. {rest}.",
  dialog: {
    noCredentials: "no user name and password were supplied.",
    notLoggedOn: "the analyzer didn't log on to the mailbox.",
    startTlsMissing:
      "The server doesn't offer {command}: a mail client set to use it can't connect, and one that falls back to an unencrypted connection would send the user's password across the network in clear text.",
  },
  gate: {
    notEncrypted: "the credentials weren't sent: the connection isn't encrypted, and a password must never cross the network in clear text.",
    ignoredTrust:
      'the credentials weren\'t sent: "Ignore trust for SSL" turned certificate errors into warnings, but a mail client would refuse this certificate (its trust, name, dates or usage), so it would never send a password over this connection.',
    untrusted:
      "the credentials weren't sent: the certificate failed a check a mail client makes (trust, name, dates or usage), and a mail client never sends a password over such a connection.",
    lineBreak: "the user name or password contains a line break (or NUL), which can't be sent in a mail protocol command.",
  },
  lines: {
    closedByServer: "the server closed the connection",
    connectionFailed: "the connection failed ({code})",
    cannotSend: "{protocol}: couldn't send {command}: {reason}",
    tooManyLines: "{protocol}: The server sent more than {limit} lines in answer to {what} without ending its answer.",
    injection:
      "{protocol}: The server sent data after agreeing to start TLS and before the handshake: a client could be fooled into treating unprotected data as protected (STARTTLS response injection).",
    tooManyBytes: "{protocol}: The server sent more than {limit} bytes in this dialog: the analyzer stopped reading.",
    noAnswer: "{protocol}: No complete answer to {what}: {reason}.",
    noAnswerPartial: "{protocol}: No complete answer to {what}: {reason} after an unfinished line ({bytes} bytes).",
    timeoutNothing: "{protocol}: The server sent nothing in answer to {what} within {ms} ms.",
    timeoutPartial: "{protocol}: The server sent only part of a line ({bytes} bytes) in answer to {what} within {ms} ms.",
    overlong: "{protocol}: The server sent a line longer than {limit} bytes in answer to {what}.",
  },
  imap: {
    title: {
      greeting: "Attempting to read the IMAP server's greeting.",
      capabilities: "Testing the IMAP server's capabilities (CAPABILITY).",
      startTls: "Attempting to start TLS with the STARTTLS command.",
      capabilitiesTls: "Testing the IMAP server's capabilities again over TLS (CAPABILITY).",
      login: "Attempting to log on to the IMAP server with the supplied credentials.",
      mailbox: "Attempting to count the messages in the Inbox (STATUS INBOX (MESSAGES)).",
      logout: "Logging off from the IMAP server (LOGOUT).",
    },
    awaitingGreeting: "the connection (the IMAP greeting)",
    badTaggedLine: "IMAP: the server answered {command} with a tagged line that isn't OK, NO or BAD.",
    greeting: {
      ok: 'The IMAP server greeted the analyzer: "* OK {greeting}".',
      preauth: 'The IMAP server greeted the analyzer with PREAUTH: it considers the connection logged on already, without a password ("* PREAUTH {greeting}").',
      bye: 'The IMAP server refused the session in its greeting ("* BYE {greeting}"): it takes no IMAP sessions from this address now (too many connections, a block list, or the service shutting down).',
      unexpected: "The server's first line isn't an IMAP greeting (\"{greeting}\"): is another service (or a TLS-only one) listening on this port?",
    },
    capabilities: {
      refused: 'The IMAP server refused the CAPABILITY command: "{status} {answer}".',
      none: "The IMAP server answered CAPABILITY without listing any capability.",
      list: "The IMAP server's capabilities: {capabilities}.",
      noImap4rev1: "It doesn't list IMAP4rev1.",
      loginDisabled: "LOGINDISABLED: it refuses passwords before TLS, as it should.",
      noLoginDisabled: "It doesn't list LOGINDISABLED: it may accept a password before TLS starts.",
      noLoginMethod: "It offers neither LOGIN nor AUTHENTICATE PLAIN over TLS: clients can't log on with a password.",
    },
    startTls: {
      ok: 'The server agreed to start TLS ("OK {answer}").',
      refused: 'The server lists STARTTLS but refused it ("{status} {answer}"): clients can\'t encrypt the connection.',
    },
    login: {
      loginDisabled: "The server disables LOGIN (LOGINDISABLED) even over TLS and offers no AUTHENTICATE PLAIN: mail clients can't log on with a password.",
      unquotable: "The user name or password has characters LOGIN can't carry (8-bit or control characters) and the server offers no AUTHENTICATE PLAIN.",
      ok: 'The IMAP server accepted the credentials ({method}): "{status} {answer}".',
      refused: 'The IMAP server refused the credentials ({method}): "{status} {answer}".',
      malformed: 'The IMAP server found the {method} command malformed: "{status} {answer}".',
      preauthenticated: "The server pre-authenticated the session (PREAUTH): no credentials were needed, so none were sent.",
    },
    status: {
      refused: 'The IMAP server refused STATUS INBOX (MESSAGES): "{status} {answer}". The user can log on but not open the Inbox.',
      noCount: "The IMAP server answered STATUS INBOX (MESSAGES) with OK, but without the STATUS line that gives the count.",
      one: "The Inbox holds {count} message.",
      many: "The Inbox holds {count} messages.",
    },
    logout: {
      answered: "The server answered LOGOUT and the connection was closed.",
      noAnswer: "The server didn't answer LOGOUT; the analyzer closed the connection.",
    },
  },
  pop: {
    title: {
      greeting: "Attempting to read the POP3 server's greeting.",
      capabilities: "Testing the POP3 server's capabilities (CAPA).",
      startTls: "Attempting to start TLS with the STLS command.",
      capabilitiesTls: "Testing the POP3 server's capabilities again over TLS (CAPA).",
      login: "Attempting to log on to the POP3 server with the supplied credentials.",
      mailbox: "Attempting to count the messages in the mailbox (STAT).",
      logout: "Logging off from the POP3 server (QUIT).",
    },
    awaitingGreeting: "the connection (the POP3 greeting)",
    badReply: "POP: the server answered {command} with a line that is neither +OK nor -ERR.",
    greeting: {
      ok: 'The POP3 server greeted the analyzer: "+OK {greeting}".',
      refused:
        'The POP3 server refused the session in its greeting ("-ERR {greeting}"): it takes no POP3 sessions from this address now (too many connections, a block list, or the service shutting down).',
      unexpected: "The server's first line isn't a POP3 greeting (\"{greeting}\"): is another service (or a TLS-only one) listening on this port?",
    },
    capabilities: {
      unsupported:
        "The POP3 server doesn't support CAPA (\"-ERR {answer}\"): it predates RFC 2449, so it can't say whether it offers STLS or which logins it takes.",
      list: "The POP3 server's capabilities: {capabilities}.",
      noneListed: "The POP3 server's capabilities: none listed.",
      userBeforeTls: "It lists USER before TLS: it may accept a password in clear text.",
      noLoginMethod: "It offers neither USER nor SASL PLAIN: clients can't log on with a password.",
    },
    stls: {
      ok: 'The server agreed to start TLS ("+OK {answer}").',
      refused: 'The server refused STLS ("-ERR {answer}"): clients can\'t encrypt the connection.',
    },
    login: {
      noMethod: "The POP3 server offers neither USER nor SASL PLAIN over TLS: mail clients can't log on with a password.",
      ok: 'The POP3 server accepted the credentials ({method}): "+OK {answer}".',
      refused: 'The POP3 server refused the credentials ({method}): "-ERR {answer}".',
    },
    stat: {
      refused: 'The POP3 server refused STAT: "-ERR {answer}". The user can log on but the mailbox can\'t be read.',
      noCount: 'The POP3 server answered STAT without the message count RFC 1939 requires: "+OK {answer}".',
      one: "The mailbox holds {count} message ({octets} bytes).",
      many: "The mailbox holds {count} messages ({octets} bytes).",
    },
    quit: {
      answered: "The server answered QUIT and the connection was closed.",
      noAnswer: "The server didn't answer QUIT; the analyzer closed the connection.",
    },
  },
} as const;

export const mailboxStepsIt: CatalogueShape<typeof mailboxStepsEn> = {
  sentences: "{first}. {rest}.",
  dialog: {
    noCredentials: "non sono stati forniti nome utente e password.",
    notLoggedOn: "l'analizzatore non ha eseguito l'accesso alla cassetta postale.",
    startTlsMissing:
      "Il server non offre {command}: un client di posta configurato per usarlo non riesce a connettersi, e uno che ripiega su una connessione non cifrata invierebbe la password dell'utente in chiaro attraverso la rete.",
  },
  gate: {
    notEncrypted: "le credenziali non sono state inviate: la connessione non è cifrata, e una password non deve mai attraversare la rete in chiaro.",
    ignoredTrust:
      'le credenziali non sono state inviate: "Ignora l\'attendibilità SSL" ha trasformato gli errori del certificato in avvisi, ma un client di posta rifiuterebbe questo certificato (per attendibilità, nome, date o utilizzo), quindi non invierebbe mai una password su questa connessione.',
    untrusted:
      "le credenziali non sono state inviate: il certificato non ha superato una verifica che i client di posta eseguono (attendibilità, nome, date o utilizzo), e un client di posta non invia mai una password su una connessione del genere.",
    lineBreak: "il nome utente o la password contiene un'interruzione di riga (o un NUL), che non può essere inviata in un comando di un protocollo di posta.",
  },
  lines: {
    closedByServer: "il server ha chiuso la connessione",
    connectionFailed: "la connessione non è riuscita ({code})",
    cannotSend: "{protocol}: impossibile inviare {command}: {reason}",
    tooManyLines: "{protocol}: il server ha inviato più di {limit} righe per {what} senza terminare la risposta.",
    injection:
      "{protocol}: il server ha inviato dati dopo aver accettato di avviare TLS e prima dell'handshake: un client potrebbe essere indotto a considerare protetti dati che non lo sono (STARTTLS response injection).",
    tooManyBytes: "{protocol}: il server ha inviato più di {limit} byte in questo dialogo: l'analizzatore ha smesso di leggere.",
    noAnswer: "{protocol}: nessuna risposta completa per {what}: {reason}.",
    noAnswerPartial: "{protocol}: nessuna risposta completa per {what}: {reason} dopo una riga incompleta ({bytes} byte).",
    timeoutNothing: "{protocol}: il server non ha inviato nulla per {what} entro {ms} ms.",
    timeoutPartial: "{protocol}: il server ha inviato solo parte di una riga ({bytes} byte) per {what} entro {ms} ms.",
    overlong: "{protocol}: il server ha inviato una riga più lunga di {limit} byte per {what}.",
  },
  imap: {
    title: {
      greeting: "Tentativo di leggere il messaggio di benvenuto del server IMAP.",
      capabilities: "Verifica delle funzionalità del server IMAP (CAPABILITY).",
      startTls: "Tentativo di avviare TLS con il comando STARTTLS.",
      capabilitiesTls: "Nuova verifica delle funzionalità del server IMAP su TLS (CAPABILITY).",
      login: "Tentativo di accesso al server IMAP con le credenziali fornite.",
      mailbox: "Tentativo di contare i messaggi nella Posta in arrivo (STATUS INBOX (MESSAGES)).",
      logout: "Disconnessione dal server IMAP (LOGOUT).",
    },
    awaitingGreeting: "la connessione (il messaggio di benvenuto IMAP)",
    badTaggedLine: "IMAP: il server ha risposto a {command} con una riga con tag che non è né OK, né NO, né BAD.",
    greeting: {
      ok: 'Il server IMAP ha salutato l\'analizzatore: "* OK {greeting}".',
      preauth: 'Il server IMAP ha salutato l\'analizzatore con PREAUTH: considera la connessione già autenticata, senza password ("* PREAUTH {greeting}").',
      bye: 'Il server IMAP ha rifiutato la sessione nel messaggio di benvenuto ("* BYE {greeting}"): al momento non accetta sessioni IMAP da questo indirizzo (troppe connessioni, una block list o il servizio in fase di arresto).',
      unexpected:
        'La prima riga inviata dal server non è un messaggio di benvenuto IMAP ("{greeting}"): su questa porta è in ascolto un altro servizio (o uno solo TLS)?',
    },
    capabilities: {
      refused: 'Il server IMAP ha rifiutato il comando CAPABILITY: "{status} {answer}".',
      none: "Il server IMAP ha risposto a CAPABILITY senza elencare alcuna funzionalità.",
      list: "Funzionalità del server IMAP: {capabilities}.",
      noImap4rev1: "Non elenca IMAP4rev1.",
      loginDisabled: "LOGINDISABLED: rifiuta le password prima di TLS, come deve.",
      noLoginDisabled: "Non elenca LOGINDISABLED: potrebbe accettare una password prima dell'avvio di TLS.",
      noLoginMethod: "Non offre né LOGIN né AUTHENTICATE PLAIN su TLS: i client non possono accedere con una password.",
    },
    startTls: {
      ok: 'Il server ha accettato di avviare TLS ("OK {answer}").',
      refused: 'Il server elenca STARTTLS ma l\'ha rifiutato ("{status} {answer}"): i client non possono cifrare la connessione.',
    },
    login: {
      loginDisabled:
        "Il server disattiva LOGIN (LOGINDISABLED) anche su TLS e non offre AUTHENTICATE PLAIN: i client di posta non possono accedere con una password.",
      unquotable:
        "Il nome utente o la password contiene caratteri che LOGIN non può trasportare (caratteri a 8 bit o di controllo) e il server non offre AUTHENTICATE PLAIN.",
      ok: 'Il server IMAP ha accettato le credenziali ({method}): "{status} {answer}".',
      refused: 'Il server IMAP ha rifiutato le credenziali ({method}): "{status} {answer}".',
      malformed: 'Per il server IMAP il comando {method} non è formato correttamente: "{status} {answer}".',
      preauthenticated: "Il server ha preautenticato la sessione (PREAUTH): non servivano credenziali, quindi non ne sono state inviate.",
    },
    status: {
      refused: 'Il server IMAP ha rifiutato STATUS INBOX (MESSAGES): "{status} {answer}". L\'utente può accedere ma non può aprire la Posta in arrivo.',
      noCount: "Il server IMAP ha risposto OK a STATUS INBOX (MESSAGES), ma senza la riga STATUS che riporta il conteggio.",
      one: "La Posta in arrivo contiene {count} messaggio.",
      many: "La Posta in arrivo contiene {count} messaggi.",
    },
    logout: {
      answered: "Il server ha risposto a LOGOUT e la connessione è stata chiusa.",
      noAnswer: "Il server non ha risposto a LOGOUT; l'analizzatore ha chiuso la connessione.",
    },
  },
  pop: {
    title: {
      greeting: "Tentativo di leggere il messaggio di benvenuto del server POP3.",
      capabilities: "Verifica delle funzionalità del server POP3 (CAPA).",
      startTls: "Tentativo di avviare TLS con il comando STLS.",
      capabilitiesTls: "Nuova verifica delle funzionalità del server POP3 su TLS (CAPA).",
      login: "Tentativo di accesso al server POP3 con le credenziali fornite.",
      mailbox: "Tentativo di contare i messaggi nella cassetta postale (STAT).",
      logout: "Disconnessione dal server POP3 (QUIT).",
    },
    awaitingGreeting: "la connessione (il messaggio di benvenuto POP3)",
    badReply: "POP: il server ha risposto a {command} con una riga che non è né +OK né -ERR.",
    greeting: {
      ok: 'Il server POP3 ha salutato l\'analizzatore: "+OK {greeting}".',
      refused:
        'Il server POP3 ha rifiutato la sessione nel messaggio di benvenuto ("-ERR {greeting}"): al momento non accetta sessioni POP3 da questo indirizzo (troppe connessioni, una block list o il servizio in fase di arresto).',
      unexpected:
        'La prima riga inviata dal server non è un messaggio di benvenuto POP3 ("{greeting}"): su questa porta è in ascolto un altro servizio (o uno solo TLS)?',
    },
    capabilities: {
      unsupported:
        'Il server POP3 non supporta CAPA ("-ERR {answer}"): è precedente all\'RFC 2449, quindi non può indicare se offre STLS né quali metodi di accesso accetta.',
      list: "Funzionalità del server POP3: {capabilities}.",
      noneListed: "Funzionalità del server POP3: nessuna elencata.",
      userBeforeTls: "Elenca USER prima di TLS: potrebbe accettare una password in chiaro.",
      noLoginMethod: "Non offre né USER né SASL PLAIN: i client non possono accedere con una password.",
    },
    stls: {
      ok: 'Il server ha accettato di avviare TLS ("+OK {answer}").',
      refused: 'Il server ha rifiutato STLS ("-ERR {answer}"): i client non possono cifrare la connessione.',
    },
    login: {
      noMethod: "Il server POP3 non offre né USER né SASL PLAIN su TLS: i client di posta non possono accedere con una password.",
      ok: 'Il server POP3 ha accettato le credenziali ({method}): "+OK {answer}".',
      refused: 'Il server POP3 ha rifiutato le credenziali ({method}): "-ERR {answer}".',
    },
    stat: {
      refused: 'Il server POP3 ha rifiutato STAT: "-ERR {answer}". L\'utente può accedere ma la cassetta postale non può essere letta.',
      noCount: 'Il server POP3 ha risposto a STAT senza il numero di messaggi richiesto dall\'RFC 1939: "+OK {answer}".',
      one: "La cassetta postale contiene {count} messaggio ({octets} byte).",
      many: "La cassetta postale contiene {count} messaggi ({octets} byte).",
    },
    quit: {
      answered: "Il server ha risposto a QUIT e la connessione è stata chiusa.",
      noAnswer: "Il server non ha risposto a QUIT; l'analizzatore ha chiuso la connessione.",
    },
  },
};
