// A neighbour that keeps the disk busy with flushed writes, as a backup or a build would: a crash
// test runs beside it, since a slow disk may delay a write but must never lose one that completed.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DiskLoad {
  stop(): Promise<void>;
}

/** Writes 32 MiB files with fsync, one after another, in the temp folder the profiles use. */
export function startDiskLoad(): DiskLoad {
  const dir = mkdtempSync(join(tmpdir(), 'tabularium-disk-load-'));
  const script = `while :; do dd if=/dev/zero of="$1/fill" bs=1M count=32 conv=fsync status=none || exit 1; done`;
  const child = spawn('sh', ['-c', script, 'disk-load', dir], { stdio: 'ignore', detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped: Promise<void> | undefined;
  return {
    stop() {
      stopped ??= (async () => {
        // The loop and its dd are one process group.
        if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
          process.kill(-child.pid, 'SIGKILL');
        }
        await exited;
        rmSync(dir, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
