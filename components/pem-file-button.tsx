"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type ChangeEvent } from "react";

/** The PEM label for a binary file, by its extension: a PKCS #7 bundle or a single certificate. */
function pemLabel(fileName: string): string {
  return /\.p7[bc]$/i.test(fileName) ? "PKCS7" : "CERTIFICATE";
}

/** Base64 of a binary file, wrapped at 64 characters as PEM is. */
function toPem(bytes: Uint8Array, label: string): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

/**
 * "Choose a file…" beside a certificate textarea: the file is read in the browser and its text put in the field. A
 * binary (DER) `.cer`/`.crt`/`.p7b` becomes PEM first, so the server only ever receives the pasted text. The file never
 * leaves the browser otherwise; a file that is a private key is refused by the same validation as pasted text.
 */
export function PemFileButton({ name, accept, onText }: { name: string; accept: string; onText: (text: string) => void }) {
  const t = useTranslations("form");
  const id = useId();
  const [error, setError] = useState<string | undefined>();
  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = "";
    if (!file) return;
    if (file.size > 512 * 1024) {
      setError(t("fileTooLarge"));
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    setError(undefined);
    onText(text.includes("-----BEGIN ") ? text : toPem(bytes, pemLabel(file.name)));
  };
  return (
    <div className="mt-2 text-sm">
      <label htmlFor={id} className="cursor-pointer font-medium text-accent underline-offset-2 hover:underline">
        {t("chooseFile")}
      </label>
      <input id={id} type="file" accept={accept} className="sr-only" data-testid={`pem-file-${name}`} onChange={(event) => void onChange(event)} />
      {error ? <span className="ml-2 text-bad">{error}</span> : null}
    </div>
  );
}
