// The English catalogue, the reference for every other language (see lib/i18n/catalogue.ts).
import staffErrors from "./staff-errors.json";
import staffLabels from "./staff-labels.json";
import staffRequest from "./staff-request.json";
import staffRequests from "./staff-requests.json";
import staffShell from "./staff-shell.json";
import staffTimeline from "./staff-timeline.json";

export default { staffErrors, staffLabels, staffRequest, staffRequests, staffShell, staffTimeline };
