import { useEffect, useRef, useState } from 'preact/hooks';
import { lang } from '../i18n.ts';

/** Mounts an Observable Plot figure (static SVG) and replaces it when its inputs change. */
/** Every chart's width: the page's, between 320 and 900 pixels. */
export const chartWidth = () => Math.min(900, Math.max(320, document.body.clientWidth - 32));

/**
 * Ticks for a year axis: whole years only (a half-year tick formatted 'd' would print as the next year), thinned to
 * at most about 12 on a long range.
 */
export function yearTicks(from: number, to: number): number[] {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return [];
  const step = Math.max(1, Math.ceil((to - from + 1) / 12));
  const ticks: number[] = [];
  for (let y = from; y <= to; y += step) ticks.push(y);
  return ticks;
}

export function PlotFigure({ make, label }: { make: () => SVGSVGElement | HTMLElement; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Redrawn when the window's width settles on a new value (a rotated phone, a resized window), not only at load.
  const [width, setWidth] = useState(() => chartWidth());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onResize = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setWidth(chartWidth()), 150);
    };
    addEventListener('resize', onResize);
    return () => {
      clearTimeout(timer);
      removeEventListener('resize', onResize);
    };
  }, []);
  useEffect(() => {
    const node = make();
    // The figure is one image with a text alternative (its label and the data table beside it): the marks' own
    // aria-labels, on <g> elements without a role, are noise to assistive technology and invalid ARIA.
    for (const el of node.querySelectorAll('g[aria-label], g[aria-description]')) {
      el.removeAttribute('aria-label');
      el.removeAttribute('aria-description');
    }
    ref.current?.replaceChildren(node);
    return () => node.remove();
    // A language switch redraws too: axis labels and number formats follow it.
  }, [make, width, lang()]);
  return <div ref={ref} class="figure" role="img" aria-label={label} />;
}
