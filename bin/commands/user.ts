import { createAccountByAdmin } from "@/lib/access/accounts/create-account-by-admin";
import { listAccounts } from "@/lib/access/accounts/list-accounts";
import { resetPassword } from "@/lib/access/accounts/set-password";
import { needsFirstAdmin, setupFirstAdmin } from "@/lib/access/accounts/setup-first-admin";
import { getDb } from "@/lib/db";
import { NotFoundError } from "@/lib/errors/not-found";
import { cliContext } from "../cli-context";
import { type Command, UsageError } from "../command";
import { printTable } from "../print-table";
import { passwordFrom } from "../read-secret";

const PASSWORD_HELP =
  "The password comes from CHAINLINE_PASSWORD or --password-stdin; without either a random one is made and printed once.";

export const userCreate: Command = {
  path: ["user", "create"],
  summary: "Create an account (the first --admin needs no one's permission; after that, only the admin's)",
  help: [PASSWORD_HELP],
  options: {
    email: { type: "string", description: "email address (required)" },
    name: { type: "string", description: "display name (default: the part before @)" },
    admin: { type: "boolean", description: "make it an instance admin" },
    "password-stdin": { type: "boolean", description: "read the password from the first line of stdin" },
  },
  async run({ values }) {
    if (typeof values.email !== "string") throw new UsageError("--email is required");
    const { password, generated } = await passwordFrom(values);
    const input = {
      email: values.email,
      name: (values.name as string | undefined) ?? values.email.split("@")[0] ?? values.email,
      password,
    };
    const db = await getDb();
    const first = Boolean(values.admin) && (await needsFirstAdmin(db));
    const user = first
      ? (await setupFirstAdmin(db, input)).admin
      : await createAccountByAdmin(await cliContext(), input, { isAdmin: Boolean(values.admin) });
    console.log(`created ${user.isAdmin ? "admin " : ""}account ${user.email} (${user.id})${first ? ": the instance admin" : ""}`);
    if (generated) console.log(`password (shown once): ${password}`);
    return 0;
  },
};

export const userList: Command = {
  path: ["user", "list"],
  summary: "List accounts (instance admin)",
  options: { json: { type: "boolean", description: "print JSON" } },
  async run({ values }) {
    const rows = await listAccounts(await cliContext());
    if (values.json) console.log(JSON.stringify(rows, null, 2));
    else
      printTable(
        ["ID", "EMAIL", "NAME", "ADMIN", "SIGN-IN", "STATE"],
        rows.map((r) => [r.id, r.email, r.name, r.isAdmin ? "yes" : "", r.signIn.join(",") || "-", r.disabledAt ? "disabled" : "active"]),
      );
    return 0;
  },
};

export const userResetPassword: Command = {
  path: ["user", "reset-password"],
  summary: "Set a new password for an account and end its sessions (instance admin)",
  help: [PASSWORD_HELP],
  options: {
    email: { type: "string", description: "the account's email (required)" },
    "password-stdin": { type: "boolean", description: "read the password from the first line of stdin" },
  },
  async run({ values }) {
    if (typeof values.email !== "string") throw new UsageError("--email is required");
    const ctx = await cliContext();
    const user = await ctx.db.prisma.user.findUnique({ where: { email: values.email.trim().toLowerCase() } });
    if (!user) throw new NotFoundError(`no account ${values.email}`);
    const { password, generated } = await passwordFrom(values);
    await resetPassword(ctx, user.id, password);
    console.log(`new password set for ${user.email}; its sessions were ended`);
    if (generated) console.log(`password (shown once): ${password}`);
    return 0;
  },
};
