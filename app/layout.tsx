import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Chainline", template: "%s · Chainline" },
  description: "Reconstruct the timeline of a security incident from the logs that survived it.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Applies a remembered theme before first paint (a fixed script, no user content). */}
        <script>{`try{var t=localStorage.getItem("chainline-theme");if(t)document.documentElement.dataset.theme=t}catch(e){}`}</script>
      </head>
      <body className="min-h-screen">
        <header className="border-b border-line bg-panel">
          <div className="mx-auto flex h-12 max-w-[96rem] items-center gap-6 px-4">
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
            <ThemeToggle />
          </div>
        </header>
        <main className="mx-auto max-w-[96rem] px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
