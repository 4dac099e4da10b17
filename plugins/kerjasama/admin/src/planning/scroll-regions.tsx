import { useEffect, useRef, type ReactNode } from 'react';

const SCROLLS = /(auto|scroll)/;

/** The box's name: its table's own name, else the table's caption, else the section or page heading above it. */
const nameOf = (box: HTMLElement) => {
  const table = box.querySelector('table');
  const named = table?.getAttribute('aria-label') || table?.querySelector('caption')?.textContent;
  if (named) return named;
  const section = box.closest('section');
  return section?.querySelector('h2, h3')?.textContent || document.querySelector('main h1')?.textContent || '';
};

/** Mark each box of `root` that scrolls sideways and holds no other such box as a focusable named region. */
const markScrollRegions = (root: HTMLElement) => {
  const scrolling = Array.from(root.querySelectorAll<HTMLElement>('div')).filter((box) => SCROLLS.test(getComputedStyle(box).overflowX));
  for (const box of scrolling) {
    if (box.dataset.scrollRegion || scrolling.some((other) => other !== box && box.contains(other))) continue;
    box.dataset.scrollRegion = 'true';
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', nameOf(box));
  }
};

/**
 * Every table of the plugin scrolls sideways in a box when it is wider than the screen (the
 * design system's Table makes that box itself and takes no props for it). A keyboard user can
 * scroll such a box only if it takes focus (WCAG 2.1.1; axe's scrollable-region-focusable), so
 * each one becomes a named region in the tab order as the page renders it.
 */
export const KeyboardScrollRegions = ({ children }: { children: ReactNode }) => {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const root = ref.current;
    if (!root) return undefined;
    // One pass per frame, however many nodes a render adds.
    let frame = 0;
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(() => { frame = 0; markScrollRegions(root); });
    };
    schedule();
    const observer = new MutationObserver(schedule);
    observer.observe(root, { childList: true, subtree: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
    };
  }, []);
  return <div ref={ref}>{children}</div>;
};
