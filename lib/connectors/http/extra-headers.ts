// Extra headers a connector sends with each call, as its config gives them: valid names, values on
// one line, and none of the headers the portal sets itself. Authorization is refused too: these
// headers are shown on screens and in logs, so they must not carry credentials; each connector
// says where credentials go instead. Shared by the http and rest connectors.
import { z } from "zod";

export const headerName = z.string().regex(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, "a header name is letters, digits and dashes");

/** `credentialsGo` ends the refusal of Authorization: ", and requests are signed", "; use auth". */
export function extraHeaders(reserved: string[], credentialsGo: string) {
  const value = z
    .string()
    .max(1000)
    .regex(/^[^\r\n\0]*$/, "a header value cannot contain line breaks");
  return z.record(headerName, value).superRefine((headers, ctx) => {
    for (const name of Object.keys(headers)) {
      if (!reserved.includes(name.toLowerCase())) continue;
      ctx.addIssue({
        code: "custom",
        path: [name],
        message:
          name.toLowerCase() === "authorization"
            ? `${name} cannot be set here: these headers are not kept secret${credentialsGo}`
            : `${name} cannot be set here: the portal sets it`,
      });
    }
  });
}
