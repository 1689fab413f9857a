import type { CatalogueShape } from "./types";

/**
 * The labels of a result as plain text (lib/results/text.ts): the result page's "Copy as text" and the command
 * line's output (`npx rca … --lang it`), merged into the catalogues as `textExport`. Read as plain `{name}`
 * templates (lib/i18n/format.ts) by code that also runs outside React, and valid ICU too, as next-intl checks every
 * catalogue: no apostrophe next to a brace, no `<`. Italian has exactly the English keys and, per key, the same
 * placeholders.
 *
 * The English is the command line's output word for word (tests/unit/cli-format.test.ts, tests/integration/cli.test.ts):
 * a status is its raw value (`success`, `skipped`…), padded to the longest one so the messages line up under it.
 */
export const textExportEn = {
  /** The first line: the test's title and what it tested. */
  heading: "{test} — {target}",
  /** The target when the test took both an e-mail address and a host. */
  target: "{email} via {host}",
  /** A step's status, after its icon. */
  status: { success: "success", warning: "warning", error: "error", skipped: "skipped", info: "info" },
  /** A step's problem code, after its title. */
  problem: "[{code}]",
  /** A step's time, and the whole test's in the verdict line. */
  elapsed: "({ms} ms)",
  /** The last line. */
  verdictLine: "Verdict: {verdict} ({ms} ms)",
  verdict: { success: "success", warning: "warning", error: "error" },
  /** `rca … --server <url>`: after the steps. */
  permalink: "Permalink: {url}",
} as const;

export type TextExportMessages = typeof textExportEn;

export const textExportIt: CatalogueShape<TextExportMessages> = {
  heading: "{test} — {target}",
  target: "{email} tramite {host}",
  status: { success: "riuscito", warning: "avviso", error: "errore", skipped: "saltato", info: "info" },
  problem: "[{code}]",
  elapsed: "({ms} ms)",
  verdictLine: "Esito: {verdict} ({ms} ms)",
  verdict: { success: "riuscito", warning: "riuscito con avvisi", error: "non riuscito" },
  permalink: "Permalink: {url}",
};
