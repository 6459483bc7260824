import { createApiToken } from "@/lib/access/tokens/create-api-token";
import { listApiTokens } from "@/lib/access/tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/access/tokens/revoke-api-token";
import { cliContext } from "../cli-context";
import { type Command, UsageError, wholeNumber } from "../command";
import { printTable } from "../print-table";

export const tokenCreate: Command = {
  path: ["token", "create"],
  summary: "Create a personal access token for the acting user (--as); it is printed once",
  options: {
    name: { type: "string", description: "what it is for (required)" },
    scope: { type: "string", description: "read | write (default read)" },
    days: { type: "string", description: "days until it expires, 1–365 (default 30)" },
    json: { type: "boolean", description: "print JSON" },
  },
  async run({ values }) {
    if (typeof values.name !== "string") throw new UsageError("--name is required");
    const scope = (values.scope as string | undefined) ?? "read";
    if (scope !== "read" && scope !== "write") throw new UsageError("--scope must be read or write");
    const t = await createApiToken(await cliContext(), { name: values.name, scope, expiresInDays: wholeNumber("days", values.days, 30) });
    if (values.json) console.log(JSON.stringify(t, null, 2));
    else console.log(`token ${t.id} (${t.scope}, expires ${t.expiresAt.toISOString().slice(0, 10)}); shown once:\n${t.token}`);
    return 0;
  },
};

export const tokenList: Command = {
  path: ["token", "list"],
  summary: "List the acting user's tokens (never their secrets)",
  options: { json: { type: "boolean", description: "print JSON" } },
  async run({ values }) {
    const rows = await listApiTokens(await cliContext());
    if (values.json) console.log(JSON.stringify(rows, null, 2));
    else
      printTable(
        ["ID", "NAME", "PREFIX", "SCOPE", "STATE", "EXPIRES", "LAST USED"],
        rows.map((r) => [
          r.id,
          r.name,
          r.prefix,
          r.scope,
          r.state,
          r.expiresAt.toISOString().slice(0, 10),
          r.lastUsedAt?.toISOString() ?? "-",
        ]),
      );
    return 0;
  },
};

export const tokenRevoke: Command = {
  path: ["token", "revoke"],
  summary: "Revoke a token by id",
  positionals: "TOKEN_ID",
  async run({ positionals }) {
    const [id] = positionals;
    if (!id) throw new UsageError("name the token's id (chainline token list)");
    await revokeApiToken(await cliContext(), id);
    console.log(`token ${id} revoked`);
    return 0;
  },
};
