import { fingerprint } from '../fingerprint/fingerprint.js';
import type { CallRecord } from './call.js';

const text = (v: number | string | boolean | null): string => (v === null ? '' : String(v));

/**
 * Content fingerprint of a call row: every field that comes from the source (times, priority, types,
 * disposition, flags, units, location), not what Vigía derives (placement). A re-import of the same row
 * gives the same text; any correction changes it, which makes a new version of the call.
 */
export function callContentHash(r: CallRecord): string {
  return fingerprint([
    text(r.receivedAt),
    r.receivedLocal,
    text(r.dispatchedAt),
    text(r.enRouteAt),
    text(r.onSceneAt),
    text(r.clearedAt),
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
