// The demo's sample shop: a PostgreSQL database of its own (customers, orders, order items,
// newsletter subscriptions, support tickets), a few hundred generated customers plus the people
// of the demo requests, so a demo request finds real rows. Created once; kept across runs.
import pg from "pg";

const firstNames = [
  "Camille",
  "Oliver",
  "María",
  "Jean",
  "Lucas",
  "Anna",
  "Noah",
  "Léa",
  "Hugo",
  "Chloé",
  "Liam",
  "Emma",
  "Sofia",
  "Mateo",
  "Yuki",
  "Amara",
];
const lastNames = [
  "Durand",
  "Smith",
  "García",
  "Tremblay",
  "Silva",
  "Schmidt",
  "Johnson",
  "Martin",
  "Bernard",
  "Dubois",
  "Rossi",
  "Kowalski",
  "Nguyen",
  "Okafor",
];
const products = [
  ["TEA-001", "Earl Grey tea, 100 g", 6.5],
  ["MUG-014", "Stoneware mug", 12],
  ["BAG-210", "Organic cotton tote bag", 9.9],
  ["BOK-777", "Cookbook: seasonal soups", 24],
  ["CND-003", "Beeswax candle", 15.5],
] as const;

/** People the demo's seeded requests are about (prisma/seed.ts). */
const demoPeople = [
  ["camille.durand@example.com", "Camille", "Durand"],
  ["oliver.smith@example.co.uk", "Oliver", "Smith"],
  ["maria.garcia@example.com", "María", "García"],
  ["jean.tremblay@example.ca", "Jean", "Tremblay"],
  ["lucas.silva@example.com.br", "Lucas", "Silva"],
] as const;

/** What opt-out, limit, restriction and objection switch off, and the list the mailing tool leaves out (demo-connectors.yaml maps them). */
const preferenceColumnsSql = `
ALTER TABLE customers ADD COLUMN IF NOT EXISTS marketing_opt_out boolean NOT NULL DEFAULT false;
ALTER TABLE customers ADD COLUMN IF NOT EXISTS sensitive_data_limited boolean NOT NULL DEFAULT false;
ALTER TABLE customers ADD COLUMN IF NOT EXISTS processing_restricted boolean NOT NULL DEFAULT false;
CREATE TABLE IF NOT EXISTS marketing_suppression (email text NOT NULL UNIQUE, reason text NOT NULL, added_at timestamptz NOT NULL);
`;

const schemaSql = `
CREATE TABLE customers (customer_id serial PRIMARY KEY, email text NOT NULL UNIQUE, first_name text, last_name text,
  phone text, address text, created_at timestamptz NOT NULL DEFAULT now());
${preferenceColumnsSql}
CREATE TABLE orders (order_id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, placed_at timestamptz NOT NULL,
  total numeric(10,2) NOT NULL, invoice_number text NOT NULL);
CREATE TABLE order_items (item_id serial PRIMARY KEY, order_id int NOT NULL REFERENCES orders, sku text NOT NULL,
  description text NOT NULL, quantity int NOT NULL, unit_price numeric(10,2) NOT NULL);
CREATE TABLE newsletter_subscriptions (subscription_id serial PRIMARY KEY, email text NOT NULL, list text NOT NULL,
  subscribed_at timestamptz NOT NULL);
CREATE TABLE support_tickets (ticket_id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, opened_at timestamptz NOT NULL,
  subject text NOT NULL, body text NOT NULL, status text NOT NULL);
`;

// A fixed seed: the same shop on every machine.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

export async function ensureDemoShop(adminUrl: string, database = "demo_shop", customers = 300): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  try {
    const ready = await client.query("SELECT to_regclass('public.customers') AS t");
    if (ready.rows[0].t) {
      // A shop made before these columns existed gets them.
      await client.query(preferenceColumnsSql);
      return url.toString();
    }
    await client.query("BEGIN");
    await client.query(schemaSql);
    const next = random(42);
    const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)];
    const people: Array<readonly [string, string, string]> = [...demoPeople];
    for (let i = 0; people.length < customers; i++) {
      const first = pick(firstNames);
      const last = pick(lastNames);
      people.push([
        `${first}.${last}.${i}@example.net`
          .toLowerCase()
          .normalize("NFD")
          .replace(/[\u0300-\u036f]/g, ""),
        first,
        last,
      ]);
    }
    let invoice = 1000;
    for (const [email, first, last] of people) {
      const { rows } = await client.query<{ customer_id: number }>(
        "INSERT INTO customers (email, first_name, last_name, phone, address) VALUES ($1, $2, $3, $4, $5) RETURNING customer_id",
        [
          email,
          first,
          last,
          `+33 6 ${Math.floor(10_000_000 + next() * 89_999_999)}`,
          `${Math.floor(1 + next() * 200)} rue des Lilas, Lyon`,
        ],
      );
      const customerId = rows[0].customer_id;
      for (let o = 0; o < 1 + Math.floor(next() * 3); o++) {
        const items = Array.from({ length: 1 + Math.floor(next() * 3) }, () => pick(products));
        const total = items.reduce((sum, item) => sum + item[2], 0);
        const order = await client.query<{ order_id: number }>(
          "INSERT INTO orders (customer_id, placed_at, total, invoice_number) VALUES ($1, now() - ($2 || ' days')::interval, $3, $4) RETURNING order_id",
          [customerId, String(Math.floor(next() * 700)), total.toFixed(2), `INV-${invoice++}`],
        );
        for (const [sku, description, price] of items) {
          await client.query("INSERT INTO order_items (order_id, sku, description, quantity, unit_price) VALUES ($1, $2, $3, 1, $4)", [
            order.rows[0].order_id,
            sku,
            description,
            price,
          ]);
        }
      }
      if (next() < 0.5)
        await client.query(
          "INSERT INTO newsletter_subscriptions (email, list, subscribed_at) VALUES ($1, 'weekly', now() - interval '90 days')",
          [email],
        );
      if (next() < 0.3) {
        await client.query(
          "INSERT INTO support_tickets (customer_id, opened_at, subject, body, status) VALUES ($1, now() - interval '20 days', $2, $3, 'closed')",
          [customerId, "Where is my parcel?", "Hello, my order has not arrived yet. Could you check? Thanks."],
        );
      }
    }
    await client.query("COMMIT");
    return url.toString();
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
