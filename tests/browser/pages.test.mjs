// Every main page loads without console errors, and the workspace is usable on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { useWorkspace, withPage } from './support/browser.mjs';
import { PHONE, horizontalOverflow } from './support/phone.mjs';

const ws = useWorkspace();

const PUBLIC_PAGES = ['/', '/dang-nhap', '/danh-muc', '/lang-nghe', '/lang-nghe?q=mi&truyen_thong=1', '/san-pham', '/van-ban',
  '/dat-lai-mat-khau'];
const STAFF_PAGES = ['/tong-quan', '/bao-cao', '/co-so', '/co-so/cs-0046', '/co-so/moi', '/co-so/cs-0046/sua',
  '/can-bo', '/quan-tri/tai-khoan', '/quan-tri/nhat-ky', '/quan-tri/tai-khoan/diaphuong', '/tai-khoan/doi-mat-khau'];

async function visitAll(page, paths) {
  for (const path of paths) {
    const response = await page.goto(path);
    assert.equal(response.status(), 200, `${path} answered ${response.status()}`);
    await page.waitForLoadState('load');
  }
}

test('no console errors on the public pages', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, async (page) => {
    await visitAll(page, PUBLIC_PAGES);
    assert.deepEqual(page.consoleErrors, []);
  });
});

test('no console errors on the staff pages', { timeout: 120_000 }, async (t) => {
  await withPage(t, ws, { role: 'quan_tri' }, async (page) => {
    await visitAll(page, [...PUBLIC_PAGES, ...STAFF_PAGES]);
    assert.deepEqual(page.consoleErrors, []);
  });
});

test('no console errors for a local officer and an establishment', { timeout: 120_000 }, async (t) => {
  for (const role of ['dia_phuong', 'co_so']) {
    await withPage(t, ws, { role }, async (page) => {
      await visitAll(page, ['/', '/danh-muc', '/co-so', '/lang-nghe']);
      assert.deepEqual(page.consoleErrors, []);
    });
  }
});

// Every link of the main navigation is on screen horizontally and can be tapped.
async function assertNavigationReachable(page) {
  const links = page.locator('nav[aria-label="Điều hướng chính"] a');
  const n = await links.count();
  assert.ok(n >= 2);
  for (let i = 0; i < n; i++) {
    const link = links.nth(i);
    assert.ok(await link.isVisible(), `navigation link ${i} is hidden`);
    const box = await link.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `navigation link ${i} is off screen: ${JSON.stringify(box)}`);
  }
}

for (const [role, path] of [[null, '/'], [null, '/lang-nghe'], ['trung_tam', '/tong-quan'], ['trung_tam', '/co-so'],
  ['quan_tri', '/quan-tri/nhat-ky'], ['quan_tri', '/quan-tri/tai-khoan'], ['dia_phuong', '/tai-khoan/doi-mat-khau']]) {
  test(`${path} fits a phone screen${role ? ` (${role})` : ''}`, { timeout: 90_000 }, async (t) => {
    await withPage(t, ws, { ...PHONE, role }, async (page) => {
      await page.goto(path);
      const o = await horizontalOverflow(page);
      assert.ok(o.scrollWidth <= o.clientWidth, `${path} scrolls sideways: ${JSON.stringify(o)}`);
      await assertNavigationReachable(page);
      // Tapping a navigation link works on a touch screen.
      await Promise.all([page.waitForURL((u) => u.pathname === '/danh-muc'), page.tap('nav[aria-label="Điều hướng chính"] a[href="/danh-muc"]')]);
    });
  });
}
