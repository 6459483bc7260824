import { stat } from "node:fs/promises";
import path from "node:path";
import { authorize } from "@/lib/access/authorize";
import type { Ctx } from "@/lib/context/ctx";
import { isoMicros } from "@/lib/db/iso-micros";
import { claimSource, importerStamp } from "./claim-source";
import { detectFormat } from "./detect";
import { blockBounds, dropLeftoverBlock } from "./event-partitions";
import { fileLines, hashFile, planInput, readSample } from "./file-input";
import { finalizeSource, type ReplacedReading } from "./finalize-source";
import { type TImportOptionsInput, ZImportOptions } from "./import-options";
import { whileBeating } from "./keep-alive";
import { prepareLoad } from "./load-tables";
import { createNormalizer, unreadableRecord } from "./normalize";
import { createStageWriter } from "./stage-writer";
import { formatEpochUs } from "./time/parse-timestamp";

/** Live figures of a running import, for progress bars and the pollable API. */
export type ImportProgress = {
  phase: "hashing" | "reading" | "finalizing" | "done";
  bytesRead: number;
  bytesTotal: number;
  records: number;
  rejected: number;
  blankLines: number;
};

/** The account of one file: every record read is imported, a duplicate, or rejected. */
export type ImportSummary = {
  sourceId: string;
  fileName: string;
  sha256: string;
  format: string;
  /**
   * "already-imported": the same bytes were imported into this incident before; nothing new.
   * "empty": the file held no record (only a header or blank lines). "rejected": every record
   * was rejected; `reason` says why. Both leave the source "empty" or "failed", never "complete".
   */
  outcome: "imported" | "already-imported" | "empty" | "rejected";
  /** Why nothing was stored, for "empty" and "rejected". */
  reason?: string;
  /** Set when this reading replaced an earlier one of the same file (options.replace). */
  replaced?: ReplacedReading;
  read: number;
  imported: number;
  duplicate: number;
  rejected: number;
  redacted: number;
  blankLines: number;
  firstEventAt: string | null;
  lastEventAt: string | null;
  /** Set when a timestamp had no year and the year was inferred. */
  yearInferred: boolean;
  seconds: number;
};

export type ImportFileArgs = {
  incidentId: string;
  filePath: string;
  /** The name the analyst knows the file by (an upload's original name); defaults to the base name. */
  fileName?: string;
  options?: TImportOptionsInput;
  onProgress?: (p: ImportProgress) => void;
};

const HEARTBEAT_MS = 1_000;

