import { describe, expect, it } from "vitest";
import { EMAIL_LOCALES } from "./components/i18n.ts";
import { type EmailTemplateProps, renderEmail } from "./render-email.ts";

const companyName = "Acme & Fils";
const statusUrl = "https://portal.example/status/abc123";
const downloadUrl = "https://portal.example/en/download/d0wnl0ad-t0k3n";

const packageReady: EmailTemplateProps<"package-ready"> = {
  companyName,
  reference: "DSAR-2024-0101",
  type: "access",
  downloadUrl,
  expiresOn: "2024-12-20",
  maxDownloads: 3,
  sources: [
    { name: "CRM", records: 1234 },
    { name: "Billing", records: 0 },
    { name: "Newsletter", records: 1 },
  ],
  statusUrl,
};

const erasureCompleted: EmailTemplateProps<"erasure-completed"> = {
  companyName,
  reference: "DSAR-2024-0102",
  sources: [
    { name: "CRM", erased: 12, retained: [] },
    {
      name: "Billing",
      erased: 0,
      retained: [{ category: "Invoices", rows: 3, reason: "French Commercial Code art. L123-22: invoices are kept 10 years." }],
    },
    { name: "Newsletter", erased: 0, retained: [] },
  ],
  statusUrl,
};

const rectificationCompleted: EmailTemplateProps<"rectification-completed"> = {
  companyName,
  reference: "DSAR-2024-0103",
  corrections: [
    {
      label: "Postal address",
      state: "corrected",
      places: [
        { source: "CRM", category: "contacts" },
        { source: "Shop", category: "Your account" },
      ],
    },
    { label: "Surname", state: "corrected-by-staff", places: [] },
    { label: "My loyalty tier is wrong", state: "not-corrected", places: [] },
  ],
  message: "Loyalty tiers follow from your orders; we cannot change them by hand.",
  statusUrl,
};

const samples = [
  ["package-ready", packageReady],
  ["erasure-completed", erasureCompleted],
  ["rectification-completed", rectificationCompleted],
] as const;

describe.each(samples)("%s", (name, props) => {
  it.each(EMAIL_LOCALES)("renders in %s with the reference, the status link and no markup of its own", async (locale) => {
    const email = await renderEmail(name, locale, props);
    expect(email.html).toContain(`lang="${locale}"`);
    expect(email.html).toContain("Acme &amp; Fils");
    expect(email.subject).toContain("Acme & Fils");
    expect(email.subject).toContain(props.reference);
    expect(email.text).toContain(props.reference);
    expect(email.text).toContain(statusUrl);
    expect(email.html).not.toMatch(/<img|<script/i);
  });

  it("has a different subject and text in English and in French", async () => {
    const en = await renderEmail(name, "en", props);
    const fr = await renderEmail(name, "fr", props);
    expect(fr.subject).not.toBe(en.subject);
    expect(fr.text).not.toBe(en.text);
    expect(fr.subject).toContain("\u00a0: demande");
  });

  it("rejects a field it does not expect", async () => {
    await expect(renderEmail(name, "en", { ...props, refrence: "DSAR-1" })).rejects.toThrow(new RegExp(`"${name}".*refrence`));
  });

  it("rejects a missing or non-web status link", async () => {
    await expect(renderEmail(name, "en", { ...props, statusUrl: undefined })).rejects.toThrow(/statusUrl/);
    await expect(renderEmail(name, "en", { ...props, statusUrl: "javascript:alert(1)" })).rejects.toThrow(/statusUrl/);
  });
});

