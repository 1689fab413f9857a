import type { CatalogueShape } from "@/lib/i18n/messages/types";

/**
 * The catalogue texts of this test: its catalogue entry (title, summary, about), its form fields' labels and hints and its step texts.
 * The catalogues place them (through lib/analyzers/messages.ts) as `tests["smtp-inbound"]`, `fields["smtp-inbound"]` and `steps.smtpInbound`. Plain `{name}` templates (not ICU).
 */
export const en = {
  test: {
    title: "Inbound SMTP e-mail",
    summary:
      "Tests that a domain can receive e-mail from the Internet as a sending server sees it: the MX records, each mail exchanger's banner and EHLO, STARTTLS and its certificate, a recipient, the open-relay check, and the domain's MTA-STS, DANE and TLS-RPT records. Nothing is ever delivered.",
    about: {
      step1:
        "Looks up the domain's MX records in preference order (with no MX, the domain's own address, as RFC 5321 says). A null MX means the domain takes no mail.",
      step2:
        "Tries each mail exchanger in turn, as a sending server does, until one accepts an SMTP dialog: DNS, the TCP port, the 220 banner (its name against the address's reverse DNS), and EHLO with the extensions offered (SIZE, STARTTLS, PIPELINING…). The analyzer introduces itself as rca-analyzer.invalid.",
      step3:
        "Starts TLS with STARTTLS and checks the certificate; certificate problems are warnings, as most senders don't validate opportunistic TLS. Then EHLO again over TLS.",
      step4:
        "With a recipient, asks whether the server accepts mail for it; then checks that it refuses to relay mail between two outside addresses. Never sends DATA: nothing is delivered.",
      step5:
        "Checks the domain's MTA-STS policy (the _mta-sts TXT record and the policy served over HTTPS, its MX patterns and mode), the DANE TLSA records of the mail exchanger against its certificate, and the TLS-RPT record for TLS failure reports.",
    },
  },
  fields: {
    domain: {
      label: "Domain",
      hint: "The domain that receives the mail (the part after @): its MX records name the servers to test. Or leave it empty and name a mail server below.",
    },
    host: { label: "Mail server", hint: "Or one mail server to test directly, without an MX lookup (MTA-STS, DANE and TLS-RPT are then not checked)." },
    port: { hint: "25, the port servers deliver mail to each other on. Another port only for a test setup." },
    recipient: {
      label: "Recipient",
      hint: "Optional: an address at the domain. The test asks the server whether it accepts mail for it (MAIL FROM, RCPT TO, then RSET): nothing is sent.",
    },
    relayCheck: {
      label: "Check for an open relay",
      hint: "Asks the server to accept mail from an outside address (example.com) to another outside address (example.net); it must refuse. Nothing is sent.",
    },
  },
  /** Step texts of the inbound SMTP test (lib/analyzers/smtp-inbound/*, lib/net/mail/smtp.ts, mta-sts.ts, dane.ts): placed in the catalogues as `steps.smtpInbound`. Plain `{name}` templates (not ICU). */
  steps: {
    /** Items joined with semicolons (MTA-STS flaws). */
    semicolonList: "{first}; {rest}",
    mx: {
      title: "Attempting to retrieve DNS MX records.",
      titleDomain: "Attempting to retrieve DNS MX records for domain {domain}.",
      named: "No MX lookup: the test connects to the mail server you named, {host}, on port {port}.",
      nullMx: '{domain} has a null MX record ("0 ."): the domain declares that it accepts no e-mail at all (RFC 7505), so senders bounce mail to it at once.',
      record: "{exchange} (preference {preference})",
      foundOne: "Found 1 MX record for {domain}: {records}. Senders try them in this order, the lowest preference first.",
      foundMany: "Found {count} MX records for {domain}: {records}. Senders try them in this order, the lowest preference first.",
      foundOneWithNull:
        'Found 1 MX record for {domain}: {records}. Senders try them in this order, the lowest preference first. A null MX record ("0 .") beside them is ignored, though RFC 7505 forbids mixing them.',
      foundManyWithNull:
        'Found {count} MX records for {domain}: {records}. Senders try them in this order, the lowest preference first. A null MX record ("0 .") beside them is ignored, though RFC 7505 forbids mixing them.',
      none: "{domain} has no MX record and no A or AAAA record: no server can receive e-mail for it.",
      implicit:
        "{domain} has no MX record. Senders then deliver to the domain's own address ({addresses}), as RFC 5321 §5.1 says; add an MX record if another server should receive the mail.",
    },
    host: {
      titleMx: "Testing Mail Exchanger {host} (preference {preference}) on port {port}.",
      titleImplicit: "Testing Mail Exchanger {host} on port {port}.",
      titleNamed: "Testing mail server {host} on port {port}.",
      notTried: "{host} accepted the SMTP dialog, so senders (and the analyzer) don't try this one.",
      accepted: "{host} accepted the SMTP dialog.",
      acceptedWithWarnings: "{host} accepted the SMTP dialog, with warnings.",
      unusable: "{host} couldn't be used: senders try the next mail exchanger.",
    },
    result: {
      title: "Checking whether a mail exchanger accepted the SMTP dialog.",
      accepted: "{host} accepted the SMTP dialog. The checks below run on it.",
      acceptedAfter: "{host} accepted the SMTP dialog after {failed} failed (senders retry there first, which delays mail). The checks below run on it.",
      noneNamed: "The mail server didn't accept an SMTP dialog: mail can't be delivered; senders queue it and retry for days, then bounce it.",
      noneNamedBecause:
        "The mail server didn't accept an SMTP dialog ({host}: {failure}): mail can't be delivered; senders queue it and retry for days, then bounce it.",
      noneNamedBecauseSentence:
        "The mail server didn't accept an SMTP dialog ({host}: {failure}.): mail can't be delivered; senders queue it and retry for days, then bounce it.",
      noneMany: "No mail exchanger of the domain accepted an SMTP dialog: mail can't be delivered; senders queue it and retry for days, then bounce it.",
      noneManyBecause:
        "No mail exchanger of the domain accepted an SMTP dialog ({host}: {failure}): mail can't be delivered; senders queue it and retry for days, then bounce it.",
      noneManyBecauseSentence:
        "No mail exchanger of the domain accepted an SMTP dialog ({host}: {failure}.): mail can't be delivered; senders queue it and retry for days, then bounce it.",
      noneOnly: "The only mail exchanger didn't accept an SMTP dialog: mail can't be delivered; senders queue it and retry for days, then bounce it.",
      noneOnlyBecause:
        "The only mail exchanger didn't accept an SMTP dialog ({host}: {failure}): mail can't be delivered; senders queue it and retry for days, then bounce it.",
      noneOnlyBecauseSentence:
        "The only mail exchanger didn't accept an SMTP dialog ({host}: {failure}.): mail can't be delivered; senders queue it and retry for days, then bounce it.",
    },
    banner: {
      title: "Checking the SMTP banner (the 220 greeting).",
      invalid: "No valid SMTP banner. {cause}.",
      invalidPhrase: "No valid SMTP banner. {cause}",
      refused:
        'The server greeted with "{reply}" instead of 220: it refuses the connection (RFC 5321 §3.1), so senders can\'t deliver mail through it from here.',
      noHostName: "Banner: \"{banner}\". It doesn't start with the server's host name, as RFC 5321 §4.2 requires.",
      ptrFailed: "Banner: \"{banner}\". The reverse DNS of {address} couldn't be looked up ({failure}.), so the name wasn't compared.",
      ptrFailedPhrase: "Banner: \"{banner}\". The reverse DNS of {address} couldn't be looked up ({failure}), so the name wasn't compared.",
      lookupFailed: "lookup failed",
      noPtr:
        "Banner: \"{banner}\". {address} has no reverse DNS (PTR) record, so the name {name} can't be confirmed; the same host's outgoing mail is likely to be refused or marked as spam.",
      ptrMismatch: 'Banner: "{banner}". The name {name} doesn\'t match the reverse DNS of {address} ({names}).',
      ok: 'Banner: "{banner}". The name {name} matches the reverse DNS of {address}.',
    },
    ehlo: {
      title: "Testing the EHLO command and the extensions the server offers.",
      titleTls: "Sending EHLO again over the TLS connection.",
      refused: 'The server refused EHLO with "{reply}": no mail can be sent in this session.',
      heloRefused: 'The server refused HELO (after refusing EHLO as unknown) with "{reply}": no mail can be sent in this session.',
      helo: "The server doesn't know EHLO and accepted HELO instead: it offers no extensions (no STARTTLS, no SIZE), like an SMTP server of before 1995.",
      ok: "The server accepted EHLO and offers {extensions}.",
      okNone: "The server accepted EHLO and offers no extensions.",
      okTls: "The server accepted EHLO over TLS and offers {extensions}.",
      okTlsNone: "The server accepted EHLO over TLS and offers no extensions.",
    },
    starttls: {
      title: "Attempting to start TLS with the STARTTLS command.",
      missing:
        "The server doesn't offer STARTTLS: mail reaches it unencrypted, readable by anyone on the way. Senders that require TLS (MTA-STS, DANE, many banks and governments) won't deliver to it, and Microsoft 365 and Gmail mark such mail as not encrypted.",
      refused:
        'The server offers STARTTLS but refused it with "{reply}": mail reaches it unencrypted. The TLS certificate or key may be missing or unreadable on the server.',
      handshakeFailed: "The server accepted STARTTLS, but the TLS handshake failed (see below): senders then retry without TLS or give up.",
      ok: "STARTTLS works and the certificate is valid for the host name.",
      okUntrusted:
        "STARTTLS works, but the certificate has problems (below). They are warnings here: most sending servers use TLS opportunistically and don't validate the certificate (RFC 7435), so mail still arrives encrypted. Senders that enforce MTA-STS or DANE do validate it.",
    },
    dialog: {
      noMailExchanger: "no mail exchanger accepted the SMTP dialog.",
      brokeOff: 'the SMTP dialog broke off at "{step}".',
      tlsFailed: "the TLS handshake after STARTTLS failed, which ends the SMTP session.",
    },
    recipient: {
      title: "Checking that the server accepts mail for {recipient}.",
      nullSenderRefused:
        'The server refused the null sender "MAIL FROM:<>" with "{reply}": RFC 5321 §4.5.5 requires accepting it, as bounces and delivery reports use it.',
      accepted: 'The server accepts mail for {recipient}: "{reply}". (Nothing was sent: the analyzer never sends DATA.)',
      deferred: 'The server deferred {recipient} with "{reply}": a temporary refusal (greylisting, a busy or misconfigured server); senders retry later.',
      refused: 'The server refused mail for {recipient} with "{reply}": senders get a bounce.',
    },
    relay: {
      title: "Testing whether the server is an open relay.",
      senderRefused: 'The server refused the outside sender {from} with "{reply}": it doesn\'t relay for it.',
      open: 'The server accepted mail from {from} to {to} ("{reply}"): it is an open relay. Spammers find such servers within hours; its address lands on block lists and legitimate mail from it is refused. (Nothing was sent: the analyzer never sends DATA.)',
      refused: 'The server refused to relay from {from} to {to} with "{reply}": it is not an open relay.',
    },
    security: {
      namedServer: "you named a mail server, not a domain: MTA-STS, DANE and TLS-RPT belong to the domain's MX records.",
      noDialog: "no mail exchanger accepted the SMTP dialog, so no certificate could be compared.",
    },
    mtaSts: {
      title: "Checking the domain's MTA-STS policy.",
      none: '{domain} has no MTA-STS record (_mta-sts.{domain} TXT "v=STSv1; id=…"): senders use TLS opportunistically.',
      invalidRecord: "The MTA-STS record of {domain} is invalid: {reason}.",
      fetchFailed:
        "_mta-sts.{domain} announces a policy (id {id}), but {url} couldn't be fetched: {failure}. RFC 8461 requires HTTPS with a valid certificate for mta-sts.{domain}.",
      fetchFailedPhrase:
        "_mta-sts.{domain} announces a policy (id {id}), but {url} couldn't be fetched: {failure} RFC 8461 requires HTTPS with a valid certificate for mta-sts.{domain}.",
      noAttempt: "no attempt",
      httpStatus: "_mta-sts.{domain} announces a policy (id {id}), but {url} answered HTTP {status} instead of 200 with the policy.",
      tooLarge: "The MTA-STS policy at {url} is larger than the {kib} KiB the analyzer reads: a policy is a few lines.",
      policyInvalid: "The MTA-STS policy at {url} is invalid: {reason}. Senders ignore it.",
      modeNone: 'The MTA-STS policy of {domain} has mode "none": MTA-STS is switched off.',
      notMetEnforce:
        "The MTA-STS policy of {domain} (mode enforce) isn't met: {flaws}. Senders that honour MTA-STS (Gmail, Microsoft 365, Yahoo…) then deliver only to MX hosts that the policy names and that present a valid certificate over STARTTLS. They won't deliver to the hosts that fail.",
      notMetTesting:
        "The MTA-STS policy of {domain} (mode testing) isn't met: {flaws}. In testing mode senders still deliver, and report the failure (TLS-RPT).",
      unmatchedOne: 'the MX host {hosts} matches no "mx:" line of the policy',
      unmatchedMany: 'the MX hosts {hosts} match no "mx:" line of the policy',
      noStartTls: "{host} doesn't offer working STARTTLS",
      untrusted: "the certificate of {host} isn't valid for its name (see the certificate steps)",
      ok: "{domain} publishes an MTA-STS policy in mode {mode} (mx {mx}, max_age {maxAge} s), and its MX hosts match it.",
      okTesting:
        "{domain} publishes an MTA-STS policy in mode {mode} (mx {mx}, max_age {maxAge} s), and its MX hosts match it. In testing mode senders only report failures (TLS-RPT); set mode: enforce once reports are clean.",
      /** Why a record or policy is invalid (lib/net/mail/mta-sts.ts). */
      reason: {
        severalRecords: 'there are {count} "v=STSv1" TXT records; senders ignore them all when there is more than one',
        noId: 'the record has no "id" field',
        badId: 'its "id" must be 1 to 32 letters and digits',
        notKeyValue: 'the line {line} isn\'t "key: value"',
        version: '"version" must be STSv1 (found {found})',
        versionMissing: '"version" must be STSv1 (found "nothing")',
        mode: '"mode" must be enforce, testing or none (found {found})',
        modeMissing: '"mode" must be enforce, testing or none (found "nothing")',
        maxAge: '"max_age" must be a number of seconds',
        maxAgeLimit: '"max_age" may be at most {limit} seconds',
        badPattern: 'the mx pattern {pattern} isn\'t a host name or "*." followed by one',
        noMx: 'the policy has no "mx" line',
      },
    },
    dane: {
      title: "Checking the DANE TLSA records of the mail exchanger.",
      titleHost: "Checking the DANE TLSA records of {host}.",
      none: "No TLSA records at {name}: the server doesn't use DANE.",
      noCertificate: "{name} has TLSA records, but the server presented no certificate (no working STARTTLS): DANE senders won't deliver to it.",
      unusable: "{name} has TLSA records, but none that SMTP uses (only DANE-TA 2 and DANE-EE 3 count, RFC 7672).",
      mismatch:
        "No TLSA record at {name} matches the certificate the server presented: DANE senders won't deliver to it. Publish the record of the current certificate (or key) before changing certificates.",
      ok: 'The TLSA record "{record}…" ({meaning}) matches certificate {position} of the chain the server presented.',
    },
    tlsRpt: {
      title: "Checking the domain's TLS reporting (TLS-RPT) record.",
      both: "MTA-STS and DANE",
      missingDeployed:
        '{domain} has no TLS-RPT record ({name} TXT "v=TLSRPTv1; rua=mailto:…"). With {deployed} deployed, nobody hears of senders that can\'t deliver over TLS.',
      missing: '{domain} has no TLS-RPT record ({name} TXT "v=TLSRPTv1; rua=mailto:…"). It matters once MTA-STS or DANE is deployed.',
      several: "{name} has {count} TLS-RPT records: senders ignore them all (RFC 8460 §3).",
      invalid: 'The TLS-RPT record of {domain} is invalid: "rua=" must list mailto: or https: addresses.',
      invalidBad: 'The TLS-RPT record of {domain} is invalid: "rua=" must list mailto: or https: addresses (not {bad}).',
      ok: "{domain} asks for TLS reports at {uris}.",
    },
    smtp: {
      greeting: "the connection (the 220 banner)",
      notReply: "SMTP: the answer to {what} isn't an SMTP reply: {line}.",
    },
    /** ProblemError messages of lib/net/dns-records.ts (MX, TXT, PTR, A/AAAA, CAA and TLSA lookups). */
  },
} as const;

