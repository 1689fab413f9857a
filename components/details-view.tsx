import { useMessages, useTranslations } from "next-intl";
import { lookupTemplate, type MessageTree } from "@/lib/i18n/format";
import { detailLabelsEn } from "@/lib/i18n/messages/detail-labels";
import type { ReactNode } from "react";

/**
 * A step's `details` as a readable key/value list. Every value may come from a remote server (certificate fields,
 * headers, banners): it is rendered as text only, and React's escaping is the defence.
 */

const MAX_DEPTH = 6;
const MAX_ITEMS = 200;

const ACRONYMS = new Set([
  "alpn",
  "ca",
  "cn",
  "crl",
  "dns",
  "ehlo",
  "eku",
  "ews",
  "http",
  "https",
  "id",
  "imap",
  "ip",
  "ipv4",
  "ipv6",
  "mapi",
  "mx",
  "ntlm",
  "ocsp",
  "oid",
  "pop",
  "ptr",
  "rpc",
  "san",
  "sha",
  "smtp",
  "sni",
  "spf",
  "ssl",
  "tcp",
  "tls",
  "ttl",
  "url",
  "uri",
  "utc",
]);

const LABELS: Readonly<Record<string, string>> = detailLabelsEn;

/**
 * A detail key in English: its label (lib/i18n/messages/detail-labels.ts), else words made from the key, `chainAsSent`
 * → "Chain as sent"; keys that aren't identifiers (HTTP header names…) are shown as they are.
 */
export function labelFor(key: string): string {
  if (Object.hasOwn(LABELS, key)) return LABELS[key] ?? key;
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key)) return key;
  const words = key
    .replace(/_/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => (ACRONYMS.has(word) ? word.toUpperCase() : word));
  const sentence = words.join(" ");
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** labelFor in the reader's language: the catalogue's `details.labels.<key>` when it has one, else labelFor's English. */
export function detailLabel(messages: MessageTree, key: string): string {
  return (/^[A-Za-z][A-Za-z0-9]*$/.test(key) ? lookupTemplate(messages, `details.labels.${key}`) : undefined) ?? labelFor(key);
}