/** Imports one file into an incident through the whole pipeline; see README "Importing". */
export async function importFile(ctx: Ctx, args: ImportFileArgs): Promise<ImportSummary> {
  const started = Date.now();
  const options = ZImportOptions.parse(args.options ?? {});
  const fileName = args.fileName ?? path.basename(args.filePath);
  await authorize(ctx, args.incidentId, "evidence.edit");

  const plan = await planInput(args.filePath, fileName);
  // The size is known before hashing, so the first phase's bar has a total too.
  const bytesTotal = (await stat(args.filePath)).size;
  const progress: ImportProgress = { phase: "hashing", bytesRead: 0, bytesTotal, records: 0, rejected: 0, blankLines: 0 };
  const { sha256, size } = await hashFile(args.filePath, (n) => {
    progress.bytesRead = n;
    args.onProgress?.(progress);
  });
  progress.bytesTotal = size;

  const sample = await readSample(args.filePath, plan, fileName);
  const format = detectFormat(sample, options.format);
  const claim = await claimSource(ctx, { incidentId: args.incidentId, fileName, sha256, size, format: format.name, options });
  if (claim.kind === "done") {
    const s = claim.source;
    // With microseconds, as a first import reports them (Prisma's Date keeps milliseconds).
    const [span] = await ctx.db.sql.query<{ first: string | null; last: string | null }>(
      `SELECT ${isoMicros("first_event_at")} AS first, ${isoMicros("last_event_at")} AS last FROM sources WHERE id = $1`,
      [s.id],
    );
    return {
      sourceId: s.id,
      fileName,
      sha256,
      format: s.format,
      outcome: "already-imported",
      read: s.readCount,
      imported: 0,
      duplicate: s.readCount - s.rejectedCount,
      rejected: s.rejectedCount,
      redacted: 0,
      blankLines: 0,
      firstEventAt: span?.first ?? null,
      lastEventAt: span?.last ?? null,
      yearInferred: false,
      seconds: (Date.now() - started) / 1000,
    };
  }
  const sourceId = claim.sourceId;
  let writing: { settle(): Promise<void> } | null = null;

  try {
    const block = await prepareLoad(ctx.db.sql, args.incidentId, sourceId);
    const parser = format.createParser(sample);
    const normalize = createNormalizer(
      { incidentId: args.incidentId, sourceId, firstId: blockBounds(block).from },
      format.createMapper(sample, options.mapping),
      options,
    );
    const writer = createStageWriter(ctx.db, { incidentId: args.incidentId, sourceId, block }, { redact: options.redact });
    writing = writer;
    let yearInferred = false;
    let hasFindings = false;
    let minUs = Number.POSITIVE_INFINITY;
    let maxUs = Number.NEGATIVE_INFINITY;
    let lastBeat = Date.now();
    progress.phase = "reading";
    progress.bytesRead = 0;
    args.onProgress?.(progress);

    // A record that makes a mapper or the redactor throw (e.g. nested deeper than the redactor
    // walks) is that line's problem, never the import's: a malformed line never stops it.
    const safeNormalize = (o: Parameters<typeof normalize>[0]) => {
      try {
        return normalize(o);
      } catch (err) {
        return unreadableRecord(err);
      }
    };
    const handle = async (outputs: ReturnType<typeof parser.push>) => {
      for (const o of outputs) {
        progress.records += 1;
        if (o.kind === "problem") {
          await writer.addIssue(o.line, o.reason, o.rawText);
          continue;
        }
        const n = safeNormalize(o);
        if ("error" in n) await writer.addIssue(o.line, n.error, o.lineText ?? o.rawText);
        else {
          yearInferred ||= n.yearInferred;
          hasFindings ||= n.findings > 0;
          if (n.epochUs < minUs) minUs = n.epochUs;
          if (n.epochUs > maxUs) maxUs = n.epochUs;
          await writer.addRow(n.row, n.refs, n.findingRows, n.offset);
        }
      }
    };

    for await (const batch of fileLines(args.filePath, plan, (n) => (progress.bytesRead = n))) {
      for (const l of batch) if (l.text.trim() === "" && !l.error) progress.blankLines += 1;
      await handle(parser.push(batch));
      progress.rejected = writer.rejected;
      if (Date.now() - lastBeat >= HEARTBEAT_MS) {
        lastBeat = Date.now();
        args.onProgress?.(progress);
        await ctx.db.prisma.source.update({
          where: { id: sourceId },
          data: { heartbeatAt: new Date(), progress: { ...progress, ...importerStamp() } },
        });
      }
    }
    await handle(parser.end());
    await writer.flush();
    progress.rejected = writer.rejected;
    progress.phase = "finalizing";
    args.onProgress?.(progress);

    // Only the heartbeat, and only while still importing: a beat that lands after the finalize
    // committed must not overwrite the final counts.
    const stillAlive = () =>
      ctx.db.prisma.source.updateMany({ where: { id: sourceId, status: "importing" }, data: { heartbeatAt: new Date() } });
    const r = await whileBeating(HEARTBEAT_MS * 5, stillAlive, () =>
      finalizeSource(ctx.db, {
        sourceId,
        incidentId: args.incidentId,
        block,
        actorId: ctx.actor.userId,
        read: progress.records,
        rejected: writer.rejected,
        staged: writer.staged,
        hasFindings,
        first: writer.staged ? formatEpochUs(minUs) : null,
        last: writer.staged ? formatEpochUs(maxUs) : null,
        progress: { ...progress, phase: "done", yearInferred },
        replaces: claim.replaces,
      }),
    );
    progress.phase = "done";
    args.onProgress?.(progress);
    return {
      sourceId,
      fileName,
      sha256,
      format: format.name,
      outcome: r.outcome.status === "complete" ? "imported" : r.outcome.status === "empty" ? "empty" : "rejected",
      ...(r.outcome.reason ? { reason: r.outcome.reason } : {}),
      ...(r.replaced ? { replaced: r.replaced } : {}),
      read: progress.records,
      imported: r.imported,
      duplicate: r.staged - r.imported,
      rejected: writer.rejected,
      redacted: r.redacted,
      blankLines: progress.blankLines,
      firstEventAt: r.first,
      lastEventAt: r.last,
      yearInferred,
      seconds: (Date.now() - started) / 1000,
    };
  } catch (err) {
    // What this attempt wrote goes (if the final step attached it, it is no leftover and stays),
    // once nothing is still writing or indexing it.
    await writing?.settle();
    await ctx.db.sql.transaction((tx) => dropLeftoverBlock(tx, args.incidentId, sourceId)).catch(() => undefined);
    await ctx.db.prisma.source
      .update({
        where: { id: sourceId },
        data: { status: "failed", error: (err as Error).message.slice(0, 2_000), finishedAt: new Date() },
      })
      .catch(() => undefined);
    throw err;
  }
}
