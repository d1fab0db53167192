import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships WASM and data files that must be loaded from node_modules at run time, not bundled;
  // pdfjs loads its worker module by path at run time, mammoth reads its own files with require, and pdfkit
  // reads its font metrics from its package folder.
  serverExternalPackages: ["@electric-sql/pglite", "@electric-sql/pglite-pgvector", "postgres", "pdfjs-dist", "mammoth", "pdfkit"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
