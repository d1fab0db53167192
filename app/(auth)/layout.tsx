import { SiteShell } from "@/components/shell/site-shell";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <SiteShell className="max-w-md">{children}</SiteShell>;
}
