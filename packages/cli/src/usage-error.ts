import type { CommanderError } from 'commander';
import { translate, type Locale } from '@vigia/domain';

/** Commander's error codes of bad usage, and the catalogue key (`usage.*`) of each. */
const USAGE_KEYS: Readonly<Record<string, string>> = {
  'commander.unknownOption': 'unknownOption',
  'commander.unknownCommand': 'unknownCommand',
  'commander.optionMissingArgument': 'optionMissingArgument',
  'commander.missingMandatoryOptionValue': 'missingMandatoryOptionValue',
  'commander.missingArgument': 'missingArgument',
  'commander.excessArguments': 'excessArguments',
  'commander.conflictingOption': 'conflictingOption',
  'commander.invalidArgument': 'invalidArgument',
};

/**
 * The message of a command-line usage error in `locale`, from the error commander threw (commander
 * writes its messages in English only; main.ts keeps it from printing them). The option, command or
 * argument is taken from commander's message (the texts it quotes), with its "did you mean" suggestion;
 * a code not in the catalogue keeps commander's English text. Ends with a pointer to `--help`.
 *
 * Shape: one line (two with a suggestion), no trailing newline, e.g. "Opción desconocida: '--bogus'."
 * @see commander (https://github.com/tj/commander.js): error codes `commander.*` of Command.error.
 */
export function usageMessage(e: CommanderError, locale: Locale): string {
  const quoted = [...e.message.matchAll(/'([^']*)'/g)].map((m) => `'${m[1]}'`);
  const counts = /Expected (\d+) argument.* got (\d+)/.exec(e.message);
  const suggestion = /\(Did you mean (?:one of )?(.+)\?\)/.exec(e.message)?.[1];
  const key = USAGE_KEYS[e.code];
  const text = key
    ? translate(locale, `usage.${key}`, {
        value: quoted[0] ?? '',
        other: quoted[1] ?? '',
        expected: counts?.[1] ?? '',
        got: counts?.[2] ?? '',
      })
    : e.message
        .replace(/^error: /, '')
        .split('\n')[0]!
        .replace(/([^.?!])$/, '$1.');
  const hint = suggestion ? ` ${translate(locale, 'usage.didYouMean', { value: suggestion })}` : '';
  return `${text}${hint} ${translate(locale, 'usage.help')}`;
}
