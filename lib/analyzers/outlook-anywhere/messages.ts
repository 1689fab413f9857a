import type { CatalogueShape } from "@/lib/i18n/messages/types";

/**
 * The catalogue texts of this test: its catalogue entry (title, summary, about), its form fields' labels and hints and its step texts.
 * The catalogues place them (through lib/analyzers/messages.ts) as `tests["outlook-anywhere"]`, `fields["outlook-anywhere"]` and `steps.outlookAnywhere`. Plain `{name}` templates (not ICU).
 */
export const en = {
  test: {
    title: "Outlook Anywhere (RPC over HTTP)",
    summary:
      "Checks the RPC proxy's certificate, client-certificate settings, HTTP authentication methods and the msstd: mutual authentication principal Outlook uses.",
    about: {
      step1:
        'With "Use Autodiscover": first finds the Outlook Anywhere (EXPR) server and its CertPrincipalName through Autodiscover, as Outlook does, then tests that server with that principal.',
      step2: "Resolves the RPC proxy server in DNS and opens the port.",
      step3: "Validates the SSL certificate as Outlook does: name, chain and trust, dates, strength.",
      step4: "Checks the client-certificate settings and the HTTP authentication methods the RPC proxy (/rpc/rpcproxy.dll) offers.",
      step5: "Compares the certificate with the mutual authentication principal name.",
      step6:
        "With credentials, pings the RPC proxy with the chosen method (Basic or NTLM), only over a connection Outlook itself would accept: a trusted chain, the right name, TLS 1.2 or later.",
    },
  },
  fields: {
    emailAddress: { hint: "With Autodiscover: the mailbox whose Outlook Anywhere settings Autodiscover hands out." },
    host: {
      label: "RPC proxy server",
      hint: "Without Autodiscover: the external host name of Outlook Anywhere, as set on the RPC virtual directory (ExternalHostname).",
    },
  },
  /** Step texts of the Outlook Anywhere test (lib/analyzers/outlook-anywhere/*): placed in the catalogues as `steps.outlookAnywhere`. Plain `{name}` templates (not ICU). */
  steps: {
    expr: {
      title: "Attempting to retrieve the Outlook Anywhere settings for {emailAddress} through Autodiscover.",
      noProvider:
        "Autodiscover returns no EXPR provider: Outlook Anywhere isn't published to clients outside the network, so Outlook has no RPC proxy to connect to.",
      found: "Autodiscover names the Outlook Anywhere server {server}, with the principal {principal} (CertPrincipalName).",
      foundDefault:
        "Autodiscover names the Outlook Anywhere server {server}, with the principal {principal} (no CertPrincipalName: Outlook uses msstd:<server>).",
    },
    proxy: {
      title: "Testing RPC over HTTP connectivity to the server {host}.",
      titleUnknown: "Testing RPC over HTTP connectivity to the server Autodiscover names.",
      // Follows "Skipped because": lower case, as the step has always stored it.
      noExpr: "autodiscover didn't hand out the Outlook Anywhere (EXPR) settings.",
    },
    clientCertificate: {
      title: "Checking the IIS configuration for client certificate authentication.",
      dropped:
        "The server asked for a client certificate and dropped the connection when none was sent. Outlook Anywhere doesn't send a client certificate: set the /rpc virtual directory's SSL settings to ignore client certificates.",
      required:
        "The server requires a client certificate (HTTP 403.7). Outlook Anywhere doesn't send a client certificate: set the /rpc virtual directory's SSL settings to ignore client certificates.",
      accepted:
        "The server asks for a client certificate but answered without one (IIS \"Client certificates: Accept\"). Some clients prompt for a certificate or fail. Outlook Anywhere doesn't send a client certificate: set the /rpc virtual directory's SSL settings to ignore client certificates.",
      notObservable: "The server answered without a client certificate (HTTP {status}), but whether it asks for one couldn't be observed: {reason}.",
      notRequested: "Client certificate authentication wasn't detected: the server didn't ask for a client certificate.",
    },
    authMethods: {
      title: "Testing HTTP Authentication Methods for URL {url}.",
      noAnswer: "the client certificate check didn't get an answer to judge.",
      notFound: "The server answered 404 Not Found: the RPC over HTTP proxy isn't installed at /rpc/rpcproxy.dll, or Outlook Anywhere isn't enabled.",
      noChallenge:
        "The RPC proxy answered HTTP {status} without asking for authentication; Outlook Anywhere expects 401 with the authentication methods offered.",
      unexpectedStatus: "The RPC proxy answered HTTP {status} {statusText} instead of 401 Unauthorized with the authentication methods it accepts.",
      found: "The analyzer found the expected authentication method {method}. Methods found: {found}.",
      negotiateOnly: "NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: {found}.",
      missing: "The authentication method {method} isn't offered by the RPC proxy. Methods found: {found}.",
    },
    mutualAuth: {
      title: "Testing SSL mutual authentication with the RPC proxy server.",
    },
    authenticate: {
      title: "Attempting to ping RPC proxy {host} with the supplied credentials ({method} authentication).",
      noCredentials: "no user name and password were supplied.",
      rejected:
        "The server rejected the supplied credentials (HTTP 401) with {method} authentication. Check the user name, the password, and that the account may use Outlook Anywhere.",
      pinged: "RPC Proxy was successfully pinged: the server accepted the supplied credentials with {method} authentication (HTTP {status}).",
      unexpectedStatus: "After authentication the RPC proxy answered HTTP {status} {statusText}.",
    },
  },
} as const;

