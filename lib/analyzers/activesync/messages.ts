import type { CatalogueShape } from "@/lib/i18n/messages/types";

/**
 * The catalogue texts of this test: its catalogue entry (title, summary, about), its form fields' labels and hints and its step texts.
 * The catalogues place them (through lib/analyzers/messages.ts) as `tests.activesync`, `fields.activesync` and `steps.activeSync`. Plain `{name}` templates (not ICU).
 */
export const en = {
  test: {
    title: "Exchange ActiveSync",
    summary:
      "Connects to Exchange ActiveSync as a phone does: finds the server through Autodiscover or takes its name, checks the certificate and the OPTIONS answer (authentication methods, protocol versions, commands) and, with credentials, syncs the mailbox's folder hierarchy (FolderSync).",
    about: {
      step1:
        "With an e-mail address, finds Autodiscover the way devices do (four methods in order) and asks for the mobilesync settings: the ActiveSync URL. Without credentials Autodiscover hands out none, and the analyzer tries https://<Autodiscover host>/Microsoft-Server-ActiveSync.",
      step2: "Resolves the ActiveSync server in DNS, opens the port and validates the SSL certificate as a device does.",
      step3:
        "Sends an anonymous OPTIONS request to /Microsoft-Server-ActiveSync: the authentication methods offered (Basic for devices), or the protocol versions and commands.",
      step4:
        "With credentials (sent only over a connection a device would accept), sends OPTIONS again and reads the protocol versions and commands, then the FolderSync command as a new device (SyncKey 0), reporting its Status and the number of folders.",
    },
  },
  fields: {
    emailAddress: {
      hint: "Finds the ActiveSync server with Autodiscover, as a phone does (the mobilesync schema). Leave it empty to name the server below.",
    },
    host: {
      label: "ActiveSync server",
      hint: "Or name the server yourself (a phone's manual settings): it is then used instead of Autodiscover.",
    },
    port: { hint: "443 unless the server listens on another port (with the server name only: Autodiscover's URL names its own)." },
  },
  /** Step texts of the Exchange ActiveSync test (lib/analyzers/activesync/*): placed in the catalogues as `steps.activeSync`. Plain `{name}` templates (not ICU). */
  steps: {
    /** Two sentences: each param is a catalogue text, whose final period the template puts back. */
    sentences: "{first}. {then}.",
    /** A list cut short: "a, b, c and 4 more". */
    more: "{shown} and {more} more",
    title: {
      autodiscover: "Attempting the Autodiscover and Exchange ActiveSync test (if requested).",
      session: "Testing Exchange ActiveSync at the URL Autodiscover names.",
      url: "Determining the Exchange ActiveSync URL.",
      options: "Testing HTTP Authentication Methods for URL {url}.",
      optionsAuthenticated: "Attempting to send the OPTIONS command to the server with the supplied credentials ({method} authentication).",
      folderSync: "Attempting the FolderSync command on the Exchange ActiveSync session.",
    },
    /** Why a step was skipped: they follow "Skipped because", so they start in lower case. */
    reason: {
      noUrl: "autodiscover didn't lead to an ActiveSync URL.",
      noCredentials: "no user name and password were supplied.",
      serverNamed: "the ActiveSync server was named, so it is tested directly (a device's manual settings).",
      noAutodiscover: "autodiscover wasn't found, so it names no ActiveSync URL.",
      noSession: "the credentials weren't sent, so there is no ActiveSync session to sync.",
    },
    summary: {
      found: "The Exchange ActiveSync URL to test is {url}.",
      foundWithWarnings: "The Exchange ActiveSync URL to test is {url}, with warnings.",
      notFound: "Autodiscover didn't lead to an ActiveSync URL.",
    },
    url: {
      noSettings:
        "Autodiscover handed out no settings: it answers them only to credentials, sent over a connection a device would accept. Like a device, the analyzer falls back to {url}, on the Autodiscover server's host.",
      noSettingsNoHost:
        "Autodiscover handed out no settings: it answers them only to credentials, sent over a connection a device would accept. There is no host to fall back to.",
      noMobileSync:
        "Autodiscover returned settings without a MobileSync server URL (servers listed: {types}), so devices can't set themselves up from it: check the ExternalUrl of the Microsoft-Server-ActiveSync virtual directory (Set-ActiveSyncVirtualDirectory -ExternalUrl). The analyzer falls back to {url}.",
      noMobileSyncNoHost:
        "Autodiscover returned settings without a MobileSync server URL (servers listed: {types}), so devices can't set themselves up from it: check the ExternalUrl of the Microsoft-Server-ActiveSync virtual directory (Set-ActiveSyncVirtualDirectory -ExternalUrl).",
      notHttps:
        "Autodiscover returned the ActiveSync URL {url}, which isn't an https URL: devices don't send a password to it. Set an https ExternalUrl on the Microsoft-Server-ActiveSync virtual directory.",
      ok: "Autodiscover returned the Exchange ActiveSync URL {url}.",
    },
    options: {
      notPublished:
        "ActiveSync isn't published at {url} ({status}): the Microsoft-Server-ActiveSync virtual directory doesn't exist on this server, or a reverse proxy in front of it doesn't publish it.",
      notActiveSync:
        "{url} answered OPTIONS with {status} without asking for authentication and without MS-ASProtocolVersions: it doesn't look like Exchange ActiveSync (a reverse proxy's or a portal's page?).",
      anonymousOk: "The server answered OPTIONS without asking for authentication ({status}). Protocol versions: {versions}. {commands} commands offered.",
      unexpected: "{url} answered {status} instead of 401 Unauthorized with the authentication methods it accepts.",
      unexpectedRedirect:
        "{url} answered {status} instead of 401 Unauthorized with the authentication methods it accepts. It redirects to {location}, and devices don't follow redirects.",
      methodFound: "The analyzer found the expected authentication method {method}. Methods found: {found}.",
      methodFoundBasic: "The analyzer found the expected authentication method {method}, which ActiveSync devices sign in with. Methods found: {found}.",
      negotiateOnly: "NTLM isn't offered on its own; Negotiate is, which falls back to NTLM for most clients. Methods found: {found}.",
      methodMissing: "The authentication method {method} isn't offered for ActiveSync. Methods found: {found}.",
      methodMissingBasic:
        "The authentication method {method} isn't offered for ActiveSync, and devices with a user name and password sign in with Basic. Methods found: {found}.",
      bearer: "Bearer means modern authentication (OAuth): devices that support it sign in through the identity provider instead.",
    },
    authenticated: {
      rejected:
        "The server rejected the supplied credentials (HTTP 401) with {method} authentication. Check the user name (DOMAIN\\user or the UPN), the password, and that the account isn't locked out.",
      unexpected: "With the credentials accepted, OPTIONS answered {status}.",
      noVersions:
        "The server answered OPTIONS ({status}) without MS-ASProtocolVersions, so it doesn't say which ActiveSync versions it speaks: it may not be Exchange ActiveSync, or a proxy strips the header.",
      ok: "The OPTIONS response was successfully received and is valid. Protocol versions: {versions}.",
      okCommands: "The OPTIONS response was successfully received and is valid. Protocol versions: {versions}. Commands: {commands}.",
    },
    disabled:
      "ActiveSync is disabled for this user or device (HTTP 403 Forbidden). Check Get-CASMailbox <user> (ActiveSyncEnabled), the device access rules and quarantine (Get-ActiveSyncDeviceAccessRule, Get-ActiveSyncOrganizationSettings), and the user's blocked device IDs.",
    provisioning:
      "The server requires the device to be provisioned first: an Exchange ActiveSync mailbox policy applies, so a phone sends the Provision command and accepts the policy (PIN, encryption…) before it may sync. The credentials were accepted and ActiveSync answers; the analyzer doesn't accept a policy on a device's behalf, real devices do this on their own. A device that can't be provisioned is let through only when the mailbox policy allows it (Set-MobileDeviceMailboxPolicy -AllowNonProvisionableDevices $true).",
    folderSync: {
      noChallenge: "The server didn't answer the NTLM negotiation of the FolderSync command with a challenge (HTTP {status}).",
      rejected:
        "The server rejected the credentials for the FolderSync command (HTTP 401), though it accepted them for OPTIONS: the mailbox may not be reachable with them (check the user name format, and that the account has a mailbox).",
      retryProvision: "The server answered HTTP 449 (Retry after sending a PROVISION command).",
      moved:
        "The server answered HTTP 451: the mailbox is served by another ActiveSync URL ({location}), which devices switch to. Test that URL, and check the ExternalUrl of the virtual directories.",
      noLocation: "no X-MS-Location header",
      unexpected: "The FolderSync command answered {status}.",
      unreadable: "The server answered the FolderSync command with {status}, but the body can't be read: {reason} (Content-Type: {contentType}).",
      notWbxml: "it isn't valid WBXML: {error}",
      wrongRoot: "its root element is {root}, not FolderHierarchy:FolderSync",
      partial: "the response was larger than {bytes} bytes, so only its beginning was read ({error})",
      noStatus: "The server's FolderSync response has no Status: it isn't an answer a device can use.",
      ok: "The FolderSync command completed successfully with protocol version {version}: the mailbox's folder hierarchy has {folders}.",
      okPartial: "The FolderSync command completed successfully with protocol version {version}: the mailbox's folder hierarchy has {folders}. ({partial})",
      folderOne: "{count} folder",
      folderMany: "{count} folders",
      needsProvisioning: "FolderSync answered status {status}: {meaning}",
      failed: "The FolderSync command failed with status {status}: {meaning}.",
    },
    /** FolderSync Status values (MS-ASCMD 2.2.3.177.4, 2.2.2): what each means, in lower case as it follows "status N:". */
    status: {
      s1: "success",
      s6: "an error occurred on the server",
      s9: "the synchronization key is invalid or doesn't match",
      s10: "the server considers the request incorrectly formatted",
      s11: "an unknown error occurred on the server",
      s12: "the server reported an unknown code",
      s101: "the server couldn't read the request's content (InvalidContent)",
      s102: "the server couldn't read the request's WBXML (InvalidWBXML)",
      s103: "the server couldn't read the request's XML (InvalidXML)",
      s108: "the server refused the device ID (DeviceIdMissingOrInvalid)",
      s109: "the server refused the device type (DeviceTypeMissingOrInvalid)",
      s110: "the server hit an error (ServerError): check the Exchange server's Application event log",
      s111: "the server can't process the request now (ServerErrorRetryLater): a mailbox move, a failover or an overloaded server",
      s112: "the server was denied access to Active Directory (ActiveDirectoryAccessDenied)",
      s113: "the mailbox is over its quota (MailboxQuotaExceeded)",
      s114: "the mailbox server is offline (MailboxServerOffline)",
      s123: "the user has no mailbox (UserHasNoMailbox)",
      s124: "the user can't be anonymous (UserCannotBeAnonymous)",
      s125: "the user wasn't found in Active Directory (UserPrincipalCouldNotBeFound)",
      s126: "the user account doesn't allow ActiveSync (UserDisabledForSync). Fix: Set-CASMailbox <user> -ActiveSyncEnabled $true",
      s127: "the mailbox is on a server version that can't sync with this one (UserOnNewMailboxCannotSync)",
      s128: "the mailbox is on a legacy server that can't sync through this one (UserOnLegacyMailboxCannotSync)",
      s129: "this device is blocked for this user (DeviceIsBlockedForThisUser): a device access rule, the user's blocked device list or the organization's default access level. Check Get-MobileDevice -Mailbox <user>, Get-ActiveSyncDeviceAccessRule and Get-ActiveSyncOrganizationSettings",
      s130: "the user or the device is denied access (AccessDenied)",
      s131: "the account is disabled (AccountDisabled)",
      s132: "the server's synchronization state for this device is missing (SyncStateNotFound)",
      s133: "the server's synchronization state for this device is locked (SyncStateLocked)",
      s134: "the server's synchronization state for this device is corrupt (SyncStateCorrupt)",
      s137: "the server doesn't support the FolderSync command (CommandNotSupported)",
      s138: "the server doesn't support FolderSync in this protocol version (VersionNotSupported)",
      s139: "the device can't fully apply the mailbox policy (DeviceNotFullyProvisionable)",
      s140: "a remote wipe is pending for this device ID (RemoteWipeRequested): a device learns of it through the Provision command",
      s141: "the mailbox policy doesn't allow legacy devices (LegacyDeviceOnStrictPolicy)",
      s142: "the device isn't provisioned (DeviceNotProvisioned)",
      s143: "the mailbox policy changed and the device must be provisioned again (PolicyRefresh)",
      s144: "the device's policy key is invalid (InvalidPolicyKey)",
      s145: "externally managed devices aren't allowed (ExternallyManagedDevicesNotAllowed)",
      s177: "the user has reached the maximum number of devices (MaximumDevicesReached). Remove old partnerships: Get-MobileDevice -Mailbox <user> | Remove-MobileDevice",
      unknown: "status {status}, which the analyzer doesn't know",
    },
  },
} as const;

