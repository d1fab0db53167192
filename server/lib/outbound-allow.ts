import net from "node:net";

/** Hosts and address ranges an operator lets organizations send to although they are internal (OUTBOUND_ALLOW). */
export interface OutboundAllow {
  /** Lower-case host names, matched exactly. */
  hosts: string[];
  ranges: { address: string; prefix: number; family: "ipv4" | "ipv6" }[];
}

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Parses "hooks.hospital.lan, 10.20.0.0/16, 10.1.2.3, fd00:1::/64" (commas or spaces). An address
 * without a prefix is that one address. Throws a message naming the first entry that is neither.
 */
export function parseOutboundAllow(value: string): OutboundAllow {
  const allow: OutboundAllow = { hosts: [], ranges: [] };
  for (const entry of value.split(/[\s,]+/).filter(Boolean)) {
    const [address = "", prefixText, extra] = entry.replace(/^\[|\](?=\/|$)/g, "").split("/");
    const family = net.isIP(address);
    if (family && extra === undefined) {
      const max = family === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? max : Number(prefixText);
      if (!/^\d{1,3}$/.test(prefixText ?? String(max)) || prefix > max) {
        throw new Error(`"${entry}" has a bad prefix length (0 to ${max} for IPv${family})`);
      }
      allow.ranges.push({ address, prefix, family: family === 4 ? "ipv4" : "ipv6" });
    } else if (prefixText === undefined && HOST_NAME.test(entry.toLowerCase().replace(/\.$/, ""))) {
      allow.hosts.push(entry.toLowerCase().replace(/\.$/, ""));
    } else {
      throw new Error(`"${entry}" is neither a host name, an IP address nor a CIDR range like 10.0.0.0/8`);
    }
  }
  return allow;
}
