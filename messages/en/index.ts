// The English catalogue, the reference for every other language (see lib/i18n/catalogue.ts).
import staffErrors from "./staff-errors.json";
import staffLabels from "./staff-labels.json";
import staffShell from "./staff-shell.json";

export default { staffErrors, staffLabels, staffShell };
