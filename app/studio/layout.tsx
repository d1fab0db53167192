import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { SiteShell } from "@/components/shell/site-shell";
import { PATHNAME_HEADER } from "@/proxy";
import { auth } from "@/server/auth";
import { getCurrentActor } from "@/server/auth/current-actor";

/** The studio is for signed-in members only; others sign in and come back to the page they asked for. */
export default async function StudioLayout({ children }: { children: React.ReactNode }) {
  const session = await auth();
  if (!session?.user?.id) {
    const path = (await headers()).get(PATHNAME_HEADER) ?? "/studio";
    redirect(`/login?callbackUrl=${encodeURIComponent(path)}`);
  }
  // A patient account belongs to no organization: its place is the patient's history, not the studio.
  if (!(await getCurrentActor())) redirect("/me");
  return <SiteShell>{children}</SiteShell>;
}
