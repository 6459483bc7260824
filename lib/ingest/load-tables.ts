import type { SqlRunner } from "@/lib/db/sql";
import { blockTable, createLoadTables, dropLeftoverBlock, scratchTable, takeEventBlock } from "./event-partitions";

/** The tables one import writes while it reads, named for its block of event ids. */
export function loadTables(block: bigint) {
  return {
    events: blockTable("events", block),
    links: blockTable("event_entities", block),
    /** Each event's entities as read (kind, value, role): linked to the incident's entities in the final step. */
    refs: scratchTable("event_refs", block),
    /** Secrets masked in each event: recorded in redaction_findings once the events are attached. */
    findings: scratchTable("event_findings", block),
  };
}

/**
 * Before reading: an earlier attempt's tables gone, a new block of ids taken, the import's tables
 * made, with no index (built in bulk: the events' per chunk, the rest at the end), and the block named on
 * the source. Committed, so COPY can fill them; none is attached, so no query sees
 * them until the final step attaches them, and a process killed meanwhile leaves tables that the
 * source's next attempt, its delete or its incident's delete drops.
 */
export async function prepareLoad(sql: SqlRunner, incidentId: string, sourceId: string): Promise<bigint> {
  return sql.transaction(async (tx) => {
    await dropLeftoverBlock(tx, incidentId, sourceId);
    const block = await takeEventBlock(tx);
    await createLoadTables(tx, incidentId, block);
    const t = loadTables(block);
    // Unlogged: only the final step reads them, and a crash sends the import back to the start anyway.
    await tx.exec(
      `CREATE UNLOGGED TABLE "${t.refs}" (event_id bigint NOT NULL, kind text NOT NULL, value text NOT NULL, role text NOT NULL,
                                          occurred_at timestamptz(6) NOT NULL);
       CREATE UNLOGGED TABLE "${t.findings}" (event_id bigint NOT NULL, field text NOT NULL, kind text NOT NULL, hint text NOT NULL)`,
    );
    await tx.query(`UPDATE sources SET event_block = $2 WHERE id = $1`, [sourceId, block.toString()]);
    return block;
  });
}
