import { describe, expect, it } from "vitest";
import { activeSync } from "@/lib/analyzers/activesync/definition";
import { initialValues, payloadFor, validateValues } from "@/lib/analyzers/form";

/** The ActiveSync form and API input: a server name or an e-mail address, Basic by default. */
describe("the activesync input", () => {
  it("takes a server name, or an e-mail address, and defaults to Basic on port 443", () => {
    expect(activeSync.schema.parse({ test: "activesync", host: "Mail.Contoso.com" })).toEqual({
      test: "activesync",
      host: "mail.contoso.com",
      port: 443,
      ignoreTrust: false,
      authMethod: "basic",
    });
    expect(activeSync.schema.parse({ test: "activesync", emailAddress: "jane@Contoso.com", host: "" })).toMatchObject({
      emailAddress: "jane@contoso.com",
      authMethod: "basic",
    });
  });

  it("names both fields when neither is given, and the missing half of the credentials", () => {
    const neither = activeSync.schema.safeParse({ test: "activesync", emailAddress: "", host: "" });
    expect(neither.success).toBe(false);
    expect(neither.error?.issues.map((issue) => issue.path.join("."))).toEqual(["host", "emailAddress"]);
    expect(neither.error?.issues[0]?.message).toBe("Enter the ActiveSync server's name, or an e-mail address to find it with Autodiscover.");
    const half = activeSync.schema.safeParse({ test: "activesync", host: "mail.contoso.com", password: "pw" });
    expect(half.error?.issues.map((issue) => issue.path.join("."))).toEqual(["username"]);
  });

  it("maps the form's issues to its fields, and an empty form sends neither field", () => {
    expect(payloadFor(activeSync, initialValues(activeSync))).toEqual({ test: "activesync", port: 443, ignoreTrust: false, authMethod: "basic" });
    expect(validateValues(activeSync, initialValues(activeSync)).fields).toMatchObject({
      host: expect.stringContaining("ActiveSync server"),
      emailAddress: expect.stringContaining("ActiveSync server"),
    });
    expect(validateValues(activeSync, { ...initialValues(activeSync), emailAddress: "not an address" }).fields.emailAddress).toBe(
      "Enter an e-mail address, like user@contoso.com.",
    );
  });
});
