import { LIMITS } from "@/lib/net/limits";
import type { Details } from "./types";

/**
 * Caps on what one step's details can hold, applied once where a step is recorded (StepContext.finish), whatever
 * analyzer filled them: a certificate with 5,000 SANs, a chain or path of hundreds of entries, a server's long list of
 * methods… Lists keep their first entries and end with "… and N more"; objects keep their first keys and count the
 * rest under the key "…"; anything nested deeper than the depth limit becomes a note. Strings are left as they are:
 * text from a server is already cleaned and truncated (cleanText) where it is read.
 */

export interface DetailsCaps {
  /** Entries kept of one list, and keys of one object. */
  listEntries: number;
  /** Levels of nesting kept below the details object itself. */
  depth: number;
}

const DEFAULT_CAPS: DetailsCaps = { listEntries: LIMITS.detailsListEntries, depth: LIMITS.detailsDepth };

/** The marker ending a capped list, and the value of the "…" key of a capped object. */
export function moreMarker(count: number): string {
  return `… and ${count} more`;
}

/** Key under which a capped object counts the keys it lost. */
export const MORE_KEY = "…";

export const TOO_DEEP = "… (nested too deep to show)";

/**
 * The details with every list and object capped; the same object when nothing needed capping, so a normal step's
 * details are untouched. Never mutates its input.
 */
export function capDetails(details: Details, caps: DetailsCaps = DEFAULT_CAPS): Details {
  return capObject(details, caps, 0);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

function capValue(value: unknown, caps: DetailsCaps, depth: number): unknown {
  if (Array.isArray(value)) return depth > caps.depth ? TOO_DEEP : capArray(value, caps, depth);
  if (isPlainObject(value)) return depth > caps.depth ? TOO_DEEP : capObject(value, caps, depth);
  return value;
}

function capArray(items: unknown[], caps: DetailsCaps, depth: number): unknown[] {
  const keep = Math.min(items.length, caps.listEntries);
  let changed = keep < items.length;
  const kept: unknown[] = new Array<unknown>(keep);
  for (let i = 0; i < keep; i++) {
    const item = items[i];
    const capped = capValue(item, caps, depth + 1);
    if (capped !== item) changed = true;
    kept[i] = capped;
  }
  if (!changed) return items;
  if (keep < items.length) kept.push(moreMarker(items.length - keep));
  return kept;
}

function capObject<T extends Record<string, unknown>>(object: T, caps: DetailsCaps, depth: number): T {
  const keys = Object.keys(object);
  const keep = Math.min(keys.length, caps.listEntries);
  let changed = keep < keys.length;
  const kept: Record<string, unknown> = {};
  for (const key of keys.slice(0, keep)) {
    const value = object[key];
    const capped = capValue(value, caps, depth + 1);
    if (capped !== value) changed = true;
    kept[key] = capped;
  }
  if (!changed) return object;
  if (keep < keys.length) kept[MORE_KEY] = moreMarker(keys.length - keep);
  return kept as T;
}
