import dns from "node:dns";
import http from "node:http";
import https from "node:https";
import net, { BlockList } from "node:net";
import { getConfig } from "@/server/env";
import type { OutboundAllow } from "@/server/env";

/**
 * The guard of every URL an organization can make Fenshen call (today: crisis webhooks). An admin of
 * any self-registered organization must not be able to aim the server at itself, the hospital's
 * network or a cloud metadata service: https only, public addresses only, checked when the URL is
 * saved and again on the address actually connected to (so DNS rebinding fails), no redirects. An
 * on-premises operator may allow internal hosts and ranges with OUTBOUND_ALLOW; those may use http.
 */

/** Why an address is refused; the UI words each one. */
export type BlockedKind = "loopback" | "private" | "link_local" | "reserved";
export type OutboundReason = "https" | BlockedKind;

const BLOCKED: [cidr: string, kind: BlockedKind, label: string][] = [
  ["0.0.0.0/8", "reserved", "an unspecified address"],
  ["10.0.0.0/8", "private", "a private address"],
  ["100.64.0.0/10", "private", "a carrier-grade NAT address (also Alibaba Cloud's metadata service)"],
  ["127.0.0.0/8", "loopback", "a loopback address (this server itself)"],
  ["169.254.0.0/16", "link_local", "a link-local address (cloud metadata services live here)"],
  ["172.16.0.0/12", "private", "a private address"],
  ["192.0.0.0/24", "reserved", "an IETF protocol address (Oracle Cloud's metadata service)"],
  ["192.0.2.0/24", "reserved", "a documentation address"],
  ["192.88.99.0/24", "reserved", "a 6to4 relay address"],
  ["192.168.0.0/16", "private", "a private address"],
  ["198.18.0.0/15", "reserved", "a benchmarking address"],
  ["198.51.100.0/24", "reserved", "a documentation address"],
  ["203.0.113.0/24", "reserved", "a documentation address"],
  ["224.0.0.0/4", "reserved", "a multicast address"],
  ["240.0.0.0/4", "reserved", "a reserved or broadcast address"],
  ["::/128", "reserved", "an unspecified address"],
  ["::1/128", "loopback", "a loopback address (this server itself)"],
  ["::/96", "reserved", "an IPv4-compatible address"],
  ["64:ff9b:1::/48", "reserved", "a local IPv4/IPv6 translation address"],
  ["100::/64", "reserved", "a discard-only address"],
  ["2001::/23", "reserved", "an IETF protocol address (Teredo and others)"],
  ["2001:db8::/32", "reserved", "a documentation address"],
  ["2002::/16", "reserved", "a 6to4 address"],
  ["fc00::/7", "private", "a unique-local address (AWS's IPv6 metadata service among them)"],
  ["fe80::/10", "link_local", "a link-local address"],
  ["fec0::/10", "private", "a site-local address"],
  ["ff00::/8", "reserved", "a multicast address"],
];

const blockLists = BLOCKED.map(([cidr, kind, label]) => {
  const [address, prefix] = cidr.split("/") as [string, string];
  const list = new BlockList();
  list.addSubnet(address, Number(prefix), net.isIP(address) === 4 ? "ipv4" : "ipv6");
  return { list, kind, label, family: net.isIP(address) === 4 ? ("ipv4" as const) : ("ipv6" as const) };
});

/** The eight 16-bit words of an IPv6 address (with or without a trailing dotted quad). */
function ipv6Words(ip: string): number[] {
  const hex = ip.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) => `${((+a << 8) | +b).toString(16)}:${((+c << 8) | +d).toString(16)}`);
  const [head = "", tail] = hex.split("::");
  const words = (part: string) => (part ? part.split(":").map((w) => parseInt(w, 16)) : []);
  const h = words(head);
  const t = words(tail ?? "");
  return tail === undefined ? h : [...h, ...Array<number>(8 - h.length - t.length).fill(0), ...t];
}

/**
 * The IPv4 address an IPv6 one stands for: IPv4-mapped (::ffff:a.b.c.d, the same host) or the
 * well-known NAT64 prefix (64:ff9b::/96, translated to it).
 */
function embeddedIPv4(ip: string, includeNat64: boolean): string | null {
  const w = ipv6Words(ip);
  const mapped = w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff;
  const nat64 = includeNat64 && w[0] === 0x64 && w[1] === 0xff9b && w.slice(2, 6).every((x) => x === 0);
  return mapped || nat64 ? [w[6]! >> 8, w[6]! & 255, w[7]! >> 8, w[7]! & 255].join(".") : null;
}

