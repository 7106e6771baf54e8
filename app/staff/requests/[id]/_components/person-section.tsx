// Who asked and what for: the details the person gave, in full (staff only).
import type { RequestDetails } from "@/lib/requests/get-request-details.ts";
import { formatInstant, words } from "./format.ts";

export function PersonSection({ details, timeZone }: { details: RequestDetails; timeZone: string }) {
  const { person, request } = details;
  return (
    <section aria-labelledby="person-heading" className="request-section">
      <h2 id="person-heading">Person</h2>
      {request.purgedAt ? (
        <p className="notice">The personal details were removed on {formatInstant(request.purgedAt, timeZone)} (retention).</p>
      ) : null}
      <dl className="facts">
        <dt>Email</dt>
        <dd>{person.email ?? "—"}</dd>
        <dt>Name</dt>
        <dd>{person.fullName ?? "—"}</dd>
        {person.accountId ? (
          <>
            <dt>Account id</dt>
            <dd>{person.accountId}</dd>
          </>
        ) : null}
        <dt>Country / region</dt>
        <dd>
          {person.country}
          {person.region ? ` / ${person.region}` : ""}
        </dd>
        <dt>Language</dt>
        <dd>{person.locale === "fr" ? "French" : "English"}</dd>
        <dt>Right</dt>
        <dd>{words(request.type)}</dd>
        <dt>Channel</dt>
        <dd>{words(request.channel)}</dd>
        <dt>Received</dt>
        <dd>{formatInstant(request.receivedAt, timeZone)}</dd>
        <dt>Verified</dt>
        <dd>{request.verifiedAt ? formatInstant(request.verifiedAt, timeZone) : "not yet"}</dd>
      </dl>
      <h3>What they asked</h3>
      {person.details ? <p className="prewrap">{person.details}</p> : <p>No details given.</p>}
      {person.corrections.length > 0 ? (
        <table className="staff-table">
          <caption>Corrections asked for</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Current value</th>
              <th scope="col">Correct value</th>
            </tr>
          </thead>
          <tbody>
            {person.corrections.map((correction) => (
              <tr key={correction.field}>
                <td>{correction.field}</td>
                <td>{correction.currentValue ?? "—"}</td>
                <td>{correction.correctValue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
