// zod schemas name their messages by full catalogue key ("validation.email", messages/<locale>/
// validation.json), so each side shows them in its reader's language. Pure: the request form uses it
// in the browser with useTranslations, the server with translator (validation-messages.ts).
import english from "../../messages/en/validation.json";

export type ValidationKey = `validation.${keyof typeof english}`;

/** The catalogue key of a zod message; anything that is not one reads as "This value is not valid." */
export function validationKeyOf(message: string): ValidationKey {
  const name = message.startsWith("validation.") ? message.slice("validation.".length) : "";
  return Object.hasOwn(english, name) ? (message as ValidationKey) : "validation.invalid";
}

type Issue = { path: ReadonlyArray<PropertyKey>; message: string; code?: string; keys?: ReadonlyArray<string> };

/** zod issues as `{ path, message }`, each message said by `say`; an unknown field is named as its own issue. */
export function localiseIssuesWith(
  issues: ReadonlyArray<Issue>,
  say: (key: ValidationKey) => string,
): Array<{ path: string; message: string }> {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === "unrecognized_keys" && issue.keys?.length) {
      return issue.keys.map((key) => ({ path: [...base, key].join("."), message: say("validation.unknownField") }));
    }
    return [{ path: base.join("."), message: say(validationKeyOf(issue.message)) }];
  });
}
