/**
 * COPY rows collected as UTF-8 bytes outside the JavaScript heap. Held as strings until a batch
 * was full, every row was copied by each young-generation GC and then promoted, and joining
 * and encoding the batch copied it twice more: a third of the importer's CPU on wide records.
 */
export class ByteBatch {
  private buf: Buffer;
  private used = 0;
  rows = 0;

  constructor(private readonly capacity: number) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  get bytes(): number {
    return this.used;
  }

  /** Whether a row of this many UTF-16 code units surely fits (a code unit is at most 3 UTF-8 bytes). */
  fits(rowLength: number): boolean {
    return this.used + rowLength * 3 <= this.capacity;
  }

  /** Appends a row; the caller checked fits() or the batch is empty (a row longer than a batch grows it). */
  add(row: string): void {
    if (!this.fits(row.length)) {
      const bigger = Buffer.allocUnsafe(this.used + Buffer.byteLength(row, "utf8"));
      this.buf.copy(bigger, 0, 0, this.used);
      this.buf = bigger;
    }
    this.used += this.buf.write(row, this.used, "utf8");
    this.rows += 1;
  }

  /** The bytes written so far (a view, not a copy: the batch must not be written to afterwards). */
  take(): Uint8Array {
    return this.buf.subarray(0, this.used);
  }
}
