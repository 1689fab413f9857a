import { z } from "@/lib/validation/zod";

/**
 * Vantage points: the places workers probe from (RCA_VANTAGE), named by the operator. Browser-safe: the form, the API's
 * input schema and the environment share these rules.
 */

/** What a worker is called when RCA_VANTAGE is unset, and what an RCA_ROLE=all process answers for itself. */
export const DEFAULT_VANTAGE = "default";

/** Lower-case letters, digits, `-` and `_`: safe in a queue name, a Redis key and a URL without escaping. */
export const VANTAGE_NAME_PATTERN = /^[a-z0-9](?:[a-z0-9_-]{0,30}[a-z0-9])?$/;

/** A test runs from at most this many places at once (each one is a whole test). */
export const MAX_VANTAGES = 4;

export const VantageNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(VANTAGE_NAME_PATTERN, "A vantage point's name is 1-32 lower-case letters, digits, - or _ (e.g. inside).");

/** The optional `vantages` of a test input: each name once, at most MAX_VANTAGES. */
export const VantagesSchema = z
  .array(VantageNameSchema)
  .min(1, "Choose at least one vantage point, or leave vantages out.")
  .max(MAX_VANTAGES, `A test runs from at most ${MAX_VANTAGES} vantage points at once.`)
  .refine((names) => new Set(names).size === names.length, "Name each vantage point once.");

export const RunOptionsSchema = z.object({ vantages: VantagesSchema.optional() });

/** A vantage point with workers alive now, as GET /api/vantages lists it. */
export interface LiveVantage {
  name: string;
  workers: number;
}
