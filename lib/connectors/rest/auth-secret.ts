// Which secret each kind of rest auth uses: the config keeps only that one (a kind changed on the
// form leaves no old secret stored) and the staff form shows only its field.
export const authSecretOf: Record<string, string | null> = {
  none: null,
  bearer: "token",
  basic: "password",
  apiKey: "value",
  oauth2: "clientSecret",
};
