/**
 * Text chunks from an async generator as the bytes of a streamed response, pulled one chunk at a
 * time as the client reads (memory holds one chunk, not the export), the generator stopped when
 * the client goes away. The first chunk is read before the caller answers, so a refusal or a
 * failure at the start is a clean error response, not a broken download.
 */
export async function textStream(chunks: AsyncGenerator<string>): Promise<ReadableStream<Uint8Array>> {
  const first = await chunks.next();
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) controller.enqueue(encoder.encode(first.value));
    },
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
