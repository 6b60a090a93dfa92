import { EXPORT_FORMATS, exportFileName } from '../../../server/export';
import { EXPORT_MENU_FORMATS } from '../../../client/src/features/export';

describe('client export format list', () => {
  test('offers PNG and SVG first, then exactly the server formats in the server order', () => {
    expect(EXPORT_MENU_FORMATS.map((f) => f.format)).toEqual(['png', 'svg', ...EXPORT_FORMATS]);
  });

  test('each server format falls back to the extension the server itself uses', () => {
    for (const item of EXPORT_MENU_FORMATS.filter((f) => f.format !== 'png' && f.format !== 'svg')) {
      const serverName = exportFileName(item.format as (typeof EXPORT_FORMATS)[number]);
      expect(serverName.endsWith(`.${item.ext}`)).toBe(true);
    }
  });

  test('labels are distinct so the menu never shows two alike entries', () => {
    const labels = EXPORT_MENU_FORMATS.map((f) => f.label);
    expect(new Set(labels).size).toBe(labels.length);
  });
});
