// The English catalogue, the reference for every other language (see lib/i18n/catalogue.ts).
import staffAgents from "./staff-agents.json";
import staffErrors from "./staff-errors.json";
import staffLabels from "./staff-labels.json";
import staffPages from "./staff-pages.json";
import staffQueues from "./staff-queues.json";
import staffReports from "./staff-reports.json";
import staffShell from "./staff-shell.json";
import staffUsers from "./staff-users.json";

export default { staffAgents, staffErrors, staffLabels, staffPages, staffQueues, staffReports, staffShell, staffUsers };
