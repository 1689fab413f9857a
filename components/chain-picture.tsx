import { useLocale, useTranslations } from "next-intl";
import type { Step } from "@/lib/engine/types";
import {
  chainPicture,
  type ChainPicture as Picture,
  type ChainPictureCertificate,
  type ChainPictureMissing,
  type MissingReason,
} from "@/lib/results/chain-picture";

/**
 * The built certificate path of a `tls.certificate.trust` step as a small diagram: the server's certificate, each
 * issuer in turn, then the root, or a "missing issuer" box where the path stops short of a trusted root. Each box says
 * where its certificate came from (sent by the server, the trust store) and shows its key, signature, dates and the
 * RFC 5280 rules broken at it. Plain HTML and CSS, no JavaScript: it reads the same without it and in print.
 * Every value is server text from the stored result, rendered as text (React escapes it); long names are truncated
 * visually, in full in the title.
 */
export function ChainPicture({ step }: { step: Step }) {
  const picture = chainPicture(step);
  if (!picture) return null;
  return <ChainPictureView picture={picture} />;
}

const BOX = "flex w-full min-w-0 flex-col gap-1 rounded-md border px-2.5 py-2 text-xs sm:w-60";

const TONE = {
  bad: { box: "border-bad-line bg-bad-subtle", chip: "border-bad-line text-bad", text: "text-bad" },
  warn: { box: "border-warn-line bg-warn-subtle", chip: "border-warn-line text-warn", text: "text-warn" },
} as const;

export function ChainPictureView({ picture }: { picture: Picture }) {
  const t = useTranslations("chainPicture");
  const tone = TONE[picture.tone];
  const { certificates, missing } = picture;
  return (
    <figure data-testid="chain-picture" data-chain-status={picture.status ?? "unknown"} className="mx-0 mb-0 mt-3 min-w-0">
      <figcaption className="mb-1.5 text-[0.8125rem] font-semibold text-ink-muted">{t("caption")}</figcaption>
      <ol className="flex flex-col items-stretch sm:flex-row sm:flex-wrap sm:items-stretch sm:gap-y-2">
        {certificates.map((cert, index) => (
          <li key={index} className="flex min-w-0 flex-col items-stretch sm:flex-row">
            {index > 0 ? <Arrow /> : null}
            <CertificateBox cert={cert} tone={tone} />
          </li>
        ))}
        {missing ? (
          <li className="flex min-w-0 flex-col items-stretch sm:flex-row">
            <Arrow />
            <MissingBox missing={missing} tone={tone} />
          </li>
        ) : null}
      </ol>
      {picture.unusedSent.length > 0 ? (
        <p className="mt-1.5 text-xs text-ink-muted">
          {t("unused", { count: picture.unusedSent.length, list: picture.unusedSent.map((n) => `#${n}`).join(", ") })}
        </p>
      ) : null}
    </figure>
  );
}

/** "Issued by": down on a narrow screen, right beside the boxes from the sm breakpoint. */
function Arrow() {
  const t = useTranslations("chainPicture");
  return (
    <span className="flex shrink-0 items-center justify-center py-0.5 text-ink-muted sm:px-1 sm:py-0">
      <span className="sr-only">{t("issuedBy")}</span>
      <svg viewBox="0 0 20 12" aria-hidden="true" focusable="false" className="h-3 w-5 rotate-90 sm:rotate-0">
        <path d="M1 6h16m-5-4.5L17 6l-5 4.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </span>
  );
}

type Tone = (typeof TONE)[keyof typeof TONE];

