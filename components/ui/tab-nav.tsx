"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

type Tab = { href: string; label: string /** Other paths the tab is current on (the import page belongs to Sources). */; also?: string[] };

/** A row of links styled as tabs; the one holding the current path is marked current. */
export function TabNav({ label, tabs }: { label: string; tabs: Tab[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="flex gap-1 border-b border-line">
      {tabs.map((t) => {
        // A tab stays current on its sub-pages (an entity's page under Entities), except the
        // first tab, whose path is every other tab's prefix.
        const isCurrent =
          pathname === t.href ||
          (t.href !== tabs[0]?.href && pathname.startsWith(`${t.href}/`)) ||
          (t.also ?? []).some((a) => pathname === a || pathname.startsWith(`${a}/`));
        return (
          <Link
            key={t.href}
            href={t.href}
            aria-current={isCurrent ? "page" : undefined}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${isCurrent ? "border-accent font-medium text-ink" : "border-transparent text-muted hover:text-ink"}`}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
