import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listenOnLoopback } from "@/server/test/local-server";
import { parseOutboundAllow } from "@/server/env";
import { blockedAddress, OutboundRefusedError, outboundPolicy, outboundUrlProblem, postOutbound, type Resolver } from "./outbound";

/** DNS at the edge: a name answers with the given addresses, one list per lookup (the last repeats). */
function fakeDns(...answers: string[][]): Resolver & { calls: number } {
  const resolve = Object.assign(
    async () => {
      const answer = answers[Math.min(resolve.calls++, answers.length - 1)]!;
      return answer.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
    },
    { calls: 0 },
  );
  return resolve;
}

const closed = parseOutboundAllow("");
const reasonOf = async (url: string, policy = outboundPolicy(closed)) => (await outboundUrlProblem(url, policy))?.reason ?? null;

describe("address classification", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["127.255.0.9", "loopback"],
    ["::1", "loopback"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["10.0.0.5", "private"],
    ["172.16.3.4", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "private"],
    ["100.100.100.200", "private"],
    ["fd00:ec2::254", "private"],
    ["fc00::1", "private"],
    ["169.254.169.254", "link_local"],
    ["fe80::1%eth0", "link_local"],
    ["64:ff9b::a9fe:a9fe", "link_local"],
    ["0.0.0.0", "reserved"],
    ["::", "reserved"],
    ["224.0.0.1", "reserved"],
    ["ff02::1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["192.0.0.192", "reserved"],
    ["2001:db8::1", "reserved"],
  ])("%s is %s", (ip, kind) => {
    expect(blockedAddress(ip)?.kind).toBe(kind);
  });

  it.each(["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111", "::ffff:8.8.8.8", "100.128.0.1", "172.32.0.1"])("%s is public", (ip) => {
    expect(blockedAddress(ip)).toBeNull();
  });
});

describe("checking a URL when it is saved", () => {
  it("refuses internal targets, naming why", async () => {
    expect(await reasonOf("https://127.0.0.1:9/")).toBe("loopback");
    expect(await reasonOf("https://169.254.169.254/latest/meta-data/")).toBe("link_local");
    expect(await reasonOf("https://[::1]:5432/")).toBe("loopback");
    expect(await reasonOf("https://[::ffff:10.0.0.5]/")).toBe("private");
    expect(await reasonOf("https://10.0.0.5/")).toBe("private");
    expect(await reasonOf("https://0.0.0.0/")).toBe("reserved");
    // The URL parser reads 2130706433 and 0x7f.1 as 127.0.0.1.
    expect(await reasonOf("https://2130706433/")).toBe("loopback");
    expect(await reasonOf("https://0x7f.1/")).toBe("loopback");
    expect(await reasonOf("https://localhost:5432/")).toBe("loopback");
    const problem = await outboundUrlProblem("https://hooks.example.org/", outboundPolicy(closed, fakeDns(["93.184.216.34", "10.1.2.3"])));
    expect(problem).toMatchObject({ reason: "private", message: expect.stringContaining("hooks.example.org resolves to a private address") });
  });

  it("requires https, and accepts a public https host", async () => {
    expect(await reasonOf("http://hooks.example.org/", outboundPolicy(closed, fakeDns(["93.184.216.34"])))).toBe("https");
    expect(await reasonOf("ftp://hooks.example.org/")).toBe("https");
    expect(await reasonOf("http://127.0.0.1:9/")).toBe("https");
    expect(await reasonOf("https://hooks.example.org/", outboundPolicy(closed, fakeDns(["93.184.216.34"])))).toBeNull();
  });

  it("lets the operator allow internal hosts and ranges, over http too", async () => {
    const onPremises = outboundPolicy(parseOutboundAllow("hooks.hospital.lan, 10.20.0.0/16"), fakeDns(["10.20.1.1"]));
    expect(await reasonOf("http://hooks.hospital.lan/crisis", onPremises)).toBeNull();
    expect(await reasonOf("http://10.20.3.4:8080/", onPremises)).toBeNull();
    expect(await reasonOf("https://pager.hospital.lan/", onPremises)).toBeNull(); // resolves into the allowed range
    expect(await reasonOf("http://pager.hospital.lan/", onPremises)).toBeNull();
    expect(await reasonOf("https://10.21.0.1/", onPremises)).toBe("private");
    expect(await reasonOf("https://127.0.0.1/", onPremises)).toBe("loopback");
  });
});

describe("posting to a URL", () => {
  const received: string[] = [];
  let receiver: Awaited<ReturnType<typeof listenOnLoopback>>;
  let redirector: Awaited<ReturnType<typeof listenOnLoopback>>;
  const port = () => new URL(receiver.origin).port;
  const post = (url: string, policy: ReturnType<typeof outboundPolicy>) => postOutbound(url, { headers: { "content-type": "text/plain" }, body: "hello", timeoutMs: 5_000 }, policy);

  beforeAll(async () => {
    receiver = await listenOnLoopback(
      http.createServer((req, res) => {
        let body = "";
        req.on("data", (c) => (body += c));
        req.on("end", () => {
          received.push(`${req.url} ${body}`);
          res.writeHead(200).end();
        });
      }),
    );
    redirector = await listenOnLoopback(http.createServer((_req, res) => res.writeHead(307, { location: `${receiver.origin}/redirected` }).end()));
  });
  afterAll(async () => {
    await receiver.close();
    await redirector.close();
  });

  it("refuses a loopback receiver without the allow-list and delivers to it with it", async () => {
    await expect(post(`${receiver.origin}/closed`, outboundPolicy(closed))).rejects.toMatchObject({ reason: "https" });
    await expect(post(`https://127.0.0.1:${port()}/closed`, outboundPolicy(closed))).rejects.toMatchObject({ reason: "loopback" });
    expect(received).toEqual([]);
    expect(await post(`${receiver.origin}/open`, outboundPolicy(parseOutboundAllow("127.0.0.1")))).toEqual({ status: 200, body: "" });
    expect(received).toEqual(["/open hello"]);
  });

  it("connects to the address it checked: a name rebound to loopback after the save is refused at delivery", async () => {
    const rebinding = fakeDns(["93.184.216.34"], ["127.0.0.1"]);
    const policy = outboundPolicy(closed, rebinding);
    const url = `https://rebind.example:${port()}/rebound`;
    expect(await outboundUrlProblem(url, policy)).toBeNull();
    const refused = await post(url, policy).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OutboundRefusedError);
    expect(refused).toMatchObject({ reason: "loopback", message: expect.stringContaining("rebind.example resolves to a loopback address") });
    expect(rebinding.calls).toBe(2);
    // The connection goes where the policy's resolver said (no system DNS knows this name).
    expect(await post(`http://pager.example:${port()}/resolved`, outboundPolicy(parseOutboundAllow("127.0.0.0/8"), fakeDns(["127.0.0.1"])))).toMatchObject({ status: 200 });
    expect(received.at(-1)).toBe("/resolved hello");
    expect(received.some((r) => r.startsWith("/rebound"))).toBe(false);
  });

  it("does not follow redirects", async () => {
    const count = received.length;
    expect(await post(`${redirector.origin}/hook`, outboundPolicy(parseOutboundAllow("127.0.0.1")))).toMatchObject({ status: 307 });
    expect(received).toHaveLength(count);
  });
});
