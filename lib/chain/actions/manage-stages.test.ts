import { expect, it } from "vitest";
import { actorOfUser } from "@/lib/access/actor-of-user";
import { createIncident } from "@/lib/actions/create-incident";
import { getLocalContext } from "@/lib/context/get-local-context";
import { listStages } from "@/lib/queries/list-stages";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { addStage, renameStage, reorderStages, StageListError } from "./manage-stages";

describeEachDatabase("managing an incident's stages", (kind) => {
  const t = useTestDatabase(kind);

  it("adds, renames and reorders stages, keeping positions dense, refusing inconsistent lists, and auditing each change", async () => {
    const ctx = await getLocalContext(t.db);
    const { id } = await createIncident(ctx, { title: "Stages", stageSet: "generic" });
    const keys = async () => (await listStages(ctx, id)).map((s) => s.key);
    const initial = await keys();
    expect(initial[0]).toBe("initial-access");

    const added = await addStage(ctx, id, { key: "reconnaissance", name: "Reconnaissance", attackTactic: "TA0043", position: 0 });
    expect(added.position).toBe(0);
    expect(await keys()).toEqual(["reconnaissance", ...initial]);
    expect((await listStages(ctx, id)).map((s) => s.position)).toEqual([...Array(initial.length + 1).keys()]);
    await expect(addStage(ctx, id, { key: "reconnaissance", name: "Again" })).rejects.toThrow(StageListError);
    await expect(addStage(ctx, id, { key: "Bad Key", name: "x" })).rejects.toThrow(/lower-case/);

    await renameStage(ctx, id, "reconnaissance", { name: "Recon and scanning" });
    expect((await listStages(ctx, id))[0]).toMatchObject({ key: "reconnaissance", name: "Recon and scanning" });

    const reversed = [...(await keys())].reverse();
    await reorderStages(ctx, id, { keys: reversed });
    expect(await keys()).toEqual(reversed);
    // Every stage exactly once, or nothing changes.
    await expect(reorderStages(ctx, id, { keys: reversed.slice(1) })).rejects.toThrow(/missing: /);
    await expect(reorderStages(ctx, id, { keys: [...reversed.slice(0, -1), "nope"] })).rejects.toThrow(/unknown: nope/);
    expect(await keys()).toEqual(reversed);

    const audit = await t.db.sql.query<{ action: string }>(
      "SELECT action FROM audit_entries WHERE incident_id = $1 AND action LIKE 'stage.%' ORDER BY id",
      [id],
    );
    expect(audit.map((a) => a.action)).toEqual(["stage.add", "stage.rename", "stage.reorder"]);

    // Someone who is not a member can neither see nor change them.
    const outsider = await t.db.prisma.user.create({ data: { email: `outsider-${Date.now()}@example.test`, name: "Outsider" } });
    const stranger = { db: t.db, actor: actorOfUser(outsider, "cli") };
    expect(await listStages(stranger, id)).toEqual([]);
    await expect(renameStage(stranger, id, "reconnaissance", { name: "x" })).rejects.toThrow(/not a member/);
  });
});
