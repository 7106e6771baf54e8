// Local ports of the end-to-end stack (chosen away from the demo's defaults). E2E_PORT_OFFSET moves
// all three, so two checkouts on one machine can run their suites side by side.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0) || 0;
export const e2ePorts = { web: 3210 + offset, smtp: 2526 + offset, inbox: 2581 + offset } as const;
export const e2eInboxUrl = `http://127.0.0.1:${e2ePorts.inbox}`;
export const e2eStateFile = new URL("../../test-results/e2e-state.json", import.meta.url).pathname;
/** Every line the stack's processes print (web.log, workers.log), for specs that read the logs. */
export const e2eLogDir = new URL("../../test-results/e2e-logs/", import.meta.url).pathname;
