/**
 * The ports a test may connect to (RCA_ALLOWED_PORTS): the mail and web ports by default, so the analyzer can't be
 * used as a port scanner or banner grabber against any port of any address.
 */

export const DEFAULT_ALLOWED_PORTS = "25,80,110,143,443,465,587,993,995,8443";

export interface PortRule {
  /** The setting as the operator wrote it, for messages. */
  text: string;
  ranges: ReadonlyArray<readonly [number, number]>;
}

/** "25,80,8000-8100" → ranges; undefined when it doesn't parse (the configuration check names the variable). */
export function parsePortRule(text: string): PortRule | undefined {
  const ranges: Array<[number, number]> = [];
  for (const part of text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)) {
    const match = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(part);
    if (!match) return undefined;
    const low = Number(match[1]);
    const high = Number(match[2] ?? match[1]);
    if (low < 1 || high > 65535 || low > high) return undefined;
    ranges.push([low, high]);
  }
  return ranges.length > 0 ? { text, ranges } : undefined;
}

export function portAllowed(rule: PortRule, port: number): boolean {
  return rule.ranges.some(([low, high]) => port >= low && port <= high);
}
