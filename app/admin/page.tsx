import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AdminPanel } from "@/components/access/admin-panel";
import { getInstanceSettings } from "@/lib/access/accounts/instance-settings";
import { listAccounts } from "@/lib/access/accounts/list-accounts";
import { oidcConfigFromEnv } from "@/lib/access/oidc-config";
import { getPageContext } from "@/lib/access/request-context";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Admin" };

// The instance admin only; anyone else gets the 404 page.
export default async function AdminPage() {
  const ctx = await getPageContext();
  if (!ctx.actor.isAdmin) notFound();
  const [accounts, settings] = await Promise.all([listAccounts(ctx), getInstanceSettings(ctx.db)]);
  return (
    <div className="space-y-3">
      <div className="flex items-baseline justify-between">
        <h1 className="text-xl font-semibold">Admin</h1>
        <Link href="/admin/audit" className="text-sm text-accent underline">
          Instance audit trail
        </Link>
      </div>
      <AdminPanel
        accounts={accounts.map((a) => ({
          id: a.id,
          email: a.email,
          name: a.name,
          isAdmin: a.isAdmin,
          isDisabled: Boolean(a.disabledAt),
          signIn: a.signIn,
          isSelf: a.id === ctx.actor.userId,
        }))}
        ssoSignup={settings.ssoSignup}
        hasSso={Boolean(oidcConfigFromEnv())}
      />
    </div>
  );
}