function CertificateBox({ cert, tone }: { cert: ChainPictureCertificate; tone: Tone }) {
  const t = useTranslations("chainPicture");
  const broken = cert.breaks.length > 0;
  const anchor = cert.source === "trust-store";
  const box = broken ? tone.box : anchor ? "border-ok-line bg-ok-subtle" : "border-line bg-surface";
  return (
    <div data-testid="chain-cert" data-source={cert.source} data-role={cert.role} className={`${BOX} ${box}`}>
      <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-0.5">
        <span className="font-semibold text-ink-muted">{t(`role.${cert.role}`)}</span>
        <SourceChip cert={cert} />
      </div>
      <Name value={cert.subject ?? t("notRecorded")} />
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2 gap-y-0.5">
        {cert.key ? <Field label={t("field.key")} value={cert.key} /> : null}
        {cert.signature ? <Field label={t("field.signature")} value={cert.signature} /> : null}
        <Validity cert={cert} />
      </dl>
      {broken ? (
        <div className={`mt-0.5 ${tone.text}`}>
          <span className="sr-only">{t("field.broken")}: </span>
          <ul className="flex flex-wrap gap-1">
            {cert.breaks.map((rule, index) => (
              <li key={index} className="min-w-0 max-w-full">
                <RuleChip code={rule.code} known={rule.known} chip={tone.chip} />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

/** A distinguished name: two lines at most, the whole of it in the title. */
function Name({ value }: { value: string }) {
  return (
    <span className="line-clamp-2 text-[0.8125rem] font-medium text-ink [overflow-wrap:anywhere]" title={value}>
      {value}
    </span>
  );
}

function Field({ label, value, wrap = false }: { label: string; value: string; wrap?: boolean }) {
  return (
    <>
      <dt className="text-ink-muted">{label}</dt>
      <dd className={`min-w-0 text-ink ${wrap ? "[overflow-wrap:anywhere]" : "truncate"}`} title={value}>
        {value}
      </dd>
    </>
  );
}

/** Dates as the rest of the page writes them (components/format.ts): British English, Italian, in UTC. */
const DATE_OPTIONS: Intl.DateTimeFormatOptions = { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" };
const DATE_FORMATS: Record<string, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat("en-GB", DATE_OPTIONS),
  it: new Intl.DateTimeFormat("it-IT", DATE_OPTIONS),
};

function Validity({ cert }: { cert: ChainPictureCertificate }) {
  const t = useTranslations("chainPicture");
  const format = DATE_FORMATS[useLocale()] ?? DATE_FORMATS.en!;
  const date = (iso: string) => {
    const parsed = new Date(iso);
    return Number.isNaN(parsed.getTime()) ? iso : format.format(parsed);
  };
  const { notBefore, notAfter } = cert;
  if (!notBefore && !notAfter) return null;
  const value =
    notBefore && notAfter
      ? t("validity", { from: date(notBefore), to: date(notAfter) })
      : notBefore
        ? t("validFrom", { from: date(notBefore) })
        : t("validTo", { to: date(notAfter ?? "") });
  return <Field label={t("field.valid")} value={value} wrap />;
}

function SourceChip({ cert }: { cert: ChainPictureCertificate }) {
  const t = useTranslations("chainPicture");
  if (cert.source === "unknown") return null;
  if (cert.source === "trust-store") {
    return <span className="rounded-full border border-ok-line bg-surface px-1.5 text-[0.6875rem] font-semibold text-ok">{t("source.trustStore")}</span>;
  }
  return (
    <span className="rounded-full border border-line bg-accent-subtle px-1.5 text-[0.6875rem] font-semibold text-accent">
      {cert.sentAs === undefined ? t("source.sent") : t("source.sentAs", { n: cert.sentAs })}
    </span>
  );
}

/** A broken rule: its problem code, linking to its help page when it is one of ours, and a few words on it. */
function RuleChip({ code, known, chip }: { code: string; known: boolean; chip: string }) {
  const t = useTranslations("chainPicture");
  // Only our own codes are looked up: an unknown one is stored text, shown as it is.
  const words = known && t.has(`rules.${code}`) ? t(`rules.${code}`) : undefined;
  const label = (
    <>
      <span className="font-mono font-semibold">{code}</span>
      {words ? <span>: {words}</span> : null}
    </>
  );
  const className = `inline-block max-w-full truncate rounded border px-1.5 align-top text-[0.6875rem] ${chip}`;
  return known ? (
    <a href={`/help/${encodeURIComponent(code)}`} data-testid="chain-break" className={`${className} underline-offset-2 hover:underline`}>
      {label}
    </a>
  ) : (
    <span data-testid="chain-break" className={className}>
      {label}
    </span>
  );
}

const MISSING_TEXT: Record<MissingReason, "issuerNotFound" | "selfSigned" | "untrustedRoot" | "badSignature"> = {
  "issuer-not-found": "issuerNotFound",
  "self-signed": "selfSigned",
  "untrusted-root": "untrustedRoot",
  "bad-signature": "badSignature",
};

function MissingBox({ missing, tone }: { missing: ChainPictureMissing; tone: Tone }) {
  const t = useTranslations("chainPicture");
  return (
    <div data-testid="chain-cert" data-source="missing" data-reason={missing.reason} className={`${BOX} border-dashed ${tone.box}`}>
      <div className="flex flex-wrap items-center justify-between gap-x-2 gap-y-0.5">
        <span className={`font-semibold ${tone.text}`}>{t("missing.title")}</span>
        <span className={`rounded-full border bg-surface px-1.5 text-[0.6875rem] font-semibold ${tone.chip}`}>{t("source.missing")}</span>
      </div>
      {missing.issuer ? <Name value={missing.issuer} /> : null}
      <p className="text-ink">{t(`missing.${MISSING_TEXT[missing.reason]}`)}</p>
    </div>
  );
}
