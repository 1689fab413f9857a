import { CONNECTIVITY_HELP as EN } from "../connectivity";
import { italianPage } from "./fixes";
import type { HelpPages } from "../types";

/** Risoluzione dei nomi, criteri sulle destinazioni e connessione TCP: i passaggi prima del TLS. */
export const CONNECTIVITY_HELP_IT = {
  TARGET_FORBIDDEN: italianPage(EN.TARGET_FORBIDDEN, {
    title: "Destinazione rifiutata: il nome viene risolto in un indirizzo privato, di loopback o comunque non pubblico",
    summary:
      "L'analizzatore non si è connesso affatto. L'host indicato viene risolto in un indirizzo (o è esso stesso un indirizzo) che non si trova su Internet, e questa istanza dell'analizzatore è configurata per verificare solo destinazioni pubbliche. È una regola di sicurezza dell'analizzatore, non un giudizio sul tuo server.",
    details: [
      "È una misura di sicurezza contro il server-side request forgery (SSRF). Un analizzatore raggiungibile da Internet che si connette dovunque gli venga chiesto potrebbe essere usato per sondare la rete in cui gira: endpoint di metadati cloud come `169.254.169.254`, console di amministrazione in ascolto su `127.0.0.1` o server interni dietro il firewall. Per questo il nome host viene risolto una sola volta, ogni indirizzo ottenuto viene verificato e la connessione va esattamente all'indirizzo verificato (nessuna seconda ricerca, quindi una risposta DNS che cambia nel frattempo non può aggirare il controllo). Un indirizzo IP indicato come host viene verificato allo stesso modo, in qualunque forma sia scritto (le forme decimali, ottali, esadecimali o abbreviate del loopback vengono riconosciute).",
      "Gli intervalli rifiutati comprendono loopback (`127.0.0.0/8`, `::1`), lo spazio privato RFC 1918 (`10.0.0.0/8`, `172.16.0.0/12`, `192.168.0.0/16`), gli indirizzi IPv6 unique local (`fc00::/7`), link-local (`169.254.0.0/16`, `fe80::/10`), il NAT carrier-grade (`100.64.0.0/10`), `0.0.0.0/8`, multicast, gli intervalli riservati e di benchmark, quelli di documentazione (`192.0.2.0/24`, `198.51.100.0/24`, `203.0.113.0/24`, `2001:db8::/32`) e le forme IPv4-mapped/NAT64 di questi indirizzi. I dettagli del passaggio indicano l'indirizzo e l'intervallo a cui appartiene.",
      "Se un nome ha più indirizzi e anche uno solo non è pubblico, l'intera destinazione viene rifiutata: l'analizzatore non può sapere quale indirizzo sceglierebbe un client, e una risposta mista di solito è comunque un errore DNS.",
      "Se il tuo DNS pubblico restituisce davvero un indirizzo privato per un nome usato dai client esterni, anche questo è un problema reale: nemmeno i client fuori dalla tua rete possono raggiungere quell'indirizzo. Succede di solito con il DNS split-brain, quando un record della zona interna è stato copiato nella zona pubblica.",
    ],
    symptoms: [
      'Il test si ferma al primo passaggio con "Target forbidden"; non viene tentata alcuna connessione TCP e sul tuo server non viene registrato nulla.',
      "Lo stesso host viene verificato senza problemi da un'istanza self-hosted dell'analizzatore all'interno della rete, su cui le destinazioni private sono consentite.",
      "Nemmeno gli utenti esterni riescono a connettersi, quando la causa è un indirizzo privato pubblicato nel DNS pubblico.",
    ],
    causes: [
      "Stai verificando un server interno (ad esempio `ex01.corp.contoso.com` o `10.0.0.25`) da un'istanza pubblica dell'analizzatore.",
      "La zona DNS pubblica contiene un indirizzo privato, ad es. `mail.contoso.com. IN A 192.168.1.10`, copiato dalla zona interna.",
      "Accanto al record A pubblico è stato pubblicato un record AAAA con un indirizzo IPv6 unique local (`fd00::/8`) o link-local.",
    ],
    fixes: [
      {
        text: "Controlla in cosa viene risolto il nome da Internet, interrogando un resolver pubblico anziché i tuoi server DNS interni.",
      },
      {
        text: "Se il DNS pubblico restituisce un indirizzo privato, correggi il record nella zona pubblica presso il tuo provider DNS in modo che punti all'indirizzo pubblico del servizio (l'indirizzo del firewall/NAT o del bilanciamento del carico, ad es. `203.0.113.25`). Mantieni l'indirizzo interno solo nella zona interna (DNS split-brain) ed elimina i record AAAA residui che contengono indirizzi ULA o link-local.",
      },
      {
        text: "Se devi davvero verificare server interni (installazione intranet, laboratorio di test), esegui un'istanza self-hosted dell'analizzatore all'interno della rete e chiedi a chi la gestisce di impostare la variabile d'ambiente `RCA_ALLOW_PRIVATE_TARGETS=true`, quindi di riavviarla. Se i nomi interni vengono risolti solo dai server DNS interni, fai puntare anche `RCA_DNS_SERVERS` a quei server. Fallo solo su un'istanza che utenti non attendibili non possono raggiungere: con questa impostazione attiva, chiunque possa avviare un test può far connettere l'analizzatore a qualsiasi indirizzo interno.",
        descriptions: ["Avvia un'istanza self-hosted che può verificare host interni", "Lo stesso su Windows"],
      },
    ],
  }),
  DNS_NO_RECORD: italianPage(EN.DNS_NO_RECORD, {
    title: "DNS: il nome host non ha alcun record di indirizzo",
    summary:
      'La ricerca DNS si è conclusa con una risposta negativa: il nome host non esiste (NXDOMAIN), oppure esiste ma non ha né un record A (IPv4) né un record AAAA (IPv6) (una risposta NOERROR vuota, "NODATA"). Senza un indirizzo non c\'è nulla a cui connettersi, quindi il test si ferma qui.',
    details: [
      "L'analizzatore distingue una risposta negativa definitiva (questo codice) da una ricerca che non è stato possibile completare affatto (`DNS_FAILURE`: SERVFAIL, REFUSED, timeout). I resolver conservano in cache una risposta negativa per il TTL di negative caching preso dal record SOA della zona (in genere da 5 minuti a 1 ora), quindi un record appena creato potrebbe non essere subito visibile ovunque.",
      "Un CNAME viene seguito: se `mail.contoso.com` è un alias di un nome senza indirizzo (un CNAME orfano), anche la risposta è negativa.",
      "Le ricerche vengono eseguite con il resolver dell'analizzatore (`RCA_DNS_SERVERS` se chi lo gestisce l'ha impostato, altrimenti il resolver di sistema dell'host dell'analizzatore), cioè di solito dall'esterno della tua rete. Ciò che vede un PC nel dominio attraverso la zona DNS interna di Active Directory non conta per i client esterni.",
    ],
    symptoms: [
      'I client esterni falliscono con "server non trovato" o "Impossibile risolvere il nome"; Outlook e i dispositivi mobili non trovano il server da casa o dalle reti mobili, mentre in ufficio tutto funziona (DNS split-brain con un record pubblico mancante).',
      '`nslookup mail.contoso.com 8.8.8.8` risponde "Non-existent domain" oppure non elenca alcun indirizzo; `dig` mostra `status: NXDOMAIN`, oppure `NOERROR` con la sezione answer vuota.',
    ],
    causes: [
      "Il record è stato creato solo nella zona DNS interna e mai nella zona pubblica presso il provider DNS o il registrar.",
      "Un errore di battitura nel nome, o il record è stato creato nella zona sbagliata: ad es. `mail.contoso.com.contoso.com` perché in un file di zona è stato omesso il punto finale.",
      "Un CNAME punta a un nome che non esiste (CNAME orfano), ad es. dopo l'eliminazione di una risorsa cloud o di un bilanciamento del carico.",
      "La delega del dominio è scaduta o punta ai name server sbagliati, quindi l'intero dominio risponde NXDOMAIN.",
    ],
    fixes: [
      {
        text: "Guarda ciò che vede il resto del mondo: interroga un resolver pubblico e, per escludere la cache, direttamente i name server autorevoli del dominio.",
      },
      {
        text: "Crea il record mancante nella zona pubblica, facendolo puntare all'indirizzo pubblico a cui i client raggiungono il servizio (l'indirizzo del firewall/NAT o del bilanciamento del carico). Nella notazione dei file di zona: `mail.contoso.com. 3600 IN A 203.0.113.25`, oppure un alias `mail.contoso.com. 3600 IN CNAME mailgw.contoso.net.` la cui destinazione abbia un indirizzo. Se la zona pubblica è ospitata su un server DNS Windows:",
      },
      {
        text: "Attendi che scada il TTL di negative caching (il minimo del SOA), svuota le cache locali ed esegui di nuovo il test.",
      },
    ],
  }),
  DNS_FAILURE: italianPage(EN.DNS_FAILURE, {
    title: "Ricerca DNS non riuscita (SERVFAIL, REFUSED o timeout)",
    summary:
      "L'analizzatore non è riuscito a ottenere alcuna risposta per il nome: il resolver ha restituito SERVFAIL o REFUSED, oppure nessun server DNS ha risposto entro il tempo limite. A differenza di DNS_NO_RECORD, questo non dice che il record manca: dice che nessuno ha saputo rispondere.",
    details: [
      'Un SERVFAIL da un resolver che esegue la convalida significa molto spesso che la convalida DNSSEC non è riuscita: una firma RRSIG scaduta, un record DS nella zona padre che non corrisponde più al DNSKEY della zona (dopo un rollover delle chiavi o un trasferimento a un altro provider DNS), oppure risposte non firmate da una zona che la zona padre dichiara firmata. I resolver che non eseguono la convalida rispondono comunque, ed è per questo che "per alcuni funziona".',
      "Altre cause frequenti sono una delega lame (i record NS presso il registro puntano a server che non sono autorevoli per la zona), tutti i server autorevoli irraggiungibili o che applicano limiti di frequenza, e firewall che bloccano il DNS su TCP (necessario per le risposte grandi, ad es. record TXT lunghi o DNSSEC).",
      "L'analizzatore usa i server DNS di `RCA_DNS_SERVERS` quando chi lo gestisce li ha configurati, altrimenti il resolver di sistema dell'host dell'analizzatore, con il tempo limite per operazione `RCA_TIMEOUT_MS` (10 secondi per impostazione predefinita). Se ogni dominio fallisce con questo codice, il problema probabile è il resolver dell'analizzatore, non la tua zona.",
    ],
    symptoms: [
      'Errori intermittenti "server non trovato" che dipendono dal resolver del client: la maggior parte degli ISP, Google (8.8.8.8) e Cloudflare (1.1.1.1) convalidano DNSSEC e falliscono, altri rispondono ancora.',
      'La posta in ingresso viene rinviata dai mittenti con errori temporanei come "4.4.3 Temporary DNS failure" e torna indietro al termine del periodo di ritentativi del mittente.',
      '`nslookup` mostra "Server failed" o "DNS request timed out"; `dig` mostra `status: SERVFAIL` oppure `connection timed out; no servers could be reached`.',
    ],
    causes: [
      "DNSSEC non funzionante: firme scadute, mancata corrispondenza DS/DNSKEY dopo un rollover delle chiavi, oppure la zona è stata spostata su un provider DNS che non la firma mentre presso il registrar è ancora pubblicato il vecchio record DS.",
      "Delega lame o obsoleta: record NS presso il registrar che indicano name server che non ospitano più la zona.",
      "Tutti i name server autorevoli non funzionanti, irraggiungibili o che bloccano il resolver (porta 53 UDP o TCP).",
      "Il resolver dell'analizzatore è irraggiungibile o configurato male (ogni test fallisce allo stesso modo).",
    ],
    fixes: [
      {
        text: "Scopri se la causa è DNSSEC: se una query normale fallisce con SERVFAIL ma la stessa query con il flag CD (checking disabled) riceve risposta, la convalida non riesce. `delv` mostra l'errore di convalida; https://dnsviz.net/ mostra graficamente l'intera catena di attendibilità.",
      },
      {
        text: "Controlla la delega e ogni server autorevole. Ogni server indicato nel set NS deve rispondere in modo autorevole (il flag `aa`) con lo stesso numero di serie del SOA.",
      },
      {
        text: "Ripara la zona: firmala di nuovo o correggi il rollover delle chiavi presso il tuo provider DNS; se sei passato a un provider DNS che non firma la zona, rimuovi il record DS presso il registrar (e attendi che ne scada il TTL) prima del trasferimento o insieme a esso; correggi i record NS presso il registrar; consenti la porta 53 UDP e TCP verso i server autorevoli.",
      },
      {
        text: "Se falliscono tutte le destinazioni (il problema è il resolver dell'analizzatore), chi lo gestisce può impostare resolver espliciti e riavviare l'analizzatore.",
      },
    ],
  }),
  TCP_REFUSED: italianPage(EN.TCP_REFUSED, {
    title: "Connessione TCP rifiutata",
    summary:
      "L'host è stato raggiunto, ma ha rifiutato attivamente la connessione su questa porta: al SYN è stato risposto con un reset TCP (ECONNREFUSED). Nulla è in ascolto su quell'indirizzo e quella porta, oppure un firewall è configurato per rifiutare invece di scartare silenziosamente.",
    details: [
      "Un rifiuto è immediato e definitivo, a differenza di TCP_TIMEOUT, in cui non risponde nessuno. I dettagli del passaggio elencano ogni indirizzo tentato (IPv4 e IPv6) con il rispettivo esito. Un rifiuto sull'indirizzo IPv6 mentre IPv4 funziona indica un record AAAA per un server che non è in ascolto su IPv6, oppure una regola del firewall IPv6 dimenticata.",
      "Su un bilanciamento del carico o un reverse proxy, un reset spesso significa che il virtual server esiste ma non ha membri del pool integri, oppure inoltra alla porta interna sbagliata.",
    ],
    symptoms: [
      'Outlook: "La connessione a Microsoft Exchange non è disponibile" / "Tentativo di connessione…"; browser: ERR_CONNECTION_REFUSED; i dispositivi mobili non sincronizzano.',
      'I server mittenti mettono in coda la posta per il dominio con "Connection refused" e riprovano.',
      "`Test-NetConnection mail.contoso.com -Port 443` segnala subito `TcpTestSucceeded : False`.",
    ],
    causes: [
      "Il servizio è arrestato o si è bloccato: IIS (`W3SVC`) per la 443, Microsoft Exchange Frontend Transport (`MSExchangeFrontEndTransport`) per la 25, `MSExchangeIMAP4`/`MSExchangePOP3` per 993/995/143/110 (disattivati per impostazione predefinita in Exchange), oppure postfix/dovecot/nginx su Linux.",
      "Il servizio è in ascolto solo su un altro indirizzo: `127.0.0.1`, un vecchio IP dopo un cambio di indirizzamento, un binding IIS limitato a un solo IP, un elenco `iplisten` di HTTP.sys, oppure un connettore di ricezione associato a un indirizzo che il server non ha più.",
      "La regola NAT/port forwarding o il virtual server del bilanciamento del carico inoltra all'indirizzo o alla porta interna sbagliata, oppure il pool non è attivo.",
      "Un firewall di host o di rete configurato per rifiutare (ad es. iptables `-j REJECT --reject-with tcp-reset`).",
      "È pubblicato un record AAAA per un server che non è in ascolto su IPv6.",
    ],
    fixes: [
      {
        text: "Verifica dall'esterno della tua rete quale indirizzo e quale porta rifiutano la connessione.",
      },
      {
        text: "Sul server, controlla che qualcosa sia in ascolto sulla porta e su quale indirizzo.",
        descriptions: ["Se netsh http show iplisten elenca un indirizzo, HTTP.sys (IIS) è in ascolto solo sugli indirizzi elencati"],
      },
      {
        text: "Avvia i servizi e impostane l'avvio automatico.",
      },
      {
        text: "Controlla i binding: il sito IIS deve avere un binding https su `*:443` (o sull'indirizzo pubblicato), e il connettore di ricezione esposto verso Internet deve essere associato a `0.0.0.0:25` o all'indirizzo a cui inoltra il firewall.",
      },
      {
        text: "Controlla la regola del firewall/NAT o il bilanciamento del carico per questo indirizzo pubblico e questa porta: deve inoltrare all'indirizzo e alla porta interni corretti, e i membri del pool devono essere integri. Rimuovi il record AAAA se il servizio non deve essere raggiungibile su IPv6.",
      },
    ],
  }),
  TCP_TIMEOUT: italianPage(EN.TCP_TIMEOUT, {
    title: "Timeout della connessione TCP o host irraggiungibile",
    summary:
      "Il tentativo di connessione non ha ricevuto risposta entro il tempo limite (`RCA_TIMEOUT_MS`, 10 secondi per impostazione predefinita), oppure la rete ha segnalato l'host o la rete come irraggiungibili. I pacchetti SYN sono stati scartati silenziosamente lungo il percorso, oppure nessun host usa quell'indirizzo.",
    details: [
      "Un timeout significa nessuna risposta: in genere un firewall che scarta invece di rifiutare, un indirizzo IP sbagliato nel DNS, un server spento o un problema di routing. Con questo codice l'analizzatore segnala anche EHOSTUNREACH/ENETUNREACH (un ICMP unreachable da un router). Ogni indirizzo del nome viene tentato a turno; i dettagli del passaggio elencano ogni tentativo.",
      "Se va in timeout solo la porta 25, e succede per ogni dominio che verifichi, la rete in cui gira l'analizzatore probabilmente blocca l'SMTP in uscita: AWS, Azure, Google Cloud e molti ISP residenziali bloccano per impostazione predefinita la porta TCP 25 in uscita. È un limite della posizione dell'analizzatore, non del tuo server; chi lo gestisce deve chiedere lo sblocco o ospitare l'analizzatore altrove.",
    ],
    symptoms: [
      'I client restano in attesa a lungo prima di fallire ("Timeout della connessione", ERR_CONNECTION_TIMED_OUT, Outlook fermo su "Tentativo di connessione…").',
      'I server mittenti rinviano la posta con "Connection timed out" e alla fine la restituiscono al termine del periodo di ritentativi (spesso da 2 a 5 giorni).',
      '`Test-NetConnection -Port` mostra "WARNING: TCP connect to … failed" dopo un certo tempo.',
    ],
    causes: [
      "Un firewall perimetrale, un gruppo di sicurezza cloud (AWS Security Group, Azure NSG) o una regola di Windows Firewall scarta la porta.",
      "Il DNS punta ancora a un vecchio IP pubblico dopo una migrazione o un cambio di ISP.",
      "Manca la regola di port forwarding/NAT, oppure il server o il bilanciamento del carico non è attivo.",
      "Blocco geografico o un IPS che blocca l'indirizzo di origine dell'analizzatore.",
      "Porta 25 in uscita bloccata sulla rete dell'analizzatore (vedi i dettagli), oppure porta 25 in ingresso bloccata dal tuo ISP su una linea residenziale.",
    ],
    fixes: [
      {
        text: "Esegui il test da più di una rete esterna e traccia dove si fermano i pacchetti.",
      },
      {
        text: "Verifica che il DNS pubblico restituisca l'indirizzo pubblico attuale del servizio.",
      },
      {
        text: "Apri la porta su ogni firewall lungo il percorso (firewall perimetrale, gruppo di sicurezza cloud, firewall dell'host) e assicurati che una regola NAT la inoltri al server. Il setup di Exchange crea le proprie regole di Windows Firewall; su Linux apri il servizio esplicitamente.",
      },
      {
        text: "Se da questo analizzatore vanno in timeout solo i test SMTP, per ogni dominio, chiedi a chi gestisce l'analizzatore se il suo provider di hosting blocca la porta 25 in uscita.",
      },
    ],
  }),
  CONNECTION_FAILED: italianPage(EN.CONNECTION_FAILED, {
    title: "Connessione reimpostata o chiusa in modo imprevisto",
    summary:
      "Una connessione è stata stabilita (o era in corso di stabilimento), ma l'altra parte, o un dispositivo nel mezzo, l'ha reimpostata o chiusa prima che lo scambio fosse completo: ad esempio durante l'handshake TLS, oppure dopo l'invio della richiesta ma prima dell'arrivo di una risposta. Qui vengono segnalati anche altri errori di rete di basso livello che non sono né un rifiuto né un timeout.",
    details: [
      "Il punto in cui è successo è nei dettagli del passaggio (errore del socket come ECONNRESET o EPIPE, e la fase). Un reset subito dopo il ClientHello TLS viene in genere da HTTP.sys/IIS senza un binding del certificato per il nome richiesto, da un firewall/IPS a cui non piace l'handshake, o da un server che richiede un certificato client e scarta i client che non ne hanno. Una chiusura dopo la richiesta (nei test HTTPS: \"The server closed the connection before answering the HTTP request\") indica un WAF/IPS che blocca la richiesta, un'applicazione che si blocca o un bilanciamento del carico senza back end integri.",
      "Anche i limiti di connessione e le protezioni dagli abusi chiudono le connessioni: i limiti del connettore di ricezione di Exchange (`MaxInboundConnectionPerSource`), i limiti postscreen/anvil di Postfix, fail2ban o il blocco geografico sul firewall. È possibile anche una causa transitoria; esegui di nuovo il test una volta prima di approfondire.",
    ],
    symptoms: [
      'I client vedono "La connessione è stata reimpostata" / ERR_CONNECTION_RESET / "Connection closed by foreign host".',
      "Errori intermittenti che dipendono dalla rete o dalla posizione del client.",
    ],
    causes: [
      "Firewall, IPS o WAF che terminano la connessione (corrispondenza di una firma, blocco geografico, limite di frequenza).",
      "HTTP.sys/IIS senza un binding TLS corrispondente (nome host SNI non associato, certificato eliminato).",
      "Limiti o blocchi lato server (fail2ban, limiti del connettore di ricezione, postscreen).",
      "Arresto anomalo del pool di applicazioni o riavvio del servizio durante la richiesta; bilanciamento del carico senza membri integri o con un timeout di inattività breve.",
    ],
    fixes: [
      {
        text: "Riproduci il problema con client in modalità dettagliata sull'URL del passaggio non riuscito (i passaggi del test lo indicano: `/autodiscover/autodiscover.xml`, `/rpc/rpcproxy.dll`, `/EWS/Exchange.asmx`, `/Microsoft-Server-ActiveSync`, `/mapi/emsmdb/`…) e annota il punto esatto dell'errore.",
      },
      {
        text: "Windows/IIS: controlla i binding TLS e il log degli errori di HTTP.sys (le connessioni scartate da HTTP.sys compaiono lì, non nel log di IIS).",
      },
      {
        text: "Controlla limiti e blocchi per l'indirizzo dell'analizzatore, e i log del firewall/IPS per le sessioni scartate o reimpostate.",
      },
      {
        text: "Controlla lo stato del pool e i timeout di inattività del bilanciamento del carico, e il registro eventi dell'applicazione per arresti anomali all'ora del test.",
      },
    ],
  }),
} satisfies HelpPages;
