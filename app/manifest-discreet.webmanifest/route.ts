import type { MetadataRoute } from "next";

/** The home-screen entry in discreet mode: a plain "Reading" with a plain icon. */
export const NEUTRAL_MANIFEST: MetadataRoute.Manifest = {
  name: "Reading",
  short_name: "Reading",
  start_url: "/client",
  scope: "/",
  display: "standalone",
  background_color: "#ffffff",
  theme_color: "#ffffff",
  icons: [{ src: "/neutral-icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
};

export function GET() {
  return new Response(JSON.stringify(NEUTRAL_MANIFEST), {
    headers: { "content-type": "application/manifest+json", "cache-control": "public, max-age=3600" },
  });
}
