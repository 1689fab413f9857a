import type { CatalogueShape } from "@/lib/i18n/messages/types";

/**
 * The catalogue texts of this test: its catalogue entry (title, summary, about), its form fields' labels and hints and its step texts.
 * The catalogues place them (through lib/analyzers/messages.ts) as `tests["smtp-outbound"]`, `fields["smtp-outbound"]` and `steps.smtpOutbound`. Plain `{name}` templates (not ICU).
 */
export const en = {
  test: {
    title: "Outbound SMTP e-mail",
    summary:
      "Checks what receiving mail servers look up about your sending server before they accept its mail: the reverse DNS of its IP address, the DNS block lists, and with a domain its SPF and DMARC records.",
    about: {
      step1: "Only asks DNS about the address: nothing connects to it. A private address is refused, since other mail servers never see one.",
      step2:
        "Looks up the reverse DNS (PTR) record of the IP address and checks that the name resolves back to the same address (forward-confirmed reverse DNS), as receiving servers do.",
      step3:
        "Asks each DNS block list (Spamhaus ZEN, SpamCop, Barracuda, PSBL, Mailspike unless the operator chose others) whether the address is listed, with the list's reason.",
      step4:
        "With a domain, evaluates its SPF record for the address as a receiver does for mail from postmaster@<domain> (includes, redirects, a, mx, ptr and exists mechanisms, within RFC 7208's limit of 10 DNS lookups), and shows which mechanism decided.",
      step5: "With a domain, reads its DMARC record (at _dmarc.<domain>, else at the organisational domain) and shows the policy.",
    },
  },
  fields: {
    ip: {
      label: "Sending server's IP address",
      hint: "The public IP address your mail server (or its firewall's NAT) sends from, as receivers see it: the first Received header of a message it sent to an outside mailbox shows it.",
    },
    domain: {
      label: "Sending domain",
      hint: "Optional: the domain of your senders' addresses (contoso.com), to check that its SPF record permits this IP address and that it has a DMARC policy.",
    },
  },
  /** Step texts of the outbound SMTP test (lib/analyzers/smtp-outbound/*, lib/mail/*): placed in the catalogues as `steps.smtpOutbound`. Plain `{name}` templates (not ICU). */
  steps: {
    target: {
      title: "Checking that {ip} is a public IP address.",
      nonPublic: "non-public",
      forbiddenA:
        "{ip} is a {category} address: other mail servers never see mail coming from it, so its reverse DNS, block listings and SPF don't matter to them. Enter the public address your server sends from (the address of its NAT or firewall). The operator can allow private addresses with RCA_ALLOW_PRIVATE_TARGETS=true.",
      forbiddenAn:
        "{ip} is an {category} address: other mail servers never see mail coming from it, so its reverse DNS, block listings and SPF don't matter to them. Enter the public address your server sends from (the address of its NAT or firewall). The operator can allow private addresses with RCA_ALLOW_PRIVATE_TARGETS=true.",
      allowedA: "{ip} is a {category} address; it is tested because this analyzer allows private addresses.",
      allowedAn: "{ip} is an {category} address; it is tested because this analyzer allows private addresses.",
      public: "{ip} is a public address.",
    },
    ptr: {
      title: "Attempting to perform a reverse DNS lookup for IP address {ip}.",
      missing:
        "{ip} has no reverse DNS (PTR) record at {reverseName}. Many receiving servers (Gmail, Outlook.com, most anti-spam gateways) reject or junk mail from an address without one.",
      forward: "{name} → {addresses}",
      noAddress: "no address",
      mismatch:
        'The PTR record of {ip} names {names}, but that name doesn\'t resolve back to {ip} ({seen}). Receivers check this forward confirmation ("FCrDNS") and treat a mismatch like a missing PTR.',
      ok: "Reverse DNS of {ip} is {name}, which resolves back to {ip}.",
      okGeneric:
        "Reverse DNS of {ip} is {name}, which resolves back to {ip}. The name looks like an ISP's generic name for a customer address; some receivers distrust such names: a name of your own domain, like mail.contoso.com, is better.",
    },
    dnsbl: {
      title: "Checking whether IP address {ip} is on DNS block lists.",
      zoneTitle: "Checking the block list {zone}.",
      summary: {
        success: "{ip} is not listed on the {count} block lists asked.",
        warning: "Some block lists couldn't be asked about {ip}.",
        error: "{ip} is listed on at least one block list.",
      },
      notListed: "{ip} is not listed on {list}.",
      refused:
        "{list} answered {answers}: {reason}. That is not a listing, but this analyzer can't tell whether {ip} is listed there. The operator can use a resolver the list serves (not a public one) in RCA_DNS_SERVERS.",
      unexpected: "{list} answered {answers}, which is not a block list answer (listings are 127.0.0.x addresses, RFC 5782); ignored.",
      listed: "{ip} is listed on {list}: {reasons}. Receivers that use this list reject or junk mail from this address.",
      listedSays: '{ip} is listed on {list}: {reasons}. The list says: "{says}". Receivers that use this list reject or junk mail from this address.',
      listing: "{answer}: {meaning}",
      listingPlain: "{answer}: listed",
      /** Spamhaus's answers to queries it won't serve (lib/mail/dnsbl.ts). */
      refusal: {
        malformed: "the query was malformed (typing error in the block list's name)",
        publicResolver: "the query came through a public or open resolver, which the list doesn't answer",
        volume: "the resolver sent too many queries (excessive volume); it needs a data feed or its own account",
      },
      /** What the listing codes of known lists mean (lib/mail/dnsbl.ts). */
      code: {
        spamhausSbl: "SBL: a known spam source or spam operation (Spamhaus Block List)",
        spamhausCss: "SBL CSS: snowshoe spam, low-reputation sending seen by Spamhaus (Combined Spam Sources)",
        spamhausXblCbl: "XBL: a compromised host, botnet or open proxy (Exploits Block List, CBL data)",
        spamhausXbl: "XBL: a compromised host (Exploits Block List)",
        spamhausDrop: "DROP: a hijacked or criminal network (Don't Route Or Peer list)",
        spamhausPblIsp: "PBL: the network's owner (ISP) says this address should not send mail directly (Policy Block List)",
        spamhausPbl: "PBL: Spamhaus considers this a dynamic or end-user address that should not send mail directly (Policy Block List)",
        spamcop: "SpamCop users reported spam from this address recently",
        barracuda: "listed on the Barracuda Reputation Block List (poor reputation)",
        psbl: "listed on the Passive Spam Block List (spam reached its spam traps)",
        mailspike: "listed on the Mailspike block list (bad reputation)",
      },
    },
    spf: {
      titleNoDomain: "Attempting to validate the SPF record.",
      title: "Attempting to validate the SPF record of {domain} for IP address {ip}.",
      noDomain: "no domain was entered: SPF belongs to the domain in the senders' addresses.",
      pass: "The SPF record of {domain} permits {ip}: {mechanism} matched. {lookups} of {limit} DNS lookups used.",
      passAny: "The SPF record of {domain} permits {ip}: a mechanism matched. {lookups} of {limit} DNS lookups used.",
      fail: "The SPF record of {domain} doesn't permit {ip}: the result is fail ({mechanism}). Receivers reject, or junk, mail from {domain} sent from this address.",
      failUnmatched:
        "The SPF record of {domain} doesn't permit {ip}: the result is fail (no mechanism matched and there is no all mechanism, so the result is neutral). Receivers reject, or junk, mail from {domain} sent from this address.",
      weak: "The SPF record of {domain} doesn't permit {ip}: the result is {result} ({mechanism}). Receivers usually accept such mail but count it against it, and it fails DMARC's SPF check.",
      weakUnmatched:
        "The SPF record of {domain} doesn't permit {ip}: the result is {result} (no mechanism matched and there is no all mechanism, so the result is neutral). Receivers usually accept such mail but count it against it, and it fails DMARC's SPF check.",
      none: "{domain} has no SPF record (a TXT record starting with v=spf1), so receivers can't tell which servers may send its mail. Gmail, Yahoo and Outlook.com require SPF or DKIM, and junk or reject unauthenticated mail.",
      permerror: "The SPF record of {domain} can't be evaluated (permerror): {reason}. Receivers treat it as failing.",
      permerrorPhrase: "The SPF record of {domain} can't be evaluated (permerror): {reason} Receivers treat it as failing.",
      invalid: "it is invalid",
      temperror: "The SPF check of {domain} couldn't be completed (temperror): {reason}. Receivers see the same failure and usually defer the mail.",
      temperrorPhrase: "The SPF check of {domain} couldn't be completed (temperror): {reason} Receivers see the same failure and usually defer the mail.",
      lookupFailed: "a DNS lookup failed",
      /** Why check_host() answered none, permerror or temperror (lib/mail/spf.ts). */
      reason: {
        noRecord: "{domain} has no TXT record starting with v=spf1.",
        several: "{domain} has {count} SPF records; a domain may have only one.",
        dnsFailed: "The DNS lookup {what} failed: {error}.",
        dnsFailedPhrase: "The DNS lookup {what} failed: {error}",
        tooManyLookups: 'More than {limit} DNS-querying terms (include, a, mx, ptr, exists, redirect) are needed: "{term}" is the {count}th.',
        tooManyVoid: 'More than {limit} lookups found nothing ("void lookups"): "{term}" is the {count}th.',
        targetNone: "{term}: {target} has no SPF record.",
        targetSeveral: "{term}: {target} has {count} SPF records.",
        tooManyMx: "{term}: {name} has more than {limit} MX records.",
        badExpansion: '"{spec}" expands to "{name}", which isn\'t a domain name.',
        explanationMacro: "The macro %{{letter}} is only allowed in explanations.",
        notSpf: "The record doesn't start with v=spf1.",
        modifierValue: "The modifier {term} has an invalid value.",
        modifierTwice: "The {name}= modifier appears more than once.",
        modifierNoDomain: "The {name}= modifier has no domain.",
        notTerm: '"{term}" is not a valid SPF term.',
        badDomain: '"{term}" has an invalid domain.',
        allValue: '"{term}": the all mechanism takes no value.',
        needsDomain: '"{term}": {kind} needs a domain ({kind}:example.com).',
        badMechanism: '"{term}" is not a valid {kind} mechanism.',
        badNetwork: '"{term}" is not a valid IPv{family} address or network.',
        unknownMechanism: '"{term}": {kind} is not an SPF mechanism.',
        badPrefix: '"{term}" has an invalid prefix length /{value}.',
      },
    },
    dmarc: {
      titleNoDomain: "Attempting to validate the DMARC record.",
      title: "Attempting to validate the DMARC record of {domain}.",
      noDomain: "no domain was entered: DMARC belongs to the domain in the senders' From addresses.",
      stray: '{name} has TXT records, but none starts with "v=DMARC1" ({records}): receivers discard them, so {domain} has no DMARC policy.',
      thenAt: "{first}, then at {rest}",
      missing:
        "{domain} has no DMARC record (TXT at {names}). Without one, anybody can send mail in its name and receivers have no policy to apply; Gmail, Yahoo and Outlook.com require one from bulk senders.",
      several: "{name} has {count} DMARC records; with more than one, receivers apply no DMARC policy at all.",
      invalid: 'The DMARC record at {name} is invalid: {reason}. ("{record}")',
      invalidPhrase: 'The DMARC record at {name} is invalid: {reason} ("{record}")',
      ok: "DMARC record found at {name}: policy {policy}.",
      okNotes: "DMARC record found at {name}: policy {policy}. Note: {notes}.",
      okInherited: "DMARC record found at {name} (the organisational domain's record, which applies to {domain} with sp={policy}): policy {policy}.",
      okInheritedNotes:
        "DMARC record found at {name} (the organisational domain's record, which applies to {domain} with sp={policy}): policy {policy}. Note: {notes}.",
      note: {
        monitorOnly: "p=none only monitors: receivers send reports but apply no policy to mail that fails DMARC",
        pct: "pct={pct}: the policy applies to {pct}% of failing mail",
        noRua: "no rua= address, so nobody receives the aggregate reports",
      },
      /** Why a DMARC record is invalid (lib/mail/dmarc.ts). */
      reason: {
        notDmarc: 'The record doesn\'t start with "v=DMARC1", so receivers discard it.',
        notPair: '"{part}" is not a tag=value pair.',
        twice: "The {name} tag appears twice.",
        noPolicy: "The required p= tag (the policy: none, quarantine or reject) is missing.",
        badPolicy: "{tag}={value} is not a policy: use none, quarantine or reject.",
        badPct: "pct={value} is not a percentage from 0 to 100.",
        badAlignment: "{tag}={value} is not r (relaxed) or s (strict).",
        badUri: "{uri} is not a mailto: reporting address (rua and ruf take mailto:dmarc@contoso.com).",
      },
    },
  },
} as const;

