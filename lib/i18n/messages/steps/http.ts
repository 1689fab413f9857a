import type { CatalogueShape } from "../types";

/** Step texts of the HTTP credential steps shared by the Exchange tests (credential gate, credentials, pinned sessions, NTLM challenge, the unanswered-credential judgement): merged into the catalogues as `steps.http`. Plain `{name}` templates (not ICU). */
export const httpStepsEn = {
  /** lib/analyzers/steps/credential-gate.ts: reasons, in lower case (they follow "Skipped because"). */
  gate: {
    untrustedIgnored:
      'the credentials weren\'t sent: "Ignore trust for SSL" turned certificate errors into warnings, but Outlook would refuse this certificate (its trust, name, dates or usage), so it would never send a password over this connection.',
    untrusted:
      "the credentials weren't sent: the certificate failed a check Outlook makes (trust, name, dates or usage), and Outlook never sends a password over such a connection.",
    noScheme: "the server doesn't offer {method} authentication, so the credentials weren't sent.",
  },
  /** lib/analyzers/steps/pinned-session.ts. `{refused}` is the refused handshake's own text; `sentence` when it ends with a period. */
  strictRefusal: {
    phrase:
      "the credentials weren't sent: a connection made as strictly as {client} (TLS 1.2 or later, default security, certificate verified by OpenSSL) was refused: {refused}",
    sentence:
      "the credentials weren't sent: a connection made as strictly as {client} (TLS 1.2 or later, default security, certificate verified by OpenSSL) was refused: {refused}.",
    capitalPhrase:
      "The credentials weren't sent: a connection made as strictly as {client} (TLS 1.2 or later, default security, certificate verified by OpenSSL) was refused: {refused}",
    capitalSentence:
      "The credentials weren't sent: a connection made as strictly as {client} (TLS 1.2 or later, default security, certificate verified by OpenSSL) was refused: {refused}.",
    client: { outlook: "Outlook's", device: "a device's" },
  },
  pinned: {
    otherCertificate:
      "A new connection to {host} presented a different certificate (SHA-256 {presented}) from the one validated ({expected}); nothing was sent over it.",
  },
  /** lib/analyzers/steps/credential-outcome.ts. */
  unanswered: {
    noChallenge: "The server didn't answer the NTLM negotiation with a challenge (HTTP {status}).",
    noChallengeOf: "The server didn't answer the NTLM negotiation of the {request} with a challenge (HTTP {status}).",
    malformedChallenge: "The server's NTLM challenge is malformed: {reason}",
    connectionChanged:
      "The server closed the connection between the NTLM challenge and the answer; NTLM needs both on one kept-alive connection (check load balancers and proxies in front of the server).",
  },
  /** lib/net/http.ts. */
  errors: {
    timeout: "No complete HTTP response within {ms} ms.",
    headersTooLarge: "The server's HTTP headers exceed {bytes} bytes.",
    invalid: "The server's answer isn't valid HTTP ({code}).",
    closed: "The server closed the connection before answering the HTTP request.",
    failed: "The HTTP request failed ({reason}).",
  },
} as const;

export const httpStepsIt: CatalogueShape<typeof httpStepsEn> = {
  gate: {
    untrustedIgnored:
      'le credenziali non sono state inviate: "Ignora l\'attendibilità SSL" ha trasformato gli errori del certificato in avvisi, ma Outlook rifiuterebbe questo certificato (attendibilità, nome, date o utilizzo) e quindi non invierebbe mai una password su questa connessione.',
    untrusted:
      "le credenziali non sono state inviate: il certificato non ha superato un controllo che Outlook esegue (attendibilità, nome, date o utilizzo) e Outlook non invia mai una password su una connessione del genere.",
    noScheme: "il server non offre l'autenticazione {method}, quindi le credenziali non sono state inviate.",
  },
  strictRefusal: {
    phrase:
      "le credenziali non sono state inviate: una connessione stabilita con gli stessi requisiti di {client} (TLS 1.2 o successivo, sicurezza predefinita, certificato verificato da OpenSSL) è stata rifiutata: {refused}",
    sentence:
      "le credenziali non sono state inviate: una connessione stabilita con gli stessi requisiti di {client} (TLS 1.2 o successivo, sicurezza predefinita, certificato verificato da OpenSSL) è stata rifiutata: {refused}.",
    capitalPhrase:
      "Le credenziali non sono state inviate: una connessione stabilita con gli stessi requisiti di {client} (TLS 1.2 o successivo, sicurezza predefinita, certificato verificato da OpenSSL) è stata rifiutata: {refused}",
    capitalSentence:
      "Le credenziali non sono state inviate: una connessione stabilita con gli stessi requisiti di {client} (TLS 1.2 o successivo, sicurezza predefinita, certificato verificato da OpenSSL) è stata rifiutata: {refused}.",
    client: { outlook: "Outlook", device: "un dispositivo" },
  },
  pinned: {
    otherCertificate:
      "Una nuova connessione a {host} ha presentato un certificato diverso (SHA-256 {presented}) da quello convalidato ({expected}); su di essa non è stato inviato nulla.",
  },
  unanswered: {
    noChallenge: "Il server non ha risposto alla negoziazione NTLM con una challenge (HTTP {status}).",
    noChallengeOf: "Il server non ha risposto alla negoziazione NTLM ({request}) con una challenge (HTTP {status}).",
    malformedChallenge: "La challenge NTLM del server non è valida: {reason}",
    connectionChanged:
      "Il server ha chiuso la connessione tra la challenge NTLM e la risposta; NTLM richiede che entrambe passino su un'unica connessione keep-alive (controllare i bilanciatori di carico e i proxy davanti al server).",
  },
  errors: {
    timeout: "Nessuna risposta HTTP completa entro {ms} ms.",
    headersTooLarge: "Le intestazioni HTTP del server superano {bytes} byte.",
    invalid: "La risposta del server non è HTTP valido ({code}).",
    closed: "Il server ha chiuso la connessione prima di rispondere alla richiesta HTTP.",
    failed: "La richiesta HTTP non è riuscita ({reason}).",
  },
};
