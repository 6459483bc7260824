import type { SqlRunner } from "./sql";

type Slot<T> = { value: T } | { done: true } | { error: unknown };

/**
 * Runs a generator of reads inside one read-only REPEATABLE READ transaction and hands its
 * values out one at a time, as the consumer asks: a long export reads the database as it stood
 * when it began (a chain rebuilt half-way cannot leave it citing steps it does not hold), and
 * holds one value at a time. Stopping early ends the transaction. On the embedded database the
 * transaction holds the one connection, so other work waits until the export is read.
 */
export function inReadSnapshot<T>(sql: SqlRunner, body: (tx: SqlRunner) => AsyncGenerator<T>): AsyncGenerator<T> {
  return (async function* () {
    let deliver: (slot: Slot<T>) => void = () => {};
    let proceed: (stop: boolean) => void = () => {};
    const nextSlot = () =>
      new Promise<Slot<T>>((resolve) => {
        deliver = resolve;
      });
    let pending = nextSlot();
    const finished = sql
      .transaction(async (tx) => {
        await tx.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        for await (const value of body(tx)) {
          const asked = new Promise<boolean>((resolve) => {
            proceed = resolve;
          });
          deliver({ value });
          if (await asked) return;
        }
      })
      .then(
        () => deliver({ done: true }),
        (error: unknown) => deliver({ error }),
      );
    try {
      for (;;) {
        const slot = await pending;
        if ("error" in slot) throw slot.error;
        if ("done" in slot) return;
        pending = nextSlot();
        yield slot.value;
        proceed(false);
      }
    } finally {
      proceed(true);
      await finished;
    }
  })();
}
