import { describe, expect, it } from "vitest";
import { publicInput, TestInputSchema, type TestInput } from "@/lib/analyzers/catalog";

/** The inputs of every test, as the form and the API validate them. */

const TLS = { test: "tls-certificate", host: "mail.contoso.com" } as const;
const OA = { test: "outlook-anywhere", host: "mail.contoso.com" } as const;

function parse(input: Record<string, unknown>): TestInput {
  return TestInputSchema.parse(input);
}

/** The field paths of the validation errors ("port", "password"…), or [] when the input is valid. */
function errorFields(input: Record<string, unknown>): string[] {
  const result = TestInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.path.join("."));
}

function errorMessages(input: Record<string, unknown>): string[] {
  const result = TestInputSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

// ---------------------------------------------------------------------------------------------------------------

describe("defaults", () => {
  it("fills port 443 and ignoreTrust false for the TLS certificate test", () => {
    expect(parse(TLS)).toEqual({ test: "tls-certificate", host: "mail.contoso.com", port: 443, ignoreTrust: false });
  });

  it("fills port 443, ignoreTrust false and NTLM for Outlook Anywhere", () => {
    expect(parse(OA)).toMatchObject({ port: 443, ignoreTrust: false, authMethod: "ntlm" });
  });

  it("defaults the mutual authentication principal to msstd:<canonical host>", () => {
    // Given a host typed in upper case with a trailing dot
    const input = parse({ ...OA, host: "Mail.Contoso.COM." });
    // Then the default principal uses the canonical host name
    expect(input).toMatchObject({ host: "mail.contoso.com", mutualAuthPrincipal: "msstd:mail.contoso.com" });
  });

  it("keeps a principal the administrator typed", () => {
    expect(parse({ ...OA, mutualAuthPrincipal: "msstd:*.contoso.com" })).toMatchObject({ mutualAuthPrincipal: "msstd:*.contoso.com" });
  });

  it("stores the host in canonical form (0x7f000001 becomes 127.0.0.1)", () => {
    expect(parse({ ...TLS, host: "0x7f000001" })).toMatchObject({ host: "127.0.0.1" });
  });

  it("stores an internationalised host name as punycode", () => {
    expect(parse({ ...OA, host: "bücher.example" })).toMatchObject({
      host: "xn--bcher-kva.example",
      mutualAuthPrincipal: "msstd:xn--bcher-kva.example",
    });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("errors name the field", () => {
  it.each(["https://mail.contoso.com", "mail.contoso.com/owa", "mail.contoso.com:443", "-bad.example", ""])("host %j is an error on host", (host) => {
    expect(errorFields({ ...TLS, host })).toEqual(["host"]);
  });

  it("says what a valid host looks like", () => {
    expect(errorMessages({ ...TLS, host: "https://mail.contoso.com" })[0]).toContain("without https:// or a path");
  });

  it("reports a missing host on host", () => {
    expect(errorFields({ test: "tls-certificate" })).toEqual(["host"]);
  });

  it.each([0, 70000, "abc", 443.5, "0", "65536"])("port %j is an error on port", (port) => {
    expect(errorFields({ ...TLS, port })).toEqual(["port"]);
  });

  it("accepts the edge ports 1 and 65535", () => {
    expect(parse({ ...TLS, port: 1 })).toMatchObject({ port: 1 });
    expect(parse({ ...TLS, port: 65535 })).toMatchObject({ port: 65535 });
  });

  it("tells the administrator the port range", () => {
    expect(errorMessages({ ...TLS, port: 70000 })).toEqual(["The port must be a whole number between 1 and 65535."]);
  });

  it.each(["mail.contoso.com", "msstd:", "msstd:a b"])("principal %j is an error on mutualAuthPrincipal", (principal) => {
    expect(errorFields({ ...OA, mutualAuthPrincipal: principal })).toEqual(["mutualAuthPrincipal"]);
  });

  it("asks for the password when only a user name is given", () => {
    expect(errorFields({ ...OA, username: "contoso\\alice" })).toEqual(["password"]);
  });

  it("asks for the user name when only a password is given", () => {
    expect(errorFields({ ...OA, password: "P@ssw0rd" })).toEqual(["username"]);
  });

  it("rejects an authentication method other than Basic or NTLM, on authMethod", () => {
    expect(errorFields({ ...OA, authMethod: "kerberos" })).toEqual(["authMethod"]);
  });

  it("rejects an unknown test id on test, listing the tests", () => {
    expect(errorFields({ test: "lync-server", host: "mail.contoso.com" })).toEqual(["test"]);
    expect(errorMessages({ test: "lync-server", host: "mail.contoso.com" })[0]).toContain("tls-certificate");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("form-style values (HTML form post, everything a string)", () => {
  it.each([
    ["on", true],
    ["true", true],
    ["off", false],
    ["false", false],
    ["", false],
  ])("ignoreTrust %j is %s", (value, expected) => {
    expect(parse({ ...TLS, ignoreTrust: value })).toMatchObject({ ignoreTrust: expected });
  });

  it("reads the port from a string", () => {
    expect(parse({ ...TLS, port: "443" })).toMatchObject({ port: 443 });
    expect(parse({ ...TLS, port: "8443" })).toMatchObject({ port: 8443 });
  });

  it("treats empty user name and password fields as no credentials", () => {
    const input = parse({ ...OA, username: "", password: "" });
    expect(input).not.toHaveProperty("username", expect.anything());
    expect(input).not.toHaveProperty("password", expect.anything());
    expect(publicInput(input)).not.toHaveProperty("credentials");
  });

  it("treats an empty principal field as the default principal", () => {
    expect(parse({ ...OA, mutualAuthPrincipal: "" })).toMatchObject({ mutualAuthPrincipal: "msstd:mail.contoso.com" });
  });

  it("accepts a whole Outlook Anywhere form post", () => {
    const input = parse({
      test: "outlook-anywhere",
      host: "mail.contoso.com",
      port: "443",
      mutualAuthPrincipal: "msstd:mail.contoso.com",
      ignoreTrust: "on",
      username: "contoso\\alice",
      password: "P@ssw0rd",
      authMethod: "basic",
    });
    expect(input).toMatchObject({ port: 443, ignoreTrust: true, authMethod: "basic", username: "contoso\\alice", password: "P@ssw0rd" });
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("publicInput", () => {
  it("removes the user name and password and says credentials were supplied", () => {
    const input = parse({ ...OA, username: "contoso\\alice", password: "P@ssw0rd" });
    const shown = publicInput(input);
    expect(shown).not.toHaveProperty("username");
    expect(shown).not.toHaveProperty("password");
    expect(JSON.stringify(shown)).not.toContain("P@ssw0rd");
    expect(JSON.stringify(shown)).not.toContain("alice");
    expect(shown.credentials).toBe("supplied (not stored)");
    expect(shown).toMatchObject({ test: "outlook-anywhere", host: "mail.contoso.com", port: 443, mutualAuthPrincipal: "msstd:mail.contoso.com" });
  });

  it("doesn't mention credentials when none were supplied", () => {
    expect(publicInput(parse(OA))).not.toHaveProperty("credentials");
  });

  it("doesn't change the input it was given", () => {
    const input = parse({ ...OA, username: "alice", password: "secret" });
    publicInput(input);
    expect(input).toMatchObject({ username: "alice", password: "secret" });
  });
});
