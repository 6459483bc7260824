import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Chainline", template: "%s · Chainline" },
  description: "Reconstruct the timeline of a security incident from the logs that survived it.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">
        <header className="border-b border-line bg-panel">
          <div className="mx-auto flex h-12 max-w-6xl items-center gap-6 px-4">
            <Link href="/incidents" className="text-base font-semibold tracking-tight">
              Chainline
            </Link>
            <nav aria-label="Main" className="text-sm text-muted">
              <Link href="/incidents" className="hover:text-ink">
                Incidents
              </Link>
              <Link href="/formats" className="ml-4 hover:text-ink">
                Formats
              </Link>
            </nav>
          </div>
        </header>
        <main className="mx-auto max-w-6xl px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
