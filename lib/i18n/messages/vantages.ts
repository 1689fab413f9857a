import type { CatalogueShape } from "./types";

/**
 * The vantage comparison's strings (components/vantage-comparison.tsx), merged into the catalogues as `vantages`.
 * ICU messages for next-intl: no apostrophe right before a brace. `{names}` is the vantages' names as a list
 * ("inside and outside"), already formatted for the reader's language. Italian has exactly the English keys and, per
 * key, the same placeholders.
 */
export const vantagesEn = {
  summary: "{count, plural, one {# step differs} other {# steps differ}} between {names}",
  same: "Every step is the same from {names}",
  single: "This test ran from one vantage point only ({name}): there is nothing to compare.",
  caption: "The steps of the test as seen from {names}, side by side",
  step: "Step",
  differs: "Differs",
  childrenDiffer: "A step below differs",
  notRun: "not run",
  reasonsLabel: "What differs:",
  reason: {
    missing: "not run everywhere",
    status: "status",
    problem: "problem",
    message: "message",
    details: "details",
  },
  detailsDiffer: "Details (different: {keys})",
  noDetails: "No details recorded.",
  onlyDiffering: "Show only the steps that differ",
} as const;

export const vantagesIt: CatalogueShape<typeof vantagesEn> = {
  summary: "{count, plural, one {# passaggio differisce} other {# passaggi differiscono}} tra {names}",
  same: "Da {names} ogni passaggio risulta uguale",
  single: "Questo test è stato eseguito da un solo punto di osservazione ({name}): non c'è nulla da confrontare.",
  caption: "I passaggi del test visti da {names}, affiancati",
  step: "Passaggio",
  differs: "Diverso",
  childrenDiffer: "Un passaggio sottostante è diverso",
  notRun: "non eseguito",
  reasonsLabel: "Cosa cambia:",
  reason: {
    missing: "non eseguito ovunque",
    status: "stato",
    problem: "problema",
    message: "messaggio",
    details: "dettagli",
  },
  detailsDiffer: "Dettagli (diversi: {keys})",
  noDetails: "Nessun dettaglio registrato.",
  onlyDiffering: "Mostra solo i passaggi diversi",
};
