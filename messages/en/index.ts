// The English catalogue, the reference for every other language (see lib/i18n/catalogue.ts).
import staffAccount from "./staff-account.json";
import staffAuth from "./staff-auth.json";
import staffEmails from "./staff-emails.json";
import staffErrors from "./staff-errors.json";
import staffLabels from "./staff-labels.json";
import staffShell from "./staff-shell.json";

export default { staffAccount, staffAuth, staffEmails, staffErrors, staffLabels, staffShell };
