import { Fragment } from "react";

/**
 * Splits plain text where `backticks` mark inline code. Everything stays text: React escapes it, and nothing is
 * ever parsed as HTML. An unmatched backtick is shown as it is.
 */
export function splitInlineCode(text: string): Array<{ code: boolean; text: string }> {
  const parts = text.split("`");
  const segments: Array<{ code: boolean; text: string }> = [];
  const pairedEnd = parts.length % 2 === 1 ? parts.length : parts.length - 1;
  for (let index = 0; index < pairedEnd; index += 1) {
    const part = parts[index] ?? "";
    if (part) segments.push({ code: index % 2 === 1, text: part });
  }
  if (pairedEnd < parts.length) {
    // An odd number of backticks: the last one opens nothing.
    segments.push({ code: false, text: "`" + (parts[parts.length - 1] ?? "") });
  }
  return segments;
}

export function RichText({ text }: { text: string }) {
  return (
    <>
      {splitInlineCode(text).map((segment, index) =>
        segment.code ? (
          <code key={index} className="inline-code">
            {segment.text}
          </code>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
