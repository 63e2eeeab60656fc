import { fingerprint } from '../fingerprint/fingerprint.js';
import type { CallRecord } from './call.js';

const text = (v: number | string | boolean | null): string => (v === null ? '' : String(v));
/** Seconds after receipt: small integers, which V8 turns into text far faster than epoch milliseconds. */
const after = (at: number | null, received: number): string =>
  at === null ? '' : String((at - received) / 1000);

/**
 * Content fingerprint of a call row: every field that comes from the source (times, priority, types,
 * disposition, flags, units, location), not what Vigía derives (placement). A re-import of the same row
 * gives the same text; any correction changes it, which makes a new version of the call.
 */
export function callContentHash(r: CallRecord): string {
  return fingerprint([
    // The local wall time plus the UTC minute of the day (a small integer) pins the received instant:
    // two instants with the same wall time differ by less than a day.
    r.receivedLocal,
    String(Math.floor(r.receivedAt / 60_000) % 1440),
    after(r.dispatchedAt, r.receivedAt),
    after(r.enRouteAt, r.receivedAt),
    after(r.onSceneAt, r.receivedAt),
    after(r.clearedAt, r.receivedAt),
    r.timePrecision,
    text(r.priority),
    text(r.channel),
    text(r.initialType),
    text(r.finalType),
    text(r.disposition),
    text(r.officerInitiated),
    text(r.arrest),
    r.respondingUnits.join('\u001e'),
    text(r.lon),
    text(r.lat),
    text(r.sourceUnit),
  ]).text;
}
