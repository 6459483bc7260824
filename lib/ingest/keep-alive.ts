/**
 * Runs work while calling beat every intervalMs (one beat at a time; a failed beat is ignored),
 * so a long step with no progress of its own (the finalize transaction, or its wait for another
 * import of the same incident) does not look like an interrupted import.
 */
export async function whileBeating<T>(intervalMs: number, beat: () => Promise<unknown>, work: () => Promise<T>): Promise<T> {
  let pending: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    pending ??= beat()
      .catch(() => undefined)
      .finally(() => {
        pending = null;
      });
  }, intervalMs);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    await pending;
  }
}