export const it: CatalogueShape<typeof en> = {
  test: {
    title: "Exchange ActiveSync",
    summary:
      "Si connette a Exchange ActiveSync come fa uno smartphone: trova il server tramite Autodiscover o usa il nome indicato, verifica il certificato e la risposta a OPTIONS (metodi di autenticazione, versioni del protocollo, comandi) e, con le credenziali, sincronizza la gerarchia delle cartelle della cassetta postale (FolderSync).",
    about: {
      step1:
        "Con un indirizzo e-mail, trova Autodiscover come fanno i dispositivi (quattro metodi, in ordine) e chiede le impostazioni mobilesync: l'URL di ActiveSync. Senza credenziali Autodiscover non ne restituisce, e l'analizzatore prova https://<host Autodiscover>/Microsoft-Server-ActiveSync.",
      step2: "Risolve il server ActiveSync nel DNS, apre la porta e convalida il certificato SSL come fa un dispositivo.",
      step3:
        "Invia una richiesta OPTIONS anonima a /Microsoft-Server-ActiveSync: i metodi di autenticazione offerti (Basic per i dispositivi), oppure le versioni del protocollo e i comandi.",
      step4:
        "Con le credenziali (inviate solo su una connessione che un dispositivo accetterebbe), invia di nuovo OPTIONS e legge le versioni del protocollo e i comandi, poi il comando FolderSync come un nuovo dispositivo (SyncKey 0), riportando lo Status e il numero di cartelle.",
    },
  },
  fields: {
    emailAddress: {
      hint: "Trova il server ActiveSync con Autodiscover, come fa uno smartphone (lo schema mobilesync). Lascialo vuoto per indicare il server qui sotto.",
    },
    host: {
      label: "Server ActiveSync",
      hint: "Oppure indica tu il server (le impostazioni manuali di uno smartphone): in tal caso viene usato al posto di Autodiscover.",
    },
    port: { hint: "443, a meno che il server non sia in ascolto su un'altra porta (solo con il nome del server: l'URL di Autodiscover indica la propria)." },
  },
  steps: {
    sentences: "{first}. {then}.",
    more: "{shown} e altri {more}",
    title: {
      autodiscover: "Tentativo di eseguire Autodiscover e il test di Exchange ActiveSync (se richiesto).",
      session: "Verifica di Exchange ActiveSync all'URL indicato da Autodiscover.",
      url: "Determinazione dell'URL di Exchange ActiveSync.",
      options: "Verifica dei metodi di autenticazione HTTP per l'URL {url}.",
      optionsAuthenticated: "Tentativo di inviare al server il comando OPTIONS con le credenziali fornite (autenticazione {method}).",
      folderSync: "Tentativo di eseguire il comando FolderSync sulla sessione Exchange ActiveSync.",
    },
    reason: {
      noUrl: "Autodiscover non ha portato a un URL di ActiveSync.",
      noCredentials: "non sono stati forniti nome utente e password.",
      serverNamed: "il server ActiveSync è stato indicato, quindi viene verificato direttamente (come con le impostazioni manuali di un dispositivo).",
      noAutodiscover: "Autodiscover non è stato trovato, quindi non indica alcun URL di ActiveSync.",
      noSession: "le credenziali non sono state inviate, quindi non c'è una sessione ActiveSync da sincronizzare.",
    },
    summary: {
      found: "L'URL di Exchange ActiveSync da verificare è {url}.",
      foundWithWarnings: "L'URL di Exchange ActiveSync da verificare è {url}, con avvisi.",
      notFound: "Autodiscover non ha portato a un URL di ActiveSync.",
    },
    url: {
      noSettings:
        "Autodiscover non ha restituito impostazioni: le fornisce solo in risposta a credenziali inviate su una connessione che un dispositivo accetterebbe. Come farebbe un dispositivo, l'analizzatore ripiega su {url}, sull'host del server Autodiscover.",
      noSettingsNoHost:
        "Autodiscover non ha restituito impostazioni: le fornisce solo in risposta a credenziali inviate su una connessione che un dispositivo accetterebbe. Non c'è un host su cui ripiegare.",
      noMobileSync:
        "Autodiscover ha restituito impostazioni senza l'URL di un server MobileSync (server elencati: {types}), quindi i dispositivi non possono configurarsi da soli: controllare l'ExternalUrl della directory virtuale Microsoft-Server-ActiveSync (Set-ActiveSyncVirtualDirectory -ExternalUrl). L'analizzatore ripiega su {url}.",
      noMobileSyncNoHost:
        "Autodiscover ha restituito impostazioni senza l'URL di un server MobileSync (server elencati: {types}), quindi i dispositivi non possono configurarsi da soli: controllare l'ExternalUrl della directory virtuale Microsoft-Server-ActiveSync (Set-ActiveSyncVirtualDirectory -ExternalUrl).",
      notHttps:
        "Autodiscover ha restituito l'URL di ActiveSync {url}, che non è un URL https: i dispositivi non vi inviano una password. Impostare un ExternalUrl https sulla directory virtuale Microsoft-Server-ActiveSync.",
      ok: "Autodiscover ha restituito l'URL di Exchange ActiveSync {url}.",
    },
    options: {
      notPublished:
        "ActiveSync non è pubblicato su {url} ({status}): la directory virtuale Microsoft-Server-ActiveSync non esiste su questo server, oppure un reverse proxy davanti al server non la pubblica.",
      notActiveSync:
        "{url} ha risposto a OPTIONS con {status} senza chiedere l'autenticazione e senza MS-ASProtocolVersions: non sembra Exchange ActiveSync (forse la pagina di un reverse proxy o di un portale?).",
      anonymousOk:
        "Il server ha risposto a OPTIONS senza chiedere l'autenticazione ({status}). Versioni del protocollo: {versions}. Comandi offerti: {commands}.",
      unexpected: "{url} ha risposto {status} invece di 401 Unauthorized con i metodi di autenticazione che accetta.",
      unexpectedRedirect:
        "{url} ha risposto {status} invece di 401 Unauthorized con i metodi di autenticazione che accetta. Reindirizza a {location}, e i dispositivi non seguono i reindirizzamenti.",
      methodFound: "L'analizzatore ha trovato il metodo di autenticazione previsto, {method}. Metodi trovati: {found}.",
      methodFoundBasic:
        "L'analizzatore ha trovato il metodo di autenticazione previsto, {method}, quello con cui accedono i dispositivi ActiveSync. Metodi trovati: {found}.",
      negotiateOnly: "NTLM non è offerto da solo; è offerto Negotiate, che per la maggior parte dei client ripiega su NTLM. Metodi trovati: {found}.",
      methodMissing: "Il metodo di autenticazione {method} non è offerto per ActiveSync. Metodi trovati: {found}.",
      methodMissingBasic:
        "Il metodo di autenticazione {method} non è offerto per ActiveSync, e i dispositivi con nome utente e password accedono con Basic. Metodi trovati: {found}.",
      bearer: "Bearer indica l'autenticazione moderna (OAuth): i dispositivi che la supportano accedono invece tramite il provider di identità.",
    },
    authenticated: {
      rejected:
        "Il server ha rifiutato le credenziali fornite (HTTP 401) con l'autenticazione {method}. Controllare il nome utente (DOMINIO\\utente o l'UPN), la password e che l'account non sia bloccato.",
      unexpected: "Con le credenziali accettate, OPTIONS ha risposto {status}.",
      noVersions:
        "Il server ha risposto a OPTIONS ({status}) senza MS-ASProtocolVersions, quindi non dichiara quali versioni di ActiveSync supporta: potrebbe non essere Exchange ActiveSync, oppure un proxy rimuove l'intestazione.",
      ok: "La risposta a OPTIONS è stata ricevuta ed è valida. Versioni del protocollo: {versions}.",
      okCommands: "La risposta a OPTIONS è stata ricevuta ed è valida. Versioni del protocollo: {versions}. Comandi: {commands}.",
    },
    disabled:
      "ActiveSync è disabilitato per questo utente o dispositivo (HTTP 403 Forbidden). Controllare Get-CASMailbox <user> (ActiveSyncEnabled), le regole di accesso dei dispositivi e la quarantena (Get-ActiveSyncDeviceAccessRule, Get-ActiveSyncOrganizationSettings) e gli ID dispositivo bloccati dell'utente.",
    provisioning:
      "Il server richiede prima il provisioning del dispositivo: si applica un criterio cassetta postale di Exchange ActiveSync, quindi un telefono invia il comando Provision e accetta il criterio (PIN, crittografia…) prima di poter sincronizzare. Le credenziali sono state accettate e ActiveSync risponde; l'analizzatore non accetta un criterio per conto di un dispositivo, i dispositivi reali lo fanno da soli. Un dispositivo che non supporta il provisioning viene ammesso solo se il criterio cassetta postale lo consente (Set-MobileDeviceMailboxPolicy -AllowNonProvisionableDevices $true).",
    folderSync: {
      noChallenge: "Il server non ha risposto con una challenge alla negoziazione NTLM del comando FolderSync (HTTP {status}).",
      rejected:
        "Il server ha rifiutato le credenziali per il comando FolderSync (HTTP 401), pur avendole accettate per OPTIONS: la cassetta postale potrebbe non essere raggiungibile con queste credenziali (controllare il formato del nome utente e che l'account abbia una cassetta postale).",
      retryProvision: "Il server ha risposto HTTP 449 (ritentare dopo aver inviato un comando PROVISION).",
      moved:
        "Il server ha risposto HTTP 451: la cassetta postale è servita da un altro URL di ActiveSync ({location}), a cui i dispositivi passano. Verificare quell'URL e controllare l'ExternalUrl delle directory virtuali.",
      noLocation: "nessuna intestazione X-MS-Location",
      unexpected: "Il comando FolderSync ha risposto {status}.",
      unreadable:
        "Il server ha risposto al comando FolderSync con {status}, ma il corpo della risposta non è leggibile: {reason} (Content-Type: {contentType}).",
      notWbxml: "non è WBXML valido: {error}",
      wrongRoot: "il suo elemento radice è {root}, non FolderHierarchy:FolderSync",
      partial: "la risposta superava {bytes} byte, quindi ne è stata letta solo la parte iniziale ({error})",
      noStatus: "La risposta FolderSync del server non contiene Status: non è una risposta utilizzabile da un dispositivo.",
      ok: "Il comando FolderSync è stato completato correttamente con la versione del protocollo {version}: la gerarchia delle cartelle della cassetta postale contiene {folders}.",
      okPartial:
        "Il comando FolderSync è stato completato correttamente con la versione del protocollo {version}: la gerarchia delle cartelle della cassetta postale contiene {folders}. ({partial})",
      folderOne: "{count} cartella",
      folderMany: "{count} cartelle",
      needsProvisioning: "FolderSync ha restituito lo stato {status}: {meaning}",
      failed: "Il comando FolderSync non è riuscito con lo stato {status}: {meaning}.",
    },
    status: {
      s1: "operazione riuscita",
      s6: "si è verificato un errore sul server",
      s9: "la chiave di sincronizzazione non è valida o non corrisponde",
      s10: "il server considera la richiesta formattata in modo errato",
      s11: "si è verificato un errore sconosciuto sul server",
      s12: "il server ha restituito un codice sconosciuto",
      s101: "il server non è riuscito a leggere il contenuto della richiesta (InvalidContent)",
      s102: "il server non è riuscito a leggere il WBXML della richiesta (InvalidWBXML)",
      s103: "il server non è riuscito a leggere l'XML della richiesta (InvalidXML)",
      s108: "il server ha rifiutato l'ID del dispositivo (DeviceIdMissingOrInvalid)",
      s109: "il server ha rifiutato il tipo di dispositivo (DeviceTypeMissingOrInvalid)",
      s110: "il server ha riscontrato un errore (ServerError): controllare il registro eventi Applicazione del server Exchange",
      s111: "il server non può elaborare la richiesta in questo momento (ServerErrorRetryLater): uno spostamento di cassetta postale, un failover o un server sovraccarico",
      s112: "al server è stato negato l'accesso ad Active Directory (ActiveDirectoryAccessDenied)",
      s113: "la cassetta postale ha superato la quota (MailboxQuotaExceeded)",
      s114: "il server della cassetta postale non è in linea (MailboxServerOffline)",
      s123: "l'utente non ha una cassetta postale (UserHasNoMailbox)",
      s124: "l'utente non può essere anonimo (UserCannotBeAnonymous)",
      s125: "l'utente non è stato trovato in Active Directory (UserPrincipalCouldNotBeFound)",
      s126: "l'account utente non consente ActiveSync (UserDisabledForSync). Soluzione: Set-CASMailbox <user> -ActiveSyncEnabled $true",
      s127: "la cassetta postale si trova su una versione del server che non può sincronizzarsi con questa (UserOnNewMailboxCannotSync)",
      s128: "la cassetta postale si trova su un server legacy che non può sincronizzarsi tramite questo (UserOnLegacyMailboxCannotSync)",
      s129: "questo dispositivo è bloccato per questo utente (DeviceIsBlockedForThisUser): una regola di accesso dei dispositivi, l'elenco dei dispositivi bloccati dell'utente o il livello di accesso predefinito dell'organizzazione. Controllare Get-MobileDevice -Mailbox <user>, Get-ActiveSyncDeviceAccessRule e Get-ActiveSyncOrganizationSettings",
      s130: "all'utente o al dispositivo è negato l'accesso (AccessDenied)",
      s131: "l'account è disabilitato (AccountDisabled)",
      s132: "lo stato di sincronizzazione del server per questo dispositivo è mancante (SyncStateNotFound)",
      s133: "lo stato di sincronizzazione del server per questo dispositivo è bloccato (SyncStateLocked)",
      s134: "lo stato di sincronizzazione del server per questo dispositivo è danneggiato (SyncStateCorrupt)",
      s137: "il server non supporta il comando FolderSync (CommandNotSupported)",
      s138: "il server non supporta FolderSync in questa versione del protocollo (VersionNotSupported)",
      s139: "il dispositivo non può applicare completamente il criterio cassetta postale (DeviceNotFullyProvisionable)",
      s140: "è in attesa una cancellazione remota per questo ID dispositivo (RemoteWipeRequested): il dispositivo ne viene a conoscenza tramite il comando Provision",
      s141: "il criterio cassetta postale non consente dispositivi legacy (LegacyDeviceOnStrictPolicy)",
      s142: "il dispositivo non ha eseguito il provisioning (DeviceNotProvisioned)",
      s143: "il criterio cassetta postale è cambiato e il dispositivo deve eseguire di nuovo il provisioning (PolicyRefresh)",
      s144: "la chiave del criterio del dispositivo non è valida (InvalidPolicyKey)",
      s145: "i dispositivi gestiti esternamente non sono consentiti (ExternallyManagedDevicesNotAllowed)",
      s177: "l'utente ha raggiunto il numero massimo di dispositivi (MaximumDevicesReached). Rimuovere le associazioni obsolete: Get-MobileDevice -Mailbox <user> | Remove-MobileDevice",
      unknown: "stato {status}, che l'analizzatore non conosce",
    },
  },
};
