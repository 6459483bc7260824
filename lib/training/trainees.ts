import type { Ctx } from "@/lib/context/ctx";
import { InvalidRequestError } from "@/lib/errors/invalid-request";

/** The trainees' accounts by e-mail, in the order given; refused naming every e-mail without an (enabled) account. */
export async function resolveTrainees(ctx: Ctx, emails: readonly string[]): Promise<{ id: string; email: string; name: string }[]> {
  const unique = [...new Set(emails)];
  const people = await ctx.db.prisma.user.findMany({
    where: { email: { in: unique }, disabledAt: null },
    select: { id: true, email: true, name: true },
  });
  const unknown = unique.filter((e) => !people.some((p) => p.email === e));
  if (unknown.length > 0) throw new InvalidRequestError(`no account for ${unknown.join(", ")}: invite them first`);
  return unique.map((e) => people.find((p) => p.email === e) as (typeof people)[number]);
}
