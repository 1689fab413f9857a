import "server-only";
import { outlookAnywhereTest } from "./outlook-anywhere";
import { tlsCertificateTest } from "./tls-certificate";
import type { TestRegistry } from "./types";

/** Every built test by id; a test id without an implementation fails to compile. */
export const TESTS = {
  "tls-certificate": tlsCertificateTest,
  "outlook-anywhere": outlookAnywhereTest,
} satisfies TestRegistry;
