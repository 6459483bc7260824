import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/access/sign-out-button";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { currentActor } from "@/lib/access/current-user";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Chainline", template: "%s · Chainline" },
  description: "Reconstruct the timeline of a security incident from the logs that survived it.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The proxy's per-request nonce: the one inline script below runs under the CSP with it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const actor = await currentActor();
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Applies a remembered theme before first paint (a fixed script, no user content). */}
        <script
          nonce={nonce}
        >{`try{var t=localStorage.getItem("chainline-theme");if(t)document.documentElement.dataset.theme=t}catch(e){}`}</script>
      </head>
      <body className="min-h-screen">
        <header className="no-print border-b border-line bg-panel">
          <div className="mx-auto flex h-12 max-w-[96rem] items-center gap-6 px-4">
            <Link href="/incidents" className="text-base font-semibold tracking-tight">
              Chainline
            </Link>
            {actor && (
              <nav aria-label="Main" className="text-sm text-muted">
                <Link href="/incidents" className="hover:text-ink">
                  Incidents
                </Link>
                <Link href="/action-items" className="ml-4 hover:text-ink">
                  Action items
                </Link>
                <Link href="/training" className="ml-4 hover:text-ink">
                  Training
                </Link>
                <Link href="/formats" className="ml-4 hover:text-ink">
                  Formats
                </Link>
                {actor.isAdmin && (
                  <Link href="/admin" className="ml-4 hover:text-ink">
                    Admin
                  </Link>
                )}
              </nav>
            )}
            <div className="ml-auto flex items-center gap-4">
              {actor && (
                <>
                  <Link href="/account" className="text-sm text-muted hover:text-ink" title={actor.email}>
                    {actor.name}
                  </Link>
                  <SignOutButton />
                </>
              )}
              <ThemeToggle />
            </div>
          </div>
        </header>
        <main className="mx-auto max-w-[96rem] px-4 py-6">{children}</main>
      </body>
    </html>
  );
}