/** detailLabel with the reader's catalogue. */
export function useDetailLabel(): (key: string) => string {
  const messages = useMessages() as MessageTree;
  return (key) => detailLabel(messages, key);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isPrimitive(value: unknown): value is string | number | boolean | null | undefined {
  return value === null || value === undefined || ["string", "number", "boolean"].includes(typeof value);
}

const Muted = ({ children }: { children: ReactNode }) => <span className="text-ink-muted italic">{children}</span>;

function Scalar({ value, name }: { value: string | number | boolean | null | undefined; name?: string }) {
  const t = useTranslations("details");
  if (value === null || value === undefined) return <Muted>{t("notPresent")}</Muted>;
  if (typeof value === "boolean") return <>{value ? t("yes") : t("no")}</>;
  if (typeof value === "number") return <>{name && /Ms$/.test(name) ? `${value} ms` : String(value)}</>;
  if (value === "") return <Muted>{t("empty")}</Muted>;
  if (value.includes("\n")) {
    return (
      <pre className="max-h-80 overflow-auto whitespace-pre-wrap break-all rounded border border-line-subtle bg-canvas px-2.5 py-1.5 text-[0.8125rem] leading-relaxed">
        {value}
      </pre>
    );
  }
  // Thumbprints, serial numbers, key material: monospace, broken anywhere.
  if (/^[0-9A-F:]{16,}$/i.test(value)) return <span className="font-mono text-[0.8125rem] break-all">{value}</span>;
  return <span className="[overflow-wrap:anywhere]">{value}</span>;
}

function PrimitiveList({ items, name }: { items: unknown[]; name?: string }) {
  return (
    <ul className="space-y-0.5">
      {items.map((item, index) => (
        <li key={index} className="flex gap-2">
          <span aria-hidden="true" className="select-none text-ink-muted">
            •
          </span>
          <span className="min-w-0">
            <Scalar value={item as string | number | boolean | null} name={name} />
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Small uniform records (a path of subject/source pairs…) read best as a table. */
function tableColumns(items: unknown[]): string[] | undefined {
  if (items.length < 2 || !items.every(isPlainObject)) return undefined;
  const columns: string[] = [];
  for (const item of items as Record<string, unknown>[]) {
    for (const [key, value] of Object.entries(item)) {
      if (!isPrimitive(value)) return undefined;
      if (!columns.includes(key)) columns.push(key);
    }
  }
  return columns.length >= 1 && columns.length <= 4 ? columns : undefined;
}

/** The marker a capped list ends with on the server (lib/engine/caps.ts): "… and 4900 more". */
const CAPPED_MARKER = /^… and (\d+) more$/;

function ArrayValue({ items, name, depth }: { items: unknown[]; name?: string; depth: number }) {
  const t = useTranslations("details");
  const labelOf = useDetailLabel();
  if (items.length === 0) return <Muted>{t("none")}</Muted>;
  const last = items[items.length - 1];
  const capped = typeof last === "string" ? CAPPED_MARKER.exec(last) : null;
  const listed = capped ? items.slice(0, -1) : items;
  const shown = listed.slice(0, MAX_ITEMS);
  const more = listed.length - shown.length + (capped ? Number(capped[1]) : 0);
  const tail = more > 0 ? <p className="mt-1 text-sm text-ink-muted">{t("more", { count: more })}</p> : null;

  if (shown.every(isPrimitive)) {
    if (shown.length === 1) return <Scalar value={shown[0] as string | number | boolean | null} name={name} />;
    return (
      <>
        <PrimitiveList items={shown} name={name} />
        {tail}
      </>
    );
  }

  const columns = tableColumns(shown);
  if (columns) {
    return (
      <div className="overflow-x-auto rounded border border-line-subtle">
        <table className="w-full border-collapse text-left text-sm">
          <thead className="bg-canvas text-ink-muted">
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col" className="px-2.5 py-1.5 font-semibold">
                  {labelOf(column)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {(shown as Record<string, unknown>[]).map((row, index) => (
              <tr key={index} className="border-t border-line-subtle align-top">
                {columns.map((column) => (
                  <td key={column} className="px-2.5 py-1.5">
                    <Scalar value={row[column] as string | number | boolean | null | undefined} name={column} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {tail}
      </div>
    );
  }

  return (
    <>
      <ol className="space-y-2">
        {shown.map((item, index) => (
          <li key={index} className="rounded border border-line-subtle bg-surface">
            <p className="border-b border-line-subtle bg-canvas px-2.5 py-1 text-xs font-semibold uppercase tracking-wide text-ink-muted">#{index + 1}</p>
            <div className="px-2.5 py-1">
              <Value value={item} depth={depth + 1} bare />
            </div>
          </li>
        ))}
      </ol>
      {tail}
    </>
  );
}

function Value({ value, name, depth, bare }: { value: unknown; name?: string; depth: number; bare?: boolean }) {
  const t = useTranslations("details");
  if (isPrimitive(value)) return <Scalar value={value} name={name} />;
  if (depth >= MAX_DEPTH) {
    let text: string;
    try {
      text = JSON.stringify(value);
    } catch {
      text = String(value);
    }
    return <Scalar value={text} />;
  }
  if (Array.isArray(value)) return <ArrayValue items={value} name={name} depth={depth} />;
  if (isPlainObject(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return <Muted>{t("none")}</Muted>;
    return <KeyValueList entries={entries} depth={depth + 1} nested={!bare} />;
  }
  return <Scalar value={String(value)} />;
}

function KeyValueList({ entries, depth, nested }: { entries: Array<[string, unknown]>; depth: number; nested?: boolean }) {
  const labelOf = useDetailLabel();
  return (
    <dl
      className={
        "grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[minmax(7rem,12rem)_minmax(0,1fr)] " +
        (nested ? "rounded border border-line-subtle bg-surface px-2.5 py-1" : "")
      }
    >
      {entries.map(([key, value]) => (
        <div key={key} className="contents">
          <dt className="pt-1.5 font-medium text-ink-muted sm:pb-1.5 [overflow-wrap:anywhere]">{labelOf(key)}</dt>
          <dd className="min-w-0 pb-1.5 sm:pt-1.5 text-ink">
            <Value value={value} name={key} depth={depth} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The facts behind a step's message, rendered recursively as lists and tables. */
export function DetailsView({ details }: { details: Record<string, unknown> }) {
  const entries = Object.entries(details);
  if (entries.length === 0) return null;
  return <KeyValueList entries={entries} depth={0} />;
}
