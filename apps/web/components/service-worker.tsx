"use client";
// Registers public/sw.js, which shows public/offline.html when a page cannot load for want of a
// network (the installable app's offline fallback; app/manifest.ts).
import { useEffect } from "react";

export function ServiceWorker() {
  useEffect(() => {
    if (!("serviceWorker" in navigator)) return;
    navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(() => {
      // Not fatal: without it a lost network shows the browser's own page.
    });
  }, []);
  return null;
}
