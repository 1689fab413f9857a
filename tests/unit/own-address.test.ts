import { afterEach, describe, expect, it, vi } from "vitest";
import type * as NodeOs from "node:os";

// This machine's interfaces, as if it had the public address 8.8.8.8 (the test never connects anywhere).
vi.mock("node:os", async (importOriginal) => {
  const os = await importOriginal<typeof NodeOs>();
  return {
    ...os,
    networkInterfaces: () => ({
      eth0: [{ address: "8.8.8.8", family: "IPv4", internal: false, netmask: "255.255.255.0", mac: "00:00:00:00:00:00", cidr: "8.8.8.8/24" }],
    }),
  };
});

const { resetEnvForTests } = await import("@/lib/config/env");
const { checkHostName, checkTarget } = await import("@/lib/net/target");

afterEach(() => {
  delete process.env.RCA_ALLOW_PRIVATE_TARGETS;
  resetEnvForTests();
});

describe("targets that are the analyzer itself, or its operator's internal names", () => {
  it("refuses the instance's own public address like loopback, without naming the address for a name", () => {
    expect(() => checkTarget({ host: "8.8.8.8", addresses: [{ address: "8.8.8.8", family: 4 }], resolver: "none" })).toThrow(/this analyzer's own address/);
    expect(() => checkTarget({ host: "self.example.com", addresses: [{ address: "8.8.8.8", family: 4 }], resolver: "x" })).toThrow(
      /^This analyzer doesn't connect to self\.example\.com: it resolves to this analyzer's own address/,
    );
  });

  it("refuses single-label names unless private targets are allowed", () => {
    expect(() => checkHostName("exchange01")).toThrow(/single-label names like exchange01/);
    expect(() => checkHostName("mail.contoso.com")).not.toThrow();
    expect(() => checkHostName("8.8.4.4")).not.toThrow();
    process.env.RCA_ALLOW_PRIVATE_TARGETS = "true";
    resetEnvForTests();
    expect(() => checkHostName("exchange01")).not.toThrow();
  });
});
