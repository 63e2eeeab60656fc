import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { translate, VigiaError } from '@vigia/domain';
import { bookActionItems, buildBook } from '@vigia/services';
import { cliActor, initialLocale, type Io } from '../context.js';
import { formatCount } from '../format/number.js';
import { dbLocation, withStore } from '../run-with-store.js';

/**
 * `vigia book --db FILE --week YYYY-Www [--lang es|en] [--level NAME] [--out FILE]`: writes the COMPSTAT
 * meeting book (PDF) and prints its path and page count. Language: --lang, else the agency's locale.
 * Default file: `compstat-<week>[-<level>]-<lang>.pdf` in the current folder (an existing file is
 * replaced). Action items appear once the meetings service provides them; until then every unit says
 * "none".
 */
export function registerBook(program: Command, io: Io): void {
  program
    .command('book')
    .description('the COMPSTAT meeting book as a PDF / el libro COMPSTAT de la reunión en PDF')
    .option('--db <file>', 'database file')
    .requiredOption('--week <YYYY-Www>', 'ISO week, e.g. 2019-W50')
    .option('--level <name>', 'one page per unit of this level (default: the top level)')
    .option('--out <file>', 'PDF file to write (default: compstat-WEEK-LANG.pdf)')
    .action(async (o: { db?: string; week: string; level?: string; out?: string }) => {
      await withStore(dbLocation(io, o.db), async (store) => {
        const agency = await store.getAgency();
        const lang = initialLocale(io, program.opts<{ lang?: string }>().lang, agency?.locale);
        const book = await buildBook(store, {
          week: o.week,
          lang,
          level: o.level,
          now: io.now(),
          actionItemsFor: bookActionItems(store, lang),
          actor: cliActor(io),
        });
        const file = resolve(o.out ?? book.fileName);
        try {
          await writeFile(file, book.pdf);
        } catch (e) {
          throw new VigiaError('FILE_NOT_WRITABLE', {
            file,
            detail: e instanceof Error ? e.message : String(e),
          });
        }
        io.out(`${translate(lang, 'book.written', { file, pages: formatCount(book.pages, lang) })}\n`);
      });
    });
}
