import { HTTP_HELP as EN } from "../http";
import { italianPage } from "./fixes";
import type { HelpPages } from "../types";

/** La descrizione di EWS_GET_FOLDER (lib/help/commands.ts): la richiesta GetFolder del test EWS. */
const EWS_GET_FOLDER_DESCRIPTION =
  "Invia la richiesta GetFolder dell'analizzatore con NTLM (curl chiede la password; usa --basic per verificare Basic) e mostra lo stato HTTP, ResponseClass e ResponseCode";

const EXCHANGE_2010_ONLY = "Solo Exchange 2010";

/**
 * Il server web dietro la connessione TLS, per ogni test HTTPS (Autodiscover, il proxy RPC di Outlook Anywhere, EWS,
 * ActiveSync, MAPI over HTTP): le sue risposte HTTP, i metodi di autenticazione che offre, le credenziali che accetta
 * e le impostazioni dei certificati client.
 */
export const HTTP_HELP_IT = {
  HTTP_UNEXPECTED_STATUS: italianPage(EN.HTTP_UNEXPECTED_STATUS, {
    title: "Risposta HTTP inattesa",
    summary:
      "Il server ha risposto con uno stato HTTP, o con un corpo, che il test non si aspettava in questo passaggio. Senza credenziali, ogni endpoint Exchange verificato dall'analizzatore (Autodiscover, il proxy RPC di Outlook Anywhere, EWS, Exchange ActiveSync, MAPI over HTTP) deve rispondere 401 Unauthorized indicando i metodi di autenticazione che accetta; risposte 404, 403, 302, 500, 503 e simili significano che la richiesta non ha mai raggiunto un servizio Exchange funzionante. Con le credenziali, il codice riporta anche il rifiuto da parte del servizio stesso: un codice di errore EWS, un 403, un 449 o uno Status di FolderSync di ActiveSync, un X-ResponseCode di MAPI over HTTP. Errore: i client non possono usare il servizio in questo modo. Avviso: i client potrebbero comunque riuscire a connettersi, oppure si tratta di una risposta che i client reali gestiscono per prima (un 2xx senza autenticazione, il provisioning di ActiveSync, un difetto in una risposta MAPI).",
    details: [
      "I dettagli del passaggio mostrano il codice di stato, le intestazioni di risposta rilevanti (WWW-Authenticate, Location, Server e, a seconda del servizio, MS-ASProtocolVersions, X-ResponseCode, X-ServerApplication) e il codice specifico del protocollo, dove esiste. In qualsiasi passaggio, anche una risposta che non è affatto HTTP valido, o intestazioni che superano il limite di dimensione dell'analizzatore, vengono segnalate con questo codice; lo stesso vale per una challenge NTLM illeggibile e per un server che chiude la connessione tra la challenge NTLM e la risposta (NTLM richiede entrambe sulla stessa connessione mantenuta attiva: controlla bilanciamenti del carico e proxy). Nella ricerca di Autodiscover ciascuno dei quattro metodi di Outlook è un'alternativa, quindi un errore in uno di essi è un avviso: Outlook, e l'analizzatore, passano al metodo successivo.",
      'Autodiscover (ogni test che parte da un indirizzo e-mail): il POST di Outlook a `https://<host>/autodiscover/autodiscover.xml` deve ricevere 401 con intestazioni `WWW-Authenticate` oppure, con le credenziali, 200 e una risposta XML di Autodiscover. Un 401 senza alcuna intestazione `WWW-Authenticate`, o qualsiasi altro stato, compreso un reindirizzamento del POST (Outlook non lo segue), significa che l\'URL "non è un endpoint Autodiscover utilizzabile da Outlook". Il metodo del reindirizzamento HTTP richiede che `http://autodiscover.contoso.com/autodiscover/autodiscover.xml` risponda `302 Found` con un Location verso un URL https. Un 200 il cui corpo non è XML di Autodiscover è invece AUTODISCOVER_BAD_RESPONSE. Il passaggio JSON v2 del test Autodiscover (`/autodiscover/autodiscover.json`) è informativo e qui segnala solo le risposte che non sono HTTP valido.',
      "Outlook Anywhere: il proxy RPC (`/rpc/rpcproxy.dll?<host>:6002`) deve rispondere 401 all'echo `RPC_IN_DATA` di Outlook senza autenticazione, e 200 a quello autenticato. 404: il proxy RPC su HTTP non è installato in /rpc/rpcproxy.dll, oppure Outlook Anywhere non è abilitato. Un 2xx senza autenticazione è un avviso (qualcosa davanti al proxy ha risposto senza chiedere credenziali, ad es. un reverse proxy che esegue la preautenticazione); qualsiasi altra risposta è un errore, come lo è qualsiasi risposta diversa da 2xx o 401 dopo l'autenticazione.",
      "EWS: l'analizzatore invia con POST una richiesta SOAP GetFolder per la Posta in arrivo all'URL di EWS (l'EwsUrl di Autodiscover; `https://<host Autodiscover>/EWS/Exchange.asmx` quando Autodiscover non ha fornito impostazioni; oppure `https://<server>/EWS/Exchange.asmx` per il server che hai indicato). Senza credenziali, 404 significa che EWS non è pubblicato lì (manca la directory virtuale EWS, oppure un reverse proxy o un bilanciamento del carico non pubblica /EWS); un 2xx è un avviso (qualcosa davanti esegue la preautenticazione); un reindirizzamento o qualsiasi altro stato è un errore, perché i client EWS non seguono i reindirizzamenti del loro POST SOAP. Con le credenziali, qualsiasi stato diverso da 200, 500 o 401 (LOGIN_FAILED) è un errore (403: EWS è bloccato per questo account o client, oppure da una restrizione IP), e lo è anche un corpo che non è una risposta SOAP (una pagina HTML, l'errore di un proxy) o una risposta GetFolder con ResponseClass Error o un SOAP fault.",
      "Il codice di risposta EWS spiega il motivo: ErrorNonExistentMailbox (nessuna cassetta postale ha questo indirizzo), ErrorMissingEmailAddress (l'account che ha eseguito l'accesso non ha una cassetta postale propria: inserisci l'indirizzo di una cassetta postale che può aprire), ErrorMailboxMoveInProgress (riprova al termine dello spostamento), ErrorMailboxStoreUnavailable (il database delle cassette postali è smontato o in failover), ErrorServerBusy (limitazione, throttling), ErrorInternalServerError (vedi il registro eventi Applicazione), ErrorSchemaValidation o ErrorInvalidServerVersion (un server precedente a Exchange 2013, oppure qualcosa davanti che ha riscritto la richiesta). ErrorAccessDenied viene segnalato come LOGIN_FAILED.",
      "Exchange ActiveSync: l'analizzatore dialoga con `/Microsoft-Server-ActiveSync` come un nuovo telefono (ID dispositivo `RCA0000000000000`, tipo di dispositivo `RemoteConnectivityAnalyzer`). L'OPTIONS anonimo deve ricevere 401 con i metodi, oppure 200 con `MS-ASProtocolVersions`. 404 significa che ActiveSync non è pubblicato lì (manca la directory virtuale Microsoft-Server-ActiveSync, oppure un reverse proxy non la pubblica); un 2xx senza `MS-ASProtocolVersions` è un avviso (la pagina di un portale o di un reverse proxy?); qualsiasi altra cosa, reindirizzamenti compresi (i dispositivi non li seguono), è un errore. Con le credenziali, sia per OPTIONS sia per FolderSync, 403 significa che ActiveSync è disabilitato per l'utente o che il dispositivo è bloccato, e un OPTIONS autenticato senza `MS-ASProtocolVersions` è un avviso.",
      "Il comando FolderSync di ActiveSync (SyncKey 0, l'intera gerarchia delle cartelle): 449 (Retry after sending a PROVISION command) è un avviso: si applica un criterio cassetta postale per dispositivi mobili, quindi un telefono invia prima il comando Provision e accetta il criterio (PIN, crittografia…). L'analizzatore non accetta un criterio al posto di un dispositivo; le credenziali sono state accettate e ActiveSync risponde. Anche 451 è un avviso: la cassetta postale è servita da un altro URL di ActiveSync, indicato nell'intestazione `X-MS-Location`, su cui i dispositivi passano. Poi lo Status nel corpo WBXML: 1 indica successo; 140 (è in sospeso una cancellazione remota per questo ID dispositivo), 142 (dispositivo senza provisioning), 143 (il criterio è cambiato: ripetere il provisioning) e 144 (chiave del criterio non valida) sono avvisi, per lo stesso motivo del 449. Ogni altro stato è un errore, tra cui 126 (UserDisabledForSync: ActiveSync è disabilitato per l'utente), 129 (DeviceIsBlockedForThisUser: una regola di accesso dei dispositivi, l'elenco dei dispositivi bloccati dell'utente o il livello di accesso predefinito dell'organizzazione), 141 (LegacyDeviceOnStrictPolicy), 177 (MaximumDevicesReached), 110 e 111 (errori del server: uno spostamento della cassetta postale, un failover, un server sovraccarico) e 123 (l'utente non ha una cassetta postale). Anche un 200 il cui corpo non è una risposta FolderSync in WBXML, o non contiene uno Status, è un errore.",
      "MAPI over HTTP: l'analizzatore invia il Connect di Outlook senza autenticazione al Mail Store (`/mapi/emsmdb/`) e il Bind all'Address Book (`/mapi/nspi/`). 404 significa che MAPI over HTTP non è abilitato o che manca la directory virtuale /mapi; un 2xx è un avviso; qualsiasi risposta diversa da 401 è un errore. Se il Mail Store non ha risposto 401, le credenziali non vengono inviate. Con le credenziali, la richiesta Connect deve ricevere 200 con `X-ResponseCode: 0`. Un altro stato, o un 200 senza X-ResponseCode (su /mapi ha risposto qualcosa che non è Exchange: un proxy o un'altra applicazione), è un errore; un X-ResponseCode diverso da zero significa che Exchange ha rifiutato la richiesta: 16 Endpoint Disabled (MAPI over HTTP è disattivato per l'organizzazione o per la cassetta postale), 8 Anonymous Not Allowed (la richiesta è arrivata a Exchange senza l'identità autenticata: l'autenticazione di /mapi, o un proxy davanti), oppure un altro codice indicato dal passaggio. Poi la risposta Connect stessa: uno StatusCode diverso da 0 è un errore; un ErrorCode diverso da 0 (la sessione è stata creata, ma non è stato possibile aprire la cassetta postale) è un errore, oppure un avviso quando nessuna impostazione di Autodiscover ha fornito il legacy DN della cassetta postale e la richiesta ne conteneva uno vuoto; un corpo non strutturato come richiede MAPI over HTTP, un corpo Connect illeggibile o l'assenza del cookie di sessione (un proxy davanti che rimuove Set-Cookie) sono avvisi.",
      "IIS registra un sottostato per ogni errore (403.4 SSL obbligatorio, 403.7 certificato client obbligatorio, 404.0 non trovato, 503.0 pool di applicazioni non disponibile…). Non viene inviato ai client remoti, ma compare nel log di IIS (`C:\\inetpub\\logs\\LogFiles\\W3SVC1\\`, colonna `sc-substatus`). Da Exchange 2013 in poi, il log HttpProxy di ciascun protocollo (`%ExchangeInstallPath%Logging\\HttpProxy\\`, sottocartelle Autodiscover, RpcHttp, Ews, Eas e Mapi) mostra come il front-end ha inoltrato la richiesta al server delle cassette postali.",
      "Cosa significano le risposte più comuni: un 401 dopo l'invio delle credenziali viene segnalato come LOGIN_FAILED. Un 403 di solito significa che è obbligatorio SSL (richiesta su HTTP), che è obbligatorio un certificato client (HTTP_CLIENT_CERT_REQUIRED), una restrizione IP oppure (EWS, ActiveSync) che il protocollo è bloccato per questo account o dispositivo. 404: manca la directory virtuale (rpc, EWS, Microsoft-Server-ActiveSync, mapi) o la funzionalità di Windows \"RPC over HTTP Proxy\", oppure un reverse proxy non pubblica il percorso. 301/302: un reindirizzamento HTTP configurato sul Default Web Site (ad esempio verso /owa) viene ereditato dalle directory virtuali di Exchange. 440: la richiesta è finita su un accesso basato su form di OWA (di solito tramite un reverse proxy). 500: l'applicazione ha generato un errore (vedi il registro eventi); EWS invia con 500 anche i propri SOAP fault. 503: il pool di applicazioni è arrestato, oppure il server è in modalità di manutenzione (componenti del server inattivi). 502/504: un bilanciamento del carico o un proxy non è riuscito a raggiungere il back-end.",
    ],
    symptoms: [
      'Outlook Anywhere non riesce a connettersi; dall\'esterno della rete Outlook continua a chiedere la password o resta "Disconnesso".',
      'Outlook che si connette con MAPI over HTTP resta "Disconnesso" o "Tentativo di connessione…" dall\'esterno, mentre Outlook sul web funziona.',
      "I client EWS non funzionano (Outlook per Mac, le app di calendario e di posta che usano EWS); in Outlook per Windows non funzionano le informazioni sulla disponibilità, le risposte automatiche (Fuori sede) e la rubrica offline.",
      'Telefoni e tablet non riescono ad aggiungere l\'account ("Impossibile connettersi al server", "Impossibile verificare l\'account"), oppure lo aggiungono e non sincronizzano mai; gli utenti possono ricevere nella cassetta postale un messaggio che segnala che il loro dispositivo è bloccato o in quarantena.',
      "Aprendo l'URL del servizio in un browser (`https://mail.contoso.com/rpc/rpcproxy.dll`, `/EWS/Exchange.asmx`, `/Microsoft-Server-ActiveSync`, `/mapi/emsmdb/`) compare una pagina di errore, un reindirizzamento a /owa o un modulo di accesso invece della richiesta di autenticazione.",
    ],
    causes: [
      "Un reindirizzamento HTTP sul Default Web Site ereditato dalle directory virtuali di Exchange.",
      "Una directory virtuale di Exchange mancante o danneggiata: rpc (in Exchange 2010 con la funzionalità RPC over HTTP Proxy e Outlook Anywhere abilitato), EWS, Microsoft-Server-ActiveSync o mapi.",
      "MAPI over HTTP disattivato per l'organizzazione (`MapiHttpEnabled` resta False nelle organizzazioni aggiornate da versioni precedenti di Exchange finché qualcuno non lo abilita) o per la cassetta postale.",
      "Il pool di applicazioni del servizio è arrestato (protezione errori rapidi): MSExchangeAutodiscoverAppPool, MSExchangeRpcProxyFrontEndAppPool / MSExchangeRpcProxyAppPool, MSExchangeServicesAppPool (EWS), MSExchangeSyncAppPool (ActiveSync), MSExchangeMapiFrontEndAppPool / MSExchangeMapiMailboxAppPool / MSExchangeMapiAddressBookAppPool; oppure i componenti del server sono rimasti inattivi dopo una manutenzione.",
      "ActiveSync disabilitato per l'utente, oppure il dispositivo bloccato: una regola di accesso dei dispositivi, il livello di accesso predefinito dell'organizzazione (Block o Quarantine), gli ID dei dispositivi bloccati dell'utente, oppure il numero massimo di dispositivi raggiunto.",
      "Un criterio cassetta postale per dispositivi mobili che richiede il provisioning: i telefoni reali eseguono normalmente il provisioning da soli; l'analizzatore lo segnala come avviso.",
      "La cassetta postale stessa: nessuna cassetta postale ha l'indirizzo, l'account non ne ha una, uno spostamento in corso, un database smontato, la limitazione (codici di risposta EWS, stati di ActiveSync).",
      "Un reverse proxy o un bilanciamento del carico non pubblica il percorso (`/autodiscover/*`, `/rpc/*`, `/EWS/*`, `/Microsoft-Server-ActiveSync`, `/mapi/*`), risponde con una propria pagina di accesso, rimuove intestazioni o cookie impostati da Exchange (Set-Cookie, X-ResponseCode), oppure non ha un back-end integro.",
      "La Protezione estesa (Extended Protection) di Exchange è abilitata mentre un dispositivo davanti termina il TLS con un certificato diverso, quindi le richieste autenticate falliscono.",
    ],
    fixes: [
      {
        text: "Riproduci la prima richiesta del passaggio non riuscito e osserva stato e intestazioni: un 401 con intestazioni `WWW-Authenticate` è la risposta corretta senza credenziali (ActiveSync può anche rispondere all'OPTIONS con 200 e `MS-ASProtocolVersions`). Le righe sono, nell'ordine, Autodiscover, il proxy RPC, EWS, ActiveSync e il Mail Store di MAPI; usa l'URL indicato dai passaggi del test.",
      },
      {
        text: 'Rimuovi un reindirizzamento HTTP ereditato dalle directory virtuali di Exchange (mantienilo solo sulla radice del sito, con "Reindirizza le richieste solo al contenuto di questa directory (non alle sottodirectory)" selezionato in Gestione IIS).',
      },
      {
        text: "Controlla i pool di applicazioni e lo stato dei componenti del server (ogni protocollo ha il proprio componente proxy: AutoDiscoverProxy, RpcProxy, EwsProxy, ActiveSyncProxy, MapiProxy); avvia ciò che è arrestato, ricicla il pool del servizio che non funziona e fai uscire il server dalla modalità di manutenzione se vi è stato lasciato.",
      },
      {
        text: "Outlook Anywhere: controllane la configurazione. In Exchange 2010 deve essere installata la funzionalità RPC over HTTP Proxy e Outlook Anywhere deve essere abilitato; da Exchange 2013 in poi Outlook Anywhere esiste sempre e deve avere un nome host esterno.",
        descriptions: [EXCHANGE_2010_ONLY, EXCHANGE_2010_ONLY],
      },
      {
        text: "EWS non pubblicato (404 su `/EWS/Exchange.asmx`): controlla la directory virtuale EWS di ogni server, i suoi URL e l'autenticazione, e imposta l'ExternalUrl che Autodiscover fornisce ai client esterni; pubblica `/EWS/*` su qualsiasi reverse proxy davanti al server.",
      },
      {
        text: "Codici di risposta EWS: invia tu la richiesta GetFolder dell'analizzatore e leggi ResponseClass e ResponseCode, poi controlla ciò che il codice indica: il destinatario dietro l'indirizzo (ErrorNonExistentMailbox, ErrorMissingEmailAddress), una richiesta di spostamento (ErrorMailboxMoveInProgress), le copie del database (ErrorMailboxStoreUnavailable), il criterio di limitazione (ErrorServerBusy).",
        descriptions: [EWS_GET_FOLDER_DESCRIPTION],
      },
      {
        text: "ActiveSync non pubblicato (404 su `/Microsoft-Server-ActiveSync`), oppure 451 verso un altro URL: controlla la directory virtuale ActiveSync di ogni server e il suo ExternalUrl (per un 451, verifica anche l'URL in `X-MS-Location`); pubblica `/Microsoft-Server-ActiveSync` su qualsiasi reverse proxy davanti al server.",
      },
      {
        text: "ActiveSync 403, oppure stato FolderSync 126 o 129: ActiveSync deve essere abilitato per l'utente e il dispositivo deve essere consentito. Controlla le impostazioni ActiveSync dell'utente e i dispositivi che Exchange conosce per la cassetta postale (quello dell'analizzatore è `RCA0000000000000`, tipo `RemoteConnectivityAnalyzer`), il livello di accesso predefinito dell'organizzazione e le regole di accesso dei dispositivi. Consenti i dispositivi che intendi consentire: tutti per impostazione predefinita, con una regola per un tipo o un modello di dispositivo, oppure un singolo ID dispositivo per un singolo utente. Per 177, rimuovi le associazioni (partnership) dei dispositivi non più in uso (Remove-MobileDevice).",
        descriptions: ["Consenti i dispositivi: per impostazione predefinita, per tipo di dispositivo, oppure un singolo dispositivo per un singolo utente"],
      },
      {
        text: "ActiveSync 449, oppure stato FolderSync 140, 142, 143 o 144: è richiesto il provisioning. Se il criterio è voluto, non c'è nulla di guasto: i telefoni inviano il comando Provision, accettano il criterio e sincronizzano. Controlla quale criterio cassetta postale per dispositivi mobili si applica; un dispositivo che non supporta il provisioning viene lasciato passare solo se il criterio lo consente (`AllowNonProvisionableDevices`). Per 140, è in sospeso una cancellazione remota per l'ID dispositivo: annullala se non era voluta (`Clear-MobileDevice -Cancel`).",
      },
      {
        text: "MAPI over HTTP: un 404 su `/mapi/`, oppure X-ResponseCode 16 (Endpoint Disabled), significa che è disattivato per l'organizzazione o per la cassetta postale, oppure che manca la directory virtuale /mapi. Abilitalo, controlla gli URL e l'autenticazione della directory virtuale (per impostare un URL serve anche `-IISAuthenticationMethods`) e ricicla il pool di applicazioni di Autodiscover, in modo che Outlook ne venga informato al successivo aggiornamento di Autodiscover. `Set-CASMailbox jdoe -MapiHttpEnabled $null` fa tornare una cassetta postale a seguire l'impostazione dell'organizzazione. X-ResponseCode 8 (Anonymous Not Allowed) e una risposta Connect senza cookie di sessione puntano all'autenticazione di /mapi o a un proxy davanti.",
      },
      {
        text: "Cerca il sottostato nel log di IIS, e nel log HttpProxy di Exchange del protocollo (sottocartella Autodiscover, RpcHttp, Ews, Eas o Mapi), all'ora del test.",
      },
      {
        text: "Se davanti c'è un reverse proxy o un bilanciamento del carico (Web Application Proxy, F5, KEMP, nginx), pubblica ogni percorso (`/autodiscover/*`, `/rpc/*`, `/EWS/*`, `/Microsoft-Server-ActiveSync`, `/mapi/*`) con autenticazione pass-through (nessuna pagina di accesso per la preautenticazione), lascia intestazioni e cookie come li imposta Exchange e controlla lo stato del pool di back-end. Con la Protezione estesa di Exchange abilitata, l'offload TLS non è supportato: usa il TLS bridging con lo stesso certificato sul dispositivo e su Exchange.",
      },
    ],
  }),
  HTTP_AUTH_METHOD_MISSING: italianPage(EN.HTTP_AUTH_METHOD_MISSING, {
    title: "Il server non offre il metodo di autenticazione selezionato",
    summary:
      "La richiesta non autenticata all'endpoint verificato ha ricevuto 401, ma le intestazioni `WWW-Authenticate` non elencano il metodo selezionato per il test (Basic o NTLM): il proxy RPC di Outlook Anywhere (`/rpc/rpcproxy.dll`), EWS (`/EWS/Exchange.asmx`), Exchange ActiveSync (`/Microsoft-Server-ActiveSync`) o un endpoint MAPI over HTTP (`/mapi/emsmdb/`, `/mapi/nspi/`). I client configurati per quel metodo non riescono ad accedere. Il codice viene segnalato anche quando un server, Autodiscover compreso, non completa l'handshake NTLM. Errore: il metodo non è offerto, oppure l'handshake non è riuscito. Avviso: è stato selezionato NTLM ed è offerto solo Negotiate.",
    details: [
      'IIS annuncia ogni metodo abilitato in un\'intestazione `WWW-Authenticate` separata: `Basic realm="mail.contoso.com"`, `NTLM`, `Negotiate` e `Bearer` dove è abilitato OAuth (autenticazione moderna). Ogni directory virtuale di Exchange ha il proprio elenco, impostato con il proprio cmdlet: Outlook Anywhere `Set-OutlookAnywhere -IISAuthenticationMethods`; Autodiscover `Set-AutodiscoverVirtualDirectory -BasicAuthentication/-WindowsAuthentication`; EWS `Set-WebServicesVirtualDirectory -BasicAuthentication/-WindowsAuthentication`; ActiveSync `Set-ActiveSyncVirtualDirectory -BasicAuthEnabled/-WindowsAuthEnabled`; MAPI over HTTP `Set-MapiVirtualDirectory -IISAuthenticationMethods`. Autenticazione di Windows significa Negotiate e NTLM insieme.',
      "Quale metodo usano i client: Outlook con Outlook Anywhere usa il metodo delle Impostazioni proxy di Exchange del profilo (\"Impostazioni di autenticazione proxy\"), che Autodiscover imposta in base all'`ExternalClientAuthenticationMethod` di Outlook Anywhere (e all'`InternalClientAuthenticationMethod` per il provider EXCH da Exchange 2013 in poi); se quel metodo non è tra gli `IISAuthenticationMethods` di /rpc, Outlook non riesce a connettersi. Outlook con MAPI over HTTP usa i metodi della directory virtuale /mapi (NTLM, Negotiate e OAuth per impostazione predefinita). I client EWS (Outlook per Mac, app di posta e di calendario) usano NTLM, Negotiate o Basic, a seconda del client. I telefoni che usano nome utente e password accedono ad ActiveSync con Basic, ed è per questo che il test ActiveSync seleziona Basic per impostazione predefinita; il solo `Bearer` significa che il server, o un dispositivo davanti, si aspetta l'autenticazione moderna (OAuth), che i dispositivi che la supportano usano invece tramite il provider di identità.",
      "Quando è stato selezionato NTLM e il server offre solo `Negotiate`, il risultato è un avviso: per la maggior parte dei client Negotiate (SPNEGO) ripiega su NTLM, ma i client configurati per NTLM puro si aspettano lo schema `NTLM`. I dettagli del passaggio elencano i metodi trovati.",
      "Anche i passaggi con le credenziali segnalano questo codice, quando il server risponde al messaggio negotiate NTLM senza una challenge NTLM: il ping del proxy RPC, il GetFolder di EWS, l'OPTIONS con credenziali di ActiveSync, il Connect di MAPI e il POST di Autodiscover, che lo segnala anche quando la challenge è malformata o la connessione si chiude tra la challenge e la risposta. Per il resto, il POST di Autodiscover non verifica i metodi: quando quello selezionato non è offerto, il passaggio indica che le credenziali non sono state inviate. (Il FolderSync di ActiveSync segnala una challenge mancante come HTTP_UNEXPECTED_STATUS: la stessa negoziazione aveva appena funzionato per OPTIONS.)",
      "I dispositivi davanti a Exchange possono cambiare ciò che vede il client: un reverse proxy o un bilanciamento del carico può rimuovere o riscrivere le intestazioni `WWW-Authenticate`, preautenticare gli utenti da sé (al client arriva solo Basic o un modulo di accesso), oppure rompere NTLM perché non mantiene la connessione del client legata a un'unica connessione verso il server (NTLM autentica la connessione TCP, non la richiesta).",
    ],
    symptoms: [
      "Outlook chiede la password più e più volte e dall'esterno non si connette mai.",
      "I telefoni continuano a chiedere la password o non riescono ad aggiungere l'account; Outlook per Mac e gli altri client EWS non riescono ad accedere.",
      "L'elenco dei metodi dell'analizzatore mostra ad es. solo `Negotiate` quando hai verificato NTLM, solo `NTLM, Negotiate` quando hai verificato Basic, oppure solo `Bearer`.",
    ],
    causes: [
      "Nella directory virtuale del servizio non è abilitato il metodo usato dai client: Basic rimosso durante un hardening mentre i client esterni o i telefoni lo usano ancora, oppure l'autenticazione di Windows disattivata su Autodiscover, EWS o /mapi.",
      "`IISAuthenticationMethods` della directory virtuale di Outlook Anywhere non include il metodo usato dai client, oppure `ExternalClientAuthenticationMethod` indica ai client un metodo che IIS non offre.",
      "Autenticazione modificata a mano in Gestione IIS (Default Web Site > rpc, Autodiscover, EWS, Microsoft-Server-ActiveSync o mapi > Autenticazione, oppure l'elenco dei provider dell'Autenticazione di Windows) e poi sovrascritta o non allineata con Exchange.",
      "Un reverse proxy, un WAF o un bilanciamento del carico rimuove le intestazioni `WWW-Authenticate`, esegue la preautenticazione, oppure rompe NTLM, che è orientato alla connessione (ad es. nginx senza keepalive verso l'upstream).",
    ],
    fixes: [
      {
        text: "Guarda i metodi offerti: ogni intestazione `WWW-Authenticate` del 401. Le righe sono, nell'ordine, Autodiscover, il proxy RPC, EWS, ActiveSync e il Mail Store di MAPI; usa l'URL indicato dai passaggi del test.",
      },
      {
        text: "Outlook Anywhere: controllane le impostazioni, poi offri tutti i metodi in IIS e indica ai client quale usare. `-IISAuthenticationMethods` imposta ciò che IIS accetta su /rpc; `-ExternalClientAuthenticationMethod` è il metodo che Autodiscover indica ai client Outlook esterni (Exchange 2010: `-ClientAuthenticationMethod`).",
      },
      {
        text: "Autodiscover ed EWS: abilita l'autenticazione Basic e l'autenticazione di Windows (Negotiate e NTLM) secondo le esigenze dei tuoi client, sulla directory virtuale del Default Web Site di ogni server che riceve traffico dai client.",
      },
      {
        text: "ActiveSync: i telefoni che accedono con nome utente e password hanno bisogno di Basic su Microsoft-Server-ActiveSync (a meno che non usino l'autenticazione basata su certificati o l'autenticazione moderna); aggiungi l'autenticazione di Windows per i client che usano NTLM.",
      },
      {
        text: "MAPI over HTTP: Outlook usa i metodi della directory virtuale /mapi. Mantieni NTLM e Negotiate, e OAuth (presente nell'elenco predefinito e necessario per l'autenticazione moderna ibrida); aggiungi Basic solo se serve ai client (`Basic,Ntlm,Negotiate,OAuth`).",
      },
      {
        text: "Exchange scrive queste impostazioni in IIS (quelle di Outlook Anywhere entro pochi minuti); riavvia IIS perché abbiano effetto subito. Poi verifica in Gestione IIS, Default Web Site > la directory virtuale > Autenticazione, che IIS mostri ciò che hanno impostato i cmdlet (Autenticazione di Windows > Provider: Negotiate e NTLM).",
      },
      {
        text: "Se davanti c'è un reverse proxy o un bilanciamento del carico, configuralo per passare invariate le intestazioni `WWW-Authenticate` e `Authorization`, per non usare alcuna preautenticazione sui percorsi di Exchange (`/autodiscover/*`, `/rpc/*`, `/EWS/*`, `/Microsoft-Server-ActiveSync`, `/mapi/*`) e per mantenere ogni connessione client legata a una propria connessione verso il server, come richiede NTLM. nginx open source usato come reverse proxy HTTP condivide le connessioni upstream tra i client, e questo rompe NTLM; usa NGINX Plus con la sua direttiva upstream `ntlm`, oppure pubblica Exchange con un semplice pass-through TCP (`stream { server { listen 443; proxy_pass 10.0.0.25:443; } }`), che lascia anche il TLS e il certificato a Exchange.",
      },
    ],
  }),
  HTTP_CLIENT_CERT_REQUIRED: italianPage(EN.HTTP_CLIENT_CERT_REQUIRED, {
    title: "Il server richiede un certificato client TLS su /rpc",
    summary:
      "Il server web ha chiesto all'analizzatore un certificato client TLS sul proxy RPC (durante l'handshake, oppure con una rinegoziazione dopo la richiesta), oppure IIS ha risposto 403.7 \"client certificate required\". Outlook Anywhere non invia mai un certificato client, quindi Outlook Anywhere non funziona.",
    details: [
      "In IIS è la funzionalità Impostazioni SSL della directory virtuale: \"Certificati client: Ignora / Accetta / Richiedi\". Per /rpc deve essere Ignora. Accetta fa sì che IIS richieda un certificato (Outlook può mostrare una richiesta di selezione del certificato o non riuscire a connettersi); Richiedi rifiuta ogni client che non ne abbia uno. L'impostazione è l'attributo `sslFlags` di `system.webServer/security/access`: `Ssl` (Richiedi SSL, certificati client ignorati), `Ssl, SslNegotiateCert` (accetta), `Ssl, SslNegotiateCert, SslRequireCert` (richiedi); `None` significa che non sono richiesti né SSL né certificati client.",
      "Una causa frequente è l'autenticazione basata su certificati configurata per ActiveSync a livello di Default Web Site invece che solo su `Microsoft-Server-ActiveSync`: l'impostazione viene ereditata da /rpc e da ogni altra directory virtuale.",
      "Se un server richiede un certificato e chiude la connessione quando non ne riceve uno, l'analizzatore segnala comunque questo codice, purché abbia visto la richiesta del certificato nell'handshake.",
    ],
    symptoms: [
      'Outlook Anywhere non riesce a connettersi; Outlook può mostrare una richiesta "Seleziona un certificato" o non riuscire senza alcun messaggio; i browser che richiedono /rpc/rpcproxy.dll mostrano una finestra di selezione del certificato.',
      "I log di IIS mostrano lo stato 403 con sottostato 7 per le richieste a /rpc.",
    ],
    causes: [
      "Certificati client impostati su Richiedi o Accetta nella directory virtuale /rpc.",
      "Certificati client impostati sul Default Web Site ed ereditati da /rpc (tipicamente durante la configurazione dell'autenticazione basata su certificati per ActiveSync).",
      "Un bilanciamento del carico o un reverse proxy configurato per il TLS reciproco (mutual TLS) sul nome pubblicato.",
    ],
    fixes: [
      {
        text: "Controlla l'impostazione attuale per /rpc e per il sito.",
      },
      {
        text: 'Imposta i certificati client su Ignora per /rpc: Gestione IIS > Default Web Site > rpc > Impostazioni SSL > Certificati client: Ignora > Applica, oppure con PowerShell o appcmd come qui sotto, poi riavvia IIS. Scegli il valore che mantiene la tua scelta attuale per "Richiedi SSL": `Ssl` se Richiedi SSL è selezionato; `None` se non lo è, come accade quando `Get-OutlookAnywhere` mostra `SSLOffloading : True` (il valore predefinito da Exchange 2013 in poi, e obbligatorio quando un bilanciamento del carico termina il TLS e inoltra HTTP in chiaro).',
      },
      {
        text: "Se l'impostazione è ereditata dal Default Web Site a causa dell'autenticazione basata su certificati di ActiveSync, riporta il livello del sito su Ignora e configura i certificati client solo su `Default Web Site/Microsoft-Server-ActiveSync`. Ricontrolla allo stesso modo ogni altra directory virtuale di Exchange (autodiscover, EWS, mapi, OAB).",
      },
      {
        text: "Se un bilanciamento del carico o un reverse proxy richiede certificati client per questo nome, disattiva il TLS reciproco per `/rpc/*` (e per Autodiscover/MAPI/EWS) su quel dispositivo.",
      },
    ],
  }),
  HTTP_TIMEOUT: italianPage(EN.HTTP_TIMEOUT, {
    title: "Il server web non ha completato la risposta in tempo",
    summary:
      "La connessione TLS era attiva e la richiesta HTTP è stata inviata, ma non è arrivata alcuna risposta completa entro il tempo a disposizione dell'analizzatore (RCA_TIMEOUT_MS, 10 secondi per impostazione predefinita): il server è rimasto in silenzio, oppure ha inviato la risposta troppo lentamente.",
    details: [
      "Non è un problema di firewall: la connessione TCP e l'handshake TLS hanno funzionato. Il tempo viene speso nel server web, nell'applicazione dietro di esso o in un dispositivo che bufferizza la risposta (reverse proxy, bilanciamento del carico, WAF).",
      "Le richieste inviate da ciascun test: il POST di Autodiscover a `/autodiscover/autodiscover.xml` (e i GET di `/autodiscover/autodiscover.json` del test Autodiscover), l'`RPC_IN_DATA` di Outlook Anywhere a `/rpc/rpcproxy.dll`, il POST GetFolder di EWS a `/EWS/Exchange.asmx`, l'OPTIONS e il FolderSync di ActiveSync su `/Microsoft-Server-ActiveSync`, il Connect e il Bind di MAPI over HTTP su `/mapi/emsmdb/` e `/mapi/nspi/`. I passaggi del test indicano l'URL. Normalmente IIS risponde subito con 401 a una richiesta non autenticata. Un blocco in quel punto indica un pool di applicazioni bloccato, un modulo di autenticazione in attesa di un controller di dominio, oppure un reverse proxy che inoltra a un back-end che non risponde; un blocco solo dopo l'invio delle credenziali (GetFolder, FolderSync, Connect) indica il server delle cassette postali dietro il front-end: un database sovraccarico, un failover, uno spostamento di cassetta postale.",
      "Nella ricerca di Autodiscover un timeout fa fallire solo quel metodo, come avviso: Outlook, e l'analizzatore, passano al successivo. Il passaggio JSON v2 del test Autodiscover è informativo, quindi anche lì un timeout è un avviso.",
    ],
    symptoms: [
      'Outlook mostra "Tentativo di connessione…" a lungo, poi "Disconnesso".',
      "I telefoni e i client EWS (Outlook per Mac, app di posta e di calendario) segnalano che il server non è disponibile, oppure sincronizzano solo ogni tanto.",
      "I browser restano in caricamento sull'URL del servizio (ad es. https://mail.contoso.com/rpc/rpcproxy.dll o /EWS/Exchange.asmx) e alla fine vanno in timeout.",
    ],
    causes: [
      "Pool di applicazioni IIS del servizio bloccato o in fase di riciclo (MSExchangeAutodiscoverAppPool, MSExchangeRpcProxyAppPool, MSExchangeServicesAppPool per EWS, MSExchangeSyncAppPool per ActiveSync, MSExchangeMapiFrontEndAppPool e MSExchangeMapiMailboxAppPool per MAPI over HTTP).",
      "Autenticazione in attesa di un controller di dominio irraggiungibile (pass-through Kerberos/NTLM).",
      "Il database delle cassette postali o il server dietro il front-end è sovraccarico o in failover, oppure la cassetta postale è in fase di spostamento (richieste con credenziali).",
      "Un reverse proxy o un bilanciamento del carico che inoltra a un back-end non attivo, oppure che bufferizza la risposta.",
      "Un server sotto carico elevato.",
    ],
    fixes: [
      {
        text: "Misura tu stesso il tempo della richiesta, dall'esterno e sul server, con l'URL del passaggio non riuscito, per capire dove si blocca.",
        descriptions: ["Sul server Exchange stesso"],
      },
      {
        text: "Controlla i pool di applicazioni, ricicla quello del servizio bloccato e cerca errori nel registro eventi e nei log di IIS.",
      },
      {
        text: "Se vanno in timeout solo le richieste con credenziali, controlla il lato cassette postali: lo stato delle copie del database e dei servizi di Exchange.",
      },
      {
        text: "Se davanti c'è un reverse proxy o un bilanciamento del carico, verifica direttamente il server Exchange (aggirando il dispositivo) e confronta; controlla i probe di integrità e i timeout del dispositivo.",
      },
    ],
  }),
  LOGIN_FAILED: italianPage(EN.LOGIN_FAILED, {
    title: "Il server ha rifiutato le credenziali fornite",
    summary:
      "L'analizzatore ha inviato il nome utente e la password che hai inserito, con il metodo che hai scelto (Basic o NTLM), al servizio verificato (Autodiscover, il proxy RPC di Outlook Anywhere, EWS, Exchange ActiveSync o MAPI over HTTP), e il server ha risposto 401 Unauthorized: non li ha accettati. Per IMAP e POP il server ha risposto all'accesso con `NO` (IMAP) o `-ERR` (POP), riportato nel passaggio. Per EWS il codice copre anche l'errore EWS ErrorAccessDenied: il server ha accettato le credenziali, ma questo account non può aprire la cassetta postale tramite EWS. Un client che usa lo stesso account e lo stesso metodo viene rifiutato allo stesso modo.",
    details: [
      "Quando viene inviata la password: ogni passaggio con credenziali viene eseguito solo se hai fornito nome utente e password, e li invia solo su una connessione a cui un client Outlook attuale (per ActiveSync, un telefono) affiderebbe una password. OpenSSL deve accettare la catena di certificati rispetto allo stesso archivio attendibile usato dai passaggi del certificato, il nome del certificato deve corrispondere all'host e la connessione deve usare TLS 1.2 o successivo al livello di sicurezza predefinito di OpenSSL (nessuna cipher obsoleta, nessuna chiave debole). Ogni nuova connessione deve inoltre presentare esattamente il certificato convalidato dai passaggi del certificato, e il server deve offrire il metodo che hai scelto. Se una di queste condizioni non è soddisfatta, la password non viene inviata e il passaggio ne spiega il motivo invece di segnalare questo problema.",
      "\"Ignora l'attendibilità SSL\" non fa mai passare una password: trasforma gli errori del certificato in avvisi perché vengano eseguiti gli altri passaggi, ma il passaggio con le credenziali rifiuta comunque un certificato del genere. Correggi prima il certificato (i passaggi del certificato non riusciti rimandano alle rispettive pagine), poi verifica le credenziali senza quell'opzione.",
      "Dove accede ciascun test. Autodiscover: il POST di Outlook a `https://<host>/autodiscover/autodiscover.xml` (con lo schema mobile per il test ActiveSync); lì un 401 è un avviso all'interno di quel metodo di Autodiscover, e il passaggio \"Checking whether Autodiscover was found\" (la verifica che Autodiscover sia stato trovato) segnala poi l'errore. Senza impostazioni, EWS e ActiveSync proseguono al loro URL predefinito sull'host Autodiscover, MAPI over HTTP su /mapi/ senza il legacy DN della cassetta postale, mentre Outlook Anywhere con \"Usa Autodiscover\" si ferma. Outlook Anywhere: l'echo `RPC_IN_DATA` vuoto di Outlook a `/rpc/rpcproxy.dll?<host>:6002`. EWS: un GetFolder SOAP della Posta in arrivo a `/EWS/Exchange.asmx`, della cassetta postale di cui hai inserito l'indirizzo (instradato con `X-AnchorMailbox`) oppure, senza indirizzo, di quella dell'account che accede. ActiveSync: OPTIONS su `/Microsoft-Server-ActiveSync`, poi il comando FolderSync come un nuovo dispositivo; un 401 al FolderSync dopo che OPTIONS ha accettato le credenziali significa che la cassetta postale non è raggiungibile con quelle credenziali (il formato del nome utente, oppure un account senza cassetta postale). MAPI over HTTP: la richiesta Connect di Outlook al Mail Store (`/mapi/emsmdb/`).",
      "Come viaggiano le credenziali: Basic invia nome utente e password codificati in base64 nell'intestazione `Authorization`, leggibili da qualunque cosa termini il TLS, ed è per questo che contano le condizioni descritte sopra. NTLM invia un messaggio negotiate, legge la challenge del server e risponde sulla stessa connessione mantenuta attiva, con i channel binding per il certificato del server (Protezione estesa per l'autenticazione), come fanno i client Windows attuali.",
      "ErrorAccessDenied di EWS, nella risposta GetFolder o in un SOAP fault: l'accesso è riuscito, ma Exchange non consente a questo account di aprire la cassetta postale tramite EWS. EWS è disabilitato per la cassetta postale o per l'organizzazione (`EwsEnabled`), un criterio di accesso delle applicazioni EWS blocca il client (il criterio confronta lo user agent del client; quello dell'analizzatore è `RemoteConnectivityAnalyzer/0.1`) oppure, se hai inserito l'indirizzo di una cassetta postale diversa da quella dell'account, l'account non ha autorizzazioni su quella cassetta postale. A seconda dell'impostazione, un account o un client bloccato può ricevere invece un HTTP 403, segnalato come HTTP_UNEXPECTED_STATUS; allo stesso modo viene segnalato ActiveSync disabilitato per l'utente (403, oppure stato FolderSync 126).",
      "Le credenziali vengono usate solo per questa esecuzione: mai salvate, registrate nei log o mostrate nel permalink. Usa comunque un account di test quando possibile: i tentativi falliti ripetuti contano ai fini del criterio di blocco degli account.",
      "Motivi frequenti diversi da una password sbagliata: il formato del nome utente (Exchange accetta l'UPN `jdoe@contoso.com` e `CONTOSO\\jdoe`; per NTLM, `CONTOSO\\jdoe` è il più sicuro); il protocollo disattivato per la cassetta postale (`Get-CASMailbox`); NTLM bloccato da un criterio (\"Sicurezza di rete: limita NTLM\", \"Network security: Restrict NTLM\"); la Protezione estesa di Exchange che rifiuta l'accesso NTLM perché un bilanciamento del carico o un reverse proxy davanti termina il TLS con un certificato diverso, per cui il channel binding non corrisponde a ciò che vede Exchange; un reverse proxy che esegue la preautenticazione o rimuove l'intestazione `Authorization`. Exchange Online non accetta più l'autenticazione Basic per questi protocolli (e ha dismesso RPC su HTTP), quindi questi test riguardano Exchange on-premises.",
      "IMAP e POP: l'analizzatore accede come fa un'app di posta, con `LOGIN` di IMAP (o `AUTHENTICATE PLAIN` quando il server annuncia `LOGINDISABLED`), oppure `USER`/`PASS` di POP (o `AUTH PLAIN` quando è offerto solo SASL PLAIN), e solo su TLS (implicito su 993/995, oppure dopo STARTTLS/STLS) il cui certificato ha superato tutti i controlli; nemmeno lì \"Ignora l'attendibilità SSL\" fa mai passare la password. La trascrizione nel passaggio mostra i comandi con nome utente e password come `****`, e la risposta del server così come è arrivata. Se un server non annuncia né un LOGIN utilizzabile né PLAIN (`LOGINDISABLED` senza `AUTH=PLAIN`; POP senza `USER` e senza `SASL PLAIN`), l'analizzatore non può accedervi: il passaggio lo indica.",
    ],
    symptoms: [
      "Outlook all'esterno della rete continua a chiedere la password e non si connette mai (Outlook Anywhere o MAPI over HTTP), anche se lo stesso account funziona in Outlook sul web o all'interno della rete.",
      "Outlook non riesce a configurare l'account e durante la configurazione chiede la password più e più volte (Autodiscover).",
      "I telefoni continuano a chiedere la password o segnalano che l'account non può essere verificato (ActiveSync); Outlook per Mac e gli altri client EWS non riescono ad accedere.",
      "Il log di IIS sul server Exchange mostra la richiesta del servizio con stato 401 e sottostato 1 (accesso non riuscito) o 2 (accesso non riuscito a causa della configurazione del server): `POST /autodiscover/autodiscover.xml`, `RPC_IN_DATA /rpc/rpcproxy.dll`, `POST /EWS/Exchange.asmx`, `OPTIONS /Microsoft-Server-ActiveSync` oppure `POST /Microsoft-Server-ActiveSync` con `Cmd=FolderSync`, `POST /mapi/emsmdb/`.",
      "Il registro eventi Sicurezza mostra l'evento 4625 (accesso di un account non riuscito) sul server Exchange, e l'evento 4776 sul controller di dominio, con il motivo.",
      'Le app di posta continuano a chiedere la password di un account IMAP o POP, oppure segnalano "autenticazione non riuscita", mentre Outlook sul web funziona.',
    ],
    causes: [
      "Password sbagliata o scaduta, account disabilitato o bloccato.",
      "Formato del nome utente sbagliato per il metodo (il solo nome account SAM dove è richiesto un UPN o `DOMAIN\\user`).",
      "Il protocollo è disattivato per la cassetta postale (`EwsEnabled`, `ActiveSyncEnabled`, `MapiHttpEnabled`) oppure, per EWS, per l'organizzazione, oppure un criterio di accesso delle applicazioni EWS blocca il client (ErrorAccessDenied).",
      "EWS con l'indirizzo di un'altra cassetta postale: l'account che accede non ha autorizzazioni su quella cassetta postale (ErrorAccessDenied).",
      "NTLM limitato da Criteri di gruppo sul server Exchange o sui controller di dominio.",
      "Protezione estesa abilitata su Exchange mentre un bilanciamento del carico o un proxy termina il TLS con un altro certificato (solo NTLM).",
      "Un reverse proxy, un WAF o un bilanciamento del carico che esegue la preautenticazione, riscrive o elimina l'intestazione `Authorization`.",
      "IMAP o POP: il protocollo è disabilitato per la cassetta postale (`ImapEnabled`, `PopEnabled`), Exchange richiede un accesso sicuro che il client non ha usato (`LoginType`), oppure Dovecot rifiuta gli accessi in testo normale (`disable_plaintext_auth`) o il meccanismo (`auth_mechanisms`).",
    ],
    fixes: [
      {
        text: "Controlla l'account in Active Directory: abilitato, non bloccato, password non scaduta; se necessario sbloccalo.",
      },
      {
        text: "Ripeti tu stesso la richiesta del passaggio non riuscito con lo stesso metodo: 401 significa che il server rifiuta le credenziali, qualsiasi altro stato che le ha accettate (Autodiscover, EWS e MAPI over HTTP possono rispondere a queste richieste essenziali con un proprio errore, e qui va bene). Le righe sono, nell'ordine, Autodiscover, il proxy RPC, EWS, ActiveSync e il Mail Store di MAPI. Se dopo `-u` indichi solo il nome utente, curl chiede la password, che così non finisce nella cronologia della shell. Usa `--basic` invece di `--ntlm` per verificare Basic.",
      },
      {
        text: "Scopri perché il server ha rifiutato: il sottostato della richiesta nel log di IIS e gli eventi di accesso non riuscito con il relativo motivo (sottostato `0xC000006A` password errata, `0xC0000234` account bloccato, `0xC0000071` password scaduta).",
      },
      {
        text: "Controlla che l'account possa usare il protocollo che hai verificato, e abilitalo. `Set-CASMailbox jdoe -MapiHttpEnabled $null` fa seguire alla cassetta postale l'impostazione dell'organizzazione (`Set-OrganizationConfig -MapiHttpEnabled $true`).",
      },
      {
        text: "ErrorAccessDenied di EWS: invia tu il GetFolder dell'analizzatore, poi controlla l'accesso a EWS a livello di organizzazione e sulla cassetta postale: `EwsEnabled`, e `EwsApplicationAccessPolicy` con i suoi elenchi, che vengono confrontati con lo user agent del client (`EnforceAllowList` lascia passare solo `EwsAllowList`, `EnforceBlockList` blocca `EwsBlockList`). Per far passare l'analizzatore da un elenco di elementi consentiti, aggiungi il suo user agent. Se hai inserito l'indirizzo di una cassetta postale diversa da quella dell'account che accede, concedi a quell'account l'accesso alla cassetta postale.",
        descriptions: [EWS_GET_FOLDER_DESCRIPTION],
      },
      {
        text: "Controlla i metodi e la Protezione estesa sulla directory virtuale del servizio: il metodo che hai verificato deve essere offerto lì (HTTP_AUTH_METHOD_MISSING mostra il comando per ogni directory virtuale) e, con la Protezione estesa attiva, un dispositivo davanti non deve terminare il TLS con un certificato diverso: lascia passare il TLS (pass-through), oppure usa il TLS bridging con lo stesso certificato usato da Exchange.",
      },
      {
        text: 'Se il passaggio ha segnalato che le credenziali non sono state inviate, correggi prima ciò che indica: la catena o il nome del certificato (i passaggi del certificato non riusciti rimandano alle rispettive pagine), oppure la versione TLS (TLS_PROTOCOL_OBSOLETE). Poi esegui di nuovo il test senza "Ignora l\'attendibilità SSL".',
      },
      {
        text: "IMAP e POP: controlla che il protocollo sia abilitato per la cassetta postale e quale tipo di accesso richiede il server; su Dovecot, cerca nel suo log il motivo del rifiuto e verifica che gli accessi in testo normale siano consentiti su TLS.",
        descriptions: ["Dovecot: i meccanismi configurati e il motivo degli ultimi rifiuti"],
      },
    ],
  }),
} satisfies HelpPages;