describe("package-ready", () => {
  it("gives the download link, its limits and the package contents in English", async () => {
    const { subject, text } = await renderEmail("package-ready", "en", packageReady);
    expect(subject).toBe("Your data is ready to download: request DSAR-2024-0101 to Acme & Fils");
    expect(text).toContain(downloadUrl);
    expect(text).toContain("The link works until Friday 20 December 2024, for up to 3 downloads.");
    expect(text).toContain("ZIP");
    expect(text).toContain("index.html");
    expect(text).toContain("We delete the file from our servers after that date.");
    expect(text).toContain("CRM: 1,234 records");
    expect(text).toContain("Billing: nothing found");
    expect(text).toContain("Newsletter: 1 record");
    expect(text).toContain("rectification request");
    expect(text).not.toContain("import them into another service");
  });

  it("formats the expiry date and the counts in French", async () => {
    const { subject, text } = await renderEmail("package-ready", "fr", { ...packageReady, maxDownloads: 1 });
    expect(subject).toBe("Vos données sont prêtes à être téléchargées\u00a0: demande DSAR-2024-0101 à Acme & Fils");
    expect(text).toContain(downloadUrl);
    expect(text).toContain("Le lien fonctionne jusqu’au vendredi 20 décembre 2024, pour un seul téléchargement.");
    expect(text).toContain("CRM\u00a0: 1\u202f234 enregistrements");
    expect(text).toContain("Billing\u00a0: aucune donnée trouvée");
    expect(text).toContain("Newsletter\u00a0: 1 enregistrement");
  });

  it("says the files can be imported elsewhere only for a portability request", async () => {
    const en = await renderEmail("package-ready", "en", { ...packageReady, type: "portability" });
    const fr = await renderEmail("package-ready", "fr", { ...packageReady, type: "portability" });
    expect(en.text).toContain("you can import them into another service");
    expect(en.text).toContain("a portable copy of your data");
    expect(fr.text).toContain("vous pouvez les importer dans un autre service");
  });

  it("escapes markup in a system name", async () => {
    const props = { ...packageReady, sources: [{ name: '<script>alert("x")</script>', records: 2 }] };
    const { html, text } = await renderEmail("package-ready", "en", props);
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;");
    expect(text).toContain('<script>alert("x")</script>: 2 records');
  });

  it("rejects bad props naming the field", async () => {
    const reject = (props: unknown, pattern: RegExp) => expect(renderEmail("package-ready", "en", props)).rejects.toThrow(pattern);
    await reject({ ...packageReady, type: "erasure" }, /"package-ready".*type/);
    await reject({ ...packageReady, downloadUrl: "javascript:alert(1)" }, /downloadUrl/);
    await reject({ ...packageReady, expiresOn: "20/12/2024" }, /expiresOn/);
    await reject({ ...packageReady, maxDownloads: 0 }, /maxDownloads/);
    await reject({ ...packageReady, maxDownloads: 2.5 }, /maxDownloads/);
    await reject({ ...packageReady, sources: [{ name: "CRM", records: -1 }] }, /sources\.0\.records/);
    await reject({ ...packageReady, sources: [{ name: " ", records: 1 }] }, /sources\.0\.name/);
    await reject({ ...packageReady, sources: [{ name: "CRM", records: 1, files: 2 }] }, /sources\.0.*files/);
  });
});

describe("erasure-completed", () => {
  it("says what was erased, found nowhere, and kept with its reason", async () => {
    const { subject, text, html } = await renderEmail("erasure-completed", "en", erasureCompleted);
    // Invoices were kept: the title must not say everything was erased.
    expect(subject).toBe("Your erasure request is done, and some data is kept: request DSAR-2024-0102 to Acme & Fils");
    expect(html).toContain("Your data has been erased, except what we must keep");
    expect(text).toContain("12 records deleted or anonymised.");
    expect(text).toContain("Data kept: Invoices (3 records). Reason: French Commercial Code art. L123-22: invoices are kept 10 years.");
    expect(text).toContain("No data about you was found.");
    expect(text).toContain("It is used only for the reason given, and we delete it when that obligation ends.");
  });

  it("shows the reason as given in French, with French labels around it", async () => {
    const { text } = await renderEmail("erasure-completed", "fr", erasureCompleted);
    expect(text).toContain("12 enregistrements supprimés ou anonymisés.");
    expect(text).toContain("Données conservées\u00a0: Invoices (3 enregistrements). Motif\u00a0: French Commercial Code art. L123-22");
    expect(text).toContain("Aucune donnée vous concernant n’a été trouvée.");
    expect(text).toContain("nous les supprimons lorsque cette obligation prend fin");
  });

  it("says everything was erased only when nothing was kept, and says so when nothing was found", async () => {
    const erased = { ...erasureCompleted, sources: [{ name: "CRM", erased: 1, retained: [] }] };
    expect((await renderEmail("erasure-completed", "en", erased)).subject).toBe(
      "Your data has been erased: request DSAR-2024-0102 to Acme & Fils",
    );
    const nothing = { ...erasureCompleted, sources: [{ name: "CRM", erased: 0, retained: [] }] };
    const none = await renderEmail("erasure-completed", "fr", nothing);
    expect(none.subject).toBe("Nous n’avons trouvé aucune donnée vous concernant à effacer\u00a0: demande DSAR-2024-0102 à Acme & Fils");
    const kept = await renderEmail("erasure-completed", "fr", erasureCompleted);
    expect(kept.subject).toContain("Votre demande d’effacement est traitée, certaines données sont conservées");
  });

  it("leaves out the paragraph on kept data when nothing was kept", async () => {
    const props = { ...erasureCompleted, sources: [{ name: "CRM", erased: 1, retained: [] }] };
    const { text } = await renderEmail("erasure-completed", "en", props);
    expect(text).toContain("1 record deleted or anonymised.");
    expect(text).not.toContain("Data kept");
    expect(text).not.toContain("obligation ends");
  });

  it("says so when a system kept data without giving a reason", async () => {
    const props = {
      ...erasureCompleted,
      sources: [{ name: "Billing", erased: 0, retained: [{ category: "Orders", rows: 1, reason: "" }] }],
    };
    const { text } = await renderEmail("erasure-completed", "en", props);
    expect(text).toContain("Data kept: Orders (1 record). Reason: not stated by this system.");
  });

  it("escapes markup in a reason and in a system name", async () => {
    const props = {
      ...erasureCompleted,
      sources: [
        {
          name: "<script>alert(1)</script>",
          erased: 0,
          retained: [{ category: "<b>Invoices</b>", rows: 1, reason: '<script>alert("x")</script> & tax law' }],
        },
      ],
    };
    const { html, text } = await renderEmail("erasure-completed", "en", props);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>Invoices</b>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; tax law");
    expect(text).toContain('Reason: <script>alert("x")</script> & tax law');
  });

  it("rejects bad props naming the field", async () => {
    const reject = (props: unknown, pattern: RegExp) => expect(renderEmail("erasure-completed", "en", props)).rejects.toThrow(pattern);
    const source = erasureCompleted.sources[1];
    await reject({ ...erasureCompleted, sources: [{ ...source, erased: -1 }] }, /"erasure-completed".*sources\.0\.erased/);
    await reject(
      { ...erasureCompleted, sources: [{ ...source, retained: [{ category: "Invoices", rows: 0, reason: "Tax" }] }] },
      /sources\.0\.retained\.0\.rows/,
    );
    await reject(
      { ...erasureCompleted, sources: [{ ...source, retained: [{ category: "Invoices", rows: 1 }] }] },
      /sources\.0\.retained\.0\.reason/,
    );
    await reject({ ...erasureCompleted, sources: [{ name: "CRM", erased: 1 }] }, /sources\.0\.retained/);
    await reject({ ...erasureCompleted, reference: "" }, /reference/);
  });
});

