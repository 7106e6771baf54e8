import Link from "next/link";

export default function StaffNotFound() {
  return (
    <div className="staff-page">
      <h1>Not found</h1>
      <p>There is nothing at this address. The request or page may have been removed.</p>
      <p>
        <Link href="/staff/requests">Back to the requests</Link>
      </p>
    </div>
  );
}
