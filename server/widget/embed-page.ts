import { headers } from "next/headers";
import { getAuthSecret } from "@/server/auth/secret";
import type { Db } from "@/db/client";
import { embedAccess } from "./embed-access";
import { getWidgetPolicy } from "./widget.service";

/** The embed access of the current page request (embed pages only). */
export async function embedAccessForRequest(db: Db, orgId: string, search: { origin?: string | string[]; t?: string | string[] }) {
  const [h, policy] = await Promise.all([headers(), getWidgetPolicy(db, orgId)]);
  const one = (v: string | string[] | undefined) => (typeof v === "string" ? v.slice(0, 2000) : null);
  return embedAccess({
    orgId,
    policy,
    referer: h.get("referer"),
    originHint: one(search.origin),
    token: one(search.t),
    host: h.get("x-forwarded-host") ?? h.get("host"),
    secret: getAuthSecret(),
  });
}
