import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isVigiaError, type ChainedAuditRecord } from '@vigia/domain';
import type { Store } from '@vigia/store';
import { rect } from '../../../../test/geometry.js';
import { initAgency } from '../agency/init-agency.js';
import { updateAgencySettings } from '../agency/update-agency.js';
import { importIncidents } from '../import/import-incidents.js';
import { importUnits } from '../units/import-units.js';
import { FIXTURE_HEADER, FIXTURE_MAPPING } from '../test-helpers/fixture-agency.js';
import { openTestStore, removeTestStores, STORE_KINDS } from '../test-helpers/both-stores.js';
import { listAuditLog } from './list-audit.js';
import { parseAuditAnchor, verifyAudit } from './verify-audit.js';

const NOW = Date.UTC(2020, 0, 1);
const ANA = 'cli:ana@host';
let store: Store | undefined;
let dir: string | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  await removeTestStores();
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function write(name: string, text: string): Promise<string> {
  dir ??= await mkdtemp(join(tmpdir(), 'vigia-audit-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

const fc = (features: object[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (properties: object, geometry: object) => ({ type: 'Feature', properties, geometry });

async function chainOf(s: Store): Promise<ChainedAuditRecord[]> {
  const rows: ChainedAuditRecord[] = [];
  for await (const r of s.readAuditChain()) rows.push(r);
  return rows;
}

/**
 * The use cases record who did what (issue 6), on both stores: the actor the caller passes reaches the
 * row written with the change; a failed import writes nothing; verifyAudit and listAuditLog read it.
 */
describe.each(STORE_KINDS)('audit log through the use cases: %s', (kind) => {
  it('records agency, units, imports and re-placement with the actor; a failed import records nothing', async () => {
    store = await openTestStore(kind);
    await initAgency(store, { name: 'Audit PD', timeZone: 'America/Chicago', locale: 'en', actor: ANA });
    const mapping = await write('m.json', JSON.stringify(FIXTURE_MAPPING));
    const csv = await write(
      'in.csv',
      [FIXTURE_HEADER, '1,2019-12-10 10:00,ROBO,,R,,0.5,0.25', '2,2019-12-10 11:00,ROBO,,R,,1.5,0.25'].join(
        '\n',
      ),
    );
    await importIncidents(store, {
      file: csv,
      profile: 'generic',
      mappingFile: mapping,
      nowMs: NOW,
      actor: ANA,
    });
    // Broken quotes: CSV_MALFORMED, nothing imported, nothing recorded.
    const bad = await write(
      'bad.csv',
      [FIXTURE_HEADER, '3,"2019-12-10 10:00,ROBO,,R,,0.5,0.25', '4,x'].join('\n'),
    );
    const failed = await importIncidents(store, {
      file: bad,
      profile: 'generic',
      mappingFile: mapping,
      nowMs: NOW,
      actor: ANA,
    }).catch((e: unknown) => e);
    expect(isVigiaError(failed, 'CSV_MALFORMED')).toBe(true);
    // Units after the incidents: both are placed again, recorded as incidents.replace.
    const districts = await write(
      'districts.geojson',
      fc([feature({ d: '1' }, rect(0, 0, 1, 1)), feature({ d: '2' }, rect(1, 0, 2, 1))]),
    );
    await importUnits(store, { file: districts, level: 'district', codeProperty: 'd', actor: ANA });
    const saved = await updateAgencySettings(store, { locale: 'es' }, 1, 'user:1:admin');

    const chain = await chainOf(store);
    expect(chain.map((r) => [r.actor, r.action, r.target])).toEqual([
      [ANA, 'agency.create', 'agency'],
      [ANA, 'import.incidents', 'import:1'],
      [ANA, 'units.import', 'level:district'],
      [ANA, 'incidents.replace', 'source:fixture'],
      ['user:1:admin', 'agency.update', 'agency'],
    ]);
    expect(chain[1]!.after).toMatchObject({ file: 'in.csv', profile: 'generic', read: 2, stored: 2 });
    expect(chain[2]!.after).toEqual({
      level: 'district',
      parentLevel: null,
      created: 2,
      updated: 0,
      file: 'districts.geojson',
    });
    expect(chain[3]!.after).toEqual({ source: 'fixture', changed: 2, cause: 'units.import' });
    expect(chain[4]).toMatchObject({
      before: { version: 1, locale: 'en' },
      after: { version: 2, locale: 'es' },
    });
    expect(saved.version).toBe(2);

    const verified = await verifyAudit(store);
    expect(verified).toEqual({
      ok: true,
      rows: 5,
      head: { seq: 5, hash: chain[4]!.hash, at: chain[4]!.at },
      break: null,
      anchor: null,
    });
    // The head written down earlier still matches; a made-up one does not; one past the end is missing.
    expect((await verifyAudit(store, { seq: 2, hash: chain[1]!.hash })).anchor?.status).toBe('match');
    const wrong = await verifyAudit(store, { seq: 2, hash: chain[2]!.hash });
    expect([wrong.ok, wrong.anchor?.status]).toEqual([false, 'mismatch']);
    const beyond = await verifyAudit(store, { seq: 9, hash: chain[2]!.hash });
    expect([beyond.ok, beyond.anchor?.status]).toEqual([false, 'missing']);

    const page1 = await listAuditLog(store, { limit: 2 });
    expect(page1.rows.map((r) => r.seq)).toEqual([5, 4]);
    expect(page1.nextBeforeSeq).toBe(4);
    const page3 = await listAuditLog(store, { limit: 2, beforeSeq: 2 });
    expect([page3.rows.map((r) => r.seq), page3.nextBeforeSeq]).toEqual([[1], null]);
    expect((await listAuditLog(store, { action: 'import' })).rows.map((r) => r.action)).toEqual([
      'import.incidents',
    ]);
    expect((await listAuditLog(store, { actor: 'user:1:admin' })).rows.map((r) => r.seq)).toEqual([5]);
    const day = chain[0]!.at.slice(0, 10);
    expect((await listAuditLog(store, { from: day, to: day })).rows).toHaveLength(5);
    expect((await listAuditLog(store, { to: '2000-01-01' })).rows).toEqual([]);
  });
});

describe('audit inputs', () => {
  it('parses an anchor SEQ:HASH and refuses anything else', () => {
    const hash = 'ab'.repeat(32);
    expect(parseAuditAnchor(`12:${hash.toUpperCase()}`)).toEqual({ seq: 12, hash });
    for (const bad of ['12', `0:${hash}`, `x:${hash}`, `3:${hash.slice(1)}`]) {
      expect(() => parseAuditAnchor(bad)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });

  it('refuses bad dates, actions and limits with INVALID_ARGUMENT', async () => {
    store = await openTestStore('DuckDB');
    for (const filter of [
      { from: 'yesterday' },
      { to: '2020-13-45' },
      { action: 'DROP TABLE' },
      { limit: 0 },
      { limit: 501 },
    ]) {
      const e = await listAuditLog(store, filter).catch((x: unknown) => x);
      expect(isVigiaError(e, 'INVALID_ARGUMENT'), JSON.stringify(filter)).toBe(true);
    }
  });
});
