// The French catalogue: the same keys and arguments as the English one (lib/i18n/catalogue.test.ts;
// `satisfies` makes a missing namespace or key a type error too).
import type en from "../en/index.ts";
import staffAccount from "./staff-account.json";
import staffAuth from "./staff-auth.json";
import staffEmails from "./staff-emails.json";
import staffErrors from "./staff-errors.json";
import staffLabels from "./staff-labels.json";
import staffShell from "./staff-shell.json";

export default { staffAccount, staffAuth, staffEmails, staffErrors, staffLabels, staffShell } satisfies typeof en;
