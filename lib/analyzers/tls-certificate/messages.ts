import type { CatalogueShape } from "@/lib/i18n/messages/types";

/**
 * The catalogue texts of this test: its catalogue entry (title, summary, about), its form fields' labels and hints.
 * The catalogues place them (through lib/analyzers/messages.ts) as `tests["tls-certificate"]`, `fields["tls-certificate"]`. Plain `{name}` templates (not ICU).
 */
export const en = {
  test: {
    title: "TLS certificate",
    summary:
      "Checks a server's certificate as a client sees it: name, chain and trust, dates, key and signature strength, server-authentication usage; and which TLS versions it accepts.",
    about: {
      step1: "Resolves the host name in DNS and opens the TCP port.",
      step2: "Performs the TLS handshake and records the certificate chain exactly as the server sends it.",
      step3:
        "Checks the name, the chain up to a trusted root (RFC 5280, with OpenSSL's verdict as a second opinion), the validity dates, the key and signature strength and the server-authentication usage.",
      step4:
        "Offers each TLS version alone to see which ones the server accepts: without TLS 1.2 or 1.3 current clients can't connect, and TLS 1.0 and 1.1 are obsolete.",
    },
  },
  fields: {
    host: { label: "Server", hint: "The host name or IP address clients connect to, without https:// or a path." },
  },
} as const;

export const it: CatalogueShape<typeof en> = {
  test: {
    title: "Certificato TLS",
    summary:
      "Verifica il certificato di un server come lo vede un client: nome, catena e attendibilità, date, robustezza della chiave e della firma, utilizzo per l'autenticazione server; e quali versioni di TLS accetta.",
    about: {
      step1: "Risolve il nome host nel DNS e apre la porta TCP.",
      step2: "Esegue l'handshake TLS e registra la catena di certificati esattamente come la invia il server.",
      step3:
        "Verifica il nome, la catena fino a una radice attendibile (RFC 5280, con il verdetto di OpenSSL come secondo parere), le date di validità, la robustezza della chiave e della firma e l'utilizzo per l'autenticazione server.",
      step4:
        "Offre ogni versione di TLS da sola per vedere quali accetta il server: senza TLS 1.2 o 1.3 i client attuali non riescono a connettersi, e TLS 1.0 e 1.1 sono obsoleti.",
    },
  },
  fields: {
    host: { label: "Server", hint: "Il nome host o l'indirizzo IP a cui si connettono i client, senza https:// né percorso." },
  },
};
