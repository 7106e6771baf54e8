// Who asked and what for: the details the person gave, in full (staff only).
import { useLocale, useTranslations } from "next-intl";
import { describePlace } from "@/lib/geo/describe-place.ts";
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { confirmAccountIdAction } from "../actions.ts";
import { ActionForm } from "./action-form.tsx";
import { formatInstant } from "./format.ts";

export function PersonSection({ details, timeZone, canDecide }: { details: RequestDetails; timeZone: string; canDecide: boolean }) {
  const { person, request } = details;
  const confirmation = person.accountIdConfirmation;
  const t = useTranslations("staffRequest");
  const labels = useTranslations("staffLabels");
  const locale = useLocale();
  const at = (date: Date) => formatInstant(date, locale, timeZone);
  return (
    <section aria-labelledby="person-heading" className="request-section">
      <h2 id="person-heading">{t("person.heading")}</h2>
      {request.purgedAt ? <p className="notice">{t("person.purged", { at: at(request.purgedAt) })}</p> : null}
      <dl className="facts">
        <dt>{t("person.email")}</dt>
        <dd>{person.email ?? "—"}</dd>
        <dt>{t("person.name")}</dt>
        <dd>{person.fullName ?? "—"}</dd>
        {person.accountId ? (
          <>
            <dt>{t("person.accountId")}</dt>
            <dd>
              {person.accountId}
              <p className={confirmation ? "hint" : "hint account-id-unconfirmed"} id="account-id-state">
                {confirmation ? t("person.confirmedBy", { by: confirmation.by, at: at(confirmation.at) }) : t("person.notConfirmed")}
              </p>
              {canDecide && details.actions.confirmAccountId ? (
                <ActionForm
                  action={confirmAccountIdAction}
                  reference={request.reference}
                  hidden={{ confirmed: confirmation ? "false" : "true" }}
                  submitLabel={confirmation ? t("person.takeBack") : t("person.confirm")}
                  secondary
                >
                  {confirmation ? null : <p className="hint">{t("person.confirmHint")}</p>}
                </ActionForm>
              ) : null}
            </dd>
          </>
        ) : null}
        <dt>{t("person.country")}</dt>
        <dd>{describePlace(person.country, person.region, locale === "fr" ? "fr" : "en")}</dd>
        <dt>{t("person.language")}</dt>
        <dd>{t(person.locale === "fr" ? "language.fr" : "language.en")}</dd>
        <dt>{t("person.right")}</dt>
        <dd>{labels(`right.${request.type}`)}</dd>
        <dt>{t("person.channel")}</dt>
        <dd>{labels(`channel.${request.channel}`)}</dd>
        <dt>{t("person.received")}</dt>
        <dd>{at(request.receivedAt)}</dd>
        <dt>{t("person.verified")}</dt>
        <dd>{request.verifiedAt ? at(request.verifiedAt) : t("person.notYet")}</dd>
      </dl>
      <h3>{t("person.asked")}</h3>
      {person.details ? <p className="prewrap">{person.details}</p> : <p>{t("person.noDetails")}</p>}
      {person.corrections.length > 0 ? <p>{t("person.seeCorrections")}</p> : null}
    </section>
  );
}
