/**
 * Results of read routes kept until the data changes. Only safe while this process is the store's only
 * writer (the embedded DuckDB file is locked by the server, and uploads clear the cache when they end);
 * a shared PostgreSQL store, written by other instances, runs without it (`enabled: false`).
 * Bounded: the oldest entry goes first once `maxEntries` is reached.
 */
export class ResponseCache {
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(
    private readonly enabled: boolean,
    private readonly maxEntries = 500,
  ) {}

  /** The cached result for `key`, or the result of `compute()` (a failure is not cached). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const hit = this.entries.get(key);
    if (hit) return hit as Promise<T>;
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    value.catch(() => this.entries.delete(key));
    return value;
  }

  /** Forgets everything (after an import). */
  clear(): void {
    this.entries.clear();
  }
}
