// What the "add a connector" form offers: each type's secret fields and a starting config (the
// part that is not secret) to adapt, in the connectors file's YAML.

import { type SecretField, secretFields } from "./connector-secrets.ts";
import { connectorTypeNames } from "./registry.ts";
import { type RestTemplate, restTemplates } from "./rest/templates.ts";

/** The tables of an SQL source, the same for every SQL engine. */
const sqlTables = `tables:
  - table: customers
    identity: { email: email }
    erase: { strategy: mask, columns: { email: hash, name: redact } }
  - table: orders
    via: { parent: customers, column: customer_id, parentColumn: id }
    erase: { strategy: retain, reason: "Invoices are kept 10 years as tax law requires" }
`;

const examples: Record<string, string> = {
  postgres: `schema: public\n${sqlTables}`,
  mysql: sqlTables,
  http: `timeoutSeconds: 30
callbackWaitMinutes: 60
`,
  rest: `# Describe the tool's API here, or start from a template above.
baseUrl: https://api.example.com
auth: { type: bearer }
find:
  request: { method: GET, path: /v1/customers, query: { email: "{email}" } }
  results: data
  emailField: email
`,
  opendsr: `# A processor speaking OpenDSR 2.0; apiSecret is entered above.
baseUrl: https://opendsr.processor.example/v2
apiKey: your-api-key
certificate: |
  -----BEGIN CERTIFICATE-----
  (the processor's certificate, which signs its callbacks)
  -----END CERTIFICATE-----
identityTypes: [email]
regulation: gdpr
pollIntervalMinutes: 60
waitDays: 30
`,
  manual: `instructions: "Find the person's paper forms in the archive and shred them; note how many pages."
owner: Office manager
`,
};

export function connectorFormOptions(): {
  secretsByType: Record<string, SecretField[]>;
  examples: Record<string, string>;
  /** Ready-made configs a type offers (rest: one per SaaS tool), to start from. */
  templatesByType: Record<string, RestTemplate[]>;
} {
  const rest = restTemplates();
  return {
    secretsByType: Object.fromEntries(connectorTypeNames.map((type) => [type, secretFields(type, null)])),
    examples: Object.fromEntries(connectorTypeNames.map((type) => [type, examples[type] ?? "{}\n"])),
    templatesByType: { rest },
  };
}
