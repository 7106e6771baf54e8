// The withdrawal question on the status page tells the truth about work already done: once a request
// is approved or in progress, part of it may be carried out already and cannot be undone.
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { dataMapSchema } from "@/lib/data-map/data-map.schema.ts";
import { catalogues, type Locale } from "@/lib/i18n/catalogue.ts";
import type { SubmissionStatus } from "@/lib/requests/get-submission-status.ts";
import { RequestStatusCard } from "./request-status-card.tsx";

/** The card as the status page renders it: under the layout's NextIntlClientProvider, in the card's language. */
function render(card: ReactElement<{ locale: Locale }>): string {
  const { locale } = card.props;
  const provider = { locale, messages: catalogues[locale], timeZone: "UTC", children: card };
  return renderToStaticMarkup(createElement(NextIntlClientProvider, provider));
}

type StatusRequest = SubmissionStatus["requests"][number];

const request = (status: StatusRequest["status"]): StatusRequest => ({
  reference: "DSR-7K3M-Q9PX",
  type: "ERASURE",
  status,
  receivedAt: "2026-12-07T10:00:00.000Z",
  verifiedAt: "2026-12-07T10:05:00.000Z",
  closedAt: null,
  verifyBy: "2026-12-14T10:00:00.000Z",
  dueDate: "2027-01-07",
  extended: false,
  clockPaused: false,
  explanation: [],
  explanationFr: [],
  jurisdiction: "EU_GDPR",
  country: "FR",
  region: null,
  law: null as unknown as StatusRequest["law"],
  outcome: null,
  denialReason: null,
  denialMessage: null,
  canWithdraw: true,
  messages: [],
  canReply: false,
  corrections: [],
  correctionsMessage: null,
  answerSources: null,
  download: null,
  preference: null,
});

const confirmBox = (status: StatusRequest["status"], locale: "en" | "fr") =>
  render(
    createElement(RequestStatusCard, { locale, token: "t0k3n", request: request(status), confirming: true, timeZone: "Europe/Paris" }),
  );

describe("RequestStatusCard dates", () => {
  const card = (country: string, region: string | null) =>
    render(
      createElement(RequestStatusCard, {
        locale: "en",
        token: "t0k3n",
        request: { ...request("VERIFIED"), country, region },
        confirming: false,
        timeZone: "Europe/London",
      }),
    );

  it("writes day, month, year for a reader in the United Kingdom", () => {
    expect(card("GB", null)).toContain("7 January 2027");
    expect(card("GB", null)).toContain("7 December 2026");
    expect(card("GB", null)).not.toContain("January 7, 2027");
  });

  it("writes month, day, year for a resident of the United States", () => {
    expect(card("US", "US-CA")).toContain("January 7, 2027");
  });
});

describe("RequestStatusCard corrections", () => {
  const withCorrection = (status: StatusRequest["status"], locale: "en" | "fr") =>
    render(
      createElement(RequestStatusCard, {
        locale,
        token: "t0k3n",
        request: {
          ...request(status),
          type: "RECTIFICATION",
          canWithdraw: status === "VERIFIED" || status === "IN_PROGRESS",
          corrections: [{ label: "Surname", state: "pending", places: [], value: "Doe" }] as StatusRequest["corrections"],
        },
        confirming: false,
        timeZone: "Europe/London",
      }),
    );

  it("does not say a correction is being made before the team has reviewed the request", () => {
    expect(withCorrection("VERIFIED", "en")).not.toContain("Being corrected");
    expect(withCorrection("VERIFIED", "en")).toContain("Waiting for our privacy team to review your request");
    expect(withCorrection("VERIFIED", "fr")).toContain("En attente de l’examen de votre demande par notre équipe");
  });

  it("says it is being made once the request is in progress, and not made once refused", () => {
    expect(withCorrection("IN_PROGRESS", "en")).toContain("Being corrected");
    expect(withCorrection("DENIED", "en")).toContain("Not corrected");
    expect(withCorrection("DENIED", "en")).not.toContain("Being corrected");
  });
});

describe("RequestStatusCard withdrawal question", () => {
  it("warns, in both languages, that what is already done cannot be reversed once the request is in progress", () => {
    expect(confirmBox("IN_PROGRESS", "en")).toContain("what is already done (for example, data already erased) cannot be reversed");
    expect(confirmBox("APPROVED", "fr")).toContain("ce qui est déjà fait (par exemple, des données déjà effacées) ne peut pas être annulé");
  });

  it("does not say so before any work started", () => {
    expect(confirmBox("VERIFIED", "en")).not.toContain("already done");
    expect(confirmBox("VERIFIED", "fr")).not.toContain("déjà fait");
  });
});

