// The app icon as a PNG at the sizes installers ask for (192 and 512 px), drawn from the same mark as
// app/icon.svg, so no binary image lives in the repository. Built once per size and cached.
import { ImageResponse } from "next/og";

const SIZES = [192, 512] as const;

export function generateStaticParams() {
  return SIZES.map((size) => ({ size: String(size) }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ size: string }> }) {
  const size = Number((await params).size);
  if (!SIZES.includes(size as (typeof SIZES)[number])) return new Response("Icons come at 192 or 512 px.", { status: 404 });
  // Full bleed (a maskable icon's safe zone is the middle 80 %), the mark in the middle 60 %.
  const mark = Math.round(size * 0.6);
  return new ImageResponse(
    <div style={{ width: "100%", height: "100%", display: "flex", alignItems: "center", justifyContent: "center", background: "#0f172a" }}>
      <svg width={mark} height={mark} viewBox="0 0 32 32" role="img" aria-label="movierec">
        <path d="M5 25V7l11 11L27 7v18" fill="none" stroke="#fbbf24" strokeWidth="4" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
    </div>,
    { width: size, height: size, headers: { "cache-control": "public, max-age=86400" } },
  );
}
