// The recipients of an activity or a category: who, what kind, where, and on what ground data goes
// outside the EEA. A table on a wide screen; on a phone each recipient is a block, each value named.
import type { RecordRecipient } from "@/lib/data-map/build-processing-record.ts";
import type { RecordTexts } from "./record-texts.ts";
import "./data-map.css";

export function RecordRecipients({ recipients, texts, caption }: { recipients: RecordRecipient[]; texts: RecordTexts; caption: string }) {
  if (recipients.length === 0) return <p>{texts.noRecipients}</p>;
  return (
    <div className="table-scroll">
      <table className="staff-table record-recipients">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{texts.recipientName}</th>
            <th scope="col">{texts.recipientKind}</th>
            <th scope="col">{texts.recipientCountry}</th>
            <th scope="col">{texts.recipientSafeguard}</th>
          </tr>
        </thead>
        <tbody>
          {recipients.map((recipient) => (
            <tr key={`${recipient.name}|${recipient.country?.code ?? ""}|${recipient.safeguard?.code ?? ""}`}>
              <th scope="row">
                {recipient.name}
                {recipient.purpose ? <span className="record-note">{recipient.purpose}</span> : null}
                {recipient.soldOrShared ? <span className="record-flag">{texts.soldOrShared}</span> : null}
              </th>
              <td data-label={texts.recipientKind}>{recipient.kind.label}</td>
              <td data-label={texts.recipientCountry}>
                {recipient.country?.label ?? "—"}
                {recipient.thirdCountry ? <span className="record-flag">{texts.thirdCountry}</span> : null}
              </td>
              <td data-label={texts.recipientSafeguard}>
                {recipient.safeguard?.label ?? (recipient.country && !recipient.thirdCountry ? texts.noSafeguardNeeded : "—")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
