import type { AuditWho } from "@/lib/audit/audit-who";
import { recordAudit } from "@/lib/audit/record-audit";
import { InvalidRequestError } from "@/lib/errors/invalid-request";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword } from "../password-hash";
import { type TNewAccount, ZNewAccount } from "../schemas";

/** The account fields every list and page shows. */
export const ACCOUNT_SELECT = { id: true, email: true, name: true, isAdmin: true, disabledAt: true, createdAt: true } as const;

/**
 * Creates a password account (better-auth's shape: a user row and a "credential" account row with
 * the argon2id hash) inside the caller's transaction, and audits it. `who` is null for the
 * instance's first admin, who is their own creator.
 */
export async function createAccountTx(
  tx: Prisma.TransactionClient,
  who: AuditWho | null,
  input: TNewAccount,
  options: { isAdmin?: boolean } = {},
) {
  const data = ZNewAccount.parse(input);
  if (await tx.user.findUnique({ where: { email: data.email } }))
    throw new InvalidRequestError(`an account for ${data.email} already exists`);
  const user = await tx.user.create({
    data: { email: data.email, name: data.name, isAdmin: options.isAdmin ?? false, emailVerified: false },
    select: ACCOUNT_SELECT,
  });
  await tx.account.create({
    data: {
      userId: user.id,
      accountId: user.id,
      providerId: "credential",
      password: await hashPassword(data.password),
    },
  });
  await recordAudit(tx, who ?? { actor: { userId: user.id, via: "session" } }, {
    action: "user.create",
    entityType: "User",
    entityId: user.id,
    after: user,
  });
  return user;
}
