import { EmbedEscape } from "@/components/widget/embed-escape";

/** Embed pages (the chat widget's frame): no site header or footer, just the chat filling the frame. */
export default function EmbedLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-2xl flex-col gap-3 bg-white px-4 pt-3">
      <EmbedEscape />
      {children}
    </main>
  );
}
