// Two realistic schemas discovery is tested on, in PostgreSQL and in MariaDB with the same tables,
// keys and rows: a shop (composite keys, an order reached two ways, financial tables, lookups, a
// self-referencing category, a table no path reaches) and a support desk (mixed-case names, a
// composite primary key, staff who point to each other in a cycle, a ticket pointing to itself, a
// lookup, tables with no path). Every sampled value is a canary: none may appear in any output.
import { randomBytes } from "node:crypto";
import pg from "pg";

const adminUrl = "postgresql://postgres@127.0.0.1:5432/postgres";

/**
 * A database of its own on the local PostgreSQL, loaded with `script`. Its address carries a random
 * password (trust authentication ignores it) so that a test can prove the address goes nowhere.
 */
export async function createPostgresSource(label: string, script: string) {
  const name = `${label}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const password = `pw-canary-${randomBytes(4).toString("hex")}`;
  const url = `postgresql://postgres:${password}@127.0.0.1:5432/${name}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const source = new pg.Client({ connectionString: url });
  await source.connect();
  await source.query(script);
  await source.end();
  return {
    name,
    url,
    password,
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Values stored in the sampled rows; discovery may count them, never repeat them. */
export const CANARIES = [
  "zq-canary-jane@example.test",
  "zq-canary-bob@example.test",
  "zq-canary-carol@example.test",
  "zq-agent-mike@example.test",
  "Quillfeather",
  "Zanzibarovic",
  "+33 6 11 22 33 44",
  "+44 20 7946 0958",
  "+1 415 555 0132",
  "17 rue Canaryville",
  "42 Quillfeather Street",
  "8 avenue Zanzibar",
  "203.0.113.77",
  "198.51.100.23",
  "4539 1488 0343 6467",
  "4111 1111 1111 1111",
  "1984-03-12",
  "1979-11-02",
  "Printer on fire at Quillfeather HQ",
  "Zanzibarovic complains about the Quillfeather invoice",
  "Mozilla/5.0 (Canary)",
];

export const SHOP_POSTGRES = `
  CREATE SCHEMA shop;
  CREATE TABLE shop.city (city_id serial PRIMARY KEY, name text NOT NULL, country char(2) NOT NULL);
  CREATE TABLE shop.customer (customer_id serial PRIMARY KEY, email varchar(120) NOT NULL CONSTRAINT customer_email_key UNIQUE,
    first_name varchar(40) NOT NULL, last_name varchar(40) NOT NULL, phone varchar(30), birth_date date, last_login_ip varchar(45),
    created_at timestamptz NOT NULL);
  CREATE TABLE shop.address (address_id serial PRIMARY KEY, customer_id int NOT NULL CONSTRAINT address_customer_fk REFERENCES shop.customer (customer_id),
    street varchar(100) NOT NULL, postal_code varchar(10), city_id int NOT NULL CONSTRAINT address_city_fk REFERENCES shop.city (city_id));
  CREATE TABLE shop.category (category_id serial PRIMARY KEY, parent_id int CONSTRAINT category_parent_fk REFERENCES shop.category (category_id), label text NOT NULL);
  CREATE TABLE shop.product (product_id serial PRIMARY KEY, title text NOT NULL, price numeric(8, 2) NOT NULL,
    category_id int CONSTRAINT product_category_fk REFERENCES shop.category (category_id));
  CREATE TABLE shop."order" (order_id int NOT NULL, shop_id int NOT NULL, customer_id int NOT NULL CONSTRAINT order_customer_fk REFERENCES shop.customer (customer_id),
    shipping_address_id int CONSTRAINT order_address_fk REFERENCES shop.address (address_id), total numeric(10, 2) NOT NULL, placed_at timestamptz NOT NULL,
    PRIMARY KEY (order_id, shop_id));
  CREATE TABLE shop.line_item (order_id int NOT NULL, shop_id int NOT NULL, line_no int NOT NULL,
    product_id int NOT NULL CONSTRAINT line_item_product_fk REFERENCES shop.product (product_id), quantity int NOT NULL,
    PRIMARY KEY (order_id, shop_id, line_no),
    CONSTRAINT line_item_order_fk FOREIGN KEY (order_id, shop_id) REFERENCES shop."order" (order_id, shop_id));
  CREATE TABLE shop.payment (payment_id serial PRIMARY KEY, order_id int NOT NULL, shop_id int NOT NULL, card_number varchar(19),
    amount numeric(10, 2) NOT NULL, paid_at timestamptz NOT NULL,
    CONSTRAINT payment_order_fk FOREIGN KEY (order_id, shop_id) REFERENCES shop."order" (order_id, shop_id));
  CREATE TABLE shop.product_review (review_id serial PRIMARY KEY, customer_id int NOT NULL CONSTRAINT review_customer_fk REFERENCES shop.customer (customer_id),
    product_id int NOT NULL CONSTRAINT review_product_fk REFERENCES shop.product (product_id), comment text);
  CREATE TABLE shop.warehouse (warehouse_id serial PRIMARY KEY, label text NOT NULL);

  INSERT INTO shop.city (name, country) VALUES ('Lyon', 'FR'), ('London', 'GB');
  INSERT INTO shop.customer (email, first_name, last_name, phone, birth_date, last_login_ip, created_at) VALUES
    ('zq-canary-jane@example.test', 'Jane', 'Quillfeather', '+33 6 11 22 33 44', '1984-03-12', '203.0.113.77', '2026-01-05T10:00:00Z'),
    ('zq-canary-bob@example.test', 'Bob', 'Zanzibarovic', '+44 20 7946 0958', '1979-11-02', '198.51.100.23', '2026-01-06T10:00:00Z'),
    ('zq-canary-carol@example.test', 'Carol', 'Quillfeather', '+1 415 555 0132', NULL, NULL, '2026-01-07T10:00:00Z');
  INSERT INTO shop.address (customer_id, street, postal_code, city_id) VALUES
    (1, '17 rue Canaryville', '69002', 1), (2, '42 Quillfeather Street', 'SW1A', 2), (3, '8 avenue Zanzibar', '69003', 1);
  INSERT INTO shop.category (parent_id, label) VALUES (NULL, 'Books'), (1, 'Novels');
  INSERT INTO shop.product (title, price, category_id) VALUES ('A novel', 12.50, 2), ('A lamp', 30.00, NULL);
  INSERT INTO shop."order" VALUES (1, 1, 1, 1, 12.50, '2026-02-01T09:00:00Z'), (2, 1, 2, 2, 30.00, '2026-02-02T09:00:00Z');
  INSERT INTO shop.line_item VALUES (1, 1, 1, 1, 1), (2, 1, 1, 2, 1);
  INSERT INTO shop.payment (order_id, shop_id, card_number, amount, paid_at) VALUES
    (1, 1, '4539 1488 0343 6467', 12.50, '2026-02-01T09:01:00Z'), (2, 1, '4111 1111 1111 1111', 30.00, '2026-02-02T09:01:00Z');
  INSERT INTO shop.product_review (customer_id, product_id, comment) VALUES (2, 1, 'Zanzibarovic complains about the Quillfeather invoice');
  INSERT INTO shop.warehouse (label) VALUES ('North');`;

export const SHOP_MARIADB = `
  CREATE TABLE city (city_id int AUTO_INCREMENT PRIMARY KEY, name text NOT NULL, country char(2) NOT NULL);
  CREATE TABLE customer (customer_id int AUTO_INCREMENT PRIMARY KEY, email varchar(120) NOT NULL, first_name varchar(40) NOT NULL,
    last_name varchar(40) NOT NULL, phone varchar(30), birth_date date, last_login_ip varchar(45), created_at datetime NOT NULL,
    CONSTRAINT customer_email_key UNIQUE (email));
  CREATE TABLE address (address_id int AUTO_INCREMENT PRIMARY KEY, customer_id int NOT NULL, street varchar(100) NOT NULL, postal_code varchar(10),
    city_id int NOT NULL, CONSTRAINT address_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (customer_id),
    CONSTRAINT address_city_fk FOREIGN KEY (city_id) REFERENCES city (city_id));
  CREATE TABLE category (category_id int AUTO_INCREMENT PRIMARY KEY, parent_id int, label text NOT NULL,
    CONSTRAINT category_parent_fk FOREIGN KEY (parent_id) REFERENCES category (category_id));
  CREATE TABLE product (product_id int AUTO_INCREMENT PRIMARY KEY, title text NOT NULL, price decimal(8, 2) NOT NULL, category_id int,
    CONSTRAINT product_category_fk FOREIGN KEY (category_id) REFERENCES category (category_id));
  CREATE TABLE \`order\` (order_id int NOT NULL, shop_id int NOT NULL, customer_id int NOT NULL, shipping_address_id int,
    total decimal(10, 2) NOT NULL, placed_at datetime NOT NULL, PRIMARY KEY (order_id, shop_id),
    CONSTRAINT order_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (customer_id),
    CONSTRAINT order_address_fk FOREIGN KEY (shipping_address_id) REFERENCES address (address_id));
  CREATE TABLE line_item (order_id int NOT NULL, shop_id int NOT NULL, line_no int NOT NULL, product_id int NOT NULL, quantity int NOT NULL,
    PRIMARY KEY (order_id, shop_id, line_no), CONSTRAINT line_item_product_fk FOREIGN KEY (product_id) REFERENCES product (product_id),
    CONSTRAINT line_item_order_fk FOREIGN KEY (order_id, shop_id) REFERENCES \`order\` (order_id, shop_id));
  CREATE TABLE payment (payment_id int AUTO_INCREMENT PRIMARY KEY, order_id int NOT NULL, shop_id int NOT NULL, card_number varchar(19),
    amount decimal(10, 2) NOT NULL, paid_at datetime NOT NULL,
    CONSTRAINT payment_order_fk FOREIGN KEY (order_id, shop_id) REFERENCES \`order\` (order_id, shop_id));
  CREATE TABLE product_review (review_id int AUTO_INCREMENT PRIMARY KEY, customer_id int NOT NULL, product_id int NOT NULL, comment text,
    CONSTRAINT review_customer_fk FOREIGN KEY (customer_id) REFERENCES customer (customer_id),
    CONSTRAINT review_product_fk FOREIGN KEY (product_id) REFERENCES product (product_id));
  CREATE TABLE warehouse (warehouse_id int AUTO_INCREMENT PRIMARY KEY, label text NOT NULL);

  INSERT INTO city (name, country) VALUES ('Lyon', 'FR'), ('London', 'GB');
  INSERT INTO customer (email, first_name, last_name, phone, birth_date, last_login_ip, created_at) VALUES
    ('zq-canary-jane@example.test', 'Jane', 'Quillfeather', '+33 6 11 22 33 44', '1984-03-12', '203.0.113.77', '2026-01-05 10:00:00'),
    ('zq-canary-bob@example.test', 'Bob', 'Zanzibarovic', '+44 20 7946 0958', '1979-11-02', '198.51.100.23', '2026-01-06 10:00:00'),
    ('zq-canary-carol@example.test', 'Carol', 'Quillfeather', '+1 415 555 0132', NULL, NULL, '2026-01-07 10:00:00');
  INSERT INTO address (customer_id, street, postal_code, city_id) VALUES
    (1, '17 rue Canaryville', '69002', 1), (2, '42 Quillfeather Street', 'SW1A', 2), (3, '8 avenue Zanzibar', '69003', 1);
  INSERT INTO category (parent_id, label) VALUES (NULL, 'Books'), (1, 'Novels');
  INSERT INTO product (title, price, category_id) VALUES ('A novel', 12.50, 2), ('A lamp', 30.00, NULL);
  INSERT INTO \`order\` VALUES (1, 1, 1, 1, 12.50, '2026-02-01 09:00:00'), (2, 1, 2, 2, 30.00, '2026-02-02 09:00:00');
  INSERT INTO line_item VALUES (1, 1, 1, 1, 1), (2, 1, 1, 2, 1);
  INSERT INTO payment (order_id, shop_id, card_number, amount, paid_at) VALUES
    (1, 1, '4539 1488 0343 6467', 12.50, '2026-02-01 09:01:00'), (2, 1, '4111 1111 1111 1111', 30.00, '2026-02-02 09:01:00');
  INSERT INTO product_review (customer_id, product_id, comment) VALUES (2, 1, 'Zanzibarovic complains about the Quillfeather invoice');
  INSERT INTO warehouse (label) VALUES ('North');`;

export const SUPPORT_POSTGRES = `
  CREATE SCHEMA "Support";
  CREATE TABLE "Support"."Priority" ("PriorityId" int PRIMARY KEY, "Label" text NOT NULL);
  CREATE TABLE "Support"."Team" ("TeamId" serial PRIMARY KEY, "Label" text NOT NULL, "LeadAgentId" int);
  CREATE TABLE "Support"."Agent" ("AgentId" serial PRIMARY KEY, "Email" varchar(100) NOT NULL CONSTRAINT "Agent_Email_key" UNIQUE, "FullName" text NOT NULL,
    "TeamId" int CONSTRAINT "Agent_Team_fk" REFERENCES "Support"."Team" ("TeamId"));
  ALTER TABLE "Support"."Team" ADD CONSTRAINT "Team_LeadAgent_fk" FOREIGN KEY ("LeadAgentId") REFERENCES "Support"."Agent" ("AgentId");
  CREATE TABLE "Support"."Contact" ("ContactId" serial PRIMARY KEY, "EmailAddress" varchar(254) NOT NULL CONSTRAINT "Contact_Email_key" UNIQUE,
    "FirstName" varchar(50) NOT NULL, "LastName" varchar(50), "Phone" varchar(20), "Birthday" date);
  CREATE TABLE "Support"."Ticket" ("TicketId" serial PRIMARY KEY,
    "RequesterId" int NOT NULL CONSTRAINT "Ticket_Requester_fk" REFERENCES "Support"."Contact" ("ContactId"),
    "AssigneeId" int CONSTRAINT "Ticket_Assignee_fk" REFERENCES "Support"."Agent" ("AgentId"),
    "PriorityId" int NOT NULL CONSTRAINT "Ticket_Priority_fk" REFERENCES "Support"."Priority" ("PriorityId"),
    "ParentTicketId" int CONSTRAINT "Ticket_Parent_fk" REFERENCES "Support"."Ticket" ("TicketId"),
    "Subject" varchar(200) NOT NULL, "OpenedAt" timestamptz NOT NULL);
  CREATE TABLE "Support"."TicketMessage" ("TicketId" int NOT NULL CONSTRAINT "Message_Ticket_fk" REFERENCES "Support"."Ticket" ("TicketId"),
    "Seq" int NOT NULL, "Body" text NOT NULL, "SentFromIp" varchar(45), PRIMARY KEY ("TicketId", "Seq"));
  CREATE TABLE "Support"."Device" ("DeviceId" serial PRIMARY KEY, "ContactId" int NOT NULL CONSTRAINT "Device_Contact_fk" REFERENCES "Support"."Contact" ("ContactId"),
    "LastIp" varchar(45), "UserAgent" text);
  CREATE TABLE "Support"."Satisfaction" ("SurveyId" serial PRIMARY KEY,
    "ContactId" int NOT NULL CONSTRAINT "Satisfaction_Contact_fk" REFERENCES "Support"."Contact" ("ContactId"), "Score" int, "Comment" text);
  CREATE TABLE "Support"."AuditTrail" ("Id" bigserial PRIMARY KEY, "Action" text NOT NULL, "At" timestamptz NOT NULL);

  INSERT INTO "Support"."Priority" VALUES (1, 'Low'), (2, 'High');
  INSERT INTO "Support"."Team" ("Label") VALUES ('Tier 1');
  INSERT INTO "Support"."Agent" ("Email", "FullName", "TeamId") VALUES ('zq-agent-mike@example.test', 'Mike Zanzibarovic', 1);
  UPDATE "Support"."Team" SET "LeadAgentId" = 1;
  INSERT INTO "Support"."Contact" ("EmailAddress", "FirstName", "LastName", "Phone", "Birthday") VALUES
    ('zq-canary-jane@example.test', 'Jane', 'Quillfeather', '+33 6 11 22 33 44', '1984-03-12'),
    ('zq-canary-bob@example.test', 'Bob', 'Zanzibarovic', '+44 20 7946 0958', '1979-11-02'),
    ('zq-canary-carol@example.test', 'Carol', NULL, '+1 415 555 0132', NULL);
  INSERT INTO "Support"."Ticket" ("RequesterId", "AssigneeId", "PriorityId", "ParentTicketId", "Subject", "OpenedAt") VALUES
    (1, 1, 2, NULL, 'Printer on fire at Quillfeather HQ', '2026-01-05T10:00:00Z'), (1, NULL, 1, 1, 'Printer on fire at Quillfeather HQ', '2026-01-06T10:00:00Z');
  INSERT INTO "Support"."TicketMessage" VALUES (1, 1, 'Zanzibarovic complains about the Quillfeather invoice', '203.0.113.77'),
    (1, 2, 'Printer on fire at Quillfeather HQ', '198.51.100.23');
  INSERT INTO "Support"."Device" ("ContactId", "LastIp", "UserAgent") VALUES (1, '203.0.113.77', 'Mozilla/5.0 (Canary)'), (2, '198.51.100.23', 'Mozilla/5.0 (Canary)');
  INSERT INTO "Support"."Satisfaction" ("ContactId", "Score", "Comment") VALUES (1, 2, 'Zanzibarovic complains about the Quillfeather invoice');
  INSERT INTO "Support"."AuditTrail" ("Action", "At") VALUES ('export', '2026-01-05T10:00:00Z');`;

export const SUPPORT_MARIADB = `
  CREATE TABLE \`Priority\` (\`PriorityId\` int PRIMARY KEY, \`Label\` text NOT NULL);
  CREATE TABLE \`Team\` (\`TeamId\` int AUTO_INCREMENT PRIMARY KEY, \`Label\` text NOT NULL, \`LeadAgentId\` int);
  CREATE TABLE \`Agent\` (\`AgentId\` int AUTO_INCREMENT PRIMARY KEY, \`Email\` varchar(100) NOT NULL, \`FullName\` text NOT NULL, \`TeamId\` int,
    CONSTRAINT \`Agent_Email_key\` UNIQUE (\`Email\`), CONSTRAINT \`Agent_Team_fk\` FOREIGN KEY (\`TeamId\`) REFERENCES \`Team\` (\`TeamId\`));
  ALTER TABLE \`Team\` ADD CONSTRAINT \`Team_LeadAgent_fk\` FOREIGN KEY (\`LeadAgentId\`) REFERENCES \`Agent\` (\`AgentId\`);
  CREATE TABLE \`Contact\` (\`ContactId\` int AUTO_INCREMENT PRIMARY KEY, \`EmailAddress\` varchar(254) NOT NULL, \`FirstName\` varchar(50) NOT NULL,
    \`LastName\` varchar(50), \`Phone\` varchar(20), \`Birthday\` date, CONSTRAINT \`Contact_Email_key\` UNIQUE (\`EmailAddress\`));
  CREATE TABLE \`Ticket\` (\`TicketId\` int AUTO_INCREMENT PRIMARY KEY, \`RequesterId\` int NOT NULL, \`AssigneeId\` int, \`PriorityId\` int NOT NULL,
    \`ParentTicketId\` int, \`Subject\` varchar(200) NOT NULL, \`OpenedAt\` datetime NOT NULL,
    CONSTRAINT \`Ticket_Requester_fk\` FOREIGN KEY (\`RequesterId\`) REFERENCES \`Contact\` (\`ContactId\`),
    CONSTRAINT \`Ticket_Assignee_fk\` FOREIGN KEY (\`AssigneeId\`) REFERENCES \`Agent\` (\`AgentId\`),
    CONSTRAINT \`Ticket_Priority_fk\` FOREIGN KEY (\`PriorityId\`) REFERENCES \`Priority\` (\`PriorityId\`),
    CONSTRAINT \`Ticket_Parent_fk\` FOREIGN KEY (\`ParentTicketId\`) REFERENCES \`Ticket\` (\`TicketId\`));
  CREATE TABLE \`TicketMessage\` (\`TicketId\` int NOT NULL, \`Seq\` int NOT NULL, \`Body\` text NOT NULL, \`SentFromIp\` varchar(45),
    PRIMARY KEY (\`TicketId\`, \`Seq\`), CONSTRAINT \`Message_Ticket_fk\` FOREIGN KEY (\`TicketId\`) REFERENCES \`Ticket\` (\`TicketId\`));
  CREATE TABLE \`Device\` (\`DeviceId\` int AUTO_INCREMENT PRIMARY KEY, \`ContactId\` int NOT NULL, \`LastIp\` varchar(45), \`UserAgent\` text,
    CONSTRAINT \`Device_Contact_fk\` FOREIGN KEY (\`ContactId\`) REFERENCES \`Contact\` (\`ContactId\`));
  CREATE TABLE \`Satisfaction\` (\`SurveyId\` int AUTO_INCREMENT PRIMARY KEY, \`ContactId\` int NOT NULL, \`Score\` int, \`Comment\` text,
    CONSTRAINT \`Satisfaction_Contact_fk\` FOREIGN KEY (\`ContactId\`) REFERENCES \`Contact\` (\`ContactId\`));
  CREATE TABLE \`AuditTrail\` (\`Id\` bigint AUTO_INCREMENT PRIMARY KEY, \`Action\` text NOT NULL, \`At\` datetime NOT NULL);

  INSERT INTO \`Priority\` VALUES (1, 'Low'), (2, 'High');
  INSERT INTO \`Team\` (\`Label\`) VALUES ('Tier 1');
  INSERT INTO \`Agent\` (\`Email\`, \`FullName\`, \`TeamId\`) VALUES ('zq-agent-mike@example.test', 'Mike Zanzibarovic', 1);
  UPDATE \`Team\` SET \`LeadAgentId\` = 1;
  INSERT INTO \`Contact\` (\`EmailAddress\`, \`FirstName\`, \`LastName\`, \`Phone\`, \`Birthday\`) VALUES
    ('zq-canary-jane@example.test', 'Jane', 'Quillfeather', '+33 6 11 22 33 44', '1984-03-12'),
    ('zq-canary-bob@example.test', 'Bob', 'Zanzibarovic', '+44 20 7946 0958', '1979-11-02'),
    ('zq-canary-carol@example.test', 'Carol', NULL, '+1 415 555 0132', NULL);
  INSERT INTO \`Ticket\` (\`RequesterId\`, \`AssigneeId\`, \`PriorityId\`, \`ParentTicketId\`, \`Subject\`, \`OpenedAt\`) VALUES
    (1, 1, 2, NULL, 'Printer on fire at Quillfeather HQ', '2026-01-05 10:00:00'), (1, NULL, 1, 1, 'Printer on fire at Quillfeather HQ', '2026-01-06 10:00:00');
  INSERT INTO \`TicketMessage\` VALUES (1, 1, 'Zanzibarovic complains about the Quillfeather invoice', '203.0.113.77'),
    (1, 2, 'Printer on fire at Quillfeather HQ', '198.51.100.23');
  INSERT INTO \`Device\` (\`ContactId\`, \`LastIp\`, \`UserAgent\`) VALUES (1, '203.0.113.77', 'Mozilla/5.0 (Canary)'), (2, '198.51.100.23', 'Mozilla/5.0 (Canary)');
  INSERT INTO \`Satisfaction\` (\`ContactId\`, \`Score\`, \`Comment\`) VALUES (1, 2, 'Zanzibarovic complains about the Quillfeather invoice');
  INSERT INTO \`AuditTrail\` (\`Action\`, \`At\`) VALUES ('export', '2026-01-05 10:00:00');`;
