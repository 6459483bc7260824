// npm run db:seed – loads the demo incident into the configured database (idempotent).
import { ensureDemoIncident } from "@/lib/actions/ensure-demo-incident";
import { getLocalContext } from "@/lib/context/get-local-context";
import { closeDb } from "@/lib/db";

const { incident, created } = await ensureDemoIncident(await getLocalContext());
console.log(`${created ? "loaded" : "already loaded"}: demo incident ${incident.id} (${incident.title})`);
await closeDb();
