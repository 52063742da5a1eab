import { useEffect, useRef, useState } from 'preact/hooks';

/** Mounts an Observable Plot figure (static SVG) and replaces it when its inputs change. */
/** Every chart's width: the page's, between 320 and 900 pixels. */
export const chartWidth = () => Math.min(900, Math.max(320, document.body.clientWidth - 32));

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
  }, [make, width]);
  return <div ref={ref} class="figure" role="img" aria-label={label} />;
}
