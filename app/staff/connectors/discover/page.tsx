import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { requireStaffPage } from "@/lib/auth/require-staff.ts";
import { DEFAULT_SAMPLE_SIZE } from "@/lib/discovery/discover-mapping.ts";
import { DiscoverForm } from "../_components/discover-form.tsx";
import "../connectors.css";

export const metadata: Metadata = { title: "Propose a mapping" };

export default async function ProposeMappingPage() {
  await requireStaffPage("connectors.manage");
  await connection();
  return (
    <div className="staff-page">
      <p>
        <Link href="/staff/connectors">← Connectors</Link>
      </p>
      <h1>Propose a mapping</h1>
      <p>
        The portal reads a database's tables, keys and a sample of at most {DEFAULT_SAMPLE_SIZE} rows per table, and proposes a connector:
        which table identifies the person, how every other table reaches it, what each holds and what erasure should do. Each guess says how
        sure it is and why. Values are only counted against patterns (emails, phone numbers, names…), never copied or shown.
      </p>
      <p>
        It runs read-only, for at most 30 seconds. The address is used to connect and is neither stored nor logged. A user with read rights
        is enough. The same is available as <code>npm run admin -- discover</code>.
      </p>
      <DiscoverForm />
    </div>
  );
}
