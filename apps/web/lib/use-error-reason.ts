"use client";
import { useTranslations } from "next-intl";
import { errorReason } from "./error-text";

/** `reasonOf(cause)`: why an action failed, in the person's language (error-text.ts's errorReason). */
export function useErrorReason(): (cause: unknown) => string {
  const t = useTranslations("common.errors");
  return (cause) => errorReason(cause, t);
}
