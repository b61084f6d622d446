// A real WebDAV server for the sync tests and bench: Debian's Apache httpd with mod_dav/mod_dav_fs
// and Basic auth, as its own non-system instance (config, data, lock database, logs and pid in a
// temp dir, 127.0.0.1 on a free port), run in the foreground as a child process. It can be
// stopped in the middle of a sync and restarted on the same port and data, made to refuse
// (401 by swapping the password file, 403/507 through a config swap and a restart), emptied, and
// its files read straight from disk. The access log records method, path, status and If-Match,
// so a test can count what a sync sent.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

export const APACHE = process.env.APACHE_PATH ?? '/usr/sbin/apache2';
export const APACHE_MODULES = process.env.APACHE_MODULES ?? '/usr/lib/apache2/modules';
export const HTPASSWD = process.env.HTPASSWD_PATH ?? '/usr/bin/htpasswd';

/** One line of the access log. */
export interface DavRequest {
  method: string;
  path: string;
  status: number;
  ifMatch: string;
  ifNoneMatch: string;
  bytes: number;
}

/** How the server answers every request under /dav. */
export type DavMode = 'normal' | 'forbidden' | 'full';

export interface WebDavServer {
  origin: string;
  /** The collection the extension is pointed at, with a trailing slash. */
  url: string;
  user: string;
  password: string;
  /** Where the files live on disk. */
  dataDir: string;
  readonly running: boolean;
  /**
   * Every request the server has logged since it was created (or since `clearLog`). Apache logs a
   * request just after answering it: wait for the lines a test expects.
   */
  requests(): DavRequest[];
  clearLog(): void;
  /** Stops at once (SIGTERM: in-flight requests are cut), as a server that goes away. */
  stop(): Promise<void>;
  /** Starts again on the same port, data and config. */
  start(): Promise<void>;
  /** Answers every /dav request with 403 (`forbidden`), 507 (`full`), or normally again. */
  setMode(mode: DavMode): Promise<void>;
  /** Replaces the accepted password (the old one then gets 401). Read on each request. */
  setPassword(password: string): void;
  /** Deletes every file and folder in the collection, as a server that comes back empty. */
  wipe(): void;
  /** Every file under the data dir, relative to it. */
  files(): string[];
  /** The files (relative paths) whose bytes contain `needle`, raw bytes and UTF-8/UTF-16 both. */
  grep(needle: string): string[];
  /** Stops the server and removes its temp dir. */
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function apacheConfig(root: string, port: number, mode: DavMode, runAsRoot: boolean): string {
  const mods = [
    ['mpm_event_module', 'mod_mpm_event.so'],
    ['authn_core_module', 'mod_authn_core.so'],
    ['authn_file_module', 'mod_authn_file.so'],
    ['authz_core_module', 'mod_authz_core.so'],
    ['authz_user_module', 'mod_authz_user.so'],
    ['auth_basic_module', 'mod_auth_basic.so'],
    ['dav_module', 'mod_dav.so'],
    ['dav_fs_module', 'mod_dav_fs.so'],
    ['rewrite_module', 'mod_rewrite.so'],
  ];
  // A refusing server: every /dav request gets the chosen status, before auth or DAV see it.
  const refuse =
    mode === 'normal' ? '' : `  RewriteEngine On\n  RewriteRule ^ - [R=${mode === 'forbidden' ? 403 : 507},L]\n`;
  return `ServerRoot "${root}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
DefaultRuntimeDir "${root}/run"
PidFile "${root}/run/httpd.pid"
ErrorLog "${root}/logs/error.log"
LogLevel warn
${mods.map(([n, f]) => `LoadModule ${n} "${APACHE_MODULES}/${f}"`).join('\n')}
${runAsRoot ? 'User www-data\nGroup www-data\n' : ''}StartServers 1
ServerLimit 2
ThreadsPerChild 16
MaxRequestWorkers 32
KeepAlive On
MaxKeepAliveRequests 0
Timeout 30
LogFormat "%m %U %>s \\"%{If-Match}i\\" \\"%{If-None-Match}i\\" %B" dav
CustomLog "${root}/logs/access.log" dav
DavLockDB "${root}/lock/DavLock"
DocumentRoot "${root}/www"
<Directory />
  Require all denied
  AllowOverride None
</Directory>
<Directory "${root}/www/dav">
${refuse}  Dav On
  AuthType Basic
  AuthName "Tabularium sync tests"
  AuthBasicProvider file
  AuthUserFile "${root}/htpasswd"
  Require valid-user
  # mod_rewrite (the refusing modes) runs only where symlinks may be followed.
  Options FollowSymLinks
  LimitRequestBody 0
</Directory>
`;
}

const unescapeLogged = (s: string) => s.replace(/\\(.)/g, '$1');

function parseLog(text: string): DavRequest[] {
  const out: DavRequest[] = [];
  for (const line of text.split('\n')) {
    // Apache escapes the quotes inside a logged header: "\"etag\"".
    const m = /^(\S+) (\S+) (\d+) "((?:[^"\\]|\\.)*)" "((?:[^"\\]|\\.)*)" (\S+)$/.exec(line);
    if (!m) continue;
    out.push({
      method: m[1]!,
      path: m[2]!,
      status: Number(m[3]),
      ifMatch: m[4] === '-' ? '' : unescapeLogged(m[4]!),
      ifNoneMatch: m[5] === '-' ? '' : unescapeLogged(m[5]!),
      bytes: m[6] === '-' ? 0 : Number(m[6]),
    });
  }
  return out;
}

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...walk(p));
    else if (st.isFile()) out.push(p);
  }
  return out;
}

