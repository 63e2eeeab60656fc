import type { Command } from 'commander';
import { VigiaError } from '@vigia/domain';
import { createMeeting, emergingHotSpotSource, meetingUnits } from '@vigia/services';
import { cliActor, initialLocale, type Io } from '../context.js';
import { formatAgendaTable } from '../format/agenda-table.js';
import { dbLocation, withStore } from '../run-with-store.js';

/**
 * `vigia meeting create --db FILE --week YYYY-Www [--unit CODE ...] [--title TEXT] [--format table|json]`:
 * creates the COMPSTAT meeting of a week (default units: every top-level unit), stores its generated
 * agenda (audited as the operating system user) and prints it, so a meeting can be prepared without the
 * dashboard.
 */
export function registerMeeting(program: Command, io: Io): void {
  const meeting = program.command('meeting').description('COMPSTAT meetings / reuniones COMPSTAT');
  meeting
    .command('create')
    .description(
      'create the meeting of a week and print its agenda / crea la reunión de una semana e imprime su agenda',
    )
    .option('--db <file>', 'database file')
    .requiredOption('--week <YYYY-Www>', 'ISO week reviewed, e.g. 2019-W50')
    .option('--unit <code...>', 'units on the agenda, in order (default: every top-level unit)')
    .option('--title <text>', 'meeting title (default: COMPSTAT <week>)')
    .option('--format <table|json>', 'output format', 'table')
    .action(async (o: { db?: string; week: string; unit?: string[]; title?: string; format: string }) => {
      if (!['table', 'json'].includes(o.format)) {
        throw new VigiaError('INVALID_ARGUMENT', { name: '--format', value: o.format });
      }
      await withStore(dbLocation(io, o.db), async (store) => {
        const units = await meetingUnits(store, o.unit ?? []);
        const { meeting: created, agenda } = await createMeeting(
          store,
          { week: o.week, unitIds: units.map((u) => u.id), title: o.title, actor: cliActor(io) },
          { now: io.now, sources: [emergingHotSpotSource()] },
        );
        if (o.format === 'json') {
          const { agenda: _stored, ...record } = created;
          io.out(`${JSON.stringify({ meeting: record, agenda })}\n`);
          return;
        }
        const lang = program.opts<{ lang?: string }>().lang;
        const locale = initialLocale(io, lang, (await store.getAgency())?.locale);
        io.out(formatAgendaTable(agenda, created.id, locale));
      });
    });
}
