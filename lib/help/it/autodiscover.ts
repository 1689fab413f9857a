import { AUTODISCOVER_HELP as EN } from "../autodiscover";
import { italianPage } from "./fixes";
import type { HelpPages } from "../types";

const POST_OUTLOOK_REQUEST =
  "Invia la richiesta di Outlook con NTLM (curl chiede la password) e mostra la risposta; usa --basic per verificare l'autenticazione Basic";
const AUTODISCOVER_IIS_LOG = "Le richieste Autodiscover nel log IIS più recente del Default Web Site (stato, sottostato e utente si trovano nella riga)";

/** Configurazione (Autodiscover): come Outlook trova le proprie impostazioni, cosa riceve e quale entità EXPR deve aspettarsi. */
export const AUTODISCOVER_HELP_IT = {
  AUTODISCOVER_NOT_FOUND: italianPage(EN.AUTODISCOVER_NOT_FOUND, {
    title: "Nessun servizio Autodiscover trovato per il dominio",
    summary:
      "L'analizzatore ha cercato il servizio Autodiscover del dominio dell'indirizzo di posta elettronica in tutti i punti in cui lo cerca Outlook dall'esterno della rete, e non l'ha trovato: Outlook (come i telefoni e gli altri client Exchange) non riesce a trovare da solo le impostazioni della cassetta postale, quindi la configurazione automatica dell'account non riesce.",
    details: [
      "Fuori dalla rete Outlook prova, in quest'ordine, e si ferma al primo metodo che risponde: (1) `https://contoso.com/autodiscover/autodiscover.xml` (il dominio stesso); (2) `https://autodiscover.contoso.com/autodiscover/autodiscover.xml`; (3) il metodo di reindirizzamento HTTP: una GET su `http://autodiscover.contoso.com/autodiscover/autodiscover.xml` che deve rispondere `302 Found` con un Location verso un URL https, a cui Outlook invia poi la propria richiesta; (4) il record DNS SRV `_autodiscover._tcp.contoso.com`, il cui host di destinazione e la cui porta indicano l'endpoint (`https://<target>:<port>/autodiscover/autodiscover.xml`). L'analizzatore fa lo stesso, nello stesso ordine, e mostra ogni tentativo come un passaggio con il motivo per cui non è riuscito.",
      "Un endpoint conta come trovato quando risponde alla POST di Outlook come fa Exchange: con 401 e i metodi di autenticazione se non vengono inviate credenziali, oppure con una risposta Autodiscover. Un sito web che risponde con una propria pagina, con un 404 o con un reindirizzamento della POST non è un endpoint Autodiscover. Perché Outlook possa usare l'endpoint, inoltre, il suo certificato deve essere valido per il nome host (per il metodo 2, `autodiscover.contoso.com` deve essere nel certificato); i passaggi del certificato sotto ogni tentativo spiegano perché un endpoint è stato scartato.",
      "I computer aggiunti al dominio, all'interno della rete, leggono prima il Service Connection Point (SCP) che Exchange pubblica in Active Directory (`AutoDiscoverServiceInternalUri`), quindi Autodiscover può funzionare all'interno e non funzionare all'esterno: l'analizzatore esegue il test dall'esterno, come un client da casa o un dispositivo mobile. Outlook 2016 e versioni successive possono anche provare prima Microsoft 365 per alcuni account; questo non riguarda le cassette postali locali.",
    ],
    symptoms: [
      'Outlook non riesce a creare il profilo: "Impossibile stabilire una connessione crittografata al server di posta. Fare clic su Avanti per tentare di utilizzare una connessione non crittografata.", poi "Impossibile completare l\'operazione. La connessione a Microsoft Exchange non è disponibile."',
      "Telefoni e tablet (Exchange ActiveSync) non trovano il server partendo dal solo indirizzo di posta elettronica e chiedono il nome del server.",
      "I profili esistenti funzionano, ma dall'esterno Outlook segnala che le impostazioni delle Risposte automatiche non possono essere visualizzate perché il server non è al momento disponibile, le informazioni sulla disponibilità sono vuote e la Rubrica offline non viene scaricata: quegli URL arrivano da Autodiscover.",
      "Verifica configurazione automatica posta elettronica di Outlook (Ctrl+clic con il pulsante destro sull'icona di Outlook nell'area di notifica) mostra nella scheda Registro tutti gli URL come non riusciti (0x80072EE7 quando il nome non viene risolto).",
    ],
    causes: [
      "Nella zona pubblica non esiste un record DNS per `autodiscover.contoso.com` (né un record SRV), oppure ne esiste uno che punta a un vecchio server.",
      "Il certificato non contiene `autodiscover.contoso.com`, quindi la connessione HTTPS viene rifiutata e il metodo conta come non riuscito.",
      "Il firewall, il reverse proxy o il bilanciamento del carico pubblica `/owa` e `/rpc` ma non `/autodiscover`, oppure la porta 443 del nome Autodiscover non viene inoltrata a Exchange.",
      "Autodiscover è configurato solo all'interno: l'SCP (`AutoDiscoverServiceInternalUri`) e una zona DNS interna funzionano per i computer aggiunti al dominio, ma non esiste un record pubblico.",
      "Il sito web del dominio (`https://contoso.com`) è ospitato altrove e risponde al percorso Autodiscover con la propria pagina 404 (innocuo se un metodo successivo funziona).",
      "Il sito di reindirizzamento HTTP o il record SRV puntano a un host o a una porta che non risponde, oppure il reindirizzamento porta a un URL http (Outlook lo segue solo verso https).",
    ],
    fixes: [
      {
        text: "Pubblica il record DNS nella zona pubblica del dominio. Di solito è `autodiscover IN CNAME mail.contoso.com.` (va bene anche un record A verso l'indirizzo pubblico). Se non puoi avere `autodiscover.contoso.com` nel certificato (ad es. un solo certificato per più domini), pubblica invece un record SRV: `_autodiscover._tcp IN SRV 0 0 443 mail.contoso.com.` (priorità 0, peso 0, porta 443, destinazione mail.contoso.com, che deve essere nel certificato). Su un server DNS Windows:",
      },
      {
        text: "Controlla cosa vede Internet: il nome deve essere risolto nell'indirizzo che pubblica Exchange, e il record SRV deve indicare un host e la porta 443. All'interno di una rete con una propria zona interna (DNS split-brain), interroga invece un resolver pubblico: aggiungi `-Server 1.1.1.1` (con dig: `@1.1.1.1`).",
      },
      {
        text: "Controlla che l'endpoint risponda come Exchange: senza credenziali, una POST deve ricevere `401 Unauthorized` con le intestazioni `WWW-Authenticate` (Negotiate, NTLM, Basic). Un 404, un 403, una pagina di accesso o un timeout indicano che la richiesta non arriva alla directory virtuale Autodiscover di Exchange. Per il metodo di reindirizzamento HTTP, una GET sulla porta 80 deve rispondere `302 Found` con `Location: https://…`.",
      },
      {
        text: "Controlla la directory virtuale Autodiscover e l'URI interno sul server Exchange (Exchange 2016/2019; `Set-ClientAccessServer` in Exchange 2013). La directory virtuale deve esistere su ogni server che riceve traffico dall'esterno, con l'autenticazione Windows (Negotiate/NTLM) e Basic secondo le esigenze dei tuoi client; l'SCP deve indicare il nome host di Autodiscover, non il nome di un server.",
      },
      {
        text: "Assicurati che il certificato associato a IIS contenga `autodiscover.contoso.com` (per il metodo 2) o la destinazione del record SRV (per il metodo 4), e che il firewall o il reverse proxy pubblichi `/autodiscover/*` verso Exchange lasciando passare l'autenticazione.",
      },
      {
        text: "Verifica dal lato Exchange che i servizi distribuiti da Autodiscover funzionino per una cassetta postale, poi esegui di nuovo questo test. Da un client, Verifica configurazione automatica posta elettronica di Outlook mostra quale metodo è riuscito.",
      },
    ],
  }),
  AUTODISCOVER_BAD_RESPONSE: italianPage(EN.AUTODISCOVER_BAD_RESPONSE, {
    title: "Il servizio Autodiscover ha risposto con un errore o con qualcosa che il client non può usare",
    summary:
      "L'endpoint Autodiscover è stato raggiunto, ma quello che ha restituito non sono impostazioni utilizzabili dal client: un errore Autodiscover (`<Error>` con un `<ErrorCode>`), un contenuto che non è affatto una risposta XML Autodiscover valida, una catena di reindirizzamenti che Outlook non segue, oppure impostazioni prive dell'URL che serve al test: nessun URL EWS (test EWS), nessun URL MobileSync (test ActiveSync), nessun provider EXPR (test di Outlook Anywhere con Autodiscover), oppure un URL che non è https. Errore: il client non ha nulla di utilizzabile. Avviso: nelle impostazioni manca l'URL di ActiveSync, e l'analizzatore, come un telefono, prosegue su `https://<Autodiscover host>/Microsoft-Server-ActiveSync`. (Nella ricerca di Outlook, ciò che non riesce con un metodo è un avviso, perché Outlook passa al metodo successivo.)",
    details: [
      "Codici di errore Autodiscover (MS-OXDSCLI): 500, \"The e-mail address cannot be found\": nessuna cassetta postale ha questo indirizzo, oppure il server non sa come configurarlo (la risposta tipica per un indirizzo scritto male o una cassetta postale inesistente); 501, indirizzo non valido: l'indirizzo è noto ma non c'è una configurazione da fornire (ad esempio un contatto di posta o un utente di posta senza cassetta postale qui); 600, \"Invalid Request\": la richiesta non era una richiesta Autodiscover ben formata (Exchange risponde 600 anche alla GET di un browser); 601: il server non può fornire una configurazione del tipo richiesto (l'AcceptableResponseSchema non è supportato); 602, indirizzo non valido: l'indirizzo è noto, ma la sua configurazione è danneggiata; 603: errore interno del server Autodiscover. I dettagli del passaggio mostrano ErrorCode, Message e DebugData come li ha inviati il server.",
      "Una risposta che non è XML Autodiscover: una pagina HTML (la pagina di accesso o di blocco di un reverse proxy o di un WAF, un captive portal, una pagina di errore di IIS), un contenuto vuoto, un documento il cui elemento radice non è `<Autodiscover>`, oppure uno il cui `<Response>` non contiene né un `<Account>` con un `<Action>` (settings, redirectAddr o redirectUrl) né un `<Error>`. Outlook non può usare nessuna di queste risposte.",
      "Rifiutate per sicurezza, senza analizzarle: una risposta con una DTD (`<!DOCTYPE` o `<!ENTITY>`; Exchange non ne invia mai, e trucchi con le entità come il \"billion laughs\" o entità esterne che leggono file sono il modo in cui documenti del genere attaccano i parser), una risposta più grande del limite dell'analizzatore (quelle di Exchange sono di pochi KiB; una più grande viene rifiutata, non troncata), un XML annidato oltre il limite dell'analizzatore e una risposta interrotta a metà.",
      "Reindirizzamenti: Autodiscover può rispondere redirectAddr (ripeti la richiesta per un altro indirizzo, ad es. una cassetta postale spostata in Exchange Online) o redirectUrl (invia la richiesta a un altro URL). L'analizzatore li segue come Outlook; un redirectUrl che non è https, o più di 10 reindirizzamenti di fila (un ciclo), chiudono la ricerca con questo problema.",
      "Impostazioni senza ciò che serve a un test. Ogni test legge le impostazioni del proprio servizio. EWS prende l'`EwsUrl` del provider EXPR (l'ExternalUrl della directory virtuale EWS), altrimenti quello del provider EXCH (il suo InternalUrl, con una nota che i client esterni potrebbero non trovare EWS); se non c'è nessuno dei due, o se quello presente non è https, il test EWS segnala questo problema e non ha un URL EWS da verificare. ActiveSync fa la richiesta con lo schema mobile e prende l'`Url` del server MobileSync (l'ExternalUrl della directory virtuale ActiveSync): se manca, è un avviso, e il test prosegue su `https://<Autodiscover host>/Microsoft-Server-ActiveSync` come farebbe un telefono; se è http, è un errore (i dispositivi non vi inviano la password) e il test si ferma lì. Outlook Anywhere con \"Usa Autodiscover\" ha bisogno del provider EXPR con il suo server (l'ExternalHostname di Outlook Anywhere): senza, Outlook Anywhere non è pubblicato per i client esterni alla rete, quindi il test segnala questo problema e non verifica alcun proxy RPC.",
      "Autodiscover fornisce le impostazioni solo a richieste con credenziali, quindi senza credenziali nulla di tutto ciò viene controllato: EWS e ActiveSync provano allora il proprio URL predefinito sull'host Autodiscover. Il test di MAPI over HTTP non segnala questo problema: quando nelle impostazioni non c'è un protocollo `mapiHttp` con un URL esterno https del Mail Store, ne spiega il motivo e verifica `/mapi/` sul server Outlook Anywhere indicato da Autodiscover, oppure sull'host Autodiscover. Outlook stesso ha comunque bisogno di quell'URL per usare MAPI over HTTP dall'esterno.",
    ],
    symptoms: [
      'Outlook non riesce a configurare l\'account ("Impossibile completare l\'operazione" o "Si è verificato un problema"), anche se l\'URL di Autodiscover è raggiungibile.',
      "Verifica configurazione automatica posta elettronica di Outlook mostra l'URL come non riuscito con un errore nella scheda XML (ad es. `<ErrorCode>500</ErrorCode>`), oppure mostra una pagina HTML al posto dell'XML.",
      "Funziona per alcuni utenti e non per altri (errore 500 o 501 per indirizzi che non appartengono a una cassetta postale di questa organizzazione).",
      "Outlook per Mac e gli altri client EWS non trovano EWS, mentre Outlook per Windows funziona; disponibilità e Risposte automatiche non funzionano dall'esterno.",
      "I telefoni non si configurano a partire dall'indirizzo di posta elettronica e chiedono il nome del server, anche se Autodiscover risponde.",
      "Outlook non riesce a connettersi dall'esterno con Outlook Anywhere: Autodiscover non gli fornisce le impostazioni esterne (EXPR).",
    ],
    causes: [
      "L'indirizzo di posta elettronica non ha una cassetta postale (errore di battitura, l'indirizzo non è tra gli EmailAddresses della cassetta postale, oppure appartiene a un contatto o a un utente di posta); errore 500 o 501.",
      "Un reverse proxy o un WAF davanti a Exchange risponde con una propria pagina di accesso (preautenticazione, accesso basato su form), blocca la POST o riscrive il contenuto, quindi Exchange non vede mai la richiesta di Outlook (HTML al posto dell'XML, oppure errore 600).",
      "Un client o un proxy chiede uno schema di risposta che il server non fornisce (quello di Outlook è `http://schemas.microsoft.com/exchange/autodiscover/outlook/responseschema/2006a`, quello dei telefoni e del test ActiveSync `http://schemas.microsoft.com/exchange/autodiscover/mobilesync/responseschema/2006`); errore 601.",
      "Il pool di applicazioni di Autodiscover o il server ha dei problemi (errore 603, oppure risposte 500 con uno stack trace nel registro eventi).",
      "Un reindirizzamento configurato male: redirectUrl verso un URL http, oppure due server (o l'ambiente locale ed Exchange Online) che si reindirizzano a vicenda.",
      "Una directory virtuale senza l'URL che serve ai client esterni: EWS senza ExternalUrl (e InternalUrl) o con uno http; ActiveSync senza ExternalUrl o con uno http; /mapi senza ExternalUrl.",
      "Outlook Anywhere senza ExternalHostname, oppure il provider Outlook EXPR rimosso da Active Directory: Autodiscover allora non fornisce alcun provider EXPR.",
    ],
    fixes: [
      {
        text: "Controlla che l'indirizzo appartenga a una cassetta postale di questa organizzazione, e a quale: l'indirizzo SMTP primario, tutti gli indirizzi proxy e l'UPN. Usa l'indirizzo che Autodiscover conosce (oppure aggiungilo come indirizzo proxy) e accedi con l'account proprietario della cassetta postale.",
      },
      {
        text: "Invia la richiesta di Outlook e leggi la risposta: un `<Error>` con ErrorCode e Message, una pagina HTML (allora la richiesta non è arrivata a Exchange) oppure le impostazioni (allora un dispositivo intermedio modifica qualcosa solo per alcuni client). La richiesta deve usare l'AcceptableResponseSchema di Outlook, come qui sotto.",
        descriptions: [POST_OUTLOOK_REQUEST],
      },
      {
        text: "Se davanti c'è un reverse proxy, un bilanciamento del carico o un WAF: pubblica `/autodiscover/*` in modalità pass-through (niente preautenticazione, niente accesso basato su form, niente ispezione del contenuto che riscriva l'XML), consenti `POST` con `Content-Type: text/xml` e lascia arrivare a Exchange l'intestazione `Authorization`.",
      },
      {
        text: "Impostazioni senza l'URL di un test: assegna a ogni directory virtuale l'URL https usato dai client esterni, su ogni server; Autodiscover fornisce l'URL EWS dalla directory virtuale EWS (ExternalUrl per EXPR, InternalUrl per EXCH), l'URL MobileSync da quella di ActiveSync e gli URL di MAPI over HTTP da quella /mapi (per impostarvi un URL serve anche `-IISAuthenticationMethods`).",
      },
      {
        text: "Nessun provider EXPR: assegna a Outlook Anywhere un nome host esterno (in Exchange 2010 abilita prima Outlook Anywhere) e controlla che esistano i provider Outlook EXCH, EXPR e WEB; ricrea EXPR se è stato rimosso e controllane le impostazioni (`Set-OutlookProvider EXPR`, ad es. il CertPrincipalName: vedi AUTODISCOVER_PRINCIPAL_MISMATCH).",
        descriptions: ["Solo se Get-OutlookProvider non elenca EXPR"],
      },
      {
        text: "Autodiscover legge queste impostazioni da Active Directory e le tiene in cache: ricicla il suo pool di applicazioni su ogni server (`Restart-WebAppPool MSExchangeAutodiscoverAppPool`) per fornire subito i nuovi valori, poi esegui di nuovo il test con le credenziali (le impostazioni vengono fornite solo a richieste autenticate).",
      },
      {
        text: "Leggi cosa ha visto Exchange: la riga della richiesta nel log di IIS (stato e sottostato), il log di protocollo di Autodiscover (`%ExchangeInstallPath%Logging\\Autodiscover\\`) e il registro eventi Applicazione (origine MSExchange Autodiscover). Dopo aver corretto una configurazione difettosa, riavvia il pool di applicazioni di Autodiscover.",
        descriptions: [AUTODISCOVER_IIS_LOG],
      },
      {
        text: "Verifica dal server Exchange, poi esegui di nuovo questo test.",
      },
    ],
  }),
  AUTODISCOVER_PRINCIPAL_MISMATCH: italianPage(EN.AUTODISCOVER_PRINCIPAL_MISMATCH, {
    title: "Il CertPrincipalName EXPR di Autodiscover non corrisponde al certificato del server Outlook Anywhere",
    summary:
      "Autodiscover comunica a Outlook quale nome deve contenere il certificato del server Outlook Anywhere (EXPR): il `CertPrincipalName` del provider EXPR, ad es. `msstd:mail.contoso.com`. Il certificato presentato da quel server non contiene quel nome, quindi Outlook rifiuta di connettersi tramite esso. Errore: il nome non corrisponde né al common name del certificato né ad alcuno dei suoi Subject Alternative Name. Avviso: corrisponde solo a un Subject Alternative Name, cosa che le versioni attuali di Outlook accettano e i client meno recenti no.",
    details: [
      "Da dove viene il nome dell'entità: dal provider Outlook EXPR (Outlook Anywhere esterno) in Active Directory. Quando il suo `CertPrincipalName` è impostato, Autodiscover lo invia nella sezione EXPR e Outlook lo scrive nel profilo (\"Connetti solo ai server proxy con questo nome dell'entità nel certificato\"); quando è vuoto, Autodiscover non ne invia nessuno e Outlook usa `msstd:` seguito dal nome del server EXPR (l'ExternalHostname di Outlook Anywhere). Poiché Outlook riscrive il profilo a ogni aggiornamento tramite Autodiscover, correggere il valore a mano in Outlook non ha effetto duraturo.",
      "Come confronta l'analizzatore: prende il `CertPrincipalName` EXPR dalla risposta Autodiscover (oppure `msstd:<EXPR server>` se non c'è), si connette al server EXPR sulla porta 443, rimuove `msstd:` e confronta il resto con i nomi del certificato come stringa letterale, senza distinguere maiuscole e minuscole, a partire dal common name del soggetto: una corrispondenza con il common name è un successo, una corrispondenza solo con un Subject Alternative Name è un avviso, nessuna corrispondenza è un errore. Le regole dei caratteri jolly non vengono applicate, perché Outlook non le applica: `msstd:*.contoso.com` corrisponde a un certificato il cui common name è `*.contoso.com`, ma `msstd:mail.contoso.com` no.",
      "Il confronto è lo stesso del controllo di autenticazione reciproca del test di Outlook Anywhere (MUTUAL_AUTH_MISMATCH); cambia l'origine del nome dell'entità: qui lo fornisce Autodiscover, lì lo digiti tu. Conta per Outlook che usa RPC over HTTP; Outlook che si connette con MAPI over HTTP non controlla l'entità msstd:.",
    ],
    symptoms: [
      'Outlook mostra "Si è verificato un problema con il certificato di sicurezza del server proxy. Il nome sul certificato di sicurezza non è valido o non corrisponde al nome del sito di destinazione mail.contoso.com. Impossibile connettersi al server proxy. (Codice errore 10)".',
      "Dall'esterno della rete Outlook chiede la password di continuo e resta Disconnesso, anche se la password è giusta e il certificato risulta valido in un browser.",
      "Correggere a mano il nome dell'entità nelle Impostazioni proxy di Exchange di Outlook aiuta fino al successivo riavvio di Outlook, poi torna il vecchio valore.",
    ],
    causes: [
      "Il CertPrincipalName del provider EXPR indica ancora l'host del vecchio certificato dopo la sostituzione del certificato (ad es. `msstd:owa.contoso.com` mentre il nuovo certificato è emesso per `mail.contoso.com`).",
      "Il certificato è un certificato con carattere jolly (`CN=*.contoso.com`) e il nome dell'entità è un nome host (`msstd:mail.contoso.com`), o viceversa.",
      "Il CertPrincipalName è vuoto e l'ExternalHostname di Outlook Anywhere non è il common name del certificato.",
      "Il nome è solo un Subject Alternative Name del certificato, non il suo common name (avviso).",
      "Il server EXPR viene raggiunto attraverso un bilanciamento del carico o un reverse proxy che presenta un certificato diverso da quello di Exchange.",
    ],
    fixes: [
      {
        text: "Trova il common name del certificato così come lo ricevono i client dal server EXPR, e il valore fornito da Autodiscover.",
      },
      {
        text: "Imposta il nome dell'entità su `msstd:` seguito dal common name del certificato, scritto esattamente come nel certificato; con un certificato con carattere jolly, `msstd:*.contoso.com`. Oppure svuotalo con `$null`, così che Outlook usi `msstd:<ExternalHostname>` (corretto solo se quel nome è il common name del certificato).",
        descriptions: [
          "Certificato emesso per mail.contoso.com",
          "Certificato con carattere jolly *.contoso.com",
          "Lascia che Outlook usi msstd:<ExternalHostname>",
        ],
      },
      {
        text: "Fai in modo che Autodiscover fornisca il nuovo valore: legge i provider Outlook da Active Directory e li tiene in cache, quindi la modifica può impiegare un po' di tempo (e la replica di Active Directory) prima di comparire. Riciclare il pool di applicazioni di Autodiscover su ogni server Accesso client la applica subito; Outlook la recepisce al successivo aggiornamento tramite Autodiscover (riavvia Outlook).",
      },
      {
        text: "Esegui di nuovo questo test: il passaggio sull'entità EXPR deve ora indicare che il common name del certificato corrisponde. In Outlook, Verifica configurazione automatica posta elettronica mostra nella scheda XML il CertPrincipalName ricevuto.",
      },
    ],
  }),
} satisfies HelpPages;
