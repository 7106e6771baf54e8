// The `rest` connector: a SaaS tool (a payment provider, a help desk, a CRM) described in the
// connectors file instead of code. The config (config.ts) says how to authenticate, how to find
// the person (a search by the verified email, results checked again here), what to read per
// category, how to erase and rectify. Templates for common tools are in templates/. Every call
// goes through the http connector's address guard (CONNECTOR_ALLOWED_HOSTS).
import type { ConnectorType } from "../connector.ts";
import { accessRecords } from "./access.ts";
import { RestClient } from "./client.ts";
import { type RestConfig, restConfigSchema, restSecretPaths } from "./config.ts";
import { eraseRecords } from "./erase.ts";
import { prepare } from "./pagination.ts";
import { rectifyRecords } from "./rectify.ts";
import { RestConnectorError } from "./rest-error.ts";

export { type RestConfig, restConfigSchema } from "./config.ts";
export { RestConnectorError } from "./rest-error.ts";

/** Who "Test" looks for when it runs the find request: an address that cannot belong to anyone (RFC 2606). */
const NOBODY = { email: "connection-test@example.invalid", accountId: "connection-test" };

export const restConnector: ConnectorType<RestConfig> = {
  type: "rest",
  configSchema: restConfigSchema,
  secretPaths: restSecretPaths,
  // The person found (find.category) and each list of objects read for them.
  categories: (config) =>
    [config.find.category, ...config.objects.map((object) => object.category)].map((name) => ({ name, reference: false })),

  async test(config) {
    // Authentication and reachability only: the status and the time taken, never the answer.
    const client = new RestClient(config);
    const request = config.test ?? config.find.request;
    const call = prepare(config, request, NOBODY, config.test ? "test" : "find");
    const started = performance.now();
    try {
      const answer = await client.send(call);
      const ms = Math.round(performance.now() - started);
      if (answer.status === 401 || answer.status === 403) {
        return { ok: false, message: `${client.origin} refused the credentials (${answer.status} to ${call.label}, ${ms} ms); check auth` };
      }
      if ((answer.status >= 200 && answer.status <= 299) || (answer.status === 404 && !config.test)) {
        return { ok: true, message: `${client.origin} accepted the credentials: ${call.label} answered ${answer.status} in ${ms} ms` };
      }
      return { ok: false, message: `${client.origin} answered ${answer.status} to ${call.label} in ${ms} ms` };
    } catch (error) {
      if (!(error instanceof RestConnectorError)) return { ok: false, message: `The test call to ${client.origin} failed` };
      return { ok: false, message: error.withoutAnswer };
    }
  },

  access: accessRecords,
  erase: eraseRecords,
  rectify: rectifyRecords,
};
