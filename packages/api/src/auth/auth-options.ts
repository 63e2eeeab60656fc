import { VigiaError } from '@vigia/domain';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '@vigia/services';

/**
 * How the server signs users in. Every field has a documented default (README "Sign-in") and an
 * environment variable that `vigia serve` reads ({@link authOptionsFromEnv}).
 */
export interface AuthOptions {
  /**
   * Mark the session cookie `Secure` (and name it `__Host-vigia_session`): set when users reach the
   * server over HTTPS, i.e. behind a TLS reverse proxy (VIGIA_HTTPS=1). Default false: plain
   * http://localhost would otherwise lose the cookie.
   */
  secureCookies: boolean;
  /** Idle and absolute session timeouts, lockout (VIGIA_SESSION_IDLE_MINUTES, VIGIA_SESSION_MAX_MINUTES,
   * VIGIA_LOCKOUT_ATTEMPTS, VIGIA_LOCKOUT_MINUTES). */
  policy: SessionPolicy;
  /** Sign-in attempts per client IP per minute (VIGIA_LOGIN_PER_IP, default 20). */
  loginPerIp: number;
  /** Sign-in attempts per user name per minute, from any IP (VIGIA_LOGIN_PER_USER, default 5). */
  loginPerUser: number;
}

/** The defaults of {@link AuthOptions}. */
export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  secureCookies: false,
  policy: DEFAULT_SESSION_POLICY,
  loginPerIp: 20,
  loginPerUser: 5,
};

/**
 * {@link AuthOptions} from environment variables (unset = default).
 * @throws VigiaError INVALID_ARGUMENT naming a variable that is not a positive integer (or 0/1 for
 *   VIGIA_HTTPS).
 */
export function authOptionsFromEnv(env: Record<string, string | undefined>): AuthOptions {
  const int = (name: string, fallback: number): number => {
    const text = env[name]?.trim();
    if (!text) return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
      throw new VigiaError('INVALID_ARGUMENT', { name, value: text });
    return n;
  };
  const https = env['VIGIA_HTTPS']?.trim().toLowerCase();
  if (https && !['0', '1', 'true', 'false'].includes(https)) {
    throw new VigiaError('INVALID_ARGUMENT', { name: 'VIGIA_HTTPS', value: https });
  }
  const d = DEFAULT_AUTH_OPTIONS;
  return {
    secureCookies: https === '1' || https === 'true',
    policy: {
      idleMinutes: int('VIGIA_SESSION_IDLE_MINUTES', d.policy.idleMinutes),
      maxMinutes: int('VIGIA_SESSION_MAX_MINUTES', d.policy.maxMinutes),
      lockoutAttempts: int('VIGIA_LOCKOUT_ATTEMPTS', d.policy.lockoutAttempts),
      lockoutMinutes: int('VIGIA_LOCKOUT_MINUTES', d.policy.lockoutMinutes),
    },
    loginPerIp: int('VIGIA_LOGIN_PER_IP', d.loginPerIp),
    loginPerUser: int('VIGIA_LOGIN_PER_USER', d.loginPerUser),
  };
}

/** Name of the session cookie (`__Host-` prefix when Secure: no Domain, Path=/, HTTPS only). */
export function sessionCookieName(options: Pick<AuthOptions, 'secureCookies'>): string {
  return options.secureCookies ? '__Host-vigia_session' : 'vigia_session';
}
