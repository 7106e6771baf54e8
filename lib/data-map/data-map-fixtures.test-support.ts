// Connectors-file entries and controller details for the data map's tests: manual sources (no live
// system to check), each with a data map of its own.
import type { ConnectorEntry } from "../connectors/connectors-file.schema.ts";
import type { DataMapCategory, Organisation } from "./data-map.schema.ts";

export const organisation: Organisation = {
  name: "Example Shop SAS",
  address: { en: "1 rue de la Paix, 75002 Paris, France", fr: "1 rue de la Paix, 75002 Paris" },
  contactEmail: "privacy@shop.example",
  dataProtectionOfficer: { name: "Dana Officer", email: "dpo@shop.example" },
  supervisoryAuthority: { name: "CNIL", url: "https://www.cnil.fr" },
  dataSubjects: [{ en: "Customers", fr: "Clients" }, "Newsletter subscribers"],
  securityMeasures: { en: "Encryption at rest; access on a need-to-know basis", fr: "Chiffrement au repos ; accès limité" },
};

export const ordersCategory = {
  label: { en: "Your orders", fr: "Vos commandes" },
  dataCategories: ["transactions", "contact"],
  purposes: [{ en: "Deliver your orders", fr: "Livrer vos commandes" }],
  legalBasis: ["contract"],
  retention: { period: "P10Y", from: { en: "the date of the invoice", fr: "la date de la facture" } },
  recipients: [
    { name: "Parcel Co", kind: "processor", country: "FR", soldOrShared: false },
    { name: "Mail Cloud Inc.", kind: "processor", country: "US", safeguard: "standard-contractual-clauses", soldOrShared: false },
  ],
  origin: "person",
} satisfies DataMapCategory;

export const newsletterCategory = {
  dataCategories: ["contact", "behavioural"],
  purposes: [{ en: "Send the newsletter", fr: "Envoyer la lettre d'information" }],
  legalBasis: ["consent"],
  retention: "Until you unsubscribe",
  recipients: [],
  origin: "person",
} satisfies DataMapCategory;

/** A manual source with the given data map (or none). */
export function manualEntry(key: string, dataMap?: ConnectorEntry["dataMap"]): ConnectorEntry {
  return {
    key,
    name: `Archive ${key}`,
    type: "manual",
    actions: ["access", "erasure"],
    enabled: true,
    maxAttempts: 5,
    concurrency: 2,
    config: { instructions: "Look in the paper archive, cabinet 2." },
    ...(dataMap ? { dataMap } : {}),
  };
}
