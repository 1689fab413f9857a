import { TLS_HELP as EN } from "../tls";
import { italianPage } from "./fixes";
import type { HelpPages } from "../types";

const ENABLE_TLS12_SCHANNEL = "Abilita TLS 1.2 in SCHANNEL (lato server e lato client); esegui come amministratore";

/** La connessione TLS vera e propria: l'handshake e le versioni del protocollo accettate dal server. */
export const TLS_HELP_IT = {
  TLS_HANDSHAKE_FAILED: italianPage(EN.TLS_HANDSHAKE_FAILED, {
    title: "Handshake TLS non riuscito",
    summary:
      "È stata stabilita una connessione TCP, ma l'handshake TLS non è stato completato: il server ha inviato un alert TLS fatale (ad esempio `handshake_failure`, `unrecognized_name` o `internal_error`), oppure ha accettato la connessione e poi non ha mai concluso l'handshake entro il tempo limite.",
    details: [
      "L'analizzatore è volutamente permissivo per poter giudicare anche i server deboli: offre da TLS 1.3 fino a TLS 1.0 e tutte le cipher suite ancora supportate da OpenSSL, invia il nome host nell'SNI (server name indication) e non interrompe l'handshake per un certificato non valido (i problemi del certificato vengono segnalati a parte dai controlli CERT_*). Quindi un handshake non riuscito qui significa che è stato il server a rinunciare: non c'è davvero alcuna versione del protocollo o cipher in comune, oppure il server non ha un certificato utilizzabile per questo nome, oppure qualcosa lungo il percorso interferisce.",
      "Gli esiti correlati hanno codici propri: un server che parla solo SSL 3.0 o versioni precedenti è TLS_PROTOCOL_OBSOLETE, un server che risponde in chiaro è TLS_NOT_SPOKEN e una connessione reimpostata durante l'handshake è CONNECTION_FAILED. I dettagli del passaggio mostrano l'errore TLS e i primi byte inviati dal server, se ce ne sono.",
    ],
    symptoms: [
      "Browser: ERR_SSL_PROTOCOL_ERROR o ERR_SSL_VERSION_OR_CIPHER_MISMATCH; Outlook e i dispositivi mobili non riescono affatto a connettersi, senza alcun avviso sul certificato.",
      "`openssl s_client` mostra un alert come `sslv3 alert handshake failure` o `tlsv1 unrecognized name`, e nessun certificato.",
      'Il registro eventi di sistema di un server Exchange/IIS mostra errori Schannel (ID evento 36874 "no cipher suites in common" / 36888 "A fatal alert was generated").',
    ],
    causes: [
      'HTTP.sys/IIS non ha un binding del certificato per questo IP:porta o nome host: il binding https manca, usa "Richiedi Indicazione nome server" per un nome host diverso, oppure punta all\'identificazione personale di un certificato eliminato durante un rinnovo.',
      "La chiave privata del certificato associato manca o non è accessibile (importato senza la chiave, oppure sono state modificate le autorizzazioni sulla chiave).",
      'Cipher suite ristrette troppo sul server (GPO "Ordine dei pacchetti di crittografia SSL", modello di IIS Crypto, `ssl_ciphers` di nginx), oppure solo suite per un tipo di certificato che il server non ha (solo suite ECDSA con un certificato RSA).',
      "Il server richiede un certificato client TLS durante l'handshake (vedi HTTP_CLIENT_CERT_REQUIRED).",
      "Un firewall, IPS, WAF o bilanciamento del carico che ispeziona il TLS davanti al server interrompe l'handshake, ad es. un virtual server con un profilo TLS diverso da quello previsto.",
      "Il server ha completato l'handshake senza inviare un certificato leggibile dall'analizzatore (cipher suite anonime o a chiave precondivisa, oppure un messaggio Certificate malformato).",
    ],
    fixes: [
      {
        text: "Riproduci l'handshake con versioni specifiche e osserva l'alert. `nmap` elenca tutti i protocolli e le cipher accettati dal server.",
      },
      {
        text: "In Exchange/IIS, controlla che ogni binding TLS di HTTP.sys punti a un certificato esistente con chiave privata, e ripeti l'associazione in caso contrario. Un binding per `0.0.0.0:443` (o `hostname:443` per i binding SNI) deve mostrare un Certificate Hash presente nell'archivio Personale del computer.",
      },
      {
        text: "Assicurati che TLS 1.2 sia abilitato e che siano disponibili cipher suite moderne ECDHE/AES-GCM. Da Windows Server 2016 in poi i cmdlet TLS mostrano e modificano le suite; controlla anche il GPO in Configurazione computer > Modelli amministrativi > Rete > Impostazioni di configurazione SSL > Ordine dei pacchetti di crittografia SSL.",
        descriptions: [ENABLE_TLS12_SCHANNEL],
      },
      {
        text: 'Su nginx, usa una configurazione attuale di protocolli e cipher (il profilo "intermediate" di Mozilla) nel blocco server: `ssl_protocols TLSv1.2 TLSv1.3;` e `ssl_ciphers ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305;`, poi verifica la configurazione e ricaricala.',
      },
      {
        text: "Se davanti al server c'è un firewall, un IPS o un bilanciamento del carico, esegui il test direttamente sull'indirizzo interno del server per capire se la causa è il dispositivo, e controllane il profilo TLS e i log.",
      },
    ],
  }),
  TLS_NOT_SPOKEN: italianPage(EN.TLS_NOT_SPOKEN, {
    title: "La porta non parla TLS",
    summary:
      "La connessione TCP è riuscita, ma il servizio non ha risposto in TLS al ClientHello TLS dell'analizzatore. Ha inviato invece testo in chiaro, ad esempio un `400 Bad Request` HTTP, un saluto SMTP `220` o un saluto IMAP `* OK`, oppure byte che non sono affatto un record TLS.",
    details: [
      'Alcune porte si aspettano subito il TLS (TLS implicito): 443 (HTTPS), 465 (invio SMTP), 993 (IMAPS), 995 (POP3S). Altre iniziano in chiaro e passano al TLS con STARTTLS: 25 e 587 (SMTP), 143 (IMAP), 110 (POP3). I test dell\'analizzatore parlano TLS implicito (HTTPS), quindi puntarne uno su una porta STARTTLS produce esattamente questo risultato; verifica una porta del genere con `openssl s_client -starttls` (qui sotto). OpenSSL segnala la stessa situazione come "wrong version number", i browser come ERR_SSL_PROTOCOL_ERROR.',
      "I dettagli del passaggio mostrano la prima riga o i primi byte inviati dal server, che di solito identificano cosa è in ascolto (ad es. `HTTP/1.1 400 Bad Request` da un server web senza TLS su questa porta, `* OK The Microsoft Exchange IMAP4 service is ready.`).",
    ],
    symptoms: [
      'I client falliscono con "SSL: wrong version number" / ERR_SSL_PROTOCOL_ERROR / "Il server non supporta connessioni SSL".',
      "`curl http://mail.contoso.com:443/` (HTTP in chiaro sulla porta HTTPS) restituisce una pagina.",
    ],
    causes: [
      "È stata indicata la porta sbagliata per il test: una porta STARTTLS (25, 587, 143, 110) o una porta HTTP in chiaro (80) invece di quella HTTPS.",
      "Il server web serve HTTP in chiaro sulla 443: `listen 443;` di nginx senza `ssl`, un binding http di IIS sulla porta 443, oppure un binding https mancante.",
      "Un port forwarding o un bilanciamento del carico mappa la 443 sulla porta 80 del server, oppure un virtual server è impostato su HTTP invece di HTTPS/pass-through TCP.",
      "SMTPS sulla 465 configurato senza la modalità wrapper (`smtpd_tls_wrappermode` di Postfix).",
    ],
    fixes: [
      {
        text: "Scopri cosa parla la porta, poi esegui il test con la modalità giusta.",
      },
      {
        text: "IIS/Exchange: il Default Web Site deve avere un binding https sulla 443 con il certificato, e nessun binding http sulla 443.",
      },
      {
        text: "nginx: la direttiva listen deve indicare `ssl` (`listen 443 ssl;`, più `ssl_certificate`/`ssl_certificate_key`). Postfix, invio sulla 465: in `master.cf` il servizio `submissions` richiede `-o smtpd_tls_wrappermode=yes`.",
        descriptions: ["submissions è il nome del servizio della porta 465 da Postfix 3.5 in poi, smtps quello precedente"],
      },
      {
        text: "Su un port forwarding o un bilanciamento del carico, inoltra la 443 alla 443 del server (pass-through TLS o nuova cifratura), non alla porta 80.",
      },
    ],
  }),
  TLS_PROTOCOL_OBSOLETE: italianPage(EN.TLS_PROTOCOL_OBSOLETE, {
    title: "Versioni TLS obsolete: niente TLS 1.2 o 1.3, oppure TLS 1.0/1.1 ancora accettati",
    summary:
      "Questo codice copre due situazioni. Errore: il server non accetta affatto TLS 1.2 o TLS 1.3, ma solo TLS 1.0, TLS 1.1 o versioni precedenti, quindi i client attuali di Outlook, Windows e Microsoft 365 non riescono a connettersi; abilita TLS 1.2. Avviso: il server offre TLS 1.2 o 1.3 ma accetta ancora anche TLS 1.0 o TLS 1.1; i client attuali funzionano, e le versioni vecchie andrebbero disattivate appena nessun client datato ne ha più bisogno.",
    details: [
      "Come decide l'analizzatore. Il primo handshake offre tutte le versioni da TLS 1.3 fino a TLS 1.0; se il server sceglie TLS 1.1 o una versione precedente benché siano stati offerti TLS 1.2 e 1.3, non ha TLS 1.2, ed è un errore. Un server che parla solo SSL 3.0 o versioni precedenti non ha alcuna versione in comune con l'analizzatore, ed è anch'esso un errore. Il test del certificato TLS offre poi ogni versione da sola, TLS 1.0, 1.1, 1.2 e 1.3, ciascuna su una connessione separata: nessuna tra TLS 1.2 e TLS 1.3 accettata è un errore; TLS 1.2 o 1.3 accettato insieme a TLS 1.0 o 1.1 è un avviso. I dettagli del passaggio elencano le versioni accettate, rifiutate e (quando non è stato possibile aprire una connessione) non verificate.",
      "Perché l'assenza di TLS 1.2 è un errore: TLS 1.0 (1999) e TLS 1.1 (2006) sono stati formalmente deprecati dall'RFC 8996 nel 2021. I browser li rifiutano, Microsoft 365 non li accetta più, Microsoft li sta disattivando per impostazione predefinita in Windows, e i client attuali di Outlook, Windows e Microsoft 365 non riescono a connettersi a un server senza TLS 1.2; lo stesso vale per le connessioni ibride con Exchange Online. Inoltre nessun test di questo analizzatore invia credenziali su versioni precedenti a TLS 1.2.",
      "Perché TLS 1.0/1.1 accanto a TLS 1.2 è solo un avviso: ogni client attuale negozia TLS 1.2 o 1.3 e non ne risente. Le versioni vecchie restano però una superficie di attacco, gli scanner di sicurezza e PCI DSS le segnalano, e continuano a far funzionare in silenzio client vecchi e non aggiornati. Disattivale quando sei certo che nessun dispositivo, applicazione o partner ne abbia ancora bisogno.",
      "In Windows il TLS per IIS, SMTP, IMAP e POP è implementato da SCHANNEL, quindi sono le sue chiavi di registro (`HKLM\\SYSTEM\\CurrentControlSet\\Control\\SecurityProviders\\SCHANNEL\\Protocols\\TLS 1.2\\Server` e `\\Client`) a determinare cosa ottengono i client. Da Windows Server 2012 in poi TLS 1.2 è attivo per impostazione predefinita, a meno che non l'abbiano disattivato un modello di hardening, IIS Crypto o un GPO; Windows Server 2008 R2 lo supporta ma lo ha disattivato per impostazione predefinita. Le connessioni in uscita di Exchange stesso (EWS, ibrido, ricerche Autodiscover, SMTP verso Exchange Online) usano .NET, che ha bisogno di `SchUseStrongCrypto` e `SystemDefaultTlsVersions` per usare TLS 1.2; `[Net.ServicePointManager]::SecurityProtocol` mostra cosa offre .NET. Exchange supporta TLS 1.2 da Exchange 2010 SP3 RU19, Exchange 2013 CU19 ed Exchange 2016 CU8; Microsoft raccomanda di abilitare TLS 1.2 per SCHANNEL e .NET su ogni server Exchange, con le stesse impostazioni su tutti, di verificare, e solo allora di disattivare TLS 1.0 e 1.1.",
      "Sulla porta 25 disattiva le versioni vecchie con cognizione di causa: il TLS di SMTP è opportunistico, quindi un mittente che sa usare solo TLS 1.0 ripiega sul testo in chiaro invece di fallire. La maggior parte delle organizzazioni lo accetta, dato che oggi praticamente ogni server di posta supporta TLS 1.2.",
    ],
    symptoms: [
      'Errore (niente TLS 1.2): Outlook su Windows attuali e le app di posta per dispositivi mobili non riescono a connettersi o restano su "Disconnesso"; i browser mostrano ERR_SSL_VERSION_OR_CIPHER_MISMATCH o "Questo sito utilizza un protocollo non supportato"; il flusso di posta ibrido o le informazioni sulla disponibilità con Exchange Online non funzionano.',
      "Errore: `openssl s_client -tls1_2` verso il server fallisce con un alert `protocol version` o `no protocols available`, mentre `-tls1` (con un livello di sicurezza abbassato) si connette.",
      "Avviso (TLS 1.0/1.1 ancora accettati): per i client attuali funziona tutto; scanner di sicurezza, penetration test o scansioni PCI segnalano TLS 1.0/1.1 come vulnerabilità.",
    ],
    causes: [
      "Niente TLS 1.2: un vecchio Windows Server (2008 R2) su cui TLS 1.2 non è mai stato abilitato nel registro di SCHANNEL, oppure TLS 1.2 disattivato da un modello di hardening, da una modifica con IIS Crypto o da un GPO (`Enabled` = 0 o `DisabledByDefault` = 1 sotto `TLS 1.2\\Server`).",
      "Niente TLS 1.2: una vecchia appliance, un bilanciamento del carico o un reverse proxy davanti al server termina il TLS con un profilo TLS superato; oppure un OpenSSL molto vecchio (0.9.8), o una configurazione Linux che limita `ssl_protocols` alle versioni vecchie.",
      "TLS 1.0/1.1 ancora accettati: non sono mai stati disattivati. Windows Server li mantiene attivi per impostazione predefinita, e così molti profili TLS delle appliance scelti per compatibilità.",
    ],
    fixes: [
      {
        text: "Controlla quali versioni accetta il server, una alla volta. OpenSSL 3 rifiuta TLS 1.0/1.1 al livello di sicurezza predefinito, quindi abbassalo per quei test; `nmap` elenca ogni versione e cipher.",
      },
      {
        text: "Caso di errore, Windows/Exchange: abilita TLS 1.2 in SCHANNEL (lato server e lato client) e consenti a .NET di usarlo, su ogni server Exchange, poi riavvia. Lo strumento IIS Crypto (Nartac) imposta le stesse chiavi di SCHANNEL: Templates > Best Practices > Apply, poi riavvia; non imposta le chiavi di .NET, quindi esegui comunque il secondo blocco.",
        descriptions: [
          ENABLE_TLS12_SCHANNEL,
          "Consenti a .NET (le connessioni in uscita di Exchange stesso, EWS, ibrido) di usare TLS 1.2: SchUseStrongCrypto e SystemDefaultTlsVersions, a 64 e 32 bit",
        ],
      },
      {
        text: "Verifica dopo il riavvio: la chiave di SCHANNEL, cosa offre .NET in una nuova finestra di PowerShell (`Tls12` o `SystemDefault`, non solo `Ssl3, Tls`) e lo script HealthChecker di Exchange del progetto CSS-Exchange di Microsoft, che riporta le impostazioni TLS di ogni server e segnala le discrepanze.",
      },
      {
        text: "Caso di errore, Linux o un dispositivo davanti al server: consenti TLS 1.2 e 1.3 e ricarica la configurazione. nginx: `ssl_protocols TLSv1.2 TLSv1.3;` (nel blocco server predefinito per il socket in ascolto, oppure in `http {}`); Apache: `SSLProtocol -all +TLSv1.2 +TLSv1.3`; Postfix 3.6+: `smtpd_tls_protocols = >=TLSv1.2`; Dovecot 2.3+: `ssl_min_protocol = TLSv1.2`. Su un bilanciamento del carico o un reverse proxy (F5, KEMP, NetScaler, HAProxy), scegli un profilo TLS che includa TLS 1.2; con un OpenSSL precedente alla 1.0.1, aggiornalo: non ha affatto TLS 1.2.",
      },
      {
        text: "Caso di avviso: quando TLS 1.2 funziona per ogni client, dispositivo e sistema dei partner (prima controlla nei log di IIS e nel registro eventi Schannel se ci sono client vecchi), disattiva SSL 3.0, TLS 1.0 e TLS 1.1 in SCHANNEL, sia nelle chiavi Server sia in quelle Client, con le stesse impostazioni su tutti i server Exchange, e riavvia. Con IIS Crypto: deselezionali in Server Protocols e Client Protocols, Apply, riavvia. Su Linux le righe `ssl_protocols` / `SSLProtocol` / `ssl_min_protocol` qui sopra li escludono già.",
        descriptions: ["Disattiva SSL 2.0/3.0, TLS 1.0 e TLS 1.1 (solo dopo che TLS 1.2 funziona ovunque); le modifiche a SCHANNEL richiedono un riavvio"],
      },
    ],
  }),
} satisfies HelpPages;
