"use client";
// Says so while the browser is offline: pages still paint from the saved cache, but nothing new
// can load and no change can be saved. Lists' error states retry by themselves when it is back.
import { useTranslations } from "next-intl";
import { useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => {
  window.addEventListener("online", onChange);
  window.addEventListener("offline", onChange);
  return () => {
    window.removeEventListener("online", onChange);
    window.removeEventListener("offline", onChange);
  };
};

export function OfflineBanner() {
  const t = useTranslations("shell");
  const online = useSyncExternalStore(
    subscribe,
    () => navigator.onLine,
    () => true,
  );
  if (online) return null;
  return (
    <p className="offline-banner" role="status">
      {t("offline")}
    </p>
  );
}
