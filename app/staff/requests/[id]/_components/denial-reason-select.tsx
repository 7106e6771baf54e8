// The reason for a refusal: none chosen at first, and the reasons that need an explanation say so.
// Shared by the request page's deny form and the dashboard's bulk deny.
import { useTranslations } from "next-intl";
import { DENIAL_REASONS } from "@/lib/requests/denial-reasons.ts";

/** The shared labels are lower case (they follow a colon elsewhere); an option starts with a capital. */
const reasonLabel = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

export function DenialReasonSelect(props: {
  id: string;
  value: string;
  onChange: (reason: string) => void;
  offered?: readonly string[];
  /** Not in the bulk form, whose other buttons (approve, assign) must post without a reason. */
  required?: boolean;
}) {
  const t = useTranslations("staffRequest.deny");
  const labels = useTranslations("staffLabels.denialReason");
  const options = DENIAL_REASONS.filter((option) => !props.offered || props.offered.includes(option.value));
  return (
    <select
      id={props.id}
      name="reason"
      className="select"
      required
      value={props.value}
      onChange={(event) => props.onChange(event.target.value)}
    >
      <option value="">{t("chooseReason")}</option>
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.needsExplanation ? t("explainIt", { reason: reasonLabel(labels(option.value)) }) : reasonLabel(labels(option.value))}
        </option>
      ))}
    </select>
  );
}
