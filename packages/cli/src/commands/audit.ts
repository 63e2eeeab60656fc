import type { Command } from 'commander';
import { VigiaError } from '@vigia/domain';
import { describeAuditVerification, listAuditLog, parseAuditAnchor, verifyAudit } from '@vigia/services';
import { initialLocale, type Io } from '../context.js';
import { ExitStatus } from '../exit-status.js';
import { formatAuditTable } from '../format/audit-table.js';
import { dbLocation, withStore } from '../run-with-store.js';

/**
 * `vigia audit verify [--db] [--expect-head SEQ:HASH] [--json]` and
 * `vigia audit list [--db] [--actor A] [--action X] [--from ISO] [--to ISO] [--before SEQ] [--limit N] [--format table|json]`.
 */
export function registerAudit(program: Command, io: Io): void {
  const lang = () => program.opts<{ lang?: string }>().lang;
  const audit = program.command('audit').description('the tamper-evident audit log / registro de auditoría');
  audit
    .command('verify')
    .description(
      'check the hash chain of the audit log; exit 1 at the first broken link / verificar la cadena del registro',
    )
    .option('--db <db>', 'database: a DuckDB file or a postgres:// URL')
    .option(
      '--expect-head <seq:hash>',
      'a head written down earlier: also fails when its row was deleted or rewritten',
    )
    .option('--json', 'print {ok, rows, head, break, anchor} as JSON')
    .action(async (o: { db?: string; expectHead?: string; json?: boolean }) => {
      const anchor = o.expectHead === undefined ? undefined : parseAuditAnchor(o.expectHead);
      const ok = await withStore(dbLocation(io, o.db), async (store) => {
        const v = await verifyAudit(store, anchor);
        const locale = initialLocale(io, lang(), (await store.getAgency())?.locale);
        const text = describeAuditVerification(v, locale);
        if (o.json) io.out(`${JSON.stringify(v)}\n`);
        else for (const line of text.findings) io.out(`${line}\n`);
        for (const line of text.problems) io.err(`vigia: ${line}\n`);
        return v.ok;
      });
      if (!ok) throw new ExitStatus(1);
    });
  audit
    .command('list')
    .description('list audit rows, newest first / listar el registro de auditoría')
    .option('--db <db>', 'database: a DuckDB file or a postgres:// URL')
    .option('--actor <actor>', 'only this actor, e.g. user:3:jdoe or cli:ana@host')
    .option('--action <action>', 'an action (agency.update) or a prefix (import)')
    .option('--from <iso>', 'from this UTC instant or date (inclusive)')
    .option('--to <iso>', 'up to this UTC instant (exclusive) or date (inclusive)')
    .option('--before <seq>', 'rows before this seq (the next page)')
    .option('--limit <n>', 'at most this many rows (1–500)', '50')
    .option('--format <table|json>', 'output format', 'table')
    .action(
      async (o: {
        db?: string;
        actor?: string;
        action?: string;
        from?: string;
        to?: string;
        before?: string;
        limit: string;
        format: string;
      }) => {
        if (o.format !== 'table' && o.format !== 'json') {
          throw new VigiaError('INVALID_ARGUMENT', { name: '--format', value: o.format });
        }
        const integer = (name: string, value: string | undefined) => {
          if (value === undefined) return undefined;
          if (!/^\d+$/.test(value)) throw new VigiaError('INVALID_ARGUMENT', { name, value });
          return Number(value);
        };
        const filter = {
          actor: o.actor,
          action: o.action,
          from: o.from,
          to: o.to,
          beforeSeq: integer('--before', o.before),
          limit: integer('--limit', o.limit),
        };
        await withStore(dbLocation(io, o.db), async (store) => {
          const page = await listAuditLog(store, filter);
          if (o.format === 'json') io.out(`${JSON.stringify(page)}\n`);
          else {
            const locale = initialLocale(io, lang(), (await store.getAgency())?.locale);
            io.out(formatAuditTable(page.rows, page.nextBeforeSeq, locale));
          }
        });
      },
    );
}