describe("RequestStatusCard of a fulfilled access request", () => {
  const dataMap = dataMapSchema.parse({
    orders: {
      label: { en: "Your orders", fr: "Vos commandes" },
      dataCategories: ["transactions"],
      purposes: [{ en: "Delivering <i>orders</i>", fr: "Livrer les commandes" }],
      legalBasis: ["contract"],
      retention: { period: "P10Y", from: { en: "the invoice date", fr: "la date de la facture" } },
      recipients: [{ name: "Cloud Inc.", kind: "processor", country: "US", safeguard: "standard-contractual-clauses" }],
      origin: "person",
    },
    scores: {
      label: { en: "Your customer group", fr: "Votre groupe de clients" },
      dataCategories: ["inferences"],
      purposes: ["Offers"],
      legalBasis: ["legitimate-interests"],
      legitimateInterests: { en: "Knowing our customers", fr: "Connaître nos clients" },
      retention: "Until you close your account",
      origin: "third-party",
      originDetail: { en: "Our marketplace partner", fr: "Notre partenaire marketplace" },
      automatedDecisions: {
        logic: { en: "A program groups customers by their orders", fr: "Un programme regroupe les clients selon leurs commandes" },
        significance: { en: "Your group decides which offers you see", fr: "Votre groupe décide des offres que vous voyez" },
      },
    },
  });
  const fulfilled = (download: StatusRequest["download"]): StatusRequest => ({
    ...request("COMPLETED"),
    type: "ACCESS",
    canWithdraw: false,
    closedAt: "2026-12-08T10:00:00.000Z",
    answerSources: [{ name: "Shop", categories: ["orders", "scores", "contacts"], dataMap }],
    download,
  });
  const card = (req: StatusRequest, locale: "en" | "fr") =>
    render(createElement(RequestStatusCard, { locale, token: "t0k3n", request: req, confirming: false, timeZone: "Europe/Paris" }));

  it("says per category what the map says, in the page's language, and offers the download while it lasts", () => {
    const en = card(fulfilled({ expiresAt: "2026-12-22T10:00:00.000Z", downloadsLeft: 2 }), "en");
    expect(en).toContain("What we hold about you, and why");
    expect(en).toContain("<h5>Your orders</h5>");
    expect(en).toContain("Purchases and transactions");
    expect(en).toContain("Delivering &lt;i&gt;orders&lt;/i&gt;");
    expect(en).toContain("10 years from the invoice date");
    expect(en).toContain("Cloud Inc. (United States)");
    // Every Art. 15(1)-(2) element the map gives, not only the short form the email sums up.
    expect(en).toContain("<dt>Legal basis</dt><dd><ul><li>Performance of a contract (Art. 6(1)(b))</li>");
    expect(en).toContain("Legitimate interests (Art. 6(1)(f))");
    expect(en).toContain("<dt>Our legitimate interests</dt><dd>Knowing our customers</dd>");
    expect(en).toContain("Processor (acts on our instructions)");
    expect(en).toContain("transfer outside the European Economic Area protected by standard contractual clauses (Art. 46(2)(c))");
    expect(en).toContain("<dt>Where it came from</dt><dd>Given by the person</dd>");
    expect(en).toContain("<dd>Received from a third party: Our marketplace partner</dd>");
    expect(en).toContain("No automated decision is made with this data.");
    expect(en).toContain("A program groups customers by their orders");
    expect(en).toContain("Your group decides which offers you see");
    expect(en).toContain("We have not described this data yet");
    expect(en).toContain('action="/api/v1/status/t0k3n/packages/DSR-7K3M-Q9PX"');
    expect(en).toContain("2 more times");
    const fr = card(fulfilled(null), "fr");
    expect(fr).toContain("<h5>Vos commandes</h5>");
    expect(fr).toContain("10 ans à compter de la date de la facture");
    expect(fr).toContain("Cloud Inc. (États-Unis)");
    expect(fr).toContain("<dt>Base légale</dt><dd><ul><li>Exécution d&#x27;un contrat (art. 6(1)(b))</li>");
    expect(fr).toContain("transfert hors de l’Espace économique européen encadré par");
    expect(fr).toContain("<dt>Provenance</dt><dd>Fournies par la personne</dd>");
    expect(fr).toContain("Reçues d&#x27;un tiers\u00a0: Notre partenaire marketplace");
    expect(fr).toContain("Aucune décision automatisée n’est prise à partir de ces données.");
    expect(fr).toContain("Un programme regroupe les clients selon leurs commandes");
    expect(fr).not.toMatch(/Legal basis|Where it came from|No automated decision/);
    expect(fr).toContain("Le fichier n’est plus disponible");
    expect(fr).not.toContain("<form");
  });

  it("shows nothing of the kind for other requests", () => {
    expect(card(request("COMPLETED"), "en")).not.toContain("What we hold about you");
  });
});

