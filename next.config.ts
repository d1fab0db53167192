import type { NextConfig } from "next";
import { staticSecurityHeaders } from "./server/http/security-headers";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled;
  // pdfjs loads its worker module by path at run time, mammoth reads its own files with require, and pdfkit
  // reads its font metrics from its package folder; @node-rs/jieba loads a native binary and its dictionary file.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-pgvector", "postgres", "pdfjs-dist", "mammoth", "pdfkit", "@node-rs/jieba"],
  // The container image (Dockerfile) runs Next's standalone server; `next start` (e2e, bench:chat, the
  // quick start) keeps the usual build, which the standalone output would make it warn about.
  ...(process.env.NEXT_OUTPUT === "standalone" ? { output: "standalone" as const } : {}),
  poweredByHeader: false,
  typedRoutes: false,
  // Pages also get a per-request Content-Security-Policy from proxy.ts.
  async headers() {
    return [{ source: "/:path*", headers: staticSecurityHeaders() }];
  },
};

export default nextConfig;
