import { SettingsNav } from "@/components/org/settings-nav";

/** Every settings page shares the navigation between them. */
export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-6">
      <SettingsNav />
      {children}
    </div>
  );
}
