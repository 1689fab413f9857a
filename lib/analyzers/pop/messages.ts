import type { CatalogueShape } from "@/lib/i18n/messages/types";

/**
 * The catalogue texts of this test: its catalogue entry (title, summary, about), its form fields' labels and hints.
 * The catalogues place them (through lib/analyzers/messages.ts) as `tests.pop`, `fields.pop`. Plain `{name}` templates (not ICU).
 */
export const en = {
  test: {
    title: "POP",
    summary:
      "Connects to a POP3 server as a mail client does: TLS at once (995) or after STLS (110), the certificate, the greeting and capabilities, and with credentials the login and a count of the mailbox's messages.",
    about: {
      step1: "Resolves the host name in DNS and opens the TCP port (995 for implicit TLS, 110 for STARTTLS, unless you give another).",
      step2:
        "With implicit TLS, performs the handshake at once and validates the certificate as mail clients do: name, chain and trust, dates, strength, usage.",
      step3: "Reads the server's greeting and its capabilities with CAPA (TOP, UIDL, SASL PLAIN, USER, STLS…).",
      step4:
        "With STLS, checks that it is offered (passwords would otherwise cross the network in clear text), starts TLS, validates the certificate and reads the capabilities again.",
      step5:
        "With credentials (sent only over TLS whose certificate passed every check), logs on with USER and PASS, or AUTH PLAIN where USER isn't offered, and counts the mailbox's messages with STAT, which changes nothing. Then logs off with QUIT (nothing is deleted).",
    },
  },
  fields: {
    host: { label: "POP server", hint: "The host name mail clients use for incoming mail (POP3), e.g. pop.contoso.com or outlook.office365.com." },
    security: { hint: "Implicit TLS encrypts from the first byte (port 995); STLS starts unencrypted and upgrades with the STLS command (port 110)." },
    port: { hint: "Leave empty for 995 with implicit TLS or 110 with the upgrade command, unless the server listens on another port." },
  },
} as const;

export const it: CatalogueShape<typeof en> = {
  test: {
    title: "POP",
    summary:
      "Si connette a un server POP3 come fa un client di posta: TLS immediato (995) o dopo STLS (110), il certificato, il messaggio di benvenuto e le funzionalità e, con le credenziali, l'accesso e il conteggio dei messaggi della cassetta postale.",
    about: {
      step1: "Risolve il nome host nel DNS e apre la porta TCP (995 per TLS implicito, 110 per STARTTLS, salvo diversa indicazione).",
      step2:
        "Con TLS implicito, esegue subito l'handshake e convalida il certificato come fanno i client di posta: nome, catena e attendibilità, date, robustezza, utilizzo.",
      step3: "Legge il messaggio di benvenuto del server e le sue funzionalità con CAPA (TOP, UIDL, SASL PLAIN, USER, STLS…).",
      step4:
        "Con STLS, verifica che sia offerto (altrimenti le password attraverserebbero la rete in chiaro), avvia TLS, convalida il certificato e legge di nuovo le funzionalità.",
      step5:
        "Con le credenziali (inviate solo su TLS il cui certificato ha superato ogni verifica), accede con USER e PASS, oppure con AUTH PLAIN se USER non è offerto, e conta i messaggi della cassetta postale con STAT, che non modifica nulla. Poi si disconnette con QUIT (non viene eliminato nulla).",
    },
  },
  fields: {
    host: {
      label: "Server POP",
      hint: "Il nome host che i client di posta usano per la posta in arrivo (POP3), ad es. pop.contoso.com o outlook.office365.com.",
    },
    security: {
      hint: "Il TLS implicito cifra fin dal primo byte (porta 995); STLS inizia senza crittografia e passa a TLS con il comando STLS (porta 110).",
    },
    port: {
      hint: "Lascia vuoto per usare 995 con TLS implicito o 110 con il comando di upgrade, a meno che il server non sia in ascolto su un'altra porta.",
    },
  },
};
