import { z } from "zod";

// No `new Function` probe: the pages' Content-Security-Policy allows no eval, and zod reports a violation when it
// probes. zod decides when an object schema is built, so every module that builds schemas a page may load imports
// this first.
z.config({ jitless: true });
