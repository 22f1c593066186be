// Neighbour lists in compressed sparse row (CSR) form, the layout every neighbour rule
// returns and the hotspot statistics read: one flat array of neighbour indexes, cut into
// rows by offsets, so a list of millions of links is two typed arrays, not millions of arrays.

/**
 * Neighbours of n observations: observation i's neighbours are
 * neighbours[offsets[i] .. offsets[i + 1]), indexes into the caller's input,
 * sorted ascending, without duplicates and never i itself.
 */
export interface NeighbourList {
  /** Where each observation's neighbours start; length n + 1, offsets[n] = neighbours.length. */
  offsets: Int32Array;
  /** Neighbour indexes, row after row. */
  neighbours: Int32Array;
}

/** Builds a NeighbourList one row at a time, in observation order; each row is sorted and deduplicated on end. */
export class NeighbourListBuilder {
  private readonly offsets: Int32Array;
  private buffer: Int32Array;
  private length = 0;
  private row = 0;
  private rowStart = 0;

  constructor(private readonly n: number, expectedLinks = 8 * n) {
    this.offsets = new Int32Array(n + 1);
    this.buffer = new Int32Array(Math.max(16, expectedLinks));
  }

  /** Adds neighbour j to the current row (i itself is dropped). */
  push(j: number): void {
    if (j === this.row) return;
    if (this.length === this.buffer.length) {
      const grown = new Int32Array(this.buffer.length * 2);
      grown.set(this.buffer);
      this.buffer = grown;
    }
    this.buffer[this.length++] = j;
  }

  /** Closes the current row: sorts it, drops repeats, moves on to the next observation. */
  endRow(): void {
    const b = this.buffer, start = this.rowStart;
    // Rows are mostly short (8 at grid k = 1): insertion sort in place beats a subarray
    // sort call there; long rows (large k) take the typed-array sort.
    if (this.length - start > 32) b.subarray(start, this.length).sort();
    else for (let r = start + 1; r < this.length; r++) {
      const v = b[r];
      let w = r - 1;
      while (w >= start && b[w] > v) b[w + 1] = b[w--];
      b[w + 1] = v;
    }
    let end = start;
    for (let r = start; r < this.length; r++) if (r === start || b[r] !== b[end - 1]) b[end++] = b[r];
    this.length = end;
    this.offsets[++this.row] = end;
    this.rowStart = end;
  }

  /** The finished list; every one of the n rows must have been ended. */
  finish(): NeighbourList {
    if (this.row !== this.n) throw new Error(`NeighbourListBuilder: ${this.row} of ${this.n} rows ended`);
    return { offsets: this.offsets, neighbours: this.buffer.slice(0, this.length) };
  }
}

/**
 * A NeighbourList from links given as pairs (from[k] → to[k], k < count), for rules
 * that find links out of order; repeats and self-links are dropped. Not symmetrised.
 */
export function neighbourListFromPairs(n: number, from: Int32Array, to: Int32Array, count = from.length): NeighbourList {
  // Counting sort by source row, then each row is sorted and deduplicated.
  const start = new Int32Array(n + 1);
  for (let k = 0; k < count; k++) start[from[k] + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const sorted = new Int32Array(count);
  for (let k = 0; k < count; k++) sorted[fill[from[k]]++] = to[k];
  const builder = new NeighbourListBuilder(n, count);
  for (let i = 0; i < n; i++) {
    for (let k = start[i]; k < start[i + 1]; k++) builder.push(sorted[k]);
    builder.endRow();
  }
  return builder.finish();
}