describe("RequestStatusCard question form", () => {
  it("keeps its own title beside the access answer's headings", () => {
    const html = render(
      createElement(RequestStatusCard, {
        locale: "en",
        token: "t0k3n",
        request: { ...request("AWAITING_SUBJECT"), type: "ACCESS" },
        confirming: false,
        timeZone: "Europe/Paris",
      }),
    );
    expect(html).toContain("Answer the privacy team");
    expect(html).not.toContain("What we hold about you");
  });
});

describe("RequestStatusCard of an opt-out", () => {
  const optOut = (status: StatusRequest["status"], preference: StatusRequest["preference"] = null): StatusRequest => ({
    ...request(status),
    type: "OPT_OUT",
    jurisdiction: "US_CA",
    canWithdraw: status !== "COMPLETED",
    closedAt: status === "COMPLETED" ? "2026-12-08T10:00:00.000Z" : null,
    preference,
  });
  const card = (req: StatusRequest, locale: "en" | "fr") =>
    render(createElement(RequestStatusCard, { locale, token: "t0k3n", request: req, confirming: false, timeZone: "Europe/Paris" }));

  it("says what was asked and that it is being applied, not that data is being gathered", () => {
    const en = card(optOut("IN_PROGRESS"), "en");
    expect(en).toContain("That we stop selling or sharing your personal data");
    expect(en).toContain("We are applying your choice in each of our systems.");
    expect(en).not.toContain("What we changed");
    const fr = card(optOut("IN_PROGRESS"), "fr");
    expect(fr).toContain("Que nous cessions de vendre ou de partager vos données personnelles");
    expect(fr).toContain("Nous appliquons votre choix dans chacun de nos systèmes.");
  });

  it("once completed, says per system where the choice applies, done by hand, or that nothing was there", () => {
    const done = optOut("COMPLETED", {
      kind: "opt_out",
      sources: [
        { name: "Shop database", places: ["Your customer account", "suppression_list"], done: true },
        { name: "Ad platform", places: [], done: true },
        { name: "Newsletter", places: [], done: false },
      ],
    });
    const en = card(done, "en");
    expect(en).toContain("Done: your choice now applies in our systems.");
    expect(en).toContain("<strong>Shop database</strong>: Applied to: Your customer account, suppression_list.");
    expect(en).toContain("<strong>Ad platform</strong>: Applied by our team.");
    expect(en).toContain("<strong>Newsletter</strong>: We hold nothing about you there, so nothing needed changing.");
    const fr = card(done, "fr");
    expect(fr).toContain("Ce que nous avons modifié");
    expect(fr).toContain("<strong>Shop database</strong>\u00a0: Appliqué à\u00a0: Your customer account, suppression_list.");
    expect(fr).toContain("Nous n’y détenons rien vous concernant");
  });

  it("keeps the usual wording for an access request", () => {
    expect(card(request("IN_PROGRESS"), "en")).toContain("We are carrying out your request in our systems.");
    expect(card(request("IN_PROGRESS"), "en")).not.toContain("What you asked");
  });
});

describe("RequestStatusCard download", () => {
  it("offers the download of a completed portability request, which has no summary of what is held", () => {
    const portability: StatusRequest = {
      ...request("COMPLETED"),
      type: "PORTABILITY",
      closedAt: "2026-12-08T10:00:00.000Z",
      canWithdraw: false,
      download: { expiresAt: "2026-12-15T10:00:00.000Z", downloadsLeft: 5 },
    };
    for (const [locale, button] of [
      ["en", "Download my data (ZIP)"],
      ["fr", "Télécharger mes données (ZIP)"],
    ] as const) {
      const html = render(
        createElement(RequestStatusCard, { locale, token: "t0k3n", request: portability, confirming: false, timeZone: "Europe/Paris" }),
      );
      expect(html).toContain(button);
      expect(html).toContain('action="/api/v1/status/t0k3n/packages/DSR-7K3M-Q9PX"');
      expect(html).not.toContain(locale === "en" ? "What we hold about you" : "Ce que nous détenons");
    }
  });
});
