import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";

// Served under /doctor by the platform server (see STACK.md: base path needs the trailing slash only for builds).
export default defineConfig(({ command }) => ({
  base: command === "build" ? "/doctor/" : "/doctor",
  plugins: [
    tailwindcss(),
    remix({
      basename: "/doctor",
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
  ],
  ssr: { noExternal: ["@visitnow/ui"] },
}));
