import { startTransition } from "react";

/**
 * React resets a form after its action runs, which would wipe what the person typed when sign-in
 * fails. Submitting through onSubmit keeps the values; the form's action attribute still works without JS.
 */
export function submitKeepingValues(action: (data: FormData) => void) {
  return (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
}
