// The French catalogue: the same keys and arguments as the English one (lib/i18n/catalogue.test.ts;
// `satisfies` makes a missing namespace or key a type error too).
import type en from "../en/index.ts";
import emails from "./emails.json";
import publicCommon from "./public-common.json";
import publicForm from "./public-form.json";
import publicPrivacy from "./public-privacy.json";
import publicStatus from "./public-status.json";
import staffAccount from "./staff-account.json";
import staffAgents from "./staff-agents.json";
import staffAuth from "./staff-auth.json";
import staffChecks from "./staff-checks.json";
import staffConnectors from "./staff-connectors.json";
import staffDataMap from "./staff-data-map.json";
import staffEmails from "./staff-emails.json";
import staffErrors from "./staff-errors.json";
import staffLabels from "./staff-labels.json";
import staffPages from "./staff-pages.json";
import staffQueues from "./staff-queues.json";
import staffReports from "./staff-reports.json";
import staffRequest from "./staff-request.json";
import staffRequests from "./staff-requests.json";
import staffSettings from "./staff-settings.json";
import staffShell from "./staff-shell.json";
import staffTimeline from "./staff-timeline.json";
import staffUsers from "./staff-users.json";
import validation from "./validation.json";

export default {
  emails,
  publicCommon,
  publicForm,
  publicPrivacy,
  publicStatus,
  staffAccount,
  staffAgents,
  staffAuth,
  staffChecks,
  staffConnectors,
  staffDataMap,
  staffEmails,
  staffErrors,
  staffLabels,
  staffPages,
  staffQueues,
  staffReports,
  staffRequest,
  staffRequests,
  staffSettings,
  staffShell,
  staffTimeline,
  staffUsers,
  validation,
} satisfies typeof en;
