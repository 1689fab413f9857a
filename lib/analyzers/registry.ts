import "server-only";
import type { TestRun } from "@/lib/engine/runner";
import { runOutlookAnywhere } from "./outlook-anywhere/run";
import { runTlsCertificate } from "./tls-certificate/run";
import type { InputOf, TestId } from "./catalog";

/** One test's steps on a run; never throws for a verdict about the server. */
export type RunAnalyzer<Input> = (input: Input, run: TestRun) => Promise<void>;

/** The run function of every test in the catalogue: a test without one fails to compile. */
export const RUNNERS = {
  "tls-certificate": runTlsCertificate,
  "outlook-anywhere": runOutlookAnywhere,
} satisfies { [Id in TestId]: RunAnalyzer<InputOf<Id>> };
