// The French catalogue: the same keys and arguments as the English one (lib/i18n/catalogue.test.ts;
// `satisfies` makes a missing namespace or key a type error too).
import type en from "../en/index.ts";
import staffErrors from "./staff-errors.json";
import staffLabels from "./staff-labels.json";
import staffShell from "./staff-shell.json";

export default { staffErrors, staffLabels, staffShell } satisfies typeof en;
