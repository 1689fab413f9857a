import type { CatalogueShape } from "@/lib/i18n/messages/types";

/**
 * The catalogue texts of this test: its catalogue entry (title, summary, about), its form fields' labels and hints.
 * The catalogues place them (through lib/analyzers/messages.ts) as `tests.imap`, `fields.imap`. Plain `{name}` templates (not ICU).
 */
export const en = {
  test: {
    title: "IMAP",
    summary:
      "Connects to an IMAP server as a mail client does: TLS at once (993) or after STARTTLS (143), the certificate, the greeting and capabilities, and with credentials the login and a count of the Inbox's messages.",
    about: {
      step1: "Resolves the host name in DNS and opens the TCP port (993 for implicit TLS, 143 for STARTTLS, unless you give another).",
      step2:
        "With implicit TLS, performs the handshake at once and validates the certificate as mail clients do: name, chain and trust, dates, strength, usage.",
      step3: "Reads the server's greeting and its capabilities (IMAP4rev1, IDLE, AUTH=PLAIN, LOGINDISABLED, STARTTLS…).",
      step4:
        "With STARTTLS, checks that it is offered (passwords would otherwise cross the network in clear text), starts TLS, validates the certificate and reads the capabilities again.",
      step5:
        "With credentials (sent only over TLS whose certificate passed every check), logs on with LOGIN, or AUTHENTICATE PLAIN where LOGIN is disabled, and counts the Inbox's messages with STATUS, which changes nothing. Then logs off.",
    },
  },
  fields: {
    host: { label: "IMAP server", hint: "The host name mail clients use for incoming mail (IMAP), e.g. imap.contoso.com or outlook.office365.com." },
    security: {
      hint: "Implicit TLS encrypts from the first byte (port 993); STARTTLS starts unencrypted and upgrades with the STARTTLS command (port 143).",
    },
    port: { hint: "Leave empty for 993 with implicit TLS or 143 with the upgrade command, unless the server listens on another port." },
  },
} as const;

export const it: CatalogueShape<typeof en> = {
  test: {
    title: "IMAP",
    summary:
      "Si connette a un server IMAP come fa un client di posta: TLS immediato (993) o dopo STARTTLS (143), il certificato, il messaggio di benvenuto e le funzionalità e, con le credenziali, l'accesso e il conteggio dei messaggi della Posta in arrivo.",
    about: {
      step1: "Risolve il nome host nel DNS e apre la porta TCP (993 per TLS implicito, 143 per STARTTLS, salvo diversa indicazione).",
      step2:
        "Con TLS implicito, esegue subito l'handshake e convalida il certificato come fanno i client di posta: nome, catena e attendibilità, date, robustezza, utilizzo.",
      step3: "Legge il messaggio di benvenuto del server e le sue funzionalità (IMAP4rev1, IDLE, AUTH=PLAIN, LOGINDISABLED, STARTTLS…).",
      step4:
        "Con STARTTLS, verifica che sia offerto (altrimenti le password attraverserebbero la rete in chiaro), avvia TLS, convalida il certificato e legge di nuovo le funzionalità.",
      step5:
        "Con le credenziali (inviate solo su TLS il cui certificato ha superato ogni verifica), accede con LOGIN, oppure con AUTHENTICATE PLAIN se LOGIN è disabilitato, e conta i messaggi della Posta in arrivo con STATUS, che non modifica nulla. Poi si disconnette.",
    },
  },
  fields: {
    host: {
      label: "Server IMAP",
      hint: "Il nome host che i client di posta usano per la posta in arrivo (IMAP), ad es. imap.contoso.com o outlook.office365.com.",
    },
    security: {
      hint: "Il TLS implicito cifra fin dal primo byte (porta 993); STARTTLS inizia senza crittografia e passa a TLS con il comando STARTTLS (porta 143).",
    },
    port: {
      hint: "Lascia vuoto per usare 993 con TLS implicito o 143 con il comando di upgrade, a meno che il server non sia in ascolto su un'altra porta.",
    },
  },
};
