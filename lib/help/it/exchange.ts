import { EXCHANGE_HELP as EN } from "../exchange";
import { italianPage } from "./fixes";
import type { HelpPages } from "../types";

/** Ciò che verifica Outlook Anywhere stesso: il nome dell'entità msstd: per l'autenticazione reciproca. */
export const EXCHANGE_HELP_IT = {
  MUTUAL_AUTH_MISMATCH: italianPage(EN.MUTUAL_AUTH_MISMATCH, {
    title: "Autenticazione reciproca non riuscita: il nome del certificato non corrisponde al nome dell'entità msstd:",
    summary:
      "I client Outlook Anywhere (RPC over HTTP) si connettono solo a un proxy RPC il cui certificato riporta il nome dell'entità previsto, e questo certificato non lo riporta. L'analizzatore legge il soggetto del certificato (common name) e lo confronta con il nome dell'entità per l'autenticazione reciproca (ad esempio `msstd:mail.contoso.com`); i due non corrispondono, quindi Outlook rifiuterà il server e gli utenti non potranno connettersi con Outlook Anywhere.",
    details: [
      "Il nome dell'entità è l'impostazione di Outlook \"Connetti solo a server proxy il cui certificato contiene questo nome dell'entità\", nelle Impostazioni proxy di Exchange dell'account. Il formato è `msstd:` seguito da un nome di dominio completo (FQDN), ad es. `msstd:mail.contoso.com`. Di norma Outlook lo riceve tramite Autodiscover: il `CertPrincipalName` del provider Outlook EXPR in Active Directory (vedi `Get-OutlookProvider EXPR`) viene restituito ai client nella risposta Autodiscover; se è vuoto, Outlook usa il nome del server Outlook Anywhere (`msstd:<ExternalHostname>`). In questo test il nome dell'entità è il valore che hai inserito come \"nome dell'entità per l'autenticazione reciproca\", oppure `msstd:<host>` se hai lasciato il campo vuoto.",
      "Come decide l'analizzatore: toglie il prefisso `msstd:` e confronta il resto con il common name del soggetto del certificato come stringa letterale, senza distinguere maiuscole e minuscole. Le regole dei caratteri jolly non vengono applicate, perché non le applica nemmeno il controllo del nome dell'entità di Outlook Anywhere (per questo Microsoft, per i certificati wildcard, indica di pubblicare un nome dell'entità con carattere jolly). Quindi `msstd:*.contoso.com` corrisponde a un certificato con common name `*.contoso.com`, ma `msstd:mail.contoso.com` NON corrisponde a un certificato wildcard `*.contoso.com`, anche se in un browser quel certificato è perfettamente valido per mail.contoso.com. In quel caso l'analizzatore segnala \"The certificate common name *.contoso.com doesn't validate against the mutual authentication string that was provided: msstd:mail.contoso.com\" e suggerisce il nome dell'entità che funzionerebbe (`msstd:` più il common name).",
      "Se il common name non corrisponde ma uno dei Subject Alternative Name del certificato è uguale al nome dell'entità (anche qui in modo letterale), il risultato è un avviso invece di un errore: Outlook su Windows Vista e versioni successive accetta una corrispondenza nel Subject Alternative Name, mentre i client più vecchi richiedono che il nome dell'entità sia il common name.",
      "Questo controllo è distinto dal normale controllo del nome host (CERT_NAME_MISMATCH): un certificato può essere valido per mail.contoso.com secondo le regole dei browser e fallire comunque l'autenticazione reciproca, e viceversa. Riguarda solo Outlook Anywhere (RPC over HTTP). Outlook che si connette con MAPI over HTTP (l'impostazione predefinita in Exchange 2016/2019 e l'unico protocollo in Microsoft 365, dove RPC over HTTP è stato dismesso) non usa il nome dell'entità msstd:; lo usa Exchange on-premises con client RPC over HTTP.",
    ],
    symptoms: [
      "Agli utenti vengono chieste ripetutamente le credenziali e non riescono a connettersi con Outlook Anywhere, anche se nome utente e password sono corretti.",
      'La creazione automatica del profilo (Autodiscover) in Outlook 2007 non riesce con l\'errore "Connessione crittografata non disponibile. Verificare le impostazioni di crittografia del server." ("There is no encrypted connection available").',
      'Outlook si connette quando non usa la connessione Outlook Anywhere esterna (MAPI over HTTP, oppure RPC/TCP all\'interno della rete con Exchange 2010), ma mostra "Disconnesso" o "Tentativo di connessione…" quando dall\'esterno deve passare dal proxy RPC.',
    ],
    causes: [
      "Il nome dell'entità configurato in Outlook indica un host diverso dal common name del certificato, ad es. `msstd:mail.contoso.com` mentre il nuovo certificato è emesso per `CN=owa.contoso.com`.",
      "Il certificato è un certificato wildcard (`CN=*.contoso.com`) e il nome dell'entità è un nome host specifico (`msstd:mail.contoso.com`).",
      "Il nome dell'entità in Outlook è corretto, ma è sbagliato il `CertPrincipalName` del provider Outlook EXPR in Active Directory. Autodiscover consegna quel valore a Outlook, che lo riscrive nel profilo, quindi il problema si ripresenta a ogni aggiornamento Autodiscover.",
      "I client ricevono un certificato diverso: a IIS è ancora associato il certificato autofirmato di Exchange, oppure un bilanciamento del carico o un reverse proxy presenta un altro certificato.",
      "Il nome è presente solo come Subject Alternative Name, non come common name, e alcuni client sono precedenti a Windows Vista (caso dell'avviso).",
    ],
    fixes: [
      {
        text: "Controlla il common name del certificato sul server Accesso client (da Exchange 2013 in poi: il server Cassette postali che esegue i servizi Accesso client), in Exchange Management Shell oppure nella console MMC dei certificati (certlm.msc > Personale > Certificati > apri il certificato > Dettagli > Soggetto). Usa il certificato i cui Services comprendono IIS. Dall'esterno, `openssl` mostra ciò che i client ricevono davvero.",
      },
      {
        text: "Controlla il nome dell'entità in Outlook: File > Impostazioni account > Impostazioni account > seleziona l'account Exchange > Cambia > Altre impostazioni > scheda Connessione > Impostazioni proxy di Exchange (Outlook 2007: Strumenti > Impostazioni account). \"Connetti solo a server proxy il cui certificato contiene questo nome dell'entità\" deve contenere `msstd:` seguito dal common name del certificato esattamente come compare, ad es. `msstd:mail.contoso.com`, oppure `msstd:*.contoso.com` per un certificato wildcard. Per i profili creati da Autodiscover correggi anche il passaggio successivo, altrimenti Autodiscover rimetterà il valore sbagliato.",
      },
      {
        text: "Controlla e correggi il nome dell'entità che Autodiscover consegna ai client: il `CertPrincipalName` del provider Outlook EXPR (Outlook Anywhere esterno). Impostalo su `msstd:` più il common name del certificato; con un certificato wildcard usa `msstd:*.contoso.com`; impostalo su `$null` per lasciare che Outlook usi il nome del server Outlook Anywhere (corretto solo se quel nome è il common name del certificato). Da Exchange 2013 in poi il provider EXCH (Outlook Anywhere interno) ha un proprio CertPrincipalName: controlla anche quello. Outlook recepisce la modifica al successivo aggiornamento Autodiscover (riavvia Outlook); riciclare il pool di applicazioni di Autodiscover fa sì che il server risponda subito con il nuovo valore.",
        descriptions: [
          "Certificato emesso per mail.contoso.com",
          "Certificato wildcard *.contoso.com",
          "Azzera il valore, controlla tutti i provider, aggiorna Autodiscover",
        ],
      },
      {
        text: 'In alternativa, fai in modo che il certificato corrisponda al nome dell\'entità: richiedi un certificato il cui common name del soggetto sia il nome host di Outlook Anywhere (`-SubjectName "CN=mail.contoso.com"`) e assegnalo a IIS.',
        descriptions: ["Crea una richiesta di certificato (nuova coppia di chiavi) sul server Exchange; invia il file .req alla CA"],
      },
      {
        text: "Verifica: in Outlook, tieni premuto Ctrl, fai clic con il pulsante destro del mouse sull'icona di Outlook nell'area di notifica > Verifica configurazione automatica posta elettronica, e controlla che il `CertPrincipalName` nella sezione EXPR dell'XML sia quello impostato; poi esegui di nuovo questo test con esattamente quel nome dell'entità (inserisci `msstd:*.contoso.com` quando verifichi un certificato wildcard).",
      },
    ],
  }),
} satisfies HelpPages;
