import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const CHILD = fileURLToPath(new URL('./import-child.js', import.meta.url));

/**
 * Runs the import in a child process (built dist/, as `vigia` runs) and SIGKILLs it `delayMs` after it
 * prints `killAt` ("staging": rows are flowing into the store; "merging": the merge has begun).
 */
export function importInChild(
  location: string,
  file: string,
  killAt?: 'staging' | 'merging',
  delayMs = 0,
): Promise<{ signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, location, file, 'chicago-code'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let armed = false;
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      if (killAt && !armed && stdout.includes(`${killAt}\n`)) {
        armed = true;
        setTimeout(() => child.kill('SIGKILL'), delayMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ signal, stdout, stderr }));
  });
}
