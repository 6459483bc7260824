import path from "node:path";
import { expect, it } from "vitest";
import { importFile } from "@/lib/ingest/import-file";
import { type ChainView, getChain } from "@/lib/queries/get-chain";
import { incidentWithRoles } from "@/lib/testing/accounts";
import { describeEachDatabase, useTestDatabase } from "@/lib/testing/test-databases";
import { analyzeIncident } from "./analyze-incident";
import { backwardArrows } from "./chain-checks";

// The real public files in ../shared/samples, read in place (see its SOURCES.md).
const SAMPLES = path.resolve(import.meta.dirname, "../../../shared/samples");

describeEachDatabase("chains from linked evidence on the real samples", (kind) => {
  const t = useTestDatabase(kind);

  it("keep the mailbox compromise one chain from 175.45.176.99 and the LSASS dump apart, every arrow forward and saying what ties it", async () => {
    const { incidentId, owner, member } = await incidentWithRoles(t.db, ["executive"]);
    const ctx = owner.ctx;
    for (const f of ["windows/lsass_dump_comsvcs.jsonl", "m365/office_activity.csv", "entra/sign-in_adelete.csv"]) {
      await importFile(ctx, { incidentId, filePath: path.join(SAMPLES, f) });
    }
    await analyzeIncident(ctx, incidentId);
    const chain = await getChain(ctx, incidentId);
    if (!chain) throw new Error("no chain");

    const stagesOf = (c: ChainView["chains"][number]) => c.stepIds.map((id) => chain.steps.find((s) => s.id === id)?.stageKey);
    const chains = chain.chains.filter((c) => c.kind === "chain");
    expect(chains).toHaveLength(2);
    const [lsass, mailbox] = chains;
    if (!lsass || !mailbox) throw new Error("two chains expected");
    // In the order it happened: sign-in, then files and mail read, then the inbox rule (and the anonymous link).
    expect(stagesOf(mailbox)).toEqual(["initial-access", "collection", "persistence", "exfiltration"]);
    // Six months earlier on another host: its own chain, its way in unseen and inferred.
    expect(stagesOf(lsass)).toEqual(["initial-access", "defense-evasion", "credential-access"]);
    expect(chain.steps.find((s) => s.id === lsass.stepIds[0])?.inferred).toBe(true);
    expect(backwardArrows(chain)).toEqual([]);

    // Each arrow of the mailbox chain names the attacker's account and address.
    for (const link of mailbox.links) {
      expect(link.kind).toBe("entity");
      expect(link.ties).toEqual(
        expect.arrayContaining([
          { kind: "account", value: "adelev@m365x816222.onmicrosoft.com" },
          { kind: "ip", value: "175.45.176.99" },
        ]),
      );
    }
    // Every step names its entities; the inbox rule's address is the sign-ins'.
    const mailSteps = mailbox.stepIds.map((id) => chain.steps.find((s) => s.id === id));
    for (const s of mailSteps) expect(s?.entities.some((e) => e.kind === "ip" && e.value === "175.45.176.99")).toBe(true);

    // Confidence follows evidence: no failed sign-in is evidence; the sign-ins are confirmed by the
    // mailbox's own log naming the same address; the lone log clearing is only likely.
    const signIn = mailSteps[0];
    expect(signIn?.confidence.label).toBe("confirmed");
    expect(signIn?.rationale).toMatch(/from another source, names the same/);
    const cleared = chain.steps.find((s) => s.stageKey === "defense-evasion");
    expect(cleared?.confidence).toMatchObject({ label: "likely", score: 70 });
    expect(cleared?.rationale).toMatch(/likely until another source or kind of evidence corroborates it/);

    // An executive sees the arrows and what kind of tie they rest on, not the accounts and addresses.
    const forExecutive = await getChain(member("executive"), incidentId);
    const execLinks = forExecutive?.chains.flatMap((c) => c.links) ?? [];
    expect(execLinks.length).toBe(chain.chains.flatMap((c) => c.links).length);
    expect(execLinks.every((l) => l.ties.length === 0 && !l.rationale.includes("175.45"))).toBe(true);

    // As of a date between the two intrusions, only the first was observed.
    const before = await getChain(ctx, incidentId, new Date("2021-01-01T00:00:00Z"));
    expect(before?.steps.map((s) => s.stageKey)).toEqual(["initial-access", "defense-evasion", "credential-access"]);
    expect(before?.notYetObserved).toBe(4);

    // A rebuild keeps the chains' and steps' ids.
    await analyzeIncident(ctx, incidentId);
    const again = await getChain(ctx, incidentId);
    expect(again?.chains.map((c) => [c.id, c.stepIds])).toEqual(chain.chains.map((c) => [c.id, c.stepIds]));
  });
});
