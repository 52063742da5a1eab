import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
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

/**
 * Figures draw one per task, in the order they first asked: a page of six charts shows its first as soon as that one
 * is drawn, and the browser paints between them, instead of drawing nothing until all six are done. A figure whose
 * inputs change while it waits keeps its place (its newer drawing replaces the one it was waiting with).
 */
interface Slot {
  draw: (() => void) | null;
  queued: boolean;
}
const waiting: Slot[] = [];
let draining = false;
function drain(): void {
  const slot = waiting.shift();
  if (slot) {
    slot.queued = false;
    const draw = slot.draw;
    slot.draw = null;
    try {
      draw?.();
    } finally {
      // A figure that fails to draw does not stop the ones after it.
      if (waiting.length > 0) setTimeout(drain, 0);
      else draining = false;
    }
    return;
  }
  draining = false;
}
function drawSoon(slot: Slot, draw: () => void): () => void {
  if (!draining) {
    // Nothing waiting: this figure draws now, before the browser paints the page around it; any figure asking in
    // the same pass waits its turn.
    draining = true;
    setTimeout(drain, 0);
    draw();
    return () => {};
  }
  slot.draw = draw;
  if (!slot.queued) {
    slot.queued = true;
    waiting.push(slot);
  }
  return () => {
    if (slot.draw === draw) slot.draw = null;
  };
}

export function PlotFigure({ make, label }: { make: () => SVGSVGElement | HTMLElement; label: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const slot = useRef<Slot>({ draw: null, queued: false });
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
  // A layout effect: the first figure of a page is drawn before the page is first painted, not a frame later.
  useLayoutEffect(() => {
    const cancel = drawSoon(slot.current, () => {
      const node = make();
      // The figure is one image with a text alternative (its label and the data table beside it): the marks' own
      // aria-labels, on <g> elements without a role, are noise to assistive technology and invalid ARIA.
      for (const el of node.querySelectorAll('g[aria-label], g[aria-description]')) {
        el.removeAttribute('aria-label');
        el.removeAttribute('aria-description');
      }
      ref.current?.replaceChildren(node);
    });
    // A figure being redrawn stays until its new drawing replaces it (a page never blinks to an empty figure while
    // the new one waits its turn); an unmounted one leaves with its container.
    return cancel;
    // A language switch redraws too: axis labels and number formats follow it.
  }, [make, width, lang()]);
  return <div ref={ref} class="figure" role="img" aria-label={label} />;
}
