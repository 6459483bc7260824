import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/access/change-password-form";
import { TokensPanel } from "@/components/access/tokens-panel";
import { getPageContext } from "@/lib/access/request-context";
import { listApiTokens } from "@/lib/access/tokens/list-api-tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account" };

// Any signed-in user: their own password and personal access tokens.
export default async function AccountPage() {
  const ctx = await getPageContext();
  const tokens = await listApiTokens(ctx);
  return (
    <div className="grid gap-6 lg:grid-cols-[22rem_1fr]">
      <section aria-labelledby="password-heading" className="rounded border border-line bg-panel p-4">
        <h1 className="text-xl font-semibold">{ctx.actor.name}</h1>
        <p className="mb-4 text-sm text-muted">
          {ctx.actor.email}
          {ctx.actor.isAdmin ? " · instance admin" : ""}
        </p>
        <h2 id="password-heading" className="mb-2 font-semibold">
          Password
        </h2>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="tokens-heading" className="rounded border border-line bg-panel p-4">
        <h2 id="tokens-heading" className="font-semibold">
          Personal access tokens
        </h2>
        <p className="mb-3 text-sm text-muted">
          For the REST API (<code>Authorization: Bearer …</code>) and the CLI against this server (
          <code>echo TOKEN | npm run chainline -- login --server URL</code>). A read token cannot change anything. Only a hash is kept.
        </p>
        <TokensPanel
          tokens={tokens.map((t) => ({ ...t, expiresAt: t.expiresAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null }))}
        />
      </section>
    </div>
  );
}
