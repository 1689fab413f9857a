import type { Step, VantageRun } from "@/lib/engine/types";
import { siblingPaths } from "./step-paths";

/**
 * Side-by-side comparison of one test run from several vantage points (workers inside and outside a firewall…):
 * the step trees are aligned by their path of codes, and each row says whether the vantages saw the same thing.
 * Pure and browser-safe.
 */

export type { VantageRun };

/** Why a row differs: a field that isn't the same on every side, or a step that one side didn't run. */
export type VantageDifference = "status" | "problem" | "message" | "details" | "missing";

export interface VantageRow {
  /**
   * The step's path of codes from the top, joined by "/". A code repeated among siblings gets its occurrence index
   * from the second one on ("smtp.mx", "smtp.mx#1", "smtp.mx#2"), so neither occurrence is lost.
   */
  key: string;
  /** 0 for a top-level step. */
  depth: number;
  /** One per vantage, in the order of the vantages; undefined where that vantage didn't run the step. */
  cells: (Step | undefined)[];
  /** The row's own fields differ (not its children's: see childrenDiffer). */
  differs: boolean;
  /** What differs: "missing" first, then status, problem, message, details; empty when differs is false. */
  reasons: VantageDifference[];
  /** A step somewhere below this one differs, so the view can mark the way down to it. */
  childrenDiffer: boolean;
  /** The top-level details keys whose values differ (volatile keys left out); empty unless reasons has "details". */
  detailKeys: string[];
}

export interface VantageComparison {
  /** The vantages' names, in order: the columns. */
  names: string[];
  /** Every step of every vantage, in tree order. */
  rows: VantageRow[];
  /** How many rows differ themselves. */
  differing: number;
}

/**
 * Details keys whose values are measurements of this run rather than facts about the target, so they differ from
 * every vantage and are never compared. The steps (lib/analyzers/steps, lib/engine) record durations only in the
 * step's own `elapsedMs` / `startMs` fields, which are not compared either; `elapsedMs` is the one details key
 * labelled as a duration (lib/i18n/messages/detail-labels.ts), so it is left out wherever it occurs, for results that
 * carry it. Configured limits (`timeoutMs`) and server-sent values (`maxPollingIntervalMs`, `producedAt`) are facts
 * and are compared.
 */
const VOLATILE_DETAIL_KEYS: ReadonlySet<string> = new Set(["elapsedMs"]);

const REASON_ORDER: readonly VantageDifference[] = ["missing", "status", "problem", "message", "details"];

/** Aligns the vantages' step trees into rows, and says which rows differ. */
export function compareVantages(vantages: readonly VantageRun[]): VantageComparison {
  const rows: VantageRow[] = [];
  alignLevel(
    vantages.map((vantage) => vantage.steps),
    "",
    0,
    rows,
  );
  return { names: vantages.map((vantage) => vantage.name), rows, differing: rows.filter((row) => row.differs).length };
}

/**
 * Appends the rows of one level and, depth first, of the levels below; `levels` has one list of siblings per
 * vantage (undefined where the vantage lacks the parent). Returns whether any row appended differs.
 */
function alignLevel(levels: readonly (readonly Step[] | undefined)[], prefix: string, depth: number, rows: VantageRow[]): boolean {
  const keyed = levels.map((siblings) => keySiblings(siblings ?? [], prefix));
  let anyDiffers = false;
  for (const key of mergeKeyOrder(keyed.map((entries) => [...entries.keys()]))) {
    const cells = keyed.map((entries) => entries.get(key));
    const row = rowOf(key, depth, cells);
    rows.push(row);
    row.childrenDiffer = alignLevel(
      cells.map((step) => step?.children),
      `${key}/`,
      depth + 1,
      rows,
    );
    anyDiffers ||= row.differs || row.childrenDiffer;
  }
  return anyDiffers;
}

/** Siblings by their key: path prefix, code, and "#n" (the occurrence index) from the second occurrence of a code on. */
function keySiblings(siblings: readonly Step[], prefix: string): Map<string, Step> {
  return new Map(siblingPaths(siblings, prefix, 1));
}

/**
 * One order for the siblings of every vantage: the first vantage's, then each key only a later vantage has goes
 * right after its preceding sibling in that vantage (after any keys already inserted there by earlier vantages, so
 * inserts keep the vantages' order), or first when it has none.
 */
function mergeKeyOrder(orders: readonly string[][]): string[] {
  const merged = [...(orders[0] ?? [])];
  const fromFirst = new Set(merged);
  for (const order of orders.slice(1)) {
    const own = new Set(order);
    order.forEach((key, index) => {
      if (merged.includes(key)) return;
      const previous = index > 0 ? order[index - 1] : undefined;
      let at = previous === undefined ? 0 : merged.indexOf(previous) + 1;
      while (at < merged.length && !fromFirst.has(merged[at]!) && !own.has(merged[at]!)) at += 1;
      merged.splice(at, 0, key);
    });
  }
  return merged;
}

function rowOf(key: string, depth: number, cells: (Step | undefined)[]): VantageRow {
  const present = cells.filter((step): step is Step => step !== undefined);
  const found = new Set<VantageDifference>();
  if (present.length < cells.length) found.add("missing");
  if (!allPairs(present, (a, b) => a.status === b.status)) found.add("status");
  if (!allPairs(present, (a, b) => a.problem === b.problem)) found.add("problem");
  if (!allPairs(present, sameMessage)) found.add("message");
  const detailKeys = differingDetailKeys(present);
  if (detailKeys.length > 0) found.add("details");
  const reasons = REASON_ORDER.filter((reason) => found.has(reason));
  return { key, depth, cells, differs: reasons.length > 0, reasons, childrenDiffer: false, detailKeys };
}

/** Whether `same` holds for every pair: the comparisons aren't transitive (a key on two sides, English on a third). */
function allPairs<T>(items: readonly T[], same: (a: T, b: T) => boolean): boolean {
  return items.every((a, i) => items.slice(i + 1).every((b) => same(a, b)));
}

/**
 * The catalogue key and params when both steps have a key: they say exactly what was found, whatever English the
 * catalogue rendered then. Otherwise (plain texts, older results) the stored English.
 */
function sameMessage(a: Step, b: Step): boolean {
  if (a.messageKey !== undefined && b.messageKey !== undefined) {
    return a.messageKey === b.messageKey && sameValue(a.messageParams ?? {}, b.messageParams ?? {});
  }
  return a.message === b.message;
}

/** The top-level details keys (volatile ones left out) whose values aren't the same on every present side. */
function differingDetailKeys(present: readonly Step[]): string[] {
  const details = present.map((step) => withoutVolatile(step.details ?? {}) as Record<string, unknown>);
  const keys = [...new Set(details.flatMap((entries) => Object.keys(entries)))];
  return keys.filter((key) => !allPairs(details, (a, b) => sameValue(a[key], b[key])));
}

/** A details value without the volatile keys, at any depth. */
function withoutVolatile(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutVolatile);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !VOLATILE_DETAIL_KEYS.has(key))
      .map(([key, entry]) => [key, withoutVolatile(entry)]),
  );
}

/**
 * Deep equality of JSON values: objects regardless of key order (a key holding undefined counts as absent), arrays
 * in order (the order of a chain or of a list of addresses is a fact).
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameValue(item, b[index]));
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = new Set([...definedKeys(a), ...definedKeys(b)]);
  return [...keys].every((key) => sameValue(a[key], b[key]));
}

function definedKeys(record: Record<string, unknown>): string[] {
  return Object.keys(record).filter((key) => record[key] !== undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