const withoutZone = (ip: string) => ip.replace(/%.*$/, "");

/** Why an IP address is not a public internet address, or null when it is. */
export function blockedAddress(ip: string): { kind: BlockedKind; label: string } | null {
  const address = withoutZone(ip);
  const family = net.isIP(address);
  if (family === 0) throw new Error(`Not an IP address: ${ip}`);
  if (family === 6) {
    const v4 = embeddedIPv4(address, true);
    if (v4) return blockedAddress(v4);
  }
  const type = family === 4 ? "ipv4" : "ipv6";
  const hit = blockLists.find((b) => b.family === type && b.list.check(address, type));
  return hit ? { kind: hit.kind, label: hit.label } : null;
}

export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolve: Resolver = (host) => dns.promises.lookup(host, { all: true, verbatim: true });

export interface OutboundPolicy {
  hosts: ReadonlySet<string>;
  ranges: BlockList;
  resolve: Resolver;
}

export function outboundPolicy(allow: OutboundAllow, resolve: Resolver = systemResolve): OutboundPolicy {
  const ranges = new BlockList();
  for (const r of allow.ranges) ranges.addSubnet(r.address, r.prefix, r.family);
  return { hosts: new Set(allow.hosts), ranges, resolve };
}

let cached: OutboundPolicy | undefined;

/** The policy of this process, from OUTBOUND_ALLOW. */
export function getOutboundPolicy(): OutboundPolicy {
  cached ??= outboundPolicy(getConfig().OUTBOUND_ALLOW);
  return cached;
}

function inAllowedRange(policy: OutboundPolicy, ip: string): boolean {
  const address = embeddedIPv4(withoutZone(ip), false) ?? withoutZone(ip);
  return policy.ranges.check(address, net.isIP(address) === 4 ? "ipv4" : "ipv6");
}

export class OutboundRefusedError extends Error {
  readonly reason: OutboundReason;

  constructor(reason: OutboundReason, message: string) {
    super(message);
    this.name = "OutboundRefusedError";
    this.reason = reason;
  }
}

const SAVE_RESOLVE_TIMEOUT_MS = 3_000;
const HTTPS_ONLY = "crisis alerts carry patient messages, so only hosts the operator allows (OUTBOUND_ALLOW) may use http.";

/** Why Fenshen will not connect to this address of `host`, or null. `needsAllowed`: plain http, so only an allowed address will do. */
function refuseAddress(policy: OutboundPolicy, host: string, ip: string, needsAllowed: boolean): OutboundRefusedError | null {
  if (inAllowedRange(policy, ip)) return null;
  if (needsAllowed) return new OutboundRefusedError("https", `Use an https:// address for ${host}: ${HTTPS_ONLY}`);
  const blocked = blockedAddress(ip);
  if (!blocked) return null;
  // A name's resolved address is not repeated: the message must not map the hosting network for an admin.
  const what = host === withoutZone(ip) ? `${ip} is` : `${host} resolves to`;
  return new OutboundRefusedError(
    blocked.kind,
    `${what} ${blocked.label}: Fenshen sends only to public addresses. An operator can allow an internal host with OUTBOUND_ALLOW.`,
  );
}

interface Target {
  url: URL;
  /** The host name without IPv6 brackets or a trailing dot. */
  host: string;
  /** A host name the operator listed: trusted whatever it resolves to. */
  listed: boolean;
  /** Plain http to a name not listed: allowed only if every address it resolves to is in an allowed range. */
  needsAllowed: boolean;
}

/** The checks that need no DNS: the scheme, and the address when the URL names one. */
function checkTarget(raw: string, policy: OutboundPolicy): Target {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefusedError("https", `"${raw}" is not a full URL.`);
  }
  const host = url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new OutboundRefusedError("https", `Use an https:// address (not ${url.protocol}//).`);
  }
  const listed = policy.hosts.has(host);
  const needsAllowed = url.protocol === "http:" && !listed;
  if (!listed && net.isIP(host) !== 0) {
    const refused = refuseAddress(policy, host, host, needsAllowed);
    if (refused) throw refused;
  }
  return { url, host, listed, needsAllowed };
}

/** Every address a name resolves to must pass: a name with one internal address is refused whole. */
async function checkedAddresses(policy: OutboundPolicy, target: Pick<Target, "host" | "needsAllowed">) {
  const addresses = await policy.resolve(target.host);
  for (const a of addresses) {
    const refused = refuseAddress(policy, target.host, a.address, target.needsAllowed);
    if (refused) throw refused;
  }
  return addresses;
}

