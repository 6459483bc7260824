import { afterEach, expect, it } from "vitest";
import { TooManyRequestsError } from "@/lib/errors/too-many-requests";
import { newAccount } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { countUpload } from "./upload-limit";

describeEachDatabase("upload rate limit", (kind) => {
  const t = useTestDatabase(kind);
  afterEach(() => {
    delete process.env.CHAINLINE_UPLOADS_PER_HOUR;
  });

  it("refuses a user's uploads past the hourly limit (429, audited), and counts each user apart", async () => {
    process.env.CHAINLINE_UPLOADS_PER_HOUR = "3";
    const a = await newAccount(t.db);
    const b = await newAccount(t.db);
    const incidentId = "00000000-0000-4000-8000-000000000001";
    for (let i = 0; i < 3; i++) await countUpload(a.ctx, incidentId);
    await expect(countUpload(a.ctx, incidentId)).rejects.toBeInstanceOf(TooManyRequestsError);
    await countUpload(b.ctx, incidentId);
    const [row] = await t.db.sql.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_entries WHERE action = 'upload.rate-limited' AND actor_id = $1",
      [a.ctx.actor.userId],
    );
    expect(row?.n).toBe(1);
  });
});