export const it: CatalogueShape<typeof en> = {
  test: {
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
  fields: {
    emailAddress: { hint: "Con Autodiscover: la cassetta postale di cui Autodiscover restituisce le impostazioni di Outlook Anywhere." },
    host: {
      label: "Server proxy RPC",
      hint: "Senza Autodiscover: il nome host esterno di Outlook Anywhere, come impostato sulla directory virtuale RPC (ExternalHostname).",
    },
  },
  steps: {
    expr: {
      title: "Tentativo di recuperare le impostazioni di Outlook Anywhere per {emailAddress} tramite Autodiscover.",
      noProvider:
        "Autodiscover non restituisce alcun provider EXPR: Outlook Anywhere non è pubblicato per i client esterni alla rete, quindi Outlook non ha alcun proxy RPC a cui connettersi.",
      found: "Autodiscover indica il server Outlook Anywhere {server}, con il nome dell'entità {principal} (CertPrincipalName).",
      foundDefault:
        "Autodiscover indica il server Outlook Anywhere {server}, con il nome dell'entità {principal} (nessun CertPrincipalName: Outlook usa msstd:<server>).",
    },
    proxy: {
      title: "Verifica della connettività RPC over HTTP verso il server {host}.",
      titleUnknown: "Verifica della connettività RPC over HTTP verso il server indicato da Autodiscover.",
      noExpr: "Autodiscover non ha restituito le impostazioni di Outlook Anywhere (EXPR).",
    },
    clientCertificate: {
      title: "Verifica della configurazione IIS per l'autenticazione con certificato client.",
      dropped:
        "Il server ha richiesto un certificato client e ha chiuso la connessione quando non ne è stato inviato nessuno. Outlook Anywhere non invia un certificato client: nelle impostazioni SSL della directory virtuale /rpc imposta i certificati client su Ignora.",
      required:
        "Il server richiede un certificato client (HTTP 403.7). Outlook Anywhere non invia un certificato client: nelle impostazioni SSL della directory virtuale /rpc imposta i certificati client su Ignora.",
      accepted:
        'Il server richiede un certificato client ma ha risposto anche senza (IIS "Certificati client: Accetta"). Alcuni client chiedono di scegliere un certificato oppure non riescono a connettersi. Outlook Anywhere non invia un certificato client: nelle impostazioni SSL della directory virtuale /rpc imposta i certificati client su Ignora.',
      notObservable: "Il server ha risposto senza un certificato client (HTTP {status}), ma non è stato possibile osservare se ne richiede uno: {reason}.",
      notRequested: "Non è stata rilevata l'autenticazione con certificato client: il server non ha richiesto un certificato client.",
    },
    authMethods: {
      title: "Verifica dei metodi di autenticazione HTTP per l'URL {url}.",
      noAnswer: "la verifica del certificato client non ha ottenuto una risposta da valutare.",
      notFound: "Il server ha risposto 404 Not Found: il proxy RPC over HTTP non è installato in /rpc/rpcproxy.dll, oppure Outlook Anywhere non è abilitato.",
      noChallenge:
        "Il proxy RPC ha risposto HTTP {status} senza richiedere l'autenticazione; Outlook Anywhere si aspetta un 401 con i metodi di autenticazione offerti.",
      unexpectedStatus: "Il proxy RPC ha risposto HTTP {status} {statusText} invece di 401 Unauthorized con i metodi di autenticazione che accetta.",
      found: "L'analizzatore ha trovato il metodo di autenticazione previsto {method}. Metodi trovati: {found}.",
      negotiateOnly: "NTLM non è offerto da solo; è offerto Negotiate, che per la maggior parte dei client ripiega su NTLM. Metodi trovati: {found}.",
      missing: "Il metodo di autenticazione {method} non è offerto dal proxy RPC. Metodi trovati: {found}.",
    },
    mutualAuth: {
      title: "Verifica dell'autenticazione reciproca SSL con il server proxy RPC.",
    },
    authenticate: {
      title: "Tentativo di ping del proxy RPC {host} con le credenziali fornite (autenticazione {method}).",
      noCredentials: "non sono stati forniti nome utente e password.",
      rejected:
        "Il server ha rifiutato le credenziali fornite (HTTP 401) con l'autenticazione {method}. Verifica il nome utente, la password e che l'account sia abilitato a usare Outlook Anywhere.",
      pinged: "Ping del proxy RPC riuscito: il server ha accettato le credenziali fornite con l'autenticazione {method} (HTTP {status}).",
      unexpectedStatus: "Dopo l'autenticazione il proxy RPC ha risposto HTTP {status} {statusText}.",
    },
  },
};
