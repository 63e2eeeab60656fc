import { createWriteStream } from 'node:fs';
import { stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { VigiaError } from '@vigia/domain';
import { IMPORT_KINDS, profileNamesOf, type ImportKind } from '@vigia/ingest';

/**
 * An upload saved to its folder, checked enough to queue: what the file holds, a profile of that kind,
 * a mapping when generic needs it.
 */
export interface SavedUpload {
  kind: ImportKind;
  path: string;
  /** The file's own name as the user sent it (shortened to 120 characters), for messages and records. */
  file: string;
  size: number;
  profile: string;
  mappingFile: string | undefined;
  mappingName: string | undefined;
}

/** A safe file name: no folders, at most 120 characters with the extension kept, never empty. */
export function safeFileName(name: string | undefined, fallback: string): string {
  const base = basename((name ?? '').replaceAll('\\', '/')).replace(/\p{Cc}/gu, '');
  if (base === '' || base === '.' || base === '..') return fallback;
  if (base.length <= 120) return base;
  const ext = extname(base).slice(0, 16);
  return `${base.slice(0, 120 - ext.length)}${ext}`;
}

/** Multipart errors of @fastify/multipart / busboy that mean "malformed upload", by code. */
const MALFORMED = new Set([
  'FST_FILES_LIMIT',
  'FST_FIELDS_LIMIT',
  'FST_PARTS_LIMIT',
  'FST_PROTO_VIOLATION',
  'FST_INVALID_MULTIPART_CONTENT_TYPE',
]);

/**
 * Reads a multipart upload into `dir`: the `file` part (the export), a `profile` field, a `kind` field
 * (`incidents`, the default, or `calls`: what the file holds, as `vigia import incidents|calls`), and
 * optionally a `mapping` part (file or text field) with a mapping JSON.
 * @throws VigiaError UPLOAD_INVALID (not multipart, malformed, missing part, unknown kind, generic
 *   profile without mapping), UNKNOWN_PROFILE (not a profile of that kind), UPLOAD_TOO_LARGE.
 */
export async function readUpload(req: FastifyRequest, dir: string, limitBytes: number): Promise<SavedUpload> {
  if (!req.isMultipart()) throw new VigiaError('UPLOAD_INVALID', { detail: 'multipart/form-data' });
  let path: string | undefined;
  let file = '';
  let mappingFile: string | undefined;
  let mappingName: string | undefined;
  let profile: string | undefined;
  let kindText = 'incidents';
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file' && part.fieldname === 'file' && path === undefined) {
        file = safeFileName(part.filename, 'upload.csv');
        path = join(dir, file);
        await pipeline(part.file, createWriteStream(path, { mode: 0o600 }));
        if (part.file.truncated) throw new VigiaError('UPLOAD_TOO_LARGE', { limit: formatBytes(limitBytes) });
      } else if (part.fieldname === 'mapping' && mappingFile === undefined) {
        mappingName = part.type === 'file' ? safeFileName(part.filename, 'mapping.json') : 'mapping.json';
        mappingFile = join(dir, `mapping-${mappingName}`);
        if (part.type === 'file') await pipeline(part.file, createWriteStream(mappingFile, { mode: 0o600 }));
        else await writeFile(mappingFile, String(part.value), { mode: 0o600 });
      } else if (part.type === 'file') {
        part.file.resume(); // an unexpected file part: drained and ignored
      } else if (part.fieldname === 'profile') {
        profile = String(part.value).trim();
      } else if (part.fieldname === 'kind') {
        kindText = String(part.value).trim();
      }
    }
  } catch (e) {
    if (e instanceof VigiaError) throw e;
    const code = (e as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new VigiaError('UPLOAD_TOO_LARGE', { limit: formatBytes(limitBytes) });
    if (MALFORMED.has(code) || e instanceof Error) {
      throw new VigiaError('UPLOAD_INVALID', { detail: code || 'multipart' }, { cause: e });
    }
    throw e;
  }
  if (!path) throw new VigiaError('UPLOAD_INVALID', { detail: 'file' });
  if (!profile) throw new VigiaError('UPLOAD_INVALID', { detail: 'profile' });
  const kind = IMPORT_KINDS.find((k) => k === kindText);
  if (!kind) throw new VigiaError('UPLOAD_INVALID', { detail: `kind "${kindText.slice(0, 64)}"` });
  const profiles = profileNamesOf(kind);
  if (!profiles.includes(profile)) {
    throw new VigiaError('UNKNOWN_PROFILE', { value: profile.slice(0, 64), available: profiles.join(', ') });
  }
  if (profile === 'generic' && !mappingFile) throw new VigiaError('UPLOAD_INVALID', { detail: 'mapping' });
  return { kind, path, file, size: (await stat(path)).size, profile, mappingFile, mappingName };
}

/** Bytes as "2 GiB" / "500 MiB" for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 ** 3) return `${+(n / 1024 ** 3).toFixed(1)} GiB`;
  if (n >= 1024 ** 2) return `${+(n / 1024 ** 2).toFixed(1)} MiB`;
  return `${n} B`;
}
