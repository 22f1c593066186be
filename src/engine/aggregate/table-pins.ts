// Engine tables pinned by their holders (the console, a layer whose method is shown):
// a cache that lets such a table go keeps it until no holder pins it, so the SQL on
// screen keeps running. Tables nobody pins are dropped at once.

/** Pins by holder; `dropTable` drops one table for good. */
export class TablePins {
  private readonly byHolder = new Map<string, Set<string>>();
  /** Tables their cache let go while pinned: dropped when the last pin goes. */
  private readonly released = new Set<string>();

  constructor(private readonly dropTable: (table: string) => void) {}

  /** Whether any holder pins `table`. */
  isPinned(table: string): boolean {
    for (const tables of this.byHolder.values()) if (tables.has(table)) return true;
    return false;
  }

  /** The cache is done with `table`: dropped now, or when its last pin goes. */
  drop(table: string): void {
    if (this.isPinned(table)) this.released.add(table);
    else this.dropTable(table);
  }

  /** Pin `tables` for `holder` instead of what it pinned before; answers every pinned table, sorted. */
  pin(holder: string, tables: readonly string[]): string[] {
    if (tables.length) this.byHolder.set(holder, new Set(tables));
    else this.byHolder.delete(holder);
    for (const t of [...this.released]) {
      if (!this.isPinned(t)) {
        this.released.delete(t);
        this.dropTable(t);
      }
    }
    const all = new Set<string>();
    for (const ts of this.byHolder.values()) for (const t of ts) all.add(t);
    return [...all].sort();
  }
}
