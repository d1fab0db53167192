import { isIPv6 } from "node:net";
import { getConfig } from "@/server/env";

/** The address key of clients whose address is not known (no trusted proxy): they share one count. */
export const UNKNOWN_ADDRESS = "unknown";

/**
 * The client's address for per-address limits. Behind `trustedProxies` reverse proxies, each appends
 * the address it saw to X-Forwarded-For, so the client is that many entries from the right; anything
 * further left was written by the client. Without a trusted proxy the header proves nothing (Next.js
 * keeps a client's own), so the address is unknown. IPv6 clients are counted per /64, the block one
 * household or device usually holds.
 */
export function clientAddress(headers: Headers, trustedProxies = getConfig().TRUSTED_PROXIES): string {
  if (trustedProxies === 0) return UNKNOWN_ADDRESS;
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  const address = hops[Math.max(0, hops.length - trustedProxies)];
  if (!address) return UNKNOWN_ADDRESS;
  return isIPv6(address) && !address.includes(".") ? ipv6Prefix64(address) : address.toLowerCase();
}

function ipv6Prefix64(address: string): string {
  const [head = "", tail = ""] = address.toLowerCase().split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = address.includes("::") ? [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}
