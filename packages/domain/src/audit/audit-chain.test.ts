import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  GENESIS_HASH,
  canonicalJson,
  chainAudit,
  verifyAuditChain,
  type ChainedAuditRecord,
} from './audit-chain.js';

function chain(n: number): ChainedAuditRecord[] {
  const rows: ChainedAuditRecord[] = [];
  for (let i = 0; i < n; i++) {
    rows.push(
      chainAudit(rows.at(-1) ?? null, {
        at: `2026-11-${String(10 + i).padStart(2, '0')}T12:00:00.000Z`,
        actor: i % 2 ? 'analyst@pd' : 'admin@pd',
        action: 'import.incidents',
        target: `import:${i + 1}`,
        before: null,
        after: { stored: 100 + i, file: 'export.csv' },
      }),
    );
  }
  return rows;
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined fields', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'é' }, u: undefined })).toBe(
      '{"a":{"c":"é","d":[2,{"y":null,"z":1}]},"b":1}',
    );
    expect(() => canonicalJson({ x: Number.NaN })).toThrow(TypeError);
  });
});

describe('audit chain', () => {
  it('links each row to the previous hash, starting from the genesis hash', () => {
    const rows = chain(3);
    expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
    expect(rows[1]?.prevHash).toBe(rows[0]?.hash);
    // Independent recomputation of row 1's hash with node:crypto and the documented layout.
    const r = rows[0]!;
    const payload = `${GENESIS_HASH}\n1\n{"action":"import.incidents","actor":"admin@pd","after":{"file":"export.csv","stored":100},"at":"2026-11-10T12:00:00.000Z","before":null,"target":"import:1"}`;
    expect(r.hash).toBe(createHash('sha256').update(payload).digest('hex'));
    expect(verifyAuditChain(rows)).toBeNull();
  });

  it('finds an edited row', () => {
    const rows = chain(5);
    rows[2] = { ...rows[2]!, after: { stored: 1, file: 'export.csv' } };
    expect(verifyAuditChain(rows)).toEqual({ seq: 3, reason: 'edited' });
  });

  it('finds a deleted row, even the last-but-one', () => {
    const rows = chain(5);
    expect(verifyAuditChain([...rows.slice(0, 1), ...rows.slice(2)])).toEqual({ seq: 2, reason: 'missing' });
    expect(verifyAuditChain([...rows.slice(0, 3), rows[4]!])).toEqual({ seq: 4, reason: 'missing' });
  });

  it('finds a row rewritten with a fresh hash but not re-linked', () => {
    const rows = chain(4);
    const forged = chainAudit(rows[0]!, { ...rows[1]!, actor: 'someone-else' });
    rows[1] = forged; // row 2 is self-consistent now, but row 3 still points at the old row 2
    expect(verifyAuditChain(rows)).toEqual({ seq: 3, reason: 'relinked' });
  });
});
