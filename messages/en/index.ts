// The English catalogue, the reference for every other language (see lib/i18n/catalogue.ts).
import emails from "./emails.json";
import publicCommon from "./public-common.json";
import publicForm from "./public-form.json";
import publicPrivacy from "./public-privacy.json";
import publicStatus from "./public-status.json";
import staffErrors from "./staff-errors.json";
import staffLabels from "./staff-labels.json";
import staffShell from "./staff-shell.json";
import validation from "./validation.json";

export default { emails, publicCommon, publicForm, publicPrivacy, publicStatus, staffErrors, staffLabels, staffShell, validation };
