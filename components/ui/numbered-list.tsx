import type { ReactNode } from "react";

export type NumberedListSize = "md" | "sm";

/**
 * `md`: a procedure in the page's body (a filled accent badge); `sm`: a short summary in a side panel (a subtle
 * badge, tighter spacing).
 */
const SIZES: Record<NumberedListSize, { list: string; item: string; badge: string }> = {
  md: { list: "space-y-5", item: "gap-3", badge: "mt-0.5 h-6 w-6 bg-accent text-white" },
  sm: { list: "space-y-2.5", item: "gap-2.5", badge: "h-5 w-5 bg-accent-subtle text-accent" },
};

export interface NumberedListProps<T> {
  items: readonly T[];
  size?: NumberedListSize;
  /** Added to the list (`<ol>`), e.g. a margin. */
  className?: string;
  /** Added to each item (`<li>`), e.g. a text colour. */
  itemClassName?: string;
  /** What follows an item's number. */
  children: (item: T, index: number) => ReactNode;
}

/**
 * Steps in order, each behind its number in a round badge. The badge is decorative (`aria-hidden`): the `<ol>`
 * already numbers the items for assistive technology.
 */
export function NumberedList<T>({ items, size = "md", className = "", itemClassName = "", children }: NumberedListProps<T>) {
  const styles = SIZES[size];
  return (
    <ol className={`${styles.list} ${className}`.trim()}>
      {items.map((item, index) => (
        <li key={index} className={`flex ${styles.item} ${itemClassName}`.trim()}>
          <span aria-hidden="true" className={`flex shrink-0 items-center justify-center rounded-full text-xs font-semibold ${styles.badge}`}>
            {index + 1}
          </span>
          {children(item, index)}
        </li>
      ))}
    </ol>
  );
}
