// What the staff form calls a connector's secret field: words an administrator recognises, not the
// config path (which the form shows beside it, for the connectors file).
const labels: Record<string, string> = {
  "auth.token": "API token",
  "auth.password": "Password or API token",
  "auth.value": "API key",
  "auth.clientSecret": "Client secret",
  secret: "Signing key",
  url: "Address (URL)",
  hashSalt: "Hashing salt",
};

export function secretFieldLabel(name: string): string {
  const known = labels[name];
  if (known) return known;
  const last = name.split(".").at(-1) ?? name;
  const words = last.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
