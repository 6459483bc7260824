// npm run db:seed – the demo: one account per role (printed) and the Storm-0558 scenario loaded into the demo
// incident as the demo admin, with every demo account a member in its role (idempotent).
// DEMO_NOISE sets the background records (default 2000); DEMO_DIR where the raw files go; DEMO_PASSWORD the accounts' password.
import { closeDb, getDb } from "@/lib/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD_DEFAULT } from "@/lib/demo/demo-accounts";
import { ensureDemoAccounts, ensureDemoMemberships } from "@/lib/demo/ensure-demo-accounts";
import { ensureDemoStory } from "@/lib/demo/ensure-demo-story";
import { loadScenario } from "@/lib/scenarios/load-scenario";

const noise = Number(process.env.DEMO_NOISE ?? 2000);
const db = await getDb();
const admin = await ensureDemoAccounts(db);
const r = await loadScenario(admin, {
  noise,
  dir: process.env.DEMO_DIR || undefined,
  onFile: (s) =>
    console.log(
      `  ${s.fileName.padEnd(34)} ${s.outcome === "already-imported" ? "already imported" : `${s.imported} events, ${s.rejected} rejected`}`,
    ),
});
await ensureDemoMemberships(admin, r.incidentId);
const story = await ensureDemoStory(admin, r.incidentId);
console.log(`demo incident ${r.incidentId}: the Storm-0558 scenario (noise ${noise})`);
console.log(`demo post-mortem ${story.storyId}: ${story.created ? "drafted from the evidence" : "already there"}`);
console.log(`\nDemo accounts (password "${process.env.DEMO_PASSWORD || DEMO_PASSWORD_DEFAULT}"):`);
for (const a of DEMO_ACCOUNTS) console.log(`  ${a.email.padEnd(28)} ${a.note}`);
await closeDb();
