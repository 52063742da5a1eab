/**
 * A chart as a file: its SVG with the view's title, sentence, legend and sources drawn in, as SVG or PNG — so a
 * picture that travels still says what it shows and where it comes from.
 */
import { messages } from '../i18n.ts';

const T = messages(
  {
    notDrawn: 'the chart could not be drawn as an image',
    noCanvas: 'no 2D canvas',
  },
  {
    notDrawn: '图表无法绘制为图片',
    noCanvas: '浏览器不支持 2D 画布',
  },
);

const WIDTH = 960;
const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", sans-serif';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;
/** A text's width in average characters: a CJK character is about two. */
const cost = (s: string) => [...s].reduce((n, ch) => n + (CJK.test(ch) ? 2 : 1), 0);

/**
 * The pieces a line may break between: runs of text between spaces, except that each Chinese character is a piece of
 * its own, with the punctuation that opens before it and closes after it (so no line starts with "，" or ends with
 * "（"). `space` says whether a space separated the piece from the one before.
 */
const PIECE =
  /\s+|[（《「『【“‘([]*[\u3400-\u9fff\uf900-\ufaff][，。、；：？！）》」』】”’,.;:!?)\]]*|(?:(?![（《「『【“‘([]*[\u3400-\u9fff\uf900-\ufaff])\S)+/g;

function pieces(text: string): { text: string; space: boolean }[] {
  const out: { text: string; space: boolean }[] = [];
  let space = false;
  for (const [m] of text.matchAll(PIECE)) {
    if (/^\s/.test(m)) space = true;
    else {
      out.push({ text: m, space });
      space = false;
    }
  }
  return out;
}

/**
 * Greedy line wrap by an average character width (CJK characters count double): at spaces, and between CJK
 * characters (Chinese has no spaces to break at).
 */
export function wrap(text: string, size: number, width = WIDTH - 48): string[] {
  const perLine = Math.floor(width / (size * 0.52));
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces(text)) {
    const next = line ? `${line}${piece.space ? ' ' : ''}${piece.text}` : piece.text;
    if (cost(next) > perLine && line) {
      lines.push(line);
      line = piece.text;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface ChartText {
  title: string;
  takeaway?: string;
  source: string;
}

/** The view's chart (its first SVG of any size) with the words around it, as one standalone SVG document. */
export function composeSvg(view: Element, text: ChartText): string | null {
  const charts = [...view.querySelectorAll('.figure svg, .china-map svg')].filter(
    (s) => !s.closest('[class*="swatch"]') && (s as SVGSVGElement).getBoundingClientRect().width > 120,
  ) as SVGSVGElement[];
  const chart = charts[0];
  if (!chart) return null;
  const box = chart.getBoundingClientRect();
  const viewBox = chart.getAttribute('viewBox') ?? `0 0 ${box.width} ${box.height}`;
  const [, , vbW = box.width, vbH = box.height] = viewBox.split(/[\s,]+/).map(Number);
  const chartW = WIDTH - 48;
  const chartH = Math.round((chartW * vbH) / vbW);
  const parts: string[] = [];
  let y = 36;
  parts.push(`<text x="24" y="${y}" font-size="22" font-weight="700">${escape(text.title)}</text>`);
  y += 10;
  for (const line of text.takeaway ? wrap(text.takeaway, 15) : []) {
    y += 21;
    parts.push(`<text x="24" y="${y}" font-size="15">${escape(line)}</text>`);
  }
  // Plot's legend is HTML beside the SVG: its swatches become drawn squares and labels.
  const swatches = [...view.querySelectorAll('[class*="swatch"]')].filter((s) => !s.querySelector('[class*="swatch"]'));
  if (swatches.length > 0) {
    y += 24;
    let x = 24;
    for (const s of swatches) {
      // Plot puts a swatch's colour on its <svg> (the <rect> inside inherits it); older versions on the shape.
      const shape = s.querySelector('rect, circle');
      const fill =
        shape?.getAttribute('fill') ??
        s.querySelector('svg')?.getAttribute('fill') ??
        (shape ? getComputedStyle(shape).fill : null) ??
        '#444';
      const label = (s.textContent ?? '').trim();
      parts.push(`<rect x="${x}" y="${y - 11}" width="12" height="12" fill="${escape(fill)}"/>`);
      parts.push(`<text x="${x + 16}" y="${y}" font-size="13">${escape(label)}</text>`);
      x += 30 + cost(label) * 7;
    }
  }
  y += 12;
  // A copy placed in the page: its own size attributes replaced (two width attributes would not be XML).
  const placed = chart.cloneNode(true) as SVGSVGElement;
  placed.setAttribute('viewBox', viewBox);
  placed.setAttribute('x', '24');
  placed.setAttribute('y', String(y));
  placed.setAttribute('width', String(chartW));
  placed.setAttribute('height', String(chartH));
  parts.push(new XMLSerializer().serializeToString(placed));
  y += chartH + 8;
  for (const line of wrap(text.source, 12)) {
    y += 16;
    parts.push(`<text x="24" y="${y}" font-size="12" fill="#444">${escape(line)}</text>`);
  }
  y += 24;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${WIDTH}" ` +
    `height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family='${FONT}'>` +
    `<rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`
  );
}

function save(blob: Blob, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

export function downloadSvg(svg: string, name: string): void {
  save(new Blob([svg], { type: 'image/svg+xml' }), `${name}.svg`);
}

/** The same drawing rasterised at twice its size. */
export async function downloadPng(svg: string, name: string): Promise<void> {
  const img = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  await new Promise<void>((resolve, reject) => {
    img.onload = () => resolve();
    img.onerror = () => reject(new Error(T().notDrawn));
    img.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = img.width * 2;
  canvas.height = img.height * 2;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error(T().noCanvas);
  ctx.scale(2, 2);
  ctx.drawImage(img, 0, 0);
  URL.revokeObjectURL(url);
  const blob = await new Promise<Blob | null>((r) => canvas.toBlob(r, 'image/png'));
  if (blob) save(blob, `${name}.png`);
}
