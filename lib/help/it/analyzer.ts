import { ANALYZER_HELP as EN } from "../analyzer";
import { italianPage } from "./fixes";
import type { HelpPages } from "../types";

/** Problemi dell'analizzatore stesso, mai un giudizio sul server. */
export const ANALYZER_HELP_IT = {
  INTERNAL_ERROR: italianPage(EN.INTERNAL_ERROR, {
    title: "Errore interno dell'analizzatore in questo passaggio",
    summary:
      "L'analizzatore ha incontrato un errore imprevisto durante l'esecuzione di questo passaggio (un bug, una risorsa esaurita o un guasto dell'host su cui gira). Non è un giudizio sul tuo server: da questo passaggio non si può concludere nulla sulla destinazione, e i passaggi che ne dipendevano sono stati saltati.",
    details: [
      "Gli esiti di rete previsti (connessione rifiutata, timeout, reset, certificato non valido, risposta sbagliata) hanno ciascuno un proprio codice di problema. Tutto il resto viene intercettato e segnalato come errore interno, così che un difetto dell'analizzatore non venga mai scambiato per un problema del tuo server. L'errore completo e lo stack trace finiscono nel log del server dell'analizzatore; la pagina mostra solo un messaggio generico per non esporre dettagli interni.",
      "Il permalink del risultato (`/r/<id>`) identifica l'esecuzione e il suo orario, e permette a chi gestisce l'istanza di trovare la voce corrispondente nel log.",
    ],
    symptoms: [
      'Un passaggio segnala un errore interno dell\'analizzatore ("Internal error" nei risultati in inglese) e i passaggi successivi vengono saltati.',
      "Eseguendo di nuovo lo stesso test può andare a buon fine, se la causa era temporanea (ad es. l'host dell'analizzatore era sovraccarico).",
    ],
    causes: [
      "Un difetto dell'analizzatore, spesso innescato da una risposta insolita del server (un'estensione del certificato poco comune, una risposta DNS anomala, una risposta di protocollo non standard).",
      "Problemi di risorse sull'host dell'analizzatore (memoria, descrittori di file, spazio su disco per l'archivio dei risultati).",
      "L'archivio dei risultati (file SQLite o PostgreSQL) non è disponibile.",
    ],
    fixes: [
      {
        text: "Esegui di nuovo il test. Se l'errore persiste, nel frattempo verifica il server con strumenti indipendenti (ad es. `openssl s_client -connect mail.contoso.com:443 -servername mail.contoso.com -showcerts`, `Test-NetConnection`).",
      },
      {
        text: "Segnalalo a chi gestisce questa istanza dell'analizzatore, indicando il permalink del risultato, l'orario dell'esecuzione e il test eseguito. Non inviare password; il risultato non le contiene mai.",
      },
      {
        text: "Per chi gestisce l'istanza: trova la voce nel log del servizio in base all'orario e all'id del risultato, e controlla le risorse dell'host e la configurazione dell'archivio dei risultati (`RCA_DATABASE_URL`).",
        descriptions: ["I nomi dell'unità e del container dipendono da come è stata installata l'istanza"],
      },
    ],
  }),
  TEST_DEADLINE: italianPage(EN.TEST_DEADLINE, {
    title: "Il test ha esaurito il tempo a disposizione",
    summary:
      "Ogni test ha un tempo massimo per l'intera esecuzione, oltre al timeout proprio di ogni operazione di rete. È scaduto mentre questo passaggio era in esecuzione: il passaggio è stato abbandonato e tutti quelli successivi sono stati saltati. Il server ha risposto troppo lentamente, un passaggio dopo l'altro, perché il test potesse concludersi.",
    details: [
      "Ogni connessione, handshake e risposta può durare fino a `RCA_TIMEOUT_MS` (10 s per impostazione predefinita). L'intero test può durare `RCA_TEST_DEADLINE_MS`, per impostazione predefinita il triplo. Un server che risponde lentamente a ogni passaggio, ciascuno entro il proprio timeout, può comunque esaurire il totale: questo limite impedisce che un solo server lento tenga occupato per minuti l'analizzatore, e i test degli altri utenti.",
      "I passaggi conclusi prima del limite conservano i loro risultati; ciò che mostrano è valido.",
    ],
    symptoms: [
      "Un passaggio fallisce con TEST_DEADLINE e i passaggi successivi vengono saltati, indicando che il tempo massimo del test è scaduto.",
      "I client del server (Outlook, smartphone) sono lenti a connettersi, sincronizzare o accedere, oppure vanno essi stessi in timeout.",
    ],
    causes: [
      "Un server lento, o che si trova dietro un bilanciamento del carico o un reverse proxy sovraccarico: ogni risposta richiede secondi.",
      "Diversi metodi Autodiscover che attendono ciascuno un timeout (nomi risolti in indirizzi su cui non risponde nulla) prima che uno funzioni.",
      "Un firewall che scarta i pacchetti invece di rifiutare le connessioni, per cui ogni tentativo attende il proprio timeout.",
    ],
    fixes: [
      {
        text: "Individua il passaggio lento nell'elenco dei passaggi (ciascuno mostra il tempo impiegato) e correggi ciò che lo rallenta: il server, il bilanciamento del carico, i record DNS che puntano a indirizzi su cui nulla è in ascolto (eliminali, così i client falliscono subito e passano al metodo successivo).",
      },
      {
        text: "Per chi gestisce questo analizzatore: a un test che ha legittimamente bisogno di più tempo (un collegamento WAN lento verso un server interno) si può concedere più tempo con `RCA_TEST_DEADLINE_MS`.",
      },
    ],
  }),
} satisfies HelpPages;
