import { NotFoundMessage } from "@/components/shell/not-found-message";
import { SiteShell } from "@/components/shell/site-shell";

/** Unknown URLs: rendered in the root layout only, so it brings the site shell itself. */
export default function NotFound() {
  return (
    <SiteShell>
      <NotFoundMessage />
    </SiteShell>
  );
}
