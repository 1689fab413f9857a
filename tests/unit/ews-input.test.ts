import { describe, expect, it } from "vitest";
import { TestInputSchema } from "@/lib/analyzers/catalog";
import { ews } from "@/lib/analyzers/ews/definition";
import { validateValues, initialValues, withValue } from "@/lib/analyzers/form";

/** The EWS test's input: a mailbox (Autodiscover finds EWS) or the EWS server, exactly one of them. */

function issues(input: Record<string, unknown>): Array<{ path: string; message: string }> {
  const parsed = TestInputSchema.safeParse({ test: "ews", ...input });
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
}

describe("the EWS input", () => {
  it("takes a host, with port 443, NTLM and Ignore trust off by default", () => {
    expect(TestInputSchema.parse({ test: "ews", host: "Mail.Contoso.COM" })).toEqual({
      test: "ews",
      host: "mail.contoso.com",
      port: 443,
      ignoreTrust: false,
      authMethod: "ntlm",
    });
  });

  it("takes an e-mail address instead, an empty host counting as none", () => {
    expect(TestInputSchema.parse({ test: "ews", emailAddress: "Alice@Contoso.COM", host: "" })).toMatchObject({ emailAddress: "Alice@contoso.com" });
    expect(TestInputSchema.parse({ test: "ews", emailAddress: "alice@contoso.com" })).not.toHaveProperty("host", expect.anything());
  });

  it("names the e-mail field when neither is given", () => {
    expect(issues({})).toEqual([
      { path: "emailAddress", message: "Enter the mailbox's e-mail address (Autodiscover then finds EWS), or the EWS server's host name." },
    ]);
    expect(issues({ host: "", emailAddress: "" })).toEqual([expect.objectContaining({ path: "emailAddress" })]);
  });

  it("takes both: EWS at that server, for that mailbox", () => {
    expect(TestInputSchema.parse({ test: "ews", host: "mail.contoso.com", emailAddress: "alice@contoso.com" })).toMatchObject({
      host: "mail.contoso.com",
      emailAddress: "alice@contoso.com",
    });
  });

  it("still says what is wrong with a host or an address that isn't one", () => {
    expect(issues({ host: "https://mail.contoso.com/EWS/Exchange.asmx" }).map((issue) => issue.path)).toContain("host");
    expect(issues({ emailAddress: "alice" }).map((issue) => issue.path)).toContain("emailAddress");
  });

  it("wants the user name and the password together", () => {
    expect(issues({ host: "mail.contoso.com", password: "pw" })).toEqual([expect.objectContaining({ path: "username" })]);
  });

  it("the form has both fields in the connection section, neither required on its own, and validates with the same schema", () => {
    const email = ews.fields.find((field) => field.name === "emailAddress");
    const host = ews.fields.find((field) => field.name === "host");
    expect(email).toMatchObject({ section: "connection", required: false });
    expect(host).toMatchObject({ section: "connection", required: false });
    expect(`${email?.hint} ${host?.hint}`).toMatch(/\bor\b/i);
    const withHost = withValue(ews, initialValues(ews), "host", "mail.contoso.com", new Set());
    expect(validateValues(ews, withHost)).toEqual({ fields: {}, other: [] });
    expect(validateValues(ews, initialValues(ews)).fields).toHaveProperty("emailAddress");
  });
});