async function waitUntil(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error(`webdav server: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function answers(origin: string): Promise<boolean> {
  try {
    await fetch(`${origin}/`, { method: 'HEAD', signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

export async function startWebDav(opts: { user?: string; password?: string } = {}): Promise<WebDavServer> {
  if (!existsSync(APACHE)) throw new Error(`${APACHE} is missing: apt-get install apache2 apache2-utils`);
  const root = mkdtempSync(join(tmpdir(), 'tabularium-webdav-'));
  for (const d of ['run', 'logs', 'lock', 'www/dav']) mkdirSync(join(root, d), { recursive: true });
  const data = join(root, 'www', 'dav');
  const runAsRoot = process.getuid?.() === 0;
  // As root, Apache's workers drop to www-data: they must be able to write the data and lock dirs.
  if (runAsRoot) {
    const uid = Number(execFileSync('id', ['-u', 'www-data'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'www-data'], { encoding: 'utf8' }).trim());
    for (const d of [data, join(root, 'lock')]) chownSync(d, uid, gid);
    chmodSync(root, 0o755);
  }
  const user = opts.user ?? 'alice';
  let password = opts.password ?? 'app-password-1';
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const conf = join(root, 'httpd.conf');
  const accessLog = join(root, 'logs', 'access.log');
  const htpasswd = join(root, 'htpasswd');
  const writePassword = (pw: string) =>
    execFileSync(HTPASSWD, ['-bcB', '-C', '4', htpasswd, user, pw], { stdio: 'ignore' });
  writePassword(password);
  let mode: DavMode = 'normal';
  writeFileSync(conf, apacheConfig(root, port, mode, runAsRoot));
  let child: ChildProcess | null = null;
  let logOffset = 0;

  const start = async () => {
    if (child) return;
    const p = spawn(APACHE, ['-d', root, '-f', conf, '-DFOREGROUND'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr?.on('data', (d: Buffer) => void (stderr += d.toString()));
    let exited = false;
    p.once('exit', () => {
      exited = true;
      if (child === p) child = null;
    });
    child = p;
    await waitUntil(async () => {
      if (exited) {
        const log = existsSync(join(root, 'logs/error.log')) ? readFileSync(join(root, 'logs/error.log'), 'utf8') : '';
        throw new Error(`apache2 exited at start: ${stderr}${log.slice(-2000)}`);
      }
      return answers(origin);
    }, 'apache2 to listen');
  };

  const stop = async () => {
    const p = child;
    if (!p) return;
    const gone = new Promise<void>((r) => p.once('exit', () => r()));
    p.kill('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 10_000))]);
    if (child === p) {
      p.kill('SIGKILL');
      await gone;
    }
    child = null;
    // The port must be free again, so a restart can take it.
    await waitUntil(async () => !(await answers(origin)), 'apache2 to stop listening');
  };

  await start();

  const server: WebDavServer = {
    origin,
    url: `${origin}/dav/`,
    user,
    get password() {
      return password;
    },
    dataDir: data,
    get running() {
      return child !== null;
    },
    requests() {
      const text = existsSync(accessLog) ? readFileSync(accessLog, 'utf8') : '';
      return parseLog(text.slice(logOffset));
    },
    clearLog() {
      logOffset = existsSync(accessLog) ? readFileSync(accessLog, 'utf8').length : 0;
    },
    stop,
    start,
    async setMode(next) {
      if (next === mode) return;
      mode = next;
      writeFileSync(conf, apacheConfig(root, port, mode, runAsRoot));
      if (!child) return;
      // A restart rather than a graceful one: the new mode holds for the very next request.
      await stop();
      await start();
    },
    setPassword(pw) {
      password = pw;
      writePassword(pw);
    },
    wipe() {
      for (const name of readdirSync(data)) rmSync(join(data, name), { recursive: true, force: true });
    },
    files() {
      return walk(data).map((p) => relative(data, p));
    },
    grep(needle) {
      const forms = [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')];
      return walk(data)
        .filter((p) => {
          const bytes = readFileSync(p);
          return forms.some((f) => bytes.includes(f));
        })
        .map((p) => relative(data, p));
    },
    async close() {
      await stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  return server;
}
