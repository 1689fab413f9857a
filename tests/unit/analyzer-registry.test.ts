import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANALYZERS, declaredProblems, publicInput, SECRET_FIELDS, TestInputSchema } from "@/lib/analyzers/catalog";
import { prefilledValues, payloadFor, targetQuery, validateValues, withValue, initialValues } from "@/lib/analyzers/form";
import { runnerOf } from "@/lib/analyzers/registry";
import { isProblemCode } from "@/lib/problems";

/** The registry of tests: everything the UI and API show about a test comes from its folder's definition. */

const SAMPLE: Record<string, string> = {
  host: "mail.contoso.com",
  emailAddress: "user@contoso.com",
  ip: "203.0.113.25",
  certificates: "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n",
};
const oa = ANALYZERS.find((analyzer) => analyzer.id === "outlook-anywhere")!;

describe("the analyzer registry", () => {
  it("finds the run function of every catalogued test in its folder", async () => {
    for (const analyzer of ANALYZERS) expect(typeof (await runnerOf(analyzer.id)), analyzer.id).toBe("function");
  });

  it("has a folder with a run function for every catalogued test, and no folder outside the catalogue", () => {
    const folders = readdirSync(join(process.cwd(), "lib", "analyzers"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(process.cwd(), "lib", "analyzers", entry.name, "run.ts")))
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual(ANALYZERS.map((analyzer) => analyzer.id).sort());
  });

  it("declares form fields that its own schema accepts, each in a form section", () => {
    for (const analyzer of ANALYZERS) {
      const names = analyzer.fields.map((field) => field.name);
      expect(new Set(names).size, analyzer.id).toBe(names.length);
      // The target typed in, as a user would: the host where the form has one, else the e-mail address.
      const hasHost = analyzer.fields.some((field) => field.name === "host");
      const typed = analyzer.fields.reduce(
        (values, field) =>
          (field.kind === "text" || field.kind === "textarea") && SAMPLE[field.name] !== undefined && !(field.name === "emailAddress" && hasHost)
            ? withValue(analyzer, values, field.name, SAMPLE[field.name]!, new Set())
            : values,
        initialValues(analyzer),
      );
      const parsed = analyzer.schema.safeParse(payloadFor(analyzer, typed));
      expect(parsed.success, `${analyzer.id}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
      const output = parsed.data as Record<string, unknown>;
      // Every field the form filled (typed, or a default) reaches the parsed input under its own name.
      for (const field of analyzer.fields)
        if (!field.secret && typed[field.name] !== "") expect(output, `${analyzer.id}.${field.name}`).toHaveProperty(field.name);
    }
  });

  it("declares only real problem codes, for dotted step codes", () => {
    for (const analyzer of ANALYZERS) {
      for (const [stepCode, codes] of Object.entries(analyzer.problems)) {
        expect(stepCode).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        for (const code of codes) expect(isProblemCode(code), code).toBe(true);
      }
    }
    expect(declaredProblems().get("MUTUAL_AUTH_MISMATCH")).toEqual(new Set(["outlook-anywhere: rpc.mutual-auth", "certificate-file: certfile.principal"]));
  });

  it("routes a request to the test's own schema and names the tests when the id is unknown", () => {
    const unknown = TestInputSchema.safeParse({ test: "smtp-nonsense", host: "x" });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toBe(`Choose a test: ${ANALYZERS.map((analyzer) => analyzer.id).join(", ")}.`);
  });
});

describe("credentials have one home", () => {
  it("the secret fields are the credential fields of the forms", () => {
    expect([...SECRET_FIELDS].sort()).toEqual(["password", "username"]);
  });

  it("a result's input keeps no secret field, only the fact that credentials were supplied", () => {
    const input = TestInputSchema.parse({ test: "outlook-anywhere", host: "mail.contoso.com", username: "CONTOSO\\bob", password: "pw" });
    const shown = publicInput(input);
    for (const secret of SECRET_FIELDS) expect(shown).not.toHaveProperty(secret);
    expect(shown.credentials).toBe("supplied (not stored)");
  });
});

describe("the form as data", () => {
  it("fills the principal from the host until it is edited, and follows again once cleared", () => {
    let values = withValue(oa, initialValues(oa), "host", "mail.contoso.com", new Set());
    expect(values.mutualAuthPrincipal).toBe("msstd:mail.contoso.com");
    values = withValue(oa, values, "host", "owa.contoso.com", new Set(["mutualAuthPrincipal"]));
    expect(values.mutualAuthPrincipal).toBe("msstd:mail.contoso.com");
    values = withValue(oa, values, "host", "owa.contoso.com", new Set());
    expect(values.mutualAuthPrincipal).toBe("msstd:owa.contoso.com");
  });

  it("'Run again' carries the target fields only: never Ignore trust, the method or a credential", () => {
    const query = targetQuery(oa, {
      test: "outlook-anywhere",
      host: "mail.contoso.com",
      port: 8443,
      mutualAuthPrincipal: "msstd:*.contoso.com",
      ignoreTrust: true,
      authMethod: "basic",
      username: "bob",
      password: "pw",
      credentials: "supplied (not stored)",
    });
    expect([...query.keys()]).toEqual(["host", "port", "mutualAuthPrincipal"]);
  });

  it("a link can pre-fill the target, but not Ignore trust, the method or credentials", () => {
    const { values, edited } = prefilledValues(
      oa,
      new URLSearchParams("host=mail.contoso.com&port=8443&ignoreTrust=true&authMethod=basic&username=eve&password=pw"),
    );
    expect(values).toMatchObject({
      host: "mail.contoso.com",
      port: "8443",
      mutualAuthPrincipal: "msstd:mail.contoso.com",
      ignoreTrust: false,
      authMethod: "ntlm",
      username: "",
      password: "",
    });
    expect(edited.size).toBe(0);
    const custom = prefilledValues(oa, new URLSearchParams("host=mail.contoso.com&mutualAuthPrincipal=msstd:*.contoso.com"));
    expect(custom.values.mutualAuthPrincipal).toBe("msstd:*.contoso.com");
    expect(custom.edited.has("mutualAuthPrincipal")).toBe(true);
  });

  it("validates with the API's schema and maps issues to the fields", () => {
    const bad = validateValues(oa, { ...initialValues(oa), host: "https://mail.contoso.com/owa", port: "70000" });
    expect(Object.keys(bad.fields).sort()).toEqual(["host", "port"]);
    const half = validateValues(oa, { ...initialValues(oa), host: "mail.contoso.com", password: "pw" });
    expect(half.fields).toEqual({ username: "Enter the user name that goes with the password." });
  });
});
