/// <reference lib="dom" />
import fs from 'fs';
import type { Page } from 'playwright-core';

/**
 * Checks on a page as a person loads it: axe-core (WCAG 2.1 AA) injected from node_modules
 * (no network), and the cumulative layout shift seen by a PerformanceObserver.
 */
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/**
 * axe's WCAG 2.0/2.1 A and AA rules on the page as it is now, or on the part of it `within` selects
 * (the plugin's own content inside Strapi's admin frame). The page needs `bypassCSP` (the script is inline).
 */
export const axeViolations = async (page: Page, within?: string): Promise<AxeViolation[]> => {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (selector) => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const context = selector ? { include: [selector] } : document;
    const result = await axe.run(context, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.map(String).join(' ')),
    }));
  }, within);
};

/** Call before page.goto: sums every layout shift not caused by input, from the first paint on. */
export const watchLayoutShift = (page: Page) =>
  page.addInitScript(() => {
    const shifts = { total: 0 };
    (window as unknown as { __layoutShift: typeof shifts }).__layoutShift = shifts;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>) {
        if (!entry.hadRecentInput) shifts.total += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });

export const layoutShift = (page: Page) => page.evaluate(() => (window as unknown as { __layoutShift: { total: number } }).__layoutShift.total);

/** The browser's cache off (a first visit), counting the bytes on the wire (headers and compressed bodies). */
export const firstVisit = async (page: Page) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => {
    bytes += event.encodedDataLength;
  });
  return { bytes: () => bytes };
};
