import { describe, expect, it } from 'vitest';
import { DuckDbStore } from '@vigia/store';
import { createAccount } from '@vigia/services';
import type { Io } from '../context.js';
import { serveStore } from './serve.js';

function captureIo(): Io & { errText: () => string } {
  let err = '';
  return {
    out: () => undefined,
    err: (t) => {
      err += t;
    },
    interactive: false,
    now: () => Date.UTC(2026, 0, 5),
    env: { VIGIA_WEB_ROOT: '/nonexistent' },
    errText: () => err,
  };
}

describe('vigia serve', () => {
  it('says how to create the first admin when the database has no account, and not once it has one', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      const io = captureIo();
      await serveStore(store, 'x.duckdb', io, 'en', { port: 0, host: '127.0.0.1', until: Promise.resolve() });
      expect(io.errText()).toContain('vigia users create --db x.duckdb --username admin --role admin');
      await createAccount(
        store,
        { username: 'root', role: 'admin', password: 'una-clave-muy-segura' },
        't',
        0,
      );
      const again = captureIo();
      await serveStore(store, 'x.duckdb', again, 'es', {
        port: 0,
        host: '127.0.0.1',
        until: Promise.resolve(),
        notice: 'N',
      });
      expect(again.errText()).not.toContain('users create');
      expect(again.errText()).toContain('N\n');
    } finally {
      await store.close();
    }
  });
});
