import type { MetadataRoute } from "next";

/**
 * The web app manifest (served at /manifest.webmanifest): installable as an app that opens on the
 * recommendations, with the mark as its icon (app/app-icon/[size]: PNGs at the sizes installers
 * ask for; app/icon.svg for the rest). Offline, page loads fall back to public/offline.html
 * (public/sw.js).
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "movierec",
    short_name: "movierec",
    description: "Ranked, explained movie and TV recommendations.",
    id: "/",
    start_url: "/home",
    scope: "/",
    display: "standalone",
    background_color: "#0e0f13",
    theme_color: "#0e0f13",
    icons: [
      { src: "/app-icon/192", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/app-icon/512", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/app-icon/512", sizes: "512x512", type: "image/png", purpose: "maskable" },
      { src: "/icon.svg", sizes: "any", type: "image/svg+xml" },
    ],
  };
}
