import type { MetadataRoute } from "next";

// "Add to home screen". Client pages link the neutral one instead while discreet mode is on
// (app/manifest-discreet.webmanifest/route.ts): no name or icon that says what Haven is.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Haven",
    short_name: "Haven",
    description: "A calm reading space shared by you and your practitioner.",
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f6f4ee",
    theme_color: "#2b6660",
    icons: [{ src: "/icon.svg", sizes: "any", type: "image/svg+xml", purpose: "any" }],
  };
}
