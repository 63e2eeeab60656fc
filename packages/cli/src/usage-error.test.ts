import { Command, CommanderError, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { usageMessage } from './usage-error.js';

/** The error commander throws for `args` on a small program (its real messages, not copies). */
function errorOf(args: string[]): CommanderError {
  const program = new Command('vigia')
    .exitOverride()
    .configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  program
    .command('report')
    .argument('<file>')
    .requiredOption('--db <file>', 'database')
    .option('--level <name>', 'level')
    .addOption(new Option('--format <f>').choices(['table', 'json']))
    .addOption(new Option('--csv').conflicts('format'))
    .action(() => undefined);
  try {
    program.parse(args, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) return e;
    throw e;
  }
  throw new Error(`no error for ${args.join(' ')}`);
}

describe('usageMessage', () => {
  it('says what is wrong in Spanish and in English, naming the option, with commander’s suggestion', () => {
    const unknown = errorOf(['report', 'f', '--db', 'x', '--levl', 'd']);
    expect(unknown.code).toBe('commander.unknownOption');
    expect(usageMessage(unknown, 'es')).toBe(
      "Opción desconocida: '--levl'. ¿Quiso decir --level? Las opciones de cada comando: vigia COMANDO --help.",
    );
    expect(usageMessage(unknown, 'en')).toBe(
      "Unknown option '--levl'. Did you mean --level? The options of each command: vigia COMMAND --help.",
    );
  });

  it('covers every usage error commander raises for our commands', () => {
    const cases: [string[], string, string][] = [
      [['reprt'], 'commander.unknownCommand', "Comando desconocido: 'reprt'. ¿Quiso decir report?"],
      [
        ['report', 'f', '--db'],
        'commander.optionMissingArgument',
        "Falta el valor de la opción '--db <file>'.",
      ],
      [
        ['report', 'f'],
        'commander.missingMandatoryOptionValue',
        "Falta la opción obligatoria '--db <file>'.",
      ],
      [['report', '--db', 'x'], 'commander.missingArgument', "Falta el argumento 'file'."],
      [
        ['report', 'f', 'g', '--db', 'x'],
        'commander.excessArguments',
        'Demasiados argumentos: se esperaban 1 y se dieron 2.',
      ],
      [
        ['report', 'f', '--db', 'x', '--format', 'json', '--csv'],
        'commander.conflictingOption',
        "Las opciones '--csv' y '--format <f>' no se pueden usar juntas.",
      ],
      [
        ['report', 'f', '--db', 'x', '--format', 'pdf'],
        'commander.invalidArgument',
        "El valor 'pdf' de la opción '--format <f>' no es válido.",
      ],
    ];
    for (const [args, code, text] of cases) {
      const e = errorOf(args);
      expect(e.code, args.join(' ')).toBe(code);
      expect(usageMessage(e, 'es')).toBe(`${text} Las opciones de cada comando: vigia COMANDO --help.`);
    }
  });

  it('keeps commander’s text for a code it does not know', () => {
    const e = new CommanderError(1, 'commander.somethingNew', "error: something 'x' happened");
    expect(usageMessage(e, 'en')).toBe(
      "something 'x' happened. The options of each command: vigia COMMAND --help.",
    );
  });
});
