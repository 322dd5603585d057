// A khuyencong server for one browser test file: a temp dir with a fresh SQLite database holding
// the demo bundle (data/demo), one account per role, and `khuyencong serve --port 0` running on
// it. stop() ends the server (SIGTERM) and removes the temp dir; it also runs when the process
// exits some other way, so nothing is left behind whatever happens.
//
// Environment: KC_BIN (the khuyencong binary, required), KC_SOURCE_DIR (the repository root;
// defaults to the checkout this file lives in), KC_TEST_POSTGRES (as for the C++ tests: the URL
// of a PostgreSQL server's maintenance database; when set, each server gets a new database there,
// made and dropped with psql, instead of a SQLite file).
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const sourceDir = process.env.KC_SOURCE_DIR
  ? path.resolve(process.env.KC_SOURCE_DIR)
  : path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export const PASSWORD = 'mat-khau-thu-nghiem';

// One account per role, as tests/support/web_fixture.cc creates them.
export const USERS = {
  quan_tri: { username: 'quantri', name: 'Quản trị', args: [] },
  so_cong_thuong: { username: 'socongthuong', name: 'Cán bộ Sở', args: [] },
  trung_tam: { username: 'trungtam', name: 'Cán bộ Trung tâm', args: [] },
  dia_phuong: { username: 'diaphuong', name: 'Cán bộ Lục Ngạn', args: ['--unit', 'bg-luc-ngan'] },
  co_so: { username: 'coso', name: 'Chủ cơ sở', args: ['--co-so', 'cs-0046'] },
};
export const STAFF_ROLES = ['quan_tri', 'so_cong_thuong', 'trung_tam'];

function khuyencongBin() {
  const bin = process.env.KC_BIN;
  if (!bin) throw new Error('KC_BIN must name the khuyencong binary (e.g. build/src/khuyencong)');
  if (!fs.existsSync(bin)) throw new Error(`KC_BIN=${bin} does not exist`);
  return path.resolve(bin);
}

function run(bin, args, input) {
  const r = spawnSync(bin, args, { input, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) {
    throw new Error(`khuyencong ${args.join(' ')} failed (${r.status ?? r.signal}):\n${r.stdout}${r.stderr}`);
  }
  return r.stdout;
}

const postgresAdminUrl = process.env.KC_TEST_POSTGRES || '';

function psql(sql) {
  const r = spawnSync('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', postgresAdminUrl, '-c', sql],
    { encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`psql -c "${sql}" failed: ${r.stderr || r.error}`);
}

// The admin URL with its database name replaced by `name` (as tests/support/test_database.cc).
function withDatabase(adminUrl, name) {
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return u.toString();
}

// A database for one server: a SQLite file in `dir`, or a new PostgreSQL database.
function createDatabase(dir) {
  if (!postgresAdminUrl) return { url: path.join(dir, 'khuyencong.db'), drop() {} };
  const name = `kc_browser_${crypto.randomBytes(6).toString('hex')}`;
  psql(`CREATE DATABASE ${name} ENCODING 'UTF8' TEMPLATE template0`);
  return { url: withDatabase(postgresAdminUrl, name), drop: () => psql(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

const running = new Set();
process.on('exit', () => {
  // Last resort when a test file ends without calling stop(): synchronous cleanup only.
  for (const s of running) {
    try { s.child?.kill('SIGKILL'); } catch { /* already gone */ }
    try { s.database?.drop(); } catch { /* nothing more to do */ }
    fs.rmSync(s.dir, { recursive: true, force: true });
  }
});
// Interrupted (Ctrl-C, a runner's timeout): exit through the handler above.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    if (running.size > 0) process.exit(130);
    else process.kill(process.pid, signal);
  });
}

// Waits for the first line "… đang chạy tại http://HOST:PORT/ …" on the server's stdout.
function waitForUrl(child, timeoutMs) {
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`the server printed no URL within ${timeoutMs} ms`)), timeoutMs);
    function fail(e) {
      clearTimeout(timer);
      child.stdout.off('data', onOut);
      child.off('exit', onExit);
      reject(new Error(`${e.message}\nstdout: ${out}\nstderr: ${err}`));
    }
    function onOut(chunk) {
      out += chunk;
      const m = out.match(/đang chạy tại (http:\/\/[^\s/]+\/)/);
      if (m) {
        clearTimeout(timer);
        child.stdout.off('data', onOut);
        child.off('exit', onExit);
        resolve(m[1]);
      }
    }
    function onExit(code, signal) { fail(new Error(`the server exited early (${code ?? signal})`)); }
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', onOut);
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('exit', onExit);
  });
}

// Starts a server on the demo data. Returns { url, dir, db, bin, stop() }: url ends with '/', dir
// is the temp dir (removed by stop()), db what --db takes.
export async function startServer() {
  const bin = khuyencongBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kc-browser-'));
  const server = { dir, child: null, database: null };
  running.add(server);
  try {
    server.database = createDatabase(dir);
    const db = server.database.url;
    run(bin, ['--db', db, 'import', path.join(sourceDir, 'data', 'demo')]);
    for (const [role, u] of Object.entries(USERS)) {
      run(bin, ['--db', db, 'user', 'add', u.username, '--role', role, '--name', u.name, ...u.args], `${PASSWORD}\n`);
    }
    const child = spawn(bin, ['--db', db, 'serve', '--port', '0', '--threads', '4'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    server.child = child;
    const url = await waitForUrl(child, 60_000);
    // Keep draining the pipes so the server never blocks on a full one.
    child.stdout.resume();
    child.stderr.on('data', (chunk) => process.stderr.write(`[khuyencong] ${chunk}`));
    return {
      url,
      dir,
      db,
      bin,
      stop: () => stopServer(server),
    };
  } catch (e) {
    await stopServer(server);
    throw e;
  }
}

async function stopServer(server) {
  const child = server.child;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  running.delete(server);
  try {
    server.database?.drop();
  } finally {
    fs.rmSync(server.dir, { recursive: true, force: true });
  }
}