describe("rectification-completed", () => {
  it("says what was corrected where, what the team corrected, and what could not be corrected, with the team's words", async () => {
    const { subject, text } = await renderEmail("rectification-completed", "en", rectificationCompleted);
    expect(subject).toBe("Your data has been partly corrected: request DSAR-2024-0103 to Acme & Fils");
    expect(text).toMatch(/WHAT WE CORRECTED[\s\S]*Postal address: in CRM \(contacts\), in Shop \(Your account\)/);
    expect(text).toContain("Surname: corrected by our privacy team");
    expect(text).toMatch(/WHAT WE COULD NOT CORRECT[\s\S]*My loyalty tier is wrong: not corrected/);
    expect(text).toContain("we cannot change them by hand");
    expect(text).not.toMatch(/will write back|looking at/);
  });

  it("does the same in French", async () => {
    const { subject, text } = await renderEmail("rectification-completed", "fr", rectificationCompleted);
    expect(subject).toBe("Vos données ont été en partie rectifiées\u00a0: demande DSAR-2024-0103 à Acme & Fils");
    expect(text).toContain("Postal address\u00a0: dans CRM (contacts), dans Shop (Your account)");
    expect(text).toContain("Surname\u00a0: corrigé par notre équipe chargée de la protection des données");
    expect(text).toContain("My loyalty tier is wrong\u00a0: non corrigé");
  });

  it("says the data has been corrected, with nothing left out, when every correction was made", async () => {
    const corrections = rectificationCompleted.corrections.filter((c) => c.state !== "not-corrected");
    const { subject, text } = await renderEmail("rectification-completed", "en", { ...rectificationCompleted, corrections, message: null });
    expect(subject).toBe("Your data has been corrected: request DSAR-2024-0103 to Acme & Fils");
    expect(text).toContain("YOUR DATA HAS BEEN CORRECTED");
    expect(text).not.toContain("COULD NOT");
  });

  it("does not claim any correction when none could be made", async () => {
    const corrections = [{ label: "Surname", state: "not-corrected" as const, places: [] }];
    const { subject, text } = await renderEmail("rectification-completed", "en", { ...rectificationCompleted, corrections });
    expect(subject).toBe("We could not make the corrections you asked for: request DSAR-2024-0103 to Acme & Fils");
    expect(text).not.toContain("WHAT WE CORRECTED");
  });

  it("escapes markup in a system name and a field name", async () => {
    const props = {
      ...rectificationCompleted,
      corrections: [
        { label: "<i>email</i>", state: "corrected", places: [{ source: "<script>alert(1)</script>", category: "c" }] },
        { label: "<script>x</script>", state: "not-corrected", places: [] },
      ],
    };
    const { html, text } = await renderEmail("rectification-completed", "en", props);
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<i>email</i>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(text).toContain("<script>x</script>");
  });

  it("rejects bad props naming the field", async () => {
    const reject = (props: unknown, pattern: RegExp) =>
      expect(renderEmail("rectification-completed", "en", props)).rejects.toThrow(pattern);
    await reject(
      { ...rectificationCompleted, corrections: [{ label: "Surname", state: "pending", places: [] }] },
      /"rectification-completed".*corrections\.0\.state/,
    );
    await reject({ ...rectificationCompleted, corrections: [{ label: " ", state: "corrected", places: [] }] }, /corrections\.0\.label/);
    await reject({ ...rectificationCompleted, corrections: [] }, /corrections/);
    await reject({ ...rectificationCompleted, message: undefined }, /message/);
  });
});
