import Link from "next/link";

export default function Forbidden() {
  return (
    <div className="staff-page">
      <h1>Not allowed</h1>
      <p>Your role does not give access to this page. If you need it, ask an administrator.</p>
      <p>
        <Link href="/staff/requests">Back to the requests</Link>
      </p>
    </div>
  );
}
