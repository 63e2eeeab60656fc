import { dropTestSchema, runInTestSchema, testPostgresUrl } from '../../../test/postgres-test-db.js';
import { PostgresStore } from '../src/index.js';
import { storeContract } from './contract/store-contract.js';
import { backupContract } from './contract/backup-contract.js';
import { auditContract } from './contract/audit-contract.js';
import { auditChangesContract } from './contract/audit-changes-contract.js';
import { usersContract } from './contract/users-contract.js';
import { callContract } from './contract/call-contract.js';
import { meetingContract } from './contract/meeting-contract.js';
import { arrestContract } from './contract/arrest-contract.js';
import type { StoreFactory } from './contract/fixtures.js';

/** The server store in a fresh schema of the test database (127.0.0.1:5432/test unless overridden). */
const postgres: StoreFactory = async () => {
  const url = testPostgresUrl();
  let current = await PostgresStore.open(url);
  return {
    store: current,
    reopen: async () => (current = await PostgresStore.open(url)),
    cleanup: async () => {
      await current.close().catch(() => undefined);
      await dropTestSchema(url);
    },
    ownerSql: async (sql) => {
      await runInTestSchema(url, sql);
      return current;
    },
  };
};

storeContract('PostgreSQL', postgres);
backupContract('PostgreSQL', postgres);
auditContract('PostgreSQL', postgres);
auditChangesContract('PostgreSQL', postgres);
usersContract('PostgreSQL', postgres);
callContract('PostgreSQL', postgres);
meetingContract('PostgreSQL', postgres);
arrestContract('PostgreSQL', postgres);
