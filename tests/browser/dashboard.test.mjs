// The dashboard shows the plan's figures and draws its charts; the phase report downloads as a
// Word document, and its HTML letterhead keeps each name and the motto on lines of their own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';

import { textOf, useWorkspace, withPage } from './support/browser.mjs';
import { PHONE } from './support/phone.mjs';

const ws = useWorkspace();

test('the dashboard shows the Bắc Giang plan figures and draws its charts', { timeout: 90_000 }, async (t) => {
  await withPage(t, ws, { role: 'so_cong_thuong' }, async (page) => {
    await page.goto('/tong-quan');
    assert.equal(await page.locator('#ke_hoach').inputValue(), 'bg-2016-2020');
    assert.equal(await textOf(page.locator('[data-figure="de_an.tong.so_de_an"]')), '297');
    assert.equal(await textOf(page.locator('[data-figure="de_an.tong.kinh_phi"]')), '30.722,3 triệu đồng');

    const canvases = page.locator('canvas.chart');
    const count = await canvases.count();
    assert.ok(count >= 1, 'the dashboard has charts');
    // Chart.js made one chart per canvas, and each canvas has pixels drawn on it.
    await page.waitForFunction((n) => typeof Chart !== 'undefined' && Object.keys(Chart.instances).length === n, count);
    const drawn = await page.evaluate(() =>
      Array.from(document.querySelectorAll('canvas.chart'), (c) => {
        if (c.width === 0 || c.height === 0) return 0;
        const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let painted = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
        return painted;
      }));
    drawn.forEach((painted, i) => assert.ok(painted > 100, `chart ${i + 1} is blank`));

    // Each panel's table offers its figures as CSV.
    const csvLink = page.locator('figure.panel a.download').first();
    const response = await page.request.get(await csvLink.getAttribute('href'));
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /text\/csv/);
    assert.deepEqual(page.consoleErrors, []);
  });
});

test('the phase report downloads as DOCX from /bao-cao', { timeout: 120_000 }, async (t) => {
  await withPage(t, ws, { role: 'trung_tam' }, async (page) => {
    await page.goto('/bao-cao');
    await page.selectOption('#ke_hoach', 'bg-2016-2020');
    await page.selectOption('#dinh_dang', 'docx');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.click('#tai-nhanh form button[type="submit"]'),
    ]);
    assert.equal(download.suggestedFilename(), 'bao-cao-bg-2016-2020.docx');
    assert.equal(await download.failure(), null);
    const file = path.join(ws.server.dir, download.suggestedFilename());
    await download.saveAs(file);
    const bytes = fs.readFileSync(file);
    assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK', 'a DOCX is a ZIP archive');
    assert.ok(bytes.length > 5 * 1024, `the report is only ${bytes.length} bytes`);
    assert.ok(bytes.includes('word/document.xml'), 'the archive holds word/document.xml');
  });
});

// Issue 12 §3: the HTML report's letterhead prints each body and each line of the motto on one
// line of its own, at a desk and on a phone ("VIỆT / NAM" used to break), within the screen.
for (const [name, options] of [['desk', {}], ['phone', PHONE]]) {
  test(`the HTML report's letterhead lines never break (${name})`, { timeout: 90_000 }, async (t) => {
    await withPage(t, ws, { role: 'trung_tam', ...options }, async (page) => {
      const response = await page.request.get('/bao-cao/tai?ke_hoach=bg-2016-2020&dinh_dang=html');
      assert.equal(response.status(), 200);
      await page.setContent(await response.text());
      const lines = await page.locator('.letterhead .line').evaluateAll((els) => els.map((el) => {
        // The rows its text is laid out on (text nodes only: a nested box has rectangles of its own).
        const rows = new Set();
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          for (const r of range.getClientRects()) rows.add(Math.round(r.top));
        }
        return { text: el.textContent, rows: rows.size, fits: el.scrollWidth <= el.clientWidth + 1 };
      }));
      const texts = lines.map((l) => l.text);
      for (const expected of ['UBND TỈNH BẮC GIANG', 'SỞ CÔNG THƯƠNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
        'Độc lập - Tự do - Hạnh phúc']) assert.ok(texts.includes(expected), `no line "${expected}" in ${texts}`);
      for (const l of lines) {
        assert.equal(l.rows, 1, `"${l.text}" runs over ${l.rows} lines`);
        assert.ok(l.fits, `"${l.text}" is wider than its column`);
      }
      // The letterhead stays within the screen (the appendix tables may scroll sideways).
      const right = await page.evaluate(() => document.querySelector('.letterhead').getBoundingClientRect().right);
      const screen = options.viewport ? options.viewport.width : 1280;
      assert.ok(right <= screen, `the letterhead ends at ${right} px on a ${screen} px screen`);
    });
  });
}