/**
 * The check when a URL is saved: why Fenshen would refuse to send to it, or null. An https name
 * that does not resolve (yet) is accepted: delivery checks the address it connects to anyway.
 */
export async function outboundUrlProblem(raw: string, policy: OutboundPolicy): Promise<OutboundRefusedError | null> {
  try {
    const target = checkTarget(raw, policy);
    if (!target.listed && net.isIP(target.host) === 0) {
      const resolved = await Promise.race([
        checkedAddresses(policy, target).then(
          () => true,
          (e: unknown) => {
            if (e instanceof OutboundRefusedError) throw e;
            return false;
          },
        ),
        // A slow resolver must not hold the settings form; delivery checks again.
        new Promise<false>((r) => setTimeout(() => r(false), SAVE_RESOLVE_TIMEOUT_MS).unref()),
      ]);
      if (!resolved && target.needsAllowed) {
        return new OutboundRefusedError("https", `Use an https:// address for ${target.host} (it does not resolve here): ${HTTPS_ONLY}`);
      }
    }
    return null;
  } catch (e) {
    if (e instanceof OutboundRefusedError) return e;
    throw e;
  }
}

/**
 * net.connect's lookup: resolves the name with the policy's resolver and hands the socket only
 * addresses that passed the check, so the address checked is the address connected to.
 */
function guardedLookup(policy: OutboundPolicy, needsAllowed: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    checkedAddresses(policy, { host: hostname, needsAllowed }).then(
      (all) => {
        const wanted = options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        if (wanted.length === 0) {
          callback(Object.assign(new Error(`${hostname} has no IPv${options.family} address.`), { code: "ENOTFOUND" }), "", 0);
        } else if (options.all) {
          (callback as unknown as (e: null, all: dns.LookupAddress[]) => void)(null, wanted);
        } else {
          callback(null, wanted[0]!.address, wanted[0]!.family);
        }
      },
      (e: NodeJS.ErrnoException) => callback(e, "", 0),
    );
  };
}

/**
 * Whether the operator allowed this URL's host (OUTBOUND_ALLOW lists the name, or a range holds the
 * IP literal): such a host may stand in for a chat platform's (an on-premises relay, a test server).
 */
export function operatorAllowsHost(raw: string, policy: OutboundPolicy): boolean {
  const host = new URL(raw).hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase();
  return policy.hosts.has(host) || (net.isIP(host) !== 0 && inAllowedRange(policy, host));
}

/** The first bytes of an answer kept: enough for a platform's error code and message. */
const ANSWER_MAX_BYTES = 16 * 1024;

export interface OutboundAnswer {
  status: number;
  /** The response body, cut at ANSWER_MAX_BYTES. */
  body: string;
}

/**
 * POSTs to an organization-set URL under the policy and returns the response's status and body.
 * Redirects are not followed (a 3xx is just a status). Throws OutboundRefusedError when the target is refused.
 */
export function postOutbound(raw: string, request: { headers: Record<string, string>; body: string; timeoutMs: number }, policy: OutboundPolicy): Promise<OutboundAnswer> {
  let target: Target;
  try {
    target = checkTarget(raw, policy);
  } catch (e) {
    return Promise.reject(e);
  }
  const { url } = target;
  const transport = url.protocol === "https:" ? https : http;
  return new Promise<OutboundAnswer>((resolve, reject) => {
    const req = transport.request(
      url,
      {
        method: "POST",
        headers: { ...request.headers, "content-length": String(Buffer.byteLength(request.body)) },
        // No pooled sockets: each delivery resolves and checks again. Node calls no lookup for an IP
        // literal (checkTarget checked it) and a listed name is the operator's to trust.
        agent: false,
        ...(target.listed || net.isIP(target.host) !== 0 ? {} : { lookup: guardedLookup(policy, target.needsAllowed) }),
        signal: AbortSignal.timeout(request.timeoutMs),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < ANSWER_MAX_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).subarray(0, ANSWER_MAX_BYTES).toString("utf8") }));
        // A timeout or a dropped connection mid-answer: the delivery is not known to have landed.
        res.on("close", () => {
          if (!res.complete) reject(new Error(`The answer from ${url.host} broke off.`));
        });
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (e instanceof OutboundRefusedError) reject(e);
      else if (e.name === "AbortError" || e.name === "TimeoutError") reject(new Error(`No answer within ${request.timeoutMs / 1000} s.`));
      else reject(new Error(`Could not connect to ${url.host}${e.code ? ` (${e.code})` : ""}.`));
    });
    req.end(request.body);
  });
}
