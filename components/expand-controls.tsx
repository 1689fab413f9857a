"use client";

import { useTranslations } from "next-intl";
import { Button } from "./ui/button";
import { useHydrated } from "./use-hydrated";

/** Opens or closes every step (and its additional details). Without JavaScript each <details> still works alone. */
export function ExpandControls({ target = "[data-step-tree]" }: { target?: string }) {
  const hydrated = useHydrated();
  const t = useTranslations("stepTree");
  const setAll = (open: boolean) => {
    for (const tree of document.querySelectorAll(target)) {
      for (const details of tree.querySelectorAll("details")) details.open = open;
    }
  };
  return (
    <div className="js-only flex gap-2" role="group" aria-label={t("controls")}>
      <Button size="sm" data-testid="expand-all" disabled={!hydrated} onClick={() => setAll(true)}>
        {t("expandAll")}
      </Button>
      <Button size="sm" data-testid="collapse-all" disabled={!hydrated} onClick={() => setAll(false)}>
        {t("collapseAll")}
      </Button>
    </div>
  );
}
