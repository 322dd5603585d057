// The home page of a role ("Việc của tôi"): an establishment signs in, lands on it, sees its
// project by name with a link to it, and finds how to register a new need; a centre officer
// follows an item to the step's form; on a phone the pages do not scroll sideways.
import { test } from 'node:test';
import assert from 'node:assert/strict';

import { signIn, textOf, useWorkspace, withPage } from './support/browser.mjs';

const ws = useWorkspace();

test('an establishment signs in and sees its home page', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { viewport: { width: 390, height: 844 } }, async (page) => {
    await signIn(page, 'co_so');
    assert.equal(new URL(page.url()).pathname, '/viec-cua-toi');
    assert.equal(await textOf(page.locator('h1')), 'Việc của tôi');

    // Its project (cs-0046 benefits from bg-2017-t-011), named, its code beside it, linked.
    const mine = page.locator('#de-an-cua-co-so');
    assert.match(await textOf(mine.locator('h2')), /Đề án của cơ sở \(1\)/);
    const link = mine.locator('a[href="/de-an/bg-2017-t-011"]');
    assert.match(await textOf(link), /Giáp Minh Hằng/);
    assert.match(await textOf(mine), /bg-2017-t-011/);
    // Nothing is asked of it on the demo: no progress report due, no count in the navigation.
    assert.match(await textOf(page.locator('#bao-cao-tien-do')), /Không có việc nào/);
    assert.equal(await textOf(page.locator('nav[aria-label="Điều hướng chính"] a[href="/viec-cua-toi"]')), 'Việc của tôi');

    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no sideways scrolling at 390 px');

    // A clear way to register a new need.
    await Promise.all([page.waitForURL('**/de-an/moi'), page.click('main a.button:has-text("Đăng ký nhu cầu mới")')]);
    assert.deepEqual(page.consoleErrors, []);
  });
});

test('a centre officer follows an item of its home page to the step to take', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { viewport: { width: 390, height: 844 } }, async (page) => {
    await signIn(page, 'trung_tam');
    assert.equal(new URL(page.url()).pathname, '/viec-cua-toi');
    // The demo's project in progress whose end year (2021) has passed waits for its acceptance.
    assert.match(await textOf(page.locator('nav[aria-label="Điều hướng chính"] a[href="/viec-cua-toi"]')), /^Việc của tôi \(\d+\)$/);
    assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no sideways scrolling at 390 px');
    const item = page.locator('#nghiem-thu-tre-han a[href="/de-an/bg-2021-t-001#buoc-nghiem_thu"]');
    assert.match(await textOf(item), /vải thiều sấy khô/);
    await Promise.all([page.waitForURL('**/de-an/bg-2021-t-001#buoc-nghiem_thu'), item.click()]);
    assert.equal(await textOf(page.locator('#buoc-nghiem_thu')), 'Nghiệm thu');
    assert.deepEqual(page.consoleErrors, []);
  });
});
