import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function StaffNotFound() {
  const t = await getTranslations("staffPages");
  return (
    <div className="staff-page">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body")}</p>
      <p>
        <Link href="/staff/requests">{t("backToRequests")}</Link>
      </p>
    </div>
  );
}
