import type { CatalogueShape } from "@/lib/i18n/messages/types";

/**
 * The catalogue texts of this test: its catalogue entry (title, summary, about), its form fields' labels and hints.
 * The catalogues place them (through lib/analyzers/messages.ts) as `tests.autodiscover`, `fields.autodiscover`. Plain `{name}` templates (not ICU).
 */
export const en = {
  test: {
    title: "Outlook Autodiscover",
    summary:
      "Finds the Autodiscover service the way Outlook does (four methods, in Outlook's order), checks each endpoint's certificate, and with credentials shows the settings Outlook receives, including the EXPR principal name checked against the certificate.",
    about: {
      step1:
        "Tries the methods in Outlook's order: https://<domain>/autodiscover/autodiscover.xml, https://autodiscover.<domain>/…, the HTTP redirect from http://autodiscover.<domain>/…, then the SRV record _autodiscover._tcp.<domain>. The first one that works ends the search.",
      step2: "For each: DNS, the TCP port, the whole certificate check, then Outlook's POX request. Without credentials, a 401 proves the endpoint is there.",
      step3:
        "With credentials (sent only over a connection Outlook would accept), reads the response safely and shows the user, the EXCH, EXPR and WEB settings, and follows redirects.",
      step4: "Connects to the EXPR (Outlook Anywhere) server and checks its certificate against the CertPrincipalName Autodiscover hands out.",
      step5:
        "Asks the JSON Autodiscover v2 endpoint (autodiscover.json) that current Outlook and Microsoft 365 use for the EWS and ActiveSync URLs, and reports what it returns.",
    },
  },
  fields: {
    emailAddress: { hint: "The mailbox's primary SMTP address: its domain decides where Outlook looks for Autodiscover." },
  },
} as const;

export const it: CatalogueShape<typeof en> = {
  test: {
    title: "Outlook Autodiscover",
    summary:
      "Trova il servizio Autodiscover come fa Outlook (quattro metodi, nell'ordine di Outlook), verifica il certificato di ogni endpoint e, con le credenziali, mostra le impostazioni che riceve Outlook, compreso il nome dell'entità EXPR confrontato con il certificato.",
    about: {
      step1:
        "Prova i metodi nell'ordine di Outlook: https://<dominio>/autodiscover/autodiscover.xml, https://autodiscover.<dominio>/…, il reindirizzamento HTTP da http://autodiscover.<dominio>/…, poi il record SRV _autodiscover._tcp.<dominio>. Il primo che funziona conclude la ricerca.",
      step2:
        "Per ciascuno: DNS, la porta TCP, la verifica completa del certificato, poi la richiesta POX di Outlook. Senza credenziali, una risposta 401 dimostra che l'endpoint esiste.",
      step3:
        "Con le credenziali (inviate solo su una connessione che Outlook accetterebbe), legge la risposta in modo sicuro e mostra l'utente, le impostazioni EXCH, EXPR e WEB, e segue i reindirizzamenti.",
      step4: "Si connette al server EXPR (Outlook Anywhere) e ne confronta il certificato con il CertPrincipalName restituito da Autodiscover.",
      step5:
        "Interroga l'endpoint JSON di Autodiscover v2 (autodiscover.json) che Outlook e Microsoft 365 attuali usano per gli URL di EWS e ActiveSync, e riporta cosa restituisce.",
    },
  },
  fields: {
    emailAddress: { hint: "L'indirizzo SMTP primario della cassetta postale: il suo dominio determina dove Outlook cerca Autodiscover." },
  },
};
