// React resets a form after its action runs, which would untick a dashboard's rows (their boxes
// belong to the form) and empty an explanation the server just refused. Submitting by hand keeps
// what staff typed; without JavaScript the form still posts to its action.
import { type FormEvent, startTransition } from "react";

export function submitKeepingValues(action: (data: FormData) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    startTransition(() => action(new FormData(event.currentTarget, submitter)));
  };
}
