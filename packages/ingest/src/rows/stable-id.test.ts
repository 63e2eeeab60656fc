import { describe, expect, it } from 'vitest';
import { RowFingerprints, derivedSourceId, rowHash } from './stable-id.js';

describe('rowHash', () => {
  it('is deterministic and 128 bits of hex text (two 53-bit hashes, zero-padded)', () => {
    const a = rowHash(['2019-01-01 10:00', 'ROBO', '-79.5', '8.9']);
    expect(a).toEqual(rowHash(['2019-01-01 10:00', 'ROBO', '-79.5', '8.9']));
    expect(a.text).toMatch(/^[0-9a-f]{32}$/);
    expect(Number.isSafeInteger(a.key)).toBe(true);
    expect(a.key).toBe(parseInt(a.text.slice(0, 16), 16));
  });

  it('keeps field boundaries: ["ab","c"] ≠ ["a","bc"], and empty fields count', () => {
    const texts = [
      ['ab', 'c'],
      ['a', 'bc'],
      ['abc'],
      ['a', 'b', 'c'],
      ['abc', ''],
      ['', 'abc'],
      [],
      [''],
      ['', ''],
    ].map((f) => rowHash(f).text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('gives different hashes to different rows (no collision over 100,000 near-identical rows)', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 100_000; i++) seen.add(rowHash(['2019-01-01', `row ${i}`, 'X']).text);
    expect(seen.size).toBe(100_000);
    expect(rowHash(['a']).text).not.toBe(rowHash(['A']).text);
    expect(rowHash(['Peñasco']).text).not.toBe(rowHash(['Penasco']).text);
  });
});

describe('RowFingerprints', () => {
  it('numbers identical rows 1, 2, 3 and flags all but the first as duplicates', () => {
    const fp = new RowFingerprints();
    const row = ['2019-04-23 12:30', 'ROBO', '', '11'];
    const other = ['2019-04-23 12:31', 'ROBO', '', '11'];
    const a = fp.add(row);
    const b = fp.add(other);
    const c = fp.add([...row]);
    const d = fp.add(row);
    const e = fp.add(other);
    expect([a.ordinal, b.ordinal, c.ordinal, d.ordinal, e.ordinal]).toEqual([1, 1, 2, 3, 2]);
    expect([a.duplicate, b.duplicate, c.duplicate, d.duplicate, e.duplicate]).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(a.hash).toBe(c.hash);
    expect(a.hash).toBe(d.hash);
    expect(a.hash).not.toBe(b.hash);
  });

  it('gives the same ids to the same file read twice (two instances)', () => {
    const rows = [
      ['x', '1'],
      ['y', '2'],
      ['x', '1'],
      ['z', '3'],
      ['x', '1'],
      ['y', '2'],
    ];
    const ids = (): string[] => {
      const fp = new RowFingerprints();
      return rows.map((r) => {
        const { hash, ordinal } = fp.add(r);
        return derivedSourceId(hash, ordinal);
      });
    };
    const first = ids();
    expect(ids()).toEqual(first);
    expect(new Set(first).size).toBe(rows.length);
    expect(first[0]).toMatch(/^h:[0-9a-f]{32}#1$/);
    expect(first[2]).toBe(first[0]!.replace(/#1$/, '#2'));
    expect(first[4]).toBe(first[0]!.replace(/#1$/, '#3'));
  });

  it('keeps separate counts for distinct rows that share the 30-bit map key', () => {
    // Find two different rows whose fingerprints collide in the 30 bits used as the first map key
    // (birthday bound: about 40,000 rows), so the collision branch of add() is exercised.
    const byKey = new Map<number, string[]>();
    let pair: [string[], string[]] | null = null;
    for (let i = 0; i < 1_000_000 && !pair; i++) {
      const row = [`r${i}`];
      const small = rowHash(row).key & 0x3fffffff;
      const prev = byKey.get(small);
      if (prev) pair = [prev, row];
      else byKey.set(small, row);
    }
    if (!pair) return expect.fail('no 30-bit collision found');
    const [p, q] = pair;
    expect(rowHash(p).text).not.toBe(rowHash(q).text);

    const fp = new RowFingerprints();
    const seq = [p, q, p, q, q, p, ['unrelated'], p];
    expect(seq.map((r) => fp.add(r).ordinal)).toEqual([1, 1, 2, 2, 3, 3, 1, 4]);
    // Also when the first row repeats before the colliding one arrives.
    const fp2 = new RowFingerprints();
    expect([p, p, q, q, p].map((r) => fp2.add(r))).toMatchObject([
      { ordinal: 1, duplicate: false },
      { ordinal: 2, duplicate: true },
      { ordinal: 1, duplicate: false },
      { ordinal: 2, duplicate: true },
      { ordinal: 3, duplicate: true },
    ]);
  });

  it('counts queued rows in bulk exactly as one by one, across chunks and table growth', () => {
    // 30,000 rows of ~9,000 distinct ones: many identical rows, in one chunk and across chunks, and
    // far more rows than the initial 1,024 slots (the table grows between and before chunks).
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    const rows = Array.from({ length: 30_000 }, () => [`r${next() % 9000}`, next() % 7 === 0 ? 'x' : '']);
    const oneByOne = new RowFingerprints();
    const expected = rows.map((r) => oneByOne.addRow(r));
    expect(Math.max(...expected)).toBeGreaterThan(3);
    const bulk = new RowFingerprints();
    const got: number[] = [];
    const out = new Int32Array(5000);
    let at = 0;
    for (const size of [1, 2, 700, 5000, 3, 4999, 1024, 5000, 5000, 5000, 3271]) {
      for (let i = 0; i < size; i++) expect(bulk.queue(rows[at + i]!)).toBe(i);
      expect(bulk.queuedRows).toBe(size);
      bulk.resolveQueued(out);
      expect(bulk.queuedRows).toBe(0);
      got.push(...out.subarray(0, size));
      at += size;
    }
    expect(at).toBe(rows.length);
    expect(got).toEqual(expected);
    // Rows counted one by one after a bulk run continue the same counts.
    expect(bulk.addRow(rows[0]!)).toBe(oneByOne.addRow(rows[0]!));
  });

  it('counts past 2047 identical rows (beyond what a slot holds), one by one and in bulk', () => {
    const rows = Array.from({ length: 5000 }, (_, i) => (i % 5 === 4 ? [`other ${i % 3}`] : ['same']));
    const expected: number[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const n = (seen.get(r[0]!) ?? 0) + 1;
      seen.set(r[0]!, n);
      expected.push(n);
    }
    expect(Math.max(...expected)).toBe(4000);
    const one = new RowFingerprints();
    expect(rows.map((r) => one.addRow(r))).toEqual(expected);
    const bulk = new RowFingerprints();
    const out = new Int32Array(1000);
    const got: number[] = [];
    for (let at = 0; at < rows.length; at += 1000) {
      for (const r of rows.slice(at, at + 1000)) bulk.queue(r);
      bulk.resolveQueued(out);
      got.push(...out);
    }
    expect(got).toEqual(expected);
  });
});
