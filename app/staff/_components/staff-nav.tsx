"use client";
// The staff navigation: only the sections the role may open, the current one marked.
import Link from "next/link";
import { usePathname } from "next/navigation";

export function StaffNav({ label, items }: { label: string; items: Array<{ href: string; label: string }> }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="staff-nav">
      <ul>
        {items.map((item) => {
          const current = pathname === item.href || pathname.startsWith(`${item.href}/`);
          return (
            <li key={item.href}>
              {item.href.startsWith("/staff/queues") ? (
                // The queues dashboard is served by a route handler, not a page: a plain link, no prefetch.
                <a href={item.href} aria-current={current ? "page" : undefined}>
                  {item.label}
                </a>
              ) : (
                <Link href={item.href} aria-current={current ? "page" : undefined}>
                  {item.label}
                </Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
