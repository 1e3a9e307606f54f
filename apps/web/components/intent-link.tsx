"use client";
// next/link that prefetches the page when someone reaches for the link — the pointer over it, a
// finger down on it, keyboard focus — instead of when it scrolls into view. In view, every header
// link and every card on screen was prefetched while the page was still loading: 6 to 14 requests
// and 85–170 ms of the router's work on the main thread at Lighthouse's 4× CPU (bench/README.md).
// A reach comes 100–300 ms before the click, so the next page is still on its way early.
import Link from "next/link";
import { useRouter } from "next/navigation";
import type { ComponentProps } from "react";

type IntentLinkProps = Omit<ComponentProps<typeof Link>, "href" | "prefetch"> & { href: string };

export function IntentLink({ href, onPointerEnter, onTouchStart, onFocus, ...props }: IntentLinkProps) {
  const router = useRouter();
  // The router keeps what it has prefetched: a second reach asks nothing.
  const prefetch = () => router.prefetch(href);
  return (
    <Link
      {...props}
      href={href}
      prefetch={false}
      onPointerEnter={(event) => {
        prefetch();
        onPointerEnter?.(event);
      }}
      onTouchStart={(event) => {
        prefetch();
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        prefetch();
        onFocus?.(event);
      }}
    />
  );
}
