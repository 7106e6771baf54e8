// What discovery must propose for the two test schemas (discovery-schemas.test-support.ts), on
// PostgreSQL and MariaDB alike, summarised to what a reviewer decides on: how each table is found,
// what erasure does, which categories each column holds and how sure each guess is.
import type { MappingProposal } from "./propose-mapping.ts";

export function summarise(proposal: MappingProposal) {
  return {
    identity: [proposal.identity.table, proposal.identity.emailColumn, proposal.identity.confidence],
    otherIdentities: proposal.identity.others.map((other) => other.table),
    tables: proposal.tables.map((table) => ({
      table: table.table,
      found: table.identity ? { identity: table.identity } : { via: table.via, ...(table.viaMatch ? { viaMatch: table.viaMatch } : {}) },
      ...(table.reference ? { reference: true } : {}),
      link: table.link.confidence,
      ...(table.erase ? { erase: table.erase, eraseConfidence: table.eraseGuess?.confidence } : {}),
      columns: table.columns.map((column) => `${column.column}: ${column.category} (${column.confidence})`),
      dataCategories: table.dataCategories.map((entry) => `${entry.category} (${entry.confidence})`),
      paths: table.paths?.map((path) => path.tables.join(" → ")),
    })),
    notMapped: proposal.notMapped.map((entry) => entry.table),
    cycles: proposal.cycles,
  };
}

const link = (parent: string, column: string | string[], parentColumn: string | string[]) => ({
  parent,
  column: [column].flat(),
  parentColumn: [parentColumn].flat(),
});

const RETAIN_FINANCIAL = {
  strategy: "retain",
  reason:
    "To review: accounting and tax law usually require keeping financial records for years (GDPR Art. 17(3)(b)); name the law and the period, or mask instead",
};

export const SHOP_EXPECTED = {
  identity: ["customer", "email", "high"],
  otherIdentities: [],
  tables: [
    {
      table: "customer",
      found: { identity: { email: "email" } },
      link: "high",
      erase: {
        strategy: "mask",
        columns: {
          email: "unique-hash",
          first_name: "redact",
          last_name: "redact",
          phone: "redact",
          birth_date: "null",
          last_login_ip: "redact",
        },
      },
      eraseConfidence: "medium",
      columns: [
        "email: contact (high)",
        "first_name: identity (high)",
        "last_name: identity (medium)",
        "phone: contact (high)",
        "birth_date: identity (high)",
        "last_login_ip: online-identifiers (high)",
      ],
      dataCategories: ["identity (high)", "contact (high)", "online-identifiers (high)"],
      paths: undefined,
    },
    {
      table: "address",
      found: { via: [link("customer", "customer_id", "customer_id")] },
      link: "high",
      erase: { strategy: "mask", columns: { street: "redact", postal_code: "redact" } },
      eraseConfidence: "medium",
      columns: ["street: contact (high)", "postal_code: contact (medium)"],
      dataCategories: ["contact (high)"],
      paths: ["address → customer"],
    },
    {
      table: "order",
      found: {
        via: [link("customer", "customer_id", "customer_id"), link("address", "shipping_address_id", "address_id")],
        viaMatch: "all",
      },
      link: "low",
      erase: RETAIN_FINANCIAL,
      eraseConfidence: "medium",
      columns: ["total: transactions (medium)"],
      dataCategories: ["transactions (medium)"],
      paths: ["order → customer", "order → address → customer"],
    },
    {
      table: "product_review",
      found: { via: [link("customer", "customer_id", "customer_id")] },
      link: "high",
      erase: { strategy: "delete" },
      eraseConfidence: "high",
      columns: ["comment: communications (medium)"],
      dataCategories: ["communications (medium)"],
      paths: ["product_review → customer"],
    },
    {
      table: "line_item",
      found: { via: [link("order", ["order_id", "shop_id"], ["order_id", "shop_id"])] },
      link: "high",
      erase: RETAIN_FINANCIAL,
      eraseConfidence: "medium",
      columns: [],
      dataCategories: ["transactions (medium)"],
      paths: ["line_item → order → customer", "line_item → order → address → customer"],
    },
    {
      table: "payment",
      found: { via: [link("order", ["order_id", "shop_id"], ["order_id", "shop_id"])] },
      link: "high",
      erase: { strategy: "mask", columns: { card_number: "redact" } },
      eraseConfidence: "medium",
      columns: ["card_number: financial (high)", "amount: transactions (medium)"],
      dataCategories: ["financial (high)", "transactions (medium)"],
      paths: ["payment → order → customer", "payment → order → address → customer"],
    },
    {
      table: "city",
      found: { via: [link("address", "city_id", "city_id")] },
      reference: true,
      link: "medium",
      columns: [],
      dataCategories: [],
      paths: undefined,
    },
    {
      table: "product",
      found: { via: [link("product_review", "product_id", "product_id")] },
      reference: true,
      link: "medium",
      columns: [],
      dataCategories: [],
      paths: undefined,
    },
  ],
  notMapped: ["category", "warehouse"],
  cycles: [["category"]],
};

