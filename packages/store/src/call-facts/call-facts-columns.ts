import type { CallFacts, CodedColumn } from '../port/call-store.js';

/** The numeric columns of {@link CallFacts} for `length` calls, zero-filled (adapters fill them). */
export function allocateCallFacts(
  length: number,
): Omit<CallFacts, 'priority' | 'channel' | 'callType' | 'sourceUnit' | 'respondingUnits'> {
  return {
    length,
    receivedDay: new Int32Array(length),
    minuteOfDay: new Int16Array(length),
    dispatchedMs: new Float64Array(length),
    enRouteMs: new Float64Array(length),
    onSceneMs: new Float64Array(length),
    clearedMs: new Float64Array(length),
    flags: new Uint8Array(length),
    unitId: new Int32Array(length),
  };
}

/**
 * Builds a {@link CodedColumn} row by row: each distinct text gets the next code the first time it is
 * seen, so `values` holds every text once however many rows repeat it.
 */
export class CodedColumnBuilder {
  private readonly codes: Int32Array;
  private readonly values: (string | null)[] = [];
  private readonly index = new Map<string | null, number>();

  constructor(length: number) {
    this.codes = new Int32Array(length);
  }

  /** Sets row `i` to `text`. */
  set(i: number, text: string | null): void {
    let code = this.index.get(text);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(text);
      this.index.set(text, code);
    }
    this.codes[i] = code;
  }

  build(): CodedColumn {
    return { codes: this.codes, values: this.values };
  }
}
