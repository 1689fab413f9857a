import { z } from "zod";

// No `new Function` probe: the pages' Content-Security-Policy allows no eval, and zod reports a violation when it
// probes. zod decides when a schema is built, so the setting must come before any: every module takes `z` from here
// (ESLint refuses a value import of "zod" anywhere else).
z.config({ jitless: true });

export { z };
