// Links the person receives. Tokens travel only in these links, never stored in clear.
import { env } from "../env.ts";
import type { Locale } from "./request-input.schema.ts";

function appUrl(path: string): string {
  return new URL(path, env().APP_URL).toString();
}

export const publicUrls = {
  verify: (locale: Locale, token: string) => appUrl(`/${locale}/verify/${token}`),
  status: (locale: Locale, token: string) => appUrl(`/${locale}/status/${token}`),
  newRequest: (locale: Locale) => appUrl(`/${locale}`),
  download: (locale: Locale, token: string) => appUrl(`/${locale}/download/${token}`),
};
