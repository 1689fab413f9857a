"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useSyncExternalStore } from "react";
import { deleteTokenOf, forgetDeleteToken } from "./delete-token";
import { Button } from "./ui/button";

const subscribe = () => () => {};

/** "Delete this result", shown only in the browser that created it (it holds the delete token). */
export function DeleteResult({ id }: { id: string }) {
  const router = useRouter();
  const t = useTranslations("actions");
  const token = useSyncExternalStore(
    subscribe,
    () => deleteTokenOf(id),
    () => undefined,
  );
  const [state, setState] = useState<"idle" | "confirm" | "deleting" | "failed">("idle");
  if (!token) return null;

  const remove = async () => {
    if (state === "idle" || state === "failed") {
      setState("confirm");
      return;
    }
    setState("deleting");
    try {
      const response = await fetch(`/api/results/${encodeURIComponent(id)}`, { method: "DELETE", headers: { Authorization: `Bearer ${token}` } });
      if (response.status !== 204 && response.status !== 404) throw new Error(`HTTP ${response.status}`);
      forgetDeleteToken(id);
      router.refresh();
    } catch {
      setState("failed");
    }
  };

  return (
    <span className="flex items-center gap-2">
      <Button type="button" size="sm" onClick={() => void remove()} disabled={state === "deleting"} data-testid="delete-result">
        {state === "confirm" ? t("confirmDelete") : state === "deleting" ? t("deleting") : t("deleteResult")}
      </Button>
      {state === "failed" ? (
        <span role="alert" className="text-sm text-bad">
          {t("deleteFailed")}
        </span>
      ) : null}
    </span>
  );
}
