/**
 * Steps named by their path of codes from the top ("tls.certificate/tls.certificate.trust"): how two results, or two
 * vantage points' runs, are matched step by step.
 */

/**
 * Each sibling with its path: `prefix`, its code, and "#n" when the code already came before among them, so
 * neither occurrence is lost. `firstRepeat` is the n of the second occurrence: the diff API counts occurrences from 1
 * (its second is "#2"); the side-by-side view counts repeats from 1 (its second is "#1").
 */
export function siblingPaths<S extends { code: string }>(siblings: readonly S[], prefix: string, firstRepeat: 1 | 2): Array<[path: string, step: S]> {
  const seen = new Map<string, number>();
  return siblings.map((step) => {
    const before = seen.get(step.code) ?? 0;
    seen.set(step.code, before + 1);
    return [`${prefix}${step.code}${before > 0 ? `#${before + firstRepeat - 1}` : ""}`, step];
  });
}
