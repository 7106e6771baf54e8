// The French catalogue: the same keys and arguments as the English one (lib/i18n/catalogue.test.ts;
// `satisfies` makes a missing namespace or key a type error too).
import type en from "../en/index.ts";
import staffErrors from "./staff-errors.json";
import staffLabels from "./staff-labels.json";
import staffRequest from "./staff-request.json";
import staffRequests from "./staff-requests.json";
import staffShell from "./staff-shell.json";
import staffTimeline from "./staff-timeline.json";

export default { staffErrors, staffLabels, staffRequest, staffRequests, staffShell, staffTimeline } satisfies typeof en;
