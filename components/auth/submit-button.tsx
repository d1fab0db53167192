import { Button } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";

/** A full-width submit button that shows a spinner and its pending label while the action runs. */
export function SubmitButton({ pending, label, pendingLabel }: { pending: boolean; label: string; pendingLabel: string }) {
  return (
    <Button type="submit" size="lg" disabled={pending} aria-disabled={pending} className="w-full">
      {pending ? (
        <>
          <Spinner />
          {pendingLabel}
        </>
      ) : (
        label
      )}
    </Button>
  );
}
