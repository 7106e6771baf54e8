// Who answers for the processing (Art. 30(1)(a)), who the data is about (c) and how it is
// protected (g). Only a web address becomes a link: the map is typed by people.

import type { RecordTexts } from "@/app/staff/_components/data-map/record-texts.ts";
import type { ProcessingRecord } from "@/lib/data-map/build-processing-record.ts";

export function RecordController({ record, texts }: { record: ProcessingRecord; texts: RecordTexts }) {
  const controller = record.controller;
  const person = (who: { name: string | null; email: string } | null) =>
    who ? (
      <>
        {who.name ? `${who.name}, ` : null}
        <a href={`mailto:${who.email}`}>{who.email}</a>
      </>
    ) : (
      texts.none
    );
  return (
    <>
      <section aria-labelledby="controller-title">
        <h2 id="controller-title">{texts.controllerTitle}</h2>
        {controller ? (
          <dl className="report-definitions">
            <div>
              <dt>{texts.name}</dt>
              <dd>{controller.name}</dd>
            </div>
            <div>
              <dt>{texts.address}</dt>
              <dd className="record-multiline">{controller.address}</dd>
            </div>
            <div>
              <dt>{texts.contact}</dt>
              <dd>
                <a href={`mailto:${controller.contactEmail}`}>{controller.contactEmail}</a>
              </dd>
            </div>
            <div>
              <dt>{texts.dpo}</dt>
              <dd>{person(controller.dataProtectionOfficer)}</dd>
            </div>
            <div>
              <dt>{texts.representative}</dt>
              <dd>{person(controller.representative)}</dd>
            </div>
            <div>
              <dt>{texts.authority}</dt>
              <dd>
                {/^https?:\/\//i.test(controller.supervisoryAuthority.url) ? (
                  <a href={controller.supervisoryAuthority.url}>{controller.supervisoryAuthority.name}</a>
                ) : (
                  `${controller.supervisoryAuthority.name} (${controller.supervisoryAuthority.url})`
                )}
              </dd>
            </div>
          </dl>
        ) : (
          <p className="message message--error">{texts.controllerMissing}</p>
        )}
      </section>
      <section aria-labelledby="subjects-title">
        <h2 id="subjects-title">{texts.subjectsTitle}</h2>
        {record.dataSubjects.length ? (
          <ul>
            {record.dataSubjects.map((subject) => (
              <li key={subject}>{subject}</li>
            ))}
          </ul>
        ) : (
          <p>{texts.notSet}</p>
        )}
      </section>
      <section aria-labelledby="security-title">
        <h2 id="security-title">{texts.securityTitle}</h2>
        <p className="record-multiline">{record.securityMeasures ?? texts.notSet}</p>
      </section>
    </>
  );
}
