import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SetupForm } from "@/components/access/setup-form";
import { needsFirstAdmin } from "@/lib/access/accounts/setup-first-admin";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Set up Chainline" };

// Anyone may open this page, and only while the instance has no admin; after that it sends them to sign in.
export default async function SetupPage() {
  if (!(await needsFirstAdmin(await getDb()))) redirect("/sign-in");
  return (
    <div className="mx-auto mt-12 max-w-sm rounded border border-line bg-panel p-6">
      <h1 className="text-xl font-semibold">Set up Chainline</h1>
      <p className="mb-4 mt-1 text-sm text-muted">
        No accounts yet. The first is the instance admin, who creates the others and owns any incident made before there were accounts. (Or
        run <code>npm run chainline -- user create --admin --email you@example.org</code> on the server.)
      </p>
      <SetupForm />
    </div>
  );
}
