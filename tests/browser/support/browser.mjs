// Chromium for the browser tests: Debian's /usr/bin/chromium driven by npm playwright-core (from
// web/node_modules, installed by scripts/web-assets.sh; never `playwright install`).
//
// useWorkspace() gives a test file one server (support/server.mjs) and one browser for all its
// tests; withPage() opens a fresh browser context (its own cookies) per use, signs in when asked,
// records console errors, and on failure saves a screenshot and prints where it is.
import { after, before } from 'node:test';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { PASSWORD, USERS, sourceDir, startServer } from './server.mjs';

const requireFromWeb = createRequire(path.join(sourceDir, 'web', 'package.json'));
export const { chromium } = requireFromWeb('playwright-core');
export const axeSourcePath = path.join(sourceDir, 'web', 'node_modules', 'axe-core', 'axe.min.js');

export const CHROMIUM = process.env.KC_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// Where screenshots of failed tests go: KC_BROWSER_ARTIFACTS (CTest sets it inside the build
// dir), else a folder in the system temp dir. Unlike the server's temp dir, it is kept.
export const artifactDir = process.env.KC_BROWSER_ARTIFACTS
  ? path.resolve(process.env.KC_BROWSER_ARTIFACTS)
  : path.join(os.tmpdir(), 'khuyencong-browser-failures');

// playwright's launch() always gives the browser a fresh, temporary --user-data-dir of its own
// (and refuses one in args), so every launch starts from an empty profile and removes it on close.
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
}

// One server and one browser shared by the tests of the calling file, closed after them.
// ws.sessions keeps each role's signed-in cookies, so later pages of that role skip the form.
export function useWorkspace() {
  const ws = { server: null, browser: null, sessions: {} };
  before(async () => {
    ws.server = await startServer();
    ws.browser = await launchBrowser();
  });
  after(async () => {
    try {
      if (ws.browser) await ws.browser.close();
    } finally {
      if (ws.server) await ws.server.stop();
    }
  });
  return ws;
}

function slug(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
}

// Signs in through the form; resolves once the browser has left /dang-nhap.
export async function signIn(page, role, password = PASSWORD) {
  const user = USERS[role];
  if (!user) throw new Error(`no test account for role ${role}`);
  await page.goto('/dang-nhap');
  await page.fill('#ten_dang_nhap', user.username);
  await page.fill('#mat_khau', password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith('/dang-nhap')),
    page.click('main form button[type="submit"]'),
  ]);
}

// Runs `fn(page)` in a fresh context of ws.browser. Options: role (signed in: through the form
// the first time, then with that sign-in's cookies), viewport, contextOptions.
// page.consoleErrors lists the console errors and uncaught exceptions seen so far.
export async function withPage(t, ws, options, fn) {
  if (typeof options === 'function') {
    fn = options;
    options = {};
  }
  const context = await ws.browser.newContext({
    baseURL: ws.server.url,
    locale: 'vi-VN',
    viewport: options.viewport || { width: 1280, height: 900 },
    acceptDownloads: true,
    storageState: options.role ? ws.sessions[options.role] : undefined,
    ...options.contextOptions,
  });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  page.consoleErrors = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.consoleErrors.push(`${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.consoleErrors.push(`${page.url()}: uncaught ${e.message}`));
  try {
    if (options.role && !ws.sessions[options.role]) {
      await signIn(page, options.role);
      ws.sessions[options.role] = await context.storageState();
    }
    return await fn(page, context);
  } catch (e) {
    try {
      fs.mkdirSync(artifactDir, { recursive: true });
      const file = path.join(artifactDir, `${slug(t.name)}-${Date.now()}.png`);
      await page.screenshot({ path: file, fullPage: true });
      const where = `screenshot of the failure (${page.url()}): ${file}`;
      t.diagnostic(where);
    } catch (shotError) {
      console.error(`no screenshot of the failure: ${shotError.message}`);
    }
    throw e;
  } finally {
    await context.close();
  }
}

// Visible text of an element, whitespace collapsed.
export async function textOf(locator) {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}
