// Fixed local ports of the end-to-end stack (chosen away from the demo's defaults).
export const e2ePorts = { web: 3210, smtp: 2526, inbox: 2581 } as const;
export const e2eInboxUrl = `http://127.0.0.1:${e2ePorts.inbox}`;
export const e2eStateFile = new URL("../../test-results/e2e-state.json", import.meta.url).pathname;
