import { MAIL_DNS_HELP as EN } from "../mail-dns";
import { italianPage } from "./fixes";
import type { HelpPages } from "../types";

const WINDOWS_DNS_SERVER = "Su un server DNS Windows";

/** I record DNS con cui gli altri server di posta giudicano un server mittente: DNS inverso, blocklist, SPF e DMARC. */
export const MAIL_DNS_HELP_IT = {
  PTR_MISSING: italianPage(EN.PTR_MISSING, {
    title: "L'indirizzo IP mittente non ha un record DNS inverso (PTR)",
    summary:
      "L'indirizzo IP da cui il tuo server invia la posta non ha un record PTR nel DNS inverso (`25.113.0.203.in-addr.arpa` per 203.0.113.25). I server destinatari lo cercano a ogni connessione; molti (Gmail, Outlook.com, la maggior parte dei gateway antispam) rifiutano la posta proveniente da un indirizzo che ne è privo, oppure la spostano nella posta indesiderata.",
    details: [
      "L'analizzatore chiede il record PTR dell'indirizzo al suo nome inverso (`…in-addr.arpa` per IPv4, i nibble dell'indirizzo sotto `ip6.arpa` per IPv6) tramite il proprio resolver, come fa un server destinatario. Nessuna risposta, o una risposta vuota, è questo problema; una ricerca che non riesce (timeout, SERVFAIL) è DNS_FAILURE.",
      "Il DNS inverso appartiene a chi detiene il blocco di indirizzi, di solito il tuo provider Internet o di hosting, non a chi ospita il DNS del tuo dominio: creare un record nella tua zona non serve a nulla. Puoi gestirlo da solo solo se il provider ti ha delegato la zona inversa (cosa comune per blocchi /24 e più grandi).",
      "Le linee guida per i mittenti di Gmail richiedono che l'indirizzo IP mittente abbia un record PTR che risolva di nuovo a quell'indirizzo; Microsoft (Outlook.com) e Yahoo applicano la stessa regola ai nuovi mittenti.",
    ],
    symptoms: [
      'Messaggi di mancato recapito come "550 5.7.25 The IP address sending this message does not have a PTR record setup" (Gmail), "450 4.7.1 Client host rejected: cannot find your reverse hostname" (`reject_unknown_reverse_client_hostname` di Postfix) oppure "450 4.7.25 Client host rejected: cannot find your hostname" (`reject_unknown_client_hostname` di Postfix, che richiede anche che il nome si risolva di nuovo nell\'indirizzo).',
      "Nelle intestazioni Received presso il destinatario l'host mittente compare come `unknown [203.0.113.25]`.",
      "La posta arriva ad alcuni destinatari, mentre presso altri finisce nello spam o viene rifiutata.",
    ],
    causes: [
      "Il provider non ha mai impostato un record PTR per l'indirizzo (l'impostazione predefinita di molte linee business e delle VM cloud).",
      "L'indirizzo pubblico del server di posta è cambiato (nuova linea, nuova regola NAT, VM cloud ricreata) e il PTR era stato impostato per quello vecchio.",
      "Il server invia da un indirizzo pubblico diverso da quello che ti aspetti: controlla la regola NAT in uscita del firewall, oppure la prima intestazione Received di un messaggio inviato a una cassetta postale esterna.",
    ],
    fixes: [
      { text: "Verifica l'indirizzo da cui il server invia davvero e cosa dice il relativo DNS inverso." },
      {
        text: "Chiedi al proprietario dell'indirizzo (il tuo ISP o provider di hosting; in Azure, AWS e nella maggior parte dei cloud è un'impostazione della risorsa IP pubblico) di impostare un record PTR con il nome del tuo server di posta, ad esempio mail.contoso.com. L'ideale è un nome che sia anche il nome EHLO del server. In Azure:",
      },
      {
        text: "Se la zona inversa è delegata ai tuoi name server, aggiungi lì il record: nella notazione dei file di zona `25.113.0.203.in-addr.arpa. 3600 IN PTR mail.contoso.com.`; su un server DNS Windows:",
      },
      {
        text: "Fai in modo che il nome risolva di nuovo all'indirizzo (un record A `mail.contoso.com. 3600 IN A 203.0.113.25` nella zona pubblica del tuo dominio) e che il server si presenti con lo stesso nome.",
        descriptions: ["Su Postfix"],
      },
    ],
  }),
  PTR_MISMATCH: italianPage(EN.PTR_MISMATCH, {
    title: "Il DNS inverso non risolve di nuovo all'indirizzo IP mittente",
    summary:
      'L\'indirizzo mittente ha un record PTR, ma il nome che indica non risolve di nuovo allo stesso indirizzo (manca il DNS inverso confermato dal DNS diretto, "FCrDNS"). I destinatari trattano un nome non confermato come un nome mancante: chiunque può mettere qualsiasi nome nella zona inversa dei propri indirizzi.',
    details: [
      "L'analizzatore cerca il record PTR dell'indirizzo, poi i record A (o AAAA) di ogni nome indicato; basta un nome i cui indirizzi includano l'indirizzo mittente. I dettagli del passaggio elencano ogni nome e gli indirizzi a cui risolve.",
      "L'analizzatore segnala anche (senza considerarlo un errore) un nome confermato che sembra generico, come `203-0-113-25.dsl.example.net` o `dynamic-25.pool.example.net`: alcuni destinatari e alcune blocklist (Spamhaus PBL) considerano questi nomi indirizzi di utenti finali che non dovrebbero inviare posta direttamente.",
    ],
    symptoms: [
      'Messaggi di mancato recapito come "450 4.7.25 Client host rejected: cannot find your hostname" o "550 5.7.25 … reverse DNS does not match"; nelle intestazioni Received presso il destinatario il nome compare con un avviso come `(may be forged)`.',
      "Presso alcuni destinatari la posta di questo server finisce nello spam, mentre quella degli altri tuoi server passa.",
    ],
    causes: [
      "Il PTR indica un host (mail.contoso.com) il cui record A punta altrove, ad es. a un server web o a un vecchio indirizzo.",
      "Il PTR indica un host che non esiste affatto, oppure che esiste solo nella tua zona DNS interna.",
      "Il record PTR è ancora il nome generico del provider, mentre il tuo record A fa puntare il tuo nome all'indirizzo (le due direzioni devono concordare).",
    ],
    fixes: [
      { text: "Confronta le due direzioni: il nome del PTR, poi gli indirizzi di quel nome." },
      {
        text: "Fai risolvere il nome del PTR all'indirizzo mittente nella zona pubblica (`mail.contoso.com. 3600 IN A 203.0.113.25`), oppure chiedi al provider di cambiare il record PTR con un nome che già lo fa.",
      },
    ],
  }),
  DNSBL_LISTED: italianPage(EN.DNSBL_LISTED, {
    title: "L'indirizzo IP mittente è in una blocklist DNS",
    summary:
      "Una blocklist DNS (DNSBL) elenca l'indirizzo IP da cui il tuo server invia la posta. I server destinatari che usano quella lista rifiutano ogni messaggio proveniente dall'indirizzo, o lo spostano nella posta indesiderata, finché l'indirizzo non viene rimosso dalla lista.",
    details: [
      "L'analizzatore interroga ogni lista come fanno i destinatari (RFC 5782): una ricerca A dell'indirizzo invertito sotto la zona della lista, ad es. `25.113.0.203.zen.spamhaus.org`. Se il nome non esiste, l'indirizzo non è in lista; una risposta in 127.0.0.0/8 significa che è in lista, e nelle liste che usano più codici l'ultimo numero indica il motivo. Il record TXT della lista allo stesso nome di solito riporta il motivo e un link per la rimozione; il passaggio mostra entrambi.",
      "Risposte di Spamhaus ZEN: 127.0.0.2 SBL (fonte o operazione di spam), 127.0.0.3 SBL CSS (reputazione bassa, invii snowshoe), da 127.0.0.4 a 127.0.0.7 XBL (host compromesso, botnet o proxy aperto), 127.0.0.9 DROP (reti dirottate), 127.0.0.10 e 127.0.0.11 PBL (indirizzi che non dovrebbero inviare posta direttamente: intervalli di utenti finali e dinamici; un inserimento per policy, non un'accusa). SpamCop, Barracuda, PSBL e Mailspike rispondono 127.0.0.2.",
      "Spamhaus risponde 127.255.255.252, 127.255.255.254 o 127.255.255.255 quando rifiuta la query (un errore di battitura nella zona, una query tramite un grande resolver pubblico come 8.8.8.8, oppure troppe query). Non è un inserimento in lista: il passaggio è solo informativo e dice che non è stato possibile interrogare la lista. Chi gestisce questo analizzatore dovrebbe indicare un proprio resolver in `RCA_DNS_SERVERS` (Spamhaus risponde a questi, entro i termini di uso gratuito) oppure una zona di Spamhaus Data Query Service in `RCA_DNSBL_ZONES`. Una lista che non può essere interrogata affatto (timeout, SERVFAIL) è un avviso DNS_FAILURE solo per quella lista.",
      "Le liste interrogate le sceglie chi gestisce l'analizzatore (`RCA_DNSBL_ZONES`); per impostazione predefinita Spamhaus ZEN, SpamCop, Barracuda, PSBL e Mailspike, le più usate dai destinatari.",
    ],
    symptoms: [
      'Messaggi di mancato recapito che citano la lista: "554 5.7.1 Service unavailable; Client host [203.0.113.25] blocked using zen.spamhaus.org", "550 5.7.1 … listed at bl.spamcop.net", oppure quello di Outlook.com "550 5.7.1 … part of their network is on our block list (S3150)".',
      "La posta verso molti domini non correlati viene rifiutata tutta insieme, mentre la posta interna all'organizzazione continua a fluire.",
    ],
    causes: [
      "Un account o un dispositivo compromesso ha inviato spam tramite il server (password rubata usata con SMTP autenticato, un modulo web o uno script violato), oppure un malware su un host dietro lo stesso indirizzo NAT (XBL).",
      "Il server era un open relay, oppure restituiva lo spam ai mittenti falsificati (backscatter).",
      "L'indirizzo appartiene a un intervallo di utenti finali o dinamico (PBL): il provider non si aspetta server lì. Invia tramite lo smart host del provider, oppure chiedi un indirizzo statico business e fallo rimuovere dalla PBL.",
      "L'indirizzo era in lista prima che ti venisse assegnato (una nuova VM cloud o una nuova linea ne eredita la storia).",
    ],
    fixes: [
      {
        text: "Prima trova e blocca la fonte, altrimenti tornerai in lista nel giro di poche ore: cerca account che inviano volumi insoliti e code piene di posta che non hai inviato tu.",
        descriptions: ["Postfix: la coda e chi si è autenticato"],
      },
      {
        text: "Chiudi ciò che lo ha reso possibile: reimposta le password rubate, richiedi autenticazione e TLS per l'invio, e assicurati che il server faccia da relay solo per i tuoi utenti.",
        descriptions: ["Su Postfix"],
      },
      {
        text: "Controlla l'inserimento e chiedi la rimozione sul sito della lista stessa (il motivo nel record TXT, nei dettagli del passaggio, di solito contiene il link): Spamhaus https://check.spamhaus.org/, SpamCop https://www.spamcop.net/bl.shtml (le voci scadono dopo 24 ore senza nuove segnalazioni), Barracuda https://www.barracudacentral.org/rbl/removal-request, PSBL https://psbl.org/. Verifica da un tuo resolver:",
      },
    ],
  }),
  SPF_MISSING: italianPage(EN.SPF_MISSING, {
    title: "Il dominio non ha un record SPF",
    summary:
      "Il dominio non ha un record SPF: nessun record TXT che inizi con `v=spf1`. I destinatari non possono sapere quali server sono autorizzati a inviarne la posta, quindi non possono autenticarla con SPF (risultato none), e DMARC dipende allora solo da DKIM.",
    details: [
      "L'analizzatore valuta SPF come fa un destinatario per la posta il cui mittente della busta (MAIL FROM) è `postmaster@<domain>`: legge i record TXT del dominio e tiene quello che inizia con `v=spf1`.",
      "Dal 2024 Gmail e Yahoo richiedono a ogni mittente di autenticarsi con SPF o DKIM, e ai mittenti massivi con entrambi; Outlook.com applica lo stesso ai mittenti con volumi elevati. La posta non autenticata finisce nella posta indesiderata o viene rifiutata.",
    ],
    symptoms: [
      "I messaggi arrivano con `Received-SPF: none` e `Authentication-Results: … spf=none` nelle intestazioni, spesso nella cartella dello spam.",
      'Messaggi di mancato recapito come quello di Gmail "550 5.7.26 This mail has been blocked because the sender is unauthenticated".',
      "Gli spammer possono falsificare il dominio nel mittente della busta senza che alcun destinatario se ne accorga.",
    ],
    causes: [
      "Il record non è mai stato pubblicato, oppure è stato pubblicato solo nella zona DNS interna.",
      "È stato pubblicato al nome sbagliato (`spf.contoso.com`, oppure `contoso.com.contoso.com` per un punto finale mancante), oppure come tipo di record SPF obsoleto (tipo 99) invece che come TXT.",
      "Il testo non inizia esattamente con `v=spf1` (una virgoletta, uno spazio, oppure un record Sender ID come `spf2.0/mfrom,pra`).",
    ],
    fixes: [
      {
        text: "Pubblica un solo record TXT sul dominio che elenchi tutti i server che ne inviano la posta e termini con `-all` (oppure `~all` finché sei in fase di test): gli indirizzi dei tuoi server, e un include per ogni servizio che invia per conto tuo. Nella notazione dei file di zona:",
        descriptions: ["Riga del file di zona, poi la verifica", WINDOWS_DNS_SERVER],
      },
      {
        text: 'Un dominio che non invia affatto posta dovrebbe dichiararlo: `contoso.com. 3600 IN TXT "v=spf1 -all"`.',
      },
    ],
  }),
  SPF_INVALID: italianPage(EN.SPF_INVALID, {
    title: "Il record SPF non è valido (permerror)",
    summary:
      "Il record SPF del dominio non può essere valutato: il risultato SPF è permerror. L'RFC 7208 consente ai destinatari di trattarlo come un fallimento, e DMARC lo conta come tale, quindi la posta del dominio perde ovunque l'autenticazione SPF.",
    details: [
      'Un permerror ha queste cause, ciascuna indicata nel messaggio del passaggio: due o più record TXT che iniziano con `v=spf1` (un dominio può averne uno solo); un errore di sintassi in un punto qualsiasi del record (un meccanismo sconosciuto, un indirizzo IP o una lunghezza del prefisso non validi, un errore di battitura come `ip4 :` o `include;`); più di 10 termini che eseguono query DNS nell\'intera valutazione (`include`, `a`, `mx`, `ptr`, `exists` e `redirect`, contati attraverso ogni record incluso); più di 2 ricerche che non hanno trovato nulla ("void lookup"); un `include` o un `redirect` che indica un dominio senza record SPF.',
      "I dettagli del passaggio mostrano il record, le ricerche DNS usate (n su 10) e il percorso della valutazione: ogni record letto e ogni meccanismo provato, nell'ordine.",
    ],
    symptoms: [
      "Le intestazioni della posta recapitata mostrano `Received-SPF: permerror` o `spf=permerror`; DMARC fallisce quando DKIM non è allineato, quindi con una policy DMARC la posta viene messa in quarantena o rifiutata.",
      "Il problema compare spesso all'improvviso dopo l'aggiunta dell'include di un ulteriore servizio (un nuovo provider di newsletter o di CRM), oppure quando cresce l'include di un provider.",
    ],
    causes: [
      "È stato aggiunto un secondo record SPF per un nuovo servizio invece di integrarlo in quello esistente.",
      "Troppi include: ognuno conta, e conta anche ogni include al suo interno (`include:spf.protection.outlook.com` da solo ne usa 2 su 10).",
      "Un errore di battitura o un meccanismo non supportato copiato da una pagina web.",
    ],
    fixes: [
      { text: "Esamina tutti i record TXT del dominio e unisci in uno solo tutti quelli `v=spf1`." },
      {
        text: "Resta entro le 10 ricerche: sostituisci i meccanismi `a` e `mx` con gli indirizzi che rappresentano (`ip4:`/`ip6:` non costano nulla), elimina `ptr` (deprecato) e rimuovi gli include dei servizi che non usi più. Per un mittente massivo usa un sottodominio (un proprio dominio MAIL FROM, ad es. `bounce.contoso.com`, con un proprio record SPF).",
        descriptions: ["Un solo record, entro il limite"],
      },
    ],
  }),
  SPF_NOT_PERMITTED: italianPage(EN.SPF_NOT_PERMITTED, {
    title: "Il record SPF del dominio non autorizza questo indirizzo IP",
    summary:
      "Il record SPF del dominio è valido, ma non elenca l'indirizzo IP che hai verificato. Errore: il risultato è fail (il record termina con `-all`) e i destinatari rifiutano la posta o la spostano nella posta indesiderata. Avviso: il risultato è softfail (`~all`) o neutral (`?all`, oppure nessun `all`); i destinatari accettano la posta ma la penalizzano, e il controllo SPF di DMARC fallisce in entrambi i casi.",
    details: [
      "L'analizzatore valuta il record come fa un destinatario per la posta da `postmaster@<domain>` inviata da quell'indirizzo, attraverso ogni include e redirect; i dettagli del passaggio mostrano il meccanismo che ha deciso (ad es. `-all`) e il percorso della valutazione, così puoi vedere quale include avrebbe dovuto elencare l'indirizzo.",
    ],
    symptoms: [
      'Messaggi di mancato recapito come "550 5.7.23 The message was rejected because of Sender Policy Framework violation" o "550 5.7.1 SPF check failed"; la posta recapitata riporta `Received-SPF: fail` o `softfail`.',
      "La posta di un server (un nuovo relay, uno scanner o un'applicazione, un servizio cloud) viene rifiutata, mentre quella del server principale passa.",
    ],
    causes: [
      "Un nuovo server mittente, indirizzo NAT o servizio (un CRM, uno strumento per newsletter, Microsoft 365 durante una migrazione) che nessuno ha aggiunto al record.",
      "Il server invia da un indirizzo pubblico diverso da quello elencato (una seconda linea Internet, una regola NAT in uscita modificata).",
      "È stato verificato l'indirizzo sbagliato: usa l'indirizzo della prima intestazione Received di un messaggio che il server ha inviato a una cassetta postale esterna.",
    ],
    fixes: [
      { text: "Aggiungi l'indirizzo (o l'include del servizio) all'unico record SPF, prima del meccanismo `all`." },
      {
        text: "Oppure fai passare la posta di quel server da un server già autorizzato dal record (uno smart host):",
        descriptions: ["Su Postfix"],
      },
    ],
  }),
  DMARC_MISSING: italianPage(EN.DMARC_MISSING, {
    title: "Il dominio non ha un record DMARC",
    summary:
      "Né il dominio né il suo dominio organizzativo hanno un record DMARC (un record TXT che inizia con `v=DMARC1` in `_dmarc.<domain>`). I destinatari non hanno alcuna policy per la posta a suo nome che non supera SPF e DKIM, e tu non ricevi report su chi invia a nome del tuo dominio. È un avviso: la posta continua a fluire, ma Gmail, Yahoo e Outlook.com richiedono DMARC ai mittenti massivi, e il phishing a tuo nome non viene contrastato.",
    details: [
      "Come prevede l'RFC 7489, l'analizzatore interroga `_dmarc.<domain>` e, se non c'è alcun record, il `_dmarc` del dominio organizzativo (il dominio registrabile secondo la Public Suffix List: `_dmarc.contoso.co.uk` per `mail.contoso.co.uk`), la cui policy `sp=` (o `p=`) si applica allora.",
      "Un record con `p=none` viene segnalato come trovato, con una nota: si limita al monitoraggio (i report arrivano, nessun messaggio viene rifiutato). È il primo passo giusto; passa a `quarantine` e poi a `reject` quando i report mostrano che tutta la tua posta legittima supera i controlli.",
    ],
    symptoms: [
      "Le intestazioni della posta recapitata mostrano `dmarc=none`; la posta contraffatta a nome del tuo dominio raggiunge i destinatari.",
      'Gli invii massivi verso Gmail o Yahoo vengono rifiutati con messaggi del tipo "550 5.7.26 Unauthenticated email from contoso.com is not accepted due to domain\'s DMARC policy", oppure finiscono nello spam.',
    ],
    causes: ["Il record non è mai stato pubblicato.", "È stato pubblicato al nome sbagliato (`dmarc.contoso.com`, oppure `_dmarc.contoso.com.contoso.com`)."],
    fixes: [
      {
        text: "Pubblica una policy di monitoraggio con un indirizzo per i report aggregati, poi rendila più restrittiva quando i report sono puliti.",
        descriptions: [WINDOWS_DNS_SERVER],
      },
    ],
  }),
  DMARC_INVALID: italianPage(EN.DMARC_INVALID, {
    title: "Il record DMARC non è valido",
    summary:
      "In `_dmarc.<domain>` c'è un record TXT, ma i destinatari non possono usarlo: non inizia con `v=DMARC1`, ci sono due record DMARC, oppure un tag è errato (manca `p=`, una policy diversa da none, quarantine o reject, un valore non valido di `pct`, `adkim`, `aspf`, oppure un `rua`/`ruf` che non è un indirizzo mailto:). I destinatari non applicano allora alcuna policy DMARC.",
    details: [
      "RFC 7489: il record deve iniziare con `v=DMARC1` seguito da `;`; i tag sono coppie `name=value` separate da punti e virgola; `p` è obbligatorio. I destinatari scartano i record TXT in `_dmarc` che non iniziano con `v=DMARC1`, e ignorano del tutto DMARC quando ce ne sono più di uno. (Un record senza un `p` valido ma con un `rua` valido viene letto da alcuni destinatari come `p=none`; l'analizzatore lo segnala comunque, perché la policy che intendevi non viene applicata.) Il passaggio mostra il record e cosa c'è di sbagliato.",
    ],
    symptoms: [
      "Le intestazioni della posta recapitata mostrano `dmarc=none` anche se un record è pubblicato; i report DMARC smettono di arrivare; la posta contraffatta non viene rifiutata.",
    ],
    causes: [
      "Un errore di battitura: `p=rejected`, `v=DMARC1,` con una virgola, `v=dmarc1` in seconda posizione, un punto e virgola mancante.",
      "Un secondo record aggiunto da un servizio (un provider di report DMARC) accanto a quello esistente.",
    ],
    fixes: [{ text: "Mantieni un solo record, che inizi con `v=DMARC1;` e abbia una policy valida." }],
  }),
} satisfies HelpPages;
