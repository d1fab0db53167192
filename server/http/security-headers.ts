/**
 * The browser-facing security policy: the pages' Content-Security-Policy (set per request by proxy.ts,
 * with a fresh nonce), the headers every response carries (next.config.ts), and whether cookies are
 * Secure. Pure functions of their inputs, so next.config.ts and proxy.ts can both use them.
 */

const isProduction = () => process.env.NODE_ENV === "production";

/** Cookies only over HTTPS in production (the app is then behind a TLS-terminating proxy); plain HTTP in development. */
export function secureCookies(): boolean {
  return isProduction();
}

/**
 * The CSP of a page. Scripts run only with this request's nonce (Next.js puts it on its own inline and
 * bootstrap scripts when it finds it in the request's CSP header) and what they load ('strict-dynamic'),
 * so no 'unsafe-inline' for scripts. Styles keep 'unsafe-inline': React style attributes (charts,
 * progress bars) cannot carry a nonce, and styles cannot run code. `frameAncestors` is 'none' except
 * for the widget's embed pages, which the organization's allowed sites may frame.
 */
export function contentSecurityPolicy(args: { nonce: string; frameAncestors: string; formActions?: readonly string[]; development?: boolean }): string {
  // Development only: React's debugging uses eval, and hot reload a WebSocket.
  const dev = args.development ?? !isProduction();
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${args.nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    // The single sign-on button's form ends in a redirect to the hospital's provider.
    `form-action 'self'${(args.formActions ?? []).map((o) => ` ${o}`).join("")}`,
    args.frameAncestors,
  ].join("; ");
}

/** Headers of every response (pages, API, static files). */
export function staticSecurityHeaders(production = isProduction()): { key: string; value: string }[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()" },
    // Browsers ignore it over plain HTTP, so local `next start` is unaffected.
    ...(production ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}
