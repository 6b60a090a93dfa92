/**
 * WCAG contrast ratio of two opaque CSS colours as getComputedStyle gives them ("rgb(r, g, b)"),
 * for checks axe-core does not make (focus rings). https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio
 */
function channels(color: string): [number, number, number] {
  const m = /rgba?\(([^)]+)\)/.exec(color);
  if (!m) throw new Error(`tests/e2e/contrast: not an rgb() colour: ${color}`);
  const [r, g, b] = m[1].split(',').map((x) => Number(x.trim()));
  return [r, g, b];
}

function luminance(color: string): number {
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = channels(color);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
