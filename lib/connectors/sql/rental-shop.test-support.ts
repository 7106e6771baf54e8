// The rental shop both SQL engines are tested on: its rows and the mappings the tests apply, written
// once. Each engine's test creates the tables in its own dialect (serial or AUTO_INCREMENT, bytea or
// BLOB) and inserts these rows with insertRows.
//
// Jane lives at the address of store 1 and of staff member Mike; Bob lives alone at address 2;
// Carol and Dave share address 3. Jane rented Alien (rental 1) and paid for it (payment 1); Bob
// rented Brazil (rental 2) and paid for it (payment 2).

type Value = string | number | null;
export type Rows = Array<Record<string, Value>>;

export const rentalRows: Record<string, Rows> = {
  city: [
    { city_id: 1, city: "Lyon" },
    { city_id: 2, city: "Nantes" },
  ],
  address: [
    { address_id: 1, Address: "1 place Bellecour", postal_code: "69002", phone: "+33 4 00", city_id: 1 },
    { address_id: 2, Address: "2 rue Crébillon", postal_code: "44000", phone: "+33 2 01", city_id: 2 },
    { address_id: 3, Address: "3 quai de la Fosse", postal_code: "44000", phone: "+33 2 02", city_id: 2 },
  ],
  store: [{ store_id: 1, address_id: 1 }],
  staff: [{ staff_id: 1, first_name: "Mike", address_id: 1 }],
  Customer: [
    { customer_id: 1, Email: "Jane@Example.test", first_name: "Jane", lastName: "Doe", login: "jdoe", address_id: 1, store_id: 1 },
    { customer_id: 2, Email: "bob@example.test", first_name: "Bob", lastName: "Roe", login: "broe", address_id: 2, store_id: 1 },
    { customer_id: 3, Email: "carol@example.test", first_name: "Carol", lastName: "Poe", login: "cpoe", address_id: 3, store_id: 1 },
    { customer_id: 4, Email: "dave@example.test", first_name: "Dave", lastName: "Poe", login: "dpoe", address_id: 3, store_id: 1 },
  ],
  film: [
    { film_id: 1, title: "Alien" },
    { film_id: 2, title: "Brazil" },
  ],
  rental: [
    { rental_id: 1, rental_date: "2026-01-05 10:00:00.123456", film_id: 1, customer_id: 1, staff_id: 1 },
    { rental_id: 2, rental_date: "2026-02-01 08:30:00", film_id: 2, customer_id: 2, staff_id: 1 },
  ],
  payment: [
    { payment_id: 1, customer_id: 1, rental_id: 1, amount: "2.99", payment_date: "2026-01-05 10:00:00.123456" },
    { payment_id: 2, customer_id: 2, rental_id: 2, amount: "4.99", payment_date: "2026-02-01 08:30:00" },
  ],
};

/** The tables in the order their rows can be inserted (parents first). */
export const rentalTables = ["city", "address", "store", "staff", "Customer", "film", "rental", "payment"];

/** Bob pays for the film Jane rented: his payment names her rental, and is not hers. */
export const bobPaysForJanesRental = { payment_id: 3, customer_id: 2, rental_id: 1, amount: "1.50", payment_date: "2026-01-06 09:00:00" };

/** One INSERT of `rows` into `table`, values as SQL literals (timestamps through the engine's own `timestamp`). */
export function insertRows(
  qualified: (table: string) => string,
  quote: (name: string) => string,
  table: string,
  rows: Rows,
  timestamp: (value: string) => string = literal,
): string {
  const columns = Object.keys(rows[0]);
  const values = rows.map(
    (row) =>
      `(${columns.map((column) => (column.endsWith("_date") && typeof row[column] === "string" ? timestamp(row[column] as string) : literal(row[column]))).join(", ")})`,
  );
  return `INSERT INTO ${qualified(table)} (${columns.map(quote).join(", ")}) VALUES ${values.join(", ")}`;
}

export function literal(value: Value): string {
  if (value === null) return "NULL";
  if (typeof value === "number") return String(value);
  return `'${value.replaceAll("'", "''")}'`;
}

export const customer = {
  table: "Customer",
  identity: { email: "Email", accountId: "customer_id" },
  erase: { strategy: "mask", columns: { Email: "hash", first_name: "redact", lastName: "redact" } },
  rectify: { fullName: "first_name", email: "Email" },
};

export const address = (erase: Record<string, unknown> = {}) => ({
  table: "address",
  via: { parent: "Customer", column: "address_id", parentColumn: "address_id" },
  erase: { strategy: "mask", columns: { Address: "redact", phone: "redact", postal_code: "null" }, ...erase },
});

export const rental = {
  table: "rental",
  via: { parent: "Customer", column: "customer_id", parentColumn: "customer_id" },
  erase: { strategy: "delete" },
};

/** Payments reached through the rentals alone: a payment for the person's rental, whoever paid it. */
export const paymentByRental = {
  table: "payment",
  via: { parent: "rental", column: "rental_id", parentColumn: "rental_id" },
  erase: { strategy: "delete" },
};

/** Payments the person made for their own rentals: both paths must reach them (viaMatch: all, the default). */
export const paymentByBoth = {
  table: "payment",
  via: [
    { parent: "Customer", column: "customer_id", parentColumn: "customer_id" },
    { parent: "rental", column: "rental_id", parentColumn: "rental_id" },
  ],
  erase: { strategy: "delete" },
};

/**
 * A connectors file with one rental-shop source of `type` whose Customer masks `columns` (one
 * "name: action" a line); `schema` adds PostgreSQL's schema line. The url comes from RENTAL_URL.
 */
export function rentalConnectorsFile(type: string, actions: string, columns: string[], schema?: string): string {
  return [
    "connectors:",
    "  - key: rental",
    "    name: Rental shop",
    `    type: ${type}`,
    `    actions: [${actions}]`,
    "    config:",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the connectors file's own ${VAR} syntax
    "      url: ${RENTAL_URL}",
    ...(schema ? [`      schema: ${schema}`] : []),
    "      tables:",
    "        - table: Customer",
    "          identity: { email: Email }",
    "          erase:",
    "            strategy: mask",
    "            columns:",
    ...columns.map((column) => `              ${column}`),
    "",
  ].join("\n");
}