export const it: CatalogueShape<typeof en> = {
  test: {
    title: "Posta SMTP in uscita",
    summary:
      "Verifica cosa controllano i server di posta destinatari sul tuo server mittente prima di accettarne la posta: il DNS inverso del suo indirizzo IP, le DNS block list e, con un dominio, i relativi record SPF e DMARC.",
    about: {
      step1:
        "Interroga solo il DNS sull'indirizzo: nessuna connessione viene aperta verso di esso. Un indirizzo privato viene rifiutato, perché gli altri server di posta non lo vedono mai.",
      step2:
        "Cerca il record DNS inverso (PTR) dell'indirizzo IP e verifica che il nome si risolva nello stesso indirizzo (DNS inverso confermato dal DNS diretto), come fanno i server destinatari.",
      step3:
        "Chiede a ogni DNS block list (Spamhaus ZEN, SpamCop, Barracuda, PSBL, Mailspike, salvo diversa scelta dell'amministratore) se l'indirizzo è in elenco, con il motivo indicato dalla lista.",
      step4:
        "Con un dominio, valuta il suo record SPF per l'indirizzo come fa un destinatario per la posta da postmaster@<domain> (meccanismi include, redirect, a, mx, ptr ed exists, entro il limite di 10 ricerche DNS di RFC 7208) e mostra quale meccanismo ha deciso.",
      step5: "Con un dominio, legge il suo record DMARC (in _dmarc.<domain>, altrimenti nel dominio organizzativo) e mostra la policy.",
    },
  },
  fields: {
    ip: {
      label: "Indirizzo IP del server mittente",
      hint: "L'indirizzo IP pubblico da cui invia il tuo server di posta (o il NAT del suo firewall), come lo vedono i destinatari: lo mostra la prima intestazione Received di un messaggio inviato a una cassetta postale esterna.",
    },
    domain: {
      label: "Dominio mittente",
      hint: "Facoltativo: il dominio degli indirizzi dei tuoi mittenti (contoso.com), per verificare che il suo record SPF autorizzi questo indirizzo IP e che abbia una policy DMARC.",
    },
  },
  steps: {
    target: {
      title: "Verifica che {ip} sia un indirizzo IP pubblico.",
      nonPublic: "non pubblico",
      forbiddenA:
        "{ip} è un indirizzo di tipo {category}: gli altri server di posta non vedono mai arrivare posta da questo indirizzo, quindi il suo DNS inverso, la presenza nelle block list e l'SPF per loro non contano. Inserisci l'indirizzo pubblico da cui il server invia (l'indirizzo del suo NAT o firewall). L'amministratore dell'analizzatore può consentire gli indirizzi privati con RCA_ALLOW_PRIVATE_TARGETS=true.",
      forbiddenAn:
        "{ip} è un indirizzo di tipo {category}: gli altri server di posta non vedono mai arrivare posta da questo indirizzo, quindi il suo DNS inverso, la presenza nelle block list e l'SPF per loro non contano. Inserisci l'indirizzo pubblico da cui il server invia (l'indirizzo del suo NAT o firewall). L'amministratore dell'analizzatore può consentire gli indirizzi privati con RCA_ALLOW_PRIVATE_TARGETS=true.",
      allowedA: "{ip} è un indirizzo di tipo {category}; viene verificato perché questo analizzatore consente gli indirizzi privati.",
      allowedAn: "{ip} è un indirizzo di tipo {category}; viene verificato perché questo analizzatore consente gli indirizzi privati.",
      public: "{ip} è un indirizzo pubblico.",
    },
    ptr: {
      title: "Tentativo di eseguire una ricerca DNS inversa per l'indirizzo IP {ip}.",
      missing:
        "{ip} non ha un record DNS inverso (PTR) in {reverseName}. Molti server riceventi (Gmail, Outlook.com, la maggior parte dei gateway antispam) rifiutano o spostano nella posta indesiderata i messaggi provenienti da un indirizzo senza PTR.",
      forward: "{name} → {addresses}",
      noAddress: "nessun indirizzo",
      mismatch:
        'Il record PTR di {ip} indica {names}, ma quel nome non si risolve di nuovo in {ip} ({seen}). I server riceventi verificano questa conferma diretta ("FCrDNS") e trattano una mancata corrispondenza come un PTR mancante.',
      ok: "Il DNS inverso di {ip} è {name}, che si risolve di nuovo in {ip}.",
      okGeneric:
        "Il DNS inverso di {ip} è {name}, che si risolve di nuovo in {ip}. Il nome sembra quello generico assegnato da un provider a un indirizzo di un cliente; alcuni server riceventi diffidano di nomi simili: è meglio un nome del tuo dominio, come mail.contoso.com.",
    },
    dnsbl: {
      title: "Verifica della presenza dell'indirizzo IP {ip} nelle block list DNS.",
      zoneTitle: "Verifica della block list {zone}.",
      summary: {
        success: "{ip} non è presente in nessuna delle {count} block list interrogate.",
        warning: "Non è stato possibile interrogare alcune block list su {ip}.",
        error: "{ip} è presente in almeno una block list.",
      },
      notListed: "{ip} non è presente in {list}.",
      refused:
        "{list} ha risposto {answers}: {reason}. Non si tratta di un inserimento in lista, ma questo analizzatore non può sapere se {ip} è presente. L'amministratore dell'analizzatore può impostare in RCA_DNS_SERVERS un resolver servito dalla lista (non uno pubblico).",
      unexpected: "{list} ha risposto {answers}, che non è una risposta da block list (gli inserimenti sono indirizzi 127.0.0.x, RFC 5782); risposta ignorata.",
      listed:
        "{ip} è presente in {list}: {reasons}. I server riceventi che usano questa lista rifiutano o spostano nella posta indesiderata i messaggi da questo indirizzo.",
      listedSays:
        '{ip} è presente in {list}: {reasons}. La lista indica: "{says}". I server riceventi che usano questa lista rifiutano o spostano nella posta indesiderata i messaggi da questo indirizzo.',
      listing: "{answer}: {meaning}",
      listingPlain: "{answer}: presente in lista",
      refusal: {
        malformed: "la query non era valida (errore di battitura nel nome della block list)",
        publicResolver: "la query è arrivata tramite un resolver pubblico o aperto, a cui la lista non risponde",
        volume: "il resolver ha inviato troppe query (volume eccessivo); serve un data feed o un account dedicato",
      },
      code: {
        spamhausSbl: "SBL: una fonte o un'operazione di spam nota (Spamhaus Block List)",
        spamhausCss: 'SBL CSS: spam "snowshoe", invii a bassa reputazione rilevati da Spamhaus (Combined Spam Sources)',
        spamhausXblCbl: "XBL: un host compromesso, una botnet o un proxy aperto (Exploits Block List, dati CBL)",
        spamhausXbl: "XBL: un host compromesso (Exploits Block List)",
        spamhausDrop: "DROP: una rete dirottata o criminale (lista Don't Route Or Peer)",
        spamhausPblIsp: "PBL: il proprietario della rete (il provider) indica che questo indirizzo non deve inviare posta direttamente (Policy Block List)",
        spamhausPbl: "PBL: Spamhaus considera questo un indirizzo dinamico o di un utente finale che non deve inviare posta direttamente (Policy Block List)",
        spamcop: "gli utenti di SpamCop hanno segnalato di recente spam da questo indirizzo",
        barracuda: "presente nella Barracuda Reputation Block List (reputazione scarsa)",
        psbl: "presente nella Passive Spam Block List (spam arrivato alle sue spam trap)",
        mailspike: "presente nella block list di Mailspike (cattiva reputazione)",
      },
    },
    spf: {
      titleNoDomain: "Tentativo di convalidare il record SPF.",
      title: "Tentativo di convalidare il record SPF di {domain} per l'indirizzo IP {ip}.",
      noDomain: "non è stato inserito alcun dominio: l'SPF riguarda il dominio negli indirizzi dei mittenti.",
      pass: "Il record SPF di {domain} autorizza {ip}: il meccanismo corrispondente è {mechanism}. Ricerche DNS usate: {lookups} su {limit}.",
      passAny: "Il record SPF di {domain} autorizza {ip}: un meccanismo ha trovato corrispondenza. Ricerche DNS usate: {lookups} su {limit}.",
      fail: "Il record SPF di {domain} non autorizza {ip}: il risultato è fail ({mechanism}). I server riceventi rifiutano, o spostano nella posta indesiderata, la posta di {domain} inviata da questo indirizzo.",
      failUnmatched:
        "Il record SPF di {domain} non autorizza {ip}: il risultato è fail (nessun meccanismo ha trovato corrispondenza e non c'è un meccanismo all, quindi il risultato è neutral). I server riceventi rifiutano, o spostano nella posta indesiderata, la posta di {domain} inviata da questo indirizzo.",
      weak: "Il record SPF di {domain} non autorizza {ip}: il risultato è {result} ({mechanism}). I server riceventi di solito accettano questa posta ma la penalizzano, e non supera il controllo SPF di DMARC.",
      weakUnmatched:
        "Il record SPF di {domain} non autorizza {ip}: il risultato è {result} (nessun meccanismo ha trovato corrispondenza e non c'è un meccanismo all, quindi il risultato è neutral). I server riceventi di solito accettano questa posta ma la penalizzano, e non supera il controllo SPF di DMARC.",
      none: "{domain} non ha un record SPF (un record TXT che inizia con v=spf1), quindi i server riceventi non possono sapere quali server sono autorizzati a inviare la sua posta. Gmail, Yahoo e Outlook.com richiedono SPF o DKIM e spostano nella posta indesiderata o rifiutano la posta non autenticata.",
      permerror: "Il record SPF di {domain} non può essere valutato (permerror): {reason}. I server riceventi lo considerano non superato.",
      permerrorPhrase: "Il record SPF di {domain} non può essere valutato (permerror): {reason}. I server riceventi lo considerano non superato.",
      invalid: "non è valido",
      temperror:
        "Il controllo SPF di {domain} non è stato completato (temperror): {reason}. I server riceventi incontrano lo stesso errore e di solito rimandano la consegna.",
      temperrorPhrase:
        "Il controllo SPF di {domain} non è stato completato (temperror): {reason}. I server riceventi incontrano lo stesso errore e di solito rimandano la consegna.",
      lookupFailed: "una ricerca DNS non è riuscita",
      reason: {
        noRecord: "{domain} non ha un record TXT che inizia con v=spf1.",
        several: "{domain} ha {count} record SPF; un dominio può averne uno solo.",
        dnsFailed: "La ricerca DNS {what} non è riuscita: {error}.",
        dnsFailedPhrase: "La ricerca DNS {what} non è riuscita: {error}",
        tooManyLookups: 'Servono più di {limit} termini che interrogano il DNS (include, a, mx, ptr, exists, redirect): "{term}" è il {count}°.',
        tooManyVoid: 'Più di {limit} ricerche non hanno trovato nulla ("void lookup"): "{term}" è il {count}°.',
        targetNone: "{term}: {target} non ha un record SPF.",
        targetSeveral: "{term}: {target} ha {count} record SPF.",
        tooManyMx: "{term}: {name} ha più di {limit} record MX.",
        badExpansion: '"{spec}" si espande in "{name}", che non è un nome di dominio.',
        explanationMacro: "La macro %{{letter}} è ammessa solo nelle spiegazioni (exp=).",
        notSpf: "Il record non inizia con v=spf1.",
        modifierValue: "Il modificatore {term} ha un valore non valido.",
        modifierTwice: "Il modificatore {name}= compare più di una volta.",
        modifierNoDomain: "Il modificatore {name}= non ha un dominio.",
        notTerm: '"{term}" non è un termine SPF valido.',
        badDomain: '"{term}" ha un dominio non valido.',
        allValue: '"{term}": il meccanismo all non accetta valori.',
        needsDomain: '"{term}": {kind} richiede un dominio ({kind}:example.com).',
        badMechanism: '"{term}" non è un meccanismo {kind} valido.',
        badNetwork: '"{term}" non è un indirizzo o una rete IPv{family} valida.',
        unknownMechanism: '"{term}": {kind} non è un meccanismo SPF.',
        badPrefix: '"{term}" ha una lunghezza di prefisso non valida /{value}.',
      },
    },
    dmarc: {
      titleNoDomain: "Tentativo di convalidare il record DMARC.",
      title: "Tentativo di convalidare il record DMARC di {domain}.",
      noDomain: "non è stato inserito alcun dominio: il DMARC riguarda il dominio negli indirizzi From dei mittenti.",
      stray: '{name} ha record TXT, ma nessuno inizia con "v=DMARC1" ({records}): i server riceventi li scartano, quindi {domain} non ha un criterio DMARC.',
      thenAt: "{first}, poi in {rest}",
      missing:
        "{domain} non ha un record DMARC (TXT in {names}). Senza, chiunque può inviare posta a suo nome e i server riceventi non hanno un criterio da applicare; Gmail, Yahoo e Outlook.com lo richiedono a chi invia grandi volumi.",
      several: "{name} ha {count} record DMARC; se ce n'è più di uno, i server riceventi non applicano alcun criterio DMARC.",
      invalid: 'Il record DMARC in {name} non è valido: {reason}. ("{record}")',
      invalidPhrase: 'Il record DMARC in {name} non è valido: {reason} ("{record}")',
      ok: "Record DMARC trovato in {name}: criterio {policy}.",
      okNotes: "Record DMARC trovato in {name}: criterio {policy}. Nota: {notes}.",
      okInherited: "Record DMARC trovato in {name} (il record del dominio organizzativo, che si applica a {domain} con sp={policy}): criterio {policy}.",
      okInheritedNotes:
        "Record DMARC trovato in {name} (il record del dominio organizzativo, che si applica a {domain} con sp={policy}): criterio {policy}. Nota: {notes}.",
      note: {
        monitorOnly: "p=none serve solo al monitoraggio: i server riceventi inviano report ma non applicano alcun criterio alla posta che non supera DMARC",
        pct: "pct={pct}: il criterio si applica al {pct}% della posta che non supera il controllo",
        noRua: "nessun indirizzo rua=, quindi nessuno riceve i report aggregati",
      },
      reason: {
        notDmarc: 'Il record non inizia con "v=DMARC1", quindi i server riceventi lo scartano.',
        notPair: '"{part}" non è una coppia tag=valore.',
        twice: "Il tag {name} compare due volte.",
        noPolicy: "Manca il tag obbligatorio p= (il criterio: none, quarantine o reject).",
        badPolicy: "{tag}={value} non è un criterio: usa none, quarantine o reject.",
        badPct: "pct={value} non è una percentuale da 0 a 100.",
        badAlignment: "{tag}={value} non è r (relaxed) né s (strict).",
        badUri: "{uri} non è un indirizzo di report mailto: (rua e ruf accettano mailto:dmarc@contoso.com).",
      },
    },
  },
};
