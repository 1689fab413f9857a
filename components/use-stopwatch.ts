"use client";

import { useCallback, useEffect, useState } from "react";

/** Milliseconds since `start()`, refreshed five times a second while running. */
export function useStopwatch(running: boolean): { elapsedMs: number; start: () => void } {
  const [startedAt, setStartedAt] = useState<number | undefined>();
  const [now, setNow] = useState(0);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => setNow(window.performance.now()), 200);
    return () => window.clearInterval(timer);
  }, [running]);
  const start = useCallback(() => {
    const at = window.performance.now();
    setStartedAt(at);
    setNow(at);
  }, []);
  return { elapsedMs: startedAt === undefined ? 0 : Math.max(0, now - startedAt), start };
}
