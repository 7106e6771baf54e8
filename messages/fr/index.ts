// The French catalogue: the same keys and arguments as the English one (lib/i18n/catalogue.test.ts;
// `satisfies` makes a missing namespace or key a type error too).
import type en from "../en/index.ts";
import emails from "./emails.json";
import publicCommon from "./public-common.json";
import publicForm from "./public-form.json";
import publicPrivacy from "./public-privacy.json";
import publicStatus from "./public-status.json";
import staffErrors from "./staff-errors.json";
import staffLabels from "./staff-labels.json";
import staffShell from "./staff-shell.json";
import validation from "./validation.json";

export default {
  emails,
  publicCommon,
  publicForm,
  publicPrivacy,
  publicStatus,
  staffErrors,
  staffLabels,
  staffShell,
  validation,
} satisfies typeof en;
