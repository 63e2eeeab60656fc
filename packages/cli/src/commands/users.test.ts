import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDbStore } from '@vigia/store';
import { runCli, tempDir } from '../test-helpers/cli-harness.js';

const NOW = Date.UTC(2026, 1, 2, 12);
let tmp: Awaited<ReturnType<typeof tempDir>>;
let db: string;
const cli = (args: string[], o: { stdin?: string; typed?: string[] } = {}) =>
  runCli([...args, '--db', db], { nowMs: NOW, env: { LANG: 'en_US.UTF-8', USER: 'ana' }, ...o });

beforeAll(async () => {
  tmp = await tempDir();
  db = tmp.path('users.duckdb');
  const init = await runCli(
    ['init', '--db', db, '--agency-name', 'Test PD', '--time-zone', 'America/Chicago', '--locale', 'en'],
    { nowMs: NOW },
  );
  expect(init.code).toBe(0);
});
afterAll(async () => tmp.remove());

describe('vigia users', () => {
  it('creates the first admin from a password typed twice, audited as the OS user', async () => {
    const r = await cli(
      ['users', 'create', '--username', 'Admin', '--role', 'admin', '--name', 'Jefa de sistemas'],
      {
        typed: ['una-clave-muy-segura', 'una-clave-muy-segura'],
      },
    );
    expect(r).toMatchObject({ code: 0, out: 'Created user Admin (admin).\n' });
    expect(r.err).toContain('Password for Admin: ');
    expect(r.err).not.toContain('una-clave');
    const store = await DuckDbStore.open(db);
    try {
      expect(await store.listAudit({ action: 'user.' })).toMatchObject([
        { action: 'user.create', actor: expect.stringMatching(/^cli:\S+@\S+$/) as string },
      ]);
      expect((await store.findUserByUsername('admin'))?.passwordHash).toMatch(/^\$argon2id\$/);
    } finally {
      await store.close();
    }
  });

  it('refuses a weak password, two different ones, and no password without a terminal', async () => {
    const weak = await cli(['users', 'create', '--username', 'v', '--role', 'viewer', '--password-stdin'], {
      stdin: 'corta\n',
    });
    expect(weak.code).toBe(1);
    expect(weak.err).toMatch(/too weak: use at least 10 characters/);
    const typo = await cli(['users', 'create', '--username', 'v', '--role', 'viewer'], {
      typed: ['una-clave-muy-segura', 'una-clave-muy-segurA'],
    });
    expect(typo.err).toMatch(/passwords typed differ/);
    const none = await cli(['users', 'create', '--username', 'v', '--role', 'viewer']);
    expect(none.err).toMatch(/--password-stdin/);
    const role = await cli(['users', 'create', '--username', 'v', '--role', 'jefe', '--password-stdin'], {
      stdin: 'x',
    });
    expect(role.err).toMatch(/--role/);
    expect((await cli(['users', 'list', '--format', 'json'])).out).not.toContain('"v"');
  });

  it('lists accounts, sets a password from stdin, and unlocks', async () => {
    expect(
      (
        await cli(['users', 'create', '--username', 'vera', '--role', 'viewer', '--password-stdin'], {
          stdin: 'otra-clave-muy-segura\nignored',
        })
      ).code,
    ).toBe(0);
    const table = await cli(['users', 'list']);
    expect(table.out.split('\n')).toEqual([
      '# user name, name, role, unit, status',
      'Admin  Jefa de sistemas  admin   —  active',
      'vera   vera              viewer  —  active',
      '',
    ]);
    const set = await cli(['users', 'set-password', '--username', 'VERA', '--password-stdin'], {
      stdin: 'tercera-clave-segura',
    });
    expect(set.out).toBe('New password set for vera; their open sessions were ended.\n');
    expect((await cli(['users', 'unlock', '--username', 'vera'])).out).toBe('Unlocked vera.\n');
    const missing = await cli(['users', 'unlock', '--username', 'nadie', '--lang', 'es']);
    expect([missing.code, missing.err]).toEqual([1, 'vigia: No existe el usuario "nadie".\n']);
    const store = await DuckDbStore.open(db);
    try {
      expect((await store.listAudit({ limit: 2 })).map((r) => [r.action, r.after])).toEqual([
        ['user.update', expect.objectContaining({ unlocked: true })],
        ['user.update', expect.objectContaining({ passwordChanged: true })],
      ]);
    } finally {
      await store.close();
    }
  });
});
