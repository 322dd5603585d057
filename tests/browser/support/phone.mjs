// A phone screen for the browser tests, and what a page looks like on it.
export const PHONE_WIDTH = 390;
export const PHONE = {
  viewport: { width: PHONE_WIDTH, height: 844 },
  contextOptions: { isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
};
export const MIN_TAP = 44;

// The page's width and height, and the element that sticks out furthest to the right (to name
// the culprit when the page scrolls sideways).
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    let widest = null;
    for (const el of document.querySelectorAll('body *')) {
      const r = el.getBoundingClientRect();
      if (r.right > doc.clientWidth + 1 && (!widest || r.right > widest.right)) {
        widest = { right: Math.round(r.right), what: `${el.tagName.toLowerCase()}.${el.className}` };
      }
    }
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, height: doc.scrollHeight, widest };
  });
}

// The tap targets under MIN_TAP px high: the navigation, buttons, the pager, links standing
// alone in tables and lists (links inside running text are exempt, as WCAG 2.5.8 allows), and
// checkboxes and radio buttons counted with their label, which is tapped as well.
export async function smallTapTargets(page) {
  return page.evaluate((minTap) => {
    const selector = 'header a, header button, main button, main .button, main td a, main li > a, .pager a, input[type="checkbox"], input[type="radio"]';
    const small = [];
    for (const el of document.querySelectorAll(selector)) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || el.closest('.visually-hidden, .skip-link')) continue;
      const box = el.matches('input') && el.closest('label') ? el.closest('label').getBoundingClientRect() : r;
      if (box.height < minTap - 0.5) small.push(`${el.tagName.toLowerCase()} "${(el.textContent || el.name || '').trim().slice(0, 30)}" ${Math.round(box.height)} px`);
    }
    return small;
  }, MIN_TAP);
}

// Lists shown as cards (table.list-cards) must fit their box: a card wider than the screen would
// scroll inside its box, which the page's own width does not show.
export async function cardListsOverflow(page) {
  return page.evaluate(() => Array.from(document.querySelectorAll('.table-scroll'))
    .filter((box) => box.querySelector('table.list-cards') && box.scrollWidth > box.clientWidth + 1)
    .map((box) => `${box.getAttribute('aria-label')}: ${box.scrollWidth} px in ${box.clientWidth} px`));
}