export const it: CatalogueShape<typeof en> = {
  test: {
    title: "Posta SMTP in ingresso",
    summary:
      "Verifica che un dominio possa ricevere posta da Internet come lo vede un server mittente: i record MX, il banner e la risposta a EHLO di ogni mail exchanger, STARTTLS e il relativo certificato, un destinatario, il controllo di open relay e i record MTA-STS, DANE e TLS-RPT del dominio. Non viene mai recapitato nulla.",
    about: {
      step1:
        "Cerca i record MX del dominio in ordine di preferenza (senza MX, l'indirizzo del dominio stesso, come prevede RFC 5321). Un MX nullo indica che il dominio non accetta posta.",
      step2:
        "Prova un mail exchanger alla volta, come fa un server mittente, finché uno non accetta un dialogo SMTP: DNS, la porta TCP, il banner 220 (il nome confrontato con il DNS inverso dell'indirizzo) ed EHLO con le estensioni offerte (SIZE, STARTTLS, PIPELINING…). L'analizzatore si presenta come rca-analyzer.invalid.",
      step3:
        "Avvia TLS con STARTTLS e verifica il certificato; i problemi del certificato sono avvisi, perché la maggior parte dei mittenti non convalida il TLS opportunistico. Poi invia di nuovo EHLO su TLS.",
      step4:
        "Con un destinatario, chiede se il server accetta posta per quell'indirizzo; poi verifica che rifiuti di inoltrare posta tra due indirizzi esterni. Non invia mai DATA: non viene recapitato nulla.",
      step5:
        "Verifica la policy MTA-STS del dominio (il record TXT _mta-sts e la policy pubblicata su HTTPS, con i suoi modelli MX e la modalità), i record TLSA DANE del mail exchanger rispetto al suo certificato e il record TLS-RPT per i report sugli errori TLS.",
    },
  },
  fields: {
    domain: {
      label: "Dominio",
      hint: "Il dominio che riceve la posta (la parte dopo la @): i suoi record MX indicano i server da verificare. Oppure lascialo vuoto e indica un server di posta qui sotto.",
    },
    host: {
      label: "Server di posta",
      hint: "Oppure un singolo server di posta da verificare direttamente, senza ricerca MX (in tal caso MTA-STS, DANE e TLS-RPT non vengono verificati).",
    },
    port: { hint: "25, la porta su cui i server si recapitano la posta tra loro. Un'altra porta solo per un ambiente di test." },
    recipient: {
      label: "Destinatario",
      hint: "Facoltativo: un indirizzo del dominio. Il test chiede al server se accetta posta per quell'indirizzo (MAIL FROM, RCPT TO, poi RSET): non viene inviato nulla.",
    },
    relayCheck: {
      label: "Verifica l'open relay",
      hint: "Chiede al server di accettare posta da un indirizzo esterno (example.com) verso un altro indirizzo esterno (example.net); il server deve rifiutare. Non viene inviato nulla.",
    },
  },
  steps: {
    semicolonList: "{first}; {rest}",
    mx: {
      title: "Tentativo di recuperare i record MX dal DNS.",
      titleDomain: "Tentativo di recuperare i record MX dal DNS per il dominio {domain}.",
      named: "Nessuna ricerca MX: il test si connette al server di posta indicato, {host}, sulla porta {port}.",
      nullMx:
        '{domain} ha un record MX nullo ("0 ."): il dominio dichiara di non accettare alcuna e-mail (RFC 7505), quindi i mittenti restituiscono subito al mittente la posta indirizzata a esso.',
      record: "{exchange} (preferenza {preference})",
      foundOne: "Trovato 1 record MX per {domain}: {records}. I mittenti li provano in quest'ordine, a partire dalla preferenza più bassa.",
      foundMany: "Trovati {count} record MX per {domain}: {records}. I mittenti li provano in quest'ordine, a partire dalla preferenza più bassa.",
      foundOneWithNull:
        "Trovato 1 record MX per {domain}: {records}. I mittenti li provano in quest'ordine, a partire dalla preferenza più bassa. Il record MX nullo (\"0 .\") presente accanto viene ignorato, anche se l'RFC 7505 vieta di combinarli.",
      foundManyWithNull:
        "Trovati {count} record MX per {domain}: {records}. I mittenti li provano in quest'ordine, a partire dalla preferenza più bassa. Il record MX nullo (\"0 .\") presente accanto viene ignorato, anche se l'RFC 7505 vieta di combinarli.",
      none: "{domain} non ha né record MX né record A o AAAA: nessun server può ricevere e-mail per questo dominio.",
      implicit:
        "{domain} non ha record MX. In questo caso i mittenti consegnano all'indirizzo del dominio stesso ({addresses}), come prevede l'RFC 5321 §5.1; aggiungi un record MX se la posta deve essere ricevuta da un altro server.",
    },
    host: {
      titleMx: "Test del server MX {host} (preferenza {preference}) sulla porta {port}.",
      titleImplicit: "Test del server MX {host} sulla porta {port}.",
      titleNamed: "Test del server di posta {host} sulla porta {port}.",
      notTried: "{host} ha accettato il dialogo SMTP, quindi i mittenti (e l'analizzatore) non provano questo server.",
      accepted: "{host} ha accettato il dialogo SMTP.",
      acceptedWithWarnings: "{host} ha accettato il dialogo SMTP, con avvisi.",
      unusable: "{host} non è utilizzabile: i mittenti provano il server MX successivo.",
    },
    result: {
      title: "Verifica che un server MX abbia accettato il dialogo SMTP.",
      accepted: "{host} ha accettato il dialogo SMTP. Le verifiche seguenti vengono eseguite su questo server.",
      acceptedAfter:
        "{host} ha accettato il dialogo SMTP dopo il fallimento di {failed} (i mittenti riprovano prima lì, e questo ritarda la posta). Le verifiche seguenti vengono eseguite su questo server.",
      noneNamed:
        "Il server di posta non ha accettato un dialogo SMTP: la posta non può essere consegnata; i mittenti la mettono in coda e riprovano per giorni, poi la restituiscono al mittente.",
      noneNamedBecause:
        "Il server di posta non ha accettato un dialogo SMTP ({host}: {failure}): la posta non può essere consegnata; i mittenti la mettono in coda e riprovano per giorni, poi la restituiscono al mittente.",
      noneNamedBecauseSentence:
        "Il server di posta non ha accettato un dialogo SMTP ({host}: {failure}): la posta non può essere consegnata; i mittenti la mettono in coda e riprovano per giorni, poi la restituiscono al mittente.",
      noneMany:
        "Nessun server MX del dominio ha accettato un dialogo SMTP: la posta non può essere consegnata; i mittenti la mettono in coda e riprovano per giorni, poi la restituiscono al mittente.",
      noneManyBecause:
        "Nessun server MX del dominio ha accettato un dialogo SMTP ({host}: {failure}): la posta non può essere consegnata; i mittenti la mettono in coda e riprovano per giorni, poi la restituiscono al mittente.",
      noneManyBecauseSentence:
        "Nessun server MX del dominio ha accettato un dialogo SMTP ({host}: {failure}): la posta non può essere consegnata; i mittenti la mettono in coda e riprovano per giorni, poi la restituiscono al mittente.",
      noneOnly:
        "L'unico server MX non ha accettato un dialogo SMTP: la posta non può essere consegnata; i mittenti la mettono in coda e riprovano per giorni, poi la restituiscono al mittente.",
      noneOnlyBecause:
        "L'unico server MX non ha accettato un dialogo SMTP ({host}: {failure}): la posta non può essere consegnata; i mittenti la mettono in coda e riprovano per giorni, poi la restituiscono al mittente.",
      noneOnlyBecauseSentence:
        "L'unico server MX non ha accettato un dialogo SMTP ({host}: {failure}): la posta non può essere consegnata; i mittenti la mettono in coda e riprovano per giorni, poi la restituiscono al mittente.",
    },
    banner: {
      title: "Verifica del banner SMTP (il saluto 220).",
      invalid: "Nessun banner SMTP valido. {cause}.",
      invalidPhrase: "Nessun banner SMTP valido. {cause}",
      refused:
        'Il server ha salutato con "{reply}" invece che con 220: rifiuta la connessione (RFC 5321 §3.1), quindi da qui i mittenti non possono consegnare posta tramite questo server.',
      noHostName: 'Banner: "{banner}". Non inizia con il nome host del server, come richiede l\'RFC 5321 §4.2.',
      ptrFailed: 'Banner: "{banner}". Non è stato possibile cercare il DNS inverso di {address} ({failure}), quindi il nome non è stato confrontato.',
      ptrFailedPhrase: 'Banner: "{banner}". Non è stato possibile cercare il DNS inverso di {address} ({failure}), quindi il nome non è stato confrontato.',
      lookupFailed: "ricerca non riuscita",
      noPtr:
        'Banner: "{banner}". {address} non ha un record DNS inverso (PTR), quindi il nome {name} non può essere confermato; è probabile che la posta in uscita dallo stesso host venga rifiutata o marcata come spam.',
      ptrMismatch: 'Banner: "{banner}". Il nome {name} non corrisponde al DNS inverso di {address} ({names}).',
      ok: 'Banner: "{banner}". Il nome {name} corrisponde al DNS inverso di {address}.',
    },
    ehlo: {
      title: "Test del comando EHLO e delle estensioni offerte dal server.",
      titleTls: "Nuovo invio di EHLO sulla connessione TLS.",
      refused: 'Il server ha rifiutato EHLO con "{reply}": in questa sessione non è possibile inviare posta.',
      heloRefused: 'Il server ha rifiutato HELO (dopo aver rifiutato EHLO come sconosciuto) con "{reply}": in questa sessione non è possibile inviare posta.',
      helo: "Il server non conosce EHLO e ha accettato HELO al suo posto: non offre estensioni (niente STARTTLS, niente SIZE), come un server SMTP di prima del 1995.",
      ok: "Il server ha accettato EHLO e offre {extensions}.",
      okNone: "Il server ha accettato EHLO e non offre estensioni.",
      okTls: "Il server ha accettato EHLO su TLS e offre {extensions}.",
      okTlsNone: "Il server ha accettato EHLO su TLS e non offre estensioni.",
    },
    starttls: {
      title: "Tentativo di avviare TLS con il comando STARTTLS.",
      missing:
        "Il server non offre STARTTLS: la posta gli arriva non cifrata, leggibile da chiunque lungo il percorso. I mittenti che richiedono TLS (MTA-STS, DANE, molte banche e pubbliche amministrazioni) non gli consegnano posta, e Microsoft 365 e Gmail segnalano questi messaggi come non cifrati.",
      refused:
        'Il server offre STARTTLS ma l\'ha rifiutato con "{reply}": la posta gli arriva non cifrata. Il certificato o la chiave TLS potrebbero mancare o non essere leggibili sul server.',
      handshakeFailed:
        "Il server ha accettato STARTTLS, ma l'handshake TLS non è riuscito (vedi sotto): i mittenti allora riprovano senza TLS oppure rinunciano.",
      ok: "STARTTLS funziona e il certificato è valido per il nome host.",
      okUntrusted:
        "STARTTLS funziona, ma il certificato presenta problemi (vedi sotto). Qui sono solo avvisi: la maggior parte dei server mittenti usa TLS in modo opportunistico e non convalida il certificato (RFC 7435), quindi la posta arriva comunque cifrata. I mittenti che applicano MTA-STS o DANE invece lo convalidano.",
    },
    dialog: {
      noMailExchanger: "nessun server MX ha accettato il dialogo SMTP.",
      brokeOff: 'il dialogo SMTP si è interrotto al passaggio "{step}".',
      tlsFailed: "l'handshake TLS dopo STARTTLS non è riuscito, e questo chiude la sessione SMTP.",
    },
    recipient: {
      title: "Verifica che il server accetti posta per {recipient}.",
      nullSenderRefused:
        'Il server ha rifiutato il mittente nullo "MAIL FROM:<>" con "{reply}": l\'RFC 5321 §4.5.5 impone di accettarlo, perché lo usano i messaggi di mancato recapito e le notifiche di consegna.',
      accepted: 'Il server accetta posta per {recipient}: "{reply}". (Non è stato inviato nulla: l\'analizzatore non invia mai DATA.)',
      deferred:
        'Il server ha rinviato {recipient} con "{reply}": un rifiuto temporaneo (greylisting, server sovraccarico o configurato male); i mittenti riprovano più tardi.',
      refused: 'Il server ha rifiutato la posta per {recipient} con "{reply}": i mittenti ricevono un messaggio di mancato recapito.',
    },
    relay: {
      title: "Verifica che il server non sia un open relay.",
      senderRefused: 'Il server ha rifiutato il mittente esterno {from} con "{reply}": non fa da relay per esso.',
      open: 'Il server ha accettato posta da {from} a {to} ("{reply}"): è un open relay. Gli spammer trovano server come questo nel giro di poche ore; il suo indirizzo finisce nelle block list e la posta legittima che invia viene rifiutata. (Non è stato inviato nulla: l\'analizzatore non invia mai DATA.)',
      refused: 'Il server ha rifiutato di fare da relay da {from} a {to} con "{reply}": non è un open relay.',
    },
    security: {
      namedServer: "hai indicato un server di posta, non un dominio: MTA-STS, DANE e TLS-RPT riguardano i record MX del dominio.",
      noDialog: "nessun server MX ha accettato il dialogo SMTP, quindi non c'era alcun certificato da confrontare.",
    },
    mtaSts: {
      title: "Verifica del criterio MTA-STS del dominio.",
      none: '{domain} non ha un record MTA-STS (_mta-sts.{domain} TXT "v=STSv1; id=…"): i mittenti usano TLS in modo opportunistico.',
      invalidRecord: "Il record MTA-STS di {domain} non è valido: {reason}.",
      fetchFailed:
        "_mta-sts.{domain} annuncia un criterio (id {id}), ma non è stato possibile scaricare {url}: {failure}. L'RFC 8461 richiede HTTPS con un certificato valido per mta-sts.{domain}.",
      fetchFailedPhrase:
        "_mta-sts.{domain} annuncia un criterio (id {id}), ma non è stato possibile scaricare {url}: {failure} L'RFC 8461 richiede HTTPS con un certificato valido per mta-sts.{domain}.",
      noAttempt: "nessun tentativo",
      httpStatus: "_mta-sts.{domain} annuncia un criterio (id {id}), ma {url} ha risposto HTTP {status} invece di 200 con il criterio.",
      tooLarge: "Il criterio MTA-STS in {url} supera i {kib} KiB che l'analizzatore legge: un criterio è di poche righe.",
      policyInvalid: "Il criterio MTA-STS in {url} non è valido: {reason}. I mittenti lo ignorano.",
      modeNone: 'Il criterio MTA-STS di {domain} ha la modalità "none": MTA-STS è disattivato.',
      notMetEnforce:
        "Il criterio MTA-STS di {domain} (modalità enforce) non è rispettato: {flaws}. I mittenti che applicano MTA-STS (Gmail, Microsoft 365, Yahoo…) consegnano solo agli host MX indicati nel criterio che presentano un certificato valido su STARTTLS. Non consegneranno agli host che non superano la verifica.",
      notMetTesting:
        "Il criterio MTA-STS di {domain} (modalità testing) non è rispettato: {flaws}. In modalità testing i mittenti consegnano comunque e segnalano l'errore (TLS-RPT).",
      unmatchedOne: 'l\'host MX {hosts} non corrisponde ad alcuna riga "mx:" del criterio',
      unmatchedMany: 'gli host MX {hosts} non corrispondono ad alcuna riga "mx:" del criterio',
      noStartTls: "{host} non offre uno STARTTLS funzionante",
      untrusted: "il certificato di {host} non è valido per il suo nome (vedi i passaggi del certificato)",
      ok: "{domain} pubblica un criterio MTA-STS in modalità {mode} (mx {mx}, max_age {maxAge} s) e i suoi host MX lo rispettano.",
      okTesting:
        "{domain} pubblica un criterio MTA-STS in modalità {mode} (mx {mx}, max_age {maxAge} s) e i suoi host MX lo rispettano. In modalità testing i mittenti si limitano a segnalare gli errori (TLS-RPT); imposta mode: enforce quando i report non mostrano più errori.",
      reason: {
        severalRecords: 'ci sono {count} record TXT "v=STSv1"; se ce n\'è più di uno, i mittenti li ignorano tutti',
        noId: 'il record non ha il campo "id"',
        badId: 'il suo "id" deve essere composto da 1 a 32 lettere e cifre',
        notKeyValue: 'la riga {line} non è nel formato "chiave: valore"',
        version: '"version" deve essere STSv1 (trovato {found})',
        versionMissing: '"version" deve essere STSv1 (non è presente)',
        mode: '"mode" deve essere enforce, testing o none (trovato {found})',
        modeMissing: '"mode" deve essere enforce, testing o none (non è presente)',
        maxAge: '"max_age" deve essere un numero di secondi',
        maxAgeLimit: '"max_age" può valere al massimo {limit} secondi',
        badPattern: 'il pattern mx {pattern} non è un nome host né "*." seguito da un nome host',
        noMx: 'il criterio non ha alcuna riga "mx"',
      },
    },
    dane: {
      title: "Verifica dei record TLSA DANE del server MX.",
      titleHost: "Verifica dei record TLSA DANE di {host}.",
      none: "Nessun record TLSA in {name}: il server non usa DANE.",
      noCertificate:
        "{name} ha record TLSA, ma il server non ha presentato alcun certificato (STARTTLS non funzionante): i mittenti DANE non gli consegnano posta.",
      unusable: "{name} ha record TLSA, ma nessuno di quelli usati da SMTP (contano solo DANE-TA 2 e DANE-EE 3, RFC 7672).",
      mismatch:
        "Nessun record TLSA in {name} corrisponde al certificato presentato dal server: i mittenti DANE non gli consegnano posta. Pubblica il record del certificato (o della chiave) attuale prima di cambiare certificato.",
      ok: 'Il record TLSA "{record}…" ({meaning}) corrisponde al certificato {position} della catena presentata dal server.',
    },
    tlsRpt: {
      title: "Verifica del record di reporting TLS (TLS-RPT) del dominio.",
      both: "MTA-STS e DANE",
      missingDeployed:
        '{domain} non ha un record TLS-RPT ({name} TXT "v=TLSRPTv1; rua=mailto:…"). Con {deployed} attivo, nessuno viene a sapere dei mittenti che non riescono a consegnare su TLS.',
      missing: '{domain} non ha un record TLS-RPT ({name} TXT "v=TLSRPTv1; rua=mailto:…"). Diventa importante quando si attiva MTA-STS o DANE.',
      several: "{name} ha {count} record TLS-RPT: i mittenti li ignorano tutti (RFC 8460 §3).",
      invalid: 'Il record TLS-RPT di {domain} non è valido: "rua=" deve elencare indirizzi mailto: o https:.',
      invalidBad: 'Il record TLS-RPT di {domain} non è valido: "rua=" deve elencare indirizzi mailto: o https: (non {bad}).',
      ok: "{domain} chiede di ricevere i report TLS a {uris}.",
    },
    smtp: {
      greeting: "la connessione (il banner 220)",
      notReply: "SMTP: la risposta a {what} non è una risposta SMTP: {line}.",
    },
  },
};
