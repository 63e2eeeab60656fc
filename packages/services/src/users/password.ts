import { hash, verify, type Options } from '@node-rs/argon2';
import { VigiaError } from '@vigia/domain';

/**
 * Argon2id parameters: the first configuration of the OWASP Password Storage Cheat Sheet (19 MiB of
 * memory, 2 passes, 1 lane; RFC 9106 argon2id), 16-byte random salt, 32-byte hash, stored as a PHC
 * string (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`) so a later change of parameters still verifies old
 * hashes. One hash takes about 15 ms on one core of the reference machine.
 */
export const ARGON2_OPTIONS: Options = {
  algorithm: 2, // Argon2id (a const enum in @node-rs/argon2's types)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
};

/** Shortest accepted password (NIST SP 800-63B asks for at least 8; Vigía asks 10). */
export const MIN_PASSWORD_LENGTH = 10;
/** Longest accepted password in characters (bounds the work of one hash). */
export const MAX_PASSWORD_LENGTH = 256;

/** Passwords refused whatever their length (lower-cased; the most common ones of public breach lists). */
const COMMON = new Set([
  'password',
  'password1',
  'password12',
  'password123',
  'password1234',
  'passw0rd',
  'contraseña',
  'contrasena',
  'contraseña1',
  '1234567890',
  '12345678910',
  '123456789a',
  '0987654321',
  'qwertyuiop',
  'qwerty1234',
  'qwerty12345',
  '1q2w3e4r5t',
  'iloveyou12',
  'administrator',
  'administrador',
  'changeme123',
  'welcome123',
  'bienvenido',
  'bienvenido1',
  'policia123',
  'vigia12345',
  'compstat123',
]);

/**
 * Refuses a password that is too weak: shorter than {@link MIN_PASSWORD_LENGTH}, longer than
 * {@link MAX_PASSWORD_LENGTH}, one repeated character, a common password, or containing the user
 * name (of 3 characters or more), ignoring case. Follows NIST SP 800-63B §5.1.1.2 (length and a
 * blocklist, no composition rules).
 * @throws VigiaError WEAK_PASSWORD.
 */
export function assertStrongPassword(password: string, username: string): void {
  const p = password.normalize('NFC');
  const lower = p.toLowerCase();
  const name = username.normalize('NFC').toLowerCase();
  const chars = [...p];
  const weak =
    chars.length < MIN_PASSWORD_LENGTH ||
    chars.length > MAX_PASSWORD_LENGTH ||
    new Set(chars).size === 1 ||
    COMMON.has(lower) ||
    (name.length >= 3 && lower.includes(name));
  if (weak) throw new VigiaError('WEAK_PASSWORD', { minLength: MIN_PASSWORD_LENGTH });
}

/** The argon2id PHC string of `password` (NFC-normalised, so the same text typed anywhere matches). */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

/** True when `password` matches the PHC `stored` hash; false for a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password.normalize('NFC'));
  } catch {
    return false;
  }
}