export const SUPPORT_EXPECTED = {
  identity: ["Contact", "EmailAddress", "high"],
  otherIdentities: ["Agent"],
  tables: [
    {
      table: "Contact",
      found: { identity: { email: "EmailAddress" } },
      link: "high",
      erase: {
        strategy: "mask",
        columns: { EmailAddress: "unique-hash", FirstName: "redact", LastName: "redact", Phone: "redact", Birthday: "null" },
      },
      eraseConfidence: "medium",
      columns: [
        "EmailAddress: contact (high)",
        "FirstName: identity (high)",
        "LastName: identity (medium)",
        "Phone: contact (high)",
        "Birthday: identity (high)",
      ],
      dataCategories: ["identity (high)", "contact (high)"],
      paths: undefined,
    },
    {
      table: "Device",
      found: { via: [link("Contact", "ContactId", "ContactId")] },
      link: "high",
      erase: { strategy: "delete" },
      eraseConfidence: "high",
      columns: ["LastIp: online-identifiers (high)", "UserAgent: online-identifiers (medium)"],
      dataCategories: ["online-identifiers (high)"],
      paths: ["Device → Contact"],
    },
    {
      table: "Satisfaction",
      found: { via: [link("Contact", "ContactId", "ContactId")] },
      link: "high",
      erase: { strategy: "delete" },
      eraseConfidence: "high",
      columns: ["Score: inferences (medium)", "Comment: communications (medium)"],
      dataCategories: ["communications (medium)", "inferences (medium)"],
      paths: ["Satisfaction → Contact"],
    },
    {
      table: "Ticket",
      found: { via: [link("Contact", "RequesterId", "ContactId")] },
      link: "high",
      erase: { strategy: "mask", columns: { Subject: "redact" } },
      eraseConfidence: "medium",
      columns: ["Subject: communications (medium)"],
      dataCategories: ["communications (medium)"],
      paths: ["Ticket → Contact"],
    },
    {
      table: "TicketMessage",
      found: { via: [link("Ticket", "TicketId", "TicketId")] },
      link: "high",
      erase: { strategy: "delete" },
      eraseConfidence: "high",
      columns: ["Body: communications (medium)", "SentFromIp: online-identifiers (high)"],
      dataCategories: ["online-identifiers (high)", "communications (medium)"],
      paths: ["TicketMessage → Ticket → Contact"],
    },
    {
      table: "Priority",
      found: { via: [link("Ticket", "PriorityId", "PriorityId")] },
      reference: true,
      link: "medium",
      columns: [],
      dataCategories: [],
      paths: undefined,
    },
  ],
  notMapped: ["Agent", "AuditTrail", "Team"],
  cycles: [["Agent", "Team"], ["Ticket"]],
};

/** The shop's review notes, the same on both engines. */
export const SHOP_REVIEW_NOTES = [
  '"category" points to itself: a row of the person may name another person\'s row (a parent, a manager); review what erasure does to them',
  '"order": Reached by 2 links ("customer", "address"): with viaMatch: all a row is the person\'s only when every link reaches it. ' +
    "If one is enough, say viaMatch: any; if the links name different people (a requester and an assignee), keep the one that is the person's",
  '"product": Also pointed to by "line_item" (line_item_product_fk); reached here through "product_review" only',
  'Not linked to a person: not mapped: "category", "warehouse"',
];

/** The support desk's tables left out, and why, the same on both engines. */
export const SUPPORT_NOT_MAPPED = [
  {
    table: "Agent",
    reason:
      'holds personal data (Email, FullName) of other people: the person\'s rows only point to it ("Ticket" Ticket_Assignee_fk); not mapped — review',
  },
  { table: "AuditTrail", reason: "not linked to a person: not mapped" },
  { table: "Team", reason: "not linked to a person: not mapped" },
];
